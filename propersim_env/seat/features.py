"""The numeric ``features`` observation: what a policy that reads no text sees.

A float32 vector in [-1, 1], the same in ``ProPerSim-v0`` and in each
assistant's observation of the PettingZoo household:

    minute_of_day, time_sin, time_cos   the clock (minute / 1440, and its sine/cosine)
    day_fraction                        days done / days in the episode
    weekend                             1 on Saturday and Sunday
    category_<c>                        the activity's category, one-hot
    room_<r>                            the room the resident is in, one-hot
    walking                             1 while on the way (or waiting for an object)
    minutes_since_suggestion            / 600, capped at 1 (1 when none today)
    suggestions_this_hour               / 10, capped at 1
    suggestions_today                   / 20, capped at 1
    last_score                          the last decision's score / 4 (0 when unrated)
    last_was_noop                       1 when the last decision was a no-op
    mean_score_today                    / 4
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..evaluation import EvaluationMemory
from ..personas import CATEGORIES
from ..user import ResidentState
from ..world import House
from .memory import Interaction


def feature_names(rooms: Sequence[str]) -> list[str]:
    """The names of the features, in order, for a house with these rooms."""
    return (["minute_of_day", "time_sin", "time_cos", "day_fraction", "weekend"]
            + [f"category_{c}" for c in CATEGORIES]
            + [f"room_{r.replace(' ', '_')}" for r in rooms]
            + ["walking", "minutes_since_suggestion", "suggestions_this_hour", "suggestions_today",
               "last_score", "last_was_noop", "mean_score_today"])


def assistant_features(state: ResidentState, house: House, rooms: Sequence[str], day_fraction: float,
                       memory: EvaluationMemory, last: Interaction | None) -> np.ndarray:
    """The feature vector at ``state`` (see the module docstring)."""
    minute = state.time.hour * 60 + state.time.minute
    f = np.zeros(5 + len(CATEGORIES) + len(rooms) + 7, dtype=np.float32)
    f[0] = minute / 1440
    f[1] = math.sin(2 * math.pi * minute / 1440)
    f[2] = math.cos(2 * math.pi * minute / 1440)
    f[3] = min(1.0, day_fraction)
    f[4] = float(state.time.weekday() >= 5)
    base = 5
    f[base + CATEGORIES.index(state.category)] = 1.0
    base += len(CATEGORIES)
    f[base + list(rooms).index(house.tile(*state.tile).room)] = 1.0
    base += len(rooms)
    since = memory.minutes_since_last_suggestion(state.time)
    f[base] = float(state.walking)
    f[base + 1] = 1.0 if since is None else min(1.0, since / 600)
    f[base + 2] = min(1.0, memory.suggestions_in_hour(state.time) / 10)
    f[base + 3] = min(1.0, memory.suggestions_today / 20)
    f[base + 4] = 0.0 if last is None or last.score is None else last.score / 4
    f[base + 5] = 0.0 if last is None else float(last.suggestion is None)
    f[base + 6] = memory.mean_score_today / 4
    return f
