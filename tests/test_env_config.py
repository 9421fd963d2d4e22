"""The typed env options (EnvConfig, HouseholdConfig) and the env's versioned state."""

import argparse
import dataclasses
import json
import pickle

import gymnasium as gym
import numpy as np
import pytest

import propersim_env
from agents.baselines import Heuristic
from propersim_env.core import add_arguments, arguments_given
from propersim_env.envs import STATE_VERSION, EnvConfig, HouseholdConfig, ProPerSimEnv
from propersim_env.simulation import Simulation
from propersim_env.storage import SimulationError


# ---- options -----------------------------------------------------------------------
@pytest.mark.parametrize("options, message", [
    ({"persona": 0}, "persona: persona ids must be integers from 1 to 32"),
    ({"persona": []}, "persona must be an id from 1 to 32, a non-empty list of ids, or 'random'"),
    ({"persona": "everyone"}, "persona must be an id"),
    ({"days": 0}, "days must be a positive integer, got 0"),
    ({"days": 1.5}, "days must be a positive integer"),
    ({"seconds_per_step": 7}, "seconds_per_step must be a positive integer that divides 86400"),
    ({"memory_level": "ASC7R3"}, "memory_level must be one of A, AS, ASC, ASCR, AS9C1"),
    ({"start_date": "13/02/2025"}, "start_date must be an ISO date"),
    ({"render_mode": "window"}, "render_mode must be one of"),
    ({"memory_chars": 0}, "memory_chars must be an integer of at least 32, got 0"),
    ({"memory_chars": -5}, "memory_chars must be an integer of at least 32, got -5"),
    ({"user_model": "gpt"}, "user_model must be one of 'scripted', 'llm', got 'gpt'"),
    ({"evaluator": "judge"}, "evaluator must be one of 'rubric', 'llm'"),
    ({"evaluator_mode": "both"}, "evaluator_mode must be one of 'joint', 'separate'"),
    ({"on_evaluation_failure": "ignore"}, "on_evaluation_failure must be one of 'raise', 'flag'"),
    ({"llm": {"model": "x"}}, "llm settings were given, but neither user_model nor evaluator is 'llm'"),
])
def test_every_env_option_is_checked_at_construction_naming_it(options, message):
    with pytest.raises(ValueError, match=message):
        gym.make("ProPerSim-v0", **options)


def test_an_unknown_option_is_named():
    with pytest.raises(TypeError, match="unknown option\\(s\\) memory_size; EnvConfig takes: .*memory_chars"):
        ProPerSimEnv(memory_size=10)


def test_the_study_memory_mixes_work_in_the_env():
    env = gym.make("ProPerSim-v0", persona=3, memory_level="ASC8R2", seconds_per_step=600)
    obs, _ = env.reset(seed=0)
    seen_with, seen_without = 0, 0
    for _ in range(40):
        obs, *_ = env.step("How about a short walk outside before it gets dark?")
        for line in obs["memory"].splitlines():
            if "score " in line and "suggestion:" in line:
                seen_with += "reasons:" in line
                seen_without += "reasons:" not in line
    assert seen_with > 0 and seen_without > seen_with  # about one interaction in five shows its reasons


def test_an_env_config_object_and_keyword_options_make_the_same_env():
    config = EnvConfig(persona=(4, 5), days=2, memory_level="AS")
    a, b = ProPerSimEnv(config), ProPerSimEnv(persona=[4, 5], days=2, memory_level="AS")
    assert a.config == b.config and a.config.persona == (4, 5)
    assert a.reset(seed=1)[0]["memory"] == b.reset(seed=1)[0]["memory"]
    with pytest.raises(TypeError, match="either an EnvConfig or keyword options"):
        ProPerSimEnv(config, days=3)


def test_household_options_are_checked_naming_them():
    with pytest.raises(ValueError, match="conversation_chance must be a probability from 0 to 1, got 2"):
        propersim_env.parallel_env(conversation_chance=2)
    with pytest.raises(ValueError, match="memory_chars must be an integer of at least 32"):
        propersim_env.parallel_env(personas=[1], memory_chars=0)
    assert propersim_env.parallel_env(personas=[1, 2], memory_level="ASC8R2").config.personas == (1, 2)


@pytest.mark.parametrize("config_cls", [EnvConfig, HouseholdConfig])
def test_every_option_has_help_and_appears_in_the_env_docstring(config_cls):
    env_cls = ProPerSimEnv if config_cls is EnvConfig else propersim_env.envs.pettingzoo_env.ProPerSimHousehold
    for f in dataclasses.fields(config_cls):
        assert f.metadata.get("help"), f.name
        assert f"{f.name}: {f.metadata['help']}" in env_cls.__doc__


def test_command_line_options_come_from_the_config():
    parser = argparse.ArgumentParser()
    add_arguments(parser, EnvConfig, ["days", "memory_level", "persona", "seconds_per_step"], omit_default=True)
    args = parser.parse_args(["--days", "2", "--memory-level", "ASC8R2"])
    assert arguments_given(args, EnvConfig) == {"days": 2, "memory_level": "ASC8R2"}
    assert "(a positive integer; default 1)" in " ".join(parser.format_help().split())
    with pytest.raises(SystemExit):
        parser.parse_args(["--memory-level", "B"])


# ---- the env's state ----------------------------------------------------------------
def _play(env, steps):
    out = []
    for k in range(steps):
        obs, reward, *_ , info = env.step("" if k % 3 else "Maybe stretch your legs for a few minutes?")
        out.append((obs["time"], obs["memory"], reward, json.dumps(info["reasons"], sort_keys=True)))
    return out


def test_a_state_dict_restored_in_another_env_goes_on_identically():
    a = ProPerSimEnv(persona=[2, 9], days=2)
    a.reset(seed=5)
    _play(a, 150)
    saved = pickle.dumps(a.state_dict())
    expected = _play(a, 200)
    b = ProPerSimEnv(persona=[2, 9], days=2)
    b.reset(seed=123)  # a different episode: every part of it is replaced
    b.load_state_dict(pickle.loads(saved))
    assert _play(b, 200) == expected
    assert np.array_equal(a.np_random.integers(1 << 30, size=4), b.np_random.integers(1 << 30, size=4))


def test_a_new_env_attribute_cannot_go_missing_from_snapshots_silently():
    env = ProPerSimEnv()
    env.reset(seed=0)
    env.mood = "cheerful"
    with pytest.raises(RuntimeError, match=r"attribute\(s\) \['mood'\] are neither saved nor rebuilt"):
        env.state_dict()


def test_a_state_of_another_version_is_refused():
    env = ProPerSimEnv()
    env.reset(seed=0)
    state = env.state_dict()
    with pytest.raises(ValueError, match=f"version 1 is not {STATE_VERSION}.*written by an older version"):
        env.load_state_dict({**state, "version": 1})
    with pytest.raises(ValueError, match="lacks \\['seat'\\]"):
        env.load_state_dict({k: v for k, v in state.items() if k != "seat"})


def test_a_snapshot_written_by_an_older_version_fails_with_a_clear_message(tmp_path):
    with Simulation.create(tmp_path / "sim", Heuristic(), env_kwargs={"persona": 2}, seed=0) as sim:
        sim.run(30)
        folder = sim.save()
    manifest = json.loads((folder / "snapshot.json").read_text())
    assert manifest["state_version"] == STATE_VERSION
    del manifest["state_version"]  # as every snapshot of propersim_env 0.1.0
    (folder / "snapshot.json").write_text(json.dumps(manifest))
    with pytest.raises(SimulationError, match="written by an older version of propersim_env \\(env state version 1"):
        Simulation.resume(tmp_path / "sim")


# ---- the training entry point reads its options from the configs ---------------------
def test_the_training_entry_point_reads_its_options_and_defaults_from_the_configs(monkeypatch):
    from agents import train_proper_assistant as script
    from agents.proper_assistant import AssistantConfig, TrainingConfig

    monkeypatch.setenv("COLUMNS", "1000")  # argparse wraps help at the terminal's width: one line per option
    parser = script.build_parser()
    text = parser.format_help()
    configs = (AssistantConfig, TrainingConfig)
    assert set(script.NOT_OPTIONS) <= {f.name for c in configs for f in dataclasses.fields(c)}
    for config_cls in configs:
        for f in dataclasses.fields(config_cls):
            if f.name not in script.NOT_OPTIONS:
                assert f"--{f.name.replace('_', '-')}" in text and f.metadata["help"] in text, \
                    f"{config_cls.__name__}.{f.name} is not in --help with its meaning"
    env, assistant, training = script.configs(parser.parse_args([]))
    assert assistant == AssistantConfig() and training == TrainingConfig(), "defaults are the dataclasses' own"
    env_defaults = {f.name: f.default for f in dataclasses.fields(EnvConfig) if f.name in script.ENV_OPTIONS}
    assert env == {**env_defaults, **script.ENV_DEFAULTS}
    # the spellings the script had before its options came from the configs
    args = parser.parse_args(["--bf16", "on", "--persona-given", "--memory-level", "AS", "--lora-top-layers", "2",
                              "--persona", "7", "--seconds-per-step", "600"])
    env, assistant, training = script.configs(args, seed=4)
    assert env == {"persona": 7, "days": 4, "seconds_per_step": 600}
    assert assistant == AssistantConfig(memory_level="AS", persona_given=True)
    assert training == TrainingConfig(bf16=True, lora_top_layers=2, seed=4)
    assert script.configs(parser.parse_args(["--bf16", "off"]))[2].bf16 is False
