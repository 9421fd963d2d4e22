"""The simulated resident: memory, planning, perception, reflection and movement.

Reads the house (``world``) and the persona (``personas``); knows nothing of
the evaluator, the environment or the assistant.
"""

from .converse import Conversation, Converser, MeetingRules, ScriptedConverser
from .household import Household
from .memory import AssociativeMemory, ConceptNode, RetrievalWeights, keywords_of
from .perceive import PerceptionConfig, perceive
from .plan import DayPlan, Planner, ScheduleBlock, ScriptedPlanner, Subtask, calendar_day
from .reflect import Reflector
from .resident import Resident, ResidentState

__all__ = [
    "AssociativeMemory", "ConceptNode", "Conversation", "Converser", "DayPlan", "Household", "MeetingRules",
    "PerceptionConfig", "Planner", "Reflector", "ScriptedConverser",
    "Resident", "ResidentState", "RetrievalWeights", "ScheduleBlock", "ScriptedPlanner", "Subtask",
    "calendar_day", "keywords_of", "perceive",
]
