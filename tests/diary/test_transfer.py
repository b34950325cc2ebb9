"""Export and import: lossless round trips on both databases, idempotence, all-or-nothing refusals."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import TODAY
from tests.diary.records_strategies import diaries
from twitchwise.diary.records import Episode
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import ProfileData, export_csv, export_json, import_path, write
from twitchwise.errors import InputError

_names = itertools.count()
ROUND_TRIP = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def _sorted(data: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {kind: sorted(records, key=lambda r: r.uid) for kind, records in data.items()}


@pytest.fixture
def second_store(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """Another empty database of the same kind, to import into."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'second.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres").new_database()
    with Store(url) as opened:
        yield opened


@ROUND_TRIP
@given(diaries)
def test_json_round_trip_is_lossless(store: Store, second_store: Store, tmp_path: Path, data: dict[str, Any]) -> None:
    name = f"p{next(_names)}"
    write(store, [ProfileData(name=name, **data)])
    exported = export_json(store, [name])
    path = tmp_path / f"{name}.json"
    path.write_bytes(exported)
    import_path(second_store, path, profile=name, today=TODAY)
    assert export_json(second_store, [name]) == exported
    back = json.loads(exported)["profiles"][0]
    assert len(back["episodes"]) == len(data["episodes"]) and len(back["checks"]) == len(data["checks"])
    listed = {kind: [s.record for s in second_store.diary(name).list(kinds=(kind,))] for kind in ("episode",)}
    assert _sorted({"episode": listed["episode"]}) == _sorted({"episode": data["episodes"]})


@ROUND_TRIP
@given(diaries)
def test_csv_round_trip_is_lossless(store: Store, second_store: Store, tmp_path: Path, data: dict[str, Any]) -> None:
    name = f"p{next(_names)}"
    write(store, [ProfileData(name=name, **data)])
    folder = tmp_path / name
    export_csv(store, name, folder)
    import_path(second_store, folder, profile=name, today=TODAY)
    assert export_json(second_store, [name]) == export_json(store, [name])


def test_importing_twice_adds_nothing(store: Store, tmp_path: Path) -> None:
    store.diary("a").add(Episode(at=dt.datetime(2026, 11, 20, 8), region="calf"))
    path = tmp_path / "a.json"
    path.write_bytes(export_json(store, ["a"]))
    counts = import_path(store, path, profile="b", today=TODAY)
    again = import_path(store, path, profile="b", today=TODAY)
    assert counts.added == {"episode": 1} or counts.skipped == 1  # uids are global: b gets nothing new
    assert again.added == {}


# --- refusals: one message naming where, nothing written ---------------------------------

GOOD = {"uid": "0" * 32, "at": "2026-11-20T08:00:00", "region": "calf", "side": "left", "count": 3}


def _json_file(tmp_path: Path, *episodes: dict[str, Any]) -> Path:
    document = {"format": "twitchwise-diary", "version": 1, "profiles": [{"name": "x", "episodes": list(episodes)}]}
    path = tmp_path / "diary.json"
    path.write_text(json.dumps(document, indent=1))
    return path


def _refused(store: Store, path: Path) -> str:
    with pytest.raises(InputError) as caught:
        import_path(store, path, profile="me", today=TODAY)
    assert store.diary("me").list() == [], "a refused import must write nothing"
    return str(caught.value)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"at": "2026-13-40T08:00:00"}, "episodes[1].at"),
        ({"at": "2030-01-01T08:00:00"}, "episodes[1].at"),
        ({"region": "elbow"}, "episodes[1].region"),
        ({"count": -1}, "episodes[1].count"),
        ({"intensity": 9}, "episodes[1].intensity"),
        ({"colour": "red"}, "episodes[1].colour"),
        ({"note": "a\x00b"}, "episodes[1].note"),
    ],
)
def test_a_bad_json_record_is_refused_by_path(store: Store, tmp_path: Path, change: dict[str, Any], where: str) -> None:
    bad = {**GOOD, "uid": "1" * 32, **change}
    message = _refused(store, _json_file(tmp_path, GOOD, bad))
    assert message.startswith("diary.json: ") and where in message


def test_truncated_json_is_refused_with_line_and_column(store: Store, tmp_path: Path) -> None:
    path = _json_file(tmp_path, GOOD, {**GOOD, "uid": "1" * 32})
    path.write_bytes(path.read_bytes()[:-25])
    assert "line " in _refused(store, path) and "column " in _refused(store, path)


def _csv_folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "csv"
    folder.mkdir(exist_ok=True)
    (folder / "episodes.csv").write_text(text)
    return folder


HEADER = "uid,at,region,side,count,duration_s,intensity,context,note\n"
ROW = f"{'0' * 32},2026-11-20T08:00:00,calf,left,3,,,,\n"


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        (f"{'1' * 32},2026-02-30T08:00:00,calf,,,,,,\n", "episodes.csv line 3, column at"),
        (f"{'1' * 32},2026-11-20T08:00:00,elbow,,,,,,\n", "episodes.csv line 3, column region"),
        (f"{'1' * 32},2026-11-20T08:00:00,calf,,-4,,,,\n", "episodes.csv line 3, column count"),
        (f"{'1' * 32},2026-11-20T08:00:00,calf\n", "episodes.csv line 3"),
        (f'{"1" * 32},2026-11-20T08:00:00,calf,,,,,,"unclosed\n', "episodes.csv line 3"),
    ],
)
def test_a_bad_csv_row_is_refused_by_line_and_column(store: Store, tmp_path: Path, rows: str, where: str) -> None:
    assert _refused(store, _csv_folder(tmp_path, HEADER + ROW + rows)).startswith(where)


def test_a_wrong_csv_column_is_refused(store: Store, tmp_path: Path) -> None:
    message = _refused(store, _csv_folder(tmp_path, HEADER.replace("count", "cnt") + ROW))
    assert message.startswith("episodes.csv line 1, column 5")


def test_a_missing_csv_column_is_refused(store: Store, tmp_path: Path) -> None:
    message = _refused(store, _csv_folder(tmp_path, "uid,region\n" + f"{'0' * 32},calf\n"))
    assert message.startswith("episodes.csv line 1") and "'at'" in message


@pytest.mark.parametrize("name", ["junk.json", "episodes.csv"])
def test_100_mb_of_junk_is_refused_quickly_and_writes_nothing(store: Store, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    chance = random.Random(name)  # reproducible junk
    with path.open("wb") as handle:
        for _ in range(100):
            handle.write(chance.randbytes(1 << 20))
    message = _refused(store, path)
    assert message.startswith(name) and re.search(r"line \d+", message)


def test_messages_never_echo_the_value(store: Store, tmp_path: Path) -> None:
    secret = "my-secret-diagnosis"
    message = _refused(store, _json_file(tmp_path, {**GOOD, "region": secret}))
    assert secret not in message
    message = _refused(store, _csv_folder(tmp_path, HEADER + f"{'0' * 32},2026-11-20T08:00:00,{secret},,,,,,\n"))
    assert secret not in message


# --- hostile shapes: memory and depth are bounded before a file is decoded ------------------------------------


def test_a_file_of_millions_of_empty_objects_is_refused_before_it_is_decoded(store: Store, tmp_path: Path) -> None:
    # Decoded, 2,000,001 empty objects would take hundreds of MB (an unbounded import once took 24 GB and was
    # killed); the count is taken on the bytes, so the refusal costs nothing.
    path = tmp_path / "bundle.json"
    path.write_text('{"resourceType": "Bundle", "type": "collection", "entry": [' + ",".join(["{}"] * 2_000_001) + "]}")
    message = _refused(store, path)
    assert message == "bundle.json: holds more than 2,000,000 objects and lists; no diary export is that big"


def test_a_bundle_entry_without_a_resource_stops_the_import_at_that_entry(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bundle.json"
    path.write_text('{"resourceType": "Bundle", "type": "collection", "entry": [' + ",".join(["{}"] * 50_000) + "]}")
    assert _refused(store, path) == "bundle.json: entry[0].resource: is missing (each entry needs its resource)"


@pytest.mark.parametrize(
    "document",
    [
        '{"resourceType": "Bundle", "type": "collection", "entry": [' + "[" * 100_000 + "]" * 100_000 + "]}",
        '{"format": "twitchwise-diary", "version": 1, "profiles": [{"name": "me", "checks": [{"at": '
        '"2026-11-20T08:00:00", "disposition": "routine", "answers": {}, "result": {"a": '
        + "[" * 60_000
        + "]" * 60_000
        + "}}]}]}",
    ],
    ids=["bundle", "check-result"],
)
def test_deep_nesting_is_refused_with_a_message_not_a_traceback(store: Store, tmp_path: Path, document: str) -> None:
    path = tmp_path / "deep.json"
    path.write_text(document)
    assert _refused(store, path) == "deep.json: is nested too deeply to be a diary export"


def test_a_deeply_nested_json_cell_in_csv_names_its_line_and_column(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    cell = "[" * 60_000 + "]" * 60_000
    (folder / "checks.csv").write_text(
        f'uid,at,disposition,answers,result\n{"0" * 32},2026-11-20T08:00:00,routine,{{}},"{cell}"\n'
    )
    assert _refused(store, folder) == "checks.csv line 2, column result: expected JSON in this cell"
