"""A household: several residents living in one house on one clock.

Each resident sleeps in its own bedroom (``house.bedrooms``, in order) and
follows its own plan, but the house is shared: residents see each other's
events (one :class:`~propersim_env.world.TileEvents`), take turns with the
objects (one :class:`~propersim_env.world.Occupancy`: two cannot use one
shower; the one who sets off later waits by it or takes another free tile of
it), and when they meet they may talk (:mod:`.converse`); a conversation
becomes a chat memory of both.

    household = Household([load_persona(1), load_persona(2), load_persona(3)])
    household.reset(np.random.default_rng(0))
    for _ in range(576):
        states = household.advance()          # one ResidentState per resident
        for talk in household.new_conversations:
            print(talk.transcript())

The same seed gives the same days, conversations included.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from itertools import combinations

import numpy as np

from ..personas import Persona
from ..world import House, Occupancy, SimClock, TileEvents, default_house
from .converse import Conversation, Converser, MeetingRules, ScriptedConverser, remember
from .plan import Planner
from .resident import Resident, ResidentState

MAX_REMEMBERED_CONVERSATIONS = 1000
"""``Household.conversations`` keeps at most this many of the latest."""


class Household:
    """One to ``len(house.bedrooms)`` residents sharing a house, its events and its objects.

    Args:
        personas: one persona per resident, all different.
        house: the house (the project's default house).
        clock: the shared clock.
        planner: the planner every resident uses (scripted by default).
        converser: who decides what residents say when they meet (scripted by default).
        meeting: when residents can talk.
    """

    def __init__(self, personas: Sequence[Persona], house: House | None = None, *, clock: SimClock | None = None,
                 planner: Planner | None = None, converser: Converser | None = None,
                 meeting: MeetingRules | None = None):
        self.house = house or default_house()
        personas = list(personas) if isinstance(personas, Sequence) and not isinstance(personas, str) else None
        if not personas:
            raise ValueError("a household needs a non-empty list of personas")
        bad = [p for p in personas if not isinstance(p, Persona)]
        if bad:
            raise TypeError(f"household members must be Persona objects, got {type(bad[0]).__name__}")
        names = [p.name for p in personas]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"each resident of a household must be a different persona; {twice[0]} appears twice")
        if len(personas) > len(self.house.bedrooms):
            raise ValueError(f"{self.house.name} has {len(self.house.bedrooms)} bedrooms, "
                             f"so at most {len(self.house.bedrooms)} residents; got {len(personas)}")
        self.clock = clock or SimClock()
        self.events = TileEvents()
        self.occupancy = Occupancy(self.house)
        self.residents = [
            Resident(p, self.house, clock=self.clock, bedroom=bedroom, planner=planner, events=self.events,
                     occupancy=self.occupancy)
            for p, bedroom in zip(personas, self.house.bedrooms)
        ]
        self._by_name = {r.name: r for r in self.residents}
        self.converser: Converser = converser or ScriptedConverser()
        self.meeting = meeting or MeetingRules()
        self.reset(np.random.default_rng(0))

    def reset(self, rng: np.random.Generator) -> None:
        """Back to midnight of the first day: everyone asleep in bed, memories empty."""
        self.events.clear()
        self.occupancy.clear()
        seeds = rng.integers(2**63, size=len(self.residents) + 1)
        for resident, seed in zip(self.residents, seeds):
            resident.reset(np.random.default_rng(int(seed)))
        self._talk_rng = np.random.default_rng(int(seeds[-1]))
        self._last_talk: dict[tuple[str, str], int] = {}
        self.conversations: deque[Conversation] = deque(maxlen=MAX_REMEMBERED_CONVERSATIONS)
        self.new_conversations: list[Conversation] = []
        self.step_index = -1

    @property
    def day(self) -> int:
        return self.clock.day_of(max(self.step_index, 0))

    def advance(self) -> tuple[ResidentState, ...]:
        """Simulate the next clock step for every resident, then let those who meet talk.

        Residents move in the order given: when two set off for the last free
        tile of an object at the same step, the first one gets it."""
        self.step_index += 1
        states = tuple(r.advance() for r in self.residents)
        self.new_conversations = self._talk(states)
        for talk in self.new_conversations:
            remember(talk, self._by_name)
            self.conversations.append(talk)
        return states

    def resident(self, name: str) -> Resident:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"no resident named {name!r}; the household is {', '.join(self._by_name)}") from None

    # ---- meeting -----------------------------------------------------------------
    def _talk(self, states: tuple[ResidentState, ...]) -> list[Conversation]:
        talked: set[int] = set()
        out = []
        for i, j in combinations(range(len(states)), 2):
            if i in talked or j in talked:
                continue
            room = self._meeting_room(states[i], states[j])
            if room is None:
                continue
            pair = (self.residents[i].name, self.residents[j].name)
            last = self._last_talk.get(pair)
            cooldown_steps = self.meeting.cooldown_minutes * 60 / self.clock.seconds_per_step
            if last is not None and self.step_index - last < cooldown_steps:
                continue
            first, second = (i, j) if self._talk_rng.random() < 0.5 else (j, i)
            talk = self.converser.converse(self.residents[first], self.residents[second], room,
                                           states[i].time, self._talk_rng)
            if talk is None:
                continue
            self._last_talk[pair] = self.step_index
            talked |= {i, j}
            out.append(talk)
        return out

    def _meeting_room(self, a: ResidentState, b: ResidentState) -> str | None:
        """The room two residents meet in, or ``None`` when they cannot talk now."""
        busy = self.meeting.busy_categories
        if a.sleeping or b.sleeping or a.category in busy or b.category in busy:
            return None
        room = self.house.tile(*a.tile).room
        if room != self.house.tile(*b.tile).room:
            return None
        dx, dy = a.tile[0] - b.tile[0], a.tile[1] - b.tile[1]
        if dx * dx + dy * dy > self.meeting.radius ** 2:
            return None
        return room
