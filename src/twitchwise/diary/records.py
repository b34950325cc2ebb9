"""The diary's records as strict, validated shapes, independent of the database.

Every way into the diary — a CLI option, an imported file, the web API — goes through these
structs, so a bad value is refused with the same message naming the field, before anything is
written.  Times are the person's own wall-clock time (naive ``datetime``); a day is a local date.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Annotated, Any, Literal, TypeVar, cast

import msgspec

from twitchwise.answers import Region, Side
from twitchwise.errors import InputError, from_validation_message

Context = Literal["resting", "after_exercise", "in_bed", "other"]
ExerciseIntensity = Literal["light", "moderate", "vigorous"]
Kind = Literal["episode", "day", "symptom", "check", "experiment"]
ExperimentFactor = Literal["caffeine", "alcohol", "exercise"]
Arm = Literal["usual", "lower"]

# Notes keep newlines and tabs; other control characters (NUL above all) are refused.
_TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
Note = Annotated[str, msgspec.Meta(min_length=1, max_length=2000, pattern=_TEXT)]
Uid = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{32}$")]
UID = re.compile(r"^[0-9a-f]{32}$")
PROFILE_PATTERN = r"^[\w][\w .'-]*$"
MAX_PROFILE = 60
ProfileName = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PROFILE, pattern=PROFILE_PATTERN)]
MedicineName = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")]
SymptomId = Annotated[str, msgspec.Meta(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")]

PREFIX: dict[Kind, str] = {"episode": "e", "day": "d", "symptom": "s", "check": "c", "experiment": "x"}
PLAN_AHEAD = dt.timedelta(days=14)  # an experiment may be planned to start within two weeks
EARLIEST = dt.datetime(1900, 1, 1)


def new_uid() -> str:
    return uuid.uuid4().hex


class _Record(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    uid: Uid = msgspec.field(default_factory=new_uid)


class Episode(_Record, frozen=True, kw_only=True):
    """One bout of twitching at one site."""

    at: dt.datetime
    region: Region
    side: Side | None = None
    count: Annotated[int, msgspec.Meta(ge=0, le=100_000)] | None = None
    duration_s: Annotated[float, msgspec.Meta(ge=0, le=86_400)] | None = None
    intensity: Annotated[int, msgspec.Meta(ge=1, le=5)] | None = None
    context: Context | None = None
    note: Note | None = None


class Day(_Record, frozen=True, kw_only=True):
    """The daily factors of one date, and whether the day was twitch-free."""

    day: dt.date
    caffeine_mg: Annotated[float, msgspec.Meta(ge=0, le=10_000)] | None = None
    water_l: Annotated[float, msgspec.Meta(ge=0, le=20)] | None = None
    alcohol_units: Annotated[float, msgspec.Meta(ge=0, le=100)] | None = None
    nicotine: bool | None = None
    exercise_min: Annotated[float, msgspec.Meta(ge=0, le=1440)] | None = None
    exercise_intensity: ExerciseIntensity | None = None
    sleep_h: Annotated[float, msgspec.Meta(ge=0, le=24)] | None = None
    stress: Annotated[int, msgspec.Meta(ge=0, le=10)] | None = None
    mindful_min: Annotated[float, msgspec.Meta(ge=0, le=1440)] | None = None  # meditation, breathing
    medicines: Annotated[list[MedicineName], msgspec.Meta(max_length=50)] | None = None
    twitch_free: bool = False
    note: Note | None = None


class Symptom(_Record, frozen=True, kw_only=True):
    """A symptom the person noticed (present) or checked for and did not have (absent)."""

    symptom: SymptomId
    present: bool
    at: dt.datetime
    region: Region | None = None
    side: Side | None = None
    note: Note | None = None


class Check(_Record, frozen=True, kw_only=True):
    """A past check: the answers it was given and what it said."""

    at: dt.datetime
    disposition: Literal["emergency", "urgent", "routine", "self_care"]
    answers: dict[str, Any]
    result: dict[str, Any]


class Experiment(_Record, frozen=True, kw_only=True):
    """A self-experiment (n-of-1 trial): weeks of usual and lower exposure, in random order by pair."""

    day: dt.date  # the first day of week 1
    factor: ExperimentFactor
    weeks: Annotated[int, msgspec.Meta(ge=4, le=12, multiple_of=2)]
    schedule: list[Arm]
    stopped_on: dt.date | None = None
    note: Note | None = None


Record = Episode | Day | Symptom | Check | Experiment
KINDS: dict[Kind, type[Episode] | type[Day] | type[Symptom] | type[Check] | type[Experiment]] = {
    "episode": Episode, "day": Day, "symptom": Symptom, "check": Check, "experiment": Experiment,
}  # fmt: skip


def moment_of(record: Record) -> dt.datetime:
    """When a record belongs in time: a dated record at the start of its day."""
    if isinstance(record, Day | Experiment):
        return dt.datetime.combine(record.day, dt.time())
    return record.at


class Stored(msgspec.Struct, frozen=True):
    """A record as the diary holds it, with its short id (``e12``, ``d3``…)."""

    id: str
    kind: Kind
    record: Record


R = TypeVar("R", bound=_Record)


def build(kind: type[R], data: dict[str, Any], *, today: dt.date) -> R:
    """Validate ``data`` as a record of ``kind``; refuse naming the field, never the value.

    Strings are converted where the type is clear ("12" to 12, "true" to True), so a CSV
    row and a JSON object go through the same door.
    """
    try:
        record = msgspec.convert(data, type=kind, strict=False)
    except msgspec.ValidationError as error:
        raise from_validation_message(str(error), whole="record") from None
    check_record(cast(Record, record), today=today)
    return record


def check_record(record: Record, *, today: dt.date, where: str = "") -> None:
    """Rules a schema cannot express: no future entries, encodable text, consistent sides."""
    horizon = dt.datetime.combine(today, dt.time.max)
    moment = record.day if isinstance(record, Day | Experiment) else record.at
    field = "day" if isinstance(record, Day | Experiment) else "at"
    if isinstance(record, Experiment):
        _check_experiment(record, where)
        today = today + PLAN_AHEAD
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            raise InputError(f"{where}{field}", "expected a local time without a time zone")
        if not EARLIEST <= moment <= horizon:
            raise InputError(f"{where}{field}", "is in the future or before 1900")
    elif not EARLIEST.date() <= moment <= today:
        raise InputError(f"{where}{field}", "is in the future or before 1900")
    if isinstance(record, Check):
        _check_check(record, today=today, where=where)
    note = getattr(record, "note", None)  # a check record has none
    if isinstance(note, str):
        _encodable(note, f"{where}note")
    if isinstance(record, Day):
        for medicine in record.medicines or ():
            _encodable(medicine, f"{where}medicines")


def _check_check(record: Check, *, today: dt.date, where: str) -> None:
    """A stored check must be one twitchwise can show again: its answers as ``--answers`` takes
    them, its result the shape of an assessment with the same disposition (an imported check is
    otherwise a page, a report or an export that fails later)."""
    import msgspec

    from twitchwise.answers import answers_from_builtins
    from twitchwise.kb import load_knowledge_base
    from twitchwise.triage.assessment import Assessment

    try:
        answers_from_builtins(record.answers, today=today, symptom_ids=load_knowledge_base().symptom_ids)
    except InputError as error:
        raise InputError(f"{where}answers.{error.field}", error.problem) from None
    try:
        result = msgspec.convert(record.result, Assessment)
    except msgspec.ValidationError as error:
        raise InputError(
            f"{where}result", f"is not a twitchwise assessment ({str(error).split(' - at ')[0]})"
        ) from None
    if result.disposition != record.disposition:
        raise InputError(f"{where}disposition", "differs from the result's disposition")


def _check_experiment(record: Experiment, where: str) -> None:
    if len(record.schedule) != record.weeks:
        raise InputError(f"{where}schedule", "needs one arm (usual or lower) a week")
    for first, second in zip(record.schedule[::2], record.schedule[1::2], strict=True):
        if {first, second} != {"usual", "lower"}:
            raise InputError(f"{where}schedule", "each pair of weeks must have one usual and one lower week")
    if record.stopped_on is not None and record.stopped_on < record.day:
        raise InputError(f"{where}stopped_on", "is before the experiment began")


def _encodable(text: str, field: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(field, "is not valid UTF-8 text") from None
