"""Running a policy through an episode and summarising what happened per day."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from propersim_env.envs.feedback import DelayedReward, RatingNoise
from propersim_env.evaluation import CRITERIA

from .baselines import Policy, make_policy


SUMMARY_COLUMNS = ["policy", "persona", "seed", "day", "mean_score", "recs_per_hour", "success_rate",
                   *CRITERIA, "suggestion_mean", "noop_mean", "decisions", "suggestions"]
"""The per-day CSV every benchmark and training script writes: one row per policy, persona, seed and day."""


@dataclass(frozen=True)
class StepRecord:
    day: int
    reward: float
    noop: bool
    scores: dict[str, int]


def run_episode(env, policy: Policy, seed: int) -> list[StepRecord]:
    """One episode of ``env`` (already made) with ``policy``; a record per decision.

    The policy observes the feedback the env gives (noisy or delayed under the
    wrappers of :mod:`propersim_env.envs.feedback`: ``observe`` is called once
    per rating delivered); the records hold the resident's true rating."""
    observation, info = env.reset(seed=seed)
    policy.reset(seed, info)
    records = []
    while True:
        action = policy.act(observation, info)
        day = info["day"]
        observation, reward, terminated, truncated, step_info = env.step(action)
        _give_feedback(policy, reward, step_info)
        records.append(StepRecord(day, step_info.get("true_reward", reward), step_info["noop"],
                                  step_info.get("true_scores", step_info["scores"])))
        info = step_info
        if terminated or truncated:
            return records


def _give_feedback(policy: Policy, reward: float, info: dict) -> None:
    if "delivered" not in info:
        policy.observe(reward, info)
        return
    for rating in info["delivered"]:
        policy.observe(rating["reward"], {**info, "scores": rating["scores"], "reasons": rating["reasons"]})


def make_env(persona: int, days: int, noise: float = 0.0, delay: int = 0) -> gym.Env:
    """``ProPerSim-v0`` for one persona, with rating noise ``noise`` and a reward delay of ``delay`` steps."""
    env = gym.make("ProPerSim-v0", persona=persona, days=days)
    if noise:
        env = RatingNoise(env, noise)
    if delay:
        env = DelayedReward(env, delay)
    return env


def run_cell(policy: str, persona: int, seed: int, days: int, noise: float = 0.0, delay: int = 0) -> list[dict]:
    """One benchmark cell: ``policy`` (a baseline name) on ``persona`` for ``days``
    days from ``seed``; the :func:`daily_summary` rows. Deterministic for given arguments."""
    env = make_env(persona, days, noise, delay)
    try:
        records = run_episode(env, make_policy(policy), seed)
        minutes_per_step = env.unwrapped.minutes_per_step
    finally:
        env.close()
    return daily_summary(records, minutes_per_step)


def daily_summary(records: list[StepRecord], minutes_per_step: float) -> list[dict]:
    """The study's per-day metrics: mean score over all decisions (no-ops included),
    recommendations per waking hour, success rate (share of suggestions scoring 3 or
    more), per-criterion means, and the mean score of suggestions and of no-ops.
    ``suggestions`` counts the day's suggestions."""
    by_day: dict[int, list[StepRecord]] = {}
    for r in records:
        by_day.setdefault(r.day, []).append(r)
    out = []
    for day, rs in sorted(by_day.items()):
        suggestions = [r for r in rs if not r.noop]
        noops = [r for r in rs if r.noop]
        hours = len(rs) * minutes_per_step / 60
        row = {
            "day": day,
            "decisions": len(rs),
            "suggestions": len(suggestions),
            "mean_score": sum(r.reward for r in rs) / len(rs),
            "recs_per_hour": len(suggestions) / hours,
            "success_rate": (sum(r.reward >= 3 for r in suggestions) / len(suggestions)) if suggestions else math.nan,
            "suggestion_mean": (sum(r.reward for r in suggestions) / len(suggestions)) if suggestions else math.nan,
            "noop_mean": (sum(r.reward for r in noops) / len(noops)) if noops else math.nan,
        }
        for c in CRITERIA:
            row[c] = sum(r.scores[c] for r in rs) / len(rs)
        out.append(row)
    return out


def write_summary_csv(rows: list[dict], path: Path) -> None:
    """``rows`` (:func:`daily_summary` rows with ``policy``, ``persona`` and ``seed``) as the
    benchmark's CSV; undefined means (``nan``) are empty cells."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=SUMMARY_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: ("" if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()})
