"""`propersim console` on households, and reverie's remaining commands (issue 19), through standard input."""

import io
import json
import pickle

import pytest
from console_support import answer, console

from propersim_env.console import Console
from propersim_env.household_simulation import HouseholdSimulation
from propersim_env.simulation import Simulation
from propersim_env.storage import SimFolder
from propersim_env.user.interview import Interview

SINGLE = ["--new", "--persona", "3", "--days", "1", "--seed", "4", "--policy", "random"]
HOUSEHOLD = ["--new", "--personas", "1,2,3", "--days", "1", "--seed", "2", "--policy", "random"]
HISTORY = ("resident,time,description,kind,importance\n"
           "Sofia,2025-02-12 18:00,had dinner with an old friend from university,event,6\n"
           "assistant_tomas,2025-02-12T20:00,worried about the deadline at work,thought,7\n"
           "Amara Okafor,2025-02-10 09:30,ran a half marathon in the rain,,\n")






def state_bytes(sim) -> bytes:
    return pickle.dumps(sim.env.state_dict())


@pytest.fixture(scope="module")
def household_folder(tmp_path_factory):
    """A household of three after 400 steps (residents have met and talked), saved."""
    path = tmp_path_factory.mktemp("hh") / "hh"
    from propersim_env.sim_commands import make_policy
    sim = HouseholdSimulation.create(path, lambda agent: make_policy("random"),
                                     env_kwargs={"personas": [1, 2, 3], "days": 1}, seed=2)
    sim.run(400)
    sim.save()
    sim.close()
    return path


# ---- households in the console ------------------------------------------------------
@pytest.mark.slow
def test_a_household_is_made_run_and_inspected_per_resident(monkeypatch, capsys, tmp_path):
    sim = tmp_path / "hh"
    script = ("run 30\nprint current time\nprint current tile\nprint persona schedule tomas\n"
              "print last decision assistant_amara\nprint evaluator memory Sofia Marchetti\n"
              "print current tile Isabella\nprint tile details 2,1\nfinish\n")
    code, out, err = console(monkeypatch, capsys, [sim, *HOUSEHOLD], script)
    assert code == 0, err
    assert out.startswith("Household simulation hh (") and "Tomas Lindqvist (persona 2, assistant_tomas, policy random)" in out
    assert answer(out, "run 30").startswith("Ran 30 steps (0-29)")
    tiles = answer(out, "print current tile")
    assert all(f"{name} is at (" in tiles for name in ("Sofia Marchetti", "Tomas Lindqvist", "Amara Okafor"))
    assert answer(out, "print persona schedule tomas").startswith("Schedule of Tomas Lindqvist")
    assert answer(out, "print last decision assistant_amara").startswith("Step 29 at ")
    assert "Amara Okafor is" in answer(out, "print last decision assistant_amara")
    assert answer(out, "print evaluator memory Sofia Marchetti").startswith("Evaluator memory of Sofia Marchetti")
    assert answer(out, "print current tile Isabella").startswith(
        "error: no resident named 'Isabella' in this household; its residents are Sofia Marchetti (assistant_sofia), "
        "Tomas Lindqvist (assistant_tomas), Amara Okafor (assistant_amara)")
    meta = json.loads((sim / "meta.json").read_text())
    assert meta["kind"] == "household" and set(meta["config"]["policy"].values()) == {"random"}
    assert SimFolder(sim).snapshot_steps() == [0, 30]
    # resumed as a household, then forked as one, with nothing left behind by a failing fork
    _, out, _ = console(monkeypatch, capsys, [sim], "print current time\n")
    assert "step 30)" in answer(out, "print current time")
    fork = tmp_path / "fork"
    code, out, err = console(monkeypatch, capsys, [fork, "--fork", sim, "--policy", "never"], "run 2\nfinish\n")
    assert code == 0, err
    assert out.startswith("Household simulation fork") and "policy never" in out
    code, out, err = console(monkeypatch, capsys, [tmp_path / "fork2", "--fork", sim, "--at-step", "7"], "finish\n")
    assert code == 2 and "no snapshot at step 7" in err and not (tmp_path / "fork2").exists()


@pytest.mark.parametrize("args, message", [
    (["--new", "--persona", "1", "--personas", "1,2"], "give --persona (one resident) or --personas (a household)"),
    (["--new", "--conversation-chance", "0.2"], "--conversation-chance only applies to a household"),
    (["--new", "--personas", "1,2,3,4"], "the house has 3 bedrooms, so a household has at most 3 residents"),
    (["--new", "--personas", "40"], "persona ids must be 1-32"),
])
def test_bad_household_arguments(monkeypatch, capsys, tmp_path, args, message):
    code, _, err = console(monkeypatch, capsys, [tmp_path / "hh", *args], "finish\n")
    assert code == 2 and message in err and not (tmp_path / "hh").exists()


# ---- print ... -------------------------------------------------------------------------
@pytest.mark.slow
def test_reverie_print_commands_in_a_household(monkeypatch, capsys, household_folder, tmp_path):
    fork = tmp_path / "f"
    script = ("print all persona schedule\nprint hourly org persona schedule sofia\n"
              "print persona chatting with buffer Tomas\nprint persona chatting with buffer nobody\n"
              "print all persona schedule now\n")
    code, out, err = console(monkeypatch, capsys, [fork, "--fork", household_folder], script)
    assert code == 0, err
    every = answer(out, "print all persona schedule", 0)
    assert [line.split(",")[0] for line in every.splitlines() if line.startswith("Schedule of")] == [
        "Schedule of Sofia Marchetti", "Schedule of Tomas Lindqvist", "Schedule of Amara Okafor"]
    assert 1 <= every.count("->") <= 3  # one mark per resident awake in a planned subtask
    org = answer(out, "print hourly org persona schedule sofia")
    assert org.startswith("Hourly original schedule of Sofia Marchetti, day 1 (before decomposition")
    assert " min)" in org and "daily plan: wake up at" in org and org.count("->") <= 1
    chats = answer(out, "print persona chatting with buffer Tomas")
    assert chats.startswith("Chatting buffer of Tomas Lindqvist: ") and "  Thu " in chats and " about " in chats
    assert answer(out, "print persona chatting with buffer nobody").startswith("error: no resident named 'nobody'")
    assert answer(out, "print all persona schedule now").startswith(
        "error: 'print all persona schedule' takes no arguments")


def test_chatting_buffer_and_all_schedules_of_a_single_resident(monkeypatch, capsys, tmp_path):
    script = "print persona chatting with buffer amara\nprint all persona schedule\nprint hourly org persona schedule\n"
    _, out, _ = console(monkeypatch, capsys, [tmp_path / "s", *SINGLE], script)
    assert answer(out, "print persona chatting with buffer amara").startswith("Amara Okafor lives alone")
    assert answer(out, "print all persona schedule").startswith("Schedule of Amara Okafor")
    assert answer(out, "print hourly org persona schedule").startswith("Hourly original schedule of Amara Okafor")


# ---- call -- analysis ------------------------------------------------------------------
@pytest.mark.slow
def test_an_interview_answers_from_memory_and_writes_nothing(household_folder, tmp_path):
    from propersim_env.storage import fork_simulation
    fork_simulation(household_folder, tmp_path / "f")
    sim = HouseholdSimulation.resume(tmp_path / "f")
    tomas = sim.residents["assistant_tomas"]
    before, nodes = state_bytes(sim), [n.to_dict() for n in tomas.memory.nodes]
    script = ("call -- analysis tomas\nwhat did you do today?\nwhat are your plans for later?\n"
              "how do you feel about your assistant?\nwho did you talk with?\n\nend_convo\nprint current time\n")
    out = io.StringIO()
    Console(sim, io.StringIO(script), out, interactive=False).loop()
    out = out.getvalue()
    assert answer(out, "call -- analysis tomas").startswith("Interviewing Tomas Lindqvist at Thu ")
    did = answer(out, "what did you do today?", prompt="interview> ")
    assert did.startswith("Tomas: Right now I am ") and "Earlier today: " in did and "What comes to mind: " in did
    plans = answer(out, "what are your plans for later?", prompt="interview> ")
    assert "Next I plan " in plans or "Nothing more is planned today" in plans
    assert " of 4 on average" in answer(out, "how do you feel about your assistant?", prompt="interview> ")
    talk = answer(out, "who did you talk with?", prompt="interview> ")
    assert "Lately I chatted with " in talk and " about " in talk and "Tomas Lindqvist" not in talk
    assert "End of the interview with Tomas Lindqvist." in out and "(day 1 of 1, step 400)" in out
    assert state_bytes(sim) == before and [n.to_dict() for n in tomas.memory.nodes] == nodes
    sim.close()


def test_interview_errors(monkeypatch, capsys, tmp_path):
    script = "call -- analysis\ncall -- analysis Sofia\ncall -- dance\n"
    _, out, _ = console(monkeypatch, capsys, [tmp_path / "s", *SINGLE], script)
    assert answer(out, "call -- analysis").startswith("error: call -- analysis needs the resident's name: Amara Okafor")
    assert answer(out, "call -- analysis Sofia").startswith(
        "error: no persona named 'Sofia' in this simulation; its resident is Amara Okafor")
    assert answer(out, "call -- dance").startswith("error: unknown command 'call -- dance'")


@pytest.mark.slow
def test_an_llm_driven_resident_answers_through_its_client(tmp_path):
    from propersim_env.llm.client import ChatResult

    class FakeClient:
        def __init__(self):
            self.messages = []

        def chat(self, messages, **kwargs):
            self.messages.append((messages, kwargs))
            return ChatResult("I cooked and then read for a while.", None, False)

    sim = Simulation.create(tmp_path / "s", _Never(), env_kwargs={"persona": 3})
    sim.run(200)
    client = FakeClient()
    before = state_bytes(sim)
    said = Interview(sim.resident, sim.now, llm_client=client).answer("What did you do today?")
    assert said == "Amara: I cooked and then read for a while."
    (system, user), kwargs = client.messages[0][0], client.messages[0][1]
    assert system["content"].startswith("You are Amara Okafor.") and "Memories that come to mind:" in system["content"]
    assert user == {"role": "user", "content": "What did you do today?"} and kwargs["purpose"] == "interview"
    assert state_bytes(sim) == before
    sim.close()


class _Never:
    def reset(self, seed, info):
        pass

    def act(self, observation, info):
        return ""


# ---- call -- load history -----------------------------------------------------------------
def test_load_history_seeds_every_named_resident_and_is_saved(monkeypatch, capsys, tmp_path):
    csv = tmp_path / "history.csv"
    csv.write_text(HISTORY)
    sim = tmp_path / "hh"
    script = (f"call -- load history {csv}\ncall -- load history {csv}\n"
              f"print associative memory thought Tomas\nfinish\n")
    code, out, err = console(monkeypatch, capsys, [sim, *HOUSEHOLD], script)
    assert code == 0, err
    assert answer(out, f"call -- load history {csv}", 0).startswith(
        f"Loaded 3 memories from {csv}: 1 for Amara Okafor, 1 for Sofia Marchetti, 1 for Tomas Lindqvist.")
    assert "thought Wed 20:00  importance  7  worried about the deadline at work" in answer(
        out, "print associative memory thought Tomas")
    assert "is loaded already" in answer(out, f"call -- load history {csv}", 1)
    resumed = HouseholdSimulation.resume(sim)  # the step-0 snapshot holds the history
    amara = resumed.residents["assistant_amara"]
    node = next(n for n in amara.memory.nodes if "half marathon" in n.description)
    assert node.kind == "event" and node.importance == 5 and f"{node.created:%Y-%m-%d %H:%M}" == "2025-02-10 09:30"
    assert SimFolder(sim).snapshot_steps() == [0] and not list((sim / "snapshots").glob(".tmp-*"))
    resumed.close()


@pytest.mark.parametrize("text, message", [
    ("time,description\n2025-02-12 8am,woke up\n", "line 2, field 'time': '2025-02-12 8am' is not a time YYYY-MM-DD HH:MM"),
    ("time,description\n2025-02-12 08:00,woke up\n2025-02-12 09:00,\n", "line 3, field 'description': empty"),
    ("time,description,kind\n2025-02-12 08:00,woke up,dream\n", "line 2, field 'kind': 'dream' is not one of event, thought, chat"),
    ("time,description,importance\n2025-02-12 08:00,woke up,11\n", "line 2, field 'importance': 11 is not from 1 to 10"),
    ("time,description,importance\n2025-02-12 08:00,woke up,high\n", "line 2, field 'importance': 'high' is not a whole number"),
    ("time,description\n2025-03-01 08:00,woke up\n", "line 2, field 'time': 2025-03-01 08:00 is not before the simulation's time"),
    ("resident,time,description\nSofia,2025-02-12 08:00,woke up\n", "line 2, field 'resident': no persona named 'Sofia'"),
    ("when,description\n", "line 1: unknown column 'when'"),
    ("description\n", "line 1: the header lacks the column 'time'"),
    ("time,description\n2025-02-12 08:00,woke up,extra\n", "line 2: 3 fields, but the header names 2"),
    ("", "empty file"),
])
def test_a_bad_history_file_is_refused_with_its_line_and_field(monkeypatch, capsys, tmp_path, text, message):
    csv = tmp_path / "bad.csv"
    csv.write_text(text)
    _, out, _ = console(monkeypatch, capsys, [tmp_path / "s", *SINGLE],
                           f"call -- load history {csv}\nprint associative memory\n")
    said = answer(out, f"call -- load history {csv}")
    assert said.startswith("error: ") and message in said
    assert "Associative memory of Amara Okafor: 0 nodes" in answer(out, "print associative memory") or \
        "remembers" not in answer(out, "print associative memory")


def test_history_only_before_the_first_step(monkeypatch, capsys, tmp_path):
    csv = tmp_path / "history.csv"
    csv.write_text("time,description\n2025-02-12 08:00,woke up early\n")
    script = f"call -- load history {tmp_path / 'missing.csv'}\nrun 1\ncall -- load history {csv}\n"
    _, out, _ = console(monkeypatch, capsys, [tmp_path / "s", *SINGLE], script)
    assert answer(out, f"call -- load history {tmp_path / 'missing.csv'}").startswith("error: no history file at ")
    assert answer(out, f"call -- load history {csv}").startswith(
        "error: history can only be loaded before the first step; this simulation is at step 1.")


def test_history_in_a_household_needs_the_resident(monkeypatch, capsys, tmp_path):
    csv = tmp_path / "h.csv"
    csv.write_text("time,description\n2025-02-12 08:00,woke up early\n")
    _, out, _ = console(monkeypatch, capsys, [tmp_path / "hh", *HOUSEHOLD], f"call -- load history {csv}\n")
    assert "line 2, field 'resident': name the resident: Sofia Marchetti (assistant_sofia)" in out


# ---- start path tester mode ----------------------------------------------------------------
@pytest.mark.slow
def test_the_path_tester_walks_the_map_and_changes_nothing(household_folder, tmp_path):
    from propersim_env.storage import fork_simulation
    fork_simulation(household_folder, tmp_path / "f")
    sim = HouseholdSimulation.resume(tmp_path / "f")
    before = state_bytes(sim)
    script = ("start path tester mode nobody\nstart path tester mode sofia\nwhere\nn\ns\ne\nw\ngo 0 0\ngo 99 1\n"
              "go 2 1\njump\nexit\nprint current time\n")
    out = io.StringIO()
    Console(sim, io.StringIO(script), out, interactive=False).loop()
    out = out.getvalue()
    assert answer(out, "start path tester mode nobody").startswith("error: no resident named 'nobody'")
    start = answer(out, "start path tester mode sofia")
    x, y = sim.residents["assistant_sofia"].position
    assert start.startswith("Path tester from Sofia Marchetti's tile") and f"at ({x}, {y}) house:" in start
    assert answer(out, "where", prompt="path tester> ").startswith(f"at ({x}, {y}) ")
    for move in "nsew":
        said = answer(out, move, prompt="path tester> ")
        assert said.startswith(("north to", "south to", "east to", "west to", "blocked: ")), said
    assert answer(out, "go 0 0", prompt="path tester> ").startswith("at (0, 0) house, walkable: no (wall)")
    assert answer(out, "go 99 1", prompt="path tester> ").startswith("error: tile (99, 1) is outside the 13x11 map")
    assert answer(out, "go 2 1", prompt="path tester> ").startswith(
        "at (2, 1) house:main bedroom:desk, walkable: yes, ")
    assert answer(out, "jump", prompt="path tester> ").startswith("error: unknown path tester command 'jump'")
    assert "End of the path tester." in out and "(day 1 of 1, step 400)" in out
    assert state_bytes(sim) == before and (x, y) == sim.residents["assistant_sofia"].position
    sim.close()


# ---- a single resident -------------------------------------------------------------------
def test_interview_and_path_tester_of_a_single_resident_change_nothing(tmp_path):
    sim = Simulation.create(tmp_path / "s", _Never(), env_kwargs={"persona": 3})
    sim.run(60)
    before = state_bytes(sim)
    script = ("call -- analysis Amara\nwhat are you doing?\nend_convo\nstart path tester mode\ns\ngo 2 1\nexit\n"
              "print current time\n")
    out = io.StringIO()
    Console(sim, io.StringIO(script), out, interactive=False).loop()
    out = out.getvalue()
    assert answer(out, "what are you doing?", prompt="interview> ").startswith("Amara: Right now I am ")
    assert answer(out, "go 2 1", prompt="path tester> ").startswith("at (2, 1) house:main bedroom:desk, walkable: yes")
    assert "(day 1 of 1, step 60)" in answer(out, "print current time")
    assert state_bytes(sim) == before
    sim.close()


@pytest.mark.slow
def test_the_console_interviews_an_llm_driven_resident_through_its_planners_client(tmp_path):
    from propersim_env.llm.client import ChatResult

    class Client:
        def chat(self, messages, **kwargs):
            return ChatResult(f"(asked: {messages[-1]['content']})", None, False)

    sim = Simulation.create(tmp_path / "s", _Never(), env_kwargs={"persona": 3})
    sim.resident.planner.client = Client()  # what an LLMPlanner holds
    out = io.StringIO()
    Console(sim, io.StringIO("call -- analysis amara\nhow was your day?\nend_convo\n"), out, interactive=False).loop()
    assert answer(out.getvalue(), "how was your day?", prompt="interview> ").strip() == "Amara: (asked: how was your day?)"
    sim.close()


def test_a_fork_that_cannot_open_is_removed(monkeypatch, capsys, tmp_path):
    origin = tmp_path / "origin"
    console(monkeypatch, capsys, [origin, *SINGLE], "finish\n")
    manifest = origin / "snapshots" / "step-00000000" / "snapshot.json"
    data = json.loads(manifest.read_text())
    data["state_version"] = 999  # written by a newer version: the copy cannot be resumed
    manifest.write_text(json.dumps(data))
    code, _, err = console(monkeypatch, capsys, [tmp_path / "fork", "--fork", origin], "finish\n")
    assert code == 2 and "newer version of propersim_env" in err and not (tmp_path / "fork").exists()
