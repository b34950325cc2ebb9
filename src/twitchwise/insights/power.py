"""How much diary the shipped method needs to see a rate ratio of 1.5, from the harness.

``data/power.json`` is written by ``python -m bench.triggers.harness --power``: for several kinds of
diary (the default, a drifting baseline, weekday habits, logging fatigue, blanks per factor), per kind of
factor (continuous, yes/no), the diary lengths simulated, the usable day-pairs those diaries held on
average, and the share of simulated people in whom a true RR 1.5 was found.  What a person is told to
reach is the slowest kind's first length with power >= 0.8, counted in usable day-pairs (a day with its
twitches and factors whose day before has them too), so gaps and idle months are not counted.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from twitchwise.insights.model import FactorSpec

TARGET_POWER = 0.8
POWER_FILE = Path(__file__).parent / "data" / "power.json"


@cache
def _table() -> dict[str, dict[str, list[tuple[int, float, float]]]]:
    data = json.loads(POWER_FILE.read_text(encoding="utf-8"))
    return {
        kind: {factor: [(int(days), float(usable), float(power)) for days, usable, power in rows]
               for factor, rows in by_factor.items()}
        for kind, by_factor in data["power"].items()
    }  # fmt: skip


def _reached(spec: FactorSpec) -> list[tuple[int, float]] | None:
    """For each kind of diary, the first (days, usable day-pairs) with power >= 0.8; None when some kind
    never reaches it within the longest simulated diary."""
    found = []
    for by_factor in _table().values():
        rows = sorted(by_factor["binary" if spec.binary else "continuous"])
        first = next(((days, usable) for days, usable, power in rows if power >= TARGET_POWER), None)
        if first is None:
            return None
        found.append(first)
    return found


def days_for_rr_1_5(spec: FactorSpec) -> int | None:
    """Diary days after which a factor like this one, with RR 1.5, is found in 80 % of people in every
    simulated kind of diary; None when even the longest simulated diary is not enough for some kind."""
    reached = _reached(spec)
    return None if reached is None else max(days for days, _ in reached)


def usable_pairs_for_rr_1_5(spec: FactorSpec) -> int | None:
    """The usable day-pairs those diaries held (the slowest kind's): what a diary needs to hold, whatever its
    calendar length or gaps."""
    reached = _reached(spec)
    return None if reached is None else math.ceil(max(usable for _, usable in reached))
