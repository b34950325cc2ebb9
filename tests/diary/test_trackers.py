"""Other trackers' CSV exports, built to their real structure:

- Bearable: the columns, categories, "Name (Severity)" symptoms, "Name (unit)" medicines, parts of the day
  ("pre", "am", "mid", "pm", "all day"), "H:MM" sleep and the older "22nd Sep 2020" dates of a real export
  (andrewmiller0728/BearableDataProcessing, src/main/resources/Bearable_Export_20210728.csv), and the newer
  "date formatted" column that Bearable parsers read (abocha/streamlit_bearable_dashboard);
- Flaredown: the CSV its DataExportJob writes (rubyforgood/Flaredown, backend/app/jobs/data_export_job.rb and
  its spec): "Date", one column per condition, symptom and treatment by name (ratings 0–4; "Taken", "Not
  Taken" or a dose), then Tags, Foods and six weather columns.

The values are made up; no one's real diary is copied.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import run_cli
from twitchwise.diary.records import Day, Episode, Symptom
from twitchwise.diary.store import Store
from twitchwise.diary.trackers import detect, import_tracker
from twitchwise.errors import InputError

TODAY = dt.date(2026, 11, 21)
BEARABLE_HEADER = "date,weekday,time of day,category,rating/amount,detail,notes\n"
BEARABLE = BEARABLE_HEADER + "".join(
    f'"{date}","{weekday}","{time}","{category}","{amount}","{detail}","{notes}"\n'
    for date, weekday, time, category, amount, detail, notes in [
        ("2nd Nov 2026", "Monday", "03:00", "Mood", "6", "Meh | Anxious", ""),
        ("2nd Nov 2026", "Monday", "pm", "Symptom", "2", "Calf twitching (Moderate)", ""),
        ("2nd Nov 2026", "Monday", "am", "Symptom", "1", "Muscle twitching (Mild)", ""),
        ("2nd Nov 2026", "Monday", "mid", "Symptom", "3", "Stress (Severe)", ""),
        ("2nd Nov 2026", "Monday", "pm", "Symptom", "1", "Headache (Mild)", ""),
        ("2nd Nov 2026", "Monday", "pre", "Factors", "", "Sedentary | With family", ""),
        ("2nd Nov 2026", "Monday", "3:04", "Meds/Supplements", "50", "Sertraline (mg)", ""),
        ("2nd Nov 2026", "Monday", "8:10", "Meds/Supplements", "200", "Caffeine (mg)", ""),
        ("2nd Nov 2026", "Monday", "13:10", "Meds/Supplements", "95", "Caffeine (mg)", ""),
        ("2nd Nov 2026", "Monday", "all day", "Food Diary factors", "", "Mostly healthy | Caffeine", ""),
        ("3rd Nov 2026", "Tuesday", "", "Sleep", "7:30", "Asleep 23:15 - 06:45. In bed 23:00 - 07:00", "."),
        ("3rd Nov 2026", "Tuesday", "", "Sleep quality", "4", "Good", ""),
        ("3rd Nov 2026", "Tuesday", "am", "Symptom", "1", "Muscle weakness (Mild)", ""),
        ("3rd Nov 2026", "Tuesday", "all day", "Symptom", "0", "Left eyelid twitch (None)", ""),
        ("4th Nov 2026", "Wednesday", "", "Sleep", "", "", ". (synced from Google Fit)"),
        ("31st Nov 2026", "Tuesday", "am", "Symptom", "1", "Calf twitching (Mild)", ""),
        ("30th Nov 2027", "Tuesday", "am", "Symptom", "1", "Calf twitching (Mild)", ""),
        ("5th Nov 2026", "Thursday", "am", "Symptom", "9", "Calf twitching", ""),
    ]
)
FLAREDOWN = (
    "Date,Fatigue,Calf twitching,Muscle twitches,Muscle weakness,Numbness,Propranolol,Caffeine,Magnesium,Tags,Foods,"
    "Weather summary,Weather max temperature,Weather min temperature,Weather pressure,"
    "Weather precipitation intensity,Weather humidity\n"
    "2026-11-10,2,3,1,0,,Taken,200 mg,Not Taken,stress; bad sleep,Coffee,Rain,12.1,5.3,1012,0.2,0.8\n"
    "2026-11-11,1,0,0,1,2,40 mg,,Taken,,,,,,,,\n"
    "2026-11-12,,,,,,,,,,,Clear,10.0,2.0,1020,0,0.5\n"
    "2026-13-01,1,2,,,,,,,,,,,,,,\n"
    "2026-11-14,1,7,,,,,,,,,,,,,,\n"
)


def env(tmp_path: Path) -> dict[str, str]:
    return {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def entries(store: Store) -> tuple[list[Episode], dict[dt.date, Day], list[Symptom]]:
    listed = [s.record for s in store.diary().list()]
    days = {r.day: r for r in listed if isinstance(r, Day)}
    return [r for r in listed if isinstance(r, Episode)], days, [r for r in listed if isinstance(r, Symptom)]


def test_a_bearable_export_becomes_twitching_days_and_symptoms(store: Store, tmp_path: Path) -> None:
    path = written(tmp_path, "Bearable App - Data Export. Generated 21-11-2026.csv", BEARABLE)
    assert detect(path) == "bearable"
    result = import_tracker(store, path, "bearable", profile="me", today=TODAY)
    episodes, days, symptoms = entries(store)
    # the calf twitching, at its part of the day and with its severity; the placeless one is counted, not guessed
    assert [(e.at, e.region, e.intensity) for e in episodes] == [(dt.datetime(2026, 11, 2, 21), "calf", 3)]
    assert result.placeless == 1
    monday, tuesday = days[dt.date(2026, 11, 2)], days[dt.date(2026, 11, 3)]
    assert monday.stress == 8 and monday.caffeine_mg == 295 and monday.medicines == ["Sertraline"]
    assert not monday.twitch_free
    assert tuesday.sleep_h == 7.5 and tuesday.twitch_free  # an eyelid twitch rated none: a twitch-free day
    assert [(s.symptom, s.present, s.at) for s in symptoms] == [("weakness", True, dt.datetime(2026, 11, 3, 9))]
    # what was not read is named and counted; what could not be read is skipped with its reason and line
    assert result.not_read == {"Mood": 1, "Headache": 1, "Factors": 1, "Food Diary factors": 1, "Sleep quality": 1}
    assert result.skipped == {
        "sleep with no hours": (1, 16),
        "a date that is not one (expected 2024-03-05 or 22nd Sep 2020)": (1, 17),
        "a date in the future": (1, 18),
        "a symptom rating that is not none, mild, moderate, severe or unbearable": (1, 19),
    }
    # a second import adds nothing
    again = import_tracker(store, path, "bearable", profile="me", today=TODAY)
    assert again.added == {} and again.already == sum(result.added.values())


def test_twitching_named_without_a_place_goes_where_the_person_says(store: Store, tmp_path: Path) -> None:
    path = written(tmp_path, "export.csv", BEARABLE)
    result = import_tracker(store, path, "bearable", profile="me", today=TODAY, place="right thigh")
    episodes, _, _ = entries(store)
    assert result.placeless == 0
    assert {(e.region, e.side) for e in episodes} == {("calf", None), ("thigh", "right")}


def test_the_newer_bearable_date_column_is_read(store: Store, tmp_path: Path) -> None:
    text = (
        "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
        "Nov 2,2026-11-02,Monday,pm,Symptom,2,Eye twitching (Moderate),\n"
    )
    import_tracker(store, written(tmp_path, "b.csv", text), "bearable", profile="me", today=TODAY)
    episodes, _, _ = entries(store)
    assert [(e.at.date(), e.region) for e in episodes] == [(dt.date(2026, 11, 2), "eyelid")]


def test_a_flaredown_export_becomes_twitching_days_and_symptoms(store: Store, tmp_path: Path) -> None:
    path = written(tmp_path, "flaredown_trackings.csv", FLAREDOWN)
    assert detect(path) == "flaredown"
    result = import_tracker(store, path, "flaredown", profile="me", today=TODAY)
    episodes, days, symptoms = entries(store)
    assert [(e.at, e.region, e.intensity) for e in episodes] == [(dt.datetime(2026, 11, 10, 12), "calf", 4)]
    assert result.placeless == 1  # "Muscle twitches", rated 1
    first, second = days[dt.date(2026, 11, 10)], days[dt.date(2026, 11, 11)]
    assert first.caffeine_mg == 200 and first.medicines == ["Propranolol"] and not first.twitch_free
    assert second.medicines == ["Propranolol", "Magnesium"] and second.twitch_free
    assert sorted((s.symptom, s.present, s.at.date().day) for s in symptoms) == [
        ("numbness", True, 11), ("weakness", False, 10), ("weakness", True, 11),
    ]  # fmt: skip
    assert result.not_read["Fatigue"] == 2 and result.not_read["Tags"] == 1 and result.not_read["Weather summary"] == 2
    assert result.skipped == {"a date that is not YYYY-MM-DD": (1, 5), "a rating above 4": (1, 6)}


def test_the_cli_finds_the_tracker_by_itself_and_says_what_it_did_not_read(tmp_path: Path) -> None:
    path = written(tmp_path, "Bearable App - Data Export. Generated 21-11-2026.csv", BEARABLE)
    result = run_cli("import", str(path), environ=env(tmp_path))
    assert result.code == 0, result.err
    assert "Read 18 rows of a Bearable export: 1 twitching records, 1 symptom records and 2 days" in result.out
    assert "1 twitching records name no place" in result.out and "--place" in result.out
    assert "Not read: Mood (1)" in result.out and "Headache (1)" in result.out
    assert "Skipped 1 row: a date in the future (first at line 18)." in result.out
    listed = run_cli("diary", "--days", "60", "--json", environ=env(tmp_path))
    assert '"calf"' in listed.out


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'date,weekday,time of day,category,rating/amount,detail,notes\n"2nd Nov\xff', "line 2: is not UTF-8 text"),
        (b"Date,Tags,Foods\n2026-11-10,\x00,\n", "holds NUL bytes"),
    ],
)
def test_a_damaged_tracker_file_is_refused_whole_and_nothing_is_written(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    result = run_cli("import", "bearable", str(path), environ=env(tmp_path))
    assert result.code == 2 and problem in result.err, result.err
    assert run_cli("diary", "--json", environ=env(tmp_path)).out.count('"uid"') == 0


def test_a_tracker_name_needs_its_file_and_a_place_only_goes_with_a_tracker(tmp_path: Path) -> None:
    assert run_cli("import", "flaredown", environ=env(tmp_path)).code == 2
    folder = tmp_path / "csv"
    folder.mkdir()
    result = run_cli("import", str(folder), "--place", "calf", environ=env(tmp_path))
    assert result.code == 2 and "place" in result.err


_CELL = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_CELL, _CELL, st.sampled_from(["Symptom", "Sleep", "Meds/Supplements", "Mood"]),
                               _CELL, _CELL), max_size=8))  # fmt: skip
def test_any_cells_in_a_bearable_shaped_file_are_read_or_skipped_never_a_crash(
    store: Store, tmp_path: Path, rows: list[tuple[str, str, str, str, str]]
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["date", "weekday", "time of day", "category", "rating/amount", "detail", "notes"])
    for date, time, category, amount, detail in rows:
        writer.writerow([date, "Monday", time, category, amount, detail, ""])
    path = tmp_path / "fuzz.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        result = import_tracker(store, path, "bearable", profile="me", today=TODAY)
    except InputError as error:
        assert error.problem  # refused whole, with a reason (NUL bytes, for instance)
        return
    assert result.rows == len(rows)
