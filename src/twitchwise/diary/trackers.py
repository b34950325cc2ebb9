"""Import another tracker's CSV export: Bearable's and Flaredown's.

Both keep what twitchwise can use and say, in the result, what they did not read and why.

**Bearable** ("Bearable App - Data Export. Generated DD-MM-YYYY.csv"): one row per entry, with the
columns ``date`` (or ``date formatted``), ``weekday``, ``time of day``, ``category``,
``rating/amount``, ``detail`` and ``notes``.  Read:

- ``Symptom`` rows ("Name (Mild|Moderate|Severe|Unbearable)", rated 1–4, or 0 for none): a twitching
  symptom ("Calf twitching", "Eye twitch", "Fasciculations") becomes a twitch episode at the place its
  name gives (or the ``place`` the person names for the import), its severity the intensity; a day
  whose twitching was rated none becomes twitch-free.  Symptoms the knowledge base knows (weakness,
  numbness, tingling, cramps, fever, chest pain, palpitations, fainting …) become diary symptoms,
  present or (rated none) absent; "Stress" becomes the day's stress (mild 3, moderate 5, severe 8,
  unbearable 10 out of 10).
- ``Sleep`` rows: the hours asleep ("7:30"), credited to the row's date (the morning it ends).
- ``Meds/Supplements`` rows ("Name (unit)", an amount): the day's medicines; caffeine in mg is the
  day's caffeine.
- Everything else (mood, energy, factors, food, gratitudes …) is counted by category, not read.

**Flaredown** (the CSV it e-mails): one row per check-in date, the column ``Date``, then one column
per condition, symptom and treatment by name, then ``Tags``, ``Foods`` and the weather.  A cell of
0–4 is a rating (conditions and symptoms), "Taken", "Not Taken" or a dose is a treatment.  Read the
same way: twitching ratings as episodes (at noon: Flaredown keeps no time) or a twitch-free day,
known symptoms present or absent, treatments taken as the day's medicines.  Tags, foods and the
weather are counted, not read.

A row that cannot be read (a date that is not one, a rating out of range, a day in the future) is
skipped and counted with its reason and first line; it does not stop the import.  A file that is
not one of these exports is refused whole, naming what is missing.  Each record's uid is made from
the profile and the record, so importing the same file again adds nothing, and a day already in the
diary is kept as the person wrote it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

import msgspec

from twitchwise.answers import Site
from twitchwise.diary.records import Day, Episode, Symptom, check_record
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import ImportCounts, ProfileData, write
from twitchwise.errors import InputError
from twitchwise.sites import parse_sites

Tracker = Literal["bearable", "flaredown"]
MAX_BYTES = 100 * 1024 * 1024  # years of daily tracking are a few MB
BEARABLE_COLUMNS = frozenset({"category", "rating/amount", "detail"})
TWITCHING = re.compile(r"twitch|fascicul|myokymia|(?:eye|eyelid) ?(?:flutter|spasm|jump)", re.IGNORECASE)
SEVERITY = {"none": 0, "mild": 1, "moderate": 2, "severe": 3, "unbearable": 4, "extreme": 4}
STRESS_0_10 = {1: 3, 2: 5, 3: 8, 4: 10}
# Bearable's parts of the day, as a time of day (its "all day" and a blank as noon).
PART_OF_DAY = {"pre": dt.time(3), "am": dt.time(9), "mid": dt.time(15), "pm": dt.time(21), "all day": dt.time(12)}
# Symptom names as trackers offer them, read into the knowledge base's symptoms.
KNOWN_SYMPTOMS = {
    "weakness": "weakness", "muscle weakness": "weakness", "numbness": "numbness", "tingling": "tingling",
    "pins and needles": "tingling", "cramps": "cramps", "cramp": "cramps", "muscle cramps": "cramps",
    "muscle cramp": "cramps", "leg cramps": "cramps", "muscle spasms": "cramps", "fever": "fever",
    "chest pain": "chest_pain", "palpitations": "racing_heart", "heart palpitations": "racing_heart",
    "racing heart": "racing_heart", "fainting": "fainting", "muscle pain": "pain", "muscle aches": "pain",
    "body aches": "pain", "stiffness": "stiffness", "muscle stiffness": "stiffness",
    "difficulty swallowing": "swallowing_difficulty", "trouble swallowing": "swallowing_difficulty",
    "slurred speech": "slurred_speech",
}  # fmt: skip
# Vomiting and diarrhoea count as recent fluid loss only when more than mild (as with Apple Health).
FLUID_LOSS = frozenset({"vomiting", "diarrhea", "diarrhoea"})
FLAREDOWN_OTHER = re.compile(r"^(?:tags|foods|weather\b.*)$", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), start=1)}  # fmt: skip


@dataclass
class TrackerImport:
    """What an export held, what was read from it, and what was not (with why)."""

    tracker: Tracker
    rows: int = 0
    episodes: int = 0
    symptoms: int = 0
    days: int = 0
    not_read: Counter[str] = field(default_factory=Counter)  # category or column -> rows
    skipped: dict[str, tuple[int, int]] = field(default_factory=dict)  # reason -> (how many, first line)
    placeless: int = 0  # twitching with no place in its name, and no place given for the import
    added: dict[str, int] = field(default_factory=dict)
    already: int = 0


class _SkipRowError(ValueError):
    """A row that cannot be read: skipped and counted, with this reason."""


def detect(path: Path) -> Tracker | None:
    """Which tracker wrote this CSV file, from its header; None when neither."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader([handle.readline()]), [])
    except (OSError, UnicodeDecodeError):
        return None
    names = {name.strip().lower() for name in header}
    if names >= BEARABLE_COLUMNS and names & {"date", "date formatted"}:
        return "bearable"
    if header and header[0].strip() == "Date" and {"tags", "foods"} <= names:
        return "flaredown"
    return None


def import_tracker(
    store: Store, path: Path, tracker: Tracker, *, profile: str, today: dt.date, place: str | None = None
) -> TrackerImport:
    """Read the whole export, then add what is new in one transaction."""
    where = parse_sites(place)[0] if place else None
    reader = _Bearable if tracker == "bearable" else _Flaredown
    found = reader(path.name, profile=profile, today=today, place=where)
    for number, row in _rows(path):
        found.row(number, row)
    data = found.data()
    counts: ImportCounts = write(store, [data])
    found.result.added, found.result.already = counts.added, counts.skipped
    return found.result


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise InputError("path", "no such file")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(path.name, "is larger than 100 MB; that is not a tracker's CSV export")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise InputError(f"{path.name} line {line}", "is not UTF-8 text") from None
    if "\x00" in text:
        raise InputError(path.name, "holds NUL bytes; that is not a CSV export")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        if reader.fieldnames is None:
            raise InputError(path.name, "is empty")
        reader.fieldnames = [name.strip() for name in reader.fieldnames]
        for row in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
    except csv.Error as error:
        raise InputError(f"{path.name} line {reader.line_num}", f"is not valid CSV ({error})") from None


class _Reader:
    """The records of one export, collected row by row."""

    def __init__(self, tracker: Tracker, name: str, *, profile: str, today: dt.date, place: Site | None) -> None:
        self.result = TrackerImport(tracker)
        self.name, self.profile, self.today, self.place = name, profile, today, place
        self.episodes: list[Episode] = []
        self.symptoms: list[Symptom] = []
        self.day_values: dict[dt.date, dict[str, object]] = {}
        self.twitching: dict[dt.date, bool] = {}  # a day rated for twitching: True if any twitching
        self.first_line: dict[dt.date, int] = {}  # the first row of each day, to name a day that cannot be kept
        self.keys: Counter[str] = Counter()
        self.line = 0

    def row(self, number: int, row: dict[str, str]) -> None:
        self.result.rows += 1
        self.line = number
        try:
            self.read(row)
        except _SkipRowError as reason:
            self.skip(str(reason), number)

    def skip(self, reason: str, line: int) -> None:
        count, first = self.result.skipped.get(reason, (0, line))
        self.result.skipped[reason] = (count + 1, first)

    def values(self, day: dt.date) -> dict[str, Any]:
        if day > self.today:
            raise _SkipRowError("a date in the future")
        self.first_line.setdefault(day, self.line)
        return self.day_values.setdefault(day, {})

    def read(self, row: dict[str, str]) -> None:
        raise NotImplementedError

    def data(self) -> ProfileData:
        data = ProfileData(name=self.profile, episodes=self.episodes, symptoms=self.symptoms)
        for day in sorted(set(self.day_values) | set(self.twitching)):
            values = dict(self.day_values.get(day, {}))
            if "medicines" in values:
                values["medicines"] = list(dict.fromkeys(values["medicines"]))  # type: ignore[call-overload]
            free = self.twitching.get(day) is False
            if not values and not free:
                continue
            try:
                record = _valid(Day, {"uid": self.uid(f"day|{day}"), "day": day, "twitch_free": free, **values})
            except _SkipRowError as reason:
                self.skip(f"a day that {reason}", self.first_line.get(day, 0))
                continue
            data.days.append(record)
        self.result.episodes, self.result.symptoms = len(self.episodes), len(self.symptoms)
        self.result.days = len(data.days)
        return data

    def uid(self, key: str) -> str:
        """The same record of the same export, imported into the same profile again, has the same uid."""
        self.keys[key] += 1
        text = f"{self.result.tracker}\x00{self.profile}\x00{key}\x00{self.keys[key]}"
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()

    def when(self, day: dt.date, time: dt.time) -> dt.datetime:
        if day > self.today:
            raise _SkipRowError("a date in the future")
        return dt.datetime.combine(day, time)

    def rated(self, name: str, severity: int, at: dt.datetime, *, context: str) -> None:
        """One rating of a named symptom: twitching, a symptom the knowledge base knows, or not read."""
        plain = name.strip().lower()
        if TWITCHING.search(plain):
            self.twitch(name, severity, at, context=context)
        elif plain in KNOWN_SYMPTOMS:
            self.symptoms.append(
                _valid(
                    Symptom,
                    {
                        "uid": self.uid(f"symptom|{at}|{plain}"),
                        "symptom": KNOWN_SYMPTOMS[plain],
                        "present": severity > 0,
                        "at": at,
                    },
                )
            )
        elif plain in FLUID_LOSS and severity >= 2:
            self.symptoms.append(
                _valid(
                    Symptom,
                    {
                        "uid": self.uid(f"symptom|{at}|{plain}"),
                        "symptom": "recent_fluid_loss",
                        "present": True,
                        "at": at,
                    },
                )
            )
        elif plain == "stress" and severity > 0:
            values = self.values(at.date())
            values["stress"] = max(int(values.get("stress", 0)), STRESS_0_10[severity])
        elif plain not in FLUID_LOSS and plain != "stress":
            self.result.not_read[name.strip()] += 1

    def twitch(self, name: str, severity: int, at: dt.datetime, *, context: str) -> None:
        day = at.date()
        if severity == 0:
            self.twitching.setdefault(day, False)
            return
        self.twitching[day] = True
        site = _site_in(name) or self.place
        if site is None:
            self.result.placeless += 1
            return
        note = f"From {context}: {name.strip()[:200]}, rated {severity} of 4"
        self.episodes.append(_valid(Episode, {"uid": self.uid(f"episode|{at}|{name.strip().lower()}"), "at": at,
                                              "region": site.region, "side": site.side,
                                              "intensity": min(5, severity + 1), "note": note}))  # fmt: skip

    def medicine(self, day: dt.date, name: str) -> None:
        self.values(day).setdefault("medicines", []).append(name.strip()[:100])


class _Bearable(_Reader):
    def __init__(self, name: str, *, profile: str, today: dt.date, place: Site | None) -> None:
        super().__init__("bearable", name, profile=profile, today=today, place=place)

    def read(self, row: dict[str, str]) -> None:
        row = {name.lower(): value for name, value in row.items()}
        category = row.get("category", "")
        day = _bearable_date(row.get("date formatted") or row.get("date", ""))
        amount, detail = row.get("rating/amount", ""), row.get("detail", "")
        if category == "Symptom":
            self.symptom(day, row.get("time of day", ""), amount, detail)
        elif category == "Sleep":
            self.values(day)["sleep_h"] = _hours(amount)
        elif category == "Meds/Supplements":
            self.supplement(day, amount, detail)
        else:
            self.result.not_read[category or "(no category)"] += 1

    def symptom(self, day: dt.date, part: str, amount: str, detail: str) -> None:
        match = re.fullmatch(r"(.+?)\s*\((none|mild|moderate|severe|unbearable|extreme)\)", detail, re.IGNORECASE)
        name = match[1] if match else detail
        if not name:
            raise _SkipRowError("a symptom with no name")
        if match:
            severity = SEVERITY[match[2].lower()]
        elif amount.isdigit() and int(amount) <= 4:
            severity = int(amount)
        else:
            raise _SkipRowError("a symptom rating that is not none, mild, moderate, severe or unbearable")
        self.rated(name, severity, self.when(day, _time_of(part)), context="Bearable")

    def supplement(self, day: dt.date, amount: str, detail: str) -> None:
        match = re.fullmatch(r"(.+?)\s*\(([^)]*)\)", detail)
        name, unit = (match[1], match[2].strip().lower()) if match else (detail, "")
        if not name:
            raise _SkipRowError("a medicine with no name")
        if name.strip().lower() == "caffeine":
            if unit != "mg":
                raise _SkipRowError("caffeine in a unit other than mg")
            mg = _number(amount, "a caffeine amount that is not a number", "a caffeine amount out of range", 10_000)
            values = self.values(day)
            values["caffeine_mg"] = float(values.get("caffeine_mg", 0.0)) + mg
            return
        self.medicine(day, name)


class _Flaredown(_Reader):
    def __init__(self, name: str, *, profile: str, today: dt.date, place: Site | None) -> None:
        super().__init__("flaredown", name, profile=profile, today=today, place=place)

    def read(self, row: dict[str, str]) -> None:
        try:
            day = dt.date.fromisoformat(row.get("Date", ""))
        except ValueError:
            raise _SkipRowError("a date that is not YYYY-MM-DD") from None
        at = self.when(day, dt.time(12))
        ratings = [v for c, v in row.items() if c != "Date" and not FLAREDOWN_OTHER.match(c) and v.isdigit()]
        if any(int(value) > 4 for value in ratings):
            raise _SkipRowError("a rating above 4")  # (checked first, so a row skipped has no effect at all)
        for column, value in row.items():
            if column == "Date" or not value:
                continue
            if FLAREDOWN_OTHER.match(column):
                self.result.not_read[column.capitalize()] += 1
            elif value.isdigit():
                self.rated(column, int(value), at, context="Flaredown")
            elif value.lower() != "not taken":
                mg = re.fullmatch(r"(\d+(?:\.\d+)?)\s*mg", value.lower())
                if column.strip().lower() == "caffeine" and mg:
                    values = self.values(day)
                    values["caffeine_mg"] = float(values.get("caffeine_mg", 0.0)) + float(mg[1])
                else:
                    self.medicine(day, column)


def _site_in(name: str) -> Site | None:
    """The place a symptom's name gives ("Left calf twitching" -> left calf), or None."""
    words = TWITCHING.sub(" ", name.lower())
    words = re.sub(r"\b(?:muscle|muscles|twitches|spasms?|in|my|the|of)\b", " ", words)
    if not words.strip():
        return None
    try:
        return parse_sites(words)[0]
    except InputError:
        return None


def _bearable_date(text: str) -> dt.date:
    """ "2024-03-05", or Bearable's older "22nd Sep 2020"."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})", text)
    if match and match[2].lower() in _MONTHS:
        try:
            return dt.date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
        except ValueError:
            pass
    raise _SkipRowError("a date that is not one (expected 2024-03-05 or 22nd Sep 2020)")


def _time_of(part: str) -> dt.time:
    """Bearable's time of day: "14:08", or a part of the day ("am", "mid", "pm", "pre", "all day")."""
    part = part.strip().lower()
    if match := re.fullmatch(r"(\d{1,2}):(\d{2})", part):
        hour, minute = int(match[1]), int(match[2])
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
        raise _SkipRowError("a time of day that is not one")
    return PART_OF_DAY.get(part, dt.time(12))


def _hours(text: str) -> float:
    """Bearable's hours asleep: "7:30" (or "7.5")."""
    if match := re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip()):
        hours = int(match[1]) + int(match[2]) / 60
    else:
        hours = _number(text, "sleep with no hours", "sleep of more than 24 hours", 24)
    if not 0 <= hours <= 24:
        raise _SkipRowError("sleep of more than 24 hours")
    return round(hours, 2)


def _number(text: str, not_a_number: str, out_of_range: str, upper: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _SkipRowError(not_a_number) from None
    if not 0 <= value <= upper:  # (NaN fails this too)
        raise _SkipRowError(out_of_range)
    return value


R = TypeVar("R", Day, Episode, Symptom)


def _valid(kind: type[R], values: dict[str, Any]) -> R:
    """A record checked as every way into the diary checks it; a value it refuses skips the row."""
    try:
        record = msgspec.convert(values, type=kind)
        check_record(record, today=dt.date.max)
    except msgspec.ValidationError as error:
        raise _SkipRowError(f"has a value out of range ({str(error).split(' - at ')[0].lower()})") from None
    except InputError as error:
        raise _SkipRowError(f"has {error.field} {error.problem}") from None
    return record
