"""Simulated time: a start date and a fixed number of seconds per step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

DEFAULT_START = datetime(2025, 2, 13)  # the study's first simulated day (a Thursday)
DEFAULT_SECONDS_PER_STEP = 150
SECONDS_PER_DAY = 24 * 3600


def parse_start_date(value: str | date | datetime | None) -> datetime:
    """Midnight of the given day; accepts ``"2025-02-13"``, a date or a datetime."""
    if value is None:
        return DEFAULT_START
    if isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            d = date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValueError(f"start_date must be an ISO date like '2025-02-13', got {value!r}") from None
        return datetime(d.year, d.month, d.day)
    raise TypeError(f"start_date must be a date or an ISO date string, got {type(value).__name__}")


@dataclass(frozen=True)
class SimClock:
    """Maps a step index to simulated time. Step 0 is midnight of ``start``.

    ``seconds_per_step`` must divide a day evenly, so every day has the same
    number of steps and day boundaries fall on steps.
    """

    start: datetime = DEFAULT_START
    seconds_per_step: int = DEFAULT_SECONDS_PER_STEP

    def __post_init__(self):
        s = self.seconds_per_step
        if isinstance(s, bool) or not isinstance(s, int) or s <= 0 or SECONDS_PER_DAY % s:
            raise ValueError(f"seconds_per_step must be a positive integer that divides 86400, got {s!r}")

    @property
    def steps_per_day(self) -> int:
        return SECONDS_PER_DAY // self.seconds_per_step

    @property
    def steps_per_hour(self) -> float:
        return 3600 / self.seconds_per_step

    @property
    def minutes_per_step(self) -> float:
        return self.seconds_per_step / 60

    def time_at(self, step: int) -> datetime:
        return self.start + timedelta(seconds=step * self.seconds_per_step)

    def day_of(self, step: int) -> int:
        return step // self.steps_per_day

    def minutes_since_start(self, step: int) -> float:
        """Simulated minutes from midnight of the first day to ``step``."""
        return step * self.seconds_per_step / 60

    def minute_of_day(self, step: int) -> float:
        return self.minutes_since_start(step % self.steps_per_day)

    def date_of_day(self, day: int) -> date:
        return (self.start + timedelta(days=day)).date()
