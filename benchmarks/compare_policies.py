"""Compare assistant policies on ProPerSim-v0: policies x personas x seeds x days.

    python benchmarks/compare_policies.py --policies never,always,random,periodic,heuristic,oracle \\
        --personas all --days 14 --seeds 0 --out runs/compare

Each cell (one policy on one persona from one seed for ``--days`` days) is one
episode; finished cells are kept in ``OUT/cells/`` and a re-run of the same
command computes only the missing ones (``--fresh`` recomputes). Cells run in
local worker processes, or as Ray tasks with ``--backend ray`` (a local Ray,
or the cluster at ``--address``); the numbers are the same either way.

Writes into OUT:
    table.md        the markdown tables: means per policy, score / recommendations
                    per hour / success rate per day, per-persona final day
    summary.csv     one row per policy, persona, seed and day (day counted from 0)
    summary.json    the grid and every aggregate in the tables
    plots/*.png     score per day, recommendations per hour, per-persona final
                    day, per-criterion means and suggestions vs no-ops
Metrics: mean score over all decisions (no-ops included), recommendations per
waking hour, success rate (share of suggestions scoring 3 or more), the share
of decisions passing each criterion, and the mean score of suggestions and of
no-ops. Under ``--noise``/``--delay`` the policies see noisy or delayed
feedback and are scored on the resident's true ratings.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from backends import BACKENDS, run
from cells import CellStore, grid
from report import aggregate, markdown, overall_table, per_day_table, write_json

from agents.baselines import POLICIES
from agents.runner import write_summary_csv
from propersim_env.argtypes import names_from, non_negative_int, persona_ids, positive_int, probability, seeds
from propersim_env.core import add_arguments
from propersim_env.envs import EnvConfig
from propersim_env.personas.split import FOLDS, SPLITS, persona_split














def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[1:]))
    parser.add_argument("--policies", type=names_from(POLICIES, "policies"), default=list(POLICIES),
                        help=f"comma-separated, from {', '.join(POLICIES)} (default: all)")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--personas", type=persona_ids, help="'all' or comma-separated ids 1-32 (default: all)")
    who.add_argument("--split", choices=SPLITS,
                     help="the held-out split of propersim_env.personas.split: train (24), test (8) or all")
    parser.add_argument("--fold", type=int, choices=range(FOLDS), default=0, help="the split's fold (default 0)")
    add_arguments(parser.add_argument_group("environment", "ProPerSim-v0's options, the same in every cell"),
                  EnvConfig, ["days"])
    parser.add_argument("--seeds", type=seeds, default=[0], help="comma-separated seeds (default 0)")
    parser.add_argument("--noise", type=probability, default=0.0,
                        help="flip each rated criterion with this probability (default 0)")
    parser.add_argument("--delay", type=non_negative_int, default=0, help="deliver each rating this many steps late (default 0)")
    parser.add_argument("--out", type=Path, default=Path("runs/compare"), help="output folder (default runs/compare)")
    parser.add_argument("--backend", choices=BACKENDS, default="local", help="local processes or Ray tasks")
    parser.add_argument("--workers", type=positive_int, default=os.cpu_count() or 1,
                        help="worker processes, or a local Ray's CPUs (default: all cores)")
    parser.add_argument("--address", help="a Ray cluster's address (with --backend ray); default: a local Ray")
    parser.add_argument("--fresh", action="store_true", help="recompute cells that finished earlier")
    parser.add_argument("--no-plots", action="store_true", help="skip the PNG plots")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if args.address and args.backend != "ray":
        parser.error("--address needs --backend ray")
    if args.split is None and args.fold != 0:
        parser.error("--fold needs --split")
    return args


def _progress(total: int, disable: bool):
    try:
        from tqdm import tqdm
    except ImportError:
        raise SystemExit("the progress bar needs tqdm: pip install -e '.[bench]' (or pass --no-progress)") from None
    return tqdm(total=total, desc="cells", unit="cell", disable=disable, file=sys.stderr, dynamic_ncols=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    personas = args.personas or list(persona_split(args.split or "all", args.fold))
    cells = grid(args.policies, personas, args.seeds, args.days, args.noise, args.delay)
    store = CellStore(args.out)
    if args.fresh:
        store.clear(cells)
    todo = [c for c in cells if not store.done(c)]
    print(f"{len(cells)} cells: {len(cells) - len(todo)} finished earlier, {len(todo)} to run "
          f"({args.backend}, {args.workers} worker(s)); results in {store.dir}", file=sys.stderr)
    if todo:
        try:
            with _progress(len(todo), args.no_progress) as bar:
                for cell, rows in run(todo, args.backend, args.workers, args.address):
                    store.save(cell, rows)
                    bar.update()
        except KeyboardInterrupt:
            print(f"\ninterrupted: finished cells are kept in {store.dir}; run the same command to resume",
                  file=sys.stderr)
            return 130

    rows = [{"policy": c.policy, "persona": c.persona, "seed": c.seed, **r} for c in cells for r in store.load(c)]
    summary = aggregate(rows, {"policies": args.policies, "personas": personas, "seeds": args.seeds,
                               "days": args.days, "noise": args.noise, "delay": args.delay,
                               "split": args.split, "fold": args.fold if args.split else None})
    args.out.mkdir(parents=True, exist_ok=True)
    written = {name: args.out / name for name in ("table.md", "summary.csv", "summary.json")}
    written["table.md"].write_text(markdown(summary))
    write_summary_csv(rows, written["summary.csv"])
    write_json(summary, written["summary.json"])
    if not args.no_plots:
        from plots import write_plots

        written["plots"] = write_plots(summary, args.out / "plots")[0].parent

    print(overall_table(summary))
    print("\nmean score per day (no-ops included):\n" + per_day_table(summary, "mean_score"))
    print(f"\nall tables: {written['table.md']}\nper-day rows: {written['summary.csv']} ({len(rows)} rows)"
          f"\naggregates: {written['summary.json']}")
    if "plots" in written:
        print(f"plots: {written['plots']}/ (score_per_day, recs_per_hour, per_persona, per_criterion .png)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
