"""A simulated resident's days on the embedded default, for every persona."""

from functools import lru_cache

import numpy as np
import pytest

from propersim_env.personas import NUM_PERSONAS, activities, load_all, load_persona
from propersim_env.user import Resident, ScheduleBlock, ScriptedPlanner
from propersim_env.user.plan import MAX_SUBTASK, MIN_SUBTASK
from propersim_env.world import SimClock, default_house

HOUSE = default_house()
STEPS = SimClock().steps_per_day
SEEDS = (0, 1, 2)


@lru_cache(maxsize=None)
def simulate(persona_id: int, seed: int, days: int = 2):
    resident = Resident(load_persona(persona_id))
    resident.reset(np.random.default_rng(seed))
    out = []
    for day in range(days):
        states = tuple(resident.advance() for _ in range(STEPS))
        out.append((states, tuple(resident.schedule), tuple(resident.plan.subtasks)))
    return out


CASES = [(p, s) for p in range(1, NUM_PERSONAS + 1) for s in SEEDS]


@pytest.mark.parametrize("persona_id, seed", CASES)
def test_a_day_is_complete_believable_and_physical(persona_id, seed):
    for day, (states, schedule, subtasks) in enumerate(simulate(persona_id, seed)):
        where = f"persona {persona_id} seed {seed} day {day}"
        # the schedule covers 24 hours with no gap or overlap
        assert schedule[0].start == day * 1440 and schedule[-1].end == (day + 1) * 1440, where
        assert all(a.end == b.start for a, b in zip(schedule, schedule[1:])), where
        assert all(b.duration > 0 for b in schedule), where
        awake = [s for s in states if not s.sleeping]
        assert len({s.activity for s in awake}) >= 8, where
        rooms = {s.address.split(":")[1] for s in states}
        assert len(rooms) >= 3, where
        for a, b in zip(states, states[1:]):
            assert abs(a.tile[0] - b.tile[0]) + abs(a.tile[1] - b.tile[1]) <= 1, where
        assert all(HOUSE.is_walkable(*s.tile) for s in states), where
        assert states[STEPS * 4 // 24].sleeping, f"{where}: awake at 04:00"
        assert states[STEPS * 15 // 24].sleeping is False, f"{where}: asleep at 15:00"
        assert sum(s.sleeping for s in states) * 24 / STEPS >= 5, f"{where}: under 5 hours of sleep"


@pytest.mark.parametrize("persona_id", range(1, NUM_PERSONAS + 1))
def test_subtasks_are_5_to_30_minutes_grounded_and_contiguous(persona_id):
    _, _, subtasks = simulate(persona_id, 0)[1]
    for a, b in zip(subtasks, subtasks[1:]):
        assert a.end == b.start
    for s in subtasks:
        assert HOUSE.has_object(s.room, s.object)
        if activities()[s.activity].category != "sleep":
            assert MIN_SUBTASK <= s.duration <= MAX_SUBTASK, s


def test_same_seed_same_day_and_different_seeds_different_days():
    a = simulate(5, 0)
    b = Resident(load_persona(5))
    b.reset(np.random.default_rng(0))
    again = tuple(b.advance() for _ in range(STEPS))
    assert again == a[0][0]
    assert simulate(5, 1)[0][0] != a[0][0]
    assert [x.activity for x in simulate(5, 1)[0][1]] != [x.activity for x in a[0][1]] or \
        [x.start for x in simulate(5, 1)[0][1]] != [x.start for x in a[0][1]]


def test_personas_with_opposite_traits_live_different_days():
    by_code = {p.big_five_code: p.id for p in load_all()}
    for code, pid in by_code.items():
        opposite = by_code[code.translate(str.maketrans("HL", "LH"))]
        mine, theirs = simulate(pid, 0)[0][0], simulate(opposite, 0)[0][0]
        wake = next(i for i, s in enumerate(mine) if not s.sleeping)
        wake_other = next(i for i, s in enumerate(theirs) if not s.sleeping)
        mix = {s.activity for s in mine}
        mix_other = {s.activity for s in theirs}
        assert wake != wake_other or mix != mix_other, (pid, opposite)


def test_weekends_differ_from_weekdays():
    # persona 1 works on weekdays; 2025-02-15 is a Saturday
    resident = Resident(load_persona(1))
    resident.reset(np.random.default_rng(0))
    by_day = []
    for _ in range(3):
        by_day.append({s.activity for s in (resident.advance() for _ in range(STEPS))})
    assert "client_design_work" in by_day[0] and "client_design_work" not in by_day[2]


def test_a_bedtime_after_midnight_carries_into_the_next_calendar_day():
    planner = ScriptedPlanner()
    persona = load_persona(1)
    rng = np.random.default_rng(0)
    first = planner.plan_day(persona, 0, 3, rng, None)
    first.bedtime = 1440 + 60  # stayed up until 01:00
    first.blocks.append(ScheduleBlock("watching_film", first.blocks[-1].end, first.bedtime - first.blocks[-1].end))
    second = planner.plan_day(persona, 1, 4, rng, first)
    from propersim_env.user import calendar_day
    day = calendar_day(1, second, first)
    assert day[0].activity == "watching_film" and day[0].start == 1440 and day[0].end == 1500
    assert day[1].activity == "sleeping" and day[1].start == 1500
    assert second.wake >= first.bedtime + 5 * 60
    assert all(a.end == b.start for a, b in zip(day, day[1:])) and day[-1].end == 2880


def test_memory_fills_with_events_and_thoughts():
    resident = Resident(load_persona(3))
    resident.reset(np.random.default_rng(0))
    for _ in range(STEPS):
        resident.advance()
    kinds = {n.kind for n in resident.memory.nodes}
    assert {"event", "thought"} <= kinds
    assert any(n.subject.endswith(":bed") and n.object == "being slept in" for n in resident.memory.nodes) or \
        any(n.description.startswith(resident.name) for n in resident.memory.nodes)
    assert resident.events.at(resident.position)  # the resident's own event is on its tile


def test_a_resident_can_live_in_another_bedroom():
    resident = Resident(load_persona(2), bedroom="third bedroom")
    resident.reset(np.random.default_rng(0))
    states = [resident.advance() for _ in range(STEPS)]
    assert states[0].address == "house:third bedroom:bed"
    with pytest.raises(KeyError, match="bedroom 'attic'"):
        Resident(load_persona(2), bedroom="attic")
