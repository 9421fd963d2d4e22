"""Errors of LLM calls. Each says what failed and what to do; none carries a key."""

from __future__ import annotations

import os


class LLMError(RuntimeError):
    """An LLM call failed after its retries; nothing was scored or cached."""


class LLMUnavailable(LLMError):
    """The server could not be reached, or it kept timing out or failing."""


class LLMOutputError(LLMError):
    """The server answered, but not with valid output for the requested schema."""


def scrub(text: str, *secrets: str | None) -> str:
    """``text`` with every secret replaced by ``***``."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


def scrub_env_key(text: str, api_key_env: str) -> str:
    return scrub(text, os.environ.get(api_key_env))
