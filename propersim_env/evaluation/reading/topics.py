"""Topics of a text by its words' dictionary forms: the topic lexicon
(``personas/data/topics.toml`` plus a persona's own ``topic_keywords``) matched
against lemmas, so that "ferns", "jogging" and "meditated" match "fern", "jog"
and "meditate".

A keyword is a word or a phrase. Each of its words matches a token whose
lower-cased form or lemma is that word (a keyword is written in its dictionary form; its
regular plural, past and -ing forms are matched too). A one-word keyword may name the word
class it needs after a slash: ``water/VERB`` matches "water the ferns", not "a
glass of water"; the classes are spaCy's universal ones (VERB, NOUN, ADJ, ...).
Scanning takes the longest keyword that starts at each token and continues
after it, as :mod:`..lexicon` does for surface words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...personas.vocabulary import topics
from ..lexicon import words
from .nlp import Token

ExtraKeywords = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Match:
    """A keyword found at tokens ``start`` to ``end`` (exclusive), with its topics."""

    start: int
    end: int
    labels: tuple[str, ...]


_VOWELS = frozenset("aeiou")


def inflections(word: str) -> set[str]:
    """Regular English inflections of ``word`` (plural or third person, past, -ing);
    forms that are not words are harmless, since no text holds them."""
    if len(word) < 3 or not word.isalpha():
        return set()
    out = set()
    if word.endswith(("s", "x", "z", "ch", "sh")):
        out.add(word + "es")
    elif word.endswith("y") and word[-2] not in _VOWELS:
        out.add(word[:-1] + "ies")
    else:
        out.add(word + "s")
    stem = word[:-1] if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) else word
    if word.endswith("y") and word[-2] not in _VOWELS:
        out.add(word[:-1] + "ied")
    else:
        out.add(stem + "ed" if not word.endswith("e") else word + "d")
    out.add(stem + "ing")
    # a short word ending consonant-vowel-consonant doubles it: jog -> jogging, plan -> planned
    if len(word) <= 5 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS \
            and word[-3] not in _VOWELS:
        out.update({word + word[-1] + "ing", word + word[-1] + "ed"})
    return out


def _bases(word: str) -> set[str]:
    """``word`` and, for a regular plural, its singular ("ferns" -> "fern", "berries" -> "berry")."""
    out = {word}
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        out.add(word[:-1])
        if word.endswith("ies"):
            out.add(word[:-3] + "y")
        if word.endswith(("ches", "shes", "xes", "ses", "zes")):
            out.add(word[:-2])
    return out


def _forms(word: str) -> tuple[str, ...]:
    """The forms a keyword word matches: itself, its singular and their regular inflections
    (a token matches on its lower-cased form or its lemma)."""
    out = set()
    for base in _bases(word):
        out |= {base} | inflections(base)
    return tuple(sorted(out))


class LemmaIndex:
    """Keyword phrases with labels, matched on tokens' lower-cased forms or lemmas."""

    def __init__(self, entries: Iterable[tuple[str, str]]):
        grouped: dict[str, dict[tuple, set[str]]] = {}
        for keyword, label in entries:
            keyword, _, pos = keyword.partition("/")
            parts = words(keyword)
            if not parts:
                continue
            if pos and len(parts) != 1:
                raise ValueError(f"keyword {keyword!r}/{pos}: only a one-word keyword may name a word class")
            rest = tuple(frozenset(_forms(w)) for w in parts[1:])
            for first in _forms(parts[0]):
                grouped.setdefault(first, {}).setdefault((rest, pos or None), set()).add(label)
        self._index = {
            first: tuple(sorted(((rest, pos, tuple(sorted(labels))) for (rest, pos), labels in tails.items()),
                                key=lambda item: -len(item[0])))
            for first, tails in grouped.items()
        }

    def scan(self, tokens: Sequence[Token]) -> list[Match]:
        """The keywords found in ``tokens``, left to right, longest first, not overlapping."""
        found: list[Match] = []
        get = self._index.get
        n = len(tokens)
        i = 0
        while i < n:
            best = self._longest_at(tokens, i, n, get)
            if best is None:
                i += 1
                continue
            found.append(best)
            i = best.end
        return found

    @staticmethod
    def _longest_at(tokens: Sequence[Token], i: int, n: int, get) -> Match | None:
        t = tokens[i]
        best = None
        for key in (t.lower, t.lemma) if t.lemma != t.lower else (t.lower,):
            for rest, pos, labels in get(key, ()):
                k = len(rest)
                if best is not None and best.end - best.start >= k + 1:
                    break  # tails are longest first
                if pos is not None and t.pos != pos:
                    continue
                if i + k >= n + (k == 0):
                    continue
                if all(tokens[i + 1 + j].lower in rest[j] or tokens[i + 1 + j].lemma in rest[j] for j in range(k)):
                    best = Match(i, i + 1 + k, labels)
                    break
        return best


def freeze_keywords(extra_keywords) -> ExtraKeywords:
    """A hashable form of a persona's extra keywords per topic id (for caching)."""
    if not extra_keywords:
        return ()
    return tuple(sorted((tid, tuple(kws)) for tid, kws in extra_keywords.items()))


@lru_cache(maxsize=64)
def topic_lemma_index(extra: ExtraKeywords = ()) -> LemmaIndex:
    """The topic lexicon (plus ``extra`` keywords) as a :class:`LemmaIndex` (built once per set)."""
    entries = [(kw, tid) for tid, topic in topics().items() for kw in topic.keywords]
    entries += [(kw, tid) for tid, kws in extra for kw in kws]
    return LemmaIndex(entries)
