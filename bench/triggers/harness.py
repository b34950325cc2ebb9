"""Run methods side by side on simulated diaries and score them (triggers.md §4.4).

    python -m bench.triggers.harness            # the grid, 1,000 replicates a cell, all cores
    python -m bench.triggers.harness --quick    # 200 replicates of the default cell
    python -m bench.triggers.harness --core     # 90 and 180 days at every RR (the pass cells)
    python -m bench.triggers.harness --lengths  # the default cell at 30, 60 and 365 days
    python -m bench.triggers.harness --variants # the stress cells at 90 and 180 days
    python -m bench.triggers.harness --family   # diaries unlike the model's own (issue 26), 300 each

--resume keeps the cells --out already holds and runs the rest; --only keeps to the cells whose
label holds one of the given strings.  A cell's seed is its place in its list either way.

Writes bench/triggers/results.json and prints one markdown table per cell.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bench.triggers.dgp import PROXIES, TRIGGERS, Scenario, simulate
from bench.triggers.methods import METHODS, SHIPPED, WEEKLY, Outcome

COVERAGE_BAND = (0.93, 0.97)  # the pass criterion for 95 % intervals, every term (triggers.md §4.4)


@dataclass
class Summary:
    runs: int
    gated: float  # share of diaries where the method said "not enough data"
    any_flag: float  # P(at least one factor flagged)
    fdr: float  # mean share of false flags among flags
    sign_errors: float
    power: dict[str, float]  # per true trigger: flagged with the right sign and lag
    proxy_flags: dict[str, float]
    coverage_min: float | None  # over terms with at least 20 intervals
    coverage_max: float | None
    coverage_all: float | None
    median_width: float | None
    coverage_terms: dict[str, float] = field(default_factory=dict)  # per term, as for min/max
    coverage_intervals: dict[str, int] = field(default_factory=dict)  # how many intervals each is from
    usable: float = 0.0  # mean usable day-pairs per diary


@dataclass
class Score:
    """Running totals for one method in one cell."""

    runs: int = 0
    gated: int = 0
    any_flag: int = 0
    fdp_sum: float = 0.0
    sign_errors: int = 0
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TRIGGERS, 0))
    proxy_flags: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PROXIES, 0))
    covered: dict[str, int] = field(default_factory=dict)
    intervals: dict[str, int] = field(default_factory=dict)
    widths: list[float] = field(default_factory=list)
    usable: int = 0

    def add(self, outcome: Outcome, scenario: Scenario) -> None:
        self.runs += 1
        self.usable += outcome.usable
        self.gated += outcome.gated
        effects = scenario.effects
        false = 0
        for factor, (lag, sign) in outcome.flags.items():
            effect = effects.get(factor, 0.0)
            right = effect != 0 and TRIGGERS[factor] == lag and sign == (1 if effect > 0 else -1)
            if right:
                self.hits[factor] += 1
            else:
                false += 1
                if effect != 0 and sign != (1 if effect > 0 else -1):
                    self.sign_errors += 1
            if factor in self.proxy_flags:
                self.proxy_flags[factor] += 1
        self.any_flag += bool(outcome.flags)
        self.fdp_sum += false / max(1, len(outcome.flags))
        for (factor, lag), (low, high) in outcome.intervals.items():
            effect = effects.get(factor, 0.0) if TRIGGERS.get(factor) == lag else 0.0
            truth = effect * outcome.scale.get(factor, 1.0)  # per the person's own SD
            key = f"{factor}@{lag}"
            self.intervals[key] = self.intervals.get(key, 0) + 1
            self.covered[key] = self.covered.get(key, 0) + int(low <= truth <= high)
            self.widths.append(high - low)

    def merge(self, other: Score) -> None:
        self.runs += other.runs
        self.usable += other.usable
        self.gated += other.gated
        self.any_flag += other.any_flag
        self.fdp_sum += other.fdp_sum
        self.sign_errors += other.sign_errors
        for name in self.hits:
            self.hits[name] += other.hits[name]
        for name in self.proxy_flags:
            self.proxy_flags[name] += other.proxy_flags[name]
        for key, n in other.intervals.items():
            self.intervals[key] = self.intervals.get(key, 0) + n
            self.covered[key] = self.covered.get(key, 0) + other.covered[key]
        self.widths.extend(other.widths)

    def summary(self) -> Summary:
        runs = max(1, self.runs)
        coverage = {k: self.covered[k] / n for k, n in self.intervals.items() if n >= 20}
        intervals = sum(self.intervals.values())
        return Summary(
            runs=self.runs,
            gated=self.gated / runs,
            any_flag=self.any_flag / runs,
            fdr=self.fdp_sum / runs,
            sign_errors=self.sign_errors / runs,
            power={k: v / runs for k, v in self.hits.items()},
            proxy_flags={k: v / runs for k, v in self.proxy_flags.items()},
            coverage_min=min(coverage.values()) if coverage else None,
            coverage_max=max(coverage.values()) if coverage else None,
            coverage_all=sum(self.covered.values()) / intervals if intervals else None,
            median_width=float(np.median(self.widths)) if self.widths else None,
            coverage_terms=dict(sorted(coverage.items())),
            coverage_intervals={k: self.intervals[k] for k in sorted(coverage)},
            usable=self.usable / runs,
        )


def run_cell(scenario: Scenario, seeds: Sequence[int], methods: Sequence[str]) -> dict[str, Score]:
    scores = {name: Score() for name in methods}
    for seed in seeds:
        diary = simulate(scenario, np.random.default_rng(seed))
        for name in methods:
            scores[name].add(METHODS[name](diary), scenario)
    return scores


def evaluate(
    scenario: Scenario, replicates: int, methods: Sequence[str], *, workers: int = 1, seed: int = 0
) -> dict[str, Score]:
    seeds = [seed * 1_000_003 + i for i in range(replicates)]
    if workers <= 1:
        return run_cell(scenario, seeds, methods)
    chunks = [seeds[i::workers] for i in range(workers)]
    totals = {name: Score() for name in methods}
    with ProcessPoolExecutor(workers) as pool:
        for scores in pool.map(run_cell, [scenario] * workers, chunks, [methods] * workers):
            for name, score in scores.items():
                totals[name].merge(score)
    return totals


VARIANTS: list[dict[str, Any]] = [
    {"phi_u": 0.8}, {"missing": "informative"}, {"factors": 15}, {"base": 1.0}, {"alpha": 1.0},
    {"base": 20.0}, {"phi_u": 0.0}, {"missing": 0.0}, {"missing": 0.30},
]  # fmt: skip


def variants() -> list[Scenario]:
    """The default cell varied one dimension at a time (triggers.md §4.2) at the pass lengths.

    180 days first, in the order they were first run (a cell's seed is its place in the list).
    """
    return [Scenario(days=days, rr=rr, **variant) for days in (180, 90) for variant in VARIANTS for rr in (1.0, 1.5)]


# Diaries unlike the model's own: each departure alone, then all together ("harsh"), at 180 days with the
# product's eight factors; every cell under the null and at RR 1.5.
FAMILY: list[tuple[str, dict[str, Any]]] = [
    ("default", {}),
    ("drifting baseline", {"drift": 0.06}),
    ("weekday pattern and habits", {"weekday": 2.0, "habits": True}),
    ("overdispersion beyond NB", {"extra": 0.5, "alpha": 0.8}),
    ("logging fatigue", {"missing": "fatigue"}),
    ("2 % blanks per factor", {"blanks": 0.02}),
    ("all together", {"drift": 0.06, "weekday": 2.0, "habits": True, "extra": 0.5, "alpha": 0.8,
                      "missing": "fatigue", "blanks": 0.02}),
]  # fmt: skip


def family() -> list[Scenario]:
    return [Scenario(days=180, factors=8, rr=rr, **kind) for _, kind in FAMILY for rr in (1.0, 1.5)]


def grid() -> list[Scenario]:
    """Every RR at every diary length, then the stress cells."""
    cells = [
        Scenario(days=days, rr=rr)
        for days in (30, 60, 90, 180, 365)
        for rr in (1.0, 1.2, 1.5, 2.0, (1.2, 1.5, 2.0, 0.67))
    ]
    return cells + variants()


def table(scenario: Scenario, scores: dict[str, Score]) -> str:
    header = "| method | gated | P(≥1 flag) | FDR | power caf/ex@1/str/alc@1 | proxy sleep/steps | coverage (min–max) |"
    lines = [f"**{scenario.label()}**", "", header, "|---|---|---|---|---|---|---|"]
    for name, score in scores.items():
        s = score.summary()
        power = "/".join(f"{v:.2f}" for v in s.power.values())
        proxy = "/".join(f"{v:.2f}" for v in s.proxy_flags.values())
        low, high = s.coverage_min, s.coverage_max
        coverage = "—" if low is None or high is None else f"{low:.3f}–{high:.3f}"
        rates = f"{s.gated:.2f} | {s.any_flag:.3f} | {s.fdr:.3f}"
        lines.append(f"| {name} | {rates} | {power} | {proxy} | {coverage} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 replicates of the default cell")
    parser.add_argument("--core", action="store_true", help="only T = 90 and 180 days at every RR (the pass cells)")
    parser.add_argument("--power", action="store_true", help="RR 1.5 at 60–730 days: write insights/data/power.json")
    parser.add_argument(
        "--variants", action="store_true", help="the 90- and 180-day stress cells, shipped and baseline"
    )
    parser.add_argument("--lengths", action="store_true", help="the default cell at 30, 60 and 365 days, RR 1 and 1.5")
    parser.add_argument("--family", action="store_true", help="diaries unlike the model's own, 180 days, 300 each")
    parser.add_argument("--replicates", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--methods", nargs="*", default=list(METHODS))
    parser.add_argument("--out", default=str(Path(__file__).with_name("results.json")))
    parser.add_argument("--resume", action="store_true", help="keep the cells --out already holds; run the rest")
    parser.add_argument("--only", nargs="*", default=[], help="run only cells whose label holds one of these")
    args = parser.parse_args()
    if args.power:
        write_power(args.replicates, args.workers)
        return
    if args.quick:
        cells = [Scenario(days=90, rr=1.0), Scenario(days=180, rr=1.5)]
    elif args.variants:
        cells = variants()
        args.methods = [m for m in args.methods if m in ("naive same-day Pearson", SHIPPED)]
    elif args.lengths:
        cells = [Scenario(days=d, rr=rr) for d in (30, 60, 365) for rr in (1.0, 1.5)]
    elif args.family:
        cells = family()
        args.methods = [m for m in args.methods if m in ("naive same-day Pearson", SHIPPED, WEEKLY)]
        if args.replicates == 1000:
            args.replicates = 300
    elif args.core:
        cells = [Scenario(days=d, rr=rr) for d in (90, 180) for rr in (1.0, 1.2, 1.5, 2.0, (1.2, 1.5, 2.0, 0.67))]
    else:
        cells = grid()
    replicates = 200 if args.quick else args.replicates
    done: dict[str, dict[str, Any]] = {}
    if args.resume and Path(args.out).exists():
        done = {cell["label"]: cell for cell in json.loads(Path(args.out).read_text())}
    results = []
    for number, scenario in enumerate(cells):
        kept = done.get(scenario.label())
        if args.only and not any(part in scenario.label() for part in args.only):
            results.extend([kept] if kept is not None else [])  # not asked for: left as it was
            continue
        if kept is not None and kept["replicates"] == replicates and set(kept["methods"]) == set(args.methods):
            results.append(kept)  # same cell, same seed, same methods: already run
            continue
        start = time.perf_counter()
        scores = evaluate(scenario, replicates, args.methods, workers=args.workers, seed=number)
        print(table(scenario, scores), f"\n({time.perf_counter() - start:.0f} s)\n", flush=True)
        results.append({"scenario": asdict(scenario), "label": scenario.label(), "replicates": replicates,
                        "methods": {name: asdict(score.summary()) for name, score in scores.items()}})  # fmt: skip
        Path(args.out).write_text(json.dumps(results, indent=1))


POWER_KINDS = ["default", "drifting baseline", "weekday pattern and habits", "logging fatigue", "2 % blanks per factor"]


def write_power(replicates: int, workers: int) -> None:
    """The shipped method's power at RR 1.5 by diary length and kind of diary, per kind of factor, for the
    product: it uses the slowest of these kinds (the noisier ones — overdispersion far beyond the model's,
    everything at once — reach 80 % only on much longer diaries, and the README says so)."""
    kinds = dict(FAMILY)
    power: dict[str, dict[str, list[tuple[int, float, float]]]] = {}
    for kind in POWER_KINDS:
        rows: dict[str, list[tuple[int, float, float]]] = {"continuous": [], "binary": []}
        for days in (60, 90, 120, 180, 270, 365, 730):
            scenario = Scenario(days=days, rr=1.5, factors=8, **kinds[kind])
            scores = evaluate(scenario, replicates, [SHIPPED], workers=workers, seed=days)
            summary = scores[SHIPPED].summary()
            found = summary.power
            # The weakest continuous trigger (same-day or next-day) speaks for every continuous factor; each
            # row is (days, mean usable day-pairs, power).
            usable = round(summary.usable, 1)
            rows["continuous"].append((days, usable, min(found["caffeine"], found["exercise"], found["stress"])))
            rows["binary"].append((days, usable, found["alcohol"]))
            print(kind, days, usable, rows["continuous"][-1][2], rows["binary"][-1][2], flush=True)
        power[kind] = rows
    target = Path(__file__).parents[2] / "src/twitchwise/insights/data/power.json"
    note = (f"{replicates} simulated diaries per length and kind (the family of bench/triggers/harness.py "
            f"--family, 8 factors, RR 1.5); python -m bench.triggers.harness --power; {SHIPPED}")  # fmt: skip
    target.write_text(json.dumps({"note": note, "power": power}, indent=1) + "\n")


if __name__ == "__main__":
    main()
