"""Argument types shared by the project's command lines (``argparse`` ``type=``).

Each turns one command-line word into a value or raises
``argparse.ArgumentTypeError`` with a message naming what was wrong.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from .personas import NUM_PERSONAS
from .world.clock import SECONDS_PER_DAY


def _int_at_least(text: str, low: int, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be {what}, got {text!r}") from None
    if value < low:
        raise argparse.ArgumentTypeError(f"must be {what}, got {value}")
    return value


def positive_int(text: str) -> int:
    return _int_at_least(text, 1, "a positive integer")


def non_negative_int(text: str) -> int:
    return _int_at_least(text, 0, "a non-negative integer")


def iso_date(text: str) -> str:
    """A day as ``YYYY-MM-DD`` (returned in that form: it is kept in JSON settings)."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date YYYY-MM-DD, got {text!r}") from None


def seconds_per_step(text: str) -> int:
    """Seconds per simulated step: every day must have the same whole number of steps."""
    value = _int_at_least(text, 1, "a positive integer that divides 86400")
    if SECONDS_PER_DAY % value:
        raise argparse.ArgumentTypeError(f"must divide 86400 (the seconds in a day), got {value}")
    return value


def probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a probability from 0 to 1, got {text!r}")
    return value


def persona_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"persona must be an id from 1 to {NUM_PERSONAS}, got {text!r}") from None
    if not 1 <= value <= NUM_PERSONAS:
        raise argparse.ArgumentTypeError(f"persona must be an id from 1 to {NUM_PERSONAS}, got {value}")
    return value


def persona_ids(text: str) -> list[int]:
    """``all``, or comma-separated ids (duplicates dropped, order kept)."""
    if text == "all":
        return list(range(1, NUM_PERSONAS + 1))
    try:
        ids = [int(x) for x in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"personas must be 'all' or comma-separated ids, got {text!r}") from None
    bad = [i for i in ids if not 1 <= i <= NUM_PERSONAS]
    if bad:
        raise argparse.ArgumentTypeError(f"persona ids must be 1-{NUM_PERSONAS}, got {bad}")
    return list(dict.fromkeys(ids))


def persona_choice(text: str) -> int | list[int] | str:
    """The env's ``persona``: one id, comma-separated ids to draw from at each reset, or ``random``."""
    if text == "random":
        return text
    if "," not in text:
        return persona_id(text)
    try:
        ids = [int(x) for x in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"persona must be an id, comma-separated ids or 'random', got {text!r}") from None
    bad = [i for i in ids if not 1 <= i <= NUM_PERSONAS]
    if bad:
        raise argparse.ArgumentTypeError(f"persona ids must be 1-{NUM_PERSONAS}, got {bad}")
    return ids


def seeds(text: str) -> list[int]:
    """``1,2,3`` or a range ``1000-1004`` (non-negative; duplicates dropped, order kept)."""
    try:
        if "-" in text:
            lo, hi = (int(x) for x in text.split("-"))
            if hi < lo:
                raise ValueError
            values = list(range(lo, hi + 1))
        else:
            values = [int(x) for x in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"seeds must be comma-separated integers or a range like 1000-1004, got {text!r}") from None
    if any(v < 0 for v in values):
        raise argparse.ArgumentTypeError(f"seeds must be non-negative, got {text!r}")
    return list(dict.fromkeys(values))


def names_from(choices, what: str) -> Callable[[str], list[str]]:
    """A type for comma-separated names, each one of ``choices`` (``what`` names them in errors)."""
    def parse(text: str) -> list[str]:
        names = [x.strip() for x in text.split(",") if x.strip()]
        unknown = [n for n in names if n not in choices]
        if unknown or not names:
            raise argparse.ArgumentTypeError(f"unknown {what} {unknown}; choose from {', '.join(choices)}")
        return list(dict.fromkeys(names))
    return parse
