"""Small pieces of English the package's texts share."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """``"1 recommendation"``, ``"3 recommendations"`` (regular plurals only)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
