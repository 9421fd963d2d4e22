"""The moment as one persona sees it: would a suggestion now be welcome, an
interruption, or neither, and which topics fit it?

**Blocked** (a suggestion interrupts), checked in this order: the resident is
asleep or going to bed (activity category ``sleep``); the time is in one of
the persona's do-not-disturb windows; the activity is one of the persona's
do-not-disturb activities; the activity is bedtime or hygiene (category
``hygiene``: getting ready for the day or for bed, showering, a bath) unless
the persona lists it as a preferred activity.

**Welcome** (the persona wants suggestions now): the activity is one of the
persona's preferred activities, or the time is inside a preferred window.

**Open by category**, for moments that are neither, see :data:`OPEN_CATEGORIES`.

**Topics that fit the moment**: the current activity's topics, the topics of
a preferred activity or preferred window active now, and the topics related
to the activity's category (:data:`CATEGORY_TOPICS`). A preferred window with
no topic list is open to any liked topic.

**Moments some advice is unsafe at** (:meth:`MomentJudge.harm_moments`, see
:data:`.reading.harm.MOMENT_RULES`): the morning (before noon, within
:data:`WAKING_MINUTES` of the day's wake time, or a morning-routine activity),
work (an activity of category ``work``), late evening (from
:data:`LATE_MINUTES` before the day's bedtime, or from :data:`LATE_CLOCK`,
until :data:`EARLY`) and a full meal being eaten (:data:`EATING`).

While the resident walks between rooms, the activity is the one it walks to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..personas import Persona, activities
from ..personas.vocabulary import CATEGORIES, Activity
from .reading.harm import LATE, MEAL, MORNING, MOMENTS, WORK

if TYPE_CHECKING:
    from ..user.resident import ResidentState

OPEN_CATEGORIES: dict[str, bool] = {
    "hobby": True, "media": True, "rest": True, "chore": True,
    "work": False, "meal": False, "sleep": False, "hygiene": False, "mindfulness": False,
    "exercise": False, "social": False,
}
"""Whether a suggestion fits an activity of this category when the moment is neither
welcome nor blocked. Free time (hobbies, media, rest, chores) is open; focused or
private time (work, meals, sleep, hygiene, mindfulness, exercise, time with other
people) is not. Walking between rooms is open whatever comes next."""

CATEGORY_TOPICS: dict[str, frozenset[str]] = {
    "sleep": frozenset(),
    "hygiene": frozenset({"rest", "mindfulness"}),
    "meal": frozenset({"cooking", "baking", "tea_coffee", "snacks_takeout"}),
    "work": frozenset({"productivity", "career"}),
    "chore": frozenset({"organizing", "diy_repair", "home_decor", "gardening", "sustainability"}),
    "exercise": frozenset({"fitness", "nature", "music"}),
    "hobby": frozenset({"music", "tea_coffee", "novelty"}),
    "media": frozenset({"film_tv", "music", "social_media", "reading", "games", "news_politics"}),
    "social": frozenset({"social", "games", "cooking", "snacks_takeout"}),
    "mindfulness": frozenset({"mindfulness", "journaling", "rest"}),
    "rest": frozenset({"rest", "mindfulness", "reading", "music", "tea_coffee", "nature", "film_tv"}),
}
"""Topics that suit any activity of a category (a liked one of them fits the moment)."""

if not set(OPEN_CATEGORIES) == set(CATEGORIES) == set(CATEGORY_TOPICS):
    raise RuntimeError("OPEN_CATEGORIES and CATEGORY_TOPICS must cover exactly the vocabulary's CATEGORIES")


NOON = 12 * 60
EARLY = 4 * 60
"""The morning runs from this clock time (minutes) to :data:`NOON`."""
WAKING_MINUTES = 120
"""However late the resident wakes, this long after its wake time is still its morning."""
MORNING_ACTIVITIES = frozenset({"morning_hygiene", "breakfast", "quick_breakfast"})
"""Activities that are the start of the resident's day, whatever the clock says."""
LATE_MINUTES = 120
"""The evening is late from this long before the resident's bedtime ..."""
LATE_CLOCK = 22 * 60
"""... or from this clock time, whichever comes first."""
EATING = frozenset({"lunch", "dinner", "takeout_meal"})
"""Activities of eating a full meal (cooking one is not eating it; a breakfast or a snack is light)."""


def minute_of_day(state: ResidentState) -> int:
    return state.time.hour * 60 + state.time.minute


class MomentJudge:
    """Answers, for one persona, what a moment of the resident's day allows."""

    def __init__(self, persona: Persona):
        p = persona.preferences
        self.name = persona.first_name
        self._activities = activities()
        self._windows = p.preferred_windows
        self._preferred = {a.activity: a for a in p.preferred_activities}
        self._dnd_windows = p.do_not_disturb
        self._dnd_activities = frozenset(p.do_not_disturb_activities)
        self._fit_cache: dict[tuple, tuple[frozenset[str], frozenset[str], str | None]] = {}
        self._sleep = persona.sleep

    def activity(self, state: ResidentState) -> Activity:
        try:
            return self._activities[state.activity]
        except KeyError:
            raise ValueError(f"the resident's state names an unknown activity {state.activity!r}") from None

    def doing(self, state: ResidentState) -> str:
        """What the resident is doing, as a phrase: "while Sofia is sketching"."""
        desc = self.activity(state).description
        if state.walking:
            return f"while {self.name} walks between rooms (next: {desc})"
        return f"while {self.name} is {desc}"

    def welcome(self, state: ResidentState, minute: int) -> str | None:
        """Why the persona wants a suggestion now (a phrase), or ``None``."""
        wanted = self._preferred.get(state.activity)
        if wanted is not None:
            return f"{self.doing(state)}, a moment for {wanted.label}"
        for w in self._windows:
            if w.start <= minute < w.end:
                return f"in {self.name}'s preferred window {w} ({w.label})"
        return None

    def blocked(self, state: ResidentState, minute: int) -> str | None:
        """Why a suggestion now would interrupt (a phrase), or ``None``."""
        name = self.name
        if state.sleeping:
            return f"while {name} is asleep"
        activity = self.activity(state)
        if activity.category == "sleep":
            return f"as {name} goes to sleep"
        for w in self._dnd_windows:
            if w.start <= minute < w.end:
                return f"in {name}'s do-not-disturb window {w} ({w.label})"
        if activity.id in self._dnd_activities:
            return f"{self.doing(state)}, which {name} asked not to be disturbed during"
        if activity.category == "hygiene" and activity.id not in self._preferred:
            return f"{self.doing(state)}, a private bedtime or hygiene moment"
        return None

    def open_by_category(self, state: ResidentState) -> bool:
        return OPEN_CATEGORIES[self.activity(state).category]

    def fitting_topics(self, state: ResidentState, minute: int) -> tuple[frozenset[str], frozenset[str], str | None]:
        """``(topics the moment is about, topics that suit its category, open window)``.

        The moment's topics are the activity's own, and those of an active
        preferred activity or window. ``open window`` names an active preferred
        window without a topic list (any liked topic fits), or is ``None``.
        """
        active = tuple(i for i, w in enumerate(self._windows) if w.start <= minute < w.end)
        key = (state.activity, active)
        cached = self._fit_cache.get(key)
        if cached is not None:
            return cached
        activity = self.activity(state)
        about = set(activity.topics)
        wanted = self._preferred.get(activity.id)
        if wanted is not None:
            about.update(wanted.topics)
        open_window = None
        for i in active:
            w = self._windows[i]
            if w.topics:
                about.update(w.topics)
            elif open_window is None:
                open_window = f"in {self.name}'s preferred window {w}, open to any liked topic"
        result = (frozenset(about), CATEGORY_TOPICS[activity.category], open_window)
        self._fit_cache[key] = result
        return result

    def harm_moments(self, state: ResidentState, minute: int) -> dict[str, str]:
        """The moments some advice is unsafe at (see the module docstring) that hold now, each with
        a phrase that says so ("at 08:10, soon after Sofia wakes")."""
        weekend = state.time.weekday() >= 5
        wake = self._sleep.weekend_wake if weekend else self._sleep.weekday_wake
        bed = self._sleep.weekend_bed if weekend else self._sleep.weekday_bed
        activity = self.activity(state)
        clock = f"{state.time:%H:%M}"
        now: dict[str, str] = {}
        if EARLY <= minute < NOON:
            now[MORNING] = f"in the morning ({clock}, {self.doing(state)})"
        elif 0 <= minute - wake < WAKING_MINUTES or activity.id in MORNING_ACTIVITIES:
            now[MORNING] = f"soon after waking ({clock}, {self.doing(state)})"
        if activity.category == "work":
            now[WORK] = f"{MOMENTS[WORK]} ({self.doing(state)})"
        late_from = min(bed - LATE_MINUTES, LATE_CLOCK)
        if minute >= late_from or minute < EARLY:
            now[LATE] = f"{MOMENTS[LATE]} ({clock}; {self.name} goes to bed at {bed // 60 % 24:02d}:{bed % 60:02d})"
        if activity.id in EATING and not state.walking:
            now[MEAL] = f"{MOMENTS[MEAL]} ({self.doing(state)})"
        return now
