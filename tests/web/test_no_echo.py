"""What a person typed is never repeated in an error message: each field of each form and each API body is
given a recognisable private value in turn, and the refusal must name the field without the value.

A form may put the value back into its own input (so the person can correct it); the message may not."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import post_form

SECRET = "Zq9-my-private-words"
EPISODE = {"at": "2026-11-21T08:30:00", "region": "calf", "side": "left", "count": 12, "intensity": 2}
API_BODIES: dict[str, dict[str, Any]] = {
    "/api/v1/diary/episodes": EPISODE,
    "/api/v1/diary/days": {"day": "2026-11-20", "caffeine_mg": 380, "water_l": 1.5, "sleep_h": 6.5, "stress": 4},
    "/api/v1/diary/symptoms": {"symptom": "weakness", "present": False, "at": "2026-11-21T09:00:00"},
    "/api/v1/diary/twitch-free": {"day": "2026-11-19"},
    "/api/v1/check": {"age": 40, "sex": "female", "duration_days": 5, "caffeine_mg_per_day": 300},
}
FORMS = ["/log/twitch", "/log/day", "/log/symptom", "/settings", "/check"]


def _fields(page: str) -> list[str]:
    names = re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', page)
    return sorted({n for n in names if n != "csrf_token"})


def _hidden(page: str) -> dict[str, str]:
    found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found if name != "csrf_token"}


def _message(page: str) -> str:
    found = re.search(r'id="form-error">(.*?)</div>', page, re.S)
    return html.unescape(found.group(1)) if found else ""


@pytest.mark.parametrize("path", sorted(API_BODIES))
def test_the_api_names_the_field_and_never_repeats_the_value(client: TestClient, path: str) -> None:
    body = API_BODIES[path]
    for field in body:
        response = client.post(path, json={**body, field: SECRET})
        assert response.status_code == 422, (path, field)
        assert response.json()["field"].split(".")[0] == field
        assert SECRET not in response.text, (path, field)


def test_a_text_check_refusal_never_repeats_the_text(client: TestClient) -> None:
    response = client.post("/api/v1/check/text", json={"text": SECRET * 1000})
    assert response.status_code == 422 and SECRET not in response.text


@pytest.mark.parametrize("path", FORMS)
def test_a_form_names_the_field_and_never_repeats_the_value(client: TestClient, path: str) -> None:
    form = client.get(path).text
    fields, hidden = _fields(form), _hidden(form)
    assert fields, f"no fields found on {path}"
    refused = 0
    for field in fields:
        response = post_form(client, path, {**hidden, field: SECRET})
        assert response.status_code < 500, (path, field)
        if response.status_code in (200, 422):
            message = _message(response.text)
            assert SECRET not in message, (path, field, message)
            refused += bool(message)
    assert refused, f"no field of {path} was refused, so nothing was checked"
