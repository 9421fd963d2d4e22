"""Throughput of ProPerSim-v0: embedded default, vector envs, and an LLM in the loop.

    python benchmarks/throughput.py [--days 3] [--vec 1,2,4] [--latency-ms 100] \\
        [--concurrency 1,2,4,8,16] [--llm-steps 20]

Prints
1. env steps per second and simulated days per second on the embedded default
   (one env, the never-suggest and heuristic policies);
2. LLM calls per decision step, read from ``info["usage"]`` (the env's own
   calls: 0 on the embedded default);
3. steps per second with vector envs (sync and async) of 1, 2, 4 envs;
4. with an assistant that asks an LLM at every step, against a local
   OpenAI-compatible stub that answers after a fixed latency (``propersim_env.llm.stub_server``):
   steps per second with N envs run concurrently (one thread each, one shared
   ``openai`` client), and the speed-up over one env. Target: 16 envs at
   100 ms give at least 12 times the throughput of one.
The stub listens on 127.0.0.1 only; the requests are bounded: sum of
``--concurrency`` x ``--llm-steps`` (620 by default).
"""

from __future__ import annotations

import argparse
import platform
import threading
import time

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.baselines import Policy, make_policy
from propersim_env.core import NO_RECOMMENDATION
from propersim_env.llm.stub_server import StubServer

SYSTEM_PROMPT = ("You are a proactive home assistant. Given what the resident is doing and your memory, reply "
                 "with one short suggestion, or exactly 'No Recommendation'.")


def embedded_speed(policy: str, days: int, persona: int = 1, seed: int = 0) -> dict:
    """One episode of ``days`` days: decision steps, wall time and the env's LLM calls."""
    env = gym.make("ProPerSim-v0", persona=persona, days=days)
    agent = make_policy(policy)
    observation, info = env.reset(seed=seed)
    agent.reset(seed, info)
    steps = calls = 0
    start = time.perf_counter()
    while True:
        observation, reward, terminated, truncated, info = env.step(agent.act(observation, info))
        agent.observe(reward, info)
        steps += 1
        calls += info["usage"]["calls"]
        if terminated or truncated:
            break
    seconds = time.perf_counter() - start
    env.close()
    return {"steps": steps, "seconds": seconds, "steps_per_s": steps / seconds, "days_per_s": days / seconds,
            "llm_calls_per_step": calls / steps}


def vector_speed(num_envs: int, mode: str, steps: int) -> float:
    """Total env steps per second of a vector env of ``num_envs`` no-op envs (random personas)."""
    kwargs = {"vector_kwargs": {"shared_memory": False}} if mode == "async" else {}
    envs = gym.make_vec("ProPerSim-v0", num_envs=num_envs, vectorization_mode=mode, persona="random", days=14,
                        **kwargs)
    envs.reset(seed=0)
    actions = (NO_RECOMMENDATION,) * num_envs
    envs.step(actions)  # workers warm
    start = time.perf_counter()
    for _ in range(steps):
        envs.step(actions)
    seconds = time.perf_counter() - start
    envs.close()
    return num_envs * steps / seconds


class StubLLMPolicy(Policy):
    """Asks an OpenAI-compatible server for every decision; the reply is the action."""

    name = "stub-llm"

    def __init__(self, client, model: str = "stub"):
        self.client, self.model, self.calls = client, model, 0

    def act(self, observation, info):
        self.calls += 1
        reply = self.client.chat.completions.create(model=self.model, max_tokens=60, messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"{observation['time']}\n{observation['user_action']}\n\n"
                                        f"{observation['memory'][:2000]}"},
        ])
        return reply.choices[0].message.content or NO_RECOMMENDATION


def llm_throughput(client, num_envs: int, steps_per_env: int) -> tuple[float, float]:
    """``num_envs`` envs, each in its own thread with a stub-LLM assistant, for ``steps_per_env`` steps:
    (total steps per second, assistant LLM calls per step)."""
    envs = [gym.make("ProPerSim-v0", persona=1 + i % 32, days=1) for i in range(num_envs)]
    policies = [StubLLMPolicy(client) for _ in range(num_envs)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(num_envs + 1)

    def work(i: int) -> None:
        try:
            observation, info = envs[i].reset(seed=i)
            policies[i].reset(i, info)
            barrier.wait()
            for _ in range(steps_per_env):
                observation, reward, terminated, truncated, info = envs[i].step(policies[i].act(observation, info))
                if terminated or truncated:
                    observation, info = envs[i].reset()
        except BaseException as e:  # reported by the caller
            errors.append(e)
            barrier.abort()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(num_envs)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    if errors:
        raise RuntimeError(f"an env thread failed: {errors[0]!r}") from errors[0]
    steps = num_envs * steps_per_env
    return steps / seconds, sum(p.calls for p in policies) / steps


def _ints(text: str) -> list[int]:
    try:
        values = [int(x) for x in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated positive integers, got {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected comma-separated positive integers, got {text!r}")
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3, help="days of the embedded-default episode (default 3)")
    parser.add_argument("--vec", type=_ints, default=[1, 2, 4], help="vector env sizes (default 1,2,4)")
    parser.add_argument("--vec-steps", type=int, default=1000, help="vector steps per measurement (default 1000)")
    parser.add_argument("--latency-ms", type=float, default=100.0, help="the stub's latency (default 100)")
    parser.add_argument("--concurrency", type=_ints, default=[1, 2, 4, 8, 16],
                        help="concurrent envs against the stub (default 1,2,4,8,16)")
    parser.add_argument("--llm-steps", type=int, default=20, help="decision steps per env against the stub")
    args = parser.parse_args(argv)
    if args.days < 1 or args.vec_steps < 1 or args.llm_steps < 1:
        parser.error("--days, --vec-steps and --llm-steps must be positive")
    if not 0 <= args.latency_ms <= 10_000:
        parser.error("--latency-ms must be between 0 and 10000")
    if max(args.concurrency) > 64:
        parser.error("--concurrency: at most 64 concurrent envs")

    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"\n1-2. embedded default, one env, {args.days}-day episode of persona 1:")
    for policy in ("never", "heuristic"):
        r = embedded_speed(policy, args.days)
        print(f"  {policy:9s}: {r['steps_per_s']:8,.0f} env steps/s, {r['days_per_s']:6.2f} simulated days/s, "
              f"{r['llm_calls_per_step']:.2f} LLM calls per decision step (info['usage'])")

    print(f"\n3. vector envs, no-op actions, {args.vec_steps} vector steps each:")
    for mode in ("sync", "async"):
        base = None
        for n in args.vec:
            rate = vector_speed(n, mode, args.vec_steps)
            base = base or rate
            print(f"  {mode:5s} x{n:<2d}: {rate:8,.0f} env steps/s ({rate / base:.2f}x)")

    import openai

    print(f"\n4. assistant asking an LLM each step, stub latency {args.latency_ms:g} ms, "
          f"{args.llm_steps} steps per env:")
    with StubServer(latency=args.latency_ms / 1000) as stub:
        client = openai.OpenAI(base_url=stub.base_url, api_key="stub", max_retries=0, timeout=30)
        llm_throughput(client, 1, 2)  # connection and imports warm
        rates = {}
        for n in args.concurrency:
            rate, per_step = llm_throughput(client, n, args.llm_steps)
            rates[n] = rate
            base = rates[args.concurrency[0]]
            print(f"  {n:2d} env(s): {rate:7.1f} env steps/s, speed-up {rate / base:5.2f}x, "
                  f"{per_step:.2f} assistant LLM calls per step")
        client.close()
        print(f"  stub served {stub.count} requests")
    if 1 in rates and 16 in rates:
        ratio = rates[16] / rates[1]
        print(f"  16 envs vs 1: {ratio:.1f}x (target >= 12): {'met' if ratio >= 12 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
