"""Associative memory, perception and reflection."""

from datetime import datetime, timedelta

import pytest

from propersim_env.user import AssociativeMemory, PerceptionConfig, Reflector, perceive
from propersim_env.world import Event, TileEvents, default_house

T0 = datetime(2025, 2, 13, 9, 0)


def test_retrieval_ranks_by_relevance_importance_and_recency():
    m = AssociativeMemory()
    m.add("event", T0, "Ana", "is", "gardening", "Ana is weeding the garden beds", 3)
    m.add("event", T0 + timedelta(hours=1), "Ana", "is", "cooking", "Ana is chopping vegetables for soup", 3)
    m.add("thought", T0 + timedelta(hours=2), "Ana", "thinks", "gardening", "The garden beds need compost", 6)
    top = m.retrieve("garden beds", T0 + timedelta(hours=3), k=2)
    assert [n.node_id for n in top] == [2, 0]
    assert top[0].last_accessed == T0 + timedelta(hours=3)


def test_unknown_node_kind_is_an_error():
    with pytest.raises(ValueError, match="kind must be one of"):
        AssociativeMemory().add("dream", T0, "a", "b", "c", "d", 1)


def test_perception_attends_to_the_nearest_events_in_the_room_and_skips_recent_ones():
    house = default_house()
    events = TileEvents()
    sofa = house.object_tiles("common room", "sofa")[0]
    table = house.object_tiles("common room", "dining table")[0]
    shed = house.object_tiles("garden", "tool shed")[0]
    events.add(sofa, Event("common room:sofa", "is", "in use", "sofa is in use"))
    events.add(table, Event("common room:dining table", "is", "set", "dining table is set"))
    events.add(shed, Event("garden:tool shed", "is", "open", "tool shed is open"))
    memory = AssociativeMemory()
    config = PerceptionConfig(vision_radius=4, att_bandwidth=1, retention=5)
    new = perceive(sofa, house, events, memory, T0, config, lambda e: 2)
    assert [n.description for n in new] == ["sofa is in use"]  # nearest only; the garden is another room
    again = perceive(sofa, house, events, memory, T0, config, lambda e: 2)
    assert again == []  # already perceived within the retention window


def test_reflection_writes_thoughts_with_evidence_once_enough_happened():
    m = AssociativeMemory()
    reflector = Reflector(threshold=10)
    nodes = [m.add("event", T0, "Ana", "is", "phone_call", "Ana is calling a friend", 4) for _ in range(2)]
    reflector.observe(nodes)
    assert reflector.maybe_reflect(m, T0, "Ana") == []
    nodes.append(m.add("event", T0, "Ana", "is", "workout", "Ana is working out", 3))
    reflector.observe(nodes[-1:])
    thoughts = reflector.maybe_reflect(m, T0, "Ana")
    assert thoughts and thoughts[0].kind == "thought"
    assert set(thoughts[0].evidence) <= {0, 1, 2}
    assert "calling a friend" in thoughts[0].description.lower()
