"""Apple Health import: the daily truths of generated exports (XML and zip), fill-only merging,
idempotence, progress, and every kind of broken file refused with its line and nothing written."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from bench.apple_export import Truth, write_file
from tests.conftest import run_cli
from twitchwise.diary.apple_health import import_export
from twitchwise.diary.records import Day
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import export_json

TODAY = dt.date(2026, 11, 21)
LAST = dt.date(2026, 11, 20)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'diary.sqlite3'}")


def days_of(store: Store) -> dict[dt.date, Day]:
    return {s.record.day: s.record for s in store.diary().list(kinds=("day",)) if isinstance(s.record, Day)}


def assert_matches(day: Day, truth: Truth) -> None:
    assert day.caffeine_mg == pytest.approx(truth.caffeine_mg)
    assert day.water_l == pytest.approx(truth.water_l)
    assert day.sleep_h == pytest.approx(truth.sleep_h, abs=0.005)
    assert day.exercise_min == pytest.approx(truth.exercise_min)
    assert day.mindful_min == pytest.approx(truth.mindful_min)


@pytest.mark.parametrize("zipped", [False, True], ids=["export.xml", "export.zip"])
def test_each_day_gets_its_totals(store: Store, tmp_path: Path, zipped: bool) -> None:
    path = tmp_path / ("export.zip" if zipped else "export.xml")
    truths = write_file(path, last=LAST, zipped=zipped, days=12, filler=30)
    result = import_export(store, path, profile="me", today=TODAY)
    assert result.days_added == 12 and result.unknown_units == 0
    found = days_of(store)
    assert set(found) == set(truths)
    for day, truth in truths.items():
        assert_matches(found[day], truth)
    assert sorted({d.sleep_h or 0.0 for d in found.values()}) == pytest.approx([6 + 1 / 3, 6 + 2 / 3, 7.0], abs=0.005)


def test_importing_twice_changes_nothing_and_typed_values_are_kept(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    truths = write_file(path, last=LAST, days=5, filler=10)
    mine = store.diary().add(Day(day=LAST, caffeine_mg=40.0, stress=6)).record
    first = import_export(store, path, profile="me", today=TODAY)
    assert (first.days_added, first.days_filled, first.fields_kept) == (4, 1, 1)
    day = days_of(store)[LAST]
    assert day.caffeine_mg == 40.0 and day.stress == 6 and day.uid == mine.uid  # the person's own values stay
    assert day.water_l == pytest.approx(truths[LAST].water_l)  # empty fields are filled
    before = export_json(store, ["me"])
    second = import_export(store, path, profile="me", today=TODAY)
    assert (second.days_added, second.days_filled, second.fields_filled) == (0, 0, 0)
    assert export_json(store, ["me"]) == before


def test_days_after_today_are_left_out(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    write_file(path, last=TODAY + dt.timedelta(days=2), days=4, filler=0)
    import_export(store, path, profile="me", today=TODAY)
    assert max(days_of(store)) == TODAY


def test_progress_reports_bytes_and_records(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    write_file(path, last=LAST, megabytes=3)
    seen: list[tuple[int, int, int]] = []
    result = import_export(store, path, profile="me", today=TODAY, progress=lambda *a: seen.append(a))
    assert len(seen) >= 3
    assert [s[0] for s in seen] == sorted(s[0] for s in seen) and seen[-1][0] == path.stat().st_size
    assert all(s[1] == path.stat().st_size for s in seen) and seen[-1][2] == result.records


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_command_shows_a_progress_bar_in_a_terminal(tmp_path: Path) -> None:
    from twitchwise.cli.main import main

    path = tmp_path / "export.zip"
    write_file(path, last=LAST, zipped=True, megabytes=2)
    out, err = _Terminal(), io.StringIO()
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00",
           "COLUMNS": "120"}  # fmt: skip
    assert main(["import", "apple-health", str(path)], env, io.StringIO(), out, err) == 0, err.getvalue()
    shown = out.getvalue()
    assert "Reading" in shown and "records" in shown and "MB" in shown
    assert "Added" in shown and err.getvalue() == ""


def _zip_without_export(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("apple_health_export/export_cda.xml", "<ClinicalDocument/>")


def _truncated_zip(path: Path) -> None:
    whole = path.with_suffix(".whole")
    write_file(whole, last=LAST, zipped=True, days=20, filler=200)
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])


BROKEN: dict[str, tuple[str, str]] = {  # name → (content or a builder's key, the field the message names)
    "truncated": ("cut", "export.xml line"),
    "not_xml": ("this is not XML at all", "export.xml line 1"),
    "other_xml": ('<?xml version="1.0"?><ClinicalDocument/>', "export.xml line 1"),
    "entities": (
        '<?xml version="1.0"?><!DOCTYPE HealthData [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<HealthData>&b;</HealthData>",
        "export.xml line 1",
    ),
    "too_much": (
        '<HealthData>\n<Record type="HKQuantityTypeIdentifierDietaryCaffeine" unit="g" value="40" '
        'startDate="2026-11-20 08:00:00 +0100" endDate="2026-11-20 08:00:00 +0100"/>\n</HealthData>',
        "export.xml: 2026-11-20",
    ),
    "empty": ("", "export.xml"),
    "no_export_in_zip": ("zip", "export.zip"),
    "damaged_zip": ("cutzip", "export.zip: is a damaged"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_export_is_refused_naming_where_and_nothing_is_written(tmp_path: Path, case: str) -> None:
    content, field = BROKEN[case]
    path = tmp_path / ("export.zip" if content in ("zip", "cutzip") else "export.xml")
    if content == "cut":
        write_file(path, last=LAST, days=3, filler=20)
        path.write_bytes(path.read_bytes()[:-2000])
    elif content == "zip":
        _zip_without_export(path)
    elif content == "cutzip":
        _truncated_zip(path)
    else:
        path.write_text(content)
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    result = run_cli("import", "apple-health", str(path), environ=env)
    assert result.code == 2, result.out
    assert result.err.startswith(f"twitchwise: error: {field}"), result.err
    assert result.err.count("\n") == 1
    with Store(f"sqlite:///{tmp_path / 'data' / 'diary.sqlite3'}") as store:
        assert store.diary().list() == []


def test_the_command_needs_the_export_named(tmp_path: Path) -> None:
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data")}
    missing = run_cli("import", "apple-health", environ=env)
    assert missing.code == 2 and missing.err.startswith("twitchwise: error: export:")
    absent = run_cli("import", "apple-health", str(tmp_path / "nope.zip"), environ=env)
    assert absent.code == 2 and absent.err.startswith("twitchwise: error: path: no such file")
    extra = run_cli("import", str(tmp_path / "a.json"), str(tmp_path / "b.json"), environ=env)
    assert extra.code == 2 and extra.err.startswith("twitchwise: error: import:")


def test_the_generated_export_is_raised_against_an_export_with_an_unknown_unit(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    record = (
        '<Record type="HKQuantityTypeIdentifierDietaryWater" unit="gallon_us" value="1" startDate="{t}" endDate="{t}"/>'
    )
    path.write_text("<HealthData>\n" + record.format(t="2026-11-20 08:00:00 +0100") + "\n</HealthData>")
    result = import_export(store, path, profile="me", today=TODAY)
    assert result.unknown_units == 1 and result.days_added == 0


def test_a_damaged_time_with_an_offset_in_it_is_read_as_written_not_a_crash(tmp_path: Path) -> None:
    # found by the damage fuzzer: "2026-11-19T23+01:00" fits in the 19 characters read, so the start carried an offset
    # and the end did not, and comparing them raised a TypeError (a traceback, not one clear line)
    path = tmp_path / "export.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<HealthData>\n<Record type="HKCategoryTypeIdentifierSleepAnalysis" '
        'value="HKCategoryValueSleepAnalysisAsleepCore" startDate="2026-11-19T23+01:00" '
        'endDate="2026-11-20 06:30:00 +0000"/>\n</HealthData>'
    )
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    result = run_cli("import", "apple-health", str(path), environ=env)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err and "Added 1 days" in result.out
