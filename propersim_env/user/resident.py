"""The simulated resident: Generative Agents' loop of perceive, remember, plan,
reflect and execute, one step at a time.

Each :meth:`Resident.advance` moves the simulation one clock step: at the first
step of a calendar day the resident plans the day; it then picks the subtask of
the moment, walks one tile along the shortest path to its object, marks the
object as in use once there, perceives the events around it, and reflects when
enough has happened.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

import numpy as np

from ..personas import Persona, activities
from ..world import Event, House, Occupancy, Position, SimClock, SpatialMemory, TileEvents, default_house, waiting_spot
from .memory import AssociativeMemory
from .perceive import PerceptionConfig, perceive
from .plan import (
    MINUTES_PER_DAY, SLEEP, DayPlan, Place, Planner, ScheduleBlock, ScriptedPlanner, Subtask, calendar_day,
    fit_to_travel,
)
from .reflect import Reflector


@dataclass(frozen=True)
class ResidentState:
    """What the resident is doing at one step."""

    step: int
    time: datetime
    action: str  # e.g. "Sofia Marchetti is cooking dinner (chopping vegetables) @ kitchen: cooking area"
    activity: str  # activity id
    category: str
    subtask: str
    address: str  # of the tile the resident stands on: house:room:object, or house:room on a floor tile
    tile: Position
    sleeping: bool
    walking: bool

    def to_dict(self) -> dict:
        d = asdict(self)
        d["time"] = self.time.isoformat()
        d["tile"] = list(self.tile)
        return d


class Resident:
    """One persona living in a house, driven by a planner (scripted by default)."""

    def __init__(self, persona: Persona, house: House | None = None, *, clock: SimClock | None = None,
                 bedroom: str | None = None, planner: Planner | None = None,
                 events: TileEvents | None = None, perception: PerceptionConfig | None = None,
                 reflector: Reflector | None = None, occupancy: Occupancy | None = None):
        self.persona = persona
        self.house = house or default_house()
        self.clock = clock or SimClock()
        self.bedroom = bedroom or self.house.bedrooms[0]
        if self.bedroom not in self.house.rooms:
            raise KeyError(f"bedroom {self.bedroom!r} is not a room of {self.house.name}")
        self.planner: Planner = planner or ScriptedPlanner()
        self.events = events if events is not None else TileEvents()
        # shared with the other residents of a household: who uses which object tile
        self.occupancy = occupancy if occupancy is not None else Occupancy(self.house)
        self.perception = perception or PerceptionConfig()
        self.reflector = reflector or Reflector()
        self._sleep_subtask = activities()[SLEEP].subtasks[0]
        self._check_grounding()
        self.reset(np.random.default_rng(0))

    @property
    def name(self) -> str:
        return self.persona.name

    # ---- lifecycle -------------------------------------------------------
    def reset(self, rng: np.random.Generator) -> None:
        """Back to midnight of the first day, asleep in bed, with empty memory."""
        self.rng = rng
        self.memory = AssociativeMemory()
        self.spatial = SpatialMemory(self.house)
        self.reflector.reset()
        self.events.remove_subject(self.name)
        if getattr(self, "_occupied", None) is not None:
            self.events.remove(*self._occupied)  # the object it used last episode is idle again
        self.occupancy.release(self.name)
        self.step_index = -1
        self.day = -1
        self.plan: DayPlan | None = None
        self.previous_plan: DayPlan | None = None
        self.schedule: list[ScheduleBlock] = []
        self._timeline: list[Subtask] = []
        self._cursor = 0
        self._current: Subtask | None = None
        self._path: list[Position] = []
        self._waiting = False  # every tile of the current object is taken: waiting by it
        self._occupied: tuple[Position, Event] | None = None
        self.position: Position = self.house.object_tiles(self.bedroom, "bed")[0]
        self.state: ResidentState | None = None

    def advance(self) -> ResidentState:
        """Simulate the next clock step and return the resident's state at it."""
        self.step_index += 1
        step = self.step_index
        day = self.clock.day_of(step)
        if day != self.day:
            self._start_day(day)
        minute = self.clock.minutes_since_start(step)
        while self._timeline[self._cursor].end <= minute:
            self._cursor += 1
        subtask = self._timeline[self._cursor]
        if subtask is not self._current:
            self._begin(subtask)
        elif self._waiting:
            self._head_for(subtask)  # is a tile free now?
        if self._path:
            self.position = self._path.pop(0)
        arrived = not self._path and not self._waiting
        if arrived and self._occupied is None:
            self._occupy(subtask)
        now = self.clock.time_at(step)
        action = self._action_text(subtask, arrived)
        self.events.remove_subject(self.name)
        self.events.add(self.position, Event(self.name, "is", subtask.activity, action))
        new_nodes = perceive(self.position, self.house, self.events, self.memory, now,
                             self.perception, self._importance)
        self.reflector.observe(new_nodes)
        self.reflector.maybe_reflect(self.memory, now, self.name)
        self.state = self._make_state(step, now, subtask, arrived, action)
        return self.state

    # ---- planning --------------------------------------------------------
    def _start_day(self, day: int) -> None:
        weekday = self.clock.date_of_day(day).weekday()
        self.previous_plan = self.plan
        plan = self.planner.plan_day(self.persona, day, weekday, self.rng, self.previous_plan)
        subtasks = [s for block in plan.blocks
                    for s in self.planner.decompose(self.persona, block, self.bedroom, self.rng)]
        step_minutes = self.clock.minutes_per_step
        plan.subtasks = fit_to_travel(subtasks, (self.bedroom, "bed"), self._travel_minutes, step_minutes)
        self.plan = plan
        self.day = day
        self.schedule = calendar_day(day, plan, self.previous_plan)
        lo, hi = day * MINUTES_PER_DAY, (day + 1) * MINUTES_PER_DAY
        timeline: list[Subtask] = []
        if self.previous_plan is not None:
            timeline += [_clip(s, lo, hi) for s in self.previous_plan.subtasks if s.end > lo]
        night_start = timeline[-1].end if timeline else lo
        if plan.wake > night_start:
            timeline.append(self._sleep(night_start, plan.wake))
        timeline += [_clip(s, lo, hi) for s in plan.subtasks if s.start < hi]
        if plan.bedtime < hi:
            timeline.append(self._sleep(plan.bedtime, hi))
        self._timeline = timeline
        self._cursor = 0

    def replan_from(self, blocks: list[ScheduleBlock], start: int, rng: np.random.Generator | None = None) -> None:
        """Replace today's schedule from minute ``start`` on (a later step than the current
        one) with ``blocks`` (the whole waking day, unchanged before ``start``); the changed
        blocks are decomposed and fitted to the walks as :meth:`_start_day` does, drawing from
        ``rng`` (default: the resident's own, which also plans the coming days).
        ``ProPerSim-v1`` calls it when the resident acts on a suggestion; v0 never does."""
        plan = self.plan
        old = set(plan.blocks)
        kept = [s for s in plan.subtasks if s.end <= start]
        kept += [_clip(s, s.start, start) for s in plan.subtasks if s.start < start < s.end]
        future: list[Subtask] = []
        for b in blocks:
            if b.end <= start:
                continue
            if b in old:  # untouched: keep its subtasks
                future += [s for s in plan.subtasks if s.activity == b.activity and b.start <= s.start < b.end]
            else:
                future += self.planner.decompose(self.persona, b, self.bedroom, rng or self.rng)
        origin = (kept[-1].room, kept[-1].object) if kept else (self.bedroom, "bed")
        future = fit_to_travel(future, origin, self._travel_minutes, self.clock.minutes_per_step)
        plan.blocks = list(blocks)
        plan.subtasks = kept + future
        self.schedule = calendar_day(self.day, plan, self.previous_plan)
        lo, hi = self.day * MINUTES_PER_DAY, (self.day + 1) * MINUTES_PER_DAY
        head: list[Subtask] = []
        for t in self._timeline:
            if t.end <= start:
                head.append(t)
            elif t.start < start:
                clipped = _clip(t, t.start, start)
                if t is self._current:
                    self._current = clipped
                head.append(clipped)
            else:
                break
        timeline = head + [_clip(s, lo, hi) for s in future if s.start < hi]
        if plan.bedtime < hi:
            timeline.append(self._sleep(plan.bedtime, hi))
        self._timeline = timeline

    def _travel_minutes(self, origin: Place, target: Place) -> float:
        start = self.house.object_tiles(*origin)[0]
        steps = len(self.house.shortest_path(start, self.house.object_tiles(*target))) - 1
        return steps * self.clock.minutes_per_step

    def _sleep(self, start: int, end: int) -> Subtask:
        s = self._sleep_subtask
        return Subtask(SLEEP, s.description, self.bedroom, s.object, start, end - start)

    def _check_grounding(self) -> None:
        for act in activities().values():
            for s in act.subtasks:
                room = self.bedroom if s.room == "bedroom" else s.room
                if not self.house.has_object(room, s.object):
                    raise KeyError(f"activity {act.id!r} needs {s.object!r} in {room!r}, which {self.house.name} lacks")

    # ---- execution -------------------------------------------------------
    def _begin(self, subtask: Subtask) -> None:
        self._release()
        self._current = subtask
        self._head_for(subtask)

    def _head_for(self, subtask: Subtask) -> None:
        """Set off for the nearest tile of the subtask's object that nobody else
        holds, and claim it; when all are taken, go and wait by the object."""
        tiles = self.house.object_tiles(subtask.room, subtask.object)
        free = self.occupancy.free_tiles(tiles, self.name)
        if free:
            path = self.house.shortest_path(self.position, free)
            self.occupancy.claim(path[-1], self.name)
            self._waiting = False
        else:
            spot = waiting_spot(self.house, subtask.room, subtask.object) or self.position
            path = self.house.shortest_path(self.position, [spot])
            self._waiting = True
        self._path = path[1:]

    def _occupy(self, subtask: Subtask) -> None:
        if subtask.activity == SLEEP:
            state = "being slept in"
        else:
            state = f"in use: {self.persona.first_name} is {subtask.description}"
        event = Event(f"{subtask.room}:{subtask.object}", "is", state, f"{subtask.object} is {state}")
        self.events.add(self.position, event)
        self._occupied = (self.position, event)
        self.spatial.learn(subtask.room, subtask.object)

    def _release(self) -> None:
        if self._occupied is not None:
            self.events.remove(*self._occupied)
            self._occupied = None
        self.occupancy.release(self.name)

    def _importance(self, event: Event) -> int:
        if event.subject == self.name:
            return activities()[event.object].importance
        if ":" in event.subject:  # an object's state
            return 1
        return 4  # another person

    def _action_text(self, subtask: Subtask, arrived: bool) -> str:
        activity = activities()[subtask.activity].description
        if not arrived:
            room = self.house.tile(*self.position).room
            doing = "waiting for" if self._waiting and not self._path else "on the way to"
            return f"{self.name} is {activity} ({doing} the {subtask.object}) @ {room}"
        detail = "" if subtask.description == activity else f" ({subtask.description})"
        return f"{self.name} is {activity}{detail} @ {subtask.room}: {subtask.object}"

    def _make_state(self, step: int, now: datetime, subtask: Subtask, arrived: bool, action: str) -> ResidentState:
        act = activities()[subtask.activity]
        x, y = self.position
        return ResidentState(
            step=step, time=now, action=action, activity=act.id,
            category=act.category, subtask=subtask.description, address=self.house.address(x, y),
            tile=self.position, sleeping=act.category == "sleep" and arrived, walking=not arrived,
        )


def _clip(s: Subtask, lo: int, hi: int) -> Subtask:
    start, end = max(s.start, lo), min(s.end, hi)
    return Subtask(s.activity, s.description, s.room, s.object, start, end - start)
