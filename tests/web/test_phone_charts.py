"""The phone charts' values: what a tap says, a day with nothing recorded never drawn as zero, and the week
not yet over never drawn as a drop."""

from __future__ import annotations

import datetime as dt

from twitchwise.diary.records import Day, Episode, Stored
from twitchwise.insights.charts import weekly_by_site
from twitchwise.insights.table import daily_table
from twitchwise.web.phone_charts import day_charts, site_charts

TODAY = dt.date(2026, 11, 21)  # a Saturday


def entries() -> list[Stored]:
    out = [Stored("e1", "episode", Episode(at=dt.datetime(2026, 11, 17, 9), region="calf", side="left"))]
    out += [Stored(f"e{n}", "episode", Episode(at=dt.datetime(2026, 11, 19, 9 + n), region="calf", side="left"))
            for n in range(2, 5)]  # fmt: skip
    out.append(Stored("e9", "episode", Episode(at=dt.datetime(2026, 11, 10, 9), region="eyelid", side="right")))
    days = {17: 300.0, 18: 150.0, 19: 420.0, 21: 0.0}
    out += [Stored(f"d{d}", "day", Day(day=dt.date(2026, 11, d), caffeine_mg=mg, sleep_h=6.5 if d == 19 else None,
                                       twitch_free=d in (18, 21)))
            for d, mg in days.items()]  # fmt: skip
    return out


def test_every_day_bar_says_the_whole_day_and_an_unrecorded_day_is_not_a_zero() -> None:
    table = daily_table(entries(), today=TODAY)
    assert table is not None
    charts = {chart.id: chart for chart in day_charts(table)}
    assert list(charts) == ["episodes", "caffeine"]  # sleep on one day only is not drawn
    episodes = {bar.key: bar for bar in charts["episodes"].bars}
    assert episodes["2026-11-19"].value == 3.0
    assert episodes["2026-11-19"].title == "Thu 19 Nov: 3 episodes; caffeine 420 mg, sleep 6.5 h"
    assert episodes["2026-11-18"].value == 0.0  # marked twitch-free: a real zero
    assert episodes["2026-11-20"].value is None and episodes["2026-11-20"].title == "Fri 20 Nov: nothing recorded"
    assert episodes["2026-11-21"].title == "Sat 21 Nov: 0 episodes; caffeine 0 mg"
    caffeine = charts["caffeine"]
    assert caffeine.highest == "420" and caffeine.bars[-1].key == "2026-11-21"
    assert [b.title for b in caffeine.bars] == [b.title for b in charts["episodes"].bars]  # a tap tells the same day
    assert len(caffeine.bars) == 14 and caffeine.ticks == ("8 Nov", "15 Nov", "21 Nov")  # two weeks at least
    assert episodes["2026-11-08"].value is None and episodes["2026-11-08"].title == "Sun 8 Nov: nothing recorded"


def test_a_long_diary_shows_its_last_eight_weeks() -> None:
    long = [Stored(f"e{n}", "episode", Episode(at=dt.datetime(2026, 1, 1, 9) + dt.timedelta(days=n), region="calf"))
            for n in range(0, 320, 3)]  # fmt: skip
    table = daily_table(long, today=TODAY)
    assert table is not None
    (chart,) = day_charts(table)
    assert len(chart.bars) == 56 and chart.bars[-1].key == "2026-11-21"


def test_each_place_week_by_week_with_this_week_open_and_said_to_be_so_far() -> None:
    charts = site_charts(weekly_by_site(entries(), today=TODAY), today=TODAY)
    assert [c.label for c in charts] == ["Left calf", "Right eyelid"]
    calf = charts[0]
    assert len(calf.bars) == 8 and calf.ticks[-1] == "this week"
    assert [b.partial for b in calf.bars] == [False] * 7 + [True]
    assert calf.bars[-1].value == 4.0 and calf.bars[-1].title == "This week so far (6 of 7 days): left calf, 4 episodes"
    eyelid = charts[1]
    assert eyelid.bars[-2].title == "Week of Mon 9 Nov: right eyelid, 1 episode" and eyelid.bars[-1].value == 0.0
