"""The shared vocabulary of personas: topics (with keyword lexicons) and activities.

Both are data files in ``personas/data``. Personas refer to topics and
activities by id; loading a persona fails on an id that is not defined here.
Activity locations name rooms and objects as plain text ("kitchen:refrigerator",
"bedroom:desk" for the resident's own bedroom); the resident grounds them in a
house, and a test checks that the default house has every one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CATEGORIES = (
    "sleep", "hygiene", "meal", "work", "chore", "exercise",
    "hobby", "media", "social", "mindfulness", "rest",
)
OWN_BEDROOM = "bedroom"


class VocabularyError(ValueError):
    """A vocabulary data file is malformed; the message names file and field."""


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Subtask:
    description: str
    room: str  # "bedroom" stands for the resident's own bedroom
    object: str
    weight: float


@dataclass(frozen=True)
class Activity:
    id: str
    description: str
    category: str
    topics: tuple[str, ...]
    importance: int
    subtasks: tuple[Subtask, ...]
    min_minutes: int = 5  # the shortest block of it that makes sense (a planner never plans less)
    max_minutes: int = 240  # the longest stretch of it as free time

    @property
    def room(self) -> str:
        """Where most of the activity happens (its heaviest subtask)."""
        return max(self.subtasks, key=lambda s: s.weight).room


WORD_CLASSES = ("VERB", "NOUN", "ADJ", "ADV", "PROPN")


def _keyword_ok(keyword: object) -> bool:
    if not isinstance(keyword, str):
        return False
    word, slash, word_class = keyword.partition("/")
    return word == word.lower() and (not slash or (word_class in WORD_CLASSES and " " not in word))


def _read(name: str) -> tuple[dict, str]:
    source = f"propersim_env/personas/data/{name}"
    text = resources.files("propersim_env.personas").joinpath(f"data/{name}").read_text(encoding="utf-8")
    try:
        return tomllib.loads(text), source
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"{source}: not valid TOML: {exc}") from exc


@lru_cache(maxsize=1)
def topics() -> dict[str, Topic]:
    """All topics by id."""
    data, source = _read("topics.toml")
    out = {}
    for tid, entry in data.get("topics", {}).items():
        where = f"{source}: topics.{tid}"
        label = entry.get("label")
        keywords = entry.get("keywords")
        if not isinstance(label, str) or not label:
            raise VocabularyError(f"{where}.label: missing or not text")
        if not isinstance(keywords, list) or not keywords or not all(_keyword_ok(k) for k in keywords):
            raise VocabularyError(f"{where}.keywords: must be a non-empty list of lower-case strings "
                                  f"(a one-word keyword may end in a word class: 'water/VERB')")
        out[tid] = Topic(tid, label, tuple(keywords))
    return out


@lru_cache(maxsize=1)
def activities() -> dict[str, Activity]:
    """All activities by id."""
    data, source = _read("activities.toml")
    known_topics = topics()
    out = {}
    for aid, entry in data.get("activities", {}).items():
        where = f"{source}: activities.{aid}"
        category = entry.get("category")
        if category not in CATEGORIES:
            raise VocabularyError(f"{where}.category: {category!r} is not one of {', '.join(CATEGORIES)}")
        for t in entry.get("topics", []):
            if t not in known_topics:
                raise VocabularyError(f"{where}.topics: unknown topic {t!r}")
        importance = entry.get("importance")
        if not isinstance(importance, int) or not 1 <= importance <= 10:
            raise VocabularyError(f"{where}.importance: must be an integer from 1 to 10")
        subtasks = []
        for i, item in enumerate(entry.get("subtasks", [])):
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[1], str) and item[1].count(":") == 1):
                raise VocabularyError(f"{where}.subtasks[{i}]: must be [description, 'room:object', weight]")
            room, obj = item[1].split(":")
            subtasks.append(Subtask(item[0], room, obj, float(item[2])))
        if not subtasks:
            raise VocabularyError(f"{where}.subtasks: at least one subtask is needed")
        min_minutes = entry.get("min_minutes", 5)
        max_minutes = entry.get("max_minutes", 240)
        if not isinstance(min_minutes, int) or not isinstance(max_minutes, int) or not 5 <= min_minutes <= max_minutes:
            raise VocabularyError(f"{where}.min_minutes: needs integers 5 <= min_minutes <= max_minutes")
        out[aid] = Activity(aid, entry["description"], category, tuple(entry.get("topics", [])), importance,
                            tuple(subtasks), min_minutes, max_minutes)
    return out
