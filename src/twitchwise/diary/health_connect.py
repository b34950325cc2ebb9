"""Import daily factors from a Google Health Connect export (the zip its Export writes, or the database in it).

Health Connect's export is a zip holding ``health_connect_export.db``, an SQLite copy of its store: one table
per record type, times in milliseconds since 1970 (UTC) with the zone offset of the phone in seconds beside
them.  Read, each at the phone's local time:

- caffeine: ``nutrition_record_table.caffeine`` (grams, as Health Connect stores a mass), summed by the day it
  was eaten, in mg;
- water: ``hydration_record_table.volume`` (litres), summed by day;
- sleep, by night: the asleep stages of each session (``sleep_stages_table``: sleeping, light, deep and REM;
  not awake or out of bed) credited to the morning the session ends; a session with no stages counts its
  whole length, and the import says how many nights did;
- exercise minutes (``exercise_session_record_table``) and mindful minutes
  (``mindfulness_session_record_table``), overlapping sessions counted once, by the day they started.

Other tables (steps, heart rate, weight …) are counted and named, not read.  A row with a value that cannot be
one (no time, an end before its start, a negative amount) is skipped and counted with its reason.  A file that
is not such an export is refused, naming what is missing, and nothing is written.  As with Apple Health, only
empty fields of the diary are filled, so what the person logged is kept, and a second import changes nothing.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from twitchwise.diary.apple_health import Interval, fill_days, union_hours
from twitchwise.diary.records import Day, check_record
from twitchwise.diary.store import Store
from twitchwise.errors import InputError

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_DATABASE = 4 * 1024**3  # years of a watch's heart rate are a few hundred MB
ASLEEP_STAGES = frozenset({2, 4, 5, 6})  # sleeping, light, deep, REM (1 awake, 3 out of bed, 7 awake in bed)
READ_TABLES = frozenset({
    "nutrition_record_table", "hydration_record_table", "sleep_session_record_table", "sleep_stages_table",
    "exercise_session_record_table", "mindfulness_session_record_table",
})  # fmt: skip
# Tables that are part of the store, not records a person made.
HOUSEKEEPING = ("application_info_table", "device_info_table", "access_logs_table", "change_logs_table",
                "change_log_request_table", "preference_table", "sqlite_sequence", "android_metadata",
                "migration_entity_table", "priority_table", "activity_date_table")  # fmt: skip


@dataclass
class HealthConnectImport:
    """What the export held, what was read, and what was not (with why)."""

    days_added: int = 0
    days_filled: int = 0
    fields_filled: int = 0
    fields_kept: int = 0
    records: int = 0
    nights_without_stages: int = 0
    not_read: dict[str, int] = field(default_factory=dict)  # a record type in words -> rows
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> rows


def import_health_connect(store: Store, path: Path, *, profile: str, today: dt.date) -> HealthConnectImport:
    """Read the whole export, check every day, then fill the diary in one transaction."""
    result = HealthConnectImport()
    with _database(path) as database, closing(database.cursor()) as cursor:
        tables = {name for (name,) in cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables & READ_TABLES and not any(name.endswith("_record_table") for name in tables):
            raise InputError(path.name, "is not a Health Connect export: it has none of its record tables")
        days: dict[dt.date, dict[str, float]] = {}
        skipped: Counter[str] = Counter()
        _sum(cursor, tables, "nutrition_record_table", "caffeine", 1000.0, "caffeine_mg", days, skipped, result)
        _sum(cursor, tables, "hydration_record_table", "volume", 1.0, "water_l", days, skipped, result)
        result.nights_without_stages = _sleep(cursor, tables, days, skipped, result)
        for table, name in (("exercise_session_record_table", "exercise_min"),
                            ("mindfulness_session_record_table", "mindful_min")):  # fmt: skip
            _minutes(cursor, tables, table, name, days, skipped, result)
        for table in sorted(tables - READ_TABLES - set(HOUSEKEEPING)):
            if table.endswith("_table") and not table.endswith("_series_table"):
                (rows,) = cursor.execute(f"SELECT count(*) FROM {_quoted(table)}").fetchone()
                if rows:
                    result.not_read[_words(table)] = rows
        result.skipped = dict(skipped)
    records = []
    for day, values in sorted(days.items()):
        if day > today:
            continue  # a phone clock ahead of this computer; nothing from the future enters the diary
        rounded = {k: round(min(v, 1440.0 if k.endswith("_min") else 24.0 if k == "sleep_h" else v), 3)
                   for k, v in values.items()}  # fmt: skip
        try:
            record = msgspec.convert({"day": day, **rounded}, type=Day)
            check_record(record, today=today)
        except (InputError, msgspec.ValidationError):
            result.skipped["a day whose amounts add up to more than twitchwise accepts"] = (
                result.skipped.get("a day whose amounts add up to more than twitchwise accepts", 0) + 1
            )
            continue
        records.append(record)
    done = fill_days(store, records, [], profile=profile)
    result.days_added, result.days_filled = done.days_added, done.days_filled
    result.fields_filled, result.fields_kept = done.fields_filled, done.fields_kept
    return result


@contextmanager
def _database(path: Path) -> Iterator[sqlite3.Connection]:
    """The export's database, opened read-only: the file itself, or copied out of the zip."""
    if not path.is_file():
        raise InputError("export", "no such file")
    with tempfile.TemporaryDirectory(prefix="twitchwise-hc-") as folder:
        target = path
        if zipfile.is_zipfile(path):
            target = Path(folder) / "health_connect_export.db"
            with zipfile.ZipFile(path) as archive:
                member = _member(archive, path.name)
                if member.file_size > MAX_DATABASE:
                    raise InputError(path.name, "holds a database larger than 4 GB; that is not a phone's export")
                try:
                    with archive.open(member) as source, target.open("wb") as copy:
                        shutil.copyfileobj(source, copy, 1 << 20)
                except (zipfile.BadZipFile, OSError, EOFError) as error:
                    raise InputError(path.name, f"is damaged ({error})") from None
        with target.open("rb") as handle:
            start = handle.read(16)
            if start.startswith(b"PK\x03\x04"):
                raise InputError(path.name, "is a damaged zip (cut short while copying?)")
            if start != SQLITE_MAGIC:
                raise InputError(path.name, "is not a Health Connect export (a zip with its SQLite database)")
        connection = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
        try:
            connection.execute("PRAGMA query_only = ON")
            yield connection
        except sqlite3.DatabaseError as error:
            raise InputError(path.name, f"is a damaged database ({error})") from None
        finally:
            connection.close()


def _member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    candidates = [m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(".db")]
    for member in candidates:
        with archive.open(member) as handle:
            if handle.read(16) == SQLITE_MAGIC:
                return member
    raise InputError(name, "has no Health Connect database (health_connect_export.db) in it")


def _local(millis: object, offset: object) -> dt.datetime:
    if not isinstance(millis, int):
        raise ValueError("a record with no time")
    seconds = offset if isinstance(offset, int) and abs(offset) <= 18 * 3600 else 0
    try:
        return dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=millis, seconds=seconds)
    except OverflowError:
        raise ValueError("a record with a time that is not one") from None


def _columns(cursor: sqlite3.Cursor, table: str) -> set[str]:
    return {row[1] for row in cursor.execute(f"PRAGMA table_info({_quoted(table)})")}


def _quoted(name: str) -> str:
    """A table or column name from the file, quoted for SQL whatever it holds (a file may be hostile)."""
    return '"' + name.replace('"', '""') + '"'


def _sum(
    cursor: sqlite3.Cursor, tables: set[str], table: str, column: str, scale: float, name: str,
    days: dict[dt.date, dict[str, float]], skipped: Counter[str], result: HealthConnectImport,
) -> None:  # fmt: skip
    if table not in tables or not {column, "start_time", "start_zone_offset"} <= _columns(cursor, table):
        return
    amount = _quoted(column)
    query = f"SELECT start_time, start_zone_offset, {amount} FROM {_quoted(table)} WHERE {amount} IS NOT NULL"
    for start, offset, amount in cursor.execute(query):
        result.records += 1
        try:
            day = _local(start, offset).date()
        except ValueError as error:
            skipped[str(error)] += 1
            continue
        if not isinstance(amount, int | float) or not 0 <= amount < 1e6:
            skipped[f"a {name.split('_')[0]} amount that is not a number of {('grams', 'litres')[scale == 1.0]}"] += 1
            continue
        values = days.setdefault(day, {})
        values[name] = values.get(name, 0.0) + amount * scale


def _intervals(
    cursor: sqlite3.Cursor, query: str, skipped: Counter[str], result: HealthConnectImport
) -> Iterator[tuple[int, Interval]]:
    for row_id, start, end, start_offset, end_offset in cursor.execute(query):
        result.records += 1
        try:
            interval = (_local(start, start_offset), _local(end, end_offset))
        except ValueError as error:
            skipped[str(error)] += 1
            continue
        if interval[1] < interval[0]:
            skipped["a session that ends before it starts"] += 1
            continue
        yield row_id, interval


def _sleep(
    cursor: sqlite3.Cursor, tables: set[str], days: dict[dt.date, dict[str, float]], skipped: Counter[str],
    result: HealthConnectImport,
) -> int:  # fmt: skip
    if "sleep_session_record_table" not in tables:
        return 0
    sessions = dict(_intervals(cursor, "SELECT row_id, start_time, end_time, start_zone_offset, end_zone_offset "
                                       "FROM sleep_session_record_table", skipped, result))  # fmt: skip
    stages: dict[int, list[Interval]] = {}
    if "sleep_stages_table" in tables:
        query = (
            "SELECT s.parent_key, s.stage_start_time, s.stage_end_time, s.stage_type, r.start_zone_offset "
            "FROM sleep_stages_table s JOIN sleep_session_record_table r ON r.row_id = s.parent_key"
        )
        for parent, start, end, kind, offset in cursor.execute(query):
            stages.setdefault(parent, [])
            if kind not in ASLEEP_STAGES:
                continue
            try:
                stages[parent].append((_local(start, offset), _local(end, offset)))
            except ValueError as error:
                skipped[str(error)] += 1
    whole = 0
    for row_id, (start, end) in sessions.items():
        asleep = stages.get(row_id)
        hours = union_hours(asleep) if asleep is not None else (end - start).total_seconds() / 3600
        whole += asleep is None
        values = days.setdefault(end.date(), {})
        values["sleep_h"] = values.get("sleep_h", 0.0) + hours
    return whole


def _minutes(
    cursor: sqlite3.Cursor, tables: set[str], table: str, name: str, days: dict[dt.date, dict[str, float]],
    skipped: Counter[str], result: HealthConnectImport,
) -> None:  # fmt: skip
    if table not in tables:
        return
    by_day: dict[dt.date, list[Interval]] = {}
    query = f"SELECT row_id, start_time, end_time, start_zone_offset, end_zone_offset FROM {_quoted(table)}"
    for _, interval in _intervals(cursor, query, skipped, result):
        by_day.setdefault(interval[0].date(), []).append(interval)
    for day, intervals in by_day.items():
        days.setdefault(day, {})[name] = union_hours(intervals) * 60


def _words(table: str) -> str:
    """ "steps_record_table" -> "steps"."""
    return table.removesuffix("_table").removesuffix("_record").replace("_", " ")
