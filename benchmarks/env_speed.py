"""ProPerSim-v0 and -v1 speed on the embedded default, the judge's reading speed, and the
memory-observation size.

    python benchmarks/env_speed.py [--days 14] [--persona 1] [--texts 300]

Prints, on this machine:

- the one-off cost of loading the judge (spaCy's English pipeline and the word tables);
- env steps per second with the never-suggest policy (target: at least 5,000) and with the
  heuristic policy (target: at least 3,000), the judge loaded; the same for ``ProPerSim-v1``
  (never-suggest, target at least 5,000, and needs_aware) and for the v1 household of three
  (household steps per second, all assistants silent);
- how long reading a never-seen ~20-word suggestion takes on one core (target: at most
  10 ms) and a seen one (target: at most 50 µs): run in a child process pinned to one
  core with single-threaded math libraries;
- the largest ``memory`` observation over an episode with hourly suggestions (bounded).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import time

ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run(policy, persona: int, days: int, seed: int = 0, env_id: str = "ProPerSim-v0") -> tuple[int, float, int]:
    import gymnasium as gym

    env = gym.make(env_id, persona=persona, days=days)
    observation, info = env.reset(seed=seed)
    policy.reset(seed, info)
    steps, largest = 0, len(observation["memory"])
    start = time.perf_counter()
    while True:
        observation, reward, terminated, truncated, info = env.step(policy.act(observation, info))
        policy.observe(reward, info)
        steps += 1
        largest = max(largest, len(observation["memory"]))
        if terminated or truncated:
            break
    return steps, time.perf_counter() - start, largest


def run_household(personas: list[int], days: int, seed: int = 0) -> tuple[int, float]:
    """Household steps (someone awake) and seconds for the v1 household, every assistant silent."""
    import propersim_env

    env = propersim_env.parallel_env_v1(personas=personas, days=days)
    env.reset(seed=seed)
    steps, start = 0, time.perf_counter()
    while env.agents:
        env.step(dict.fromkeys(env.agents, ""))
        steps += 1
    return steps, time.perf_counter() - start


def novel_suggestions(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct suggestions of about 20 words, put together from parts so that none was read before."""
    rng = random.Random(seed)
    openers = ["How about", "Maybe", "Why not try", "You could enjoy", "Perhaps", "Consider"]
    things = ["a slow walk around the garden", "a pot of green tea by the window", "a chapter of your novel",
              "some jazz on the record player", "a short stretch on the mat", "a new soup with the leftover vegetables",
              "ten minutes of sketching the view", "a call to an old friend", "watering the herbs on the sill",
              "a gentle yoga flow", "a crossword at the table", "tidying one drawer of the desk"]
    when = ["before dinner tonight", "while the light is still good", "to unwind after a long afternoon",
            "since the rain has stopped", "and then rest your eyes", "with the window open a little",
            "before the evening news", "as the kettle boils"]
    texts: set[str] = set()
    while len(texts) < n:
        texts.add(f"{rng.choice(openers)} {rng.choice(things)} {rng.choice(when)}, {rng.choice(when)}, "
                  f"on day {rng.randrange(1000)}?")
    return sorted(texts)


def reading_speed(n: int) -> None:
    """(In a child process pinned to one core.) Print the time to read new and seen suggestions."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from propersim_env.evaluation.reading import read, warm_up

    warm_up()
    texts = novel_suggestions(n)
    start = time.perf_counter()
    for t in texts:
        read(t)
    new = (time.perf_counter() - start) / n
    start = time.perf_counter()
    for _ in range(20):
        for t in texts:
            read(t)
    seen = (time.perf_counter() - start) / (20 * n)
    words = sum(len(t.split()) for t in texts) / n
    print(f"reading a never-seen suggestion ({words:.0f} words, one core): {new * 1000:.2f} ms (target <= 10 ms); "
          f"a seen one: {seen * 1e6:.2f} µs (target <= 50 µs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--persona", type=int, default=1)
    parser.add_argument("--texts", type=int, default=300, help="never-seen suggestions to read")
    parser.add_argument("--reading-only", action="store_true", help=argparse.SUPPRESS)  # the pinned child
    args = parser.parse_args()
    if args.reading_only:
        reading_speed(args.texts)
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}")
    start = time.perf_counter()
    import propersim_env  # noqa: F401  (registers ProPerSim-v0)
    from agents.baselines import Never, Periodic, make_policy
    from propersim_env.evaluation.reading import warm_up

    loaded = time.perf_counter() - start
    print(f"loading the judge: {loaded + warm_up():.1f} s (once per process)")
    steps, seconds, _ = run(Never(), args.persona, args.days)
    print(f"never-suggest: {steps} decision steps over {args.days} days in {seconds:.2f} s "
          f"= {steps / seconds:,.0f} env steps/s (target >= 5,000)")
    steps, seconds, _ = run(make_policy("heuristic"), args.persona, args.days)
    print(f"heuristic: {steps / seconds:,.0f} env steps/s (target >= 3,000)")
    steps, seconds, largest = run(Periodic(60), args.persona, args.days)
    print(f"hourly suggestions: {steps / seconds:,.0f} env steps/s; "
          f"largest memory observation over {args.days} days: {largest} characters")
    steps, seconds, _ = run(Never(), args.persona, args.days, env_id="ProPerSim-v1")
    print(f"ProPerSim-v1 never-suggest: {steps / seconds:,.0f} env steps/s (target >= 5,000)")
    steps, seconds, _ = run(make_policy("needs_aware"), args.persona, args.days, env_id="ProPerSim-v1")
    print(f"ProPerSim-v1 needs_aware: {steps / seconds:,.0f} env steps/s")
    steps, seconds = run_household([1, 2, 3], min(args.days, 3))
    print(f"v1 household of three, all silent: {steps / seconds:,.0f} household steps/s "
          f"({3 * steps / seconds:,.0f} agent decisions/s)")
    sys.stdout.flush()
    subprocess.run([sys.executable, __file__, "--reading-only", "--texts", str(args.texts)],
                   env={**os.environ, **ONE_CORE}, check=True)


if __name__ == "__main__":
    main()
