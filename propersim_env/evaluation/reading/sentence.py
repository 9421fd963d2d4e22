"""Does a text read as a sentence addressed to someone, rather than a string of keywords?

Over the tagged text (:mod:`.nlp`). A **sentence** here has at least
:data:`MIN_WORDS` words, at least one function word (a determiner, preposition,
pronoun, particle, conjunction or auxiliary), at least one verb (any verb or
auxiliary, or an opening imperative the tagger read as a noun), and is not: a
list split by commas, semicolons, slashes, bullets or line breaks into pieces
of about two words; a long run with hardly any function words; the same few
words repeated; or topic keywords strung together (at least
:data:`SOUP_MIN_CONTENT` content words, of which a share of
:data:`SOUP_KEYWORD_SHARE` or more are one-word topic keywords).
"""

from __future__ import annotations

import re

from .nlp import Analysis

MIN_WORDS = 3
"""Fewer words than this is not a sentence ("Fancy a brew?" is one)."""
SOUP_MIN_CONTENT = 6
"""Keyword soup is judged only in texts with at least this many content words."""
SOUP_KEYWORD_SHARE = 0.85
"""Content words this much made of topic keywords are keyword soup."""

FUNCTION_CLASSES = frozenset({"DET", "ADP", "PRON", "PART", "CCONJ", "SCONJ", "AUX"})
_SEPARATORS = re.compile(r"[,;/|•·\n]")


def sentence_problem(analysis: Analysis, keyword_tokens: frozenset[int] = frozenset(),
                     opens_with_imperative: bool = False) -> str | None:
    """Why the text does not read as a sentence, or ``None`` if it does. ``keyword_tokens``:
    positions of tokens that are one-word topic keywords; ``opens_with_imperative``: whether
    the proposal reader found an imperative opening (the tagger may call it a noun)."""
    words = [(i, t) for i, t in enumerate(analysis.tokens) if t.is_word]
    n = len(words)
    if n < MIN_WORDS:
        return f"it has only {n} word{'s' if n != 1 else ''}, not a sentence"
    function = sum(1 for _, t in words if t.pos in FUNCTION_CLASSES)
    verb = opens_with_imperative or any(t.pos in ("VERB", "AUX") or t.tag == "MD" for _, t in words)
    content = [i for i, t in words if t.pos not in FUNCTION_CLASSES and t.pos not in ("VERB", "AUX", "INTJ")]
    if function == 0:
        return "it has no function words, so it reads as a list of keywords"
    if not verb:
        return "it has no verb, so it reads as a list of keywords rather than a suggestion"
    pieces = len(_SEPARATORS.findall(analysis.text)) + 1
    if pieces >= 4 and n / pieces <= 2.5:
        return "it is a list of keywords split by separators"
    if n >= 12 and function / n < 0.15:
        return "it has too few function words, so it reads as keyword soup"
    if n >= 8 and len({t.lower for _, t in words}) / n < 0.5:
        return "it repeats the same words over and over"
    if len(content) >= SOUP_MIN_CONTENT and sum(i in keyword_tokens for i in content) >= SOUP_KEYWORD_SHARE * len(content):
        return "it is mostly topic keywords strung together"
    return None
