"""The benchmark's numbers: per-day rows, the study's aggregates, and the
markdown table, CSV and JSON that hold them.

Averages: a row is one policy, persona, seed and day. A policy's figure for a
day is the mean over its personas and seeds; its overall figure is the mean
over all its rows. ``success_rate``, ``suggestion_mean`` and ``noop_mean`` are
undefined on a day without suggestions (or without no-ops) and such days are
left out of their means; a mean over no rows at all is ``nan`` in the CSV and
table and ``null`` in the JSON.
"""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path

from propersim_env.evaluation import CRITERIA
from propersim_env.personas import load_persona

METRICS = ["mean_score", "recs_per_hour", "success_rate", *CRITERIA, "suggestion_mean", "noop_mean"]
PER_DAY = ["mean_score", "recs_per_hour", "success_rate"]
LABELS = {"mean_score": "mean score (0-4)", "recs_per_hour": "recs/hour", "success_rate": "success (>=3)",
          "preference": "preference", "timing": "timing", "frequency": "frequency",
          "communication_safety": "comm. & safety", "suggestion_mean": "score of suggestions",
          "noop_mean": "score of no-ops"}


def mean(values) -> float:
    values = [v for v in values if not math.isnan(v)]
    return sum(values) / len(values) if values else math.nan


def sem(values) -> float:
    """Standard error of the mean (0 for fewer than two values)."""
    values = [v for v in values if not math.isnan(v)]
    return statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0


def aggregate(rows: list[dict], grid: dict) -> dict:
    """The summary: the grid, overall means per policy, per-day means, per-persona final day."""
    policies, personas, days = grid["policies"], grid["personas"], grid["days"]
    by = {}
    for r in rows:
        by.setdefault(r["policy"], []).append(r)
    overall, per_day, final = {}, {}, {}
    for p in policies:
        mine = by.get(p, [])
        overall[p] = {m: mean(r[m] for r in mine) for m in METRICS}
        per_day[p] = {m: [mean(r[m] for r in mine if r["day"] == d) for d in range(days)] for m in PER_DAY}
        per_day[p]["mean_score_sem"] = [sem([r["mean_score"] for r in mine if r["day"] == d]) for d in range(days)]
        final[p] = {str(pid): mean(r["mean_score"] for r in mine if r["persona"] == pid and r["day"] == days - 1)
                    for pid in personas}
    return {"grid": grid, "overall": overall, "per_day": per_day, "per_persona_final_day": final}


def _f(value: float, digits: int = 2) -> str:
    return "nan" if math.isnan(value) else f"{value:.{digits}f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(r) + " |" for r in rows)]


def overall_table(summary: dict) -> str:
    header = ["policy", *(LABELS[m] for m in METRICS)]
    return "\n".join(_table(header, [[p, *(_f(v[m]) for m in METRICS)] for p, v in summary["overall"].items()]))


def per_day_table(summary: dict, metric: str) -> str:
    days = summary["grid"]["days"]
    header = ["policy", *(f"day {d + 1}" for d in range(days))]
    rows = [[p, *(_f(v) for v in d[metric])] for p, d in summary["per_day"].items()]
    return "\n".join(_table(header, rows))


def per_persona_table(summary: dict) -> str:
    final = summary["per_persona_final_day"]
    policies = list(final)
    header = ["persona", "Big Five (EACON)", *policies]
    rows = [[str(pid), load_persona(pid).big_five_code, *(_f(final[p][str(pid)]) for p in policies)]
            for pid in summary["grid"]["personas"]]
    return "\n".join(_table(header, rows))


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun == "policy" else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def describe_grid(grid: dict) -> str:
    text = " x ".join(_count(n, what) for n, what in ((len(grid["policies"]), "policy"),
                                                     (len(grid["personas"]), "persona"),
                                                     (len(grid["seeds"]), "seed"), (grid["days"], "day")))
    if grid.get("split") in ("train", "test"):
        text += f", {grid['split']} personas of fold {grid['fold']}"
    if grid["noise"] or grid["delay"]:
        text += f", rating noise p={grid['noise']:g}, reward delay {_count(grid['delay'], 'step')}"
    return text


def markdown(summary: dict) -> str:
    days = summary["grid"]["days"]
    return "\n\n".join([
        f"# Policy comparison: {describe_grid(summary['grid'])}",
        "## Means over personas, seeds and days\n\n" + overall_table(summary),
        "## Mean score per day (no-ops included)\n\n" + per_day_table(summary, "mean_score"),
        "## Recommendations per hour, per day\n\n" + per_day_table(summary, "recs_per_hour"),
        "## Success rate (share of suggestions scoring 3 or more), per day\n\n"
        + per_day_table(summary, "success_rate"),
        f"## Mean score per persona on the final day (day {days})\n\n" + per_persona_table(summary),
    ]) + "\n"


def _json_safe(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def write_json(summary: dict, path: Path) -> None:
    path.write_text(json.dumps(_json_safe(summary), indent=1, allow_nan=False) + "\n")
