"""A 1 GB Apple Health export, generated here (never committed), imports in constant memory.

The import runs in its own process, twice: on a 1 GB export and on a 20 MB one.  Peak memory
must not grow with the file (a streaming parse), and the days must hold the export's totals.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.apple_export import Truth, write_file
from twitchwise.diary.records import Day
from twitchwise.diary.store import Store

GB = 1_000_000_000
LAST = dt.date(2026, 11, 20)
# Runs the import in a child and reports the child's peak resident memory, in MB.
MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, repr(done.stderr))
"""


def import_in_child(path: Path, database: Path) -> int:
    command = [sys.executable, "-c", MEASURE, sys.executable, "-m", "twitchwise", "import", "apple-health", str(path),
               "--db", str(database)]  # fmt: skip
    env = {"TWITCHWISE_NOW": "2026-11-21T10:00", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    code, peak_mb, stderr = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout.split(
        " ", 2
    )
    assert code == "0", stderr
    return int(peak_mb)


@pytest.fixture(scope="module")
def gigabyte(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[dt.date, Truth]]:
    path = tmp_path_factory.mktemp("apple") / "export.xml"
    truths = write_file(path, last=LAST, megabytes=GB / 1e6)
    assert path.stat().st_size >= GB
    return path, truths


def test_a_1_gb_export_imports_in_constant_memory(gigabyte: tuple[Path, dict[dt.date, Truth]], tmp_path: Path) -> None:
    big, truths = gigabyte
    small = tmp_path / "small.xml"
    write_file(small, last=LAST, megabytes=20)
    small_peak = import_in_child(small, tmp_path / "small.sqlite3")
    big_peak = import_in_child(big, tmp_path / "big.sqlite3")
    sys.stderr.write(json.dumps({"small_peak_mb": small_peak, "big_peak_mb": big_peak, "days": len(truths)}) + "\n")
    assert big_peak < small_peak + 40  # 50 times the file, not 50 times the memory
    assert big_peak < 300
    with Store(f"sqlite:///{tmp_path / 'big.sqlite3'}") as store:
        days = {s.record.day: s.record for s in store.diary().list(kinds=("day",)) if isinstance(s.record, Day)}
    assert set(days) == set(truths)
    for day in sorted(truths)[:: max(1, len(truths) // 50)]:
        found, truth = days[day], truths[day]
        assert (found.caffeine_mg, found.water_l, found.exercise_min, found.mindful_min) == pytest.approx(
            (truth.caffeine_mg, truth.water_l, truth.exercise_min, truth.mindful_min)
        )
        assert found.sleep_h == pytest.approx(truth.sleep_h, abs=0.005)
