"""Simulation folders on disk: layout, atomic writes, snapshots, logs and forks.

A simulation folder (see :mod:`.folder`) holds ``meta.json``, a per-step log
``log.jsonl`` and per-day snapshots (:mod:`.snapshot`; memories and generators
as readable JSON through :mod:`.codecs`). :func:`fork_simulation` starts a new
folder from a snapshot of another. Every write is atomic: a process killed at
any moment loses at most the steps since the last snapshot.

Storage saves what it is handed and knows nothing of the envs; the runner that
drives an env with a policy into a folder is :class:`propersim_env.simulation.Simulation`.
"""

from .errors import SimulationError
from .folder import SimFolder
from .fork import fork_simulation
from .log import read_records

__all__ = ["SimFolder", "SimulationError", "fork_simulation", "read_records"]
