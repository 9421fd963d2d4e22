"""A tiny causal LM built in-process for tests: a byte-level BPE tokenizer trained
on a few sentences, a ChatML chat template, and a 2-layer Llama with random weights.
Nothing is downloaded; building one takes well under a second."""

from __future__ import annotations

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
CORPUS = [
    "No Recommendation",
    "How about a short walk in the garden before lunch?",
    "Maybe put on some calm music while you cook.",
    "Now: Thursday 2025-02-13 09:05. The resident is having breakfast @ common room: dining table.",
    "Recent interactions suggestion score reasons Today hour by hour recommendations decisions mean",
]


def _corpus() -> list[str]:
    """Sentences like the prompts the tests send, so they take few tokens (fast tests)."""
    from agents.proper_assistant.prompt import SYSTEM
    from propersim_env.personas import activities

    return CORPUS + [SYSTEM] + [a.description for a in activities().values()]


def tiny_tokenizer():
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=1500, special_tokens=["<|pad|>", "<|im_start|>", "<|im_end|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(_corpus() * 5, trainer)
    hf = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<|pad|>", eos_token="<|im_end|>")
    hf.chat_template = CHAT_TEMPLATE
    return hf


def tiny_model(tokenizer, seed: int = 0):
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=4096,
                         pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
                         bos_token_id=None, tie_word_embeddings=True)
    torch.manual_seed(seed)
    return LlamaForCausalLM(config).eval()


def tiny_policy(seed: int = 0, max_new_tokens: int = 12):
    from agents.proper_assistant import LocalPolicyModel

    tokenizer = tiny_tokenizer()
    return LocalPolicyModel(tiny_model(tokenizer, seed), tokenizer, name="tiny", max_new_tokens=max_new_tokens)
