"""What every saved simulation does the same way: :class:`SimulationRunner`.

A runner holds an env, the policy or policies that decide for it and a
simulation folder (:mod:`.storage`). :class:`~propersim_env.simulation.Simulation`
(one resident) and :class:`~propersim_env.household_simulation.HouseholdSimulation`
(the PettingZoo household) are runners; each says only what differs: how it
makes its env and meta.json, one step of its policies and the log record it
writes, and what its snapshots label. The rest is here, once:

- a new folder is made whole in a temporary folder (meta.json, an empty log
  and the start snapshot), then published under its name;
- resuming opens the folder as its kind, sweeps leftovers, lengthens the days
  if asked, rebuilds the env from meta.json's options, checks the latest
  snapshot's version before unpickling it, loads it and cuts the log back to it;
- the run loop logs each step and snapshots at day boundaries and at the end;
  :meth:`~SimulationRunner.save`, ``close`` and the context manager;
- a run that failed inside the env's step is not used again (its state may be
  half-updated): it resumes from its last snapshot instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from .envs import ENV_ID, ENV_ID_V1
from .storage import SimFolder, SimulationError
from .storage.atomic import make_temp_dir, publish_dir
from .storage.folder import FORMAT, LOG, SNAPSHOTS, make_parent_folders
from .storage.log import StepLog
from .storage.snapshot import (
    dump_state,
    load_snapshot,
    read_manifest,
    snapshot_name,
    write_snapshot,
)


class Policy(Protocol):
    def reset(self, seed: int | None, info: dict) -> None: ...

    def act(self, observation: dict, info: dict) -> str: ...


def policy_name_of(policy) -> str:
    return getattr(policy, "name", None) or type(policy).__name__


def observe(policy, reward: float, info: dict) -> None:
    """Hand a policy its reward, if it takes one (``observe(reward, info)`` is optional)."""
    method = getattr(policy, "observe", None)
    if method is not None:
        method(reward, info)


def check_json(name: str, value) -> None:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        raise SimulationError(f"{name} must hold only JSON values (numbers, text, lists, dicts) to be saved "
                              f"in meta.json, got {value!r}") from None


def check_count(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value!r}")
    return value


def check_state_version(folder: Path, expected: int, what: str = "env") -> None:
    """Refuse, before unpickling anything, a snapshot whose ``what`` state (of version
    ``expected`` here) this version cannot read."""
    version = read_manifest(folder).get("state_version")
    if version != expected:
        older = version is None or (isinstance(version, int) and version < expected)
        raise SimulationError(
            f"{folder} was written by {'an older' if older else 'a newer'} version of propersim_env ({what} state "
            f"version {version if version is not None else 1}; this version reads {expected}): resume it "
            "with the version that wrote it, or start the simulation again. Its log still replays.")


def check_env_id(env_id, envs: dict) -> str:
    """``env_id`` when it is one of ``envs`` (by id), else :class:`ValueError`."""
    if env_id not in envs:
        raise ValueError(f"env_id must be one of {', '.join(map(repr, envs))}, got {env_id!r}")
    return env_id


def env_id_of(meta: dict, envs: dict) -> str:
    """The env the simulation whose ``meta.json`` (or snapshot manifest) is ``meta`` runs, one
    of ``envs`` (``ProPerSim-v0`` when it names none, as every folder written before v1)."""
    env_id = meta.get("env_id", ENV_ID)
    if env_id not in envs:
        raise SimulationError(f"this version of propersim_env cannot run env {env_id!r} (it runs "
                              f"{', '.join(envs)})")
    return env_id


def check_env_of(path, meta: dict, env_id: str | None, envs: dict) -> str:
    """The env the folder at ``path`` holds; :class:`SimulationError` when ``env_id`` names another."""
    held = env_id_of(meta, envs)
    if env_id is not None and check_env_id(env_id, envs) != held:
        raise SimulationError(f"{path} holds a {held} simulation, not {env_id}: a saved simulation keeps its "
                              f"env; open it as {held}, or make a new {env_id} simulation")
    return held


def check_snapshot_env(folder: Path, env_id: str) -> None:
    """Refuse, before unpickling anything, a snapshot of another env than the folder's
    (a manifest without ``env_id`` is of ``ProPerSim-v0``)."""
    held = read_manifest(folder).get("env_id", ENV_ID)
    if held != env_id:
        raise SimulationError(f"{folder} is a snapshot of a {held} simulation, but its folder's meta.json says "
                              f"{env_id}: the folder is inconsistent and cannot be resumed")


def new_meta(path: Path, *, personas: list[dict], seeds: dict, env_kwargs: dict, policy, steps_per_day: int,
             kind: str | None = None, env_id: str | None = None, agents: list[str] | None = None) -> dict:
    """A new simulation's ``meta.json``: what it runs and with which options, seeds and policy
    (a name, or agent -> name); ``kind`` and ``agents`` for a household."""
    meta: dict = {"format": FORMAT}
    if kind is not None:
        meta["kind"] = kind
    meta["name"] = path.name
    if env_id is not None:
        meta["env_id"] = env_id
    meta["created"] = datetime.now(UTC).isoformat(timespec="seconds")
    meta["personas"] = personas
    if agents is not None:
        meta["agents"] = agents
    meta.update({
        "seeds": seeds,
        "config": {"env": env_kwargs, "policy": policy},
        "policy_history": [{"step": 0, "policy": _copy(policy)}],
        "forked_from": None,
        "steps_per_day": steps_per_day,
    })
    return meta


def _copy(policy):
    return policy if isinstance(policy, str) else dict(policy)


class SimulationRunner:
    """One simulation folder being run: an env, its policies and the folder. Subclasses make
    one with ``create`` or ``resume`` and say what differs (see the module's docstring)."""

    ENVS: dict[str, tuple[type, type]]
    """The envs this runner runs, by id: the env class and the class of its options."""
    KIND = "single"
    """``meta.json``'s ``kind`` that this runner opens (see :data:`~propersim_env.storage.folder.KINDS`)."""
    STATE_VERSION: int
    """The version of the env's ``state_dict``, kept in every snapshot's manifest."""
    STATE_WHAT = "env"
    """What the state version is of, in the message refusing another version."""
    POLICY_STATE = "policy"
    """The name the policy (or policies) goes by in a snapshot's state."""

    def __init__(self, folder: SimFolder, meta: dict, env, policies, pending, step: int, finished: bool,
                 last_record: dict | None, log: StepLog):
        self.folder = folder
        self.meta = meta
        self.env = env
        self._set_policies(policies)
        self._pending = pending  # what the next decisions see; None once finished
        self.step = step
        """How many steps have been made (the step of the next one)."""
        self.finished = finished
        self.last_record = last_record
        """The log record of the latest step (``None`` before the first)."""
        self._log = log
        self._failed: str | None = None
        self.snapshot_step = meta.get("step", 0)
        """The step of the latest snapshot."""

    # ---- what a runner says of itself -------------------------------------------------
    def _set_policies(self, policies) -> None:
        """Keep the policy (or agent -> policy) a snapshot holds."""
        raise NotImplementedError

    def _policies(self):
        """The policy (or agent -> policy) a snapshot saves."""
        raise NotImplementedError

    def _step_policies(self, observations, infos) -> tuple[dict, object]:
        """One step: the policies decide on what they see, the env steps (through
        :meth:`_env_step`), the policies observe; returns the log record and what the next
        decisions see (``None`` when the simulation has ended)."""
        raise NotImplementedError

    def _labels(self) -> dict[int, str]:
        """Names for the memories and generators of a snapshot's JSON files (``id -> label``)."""
        raise NotImplementedError

    def _clock_state(self):
        """The resident state whose time and clock step are the simulation's now."""
        raise NotImplementedError

    @classmethod
    def _live_of(cls, env) -> dict | None:
        """Connections, not state: never saved, taken from the resuming env (none by default)."""
        return None

    @classmethod
    def _check_snapshot(cls, snapshot: Path, meta: dict) -> None:
        """Refuse, before anything is unpickled, a snapshot this runner cannot resume: of another
        state version, or of another env than meta.json's."""
        check_state_version(snapshot, cls.STATE_VERSION, cls.STATE_WHAT)
        check_snapshot_env(snapshot, env_id_of(meta, cls.ENVS))

    @classmethod
    def _check_state(cls, folder: SimFolder, snapshot: Path, meta: dict, state: dict) -> None:
        """Refuse a loaded state of another env than meta.json's (a v1 env's state holds its
        residents' ``listening``)."""
        env_id = env_id_of(meta, cls.ENVS)
        if ("listening" in state["env"]) != (env_id == ENV_ID_V1):
            raise SimulationError(f"{snapshot} holds the state of "
                                  f"{ENV_ID_V1 if 'listening' in state['env'] else ENV_ID}, but {folder.meta_path} "
                                  f"says {env_id}: the folder is inconsistent and cannot be resumed")

    # ---- making one -----------------------------------------------------------
    @classmethod
    def _new(cls, path: str | os.PathLike, env_id: str, env_kwargs: dict | None, seed: int,
             policy_seed: int | None) -> tuple[Path, object, dict, int, int]:
        """A new simulation's arguments, every one checked before anything is written:
        ``(path, env, env_kwargs, seed, policy_seed)``, the env ``env_id`` made with ``env_kwargs``
        (``policy_seed`` defaults to ``seed``)."""
        path = Path(path)
        if path.exists():
            raise SimulationError(f"{path} already exists; resume it, or choose a new name")
        env_cls, config_cls = cls.ENVS[check_env_id(env_id, cls.ENVS)]
        env_kwargs = dict(env_kwargs or {})
        check_json("env_kwargs", env_kwargs)
        config_cls.from_options(env_kwargs)  # every option checked before anything is written
        seed = check_count("seed", seed)
        policy_seed = seed if policy_seed is None else check_count("policy_seed", policy_seed)
        return path, env_cls(**env_kwargs), env_kwargs, seed, policy_seed

    @classmethod
    def _publish(cls, path: Path, meta: dict, env, policies, pending):
        """The new simulation: its folder made whole in a temporary folder (meta.json, an empty
        log, the start snapshot), then published at ``path``."""
        make_parent_folders(path, "cannot create")
        tmp = make_temp_dir(path.parent, path.name)
        (tmp / SNAPSHOTS).mkdir()
        (tmp / LOG).touch()
        sim = cls(SimFolder(tmp), meta, env, policies, pending, 0, False, None, StepLog(tmp / LOG))
        sim._snapshot("start")
        publish_dir(tmp, path)
        sim.folder = SimFolder(path)
        sim._log = StepLog(sim.folder.log_path)
        sim._log.truncate(0)
        return sim

    @classmethod
    def _open(cls, path: str | os.PathLike, env_id: str | None) -> tuple[SimFolder, dict, type]:
        """The folder at ``path``, its meta.json and the class of the env it holds (``env_id``,
        when given, must be that env: a folder is never opened as another)."""
        folder = SimFolder.open(path)
        meta = folder.read_meta(kind=cls.KIND)
        env_cls, _ = cls.ENVS[check_env_of(folder.path, meta, env_id, cls.ENVS)]
        return folder, meta, env_cls

    @staticmethod
    def _lengthened(folder: SimFolder, meta: dict, days: int | None) -> tuple[dict, int]:
        """Sweep the folder's leftovers; the env's options (``days`` days in all, when given)
        and the latest snapshot's step."""
        folder.clean()
        step = folder.latest_snapshot_step()
        env_kwargs = dict(meta["config"]["env"])
        saved_days = env_kwargs.get("days", 1)
        if days is not None:
            if isinstance(days, bool) or not isinstance(days, int) or days < saved_days:
                raise ValueError(f"days must be an integer of at least the simulation's {saved_days} days, "
                                 f"got {days!r}")
            env_kwargs["days"] = days
        return env_kwargs, step

    @classmethod
    def _restore(cls, folder: SimFolder, meta: dict, env, step: int, env_kwargs: dict, days: int | None):
        """The runner at the snapshot of ``step``, its env (made from ``env_kwargs``, meta.json's
        options with ``days`` when given) loaded from it and lengthened to those days, the log
        cut back to it and meta.json brought up to date."""
        env.reset(seed=meta["seeds"]["env"])  # builds every part; the snapshot then replaces their state
        snapshot = folder.snapshot_dir(step)
        cls._check_snapshot(snapshot, meta)
        manifest, state = load_snapshot(snapshot, live=cls._live_of(env))
        cls._check_state(folder, snapshot, meta, state)
        env.load_state_dict(state["env"])
        pending, finished = state["pending"], state["finished"]
        if env_kwargs.get("days", 1) > env.days:
            extended = env.extend(env_kwargs["days"])
            if extended is not None:
                pending, finished = extended, False
        log = StepLog(folder.log_path)
        last_record = log.truncate(step)
        meta.update({"step": step, "day": manifest["day"], "time": manifest["time"], "finished": finished,
                     "snapshot": f"{SNAPSHOTS}/{snapshot_name(step)}"})
        if days is not None:
            meta["config"]["env"]["days"] = days
        return cls(folder, meta, env, state[cls.POLICY_STATE], pending, step, finished, last_record, log)

    # ---- running ------------------------------------------------------------------
    def run(self, steps: int, on_step: Callable[[dict], None] | None = None) -> list[dict]:
        """Make up to ``steps`` steps (fewer if the simulation ends) and return their log
        records. Snapshots are taken at day boundaries and at the end."""
        check_count("steps", steps)
        self._check_usable()
        records = []
        for _ in range(steps):
            if self.finished:
                break
            decided_day = self.now.date()
            record = self._one_step()
            records.append(record)
            if on_step is not None:
                on_step(record)
            if self.finished:
                self._snapshot("end")
            elif self.now.date() != decided_day:
                self._snapshot("day")
        return records

    def _one_step(self) -> dict:
        record, pending = self._step_policies(*self._pending)
        self._log.append(record)
        self.step += 1
        self.last_record = record
        if pending is None:
            self._pending, self.finished = None, True
        else:
            self._pending = pending
        return record

    def _env_step(self, actions):
        """``env.step(actions)``; an error there leaves the runner unusable (see :meth:`_check_usable`)."""
        try:
            return self.env.step(actions)
        except BaseException as exc:
            self._failed = f"{type(exc).__name__}: {exc}"
            raise

    def save(self) -> Path:
        """Snapshot the current step (nothing new if one exists) and return its folder."""
        self._check_usable()
        return self._snapshot("save")

    def _named_policy(self, name) -> None:
        """Record in meta.json that ``name`` (or agent -> name) decides from the current step on."""
        self.meta["config"]["policy"] = name
        self.meta.setdefault("policy_history", []).append({"step": self.step, "policy": _copy(name)})

    def close(self) -> None:
        self._log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- what tools read ---------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.folder.path

    @property
    def now(self) -> datetime:
        return self._clock_state().time

    @property
    def day(self) -> int:
        return self.env.clock.day_of(self._clock_state().step)

    @property
    def days(self) -> int:
        return self.env.days

    @property
    def env_id(self) -> str:
        """``"ProPerSim-v0"`` or ``"ProPerSim-v1"``: the env this simulation runs."""
        return env_id_of(self.meta, self.ENVS)

    # ---- snapshots -------------------------------------------------------------------
    def _check_usable(self) -> None:
        if self._failed is not None:
            raise SimulationError(f"this simulation stopped with an error at step {self.step} ({self._failed}); "
                                  f"its state may be half-updated, so it cannot go on or be saved: resume "
                                  f"{self.path} from its last snapshot (step {self.snapshot_step})")

    def _snapshot(self, reason: str) -> Path:
        self._log.sync()  # every logged step up to here is on disk before the snapshot names it
        state = {"env": self.env.state_dict(), self.POLICY_STATE: self._policies(), "pending": self._pending,
                 "finished": self.finished}
        files = dump_state(state, self._labels(), self._live_of(self.env))
        info = {"day": self.day, "time": self.now.isoformat(), "reason": reason, "finished": self.finished,
                "state_version": self.STATE_VERSION}
        if self.env_id != ENV_ID:  # v0's manifests stay as they were before v1
            info["env_id"] = self.env_id
        final = write_snapshot(self.folder.snapshots_dir, self.step, info, files)
        self.snapshot_step = self.step
        self.meta.update({"step": self.step, "day": self.day, "time": self.now.isoformat(),
                          "finished": self.finished, "snapshot": f"{SNAPSHOTS}/{snapshot_name(self.step)}"})
        self.folder.write_meta(self.meta)
        return final
