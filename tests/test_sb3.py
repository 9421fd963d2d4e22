"""The Stable-Baselines3 bridge: Box observations, catalog actions, vector envs, training."""

import csv

import gymnasium as gym
import numpy as np
import pytest
from stable_baselines3 import PPO
from stable_baselines3.common.env_checker import check_env
from stable_baselines3.common.env_util import make_vec_env
from stable_baselines3.common.vec_env import SubprocVecEnv

import propersim_env
from agents import train_sb3
from agents.catalog import GENERIC, all_suggestions
from propersim_env.envs.catalog import action_texts
from propersim_env.envs.sb3 import BoxObservation, CatalogActions, HashedTextEmbedder
from propersim_env.personas import NUM_PERSONAS

pytestmark = pytest.mark.needs_torch  # stable-baselines3 runs on torch


@pytest.mark.parametrize("options", [{}, {"text_embedding": 16, "persona_one_hot": True, "persona": [3, 9]}])
def test_sb3_check_env_passes(options):
    env = propersim_env.make_sb3_env(**options)
    check_env(env)
    assert isinstance(env.observation_space, gym.spaces.Box) and env.observation_space.dtype == np.float32
    assert isinstance(env.action_space, gym.spaces.Discrete)


def test_the_observation_is_the_features_then_the_embedding_then_the_persona():
    env = propersim_env.make_sb3_env(persona=[3, 9], text_embedding=16, persona_one_hot=True)
    box, info = env.reset(seed=0)
    features = env.unwrapped._observation()["features"]
    n = len(env.unwrapped.feature_names)
    assert box.shape == (n + 16 + NUM_PERSONAS,) and env.observation_space.contains(box)
    np.testing.assert_array_equal(box[:n], features)
    embedding = box[n:n + 16]
    assert np.linalg.norm(embedding) == pytest.approx(1.0, abs=1e-5)
    np.testing.assert_array_equal(embedding, HashedTextEmbedder(16)(env.unwrapped.state.action))
    persona = box[n + 16:]
    assert persona.sum() == 1.0 and persona[info["persona_id"] - 1] == 1.0


def test_the_hashed_embedding_is_stable_and_tells_activities_apart():
    embed = HashedTextEmbedder(32)
    a = embed("Sofia Marchetti is having breakfast @ common room: dining table")
    assert np.array_equal(a, embed("Sofia Marchetti is having breakfast @ common room: dining table"))
    assert not np.array_equal(a, embed("Sofia Marchetti is taking a shower @ bathroom: shower"))
    assert not embed("").any()
    with pytest.raises(ValueError, match="positive integer"):
        HashedTextEmbedder(0)


def test_actions_map_to_the_catalog_and_zero_is_the_noop():
    env = propersim_env.make_sb3_env(persona=4)
    texts = action_texts()
    assert env.action_space.n == len(texts) == len(all_suggestions()) + 2  # no-op, catalog, generic
    assert texts[0] == "No Recommendation" and texts[-1] == GENERIC
    assert {t for _, t in all_suggestions()} < set(texts)
    env.reset(seed=0)
    *_, info = env.step(0)
    assert info["noop"] is True and info["suggestion"] is None
    *_, info = env.step(np.int64(5))
    assert info["noop"] is False and info["suggestion"] == texts[5]
    *_, info = env.step(np.array([7]))
    assert info["suggestion"] == texts[7]


@pytest.mark.parametrize("action, message", [(76, "out of range 0..75"), (-1, "out of range"),
                                             (1.5, "must be one integer"), ("3", "must be one integer"),
                                             (np.array([1, 2]), "must be one integer")])
def test_bad_discrete_actions_are_clear_errors(action, message):
    env = propersim_env.make_sb3_env()
    env.reset(seed=0)
    with pytest.raises(ValueError, match=message):
        env.step(action)


def test_a_custom_catalog_and_bad_options_are_checked():
    env = propersim_env.make_sb3_env(catalog=["You could water the garden beds."])
    assert env.action_space.n == 2
    with pytest.raises(ValueError, match=r"catalog\[1\] is a no-op"):
        propersim_env.make_sb3_env(catalog=["Read a book.", "No Recommendation"])
    with pytest.raises(ValueError, match="non-empty list"):
        propersim_env.make_sb3_env(catalog=[])
    with pytest.raises(ValueError, match="text_embedding must be"):
        propersim_env.make_sb3_env(text_embedding=-3)
    with pytest.raises(TypeError, match="Dict observation holding 'features'"):
        BoxObservation(gym.make("CartPole-v1"))
    assert isinstance(propersim_env.make_sb3_env(), CatalogActions)


@pytest.mark.slow
def test_sb3_subproc_vector_env_runs_the_wrapped_env():
    venv = make_vec_env(propersim_env.make_sb3_env, n_envs=2, seed=0, vec_env_cls=SubprocVecEnv,
                        env_kwargs={"persona": [1, 2], "text_embedding": 8})
    try:
        obs = venv.reset()
        assert obs.shape == (2, venv.observation_space.shape[0])
        for _ in range(20):
            obs, rewards, dones, infos = venv.step(np.array([0, 3]))
        assert rewards.shape == (2,) and all(0 <= r <= 4 for r in rewards)
        assert infos[0]["noop"] and not infos[1]["noop"]
    finally:
        venv.close()


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_gymnasium_vector_envs_run_the_text_env(mode):
    kwargs = {"vector_kwargs": {"shared_memory": False}} if mode == "async" else {}
    envs = gym.make_vec("ProPerSim-v0", num_envs=2, vectorization_mode=mode, **kwargs)
    try:
        obs, infos = envs.reset(seed=0)
        obs, rewards, *_ = envs.step(["", "You could sketch the view from the window."])
        assert rewards.shape == (2,) and obs["features"].shape[0] == 2
        assert "sketch the view" in obs["memory"][1]
    finally:
        envs.close()


@pytest.mark.slow
def test_ppo_trains_saves_and_loads_with_the_same_actions(tmp_path):
    env = propersim_env.make_sb3_env(persona=2, text_embedding=8)
    model = PPO("MlpPolicy", env, n_steps=128, batch_size=64, n_epochs=1, seed=0, device="cpu")
    before = [p.detach().clone() for p in model.policy.parameters()]
    model.learn(total_timesteps=256)
    assert model.num_timesteps == 256
    assert any(not np.allclose(a.numpy(), b.detach().numpy()) for a, b in zip(before, model.policy.parameters()))
    model.save(tmp_path / "ppo")
    loaded = PPO.load(tmp_path / "ppo", device="cpu")
    obs, _ = env.reset(seed=5)
    batch = np.stack([obs] + [env.step(0)[0] for _ in range(20)])
    np.testing.assert_array_equal(model.predict(batch, deterministic=True)[0],
                                  loaded.predict(batch, deterministic=True)[0])


@pytest.mark.slow
def test_the_training_script_writes_the_benchmark_summary(tmp_path, capsys):
    assert train_sb3.main(["--personas", "5", "--algos", "ppo,dqn", "--timesteps", "300", "--n-envs", "1",
                           "--eval-seeds", "1000", "--baselines", "never", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "ppo.zip").exists() and (tmp_path / "dqn.zip").exists()
    rows = list(csv.DictReader((tmp_path / "summary.csv").open()))
    assert [r["policy"] for r in rows] == ["ppo", "dqn", "never"]
    assert list(rows[0])[:7] == ["policy", "persona", "seed", "day", "mean_score", "recs_per_hour", "success_rate"]
    assert all(r["persona"] == "5" and r["seed"] == "1000" and 0 <= float(r["mean_score"]) <= 4 for r in rows)
    table = capsys.readouterr().out
    assert "| ppo |" in table and "| dqn |" in table and "| never |" in table


def test_the_training_script_refuses_seen_seeds_and_unknown_algorithms(capsys):
    with pytest.raises(SystemExit):
        train_sb3.main(["--eval-seeds", "0-3", "--n-envs", "2"])
    assert "must be held out: [0, 1]" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        train_sb3.main(["--algos", "a2c"])
    assert "unknown algorithms ['a2c']" in capsys.readouterr().err
