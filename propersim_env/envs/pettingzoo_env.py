"""The household as a PettingZoo environment: one assistant per resident.

``parallel_env(personas=[1, 2, 3])`` (Parallel API) and ``env(personas=...)``
(AEC, through PettingZoo's ``parallel_to_aec``). See
:class:`ProPerSimHousehold` for the environment's documentation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from gymnasium import spaces
from gymnasium.utils import seeding
from pettingzoo import ParallelEnv
from pettingzoo.utils import parallel_to_aec

from ..core import NO_RECOMMENDATION, docstring_arguments, parse_decision
from ..evaluation import Rating
from ..llm.usage import Usage
from ..personas import load_persona
from ..seat import AssistantSeat, Decided, feature_names
from ..user import Household, ResidentState, ScriptedConverser
from ..world import SimClock, default_house, parse_start_date
from .config import HouseholdConfig
from .spaces import UnicodeText

ENV_NAME = "propersim_household_v0"
MAX_ACTION_CHARS = 20_000
HOUSEHOLD_CHARS = 2048
_NO_USAGE = Usage()
#: each resident's colour in the rgb_array render and the replay page, in the household's order
RESIDENT_COLOURS = [(220, 40, 40), (40, 90, 220), (230, 150, 20)]

#: The version of :meth:`ProPerSimHousehold.state_dict`; raised whenever its fields change.
HOUSEHOLD_STATE_VERSION = 1


class ProPerSimHousehold(ParallelEnv):
    """## Description

    A household of one to three residents (one bedroom each) who share the
    house's rooms and objects, meet and talk
    (:class:`~propersim_env.user.Household`). Each resident is served by its
    own agent, ``assistant_<first name>`` (e.g. ``assistant_sofia``), on the
    same seat as ``ProPerSim-v0`` (:class:`~propersim_env.seat.AssistantSeat`).
    Only the embedded default (scripted residents, rubric ratings, scripted
    conversations) runs here.

    ## Action Space

    Text for every agent, as in ``ProPerSim-v0``: ``""`` or ``"No Recommendation"``
    is the no-op. Every live agent acts at every step.

    ## Observation Space

    Each agent's ``Dict`` is ``ProPerSim-v0``'s (``time``, ``user_action``,
    ``memory``, ``features``) plus ``household``: what the other residents are
    doing (one line each), then the conversation its resident had at this
    step, if any; empty for a household of one.

    ## Rewards

    Each agent's reward is its own resident's rating, 0 to 4. An assistant whose
    resident is asleep cannot reach it: its action is checked (it must be text)
    but not delivered or rated; its reward is 0.0 and ``info["rated"]`` is
    ``False``.

    ## Starting State

    ``reset(seed=...)`` seeds every resident's day from one generator; the first
    step is the first one at which someone is awake.

    ## Episode End

    One step is one clock step (150 simulated seconds) at which at least one
    resident is awake; steps while everyone sleeps are simulated inside
    ``step``. Agents never terminate; all are truncated together when the
    configured days end.

    ## Info

    Each agent's: ``scores``, ``reasons``, ``noop``, ``rated``, ``time``,
    ``activity`` and ``day`` (of the step rated), ``persona_id``,
    ``resident``, ``usage`` (zero: the embedded default),
    ``candidate_ratings``.

    ## Arguments

    ``parallel_env(**options)``, ``env(**options)`` or
    ``ProPerSimHousehold(HouseholdConfig(...))``; every option is checked
    here, with a message naming it (:class:`~propersim_env.envs.HouseholdConfig`):

{arguments}

    ## Version History

    - v0 (``propersim_household_v0``): the study's rating and a day lived as
      planned, for up to three residents.
    """

    metadata = {"name": ENV_NAME, "render_modes": ["ansi", "human", "rgb_array"], "render_fps": 4,
                "is_parallelizable": True}

    #: the options' type
    CONFIG = HouseholdConfig
    #: attributes made from the configuration (rebuilt, never saved)
    CONFIG_ATTRIBUTES = frozenset({"config", "days", "render_mode", "house", "clock", "feature_names",
                                   "possible_agents", "_observation_spaces", "_action_spaces"})
    #: attributes a snapshot keeps (see :meth:`state_dict`); the seats are saved through their own
    #: ``state_dict`` and rebuilt around the saved residents, with ``_seat``
    STATE_ATTRIBUTES = frozenset({"_np_random", "household", "seats", "_seat", "agents", "states",
                                  "_total_steps"})

    def __init__(self, config: HouseholdConfig | None = None, **options):
        if config is not None and options:
            raise TypeError("give either a HouseholdConfig or keyword options, not both")
        if config is not None and not isinstance(config, self.CONFIG):
            raise TypeError(f"config must be a {self.CONFIG.__name__}, got {type(config).__name__}")
        self.config = config = config or self.CONFIG.from_options(options)
        house = default_house()
        if len(config.personas) > len(house.bedrooms):
            raise ValueError(f"personas: the house has {len(house.bedrooms)} bedrooms, so a household has at most "
                             f"{len(house.bedrooms)} residents; got {len(config.personas)} personas")
        self.days = config.days
        self.render_mode = config.render_mode
        self.house = house
        self.clock = SimClock(parse_start_date(config.start_date), config.seconds_per_step)
        self.household = Household([load_persona(p) for p in config.personas], house, clock=self.clock,
                                   converser=ScriptedConverser(config.conversation_chance), meeting=config.meeting)
        rooms = list(house.rooms)
        self.feature_names = feature_names(rooms)
        self.seats = [AssistantSeat(r, rooms, config.memory_level, config.memory_chars)
                      for r in self.household.residents]
        self.possible_agents = _agent_names([r.persona for r in self.household.residents])
        self._seat = dict(zip(self.possible_agents, self.seats))
        self._observation_spaces = {
            agent: spaces.Dict({
                "time": UnicodeText(64),
                "user_action": UnicodeText(512),
                "memory": UnicodeText(config.memory_chars),
                "features": spaces.Box(-1.0, 1.0, shape=(len(self.feature_names),), dtype=np.float32),
                "household": UnicodeText(HOUSEHOLD_CHARS),
            })
            for agent in self.possible_agents
        }
        self._action_spaces = {agent: UnicodeText(MAX_ACTION_CHARS) for agent in self.possible_agents}
        self.agents: list[str] = []
        self.states: tuple[ResidentState, ...] | None = None
        self._np_random: np.random.Generator | None = None

    # ---- spaces ------------------------------------------------------------------
    def observation_space(self, agent: str) -> spaces.Dict:
        """The same object on every call for one agent."""
        return self._observation_spaces[self._known(agent)]

    def action_space(self, agent: str) -> UnicodeText:
        """The same object on every call for one agent."""
        return self._action_spaces[self._known(agent)]

    def _known(self, agent: str) -> str:
        if agent not in self._seat:
            raise KeyError(f"unknown agent {agent!r}; the agents are {', '.join(self.possible_agents)}")
        return agent

    # ---- Parallel API ------------------------------------------------------------
    def reset(self, seed: int | None = None, options: dict | None = None):
        if seed is not None or self._np_random is None:
            self._np_random, _ = seeding.np_random(seed)
        self.household.reset(np.random.default_rng(int(self._np_random.integers(2**63))))
        for seat in self.seats:
            seat.reset()
        self._total_steps = self.days * self.clock.steps_per_day
        self.states = self._next_waking_step()
        if self.states is None:
            raise RuntimeError(f"nobody in the household woke up in {self.days} day(s)")
        self.agents = list(self.possible_agents)
        observations = self._observations(self.states)
        day = self.clock.day_of(self.states[0].step)
        infos = {agent: self._info(seat, state, day, None, rated=False)
                 for agent, seat, state in zip(self.possible_agents, self.seats, self.states)}
        if self.render_mode == "human":
            self.render()
        return observations, infos

    def step(self, actions: dict):
        self._check_running("step")
        if not isinstance(actions, dict):
            raise TypeError(f"actions must be a dict from agent name to text, got {type(actions).__name__}")
        unknown = sorted(str(a) for a in actions if a not in self._seat)
        if unknown:
            raise ValueError(f"actions for unknown agents {unknown}; the agents are {', '.join(self.agents)}")
        missing = [a for a in self.agents if a not in actions]
        if missing:
            raise ValueError(f"every live agent must act at every step; no action for {', '.join(missing)}")
        rated_states = self.states
        day = self.clock.day_of(rated_states[0].step)
        rewards, infos = {}, {}
        for k, (agent, seat, state) in enumerate(zip(self.possible_agents, self.seats, rated_states)):
            if state.sleeping:  # the assistant cannot reach a sleeping resident: nothing to rate
                unrated = Decided(None, parse_decision(actions[agent]).noop)
                rewards[agent], infos[agent] = 0.0, self._info(seat, state, day, unrated, rated=False)
                self._heard(k, None, state, infos[agent])
                continue
            decided = seat.decide(actions[agent], state)
            rewards[agent], infos[agent] = decided.reward, self._info(seat, state, day, decided, rated=True)
            self._heard(k, decided, state, infos[agent])
        next_states = self._next_waking_step()
        finished = next_states is None
        self._stepped(day, next_states, rewards, infos)
        if not finished:
            self.states = next_states
        observations = self._observations(self.states)
        terminations = dict.fromkeys(self.agents, False)
        truncations = dict.fromkeys(self.agents, finished)
        if finished:
            self.agents = []
        if self.render_mode == "human":
            self.render()
        return observations, rewards, terminations, truncations, infos

    def score_candidates(self, agent: str, texts: Sequence[str]) -> list[Rating]:
        """Rate candidate decisions for ``agent``'s resident now without changing any state
        (counted in that agent's next ``info["candidate_ratings"]``)."""
        self._check_running("score_candidates")
        seat = self._seat[self._known(agent)]
        return seat.score_candidates(texts, self.states[self.seats.index(seat)])

    def render(self):
        if self.states is None or self.render_mode is None:
            return None
        if self.render_mode == "ansi":
            return self._render_text()
        if self.render_mode == "human":  # a text env's view for people: the ansi frame on stdout, no window
            print(self._render_text(), end="\n\n", flush=True)
            return None
        return self._render_rgb()

    def close(self):
        pass

    # ---- saving and resuming -----------------------------------------------------------
    def state_dict(self) -> dict:
        """Everything a snapshot needs to go on exactly from this step, by name, with
        ``"version"`` (:data:`HOUSEHOLD_STATE_VERSION`). The configuration is not in it: the
        loader makes the env from the same options first. An attribute that is neither saved
        (:attr:`STATE_ATTRIBUTES`) nor rebuilt (:attr:`CONFIG_ATTRIBUTES`) is refused, so a new
        one cannot silently go missing from snapshots."""
        if self.states is None:
            raise RuntimeError("call reset() before state_dict()")
        unknown = sorted(set(vars(self)) - self.CONFIG_ATTRIBUTES - self.STATE_ATTRIBUTES)
        if unknown:
            raise RuntimeError(f"ProPerSimHousehold attribute(s) {unknown} are neither saved nor rebuilt: add "
                               "them to STATE_ATTRIBUTES and state_dict() (and raise HOUSEHOLD_STATE_VERSION), "
                               "or to CONFIG_ATTRIBUTES")
        return {"version": HOUSEHOLD_STATE_VERSION, "np_random": self._np_random,
                "personas": [r.persona.id for r in self.household.residents], "household": self.household,
                "seats": {agent: seat.state_dict() for agent, seat in self._seat.items()},
                "agents": list(self.agents), "states": self.states, "days": self.days}

    def load_state_dict(self, state: dict) -> None:
        """Go on from ``state`` (from :meth:`state_dict`, maybe of another process). The env must
        have been made with the same options."""
        version = state.get("version") if isinstance(state, dict) else None
        if version != HOUSEHOLD_STATE_VERSION:
            older = version is None or (isinstance(version, int) and version < HOUSEHOLD_STATE_VERSION)
            raise ValueError(f"household state version {version!r} is not {HOUSEHOLD_STATE_VERSION}, the version "
                             f"this propersim_env reads: it was written by {'an older' if older else 'a newer'} "
                             "version")
        if "listening" in state and "listeners" not in self.STATE_ATTRIBUTES:
            raise ValueError("the household state holds residents who listen: it was saved by "
                             "propersim_household_v1; open it with propersim_env.parallel_env_v1")
        missing = sorted({"np_random", "personas", "household", "seats", "agents", "states", "days"} - set(state))
        if missing:
            raise ValueError(f"household state (version {version}) lacks {missing}")
        personas = [r.persona.id for r in self.household.residents]
        if list(state["personas"]) != personas or set(state["seats"]) != set(self.possible_agents):
            raise ValueError(f"the household state is of personas {list(state['personas'])}, but this env's "
                             f"are {personas}: make the env with the options that saved it")
        self._np_random = state["np_random"]
        self.household = state["household"]
        rooms = list(self.house.rooms)
        self.seats = [AssistantSeat(r, rooms, self.config.memory_level, self.config.memory_chars)
                      for r in self.household.residents]
        self._seat = dict(zip(self.possible_agents, self.seats))
        for agent, seat in self._seat.items():
            seat.load_state_dict(state["seats"][agent])
        self.agents = list(state["agents"])
        self.states = state["states"]
        self.days = state["days"]
        self._total_steps = self.days * self.clock.steps_per_day

    def extend(self, days: int):
        """Lengthen the running episode to ``days`` days in all (a saved household forked to run
        on). If the episode had ended (every agent truncated), simulate on to the next step when
        someone is awake and return its ``(observations, infos)``; otherwise return ``None``."""
        if self.states is None:
            raise RuntimeError("call reset() before extend()")
        if isinstance(days, bool) or not isinstance(days, int) or days < self.days:
            raise ValueError(f"extend() needs at least the episode's {self.days} days, got {days!r}")
        ended = not self.agents
        self.days = days
        self._total_steps = days * self.clock.steps_per_day
        if not ended:
            return None
        states = self._next_waking_step()
        if states is None:
            return None
        self.states = states
        self.agents = list(self.possible_agents)
        day = self.clock.day_of(states[0].step)
        infos = {agent: self._info(seat, state, day, None, rated=False)
                 for agent, seat, state in zip(self.possible_agents, self.seats, states)}
        return self._observations(states), infos

    # ---- internals -----------------------------------------------------------------
    def _check_running(self, method: str) -> None:
        if self.states is None:
            raise RuntimeError(f"call reset() before {method}()")
        if not self.agents:
            raise RuntimeError(f"the episode ended (its {self.days} day(s) are over: every agent was truncated "
                               f"and none is left); call reset() before {method}()")

    def _next_waking_step(self) -> tuple[ResidentState, ...] | None:
        """Advance the household to the next step when someone is awake (``None`` when the days end)."""
        household = self.household
        while household.step_index + 1 < self._total_steps:
            states = household.advance()
            for seat, state in zip(self.seats, states):
                seat.follow(state)
            self._lived(states)
            if not all(s.sleeping for s in states):
                return states
        return None

    # hooks for a household whose residents listen (ProPerSimHouseholdV1); nothing here
    def _heard(self, k: int, decided: Decided | None, state: ResidentState, info: dict) -> None:
        """Resident ``k`` heard ``decided`` (``None``: asleep, not delivered); may add to ``info``."""

    def _stepped(self, day: int, next_states: tuple[ResidentState, ...] | None, rewards: dict,
                 infos: dict) -> None:
        """Every decision of a step on day ``day`` is rated and the household has moved on to
        ``next_states`` (``None``: the days ended); may add to ``rewards`` and ``infos``."""

    def _lived(self, states: tuple[ResidentState, ...]) -> None:
        """The household lived one clock step (awake or not)."""

    def _observations(self, states: tuple[ResidentState, ...]) -> dict:
        day_fraction = self.clock.day_of(states[0].step) / self.days
        return {agent: {**seat.observation(state, day_fraction), "household": self._household_text(k, states)}
                for k, (agent, seat, state) in enumerate(zip(self.possible_agents, self.seats, states))}

    @staticmethod
    def _info(seat: AssistantSeat, state: ResidentState, day: int, decided: Decided | None, rated: bool) -> dict:
        info = seat.info(state, day, decided, _NO_USAGE)  # the embedded default makes no LLM calls
        info["rated"] = rated
        info["resident"] = seat.resident.name
        return info

    def _household_text(self, me: int, states: tuple[ResidentState, ...]) -> str:
        lines = [s.action for k, s in enumerate(states) if k != me]
        name = self.household.residents[me].name
        for talk in self.household.new_conversations:
            if name in talk.participants:
                lines.append(f"Just now: {talk.transcript()}")
        text = "\n".join(lines)
        return text if len(text) <= HOUSEHOLD_CHARS else text[: HOUSEHOLD_CHARS - 1] + "…"

    def _render_text(self) -> str:
        marks = {s.tile: str(k + 1) for k, s in enumerate(self.states)}
        lines = [self.house.ascii(marks), f"{self.states[0].time:%a %Y-%m-%d %H:%M}"]
        for k, (seat, state) in enumerate(zip(self.seats, self.states)):
            lines.append(f"{k + 1} {state.action}")
            if seat.last is not None:
                said = seat.last.suggestion or NO_RECOMMENDATION
                lines.append(f'  last decision: "{said[:160]}" -> score {seat.last.score}/4')
        for talk in self.household.new_conversations:
            lines.append(f"  talk: {talk.transcript()}")
        return "\n".join(lines)

    def _render_rgb(self) -> np.ndarray:
        from ..render.image import STRIP, TILE, draw_house

        image = draw_house(self.house, None, None, None)
        pad = TILE // 4
        for k, state in enumerate(self.states):
            x, y = state.tile
            offset = k * 2  # residents on one tile stay visible side by side
            image[STRIP + y * TILE + pad: STRIP + (y + 1) * TILE - pad,
                  x * TILE + pad - 2 + offset: (x + 1) * TILE - pad - 2 + offset] = RESIDENT_COLOURS[k]
        return image


def parallel_env(config: HouseholdConfig | None = None, **options) -> ProPerSimHousehold:
    """The household as a PettingZoo ``ParallelEnv`` (see :class:`ProPerSimHousehold`)."""
    return ProPerSimHousehold(config, **options)


def env(config: HouseholdConfig | None = None, **options):
    """The household as a PettingZoo ``AECEnv``: the assistants act in turn, in
    ``possible_agents`` order, and the household advances after the last one."""
    return parallel_to_aec(parallel_env(config, **options))


ProPerSimHousehold.__doc__ = ProPerSimHousehold.__doc__.format(
    arguments=docstring_arguments(HouseholdConfig, "    - "))


def _agent_names(personas) -> list[str]:
    """``assistant_<first name>``, or ``assistant_<full name>`` when first names repeat."""
    def slug(text: str) -> str:
        return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")

    firsts = [slug(p.first_name) for p in personas]
    if len(set(firsts)) == len(firsts):
        return [f"assistant_{f}" for f in firsts]
    return [f"assistant_{slug(p.name)}" for p in personas]
