"""Train PPO and DQN (Stable-Baselines3) on ProPerSim-v0 and compare them with the baselines.

    .venv/bin/python agents/train_sb3.py --personas 1,8,17,32 --timesteps 300000 \\
        --algos ppo,dqn --eval-seeds 1000-1004 --out runs/sb3

One model per algorithm serves all the given personas: it trains on
``propersim_env.make_sb3_env`` (the numeric features, a hashed embedding of
what the resident is doing and a one-hot of the persona as a ``Box``; the
suggestion catalog plus the no-op as ``Discrete``), with the personas drawn at
random at each reset, for ``--timesteps`` decisions. Each model is saved to
``OUT/<algo>.zip``, loaded back, and the loaded model is evaluated with the
baselines on the held-out seeds (seeds never used in training: training
episodes come from ``--train-seed``'s stream), one episode of ``--days`` days
per persona and seed, on the text env ``ProPerSim-v0`` itself. Prints a table
of means per policy and writes ``OUT/summary.csv`` in the policy benchmark's
format (``policy,persona,seed,day,mean_score,recs_per_hour,success_rate``,
the per-criterion means, ``suggestion_mean,noop_mean,decisions``).

Needs the ``sb3`` extra (``pip install -e ".[sb3]"``).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `agents` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.baselines import Policy, make_policy
from propersim_env.core import NO_RECOMMENDATION
from agents.runner import daily_summary, run_episode, write_summary_csv
from propersim_env.envs.sb3 import BoxEncoder, action_index, catalog_actions, make_sb3_env
from propersim_env.argtypes import names_from, persona_ids, seeds
from propersim_env.core import add_arguments
from propersim_env.envs import EnvConfig

ALGOS = ("ppo", "dqn")
BASELINES = ("never", "always", "random", "periodic", "heuristic", "oracle")
TEXT_EMBEDDING = 64
"""Dimensions of the hashed embedding of ``user_action`` in the trained models' observation."""


def env_kwargs(personas: Sequence[int], days: int) -> dict:
    """What ``make_sb3_env`` gets, for training and for rebuilding the observation at evaluation."""
    return {"persona": list(personas), "days": days, "text_embedding": TEXT_EMBEDDING, "persona_one_hot": True}


def make_vec(personas: Sequence[int], days: int, n_envs: int, seed: int, vec: str = "dummy"):
    """``n_envs`` copies of the SB3 env in a ``DummyVecEnv`` or a ``SubprocVecEnv``."""
    from stable_baselines3.common.env_util import make_vec_env
    from stable_baselines3.common.vec_env import DummyVecEnv, SubprocVecEnv

    if vec not in ("dummy", "subproc"):
        raise ValueError(f"vec must be 'dummy' or 'subproc', got {vec!r}")
    return make_vec_env(make_sb3_env, n_envs=n_envs, seed=seed, env_kwargs=env_kwargs(personas, days),
                        vec_env_cls=SubprocVecEnv if vec == "subproc" else DummyVecEnv)


def build_model(algo: str, venv, seed: int = 0):
    """A fresh PPO or DQN with the settings used for the benchmark figures."""
    from stable_baselines3 import DQN, PPO

    if algo == "ppo":
        # short rollouts (256 steps x n_envs) give many updates per minute; gamma 0.97 looks
        # far enough ahead to see that a flood of suggestions costs the rest of the day
        return PPO("MlpPolicy", venv, seed=seed, n_steps=256, batch_size=256, n_epochs=10, gamma=0.97,
                   gae_lambda=0.9, learning_rate=3e-4, ent_coef=0.01, policy_kwargs={"net_arch": [128, 128]},
                   device="cpu", verbose=0)
    if algo == "dqn":
        # a short exploration phase: random actions are almost all suggestions, whose flood
        # drowns what a suggestion at the right moment is worth
        return DQN("MlpPolicy", venv, seed=seed, gamma=0.95, learning_rate=3e-4, buffer_size=300_000,
                   learning_starts=20_000, batch_size=256, train_freq=4, gradient_steps=2,
                   target_update_interval=1_000, exploration_fraction=0.1, exploration_final_eps=0.01,
                   policy_kwargs={"net_arch": [128, 128]}, device="cpu", verbose=0)
    raise ValueError(f"unknown algorithm {algo!r}; choose from {', '.join(ALGOS)}")


def train(algo: str, personas: Sequence[int], timesteps: int, *, days: int = 1, n_envs: int = 8, seed: int = 0,
          vec: str = "dummy"):
    """Train ``algo`` for ``timesteps`` decisions; returns the model."""
    venv = make_vec(personas, days, n_envs, seed, vec)
    try:
        return build_model(algo, venv, seed).learn(total_timesteps=timesteps)
    finally:
        venv.close()


def load(algo: str, path: str | Path):
    from stable_baselines3 import DQN, PPO

    return {"ppo": PPO, "dqn": DQN}[algo].load(str(path), device="cpu")


class SB3Policy(Policy):
    """A trained SB3 model acting on the text env: encodes the observation as the
    SB3 wrapper does and sends the chosen catalog sentence (greedy actions)."""

    def __init__(self, name: str, model, personas: Sequence[int], days: int):
        self.name = name
        self.model = model
        env = make_sb3_env(**env_kwargs(personas, days))
        self.encoder: BoxEncoder = env.env.encoder
        self.texts = catalog_actions()
        env.close()
        if model.observation_space.shape != (self.encoder.size,):
            raise ValueError(f"the model expects observations of shape {model.observation_space.shape}, "
                             f"the SB3 env gives ({self.encoder.size},)")

    def act(self, observation, info):
        box = self.encoder.encode(observation, info["persona_id"])
        action, _ = self.model.predict(box, deterministic=True)
        index = action_index(action, len(self.texts))
        return NO_RECOMMENDATION if index == 0 else self.texts[index]


def evaluate(policies: dict[str, Policy], personas: Sequence[int], seeds: Sequence[int], days: int) -> list[dict]:
    """One episode per policy, persona and seed on ``ProPerSim-v0``; the daily summary rows."""
    rows = []
    for name, policy in policies.items():
        for persona in personas:
            for seed in seeds:
                env = gym.make("ProPerSim-v0", persona=persona, days=days)
                records = run_episode(env, policy, seed)
                minutes = env.unwrapped.minutes_per_step
                env.close()
                rows += [{"policy": name, "persona": persona, "seed": seed, **row}
                         for row in daily_summary(records, minutes)]
    return rows


def table(rows: list[dict], policies: Sequence[str], personas: Sequence[int]) -> str:
    """Markdown: mean score per policy and persona, and the overall means of the study's metrics."""
    def mean(values):
        values = [v for v in values if not math.isnan(v)]
        return sum(values) / len(values) if values else math.nan

    header = ["policy", *[f"persona {p}" for p in personas], "mean_score", "recs_per_hour", "success_rate"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name in policies:
        mine = [r for r in rows if r["policy"] == name]
        cells = [f"{mean([r['mean_score'] for r in mine if r['persona'] == p]):.3f}" for p in personas]
        cells += [f"{mean([r[k] for r in mine]):.3f}" for k in ("mean_score", "recs_per_hour", "success_rate")]
        lines.append("| " + " | ".join([name, *cells]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--personas", type=persona_ids, default=[1, 8, 17, 32])
    parser.add_argument("--algos", type=names_from(ALGOS, "algorithms"), default=list(ALGOS))
    parser.add_argument("--timesteps", type=int, default=300_000, help="training decisions per algorithm")
    parser.add_argument("--n-envs", type=int, default=8)
    parser.add_argument("--vec", choices=("dummy", "subproc"), default="dummy")
    parser.add_argument("--train-seed", type=int, default=0)
    parser.add_argument("--eval-seeds", type=seeds, default=seeds("1000-1004"))
    parser.add_argument("--baselines", default=",".join(BASELINES),
                        help="baselines to compare with (comma-separated; '' for none)")
    parser.add_argument("--out", type=Path, default=Path("runs/sb3"))
    add_arguments(parser.add_argument_group("environment", "ProPerSim-v0's options, in training and evaluation"),
                  EnvConfig, ["days"])
    args = parser.parse_args(argv)
    if args.timesteps < 1 or args.n_envs < 1:
        parser.error("--timesteps and --n-envs must be positive")
    train_seeds = set(range(args.train_seed, args.train_seed + args.n_envs))  # one per training env
    overlap = sorted(set(args.eval_seeds) & train_seeds)
    if overlap:
        parser.error(f"evaluation seeds must be held out: {overlap} seed the training envs")
    baselines = [b for b in args.baselines.split(",") if b]

    import torch

    torch.set_num_threads(1)  # small networks: one thread is fastest and leaves cores to the envs
    args.out.mkdir(parents=True, exist_ok=True)
    policies: dict[str, Policy] = {}
    for algo in args.algos:
        start = time.perf_counter()
        model = train(algo, args.personas, args.timesteps, days=args.days, n_envs=args.n_envs,
                      seed=args.train_seed, vec=args.vec)
        seconds = time.perf_counter() - start
        path = args.out / f"{algo}.zip"
        model.save(str(path))
        policies[algo] = SB3Policy(algo, load(algo, path), args.personas, args.days)
        print(f"{algo}: {args.timesteps:,} decisions in {seconds:.0f} s ({args.timesteps / seconds:,.0f}/s); "
              f"saved {path}", file=sys.stderr)
    for name in baselines:
        policies[name] = make_policy(name)
    rows = evaluate(policies, args.personas, args.eval_seeds, args.days)
    write_summary_csv(rows, args.out / "summary.csv")
    print(table(rows, list(policies), args.personas))
    print(f"\nwrote {args.out / 'summary.csv'} ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
