"""Perception: which events near the resident enter its memory.

As in Generative Agents: events on tiles within ``vision_radius`` and in the
same room are candidates; the ``att_bandwidth`` nearest are attended to; an
event already among the last ``retention`` perceived events is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ..world import Event, House, Position, TileEvents
from .memory import AssociativeMemory, ConceptNode


@dataclass(frozen=True)
class PerceptionConfig:
    vision_radius: int = 4
    att_bandwidth: int = 3
    retention: int = 5


def perceive(position: Position, house: House, events: TileEvents, memory: AssociativeMemory,
             now: datetime, config: PerceptionConfig,
             importance: Callable[[Event], int]) -> list[ConceptNode]:
    """Add newly perceived events to ``memory`` and return their nodes."""
    x0, y0 = position
    room = house.tile(x0, y0).room
    r2 = config.vision_radius ** 2
    nearby: list[tuple[int, str, Event]] = []
    for (x, y), tile_events in events.items():
        d2 = (x - x0) ** 2 + (y - y0) ** 2
        if d2 <= r2 and house.tile(x, y).room == room:
            nearby.extend((d2, e.description, e) for e in tile_events)
    if not nearby:
        return []
    nearby.sort(key=lambda item: item[:2])
    recent = {n.triple for n in memory.latest(config.retention, "event")}
    new = []
    for _, _, event in nearby[: config.att_bandwidth]:
        if event.triple in recent:
            continue
        new.append(memory.add("event", now, event.subject, event.predicate, event.object,
                              event.description, importance(event)))
        recent.add(event.triple)
    return new
