"""Surface checks of a message: control characters, emoji, exclamation marks,
shouting, and whether it reads as a sentence rather than a list of keywords.

Each check is a small, fast function; :mod:`.communication` decides what they
mean for a persona's tone.

A **sentence** here has at least :data:`MIN_WORDS` words, at least one
function word ("the", "to", "you", ...), at least one verb-like word (a listed
common verb or modal, or a word ending in "-ing" or "-ed"), and is not:
a list split by commas, semicolons, slashes, bullets or line breaks into
pieces of about two words; a long run with hardly any function words; the
same few words repeated; or a string of topic keywords, with or without
fillers such as "the" between them (at least :data:`SOUP_MIN_CONTENT` content
words, i.e. words that are neither function words nor listed verbs, of which
a share of :data:`SOUP_KEYWORD_SHARE` or more are one-word topic keywords).
The word lists are English: a suggestion in another language does not read
as a sentence to these residents, who all speak English.
"""

from __future__ import annotations

import re
import unicodedata

MIN_WORDS = 4
"""Fewer words than this is not a sentence."""
SOUP_MIN_CONTENT = 6
"""Keyword soup is judged only in texts with at least this many content words."""
SOUP_KEYWORD_SHARE = 0.85
"""Content words this much made of topic keywords are keyword soup."""

FUNCTION_WORDS = frozenset("""
a an the to of for with and or but nor in on at by from into onto about over under after before while when
whenever if as so than then this that these those it its your yours you we us our ours my me i he she they
them their some any each every all both no not just too very here there now today tonight tomorrow soon how
what why which who where up out off down around through maybe perhaps also still yet only even
""".split())

VERB_WORDS = frozenset("""
is are was were be been being am do does did have has had can could would should will shall may might must
need needs want wants like love fancy let lets try add put take make consider give play listen read watch call
text start enjoy pick grab open set move swap use light brew water check write sketch draw paint go get keep
bring jot plan save pause stretch breathe rearrange bake cook plant prune repot sort fold clean tidy wipe note
look see find choose follow share invite ask tell send join visit explore step sit rest relax unwind sip pour
turn switch place hang lay clear donate label list review think imagine reflect remember wear change test
learn practise practice knit sew stitch build fix repair sand finish begin continue warm chill spend head
walk stroll hum sing dance stream record capture snap frame queue toss mix stir chop simmer roast slice
dust vacuum declutter organize organise arrange decorate refresh freshen lighten brighten hydrate drink eat
nap meditate journal doodle craft crochet play browse catch phone message plan schedule prepare prep pack
recycle compost upcycle thrift swap trade lend borrow cozy curl settle savor savour treat celebrate
""".split())

_SEPARATORS = re.compile(r"[,;/|•·\n]")
_ALPHA_WORD = re.compile(r"[^\W\d_]+")
_EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\uFE0F\u3030\u303D\u3297\u3299]"
    r"|(?<!\w)(?:[:;]-?[()DPp]|<3)(?!\w)"
)
_ALLOWED_INVISIBLE = frozenset("\n\t\r\u200d")  # line breaks, tabs, and the joiner inside emoji sequences


def control_character(text: str) -> str | None:
    """The first control, format or surrogate character in ``text`` as ``"U+XXXX"``, or ``None``.

    Line breaks, tabs and the zero-width joiner (used inside emoji) are allowed;
    so are non-breaking and other spaces.
    """
    if text.isprintable():
        return None
    for ch in text:
        if ch.isprintable() or ch in _ALLOWED_INVISIBLE:
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            return f"U+{ord(ch):04X}"
    return None


def has_emoji(text: str) -> bool:
    """Whether ``text`` holds an emoji, a pictograph or a text emoticon such as ``:)``."""
    return _EMOJI.search(text) is not None


def exclamation_marks(text: str) -> int:
    """How many exclamation marks ``text`` has (full-width and double ones included)."""
    return text.count("!") + text.count("\uff01") + 2 * text.count("\u203c") + text.count("\u00a1")


def is_shouting(text: str) -> bool:
    """Whether ``text`` is shouted: most of its letters in capitals (at least 8
    letters), or two or more capitalised words of 5 letters or more. Short
    acronyms ("TV", "DIY") alone are not shouting."""
    total = upper = long_caps = 0
    for word in _ALPHA_WORD.findall(text):
        n = len(word)
        total += n
        if n >= 2 and word.isupper():
            upper += n
            if n >= 5:
                long_caps += 1
    return long_caps >= 2 or (total >= 8 and upper * 2 > total)


def sentence_problem(text: str, tokens: list[str], keywords: frozenset[str] = frozenset()) -> str | None:
    """Why ``text`` does not read as a sentence, or ``None`` if it does.

    ``tokens`` are its lower-cased words; ``keywords`` the one-word topic keywords.
    """
    n = len(tokens)
    if n < MIN_WORDS:
        return f"it has only {n} word{'s' if n != 1 else ''}, not a sentence"
    function = content = content_keywords = 0
    verb = False
    for t in tokens:
        if t in FUNCTION_WORDS:
            function += 1
            continue
        if t in VERB_WORDS:
            verb = True
            continue
        if not verb and len(t) >= 5 and (t.endswith("ing") or t.endswith("ed")):
            verb = True
        content += 1
        if t in keywords:
            content_keywords += 1
    if function == 0:
        return "it has no function words, so it reads as a list of keywords"
    if not verb:
        return "it has no verb, so it reads as a list of keywords rather than a suggestion"
    pieces = len(_SEPARATORS.findall(text)) + 1
    if pieces >= 4 and n / pieces <= 2.5:
        return "it is a list of keywords split by separators"
    if n >= 12 and function / n < 0.15:
        return "it has too few function words, so it reads as keyword soup"
    if n >= 8 and len(set(tokens)) / n < 0.5:
        return "it repeats the same words over and over"
    if content >= SOUP_MIN_CONTENT and content_keywords >= SOUP_KEYWORD_SHARE * content:
        return "it is mostly topic keywords strung together"
    return None
