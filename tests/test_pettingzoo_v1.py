"""The v1 household (residents who listen) as a PettingZoo env: the reward's two parts, acting
on suggestions, saving and resuming (the official API and seed tests: tests/test_pettingzoo.py)."""

import pickle
import warnings

import pytest

import propersim_env
from propersim_env.envs import HouseholdConfigV1, listener
from propersim_env.envs.pettingzoo_env import ProPerSimHousehold
from propersim_env.envs.pettingzoo_v1 import ProPerSimHouseholdV1
from propersim_env.user.acting import is_anchor

WALK = "How about a short walk outside to stretch your legs?"


@pytest.fixture(autouse=True)
def quiet_pettingzoo_advice():
    # PettingZoo advises Box/Discrete spaces and numbered agent names; text spaces
    # and assistant_<resident> names are this env's design
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        yield


def forced(monkeypatch, chance):
    monkeypatch.setattr(listener, "acceptance_probability", lambda *a, **k: chance)


def run(personas=(1, 2, 3), days=1, speaker="assistant_sofia", text=WALK, seed=0, stop_at=None, env=None):
    """Step a v1 household to its end (or ``stop_at`` steps), ``speaker``'s assistant saying
    ``text`` at every step and the others silent; the history of every step."""
    if env is None:
        env = propersim_env.parallel_env_v1(personas=list(personas), days=days)
        env.reset(seed=seed)
    history = []
    while env.agents and (stop_at is None or len(history) < stop_at):
        actions = {agent: text if agent == speaker else "" for agent in env.agents}
        observations, rewards, terminations, truncations, infos = env.step(actions)
        observations = {agent: {key: value.tolist() if hasattr(value, "tolist") else value
                                for key, value in observation.items()}
                        for agent, observation in observations.items()}
        history.append({"observations": observations, "rewards": rewards, "infos": infos,
                        "states": [(s.step, s.activity, s.address) for s in env.states],
                        "talks": [t.participants for t in env.household.new_conversations]})
    return env, history


def test_options_are_checked_and_the_name_says_v1():
    env = propersim_env.parallel_env_v1(personas=[1, 2], wellbeing_weight=10)
    assert env.metadata["name"] == "propersim_household_v1"
    assert env.config == HouseholdConfigV1(personas=(1, 2), wellbeing_weight=10.0)
    with pytest.raises(ValueError, match="wellbeing_weight must be a non-negative number, got -1"):
        propersim_env.parallel_env_v1(personas=[1], wellbeing_weight=-1)
    with pytest.raises(TypeError, match="config must be a HouseholdConfigV1"):
        ProPerSimHouseholdV1(propersim_env.envs.HouseholdConfig(personas=(1,)))
    with pytest.raises(TypeError, match="unknown option.*wellbeing_weight"):
        propersim_env.parallel_env(personas=[1], wellbeing_weight=1)


@pytest.mark.slow
def test_every_agents_reward_is_its_rating_plus_its_residents_day_end_wellbeing():
    env, history = run(days=2)
    day_ends = [h for h in history if all(i["day_end"] for i in h["infos"].values())]
    assert len(day_ends) == 2 and day_ends[-1] is history[-1]
    for h in history:
        for agent, info in h["infos"].items():
            assert h["rewards"][agent] == pytest.approx(info["rating"] + info["wellbeing"])
            if not info["rated"]:
                assert info["rating"] == 0.0 and info["accepted"] is None
            if info["day_end"]:
                assert 0 <= info["wellbeing_score"] <= 1
                assert info["wellbeing"] == pytest.approx(100.0 * info["wellbeing_score"])
            else:
                assert info["wellbeing"] == 0.0 and info["wellbeing_score"] is None
    # delivered to every agent at the household's day end, each from its own resident
    scores = {agent: info["wellbeing_score"] for agent, info in day_ends[0]["infos"].items()}
    assert len(set(scores.values())) == 3
    # the hidden needs are in info, never in the observation
    first = history[0]
    assert set(first["infos"]["assistant_sofia"]["needs"]) >= {"energy", "calm"}
    assert set(first["observations"]["assistant_sofia"]) == {"time", "user_action", "memory", "features",
                                                             "household", "resident_reply"}


@pytest.mark.slow
def test_an_accepted_suggestion_changes_that_residents_day_and_whom_it_meets(monkeypatch):
    forced(monkeypatch, 1.0)
    _, accepted = run()
    forced(monkeypatch, 0.0)
    _, declined = run()
    sofia_acted = [h for h in accepted if h["infos"]["assistant_sofia"]["acted"]]
    assert sofia_acted, "an accepted walk never changed Sofia's day"
    assert not any(h["infos"]["assistant_sofia"]["acted"] for h in declined)
    assert all(h["infos"]["assistant_sofia"]["accepted"] is False for h in declined
               if h["infos"]["assistant_sofia"]["rated"])
    # a declined suggestion leaves the day as it was: the same as a silent assistant
    _, silent = run(text="")
    assert [h["states"] for h in declined] == [h["states"] for h in silent]
    # accepted: Sofia's hours change to the proposed activity; anchored hours do not
    proposed = sofia_acted[0]["infos"]["assistant_sofia"]["proposed_activity"]
    walks = [h for h in accepted if h["states"][0][1] == proposed]
    assert len(walks) > sum(h["states"][0][1] == proposed for h in silent)
    anchored = [k for k, h in enumerate(silent) if is_anchor(h["states"][0][1])]
    assert anchored and all(accepted[k]["states"][0][1] == silent[k]["states"][0][1] for k in anchored)
    # ... and so whom the household meets and talks with changes
    assert [h["talks"] for h in accepted] != [h["talks"] for h in silent]
    # the reply is observed by Sofia's assistant only
    replied = next(h for h in accepted if h["infos"]["assistant_sofia"]["resident_reply"])
    assert replied["observations"]["assistant_sofia"]["resident_reply"] == \
        replied["infos"]["assistant_sofia"]["resident_reply"]
    assert replied["observations"]["assistant_tomas"]["resident_reply"] == ""


@pytest.mark.slow
def test_a_saved_household_goes_on_exactly_as_if_never_stopped():
    env, head = run(stop_at=200)
    saved = pickle.dumps(env.state_dict())
    _, tail = run(env=env)
    other = propersim_env.parallel_env_v1(personas=[1, 2, 3])
    other.reset(seed=123)
    other.load_state_dict(pickle.loads(saved))
    _, resumed = run(env=other)
    assert len(resumed) == len(tail) > 0
    assert resumed == tail


def test_each_household_refuses_the_others_saved_state():
    v1 = propersim_env.parallel_env_v1(personas=[1])
    v1.reset(seed=0)
    v0 = ProPerSimHousehold(personas=[1])
    v0.reset(seed=0)
    with pytest.raises(ValueError, match="saved by propersim_household_v1"):
        v0.load_state_dict(v1.state_dict())
    with pytest.raises(ValueError, match="saved by propersim_household_v0"):
        v1.load_state_dict(v0.state_dict())


@pytest.mark.slow
def test_an_ended_household_extended_goes_on_with_v1s_info():
    env, history = run(personas=(1, 2), days=1)
    assert not env.agents
    observations, infos = env.extend(2)
    for agent, info in infos.items():
        assert set(history[0]["infos"][agent]) - {"scores", "reasons"} <= set(info)
        assert info["accepted"] is None and info["resident_reply"] == observations[agent]["resident_reply"]
    _, later = run(env=env)
    assert later and later[-1]["infos"]["assistant_sofia"]["day_end"]
