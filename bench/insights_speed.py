"""Benchmark: insights on a two-year diary, in process and as `twitchwise insights --json`.

Run: `make bench` (or `uv run python -m bench.insights_speed`).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.triggers.dgp import Scenario, simulate
from twitchwise.diary.records import Day, Episode, Stored
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import ProfileData, write
from twitchwise.insights.report import insights

TODAY = dt.date(2026, 11, 21)
DAYS = 730


def two_year_diary() -> ProfileData:
    """Two years of a simulated person with caffeine and stress as true triggers (RR 1.5)."""
    simulated = simulate(Scenario(days=DAYS - 1, rr=1.5), np.random.default_rng(2026))
    data = ProfileData(name="me")
    first = TODAY - dt.timedelta(days=DAYS - 1)
    rng = np.random.default_rng(1)
    for index, count in enumerate(simulated.counts):
        day = first + dt.timedelta(days=index)
        if not np.isfinite(count):
            continue
        for _ in range(int(count)):
            at = dt.datetime.combine(day, dt.time(int(rng.integers(7, 23))))
            data.episodes.append(Episode(at=at, region="calf", side="left"))
        f = {name: series[index] for name, series in simulated.factors.items()}
        data.days.append(Day(
            day=day, twitch_free=count == 0, caffeine_mg=max(0.0, 200 + 100 * f["caffeine"]),
            water_l=max(0.0, 1.6 + 0.3 * f["water"]), alcohol_units=2.0 * f["alcohol"],
            nicotine=bool(f["nicotine"]), exercise_min=max(0.0, 40 + 20 * f["exercise"]),
            sleep_h=min(24.0, max(0.0, 7 + f["sleep"])), stress=int(min(10, max(0, round(5 + 2 * f["stress"])))),
            medicines=["sertraline"] if f["medication"] else [],
        ))  # fmt: skip
    return data


def main() -> None:
    data = two_year_diary()
    entries = [Stored(f"e{i}", "episode", e) for i, e in enumerate(data.episodes)]
    entries += [Stored(f"d{i}", "day", d) for i, d in enumerate(data.days)]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = insights(entries, today=TODAY)
        times.append(time.perf_counter() - start)
    print(f"two-year diary: {len(data.episodes):,} episodes, {len(data.days)} day records")
    print(f"insights() in process: median {statistics.median(times) * 1000:.0f} ms over 5 runs ({result.status})")
    for factor in result.factors:
        print(f"  {factor.label}: {factor.verdict}")
    with tempfile.TemporaryDirectory() as folder:
        with Store(f"sqlite:///{Path(folder) / 'diary.sqlite3'}") as store:
            write(store, [data])
        env = {**os.environ, "TWITCHWISE_DATA_DIR": folder, "TWITCHWISE_NOW": f"{TODAY}T12:00"}
        script = Path(sys.executable).with_name("twitchwise")
        wall = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([str(script), "insights", "--json"], check=True, stdout=subprocess.DEVNULL, env=env)
            wall.append(time.perf_counter() - start)
    print(f"twitchwise insights --json (reading SQLite): median {statistics.median(wall) * 1000:.0f} ms over 3 runs")


if __name__ == "__main__":
    main()
