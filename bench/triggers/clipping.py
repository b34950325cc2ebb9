"""Why the calibration's lambda sits at 1.00 in some null diaries, and two remedies (issue 26).

    python -m bench.triggers.clipping            # 300 null diaries of three kinds, about 4 minutes

For each kind of diary (the default, a strong weekday pattern with habits, noise beyond the negative
binomial; 180 days, eight factors, the family's seeds) and three analyses — the shipped one, the same
with a term for each day of the week instead of the weekend term, and the shipped one with lambda not
clipped at 1 — prints the share of diaries with any false flag, the share whose lambda was clipped at 1,
and the false-flag rate among clipped and unclipped diaries.  The figures in bench/README.md come from it.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

import twitchwise.insights.model as model
from bench.triggers.dgp import Scenario, simulate
from bench.triggers.harness import FAMILY, family
from bench.triggers.methods import specs

KINDS = ["default", "weekday pattern and habits", "overdispersion beyond NB"]


@contextmanager
def unclipped() -> Iterator[None]:
    """lambda as estimated, below 1 too (the shipped one never goes below 1)."""
    shipped = model._inflation

    def raw(null_z: model.Array, terms: int) -> float:
        if not terms or null_z.size < terms:
            return 1.0
        return float(np.median(null_z**2)) / model.CHI2_1_MEDIAN

    model._inflation = raw
    try:
        yield
    finally:
        model._inflation = shipped


def wilson(k: int, n: int) -> tuple[float, float]:
    z = 1.96
    p, d = k / n, 1 + z * z / n
    centre, half = (p + z * z / (2 * n)) / d, z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return centre - half, centre + half


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=300)
    args = parser.parse_args()
    kinds = dict(FAMILY)
    cells = family()
    print("| kind of diary | analysis | P(≥1 flag) (95 % CI) | λ clipped at 1 | flagged if clipped | flagged if not |")
    print("|---|---|---|---|---|---|")
    for name in KINDS:
        scenario = Scenario(days=180, factors=8, **kinds[name])
        seed = cells.index(scenario)  # the family's own seeds: the same diaries as --family
        rows: dict[str, list[tuple[bool, bool]]] = {"shipped": [], "day-of-week terms": [], "no clip": []}
        for i in range(args.replicates):
            diary = simulate(scenario, np.random.default_rng(seed * 1_000_003 + i))
            for analysis, rows_of in rows.items():
                weekday = diary.weekday if analysis == "day-of-week terms" else None
                arguments = (diary.counts, diary.factors, specs(list(diary.factors)), diary.weekend)
                if analysis == "no clip":
                    with unclipped():
                        result = model.analyse(*arguments)
                else:
                    result = model.analyse(*arguments, weekday=weekday)
                flagged = any(t.flagged for f in result.factors for t in f.terms)
                rows_of.append((result.inflation <= 1.0 + 1e-12, flagged))
        for analysis, found in rows.items():
            flags = sum(f for _, f in found)
            clipped = [f for c, f in found if c]
            free = [f for c, f in found if not c]
            low, high = wilson(flags, len(found))
            print(f"| {name} | {analysis} | {flags / len(found):.3f} ({low:.3f}–{high:.3f}) | "
                  f"{len(clipped)} of {len(found)} | {sum(clipped)} of {len(clipped)} | {sum(free)} of {len(free)} |",
                  flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
