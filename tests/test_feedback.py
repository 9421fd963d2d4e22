"""Rating-noise and delayed-reward wrappers, and how the runner feeds them to policies."""

import gymnasium as gym
import pytest

import propersim_env  # noqa: F401
from agents.baselines import Policy, make_policy
from agents.runner import make_env, run_episode
from propersim_env.envs import DelayedReward, RatingNoise
from propersim_env.evaluation import CRITERIA

SUGGEST = "How about a short walk around the garden?"


def _rollout(env, steps, seed=0, action=SUGGEST):
    env.reset(seed=seed)
    out = []
    for _ in range(steps):
        obs, reward, terminated, truncated, info = env.step(action)
        out.append((obs, reward, info))
        if terminated or truncated:
            break
    return out


def test_noise_zero_changes_nothing_and_noise_one_inverts_every_criterion():
    clean = _rollout(gym.make("ProPerSim-v0", persona=4), 60)
    same = _rollout(RatingNoise(gym.make("ProPerSim-v0", persona=4), 0.0), 60)
    inverted = _rollout(RatingNoise(gym.make("ProPerSim-v0", persona=4), 1.0), 60)
    for (o, r, i), (o0, r0, i0), (o1, r1, i1) in zip(clean, same, inverted):
        assert o["user_action"] == o0["user_action"] == o1["user_action"]  # the env's own draws are untouched
        assert r0 == r and i0["scores"] == i["scores"] and i0["flipped"] == []
        assert r1 == 4 - r and i1["scores"] == {c: 1 - i["scores"][c] for c in CRITERIA}
        assert i1["true_reward"] == r and i1["true_scores"] == i["scores"]
        assert sorted(i1["flipped"]) == sorted(CRITERIA)


def test_noise_flips_criteria_at_the_given_rate_and_is_seeded():
    env = RatingNoise(gym.make("ProPerSim-v0", persona=9, days=2), 0.2)
    steps = _rollout(env, 2000)
    flips = sum(len(i["flipped"]) for _, _, i in steps) / (4 * len(steps))
    assert 0.17 < flips < 0.23
    for _, reward, info in steps:
        assert reward == sum(info["scores"].values())
        assert all(info["scores"][c] == 1 - info["true_scores"][c] for c in info["flipped"])

    def flipped(seed):
        return [i["flipped"] for _, _, i in _rollout(RatingNoise(gym.make("ProPerSim-v0", persona=9), 0.2), 200, seed)]
    assert flipped(3) == flipped(3) and flipped(3) != flipped(4)


def test_delay_delivers_each_rating_k_steps_late_and_flushes_at_the_end():
    k = 5
    true = _rollout(gym.make("ProPerSim-v0", persona=12), 10_000)
    delayed = _rollout(DelayedReward(gym.make("ProPerSim-v0", persona=12), k), 10_000)
    assert len(delayed) == len(true) > k + 1
    for t, (_, reward, info) in enumerate(delayed[:-1]):
        if t < k:
            assert reward == 0.0 and info["delivered"] == [] and info["scores"] == {} and info["reasons"] == {}
        else:
            assert reward == true[t - k][1] and info["scores"] == true[t - k][2]["scores"]
            assert [d["step"] for d in info["delivered"]] == [t - k]
        assert info["true_reward"] == true[t][1]
    last = delayed[-1][2]
    assert [d["step"] for d in last["delivered"]] == list(range(len(true) - k - 1, len(true)))
    assert delayed[-1][1] == sum(r for _, r, _ in true[-k - 1:])
    assert sum(r for _, r, _ in delayed) == sum(r for _, r, _ in true)


def test_delay_zero_delivers_every_rating_at_once():
    for _, reward, info in _rollout(DelayedReward(gym.make("ProPerSim-v0", persona=2), 0), 30):
        assert [d["reward"] for d in info["delivered"]] == [reward] and reward == info["true_reward"]


@pytest.mark.parametrize("p", [-0.1, 1.5, "0.2", True])
def test_noise_rejects_what_is_not_a_probability(p):
    with pytest.raises(ValueError, match="p must be a probability"):
        RatingNoise(gym.make("ProPerSim-v0"), p)


@pytest.mark.parametrize("k", [-1, 1.5, "3", True])
def test_delay_rejects_what_is_not_a_step_count(k):
    with pytest.raises(ValueError, match="k must be a non-negative integer"):
        DelayedReward(gym.make("ProPerSim-v0"), k)


class _Spy(Policy):
    name = "spy"

    def reset(self, seed, info):
        super().reset(seed, info)
        self.seen = []

    def act(self, observation, info):
        return SUGGEST

    def observe(self, reward, info):
        self.seen.append((reward, info["scores"]))


def test_runner_scores_true_ratings_and_feeds_each_delivered_rating_to_the_policy():
    plain, spy = _Spy(), _Spy()
    clean = run_episode(make_env(6, 1), plain, seed=1)
    noisy_late = run_episode(make_env(6, 1, noise=0.3, delay=4), spy, seed=1)
    assert [(r.reward, r.scores) for r in noisy_late] == [(r.reward, r.scores) for r in clean]
    assert len(spy.seen) == len(plain.seen) == len(clean)  # one observe per rating, none with empty scores
    assert all(set(scores) == set(CRITERIA) for _, scores in spy.seen)
    assert [s for _, s in spy.seen] != [s for _, s in plain.seen]  # the policy saw noisy, late feedback


def test_feedback_changes_what_an_adaptive_policy_does():
    clean = run_episode(make_env(1, 2), make_policy("heuristic"), seed=0)
    noisy = run_episode(make_env(1, 2, noise=0.5), make_policy("heuristic"), seed=0)
    assert [r.noop for r in clean] != [r.noop for r in noisy]
