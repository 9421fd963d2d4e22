"""The house as an RGB image: rooms, objects, the resident, and the last decision.

Each tile is ``TILE`` pixels. Rooms have their own colour, object tiles a
darker shade of it, walls are dark. The resident is a red square. Above the
map, a strip shows the last decision: a speech bubble (white for a suggestion,
grey for "No Recommendation") and four score cells, filled green per point.
"""

from __future__ import annotations

import numpy as np

from ..world import House, Position

TILE = 16
STRIP = 2 * TILE
_WALL = (60, 60, 70)
_PALETTE = [(233, 214, 180), (200, 225, 240), (215, 200, 235), (205, 235, 205), (245, 220, 200),
            (230, 235, 190), (190, 225, 215), (240, 205, 215)]


RESIDENT = (220, 40, 40)
"""The resident's colour; it is drawn as a square half a tile wide in the tile's middle."""


def _room_colours(house: House) -> dict[str, tuple[int, int, int]]:
    return {room: _PALETTE[i % len(_PALETTE)] for i, room in enumerate(house.rooms)}


def tile_colours(house: House) -> list[list[tuple[int, int, int]]]:
    """The colour of every tile, row by row: the map as both the ``rgb_array`` render
    and the web replay (:mod:`.replay`) draw it."""
    colours = _room_colours(house)
    rows = []
    for y in range(house.height):
        row = []
        for x in range(house.width):
            t = house.tile(x, y)
            colour = _WALL if t.collision else colours[t.room]
            if t.object is not None:
                colour = tuple(int(c * 0.75) for c in colour)
            row.append(colour)
        rows.append(row)
    return rows


def draw_house(house: House, resident: Position | None, score: int | None, noop: bool | None) -> np.ndarray:
    """An ``(H, W, 3)`` uint8 image of the house and the last decision."""
    img = np.full((STRIP + house.height * TILE, house.width * TILE, 3), 255, dtype=np.uint8)
    for y, row in enumerate(tile_colours(house)):
        for x, colour in enumerate(row):
            img[STRIP + y * TILE: STRIP + (y + 1) * TILE, x * TILE: (x + 1) * TILE] = colour
    if resident is not None:
        x, y = resident
        pad = TILE // 4
        img[STRIP + y * TILE + pad: STRIP + (y + 1) * TILE - pad, x * TILE + pad: (x + 1) * TILE - pad] = RESIDENT
    if score is not None:
        bubble = (170, 170, 170) if noop else (250, 250, 250)
        img[4:STRIP - 4, 4: 4 + 3 * TILE] = (40, 40, 40)
        img[6:STRIP - 6, 6: 2 + 3 * TILE] = bubble
        for k in range(4):
            x0 = 4 * TILE + k * (TILE + 4)
            img[8:STRIP - 8, x0: x0 + TILE] = (60, 170, 80) if k < score else (225, 225, 225)
    return img
