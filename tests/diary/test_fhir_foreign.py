"""FHIR from other systems: symptom observations and absent-symptom observations written to the HL7 Symptoms
IG with no twitchwise identifiers, plain Observations with a known LOINC code, ordinary references
("Patient/p1"), a lone resource, R4 types that R4B lacks, and the FHIR specification's own example
Observation (samples/fhir/, source and licence in its README).  What is read is added; the rest is counted
by what it was and why, and nothing is refused for being someone else's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tests.conftest import run_cli
from twitchwise.diary.records import Day, Episode, Symptom
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import import_path

TODAY = dt.date(2026, 11, 21)
SAMPLES = Path(__file__).parent / "samples" / "fhir"
IG = "http://hl7.org/fhir/uv/symptoms/StructureDefinition/"
SNOMED, LOINC = "http://snomed.info/sct", "http://loinc.org"


def symptom(value: tuple[str, str], *, absent: bool = False, site: tuple[str, str] | None = None,
            when: str = "2026-11-10T08:30:00+01:00", rid: str = "s1") -> dict[str, Any]:  # fmt: skip
    resource: dict[str, Any] = {
        "resourceType": "Observation", "id": rid,
        "meta": {"profile": [IG + ("SymptomAbsentObservation" if absent else "SymptomObservation")]},
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": "111551-8" if absent else "75325-1"}]},
        "subject": {"reference": "Patient/p1"}, "performer": [{"reference": "Patient/p1"}],
        "effectiveDateTime": when,
        "valueCodeableConcept": {"coding": [{"system": SNOMED, "code": value[0], "display": value[1]}]},
    }  # fmt: skip
    if not absent:
        resource["category"] = [{"coding": [{"system": "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary",
                                             "code": "symptom"}]}]  # fmt: skip
    if site:
        resource["bodySite"] = {"coding": [{"system": SNOMED, "code": site[0], "display": site[1]}]}
    return resource


def another_systems_bundle() -> dict[str, Any]:
    entries = [
        {"fullUrl": "http://example.org/fhir/Patient/p1", "resource": {"resourceType": "Patient", "id": "p1"}},
        {"resource": symptom(("82470000", "Fasciculation"), site=("53840002", "Calf of leg structure"))},
        {"resource": symptom(("82470000", "Fasciculation"), rid="s2")},  # no body site: cannot be placed
        {"resource": symptom(("26544005", "Muscle weakness"), absent=True, rid="s3")},
        {"resource": symptom(("82470000", "Fasciculation"), absent=True, when="2026-11-12", rid="s4")},
        {"resource": symptom(("422587007", "Nausea"), rid="s5")},
        {"resource": {"resourceType": "Observation", "id": "sleep1", "status": "final",
                      "code": {"coding": [{"system": LOINC, "code": "93832-4", "display": "Sleep duration"}]},
                      "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-11",
                      "valueQuantity": {"value": 450, "unit": "min", "system": "http://unitsofmeasure.org",
                                        "code": "min"}}},
        {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
                      "code": {"text": "Anxiety"}}},
        {"resource": {"resourceType": "MedicinalProduct", "id": "m1"}},  # R4 only: R4B renamed it
    ]  # fmt: skip
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def listed(store: Store) -> list[Any]:
    return [s.record for s in store.diary().list()]


def test_another_systems_symptoms_are_read_and_the_rest_is_counted(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(another_systems_bundle()))
    counts = import_path(store, path, profile="me", today=TODAY)
    records = listed(store)
    episodes = [r for r in records if isinstance(r, Episode)]
    symptoms = [r for r in records if isinstance(r, Symptom)]
    days = {r.day: r for r in records if isinstance(r, Day)}
    assert [(e.at, e.region) for e in episodes] == [(dt.datetime(2026, 11, 10, 8, 30), "calf")]
    assert [(s.symptom, s.present) for s in symptoms] == [("weakness", False)]
    assert days[dt.date(2026, 11, 11)].sleep_h == 7.5 and days[dt.date(2026, 11, 12)].twitch_free
    assert counts.not_read == {
        "twitching observations with no body site twitchwise knows": 1,
        "symptom observations of a symptom twitchwise does not know": 1,
        "Condition resources (not diary records)": 1,
        "MedicinalProduct (an R4 type twitchwise does not read)": 1,
    }
    again = import_path(store, path, profile="me", today=TODAY)
    assert again.added == {} and again.skipped == sum(counts.added.values())


def test_a_lone_observation_with_ordinary_references_is_read_not_refused(tmp_path: Path) -> None:
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    example = run_cli("import", str(SAMPLES / "observation-example.json"), environ=env)
    assert example.code == 0, example.err
    assert (
        "Imported nothing new" in example.out and "Observations with a code twitchwise does not read: 1" in example.out
    )
    lone = tmp_path / "symptom.json"
    lone.write_text(json.dumps(symptom(("82470000", "Fasciculation"), site=("85562004", "Hand structure"))))
    result = run_cli("import", str(lone), environ=env)
    assert result.code == 0 and result.out.startswith("Imported 1 episode;"), result.out + result.err


def test_a_symptom_observation_about_no_patient_is_still_refused(tmp_path: Path) -> None:
    resource = symptom(("82470000", "Fasciculation"), site=("53840002", "Calf of leg structure"))
    resource["subject"] = {"reference": "Group/g1"}
    path = tmp_path / "group.json"
    path.write_text(json.dumps(resource))
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    result = run_cli("import", str(path), environ=env)
    assert result.code == 2 and "subject is not a Patient" in result.err
