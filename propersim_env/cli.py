"""The ``propersim`` command.

``propersim simulate --persona 7 --days 2 --seed 0`` prints each day's plan,
its 24-hour schedule and a timeline of what the resident did where;
``--json`` prints one JSON object per step instead. ``propersim console SIM``
runs and inspects a saved simulation; ``propersim replay SIM`` writes a page
that replays one (see :mod:`.sim_commands`); ``propersim serve SIM`` serves that
page live while the simulation runs (see :mod:`.serve`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator

import numpy as np

from .argtypes import iso_date, non_negative_int, persona_id, positive_int, seconds_per_step
from .personas import NUM_PERSONAS, Persona, load_persona, minutes_to_clock
from .user import Resident, ResidentState
from .world import DEFAULT_SECONDS_PER_STEP, SimClock, parse_start_date






def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="propersim", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sim = sub.add_parser("simulate", help="simulate a resident's days on the embedded (offline) default")
    sim.add_argument("--persona", type=persona_id, default=1, help=f"persona id, 1-{NUM_PERSONAS} (default 1)")
    sim.add_argument("--days", type=positive_int, default=1, help="simulated days (default 1)")
    sim.add_argument("--seed", type=non_negative_int, default=0, help="random seed, 0 or more (default 0)")
    sim.add_argument("--start-date", type=iso_date, default=None,
                     help="first simulated day, YYYY-MM-DD (default 2025-02-13)")
    sim.add_argument("--seconds-per-step", type=seconds_per_step, default=DEFAULT_SECONDS_PER_STEP,
                     help="simulated seconds per step; must divide 86400 (default 150)")
    sim.add_argument("--json", action="store_true", help="print a JSON list with one object per step")
    from .sim_commands import add_parsers as add_sim_commands  # console, replay

    add_sim_commands(sub)
    from .serve import add_parser as add_serve

    add_serve(sub)
    return parser


def simulate(persona: Persona, days: int, seed: int, clock: SimClock) -> tuple[Resident, Iterator[ResidentState]]:
    """A resident and a generator of its states over ``days`` calendar days."""
    resident = Resident(persona, clock=clock)
    resident.reset(np.random.default_rng(seed))

    def states() -> Iterator[ResidentState]:
        for _ in range(days * clock.steps_per_day):
            yield resident.advance()

    return resident, states()


def _print_day_header(resident: Resident, out) -> None:
    plan = resident.plan
    day = resident.day
    date = resident.clock.date_of_day(day)
    print(f"\n=== Day {day + 1}: {date:%A %Y-%m-%d} — {resident.persona.describe()} ===", file=out)
    print("Daily plan: " + "; ".join(plan.daily_plan), file=out)
    print("Schedule:", file=out)
    for block in resident.schedule:
        end = "24:00" if block.end % 1440 == 0 else minutes_to_clock(block.end)
        print(f"  {minutes_to_clock(block.start)}-{end}  {block.description}", file=out)
    print("Timeline:", file=out)


def run_simulate(args: argparse.Namespace, out=None) -> int:
    out = out or sys.stdout
    clock = SimClock(parse_start_date(args.start_date), args.seconds_per_step)
    persona = load_persona(args.persona)
    resident, states = simulate(persona, args.days, args.seed, clock)
    if args.json:
        out.write("[\n")
        for i, s in enumerate(states):
            out.write(("" if i == 0 else ",\n") + json.dumps(s.to_dict(), ensure_ascii=False))
        out.write("\n]\n")
        return 0
    previous: ResidentState | None = None
    shown_day = -1
    for s in states:
        if resident.day != shown_day:
            _print_day_header(resident, out)
            shown_day = resident.day
        unchanged = previous is not None and s.action == previous.action
        if not unchanged:
            where = f"[{s.tile[0]:2d},{s.tile[1]:2d}]"
            print(f"  {s.time:%H:%M}  {where}  {s.action}", file=out)
        previous = s
    thoughts = resident.memory.of_kind("thought")
    print(f"\nMemory: {len(resident.memory.nodes)} nodes, {len(thoughts)} thoughts. Latest thoughts:", file=out)
    for t in thoughts[-3:]:
        print(f"  {t.created:%a %H:%M}  {t.description}", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "simulate":
            return run_simulate(args)
        if args.command in ("console", "replay", "serve"):
            return args.handler(args)
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        sys.stdout = open(os.devnull, "w")
        return 0
    return 2  # unreachable: argparse requires a command


if __name__ == "__main__":
    sys.exit(main())
