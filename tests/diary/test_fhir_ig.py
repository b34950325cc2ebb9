"""Every resource twitchwise exports, checked against the HL7 Symptoms IG's own profile rules, read from the
guide's FHIR Shorthand (samples/symptoms-ig/, copied from HL7/fhir-symptoms-ig; see its README)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.sample_diary import fill
from twitchwise.diary import fhir
from twitchwise.diary.records import Day, Episode, Symptom
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import ProfileData, export_fhir

IG = Path(__file__).parent / "samples" / "symptoms-ig"
NOW = dt.datetime(2026, 11, 21, 10, 0)
ALIASES = {"SymptomTemporary": "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary"}
SEVERITIES = {"255604002", "6736007", "24484000"}  # SNOMED CT mild, moderate, severe: descendants of 272141005


@dataclass
class Rules:
    """The rules of one profile that a resource can be checked against without a terminology server."""

    required: set[str] = field(default_factory=set)
    forbidden: set[str] = field(default_factory=set)
    fixed: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (system, code)
    references: dict[str, set[str]] = field(default_factory=dict)  # path -> allowed resource types
    types: dict[str, set[str]] = field(default_factory=dict)  # choice path -> allowed types


def rules(profile: str) -> Rules:
    """The top-level rules (and the severity slot's fixed code) of ``Profile: <profile>``."""
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(IG.glob("*.fsh")))
    block = re.search(rf"^Profile: {profile}\n(.*?)(?=^(?:Profile|Extension|ValueSet|CodeSystem|Instance|"
                      rf"Logical|RuleSet):|\Z)", text, re.M | re.S)  # fmt: skip
    assert block, profile
    found = Rules()
    parent = ""
    for line in block[1].splitlines():
        if match := re.match(r"^\* (\S+)", line):
            parent = match[1]
            rule, path = line[2:], match[1]
        elif (match := re.match(r"^  \* (\S+)", line)) and parent.startswith("component["):
            rule, path = line[4:], f"{parent}.{match[1]}"
        else:
            continue
        if card := re.fullmatch(r"\S+ (\d+)\.\.(\d+|\*)(?: MS)?\s*", rule):
            (found.forbidden if card[2] == "0" else found.required if card[1] != "0" else set()).add(path)
        elif fixed := re.fullmatch(r"\S+ = (\S+?)#(\S+)(?: \".*\")?\s*", rule):
            found.fixed[path] = (ALIASES.get(fixed[1], fixed[1]), fixed[2])
        elif only := re.fullmatch(r"\S+ only Reference\((.+)\)\s*", rule):
            found.references[path] = set(only[1].split(" or "))
        elif only := re.fullmatch(r"\S+ only ([\w ]+?)\s*", rule):
            found.types[path] = set(only[1].split(" or "))
    return found


def present(resource: dict[str, Any], path: str) -> bool:
    if path.endswith("[x]"):
        return any(key.startswith(path[:-3]) for key in resource)
    value = resource.get(re.sub(r"\[.*\]$", "", path))
    return value not in (None, [], {})


def codes(concept: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c.get("system", ""), c.get("code", "")) for c in concept.get("coding", [])}


def conformance_problems(resource: dict[str, Any], found: Rules, types: dict[str, str]) -> list[str]:
    problems = [f"{p} is required" for p in found.required if "." not in p and not present(resource, p)]
    problems += [f"{p} is not allowed" for p in found.forbidden if "." not in p and present(resource, p)]
    for path, coding in found.fixed.items():
        if path == "code" and coding not in codes(resource["code"]):
            problems.append(f"code is not {coding}")
        elif path.startswith("category[") and not any(coding in codes(c) for c in resource.get("category", [])):
            problems.append(f"no category {coding}")
        elif path == "component[severity].code":
            for component in resource.get("component", []):
                if coding in codes(component["code"]) and not codes(component["valueCodeableConcept"]) & {
                    (fhir.SNOMED, s) for s in SEVERITIES
                }:
                    problems.append("a severity that is not a SNOMED CT severity")
    for path, allowed in found.references.items():
        targets = resource.get(path, [])
        for target in targets if isinstance(targets, list) else [targets]:
            if types.get(target.get("reference", "")) not in allowed:
                problems.append(f"{path} refers to a {types.get(target.get('reference', ''))}, not {allowed}")
    if "value[x]" in found.types and not any(f"value{t}" in resource for t in found.types["value[x]"]):
        problems.append(f"value is not a {found.types['value[x]']}")
    if "effective[x]" in found.types and not any(f"effective{t[0].upper()}{t[1:]}" in resource
                                                 for t in found.types["effective[x]"]):  # fmt: skip
        problems.append("effective is not a dateTime or Period")
    return problems


def test_the_rules_are_read_from_the_guide() -> None:
    symptom, absent = rules("SymptomObservation"), rules("SymptomAbsentObservation")
    assert {"status", "category", "code", "subject", "effective[x]", "performer", "value[x]"} <= symptom.required
    assert {"dataAbsentReason", "interpretation", "specimen", "device", "referenceRange"} <= symptom.forbidden
    assert symptom.fixed["code"] == ("http://loinc.org", "75325-1")
    assert symptom.fixed["component[severity].code"] == ("http://loinc.org", "64750-3")
    assert absent.fixed["code"] == ("http://loinc.org", "111551-8")
    assert absent.references["performer"] == {"Patient", "RelatedPerson"}


def test_every_exported_symptom_and_absence_meets_the_guide(store: Store) -> None:
    fill(store.diary())
    extra = ProfileData(name="me", symptoms=[Symptom(symptom="numbness", present=True, at=NOW, region="calf",
                                                     side="left"),
                                             Symptom(symptom="fever", present=False, at=NOW)],
                        days=[Day(day=NOW.date() - dt.timedelta(days=400), twitch_free=True)],
                        episodes=[Episode(at=NOW, region="eyelid", intensity=5)])  # fmt: skip
    bundles = [msgspec.json.decode(export_fhir(store, "me", now=NOW)),
               msgspec.json.decode(msgspec.json.encode(fhir.to_bundle(extra, now=NOW)))]  # fmt: skip
    checked = {"SymptomObservation": 0, "SymptomAbsentObservation": 0}
    for bundle in bundles:
        types = {e["fullUrl"]: e["resource"]["resourceType"] for e in bundle["entry"]}
        for entry in bundle["entry"]:
            resource = entry["resource"]
            for profile in checked:
                canonical = f"http://hl7.org/fhir/uv/symptoms/StructureDefinition/{profile}"
                if canonical in resource.get("meta", {}).get("profile", []):
                    assert conformance_problems(resource, rules(profile), types) == [], resource
                    checked[profile] += 1
    assert checked["SymptomObservation"] > 50 and checked["SymptomAbsentObservation"] >= 3


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: r.pop("performer"), "performer is required"),
        (lambda r: r.update(code={"coding": [{"system": "http://loinc.org", "code": "75325-1"}]}), "code is not"),
        (lambda r: r.update(interpretation=[{"text": "high"}]), "interpretation is not allowed"),
    ],
)
def test_the_check_finds_a_broken_absence(change: Any, problem: str) -> None:
    profile = ProfileData(name="me", symptoms=[Symptom(symptom="weakness", present=False, at=NOW)])
    bundle = msgspec.json.decode(msgspec.json.encode(fhir.to_bundle(profile, now=NOW)))
    types = {e["fullUrl"]: e["resource"]["resourceType"] for e in bundle["entry"]}
    resource = bundle["entry"][1]["resource"]
    change(resource)
    assert any(p.startswith(problem) for p in conformance_problems(resource, rules("SymptomAbsentObservation"), types))
