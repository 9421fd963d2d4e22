"""``ProPerSim-v1``: a resident who listens, so that a suggestion has consequences.

See :class:`ProPerSimV1Env` for the environment's documentation.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import numpy as np
from gymnasium import spaces

from ..core import docstring_arguments
from ..personas import activities
from ..user import ResidentState
from ..user.acceptance import acceptance_probability, is_busy, reply
from ..user.acting import insert_block, start_after, usual_minutes
from ..user.goals import GoalTracker
from ..user.needs import Needs
from .config import EnvConfig, EnvConfigV1
from .proper_sim import ProPerSimEnv
from .proposal_activity import proposed_activity
from .spaces import UnicodeText

REPLY_CHARS = 256
#: the day-end well-being: this share from needs in range, the rest from weekly goal progress
NEEDS_SHARE = 0.7


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
    STATE_ATTRIBUTES = ProPerSimEnv.STATE_ATTRIBUTES | frozenset({"needs", "goals", "reply", "_day_wellbeing",
                                                                  "_closed_days", "_track_day"})

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
        self.needs: Needs | None = None
        self.goals: GoalTracker | None = None
        self.reply = ""
        self._day_wellbeing: dict[int, list[float]] = {}
        self._closed_days: dict[int, tuple[float, float]] = {}
        self._track_day = -1

    # ---- Gymnasium API -----------------------------------------------------
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        self.needs, self.goals, self.reply = None, None, ""
        self._day_wellbeing, self._closed_days, self._track_day = {}, {}, -1
        observation, info = super().reset(seed=seed, options=options)
        self.needs = Needs.start(self.persona)
        self.goals = GoalTracker.start(self.persona)
        self._track(self.state)
        info.update(self._quiet_parts())
        return observation, info

    def step(self, action):
        self._check_running("step")
        usage_before = self._usage_now()
        state_rated = self.state
        decided = self.seat.decide(action, state_rated)
        listened = self._listen(decided, state_rated)
        next_state = self._next_awake_state()
        truncated = next_state is None
        info = self._info(state_rated, decided, self._usage_since(usage_before))
        day = self.clock.day_of(state_rated.step)
        day_end = truncated or self.clock.day_of(next_state.step) != day
        score = in_range = progress = None
        if day_end:
            closed = self._closed_days.pop(day, None)
            in_range, progress = closed if closed is not None else self._close_day(day)
            score = NEEDS_SHARE * in_range + (1 - NEEDS_SHARE) * progress
        wellbeing = self.config.wellbeing_weight * score if day_end else 0.0
        info.update(rating=decided.reward, wellbeing=wellbeing, wellbeing_score=score, needs_in_range=in_range,
                    goal_progress=progress, day_end=day_end, needs=self.needs.to_dict(), goals=self.goals.to_dict(),
                    **listened)
        if next_state is not None:
            self.state = next_state
        if self.render_mode == "human":
            self.render()
        return self._observation(), decided.reward + wellbeing, False, truncated, info

    # ---- the resident who listens ----------------------------------------------
    def _quiet_parts(self) -> dict:
        return {"rating": 0.0, "wellbeing": 0.0, "wellbeing_score": None, "needs_in_range": None,
                "goal_progress": None, "day_end": False,
                "proposed_activity": None, "accepted": None, "acted": False, "resident_reply": "",
                "needs": self.needs.to_dict(), "goals": self.goals.to_dict()}

    def _listen(self, decided, state: ResidentState) -> dict:
        """Whether the resident acts on the decision just rated, and what it says."""
        text = self.seat.last.suggestion
        if decided.noop or text is None:
            self.reply = ""
            return {"proposed_activity": None, "accepted": None, "acted": False, "resident_reply": ""}
        proposed = proposed_activity(text, self.persona)
        category = None if proposed is None else activities()[proposed].category
        busy = is_busy(self.persona, state.activity, state.category)
        chance = acceptance_probability(decided.reward, self.persona, busy, self.needs, category)
        accepted = bool(self.np_random.random() < chance)
        self.needs.interrupted(busy)
        acted = accepted and proposed is not None and self._act(proposed)
        if acted:
            self.needs.switched()
        self.reply = reply(self.persona, accepted, self.needs, self.np_random,
                           acted=acted or proposed is None)[:REPLY_CHARS]
        return {"proposed_activity": proposed, "accepted": accepted, "acted": acted, "resident_reply": self.reply}

    def _act(self, activity: str) -> bool:
        """Put ``activity`` in place of the current flexible block; whether the day changed."""
        resident = self.resident
        plan, step = resident.plan, resident.step_index
        now = self.clock.minutes_since_start(step)
        if plan is None or resident.day != self.clock.day_of(step) or not plan.wake <= now < plan.bedtime:
            return False
        start = start_after(self.clock.minutes_since_start(step + 1))
        blocks = insert_block(plan.blocks, activity, start, usual_minutes(self.persona, activity))
        if blocks is None:
            return False
        # its own generator: the resident's plans of the coming days stay what they would have been
        resident.replan_from(blocks, start, np.random.default_rng(self.np_random.integers(2**63)))
        return True

    def _next_awake_state(self) -> ResidentState | None:
        """v0's, with the needs, goals and well-being followed at every clock step."""
        resident = self.resident
        while resident.step_index + 1 < self._total_steps:
            state = resident.advance()
            self.seat.follow(state)
            if self.needs is not None:
                self._track(state)
            if not state.sleeping:
                return state
        return None

    def _track(self, state: ResidentState) -> None:
        minutes = self.clock.minutes_per_step
        day = self.clock.day_of(state.step)
        if day != self._track_day:
            if self._track_day >= 0:
                self._closed_days[self._track_day] = self._close_day(self._track_day)
            self._track_day = day
        self.needs.update(state.category, minutes, state.sleeping)
        self.goals.update(state.activity, minutes, day)
        if not state.sleeping:
            totals = self._day_wellbeing.setdefault(day, [0.0, 0])
            totals[0] += self.needs.in_range()
            totals[1] += 1

    def _close_day(self, day: int) -> tuple[float, float]:
        """Day ``day``'s well-being parts: the share of needs in range over its waking steps, and
        the weekly goals' progress by its end (see Rewards)."""
        total, count = self._day_wellbeing.pop(day, (0.0, 0))
        return (total / count if count else 1.0), self.goals.progress(day)

    def _observation(self) -> dict:
        observation = super()._observation()
        observation["resident_reply"] = self.reply
        return observation

    # ---- saving and resuming -----------------------------------------------------------
    def state_dict(self) -> dict:
        """v0's state and the listening state (``"listening"``: needs, goals, reply, the day's
        well-being so far)."""
        state = super().state_dict()
        state["listening"] = {"needs": self.needs, "goals": self.goals, "reply": self.reply,
                              "day_wellbeing": self._day_wellbeing, "closed_days": self._closed_days,
                              "track_day": self._track_day}
        return state

    def load_state_dict(self, state: dict) -> None:
        listening = state.get("listening") if isinstance(state, dict) else None
        if listening is None:
            raise ValueError("env state lacks 'listening': it was saved by ProPerSim-v0, not ProPerSim-v1")
        super().load_state_dict(state)
        self.needs = listening["needs"]
        self.goals = listening["goals"]
        self.reply = listening["reply"]
        self._day_wellbeing = listening["day_wellbeing"]
        self._closed_days = listening["closed_days"]
        self._track_day = listening["track_day"]


ProPerSimV1Env.__doc__ = ProPerSimV1Env.__doc__.format(arguments=docstring_arguments(EnvConfigV1, "    - "))
