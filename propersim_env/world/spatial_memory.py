"""A resident's spatial memory: the tree house -> rooms -> objects it knows."""

from __future__ import annotations

from .house import House


class SpatialMemory:
    """What a resident knows of the house, as Generative Agents' spatial tree.

    ``tree`` maps the house name to ``{room: [objects]}``. A resident may know
    only some rooms (``known_rooms``); it learns the rest by seeing them.
    """

    def __init__(self, house: House, known_rooms: list[str] | None = None):
        rooms = known_rooms if known_rooms is not None else list(house.rooms)
        for r in rooms:
            if r not in house.rooms:
                raise KeyError(f"spatial memory: no room {r!r} in {house.name}")
        self.house_name = house.name
        self.tree: dict[str, dict[str, list[str]]] = {
            house.name: {r: list(house.rooms[r]) for r in rooms}
        }

    def rooms(self) -> list[str]:
        return list(self.tree[self.house_name])

    def objects_in(self, room: str) -> list[str]:
        return list(self.tree[self.house_name].get(room, []))

    def knows(self, room: str, obj: str | None = None) -> bool:
        objects = self.tree[self.house_name].get(room)
        return objects is not None and (obj is None or obj in objects)

    def learn(self, room: str, obj: str | None = None) -> None:
        objects = self.tree[self.house_name].setdefault(room, [])
        if obj is not None and obj not in objects:
            objects.append(obj)

    def to_text(self) -> str:
        """An indented outline, as a prompt or the console shows it."""
        lines = [self.house_name]
        for room, objects in self.tree[self.house_name].items():
            lines.append(f"  {room}")
            lines.extend(f"    {o}" for o in objects)
        return "\n".join(lines)
