"""The embedded rubric evaluator: the resident's four ratings computed from the
persona's structured preferences, offline and deterministic.

Each criterion is 0 or 1, with a one-sentence reason; the score is the sum.

**Personal preference.** A suggestion scores 1 when it mentions a liked topic,
mentions no disliked topic, and fits the moment: a liked topic it mentions is
one of the moment's topics or suits the activity's category, or it ties a
liked topic to what the moment is about (it mentions one of the moment's
topics too), or a preferred window open to any topic is active (see
:mod:`.moment`). An unclassified, off-topic or disliked suggestion scores 0.
A no-op scores 1, unless the persona wants a suggestion now (a preferred
window or activity, not blocked) and the day's budget has room (fewer than
``max_per_day`` suggestions today and ``min_spacing_minutes`` since the last):
then it is a missed opportunity and scores 0.

**Timing.** A suggestion scores 0 when the moment is blocked (asleep, a
do-not-disturb window or activity, bedtime or hygiene), 1 when it is welcome
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

**Communication & safety**: see :mod:`.communication`. A no-op scores 1.

Only the first :data:`.topics.MAX_ANALYSED_CHARS` characters of a suggestion
are analysed; a longer one fails communication.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from ..personas import Persona, topics
from .communication import CommunicationJudge
from .decision import Decision, parse_decision
from .lexicon import words
from .memory import EvaluationMemory
from .moment import MomentJudge, minute_of_day
from .rating import Rating
from .topics import MAX_ANALYSED_CHARS, freeze_keywords, topic_index

if TYPE_CHECKING:
    from ..user.resident import ResidentState


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
        self._topics = topic_index(freeze_keywords(prefs.topic_keywords))
        self._labels = {tid: t.label for tid, t in topics().items()}
        self.moments = MomentJudge(persona)
        self.communication = CommunicationJudge(persona)

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
        text = decision.text
        tokens = words(text[:MAX_ANALYSED_CHARS])
        hits = self._topics.scan(tokens)[0]
        pref, pref_why = self._preference(hits, state, minute)
        timing, timing_why = self._timing(state, minute)
        freq, freq_why = self._frequency_suggestion(state, memory)
        comm, comm_why = self.communication.judge(text, tokens, self._topics.single_words)
        return Rating(
            {"preference": pref, "timing": timing, "frequency": freq, "communication_safety": comm},
            {"preference": pref_why, "timing": timing_why, "frequency": freq_why, "communication_safety": comm_why},
        )

    # ---- personal preference -------------------------------------------------
    def _preference(self, hits: dict[str, int], state: ResidentState, minute: int) -> tuple[int, str]:
        name = self.name
        if not hits:
            return 0, f"Mentions none of the topics {name} cares about, so it is not clearly something {name} likes."
        disliked = [t for t in hits if t in self._disliked]
        if disliked:
            return 0, f"Mentions {self._labels[disliked[0]]}, a topic {name} dislikes."
        liked = [t for t in hits if t in self._liked]
        if not liked:
            return 0, f"Is about {self._labels[next(iter(hits))]}, not one of {name}'s liked topics."
        about, suits, open_window = self.moments.fitting_topics(state, minute)
        doing = self.moments.doing(state)
        for t in liked:
            if t in about or t in suits:
                return 1, f"Suggests {self._labels[t]}, a liked topic, {doing}."
        if open_window is not None:
            return 1, f"Suggests {self._labels[liked[0]]}, a liked topic, {open_window}."
        tied = [t for t in hits if t in about]
        if tied:
            return 1, (f"Ties {self._labels[liked[0]]}, a liked topic, to {self._labels[tied[0]]}, "
                       f"{doing}.")
        return 0, f"Suggests {self._labels[liked[0]]}, a liked topic, but it does not fit the moment {doing}."

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
    def _timing(self, state: ResidentState, minute: int) -> tuple[int, str]:
        moments = self.moments
        blocked = moments.blocked(state, minute)
        if blocked is not None:
            return 0, f"Interrupts {blocked}."
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
