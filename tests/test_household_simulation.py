"""Saved households: the env's state_dict, the folder, the log, snapshots, resume after
SIGKILL, fork, the wrong-kind errors and the replay's data (issue 19)."""

import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agents.baselines import make_policy
from propersim_env.envs.pettingzoo_env import HOUSEHOLD_STATE_VERSION, ProPerSimHousehold
from propersim_env.household_simulation import HouseholdSimulation
from propersim_env.replay import replay_data, write_replay
from propersim_env.simulation import Simulation
from propersim_env.storage import SimFolder, SimulationError, fork_simulation, read_records

ROOT = Path(__file__).resolve().parents[1]
ENV = {"personas": [1, 2, 3], "days": 2, "seconds_per_step": 1800}  # 48 clock steps a day
AGENTS = ["assistant_sofia", "assistant_tomas", "assistant_amara"]
JSON_FILES = ("resident_memory.json", "evaluator_memory.json", "assistant_memory.json", "random_state.json")


def heuristic(agent):
    return make_policy("heuristic")


def new_household(path, env=ENV, seed=4, policies=heuristic):
    return HouseholdSimulation.create(path, policies, env_kwargs=env, seed=seed)


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """An uninterrupted run of the two days."""
    path = tmp_path_factory.mktemp("household") / "whole"
    with new_household(path) as sim:
        sim.run(10**6)
        assert sim.finished
    return path


# ---- the env's state -------------------------------------------------------------------
def test_household_state_dict_round_trips_and_the_copy_goes_on_identically():
    env = ProPerSimHousehold(**ENV)
    env.reset(seed=1)
    actions = dict.fromkeys(env.possible_agents, "")
    for _ in range(20):
        env.step(actions)
    state = env.state_dict()
    assert state["version"] == HOUSEHOLD_STATE_VERSION and set(state["seats"]) == set(env.possible_agents)
    copy = ProPerSimHousehold(**ENV)
    copy.reset(seed=99)  # another seed: everything that matters comes from the state
    copy.load_state_dict(pickle.loads(pickle.dumps(state)))
    actions = dict.fromkeys(env.possible_agents, "How about a short walk outside?")
    while env.agents:
        a, b = env.step(actions), copy.step(actions)
        assert a[1] == b[1] and a[4] == b[4] and a[3] == b[3]
        assert all(a[0][k]["memory"] == b[0][k]["memory"] for k in a[0])
    assert not copy.agents


def test_an_undeclared_attribute_makes_state_dict_fail_and_a_wrong_state_is_refused():
    env = ProPerSimHousehold(**ENV)
    with pytest.raises(RuntimeError, match="reset"):
        env.state_dict()
    env.reset(seed=1)
    state = env.state_dict()
    env.scratch = 1
    with pytest.raises(RuntimeError, match=r"\['scratch'\] are neither saved nor rebuilt.*STATE_ATTRIBUTES"):
        env.state_dict()
    with pytest.raises(ValueError, match="version 0 is not"):
        env.load_state_dict({**state, "version": 0})
    with pytest.raises(ValueError, match=r"lacks \['seats'\]"):
        env.load_state_dict({k: v for k, v in state.items() if k != "seats"})
    other = ProPerSimHousehold(personas=[4, 5], days=2, seconds_per_step=1800)
    other.reset(seed=1)
    with pytest.raises(ValueError, match=r"personas \[1, 2, 3\].*\[4, 5\]"):
        other.load_state_dict(state)


# ---- the folder ------------------------------------------------------------------------
def test_a_household_folder_has_meta_a_log_line_per_step_and_snapshots_by_agent(whole):
    folder = SimFolder.open(whole)
    meta = folder.read_meta()
    assert meta["kind"] == "household" and meta["agents"] == AGENTS
    assert [p["id"] for p in meta["personas"]] == [1, 2, 3] and [p["agent"] for p in meta["personas"]] == AGENTS
    assert meta["seeds"] == {"env": 4, "policy": 4, "policies": dict(zip(AGENTS, [4, 5, 6]))}
    assert meta["config"] == {"env": ENV, "policy": dict.fromkeys(AGENTS, "heuristic")}
    assert meta["finished"] is True

    records = read_records(folder.log_path)
    assert [r["step"] for r in records] == list(range(len(records))) and meta["step"] == len(records)
    for r in records:
        assert list(r["residents"]) == AGENTS
        for agent, resident in r["residents"].items():
            if resident["rated"]:
                assert resident["score"] == sum(resident["scores"].values())
            else:
                assert resident["score"] is None and resident["scores"] == {}
    assert any(r["decision"] for rec in records for r in rec["residents"].values())
    assert any(not r["rated"] for rec in records for r in rec["residents"].values())
    assert any(rec["conversations"] for rec in records)

    steps = folder.snapshot_steps()
    reasons = [json.loads((folder.snapshot_dir(s) / "snapshot.json").read_text())["reason"] for s in steps]
    assert reasons == ["start", "day", "end"] and steps[-1] == len(records)
    day_start = records[steps[1]]
    assert day_start["day"] == 1 and records[steps[1] - 1]["day"] == 0
    snap = folder.snapshot_dir(steps[1])
    manifest = json.loads((snap / "snapshot.json").read_text())
    assert manifest["state_version"] == HOUSEHOLD_STATE_VERSION and set(manifest["files"]) == {*JSON_FILES, "state.pkl"}
    memories = {name: json.loads((snap / name).read_text()) for name in JSON_FILES}
    assert set(memories["resident_memory.json"]["associative"]) == set(AGENTS)
    assert set(memories["evaluator_memory.json"]) == set(memories["assistant_memory.json"]) == set(AGENTS)
    assert set(memories["random_state.json"]) == {"env", "household", *(f"{a}:resident" for a in AGENTS),
                                                  *(f"{a}:policy" for a in AGENTS)}
    assert not list(whole.parent.glob(".tmp-*"))


def test_resumed_from_a_mid_day_save_the_log_matches_the_uninterrupted_run(whole, tmp_path):
    path = tmp_path / "parts"
    with new_household(path) as sim:
        sim.run(10)
        sim.save()
        sim.run(7)  # lost: not saved
    with HouseholdSimulation.resume(path) as sim:
        assert sim.step == 10 and sim.snapshot_step == 10
        sim.run(10**6)
    assert (path / "log.jsonl").read_bytes() == (whole / "log.jsonl").read_bytes()


def test_resume_may_replace_some_policies_and_keeps_the_others(tmp_path):
    path = tmp_path / "sim"
    with new_household(path) as sim:
        sim.run(12)
        sim.save()
    with HouseholdSimulation.resume(path, {"assistant_tomas": make_policy("never")}) as sim:
        assert sim.policy_names == {"assistant_sofia": "heuristic", "assistant_tomas": "never",
                                    "assistant_amara": "heuristic"}
        assert type(sim.policies["assistant_sofia"]).__name__ != type(sim.policies["assistant_tomas"]).__name__
        records = sim.run(10**6)
    assert all(r["residents"]["assistant_tomas"]["decision"] is None for r in records)
    meta = SimFolder(path).read_meta()
    assert meta["policy_history"][-1] == {"step": 12, "policy": meta["config"]["policy"]}
    with pytest.raises(ValueError, match="unknown agent.*assistant_nobody.*assistant_sofia"):
        HouseholdSimulation.resume(path, {"assistant_nobody": make_policy("never")})


def test_create_checks_the_policies_and_options_before_writing(tmp_path):
    with pytest.raises(ValueError, match="no entry for assistant_amara"):
        new_household(tmp_path / "a", policies={a: make_policy("never") for a in AGENTS[:2]})
    with pytest.raises(ValueError, match="personas"):
        new_household(tmp_path / "b", env={"personas": [1, 1]})
    assert not list(tmp_path.iterdir())


def test_a_fork_diverges_only_after_its_step(whole, tmp_path):
    origin = SimFolder(whole)
    before = {p: p.read_bytes() for p in whole.rglob("*") if p.is_file()}
    step = origin.snapshot_steps()[1]  # the day boundary
    fork = fork_simulation(whole, tmp_path / "fork", step=step)
    with HouseholdSimulation.resume(fork, {"assistant_sofia": make_policy("always")}) as sim:
        assert sim.step == step
        sim.run(10**6)
    ours, theirs = read_records(fork / "log.jsonl"), read_records(whole / "log.jsonl")
    assert ours[:step] == theirs[:step] and len(ours) == len(theirs)
    assert ours[step]["residents"]["assistant_sofia"]["decision"] != theirs[step]["residents"]["assistant_sofia"]["decision"]
    assert ours[step]["residents"]["assistant_tomas"] == theirs[step]["residents"]["assistant_tomas"]
    meta = SimFolder(fork).read_meta()
    assert meta["kind"] == "household" and meta["forked_from"]["step"] == step
    assert {p: p.read_bytes() for p in whole.rglob("*") if p.is_file()} == before, "the origin is unchanged"


def test_a_fork_with_more_days_runs_on_past_the_origins_end(whole, tmp_path):
    fork = fork_simulation(whole, tmp_path / "longer", days=3)
    with HouseholdSimulation.resume(fork) as sim:
        assert not sim.finished and sim.days == 3
        records = sim.run(10**6)
        assert sim.finished
    assert records[0]["step"] == len(read_records(whole / "log.jsonl")) and records[-1]["day"] == 2


def test_each_kind_of_folder_refuses_the_other_runner_naming_what_it_holds(whole, tmp_path):
    with pytest.raises(SimulationError, match=r"holds a household simulation \(personas 1 Sofia Marchetti.*"
                                              r"not a single-resident simulation: open it with HouseholdSimulation"):
        Simulation.resume(whole)
    single = tmp_path / "single"
    Simulation.create(single, make_policy("never"), env_kwargs={"persona": 5, "days": 1, "seconds_per_step": 1800}).close()
    with pytest.raises(SimulationError, match=r"holds a single-resident simulation \(personas 5 .*not a household "
                                              r"simulation: open it with Simulation.resume"):
        HouseholdSimulation.resume(single)
    assert "kind" not in SimFolder(single).read_meta(), "single-resident folders are written as before"


def test_a_snapshot_of_another_household_state_version_is_refused_before_unpickling(tmp_path):
    path = tmp_path / "sim"
    new_household(path, policies=lambda agent: make_policy("never")).close()
    manifest_path = SimFolder(path).snapshot_dir(0) / "snapshot.json"
    manifest = json.loads(manifest_path.read_text())
    manifest_path.write_text(json.dumps({**manifest, "state_version": HOUSEHOLD_STATE_VERSION + 1}))
    (SimFolder(path).snapshot_dir(0) / "state.pkl").write_bytes(b"not a pickle")
    with pytest.raises(SimulationError, match=rf"a newer version.*household state version "
                                              rf"{HOUSEHOLD_STATE_VERSION + 1}; this version reads {HOUSEHOLD_STATE_VERSION}"):
        HouseholdSimulation.resume(path)


# ---- killed with SIGKILL mid-day -------------------------------------------------------
RUNNER = """
import sys, time
from propersim_env.household_simulation import HouseholdSimulation
from propersim_env.replay import replay_data, write_replay
from agents.baselines import make_policy

path, mode, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
if mode == "new":
    sim = HouseholdSimulation.create(path, lambda agent: make_policy("heuristic"),
                                     env_kwargs={"personas": [1, 2, 3], "days": 3, "seconds_per_step": 1800}, seed=4)
else:
    sim = HouseholdSimulation.resume(path)
pause = (lambda record: time.sleep(delay)) if delay else None  # slows the run so it can be killed mid-day
sim.run(10**9, on_step=pause)
sim.close()
"""


def start(script, path, mode, delay):
    return subprocess.Popen([sys.executable, str(script), str(path), mode, str(delay)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def lines_in(log: Path) -> int:
    try:
        return log.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_mid_day(proc, path: Path, day_snapshots: int, past: int, timeout: float = 120) -> int:
    """SIGKILL ``proc`` once the run has ``day_snapshots`` day-boundary snapshots and has
    logged ``past`` steps beyond the last of them. Returns the steps logged at the kill."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the run ended before it could be killed: {proc.stderr.read().decode()}"
        steps = SimFolder(path).snapshot_steps() if (path / "snapshots").is_dir() else []
        days = [s for s in steps if s > 0]
        if len(days) >= day_snapshots and lines_in(path / "log.jsonl") >= days[-1] + past:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            assert proc.returncode == -signal.SIGKILL
            return lines_in(path / "log.jsonl")
        time.sleep(0.005)
    proc.kill()
    raise AssertionError("the slowed run did not reach the point to kill it in time")


def finish(script, path, mode):
    proc = start(script, path, mode, 0)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()


@pytest.mark.slow  # fresh interpreters: about 15 s
def test_a_household_killed_mid_day_resumes_to_the_uninterrupted_log(tmp_path):
    script = tmp_path / "run_household.py"
    script.write_text(RUNNER)
    whole, crashed = tmp_path / "whole", tmp_path / "crashed"
    finish(script, whole, "new")

    killed_at = kill_mid_day(start(script, crashed, "new", 0.02), crashed, day_snapshots=1, past=10)
    folder = SimFolder(crashed)
    saved = folder.latest_snapshot_step()
    assert saved < killed_at, "the kill came mid-day, with steps after the last snapshot"
    manifest = json.loads((folder.snapshot_dir(saved) / "snapshot.json").read_text())
    assert manifest["reason"] == "day" and manifest["day"] == 1

    kill_mid_day(start(script, crashed, "resume", 0.02), crashed, day_snapshots=2, past=10)
    assert folder.latest_snapshot_step() > saved

    finish(script, crashed, "resume")
    assert (crashed / "log.jsonl").read_bytes() == (whole / "log.jsonl").read_bytes()
    end = SimFolder(whole).latest_snapshot_step()
    assert folder.latest_snapshot_step() == end
    for name in JSON_FILES:
        assert (folder.snapshot_dir(end) / name).read_bytes() == (SimFolder(whole).snapshot_dir(end) / name).read_bytes()
    assert not list(crashed.rglob(".tmp-*")), "no temporary files survive the resumes"


# ---- the replay page -------------------------------------------------------------------
def test_replay_data_of_a_household_has_the_three_residents_keyed_by_agent(whole):
    data = replay_data(whole, start_step=3)
    records = read_records(whole / "log.jsonl")
    assert [p["agent"] for p in data["residents"]] == AGENTS and [p["id"] for p in data["residents"]] == [1, 2, 3]
    assert {p["policy"] for p in data["residents"]} == {"heuristic"} and "persona" not in data
    assert len({tuple(p["colour"]) for p in data["residents"]}) == 3
    assert len(data["steps"]) == len(records) and data["start_step"] == 3
    for step, record in zip(data["steps"], records):
        assert list(step["rs"]) == AGENTS and step["t"] == record["time"]
        for agent, shown in step["rs"].items():
            r = record["residents"][agent]
            assert [shown["x"], shown["y"]] == r["tile"] and data["strings"][shown["a"]] == r["user_action"]
            if r["rated"]:
                assert shown["s"] == r["score"] and "z" not in shown
                assert (shown["d"] == -1) == (r["decision"] is None)
            else:
                assert shown["d"] == -1 and shown["s"] is None and shown["z"] == 1


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.slow  # a browser: about 3 s
@pytest.mark.needs_browser
def test_the_replay_page_plays_a_household_with_a_marker_and_a_bubble_per_resident(whole, tmp_path):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"this test needs Debian's chromium at {CHROMIUM}: run `apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    records = read_records(whole / "log.jsonl")
    page_path = write_replay(whole, tmp_path / "page.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_path.as_uri())
        page.wait_for_function("window.replay && window.replay.ready")
        assert "Household: Sofia Marchetti" in page.locator("#persona-line").inner_text()
        assert not page.locator("#resident").is_visible()
        # a step where two residents' assistants spoke to them
        step = next(r["step"] for r in records
                    if sum(bool(x["decision"]) and x["rated"] for x in r["residents"].values()) >= 2)
        page.evaluate(f"window.replay.goTo({step})")
        for agent, r in records[step]["residents"].items():
            marker = page.locator(f"#resident-{agent}")
            assert (int(marker.get_attribute("data-x")), int(marker.get_attribute("data-y"))) == tuple(r["tile"])
            bubble = page.locator(f"#bubble-{agent}")
            if r["decision"] and r["rated"]:
                assert bubble.is_visible() and bubble.get_attribute("data-step") == str(step)
                assert bubble.locator(".bubble-text").inner_text() == f"\u201c{r['decision']}\u201d"
                assert bubble.locator(".bubble-time").inner_text().startswith(r["user_action"].split()[0])
            assert page.locator(f'#action [data-agent="{agent}"]').inner_text().startswith(r["user_action"])
        page.select_option("#speed", "64")
        page.click("#play")
        page.wait_for_function(f"window.replay.current() >= {min(step + 10, len(records) - 1)}", timeout=10_000)
        page.click("#play")
        k = page.evaluate("window.replay.current()")
        for agent, r in records[k]["residents"].items():
            marker = page.locator(f"#resident-{agent}")
            assert (int(marker.get_attribute("data-x")), int(marker.get_attribute("data-y"))) == tuple(r["tile"])
        page.screenshot(path=str(tmp_path / "household.png"), full_page=True)
        assert errors == []
        browser.close()
