"""Per-field precision and recall of the free-text reader on an annotated corpus.

Used by the quality test (which fails below the floor) and by the benchmark (which prints
the table).  Fields are compared as sets of items, so a site or a symptom that is read but
not there is a false positive, and one that is there but not read is a false negative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from twitchwise.answers import to_builtins
from twitchwise.kb.models import KnowledgeBase
from twitchwise.understand import Reading, read

CORPUS = Path(__file__).with_name("corpus.yaml")
HELD_OUT = (
    Path(__file__).with_name("heldout.yaml"),
    Path(__file__).with_name("heldout-b.yaml"),
    Path(__file__).with_name("heldout-c.yaml"),
    Path(__file__).with_name("heldout-d.yaml"),
    Path(__file__).with_name("heldout-e.yaml"),
    Path(__file__).with_name("heldout-f.yaml"),
    Path(__file__).with_name("heldout-g.yaml"),
    Path(__file__).with_name("heldout-h.yaml"),
    Path(__file__).with_name("heldout-i.yaml"),
)
"""Written after the reader, each committed before the reader first ran on it (bench/README.md
keeps those first figures); once used to improve the reader, each joined the regression test."""
ALL = (CORPUS, *HELD_OUT)
GATED = ("sites", "duration", "symptoms_affirmed", "symptoms_negated", "caffeine", "age", "sex")
FLOOR = 0.95

SCALARS = {
    "duration": ("dur", "duration_days"), "caffeine": ("caf", "caffeine_mg_per_day"), "age": ("age", "age"),
    "sex": ("sex", "sex"), "water": ("water", "water_litres_per_day"), "alcohol": ("alc", "alcohol_units_per_week"),
    "nicotine": ("nic", "nicotine"), "sleep": ("sleep", "sleep_hours"), "stress": ("stress", "stress_0_10"),
    "exercise": ("ex", "recent_intense_exercise"), "pregnant": ("preg", "pregnant"),
    "illness": ("ill", "recent_viral_illness"), "back_pain": ("back", "back_or_neck_pain"),
}  # fmt: skip


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, gold: Iterable[str], predicted: Iterable[str], text: str) -> None:
        gold_set, predicted_set = set(gold), set(predicted)
        self.tp += len(gold_set & predicted_set)
        self.fp += len(predicted_set - gold_set)
        self.fn += len(gold_set - predicted_set)
        if gold_set != predicted_set:
            self.misses.append(f"{text!r}: expected {sorted(gold_set)}, read {sorted(predicted_set)}")


def load_corpus(path: Path = CORPUS) -> tuple[dt.date, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["today"], data["cases"]


def items(reading: Reading) -> dict[str, set[str]]:
    """The reading as sets of comparable items, one set per field."""
    answers = to_builtins(reading.answers)
    symptoms: dict[str, Any] = answers.get("symptoms", {})  # type: ignore[assignment]
    result: dict[str, set[str]] = {
        "sites": {_site(s) for s in answers.get("sites", [])},  # type: ignore[attr-defined]
        "symptoms_affirmed": {s for s, v in symptoms.items() if v is True},
        "symptoms_negated": {s for s, v in symptoms.items() if v is False},
        "symptoms_uncertain": {s for s, v in symptoms.items() if v is None},
        "medicines": {f"medicine:{m}" for m in answers.get("medications", [])}  # type: ignore[attr-defined]
        | ({"none"} if answers.get("medications") == [] else set()),
        "contexts": set(reading.contexts),
        "question": {reading.question} if reading.question else set(),
        "about": {reading.about} if reading.about != "self" else set(),
    }
    for name, (_, key) in SCALARS.items():
        result[name] = {_scalar(answers[key])} if key in answers else set()
    return result


def gold_items(expect: dict[str, Any]) -> dict[str, set[str]]:
    symptoms: dict[str, Any] = expect.get("sym", {})
    meds = expect.get("meds")
    result: dict[str, set[str]] = {
        "sites": set(expect.get("sites", [])),
        "symptoms_affirmed": {s for s, v in symptoms.items() if v is True},
        "symptoms_negated": {s for s, v in symptoms.items() if v is False},
        "symptoms_uncertain": {s for s, v in symptoms.items() if v is None},
        "medicines": {f"medicine:{m}" for m in meds or []} | ({"none"} if meds == [] else set()),
        "contexts": set(expect.get("ctx", [])),
        "question": {expect["q"]} if "q" in expect else set(),
        "about": {expect["about"]} if "about" in expect else set(),
    }
    for name, (short, _) in SCALARS.items():
        result[name] = {_scalar(expect[short])} if short in expect else set()
    return result


def evaluate(kb: KnowledgeBase, *paths: Path) -> dict[str, Tally]:
    """Per-field tallies over the cases of every file given (the development corpus by default)."""
    tallies: dict[str, Tally] = {}
    for path in paths or (CORPUS,):
        _add(kb, path, tallies)
    return tallies


def _add(kb: KnowledgeBase, path: Path, tallies: dict[str, Tally]) -> None:
    today, cases = load_corpus(path)
    for case in cases:
        predicted = items(read(case["t"], kb, today=today))
        gold = gold_items(case["e"])
        for name in gold:
            tallies.setdefault(name, Tally()).add(gold[name], _near(gold[name], predicted[name]), case["t"])


def table(tallies: dict[str, Tally]) -> str:
    lines = [f"{'field':<20} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'fn':>4}  gated"]
    for name, tally in tallies.items():
        gate = "yes" if name in GATED else ""
        lines.append(
            f"{name:<20} {tally.precision:>9.3f} {tally.recall:>7.3f} {tally.tp:>5} {tally.fp:>4} {tally.fn:>4}  {gate}"
        )
    return "\n".join(lines)


def _site(site: dict[str, str]) -> str:
    return f"{site['region']}/{site['side']}" if "side" in site else site["region"]


def _scalar(value: object) -> str:
    if isinstance(value, (bool, str)):
        return str(value).lower()
    return f"{float(value):g}"  # type: ignore[arg-type]


def _near(gold: set[str], predicted: set[str]) -> set[str]:
    """A number within 1 % (at least 1 unit for days and mg) counts as the gold value."""
    if len(gold) != 1 or len(predicted) != 1:
        return predicted
    (g,), (p,) = gold, predicted
    try:
        gv, pv = float(g), float(p)
    except ValueError:
        return predicted
    return gold if abs(gv - pv) <= max(0.011 * abs(gv), 1.0 if gv >= 5 else 0.05) else predicted
