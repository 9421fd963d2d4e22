"""The environments: ``import propersim_env`` registers ``ProPerSim-v0`` with Gymnasium.

- :mod:`.proper_sim`: :class:`ProPerSimEnv`, one assistant serving one resident;
- :mod:`.config`: :class:`EnvConfig` and :class:`HouseholdConfig`, the typed options;
- :mod:`.feedback`: wrappers that change the reward (delayed, noisy);
- :mod:`.spaces`: :class:`UnicodeText`, the text space.

Loaded on demand (not imported here): :mod:`.pettingzoo_env` (the household,
``propersim_env.parallel_env`` / ``propersim_env.env``) and :mod:`.sb3` (Box and
Discrete wrappers, ``propersim_env.make_sb3_env``)."""

from .config import EnvConfig, HouseholdConfig
from .feedback import DelayedReward, RatingNoise
from .proper_sim import STATE_VERSION, ProPerSimEnv
from .spaces import UnicodeText

ENV_ID = "ProPerSim-v0"


def register_envs() -> None:
    """Register ``ProPerSim-v0`` with Gymnasium (once per process)."""
    import gymnasium as gym

    if ENV_ID not in gym.registry:
        gym.register(id=ENV_ID, entry_point="propersim_env.envs.proper_sim:ProPerSimEnv")


__all__ = ["ENV_ID", "STATE_VERSION", "DelayedReward", "EnvConfig", "HouseholdConfig", "ProPerSimEnv", "RatingNoise",
           "UnicodeText", "register_envs"]
