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
``persona_id``, ``usage`` (LLM calls and tokens this step; zero here),
``candidate_ratings`` (how many ``score_candidates`` calls since the last step),
``activity``, ``day``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from ..evaluation import EvaluationMemory, Rating, RubricEvaluator, parse_decision
from ..personas import CATEGORIES, NUM_PERSONAS, load_persona
from ..user import Resident, ResidentState
from ..world import SimClock, default_house, parse_start_date
from .assistant_memory import AssistantMemory, Interaction
from .spaces import UnicodeText

MAX_ACTION_CHARS = 20_000
ZERO_USAGE = {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0, "latency_s": 0.0}


def _feature_names(rooms: Sequence[str]) -> list[str]:
    return (["minute_of_day", "time_sin", "time_cos", "day_fraction", "weekend"]
            + [f"category_{c}" for c in CATEGORIES]
            + [f"room_{r.replace(' ', '_')}" for r in rooms]
            + ["walking", "minutes_since_suggestion", "suggestions_this_hour", "suggestions_today",
               "last_score", "last_was_noop", "mean_score_today"])


class ProPerSimEnv(gym.Env):
    """The single-resident ProPerSim environment on the embedded default.

    Args:
        persona: a persona id (1-32), a list of ids to draw from at each reset,
            or ``"random"`` (any of the 32), drawn from the seeded generator.
        days: simulated days per episode; ``truncated`` is set when they end.
        seconds_per_step: simulated seconds per step (150, as the study).
        memory_level: what the memory observation shows: ``A``, ``AS``, ``ASC`` or ``ASCR``.
        start_date: the first simulated day (default 2025-02-13).
        render_mode: ``"ansi"`` or ``"rgb_array"``.
        memory_chars: the most characters the memory observation holds.
    """

    metadata = {"render_modes": ["ansi", "rgb_array"], "render_fps": 4}

    def __init__(self, persona: int | Sequence[int] | str = 1, days: int = 1, seconds_per_step: int = 150,
                 memory_level: str = "ASCR", start_date=None, render_mode: str | None = None,
                 memory_chars: int = 4000):
        self._persona_choices = _persona_choices(persona)
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
        self.feature_names = _feature_names(self._rooms)
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
            self._residents[pid] = Resident(load_persona(pid), self.house, clock=self.clock)
        self.persona = load_persona(pid)
        self.resident = self._residents[pid]
        self.resident.reset(np.random.default_rng(self.np_random.integers(2**63)))
        self.evaluator = RubricEvaluator(self.persona)
        self.evaluation_memory = EvaluationMemory()
        self.assistant_memory.reset()
        self._last: Interaction | None = None
        self._last_rating: Rating | None = None
        self._candidate_calls = 0
        self._total_steps = self.days * self.clock.steps_per_day
        self.state = self._next_awake_state()
        if self.state is None:
            raise RuntimeError(f"persona {pid} never woke up in {self.days} day(s)")
        return self._observation(), self._info(None, noop=True)

    def step(self, action):
        if self.state is None:
            raise RuntimeError("call reset() before step()")
        decision = parse_decision(action)
        rating = self.evaluator.rate(decision, self.state, self.evaluation_memory)
        self.evaluation_memory.record(self.state.time, decision, rating.total)
        self._last = Interaction(self.state.time, self.state.action, self.state.activity,
                                 None if decision.noop else decision.text, rating.total, dict(rating.reasons),
                                 dict(rating.scores))
        self._last_rating = rating
        self.assistant_memory.record(self._last)
        info = self._info(rating, decision.noop)
        next_state = self._next_awake_state()
        truncated = next_state is None
        if next_state is not None:
            self.state = next_state
        return self._observation(), float(rating.total), False, truncated, info

    def score_candidates(self, texts: Sequence[str]) -> list[Rating]:
        """Rate candidate decisions in the current context without changing any state.

        This is how the study's ranking protocol builds preference pairs. Each
        call is counted in the next step's ``info["candidate_ratings"]``."""
        if self.state is None:
            raise RuntimeError("call reset() before score_candidates()")
        if isinstance(texts, str):
            raise TypeError("score_candidates takes a list of texts, not one string")
        self._candidate_calls += 1
        return [self.evaluator.rate(parse_decision(t), self.state, self.evaluation_memory) for t in texts]

    def render(self):
        if self.render_mode == "ansi":
            return self._render_text()
        if self.render_mode == "rgb_array":
            return self._render_rgb()
        return None

    # ---- internals -----------------------------------------------------------
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
            "time": s.time.strftime("%A %Y-%m-%d %H:%M"),
            "user_action": s.action[:512],
            "memory": self.assistant_memory.to_text(s.time, s.activity),
            "features": self._features(),
        }

    def _features(self) -> np.ndarray:
        s = self.state
        mem = self.evaluation_memory
        minute = s.time.hour * 60 + s.time.minute
        f = np.zeros(len(self.feature_names), dtype=np.float32)
        f[0] = minute / 1440
        f[1] = math.sin(2 * math.pi * minute / 1440)
        f[2] = math.cos(2 * math.pi * minute / 1440)
        f[3] = min(1.0, self.resident.day / self.days)
        f[4] = float(s.time.weekday() >= 5)
        base = 5
        f[base + CATEGORIES.index(s.category)] = 1.0
        base += len(CATEGORIES)
        room = self.house.tile(*s.tile).room
        f[base + self._rooms.index(room)] = 1.0
        base += len(self._rooms)
        since = mem.minutes_since_last_suggestion(s.time)
        f[base] = float(s.walking)
        f[base + 1] = 1.0 if since is None else min(1.0, since / 600)
        f[base + 2] = min(1.0, mem.suggestions_in_hour(s.time) / 10)
        f[base + 3] = min(1.0, mem.suggestions_today / 20)
        last = self._last
        f[base + 4] = 0.0 if last is None else last.score / 4
        f[base + 5] = 0.0 if last is None else float(last.suggestion is None)
        f[base + 6] = mem.mean_score_today / 4
        return f

    def _info(self, rating: Rating | None, noop: bool) -> dict:
        s = self.state
        calls, self._candidate_calls = self._candidate_calls, 0
        return {
            "scores": dict(rating.scores) if rating else {},
            "reasons": dict(rating.reasons) if rating else {},
            "noop": noop,
            "time": s.time.isoformat(),
            "persona_id": self.persona.id,
            "usage": dict(ZERO_USAGE),
            "candidate_ratings": calls,
            "activity": s.activity,
            "day": self.resident.day,
        }

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
