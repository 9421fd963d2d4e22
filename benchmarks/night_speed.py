"""Time one GRPO night beside one DPO night of SmolLM2-135M's LoRA adapter, on the same day of data, on this CPU.

    .venv/bin/python benchmarks/night_speed.py                       # 32 GRPO prompts vs 200 DPO pairs, both in full
    .venv/bin/python benchmarks/night_speed.py --dpo-steps 10 --grpo-steps 4   # quicker, extrapolated

The day is what ProPerAssistant keeps (``benchmarks/dpo_update_speed.py``
builds its pairs the same way): one episode of persona 3 with the heuristic
policy deciding and the assistant's memory at each step (``--memory-chars``,
default 400) in the prompt; at every step the moment
(``env.unwrapped.moment()``) and a pair, a catalog suggestion against "No
Recommendation". The DPO night trains on ``--pairs`` of the pairs (the
``equally200`` replay's 200); the GRPO night on ``--prompts`` of the day's
moments drawn as ProPerAssistant draws them, each sampled
``--num-generations`` times with up to ``--max-completion-length`` tokens and
rated by the resident at its moment. Both with the fast CPU settings of
``dpo_update_speed.py`` (no activation checkpointing, LoRA on the top 8 of 30
layers, one torch thread per core, bf16 autocast where native; DPO's reference
log-probabilities computed once) and ``max_length`` fitted to the longest
prompt; otherwise :class:`TrainingConfig`'s defaults (batch 4: four pairs /
four prompts with their groups a step; 2 epochs, ``--epochs`` to change).

Either night can be timed on fewer optimizer steps (``--dpo-steps``,
``--grpo-steps``): a proportional subset trains and the full night is
extrapolated from the seconds per step; the output says so. Prints per night
the seconds, seconds per step and per row (pair or prompt; a GRPO step
includes sampling its groups). Timings on shared machines are noisy; the
output names the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gymnasium as gym
import numpy as np

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.baselines import make_policy
from agents.catalog import all_suggestions
from agents.proper_assistant import InteractionMemory, LocalPolicyModel, TrainingConfig, train_adapter
from agents.proper_assistant.preferences import Pair, dpo_rows
from agents.proper_assistant.prompt import build_messages, read_completion
from dpo_update_speed import SETTINGS
from propersim_env.argtypes import positive_int
from propersim_env.core import NO_RECOMMENDATION
from propersim_env.rewards import MomentStore, reward_functions
from propersim_env.seat.observation import observed_time

FAST = {k: v for k, v in SETTINGS["fast"]["config"].items() if k not in ("max_length", "precompute_ref_log_probs")}


def collect_day(memory_chars: int, seed: int = 0, persona: int = 3):
    """One simulated day: per step the prompt, the moment (in the returned store) and a pair."""
    rng = np.random.default_rng(seed)
    suggestions = [text for _, text in all_suggestions()]
    memory = InteractionMemory("ASCR", max_chars=memory_chars)
    memory.reset(seed)
    env = gym.make("ProPerSim-v0", persona=persona, days=1)
    policy = make_policy("heuristic")
    observation, info = env.reset(seed=seed)
    policy.reset(seed, info)
    store, prompts, pairs = MomentStore(), [], []
    while True:
        now, action = observed_time(observation), observation["user_action"]
        prompt = build_messages(observation["time"], action, memory.to_text(now, action))
        prompts.append({"prompt": prompt, "moment_id": store.add(env.unwrapped.moment())})
        other = suggestions[int(rng.integers(len(suggestions)))]
        pairs.append(Pair(0, prompt, NO_RECOMMENDATION, other, 3, 1) if rng.random() < 0.5
                     else Pair(0, prompt, other, NO_RECOMMENDATION, 3, 1))
        decision = policy.act(observation, info)
        observation, reward, _, truncated, info = env.step(decision)
        policy.observe(reward, info)
        memory.record(now, action, None if decision == NO_RECOMMENDATION else decision, int(reward), info["reasons"])
        if truncated:
            break
    env.close()
    return store, prompts, pairs


def draw(rows: list, n: int, seed: int) -> list:
    """``n`` rows drawn uniformly, in their order (as ProPerAssistant draws a night's moments)."""
    if len(rows) <= n:
        return list(rows)
    return [rows[i] for i in sorted(np.random.default_rng(seed).choice(len(rows), size=n, replace=False))]


def time_night(method: str, rows: list[dict], config: TrainingConfig, max_steps: int | None, **kwargs) -> dict:
    """Seconds for one night on ``rows``; with ``max_steps`` below the full count, a proportional
    subset trains (same epochs) and the night is extrapolated from its seconds per step."""
    full_steps = int(np.ceil(len(rows) / config.batch_size) * config.epochs)
    used = rows
    if max_steps and max_steps < full_steps:
        used = rows[:max(config.batch_size, round(max_steps * config.batch_size / config.epochs))]
    policy = LocalPolicyModel.smollm2()
    result = train_adapter(policy, used, config, **kwargs)
    per_step = result["seconds"] / result["steps"]
    full = per_step * full_steps
    return {"method": method, "rows": len(rows), "steps": result["steps"], "full_steps": full_steps,
            "per_step": per_step, "full_seconds": full, "per_row": full / len(rows), "measured": used is rows,
            "too_long": result["too_long"], **{k: v for k, v in result.items() if k.startswith("reward_")}}


def report(night: dict, args: argparse.Namespace) -> None:
    how = "measured" if night["measured"] else f"extrapolated from {night['steps']} steps"
    what = "pairs" if night["method"] == "DPO" else f"prompts x {args.num_generations} samples"
    rewards = f"; mean reward {night['reward_total']:.2f}" if "reward_total" in night else ""
    print(f"{night['method']:>4} night: {night['rows']} {what}, {args.epochs:g} epochs, {night['full_steps']} steps: "
          f"{night['full_seconds']:.0f} s ({how}); {night['per_step']:.1f} s/step, {night['per_row']:.1f} s per "
          f"{'pair' if night['method'] == 'DPO' else 'prompt'}{rewards}", flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pairs", type=positive_int, default=200, help="DPO pairs of the night (default 200)")
    p.add_argument("--prompts", type=positive_int, default=32, help="GRPO prompts of the night (default 32)")
    p.add_argument("--num-generations", type=positive_int, default=4)
    p.add_argument("--max-completion-length", type=positive_int, default=32)
    p.add_argument("--epochs", type=float, default=2.0, help="both nights' passes (default 2)")
    p.add_argument("--memory-chars", type=positive_int, default=400)
    p.add_argument("--dpo-steps", type=positive_int, default=None, help="time only this many DPO steps")
    p.add_argument("--grpo-steps", type=positive_int, default=None, help="time only this many GRPO steps")
    p.add_argument("--skip-dpo", action="store_true", help="time the GRPO night only")
    args = p.parse_args(argv)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    store, prompts, pairs = collect_day(args.memory_chars)
    tokenizer = LocalPolicyModel.smollm2().tokenizer
    longest = max(len(tokenizer.apply_chat_template(r["prompt"], add_generation_prompt=True, return_dict=True)
                      ["input_ids"]) for r in prompts)
    max_length = longest + max(args.max_completion_length, 64)
    print(f"one day: {len(prompts)} steps; prompts up to {longest} tokens; max_length {max_length}")
    nights = []
    if not args.skip_dpo:
        config = TrainingConfig(method="dpo", epochs=args.epochs, max_length=max_length,
                                precompute_ref_log_probs=True, **FAST)
        nights.append(time_night("DPO", dpo_rows(draw(pairs, args.pairs, 0)), config, args.dpo_steps))
        report(nights[-1], args)
    config = TrainingConfig(method="grpo", epochs=args.epochs, max_length=max_length,
                            num_generations=args.num_generations, max_completion_length=args.max_completion_length,
                            **FAST)
    nights.append(time_night("GRPO", draw(prompts, args.prompts, 0), config, args.grpo_steps,
                             reward_funcs=reward_functions(store, read=read_completion)))
    report(nights[-1], args)
    if len(nights) == 2:
        dpo, grpo = nights
        print(f"GRPO / DPO: {grpo['full_seconds'] / dpo['full_seconds']:.2f}x the night, "
              f"{grpo['per_row'] / dpo['per_row']:.1f}x per prompt vs per pair")
    return 0


if __name__ == "__main__":
    sys.exit(main())
