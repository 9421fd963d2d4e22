"""Planning a resident's day, as Generative Agents does it, in three levels:

1. a **daily plan**: wake time, bedtime and the day's broad strokes;
2. an **hourly schedule**: activity blocks from waking to bedtime;
3. a **decomposition** of each block into 5-30 minute subtasks, each grounded to
   a room and an object of the house.

Times are absolute minutes since midnight of the simulation's first day, so a
bedtime after midnight is simply later than ``(day + 1) * 1440``. A calendar
day's schedule (:func:`calendar_day`) stitches last night's tail, the night's
sleep, the day's blocks and the start of the next night into exactly 24 hours.

:class:`Planner` is the interface; :class:`ScriptedPlanner` is the embedded,
seeded implementation built from the persona's routine blocks. An LLM planner
implements the same two methods.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np

from ..personas import Persona, activities, minutes_to_clock

MINUTES_PER_DAY = 24 * 60
SLEEP = "sleeping"
BEDTIME = "bedtime_routine"
MIN_SUBTASK, MAX_SUBTASK = 5, 30


@dataclass(frozen=True)
class ScheduleBlock:
    """One activity from ``start`` for ``duration`` minutes (absolute minutes)."""

    activity: str  # activity id from the vocabulary
    start: int
    duration: int

    @property
    def end(self) -> int:
        return self.start + self.duration

    @property
    def description(self) -> str:
        return activities()[self.activity].description

    def clipped(self, lo: int, hi: int) -> "ScheduleBlock | None":
        s, e = max(self.start, lo), min(self.end, hi)
        return ScheduleBlock(self.activity, s, e - s) if e > s else None


@dataclass(frozen=True)
class Subtask:
    """A grounded step of a block: what, where (room and object), when."""

    activity: str
    description: str
    room: str
    object: str
    start: int
    duration: int

    @property
    def end(self) -> int:
        return self.start + self.duration


@dataclass
class DayPlan:
    """One waking day: from ``wake`` to ``bedtime`` (absolute minutes)."""

    day: int
    wake: int
    bedtime: int
    daily_plan: list[str]
    blocks: list[ScheduleBlock]
    subtasks: list[Subtask] = field(default_factory=list)


class Planner(Protocol):
    """What the resident needs from a planner (scripted or LLM)."""

    def plan_day(self, persona: Persona, day: int, weekday: int, rng: np.random.Generator,
                 previous: DayPlan | None) -> DayPlan: ...

    def decompose(self, persona: Persona, block: ScheduleBlock, bedroom: str,
                  rng: np.random.Generator) -> list[Subtask]: ...


def _round5(x: float) -> int:
    return int(5 * round(x / 5))


def _jitter(rng: np.random.Generator, spread: int) -> int:
    """A normal jitter with sd spread/2, clipped to +-spread, in steps of 5 minutes."""
    if spread <= 0:
        return 0
    return _round5(float(np.clip(rng.normal(0, spread / 2), -spread, spread)))


def _duration(rng: np.random.Generator, lo: int, hi: int) -> int:
    lo5, hi5 = -(-lo // 5) * 5, hi // 5 * 5
    if hi5 < lo5:
        return max(5, _round5(lo))
    return int(rng.integers(lo5 // 5, hi5 // 5 + 1)) * 5


class ScriptedPlanner:
    """Days built from the persona's routine blocks, with seeded variation.

    Variation comes from the wake time and bedtime (the persona's jitter),
    anchored start times, block durations, which optional blocks happen today
    (their ``chance``), weekday or weekend blocks, and the free-time
    activities drawn to fill the gaps between blocks.
    """

    #: a bedtime may slip by this much when the evening runs long
    max_bedtime_slip = 45
    #: fewest hours of sleep between last night's bedtime and this wake time
    min_sleep_hours = 5
    #: whatever the jitter, nobody gets up before 04:30 or stays up past 03:00
    earliest_wake = 4 * 60 + 30
    latest_bedtime = 27 * 60

    def plan_day(self, persona: Persona, day: int, weekday: int, rng: np.random.Generator,
                 previous: DayPlan | None) -> DayPlan:
        weekend = weekday >= 5
        sleep = persona.sleep
        day_start = day * MINUTES_PER_DAY
        wake = day_start + max(self.earliest_wake,
                               (sleep.weekend_wake if weekend else sleep.weekday_wake) + _jitter(rng, sleep.jitter_minutes))
        if previous is not None:
            wake = max(wake, previous.bedtime + self.min_sleep_hours * 60)
        latest = day_start + self.latest_bedtime
        bedtime = min(latest - self.max_bedtime_slip,
                      day_start + (sleep.weekend_bed if weekend else sleep.weekday_bed) + _jitter(rng, sleep.jitter_minutes))
        anchor_spread = min(15, sleep.jitter_minutes)

        routine = [
            b for b in persona.routine
            if (b.days == "daily" or (b.days == "weekends") == weekend) and rng.random() < b.chance
        ]
        placed: list[ScheduleBlock] = []
        gaps: list[tuple[int, int]] = []
        cursor = wake
        limit = bedtime + self.max_bedtime_slip
        for b in routine:
            shortest = activities()[b.activity].min_minutes
            duration = _duration(rng, max(b.min_minutes, shortest), max(b.max_minutes, shortest))
            start = cursor
            if b.at is not None:  # anchored: at its time, or late if the blocks before it ran over
                start = max(cursor, day_start + b.at + _jitter(rng, anchor_spread))
            end = min(start + duration, limit)
            if end - start < 5:
                break  # the evening is full
            if start > cursor:
                gaps.append((cursor, start))
            placed.append(ScheduleBlock(b.activity, start, end - start))
            cursor = end
        bedtime = max(bedtime, cursor)
        if bedtime > cursor:
            free_until = bedtime
            if placed and placed[-1].activity == BEDTIME:  # getting ready for bed ends at bedtime
                last = placed.pop()
                free_until = bedtime - last.duration
                placed.append(ScheduleBlock(BEDTIME, free_until, last.duration))
                cursor = last.start
            if free_until > cursor:
                gaps.append((cursor, free_until))

        blocks = sorted(placed + fill_gaps(persona, gaps, placed, rng), key=lambda x: x.start)
        blocks = _merge_short_gaps(blocks, wake, bedtime)
        return DayPlan(day, wake, bedtime, _daily_plan_text(wake, bedtime, placed), blocks)

    def decompose(self, persona: Persona, block: ScheduleBlock, bedroom: str,
                  rng: np.random.Generator) -> list[Subtask]:
        """Split a block into 5-30 minute subtasks that exactly cover it; sleep stays whole."""
        act = activities()[block.activity]
        if act.category == "sleep":
            s = act.subtasks[0]
            return [Subtask(act.id, s.description, _room(s.room, bedroom), s.object, block.start, block.duration)]
        steps = list(act.subtasks)
        while len(steps) > 1 and len(steps) * MIN_SUBTASK > block.duration:
            steps.remove(min(steps, key=lambda s: s.weight))  # too short for every step: keep the main ones
        weights = np.array([s.weight for s in steps]) * rng.uniform(0.75, 1.25, len(steps))
        shares = weights / weights.sum() * block.duration
        minutes = [max(MIN_SUBTASK, _round5(x)) for x in shares]
        minutes[int(np.argmax(minutes))] += block.duration - sum(minutes)
        while min(minutes) < MIN_SUBTASK:  # rounding took too much from the largest: rebalance
            i, j = int(np.argmin(minutes)), int(np.argmax(minutes))
            minutes[i] += 5
            minutes[j] -= 5
        out: list[Subtask] = []
        t = block.start
        for s, m in zip(steps, minutes):
            out.append(Subtask(act.id, s.description, _room(s.room, bedroom), s.object, t, m))
            t += m
        return split_long(out)


def fill_gaps(persona: Persona, gaps: list[tuple[int, int]], placed: list[ScheduleBlock],
              rng: np.random.Generator) -> list[ScheduleBlock]:
    """Fill free time with the persona's free-time activities (never the same twice in a row,
    at most twice a day)."""
    used: dict[str, int] = {}
    for b in placed:
        used[b.activity] = used.get(b.activity, 0) + 1
    out: list[ScheduleBlock] = []
    previous = None
    for lo, hi in gaps:
        t = lo
        while hi - t >= 10:
            piece = int(rng.integers(6, 19)) * 5  # 30-90 minutes
            if hi - t - piece < 15:
                piece = hi - t
            options = [a for a in persona.free_time if a != previous and used.get(a, 0) < 2]
            options = options or [a for a in persona.free_time if a != previous]
            activity = options[int(rng.integers(len(options)))]
            act = activities()[activity]
            piece = max(act.min_minutes, min(piece, act.max_minutes))
            if hi - t - piece < 10:
                piece = hi - t
            out.append(ScheduleBlock(activity, t, piece))
            used[activity] = used.get(activity, 0) + 1
            previous = activity
            t += piece
    return out


def split_long(subtasks: list[Subtask]) -> list[Subtask]:
    """Split subtasks longer than 30 minutes into equal pieces (multiples of 5) at the same place."""
    out = []
    for s in subtasks:
        if s.activity == SLEEP or s.duration <= MAX_SUBTASK:
            out.append(s)
            continue
        pieces = -(-s.duration // MAX_SUBTASK)
        t = s.start
        for k in range(pieces):
            d = _round5(s.duration * (k + 1) / pieces) - _round5(s.duration * k / pieces)
            out.append(replace(s, start=t, duration=d))
            t += d
    return out


Place = tuple[str, str]  # (room, object)


def fit_to_travel(subtasks: list[Subtask], start: Place,
                  travel_minutes: Callable[[Place, Place], float], min_stay: float) -> list[Subtask]:
    """Merge away the steps the resident cannot reach in time, as a planner that
    knows the house would: a subtask shorter than the walk to it plus
    ``min_stay`` is merged with a neighbouring step of the same activity, and the
    merged step happens where the longer of the two did. Sleep and an
    activity's only step are kept as they are."""
    pending = list(subtasks)
    out: list[Subtask] = []
    place = start
    i = 0
    while i < len(pending):
        s = pending[i]
        i += 1
        if s.activity == SLEEP or s.duration >= travel_minutes(place, (s.room, s.object)) + min_stay:
            out.append(s)
            place = (s.room, s.object)
            continue
        if i < len(pending) and pending[i].activity == s.activity:
            nxt = pending[i]
            keep = nxt if nxt.duration >= s.duration else s
            pending[i] = replace(keep, start=s.start, duration=s.duration + nxt.duration)
            continue
        if out and out[-1].activity == s.activity:
            prev = out.pop()
            keep = prev if prev.duration >= s.duration else s
            out.append(replace(keep, start=prev.start, duration=prev.duration + s.duration))
        else:
            out.append(s)
        place = (out[-1].room, out[-1].object)
    return split_long(out)


def _room(room: str, bedroom: str) -> str:
    return bedroom if room == "bedroom" else room


def _merge_short_gaps(blocks: list[ScheduleBlock], wake: int, bedtime: int) -> list[ScheduleBlock]:
    """Close gaps under 10 minutes by stretching the block before them (or the first
    block), and join back-to-back blocks of the same activity."""
    out: list[ScheduleBlock] = []
    t = wake
    for b in blocks:
        if out and (b.start > t or out[-1].activity == b.activity):
            prev = out.pop()
            if prev.activity == b.activity:
                b = ScheduleBlock(b.activity, prev.start, b.end - prev.start)
            else:
                out.append(ScheduleBlock(prev.activity, prev.start, b.start - prev.start))
        elif b.start > t:
            b = ScheduleBlock(b.activity, t, b.end - t)
        out.append(b)
        t = b.end
    if out and out[-1].end < bedtime:
        last = out.pop()
        out.append(ScheduleBlock(last.activity, last.start, bedtime - last.start))
    return out


def _daily_plan_text(wake: int, bedtime: int, placed: list[ScheduleBlock]) -> list[str]:
    """The day's broad strokes, as Generative Agents' daily requirements."""
    lines = [f"wake up at {minutes_to_clock(wake)}"]
    for b in placed:
        lines.append(f"{b.description} at {minutes_to_clock(b.start)}")
    lines.append(f"go to bed at {minutes_to_clock(bedtime)}")
    return lines


def calendar_day(day: int, plan: DayPlan, previous: DayPlan | None) -> list[ScheduleBlock]:
    """The schedule of calendar day ``day``: exactly 24 hours, no gap, no overlap.

    Last night's activities past midnight, then sleep until ``plan.wake``, the
    day's blocks, and sleep from bedtime to midnight (what falls after midnight
    belongs to the next calendar day).
    """
    lo, hi = day * MINUTES_PER_DAY, (day + 1) * MINUTES_PER_DAY
    out: list[ScheduleBlock] = []
    night_starts = lo
    if previous is not None:
        out += [c for b in previous.blocks if (c := b.clipped(lo, hi))]
        night_starts = max(lo, previous.bedtime)
    if plan.wake > night_starts:
        out.append(ScheduleBlock(SLEEP, night_starts, plan.wake - night_starts))
    out += [c for b in plan.blocks if (c := b.clipped(lo, hi))]
    if plan.bedtime < hi:
        out.append(ScheduleBlock(SLEEP, plan.bedtime, hi - plan.bedtime))
    return out
