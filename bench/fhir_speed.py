"""Benchmark: FHIR Bundle export and import time as the diary grows, to show the work is linear in the
number of entries (validation was once quadratic: 5,000 entries took 15 s).  Run:
`uv run python -m bench.fhir_speed`."""

from __future__ import annotations

import datetime as dt
import json
import platform
import random
import time

from twitchwise.diary.fhir import from_bundle, to_bundle
from twitchwise.diary.records import Day, Episode
from twitchwise.diary.transfer import ProfileData

TODAY = dt.date(2026, 11, 21)
SIZES = (1_000, 5_000, 20_000)


def diary(entries: int, *, seed: int = 3) -> ProfileData:
    """About ``entries`` records: three episodes and one day of factors per day, back from TODAY."""
    rng = random.Random(seed)
    data = ProfileData(name="me")
    for i in range(entries // 4):
        day = TODAY - dt.timedelta(days=i)
        for n in range(3):
            at = dt.datetime.combine(day, dt.time(7 + 5 * n, rng.randint(0, 59)))
            data.episodes.append(Episode(at=at, region="calf", side="left", count=rng.randint(1, 30)))
        data.days.append(Day(day=day, caffeine_mg=float(rng.choice([95, 190, 380])), sleep_h=7.0, stress=4))
    return data


def main() -> None:
    now = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
    print(f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"{'entries':>8} {'MB':>6} {'export s':>9} {'import s':>9} {'import µs/entry':>16}")
    for size in SIZES:
        data = diary(size)
        start = time.perf_counter()
        raw = json.dumps(to_bundle(data, now=now)).encode()
        exported = time.perf_counter() - start
        start = time.perf_counter()
        back = from_bundle(json.loads(raw), profile="me", today=TODAY)
        imported = time.perf_counter() - start
        assert len(back.episodes) == len(data.episodes) and len(back.days) == len(data.days)
        count = len(data.episodes) + len(data.days)
        print(f"{count:>8,} {len(raw) / 1e6:>6.1f} {exported:>9.2f} {imported:>9.2f} {imported / count * 1e6:>16.0f}")


if __name__ == "__main__":
    main()
