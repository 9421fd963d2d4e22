"""A fixed train/test split of the 32 personas for policies that learn.

The 32 personas are the 2^5 High/Low combinations of the Big Five. The test
personas of fold ``f`` (0-3) are those whose levels (high = 1, low = 0) satisfy

    extraversion XOR agreeableness XOR conscientiousness = f // 2
    extraversion XOR openness XOR neuroticism            = f % 2

Each fold is a 2^(5-2) fractional factorial design: 8 personas in which every
trait is high in exactly 4, and every pair of traits shows each of its four
High/Low combinations exactly twice. The four folds are disjoint and cover all
32 personas, so they also serve as a 4-fold cross-validation. The train set of
a fold is the other 24. Fold 0 is the documented default held-out set.

The split depends only on the personas' Big-Five levels (no random draw), so
every run, machine and version that ships the same personas gets the same one.
"""

from __future__ import annotations

from functools import reduce
from operator import xor

from .loader import NUM_PERSONAS, load_persona
from .schema import TRAITS

FOLDS = 4
SPLITS = ("train", "test", "all")
_E, _A, _C, _O, _N = TRAITS


def _fold_of(persona_id: int) -> int:
    level = {t: int(v == "high") for t, v in load_persona(persona_id).big_five.items()}
    first = reduce(xor, (level[_E], level[_A], level[_C]))
    second = reduce(xor, (level[_E], level[_O], level[_N]))
    return 2 * first + second


def persona_folds() -> list[tuple[int, ...]]:
    """The four disjoint test folds of 8 persona ids each, fold 0 first."""
    folds: list[list[int]] = [[] for _ in range(FOLDS)]
    for pid in range(1, NUM_PERSONAS + 1):
        folds[_fold_of(pid)].append(pid)
    return [tuple(f) for f in folds]


def persona_split(split: str = "test", fold: int = 0) -> tuple[int, ...]:
    """Persona ids of ``split`` (``"train"``: 24, ``"test"``: 8, ``"all"``: 32) for ``fold`` 0-3."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}; got {split!r}")
    if isinstance(fold, bool) or not isinstance(fold, int) or not 0 <= fold < FOLDS:
        raise ValueError(f"fold must be an integer from 0 to {FOLDS - 1}; got {fold!r}")
    if split == "all":
        return tuple(range(1, NUM_PERSONAS + 1))
    test = persona_folds()[fold]
    if split == "test":
        return test
    return tuple(p for p in range(1, NUM_PERSONAS + 1) if p not in test)
