"""The LLM resident planner: the same three levels as the scripted planner,
written by an LLM from the persona's own texts.

Calls per simulated day (target: at most 40):

- one for the day: wake time, bedtime, the daily plan in broad strokes, and an
  hourly schedule of activities chosen from the activity vocabulary (an
  ``enum`` in the output schema, so every block is grounded);
- one per block of ``decompose_minutes`` (45) or more: its 5-30 minute
  subtasks, each grounded to a place chosen from the house's rooms and objects
  (again an ``enum``). Shorter blocks use the vocabulary's own steps, and
  sleep is never decomposed.

The output schema asks only for what constrained decoding can guarantee
(types and enums; llama.cpp's grammars ignore numeric ranges). The answer is
then made valid the way the scripted planner's days are: times are clamped to
the persona's plausible range, blocks are put in order without
overlap, gaps are filled with the persona's free-time activities, and
subtask minutes are scaled to the block and split into 5-30 minute pieces.
"""

from __future__ import annotations

import numpy as np

from ..llm import LLMClient
from ..personas import Persona, activities, clock_to_minutes, minutes_to_clock
from ..world import House
from .plan import (
    MINUTES_PER_DAY,
    SLEEP,
    DayPlan,
    ScheduleBlock,
    ScriptedPlanner,
    Subtask,
    _merge_short_gaps,
    _round5,
    fill_gaps,
    split_long,
)

_CLOCK = {"type": "string", "maxLength": 5}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class LLMPlanner:
    """A :class:`~propersim_env.user.plan.Planner` backed by an LLM."""

    decompose_minutes = 45
    max_blocks = 16

    def __init__(self, client: LLMClient, house: House):
        self.client = client
        self.house = house
        self._scripted = ScriptedPlanner()
        self._activity_ids = [a for a in activities() if a != SLEEP]

    # ---- the day ---------------------------------------------------------------
    def day_schema(self) -> dict:
        return {
            "type": "object",
            "properties": {
                "wake_time": _CLOCK,
                "bedtime": _CLOCK,
                "daily_plan": {"type": "array", "items": {"type": "string", "maxLength": 80},
                               "minItems": 1, "maxItems": 8},
                "schedule": {
                    "type": "array", "minItems": 3, "maxItems": self.max_blocks,
                    "items": {
                        "type": "object",
                        "properties": {
                            "start": _CLOCK,
                            "activity": {"type": "string", "enum": self._activity_ids},
                            "minutes": {"type": "integer"},  # repaired to 5..bedtime below
                        },
                        "required": ["start", "activity", "minutes"],
                    },
                },
            },
            "required": ["wake_time", "bedtime", "daily_plan", "schedule"],
        }

    def plan_day(self, persona: Persona, day: int, weekday: int, rng: np.random.Generator,
                 previous: DayPlan | None) -> DayPlan:
        menu = "; ".join(f"{a.id} ({a.description})" for a in activities().values() if a.id != SLEEP)
        p = persona.profile
        # The persona and the instructions first and byte-stable, the day last: a server's
        # prompt cache reuses the shared start (see the LLM evaluator's prompt layout).
        prompt = (
            f"Plan {persona.name}'s day at home, hour by hour, from waking to bedtime. Who: {persona.describe()}. "
            f"{p['background']} Lifestyle: {p['lifestyle']} Needs for the daily plan: {p['daily_plan_needs']}\n"
            f"Use only these activity ids: {menu}.\n"
            "Give wake_time and bedtime as HH:MM, the daily plan in a few broad strokes, and the schedule as "
            "blocks with a start time HH:MM, an activity id and its length in minutes, in time order.\n"
            f"The day to plan: {_WEEKDAYS[weekday]} (day {day + 1})."
        )
        messages = [{"role": "system", "content": "You plan realistic days for a simulated person. Answer in JSON only."},
                    {"role": "user", "content": prompt}]
        data = self.client.chat(messages, schema=self.day_schema(), name="daily plan", purpose="planner").data
        return self._make_valid(persona, day, weekday, data, rng, previous)

    def _make_valid(self, persona: Persona, day: int, weekday: int, data: dict, rng: np.random.Generator,
                    previous: DayPlan | None) -> DayPlan:
        s = self._scripted
        day_start = day * MINUTES_PER_DAY
        wake = day_start + _clamp(_clock(data["wake_time"], persona.sleep.weekday_wake), s.earliest_wake, 11 * 60 + 30)
        if previous is not None:
            wake = max(wake, previous.bedtime + s.min_sleep_hours * 60)
        bed = _clock(data["bedtime"], persona.sleep.weekday_bed % MINUTES_PER_DAY)
        bed = bed + MINUTES_PER_DAY if bed < 12 * 60 else bed  # "00:30" is after midnight
        bedtime = day_start + _clamp(bed, 20 * 60, s.latest_bedtime)
        bedtime = max(bedtime, wake + 8 * 60)
        placed: list[ScheduleBlock] = []
        gaps: list[tuple[int, int]] = []
        cursor = wake
        entries = sorted(data["schedule"], key=lambda e: _clock(e["start"], 0))
        for e in entries:
            start = day_start + _clock(e["start"], 0)
            if start < wake - 60:  # an early-morning time written for after midnight
                start += MINUTES_PER_DAY
            start = max(cursor, _round5(start))
            end = min(bedtime, start + max(5, _round5(e["minutes"])))
            if end - start < 5:
                continue
            if start > cursor:
                gaps.append((cursor, start))
            placed.append(ScheduleBlock(e["activity"], start, end - start))
            cursor = end
        if bedtime > cursor:
            gaps.append((cursor, bedtime))
        blocks = sorted(placed + fill_gaps(persona, gaps, placed, rng), key=lambda b: b.start)
        blocks = _merge_short_gaps(blocks, wake, bedtime)
        plan_text = [f"wake up at {minutes_to_clock(wake)}"] + [str(x)[:200] for x in data["daily_plan"]] \
            + [f"go to bed at {minutes_to_clock(bedtime)}"]
        return DayPlan(day, wake, bedtime, plan_text, blocks)

    # ---- decomposition -------------------------------------------------------------
    def places(self, bedroom: str) -> list[str]:
        """``room:object`` places the resident may use: its own bedroom and the shared rooms."""
        others = set(self.house.bedrooms) - {bedroom}
        return [f"{room}:{obj}" for room, objs in self.house.rooms.items() if room not in others for obj in objs]

    def decompose(self, persona: Persona, block: ScheduleBlock, bedroom: str,
                  rng: np.random.Generator) -> list[Subtask]:
        act = activities()[block.activity]
        if act.category == "sleep" or block.duration < self.decompose_minutes:
            return self._scripted.decompose(persona, block, bedroom, rng)
        places = self.places(bedroom)
        schema = {
            "type": "object",
            "properties": {"subtasks": {
                "type": "array", "minItems": 1, "maxItems": 8,
                "items": {"type": "object", "properties": {
                    "description": {"type": "string", "maxLength": 60},
                    "place": {"type": "string", "enum": places},
                    "minutes": {"type": "integer"},  # scaled to the block below
                }, "required": ["description", "place", "minutes"]},
            }},
            "required": ["subtasks"],
        }
        prompt = (f"Who: {persona.name} ({persona.describe()}). Break the activity below into steps of 5 to 30 "
                  "minutes, each at one place from the list, in order. Describe each step in a few words "
                  "(e.g. 'chopping vegetables').\n"
                  f"The activity: {act.description}, from {minutes_to_clock(block.start)} for {block.duration} "
                  "minutes.")
        messages = [{"role": "system", "content": "You break activities into concrete steps. Answer in JSON only."},
                    {"role": "user", "content": prompt}]
        steps = self.client.chat(messages, schema=schema, name="decomposition", purpose="planner").data["subtasks"]
        return _fit_steps(act.id, steps, block)


def _fit_steps(activity: str, steps: list[dict], block: ScheduleBlock) -> list[Subtask]:
    """Scale the steps' minutes to the block (multiples of 5, at least 5 each), in order."""
    steps = steps[: max(1, block.duration // 5)]
    total = sum(max(1, s["minutes"]) for s in steps)
    minutes = [max(5, _round5(max(1, s["minutes"]) * block.duration / total)) for s in steps]
    minutes[int(np.argmax(minutes))] += block.duration - sum(minutes)
    while min(minutes) < 5:
        i, j = int(np.argmin(minutes)), int(np.argmax(minutes))
        minutes[i] += 5
        minutes[j] -= 5
    out, t = [], block.start
    for s, m in zip(steps, minutes):
        room, obj = s["place"].split(":", 1)
        description = " ".join(str(s["description"]).split())[:80] or activities()[activity].description
        out.append(Subtask(activity, description, room, obj, t, m))
        t += m
    return split_long(out)


def _clock(text: str, default: int) -> int:
    try:
        return clock_to_minutes(str(text).strip()[:5])
    except ValueError:
        return default


def _clamp(x: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, x))
