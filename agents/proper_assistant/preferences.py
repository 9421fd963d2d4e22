"""Rated candidates, the preference data built from them, and the replay buffers.

Each decision step leaves a :class:`RatedStep`: the prompt and the candidates
with the resident's ratings. From it come

- DPO pairs (TRL's conversational preference format: ``prompt`` a list of
  messages, ``chosen`` and ``rejected`` one assistant message each): every two
  candidates with different totals, the higher-rated chosen; ties are dropped;
- KTO rows (TRL's unpaired format: ``prompt``, ``completion``, ``label``):
  each pair's chosen completion is desirable, its rejected one undesirable;
  ``drop_noop=True`` leaves out the "No Recommendation" completions, as the
  study's option does;
- SFT rows (``prompt``, ``completion``): the chosen completions of the pairs
  that scored at least ``min_score`` (each once per step);
- best-of-n rows (the same format): the highest-rated candidate of each step
  (the first of the best on ties) if it scored at least ``min_score``; unlike
  SFT rows, a step whose candidates all tie still gives its best one.

Replay buffers choose the day's training pairs (``rng`` seeded, so reproducible):

- ``equally200`` / ``equally400``: up to 200 / 400 pairs drawn uniformly from
  all days so far, today included;
- ``halftoday``: all of today's pairs plus as many drawn uniformly from the
  earlier days (all of them if there are fewer);
- ``today``: today's pairs only; ``all``: every pair so far.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

from propersim_env.storage.atomic import write_bytes_atomic

from propersim_env.core import NO_RECOMMENDATION

REPLAY_BUFFERS = ("equally200", "equally400", "halftoday", "today", "all")


@dataclass(frozen=True)
class Candidate:
    text: str
    score: float
    scores: dict[str, int]


@dataclass(frozen=True)
class RatedStep:
    day: int
    time: str
    prompt: list[dict]
    candidates: tuple[Candidate, ...]
    seed: int = 0  # the sampling seed: the policy model regenerates the candidates from it


@dataclass(frozen=True)
class Pair:
    day: int
    prompt: list[dict]
    chosen: str
    rejected: str
    chosen_score: float
    rejected_score: float

    def as_dpo(self) -> dict:
        return {"prompt": self.prompt, "chosen": [_assistant(self.chosen)], "rejected": [_assistant(self.rejected)]}


def _assistant(text: str) -> dict:
    return {"role": "assistant", "content": text}


def step_pairs(step: RatedStep) -> list[Pair]:
    """Every two candidates of one step with different totals (identical texts never pair)."""
    out = []
    for a, b in combinations(step.candidates, 2):
        if a.score == b.score or a.text == b.text:
            continue
        hi, lo = (a, b) if a.score > b.score else (b, a)
        out.append(Pair(step.day, step.prompt, hi.text, lo.text, hi.score, lo.score))
    return out


class PreferenceStore:
    """Every rated step, by day, and the pairs they give."""

    def __init__(self):
        self.steps: list[RatedStep] = []
        self._pairs: dict[int, list[Pair]] = {}

    def add(self, step: RatedStep) -> list[Pair]:
        self.steps.append(step)
        pairs = step_pairs(step)
        self._pairs.setdefault(step.day, []).extend(pairs)
        return pairs

    @property
    def days(self) -> list[int]:
        return sorted({s.day for s in self.steps})

    def pairs(self, days: Iterable[int] | None = None) -> list[Pair]:
        days = sorted(self._pairs) if days is None else days
        return [p for d in days for p in self._pairs.get(d, [])]

    def replay(self, buffer: str, today: int, rng: np.random.Generator) -> list[Pair]:
        """The pairs to train on at the end of ``today``, chosen by ``buffer`` (see the module doc)."""
        if buffer not in REPLAY_BUFFERS:
            raise ValueError(f"replay buffer must be one of {', '.join(REPLAY_BUFFERS)}, got {buffer!r}")
        through_today = [d for d in self._pairs if d <= today]
        if buffer == "today":
            return self.pairs([today])
        if buffer == "all":
            return self.pairs(sorted(through_today))
        if buffer.startswith("equally"):
            return _sample(self.pairs(sorted(through_today)), int(buffer[len("equally"):]), rng)
        todays = self.pairs([today])
        return todays + _sample(self.pairs(sorted(d for d in through_today if d < today)), len(todays), rng)

    # ---- files -----------------------------------------------------------------
    def save_jsonl(self, path: str | Path) -> None:
        """Every rated step, one JSON object a line (candidates with their ratings). The file is
        rewritten each night: atomically, so a crash mid-write keeps the last night's file whole."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, "".join(json.dumps(asdict(step)) + "\n" for step in self.steps).encode())

    @classmethod
    def load_jsonl(cls, path: str | Path) -> "PreferenceStore":
        store = cls()
        with Path(path).open() as f:
            for n, line in enumerate(f, 1):
                try:
                    data = json.loads(line)
                    candidates = tuple(Candidate(**c) for c in data.pop("candidates"))
                    store.add(RatedStep(candidates=candidates, **data))
                except (ValueError, TypeError, KeyError) as exc:
                    raise ValueError(f"{path}:{n}: not a rated step ({exc})") from None
        return store


def _sample(pairs: list[Pair], n: int, rng: np.random.Generator) -> list[Pair]:
    if len(pairs) <= n:
        return list(pairs)
    return [pairs[i] for i in sorted(rng.choice(len(pairs), size=n, replace=False))]


def dpo_rows(pairs: Sequence[Pair]) -> list[dict]:
    return [p.as_dpo() for p in pairs]


def kto_rows(pairs: Sequence[Pair], drop_noop: bool = False) -> list[dict]:
    rows = []
    for p in pairs:
        for text, label in ((p.chosen, True), (p.rejected, False)):
            if drop_noop and text == NO_RECOMMENDATION:
                continue
            rows.append({"prompt": p.prompt, "completion": [_assistant(text)], "label": label})
    return rows


def sft_rows(pairs: Sequence[Pair], min_score: float = 3.0) -> list[dict]:
    rows, seen = [], set()
    for p in pairs:
        key = (id(p.prompt), p.chosen)
        if p.chosen_score >= min_score and key not in seen:
            seen.add(key)
            rows.append({"prompt": p.prompt, "completion": [_assistant(p.chosen)]})
    return rows


def best_of_n_rows(steps: Iterable[RatedStep], min_score: float = 3.0) -> list[dict]:
    """SFT rows from the best-rated candidate of each step (the first of the best on ties),
    leaving out the steps whose best scored below ``min_score``."""
    rows = []
    for step in steps:
        if not step.candidates:
            continue
        best = max(step.candidates, key=lambda c: c.score)  # max keeps the first of equal scores
        if best.score >= min_score:
            rows.append({"prompt": step.prompt, "completion": [_assistant(best.text)]})
    return rows


def to_dataset(rows: list[dict]):
    """``rows`` as a ``datasets.Dataset`` (TRL's trainers take it as it is)."""
    from datasets import Dataset

    if not rows:
        raise ValueError("no rows to make a dataset of")
    return Dataset.from_list(rows)


def write_jsonl(rows: Iterable[dict], path: str | Path) -> int:
    """Rows (DPO, KTO or SFT) as JSON lines; returns how many."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
            n += 1
    return n
