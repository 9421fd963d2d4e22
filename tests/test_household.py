"""A household: residents share the house, take turns with objects, meet and talk."""

from functools import lru_cache

import numpy as np
import pytest

from propersim_env.personas import load_persona
from propersim_env.user import Household, MeetingRules, Resident, ScheduleBlock, ScriptedConverser, ScriptedPlanner
from propersim_env.user.plan import DayPlan
from propersim_env.world import Occupancy, OccupancyError, SimClock, TileEvents, default_house, waiting_spot

HOUSE = default_house()
STEPS = SimClock().steps_per_day
SHOWER = HOUSE.object_tiles("bathroom", "shower")[0]


def test_exclusive_tiles_hold_one_user_and_shared_objects_many():
    occupancy = Occupancy(HOUSE)
    occupancy.claim(SHOWER, "Ana")
    assert occupancy.holder(SHOWER) == "Ana"
    assert occupancy.free_tiles([SHOWER], "Ben") == [] and occupancy.free_tiles([SHOWER], "Ana") == [SHOWER]
    with pytest.raises(OccupancyError, match="Ben cannot use house:bathroom:shower: Ana is using it"):
        occupancy.claim(SHOWER, "Ben")
    sofa = HOUSE.object_tiles("common room", "sofa")[0]
    occupancy.claim(sofa, "Ana")
    occupancy.claim(sofa, "Ben")  # a shared object takes both
    assert occupancy.free_tiles([sofa], "Cleo") == [sofa]
    occupancy.release("Ana")
    assert occupancy.holder(SHOWER) is None and occupancy.free_tiles([SHOWER], "Ben") == [SHOWER]


def test_the_waiting_spot_is_a_floor_tile_of_the_room_next_to_the_object():
    spot = waiting_spot(HOUSE, "bathroom", "shower")
    tile = HOUSE.tile(*spot)
    assert tile.room == "bathroom" and tile.object is None
    assert abs(spot[0] - SHOWER[0]) + abs(spot[1] - SHOWER[1]) <= 2


def test_shared_objects_must_be_known_objects():
    from propersim_env.world import House, HouseDataError
    data = {"name": "flat", "bedrooms": ["bedroom"], "rooms": "#####\n#BBK#\n#####",
            "objects": "#####\n#b.o#\n#####", "room_legend": {"B": "bedroom", "K": "kitchen"},
            "object_legend": {"b": "bed", "o": "cooking area"}, "shared_objects": ["hot tub"]}
    with pytest.raises(HouseDataError, match="field 'shared_objects': 'hot tub' is not in object_legend"):
        House(data, "flat.toml")


class MorningPlan(ScriptedPlanner):
    """Every resident does ``activity`` from 07:00 (for its own number of minutes),
    then lounges on the sofa until 22:00."""

    def __init__(self, activity: str, minutes: dict[str, int]):
        self.activity, self.minutes = activity, minutes

    def plan_day(self, persona, day, weekday, rng, previous):
        start = day * 1440 + 7 * 60
        length = self.minutes[persona.first_name]
        blocks = [ScheduleBlock(self.activity, start, length),
                  ScheduleBlock("lounging", start + length, day * 1440 + 22 * 60 - start - length)]
        return DayPlan(day, start, day * 1440 + 22 * 60, [self.activity, "lounging"], blocks)


def live_together(persona_ids, planner):
    events, occupancy = TileEvents(), Occupancy(HOUSE)
    residents = [Resident(load_persona(p), HOUSE, bedroom=b, planner=planner, events=events, occupancy=occupancy)
                 for p, b in zip(persona_ids, HOUSE.bedrooms)]
    for k, r in enumerate(residents):
        r.reset(np.random.default_rng(k))
    return [[r.advance() for r in residents] for _ in range(STEPS)]


def test_two_residents_cannot_use_one_shower_the_second_waits_then_showers():
    days = live_together([1, 2], MorningPlan("showering", {"Sofia": 30, "Tomas": 60}))
    on_shower = [[s for s in step if s.tile == SHOWER and not s.walking] for step in days]
    assert all(len(users) <= 1 for users in on_shower)
    tomas_states = [step[1] for step in days]
    waiting = [s for s in tomas_states if "(waiting for the shower)" in s.action]
    showering = [s for s in tomas_states if s.tile == SHOWER and not s.walking]
    assert waiting and showering
    assert max(s.step for s in waiting) < min(s.step for s in showering)
    assert all(s.time.hour == 7 for s in waiting)  # waits while Sofia showers (07:00-07:30)
    assert min(s.time for s in showering).strftime("%H:%M") >= "07:30"
    assert all(s.action.endswith("@ bathroom") and HOUSE.tile(*s.tile).room == "bathroom" for s in waiting)
    # the sofa is shared: both lounge on it at once
    assert any(all(s.address.endswith(":sofa") for s in step) for step in days)


def test_residents_take_the_other_free_tile_of_an_object_and_a_third_waits():
    cooking = set(HOUSE.object_tiles("kitchen", "cooking area"))
    assert len(cooking) == 2
    days = live_together([1, 2, 3], MorningPlan("trying_new_recipe", {"Sofia": 60, "Tomas": 60, "Amara": 60}))
    at_stove = [[s for s in step if s.tile in cooking and not s.walking] for step in days]
    assert max(len(users) for users in at_stove) == 2  # both tiles in use at once
    assert all(len({s.tile for s in users}) == len(users) for users in at_stove)  # never two on one tile
    waits = [(k, step) for step in days for k, s in enumerate(step) if "(waiting for the cooking area)" in s.action]
    assert waits  # three cooks, two tiles
    for k, step in waits:  # whoever waits, the other two hold the two tiles (there or on the way)
        others = [s for j, s in enumerate(step) if j != k]
        assert all("cooking area" in s.action and "waiting" not in s.action for s in others)


@lru_cache(maxsize=None)
def three_resident_day(seed: int):
    household = Household([load_persona(p) for p in (1, 2, 3)])
    household.reset(np.random.default_rng(seed))
    states = [household.advance() for _ in range(STEPS)]
    return household, states, tuple(household.conversations)


def test_in_a_three_resident_day_residents_meet_and_remember_their_conversations():
    household, states, talks = three_resident_day(0)
    pairs = {frozenset(t.participants) for t in talks}
    assert len(talks) >= 3 and len(pairs) >= 2
    for talk in talks:
        first, second = talk.participants
        assert len(talk.lines) == 4 and {who for who, _ in talk.lines} == {first, second}
        for me, other in ((first, second), (second, first)):
            chats = [n for n in household.resident(me).memory.of_kind("chat")
                     if n.object == other and n.created == talk.time]
            assert len(chats) == 1, (me, other, talk.time)
            assert talk.lines[0][1] in chats[0].description and talk.topic_label in chats[0].description
        # they were awake, in the same room and close when they talked
        at = next(step for step in states if step[0].time == talk.time)
        a, b = (at[[r.name for r in household.residents].index(n)] for n in (first, second))
        assert not a.sleeping and not b.sleeping and talk.room == a.address.split(":")[1] == b.address.split(":")[1]
        assert (a.tile[0] - b.tile[0]) ** 2 + (a.tile[1] - b.tile[1]) ** 2 <= MeetingRules().radius ** 2
    # a chat memory can be retrieved by the other's name
    sofia = household.resident("Sofia Marchetti")
    partner = next(n.object for n in sofia.memory.of_kind("chat"))
    assert any(n.kind == "chat" for n in sofia.memory.retrieve(f"chat with {partner}", states[-1][0].time, k=5))


def test_residents_see_each_other_and_never_share_an_exclusive_tile():
    household, states, _ = three_resident_day(0)
    for step in states:
        used = [s.tile for s in step if not s.walking and HOUSE.tile(*s.tile).object is not None
                and HOUSE.tile(*s.tile).object not in HOUSE.shared_objects]
        assert len(used) == len(set(used)), step
    names = {r.name for r in household.residents}
    for r in household.residents:
        seen = {n.subject for n in r.memory.of_kind("event")} & (names - {r.name})
        assert seen, f"{r.name} never perceived another resident"


def test_a_pair_talks_at_most_once_per_cooldown():
    _, _, talks = three_resident_day(0)
    by_pair: dict[frozenset, list] = {}
    for t in talks:
        by_pair.setdefault(frozenset(t.participants), []).append(t.time)
    for times in by_pair.values():
        gaps = [(b - a).total_seconds() / 60 for a, b in zip(times, times[1:])]
        assert all(g >= MeetingRules().cooldown_minutes for g in gaps)


def test_the_household_is_deterministic_under_a_seed():
    def run(seed):
        household = Household([load_persona(p) for p in (1, 2, 3)])
        household.reset(np.random.default_rng(seed))
        states = [household.advance() for _ in range(STEPS)]
        return states, [(t.time, t.participants, t.lines) for t in household.conversations]
    assert run(0) == (three_resident_day(0)[1], [(t.time, t.participants, t.lines) for t in three_resident_day(0)[2]])
    assert run(1) != run(0)


def test_reset_forgets_the_last_episode():
    household = Household([load_persona(p) for p in (4, 5)])
    household.reset(np.random.default_rng(0))
    for _ in range(STEPS // 2):
        household.advance()
    household.reset(np.random.default_rng(0))
    assert not household.conversations and all(not r.memory.nodes for r in household.residents)
    beds = [HOUSE.object_tiles(b, "bed")[0] for b in HOUSE.bedrooms[:2]]
    assert [r.position for r in household.residents] == beds
    first = household.advance()
    assert all(s.sleeping for s in first)
    assert all(e.subject.endswith(":bed") or e.subject in {r.name for r in household.residents}
               for _, events in household.events.items() for e in events)


def test_no_talk_when_the_chance_is_zero():
    household = Household([load_persona(p) for p in (1, 2, 3)], converser=ScriptedConverser(0.0))
    household.reset(np.random.default_rng(0))
    for _ in range(STEPS):
        household.advance()
    assert not household.conversations
    assert all(not r.memory.of_kind("chat") for r in household.residents)


@pytest.mark.parametrize("personas, error, message", [
    ([], ValueError, "non-empty list of personas"),
    ([1], TypeError, "must be Persona objects, got int"),
    (["same", "same"], ValueError, "Sofia Marchetti appears twice"),
    (["four"], ValueError, "at most 3 residents; got 4"),
])
def test_bad_households_are_clear_errors(personas, error, message):
    if personas == ["same", "same"]:
        personas = [load_persona(1), load_persona(1)]
    elif personas == ["four"]:
        personas = [load_persona(p) for p in (1, 2, 3, 4)]
    with pytest.raises(error, match=message):
        Household(personas)
    with pytest.raises(ValueError, match=r"chance must be in \[0, 1\]"):
        ScriptedConverser(1.5)
