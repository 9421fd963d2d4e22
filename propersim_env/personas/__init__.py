"""The 32 resident personas (one per High/Low Big-Five combination) and their vocabulary.

Knows nothing of the house, the resident simulation or the assistant.
"""

from .loader import NUM_PERSONAS, load_all, load_persona, load_persona_file, persona_ids
from .schema import (
    ActivityPreference,
    Frequency,
    Persona,
    PersonaDataError,
    Preferences,
    RoutineBlock,
    Sleep,
    TimeWindow,
    Tone,
    clock_to_minutes,
    minutes_to_clock,
    parse_persona,
)
from .vocabulary import CATEGORIES, Activity, Subtask, Topic, activities, topics

__all__ = [
    "CATEGORIES", "NUM_PERSONAS", "Activity", "ActivityPreference", "Frequency", "Persona",
    "PersonaDataError", "Preferences", "RoutineBlock", "Sleep", "Subtask", "TimeWindow", "Tone", "Topic",
    "activities", "clock_to_minutes", "load_all", "load_persona", "load_persona_file",
    "minutes_to_clock", "parse_persona", "persona_ids", "topics",
]
