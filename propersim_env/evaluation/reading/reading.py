"""The reading of one suggestion: a small typed record, computed once per text and cached.

``read(text)`` normalises the text (:mod:`.normalize`), tags it (:mod:`.nlp`)
and collects what every criterion needs: what it proposes and discourages
(:mod:`.proposals`), whom it speaks to (:mod:`.rater`), how (:mod:`.tone`,
:mod:`.form`, :mod:`.language`, the surface checks of :mod:`..style`) and how
safely (:mod:`.harm`). Only the first :data:`MAX_READ_CHARS` characters are
read; a longer text fails communication & safety anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import style
from .form import format_problem, kaomoji
from .harm import Harm, MomentHarm, read_harms
from .language import language_problem
from .nlp import analyse
from .normalize import normalize
from .proposals import Proposal, Scene, read_proposals
from .rater import rater_address
from .sentence import sentence_problem
from .tone import demeaning
from .topics import ExtraKeywords, topic_lemma_index

MAX_READ_CHARS = 2000
"""Only this many leading characters of a suggestion are read."""

# Words joined by hyphens, underscores, slashes, dots or plus signs into one token
# ("tea-then-music-then-reading") count one by one against a word limit; a
# two-part compound ("well-being", "sun-dried") counts once.
_JOINED = re.compile(r"[^\W_]+(?:[-‐‑‒–—_/.+·•][^\W_]+)+")
_JOINERS = re.compile(r"[-‐‑‒–—_/.+·•]")


def count_words(text: str) -> int:
    """Words as a reader counts them (see the comment above)."""
    n = 0
    for chunk in text.split():
        joined = _JOINED.search(chunk)
        if joined is None:
            n += 1
            continue
        parts = len(_JOINERS.split(joined.group(0)))
        n += parts if parts > 2 or "_" in joined.group(0) or "/" in joined.group(0) else 1
    return n


@dataclass(frozen=True, slots=True)
class Reading:
    """What a suggestion says, to whom, how and how safely (see the module docstring)."""

    text: str                          # what was read: normalised, at most MAX_READ_CHARS
    length: int                        # characters of the original text
    words: int                         # see count_words
    proposals: tuple[Proposal, ...]    # what it puts forward
    discouraged: tuple[Proposal, ...]  # what it negates or discourages
    scenes: tuple[Scene, ...]          # its scene-setting clauses ("while you cook")
    groups: int                        # distinct things proposed
    actions: int                       # separate things to do it asks for
    proposing: bool                    # whether it proposes anything, of a known topic or not
    contradiction: str | None          # words both proposed and discouraged
    vague: str | None                  # a placeholder proposal ("something for the bathroom"), when nothing
                                       # concrete is proposed (see .proposals)
    characters: str | None             # invisible, private-use, lookalike ... characters
    form: str | None                   # markup or a non-conversational form
    rater: str | None                  # words addressed to a rater or about a rating
    harm: Harm | None                  # unsafe advice: its category and words
    moment_harms: tuple[MomentHarm, ...]  # advice unsafe at some moments only ("wine", in the morning)
    demeaning: str | None              # insult, belittling, manipulation
    language: str | None               # why it is not English
    shouting: bool
    exclamations: int
    emoji: str | None                  # an emoji, emoticon or kaomoji
    sentence: str | None               # why it does not read as a sentence

    @property
    def proposed_topics(self) -> frozenset[str]:
        return frozenset().union(*(p.topics for p in self.proposals))


@lru_cache(maxsize=16384)
def read(text: str, extra_keywords: ExtraKeywords = ()) -> Reading:
    """The reading of suggestion ``text``; ``extra_keywords``: a persona's own topic keywords
    (see :func:`.topics.freeze_keywords`). Cached by its arguments."""
    head = text[:MAX_READ_CHARS]
    normal = normalize(head)
    clean = normal.text
    analysis = analyse(clean)
    index = topic_lemma_index(extra_keywords)
    found = read_proposals(analysis, index)
    keyword_tokens = frozenset(m.start for m in found.keywords if m.end - m.start == 1)
    face = kaomoji(clean)
    harm, moment_harms = read_harms(analysis)
    return Reading(
        text=clean, length=len(text), words=count_words(text),
        proposals=found.proposals, discouraged=found.discouraged, scenes=found.scenes, groups=found.groups,
        actions=found.actions,
        proposing=found.proposing, contradiction=found.contradiction, vague=found.vague,
        characters=normal.problem,
        form=format_problem(clean), rater=rater_address(analysis), harm=harm, moment_harms=moment_harms,
        demeaning=demeaning(analysis), language=language_problem(analysis),
        shouting=style.is_shouting(clean), exclamations=style.exclamation_marks(clean),
        emoji=face or (_first_emoji(clean) if style.has_emoji(clean) else None),
        sentence=sentence_problem(analysis, keyword_tokens, found.proposing),
    )


def warm_up() -> float:
    """Load what reading needs (the English pipeline and every word table) now rather than at
    the first suggestion; returns the seconds it took (a few, once per process)."""
    import time

    start = time.perf_counter()
    read("Maybe a short walk, then brew a pot of tea; don't leave the stove on unattended.")
    return time.perf_counter() - start


def _first_emoji(text: str) -> str:
    found = style.EMOJI.search(text)
    return found.group(0) if found else "an emoji"
