"""A local OpenAI-compatible stub server for tests and benchmarks.

It answers ``POST /v1/chat/completions`` with JSON that fits the request's
schema (``response_format`` of type ``json_schema`` or ``json_object`` +
``schema``), and ``POST /v1/embeddings`` with small deterministic vectors,
after an optional fixed ``latency`` (a request without a schema gets ``reply``).
With ``json_schema=False`` it refuses ``response_format`` of type
``json_schema`` as llama-cpp-python's server does (HTTP 500, a validation
error). Scripted *faults* make it misbehave for the next requests, in order:
``"timeout"`` (answers after ``hang`` seconds), ``"429"`` (with
``retry-after: 0``), ``"500"``, ``"malformed"`` (a body that is not JSON),
``"truncated"`` (cut-off output, ``finish_reason: length``), ``"invalid"``
(JSON that breaks the schema), ``"control"`` (valid JSON but for raw control
characters inside a string, as grammar-constrained small models write),
``"drop"`` (closes the connection without answering) and ``"crash"`` (drops
the request, then stops listening: a server that died). It listens on
127.0.0.1 only and counts every request it gets.

    with StubServer(latency=0.1) as server:
        client = LLMClient(LLMConfig(model="stub", base_url=server.base_url))
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FAULTS = ("timeout", "429", "500", "malformed", "truncated", "invalid", "control", "drop", "crash")


def example_for(schema: dict, seed: str = "") -> Any:
    """A value valid under ``schema`` (the subset of JSON Schema this project uses),
    varied deterministically by ``seed``."""
    pick = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    if "enum" in schema:
        return schema["enum"][pick % len(schema["enum"])]
    kind = schema.get("type")
    if kind == "object":
        return {k: _field(k, sub, seed, i) for i, (k, sub) in enumerate(schema.get("properties", {}).items())}
    if kind == "array":
        n = max(schema.get("minItems", 1), min(schema.get("maxItems", 3), 3 + pick % 4))
        return [example_for(schema.get("items", {}), f"{seed}/{i}") for i in range(n)]
    if kind == "integer":
        lo = schema.get("minimum", 0)
        return min(schema.get("maximum", lo + 60), max(lo, 30))
    if kind == "number":
        return float(schema.get("minimum", 0.5))
    if kind == "boolean":
        return bool(pick % 2)
    return "a short answer"


def _field(name: str, schema: dict, seed: str, index: int) -> Any:
    if schema.get("type") == "string" and "enum" not in schema:
        if name in ("wake_time",):
            return "07:00"
        if name in ("bedtime",):
            return "22:30"
        if name == "start":
            step = int(seed.rsplit("/", 1)[-1]) if "/" in seed else 0
            minutes = 7 * 60 + 15 + 45 * step
            return f"{minutes // 60:02d}:{minutes % 60:02d}"
        return f"{name.replace('_', ' ')} {index + 1}"
    return example_for(schema, f"{seed}/{name}")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: clients reuse their connections
    disable_nagle_algorithm = True  # headers and body leave together, not 40 ms apart
    server: "_Server"

    def log_message(self, *args):  # keep test output clean
        pass

    def setup(self):
        super().setup()
        self.server.connections.add(self.connection)

    def finish(self):
        self.server.connections.discard(self.connection)
        try:
            super().finish()
        except OSError:  # the connection was shut down under us ("drop", "crash", stop())
            pass

    def do_POST(self):  # noqa: N802 - the http.server API
        stub = self.server.stub
        length = int(self.headers.get("content-length", 0))
        raw = self.rfile.read(length)
        if not self.path.rstrip("/").endswith(("/chat/completions", "/embeddings")):
            return self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self._send(400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}})
        fault = stub.next_fault()
        stub.record(self.path, body, self.headers.get("authorization"), fault)
        if fault in ("drop", "crash"):
            self.close_connection = True
            if fault == "crash":  # stop listening before the client sees the drop, so its retry is refused
                stub.stop()
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:  # stop() has shut it down already
                pass
            return None
        rejected = (body.get("response_format") or {}).get("type") == "json_schema" and not stub.json_schema
        if rejected:  # the words of llama-cpp-python's server (pydantic), as HTTP 500
            return self._send(500, {"error": {"message": "1 validation error: ('body', 'response_format', 'type') "
                                              "Input should be 'text' or 'json_object'", "type": "internal_server_error"}})
        if fault == "timeout":
            time.sleep(stub.hang)
        elif stub.latency:
            time.sleep(stub.latency)
        if fault == "429":
            return self._send(429, {"error": {"message": "slow down"}}, {"retry-after": "0"})
        if fault == "500":
            return self._send(500, {"error": {"message": "internal error"}})
        if fault == "malformed":
            return self._send_raw(200, b"{this is not json")
        if self.path.endswith("/embeddings"):
            inputs = body.get("input", [])
            inputs = [inputs] if isinstance(inputs, str) else inputs
            data = [{"object": "embedding", "index": i, "embedding": _vector(t)} for i, t in enumerate(inputs)]
            return self._send(200, {"object": "list", "data": data, "model": body.get("model"),
                                    "usage": {"prompt_tokens": 3 * len(inputs), "total_tokens": 3 * len(inputs)}})
        schema = _schema_of(body.get("response_format"))
        seed = json.dumps(body.get("messages", []), sort_keys=True)
        content = json.dumps(example_for(schema, seed)) if schema else stub.reply
        finish = "stop"
        if fault == "truncated":
            content, finish = content[: max(1, len(content) // 2)], "length"
        elif fault == "invalid":
            content = json.dumps({"unexpected": True})
        elif fault == "control":  # a raw tab and line feed inside the first string value
            content = re.sub(r'(": ")', lambda m: m.group(1) + "\t\n", content, count=1)
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
        self._send(200, {
            "id": f"stub-{stub.count}", "object": "chat.completion", "created": 0, "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": len(content.split()),
                      "total_tokens": prompt_tokens + len(content.split())},
        })

    def _send(self, status: int, payload: dict, headers: dict | None = None):
        self._send_raw(status, json.dumps(payload).encode(), headers)

    def _send_raw(self, status: int, data: bytes, headers: dict | None = None):
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass


def _schema_of(response_format: dict | None) -> dict | None:
    if not response_format:
        return None
    if response_format.get("type") == "json_schema":
        return response_format["json_schema"]["schema"]
    return response_format.get("schema")


def _vector(text: str, dims: int = 8) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [b / 255 for b in digest[:dims]]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stub: "StubServer"

    def __init__(self, *args):
        super().__init__(*args)
        self.connections: set[socket.socket] = set()  # open keep-alive connections, closed by stop()


class StubServer:
    """Start with ``start()`` (or ``with``); ``base_url`` ends in ``/v1``."""

    def __init__(self, latency: float = 0.0, hang: float = 5.0, reply: str = "A plain answer.",
                 json_schema: bool = True):
        self.latency = latency
        self.json_schema = json_schema  # False: refuse response_format json_schema, as llama-cpp-python
        self.reply = reply  # the answer to a request without a schema
        self.hang = hang
        self.requests: list[dict] = []
        self._faults: deque[str] = deque()
        self._lock = threading.Lock()
        self._httpd: _Server | None = None
        self._port = 0

    @property
    def count(self) -> int:
        return len(self.requests)

    def fail_next(self, *faults: str) -> None:
        """Misbehave, in this order, for the next requests."""
        unknown = [f for f in faults if f not in FAULTS]
        if unknown:
            raise ValueError(f"unknown faults {unknown}; choose from {', '.join(FAULTS)}")
        with self._lock:
            self._faults.extend(faults)

    def next_fault(self) -> str | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None

    def record(self, path: str, body: dict, authorization: str | None, fault: str | None) -> None:
        with self._lock:
            self.requests.append({"path": path, "body": body, "authorization": authorization, "fault": fault})

    def start(self) -> "StubServer":
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.stub = self
        self._port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="llm-stub",
                         daemon=True).start()  # a short poll: shutdown() returns in 50 ms, not 500
        return self

    @property
    def port(self) -> int:
        """The port it listens on (kept after ``stop``, so tests can reach a dead server)."""
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
            for connection in list(httpd.connections):  # a stopped server answers nothing more
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def __enter__(self) -> "StubServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
