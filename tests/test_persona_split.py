"""The fixed, Big-Five-balanced train/test split of the personas."""

from collections import Counter
from itertools import combinations

import pytest

from propersim_env.personas import load_persona
from propersim_env.personas.schema import TRAITS
from propersim_env.personas.split import FOLDS, persona_folds, persona_split


def test_folds_partition_the_32_personas_into_four_of_eight():
    folds = persona_folds()
    assert len(folds) == FOLDS and all(len(f) == 8 for f in folds)
    assert sorted(p for f in folds for p in f) == list(range(1, 33))


@pytest.mark.parametrize("fold", range(FOLDS))
def test_each_test_fold_balances_every_trait_and_every_pair_of_traits(fold):
    levels = [load_persona(p).big_five for p in persona_split("test", fold)]
    for t in TRAITS:
        assert Counter(lv[t] for lv in levels) == {"high": 4, "low": 4}
    for a, b in combinations(TRAITS, 2):
        assert Counter((lv[a], lv[b]) for lv in levels) == {(x, y): 2 for x in ("high", "low") for y in ("high", "low")}


def test_train_is_the_complement_of_test_and_the_split_is_fixed():
    test, train = persona_split("test"), persona_split("train")
    assert len(train) == 24 and not set(train) & set(test) and sorted(train + test) == list(range(1, 33))
    assert persona_split("all") == tuple(range(1, 33))
    assert test == (2, 12, 13, 14, 15, 17, 22, 32)  # documented: changing it invalidates held-out results


def test_bad_split_or_fold_is_refused():
    with pytest.raises(ValueError, match="split must be one of train, test, all"):
        persona_split("validation")
    with pytest.raises(ValueError, match="fold must be an integer from 0 to 3"):
        persona_split("test", 4)
