"""Gymnasium environments. ``import propersim_env`` registers ``ProPerSim-v0``.

Loaded on demand (not imported here): :mod:`.pettingzoo_env` (the household,
``propersim_env.parallel_env`` / ``propersim_env.env``) and :mod:`.sb3` (Box and
Discrete wrappers, ``propersim_env.make_sb3_env``)."""

from .assistant_memory import LEVELS as MEMORY_LEVELS
from .assistant_memory import AssistantMemory, Interaction
from .feedback import DelayedReward, RatingNoise
from .proper_sim import ProPerSimEnv
from .spaces import UnicodeText

ENV_ID = "ProPerSim-v0"


def register_envs() -> None:
    """Register ``ProPerSim-v0`` with Gymnasium (once per process)."""
    import gymnasium as gym

    if ENV_ID not in gym.registry:
        gym.register(id=ENV_ID, entry_point="propersim_env.envs.proper_sim:ProPerSimEnv")


__all__ = ["ENV_ID", "MEMORY_LEVELS", "AssistantMemory", "DelayedReward", "Interaction", "RatingNoise",
           "ProPerSimEnv", "UnicodeText", "register_envs"]
