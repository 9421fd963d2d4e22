"""Seeding residents' memories from a CSV of past events (reverie's ``call -- load history``).

The file is UTF-8 CSV with a header row; columns, in any order:

``resident``
    whose memory (full name or first name); may be left out (the column or the
    value) when the simulation has one resident.
``time``
    when it happened, ``YYYY-MM-DD HH:MM`` (or ISO ``YYYY-MM-DDTHH:MM[:SS]``),
    before the simulation's current time.
``description``
    what happened, in words (required, not empty).
``kind``
    ``event`` (default), ``thought`` or ``chat``.
``importance``
    how memorable, an integer 1-10 (default 5).

Every row is checked before any memory changes; a bad one raises
:class:`HistoryError` naming the line and the field.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .memory import NODE_KINDS

COLUMNS = ("resident", "time", "description", "kind", "importance")
REQUIRED = ("time", "description")
DEFAULT_IMPORTANCE = 5
PREDICATE = "remembers"


class HistoryError(ValueError):
    """A history file that cannot be loaded; the message names the line and the field."""


@dataclass(frozen=True)
class HistoryEntry:
    line: int
    resident: object  # what ``resolve`` returned for the row's name
    time: datetime
    description: str
    kind: str
    importance: int


def parse_time(text: str) -> datetime:
    text = text.strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a time YYYY-MM-DD HH:MM")


def read_history(path: str | os.PathLike, resolve: Callable[[str], object], before: datetime) -> list[HistoryEntry]:
    """The rows of the history file at ``path``, oldest first. ``resolve(name)`` gives the
    resident a row names (``""`` when the row names none) or raises ``ValueError`` with a
    message; every time must be before ``before``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise HistoryError(f"no history file at {path}") from None
    except UnicodeDecodeError as exc:
        raise HistoryError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None:
        raise HistoryError(f"{path}: empty file; line 1 must be a header naming the columns "
                           f"{', '.join(COLUMNS)}")
    header = [h.strip().lower() for h in header]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise HistoryError(f"{path}, line 1: unknown column {unknown[0]!r}; the columns are {', '.join(COLUMNS)}")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise HistoryError(f"{path}, line 1: the header lacks the column {missing[0]!r} "
                           f"(required: {', '.join(REQUIRED)})")
    entries = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise HistoryError(f"{path}, line {line}: {len(row)} fields, but the header names {len(header)}")
        cells = dict(zip(header, (cell.strip() for cell in row)))

        def bad(field: str, why: str, line: int = line) -> HistoryError:
            return HistoryError(f"{path}, line {line}, field {field!r}: {why}")

        try:
            resident = resolve(cells.get("resident", ""))
        except (ValueError, KeyError) as exc:
            raise bad("resident", str(exc).strip("'\"")) from None
        try:
            time = parse_time(cells["time"])
        except ValueError as exc:
            raise bad("time", str(exc)) from None
        if time >= before:
            raise bad("time", f"{time:%Y-%m-%d %H:%M} is not before the simulation's time {before:%Y-%m-%d %H:%M}; "
                              "history is what happened before the run")
        description = cells["description"]
        if not description:
            raise bad("description", "empty; say what happened")
        kind = (cells.get("kind") or "event").lower()
        if kind not in NODE_KINDS:
            raise bad("kind", f"{kind!r} is not one of {', '.join(NODE_KINDS)}")
        importance_text = cells.get("importance") or str(DEFAULT_IMPORTANCE)
        try:
            importance = int(importance_text)
        except ValueError:
            raise bad("importance", f"{importance_text!r} is not a whole number 1-10") from None
        if not 1 <= importance <= 10:
            raise bad("importance", f"{importance} is not from 1 to 10")
        entries.append(HistoryEntry(line, resident, time, description, kind, importance))
    if not entries:
        raise HistoryError(f"{path}: no rows after the header")
    return sorted(entries, key=lambda e: (e.time, e.line))


def seed_memory(resident, entries: list[HistoryEntry]) -> int:
    """Add ``entries`` to ``resident``'s memory stream; returns how many."""
    for e in entries:
        resident.memory.add(e.kind, e.time, resident.name, PREDICATE, e.description, e.description, e.importance)
    return len(entries)
