"""One resident who listens (``ProPerSim-v1`` and the v1 household).

A :class:`Listener` holds what v1 adds to a resident: its hidden needs, its
weekly goals, its last spoken reply and the running day's well-being. The env
calls :meth:`Listener.hear` after a decision is rated (the resident accepts or
declines, maybe changes its day, and replies), :meth:`Listener.track` at every
clock step the resident lives (needs drift, goals count, the day's needs-in-range
share accumulates), and :meth:`Listener.day_end` at a day's last step. The single
env has one; the household has one per resident; both deliver the same reward
(see :class:`~propersim_env.envs.proper_sim_v1.ProPerSimV1Env`, Rewards).
"""

from __future__ import annotations

import numpy as np

from ..personas import Persona, activities
from ..user import Resident, ResidentState
from ..user.acceptance import acceptance_probability, is_busy, reply
from ..user.acting import insert_block, start_after, usual_minutes
from ..user.goals import GoalTracker
from ..user.needs import Needs
from ..world import SimClock
from .proposal_activity import proposed_activity

REPLY_CHARS = 256
#: the day-end well-being: this share from needs in range, the rest from weekly goal progress
NEEDS_SHARE = 0.7
#: what ``hear`` reports after a no-op (nothing proposed, nothing said)
SILENCE = {"proposed_activity": None, "accepted": None, "acted": False, "resident_reply": ""}
#: the well-being keys of a step that does not end a day
NO_DAY_END = {"wellbeing_score": None, "needs_in_range": None, "goal_progress": None}


class Listener:
    """The listening state of one resident (``persona``), from the start of an episode."""

    def __init__(self, persona: Persona):
        self.persona = persona
        self.needs = Needs.start(persona)
        self.goals = GoalTracker.start(persona)
        self.reply = ""
        self._day_totals: dict[int, list[float]] = {}  # day -> [sum of needs-in-range shares, waking steps]
        self._closed_days: dict[int, tuple[float, float]] = {}
        self._track_day = -1

    def hear(self, score: float, suggestion: str | None, state: ResidentState, resident: Resident,
             clock: SimClock, rng: np.random.Generator) -> dict:
        """The resident's answer to a decision rated ``score`` (``suggestion`` ``None`` for the
        no-op) at ``state``: whether it accepts, whether its day changed (an accepted proposal
        of a known activity replaces the current flexible block), and its reply."""
        if suggestion is None:
            self.reply = ""
            return dict(SILENCE)
        proposed = proposed_activity(suggestion, self.persona)
        category = None if proposed is None else activities()[proposed].category
        busy = is_busy(self.persona, state.activity, state.category)
        chance = acceptance_probability(score, self.persona, busy, self.needs, category)
        accepted = bool(rng.random() < chance)
        self.needs.interrupted(busy)
        acted = accepted and proposed is not None and _act(resident, clock, proposed, rng)
        if acted:
            self.needs.switched()
        self.reply = reply(self.persona, accepted, self.needs, rng, acted=acted or proposed is None)[:REPLY_CHARS]
        return {"proposed_activity": proposed, "accepted": accepted, "acted": acted, "resident_reply": self.reply}

    def track(self, state: ResidentState, clock: SimClock) -> None:
        """One clock step lived at ``state``: needs drift, goals count, the day's share adds up."""
        minutes = clock.minutes_per_step
        day = clock.day_of(state.step)
        if day != self._track_day:
            if self._track_day >= 0:
                self._closed_days[self._track_day] = self._close(self._track_day)
            self._track_day = day
        self.needs.update(state.category, minutes, state.sleeping)
        self.goals.update(state.activity, minutes, day)
        if not state.sleeping:
            totals = self._day_totals.setdefault(day, [0.0, 0])
            totals[0] += self.needs.in_range()
            totals[1] += 1

    def step_end(self, day: int, day_end: bool, weight: float) -> dict:
        """The ``info`` keys of a step rated on day ``day``: ``wellbeing`` (``weight`` times
        the day's score at its last step, else 0; the reward adds it), ``wellbeing_score``
        in [0, 1] and its parts ``needs_in_range`` and ``goal_progress`` (``None`` but at a
        day's end, which closes the day), ``day_end``, and the hidden ``needs`` and ``goals``."""
        parts = dict(NO_DAY_END)
        if day_end:
            closed = self._closed_days.pop(day, None)
            in_range, progress = closed if closed is not None else self._close(day)
            parts = {"wellbeing_score": NEEDS_SHARE * in_range + (1 - NEEDS_SHARE) * progress,
                     "needs_in_range": in_range, "goal_progress": progress}
        wellbeing = weight * parts["wellbeing_score"] if day_end else 0.0
        return {"wellbeing": wellbeing, **parts, "day_end": day_end, **self.hidden()}

    def quiet(self) -> dict:
        """The listening ``info`` keys where nothing was decided (reset, or an ended episode
        extended): nothing rated, proposed or delivered; the reply last spoken."""
        return {"rating": 0.0, "wellbeing": 0.0, **NO_DAY_END, "day_end": False, **SILENCE,
                "resident_reply": self.reply, **self.hidden()}

    def hidden(self) -> dict:
        """For logs and oracles, never the observation: the needs' levels and this week's goals."""
        return {"needs": self.needs.to_dict(), "goals": self.goals.to_dict()}

    def _close(self, day: int) -> tuple[float, float]:
        total, count = self._day_totals.pop(day, (0.0, 0))
        return (total / count if count else 1.0), self.goals.progress(day)


def _act(resident: Resident, clock: SimClock, activity: str, rng: np.random.Generator) -> bool:
    """Put ``activity`` in place of ``resident``'s current flexible block; whether the day changed."""
    plan, step = resident.plan, resident.step_index
    now = clock.minutes_since_start(step)
    if plan is None or resident.day != clock.day_of(step) or not plan.wake <= now < plan.bedtime:
        return False
    start = start_after(clock.minutes_since_start(step + 1))
    blocks = insert_block(plan.blocks, activity, start, usual_minutes(resident.persona, activity))
    if blocks is None:
        return False
    # its own generator: the resident's plans of the coming days stay what they would have been
    resident.replan_from(blocks, start, np.random.default_rng(rng.integers(2**63)))
    return True
