"""``ProPerSim-v0``: one proactive assistant serving one simulated resident.

See :class:`ProPerSimEnv` for the environment's documentation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from ..core import NO_RECOMMENDATION, docstring_arguments
from ..evaluation import Rating, RubricEvaluator
from ..llm.usage import Usage
from ..personas import load_persona
from ..seat import AssistantSeat, Moment, feature_names
from ..user import Resident, ResidentState
from ..world import SimClock, default_house, parse_start_date
from .config import EnvConfig
from .spaces import UnicodeText

MAX_ACTION_CHARS = 20_000
_NO_USAGE = Usage()  # the embedded default spends nothing (never mutated)

#: The version of :meth:`ProPerSimEnv.state_dict`; raised whenever its fields change.
#: Version 1 was the whole ``vars(env)``, pickled (propersim_env 0.1.0).
STATE_VERSION = 2


class ProPerSimEnv(gym.Env):
    """## Description

    A simulated resident, driven by one of 32 Big-Five personas, lives through
    days in a house; the agent is its AI assistant. At every step while the
    resident is awake (every 150 simulated seconds) the assistant makes one
    proactive suggestion, in free text, or stays silent, and the resident
    rates the decision on its own four criteria: preference, timing, frequency,
    and communication & safety. This is the setting of ProPerSim (arXiv
    2509.21730) on the embedded default: a scripted, seeded resident and a
    rubric evaluator that reads what a suggestion proposes, offline and
    deterministic. ``user_model="llm"`` and ``evaluator="llm"`` run those parts
    on an OpenAI-compatible server instead, as the study did.

    ## Action Space

    Text (:class:`~propersim_env.envs.UnicodeText`, up to 20,000 characters): a
    suggestion, or the no-op, ``""`` or ``"No Recommendation"`` (case and
    surrounding space ignored). A non-text action raises ``TypeError``.

    ## Observation Space

    A ``Dict``:

    | key           | holds |
    |---------------|-------|
    | ``time``        | the simulated date and time, ``"Thursday 2025-02-13 09:05"`` |
    | ``user_action`` | what the resident is doing and where, ``"Sofia Marchetti is having lunch (eating lunch) @ common room: dining table"`` |
    | ``memory``      | the assistant-side memory of past interactions at ``memory_level`` (last 10 minutes, hourly summaries of today, retrieved earlier ones), at most ``memory_chars`` characters |
    | ``features``    | float32 vector in [-1, 1], named by ``env.unwrapped.feature_names`` (clock, category, room, walking, recent suggestion counts, last score) |

    ## Rewards

    The resident's rating, 0 to 4: one point per criterion met (frequency is
    met when a suggestion does not push today's rate above the resident's
    preferred one and a silence does not leave it below). ``info`` carries
    ``scores`` and ``reasons`` per criterion. With
    ``on_evaluation_failure="flag"`` a failed LLM evaluation gives NaN and
    ``info["evaluation_failed"]``, never a silent 0.

    ## Starting State

    ``reset(seed=...)`` draws the persona (when several are allowed) and the
    resident's day from the seeded generator; the first observation is the
    resident's first waking step of the first day. Both memories start empty.

    ## Episode End

    The episode is truncated after ``days`` simulated days (at the last waking
    step); it never terminates. Steps while the resident sleeps are simulated
    inside ``step``.

    ## Info

    ``scores``, ``reasons``, ``noop``, ``time`` (ISO), ``activity``, ``day``
    (of the step rated), ``persona_id``, ``usage`` (LLM calls, tokens and
    latency of this step; zero on the embedded default), ``episode_usage``,
    ``candidate_ratings`` (``score_candidates`` calls since the last step).

    ## Arguments

    ``gym.make("ProPerSim-v0", **options)``, ``ProPerSimEnv(**options)`` or
    ``ProPerSimEnv(EnvConfig(...))``; every option is checked here, with a
    message naming it (:class:`~propersim_env.envs.EnvConfig`):

{arguments}

    ## Version History

    - v0: the study's setting: the resident rates every decision and lives
      its day as planned, whatever the assistant says.
    """

    metadata = {"render_modes": ["ansi", "human", "rgb_array"], "render_fps": 4}

    #: attributes made from the configuration (rebuilt, never saved)
    CONFIG_ATTRIBUTES = frozenset({"config", "days", "clock", "render_mode", "house", "feature_names",
                                   "observation_space", "action_space", "llm_client", "_residents", "spec",
                                   "_np_random_seed"})
    #: attributes a snapshot keeps (see :meth:`state_dict`)
    STATE_ATTRIBUTES = frozenset({"_np_random", "persona", "resident", "seat", "state", "episode_usage",
                                  "_total_steps"})

    def __init__(self, config: EnvConfig | None = None, **options: Any):
        if config is not None and options:
            raise TypeError("give either an EnvConfig or keyword options, not both")
        if config is not None and not isinstance(config, EnvConfig):
            raise TypeError(f"config must be an EnvConfig, got {type(config).__name__}")
        self.config = config = config or EnvConfig.from_options(options)
        self.llm_client = None
        if config.uses_llm:
            from ..llm import LLMClient, LLMConfig

            self.llm_client = LLMClient(LLMConfig.resolve(config.llm))
        self.days = config.days
        self.clock = SimClock(parse_start_date(config.start_date), config.seconds_per_step)
        self.render_mode = config.render_mode
        self.house = default_house()
        self.feature_names = feature_names(list(self.house.rooms))
        self.observation_space = spaces.Dict({
            "time": UnicodeText(64),
            "user_action": UnicodeText(512),
            "memory": UnicodeText(config.memory_chars),
            "features": spaces.Box(-1.0, 1.0, shape=(len(self.feature_names),), dtype=np.float32),
        })
        self.action_space = UnicodeText(MAX_ACTION_CHARS)
        self._residents: dict[int, Resident] = {}
        self.persona = None
        self.resident: Resident | None = None
        self.seat: AssistantSeat | None = None
        self.state: ResidentState | None = None
        self.episode_usage = Usage()
        self._total_steps = 0

    # ---- what other parts read -------------------------------------------------------
    @property
    def evaluation_memory(self):
        """The resident's memory of today (what the rater judges frequency from)."""
        return self.seat.evaluation_memory

    @property
    def assistant_memory(self):
        """The assistant-side memory (the ``memory`` observation)."""
        return self.seat.assistant_memory

    @property
    def evaluator(self):
        return self.seat.evaluator

    @property
    def minutes_per_step(self) -> float:
        """Simulated minutes per step (2.5 in the study)."""
        return self.clock.minutes_per_step

    # ---- Gymnasium API -----------------------------------------------------
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        choices = self.config.persona_choices
        pid = int(choices[int(self.np_random.integers(len(choices)))])
        if pid not in self._residents:
            self._residents[pid] = Resident(load_persona(pid), self.house, clock=self.clock, planner=self._planner())
        self.persona = load_persona(pid)
        self.resident = self._residents[pid]
        self.resident.reset(np.random.default_rng(self.np_random.integers(2**63)))
        self.seat = AssistantSeat(self.resident, list(self.house.rooms), self.config.memory_level,
                                  self.config.memory_chars, evaluator=self._evaluator(self.persona),
                                  on_evaluation_failure=self.config.on_evaluation_failure)
        self.episode_usage = Usage()
        usage_before = self._usage_now()
        self._total_steps = self.days * self.clock.steps_per_day
        self.state = self._next_awake_state()
        if self.state is None:
            raise RuntimeError(f"persona {pid} never woke up in {self.days} day(s)")
        if self.render_mode == "human":
            self.render()
        return self._observation(), self._info(self.state, None, self._usage_since(usage_before))

    def step(self, action):
        self._check_running("step")
        usage_before = self._usage_now()
        state_rated = self.state
        decided = self.seat.decide(action, state_rated)
        next_state = self._next_awake_state()  # may plan a new day: its calls count in this step
        truncated = next_state is None
        info = self._info(state_rated, decided, self._usage_since(usage_before))
        if next_state is not None:
            self.state = next_state
        if self.render_mode == "human":
            self.render()
        return self._observation(), decided.reward, False, truncated, info

    def score_candidates(self, texts: Sequence[str]) -> list[Rating]:
        """Rate candidate decisions in the current context without changing any state.

        This is how the study's ranking protocol builds preference pairs. Each
        call is counted in the next step's ``info["candidate_ratings"]``."""
        self._check_running("score_candidates")
        return self.seat.score_candidates(texts, self.state)

    def moment(self) -> Moment:
        """The current step's rating context as data: ``moment().rate(texts)`` rates texts as
        :meth:`score_candidates` would now, later and without the env (see :class:`~propersim_env.seat.Moment`).
        Not counted in ``info["candidate_ratings"]``: taking a moment rates nothing."""
        self._check_running("moment")
        return Moment.capture(self.persona.id, self.state, self.seat.evaluation_memory, self.config.evaluator,
                              self.config.evaluator_mode)

    def revise_suggestion(self, text: str) -> str:
        """The resident's own rewrite of a suggestion for the current moment (LLM evaluator only):
        ProPerAssistant's optional revision of a weak candidate. Changes no state; counted in the
        next step's ``info["candidate_ratings"]`` like a rating."""
        self._check_running("revise_suggestion")
        return self.seat.revise(text, self.state)

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
        return self._observation(), self._info(self.state, None, self._usage_since(usage_before))

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
        last = self.seat.last
        return last is not None and last.time == self.state.time

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
            state = resident.advance()
            self.seat.follow(state)
            if not state.sleeping:
                return state
        return None

    def _observation(self) -> dict:
        return self.seat.observation(self.state, self.resident.day / self.days)

    def _info(self, state: ResidentState, decided, usage: Usage) -> dict:
        info = self.seat.info(state, self.clock.day_of(state.step), decided, usage)
        info["episode_usage"] = self.episode_usage.to_dict()
        return info

    # ---- saving and resuming -----------------------------------------------------------
    def state_dict(self) -> dict:
        """Everything a snapshot needs to go on exactly from this step, by name, with
        ``"version"`` (:data:`STATE_VERSION`). The configuration is not in it: the loader
        makes the env from the same options first. An attribute that is neither saved
        (:attr:`STATE_ATTRIBUTES`) nor rebuilt (:attr:`CONFIG_ATTRIBUTES`) is refused, so a
        new one cannot silently go missing from snapshots."""
        if self.state is None:
            raise RuntimeError("call reset() before state_dict()")
        unknown = sorted(set(vars(self)) - self.CONFIG_ATTRIBUTES - self.STATE_ATTRIBUTES)
        if unknown:
            raise RuntimeError(f"ProPerSimEnv attribute(s) {unknown} are neither saved nor rebuilt: add them to "
                               "STATE_ATTRIBUTES and state_dict() (and raise STATE_VERSION), or to "
                               "CONFIG_ATTRIBUTES")
        return {"version": STATE_VERSION, "days": self.days, "np_random": self.np_random,
                "persona_id": self.persona.id, "resident": self.resident, "seat": self.seat.state_dict(),
                "state": self.state, "episode_usage": self.episode_usage}

    def load_state_dict(self, state: dict) -> None:
        """Go on from ``state`` (from :meth:`state_dict`, maybe of another process). The env must
        have been made with the same options and ``reset``."""
        version = state.get("version") if isinstance(state, dict) else None
        if version != STATE_VERSION:
            raise ValueError(f"env state version {version!r} is not {STATE_VERSION}, the version this "
                             f"propersim_env reads: it was written by "
                             f"{'an older' if version is None or version < STATE_VERSION else 'a newer'} version")
        missing = sorted({"days", "np_random", "persona_id", "resident", "seat", "state", "episode_usage"} - set(state))
        if missing:
            raise ValueError(f"env state (version {version}) lacks {missing}")
        if self.seat is None:
            raise RuntimeError("call reset() before load_state_dict()")
        self.days = state["days"]
        self._total_steps = self.days * self.clock.steps_per_day
        self.np_random = state["np_random"]
        self.persona = load_persona(state["persona_id"])
        self.resident = self._residents[self.persona.id] = state["resident"]
        self.seat = AssistantSeat(self.resident, list(self.house.rooms), self.config.memory_level,
                                  self.config.memory_chars, evaluator=self._evaluator(self.persona),
                                  on_evaluation_failure=self.config.on_evaluation_failure)
        self.seat.load_state_dict(state["seat"])
        self.state = state["state"]
        self.episode_usage = state["episode_usage"]

    # ---- LLM parts ---------------------------------------------------------------
    def _planner(self):
        if self.config.user_model == "scripted":
            return None  # the resident's default, the scripted planner
        from ..user.llm_planner import LLMPlanner

        return LLMPlanner(self.llm_client, self.house)

    def _evaluator(self, persona):
        if self.config.evaluator == "rubric":
            return RubricEvaluator(persona)
        from ..evaluation.llm_evaluator import LLMEvaluator

        return LLMEvaluator(persona, self.llm_client, self.config.evaluator_mode)

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
        s, last = self.state, self.seat.last
        lines = [self.house.ascii({s.tile: "@"}), f"{s.time:%a %Y-%m-%d %H:%M}  {s.action}"]
        if last is not None:
            said = last.suggestion or NO_RECOMMENDATION
            lines.append(f'last decision: "{said[:200]}" -> score {last.score}/4')
        return "\n".join(lines)

    def _render_rgb(self) -> np.ndarray:
        from ..render.image import draw_house

        last = self.seat.last
        return draw_house(self.house, self.state.tile,
                          None if last is None else last.score,
                          None if last is None else last.suggestion is None)



ProPerSimEnv.__doc__ = ProPerSimEnv.__doc__.format(arguments=docstring_arguments(EnvConfig, "    - "))
