"""Safety properties of triage, checked on generated answers."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import TODAY
from tests.strategies import KB, SYMPTOMS, answers, sites
from twitchwise.answers import answers_from_builtins
from twitchwise.triage.assessment import Assessment
from twitchwise.triage.engine import assess
from twitchwise.vocabulary import Disposition

EMERGENCY_FLAGS = [flag for flag in KB.red_flags if flag.disposition is Disposition.EMERGENCY]


def run(data: dict[str, Any]) -> Assessment:
    return assess(answers_from_builtins(data, today=TODAY, symptom_ids=KB.symptom_ids), KB, today=TODAY)


def rank(result: Assessment) -> int:
    return Disposition(result.disposition).rank


@given(answers(), st.sampled_from(SYMPTOMS))
def test_adding_a_present_symptom_never_lowers_the_disposition(data: dict[str, Any], symptom: str) -> None:
    before = run(data)
    worse = {**data, "symptoms": {**data.get("symptoms", {}), symptom: True}}
    assert rank(run(worse)) >= rank(before)


@given(answers(), st.integers(1, 400))
def test_a_longer_duration_never_lowers_the_disposition(data: dict[str, Any], extra: int) -> None:
    data.setdefault("duration_days", 0)
    longer = {**data, "duration_days": data["duration_days"] + extra}
    assert rank(run(longer)) >= rank(run(data))


@given(answers(), sites.filter(bool))
def test_another_site_never_lowers_the_disposition(data: dict[str, Any], more: list[dict[str, str]]) -> None:
    data.setdefault("sites", [{"region": "calf", "side": "left"}])
    wider = {**data, "sites": data["sites"] + more}
    assert rank(run(wider)) >= rank(run(data))


@given(answers(), st.sampled_from(SYMPTOMS))
def test_answering_yes_instead_of_no_never_lowers_the_disposition(data: dict[str, Any], symptom: str) -> None:
    no = {**data, "symptoms": {**data.get("symptoms", {}), symptom: False}}
    yes = {**data, "symptoms": {**data.get("symptoms", {}), symptom: True}}
    assert rank(run(yes)) >= rank(run(no))


@settings(max_examples=60)
@given(answers(), st.sampled_from(EMERGENCY_FLAGS))
def test_every_emergency_flag_alone_gives_emergency(data: dict[str, Any], flag: Any) -> None:
    """Whatever else is present, the answers that make one emergency flag true give emergency."""
    data = {**data, "symptoms": dict(data.get("symptoms", {}))}
    for question in flag.condition.questions():
        if question in KB.symptoms:
            data["symptoms"][question] = True
    if "medications" in flag.condition.questions():
        data["medications"] = [*data.get("medications", []), "sertraline"]
    if "caffeine_mg_per_day" in flag.condition.questions():
        data["caffeine_mg_per_day"] = 2000.0
    if "age" in flag.condition.questions():  # the emergency flags with an age in them are for children and babies
        data["age"] = 0
    result = run(data)
    assert result.disposition == "emergency"
    assert flag.id in {f.id for f in result.red_flags}


@given(answers())
def test_every_statement_carries_a_known_source(data: dict[str, Any]) -> None:
    result = run(data)
    statements: list[Any] = [*result.red_flags, *result.factors, *result.plan, *result.messages, result.detail]
    for statement in statements:
        assert statement.sources, statement
        assert set(statement.sources) <= set(result.sources)
    assert set(result.sources) <= set(KB.sources)


@given(answers())
def test_every_red_flag_and_factor_has_a_tier_a_or_b_source(data: dict[str, Any]) -> None:
    result = run(data)
    flags_and_factors: list[Any] = [*result.red_flags, *result.factors]
    for statement in flags_and_factors:
        assert any(result.sources[s].tier in ("A", "B") for s in statement.sources)


@given(answers())
def test_assessment_is_deterministic(data: dict[str, Any]) -> None:
    assert run(data).to_json() == run(dict(data)).to_json()


@given(answers())
def test_self_care_never_comes_with_a_red_flag(data: dict[str, Any]) -> None:
    result = run(data)
    assert (result.disposition == "self_care") == (not result.red_flags)


@given(answers())
def test_no_plan_step_advises_stopping_a_medicine(data: dict[str, Any]) -> None:
    for step in run(data).plan:
        text = step.text.lower()
        assert "stop taking" not in text and "stop your medicine" not in text
        if step.id == "keep_medicines":
            assert "never stop" in text


def test_an_open_question_that_cannot_change_the_advice_is_not_needed_not_unanswered(kb: Any) -> None:
    today = TODAY
    emergency = answers_from_builtins({"symptoms": {"seizure": True}}, today=today, symptom_ids=kb.symptom_ids)
    result = assess(emergency, kb, today=today)
    assert result.disposition == "emergency" and result.unanswered == [] and "face_droop" in result.not_needed
    calm = answers_from_builtins({"sites": [{"region": "calf"}], "duration_days": 3}, today=today,
                                 symptom_ids=kb.symptom_ids)  # fmt: skip
    open_result = assess(calm, kb, today=today)
    assert "face_droop" in open_result.unanswered and "face_droop" not in open_result.not_needed
