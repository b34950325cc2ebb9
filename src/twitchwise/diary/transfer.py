"""Export and import, lossless both ways: JSON (one file) and CSV (a file per kind of record).

Import is all or nothing.  Every row is validated through :mod:`twitchwise.diary.records`
before the first write, and a problem is reported with its file, line and column (CSV) or its
line, column and path (JSON) — never with the value.  Records carry their ``uid``, so importing
the same file twice adds nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from twitchwise.diary.records import (
    KINDS,
    Check,
    Day,
    Episode,
    Experiment,
    Kind,
    Record,
    Symptom,
    build,
    check_record,
    moment_of,
)  # fmt: skip
from twitchwise.diary.schema import ROWS, DayRow
from twitchwise.diary.store import Store
from twitchwise.errors import InputError
from twitchwise.files import write_private

FORMAT = "twitchwise-diary"
VERSION = 1
_PLURAL: dict[Kind, str] = {
    "episode": "episodes", "day": "days", "symptom": "symptoms", "check": "checks", "experiment": "experiments",
}  # fmt: skip
FILES: dict[Kind, str] = {kind: f"{plural}.csv" for kind, plural in _PLURAL.items()}
_JSON_CELLS = {"medicines", "answers", "result", "schedule"}
MAX_JSON_BYTES = 256 * 1024 * 1024
# Objects and lists a JSON import may hold: decoded, each costs memory (an empty "{}" about 20 times its
# size), so this bounds what a hostile file can take. A FHIR entry holds about 28, a native record fewer:
# room for some 70,000 FHIR entries or far more native records, decades of a busy diary.
MAX_CONTAINERS = 2_000_000


class ProfileData(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: str
    episodes: list[Episode] = msgspec.field(default_factory=list)
    days: list[Day] = msgspec.field(default_factory=list)
    symptoms: list[Symptom] = msgspec.field(default_factory=list)
    checks: list[Check] = msgspec.field(default_factory=list)
    experiments: list[Experiment] = msgspec.field(default_factory=list)

    def records(self) -> Iterator[tuple[Kind, Record]]:
        for kind in KINDS:
            for record in getattr(self, _PLURAL[kind]):
                yield kind, record


class ExportFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    format: str
    version: int
    profiles: list[ProfileData]


class ImportCounts(msgspec.Struct):
    added: dict[str, int]
    skipped: int
    not_read: dict[str, int] = msgspec.field(default_factory=dict)  # (FHIR) what was not read, and why


# --- export -----------------------------------------------------------------------------


def export_data(store: Store, profiles: Sequence[str], *, session: Session | None = None) -> ExportFile:
    exported = []
    for name in profiles:
        entries = store.diary(name).list(session=session)
        data = ProfileData(name=name)
        for stored in sorted(entries, key=lambda s: (moment_of(s.record), s.record.uid)):
            getattr(data, _PLURAL[stored.kind]).append(stored.record)
        exported.append(data)
    return ExportFile(format=FORMAT, version=VERSION, profiles=exported)


def export_json(store: Store, profiles: Sequence[str], *, session: Session | None = None) -> bytes:
    return msgspec.json.format(msgspec.json.encode(export_data(store, profiles, session=session)), indent=1)


def export_fhir(store: Store, profile: str, *, now: dt.datetime) -> bytes:
    """One profile's diary as a FHIR R4 Bundle (JSON), checked against FHIR and the symptom profile first."""
    from twitchwise.diary.fhir import to_bundle, validate

    bundle = to_bundle(export_data(store, [profile]).profiles[0], now=now)
    validate(bundle)
    return msgspec.json.format(msgspec.json.encode(bundle), indent=1)


def export_csv(store: Store, profile: str, folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise InputError("--out", "is a file; a CSV export needs a folder")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = export_data(store, [profile]).profiles[0]
    written = []
    for kind, name in FILES.items():
        buffer = io.StringIO()
        columns = list(KINDS[kind].__struct_fields__)
        writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)  # a lone CR stays inside its cell
        writer.writerow(columns)
        for record in getattr(data, _PLURAL[kind]):
            values = msgspec.to_builtins(record)
            writer.writerow([_cell(column, values.get(column)) for column in columns])
        write_private(folder / name, buffer.getvalue().encode("utf-8"))
        written.append(folder / name)
    return written


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column in _JSON_CELLS:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text  # a spreadsheet would run "=…", "+…", "-…", "@…" as a formula; import takes it off
    return text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


# --- import -----------------------------------------------------------------------------


def import_path(store: Store, path: Path, *, profile: str, today: dt.date) -> ImportCounts:
    if path.is_dir():
        return write(store, read_csv_folder(path, profile=profile, today=today))
    if not path.is_file():
        raise InputError("path", "no such file or folder")
    for kind, name in FILES.items():
        if path.name == name:
            data = ProfileData(name=profile)
            getattr(data, _PLURAL[kind]).extend(_read_csv(path, kind, today=today))
            return write(store, [data])
    notes: Counter[str] = Counter()
    counts = write(store, read_json(path, profile=profile, today=today, notes=notes))
    counts.not_read = dict(notes.most_common())
    return counts


def read_json(path: Path, *, profile: str, today: dt.date, notes: Counter[str] | None = None) -> list[ProfileData]:
    if path.stat().st_size > MAX_JSON_BYTES:
        raise InputError(path.name, "is larger than 256 MB; that is not a twitchwise export")
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise InputError(f"{path.name} line {line}", "is not UTF-8 text") from None
    if raw.count(b"{") + raw.count(b"[") > MAX_CONTAINERS:
        problem = f"holds more than {MAX_CONTAINERS:,} objects and lists; no diary export is that big"
        raise InputError(path.name, problem)
    try:
        return _decoded(path.name, raw, profile=profile, today=today, notes=notes)
    except RecursionError:
        raise InputError(path.name, "is nested too deeply to be a diary export") from None


def _decoded(
    name: str, raw: bytes, *, profile: str, today: dt.date, notes: Counter[str] | None = None
) -> list[ProfileData]:
    kind = _fhir_type(raw)
    if kind is not None:
        from twitchwise.diary.fhir import from_bundle

        try:
            resource = msgspec.json.decode(raw)
        except msgspec.DecodeError as error:
            raise _json_syntax(name, raw, str(error)) from None
        # a lone resource (an Observation sent on its own) is read as a bundle of one
        bundle = resource if kind == "Bundle" else {"resourceType": "Bundle", "type": "collection",
                                                      "entry": [{"resource": resource}]}  # fmt: skip
        return [from_bundle(bundle, profile=profile, today=today, name=name, notes=notes)]
    try:
        data = msgspec.json.decode(raw, type=ExportFile, strict=False)
    except msgspec.ValidationError as error:
        raise _json_problem(name, raw, str(error)) from None
    except msgspec.DecodeError as error:
        raise _json_syntax(name, raw, str(error)) from None
    if data.format != FORMAT:
        raise InputError(f"{name}: format", f"expected {FORMAT!r}: this is not a twitchwise diary export")
    if data.version != VERSION:
        raise InputError(f"{name}: version", f"this twitchwise reads version {VERSION} exports")
    for number, profile_data in enumerate(data.profiles):
        for kind in KINDS:
            for index, record in enumerate(getattr(profile_data, _PLURAL[kind])):
                try:
                    check_record(record, today=today)
                except InputError as error:
                    where = f"profiles[{number}].{_PLURAL[kind]}[{index}].{error.field}"
                    raise InputError(f"{name}: {where}", error.problem) from None
    if len(data.profiles) == 1:
        data.profiles[0].name = profile
    return data.profiles


def _fhir_type(raw: bytes) -> str | None:
    """The FHIR resource type at the top (``"resourceType": "Bundle"``, or a lone resource's), told apart without a
    second full parse; None for a twitchwise export."""

    class Sniff(msgspec.Struct):
        resourceType: str | None = None  # noqa: N815 - FHIR's own key

    try:
        kind = msgspec.json.decode(raw, type=Sniff).resourceType
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None
    return kind if kind and kind[:1].isupper() and kind.isalnum() else None


def read_csv_folder(folder: Path, *, profile: str, today: dt.date) -> list[ProfileData]:
    present = {kind: folder / name for kind, name in FILES.items() if (folder / name).is_file()}
    if not present:
        raise InputError(folder.name or "path", f"no {', '.join(FILES.values())} in this folder")
    data = ProfileData(name=profile)
    for kind, path in present.items():
        getattr(data, _PLURAL[kind]).extend(_read_csv(path, kind, today=today))
    return [data]


def _read_csv(path: Path, kind: Kind, *, today: dt.date) -> Iterator[Record]:
    columns = list(KINDS[kind].__struct_fields__)
    reader: Any = None
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                raise InputError(f"{path.name} line 1", "the file is empty; expected a header row")
            for position, name in enumerate(header, start=1):
                if name not in columns:
                    raise InputError(f"{path.name} line 1, column {position}", "unknown column")
            missing = [c for c in ("uid", *_required(kind)) if c not in header]
            if missing:
                raise InputError(f"{path.name} line 1", f"the column {missing[0]!r} is missing")
            for row in reader:
                line = reader.line_num
                if not row:
                    continue
                if len(row) != len(header):
                    raise InputError(f"{path.name} line {line}", f"expected {len(header)} cells, found {len(row)}")
                yield _row_record(path.name, line, kind, header, row, today)
    except csv.Error:
        line = max(1, reader.line_num if reader is not None else 1)
        raise InputError(f"{path.name} line {line}", "not valid CSV (an unclosed quote or a stray byte)") from None
    except UnicodeDecodeError:
        line = (reader.line_num if reader is not None else 0) + 1
        raise InputError(f"{path.name} line {line}", "not UTF-8 text") from None
    except OSError as error:
        raise InputError(path.name, f"cannot be read ({error.strerror})") from None


def _row_record(name: str, line: int, kind: Kind, header: list[str], row: list[str], today: dt.date) -> Record:
    values: dict[str, Any] = {}
    for column, cell in zip(header, row, strict=True):
        if cell == "":
            continue
        if column in _JSON_CELLS:
            try:
                values[column] = json.loads(cell)
            except (ValueError, RecursionError):
                raise InputError(f"{name} line {line}, column {column}", "expected JSON in this cell") from None
        else:
            values[column] = cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell
    try:
        return build(KINDS[kind], values, today=today)
    except InputError as error:
        column = error.field.split(".")[0].split("[")[0]
        raise InputError(f"{name} line {line}, column {column}", error.problem) from None


def _required(kind: Kind) -> list[str]:
    import msgspec.inspect

    info = msgspec.inspect.type_info(KINDS[kind])
    assert isinstance(info, msgspec.inspect.StructType)
    return [field.name for field in info.fields if field.required]


def write(store: Store, profiles: Iterable[ProfileData]) -> ImportCounts:
    """Add every record not already present (by uid, and for day records by date), in one transaction."""
    added: dict[str, int] = {}
    skipped = 0
    with store.session() as session:
        known = {kind: set(session.scalars(select(table.uid))) for kind, table in ROWS.items()}
        for data in profiles:
            owner = store.diary(data.name).owner_id(session)
            dated = set(session.scalars(select(DayRow.day).where(DayRow.profile_id == owner)))
            for kind, record in data.records():
                if record.uid in known[kind] or (isinstance(record, Day) and record.day in dated):
                    skipped += 1
                    continue
                known[kind].add(record.uid)
                if isinstance(record, Day):
                    dated.add(record.day)
                session.add(ROWS[kind](profile_id=owner, **msgspec.structs.asdict(record)))
                added[kind] = added.get(kind, 0) + 1
    return ImportCounts(added, skipped)


def _position(raw: bytes, offset: int) -> str:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return f"line {line}, column {column}"


def _json_syntax(name: str, raw: bytes, message: str) -> InputError:
    import re

    match = re.search(r"byte (\d+)", message)
    offset = int(match.group(1)) if match else 0
    return InputError(f"{name} {_position(raw, offset)}", "not valid JSON (truncated, or not a twitchwise export)")


def _json_problem(name: str, raw: bytes, message: str) -> InputError:
    from twitchwise.errors import from_validation_message

    problem = from_validation_message(message, whole="file")
    return InputError(f"{name}: {problem.field}", problem.problem)
