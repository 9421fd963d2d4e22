"""Saved households of residents who listen (issue 18 items 2 and 4): a ProPerSim-v1 household's
folder names its env, resumes and forks with it and refuses the other; each resident's record
holds what it made of its own assistant's suggestion; the console prints each resident's hidden
needs; the replay page shows each resident's replies and needs strip."""

import json
import os
import re
import shutil

import pytest
from console_support import answer, console

from agents.baselines import make_policy
from propersim_env.envs import ENV_ID, ENV_ID_V1
from propersim_env.envs.pettingzoo_env import ProPerSimHousehold
from propersim_env.envs.pettingzoo_v1 import ProPerSimHouseholdV1
from propersim_env.household_simulation import HouseholdSimulation
from propersim_env.replay import replay_data, write_replay
from propersim_env.serve import LiveLog
from propersim_env.simulation import Simulation
from propersim_env.storage import (
    SimFolder,
    SimulationError,
    fork_simulation,
    read_records,
)
from propersim_env.storage.snapshot import read_manifest
from propersim_env.user.needs import NEEDS

V1 = {"personas": [1, 2], "days": 2, "seconds_per_step": 1800}  # 48 clock steps a day
SEED = 3
AGENTS = ["assistant_sofia", "assistant_tomas"]
V1_KEYS = ["rating", "proposed_activity", "accepted", "acted", "resident_reply", "needs"]
DAY_END_KEYS = ["day_end", "wellbeing", "wellbeing_score", "needs_in_range", "goal_progress", "goals"]
CHROMIUM = "/usr/bin/chromium"


def create_v1(path, policy="random", env=V1, **kwargs):
    return HouseholdSimulation.create(path, lambda agent: make_policy(policy), env_kwargs=dict(env), seed=SEED,
                                      env_id=ENV_ID_V1, **kwargs)


def create_v0(path, steps=5):
    with HouseholdSimulation.create(path, lambda agent: make_policy("random"), env_kwargs=dict(V1),
                                    seed=SEED) as sim:
        sim.run(steps)
        sim.save()
    return path


def set_meta(path, **changes):
    meta = json.loads((path / "meta.json").read_text())
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    (path / "meta.json").write_text(json.dumps(meta))


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """Two days of a v1 household of two with the random baseline (suggestions accepted,
    declined and acted on), uninterrupted."""
    path = tmp_path_factory.mktemp("v1hh") / "whole"
    with create_v1(path) as sim:
        sim.run(10**6)
        assert sim.finished
    return path


# ---- the folder and its log ------------------------------------------------------------------------
@pytest.mark.slow  # the module fixture: about 5 s
def test_a_v1_household_names_its_env_and_logs_what_each_resident_made_of_its_suggestion(whole):
    meta = json.loads((whole / "meta.json").read_text())
    assert meta["kind"] == "household" and meta["env_id"] == ENV_ID_V1 and meta["agents"] == AGENTS
    assert meta["config"]["env"] == V1
    folder = SimFolder(whole)
    assert all(read_manifest(folder.snapshot_dir(s))["env_id"] == ENV_ID_V1 for s in folder.snapshot_steps())
    records = read_records(whole / "log.jsonl")
    for record in records:
        assert list(record["residents"]) == AGENTS
        ends = {agent: bool(r.get("day_end")) for agent, r in record["residents"].items()}
        assert len(set(ends.values())) == 1  # a day ends for the whole household at once
        for r in record["residents"].values():
            assert set(V1_KEYS) <= set(r) and list(r["needs"]) == list(NEEDS)
            assert all(0 <= v <= 1 and round(v, 3) == v for v in r["needs"].values())
            if not r["rated"]:  # asleep: nothing delivered, rated or heard
                assert r["score"] is None and r["rating"] is None
                assert r["accepted"] is None and r["acted"] is False and r["resident_reply"] == ""
            else:
                assert r["score"] == r["rating"] and 0 <= r["score"] <= 4
                if r["decision"] is None:
                    assert r["accepted"] is None and r["resident_reply"] == "" and r["proposed_activity"] is None
                else:
                    assert isinstance(r["accepted"], bool) and r["resident_reply"]
                    assert not r["acted"] or (r["accepted"] and r["proposed_activity"])
            assert set(DAY_END_KEYS) <= set(r) if r.get("day_end") else not set(DAY_END_KEYS) & set(r)
    ends = [record for record in records if record["residents"][AGENTS[0]].get("day_end")]
    assert [e["day"] for e in ends] == [0, 1] and ends[-1] is records[-1]
    for end in ends:
        for r in end["residents"].values():
            assert 0 <= r["wellbeing_score"] <= 1 and r["wellbeing"] == pytest.approx(100 * r["wellbeing_score"])
    heard = [r for record in records for r in record["residents"].values()]
    assert any(r["acted"] for r in heard) and any(r["accepted"] is False for r in heard)
    assert any(not r["rated"] for r in heard)  # the nights: one resident asleep while the other is up


def test_a_v0_household_names_its_env_and_keeps_its_records(tmp_path):
    path = create_v0(tmp_path / "v0")
    assert json.loads((path / "meta.json").read_text())["env_id"] == ENV_ID
    assert "env_id" not in read_manifest(SimFolder(path).snapshot_dir(5))
    for record in read_records(path / "log.jsonl"):
        for r in record["residents"].values():
            assert not {*V1_KEYS, *DAY_END_KEYS} & set(r)
    with HouseholdSimulation.resume(path) as sim:
        assert type(sim.env) is ProPerSimHousehold and sim.env_id == ENV_ID and sim.listeners == {}


@pytest.mark.slow
def test_a_run_cut_short_and_resumed_gives_the_uninterrupted_log(whole, tmp_path):
    path = tmp_path / "cut"
    sim = create_v1(path)
    assert set(sim.listeners) == set(AGENTS)
    sim.run(20)
    sim.save()  # a mid-day snapshot
    sim.run(5)
    sim.close()  # the 5 steps since the save are lost, as in a crash
    with HouseholdSimulation.resume(path) as sim:
        assert sim.step == 20 and type(sim.env) is ProPerSimHouseholdV1 and sim.env_id == ENV_ID_V1
        sim.run(30)  # past the day boundary (a snapshot there), then stop without saving
        crossed = sim.snapshot_step
        assert 20 < crossed < 50
    with HouseholdSimulation.resume(path) as sim:  # from the day boundary, the needs and goals as saved
        assert sim.step == crossed
        sim.run(10**6)
    assert (path / "log.jsonl").read_bytes() == (whole / "log.jsonl").read_bytes()


@pytest.mark.slow
def test_a_fork_runs_the_same_env_and_one_with_more_days_goes_on_listening(whole, tmp_path):
    steps = SimFolder(whole).snapshot_steps()
    fork = fork_simulation(whole, tmp_path / "fork", step=steps[1])
    with HouseholdSimulation.resume(fork) as sim:
        assert sim.env_id == ENV_ID_V1 and type(sim.env) is ProPerSimHouseholdV1
        sim.run(10**6)
    assert (fork / "log.jsonl").read_bytes() == (whole / "log.jsonl").read_bytes()
    longer = fork_simulation(whole, tmp_path / "longer", days=3)
    with HouseholdSimulation.resume(longer) as sim:
        assert sim.days == 3 and not sim.finished
        records = sim.run(10**6)
    assert records and records[-1]["day"] == 2 and records[-1]["residents"][AGENTS[0]]["day_end"]
    assert all(set(V1_KEYS) <= set(r) for record in records for r in record["residents"].values())


@pytest.mark.slow
def test_a_household_is_never_opened_as_the_other_env(whole, tmp_path):
    with pytest.raises(SimulationError, match=f"holds a {ENV_ID_V1} simulation, not {ENV_ID}"):
        HouseholdSimulation.resume(whole, env_id=ENV_ID)
    with pytest.raises(SimulationError, match="not a single-resident simulation: open it with HouseholdSimulation"):
        Simulation.resume(whole)
    v0 = create_v0(tmp_path / "v0")
    with pytest.raises(SimulationError, match=f"holds a {ENV_ID} simulation, not {ENV_ID_V1}"):
        HouseholdSimulation.resume(v0, env_id=ENV_ID_V1)
    # a household saved before v1 names no env: it opens as v0
    set_meta(v0, env_id=None)
    with HouseholdSimulation.resume(v0, env_id=ENV_ID) as sim:
        assert sim.env_id == ENV_ID and type(sim.env) is ProPerSimHousehold and sim.step == 5
    # a meta.json that names the other env than its snapshots is refused before anything is unpickled
    set_meta(v0, env_id=ENV_ID_V1)
    with pytest.raises(SimulationError, match=f"snapshot of a {ENV_ID} simulation, but its folder's meta.json "
                                              f"says {ENV_ID_V1}"):
        HouseholdSimulation.resume(v0)
    v1 = tmp_path / "v1"
    shutil.copytree(whole, v1)
    set_meta(v1, env_id=ENV_ID)
    with pytest.raises(SimulationError, match=f"snapshot of a {ENV_ID_V1} simulation"):
        HouseholdSimulation.resume(v1)
    set_meta(v1, env_id="ProPerSim-v9")
    with pytest.raises(SimulationError, match="cannot run env 'ProPerSim-v9'"):
        HouseholdSimulation.resume(v1)


def test_create_checks_the_env_and_its_options(tmp_path):
    never = {"policies": lambda agent: make_policy("never")}
    with pytest.raises(ValueError, match="env_id must be one of 'ProPerSim-v0', 'ProPerSim-v1'"):
        HouseholdSimulation.create(tmp_path / "a", env_id="ProPerSim-v2", **never)
    with pytest.raises(TypeError, match="wellbeing_weight"):  # a v1 option on a v0 household
        HouseholdSimulation.create(tmp_path / "b", env_kwargs={"personas": [1, 2], "wellbeing_weight": 1.0},
                                   **never)
    with pytest.raises(ValueError, match="wellbeing_weight must be a non-negative number"):
        HouseholdSimulation.create(tmp_path / "c", env_kwargs={"personas": [1, 2], "wellbeing_weight": -1.0},
                                   env_id=ENV_ID_V1, **never)
    assert not any(tmp_path.iterdir())
    with create_v1(tmp_path / "d", "never", env={**V1, "days": 1, "wellbeing_weight": 0.0}) as sim:
        records = sim.run(10**6)
    for r in records[-1]["residents"].values():
        assert r["day_end"] and r["wellbeing"] == 0.0 and r["wellbeing_score"] > 0


# ---- the console -----------------------------------------------------------------------------------




def shown_levels(text: str, name: str) -> dict[str, float]:
    """The need levels ``print needs`` shows for the resident ``name``."""
    part = text.split(f"Hidden needs of {name} at ")[1].split("Hidden needs of ")[0]
    return {m[1]: float(m[2]) for m in re.finditer(r"^  (\w+) +(\d\.\d\d) \[[#-]{20}\] (?:in range|low|critical)$",
                                                   part, re.MULTILINE)}


@pytest.mark.slow  # about 2 s: 60 household steps, the random suggestions read and rated
def test_the_console_makes_a_v1_household_and_prints_each_residents_needs(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "hh"
    script = ("print needs Sofia\nrun 60\nprint needs tomas\nprint needs\nprint last decision Sofia\n"
              "print last decision assistant_tomas\nfinish\n")
    code, out, err = console(monkeypatch, capsys, [sim, "--new", "--personas", "1,2", "--env", ENV_ID_V1,
                                                   "--days", 2, "--seconds-per-step", 1800, "--seed", SEED,
                                                   "--policy", "random", "--wellbeing-weight", 50], script)
    assert code == 0, err
    assert out.startswith(f"Household simulation hh ({sim}), {ENV_ID_V1}: Sofia Marchetti (persona 1, "
                          "assistant_sofia, policy random), Tomas Lindqvist (persona 2, assistant_tomas, policy random)")
    meta = json.loads((sim / "meta.json").read_text())
    assert meta["kind"] == "household" and meta["env_id"] == ENV_ID_V1
    assert meta["config"]["env"]["wellbeing_weight"] == 50.0
    first = answer(out, "print needs Sofia")
    assert first.startswith("Hidden needs of Sofia Marchetti at Thu 2025-02-13") and "Tomas" not in first
    assert set(shown_levels(first, "Sofia Marchetti")) == set(NEEDS) and "Weekly goals (week 1, day 1 of 7):" in first

    records = read_records(sim / "log.jsonl")
    ran = answer(out, "run 60")
    for agent, name in zip(AGENTS, ("Sofia", "Tomas")):
        mine = [{**record, **record["residents"][agent]} for record in records]
        heard = [r for r in mine if r["accepted"] is not None]
        assert (f"{name} accepted {sum(r['accepted'] for r in heard)} of {len(heard)} and acted on "
                f"{sum(r['acted'] for r in heard)}; last reply at {heard[-1]['time'][11:16]}: "
                f"\"{heard[-1]['resident_reply']}\"") in ran
        end = next(r for r in mine if r.get("day_end"))
        assert f"{name}'s day 1 ended: well-being {end['wellbeing_score']:.2f} (needs in range" in ran
        assert f"+{end['wellbeing']:.2f} reward" in ran
    everyone = answer(out, "print needs")
    assert "Hidden needs of Sofia Marchetti" in everyone and "Hidden needs of Tomas Lindqvist" in everyone
    assert answer(out, "print needs tomas") in everyone
    for agent, name in zip(AGENTS, ("Sofia Marchetti", "Tomas Lindqvist")):
        levels = shown_levels(everyone, name)  # the levels now: those after the last step
        assert levels.keys() == records[-1]["residents"][agent]["needs"].keys()
        for need, level in records[-1]["residents"][agent]["needs"].items():
            assert abs(levels[need] - level) <= 0.0051
    for command, agent in (("print last decision Sofia", AGENTS[0]), ("print last decision assistant_tomas", AGENTS[1])):
        last = records[-1]["residents"][agent]
        decision = answer(out, command)
        assert decision.startswith(f"Step {records[-1]['step']} at ")
        if last["accepted"] is not None:
            assert f"reply: \"{last['resident_reply']}\"" in decision

    # opened again: still v1; naming the other env is refused, for a fork too
    code, out, err = console(monkeypatch, capsys, [sim], "print needs Tomas\nfinish\n")
    assert code == 0 and "Hidden needs of Tomas Lindqvist" in out and ENV_ID_V1 in out.splitlines()[0]
    code, out, err = console(monkeypatch, capsys, [sim, "--env", ENV_ID], "")
    assert code == 2 and f"holds a {ENV_ID_V1} simulation, not {ENV_ID}" in err
    code, out, err = console(monkeypatch, capsys, [tmp_path / "fork", "--fork", sim, "--env", ENV_ID], "")
    assert code == 2 and not (tmp_path / "fork").exists()
    code, out, err = console(monkeypatch, capsys, [tmp_path / "fork", "--fork", sim, "--env", ENV_ID_V1],
                             "print needs Sofia\nfinish\n")
    assert code == 0 and "Hidden needs of Sofia Marchetti" in out


def test_a_v0_household_refuses_print_needs(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "v0"
    code, out, err = console(monkeypatch, capsys, [sim, "--new", "--personas", "1,2", "--policy", "random"],
                             "run 5\nprint needs Sofia\nprint last decision Sofia\nfinish\n")
    assert code == 0, err
    assert answer(out, "print needs Sofia").strip() == (
        "error: 'print needs' shows ProPerSim-v1's hidden needs and weekly goals; this household runs "
        "ProPerSim-v0, whose residents have none. Make a v1 household to see them: "
        "propersim console NEW --new --personas 1,2 --env ProPerSim-v1")
    assert "reply:" not in answer(out, "print last decision Sofia") and "accepted" not in answer(out, "run 5")
    assert ENV_ID_V1 not in out.splitlines()[0]
    assert json.loads((sim / "meta.json").read_text())["env_id"] == ENV_ID


# ---- the replay page ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_the_replay_data_carries_each_residents_replies_and_needs(whole, tmp_path):
    records = read_records(whole / "log.jsonl")
    data = replay_data(whole)
    assert data["env"] == ENV_ID_V1 and [p["agent"] for p in data["residents"]] == AGENTS
    assert data["needs"] == {"names": list(NEEDS), "low": 0.35, "critical": 0.2}
    strings = data["strings"]
    for record, step in zip(records, data["steps"], strict=True):
        assert list(step["rs"]) == AGENTS
        for agent, shown in step["rs"].items():
            r = record["residents"][agent]
            assert shown["n"] == [round(r["needs"][n], 2) for n in NEEDS]
            assert shown["ac"] == r["accepted"] and shown["ad"] == r["acted"]
            assert (strings[shown["rp"]] if shown["rp"] >= 0 else "") == r["resident_reply"]
            assert (strings[shown["pa"]] if shown["pa"] >= 0 else None) == r["proposed_activity"]
            assert shown.get("wb") == (r["wellbeing_score"] if r.get("day_end") else None)
            assert (shown.get("z") == 1) == (not r["rated"])
    # the live page (propersim serve) carries the same
    live = LiveLog(whole).page_data()
    assert live["needs"] == data["needs"] and live["steps"] == data["steps"]
    # a v0 household's data carries none of it
    plain = replay_data(create_v0(tmp_path / "v0"))
    assert "needs" not in plain and "env" not in plain
    assert all(not {"n", "rp", "ac", "ad", "pa", "wb"} & set(shown) for step in plain["steps"]
               for shown in step["rs"].values())


@pytest.mark.slow  # a browser: about 3 s
@pytest.mark.needs_browser
def test_the_page_shows_each_residents_reply_and_needs_strip(whole, tmp_path):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"this test needs Debian's chromium at {CHROMIUM}: run `apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    records = read_records(whole / "log.jsonl")
    step, agent = next((record["step"], a) for record in records for a, r in record["residents"].items()
                       if r["acted"] and r["rated"])
    acted = records[step]["residents"][agent]
    first = {"assistant_sofia": "Sofia", "assistant_tomas": "Tomas"}
    page_path = write_replay(whole, tmp_path / "page.html", start_step=step)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_path.as_uri())
        page.wait_for_function("window.replay && window.replay.ready")
        activity = acted["proposed_activity"].replace("_", " ")
        expected = f"{first[agent]}: \u201c{acted['resident_reply']}\u201d \u00b7 acted on it ({activity})"
        assert page.locator(f'#decision .resident-reply[data-agent="{agent}"]').inner_text() == expected
        assert page.locator(f"#bubble-{agent} .bubble-reply").inner_text() == expected
        assert not page.locator("#reply").is_visible()
        assert page.locator("#needs-head").text_content() == "Residents' hidden needs"
        rows = page.locator("#needs .needs-resident")
        assert rows.count() == len(AGENTS)
        for k, who in enumerate(AGENTS):
            row = rows.nth(k)
            assert row.get_attribute("data-agent") == who and row.locator(".needs-who").inner_text() == first[who]
            bars = row.locator(".need")
            assert bars.count() == len(NEEDS)
            for j, need in enumerate(NEEDS):
                assert bars.nth(j).get_attribute("data-need") == need
                level = round(records[step]["residents"][who]["needs"][need], 2)
                assert float(bars.nth(j).get_attribute("data-level")) == level
                assert bars.nth(j).locator(".need-value").inner_text() == f"{level:.2f}"
        # a step where a resident declined, and one where it was asleep (nothing heard, no reply line)
        declined_step, declined = next((record["step"], a) for record in records
                                       for a, r in record["residents"].items() if r["accepted"] is False)
        page.evaluate(f"window.replay.goTo({declined_step})")
        line = page.locator(f'#decision .resident-reply[data-agent="{declined}"]')
        assert line.inner_text().endswith("\u00b7 declined")
        asleep_step, asleep = next((record["step"], a) for record in records
                                   for a, r in record["residents"].items() if not r["rated"])
        page.evaluate(f"window.replay.goTo({asleep_step})")
        assert page.locator(f'#decision .resident-reply[data-agent="{asleep}"]').count() == 0
        end = next(record for record in records if record["residents"][AGENTS[0]].get("day_end"))
        page.evaluate(f"window.replay.goTo({end['step']})")
        for k, who in enumerate(AGENTS):
            score = end["residents"][who]["wellbeing_score"]
            assert rows.nth(k).locator(".wellbeing-line").inner_text() == f"day 1 ended: well-being {score:.2f}"
        page.screenshot(path=str(tmp_path / "household_v1.png"), full_page=True)
        assert errors == []
        browser.close()
