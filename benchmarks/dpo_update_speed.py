"""Time one nightly DPO update of SmolLM2-135M's LoRA adapter on this CPU: naive vs fast settings.

    .venv/bin/python benchmarks/dpo_update_speed.py                 # 200 pairs, 2 epochs, both settings
    .venv/bin/python benchmarks/dpo_update_speed.py --naive-steps 2 --fast-steps 10   # quicker, extrapolated

The pairs are what ProPerAssistant collects: prompts built from a real episode
(persona 3, the heuristic policy deciding, the assistant's memory at each
step), chosen / rejected answers from the suggestion catalog and "No
Recommendation". One update is ``pairs / batch_size * epochs`` optimizer
steps (100 for 200 pairs, batch 4, 2 epochs).

- naive: TRL's defaults: activation (gradient) checkpointing on, the
  reference model's log-probabilities computed at every step, the full
  2,500-character memory in the prompt, LoRA on every layer, torch's own
  thread count, float32.
- fast: checkpointing off, reference log-probabilities computed once before
  training, a 400-character memory, ``max_length`` 512, LoRA on the top 8 of
  30 layers (the backward pass stops below them), one torch thread per core,
  bfloat16 autocast where the CPU has native bf16 (``TrainingConfig.bf16``'s
  automatic setting; the output says whether it was on).

``--fast-float32`` runs the fast setting without bf16, to see its share.
Either setting can be timed on fewer steps (``--naive-steps``, ``--fast-steps``):
a proportional subset of the pairs trains for the same epochs, so the fast
setting's one-off reference pass weighs the same per step, and the full
update is extrapolated from the seconds per step; the output says so.
Prints seconds per step, the full update's seconds, and the naive/fast ratio.
Needs the ``train`` extra. Timings on shared machines are noisy: compare the
ratio, and note the machine (printed).
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
from agents.proper_assistant.prompt import build_messages
from propersim_env.core import NO_RECOMMENDATION
from agents.proper_assistant.preferences import Pair, dpo_rows
from propersim_env.argtypes import positive_int
from propersim_env.seat.observation import observed_time

SETTINGS = {
    "naive": dict(memory_chars=2500, config=dict(gradient_checkpointing=True, precompute_ref_log_probs=False,
                                                 max_length=1024, threads=None, lora_top_layers=None,
                                                 bf16=False)),
    "fast": dict(memory_chars=400, config=dict(gradient_checkpointing=False, precompute_ref_log_probs=True,
                                               max_length=512, threads=os.cpu_count(), lora_top_layers=8,
                                               bf16=None)),
}


def collect_pairs(n: int, memory_chars: int, seed: int = 0) -> list[Pair]:
    """``n`` pairs with prompts from a real episode and catalog answers, as the assistant collects them."""
    rng = np.random.default_rng(seed)
    suggestions = [text for _, text in all_suggestions()]
    memory = InteractionMemory("ASCR", max_chars=memory_chars)
    memory.reset(seed)
    env = gym.make("ProPerSim-v0", persona=3, days=3)
    policy = make_policy("heuristic")
    observation, info = env.reset(seed=seed)
    policy.reset(seed, info)
    pairs = []
    while len(pairs) < n:
        now, action = observed_time(observation), observation["user_action"]
        prompt = build_messages(observation["time"], action, memory.to_text(now, action))
        decision = policy.act(observation, info)
        observation, reward, _, truncated, info = env.step(decision)
        policy.observe(reward, info)
        memory.record(now, action, None if decision == NO_RECOMMENDATION else decision, int(reward), info["reasons"])
        other = suggestions[int(rng.integers(len(suggestions)))]
        pairs.append(Pair(0, prompt, NO_RECOMMENDATION, other, 3, 1) if rng.random() < 0.5 else Pair(0, prompt, other, NO_RECOMMENDATION, 3, 1))
        if truncated:
            observation, info = env.reset(seed=seed + len(pairs))
    env.close()
    return pairs


def time_update(name: str, pairs: int, epochs: float, batch_size: int, max_steps: int | None,
                **overrides) -> dict:
    """Seconds for one update of ``pairs`` pairs. With ``max_steps`` below the full count, a
    proportional subset trains for the same epochs (so a one-off reference pass weighs the
    same per step) and the full update is extrapolated from its seconds per step."""
    import torch

    setting = SETTINGS[name]
    full_steps = int(np.ceil(pairs / batch_size) * epochs)
    used = pairs if not max_steps or max_steps >= full_steps else max(batch_size, round(max_steps * batch_size / epochs))
    rows = dpo_rows(collect_pairs(used, setting["memory_chars"]))
    policy = LocalPolicyModel.smollm2()
    tokens = [len(policy.tokenizer.apply_chat_template(r["prompt"] + r["chosen"], return_dict=True)["input_ids"])
              for r in rows]
    config = TrainingConfig(method="dpo", epochs=epochs, batch_size=batch_size, **{**setting["config"], **overrides})
    threads = config.threads or torch.get_num_threads()
    result = train_adapter(policy, rows, config)
    per_step = result["seconds"] / result["steps"]
    return {"steps": result["steps"], "full_steps": full_steps, "per_step": per_step, "threads": threads,
            "bf16": config.uses_bf16(),
            "full_seconds": per_step * full_steps, "mean_tokens": float(np.mean(tokens)),
            "too_long": result["too_long"], "measured_in_full": used == pairs}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pairs", type=positive_int, default=200)
    p.add_argument("--epochs", type=float, default=2.0)
    p.add_argument("--batch-size", type=positive_int, default=4)
    p.add_argument("--naive-steps", type=positive_int, default=None, help="time only this many naive steps")
    p.add_argument("--fast-steps", type=positive_int, default=None, help="time only this many fast steps")
    p.add_argument("--fast-float32", action="store_true", help="the fast setting without bf16 (to see its share)")
    args = p.parse_args(argv)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    results = []
    for name, limit in (("naive", args.naive_steps), ("fast", args.fast_steps)):
        overrides = {"bf16": False} if name == "fast" and args.fast_float32 else {}
        r = time_update(name, args.pairs, args.epochs, args.batch_size, limit, **overrides)
        results.append(r)
        how = "measured" if r["measured_in_full"] else f"extrapolated from {r['steps']} steps"
        print(f"{name:>5}: {r['per_step']:.1f} s/step ({r['mean_tokens']:.0f} prompt+answer tokens per sequence, "
              f"{r['threads']} torch threads, {'bf16' if r['bf16'] else 'float32'}, "
              f"{r['too_long']} rows over max_length); "
              f"one update ({args.pairs} pairs, {args.epochs:g} epochs, {r['full_steps']} steps): "
              f"{r['full_seconds']:.0f} s ({how})", flush=True)
    naive, fast = results
    print(f"naive / fast: {naive['full_seconds'] / fast['full_seconds']:.1f}x faster per update, "
          f"{naive['per_step'] / fast['per_step']:.1f}x per step")
    return 0


if __name__ == "__main__":
    sys.exit(main())
