"""The form of a suggestion: markup, lists, code, data and faces, which a resident hears
as something other than a person talking to them.

``format_problem(text)`` names the first non-conversational form found, in the order
of :data:`_FORMS` (markup and data before the milder forms), or ``None``:

- Markdown: emphasis (``**x**``, ``__x__``, ``*x*``, ``_x_``, ``~~x~~``), headings
  (``# x`` and ``===`` underlines), links and images, block quotes, tables,
  horizontal rules;
- HTML or XML tags, comments and character entities (``&nbsp;``, ``&#8203;``);
- lists: a line starting with a bullet (``-``, ``*``, ``+``, ``•`` ...) or a
  checkbox, a line starting with ``1.``, ``1)``, ``(1)``, ``a)``, two lines
  starting with a dash or with a number ("Step 1 ...", "10 minutes ..."), two
  bullets in a line, or an inline enumeration ``1) ... 2) ...``;
- code: fenced blocks, inline backticks, calls (``walk()``, ``print('hi')``,
  ``os.walk(x)``), statements ending in ``;`` or opening ``{``, assignments and
  comparisons (``x = 1``, ``a == b``, ``=>``, ``&&``), snake_case identifiers
  (``brew_tea``), declarations (``def``,
  ``function``, ``var``/``let``/``const``), shell variables, escape sequences
  (``\\n`` written out);
- data: JSON (a quoted key with a colon inside braces, or two quoted keys),
  arrays, curly braces, YAML-like ``key: value`` lines (two lines, or one with
  a snake_case key), inline ``key: value, key: value`` records;
- links, e-mail addresses, hashtags and @mentions.

Honest prose passes: times and ranges ("at 10:30", "9:00-10:00"), ratios
("2:1"), a colon introducing a clause ("One idea: a walk before dinner"),
abbreviations ("e.g.", "Mr."), quotes, parentheses, dashes, "3-4 minutes",
prices ("£5"). A single asterisk ("rated 5*", a footnote "*") is not Markdown:
emphasis needs a pair around a word. An English plural marker ("friend(s)")
is not a call.

``kaomoji(text)`` returns the first emoticon or kaomoji written in characters
(``:-)``, ``;)``, ``xD``, ``<3``, ``^^``, ``^_^``, ``-_-``, ``uwu``,
``(╯°□°)╯︵ ┻━┻``, ``¯\\_(ツ)_/¯``, ``ʕ•ᴥ•ʔ``), or ``None``; emoji pictographs
are :func:`..style.has_emoji`'s.

Known limits: a prose line that starts with "1." or "- " is a list; "<3 hours"
reads as a heart; a face built only from letters is recognised only when
listed (:data:`_LETTER_FACES`), so "tot" or "ovo" are words, not faces.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# --- forms ----------------------------------------------------------------------------------

_M = re.MULTILINE

# Markup and code that cannot be prose.
_CODE_FENCE = re.compile(r"```|~~~")
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[^<>\n]*?)?\s*/?>|<!--|<!\[CDATA\[|<![Dd][Oo][Cc]")
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPES = re.compile(r"\\[nrt]|\\u[0-9A-Fa-f]{4}|\\x[0-9A-Fa-f]{2}")
_INLINE_CODE = re.compile(r"`[^`\n]+`")

# Addresses.
_URL = re.compile(
    r"\b(?:https?|ftp)://\S+|\bwww\.[\w-]+\.\S+"
    # a bare domain: common top-level domains that are not English words ("walk.Me" is a typo)
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:co\.uk|com|org|net|io|gov|edu|info|biz|app|dev|xyz|ai|co|shop|store"
    r"|online|site|blog|live|link|page|tech|news|club|life|space|world|top|ca|au|nz|ie|eu|es|nl|se|de|fr"
    r"|ru|cn|jp|ly|gg)"
    r"\b(?:/\S*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HASHTAG = re.compile(r"(?<![\w&#/])#[A-Za-z_]\w*")
_MENTION = re.compile(r"(?<![\w.@/])@[A-Za-z_]\w*")

# Markdown.
_MD_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]*\)|^\s*\[[^\]\n]+\]:\s*\S", _M)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S|^[ \t]*={3,}[ \t]*$", _M)
_MD_RULE = re.compile(r"^[ \t]*(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}$", _M)
_MD_QUOTE = re.compile(r"^[ \t]*>+[ \t]?(?=[^\W\d_]|[\"“'])", _M)
_MD_TABLE = re.compile(r"^[ \t]*\|.*\|[ \t]*$|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", _M)
_PIPES = re.compile(r"^[^|\n]*\|[^|\n]*\|", _M)
_MD_EMPHASIS = re.compile(
    r"\*\*(?=\S)[^*\n]+?(?<=\S)\*\*"                       # **strong**
    r"|__(?=\S)[^_\n]+?(?<=\S)__"                           # __strong__
    r"|~~(?=\S)[^~\n]+?(?<=\S)~~"                           # ~~struck~~
    r"|(?<![\w*\\])\*(?=[^\s*])[^*\n]{1,80}?(?<=[^\s*])\*(?![\w*])"   # *emphasis*
    r"|(?<![\w_\\])_(?=[^\s_])[^_\n]{1,80}?(?<=[^\s_])_(?![\w_])"     # _emphasis_
)

# Lists.
_BULLET_LINE = re.compile(r"^[ \t]*[-*+•◦▪▫‣●○■□➢➤►✓✔☐☑][ \t]+\S", _M)
_CHECKBOX = re.compile(r"^[ \t]*(?:[-*+][ \t]*)?\[[ xX]\][ \t]", _M)
_NUMBERED_LINE = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\)|\([a-z]\))[ \t]+\S", _M)
_INLINE_NUMBERS = re.compile(r"(?:^|\s)\(?1[.)]\s+\S.*?\s\(?2[.)]\s+\S", re.DOTALL)
_DASH_LINES = re.compile(r"^[ \t]*[–—][ \t]+\S", _M)  # two or more lines opened by a dash
_NUMBER_LINES = re.compile(r"^[ \t]*(?:[A-Za-z]+[ \t])?\d{1,3}\b", _M)  # "Step 1 ...", "10 min ..."
_INLINE_BULLETS = re.compile(r"(?:^|\s)[•◦▪‣●]\s[^•◦▪‣●\n]*\s[•◦▪‣●]\s")

# Code.
_DECLARATION = re.compile(
    r"\bdef\s+\w+\s*\(|\bfunction\b\s*\w*\s*\(|\b(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=(?!=)"
    r"|\bclass\s+[A-Z]\w*\s*[:({]|\bconsole\.log\b|^[ \t]*#include\b|<\?php"
)
# Statements made of words only: an import line, an SQL query in capitals.
_WORD_STATEMENT = re.compile(
    r"^[ \t]*(?:import|from)[ \t]+[\w.]+(?:[ \t]+import[ \t]+[\w.*, ]+)?[ \t]*;?[ \t]*$"
    r"|\bSELECT\b.+\bFROM\b|\b(?:INSERT INTO|DROP TABLE|UPDATE \w+ SET)\b",
    _M,
)
_IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")  # snake_case: "brew_tea"
_STATEMENT = re.compile(r"\)\s*[;{]|\{\s*$|^\s*\}", _M)
_CALL = re.compile(
    r"\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\s*\("                # dotted call: os.walk(
    r"|\b[A-Za-z_]\w*\((?:\)|[^()\n]*[\d\"',=:\[{][^()\n]*\))"  # walk(), f(1), print('x')
)
# An assignment opens a line or a statement ("x = 1", "if (a == b)"), or glues a key to its
# value ("mood=calm"); "1 cup = 250 ml" in a sentence is arithmetic prose.
_ASSIGNMENT = re.compile(
    r"(?:^|[;({,])[ \t]*[A-Za-z_][\w.\[\]]*[ \t]*(?:[+\-*/%]?=|:=)(?!=)[ \t]*[\w\"'\[{(\-.]"
    r"|\b[A-Za-z_]\w*=[\w\"'\[{]",
    _M,
)
_OPERATOR = re.compile(r"(?<!=)==(?!=)|!=|&&|\|\||=>|\+=|::|\$\{|(?<![\w$£€])\$[A-Za-z_]\w*")

# Data.
_JSON_KEY = re.compile(r"[\"'][^\"'\n]{1,60}[\"']\s*:\s*")
_JSON_OBJECT = re.compile(r"\{[^{}]*[\"'][^\"'\n]{1,60}[\"']\s*:[^{}]*\}")
_ARRAY = re.compile(r"^\s*\[[^\[\]]*\]\s*$|\[\s*(?:[\"'][^\"'\n]*[\"']|\d+(?:\.\d+)?)\s*(?:,\s*(?:[\"'][^\"'\n]*[\"']|\d+(?:\.\d+)?)\s*)+\]")
_BRACES = re.compile(r"[{}]")
_KEY_LINE = re.compile(r"^[ \t]*[A-Za-z_][\w-]{0,30}[ \t]*:[ \t]+\S", _M)
_SNAKE_KEY = re.compile(r"^[ \t]*[a-z][a-z0-9]*(?:_[a-z0-9]+)+[ \t]*:", _M)
_INLINE_PAIR = re.compile(r"(?:^|[,;{|]\s*)[A-Za-z_]\w*\s*:\s*[^\s,;]", _M)


def _dash_lines(text: str) -> bool:
    return len(_DASH_LINES.findall(text)) >= 2


def _number_lines(text: str) -> bool:
    return len(_NUMBER_LINES.findall(text)) >= 2


def _json(text: str) -> bool:
    return _JSON_OBJECT.search(text) is not None or len(_JSON_KEY.findall(text)) >= 2


def _key_value_lines(text: str) -> bool:
    return len(_KEY_LINE.findall(text)) >= 2 or _SNAKE_KEY.search(text) is not None


def _inline_record(text: str) -> bool:
    return len(_INLINE_PAIR.findall(text)) >= 2


def _pattern(regex: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: regex.search(text) is not None


# (phrase, characters of which one must be in the text for the form to be there, test)
_FORMS: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    ("a fenced code block", "`~", _pattern(_CODE_FENCE)),
    ("an HTML tag", "<", _pattern(_HTML_TAG)),
    ("an HTML entity", "&", _pattern(_HTML_ENTITY)),
    ("an e-mail address", "@", _pattern(_EMAIL)),
    ("a Markdown link", "[", _pattern(_MD_LINK)),
    ("a link", ".", _pattern(_URL)),
    ("JSON", "\"'", _json),
    ("a data array", "[", _pattern(_ARRAY)),
    ("inline code", "`", _pattern(_INLINE_CODE)),
    ("code", "(=<#", _pattern(_DECLARATION)),
    ("code", "", _pattern(_WORD_STATEMENT)),
    ("code", "(", _pattern(_CALL)),
    ("code", "=", _pattern(_ASSIGNMENT)),
    ("code", "=!&|:$", _pattern(_OPERATOR)),
    ("code", ";{}", _pattern(_STATEMENT)),
    ("escape sequences", "\\", _pattern(_ESCAPES)),
    ("curly braces (code or data)", "{}", _pattern(_BRACES)),
    ("a Markdown heading", "#=", _pattern(_MD_HEADING)),
    ("a horizontal rule", "-*_", _pattern(_MD_RULE)),
    ("a table", "|", _pattern(_MD_TABLE)),
    ("pipe-separated fields", "|", _pattern(_PIPES)),
    ("a block quote", ">", _pattern(_MD_QUOTE)),
    ("a checklist", "[", _pattern(_CHECKBOX)),
    ("a bulleted list", "-*+•◦▪▫‣●○■□➢➤►✓✔☐☑", _pattern(_BULLET_LINE)),
    ("a numbered list", ".)", _pattern(_NUMBERED_LINE)),
    ("a numbered list", "1", _pattern(_INLINE_NUMBERS)),
    ("a numbered list", "\n", _number_lines),
    ("a bulleted list", "–—", _dash_lines),
    ("a bulleted list", "•◦▪‣●", _pattern(_INLINE_BULLETS)),
    ("Markdown emphasis", "*_~", _pattern(_MD_EMPHASIS)),
    ("key-value lines (YAML-like data)", ":", _key_value_lines),
    ("a key-value record", ":", _inline_record),
    ("a code identifier", "_", _pattern(_IDENTIFIER)),
    ("a hashtag", "#", _pattern(_HASHTAG)),
    ("an @mention", "@", _pattern(_MENTION)),
)


def format_problem(text: str) -> str | None:
    """The first markup or non-conversational form in ``text`` (see module), or ``None``."""
    chars = set(text)
    for phrase, needs, found in _FORMS:
        if (not needs or not chars.isdisjoint(needs)) and found(text):
            return phrase
    return None


# --- faces ----------------------------------------------------------------------------------

# Western emoticons: eyes, an optional nose, a mouth; not inside a time, a URL or a word.
_WESTERN = re.compile(
    r"(?<![\w:/\\=<>])[:;=][-o^'’]?(?:[)(\]\[|/\\*$@{}]|[DPpOoSsXx3](?!\w))(?![\d:])"
    r"|(?<=[A-Za-z])[:;]-?[)(](?![\w)(])"                     # "Great:)"
    r"|(?<![\w(])\(-?[:;](?![\w:;])"                            # reversed "(:"
    r"|(?<![\w<])</?3+(?!\d)"                                   # hearts "<3", "</3"
    r"|(?<![\w])[xX]D+(?![\w])"                                 # "xD"
    r"|(?<![\w^])\^\^+;?(?![\w^])"                              # "^^"
    r"|\\o/"                                                    # cheering "\o/"
)
# Eastern faces in ASCII: eye, mouth, eye ("^_^", ">_<", "T_T", "o.O", "-_-", "._.").
_EYE_MOUTH_EYE = re.compile(
    r"(?<![\w])[\^>@*;=TtOoUuXx][_.wWoO3~-]{1,2}[\^<@*;=TtOoUuXx](?![\w])"
    r"|(?<![\w-])-[_.]{1,2}-(?![\w-])"
    r"|(?<![\w.])\._+\.(?![\w.])"
)
# Faces made only of letters are words unless listed.
_LETTER_FACES = frozenset({"uwu", "UwU", "owo", "OwO", "ToT", "TwT", "TuT"})

# Characters that hardly occur outside kaomoji in English text.
_FACE_CHARS = frozenset(
    "ツ¯ᴗ◕‿ಠ益ᴥʕʔ╯╰︵┻┳━ಥ╥﹏༼༽ᕕᕗᕦᕤヽﾉ∩ᵕ⊙ʘ◉◔◡⌒≧≦▽∀∇꒳｡･ﾟ˘ᵔ๑ง"
)
# Parts of faces that are ordinary characters elsewhere (degrees, accents, letters).
_FACE_PARTS = _FACE_CHARS | frozenset("°□´`ωДεノ•・^_-;><@*=~'\"TtOoUuXx")
_BRACKETED = re.compile(r"[(（]([^()（）\s]{1,14})[)）]")
_ASCII_WORD = re.compile(r"[A-Za-z]{2,}|\d")


def kaomoji(text: str) -> str | None:
    """The first emoticon or kaomoji in ``text``, as written, or ``None`` (see module)."""
    found: list[tuple[int, str]] = []
    western = _WESTERN.search(text)
    if western is not None:
        found.append((western.start(), western.group()))
    for m in _EYE_MOUTH_EYE.finditer(text):
        face = m.group()
        if not face.isalpha() or face in _LETTER_FACES:
            found.append((m.start(), face))
            break
    for m in _BRACKETED.finditer(text):
        inside = m.group(1)
        if _ASCII_WORD.search(inside) is None and len(inside) >= 3 \
                and sum(c in _FACE_PARTS for c in inside) >= 2:
            found.append(_whole_face(text, m.start(), m.end()))
            break
    if not _FACE_CHARS.isdisjoint(text):
        for i, ch in enumerate(text):
            if ch in _FACE_CHARS:
                start, face = _whole_face(text, i)
                if not face.isalpha() or sum(c in _FACE_CHARS for c in face) >= 2:
                    found.append((start, face))
                    break
    return min(found)[1] if found else None


def _whole_face(text: str, start: int, end: int | None = None) -> tuple[int, str]:
    """The face around ``text[start:end]``: extended over neighbouring characters that are
    neither spaces nor ASCII letters or digits, then joined with the following chunks that hold
    face characters (an arm, a flipped table: "(╯°□°)╯︵ ┻━┻")."""
    end = start + 1 if end is None else end
    while start > 0 and not text[start - 1].isspace() and not _ascii_alnum(text[start - 1]):
        start -= 1
    while end < len(text) and not text[end].isspace() and not _ascii_alnum(text[end]):
        end += 1
    for chunk in _CHUNK.finditer(text, end):
        piece = chunk.group()
        if "\n" in text[end:chunk.start()] or _ASCII_WORD.search(piece) \
                or not (_FACE_CHARS.intersection(piece) or len(piece) <= 2 and not piece.isascii()):
            break
        end = chunk.end()
    return start, text[start:end].rstrip(".,!?")


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_CHUNK = re.compile(r"\S+")
