"""`propersim serve SIM`: the replay page, live, while a simulation runs in another process.

The endpoint and the log reader are tested over HTTP against a server on a free port;
the page in headless Chromium (Debian's ``chromium`` through Playwright, as in
tests/test_replay.py: a missing browser fails these tests, it never skips them).
"""

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from agents.baselines import make_policy
from propersim_env.cli import build_parser, main
from propersim_env.household_simulation import HouseholdSimulation
from propersim_env.replay import write_replay
from propersim_env.serve import DEFAULT_HOST, LiveLog, make_server
from propersim_env.simulation import Simulation
from propersim_env.storage import read_records
from propersim_env.storage.log import read_new_records

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
HOME_ENV = {"personas": [1, 2, 3], "days": 1, "seconds_per_step": 1800}

RUN_IN_ANOTHER_PROCESS = """
import sys, time
from propersim_env.simulation import Simulation
sim = Simulation.resume(sys.argv[1])
for _ in range(int(sys.argv[2])):
    sim.run(1)
    time.sleep(float(sys.argv[3]))
sim.close()
"""


def new_sim(path, steps=0, persona=1):
    with Simulation.create(path, make_policy("heuristic"), env_kwargs={"persona": persona, "days": 1}, seed=0) as s:
        s.run(steps)
    return path


def run_elsewhere(path, steps, pause=0.05):
    """``Simulation.resume(path).run`` one step at a time in a separate Python process."""
    return subprocess.Popen([sys.executable, "-c", RUN_IN_ANOTHER_PROCESS, str(path), str(steps), str(pause)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class Serving:
    """A live server on a free port of 127.0.0.1, serving in a thread."""

    def __init__(self, sim, **options):
        self.server = make_server(sim, port=0, **options)
        self.url = self.server.url
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def get(self, path):
        with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode("utf-8")

    def steps(self, gen=0, after=0, strings=0):
        status, kind, body = self.get(f"/steps?gen={gen}&after={after}&strings={strings}")
        assert status == 200 and kind.startswith("application/json")
        return json.loads(body)


def texts(answer_steps, strings):
    """Each step's resident action, resolved through the strings table."""
    return [strings[s["a"]] for s in answer_steps]


@pytest.fixture(scope="module")
def short(tmp_path_factory):
    return new_sim(tmp_path_factory.mktemp("serve") / "short", steps=6, persona=4)


@pytest.mark.slow  # a fresh interpreter running a simulation for a few seconds
def test_the_endpoint_returns_new_steps_as_another_process_appends_them(tmp_path):
    path = new_sim(tmp_path / "sim")
    with Serving(path) as s:
        first = s.steps()
        assert first["steps"] == [] and first["gen"] == 0 and first["error"] == ""
        gen, strings, steps, seen = first["gen"], list(first["strings"]), [], set()
        proc = run_elsewhere(path, 30)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            a = s.steps(gen, len(steps), len(strings))
            assert not a["reset"] and a["after"] == len(steps) and a["strings_from"] == len(strings)
            strings += a["strings"]
            steps += a["steps"]
            seen.add(len(steps))
            if proc.poll() is not None and len(steps) == 30:
                break
            time.sleep(0.05)
        assert proc.wait(10) == 0, proc.stderr.read()
    records = read_records(path / "log.jsonl")
    assert len(records) == len(steps) == 30
    assert texts(steps, strings) == [r["user_action"] for r in records]
    assert [(s["x"], s["y"]) for s in steps] == [tuple(r["tile"]) for r in records]
    assert [s["s"] for s in steps] == [r["score"] for r in records]
    assert len({n for n in seen if 0 < n < 30}) >= 2, f"the steps came all at once, not as they were logged: {seen}"


def test_the_server_binds_127_0_0_1_by_default(short):
    assert DEFAULT_HOST == "127.0.0.1"
    args = build_parser().parse_args(["serve", str(short)])
    assert (args.host, args.port, args.start_step, args.speed) == ("127.0.0.1", 8000, None, None)
    server = make_server(short, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.url.startswith("http://127.0.0.1:")
    finally:
        server.server_close()


def test_a_partial_last_line_is_skipped_until_it_is_complete(short, tmp_path):
    path = tmp_path / "copy"
    shutil.copytree(short, path)
    log = path / "log.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    assert len(lines) == 6
    log.write_bytes(b"".join(lines[:3]) + lines[3][:25])
    assert [r["step"] for _, r in read_new_records(log)] == [0, 1, 2]
    live = LiveLog(path)
    a = live.answer(0, 0, 0)
    assert len(a["steps"]) == 3 and a["error"] == ""
    with open(log, "ab") as f:
        f.write(lines[3][25:-1])  # all but the newline: still not a complete line
    b = live.answer(a["gen"], 3, len(a["strings"]))
    assert b["steps"] == [] and not b["reset"]
    with open(log, "ab") as f:
        f.write(b"\n" + b"".join(lines[4:]))
    c = live.answer(b["gen"], 3, len(a["strings"]) + len(b["strings"]))
    assert not c["reset"] and c["after"] == 3 and len(c["steps"]) == 3
    strings = a["strings"] + b["strings"] + c["strings"]
    assert texts(a["steps"] + c["steps"], strings) == [r["user_action"] for r in read_records(short / "log.jsonl")]


def test_a_log_cut_back_by_a_resumed_run_starts_a_new_generation(short, tmp_path):
    path = tmp_path / "copy"
    shutil.copytree(short, path)
    log = path / "log.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    live = LiveLog(path)
    a = live.answer(0, 0, 0)
    assert len(a["steps"]) == 6
    # cut back to 2 steps (as Simulation.resume does to its snapshot's step)
    log.write_bytes(b"".join(lines[:2]))
    b = live.answer(a["gen"], 6, len(a["strings"]))
    assert b["reset"] and b["gen"] == a["gen"] + 1 and b["after"] == 0 and b["strings_from"] == 0
    assert len(b["steps"]) == 2
    # the same steps logged again (a resumed run on the embedded default): no reset, read on
    log.write_bytes(b"".join(lines))
    c = live.answer(b["gen"], 2, len(b["strings"]))
    assert not c["reset"] and len(c["steps"]) == 4
    # cut back and run on past where the reader was with other steps, between two reads (the log no
    # shorter than before): caught by the reader's last line, which changed
    other = [json.loads(line) for line in lines]
    log.write_bytes(b"".join(lines[:5]) + (json.dumps(dict(other[5], user_action="rewritten")) + "\n").encode()
                    + (json.dumps(dict(other[5], step=6, user_action="a seventh step")) + "\n").encode())
    d = live.answer(c["gen"], 6, len(b["strings"]) + len(c["strings"]))
    assert d["reset"] and d["gen"] == c["gen"] + 1 and len(d["steps"]) == 7
    assert texts(d["steps"], d["strings"])[-2:] == ["rewritten", "a seventh step"]
    first = min(step["a"] for step in a["steps"])  # the map's texts come before every step's
    assert first > 10 and d["strings"][:first] == a["strings"][:first], "the map's texts keep their places"


def test_the_endpoint_answers_bad_requests_with_json(short):
    with Serving(short) as s:
        status, kind, page = s.get("/")
        assert status == 200 and kind.startswith("text/html")
        assert '"live":{"url":"steps"' in page and "ProPerSim live: short" in page
        for path, code in (("/steps?after=x", 400), ("/nothing", 404)):
            with pytest.raises(urllib.error.HTTPError) as err:
                s.get(path)
            assert err.value.code == code and "error" in json.loads(err.value.read())
        assert s.steps(gen=7)["reset"], "a page of another generation gets everything again"


def test_serve_names_a_bad_simulation_folder(tmp_path, capsys):
    assert main(["serve", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("propersim serve: error:") and f"no simulation folder at {tmp_path / 'nowhere'}" in err
    (tmp_path / "empty").mkdir()
    assert main(["serve", str(tmp_path / "empty")]) == 2
    assert f"{tmp_path / 'empty'} is not a simulation folder" in capsys.readouterr().err
    for bad in (["--speed", "0"], ["--speed", "fast"], ["--port", "70000"], ["--start-step", "-1"]):
        with pytest.raises(SystemExit):
            main(["serve", str(tmp_path / "empty"), *bad])


def test_serve_reports_a_port_in_use(short, capsys):
    server = make_server(short, port=0)
    try:
        port = server.server_address[1]
        assert main(["serve", str(short), "--port", str(port)]) == 2
        assert "propersim serve: error:" in capsys.readouterr().err
    finally:
        server.server_close()


def test_serve_help_names_the_demo_options(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "--start-step" in out and "--speed" in out and "127.0.0.1" in out
