"""The resident's ratings of the assistant's decisions.

The embedded default is the :class:`RubricEvaluator`: offline, deterministic
and fast, it computes the four criteria (preference, timing, frequency,
communication & safety) from the persona's structured preferences, the
resident's state and the resident's memory of today (:class:`EvaluationMemory`).

    decision = parse_decision(action)
    rating = evaluator.rate(decision, state, memory)   # does not change memory
    memory.record(state.time, decision, rating.total)
"""

from ..core import CRITERIA, NO_RECOMMENDATION, NOOP, Decision, parse_decision
from .memory import EvaluationMemory, HeardDecision, HourSummary
from .rating import Rating
from .rubric import RubricEvaluator
from .reading.topics import classify

__all__ = [
    "CRITERIA", "NOOP", "NO_RECOMMENDATION", "Decision", "EvaluationMemory", "HeardDecision", "HourSummary",
    "Rating", "RubricEvaluator", "classify", "parse_decision",
]
