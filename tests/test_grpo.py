"""Group-relative nights (GRPO, RLOO) and best-of-n SFT, with the tiny in-test model the whole way:
ProPerAssistant keeps each step's moment -> at night TRL's GRPOTrainer samples groups of new
answers to the day's prompts -> the resident rates them at their moments (propersim_env.rewards)
-> the LoRA adapter changes what the model says. Also the README's "any TRL policy" block, run
with the tiny model in place of SmolLM2."""

from __future__ import annotations

import copy
import csv
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest
import torch

import propersim_env  # noqa: F401
from agents.proper_assistant import (AssistantConfig, AssistantFeedback, LocalPolicyModel, ProPerAssistant,
                                     TrainingConfig, train_adapter)
from agents.proper_assistant.preferences import Candidate, RatedStep, best_of_n_rows
from agents.proper_assistant.prompt import build_messages, read_completion
from propersim_env.core import CRITERIA, NO_RECOMMENDATION
from propersim_env.rewards import MomentStore, reward_functions
from tiny_lm import tiny_policy

pytestmark = pytest.mark.needs_torch

torch.set_num_threads(1)  # a tiny model: one thread is fastest and leaves the other cores alone

ROOT = Path(__file__).resolve().parents[1]
FAST = dict(learning_rate=5e-3, max_length=4096, threads=1, bf16=False, lora_r=8, lora_alpha=16)


def _sometimes_silent(policy: LocalPolicyModel) -> None:
    """Give the random tiny model's output layer a bias toward the end-of-turn token, as likely as the
    49 others that sampling keeps (top-k 50): about half its answers are empty (the no-op), the
    rest gibberish (a suggestion), and a group of its samples holds answers the resident rates
    differently. (Gibberish alone is rated alike within a moment: no group signal.)"""
    head = policy.model.lm_head
    biased = torch.nn.Linear(head.in_features, head.out_features, bias=True)
    biased.weight = head.weight  # still tied to the input embeddings
    with torch.no_grad():
        biased.bias.zero_()
        biased.bias[policy.tokenizer.eos_token_id] = math.log(49)
    policy.model.lm_head = biased


def _live(method: str, tmp_path, days: int = 1, **training):
    policy = tiny_policy(max_new_tokens=12)
    _sometimes_silent(policy)
    before = copy.deepcopy(policy.model)
    config = AssistantConfig(memory_chars=300, top_k=1)
    settings = dict(method=method, grpo_prompts=8, batch_size=2, num_generations=4, max_completion_length=12,
                    epochs=1, **FAST)
    assistant = ProPerAssistant(policy, config, TrainingConfig(**{**settings, **training}), output_dir=tmp_path)
    env = AssistantFeedback(gym.make("ProPerSim-v0", persona=3, days=days, seconds_per_step=3600), assistant)
    observation, info = env.reset(seed=0)
    while True:
        observation, _, terminated, truncated, info = env.step(assistant.act(observation, info))
        if terminated or truncated:
            break
    env.close()
    return assistant, policy, LocalPolicyModel(before, policy.tokenizer, max_new_tokens=12)


def test_a_grpo_night_rates_new_samples_of_the_days_moments_and_changes_what_the_model_says(tmp_path):
    assistant, policy, before = _live("grpo", tmp_path, learning_rate=2e-2)
    steps = assistant.store.steps
    assert len(assistant.moments) == len(steps) == len(assistant.moment_rows) > 8  # a moment per decision
    [record] = assistant.training_log
    assert record["skipped"] == "" and record["rows"] == 8 and record["steps"] == 4 and record["too_long"] == 0
    # per-criterion means from TRL's log history; the total is their sum (it alone trains)
    rewards = {c: record[f"reward_{c}"] for c in CRITERIA}
    assert all(0 <= v <= 1 for v in rewards.values())
    assert record["reward_total"] == pytest.approx(sum(rewards.values()), abs=1e-6)
    assert record["frac_reward_zero_std"] < 1  # some groups were rated unevenly: a signal
    assert list(policy.model.peft_config) == ["default"] and (tmp_path / "adapters" / "day_01").is_dir()
    # the adapter changes what the model says for the same prompt and seed
    prompts = [s.prompt for s in steps[:8]]
    assert any(policy.generate(p, 4, seed=3) != before.generate(p, 4, seed=3) for p in prompts)
    # and moves it toward what the resident rated higher at the moments trained on: silence (the empty
    # answer) or the gibberish the model writes otherwise
    toward = []
    for row in assistant.moment_dataset(0):
        spoken = [t for t in (read_completion(r) for r in before.generate(row["prompt"], 8, seed=1))
                  if t != NO_RECOMMENDATION]
        gain = (assistant.moments.rate(row["moment_id"], [NO_RECOMMENDATION])[0].total
                - np.mean([r.total for r in assistant.moments.rate(row["moment_id"], spoken)]))
        toward.append(gain * (policy.log_prob(row["prompt"], "") - before.log_prob(row["prompt"], "")))
    assert np.mean(toward) > 0


def test_the_nights_prompts_are_todays_moments_drawn_to_the_budget():
    assistant = ProPerAssistant(tiny_policy(), training=TrainingConfig(method="grpo", grpo_prompts=5, seed=7))
    prompt = [{"role": "user", "content": "hi"}]
    assistant.moment_rows = [(day, f"m{day}-{k}", prompt) for day in (0, 1) for k in range(9)]
    today = assistant.moment_dataset(1)
    ids = [r["moment_id"] for r in today]
    assert len(ids) == 5 and all(i.startswith("m1-") for i in ids) and ids == sorted(ids)  # time order
    assert assistant.moment_dataset(1) == today  # the seed draws them
    assistant.training = TrainingConfig(method="grpo", grpo_prompts=50, grpo_replay=True)
    assert len(assistant.moment_dataset(1)) == 18 and len(assistant.moment_dataset(0)) == 9
    with pytest.raises(ValueError, match="num_generations must be at least 2"):
        TrainingConfig(method="grpo", num_generations=1)


def test_rloo_takes_the_same_reward_functions_and_a_remainder_of_prompts_is_left_out(tmp_path):
    store, rows = _moments(5)
    policy = tiny_policy(max_new_tokens=8)
    config = TrainingConfig(method="rloo", batch_size=2, num_generations=2, max_completion_length=8, epochs=1,
                            grpo_micro_batch=1, **FAST)  # 4 completions a step, passed one by one
    record = train_adapter(policy, rows, config, reward_funcs=reward_functions(store))
    assert record["rows"] == 4 and record["steps"] == 2 and policy.has_adapter  # 5 prompts, 2 a step
    assert {f"reward_{c}" for c in CRITERIA} < set(record) and math.isfinite(record["reward_total"])


def test_a_grpo_night_without_moment_ids_fails_with_the_reward_functions_error():
    store, rows = _moments(2)
    config = TrainingConfig(method="grpo", batch_size=2, num_generations=2, max_completion_length=4, epochs=1, **FAST)
    no_ids = [{"prompt": r["prompt"]} for r in rows]
    with pytest.raises(ValueError, match="the rows have no 'moment_id' column: add store.add"):
        train_adapter(tiny_policy(max_new_tokens=4), no_ids, config, reward_funcs=reward_functions(store))
    with pytest.raises(ValueError, match="needs reward_funcs"):
        train_adapter(tiny_policy(), rows, config)


def _moments(n: int):
    """``n`` rows of a plain env loop: the observation's prompt and the step's moment."""
    env = gym.make("ProPerSim-v0", persona=3, days=1, seconds_per_step=3600)
    observation, _ = env.reset(seed=0)
    store, rows = MomentStore(), []
    for _ in range(n):
        rows.append({"prompt": build_messages(observation["time"], observation["user_action"], ""),
                     "moment_id": store.add(env.unwrapped.moment())})
        observation, *_ = env.step("")
    env.close()
    return store, rows


def test_best_of_n_rows_keep_each_steps_best_candidate():
    def step(*scored):
        return RatedStep(0, "t", [{"role": "user", "content": "hi"}],
                         tuple(Candidate(t, s, {}) for t, s in scored))
    steps = [step(("a", 2), ("b", 4), ("c", 4)), step(("d", 1), ("e", 2)), step(("f", 3), ("g", 3))]
    assert [r["completion"][0]["content"] for r in best_of_n_rows(steps, 3)] == ["b", "f"]  # ties: the first
    assert len(best_of_n_rows(steps, 0)) == 3


def test_a_best_of_n_night_makes_each_steps_best_candidate_likelier(tmp_path):
    assistant, policy, before = _live("best_of_n", tmp_path, sft_min_score=0, epochs=2, batch_size=4)
    [record] = assistant.training_log
    steps = assistant.store.steps
    assert record["rows"] == len(steps) > 8 and record["steps"] > 0
    best = [(s.prompt, max(s.candidates, key=lambda c: c.score).text) for s in steps]
    gain = np.mean([policy.log_prob(p, t) - before.log_prob(p, t) for p, t in best])
    assert gain > 1.0


def test_the_entry_point_runs_grpo_and_writes_the_rewards_to_training_csv(tmp_path):
    from agents import train_proper_assistant

    policy = tiny_policy()
    policy.model.save_pretrained(tmp_path / "tiny")
    policy.tokenizer.save_pretrained(tmp_path / "tiny")
    out = tmp_path / "run"
    assert train_proper_assistant.main([
        "--persona", "3", "--days", "1", "--seconds-per-step", "7200", "--policy-model", str(tmp_path / "tiny"),
        "--method", "grpo", "--grpo-prompts", "4", "--batch-size", "2", "--num-generations", "2",
        "--max-completion-length", "6", "--max-new-tokens", "6", "--memory-chars", "300", "--epochs", "1",
        "--max-length", "4096", "--bf16", "off", "--train-last-night", "--out", str(out)]) == 0
    with (out / "training.csv").open() as f:
        [night] = list(csv.DictReader(f))
    assert night["method"] == "grpo" and night["rows"] == "4" and night["steps"] == "2"
    assert all(math.isfinite(float(night[f"reward_{n}"])) for n in ("total", *CRITERIA))
    assert (out / "seed_0" / "adapters" / "day_01").is_dir()


def readme_grpo_block() -> str:
    blocks = re.findall(r"^```python\n(.*?)^```", (ROOT / "README.md").read_text(encoding="utf-8"), re.M | re.S)
    [block] = [b for b in blocks if "GRPOTrainer" in b]
    return block


def test_the_readmes_trl_block_trains_the_tiny_model(tmp_path):
    """The README's "Train any TRL policy against ProPerSim" block as pasted, with the tiny model's
    folder in place of SmolLM2 and one optimizer step (tests/test_readme.py skips the original)."""
    policy = tiny_policy()
    policy.model.save_pretrained(tmp_path / "tiny")
    policy.tokenizer.save_pretrained(tmp_path / "tiny")
    code, n = re.subn(r"^model = .*$", f"model = {str(tmp_path / 'tiny')!r}", readme_grpo_block(), flags=re.M)
    assert n == 1
    code, n = re.subn(r"max_steps=\d+", "max_steps=1", code)
    assert n == 1
    code += ("\nassert trainer.state.global_step == 1\n"
             "assert any('rewards/propersim_timing/mean' in e for e in trainer.state.log_history)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "OMP_NUM_THREADS": "1"}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]


def test_a_grpo_micro_batch_splits_the_same_optimizer_step_into_smaller_passes(tmp_path):
    from agents.proper_assistant.training import trl_args

    def shape(**kw):
        args = trl_args(TrainingConfig(method="grpo", batch_size=4, num_generations=4, **kw), str(tmp_path))
        return args.per_device_train_batch_size, args.gradient_accumulation_steps

    assert shape() == (4, 4) and shape(grpo_micro_batch=2) == (2, 8) and shape(grpo_micro_batch=16) == (16, 1)
    with pytest.raises(ValueError, match="grpo_micro_batch must divide batch_size x num_generations = 16, got 3"):
        TrainingConfig(method="grpo", batch_size=4, num_generations=4, grpo_micro_batch=3)


def test_a_micro_batch_splits_a_dpo_optimizer_step_into_smaller_passes(tmp_path):
    from agents.proper_assistant.training import trl_args

    def shape(method="dpo", **kw):
        args = trl_args(TrainingConfig(method=method, batch_size=4, **kw), str(tmp_path))
        return args.per_device_train_batch_size, args.gradient_accumulation_steps

    assert shape() == (4, 1) and shape(micro_batch=1) == (1, 4) and shape(micro_batch=2) == (2, 2)
    assert shape("best_of_n", micro_batch=1) == (1, 4)
    assert shape(micro_batch=2, gradient_accumulation_steps=3) == (2, 6)
    with pytest.raises(ValueError, match="micro_batch must divide batch_size = 4, got 3"):
        TrainingConfig(method="dpo", batch_size=4, micro_batch=3)
