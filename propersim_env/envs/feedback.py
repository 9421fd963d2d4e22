"""Feedback wrappers for robustness studies: noisy ratings and delayed rewards.

Both change only what the assistant is told about its decisions; the resident
and its true ratings are untouched. Each keeps the true rating of the step in
``info["true_reward"]`` and ``info["true_scores"]`` (set by the innermost
wrapper, so stacking keeps the resident's own rating), which is what a
benchmark should score a policy on.

``RatingNoise(env, p)``
    Flips each of the four 0/1 criteria independently with probability ``p``
    (0 keeps every rating, 0.5 makes the ratings pure noise, 1 inverts them);
    the reward becomes the sum of the noisy criteria, still an integer in
    0-4. ``info["scores"]`` holds the noisy criteria and
    ``info["flipped"]`` the names of those flipped. ``info["reasons"]`` keep
    the evaluator's texts. The flips come from the wrapper's own generator,
    seeded by ``reset(seed=...)``, so the environment's own draws (persona,
    the resident's day) are the same with and without noise.

``DelayedReward(env, k)``
    The rating of step ``t`` (reward, scores and reasons together) reaches
    the assistant at step ``t + k``. During the first ``k`` steps nothing is
    delivered: the reward is 0.0 and ``info["scores"]`` and
    ``info["reasons"]`` are empty. When the episode ends (terminated or
    truncated) every rating still pending is delivered at once, so the
    episode's rewards add up to the same total. ``info["delivered"]`` lists
    the ratings delivered at this step, oldest first, each as
    ``{"step", "reward", "scores", "reasons"}``; the reward is their sum and
    ``info["scores"]``/``info["reasons"]`` are those of the newest.

Stack them as ``DelayedReward(RatingNoise(env, p), k)`` to delay noisy ratings.
``env.unwrapped.score_candidates`` is not affected by either wrapper.
"""

from __future__ import annotations

from collections import deque

import gymnasium as gym
import numpy as np

_NOISE_STREAM = 0x6E6F697365  # separates the noise stream from other uses of the same seed


def _keep_truth(reward: float, info: dict) -> None:
    info.setdefault("true_reward", float(reward))
    info.setdefault("true_scores", dict(info["scores"]))


class RatingNoise(gym.Wrapper):
    """Flip each 0/1 criterion of the rating with probability ``p`` (see the module doc)."""

    def __init__(self, env: gym.Env, p: float):
        if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0.0 <= p <= 1.0:
            raise ValueError(f"RatingNoise: p must be a probability in [0, 1], got {p!r}")
        super().__init__(env)
        self.p = float(p)
        self._rng: np.random.Generator | None = None

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        if seed is not None:
            self._rng = np.random.default_rng([seed, _NOISE_STREAM])
        elif self._rng is None:
            self._rng = np.random.default_rng()
        return self.env.reset(seed=seed, options=options)

    def step(self, action):
        observation, reward, terminated, truncated, info = self.env.step(action)
        _keep_truth(reward, info)
        scores = dict(info["scores"])
        flips = self._rng.random(len(scores)) < self.p
        flipped = [name for name, flip in zip(scores, flips) if flip]
        for name in flipped:
            scores[name] = 1 - scores[name]
        info["scores"] = scores
        info["flipped"] = flipped
        return observation, float(sum(scores.values())), terminated, truncated, info


class DelayedReward(gym.Wrapper):
    """Deliver the rating of step ``t`` at step ``t + k``; flush the rest at the end (see the module doc)."""

    def __init__(self, env: gym.Env, k: int):
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
            raise ValueError(f"DelayedReward: k must be a non-negative integer number of steps, got {k!r}")
        super().__init__(env)
        self.k = int(k)
        self._pending: deque[dict] = deque()
        self._step = 0

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        self._pending.clear()
        self._step = 0
        return self.env.reset(seed=seed, options=options)

    def step(self, action):
        observation, reward, terminated, truncated, info = self.env.step(action)
        _keep_truth(reward, info)
        self._pending.append({"step": self._step, "reward": float(reward),
                              "scores": dict(info["scores"]), "reasons": dict(info["reasons"])})
        self._step += 1
        if terminated or truncated:
            delivered = list(self._pending)
            self._pending.clear()
        elif len(self._pending) > self.k:
            delivered = [self._pending.popleft()]
        else:
            delivered = []
        info["delivered"] = delivered
        info["scores"] = dict(delivered[-1]["scores"]) if delivered else {}
        info["reasons"] = dict(delivered[-1]["reasons"]) if delivered else {}
        return observation, float(sum(d["reward"] for d in delivered)), terminated, truncated, info
