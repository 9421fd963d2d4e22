"""ProPerAssistant: the study's learning assistant and its daily preference training.

- :mod:`.assistant`: :class:`ProPerAssistant` (a policy) and :class:`AssistantConfig`
- :mod:`.memory`, :mod:`.embedders`: its memory and retrieval (memory levels: :mod:`propersim_env.core.memory_level`)
- :mod:`.prompt`: its prompt and how an answer becomes a decision
- :mod:`.policy_models`: OpenAI-compatible and local Hugging Face policy models
- :mod:`.preferences`: rated candidates -> DPO / KTO / SFT / best-of-n rows, replay buffers
- :mod:`.training`: :class:`TrainingConfig` and one TRL training run of the LoRA adapter (DPO, KTO, SFT,
  best-of-n SFT; GRPO / RLOO on the day's moments, rated by :mod:`propersim_env.rewards`)
- :mod:`.loop`: :class:`AssistantFeedback`, the wrapper for plain ``env.step`` loops

Torch, transformers, TRL and PEFT load only when a local model is used
(``pip install -e ".[train]"``).
"""

from .assistant import AssistantConfig, ProPerAssistant
from .embedders import HashingEmbedder, make_embedder
from .loop import AssistantFeedback
from .memory import InteractionMemory
from propersim_env.core import MEMORY_LEVELS as LEVELS
from propersim_env.core import parse_memory_level
from .policy_models import LocalPolicyModel, OpenAIPolicyModel, smollm2_checkpoint
from .preferences import REPLAY_BUFFERS, PreferenceStore
from .training import GROUP_METHODS, METHODS, TrainingConfig, train_adapter

__all__ = ["AssistantConfig", "AssistantFeedback", "GROUP_METHODS", "HashingEmbedder", "InteractionMemory", "LEVELS",
           "LocalPolicyModel", "METHODS", "OpenAIPolicyModel", "PreferenceStore", "ProPerAssistant",
           "REPLAY_BUFFERS", "TrainingConfig", "make_embedder", "parse_memory_level", "smollm2_checkpoint",
           "train_adapter"]
