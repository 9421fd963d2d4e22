"""The lexicon topic classifier: which vocabulary topics a text mentions.

Every topic in ``personas/data/topics.toml`` has a keyword list; a persona may
add its own keywords per topic (``preferences.topic_keywords``). A keyword or
phrase matches when its words appear in order, next to each other, as whole
words, case-insensitively (see :mod:`.lexicon`). Plurals and ``-ing`` forms
match only when the lexicon lists them.

Limits: the classifier sees words, not meaning. A paraphrase with none of the
keywords is unclassified; a negated mention ("skip the news today") still
counts as the topic; a word with two senses counts for every topic that lists
it. Only the first :data:`MAX_ANALYSED_CHARS` characters are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ..personas.vocabulary import topics
from .lexicon import PhraseIndex, words

MAX_ANALYSED_CHARS = 2000
"""Only this many leading characters of a text are analysed; longer texts are truncated."""

ExtraKeywords = tuple[tuple[str, tuple[str, ...]], ...]


def freeze_keywords(extra_keywords: Mapping[str, tuple[str, ...] | list[str]] | None) -> ExtraKeywords:
    """A hashable, checked form of extra keywords per topic id (for caching)."""
    if not extra_keywords:
        return ()
    known = topics()
    out = []
    for tid, kws in extra_keywords.items():
        if tid not in known:
            raise ValueError(f"extra keywords name an unknown topic {tid!r}")
        if isinstance(kws, str) or not all(isinstance(k, str) for k in kws):
            raise TypeError(f"extra keywords for topic {tid!r} must be a list or tuple of str, got {kws!r}")
        out.append((tid, tuple(kws)))
    return tuple(sorted(out))


@lru_cache(maxsize=128)
def topic_index(extra: ExtraKeywords = ()) -> PhraseIndex:
    """The compiled keyword index of all topics, plus ``extra`` keywords (built once per set)."""
    entries = [(kw, tid) for tid, topic in topics().items() for kw in topic.keywords]
    entries += [(kw, tid) for tid, kws in extra for kw in kws]
    return PhraseIndex(entries)


def classify_words(tokens: list[str], extra: ExtraKeywords = ()) -> dict[str, int]:
    """Topic hits in already-split, lower-cased words."""
    return topic_index(extra).scan(tokens)[0]


def classify(text: str, extra_keywords: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, int]:
    """Topics that ``text`` mentions, as ``{topic_id: number of keyword hits}``.

    ``extra_keywords`` adds keywords per topic id (a persona's ``topic_keywords``).
    An unclassified text gives ``{}``.
    """
    if not isinstance(text, str):
        raise TypeError(f"classify() needs a str, got {type(text).__name__}")
    return topic_index(freeze_keywords(extra_keywords)).scan(words(text[:MAX_ANALYSED_CHARS]))[0]
