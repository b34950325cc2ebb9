"""The diary as a FHIR R4 Bundle, and back.

- each twitch episode is an Observation following the HL7 Symptoms IG's SymptomObservation
  profile: category ``symptom``, code LOINC 75325-1 ("Symptom"), valued with the SNOMED CT clinical
  finding 82470000 "Fasciculation" (the binding's clinical findings; ICD-10 R25.3 beside it), the body
  site as a SNOMED CT body structure (and twitchwise's code, which keeps the side), the severity in the
  profile's slot (component LOINC 64750-3, SNOMED CT mild / moderate / severe from the 1–5 intensity);
- a symptom logged as present is a SymptomObservation valued with its SNOMED CT finding where one
  exists; a symptom logged as absent, and a twitch-free day, is the IG's SymptomAbsentObservation
  (code LOINC 111551-8 "Symptom absent", valued with the symptom that was absent);
- a day's factors are one Observation with a component per factor (UCUM units; LOINC codes beside
  twitchwise's where LOINC has one: sleep duration, exercise duration);
- each check is a QuestionnaireResponse of its answers; a self-experiment is a Basic resource.

Every resource twitchwise writes carries the record's ``uid`` as an identifier, so importing a
bundle back reproduces the diary and importing it twice adds nothing.  Structure is validated
with fhir.resources (its R4B models, which for these five resources match R4 4.0.1); the profile's
required elements and codes are checked by :func:`profile_problems`.

FHIR times need a UTC offset and the diary's are wall-clock times: export adds this computer's
offset for that moment, import keeps the wall-clock time as written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

from twitchwise.diary.records import (
    KINDS,
    Check,
    Day,
    Episode,
    Experiment,
    Kind,
    Record,
    Symptom,
    build,
)  # fmt: skip
from twitchwise.diary.transfer import ProfileData
from twitchwise.errors import InputError
from twitchwise.jsonish import map_strings
from twitchwise.sites import site_name

SYMPTOM_PROFILE = "http://hl7.org/fhir/uv/symptoms/StructureDefinition/SymptomObservation"
SYMPTOM_CATEGORY = {"system": "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary", "code": "symptom",
                    "display": "Symptom"}  # fmt: skip
SYMPTOM_CODE = {"system": "http://loinc.org", "code": "75325-1", "display": "Symptom"}
FASCICULATION = {"system": "http://hl7.org/fhir/sid/icd-10", "code": "R25.3", "display": "Fasciculation"}
SNOMED = "http://snomed.info/sct"
FASCICULATION_SCT = {"system": SNOMED, "code": "82470000", "display": "Fasciculation (finding)"}
SEVERITY = {"system": "http://loinc.org", "code": "64750-3", "display": "Severity of symptoms"}
OLD_SEVERITY = {"system": SNOMED, "code": "162408000", "display": "Symptom severity"}  # written before 2026-12
ABSENT_PROFILE = "http://hl7.org/fhir/uv/symptoms/StructureDefinition/SymptomAbsentObservation"
ABSENT_CODE = {"system": "http://loinc.org", "code": "111551-8", "display": "Symptom absent"}
# The knowledge base's symptoms as SNOMED CT clinical findings (the IG's value binding), where one fits.
FINDINGS = {
    "weakness": ("26544005", "Muscle weakness (finding)"), "numbness": ("44077006", "Numbness (finding)"),
    "tingling": ("62507009", "Pins and needles (finding)"), "cramps": ("55300003", "Cramp (finding)"),
    "fever": ("386661006", "Fever (finding)"), "chest_pain": ("29857009", "Chest pain (finding)"),
    "racing_heart": ("80313002", "Palpitations (finding)"), "fainting": ("271594007", "Syncope (finding)"),
    "pain": ("68962001", "Muscle pain (finding)"), "breathing_difficulty": ("267036007", "Dyspnea (finding)"),
    "slurred_speech": ("289195008", "Slurred speech (finding)"), "seizure": ("91175000", "Seizure (finding)"),
    "severe_headache": ("25064002", "Headache (finding)"),
}  # fmt: skip
# Body regions as SNOMED CT body structures (the side stays in twitchwise's code and the text).
BODY_STRUCTURES = {
    "eyelid": ("80243003", "Eyelid structure"), "face": ("89545001", "Face structure"),
    "tongue": ("21974007", "Tongue structure"), "neck": ("45048000", "Neck structure"),
    "shoulder": ("16982005", "Shoulder region structure"), "upper_arm": ("40983000", "Upper arm structure"),
    "forearm": ("14975008", "Forearm structure"), "hand": ("85562004", "Hand structure"),
    "chest": ("51185008", "Thoracic structure"), "abdomen": ("113345001", "Abdominal structure"),
    "back": ("77568009", "Structure of back of trunk"), "buttock": ("46862004", "Buttock structure"),
    "thigh": ("68367000", "Thigh structure"), "knee": ("72696002", "Knee region structure"),
    "calf": ("53840002", "Calf of leg structure"), "shin": ("30021000", "Lower leg structure"),
    "foot": ("56459004", "Foot structure"),
}  # fmt: skip
LOINC_FACTORS = {"sleep": ("93832-4", "Sleep duration"), "exercise": ("55411-3", "Exercise duration")}
MILD = {"system": SNOMED, "code": "255604002", "display": "Mild"}
MODERATE = {"system": SNOMED, "code": "6736007", "display": "Moderate"}
SEVERE = {"system": SNOMED, "code": "24484000", "display": "Severe"}
ABSENT = {"system": SNOMED, "code": "2667000", "display": "Absent"}
CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"
# twitchwise's own codes (diary fields, sites, symptom ids) and record identifiers.
CODES = "urn:twitchwise:code"
UID = "urn:twitchwise:uid"
DERIVED = "urn:twitchwise:derived"  # resources made from another record (a twitch-free day): not imported
RESULT = "urn:twitchwise:check-result"
ANSWERS = "urn:twitchwise:check-answers"  # the answers exactly, beside the items FHIR readers use
DISPOSITION = "urn:twitchwise:disposition"
EXPERIMENT = "urn:twitchwise:experiment"
SIDES = ("left", "right", "both", "midline")
_FIELD = re.compile(r"^[a-z][a-z0-9_]{0,59}$")  # answer names shown as items (all of them, in real checks)

# Day fields as components: (field, code, display, UCUM unit or None for a non-quantity).
_DAY_QUANTITIES = (
    ("caffeine_mg", "caffeine", "Caffeine", "mg"), ("water_l", "water", "Fluid drunk", "L"),
    ("alcohol_units", "alcohol", "Alcohol units", "{unit}"), ("exercise_min", "exercise", "Exercise", "min"),
    ("sleep_h", "sleep", "Sleep the night before", "h"), ("mindful_min", "mindful", "Mindful minutes", "min"),
)  # fmt: skip
_EPISODE_NUMBERS = (("count", "count", "Twitches counted"), ("intensity", "intensity", "Intensity, 1 (barely) to 5"))


# --- export -----------------------------------------------------------------------------


def to_bundle(data: ProfileData, *, now: dt.datetime) -> dict[str, Any]:
    """One profile's diary as a FHIR R4 ``collection`` Bundle (a plain JSON-ready dict)."""
    patient_url = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'twitchwise:' + data.name)}"
    latest = max(data.checks, key=lambda c: c.at, default=None)
    patient: dict[str, Any] = {"resourceType": "Patient", "active": True}
    if latest is not None and latest.answers.get("sex") in ("female", "male", "other"):
        patient["gender"] = latest.answers["sex"]
    entries = [{"fullUrl": patient_url, "resource": patient}]
    subject = {"reference": patient_url}
    for resource in _resources(data, subject):
        entries.append({"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": resource})
    return {"resourceType": "Bundle", "type": "collection", "timestamp": _instant(now), "entry": entries}


def _resources(data: ProfileData, subject: dict[str, str]) -> Iterator[dict[str, Any]]:
    for episode in data.episodes:
        yield _episode(episode, subject)
    for symptom in data.symptoms:
        yield _symptom(symptom, subject)
    for day in data.days:
        yield _day(day, subject)
        if day.twitch_free:
            yield _twitch_free(day, subject)
    for check in data.checks:
        yield _check(check, subject)
    for experiment in data.experiments:
        yield _experiment(experiment, subject)


def _symptom_observation(uid: str, subject: dict[str, str], when: str, value: dict[str, Any], *,
                         system: str = UID, absent: bool = False) -> dict[str, Any]:  # fmt: skip
    """A SymptomObservation, or (``absent``) the IG's SymptomAbsentObservation of the same symptom."""
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "meta": {"profile": [ABSENT_PROFILE if absent else SYMPTOM_PROFILE]},
        "identifier": [{"system": system, "value": uid}],
        "status": "final",
    }
    if not absent:
        resource["category"] = [{"coding": [SYMPTOM_CATEGORY]}]
    resource["code"] = {"coding": [ABSENT_CODE], "text": "Symptom absent"} if absent else {
        "coding": [SYMPTOM_CODE], "text": "Symptom"}  # fmt: skip
    return {**resource, "subject": subject, "effectiveDateTime": when, "performer": [subject],
            "valueCodeableConcept": value}  # fmt: skip


def _twitching() -> dict[str, Any]:
    return {"coding": [FASCICULATION_SCT, FASCICULATION], "text": "Muscle twitching (fasciculation)"}


def _finding(symptom: str) -> dict[str, Any]:
    """A knowledge-base symptom as a CodeableConcept: its SNOMED CT finding first where it has one."""
    label = symptom.replace("_", " ")
    coding = [{"system": CODES, "code": symptom, "display": label}]
    if symptom in FINDINGS:
        code, display = FINDINGS[symptom]
        coding.insert(0, {"system": SNOMED, "code": code, "display": display})
    return {"coding": coding, "text": label}


def _site(region: str | None, side: str | None) -> dict[str, Any]:
    if region is None:  # a side alone ("left side")
        return {"coding": [{"system": CODES, "code": str(side)}], "text": f"{side} side"}
    code = f"{side}_{region}" if side else region
    coding = [{"system": CODES, "code": code, "display": site_name(region, side)}]
    if region in BODY_STRUCTURES:
        structure, display = BODY_STRUCTURES[region]
        coding.append({"system": SNOMED, "code": structure, "display": display})
    return {"coding": coding, "text": site_name(region, side)}


def _component(code: str, display: str, **value: Any) -> dict[str, Any]:
    coding = [{"system": CODES, "code": code, "display": display}]
    if code in LOINC_FACTORS:
        loinc, name = LOINC_FACTORS[code]
        coding.append({"system": "http://loinc.org", "code": loinc, "display": name})
    return {"code": {"coding": coding, "text": display}, **value}


def _quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit.strip("{}"), "system": UCUM, "code": unit}


def _episode(episode: Episode, subject: dict[str, str]) -> dict[str, Any]:
    resource = _symptom_observation(episode.uid, subject, _moment(episode.at), _twitching())
    resource["bodySite"] = _site(episode.region, episode.side)
    components = []
    if episode.intensity is not None:
        grade = MILD if episode.intensity <= 2 else MODERATE if episode.intensity == 3 else SEVERE
        components.append({"code": {"coding": [SEVERITY], "text": "Severity"},
                           "valueCodeableConcept": {"coding": [grade], "text": grade["display"].lower()}})  # fmt: skip
    for field, code, display in _EPISODE_NUMBERS:
        value = getattr(episode, field)
        if value is not None:
            components.append(_component(code, display, valueInteger=value))
    if episode.duration_s is not None:
        components.append(
            _component("duration", "How long it went on", valueQuantity=_quantity(episode.duration_s, "s"))
        )
    if episode.context is not None:
        concept = {"coding": [{"system": CODES, "code": episode.context}], "text": episode.context.replace("_", " ")}
        components.append(_component("context", "What the person was doing", valueCodeableConcept=concept))
    if components:
        resource["component"] = components
    if episode.note:
        resource["note"] = [{"text": episode.note}]
    return resource


def _symptom(symptom: Symptom, subject: dict[str, str]) -> dict[str, Any]:
    resource = _symptom_observation(symptom.uid, subject, _moment(symptom.at), _finding(symptom.symptom),
                                    absent=not symptom.present)  # fmt: skip
    if symptom.region is not None or symptom.side is not None:
        resource["bodySite"] = _site(symptom.region, symptom.side)
    if symptom.note:
        resource["note"] = [{"text": symptom.note}]
    return resource


def _twitch_free(day: Day, subject: dict[str, str]) -> dict[str, Any]:
    """A twitch-free day as an absent-symptom observation (derived from the day record)."""
    return _symptom_observation(f"{day.uid}-twitch-free", subject, day.day.isoformat(), _twitching(),
                                system=DERIVED, absent=True)  # fmt: skip


def _day(day: Day, subject: dict[str, str]) -> dict[str, Any]:
    components = []
    for field, code, display, unit in _DAY_QUANTITIES:
        value = getattr(day, field)
        if value is not None:
            components.append(_component(code, display, valueQuantity=_quantity(value, unit)))
    if day.nicotine is not None:
        components.append(_component("nicotine", "Any nicotine", valueBoolean=day.nicotine))
    if day.exercise_intensity is not None:
        concept = {"coding": [{"system": CODES, "code": day.exercise_intensity}], "text": day.exercise_intensity}
        components.append(_component("exercise_intensity", "How hard the exercise was", valueCodeableConcept=concept))
    if day.stress is not None:
        components.append(_component("stress", "Stress, 0 to 10", valueInteger=day.stress))
    if day.medicines is not None:  # an empty list is "none taken", not "not logged"
        components.append(_component("medicines", "Medicines taken (how many)", valueInteger=len(day.medicines)))
    for medicine in day.medicines or ():
        components.append(_component("medicine", "A medicine taken", valueString=medicine))
    components.append(_component("twitch_free", "A day without twitching", valueBoolean=day.twitch_free))
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "identifier": [{"system": UID, "value": day.uid}],
        "status": "final",
        "category": [{"coding": [{"system": CATEGORIES, "code": "social-history", "display": "Social History"}]}],
        "code": {
            "coding": [{"system": CODES, "code": "daily_factors", "display": "Daily factors"}],
            "text": "Daily factors",
        },
        "subject": subject,
        "effectiveDateTime": day.day.isoformat(),
        "component": components,
    }
    if day.note:
        resource["note"] = [{"text": day.note}]
    return resource


def _check(check: Check, subject: dict[str, str]) -> dict[str, Any]:
    return {
        "resourceType": "QuestionnaireResponse",
        "identifier": {"system": UID, "value": check.uid},
        "status": "completed",
        "subject": subject,
        "authored": _moment(check.at),
        "author": subject,
        "extension": [
            {"url": DISPOSITION, "valueCode": check.disposition},
            {"url": RESULT, "valueString": json.dumps(check.result, ensure_ascii=False)},
            {"url": ANSWERS, "valueString": json.dumps(check.answers, ensure_ascii=False)},
        ],
        "item": [_item(key, value) for key, value in check.answers.items() if _FIELD.match(key)],
    }


def _item(key: str, value: Any) -> dict[str, Any]:
    """One answer as a QuestionnaireResponse item: symptoms as a group, sites as codes."""
    if isinstance(value, dict):
        inner = [_item(name, present) for name, present in value.items() if _FIELD.match(name)]
        return {"linkId": key, "item": inner} if inner else {"linkId": key}
    if key == "sites" and isinstance(value, list) and all(isinstance(s, dict) and "region" in s for s in value):
        codings = [{"valueCoding": {"system": CODES, "code": f"{s['side']}_{s['region']}" if s.get("side")
                                    else s["region"]}} for s in value]  # fmt: skip
        return {"linkId": key, "answer": codings}
    values = value if isinstance(value, list) else [value]
    return {"linkId": key, "answer": [_answer(v) for v in values]} if values else {"linkId": key}


def _answer(value: Any) -> dict[str, Any]:
    if value is None or isinstance(value, list | dict):
        return {"valueString": json.dumps(value, ensure_ascii=False)}
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value} if -(2**31) <= value < 2**31 else {"valueDecimal": value}
    if isinstance(value, float):
        return {"valueDecimal": value}
    return {"valueString": str(value)}


def _experiment(experiment: Experiment, subject: dict[str, str]) -> dict[str, Any]:
    import msgspec

    return {
        "resourceType": "Basic",
        "identifier": [{"system": UID, "value": experiment.uid}],
        "code": {"coding": [{"system": CODES, "code": "self_experiment", "display": "Self-experiment (n-of-1)"}]},
        "subject": subject,
        "created": experiment.day.isoformat(),
        "extension": [{"url": EXPERIMENT, "valueString": msgspec.json.encode(experiment).decode()}],
    }


def _moment(at: dt.datetime) -> str:
    """The wall-clock time as written, with this computer's UTC offset at that moment."""
    offset = at.astimezone().utcoffset() or dt.timedelta()
    return at.replace(tzinfo=dt.timezone(offset)).isoformat()


def _instant(at: dt.datetime) -> str:
    return at.astimezone().isoformat(timespec="seconds")


# --- checks of structure and profile --------------------------------------------------


# R4 resource types that R4B (whose models fhir.resources provides) renamed or dropped: read past, never refused.
R4_ONLY = frozenset({
    "EffectEvidenceSynthesis", "RiskEvidenceSynthesis", "MedicinalProduct", "MedicinalProductAuthorization",
    "MedicinalProductContraindication", "MedicinalProductIndication", "MedicinalProductIngredient",
    "MedicinalProductInteraction", "MedicinalProductManufactured", "MedicinalProductPackaged",
    "MedicinalProductPharmaceutical", "MedicinalProductUndesirableEffect", "SubstanceNucleicAcid",
    "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation", "SubstanceSourceMaterial",
    "SubstanceSpecification",
})  # fmt: skip


def validate(bundle: Any, *, name: str = "bundle") -> None:
    """Refuse a bundle that is not valid FHIR, or whose symptom observations break the profile.

    The bundle's own fields and then each entry are validated one at a time, so the memory used is that of
    one entry, whatever the bundle's length, and the first bad entry stops the work.
    """
    from fhir.resources.R4B.bundle import Bundle, BundleEntry

    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise InputError(f"{name}: resourceType", "expected a FHIR Bundle")
    entries = bundle.get("entry", [])
    if not isinstance(entries, list):
        raise InputError(f"{name}: entry", "expected a list of entries")
    _fhir_valid(Bundle, {key: value for key, value in bundle.items() if key != "entry"}, f"{name}: ")
    patients = _patients(bundle)
    for index, entry in enumerate(entries):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            raise InputError(f"{name}: entry[{index}].resource", "is missing (each entry needs its resource)")
        if resource["resourceType"] in R4_ONLY:
            continue  # an R4 type R4B lacks: not read (the import counts it), so not checked either
        _fhir_valid(BundleEntry, entry, f"{name}: entry[{index}].")
        problems = profile_problems(resource, bundle, patients=patients)
        if problems:
            raise InputError(f"{name}: entry[{index}].resource", f"breaks the Symptoms IG's profile ({problems[0]})")


_UNICODE_SPACE = re.compile(r"[^\S \r\n\t]")  # whitespace to Python, not to XML: a no-break space, U+2028...


def _xml_strings(value: Any) -> Any:
    r"""``value`` for validation only: FHIR's string pattern ``[ \r\n\t\S]+`` takes ``\S`` in XML's sense, where
    a no-break space is not whitespace; fhir.resources applies Python's, which refuses "Vitamin\xa0D". Such
    characters are swapped for a letter in the copy that is validated (the imported values keep them)."""
    return map_strings(value, lambda text: _UNICODE_SPACE.sub("_", text))


def _fhir_valid(model: Any, value: Any, prefix: str) -> None:
    from pydantic import ValidationError

    try:
        model.model_validate(_xml_strings(value))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in first["loc"]).replace(".[", "[")
        raise InputError(f"{prefix}{where}".rstrip(". "), "is not valid FHIR R4 here") from None
    except (KeyError, TypeError, ValueError):
        where = f"{prefix}resource".rstrip(". ")
        raise InputError(where, "holds a resource type that FHIR R4 does not define") from None


def profile_problems(
    resource: dict[str, Any], bundle: dict[str, Any], *, patients: frozenset[str] | None = None
) -> list[str]:
    """What a resource claiming the SymptomObservation profile lacks (empty when it conforms).

    ``patients`` (the bundle's Patient fullUrls) may be passed when checking many resources of one bundle, so
    the bundle is scanned once rather than once per resource.
    """
    profiles = resource.get("meta", {}).get("profile", [])
    absent = ABSENT_PROFILE in profiles
    if SYMPTOM_PROFILE not in profiles and not absent:
        return []
    if patients is None:
        patients = _patients(bundle)
    problems = []
    if resource.get("status") not in ("registered", "preliminary", "final", "amended", "corrected", "cancelled",
                                      "entered-in-error", "unknown"):  # fmt: skip
        problems.append("status is missing or not an Observation status")
    if not absent and not any(_has(c, SYMPTOM_CATEGORY) for c in resource.get("category", [])):
        problems.append("no category 'symptom'")
    if absent and not _has(resource.get("code", {}), ABSENT_CODE):
        problems.append("code is not LOINC 111551-8")
    if not absent and not _has(resource.get("code", {}), SYMPTOM_CODE):
        problems.append("code is not LOINC 75325-1")
    if not _names_patient(resource.get("subject"), patients):
        problems.append("subject is not a Patient")
    if not any(k in resource for k in ("effectiveDateTime", "effectivePeriod")):
        problems.append("no effective time")
    if not any(_names_patient(p, patients, related=True) for p in resource.get("performer", [])):
        problems.append("no performer (the Patient or a RelatedPerson)")
    if not resource.get("valueCodeableConcept", {}).get("coding"):
        problems.append("no coded value")
    for forbidden in ("dataAbsentReason", "interpretation", "referenceRange", "specimen", "device"):
        if forbidden in resource:
            problems.append(f"{forbidden} is not allowed")
    return problems


def _patients(bundle: dict[str, Any]) -> frozenset[str]:
    """The references that name a Patient of the bundle: its fullUrls, and "Patient/<id>" for each."""
    found: set[str] = set()
    for entry in bundle.get("entry", []):
        resource = entry.get("resource", {}) if isinstance(entry, dict) else {}
        if resource.get("resourceType") != "Patient":
            continue
        if isinstance(entry.get("fullUrl"), str):
            found.add(entry["fullUrl"])
        if isinstance(resource.get("id"), str):
            found.add(f"Patient/{resource['id']}")
    return frozenset(found)


_PATIENT_REFERENCE = re.compile(r"(?:^|/)(?:Patient|RelatedPerson)/[A-Za-z0-9\-.]{1,64}(?:/_history/[^/]+)?$")


def _names_patient(reference: Any, patients: frozenset[str], *, related: bool = False) -> bool:
    """A Patient of the bundle, or an ordinary reference to a Patient ("Patient/123", a server's URL of one)."""
    text = reference.get("reference") if isinstance(reference, dict) else None
    if not isinstance(text, str):
        return False
    if text in patients:
        return True
    match = _PATIENT_REFERENCE.search(text)
    return match is not None and (related or "RelatedPerson/" not in match[0])


def _has(concept: dict[str, Any], coding: dict[str, str]) -> bool:
    return any(c.get("system") == coding["system"] and c.get("code") == coding["code"]
               for c in concept.get("coding", []))  # fmt: skip


# --- import -----------------------------------------------------------------------------


def from_bundle(
    bundle: dict[str, Any], *, profile: str, today: dt.date, name: str = "bundle", notes: Counter[str] | None = None
) -> ProfileData:
    """The diary records in a validated bundle.

    Records twitchwise wrote (matched by their uid) come back exactly.  From other systems: any symptom
    observation (present, or the IG's absent-symptom observation) of twitching or of a symptom the knowledge
    base knows, and plain Observations with a code twitchwise reads (LOINC sleep and exercise duration).
    Everything else is skipped and counted in ``notes`` by what it was and why.
    """
    validate(bundle, name=name)
    notes = Counter() if notes is None else notes
    data = ProfileData(name=profile)
    plural: dict[Kind, list[Any]] = {
        "episode": data.episodes, "day": data.days, "symptom": data.symptoms, "check": data.checks,
        "experiment": data.experiments,
    }  # fmt: skip
    foreign_days: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry["resource"]  # ``validate`` refused an entry without one
        kind_name = resource["resourceType"]
        if kind_name == "Patient" or _identifier(resource, DERIVED):
            continue
        if kind_name in R4_ONLY:
            notes[f"{kind_name} (an R4 type twitchwise does not read)"] += 1
            continue
        uid = _identifier(resource, UID)
        try:
            if uid is None:  # another system's resource
                read = _foreign(resource)
                if isinstance(read, str):
                    notes[read] += 1
                    continue
                kind, fields = read
                if kind == "day":
                    foreign_days.setdefault(fields["day"], {}).update(fields)
                    continue
                fields["uid"] = _foreign_uid(resource)
            else:
                kind, fields = _record_fields(resource, uid)
            record: Record = build(KINDS[kind], fields, today=today)
        except InputError as error:
            raise InputError(f"{name}: entry[{index}].resource ({error.field})", error.problem) from None
        except (KeyError, TypeError, ValueError, IndexError, RecursionError):
            raise InputError(f"{name}: entry[{index}].resource", "is not a diary record twitchwise can read") from None
        plural[kind].append(record)
    own_days = {day.day.isoformat() for day in data.days}
    for day, fields in sorted(foreign_days.items()):
        if day in own_days:
            notes["Observations of a day twitchwise's own record already holds"] += 1
            continue
        try:
            data.days.append(build(Day, {"uid": _foreign_uid({"day": day, **fields}), **fields}, today=today))
        except InputError as error:
            raise InputError(f"{name}: the observations of {day} ({error.field})", error.problem) from None
    return data


_BY_STRUCTURE = {code: region for region, (code, _) in BODY_STRUCTURES.items()}
_DURATIONS = {"h": 1.0, "hr": 1.0, "hour": 1.0, "hours": 1.0, "min": 1 / 60, "minutes": 1 / 60, "s": 1 / 3600}


def _foreign(resource: dict[str, Any]) -> tuple[Kind, dict[str, Any]] | str:
    """Another system's resource as a diary record's fields, or why it is not read."""
    kind = resource["resourceType"]
    if kind != "Observation":
        return f"{kind} resources (not diary records)"
    code = resource.get("code", {})
    when = resource.get("effectiveDateTime") or (resource.get("effectivePeriod") or {}).get("start")
    if not isinstance(when, str):
        return "Observations with no time"
    if _has(code, SYMPTOM_CODE) or _has(code, ABSENT_CODE):
        absent = _has(code, ABSENT_CODE)
        value = resource.get("valueCodeableConcept", {})
        note = (resource.get("note") or [{}])[0].get("text")
        if _has(value, FASCICULATION) or _has(value, FASCICULATION_SCT):
            if absent:
                return "day", {"day": when[:10], "twitch_free": True}
            region, side = _foreign_site(resource.get("bodySite"))
            if region is None:
                return "twitching observations with no body site twitchwise knows"
            return "episode", _present({"at": _wall_clock(when), "region": region, "side": side, "note": note})
        try:
            symptom = _symptom_id(value)
        except InputError:
            return "symptom observations of a symptom twitchwise does not know"
        region, side = _foreign_site(resource.get("bodySite"))
        return "symptom", _present({"at": _wall_clock(when), "symptom": symptom, "present": not absent,
                                    "region": region, "side": side, "note": note})  # fmt: skip
    quantity = resource.get("valueQuantity") or {}
    unit = str(quantity.get("code") or quantity.get("unit") or "")
    for field, loinc in (("sleep_h", "93832-4"), ("exercise_min", "55411-3")):
        if _has(code, {"system": "http://loinc.org", "code": loinc}):
            if unit not in _DURATIONS or not isinstance(quantity.get("value"), int | float):
                return f"LOINC {loinc} Observations without a duration in h or min"
            hours = float(quantity["value"]) * _DURATIONS[unit]
            return "day", {"day": when[:10], field: round(hours if field == "sleep_h" else hours * 60, 2)}
    return "Observations with a code twitchwise does not read"


def _foreign_site(concept: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """A body site from another system: twitchwise's code, else a SNOMED CT body structure (no side)."""
    if not concept:
        return None, None
    if any(c.get("system") == CODES for c in concept.get("coding", [])):
        return _site_of(concept)
    for coding in concept.get("coding", []):
        if coding.get("system") == SNOMED and coding.get("code") in _BY_STRUCTURE:
            return _BY_STRUCTURE[coding["code"]], None
    return None, None


def _foreign_uid(resource: dict[str, Any]) -> str:
    """The same resource imported again has the same uid: from its id and identifiers, or all of it."""
    key = {k: resource.get(k) for k in ("resourceType", "id", "identifier")} if resource.get("id") else resource
    return hashlib.blake2b(json.dumps(key, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


def _identifier(resource: dict[str, Any], system: str) -> str | None:
    found = resource.get("identifier")
    for identifier in found if isinstance(found, list) else [found] if found else []:
        if identifier.get("system") == system:
            return str(identifier.get("value"))
    return None


def _record_fields(resource: dict[str, Any], uid: str) -> tuple[Kind, dict[str, Any]]:
    kind = resource["resourceType"]
    if kind == "QuestionnaireResponse":
        extensions = {e["url"]: e for e in resource.get("extension", [])}
        return "check", {
            "uid": uid, "at": _wall_clock(resource["authored"]), "disposition": extensions[DISPOSITION]["valueCode"],
            "result": json.loads(extensions[RESULT]["valueString"]),
            "answers": json.loads(extensions[ANSWERS]["valueString"]),
        }  # fmt: skip
    if kind == "Basic":
        extension = next((e for e in resource["extension"] if e["url"] == EXPERIMENT), None)
        if extension is None:
            raise InputError("extension", "has no twitchwise experiment")
        return "experiment", {**json.loads(extension["valueString"]), "uid": uid}
    components = {c["code"]["coding"][0].get("code"): c for c in resource.get("component", [])}
    note = resource.get("note", [{}])[0].get("text")
    if _has(resource["code"], {"system": CODES, "code": "daily_factors"}):
        fields: dict[str, Any] = {"uid": uid, "day": resource["effectiveDateTime"][:10], "note": note}
        for field, code, _, _ in _DAY_QUANTITIES:
            if code in components:
                fields[field] = components[code]["valueQuantity"]["value"]
        for field in ("nicotine", "twitch_free"):
            if field in components:
                fields[field] = components[field]["valueBoolean"]
        if "stress" in components:
            fields["stress"] = components["stress"]["valueInteger"]
        if "exercise_intensity" in components:
            fields["exercise_intensity"] = components["exercise_intensity"]["valueCodeableConcept"]["coding"][0]["code"]
        medicines = [
            c["valueString"] for c in resource.get("component", []) if c["code"]["coding"][0]["code"] == "medicine"
        ]
        fields["medicines"] = medicines if "medicines" in components else None
        return "day", _present(fields)
    region, side = _site_of(resource.get("bodySite"))
    common = {"uid": uid, "at": _wall_clock(resource["effectiveDateTime"]), "region": region, "side": side,
              "note": note}  # fmt: skip
    value = resource["valueCodeableConcept"]
    if _has(value, FASCICULATION) or _has(value, FASCICULATION_SCT):
        fields = dict(common)
        for field, code, _ in _EPISODE_NUMBERS:
            if code in components:
                fields[field] = components[code]["valueInteger"]
        if "duration" in components:
            fields["duration_s"] = components["duration"]["valueQuantity"]["value"]
        if "context" in components:
            fields["context"] = components["context"]["valueCodeableConcept"]["coding"][0]["code"]
        return "episode", _present(fields)
    absent = _has(resource["code"], ABSENT_CODE) or any(
        _has(c.get("valueCodeableConcept", {}), ABSENT) for c in resource.get("component", [])
    )  # (the second: bundles written before the IG's absent-symptom profile was followed)
    return "symptom", _present({**common, "symptom": _symptom_id(value), "present": not absent})


_BY_FINDING = {code: symptom for symptom, (code, _) in FINDINGS.items()}


def _symptom_id(concept: dict[str, Any]) -> str:
    """The knowledge base's symptom for a coded value: twitchwise's code, else its SNOMED CT finding."""
    for coding in concept.get("coding", []):
        if coding.get("system") == CODES:
            return str(coding["code"])
    for coding in concept.get("coding", []):
        if coding.get("system") == SNOMED and coding.get("code") in _BY_FINDING:
            return _BY_FINDING[coding["code"]]
    raise InputError("valueCodeableConcept", "is a symptom twitchwise does not know")


def _present(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def _site_of(concept: dict[str, Any] | None) -> tuple[str | None, str | None]:
    if not concept:
        return None, None
    code = next((c["code"] for c in concept["coding"] if c.get("system") == CODES), None)
    if code is None:
        raise InputError("bodySite", "has no twitchwise body-site code")
    if code in SIDES:
        return None, code
    side, _, region = code.partition("_")
    return (region, side) if side in SIDES else (code, None)


def _wall_clock(text: str) -> str:
    """A FHIR dateTime as the diary's wall-clock time: the time as written, its offset dropped."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=None).isoformat()
