"""Compare assistant policies on ProPerSim-v0 (or v1): policies x personas x seeds x days.

    python benchmarks/compare_policies.py --policies never,always,random,periodic,heuristic,oracle \\
        --personas all --days 14 --seeds 0 --out runs/compare
    python benchmarks/compare_policies.py --env ProPerSim-v1 --personas all --days 7 --out runs/compare_v1

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
With ``--env ProPerSim-v1`` (a resident who acts on accepted suggestions, with
hidden needs and weekly goals) the default policies add ``needs_aware`` and
``oracle_v1``; cells run in local processes (kept in ``OUT/cells/*_v1.json``),
and table.md, summary.json and ``wellbeing.csv`` add, per policy and day, the
day-end well-being (0-1), its parts (needs in range, goal progress), the
acceptance rate and the suggestions acted on. v0's outputs are unchanged.
Metrics: mean score over all decisions (no-ops included), recommendations per
waking hour, success rate (share of suggestions scoring 3 or more), the share
of decisions passing each criterion, and the mean score of suggestions and of
no-ops. Under ``--noise``/``--delay`` the policies see noisy or delayed
feedback and are scored on the resident's true ratings.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

from backends import BACKENDS, run
from cells import CellStore, grid
from report import _f, _table, aggregate, markdown, mean, overall_table, per_day_table, write_json

from agents.baselines import POLICIES, V1_POLICIES, make_policy
from agents.runner import StepRecord, daily_summary, write_summary_csv
from propersim_env.argtypes import names_from, non_negative_int, persona_ids, positive_int, probability, seeds
from propersim_env.core import add_arguments
from propersim_env.envs import EnvConfig
from propersim_env.personas import load_persona
from propersim_env.personas.schema import TRAITS as BIG_FIVE
from propersim_env.personas.split import FOLDS, SPLITS, persona_split

ENVS = ("ProPerSim-v0", "ProPerSim-v1")
V1_METRICS = ["wellbeing", "needs_in_range", "goal_progress", "acceptance_rate", "acted"]
V1_LABELS = {"wellbeing": "well-being (0-1)", "needs_in_range": "needs in range", "goal_progress": "goal progress",
             "acceptance_rate": "accepted", "acted": "acted on per day"}


class V1Store(CellStore):
    """ProPerSim-v1's cells, beside v0's in the same folder."""

    def path(self, cell):
        return self.dir / f"{cell.key}_v1.json"


def run_v1_cell(policy: str, persona: int, seed: int, days: int) -> list[dict]:
    """One ProPerSim-v1 cell: v0's daily rows plus the day's well-being, its parts, the acceptance
    rate of its suggestions and how many were acted on."""
    import gymnasium as gym

    env = gym.make("ProPerSim-v1", persona=persona, days=days)
    agent = make_policy(policy)
    observation, info = env.reset(seed=seed)
    agent.reset(seed, info)
    records, extra = [], {}
    while True:
        day = info["day"]
        observation, _, _, truncated, info = env.step(agent.act(observation, info))
        agent.observe(info["rating"], info)
        records.append(StepRecord(day, info["rating"], info["noop"], info["scores"]))
        mine = extra.setdefault(day, {"accepted": 0, "asked": 0, "acted": 0})
        if info["accepted"] is not None:
            mine["asked"] += 1
            mine["accepted"] += info["accepted"]
            mine["acted"] += info["acted"]
        if info["day_end"]:
            mine.update(wellbeing=info["wellbeing_score"], needs_in_range=info["needs_in_range"],
                        goal_progress=info["goal_progress"])
        if truncated:
            break
    minutes = env.unwrapped.minutes_per_step
    env.close()
    rows = daily_summary(records, minutes)
    for row in rows:
        mine = extra[row["day"]]
        row.update({k: mine.get(k, math.nan) for k in ("wellbeing", "needs_in_range", "goal_progress")},
                   acceptance_rate=mine["accepted"] / mine["asked"] if mine["asked"] else math.nan,
                   acted=mine["acted"])
    return rows


def _run_v1(cells, workers: int):
    if workers <= 1:
        for c in cells:
            yield c, run_v1_cell(c.policy, c.persona, c.seed, c.days)
        return
    with ProcessPoolExecutor(workers) as pool:
        pending = {pool.submit(run_v1_cell, c.policy, c.persona, c.seed, c.days): c for c in cells}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield pending.pop(future), future.result()


#: the day-end parts followed per day (the table shows well-being; the plot all three)
V1_PER_DAY = ("wellbeing", "needs_in_range", "goal_progress")


def v1_summary(rows: list[dict], policies: list[str], days: int) -> dict:
    """Per policy: the v1 metrics' overall means, the day-end parts per day, and well-being and
    acceptance by each Big Five trait's level (over the personas with that level)."""
    by = {p: [r for r in rows if r["policy"] == p] for p in policies}
    levels = {pid: load_persona(pid).big_five for pid in {r["persona"] for r in rows}}
    return {"overall": {p: {m: mean(r[m] for r in mine) for m in V1_METRICS} for p, mine in by.items()},
            "per_day": {p: {m: [mean(r[m] for r in mine if r["day"] == d) for d in range(days)]
                            for m in V1_PER_DAY}
                        for p, mine in by.items()},
            "by_trait": {p: {trait: {level: {m: mean(r[m] for r in mine if levels[r["persona"]][trait] == level)
                                             for m in ("wellbeing", "acceptance_rate")}
                                     for level in ("high", "low")}
                             for trait in BIG_FIVE}
                         for p, mine in by.items()}}


def v1_tables(v1: dict, days: int) -> str:
    overall = _table(["policy", *(V1_LABELS[m] for m in V1_METRICS)],
                     [[p, *(_f(v[m]) for m in V1_METRICS)] for p, v in v1["overall"].items()])
    per_day = _table(["policy", *(f"day {d + 1}" for d in range(days))],
                     [[p, *(_f(x) for x in d["wellbeing"])] for p, d in v1["per_day"].items()])
    by_trait = [
        _table(["policy", *(f"{t[0].upper()} high / low" for t in BIG_FIVE)],
               [[p, *(f"{_f(v[t]['high'][m])} / {_f(v[t]['low'][m])}" for t in BIG_FIVE)]
                for p, v in v1["by_trait"].items()])
        for m in ("wellbeing", "acceptance_rate")]
    return ("## ProPerSim-v1: well-being, goals and acceptance (means over personas, seeds and days)\n\n"
            + "\n".join(overall) + "\n\n## ProPerSim-v1: day-end well-being per day\n\n" + "\n".join(per_day)
            + "\n\n## ProPerSim-v1: day-end well-being by trait level (Big Five: E A C O N)\n\n"
            + "\n".join(by_trait[0])
            + "\n\n## ProPerSim-v1: acceptance rate by trait level\n\n" + "\n".join(by_trait[1]))


def write_wellbeing_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["policy", "persona", "seed", "day", *V1_METRICS], extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: ("" if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()})


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[1:]))
    parser.add_argument("--env", choices=ENVS, default="ProPerSim-v0",
                        help="ProPerSim-v0 (the study's setting, default) or ProPerSim-v1 (a resident who listens)")
    parser.add_argument("--policies", type=names_from({**POLICIES, **V1_POLICIES}, "policies"),
                        help=f"comma-separated, from {', '.join({**POLICIES, **V1_POLICIES})} (default: "
                             f"{', '.join(POLICIES)}; on ProPerSim-v1 also {', '.join(V1_POLICIES)})")
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
    if args.env == "ProPerSim-v1" and (args.noise or args.delay or args.backend != "local"):
        parser.error("--env ProPerSim-v1 runs local cells without --noise or --delay")
    if args.policies is None:
        args.policies = list(POLICIES) + (list(V1_POLICIES) if args.env == "ProPerSim-v1" else [])
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
    v1 = args.env == "ProPerSim-v1"
    store = V1Store(args.out) if v1 else CellStore(args.out)
    if args.fresh:
        store.clear(cells)
    todo = [c for c in cells if not store.done(c)]
    print(f"{len(cells)} cells: {len(cells) - len(todo)} finished earlier, {len(todo)} to run "
          f"({args.backend}, {args.workers} worker(s)); results in {store.dir}", file=sys.stderr)
    if todo:
        try:
            with _progress(len(todo), args.no_progress) as bar:
                results = _run_v1(todo, args.workers) if v1 else run(todo, args.backend, args.workers, args.address)
                for cell, rows in results:
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
    table = markdown(summary)
    if v1:
        summary["grid"]["env"] = args.env
        summary["v1"] = v1_summary(rows, args.policies, args.days)
        table += "\n" + v1_tables(summary["v1"], args.days) + "\n"
        written["wellbeing.csv"] = args.out / "wellbeing.csv"
        write_wellbeing_csv(rows, written["wellbeing.csv"])
    written["table.md"].write_text(table)
    write_summary_csv(rows, written["summary.csv"])
    write_json(summary, written["summary.json"])
    if not args.no_plots:
        from plots import write_plots

        written["plots"] = write_plots(summary, args.out / "plots")[0].parent

    print(overall_table(summary))
    print("\nmean score per day (no-ops included):\n" + per_day_table(summary, "mean_score"))
    if v1:
        print("\n" + v1_tables(summary["v1"], args.days))
    print(f"\nall tables: {written['table.md']}\nper-day rows: {written['summary.csv']} ({len(rows)} rows)"
          f"\naggregates: {written['summary.json']}")
    if "plots" in written:
        v1_plots = ", wellbeing_per_day, rating_vs_wellbeing" if v1 else ""
        print(f"plots: {written['plots']}/ (score_per_day, recs_per_hour, per_persona, per_criterion{v1_plots} .png)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
