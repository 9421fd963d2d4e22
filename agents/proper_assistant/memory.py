"""ProPerAssistant's memory of past interactions, as its prompt shows it.

Four parts, each bounded:

- the last ``recent_minutes`` (10) of interactions in detail;
- today's hourly summaries: decisions, recommendations and (with scores shown)
  the mean score of each hour;
- the previous day's 4-hourly summaries, the same counts;
- the ``top_k`` past interactions (older than the recent window) ranked, as in
  Generative Agents, by the sum of recency, relevance and importance, each in
  [0, 1]: recency halves every ``recency_half_life_hours``; relevance is the
  cosine (clipped at 0) between the embeddings of what the resident is doing
  now and what it was doing then; importance is higher for suggestions than
  silences and for strongly rated (0-1 or 4 of 4) than lukewarm ones, when the
  level shows scores. (Generative Agents min-max normalises each part over the
  candidates; here that would let a ten-minute difference in age count as much
  as the whole range of relevance, so the raw values are summed.)

The memory level (:mod:`propersim_env.core.memory_level`) decides what each interaction shows;
in the mixed levels each interaction draws once, when recorded, whether it
shows the extra field, so a prompt never flickers between calls.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from .embedders import Embedder, HashingEmbedder
from propersim_env.core import MemoryLevel, parse_memory_level


@dataclass(frozen=True)
class Remembered:
    """One rated decision: what the resident was doing, what the assistant did, how it was rated."""

    time: datetime
    user_action: str
    suggestion: str | None  # None for "No Recommendation"
    score: int | None  # None when the rating failed
    reasons: dict[str, str] = field(default_factory=dict)
    extra_drawn: bool = False  # the mixed levels' draw: shows the extra field


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class InteractionMemory:
    def __init__(self, level: str | MemoryLevel = "ASCR", *, recent_minutes: int = 10, top_k: int = 3,
                 embedder: Embedder | None = None, recency_half_life_hours: float = 24.0,
                 max_chars: int = 2500, history: int = 5000):
        self.level = level if isinstance(level, MemoryLevel) else parse_memory_level(level)
        if recent_minutes < 1 or top_k < 0 or max_chars < 200 or history < 1:
            raise ValueError("recent_minutes >= 1, top_k >= 0, max_chars >= 200 and history >= 1 are required")
        self.recent_minutes = recent_minutes
        self.top_k = top_k
        self.embedder = embedder or HashingEmbedder()
        self.half_life = recency_half_life_hours
        self.max_chars = max_chars
        self.history = history
        self.reset(seed=None)

    def reset(self, seed: int | None) -> None:
        self.rng = np.random.default_rng(seed)
        self.items: deque[Remembered] = deque(maxlen=self.history)
        self._vectors: deque[np.ndarray] = deque(maxlen=self.history)

    def record(self, time: datetime, user_action: str, suggestion: str | None, score: int | None,
               reasons: dict[str, str] | None = None) -> Remembered:
        drawn = bool(self.level.extra and self.rng.random() < self.level.extra_share)
        item = Remembered(time, user_action, suggestion, score, dict(reasons or {}), drawn)
        self.items.append(item)
        self._vectors.append(self.embedder.embed([user_action])[0])
        return item

    # ---- the prompt's text ---------------------------------------------------
    def to_text(self, now: datetime, user_action: str) -> str:
        recent_from = now - timedelta(minutes=self.recent_minutes)
        lines = [f"Recent interactions (last {self.recent_minutes} minutes):"]
        lines += [self.line(it) for it in self.items if it.time >= recent_from] or ["- none"]
        lines.append("Today, hour by hour:")
        lines += self._summaries([it for it in self.items if it.time.date() == now.date()], 1) or ["- nothing yet"]
        yesterday = now.date() - timedelta(days=1)
        earlier = [it for it in self.items if it.time.date() == yesterday]
        if earlier:
            lines.append("Yesterday, in 4-hour blocks:")
            lines += self._summaries(earlier, 4)
        lines.append("Retrieved past interactions:")
        lines += [self.line(it, with_day=True) for it in self.retrieve(now, user_action)] or ["- none"]
        text = "\n".join(lines)
        return text if len(text) <= self.max_chars else text[: self.max_chars - 1] + "…"

    def line(self, it: Remembered, with_day: bool = False) -> str:
        parts = [it.time.strftime("%a %H:%M" if with_day else "%H:%M"), _clip(it.user_action, 120)]
        if self.level.shows("S", it.extra_drawn):
            parts.append(f'suggestion: "{_clip(it.suggestion, 140)}"' if it.suggestion else "No Recommendation")
        if self.level.shows("C", it.extra_drawn):
            parts.append("not scored" if it.score is None else f"score {it.score}/4")
        if self.level.shows("R", it.extra_drawn) and it.reasons and (it.suggestion or (it.score or 0) < 4):
            parts.append("reasons: " + _clip("; ".join(it.reasons.values()), 200))
        return "- " + " | ".join(parts)

    def _summaries(self, items: list[Remembered], hours: int) -> list[str]:
        blocks: dict[int, list[Remembered]] = {}
        for it in items:
            blocks.setdefault(it.time.hour // hours * hours, []).append(it)
        lines = []
        for start, its in sorted(blocks.items()):
            recs = sum(it.suggestion is not None for it in its)
            text = f"- {start:02d}:00-{start + hours:02d}:00: {_count(recs, 'recommendation')} in " \
                   f"{_count(len(its), 'decision')}"
            scored = [it.score for it in its if it.score is not None]
            if "C" in self.level.base and scored:
                text += f", mean score {sum(scored) / len(scored):.1f}"
            lines.append(text)
        return lines

    # ---- retrieval -------------------------------------------------------------
    def retrieve(self, now: datetime, user_action: str) -> list[Remembered]:
        """The ``top_k`` interactions older than the recent window, best first."""
        cutoff = now - timedelta(minutes=self.recent_minutes)
        pool = [(it, v) for it, v in zip(self.items, self._vectors) if it.time < cutoff]
        if not pool or self.top_k == 0:
            return []
        relevance = np.clip(np.stack([v for _, v in pool]) @ self.embedder.embed([user_action])[0], 0, 1)
        hours = np.array([(now - it.time).total_seconds() / 3600 for it, _ in pool])
        recency = 0.5 ** (hours / self.half_life)
        importance = np.array([self._importance(it) for it, _ in pool])
        total = recency + relevance + importance
        best = np.argsort(-total, kind="stable")[: self.top_k]
        return [pool[j][0] for j in best]

    def _importance(self, it: Remembered) -> float:
        base = 1.0 if it.suggestion else 0.4
        if it.score is not None and self.level.shows("C", it.extra_drawn):
            return base * (0.5 + 0.25 * abs(it.score - 2))
        return base * 0.75
