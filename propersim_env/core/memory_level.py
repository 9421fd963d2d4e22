"""The study's memory levels: what each remembered interaction shows.

``A`` the resident's action, ``AS`` plus the assistant's decision, ``ASC`` plus
the score, ``ASCR`` plus the resident's reasons. The mixes show the next field
for a share of the interactions: ``AS9C1`` shows the score of 10% of them,
``AS8C2`` of 20%, ``ASC9R1`` the reasons of 10%, ``ASC8R2`` of 20%.

The env's ``memory`` observation and ProPerAssistant's memory both take a
:class:`MemoryLevel`. Which interactions of a mix show the extra field is drawn
once per interaction, when it is recorded, so a memory never flickers.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

BASE_LEVELS = ("A", "AS", "ASC", "ASCR")
MIXED_LEVELS = ("AS9C1", "AS8C2", "ASC9R1", "ASC8R2")
LEVELS = BASE_LEVELS + MIXED_LEVELS
_MIX = re.compile(r"^(AS|ASC)(\d)([CR])(\d)$")


@dataclass(frozen=True)
class MemoryLevel:
    """``base`` is always shown; ``extra`` (``"C"`` or ``"R"``) for a share ``extra_share`` of interactions."""

    name: str
    base: str
    extra: str | None = None
    extra_share: float = 0.0

    def shows(self, field: str, extra_drawn: bool) -> bool:
        """Whether an interaction shows ``field`` (``"S"``, ``"C"`` or ``"R"``); ``extra_drawn``
        is the interaction's own draw for the mixed field."""
        return field in self.base or (field == self.extra and extra_drawn)

    def draw_by_key(self, key: str) -> bool:
        """A draw for the mixed field that needs no random generator: the same ``key`` (say, the
        interaction's time) always draws the same, so nothing extra is saved or replayed."""
        if not self.extra:
            return False
        value = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")
        return value / 2**64 < self.extra_share


def parse_memory_level(name: str | MemoryLevel) -> MemoryLevel:
    """``"ASC8R2"`` -> ``MemoryLevel("ASC8R2", "ASC", "R", 0.2)``; a clear error for anything else."""
    if isinstance(name, MemoryLevel):
        return name
    if name in BASE_LEVELS:
        return MemoryLevel(name, name)
    m = _MIX.match(name) if isinstance(name, str) else None
    if m and name in MIXED_LEVELS:
        base, _kept, extra, share = m.groups()
        return MemoryLevel(name, base, extra, int(share) / 10)
    raise ValueError(f"memory_level must be one of {', '.join(LEVELS)}, got {name!r}")
