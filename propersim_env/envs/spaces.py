"""Spaces for free text: Gymnasium's ``Text`` limits text to a character set;
suggestions and memories are any Unicode (accents, punctuation, emoji).

Async vector envs need ``vector_kwargs={"shared_memory": False}``: see
:data:`SHARED_MEMORY_HINT`."""

from __future__ import annotations

import string
from typing import Any

from gymnasium.spaces import Text
from gymnasium.vector.utils import create_shared_memory

#: what ``sample()`` draws from; ``contains`` accepts any character
SAMPLE_CHARSET = frozenset(string.ascii_letters + string.digits + " .,;:!?'-()" + "éèàçñöüß" + "🙂🌱☕📚")


class UnicodeText(Text):
    """A ``Text`` space that contains any ``str`` of allowed length."""

    def __init__(self, max_length: int, *, min_length: int = 0, seed=None):
        super().__init__(max_length, min_length=min_length, charset=SAMPLE_CHARSET, seed=seed)

    def contains(self, x: Any) -> bool:
        return isinstance(x, str) and self.min_length <= len(x) <= self.max_length

    def __repr__(self) -> str:
        return f"UnicodeText({self.min_length}, {self.max_length})"


# Gymnasium's async vector env reads shared memory into observations once, at
# start-up; that works for arrays (views that later writes update) but not for
# text, which is immutable. Text observations must travel by pipe instead: say
# so clearly rather than fail with a KeyError deep in a worker.
SHARED_MEMORY_HINT = (
    "ProPerSim's text observations cannot travel through shared memory; use "
    "gym.make_vec(..., vectorization_mode='async', vector_kwargs={'shared_memory': False})"
)


@create_shared_memory.register(UnicodeText)
def _refuse_shared_memory(space: UnicodeText, n: int = 1, ctx=None):
    raise ValueError(SHARED_MEMORY_HINT)
