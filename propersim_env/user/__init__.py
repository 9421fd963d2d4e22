"""The simulated resident: memory, planning, perception, reflection and movement.

Reads the house (``world``) and the persona (``personas``); knows nothing of
the evaluator, the environment or the assistant.
"""

from .memory import AssociativeMemory, ConceptNode, RetrievalWeights, keywords_of
from .perceive import PerceptionConfig, perceive
from .plan import DayPlan, Planner, ScheduleBlock, ScriptedPlanner, Subtask, calendar_day
from .reflect import Reflector
from .resident import Resident, ResidentState

__all__ = [
    "AssociativeMemory", "ConceptNode", "DayPlan", "PerceptionConfig", "Planner", "Reflector",
    "Resident", "ResidentState", "RetrievalWeights", "ScheduleBlock", "ScriptedPlanner", "Subtask",
    "calendar_day", "keywords_of", "perceive",
]
