"""The FHIR export through two independent validators from npm (installed by `make test`, pinned by
tools/fhir-validators/package-lock.json): FHIR.js, which checks each resource against the R4
StructureDefinitions it ships, and Asymmetrik's validator of the official FHIR R4 JSON schema."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.sample_diary import fill
from twitchwise.diary import fhir
from twitchwise.diary.records import Day, Episode, Symptom
from twitchwise.diary.store import Store
from twitchwise.diary.transfer import ProfileData, export_fhir

ROOT = Path(__file__).resolve().parents[2]
MODULES = Path(os.environ.get("TWITCHWISE_FHIR_VALIDATORS", ROOT / ".cache/fhir-validators/node_modules")).resolve()
SCRIPT = ROOT / "tools" / "fhir-validators" / "validate.js"
NOW = dt.datetime(2026, 11, 21, 10, 0)


def validated(tmp_path: Path, bundles: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    node = shutil.which("node") or shutil.which("nodejs")
    assert node and (MODULES / "fhir").is_dir(), "the FHIR validators are missing: `make fhir-validators` installs them"
    files = []
    for name, bundle in bundles.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(bundle), encoding="utf-8")
        files.append(str(path))
    run = subprocess.run([node, str(SCRIPT), *files], capture_output=True, text=True, timeout=120, check=False,
                         env={**os.environ, "TWITCHWISE_FHIR_VALIDATORS": str(MODULES)})  # fmt: skip
    assert run.returncode == 0, run.stderr
    results = [json.loads(line) for line in run.stdout.splitlines()]
    return {Path(r["file"]).stem: {"fhir.js": r["fhir.js"], "json-schema": r["json-schema"]} for r in results}


def test_both_validators_accept_every_resource_of_a_real_export(store: Store, tmp_path: Path) -> None:
    fill(store.diary())  # episodes, days, symptoms, checks (QuestionnaireResponse) and an experiment (Basic)
    edge = ProfileData(name="me", episodes=[Episode(at=NOW, region="widespread"), Episode(at=NOW, region="eyelid",
                                                                                          side="left", intensity=5)],
                       symptoms=[Symptom(symptom="numbness", present=False, at=NOW, side="left")],
                       days=[Day(day=NOW.date(), medicines=[], twitch_free=True)])  # fmt: skip
    bundles = {"diary": msgspec.json.decode(export_fhir(store, "me", now=NOW)),
               "edges": msgspec.json.decode(msgspec.json.encode(fhir.to_bundle(edge, now=NOW)))}  # fmt: skip
    kinds = {e["resource"]["resourceType"] for e in bundles["diary"]["entry"]}
    assert {"Patient", "Observation", "QuestionnaireResponse", "Basic"} <= kinds
    results = validated(tmp_path, bundles)
    assert results == {name: {"fhir.js": [], "json-schema": []} for name in bundles}


@pytest.mark.parametrize(
    ("change", "validator"),
    [
        (lambda r: r.update(status="done"), "fhir.js"),  # not an Observation status (a required binding)
        (lambda r: r.update(status=7), "json-schema"),
        (lambda r: r.update(effectiveDateTime="yesterday"), "json-schema"),
    ],
)
def test_the_validators_are_not_a_formality(tmp_path: Path, change: Any, validator: str) -> None:
    profile = ProfileData(name="me", episodes=[Episode(at=NOW, region="calf", side="left", count=3)])
    bundle = msgspec.json.decode(msgspec.json.encode(fhir.to_bundle(profile, now=NOW)))
    change(bundle["entry"][1]["resource"])
    assert validated(tmp_path, {"broken": bundle})["broken"][validator]
