"""One training run of the policy's LoRA adapter with TRL 1.x: DPO, KTO or SFT.

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
from propersim_env.core import option

from .preferences import REPLAY_BUFFERS

METHODS = ("dpo", "kto", "sft", "none")
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
                         "disliked answers, SFT on the well-rated answers, or none (the untrained control)",
                         choices=METHODS)
    replay: str = option("equally200", "which pairs a night trains on: up to 200 / 400 drawn from all days so far, "
                         "today's plus as many earlier ones, today's only, or all", choices=REPLAY_BUFFERS)
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
    epochs: float = option(2.0, "passes over each night's rows", allowed="a positive number")
    batch_size: int = option(4, "rows per device batch", allowed="a positive integer", parse=positive_int)
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
    sft_min_score: float = option(3.0, "SFT: the lowest score of an answer trained on", allowed="a score 0-4")
    seed: int = option(0, "the training run's random seed; set per run by the caller",
                       allowed="an integer of at least 0")
    extra_args: dict = option(None, "any other field of TRL's DPOConfig / KTOConfig / SFTConfig",
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


def trl_args(config: TrainingConfig, output_dir: str):
    """TRL's config object for ``config.method``, with CPU-friendly settings."""
    import torch
    from trl import DPOConfig, KTOConfig, SFTConfig

    kind = {"dpo": DPOConfig, "kto": KTOConfig, "sft": SFTConfig}[config.method]
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
    unknown = sorted(set(config.extra_args) - names)
    if unknown:
        raise ValueError(f"extra_args names fields that {kind.__name__} does not have: {', '.join(unknown)}")
    args.update(config.extra_args)
    return kind(**args)


def train_adapter(policy, rows: list[dict], config: TrainingConfig, output_dir: str | None = None) -> dict:
    """Train ``policy``'s adapter (a :class:`~.policy_models.LocalPolicyModel`) on ``rows``
    (DPO, KTO or SFT rows as :mod:`.preferences` makes them); afterwards ``policy`` serves
    the trained adapter. Returns ``{"rows", "too_long", "seconds", "train_loss", "steps"}``.

    Rows longer than ``config.max_length`` tokens are left out and counted in
    ``too_long`` (with a warning): TRL would cut their answers, teaching the
    model from a text it never wrote."""
    if config.method == "none":
        raise ValueError("method 'none' does not train")
    import datasets
    import torch
    from transformers import PrinterCallback
    from trl import DPOTrainer, KTOTrainer, SFTTrainer

    from .preferences import to_dataset

    fitting = [r for r in rows if row_tokens(policy.tokenizer, r) <= config.max_length]
    too_long = len(rows) - len(fitting)
    if too_long:
        warnings.warn(f"{too_long} of {len(rows)} {config.method.upper()} rows are longer than max_length="
                      f"{config.max_length} tokens and were left out: raise max_length or shorten the "
                      "prompt (AssistantConfig.memory_chars)", stacklevel=2)
    if not fitting:
        raise ValueError(f"no {config.method.upper()} rows to train on ({too_long} too long)")
    if config.method == "kto" and len({r["label"] for r in fitting}) < 2:
        raise ValueError("KTO needs both desirable and undesirable rows")
    datasets.disable_progress_bars()
    threads_before = torch.get_num_threads()
    if config.threads is not None:
        torch.set_num_threads(config.threads)
    trainer_class = {"dpo": DPOTrainer, "kto": KTOTrainer, "sft": SFTTrainer}[config.method]
    start = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="propersim-train-") as tmp, _quiet_progress():
            trainer = trainer_class(model=policy.model, args=trl_args(config, output_dir or tmp),
                                    train_dataset=to_dataset(fitting), processing_class=policy.tokenizer,
                                    peft_config=None if policy.has_adapter else lora_config(config, policy.model))
            trainer.remove_callback(PrinterCallback)
            result = trainer.train()
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
        raise FloatingPointError(f"{config.method.upper()} training diverged (loss {loss})")
    return {"rows": len(fitting), "too_long": too_long, "seconds": time.perf_counter() - start,
            "train_loss": loss, "steps": int(result.global_step)}


def row_tokens(tokenizer, row: dict) -> int:
    """Tokens in the longest prompt + answer sequence of a DPO, KTO or SFT row."""
    answers = [row[k] for k in ("chosen", "rejected", "completion") if k in row]
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
