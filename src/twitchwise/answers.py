"""The structured answers of a check: the shape of ``--answers`` and of ``understood``.

A missing key means "not asked / not known"; ``false`` means "asked, and no".  A symptom
set to ``null`` means "not sure", which is also unknown: it is asked again, never read as no.
"""

# No ``from __future__ import annotations`` here: msgspec then reads these fields' types as
# objects instead of evaluating strings on the first decode, about a millisecond of every one-shot check.

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal

import msgspec

from twitchwise.errors import InputError, from_validation_message

Region = Literal[
    "eyelid", "face", "tongue", "neck", "shoulder", "upper_arm", "forearm", "hand",
    "chest", "abdomen", "back", "buttock", "thigh", "knee", "calf", "shin", "foot",
    "widespread",
]  # fmt: skip
Side = Literal["left", "right", "both", "midline"]
Sex = Literal["female", "male", "other"]

_NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
MedicineName = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=_NO_CONTROL)]
SymptomId = Annotated[str, msgspec.Meta(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")]

MAX_SITES = 30
MAX_MEDICINES = 50
MAX_DESCRIPTION = 10_000
"""Characters of a description the guided check, the web form and the API take."""


class Site(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Where the twitching is: a body region and, when known, a side."""

    region: Region
    side: Side | None = None


class Answers(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Everything a check knows about the person.  Every field is optional."""

    age: Annotated[int, msgspec.Meta(ge=0, le=120)] | None = None
    sex: Sex | None = None
    pregnant: bool | None = None
    weight_kg: Annotated[float, msgspec.Meta(ge=2, le=400)] | None = None
    sites: Annotated[list[Site], msgspec.Meta(max_length=MAX_SITES)] | None = None
    duration_days: Annotated[int, msgspec.Meta(ge=0, le=36500)] | None = None
    started_on: dt.date | None = None
    symptoms: dict[SymptomId, Any] = msgspec.field(default_factory=dict)  # checked in check_answers
    caffeine_mg_per_day: Annotated[float, msgspec.Meta(ge=0, le=10000)] | None = None
    water_litres_per_day: Annotated[float, msgspec.Meta(ge=0, le=20)] | None = None
    alcohol_units_per_week: Annotated[float, msgspec.Meta(ge=0, le=500)] | None = None
    nicotine: bool | None = None
    sleep_hours: Annotated[float, msgspec.Meta(ge=0, le=24)] | None = None
    stress_0_10: Annotated[int, msgspec.Meta(ge=0, le=10)] | None = None
    recent_intense_exercise: bool | None = None
    medications: Annotated[list[MedicineName], msgspec.Meta(max_length=MAX_MEDICINES)] | None = None
    recent_viral_illness: bool | None = None
    back_or_neck_pain: bool | None = None
    balanced_diet: bool | None = None

    def symptom(self, symptom_id: str) -> bool | None:
        """True (present), False (asked, absent) or None (not asked or not sure)."""
        value = self.symptoms.get(symptom_id)
        return value if isinstance(value, bool) else None

    def with_updates(self, **changes: object) -> "Answers":
        return msgspec.structs.replace(self, **changes)

    def with_symptom(self, symptom_id: str, value: bool | None) -> "Answers":
        return self.with_updates(symptoms={**self.symptoms, symptom_id: value})


def parse_answers(raw: bytes | str, *, today: dt.date, symptom_ids: frozenset[str] | None = None) -> Answers:
    """Decode one JSON object of answers strictly, or raise ``InputError`` naming the field."""
    try:
        answers = msgspec.json.decode(raw, type=Answers, strict=True)
    except msgspec.ValidationError as error:
        raise from_validation_message(str(error)) from None
    except msgspec.DecodeError:
        raise InputError("answers", "not valid JSON (expected one JSON object)") from None
    return check_answers(answers, today=today, symptom_ids=symptom_ids)


def answers_from_builtins(data: object, *, today: dt.date, symptom_ids: frozenset[str] | None = None) -> Answers:
    """Validate answers that arrive as Python objects (from an interview or an API)."""
    try:
        answers = msgspec.convert(data, type=Answers, strict=True)
    except msgspec.ValidationError as error:
        raise from_validation_message(str(error)) from None
    return check_answers(answers, today=today, symptom_ids=symptom_ids)


def check_answers(answers: Answers, *, today: dt.date, symptom_ids: frozenset[str] | None = None) -> Answers:
    """Cross-field checks that a schema cannot express; fills ``duration_days`` from a date."""
    for symptom_id, value in answers.symptoms.items():
        if value is not None and not isinstance(value, bool):
            raise InputError(f"symptoms.{symptom_id}", "expected true, false or null (not sure)")
    if symptom_ids is not None:
        for symptom_id in answers.symptoms:
            if symptom_id not in symptom_ids:
                raise InputError(f"symptoms.{symptom_id}", "unknown symptom id (see `twitchwise kb symptoms`)")
    if answers.started_on is not None:
        if answers.started_on > today:
            raise InputError("started_on", "is in the future")
        days = (today - answers.started_on).days
        if answers.duration_days is not None and abs(answers.duration_days - days) > 1:
            raise InputError("duration_days", "does not agree with started_on; give one of them")
        answers = answers.with_updates(duration_days=days)
    if answers.pregnant and answers.sex == "male":
        raise InputError("pregnant", "cannot be true when sex is male")
    return answers


def overlay(base: Answers, update: Answers, *, today: dt.date, symptom_ids: frozenset[str]) -> Answers:
    """``base`` with every answer ``update`` gives laid over it (symptoms merged one by one)."""
    data = {**to_builtins(base), **to_builtins(update), "symptoms": {**base.symptoms, **update.symptoms}}
    return answers_from_builtins(data, today=today, symptom_ids=symptom_ids)


def beyond(answers: Answers, base: Answers, *, today: dt.date, symptom_ids: frozenset[str]) -> Answers:
    """What ``answers`` says that ``base`` did not: the person's own answers, without what the
    diary had already filled in (so a result can tell "you said" from "your diary shows")."""
    given, known = to_builtins(answers), to_builtins(base)
    data = {key: value for key, value in given.items() if key != "symptoms" and known.get(key) != value}
    symptoms = {s: v for s, v in answers.symptoms.items() if s not in base.symptoms or base.symptoms[s] != v}
    if symptoms:
        data["symptoms"] = symptoms
    return answers_from_builtins(data, today=today, symptom_ids=symptom_ids)


def to_builtins(answers: Answers) -> dict[str, object]:
    """The answers as plain JSON-ready data, missing keys left out."""
    data = msgspec.to_builtins(answers)
    assert isinstance(data, dict)
    if not data.get("symptoms"):
        data.pop("symptoms", None)
    return data


def place_count(sites: list[Site]) -> int:
    """How many places twitch: a side of "both" counts twice, "widespread" counts as many.

    Both eyelids are one place: twitching of both eyelids is the common benign eyelid
    twitch, which the knowledge base gives its own thresholds.
    """
    places: set[tuple[str, str]] = set()
    for site in sites:
        if site.region == "widespread":
            return WIDESPREAD_PLACES
        if site.side == "both" and site.region != "eyelid":
            places.update({(site.region, "left"), (site.region, "right")})
        else:
            places.add((site.region, "both" if site.region == "eyelid" else site.side or "?"))
    return len(places)


WIDESPREAD_PLACES = 99


def said_by_person(answers: Mapping[str, object]) -> dict[str, object]:
    """The person's own answers by question id (symptoms flattened), to tell them from the diary's."""
    flat = {key: value for key, value in answers.items() if key != "symptoms"}
    symptoms = answers.get("symptoms")
    if isinstance(symptoms, Mapping):
        flat.update(symptoms)
    return flat
