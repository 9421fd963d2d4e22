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

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...personas.vocabulary import topics
from .nlp import Token

WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (runs of letters and digits)."""
    return WORD.findall(text.lower())

ExtraKeywords = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Match:
    """A keyword found at tokens ``start`` to ``end`` (exclusive), with its topics and the
    keyword itself (the shortest one listed for these words: "bake" for "baking")."""

    start: int
    end: int
    labels: tuple[str, ...]
    keyword: str


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


@lru_cache(maxsize=None)
def _class_forms(word: str, word_class: str) -> tuple[str, ...]:
    """The forms of a keyword with a word class: a noun its plural ("book/NOUN" is not
    "booking"), a verb all its inflections, another class only itself."""
    if not word_class or word_class == "VERB":
        return tuple(sorted(word_forms(word)))
    if word_class in ("NOUN", "PROPN"):
        return tuple(sorted({word} | {f for f in inflections(word) if f.endswith("s")}))
    return (word,)


@lru_cache(maxsize=None)
def word_forms(*words: str) -> frozenset[str]:
    """The words with their regular inflections: the forms they match (a token matches on its
    lower-cased form or its lemma, so "ferns" matches "fern"; the tagger's lemma is not always
    right either: "rated" has the lemma "rat")."""
    out = set(words)
    for w in words:
        out |= inflections(w)
    return frozenset(out)


class LemmaIndex:
    """Keyword phrases with labels, matched on tokens' lower-cased forms or lemmas."""

    def __init__(self, entries: Iterable[tuple[str, str]]):
        # first word form -> {(forms of the later words, word class): (labels, keywords)}
        self._grouped: dict[str, dict[tuple, tuple[set[str], set[str]]]] = {}
        touched = self._add(entries)
        self._index = {first: self._compiled(first) for first in touched}

    def extended(self, entries: Iterable[tuple[str, str]]) -> "LemmaIndex":
        """This index with more entries (a persona's own keywords), without rebuilding the rest."""
        new = LemmaIndex.__new__(LemmaIndex)
        new._grouped = dict(self._grouped)
        entries = list(entries)
        for keyword, _ in entries:
            word, _, pos = keyword.partition("/")
            parts = words(word)
            for first in (_class_forms(parts[0], pos) if parts else ()):
                if first in self._grouped and new._grouped[first] is self._grouped[first]:
                    new._grouped[first] = {k: (set(a), set(b)) for k, (a, b) in self._grouped[first].items()}
        touched = new._add(entries)
        new._index = dict(self._index)
        new._index.update((first, new._compiled(first)) for first in touched)
        return new

    def _add(self, entries: Iterable[tuple[str, str]]) -> set[str]:
        touched: set[str] = set()
        for keyword, label in entries:
            keyword, _, pos = keyword.partition("/")
            parts = words(keyword)
            if not parts:
                continue
            if pos and len(parts) != 1:
                raise ValueError(f"keyword {keyword!r}/{pos}: only a one-word keyword may name a word class")
            rest = tuple(word_forms(w) for w in parts[1:])
            for first in _class_forms(parts[0], pos):
                labels, keywords = self._grouped.setdefault(first, {}).setdefault((rest, pos or None), (set(), set()))
                labels.add(label)
                keywords.add(" ".join(parts))
                touched.add(first)
        return touched

    def _compiled(self, first: str) -> tuple:
        """The tails of ``first`` as the scanner reads them, longest first."""
        return tuple(sorted(((rest, pos, tuple(sorted(labels)), min(keywords, key=lambda k: (len(k), k)))
                             for (rest, pos), (labels, keywords) in self._grouped[first].items()),
                            key=lambda item: -len(item[0])))

    def scan(self, tokens: Sequence[Token]) -> list[Match]:
        """The keywords found in ``tokens``, left to right, longest first, not overlapping
        (token positions of the matches are those of ``tokens``)."""
        view, seen = _matching_view(tokens)
        found: list[Match] = []
        get = self._index.get
        n = len(seen)
        i = 0
        while i < n:
            best = self._longest_at(seen, i, n, get)
            if best is None:
                i += 1
                continue
            found.append(Match(view[best.start], view[best.end - 1] + 1, best.labels, best.keyword))
            i = best.end
        return found

    @staticmethod
    def _longest_at(tokens: Sequence[Token], i: int, n: int, get) -> Match | None:
        t = tokens[i]
        best = None
        for key in (t.lower, t.lemma) if t.lemma != t.lower else (t.lower,):
            for rest, pos, labels, keyword in get(key, ()):
                k = len(rest)
                if best is not None and best.end - best.start >= k + 1:
                    break  # tails are longest first
                if pos is not None and t.pos != pos:
                    continue
                if i + k >= n + (k == 0):
                    continue
                if all(tokens[i + 1 + j].lower in rest[j] or tokens[i + 1 + j].lemma in rest[j] for j in range(k)):
                    best = Match(i, i + 1 + k, labels, keyword)
                    break
        return best


_HYPHENS = frozenset("-‐‑")


def _matching_view(tokens: Sequence[Token]) -> tuple[list[int], list[Token]]:
    """The tokens keywords are matched against: a hyphen inside a word is stepped over
    ("page-turner" matches the keyword "page turner" or "page-turner"), and a possessive
    "'s" reads as the word "s" that :func:`words` makes of it ("shepherd's pie")."""
    view: list[int] = []
    seen: list[Token] = []
    for j, t in enumerate(tokens):
        if t.text in _HYPHENS and 0 < j < len(tokens) - 1 \
                and tokens[j - 1].start + len(tokens[j - 1].text) == t.start and tokens[j + 1].start == t.start + 1:
            continue
        if t.lower in ("'s", "’s"):
            t = Token(t.text, "s", "s", t.pos, t.tag, t.start, t.sent)
        view.append(j)
        seen.append(t)
    return view, seen


def freeze_keywords(extra_keywords: Mapping[str, Sequence[str]] | None) -> ExtraKeywords:
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


def plain_tokens(text: str) -> tuple[Token, ...]:
    """Tokens of ``text`` without tagging (each word its own lemma, no word class): enough
    for the project's own short texts, such as activity descriptions."""
    return tuple(Token(m.group(0), m.group(0), m.group(0), "", "", m.start(), 0)
                 for m in WORD.finditer(text.lower()))


@lru_cache(maxsize=4096)
def _classify(text: str, extra: ExtraKeywords) -> tuple[tuple[str, int], ...]:
    hits: dict[str, int] = {}
    for m in topic_lemma_index(extra).scan(plain_tokens(text)):
        for label in m.labels:
            hits[label] = hits.get(label, 0) + 1
    return tuple(hits.items())


def classify(text: str, extra_keywords: Mapping[str, Sequence[str]] | None = None) -> dict[str, int]:
    """Topics whose keywords ``text`` holds, as ``{topic_id: hits}`` (untagged and cached: for
    the project's own texts, such as what the resident is doing; suggestions are read in full
    by :func:`.reading.read`). ``extra_keywords`` adds keywords per topic id."""
    if not isinstance(text, str):
        raise TypeError(f"classify() needs a str, got {type(text).__name__}")
    return dict(_classify(text[:2000], freeze_keywords(extra_keywords)))


@lru_cache(maxsize=64)
def topic_lemma_index(extra: ExtraKeywords = ()) -> LemmaIndex:
    """The topic lexicon (plus ``extra`` keywords) as a :class:`LemmaIndex` (built once per set;
    a persona's extras extend the shared index)."""
    if extra:
        return topic_lemma_index().extended((kw, tid) for tid, kws in extra for kw in kws)
    return LemmaIndex((kw, tid) for tid, topic in topics().items() for kw in topic.keywords)
