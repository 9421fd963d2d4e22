"""Baseline assistant policies, by the names the benchmarks use.

Every policy has ``reset(seed, info)`` (called after ``env.reset``),
``act(observation, info) -> str`` and ``observe(reward, info)`` (the rating of
its last decision). They read the moment from the observation (time and the
resident's activity, see :mod:`propersim_env.seat.observation`) and see only
what the environment exposes, except ``oracle``, which reads the persona's structured preferences and is an upper bound, named
as such.

- ``never``: never suggests.
- ``always``: one fixed generic suggestion at every step.
- ``random``: suggests a random catalog sentence with probability ``p``.
- ``periodic``: a random catalog sentence every ``minutes`` minutes.
- ``heuristic``: reads only what the environment exposes: suggests during
  leisure moments, spaced out, on a topic that matches what the resident is
  doing; it drops topics that scored poorly and, when told a suggestion came
  too often, suggests less (fewer a day, further apart).
- ``oracle``: knows the persona's windows, activities, topics, frequency and tone.

For ``ProPerSim-v1`` (a resident who acts on accepted suggestions and has hidden needs):

- ``needs_aware``: ``heuristic``'s timing, plus a behaviour-only estimate of the
  resident's needs: the published needs model (:mod:`propersim_env.user.needs`)
  run at unit rates on the activities it observes (a long gap between
  observations is sleep), corrected by what the resident says (a curt "I'm
  too tired for that" names the need). When an estimated need runs low at a
  free moment it proposes an activity that meets it, on the topics that have
  been rated well, tries others when declined, and spaces these suggestions
  out when told they came too often.
- ``oracle_v1``: ``oracle`` plus the resident's hidden needs (``info["needs"]``):
  at a free moment (not work, a meal, sleep, hygiene or do-not-disturb time) when
  the least met need nears the edge of its range, it proposes what meets it, on
  a liked topic when the catalog has one, within the persona's spacing and
  daily maximum. An upper bound on what reading the needs is worth, named as such.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import numpy as np

from propersim_env.core import NO_RECOMMENDATION
from propersim_env.envs.proposal_activity import proposed_activity
from propersim_env.evaluation import classify
from propersim_env.personas import activities, load_persona
from propersim_env.seat.observation import observed_activity, observed_time
from propersim_env.user.goals import weekly_goals
from propersim_env.user.needs import LOW, NEEDS, SATED, START_LEVELS, Needs

from .catalog import GENERIC, SUGGESTIONS, all_suggestions


class Policy:
    name = "policy"

    def reset(self, seed: int | None, info: dict) -> None:
        self.rng = np.random.default_rng(seed)

    def act(self, observation: dict, info: dict) -> str:
        raise NotImplementedError

    def observe(self, reward: float, info: dict) -> None:
        """The rating of the last decision; policies that adapt override this."""

    def _random_suggestion(self) -> str:
        entries = all_suggestions()
        return entries[int(self.rng.integers(len(entries)))][1]


class Never(Policy):
    name = "never"

    def act(self, observation, info):
        return NO_RECOMMENDATION


class Always(Policy):
    name = "always"

    def act(self, observation, info):
        return GENERIC


class RandomPolicy(Policy):
    name = "random"

    def __init__(self, p: float = 0.5):
        if not 0 <= p <= 1:
            raise ValueError(f"p must be in [0, 1], got {p}")
        self.p = p

    def act(self, observation, info):
        return self._random_suggestion() if self.rng.random() < self.p else NO_RECOMMENDATION


class Periodic(Policy):
    name = "periodic"

    def __init__(self, minutes: int = 60):
        if minutes <= 0:
            raise ValueError(f"minutes must be positive, got {minutes}")
        self.minutes = minutes

    def reset(self, seed, info):
        super().reset(seed, info)
        self._last: datetime | None = None

    def act(self, observation, info):
        now = observed_time(observation)
        if self._last is None or (now - self._last).total_seconds() >= self.minutes * 60:
            self._last = now
            return self._random_suggestion()
        return NO_RECOMMENDATION


class Heuristic(Policy):
    """Context rules on the observation alone."""

    name = "heuristic"
    quiet_categories = {"sleep", "hygiene", "work", "mindfulness", "meal"}

    def __init__(self, spacing_minutes: int = 120, daily_cap: int = 6):
        self._initial = (spacing_minutes, daily_cap)
        self.spacing_minutes, self.daily_cap = self._initial

    def reset(self, seed, info):
        super().reset(seed, info)
        self.spacing_minutes, self.daily_cap = self._initial
        self._last: datetime | None = None
        self._today = None
        self._count = 0
        self._topic_scores: dict[str, list[float]] = {}
        self._pending: str | None = None

    def observe(self, reward: float, info: dict) -> None:
        """Credit the last suggestion's topic with its reward; back off when it came too often."""
        if self._pending is not None:
            self._topic_scores.setdefault(self._pending, []).append(reward)
            self._pending = None
            if info["scores"]["frequency"] == 0:
                self.daily_cap = max(1, self._count - 1)
                self.spacing_minutes = min(480, int(self.spacing_minutes * 1.5))

    def act(self, observation, info):
        now = observed_time(observation)
        if now.date() != self._today:
            self._today, self._count = now.date(), 0
        activity = observed_activity(observation)
        spaced = self._last is None or (now - self._last).total_seconds() >= self.spacing_minutes * 60
        if activity.category in self.quiet_categories or not spaced or self._count >= self.daily_cap:
            return NO_RECOMMENDATION
        topics = [t for t in activity.topics if t in SUGGESTIONS] or list(classify(observation["user_action"]))
        topics = [t for t in topics if np.mean(self._topic_scores.get(t, [3.0])) >= 2.0]
        if not topics:
            return NO_RECOMMENDATION
        topic = topics[int(self.rng.integers(len(topics)))]
        self._last, self._pending = now, topic
        self._count += 1
        texts = SUGGESTIONS[topic]
        return texts[int(self.rng.integers(len(texts)))]


class Oracle(Policy):
    """Reads the persona's structured preferences: an upper bound, not a fair competitor."""

    name = "oracle"

    def reset(self, seed, info):
        super().reset(seed, info)
        self.persona = load_persona(info["persona_id"])
        self._last: datetime | None = None
        self._first: datetime | None = None
        self._today = None
        self._count = 0

    def act(self, observation, info):
        prefs = self.persona.preferences
        now = observed_time(observation)
        if now.date() != self._today:
            self._today, self._count, self._last, self._first = now.date(), 0, None, now
        minute = now.hour * 60 + now.minute
        activity = observed_activity(observation)
        freq = prefs.frequency
        spaced = self._last is None or (now - self._last).total_seconds() >= freq.min_spacing_minutes * 60
        if not spaced or self._count >= freq.max_per_day:
            return NO_RECOMMENDATION
        if activity.id in prefs.do_not_disturb_activities or any(w.contains(minute) for w in prefs.do_not_disturb):
            return NO_RECOMMENDATION
        if activity.category in ("sleep", "hygiene"):
            return NO_RECOMMENDATION
        window = next((w for w in prefs.preferred_windows if w.contains(minute)), None)
        wanted = next((a for a in prefs.preferred_activities if a.activity == activity.id), None)
        awake = self.persona.sleep.weekday_bed - self.persona.sleep.weekday_wake
        silence_limit = awake / freq.min_per_day
        since = (now - (self._last or self._first)).total_seconds() / 60
        overdue = since >= silence_limit - 15
        good_moment = window is not None or wanted is not None or activity.category in ("hobby", "media", "rest", "chore")
        if not (window or wanted or (overdue and good_moment)):
            return NO_RECOMMENDATION
        moment_topics = (wanted.topics if wanted else ()) + (window.topics if window else ()) + activity.topics
        liked = [t for t in moment_topics if t in prefs.liked_topics] or list(prefs.liked_topics)
        text = self._fitting_text(liked)
        if text is None:
            return NO_RECOMMENDATION
        self._last = now
        self._count += 1
        return text

    def _fitting_text(self, topics: list[str]) -> str | None:
        tone = self.persona.preferences.tone
        for topic in topics:
            for text in SUGGESTIONS.get(topic, ()):
                if len(text.split()) <= tone.max_words and (tone.allow_exclamations or "!" not in text):
                    return text
        return None


def need_texts(persona_id: int = 1) -> dict[str, list[tuple[str, str]]]:
    """Catalog (topic, text) pairs by the need that the activity they propose meets (the needs model
    at unit rates; the activity as the resident would read it)."""
    persona = load_persona(persona_id)
    unit = Needs(dict.fromkeys(NEEDS, 1.0), dict(START_LEVELS))
    out: dict[str, list[tuple[str, str]]] = {n: [] for n in NEEDS}
    for topic, text in all_suggestions():
        activity = proposed_activity(text, persona)
        if activity is None:
            continue
        for need in unit.satisfies(activities()[activity].category):
            out[need].append((topic, text))
    return out


#: what a curt reply says is lacking (see propersim_env.user.acceptance)
_CURT_NEED = {"too tired": "energy", "sitting all day": "movement", "starving": "nourishment",
              "talked to anyone": "social", "wound up": "calm"}


class NeedsAware(Heuristic):
    """``heuristic`` with a behaviour-only estimate of the hidden needs (ProPerSim-v1)."""

    name = "needs_aware"
    #: an estimated need below this is worth a suggestion
    threshold = LOW + 0.1
    need_spacing_minutes = 45

    def reset(self, seed, info):
        super().reset(seed, info)
        self.estimate = Needs(dict.fromkeys(NEEDS, 1.0), dict(START_LEVELS))
        self._seen: datetime | None = None
        self._texts = need_texts(info["persona_id"])
        self._declined: dict[str, int] = {}
        self._need_pending: tuple[str, str] | None = None
        self._last_need: datetime | None = None
        self.need_spacing = self.need_spacing_minutes

    def _follow(self, observation) -> None:
        now = observed_time(observation)
        activity = observed_activity(observation)
        if self._seen is not None:
            minutes = (now - self._seen).total_seconds() / 60
            if minutes > 30:  # slept in between
                self.estimate.update("sleep", minutes, True)
            else:
                self.estimate.update(activity.category, minutes, False)
        self._seen = now
        said = observation.get("resident_reply", "")
        for words, need in _CURT_NEED.items():
            if words in said:
                self.estimate.levels[need] = min(self.estimate.levels[need], 0.1)

    def observe(self, reward, info):
        if self._need_pending is not None:
            topic, text = self._need_pending
            self._need_pending = None
            self._topic_scores.setdefault(topic, []).append(reward)
            if info.get("accepted") is False:
                self._declined[text] = self._declined.get(text, 0) + 1
            if info["scores"].get("frequency") == 0:  # too often: space the need suggestions out
                self.need_spacing = min(240, int(self.need_spacing * 1.25))
            return
        super().observe(reward, info)

    def act(self, observation, info):
        self._follow(observation)
        now = observed_time(observation)
        activity = observed_activity(observation)
        need, level = self.estimate.lowest()
        spaced = self._last_need is None or (now - self._last_need).total_seconds() >= self.need_spacing * 60
        free = activity.category not in self.quiet_categories
        if level < self.threshold and spaced and free:
            options = [(t, x) for t, x in self._texts[need] if np.mean(self._topic_scores.get(t, [3.0])) >= 2.0]
            options.sort(key=lambda tx: (self._declined.get(tx[1], 0), -np.mean(self._topic_scores.get(tx[0], [3.0]))))
            if options:
                topic, text = options[0]
                self._last_need = self._last = now
                self._need_pending = (topic, text)
                if now.date() != self._today:
                    self._today, self._count = now.date(), 0
                self._count += 1
                return text
        return super().act(observation, info)


class OracleV1(Oracle):
    """``oracle`` that also reads the hidden needs (``info["needs"]``) and the weekly goals
    (``info["goals"]``): an upper bound (ProPerSim-v1).

    When a need runs low it proposes what meets it, preferring an activity that advances a
    goal not yet reached this week; otherwise it is v0's oracle, except that it keeps quiet
    when v0's oracle would propose an activity that refills no need below
    :data:`~propersim_env.user.needs.SATED` (acting on it would only cost the switch).
    """

    name = "oracle_v1"
    threshold = LOW + 0.1
    need_spacing_minutes = 45

    def reset(self, seed, info):
        super().reset(seed, info)
        self._texts = need_texts(info["persona_id"])
        self._last_need: datetime | None = None
        self._used: dict[str, int] = {}
        self._goal_activities = {g.name: g.activities for g in weekly_goals(self.persona)}

    def _advances_goal(self, text: str, goals: dict) -> bool:
        activity = proposed_activity(text, self.persona)
        return activity is not None and any(
            activity in acts and goals.get(name, {}).get("done", 0) < goals.get(name, {}).get("target", 0)
            for name, acts in self._goal_activities.items())

    def _worth_acting_on(self, text: str, needs: dict) -> bool:
        activity = proposed_activity(text, self.persona)
        if activity is None:
            return True
        unit = Needs(dict.fromkeys(NEEDS, 1.0), dict(needs))
        return any(needs[n] < SATED for n in unit.satisfies(activities()[activity].category))

    def act(self, observation, info):
        needs = info.get("needs")
        if needs:
            need = min(NEEDS, key=needs.__getitem__)
            now = observed_time(observation)
            activity = observed_activity(observation)
            prefs = self.persona.preferences
            minute = now.hour * 60 + now.minute
            calm = (activity.id not in prefs.do_not_disturb_activities
                    and not any(w.contains(minute) for w in prefs.do_not_disturb)
                    and activity.category not in ("sleep", "hygiene", "work", "meal"))
            freq = prefs.frequency  # the oracle knows how often the resident wants to hear from it
            gap = max(self.need_spacing_minutes, freq.min_spacing_minutes)
            spaced = self._last_need is None or (now - self._last_need).total_seconds() >= gap * 60
            today = self._count if now.date() == self._today else 0
            if needs[need] < self.threshold and calm and spaced and today < freq.max_per_day:
                goals = info.get("goals") or {}
                texts = sorted(self._texts[need], key=lambda tx: (tx[0] in prefs.disliked_topics,
                                                                  not self._advances_goal(tx[1], goals),
                                                                  self._used.get(tx[1], 0),
                                                                  tx[0] not in prefs.liked_topics))
                text = next((x for _, x in texts if len(x.split()) <= prefs.tone.max_words
                             and (prefs.tone.allow_exclamations or "!" not in x)), None)
                if text is not None:
                    self._used[text] = self._used.get(text, 0) + 1
                    self._last_need = self._last = now
                    if now.date() != self._today:
                        self._today, self._count, self._first = now.date(), 0, now
                    self._count += 1
                    return text
            state = (self._last, self._count, self._today, self._first)
            text = super().act(observation, info)
            if text != NO_RECOMMENDATION and not self._worth_acting_on(text, needs):
                self._last, self._count, self._today, self._first = state
                return NO_RECOMMENDATION
            return text
        return super().act(observation, info)


POLICIES: dict[str, Callable[[], Policy]] = {
    "never": Never,
    "always": Always,
    "random": RandomPolicy,
    "periodic": Periodic,
    "heuristic": Heuristic,
    "oracle": Oracle,
}
"""The study's baselines (the benchmarks' default set on ProPerSim-v0)."""

V1_POLICIES: dict[str, Callable[[], Policy]] = {
    "needs_aware": NeedsAware,
    "oracle_v1": OracleV1,
}
"""The baselines made for ProPerSim-v1 (they run on v0 too, where there are no needs to read)."""


def make_policy(name: str) -> Policy:
    """A baseline by its command-line name."""
    known = {**POLICIES, **V1_POLICIES}
    try:
        return known[name]()
    except KeyError:
        raise ValueError(f"unknown policy {name!r}; choose from {', '.join(known)}") from None
