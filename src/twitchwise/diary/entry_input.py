"""What a person types for a diary entry — CLI options or web form fields — as record fields.

One code path for every surface: each function takes the raw text keyed by field name and a
``label`` that names a field the way that surface shows it (``--caffeine`` in the CLI,
``caffeine`` on the web), so a refusal always names the box or option to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from twitchwise.errors import InputError

if TYPE_CHECKING:
    from twitchwise.kb.models import KnowledgeBase

Raw = Mapping[str, Any]  # field name -> the text typed (a list for repeatable fields), or None
Label = Callable[[str], str]

CONTEXTS = ("resting", "after_exercise", "in_bed", "other")
INTENSITIES = ("light", "moderate", "vigorous")
EPISODE_FIELDS = frozenset({"at", "region", "side", "count", "duration_s", "intensity", "context", "note"})
DAY_FACTORS = ("caffeine", "water", "alcohol", "exercise", "sleep", "stress")
EDITABLE = {
    "episode": EPISODE_FIELDS,
    "day": frozenset(
        {"caffeine_mg", "water_l", "alcohol_units", "exercise_min", "sleep_h", "stress", "nicotine", "note"}
    ),
    "symptom": frozenset({"at", "region", "side", "note", "present"}),
    "check": frozenset(),
    "experiment": frozenset({"note"}),
}
RECORD_FIELD_INPUT = {
    "region": "site", "side": "site", "duration_s": "duration", "caffeine_mg": "caffeine", "water_l": "water",
    "alcohol_units": "alcohol", "exercise_min": "exercise", "sleep_h": "sleep", "present": "symptom_present",
}  # fmt: skip


def plain(name: str) -> str:
    return name


def episode_fields(raw: Raw, *, now: dt.datetime, editing: bool = False, label: Label = plain) -> dict[str, Any]:
    """An episode's fields; when not editing, the time defaults to now."""
    from twitchwise.diary.when import parse_moment

    fields: dict[str, Any] = {}
    if _given(raw, "site"):
        fields.update(one_site(raw["site"], label("site")))
    if _given(raw, "at"):
        fields["at"] = parse_moment(raw["at"], now=now, field=label("at"))
    elif not editing:
        fields["at"] = now.replace(microsecond=0)
    if _given(raw, "count"):
        fields["count"] = integer(raw["count"], label("count"))
    if _given(raw, "duration"):
        fields["duration_s"] = seconds(raw["duration"], label("duration"))
    if _given(raw, "intensity"):
        fields["intensity"] = integer(raw["intensity"], label("intensity"))
    if _given(raw, "context"):
        fields["context"] = choice(raw["context"], CONTEXTS, label("context"))
    if raw.get("note") is not None:
        fields["note"] = raw["note"]
    return fields


def day_fields(raw: Raw, *, today: dt.date, kb: KnowledgeBase, label: Label = plain) -> dict[str, Any]:
    """A day record's fields; refused when no factor at all is given."""
    fields: dict[str, Any] = {"day": day(raw.get("date"), today=today, field=label("date"))}
    fields.update(factor_fields(raw, kb=kb, label=label))
    if _given(raw, "nicotine"):
        fields["nicotine"] = choice(raw["nicotine"], ("yes", "no"), label("nicotine")) == "yes"
    if _given(raw, "exercise_intensity"):
        fields["exercise_intensity"] = choice(raw["exercise_intensity"], INTENSITIES, label("exercise_intensity"))
    medicines = [" ".join(str(name).split()) for name in (raw.get("medicine") or ()) if str(name).strip()]
    if medicines:
        fields["medicines"] = medicines
    if raw.get("note") is not None:
        fields["note"] = raw["note"]
    if len(fields) == 1:
        raise InputError(label("day"), "give at least one factor, for example caffeine '3 cups' or sleep 6h")
    return fields


def factor_fields(raw: Raw, *, kb: KnowledgeBase, label: Label = plain) -> dict[str, Any]:
    """The numeric daily factors, each in the words people use ("3 cups", "6h30", "1.5L")."""
    from twitchwise.diary import quantities

    converters: dict[str, tuple[str, Callable[[str, str], float | int]]] = {
        "caffeine": ("caffeine_mg", lambda t, f: round(quantities.caffeine_mg(t, kb, f), 1)),
        "water": ("water_l", lambda t, f: round(quantities.water_litres(t, kb, f), 3)),
        "alcohol": ("alcohol_units", number),
        "exercise": ("exercise_min", lambda t, f: round(quantities.minutes(t, f), 1)),
        "sleep": ("sleep_h", lambda t, f: round(quantities.hours(t, f), 2)),
        "stress": ("stress", integer),
    }
    return {
        field: convert(raw[name], label(name)) for name, (field, convert) in converters.items() if _given(raw, name)
    }


def symptom_fields(raw: Raw, *, now: dt.datetime, kb: KnowledgeBase, label: Label = plain) -> dict[str, Any]:
    from twitchwise.diary.when import parse_moment

    symptom = str(raw.get("symptom") or "").strip()
    if symptom not in kb.symptoms:
        raise InputError(label("symptom"), "unknown symptom id (see `twitchwise kb symptoms`)")
    fields: dict[str, Any] = {
        "symptom": symptom,
        "present": not raw.get("absent"),
        "at": parse_moment(raw["at"], now=now, field=label("at")) if _given(raw, "at") else now.replace(microsecond=0),
    }
    if _given(raw, "site"):
        fields.update(one_site(raw["site"], label("site")))
    if raw.get("note") is not None:
        fields["note"] = raw["note"]
    return fields


def edit_changes(kind: str, raw: Raw, *, now: dt.datetime, kb: KnowledgeBase, label: Label = plain) -> dict[str, Any]:
    """The fields to change on a record of ``kind``; refuses a field that does not apply to it."""
    changes = episode_fields(raw, now=now, editing=True, label=label)
    changes.update(factor_fields(raw, kb=kb, label=label))
    if _given(raw, "nicotine"):
        changes["nicotine"] = choice(raw["nicotine"], ("yes", "no"), label("nicotine")) == "yes"
    if _given(raw, "symptom_present"):
        changes["present"] = choice(raw["symptom_present"], ("yes", "no"), label("symptom_present")) == "yes"
    refuse_uneditable(kind, changes, lambda field: label(RECORD_FIELD_INPUT.get(field, field)))
    if not changes:
        raise InputError(label("edit"), "give at least one field to change, for example a count of 5")
    return changes


def refuse_uneditable(kind: str, fields: Iterable[str], label: Label = plain) -> None:
    """Refuse, naming it, the first field that a record of ``kind`` does not have or cannot change."""
    wrong = sorted(set(fields) - EDITABLE[kind])
    if wrong:
        raise InputError(label(wrong[0]), f"does not apply to a {kind} record")


# --- the small parsers ---------------------------------------------------------------------


def one_site(text: str, field: str = "site") -> dict[str, Any]:
    from twitchwise.sites import parse_sites

    try:
        sites = parse_sites(str(text).replace("-", " ").replace("_", " "))
    except InputError as error:
        raise InputError(field, error.problem) from None
    if len(sites) != 1:
        raise InputError(field, "name one place per entry (log each place separately)")
    return {"region": sites[0].region, "side": sites[0].side}


def integer(text: str, field: str) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise InputError(field, "expected a whole number") from None


def number(text: str, field: str) -> float:
    try:
        value = float(str(text).strip())
    except ValueError:
        raise InputError(field, "expected a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(field, "expected a number")
    return value


def seconds(text: str, field: str = "duration") -> float:
    """ "30s", "45 sec", "2 min", "1h" → seconds; a bare number is seconds."""
    from twitchwise.diary import quantities

    cleaned = str(text).strip().lower()
    for suffix in ("seconds", "second", "secs", "sec", "s"):
        if cleaned.endswith(suffix) and cleaned[: -len(suffix)].strip().replace(".", "", 1).isdigit():
            return number(cleaned[: -len(suffix)], field)
    if cleaned.replace(".", "", 1).isdigit():
        return number(cleaned, field)
    return quantities.minutes(cleaned, field) * 60


def choice(text: str, allowed: Sequence[str], field: str) -> str:
    value = str(text).strip().lower().replace("-", "_").replace(" ", "_")
    if value not in allowed:
        raise InputError(field, "expected one of " + ", ".join(a.replace("_", " ") for a in allowed))
    return value


def day(text: str | None, *, today: dt.date, field: str = "date") -> dt.date:
    from twitchwise.diary.when import parse_day

    return today if text is None else parse_day(str(text), today=today, field=field)


def _given(raw: Raw, name: str) -> bool:
    return raw.get(name) is not None
