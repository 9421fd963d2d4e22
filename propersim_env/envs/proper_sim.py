"""``ProPerSim-v0``: one proactive assistant serving one simulated resident.

One ``step`` is one decision while the resident is awake: the action is a
suggestion (free text) or the no-op (``""`` or ``"No Recommendation"``, case
and surrounding space ignored). The resident rates it on four criteria and the
reward is the total, 0 to 4. Steps while the resident sleeps are simulated
inside ``step`` and never reach the policy.

Observation (``Dict``):
    time         the simulated date and clock time, e.g. "Thursday 2025-02-13 09:05"
    user_action  what the resident is doing and where, e.g.
                 "Sofia Marchetti is having lunch (eating lunch) @ common room: dining table"
    memory       the assistant-side memory of past interactions (see AssistantMemory)
    features     float32 vector, described by ``FEATURE_NAMES``

Info: ``scores`` and ``reasons`` (per criterion), ``noop``, ``time`` (ISO),
``persona_id``, ``usage`` (LLM calls, tokens and latency this step; zero on the
embedded default), ``episode_usage`` (the same, totalled since ``reset``),
``candidate_ratings`` (how many ``score_candidates`` calls since the last step),
``activity``, ``day``; with ``on_evaluation_failure="flag"``, a failed LLM
evaluation gives reward NaN, empty scores, ``evaluation_failed=True`` and
``evaluation_error`` (never a silent 0).

LLM mode: ``user_model="llm"`` plans the resident's days with an LLM,
``evaluator="llm"`` rates with one (``evaluator_mode`` ``"joint"`` or
``"separate"``); ``llm`` holds the settings (a dict, an
:class:`~propersim_env.llm.LLMConfig`, or a TOML/JSON file path; unset
fields come from ``PROPERSIM_LLM_*`` environment variables).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from ..evaluation import EvaluationMemory, Rating, RubricEvaluator, parse_decision
from ..llm.errors import LLMError
from ..llm.usage import Usage
from ..personas import NUM_PERSONAS, load_persona
from ..user import Resident, ResidentState
from ..world import SimClock, default_house, parse_start_date
from .assistant_memory import AssistantMemory, Interaction
from .features import assistant_features, feature_names
from .observation import TIME_FORMAT
from .spaces import UnicodeText

MAX_ACTION_CHARS = 20_000
_NO_USAGE = Usage()  # the embedded default spends nothing (never mutated)


class ProPerSimEnv(gym.Env):
    """The single-resident ProPerSim environment on the embedded default.

    Args:
        persona: a persona id (1-32), a list of ids to draw from at each reset,
            or ``"random"`` (any of the 32), drawn from the seeded generator.
        days: simulated days per episode; ``truncated`` is set when they end.
        seconds_per_step: simulated seconds per step (150, as the study).
        memory_level: what the memory observation shows: ``A``, ``AS``, ``ASC`` or ``ASCR``.
        start_date: the first simulated day (default 2025-02-13).
        render_mode: ``"ansi"`` (``render()`` returns the text frame), ``"human"`` (the
            same frame printed to stdout after ``reset`` and every ``step``) or ``"rgb_array"``.
        memory_chars: the most characters the memory observation holds.
        user_model: ``"scripted"`` (embedded) or ``"llm"`` (the LLM planner).
        evaluator: ``"rubric"`` (embedded) or ``"llm"``.
        evaluator_mode: ``"joint"`` or ``"separate"`` (LLM evaluator only).
        llm: LLM settings, needed when any part is ``"llm"``.
        on_evaluation_failure: ``"raise"`` (default) or ``"flag"``.
    """

    metadata = {"render_modes": ["ansi", "human", "rgb_array"], "render_fps": 4}

    def __init__(self, persona: int | Sequence[int] | str = 1, days: int = 1, seconds_per_step: int = 150,
                 memory_level: str = "ASCR", start_date=None, render_mode: str | None = None,
                 memory_chars: int = 4000, user_model: str = "scripted", evaluator: str = "rubric",
                 evaluator_mode: str = "joint", llm=None, on_evaluation_failure: str = "raise"):
        self._persona_choices = _persona_choices(persona)
        for name, value, allowed in (("user_model", user_model, ("scripted", "llm")),
                                     ("evaluator", evaluator, ("rubric", "llm")),
                                     ("evaluator_mode", evaluator_mode, ("joint", "separate")),
                                     ("on_evaluation_failure", on_evaluation_failure, ("raise", "flag"))):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
        self.user_model, self.evaluator_kind, self.evaluator_mode = user_model, evaluator, evaluator_mode
        self.on_evaluation_failure = on_evaluation_failure
        self.llm_client = None
        if "llm" in (user_model, evaluator):
            from ..llm import LLMClient, LLMConfig

            self.llm_client = LLMClient(LLMConfig.resolve(llm))
        elif llm is not None:
            raise ValueError("llm settings were given, but neither user_model nor evaluator is 'llm'")
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            raise ValueError(f"days must be a positive integer, got {days!r}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}, got {render_mode!r}")
        self.days = days
        self.clock = SimClock(parse_start_date(start_date), seconds_per_step)
        self.render_mode = render_mode
        self.house = default_house()
        self._rooms = list(self.house.rooms)
        self.assistant_memory = AssistantMemory(memory_level, max_chars=memory_chars)
        self.feature_names = feature_names(self._rooms)
        self.observation_space = spaces.Dict({
            "time": UnicodeText(64),
            "user_action": UnicodeText(512),
            "memory": UnicodeText(memory_chars),
            "features": spaces.Box(-1.0, 1.0, shape=(len(self.feature_names),), dtype=np.float32),
        })
        self.action_space = UnicodeText(MAX_ACTION_CHARS)
        self._residents: dict[int, Resident] = {}
        self.resident: Resident | None = None
        self.state: ResidentState | None = None

    # ---- Gymnasium API -----------------------------------------------------
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        pid = int(self._persona_choices[int(self.np_random.integers(len(self._persona_choices)))])
        if pid not in self._residents:
            self._residents[pid] = Resident(load_persona(pid), self.house, clock=self.clock, planner=self._planner())
        self.persona = load_persona(pid)
        self.resident = self._residents[pid]
        self.resident.reset(np.random.default_rng(self.np_random.integers(2**63)))
        self.evaluator = self._evaluator(self.persona)
        self.episode_usage = Usage()
        usage_before = self._usage_now()
        self.evaluation_memory = EvaluationMemory()
        self.assistant_memory.reset()
        self._last: Interaction | None = None
        self._candidate_calls = 0
        self._total_steps = self.days * self.clock.steps_per_day
        self.state = self._next_awake_state()
        if self.state is None:
            raise RuntimeError(f"persona {pid} never woke up in {self.days} day(s)")
        if self.render_mode == "human":
            self.render()
        return self._observation(), self._info(None, noop=True, usage=self._usage_since(usage_before))

    def step(self, action):
        self._check_running("step")
        decision = parse_decision(action)
        usage_before = self._usage_now()
        failure = None
        try:
            rating = self.evaluator.rate(decision, self.state, self.evaluation_memory)
        except LLMError as exc:
            if self.on_evaluation_failure == "raise":
                raise
            rating, failure = None, str(exc)
        score = math.nan if rating is None else rating.total
        self.evaluation_memory.record(self.state.time, decision, score)
        self._last = Interaction(self.state.time, self.state.action, self.state.activity,
                                 None if decision.noop else decision.text, None if rating is None else rating.total,
                                 dict(rating.reasons) if rating else {}, dict(rating.scores) if rating else {})
        self.assistant_memory.record(self._last)
        state_rated = self.state
        next_state = self._next_awake_state()  # may plan a new day: its calls count in this step
        truncated = next_state is None
        info = self._info(rating, decision.noop, usage=self._usage_since(usage_before), state=state_rated)
        if failure is not None:
            info["evaluation_failed"] = True
            info["evaluation_error"] = failure
        if next_state is not None:
            self.state = next_state
        if self.render_mode == "human":
            self.render()
        return self._observation(), float(score), False, truncated, info

    def score_candidates(self, texts: Sequence[str]) -> list[Rating]:
        """Rate candidate decisions in the current context without changing any state.

        This is how the study's ranking protocol builds preference pairs. Each
        call is counted in the next step's ``info["candidate_ratings"]``."""
        self._check_running("score_candidates")
        if isinstance(texts, str):
            raise TypeError("score_candidates takes a list of texts, not one string")
        self._candidate_calls += 1
        return [self.evaluator.rate(parse_decision(t), self.state, self.evaluation_memory) for t in texts]

    def revise_suggestion(self, text: str) -> str:
        """The resident's own rewrite of a suggestion for the current moment (LLM evaluator only):
        ProPerAssistant's optional revision of a weak candidate. Changes no state; counted in the
        next step's ``info["candidate_ratings"]`` like a rating."""
        self._check_running("revise_suggestion")
        if not hasattr(self.evaluator, "revise"):
            raise ValueError("revise_suggestion needs the LLM evaluator (evaluator='llm'); "
                             "the rubric cannot write text")
        self._candidate_calls += 1
        return self.evaluator.revise(text, self.state, self.evaluation_memory)

    def extend(self, days: int):
        """Lengthen the running episode to ``days`` days in all (a saved simulation
        forked to run on). If the episode had ended (the last ``step`` returned
        ``truncated``), simulate on to the next waking step and return its
        ``(observation, info)``; otherwise return ``None``: carry on as before."""
        if self.state is None:
            raise RuntimeError("call reset() before extend()")
        if isinstance(days, bool) or not isinstance(days, int) or days < self.days:
            raise ValueError(f"extend() needs at least the episode's {self.days} days, got {days!r}")
        ended = self._episode_ended()
        self.days = days
        self._total_steps = days * self.clock.steps_per_day
        if not ended:
            return None
        usage_before = self._usage_now()
        state = self._next_awake_state()
        if state is None:
            return None
        self.state = state
        return self._observation(), self._info(None, noop=True, usage=self._usage_since(usage_before))

    def render(self):
        if self.render_mode == "ansi":
            return self._render_text()
        if self.render_mode == "human":  # a text env's view for people: the ansi frame on stdout, no window
            print(self._render_text(), end="\n\n", flush=True)
            return None
        if self.render_mode == "rgb_array":
            return self._render_rgb()
        return None

    # ---- internals -----------------------------------------------------------
    def _episode_ended(self) -> bool:
        """Whether the last step returned ``truncated``: its state was rated and no later one
        came. Derived from the state, not a flag, so snapshots saved before the check still resume."""
        return self._last is not None and self._last.time == self.state.time

    def _check_running(self, method: str) -> None:
        if self.state is None:
            raise RuntimeError(f"call reset() before {method}()")
        if self._episode_ended():
            raise RuntimeError(f"the episode ended (its {self.days} day(s) are over: the last step returned "
                               f"truncated=True); call reset() before {method}()")

    def _next_awake_state(self) -> ResidentState | None:
        """Advance the resident to its next waking step (sleep is simulated here)."""
        resident = self.resident
        while resident.step_index + 1 < self._total_steps:
            day_before = resident.day
            state = resident.advance()
            if resident.day != day_before:
                self.evaluation_memory.start_day(state.time.date())
            if not state.sleeping:
                return state
        return None

    def _observation(self) -> dict:
        s = self.state
        return {
            "time": s.time.strftime(TIME_FORMAT),
            "user_action": s.action[:512],
            "memory": self.assistant_memory.to_text(s.time, s.activity),
            "features": self._features(),
        }

    def _features(self) -> np.ndarray:
        """See :mod:`.features`."""
        return assistant_features(self.state, self.house, self._rooms, self.resident.day / self.days,
                                  self.evaluation_memory, self._last)

    def _info(self, rating: Rating | None, noop: bool, usage: Usage, state: ResidentState | None = None) -> dict:
        s = state or self.state
        calls, self._candidate_calls = self._candidate_calls, 0
        return {
            "scores": dict(rating.scores) if rating else {},
            "reasons": dict(rating.reasons) if rating else {},
            "noop": noop,
            "time": s.time.isoformat(),
            "persona_id": self.persona.id,
            "usage": usage.to_dict(),
            "episode_usage": self.episode_usage.to_dict(),
            "candidate_ratings": calls,
            "activity": s.activity,
            "day": self.clock.day_of(s.step),
        }

    # ---- LLM parts ---------------------------------------------------------------
    def _planner(self):
        if self.user_model == "scripted":
            return None  # the resident's default, the scripted planner
        from ..user.llm_planner import LLMPlanner

        return LLMPlanner(self.llm_client, self.house)

    def _evaluator(self, persona):
        if self.evaluator_kind == "rubric":
            return RubricEvaluator(persona)
        from ..evaluation.llm_evaluator import LLMEvaluator

        return LLMEvaluator(persona, self.llm_client, self.evaluator_mode)

    def _usage_now(self) -> Usage:
        return self.llm_client.usage.copy() if self.llm_client else _NO_USAGE

    def _usage_since(self, before: Usage) -> Usage:
        if self.llm_client is None:
            return _NO_USAGE
        spent = self._usage_now().minus(before)
        self.episode_usage.add(spent)
        return spent

    def close(self):
        if self.llm_client is not None:
            self.llm_client.close()
        super().close()

    def _render_text(self) -> str:
        s = self.state
        lines = [self.house.ascii({s.tile: "@"}), f"{s.time:%a %Y-%m-%d %H:%M}  {s.action}"]
        if self._last is not None:
            said = self._last.suggestion or "No Recommendation"
            lines.append(f'last decision: "{said[:200]}" -> score {self._last.score}/4')
        return "\n".join(lines)

    def _render_rgb(self) -> np.ndarray:
        from ..render.image import draw_house

        last = self._last
        return draw_house(self.house, self.state.tile,
                          None if last is None else last.score,
                          None if last is None else last.suggestion is None)


def _persona_choices(persona) -> tuple[int, ...]:
    if persona == "random":
        return tuple(range(1, NUM_PERSONAS + 1))
    ids = [persona] if isinstance(persona, int) and not isinstance(persona, bool) else persona
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Sequence) or not ids:
        raise ValueError(f"persona must be an id 1-{NUM_PERSONAS}, a non-empty list of ids, or 'random'; got {persona!r}")
    for p in ids:
        if isinstance(p, bool) or not isinstance(p, (int, np.integer)) or not 1 <= p <= NUM_PERSONAS:
            raise ValueError(f"persona ids must be integers from 1 to {NUM_PERSONAS}, got {p!r}")
    return tuple(int(p) for p in ids)
