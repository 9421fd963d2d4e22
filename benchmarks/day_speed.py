"""How long one simulated day takes on the embedded default.

    python benchmarks/day_speed.py [--personas 1,16,32] [--days 3] [--repeats 5]

Prints the median wall-clock milliseconds per simulated day (576 steps of 150
seconds) per persona, and over all of them. Target: under 50 ms on a 2-core
machine. Machines are shared and noisy: compare figures from one run.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

import numpy as np

from propersim_env.personas import NUM_PERSONAS, load_persona
from propersim_env.user import Resident
from propersim_env.world import SimClock


def ms_per_day(persona_id: int, days: int, seed: int) -> float:
    resident = Resident(load_persona(persona_id))
    resident.reset(np.random.default_rng(seed))
    steps = days * SimClock().steps_per_day
    start = time.perf_counter()
    for _ in range(steps):
        resident.advance()
    return (time.perf_counter() - start) * 1000 / days


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--personas", default="all", help="comma-separated ids, or 'all' (default)")
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    ids = range(1, NUM_PERSONAS + 1) if args.personas == "all" else [int(x) for x in args.personas.split(",")]
    ms_per_day(1, 1, 0)  # warm caches (persona files, paths) before timing
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    medians = []
    for pid in ids:
        runs = [ms_per_day(pid, args.days, seed) for seed in range(args.repeats)]
        medians.append(statistics.median(runs))
        print(f"persona {pid:2d}: {medians[-1]:6.1f} ms per simulated day")
    print(f"median over {len(medians)} personas: {statistics.median(medians):.1f} ms per simulated day "
          f"(max {max(medians):.1f}; target < 50)")


if __name__ == "__main__":
    main()
