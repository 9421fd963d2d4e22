"""PNG plots of a policy comparison (matplotlib, Agg backend: no display needed).

- ``score_per_day.png``: mean score per day per policy, with a band of one
  standard error over personas and seeds (said on the figure);
- ``recs_per_hour.png``: recommendations per hour per day per policy, on a
  log axis with a short shaded linear strip for zero;
- ``per_persona.png``: mean score on the final day, per persona, per policy;
- ``per_criterion.png``: the share of decisions passing each criterion, and
  the mean score of suggestions vs no-ops, per policy.

Each policy keeps one colour in every plot; in the per-day plots it also has
its own marker and dash pattern, and its points are offset slightly from the
day, so policies with equal values stay visible.
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
#: added for a ProPerSim-v1 grid (``summary["v1"]``)
V1_PLOTS = ("wellbeing_per_day.png", "rating_vs_wellbeing.png")
V1_PANELS = (("wellbeing", "day-end well-being (0-1)"), ("needs_in_range", "share of needs in range"),
             ("goal_progress", "weekly goal progress"))
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")
DASHES = ("-", "--", "-.", ":", (0, (6, 2)), (0, (3, 1, 1, 1, 1, 1)), (0, (1, 2)), (0, (8, 3, 2, 3)),
          (0, (4, 4)), (0, (2, 1)))
DODGE = 0.05  # days between neighbouring policies' points on a day
BAND_NOTE = "band: \u00b11 standard error over personas and seeds"
RECS_LINTHRESH = 0.1  # recommendations per hour: linear from 0 to here, log above
RECS_LINSCALE = 0.5  # the linear strip's height, in log decades before matplotlib's base correction (0.56)


def _colours(policies: list[str]) -> dict[str, tuple]:
    cmap = plt.get_cmap("tab10")
    return {p: cmap(i % 10) for i, p in enumerate(policies)}


def _nan_free(xs, ys):
    pairs = [(x, y) for x, y in zip(xs, ys) if not math.isnan(y)]
    return [x for x, _ in pairs], [y for _, y in pairs]


def _line_styles(policies: list[str]) -> dict[str, tuple[str, object]]:
    """A marker and a dash pattern per policy: lines with equal values stay apart without colour."""
    return {p: (MARKERS[i % len(MARKERS)], DASHES[i % len(DASHES)]) for i, p in enumerate(policies)}


def _per_day(summary: dict, metric: str, ylabel: str, title: str, band: str | None = None, ylim=None):
    """One line per policy over the days; a policy's points sit slightly off the day (dodged),
    so policies with equal values do not hide each other."""
    days = summary["grid"]["days"]
    policies = list(summary["per_day"])
    colours, styles = _colours(policies), _line_styles(policies)
    fig, ax = plt.subplots(figsize=(10, 6), layout="constrained")
    xs = list(range(1, days + 1))
    for i, (policy, d) in enumerate(summary["per_day"].items()):
        shift = (i - (len(policies) - 1) / 2) * DODGE
        dodged = [x + shift for x in xs]
        x, y = _nan_free(dodged, d[metric])
        marker, dashes = styles[policy]
        ax.plot(x, y, marker=marker, markersize=7, linestyle=dashes, linewidth=2, color=colours[policy],
                label=policy)
        if band:
            lo = [v - e for v, e in zip(d[metric], d[band])]
            hi = [v + e for v, e in zip(d[metric], d[band])]
            ax.fill_between(dodged, lo, hi, color=colours[policy], alpha=0.15, linewidth=0)
    if band:
        ax.text(0.01, 0.015, BAND_NOTE, transform=ax.transAxes, fontsize=10, color="0.25",
                bbox={"facecolor": "white", "edgecolor": "0.8", "alpha": 0.9})
    ax.set_xlabel("simulated day (each policy's points are offset slightly so equal values stay visible)")
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
    return fig


def score_per_day_figure(summary: dict):
    return _per_day(summary, "mean_score", "mean score per decision (0-4), no-ops included",
                    "Mean score per day", band="mean_score_sem", ylim=(0, 4.05))


def recs_per_hour_figure(summary: dict):
    """A log axis ('always' sits at 24/h, most others below 2/h), with zero shown in a
    shaded linear strip from 0 to RECS_LINTHRESH that is shorter than one log decade."""
    fig = _per_day(summary, "recs_per_hour",
                   f"recommendations per waking hour\n(log scale; linear from 0 to {RECS_LINTHRESH:g}, shaded)",
                   "Recommendations per hour, per day")
    ax = fig.axes[0]
    ax.set_yscale("symlog", linthresh=RECS_LINTHRESH, linscale=RECS_LINSCALE)
    ax.set_ylim(-0.015, 30)  # a little below 0, so markers on 0 are not cut by the axis
    ticks = [0, 0.1, 0.25, 0.5, 1, 2, 5, 10, 24]
    ax.set_yticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    ax.axhspan(-0.015, RECS_LINTHRESH, color="0.92", zorder=0, linewidth=0)
    ax.axhline(RECS_LINTHRESH, color="0.45", linestyle=(0, (4, 3)), linewidth=1, zorder=1)
    ax.text(0.995, RECS_LINTHRESH, f"scale break at {RECS_LINTHRESH:g}: log above, linear below ",
            transform=ax.get_yaxis_transform(), ha="right", va="bottom", fontsize=9, color="0.3")
    return fig


def _save(fig, path: Path) -> None:
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


def _wellbeing_per_day(summary: dict, path: Path) -> None:
    """ProPerSim-v1: the day-end well-being and its two parts per day, one panel each."""
    per_day = summary["v1"]["per_day"]
    policies = list(per_day)
    colours, styles = _colours(policies), _line_styles(policies)
    days = summary["grid"]["days"]
    xs = list(range(1, days + 1))
    fig, axes = plt.subplots(1, len(V1_PANELS), figsize=(17, 5.5), layout="constrained", sharex=True)
    for ax, (metric, ylabel) in zip(axes, V1_PANELS):
        for i, policy in enumerate(policies):
            shift = (i - (len(policies) - 1) / 2) * DODGE
            x, y = _nan_free([x + shift for x in xs], per_day[policy][metric])
            marker, dashes = styles[policy]
            ax.plot(x, y, marker=marker, markersize=6, linestyle=dashes, linewidth=2, color=colours[policy],
                    label=policy if ax is axes[0] else None)
        ax.set_ylim(0, 1.02)
        ax.set_ylabel(ylabel)
        ax.set_xlabel("simulated day")
        if days <= 21:
            ax.set_xticks(xs)
    fig.suptitle(f"ProPerSim-v1: the resident's day-end well-being (0.7 needs in range + 0.3 goal progress)\n"
                 f"{describe_grid(summary['grid'])}", fontsize=14)
    fig.legend(title="policy", loc="outside right center")
    _save(fig, path)


def _rating_vs_wellbeing(summary: dict, path: Path) -> None:
    """ProPerSim-v1: each policy's mean rating against its mean well-being: being liked and
    doing the resident good are two different things."""
    overall, wellbeing = summary["overall"], summary["v1"]["overall"]
    policies = list(wellbeing)
    colours, styles = _colours(policies), _line_styles(policies)
    fig, ax = plt.subplots(figsize=(9, 6.5), layout="constrained")
    for policy in policies:
        x, y = overall[policy]["mean_score"], wellbeing[policy]["wellbeing"]
        ax.scatter([x], [y], s=90, color=colours[policy], marker=styles[policy][0], label=policy, zorder=3)
        ax.annotate(policy, (x, y), textcoords="offset points", xytext=(7, 5), fontsize=10)
    never = wellbeing.get("never", {}).get("wellbeing")
    if never is not None:
        ax.axhline(never, color="0.5", linestyle=(0, (4, 3)), linewidth=1)
        ax.text(0.02, never, " silence (never)", transform=ax.get_yaxis_transform(), va="bottom", fontsize=9,
                color="0.35")
    ax.set_xlim(0, 4.4)  # room for the labels of the best-rated policies
    ax.set_xlabel("mean rating per decision (0-4), no-ops included")
    ax.set_ylabel("mean day-end well-being (0-1)")
    ax.set_title(f"Rated well vs doing good (ProPerSim-v1)\n{describe_grid(summary['grid'])}")
    ax.legend(title="policy", loc="center left", bbox_to_anchor=(1.01, 0.5))
    _save(fig, path)


def write_plots(summary: dict, out: Path) -> list[Path]:
    """Draw the four plots into ``out`` (six for a ProPerSim-v1 grid); their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / name for name in PLOTS]
    _save(score_per_day_figure(summary), paths[0])
    _save(recs_per_hour_figure(summary), paths[1])
    _per_persona(summary, paths[2])
    _per_criterion(summary, paths[3])
    if "v1" in summary:
        v1_paths = [out / name for name in V1_PLOTS]
        _wellbeing_per_day(summary, v1_paths[0])
        _rating_vs_wellbeing(summary, v1_paths[1])
        paths += v1_paths
    return paths
