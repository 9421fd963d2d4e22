"""ProPerAssistant without a neural model: memory levels, memory text and retrieval,
embedders, the prompt, preference data and replay buffers, the candidate protocol
through the env, the OpenAI-compatible policy model and the resident's revision."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta

import gymnasium as gym
import numpy as np
import pytest

import propersim_env  # noqa: F401
from agents.proper_assistant import (AssistantConfig, AssistantFeedback, HashingEmbedder, InteractionMemory,
                                     OpenAIPolicyModel, PreferenceStore, ProPerAssistant, parse_memory_level)
from propersim_env.core.memory_level import LEVELS
from agents.proper_assistant.policy_models import PolicyModel
from agents.proper_assistant.preferences import (Candidate, RatedStep, dpo_rows, kto_rows, sft_rows, step_pairs,
                                                 write_jsonl)
from agents.proper_assistant.prompt import build_messages, read_completion
from propersim_env.core import NO_RECOMMENDATION
from agents.runner import run_episode
from propersim_env.llm.stub_server import StubServer
from propersim_env.personas import load_persona

T0 = datetime(2025, 2, 13, 9, 0)


# ---- memory levels ------------------------------------------------------------------
def test_memory_levels_parse_to_base_and_mixed_share():
    assert [parse_memory_level(n).base for n in LEVELS] == ["A", "AS", "ASC", "ASCR", "AS", "AS", "ASC", "ASC"]
    level = parse_memory_level("ASC8R2")
    assert (level.extra, level.extra_share) == ("R", 0.2)
    assert parse_memory_level("AS9C1").extra_share == pytest.approx(0.1)
    for bad in ("ASCRX", "AS7C3", "S", "", None):
        with pytest.raises(ValueError, match="memory_level must be one of"):
            parse_memory_level(bad)


def _fill(memory: InteractionMemory, n: int, start: datetime = T0, step_minutes: float = 2.5):
    for i in range(n):
        memory.record(start + timedelta(minutes=step_minutes * i), f"Ana is reading a novel (page {i}) @ sofa",
                      "How about some tea with your book?" if i % 3 == 0 else None, i % 5,
                      {"preference": "I like tea.", "timing": "Fine now."})


@pytest.mark.parametrize("name, share", [("AS9C1", 0.1), ("AS8C2", 0.2), ("ASC9R1", 0.1), ("ASC8R2", 0.2)])
def test_mixed_levels_show_the_extra_field_for_their_share(name, share):
    memory = InteractionMemory(name)
    memory.reset(seed=1)
    _fill(memory, 2000, step_minutes=0.1)
    field_shown = "score " if name.startswith("AS9") or name.startswith("AS8") else "reasons: "
    lines = [memory.line(it) for it in memory.items if it.suggestion or it.score < 4]
    shown = np.mean([field_shown in line for line in lines])
    assert abs(shown - share) < 0.035
    # the draw is made once per interaction: the same line every time it is shown
    assert [memory.line(it) for it in memory.items] == [memory.line(it) for it in memory.items]


def test_each_level_shows_what_it_names():
    texts = {}
    for name in ("A", "AS", "ASC", "ASCR"):
        memory = InteractionMemory(name)
        _fill(memory, 3)
        texts[name] = memory.to_text(T0 + timedelta(minutes=6), "Ana is reading a novel")
    assert "suggestion:" not in texts["A"] and "No Recommendation" not in texts["A"]
    assert '"How about some tea with your book?"' in texts["AS"] and "score" not in texts["AS"]
    assert "score 0/4" in texts["ASC"] and "reasons" not in texts["ASC"]
    assert "reasons: I like tea.; Fine now." in texts["ASCR"]


def test_memory_text_has_recent_window_hourly_and_yesterdays_blocks_and_stays_bounded():
    memory = InteractionMemory("ASC", max_chars=1200)
    _fill(memory, 60, start=T0 - timedelta(days=1), step_minutes=10)  # yesterday 09:00-18:50
    _fill(memory, 30, start=T0)  # today 09:00-10:12:30
    now = T0 + timedelta(minutes=75)
    text = memory.to_text(now, "Ana is reading a novel")
    recent = text.split("Today, hour by hour:")[0]
    assert recent.count("\n- ") == 4  # 10:05, 10:07:30, 10:10, 10:12:30 are within 10 minutes of 10:15
    assert "- 09:00-10:00: 8 recommendations in 24 decisions, mean score" in text
    assert "- 10:00-11:00: 2 recommendations in 6 decisions" in text
    assert "Yesterday, in 4-hour blocks:" in text and "- 08:00-12:00: 6 recommendations in 18 decisions" in text
    assert len(text) <= 1200
    many = InteractionMemory("ASCR", max_chars=300)
    _fill(many, 50)
    assert len(many.to_text(T0 + timedelta(minutes=60), "x")) <= 300


def test_retrieval_ranks_relevant_important_interactions_and_skips_the_recent_window():
    memory = InteractionMemory("ASC", top_k=2)
    memory.reset(seed=0)
    day = T0 - timedelta(days=1)
    memory.record(day, "Ana is cooking dinner @ kitchen: stove", "Try adding fresh basil to the sauce.", 4)
    memory.record(day + timedelta(minutes=5), "Ana is watering the plants @ garden", "Water the roses first.", 2)
    memory.record(day + timedelta(minutes=10), "Ana is cooking dinner @ kitchen: stove", None, 3)
    memory.record(T0 - timedelta(minutes=5), "Ana is cooking dinner @ kitchen: stove", "Stir the soup.", 4)
    found = memory.retrieve(T0, "Ana is cooking dinner @ kitchen: stove")
    assert [it.suggestion for it in found][0] == "Try adding fresh basil to the sauce."
    assert all(it.time < T0 - timedelta(minutes=10) for it in found)  # the 5-minute-old one is "recent"
    assert "Water the roses first." not in [it.suggestion for it in found]


# ---- embedders ------------------------------------------------------------------------
def test_hashing_embedder_is_unit_length_deterministic_across_processes_and_word_aware():
    e = HashingEmbedder()
    v = e.embed(["cooking dinner in the kitchen", "cooking lunch in the kitchen", "sleeping in bed", ""])
    assert np.allclose(np.linalg.norm(v[:3], axis=1), 1.0) and not v[3].any()
    assert v[0] @ v[1] > v[0] @ v[2]
    code = ("from agents.proper_assistant import HashingEmbedder; "
            "print(HashingEmbedder().embed(['cooking dinner in the kitchen'])[0].tolist())")
    other = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                      check=True, env={"PYTHONHASHSEED": "123"}).stdout)
    assert np.allclose(other, v[0])


# ---- prompt ----------------------------------------------------------------------------
def test_completion_reading():
    assert read_completion("  \n\"How about a short walk?\"\nmore text") == "How about a short walk?"
    assert read_completion("Suggestion: Drink some water.") == "Drink some water."
    assert read_completion("No Recommendation. The resident is busy.") == NO_RECOMMENDATION
    assert read_completion("no recommendation") == NO_RECOMMENDATION
    assert read_completion("   ") == NO_RECOMMENDATION
    assert len(read_completion("word " * 200)) == 300


def test_persona_given_prompt_carries_the_persona_and_plain_prompt_does_not():
    persona = load_persona(3)
    plain = build_messages("Thursday 2025-02-13 09:00", "Ana is reading", "memory here")
    given = build_messages("Thursday 2025-02-13 09:00", "Ana is reading", "memory here", persona)
    assert persona.name not in plain[0]["content"]
    assert persona.name in given[0]["content"] and persona.criteria["timing"] in given[0]["content"]
    assert plain[-1]["content"].endswith("or No Recommendation:") and "memory here" in plain[-1]["content"]
    assert all(persona.name not in m["content"] for m in given[1:])  # the examples are the same for everyone


def test_few_shot_examples_are_static_turns_before_the_moment():
    from agents.proper_assistant.prompt import EXAMPLES, FEW_SHOT_MOMENT
    from agents.proper_assistant.suggestion_kind import suggestion_kind

    one = build_messages("Thursday 2025-02-13 09:00", "Ana is reading", "memory one")
    two = build_messages("Friday 2025-02-14 18:30", "Ana is cooking", "memory two", load_persona(3))
    assert 3 <= len(EXAMPLES) <= 5 and len(one) == 2 + 2 * len(EXAMPLES)
    assert one[1:-1] == two[1:-1]  # identical bytes at every step: a server's prefix cache keeps them
    assert [m["role"] for m in one] == ["system"] + ["user", "assistant"] * len(EXAMPLES) + ["user"]
    assert one[-1]["content"] == FEW_SHOT_MOMENT.format(time="Thursday 2025-02-13 09:00", user_action="Ana is reading",
                                                        memory="memory one")
    answers = [a for _, a in EXAMPLES]
    assert NO_RECOMMENDATION in answers
    # every other answer is one short sentence spoken to the resident
    assert all(suggestion_kind(a) == "suggestion" and len(a.split()) <= 20 for a in answers if a != NO_RECOMMENDATION)
    for user, _ in EXAMPLES:  # in the form of the real moment: time and activity, memory, closing line
        head, memory, tail = user.split("\n\n")
        assert head.startswith("Time: ") and "\nNow: " in head and memory.startswith("Recent interactions")
        assert tail == one[-1]["content"].split("\n\n")[-1]


def test_the_plain_style_is_the_original_prompt_and_styles_are_checked():
    from agents.proper_assistant.prompt import PLAIN_SYSTEM

    plain = build_messages("Thursday 2025-02-13 09:00", "Ana is reading", "memory here", style="plain")
    assert plain == [{"role": "system", "content": PLAIN_SYSTEM},
                     {"role": "user", "content": "Now: Thursday 2025-02-13 09:00\nThe resident: Ana is reading\n\n"
                                                 "memory here\n\nYour decision:"}]
    given = build_messages("Thursday 2025-02-13 09:00", "Ana is reading", "memory here", load_persona(3), style="plain")
    assert given[0]["content"].startswith(PLAIN_SYSTEM) and load_persona(3).name in given[0]["content"]
    with pytest.raises(ValueError, match="prompt style"):
        build_messages("t", "a", "m", style="fancy")


@pytest.mark.parametrize("raw, decision", [
    ("Assistant: How about some jazz? It would suit the resident.", "How about some jazz?"),
    ("Sure! Here is a suggestion: Take a short walk.", "Take a short walk."),
    ("Here's my suggestion for you: put on some jazz. This fits the preferences.", "put on some jazz."),
    ("**Suggestion:** Stretch your legs for a minute.", "Stretch your legs for a minute."),
    ("Suggestion:\nHow about a cup of tea?", "How about a cup of tea?"),
    ("Good morning, Ana! How about porridge today?", "How about porridge today?"),
    ("'Fancy a walk before dinner?'\n(She likes walks.)", "Fancy a walk before dinner?"),
    ("- Why not call your sister? She would be glad.", "Why not call your sister?"),
    ("Call Dr. Reyes at 10 a.m. tomorrow. It is about the results.", "Call Dr. Reyes at 10 a.m. tomorrow."),
    ("Okay. No Recommendation - she is busy.", NO_RECOMMENDATION),
    ("No recommendations so far today, so take a walk.", "No recommendations so far today, so take a walk."),
    # what talks about the resident or the assistant keeps its words
    ("Assistant: The resident should take a walk.", "The resident should take a walk."),
    ("As your assistant, I suggest a walk. Sure!", "As your assistant, I suggest a walk."),
    ("Here is a suggestion for Ana: take a walk.", "Here is a suggestion for Ana: take a walk."),
])
def test_reading_what_small_models_add(raw, decision):
    assert read_completion(raw) == decision


def test_a_decision_is_complete_only_when_no_more_text_can_change_it():
    from agents.proper_assistant.prompt import decision_complete

    texts = ["Sure! Here is a suggestion: Take a walk. Then tea.", "Good morning, Ana! How about tea? Yes.",
             "Suggestion:\n\nHow about tea?\nmore", "No Recommendation. She is busy.", "No recommendations today. Walk.",
             "Call Dr. Reyes at 10 a.m. tomorrow. Then rest.", "\"Fancy a brew?\" she asked.", "Hi, take a walk. Rest."]
    for text in texts:
        prefixes = [text[:i] for i in range(len(text) + 1)]
        done = [p for p in prefixes if decision_complete(p)]
        assert done and all(read_completion(p) == read_completion(text) for p in done), text
    assert not decision_complete("How about a walk in the") and not decision_complete("No Recommendation")


# ---- preference data and replay buffers ---------------------------------------------------
PROMPT = [{"role": "user", "content": "p"}]


def _step(day: int, *scored: tuple[str, float]) -> RatedStep:
    return RatedStep(day, "t", PROMPT, tuple(Candidate(t, s, {}) for t, s in scored))


def test_pairs_put_the_higher_rated_first_and_drop_ties_and_identical_texts():
    pairs = step_pairs(_step(0, ("a", 1), ("b", 3), ("c", 3), ("b", 2)))
    assert {(p.chosen, p.rejected) for p in pairs} == {("b", "a"), ("c", "a"), ("c", "b")}
    assert all(p.chosen_score > p.rejected_score for p in pairs)
    row = dpo_rows(pairs[:1])[0]
    assert row == {"prompt": PROMPT, "chosen": [{"role": "assistant", "content": "b"}],
                   "rejected": [{"role": "assistant", "content": "a"}]}


def test_kto_rows_label_chosen_desirable_and_can_drop_noops():
    pairs = step_pairs(_step(0, ("walk?", 1), (NO_RECOMMENDATION, 3)))
    rows = kto_rows(pairs)
    assert [(r["completion"][0]["content"], r["label"]) for r in rows] == [(NO_RECOMMENDATION, True), ("walk?", False)]
    assert [r["completion"][0]["content"] for r in kto_rows(pairs, drop_noop=True)] == ["walk?"]
    assert sft_rows(pairs, min_score=3) == [{"prompt": PROMPT, "completion": [{"role": "assistant", "content": NO_RECOMMENDATION}]}]
    assert sft_rows(pairs, min_score=4) == []


def _store(per_day: dict[int, int]) -> PreferenceStore:
    store = PreferenceStore()
    for day, n in per_day.items():
        for i in range(n):
            store.add(_step(day, (f"d{day}-good-{i}", 4), (f"d{day}-bad-{i}", 1)))
    return store


def test_equally_buffers_draw_uniformly_from_all_days_without_repeats():
    store = _store({0: 300, 1: 100, 2: 50})
    chosen = store.replay("equally200", 2, np.random.default_rng(0))
    assert len(chosen) == 200 and len({p.chosen for p in chosen}) == 200
    days = [p.day for p in chosen]
    assert set(days) == {0, 1, 2}
    assert abs(days.count(0) - 200 * 300 / 450) < 25  # proportional to each day's share
    assert len(store.replay("equally400", 2, np.random.default_rng(0))) == 400
    assert len(store.replay("equally200", 0, np.random.default_rng(0))) == 200  # only days through today
    assert store.replay("equally400", 1, np.random.default_rng(0)) == store.pairs([0, 1])  # fewer: all of them
    assert store.replay("equally200", 2, np.random.default_rng(5)) == \
        store.replay("equally200", 2, np.random.default_rng(5))


def test_halftoday_takes_all_of_today_and_as_many_from_earlier_days():
    store = _store({0: 300, 1: 100, 2: 50})
    chosen = store.replay("halftoday", 2, np.random.default_rng(0))
    today = [p for p in chosen if p.day == 2]
    assert len(today) == 50 and len(chosen) == 100 and {p.day for p in chosen} >= {2}
    assert all(p.day < 2 for p in chosen if p not in today)
    small = _store({0: 10, 1: 40})
    assert len(small.replay("halftoday", 1, np.random.default_rng(0))) == 50  # only 10 earlier pairs exist
    assert small.replay("today", 1, np.random.default_rng(0)) == small.pairs([1])
    with pytest.raises(ValueError, match="replay buffer must be one of"):
        small.replay("equally", 1, np.random.default_rng(0))


def test_store_round_trips_through_jsonl_and_exports(tmp_path):
    store = _store({0: 3, 1: 2})
    store.save_jsonl(tmp_path / "steps.jsonl")
    again = PreferenceStore.load_jsonl(tmp_path / "steps.jsonl")
    assert again.pairs() == store.pairs() and again.days == [0, 1]
    assert write_jsonl(dpo_rows(store.pairs()), tmp_path / "dpo.jsonl") == 5
    assert json.loads((tmp_path / "dpo.jsonl").read_text().splitlines()[0])["chosen"][0]["content"] == "d0-good-0"
    (tmp_path / "bad.jsonl").write_text('{"day": 0}\n')
    with pytest.raises(ValueError, match="bad.jsonl:1: not a rated step"):
        PreferenceStore.load_jsonl(tmp_path / "bad.jsonl")



def test_a_failed_nightly_save_keeps_the_previous_file_whole(tmp_path, monkeypatch):
    store = _store({0: 3})
    path = tmp_path / "steps.jsonl"
    store.save_jsonl(path)
    before = path.read_bytes()
    store.add(_step(1, ("a", 3.0), ("b", 1.0)))

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("propersim_env.storage.atomic.os.replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        store.save_jsonl(path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["steps.jsonl"]

# ---- the candidate protocol through the env --------------------------------------------------
class CycleModel(PolicyModel):
    """A policy model that answers from a fixed list, in turn (to test the protocol, not a model)."""

    name = "cycle"

    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def generate(self, messages, n, seed):
        self.calls.append((messages, n, seed))
        return [self.answers[(len(self.calls) + i) % len(self.answers)] for i in range(n)]


ANSWERS = ["How about a short walk in the garden?", "Maybe some calm music while you read?",
           "Time to drink a glass of water."]


def _run(config: AssistantConfig, days: int = 1, persona: int = 3, seed: int = 0):
    model = CycleModel(ANSWERS)
    assistant = ProPerAssistant(model, config)
    env = AssistantFeedback(gym.make("ProPerSim-v0", persona=persona, days=days, seconds_per_step=1800),
                            assistant)
    observation, info = env.reset(seed=seed)
    rewards, infos = [], []
    while True:
        action = assistant.act(observation, info)
        assert action == assistant._deploy(assistant.last_candidates).text
        observation, reward, terminated, truncated, info = env.step(action)
        rewards.append(reward)
        infos.append(info)
        if terminated or truncated:
            return assistant, model, rewards, infos


def test_candidates_are_rated_by_the_resident_and_the_best_is_deployed():
    assistant, model, rewards, infos = _run(AssistantConfig(n_candidates=3))
    assert len(assistant.store.steps) == len(rewards) == len(model.calls)
    assert all(n == 3 for _, n, _ in model.calls)
    assert all(i["candidate_ratings"] == 1 for i in infos)
    for step, reward in zip(assistant.store.steps, rewards):
        assert reward == max(c.score for c in step.candidates)  # deploy="best": the env agrees with the rating
    assert len({seed for _, _, seed in model.calls}) == len(model.calls)
    assert len(assistant.memory.items) == len(rewards)


@pytest.mark.parametrize("ratio", [0.0, 0.3, 0.7, 1.0])
def test_forced_no_recommendation_ratio(ratio):
    assistant, *_ = _run(AssistantConfig(no_rec_ratio=ratio), days=2)
    forced = np.mean([s.candidates[-1].text == NO_RECOMMENDATION for s in assistant.store.steps])
    assert abs(forced - ratio) < 0.15
    assert all(s.candidates[0].text != NO_RECOMMENDATION for s in assistant.store.steps)


def test_deploy_first_sends_the_models_own_sample_and_runs_are_reproducible():
    a1, _, r1, _ = _run(AssistantConfig(deploy="first", no_rec_ratio=0.3), seed=4)
    a2, _, r2, _ = _run(AssistantConfig(deploy="first", no_rec_ratio=0.3), seed=4)
    assert r1 == r2 and [s.candidates for s in a1.store.steps] == [s.candidates for s in a2.store.steps]
    assert all(it.suggestion == s.candidates[0].text for it, s in zip(a1.memory.items, a1.store.steps))


def test_days_are_counted_and_each_night_is_logged_and_persona_given_reaches_the_prompt():
    assistant, model, _, infos = _run(AssistantConfig(persona_given=True), days=3)
    assert [r["day"] for r in assistant.training_log] == [0, 1, 2]
    assert {s.day for s in assistant.store.steps} == {0, 1, 2}
    assert load_persona(3).name in model.calls[0][0][0]["content"]


def test_the_assistant_works_in_the_benchmark_runner_and_needs_binding():
    assistant = ProPerAssistant(CycleModel(ANSWERS))
    env = gym.make("ProPerSim-v0", persona=5, days=1, seconds_per_step=3600)
    observation, info = env.reset(seed=0)
    assistant.reset(0, info)
    with pytest.raises(RuntimeError, match="bind"):
        assistant.act(observation, info)
    records = run_episode(env, assistant.bind(env), seed=0)
    assert len(records) == len(assistant.store.steps) > 10


def test_bad_settings_are_named():
    with pytest.raises(ValueError, match="no_rec_ratio"):
        AssistantConfig(no_rec_ratio=1.5)
    with pytest.raises(ValueError, match="deploy"):
        AssistantConfig(deploy="worst")
    with pytest.raises(ValueError, match="memory_level must be one of"):
        AssistantConfig(memory_level="ASX")
    from agents.proper_assistant import TrainingConfig

    with pytest.raises(ValueError, match="cannot be trained here"):
        ProPerAssistant(CycleModel(ANSWERS), training=TrainingConfig(method="dpo"))
    with pytest.raises(ValueError, match="method must be one of"):
        TrainingConfig(method="ppo")


# ---- LLM mode: OpenAI-compatible policy model and the resident's revision ------------------------
def test_openai_policy_model_samples_each_candidate_with_its_own_seed():
    with StubServer(reply="How about a cup of tea?") as server:
        model = OpenAIPolicyModel({"model": "stub", "base_url": server.base_url, "seed": 7})
        answers = model.generate([{"role": "user", "content": "hi"}], 3, seed=100)
        model.close()
    assert answers == ["How about a cup of tea?"] * 3
    assert sorted(r["body"]["seed"] for r in server.requests) == [100, 101, 102]


def test_resident_revises_a_weak_candidate_in_llm_mode():
    with StubServer() as server:
        llm = {"model": "stub", "base_url": server.base_url}
        env = gym.make("ProPerSim-v0", persona=3, days=1, seconds_per_step=3600, evaluator="llm", llm=llm)
        assistant = ProPerAssistant(CycleModel(ANSWERS), AssistantConfig(revise_below=5))
        env = AssistantFeedback(env, assistant)
        observation, info = env.reset(seed=0)
        assistant.act(observation, info)
        revised = env.unwrapped.revise_suggestion("How about a walk?")
        env.close()
    assert isinstance(revised, str) and revised
    step = assistant.store.steps[0]
    assert len(step.candidates) == 3  # two samples and the resident's rewrite of the weaker one
    assert step.candidates[2].text not in ANSWERS
    assert any(r["body"].get("response_format", {}).get("json_schema", {}).get("name") == "revision"
               or "revision" in json.dumps(r["body"].get("response_format", {})) for r in server.requests)


def test_revision_needs_the_llm_evaluator():
    env = gym.make("ProPerSim-v0", persona=3, days=1)
    env.reset(seed=0)
    with pytest.raises(ValueError, match="evaluator='llm'"):
        env.unwrapped.revise_suggestion("How about a walk?")


def test_openai_embedder_uses_the_embeddings_endpoint_and_caches_by_text():
    from agents.proper_assistant import make_embedder
    from propersim_env.llm import LLMClient, LLMConfig

    with StubServer() as server:
        client = LLMClient(LLMConfig(model="stub", base_url=server.base_url, embedding_model="stub-embed"))
        e = make_embedder("openai", llm=client)
        v = e.embed(["cooking dinner", "reading"])
        again = e.embed(["cooking dinner"])
        client.close()
    assert v.shape[0] == 2 and np.allclose(np.linalg.norm(v, axis=1), 1.0) and np.allclose(again[0], v[0])
    assert [r["path"] for r in server.requests] == ["/v1/embeddings"]
    with pytest.raises(ValueError, match="needs an LLM client"):
        make_embedder("openai")


def test_learning_carries_over_episodes_and_an_open_day_is_ended_at_reset():
    assistant = ProPerAssistant(CycleModel(ANSWERS))
    env = gym.make("ProPerSim-v0", persona=5, days=1, seconds_per_step=3600)
    assistant.bind(env)
    run_episode(env, assistant, seed=0)
    run_episode(env, assistant, seed=1)
    assert [r["day"] for r in assistant.training_log] == [0]  # the first episode's day, ended at the reset
    assert {s.day for s in assistant.store.steps} == {0, 1}
    assistant.end_of_day()
    assert [r["day"] for r in assistant.training_log] == [0, 1]
