"""A hashed bag of words: text features with no model, stable across processes.

Each lower-case word, and each pair of neighbouring words, adds +1 or -1 to one
of ``dim`` buckets chosen by its BLAKE2 hash (Python's ``hash`` changes from
process to process; BLAKE2 does not). The vector is scaled to unit length, so
a dot product of two is their cosine. It knows shared words, not meaning.

Used for the SB3 observation's text features and for ProPerAssistant's offline
retrieval embedder.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"[a-z0-9']+")


def hashed_text_vector(text: str, dim: int) -> np.ndarray:
    """The unit float32 vector of ``text`` (a zero vector when it has no words)."""
    if isinstance(dim, bool) or not isinstance(dim, int) or dim < 1:
        raise ValueError(f"text vector dimension must be a positive integer, got {dim!r}")
    vector = np.zeros(dim, np.float32)
    words = _WORD.findall(text.lower())
    for feature in words + [f"{a} {b}" for a, b in zip(words, words[1:])]:
        value = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little")
        vector[value % dim] += 1.0 if (value >> 63) & 1 else -1.0
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector
