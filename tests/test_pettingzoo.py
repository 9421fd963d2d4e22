"""The household as a PettingZoo env: the official API and seed tests, rewards, errors."""

import subprocess
import sys
import warnings

import numpy as np
import pytest
from pettingzoo.test import (
    api_test,
    parallel_api_test,
    parallel_seed_test,
    render_test,
    seed_test,
)

import propersim_env
from propersim_env.envs.pettingzoo_env import ProPerSimHousehold
from propersim_env.evaluation import CRITERIA

SUGGESTION = "You could read a chapter of your novel before the evening gets busy."
HOUSEHOLDS = [pytest.param([7], id="one-resident"), pytest.param([1, 2, 3], id="three-residents")]


@pytest.fixture(autouse=True)
def quiet_pettingzoo_advice():
    # PettingZoo advises Box/Discrete spaces and numbered agent names; text spaces
    # and assistant_<resident> names are this env's design
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        yield


# the v0 household and the v1 household whose residents listen: (Parallel API, AEC API)
VERSIONS = [pytest.param(("parallel_env", "env"), id="v0"), pytest.param(("parallel_env_v1", "env_v1"), id="v1")]


@pytest.mark.slow
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("personas", HOUSEHOLDS)
def test_the_official_api_tests_pass(personas, version):
    parallel, aec = (getattr(propersim_env, name) for name in version)
    parallel_api_test(parallel(personas=personas), num_cycles=120)
    api_test(aec(personas=personas), num_cycles=60)


@pytest.mark.slow
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("personas", HOUSEHOLDS)
def test_the_official_seed_tests_pass(personas, version):
    parallel, aec = (getattr(propersim_env, name) for name in version)
    parallel_seed_test(lambda: parallel(personas=personas), num_cycles=60)
    seed_test(lambda: aec(personas=personas), num_cycles=60)


def test_agents_are_named_after_their_residents_and_spaces_are_stable():
    env = propersim_env.parallel_env(personas=[1, 2, 3])
    assert env.possible_agents == ["assistant_sofia", "assistant_tomas", "assistant_amara"]
    for agent in env.possible_agents:
        assert env.observation_space(agent) is env.observation_space(agent)
        assert env.action_space(agent) is env.action_space(agent)
    assert env.observation_space("assistant_sofia") is not env.observation_space("assistant_tomas")
    with pytest.raises(KeyError, match="unknown agent 'assistant_bob'; the agents are assistant_sofia"):
        env.observation_space("assistant_bob")


def run_day(personas, policy, seed=0):
    env = propersim_env.parallel_env(personas=personas)
    observations, infos = env.reset(seed=seed)
    history = []
    while env.agents:
        actions = {agent: policy(agent, observations[agent]) for agent in env.agents}
        observations, rewards, terminations, truncations, infos = env.step(actions)
        history.append((observations, rewards, terminations, truncations, infos))
    return env, history


def test_each_assistant_is_rated_by_its_own_resident():
    env, history = run_day([1, 2, 3], lambda agent, obs: SUGGESTION if agent == "assistant_sofia" else "")
    observations, rewards, terminations, truncations, infos = history[0]
    assert [infos[a]["persona_id"] for a in env.possible_agents] == [1, 2, 3]
    assert [infos[a]["resident"] for a in env.possible_agents] == ["Sofia Marchetti", "Tomas Lindqvist", "Amara Okafor"]
    sofia_suggested = [h[4]["assistant_sofia"] for h in history if h[4]["assistant_sofia"]["rated"]]
    assert sofia_suggested and all(not i["noop"] for i in sofia_suggested)
    assert all(h[4]["assistant_tomas"]["noop"] for h in history)
    for _, rewards, _, _, infos in history:
        for agent, info in infos.items():
            if info["rated"]:
                assert set(info["scores"]) == set(CRITERIA)
                assert rewards[agent] == sum(info["scores"].values())
            else:  # the resident was asleep: nothing was delivered
                assert rewards[agent] == 0.0 and info["scores"] == {}
    # the suggestion reached Sofia's assistant memory only
    first = next(h for h in history if h[4]["assistant_sofia"]["rated"])
    assert SUGGESTION[:40] in first[0]["assistant_sofia"]["memory"]
    assert SUGGESTION[:40] not in first[0]["assistant_tomas"]["memory"]
    # everyone truncated together at the end of the day, never terminated
    last = history[-1]
    assert all(last[3].values()) and not any(last[2].values()) and env.agents == []
    assert all(not any(h[3].values()) for h in history[:-1])


def test_a_sleeping_residents_assistant_is_not_rated():
    # persona 12 wakes at 05:00, persona 27 at 10:30: early on, only one is awake
    env, history = run_day([12, 27], lambda agent, obs: SUGGESTION)
    early = history[0][4]
    assert early["assistant_daniel"]["rated"] and not early["assistant_derek"]["rated"]
    assert history[0][1]["assistant_derek"] == 0.0
    rated = [h for h in history if h[4]["assistant_derek"]["rated"]]
    assert rated and all(h[4]["assistant_derek"]["time"] >= "2025-02-13T09" for h in rated)


def test_observations_hold_the_contract_keys_and_the_household():
    env = propersim_env.parallel_env(personas=[1, 2, 3])
    observations, infos = env.reset(seed=0)
    for agent, obs in observations.items():
        assert set(obs) == {"time", "user_action", "memory", "features", "household"}
        assert env.observation_space(agent).contains(obs)
        assert obs["features"].shape == (len(env.feature_names),)
    others = observations["assistant_sofia"]["household"].splitlines()
    assert others[0].startswith("Tomas Lindqvist is ") and others[1].startswith("Amara Okafor is ")
    single = propersim_env.parallel_env(personas=[5])
    assert single.reset(seed=0)[0]["assistant_hannah"]["household"] == ""


def test_conversations_show_in_the_household_observation():
    env, history = run_day([1, 2, 3], lambda agent, obs: "")
    said = [obs["household"] for obs_by_agent, *_ in history for obs in obs_by_agent.values()
            if "Just now:" in obs["household"]]
    assert said
    assert env.household.conversations
    talk = env.household.conversations[0]
    assert talk.transcript() in "\n".join(said)


def test_same_seed_same_household_day():
    def trace(seed):
        env, history = run_day([1, 2, 3], lambda agent, obs: SUGGESTION if "09:" in obs["time"] else "", seed)
        return [(sorted(r.items()), [o["user_action"] for o in obs.values()]) for obs, r, *_ in history]
    assert trace(3) == trace(3)
    assert trace(3) != trace(4)


def test_renders_text_and_image():
    env = propersim_env.parallel_env(personas=[1, 2, 3], render_mode="ansi")
    env.reset(seed=0)
    env.step({a: SUGGESTION for a in env.agents})
    text = env.render()
    assert all(mark in text for mark in "123") and "last decision" in text
    env = propersim_env.parallel_env(personas=[1, 2], render_mode="rgb_array")
    env.reset(seed=0)
    image = env.render()
    assert image.dtype == np.uint8 and image.ndim == 3
    assert (image == [220, 40, 40]).all(axis=2).any() and (image == [40, 90, 220]).all(axis=2).any()


def test_the_official_render_test_passes_in_every_mode(capsys):
    assert ProPerSimHousehold.metadata["render_modes"] == ["ansi", "human", "rgb_array"]
    render_test(lambda render_mode: propersim_env.env(personas=[1, 2], render_mode=render_mode))


def test_human_mode_prints_the_text_frame_after_reset_and_every_step(capsys):
    env = propersim_env.parallel_env(personas=[1, 2], render_mode="human")
    text = propersim_env.parallel_env(personas=[1, 2], render_mode="ansi")
    env.reset(seed=0)
    text.reset(seed=0)
    assert capsys.readouterr().out == text.render() + "\n\n"
    actions = {"assistant_sofia": SUGGESTION, "assistant_tomas": ""}
    env.step(actions)
    text.step(actions)
    printed = capsys.readouterr().out
    assert printed == text.render() + "\n\n" and "score" in printed
    assert env.render() is None and capsys.readouterr().out == printed


def test_score_candidates_rates_one_assistants_resident_without_changing_state():
    env = propersim_env.parallel_env(personas=[1, 2])
    env.reset(seed=0)
    before = [s for s in env.states]
    ratings = env.score_candidates("assistant_sofia", [SUGGESTION, ""])
    assert len(ratings) == 2 and env.states == tuple(before)
    *_, infos = env.step({a: "" for a in env.agents})
    assert infos["assistant_sofia"]["candidate_ratings"] == 1 and infos["assistant_tomas"]["candidate_ratings"] == 0


@pytest.mark.parametrize("kwargs, message", [
    ({"personas": []}, "non-empty list of persona ids"),
    ({"personas": 3}, "non-empty list of persona ids"),
    ({"personas": [1, 40]}, "persona ids must be integers from 1 to 32, got 40"),
    ({"personas": [2, 2]}, r"each resident must be a different persona, got \[2, 2\]"),
    ({"personas": [1, 2, 3, 4]}, "at most 3 residents; got 4 personas"),
    ({"days": 0}, "days must be a positive integer"),
    ({"memory_level": "Z"}, "memory_level must be one of A, AS, ASC, ASCR"),
    ({"render_mode": "window"}, "render_mode must be one of"),
    ({"conversation_chance": 2.0}, "conversation_chance must be a probability from 0 to 1, got 2.0"),
])
def test_bad_arguments_are_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ProPerSimHousehold(**kwargs)


def test_bad_actions_are_clear_errors():
    env = propersim_env.parallel_env(personas=[1, 2])
    with pytest.raises(RuntimeError, match="call reset"):
        env.step({})
    env.reset(seed=0)
    with pytest.raises(ValueError, match="no action for assistant_tomas"):
        env.step({"assistant_sofia": ""})
    with pytest.raises(ValueError, match=r"unknown agents \['assistant_bob'\]"):
        env.step({"assistant_sofia": "", "assistant_tomas": "", "assistant_bob": ""})
    with pytest.raises(TypeError, match="action must be a str"):
        env.step({"assistant_sofia": 3, "assistant_tomas": ""})


def test_stepping_after_the_episode_ended_is_a_clear_error_until_reset():
    env = propersim_env.parallel_env(personas=[1, 2], days=1)
    env.reset(seed=0)
    while env.agents:
        env.step({agent: "" for agent in env.agents})
    ended = r"the episode ended \(its 1 day\(s\) are over.*\); call reset\(\) before "
    with pytest.raises(RuntimeError, match=ended + r"step\(\)"):
        env.step({})
    with pytest.raises(RuntimeError, match=ended + r"score_candidates\(\)"):
        env.score_candidates("assistant_sofia", ["Maybe a short walk?"])
    env.reset(seed=1)
    assert env.step({agent: "" for agent in env.agents})[1]


@pytest.mark.slow
def test_import_stays_light_and_the_entry_points_are_lazy():
    code = ("import sys, propersim_env; "
            "assert 'propersim_env.envs.pettingzoo_env' not in sys.modules; "
            "propersim_env.parallel_env; propersim_env.env; propersim_env.make_sb3_env; "
            "assert 'torch' not in sys.modules and 'stable_baselines3' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
    with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
        propersim_env.nothing_here
