"""Benchmark: in-process assessments per second, and `twitchwise check --answers x.json --json`
wall time beside a bare `python -c pass`, over repeated runs.  Run: `make bench`."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from twitchwise.answers import parse_answers
from twitchwise.kb import load_knowledge_base
from twitchwise.triage.engine import assess

TODAY = dt.date(2026, 11, 21)
ANSWERS = {
    "age": 34, "sex": "female", "sites": [{"region": "calf", "side": "left"}], "duration_days": 21,
    "symptoms": {"weakness": False, "numbness": True}, "caffeine_mg_per_day": 500, "water_litres_per_day": 1.2,
    "sleep_hours": 5.5, "stress_0_10": 8, "recent_intense_exercise": True, "medications": ["furosemide"],
}  # fmt: skip
RUNS = 30


def in_process() -> tuple[float, float]:
    kb = load_knowledge_base()
    raw = json.dumps(ANSWERS).encode()
    answers = parse_answers(raw, today=TODAY, symptom_ids=kb.symptom_ids)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < 2.0:
        assess(answers, kb, today=TODAY)
        count += 1
    assess_rate = count / (time.perf_counter() - start)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < 2.0:
        assess(parse_answers(raw, today=TODAY, symptom_ids=kb.symptom_ids), kb, today=TODAY).to_json()
        count += 1
    return assess_rate, count / (time.perf_counter() - start)


def wall(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, min(times) * 1000


def main() -> None:
    assess_rate, full_rate = in_process()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.json"
        path.write_text(json.dumps(ANSWERS))
        bare = wall([sys.executable, "-c", "pass"])
        floor = wall([sys.executable, "-c", "import msgspec, argparse"])  # what any run must import
        # ... and the same started and stopped as the console script runs a check (cli/entry.py)
        floor_tuned = wall([sys.executable, "-c", "import gc; gc.disable(); import msgspec, argparse; gc.freeze()"])
        script = Path(sys.executable).with_name("twitchwise")  # the console script a person runs
        no_diary = {**os.environ, "TWITCHWISE_DATA_DIR": str(Path(folder) / "none")}
        check = wall([str(script), "check", "--answers", str(path), "--json"], no_diary)
        with_diary = {**os.environ, "TWITCHWISE_DATA_DIR": str(Path(folder) / "diary")}
        entries = fill_diary(f"sqlite:///{Path(folder) / 'diary' / 'diary.sqlite3'}")
        diary_check = wall([str(script), "check", "--answers", str(path), "--json", "--today", str(TODAY)], with_diary)
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"assess(): {assess_rate:,.0f} per second ({1e6 / assess_rate:.0f} µs each)")
    print(f"parse + assess + JSON: {full_rate:,.0f} per second ({1e6 / full_rate:.0f} µs each)")
    print(f"python -c pass: median {bare[0]:.1f} ms (min {bare[1]:.1f})")
    print(f"python -c 'import msgspec, argparse': median {floor[0]:.1f} ms (min {floor[1]:.1f})")
    print(f"the same, collector paused and frozen at exit: median {floor_tuned[0]:.1f} ms (min {floor_tuned[1]:.1f})")
    print(f"twitchwise check --answers x.json --json: median {check[0]:.1f} ms (min {check[1]:.1f})")
    ratios = f"{check[0] / bare[0]:.1f}x by medians, {check[1] / bare[1]:.1f}x by minimums"
    print(f"ratio to bare start-up: {ratios} (aim: under 5x)")
    median, least = diary_check
    print(f"the same with a one-year diary ({entries:,} entries): median {median:.1f} ms (min {least:.1f})")


def fill_diary(url: str) -> int:
    """A year of diary: 1-8 episodes and one day record a day, a symptom report a week."""
    import random

    from twitchwise.diary.records import Day, Episode, Symptom
    from twitchwise.diary.store import Store
    from twitchwise.diary.transfer import ProfileData, write

    chance = random.Random(1)
    data = ProfileData(name="me")
    for days_ago in range(365):
        day = TODAY - dt.timedelta(days=days_ago)
        for _ in range(chance.randint(1, 8)):
            at = dt.datetime.combine(day, dt.time(chance.randint(6, 23), chance.randint(0, 59)))
            data.episodes.append(Episode(at=at, region=chance.choice(["calf", "thigh", "eyelid"]), side="left"))
        data.days.append(Day(day=day, caffeine_mg=chance.uniform(0, 500), sleep_h=chance.uniform(5, 9)))
        if days_ago % 7 == 0:
            data.symptoms.append(Symptom(symptom="weakness", present=False, at=dt.datetime.combine(day, dt.time(8))))
    with Store(url) as store:
        write(store, [data])
    return len(data.episodes) + len(data.days) + len(data.symptoms)


if __name__ == "__main__":
    main()
