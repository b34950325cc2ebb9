"""Benchmark: how safe the one-shot text check is on real and reworded descriptions.

Run: `uv run python -m bench.text_safety` (add `--split test` for the held-out split only).

- real descriptions (`tests/understand/real.yaml`), dev and test splits apart: under-triage
  (disposition below the facts' level), over-triage of self-care, warnings given, and the
  per-field precision and recall of the reading;
- the perturbation suite (`tests/understand/perturbations.yaml`): cases and under-triage.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from tests.understand.quality import Tally, _near, gold_items, items, table
from twitchwise.kb import KnowledgeBase, load_knowledge_base
from twitchwise.triage.engine import assess
from twitchwise.understand import read
from twitchwise.vocabulary import Disposition

HERE = Path(__file__).resolve().parents[1] / "tests" / "understand"
RANK = {d.value: d.rank for d in Disposition}


def real_cases(split: str | None) -> tuple[dt.date, list[dict[str, Any]]]:
    data = yaml.safe_load((HERE / "real.yaml").read_text(encoding="utf-8"))
    return data["today"], [c for c in data["cases"] if split is None or c["split"] == split]


def measure(kb: KnowledgeBase, today: dt.date, cases: list[dict[str, Any]]) -> dict[str, Any]:
    under: list[str] = []
    over: list[str] = []
    warned = 0
    tallies: dict[str, Tally] = {}
    for case in cases:
        reading = read(case["t"], kb, today=today)
        result = assess(reading.answers, kb, today=today, said=reading.said)
        warned += result.warning is not None
        if RANK[result.disposition] < RANK[case["at_least"]]:
            under.append(f"{case['at_least']} -> {result.disposition}: {case['t'][:90]}")
        if case["at_least"] == "self_care" and result.disposition != "self_care":
            over.append(f"self_care -> {result.disposition}: {case['t'][:90]}")
        predicted, gold = items(reading), gold_items(case["e"])
        for name in gold:
            tallies.setdefault(name, Tally()).add(gold[name], _near(gold[name], predicted[name]), case["t"])
    serious = sum(RANK[c["at_least"]] >= RANK["urgent"] for c in cases)
    calm = sum(c["at_least"] == "self_care" for c in cases)
    return {"cases": len(cases), "serious": serious, "calm": calm, "under": under, "over": over, "warned": warned,
            "tallies": tallies}  # fmt: skip


def perturbations(kb: KnowledgeBase) -> tuple[int, int]:
    suite = yaml.safe_load((HERE / "perturbations.yaml").read_text(encoding="utf-8"))
    today = dt.date(2026, 12, 1)
    total = misses = 0
    for entry in suite["red_flags"].values():
        for wording in entry["wordings"]:
            for base in suite["bases"]:
                reading = read(base.replace("{flag}", wording), kb, today=today)
                result = assess(reading.answers, kb, today=today, said=reading.said)
                total += 1
                misses += RANK[result.disposition] < RANK[entry["level"]]
    return total, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test"], help="one split only (default: both, apart)")
    args = parser.parse_args()
    kb = load_knowledge_base()
    for split in [args.split] if args.split else ["dev", "test"]:
        today, cases = real_cases(split)
        found = measure(kb, today, cases)
        print(f"== real descriptions, {split} split: {found['cases']} cases ({found['serious']} urgent or emergency, "
              f"{found['calm']} self-care)")  # fmt: skip
        print(f"under-triaged: {len(found['under'])}; self-care over-triaged: {len(found['over'])}; "
              f"warned first: {found['warned']}")  # fmt: skip
        for line in found["under"] + found["over"]:
            print("  " + line)
        print(table(found["tallies"]))
    total, misses = perturbations(kb)
    print(f"== perturbation suite: {total} cases, {misses} under-triaged")


if __name__ == "__main__":
    main()
