"""Compare assistant policies on ProPerSim-v0 (embedded default).

    python benchmarks/compare_policies.py --policies never,always,random,periodic,heuristic,oracle \\
        --personas all --days 3 --seeds 0 --out runs/compare

Runs every policy x persona x seed as one episode of ``--days`` days, in worker
processes, and writes ``OUT/summary.csv`` with one row per policy, persona,
seed and day: ``policy,persona,seed,day,mean_score,recs_per_hour,success_rate``
plus the per-criterion means and the mean score of suggestions and of no-ops.
Prints a table of the means per policy.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.baselines import POLICIES, make_policy
from agents.runner import daily_summary, run_episode
from propersim_env.evaluation import CRITERIA
from propersim_env.personas import NUM_PERSONAS

COLUMNS = ["policy", "persona", "seed", "day", "mean_score", "recs_per_hour", "success_rate",
           *CRITERIA, "suggestion_mean", "noop_mean", "decisions"]


def run_cell(cell: tuple[str, int, int, int]) -> list[dict]:
    policy_name, persona, seed, days = cell
    env = gym.make("ProPerSim-v0", persona=persona, days=days)
    records = run_episode(env, make_policy(policy_name), seed)
    minutes_per_step = env.unwrapped.clock.seconds_per_step / 60
    env.close()
    return [{"policy": policy_name, "persona": persona, "seed": seed, **row}
            for row in daily_summary(records, minutes_per_step)]


def _ids(text: str) -> list[int]:
    if text == "all":
        return list(range(1, NUM_PERSONAS + 1))
    try:
        ids = [int(x) for x in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"personas must be 'all' or comma-separated ids, got {text!r}") from None
    bad = [i for i in ids if not 1 <= i <= NUM_PERSONAS]
    if bad:
        raise argparse.ArgumentTypeError(f"persona ids must be 1-{NUM_PERSONAS}, got {bad}")
    return ids


def _policies(text: str) -> list[str]:
    names = [x.strip() for x in text.split(",") if x.strip()]
    unknown = [n for n in names if n not in POLICIES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown policies {unknown}; choose from {', '.join(POLICIES)}")
    return names


def _mean(values: list[float]) -> float:
    values = [v for v in values if not math.isnan(v)]
    return sum(values) / len(values) if values else math.nan


def summarise(rows: list[dict], policies: list[str]) -> str:
    """A markdown table of per-policy means over personas, seeds and days."""
    header = ["policy", "mean_score", "recs_per_hour", "success_rate", *CRITERIA, "suggestion_mean", "noop_mean"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for p in policies:
        mine = [r for r in rows if r["policy"] == p]
        cells = [p] + [f"{_mean([r[k] for r in mine]):.2f}" for k in header[1:]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policies", type=_policies, default=list(POLICIES))
    parser.add_argument("--personas", type=_ids, default=_ids("all"))
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--seeds", type=lambda s: [int(x) for x in s.split(",")], default=[0])
    parser.add_argument("--out", type=Path, default=Path("runs/compare"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if args.days < 1:
        parser.error("--days must be at least 1")

    cells = [(p, persona, seed, args.days) for p in args.policies for persona in args.personas for seed in args.seeds]
    rows: list[dict] = []
    if args.workers > 1:
        with ProcessPoolExecutor(args.workers) as pool:
            for done, cell_rows in enumerate(pool.map(run_cell, cells, chunksize=4), 1):
                rows += cell_rows
                print(f"\r{done}/{len(cells)} episodes", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    else:
        for cell in cells:
            rows += run_cell(cell)

    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "summary.csv"
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: ("" if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()})
    print(summarise(rows, args.policies))
    print(f"\nwrote {path} ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
