"""`propersim console`: every command, driven through standard input."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from console_support import answer, console

from propersim_env.storage import SimFolder, read_records

ROOT = Path(__file__).resolve().parents[1]
NEW = ["--new", "--persona", "3", "--days", "2", "--seed", "4", "--policy", "random"]






@pytest.mark.slow
def test_every_command_through_standard_input_in_a_real_process(tmp_path):
    sim = tmp_path / "sim"
    script = "\n".join([
        "help", "print last decision", "run 150", "print current time", "print current tile",
        "print persona schedule", "print hourly schedule", "print associative memory",
        "print associative memory event", "print associative memory thought", "print associative memory chat",
        "print spatial memory", "print tile event 2,1", "print tile details 2,1", "print evaluator memory",
        "print last decision", "save", "run 20", "finish", "",
    ])
    result = subprocess.run([sys.executable, "-m", "propersim_env.cli", "console", str(sim), *NEW],
                            input=script, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Simulation sim (")
    assert "run <steps>" in answer(out, "help") and "print tile details <x,y>" in answer(out, "help")
    assert answer(out, "print last decision", 0).strip() == "No decision yet."
    assert re.match(r"Ran 150 steps \(0-149\), 2025-02-13 \S+ to 2025-02-13 \S+: \d+ suggestions?", answer(out, "run 150"))
    records = read_records(sim / "log.jsonl")
    last = records[149]
    assert re.match(r"Thursday 2025-02-13 \d\d:\d\d:\d\d \(day 1 of 2, step 150\)", answer(out, "print current time"))
    tile = answer(out, "print current tile")
    assert tile.startswith("Amara Okafor is at (") and ": house:" in tile
    schedule = answer(out, "print persona schedule")
    assert schedule.startswith("Schedule of Amara Okafor, day 1") and schedule.count("->") == 1
    hourly = answer(out, "print hourly schedule")
    assert "00:00-" in hourly and "  sleeping" in hourly and hourly.count("->") == 1
    memory = answer(out, "print associative memory")
    assert re.match(r"Associative memory of Amara Okafor: (\d+) nodes \(\d+ events, \d+ thoughts, 0 chats\)", memory)
    assert "] event " in answer(out, "print associative memory event")
    assert "] thought" not in answer(out, "print associative memory event")
    assert "] event" not in answer(out, "print associative memory thought")
    assert "0 chat nodes" in answer(out, "print associative memory chat")
    assert "  kitchen\n" in answer(out, "print spatial memory")
    assert "house:main bedroom:desk" in answer(out, "print tile event 2,1")
    assert "room: main bedroom\n  object: desk\n  walkable: yes" in answer(out, "print tile details 2,1")
    assert re.search(r"^Today since \d\d:\d\d: \d+ recommendations? in 150 decisions",
                     answer(out, "print evaluator memory"), re.MULTILINE)
    assert answer(out, "print evaluator memory").startswith("Evaluator memory (today):\nHourly summaries:")
    decision = answer(out, "print last decision")
    assert decision.startswith(f"Step 149 at {last['time'].replace('T', ' ')}: {last['user_action']}")
    assert f"score: {last['score']:g}/4" in decision and decision.count("\n  ") >= 6
    assert answer(out, "save").startswith("Saved step 150 to ")
    assert answer(out, "finish").startswith("Saved step 170 to ") and "Finished." in out
    assert SimFolder(sim).snapshot_steps()[-2:] == [150, 170]


def test_tile_events_show_the_resident_and_the_object_in_use(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "sim"
    code, out, _ = console(monkeypatch, capsys, [sim, *NEW], "run 40\nprint current tile\n")
    x, y = map(int, re.search(r"is at \((\d+), (\d+)\)", answer(out, "print current tile")).groups())
    code, out, _ = console(monkeypatch, capsys, [sim], f"print tile event {x},{y}\nprint tile details ({x}, {y})\n")
    events = answer(out, f"print tile event {x},{y}")
    assert events.startswith(f"Events on tile ({x}, {y})") and "(Amara Okafor, is, " in events
    assert "Amara Okafor is here" in answer(out, f"print tile details ({x}, {y})")


def test_persona_commands_take_the_residents_name(monkeypatch, capsys, tmp_path):
    script = ("print persona schedule Amara Okafor\nprint spatial memory amara\n"
              "print associative memory event Amara Okafor\nprint current tile Isabella Rodriguez\n")
    code, out, _ = console(monkeypatch, capsys, [tmp_path / "sim", *NEW], script)
    assert answer(out, "print persona schedule Amara Okafor").startswith("Schedule of Amara Okafor")
    assert answer(out, "print spatial memory amara").startswith("Spatial memory of Amara Okafor")
    assert "event nodes, newest first" in answer(out, "print associative memory event Amara Okafor")
    assert answer(out, "print current tile Isabella Rodriguez").startswith(
        "error: no persona named 'Isabella Rodriguez' in this simulation; its resident is Amara Okafor\n")


@pytest.mark.parametrize("command, message", [
    ("dance", "error: unknown command 'dance'; type 'help' for the list of commands"),
    ("print foo bar", "error: unknown command 'print foo bar'; type 'help' for what 'print' can show"),
    ("run", "error: run needs one number of steps, e.g. 'run 100'"),
    ("run ten", "error: run needs a whole number of steps, e.g. 'run 100'; got 'ten'"),
    ("run 0", "error: run needs a positive number of steps, got 0"),
    ("save now", "error: 'save' takes no arguments, got 'now'"),
    ("print current time please", "error: 'print current time' takes no arguments, got 'please'"),
    ("print tile event", "error: print tile event needs tile coordinates x,y, e.g. 'print tile event 3,4'"),
    ("print tile event 3", "error: bad coordinates '3': give two integers x,y"),
    ("print tile details a,b", "error: bad coordinates 'a,b': x and y must be integers"),
    ("print tile details 40,2", "error: tile (40, 2) is outside the 13x11 map (x 0-12, y 0-10)"),
    ("print tile event -1,0", "error: tile (-1, 0) is outside the 13x11 map"),
])
def test_bad_commands_are_clear_errors_and_the_console_goes_on(monkeypatch, capsys, tmp_path, command, message):
    code, out, _ = console(monkeypatch, capsys, [tmp_path / "sim", *NEW], f"{command}\nprint current time\nfinish\n")
    assert answer(out, command).strip().startswith(message)
    assert "(day 1 of 2, step 0)" in answer(out, "print current time"), "the console carries on after an error"
    assert code == 0


def test_exit_asks_before_deleting(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "sim"
    code, out, _ = console(monkeypatch, capsys, [sim, *NEW], "run 30\nexit\nno\n")
    assert "Delete the simulation folder" in out and f"Kept {sim}, as of its last snapshot (step 0)" in out
    assert "the 30 steps since were not saved" in out
    assert sim.is_dir() and SimFolder(sim).snapshot_steps() == [0]
    code, out, _ = console(monkeypatch, capsys, [sim], "exit\n")  # end of input is no answer: keep it
    assert sim.is_dir() and "Kept" in out
    code, out, _ = console(monkeypatch, capsys, [sim], "exit\nyes\n")
    assert f"Deleted {sim}." in out and not sim.exists()


def test_end_of_input_saves_and_finishes(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "sim"
    code, out, _ = console(monkeypatch, capsys, [sim, *NEW], "run 25\n")
    assert code == 0 and "End of input: saving and finishing." in out
    assert SimFolder(sim).snapshot_steps() == [0, 25]
    code, out, _ = console(monkeypatch, capsys, [sim], "print current time\n")
    assert "step 25)" in answer(out, "print current time")


def test_running_past_the_end_says_how_to_go_on(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "sim"
    new = ["--new", "--persona", "3", "--days", "1", "--policy", "never"]
    code, out, _ = console(monkeypatch, capsys, [sim, *new], "run 100000\nrun 5\nfinish\n")
    assert "The simulation has ended after day 1" in answer(out, "run 100000")
    assert f"Fork it with more days to go on: propersim console NEW --fork {sim} --days 2" in answer(out, "run 5")
    fork = tmp_path / "fork"
    code, out, _ = console(monkeypatch, capsys, [fork, "--fork", sim, "--days", "2", "--policy", "always"],
                           "print current time\nrun 3\nprint last decision\nfinish\n")
    assert "(day 2 of 2" in answer(out, "print current time")
    assert "assistant: \"You could take a short break" in answer(out, "print last decision")
    meta = json.loads((fork / "meta.json").read_text())
    assert meta["forked_from"]["name"] == "sim" and meta["config"]["policy"] == "always"


@pytest.mark.parametrize("args, message", [
    (["{sim}"], "no simulation folder at"),
    (["{sim}", "--persona", "4"], "--persona only applies with --new"),
    (["{sim}", "--at-step", "4"], "--at-step only applies with --fork"),
    (["{sim}", "--new", "--policy", "clairvoyant"], "argument --policy: unknown policy 'clairvoyant'; choose from always, heuristic, needs_aware, never, oracle, oracle_v1"),
    (["{sim}", "--new", "--at-step", "3"], "--at-step only applies with --fork"),
    (["{sim}", "--new", "--start-date", "someday"], "argument --start-date: must be a date YYYY-MM-DD"),
    (["{sim}", "--fork", "{missing}"], "no simulation folder at"),
])
def test_bad_console_arguments_are_clear_errors(monkeypatch, capsys, tmp_path, args, message):
    args = [a.format(sim=tmp_path / "sim", missing=tmp_path / "missing") for a in args]
    code, out, err = console(monkeypatch, capsys, args, "finish\n")
    assert code == 2 and message in err


def test_opening_an_existing_simulation_with_new_is_refused(monkeypatch, capsys, tmp_path):
    console(monkeypatch, capsys, [tmp_path / "sim", *NEW], "finish\n")
    code, out, err = console(monkeypatch, capsys, [tmp_path / "sim", *NEW], "finish\n")
    assert code == 2 and "already exists; resume it, or choose a new name" in err
