"""ProPerSim-v1: how often the resident acts on a suggestion, by its rating and by the persona's traits.

    python benchmarks/v1_acceptance.py [--policies random,heuristic,oracle] [--personas all] [--days 2] [--seed 0]

Runs each of ``--policies`` on ``ProPerSim-v1`` for every persona (the default
mix makes suggestions of every rating) and prints, over all suggestions made (no-ops are never accepted or declined): the acceptance rate
per rating (0-4), and per combination of agreeableness and openness (the two
traits that raise it), with the counts behind each rate.
"""

from __future__ import annotations

import argparse
from collections import Counter

import gymnasium as gym

import propersim_env  # noqa: F401  (registers the envs)
from agents.baselines import make_policy
from propersim_env.argtypes import persona_ids, positive_int
from propersim_env.personas import load_persona


def acceptance(policy_names: list[str], personas: list[int], days: int, seed: int) -> tuple[Counter, Counter]:
    """(asked, accepted) counted by ``("rating", r)`` and ``("traits", (A, O))``."""
    asked, accepted = Counter(), Counter()
    for policy_name, pid in ((p, pid) for p in policy_names for pid in personas):
        levels = load_persona(pid).big_five
        traits = ("traits", (levels["agreeableness"], levels["openness"]))
        env = gym.make("ProPerSim-v1", persona=pid, days=days)
        policy = make_policy(policy_name)
        observation, info = env.reset(seed=seed)
        policy.reset(seed, info)
        truncated = False
        while not truncated:
            observation, _, _, truncated, info = env.step(policy.act(observation, info))
            policy.observe(info["rating"], info)
            if info["accepted"] is None:
                continue
            for key in (("rating", round(info["rating"])), traits):
                asked[key] += 1
                accepted[key] += info["accepted"]
        env.close()
    return asked, accepted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policies", type=lambda text: text.split(","), default=["random", "heuristic", "oracle"],
                        help="comma-separated baseline names (default: random,heuristic,oracle)")
    parser.add_argument("--personas", type=persona_ids, default=list(range(1, 33)),
                        help="ids 1-32, comma-separated, or 'all' (default)")
    parser.add_argument("--days", type=positive_int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    asked, accepted = acceptance(args.policies, list(args.personas), args.days, args.seed)
    print(f"ProPerSim-v1, policies {','.join(args.policies)}, {len(args.personas)} personas x {args.days} days, seed {args.seed}")
    print("\nacceptance by rating:")
    for r in range(5):
        n = asked[("rating", r)]
        print(f"  rating {r}: {accepted[('rating', r)] / n:.2f} of {n}" if n else f"  rating {r}: no suggestions")
    print("\nacceptance by agreeableness / openness:")
    for a in ("high", "low"):
        for o in ("high", "low"):
            n = asked[("traits", (a, o))]
            rate = f"{accepted[('traits', (a, o))] / n:.2f} of {n}" if n else "no suggestions"
            print(f"  A {a:4} O {o:4}: {rate}")


if __name__ == "__main__":
    main()
