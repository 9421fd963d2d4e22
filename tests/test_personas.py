"""The 32 shipped personas: they load, validate, cover the Big Five, and say the same thing twice."""

import itertools
import re
import tomllib
from pathlib import Path

import pytest

from propersim_env.personas import (
    NUM_PERSONAS,
    PersonaDataError,
    activities,
    load_all,
    load_persona,
    load_persona_file,
    minutes_to_clock,
    parse_persona,
)
from propersim_env.personas.loader import persona_path

DATA = Path(__file__).resolve().parents[1] / "propersim_env" / "personas"
IDS = range(1, NUM_PERSONAS + 1)


def raw(persona_id: int) -> dict:
    return tomllib.loads((DATA / persona_path(persona_id)).read_text(encoding="utf-8"))


def test_all_personas_load_and_cover_each_big_five_combination_once():
    personas = load_all()
    assert [p.id for p in personas] == list(IDS)
    codes = [p.big_five_code for p in personas]
    assert sorted(codes) == sorted("".join(c) for c in itertools.product("HL", repeat=5))
    assert personas[0].big_five_code == "HHHHH" and personas[-1].big_five_code == "LLLLL"


def test_names_are_distinct():
    names = [p.name for p in load_all()]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("persona_id", IDS)
def test_windows_are_stated_in_the_timing_text(persona_id):
    p = load_persona(persona_id)
    text = p.criteria["timing"]
    for w in p.preferences.preferred_windows + p.preferences.do_not_disturb:
        start, end = str(w).split("-")
        assert start in text, f"{p.source}: timing text does not state {start}"
        assert end in text, f"{p.source}: timing text does not state {end}"


@pytest.mark.parametrize("persona_id", IDS)
def test_frequency_is_stated_in_the_frequency_text(persona_id):
    p = load_persona(persona_id)
    f = p.preferences.frequency
    numbers = set(re.findall(r"\d+", p.criteria["frequency"]))
    assert str(f.min_per_day) in numbers and str(f.max_per_day) in numbers, p.source
    assert f"{f.min_spacing_minutes} minutes" in p.criteria["frequency"], p.source


@pytest.mark.parametrize("persona_id", IDS)
def test_tone_and_sleep_are_stated_in_the_texts(persona_id):
    p = load_persona(persona_id)
    assert f"{p.preferences.tone.max_words} words" in p.criteria["communication_safety"], p.source
    assert "medical" in p.criteria["communication_safety"].lower(), p.source
    lifestyle = p.profile["lifestyle"]
    assert minutes_to_clock(p.sleep.weekday_wake) in lifestyle, p.source
    assert minutes_to_clock(p.sleep.weekday_bed) in lifestyle, p.source


@pytest.mark.parametrize("persona_id", IDS)
def test_routine_and_free_time_use_known_activities(persona_id):
    p = load_persona(persona_id)
    known = activities()
    assert all(b.activity in known for b in p.routine)
    assert all(a in known for a in p.free_time)
    assert not any(known[b.activity].category == "sleep" for b in p.routine), "sleep is planned, not a routine block"


def test_opposite_personas_differ_in_wake_time_or_activity_mix():
    by_code = {p.big_five_code: p for p in load_all()}
    flip = str.maketrans("HL", "LH")
    for code, p in by_code.items():
        q = by_code[code.translate(flip)]
        same_wake = p.sleep.weekday_wake == q.sleep.weekday_wake
        same_mix = {b.activity for b in p.routine} == {b.activity for b in q.routine}
        assert not (same_wake and same_mix), f"{p.source} and {q.source}"


# ---- bad data fails with an error naming the file and the field -------------

def broken(mutate) -> dict:
    data = raw(1)
    mutate(data)
    return data


@pytest.mark.parametrize(
    "mutate, field",
    [
        (lambda d: d.pop("age"), "age"),
        (lambda d: d["criteria"].pop("timing"), "criteria.timing"),
        (lambda d: d["preferences"]["preferred_windows"][0].update(end="09:00"), "preferences.preferred_windows[0].end"),
        (lambda d: d["preferences"]["liked_topics"].append("astrophysics"), "preferences.liked_topics[6]"),
        (lambda d: d["routine"][0].update(activity="skydiving"), "routine[0].activity"),
        (lambda d: d["big_five"].update(openness="medium"), "big_five.openness"),
        (lambda d: d["preferences"]["frequency"].update(min_per_day=20), "preferences.frequency.max_per_day"),
        (lambda d: d["sleep"].update(weekday_wake="7am"), "sleep.weekday_wake"),
        (lambda d: d["preferences"]["tone"].update(register="sarcastic"), "preferences.tone.register"),
    ],
)
def test_bad_data_names_file_and_field(mutate, field):
    with pytest.raises(PersonaDataError) as err:
        parse_persona(broken(mutate), "persona_01.toml")
    assert str(err.value).startswith(f"persona_01.toml: field '{field}'"), str(err.value)


def test_bad_file_on_disk_names_the_file(tmp_path):
    text = (DATA / persona_path(1)).read_text(encoding="utf-8").replace('"home_decor", "cooking"', '"home_decor", "knitwear"', 1)
    path = tmp_path / "my_persona.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PersonaDataError, match=r"^my_persona.toml: field 'preferences.liked_topics\[1\]': unknown topic 'knitwear'"):
        load_persona_file(path)


def test_unknown_persona_id_is_a_clear_error():
    with pytest.raises(ValueError, match="persona id must be an integer from 1 to 32"):
        load_persona(33)
