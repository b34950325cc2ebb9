"""A stretch of the diary in numbers: episodes a day (unrecorded days left unknown), by site."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

import msgspec

from twitchwise.diary.evidence import recorded_days
from twitchwise.diary.records import Episode, Stored
from twitchwise.sites import site_name


class DaySummary(msgspec.Struct, frozen=True):
    day: dt.date
    episodes: int | None  # None: nothing recorded that day (unknown, not zero)


class Summary(msgspec.Struct, frozen=True):
    days: list[DaySummary]
    recorded_days: int
    episodes: int
    by_site: dict[str, int]


def summarise(entries: Sequence[Stored], *, today: dt.date, days: int) -> Summary:
    counts = recorded_days(entries, today=today)
    by_site = Counter(site_name(s.record.region, s.record.side) for s in entries if isinstance(s.record, Episode))
    span = [today - dt.timedelta(days=n) for n in range(days - 1, -1, -1)]
    return Summary(
        days=[DaySummary(day, counts.get(day)) for day in span],
        recorded_days=sum(1 for day in span if day in counts),
        episodes=sum(counts.values()),
        by_site=dict(by_site.most_common()),
    )
