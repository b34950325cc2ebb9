"""FHIR R4 export and import: valid structure (fhir.resources), the Symptoms IG's SymptomObservation
profile checked element by element here, and a bundle that imports back to the same diary."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import msgspec
import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings

from tests.conftest import run_cli
from tests.diary.records_strategies import diaries
from tests.sample_diary import TODAY, fill
from twitchwise.diary import fhir
from twitchwise.diary.records import Day, Episode, Symptom
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import ProfileData, export_data, export_fhir, export_json, import_path
from twitchwise.errors import InputError

NOW = msgspec.convert("2026-11-21T10:00:00", type=__import__("datetime").datetime)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def codes(concept: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c["system"], c["code"]) for c in concept.get("coding", [])}


@pytest.fixture
def exported(store: Store) -> tuple[Store, dict[str, Any]]:
    fill(store.diary())
    return store, json.loads(export_fhir(store, "me", now=NOW))


def test_the_bundle_is_valid_fhir_and_every_symptom_follows_the_profile(exported: tuple[Store, dict[str, Any]]) -> None:
    store, bundle = exported
    Bundle.model_validate(bundle)  # structure, cardinality and datatypes, by fhir.resources
    data = export_data(store, ["me"]).profiles[0]
    (patient_entry,) = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert patient_entry["resource"]["gender"] == "female" and set(patient_entry["resource"]) <= {
        "resourceType", "active", "gender"}  # minimal: no name, no birth date  # fmt: skip
    patient = {"reference": patient_entry["fullUrl"]}
    observations = resources(bundle, "Observation")
    symptoms = [o for o in observations if fhir.SYMPTOM_PROFILE in o.get("meta", {}).get("profile", [])]
    present = [s for s in data.symptoms if s.present]
    assert len(symptoms) == len(data.episodes) + len(present)  # absences have the IG's own profile (below)
    for observation in symptoms:  # the profile's SHALL elements, one by one
        assert observation["status"] == "final"
        assert ("http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary", "symptom") in codes(
            observation["category"][0]
        )
        assert codes(observation["code"]) == {("http://loinc.org", "75325-1")}
        assert observation["subject"] == patient and observation["performer"] == [patient]
        assert "effectiveDateTime" in observation
        assert observation["valueCodeableConcept"]["coding"][0]["system"] == fhir.SNOMED  # a clinical finding
        assert not {"dataAbsentReason", "interpretation", "referenceRange", "specimen", "device"} & set(observation)
        assert fhir.profile_problems(observation, bundle) == []
    episodes = [o for o in symptoms if (fhir.SNOMED, "82470000") in codes(o["valueCodeableConcept"])
                and "bodySite" in o]  # fmt: skip
    assert len(episodes) == len(data.episodes)
    by_uid = {o["identifier"][0]["value"]: o for o in episodes}
    for episode in data.episodes:
        observation = by_uid[episode.uid]
        assert observation["bodySite"]["text"] == (
            f"{episode.side} {episode.region}" if episode.side else episode.region
        )
        assert observation["effectiveDateTime"].startswith(episode.at.isoformat())
        severity = [
            c for c in observation.get("component", []) if codes(c["code"]) == {("http://loinc.org", "64750-3")}
        ]
        if episode.intensity is None:
            assert severity == []
        else:
            expected = "255604002" if episode.intensity <= 2 else "6736007" if episode.intensity == 3 else "24484000"
            assert codes(severity[0]["valueCodeableConcept"]) == {(fhir.SNOMED, expected)}


def test_pertinent_negatives_factors_and_checks_have_their_own_resources(
    exported: tuple[Store, dict[str, Any]],
) -> None:
    store, bundle = exported
    data = export_data(store, ["me"]).profiles[0]
    observations = resources(bundle, "Observation")
    absent = [o for o in observations if fhir.ABSENT_PROFILE in o.get("meta", {}).get("profile", [])]
    for observation in absent:  # the IG's SymptomAbsentObservation: code LOINC 111551-8, valued with the symptom
        assert codes(observation["code"]) == {("http://loinc.org", "111551-8")} and "category" not in observation
        assert fhir.profile_problems(observation, bundle) == []
    absent_symptoms = {o["valueCodeableConcept"]["coding"][0]["code"] for o in absent}
    assert absent_symptoms == {"26544005", "82470000"}  # weakness checked and absent; a twitch-free day
    factors = [o for o in observations if codes(o["code"]) == {(fhir.CODES, "daily_factors")}]
    assert len(factors) == len(data.days)
    caffeine = [
        c["valueQuantity"] for o in factors for c in o["component"] if c["code"]["coding"][0]["code"] == "caffeine"
    ]
    assert caffeine and all(q["system"] == "http://unitsofmeasure.org" and q["code"] == "mg" for q in caffeine)
    answers = resources(bundle, "QuestionnaireResponse")
    assert len(answers) == len(data.checks) == 2
    items = {item["linkId"]: item for item in answers[0]["item"]}
    assert items["age"]["answer"] == [{"valueInteger": 34}]
    assert {i["linkId"]: i["answer"] for i in items["symptoms"]["item"]}["weakness"] == [{"valueBoolean": False}]
    assert items["sites"]["answer"][0]["valueCoding"]["code"] == "left_calf"


def test_importing_the_bundle_reproduces_the_diary_and_twice_adds_nothing(
    exported: tuple[Store, dict[str, Any]], tmp_path: Path
) -> None:
    store, bundle = exported
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    with Store(f"sqlite:///{tmp_path / 'copy.sqlite3'}") as copy_store:
        counts = import_path(copy_store, path, profile="me", today=TODAY)
        assert counts.skipped == 0 and sum(counts.added.values()) > 40
        assert json.loads(export_json(copy_store, ["me"])) == json.loads(export_json(store, ["me"]))
        again = import_path(copy_store, path, profile="me", today=TODAY)
        assert again.added == {} and again.skipped == sum(counts.added.values())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(diaries)
def test_any_diary_survives_the_round_trip(data: dict[str, Any]) -> None:
    profile = ProfileData(name="me", **data)
    bundle = json.loads(msgspec.json.encode(fhir.to_bundle(profile, now=NOW)))
    back = fhir.from_bundle(bundle, profile="me", today=TODAY)
    for kind in ("episodes", "days", "symptoms", "checks", "experiments"):
        assert sorted(getattr(back, kind), key=lambda r: r.uid) == sorted(data[kind], key=lambda r: r.uid), kind


def _mutations() -> list[tuple[str, Any, str]]:
    def break_status(bundle: dict[str, Any]) -> None:
        del bundle["entry"][1]["resource"]["status"]

    def break_code(bundle: dict[str, Any]) -> None:
        bundle["entry"][1]["resource"]["code"]["coding"][0]["code"] = "12345-6"

    def break_time(bundle: dict[str, Any]) -> None:
        bundle["entry"][1]["resource"]["effectiveDateTime"] = "yesterday"

    def break_type(bundle: dict[str, Any]) -> None:
        bundle["entry"][1]["resource"]["resourceType"] = "Spaceship"

    def break_count(bundle: dict[str, Any]) -> None:
        bundle["entry"][1]["resource"]["component"] = [
            fhir._component("count", "Twitches counted", valueInteger=-4)]  # fmt: skip

    def break_site_system(bundle: dict[str, Any]) -> None:  # found by the import fuzzer: a space inserted
        coding = bundle["entry"][1]["resource"]["bodySite"]["coding"][0]
        coding["system"] = " " + coding["system"]

    return [
        ("site system", break_site_system, "entry[1].resource (bodySite)"),
        ("status", break_status, "entry[1].resource.status"),
        ("code", break_code, "entry[1].resource"),
        ("time", break_time, "entry[1].resource.effectiveDateTime"),
        ("type", break_type, "entry[1].resource"),
        ("count", break_count, "entry[1].resource (count)"),
    ]


@pytest.mark.parametrize(("name", "mutate", "field"), _mutations(), ids=[m[0] for m in _mutations()])
def test_a_broken_bundle_is_refused_naming_where_and_nothing_is_written(
    tmp_path: Path, name: str, mutate: Any, field: str
) -> None:
    profile = ProfileData(name="me", episodes=[Episode(at=NOW, region="calf", side="left", count=3, intensity=2)],
                          days=[Day(day=TODAY, caffeine_mg=200)],
                          symptoms=[Symptom(symptom="weakness", present=False, at=NOW)])  # fmt: skip
    bundle = json.loads(msgspec.json.encode(fhir.to_bundle(profile, now=NOW)))
    mutate(bundle)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bundle))
    with Store(f"sqlite:///{tmp_path / 'd.sqlite3'}") as store:
        with pytest.raises(InputError) as refused:
            import_path(store, path, profile="me", today=TODAY)
        assert store.diary().list() == []
    assert refused.value.field == f"bad.json: {field}"
    assert "-4" not in str(refused.value) and "yesterday" not in str(refused.value)


def test_export_and_import_through_the_command(tmp_path: Path) -> None:
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "a"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    assert run_cli("log", "twitch", "--site", "left calf", "--count", "4", environ=env).code == 0
    printed = run_cli("export", "--format", "fhir", environ=env)
    assert printed.code == 0 and json.loads(printed.out)["resourceType"] == "Bundle"
    path = tmp_path / "bundle.json"
    assert run_cli("export", "--format", "fhir", "--out", str(path), environ=env).code == 0
    other = {**env, "TWITCHWISE_DATA_DIR": str(tmp_path / "b")}
    imported = run_cli("import", str(path), environ=other)
    assert imported.code == 0 and imported.out.startswith("Imported 1 episode;")
    broken = copy.deepcopy(json.loads(path.read_text()))
    broken["entry"][1]["resource"]["status"] = 7
    path.write_text(json.dumps(broken))
    refused = run_cli("import", str(path), environ={**env, "TWITCHWISE_DATA_DIR": str(tmp_path / "c")})
    assert refused.code == 2 and refused.err.startswith("twitchwise: error: bundle.json: entry[1].resource.status")


def test_a_no_break_space_in_a_medicine_or_note_survives_the_round_trip() -> None:
    # Found by the round-trip test (2026-12-01): "Vitamin\xa0D" (pasted text) was exported, then refused on
    # import by fhir.resources, which reads FHIR's string pattern with Python's idea of whitespace.
    day = Day(day=TODAY, caffeine_mg=100, medicines=["Vitamin\xa0D", "line\u2028sep"])
    episode = Episode(at=NOW, region="calf", side="left", note="after\xa0a run")
    profile = ProfileData(name="me", days=[day], episodes=[episode])
    bundle = json.loads(msgspec.json.encode(fhir.to_bundle(profile, now=NOW)))
    back = fhir.from_bundle(bundle, profile="me", today=TODAY)
    assert back.days == [day] and back.episodes == [episode]
