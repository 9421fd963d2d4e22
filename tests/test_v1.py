"""ProPerSim-v1: a resident who listens (issue 18)."""

import copy
import itertools
import pickle
import time

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import propersim_env  # noqa: F401  (registers the envs)
from propersim_env.envs import EnvConfig, EnvConfigV1, ProPerSimV1Env, listener
from propersim_env.envs.proposal_activity import proposed_activity
from propersim_env.personas import load_persona
from propersim_env.user.acceptance import acceptance_probability
from propersim_env.user.acting import insert_block, is_anchor, start_after
from propersim_env.user.goals import GoalTracker, weekly_goals
from propersim_env.user.needs import NEEDS, Needs

WALK = "A slow walk around the garden could give you some fresh air."


def _v1(**options) -> ProPerSimV1Env:
    return ProPerSimV1Env(**{"persona": 1, "days": 1, **options})


def _to_free_time(env, activity="garden_walk"):
    """Step no-ops until the coming block could become ``activity``."""
    while True:
        r = env.resident
        start = start_after(env.clock.minutes_since_start(r.step_index + 1))
        if r.plan.wake <= start < r.plan.bedtime and env.state.activity != activity \
                and insert_block(r.plan.blocks, activity, start, 45) is not None:
            return
        env.step("")


def _trajectory(env, steps):
    out = []
    for _ in range(steps):
        truncated = env.step("")[3]
        out.append((env.state.activity, env.state.tile))
        if truncated:
            break
    return out


def _forced(monkeypatch, chance):
    monkeypatch.setattr(listener, "acceptance_probability", lambda *a, **k: chance)


@pytest.mark.slow
def test_check_env_passes():
    check_env(gym.make("ProPerSim-v1", persona=3, days=1).unwrapped, skip_render_check=True)


def test_registered_beside_v0():
    env = gym.make("ProPerSim-v1", persona=3, days=1)
    assert isinstance(env.unwrapped, ProPerSimV1Env)
    assert "v1:" in ProPerSimV1Env.__doc__ and "wellbeing_weight" in ProPerSimV1Env.__doc__
    obs, info = env.reset(seed=1)
    assert obs["resident_reply"] == "" and "resident_reply" in env.observation_space.spaces
    assert set(obs) == {"time", "user_action", "memory", "features", "resident_reply"}
    assert {"rating", "wellbeing", "needs"} <= set(info)
    v0 = gym.make("ProPerSim-v0", persona=3)
    assert "resident_reply" not in v0.observation_space.spaces and "wellbeing_weight" not in EnvConfig().__dict__


def test_options():
    assert _v1().config.wellbeing_weight == 100.0
    assert _v1(wellbeing_weight=0).config.wellbeing_weight == 0
    with pytest.raises(ValueError, match="wellbeing_weight"):
        _v1(wellbeing_weight=-1)
    with pytest.raises(TypeError, match="wellbeing_weight"):
        EnvConfig(wellbeing_weight=1)  # a v1 option, not v0's
    assert isinstance(ProPerSimV1Env(EnvConfig(persona=2)).config, EnvConfigV1)


def test_accepted_suggestion_changes_the_next_hours(monkeypatch):
    _forced(monkeypatch, 1.0)
    plain, told = _v1(), _v1()
    plain.reset(seed=4)
    told.reset(seed=4)
    _to_free_time(plain)
    _to_free_time(told)
    assert plain.state == told.state
    before = told.state
    _, _, _, _, info = told.step(WALK)
    plain.step("")
    assert info["proposed_activity"] == "garden_walk" and info["accepted"] and info["acted"]
    assert info["resident_reply"] and told._observation()["resident_reply"] == info["resident_reply"]
    a, b = _trajectory(plain, 24), _trajectory(told, 24)
    assert a != b
    assert any(act == "garden_walk" for act, _ in b) and before.activity != "garden_walk"
    assert {tile for _, tile in b} != {tile for _, tile in a}  # somewhere else: the garden


def test_declined_suggestion_changes_nothing(monkeypatch):
    _forced(monkeypatch, 0.0)
    plain, told = _v1(), _v1()
    plain.reset(seed=4)
    told.reset(seed=4)
    _to_free_time(plain)
    _to_free_time(told)
    _, _, _, _, info = told.step(WALK)
    plain.step("")
    assert info["accepted"] is False and not info["acted"] and info["resident_reply"]
    assert _trajectory(plain, 200) == _trajectory(told, 200)


@pytest.mark.slow
def test_anchors_never_move(monkeypatch):
    _forced(monkeypatch, 1.0)
    texts = [WALK, "You could call a friend you have not spoken to in a while.", "You could try some yoga.",
             "A short nap could help you recharge for the rest of the day.", ""]
    plain, told = _v1(days=2), _v1(days=2)
    plain.reset(seed=2)
    told.reset(seed=2)
    anchors = {}, {}
    acted, i, done = 0, 0, [False, False]
    while not all(done):
        for k, env in enumerate((plain, told)):
            if done[k]:
                continue
            _, _, _, truncated, info = env.step(texts[i % len(texts)] if k else "")
            acted += k and info["acted"]
            for b in env.resident.plan.blocks:
                if is_anchor(b.activity):
                    anchors[k].setdefault(env.resident.day, set()).add(b)
            done[k] = truncated
        i += 1
    assert acted >= 3
    assert anchors[0] == anchors[1]


def test_same_seed_same_trajectory():
    def run():
        env = _v1(persona=6)
        env.reset(seed=9)
        out = []
        for i in range(400):
            obs, reward, _, truncated, info = env.step(WALK if i % 7 == 0 else "")
            out.append((obs["user_action"], obs["resident_reply"], reward, info["accepted"], tuple(info["needs"].values())))
            if truncated:
                break
        return out

    assert run() == run()


def test_needs_stay_in_range_and_respond_to_activities():
    persona = load_persona(1)
    needs = Needs.start(persona)
    for _ in range(2000):
        needs.update("work", 2.5, False)
        assert all(0.0 <= needs.levels[n] <= 1.0 for n in NEEDS)
    assert needs.levels["movement"] == 0.0 and needs.in_range() < 1
    needs.update("exercise", 60, False)
    assert needs.levels["movement"] > 0.5
    needs.update("meal", 30, False)
    assert needs.levels["nourishment"] >= 0.5
    calm_before = needs.levels["calm"]
    needs.update("mindfulness", 30, False)
    assert needs.levels["calm"] > calm_before
    # the traits set the rates: an extravert misses company faster than an introvert
    assert Needs.start(load_persona(1)).rates["social"] > Needs.start(load_persona(2)).rates["social"]


def test_needs_hidden_and_tracked_in_the_env():
    env = _v1()
    obs, info = env.reset(seed=0)
    assert "needs" not in obs and not any("energy" in str(v) for v in obs.values() if isinstance(v, str))
    first = dict(info["needs"])
    for _ in range(100):
        obs, _, _, _, info = env.step("")
    assert info["needs"] != first and all(0 <= v <= 1 for v in info["needs"].values())


def test_acceptance_rises_with_rating_and_follows_traits():
    needs = Needs.start(load_persona(1))
    agreeable, blunt = load_persona(1), load_persona(3)  # HHHHH and HLHHH
    chances = [acceptance_probability(r, agreeable, False, needs, None) for r in range(5)]
    assert chances == sorted(chances) and chances[0] < 0.1 and chances[4] > 0.7
    assert acceptance_probability(3, blunt, False, needs, None) < chances[3]
    assert acceptance_probability(3, agreeable, True, needs, None) < chances[3]  # busy
    assert acceptance_probability(float("nan"), agreeable, False, needs, None) == 0


@pytest.mark.slow
def test_acceptance_rate_rises_with_rating_in_the_env():
    env = _v1(persona=1, days=2)
    env.reset(seed=0)
    texts = [WALK, "You could sketch the view from the window for fifteen minutes as a warm-up.",
             "Purple tea is dancing on the ceiling.", "You could call a friend you have not spoken to in a while."]
    by_rating = {}
    i = 0
    while True:
        _, _, _, truncated, info = env.step(texts[i % len(texts)] if i % 3 == 0 else "")
        if info["accepted"] is not None:
            by_rating.setdefault(int(info["rating"]), []).append(info["accepted"])
        i += 1
        if truncated:
            break
    rates = {r: np.mean(v) for r, v in sorted(by_rating.items())}
    print("acceptance rate by rating:", {r: (round(float(x), 2), len(by_rating[r])) for r, x in rates.items()})
    low, high = min(rates), max(rates)
    assert high > low and rates[high] > rates[low]


def test_reward_parts_and_day_end_wellbeing():
    env = _v1(days=2, wellbeing_weight=50)
    env.reset(seed=3)
    ends = []
    while True:
        _, reward, _, truncated, info = env.step("")
        assert reward == pytest.approx(info["rating"] + info["wellbeing"])
        if info["day_end"]:
            ends.append(info)
        else:
            assert info["wellbeing"] == 0 and info["wellbeing_score"] is None
        if truncated:
            break
    assert len(ends) == 2
    for info in ends:
        assert 0 <= info["wellbeing_score"] <= 1
        assert info["wellbeing"] == pytest.approx(50 * info["wellbeing_score"])


def test_weekly_goals_from_the_persona():
    goals = {g.name: g for g in weekly_goals(load_persona(1))}
    assert goals["move"].target == 5 and goals["connect"].target == 4  # conscientious, extraverted
    assert goals["craft"].activities == {"redecorating"}
    tracker = GoalTracker.start(load_persona(1))
    for _ in range(8):  # 20 minutes of a walk: one session
        tracker.update("garden_walk", 2.5, 0)
    tracker.update("reading", 2.5, 0)
    assert tracker.counts["move"] == 1
    assert tracker.progress(0) > 0
    tracker.update("reading", 2.5, 7)  # a new week
    assert tracker.counts["move"] == 0


def test_proposed_activity():
    persona = load_persona(1)
    assert proposed_activity(WALK, persona) == "garden_walk"
    assert proposed_activity("You could call a friend you have not spoken to in a while.", persona) == "phone_call"
    assert proposed_activity("Purple tea is dancing on the ceiling.", persona) is None
    assert proposed_activity("", persona) is None
    # a word finds an activity through its dictionary form, not only its spelling
    assert proposed_activity("Ten minutes of meditating might settle the afternoon.", persona) == "meditation"
    assert proposed_activity("Maybe meditate on the cushion for a bit?", persona) == "meditation"


def test_insert_block_keeps_anchors():
    env = _v1()
    env.reset(seed=0)
    blocks = env.resident.plan.blocks
    work = next(b for b in blocks if b.activity == "client_design_work")
    assert insert_block(blocks, "garden_walk", work.start + 10, 45) is None  # inside an anchor
    free = next(b for b in blocks if not is_anchor(b.activity) and b.duration >= 30)
    out = insert_block(blocks, "yoga", free.start, 500)
    assert out is not None and any(b.activity == "yoga" for b in out)
    assert [b for b in out if is_anchor(b.activity)] == [b for b in blocks if is_anchor(b.activity)]
    assert all(a.end == b.start for a, b in itertools.pairwise(out))  # still no gap, no overlap


def test_state_dict_round_trip():
    env = _v1(days=2)
    env.reset(seed=5)
    for i in range(150):
        env.step(WALK if i % 10 == 0 else "")
    saved = pickle.loads(pickle.dumps(env.state_dict()))
    other = _v1(days=2)
    other.reset(seed=123)
    other.load_state_dict(saved)
    assert other.listener.reply == env.listener.reply and other.listener.needs.levels == env.listener.needs.levels
    a = [env.step(WALK if i % 9 == 0 else "")[1:] for i in range(120)]
    b = [other.step(WALK if i % 9 == 0 else "")[1:] for i in range(120)]
    assert [x[:3] for x in a] == [x[:3] for x in b]
    assert [x[3]["needs"] for x in a] == [x[3]["needs"] for x in b]
    v0_state = copy.deepcopy(saved)
    del v0_state["listening"]
    with pytest.raises(ValueError, match="listening"):
        other.load_state_dict(v0_state)


def test_speed_v1_against_v0():
    rates = {}
    for env_id in ("ProPerSim-v0", "ProPerSim-v1"):
        env = gym.make(env_id, persona=1, days=1).unwrapped
        env.reset(seed=0)
        n, t0 = 0, time.perf_counter()
        while not env.step("")[3]:
            n += 1
        rates[env_id] = n / (time.perf_counter() - t0)
    print("no-op steps per second:", {k: round(v) for k, v in rates.items()})


# ---- the v1 baselines (agents/baselines.py) -------------------------------------------


def _episode(policy_name, hide_needs=False, persona=1, days=1):
    from agents.baselines import make_policy

    env = _v1(persona=persona, days=days)
    policy = make_policy(policy_name)
    obs, info = env.reset(seed=0)
    policy.reset(0, info)
    actions, wellbeing = [], []
    while True:
        seen = {k: v for k, v in info.items() if k not in ("needs", "goals")} if hide_needs else info
        action = policy.act(obs, seen)
        actions.append(action)
        obs, _, _, truncated, info = env.step(action)
        policy.observe(info["rating"], info)
        if info["day_end"]:
            wellbeing.append(info["wellbeing_score"])
        if truncated:
            return actions, wellbeing


def test_v1_policies_are_registered_beside_the_study_set():
    import tomllib
    from pathlib import Path

    from agents.baselines import POLICIES, V1_POLICIES, NeedsAware, OracleV1, make_policy

    assert set(POLICIES) == {"never", "always", "random", "periodic", "heuristic", "oracle"}  # v0's default set
    assert V1_POLICIES == {"needs_aware": NeedsAware, "oracle_v1": OracleV1}
    points = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]["entry-points"]
    assert points["propersim_env.policies"]["needs_aware"] == "agents.baselines:NeedsAware"
    assert points["propersim_env.policies"]["oracle_v1"] == "agents.baselines:OracleV1"
    assert isinstance(make_policy("needs_aware"), NeedsAware)


@pytest.mark.slow
def test_needs_aware_reads_behaviour_only_and_oracle_v1_reads_the_needs():
    seen, _ = _episode("needs_aware")
    hidden, _ = _episode("needs_aware", hide_needs=True)
    assert seen == hidden and any(seen)
    told, _ = _episode("oracle_v1")
    blind, _ = _episode("oracle_v1", hide_needs=True)
    assert told != blind  # without the needs it is v0's oracle


@pytest.mark.slow
def test_needs_policies_raise_wellbeing_over_never():
    _, never = _episode("never", days=2)
    _, aware = _episode("needs_aware", days=2)
    _, oracle = _episode("oracle_v1", days=2)
    print("day-end well-being, persona 1, 2 days: never", never, "needs_aware", aware, "oracle_v1", oracle)
    assert sum(aware) > sum(never) and sum(oracle) > sum(never)


@pytest.mark.slow
def test_compare_policies_on_v1_reports_wellbeing(tmp_path):
    import csv
    import json
    import math
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import compare_policies

    args = ["--env", "ProPerSim-v1", "--policies", "never,needs_aware", "--personas", "2", "--days", "1",
            "--out", str(tmp_path), "--workers", "1", "--no-progress"]
    assert compare_policies.main(args) == 0
    assert sorted(p.name for p in (tmp_path / "cells").iterdir()) == [
        "needs_aware_p02_s0_d1_n0_k0_v1.json", "never_p02_s0_d1_n0_k0_v1.json"]
    rows = list(csv.DictReader((tmp_path / "wellbeing.csv").open()))
    assert [r["policy"] for r in rows] == ["never", "needs_aware"]
    assert all(0 <= float(r["wellbeing"]) <= 1 for r in rows) and rows[0]["acceptance_rate"] == ""
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["grid"]["env"] == "ProPerSim-v1" and set(summary["v1"]["overall"]) == {"never", "needs_aware"}
    assert "day-end well-being per day" in (tmp_path / "table.md").read_text()
    assert "well-being by trait level" in (tmp_path / "table.md").read_text()
    persona_2 = load_persona(2).big_five
    for trait, level in persona_2.items():  # one persona: its levels hold its figures, the others none
        other = "low" if level == "high" else "high"
        by_level = summary["v1"]["by_trait"]["needs_aware"][trait]
        assert by_level[level]["wellbeing"] == pytest.approx(float(rows[1]["wellbeing"]))
        assert by_level[other]["wellbeing"] is None or math.isnan(by_level[other]["wellbeing"])
    per_day = summary["v1"]["per_day"]["needs_aware"]
    assert set(per_day) == {"wellbeing", "needs_in_range", "goal_progress"}
    assert per_day["wellbeing"] == [pytest.approx(float(rows[1]["wellbeing"]))]
    for name in ("wellbeing_per_day.png", "rating_vs_wellbeing.png"):
        assert (tmp_path / "plots" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(SystemExit):
        compare_policies.parse_args(["--env", "ProPerSim-v1", "--noise", "0.1"])
    assert compare_policies.parse_args([]).policies == ["never", "always", "random", "periodic", "heuristic",
                                                        "oracle"]  # v0's default set


# ---- a suggestion helps only when it meets a low need; changes cost something (issue 18) ----
READ = "Maybe read a chapter of your book?"


def test_refill_tapers_once_a_need_is_met_and_changes_cost():
    from propersim_env.user.needs import LOW, SATED, SWITCH_COST

    def gain(level):
        needs = Needs(dict.fromkeys(NEEDS, 1.0), {**dict.fromkeys(NEEDS, 0.5), "movement": level})
        needs.update("exercise", 10, False)
        return needs.levels["movement"] - level

    assert gain(LOW - 0.1) == pytest.approx(gain(SATED - 0.01), rel=1e-6) and gain(LOW - 0.1) > 0
    assert gain(0.9) < gain(SATED) / 2 and gain(1.0) <= 0  # topped up past where it helps: nothing
    needs = Needs(dict.fromkeys(NEEDS, 1.0), dict.fromkeys(NEEDS, 0.8))
    needs.switched()
    assert needs.levels["calm"] == pytest.approx(0.8 - SWITCH_COST["calm"])
    assert needs.levels["energy"] == pytest.approx(0.8 - SWITCH_COST["energy"])
    calm = needs.levels["calm"]
    needs.interrupted(False)
    free = calm - needs.levels["calm"]
    calm = needs.levels["calm"]
    needs.interrupted(True)
    assert 0 < free < calm - needs.levels["calm"]


def test_goals_count_one_session_per_goal_a_day():
    tracker = GoalTracker.start(load_persona(1))
    for _ in range(4):  # four walks on one day
        tracker.update("garden_walk", 20, 0)
        tracker.update("reading", 20, 0)
    assert tracker.counts["move"] == 1
    tracker.update("garden_walk", 20, 1)
    assert tracker.counts["move"] == 2


def _day_end_score(monkeypatch, chance, text, moment):
    """Persona 1's day-end well-being when ``text`` is heard at the first free ``moment(levels)``
    and acted on with probability ``chance`` (1 or 0)."""
    _forced(monkeypatch, chance)
    env = _v1()
    env.reset(seed=0)
    activity = proposed_activity(text, env.persona)
    while True:
        r = env.resident
        start = start_after(env.clock.minutes_since_start(r.step_index + 1))
        if (moment(env.listener.needs.levels) and r.plan.wake <= start < r.plan.bedtime and env.state.activity != activity
                and env.state.category not in ("work", "meal")
                and insert_block(r.plan.blocks, activity, start, 45) is not None):
            break
        env.step("")
    info = env.step(text)[4]
    assert info["acted"] is (chance == 1)
    while not info["day_end"]:
        info = env.step("")[4]
    return info["wellbeing_score"]


def test_accepted_suggestion_that_meets_a_low_need_raises_the_day_end_score(monkeypatch):
    from propersim_env.user.needs import LOW

    low = lambda levels: levels["movement"] < LOW
    assert _day_end_score(monkeypatch, 1.0, WALK, low) > _day_end_score(monkeypatch, 0.0, WALK, low) + 0.05


def test_accepted_suggestion_that_meets_no_low_need_does_not_raise_it(monkeypatch):
    from propersim_env.user.needs import LOW, SATED

    met = lambda levels: min(levels.values()) >= LOW and levels["calm"] >= SATED
    for text in (READ, "How about watching a film?"):
        assert _day_end_score(monkeypatch, 1.0, text, met) <= _day_end_score(monkeypatch, 0.0, text, met)


@pytest.mark.slow
def test_random_proposals_and_cheap_texts_do_not_gain():
    """Pushing the resident around at random, or a cheap text at every step, does not buy well-being:
    random stays below silence, silence below needs_aware, needs_aware below oracle_v1."""
    from agents.baselines import Policy

    class Nag(Policy):  # a well-meant text at every step
        def act(self, observation, info):
            return READ

    def nag_episode(persona, days):
        env = _v1(persona=persona, days=days)
        policy = Nag()
        obs, info = env.reset(seed=0)
        policy.reset(0, info)
        out = []
        while True:
            obs, _, _, truncated, info = env.step(policy.act(obs, info))
            if info["day_end"]:
                out.append(info["wellbeing_score"])
            if truncated:
                return out

    totals = {"random": 0.0, "never": 0.0, "needs_aware": 0.0, "oracle_v1": 0.0, "always": 0.0, "nag": 0.0}
    for persona in (1, 9, 17):
        for name in ("random", "never", "needs_aware", "oracle_v1", "always"):
            totals[name] += sum(_episode(name, persona=persona, days=2)[1])
        totals["nag"] += sum(nag_episode(persona, 2))
    print("day-end well-being, personas 1, 9, 17 x 2 days:", totals)
    assert totals["random"] < totals["never"] < totals["needs_aware"] < totals["oracle_v1"]
    assert totals["nag"] < totals["never"] and totals["always"] <= totals["never"]


def test_an_ended_episode_extended_goes_on_with_v1s_info():
    env = ProPerSimV1Env(persona=3, days=1)
    _, first = env.reset(seed=0)
    truncated = False
    while not truncated:
        _, _, _, truncated, _ = env.step("How about a short walk outside?")
    observation, info = env.extend(2)
    assert set(first) <= set(info)
    assert info["rating"] == 0.0 and info["accepted"] is None and not info["day_end"]
    assert info["resident_reply"] == observation["resident_reply"]
    assert env.clock.day_of(env.state.step) == 1
    _, reward, _, _, info = env.step("")
    assert reward == info["rating"] + info["wellbeing"]


@pytest.mark.slow
def test_the_acceptance_benchmark_counts_every_suggestion_by_rating_and_traits():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import v1_acceptance

    asked, accepted = v1_acceptance.acceptance(["oracle", "random"], [1, 4], days=1, seed=0)
    by_rating = {k[1]: n for k, n in asked.items() if k[0] == "rating"}
    by_traits = {k[1]: n for k, n in asked.items() if k[0] == "traits"}
    assert sum(by_rating.values()) == sum(by_traits.values()) > 0  # each suggestion counted once in each
    assert all(0 <= accepted[k] <= asked[k] for k in asked)
    rates = [accepted[("rating", r)] / asked[("rating", r)] for r in sorted(by_rating) if asked[("rating", r)] >= 10]
    assert len(rates) >= 2 and rates == sorted(rates)  # a better-rated suggestion is taken up more often
