"""A simulation folder on disk, and its ``meta.json``.

::

    SIM/
      meta.json            personas, seeds, configuration, step, day and time of the
                           latest snapshot, where it was forked from, policy history
      log.jsonl            one line per decision (see :mod:`.log`)
      snapshots/
        step-00000000/     one folder per snapshot (see :mod:`.snapshot`): at the start,
        step-00000360/     at every day boundary, on ``save`` and at the end
        ...
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .atomic import remove_leftovers, write_json_atomic
from .errors import SimulationError
from .snapshot import MANIFEST, snapshot_name

FORMAT = 1
META = "meta.json"
LOG = "log.jsonl"
SNAPSHOTS = "snapshots"
_SNAPSHOT_PREFIX = "step-"
#: What a folder holds (``meta.json``'s ``kind``; a folder without one is a single-resident
#: simulation, as every folder was before households could be saved), and what opens it.
KINDS = {
    "single": ("a single-resident simulation", "Simulation.resume"),
    "household": ("a household simulation", "HouseholdSimulation.resume"),
}


def kind_of(meta: dict) -> str:
    """``"single"`` or ``"household"``: what the simulation whose ``meta.json`` is ``meta`` holds."""
    return meta.get("kind", "single")


def make_parent_folders(path: str | os.PathLike, action: str) -> None:
    """Create the folders above ``path`` as ``mkdir -p`` does, so ``runs/sims/demo``
    works on a fresh clone; ``action`` ("cannot create", ...) starts the error message."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in the way, no permission, ...
        raise SimulationError(f"{action} {path}: cannot make the folder {path.parent}: "
                              f"{exc.strerror or exc}") from None


class SimFolder:
    """Paths and metadata of one simulation folder."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    @property
    def meta_path(self) -> Path:
        return self.path / META

    @property
    def log_path(self) -> Path:
        return self.path / LOG

    @property
    def snapshots_dir(self) -> Path:
        return self.path / SNAPSHOTS

    @classmethod
    def open(cls, path: str | os.PathLike) -> "SimFolder":
        """An existing simulation folder; :class:`SimulationError` if there is none at ``path``."""
        folder = cls(path)
        if not folder.path.is_dir():
            raise SimulationError(f"no simulation folder at {folder.path}")
        if not folder.meta_path.is_file():
            raise SimulationError(f"{folder.path} is not a simulation folder: {META} is missing")
        return folder

    def read_meta(self, kind: str | None = None) -> dict:
        """The folder's ``meta.json``; with ``kind``, :class:`SimulationError` unless the folder
        holds that kind of simulation (the message names what it holds and what opens it)."""
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise SimulationError(f"{self.meta_path}: not valid JSON: {exc}") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise SimulationError(f"{self.meta_path}: not a simulation of format {FORMAT}")
        held = kind_of(meta)
        if held not in KINDS:
            raise SimulationError(f"{self.meta_path}: unknown simulation kind {held!r} (known: {', '.join(KINDS)})")
        if kind is not None and held != kind:
            what, opener = KINDS[held]
            personas = ", ".join(f"{p.get('id')} {p.get('name')}" for p in meta.get("personas", []))
            raise SimulationError(f"{self.path} holds {what} (personas {personas}), not {KINDS[kind][0]}: "
                                  f"open it with {opener}")
        return meta

    def write_meta(self, meta: dict) -> None:
        write_json_atomic(self.meta_path, meta)

    def snapshot_steps(self) -> list[int]:
        """Steps of the complete snapshots, oldest first."""
        if not self.snapshots_dir.is_dir():
            return []
        steps = []
        for entry in self.snapshots_dir.iterdir():
            name = entry.name
            if name.startswith(_SNAPSHOT_PREFIX) and name[len(_SNAPSHOT_PREFIX):].isdigit() \
                    and (entry / MANIFEST).is_file():
                steps.append(int(name[len(_SNAPSHOT_PREFIX):]))
        return sorted(steps)

    def snapshot_dir(self, step: int) -> Path:
        return self.snapshots_dir / snapshot_name(step)

    def latest_snapshot_step(self) -> int:
        steps = self.snapshot_steps()
        if not steps:
            raise SimulationError(f"{self.path} has no complete snapshot to resume from")
        return steps[-1]

    def clean(self) -> None:
        """Remove what a killed writer left behind (temporary files and folders)."""
        remove_leftovers(self.path)
        if self.snapshots_dir.is_dir():
            remove_leftovers(self.snapshots_dir)
