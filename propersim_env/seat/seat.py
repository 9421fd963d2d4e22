"""One assistant's seat: the resident it serves, how that resident rates it, and what
both remember of its decisions.

``ProPerSim-v0`` has one seat; the PettingZoo household has one per resident. The
seat is the one owner of a decision's path: it reads the action, has the resident's
evaluator rate it, records it in the resident's memory of today (what the rater
judges frequency from) and in the assistant-side memory (the ``memory``
observation), and builds the observation and info both envs return.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..core import MemoryLevel, parse_decision
from ..evaluation import EvaluationMemory, Rating, RubricEvaluator
from ..llm.errors import LLMError
from ..llm.usage import Usage
from ..user import Resident, ResidentState
from .features import assistant_features
from .memory import AssistantMemory, Interaction
from .observation import TIME_FORMAT

EVALUATION_FAILURE_MODES = ("raise", "flag")


@dataclass(frozen=True)
class Decided:
    """What became of one decision: its rating (``None`` when an LLM evaluation failed and was
    flagged), whether it was the no-op, and the failure's message."""

    rating: Rating | None
    noop: bool
    error: str | None = None

    @property
    def reward(self) -> float:
        """The total, 0 to 4; NaN for a flagged failure (never a silent 0)."""
        return math.nan if self.rating is None else float(self.rating.total)


class AssistantSeat:
    """The assistant of one resident.

    Args:
        resident: the resident served.
        rooms: the house's rooms, in the order of the ``room_*`` features.
        memory_level: what the ``memory`` observation shows (:mod:`propersim_env.core.memory_level`).
        memory_chars: the most characters the ``memory`` observation holds.
        evaluator: how the resident rates (default: its rubric evaluator).
        on_evaluation_failure: ``"raise"`` an LLM evaluation's error, or ``"flag"`` it in ``info``.
    """

    def __init__(self, resident: Resident, rooms: Sequence[str], memory_level: str | MemoryLevel = "ASCR",
                 memory_chars: int = 4000, *, evaluator=None, on_evaluation_failure: str = "raise"):
        if on_evaluation_failure not in EVALUATION_FAILURE_MODES:
            raise ValueError(f"on_evaluation_failure must be one of {', '.join(EVALUATION_FAILURE_MODES)}, "
                             f"got {on_evaluation_failure!r}")
        self.resident = resident
        self.persona = resident.persona
        self.rooms = list(rooms)
        self.evaluator = evaluator if evaluator is not None else RubricEvaluator(self.persona)
        self.on_evaluation_failure = on_evaluation_failure
        self.assistant_memory = AssistantMemory(memory_level, max_chars=memory_chars)
        self.reset()

    def reset(self) -> None:
        self.evaluation_memory = EvaluationMemory()
        self.assistant_memory.reset()
        self.last: Interaction | None = None
        self.date: date | None = None
        self.candidate_calls = 0

    # ---- the clock ---------------------------------------------------------------
    def follow(self, state: ResidentState) -> None:
        """Called at every clock step: the resident's memory of today starts empty each day."""
        today = state.time.date()
        if today != self.date:
            self.evaluation_memory.start_day(today)
            self.date = today

    # ---- decisions ---------------------------------------------------------------
    def decide(self, action, state: ResidentState) -> Decided:
        """Rate ``action`` at ``state`` and remember it."""
        decision = parse_decision(action)
        error = None
        try:
            rating = self.evaluator.rate(decision, state, self.evaluation_memory)
        except LLMError as exc:
            if self.on_evaluation_failure == "raise":
                raise
            rating, error = None, str(exc)
        decided = Decided(rating, decision.noop, error)
        self.evaluation_memory.record(state.time, decision, decided.reward)
        self.last = Interaction(state.time, state.action, state.activity, None if decision.noop else decision.text,
                                None if rating is None else rating.total,
                                dict(rating.reasons) if rating else {}, dict(rating.scores) if rating else {})
        self.assistant_memory.record(self.last)
        return decided

    def score_candidates(self, texts: Sequence[str], state: ResidentState) -> list[Rating]:
        """Rate candidates at ``state`` without remembering them (counted in the next info)."""
        if isinstance(texts, str):
            raise TypeError("score_candidates takes a list of texts, not one string")
        self.candidate_calls += 1
        return [self.evaluator.rate(parse_decision(t), state, self.evaluation_memory) for t in texts]

    def revise(self, text: str, state: ResidentState) -> str:
        """The resident's own rewrite of a suggestion at ``state`` (LLM evaluator only)."""
        if not hasattr(self.evaluator, "revise"):
            raise ValueError("revise_suggestion needs the LLM evaluator (evaluator='llm'); "
                             "the rubric cannot write text")
        self.candidate_calls += 1
        return self.evaluator.revise(text, state, self.evaluation_memory)

    # ---- what the assistant sees -------------------------------------------------
    def observation(self, state: ResidentState, day_fraction: float) -> dict:
        """``time``, ``user_action``, ``memory`` and ``features`` (see :mod:`.features`)."""
        return {
            "time": state.time.strftime(TIME_FORMAT),
            "user_action": state.action[:512],
            "memory": self.assistant_memory.to_text(state.time, state.activity),
            "features": assistant_features(state, self.resident.house, self.rooms, day_fraction,
                                           self.evaluation_memory, self.last),
        }

    def info(self, state: ResidentState, day: int, decided: Decided | None, usage: Usage) -> dict:
        """The info of the step that rated ``decided`` at ``state`` (``None``: nothing rated)."""
        calls, self.candidate_calls = self.candidate_calls, 0
        rating = None if decided is None else decided.rating
        info = {
            "scores": dict(rating.scores) if rating else {},
            "reasons": dict(rating.reasons) if rating else {},
            "noop": True if decided is None else decided.noop,
            "time": state.time.isoformat(),
            "persona_id": self.persona.id,
            "usage": usage.to_dict(),
            "candidate_ratings": calls,
            "activity": state.activity,
            "day": day,
        }
        if decided is not None and decided.error is not None:
            info["evaluation_failed"] = True
            info["evaluation_error"] = decided.error
        return info

    # ---- saving ------------------------------------------------------------------------
    def state_dict(self) -> dict:
        """What a snapshot keeps of the seat (the evaluator and config are rebuilt)."""
        return {"evaluation_memory": self.evaluation_memory, "assistant_memory": self.assistant_memory,
                "last": self.last, "date": self.date, "candidate_calls": self.candidate_calls}

    def load_state_dict(self, state: dict) -> None:
        self.evaluation_memory = state["evaluation_memory"]
        self.assistant_memory = state["assistant_memory"]
        self.last = state["last"]
        self.date = state["date"]
        self.candidate_calls = state["candidate_calls"]
