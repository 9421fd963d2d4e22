"""Moments as data (env.unwrapped.moment()) and the TRL-style reward functions built on them."""

import pickle

import gymnasium as gym
import pytest

import propersim_env  # noqa: F401
from propersim_env.core import CRITERIA
from propersim_env.rewards import REWARD_NAMES, MomentStore, reward_functions

TEXTS = ["How about a short walk outside before dinner?", "", "Why not read a chapter of that history book?",
         "Fancy some jazz while you cook?", "How about a short walk outside before dinner?"]


def _env_at(steps: int, persona: int = 3):
    env = gym.make("ProPerSim-v0", persona=persona, days=2)
    env.reset(seed=1)
    for k in range(steps):
        env.step("" if k % 4 else "How about a short walk outside before dinner?")
    return env


@pytest.mark.parametrize("steps", [0, 57, 300])
def test_a_pickled_moment_rates_like_score_candidates_at_that_step(steps):
    env = _env_at(steps)
    moment = env.unwrapped.moment()
    expected = env.unwrapped.score_candidates(TEXTS)
    restored = pickle.loads(pickle.dumps(moment))
    for _ in range(60):  # the env and its memory move on; the moment does not
        env.step("Try a cup of green tea?")
    assert restored.rate(TEXTS) == expected
    assert restored.time == moment.state.time and restored.persona_id == 3


def test_taking_a_moment_changes_nothing_and_is_not_counted():
    env = _env_at(20)
    before = env.unwrapped.state_dict()["seat"]["evaluation_memory"].decisions_today
    env.unwrapped.moment()
    *_, info = env.step("")
    assert info["candidate_ratings"] == 0
    assert env.unwrapped.evaluation_memory.decisions_today == before + 1


def test_a_moment_of_the_llm_evaluator_asks_for_a_client():
    from propersim_env.seat import Moment

    moment = _env_at(3).unwrapped.moment()
    llm_moment = Moment(moment.persona_id, moment.state, moment.memory, evaluator="llm")
    with pytest.raises(ValueError, match="pass llm="):
        llm_moment.rate(["Tea?"])
    with pytest.raises(TypeError, match="not one string"):
        moment.rate("Tea?")


def test_reward_functions_rate_each_row_at_its_own_moment():
    store = MomentStore()
    env = _env_at(10)
    early = store.add(env.unwrapped.moment())
    for _ in range(200):
        env.step("")
    late = store.add(env.unwrapped.moment())
    funcs = reward_functions(store)
    assert [f.__name__ for f in funcs] == [f"propersim_{n}" for n in REWARD_NAMES]
    completions = [[{"role": "assistant", "content": t}] for t in TEXTS[:3]] * 2
    ids = [early] * 3 + [late] * 3
    total, *criteria = [f(prompts=[None] * 6, completions=completions, moment_id=ids, trainer_state=None)
                        for f in funcs]
    ratings = store[early].rate(TEXTS[:3]) + store[late].rate(TEXTS[:3])
    assert total == [float(r.total) for r in ratings]
    for name, values in zip(CRITERIA, criteria):
        assert values == [float(r.scores[name]) for r in ratings]
    assert total == [sum(v) for v in zip(*criteria)]


def test_reward_functions_reject_rows_without_a_moment():
    store = MomentStore()
    total = reward_functions(store, names=["total"])[0]
    with pytest.raises(ValueError, match="the rows have no 'moment_id' column.*columns given were: answer"):
        total(prompts=["p"], completions=["Tea?"], answer=["x"])
    with pytest.raises(ValueError, match="row moment_id 'm7' is not in the store"):
        total(prompts=["p"], completions=["Tea?"], moment_id=["m7"])
    with pytest.raises(ValueError, match="unknown reward names"):
        reward_functions(store, names=["kindness"])


def test_a_reader_turns_raw_completions_into_decisions(tmp_path):
    store = MomentStore()
    mid = store.add(_env_at(30).unwrapped.moment())
    total = reward_functions(store, read=lambda t: t.split("\n")[0].removeprefix("Suggestion: "),
                             names=["total"])[0]
    raw = total(completions=["Suggestion: Fancy some jazz while you cook?\n(because they like jazz)"], moment_id=[mid])
    assert raw == [float(store[mid].rate(["Fancy some jazz while you cook?"])[0].total)]
    store.save(tmp_path / "moments.pkl")
    again = MomentStore.load(tmp_path / "moments.pkl")
    assert again[mid].rate(TEXTS) == store[mid].rate(TEXTS)
