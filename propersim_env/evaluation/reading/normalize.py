"""The characters of a suggestion: what the rest of the judge reads, and what a
careful reviewer would refuse before reading it.

``normalize(raw)`` returns a :class:`Normalized` record:

- ``text``: the string the judge reads. Line breaks become ``"\\n"`` (format
  detection needs them), other whitespace runs one space; control, invisible
  and zero-width characters, private-use and unassigned code points are
  removed; decorative letters (mathematical bold or script, circled, squared,
  full-width, superscript, small capitals) become plain letters; letters of
  another script that stand in for Latin ones ("ѕcore" with a Cyrillic ѕ) become
  the Latin letters they imitate; combining marks stacked or struck through
  plain letters are dropped; the rest is NFKC-normalised.
- ``problem``: a short phrase naming the first of these (in reading order) that
  the raw text held, e.g. ``"an invisible character U+200B"`` or
  ``"lookalike letters from another script in 'ѕcore'"``; ``None`` if none.

Ordinary text in any one script is not a problem here: an all-Cyrillic
sentence, accented letters, curly quotes, dashes, the degree sign, non-breaking
and other spaces, emoji with their variation selectors, skin tones, zero-width
joiners and flag tags. Whether the text is English, and whether emoji suit the
resident, are judged elsewhere (:mod:`.language`, :mod:`..style`).

Known limits:

- A word written entirely in another script is read as Latin only when all its
  letters have a Latin lookalike and the text's letters are mostly Latin; so one
  Russian word of lookalike letters inside an English sentence ("сор", or the
  preposition "а" standing for the article "a") is read as Latin, while single
  Greek letters ("π", "α"), which are symbols in English text, are left alone.
- A Latin letter plus another script inside one word is refused only when one
  of the other letters imitates a Latin letter; Chinese or Japanese text that
  runs Latin letters into its characters without spaces is left to
  :mod:`.language`.
- Superscript letters are decorative even in "1ˢᵗ"; letter-like symbols such
  as "ℓ" are decorative as the mathematical letters they complete.
- Unicode data is Python's (14.0); code points assigned later are unassigned
  here, except in the emoji blocks (U+1F000-U+1FAFF), which are kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from confusable_homoglyphs.categories import alias as _unicode_script
from confusable_homoglyphs.confusables import confusables_data as _CONFUSABLES


@dataclass(frozen=True, slots=True)
class Normalized:
    """A suggestion as the judge reads it, and the first character trick it held."""

    text: str
    problem: str | None


# --- tables ---------------------------------------------------------------------------------

# Line separators of every kind become "\n"; U+0085 (next line) is a line break, not a control.
_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
# ASCII controls other than tab and line feed (carriage returns were turned into line feeds).
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_SPACE_AROUND_BREAK = re.compile(r" ?\n ?")
_BLANK_LINES = re.compile(r"\n{3,}")

# Bidirectional controls: they reorder what is shown, so the shown text is not the read one.
_TEXT_DIRECTION = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters that Unicode does not class as format characters (fillers and blanks
# drawn as nothing, the combining grapheme joiner, Khmer inherent vowels, Mongolian selectors).
_INVISIBLE_OTHER = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0"
)
_ZWJ, _ZWNJ = "\u200d", "\u200c"
_BYTE_ORDER_MARK = "\ufeff"
_REPLACEMENT = "\ufffd"
_BLACK_FLAG = "\U0001f3f4"  # the base of subdivision flags spelled with tag characters
_EMOJI_BLOCKS = (0x1F000, 0x1FAFF)

# Decomposition tags whose letters are styled copies of plain ones ("𝐭", "ⓣ", "🄰").
_STYLED_TAGS = frozenset({"<font>", "<circle>", "<square>"})
# Ordinal indicators are superscript letters in Spanish and Portuguese writing ("1º"), not style.
_ORDINAL_INDICATORS = frozenset("ªº")
# Emoji that are negative squared letters (blood types, parking) when followed by U+FE0F.
_NEGATIVE_CIRCLED = (0x1F150, 0x1F169)
_NEGATIVE_SQUARED = (0x1F170, 0x1F189)

# Lookalikes the confusables table maps only to other non-ASCII letters (к -> ĸ, т -> ᴛ), read
# here as the Latin letter they are used for.
_LOOKALIKE_SUPPLEMENT = {
    "к": "k", "м": "m", "н": "h", "т": "t", "в": "b", "п": "n", "ь": "b", "κ": "k", "τ": "t",
    "ſ": "s",  # the long s: NFKC reads it as "s", but it shows as an "f"
}
# Latin letters of European alphabets that resemble plain ones but are letters in their own
# right (Turkish, Polish, Nordic, German, Icelandic, Azerbaijani, ...): never lookalikes.
_LATIN_ALPHABET_LETTERS = frozenset("ıİłŁøØđĐßẞæÆœŒþÞðÐŋŊəƏĸ")
_NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED", "Unknown"})
# Scripts written without spaces between words (or commonly run into Latin brand names and
# abbreviations): Latin letters inside their words are not a trick.
_SPACELESS_SCRIPTS = frozenset({"HAN", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR"})
# Greek letters that are unit symbols next to Latin ones ("μg", "kΩ").
_UNIT_LETTERS = frozenset("μΩ")

# Combining marks that can sit on a Latin letter; after canonical composition, any left on one
# are strike-throughs, underlines or stacked "zalgo" marks (other scripts keep theirs: Russian
# stress marks, Greek breathings).
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARKED_LETTER = re.compile(f"[A-Za-z\u00c0-\u024f][{_COMBINING}]+")
_STRAY_MARKS = re.compile(f"(?:^|(?<=\\s))[{_COMBINING}]+")
_WORD = re.compile(r"[^\W\d_]+")
_EDGE_PUNCTUATION = " \t\n.,;:!?\"'()[]{}<>«»“”‘’"


# --- public ---------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def normalize(raw: str) -> Normalized:
    """The text the judge reads from ``raw``, and the first character trick it held (see module)."""
    text = _LINE_BREAKS.sub("\n", raw)
    if text.isascii() and _ASCII_CONTROL.search(text) is None:
        return Normalized(_collapse_space(text), None)  # the common case: nothing to clean
    cleaned, problem, letters, marks = _clean_characters(text)
    found = [problem] if problem is not None else []
    if letters:
        cleaned, lookalike = _unmask_lookalikes(cleaned)
        if lookalike is not None:
            found.append(lookalike)
    if marks:
        cleaned, decoration = _drop_decorative_marks(cleaned)
        if decoration is not None:
            found.append(decoration)
    first = min(found)[1] if found else None
    return Normalized(_collapse_space(unicodedata.normalize("NFKC", cleaned)), first)


def script_of(ch: str) -> str:
    """The Unicode script of character ``ch`` in upper case ("LATIN", "CYRILLIC", "HAN", ...);
    "COMMON" for digits, punctuation and symbols shared by scripts."""
    if ch.isascii():
        return "LATIN" if ch.isalpha() else "COMMON"
    return _script(ch)


# --- the character scan ---------------------------------------------------------------------

Problem = tuple[int, str]  # (position in the cleaned text, phrase)


_SUSPECT = re.compile("[^\x20-\x7e\n\t]")  # what the scan looks at: non-ASCII and controls
_ordinary: set[str] = set()  # non-ASCII characters seen to be kept as they are in any context


def _clean_characters(text: str) -> tuple[str, Problem | None, bool, bool]:
    """Drop what is not shown or not assigned, replace decorative letters; the first problem,
    and whether non-ASCII letters and combining marks remain (for the later passes)."""
    out: list[str] = []
    size = 0  # length of the cleaned text so far
    last = 0
    first: Problem | None = None
    letters = marks = False
    for m in _SUSPECT.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in _ordinary:
            letters = letters or ch.isalpha()
            marks = marks or unicodedata.category(ch)[0] == "M"
            continue
        out.append(text[last:i])
        size += i - last
        last = i + 1
        if ch.isascii():
            if first is None:
                first = (size, f"a control character {_code(ch)}")
            continue
        phrase = _refusal(text, i, ch)
        if phrase is None:
            plain = _decorative(text, i, ch)
            if plain is None:
                out.append(ch)
                size += 1
                letters = letters or ch.isalpha()
                marks = marks or unicodedata.category(ch)[0] == "M"
                if _context_free(ch):
                    _ordinary.add(ch)
                continue
            out.append(plain)
            size += 1
            if first is None:
                first = (size - 1, f"decorative Unicode letters in '{_word_around(text, i)}'")
        elif phrase and first is None:  # '' drops silently (a leading byte order mark)
            first = (size, phrase)
    out.append(text[last:])
    return "".join(out), first, letters, marks


def _context_free(ch: str) -> bool:
    """Whether kept character ``ch`` is kept in every context (not a format character, a
    variation selector, a negative squared letter or an unassigned emoji)."""
    return unicodedata.category(ch) not in ("Cf", "Cn") and not _is_variation_selector(ch) \
        and not _NEGATIVE_SQUARED[0] <= ord(ch) <= _NEGATIVE_SQUARED[1]


def _refusal(text: str, i: int, ch: str) -> str | None:
    """Why non-ASCII character ``ch`` at ``text[i]`` is dropped ('' to drop it silently), or
    ``None`` to keep it."""
    category = unicodedata.category(ch)
    if category == "Cf":
        if ch == _BYTE_ORDER_MARK and i == 0:
            return ""
        if _format_character_allowed(text, i, ch):
            return None
        if ch in _TEXT_DIRECTION:
            return f"a text-direction control character {_code(ch)}"
        return f"an invisible character {_code(ch)}"
    if category == "Cc":
        return f"a control character {_code(ch)}"
    if category == "Co":
        return f"a private-use character {_code(ch)}"
    if category == "Cs":
        return f"a lone surrogate {_code(ch)}"
    if category == "Cn":
        if _EMOJI_BLOCKS[0] <= ord(ch) <= _EMOJI_BLOCKS[1]:
            return None  # emoji assigned after Python's Unicode version
        return f"an unassigned code point {_code(ch)}"
    if ch in _INVISIBLE_OTHER:
        return f"an invisible character {_code(ch)}"
    if ch == _REPLACEMENT:
        return f"a replacement character {_code(ch)} (broken text)"
    if _is_variation_selector(ch) and not _variation_allowed(text, i):
        return f"an invisible character {_code(ch)}"
    return None


def _format_character_allowed(text: str, i: int, ch: str) -> bool:
    """Whether format character ``ch`` at ``text[i]`` does a visible job there: a zero-width
    joiner inside an emoji sequence, a joiner or non-joiner between letters of one non-Latin
    script (Indic conjuncts, Persian words), a tag character spelling a subdivision flag."""
    if ch in (_ZWJ, _ZWNJ):
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if not before or not after:
            return False
        if ch == _ZWJ and _emoji_like(before) and _emoji_like(after):
            return True
        return (before.isalpha() or unicodedata.category(before).startswith("M")) and after.isalpha() \
            and _script(after) not in ("LATIN", *_NEUTRAL_SCRIPTS) and _script(after) == _script_of_base(text, i)
    if 0xE0020 <= ord(ch) <= 0xE007F:  # tag characters: only after the black flag
        j = i - 1
        while j >= 0 and 0xE0020 <= ord(text[j]) <= 0xE007F:
            j -= 1
        return j >= 0 and text[j] == _BLACK_FLAG
    return False


def _script_of_base(text: str, i: int) -> str:
    """The script of the letter before ``text[i]``, skipping combining marks (vowel signs)."""
    j = i - 1
    while j >= 0 and unicodedata.category(text[j]).startswith("M"):
        j -= 1
    return _script(text[j]) if j >= 0 else "Unknown"


def _emoji_like(ch: str) -> bool:
    """A pictograph, symbol, skin-tone modifier or variation selector: a part of an emoji."""
    o = ord(ch)
    if o < 0x2000:
        return False
    return _EMOJI_BLOCKS[0] <= o <= _EMOJI_BLOCKS[1] or unicodedata.category(ch) in ("So", "Sk") \
        or _is_variation_selector(ch)


def _is_variation_selector(ch: str) -> bool:
    o = ord(ch)
    return 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF


def _variation_allowed(text: str, i: int) -> bool:
    """A variation selector styles the character before it: allowed after a symbol, a digit
    (keycaps) or a letter of a non-Latin script (ideograph variants); refused after a Latin
    letter, a space, another selector or at the start, where it can only hide."""
    if i == 0:
        return False
    before = text[i - 1]
    if before.isspace() or _is_variation_selector(before):
        return False
    if before.isalpha():
        return _script(before) not in ("LATIN", *_NEUTRAL_SCRIPTS)
    return True


# --- decorative letters ---------------------------------------------------------------------

_decorative_cache: dict[str, str | None] = {}


def _decorative(text: str, i: int, ch: str) -> str | None:
    """The plain letter that decorative letter ``ch`` at ``text[i]`` styles, or ``None``."""
    o = ord(ch)
    if _NEGATIVE_CIRCLED[0] <= o <= _NEGATIVE_CIRCLED[1]:
        return chr(ord("A") + o - _NEGATIVE_CIRCLED[0])
    if _NEGATIVE_SQUARED[0] <= o <= _NEGATIVE_SQUARED[1]:
        if text[i + 1:i + 2] == "\ufe0f":
            return None  # the emoji 🅰️ 🅱️ 🅾️ 🅿️
        return chr(ord("A") + o - _NEGATIVE_SQUARED[0])
    try:
        return _decorative_cache[ch]
    except KeyError:
        plain = _decorative_cache[ch] = _plain_letter(ch)
        return plain


def _plain_letter(ch: str) -> str | None:
    """The plain letter or digit a styled character stands for, from its decomposition or name."""
    decomposition = unicodedata.decomposition(ch)
    category = unicodedata.category(ch)
    if decomposition.startswith("<"):
        tag = decomposition.split(" ", 1)[0]
        plain = unicodedata.normalize("NFKC", ch)
        simple = len(plain) == 1 and plain.isascii() and plain.isalnum()
        if tag in _STYLED_TAGS and simple:
            return plain
        if tag == "<wide>" and simple and plain.isalpha():
            return plain  # full-width digits and punctuation are ordinary in CJK text
        if tag in ("<super>", "<sub>") and simple and plain.isalpha() and category.startswith("L") \
                and ch not in _ORDINAL_INDICATORS:
            return plain
        if tag == "<compat>" and category == "So" and len(plain) == 3 and plain[0] == "(" \
                and plain[2] == ")" and plain[1].isascii() and plain[1].isalpha():
            return plain[1]  # parenthesised letters "⒜"
        return None
    name = unicodedata.name(ch, "")
    if " SMALL CAPITAL " in name:
        letter = name.rsplit(" ", 1)[1]
        if len(letter) == 1 and letter.isascii():
            return letter.lower()
    return None


# --- lookalike letters of another script ----------------------------------------------------


def _unmask_lookalikes(text: str) -> tuple[str, Problem | None]:
    """Read letters that imitate Latin ones as Latin: in a word that mixes Latin with another
    script, and in a Latin-looking word of another script inside mostly Latin text."""
    suspects: list[tuple[re.Match[str], set[str]]] = []
    letters: dict[str, int] = {}
    for word in _WORD.finditer(text):
        w = word.group()
        if w.isascii():
            letters["LATIN"] = letters.get("LATIN", 0) + len(w)
            continue
        scripts = set()
        for c in w:
            s = _script(c) if not c.isascii() else "LATIN"
            scripts.add(s)
            letters[s] = letters.get(s, 0) + 1
        suspects.append((word, scripts))
    if not suspects:
        return text, None
    latin = letters.get("LATIN", 0)
    mostly_latin = latin * 2 > sum(letters.values())
    chars = list(text)
    first: Problem | None = None
    for word, scripts in suspects:
        w = word.group()
        others = scripts - _NEUTRAL_SCRIPTS - {"LATIN"}
        if "LATIN" in scripts:
            if _replace_lookalikes(chars, word.start(), w, latin_too=True):
                phrase = "lookalike letters from another script" if others else "lookalike letters"
            elif others - _SPACELESS_SCRIPTS and not all(c in _UNIT_LETTERS for c in w if _script(c) != "LATIN"):
                phrase = "letters from two scripts"
            else:
                continue
        elif len(others) == 1 and mostly_latin and (len(w) >= 2 or others != {"GREEK"}) \
                and all(_lookalike(c) is not None for c in w):
            _replace_lookalikes(chars, word.start(), w, latin_too=False)
            phrase = "lookalike letters from another script"
        else:
            continue
        if first is None:
            first = (word.start(), f"{phrase} in '{w}'")
    return "".join(chars), first


def _replace_lookalikes(chars: list[str], start: int, word: str, latin_too: bool) -> bool:
    """Replace the lookalike letters of ``word`` (at ``start``) in ``chars``; whether any was."""
    replaced = False
    for k, c in enumerate(word):
        if c.isascii():
            continue
        if _script(c) == "LATIN" and c not in _LOOKALIKE_SUPPLEMENT:
            # A Latin letter that imitates another ("ɑ" for "a"), unless it is a letter of a
            # European alphabet or an accented letter (which have decompositions).
            if not latin_too or c in _LATIN_ALPHABET_LETTERS or unicodedata.decomposition(c):
                continue
        plain = _lookalike(c)
        if plain is not None:
            chars[start + k] = plain
            replaced = True
    return replaced


@lru_cache(maxsize=4096)
def _lookalike(ch: str) -> str | None:
    """The ASCII letter that letter ``ch`` of another script imitates, or ``None``."""
    if ch in _LOOKALIKE_SUPPLEMENT:
        return _LOOKALIKE_SUPPLEMENT[ch]
    for entry in _CONFUSABLES.get(ch, ()):
        target = entry["c"]
        if len(target) == 1 and target.isascii() and target.isalpha():
            if ch.isupper() and target == "l":
                return "I"  # the table reads capital iotas and Ukrainian Іs as a small L
            return target
    return None


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    return _unicode_script(ch)


# --- decorative combining marks -------------------------------------------------------------


def _drop_decorative_marks(text: str) -> tuple[str, Problem | None]:
    """Remove combining marks that do not compose with the Latin letter they sit on
    (strike-through "t̶e̶a̶", stacked "zalgo" marks) or sit on no letter at all."""
    first: Problem | None = None
    stray = _STRAY_MARKS.search(text)
    if stray is not None and stray.group():
        first = (stray.start(), f"stray combining marks {_code(stray.group()[0])}")
    decorated = [m for m in _MARKED_LETTER.finditer(text)
                 if any(unicodedata.combining(c) for c in unicodedata.normalize("NFC", m.group()))]
    if decorated:
        at = decorated[0].start()
        if first is None or at < first[0]:
            first = (at, f"decorative marks on the letters of '{_word_around(text, at)}'")
    if first is None:
        return text, None
    drop = [False] * len(text)
    for m in decorated:
        for k in range(m.start() + 1, m.end()):
            drop[k] = True  # the marks after the letter
    out = "".join(c for c, dropped in zip(text, drop) if not dropped)
    return _STRAY_MARKS.sub("", out), first


# --- helpers --------------------------------------------------------------------------------


def _collapse_space(text: str) -> str:
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = _SPACE_AROUND_BREAK.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _word_around(text: str, i: int) -> str:
    """The whitespace-delimited chunk of ``text`` around position ``i``, without edge punctuation."""
    start = i
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = i + 1
    while end < len(text) and not text[end].isspace():
        end += 1
    word = text[start:end].strip(_EDGE_PUNCTUATION)
    return word or text[i]


def _code(ch: str) -> str:
    return f"U+{ord(ch):04X}"
