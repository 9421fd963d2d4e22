"""propersim_env: ProPerSim as a standard reinforcement-learning environment.

A simulated resident lives through days in a house; an assistant decides at
every 150-second step whether to make a proactive suggestion; the resident
rates each decision. See docs/ARCHITECTURE.md for the parts, their layers and the data flow.
"""

__version__ = "0.1.0"


from .envs import ENV_ID, ProPerSimEnv, register_envs

register_envs()

# Loaded on first use, so that `import propersim_env` stays light:
# parallel_env / env (the PettingZoo household), parallel_env_v1 / env_v1 (its residents listen)
# and make_sb3_env (Box/Discrete for SB3).
_LAZY = {"parallel_env": "pettingzoo_env", "env": "pettingzoo_env", "parallel_env_v1": "pettingzoo_v1",
         "env_v1": "pettingzoo_v1", "make_sb3_env": "sb3"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".envs.{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ENV_ID", "ProPerSimEnv", "__version__", "env", "env_v1", "make_sb3_env", "parallel_env",
           "parallel_env_v1"]
