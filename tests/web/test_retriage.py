"""Re-triage on every write: a red flag logged through any door shows at once, labelled as the diary's."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import run_cli
from tests.web.conftest import post_form


def test_logging_a_red_flag_symptom_on_the_page_shows_the_emergency_at_once(client: TestClient) -> None:
    saved = post_form(client, "/log/symptom", {"symptom": "face_droop", "state": "present"})
    assert saved.status_code == 303
    diary = client.get(saved.headers["location"])
    assert "From your diary: Emergency" in diary.text and 'href="tel:' in diary.text
    today = client.get("/")
    assert "From your diary: Emergency" in today.text and "Possible stroke signs" in today.text


def test_today_says_plainly_when_the_diary_shows_nothing(client: TestClient) -> None:
    assert "From your diary: nothing logged calls for a doctor" in client.get("/").text


def test_the_api_returns_the_diary_advice_with_each_write(client: TestClient) -> None:
    quiet = client.post("/api/v1/diary/episodes", json={"at": "2026-11-20T08:30:00", "region": "calf", "side": "left"})
    assert quiet.status_code == 201 and quiet.json()["advice"]["disposition"] == "self_care"
    logged = client.post("/api/v1/diary/symptoms", json={"symptom": "swallowing_difficulty", "present": True,
                                                          "at": "2026-11-20T09:00:00"})  # fmt: skip
    advice = logged.json()["advice"]
    assert advice["source"] == "diary" and advice["disposition"] == "urgent"
    assert [flag["id"] for flag in advice["red_flags"]] == ["speech_or_swallowing_change"]
    assert client.get(f"/api/v1/diary/{logged.json()['id']}").json()["advice"] is None  # a read is not a write


def test_the_cli_prints_the_diary_advice_after_a_write(tmp_path: Path) -> None:
    env = {"TWITCHWISE_DATA_DIR": str(tmp_path), "TWITCHWISE_NOW": "2026-11-21T10:00:00", "LANG": "en_GB.UTF-8"}
    quiet = run_cli("log", "twitch", "--site", "left-calf", environ=env)
    assert quiet.code == 0 and "From your diary" not in quiet.out
    loud = run_cli("log", "symptom", "seizure", environ=env)
    assert loud.code == 0 and "From your diary" in loud.out and "EMERGENCY" in loud.out and "Call 999" in loud.out


def test_a_description_with_an_emergency_already_in_the_diary_ends_at_the_result(client: TestClient) -> None:
    # Regression: "Read my description" answered 500 when the diary already held an emergency symptom.
    post_form(client, "/log/symptom", {"symptom": "seizure", "state": "present"})
    described = post_form(client, "/check/describe", {"description": "my calf twitches, 3 days"})
    assert described.status_code == 303 and described.headers["location"].startswith("/checks/")
    result = client.get(described.headers["location"]).text
    assert "banner-emergency" in result and "From your diary" in result
    started = client.get("/check", follow_redirects=False)
    assert started.status_code == 303 and started.headers["location"].startswith("/checks/")


def test_the_error_page_has_the_menu_and_the_emergency_number() -> None:
    from twitchwise.web.security import ERROR_PAGE

    assert b"<nav" in ERROR_PAGE and b'href="tel:999"' in ERROR_PAGE and b'href="tel:112"' in ERROR_PAGE
