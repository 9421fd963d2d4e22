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

While the resident walks between rooms, the activity is the one it walks to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..personas import Persona, activities
from ..personas.vocabulary import CATEGORIES, Activity

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
