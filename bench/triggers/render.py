"""Render harness results (results.json) as the markdown tables of bench/README.md.

python -m bench.triggers.render bench/triggers/results-core.json [bench/triggers/results-refined.json ...]
python -m bench.triggers.render --compact bench/triggers/results-grid.json

The first form prints a table per cell, a row per method; ``--compact`` one table, a row per
cell: the shipped method's figures with the naive baseline's beside them.

Several files are merged cell by cell (same label, same number of diaries: the same seeds, so
the same simulated diaries), their methods side by side; a method two files both hold must have
the same figures in both (over the fields both files have).

A term whose coverage falls outside the band is listed with its Monte-Carlo 95 % interval
(Wilson): from 1,000 diaries a term's coverage has a standard error of about 0.007, so a term
can sit outside 0.93–0.97 by chance alone.  ``beyond chance`` marks one whose interval misses the
band entirely.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from statsmodels.stats.proportion import proportion_confint

from bench.triggers.harness import COVERAGE_BAND
from bench.triggers.methods import SHIPPED

BASELINE = "naive same-day Pearson"


def outside_band(summary: dict[str, Any], runs: int) -> list[str]:
    """Each term outside the band, with its Monte-Carlo interval, as 'name 0.926 (0.909–0.941)'."""
    terms: dict[str, float] = summary.get("coverage_terms") or {}  # absent from the oldest files
    # Files written before the counts were kept: every analysed diary gives every term an interval.
    counts = summary.get("coverage_intervals") or dict.fromkeys(terms, round(runs * (1 - summary["gated"])))
    found = []
    for name, value in terms.items():
        if COVERAGE_BAND[0] <= value <= COVERAGE_BAND[1]:
            continue
        n = counts[name]
        low, high = proportion_confint(round(value * n), n, alpha=0.05, method="wilson")
        chance = "" if low <= COVERAGE_BAND[1] and high >= COVERAGE_BAND[0] else ", beyond chance"
        found.append(f"{name} {value:.3f} ({low:.3f}–{high:.3f}{chance})")
    return found


def _figures(s: dict[str, Any]) -> tuple[str, str, str]:
    """A method's power per trigger, proxy flags, and lowest–highest coverage, as table cells."""
    power = " / ".join(f"{v:.2f}" for v in s["power"].values())
    proxy = " / ".join(f"{v:.2f}" for v in s["proxy_flags"].values())
    low, high = s["coverage_min"], s["coverage_max"]
    return power, proxy, "—" if low is None else f"{low:.3f}–{high:.3f}"


def render(results: list[dict[str, Any]]) -> str:
    lines = []
    for cell in results:
        lines += [f"**{cell['label']}** ({cell['replicates']} simulated diaries)", ""]
        lines.append("| method | says not enough data | P(≥1 flag) | FDR | power caf / ex@1 / str / alc@1 "
                     "| proxy flags sleep / steps | sign errors | 95% CI coverage, min–max over terms |")  # fmt: skip
        lines.append("|---|---|---|---|---|---|---|---|")
        for name, s in cell["methods"].items():
            power, proxy, coverage = _figures(s)
            outside = outside_band(s, cell["replicates"])
            if outside:
                coverage += f"; outside the band: {', '.join(outside)}"
            lines.append(
                f"| {name} | {s['gated']:.2f} | {s['any_flag']:.3f} | {s['fdr']:.3f} | {power} | {proxy} "
                f"| {s['sign_errors']:.3f} | {coverage} |"
            )
        lines.append("")
    return "\n".join(lines)


def compact(results: list[dict[str, Any]], method: str = SHIPPED, baseline: str = BASELINE) -> str:
    """One row per cell: ``method``'s figures, every term outside the band, and ``baseline``'s."""
    lines = [
        "| cell | says not enough data | P(≥1 flag) | FDR | power caf / ex@1 / str / alc@1 "
        "| proxy flags sleep / steps | coverage, lowest–highest term "
        "| outside 0.93–0.97 (Monte-Carlo 95 % interval) | baseline P(≥1 flag) / FDR |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for cell in results:
        s, base = cell["methods"][method], cell["methods"].get(baseline)
        power, proxy, coverage = _figures(s)
        outside = ", ".join(outside_band(s, cell["replicates"])) or "—"
        versus = "—" if base is None else f"{base['any_flag']:.3f} / {base['fdr']:.3f}"
        lines.append(
            f"| {cell['label']} | {s['gated']:.2f} | {s['any_flag']:.3f} | {s['fdr']:.3f} | {power} | {proxy} "
            f"| {coverage} | {outside} | {versus} |"
        )
    return "\n".join(lines)


def merge(files: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    cells: dict[tuple[str, int], dict[str, Any]] = {}
    for results in files:
        for cell in results:
            key = (cell["label"], cell["replicates"])
            merged = cells.setdefault(key, {**cell, "methods": {}})
            for name, summary in cell["methods"].items():
                kept = merged["methods"].setdefault(name, summary)
                shared = kept.keys() & summary.keys()  # older files lack the fields added since
                if any(kept[field] != summary[field] for field in shared):
                    raise SystemExit(f"{cell['label']}: '{name}' differs between the files")
    return list(cells.values())


if __name__ == "__main__":
    names = [name for name in sys.argv[1:] if name != "--compact"]
    cells = merge([json.loads(Path(name).read_text()) for name in names])
    print(compact(cells) if "--compact" in sys.argv[1:] else render(cells))
