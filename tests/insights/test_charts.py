"""The charts as a person reads them: no statistics units, and a week that is not over is not a drop."""

from __future__ import annotations

import datetime as dt

from bench.insights_speed import TODAY
from tests.insights.test_report import entries_of_two_years
from twitchwise.diary.records import Episode, Stored
from twitchwise.insights import charts
from twitchwise.insights.table import daily_table


def test_the_timeline_draws_factors_from_the_person_s_lowest_to_highest_not_in_sd_units() -> None:
    table = daily_table(entries_of_two_years(), today=TODAY)
    assert table is not None
    drawn = charts.svg(charts.timeline_figure(table))
    assert "SD" not in drawn and "your lowest" in drawn and "your highest" in drawn


def test_this_week_so_far_is_an_open_marker_apart_from_the_line() -> None:
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    entries = [
        Stored(f"e{i}", "episode", Episode(at=dt.datetime.combine(day, dt.time(9)), region="calf", side="left"))
        for i, day in enumerate(monday - dt.timedelta(days=d) for d in range(1, 22) for _ in range(3))
    ] + [Stored("e-now", "episode", Episode(at=dt.datetime.combine(monday, dt.time(9)), region="calf", side="left"))]
    figure = charts.sites_figure(entries, today=TODAY)
    lines = figure.axes[0].get_lines()
    full_weeks = lines[0].get_xdata()
    assert monday not in list(full_weeks)  # the line ends with the last full week
    assert any(list(line.get_xdata()) == [monday] and line.get_markerfacecolor() == "none" for line in lines)
