"""The suggestion catalog: re-exported from :mod:`propersim_env.envs.catalog`,
the one place it lives (the environment's discrete action set uses it too)."""

from propersim_env.envs.catalog import GENERIC, SUGGESTIONS, action_texts, all_suggestions

__all__ = ["GENERIC", "SUGGESTIONS", "action_texts", "all_suggestions"]
