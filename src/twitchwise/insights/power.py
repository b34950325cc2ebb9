"""How many diary days the shipped method needs to see a rate ratio of 1.5, from the harness.

``data/power.json`` is written by ``python -m bench.triggers.harness --power``: per kind of factor
(continuous, yes/no), the diary lengths simulated and the share of simulated people in whom a
true RR 1.5 was found.  The days needed are the shortest simulated length with power >= 0.8.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from twitchwise.insights.model import FactorSpec

TARGET_POWER = 0.8
POWER_FILE = Path(__file__).parent / "data" / "power.json"


@cache
def _table() -> dict[str, list[tuple[int, float]]]:
    data = json.loads(POWER_FILE.read_text(encoding="utf-8"))
    return {kind: [(int(days), float(power)) for days, power in rows] for kind, rows in data["power"].items()}


def days_for_rr_1_5(spec: FactorSpec) -> int | None:
    """Diary days after which a factor like this one, with RR 1.5, is found in 80 % of people;
    None when even the longest simulated diary is not enough."""
    rows = _table()["binary" if spec.binary else "continuous"]
    for days, power in sorted(rows):
        if power >= TARGET_POWER:
            return days
    return None
