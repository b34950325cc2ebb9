"""How many diary days the shipped method needs to see a rate ratio of 1.5, from the harness.

``data/power.json`` is written by ``python -m bench.triggers.harness --power``: per kind of factor
(continuous, yes/no), the diary lengths simulated and the share of simulated people in whom a
true RR 1.5 was found.  The days needed are the shortest simulated length with power >= 0.8.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from twitchwise.insights.model import FactorSpec

TARGET_POWER = 0.8
# The simulated diaries lose 15 % of whole days at random (triggers.md §4.1, the default cell), so a day-pair the
# model can use (twitches and factors on a day and on the day before) survives in about 0.85² of their days.
HARNESS_USABLE_SHARE = 0.85**2
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


def usable_pairs_for_rr_1_5(spec: FactorSpec) -> int | None:
    """The usable day-pairs (twitches and factors on a day and the day before) in the simulated diaries that
    reached 80 % power: what a diary needs to hold, whatever its calendar length or gaps."""
    days = days_for_rr_1_5(spec)
    return None if days is None else math.ceil(days * HARNESS_USABLE_SHARE)
