"""LLM calls and tokens per decision step and per day, for the LLM evaluator's
``joint`` and ``separate`` modes with the LLM planner; and, with ``--ratings``,
seconds and prompt tokens evaluated per joint rating on a real server.

    python benchmarks/llm_calls.py [--persona 3] [--days 1] [--base-url URL --model NAME]
    python benchmarks/llm_calls.py --local --ratings 12
    python benchmarks/llm_calls.py --base-url URL --model NAME --server-log FILE --ratings 12

By default it runs against the project's local OpenAI-compatible stub
(``propersim_env.llm.stub_server``), which answers schema-valid JSON at once:
call and token counts do not depend on the model, only on the protocol.
Targets: joint mode at most 1.2 chat calls per decision step on average; the
planner at most 40 calls per simulated day.

``--ratings N`` rates N consecutive decisions (scripted resident, joint mode;
every fourth one a suggestion) and prints, per rating, the seconds, the prompt
tokens sent and the prompt tokens the server evaluated: llama.cpp reuses the
start of a prompt that matches the previous one, so a prompt that puts its
static part first is evaluated only from where the moment begins. ``--local``
starts SmolLM2-135M through llama-cpp-python's server
(:mod:`propersim_env.llm.local_server`) and reads the evaluated tokens from its
log; for a server you started yourself, pass its log with ``--server-log``
(``python -m propersim_env.llm.local_server`` prints where it is).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
from pathlib import Path

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.baselines import make_policy
from propersim_env.argtypes import persona_id, positive_int
from propersim_env.llm import Usage
from propersim_env.llm.local_server import MODEL_NAME, LocalServer, prompt_evaluations
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


def protocol_table(args, llm: dict) -> None:
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


def evaluated_tokens(log: Path | None) -> list[int] | None:
    return None if log is None else prompt_evaluations(log)


def rating_latency(args, llm: dict, log: Path | None) -> None:
    env = gym.make("ProPerSim-v0", persona=args.persona, evaluator="llm", evaluator_mode="joint", llm=llm)
    env.reset(seed=0)
    rows = []
    for i in range(args.ratings):
        before = evaluated_tokens(log)
        action = "How about a short walk in the garden to stretch your legs?" if i % 4 == 0 else ""
        *_, info = env.step(action)
        after = evaluated_tokens(log)
        usage = info["usage"]
        evaluated = None if before is None else sum(after[len(before):])
        rows.append((usage["latency_s"], usage["prompt_tokens"], evaluated, usage["calls"]))
    env.close()
    print("| rating | seconds | prompt tokens | prompt tokens evaluated | calls |")
    print("|---|---|---|---|---|")
    for i, (seconds, prompt, evaluated, calls) in enumerate(rows, 1):
        print(f"| {i} | {seconds:.2f} | {prompt} | {'?' if evaluated is None else evaluated} | {calls} |")
    cold, warm = rows[0], rows[1:]
    print(f"\ncold (first rating): {cold[0]:.2f} s, {cold[1]} prompt tokens, "
          f"{'?' if cold[2] is None else cold[2]} evaluated")
    if warm:
        evaluated = "?" if warm[0][2] is None else f"{statistics.mean(r[2] for r in warm):.0f}"
        print(f"warm (mean of ratings 2-{len(rows)}): {statistics.mean(r[0] for r in warm):.2f} s, "
              f"{statistics.mean(r[1] for r in warm):.0f} prompt tokens, {evaluated} evaluated")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persona", type=persona_id, default=3)
    parser.add_argument("--days", type=positive_int, default=1)
    parser.add_argument("--policy", default="heuristic")
    parser.add_argument("--base-url", default=None, help="an OpenAI-compatible server (default: the local stub)")
    parser.add_argument("--model", default="stub")
    parser.add_argument("--json-mode", default="auto", choices=["auto", "json_schema", "json_object"])
    parser.add_argument("--local", action="store_true",
                        help="start SmolLM2-135M through llama-cpp-python's server (the local-llm extra)")
    parser.add_argument("--server-log", type=Path, default=None,
                        help="the log of a llama-cpp-python server at --base-url (for prompt tokens evaluated)")
    parser.add_argument("--ratings", type=positive_int, default=None,
                        help="time this many joint ratings instead of counting a day's calls")
    args = parser.parse_args()
    if args.local and args.base_url:
        parser.error("--local starts its own server; leave out --base-url")
    with contextlib.ExitStack() as stack:
        log = args.server_log
        if args.local:
            server = stack.enter_context(LocalServer())
            base_url, model, log = server.base_url, MODEL_NAME, server.log_path
        elif args.base_url:
            base_url, model = args.base_url, args.model
        else:
            base_url, model = stack.enter_context(StubServer()).base_url, args.model
        llm = {"base_url": base_url, "model": model, "json_mode": args.json_mode, "timeout": 300.0}
        what = f"{args.ratings} joint ratings" if args.ratings else f"{args.days} day(s); policy {args.policy}"
        print(f"server: {base_url}; model {model}; persona {args.persona}; {what}")
        if args.ratings:
            rating_latency(args, llm, log)
        else:
            protocol_table(args, llm)


if __name__ == "__main__":
    main()
