"""The resident's latent needs (``ProPerSim-v1``): levels in [0, 1] that drift with every
simulated minute and that what the resident does satisfies or depletes.

A need at 1 is fully met, at 0 badly unmet; below :data:`LOW` it is out of the
comfortable range (well-being counts the share of needs in range). The needs
are hidden from the assistant: they show only in behaviour (long sitting,
skipped meals, curt replies).

The dynamics are two small tables and one function of the persona:

- :data:`DECAY_PER_HOUR`: how fast each need runs down while awake, whatever the
  resident does;
- :data:`CATEGORY_EFFECT_PER_HOUR`: what an hour of an activity category adds
  to (or takes from) each need, on top of the decay;
- :func:`need_rates`: the persona's multipliers of the decay, from its Big-Five
  levels and its routine (see its docstring for the table).

Each level changes by ``minutes / 60 * (refill * effect[category] - rate * decay)``
per step, clipped to [0, 1], where a positive effect is scaled by the room left
to fill, ``refill = min(1, (1 - level) / (1 - SATED))`` (full while the need is
at or below :data:`SATED`, falling linearly to nothing at 1: a need topped up
past where it helps gains nothing, and a well-met need gains less from its
activity than a low one); negative effects apply in full. During sleep only the effects of
``sleep`` apply (no waking decay).

Changes cost something. Acting on a suggestion means leaving what one was doing:
every change of activity made on a suggestion costs :data:`SWITCH_COST` (calm
and energy) at once, and the activity it displaced gives nothing more. Being
spoken to at all costs a little calm: :data:`INTERRUPTION_COST` per suggestion
heard, ten times that during busy, focused time (:meth:`Needs.interrupted`).
So a stream of changes that meet no low need leaves the resident worse off than
no change, and only a change that refills a need that is actually low (or about
to be) pays for itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..personas import Persona, activities

NEEDS = ("energy", "movement", "nourishment", "social", "calm")
#: a need below this is out of the comfortable range
LOW = 0.35
#: below this a need makes the resident short-tempered
CRITICAL = 0.2

#: waking decay per hour (before the persona's multipliers)
DECAY_PER_HOUR = {"energy": 0.04, "movement": 0.05, "nourishment": 0.11, "social": 0.04, "calm": 0.025}

#: what an hour of each activity category does to each need, besides the decay
CATEGORY_EFFECT_PER_HOUR: dict[str, dict[str, float]] = {
    "sleep":       {"energy": 0.12, "movement": 0.04, "nourishment": -0.01, "social": 0.0, "calm": 0.04},
    "rest":        {"energy": 0.10, "movement": -0.02, "calm": 0.08},
    "hygiene":     {"energy": 0.03, "movement": 0.03, "calm": 0.06},
    "meal":        {"nourishment": 1.2, "energy": 0.04, "social": 0.02, "calm": 0.03},
    "work":        {"energy": -0.04, "movement": -0.03, "calm": -0.04},
    "chore":       {"movement": 0.12, "energy": -0.02, "calm": 0.02},
    "exercise":    {"movement": 0.9, "energy": -0.04, "calm": 0.10},
    "hobby":       {"calm": 0.08, "movement": -0.01},
    "media":       {"movement": -0.03, "calm": 0.03, "social": 0.01},
    "social":      {"social": 0.7, "calm": 0.03, "energy": -0.02},
    "mindfulness": {"calm": 0.5, "energy": 0.03},
}

#: above this level an activity's refill of a need tapers off (to nothing at 1)
SATED = 0.7

#: what acting on a suggestion (a change of activity) costs at once
SWITCH_COST = {"calm": 0.06, "energy": 0.03}
#: the calm a suggestion heard costs (ten times as much during busy, focused time)
INTERRUPTION_COST = 0.003
BUSY_FACTOR = 10

#: where each need starts on the first morning (after a night's sleep)
START_LEVELS = {"energy": 0.85, "movement": 0.7, "nourishment": 0.6, "social": 0.7, "calm": 0.75}

_HIGH = "high"


def need_rates(persona: Persona) -> dict[str, float]:
    """The persona's decay multipliers, one per need, from its traits and routine:

    | need        | raised by | lowered by |
    |-------------|-----------|------------|
    | energy      | high neuroticism (x1.2); more than 6 h of work in its routine (x1.2) | high conscientiousness (x0.9) |
    | movement    | exercise in its routine or free time (x1.25: a body used to moving) | |
    | nourishment | | |
    | social      | high extraversion (x1.6) | low extraversion (x0.6) |
    | calm        | high neuroticism (x1.6) | low neuroticism (x0.7); mindfulness in its routine (x0.85) |

    Everything else is 1.
    """
    traits = persona.big_five
    acts = activities()
    own = {b.activity for b in persona.routine} | set(persona.free_time)
    work_minutes = sum((b.min_minutes + b.max_minutes) / 2 for b in persona.routine
                       if acts[b.activity].category == "work" and b.days in ("daily", "weekdays"))
    rates = dict.fromkeys(NEEDS, 1.0)
    if traits["neuroticism"] == _HIGH:
        rates["energy"] *= 1.2
        rates["calm"] *= 1.6
    else:
        rates["calm"] *= 0.7
    if work_minutes > 6 * 60:
        rates["energy"] *= 1.2
    if traits["conscientiousness"] == _HIGH:
        rates["energy"] *= 0.9
    if any(acts[a].category == "exercise" for a in own):
        rates["movement"] *= 1.25
    rates["social"] *= 1.6 if traits["extraversion"] == _HIGH else 0.6
    if any(acts[a].category == "mindfulness" for a in own):
        rates["calm"] *= 0.85
    return rates


@dataclass
class Needs:
    """One resident's need levels and its rates (see the module docstring)."""

    rates: dict[str, float]
    levels: dict[str, float]

    @classmethod
    def start(cls, persona: Persona) -> Needs:
        return cls(need_rates(persona), dict(START_LEVELS))

    def _changes(self, category: str, asleep: bool) -> tuple[tuple[str, float, float], ...]:
        """Each need's hourly (refill, loss) during ``category``: the positive effect, and the
        decay less any negative effect (cached per category)."""
        cache = self.__dict__.setdefault("_cache", {})
        key = (category, asleep)
        if key not in cache:
            effect = CATEGORY_EFFECT_PER_HOUR.get(category, {})
            cache[key] = tuple((n, max(0.0, effect.get(n, 0.0)),
                                min(0.0, effect.get(n, 0.0)) - (0.0 if asleep else self.rates[n] * DECAY_PER_HOUR[n]))
                               for n in NEEDS)
        return cache[key]

    def update(self, category: str, minutes: float, asleep: bool) -> None:
        """``minutes`` of an activity of ``category`` (see the module docstring)."""
        hours = minutes / 60
        levels = self.levels
        for need, gain, loss in self._changes(category, asleep):
            level = levels[need]
            if gain:
                room = (1.0 - level) / (1.0 - SATED)
                gain *= min(room, 1.0)
            value = level + hours * (gain + loss)
            levels[need] = 0.0 if value < 0.0 else 1.0 if value > 1.0 else value

    def _lose(self, need: str, amount: float) -> None:
        self.levels[need] = max(0.0, self.levels[need] - amount)

    def switched(self) -> None:
        """The resident changed what it was doing on a suggestion: :data:`SWITCH_COST`."""
        for need, cost in SWITCH_COST.items():
            self._lose(need, cost)

    def interrupted(self, busy: bool) -> None:
        """A suggestion heard: :data:`INTERRUPTION_COST` of calm (times :data:`BUSY_FACTOR` when busy)."""
        self._lose("calm", INTERRUPTION_COST * (BUSY_FACTOR if busy else 1))

    def in_range(self) -> float:
        """The share of needs at or above :data:`LOW`."""
        return sum(v >= LOW for v in self.levels.values()) / len(NEEDS)

    def lowest(self) -> tuple[str, float]:
        """The least met need and its level (ties: in :data:`NEEDS` order)."""
        need = min(NEEDS, key=self.levels.__getitem__)
        return need, self.levels[need]

    def satisfies(self, category: str) -> tuple[str, ...]:
        """The needs that an activity of ``category`` raises (its effect beats the decay)."""
        effect = CATEGORY_EFFECT_PER_HOUR.get(category, {})
        return tuple(n for n in NEEDS if effect.get(n, 0.0) > self.rates[n] * DECAY_PER_HOUR[n])

    def to_dict(self) -> dict[str, float]:
        return {n: round(self.levels[n], 4) for n in NEEDS}
