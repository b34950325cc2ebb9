"""The daily analysis table: unrecorded days stay unknown, factors come from day records."""

from __future__ import annotations

import datetime as dt

import numpy as np

from tests.conftest import TODAY
from twitchwise.diary.records import Day, Episode, Stored
from twitchwise.insights.table import daily_table


def stored(*records: Episode | Day) -> list[Stored]:
    return [Stored(f"x{i}", "episode" if isinstance(r, Episode) else "day", r) for i, r in enumerate(records)]


def at(days_ago: int, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour))


def test_counts_missing_days_and_twitch_free_days() -> None:
    table = daily_table(
        stored(
            Episode(at=at(4), region="calf"), Episode(at=at(4, 20), region="calf"),
            Day(day=TODAY - dt.timedelta(days=2), twitch_free=True),
            Episode(at=at(0), region="thigh"),
            Episode(at=at(-1), region="thigh"),  # tomorrow: ignored
        ),
        today=TODAY,
    )  # fmt: skip
    assert table is not None and table.first == TODAY - dt.timedelta(days=4)
    assert np.array_equal(table.counts, [2, np.nan, 0, np.nan, 1], equal_nan=True)
    assert table.recorded_days == 3 and table.days == 5


def test_factors_come_from_day_records_and_stay_unknown_without_them() -> None:
    table = daily_table(
        stored(
            Day(day=TODAY - dt.timedelta(days=1), caffeine_mg=300, nicotine=False, medicines=[]),
            Day(day=TODAY, sleep_h=6.5, medicines=["sertraline"]),
        ),
        today=TODAY,
    )
    assert table is not None
    assert np.array_equal(table.factors["caffeine"], [300, np.nan], equal_nan=True)
    assert np.array_equal(table.factors["sleep"], [np.nan, 6.5], equal_nan=True)
    assert np.array_equal(table.factors["nicotine"], [0, np.nan], equal_nan=True)
    assert np.array_equal(table.factors["medicines"], [0, 1])
    assert np.isnan(table.counts).all()  # factors alone say nothing about twitching


def test_weekends_follow_the_calendar() -> None:
    table = daily_table(stored(Episode(at=at(6), region="calf")), today=TODAY)  # six days ago was a Sunday
    assert table is not None and list(table.weekend) == [1, 0, 0, 0, 0, 0, 1]  # Sunday 15th to Saturday 21st


def test_an_empty_diary_has_no_table() -> None:
    assert daily_table([], today=TODAY) is None
