"""Reflection: periodic thoughts drawn from important recent memories.

Generative Agents reflects when the importance of what happened since the last
reflection adds up past a threshold: it takes the most important recent
memories as focal points and writes thoughts that cite them as evidence. The
embedded reflector does the same with sentence templates per activity
category; an LLM reflector writes the thoughts instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..personas import activities
from .memory import AssociativeMemory, ConceptNode

_TEMPLATES = {
    "work": "I put a solid effort into {what} today and want to keep that focus.",
    "meal": "Taking time for {what} keeps my day grounded.",
    "chore": "Keeping up with {what} makes the house feel under control.",
    "exercise": "{What} leaves me with more energy; I should keep it up.",
    "hobby": "{What} is the part of the day I look forward to.",
    "media": "{What} helps me switch off, though it can eat up time.",
    "social": "{What} reminded me how much the people around me matter.",
    "mindfulness": "{What} settles my mind; I feel calmer afterwards.",
    "rest": "I needed {what}; resting well matters to me.",
    "hygiene": "A steady routine like {what} keeps me on track.",
    "sleep": "I slept and feel ready for what comes next.",
}


@dataclass
class Reflector:
    """Writes thoughts once the importance of new events reaches ``threshold``."""

    threshold: int = 40
    focal_points: int = 2
    _accumulated: int = 0
    _since_node: int = 0

    def reset(self) -> None:
        self._accumulated = 0
        self._since_node = 0

    def observe(self, nodes: list[ConceptNode]) -> None:
        self._accumulated += sum(n.importance for n in nodes)

    def maybe_reflect(self, memory: AssociativeMemory, now: datetime, who: str) -> list[ConceptNode]:
        if self._accumulated < self.threshold:
            return []
        recent = [n for n in memory.nodes[self._since_node:] if n.kind == "event" and n.subject == who]
        self._accumulated = 0
        self._since_node = len(memory.nodes)
        by_activity: dict[str, list[ConceptNode]] = {}
        for n in recent:
            by_activity.setdefault(n.object, []).append(n)
        # focal points: the activities with the most important moments since the last reflection
        ranked = sorted(by_activity.items(), key=lambda kv: (-max(n.importance for n in kv[1]), kv[0]))
        thoughts = []
        for activity_id, evidence in ranked[: self.focal_points]:
            act = activities().get(activity_id)
            if act is None:
                continue
            text = _TEMPLATES[act.category].format(what=act.description, What=act.description.capitalize())
            importance = max(n.importance for n in evidence) + 1
            thoughts.append(memory.add("thought", now, who, "thinks", activity_id, text, importance,
                                       evidence=tuple(n.node_id for n in evidence[-5:])))
        return thoughts
