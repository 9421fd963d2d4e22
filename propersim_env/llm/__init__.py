"""LLM mode: clients for any OpenAI-compatible server, record/replay, usage.

Used by the LLM resident planner (``user/llm_planner.py``) and the LLM
evaluator (``evaluation/llm_evaluator.py``). Names load on first use, so the
embedded default never pays for importing ``openai``.
"""

from importlib import import_module

from .errors import LLMError, LLMOutputError, LLMUnavailable
from .usage import Usage

_LAZY = {
    "CacheMiss": ".cache", "ResponseCache": ".cache", "ChatResult": ".client", "LLMClient": ".client",
    "CACHE_MODES": ".config", "LLMConfig": ".config", "LLMConfigError": ".config",
}

__all__ = ["LLMError", "LLMOutputError", "LLMUnavailable", "Usage", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
