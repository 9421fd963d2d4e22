"""A saved household: the PettingZoo household, one assistant policy per resident, and a folder.

:class:`HouseholdSimulation` is :class:`~propersim_env.simulation.Simulation` for
:class:`~propersim_env.envs.pettingzoo_env.ProPerSimHousehold`, on the same
:class:`~propersim_env.runner.SimulationRunner`: the same folder
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

``HouseholdSimulation.create(..., env_id="ProPerSim-v1")`` runs the household whose
residents listen (:class:`~propersim_env.envs.pettingzoo_v1.ProPerSimHouseholdV1`), as
:class:`~propersim_env.simulation.Simulation` runs ``ProPerSim-v1``: ``meta.json``'s
``env_id`` names the env (a household saved before v1 names none: ``ProPerSim-v0``), its
snapshots' manifests say so too, resuming and forking open the same class and refuse
the other; each resident's record adds what it made of its assistant's decision
(:func:`~propersim_env.simulation.listening_record`: the rating, the proposed activity,
``accepted``, ``acted``, the reply, the hidden needs, and the day's well-being at a
day's last step). A resident asleep at a step has ``score`` and ``rating`` ``None``.

The env's part of a snapshot is :meth:`ProPerSimHousehold.state_dict`, with its
version (:data:`~propersim_env.envs.pettingzoo_env.HOUSEHOLD_STATE_VERSION`, also
in the snapshot's manifest). Only the embedded default runs in a household, so a
resumed run continues exactly as an uninterrupted one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from .envs import ENV_ID, ENV_ID_V1
from .envs.config import HouseholdConfig, HouseholdConfigV1
from .envs.pettingzoo_env import HOUSEHOLD_STATE_VERSION, ProPerSimHousehold
from .envs.pettingzoo_v1 import ProPerSimHouseholdV1
from .runner import (
    Policy,
    SimulationRunner,
    new_meta,
    observe,
    policy_name_of,
)
from .simulation import step_record

KIND = "household"
ENVS = {ENV_ID: (ProPerSimHousehold, HouseholdConfig), ENV_ID_V1: (ProPerSimHouseholdV1, HouseholdConfigV1)}
"""The households a saved household can run, by the id of the env its residents live in
(``ProPerSim-v1``: residents who listen): the env class and its options."""
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
            if "rating" in record:
                record["rating"] = None
        residents[agent] = record
    first = states[0]
    return {"step": step, "day": env.clock.day_of(first.step), "time": first.time.isoformat(),
            "clock_step": first.step, "residents": residents,
            "conversations": [talk.to_dict() for talk in conversations]}


class HouseholdSimulation(SimulationRunner):
    """One household simulation folder being run. Make one with :meth:`create` or :meth:`resume`."""

    ENVS = ENVS
    KIND = KIND
    STATE_VERSION = HOUSEHOLD_STATE_VERSION
    STATE_WHAT = "household"
    POLICY_STATE = "policies"

    def _set_policies(self, policies) -> None:
        self.policies = dict(policies)
        """Agent -> the policy deciding for it."""

    def _policies(self):
        return self.policies

    # ---- making one -----------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, policies: Mapping[str, Policy] | Callable[[str], Policy], *,
               env_kwargs: dict | None = None, seed: int = 0, policy_seed: int | None = None,
               policy_names: Mapping[str, str] | None = None, env_id: str = ENV_ID) -> HouseholdSimulation:
        """A new household folder at ``path`` (which must not exist; missing folders above it
        are made): the household of ``env_id`` (``ProPerSim-v0``: ``ProPerSimHousehold``, or
        ``ProPerSim-v1``: ``ProPerSimHouseholdV1``, whose residents listen) made with
        ``env_kwargs`` (its options), reset with ``seed``. ``policies`` gives each agent its
        policy: a dict with every agent (``assistant_<first name>``), or a function
        ``agent -> policy``; agent ``k``'s is reset with ``policy_seed + k`` (default ``seed + k``)."""
        path, env, env_kwargs, seed, policy_seed = cls._new(path, env_id, env_kwargs, seed, policy_seed)
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
        meta = new_meta(path, kind=KIND, env_id=env_id, agents=agents,
                        personas=[{"id": r.persona.id, "name": r.persona.name, "agent": agent}
                                  for r, agent in zip(residents, agents)],
                        seeds={"env": seed, "policy": policy_seed, "policies": seeds}, env_kwargs=env_kwargs,
                        policy=names, steps_per_day=env.clock.steps_per_day)
        return cls._publish(path, meta, env, policies, (observations, infos))

    @classmethod
    def resume(cls, path: str | os.PathLike, policies: Mapping[str, Policy] | None = None, *,
               policy_names: Mapping[str, str] | None = None, days: int | None = None,
               env_id: str | None = None) -> HouseholdSimulation:
        """Go on from the latest snapshot of the household at ``path``, with the env it was made
        with (``meta.json``'s ``env_id``; a household saved before v1 names none: ``ProPerSim-v0``).

        The log is cut back to the snapshot's step. ``policies`` (agent -> policy, some or
        all agents) replace the saved ones from here on, each reset with its saved seed;
        ``days`` lengthens the simulation to that many days in all. ``env_id``, when given,
        must be the folder's env: a v1 household is never opened as v0, nor the other way round."""
        folder, meta, env_cls = cls._open(path, env_id)
        env_kwargs, step = cls._lengthened(folder, meta, days)
        env = env_cls(**env_kwargs)
        _check_agents("policies", policies or {}, env.possible_agents, every=False)
        _check_agents("policy_names", policy_names or {}, env.possible_agents, every=False)
        sim = cls._restore(folder, meta, env, step, env_kwargs, days)
        if policies:
            sim.replace_policies(policies, policy_names)
        folder.write_meta(meta)
        return sim

    # ---- running ------------------------------------------------------------------
    def _step_policies(self, observations, infos):
        env = self.env
        states = env.states
        conversations = list(env.household.new_conversations)  # what was said at this step, before it moves on
        actions = {agent: self.policies[agent].act(observations[agent], infos[agent]) for agent in env.agents}
        observations, rewards, _, _, infos = self._env_step(actions)
        for agent, policy in self.policies.items():
            observe(policy, rewards[agent], infos[agent])
        record = household_record(self.step, env, states, actions, rewards, infos, conversations)
        return record, (observations, infos) if env.agents else None

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
        self._named_policy(names)

    # ---- what tools read ---------------------------------------------------------------
    @property
    def agents(self) -> list[str]:
        return list(self.env.possible_agents)

    @property
    def residents(self) -> dict:
        """Agent -> the resident it serves."""
        return dict(zip(self.env.possible_agents, self.env.household.residents))

    @property
    def listeners(self) -> dict:
        """Agent -> its resident's :class:`~propersim_env.envs.listener.Listener` (hidden needs,
        weekly goals, last reply) in a ``ProPerSim-v1`` household; empty in a v0 one."""
        return dict(zip(self.env.possible_agents, getattr(self.env, "listeners", None) or ()))

    @property
    def policy_names(self) -> dict[str, str]:
        return dict(self.meta["config"]["policy"])

    # ---- snapshots -------------------------------------------------------------------
    def _clock_state(self):
        return self.env.states[0]

    def _labels(self) -> dict[int, str]:
        env = self.env
        labels = {id(env._np_random): "env", id(env.household._talk_rng): "household"}
        for agent, resident in zip(env.possible_agents, env.household.residents):
            labels[id(resident.memory)] = labels[id(resident.spatial)] = agent
            labels[id(resident.rng)] = f"{agent}:resident"
            seat = env._seat[agent]
            labels[id(seat.evaluation_memory)] = labels[id(seat.assistant_memory)] = agent
            policy_rng = getattr(self.policies[agent], "rng", None)
            if policy_rng is not None:
                labels[id(policy_rng)] = f"{agent}:policy"
        return labels


def _check_agents(name: str, given: Mapping, agents, *, every: bool) -> None:
    if not isinstance(given, Mapping):
        raise TypeError(f"{name} must be a dict from agent to value, got {type(given).__name__}")
    unknown = sorted(str(a) for a in given if a not in agents)
    missing = [a for a in agents if a not in given] if every else []
    if unknown or missing:
        problem = f"unknown agent(s) {unknown}" if unknown else f"no entry for {', '.join(missing)}"
        raise ValueError(f"{name}: {problem}; the household's agents are {', '.join(agents)}")

