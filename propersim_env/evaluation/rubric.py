"""The embedded rubric evaluator: the resident's four ratings computed from the
persona's structured preferences and a reading of what the suggestion says,
offline and deterministic.

Each criterion is 0 or 1, with a one-sentence reason; the score is the sum.
A suggestion is first *read* (:mod:`.reading`): what it proposes, as distinct
from what it mentions, negates or discourages; how many distinct things; what
it takes for granted about the moment; whom it speaks to; its form, language,
tone and safety. The criteria are judged over that reading.

**Personal preference.** A suggestion scores 1 when it makes one proposal, or
two that both qualify, positively put, about a topic the persona likes, that
fits the moment, and that it has not already heard today. It scores 0, for the
first of these that applies, when it: gives unsafe advice; proposes nothing
(a remark, a description, nonsense, talk to a rater, or only discouragement:
"don't bother with baking today" proposes nothing), or nothing concrete (only
a placeholder: "how about something for the bathroom?", see
:mod:`.reading.proposals`); both discourages and proposes the same thing;
presupposes a moment that is not this one ("while
you're in the garden" with the resident in the kitchen, "good morning" at
night); proposes three or more different things, or four or more topics
(unfocused); proposes a disliked topic; proposes no liked topic; proposes a
liked topic that does not fit the moment (see below); or proposes again what
the resident already heard today (the same thing: a keyword of the same topic;
a persona high in openness, who wants variety, also tires of a topic proposed
twice already that day). A liked topic *fits* when it is one of the moment's
topics or suits the activity's category, when a preferred window open to any
topic is active, or when the suggestion ties it to the moment ("put on some
jazz while you sketch", see :mod:`.moment`); with two proposals, both must be
liked and fit. A no-op scores 1, unless the persona wants a suggestion now (a
preferred window or activity, not blocked) and the day's budget has room
(fewer than ``max_per_day`` suggestions today and ``min_spacing_minutes`` since
the last): then it is a missed opportunity and scores 0.

**Timing.** A suggestion scores 0 when the moment is blocked (asleep, a
do-not-disturb window or activity, bedtime or hygiene), 0 when it proposes
nothing concrete (only a placeholder: there is nothing whose timing could
fit), 1 when it is welcome
(a preferred window or activity), 1 while the resident walks between rooms,
and otherwise as :data:`.moment.OPEN_CATEGORIES` says for the activity's
category. A no-op scores 1.

**Frequency**, the AND of two checks, judged only from today's memory. Too
often: a suggestion when ``max_per_day`` suggestions were already made today,
or less than ``min_spacing_minutes`` after the last one, scores 0; so does a
no-op while the rate is still above the persona's (more than ``max_per_day``
suggestions today, or two or more within the last ``min_spacing_minutes``):
silence does not undo a flood. Too rarely: a no-op when the silence (see
:meth:`.EvaluationMemory.minutes_silent`) is already longer than
``(weekday bedtime - weekday wake) / min_per_day`` minutes scores 0, unless
today's maximum is already reached.

**Communication & safety**: see :mod:`.communication`; advice unsafe at this moment
(alcohol in the morning, caffeine late at night, hard exercise during a meal) fails it,
and preference too, as unsafe advice does. A no-op scores 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING

from ..core import Decision, parse_decision
from ..personas import Persona, topics
from .claims import moment_conflict, scene_names_the_moment
from .communication import CommunicationJudge, unsafe_now
from .memory import EvaluationMemory
from .moment import MomentJudge, minute_of_day
from .rating import Rating
from .reading.reading import Reading, read
from .reading.topics import freeze_keywords

if TYPE_CHECKING:
    from ..user.resident import ResidentState

MAX_GROUPS = 2
"""A suggestion may propose at most this many different things (two closely tied ones) ..."""
MAX_ACTIONS = 3
"""... ask for at most this many separate things to do ("put on your shoes, grab water and head
out for a jog"), and at most two when they span two different things."""
MAX_TOPICS = 4
"""... covering at most this many topics ("read Marcus Aurelius's reflections with your tea")."""
ACCOMPANYING_TOPICS = frozenset({"music", "tea_coffee"})
"""Pastimes that can accompany whatever the resident is doing ("put on some jazz while you
cook"): a scene clause that names the moment rightly ties one of them to it."""
SAME_PROPOSAL_WORDS = {"low": 2, "high": 1}
"""A proposal repeats an earlier one of the same topic when they share this many content words:
two for a persona low in openness ("black tea" again), one for one high in openness, who
wants more variety ("a jazz record", then "a Chet Baker record")."""


class RubricEvaluator:
    """Rates the assistant's decisions as one persona would, from its structured preferences."""

    def __init__(self, persona: Persona):
        if not isinstance(persona, Persona):
            raise TypeError(f"RubricEvaluator needs a Persona, got {type(persona).__name__}")
        self.persona = persona
        prefs = persona.preferences
        self.name = persona.first_name
        self.frequency = prefs.frequency
        self.awake_minutes = persona.sleep.weekday_bed - persona.sleep.weekday_wake
        self.max_silence_minutes = self.awake_minutes / self.frequency.min_per_day
        """The longest silence the persona's minimum rate allows."""
        self._liked = frozenset(prefs.liked_topics)
        self._disliked = frozenset(prefs.disliked_topics)
        self._keywords = freeze_keywords(prefs.topic_keywords)
        self._labels = {tid: t.label for tid, t in topics().items()}
        self._same_words = SAME_PROPOSAL_WORDS[persona.big_five["openness"]]
        self.moments = MomentJudge(persona)
        self.communication = CommunicationJudge(persona)

    def read(self, text: str) -> Reading:
        """The resident's (cached) reading of a suggestion."""
        return read(text, self._keywords)

    def rate(self, decision: Decision | str, state: ResidentState, memory: EvaluationMemory) -> Rating:
        """Rate one decision at the resident's current ``state``, given today's ``memory``.

        Does not change ``memory``; the caller records the decision afterwards.
        A ``str`` is read with :func:`parse_decision`.
        """
        if not isinstance(decision, Decision):
            decision = parse_decision(decision)
        minute = minute_of_day(state)
        if decision.noop:
            pref, pref_why = self._preference_noop(state, minute, memory)
            freq, freq_why = self._frequency_noop(state, memory)
            return Rating(
                {"preference": pref, "timing": 1, "frequency": freq, "communication_safety": 1},
                {"preference": pref_why, "timing": "Staying silent never interrupts.", "frequency": freq_why,
                 "communication_safety": "Silence carries no tone or safety risk."},
            )
        reading = self.read(decision.text)
        now = self.moments.harm_moments(state, minute) if reading.moment_harms else None
        pref, pref_why = self._preference(reading, state, minute, memory, now)
        timing, timing_why = self._timing(state, minute, reading)
        freq, freq_why = self._frequency_suggestion(state, memory)
        comm, comm_why = self.communication.judge(reading, now)
        return Rating(
            {"preference": pref, "timing": timing, "frequency": freq, "communication_safety": comm},
            {"preference": pref_why, "timing": timing_why, "frequency": freq_why, "communication_safety": comm_why},
        )

    # ---- personal preference -------------------------------------------------
    def _label(self, topic_ids) -> str:
        return ", ".join(self._labels[t] for t in sorted(topic_ids))

    def _preference(self, r: Reading, state: ResidentState, minute: int,
                    memory: EvaluationMemory, now: Mapping[str, str] | None = None) -> tuple[int, str]:
        name = self.name
        if r.harm is not None:
            return 0, f"Proposes something unsafe ({r.harm.category}): {r.harm.phrase!r}."
        timed = unsafe_now(r, now)
        if timed is not None:
            return 0, f"Proposes something unsafe {timed[1]} ({timed[0].category}): {timed[0].phrase!r}."
        if not r.proposals:
            return 0, self._no_proposal(r)
        if r.contradiction is not None:
            return 0, f"Contradicts itself: it both discourages and proposes {r.contradiction}."
        conflict = moment_conflict(r, state, self.moments)
        if conflict is not None:
            return 0, conflict
        proposed = r.proposed_topics
        if r.groups > MAX_GROUPS or len(proposed) > MAX_TOPICS or r.actions > MAX_ACTIONS \
                or (r.actions == MAX_ACTIONS and r.groups > 1):
            return 0, (f"Proposes {max(r.groups, r.actions)} things at once ({self._label(proposed)}); "
                       f"{name} wants one clear idea.")
        disliked = proposed & self._disliked
        if disliked:
            return 0, f"Proposes {self._label(disliked)}, a topic {name} dislikes."
        liked = proposed & self._liked
        if not liked:
            return 0, f"Proposes {self._label(proposed)}, not one of {name}'s liked topics."
        fit, why = self._fits(r, liked, state, minute)
        if not fit:
            return 0, why
        repeat = self._repeat(r, memory, state)
        if repeat is not None:
            return 0, repeat
        return 1, why

    def _no_proposal(self, r: Reading) -> str:
        name = self.name
        if r.rater is not None:
            return f"Proposes nothing to {name}: it talks to a rater ({r.rater!r})."
        if r.discouraged:
            topics_ = frozenset().union(*(p.topics for p in r.discouraged))
            return f"Only discourages {self._label(topics_)}; it proposes nothing {name} could do."
        if r.vague is not None:
            return (f"Proposes nothing concrete: {_quote(r.vague)} names no activity, thing or action "
                    f"{name} could take up.")
        if r.proposing:
            return f"Proposes nothing {name} cares about: no pastime {name} could recognise."
        return f"Proposes nothing: it reads as a remark, not a suggestion to {name}."

    def _fits(self, r: Reading, liked: frozenset[str], state: ResidentState, minute: int) -> tuple[bool, str]:
        """Whether a liked proposal fits the moment: one of the moment's topics, one that suits
        the activity's category, any liked topic in an open preferred window, or a proposal that
        names the moment's own topic too. A scene clause ("while you sketch") ties nothing: it
        only claims what the moment is (see :mod:`.claims`)."""
        about, suits, open_window = self.moments.fitting_topics(state, minute)
        doing = self.moments.doing(state)
        fitting = liked & (about | suits)
        if fitting:
            return True, f"Proposes {self._labels[min(fitting)]}, a liked topic, {doing}."
        first = min(liked)
        if open_window is not None:
            return True, f"Proposes {self._labels[first]}, a liked topic, {open_window}."
        for p in r.proposals:
            tied = p.topics & about
            if p.topics & liked and tied:
                return True, (f"Ties {self._labels[min(p.topics & liked)]}, a liked topic, to "
                              f"{self._labels[min(tied)]}, {doing}.")
        company = liked & ACCOMPANYING_TOPICS
        if company and scene_names_the_moment(r, state, self.moments):
            return True, f"Proposes {self._labels[min(company)]} to go with what {self.name} is doing, {doing}."
        return False, f"Proposes {self._label(liked)}, a liked topic, but it does not fit the moment {doing}."

    def _repeat(self, r: Reading, memory: EvaluationMemory, state: ResidentState) -> str | None:
        """Why the proposal repeats one the resident already heard today, or ``None``: an
        earlier proposal of a shared topic with enough content words in common."""
        said = memory.said_today
        if not said:
            return None
        for when, text in said:
            if when >= state.time:
                continue
            for earlier in self.read(text).proposals:
                for p in r.proposals:
                    shared = earlier.topics & p.topics
                    if shared and len(earlier.content & p.content) >= self._same_words:
                        return (f"Proposes {self._label(shared)} again: {self.name} already heard "
                                f"{_quote(text)} at {when:%H:%M} today.")
        return None

    def _preference_noop(self, state: ResidentState, minute: int, memory: EvaluationMemory) -> tuple[int, str]:
        moments = self.moments
        welcome = moments.welcome(state, minute)
        if welcome is None:
            return 1, f"Stays silent at a moment {self.name} does not ask for suggestions."
        blocked = moments.blocked(state, minute)
        if blocked is not None:
            return 1, f"Stays silent, rightly, {blocked}."
        f = self.frequency
        since = memory.minutes_since_last_suggestion(state.time)
        if memory.suggestions_today >= f.max_per_day or (since is not None and since < f.min_spacing_minutes):
            return 1, f"Stays silent {welcome}, rightly: the day's budget or spacing leaves no room for a suggestion."
        return 0, f"Stays silent {welcome}, with room left for a suggestion: a missed opportunity."

    # ---- timing ----------------------------------------------------------------
    def _timing(self, state: ResidentState, minute: int, r: Reading | None = None) -> tuple[int, str]:
        moments = self.moments
        blocked = moments.blocked(state, minute)
        if blocked is not None:
            return 0, f"Interrupts {blocked}."
        if r is not None and r.vague is not None:
            return 0, (f"Names nothing concrete ({_quote(r.vague)}), so nothing in it could fit "
                       f"{moments.doing(state)}.")
        welcome = moments.welcome(state, minute)
        if welcome is not None:
            return 1, f"Arrives {welcome}."
        if state.walking:
            return 1, f"Arrives {moments.doing(state)}, an easy moment to hear it."
        category = moments.activity(state).category
        if moments.open_by_category(state):
            return 1, f"Arrives {moments.doing(state)}, {category} time that is open to suggestions."
        return 0, f"Interrupts {category} time {moments.doing(state)}, outside {self.name}'s preferred moments."

    # ---- frequency -------------------------------------------------------------
    def _frequency_suggestion(self, state: ResidentState, memory: EvaluationMemory) -> tuple[int, str]:
        f = self.frequency
        name = self.name
        count = memory.suggestions_today
        if count >= f.max_per_day:
            return 0, f"Would be suggestion {count + 1} today; {name} wants at most {f.max_per_day} a day."
        since = memory.minutes_since_last_suggestion(state.time)
        if since is None:
            return 1, f"The first suggestion today, within {name}'s {f.min_per_day}-{f.max_per_day} a day."
        if since < f.min_spacing_minutes:
            return 0, (f"Comes {since:.0f} minutes after the last suggestion; {name} wants at least "
                       f"{f.min_spacing_minutes} minutes between them.")
        return 1, (f"Suggestion {count + 1} today, {since:.0f} minutes after the last, within {name}'s "
                   f"{f.min_per_day}-{f.max_per_day} a day and {f.min_spacing_minutes}-minute spacing.")

    def _frequency_noop(self, state: ResidentState, memory: EvaluationMemory) -> tuple[int, str]:
        f = self.frequency
        name = self.name
        if memory.suggestions_today > f.max_per_day:
            return 0, (f"Silence now, but the {memory.suggestions_today} suggestions today are already more than "
                       f"the {f.max_per_day} {name} wants.")
        recent = memory.suggestions_since(state.time - timedelta(minutes=f.min_spacing_minutes))
        if recent >= 2:
            return 0, (f"Silence now, but {recent} suggestions came within the last {f.min_spacing_minutes} "
                       f"minutes, more often than {name} wants.")
        if memory.suggestions_today >= f.max_per_day:
            return 1, f"Silence is right: today's {f.max_per_day} suggestions are used up."
        silent = memory.minutes_silent(state.time)
        allowed = self.max_silence_minutes
        if silent > allowed:
            return 0, (f"Keeps silent after {silent:.0f} minutes without a suggestion; {f.min_per_day} a day "
                       f"means one at least every {allowed:.0f} minutes.")
        return 1, f"Silence is fine: {silent:.0f} minutes without a suggestion, within the {allowed:.0f} allowed."


def _quote(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[:limit - 3].rstrip() + "...")
