"""Insights as the person sees them: verdicts worded per triggers.md §2.5, honest gating."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

from bench.insights_speed import TODAY, two_year_diary
from tests.conftest import run_cli
from twitchwise.diary.records import Day, Episode, Stored
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import write
from twitchwise.insights.report import WORDS, insights


def entries_of_two_years() -> list[Stored]:
    data = two_year_diary()
    return [Stored(f"e{i}", "episode", e) for i, e in enumerate(data.episodes)] + [
        Stored(f"d{i}", "day", d) for i, d in enumerate(data.days)
    ]


def test_two_years_find_the_simulated_triggers_and_say_association_not_proof() -> None:
    result = insights(entries_of_two_years(), today=TODAY)
    assert result.status == "ok" and result.inflation is not None and result.inflation >= 1
    verdicts = {f.id: f.verdict for f in result.factors}
    assert verdicts["caffeine"] == verdicts["stress"] == verdicts["exercise"] == "more"  # the true triggers
    caffeine = next(f for f in result.factors if f.id == "caffeine")
    assert "Association, not proof" in caffeine.text and "mg" in caffeine.per
    assert [f.verdict for f in result.factors][:3] == ["more"] * 3  # ranked first
    assert all(f.text.startswith(WORDS[f.verdict]) for f in result.factors)
    # The person's words: how much more, per how much of the factor in its own unit, when; no rate ratio or SD.
    assert caffeine.plain.startswith("About ") and "% more twitching" in caffeine.plain
    assert " mg more caffeine than your usual" in caffeine.plain
    assert "SD" not in caffeine.plain and "ratio" not in caffeine.plain and "not proof" in caffeine.plain
    assert all(f.plain for f in result.factors)


def test_three_weeks_say_keep_logging_with_no_rankings() -> None:
    records: list[Stored] = []
    for days_ago in range(21):
        day = TODAY - dt.timedelta(days=days_ago)
        records.append(Stored(f"d{days_ago}", "day", Day(day=day, caffeine_mg=100.0 + days_ago, sleep_h=7.0)))
        at = dt.datetime.combine(day, dt.time(9))
        records.append(Stored(f"e{days_ago}", "episode", Episode(at=at, region="calf")))
    result = insights(records, today=TODAY)
    assert result.status == "not_enough_data" and result.usable_pairs == 20
    assert result.more_days_needed == math.ceil(10 / (20 / 21))  # 10 pairs short, at this diary's pace
    assert result.message.startswith("Keep logging. About ")
    assert all(not f.terms for f in result.factors)


def test_an_empty_diary() -> None:
    assert insights([], today=TODAY).status == "no_diary"


def test_the_command(tmp_path: Path) -> None:
    env = {"TWITCHWISE_DATA_DIR": str(tmp_path), "TWITCHWISE_NOW": f"{TODAY}T12:00", "LANG": "en_GB.UTF-8"}
    assert "Nothing is logged yet" in run_cli("insights", environ=env).out
    with Store(f"sqlite:///{tmp_path / 'diary.sqlite3'}") as store:
        write(store, [two_year_diary()])
    data = json.loads(run_cli("insights", "--json", environ=env).out)
    assert data["status"] == "ok" and data["usable_pairs"] > 500
    assert {"id", "verdict", "text", "per", "terms", "days_for_rr_1_5"} <= set(data["factors"][0])
    assert "never counted as zero" in data["limits"]  # skipped days can bias it (triggers.md §4.1)
    assert "never counted as zero" in run_cli("insights", environ=env).out


def test_charts_are_written_as_png_and_svg(tmp_path: Path) -> None:
    env = {"TWITCHWISE_DATA_DIR": str(tmp_path), "TWITCHWISE_NOW": f"{TODAY}T12:00", "LANG": "en_GB.UTF-8"}
    with Store(f"sqlite:///{tmp_path / 'diary.sqlite3'}") as store:
        write(store, [two_year_diary()])
    folder = tmp_path / "charts"
    result = run_cli("insights", "--charts", str(folder), environ=env)
    assert result.code == 0 and "Charts: timeline.png" in result.out
    for name in ("timeline", "forest", "sites"):
        assert (folder / f"{name}.png").read_bytes().startswith(b"\x89PNG")
        assert "<svg" in (folder / f"{name}.svg").read_text()
    assert "flagged" in (folder / "forest.svg").read_text()  # said in words, not by colour alone
    blocked = run_cli("insights", "--charts", str(tmp_path / "diary.sqlite3"), environ=env)
    assert blocked.code == 2 and blocked.err.startswith("twitchwise: error: --charts: ")


def _diary(days: int, *, end: dt.date, every: int = 1) -> list[Stored]:
    """``days`` calendar days up to ``end`` with varied factors and twitches, logged every ``every``-th day."""
    records: list[Stored] = []
    for back in range(0, days, every):
        day = end - dt.timedelta(days=back)
        factors = Day(day=day, caffeine_mg=100.0 + (back * 37) % 300, sleep_h=5.0 + (back * 13) % 4,
                      stress=(back * 7) % 10, water_l=1.0 + (back % 3) * 0.5)  # fmt: skip
        records.append(Stored(f"d{back}", "day", factors))
        for n in range(1 + (back * 11) % 4):
            records.append(Stored(f"e{back}.{n}", "episode", Episode(
                at=dt.datetime.combine(day, dt.time(8 + n)), region="calf")))  # fmt: skip
    return records


def _more_days(result: object) -> dict[str, int | None]:
    return {f.id: f.more_days_for_rr_1_5 for f in result.factors}  # type: ignore[attr-defined]


def test_days_still_needed_count_usable_days_not_the_calendar() -> None:
    # Regression (issue 26): every factor was told "more_days 0" once the calendar span from the first entry
    # passed the simulated length, even for a diary that stopped months ago or had many gaps.
    end = TODAY - dt.timedelta(days=200)
    diary = _diary(100, end=end)
    at_end = insights(diary, today=end)
    months_later = insights(diary, today=TODAY)
    assert at_end.status == months_later.status == "ok"
    assert _more_days(at_end) == _more_days(months_later)  # idle months add nothing
    caffeine = next(f for f in months_later.factors if f.id == "caffeine")
    assert caffeine.usable_pairs_for_rr_1_5 is not None
    assert caffeine.more_days_for_rr_1_5 == caffeine.usable_pairs_for_rr_1_5 - months_later.usable_pairs > 0
    # 300 calendar days logged every other day: no day has its day before, so nothing is usable yet
    gappy = insights(_diary(300, end=TODAY, every=2), today=TODAY)
    assert gappy.diary_days == 299 and gappy.usable_pairs == 0 and gappy.status == "not_enough_data"
    assert gappy.factors and all(f.more_days_for_rr_1_5 == f.usable_pairs_for_rr_1_5 for f in gappy.factors)


def test_the_lag_of_sleep_is_told_as_nights() -> None:
    result = insights(entries_of_two_years(), today=TODAY)
    sleep = next(f for f in result.factors if f.id == "sleep")
    assert [t.when for t in sleep.terms] == ["the night before", "two nights before"]
    caffeine = next(f for f in result.factors if f.id == "caffeine")
    assert [t.when for t in caffeine.terms] == ["the same day", "the day before"]
    flagged = next(f for f in result.factors if f.verdict == "more")
    assert "comparing" in flagged.text and ("the same day" in flagged.text or "before" in flagged.text)


def _cut_diary(episodes_a_day: list[int], caffeine: list[float]) -> list[Stored]:
    records: list[Stored] = []
    first = TODAY - dt.timedelta(days=len(episodes_a_day) - 1)
    for index, (count, mg) in enumerate(zip(episodes_a_day, caffeine, strict=True)):
        day = first + dt.timedelta(days=index)
        records.append(Stored(f"d{index}", "day", Day(day=day, caffeine_mg=mg, sleep_h=7.0,
                                                       twitch_free=count == 0)))  # fmt: skip
        for n in range(count):
            records.append(Stored(f"e{index}-{n}", "episode", Episode(at=dt.datetime.combine(day, dt.time(8 + n)),
                                                                     region="calf")))  # fmt: skip
    return records


def test_a_cut_made_at_a_peak_of_twitching_is_said_to_ease_anyway() -> None:
    # four calm weeks at 400 mg, a bad week, then caffeine halved and two calmer weeks
    counts = [1, 2, 1, 1, 2, 1, 1] * 4 + [5, 6, 5, 6, 5, 6, 5] + [2, 1, 2, 1, 2, 1, 2] * 2
    caffeine = [400.0] * 35 + [200.0] * 14
    cautions = insights(_cut_diary(counts, caffeine), today=TODAY).cautions
    assert len(cautions) == 1 and "You cut down on caffeine" in cautions[0]
    assert "regression to the mean" in cautions[0] and "planned on/off experiment" in cautions[0]
    # the same cut after an ordinary week: nothing to warn about
    calm = [1, 2, 1, 1, 2, 1, 1] * 5 + [1, 1, 2, 1, 1, 2, 1] * 2
    assert insights(_cut_diary(calm, caffeine), today=TODAY).cautions == []
