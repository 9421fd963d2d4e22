"""The `propersim simulate` command."""

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from propersim_env.cli import main
from propersim_env.world import default_house


def test_json_has_one_object_per_step_with_the_documented_fields(capsys):
    assert main(["simulate", "--persona", "7", "--days", "1", "--seed", "3", "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert len(steps) == 576
    house = default_house()
    for s in steps:
        datetime.fromisoformat(s["time"])
        assert isinstance(s["action"], str) and s["action"]
        assert s["address"] == house.address(*s["tile"])
        assert s["address"].startswith("house:")
        assert isinstance(s["sleeping"], bool)
    assert steps[0]["time"] == "2025-02-13T00:00:00" and steps[1]["time"] == "2025-02-13T00:02:30"
    assert steps[0]["sleeping"] and not all(s["sleeping"] for s in steps)


def documented_json_fields() -> set[str]:
    """The field names in the first column of the README's table for `propersim simulate --json`."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    after = readme.split("`--json` prints a list with one object per step:", 1)[1]
    table = re.match(r"\s*(\|.*?\n)(?!\|)", after, re.S)[1]
    rows = [line.split("|")[1] for line in table.splitlines()[2:]]
    return {name for cell in rows for name in re.findall(r"`(\w+)`", cell)}


def test_the_readme_documents_exactly_the_json_fields(capsys):
    assert main(["simulate", "--persona", "7", "--days", "1", "--seed", "0", "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert documented_json_fields() == set(steps[0])
    assert [s["step"] for s in steps] == list(range(576)), "step: the clock step index from the start of the run"
    walking = [s["address"] for s in steps if s["walking"]]
    assert walking and any(a.count(":") == 1 for a in walking), "a walking resident's address has no object"


def test_text_output_shows_the_schedule_and_a_timeline(capsys):
    assert main(["simulate", "--persona", "2", "--days", "2", "--seed", "0", "--start-date", "2025-03-01"]) == 0
    out = capsys.readouterr().out
    assert "Day 1: Saturday 2025-03-01" in out and "Day 2: Sunday 2025-03-02" in out
    assert "Schedule:" in out and "00:00-" in out and "-24:00  sleeping" in out
    assert "Timeline:" in out and "Tomas Lindqvist is" in out and "@ main bedroom: bed" in out


def test_same_seed_same_output_and_custom_step_length(capsys):
    main(["simulate", "--persona", "12", "--seed", "5", "--json", "--seconds-per-step", "300"])
    first = capsys.readouterr().out
    main(["simulate", "--persona", "12", "--seed", "5", "--json", "--seconds-per-step", "300"])
    assert capsys.readouterr().out == first
    assert len(json.loads(first)) == 288


@pytest.mark.parametrize("args, message", [
    (["--persona", "33"], "argument --persona: persona must be an id from 1 to 32, got 33"),
    (["--persona", "abc"], "argument --persona: persona must be an id from 1 to 32, got 'abc'"),
    (["--days", "0"], "argument --days: must be a positive integer, got 0"),
    (["--seed", "-1"], "argument --seed: must be a non-negative integer, got -1"),
    (["--seed", "1.5"], "argument --seed: must be a non-negative integer, got '1.5'"),
    (["--start-date", "tomorrow"], "argument --start-date: must be a date YYYY-MM-DD, got 'tomorrow'"),
    (["--start-date", "2025-02-30"], "argument --start-date: must be a date YYYY-MM-DD, got '2025-02-30'"),
    (["--seconds-per-step", "7"], "argument --seconds-per-step: must divide 86400 (the seconds in a day), got 7"),
    (["--seconds-per-step", "0"], "argument --seconds-per-step: must be a positive integer that divides 86400"),
])
def test_bad_arguments_are_clear_errors(args, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["simulate", *args])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (["console", "SIM", "--new", "--seed", "-1"], "argument --seed: must be a non-negative integer, got -1"),
    (["console", "SIM", "--new", "--persona", "0"], "argument --persona: persona must be an id from 1 to 32"),
    (["console", "SIM", "--new", "--days", "-2"], "argument --days: must be a positive integer, got -2"),
    (["console", "SIM", "--new", "--start-date", "13/02/2025"],
     "argument --start-date: must be a date YYYY-MM-DD, got '13/02/2025'"),
    (["console", "SIM", "--new", "--seconds-per-step", "100000"], "argument --seconds-per-step: must divide 86400"),
    (["console", "SIM", "--new", "--memory-level", "X"], "argument --memory-level: invalid choice: 'X'"),
    (["console", "SIM", "--new", "--policy", "nope"],
     "argument --policy: unknown policy 'nope'; choose from always, heuristic, needs_aware, never, oracle, oracle_v1, periodic, random, or give module:attribute"),
    (["console", "SIM", "--fork", "ORIGIN", "--at-step", "-1"],
     "argument --at-step: must be a non-negative integer, got -1"),
    (["console", "SIM", "--new", "--fork", "ORIGIN"], "argument --fork: not allowed with argument --new"),
    (["replay", "SIM", "--start-step", "x"], "argument --start-step: must be a non-negative integer, got 'x'"),
    (["replay", "SIM", "--speed", "0"], "argument --speed: must be a number of steps a second from 0.25 to 1000, got '0'"),
])
def test_bad_console_and_replay_arguments_are_clear_errors(args, message, tmp_path, capsys):
    args = [str(tmp_path / a) if a in ("SIM", "ORIGIN") else a for a in args]
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir()), "a refused command writes nothing"


@pytest.mark.parametrize("args, message", [
    (["console", "SIM", "--persona", "3"], "--persona only applies with --new"),
    (["console", "SIM", "--new", "--at-step", "3"], "--at-step only applies with --fork"),
    (["console", "SIM"], "no simulation folder at"),
    (["replay", "SIM"], "no simulation folder at"),
])
def test_arguments_that_do_not_fit_together_are_clear_errors(args, message, tmp_path, capsys):
    args = [str(tmp_path / a) if a == "SIM" else a for a in args]
    assert main(args) == 2
    assert message in capsys.readouterr().err


@pytest.mark.slow
def test_console_script_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "propersim_env.cli", "simulate", "--persona", "32", "--json"],
                            capture_output=True, text=True, check=True)
    assert json.loads(result.stdout)[0]["action"].startswith("Martin Kovac is sleeping")
