"""Forking: a new simulation that starts from a snapshot of a saved one.

As the study's simulator forks an origin simulation into a target, the fork
gets the origin's configuration, its log up to the snapshot and its snapshots
up to that step; it then runs on its own (with more days, or another policy
when it is resumed with one). The origin is never changed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .atomic import make_temp_dir, publish_dir
from .errors import SimulationError
from .folder import LOG, SNAPSHOTS, SimFolder, make_parent_folders
from .log import encode_record, read_records
from .snapshot import read_manifest, snapshot_name


def fork_simulation(origin: str | os.PathLike, target: str | os.PathLike, *, step: int | None = None,
                    days: int | None = None) -> Path:
    """Copy the simulation at ``origin`` into a new folder ``target`` (which must not
    exist; missing folders above it are made) as of the snapshot at ``step`` (default:
    the latest). ``days`` lengthens the fork to that many days in all. Returns the
    target path; open it with :meth:`Simulation.resume`."""
    source = SimFolder.open(origin)
    target = Path(target)
    if target.exists():
        raise SimulationError(f"cannot fork into {target}: it already exists")
    meta = source.read_meta()
    steps = source.snapshot_steps()
    if not steps:
        raise SimulationError(f"{source.path} has no complete snapshot to fork from")
    if step is None:
        step = steps[-1]
    elif step not in steps:
        raise SimulationError(f"{source.path} has no snapshot at step {step}; its snapshots are at steps "
                              f"{', '.join(map(str, steps))}")
    old_days = meta["config"]["env"].get("days", 1)
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < old_days):
        raise ValueError(f"days must be an integer of at least the origin's {old_days} days, got {days!r}")
    manifest = read_manifest(source.snapshot_dir(step))
    records = read_records(source.log_path, limit=step)
    if len(records) < step:
        raise SimulationError(f"{source.log_path} holds {len(records)} complete steps, but the snapshot at "
                              f"step {step} needs {step}")

    make_parent_folders(target, "cannot fork into")
    tmp = make_temp_dir(target.parent, target.name)
    try:
        (tmp / SNAPSHOTS).mkdir()
        for s in steps:
            if s <= step:
                shutil.copytree(source.snapshot_dir(s), tmp / SNAPSHOTS / snapshot_name(s))
        with open(tmp / LOG, "wb") as f:
            for record in records:
                f.write(encode_record(record))
        extended = days is not None and days > old_days
        if days is not None:
            meta["config"]["env"]["days"] = days
        meta.update({
            "name": target.name,
            "forked_from": {"path": str(source.path.resolve()), "name": meta.get("name"), "step": step},
            "policy_history": [h for h in meta.get("policy_history", []) if h["step"] <= step],
            "step": step, "day": manifest["day"], "time": manifest["time"],
            "finished": manifest["finished"] and not extended,
            "snapshot": f"{SNAPSHOTS}/{snapshot_name(step)}",
        })
        SimFolder(tmp).write_meta(meta)
        publish_dir(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target
