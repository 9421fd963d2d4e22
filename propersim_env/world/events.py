"""Events on tiles: who or what is doing what, where.

Generative Agents keeps a set of events on every tile; a resident perceives the
events near it. An event is a (subject, predicate, object) triple with a
description, e.g. ``("main bedroom:bed", "is", "being slept in")``.
Objects with no one using them are idle and carry no event.
"""

from __future__ import annotations

from dataclasses import dataclass

from .house import Position


@dataclass(frozen=True)
class Event:
    subject: str
    predicate: str
    object: str
    description: str

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


class TileEvents:
    """The events currently on each tile of a house."""

    def __init__(self) -> None:
        self._by_tile: dict[Position, set[Event]] = {}

    def add(self, position: Position, event: Event) -> None:
        self._by_tile.setdefault(position, set()).add(event)

    def remove(self, position: Position, event: Event) -> None:
        events = self._by_tile.get(position)
        if events is not None:
            events.discard(event)
            if not events:
                del self._by_tile[position]

    def remove_subject(self, subject: str) -> None:
        """Drop every event whose subject is ``subject`` (an actor moved on)."""
        for position in list(self._by_tile):
            for event in [e for e in self._by_tile[position] if e.subject == subject]:
                self.remove(position, event)

    def at(self, position: Position) -> frozenset[Event]:
        return frozenset(self._by_tile.get(position, ()))

    def items(self):
        return self._by_tile.items()

    def clear(self) -> None:
        self._by_tile.clear()
