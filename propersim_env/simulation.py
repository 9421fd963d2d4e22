"""A saved simulation: ``ProPerSim-v0`` (or ``ProPerSim-v1``), an assistant policy and a folder, run step by step.

:class:`Simulation` drives the env with the policy, appends one log line per
decision, and takes a snapshot at the start, at every day boundary (before the
first decision of a new calendar day), on :meth:`Simulation.save` and at the
end. :meth:`Simulation.resume` goes on from the latest snapshot; on the
embedded default a resumed run continues exactly as an uninterrupted one.

The policy is any object with ``reset(seed, info)`` and ``act(observation,
info) -> str`` (and optionally ``observe(reward, info)``), such as the
baselines in ``agents/``. It is saved with the snapshot (pickled, with its
random generator in ``random_state.json``), so a resumed run needs no policy
argument; pass one to replace it from that step on. This package never
imports ``agents``: the caller hands the policy in, and unpickling a saved
policy imports its class, wherever it lives.

The env's part of a snapshot is what :meth:`ProPerSimEnv.state_dict` names,
with its version (:data:`~propersim_env.envs.STATE_VERSION`, also in the
snapshot's manifest); storage saves it without knowing what an env is. A
snapshot of another version is refused with a message before anything is
unpickled.

``Simulation.create(..., env_id="ProPerSim-v1")`` runs the resident who listens
(:class:`~propersim_env.envs.ProPerSimV1Env`): ``meta.json``'s ``env_id`` names
the env (a folder without one, as every folder was before v1, holds
``ProPerSim-v0``), its snapshots' manifests say so too, and resuming or forking
opens the same class; a folder is never opened as the other env. Its log
records add what the resident made of each decision (:func:`step_record`).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from .core import parse_decision
from .envs import (
    ENV_ID,
    ENV_ID_V1,
    STATE_VERSION,
    EnvConfig,
    EnvConfigV1,
    ProPerSimEnv,
    ProPerSimV1Env,
)
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

ENVS: dict[str, tuple[type[ProPerSimEnv], type[EnvConfig]]] = {
    ENV_ID: (ProPerSimEnv, EnvConfig),
    ENV_ID_V1: (ProPerSimV1Env, EnvConfigV1),
}
"""The envs a saved simulation can run, by id: the env class and its options."""
NEEDS_DIGITS = 3
"""A v1 log record's hidden need levels are rounded to this many decimals."""


def check_env_id(env_id) -> str:
    if env_id not in ENVS:
        raise ValueError(f"env_id must be one of {', '.join(map(repr, ENVS))}, got {env_id!r}")
    return env_id


def env_id_of(meta: dict) -> str:
    """The env the simulation whose ``meta.json`` (or snapshot manifest) is ``meta`` runs
    (``ProPerSim-v0`` when it names none, as every folder written before v1)."""
    env_id = meta.get("env_id", ENV_ID)
    if env_id not in ENVS:
        raise SimulationError(f"this version of propersim_env cannot run env {env_id!r} (it runs "
                              f"{', '.join(ENVS)})")
    return env_id


def check_env_of(path, meta: dict, env_id: str | None) -> str:
    """The env the folder at ``path`` holds; :class:`SimulationError` when ``env_id`` names another."""
    held = env_id_of(meta)
    if env_id is not None and check_env_id(env_id) != held:
        raise SimulationError(f"{path} holds a {held} simulation, not {env_id}: a saved simulation keeps its "
                              f"env; open it as {held}, or make a new {env_id} simulation")
    return held


class Policy(Protocol):
    def reset(self, seed: int | None, info: dict) -> None: ...

    def act(self, observation: dict, info: dict) -> str: ...


def policy_name_of(policy) -> str:
    return getattr(policy, "name", None) or type(policy).__name__


def step_record(step: int, state, clock, action: str, reward: float, info: dict) -> dict:
    """One log line: where the resident was and what it did, the decision, its score and reasons."""
    record = {
        "step": step,
        "day": clock.day_of(state.step),
        "time": state.time.isoformat(),
        "clock_step": state.step,
        "tile": list(state.tile),
        "address": state.address,
        "user_action": state.action,
        "activity": state.activity,
        "category": state.category,
        "walking": state.walking,
        "decision": None if info["noop"] else parse_decision(action).text,
        "score": None if math.isnan(reward) else reward,
        "scores": info["scores"],
        "reasons": info["reasons"],
        "usage": info.get("usage", {}),
    }
    if info.get("evaluation_failed"):
        record["evaluation_error"] = info.get("evaluation_error")
    if "resident_reply" in info:  # ProPerSim-v1's resident who listens
        record.update(listening_record(info))
    return record


def listening_record(info: dict) -> dict:
    """What a ``ProPerSim-v1`` step adds to its log record: the rating (``score`` is the rating
    too, 0-4, so scores read the same as in v0; the reward adds the well-being at day ends),
    what the suggestion proposed, whether the resident accepted and acted on it, its reply, the
    hidden need levels after the step (rounded to :data:`NEEDS_DIGITS` decimals), and at a day's
    last step the day's well-being (weighted and its score, with its parts)."""
    rating = info["rating"]
    part = {
        "score": None if math.isnan(rating) else rating,
        "rating": None if math.isnan(rating) else rating,
        "proposed_activity": info["proposed_activity"],
        "accepted": info["accepted"],
        "acted": info["acted"],
        "resident_reply": info["resident_reply"],
        "needs": {need: round(level, NEEDS_DIGITS) for need, level in info["needs"].items()},
    }
    if info.get("day_end"):
        part.update(day_end=True, wellbeing=info["wellbeing"], wellbeing_score=info["wellbeing_score"],
                    needs_in_range=info["needs_in_range"], goal_progress=info["goal_progress"],
                    goals={name: goal["done"] for name, goal in info["goals"].items()})
    return part


def _live(env: ProPerSimEnv) -> dict:
    """Connections, not state: never saved, taken from the resuming env."""
    return {"llm_client": env.llm_client}


def check_state_version(folder: Path, expected: int = STATE_VERSION, what: str = "env") -> None:
    """Refuse, before unpickling anything, a snapshot whose ``what`` state (of version
    ``expected`` here) this version cannot read."""
    version = read_manifest(folder).get("state_version")
    if version != expected:
        older = version is None or (isinstance(version, int) and version < expected)
        raise SimulationError(
            f"{folder} was written by {'an older' if older else 'a newer'} version of propersim_env ({what} state "
            f"version {version if version is not None else 1}; this version reads {expected}): resume it "
            "with the version that wrote it, or start the simulation again. Its log still replays.")


def check_snapshot_env(folder: Path, env_id: str) -> None:
    """Refuse, before unpickling anything, a snapshot of another env than the folder's
    (a manifest without ``env_id`` is of ``ProPerSim-v0``)."""
    held = read_manifest(folder).get("env_id", ENV_ID)
    if held != env_id:
        raise SimulationError(f"{folder} is a snapshot of a {held} simulation, but its folder's meta.json says "
                              f"{env_id}: the folder is inconsistent and cannot be resumed")


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


class Simulation:
    """One simulation folder being run. Make one with :meth:`create` or :meth:`resume`."""

    def __init__(self, folder: SimFolder, meta: dict, env: ProPerSimEnv, policy, pending, step: int,
                 finished: bool, last_record: dict | None, log: StepLog):
        self.folder = folder
        self.meta = meta
        self.env = env
        self.policy = policy
        self._pending = pending  # (observation, info) for the next decision; None once finished
        self.step = step
        """How many decisions have been made (the step of the next one)."""
        self.finished = finished
        self.last_record = last_record
        """The log record of the latest decision (``None`` before the first)."""
        self._log = log
        self._failed: str | None = None
        self.snapshot_step = meta.get("step", 0)
        """The step of the latest snapshot."""

    # ---- making one -----------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, policy: Policy, *, env_kwargs: dict | None = None, seed: int = 0,
               policy_seed: int | None = None, policy_name: str | None = None,
               env_id: str = ENV_ID) -> "Simulation":
        """A new simulation folder at ``path`` (which must not exist; missing folders above
        it are made): the env ``env_id`` (``ProPerSim-v0``, or ``ProPerSim-v1``: the resident
        who listens) made with ``env_kwargs`` (its keyword arguments), reset with ``seed``; the
        policy reset with ``policy_seed`` (default ``seed``)."""
        path = Path(path)
        if path.exists():
            raise SimulationError(f"{path} already exists; resume it, or choose a new name")
        env_cls, config_cls = ENVS[check_env_id(env_id)]
        env_kwargs = dict(env_kwargs or {})
        check_json("env_kwargs", env_kwargs)
        config_cls.from_options(env_kwargs)  # every option checked before anything is written
        seed = check_count("seed", seed)
        policy_seed = seed if policy_seed is None else check_count("policy_seed", policy_seed)
        env = env_cls(**env_kwargs)
        observation, info = env.reset(seed=seed)
        policy.reset(policy_seed, info)
        name = policy_name or policy_name_of(policy)
        meta = {
            "format": FORMAT,
            "name": path.name,
            "env_id": env_id,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "personas": [{"id": env.persona.id, "name": env.persona.name}],
            "seeds": {"env": seed, "policy": policy_seed},
            "config": {"env": env_kwargs, "policy": name},
            "policy_history": [{"step": 0, "policy": name}],
            "forked_from": None,
            "steps_per_day": env.clock.steps_per_day,
        }
        make_parent_folders(path, "cannot create")
        tmp = make_temp_dir(path.parent, path.name)
        (tmp / SNAPSHOTS).mkdir()
        (tmp / LOG).touch()
        sim = cls(SimFolder(tmp), meta, env, policy, (observation, info), 0, False, None, StepLog(tmp / LOG))
        sim._snapshot("start")
        publish_dir(tmp, path)
        sim.folder = SimFolder(path)
        sim._log = StepLog(sim.folder.log_path)
        sim._log.truncate(0)
        return sim

    @classmethod
    def resume(cls, path: str | os.PathLike, policy: Policy | None = None, *, policy_name: str | None = None,
               days: int | None = None, env_id: str | None = None) -> "Simulation":
        """Go on from the latest snapshot of the simulation at ``path``, with the env it was made
        with (``meta.json``'s ``env_id``).

        The log is cut back to the snapshot's step. ``policy`` replaces the saved
        policy from here on (reset with the saved policy seed); ``days`` lengthens
        the simulation to that many days in all. ``env_id``, when given, must be the
        folder's env: a ``ProPerSim-v1`` folder is never opened as ``ProPerSim-v0``, nor the
        other way round."""
        folder = SimFolder.open(path)
        meta = folder.read_meta(kind="single")
        env_cls, _ = ENVS[check_env_of(folder.path, meta, env_id)]
        folder.clean()
        step = folder.latest_snapshot_step()
        env_kwargs = dict(meta["config"]["env"])
        if days is not None:
            if isinstance(days, bool) or not isinstance(days, int) or days < env_kwargs.get("days", 1):
                raise ValueError(f"days must be an integer of at least the simulation's "
                                 f"{env_kwargs.get('days', 1)} days, got {days!r}")
            env_kwargs["days"] = days
        env = env_cls(**env_kwargs)
        env.reset(seed=meta["seeds"]["env"])  # builds every part; the snapshot then replaces their state
        check_state_version(folder.snapshot_dir(step))
        check_snapshot_env(folder.snapshot_dir(step), env_id_of(meta))
        manifest, state = load_snapshot(folder.snapshot_dir(step), live=_live(env))
        if ("listening" in state["env"]) != (env_id_of(meta) == ENV_ID_V1):
            raise SimulationError(f"{folder.snapshot_dir(step)} holds the state of "
                                  f"{ENV_ID_V1 if 'listening' in state['env'] else ENV_ID}, but {folder.meta_path} "
                                  f"says {env_id_of(meta)}: the folder is inconsistent and cannot be resumed")
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
        sim = cls(folder, meta, env, state["policy"], pending, step, finished, last_record, log)
        if policy is not None:
            sim.replace_policy(policy, policy_name)
        folder.write_meta(meta)
        return sim

    # ---- running ------------------------------------------------------------------
    def run(self, steps: int, on_step: Callable[[dict], None] | None = None) -> list[dict]:
        """Make up to ``steps`` decisions (fewer if the simulation ends) and return their
        log records. Snapshots are taken at day boundaries and at the end."""
        check_count("steps", steps)
        self._check_usable()
        records = []
        for _ in range(steps):
            if self.finished:
                break
            decided_day = self.env.state.time.date()
            record = self._one_step()
            records.append(record)
            if on_step is not None:
                on_step(record)
            if self.finished:
                self._snapshot("end")
            elif self.env.state.time.date() != decided_day:
                self._snapshot("day")
        return records

    def _one_step(self) -> dict:
        observation, info = self._pending
        env = self.env
        state = env.state
        action = self.policy.act(observation, info)
        try:
            observation, reward, terminated, truncated, info = env.step(action)
        except BaseException as exc:
            self._failed = f"{type(exc).__name__}: {exc}"
            raise
        observe = getattr(self.policy, "observe", None)
        if observe is not None:
            observe(reward, info)
        record = step_record(self.step, state, env.clock, action, reward, info)
        self._log.append(record)
        self.step += 1
        self.last_record = record
        if terminated or truncated:
            self._pending, self.finished = None, True
        else:
            self._pending = (observation, info)
        return record

    def save(self) -> Path:
        """Snapshot the current step (nothing new if one exists) and return its folder."""
        self._check_usable()
        return self._snapshot("save")

    def replace_policy(self, policy: Policy, policy_name: str | None = None) -> None:
        """Let ``policy`` decide from the current step on (reset with the saved policy seed)."""
        self.policy = policy
        if self._pending is not None:
            policy.reset(self.meta["seeds"]["policy"], self._pending[1])
        name = policy_name or policy_name_of(policy)
        self.meta["config"]["policy"] = name
        self.meta.setdefault("policy_history", []).append({"step": self.step, "policy": name})

    def close(self) -> None:
        self._log.close()

    def __enter__(self) -> "Simulation":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- what the console reads ----------------------------------------------------
    @property
    def path(self) -> Path:
        return self.folder.path

    @property
    def resident(self):
        return self.env.resident

    @property
    def now(self) -> datetime:
        return self.env.state.time

    @property
    def day(self) -> int:
        return self.env.clock.day_of(self.env.state.step)

    @property
    def env_id(self) -> str:
        """``"ProPerSim-v0"`` or ``"ProPerSim-v1"``: the env this simulation runs."""
        return env_id_of(self.meta)

    @property
    def policy_name(self) -> str:
        return self.meta["config"]["policy"]

    @property
    def days(self) -> int:
        return self.env.days

    # ---- snapshots -------------------------------------------------------------------
    def _check_usable(self) -> None:
        if self._failed is not None:
            raise SimulationError(f"this simulation stopped with an error at step {self.step} ({self._failed}); "
                                  f"its state may be half-updated, so it cannot go on or be saved: resume "
                                  f"{self.path} from its last snapshot (step {self.snapshot_step})")

    def _snapshot(self, reason: str) -> Path:
        self._log.sync()  # every logged step up to here is on disk before the snapshot names it
        env = self.env
        state = {"env": env.state_dict(), "policy": self.policy, "pending": self._pending, "finished": self.finished}
        labels = {id(env.evaluation_memory): "evaluator", id(env.assistant_memory): "assistant",
                  id(env.np_random): "env"}
        resident = env.resident
        for obj in (resident.memory, resident.spatial, resident.rng):
            labels[id(obj)] = "resident"
        policy_rng = getattr(self.policy, "rng", None)
        if policy_rng is not None:
            labels[id(policy_rng)] = "policy"
        files = dump_state(state, labels, _live(env))
        info = {"day": self.day, "time": self.now.isoformat(), "reason": reason, "finished": self.finished,
                "state_version": STATE_VERSION}
        if self.env_id != ENV_ID:  # v0's manifests stay as they were
            info["env_id"] = self.env_id
        final = write_snapshot(self.folder.snapshots_dir, self.step, info, files)
        self.snapshot_step = self.step
        self.meta.update({"step": self.step, "day": self.day, "time": self.now.isoformat(),
                          "finished": self.finished, "snapshot": f"{SNAPSHOTS}/{snapshot_name(self.step)}"})
        self.folder.write_meta(self.meta)
        return final
