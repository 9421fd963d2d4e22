"""Surface checks of a message: control characters, emoji, exclamation marks and shouting.

Each check is a small, fast function; :mod:`.communication` decides what they
mean for a persona's tone. Whether a message reads as a sentence is judged over
its tagged words (:mod:`.reading.sentence`); emoticons and kaomoji by
:func:`.reading.form.kaomoji`.
"""

from __future__ import annotations

import re

_ALPHA_WORD = re.compile(r"[^\W\d_]+")
EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\uFE0F\u3030\u303D\u3297\u3299]"
    r"|(?<!\w)(?:[:;]-?[()DPp]|<3)(?!\w)"
)


def has_emoji(text: str) -> bool:
    """Whether ``text`` holds an emoji, a pictograph or a text emoticon such as ``:)``."""
    return EMOJI.search(text) is not None


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
