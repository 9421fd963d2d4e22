"""Saved simulations: the folder, the log, snapshots, resume and fork."""

import hashlib
import json
import os
from datetime import datetime

import pytest

from agents.baselines import make_policy
from propersim_env.simulation import Simulation
from propersim_env.storage import SimFolder, SimulationError, fork_simulation, read_records
from propersim_env.storage import atomic, snapshot
from propersim_env.storage.codecs import CODECS
from propersim_env.world import default_house

ENV = {"persona": 5, "days": 2}
JSON_FILES = ("resident_memory.json", "evaluator_memory.json", "assistant_memory.json", "random_state.json")


def new_sim(path, policy="heuristic", env=ENV, seed=3):
    return Simulation.create(path, make_policy(policy), env_kwargs=env, seed=seed)


def run_to_end(path, **kwargs):
    with new_sim(path, **kwargs) as sim:
        sim.run(10**6)
        assert sim.finished
    return sim


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_digest(folder):
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_new_simulation_has_meta_an_empty_log_and_a_start_snapshot(tmp_path):
    sim = new_sim(tmp_path / "sim")
    sim.close()
    folder = SimFolder.open(tmp_path / "sim")
    meta = folder.read_meta()
    assert meta["personas"] == [{"id": 5, "name": sim.env.persona.name}]
    assert meta["seeds"] == {"env": 3, "policy": 3}
    assert meta["config"] == {"env": ENV, "policy": "heuristic"}
    assert meta["step"] == 0 and meta["finished"] is False and meta["forked_from"] is None
    assert datetime.fromisoformat(meta["time"]) == sim.now
    assert folder.log_path.read_bytes() == b""
    assert folder.snapshot_steps() == [0]
    snap = folder.snapshot_dir(0)
    manifest = json.loads((snap / "snapshot.json").read_text())
    assert manifest["reason"] == "start" and set(manifest["files"]) == {*JSON_FILES, "state.pkl"}
    memories = {name: json.loads((snap / name).read_text()) for name in JSON_FILES}
    assert set(memories["resident_memory.json"]["associative"]) == {"resident"}
    assert set(memories["random_state.json"]) >= {"env", "resident", "policy"}
    assert memories["evaluator_memory.json"]["evaluator"]["values"]["decisions_today"] == 0
    assert not list(tmp_path.glob(".tmp-*")), "the temporary build folder was left behind"


def test_the_log_has_one_record_per_decision_with_position_score_and_reasons(tmp_path):
    with new_sim(tmp_path / "sim", policy="random") as sim:
        returned = sim.run(60)
    records = read_records(tmp_path / "sim" / "log.jsonl")
    assert records == returned and [r["step"] for r in records] == list(range(60))
    house = default_house()
    for r in records:
        assert r["address"] == house.address(*r["tile"])
        assert r["score"] == sum(r["scores"].values())
        assert set(r["reasons"]) == set(r["scores"]) == {"preference", "timing", "frequency", "communication_safety"}
        assert r["user_action"].startswith(sim.env.persona.name)
    assert any(r["decision"] for r in records) and any(r["decision"] is None for r in records)
    times = [datetime.fromisoformat(r["time"]) for r in records]
    assert times == sorted(times)


def test_snapshots_are_taken_at_each_day_boundary_and_at_the_end(tmp_path):
    run_to_end(tmp_path / "sim", env={"persona": 5, "days": 3})
    folder = SimFolder.open(tmp_path / "sim")
    records = read_records(folder.log_path)
    steps = folder.snapshot_steps()
    boundaries = [r["step"] for prev, r in zip(records, records[1:]) if prev["time"][:10] != r["time"][:10]]
    assert len(boundaries) == 2
    assert steps == [0, *boundaries, len(records)]
    reasons = [json.loads((folder.snapshot_dir(s) / "snapshot.json").read_text())["reason"] for s in steps]
    assert reasons == ["start", "day", "day", "end"]
    meta = folder.read_meta()
    assert meta["finished"] is True and meta["step"] == len(records)


@pytest.mark.slow
@pytest.mark.parametrize("policy", ["random", "periodic", "heuristic", "oracle"])
def test_a_resumed_run_continues_exactly_as_an_uninterrupted_one(tmp_path, policy):
    run_to_end(tmp_path / "whole", policy=policy)
    with new_sim(tmp_path / "split", policy=policy) as sim:
        sim.run(500)  # into day 2, past the day-boundary snapshot; steps after it are not saved
        stopped_at = sim.step
    resumed = Simulation.resume(tmp_path / "split")
    assert resumed.step < stopped_at, "resume goes back to the last snapshot"
    assert len(read_records(tmp_path / "split" / "log.jsonl")) == resumed.step, "the log is cut back to it"
    resumed.run(10**6)
    resumed.close()
    assert (tmp_path / "whole" / "log.jsonl").read_bytes() == (tmp_path / "split" / "log.jsonl").read_bytes()
    end = SimFolder(tmp_path / "whole").snapshot_steps()[-1]
    for name in JSON_FILES:
        whole = SimFolder(tmp_path / "whole").snapshot_dir(end) / name
        split = SimFolder(tmp_path / "split").snapshot_dir(end) / name
        assert whole.read_bytes() == split.read_bytes(), name


def test_save_mid_day_then_resume_from_that_step(tmp_path):
    run_to_end(tmp_path / "whole")
    with new_sim(tmp_path / "sim") as sim:
        sim.run(123)
        folder = sim.save()
        assert folder.name == "step-00000123"
        assert sim.save() == folder  # saving twice at one step keeps the snapshot
        sim.run(10)
    resumed = Simulation.resume(tmp_path / "sim")
    assert resumed.step == 123 and resumed.last_record["step"] == 122
    resumed.run(10**6)
    resumed.close()
    assert (tmp_path / "whole" / "log.jsonl").read_bytes() == (tmp_path / "sim" / "log.jsonl").read_bytes()


def test_resume_cuts_a_half_written_line_and_steps_past_the_snapshot(tmp_path):
    with new_sim(tmp_path / "sim") as sim:
        sim.run(400)
    log = tmp_path / "sim" / "log.jsonl"
    with open(log, "ab") as f:
        f.write(b'{"step": 400, "day": 1, "ti')  # a crash in the middle of a write
    snapshot = SimFolder(tmp_path / "sim").latest_snapshot_step()
    assert 0 < snapshot < 400
    with Simulation.resume(tmp_path / "sim") as sim:
        assert sim.step == snapshot
    text = log.read_bytes()
    assert text.endswith(b"\n") and text.count(b"\n") == snapshot
    assert [r["step"] for r in read_records(log)] == list(range(snapshot))


def test_a_log_missing_saved_steps_is_a_clear_error(tmp_path):
    with new_sim(tmp_path / "sim") as sim:
        sim.run(400)
    log = tmp_path / "sim" / "log.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(lines[:100]))
    with pytest.raises(SimulationError, match=r"holds 100 complete steps, but the snapshot needs \d+"):
        Simulation.resume(tmp_path / "sim")


def test_a_log_line_out_of_order_is_a_clear_error(tmp_path):
    with new_sim(tmp_path / "sim") as sim:
        sim.run(10)
    log = tmp_path / "sim" / "log.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join([lines[0], lines[2], *lines[3:]]))
    with pytest.raises(SimulationError, match="line 2 should be the record of step 1"):
        read_records(log)


def test_a_damaged_snapshot_file_is_a_clear_error(tmp_path):
    with new_sim(tmp_path / "sim") as sim:
        sim.run(5)
    memory = SimFolder(tmp_path / "sim").snapshot_dir(0) / "assistant_memory.json"
    memory.write_text(memory.read_text().replace("ASCR", "ASC"))
    with pytest.raises(SimulationError, match="assistant_memory.json is damaged"):
        Simulation.resume(tmp_path / "sim")


def test_missing_or_existing_folders_are_clear_errors(tmp_path):
    with pytest.raises(SimulationError, match="no simulation folder at"):
        Simulation.resume(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(SimulationError, match="meta.json is missing"):
        Simulation.resume(tmp_path / "empty")
    with pytest.raises(SimulationError, match="already exists"):
        new_sim(tmp_path / "empty")
    with pytest.raises(ValueError, match="persona ids must be integers"):
        new_sim(tmp_path / "bad", env={"persona": 99})
    assert not (tmp_path / "bad").exists()
    with pytest.raises(SimulationError, match="JSON values"):
        new_sim(tmp_path / "bad", env={"persona": 1, "start_date": datetime(2025, 1, 1)})


def test_missing_parent_folders_are_made_as_mkdir_p_does(tmp_path):
    new_sim(tmp_path / "runs" / "sims" / "demo").close()
    assert SimFolder.open(tmp_path / "runs" / "sims" / "demo").snapshot_steps() == [0]
    fork_simulation(tmp_path / "runs" / "sims" / "demo", tmp_path / "forks" / "of" / "demo")
    assert SimFolder.open(tmp_path / "forks" / "of" / "demo").read_meta()["forked_from"]["step"] == 0
    (tmp_path / "a-file").write_text("")
    with pytest.raises(SimulationError, match="cannot create .*: cannot make the folder .*a-file"):
        new_sim(tmp_path / "a-file" / "sim")
    with pytest.raises(SimulationError, match="cannot fork into .*: cannot make the folder .*a-file"):
        fork_simulation(tmp_path / "runs" / "sims" / "demo", tmp_path / "a-file" / "fork")
    with pytest.raises(SimulationError, match="already exists"):
        new_sim(tmp_path / "runs" / "sims" / "demo")
    with pytest.raises(ValueError, match="persona ids must be integers"):
        new_sim(tmp_path / "never" / "made" / "sim", env={"persona": 99})
    assert not (tmp_path / "never").exists(), "a simulation that failed its checks makes no folders"


def test_fork_copies_the_history_and_runs_on_with_more_days(tmp_path):
    run_to_end(tmp_path / "origin", env={"persona": 5, "days": 1})
    before = tree_digest(tmp_path / "origin")
    fork_simulation(tmp_path / "origin", tmp_path / "fork", days=2)
    assert tree_digest(tmp_path / "origin") == before, "forking never changes the origin"
    meta = SimFolder.open(tmp_path / "fork").read_meta()
    origin_steps = len(read_records(tmp_path / "origin" / "log.jsonl"))
    assert meta["forked_from"]["step"] == origin_steps and meta["forked_from"]["name"] == "origin"
    assert meta["config"]["env"]["days"] == 2 and meta["finished"] is False
    with Simulation.resume(tmp_path / "fork") as fork:
        assert not fork.finished
        new = fork.run(10**6)
        assert fork.finished
    assert new and {r["day"] for r in new} == {1}
    origin_log = (tmp_path / "origin" / "log.jsonl").read_bytes()
    assert (tmp_path / "fork" / "log.jsonl").read_bytes().startswith(origin_log)
    # the same two days run in one go give the same log: the fork went on exactly
    run_to_end(tmp_path / "two", env={"persona": 5, "days": 1})
    with Simulation.resume(tmp_path / "two", days=2) as two:
        two.run(10**6)
    assert (tmp_path / "two" / "log.jsonl").read_bytes() == (tmp_path / "fork" / "log.jsonl").read_bytes()


def test_fork_from_an_earlier_snapshot_with_another_policy(tmp_path):
    run_to_end(tmp_path / "origin")
    steps = SimFolder.open(tmp_path / "origin").snapshot_steps()
    fork_simulation(tmp_path / "origin", tmp_path / "fork", step=steps[1])
    with Simulation.resume(tmp_path / "fork", make_policy("never"), policy_name="never") as fork:
        assert fork.step == steps[1]
        records = fork.run(10**6)
    assert records and all(r["decision"] is None for r in records)
    meta = SimFolder.open(tmp_path / "fork").read_meta()
    assert meta["config"]["policy"] == "never"
    assert meta["policy_history"] == [{"step": 0, "policy": "heuristic"}, {"step": steps[1], "policy": "never"}]
    with pytest.raises(SimulationError, match=f"no snapshot at step 7; its snapshots are at steps {steps[0]}"):
        fork_simulation(tmp_path / "origin", tmp_path / "other", step=7)
    with pytest.raises(SimulationError, match="it already exists"):
        fork_simulation(tmp_path / "origin", tmp_path / "fork")
    with pytest.raises(ValueError, match="at least the origin's 2 days"):
        fork_simulation(tmp_path / "origin", tmp_path / "other", days=1)


class Unpicklable:
    name = "unpicklable"

    def reset(self, seed, info):
        self.callback = lambda: None  # a lambda cannot be pickled

    def act(self, observation, info):
        return ""


def test_a_policy_that_cannot_be_saved_is_named(tmp_path):
    with pytest.raises(SimulationError, match=r"policy\.callback \(function\) is not picklable"):
        Simulation.create(tmp_path / "sim", Unpicklable())
    assert not (tmp_path / "sim").exists()


def test_state_the_codecs_do_not_know_fails_the_save_loudly(tmp_path):
    with new_sim(tmp_path / "sim") as sim:
        sim.run(3)
        sim.env.evaluation_memory.extra_notes = {"something": "new"}
        with pytest.raises(SimulationError, match="attribute 'extra_notes' holds a dict"):
            sim.save()


def test_memories_round_trip_through_json(tmp_path):
    with new_sim(tmp_path / "sim", policy="random") as sim:
        sim.run(300)
        env = sim.env
        for kind, obj in [("associative", env.resident.memory), ("spatial", env.resident.spatial),
                          ("evaluator", env.evaluation_memory), ("assistant", env.assistant_memory),
                          ("rng", env.np_random)]:
            _, encode, decode = CODECS[kind]
            data = json.loads(json.dumps(encode(obj)))
            copy = decode(data)
            assert encode(copy) == encode(obj), kind
        now = env.state.time
        copy = CODECS["evaluator"][2](CODECS["evaluator"][1](env.evaluation_memory))
        assert copy.to_text(now) == env.evaluation_memory.to_text(now)
        copy = CODECS["assistant"][2](CODECS["assistant"][1](env.assistant_memory))
        assert copy.to_text(now, env.state.activity) == env.assistant_memory.to_text(now, env.state.activity)
        rng = CODECS["rng"][2](CODECS["rng"][1](env.np_random))
        assert rng.integers(10**9, size=5).tolist() == env.np_random.integers(10**9, size=5).tolist()


def test_an_atomic_write_that_fails_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "meta.json"
    atomic.write_json_atomic(target, {"v": 1})

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic.write_json_atomic(target, {"v": 2})
    assert json.loads(target.read_text()) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["meta.json"], "no temporary file is left"


def test_a_disk_failure_during_a_snapshot_raises_and_loses_no_saved_day(tmp_path, monkeypatch):
    run_to_end(tmp_path / "whole")
    sim = new_sim(tmp_path / "sim")

    real = snapshot.publish_dir
    calls = []

    def failing_publish(tmp, final):
        calls.append(final)
        if len(calls) == 2:  # the second day boundary's snapshot hits a full disk
            raise OSError(28, "No space left on device")
        return real(tmp, final)

    monkeypatch.setattr(snapshot, "publish_dir", failing_publish)
    with pytest.raises(OSError, match="No space left"):
        sim.run(10**6)
    monkeypatch.setattr(snapshot, "publish_dir", real)
    sim.close()
    with Simulation.resume(tmp_path / "sim") as resumed:  # from the last snapshot that was written
        assert resumed.step == SimFolder(tmp_path / "sim").snapshot_steps()[-1] > 0
        resumed.run(10**6)
    assert (tmp_path / "whole" / "log.jsonl").read_bytes() == (tmp_path / "sim" / "log.jsonl").read_bytes()
    assert not list((tmp_path / "sim" / "snapshots").glob(".tmp-*")), "resume sweeps up the half-built snapshot"


def test_an_error_inside_a_step_stops_the_simulation_until_it_is_resumed(tmp_path):
    class BadAction:
        name = "bad"

        def reset(self, seed, info):
            pass

        def act(self, observation, info):
            return 42  # not text: the env refuses it

    with new_sim(tmp_path / "sim") as sim:
        sim.run(3)
        sim.replace_policy(BadAction())
        with pytest.raises(TypeError, match="an action must be a str"):
            sim.run(1)
        with pytest.raises(SimulationError, match="stopped with an error at step 3.*resume"):
            sim.save()
    assert Simulation.resume(tmp_path / "sim").step == 0


def test_bad_step_counts_are_clear_errors(tmp_path):
    with new_sim(tmp_path / "sim") as sim:
        for bad in (-1, 2.5, "10", True):
            with pytest.raises(ValueError, match="steps must be a non-negative integer"):
                sim.run(bad)
        with pytest.raises(ValueError, match="days must be an integer of at least"):
            Simulation.resume(tmp_path / "sim", days=1.5)


def test_an_unpicklable_env_part_is_named(tmp_path):
    with new_sim(tmp_path / "sim") as sim:
        sim.env.resident.hook = lambda: None
        with pytest.raises(SimulationError, match=r"env\.resident \(Resident\) is not picklable"):
            sim.save()


def test_the_env_can_be_lengthened_mid_episode():
    from propersim_env.envs import ProPerSimEnv

    env = ProPerSimEnv(persona=5, days=1)
    env.reset(seed=0)
    with pytest.raises(ValueError, match="at least the episode's 1 days"):
        env.extend(0)
    assert env.extend(2) is None  # not ended: it simply goes on longer
    days, truncated = set(), False
    while not truncated:
        *_, truncated, info = env.step("")
        days.add(info["day"])
    assert days == {0, 1}
