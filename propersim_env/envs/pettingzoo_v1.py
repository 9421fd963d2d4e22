"""The v1 household: residents who listen, as a PettingZoo environment.

``parallel_env(personas=[1, 2, 3])`` (Parallel API) and ``env(personas=...)``
(AEC), also ``propersim_env.parallel_env_v1`` / ``propersim_env.env_v1``. See
:class:`ProPerSimHouseholdV1` for the environment's documentation.
"""

from __future__ import annotations

from gymnasium import spaces
from pettingzoo.utils import parallel_to_aec

from ..core import docstring_arguments
from ..seat import Decided
from ..user import ResidentState
from .config import HouseholdConfigV1
from .listener import REPLY_CHARS, Listener
from .pettingzoo_env import ProPerSimHousehold
from .spaces import UnicodeText

ENV_NAME = "propersim_household_v1"


class ProPerSimHouseholdV1(ProPerSimHousehold):
    """## Description

    The household of :class:`~propersim_env.envs.pettingzoo_env.ProPerSimHousehold`
    whose residents listen, as in ``ProPerSim-v1``
    (:class:`~propersim_env.envs.proper_sim_v1.ProPerSimV1Env`): each resident
    decides whether to act on the suggestion its own assistant made, may change
    its day (and so where it is, and whom it meets and talks with), replies in
    words, and has hidden needs and weekly goals
    (:class:`~propersim_env.envs.listener.Listener`, one per resident).

    ## Action Space

    Text for every agent, as in the v0 household.

    ## Observation Space

    The v0 household's ``Dict`` per agent plus ``resident_reply``: its resident's
    answer to the last suggestion (``""`` after a no-op, while asleep and at
    reset). The needs are never observed.

    ## Rewards

    Each agent's: its resident's rating (0 to 4; 0.0 while that resident
    sleeps), and at the household's last step of each day (the next step falls on
    another calendar day, or the episode ends) plus ``wellbeing_weight`` times
    that resident's day-end well-being score in [0, 1], as in ``ProPerSim-v1``:
    0.7 times the share of its needs in range over its waking steps plus 0.3
    times its weekly goals' progress. The well-being is delivered whether or not
    the resident is awake at that step. ``reward == info["rating"] +
    info["wellbeing"]`` for every agent.

    ## Starting State

    As in the v0 household; every resident's needs and goals start from its persona.

    ## Episode End

    As in the v0 household.

    ## Info

    The v0 household's keys and ``ProPerSim-v1``'s: ``rating``, ``wellbeing``,
    ``wellbeing_score``, ``needs_in_range``, ``goal_progress``, ``day_end``,
    ``proposed_activity``, ``accepted`` (``None`` after a no-op or while asleep),
    ``acted``, ``resident_reply``, and, for logs and oracles only, ``needs`` and
    ``goals``.

    ## Arguments

    ``parallel_env(**options)``, ``env(**options)`` or
    ``ProPerSimHouseholdV1(HouseholdConfigV1(...))``
    (:class:`~propersim_env.envs.HouseholdConfigV1`):

{arguments}

    ## Version History

    - v1 (``propersim_household_v1``): residents who listen, with needs, goals
      and a day-end well-being term.
    - v0 (``propersim_household_v0``): the study's rating and a day lived as
      planned.
    """

    metadata = {**ProPerSimHousehold.metadata, "name": ENV_NAME}
    CONFIG = HouseholdConfigV1
    STATE_ATTRIBUTES = ProPerSimHousehold.STATE_ATTRIBUTES | frozenset({"listeners"})

    def __init__(self, config: HouseholdConfigV1 | None = None, **options):
        self.listeners: list[Listener] | None = None
        super().__init__(config, **options)
        for agent in self.possible_agents:
            self._observation_spaces[agent] = spaces.Dict({**self._observation_spaces[agent].spaces,
                                                           "resident_reply": UnicodeText(REPLY_CHARS)})

    def reset(self, seed: int | None = None, options: dict | None = None):
        self.listeners = None  # the steps before the first waking one are not followed, as in ProPerSim-v1
        observations, infos = super().reset(seed=seed, options=options)
        self.listeners = [Listener(r.persona) for r in self.household.residents]
        for listener, state in zip(self.listeners, self.states):
            listener.track(state, self.clock)
        for agent, listener in zip(self.possible_agents, self.listeners):
            observations[agent]["resident_reply"] = ""
            infos[agent].update(listener.quiet())
        return observations, infos

    def extend(self, days: int):
        extended = super().extend(days)
        if extended is not None:
            for info, listener in zip(extended[1].values(), self.listeners):
                info.update(listener.quiet())
        return extended

    # ---- the residents who listen --------------------------------------------------
    def _heard(self, k: int, decided: Decided | None, state: ResidentState, info: dict) -> None:
        listener = self.listeners[k]
        suggestion = None if decided is None or decided.noop else self.seats[k].last.suggestion
        rating = decided.reward if decided is not None else 0.0
        info.update(rating=rating, **listener.hear(rating, suggestion, state, self.household.residents[k],
                                                   self.clock, self._np_random))

    def _stepped(self, day: int, next_states: tuple[ResidentState, ...] | None, rewards: dict,
                 infos: dict) -> None:
        day_end = next_states is None or self.clock.day_of(next_states[0].step) != day
        for agent, listener in zip(self.possible_agents, self.listeners):
            infos[agent].update(listener.step_end(day, day_end, self.config.wellbeing_weight))
            rewards[agent] += infos[agent]["wellbeing"]

    def _lived(self, states: tuple[ResidentState, ...]) -> None:
        if self.listeners is not None:
            for listener, state in zip(self.listeners, states):
                listener.track(state, self.clock)

    def _observations(self, states: tuple[ResidentState, ...]) -> dict:
        observations = super()._observations(states)
        if self.listeners is not None:
            for agent, listener in zip(self.possible_agents, self.listeners):
                observations[agent]["resident_reply"] = listener.reply
        return observations

    def _render_text(self) -> str:
        lines = [super()._render_text()]
        for k, listener in enumerate(self.listeners or ()):
            if listener.reply:
                lines.append(f'{k + 1} replied: "{listener.reply}"')
        return "\n".join(lines)

    # ---- saving and resuming -----------------------------------------------------------
    def state_dict(self) -> dict:
        """The v0 household's state and ``"listening"``: one
        :class:`~propersim_env.envs.listener.Listener` per resident."""
        state = super().state_dict()
        state["listening"] = list(self.listeners)
        return state

    def load_state_dict(self, state: dict) -> None:
        listeners = state.get("listening") if isinstance(state, dict) else None
        if listeners is None:
            raise ValueError("household state lacks 'listening': it was saved by propersim_household_v0, "
                             "not propersim_household_v1")
        if not all(isinstance(x, Listener) for x in listeners) or len(listeners) != len(self.possible_agents):
            raise ValueError(f"household state's 'listening' must hold one Listener per resident "
                             f"({len(self.possible_agents)})")
        super().load_state_dict(state)
        self.listeners = list(listeners)


def parallel_env(config: HouseholdConfigV1 | None = None, **options) -> ProPerSimHouseholdV1:
    """The v1 household as a PettingZoo ``ParallelEnv`` (see :class:`ProPerSimHouseholdV1`)."""
    return ProPerSimHouseholdV1(config, **options)


def env(config: HouseholdConfigV1 | None = None, **options):
    """The v1 household as a PettingZoo ``AECEnv`` (the assistants act in turn)."""
    return parallel_to_aec(parallel_env(config, **options))


#: the names ``propersim_env.parallel_env_v1`` / ``propersim_env.env_v1`` give
parallel_env_v1, env_v1 = parallel_env, env

ProPerSimHouseholdV1.__doc__ = ProPerSimHouseholdV1.__doc__.format(
    arguments=docstring_arguments(HouseholdConfigV1, "    - "))
