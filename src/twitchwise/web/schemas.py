"""The shapes of the JSON API, and their OpenAPI schemas — generated from the same msgspec
structs the core validates with, so the documentation cannot drift from the code."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec

from twitchwise.answers import MAX_DESCRIPTION, Answers
from twitchwise.diary import records
from twitchwise.diary.records import Stored
from twitchwise.diary.summary import DaySummary
from twitchwise.insights.report import Insights
from twitchwise.triage.assessment import Assessment, DiaryAdvice

REF = "#/components/schemas/{name}"


class ErrorOut(msgspec.Struct, frozen=True):
    """Every 4xx: which field is wrong and why — never the value sent."""

    field: str
    problem: str


class Health(msgspec.Struct, frozen=True):
    status: str
    version: str


class EpisodeEntry(records.Episode, frozen=True, kw_only=True, tag="episode", tag_field="kind"):
    id: str
    advice: DiaryAdvice | None = None  # after a write: what the diary alone now says


class DayEntry(records.Day, frozen=True, kw_only=True, tag="day", tag_field="kind"):
    id: str
    advice: DiaryAdvice | None = None  # after a write: what the diary alone now says


class SymptomEntry(records.Symptom, frozen=True, kw_only=True, tag="symptom", tag_field="kind"):
    id: str
    advice: DiaryAdvice | None = None  # after a write: what the diary alone now says


class CheckEntry(records.Check, frozen=True, kw_only=True, tag="check", tag_field="kind"):
    id: str
    advice: DiaryAdvice | None = None  # after a write: what the diary alone now says


class ExperimentEntry(records.Experiment, frozen=True, kw_only=True, tag="experiment", tag_field="kind"):
    id: str
    advice: DiaryAdvice | None = None  # after a write: what the diary alone now says


Entry = EpisodeEntry | DayEntry | SymptomEntry | CheckEntry | ExperimentEntry
_ENTRY_TYPES = {
    "episode": EpisodeEntry, "day": DayEntry, "symptom": SymptomEntry, "check": CheckEntry,
    "experiment": ExperimentEntry,
}  # fmt: skip


class DiaryListing(msgspec.Struct, frozen=True):
    entries: list[Entry]
    days: list[DaySummary]  # episodes null: nothing recorded that day (unknown, not zero)
    recorded_days: int
    episodes: int
    by_site: dict[str, int]


class TwitchFreeIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    day: dt.date | None = None


class EpisodeIn(records.Episode, frozen=True, kw_only=True):
    """An episode to log: the record's fields (``uid`` optional; give one to make retries safe)."""


class DayIn(records.Day, frozen=True, kw_only=True):
    """A day's factors; a second one for the same date fills in or updates it."""


class SymptomIn(records.Symptom, frozen=True, kw_only=True):
    """A symptom, present or checked and absent."""


class EntryChanges(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """Fields to change on an entry; only those that apply to its kind are accepted."""

    at: dt.datetime | None = None
    region: Any = None
    side: Any = None
    count: int | None = None
    duration_s: float | None = None
    intensity: int | None = None
    context: str | None = None
    note: str | None = None
    caffeine_mg: float | None = None
    water_l: float | None = None
    alcohol_units: float | None = None
    exercise_min: float | None = None
    sleep_h: float | None = None
    stress: int | None = None
    nicotine: bool | None = None
    present: bool | None = None


class TextBody(msgspec.Struct, forbid_unknown_fields=True):
    """A person's own description of the twitching, or a question about it."""

    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_DESCRIPTION)]


def entry(stored: Stored, advice: DiaryAdvice | None = None) -> Entry:
    """A stored record as the API shows it: its fields, its kind, its short id, and after a write the advice."""
    data = msgspec.structs.asdict(stored.record)
    return _ENTRY_TYPES[stored.kind](id=stored.id, advice=advice, **data)  # type: ignore[no-any-return]


def components() -> dict[str, Any]:
    """JSON Schemas of every API shape, as OpenAPI components."""
    shapes: list[Any] = [
        Answers, Assessment, ErrorOut, Health, Entry, DiaryListing, TwitchFreeIn, EpisodeIn, DayIn, SymptomIn,
        EntryChanges, Insights, TextBody,
    ]  # fmt: skip
    _, found = msgspec.json.schema_components(shapes, ref_template=REF)
    return found


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF.format(name=name)}


def json_body(name: str) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": ref(name)}}}}


def json_response(name: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ref(name)}}}


def entry_response(description: str) -> dict[str, Any]:
    names = ["EpisodeEntry", "DayEntry", "SymptomEntry", "CheckEntry", "ExperimentEntry"]
    mapping = {kind: REF.format(name=name) for kind, name in zip(_ENTRY_TYPES, names, strict=True)}
    schema = {"oneOf": [ref(n) for n in names], "discriminator": {"propertyName": "kind", "mapping": mapping}}
    return {"description": description, "content": {"application/json": {"schema": schema}}}
