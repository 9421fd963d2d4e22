"""Counting what LLM calls cost: calls, tokens, latency, cache hits."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class Usage:
    calls: int = 0  # chat calls answered by the server
    embedding_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    cache_hits: int = 0  # answers replayed from the cache (no call made)
    retries: int = 0  # extra attempts after invalid output

    # plain loops over the field names: this runs every env step, and
    # dataclasses.asdict (a deep copy) cost a third of a step
    def add(self, other: "Usage") -> None:
        for name in _FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def minus(self, other: "Usage") -> "Usage":
        return Usage(*(getattr(self, n) - getattr(other, n) for n in _FIELDS))

    def copy(self) -> "Usage":
        return Usage(*(getattr(self, n) for n in _FIELDS))

    def to_dict(self) -> dict:
        d = {n: getattr(self, n) for n in _FIELDS}
        d["latency_s"] = round(d["latency_s"], 6)
        return d


_FIELDS = tuple(f.name for f in fields(Usage))
