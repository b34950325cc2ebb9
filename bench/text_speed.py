"""Benchmark: the free-text reader.  Run: `uv run python -m bench.text_speed`.

- descriptions read per second, in process, over the annotated corpus;
- time against length (10 kB to 1 MB), to show it grows linearly;
- wall time of `twitchwise check --text … --json` beside `--answers … --json` and `python -c pass`;
- per-field precision and recall on the corpus.
"""

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

from tests.understand.quality import ALL, evaluate, load_corpus, table
from twitchwise.kb import load_knowledge_base
from twitchwise.understand import read

TODAY = dt.date(2026, 11, 21)
TEXT = "my left calf has twitched for three weeks, no weakness, five coffees a day"
ANSWERS = {"sites": [{"region": "calf", "side": "left"}], "duration_days": 21, "symptoms": {"weakness": False},
           "caffeine_mg_per_day": 475}  # fmt: skip
SENTENCE = "My left calf twitches since Monday, no weakness, 3 coffees a day, maybe numb? 😟 疲れ. "
RUNS = 20


def per_second() -> tuple[float, int]:
    kb = load_knowledge_base()
    _, cases = load_corpus()
    texts = [case["t"] for case in cases]
    read(texts[0], kb, today=TODAY)  # build the pipeline once
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < 3.0:
        for text in texts:
            read(text, kb, today=TODAY)
        count += len(texts)
    return count / (time.perf_counter() - start), len(texts)


def scaling() -> list[tuple[int, float]]:
    kb = load_knowledge_base()
    rows = []
    for size in (10_000, 100_000, 1_000_000):
        text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
        start = time.perf_counter()
        read(text, kb, today=TODAY)
        rows.append((size, time.perf_counter() - start))
    return rows


def wall(argv: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    rate, cases = per_second()
    print(f"in process: {rate:,.0f} descriptions read per second ({cases} corpus descriptions, pipeline built)")
    for size, seconds in scaling():
        print(f"  {size:>9,} characters: {seconds * 1000:8.0f} ms  ({seconds / size * 1e6:.2f} µs a character)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.json"
        path.write_text(json.dumps(ANSWERS))
        bare = wall([sys.executable, "-c", "pass"])
        command = [sys.executable, "-m", "twitchwise", "check", "--no-diary", "--json", "--today", "2026-11-21"]
        answers = wall([*command, "--answers", str(path)])
        text = wall([*command, "--text", TEXT])
    print(f"python -c pass: {bare:.1f} ms; check --answers: {answers:.1f} ms; check --text: {text:.1f} ms "
          f"(median of {RUNS})")  # fmt: skip
    kb = load_knowledge_base()
    for path in ALL:
        print(f"\n{path.name} ({len(load_corpus(path)[1])} descriptions)")
        print(table(evaluate(kb, path)))


if __name__ == "__main__":
    main()
