"""The house: a tile map with rooms, objects, walls and shortest paths.

A tile is addressed by its position ``(x, y)`` (column, row) and by a text
address ``house:room:object`` (``house:room`` on a floor tile with no object).
Object tiles are walkable: the resident stands on an object to use it.
"""

from __future__ import annotations

import tomllib
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

Position = tuple[int, int]


class HouseDataError(ValueError):
    """The house data file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Tile:
    """One cell of the map."""

    x: int
    y: int
    room: str | None  # None on walls
    object: str | None
    collision: bool

    @property
    def position(self) -> Position:
        return (self.x, self.y)


class House:
    """A tile map loaded from a TOML data file (see ``data/house.toml``)."""

    def __init__(self, data: dict, source: str = "<dict>"):
        self.source = source
        self.name: str = _field(data, "name", str, source)
        room_rows = _grid(data, "rooms", source)
        object_rows = _grid(data, "objects", source)
        if len(room_rows) != len(object_rows) or {len(r) for r in room_rows} != {len(r) for r in object_rows}:
            raise HouseDataError(f"{source}: field 'objects': layer size differs from 'rooms'")
        room_legend = _field(data, "room_legend", dict, source)
        object_legend = _field(data, "object_legend", dict, source)
        self._object_letter = {name: letter for letter, name in object_legend.items()}
        self.height = len(room_rows)
        self.width = len(room_rows[0])

        tiles: list[list[Tile]] = []
        for y, (room_row, object_row) in enumerate(zip(room_rows, object_rows)):
            row = []
            for x, (rc, oc) in enumerate(zip(room_row, object_row)):
                if rc == "#":
                    if oc not in ".#":
                        raise HouseDataError(f"{source}: field 'objects': object {oc!r} at ({x}, {y}) stands on a wall")
                    row.append(Tile(x, y, None, None, True))
                    continue
                if rc not in room_legend:
                    raise HouseDataError(f"{source}: field 'rooms': letter {rc!r} at ({x}, {y}) is not in room_legend")
                obj = None
                if oc not in ".#":
                    if oc not in object_legend:
                        raise HouseDataError(f"{source}: field 'objects': letter {oc!r} at ({x}, {y}) is not in object_legend")
                    obj = object_legend[oc]
                row.append(Tile(x, y, room_legend[rc], obj, False))
            tiles.append(row)
        self._tiles = tiles

        self.rooms: dict[str, list[str]] = {name: [] for name in room_legend.values()}
        self._object_tiles: dict[tuple[str, str], list[Position]] = {}
        for row in tiles:
            for t in row:
                if t.object is not None:
                    key = (t.room, t.object)
                    if key not in self._object_tiles:
                        self._object_tiles[key] = []
                        self.rooms[t.room].append(t.object)
                    self._object_tiles[key].append(t.position)
        bedrooms = _field(data, "bedrooms", list, source)
        for b in bedrooms:
            if b not in self.rooms:
                raise HouseDataError(f"{source}: field 'bedrooms': {b!r} is not a room")
        self.bedrooms: list[str] = bedrooms
        shared = data.get("shared_objects", [])
        if not isinstance(shared, list) or not all(isinstance(o, str) for o in shared):
            raise HouseDataError(f"{source}: field 'shared_objects' must be a list of object names")
        for o in shared:
            if o not in object_legend.values():
                raise HouseDataError(f"{source}: field 'shared_objects': {o!r} is not in object_legend")
        self.shared_objects: frozenset[str] = frozenset(shared)
        """Objects several people can use at once (a table, a sofa); every other
        object tile holds one user at a time (see :class:`~.occupancy.Occupancy`)."""
        self._neighbours = self._build_neighbours()
        self._check_connected()

    # ---- loading -------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> "House":
        """Load a house file; with no path, the project's default house."""
        if path is None:
            return default_house()
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise HouseDataError(f"{path}: not valid TOML: {exc}") from exc
        return cls(data, str(path))

    # ---- tiles and addresses -------------------------------------------
    def tile(self, x: int, y: int) -> Tile:
        if not (0 <= x < self.width and 0 <= y < self.height):
            raise IndexError(f"tile ({x}, {y}) is outside the {self.width}x{self.height} map")
        return self._tiles[y][x]

    def is_walkable(self, x: int, y: int) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height and not self._tiles[y][x].collision

    def address(self, x: int, y: int) -> str:
        """``house:room:object``, ``house:room``, or ``house`` on a wall."""
        t = self.tile(x, y)
        parts = [self.name] + [p for p in (t.room, t.object) if p is not None]
        return ":".join(parts)

    def object_tiles(self, room: str, obj: str) -> list[Position]:
        try:
            return self._object_tiles[(room, obj)]
        except KeyError:
            raise KeyError(f"no object {obj!r} in room {room!r} of {self.name}") from None

    def room_tiles(self, room: str) -> list[Position]:
        if room not in self.rooms:
            raise KeyError(f"no room {room!r} in {self.name}")
        return [t.position for row in self._tiles for t in row if t.room == room and t.object is None]

    def has_object(self, room: str, obj: str) -> bool:
        return (room, obj) in self._object_tiles

    def collision_tiles(self) -> list[Position]:
        return [t.position for row in self._tiles for t in row if t.collision]

    # ---- paths -----------------------------------------------------------
    def _build_neighbours(self) -> dict[Position, tuple[Position, ...]]:
        out = {}
        for y in range(self.height):
            for x in range(self.width):
                if self.is_walkable(x, y):
                    out[(x, y)] = tuple(
                        (nx, ny)
                        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1))
                        if self.is_walkable(nx, ny)
                    )
        return out

    def _check_connected(self) -> None:
        start = next(iter(self._neighbours))
        seen = {start}
        queue = deque([start])
        while queue:
            for n in self._neighbours[queue.popleft()]:
                if n not in seen:
                    seen.add(n)
                    queue.append(n)
        missing = set(self._neighbours) - seen
        if missing:
            raise HouseDataError(f"{self.source}: field 'rooms': tiles {sorted(missing)[:3]} cannot be reached")

    def shortest_path(self, start: Position, goals: list[Position] | tuple[Position, ...]) -> list[Position]:
        """Tiles from ``start`` (included) to the nearest of ``goals`` (included),
        moving one tile up, down, left or right at a time through walkable tiles."""
        return list(self._shortest_path(tuple(start), tuple(sorted(map(tuple, goals)))))

    @lru_cache(maxsize=4096)
    def _shortest_path(self, start: Position, goals: tuple[Position, ...]) -> tuple[Position, ...]:
        if start not in self._neighbours:
            raise ValueError(f"path start {start} is not a walkable tile")
        goal_set = set(goals)
        if start in goal_set:
            return (start,)
        parent: dict[Position, Position | None] = {start: None}
        queue = deque([start])
        while queue:
            cur = queue.popleft()
            for n in self._neighbours[cur]:
                if n in parent:
                    continue
                parent[n] = cur
                if n in goal_set:
                    path = [n]
                    while parent[path[-1]] is not None:
                        path.append(parent[path[-1]])
                    return tuple(reversed(path))
                queue.append(n)
        raise ValueError(f"no path from {start} to any of {list(goals)[:3]}")

    # ---- display ---------------------------------------------------------
    def ascii(self, marks: dict[Position, str] | None = None) -> str:
        """The map as text: walls '#', floors '.', object tiles by their legend letter."""
        marks = marks or {}
        lines = []
        for row in self._tiles:
            line = []
            for t in row:
                if t.position in marks:
                    line.append(marks[t.position])
                elif t.collision:
                    line.append("#")
                elif t.object:
                    line.append(self._object_letter[t.object])
                else:
                    line.append(".")
            lines.append("".join(line))
        return "\n".join(lines)


def _field(data: dict, name: str, kind: type, source: str):
    if name not in data:
        raise HouseDataError(f"{source}: missing field {name!r}")
    value = data[name]
    if not isinstance(value, kind):
        raise HouseDataError(f"{source}: field {name!r} must be a {kind.__name__}")
    return value


def _grid(data: dict, name: str, source: str) -> list[str]:
    rows = [r for r in _field(data, name, str, source).split("\n") if r.strip()]
    if not rows or len({len(r) for r in rows}) != 1:
        raise HouseDataError(f"{source}: field {name!r}: rows must be non-empty and of equal length")
    return rows


@lru_cache(maxsize=1)
def default_house() -> House:
    """The project's house, loaded once per process (it is immutable)."""
    text = resources.files("propersim_env.world").joinpath("data/house.toml").read_text(encoding="utf-8")
    return House(tomllib.loads(text), "propersim_env/world/data/house.toml")
