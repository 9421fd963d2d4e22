"""The persona schema: what a persona file must hold, checked when it loads.

A persona is one TOML file (``data/persona_NN.toml``). It carries the texts an
LLM reads (profile and the four criteria, in the first person) and the same
preferences in structured form for the embedded rubric evaluator and the
scripted planner. Every check failure raises :class:`PersonaDataError` naming
the file and the field, e.g.
``persona_07.toml: field 'preferences.preferred_windows[1].end': 09:00 is not after 10:00``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..core import CRITERIA
from .vocabulary import activities, topics

TRAITS = ("extraversion", "agreeableness", "conscientiousness", "openness", "neuroticism")
LEVELS = ("high", "low")
WORK_STATUSES = ("employed", "remote", "freelance", "retired", "not working")
REGISTERS = ("warm", "calm", "formal", "casual", "direct", "playful")
DAY_SETS = ("daily", "weekdays", "weekends")
PROFILE_FIELDS = ("background", "interests", "lifestyle", "daily_plan_needs", "long_term_goals")
_CLOCK = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


class PersonaDataError(ValueError):
    """A persona file breaks the schema; the message names the file and the field."""


def clock_to_minutes(text: str) -> int:
    """``"07:30"`` -> 450. ``"24:00"`` is allowed as the end of a day."""
    m = _CLOCK.match(text)
    if not m or (m.group(1) == "24" and m.group(2) != "00"):
        raise ValueError(f"{text!r} is not a clock time HH:MM")
    return int(m.group(1)) * 60 + int(m.group(2))


def minutes_to_clock(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class TimeWindow:
    """A window of the day in minutes since midnight, ``start < end <= 1440``."""

    start: int
    end: int
    label: str
    topics: tuple[str, ...] = ()

    def contains(self, minute_of_day: int) -> bool:
        return self.start <= minute_of_day < self.end

    def __str__(self) -> str:
        return f"{minutes_to_clock(self.start)}-{'24:00' if self.end == 1440 else minutes_to_clock(self.end)}"


@dataclass(frozen=True)
class ActivityPreference:
    """A kind of moment, tied to an activity, when the persona wants (or does not want) a suggestion."""

    activity: str
    label: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Frequency:
    min_per_day: int
    max_per_day: int
    min_spacing_minutes: int


@dataclass(frozen=True)
class Tone:
    register: str
    max_words: int
    allow_exclamations: bool
    allow_emoji: bool
    traits: tuple[str, ...]
    safety: tuple[str, ...]


@dataclass(frozen=True)
class Sleep:
    """Wake and bed times in minutes; a bedtime after midnight is > 1440."""

    weekday_wake: int
    weekday_bed: int
    weekend_wake: int
    weekend_bed: int
    jitter_minutes: int


@dataclass(frozen=True)
class RoutineBlock:
    """A building block of the persona's days: an activity, when, how long, how often."""

    activity: str
    at: int | None  # start time, minutes since midnight; None = right after the block before it
    min_minutes: int
    max_minutes: int
    days: str
    chance: float


@dataclass(frozen=True)
class Preferences:
    liked_topics: tuple[str, ...]
    disliked_topics: tuple[str, ...]
    topic_keywords: dict[str, tuple[str, ...]]
    preferred_windows: tuple[TimeWindow, ...]
    preferred_activities: tuple[ActivityPreference, ...]
    do_not_disturb: tuple[TimeWindow, ...]
    do_not_disturb_activities: tuple[str, ...]
    frequency: Frequency
    tone: Tone


@dataclass(frozen=True)
class Persona:
    id: int
    name: str
    pronoun: str
    age: int
    occupation: str
    work_status: str
    big_five: dict[str, str]
    profile: dict[str, str]
    criteria: dict[str, str]
    preferences: Preferences
    sleep: Sleep
    routine: tuple[RoutineBlock, ...]
    free_time: tuple[str, ...]
    source: str = ""

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def big_five_code(self) -> str:
        """Levels as letters in the order E, A, C, O, N, e.g. ``"HLHHL"``."""
        return "".join(self.big_five[t][0].upper() for t in TRAITS)

    def describe(self) -> str:
        """A short identity line for prompts and displays."""
        return f"{self.name}, {self.age}, {self.occupation}"


# --------------------------------------------------------------------------
# validation


class _Reader:
    """Reads typed fields from nested dicts, naming the path on any error."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, path: str, problem: str) -> PersonaDataError:
        return PersonaDataError(f"{self.source}: field '{path}': {problem}")

    def get(self, data: dict, key: str, kind: type | tuple[type, ...], path: str, default: Any = ...):
        full = f"{path}.{key}" if path else key
        if key not in data:
            if default is ...:
                raise self.fail(full, "missing")
            return default
        value = data[key]
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(full, f"must be {names}, got {type(value).__name__}")
        return value

    def text(self, data: dict, key: str, path: str, min_words: int = 1) -> str:
        value = self.get(data, key, str, path).strip()
        if len(value.split()) < min_words:
            raise self.fail(f"{path}.{key}" if path else key, f"needs at least {min_words} words")
        return value

    def clock(self, data: dict, key: str, path: str, default: Any = ...) -> int | None:
        if default is not ... and key not in data:
            return default
        value = self.get(data, key, str, path)
        try:
            return clock_to_minutes(value)
        except ValueError as exc:
            raise self.fail(f"{path}.{key}", str(exc)) from None

    def topic_ids(self, values: list, path: str) -> tuple[str, ...]:
        known = topics()
        for i, t in enumerate(values):
            if t not in known:
                raise self.fail(f"{path}[{i}]", f"unknown topic {t!r}")
        return tuple(values)

    def activity_id(self, value: str, path: str) -> str:
        if value not in activities():
            raise self.fail(path, f"unknown activity {value!r}")
        return value

    def window(self, data: dict, path: str, label_key: str) -> TimeWindow:
        start = self.clock(data, "start", path)
        end = self.clock(data, "end", path)
        if end <= start:
            raise self.fail(f"{path}.end", f"{minutes_to_clock(end)} is not after {minutes_to_clock(start)}")
        topic_list = self.topic_ids(self.get(data, "topics", list, path, []), f"{path}.topics")
        return TimeWindow(start, end, self.text(data, label_key, path), topic_list)


def _bed_minutes(reader: _Reader, data: dict, key: str) -> int:
    """Bedtimes before noon are read as after midnight (``"00:30"`` -> 1470)."""
    m = reader.clock(data, key, "sleep")
    return m + 1440 if m < 12 * 60 else m


def parse_persona(data: dict, source: str = "<dict>") -> Persona:
    """Build and check a :class:`Persona` from a parsed TOML dict."""
    r = _Reader(source)
    pid = r.get(data, "id", int, "")
    if not 1 <= pid <= 9999:
        raise r.fail("id", "must be a positive integer")
    pronoun = r.get(data, "pronoun", str, "")
    if pronoun not in ("he", "she", "they"):
        raise r.fail("pronoun", "must be 'he', 'she' or 'they'")
    age = r.get(data, "age", int, "")
    if not 18 <= age <= 100:
        raise r.fail("age", f"{age} is not an adult age")
    work_status = r.get(data, "work_status", str, "")
    if work_status not in WORK_STATUSES:
        raise r.fail("work_status", f"{work_status!r} is not one of {', '.join(WORK_STATUSES)}")

    big5 = r.get(data, "big_five", dict, "")
    for t in TRAITS:
        if r.get(big5, t, str, "big_five") not in LEVELS:
            raise r.fail(f"big_five.{t}", "must be 'high' or 'low'")
    extra = set(big5) - set(TRAITS)
    if extra:
        raise r.fail("big_five", f"unknown traits {sorted(extra)}")

    profile_data = r.get(data, "profile", dict, "")
    profile = {k: r.text(profile_data, k, "profile", min_words=8) for k in PROFILE_FIELDS}
    criteria_data = r.get(data, "criteria", dict, "")
    criteria = {k: r.text(criteria_data, k, "criteria", min_words=20) for k in CRITERIA}

    p = r.get(data, "preferences", dict, "")
    liked = r.topic_ids(r.get(p, "liked_topics", list, "preferences"), "preferences.liked_topics")
    if not liked:
        raise r.fail("preferences.liked_topics", "needs at least one topic")
    disliked = r.topic_ids(r.get(p, "disliked_topics", list, "preferences", []), "preferences.disliked_topics")
    both = set(liked) & set(disliked)
    if both:
        raise r.fail("preferences.disliked_topics", f"{sorted(both)} also liked")
    extra_kw = {}
    for tid, words in r.get(p, "topic_keywords", dict, "preferences", {}).items():
        r.topic_ids([tid], "preferences.topic_keywords")
        if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
            raise r.fail(f"preferences.topic_keywords.{tid}", "must be a list of lower-case strings")
        extra_kw[tid] = tuple(words)

    windows = tuple(
        r.window(w, f"preferences.preferred_windows[{i}]", "for")
        for i, w in enumerate(r.get(p, "preferred_windows", list, "preferences"))
    )
    wanted_acts = []
    for i, a in enumerate(r.get(p, "preferred_activities", list, "preferences", [])):
        path = f"preferences.preferred_activities[{i}]"
        wanted_acts.append(ActivityPreference(
            r.activity_id(r.get(a, "activity", str, path), f"{path}.activity"),
            r.text(a, "for", path),
            r.topic_ids(r.get(a, "topics", list, path, []), f"{path}.topics"),
        ))
    if not windows and not wanted_acts:
        raise r.fail("preferences.preferred_windows", "a persona needs a preferred window or a preferred activity")
    dnd = tuple(
        r.window(w, f"preferences.do_not_disturb[{i}]", "what")
        for i, w in enumerate(r.get(p, "do_not_disturb", list, "preferences", []))
    )
    dnd_acts = tuple(
        r.activity_id(a, f"preferences.do_not_disturb_activities[{i}]")
        for i, a in enumerate(r.get(p, "do_not_disturb_activities", list, "preferences", []))
    )
    clash = {w.activity for w in wanted_acts} & set(dnd_acts)
    if clash:
        raise r.fail("preferences.do_not_disturb_activities", f"{sorted(clash)} are also preferred activities")

    f = r.get(p, "frequency", dict, "preferences")
    freq = Frequency(
        r.get(f, "min_per_day", int, "preferences.frequency"),
        r.get(f, "max_per_day", int, "preferences.frequency"),
        r.get(f, "min_spacing_minutes", int, "preferences.frequency"),
    )
    if not 1 <= freq.min_per_day <= freq.max_per_day:
        raise r.fail("preferences.frequency.max_per_day", "needs 1 <= min_per_day <= max_per_day")
    if not 5 <= freq.min_spacing_minutes <= 600:
        raise r.fail("preferences.frequency.min_spacing_minutes", "must be between 5 and 600")

    t = r.get(p, "tone", dict, "preferences")
    register = r.get(t, "register", str, "preferences.tone")
    if register not in REGISTERS:
        raise r.fail("preferences.tone.register", f"{register!r} is not one of {', '.join(REGISTERS)}")
    max_words = r.get(t, "max_words", int, "preferences.tone")
    if not 8 <= max_words <= 120:
        raise r.fail("preferences.tone.max_words", "must be between 8 and 120")
    tone = Tone(
        register,
        max_words,
        r.get(t, "allow_exclamations", bool, "preferences.tone"),
        r.get(t, "allow_emoji", bool, "preferences.tone"),
        tuple(r.get(t, "traits", list, "preferences.tone")),
        tuple(r.get(t, "safety", list, "preferences.tone")),
    )
    prefs = Preferences(liked, disliked, extra_kw, windows, tuple(wanted_acts), dnd, dnd_acts, freq, tone)

    s = r.get(data, "sleep", dict, "")
    sleep = Sleep(
        r.clock(s, "weekday_wake", "sleep"),
        _bed_minutes(r, s, "weekday_bed"),
        r.clock(s, "weekend_wake", "sleep"),
        _bed_minutes(r, s, "weekend_bed"),
        r.get(s, "jitter_minutes", int, "sleep"),
    )
    for key, wake in (("weekday_wake", sleep.weekday_wake), ("weekend_wake", sleep.weekend_wake)):
        if not 4 * 60 + 30 <= wake <= 11 * 60 + 30:
            raise r.fail(f"sleep.{key}", "must be between 04:30 and 11:30")
    for key, bed in (("weekday_bed", sleep.weekday_bed), ("weekend_bed", sleep.weekend_bed)):
        if not 20 * 60 + 30 <= bed <= 26 * 60:
            raise r.fail(f"sleep.{key}", "must be between 20:30 and 02:00")
    if not 0 <= sleep.jitter_minutes <= 60:
        raise r.fail("sleep.jitter_minutes", "must be between 0 and 60")

    awake = sleep.weekday_bed - sleep.weekday_wake
    if (freq.max_per_day - 1) * freq.min_spacing_minutes > awake:
        raise r.fail("preferences.frequency.max_per_day",
                     f"{freq.max_per_day} suggestions {freq.min_spacing_minutes} minutes apart do not fit in {awake} waking minutes")
    for i, w in enumerate(windows):
        if w.end <= sleep.weekday_wake or w.start >= sleep.weekday_bed:
            raise r.fail(f"preferences.preferred_windows[{i}]", f"{w} lies outside the weekday waking hours")
        for d in dnd:
            if w.start < d.end and d.start < w.end:
                raise r.fail(f"preferences.preferred_windows[{i}]", f"{w} overlaps the do-not-disturb window {d}")

    routine = []
    for i, b in enumerate(r.get(data, "routine", list, "")):
        path = f"routine[{i}]"
        minutes = r.get(b, "minutes", list, path)
        if len(minutes) != 2 or not all(isinstance(m, int) for m in minutes) or not 5 <= minutes[0] <= minutes[1] <= 600:
            raise r.fail(f"{path}.minutes", "must be [min, max] with 5 <= min <= max <= 600")
        days = r.get(b, "days", str, path, "daily")
        if days not in DAY_SETS:
            raise r.fail(f"{path}.days", f"{days!r} is not one of {', '.join(DAY_SETS)}")
        chance = r.get(b, "chance", (int, float), path, 1.0)
        if not 0 < chance <= 1:
            raise r.fail(f"{path}.chance", "must be in (0, 1]")
        routine.append(RoutineBlock(
            r.activity_id(r.get(b, "activity", str, path), f"{path}.activity"),
            r.clock(b, "at", path, None),
            minutes[0], minutes[1], days, float(chance),
        ))
    if len(routine) < 6:
        raise r.fail("routine", "needs at least 6 building blocks")
    free = r.get(r.get(data, "free_time", dict, ""), "activities", list, "free_time")
    if len(free) < 3:
        raise r.fail("free_time.activities", "needs at least 3 activities")
    free_time = tuple(r.activity_id(a, f"free_time.activities[{i}]") for i, a in enumerate(free))

    return Persona(
        id=pid,
        name=r.text(data, "name", "", min_words=2),
        pronoun=pronoun,
        age=age,
        occupation=r.text(data, "occupation", ""),
        work_status=work_status,
        big_five={t: big5[t] for t in TRAITS},
        profile=profile,
        criteria=criteria,
        preferences=prefs,
        sleep=sleep,
        routine=tuple(routine),
        free_time=free_time,
        source=source,
    )
