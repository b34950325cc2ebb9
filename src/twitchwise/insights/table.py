"""The daily analysis table: one row a day from the first recorded day to today.

A day's count is the number of episodes logged that day, or NaN when the day was not recorded
(no episode and not marked twitch-free): a missing day is unknown, never zero.  A factor is NaN
on a day without a day record or without that field.  The factors and their lags are declared
here, before any data is seen (triggers.md §2.2: lag 1 for caffeine, alcohol, exercise, sleep).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from twitchwise.diary.evidence import recorded_days
from twitchwise.diary.records import Day, Stored
from twitchwise.insights.model import Array, FactorSpec


@dataclass(frozen=True)
class Factor:
    spec: FactorSpec
    label: str
    unit: str  # natural unit of one SD, for "1 SD = 110 mg"


FACTORS: tuple[Factor, ...] = (
    Factor(FactorSpec("caffeine", lags=(0, 1)), "caffeine", "mg"),
    Factor(FactorSpec("water"), "water", "L"),
    Factor(FactorSpec("alcohol", lags=(0, 1)), "alcohol", "units"),
    Factor(FactorSpec("nicotine", binary=True), "nicotine", ""),
    Factor(FactorSpec("exercise", lags=(0, 1)), "exercise", "min"),
    Factor(FactorSpec("sleep", lags=(0, 1)), "sleep", "h"),
    Factor(FactorSpec("stress", binary=False), "stress", "points"),
    Factor(FactorSpec("medicines", binary=True), "any medicine taken", ""),
)
_FIELDS = {
    "caffeine": "caffeine_mg", "water": "water_l", "alcohol": "alcohol_units", "exercise": "exercise_min",
    "sleep": "sleep_h", "stress": "stress",
}  # fmt: skip


@dataclass(frozen=True)
class DailyTable:
    first: dt.date
    counts: Array
    factors: dict[str, Array]
    weekend: Array

    @property
    def days(self) -> int:
        return int(self.counts.size)

    @property
    def recorded_days(self) -> int:
        return int(np.isfinite(self.counts).sum())

    def date(self, index: int) -> dt.date:
        return self.first + dt.timedelta(days=index)


def daily_table(entries: Sequence[Stored], *, today: dt.date) -> DailyTable | None:
    """The table of a diary, or None when nothing at all is recorded."""
    counts = recorded_days(entries, today=today)
    days = {s.record.day: s.record for s in entries if isinstance(s.record, Day) and s.record.day <= today}
    known = sorted({*counts, *days})
    if not known:
        return None
    first = known[0]
    size = (today - first).days + 1
    y = np.full(size, np.nan)
    for day, n in counts.items():
        y[(day - first).days] = n
    series = {f.spec.name: np.full(size, np.nan) for f in FACTORS}
    for day, record in days.items():
        index = (day - first).days
        for name, field in _FIELDS.items():
            value = getattr(record, field)
            if value is not None:
                series[name][index] = float(value)
        if record.nicotine is not None:
            series["nicotine"][index] = float(record.nicotine)
        if record.medicines is not None:
            series["medicines"][index] = float(bool(record.medicines))
    weekend = np.array([(first + dt.timedelta(days=i)).weekday() >= 5 for i in range(size)], dtype=float)
    return DailyTable(first, y, series, weekend)
