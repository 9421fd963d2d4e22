"""The environments' options, typed and checked once.

``gym.make("ProPerSim-v0", persona=7, days=3)`` fills an :class:`EnvConfig`;
``propersim_env.parallel_env(personas=[1, 2])`` a :class:`HouseholdConfig`.
Both check every value when made, with a message naming the option. Each field
carries its meaning and allowed values (:func:`propersim_env.core.option`), from
which the env docstrings and the command lines' ``--options`` are generated.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from .. import argtypes
from ..core import MEMORY_LEVELS, option, parse_memory_level
from ..personas import persona_ids
from ..seat import EVALUATION_FAILURE_MODES
from ..world import SimClock, parse_start_date

RENDER_MODES = ("ansi", "human", "rgb_array")
MIN_MEMORY_CHARS = 32


def _positive_int(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")


def _one_of(name: str, value, allowed) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}, got {value!r}")


@dataclass(frozen=True)
class SharedConfig:
    """The options both environments take."""

    days: int = option(1, "simulated days per episode; the episode (every agent) is truncated when they end",
                       allowed="a positive integer", parse=argtypes.positive_int)
    seconds_per_step: int = option(150, "simulated seconds per step (the study: 150, 24 steps an hour)",
                                   allowed="a positive integer dividing 86400", parse=argtypes.seconds_per_step)
    memory_level: str = option("ASCR", "what the memory observation shows of each past interaction: A the "
                               "resident's action, S the suggestion, C the score, R the reasons; the mixes "
                               "show the last field for 10% or 20% of interactions", choices=MEMORY_LEVELS)
    start_date: str | None = option(None, "the first simulated day (None: 2025-02-13, a Thursday)",
                                    allowed="an ISO date YYYY-MM-DD", parse=argtypes.iso_date)
    render_mode: str | None = option(None, "'ansi': render() returns the text frame; 'human': the same frame "
                                     "printed after reset and every step; 'rgb_array': an image",
                                     choices=RENDER_MODES)
    memory_chars: int = option(4000, "the most characters the memory observation holds",
                               allowed=f"an integer of at least {MIN_MEMORY_CHARS}", parse=argtypes.positive_int)

    def __post_init__(self):
        _positive_int("days", self.days)
        SimClock(seconds_per_step=self.seconds_per_step)  # names seconds_per_step when it is wrong
        parse_memory_level(self.memory_level)
        if isinstance(self.start_date, (date, datetime)):
            object.__setattr__(self, "start_date", self.start_date.isoformat()[:10])
        parse_start_date(self.start_date)
        if self.render_mode is not None:
            _one_of("render_mode", self.render_mode, RENDER_MODES)
        m = self.memory_chars
        if isinstance(m, bool) or not isinstance(m, numbers.Integral) or m < MIN_MEMORY_CHARS:
            raise ValueError(f"memory_chars must be an integer of at least {MIN_MEMORY_CHARS}, got {m!r}")

    @classmethod
    def from_options(cls, options: dict[str, Any]):
        """The config from keyword options, naming any unknown one."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise TypeError(f"unknown option(s) {', '.join(unknown)}; {cls.__name__} takes: {', '.join(sorted(known))}")
        return cls(**options)

    def options(self) -> dict[str, Any]:
        """The options that differ from the defaults (JSON values: what a saved simulation keeps)."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != f.default:
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True)
class EnvConfig(SharedConfig):
    """The options of ``ProPerSim-v0`` (see :class:`~propersim_env.envs.ProPerSimEnv`)."""

    persona: int | tuple[int, ...] | str = option(
        1, "the resident's persona; with a list or 'random', drawn at each reset from the seeded generator",
        allowed="an id 1-32, a list of ids (comma-separated on a command line), or 'random'",
        parse=argtypes.persona_choice)
    user_model: str = option("scripted", "who plans the resident's days: the embedded scripted planner or an LLM",
                             choices=("scripted", "llm"))
    evaluator: str = option("rubric", "who rates the decisions: the embedded rubric or an LLM",
                            choices=("rubric", "llm"))
    evaluator_mode: str = option("joint", "LLM evaluator only: one call for all criteria, or one per criterion "
                                 "as the study", choices=("joint", "separate"))
    llm: Any = option(None, "LLM settings, needed when user_model or evaluator is 'llm' (unset fields come "
                      "from PROPERSIM_LLM_* environment variables)",
                      allowed="a dict, an LLMConfig, or a TOML/JSON file path")
    on_evaluation_failure: str = option("raise", "a failed LLM evaluation: raise its error, or flag it (reward "
                                        "NaN, info['evaluation_failed']; never a silent 0)",
                                        choices=EVALUATION_FAILURE_MODES)

    def __post_init__(self):
        super().__post_init__()
        if self.persona != "random":
            ids = persona_ids(self.persona, "persona", or_else=", or 'random'")
            object.__setattr__(self, "persona", ids[0] if isinstance(self.persona, numbers.Integral) else ids)
        _one_of("user_model", self.user_model, ("scripted", "llm"))
        _one_of("evaluator", self.evaluator, ("rubric", "llm"))
        _one_of("evaluator_mode", self.evaluator_mode, ("joint", "separate"))
        _one_of("on_evaluation_failure", self.on_evaluation_failure, EVALUATION_FAILURE_MODES)
        if self.llm is not None and "llm" not in (self.user_model, self.evaluator):
            raise ValueError("llm settings were given, but neither user_model nor evaluator is 'llm'")

    @property
    def persona_choices(self) -> tuple[int, ...]:
        """The ids a reset draws from."""
        if self.persona == "random":
            return tuple(range(1, 33))
        return self.persona if isinstance(self.persona, tuple) else (self.persona,)

    @property
    def uses_llm(self) -> bool:
        return "llm" in (self.user_model, self.evaluator)


@dataclass(frozen=True)
class HouseholdConfig(SharedConfig):
    """The options of the PettingZoo household (see :class:`~propersim_env.envs.pettingzoo_env.ProPerSimHousehold`)."""

    personas: tuple[int, ...] = option((1, 2, 3), "one persona per resident, all different; at most one per "
                                       "bedroom of the house (three)", allowed="a list of 1-3 ids 1-32",
                                       parse=argtypes.persona_ids)
    conversation_chance: float = option(0.5, "the chance that two residents who meet talk",
                                        allowed="a probability 0-1", parse=argtypes.probability)
    meeting: Any = option(None, "when residents can talk (None: the default MeetingRules)",
                          allowed="a propersim_env.user.MeetingRules")

    def __post_init__(self):
        super().__post_init__()
        if isinstance(self.personas, (numbers.Integral, str, bytes)) or not self.personas:
            raise ValueError(f"personas must be a non-empty list of persona ids (1-32), got {self.personas!r}")
        ids = persona_ids(self.personas, "personas")
        if len(set(ids)) != len(ids):
            raise ValueError(f"personas: each resident must be a different persona, got {list(ids)}")
        object.__setattr__(self, "personas", ids)
        c = self.conversation_chance
        if isinstance(c, bool) or not isinstance(c, numbers.Real) or math.isnan(c) or not 0 <= c <= 1:
            raise ValueError(f"conversation_chance must be a probability from 0 to 1, got {c!r}")


def _wellbeing_weight():
    """The one v1 option, declared once for the single env and the household."""
    return option(
        100.0, "ProPerSim-v1: the day-end well-being score (0-1: needs in range, weekly goal progress) times "
        "this is added to the reward at each day's last waking step (100 is about a fifth of a day of "
        "ratings); 0 leaves the ratings alone",
        allowed="a non-negative number", parse=float)


def _check_wellbeing_weight(w) -> None:
    if isinstance(w, bool) or not isinstance(w, numbers.Real) or math.isnan(w) or w < 0 or math.isinf(w):
        raise ValueError(f"wellbeing_weight must be a non-negative number, got {w!r}")


@dataclass(frozen=True)
class EnvConfigV1(EnvConfig):
    """The options of ``ProPerSim-v1``: v0's and the weight of the day-end well-being
    (see :class:`~propersim_env.envs.proper_sim_v1.ProPerSimV1Env`)."""

    wellbeing_weight: float = _wellbeing_weight()

    def __post_init__(self):
        super().__post_init__()
        _check_wellbeing_weight(self.wellbeing_weight)


@dataclass(frozen=True)
class HouseholdConfigV1(HouseholdConfig):
    """The options of the v1 household: v0's and the weight of each resident's day-end
    well-being (see :class:`~propersim_env.envs.pettingzoo_v1.ProPerSimHouseholdV1`)."""

    wellbeing_weight: float = _wellbeing_weight()

    def __post_init__(self):
        super().__post_init__()
        _check_wellbeing_weight(self.wellbeing_weight)
