"""ProPerAssistant: the study's assistant, as a policy for any ``env.step`` loop.

At each step it writes its prompt (time, what the resident is doing, its
memory: see :mod:`.memory`), samples ``n_candidates`` answers from its policy
model, has the resident rate all of them through
``env.unwrapped.score_candidates`` (no state changes), keeps the rated
candidates as preference data, and deploys one (``deploy``: the best rated,
the first sample, or a random one). With ``no_rec_ratio`` > 0, that share of
steps has its last candidate forced to "No Recommendation", so silence is
compared with speaking. With ``revise_below`` set (LLM evaluator only), a
suggestion rated below it is rewritten by the resident
(``env.unwrapped.revise_suggestion``), rated, and added as one more candidate.

When the first observation of a new simulated day arrives, the finished day's
data trains the policy's LoRA adapter (``training``; DPO, KTO or SFT through a
replay buffer, or best-of-n SFT on each step's best candidate), which then serves
the new day; adapters and the rated steps are saved under ``output_dir`` when given.

With GRPO or RLOO (``training.method``), each decision also keeps its moment
(``env.unwrapped.moment()``: what a rating there depends on) in a
:class:`~propersim_env.rewards.MomentStore`, with the prompt. At night the day's
moments, drawn to ``grpo_prompts``, become ``{"prompt", "moment_id"}`` rows;
TRL samples ``num_generations`` new answers to each from the model being
trained, and the resident rates them at that moment
(:func:`~propersim_env.rewards.reward_functions`), so the group's answers are
compared with each other. The night's record has each criterion's mean reward.

Use it like any policy in this package::

    assistant = ProPerAssistant(LocalPolicyModel.smollm2(), training=TrainingConfig(method="dpo"))
    env = AssistantFeedback(gym.make("ProPerSim-v0", persona=3, days=4), assistant)
    observation, info = env.reset(seed=0)
    while True:
        observation, reward, terminated, truncated, info = env.step(assistant.act(observation, info))
        if terminated or truncated:
            break

or with :func:`agents.runner.run_episode` after ``assistant.bind(env)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from agents.baselines import Policy
from propersim_env.argtypes import non_negative_int, positive_int, probability
from propersim_env.core import MEMORY_LEVELS, NO_RECOMMENDATION, option, parse_memory_level
from propersim_env.personas import load_persona
from propersim_env.rewards import MomentStore, reward_functions
from propersim_env.seat.observation import observed_time

from .embedders import EMBEDDERS, make_embedder
from .memory import InteractionMemory
from .preferences import (
    Candidate,
    PreferenceStore,
    RatedStep,
    best_of_n_rows,
    dpo_rows,
    kto_rows,
    sft_rows,
)
from .prompt import build_messages, read_completion
from .training import GROUP_METHODS, TrainingConfig, train_adapter

DEPLOY = ("best", "first", "random")
NO_REC_RATIOS = (0.0, 0.3, 0.7, 1.0)


@dataclass
class AssistantConfig:
    """The assistant's settings (the study's defaults)."""

    memory_level: str = option("ASCR", "what the assistant's memory keeps of each past interaction: A the "
                               "resident's action, S its suggestion, C the score, R the reasons; the mixes "
                               "keep the last field for 10% or 20% of interactions", choices=MEMORY_LEVELS)
    n_candidates: int = option(2, "answers sampled from the policy model at each decision, all rated",
                               allowed="a positive integer", parse=positive_int)
    no_rec_ratio: float = option(0.0, "share of decisions whose last candidate is forced to 'No Recommendation', "
                                 "so silence is compared with speaking; the study: "
                                 + ", ".join(map(str, NO_REC_RATIOS)),
                                 allowed="a probability 0-1", parse=probability)
    deploy: str = option("best", "which rated candidate is deployed: the best rated, the first sample, or a "
                         "random one", choices=DEPLOY)
    persona_given: bool = option(False, "tell the assistant the resident's persona in its prompt")
    top_k: int = option(3, "past interactions (older than the recent window) retrieved into the memory",
                        allowed="an integer of at least 0", parse=non_negative_int)
    recent_minutes: int = option(10, "minutes of recent interactions the memory shows in detail",
                                 allowed="a positive integer", parse=positive_int)
    embedder: str = option("hashing", "the text embedder that ranks past interactions for retrieval",
                           choices=EMBEDDERS)
    memory_chars: int = option(2500, "the most characters of memory text in the prompt",
                               allowed="an integer of at least 200", parse=positive_int)
    revise_below: float | None = option(None, "LLM evaluator only: a suggestion rated below this is rewritten "
                                        "by the resident, rated, and added as one more candidate; None: never",
                                        allowed="a score 0-4", parse=float)

    def __post_init__(self):
        parse_memory_level(self.memory_level)
        if self.n_candidates < 1:
            raise ValueError(f"n_candidates must be at least 1, got {self.n_candidates}")
        if not 0 <= self.no_rec_ratio <= 1:
            raise ValueError(f"no_rec_ratio must be in [0, 1] (the study uses {NO_REC_RATIOS}), "
                             f"got {self.no_rec_ratio}")
        if self.deploy not in DEPLOY:
            raise ValueError(f"deploy must be one of {', '.join(DEPLOY)}, got {self.deploy!r}")
        if self.embedder not in EMBEDDERS:
            raise ValueError(f"embedder must be one of {', '.join(EMBEDDERS)}, got {self.embedder!r}")


class ProPerAssistant(Policy):
    name = "proper-assistant"

    def __init__(self, policy_model, config: AssistantConfig | None = None, training: TrainingConfig | None = None,
                 output_dir: str | Path | None = None, embedder=None, llm=None):
        self.policy_model = policy_model
        self.config = config or AssistantConfig()
        self.training = training or TrainingConfig(method="none")
        if self.training.method != "none" and not hasattr(policy_model, "tokenizer"):
            raise ValueError(f"method {self.training.method!r} trains a local model's adapter; "
                             f"{type(policy_model).__name__} cannot be trained here (use method 'none')")
        self.output_dir = Path(output_dir) if output_dir is not None else None
        c = self.config
        self.memory = InteractionMemory(c.memory_level, recent_minutes=c.recent_minutes, top_k=c.top_k,
                                        embedder=embedder or make_embedder(c.embedder, llm), max_chars=c.memory_chars)
        self.store = PreferenceStore()
        self.moments = MomentStore()
        """GRPO / RLOO: every decision's moment, by id."""
        self.moment_rows: list[tuple[int, str, list[dict]]] = []
        """GRPO / RLOO: (day, moment id, prompt messages) of every decision."""
        self.training_log: list[dict] = []
        self.day_index = -1  # counts simulated days across episodes: the replay buffer's day
        self._scorer = self._reviser = self._moment = None
        self._date = None
        self._pending = None
        self.last_candidates: list[Candidate] = []

    # ---- wiring --------------------------------------------------------------
    def bind(self, env) -> "ProPerAssistant":
        """Rate candidates through ``env`` (any wrapper of ``ProPerSim-v0``)."""
        self._scorer = env.unwrapped.score_candidates
        self._reviser = getattr(env.unwrapped, "revise_suggestion", None)
        self._moment = getattr(env.unwrapped, "moment", None)
        if self.training.method in GROUP_METHODS:
            if self._moment is None:
                raise ValueError(f"method {self.training.method!r} rates new answers at kept moments: the env needs "
                                 "moment() (ProPerSim-v0)")
            self.moments.llm = getattr(env.unwrapped, "llm_client", None)  # rates moments of the LLM evaluator
        return self

    def reset(self, seed, info):
        """A new episode: the memory starts empty; the adapter, the rated data and the day
        count carry over (a day still open from the last episode is ended first)."""
        if self._date is not None:
            self.end_of_day()
        super().reset(seed, info)
        self.memory.reset(seed)
        self.persona = load_persona(info["persona_id"]) if self.config.persona_given else None
        self._date = None
        self._pending = None

    # ---- the policy ------------------------------------------------------------
    def act(self, observation, info):
        if self._scorer is None:
            raise RuntimeError("ProPerAssistant.bind(env) must come before act(): it rates candidates through the env")
        now = observed_time(observation)
        if now.date() != self._date:
            if self._date is not None:
                self.end_of_day()
            self._date = now.date()
            self.day_index += 1
        c = self.config
        action = observation["user_action"]
        messages = build_messages(observation["time"], action, self.memory.to_text(now, action), self.persona)
        if self.training.method in GROUP_METHODS:  # before anything is rated: the moment as the step begins
            self.moment_rows.append((self.day_index, self.moments.add(self._moment()), messages))
        seed = int(self.rng.integers(2**31))
        raw = self.policy_model.generate(messages, c.n_candidates, seed)
        texts = [read_completion(t) for t in raw]
        if c.no_rec_ratio and self.rng.random() < c.no_rec_ratio:
            texts[-1] = NO_RECOMMENDATION
        ratings = self._scorer(texts)
        candidates = [Candidate(t, r.total, dict(r.scores)) for t, r in zip(texts, ratings)]
        if c.revise_below is not None:
            candidates += self._revised(candidates)
        self.store.add(RatedStep(self.day_index, observation["time"], messages, tuple(candidates), seed))
        self.last_candidates = candidates
        chosen = self._deploy(candidates)
        self._pending = (now, action, chosen.text)
        return chosen.text

    def observe(self, reward, info):
        if self._pending is None:
            return
        now, action, text = self._pending
        score = None if math.isnan(reward) else int(round(reward))
        self.memory.record(now, action, None if text == NO_RECOMMENDATION else text, score, info.get("reasons"))
        self._pending = None

    def _deploy(self, candidates: list[Candidate]) -> Candidate:
        if self.config.deploy == "first":
            return candidates[0]
        if self.config.deploy == "random":
            return candidates[int(self.rng.integers(len(candidates)))]
        return max(candidates, key=lambda cand: cand.score)  # the first of the best on ties

    def _revised(self, candidates: list[Candidate]) -> list[Candidate]:
        if self._reviser is None:
            raise RuntimeError("revise_below needs an env with revise_suggestion (ProPerSim-v0 with evaluator='llm')")
        weak = [cand for cand in candidates if cand.text != NO_RECOMMENDATION and cand.score < self.config.revise_below]
        if not weak:
            return []
        worst = min(weak, key=lambda cand: cand.score)
        text = read_completion(self._reviser(worst.text))
        if text in {cand.text for cand in candidates}:
            return []
        rating = self._scorer([text])[0]
        return [Candidate(text, rating.total, dict(rating.scores))]

    # ---- learning ------------------------------------------------------------------
    def end_of_day(self, train: bool = True) -> dict | None:
        """Train on the finished day (through the replay buffer); the adapter serves from now on.
        Called by ``act`` when a new day begins and by :class:`AssistantFeedback` when an episode
        ends; ``train=False`` only saves the rated steps (a last night whose adapter nobody uses).
        Returns the day's training record (also appended to :attr:`training_log`)."""
        day = self.day_index
        if day < 0 or any(r["day"] == day for r in self.training_log):
            return None
        t = self.training
        record = {"day": day, "method": t.method, "pairs_today": len(self.store.pairs([day])), "rows": 0,
                  "too_long": 0, "seconds": 0.0, "train_loss": math.nan, "steps": 0, "skipped": ""}
        if self.output_dir is not None:
            self.store.save_jsonl(self.output_dir / "rated_steps.jsonl")
        if t.method != "none" and not train:
            record["skipped"] = "not trained (train=False)"
        elif t.method != "none":
            rows = self._rows(day)
            if not rows:
                record["skipped"] = {"best_of_n": "no training rows (no step's best candidate scored at least "
                                                  f"sft_min_score={t.sft_min_score:g})",
                                     "grpo": "no moments today", "rloo": "no moments today"}.get(
                    t.method, "no training rows (no candidates rated differently)")
            elif t.method == "kto" and len({r["label"] for r in rows}) < 2:
                record["skipped"] = "KTO needs desirable and undesirable rows; the replayed rows have one kind"
            else:
                rewards = reward_functions(self.moments, read=read_completion) if t.method in GROUP_METHODS else None
                record.update(train_adapter(self.policy_model, rows, t, reward_funcs=rewards))
                if self.output_dir is not None:
                    self.policy_model.save_adapter(self.output_dir / "adapters" / f"day_{day + 1:02d}")
        self.training_log.append(record)
        return record

    def _rows(self, day: int) -> list[dict]:
        t = self.training
        if t.method == "best_of_n":
            return best_of_n_rows([s for s in self.store.steps if s.day == day], t.sft_min_score)
        if t.method in GROUP_METHODS:
            return self.moment_dataset(day)
        rng = np.random.default_rng([t.seed, day])
        pairs = self.store.replay(t.replay, day, rng)
        if t.method == "sft":
            return sft_rows(pairs, t.sft_min_score)
        return dpo_rows(pairs) if t.method == "dpo" else kto_rows(pairs, drop_noop=t.kto_drop_noop)

    def moment_dataset(self, day: int) -> list[dict]:
        """GRPO / RLOO: the night's ``{"prompt", "moment_id"}`` rows: the moments of ``day`` (of every
        day so far with ``grpo_replay``), drawn uniformly to ``grpo_prompts`` with the seed, in time order."""
        t = self.training
        pool = [(mid, messages) for d, mid, messages in self.moment_rows
                if d == day or (t.grpo_replay and d < day)]
        if len(pool) > t.grpo_prompts:
            rng = np.random.default_rng([t.seed, day])
            pool = [pool[i] for i in sorted(rng.choice(len(pool), size=t.grpo_prompts, replace=False))]
        return [{"prompt": messages, "moment_id": mid} for mid, messages in pool]
