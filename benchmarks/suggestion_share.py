"""The share of genuine suggestions a policy model writes under each prompt style.

    python benchmarks/suggestion_share.py --personas 3,26 --samples 4 --seconds-per-step 600

For each persona, one simulated day of ``ProPerSim-v0`` (a decision every
``--seconds-per-step`` seconds while the resident is awake; the env's default
memory level). At every moment the prompt of each style in ``--styles``
(:data:`agents.proper_assistant.prompt.PROMPT_STYLES`) is built from the same
moment and memory (ProPerAssistant's :class:`InteractionMemory` at the env's
default memory level), SmolLM2-135M-Instruct writes ``--samples`` answers in
one ``generate(messages, n, seed)`` call (the same seed for every style), and
every answer is

- classified by :func:`agents.proper_assistant.suggestion_kind.classify`
  (noop, suggestion, meta, fragment), with the resident's name known, and
- rated by the env's judge: ``env.unwrapped.score_candidates`` of the
  decisions :func:`read_completion` reads from the answers.

"No Recommendation" is deployed to the env at every step, so the day and the
memory are the same for every style. Prints, per persona and style and over
all personas: samples, the share of each kind (and of genuine suggestions
among the answers that are not the no-op), how many genuine suggestions are
an example answer word for word, the mean rating of genuine suggestions, of
meta talk and fragments together (does the judge still reward junk?) and of
no-ops, and the seconds spent generating; the share of each kind that meets
each of the judge's criteria; then ten example answers per style with their
kind and rating. Writes every sample to ``--out`` (JSON); ``--from-json``
classifies an earlier file's samples again and prints its tables.

Sampling: the model samples at its defaults (temperature 1.0, top-p 0.95),
through :meth:`LocalPolicyModel.generate`: the prompt read once for the
samples of a moment, the style's static start (system message and examples)
kept from moment to moment, a sample ended once its decision is settled.
``--stock-generate`` samples with ``transformers``' stock loop instead (the
prompt read once per sample; the same tokens for a seed), ``--full-answers``
to the end of each answer.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gymnasium as gym
import numpy as np

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from agents.proper_assistant import AssistantConfig, InteractionMemory, LocalPolicyModel
from agents.proper_assistant.prompt import (
    PROMPT_STYLES,
    build_messages,
    read_completion,
)
from agents.proper_assistant.suggestion_kind import KINDS, classify
from propersim_env.argtypes import persona_ids, positive_int
from propersim_env.core import NO_RECOMMENDATION
from propersim_env.envs import EnvConfig
from propersim_env.seat.observation import observed_time

JUNK = ("meta", "fragment")


def run_persona(policy, persona: int, styles: list[str], samples: int, seconds_per_step: int, memory_chars: int,
                seed: int, every: int, progress: bool) -> tuple[list[dict], dict[str, float]]:
    """Every sample of one simulated day of ``persona`` under each style, and the seconds each style took."""
    env = gym.make("ProPerSim-v0", persona=persona, seconds_per_step=seconds_per_step, days=1)
    level = EnvConfig().memory_level
    memory = InteractionMemory(level, max_chars=memory_chars)
    memory.reset(seed)
    observation, info = env.reset(seed=seed)
    name = env.unwrapped.persona.name
    rng = np.random.default_rng(seed)
    seconds = dict.fromkeys(styles, 0.0)
    rows: list[dict] = []
    bar = _bar(persona, progress)
    step = 0
    while True:
        now, action = observed_time(observation), observation["user_action"]
        moment_seed = int(rng.integers(2**31))
        if step % every == 0:
            memory_text = memory.to_text(now, action)
            for style in styles:
                messages = build_messages(observation["time"], action, memory_text, style=style)
                start = time.perf_counter()
                raw = policy.generate(messages, samples, moment_seed)
                tokens = _prompt_tokens(policy, messages)
                seconds[style] += time.perf_counter() - start
                decisions = [read_completion(t) for t in raw]
                ratings = env.unwrapped.score_candidates(decisions)
                for i, (text, rating) in enumerate(zip(raw, ratings)):
                    kind = classify(text, (name,))
                    rows.append({"persona": persona, "style": style, "time": observation["time"], "activity": action,
                                 "seed": moment_seed, "sample": i, "raw": text, "decision": kind.decision,
                                 "kind": kind.kind, "why": kind.why, "rating": rating.total, "prompt_tokens": tokens,
                                 "scores": dict(rating.scores)})
        observation, reward, _, truncated, info = env.step(NO_RECOMMENDATION)
        memory.record(now, action, None, int(reward), info["reasons"])
        step += 1
        if bar is not None:
            bar.update(1)
        if truncated:
            break
    if bar is not None:
        bar.close()
    env.close()
    return rows, seconds


def _prompt_tokens(policy, messages) -> int:
    tok = getattr(policy, "policy", policy).tokenizer
    return len(tok.apply_chat_template(messages, add_generation_prompt=True, return_dict=True)["input_ids"])


def _bar(persona, progress):
    if not progress:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(desc=f"persona {persona}", unit="step", file=sys.stderr, dynamic_ncols=True)


def _copied(row: dict) -> bool:
    """Whether a genuine suggestion is one of its prompt's example answers word for word."""
    answers = {a.lower().strip(" .!?") for _, a in PROMPT_STYLES[row["style"]].examples if a != NO_RECOMMENDATION}
    return row["kind"] == "suggestion" and row["decision"].lower().strip(" .!?") in answers


def summary(rows: list[dict], seconds: float) -> dict:
    kinds = Counter(r["kind"] for r in rows)
    n = len(rows)

    def mean(xs):
        return statistics.fmean(xs) if xs else float("nan")

    return {"samples": n, **{k: kinds[k] / n if n else float("nan") for k in KINDS},
            "suggestion_of_answers": kinds["suggestion"] / (n - kinds["noop"]) if n > kinds["noop"] else float("nan"),
            "copied": sum(map(_copied, rows)) / kinds["suggestion"] if kinds["suggestion"] else float("nan"),
            "rating_suggestion": mean([r["rating"] for r in rows if r["kind"] == "suggestion"]),
            "rating_junk": mean([r["rating"] for r in rows if r["kind"] in JUNK]),
            "rating_noop": mean([r["rating"] for r in rows if r["kind"] == "noop"]),
            "seconds": seconds}


def table(title: str, stats: dict[str, dict]) -> str:
    head = ("| style | samples | noop | suggestion | meta | fragment | suggestion of non-noop | "
            "suggestions copied from an example | rating: suggestion | rating: meta+fragment | rating: noop | seconds |")
    lines = [f"\n{title}\n", head, "|" + "---|" * 12]
    for style, s in stats.items():
        lines.append(f"| {style} | {s['samples']} | {s['noop']:.1%} | {s['suggestion']:.1%} | {s['meta']:.1%} | "
                     f"{s['fragment']:.1%} | {s['suggestion_of_answers']:.1%} | {s['copied']:.0%} | "
                     f"{s['rating_suggestion']:.2f} | "
                     f"{s['rating_junk']:.2f} | {s['rating_noop']:.2f} | {s['seconds']:.0f} |")
    return "\n".join(lines)


def examples(rows: list[dict], style: str, k: int, seed: int) -> str:
    pool = [r for r in rows if r["style"] == style]
    chosen = random.Random(seed).sample(pool, min(k, len(pool)))
    out = [f"\n{k} example answers, {style}:"]
    for r in chosen:
        out.append(f"- [{r['kind']}, {r['rating']}/4] {r['raw'].strip()[:160]!r}"
                   + ("" if r["decision"] == r["raw"].strip() else f"  -> {r['decision'][:100]!r}"))
    return "\n".join(out)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[1:]))
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--persona", type=int, choices=range(1, 33), metavar="ID", help="one persona (default 3)")
    who.add_argument("--personas", type=persona_ids, help="comma-separated persona ids")
    parser.add_argument("--styles", default=",".join(PROMPT_STYLES),
                        help=f"comma-separated prompt styles, from {', '.join(PROMPT_STYLES)} (default: all)")
    parser.add_argument("--samples", type=positive_int, default=4, help="answers per moment (default 4)")
    parser.add_argument("--seconds-per-step", type=positive_int, default=600,
                        help="simulated seconds between decisions (default 600: one every 10 minutes)")
    parser.add_argument("--memory-chars", type=positive_int, default=AssistantConfig().memory_chars,
                        help="the most characters of memory text in the prompt (default: ProPerAssistant's)")
    parser.add_argument("--every", type=positive_int, default=1, help="sample every Nth moment only (default 1)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-new-tokens", type=positive_int, default=48)
    parser.add_argument("--threads", type=positive_int, default=1,
                        help="torch threads (default 1: on a shared CPU, more threads wait on each other; "
                             "one thread decoded 7x faster than two on a busy two-core machine)")
    parser.add_argument("--stock-generate", action="store_true",
                        help="transformers' stock sampling (the prompt read once per sample; slower)")
    parser.add_argument("--full-answers", action="store_true",
                        help="sample every answer to its end, not only until its decision is settled")
    parser.add_argument("--examples", type=int, default=10, help="example answers printed per style (default 10)")
    parser.add_argument("--out", type=Path, default=Path("runs/suggestion_share.json"))
    parser.add_argument("--no-progress", action="store_true")
    parser.add_argument("--from-json", type=Path, metavar="FILE",
                        help="no sampling: classify the samples of an earlier --out FILE again (with the current "
                             "classifier) and print its tables")
    args = parser.parse_args(argv)
    args.personas = args.personas or [args.persona or 3]
    args.styles = [s.strip() for s in args.styles.split(",") if s.strip()]
    unknown = [s for s in args.styles if s not in PROMPT_STYLES]
    if unknown or not args.styles:
        parser.error(f"unknown prompt style(s) {unknown}; choose from {', '.join(PROMPT_STYLES)}")
    return args


def report(rows: list[dict], personas: list[int], styles: list[str], seconds: dict, n_examples: int,
           seed: int, persona_tables: bool = True) -> tuple[dict, dict]:
    """Print the tables and examples of ``rows``; ``seconds[persona][style]``."""
    per_persona = {}
    for persona in personas:
        got = [r for r in rows if r["persona"] == persona]
        per_persona[persona] = {s: summary([r for r in got if r["style"] == s], seconds[persona][s]) for s in styles}
        if persona_tables:
            print(table(f"persona {persona}", per_persona[persona]), flush=True)
    overall = {s: summary([r for r in rows if r["style"] == s], sum(seconds[p][s] for p in personas))
               for s in styles}
    if len(personas) > 1:
        print(table(f"all personas ({', '.join(map(str, personas))})", overall))
    print(criteria_table(rows, styles))
    for s in styles if n_examples > 0 else ():
        print(examples(rows, s, n_examples, seed))
    return per_persona, overall


def criteria_table(rows: list[dict], styles: list[str]) -> str:
    """The share of samples of each kind that meet each of the judge's criteria."""
    criteria = list(rows[0]["scores"]) if rows else []
    lines = ["\nthe judge's criteria met, by kind (all personas)\n",
             "| style | kind | samples | " + " | ".join(criteria) + " | mean rating |", "|" + "---|" * (4 + len(criteria))]
    for style in styles:
        for kind in KINDS:
            got = [r for r in rows if r["style"] == style and r["kind"] == kind]
            if got:
                met = " | ".join(f"{statistics.fmean(r['scores'][c] for r in got):.0%}" for c in criteria)
                lines.append(f"| {style} | {kind} | {len(got)} | {met} | {statistics.fmean(r['rating'] for r in got):.2f} |")
    return "\n".join(lines)


def reclassify(path: Path, n_examples: int) -> int:
    data = json.loads(path.read_text())
    rows = data["samples"]
    names = {}
    for r in rows:
        if r["persona"] not in names:
            from propersim_env.personas import load_persona

            names[r["persona"]] = load_persona(r["persona"]).name
        kind = classify(r["raw"], (names[r["persona"]],))
        r["kind"], r["why"] = kind.kind, kind.why
    personas = list(dict.fromkeys(r["persona"] for r in rows))
    styles = list(dict.fromkeys(r["style"] for r in rows))
    seconds = {p: {s: data["per_persona"][str(p)][s]["seconds"] for s in styles} for p in personas}
    report(rows, personas, styles, seconds, n_examples, data["args"]["seed"])
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.from_json:
        return reclassify(args.from_json, args.examples)
    wall = time.perf_counter()
    import torch

    torch.set_num_threads(args.threads)
    policy = LocalPolicyModel.smollm2(max_new_tokens=args.max_new_tokens, share_prompt=not args.stock_generate,
                                      stop_when_decided=not args.full_answers)
    rows: list[dict] = []
    seconds: dict[int, dict[str, float]] = {}
    for persona in args.personas:
        got, seconds[persona] = run_persona(policy, persona, args.styles, args.samples, args.seconds_per_step,
                                            args.memory_chars, args.seed, args.every, not args.no_progress)
        rows += got
        print(table(f"persona {persona}", {s: summary([r for r in got if r["style"] == s], seconds[persona][s])
                                          for s in args.styles}), flush=True)
    per_persona, overall = report(rows, args.personas, args.styles, seconds, args.examples, args.seed,
                                  persona_tables=False)
    wall = time.perf_counter() - wall
    print(f"\nwall time {wall:.0f} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
                                    "wall_seconds": wall, "per_persona": per_persona, "overall": overall,
                                    "samples": rows}, indent=1))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
