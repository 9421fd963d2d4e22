"""ProPerSim-v0 speed and memory-observation size on the embedded default.

    python benchmarks/env_speed.py [--days 14] [--persona 1]

Prints env steps per second with the never-suggest policy (target: at least
5,000 on a 2-core machine) and the largest ``memory`` observation seen over a
14-day episode with a policy that suggests every hour (it must stay bounded).
"""

from __future__ import annotations

import argparse
import platform
import time

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.baselines import Never, Periodic


def run(policy, persona: int, days: int, seed: int = 0) -> tuple[int, float, int]:
    env = gym.make("ProPerSim-v0", persona=persona, days=days)
    observation, info = env.reset(seed=seed)
    policy.reset(seed, info)
    steps, largest = 0, len(observation["memory"])
    start = time.perf_counter()
    while True:
        observation, reward, terminated, truncated, info = env.step(policy.act(observation, info))
        steps += 1
        largest = max(largest, len(observation["memory"]))
        if terminated or truncated:
            break
    return steps, time.perf_counter() - start, largest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--persona", type=int, default=1)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    steps, seconds, _ = run(Never(), args.persona, args.days)
    print(f"never-suggest: {steps} decision steps over {args.days} days in {seconds:.2f} s "
          f"= {steps / seconds:,.0f} env steps/s (target >= 5,000)")
    steps, seconds, largest = run(Periodic(60), args.persona, args.days)
    print(f"hourly suggestions: {steps / seconds:,.0f} env steps/s; "
          f"largest memory observation over {args.days} days: {largest} characters")


if __name__ == "__main__":
    main()
