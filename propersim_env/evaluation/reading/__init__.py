"""The resident's reading of a suggestion: what it proposes, to whom, how and how safely.

Built once per text and cached (see :mod:`.reading`); the rubric rates over it.
"""

from .reading import MAX_READ_CHARS, Reading, read, warm_up

__all__ = ["MAX_READ_CHARS", "Reading", "read", "warm_up"]
