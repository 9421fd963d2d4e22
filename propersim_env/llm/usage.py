"""Counting what LLM calls cost: calls, tokens, latency, cache hits."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class Usage:
    calls: int = 0  # chat calls answered by the server
    embedding_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    cache_hits: int = 0  # answers replayed from the cache (no call made)
    retries: int = 0  # extra attempts after invalid output

    def add(self, other: "Usage") -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def minus(self, other: "Usage") -> "Usage":
        return Usage(**{k: v - getattr(other, k) for k, v in asdict(self).items()})

    def copy(self) -> "Usage":
        return Usage(**asdict(self))

    def to_dict(self) -> dict:
        d = asdict(self)
        d["latency_s"] = round(d["latency_s"], 6)
        return d
