"""Token patterns: short word sequences with alternatives, word sets, optional
words, gaps and look-arounds, matched within one sentence of an
:class:`~.nlp.Analysis`. :mod:`.rater` and :mod:`.tone` write their frames in
this notation, so that a frame reads like the phrases it covers.

A pattern is a string of slots separated by spaces:

- ``give|award|grant``: a token whose lower-cased form or lemma is one of the
  alternatives (so ``be`` matches "is", "'re" and "was", and ``not`` matches
  "n't"); ``=resident`` matches the lower-cased form only (not "residents");
- ``{INSULT}``: a token in the named word set (given when the patterns are
  built); alternatives and sets mix: ``{INSULT}|pig``; ``{=NOUNS}`` matches the
  set's words on the lower-cased form only;
- ``_``: any word (not punctuation); ``_/ADJ`` among alternatives adds every word of that
  class to them: ``{MODIFIER}|_/ADJ`` is a word of the set or any adjective (the tagger is not
  always right, so a word list backs the class up);
- a suffix ``/ADJ`` or ``/ADJ,NOUN`` also requires the token's word class;
- a suffix ``?`` makes the slot optional;
- ``~3``: skip up to 3 tokens (as few as will do);
- ``!slot``: the next token is not that slot (the end of the sentence is not
  any slot); before the first word slot it looks back: the token before the match
  is not that slot (several may be given: ``!_/NOUN !that you``);
- ``^`` (first): the match starts the sentence, after any opening quotes,
  brackets or bullets; ``$``: the sentence ends here, or a token without a
  letter or digit follows (punctuation, a comma too, or an emoji).

The first slot that consumes a token must be plain alternatives or sets,
neither optional nor negated nor a gap: patterns are indexed by it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .nlp import Analysis, Token

# Tokens a sentence may open with before its first word: "(Rating: 4)", "- Suggestion:", "**Note**".
OPENERS = frozenset({"(", "[", "{", "<", '"', "'", "“", "‘", "`", "*", "**", "#", "##", "###", "-", "–", "—",
                     "•", ">", "_"})
# Punctuation that ends a phrase for ``$``.
CLOSERS = frozenset({",", ".", "!", "?", ";", ":", ")", "]", "}", '"', "'", "”", "’", "…", "...", "-", "–", "—",
                     "\n", "?!", "!?", "!!", "??"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern matched at tokens ``start`` to ``end`` (exclusive) of the analysis."""

    label: str
    start: int
    end: int
    source: str = ""  # the pattern, as written


@dataclass(frozen=True, slots=True)
class _Slot:
    kind: str                        # "word", "any", "gap", "not", "end"
    words: frozenset[str] = frozenset()
    pos: frozenset[str] | None = None
    optional: bool = False
    span: int = 0                    # the longest gap
    exact: frozenset[str] = frozenset()  # words matched on the lower-cased form only
    classes: frozenset[str] = frozenset()  # word classes accepted besides the words ("_/ADJ" alternatives)

    def accepts(self, token: Token) -> bool:
        if self.kind == "any":
            ok = token.is_word
        else:
            ok = token.lower in self.words or token.lemma in self.words or token.lower in self.exact or (
                token.pos in self.classes and token.is_word)
        return ok and (self.pos is None or token.pos in self.pos)


@dataclass(frozen=True, slots=True)
class _Pattern:
    label: str
    source: str
    slots: tuple[_Slot, ...]
    anchored: bool                   # ^: at the start of a sentence
    behind: tuple[_Slot, ...]        # the token before the match must be none of these
    second: _Slot | None             # a required word slot right after the first (a quick test)
    need: frozenset[str] | None = None  # the words of its narrowest later required slot


def _word_slot(text: str, sets: Mapping[str, frozenset[str]]) -> _Slot:
    optional = text.endswith("?") and len(text) > 1
    if optional:
        text = text[:-1]
    pos = None
    if "/" in text and text.rsplit("/", 1)[1].replace(",", "").isupper():
        before, classes = text.rsplit("/", 1)
        if before == "_" or not before.endswith("|_"):  # "{X}|_/ADJ" is an alternative, not a constraint
            text, pos = before, frozenset(classes.split(","))
    if text == "_":
        return _Slot("any", pos=pos, optional=optional)
    words: set[str] = set()
    exact: set[str] = set()
    classes: set[str] = set()
    for alt in text.split("|"):
        if alt.startswith("_/") and alt[2:].replace(",", "").isupper():
            classes.update(alt[2:].split(","))
        elif alt.startswith("{") and alt.endswith("}"):
            name = alt[1:-1].lstrip("=")
            if name not in sets:
                raise ValueError(f"unknown word set {alt} in a token pattern")
            (exact if alt.startswith("{=") else words).update(sets[name])
        elif alt.startswith("=") and len(alt) > 1:
            exact.add(alt[1:])
        elif alt:
            words.add(alt)
    if not words and not exact:
        raise ValueError(f"empty slot {text!r} in a token pattern")
    return _Slot("word", frozenset(words), pos, optional, exact=frozenset(exact), classes=frozenset(classes))


def compile_pattern(label: str, source: str, sets: Mapping[str, frozenset[str]]) -> _Pattern:
    """Parse ``source`` (see the module docstring)."""
    parts = source.split()
    anchored = bool(parts) and parts[0] == "^"
    if anchored:
        parts = parts[1:]
    behind = []
    while parts and parts[0].startswith("!") and len(parts[0]) > 1:
        inner = _word_slot(parts[0][1:], sets)
        behind.append(_Slot("not", inner.words, inner.pos, span=1 if inner.kind == "any" else 0, exact=inner.exact,
                            classes=inner.classes))
        parts = parts[1:]
    slots = []
    for part in parts:
        if part == "$":
            slots.append(_Slot("end"))
        elif part.startswith("~") and part[1:].isdigit():
            slots.append(_Slot("gap", span=int(part[1:])))
        elif part.startswith("!") and len(part) > 1:
            inner = _word_slot(part[1:], sets)
            slots.append(_Slot("not", inner.words, inner.pos, span=1 if inner.kind == "any" else 0,
                               exact=inner.exact, classes=inner.classes))
        else:
            slots.append(_word_slot(part, sets))
    if not slots or slots[0].kind != "word" or slots[0].optional or slots[0].classes:
        raise ValueError(f"token pattern {source!r} must start with a required word slot")
    second = slots[1] if len(slots) > 1 and slots[1].kind == "word" and not slots[1].optional else None
    # a text without any word of a required slot cannot match: checked once per text (see scan)
    needs = [slot.words | slot.exact for slot in slots[1:]
             if slot.kind == "word" and not slot.optional and not slot.classes]
    need = min(needs, key=len) if needs else None
    return _Pattern(label, source, tuple(slots), anchored, tuple(behind), second, need)


def _not_accepts(slot: _Slot, token: Token) -> bool:
    """Whether the negated ``slot`` matches ``token`` (``span`` 1 marks the ``_`` wildcard)."""
    if slot.span == 1:
        return token.is_word and (slot.pos is None or token.pos in slot.pos)
    return (token.lower in slot.words or token.lemma in slot.words or token.lower in slot.exact
            or token.pos in slot.classes) and (slot.pos is None or token.pos in slot.pos)


def _match(slots: tuple[_Slot, ...], k: int, tokens: tuple[Token, ...], i: int, end: int) -> int:
    """The end of a match of ``slots[k:]`` at token ``i`` (bounded by ``end``), or -1."""
    if k == len(slots):
        return i
    slot = slots[k]
    kind = slot.kind
    if kind == "word" or kind == "any":
        if i < end and slot.accepts(tokens[i]):
            found = _match(slots, k + 1, tokens, i + 1, end)
            if found >= 0:
                return found
        return _match(slots, k + 1, tokens, i, end) if slot.optional else -1
    if kind == "gap":
        for j in range(i, min(i + slot.span, end) + 1):
            found = _match(slots, k + 1, tokens, j, end)
            if found >= 0:
                return found
        return -1
    if kind == "not":
        if i < end and _not_accepts(slot, tokens[i]):
            return -1
        return _match(slots, k + 1, tokens, i, end)
    # "end": the sentence ends, or punctuation or an emoji follows
    if i >= end or tokens[i].lower in CLOSERS or not any(c.isalnum() for c in tokens[i].text):
        return _match(slots, k + 1, tokens, i, end)
    return -1


class TokenPatterns:
    """Labelled token patterns, indexed by their first word for a fast scan."""

    def __init__(self, entries: Iterable[tuple[str, str]], sets: Mapping[str, frozenset[str]] | None = None):
        """``entries``: ``(label, pattern)`` pairs; ``sets``: the word sets patterns name in braces."""
        index: dict[str, list[_Pattern]] = {}
        for label, source in entries:
            pattern = compile_pattern(label, source, sets or {})
            for word in pattern.slots[0].words | pattern.slots[0].exact:
                index.setdefault(word, []).append(pattern)
        self._index = {word: tuple(found) for word, found in index.items()}

    def scan(self, analysis: Analysis, first_only: bool = False) -> list[Hit]:
        """The matches in ``analysis``, left to right; at each token the first pattern that
        matches (in the order given), then the scan continues after it."""
        hits: list[Hit] = []
        tokens = analysis.tokens
        get = self._index.get
        # every form and lemma of the text: a pattern whose narrowest later required slot has none of
        # its words here is skipped without a match attempt (most are)
        present = {t.lower for t in tokens} | {t.lemma for t in tokens}
        viable: dict[str, tuple[_Pattern, ...]] = {}  # the patterns under each first word that may match

        def candidates_of(word: str) -> tuple[_Pattern, ...]:
            found = viable.get(word)
            if found is None:
                found = viable[word] = tuple(
                    p for p in get(word, ()) if p.need is None or not p.need.isdisjoint(present))
            return found

        for first, end in analysis.sentences:
            opening = first
            while opening < end and tokens[opening].lower in OPENERS:
                opening += 1
            i = first
            while i < end:
                t = tokens[i]
                candidates = candidates_of(t.lower)
                if t.lemma != t.lower:
                    candidates = candidates + candidates_of(t.lemma)
                stop = -1
                for pattern in candidates:
                    if pattern.anchored and i != opening:
                        continue
                    second = pattern.second
                    if second is not None and (i + 1 >= end or not second.accepts(tokens[i + 1])):
                        continue
                    if pattern.behind and i > first and any(_not_accepts(b, tokens[i - 1]) for b in pattern.behind):
                        continue
                    stop = _match(pattern.slots, 0, tokens, i, end)
                    if stop > i:
                        hits.append(Hit(pattern.label, i, stop, pattern.source))
                        break
                if stop > i:
                    if first_only:
                        return hits
                    i = stop
                else:
                    i += 1
        return hits

    def first(self, analysis: Analysis) -> Hit | None:
        """The first match in ``analysis``, or ``None``."""
        hits = self.scan(analysis, first_only=True)
        return hits[0] if hits else None


_CLITICS = frozenset({"n't", "'s", "'re", "'ll", "'ve", "'d", "'m", "’s", "’re", "’ll", "’ve", "’d", "’m", "n’t"})


def _attached(before: Token, token: Token) -> bool:
    """Whether ``token`` is a clitic written onto ``before`` ("ca" + "n't", "you" + "'ll")."""
    return token.lower in _CLITICS and token.start == before.start + len(before.text)


def _wordlike(token: Token) -> bool:
    """A token with a letter or digit ("SYSTEM" in "[SYSTEM]" is tagged X, not a word, but reads as one)."""
    return any(c.isalnum() for c in token.text)


def phrase(analysis: Analysis, start: int, end: int, context: int = 0) -> str:
    """The words of tokens ``start`` to ``end`` as written, without punctuation at either edge,
    widened by up to ``context`` words on each side within the sentence (never across
    punctuation), so that a one-word finding reads with a few words around it."""
    tokens = analysis.tokens
    if not tokens:
        return ""
    sentence = tokens[start].sent
    while start < end - 1 and not _wordlike(tokens[start]):
        start += 1
    while end - 1 > start and not _wordlike(tokens[end - 1]):
        end -= 1
    for _ in range(context):
        if start > 0 and tokens[start - 1].sent == sentence and _wordlike(tokens[start - 1]):
            start -= 1
        if end < len(tokens) and tokens[end].sent == sentence and _wordlike(tokens[end]):
            end += 1
    # keep a word whole: "can" + "n't", "you" + "'ll"
    while start > 0 and _attached(tokens[start - 1], tokens[start]):
        start -= 1
    while end < len(tokens) and _attached(tokens[end - 1], tokens[end]) and tokens[end].lower in _CLITICS:
        end += 1
    first, last = tokens[start], tokens[end - 1]
    text = analysis.text
    stop = last.start + len(last.text)
    if text.startswith(first.text, first.start) and text.startswith(last.text, last.start):
        return text[first.start:stop].strip()
    # the analysed text had its spaces collapsed: rebuild from the tokens
    out = [first.text]
    for before, t in zip(tokens[start:end - 1], tokens[start + 1:end]):
        out.append((" " if t.start > before.start + len(before.text) else "") + t.text)
    return "".join(out).strip()
