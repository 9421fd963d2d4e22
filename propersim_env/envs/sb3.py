"""The bridge to Stable-Baselines3 (and any trainer that needs ``Box``/``Discrete``).

SB3 cannot take text spaces. These Gymnasium wrappers turn ``ProPerSim-v0``
into an env it can train on:

- :class:`BoxObservation`: the observation becomes one float32 ``Box`` in
  [-1, 1]: the numeric ``features`` (names in ``env.unwrapped.feature_names``),
  optionally followed by a text embedding of ``user_action`` (a hashed bag of
  words of ``text_embedding`` dimensions, or any :class:`TextEmbedder`) and a
  one-hot of the persona (for one policy serving several personas).
- :class:`CatalogActions`: the action becomes ``Discrete(K + 1)``: 0 is the
  no-op, ``1..K`` the suggestions of the project's catalog
  (:mod:`.catalog`, spanning the personas' topics, or a list you pass).
  ``info["suggestion"]`` holds the text sent (``None`` for the no-op).

``make_sb3_env(**env_kwargs)`` makes both in one call. Neither this module nor
``import propersim_env`` imports torch or stable_baselines3.

    from stable_baselines3 import PPO
    env = propersim_env.make_sb3_env(persona=7, days=1)
    model = PPO("MlpPolicy", env).learn(100_000)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from ..core import hashed_text_vector, parse_decision
from ..personas import NUM_PERSONAS
from .catalog import action_texts


@runtime_checkable
class TextEmbedder(Protocol):
    """Maps a text to a fixed-size float vector with values in [-1, 1]."""

    dim: int

    def __call__(self, text: str) -> np.ndarray: ...


class HashedTextEmbedder:
    """The package's hashed bag of words (:func:`propersim_env.core.hashed_text_vector`) as a
    :class:`TextEmbedder`: deterministic, fast, no model to download."""

    def __init__(self, dim: int = 64):
        if isinstance(dim, bool) or not isinstance(dim, int) or dim < 1:
            raise ValueError(f"text embedding dimension must be a positive integer, got {dim!r}")
        self.dim = dim

    def __call__(self, text: str) -> np.ndarray:
        return hashed_text_vector(text, self.dim)


class BoxEncoder:
    """Turns one ``ProPerSim-v0`` observation into the flat vector of :class:`BoxObservation`.

    Usable on its own, e.g. to run a trained SB3 model on the text env."""

    def __init__(self, num_features: int, text_embedding: int | TextEmbedder = 0, persona_one_hot: bool = False):
        if isinstance(text_embedding, TextEmbedder) and not isinstance(text_embedding, int):
            self.embedder: TextEmbedder | None = text_embedding
        elif isinstance(text_embedding, int) and not isinstance(text_embedding, bool) and text_embedding >= 0:
            self.embedder = HashedTextEmbedder(text_embedding) if text_embedding else None
        else:
            raise ValueError("text_embedding must be 0 (none), a positive dimension, or an object with "
                             f"`dim` and `__call__(text) -> vector`; got {text_embedding!r}")
        self.num_features = num_features
        self.persona_one_hot = bool(persona_one_hot)
        self.size = num_features + (self.embedder.dim if self.embedder else 0) + (NUM_PERSONAS if persona_one_hot else 0)

    @property
    def space(self) -> spaces.Box:
        return spaces.Box(-1.0, 1.0, shape=(self.size,), dtype=np.float32)

    def encode(self, observation: dict, persona_id: int | None = None) -> np.ndarray:
        parts = [np.asarray(observation["features"], dtype=np.float32)]
        if self.embedder is not None:
            vector = np.asarray(self.embedder(observation["user_action"]), dtype=np.float32)
            if vector.shape != (self.embedder.dim,):
                raise ValueError(f"the text embedder returned shape {vector.shape}, expected ({self.embedder.dim},)")
            parts.append(np.clip(vector, -1.0, 1.0))
        if self.persona_one_hot:
            if persona_id is None:
                raise ValueError("persona_one_hot needs the persona id")
            one_hot = np.zeros(NUM_PERSONAS, dtype=np.float32)
            one_hot[persona_id - 1] = 1.0
            parts.append(one_hot)
        return np.concatenate(parts)


class BoxObservation(gym.ObservationWrapper):
    """A ``Box`` observation: features [+ text embedding of ``user_action``] [+ persona one-hot]."""

    def __init__(self, env: gym.Env, text_embedding: int | TextEmbedder = 0, persona_one_hot: bool = False):
        super().__init__(env)
        inner = env.observation_space
        if not isinstance(inner, spaces.Dict) or "features" not in inner.spaces:
            raise TypeError(f"BoxObservation wraps an env with a Dict observation holding 'features', got {inner}")
        self.encoder = BoxEncoder(inner["features"].shape[0], text_embedding, persona_one_hot)
        self.observation_space = self.encoder.space

    def observation(self, observation: dict) -> np.ndarray:
        persona = self.env.unwrapped.persona.id if self.encoder.persona_one_hot else None
        return self.encoder.encode(observation, persona)


class CatalogActions(gym.ActionWrapper):
    """``Discrete(K + 1)`` actions: 0 is the no-op, ``i`` the ``i``-th suggestion of the catalog."""

    def __init__(self, env: gym.Env, catalog: Sequence[str] | None = None):
        super().__init__(env)
        self.texts = catalog_actions(catalog)
        self.action_space = spaces.Discrete(len(self.texts))

    def action(self, action) -> str:
        return self.texts[action_index(action, len(self.texts))]

    def step(self, action):
        text = self.action(action)
        observation, reward, terminated, truncated, info = self.env.step(text)
        info["suggestion"] = None if action_index(action, len(self.texts)) == 0 else text
        return observation, reward, terminated, truncated, info


def catalog_actions(catalog: Sequence[str] | None = None) -> tuple[str, ...]:
    """The action texts: the no-op, then the catalog (the project's by default)."""
    if catalog is None:
        return action_texts()
    if isinstance(catalog, str) or not isinstance(catalog, Sequence) or not catalog:
        raise ValueError("catalog must be a non-empty list of suggestion texts")
    for k, text in enumerate(catalog):
        if not isinstance(text, str):
            raise TypeError(f"catalog[{k}] must be text, got {type(text).__name__}")
        if parse_decision(text).noop:
            raise ValueError(f"catalog[{k}] is a no-op ({text!r}); action 0 is already the no-op")
    return (action_texts()[0], *catalog)


def action_index(action, n: int) -> int:
    """A discrete action (int, NumPy integer, or a one-element array) as an index in ``range(n)``."""
    value = np.asarray(action)
    if value.size != 1 or not np.issubdtype(value.dtype, np.integer):
        raise ValueError(f"a catalog action must be one integer in 0..{n - 1}, got {action!r}")
    index = int(value.reshape(()))
    if not 0 <= index < n:
        raise ValueError(f"catalog action {index} is out of range 0..{n - 1}")
    return index


def make_sb3_env(*, text_embedding: int | TextEmbedder = 0, persona_one_hot: bool = False,
                 catalog: Sequence[str] | None = None, **env_kwargs) -> gym.Env:
    """``ProPerSim-v0`` with a ``Box`` observation and ``Discrete(K + 1)`` catalog actions.

    ``env_kwargs`` go to ``gym.make("ProPerSim-v0", ...)`` (persona, days, ...).
    """
    env = gym.make("ProPerSim-v0", **env_kwargs)
    return CatalogActions(BoxObservation(env, text_embedding, persona_one_hot), catalog)
