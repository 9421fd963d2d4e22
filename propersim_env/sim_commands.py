"""The ``propersim console`` and ``propersim replay`` commands (see :mod:`.cli`).

The console's assistant is a policy by name: one that an installed distribution
declares under the ``propersim_env.policies`` entry-point group (this project
declares the baselines of ``agents.baselines`` in pyproject.toml), or any
``module:attribute`` factory. The package itself never imports ``agents``.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import importlib.metadata
import shutil
import sys

from .argtypes import non_negative_int, positive_int
from .core import add_arguments, arguments_given
from .envs import ENV_ID, ENV_ID_V1, EnvConfig, EnvConfigV1
from .envs.config import HouseholdConfig, HouseholdConfigV1
from .household_simulation import HouseholdSimulation
from .replay import speed_argument
from .simulation import ENVS, Simulation, check_env_of
from .storage import SimFolder, SimulationError, fork_simulation
from .storage.folder import kind_of

DEFAULT_POLICY = "heuristic"
_NEW_ENV_OPTIONS = ("persona", "start_date", "seconds_per_step", "memory_level")
"""The env's options a new simulation takes; a saved one keeps them."""
_HOUSEHOLD_OPTIONS = ("personas", "conversation_chance")
"""The household's own options: ``--personas 1,2,3`` makes a household."""
_V1_OPTIONS = tuple(f.name for f in dataclasses.fields(EnvConfigV1)
                    if f.name not in {g.name for g in dataclasses.fields(EnvConfig)})
"""``ProPerSim-v1``'s own options (``wellbeing_weight``), from :class:`EnvConfigV1`."""
_NEW_ONLY = ("seed", *_NEW_ENV_OPTIONS, *_HOUSEHOLD_OPTIONS, *_V1_OPTIONS)
_WRITTEN_ALWAYS = ("persona", "days")
"""Options a new simulation's meta.json names even when they are the defaults."""


def add_parsers(sub) -> None:
    con = sub.add_parser("console", help="run and inspect a saved simulation, reverie-style (reads standard input)",
                         description="Open the simulation folder SIM (resume it from its last snapshot), or make "
                                     "it with --new or --fork, then read commands: run <steps>, save, finish, "
                                     "exit, print ..., help.")
    con.add_argument("sim", help="the simulation folder")
    how = con.add_mutually_exclusive_group()
    how.add_argument("--new", action="store_true", help="make a new simulation at SIM")
    how.add_argument("--fork", metavar="ORIGIN", help="make SIM as a fork of the saved simulation ORIGIN")
    con.add_argument("--at-step", type=non_negative_int, default=None,
                     help="with --fork: the origin's snapshot to fork from (default: its latest)")
    con.add_argument("--policy", type=policy_name, default=None,
                     help=f"the assistant: a baseline policy by name (default {DEFAULT_POLICY} for --new; "
                          "otherwise the saved one; naming one replaces it from the current step)")
    # --days is hand-written: besides the new simulation's length, it lengthens a saved one
    con.add_argument("--days", type=positive_int, default=None,
                     help="simulated days in all (default 1 for --new; a larger number lengthens a saved one)")
    add_arguments(con, EnvConfig, ["persona"], omit_default=True, help_prefix="with --new: ")
    con.add_argument("--seed", type=non_negative_int, default=None,
                     help="with --new: random seed, 0 or more (default 0)")
    add_arguments(con, EnvConfig, _NEW_ENV_OPTIONS[1:], omit_default=True, help_prefix="with --new: ")
    con.add_argument("--env", choices=tuple(ENVS), default=None,
                     help=f"with --new: the env the simulation (or household) runs (default {ENV_ID}, the "
                          f"study's setting; {ENV_ID_V1}: residents who listen, with hidden needs and weekly "
                          "goals). A saved simulation keeps its env: naming another is refused")
    add_arguments(con, EnvConfigV1, _V1_OPTIONS, omit_default=True, help_prefix=f"with --new --env {ENV_ID_V1}: ")
    add_arguments(con, HouseholdConfig, _HOUSEHOLD_OPTIONS, omit_default=True,
                  help_prefix="with --new, makes a household (one assistant per resident, each the --policy): ")
    con.set_defaults(handler=run_console)

    rep = sub.add_parser("replay", help="write a self-contained HTML page that replays a saved simulation")
    rep.add_argument("sim", help="the simulation folder")
    rep.add_argument("--out", default=None, help="the page to write (default SIM/replay.html)")
    rep.add_argument("--start-step", type=non_negative_int, default=0, help="the step the page opens at (default 0)")
    rep.add_argument("--speed", type=speed_argument, default=None,
                     help="a demo: the page plays from --start-step at this many steps a second as it opens "
                          "(0.25 to 1000; default: it waits for play)")
    rep.set_defaults(handler=run_replay)


POLICY_GROUP = "propersim_env.policies"


def installed_policies() -> dict[str, importlib.metadata.EntryPoint]:
    """The policies installed distributions declare under the ``propersim_env.policies`` entry-point
    group (this project declares its baselines, ``agents.baselines``, in pyproject.toml)."""
    return {ep.name: ep for ep in importlib.metadata.entry_points(group=POLICY_GROUP)}


def policy_name(text: str) -> str:
    """``--policy``: an installed policy's name, or ``module:attribute`` of any importable factory."""
    if ":" in text:
        return text
    names = installed_policies()
    if text not in names:
        known = ", ".join(sorted(names)) or f"none (no distribution declares a {POLICY_GROUP!r} entry point)"
        raise argparse.ArgumentTypeError(f"unknown policy {text!r}; choose from {known}, or give module:attribute")
    return text


def make_policy(name: str):
    """A policy by installed name or ``module:attribute``; the package never imports one itself."""
    try:
        if ":" in name:
            module, _, attribute = name.partition(":")
            factory = getattr(importlib.import_module(module), attribute)
        else:
            entry = installed_policies().get(name)
            if entry is None:
                raise SimulationError(f"unknown policy {name!r}; choose from {', '.join(sorted(installed_policies()))}")
            factory = entry.load()
    except (ImportError, AttributeError) as exc:
        raise SimulationError(f"cannot load the assistant policy {name!r}: {exc}") from None
    return factory()


def open_simulation(args: argparse.Namespace) -> Simulation | HouseholdSimulation:
    """The simulation the console arguments ask for: made new, forked, or resumed; a
    household when ``--personas`` makes one or the folder holds one."""
    env_id = getattr(args, "env", None)
    if args.new:
        if args.at_step is not None:
            raise SimulationError("--at-step only applies with --fork")
        defaults = {f.name: f.default for f in dataclasses.fields(EnvConfig)}
        name = args.policy or DEFAULT_POLICY
        seed = 0 if args.seed is None else args.seed
        v1_given = [f"--{o.replace('_', '-')}" for o in _V1_OPTIONS if getattr(args, o, None) is not None]
        if v1_given and env_id != ENV_ID_V1:
            raise SimulationError(f"{', '.join(v1_given)} only appl{'ies' if len(v1_given) == 1 else 'y'} to "
                                  f"{ENV_ID_V1}: add --env {ENV_ID_V1}")
        household = [f"--{o.replace('_', '-')}" for o in _HOUSEHOLD_OPTIONS if getattr(args, o) is not None]
        if household:
            if getattr(args, "persona", None) is not None:
                raise SimulationError("give --persona (one resident) or --personas (a household), not both")
            if args.personas is None:
                raise SimulationError(f"{household[0]} only applies to a household: name its residents "
                                      "with --personas, e.g. --personas 1,2,3")
            env_kwargs = {"personas": list(args.personas), "days": defaults["days"]}
            env_kwargs.update(arguments_given(args, HouseholdConfig, ("days", *_NEW_ENV_OPTIONS[1:],
                                                                      "conversation_chance")))
            if env_id == ENV_ID_V1:
                env_kwargs.update(arguments_given(args, HouseholdConfigV1, _V1_OPTIONS))
            make_policy(name)  # a policy that cannot load is refused before anything is written
            sim = HouseholdSimulation.create(args.sim, lambda agent: make_policy(name), env_kwargs=env_kwargs,
                                             seed=seed, env_id=env_id or ENV_ID)
            names = {agent: name for agent in sim.agents}  # the name asked for, as a single simulation keeps it
            sim.meta["config"]["policy"] = names
            sim.meta["policy_history"] = [{"step": 0, "policy": dict(names)}]
            sim.folder.write_meta(sim.meta)
            return sim
        env_kwargs = {option: defaults[option] for option in _WRITTEN_ALWAYS}
        env_kwargs.update(arguments_given(args, EnvConfig, ("days", *_NEW_ENV_OPTIONS)))
        if env_id == ENV_ID_V1:
            env_kwargs.update(arguments_given(args, EnvConfigV1, _V1_OPTIONS))
        return Simulation.create(args.sim, make_policy(name), env_kwargs=env_kwargs, seed=seed, policy_name=name,
                                 env_id=env_id or ENV_ID)
    given = [f"--{o.replace('_', '-')}" for o in _NEW_ONLY if getattr(args, o) is not None]
    if given:
        raise SimulationError(f"{', '.join(given)} only appl{'ies' if len(given) == 1 else 'y'} with --new: "
                              "a saved simulation keeps its configuration")
    if args.at_step is not None and not args.fork:
        raise SimulationError("--at-step only applies with --fork")
    # the kind (and env) is read before anything is copied: a fork opens with the right runner
    origin = SimFolder.open(args.fork or args.sim)
    meta = origin.read_meta()
    kind = kind_of(meta)
    if env_id is not None:  # a household's env ids are a single resident's
        check_env_of(origin.path, meta, env_id)
    policy = make_policy(args.policy) if args.policy else None
    if args.fork:
        fork_simulation(args.fork, args.sim, step=args.at_step, days=args.days)
    try:
        return _resume(kind, args, policy)
    except BaseException:
        if args.fork:  # the copy this call made is of no use
            shutil.rmtree(args.sim, ignore_errors=True)
        raise


def _resume(kind: str, args: argparse.Namespace, policy) -> Simulation | HouseholdSimulation:
    days = None if args.fork else args.days
    if kind == "household":
        policies = names = None
        if policy is not None:
            agents = [p["agent"] for p in SimFolder(args.sim).read_meta()["personas"]]
            policies = {agent: policy if k == 0 else make_policy(args.policy) for k, agent in enumerate(agents)}
            names = {agent: args.policy for agent in agents}
        return HouseholdSimulation.resume(args.sim, policies, policy_names=names, days=days)
    return Simulation.resume(args.sim, policy, policy_name=args.policy, days=days)


def run_console(args: argparse.Namespace, stdin=None, stdout=None) -> int:
    from .console import Console

    try:
        sim = open_simulation(args)
    except (SimulationError, ValueError, OSError) as exc:
        print(f"propersim console: error: {exc}", file=sys.stderr)
        return 2
    return Console(sim, stdin, stdout).loop()


def run_replay(args: argparse.Namespace) -> int:
    from .replay import write_replay

    try:
        out = write_replay(args.sim, args.out, args.start_step, args.speed)
    except (SimulationError, ValueError, OSError) as exc:
        print(f"propersim replay: error: {exc}", file=sys.stderr)
        return 2
    print(f"Wrote {out}: open it in a browser (no server needed).")
    return 0
