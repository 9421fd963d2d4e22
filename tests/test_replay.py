"""The replay page: written by `propersim replay`, played in headless Chromium.

The browser is Debian's ``chromium`` (CI installs it) driven by Playwright's
Python package; a missing browser fails these tests with a clear message, it
never skips them.
"""

import json
import os
import re

import pytest

from agents.baselines import make_policy
from propersim_env.cli import main
from propersim_env.render.image import STRIP, TILE, draw_house
from propersim_env.replay import BUBBLE_HOLD, replay_data, replay_html, write_replay
from propersim_env.simulation import Simulation
from propersim_env.storage import SimulationError, read_records
from propersim_env.world import default_house

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TRICKY = "Try this </script><script>window.hacked = 1</script> & <b>tea</b> \u2028 now."


class Tricky:
    """Suggests a text full of HTML every 40 steps: the page must show it as text."""

    name = "tricky"

    def reset(self, seed, info):
        self.n = 0

    def act(self, observation, info):
        self.n += 1
        return TRICKY if self.n % 40 == 0 else ""


@pytest.fixture(scope="module")
def sim(tmp_path_factory):
    path = tmp_path_factory.mktemp("replay") / "sim"
    with Simulation.create(path, make_policy("random"), env_kwargs={"persona": 1, "days": 1}, seed=2) as s:
        s.run(10**6)
    return path


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


def open_page(browser, page_path, query=""):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(page_path.as_uri() + query)
    page.wait_for_function("window.replay && window.replay.ready")
    return page, errors


def resident_tile(page):
    el = page.locator("#resident")
    return int(el.get_attribute("data-x")), int(el.get_attribute("data-y"))


def drawn_tile(page):
    """The tile under the middle of the resident as the page lays it out."""
    box, canvas = page.locator("#resident").bounding_box(), page.locator("#map").bounding_box()
    tile = TILE * 3
    return (int((box["x"] + box["width"] / 2 - canvas["x"]) // tile),
            int((box["y"] + box["height"] / 2 - canvas["y"]) // tile))


@pytest.mark.slow
@pytest.mark.needs_browser
def test_the_page_plays_steps_with_the_resident_and_suggestion_bubbles(browser, sim, tmp_path):
    records = read_records(sim / "log.jsonl")
    page_path = write_replay(sim, tmp_path / "page.html", start_step=10)
    page, errors = open_page(browser, page_path)
    assert page.evaluate("window.replay.current()") == 10
    assert resident_tile(page) == tuple(records[10]["tile"])
    assert page.locator("#step-label").inner_text() == f"step 10 / {len(records) - 1}"

    for _ in range(3):
        page.click("#next")
    r = records[13]
    assert page.evaluate("window.replay.current()") == 13
    assert resident_tile(page) == tuple(r["tile"]) == drawn_tile(page)
    assert page.locator("#action").inner_text() == r["user_action"]
    assert page.locator("#clock").inner_text().endswith(r["time"][:10] + " " + r["time"][11:16])

    # a suggestion that missed a criterion: its bubble shows the text, the score and every reason
    s = next(r["step"] for r in records[14:] if r["decision"] and 0 < r["score"] < 4)
    rec = records[s]
    page.fill("#start-step", str(s))
    page.click("#go")
    bubble = page.locator("#bubble")
    assert bubble.is_visible() and bubble.get_attribute("data-step") == str(s)
    assert bubble.locator(".bubble-text").inner_text() == f"\u201c{rec['decision']}\u201d"
    assert bubble.locator(".badge").inner_text() == f"{rec['score']:g}/4"
    for criterion, score in rec["scores"].items():
        item = bubble.locator(f'li[data-criterion="{criterion}"]')
        assert rec["reasons"][criterion] in item.inner_text()
        assert item.get_attribute("class") == ("ok" if score else "bad")
    assert resident_tile(page) == tuple(rec["tile"]) == drawn_tile(page)
    screenshot = tmp_path / "replay.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 20_000
    print(f"replay screenshot: {screenshot}")

    # the bubble fades and then goes once the suggestion is older than the hold
    quiet = next((k for k in range(s + 1, len(records))
                  if all(records[j]["decision"] is None for j in range(k - BUBBLE_HOLD, k + 1))), None)
    if quiet is not None:
        page.evaluate(f"window.replay.goTo({quiet})")
        assert not bubble.is_visible()

    # play at 64 steps a second, then pause
    page.evaluate("window.replay.goTo(0)")
    page.select_option("#speed", "64")
    page.click("#play")
    page.wait_for_function("window.replay.current() >= 20", timeout=10_000)
    page.click("#play")
    assert page.evaluate("window.replay.isPlaying()") is False
    k = page.evaluate("window.replay.current()")
    assert resident_tile(page) == tuple(records[k]["tile"])

    # the timeline jumps where it is clicked
    box = page.locator("#timeline").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)
    assert abs(page.evaluate("window.replay.current()") - 0.75 * len(records)) < 0.05 * len(records)
    assert errors == []
    page.close()


@pytest.mark.needs_browser
def test_a_bad_start_step_in_the_page_is_refused(browser, sim, tmp_path):
    page, errors = open_page(browser, write_replay(sim, tmp_path / "page.html"), "?step=7")
    assert page.evaluate("window.replay.current()") == 7, "the URL's ?step= opens the page at that step"
    page.fill("#start-step", "999999")
    page.click("#go")
    assert page.evaluate("window.replay.current()") == 7
    assert "start step must be a whole number from 0 to" in page.locator("#step-label").inner_text()
    assert errors == []
    page.close()


@pytest.mark.needs_browser
def test_the_page_draws_the_same_map_as_the_rgb_array_render(browser, sim, tmp_path):
    page, _ = open_page(browser, write_replay(sim, tmp_path / "page.html"))
    tile = TILE * 3
    colours = page.evaluate("""(t) => {
        const c = document.getElementById('map'), g = c.getContext('2d'), out = [];
        for (let y = 0; y * t < c.height; y++) { const row = [];
          for (let x = 0; x * t < c.width; x++) { const d = g.getImageData(x * t + t / 2, y * t + t / 2, 1, 1).data;
            row.push([d[0], d[1], d[2]]); }
          out.push(row); }
        return out; }""", tile)
    house = default_house()
    image = draw_house(house, None, None, None)
    expected = [[image[STRIP + y * TILE + TILE // 2, x * TILE + TILE // 2].tolist() for x in range(house.width)]
                for y in range(house.height)]
    assert colours == expected
    page.close()


@pytest.mark.needs_browser
def test_suggestions_full_of_html_are_shown_as_text(browser, tmp_path):
    path = tmp_path / "sim"
    with Simulation.create(path, Tricky(), env_kwargs={"persona": 9, "days": 1}) as s:
        s.run(200)
    page, errors = open_page(browser, write_replay(path, tmp_path / "page.html"))
    page.evaluate("window.replay.goTo(39)")
    assert page.locator("#bubble .bubble-text").inner_text().startswith("\u201cTry this </script><script>")
    assert page.evaluate("window.hacked === undefined")
    assert errors == []
    page.close()


class SuggestTwice:
    """Suggests at the first two decisions only."""

    name = "suggest-twice"

    def reset(self, seed, info):
        self.n = 0

    def act(self, observation, info):
        self.n += 1
        return "Maybe a short walk in the garden?" if self.n <= 2 else ""


@pytest.mark.needs_browser
def test_counts_on_the_page_are_singular_for_one(browser, tmp_path):
    with Simulation.create(tmp_path / "sim", SuggestTwice(), env_kwargs={"persona": 1, "days": 1}) as s:
        s.run(5)
    page, errors = open_page(browser, write_replay(tmp_path / "sim"))
    assert "5 decisions over 1 day" in page.locator("#persona-line").inner_text()
    totals = {}
    for step in range(4):
        page.evaluate(f"window.replay.goTo({step})")
        totals[step] = page.locator("#totals").inner_text().split(";")[0]
        if step >= 2:
            totals[step] += " | " + page.locator("#bubble .bubble-time").inner_text().split("(")[1]
    assert totals == {0: "1 suggestion in 1 decision", 1: "2 suggestions in 2 decisions",
                      2: "2 suggestions in 3 decisions | 1 step ago)", 3: "2 suggestions in 4 decisions | 2 steps ago)"}
    assert errors == []
    page.close()


@pytest.mark.needs_browser
def test_an_empty_simulation_gives_a_page_that_says_so(browser, tmp_path):
    Simulation.create(tmp_path / "sim", make_policy("never")).close()
    page, errors = open_page(browser, write_replay(tmp_path / "sim"))
    assert "no steps yet" in page.locator("#action").inner_text()
    assert page.locator("#play").is_disabled() and errors == []
    page.close()


def test_the_page_is_one_self_contained_file(sim):
    page = replay_html(sim)
    assert "<script src" not in page and "<link" not in page and "http://" not in page and "https://" not in page
    data = json.loads(re.search(r'<script type="application/json" id="replay-data">(.*?)</script>', page, re.S)[1])
    assert data == json.loads(json.dumps(replay_data(sim)))
    assert len(data["steps"]) == len(read_records(sim / "log.jsonl"))
    assert data["map"]["colours"][0][0] == [60, 60, 70]


def test_replay_command_writes_the_page_and_reports_bad_input(sim, tmp_path, capsys):
    assert main(["replay", str(sim)]) == 0
    assert (sim / "replay.html").is_file() and "Wrote" in capsys.readouterr().out
    assert main(["replay", str(sim), "--out", str(tmp_path / "p.html"), "--start-step", "3"]) == 0
    assert '"start_step":3' in (tmp_path / "p.html").read_text()
    assert main(["replay", str(tmp_path / "nothing")]) == 2
    assert "no simulation folder at" in capsys.readouterr().err
    assert main(["replay", str(sim), "--start-step", "100000"]) == 2
    assert "start step 100000 is past the end" in capsys.readouterr().err
    assert main(["replay", str(sim), "--out", str(tmp_path / "new" / "folder" / "p.html")]) == 0
    assert (tmp_path / "new" / "folder" / "p.html").is_file(), "missing folders above --out are made"
    (tmp_path / "a-file").write_text("")
    assert main(["replay", str(sim), "--out", str(tmp_path / "a-file" / "p.html")]) == 2
    assert "cannot write" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["replay", str(sim), "--start-step", "-2"])
    with pytest.raises(SimulationError):
        replay_data(tmp_path)
