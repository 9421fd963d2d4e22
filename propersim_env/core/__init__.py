"""What the whole package shares, at the bottom of the layers (imports nothing of the package).

- :mod:`.decision`: the action as text, the no-op ``"No Recommendation"``;
- :mod:`.criteria`: the four criteria's names and labels;
- :mod:`.memory_level`: the study's memory levels, typed;
- :mod:`.text_hashing`: the one text-to-vector function that needs no model;
- :mod:`.options`: configuration dataclasses whose fields carry their help, and the ``--options`` read from them.
"""

from .criteria import CRITERIA, CRITERION_LABELS
from .decision import NO_RECOMMENDATION, NOOP, Decision, parse_decision
from .memory_level import LEVELS as MEMORY_LEVELS
from .memory_level import MemoryLevel, parse_memory_level
from .options import add_arguments, arguments_given, docstring_arguments, option
from .text_hashing import hashed_text_vector
from .wording import counted

__all__ = ["CRITERIA", "CRITERION_LABELS", "MEMORY_LEVELS", "NOOP", "NO_RECOMMENDATION", "Decision", "MemoryLevel",
           "add_arguments", "arguments_given", "counted", "docstring_arguments", "hashed_text_vector", "option", "parse_decision",
           "parse_memory_level"]
