"""Weekly goals (``ProPerSim-v1``): each persona's long-term goals and interests as
measurable weekly targets, with progress counted from what the resident did.

:func:`weekly_goals` derives three goals from the persona file, by rule, with
no per-persona constants:

| goal      | counts sessions of | weekly target |
|-----------|--------------------|---------------|
| ``move``  | any ``exercise`` activity (a walk, yoga, a workout) | 5 when conscientiousness is high, else 3 |
| ``craft`` | the persona's own hobby that its interests and long-term goals name most (topic keywords found in those texts; ties: the routine's order) | 3 |
| ``connect`` | any ``social`` activity (a call, a visit, friends over) | 4 when extraversion is high, else 2 |

A *session* is a stretch of the activity lasting at least
:data:`SESSION_MINUTES`; it counts once, when that length is reached, and each
goal counts at most one session a day (a fourth walk on one afternoon is not
three more days of walking: goal progress cannot be bought by piling changes
into one day). Weeks are the episode's days 0-6, 7-13, ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..personas import Persona, activities
from ..personas.vocabulary import topics

SESSION_MINUTES = 15
DAYS_PER_WEEK = 7


@dataclass(frozen=True)
class Goal:
    """A weekly target: ``target`` sessions of any activity in ``activities``."""

    name: str
    description: str
    activities: frozenset[str]
    target: int


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _craft(persona: Persona) -> str | None:
    """The persona's hobby (routine first, then free time) whose topics' keywords its interests
    and long-term goals mention most."""
    acts, known = activities(), topics()
    text = _words(persona.profile["interests"] + " " + persona.profile["long_term_goals"])
    order = [b.activity for b in persona.routine] + list(persona.free_time)
    best, best_score = None, 0
    for aid in dict.fromkeys(order):
        act = acts[aid]
        if act.category not in ("hobby", "mindfulness"):
            continue
        keywords = set(aid.split("_"))
        for t in act.topics:
            keywords |= {k.split("/")[0] for k in known[t].keywords if " " not in k}
        score = len(keywords & text) + 1  # a hobby it has at all beats none
        if score > best_score:
            best, best_score = aid, score
    return best


def weekly_goals(persona: Persona) -> tuple[Goal, ...]:
    """The persona's weekly goals (see the module docstring)."""
    acts = activities()
    high = persona.big_five
    exercise = frozenset(a for a, x in acts.items() if x.category == "exercise")
    social = frozenset(a for a, x in acts.items() if x.category == "social")
    goals = [Goal("move", "move: a walk, yoga or a workout", exercise,
                  5 if high["conscientiousness"] == "high" else 3)]
    craft = _craft(persona)
    if craft is not None:
        goals.append(Goal("craft", f"keep up {acts[craft].description}", frozenset({craft}), 3))
    goals.append(Goal("connect", "time with friends or family", social,
                      4 if high["extraversion"] == "high" else 2))
    return tuple(goals)


@dataclass
class GoalTracker:
    """Counts the sessions of each goal this week from the resident's steps."""

    goals: tuple[Goal, ...]
    counts: dict[str, int] = field(default_factory=dict)
    week: int = 0
    _activity: str | None = None
    _minutes: float = 0.0
    _counted: bool = False
    #: the episode day each goal last counted a session
    _last_day: dict[str, int] = field(default_factory=dict)

    @classmethod
    def start(cls, persona: Persona) -> GoalTracker:
        goals = weekly_goals(persona)
        return cls(goals, {g.name: 0 for g in goals})

    def update(self, activity: str, minutes: float, day: int) -> None:
        """One step of ``activity`` lasting ``minutes`` on episode day ``day``."""
        week = day // DAYS_PER_WEEK
        if week != self.week:
            self.week = week
            self.counts = {g.name: 0 for g in self.goals}
        if activity != self._activity:
            self._activity, self._minutes, self._counted = activity, 0.0, False
        self._minutes += minutes
        if not self._counted and self._minutes >= SESSION_MINUTES:
            self._counted = True
            for g in self.goals:
                if activity in g.activities and self._last_day.get(g.name) != day:
                    self._last_day[g.name] = day
                    self.counts[g.name] += 1

    def progress(self, day: int) -> float:
        """Mean over goals of the share done of what is due by the end of episode day ``day``
        (``target * days_so_far / 7``), each capped at 1."""
        if not self.goals:
            return 1.0
        so_far = day % DAYS_PER_WEEK + 1
        shares = [min(1.0, self.counts[g.name] / (g.target * so_far / DAYS_PER_WEEK)) for g in self.goals]
        return sum(shares) / len(shares)

    def to_dict(self) -> dict[str, dict]:
        return {g.name: {"done": self.counts[g.name], "target": g.target, "description": g.description}
                for g in self.goals}
