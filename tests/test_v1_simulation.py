"""ProPerSim-v1 in saved simulations (issue 18 item 4): the folder names its env, resumes and
forks with it and refuses the other; its log records what the resident made of each
suggestion; the console prints the hidden needs; the replay page shows replies and a needs strip."""

import json
import os
import re
import shutil

import pytest
from console_support import answer, console

from agents.baselines import V1_POLICIES, make_policy
from propersim_env.envs import ENV_ID, ENV_ID_V1, ProPerSimEnv, ProPerSimV1Env
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

V1 = {"persona": 3, "days": 2}
SEED = 1
V0_KEYS = ["step", "day", "time", "clock_step", "tile", "address", "user_action", "activity", "category", "walking",
           "decision", "score", "scores", "reasons", "usage"]
V1_KEYS = ["rating", "proposed_activity", "accepted", "acted", "resident_reply", "needs"]
DAY_END_KEYS = ["day_end", "wellbeing", "wellbeing_score", "needs_in_range", "goal_progress", "goals"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def create_v1(path, policy="random", **kwargs):
    return Simulation.create(path, make_policy(policy), env_kwargs=dict(V1), seed=SEED, env_id=ENV_ID_V1, **kwargs)


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """Two days of ProPerSim-v1 with the random baseline (many suggestions, some acted on), uninterrupted."""
    path = tmp_path_factory.mktemp("v1") / "whole"
    with create_v1(path) as sim:
        sim.run(10**6)
        assert sim.finished
    return path


@pytest.fixture(scope="module")
def aware(tmp_path_factory):
    """One day of ProPerSim-v1 with the needs-aware baseline (a v1 policy)."""
    assert "needs_aware" in V1_POLICIES
    path = tmp_path_factory.mktemp("v1") / "aware"
    with Simulation.create(path, make_policy("needs_aware"), env_kwargs={"persona": 3, "days": 1}, seed=SEED,
                           env_id=ENV_ID_V1) as sim:
        sim.run(10**6)
    return path


def test_a_v1_folder_names_its_env_and_records_what_the_resident_made_of_each_suggestion(whole, aware):
    meta = json.loads((whole / "meta.json").read_text())
    assert meta["env_id"] == ENV_ID_V1
    folder = SimFolder(whole)
    assert all(read_manifest(folder.snapshot_dir(s))["env_id"] == ENV_ID_V1 for s in folder.snapshot_steps())
    for path in (whole, aware):
        records = read_records(path / "log.jsonl")
        for r in records:
            assert list(r)[:len(V0_KEYS)] == V0_KEYS
            assert set(V1_KEYS) <= set(r)
            assert list(r["needs"]) == list(NEEDS)
            assert all(0 <= v <= 1 and round(v, 3) == v for v in r["needs"].values())
            assert r["score"] == r["rating"] and (r["score"] is None or 0 <= r["score"] <= 4)
            if r["decision"] is None:
                assert r["accepted"] is None and r["acted"] is False and r["resident_reply"] == ""
                assert r["proposed_activity"] is None
            else:
                assert isinstance(r["accepted"], bool) and r["resident_reply"]
                assert not r["acted"] or (r["accepted"] and r["proposed_activity"])
            assert set(DAY_END_KEYS) <= set(r) if r.get("day_end") else not set(DAY_END_KEYS) & set(r)
        ends = [r for r in records if r.get("day_end")]
        assert [r["day"] for r in ends] == list(range(json.loads((path / "meta.json").read_text())
                                                      ["config"]["env"]["days"]))
        assert ends[-1] is records[-1]
        for r in ends:
            assert 0 <= r["wellbeing_score"] <= 1 and r["wellbeing"] == pytest.approx(100 * r["wellbeing_score"])
    # the random policy's day: suggestions accepted, declined and acted on
    records = read_records(whole / "log.jsonl")
    assert any(r["acted"] for r in records) and any(r["accepted"] is False for r in records)
    # the needs-aware policy made suggestions too
    assert any(r["decision"] is not None for r in read_records(aware / "log.jsonl"))


def test_a_v0_folder_keeps_its_records_and_manifests(tmp_path):
    path = tmp_path / "v0"
    with Simulation.create(path, make_policy("random"), env_kwargs={"persona": 3, "days": 1}, seed=SEED) as sim:
        assert type(sim.env) is ProPerSimEnv and sim.env_id == ENV_ID
        sim.run(30)
        sim.save()
    assert all(list(r) == V0_KEYS for r in read_records(path / "log.jsonl"))
    assert "env_id" not in read_manifest(SimFolder(path).snapshot_dir(30))
    assert json.loads((path / "meta.json").read_text())["env_id"] == ENV_ID


def test_a_run_cut_short_and_resumed_gives_the_uninterrupted_log(whole, tmp_path):
    path = tmp_path / "cut"
    sim = create_v1(path)
    sim.run(150)
    sim.save()  # mid-day snapshot
    sim.run(30)
    sim.close()  # the 30 steps since the save are lost, as in a crash
    with Simulation.resume(path) as sim:
        assert sim.step == 150 and type(sim.env) is ProPerSimV1Env
        sim.run(400)  # past the day boundary (a snapshot there), then stop without saving
        crossed = sim.snapshot_step
        assert 150 < crossed < 550
    with Simulation.resume(path) as sim:  # from the day boundary, with the policy and the needs as saved
        assert sim.step == crossed
        sim.run(10**6)
    assert (path / "log.jsonl").read_bytes() == (whole / "log.jsonl").read_bytes()


def test_a_fork_runs_the_same_env(whole, tmp_path):
    steps = SimFolder(whole).snapshot_steps()
    fork = fork_simulation(whole, tmp_path / "fork", step=steps[1])
    with Simulation.resume(fork) as sim:
        assert sim.env_id == ENV_ID_V1 and type(sim.env) is ProPerSimV1Env
        sim.run(10**6)
    assert (fork / "log.jsonl").read_bytes() == (whole / "log.jsonl").read_bytes()


def test_a_folder_is_never_opened_as_the_other_env(whole, tmp_path):
    with pytest.raises(SimulationError, match=f"holds a {ENV_ID_V1} simulation, not {ENV_ID}"):
        Simulation.resume(whole, env_id=ENV_ID)
    v0 = tmp_path / "v0"
    with Simulation.create(v0, make_policy("random"), env_kwargs={"persona": 3, "days": 1}, seed=SEED) as sim:
        sim.run(5)
        sim.save()
    with pytest.raises(SimulationError, match=f"holds a {ENV_ID} simulation, not {ENV_ID_V1}"):
        Simulation.resume(v0, env_id=ENV_ID_V1)
    # a folder from before v1 names no env: it opens as v0
    meta = json.loads((v0 / "meta.json").read_text())
    del meta["env_id"]
    (v0 / "meta.json").write_text(json.dumps(meta))
    with Simulation.resume(v0, env_id=ENV_ID) as sim:
        assert sim.env_id == ENV_ID and type(sim.env) is ProPerSimEnv and sim.step == 5
    # a meta.json that names the other env than its snapshots is refused before anything is unpickled
    meta["env_id"] = ENV_ID_V1
    (v0 / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(SimulationError, match=f"snapshot of a {ENV_ID} simulation, but its folder's meta.json "
                                              f"says {ENV_ID_V1}"):
        Simulation.resume(v0)
    v1 = tmp_path / "v1"
    shutil.copytree(whole, v1)
    meta = json.loads((v1 / "meta.json").read_text())
    meta["env_id"] = ENV_ID
    (v1 / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(SimulationError, match=f"snapshot of a {ENV_ID_V1} simulation"):
        Simulation.resume(v1)
    meta["env_id"] = "ProPerSim-v9"
    (v1 / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(SimulationError, match="cannot run env 'ProPerSim-v9'"):
        Simulation.resume(v1)


def test_create_checks_the_env_and_its_options(tmp_path):
    with pytest.raises(ValueError, match="env_id must be one of 'ProPerSim-v0', 'ProPerSim-v1'"):
        Simulation.create(tmp_path / "a", make_policy("never"), env_id="ProPerSim-v2")
    with pytest.raises(TypeError, match="wellbeing_weight"):  # a v1 option on v0
        Simulation.create(tmp_path / "b", make_policy("never"), env_kwargs={"wellbeing_weight": 1.0})
    with pytest.raises(ValueError, match="wellbeing_weight must be a non-negative number"):
        Simulation.create(tmp_path / "c", make_policy("never"), env_kwargs={"wellbeing_weight": -1.0},
                          env_id=ENV_ID_V1)
    assert not any(tmp_path.iterdir())
    with Simulation.create(tmp_path / "d", make_policy("never"), env_kwargs={"days": 1, "wellbeing_weight": 0.0},
                           env_id=ENV_ID_V1) as sim:
        records = sim.run(10**6)
    assert records[-1]["day_end"] and records[-1]["wellbeing"] == 0.0 and records[-1]["wellbeing_score"] > 0


# ---- the console -----------------------------------------------------------------------------------




def test_the_console_makes_a_v1_simulation_and_prints_the_hidden_needs(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "sim"
    script = "help\nprint needs\nrun 432\nprint needs\nprint needs Amara\nprint last decision\nfinish\n"
    code, out, err = console(monkeypatch, capsys, [sim, "--new", "--env", ENV_ID_V1, "--persona", 3, "--days", 2,
                                                   "--seed", SEED, "--policy", "random", "--wellbeing-weight", 50],
                             script)
    assert code == 0, err
    assert out.startswith(f"Simulation sim ({sim}): Amara Okafor (persona 3), {ENV_ID_V1}, assistant policy random")
    assert "print needs" in answer(out, "help")
    meta = json.loads((sim / "meta.json").read_text())
    assert meta["env_id"] == ENV_ID_V1 and meta["config"]["env"]["wellbeing_weight"] == 50.0
    first = answer(out, "print needs", 0)
    assert first.startswith("Hidden needs of Amara Okafor at Thu 2025-02-13")
    for need in NEEDS:
        assert f"  {need} " in first
    assert "  energy        0.85 [#################---] in range" in first
    assert "5 of 5 needs in range now" in first and "Weekly goals (week 1, day 1 of 7):" in first
    assert "  move     0/" in first and "goal progress 0.00" in first

    records = read_records(sim / "log.jsonl")
    ran = answer(out, "run 432")
    heard = [r for r in records if r["accepted"] is not None]
    assert (f"The resident accepted {sum(r['accepted'] for r in heard)} of {len(heard)} and acted on "
            f"{sum(r['acted'] for r in heard)}; last reply at {heard[-1]['time'][11:16]}: "
            f"\"{heard[-1]['resident_reply']}\"") in ran
    end = next(r for r in records if r.get("day_end"))
    assert f"Day 1 ended: well-being {end['wellbeing_score']:.2f}" in ran
    after = answer(out, "print needs", 1)
    assert after == answer(out, "print needs Amara")
    last = records[-1]
    for need, level in last["needs"].items():  # the levels now: those after the last step
        shown = re.search(rf"^  {need} +(\d\.\d\d) \[[#-]{{20}}\] (in range|low|critical)$", after, re.MULTILINE)
        assert shown and abs(float(shown[1]) - level) <= 0.0051
    decision = answer(out, "print last decision")
    assert decision.startswith(f"Step {last['step']} at ")
    if last["accepted"] is not None:
        assert f"reply: \"{last['resident_reply']}\"" in decision

    # opened again: still v1, and naming the other env is refused
    code, out, err = console(monkeypatch, capsys, [sim], "print needs\nfinish\n")
    assert code == 0 and "Hidden needs of Amara Okafor" in out
    code, out, err = console(monkeypatch, capsys, [sim, "--env", ENV_ID], "")
    assert code == 2 and f"holds a {ENV_ID_V1} simulation, not {ENV_ID}" in err
    code, out, err = console(monkeypatch, capsys, [tmp_path / "fork", "--fork", sim, "--env", ENV_ID], "")
    assert code == 2 and not (tmp_path / "fork").exists()


def test_a_v0_simulation_refuses_print_needs(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "v0"
    code, out, err = console(monkeypatch, capsys, [sim, "--new", "--persona", 3, "--policy", "random"],
                             "run 5\nprint needs\nprint last decision\nfinish\n")
    assert code == 0, err  # the last command (finish) succeeded
    assert answer(out, "print needs").strip() == (
        "error: 'print needs' shows ProPerSim-v1's hidden needs and weekly goals; this simulation runs "
        "ProPerSim-v0, whose resident has none. Make a v1 simulation to see them: "
        "propersim console NEW --new --env ProPerSim-v1")
    assert "reply:" not in answer(out, "print last decision") and "accepted" not in answer(out, "run 5")
    assert ENV_ID_V1 not in out.splitlines()[0]


@pytest.mark.parametrize("args, message", [
    (["--new", "--wellbeing-weight", "5"], "--wellbeing-weight only applies to ProPerSim-v1: add --env ProPerSim-v1"),
    (["--new", "--wellbeing-weight", "5", "--personas", "1,2"], "--wellbeing-weight only applies to ProPerSim-v1"),
    (["--new", "--env", "ProPerSim-v2"], "invalid choice: 'ProPerSim-v2'"),
])
def test_the_console_refuses_v1_options_where_they_do_not_apply(monkeypatch, capsys, tmp_path, args, message):
    code, _, err = console(monkeypatch, capsys, [tmp_path / "sim", *args], "")
    assert code == 2 and message in err
    assert not (tmp_path / "sim").exists()


# ---- the replay page ---------------------------------------------------------------------------------
def test_the_replay_data_carries_replies_and_needs(whole, tmp_path):
    records = read_records(whole / "log.jsonl")
    data = replay_data(whole)
    assert data["env"] == ENV_ID_V1
    assert data["needs"] == {"names": list(NEEDS), "low": 0.35, "critical": 0.2}
    strings = data["strings"]
    for r, step in zip(records, data["steps"], strict=True):
        assert step["n"] == [round(r["needs"][n], 2) for n in NEEDS]
        assert step["ac"] == r["accepted"] and step["ad"] == r["acted"]
        assert (strings[step["rp"]] if step["rp"] >= 0 else "") == r["resident_reply"]
        assert (strings[step["pa"]] if step["pa"] >= 0 else None) == r["proposed_activity"]
        assert step.get("wb") == (r["wellbeing_score"] if r.get("day_end") else None)
    # the live page (propersim serve) carries the same
    live = LiveLog(whole).page_data()
    assert live["needs"] == data["needs"] and live["steps"] == data["steps"]
    # a v0 folder's data carries none of it
    v0 = tmp_path / "v0"
    with Simulation.create(v0, make_policy("random"), env_kwargs={"persona": 3, "days": 1}, seed=SEED) as sim:
        sim.run(20)
    plain = replay_data(v0)
    assert "needs" not in plain and "env" not in plain
    assert all(not {"n", "rp", "ac", "ad", "pa", "wb"} & set(step) for step in plain["steps"])


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"the replay tests need Debian's chromium at {CHROMIUM}: run `apt-get install chromium` "
                    "(.ci/run does this)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the replay tests need Playwright's Python package: pip install -e '.[dev]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser, page_path):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(page_path.as_uri())
    page.wait_for_function("window.replay && window.replay.ready")
    return page, errors


@pytest.mark.needs_browser
def test_the_page_shows_the_reply_and_the_needs_strip(browser, whole, tmp_path):
    records = read_records(whole / "log.jsonl")
    acted = next(r for r in records if r["acted"])
    declined = next(r for r in records if r["accepted"] is False)
    silent = next(r for r in records if r["decision"] is None)
    page, errors = open_page(browser, write_replay(whole, tmp_path / "page.html", start_step=acted["step"]))
    reply = page.locator("#reply")
    assert reply.is_visible()
    activity = acted["proposed_activity"].replace("_", " ")
    assert reply.inner_text() == f"Amara: \u201c{acted['resident_reply']}\u201d \u00b7 acted on it ({activity})"
    assert page.locator("#bubble .bubble-reply").inner_text() == reply.inner_text()
    assert page.locator("#needs-head").is_visible()
    bars = page.locator("#needs .need")
    assert bars.count() == len(NEEDS)
    for k, need in enumerate(NEEDS):
        bar = bars.nth(k)
        assert bar.get_attribute("data-need") == need
        level = round(acted["needs"][need], 2)
        assert float(bar.get_attribute("data-level")) == level
        assert bar.locator(".need-value").inner_text() == f"{level:.2f}"
        fill = bar.locator(".need-fill").bounding_box()["height"]
        track = bar.locator(".need-bar").bounding_box()["height"]
        assert abs(fill - level * (track - 2)) <= 1.5  # the track has a 1-pixel border
    page.evaluate(f"window.replay.goTo({declined['step']})")
    assert reply.inner_text().endswith("\u00b7 declined")
    page.evaluate(f"window.replay.goTo({silent['step']})")
    assert not reply.is_visible() and bars.count() == len(NEEDS)
    end = next(r for r in records if r.get("day_end"))
    page.evaluate(f"window.replay.goTo({end['step']})")
    assert page.locator("#wellbeing-line").inner_text() == f"day 1 ended: well-being {end['wellbeing_score']:.2f}"
    assert errors == []
    page.close()


@pytest.mark.needs_browser
def test_a_v0_page_has_no_reply_or_needs_strip(browser, tmp_path):
    v0 = tmp_path / "v0"
    with Simulation.create(v0, make_policy("random"), env_kwargs={"persona": 3, "days": 1}, seed=SEED) as sim:
        sim.run(20)
    page, errors = open_page(browser, write_replay(v0, tmp_path / "page.html", start_step=5))
    assert not page.locator("#reply").is_visible() and not page.locator("#needs").is_visible()
    assert not page.locator("#needs-head").is_visible() and page.locator(".bubble-reply").count() == 0
    assert errors == []
    page.close()
