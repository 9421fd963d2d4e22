"""The assistant-side memory of past interactions, as the study's assistant sees it.

What the ``memory`` observation shows: the last ~10 minutes of interactions in
detail, today's hourly summaries with counts of recommendations, and a few
retrieved past interactions (same activity, recent, strongly rated). The
``level`` chooses what each interaction shows, as the study's memory levels
(:mod:`propersim_env.core.memory_level`): ``A`` the resident's action, ``AS``
plus the suggestion, ``ASC`` plus the score, ``ASCR`` plus the reasons, and the
mixes (``ASC8R2``: the reasons of one interaction in five). Which
interactions of a mix show the extra field is drawn from each one's time, so
it needs no generator and is the same after a resume. The text is bounded by
``max_chars``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime

from ..core import NO_RECOMMENDATION, MemoryLevel, counted, parse_memory_level


@dataclass(frozen=True)
class Interaction:
    time: datetime
    user_action: str
    activity: str
    suggestion: str | None  # None for "No Recommendation"
    score: int | None  # None when the evaluation failed (flagged, not scored)
    reasons: dict[str, str] = field(default_factory=dict)
    scores: dict[str, int] = field(default_factory=dict)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AssistantMemory:
    def __init__(self, level: str | MemoryLevel = "ASCR", recent_minutes: int = 10, retrieved_k: int = 3,
                 max_chars: int = 4000, history: int = 2000):
        self.level = parse_memory_level(level)
        self.recent_minutes = recent_minutes
        self.retrieved_k = retrieved_k
        self.max_chars = max_chars
        self._history = history
        self.reset()

    def reset(self) -> None:
        self._recent: deque[tuple[Interaction, str]] = deque(maxlen=32)  # with its line, formatted once
        self._past_suggestions: deque[Interaction] = deque(maxlen=self._history)
        self._hours: dict[int, list[int]] = {}  # hour -> [decisions, recommendations, score sum]
        self._day = None
        self._retrieved_cache: tuple[tuple, str] | None = None

    def record(self, it: Interaction) -> None:
        if it.time.date() != self._day:
            self._day = it.time.date()
            self._hours = {}
        self._recent.append((it, self._line(it)))
        hour = self._hours.setdefault(it.time.hour, [0, 0, 0, 0])
        hour[0] += 1
        hour[1] += it.suggestion is not None
        if it.score is not None:
            hour[2] += it.score
            hour[3] += 1
        if it.suggestion is not None and it.score is not None:
            self._past_suggestions.append(it)

    def _line(self, it: Interaction, with_date: bool = False) -> str:
        when = it.time.strftime("%a %H:%M" if with_date else "%H:%M")
        parts = [when, _clip(it.user_action, 140)]
        level = self.level
        extra = level.draw_by_key(it.time.isoformat())
        if level.shows("S", extra):
            parts.append(f'suggestion: "{_clip(it.suggestion, 160)}"' if it.suggestion else NO_RECOMMENDATION)
        if level.shows("C", extra):
            parts.append("not scored" if it.score is None else f"score {it.score}/4")
        if level.shows("R", extra) and it.reasons:
            # a silence that scored 4/4 needs no explanation; otherwise say why
            if it.suggestion is not None or it.score < len(it.reasons):
                shown = it.reasons.values() if it.suggestion is not None else \
                    [r for c, r in it.reasons.items() if it.scores.get(c, 1) == 0]
                parts.append("reasons: " + _clip("; ".join(shown), 240))
        return "- " + " | ".join(parts)

    def to_text(self, now: datetime, activity: str) -> str:
        horizon = self.recent_minutes * 60
        lines = [f"Recent interactions (last {self.recent_minutes} minutes):"]
        lines += [line for it, line in self._recent if (now - it.time).total_seconds() <= horizon] or ["- none"]
        lines.append("Hourly summaries today:")
        if self._day == now.date() and self._hours:
            for h in sorted(self._hours):
                n, recs, total, scored = self._hours[h]
                text = f"- {h:02d}:00-{h + 1:02d}:00: {counted(recs, 'recommendation')} in {counted(n, 'decision')}"
                if "C" in self.level.base and scored:
                    text += f", mean score {total / scored:.1f}"
                lines.append(text)
        else:
            lines.append("- none yet")
        lines.append(self._retrieved(activity, now))
        text = "\n".join(lines)
        return text if len(text) <= self.max_chars else text[: self.max_chars - 1] + "…"

    def _retrieved(self, activity: str, now: datetime) -> str:
        """Past suggestions made during the same activity on earlier days, the
        most recent and the most strongly rated first (cached until they change)."""
        key = (activity, now.date(), len(self._past_suggestions),
               self._past_suggestions[-1].time if self._past_suggestions else None)
        if self._retrieved_cache is not None and self._retrieved_cache[0] == key:
            return self._retrieved_cache[1]
        candidates = [it for it in self._past_suggestions if it.activity == activity and it.time.date() != now.date()]
        candidates.sort(key=lambda it: (abs(it.score - 2), it.time), reverse=True)
        lines = ["Retrieved past interactions:"]
        lines += [self._line(it, with_date=True) for it in candidates[: self.retrieved_k]] or ["- none"]
        text = "\n".join(lines)
        self._retrieved_cache = (key, text)
        return text
