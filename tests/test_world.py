"""The house: rooms, objects, walls, addresses, shortest paths, events, spatial memory."""

from collections import deque

import pytest

from propersim_env.world import Event, House, HouseDataError, SimClock, SpatialMemory, TileEvents, default_house
from propersim_env.world.clock import parse_start_date

HOUSE = default_house()


def test_house_has_the_rooms_and_at_least_12_kinds_of_object():
    for room in ("main bedroom", "second bedroom", "bathroom", "common room", "kitchen", "garden"):
        assert room in HOUSE.rooms
    kinds = {obj for objects in HOUSE.rooms.values() for obj in objects}
    for obj in ("bed", "desk", "closet", "bookshelf", "dining table", "sofa", "kitchen sink", "bathroom sink",
                "shower", "toilet", "cooking area", "refrigerator", "garden beds"):
        assert obj in kinds
    assert len(kinds) >= 12


def test_addresses_name_house_room_and_object():
    x, y = HOUSE.object_tiles("kitchen", "refrigerator")[0]
    assert HOUSE.address(x, y) == "house:kitchen:refrigerator"
    floor = next(p for p in HOUSE.room_tiles("common room"))
    assert HOUSE.address(*floor) == "house:common room"
    wall = HOUSE.collision_tiles()[0]
    assert HOUSE.address(*wall) == "house" and not HOUSE.is_walkable(*wall)


def bfs_distance(house, start, goals):
    seen, queue = {start: 0}, deque([start])
    while queue:
        x, y = queue.popleft()
        if (x, y) in goals:
            return seen[(x, y)]
        for n in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if house.is_walkable(*n) and n not in seen:
                seen[n] = seen[(x, y)] + 1
                queue.append(n)
    return None


@pytest.mark.parametrize("room, obj", [(r, o) for r in HOUSE.rooms for o in HOUSE.rooms[r]])
def test_every_object_is_reachable_from_the_main_bed_by_a_shortest_walkable_path(room, obj):
    start = HOUSE.object_tiles("main bedroom", "bed")[0]
    goals = HOUSE.object_tiles(room, obj)
    path = HOUSE.shortest_path(start, goals)
    assert path[0] == start and path[-1] in goals
    assert all(HOUSE.is_walkable(*p) for p in path)
    assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in zip(path, path[1:]))
    assert len(path) - 1 == bfs_distance(HOUSE, start, set(goals))


def test_path_from_a_wall_is_an_error():
    with pytest.raises(ValueError, match="not a walkable tile"):
        HOUSE.shortest_path(HOUSE.collision_tiles()[0], HOUSE.object_tiles("kitchen", "pantry"))


def test_unknown_object_is_a_clear_error():
    with pytest.raises(KeyError, match="no object 'jacuzzi' in room 'bathroom'"):
        HOUSE.object_tiles("bathroom", "jacuzzi")


def house_data(**changes):
    data = {
        "name": "flat",
        "bedrooms": ["bedroom"],
        "rooms": "#####\n#BBK#\n#####",
        "objects": "#####\n#b.o#\n#####",
        "room_legend": {"B": "bedroom", "K": "kitchen"},
        "object_legend": {"b": "bed", "o": "cooking area"},
    }
    data.update(changes)
    return data


def test_a_small_house_loads_from_a_dict():
    flat = House(house_data(), "flat.toml")
    assert flat.rooms == {"bedroom": ["bed"], "kitchen": ["cooking area"]}
    assert flat.shortest_path((1, 1), flat.object_tiles("kitchen", "cooking area")) == [(1, 1), (2, 1), (3, 1)]


@pytest.mark.parametrize("changes, message", [
    ({"objects": "#####\n#b.o#\n##b##"}, "flat.toml: field 'objects': object 'b' at (2, 2) stands on a wall"),
    ({"rooms": "#####\n#BBX#\n#####"}, "flat.toml: field 'rooms': letter 'X' at (3, 1) is not in room_legend"),
    ({"bedrooms": ["attic"]}, "flat.toml: field 'bedrooms': 'attic' is not a room"),
    ({"rooms": "#####\n#B#K#\n#####"}, "flat.toml: field 'rooms': tiles [(3, 1)] cannot be reached"),
    ({"objects": "####\n#b.o#\n#####"}, "flat.toml: field 'objects': rows must be non-empty and of equal length"),
])
def test_bad_house_data_names_the_file_and_field(changes, message):
    with pytest.raises(HouseDataError) as err:
        House(house_data(**changes), "flat.toml")
    assert str(err.value) == message


def test_tile_events_hold_object_states():
    events = TileEvents()
    bed = HOUSE.object_tiles("main bedroom", "bed")[0]
    e = Event("main bedroom:bed", "is", "being slept in", "bed is being slept in")
    events.add(bed, e)
    assert events.at(bed) == {e}
    events.remove(bed, e)
    assert events.at(bed) == frozenset()
    events.add(bed, Event("Ana", "is", "sleeping", "Ana is sleeping"))
    events.remove_subject("Ana")
    assert dict(events.items()) == {}


def test_spatial_memory_is_a_house_room_object_tree():
    memory = SpatialMemory(HOUSE, known_rooms=["main bedroom", "kitchen"])
    assert memory.rooms() == ["main bedroom", "kitchen"]
    assert "refrigerator" in memory.objects_in("kitchen")
    assert not memory.knows("garden")
    memory.learn("garden", "bench")
    assert memory.knows("garden", "bench")
    assert memory.to_text().splitlines()[:2] == ["house", "  main bedroom"]
    with pytest.raises(KeyError, match="no room 'cellar'"):
        SpatialMemory(HOUSE, known_rooms=["cellar"])


def test_clock_maps_steps_to_time():
    clock = SimClock()
    assert clock.steps_per_day == 576
    assert clock.time_at(24).isoformat() == "2025-02-13T01:00:00"
    assert clock.day_of(576) == 1 and clock.minute_of_day(577) == 2.5
    custom = SimClock(parse_start_date("2026-01-05"), 60)
    assert custom.steps_per_day == 1440 and custom.time_at(1440).isoformat() == "2026-01-06T00:00:00"
    with pytest.raises(ValueError, match="divides 86400"):
        SimClock(seconds_per_step=7)
    with pytest.raises(ValueError, match="ISO date"):
        parse_start_date("13/02/2025")
