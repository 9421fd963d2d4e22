"""``ProPerSim-v1``: a resident who listens, so that a suggestion has consequences.

See :class:`ProPerSimV1Env` for the environment's documentation.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from gymnasium import spaces

from ..core import docstring_arguments
from .config import EnvConfig, EnvConfigV1
from .listener import REPLY_CHARS, Listener
from .proper_sim import ProPerSimEnv
from .spaces import UnicodeText

__all__ = ["ProPerSimV1Env"]


class ProPerSimV1Env(ProPerSimEnv):
    """## Description

    ``ProPerSim-v0`` (see :class:`~propersim_env.envs.ProPerSimEnv`) with a
    resident who listens. After a rated suggestion the resident decides whether
    to act on it; an accepted proposal that maps to an activity of the
    vocabulary replaces the current flexible block of its day (anchors, i.e.
    sleep, work, meals and the bedtime routine, never move; the rest of the day
    is repaired as the planner repairs days). The resident has hidden needs
    (energy, movement, nourishment, social contact, calm: levels in [0, 1]
    that drift each simulated minute, which activities satisfy or deplete, at
    rates from the persona's traits and routine; :mod:`propersim_env.user.needs`)
    and weekly goals from its long-term goals and interests
    (:mod:`propersim_env.user.goals`). The problem becomes sequential: what the
    assistant says changes what the resident does, and so its needs and goals.

    ## Acceptance

    The chance of acting on a suggestion rises with its rating and follows the
    persona (agreeableness and openness raise it; work, meals and
    do-not-disturb activities lower it; proposing what the least met need wants
    raises it); drawn from the env's seeded generator
    (:mod:`propersim_env.user.acceptance`). What the suggestion proposes is read
    by :func:`~propersim_env.envs.proposal_activity.proposed_activity`.

    ## What a change costs

    Only a change that meets a need that is actually low helps. An activity's
    refill of a need tapers off above ``SATED`` (nothing at 1); every change
    made on a suggestion costs calm and energy at once (``SWITCH_COST``) and
    the displaced activity's own benefit is lost; every suggestion heard costs
    a little calm, more during busy, focused time (``INTERRUPTION_COST``); and
    a weekly goal counts at most one session a day
    (:mod:`propersim_env.user.needs`, :mod:`propersim_env.user.goals`). So
    pushing the resident around at random lowers its well-being.

    ## Observation Space

    v0's ``Dict`` plus ``resident_reply``: the resident's short spoken answer
    to the last suggestion ("Good idea, thank you." / "Not now, I'm in the
    middle of something."; curt when a need is critical: "I'm too tired for
    that."), ``""`` after a no-op and at reset. The needs are never observed.

    ## Rewards

    The rating, 0 to 4, as in v0; at a day's last waking step (the next waking
    step falls on another calendar day, or the episode ends) plus
    ``wellbeing_weight`` times the day's well-being score in [0, 1]: 0.7 times
    the share of needs in their comfortable range over the day's waking steps
    plus 0.3 times the weekly goals' progress (the share done of what is due
    by that day, each goal capped at 1). ``reward == info["rating"] +
    info["wellbeing"]`` always.

    ## Info

    v0's keys, and ``rating`` (the rating part), ``wellbeing`` (the weighted
    well-being part, 0 except at a day's last step), ``wellbeing_score`` (the
    day's score, or ``None``) and its parts ``needs_in_range`` and
    ``goal_progress`` (``None`` but at a day's end), ``day_end``, ``proposed_activity`` (the
    activity id read from the suggestion, or ``None``), ``accepted`` (``None``
    after a no-op), ``acted`` (the day changed), ``resident_reply``, and, for
    logs and oracles only (not observation), ``needs`` (the hidden levels after
    the step) and ``goals`` (this week's counts and targets).

    ## Arguments

    ``gym.make("ProPerSim-v1", **options)``, ``ProPerSimV1Env(**options)`` or
    ``ProPerSimV1Env(EnvConfigV1(...))`` (an :class:`EnvConfig` is taken too,
    with the v1 options at their defaults):

{arguments}

    ## Version History

    - v1: the resident acts on suggestions it accepts, has hidden needs and
      weekly goals, replies in words, and a day-end well-being term joins the
      reward.
    - v0: the study's setting: the resident rates every decision and lives
      its day as planned, whatever the assistant says.
    """

    #: v0's saved attributes and the resident's listening state
    STATE_ATTRIBUTES = ProPerSimEnv.STATE_ATTRIBUTES | frozenset({"listener"})

    def __init__(self, config: EnvConfig | None = None, **options: Any):
        if config is not None and options:
            raise TypeError("give either an EnvConfig or keyword options, not both")
        if config is None:
            config = EnvConfigV1.from_options(options)
        elif isinstance(config, EnvConfig) and not isinstance(config, EnvConfigV1):
            config = EnvConfigV1(**{f.name: getattr(config, f.name) for f in fields(config)})
        super().__init__(config)
        self.observation_space = spaces.Dict({**self.observation_space.spaces,
                                              "resident_reply": UnicodeText(REPLY_CHARS)})
        self.listener: Listener | None = None

    # ---- Gymnasium API -----------------------------------------------------
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        self.listener = None
        observation, info = super().reset(seed=seed, options=options)
        self.listener = Listener(self.persona)
        self.listener.track(self.state, self.clock)
        info.update(self.listener.quiet())
        return observation, info

    def step(self, action):
        self._check_running("step")
        usage_before = self._usage_now()
        state_rated = self.state
        decided = self.seat.decide(action, state_rated)
        suggestion = None if decided.noop else self.seat.last.suggestion
        listened = self.listener.hear(decided.reward, suggestion, state_rated, self.resident, self.clock,
                                      self.np_random)
        next_state = self._next_awake_state()
        truncated = next_state is None
        info = self._info(state_rated, decided, self._usage_since(usage_before))
        day = self.clock.day_of(state_rated.step)
        day_end = truncated or self.clock.day_of(next_state.step) != day
        info.update(rating=decided.reward, **self.listener.step_end(day, day_end, self.config.wellbeing_weight),
                    **listened)
        if next_state is not None:
            self.state = next_state
        if self.render_mode == "human":
            self.render()
        return self._observation(), decided.reward + info["wellbeing"], False, truncated, info

    def extend(self, days: int):
        extended = super().extend(days)
        if extended is not None:
            extended[1].update(self.listener.quiet())
        return extended

    # ---- the resident who listens ----------------------------------------------
    def _next_awake_state(self):
        """v0's, with the needs, goals and well-being followed at every clock step."""
        resident = self.resident
        while resident.step_index + 1 < self._total_steps:
            state = resident.advance()
            self.seat.follow(state)
            if self.listener is not None:
                self.listener.track(state, self.clock)
            if not state.sleeping:
                return state
        return None

    def _observation(self) -> dict:
        observation = super()._observation()
        observation["resident_reply"] = self.listener.reply if self.listener is not None else ""
        return observation

    # ---- saving and resuming -----------------------------------------------------------
    def state_dict(self) -> dict:
        """v0's state and ``"listening"``: the resident's :class:`~.listener.Listener` (needs,
        goals, reply, the day's well-being so far)."""
        state = super().state_dict()
        state["listening"] = self.listener
        return state

    def load_state_dict(self, state: dict) -> None:
        listener = state.get("listening") if isinstance(state, dict) else None
        if listener is None:
            raise ValueError("env state lacks 'listening': it was saved by ProPerSim-v0, not ProPerSim-v1")
        if not isinstance(listener, Listener):
            raise TypeError(f"env state's 'listening' must be a Listener, got {type(listener).__name__}")
        super().load_state_dict(state)
        self.listener = listener

ProPerSimV1Env.__doc__ = ProPerSimV1Env.__doc__.format(arguments=docstring_arguments(EnvConfigV1, "    - "))
