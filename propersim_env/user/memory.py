"""The resident's associative memory: a stream of event, thought and chat nodes.

As in Generative Agents, every node has a creation time, a last-access time,
an importance (1-10) and keywords, and retrieval ranks nodes by a weighted sum
of recency, importance and relevance to a query, each min-max normalised over
the candidates. In the embedded default, relevance is keyword overlap
(Jaccard); an LLM resident can pass an embedding-based ``relevance`` function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

NODE_KINDS = ("event", "thought", "chat")
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    "a an the is are was be being been of in on at to for and or with from by into onto up down "
    "her his their its my your it she he they i this that some".split()
)


def keywords_of(*texts: str) -> frozenset[str]:
    """Content words of the texts, lower-case."""
    return frozenset(w for t in texts for w in _WORD.findall(t.lower()) if w not in _STOP and len(w) > 2)


@dataclass
class ConceptNode:
    node_id: int
    kind: str  # event, thought or chat
    created: datetime
    last_accessed: datetime
    subject: str
    predicate: str
    object: str
    description: str
    importance: int
    keywords: frozenset[str]
    evidence: tuple[int, ...] = ()  # for thoughts: the nodes they were drawn from

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)

    def to_dict(self) -> dict:
        return {
            "id": self.node_id, "kind": self.kind, "created": self.created.isoformat(),
            "last_accessed": self.last_accessed.isoformat(), "subject": self.subject,
            "predicate": self.predicate, "object": self.object, "description": self.description,
            "importance": self.importance, "keywords": sorted(self.keywords), "evidence": list(self.evidence),
        }


@dataclass
class RetrievalWeights:
    """Generative Agents' weights: relevance counts most, then importance, then recency."""

    recency: float = 0.5
    relevance: float = 3.0
    importance: float = 2.0
    recency_decay_per_hour: float = 0.9


@dataclass
class AssociativeMemory:
    nodes: list[ConceptNode] = field(default_factory=list)
    weights: RetrievalWeights = field(default_factory=RetrievalWeights)

    def add(self, kind: str, created: datetime, subject: str, predicate: str, obj: str,
            description: str, importance: int, keywords: Iterable[str] | None = None,
            evidence: tuple[int, ...] = ()) -> ConceptNode:
        if kind not in NODE_KINDS:
            raise ValueError(f"memory node kind must be one of {NODE_KINDS}, got {kind!r}")
        node = ConceptNode(
            len(self.nodes), kind, created, created, subject, predicate, obj, description,
            int(min(10, max(1, importance))),
            frozenset(keywords) if keywords is not None else keywords_of(subject, predicate, obj, description),
            evidence,
        )
        self.nodes.append(node)
        return node

    def of_kind(self, kind: str) -> list[ConceptNode]:
        return [n for n in self.nodes if n.kind == kind]

    def latest(self, n: int, kind: str | None = None) -> list[ConceptNode]:
        """The ``n`` most recent nodes (newest last), optionally of one kind."""
        out = []
        for node in reversed(self.nodes):
            if kind is None or node.kind == kind:
                out.append(node)
                if len(out) == n:
                    break
        return out[::-1]

    def retrieve(self, query: str, now: datetime, k: int = 5,
                 relevance: Callable[[str, ConceptNode], float] | None = None,
                 kinds: tuple[str, ...] = ("event", "thought", "chat")) -> list[ConceptNode]:
        """The ``k`` nodes ranked highest by weighted recency, importance and relevance.
        Retrieved nodes count as accessed now."""
        candidates = [n for n in self.nodes if n.kind in kinds]
        picked = [node for node, _ in rank(candidates, query, now, self.weights, relevance)[:k]]
        for n in picked:
            n.last_accessed = now
        return picked


def rank(nodes: list[ConceptNode], query: str, now: datetime, weights: RetrievalWeights,
         relevance: Callable[[str, ConceptNode], float] | None = None) -> list[tuple[ConceptNode, float]]:
    """``nodes`` best first by weighted recency, importance and relevance to ``query``, each
    min-max normalised over ``nodes`` (ties: the newest first), each with its relevance before
    normalising (default: the keyword overlap, Jaccard). Reads the nodes, changes nothing."""
    if not nodes:
        return []
    q = keywords_of(query)

    def keyword_relevance(_: str, node: ConceptNode) -> float:
        union = q | node.keywords
        return len(q & node.keywords) / len(union) if union else 0.0

    rel_fn = relevance or keyword_relevance
    w = weights
    recency = [w.recency_decay_per_hour ** ((now - n.last_accessed).total_seconds() / 3600) for n in nodes]
    importance = [float(n.importance) for n in nodes]
    rel = [rel_fn(query, n) for n in nodes]
    scores = [
        w.recency * a + w.importance * b + w.relevance * c
        for a, b, c in zip(_normalise(recency), _normalise(importance), _normalise(rel))
    ]
    order = sorted(range(len(nodes)), key=lambda i: (-scores[i], -nodes[i].node_id))
    return [(nodes[i], rel[i]) for i in order]


def _normalise(values: list[float]) -> list[float]:
    lo, hi = min(values), max(values)
    if hi - lo < 1e-12:
        return [0.5] * len(values)
    return [(v - lo) / (hi - lo) for v in values]
