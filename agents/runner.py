"""Running a policy through an episode and summarising what happened per day."""

from __future__ import annotations

import math
from dataclasses import dataclass

from propersim_env.evaluation import CRITERIA

from .baselines import Policy


@dataclass(frozen=True)
class StepRecord:
    day: int
    reward: float
    noop: bool
    scores: dict[str, int]


def run_episode(env, policy: Policy, seed: int) -> list[StepRecord]:
    """One episode of ``env`` (already made) with ``policy``; a record per decision."""
    observation, info = env.reset(seed=seed)
    policy.reset(seed, info)
    records = []
    while True:
        action = policy.act(observation, info)
        day = info["day"]
        observation, reward, terminated, truncated, step_info = env.step(action)
        policy.observe(reward, step_info)
        records.append(StepRecord(day, reward, step_info["noop"], step_info["scores"]))
        info = step_info
        if terminated or truncated:
            return records


def daily_summary(records: list[StepRecord], minutes_per_step: float) -> list[dict]:
    """The study's per-day metrics: mean score over all decisions (no-ops included),
    recommendations per waking hour, success rate (share of suggestions scoring 3 or
    more), per-criterion means, and the mean score of suggestions and of no-ops."""
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
