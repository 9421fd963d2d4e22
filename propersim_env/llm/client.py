"""Chat and embedding calls to any OpenAI-compatible server, through the ``openai`` package.

The ``openai`` client does the HTTP work: timeouts, and retries with
exponential backoff on connection errors, timeouts, 408/409/429 (honouring
``retry-after``) and 5xx. This module adds what the environment needs on top:

- structured output: a JSON schema is sent as ``response_format``
  (``json_schema`` for hosted APIs and vLLM, ``json_object`` + ``schema`` for
  llama-cpp-python's server; ``auto`` tries ``json_schema`` once without
  retries and keeps ``json_object`` if the server rejects it), the answer is
  parsed (raw control characters inside strings, which grammar-constrained
  small models write, are accepted) and checked, and invalid or truncated
  output is asked again up to ``json_retries`` times, then a clear
  :class:`LLMOutputError`;
- errors that say what happened: a server that closed the connection without
  answering and then refused connections crashed (its log says why), one that
  answered earlier and now refuses has stopped;
- a limit on concurrent requests, and ``achat`` for overlapping waits
  (``chat`` runs it on a private event loop thread, so it works inside
  notebooks too);
- record and replay through :class:`ResponseCache`;
- usage accounting (:class:`Usage`).

The API key is read from the environment when the ``openai`` client is built,
held only by that client, and scrubbed from every error message.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx2
import openai

from .cache import CacheMiss, ResponseCache, request_key
from .config import LLMConfig
from .errors import LLMError, LLMOutputError, LLMUnavailable, scrub
from .schema import problems
from .usage import Usage

T = TypeVar("T")
NO_KEY = "no-key-needed"  # sent when the key variable is unset: keyless local servers ignore it


class _RejectsJsonSchema(Exception):
    """The server refused ``response_format`` of type ``json_schema`` (a validation error)."""


class _WatchedTransport(httpx2.AsyncHTTPTransport):
    """The HTTP transport, counting requests the server answered and those it dropped
    (closed the connection without answering): how a crash looks from the client, before
    the retries find the port closed. The ``openai`` client only reports the last error."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.answered = 0
        self.dropped = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        try:
            response = await super().handle_async_request(request)
        except (httpx2.RemoteProtocolError, httpx2.ReadError):
            self.dropped += 1
            raise
        self.answered += 1
        return response


@dataclass(frozen=True)
class ChatResult:
    text: str
    data: Any  # the parsed JSON when a schema was given, else None
    cached: bool


class LLMClient:
    """One configured connection to a chat (and embeddings) endpoint."""

    def __init__(self, config: LLMConfig):
        self.config = config
        self.usage = Usage()
        self.usage_by_purpose: dict[str, Usage] = {}
        self.cache = ResponseCache(config.cache) if config.cache_mode != "off" else None
        self._pid: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: openai.AsyncOpenAI | None = None
        self._transport: _WatchedTransport | None = None
        self.json_mode: str | None = None if config.json_mode == "auto" else config.json_mode
        """How schemas are sent: the configured mode, or under ``auto`` what the server took
        (``None`` until the first structured call)."""
        self._semaphore: asyncio.Semaphore | None = None
        self._lock = threading.Lock()

    def _count(self, purpose: str, **amounts) -> None:
        for target in (self.usage, self.usage_by_purpose.setdefault(purpose, Usage())):
            for name, value in amounts.items():
                setattr(target, name, getattr(target, name) + value)

    # ---- running coroutines from synchronous code -------------------------
    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on this client's event loop thread and wait for it."""
        return asyncio.run_coroutine_threadsafe(coro, self._ensure_loop()).result()

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None or self._pid != os.getpid():  # a forked child needs its own thread
                self._pid = os.getpid()
                self._loop = asyncio.new_event_loop()
                self._client = None
                threading.Thread(target=self._loop.run_forever, name="propersim-llm", daemon=True).start()
            return self._loop

    def _openai(self) -> openai.AsyncOpenAI:
        if self._client is None:
            cfg = self.config
            self._transport = _WatchedTransport()
            self._client = openai.AsyncOpenAI(
                api_key=cfg.api_key() or NO_KEY, base_url=cfg.base_url,
                timeout=cfg.timeout, max_retries=cfg.max_retries,
                http_client=openai.DefaultAsyncHttpxClient(transport=self._transport),
            )
            self._semaphore = asyncio.Semaphore(cfg.max_concurrency)
        return self._client

    # ---- chat --------------------------------------------------------------
    def chat(self, messages: list[dict], *, schema: dict | None = None, name: str = "answer",
             purpose: str = "other", seed: int | None = None) -> ChatResult:
        return self.run(self.achat(messages, schema=schema, name=name, purpose=purpose, seed=seed))

    async def achat(self, messages: list[dict], *, schema: dict | None = None, name: str = "answer",
                    purpose: str = "other", seed: int | None = None) -> ChatResult:
        """One chat completion; with ``schema``, its parsed and checked JSON. ``purpose``
        (e.g. ``"planner"``, ``"evaluator"``) files its usage under :attr:`usage_by_purpose`.
        ``seed`` overrides the configured sampling seed (distinct samples of one prompt)."""
        cfg = self.config
        seed = cfg.seed if seed is None else seed
        request = {
            "model": cfg.model, "messages": messages, "temperature": cfg.temperature,
            "max_tokens": cfg.max_tokens, "seed": seed, "schema": schema,
            "json_mode": cfg.json_mode if schema else None, "extra_body": cfg.extra_body,
        }
        key, sample, hit = self._recorded(request, name, purpose)
        if hit is not None:
            return ChatResult(hit["text"], hit.get("data"), cached=True)
        last_problem = ""
        for attempt in range(cfg.json_retries + 1):
            if attempt:
                self._count(purpose, retries=1)
            text, finish_reason = await self._complete(messages, schema, name, purpose, seed, attempt)
            data, last_problem = _parse(text, schema, finish_reason)
            if not last_problem:
                result = ChatResult(text, data, cached=False)
                break
        else:
            raise LLMOutputError(f"{name}: no valid output after {cfg.json_retries + 1} attempts "
                                 f"from {cfg.model}: {last_problem}")
        if self.cache is not None and cfg.cache_mode != "off":
            self.cache.put(key, sample, request, {"text": result.text, "data": result.data})
        return result

    async def _complete(self, messages: list[dict], schema: dict | None, name: str,
                        purpose: str, seed: int | None, attempt: int) -> tuple[str, str | None]:
        cfg = self.config
        kwargs: dict[str, Any] = {
            "model": cfg.model, "messages": messages, "temperature": cfg.temperature,
            "max_tokens": cfg.max_tokens,
        }
        if seed is not None:
            kwargs["seed"] = seed + attempt  # a retry with the same seed would repeat the same output
        if cfg.extra_body:
            kwargs["extra_body"] = cfg.extra_body
        if schema is None:
            response = await self._create(kwargs, name, purpose)
        elif self.json_mode is None:  # auto, not settled yet: ask once whether json_schema is taken
            try:
                response = await self._create({**kwargs, "response_format": _response_format(
                    "json_schema", schema, name)}, name, purpose, probe=True)
                if response is not None:
                    self.json_mode = "json_schema"
            except _RejectsJsonSchema:
                self.json_mode = "json_object"
                response = await self._create({**kwargs, "response_format": _response_format(
                    "json_object", schema, name)}, name, purpose)
        else:
            response = await self._create({**kwargs, "response_format": _response_format(
                self.json_mode, schema, name)}, name, purpose)
        if response is None:
            return "", "malformed"
        self._count(purpose, calls=1)
        usage = getattr(response, "usage", None)
        if usage is not None:
            self._count(purpose, prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
                        completion_tokens=getattr(usage, "completion_tokens", 0) or 0)
        try:
            choice = response.choices[0]
            return choice.message.content or "", choice.finish_reason
        except (AttributeError, IndexError, TypeError):  # a body that is not a chat completion
            return "", "malformed"

    async def _create(self, kwargs: dict, name: str, purpose: str, probe: bool = False,
                      retries: int | None = None, dropped_before: int | None = None):
        """One chat completion request (the ``openai`` client retries transport faults
        ``retries`` times, default ``max_retries``); ``None`` for a body that is not JSON.
        A ``probe`` is the first attempt alone: :class:`_RejectsJsonSchema` if the server
        refuses the schema format, and after any other failure the remaining attempts."""
        client = self._openai()
        if dropped_before is None:
            dropped_before = self._transport.dropped
        if probe:
            retries = 0
        if retries is not None and retries != self.config.max_retries:
            client = client.with_options(max_retries=retries)
        async with self._semaphore:
            start = time.perf_counter()
            try:
                return await client.chat.completions.create(**kwargs)
            except (json.JSONDecodeError, openai.APIResponseValidationError):
                return None  # a body that is not JSON: asked again like invalid output
            except openai.APIStatusError as exc:
                if _mentions_response_format(exc):
                    if probe:
                        raise _RejectsJsonSchema() from None
                    raise self._rejected_format(exc, name) from None
                failure: Exception = exc
            except Exception as exc:  # noqa: BLE001 - every failure becomes one clear LLMError
                failure = exc
            finally:
                self._count(purpose, latency_s=time.perf_counter() - start)
        if not probe or self.config.max_retries == 0:
            raise self._explain(failure, name, self._transport.dropped - dropped_before) from None
        return await self._create(kwargs, name, purpose, retries=self.config.max_retries - 1,
                                  dropped_before=dropped_before)

    def _recorded(self, request: dict, name: str, purpose: str) -> tuple[str, int, dict | None]:
        """``(key, sample, recorded answer or None)``; in ``replay`` mode a miss is a :class:`CacheMiss`."""
        key = request_key(request)
        if self.cache is None:
            return key, 0, None
        sample = self.cache.next_sample(key)
        mode = self.config.cache_mode
        if mode in ("replay", "replay-or-live"):
            hit = self.cache.get(key, sample)
            if hit is not None:
                self._count(purpose, cache_hits=1)
                return key, sample, hit
            if mode == "replay":
                raise CacheMiss(f"replay: no recorded answer for this {name!r} request (sample {sample}) "
                                f"in {self.config.cache}; record it first with cache_mode='record'")
        return key, sample, None

    # ---- embeddings ----------------------------------------------------------
    def embed(self, texts: list[str], purpose: str = "other") -> list[list[float]]:
        return self.run(self.aembed(texts, purpose))

    async def aembed(self, texts: list[str], purpose: str = "other") -> list[list[float]]:
        """One embedding per text, from the embeddings endpoint (cached like chat)."""
        cfg = self.config
        request = {"model": cfg.embedding, "input": list(texts), "kind": "embedding"}
        key, sample, hit = self._recorded(request, "embeddings", purpose)
        if hit is not None:
            return hit["data"]
        client = self._openai()
        dropped_before = self._transport.dropped
        async with self._semaphore:
            start = time.perf_counter()
            try:
                response = await client.embeddings.create(model=cfg.embedding, input=list(texts))
            except Exception as exc:  # noqa: BLE001
                raise self._explain(exc, "embeddings", self._transport.dropped - dropped_before) from None
            finally:
                self._count(purpose, latency_s=time.perf_counter() - start)
        self._count(purpose, embedding_calls=1)
        if response.usage is not None:
            self._count(purpose, prompt_tokens=response.usage.prompt_tokens or 0)
        vectors = [list(map(float, d.embedding)) for d in sorted(response.data, key=lambda d: d.index)]
        if len(vectors) != len(texts):
            raise LLMOutputError(f"embeddings: asked for {len(texts)}, got {len(vectors)}")
        if self.cache is not None and cfg.cache_mode != "off":
            self.cache.put(key, sample, request, {"data": vectors})
        return vectors

    # ---- errors ----------------------------------------------------------------
    def _explain(self, exc: Exception, name: str, dropped: int = 0) -> LLMError:
        """One clear error for any failure of a call, with the key scrubbed. ``dropped``:
        how many of this call's attempts the server closed without answering."""
        cfg = self.config
        where = cfg.base_url or "the default OpenAI endpoint"
        tries = f"after {cfg.max_retries + 1} attempt(s)"
        if isinstance(exc, openai.APITimeoutError):
            error: LLMError = LLMUnavailable(f"{name}: {where} timed out ({cfg.timeout:g} s) {tries}")
        elif isinstance(exc, openai.APIConnectionError):
            refused = isinstance(exc.__cause__, httpx2.ConnectError)
            answered = self._transport.answered if self._transport else 0
            if dropped and refused:
                error = LLMUnavailable(
                    f"{name}: the server at {where} closed the connection without answering, then refused "
                    f"connections ({tries}): it crashed or was stopped while handling the request; its log "
                    "says why (a llama.cpp build for another CPU crashes like this)")
            elif dropped:
                error = LLMUnavailable(f"{name}: the server at {where} closed the connection without answering "
                                       f"{tries}: it fails on this request; see its log")
            elif refused and answered:
                error = LLMUnavailable(f"{name}: the server at {where} answered {answered} request(s) earlier but "
                                       f"now refuses connections ({tries}): it has stopped or crashed; see its log")
            else:
                error = LLMUnavailable(f"{name}: cannot connect to {where} {tries}; is the server running?")
        elif isinstance(exc, openai.RateLimitError):
            error = LLMUnavailable(f"{name}: {where} kept answering 429 (rate limited) {tries}")
        elif isinstance(exc, openai.AuthenticationError):
            error = LLMError(f"{name}: {where} refused the credentials (401); put the key in the "
                             f"environment variable {cfg.api_key_env}")
        elif isinstance(exc, openai.APIStatusError):
            kind = LLMUnavailable if exc.status_code >= 500 else LLMError
            error = kind(f"{name}: {where} answered HTTP {exc.status_code} {tries}: {str(exc)[:300]}")
        elif isinstance(exc, (openai.APIResponseValidationError, json.JSONDecodeError, ValueError)):
            error = LLMOutputError(f"{name}: {where} sent a response that is not valid JSON: {str(exc)[:200]}")
        else:
            error = LLMError(f"{name}: call to {where} failed: {type(exc).__name__}: {str(exc)[:300]}")
        return type(error)(scrub(str(error), cfg.api_key()))

    def _rejected_format(self, exc: openai.APIStatusError, name: str) -> LLMError:
        where = self.config.base_url or "the default OpenAI endpoint"
        other = "json_object" if self.json_mode == "json_schema" else "json_schema"
        return LLMError(scrub(
            f"{name}: {where} rejects response_format of type {self.json_mode!r} (HTTP {exc.status_code}: "
            f"{str(exc)[:200]}); set json_mode={other!r}, or 'auto' to let the client find out",
            self.config.api_key()))

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()


def _response_format(mode: str, schema: dict, name: str) -> dict:
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}
    return {"type": "json_object", "schema": schema}


def _mentions_response_format(exc: openai.APIStatusError) -> bool:
    """Whether a 4xx/5xx answer is a validation error about ``response_format`` (a server
    that does not take this kind of schema): deterministic, so retrying it is pointless."""
    if exc.status_code not in (400, 415, 422, 500, 501):
        return False
    body = exc.body if isinstance(exc.body, (str, dict, list)) else ""
    text = f"{exc.message} {json.dumps(body) if not isinstance(body, str) else body}".lower()
    return "response_format" in text or "json_schema" in text


def _parse(text: str, schema: dict | None, finish_reason: str | None) -> tuple[Any, str]:
    """``(data, "")`` for valid output (``data`` is ``None`` without a schema),
    else ``(None, what is wrong)``."""
    if finish_reason == "length":
        return None, f"the output was cut off at max_tokens: {text[:120]!r}"
    if finish_reason == "malformed":
        return None, "the response was not a chat completion"
    if schema is None:
        return None, ""
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        return None, f"no JSON object in {text[:120]!r}"
    try:
        data = json.loads(text[start:end + 1], strict=False)  # strict=False: raw control characters in strings
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc.msg}) in {text[:120]!r}"
    found = problems(data, schema)
    return (None, "; ".join(found[:3])) if found else (data, "")
