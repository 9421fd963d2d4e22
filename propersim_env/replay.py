"""The web replay: one self-contained HTML page that plays a saved simulation.

``propersim replay SIM --out page.html`` writes a page that needs no server
and no network: the house map (drawn with the same tile colours as the
``rgb_array`` render, :func:`.image.tile_colours`), the resident walking tile by
tile, a speech bubble for each suggestion with its score and the reason for
each criterion, a timeline with the score curve (click to jump), play/pause,
speed control, and a start step (``--start-step``, the page's input, or
``page.html?step=N``). Demo mode: ``write_replay(..., speed=X)`` or
``page.html?step=N&speed=X`` plays from the start step at X steps a second as
soon as the page opens. The page's HTML, CSS and JavaScript live in
``replay_assets/``; the simulation's data is embedded as JSON. ``propersim
serve`` (:mod:`.serve`) serves the same page live, built from :func:`page_head`
and :func:`page_step`.

A household folder (:class:`~propersim_env.household_simulation.HouseholdSimulation`)
plays the same way: every resident on the map in its colour of the
``rgb_array`` render, each with its own assistant's bubble; the data's
``residents`` lists them and each step holds their records keyed by agent.

A ``ProPerSim-v1`` folder (``meta.json``'s ``env_id``) plays the same page with
what the resident made of each suggestion: its reply (and whether it accepted
and acted on it) under the decision and in the bubble, and a needs strip, one
small bar per hidden need (0 to 1) at the current step; the data's ``needs``
names them and each step holds ``n`` (their levels), ``rp`` (the reply),
``ac``/``ad`` (accepted, acted) and ``pa`` (the proposed activity), and ``wb``
(the day's well-being score) at a day's last step. A v1 household's step holds
these in each resident's record, and the page shows each resident's reply
under its line and in its bubble, and one needs strip per resident. v0 data
carries none of these.
"""

from __future__ import annotations

import html
import json
import os
from importlib import resources
from pathlib import Path

from .core import CRITERIA, CRITERION_LABELS
from .envs import ENV_ID, ENV_ID_V1
from .envs.pettingzoo_env import RESIDENT_COLOURS
from .personas import load_persona
from .render.image import TILE, tile_colours
from .storage import SimFolder, read_records
from .storage.atomic import write_bytes_atomic
from .storage.folder import kind_of, make_parent_folders
from .user.needs import CRITICAL, LOW, NEEDS
from .world import House, default_house

SCALE = 3
"""Page pixels per pixel of the ``rgb_array`` render: a tile is ``TILE * SCALE`` pixels."""
BUBBLE_HOLD = 8
"""A suggestion's bubble stays (faded) this many steps after it was made (20 simulated minutes)."""


class Strings:
    """Stores each distinct text once; records refer to it by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        if text is None:
            return -1
        k = self._index.get(text)
        if k is None:
            k = self._index[text] = len(self.items)
            self.items.append(text)
        return k


def _map_data(house: House, strings: Strings) -> dict:
    labels = []
    for room in house.rooms:
        tiles = [(x, y) for y in range(house.height) for x in range(house.width) if house.tile(x, y).room == room]
        labels.append({"room": room, "x": min(x for x, _ in tiles), "y": min(y for _, y in tiles)})
    return {
        "width": house.width, "height": house.height, "tile": TILE * SCALE, "resident_pad": 0.25,
        "colours": [[list(c) for c in row] for row in tile_colours(house)],
        "addresses": [[strings(house.address(x, y)) for x in range(house.width)] for y in range(house.height)],
        "labels": labels,
    }


def check_start_step(start_step) -> int:
    if isinstance(start_step, bool) or not isinstance(start_step, int) or start_step < 0:
        raise ValueError(f"start step must be a non-negative integer, got {start_step!r}")
    return start_step


def check_speed(speed) -> float | None:
    """A demo's playback speed in steps a second (``None``: the page does not start playing)."""
    if speed is None:
        return None
    if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not 0.25 <= speed <= 1000:
        raise ValueError(f"speed must be a number of steps a second from 0.25 to 1000, got {speed!r}")
    return float(speed)


def speed_argument(text: str) -> float:
    """``--speed`` on a command line: :func:`check_speed` of the number, as argparse's error."""
    import argparse

    try:
        return check_speed(float(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of steps a second from 0.25 to 1000, got {text!r}") from None


def page_head(path: Path, meta: dict, strings: Strings) -> dict:
    """What the page shows of the simulation whose ``meta.json`` is ``meta``, besides its steps:
    the title, the resident (or a household's residents), the policy, the days, the map."""
    data = {"title": f"ProPerSim replay: {meta.get('name', path.name)}"}
    if kind_of(meta) == "household":
        policies = meta["config"].get("policy", {})
        data["residents"] = [
            {"agent": p["agent"], "id": p["id"], "name": p["name"], "description": load_persona(p["id"]).describe(),
             "policy": policies.get(p["agent"], "?"), "colour": list(RESIDENT_COLOURS[k % len(RESIDENT_COLOURS)])}
            for k, p in enumerate(meta["personas"])]
    else:
        persona = meta["personas"][0]
        description = load_persona(persona["id"]).describe()
        data["persona"] = {"id": persona["id"], "name": persona["name"], "description": description}
        data["policy"] = meta["config"].get("policy", "?")
    if listens(meta):
        data["env"] = ENV_ID_V1
        data["needs"] = {"names": list(NEEDS), "low": LOW, "critical": CRITICAL}
    return {
        **data,
        "days": meta["config"]["env"].get("days", 1),
        "hold": BUBBLE_HOLD,
        "criteria": [[c, CRITERION_LABELS[c]] for c in CRITERIA],
        "map": _map_data(default_house(), strings),
    }


def listens(meta: dict) -> bool:
    """Whether the simulation (or household) whose ``meta.json`` is ``meta`` runs ``ProPerSim-v1``
    (a folder that names no env runs v0)."""
    return meta.get("env_id", ENV_ID) == ENV_ID_V1


def page_step(meta: dict, record: dict, strings: Strings) -> dict:
    """One log record as the page plays it (a household's holds every resident's, by agent)."""
    if kind_of(meta) == "household":
        return {"t": record["time"], "day": record["day"],
                "rs": {agent: _resident_step(rec, strings, listens(meta))
                       for agent, rec in record["residents"].items()}}
    return {"t": record["time"], "day": record["day"], **_resident_step(record, strings, listens(meta))}


def _listening_step(r: dict, strings: Strings) -> dict:
    """What a ``ProPerSim-v1`` record adds on the page: the need levels (in ``NEEDS`` order, two
    decimals), the reply, whether the resident accepted and acted, the proposed activity, and the
    day's well-being score at its last step."""
    needs = r.get("needs") or {}
    step = {"n": [round(needs[n], 2) if n in needs else None for n in NEEDS],
            "rp": strings(r.get("resident_reply") or None), "ac": r.get("accepted"), "ad": bool(r.get("acted")),
            "pa": strings(r.get("proposed_activity"))}
    if r.get("day_end"):
        step["wb"] = r.get("wellbeing_score")
    return step


def replay_data(sim: str | os.PathLike, start_step: int = 0, speed: float | None = None) -> dict:
    """What the page plays, read from the simulation folder at ``sim``. With ``speed`` the page
    is a demo: it starts playing at ``start_step`` at that many steps a second."""
    folder = SimFolder.open(sim)
    meta = folder.read_meta()
    records = read_records(folder.log_path)
    check_start_step(start_step)
    speed = check_speed(speed)
    if records and start_step >= len(records):
        raise ValueError(f"start step {start_step} is past the end: {folder.path} has steps 0-{len(records) - 1}")
    strings = Strings()
    data = page_head(folder.path, meta, strings)
    data.update(start_step=start_step, steps=[page_step(meta, r, strings) for r in records])
    if speed is not None:
        data["speed"] = speed
    data["strings"] = strings.items
    return data


def _resident_step(r: dict, strings: Strings, listening: bool = False) -> dict:
    """One resident's part of a step on the page (with ``listening``, a ``ProPerSim-v1``
    resident's, what it made of the decision too). A household resident who slept through the
    step (``rated`` false) heard nothing: no decision, no score, ``z`` set."""
    step = {
        "x": r["tile"][0], "y": r["tile"][1], "w": int(r["walking"]),
        "a": strings(r["user_action"]), "d": strings(r["decision"]), "s": r["score"],
        "c": r["scores"], "r": {c: strings(text) for c, text in r["reasons"].items()},
    }
    if listening:
        step.update(_listening_step(r, strings))
    if r.get("rated") is False:
        step.update(d=-1, s=None, z=1)
    return step


def _asset(name: str) -> str:
    return resources.files("propersim_env").joinpath("replay_assets", name).read_text(encoding="utf-8")


def _script_json(data: dict) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>`` can appear)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page_html(data: dict) -> str:
    """The page (``replay_assets/``) playing ``data`` (:func:`replay_data`'s), as one HTML document."""
    page = _asset("page.html")
    page = page.replace("__TITLE__", html.escape(data["title"]))
    page = page.replace("__CSS__", _asset("replay.css")).replace("__JS__", _asset("replay.js"))
    return page.replace("__DATA__", _script_json(data), 1)  # last: nothing inside the data is replaced


def replay_html(sim: str | os.PathLike, start_step: int = 0, speed: float | None = None) -> str:
    """The replay page of the simulation at ``sim``, as one HTML document."""
    return page_html(replay_data(sim, start_step, speed))


def write_replay(sim: str | os.PathLike, out: str | os.PathLike | None = None, start_step: int = 0,
                 speed: float | None = None) -> Path:
    """Write the replay page (default ``SIM/replay.html``; missing folders above it are made)
    and return its path. With ``speed`` the page is a demo: it plays from ``start_step`` at
    that many steps a second as soon as it opens (as ``page.html?step=N&speed=X`` does)."""
    out = Path(out) if out is not None else Path(sim) / "replay.html"
    page = replay_html(sim, start_step, speed)
    make_parent_folders(out, "cannot write")
    write_bytes_atomic(out, page.encode("utf-8"))
    return out
