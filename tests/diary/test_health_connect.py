"""Google Health Connect exports, built to the store's real layout: the zip its Export writes holds
``health_connect_export.db``, whose tables and columns are those of the Android framework's record helpers
(HydrationRecordHelper: ``volume`` in litres, as HydrationRecordInternal builds ``Volume.fromLiters``;
NutritionRecordInternal: ``caffeine`` in grams, ``Mass.fromGrams``), times in ms since 1970 UTC with the zone
offset in seconds, sleep stages 1 awake, 2 sleeping, 3 out of bed, 4 light, 5 deep, 6 REM, 7 awake in bed.
The tables' column lists follow the public fixtures and importers that read real exports (a synthetic export
"with the real Health Connect table layout", and importers reading ``sleep_stages_table`` by ``parent_key``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.diary.test_apple_health import days_of
from twitchwise.diary.health_connect import import_health_connect
from twitchwise.diary.records import Day
from twitchwise.diary.store import Store
from twitchwise.errors import InputError

TODAY = dt.date(2026, 11, 21)
INDIA = 19800  # +05:30: a record at 20:00 UTC is at 01:30 the next day on the phone
SCHEMA = """
CREATE TABLE application_info_table (row_id INTEGER PRIMARY KEY, package_name TEXT, app_name TEXT, app_icon BLOB,
  record_types_used TEXT);
CREATE TABLE steps_record_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid BLOB, app_info_id INTEGER,
  start_time INTEGER, end_time INTEGER, start_zone_offset INTEGER, end_zone_offset INTEGER, count INTEGER);
CREATE TABLE sleep_session_record_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid BLOB, app_info_id INTEGER,
  start_time INTEGER, end_time INTEGER, start_zone_offset INTEGER, end_zone_offset INTEGER, title TEXT, notes TEXT);
CREATE TABLE sleep_stages_table (parent_key INTEGER, stage_start_time INTEGER, stage_end_time INTEGER,
  stage_type INTEGER);
CREATE TABLE exercise_session_record_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid BLOB,
  app_info_id INTEGER, start_time INTEGER, end_time INTEGER, start_zone_offset INTEGER, end_zone_offset INTEGER,
  exercise_type INTEGER, title TEXT, notes TEXT, has_route INTEGER);
CREATE TABLE hydration_record_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid BLOB NOT NULL UNIQUE,
  last_modified_time INTEGER, client_record_id TEXT, client_record_version TEXT, device_info_id INTEGER,
  app_info_id INTEGER, recording_method INTEGER, dedupe_hash BLOB UNIQUE, start_time INTEGER,
  start_zone_offset INTEGER, end_time INTEGER, end_zone_offset INTEGER, local_date INTEGER, volume REAL);
CREATE TABLE nutrition_record_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid BLOB, app_info_id INTEGER,
  start_time INTEGER, end_time INTEGER, start_zone_offset INTEGER, end_zone_offset INTEGER, meal_type INTEGER,
  meal_name TEXT, energy REAL, protein REAL, caffeine REAL, magnesium REAL);
CREATE TABLE mindfulness_session_record_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid BLOB,
  app_info_id INTEGER, start_time INTEGER, end_time INTEGER, start_zone_offset INTEGER, end_zone_offset INTEGER,
  mindfulness_session_type INTEGER, title TEXT, notes TEXT);
CREATE TABLE weight_record_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid BLOB, app_info_id INTEGER,
  time INTEGER, zone_offset INTEGER, weight REAL);
"""


def ms(moment: str) -> int:
    """A UTC time ("2026-11-10T22:00") in Health Connect's milliseconds."""
    return int(dt.datetime.fromisoformat(moment).replace(tzinfo=dt.UTC).timestamp() * 1000)


def build(path: Path, *, zipped: bool = True, extra: str = "") -> Path:
    database = path.with_suffix(".db") if zipped else path
    con = sqlite3.connect(database)
    con.executescript(SCHEMA)
    con.execute("INSERT INTO application_info_table VALUES (1, 'com.google.android.apps.fitness', 'Fit', NULL, NULL)")
    uid = iter(range(10_000))

    def add(table: str, **values: object) -> int:
        values.setdefault("uuid", next(uid).to_bytes(16, "big"))
        names = ", ".join(values)
        cursor = con.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})",
                             tuple(values.values()))  # fmt: skip
        return int(cursor.lastrowid or 0)

    # 10 Nov (phone in India): coffee 95 mg + a tea 47 mg at 20:00 UTC = 01:30 on 11 Nov; 2 glasses of water
    add(
        "nutrition_record_table",
        start_time=ms("2026-11-10T03:30"),
        end_time=ms("2026-11-10T03:35"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
        meal_name="Coffee",
        caffeine=0.095,
        energy=8000.0,
    )
    add(
        "nutrition_record_table",
        start_time=ms("2026-11-10T20:00"),
        end_time=ms("2026-11-10T20:05"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
        meal_name="Tea",
        caffeine=0.047,
    )
    add(
        "nutrition_record_table",
        start_time=ms("2026-11-10T06:00"),
        end_time=ms("2026-11-10T06:05"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
        meal_name="Toast",
        energy=300000.0,
    )  # no caffeine
    for hour in ("04", "09"):
        add(
            "hydration_record_table",
            start_time=ms(f"2026-11-10T{hour}:00"),
            end_time=ms(f"2026-11-10T{hour}:01"),
            start_zone_offset=INDIA,
            end_zone_offset=INDIA,
            volume=0.25,
        )
    # the night of 10-11 Nov: 17:30-01:30 UTC = 23:00-07:00 local, asleep 7 h (one hour awake in bed)
    night = add(
        "sleep_session_record_table",
        start_time=ms("2026-11-10T17:30"),
        end_time=ms("2026-11-11T01:30"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
        title="Sleep",
    )
    for start, end, kind in (
        ("2026-11-10T17:30", "2026-11-10T18:30", 7),
        ("2026-11-10T18:30", "2026-11-10T21:00", 4),
        ("2026-11-10T21:00", "2026-11-10T23:00", 5),
        ("2026-11-10T23:00", "2026-11-11T01:30", 6),
    ):
        con.execute("INSERT INTO sleep_stages_table VALUES (?, ?, ?, ?)", (night, ms(start), ms(end), kind))
    # the night of 11-12 Nov, from a phone with no stages: the whole session, 6.5 h
    add(
        "sleep_session_record_table",
        start_time=ms("2026-11-11T18:00"),
        end_time=ms("2026-11-12T00:30"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
    )
    # 11 Nov: a run of 30 min logged twice by two apps, overlapping by 20 min, and 10 min of meditation
    add(
        "exercise_session_record_table",
        start_time=ms("2026-11-11T12:00"),
        end_time=ms("2026-11-11T12:30"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
        exercise_type=56,
    )
    add(
        "exercise_session_record_table",
        start_time=ms("2026-11-11T12:10"),
        end_time=ms("2026-11-11T12:40"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
        exercise_type=56,
    )
    add(
        "mindfulness_session_record_table",
        start_time=ms("2026-11-11T14:00"),
        end_time=ms("2026-11-11T14:10"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
        mindfulness_session_type=1,
    )
    # not read: steps and weight; skipped: a water record with no time, a session that ends before it starts
    for clock in range(9, 12):
        add(
            "steps_record_table",
            start_time=ms(f"2026-11-10T{clock:02}:00"),
            end_time=ms(f"2026-11-10T{clock:02}:59"),
            start_zone_offset=INDIA,
            end_zone_offset=INDIA,
            count=500,
        )
    add("weight_record_table", time=ms("2026-11-10T03:00"), zone_offset=INDIA, weight=70500.0)
    add("hydration_record_table", start_time=None, end_time=None, start_zone_offset=INDIA, volume=0.5)
    add(
        "exercise_session_record_table",
        start_time=ms("2026-11-13T12:00"),
        end_time=ms("2026-11-13T11:00"),
        start_zone_offset=INDIA,
        end_zone_offset=INDIA,
        exercise_type=56,
    )
    # a phone clock ahead of this computer
    add(
        "hydration_record_table",
        start_time=ms("2026-12-25T09:00"),
        end_time=ms("2026-12-25T09:01"),
        start_zone_offset=0,
        end_zone_offset=0,
        volume=0.3,
    )
    if extra:
        con.executescript(extra)
    con.commit()
    con.close()
    if not zipped:
        return database
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(database, "health_connect_export.db")
    database.unlink()
    return path


def test_an_export_becomes_days_at_the_phones_local_time(store: Store, tmp_path: Path) -> None:
    path = build(tmp_path / "Health Connect.zip")
    result = import_health_connect(store, path, profile="me", today=TODAY)
    days = days_of(store)
    tenth, eleventh, twelfth = (days[dt.date(2026, 11, d)] for d in (10, 11, 12))
    assert tenth.caffeine_mg == pytest.approx(95) and tenth.water_l == pytest.approx(0.5)
    assert eleventh.caffeine_mg == pytest.approx(47)  # 20:00 UTC was 01:30 on the 11th in India
    assert eleventh.sleep_h == pytest.approx(7.0)  # the night credited to the morning it ends, awake time left out
    assert twelfth.sleep_h == pytest.approx(6.5) and result.nights_without_stages == 1
    assert eleventh.exercise_min == pytest.approx(40) and eleventh.mindful_min == pytest.approx(10)
    assert dt.date(2026, 12, 25) not in days
    assert result.not_read == {"steps": 3, "weight": 1}
    assert result.skipped == {"a record with no time": 1, "a session that ends before it starts": 1}
    assert result.days_added == 3


def test_a_second_import_changes_nothing_and_what_the_person_logged_is_kept(store: Store, tmp_path: Path) -> None:
    store.diary().add(Day(day=dt.date(2026, 11, 10), caffeine_mg=300.0))
    path = build(tmp_path / "export.zip")
    first = import_health_connect(store, path, profile="me", today=TODAY)
    assert first.fields_kept == 1 and first.fields_filled == 1  # caffeine kept as logged, water filled
    assert days_of(store)[dt.date(2026, 11, 10)].caffeine_mg == 300.0
    again = import_health_connect(store, path, profile="me", today=TODAY)
    assert again.days_added == 0 and again.fields_filled == 0


def test_the_database_itself_is_read_too(store: Store, tmp_path: Path) -> None:
    path = build(tmp_path / "health_connect_export.db", zipped=False)
    assert import_health_connect(store, path, profile="me", today=TODAY).days_added == 3


@pytest.mark.parametrize(
    ("kind", "problem"),
    [
        ("text", "is not a Health Connect export (a zip with its SQLite database)"),
        ("no-db", "has no Health Connect database"),
        ("other-db", "has none of its record tables"),
        ("cut", "is a damaged zip"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_and_nothing_is_written(
    tmp_path: Path, kind: str, problem: str
) -> None:
    path = tmp_path / "export.zip"
    if kind == "text":
        path.write_text("hello")
    elif kind == "no-db":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "nothing here")
    elif kind == "other-db":
        con = sqlite3.connect(tmp_path / "x.db")
        con.execute("CREATE TABLE notes (body TEXT)")
        con.commit()
        con.close()
        with zipfile.ZipFile(path, "w") as archive:
            archive.write(tmp_path / "x.db", "health_connect_export.db")
    else:
        build(path)
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    result = run_cli("import", "health-connect", str(path), environ=env)
    assert result.code == 2 and problem in result.err, result.err
    assert run_cli("diary", "--json", environ=env).out.count('"uid"') == 0


def test_the_cli_finds_the_export_by_itself_and_says_what_it_did_not_read(tmp_path: Path) -> None:
    path = build(tmp_path / "Health Connect.zip")
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    result = run_cli("import", str(path), environ=env)
    assert result.code == 0, result.err
    assert "Added 3 days" in result.out
    assert "1 nights had no sleep stages" in result.out
    assert "Not read: steps (3), weight (1)." in result.out
    assert "Skipped 1 record: a record with no time." in result.out


def test_a_hostile_table_name_is_only_counted(store: Store, tmp_path: Path) -> None:
    hostile = '"x""; DROP TABLE days; --_table"'
    extra = f"CREATE TABLE {hostile} (a INTEGER); INSERT INTO {hostile} VALUES (1);"
    path = build(tmp_path / "export.zip", extra=extra)
    result = import_health_connect(store, path, profile="me", today=TODAY)
    assert result.days_added == 3 and len(result.not_read) == 3
    with pytest.raises(InputError):
        import_health_connect(store, tmp_path / "missing.zip", profile="me", today=TODAY)


def test_an_apple_zip_given_without_its_name_is_pointed_to_the_apple_import(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("apple_health_export/export.xml", "<HealthData/>")
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    result = run_cli("import", str(path), environ=env)
    assert result.code == 2 and "is an Apple Health export: import apple-health" in result.err
