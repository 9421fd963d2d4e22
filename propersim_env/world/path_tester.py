"""Walking a marker over the map by hand, to check it (reverie's path tester mode).

A :class:`PathTester` holds only its own position: moving it changes nothing
in the house or in any resident. ``n``/``s``/``e``/``w`` take one step (north
is up, towards y 0) and refuse a wall or the map's edge; ``go x y`` jumps to any
tile of the map and tells how many steps a walk from the start would take.
"""

from __future__ import annotations

from .house import House, Position

MOVES = {"n": (0, -1), "s": (0, 1), "e": (1, 0), "w": (-1, 0)}
NAMES = {"n": "north", "s": "south", "e": "east", "w": "west"}


class PathTester:
    def __init__(self, house: House, start: Position):
        self.house = house
        self.start: Position = tuple(start)
        self.position: Position = tuple(start)

    def describe(self, position: Position | None = None) -> str:
        """``(x, y) house:room:object, walkable: yes``, and the walking distance from the start."""
        x, y = position if position is not None else self.position
        walkable = self.house.is_walkable(x, y)
        text = f"({x}, {y}) {self.house.address(x, y)}, walkable: {'yes' if walkable else 'no (wall)'}"
        if walkable and self.house.is_walkable(*self.start):
            try:
                steps = len(self.house.shortest_path(self.start, [(x, y)])) - 1
                text += f", {steps} step{'' if steps == 1 else 's'} from the start {self.start}"
            except ValueError:
                text += f", unreachable from the start {self.start}"
        return text

    def move(self, direction: str) -> str:
        """One step ``n``, ``s``, ``e`` or ``w``; a wall or the edge leaves the marker where it is."""
        dx, dy = MOVES[direction]
        x, y = self.position[0] + dx, self.position[1] + dy
        if not (0 <= x < self.house.width and 0 <= y < self.house.height):
            return f"blocked: ({x}, {y}) is off the map; still at {self.describe()}"
        if not self.house.is_walkable(x, y):
            return f"blocked: ({x}, {y}) {self.house.address(x, y)} is a wall; still at {self.describe()}"
        self.position = (x, y)
        return f"{NAMES[direction]} to {self.describe()}"

    def go(self, x: int, y: int) -> str:
        """Jump to tile ``(x, y)`` (any tile of the map, walls included, to inspect it)."""
        self.house.tile(x, y)  # IndexError off the map
        self.position = (x, y)
        return f"at {self.describe()}"
