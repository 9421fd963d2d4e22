"""A rating: the four criteria, 0 or 1 each, with a reason per criterion."""

from __future__ import annotations

from dataclasses import dataclass

from ..core import CRITERIA

_CRITERIA_SET = frozenset(CRITERIA)


@dataclass(frozen=True, slots=True)
class Rating:
    """The resident's rating of one decision.

    ``scores`` maps each name in :data:`CRITERIA` to 0 or 1; ``reasons`` maps
    each to a short sentence saying why. ``total`` is the sum, 0 to 4.
    """

    scores: dict[str, int]
    reasons: dict[str, str]

    def __post_init__(self) -> None:
        if self.scores.keys() != _CRITERIA_SET:
            raise ValueError(f"a rating needs scores for exactly {CRITERIA}, got {tuple(self.scores)}")
        if self.reasons.keys() != _CRITERIA_SET:
            raise ValueError(f"a rating needs reasons for exactly {CRITERIA}, got {tuple(self.reasons)}")
        for name, value in self.scores.items():
            if type(value) is not int or value not in (0, 1):
                raise ValueError(f"score {name!r} must be 0 or 1, got {value!r}")

    @property
    def total(self) -> int:
        """The sum of the four criteria, 0 to 4."""
        s = self.scores
        return s["preference"] + s["timing"] + s["frequency"] + s["communication_safety"]

    def to_dict(self) -> dict:
        return {"total": self.total, "scores": dict(self.scores), "reasons": dict(self.reasons)}
