"""Record and replay: a SQLite cache of LLM responses.

A response is stored under the hash of its request (model, messages,
sampling parameters, output schema) and a *sample index*: the n-th time one
run asks the same request it gets sample n, so two samples of one prompt are
kept apart and a replay returns them in the same order. Only successful,
validated responses are stored; the API key is never part of a request here.

Modes: ``off``; ``record`` (always call, store the answer); ``replay`` (never
call; a miss is a :class:`CacheMiss`); ``replay-or-live`` (use the stored
answer, else call and store).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from pathlib import Path

from .errors import LLMError


class CacheMiss(LLMError):
    """Replay asked for a response that was never recorded."""


def request_key(request: dict) -> str:
    """A stable hash of a request (keys sorted, no whitespace)."""
    blob = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ResponseCache:
    """A SQLite file shared safely by threads and processes (WAL journal)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._counters: dict[str, int] = {}
        self._conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        with self._conn:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS responses ("
                " key TEXT NOT NULL, sample INTEGER NOT NULL, request TEXT NOT NULL,"
                " response TEXT NOT NULL, PRIMARY KEY (key, sample))"
            )

    def next_sample(self, key: str) -> int:
        """The sample index for the next ask of ``key`` in this run."""
        with self._lock:
            n = self._counters.get(key, 0)
            self._counters[key] = n + 1
            return n

    def get(self, key: str, sample: int) -> dict | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT response FROM responses WHERE key = ? AND sample = ?", (key, sample)
            ).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, key: str, sample: int, request: dict, response: dict) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT OR REPLACE INTO responses (key, sample, request, response) VALUES (?, ?, ?, ?)",
                (key, sample, json.dumps(request, sort_keys=True, ensure_ascii=False),
                 json.dumps(response, ensure_ascii=False)),
            )

    def __len__(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
