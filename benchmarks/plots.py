"""PNG plots of a policy comparison (matplotlib, Agg backend: no display needed).

- ``score_per_day.png``: mean score per day per policy, with a band of one
  standard error over personas and seeds;
- ``recs_per_hour.png``: recommendations per hour per day per policy;
- ``per_persona.png``: mean score on the final day, per persona, per policy;
- ``per_criterion.png``: the share of decisions passing each criterion, and
  the mean score of suggestions vs no-ops, per policy.

Each policy keeps one colour in every plot.
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from propersim_env.evaluation import CRITERIA  # noqa: E402
from propersim_env.personas import load_persona  # noqa: E402

from report import LABELS, describe_grid  # noqa: E402

plt.rcParams.update({"font.size": 12, "axes.titlesize": 14, "axes.labelsize": 12, "legend.fontsize": 11,
                     "axes.grid": True, "grid.alpha": 0.3, "axes.spines.top": False, "axes.spines.right": False})
PLOTS = ("score_per_day.png", "recs_per_hour.png", "per_persona.png", "per_criterion.png")


def _colours(policies: list[str]) -> dict[str, tuple]:
    cmap = plt.get_cmap("tab10")
    return {p: cmap(i % 10) for i, p in enumerate(policies)}


def _nan_free(xs, ys):
    pairs = [(x, y) for x, y in zip(xs, ys) if not math.isnan(y)]
    return [x for x, _ in pairs], [y for _, y in pairs]


def _per_day(summary: dict, metric: str, ylabel: str, title: str, path: Path, band: str | None = None,
             ylim=None, symlog_ticks=None) -> None:
    days = summary["grid"]["days"]
    colours = _colours(list(summary["per_day"]))
    fig, ax = plt.subplots(figsize=(10, 6), layout="constrained")
    xs = list(range(1, days + 1))
    for policy, d in summary["per_day"].items():
        x, y = _nan_free(xs, d[metric])
        ax.plot(x, y, marker="o", linewidth=2, color=colours[policy], label=policy)
        if band:
            lo = [v - e for v, e in zip(d[metric], d[band])]
            hi = [v + e for v, e in zip(d[metric], d[band])]
            ax.fill_between(xs, lo, hi, color=colours[policy], alpha=0.15, linewidth=0)
    if symlog_ticks:
        # linear below 1, logarithmic above: 'always' sits at 24/h, most others below 2/h
        ax.set_yscale("symlog", linthresh=1, linscale=1.5)
        ax.set_yticks(symlog_ticks, [f"{t:g}" for t in symlog_ticks])
        ax.minorticks_off()
    ax.set_xlabel("simulated day")
    ax.set_ylabel(ylabel)
    if days <= 21:
        ax.set_xticks(xs)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0.7, days + 0.3)
    if ylim:
        ax.set_ylim(*ylim)
    ax.set_title(f"{title}\n{describe_grid(summary['grid'])}")
    ax.legend(title="policy", loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _per_persona(summary: dict, path: Path) -> None:
    final = summary["per_persona_final_day"]
    policies = list(final)
    personas = summary["grid"]["personas"]
    colours = _colours(policies)
    rows = 2 if len(personas) > 16 else 1
    per_row = math.ceil(len(personas) / rows)
    fig, axes = plt.subplots(rows, 1, figsize=(max(10, 0.75 * per_row + 3), 4.2 * rows + 1), squeeze=False,
                             layout="constrained")
    width = 0.8 / len(policies)
    for r, ax in enumerate(axes[:, 0]):
        chunk = personas[r * per_row:(r + 1) * per_row]
        for i, policy in enumerate(policies):
            xs = [j + (i - (len(policies) - 1) / 2) * width for j in range(len(chunk))]
            ax.bar(xs, [final[policy][str(pid)] for pid in chunk], width, color=colours[policy],
                   label=policy if r == 0 else None)
        ax.set_xticks(range(len(chunk)), [f"{pid}\n{load_persona(pid).big_five_code}" for pid in chunk],
                      fontsize=10)
        ax.set_xlim(-0.6, per_row - 0.4)
        ax.set_ylim(0, 4.05)
        ax.set_ylabel("mean score (0-4)")
        ax.grid(axis="x", visible=False)
    axes[-1, 0].set_xlabel("persona (id and Big Five levels, E A C O N: H high, L low)")
    days = summary["grid"]["days"]
    fig.suptitle(f"Mean score per persona on the final day (day {days})\n{describe_grid(summary['grid'])}",
                 fontsize=14)
    fig.legend(title="policy", loc="outside right center")
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _per_criterion(summary: dict, path: Path) -> None:
    overall = summary["overall"]
    policies = list(overall)
    colours = _colours(policies)
    fig, (left, right) = plt.subplots(1, 2, figsize=(15, 6), width_ratios=[2, 1], layout="constrained")
    width = 0.8 / len(policies)
    for ax, metrics, ylim, ylabel in ((left, CRITERIA, 1.05, "share of decisions scoring 1"),
                                      (right, ("suggestion_mean", "noop_mean"), 4.1, "mean score (0-4)")):
        for i, policy in enumerate(policies):
            xs = [j + (i - (len(policies) - 1) / 2) * width for j in range(len(metrics))]
            values = [overall[policy][m] for m in metrics]
            ax.bar(xs, [0 if math.isnan(v) else v for v in values], width, color=colours[policy],
                   label=policy if ax is left else None)
            for x, v in zip(xs, values):  # say what an empty slot means
                if math.isnan(v) or v < 0.005:
                    ax.text(x, 0.01 * ylim, "n/a" if math.isnan(v) else "0", rotation=90 if math.isnan(v) else 0,
                            ha="center", va="bottom", fontsize=9, color=colours[policy])
        ax.set_xticks(range(len(metrics)), [LABELS[m] for m in metrics])
        ax.set_ylim(0, ylim)
        ax.set_ylabel(ylabel)
        ax.grid(axis="x", visible=False)
    left.set_title("Per-criterion means (all decisions)")
    right.set_title("Score of suggestions vs no-ops")
    fig.suptitle(f"Ratings by criterion\n{describe_grid(summary['grid'])}", fontsize=14)
    fig.legend(title="policy", loc="outside right center")
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_plots(summary: dict, out: Path) -> list[Path]:
    """Draw the four plots into ``out``; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / name for name in PLOTS]
    _per_day(summary, "mean_score", "mean score per decision (0-4), no-ops included",
             "Mean score per day", paths[0], band="mean_score_sem", ylim=(0, 4.05))
    _per_day(summary, "recs_per_hour", "recommendations per waking hour\n(linear below 1, log above)",
             "Recommendations per hour, per day", paths[1], ylim=(-0.05, 30),
             symlog_ticks=[0, 0.25, 0.5, 1, 2, 5, 10, 24])
    _per_persona(summary, paths[2])
    _per_criterion(summary, paths[3])
    return paths
