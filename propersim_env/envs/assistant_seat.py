"""One assistant's seat in a household: the resident it serves, how that
resident rates it, and what both remember of its decisions.

The PettingZoo household has one seat per resident. A seat rates a decision
with the resident's own rubric evaluator, records it in the resident's memory
of today (what the rater judges frequency from) and in the assistant-side
memory (the ``memory`` observation), and builds the assistant's observation
and info in the same form as ``ProPerSim-v0``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..evaluation import EvaluationMemory, Rating, RubricEvaluator, parse_decision
from ..llm.usage import Usage
from ..user import Resident, ResidentState
from .assistant_memory import AssistantMemory, Interaction
from .features import assistant_features
from .observation import TIME_FORMAT


class AssistantSeat:
    """The assistant of one resident of a household."""

    def __init__(self, resident: Resident, rooms: Sequence[str], memory_level: str, memory_chars: int):
        self.resident = resident
        self.persona = resident.persona
        self.rooms = list(rooms)
        self.evaluator = RubricEvaluator(self.persona)
        self.assistant_memory = AssistantMemory(memory_level, max_chars=memory_chars)
        self.reset()

    def reset(self) -> None:
        self.evaluation_memory = EvaluationMemory()
        self.assistant_memory.reset()
        self.last: Interaction | None = None
        self._date: date | None = None
        self.candidate_calls = 0

    def follow(self, state: ResidentState) -> None:
        """Called at every clock step: the resident's memory of today starts empty each day."""
        today = state.time.date()
        if today != self._date:
            self.evaluation_memory.start_day(today)
            self._date = today

    def decide(self, action, state: ResidentState) -> tuple[Rating, bool]:
        """Rate ``action`` at ``state`` and remember it; returns the rating and whether it was a no-op."""
        decision = parse_decision(action)
        rating = self.evaluator.rate(decision, state, self.evaluation_memory)
        self.evaluation_memory.record(state.time, decision, rating.total)
        self.last = Interaction(state.time, state.action, state.activity, None if decision.noop else decision.text,
                                rating.total, dict(rating.reasons), dict(rating.scores))
        self.assistant_memory.record(self.last)
        return rating, decision.noop

    def score_candidates(self, texts: Sequence[str], state: ResidentState) -> list[Rating]:
        """Rate candidates at ``state`` without remembering them."""
        if isinstance(texts, str):
            raise TypeError("score_candidates takes a list of texts, not one string")
        self.candidate_calls += 1
        return [self.evaluator.rate(parse_decision(t), state, self.evaluation_memory) for t in texts]

    def observation(self, state: ResidentState, day_fraction: float, household: str) -> dict:
        return {
            "time": state.time.strftime(TIME_FORMAT),
            "user_action": state.action[:512],
            "memory": self.assistant_memory.to_text(state.time, state.activity),
            "features": assistant_features(state, self.resident.house, self.rooms, day_fraction,
                                           self.evaluation_memory, self.last),
            "household": household,
        }

    def info(self, state: ResidentState, day: int, rating: Rating | None, noop: bool, rated: bool) -> dict:
        calls, self.candidate_calls = self.candidate_calls, 0
        return {
            "scores": dict(rating.scores) if rating else {},
            "reasons": dict(rating.reasons) if rating else {},
            "noop": noop,
            "rated": rated,
            "time": state.time.isoformat(),
            "persona_id": self.persona.id,
            "resident": self.resident.name,
            "usage": Usage().to_dict(),  # the embedded default makes no LLM calls
            "candidate_ratings": calls,
            "activity": state.activity,
            "day": day,
        }
