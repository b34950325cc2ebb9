"""Import daily factors from an Apple Health export (``export.zip`` or its ``export.xml``).

Real exports are 1–4 GB, so the file is streamed through expat in 1 MB pieces: memory stays
constant whatever its size, and only the handful of record types below are looked at.  From
them each day gets:

- caffeine (``DietaryCaffeine``, summed, in mg) and fluid (``DietaryWater``, summed, in L);
- sleep: the time asleep (core, deep, REM or unspecified; not "in bed" or "awake") in the night
  that ended that morning, with overlapping samples from a watch and a phone counted once;
- exercise: the larger of Apple's exercise minutes and the workouts' durations (a workout is
  also counted in exercise minutes, so the two are not added);
- mindful minutes (``MindfulSession``).

A day is placed by the date written in the export (the phone's local date).  Import fills only
fields that are empty in the diary, so what the person typed is never overwritten, and a second
import of the same export changes nothing.  A malformed export is refused with its line number
and nothing is written.  Entity declarations are refused, so a hostile file cannot expand.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.parsers import expat

import msgspec
from sqlalchemy import select

from twitchwise.diary.records import Day, check_record
from twitchwise.diary.schema import DayRow
from twitchwise.diary.store import Store
from twitchwise.errors import InputError

CHUNK = 1 << 20
CAFFEINE = "HKQuantityTypeIdentifierDietaryCaffeine"
WATER = "HKQuantityTypeIdentifierDietaryWater"
EXERCISE = "HKQuantityTypeIdentifierAppleExerciseTime"
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
MINDFUL = "HKCategoryTypeIdentifierMindfulSession"
ASLEEP = frozenset({
    "HKCategoryValueSleepAnalysisAsleep", "HKCategoryValueSleepAnalysisAsleepUnspecified",
    "HKCategoryValueSleepAnalysisAsleepCore", "HKCategoryValueSleepAnalysisAsleepDeep",
    "HKCategoryValueSleepAnalysisAsleepREM",
})  # fmt: skip
# Units Apple writes for these types, to mg (caffeine), L (water) and minutes.
MG = {"mg": 1.0, "g": 1000.0, "mcg": 0.001, "µg": 0.001, "ug": 0.001}
LITRES = {"mL": 0.001, "L": 1.0, "dL": 0.1, "cL": 0.01, "fl_oz_us": 0.0295735295625, "fl_oz_imp": 0.0284130625,
          "cup_us": 0.2365882365, "cup_imp": 0.284130625}  # fmt: skip
MINUTES = {"min": 1.0, "s": 1 / 60, "hr": 60.0, "h": 60.0}
FIELDS = ("caffeine_mg", "water_l", "sleep_h", "exercise_min", "mindful_min")
Progress = Callable[[int, int, int], None]  # (bytes read, bytes in all, records seen)
Handler = Callable[[dict[str, str], dict[str, "Totals"], dict[str, int]], None]


@dataclass
class Totals:
    """What one day of the export adds up to."""

    caffeine_mg: float = 0.0
    water_l: float = 0.0
    exercise_min: float = 0.0
    workout_min: float = 0.0
    mindful_min: float = 0.0
    sleep: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def values(self) -> dict[str, float]:
        found: dict[str, float] = {}
        if "caffeine" in self.seen:
            found["caffeine_mg"] = round(self.caffeine_mg, 1)
        if "water" in self.seen:
            found["water_l"] = round(self.water_l, 3)
        if "sleep" in self.seen:
            found["sleep_h"] = round(_union_hours(self.sleep), 2)
        if "exercise" in self.seen:
            found["exercise_min"] = round(max(self.exercise_min, self.workout_min), 1)
        if "mindful" in self.seen:
            found["mindful_min"] = round(self.mindful_min, 1)
        return found


class Scan(msgspec.Struct):
    """The export read: totals by day, and how much was read."""

    days: dict[dt.date, dict[str, float]]
    records: int
    used: int
    unknown_units: int
    bytes: int


class ImportResult(msgspec.Struct):
    days_added: int
    days_filled: int
    fields_filled: int
    fields_kept: int  # already in the diary with another value: the person's value stays
    records: int
    used: int
    unknown_units: int


# --- reading ----------------------------------------------------------------------------


@contextmanager
def open_export(path: Path) -> Iterator[tuple[IO[bytes], int, str]]:
    """The export's XML as a byte stream, its size, and its name for messages."""
    if not path.is_file():
        raise InputError("path", "no such file")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                member = _export_member(archive)
                with archive.open(member) as stream:
                    yield stream, member.file_size, Path(member.filename).name
        else:
            with path.open("rb") as stream:
                if stream.read(4) == b"PK\x03\x04":  # a zip whose directory at the end is missing
                    raise InputError(path.name, "is a damaged or incomplete zip file (download the export again)")
                stream.seek(0)
                yield stream, path.stat().st_size, path.name
    except zipfile.BadZipFile:
        raise InputError(path.name, "is a damaged zip file") from None
    except (NotImplementedError, RuntimeError):  # an unknown compression method, or a password
        raise InputError(path.name, "is a zip twitchwise cannot open (encrypted or an unusual compression)") from None
    except OSError as error:
        raise InputError(path.name, f"cannot be read ({error.strerror or 'damaged archive'})") from None


def _export_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    candidates = [i for i in archive.infolist() if Path(i.filename).name == "export.xml"]
    if not candidates:
        raise InputError("export.zip", "has no export.xml: is this an Apple Health export?")
    return min(candidates, key=lambda i: i.filename.count("/"))


def scan(stream: IO[bytes], *, total: int, name: str = "export.xml", progress: Progress | None = None) -> Scan:
    """Read an export in constant memory; refuse a malformed one naming its line."""
    days: dict[str, Totals] = {}
    counts = {"records": 0, "used": 0, "unknown_units": 0}
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    started = {"root": False}

    def refuse_entities(*_: object) -> None:
        raise InputError(f"{name} line {parser.CurrentLineNumber}", "declares an entity; exports never do")

    def start(tag: str, attrs: dict[str, str]) -> None:
        if not started["root"]:
            if tag != "HealthData":
                raise InputError(f"{name} line {parser.CurrentLineNumber}", "is not an Apple Health export")
            started["root"] = True
        if tag == "Record":
            counts["records"] += 1
            kind = attrs.get("type")
            if kind in _HANDLERS:
                _HANDLERS[kind](attrs, days, counts)
        elif tag == "Workout":
            counts["records"] += 1
            _workout(attrs, days, counts)

    parser.EntityDeclHandler = refuse_entities
    parser.StartElementHandler = start
    read = 0
    try:
        while chunk := stream.read(CHUNK):
            read += len(chunk)
            parser.Parse(chunk, False)
            if progress is not None:
                progress(read, total, counts["records"])
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise InputError(f"{name} line {error.lineno}", "is not well-formed XML (truncated or damaged)") from None
    except _BadValueError as error:
        raise InputError(f"{name} line {parser.CurrentLineNumber}", str(error)) from None
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError):
        raise InputError(name, "cannot be read to the end (a damaged or truncated archive)") from None
    if not started["root"]:
        raise InputError(name, "is empty: not an Apple Health export")
    by_day = {dt.date.fromisoformat(day): t.values() for day, t in days.items()}
    return Scan({day: values for day, values in sorted(by_day.items()) if values}, counts["records"], counts["used"],
                counts["unknown_units"], read)  # fmt: skip


class _BadValueError(ValueError):
    pass


def _number(attrs: dict[str, str], key: str = "value") -> float:
    try:
        value = float(attrs[key])
    except (KeyError, ValueError):
        raise _BadValueError(f"a {attrs.get('type', 'Workout')} without a numeric {key}") from None
    if not 0 <= value < 1e7:
        raise _BadValueError(f"a {attrs.get('type', 'Workout')} with a negative or absurd {key}")
    return value


def _day_of(attrs: dict[str, str], key: str = "startDate") -> str:
    text = attrs.get(key, "")
    if len(text) < 10 or text[4] != "-" or text[7] != "-":
        raise _BadValueError(f"a record without a valid {key}")
    return text[:10]


def _moment(attrs: dict[str, str], key: str) -> dt.datetime:
    text = attrs.get(key, "")
    try:  # "2026-11-20 23:10:00 +0100": keep the wall-clock time as written
        return dt.datetime.fromisoformat(text[:19])
    except ValueError:
        raise _BadValueError(f"a record without a valid {key}") from None


def _totals(days: dict[str, Totals], day: str) -> Totals:
    found = days.get(day)
    if found is None:
        found = days[day] = Totals()
    return found


def _converted(attrs: dict[str, str], table: dict[str, float], counts: dict[str, int]) -> float | None:
    factor = table.get(attrs.get("unit", ""))
    if factor is None:
        counts["unknown_units"] += 1
        return None
    return _number(attrs) * factor


def _summed(table: dict[str, float], total: str, seen: str) -> Handler:
    """A handler that adds a quantity record, converted by ``table``, to its day's ``total``."""

    def handle(attrs: dict[str, str], days: dict[str, Totals], counts: dict[str, int]) -> None:
        value = _converted(attrs, table, counts)
        if value is not None:
            totals = _totals(days, _day_of(attrs))
            setattr(totals, total, getattr(totals, total) + value)
            totals.seen.add(seen)
            counts["used"] += 1

    return handle


def _sleep(attrs: dict[str, str], days: dict[str, Totals], counts: dict[str, int]) -> None:
    if attrs.get("value") not in ASLEEP:
        return
    start, end = _moment(attrs, "startDate"), _moment(attrs, "endDate")
    if end < start:
        raise _BadValueError("a sleep record that ends before it starts")
    totals = _totals(days, _day_of(attrs, "endDate"))  # the night belongs to the morning it ends
    totals.sleep.append((start, end))
    totals.seen.add("sleep")
    counts["used"] += 1


def _mindful(attrs: dict[str, str], days: dict[str, Totals], counts: dict[str, int]) -> None:
    start, end = _moment(attrs, "startDate"), _moment(attrs, "endDate")
    if end < start:
        raise _BadValueError("a mindful session that ends before it starts")
    totals = _totals(days, _day_of(attrs))
    totals.mindful_min += (end - start).total_seconds() / 60
    totals.seen.add("mindful")
    counts["used"] += 1


def _workout(attrs: dict[str, str], days: dict[str, Totals], counts: dict[str, int]) -> None:
    factor = MINUTES.get(attrs.get("durationUnit", ""))
    if factor is None:
        counts["unknown_units"] += 1
        return
    totals = _totals(days, _day_of(attrs))
    totals.workout_min += _number(attrs, "duration") * factor
    totals.seen.add("exercise")
    counts["used"] += 1


_HANDLERS: dict[str, Handler] = {
    CAFFEINE: _summed(MG, "caffeine_mg", "caffeine"), WATER: _summed(LITRES, "water_l", "water"),
    EXERCISE: _summed(MINUTES, "exercise_min", "exercise"), SLEEP: _sleep, MINDFUL: _mindful,
}  # fmt: skip


def _union_hours(intervals: list[tuple[dt.datetime, dt.datetime]]) -> float:
    """Hours covered by the intervals, overlaps counted once."""
    total = dt.timedelta()
    current_start: dt.datetime | None = None
    current_end: dt.datetime | None = None
    for start, end in sorted(intervals):
        if current_end is None or start > current_end:
            if current_start is not None and current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        elif end > current_end:
            current_end = end
    if current_start is not None and current_end is not None:
        total += current_end - current_start
    return total.total_seconds() / 3600


# --- writing ----------------------------------------------------------------------------


def import_export(
    store: Store, path: Path, *, profile: str, today: dt.date, progress: Progress | None = None
) -> ImportResult:
    """Read the whole export first, check every day, then fill the diary in one transaction."""
    with open_export(path) as (stream, total, name):
        found = scan(stream, total=total, name=name, progress=progress)
    records = []
    for day, values in found.days.items():
        if day > today:
            continue  # a phone clock ahead of this computer; nothing from the future enters the diary
        try:
            record = msgspec.convert({"day": day, **_clamped(values)}, type=Day)
            check_record(record, today=today)
        except (InputError, msgspec.ValidationError) as error:
            problem = error.problem if isinstance(error, InputError) else "adds up to more than a day can hold"
            raise InputError(f"{name}: {day}", problem) from None
        records.append(record)
    return _fill(store, records, profile=profile, found=found)


def _clamped(values: dict[str, float]) -> dict[str, float]:
    """Overlapping sources can push a day's minutes past 24 hours; a day holds no more."""
    limits = {"exercise_min": 1440.0, "mindful_min": 1440.0, "sleep_h": 24.0}
    return {key: min(value, limits.get(key, value)) for key, value in values.items()}


def _fill(store: Store, records: list[Day], *, profile: str, found: Scan) -> ImportResult:
    added = filled = fields_filled = kept = 0
    with store.session() as session:
        owner = store.diary(profile).owner_id(session)
        existing = {row.day: row for row in session.scalars(select(DayRow).where(DayRow.profile_id == owner))}
        for record in records:
            row = existing.get(record.day)
            if row is None:
                session.add(DayRow(profile_id=owner, **msgspec.structs.asdict(record)))
                added += 1
                continue
            changed = False
            for name in FIELDS:
                value = getattr(record, name)
                if value is None:
                    continue
                current = getattr(row, name)
                if current is None:
                    setattr(row, name, value)
                    fields_filled += 1
                    changed = True
                elif abs(current - value) > 1e-9:
                    kept += 1
            filled += changed
    return ImportResult(added, filled, fields_filled, kept, found.records, found.used, found.unknown_units)
