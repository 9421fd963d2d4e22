"""Reading an observation back into structured context, for policies that do
not parse text themselves: the simulated time and the resident's activity.

The activity comes from the ``user_action`` text ("<name> is <activity
description> (<step>) @ <place>"): activity descriptions are unique in the
vocabulary, so the match is exact.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from ..personas import Activity, activities

TIME_FORMAT = "%A %Y-%m-%d %H:%M"


def observed_time(observation: dict) -> datetime:
    """The simulated time of an observation."""
    return datetime.strptime(observation["time"], TIME_FORMAT)


@lru_cache(maxsize=1)
def _by_description() -> list[tuple[str, Activity]]:
    # longest first, so "having lunch" never shadows a longer description that starts the same way
    return sorted(((f" is {a.description}", a) for a in activities().values()), key=lambda x: -len(x[0]))


def observed_activity(observation: dict) -> Activity:
    """The activity the observed resident is doing (or walking to)."""
    text = observation["user_action"]
    for marker, activity in _by_description():
        i = text.find(marker)
        if i >= 0 and text[i + len(marker): i + len(marker) + 1] in ("", " ", "("):
            return activity
    raise ValueError(f"no known activity in user_action {text[:120]!r}")
