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

What every saved simulation does the same way (a new folder published whole,
resuming from the latest snapshot, the run loop, snapshots) is
:class:`~propersim_env.runner.SimulationRunner`'s; :class:`Simulation` says how
it makes its env and meta.json, one step of its policy and its log record.
"""

from __future__ import annotations

import math
import os

from . import runner
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
from .runner import (  # noqa: F401 - the helpers stay importable from here, as before the runner
    Policy,
    SimulationRunner,
    check_count,
    check_json,
    check_state_version,
    new_meta,
    observe,
    policy_name_of,
)
from .runner import (
    check_env_id as check_env_id_in,
)

ENVS: dict[str, tuple[type[ProPerSimEnv], type[EnvConfig]]] = {
    ENV_ID: (ProPerSimEnv, EnvConfig),
    ENV_ID_V1: (ProPerSimV1Env, EnvConfigV1),
}
"""The envs a saved simulation can run, by id: the env class and its options."""
NEEDS_DIGITS = 3
"""A v1 log record's hidden need levels are rounded to this many decimals."""


def check_env_id(env_id) -> str:
    return check_env_id_in(env_id, ENVS)


def env_id_of(meta: dict) -> str:
    """The env the simulation whose ``meta.json`` (or snapshot manifest) is ``meta`` runs
    (``ProPerSim-v0`` when it names none, as every folder written before v1)."""
    return runner.env_id_of(meta, ENVS)


def check_env_of(path, meta: dict, env_id: str | None) -> str:
    """The env the folder at ``path`` holds; :class:`SimulationError` when ``env_id`` names another."""
    return runner.check_env_of(path, meta, env_id, ENVS)


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


class Simulation(SimulationRunner):
    """One simulation folder being run. Make one with :meth:`create` or :meth:`resume`."""

    ENVS = ENVS
    STATE_VERSION = STATE_VERSION

    def _set_policies(self, policy) -> None:
        self.policy = policy
        """The policy deciding."""

    def _policies(self):
        return self.policy

    # ---- making one -----------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, policy: Policy, *, env_kwargs: dict | None = None, seed: int = 0,
               policy_seed: int | None = None, policy_name: str | None = None,
               env_id: str = ENV_ID) -> Simulation:
        """A new simulation folder at ``path`` (which must not exist; missing folders above
        it are made): the env ``env_id`` (``ProPerSim-v0``, or ``ProPerSim-v1``: the resident
        who listens) made with ``env_kwargs`` (its keyword arguments), reset with ``seed``; the
        policy reset with ``policy_seed`` (default ``seed``)."""
        path, env, env_kwargs, seed, policy_seed = cls._new(path, env_id, env_kwargs, seed, policy_seed)
        observation, info = env.reset(seed=seed)
        policy.reset(policy_seed, info)
        meta = new_meta(path, env_id=env_id, personas=[{"id": env.persona.id, "name": env.persona.name}],
                        seeds={"env": seed, "policy": policy_seed}, env_kwargs=env_kwargs,
                        policy=policy_name or policy_name_of(policy), steps_per_day=env.clock.steps_per_day)
        return cls._publish(path, meta, env, policy, (observation, info))

    @classmethod
    def resume(cls, path: str | os.PathLike, policy: Policy | None = None, *, policy_name: str | None = None,
               days: int | None = None, env_id: str | None = None) -> Simulation:
        """Go on from the latest snapshot of the simulation at ``path``, with the env it was made
        with (``meta.json``'s ``env_id``).

        The log is cut back to the snapshot's step. ``policy`` replaces the saved
        policy from here on (reset with the saved policy seed); ``days`` lengthens
        the simulation to that many days in all. ``env_id``, when given, must be the
        folder's env: a ``ProPerSim-v1`` folder is never opened as ``ProPerSim-v0``, nor the
        other way round."""
        folder, meta, env_cls = cls._open(path, env_id)
        env_kwargs, step = cls._lengthened(folder, meta, days)
        sim = cls._restore(folder, meta, env_cls(**env_kwargs), step, env_kwargs, days)
        if policy is not None:
            sim.replace_policy(policy, policy_name)
        folder.write_meta(meta)
        return sim

    @classmethod
    def _live_of(cls, env: ProPerSimEnv) -> dict:
        return {"llm_client": env.llm_client}

    # ---- running ------------------------------------------------------------------
    def _step_policies(self, observation, info):
        env = self.env
        state = env.state
        action = self.policy.act(observation, info)
        observation, reward, terminated, truncated, info = self._env_step(action)
        observe(self.policy, reward, info)
        record = step_record(self.step, state, env.clock, action, reward, info)
        return record, None if terminated or truncated else (observation, info)

    def replace_policy(self, policy: Policy, policy_name: str | None = None) -> None:
        """Let ``policy`` decide from the current step on (reset with the saved policy seed)."""
        self.policy = policy
        if self._pending is not None:
            policy.reset(self.meta["seeds"]["policy"], self._pending[1])
        self._named_policy(policy_name or policy_name_of(policy))

    # ---- what the console reads ----------------------------------------------------
    @property
    def resident(self):
        return self.env.resident

    @property
    def policy_name(self) -> str:
        return self.meta["config"]["policy"]

    # ---- snapshots -------------------------------------------------------------------
    def _clock_state(self):
        return self.env.state

    def _labels(self) -> dict[int, str]:
        env = self.env
        labels = {id(env.evaluation_memory): "evaluator", id(env.assistant_memory): "assistant",
                  id(env.np_random): "env"}
        resident = env.resident
        for obj in (resident.memory, resident.spatial, resident.rng):
            labels[id(obj)] = "resident"
        policy_rng = getattr(self.policy, "rng", None)
        if policy_rng is not None:
            labels[id(policy_rng)] = "policy"
        return labels
