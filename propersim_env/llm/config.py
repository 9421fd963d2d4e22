"""LLM settings: one dataclass, read from keyword arguments, a file or the environment.

The API key itself is never part of the configuration: only the *name* of the
environment variable that holds it (``api_key_env``). A server that needs no
key (a local llama.cpp, vLLM or Ollama) works with the variable unset.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

CACHE_MODES = ("off", "record", "replay", "replay-or-live")
JSON_MODES = ("auto", "json_schema", "json_object")
FAILURE_MODES = ("raise", "flag")
ENV_PREFIX = "PROPERSIM_LLM_"


class LLMConfigError(ValueError):
    """A setting is missing or invalid; the message names it."""


@dataclass(frozen=True)
class LLMConfig:
    """Where and how to call an OpenAI-compatible server.

    Attributes:
        base_url: the server, e.g. ``"http://127.0.0.1:8000/v1"``; ``None`` is OpenAI's.
        model: the chat model name the server knows.
        api_key_env: the environment variable holding the key (read at call time).
        embedding_model: the model for ``/embeddings`` (defaults to ``model``).
        timeout: seconds before one HTTP request gives up.
        max_retries: retries of the ``openai`` client (connection errors,
            timeouts, 408/409/429/5xx; it honours ``retry-after`` and backs off).
        max_concurrency: most requests in flight at once from one client.
        temperature, max_tokens, seed: sampling parameters (part of the cache key).
        json_mode: how a JSON schema is sent: ``"json_schema"`` (hosted APIs,
            vLLM), ``"json_object"`` (llama-cpp-python's server, which takes the
            schema next to it) or ``"auto"`` (the default): ``json_schema`` first,
            and ``json_object`` from then on if the server rejects it.
        json_retries: extra attempts when the output is not valid JSON for the schema.
        cache: path of the SQLite record/replay cache, or ``None``.
        cache_mode: ``off``, ``record``, ``replay`` (a miss is an error) or ``replay-or-live``.
    """

    model: str
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    embedding_model: str | None = None
    timeout: float = 60.0
    max_retries: int = 3
    max_concurrency: int = 8
    temperature: float = 0.0
    max_tokens: int = 512
    seed: int | None = 0
    json_mode: str = "auto"
    json_retries: int = 2
    cache: str | None = None
    cache_mode: str = "off"
    extra_body: dict = field(default_factory=dict)

    def __post_init__(self):
        if not isinstance(self.model, str) or not self.model.strip():
            raise LLMConfigError("llm.model: a model name is required")
        if self.cache_mode not in CACHE_MODES:
            raise LLMConfigError(f"llm.cache_mode: {self.cache_mode!r} is not one of {', '.join(CACHE_MODES)}")
        if self.cache_mode != "off" and not self.cache:
            raise LLMConfigError(f"llm.cache: cache_mode {self.cache_mode!r} needs a cache path")
        if self.json_mode not in JSON_MODES:
            raise LLMConfigError(f"llm.json_mode: {self.json_mode!r} is not one of {', '.join(JSON_MODES)}")
        for name, low in (("timeout", 0.001), ("max_tokens", 1), ("max_concurrency", 1)):
            if getattr(self, name) < low:
                raise LLMConfigError(f"llm.{name}: must be at least {low}, got {getattr(self, name)!r}")
        for name in ("max_retries", "json_retries"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 0:
                raise LLMConfigError(f"llm.{name}: must be a non-negative integer, got {getattr(self, name)!r}")
        if not isinstance(self.api_key_env, str) or not self.api_key_env:
            raise LLMConfigError("llm.api_key_env: the name of an environment variable is required")

    @property
    def embedding(self) -> str:
        return self.embedding_model or self.model

    def api_key(self) -> str | None:
        """The key, read from the environment now; ``None`` when the variable is unset."""
        return os.environ.get(self.api_key_env) or None

    def to_dict(self) -> dict:
        """The settings as saved with a simulation (no key: only its variable's name)."""
        return asdict(self)

    # ---- construction ----------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "LLMConfig":
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            hint = " (put the key in an environment variable and name it with api_key_env)" \
                if {"api_key", "key"} & unknown else ""
            raise LLMConfigError(f"llm: unknown settings {sorted(unknown)}{hint}")
        if "model" not in data:
            raise LLMConfigError("llm.model: a model name is required")
        return cls(**data)

    @classmethod
    def from_file(cls, path: str | Path) -> "LLMConfig":
        """A TOML or JSON file; TOML may keep the settings under an ``[llm]`` table."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise LLMConfigError(f"llm config {path}: cannot read it ({exc.strerror})") from None
        try:
            data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
            raise LLMConfigError(f"llm config {path}: not valid {path.suffix.lstrip('.') or 'TOML'}: {exc}") from None
        return cls.from_dict(data.get("llm", data))

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "LLMConfig":
        """Settings from ``PROPERSIM_LLM_*`` variables (e.g. ``PROPERSIM_LLM_BASE_URL``),
        with ``overrides`` on top."""
        environ = os.environ if environ is None else environ
        data: dict[str, Any] = {}
        for f in fields(cls):
            value = environ.get(ENV_PREFIX + f.name.upper())
            if value is None:
                continue
            data[f.name] = _coerce(f.name, value, f.type)
        data.update(overrides)
        return cls.from_dict(data)

    @classmethod
    def resolve(cls, value: "LLMConfig | dict | str | Path | None") -> "LLMConfig":
        """Accept what ``gym.make(..., llm=...)`` may be given: a config, a dict
        (over the environment's settings), a file path, or ``None`` (environment only)."""
        if isinstance(value, LLMConfig):
            return value
        if isinstance(value, (str, Path)):
            return cls.from_file(value)
        if value is None or isinstance(value, dict):
            return cls.from_env(**(value or {}))
        raise LLMConfigError(f"llm: expected a dict, an LLMConfig or a config file path, got {type(value).__name__}")


def _coerce(name: str, value: str, kind) -> Any:
    kind = str(kind)
    try:
        if "int" in kind and "float" not in kind:
            return None if value.lower() == "none" else int(value)
        if "float" in kind:
            return float(value)
        if "dict" in kind:
            return json.loads(value)
    except (ValueError, json.JSONDecodeError):
        raise LLMConfigError(f"{ENV_PREFIX}{name.upper()}: cannot read {value!r} as {kind}") from None
    return value
