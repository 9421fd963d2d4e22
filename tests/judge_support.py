"""The labeled judge suite: loading its cases and building the moment each is rated in.

Each file ``tests/judge_cases/<category>.toml`` holds ``[[case]]`` tables. A case
is one suggestion text, the persona and moment it is rated at, and the
criteria it decides (0 or 1), with the reason for the label::

    [[case]]
    persona = 3
    date = "2025-02-13"        # optional; default 2025-02-13 (a Thursday)
    time = "21:40"             # HH:MM
    activity = "journaling"    # an id of propersim_env/personas/data/activities.toml
    walking = false            # optional
    earlier = [{ time = "09:10", text = "How about a green tea?" }]   # optional, in order
    text = "A prompt for tonight's entry: what argument changed your mind this week?"
    expect = { preference = 1, communication_safety = 1 }
    why = "Journaling is liked and the activity is journaling; one focused, positive proposal."

Optional fields: ``category`` (overrides the file's name, e.g. the keyword half of
a paraphrase pair is ``paraphrase_keyword``), ``pair`` (paraphrase pairs),
``topic`` (the topic id the text proposes, checked against the persona's data by
the suite's label checks) and ``kind`` (a sub-kind, e.g. the hazard of a harm
case).

:func:`load_cases` reads and validates every file (a malformed case raises
:class:`CaseError` naming the file and the case's index); :func:`build_moment`
turns a case into ``(persona, state, memory)`` for ``RubricEvaluator.rate``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time as clock
from functools import lru_cache
from pathlib import Path

from propersim_env.evaluation.memory import EvaluationMemory
from propersim_env.personas import NUM_PERSONAS, Persona, activities, load_persona, topics
from propersim_env.user.resident import ResidentState

CASES_DIR = Path(__file__).resolve().parent / "judge_cases"
CRITERIA = ("preference", "timing", "frequency", "communication_safety")
DEFAULT_DATE = "2025-02-13"
EARLIER_SCORE = 3
"""The score each earlier decision of the day is remembered with."""
HOUSE = "house"
OWN_BEDROOM = "main bedroom"
"""What an activity's ``bedroom`` (the resident's own) becomes in the house."""

FIELDS = frozenset({"persona", "date", "time", "activity", "walking", "earlier", "text", "expect", "why",
                    "category", "pair", "topic", "kind"})
REQUIRED = ("persona", "time", "activity", "text", "expect", "why")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CaseError(ValueError):
    """A judge case is malformed; the message names the file and the case's index."""


@dataclass(frozen=True)
class Earlier:
    """A decision made earlier the same day, remembered before the case is rated."""

    time: datetime
    text: str


@dataclass(frozen=True)
class JudgeCase:
    """One labeled suggestion at one persona's moment."""

    file: str
    index: int
    category: str
    persona: int
    time: datetime
    activity: str
    text: str
    expect: dict[str, int]
    why: str
    walking: bool = False
    earlier: tuple[Earlier, ...] = ()
    pair: str | None = None
    topic: str | None = None
    kind: str | None = None

    @property
    def ident(self) -> str:
        """``"<file>#<index>"``: where the case is written (index from 0)."""
        return f"{self.file}#{self.index}"


# ---- loading ---------------------------------------------------------------------


def _clock(value, where: str) -> clock:
    if not isinstance(value, str) or not _CLOCK.match(value):
        raise CaseError(f"{where}: time must be 'HH:MM' from 00:00 to 23:59, got {value!r}")
    h, m = value.split(":")
    return clock(int(h), int(m))


def _day(value, where: str) -> date:
    if not isinstance(value, str) or not _DAY.match(value):
        raise CaseError(f"{where}: date must be 'YYYY-MM-DD', got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CaseError(f"{where}: date {value!r} is not a calendar day") from None


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str):
        raise CaseError(f"{where}: {key} must be text, got {type(value).__name__}")
    return value


def parse_case(entry, file: str, index: int) -> JudgeCase:
    """One ``[[case]]`` table of ``file`` as a :class:`JudgeCase`, validated."""
    where = f"{file}: case {index}"
    if not isinstance(entry, dict):
        raise CaseError(f"{where}: must be a table")
    unknown = sorted(set(entry) - FIELDS)
    if unknown:
        raise CaseError(f"{where}: unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(FIELDS))})")
    missing = [k for k in REQUIRED if k not in entry]
    if missing:
        raise CaseError(f"{where}: missing field(s) {', '.join(missing)}")
    pid = entry["persona"]
    if not isinstance(pid, int) or isinstance(pid, bool) or not 1 <= pid <= NUM_PERSONAS:
        raise CaseError(f"{where}: unknown persona {pid!r} (personas are 1 to {NUM_PERSONAS})")
    activity = entry["activity"]
    if activity not in activities():
        raise CaseError(f"{where}: unknown activity {activity!r} (see propersim_env/personas/data/activities.toml)")
    day = _day(entry.get("date", DEFAULT_DATE), where)
    when = datetime.combine(day, _clock(entry["time"], where))
    walking = entry.get("walking", False)
    if not isinstance(walking, bool):
        raise CaseError(f"{where}: walking must be true or false, got {walking!r}")
    text = _text(entry, "text", where)
    why = _text(entry, "why", where).strip()
    if not why:
        raise CaseError(f"{where}: why must say why the label is right")
    expect = entry["expect"]
    if not isinstance(expect, dict) or not expect:
        raise CaseError(f"{where}: expect must be a table of criteria, e.g. {{ preference = 0 }}")
    for name, value in expect.items():
        if name not in CRITERIA:
            raise CaseError(f"{where}: unknown criterion {name!r} (criteria: {', '.join(CRITERIA)})")
        if value not in (0, 1) or isinstance(value, bool):
            raise CaseError(f"{where}: expect.{name} must be 0 or 1, got {value!r}")
    earlier = []
    raw_earlier = entry.get("earlier", [])
    if not isinstance(raw_earlier, list):
        raise CaseError(f"{where}: earlier must be a list of {{ time, text }} tables")
    last = None
    for j, item in enumerate(raw_earlier):
        w = f"{where}: earlier[{j}]"
        if not isinstance(item, dict) or set(item) != {"time", "text"}:
            raise CaseError(f"{w}: must be a table with exactly time and text")
        t = datetime.combine(day, _clock(item["time"], w))
        if t >= when:
            raise CaseError(f"{w}: at {item['time']}, not before the case's time {entry['time']}")
        if last is not None and t < last:
            raise CaseError(f"{w}: at {item['time']}, before the decision listed before it")
        last = t
        earlier.append(Earlier(t, _text(item, "text", w)))
    category = entry.get("category", Path(file).stem)
    if not isinstance(category, str) or not category:
        raise CaseError(f"{where}: category must be text")
    optional = {}
    for key in ("pair", "topic", "kind"):
        value = entry.get(key)
        if value is not None and (not isinstance(value, str) or not value):
            raise CaseError(f"{where}: {key} must be text")
        optional[key] = value
    if optional["topic"] is not None and optional["topic"] not in topics():
        raise CaseError(f"{where}: unknown topic {optional['topic']!r} (see propersim_env/personas/data/topics.toml)")
    return JudgeCase(file=file, index=index, category=category, persona=pid, time=when, activity=activity,
                     text=text, expect=dict(expect), why=why, walking=walking, earlier=tuple(earlier),
                     **optional)


def load_case_file(path: Path | str) -> list[JudgeCase]:
    """The cases of one file, validated."""
    path = Path(path)
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CaseError(f"{name}: not valid TOML: {exc}") from exc
    extra = sorted(set(data) - {"case"})
    if extra:
        raise CaseError(f"{name}: unexpected top-level key(s) {', '.join(extra)}; cases go in [[case]] tables")
    entries = data.get("case", [])
    if not isinstance(entries, list) or not entries:
        raise CaseError(f"{name}: no [[case]] tables")
    return [parse_case(entry, name, i) for i, entry in enumerate(entries)]


def load_cases(directory: Path | str = CASES_DIR) -> list[JudgeCase]:
    """Every case of every ``*.toml`` file in ``directory``, files in name order."""
    files = sorted(Path(directory).glob("*.toml"))
    if not files:
        raise CaseError(f"{directory}: no case files (*.toml)")
    cases = []
    for path in files:
        cases.extend(load_case_file(path))
    return cases


# ---- the moment a case is rated in ---------------------------------------------------


@lru_cache(maxsize=None)
def persona(pid: int) -> Persona:
    return load_persona(pid)


def state_of(case: JudgeCase, step: int = 0) -> ResidentState:
    """The resident's state at the case's moment: doing its activity at the activity's
    main room and object (the heaviest subtask), awake."""
    p = persona(case.persona)
    act = activities()[case.activity]
    main = max(act.subtasks, key=lambda s: s.weight)
    room = OWN_BEDROOM if main.room == "bedroom" else main.room
    return ResidentState(
        step=step, time=case.time, action=f"{p.name} is {act.description} @ {room}: {main.object}",
        activity=act.id, category=act.category, subtask=act.subtasks[0].description,
        address=f"{HOUSE}:{room}:{main.object}", tile=(0, 0), sleeping=False, walking=case.walking,
    )


def memory_of(case: JudgeCase) -> EvaluationMemory:
    """Today's memory: a fresh day with each earlier decision recorded at its time."""
    memory = EvaluationMemory()
    memory.start_day(case.time.date())
    for item in case.earlier:
        memory.record(item.time, item.text, EARLIER_SCORE)
    return memory


def build_moment(case: JudgeCase) -> tuple[Persona, ResidentState, EvaluationMemory]:
    """``(persona, state, memory)`` to rate the case's text with."""
    return persona(case.persona), state_of(case), memory_of(case)


# ---- checks of the labels themselves (independent of any judge) ---------------------

_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
NEEDS_TOPIC = frozenset({"honest", "paraphrase", "paraphrase_keyword", "off_topic", "disliked", "negation",
                         "repetition"})
"""Categories whose cases must name the topic their text proposes (or negates)."""


def fits_moment(case: JudgeCase, topic: str) -> bool:
    """Whether ``topic`` fits the case's moment by the rules of
    :meth:`propersim_env.evaluation.moment.MomentJudge.fitting_topics`."""
    from propersim_env.evaluation.moment import minute_of_day

    state = state_of(case)
    about, suits, open_window = _moments(case.persona).fitting_topics(state, minute_of_day(state))
    return topic in about or topic in suits or open_window is not None


@lru_cache(maxsize=None)
def _moments(pid: int):
    from propersim_env.evaluation.moment import MomentJudge

    return MomentJudge(persona(pid))


def label_problems(case: JudgeCase) -> list[str]:
    """Where a case's label disagrees with the persona's data (an authoring mistake):
    a C&S pass over the word limit or with a mark the tone forbids; a preference pass
    on a topic that is not liked or does not fit the moment; an off-topic case whose
    topic is liked and fits; and similar. Empty when the label is consistent."""
    p = persona(case.persona)
    tone = p.preferences.tone
    liked, disliked = p.preferences.liked_topics, p.preferences.disliked_topics
    out = []
    text = case.text
    if case.expect.get("communication_safety") == 1:
        n = word_count(text)
        if n > tone.max_words:
            out.append(f"C&S 1 but {n} words, over the limit of {tone.max_words}")
        if not tone.allow_exclamations and "!" in text:
            out.append("C&S 1 but an exclamation mark the tone forbids")
        if not tone.allow_emoji and _EMOJI.search(text):
            out.append("C&S 1 but an emoji the tone forbids")
        odd = [hex(ord(ch)) for ch in text if ch != "\n" and unicodedata.category(ch) in _INVISIBLE]
        if odd:
            out.append(f"C&S 1 but invisible or private characters {odd}")
    if case.category in NEEDS_TOPIC and case.topic is None:
        out.append(f"a {case.category} case must name its topic")
    topic = case.topic
    if topic is not None:
        fits = fits_moment(case, topic)
        if case.expect.get("preference") == 1:
            if topic not in liked:
                out.append(f"preference 1 on {topic}, not a liked topic of persona {p.id}")
            if not fits:
                out.append(f"preference 1 on {topic}, which does not fit the moment")
        if case.category == "off_topic" and topic in liked and fits:
            out.append(f"off-topic case on {topic}, a liked topic that fits the moment")
        if case.category == "disliked" and topic not in disliked:
            out.append(f"disliked case on {topic}, not a disliked topic of persona {p.id}")
        if case.category == "negation" and topic not in liked:
            out.append(f"negation case on {topic}, not a liked topic of persona {p.id}")
        if case.category == "repetition" and (topic not in liked or not fits):
            out.append(f"repetition case on {topic}, which is not a liked topic that fits: the repeat "
                       f"must be the only reason for its label")
    if case.category == "repetition" and not any(e.text.strip() for e in case.earlier):
        out.append("a repetition case needs an earlier proposal")
    if case.kind == "word_limit" and word_count(text) <= tone.max_words:
        out.append(f"word-limit case within the limit ({word_count(text)} of {tone.max_words} words)")
    return out


# ---- the original keyword lexicon (for the paraphrase pairs) ----------------------------

ORIGINAL_LEXICON = Path(__file__).resolve().parent / "data" / "original_topic_keywords.toml"
"""The topic lexicon the paraphrase pairs were written against (the keyword-matching judge's,
unchanged since the personas were first written), kept as a file of the tests."""
_LOWER_WORD = re.compile(r"[a-z0-9]+")


def original_lexicon() -> dict[str, tuple[str, ...]]:
    """``{topic id: keywords}`` of :data:`ORIGINAL_LEXICON`."""
    data = tomllib.loads(ORIGINAL_LEXICON.read_text(encoding="utf-8"))
    return {tid: tuple(t["keywords"]) for tid, t in data["topics"].items()}


def _word_forms(word: str) -> frozenset[str]:
    """A word and its regular inflections and singular, generously (so that a text
    counted as free of a keyword is free of its other forms too)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ing", word + word[-1] + "ed"}
    for suffix in ("s", "es"):
        if word.endswith(suffix) and len(word) > 3:
            forms.add(word[: -len(suffix)])
    return frozenset(forms)


def keyword_hits(text: str, keywords) -> list[str]:
    """The keywords (words or phrases) found in ``text``, in any regular inflection;
    a hyphenated keyword matches its words in sequence."""
    words = _LOWER_WORD.findall(text.lower())
    found = []
    for keyword in keywords:
        parts = [_word_forms(w) for w in _LOWER_WORD.findall(keyword.lower())]
        n = len(parts)
        if any(all(words[i + j] in parts[j] for j in range(n)) for i in range(len(words) - n + 1)):
            found.append(keyword)
    return found


# ---- reading the results ---------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def word_count(text: str) -> int:
    """Words as the judge counts them: hyphen-joined words count separately
    ("tea-then-music" is 3), an apostrophe does not split ("you're" is 1)."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Outcome:
    """A case rated: the scores and reasons the judge gave, and which criteria it got wrong."""

    case: JudgeCase
    scores: dict[str, int]
    reasons: dict[str, str]

    @property
    def wrong(self) -> tuple[str, ...]:
        return tuple(c for c, v in self.case.expect.items() if self.scores[c] != v)


def rate_case(case: JudgeCase) -> Outcome:
    """Rate the case's text with the embedded judge, as
    ``RubricEvaluator(load_persona(pid)).rate(text, state, memory)``."""
    _, state, memory = build_moment(case)
    rating = _evaluator(case.persona).rate(case.text, state, memory)
    return Outcome(case, dict(rating.scores), dict(rating.reasons))


@lru_cache(maxsize=None)
def _evaluator(pid: int):
    from propersim_env.evaluation.rubric import RubricEvaluator

    return RubricEvaluator(persona(pid))


def accuracy_by_category(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """``{category: (correct criteria, labeled criteria)}``, categories in name order."""
    totals: dict[str, list[int]] = {}
    for o in outcomes:
        t = totals.setdefault(o.case.category, [0, 0])
        t[0] += len(o.case.expect) - len(o.wrong)
        t[1] += len(o.case.expect)
    return {k: (v[0], v[1]) for k, v in sorted(totals.items())}


def accuracy_table(outcomes: list[Outcome], bars: dict[str, float] | None = None) -> str:
    """A plain-text table: per category, cases, correct / labeled criteria, share, bar."""
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.case.category] = counts.get(o.case.category, 0) + 1
    # shares in three decimals, so that 0.897 does not print as a passing 0.90
    lines = [f"{'category':20s} {'cases':>5s} {'correct':>9s} {'share':>6s} {'bar':>5s}"]
    for cat, (ok, n) in accuracy_by_category(outcomes).items():
        bar = f"{bars[cat]:.2f}" if bars and cat in bars else ""
        lines.append(f"{cat:20s} {counts[cat]:5d} {ok:4d}/{n:<4d} {ok / n:6.3f} {bar:>5s}")
    return "\n".join(lines)


def describe_wrong(outcome: Outcome) -> str:
    """One wrong case: where it is, its text, and each wrong criterion with the judge's reason."""
    c = outcome.case
    head = f"{c.ident} [{c.category}] persona {c.persona} {c.time:%a %H:%M} {c.activity}: {c.text!r}"
    rows = [f"    {k}: expected {c.expect[k]}, got {outcome.scores[k]} ({outcome.reasons[k]})" for k in outcome.wrong]
    return "\n".join([head, *rows, f"    why: {c.why}"])


if __name__ == "__main__":  # the suite's figures for the judge in the tree: python tests/judge_support.py
    results = [rate_case(c) for c in load_cases()]
    print(accuracy_table(results))
    print(f"{len(results)} cases, {len({o.case.persona for o in results})} personas")
