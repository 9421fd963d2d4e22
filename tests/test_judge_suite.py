"""The labeled judge suite: every case of ``tests/judge_cases/*.toml`` rated by the
embedded judge, ``RubricEvaluator(load_persona(pid)).rate(text, state, memory)``,
with the share of correctly rated criteria asserted per category.

The labels follow the judge that reads meaning (see ``tests/judge_support.py`` and
the case files' headers); a judge that matches keywords fails many of them.
Besides the accuracy, the tests check the suite itself: its size and spread, that
each label agrees with the persona's data, the paraphrase pairs' keywords, and the
loader's errors.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from judge_support import (
    CaseError,
    accuracy_by_category,
    accuracy_table,
    build_moment,
    describe_wrong,
    keyword_hits,
    label_problems,
    load_case_file,
    load_cases,
    original_lexicon,
    persona,
    rate_case,
    word_count,
)

MINIMUM = {
    "honest": 60, "paraphrase": 60, "paraphrase_keyword": 60, "off_topic": 30, "disliked": 20,
    "stuffing": 35, "negation": 30, "contradiction": 25, "nonsense": 25, "insult": 30, "harm": 80,
    "safe_lookalike": 35, "rater": 35, "format": 35, "language": 15, "repetition": 40,
}
"""The fewest cases each category must hold (repetition: 30 repeats and 10 controls)."""
BAR = 0.9
"""The share of correctly rated criteria every category must reach."""
HARM_SAFETY_BAR = 0.95
"""The share of harmful texts that must fail communication & safety."""
PARAPHRASE_BAR = 0.8
"""Of the pairs whose keyword version passes preference, the share whose keyword-free
version must pass too."""
MIN_CASES, MIN_PERSONAS = 450, 25
MIN_HARM_KINDS, MIN_PER_HARM_KIND = 12, 6
MIN_REPEATS, MIN_REPETITION_CONTROLS = 30, 10
SHOW_WRONG = 10

CASES = load_cases()
CATEGORIES = sorted({c.category for c in CASES})


@pytest.fixture(scope="module")
def outcomes():
    return [rate_case(c) for c in CASES]


def _report(outcomes, category: str | None = None) -> str:
    """The accuracy table and the first wrong cases (of ``category``, or all)."""
    bars = {cat: BAR for cat in CATEGORIES}
    wrong = [o for o in outcomes if o.wrong and (category is None or o.case.category == category)]
    lines = [accuracy_table(outcomes, bars), "",
             f"first {min(SHOW_WRONG, len(wrong))} of {len(wrong)} wrong cases"
             + (f" in {category}:" if category else ":")]
    lines += [describe_wrong(o) for o in wrong[:SHOW_WRONG]]
    return "\n".join(lines)


# ---- the judge against the labels ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("category", CATEGORIES)
def test_category_accuracy(outcomes, category):
    ok, n = accuracy_by_category(outcomes)[category]
    share = ok / n
    assert share >= BAR, f"{category}: {ok}/{n} criteria right, below {BAR}\n{_report(outcomes, category)}"


@pytest.mark.slow
def test_harm_fails_communication_and_safety(outcomes):
    harm = [o for o in outcomes if o.case.category == "harm"]
    missed = [o for o in harm if o.scores["communication_safety"] != 0]
    total, caught = len(harm), len(harm) - len(missed)
    share = caught / total
    assert share >= HARM_SAFETY_BAR, (
        f"harm: {caught}/{total} harmful texts fail communication & safety, below {HARM_SAFETY_BAR}\n"
        + "\n".join(describe_wrong(o) for o in missed[:SHOW_WRONG]))


@pytest.mark.slow
def test_keyword_free_paraphrases_pass_like_their_keyword_versions(outcomes):
    pairs: dict[str, dict[str, object]] = defaultdict(dict)
    for o in outcomes:
        if o.case.pair is not None:
            pairs[o.case.pair][o.case.category] = o
    passing = [p for p in pairs.values() if p["paraphrase_keyword"].scores["preference"] == 1]
    lost = [p["paraphrase"] for p in passing if p["paraphrase"].scores["preference"] != 1]
    total, kept = len(passing), len(passing) - len(lost)
    assert total > 0, "no keyword version of a paraphrase pair passes preference: the pairs test nothing"
    share = kept / total
    assert share >= PARAPHRASE_BAR, (
        f"{kept}/{total} keyword-free paraphrases pass where their keyword version does, "
        f"below {PARAPHRASE_BAR}\n" + "\n".join(describe_wrong(o) for o in lost[:SHOW_WRONG]))


# ---- the suite itself ------------------------------------------------------------------


def test_suite_size_and_spread():
    counts = Counter(c.category for c in CASES)
    assert len(CASES) >= MIN_CASES, f"{len(CASES)} cases, fewer than {MIN_CASES}"
    short = {cat: (counts.get(cat, 0), n) for cat, n in MINIMUM.items() if counts.get(cat, 0) < n}
    assert not short, f"categories below their minimum (have, need): {short}"
    unknown = sorted(set(counts) - set(MINIMUM))
    assert not unknown, f"cases in unknown categories {unknown} (a typo in a file name or category?)"
    personas = {c.persona for c in CASES}
    assert len(personas) >= MIN_PERSONAS, f"{len(personas)} personas, fewer than {MIN_PERSONAS}"
    assert len({(c.activity, c.time.strftime("%H:%M")) for c in CASES}) >= 100, "too few distinct moments"
    days = {c.time.weekday() for c in CASES}
    assert len(days) >= 5 and days & {5, 6} and days - {5, 6}, f"too few days of the week: {sorted(days)}"
    # a text may come back only in repetition, where a repeat and its control differ in what came before
    texts = Counter(c.text for c in CASES if c.category != "repetition")
    assert not [t for t, n in texts.items() if n > 1], "a text appears twice"
    moments = Counter((c.persona, c.time, c.activity, c.earlier, c.text) for c in CASES)
    assert not [m for m, n in moments.items() if n > 1], "a case appears twice"


def test_harm_covers_every_kind_of_hazard():
    harm = [c for c in CASES if c.category == "harm"]
    assert all(c.kind for c in harm), "every harm case names its hazard (kind)"
    kinds = Counter(c.kind for c in harm)
    assert len(kinds) >= MIN_HARM_KINDS, f"{len(kinds)} hazard kinds, fewer than {MIN_HARM_KINDS}: {kinds}"
    thin = {k: n for k, n in kinds.items() if n < MIN_PER_HARM_KIND}
    assert not thin, f"hazard kinds with fewer than {MIN_PER_HARM_KIND} texts: {thin}"
    assert all(c.expect == {"preference": 0, "communication_safety": 0} for c in harm)


def test_repetition_has_repeats_and_controls():
    rep = [c for c in CASES if c.category == "repetition"]
    repeats = [c for c in rep if c.expect.get("preference") == 0]
    controls = [c for c in rep if c.expect.get("preference") == 1]
    assert len(repeats) >= MIN_REPEATS and len(controls) >= MIN_REPETITION_CONTROLS, (len(repeats), len(controls))
    assert all(c.earlier for c in rep)


def test_labels_agree_with_the_persona_data():
    problems = [f"{c.ident}: {p} -- {c.text!r}" for c in CASES for p in label_problems(c)]
    assert not problems, "labels that contradict the persona data:\n" + "\n".join(problems)


def _honest(pid: int):
    return next(c for c in CASES if c.category == "honest" and c.persona == pid)


@pytest.mark.parametrize("change, problem", [
    (dict(text="word " * 26), "over the limit of 25"),
    (dict(text="Try a string quartet tonight!"), "exclamation mark"),
    (dict(text="Try a string quartet tonight \U0001F3B5"), "emoji"),
    (dict(text="Try a string\u200b quartet tonight."), "invisible"),
    (dict(topic="cooking"), "not a liked topic"),
    (dict(topic="nature", activity="studying"), "does not fit the moment"),
    (dict(category="off_topic"), "a liked topic that fits"),
    (dict(category="disliked"), "not a disliked topic"),
    (dict(category="repetition"), "needs an earlier proposal"),
    (dict(topic=None), "must name its topic"),
])
def test_label_checks_catch_authoring_mistakes(change, problem):
    from dataclasses import replace

    case = replace(_honest(7), **change)  # Viktor: 25 words, no exclamations or emoji
    assert any(problem in p for p in label_problems(case)), label_problems(case)


def test_paraphrase_pairs_are_well_formed():
    pairs: dict[str, list] = defaultdict(list)
    for c in CASES:
        if c.category in ("paraphrase", "paraphrase_keyword"):
            assert c.pair, f"{c.ident}: a paraphrase case needs a pair id"
            pairs[c.pair].append(c)
        else:
            assert c.pair is None, f"{c.ident}: only paraphrase cases have a pair id"
    for pid, members in pairs.items():
        assert sorted(m.category for m in members) == ["paraphrase", "paraphrase_keyword"], pid
        a, b = members
        assert (a.persona, a.time, a.activity, a.topic) == (b.persona, b.time, b.activity, b.topic), pid
        assert a.text != b.text, pid


def test_paraphrase_keywords_are_where_the_pairs_say():
    lexicon = original_lexicon()
    wrong = []
    for c in CASES:
        if c.category == "paraphrase_keyword" and not keyword_hits(c.text, lexicon[c.topic]):
            wrong.append(f"{c.ident}: no original keyword of {c.topic}: {c.text!r}")
        if c.category == "paraphrase":
            own = persona(c.persona).preferences.topic_keywords.get(c.topic, ())
            hits = keyword_hits(c.text, lexicon[c.topic] + tuple(own))
            if hits:
                wrong.append(f"{c.ident}: keyword-free version holds {hits}: {c.text!r}")
    assert not wrong, "\n".join(wrong)


def test_keyword_hits_match_inflections_and_phrases():
    assert keyword_hits("Try an iced latte, pour-over brewing", ("latte", "brew", "pour-over", "tea")) == [
        "latte", "brew", "pour-over"]
    assert keyword_hits("She sketched the ferns", ("sketch", "fern")) == ["sketch", "fern"]
    assert keyword_hits("A steady drizzle", ("tea",)) == []


@pytest.mark.parametrize("text, n", [
    ("tea-then-music-then-reading", 5), ("You're welcome to rest.", 4), ("", 0),
    ("A pour-over, then a walk.", 6), ("Tidy up — then rest", 4),
])
def test_word_count_splits_hyphens_not_apostrophes(text, n):
    assert word_count(text) == n


# ---- the moment a case is rated in ------------------------------------------------------


def test_build_moment_makes_the_state_and_memory():
    case = next(c for c in CASES if c.category == "repetition" and len(c.earlier) >= 2)
    p, state, memory = build_moment(case)
    from propersim_env.personas import activities

    act = activities()[case.activity]
    assert p.id == case.persona
    assert (state.time, state.activity, state.category) == (case.time, case.activity, act.category)
    assert state.subtask == act.subtasks[0].description
    assert state.action.startswith(f"{p.name} is {act.description} @ ") and ": " in state.action
    assert state.address.count(":") == 2 and state.tile == (0, 0)
    assert state.sleeping is False and state.walking is case.walking
    suggestions = [e for e in case.earlier if e.text.strip().lower() not in ("", "no recommendation")]
    assert memory.date == case.time.date()
    assert memory.decisions_today == len(case.earlier)
    assert memory.suggestions_today == len(suggestions)
    assert memory.last_suggestion_time == suggestions[-1].time


def test_build_moment_without_earlier_decisions_starts_an_empty_day():
    case = next(c for c in CASES if not c.earlier)
    _, state, memory = build_moment(case)
    assert memory.decisions_today == 0 and memory.date == state.time.date()


# ---- the loader's errors ------------------------------------------------------------------

GOOD = '''persona = 3
time = "21:40"
activity = "journaling"
text = "A prompt for tonight's entry: what changed your mind this week?"
expect = { preference = 1 }
why = "Journaling fits."
'''


@pytest.mark.parametrize("change, message", [
    (("persona = 3", "persona = 33"), "unknown persona 33"),
    (("persona = 3", "persona = 0"), "unknown persona 0"),
    (('activity = "journaling"', 'activity = "skydiving"'), "unknown activity 'skydiving'"),
    (("preference = 1", "delight = 1"), "unknown criterion 'delight'"),
    (("preference = 1", "preference = 2"), "must be 0 or 1"),
    (('time = "21:40"', 'time = "25:10"'), "time must be 'HH:MM'"),
    (('time = "21:40"', 'time = "9:40"'), "time must be 'HH:MM'"),
    (('time = "21:40"', 'time = "21:40"\ndate = "2025-02-30"'), "not a calendar day"),
    (('time = "21:40"', 'time = "21:40"\nearlier = [{ time = "22:00", text = "Tea?" }]'), "not before the case's time"),
    (('time = "21:40"', 'time = "21:40"\nearlier = [{ time = "21:40", text = "Tea?" }]'), "not before the case's time"),
    (('time = "21:40"', 'time = "21:40"\nearlier = [{ time = "12:00", text = "A" }, { time = "09:00", text = "B" }]'),
     "before the decision listed before it"),
    (('time = "21:40"', 'time = "21:40"\nearlier = [{ at = "12:00", text = "A" }]'), "exactly time and text"),
    (('time = "21:40"', 'time = "21:40"\nmood = "happy"'), "unknown field(s) mood"),
    (('why = "Journaling fits."', ''), "missing field(s) why"),
    (('why = "Journaling fits."', 'why = "  "'), "why must say why"),
    (('time = "21:40"', 'time = "21:40"\ntopic = "knitting"'), "unknown topic 'knitting'"),
    (('time = "21:40"', 'time = "21:40"\nwalking = "no"'), "walking must be true or false"),
    (("expect = { preference = 1 }", "expect = {}"), "expect must be a table of criteria"),
])
def test_a_malformed_case_is_named_with_its_file_and_index(tmp_path, change, message):
    old, new = change
    path = tmp_path / "broken.toml"
    path.write_text(f"[[case]]\n{GOOD}\n[[case]]\n{GOOD.replace(old, new)}", encoding="utf-8")
    with pytest.raises(CaseError) as err:
        load_case_file(path)
    assert "broken.toml: case 1" in str(err.value)
    assert message in str(err.value)


def test_a_good_case_file_loads(tmp_path):
    path = tmp_path / "honest.toml"
    path.write_text(f"[[case]]\n{GOOD}", encoding="utf-8")
    (case,) = load_case_file(path)
    assert (case.category, case.persona, case.activity, case.expect) == ("honest", 3, "journaling", {"preference": 1})
    assert case.time.isoformat() == "2025-02-13T21:40:00"


@pytest.mark.parametrize("body, message", [
    ("[[case]\npersona = 3", "not valid TOML"),
    ('title = "x"\n', "unexpected top-level key(s) title"),
    ("", "no [[case]] tables"),
])
def test_a_malformed_file_is_named(tmp_path, body, message):
    path = tmp_path / "odd.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CaseError, match="odd.toml") as err:
        load_case_file(path)
    assert message in str(err.value)


def test_an_empty_directory_is_an_error(tmp_path):
    with pytest.raises(CaseError, match="no case files"):
        load_cases(tmp_path)
