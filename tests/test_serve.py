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
from propersim_env import serve
from propersim_env.cli import build_parser, main
from propersim_env.household_simulation import HouseholdSimulation
from propersim_env.replay import write_replay
from propersim_env.serve import DEFAULT_HOST, LiveLog, make_server
from propersim_env.simulation import Simulation
from propersim_env.storage import fork_simulation, read_records
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


def test_a_folder_removed_and_made_again_by_a_fork_starts_a_new_generation(short, tmp_path):
    path = tmp_path / "copy"
    shutil.copytree(short, path)
    live = LiveLog(path)
    a = live.answer(0, 0, 0)
    assert len(a["steps"]) == 6
    shutil.rmtree(path)  # the console's `exit` deletes it, then `--fork` makes it again
    b = live.answer(a["gen"], 6, len(a["strings"]))
    assert not b["reset"] and b["steps"] == [] and f"the step log {path / 'log.jsonl'} is missing" in b["error"]
    fork_simulation(short, path, step=0, days=2)
    c = live.answer(b["gen"], 6, len(a["strings"]))
    assert c["reset"] and c["steps"] == [] and c["error"] == "" and c["head"]["days"] == 2
    shutil.copyfile(short / "log.jsonl", path / "log.jsonl")  # its run goes on (the same steps)
    d = live.answer(c["gen"], 0, len(c["strings"]))
    assert not d["reset"] and len(d["steps"]) == 6


def test_a_long_log_comes_in_several_answers(short, monkeypatch):
    monkeypatch.setattr(serve, "MAX_STEPS_PER_ANSWER", 4)
    live = LiveLog(short)
    a = live.answer(0, 0, 0)
    assert len(a["steps"]) == 4 and a["more"]
    b = live.answer(a["gen"], 4, len(a["strings"]))
    assert len(b["steps"]) == 2 and not b["more"] and not b["reset"]
    strings = a["strings"] + b["strings"]
    assert texts(a["steps"] + b["steps"], strings) == [r["user_action"] for r in read_records(short / "log.jsonl")]


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


# ---- the page in headless Chromium ------------------------------------------------------------

RUN_HOUSEHOLD_ELSEWHERE = """
import sys, time
from propersim_env.household_simulation import HouseholdSimulation
sim = HouseholdSimulation.resume(sys.argv[1])
while not sim.finished:
    sim.run(1)
    time.sleep(0.05)
sim.close()
"""


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"the live page tests need Debian's chromium at {CHROMIUM}: run `apt-get install chromium` "
                    "(.ci/run does this)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the live page tests need Playwright's Python package: pip install -e '.[dev]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser, url):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_function("window.replay && window.replay.ready")
    return page, errors


def tile_of(page, selector):
    el = page.locator(selector)
    return int(el.get_attribute("data-x")), int(el.get_attribute("data-y"))


@pytest.mark.slow
@pytest.mark.needs_browser
def test_the_live_page_shows_steps_appearing_while_a_simulation_runs_elsewhere(browser, tmp_path):
    path = new_sim(tmp_path / "sim")
    with Serving(path, poll_ms=200) as s:
        page, errors = open_page(browser, s.url)
        assert "no steps yet" in page.locator("#action").inner_text()
        assert page.locator("#play").is_disabled()
        assert page.locator("#live-line").inner_text() == "live: waiting for the first step"
        proc = run_elsewhere(path, 40)
        try:
            page.wait_for_function("window.replay.length >= 5", timeout=60_000)
            assert not page.locator("#play").is_disabled()
            page.wait_for_function("window.replay.live().following", timeout=10_000)
            # stepped back: the page stays there while steps come in
            page.evaluate("window.replay.goTo(1)")
            n = page.evaluate("window.replay.length")
            page.wait_for_function(f"window.replay.length >= {n + 3}", timeout=60_000)
            assert page.evaluate("window.replay.current()") == 1
            assert "newer step" in page.locator("#live-line").inner_text()
            # End follows again, to the last step of the run
            page.click("#last")
            page.wait_for_function("window.replay.length === 40 && window.replay.current() === 39", timeout=120_000)
        finally:
            assert proc.wait(120) == 0, proc.stderr.read()
        records = read_records(path / "log.jsonl")
        assert tile_of(page, "#resident") == tuple(records[39]["tile"])
        assert page.locator("#action").inner_text() == records[39]["user_action"]
        assert "40 decisions over 1 day" in page.locator("#persona-line").inner_text()
        assert page.locator("#live-line").inner_text() == "live: following"
        assert page.evaluate("window.replay.live().gen") == 0 and errors == []
        page.screenshot(path=str(tmp_path / "live.png"), full_page=True)
        page.close()


@pytest.mark.slow
@pytest.mark.needs_browser
def test_the_live_page_plays_a_household_as_a_demo_and_follows_its_resumed_run(browser, tmp_path, monkeypatch):
    monkeypatch.setattr(serve, "MAX_STEPS_PER_ANSWER", 3)  # the page asks again at once for the rest
    path = tmp_path / "home"
    with HouseholdSimulation.create(path, lambda agent: make_policy("heuristic"), env_kwargs=HOME_ENV, seed=4) as h:
        h.run(8)  # past the start snapshot: the resumed run below cuts the log back to step 0
    with Serving(path, start_step=2, speed=4, poll_ms=200) as s:
        page, errors = open_page(browser, s.url)
        assert page.evaluate("window.replay.speed()") == 4 and page.evaluate("window.replay.isPlaying()")
        assert "Household: Sofia Marchetti" in page.locator("#persona-line").inner_text()
        agents = [m.get_attribute("data-agent") for m in page.locator(".resident[data-agent]").all()]
        assert agents == ["assistant_sofia", "assistant_tomas", "assistant_amara"]
        page.wait_for_function("window.replay.current() >= 4", timeout=10_000)
        proc = run_elsewhere_household(path)
        try:
            page.wait_for_function("window.replay.live().gen === 1", timeout=60_000)
        finally:
            assert proc.wait(120) == 0, proc.stderr.read()
        records = read_records(path / "log.jsonl")
        # still playing: it plays on to the newest step and waits there
        page.evaluate("window.replay.setSpeed(64)")
        page.wait_for_function(f"window.replay.length === {len(records)} && "
                               f"window.replay.current() === {len(records) - 1}", timeout=60_000)
        page.evaluate("window.replay.pause()")
        k = page.evaluate("window.replay.current()")
        for agent, r in records[k]["residents"].items():
            assert tile_of(page, f"#resident-{agent}") == tuple(r["tile"])
            assert page.locator(f'#action [data-agent="{agent}"]').inner_text().startswith(r["user_action"])
        # a step where an assistant spoke: its bubble, in its resident's colour
        step = next(r["step"] for r in records if any(x["decision"] and x["rated"] for x in r["residents"].values()))
        page.evaluate(f"window.replay.goTo({step})")
        agent, r = next((a, x) for a, x in records[step]["residents"].items() if x["decision"] and x["rated"])
        bubble = page.locator(f"#bubble-{agent}")
        assert bubble.is_visible() and bubble.locator(".bubble-text").inner_text() == f"\u201c{r['decision']}\u201d"
        assert errors == []
        page.close()


def run_elsewhere_household(path):
    return subprocess.Popen([sys.executable, "-c", RUN_HOUSEHOLD_ELSEWHERE, str(path)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow  # plays for a second
@pytest.mark.needs_browser
def test_the_written_replay_page_has_a_demo_mode(browser, short, tmp_path):
    page, errors = open_page(browser, write_replay(short, tmp_path / "page.html").as_uri() + "?step=1&speed=0.5")
    assert page.evaluate("window.replay.current()") == 1 and page.evaluate("window.replay.isPlaying()")
    assert page.locator("#speed").input_value() == "0.5"
    assert page.locator("#live-line").is_hidden()
    page.close()
    page, errors = open_page(browser, write_replay(short, tmp_path / "demo.html", start_step=2, speed=8).as_uri())
    assert page.evaluate("window.replay.speed()") == 8
    page.wait_for_function("!window.replay.isPlaying()", timeout=10_000)
    assert page.evaluate("window.replay.current()") == 5, "the demo plays to the end and stops"
    assert errors == []
    page.close()


@pytest.mark.slow  # waits on a few polls
@pytest.mark.needs_browser
def test_the_live_page_starts_again_when_the_log_is_cut_back(browser, short, tmp_path):
    path = tmp_path / "copy"
    shutil.copytree(short, path)
    log, meta = path / "log.jsonl", path / "meta.json"
    lines = log.read_bytes()
    with Serving(path, poll_ms=100) as s:
        page, errors = open_page(browser, s.url)
        assert page.evaluate("window.replay.current()") == 5 and page.evaluate("window.replay.live().following")
        log.write_bytes(b"")  # cut back to nothing (a resumed run from its start snapshot)
        page.wait_for_function("window.replay.live().gen === 1 && window.replay.length === 0", timeout=10_000)
        assert "no steps yet" in page.locator("#action").inner_text()
        assert page.locator("#resident").is_hidden() and page.locator("#play").is_disabled()
        settings = json.loads(meta.read_text())
        settings["config"]["policy"] = "oracle"  # the resumed run replaced the policy
        meta.write_text(json.dumps(settings))
        log.write_bytes(lines)
        page.wait_for_function("window.replay.length === 6 && window.replay.current() === 5", timeout=10_000)
        assert "assistant: oracle" in page.locator("#persona-line").inner_text()
        assert page.locator("#step-label").inner_text() == "step 5 / 5"
        assert errors == []
        page.close()
