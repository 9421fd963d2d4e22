"""ProPerAssistant with a real (tiny) causal LM, the whole way: candidates sampled by
the model -> the resident's ratings -> pairs -> a DPO (or KTO, SFT) update of a LoRA
adapter each night -> the adapter changes what the model says. The model is built
in the test (random weights, a tokenizer trained in-process, a chat template)."""

from __future__ import annotations

import copy

import gymnasium as gym
import numpy as np
import pytest
import torch

import propersim_env  # noqa: F401
from agents.proper_assistant import (AssistantConfig, AssistantFeedback, LocalPolicyModel, ProPerAssistant,
                                     TrainingConfig, train_adapter)
from agents.proper_assistant.preferences import dpo_rows
from agents.proper_assistant.prompt import read_completion
from agents.proper_assistant.training import row_tokens
from tiny_lm import tiny_policy

pytestmark = pytest.mark.needs_torch

torch.set_num_threads(1)  # a tiny model: one thread is fastest and leaves the other cores alone


def _live(method: str, tmp_path, days: int = 2, **training):
    policy = tiny_policy()
    untrained = copy.deepcopy(policy.model)
    config = AssistantConfig(no_rec_ratio=1.0, memory_chars=300, top_k=1)
    settings = dict(method=method, learning_rate=5e-3, replay="all", batch_size=4, max_length=2048, threads=1)
    assistant = ProPerAssistant(policy, config, TrainingConfig(**{**settings, **training}), output_dir=tmp_path)
    env = AssistantFeedback(gym.make("ProPerSim-v0", persona=3, days=days, seconds_per_step=3600), assistant)
    observation, info = env.reset(seed=0)
    while True:
        observation, _, terminated, truncated, info = env.step(assistant.act(observation, info))
        if terminated or truncated:
            break
    env.close()
    return assistant, policy, untrained


def _margin(policy: LocalPolicyModel, pairs) -> float:
    return float(np.mean([policy.log_prob(p.prompt, p.chosen) - policy.log_prob(p.prompt, p.rejected)
                          for p in pairs]))


def _with_model(policy: LocalPolicyModel, model) -> LocalPolicyModel:
    return LocalPolicyModel(model, policy.tokenizer, max_new_tokens=policy.max_new_tokens)


@pytest.mark.slow
def test_daily_dpo_learns_the_residents_preferences_through_env_step(tmp_path):
    # three nights: from the second on, TRL copies the served adapter as the reference
    assistant, policy, untrained = _live("dpo", tmp_path, days=3)
    pairs = assistant.store.pairs()
    assert len(pairs) >= 10 and all(p.chosen_score > p.rejected_score for p in pairs)
    assert [r["day"] for r in assistant.training_log] == [0, 1, 2]
    assert all(r["rows"] > 0 and r["steps"] > 0 and r["too_long"] == 0 for r in assistant.training_log)
    assert policy.has_adapter and list(policy.model.peft_config) == ["default"]  # the reference copy is gone
    before = _with_model(policy, untrained)
    assert _margin(policy, pairs) > _margin(before, pairs) + 1.0  # chosen answers became likelier than rejected
    # the adapter changes what the model says for the same prompt and seed
    prompts = [s.prompt for s in assistant.store.steps[:6]]
    assert any(policy.generate(p, 1, seed=3) != before.generate(p, 1, seed=3) for p in prompts)
    # each night's adapter is saved; loading the last one reproduces the trained model
    saved = sorted(p.name for p in (tmp_path / "adapters").iterdir())
    assert saved == ["day_01", "day_02", "day_03"]
    assert not (tmp_path / "adapters" / "day_03" / "ref").exists()
    loaded = _with_model(policy, copy.deepcopy(untrained))
    loaded.load_adapter(tmp_path / "adapters" / "day_03")
    p = pairs[0]
    assert loaded.log_prob(p.prompt, p.chosen) == pytest.approx(policy.log_prob(p.prompt, p.chosen), abs=1e-4)
    assert (tmp_path / "rated_steps.jsonl").read_text().count("\n") == len(assistant.store.steps)


@pytest.mark.slow
def test_the_first_night_adapter_serves_the_second_day(tmp_path):
    assistant, policy, untrained = _live("dpo", tmp_path)
    first_of_day_two = next(s for s in assistant.store.steps if s.day == 1)
    served = _with_model(policy, copy.deepcopy(untrained))
    served.load_adapter(tmp_path / "adapters" / "day_01")
    regenerated = [read_completion(t) for t in served.generate(first_of_day_two.prompt, 2, first_of_day_two.seed)]
    assert regenerated[0] == first_of_day_two.candidates[0].text
    before = [read_completion(t) for t in _with_model(policy, untrained).generate(
        first_of_day_two.prompt, 2, first_of_day_two.seed)]
    assert before != regenerated


@pytest.mark.slow
def test_daily_kto_learns_desirable_over_undesirable(tmp_path):
    assistant, policy, untrained = _live("kto", tmp_path, days=3)
    assert [r["day"] for r in assistant.training_log] == [0, 1, 2] and list(policy.model.peft_config) == ["default"]
    pairs = assistant.store.pairs()
    assert [r["rows"] for r in assistant.training_log][0] == 2 * len(assistant.store.pairs([0]))
    assert _margin(policy, pairs) > _margin(_with_model(policy, untrained), pairs) + 1.0


def test_kto_without_no_op_completions_skips_a_night_that_has_only_one_kind(tmp_path):
    # the random tiny model never writes a suggestion the resident likes better than silence,
    # so dropping the no-ops leaves only undesirable rows: the night is skipped and says why
    assistant, policy, _ = _live("kto", tmp_path, days=1, kto_drop_noop=True)
    assert all(p.chosen == "No Recommendation" for p in assistant.store.pairs())
    record = assistant.training_log[0]
    assert record["rows"] == 0 and "KTO needs desirable and undesirable rows" in record["skipped"]
    assert not policy.has_adapter and not (tmp_path / "adapters").exists()


@pytest.mark.slow
def test_sft_makes_the_chosen_answers_likelier(tmp_path):
    assistant, policy, untrained = _live("sft", tmp_path, days=1, sft_min_score=0)
    pairs = assistant.store.pairs()
    before = _with_model(policy, untrained)
    gain = np.mean([policy.log_prob(p.prompt, p.chosen) - before.log_prob(p.prompt, p.chosen) for p in pairs])
    assert gain > 1.0


def test_rows_longer_than_max_length_are_left_out_and_counted(tmp_path):
    policy = tiny_policy()
    short = {"prompt": [{"role": "user", "content": "hi"}], "chosen": [{"role": "assistant", "content": "a"}],
             "rejected": [{"role": "assistant", "content": "b"}]}
    long = {**short, "prompt": [{"role": "user", "content": "word " * 400}]}
    assert row_tokens(policy.tokenizer, long) > 256 >= row_tokens(policy.tokenizer, short)
    config = TrainingConfig(method="dpo", max_length=256, batch_size=2, epochs=1)
    with pytest.warns(UserWarning, match="1 of 3 DPO rows are longer than max_length=256"):
        result = train_adapter(policy, [short, long, short], config)
    assert result["rows"] == 2 and result["too_long"] == 1
    with pytest.raises(ValueError, match="no DPO rows to train on"):
        train_adapter(tiny_policy(), [long], config)
    with pytest.raises(ValueError, match="extra_args names fields"):
        train_adapter(tiny_policy(), [short], TrainingConfig(method="dpo", extra_args={"no_such_field": 1}))


def test_bf16_training_serves_the_adapter_as_saved_in_float32(tmp_path):
    """bfloat16 autocast speeds up training only: afterwards the served model computes in
    float32, exactly as the saved adapter reloaded (no mixed-precision wrapper left on it)."""
    from agents.proper_assistant.training import trl_args

    config = TrainingConfig(method="dpo", bf16=True, batch_size=2, epochs=1, learning_rate=5e-3, threads=1)
    assert trl_args(config, str(tmp_path)).bf16 and not trl_args(TrainingConfig(bf16=False), str(tmp_path)).bf16
    policy = tiny_policy()
    untrained = copy.deepcopy(policy.model)
    prompt = [{"role": "user", "content": "The resident is reading."}]
    rows = [{"prompt": prompt, "chosen": [{"role": "assistant", "content": "No Recommendation"}],
             "rejected": [{"role": "assistant", "content": "Shall we bake bread?"}]}] * 4
    assert train_adapter(policy, rows, config)["steps"] == 2
    policy.save_adapter(tmp_path / "adapter")
    loaded = _with_model(policy, untrained)
    loaded.load_adapter(tmp_path / "adapter")
    for answer in ("No Recommendation", "Shall we bake bread?"):
        assert policy.log_prob(prompt, answer) == pytest.approx(loaded.log_prob(prompt, answer), abs=1e-6)


def test_local_model_needs_a_chat_template():
    policy = tiny_policy()
    policy.tokenizer.chat_template = None
    with pytest.raises(ValueError, match="chat template"):
        LocalPolicyModel(policy.model, policy.tokenizer)


@pytest.mark.slow
def test_dpo_rows_are_what_trl_expects(tmp_path):
    """The exported rows train as they are in TRL's DPOTrainer (the format users get from export)."""
    from trl import DPOConfig, DPOTrainer

    from agents.proper_assistant.preferences import to_dataset

    assistant, *_ = _live("none", tmp_path, days=1)
    dataset = to_dataset(dpo_rows(assistant.store.pairs()))
    assert dataset.column_names == ["prompt", "chosen", "rejected"]
    policy = tiny_policy()
    trainer = DPOTrainer(model=policy.model, ref_model=copy.deepcopy(policy.model), args=DPOConfig(output_dir=str(tmp_path / "o"), max_steps=1,
                                                            report_to=[], use_cpu=True, bf16=False,
                                                            per_device_train_batch_size=2, max_length=2048),
                         train_dataset=dataset, processing_class=policy.tokenizer)
    assert torch.isfinite(torch.tensor(trainer.train().training_loss))


@pytest.mark.slow
def test_smollm2_is_converted_once_to_a_plain_checkpoint_that_samples_and_trains(tmp_path):
    import json

    from agents.proper_assistant import smollm2_checkpoint

    path = smollm2_checkpoint(tmp_path)
    weights = path / "model.safetensors"
    stamp = weights.stat().st_mtime_ns
    assert smollm2_checkpoint(tmp_path) == path and weights.stat().st_mtime_ns == stamp  # reused, not redone
    config = json.loads((path / "config.json").read_text())
    assert "quantization_config" not in config and config["num_hidden_layers"] == 30
    policy = LocalPolicyModel.from_pretrained(path, max_new_tokens=8)
    prompt = [{"role": "user", "content": "Say one short sentence."}]
    answers = policy.generate(prompt, 2, seed=0)
    assert len(answers) == 2 and all(isinstance(a, str) for a in answers)
    assert answers == policy.generate(prompt, 2, seed=0)  # a seed reproduces the samples
    row = {"prompt": prompt, "chosen": [{"role": "assistant", "content": "Hello."}],
           "rejected": [{"role": "assistant", "content": "No."}]}
    result = train_adapter(policy, [row, row], TrainingConfig(method="dpo", batch_size=2, epochs=1,
                                                              lora_top_layers=2, threads=1))
    assert result["steps"] == 1 and policy.has_adapter
    trained = [n for n, p in policy.model.named_parameters() if p.requires_grad]
    assert trained and all(".layers.28." in n or ".layers.29." in n for n in trained)


def test_benchmark_pairs_come_from_a_real_episode_with_bounded_prompts():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import dpo_update_speed

    pairs = dpo_update_speed.collect_pairs(30, memory_chars=400)
    # The moment is the last message; the few-shot turns before it are the same for every pair.
    assert len(pairs) == 30 and len({p.prompt[-1]["content"] for p in pairs}) == 30
    assert all((p.chosen == "No Recommendation") != (p.rejected == "No Recommendation") for p in pairs)
    memory_texts = [p.prompt[-1]["content"].split("\n\n")[1] for p in pairs]
    assert all(len(t) <= 400 for t in memory_texts) and any("Today, hour by hour" in t for t in memory_texts)


@pytest.mark.slow
def test_entry_point_runs_the_protocol_and_writes_the_benchmark_csv(tmp_path):
    import csv

    from agents import train_proper_assistant
    from agents.runner import SUMMARY_COLUMNS

    policy = tiny_policy()
    policy.model.save_pretrained(tmp_path / "tiny")
    policy.tokenizer.save_pretrained(tmp_path / "tiny")
    out = tmp_path / "run"
    assert train_proper_assistant.main([
        "--persona", "3", "--days", "2", "--seconds-per-step", "3600", "--policy-model", str(tmp_path / "tiny"),
        "--method", "dpo", "--no-rec-ratio", "1.0", "--memory-chars", "300", "--max-new-tokens", "8",
        "--learning-rate", "5e-3", "--max-length", "2048", "--seeds", "0,1", "--out", str(out)]) == 0
    with (out / "summary.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == SUMMARY_COLUMNS
    assert [(r["seed"], r["day"]) for r in rows] == [("0", "0"), ("0", "1"), ("1", "0"), ("1", "1")]
    assert {r["policy"] for r in rows} == {"proper-dpo-ASCR"} and all(0 <= float(r["mean_score"]) <= 4 for r in rows)
    with (out / "training.csv").open() as f:
        nights = list(csv.DictReader(f))
    assert [(n["seed"], n["day"]) for n in nights] == [("0", "0"), ("0", "1"), ("1", "0"), ("1", "1")]
    assert int(nights[0]["rows"]) > 0 and "train=False" in nights[1]["skipped"]  # the last night is not trained
    assert (out / "seed_1" / "adapters" / "day_01").is_dir() and not (out / "seed_1" / "adapters" / "day_02").exists()


def test_minilm_embedder_from_its_pypi_package_ranks_by_meaning():
    from agents.proper_assistant import make_embedder

    e = make_embedder("minilm")
    v = e.embed(["Ana is cooking dinner", "Ana is preparing a meal", "Ana is asleep in bed"])
    assert e.dim == 384 and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.1


def test_shared_prompt_sampling_draws_the_stock_samples_and_forgets_its_cache_when_the_model_changes():
    from agents.proper_assistant.prompt import build_messages, decision_complete

    policy = tiny_policy(max_new_tokens=12)
    moments = [build_messages("Saturday 2025-03-01 10:40", "Robin is reading @ living room: sofa", "memory A"),
               build_messages("Saturday 2025-03-01 11:00", "Robin is cooking @ kitchen: stove", "memory B")]
    stock = copy.copy(policy)
    stock.share_prompt = False
    policy.stop_when_decided = False
    for messages in moments:  # the second call reuses the examples' cache; same tokens for the seed
        assert policy.generate(messages, 3, seed=4) == stock.generate(messages, 3, seed=4)
    assert policy._prefix is not None and policy._prefix[1] < len(policy._chat_ids(moments[0], True)[0])
    # stopping once decided only cuts text after the decision
    policy.stop_when_decided = True
    for full, cut in zip(stock.generate(moments[0], 3, seed=4), policy.generate(moments[0], 3, seed=4)):
        assert full.startswith(cut) and (cut == full or decision_complete(cut))
        assert read_completion(cut) == read_completion(full)
    # a new model (a night's training assigns one) reads the prompt anew: no stale cache
    policy.model = tiny_policy(seed=1).model
    assert policy._prefix is None
    stock.model = policy.model
    policy.stop_when_decided = False
    assert policy.generate(moments[1], 3, seed=4) == stock.generate(moments[1], 3, seed=4)
