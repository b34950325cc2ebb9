"""Charts made for a phone: bars drawn by the page itself (``macros.bar_chart``), every word outside the
drawing so it stays readable at 375 px, dates under each chart, and a tap on any bar saying its day (or week)
and values in words.  The report's printed charts (``insights.charts``) stay as they are, for paper.

A day with nothing recorded is drawn as a grey tick, never as a zero, and the week not yet over is an open
bar labelled "so far", never a drop.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from twitchwise.diary.summary import Summary
from twitchwise.insights.charts import week_starts
from twitchwise.insights.model import Array
from twitchwise.insights.table import DailyTable

# The factors drawn under the twitching, each with its unit in words and how to write one day's value.
_STRIPS: tuple[tuple[str, str, str, str], ...] = (
    ("caffeine", "Caffeine, mg a day", "{:.0f}", "caffeine {} mg"),
    ("sleep", "Sleep, hours a night", "{:.1f}", "sleep {} h"),
    ("stress", "Stress, 0 to 10", "{:.0f}", "stress {}/10"),
    ("water", "Water, litres a day", "{:.1f}", "water {} l"),
    ("alcohol", "Alcohol, units a day", "{:.1f}", "alcohol {} units"),
    ("exercise", "Exercise, minutes a day", "{:.0f}", "exercise {} min"),
)


@dataclass(frozen=True)
class Bar:
    key: str  # the day or the week's Monday, ISO: what a test or a script finds it by
    value: float | None  # None: nothing recorded that day
    title: str  # the words a tap (or a mouse) shows
    partial: bool = False  # a week not over yet


@dataclass(frozen=True)
class Chart:
    id: str
    label: str
    bars: tuple[Bar, ...]
    ticks: tuple[str, ...]  # dates under the chart, left to right
    number: str = "{:.0f}"  # how the chart's highest value is written

    @property
    def top(self) -> float:
        return max([1.0, *(b.value for b in self.bars if b.value is not None)])

    @property
    def highest(self) -> str:
        return self.number.format(self.top)


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _ticks(days: Sequence[dt.date]) -> tuple[str, ...]:
    if not days:
        return ()
    picked = [days[0], days[len(days) // 2], days[-1]] if len(days) > 2 else list(days)
    return tuple(dict.fromkeys(f"{d.day} {d:%b}" for d in picked))


def day_charts(table: DailyTable, *, days: int = 56, at_least: int = 14) -> list[Chart]:
    """The last ``days`` days of the diary (never fewer than ``at_least``, so a new diary's first day is not one
    wall of a bar): episodes a day, then each factor logged on three days or more.

    Every bar's words are the whole day ("Tue 3 Nov: 5 episodes; caffeine 300 mg, sleep 6.5 h"), so a tap on
    the twitching or on a factor tells the same day."""
    span = max(at_least, min(days, table.days))
    indexes = range(table.days - span, table.days)  # below 0: before the diary began, nothing recorded
    dates = [table.date(i) for i in indexes]
    lines = [_day_line(table, i) for i in indexes]

    def bars(series: Array) -> tuple[Bar, ...]:
        values = [series[i] if i >= 0 else math.nan for i in indexes]
        return tuple(Bar(d.isoformat(), None if math.isnan(v) else float(v), line)
                     for d, v, line in zip(dates, values, lines, strict=True))  # fmt: skip

    charts = [Chart("episodes", "Twitch episodes a day", bars(table.counts), _ticks(dates))]
    for name, label, number, _ in _STRIPS:
        strip = bars(table.factors[name])
        if sum(bar.value is not None for bar in strip) >= 3:
            charts.append(Chart(name, label, strip, _ticks(dates), number))
    return charts


def _day_line(table: DailyTable, index: int) -> str:
    day = table.date(index)
    if index < 0:
        return f"{_day(day)}: nothing recorded"
    count = table.counts[index]
    if math.isnan(count):
        head = f"{_day(day)}: twitching not recorded"
    else:
        head = f"{_day(day)}: {count:.0f} episode{'' if count == 1 else 's'}"
    factors = [words.format(number.format(table.factors[name][index])) for name, _, number, words in _STRIPS
               if not math.isnan(table.factors[name][index])]  # fmt: skip
    if not factors:
        return f"{_day(day)}: nothing recorded" if math.isnan(count) else head
    return f"{head}; {', '.join(factors)}"


def site_charts(weekly: dict[str, Counter[dt.date]], *, today: dt.date, weeks: int = 8) -> list[Chart]:
    """Episodes a week for each place (``insights.charts.weekly_by_site``) over the last ``weeks`` weeks; the
    current week is marked partial and said to be "so far", with how many of its days have passed."""
    starts = week_starts(today, weeks)
    this_week = starts[-1]
    passed = today.weekday() + 1
    charts = []
    for number, (name, counts) in enumerate(sorted(weekly.items())):
        values = [counts.get(start, 0) for start in starts]
        if not any(values):
            continue
        bars = []
        for start, value in zip(starts, values, strict=True):
            s = "" if value == 1 else "s"
            if start == this_week:
                title = f"This week so far ({passed} of 7 days): {name}, {value} episode{s}"
            else:
                title = f"Week of {_day(start)}: {name}, {value} episode{s}"
            bars.append(Bar(start.isoformat(), float(value), title, partial=start == this_week))
        ticks = (*_ticks(starts[:-1])[:2], "this week")
        charts.append(Chart(f"site-{number}", name[:1].upper() + name[1:], tuple(bars), ticks))
    return charts


def diary_chart(summary: Summary, places: dict[dt.date, list[str]]) -> Chart:
    """The diary's episodes a day over its span, each bar's words naming the day's places."""
    bars = []
    for d in summary.days:
        if d.episodes is None:
            bars.append(Bar(d.day.isoformat(), None, f"{_day(d.day)}: nothing recorded"))
            continue
        where = ", ".join(dict.fromkeys(places.get(d.day, ())))
        title = f"{_day(d.day)}: {d.episodes} episode{'' if d.episodes == 1 else 's'}{f' ({where})' if where else ''}"
        bars.append(Bar(d.day.isoformat(), float(d.episodes), title))
    return Chart("day", "All places together", tuple(bars), _ticks([d.day for d in summary.days]))
