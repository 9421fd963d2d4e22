"""``propersim serve SIM``: the replay page, live, from a small HTTP server.

The page (the one :mod:`.replay` writes) is served at ``/`` with the steps logged
so far; about once a second it asks ``/steps?gen=G&after=K&strings=M`` for the
steps logged after its first ``K`` (and the texts after its first ``M``), while
a simulation runs in another process (the console, ``Simulation.run``,
``HouseholdSimulation.run``), and follows the newest step unless the user has
stepped back. ``--start-step`` and ``--speed`` make it a demo: it plays from
that step at that many steps a second. A ``ProPerSim-v1`` simulation's page
shows the resident's replies and its needs strip (a v1 household's, each
resident's), as the written page does.

The log is read while another process appends to it: a half-written last line
is left until it is complete. A log cut back (a resumed run goes on from its
latest snapshot) or replaced starts a new *generation*: the next answer says
``reset`` and holds the log as it is now. Standard library only
(``http.server``); bound to 127.0.0.1 unless ``--host`` says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .argtypes import non_negative_int
from .replay import (
    Strings,
    check_speed,
    check_start_step,
    listens,
    page_head,
    page_html,
    page_step,
    speed_argument,
)
from .storage import SimFolder, SimulationError
from .storage.folder import kind_of
from .storage.log import read_new_records

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
POLL_MS = 1000
"""How often the page asks for new steps, in milliseconds."""
MAX_STEPS_PER_ANSWER = 5000
"""At most this many steps in one answer; the page asks again at once for the rest."""


class LiveLog:
    """What the page plays of the simulation folder at ``sim``, kept up with its log.

    Thread-safe: the server's threads share one. :meth:`refresh` reads the lines
    appended since the last call; :meth:`answer` is the ``/steps`` endpoint."""

    def __init__(self, sim: str | os.PathLike):
        self.folder = SimFolder.open(sim)
        self.meta = self.folder.read_meta()
        self._meta_stamp = self._stamp(self.folder.meta_path)
        self._lock = threading.Lock()
        self.gen = 0
        self.error = ""
        self._clear()
        self.refresh()
        if self.error:
            raise SimulationError(self.error)

    @staticmethod
    def _stamp(path: Path):
        try:
            st = os.stat(path)
        except OSError:
            return None
        return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns

    def _clear(self) -> None:
        self.strings = Strings()
        page_head(self.folder.path, self.meta, self.strings)  # the map's texts first, the same in every generation
        self.steps: list[dict] = []  # as the page plays them
        self._ends: list[int] = []  # byte offset just past each step's line
        self._last: dict | None = None  # the last step's record, as logged
        self._log_id = None  # the log file's (device, inode)

    def _restart(self) -> None:
        """The log was cut back or replaced: read it again from the start, as a new generation."""
        self.gen += 1
        self._clear()

    def _read_meta(self) -> None:
        stamp = self._stamp(self.folder.meta_path)
        if stamp == self._meta_stamp:
            return
        try:
            meta = self.folder.read_meta()
        except (SimulationError, OSError):
            return  # being replaced (written atomically, so only for a moment): keep the last one read
        self._meta_stamp = stamp
        other = (kind_of(meta) != kind_of(self.meta) or meta.get("personas") != self.meta.get("personas")
                 or listens(meta) != listens(self.meta))
        self.meta = meta
        if other:
            self._restart()  # another simulation now lives in the folder

    def refresh(self) -> None:
        """Read what was appended to the log since the last call."""
        with self._lock:
            self._read_meta()
            log = self.folder.log_path
            try:
                st = os.stat(log)
            except FileNotFoundError:
                self.error = f"the step log {log} is missing"
                return
            log_id = (st.st_dev, st.st_ino)
            if self.steps and (log_id != self._log_id or st.st_size < self._ends[-1]):
                self._restart()
            self._log_id = log_id
            try:
                self._read_on()
            except SimulationError:
                self._restart()  # the lines after ours are not the next steps: the log was rewritten
                self._log_id = log_id
                try:
                    self._read_on()
                except SimulationError as exc:
                    self.error = str(exc)
                    return
            self.error = ""

    def _read_on(self) -> None:
        n = len(self.steps)
        if n == 0:
            found = read_new_records(self.folder.log_path)
        else:  # from the start of our last line: it must still be there, unchanged
            found = read_new_records(self.folder.log_path, self._ends[-2] if n > 1 else 0, n - 1)
            if not found or found[0][1] != self._last:
                raise SimulationError(f"{self.folder.log_path} was cut back or rewritten")
            found = found[1:]
        for end, record in found:
            self.steps.append(page_step(self.meta, record, self.strings))
            self._ends.append(end)
            self._last = record

    def head(self) -> dict:
        """What may change while the simulation runs, besides its steps: days and policies."""
        policy = self.meta["config"].get("policy", "?")
        days = self.meta["config"]["env"].get("days", 1)
        if kind_of(self.meta) == "household":
            return {"days": days, "policies": dict(policy) if isinstance(policy, dict) else {}}
        return {"days": days, "policy": policy}

    def page_data(self, start_step: int | None = None, speed: float | None = None,
                  poll_ms: int = POLL_MS) -> dict:
        """The page's data: the steps logged so far, and where to ask for more."""
        self.refresh()
        with self._lock:
            data = page_head(self.folder.path, self.meta, self.strings)
            data["title"] = data["title"].replace("replay", "live", 1)
            data.update(self.head(), start_step=start_step, steps=list(self.steps),
                        live={"url": "steps", "poll_ms": poll_ms, "gen": self.gen})
            if speed is not None:
                data["speed"] = speed
                if start_step is None:
                    data["start_step"] = 0
            data["strings"] = list(self.strings.items)  # last: page_head adds the map's
            return data

    def answer(self, gen: int, after: int, strings: int) -> dict:
        """The ``/steps`` answer to a page of generation ``gen`` that holds ``after`` steps and
        ``strings`` texts: the steps and texts it lacks, or (``reset``) all of them."""
        self.refresh()
        with self._lock:
            reset = gen != self.gen or after > len(self.steps) or strings > len(self.strings.items)
            if reset:
                after = strings = 0
            steps = self.steps[after:after + MAX_STEPS_PER_ANSWER]
            return {"gen": self.gen, "reset": reset, "after": after, "steps": steps,
                    "more": after + len(steps) < len(self.steps),
                    "strings_from": strings, "strings": self.strings.items[strings:],
                    "head": self.head(), "error": self.error}


class _Handler(BaseHTTPRequestHandler):
    server: LiveServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        try:
            if url.path in ("/", "/index.html"):
                page = page_html(self.server.live.page_data(self.server.start_step, self.server.speed,
                                                            self.server.poll_ms))
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", page.encode("utf-8"))
            elif url.path == "/steps":
                query = parse_qs(url.query)
                try:
                    gen, after, strings = (int(query.get(k, ["0"])[0]) for k in ("gen", "after", "strings"))
                except ValueError:
                    self._json(HTTPStatus.BAD_REQUEST, {"error": "gen, after and strings must be integers"})
                    return
                self._json(HTTPStatus.OK, self.server.live.answer(gen, max(0, after), max(0, strings)))
            else:
                self._json(HTTPStatus.NOT_FOUND, {"error": f"nothing at {url.path}: the page is at /"})
        except (SimulationError, OSError) as exc:
            self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": str(exc)})

    def do_HEAD(self) -> None:
        self._send(HTTPStatus.OK if urlsplit(self.path).path in ("/", "/index.html", "/steps")
                   else HTTPStatus.NOT_FOUND, "text/plain", b"", head=True)

    def _json(self, status: HTTPStatus, value: dict) -> None:
        body = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
        self._send(status, "application/json; charset=utf-8", body)

    def _send(self, status: HTTPStatus, kind: str, body: bytes, head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass  # the page asks every second: no line per request


class LiveServer(ThreadingHTTPServer):
    """The HTTP server of :func:`make_server`; ``live`` is its :class:`LiveLog`."""

    daemon_threads = True

    def __init__(self, address, live: LiveLog, start_step: int | None, speed: float | None, poll_ms: int):
        self.live, self.start_step, self.speed, self.poll_ms = live, start_step, speed, poll_ms
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def make_server(sim: str | os.PathLike, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                start_step: int | None = None, speed: float | None = None, poll_ms: int = POLL_MS) -> LiveServer:
    """A server (not yet serving: call ``serve_forever``) of the live page of the simulation at
    ``sim``; ``port`` 0 picks a free one. :class:`SimulationError` names the path when ``sim``
    is not a simulation folder; ``OSError`` when the address cannot be bound."""
    if start_step is not None:
        check_start_step(start_step)
    speed = check_speed(speed)
    live = LiveLog(sim)
    return LiveServer((host, port), live, start_step, speed, poll_ms)


def _port(text: str) -> int:
    value = non_negative_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"must be a port from 0 to 65535, got {value}")
    return value


def add_parser(sub) -> None:
    srv = sub.add_parser("serve", help="watch a simulation in the browser while it runs, or play a saved one (demo)",
                         description="Serve the replay page of the simulation folder SIM (single resident or "
                                     "household) at http://HOST:PORT/. The page follows the steps as another "
                                     "process (the console, Simulation.run) logs them, and shows the newest "
                                     "unless you step back. With --start-step and --speed it plays from that "
                                     "step at that speed (demo mode). Ctrl-C stops the server.")
    srv.add_argument("sim", help="the simulation folder")
    srv.add_argument("--host", default=DEFAULT_HOST,
                     help=f"the address to listen on (default {DEFAULT_HOST}: this machine only)")
    srv.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"the port (default {DEFAULT_PORT}; 0: any free one)")
    srv.add_argument("--start-step", type=non_negative_int, default=None,
                     help="the step the page opens at (default: the newest, following new ones; 0 with --speed)")
    srv.add_argument("--speed", type=speed_argument, default=None,
                     help="demo mode: play at this many steps a second from the start step (0.25-1000)")
    srv.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace, out=None) -> int:
    out = out or sys.stdout
    try:
        server = make_server(args.sim, args.host, args.port, start_step=args.start_step, speed=args.speed)
    except (SimulationError, ValueError, OSError) as exc:
        print(f"propersim serve: error: {exc}", file=sys.stderr)
        return 2
    with server:
        print(f"Serving {args.sim} at {server.url} (open it in a browser; Ctrl-C stops)", file=out, flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
