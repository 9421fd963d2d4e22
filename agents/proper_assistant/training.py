"""One training run of the policy's LoRA adapter with TRL 1.x: DPO, KTO, SFT, best-of-n SFT, GRPO or RLOO.

:class:`TrainingConfig` holds the study's defaults (LoRA r=16, alpha=32,
dropout 0.05; beta 0.1; learning rate 5e-5; 2 epochs) and the settings that
make a CPU run fast (see ``benchmarks/dpo_update_speed.py`` for the figures):
activation (gradient) checkpointing off, the reference model's
log-probabilities computed once before training instead of at every step,
short sequences, one torch thread per core, and bfloat16 autocast where the
hardware computes it natively (a CPU with AVX-512 BF16 or AMX, or a CUDA GPU
with bf16): the LoRA weights and the optimizer stay in float32, the matrix
products run in bf16, about 2x faster on such a CPU. ``lora_top_layers`` (off
by default) adapts only the top layers, so the backward pass stops below them.

The first run adds a LoRA adapter to the model; later runs go on training the
same adapter. The DPO and KTO reference is the policy that served the day:
on the first night the base model (the new adapter is zero, so TRL switches
it off), on later nights the adapter as it was before tonight's update (TRL
copies it into a frozen ``ref`` adapter). That copy is deleted after training,
so the model served and saved has its one trained adapter, and the next night
copies afresh: each night is one round of iterative DPO from the last policy.

``best_of_n`` is SFT on the highest-rated candidate of each step (the rows
come from :func:`.preferences.best_of_n_rows`): the cheap baseline beside the
group-relative methods.

``grpo`` and ``rloo`` (TRL's ``GRPOTrainer`` / ``RLOOTrainer``) train on
prompts, not on rated answers: each row is ``{"prompt", "moment_id"}``, the
trainer samples ``num_generations`` completions of each prompt from the model
being trained, and the reward functions of :mod:`propersim_env.rewards` rate
them at the row's moment, as the resident would have rated them there. The
group's rewards are compared with each other (GRPO: minus the group's mean,
over its standard deviation; RLOO: minus the mean of the others), so the
signal is which of the model's own answers is better *at this moment* (DPO's
pairs from two samples a step mostly say only that silence beats one). Only
the total trains (``reward_weights=[1, 0, 0, 0, 0]``); each criterion is
logged, and :func:`train_adapter` returns the night's means.

The CPU settings: ``batch_size`` prompts per optimizer step, sampled together
in one ``generate`` call (``per_device_train_batch_size`` is one group,
accumulated ``batch_size`` times, so the samples come from the policy being
updated and no old-policy pass is needed); short completions
(``max_completion_length``); sampling as the served model samples (its
temperature, top-p and top-k); no vLLM; ``grpo_beta`` 0 (TRL's GRPO default):
no reference forward pass at all. What bounds a night's change then is what
bounds DPO's: the learning rate (the study's 5e-5, not TRL's 1e-6, which is
for full fine-tuning, not LoRA), the LoRA rank and the night's few steps;
``grpo_beta`` > 0 adds the KL penalty against the adapter that served the day
(TRL copies it into ``ref``, deleted after training as for DPO). TRL samples
in float32, outside the bf16 autocast of training; sampling under autocast
was tried and is slower on a CPU (the frozen base weights are cast again at
every generated token).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import math
import os
import tempfile
import time
import warnings
from dataclasses import dataclass

from propersim_env.argtypes import positive_int
from propersim_env.core import CRITERIA, option

from .preferences import REPLAY_BUFFERS

GROUP_METHODS = ("grpo", "rloo")
"""The group-relative methods: many samples of one moment rated against each other."""
METHODS = ("dpo", "kto", "sft", "best_of_n", *GROUP_METHODS, "none")
BF16_WORDS = {"auto": None, "on": True, "off": False}


def module_names(text: str) -> str | list[str]:
    """``--lora-target-modules``: ``all-linear``, or comma-separated module names."""
    if text == "all-linear":
        return text
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError(f"must be 'all-linear' or comma-separated module names, got {text!r}")
    return names


def on_off_auto(text: str) -> bool | None:
    """``--bf16``: ``on`` (True), ``off`` (False) or ``auto`` (None: where the hardware has native bf16)."""
    if text not in BF16_WORDS:
        raise argparse.ArgumentTypeError(f"must be auto, on or off, got {text!r}")
    return BF16_WORDS[text]


@dataclass
class TrainingConfig:
    """How the adapter trains at the end of each day (all configurable; defaults as the study)."""

    method: str = option("dpo", "how the adapter trains each night: DPO on the rated pairs, KTO on liked / "
                         "disliked answers, SFT on the well-rated answers, best_of_n (SFT on each of today's "
                         "steps' best-rated candidate), GRPO / RLOO (new samples of today's moments rated "
                         "against each other by the resident), or none (the untrained control)",
                         choices=METHODS)
    replay: str = option("equally200", "DPO / KTO / SFT: which pairs a night trains on: up to 200 / 400 drawn from "
                         "all days so far, today's plus as many earlier ones, today's only, or all",
                         choices=REPLAY_BUFFERS)
    lora_r: int = option(16, "the LoRA adapter's rank", allowed="a positive integer", parse=positive_int)
    lora_alpha: int = option(32, "the LoRA scaling factor alpha", allowed="a positive integer", parse=positive_int)
    lora_dropout: float = option(0.05, "dropout on the LoRA layers' input", allowed="at least 0, below 1")
    lora_target_modules: str | list[str] = option(
        "all-linear", "the layers LoRA adapts: PEFT's 'all-linear', or module names",
        allowed="'all-linear' or comma-separated names such as q_proj,v_proj", parse=module_names)
    lora_top_layers: int | None = option(None, "adapt only the top N transformer layers, so the backward pass "
                                         "stops below them, faster on a CPU; None: all layers",
                                         allowed="a positive integer", parse=positive_int)
    beta: float = option(0.1, "DPO / KTO beta: how far the policy may move from the reference",
                         allowed="a positive number")
    learning_rate: float = option(5e-5, "the optimizer's learning rate", allowed="a positive number")
    epochs: float = option(2.0, "passes over each night's rows (GRPO / RLOO: each pass samples new groups)",
                           allowed="a positive number")
    batch_size: int = option(4, "rows per device batch (GRPO / RLOO: prompts per optimizer step, each with its "
                             "group, sampled in one generate call)", allowed="a positive integer", parse=positive_int)
    gradient_accumulation_steps: int = option(1, "batches summed into one optimizer step",
                                              allowed="a positive integer", parse=positive_int)
    max_length: int = option(1024, "tokens per training sequence (prompt + answer); longer rows are left out and "
                             "the prompt's memory text is bounded to fit", allowed="a positive integer",
                             parse=positive_int)
    gradient_checkpointing: bool = option(False, "activation (gradient) checkpointing: less memory, slower")
    precompute_ref_log_probs: bool = option(True, "DPO / KTO: compute the reference model's log-probabilities "
                                            "once before training instead of at every step")
    threads: int | None = option(None, "torch threads while training; None: leave torch's setting",
                                 allowed="a positive integer", parse=positive_int)
    bf16: bool | None = option(None, "bfloat16 autocast while training: on, off, or None (auto on the command line): "
                               "on where the CPU or GPU computes bf16 natively (see native_bf16)",
                               allowed="auto, on or off", parse=on_off_auto)
    kto_drop_noop: bool = option(False, "KTO: leave 'No Recommendation' answers out of the rows")
    sft_min_score: float = option(3.0, "SFT / best_of_n: the lowest score of an answer trained on",
                                  allowed="a score 0-4")
    num_generations: int = option(4, "GRPO / RLOO: completions sampled per prompt and rated against each other "
                                  "(the group)", allowed="an integer of at least 2", parse=positive_int)
    max_completion_length: int = option(32, "GRPO / RLOO: the most tokens of a completion sampled while training "
                                        "(a suggestion is a sentence or two; the first line is the decision)",
                                        allowed="a positive integer", parse=positive_int)
    grpo_prompts: int = option(32, "GRPO / RLOO: prompts per night: the night's moments drawn uniformly to this "
                               "budget (with the seed); each is sampled num_generations times per epoch",
                               allowed="a positive integer", parse=positive_int)
    grpo_replay: bool = option(False, "GRPO / RLOO: draw the night's prompts from the moments of every day so far, "
                               "not today's only (a moment keeps its rating context: an old one is rated as the "
                               "resident would have rated it then)")
    grpo_beta: float = option(0.0, "GRPO / RLOO: the KL coefficient against the policy that served the day; 0 "
                              "(TRL's GRPO default) skips the reference pass: the learning rate, LoRA and the "
                              "night's few steps bound the update", allowed="at least 0")
    grpo_temperature: float | None = option(None, "GRPO / RLOO: the sampling temperature while training; None: the "
                                            "policy model's own, so the groups are sampled as the served model "
                                            "samples", allowed="a positive number", parse=float)
    grpo_micro_batch: int | None = option(None, "GRPO / RLOO: completions per forward and backward pass; the "
                                          "optimizer step still holds batch_size groups. Smaller needs less "
                                          "memory (SmolLM2, prompts of ~760 tokens: about 13 GB of RAM with a "
                                          "group of 4 at once); None: one group",
                                          allowed="a divisor of batch_size x num_generations", parse=positive_int)
    micro_batch: int | None = option(None, "DPO / KTO / SFT / best-of-n: rows per forward and backward pass; the "
                                     "optimizer step still holds batch_size rows. Smaller needs less memory "
                                     "(SmolLM2 DPO, max_length 2048: 12-16 GB of RAM with 4 pairs at once); "
                                     "None: batch_size", allowed="a divisor of batch_size", parse=positive_int)
    seed: int = option(0, "the training run's random seed; set per run by the caller",
                       allowed="an integer of at least 0")
    extra_args: dict = option(None, "any other field of TRL's DPOConfig / KTOConfig / SFTConfig / GRPOConfig / "
                              "RLOOConfig",
                              allowed="a dict", default_factory=dict)

    def __post_init__(self):
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, got {self.method!r}")
        if self.replay not in REPLAY_BUFFERS:
            raise ValueError(f"replay must be one of {', '.join(REPLAY_BUFFERS)}, got {self.replay!r}")
        for name in ("lora_r", "lora_alpha", "batch_size", "gradient_accumulation_steps", "max_length"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if not (self.epochs > 0 and self.learning_rate > 0 and self.beta > 0 and 0 <= self.lora_dropout < 1):
            raise ValueError("epochs, learning_rate and beta must be positive and 0 <= lora_dropout < 1")
        for name in ("max_completion_length", "grpo_prompts"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.num_generations < 2:
            raise ValueError(f"num_generations must be at least 2 (a group compares samples), "
                             f"got {self.num_generations}")
        if self.grpo_beta < 0 or (self.grpo_temperature is not None and not self.grpo_temperature > 0):
            raise ValueError("grpo_beta must be at least 0 and grpo_temperature positive")
        if self.micro_batch is not None and not (self.micro_batch >= 1 and self.batch_size % self.micro_batch == 0):
            raise ValueError(f"micro_batch must divide batch_size = {self.batch_size}, got {self.micro_batch}")
        samples = self.batch_size * self.num_generations
        if self.grpo_micro_batch is not None and not (self.grpo_micro_batch >= 1 and samples % self.grpo_micro_batch == 0):
            raise ValueError(f"grpo_micro_batch must divide batch_size x num_generations = {samples}, "
                             f"got {self.grpo_micro_batch}")

    def uses_bf16(self) -> bool:
        """Whether training runs under bfloat16 autocast (``bf16``, or its automatic setting here)."""
        return native_bf16() if self.bf16 is None else self.bf16


def lora_config(config: TrainingConfig, model):
    from peft import LoraConfig

    layers, targets = None, config.lora_target_modules
    if config.lora_top_layers is not None:
        total = model.config.num_hidden_layers
        if not 1 <= config.lora_top_layers <= total:
            raise ValueError(f"lora_top_layers must be in 1..{total} for this model, got {config.lora_top_layers}")
        layers = list(range(total - config.lora_top_layers, total))
        if targets == "all-linear":  # PEFT takes a layer list only with named modules
            targets = linear_module_names(model)
    return LoraConfig(r=config.lora_r, lora_alpha=config.lora_alpha, lora_dropout=config.lora_dropout,
                      target_modules=targets, layers_to_transform=layers, task_type="CAUSAL_LM")


def linear_module_names(model) -> list[str]:
    """The names of the linear layers inside the transformer blocks (``q_proj``, ``up_proj``, ...)."""
    import torch

    return sorted({name.rsplit(".", 1)[-1] for name, module in model.named_modules()
                   if isinstance(module, torch.nn.Linear) and ".layers." in name})


def native_bf16() -> bool:
    """Whether this machine computes bfloat16 natively: a CUDA GPU with bf16, or (without CUDA) a CPU
    with AVX-512 BF16 or AMX instructions. Elsewhere bf16 is emulated and slower than float32, so
    the automatic setting stays off."""
    import torch

    if torch.cuda.is_available():
        return torch.cuda.is_bf16_supported()
    cpu = torch.cpu  # PyTorch's CPU feature checks (private names, hence the getattr)
    return any(getattr(cpu, check, lambda: False)() for check in ("_is_avx512_bf16_supported",
                                                                  "_is_amx_tile_supported"))


def trl_args(config: TrainingConfig, output_dir: str, policy=None):
    """TRL's config object for ``config.method``, with CPU-friendly settings. GRPO / RLOO sample
    as ``policy`` (a :class:`~.policy_models.LocalPolicyModel`) does: its temperature and top-p, and
    its model's top-k (``generate``'s default 50 unless the model's generation config sets one)."""
    import torch
    from trl import DPOConfig, GRPOConfig, KTOConfig, RLOOConfig, SFTConfig

    kind = {"dpo": DPOConfig, "kto": KTOConfig, "sft": SFTConfig, "best_of_n": SFTConfig, "grpo": GRPOConfig,
            "rloo": RLOOConfig}[config.method]
    args = dict(output_dir=output_dir, per_device_train_batch_size=config.batch_size,
                gradient_accumulation_steps=config.gradient_accumulation_steps,
                num_train_epochs=config.epochs, learning_rate=config.learning_rate, max_length=config.max_length,
                bf16=config.uses_bf16(), fp16=False, use_cpu=not torch.cuda.is_available(), report_to=[],
                save_strategy="no", logging_strategy="no", disable_tqdm=True, seed=config.seed,
                dataloader_num_workers=0)
    names = {f.name for f in dataclasses.fields(kind)}
    # transformers 5 renamed gradient checkpointing; the old name still works but warns
    args["activation_checkpointing" if "activation_checkpointing" in names else "gradient_checkpointing"] = \
        config.gradient_checkpointing
    if config.method in ("dpo", "kto"):
        args.update(beta=config.beta, precompute_ref_log_probs=config.precompute_ref_log_probs)
    if config.micro_batch is not None and config.method not in GROUP_METHODS:
        # the same batch_size rows an optimizer step, micro_batch at a time
        args.update(per_device_train_batch_size=config.micro_batch,
                    gradient_accumulation_steps=config.batch_size // config.micro_batch
                    * config.gradient_accumulation_steps)
    if config.method in GROUP_METHODS:
        del args["max_length"]  # the prompt is bounded by the caller (see train_adapter)
        temperature = config.grpo_temperature or getattr(policy, "temperature", 1.0)
        model = getattr(policy, "model", None)
        top_k = getattr(getattr(model, "generation_config", None), "top_k", None) or 50  # generate()'s default
        # batch_size groups per optimizer step, all generated together, passed forward one group (or
        # grpo_micro_batch completions) at a time; the samples come from the policy being updated (no
        # old-policy log-probability pass)
        micro = config.grpo_micro_batch or config.num_generations
        args.update(per_device_train_batch_size=micro,
                    gradient_accumulation_steps=config.batch_size * config.num_generations // micro
                    * config.gradient_accumulation_steps,
                    num_generations=config.num_generations, max_completion_length=config.max_completion_length,
                    beta=config.grpo_beta, temperature=temperature, top_p=getattr(policy, "top_p", 1.0), top_k=top_k,
                    use_vllm=False, reward_weights=[1.0] + [0.0] * len(CRITERIA),  # the total; criteria logged
                    logging_strategy="steps", logging_steps=1)  # per-step reward means for the night's record
    unknown = sorted(set(config.extra_args) - names)
    if unknown:
        raise ValueError(f"extra_args names fields that {kind.__name__} does not have: {', '.join(unknown)}")
    args.update(config.extra_args)
    return kind(**args)


def train_adapter(policy, rows: list[dict], config: TrainingConfig, output_dir: str | None = None, *,
                  reward_funcs=None) -> dict:
    """Train ``policy``'s adapter (a :class:`~.policy_models.LocalPolicyModel`) on ``rows``
    (DPO, KTO or SFT rows as :mod:`.preferences` makes them; GRPO / RLOO: ``{"prompt",
    "moment_id"}`` rows rated by ``reward_funcs``, :func:`propersim_env.rewards.reward_functions`);
    afterwards ``policy`` serves the trained adapter. Returns ``{"rows", "too_long", "seconds",
    "train_loss", "steps"}``, and for GRPO / RLOO the night's mean of each reward function
    (``reward_total``, ``reward_timing``, ...) and ``frac_reward_zero_std`` (the share of groups
    rated all alike: no signal).

    Rows longer than ``config.max_length`` tokens are left out and counted in
    ``too_long`` (with a warning): TRL would cut their answers, teaching the
    model from a text it never wrote (GRPO / RLOO: the prompt plus
    ``max_completion_length``). GRPO / RLOO train on whole optimizer steps of
    ``batch_size`` prompts (fewer if the night has fewer): a remainder is left
    out, drawn with the seed."""
    if config.method == "none":
        raise ValueError("method 'none' does not train")
    group = config.method in GROUP_METHODS
    if group and not reward_funcs:
        raise ValueError(f"{config.method.upper()} samples its own completions and needs reward_funcs to rate them: "
                         "propersim_env.rewards.reward_functions(store)")
    import datasets
    import numpy as np
    import torch
    from transformers import PrinterCallback
    from trl import DPOTrainer, GRPOTrainer, KTOTrainer, RLOOTrainer, SFTTrainer

    from .preferences import to_dataset

    label = config.method.upper() if config.method != "best_of_n" else "best-of-n SFT"
    extra = config.max_completion_length if group else 0
    fitting = [r for r in rows if row_tokens(policy.tokenizer, r) + extra <= config.max_length]
    too_long = len(rows) - len(fitting)
    if too_long:
        warnings.warn(f"{too_long} of {len(rows)} {label} rows are longer than max_length="
                      f"{config.max_length} tokens and were left out: raise max_length or shorten the "
                      "prompt (AssistantConfig.memory_chars)", stacklevel=2)
    if not fitting:
        raise ValueError(f"no {label} rows to train on ({too_long} too long)")
    if config.method == "kto" and len({r["label"] for r in fitting}) < 2:
        raise ValueError("KTO needs both desirable and undesirable rows")
    if group:  # TRL drops a last incomplete generation batch: choose which rows, reproducibly
        config = dataclasses.replace(config, batch_size=min(config.batch_size, len(fitting)))
        keep = len(fitting) - len(fitting) % config.batch_size
        if keep < len(fitting):
            chosen = np.random.default_rng(config.seed).choice(len(fitting), size=keep, replace=False)
            fitting = [fitting[i] for i in sorted(chosen)]
    datasets.disable_progress_bars()
    threads_before = torch.get_num_threads()
    if config.threads is not None:
        torch.set_num_threads(config.threads)
    trainer_class = {"dpo": DPOTrainer, "kto": KTOTrainer, "sft": SFTTrainer, "best_of_n": SFTTrainer,
                     "grpo": GRPOTrainer, "rloo": RLOOTrainer}[config.method]
    start = time.perf_counter()
    rewards = {}
    try:
        with tempfile.TemporaryDirectory(prefix="propersim-train-") as tmp, _quiet_progress():
            more = {"reward_funcs": list(reward_funcs)} if group else {}
            trainer = trainer_class(model=policy.model, args=trl_args(config, output_dir or tmp, policy),
                                    train_dataset=to_dataset(fitting), processing_class=policy.tokenizer,
                                    peft_config=None if policy.has_adapter else lora_config(config, policy.model),
                                    **more)
            trainer.remove_callback(PrinterCallback)
            result = trainer.train()
            if group:
                rewards = night_rewards(trainer.state.log_history)
            # without the mixed-precision wrapper: the served model then computes as the saved adapter does
            policy.model = trainer.accelerator.unwrap_model(trainer.model, keep_fp32_wrapper=False)
            del trainer
            if "ref" in policy.model.peft_config:  # TRL's frozen copy of last night's adapter (see the module doc)
                policy.model.delete_adapter("ref")
    finally:
        torch.set_num_threads(threads_before)
    policy.model.eval()
    loss = float(result.training_loss)
    if not math.isfinite(loss):
        raise FloatingPointError(f"{label} training diverged (loss {loss})")
    return {"rows": len(fitting), "too_long": too_long, "seconds": time.perf_counter() - start,
            "train_loss": loss, "steps": int(result.global_step), **rewards}


def night_rewards(log_history: list[dict]) -> dict[str, float]:
    """The means over a night's logged steps of each reward function (``rewards/propersim_timing/mean``
    becomes ``reward_timing``) and of ``frac_reward_zero_std``."""
    import numpy as np

    out = {}
    keys = dict.fromkeys(k for entry in log_history for k in entry)
    for key in keys:
        if key.startswith("rewards/") and key.endswith("/mean"):
            name = "reward_" + key[len("rewards/"):-len("/mean")].removeprefix("propersim_")
        elif key == "frac_reward_zero_std":
            name = key
        else:
            continue
        values = [e[key] for e in log_history if isinstance(e.get(key), (int, float))]
        if values:
            out[name] = float(np.mean(values))
    return out


def row_tokens(tokenizer, row: dict) -> int:
    """Tokens in the longest prompt + answer sequence of a DPO, KTO or SFT row (GRPO / RLOO: the
    prompt with the assistant's turn opened)."""
    answers = [row[k] for k in ("chosen", "rejected", "completion") if k in row]
    if not answers:
        return len(tokenizer.apply_chat_template(row["prompt"], add_generation_prompt=True, tokenize=True,
                                                 return_dict=True)["input_ids"])
    return max(len(tokenizer.apply_chat_template(row["prompt"] + a, tokenize=True, return_dict=True)["input_ids"])
               for a in answers)


@contextlib.contextmanager
def _quiet_progress():
    """TRL draws its reference log-probability bar unless ``TQDM_DISABLE`` is set."""
    before = os.environ.get("TQDM_DISABLE")
    os.environ["TQDM_DISABLE"] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TQDM_DISABLE", None)
        else:
            os.environ["TQDM_DISABLE"] = before
