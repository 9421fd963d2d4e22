"""A run killed with SIGKILL mid-day, then resumed, ends with the same log as an
uninterrupted run (embedded default): real processes, really killed."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from propersim_env.storage import SimFolder

pytestmark = pytest.mark.slow  # real processes: about 35 s

ROOT = Path(__file__).resolve().parents[1]
RUNNER = """
import sys, time
from propersim_env.simulation import Simulation
from agents.baselines import make_policy

path, mode, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
if mode == "new":
    sim = Simulation.create(path, make_policy("heuristic"), env_kwargs={"persona": 12, "days": 3}, seed=5)
else:
    sim = Simulation.resume(path)
pause = (lambda record: time.sleep(delay)) if delay else None  # slows the run so it can be killed mid-day
sim.run(10**9, on_step=pause)
sim.close()
"""


def start(script, path, mode, delay):
    # a fresh interpreter each time, with its own hash seed: nothing may depend on it
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
        time.sleep(0.01)
    proc.kill()
    raise AssertionError("the slowed run did not reach the point to kill it in time")


def finish(script, path, mode):
    proc = start(script, path, mode, 0)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()


def test_sigkill_mid_day_then_resume_gives_the_uninterrupted_log(tmp_path):
    script = tmp_path / "run_sim.py"
    script.write_text(RUNNER)
    whole, crashed = tmp_path / "whole", tmp_path / "crashed"
    finish(script, whole, "new")

    # first crash: in the middle of day 2
    killed_at = kill_mid_day(start(script, crashed, "new", 0.003), crashed, day_snapshots=1, past=120)
    folder = SimFolder(crashed)
    saved = folder.latest_snapshot_step()
    assert saved < killed_at, "the kill came mid-day, with steps after the last snapshot"
    manifest = json.loads((folder.snapshot_dir(saved) / "snapshot.json").read_text())
    assert manifest["reason"] == "day" and manifest["day"] == 1

    # second crash, in the resumed run: in the middle of day 3
    kill_mid_day(start(script, crashed, "resume", 0.003), crashed, day_snapshots=2, past=120)
    assert folder.latest_snapshot_step() > saved

    finish(script, crashed, "resume")
    assert (crashed / "log.jsonl").read_bytes() == (whole / "log.jsonl").read_bytes()
    end = SimFolder(whole).latest_snapshot_step()
    assert folder.latest_snapshot_step() == end
    for name in ("resident_memory.json", "evaluator_memory.json", "assistant_memory.json", "random_state.json"):
        assert (folder.snapshot_dir(end) / name).read_bytes() == (SimFolder(whole).snapshot_dir(end) / name).read_bytes()
    assert not list(crashed.rglob(".tmp-*")), "no temporary files survive the resumes"
