"""Baseline policies and the policy comparison benchmark."""

import csv
import sys
from pathlib import Path

import gymnasium as gym
import pytest

import propersim_env  # noqa: F401
from agents.baselines import POLICIES, make_policy
from agents.runner import daily_summary, run_episode
from propersim_env.evaluation import CRITERIA

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import compare_policies  # noqa: E402


def test_policies_by_name_and_unknown_names():
    assert set(POLICIES) == {"never", "always", "random", "periodic", "heuristic", "oracle"}
    with pytest.raises(ValueError, match="unknown policy 'smart'"):
        make_policy("smart")


def test_policies_are_seeded():
    def actions(seed):
        env = gym.make("ProPerSim-v0", persona=5)
        obs, info = env.reset(seed=seed)
        policy = make_policy("random")
        policy.reset(seed, info)
        out = []
        for _ in range(50):
            a = policy.act(obs, info)
            obs, reward, _, _, info = env.step(a)
            out.append(a)
        return out
    assert actions(1) == actions(1) and actions(1) != actions(2)


@pytest.fixture(scope="module")
def means():
    """Mean score per policy over four contrasting personas, one day each."""
    out = {}
    for name in POLICIES:
        scores = []
        for persona in (1, 8, 17, 32):
            env = gym.make("ProPerSim-v0", persona=persona)
            records = run_episode(env, make_policy(name), seed=0)
            scores += [r.reward for r in records]
        out[name] = sum(scores) / len(scores)
    return out


@pytest.mark.slow
def test_the_reward_orders_the_baselines(means):
    assert means["oracle"] >= 3.5
    assert means["never"] <= means["oracle"] - 0.5
    assert means["always"] <= 2.5 and means["random"] <= 2.5
    assert means["never"] < means["heuristic"] < means["oracle"]


def test_daily_summary_computes_the_study_metrics():
    env = gym.make("ProPerSim-v0", persona=3, days=2)
    records = run_episode(env, make_policy("oracle"), seed=0)
    days = daily_summary(records, 2.5)
    assert [d["day"] for d in days] == [0, 1]
    for d in days:
        rs = [r for r in records if r.day == d["day"]]
        suggestions = [r for r in rs if not r.noop]
        assert d["mean_score"] == pytest.approx(sum(r.reward for r in rs) / len(rs))
        assert d["recs_per_hour"] == pytest.approx(len(suggestions) / (len(rs) * 2.5 / 60))
        assert d["success_rate"] == pytest.approx(sum(r.reward >= 3 for r in suggestions) / len(suggestions))
        assert all(0 <= d[c] <= 1 for c in CRITERIA)


@pytest.mark.slow
def test_compare_policies_writes_the_summary(tmp_path, capsys):
    assert compare_policies.main(["--policies", "never,oracle", "--personas", "2,31", "--days", "1",
                                  "--seeds", "0,1", "--out", str(tmp_path), "--workers", "1"]) == 0
    rows = list(csv.DictReader((tmp_path / "summary.csv").open()))
    assert len(rows) == 2 * 2 * 2
    assert list(rows[0])[:7] == ["policy", "persona", "seed", "day", "mean_score", "recs_per_hour", "success_rate"]
    assert set(CRITERIA) <= set(rows[0])
    never = [r for r in rows if r["policy"] == "never"]
    assert all(r["success_rate"] == "" and float(r["recs_per_hour"]) == 0 for r in never)
    assert all(0 <= float(r["mean_score"]) <= 4 for r in rows)
    table = capsys.readouterr().out
    assert "| never |" in table and "| oracle |" in table


def test_compare_policies_rejects_bad_arguments(capsys):
    with pytest.raises(SystemExit):
        compare_policies.main(["--policies", "never,psychic"])
    assert "unknown policies ['psychic']" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        compare_policies.main(["--personas", "0,40"])
    assert "persona ids must be 1-32" in capsys.readouterr().err
