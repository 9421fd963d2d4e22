"""What a suggestion takes for granted about the moment, checked against the moment.

A suggestion may presuppose the time of day ("Good morning", at night), the
day ("since it's Sunday", on a Thursday), the meal ("enjoy your dinner", at
three in the afternoon), where
the resident is ("while you're in the garden", in the kitchen) or what it is
doing ("put on some jazz while you cook", while it reads). Only claims about
*now* count: a greeting, and scene-setting clauses that say while, as, since,
now that or during (see :class:`.reading.proposals.Scene`); "after dinner" or
"tonight, try a new recipe" plan for later and claim nothing about now.

A claim contradicts the moment when the greeting's part of the day does not
hold the clock time (with half an hour's grace), when the scene names a room
the resident is not in, or when it names a pastime (a topic) or a kind of
activity that is neither the activity's, its category's, nor in what the
resident is doing. While the resident walks between rooms, place and activity
claims are not judged.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .moment import CATEGORY_TOPICS, MomentJudge
from .reading.reading import Reading
from .reading.topics import classify, inflections, words

if TYPE_CHECKING:
    from ..user.resident import ResidentState

GRACE_MINUTES = 30
_GREETING = re.compile(r"\bgood\s+(morning|afternoon|evening|night)\b|^\s*(morning|evening|night)\s*[,.!]",
                       re.IGNORECASE)
GREETING_HOURS = {  # minutes of the day when each greeting fits (a range may wrap past midnight)
    "morning": (4 * 60, 12 * 60),
    "afternoon": (12 * 60, 18 * 60),
    "evening": (17 * 60, 24 * 60 + 60),
    "night": (20 * 60, 24 * 60 + 5 * 60),
}
ROOM_WORDS = {  # words that name a part of the house, and the rooms they fit
    "kitchen": ("kitchen",), "garden": ("garden",), "yard": ("garden",), "outside": ("garden",),
    "outdoors": ("garden",), "bathroom": ("bathroom",), "bath": ("bathroom",), "shower": ("bathroom",),
    "bedroom": ("bedroom",), "bed": ("bedroom",), "lounge": ("common room",), "living": ("common room",),
    "sofa": ("common room",), "couch": ("common room",), "sitting": ("common room",), "common": ("common room",),
    "desk": ("bedroom", "common room"), "dining": ("common room", "kitchen"),
}
_DAY_CLAIM = re.compile(r"\b(?:since|as|now that|because|seeing as)\s+it(?:'s|’s| is)\s+(?:a\s+|the\s+)?"
                        r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend)\b"
                        r"|\bhappy\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MEAL_NOW = re.compile(r"\benjoy\s+your\s+(breakfast|lunch|dinner|supper)\b", re.IGNORECASE)
MEAL_HOURS = {"breakfast": (5 * 60, 11 * 60), "lunch": (11 * 60, 15 * 60), "dinner": (17 * 60, 23 * 60),
              "supper": (17 * 60, 23 * 60)}
KNOWN_ROOMS = ("kitchen", "garden", "bathroom", "bedroom", "common room")
KIND_WORDS = {  # words of a scene that name a kind of activity, and the categories they fit
    "work": ("work",), "working": ("work",), "meeting": ("work",), "emails": ("work",), "email": ("work",),
    "eat": ("meal",), "eating": ("meal",), "lunch": ("meal", "chore"), "breakfast": ("meal", "chore"),
    "dinner": ("meal", "chore", "social"), "meal": ("meal", "chore", "social"),
    "shower": ("hygiene",), "showering": ("hygiene",), "bath": ("hygiene", "rest"),
    "sleep": ("sleep", "rest"), "sleeping": ("sleep", "rest"), "nap": ("rest", "sleep"),
    "workout": ("exercise",), "exercising": ("exercise",), "training": ("exercise",),
    "shift": ("work",), "office": ("work",), "job": ("work",),
}


def moment_conflict(reading: Reading, state: ResidentState, moments: MomentJudge) -> str | None:
    """Why the suggestion's claims about now contradict the moment, or ``None``."""
    minute = state.time.hour * 60 + state.time.minute
    for found in _GREETING.finditer(reading.text):
        part = (found.group(1) or found.group(2)).lower()
        start, end = GREETING_HOURS[part]
        if not any(start - GRACE_MINUTES <= m < end + GRACE_MINUTES for m in (minute, minute + 24 * 60)):
            return f"Says {found.group(0).strip(' ,.!')!r}, but it is {state.time:%H:%M}."
    for found in _DAY_CLAIM.finditer(reading.text):
        day = (found.group(1) or found.group(2)).lower()
        today = state.time.weekday()
        holds = today >= 5 if day == "weekend" else today < 5 if day == "weekday" else _WEEKDAYS[today] == day
        if not holds:
            return f"Says {found.group(0).strip()!r}, but it is {state.time:%A}."
    meals = [m.group(1).lower() for m in _MEAL_NOW.finditer(reading.text)]
    meals += [w for s in reading.scenes if s.present for w in words(s.text) if w in MEAL_HOURS]
    for meal in meals:
        start, end = MEAL_HOURS[meal]
        if not start - GRACE_MINUTES <= minute < end + GRACE_MINUTES:
            return f"Speaks of {meal} now, but it is {state.time:%H:%M}."
    if state.walking:
        return None
    activity = moments.activity(state)
    room = state.address.split(":")[1] if state.address.count(":") >= 1 else ""
    known_room = any(r in room for r in KNOWN_ROOMS)
    doing = moments.doing(state)
    own_topics = set(activity.topics) | CATEGORY_TOPICS[activity.category] | set(classify(state.action))
    for scene in reading.scenes:
        if not scene.present:
            continue
        said = words(scene.text)
        for w in said:
            rooms = ROOM_WORDS.get(w)
            if rooms is not None and known_room and not any(r in room for r in rooms):
                return f"Says {scene.text!r}, but {moments.name} is in the {room}."
        if scene.topics and not scene.topics & own_topics:
            return f"Says {scene.text!r}, but {doing}."
        kinds = [KIND_WORDS[w] for w in said if w in KIND_WORDS]
        if kinds and not any(activity.category in k for k in kinds):
            return f"Says {scene.text!r}, but {doing}."
    return None


def scene_names_the_moment(reading: Reading, state: ResidentState, moments: MomentJudge) -> bool:
    """Whether a scene clause about now names what the resident is doing or where: a topic of
    the activity ("while you cook"), a word of its description or steps ("while you chop", the
    steps being "chopping vegetables"), or the room it is in ("while you're in the kitchen")."""
    scenes = [s for s in reading.scenes if s.present]
    if not scenes:
        return False
    activity = moments.activity(state)
    own_topics = set(activity.topics) | CATEGORY_TOPICS[activity.category]
    own_words = set(words(" ".join([activity.description, state.subtask, *(t.description for t in activity.subtasks)])))
    room = state.address.split(":")[1] if state.address.count(":") >= 1 else ""
    for scene in scenes:
        if scene.topics & own_topics:
            return True
        said = {w for w in words(scene.text) if len(w) > 3}
        if any(({w} | inflections(w)) & own_words for w in said):
            return True
        if any(r in room for w in said for r in ROOM_WORDS.get(w, ())):
            return True
    return False
