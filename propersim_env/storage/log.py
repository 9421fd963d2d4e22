"""The per-step log: one JSON line per decision, in step order (``log.jsonl``).

Each line is one record (see :func:`propersim_env.storage.runner.step_record`)
whose ``step`` is its 0-based line number. Lines are appended and flushed as
they happen and ``fsync``-ed before every snapshot, so every step up to the
latest snapshot is on disk. After a crash the log may run past the snapshot,
or end in a half-written line: :meth:`StepLog.truncate` cuts it back to the
snapshot's step before the run goes on, so a resumed log never holds a
duplicated or partial line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .atomic import fsync_dir
from .errors import SimulationError


def encode_record(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def read_records(path: str | os.PathLike, limit: int | None = None) -> list[dict]:
    """The complete lines of a log (a trailing half-written line is ignored), at
    most ``limit`` of them. Raises :class:`SimulationError` naming the line
    that is not a record or is out of order."""
    return [record for _, record in _scan(Path(path), limit)]


def _scan(path: Path, limit: int | None, offset: int = 0, step: int = 0):
    """Yield ``(end offset, record)`` for each complete line from byte ``offset`` on (at most
    ``limit``), checking that they are the records of ``step``, ``step + 1``, ..."""
    try:
        f = open(path, "rb")
    except FileNotFoundError:
        raise SimulationError(f"the step log {path} is missing") from None
    with f:
        f.seek(offset)
        for count, line in enumerate(f):
            if limit is not None and count >= limit:
                return
            if not line.endswith(b"\n"):
                return  # a line cut short by a crash, or still being written: not a record
            number = step + count
            offset += len(line)
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise SimulationError(f"{path}: line {number + 1} is not a JSON record: {exc}") from None
            if not isinstance(record, dict) or record.get("step") != number:
                raise SimulationError(f"{path}: line {number + 1} should be the record of step {number}")
            yield offset, record


class StepLog:
    """Appends records to ``log.jsonl``."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._file = None
        self.next_step = 0

    def truncate(self, steps: int) -> dict | None:
        """Keep the first ``steps`` records and drop the rest; returns the last kept
        record. Raises :class:`SimulationError` if fewer than ``steps`` are on disk."""
        end, last, count = 0, None, 0
        if steps > 0:
            for end, last in _scan(self.path, steps):
                count += 1
        if count < steps:
            raise SimulationError(f"{self.path} holds {count} complete steps, but the snapshot needs {steps}: "
                                  "the log was damaged or edited")
        if not self.path.exists():
            self.path.touch()
        if os.path.getsize(self.path) != end:
            with open(self.path, "r+b") as f:
                f.truncate(end)
                f.flush()
                os.fsync(f.fileno())
            fsync_dir(self.path.parent)
        self.next_step = steps
        return last

    def open(self) -> None:
        """Open for appending after :meth:`truncate` (or on a new, empty log)."""
        if self._file is None:
            self._file = open(self.path, "ab")

    def append(self, record: dict) -> None:
        if record.get("step") != self.next_step:
            raise ValueError(f"log record for step {record.get('step')} out of order; expected {self.next_step}")
        self.open()
        self._file.write(encode_record(record))
        self._file.flush()
        self.next_step += 1

    def sync(self) -> None:
        """Make every appended line durable."""
        if self._file is not None:
            self._file.flush()
            os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None:
            self.sync()
            self._file.close()
            self._file = None


def read_new_records(path: str | os.PathLike, offset: int = 0, step: int = 0) -> list[tuple[int, dict]]:
    """``(end offset, record)`` for each complete line of a log from byte ``offset`` on, the
    first of which must be the record of ``step``: a reader that follows a log while another
    process appends to it (``propersim serve``) asks again from the last end offset it got.
    A trailing half-written line is not read (it is being written: ask again later). Raises
    :class:`SimulationError` naming the line that is not a record or is out of order (so also
    when ``offset`` is not at the start of a line, as after the log was cut back)."""
    return list(_scan(Path(path), None, offset, step))
