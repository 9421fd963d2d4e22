"""A moment: everything a rating at one step depends on, kept as data.

``env.unwrapped.moment()`` returns the :class:`Moment` of the current step: the
persona, the resident's state, a copy of the resident's memory of today (what
the rater judges frequency and repetition from) and which evaluator rates.
``moment.rate(texts)`` then rates any texts there exactly as
``env.unwrapped.score_candidates(texts)`` would have at that step, without an
env, in any process (a moment pickles). This is what group-relative trainers
need: many samples of the same moment rated against each other, long after
the env has moved on.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ..core import parse_decision
from ..evaluation import EvaluationMemory, Rating, RubricEvaluator
from ..personas import load_persona
from ..user import ResidentState

EVALUATORS = ("rubric", "llm")


@lru_cache(maxsize=64)
def _rubric(persona_id: int) -> RubricEvaluator:
    return RubricEvaluator(load_persona(persona_id))


@dataclass(frozen=True)
class Moment:
    """One step's rating context.

    Attributes:
        persona_id: the shipped persona (1-32) who rates.
        state: what the resident is doing, where and when.
        memory: the resident's memory of today as it was at this step (a copy).
        evaluator: ``"rubric"`` or ``"llm"``; ``evaluator_mode`` ``"joint"`` or ``"separate"`` (LLM only).
    """

    persona_id: int
    state: ResidentState
    memory: EvaluationMemory
    evaluator: str = "rubric"
    evaluator_mode: str = "joint"

    def __post_init__(self):
        if self.evaluator not in EVALUATORS:
            raise ValueError(f"evaluator must be one of {', '.join(EVALUATORS)}, got {self.evaluator!r}")

    @classmethod
    def capture(cls, persona_id: int, state: ResidentState, memory: EvaluationMemory, evaluator: str = "rubric",
                evaluator_mode: str = "joint") -> Moment:
        """The moment now, with a copy of ``memory`` so that later decisions do not change it."""
        return cls(persona_id, state, copy.deepcopy(memory), evaluator, evaluator_mode)

    @property
    def time(self) -> datetime:
        return self.state.time

    def rate(self, texts: Sequence[str], *, llm=None) -> list[Rating]:
        """Rate each text as a decision at this moment (a suggestion, or ``""``/``"No Recommendation"``).

        The rubric needs nothing else; a moment of the LLM evaluator needs ``llm``: an
        :class:`~propersim_env.llm.LLMClient` (or settings for one: a dict, an ``LLMConfig`` or a
        file path). Errors of LLM calls are raised, never turned into a rating."""
        if isinstance(texts, str):
            raise TypeError("rate() takes a list of texts, not one string")
        evaluator = self._evaluator(llm)
        return [evaluator.rate(parse_decision(t), self.state, self.memory) for t in texts]

    def _evaluator(self, llm):
        if self.evaluator == "rubric":
            return _rubric(self.persona_id)
        if llm is None:
            raise ValueError("this moment is rated by the LLM evaluator: pass llm= (an LLMClient or its settings)")
        from ..evaluation.llm_evaluator import LLMEvaluator
        from ..llm import LLMClient, LLMConfig

        client = llm if isinstance(llm, LLMClient) else LLMClient(LLMConfig.resolve(llm))
        return LLMEvaluator(load_persona(self.persona_id), client, self.evaluator_mode)
