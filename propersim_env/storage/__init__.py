"""Saving, forking, resuming and replaying simulations.

A simulation folder (see :mod:`.folder`) holds ``meta.json``, a per-step log
``log.jsonl`` and per-day snapshots. :class:`Simulation` runs the env with a
policy and writes them; :meth:`Simulation.resume` goes on from the latest
snapshot; :func:`fork_simulation` starts a new simulation from a snapshot of
another. Every write is atomic: a process killed at any moment loses at most
the steps since the last snapshot (at most one day), and on the embedded
default a resumed run continues exactly as an uninterrupted one.
"""

from .errors import SimulationError
from .folder import SimFolder
from .fork import fork_simulation
from .log import read_records
from .runner import Policy, Simulation, step_record

__all__ = ["Policy", "SimFolder", "Simulation", "SimulationError", "fork_simulation", "read_records",
           "step_record"]
