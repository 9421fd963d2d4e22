"""The resident's memory of today's interactions with the assistant, as in the study.

The rater judges frequency from this memory alone: recent interactions in
detail (the last :data:`RECENT_MINUTES` minutes) and one summary per clock
hour that counts decisions and recommendations. The memory starts empty each
day (:meth:`EvaluationMemory.start_day`); everything it keeps is bounded, so a
14-day episode holds no more than one day's summaries at any time.

The caller records each decision *after* it is rated; rating never changes
the memory.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from numbers import Real

from ..core import NO_RECOMMENDATION, Decision, counted, parse_decision

RECENT_MINUTES = 10
"""Interactions less than this many minutes older than the latest are kept in detail."""
MAX_RECENT = 16
"""At most this many detailed interactions are kept, whatever the step length."""
MAX_HOURS = 48
"""At most this many hourly summaries are kept if a day is never closed."""
MAX_RECENT_SUGGESTIONS = 64
"""The times of at most this many of today's latest suggestions are kept."""
MAX_TEXT_CHARS = 160
"""A remembered suggestion keeps at most this many characters in the recent interactions."""
MAX_SAID = 128
"""At most this many distinct suggestion texts of today are remembered (for repeats)."""
MAX_SAID_CHARS = 2000
"""A suggestion remembered for repeats keeps this many characters (what the judge reads)."""
SAID_SHOWN = 12
"""``to_text`` shows at most this many of today's latest distinct suggestions."""
SAID_SHOWN_CHARS = 100
"""Each of today's suggestions shows at most this many characters in ``to_text``."""
MAX_TEXT = 3000
"""``to_text`` returns at most this many characters."""
WAKE_GAP_MINUTES = 30
"""A gap this long between two decisions means the resident slept or was away:
the silence that counts against the assistant restarts after it."""
_RECENT = timedelta(minutes=RECENT_MINUTES)
_WAKE_GAP = timedelta(minutes=WAKE_GAP_MINUTES)


@dataclass(frozen=True, slots=True)
class HeardDecision:
    """One decision the resident remembers hearing today; ``text`` is ``None`` for a no-op."""

    time: datetime
    text: str | None
    score: float

    @property
    def noop(self) -> bool:
        return self.text is None


@dataclass(frozen=True, slots=True)
class HourSummary:
    """Counts for one clock hour of today."""

    start: datetime
    decisions: int
    recommendations: int
    score_sum: float
    scored: int  # decisions with a score (a failed LLM evaluation has none)

    @property
    def mean_score(self) -> float:
        return self.score_sum / self.scored if self.scored else 0.0


def _hour_of(time: datetime) -> datetime:
    return time.replace(minute=0, second=0, microsecond=0)


def _clock(time: datetime) -> str:
    return time.strftime("%H:%M")


class EvaluationMemory:
    """The resident's memory of today's interactions (what the rater sees)."""

    def __init__(self) -> None:
        self.start_day(None)

    # ---- lifecycle -------------------------------------------------------
    def start_day(self, day: date | datetime | None) -> None:
        """Forget everything: a new day starts with an empty memory."""
        if isinstance(day, datetime):
            day = day.date()
        if day is not None and not isinstance(day, date):
            raise TypeError(f"start_day() needs a date, got {type(day).__name__}")
        self.date: date | None = day
        self._recent: deque[HeardDecision] = deque(maxlen=MAX_RECENT)
        self._hours: dict[datetime, list] = {}  # hour start -> [decisions, recommendations, score sum]
        self.decisions_today = 0
        self.suggestions_today = 0
        self._score_sum = 0.0
        self._scored_today = 0
        self.day_start_time: datetime | None = None
        """When the first decision of the day was made (when the resident was first awake)."""
        self.last_interaction_time: datetime | None = None
        self.last_suggestion_time: datetime | None = None
        self._run_start: datetime | None = None  # start of the current stretch of decisions without a long gap
        self._suggestion_times: deque[datetime] = deque(maxlen=MAX_RECENT_SUGGESTIONS)
        self._said: dict[str, datetime] = {}  # each distinct suggestion today -> when it was first made

    def record(self, time: datetime, decision: Decision | str, score: float) -> None:
        """Remember one rated decision. Times must not go backwards."""
        if not isinstance(time, datetime):
            raise TypeError(f"record() needs a datetime, got {type(time).__name__}")
        if isinstance(decision, str):
            decision = parse_decision(decision)
        elif not isinstance(decision, Decision):
            raise TypeError(f"record() needs a Decision or str, got {type(decision).__name__}")
        if not isinstance(score, Real) or isinstance(score, bool):
            raise TypeError(f"record() needs a numeric score, got {type(score).__name__}")
        last = self.last_interaction_time
        if last is not None and time < last:
            raise ValueError(f"cannot record a decision at {time.isoformat()}: it is before the last one at {last.isoformat()}")
        if self.date is None:
            self.date = time.date()
        if self.day_start_time is None:
            self.day_start_time = time
        if last is None or time - last > _WAKE_GAP:
            self._run_start = time
        self.last_interaction_time = time
        score = float(score)
        scored = not math.isnan(score)  # NaN: the evaluation failed and was flagged, not scored
        self.decisions_today += 1
        self._scored_today += scored
        self._score_sum += score if scored else 0.0
        hour = _hour_of(time)
        counts = self._hours.get(hour)
        if counts is None:
            counts = self._hours[hour] = [0, 0, 0.0, 0]
            if len(self._hours) > MAX_HOURS:
                del self._hours[next(iter(self._hours))]
        counts[0] += 1
        counts[2] += score if scored else 0.0
        counts[3] += scored
        if decision.noop:
            text = None
        else:
            text = decision.text[:MAX_TEXT_CHARS]
            counts[1] += 1
            self.suggestions_today += 1
            self.last_suggestion_time = time
            self._suggestion_times.append(time)
            said = decision.text[:MAX_SAID_CHARS]
            if said not in self._said:
                if len(self._said) >= MAX_SAID:
                    del self._said[next(iter(self._said))]
                self._said[said] = time
        recent = self._recent
        recent.append(HeardDecision(time, text, score))
        horizon = time - _RECENT
        while recent[0].time <= horizon:
            recent.popleft()

    # ---- what the rater reads ---------------------------------------------
    @property
    def mean_score_today(self) -> float:
        return self._score_sum / self._scored_today if self._scored_today else 0.0

    @property
    def recent(self) -> tuple[HeardDecision, ...]:
        """The interactions of the last few minutes, oldest first."""
        return tuple(self._recent)

    @property
    def hourly(self) -> tuple[HourSummary, ...]:
        """One summary per clock hour with decisions today, oldest first."""
        return tuple(HourSummary(h, *c) for h, c in self._hours.items())

    @property
    def said_today(self) -> tuple[tuple[datetime, str], ...]:
        """Each distinct suggestion made today with the time it was first made, oldest first
        (the resident remembers what it was told: a repeat is not welcome)."""
        return tuple((t, text) for text, t in self._said.items())

    def suggestions_in_hour(self, now: datetime) -> int:
        """Recommendations made in the clock hour that contains ``now``."""
        counts = self._hours.get(_hour_of(now))
        return counts[1] if counts else 0

    def suggestions_since(self, time: datetime) -> int:
        """Recommendations made today after ``time`` (counts past
        :data:`MAX_RECENT_SUGGESTIONS` saturate)."""
        return sum(1 for t in self._suggestion_times if t > time)

    def minutes_since_last_suggestion(self, now: datetime) -> float | None:
        """Minutes since today's last suggestion, or ``None`` if there was none today."""
        last = self.last_suggestion_time
        return None if last is None else (now - last).total_seconds() / 60

    def minutes_silent(self, now: datetime) -> float:
        """How long the assistant has been silent at ``now``, as the resident feels it.

        Counted from the last suggestion today, or from the start of the day's
        decisions if there was none. A gap of more than
        :data:`WAKE_GAP_MINUTES` between decisions (sleep, a nap) restarts the
        count; before the first decision of the day it is 0.
        """
        last = self.last_interaction_time
        if last is None or now - last > _WAKE_GAP:
            return 0.0
        start = self._run_start
        suggestion = self.last_suggestion_time
        if suggestion is not None and suggestion > start:
            start = suggestion
        return max(0.0, (now - start).total_seconds() / 60)

    def to_text(self, now: datetime) -> str:
        """The memory as prompt text: hourly summaries (oldest first), the latest distinct
        suggestions made today, today's counts, then the recent interactions. At most :data:`MAX_TEXT` characters (the oldest hours go first).

        What changes least leads, so consecutive prompts share a long prefix that an LLM
        server's prompt cache can reuse."""
        if self.decisions_today == 0:
            return "No interactions yet today."
        hours = []
        for h, (n, recs, total, scored) in list(self._hours.items())[-24:]:
            mean = f"mean score {total / scored:.1f}" if scored else "no scores"
            hours.append(f"- {_clock(h)}-{_clock(h + timedelta(hours=1))}: {counted(recs, 'recommendation')} "
                         f"in {counted(n, 'decision')}, {mean}")
        rest = [f"Today since {_clock(self.day_start_time)}: {counted(self.suggestions_today, 'recommendation')} "
                f"in {counted(self.decisions_today, 'decision')}, mean score {self.mean_score_today:.1f}."]
        since = self.minutes_since_last_suggestion(now)
        if since is None:
            rest.append("No recommendation yet today.")
        else:
            rest.append(f"Last recommendation at {_clock(self.last_suggestion_time)} ({since:.0f} minutes ago).")
        horizon = now - _RECENT
        recent = [i for i in self._recent if horizon < i.time <= now]
        if recent:
            rest.append(f"Last {RECENT_MINUTES} minutes:")
            for i in recent:
                what = NO_RECOMMENDATION if i.text is None else f"Recommended: {i.text!r}"
                score = "not scored" if math.isnan(i.score) else f"score {i.score:g}"
                rest.append(f"- {_clock(i.time)} {what} ({score})")
        said = [f"- {_clock(t)} {text[:SAID_SHOWN_CHARS]!r}" for t, text in self.said_today if t <= now]
        said = said[-SAID_SHOWN:]
        while True:
            text = "\n".join((["Hourly summaries:"] + hours if hours else [])
                             + (["Suggestions already made today (the same idea again is a repeat):"] + said
                                if said else []) + rest)
            if len(text) <= MAX_TEXT or not (hours or said):
                break
            (said or hours).pop(0)  # the oldest suggestions go first, then the oldest hours
        return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 3] + "..."
