"""The four criteria the resident rates every decision on, 0 or 1 each.

One spelling everywhere: ratings, logs, CSV columns, plots and the keys of a
persona's ``[criteria]`` texts all use these names.
"""

from __future__ import annotations

CRITERIA = ("preference", "timing", "frequency", "communication_safety")

#: how each criterion is written for people (tables, pages, prompts)
CRITERION_LABELS = {"preference": "preference", "timing": "timing", "frequency": "frequency",
                    "communication_safety": "communication & safety"}
