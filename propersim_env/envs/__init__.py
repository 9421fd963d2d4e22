"""The environments: ``import propersim_env`` registers ``ProPerSim-v0`` and ``ProPerSim-v1`` with Gymnasium.

- :mod:`.proper_sim`: :class:`ProPerSimEnv`, one assistant serving one resident;
- :mod:`.proper_sim_v1`: :class:`ProPerSimV1Env`, the same with a resident who listens;
- :mod:`.config`: :class:`EnvConfig`, :class:`EnvConfigV1`, :class:`HouseholdConfig` and
  :class:`HouseholdConfigV1`, the typed options;
- :mod:`.feedback`: wrappers that change the reward (delayed, noisy);
- :mod:`.spaces`: :class:`UnicodeText`, the text space.

Loaded on demand (not imported here): :mod:`.pettingzoo_env` (the household,
``propersim_env.parallel_env`` / ``propersim_env.env``), :mod:`.pettingzoo_v1` (its
residents listen: ``propersim_env.parallel_env_v1`` / ``propersim_env.env_v1``), :mod:`.listener`
(the listening resident both v1 envs share) and :mod:`.sb3` (Box and
Discrete wrappers, ``propersim_env.make_sb3_env``)."""

from .config import EnvConfig, EnvConfigV1, HouseholdConfig, HouseholdConfigV1
from .feedback import DelayedReward, RatingNoise
from .proper_sim import STATE_VERSION, ProPerSimEnv
from .proper_sim_v1 import ProPerSimV1Env
from .spaces import UnicodeText

ENV_ID = "ProPerSim-v0"
ENV_ID_V1 = "ProPerSim-v1"


def register_envs() -> None:
    """Register ``ProPerSim-v0`` and ``ProPerSim-v1`` with Gymnasium (once per process)."""
    import warnings

    import gymnasium as gym

    # v0 is the study's setting, kept on purpose beside v1: not "out of date" as Gymnasium would say
    warnings.filterwarnings("ignore", message=f".*{ENV_ID} is out of date", category=DeprecationWarning)
    if ENV_ID not in gym.registry:
        gym.register(id=ENV_ID, entry_point="propersim_env.envs.proper_sim:ProPerSimEnv")
    if ENV_ID_V1 not in gym.registry:
        gym.register(id=ENV_ID_V1, entry_point="propersim_env.envs.proper_sim_v1:ProPerSimV1Env")


__all__ = ["ENV_ID", "ENV_ID_V1", "STATE_VERSION", "DelayedReward", "EnvConfig", "EnvConfigV1", "HouseholdConfig",
           "HouseholdConfigV1",
           "ProPerSimEnv", "ProPerSimV1Env", "RatingNoise",
           "UnicodeText", "register_envs"]
