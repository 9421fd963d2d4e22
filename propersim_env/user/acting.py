"""Acting on an accepted suggestion (``ProPerSim-v1``): the proposed activity replaces the
current flexible block of the day's schedule; the day around it is repaired.

Anchors never move: sleep, work, meals and the bedtime routine (:func:`is_anchor`).
The new block starts at the next 5-minute mark after the coming step, lasts the
activity's usual duration (:func:`usual_minutes`), and is cut short at the next
anchor. The flexible blocks it covers are dropped or shortened; the block it
starts in ends where it starts. :meth:`Resident.replan_from
<propersim_env.user.Resident.replan_from>` then decomposes the changed blocks
and fits them to the walks between places, as the planner does for a new day.
"""

from __future__ import annotations

import math

from ..personas import Persona, activities
from .plan import BEDTIME, ScheduleBlock

ANCHOR_CATEGORIES = ("sleep", "work", "meal")
#: the shortest stretch worth starting
MIN_BLOCK = 15


def is_anchor(activity: str) -> bool:
    """Sleep, work, meals and the bedtime routine: fixed points of the day."""
    return activity == BEDTIME or activities()[activity].category in ANCHOR_CATEGORIES


def usual_minutes(persona: Persona, activity: str) -> int:
    """How long the persona usually spends on ``activity``: the middle of its routine block's
    range when it has one, else 45 minutes within the activity's own bounds; a multiple of 5."""
    act = activities()[activity]
    for b in persona.routine:
        if b.activity == activity:
            middle = (b.min_minutes + b.max_minutes) / 2
            break
    else:
        middle = 45
    minutes = max(act.min_minutes, min(act.max_minutes, middle))
    return max(5, int(5 * round(minutes / 5)))


def start_after(minute: float) -> int:
    """The first 5-minute mark at or after ``minute``."""
    return int(5 * math.ceil(minute / 5 - 1e-9))


def insert_block(blocks: list[ScheduleBlock], activity: str, start: int,
                 duration: int) -> list[ScheduleBlock] | None:
    """The day's blocks with ``activity`` from ``start`` for up to ``duration`` minutes in place of
    the flexible time there; ``None`` when ``start`` falls in an anchor, outside the day, or
    the room before the next anchor is under :data:`MIN_BLOCK` minutes (or the activity's
    shortest block)."""
    here = next((b for b in blocks if b.start <= start < b.end), None)
    if here is None or is_anchor(here.activity) or here.activity == activity:
        return None
    limit = next((b.start for b in blocks if b.start >= start and is_anchor(b.activity)), blocks[-1].end)
    end = min(start + duration, limit)
    if end - start < max(MIN_BLOCK, activities()[activity].min_minutes):
        return None
    out: list[ScheduleBlock] = []
    for b in blocks:
        if b.end <= start or b.start >= end:
            out.append(b)
            continue
        if b.start < start:
            out.append(ScheduleBlock(b.activity, b.start, start - b.start))
        if b.end > end:
            out.append(ScheduleBlock(b.activity, end, b.end - end))
    out.append(ScheduleBlock(activity, start, end - start))
    out.sort(key=lambda b: b.start)
    merged: list[ScheduleBlock] = []
    for b in out:  # join back-to-back blocks of the same activity
        if merged and merged[-1].activity == b.activity and merged[-1].end == b.start:
            prev = merged.pop()
            b = ScheduleBlock(b.activity, prev.start, b.end - prev.start)
        merged.append(b)
    return merged
