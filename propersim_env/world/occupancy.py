"""Who is using which object tile: two residents cannot use one shower.

A tile of a shared object (``House.shared_objects``: the dining table, the
sofa) holds any number of users; every other object tile holds one at a time.
Residents of one household share one :class:`Occupancy`: a resident claims a
free tile of its object when it sets off for it, and releases it when it moves
on. When every tile of the object is taken, it waits at
:func:`waiting_spot`, the floor tile of that room nearest the object.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .house import House, Position


class OccupancyError(RuntimeError):
    """A claim on a tile that someone else holds."""


class Occupancy:
    """The claims on a house's object tiles, by user name."""

    def __init__(self, house: House):
        self.house = house
        self._holder: dict[Position, str] = {}

    def is_shared(self, tile: Position) -> bool:
        return self.house.tile(*tile).object in self.house.shared_objects

    def holder(self, tile: Position) -> str | None:
        """Who holds an exclusive tile (``None`` when it is free or shared)."""
        return self._holder.get(tuple(tile))

    def free_tiles(self, tiles: Iterable[Position], who: str) -> list[Position]:
        """The tiles ``who`` may use now: shared ones, free ones and its own."""
        return [t for t in tiles if self.is_shared(t) or self._holder.get(tuple(t), who) == who]

    def claim(self, tile: Position, who: str) -> None:
        """Take a tile for ``who`` (a shared tile needs no claim)."""
        tile = tuple(tile)
        if self.is_shared(tile):
            return
        holder = self._holder.get(tile)
        if holder is not None and holder != who:
            where = self.house.address(*tile)
            raise OccupancyError(f"{who} cannot use {where}: {holder} is using it")
        self._holder[tile] = who

    def release(self, who: str) -> None:
        """Give up every tile ``who`` holds."""
        for tile in [t for t, h in self._holder.items() if h == who]:
            del self._holder[tile]

    def held_by(self, who: str) -> list[Position]:
        return sorted(t for t, h in self._holder.items() if h == who)

    def clear(self) -> None:
        self._holder.clear()


def waiting_spot(house: House, room: str, obj: str) -> Position | None:
    """The floor tile (no object) of ``room`` nearest the object, where a
    resident waits for it to be free; ``None`` if the room has no floor tile."""
    return _waiting_spot(house, room, obj)


@lru_cache(maxsize=256)
def _waiting_spot(house: House, room: str, obj: str) -> Position | None:
    floor = house.room_tiles(room)
    if not floor:
        return None
    targets = house.object_tiles(room, obj)

    def distance(p: Position) -> tuple[int, Position]:
        return (min(abs(p[0] - x) + abs(p[1] - y) for x, y in targets), p)

    return min(floor, key=distance)
