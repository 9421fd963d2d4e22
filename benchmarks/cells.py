"""The benchmark grid's cells and the resumable store of their results.

A cell is one episode: a policy on a persona from a seed for some days, under
some feedback options. Each finished cell is one JSON file in ``OUT/cells/``,
written atomically (:func:`propersim_env.storage.atomic.write_bytes_atomic`), so a
file there is always complete: an interrupted run leaves finished cells and
nothing half-written, and a re-run computes only the cells without a file.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

from propersim_env.storage.atomic import write_bytes_atomic


@dataclass(frozen=True, order=True)
class Cell:
    policy: str
    persona: int
    seed: int
    days: int
    noise: float = 0.0
    delay: int = 0

    @property
    def key(self) -> str:
        """The cell's file name stem, e.g. ``heuristic_p07_s0_d14_n0.1_k0``."""
        return f"{self.policy}_p{self.persona:02d}_s{self.seed}_d{self.days}_n{self.noise:g}_k{self.delay}"


def grid(policies, personas, seeds, days: int, noise: float = 0.0, delay: int = 0) -> list[Cell]:
    """Every policy x persona x seed, in that order."""
    return [Cell(p, persona, seed, days, noise, delay) for p in policies for persona in personas for seed in seeds]


def _nan_to_none(row: dict) -> dict:
    return {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}


def _none_to_nan(row: dict) -> dict:
    return {k: math.nan if v is None else v for k, v in row.items()}


class CellStore:
    """Finished cells under ``root/cells``, one JSON file each."""

    def __init__(self, root: Path):
        self.dir = Path(root) / "cells"

    def path(self, cell: Cell) -> Path:
        return self.dir / f"{cell.key}.json"

    def done(self, cell: Cell) -> bool:
        return self.path(cell).is_file()

    def save(self, cell: Cell, rows: list[dict]) -> None:
        """Write the cell's daily rows atomically (the package's atomic write)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"cell": asdict(cell), "days": [_nan_to_none(r) for r in rows]}, allow_nan=False)
        write_bytes_atomic(self.path(cell), text.encode("utf-8"))

    def load(self, cell: Cell) -> list[dict]:
        """The cell's daily rows; a clear error if the file is not a result of this cell."""
        path = self.path(cell)
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError) as e:
            raise ValueError(f"{path}: not a readable cell result ({e}); delete it or run with --fresh") from None
        if data.get("cell") != asdict(cell) or not isinstance(data.get("days"), list):
            raise ValueError(f"{path}: holds a different cell; delete it or run with --fresh")
        return [_none_to_nan(r) for r in data["days"]]

    def clear(self, cells: list[Cell]) -> None:
        for cell in cells:
            self.path(cell).unlink(missing_ok=True)
