"""What activity of the vocabulary a suggestion proposes (``ProPerSim-v1``).

The resident's reading of the suggestion (:func:`propersim_env.evaluation.reading.read`)
gives its proposals, each with topics and content words. Every activity a resident
could take up on the spot is scored against each proposal:

- 3 points per content word of the proposal among the activity's words (its id
  and description, and the description's dictionary forms, with a plain
  ``-ing``/``-s`` stripped: "walk" finds ``garden_walk``, "sketch" finds
  ``sketching``, "meditate" finds ``meditation``, described as "meditating");
- 1 point per topic the activity shares with the proposal;
- half a point when the activity is one of the persona's own (routine or free time).

The best-scoring activity with at least one point wins (ties: the one with the
shorter least duration, then the vocabulary's order). Activities a suggestion
cannot start are never chosen: sleep, work, hygiene and full meals (a snack or a
coffee can be: meals of at most 30 minutes).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..evaluation.reading import read
from ..evaluation.reading.nlp import analyse
from ..personas import Persona, activities

_STOP = frozenset({"a", "an", "the", "of", "for", "to", "and", "in", "on", "up", "some", "with", "instead",
                   "proper", "long", "quick", "something", "new", "from", "home", "work"})


def _stem(word: str) -> str:
    for suffix in ("ing", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2]:  # "sketching" -> "sketch", "shopping" -> "shop"
        word = word[:-1]
    return word


@lru_cache(maxsize=1)
def _candidates() -> tuple[tuple[str, frozenset[str], frozenset[str], int], ...]:
    out = []
    for act in activities().values():
        if act.category in ("sleep", "work", "hygiene") or (act.category == "meal" and act.max_minutes > 30):
            continue
        words = set(act.id.split("_")) | set(re.findall(r"[a-z]+", act.description.lower()))
        # and their dictionary forms, as the proposal's lemmas are ("meditating" -> "meditate")
        words |= {t.lemma for t in analyse(act.description).words}
        stems = frozenset(_stem(w) for w in words if w not in _STOP and len(w) > 2)
        out.append((act.id, stems, frozenset(act.topics), act.min_minutes))
    return tuple(out)


@lru_cache(maxsize=4096)
def _proposed(text: str, own: frozenset[str]) -> str | None:
    reading = read(text)
    best, best_key = None, None
    for i, (aid, stems, topics, shortest) in enumerate(_candidates()):
        score = 0.0
        for p in reading.proposals:
            content = {_stem(w) for w in p.content | p.lemmas for w in w.split()}
            s = 3 * len(content & stems) + len(p.topics & topics)
            score = max(score, s)
        if score < 1:
            continue
        score += 0.5 * (aid in own)
        key = (-score, shortest, i)
        if best_key is None or key < best_key:
            best, best_key = aid, key
    return best


def proposed_activity(text: str | None, persona: Persona) -> str | None:
    """The activity id ``text`` proposes to ``persona``, or ``None`` (see the module docstring)."""
    if not text:
        return None
    own = frozenset({b.activity for b in persona.routine} | set(persona.free_time))
    return _proposed(text, own)
