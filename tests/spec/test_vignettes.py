"""Table-driven triage specs: tests/spec/vignettes.yaml, readable by a clinician."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import TODAY
from twitchwise.answers import answers_from_builtins
from twitchwise.kb import KnowledgeBase
from twitchwise.triage.engine import assess
from twitchwise.vocabulary import Disposition

VIGNETTES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "vignettes.yaml").read_text())


def calm_symptoms(kb: KnowledgeBase) -> dict[str, bool]:
    """'No' to every symptom of an emergency or urgent red flag."""
    serious = (Disposition.EMERGENCY, Disposition.URGENT)
    questions = (q for flag in kb.red_flags if flag.disposition in serious for q in flag.condition.questions())
    return {q: False for q in questions if q in kb.symptoms}


def answers_for(row: dict[str, Any], kb: KnowledgeBase) -> dict[str, Any]:
    data = dict(row["answers"])
    if row.get("calm"):
        data["symptoms"] = {**calm_symptoms(kb), **data.get("symptoms", {})}
    return data


@pytest.mark.parametrize("row", VIGNETTES, ids=[row["id"] for row in VIGNETTES])
def test_vignette(row: dict[str, Any], kb: KnowledgeBase) -> None:
    answers = answers_from_builtins(answers_for(row, kb), today=TODAY, symptom_ids=kb.symptom_ids)
    result = assess(answers, kb, today=TODAY)
    fired = {flag.id for flag in result.red_flags}
    assert result.disposition == row["expect"], f"fired: {sorted(fired)}"
    assert set(row.get("flags", [])) <= fired
    assert not set(row.get("not_flags", [])) & fired


def test_every_disposition_has_at_least_ten_vignettes() -> None:
    counts = Counter(row["expect"] for row in VIGNETTES)
    assert len(VIGNETTES) >= 60
    assert all(counts[d.value] >= 10 for d in Disposition), counts


def test_every_red_flag_is_exercised_by_a_vignette(kb: KnowledgeBase) -> None:
    named = {flag for row in VIGNETTES for flag in row.get("flags", [])}
    assert {flag.id for flag in kb.red_flags} - named == set()


def test_vignette_ids_are_unique() -> None:
    ids = [row["id"] for row in VIGNETTES]
    assert len(ids) == len(set(ids))
