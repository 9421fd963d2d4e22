"""Phrase lexicons: find whole-word keywords and phrases in text, fast.

Text is split into words by one precompiled pattern (runs of Unicode letters
and digits; everything else, hyphens and apostrophes included, separates
words) and lower-cased. A keyword is split the same way, so ``"stir-fry"``
matches "stir-fry" and "stir fry", and ``"water the"`` matches "Water the
ferns". A phrase matches when its words appear in order, next to each other,
as whole words: ``"tea"`` does not match "teaspoon".

Scanning goes left to right and takes the longest phrase that starts at each
word, then continues after it, so "green tea" counts once, not also as "tea",
and "journal article" is not also "journal". A phrase may carry several
labels (a keyword listed under two topics counts for both).

Limits, by design: only the listed forms match (no stemming: "cookie" does
not match "cookies" unless both are listed), paraphrases are missed, and
negation is not understood ("no recipes today" still mentions recipes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``."""
    return WORD.findall(text.lower())


class PhraseIndex:
    """An index of phrases, each with one or more labels, for whole-word matching."""

    __slots__ = ("_index", "max_words", "size", "single_words")

    def __init__(self, entries: Iterable[tuple[str, str]]):
        """``entries``: ``(phrase, label)`` pairs. Phrases without any word are ignored."""
        grouped: dict[str, dict[tuple[str, ...], set[str]]] = {}
        size = 0
        longest = 0
        for phrase, label in entries:
            if not isinstance(phrase, str):
                raise TypeError(f"a keyword must be a str, got {type(phrase).__name__} ({phrase!r}) for {label!r}")
            toks = tuple(words(phrase))
            if not toks:
                continue
            grouped.setdefault(toks[0], {}).setdefault(toks[1:], set()).add(label)
            size += 1
            longest = max(longest, len(toks))
        # first word -> [(the words after it, labels)], longest phrase first
        self._index: dict[str, tuple[tuple[list[str], int, tuple[str, ...]], ...]] = {
            first: tuple(sorted(((list(rest), len(rest), tuple(sorted(labels))) for rest, labels in tails.items()),
                                key=lambda item: -item[1]))
            for first, tails in grouped.items()
        }
        self.size = size
        self.max_words = longest
        self.single_words = frozenset(first for first, tails in grouped.items() if () in tails)
        """The keywords that are one word long."""

    def scan(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """Count matches per label in a list of lower-cased words.

        Returns ``(hits per label, number of words covered by matches)``.
        """
        hits: dict[str, int] = {}
        covered = 0
        get = self._index.get
        i = 0
        n = len(tokens)
        while i < n:
            tails = get(tokens[i])
            if tails is None:
                i += 1
                continue
            for rest, k, labels in tails:
                if k == 0 or tokens[i + 1:i + 1 + k] == rest:
                    for label in labels:
                        hits[label] = hits.get(label, 0) + 1
                    covered += k + 1
                    i += k + 1
                    break
            else:
                i += 1
        return hits, covered

    def labels_in(self, text: str) -> dict[str, int]:
        """Count matches per label in raw text."""
        return self.scan(words(text))[0]
