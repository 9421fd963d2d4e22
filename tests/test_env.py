"""ProPerSim-v0: the Gymnasium contract (see the env docstring and docs/ARCHITECTURE.md)."""

import re

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import propersim_env  # noqa: F401  (registers ProPerSim-v0)
from propersim_env.envs import ProPerSimEnv
from propersim_env.evaluation import CRITERIA

SUGGESTION = "You could read a chapter of your novel before the evening gets busy."


def test_the_official_checker_passes():
    check_env(gym.make("ProPerSim-v0").unwrapped, skip_render_check=False)


@pytest.mark.parametrize("mode", ["ansi", "human", "rgb_array"])
def test_the_official_checker_passes_in_every_render_mode(mode):
    assert mode in ProPerSimEnv.metadata["render_modes"]
    check_env(gym.make("ProPerSim-v0", render_mode=mode).unwrapped, skip_render_check=False)


def test_make_by_module_path_without_import():
    env = gym.make("propersim_env:ProPerSim-v0", persona=3)
    obs, info = env.reset(seed=0)
    assert info["persona_id"] == 3


def test_observation_and_info_hold_the_contract_fields():
    env = gym.make("ProPerSim-v0", persona=1)
    obs, info = env.reset(seed=0)
    assert set(obs) >= {"time", "user_action", "memory", "features"}
    assert obs["user_action"].startswith("Sofia Marchetti is ")
    assert obs["features"].dtype == np.float32 and env.observation_space.contains(obs)
    obs, reward, terminated, truncated, info = env.step(SUGGESTION)
    assert 0.0 <= reward <= 4.0 and isinstance(reward, float)
    assert set(info["scores"]) == set(CRITERIA) and set(info["reasons"]) == set(CRITERIA)
    assert reward == sum(info["scores"].values())
    assert all(isinstance(r, str) and r for r in info["reasons"].values())
    assert info["noop"] is False and info["persona_id"] == 1
    assert info["usage"]["calls"] == 0 and info["usage"]["prompt_tokens"] == 0
    assert not terminated and not truncated
    assert SUGGESTION[:40] in obs["memory"]


@pytest.mark.parametrize("noop", ["", "No Recommendation", "  no recommendation  ", "NO RECOMMENDATION"])
def test_noop_spellings(noop):
    env = gym.make("ProPerSim-v0")
    env.reset(seed=0)
    assert env.step(noop)[4]["noop"] is True


@pytest.mark.parametrize("text", ["Prenez un thé à la camomille, ça détend.", "🌱 Water the herbs?", "¿Qué tal?"])
def test_wide_character_set_is_valid(text):
    env = gym.make("ProPerSim-v0")
    env.reset(seed=0)
    assert env.action_space.contains(text)
    env.step(text)


@pytest.mark.parametrize("action", [3, None, b"bytes", ["list"]])
def test_non_text_action_is_a_clear_error(action):
    env = gym.make("ProPerSim-v0")
    env.reset(seed=0)
    with pytest.raises(TypeError, match="action must be a str"):
        env.step(action)


def test_sleeping_steps_never_reach_the_policy_and_days_truncate():
    env = gym.make("ProPerSim-v0", persona=9, days=2)
    obs, info = env.reset(seed=1)
    steps, truncated = 0, False
    while not truncated:
        obs, reward, terminated, truncated, info = env.step("")
        assert not terminated
        steps += 1
    unwrapped = env.unwrapped
    awake = 2 * unwrapped.clock.steps_per_day - steps
    assert 0 < steps < 2 * unwrapped.clock.steps_per_day and awake > 0
    assert info["day"] == 1


def trajectory(seed, actions):
    env = gym.make("ProPerSim-v0", persona="random", days=1)
    obs, info = env.reset(seed=seed)
    out = [(obs["time"], obs["user_action"], info["persona_id"])]
    for a in actions:
        obs, reward, *_ , info = env.step(a)
        out.append((obs["time"], obs["user_action"], obs["memory"], reward, tuple(info["scores"].items())))
    return out


def run_until_truncated(env):
    truncated = False
    while not truncated:
        *_, truncated, info = env.step("")
    return info


def test_stepping_after_the_episode_ended_is_a_clear_error_until_reset():
    env = gym.make("ProPerSim-v0", persona=4, days=1)
    env.reset(seed=0)
    run_until_truncated(env)
    ended = r"the episode ended \(its 1 day\(s\) are over.*\); call reset\(\) before "
    with pytest.raises(RuntimeError, match=ended + r"step\(\)"):
        env.step("")
    with pytest.raises(RuntimeError, match=ended + r"score_candidates\(\)"):
        env.unwrapped.score_candidates([SUGGESTION])
    with pytest.raises(RuntimeError, match=ended + r"revise_suggestion\(\)"):
        env.unwrapped.revise_suggestion(SUGGESTION)
    env.reset(seed=1)
    assert env.step(SUGGESTION)[3] is False


def test_extend_reopens_an_ended_episode_for_more_days():
    env = ProPerSimEnv(persona=4, days=1)
    env.reset(seed=0)
    last = run_until_truncated(env)
    observation, info = env.extend(2)
    assert info["day"] == 1 and info["time"] > last["time"] and observation["time"].startswith("Friday 2025-02-14")
    assert run_until_truncated(env)["day"] == 1
    with pytest.raises(RuntimeError, match="the episode ended"):
        env.step("")


def test_same_seed_same_trajectory_for_the_same_actions():
    actions = ["", SUGGESTION, "", "", SUGGESTION] * 20
    assert trajectory(7, actions) == trajectory(7, actions)
    assert trajectory(7, actions) != trajectory(8, actions)


def test_persona_list_draws_from_the_list_with_the_seed():
    env = gym.make("ProPerSim-v0", persona=[4, 9])
    drawn = {env.reset(seed=s)[1]["persona_id"] for s in range(12)}
    assert drawn == {4, 9}


def test_score_candidates_rates_without_changing_state():
    env = gym.make("ProPerSim-v0", persona=2)
    env.reset(seed=0)
    unwrapped = env.unwrapped
    before = (unwrapped.state, unwrapped.evaluation_memory.suggestions_today)
    ratings = unwrapped.score_candidates([SUGGESTION, "No Recommendation"])
    again = unwrapped.score_candidates([SUGGESTION, "No Recommendation"])
    assert [r.total for r in ratings] == [r.total for r in again]
    assert (unwrapped.state, unwrapped.evaluation_memory.suggestions_today) == before
    *_, info = env.step("")
    assert info["candidate_ratings"] == 2
    with pytest.raises(TypeError, match="list of texts"):
        unwrapped.score_candidates(SUGGESTION)


@pytest.mark.parametrize("kwargs, message", [
    ({"persona": 0}, "persona ids must be integers from 1 to 32"),
    ({"persona": "everyone"}, "persona must be an id"),
    ({"days": 0}, "days must be a positive integer"),
    ({"memory_level": "XYZ"}, "memory_level must be one of A, AS, ASC, ASCR"),
    ({"seconds_per_step": 7}, "seconds_per_step must be a positive integer that divides 86400"),
    ({"render_mode": "window"}, "render_mode must be one of"),
])
def test_bad_keyword_arguments_are_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ProPerSimEnv(**kwargs)


def test_an_unsupported_render_mode_fails_at_make():
    with pytest.warns(UserWarning, match="not in the possible render_modes"), \
            pytest.raises(ValueError, match=r"render_mode must be one of 'ansi', 'human', 'rgb_array', got 'window'"):
        gym.make("ProPerSim-v0", render_mode="window")


@pytest.mark.parametrize("level, shows, hides", [
    ("A", [], ["suggestion:", "score "]),
    ("AS", ["suggestion:"], ["score "]),
    ("ASC", ["suggestion:", "score "], ["reasons:"]),
    ("ASCR", ["suggestion:", "score ", "reasons:"], []),
])
def test_memory_levels_choose_what_the_memory_shows(level, shows, hides):
    env = gym.make("ProPerSim-v0", memory_level=level)
    env.reset(seed=0)
    obs = env.step(SUGGESTION)[0]
    recent = obs["memory"].split("Hourly summaries")[0]
    for s in shows:
        assert s in recent
    for h in hides:
        assert h not in recent
    assert re.search(r"\d\d:00-\d\d:00: 1 recommendation in 1 decision\b", obs["memory"])


def test_renders_text_and_an_rgb_image():
    env = gym.make("ProPerSim-v0", render_mode="ansi")
    env.reset(seed=0)
    env.step(SUGGESTION)
    text = env.render()
    assert "@" in text and "score" in text
    env = gym.make("ProPerSim-v0", render_mode="rgb_array")
    env.reset(seed=0)
    env.step(SUGGESTION)
    image = env.render()
    assert image.dtype == np.uint8 and image.ndim == 3 and image.shape[2] == 3
    assert (image == [220, 40, 40]).all(axis=2).any()  # the resident is drawn


def test_human_mode_prints_the_text_frame_after_reset_and_every_step(capsys):
    env = gym.make("ProPerSim-v0", render_mode="human")
    assert not isinstance(env, gym.wrappers.HumanRendering), "human mode is native: no pygame window"
    text = gym.make("ProPerSim-v0", render_mode="ansi")
    env.reset(seed=0)
    text.reset(seed=0)
    assert capsys.readouterr().out == text.render() + "\n\n"
    env.step(SUGGESTION)
    text.step(SUGGESTION)
    printed = capsys.readouterr().out
    assert printed == text.render() + "\n\n" and "score" in printed
    assert env.render() is None
    assert capsys.readouterr().out == printed, "render() shows the frame again"


def test_async_with_shared_memory_is_refused_with_the_fix_in_the_message():
    with pytest.raises(ValueError, match=r"vector_kwargs=\{'shared_memory': False\}"):
        gym.make_vec("ProPerSim-v0", num_envs=2, vectorization_mode="async")


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_vector_envs_run_a_full_day(mode):
    kwargs = {"vector_kwargs": {"shared_memory": False}} if mode == "async" else {}
    envs = gym.make_vec("ProPerSim-v0", num_envs=4, vectorization_mode=mode, **kwargs)
    envs.reset(seed=0)
    actions = ("", "Prenez un thé 🌱", "No Recommendation", SUGGESTION)
    obs, *_ = envs.step(actions)
    assert "Prenez un thé 🌱" in obs["memory"][1]  # any text survives the trip between processes
    finished = np.zeros(4, dtype=bool)
    for _ in range(600):
        obs, reward, terminated, truncated, info = envs.step(actions)
        assert reward.shape == (4,)
        finished |= truncated
        if finished.all():
            break
    envs.close()
    assert finished.all()
