"""Import daily factors from an Apple Health export (``export.zip`` or its ``export.xml``).

Real exports are 1–4 GB, so the file is streamed through expat in 1 MB pieces, and only the
handful of record types below are looked at.  From them each day gets:

- caffeine (``DietaryCaffeine``, summed, in mg) and fluid (``DietaryWater``, summed, in L);
  records repeated inside a food ``Correlation`` are counted once (Apple writes them twice);
- sleep, by night: the asleep samples (core, deep, REM or unspecified; from a watch and a phone
  counted once) are merged into sessions, and each session is credited to the morning it ends.
  A night with only "in bed" time (an iPhone without a watch) is credited from that, and said so;
- exercise: the larger of Apple's exercise minutes and the workouts' durations (a workout is
  also counted in exercise minutes, so the two are not added);
- mindful minutes (``MindfulSession``), overlapping sessions counted once;
- Apple's symptom records (iOS 13.6 and later), for the symptoms the knowledge base knows: fainting,
  fever, chest tightness or pain, a pounding or fluttering heartbeat and body aches, present or (with
  the severity "not present") absent, at the time recorded; moderate or severe vomiting or diarrhoea as
  recent fluid loss. Others (a headache, shortness of breath: Apple does not say whether it was
  sudden, or at rest) are counted and named, not read, so the check asks about them instead.

Exports as they really are: the internal DTD is not needed and is skipped (iOS 16's leaves an
``ATTLIST`` open, which no XML parser accepts), control characters Apple writes into some values
are blanked, and the export file is found in the zip whatever its name (``Export.xml``,
``导出.xml``): it is the XML whose root is ``HealthData``.  A record with a bad value is skipped
and counted with its reason; it does not stop the import.  A day is placed by the date written in
the export.  Import fills only fields that are empty in the diary, so what the person typed is
never overwritten, and a second import of the same export changes nothing.  A file that is not
well-formed XML is refused with its line number and nothing is written.  Entity declarations are
refused, so a hostile file cannot expand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
import zlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO
from xml.parsers import expat

import msgspec
from sqlalchemy import select

from twitchwise.diary.records import Day, Symptom, check_record
from twitchwise.diary.schema import DayRow, SymptomRow
from twitchwise.diary.store import Store
from twitchwise.errors import InputError

CHUNK = 1 << 20
CAFFEINE = "HKQuantityTypeIdentifierDietaryCaffeine"
WATER = "HKQuantityTypeIdentifierDietaryWater"
EXERCISE = "HKQuantityTypeIdentifierAppleExerciseTime"
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
MINDFUL = "HKCategoryTypeIdentifierMindfulSession"
CORRELATION = "Correlation"
ASLEEP = frozenset({
    "HKCategoryValueSleepAnalysisAsleep", "HKCategoryValueSleepAnalysisAsleepUnspecified",
    "HKCategoryValueSleepAnalysisAsleepCore", "HKCategoryValueSleepAnalysisAsleepDeep",
    "HKCategoryValueSleepAnalysisAsleepREM", "1", "3", "4", "5",  # early exports wrote HealthKit's numbers
})  # fmt: skip
IN_BED = frozenset({"HKCategoryValueSleepAnalysisInBed", "0"})
AWAKE = frozenset({"HKCategoryValueSleepAnalysisAwake", "2"})
# Apple's symptom types (HKCategoryTypeIdentifier…) read into the knowledge base's symptoms, present or absent.
SYMPTOM_PREFIX = "HKCategoryTypeIdentifier"
SYMPTOMS = {
    "Fainting": "fainting", "Fever": "fever", "ChestTightnessOrPain": "chest_pain",
    "RapidPoundingOrFlutteringHeartbeat": "racing_heart", "GeneralizedBodyAche": "pain",
}  # fmt: skip
# Read as recent fluid loss only when more than mild; "not present" says nothing about other fluid loss.
FLUID_LOSS = frozenset({"Vomiting", "Diarrhea"})
# Apple's other symptom types: counted and named in the summary, not read.
OTHER_SYMPTOMS = frozenset({
    "AbdominalCramps", "Acne", "AppetiteChanges", "BladderIncontinence", "Bloating", "BreastPain", "Chills",
    "Constipation", "Coughing", "Dizziness", "DrySkin", "Fatigue", "HairLoss", "Headache", "Heartburn",
    "HotFlashes", "LossOfSmell", "LossOfTaste", "LowerBackPain", "MemoryLapse", "MoodChanges", "Nausea",
    "NightSweats", "PelvicPain", "RunnyNose", "ShortnessOfBreath", "SinusCongestion", "SkippedHeartbeat",
    "SleepChanges", "SoreThroat", "VaginalDryness", "Wheezing",
})  # fmt: skip
# Severity as exports write it (names; early exports HealthKit's numbers: 0 unspecified, 1 not present, 2–4).
NOT_PRESENT = frozenset({"HKCategoryValueSeverityNotPresent", "HKCategoryValuePresenceNotPresent", "1"})
MILD = frozenset({"HKCategoryValueSeverityMild", "2"})
PRESENT = frozenset({
    "HKCategoryValueSeverityUnspecified", "HKCategoryValueSeverityMild", "HKCategoryValueSeverityModerate",
    "HKCategoryValueSeveritySevere", "HKCategoryValuePresencePresent", "0", "2", "3", "4",
})  # fmt: skip
SESSION_GAP = dt.timedelta(hours=2)  # asleep samples closer than this are one night's sleep
Interval = tuple[dt.datetime, dt.datetime]
PROLOG_LIMIT = 8 << 20  # bytes read looking for the root element (the DTD is about 10 kB)
ROOT = b"<HealthData"
# Control characters are not allowed in XML; Apple writes some (\x0b) into values. Blanked byte for byte, so
# lengths and line numbers stay as in the file (UTF-8 never uses these bytes inside a character).
_BLANK = bytes.maketrans(bytes(c for c in range(32) if c not in (9, 10, 13)), b" " * 29)
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
    sleep_h: float = 0.0
    mindful: list[Interval] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def values(self) -> dict[str, float]:
        found: dict[str, float] = {}
        if "caffeine" in self.seen:
            found["caffeine_mg"] = round(self.caffeine_mg, 1)
        if "water" in self.seen:
            found["water_l"] = round(self.water_l, 3)
        if "sleep" in self.seen:
            found["sleep_h"] = round(self.sleep_h, 2)
        if "exercise" in self.seen:
            found["exercise_min"] = round(max(self.exercise_min, self.workout_min), 1)
        if "mindful" in self.seen:
            found["mindful_min"] = round(union_hours(self.mindful) * 60, 1)
        return found


class Scan(msgspec.Struct):
    """The export read: totals by day, and how much was read."""

    days: dict[dt.date, dict[str, float]]
    records: int
    used: int
    unknown_units: int
    bytes: int
    skipped: dict[str, tuple[int, int]] = msgspec.field(default_factory=dict)  # reason -> (how many, first line)
    nights_in_bed: int = 0  # nights credited from "in bed" time, having no asleep samples
    symptoms: list[Observed] = msgspec.field(default_factory=list)
    symptoms_not_read: dict[str, int] = msgspec.field(default_factory=dict)  # Apple's symptom type -> how many


class Observed(msgspec.Struct, frozen=True):
    """One of Apple's symptom records, as the knowledge base's symptom."""

    key: str  # Apple's type, start and value: the same record in a second import is the same key
    symptom: str
    present: bool
    at: dt.datetime


class ImportResult(msgspec.Struct):
    days_added: int
    days_filled: int
    fields_filled: int
    fields_kept: int  # already in the diary with another value: the person's value stays
    records: int
    used: int
    unknown_units: int
    skipped: dict[str, tuple[int, int]] = msgspec.field(default_factory=dict)  # reason -> (how many, first line)
    nights_in_bed: int = 0
    symptoms_added: int = 0
    symptoms_not_read: dict[str, int] = msgspec.field(default_factory=dict)


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
    """The XML whose root is ``HealthData``, whatever it is called ("export.xml", "Export.xml", "导出.xml");
    a file named export.xml (any case) is tried first, the shallowest first."""
    xmls = [i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith(".xml")]
    named = sorted((i for i in xmls if Path(i.filename).name.casefold() == "export.xml"), key=_depth)
    others = sorted((i for i in xmls if i not in named), key=_depth)
    for info in [*named, *others]:
        with archive.open(info) as stream:
            if ROOT in stream.read(1 << 18):
                return info
    raise InputError("export.zip", "holds no Apple Health export (no XML whose root is HealthData)")


def _depth(info: zipfile.ZipInfo) -> tuple[int, str]:
    return info.filename.count("/"), info.filename


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The export as the parser should see it: the internal DTD blanked out (it is not needed, and iOS 16's
    is malformed) unless it declares an entity (then the parser refuses it), and control characters blanked."""
    head = b""
    while ROOT not in head and len(head) < PROLOG_LIMIT:
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        head += chunk
    root = head.find(ROOT)
    doctype = head.find(b"<!DOCTYPE", 0, root)
    if 0 <= doctype < root and b"<!ENTITY" not in head[doctype:root]:
        head = head[:doctype] + re.sub(rb"[^\n]", b" ", head[doctype:root]) + head[root:]
    if head:
        yield head.translate(_BLANK)
    while chunk := stream.read(CHUNK):
        yield chunk.translate(_BLANK)


def scan(stream: IO[bytes], *, total: int, name: str = "export.xml", progress: Progress | None = None) -> Scan:
    """Read an export; refuse one that is not well-formed, naming its line; skip and count bad records."""
    days: dict[str, Totals] = {}
    counts = {"records": 0, "used": 0, "unknown_units": 0}
    sleep = Sleep()
    skipped: dict[str, tuple[int, int]] = {}
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    symptoms = Symptoms()
    handlers: dict[str, Handler] = {**_HANDLERS, SLEEP: sleep.handle}
    handlers |= {SYMPTOM_PREFIX + name: symptoms.handle for name in (*SYMPTOMS, *FLUID_LOSS, *OTHER_SYMPTOMS)}
    correlation = 0  # how deep inside Correlation elements (their records are also written on their own)
    rooted = False

    def refuse_entities(*_: object) -> None:
        raise InputError(f"{name} line {parser.CurrentLineNumber}", "declares an entity; exports never do")

    def start(tag: str, attrs: dict[str, str]) -> None:
        # Called for every element of a multi-GB file: the common case (a Record) comes first and costs little.
        nonlocal correlation, rooted
        if tag == "Record":
            if correlation:
                return
            counts["records"] += 1
            handler = handlers.get(attrs.get("type", ""))
            if handler is not None:
                try:
                    handler(attrs, days, counts)
                except _BadValueError as error:
                    skip(str(error))
            return
        if not rooted:
            if tag != "HealthData":
                raise InputError(f"{name} line {parser.CurrentLineNumber}", "is not an Apple Health export")
            rooted = True
        if tag == CORRELATION:
            correlation += 1
            parser.EndElementHandler = end  # only inside a correlation: an end handler on every element is slow
        elif tag == "Workout":
            counts["records"] += 1
            try:
                _workout(attrs, days, counts)
            except _BadValueError as error:
                skip(str(error))

    def skip(reason: str) -> None:  # one bad record does not spoil the export: counted, with its first line
        number, first = skipped.get(reason, (0, parser.CurrentLineNumber))
        skipped[reason] = (number + 1, first)

    def end(tag: str) -> None:
        nonlocal correlation
        if tag == CORRELATION:
            correlation -= 1
            if not correlation:
                parser.EndElementHandler = None

    parser.EntityDeclHandler = refuse_entities
    parser.StartElementHandler = start
    read = 0
    try:
        for chunk in _chunks(stream):
            read += len(chunk)
            parser.Parse(chunk, False)
            if progress is not None:
                progress(read, total, counts["records"])
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise InputError(f"{name} line {error.lineno}", "is not well-formed XML (truncated or damaged)") from None
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError):
        raise InputError(name, "cannot be read to the end (a damaged or truncated archive)") from None
    if not rooted:
        raise InputError(name, "is empty: not an Apple Health export")
    nights_in_bed = sleep.credit(days)
    by_day = {dt.date.fromisoformat(day): t.values() for day, t in days.items()}
    return Scan({day: values for day, values in sorted(by_day.items()) if values}, counts["records"], counts["used"],
                counts["unknown_units"], read, skipped, nights_in_bed, symptoms.found,
                dict(sorted(symptoms.not_read.items())))  # fmt: skip


class Symptoms:
    """Apple's symptom records: those the knowledge base knows, and a count of the others."""

    def __init__(self) -> None:
        self.found: list[Observed] = []
        self.not_read: Counter[str] = Counter()

    def handle(self, attrs: dict[str, str], days: dict[str, Totals], counts: dict[str, int]) -> None:
        kind = attrs.get("type", "")[len(SYMPTOM_PREFIX) :]
        if kind not in SYMPTOMS and kind not in FLUID_LOSS:
            self.not_read[kind] += 1
            return
        value = attrs.get("value", "")  # a sample with no severity asserts the symptom
        if value and value not in PRESENT and value not in NOT_PRESENT:
            raise _BadValueError("a symptom record with a severity twitchwise does not know")
        at = _moment(attrs, "startDate")
        present = value not in NOT_PRESENT
        if kind in FLUID_LOSS and (not present or value in MILD):
            self.not_read[kind] += 1
            return
        symptom = SYMPTOMS.get(kind, "recent_fluid_loss")
        self.found.append(Observed(f"{kind}\x00{attrs.get('startDate', '')}\x00{value}", symptom, present, at))
        counts["used"] += 1


class Sleep:
    """Every asleep and in-bed sample of the export, merged into nights once it has all been read (samples of
    one night come from several devices and in any order)."""

    def __init__(self) -> None:
        self.asleep: list[Interval] = []
        self.in_bed: list[Interval] = []

    def handle(self, attrs: dict[str, str], days: dict[str, Totals], counts: dict[str, int]) -> None:
        """A sleep record (``days`` is filled at the end, by ``credit``)."""
        value = attrs.get("value", "")
        if value in AWAKE:
            return
        if value not in ASLEEP and value not in IN_BED:
            raise _BadValueError("a sleep record with a value twitchwise does not know")
        start, end = _moment(attrs, "startDate"), _moment(attrs, "endDate")
        if end < start:
            raise _BadValueError("a sleep record that ends before it starts")
        (self.asleep if value in ASLEEP else self.in_bed).append((start, end))
        counts["used"] += 1

    def credit(self, days: dict[str, Totals]) -> int:
        """Credit each night to the morning it ends; nights with only in-bed time from that. Returns how many
        nights came from in-bed time."""
        nights = _sessions(self.asleep)
        for _, finish, members in nights:
            _credit_night(days, finish, members)
        finishes = [finish for _, finish, _ in nights]  # rising: nights are more than SESSION_GAP apart
        from_bed = 0
        for begin, finish, members in _sessions(self.in_bed):
            first = bisect_right(finishes, begin)  # the first asleep night that ends after this one begins
            if first < len(nights) and nights[first][0] < finish:
                continue  # a watch recorded this night's sleep itself
            _credit_night(days, finish, members)
            from_bed += 1
        return from_bed


def _credit_night(days: dict[str, Totals], finish: dt.datetime, members: list[Interval]) -> None:
    totals = _totals(days, finish.date().isoformat())
    totals.sleep_h += union_hours(members)
    totals.seen.add("sleep")


def _sessions(intervals: list[Interval]) -> list[tuple[dt.datetime, dt.datetime, list[Interval]]]:
    """Intervals grouped into sessions (begin, finish, members): sorted, a new session after a gap of more
    than ``SESSION_GAP``."""
    sessions: list[tuple[dt.datetime, dt.datetime, list[Interval]]] = []
    for start, end in sorted(intervals):
        if sessions and start - sessions[-1][1] <= SESSION_GAP:
            begin, finish, members = sessions[-1]
            members.append((start, end))
            sessions[-1] = (begin, max(finish, end), members)
        else:
            sessions.append((start, end, [(start, end)]))
    return sessions


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
    text = attrs.get(key, "")[:10]
    if not _is_day(text):  # the whole date, not only its shape ("2026-11-[[" is refused here)
        raise _BadValueError(f"a record without a valid {key}")
    return text


@lru_cache(maxsize=4096)
def _is_day(text: str) -> bool:
    """Whether ``text`` is a calendar date (cached: an export repeats each day thousands of times)."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _moment(attrs: dict[str, str], key: str) -> dt.datetime:
    text = attrs.get(key, "")
    try:  # "2026-11-20 23:10:00 +0100": keep the wall-clock time as written (a damaged "…T23+01:00" keeps none)
        return dt.datetime.fromisoformat(text[:19]).replace(tzinfo=None)
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


def _mindful(attrs: dict[str, str], days: dict[str, Totals], counts: dict[str, int]) -> None:
    start, end = _moment(attrs, "startDate"), _moment(attrs, "endDate")
    if end < start:
        raise _BadValueError("a mindful session that ends before it starts")
    totals = _totals(days, _day_of(attrs))
    totals.mindful.append((start, end))  # overlapping sessions (two apps) are counted once
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
    EXERCISE: _summed(MINUTES, "exercise_min", "exercise"), MINDFUL: _mindful,
}  # fmt: skip


def union_hours(intervals: list[Interval]) -> float:
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
    symptoms = [
        Symptom(uid=_uid(profile, seen.key), symptom=seen.symptom, present=seen.present, at=seen.at)
        for seen in found.symptoms
        if seen.at.date() <= today
    ]
    return _fill(store, records, symptoms, profile=profile, found=found)


def _uid(profile: str, key: str) -> str:
    """The same Apple record imported again into the same profile has the same uid, so it is added once."""
    return hashlib.blake2b(f"apple-health\x00{profile}\x00{key}".encode(), digest_size=16).hexdigest()


def _clamped(values: dict[str, float]) -> dict[str, float]:
    """Overlapping sources can push a day's minutes past 24 hours; a day holds no more."""
    limits = {"exercise_min": 1440.0, "mindful_min": 1440.0, "sleep_h": 24.0}
    return {key: min(value, limits.get(key, value)) for key, value in values.items()}


class Filled(msgspec.Struct):
    """What filling the diary did: days added, days and fields filled, values kept, symptoms added."""

    days_added: int
    days_filled: int
    fields_filled: int
    fields_kept: int  # already in the diary with another value: the person's value stays
    symptoms_added: int


def fill_days(store: Store, records: list[Day], symptoms: list[Symptom], *, profile: str) -> Filled:
    """Add days not in the diary; on a day already there fill only its empty fields (of ``FIELDS``), so what the
    person logged is never overwritten; add symptoms not already there (by uid). One transaction."""
    added = filled = fields_filled = kept = 0
    with store.session() as session:
        owner = store.diary(profile).owner_id(session)
        known = set(session.scalars(select(SymptomRow.uid).where(SymptomRow.profile_id == owner)))
        new = {symptom.uid: symptom for symptom in symptoms if symptom.uid not in known}
        session.add_all(SymptomRow(profile_id=owner, **msgspec.structs.asdict(s)) for s in new.values())
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
    return Filled(added, filled, fields_filled, kept, len(new))


def _fill(store: Store, records: list[Day], symptoms: list[Symptom], *, profile: str, found: Scan) -> ImportResult:
    done = fill_days(store, records, symptoms, profile=profile)
    return ImportResult(done.days_added, done.days_filled, done.fields_filled, done.fields_kept, found.records,
                        found.used, found.unknown_units, found.skipped, found.nights_in_bed, done.symptoms_added,
                        found.symptoms_not_read)  # fmt: skip
