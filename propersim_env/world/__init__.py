"""The house the resident lives in: tiles, rooms, objects, paths and events.

Knows nothing of personas, residents or assistants.
"""

from .clock import DEFAULT_SECONDS_PER_STEP, DEFAULT_START, SimClock, parse_start_date
from .events import Event, TileEvents
from .house import House, HouseDataError, Position, Tile, default_house
from .occupancy import Occupancy, OccupancyError, waiting_spot
from .spatial_memory import SpatialMemory

__all__ = [
    "DEFAULT_SECONDS_PER_STEP", "DEFAULT_START", "SimClock", "parse_start_date",
    "Event", "House", "HouseDataError", "Occupancy", "OccupancyError", "Position", "SpatialMemory", "Tile",
    "TileEvents", "default_house", "waiting_spot"]
