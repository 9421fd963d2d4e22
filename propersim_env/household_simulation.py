"""A saved household: the PettingZoo household, one assistant policy per resident, and a folder.

:class:`HouseholdSimulation` is :class:`~propersim_env.simulation.Simulation` for
:class:`~propersim_env.envs.pettingzoo_env.ProPerSimHousehold`: the same folder
layout (``meta.json``, ``log.jsonl``, ``snapshots/``), the same atomic
snapshots (at the start, at every day boundary, on :meth:`~HouseholdSimulation.save`
and at the end), the same crash safety and the same forks
(:func:`~propersim_env.storage.fork_simulation`). What differs:

- ``meta.json`` says ``"kind": "household"`` and lists the personas with their
  agents (``assistant_<first name>``); :meth:`Simulation.resume
  <propersim_env.simulation.Simulation.resume>` refuses such a folder, and
  :meth:`HouseholdSimulation.resume` a single-resident one, naming what it holds.
- Each agent has its own policy (a dict agent -> policy), pickled with the
  snapshot as the single policy is; agent ``k`` (in the household's order) is
  reset with ``policy_seed + k``. :meth:`~HouseholdSimulation.resume` may replace
  some of them.
- A log line holds the step, day and time, then ``residents``: each agent's
  record as a single simulation logs it (position, what the resident did, the
  decision, its score and reasons) plus ``rated`` (``False`` while its resident
  sleeps: the decision was not delivered, and ``score`` is ``None``), and
  ``conversations``: what residents said to each other at that step.

The env's part of a snapshot is :meth:`ProPerSimHousehold.state_dict`, with its
version (:data:`~propersim_env.envs.pettingzoo_env.HOUSEHOLD_STATE_VERSION`, also
in the snapshot's manifest). Only the embedded default runs in a household, so a
resumed run continues exactly as an uninterrupted one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path

from .envs.config import HouseholdConfig
from .envs.pettingzoo_env import HOUSEHOLD_STATE_VERSION, ProPerSimHousehold
from .simulation import Policy, check_count, check_json, check_state_version, policy_name_of, step_record
from .storage import SimFolder, SimulationError
from .storage.atomic import make_temp_dir, publish_dir
from .storage.folder import FORMAT, LOG, SNAPSHOTS, make_parent_folders
from .storage.log import StepLog
from .storage.snapshot import dump_state, load_snapshot, snapshot_name, write_snapshot

KIND = "household"
_SHARED = ("step", "day", "time", "clock_step")  # one per log line, not per resident


def household_record(step: int, env: ProPerSimHousehold, states, actions: dict, rewards: dict, infos: dict,
                     conversations) -> dict:
    """One log line: the step, then every resident's record (see :func:`~propersim_env.simulation.step_record`)."""
    residents = {}
    for agent, state in zip(env.possible_agents, states):
        record = step_record(step, state, env.clock, actions[agent], rewards[agent], infos[agent])
        for key in _SHARED:
            del record[key]
        record["rated"] = infos[agent]["rated"]
        if not record["rated"]:
            record["score"] = None  # the resident slept: nothing was delivered or rated
        residents[agent] = record
    first = states[0]
    return {"step": step, "day": env.clock.day_of(first.step), "time": first.time.isoformat(),
            "clock_step": first.step, "residents": residents,
            "conversations": [talk.to_dict() for talk in conversations]}


class HouseholdSimulation:
    """One household simulation folder being run. Make one with :meth:`create` or :meth:`resume`."""

    def __init__(self, folder: SimFolder, meta: dict, env: ProPerSimHousehold, policies: dict, pending,
                 step: int, finished: bool, last_record: dict | None, log: StepLog):
        self.folder = folder
        self.meta = meta
        self.env = env
        self.policies = policies
        """Agent -> the policy deciding for it."""
        self._pending = pending  # (observations, infos) for the next decisions; None once finished
        self.step = step
        """How many steps have been made (the step of the next one)."""
        self.finished = finished
        self.last_record = last_record
        """The log record of the latest step (``None`` before the first)."""
        self._log = log
        self._failed: str | None = None
        self.snapshot_step = meta.get("step", 0)
        """The step of the latest snapshot."""

    # ---- making one -----------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, policies: Mapping[str, Policy] | Callable[[str], Policy], *,
               env_kwargs: dict | None = None, seed: int = 0, policy_seed: int | None = None,
               policy_names: Mapping[str, str] | None = None) -> "HouseholdSimulation":
        """A new household folder at ``path`` (which must not exist; missing folders above it
        are made): the household made with ``env_kwargs`` (``ProPerSimHousehold``'s options),
        reset with ``seed``. ``policies`` gives each agent its policy: a dict with every
        agent (``assistant_<first name>``), or a function ``agent -> policy``; agent ``k``'s
        is reset with ``policy_seed + k`` (default ``seed + k``)."""
        path = Path(path)
        if path.exists():
            raise SimulationError(f"{path} already exists; resume it, or choose a new name")
        env_kwargs = dict(env_kwargs or {})
        check_json("env_kwargs", env_kwargs)
        HouseholdConfig.from_options(env_kwargs)  # every option checked before anything is written
        seed = check_count("seed", seed)
        policy_seed = seed if policy_seed is None else check_count("policy_seed", policy_seed)
        env = ProPerSimHousehold(**env_kwargs)
        agents = list(env.possible_agents)
        if callable(policies) and not isinstance(policies, Mapping):
            policies = {agent: policies(agent) for agent in agents}
        policies = dict(policies)
        _check_agents("policies", policies, agents, every=True)
        _check_agents("policy_names", policy_names or {}, agents, every=False)
        observations, infos = env.reset(seed=seed)
        seeds = {agent: policy_seed + k for k, agent in enumerate(agents)}
        for agent in agents:
            policies[agent].reset(seeds[agent], infos[agent])
        names = {agent: (policy_names or {}).get(agent) or policy_name_of(policies[agent]) for agent in agents}
        residents = env.household.residents
        meta = {
            "format": FORMAT,
            "kind": KIND,
            "name": path.name,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "personas": [{"id": r.persona.id, "name": r.persona.name, "agent": agent}
                         for r, agent in zip(residents, agents)],
            "agents": agents,
            "seeds": {"env": seed, "policy": policy_seed, "policies": seeds},
            "config": {"env": env_kwargs, "policy": names},
            "policy_history": [{"step": 0, "policy": dict(names)}],
            "forked_from": None,
            "steps_per_day": env.clock.steps_per_day,
        }
        make_parent_folders(path, "cannot create")
        tmp = make_temp_dir(path.parent, path.name)
        (tmp / SNAPSHOTS).mkdir()
        (tmp / LOG).touch()
        sim = cls(SimFolder(tmp), meta, env, policies, (observations, infos), 0, False, None, StepLog(tmp / LOG))
        sim._snapshot("start")
        publish_dir(tmp, path)
        sim.folder = SimFolder(path)
        sim._log = StepLog(sim.folder.log_path)
        sim._log.truncate(0)
        return sim

    @classmethod
    def resume(cls, path: str | os.PathLike, policies: Mapping[str, Policy] | None = None, *,
               policy_names: Mapping[str, str] | None = None, days: int | None = None) -> "HouseholdSimulation":
        """Go on from the latest snapshot of the household at ``path``.

        The log is cut back to the snapshot's step. ``policies`` (agent -> policy, some or
        all agents) replace the saved ones from here on, each reset with its saved seed;
        ``days`` lengthens the simulation to that many days in all."""
        folder = SimFolder.open(path)
        meta = folder.read_meta(kind=KIND)
        folder.clean()
        step = folder.latest_snapshot_step()
        env_kwargs = dict(meta["config"]["env"])
        saved_days = env_kwargs.get("days", 1)
        if days is not None:
            if isinstance(days, bool) or not isinstance(days, int) or days < saved_days:
                raise ValueError(f"days must be an integer of at least the simulation's {saved_days} days, "
                                 f"got {days!r}")
            env_kwargs["days"] = days
        env = ProPerSimHousehold(**env_kwargs)
        _check_agents("policies", policies or {}, env.possible_agents, every=False)
        _check_agents("policy_names", policy_names or {}, env.possible_agents, every=False)
        env.reset(seed=meta["seeds"]["env"])  # builds every part; the snapshot then replaces their state
        check_state_version(folder.snapshot_dir(step), HOUSEHOLD_STATE_VERSION, "household")
        manifest, state = load_snapshot(folder.snapshot_dir(step))
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
        sim = cls(folder, meta, env, dict(state["policies"]), pending, step, finished, last_record, log)
        if policies:
            sim.replace_policies(policies, policy_names)
        folder.write_meta(meta)
        return sim

    # ---- running ------------------------------------------------------------------
    def run(self, steps: int, on_step: Callable[[dict], None] | None = None) -> list[dict]:
        """Make up to ``steps`` steps (every agent decides at each; fewer if the simulation
        ends) and return their log records. Snapshots are taken at day boundaries and at the end."""
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
        observations, infos = self._pending
        env = self.env
        states = env.states
        conversations = list(env.household.new_conversations)  # what was said at this step, before it moves on
        actions = {agent: self.policies[agent].act(observations[agent], infos[agent]) for agent in env.agents}
        try:
            observations, rewards, terminations, truncations, infos = env.step(actions)
        except BaseException as exc:
            self._failed = f"{type(exc).__name__}: {exc}"
            raise
        for agent, policy in self.policies.items():
            observe = getattr(policy, "observe", None)
            if observe is not None:
                observe(rewards[agent], infos[agent])
        record = household_record(self.step, env, states, actions, rewards, infos, conversations)
        self._log.append(record)
        self.step += 1
        self.last_record = record
        if not env.agents:
            self._pending, self.finished = None, True
        else:
            self._pending = (observations, infos)
        return record

    def save(self) -> Path:
        """Snapshot the current step (nothing new if one exists) and return its folder."""
        self._check_usable()
        return self._snapshot("save")

    def replace_policies(self, policies: Mapping[str, Policy], policy_names: Mapping[str, str] | None = None) -> None:
        """Let ``policies`` (agent -> policy, some or all agents) decide from the current step
        on, each reset with its agent's saved policy seed."""
        agents = self.env.possible_agents
        _check_agents("policies", policies, agents, every=False)
        _check_agents("policy_names", policy_names or {}, agents, every=False)
        names = dict(self.meta["config"]["policy"])
        for agent, policy in policies.items():
            self.policies[agent] = policy
            if self._pending is not None:
                policy.reset(self.meta["seeds"]["policies"][agent], self._pending[1][agent])
            names[agent] = (policy_names or {}).get(agent) or policy_name_of(policy)
        self.meta["config"]["policy"] = names
        self.meta.setdefault("policy_history", []).append({"step": self.step, "policy": dict(names)})

    def close(self) -> None:
        self._log.close()

    def __enter__(self) -> "HouseholdSimulation":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- what tools read ---------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.folder.path

    @property
    def agents(self) -> list[str]:
        return list(self.env.possible_agents)

    @property
    def residents(self) -> dict:
        """Agent -> the resident it serves."""
        return dict(zip(self.env.possible_agents, self.env.household.residents))

    @property
    def now(self) -> datetime:
        return self.env.states[0].time

    @property
    def day(self) -> int:
        return self.env.clock.day_of(self.env.states[0].step)

    @property
    def policy_names(self) -> dict[str, str]:
        return dict(self.meta["config"]["policy"])

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
        state = {"env": env.state_dict(), "policies": self.policies, "pending": self._pending,
                 "finished": self.finished}
        labels = {id(env._np_random): "env", id(env.household._talk_rng): "household"}
        for agent, resident in zip(env.possible_agents, env.household.residents):
            labels[id(resident.memory)] = labels[id(resident.spatial)] = agent
            labels[id(resident.rng)] = f"{agent}:resident"
            seat = env._seat[agent]
            labels[id(seat.evaluation_memory)] = labels[id(seat.assistant_memory)] = agent
            policy_rng = getattr(self.policies[agent], "rng", None)
            if policy_rng is not None:
                labels[id(policy_rng)] = f"{agent}:policy"
        files = dump_state(state, labels)
        info = {"day": self.day, "time": self.now.isoformat(), "reason": reason, "finished": self.finished,
                "state_version": HOUSEHOLD_STATE_VERSION}
        final = write_snapshot(self.folder.snapshots_dir, self.step, info, files)
        self.snapshot_step = self.step
        self.meta.update({"step": self.step, "day": self.day, "time": self.now.isoformat(),
                          "finished": self.finished, "snapshot": f"{SNAPSHOTS}/{snapshot_name(self.step)}"})
        self.folder.write_meta(self.meta)
        return final


def _check_agents(name: str, given: Mapping, agents, *, every: bool) -> None:
    if not isinstance(given, Mapping):
        raise TypeError(f"{name} must be a dict from agent to value, got {type(given).__name__}")
    unknown = sorted(str(a) for a in given if a not in agents)
    missing = [a for a in agents if a not in given] if every else []
    if unknown or missing:
        problem = f"unknown agent(s) {unknown}" if unknown else f"no entry for {', '.join(missing)}"
        raise ValueError(f"{name}: {problem}; the household's agents are {', '.join(agents)}")

