"""LLM calls and tokens per decision step and per day, for the LLM evaluator's
``joint`` and ``separate`` modes with the LLM planner.

    python benchmarks/llm_calls.py [--persona 3] [--days 1] [--base-url URL --model NAME]

By default it runs against the project's local OpenAI-compatible stub
(``propersim_env.llm.stub_server``), which answers schema-valid JSON at once:
call and token counts do not depend on the model, only on the protocol.
Targets: joint mode at most 1.2 chat calls per decision step on average; the
planner at most 40 calls per simulated day.
"""

from __future__ import annotations

import argparse
import contextlib

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.baselines import make_policy
from propersim_env.llm import Usage
from propersim_env.llm.stub_server import StubServer


def measure(mode: str, persona: int, days: int, llm: dict, policy_name: str) -> tuple[int, Usage, Usage]:
    """(decision steps, the evaluator's usage, the planner's usage) over one episode."""
    env = gym.make("ProPerSim-v0", persona=persona, days=days, user_model="llm", evaluator="llm",
                   evaluator_mode=mode, llm=llm)
    client = env.unwrapped.llm_client
    policy = make_policy(policy_name)
    obs, info = env.reset(seed=0)
    policy.reset(0, info)
    steps, truncated = 0, False
    while not truncated:
        obs, reward, terminated, truncated, info = env.step(policy.act(obs, info))
        policy.observe(reward, info)
        steps += 1
    env.close()
    return steps, client.usage_by_purpose.get("evaluator", Usage()), client.usage_by_purpose.get("planner", Usage())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persona", type=int, default=3)
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--policy", default="heuristic")
    parser.add_argument("--base-url", default=None, help="an OpenAI-compatible server (default: the local stub)")
    parser.add_argument("--model", default="stub")
    parser.add_argument("--json-mode", default="json_schema", choices=["json_schema", "json_object"])
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        base_url = args.base_url or stack.enter_context(StubServer()).base_url
        llm = {"base_url": base_url, "model": args.model, "json_mode": args.json_mode}
        print(f"server: {base_url}; persona {args.persona}; {args.days} day(s); policy {args.policy}")
        print("| mode | decision steps | chat calls/step | tokens/step | chat calls/day | tokens/day "
              "| embedding calls/day | planner calls/day |")
        print("|---|---|---|---|---|---|---|---|")
        for mode in ("joint", "separate"):
            steps, ev, plan = measure(mode, args.persona, args.days, llm, args.policy)
            days = args.days
            calls = ev.calls + plan.calls
            tokens = ev.prompt_tokens + ev.completion_tokens + plan.prompt_tokens + plan.completion_tokens
            print(f"| {mode} | {steps} | {ev.calls / steps:.2f} | {tokens / steps:,.0f} | {calls / days:,.0f} "
                  f"| {tokens / days:,.0f} | {(ev.embedding_calls + plan.embedding_calls) / days:.0f} "
                  f"| {plan.calls / days:.0f} |")


if __name__ == "__main__":
    main()
