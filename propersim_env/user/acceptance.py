"""Whether the resident acts on a rated suggestion, and what it says (``ProPerSim-v1``).

:func:`acceptance_probability` is a logistic function of the rating and the
moment::

    logit p = -1.6 + 1.1 * (rating - 2) + 0.5 * A + 0.4 * O - 1.2 * busy
              + 0.8 * meets_low_need - 0.6 * short_tempered

with ``A`` and ``O`` +1 for high agreeableness / openness and -1 for low, ``busy``
1 during work, a do-not-disturb activity or a meal, ``meets_low_need`` 1 when the
proposed activity raises the resident's least met need while it is out of range,
and ``short_tempered`` 1 when any need is critical. So a rating of 4 at a free
moment is accepted about 8 times in 10 by an agreeable, open resident, and a
rating of 0 almost never. The draw comes from the env's seeded generator.

:func:`reply` is the resident's short spoken answer, from templates chosen by
extraversion and agreeableness; a resident with a critical need answers curtly
and says why ("I'm too tired for that").
"""

from __future__ import annotations

import math

import numpy as np

from ..personas import Persona
from .needs import CRITICAL, LOW, Needs

BASE, PER_POINT, AGREEABLE, OPEN, BUSY, MEETS_NEED, TEMPER = -1.6, 1.1, 0.5, 0.4, 1.2, 0.8, 0.6
BUSY_CATEGORIES = ("work", "meal")


def _sign(persona: Persona, trait: str) -> int:
    return 1 if persona.big_five[trait] == "high" else -1


def is_busy(persona: Persona, activity: str, category: str) -> bool:
    """Busy, focused time: work, a meal, or one of the persona's do-not-disturb activities."""
    return category in BUSY_CATEGORIES or activity in persona.preferences.do_not_disturb_activities


def acceptance_probability(rating: float, persona: Persona, busy: bool, needs: Needs,
                           proposed_category: str | None) -> float:
    """The chance of acting on a suggestion rated ``rating`` (0-4); see the module docstring."""
    if math.isnan(rating):  # a failed evaluation is never acted on
        return 0.0
    need, level = needs.lowest()
    meets = proposed_category is not None and level < LOW and need in needs.satisfies(proposed_category)
    z = (BASE + PER_POINT * (rating - 2) + AGREEABLE * _sign(persona, "agreeableness")
         + OPEN * _sign(persona, "openness") - BUSY * busy + MEETS_NEED * meets - TEMPER * (level < CRITICAL))
    return 1.0 / (1.0 + math.exp(-z))


_ACCEPT = {
    (True, True): ("Good idea, I'll do that now!", "Oh, lovely, yes, let's do it.", "Great thinking, I'm on it."),
    (True, False): ("Sure, why not. Doing it.", "Fine, I'll give it a go.", "OK, let's do that."),
    (False, True): ("Good idea, thank you.", "Yes, I think I will.", "That sounds nice, thanks."),
    (False, False): ("Fine.", "OK.", "All right, I'll do it."),
}
_DECLINE = {
    (True, True): ("Not now, I'm in the middle of something.", "Maybe later, thanks!", "Thanks, but I'll pass for now."),
    (True, False): ("No, not now.", "Nah, not interested.", "Not today."),
    (False, True): ("Not now, thank you.", "Perhaps another time.", "I'd rather not, thanks."),
    (False, False): ("No.", "Not now.", "No thanks."),
}
_CURT = {
    "energy": "I'm too tired for that.",
    "movement": "I've been sitting all day, I can't think about that.",
    "nourishment": "I'm starving, not now.",
    "social": "I haven't talked to anyone in ages, leave it.",
    "calm": "I'm too wound up for this.",
}
_CANNOT = "Good idea, but there's no time for it right now."


def reply(persona: Persona, accepted: bool, needs: Needs, rng: np.random.Generator, *, acted: bool = True) -> str:
    """What the resident says back; ``acted=False``: accepted, but the day left no room."""
    key = (persona.big_five["extraversion"] == "high", persona.big_five["agreeableness"] == "high")
    need, level = needs.lowest()
    if accepted and not acted:
        return _CANNOT
    if not accepted and level < CRITICAL:
        return _CURT[need]
    options = (_ACCEPT if accepted else _DECLINE)[key]
    return options[int(rng.integers(len(options)))]
