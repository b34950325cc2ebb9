"""The JSON API, driven in-process through the app's own test client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import run_cli
from tests.web.conftest import post_form

CALF = {"sites": [{"region": "calf", "side": "left"}], "duration_days": 5, "symptoms": {"weakness": False}}
EPISODE = {"at": "2026-11-21T08:30:00", "region": "calf", "side": "left", "count": 12, "intensity": 2}


def entries(client: TestClient, profile: str = "me") -> list[dict[str, Any]]:
    response = client.get("/api/v1/diary", params={"profile": profile, "days": 365})
    assert response.status_code == 200
    listing: list[dict[str, Any]] = response.json()["entries"]
    return listing


def test_health_is_the_trivial_endpoint(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.parametrize(
    "answers",
    [
        CALF,
        {**CALF, "duration_days": 20, "age": 58},
        {**CALF, "symptoms": {"breathing_difficulty": True}},
        {"sites": [{"region": "eyelid", "side": "left"}], "duration_days": 2, "caffeine_mg_per_day": 600},
    ],
)
def test_check_gives_exactly_what_the_cli_gives(client: TestClient, tmp_path: Any, answers: dict[str, Any]) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    cli = run_cli("check", "--answers", str(path), "--json", "--no-diary", "--today", "2026-11-21")
    api = client.post("/api/v1/check", params={"diary": "false", "locale": "en_GB"}, json=answers)
    assert api.status_code == 200
    assert api.json() == json.loads(cli.out)


def test_a_check_reads_the_diary_and_is_kept_in_it(any_client: TestClient) -> None:
    client = any_client
    for day in ("2026-11-01", "2026-11-10", "2026-11-20"):
        logged = client.post("/api/v1/diary/episodes", json={**EPISODE, "at": f"{day}T09:00:00"})
        assert logged.status_code == 201
    result = client.post("/api/v1/check", json={**CALF, "duration_days": 1}).json()
    assert "persisting_over_2_weeks" in [flag["id"] for flag in result["red_flags"]]
    assert result["diary"]["saved_as"] == "c1"
    assert [e["kind"] for e in entries(client)].count("check") == 1


def test_episode_round_trip_edit_and_delete(any_client: TestClient) -> None:
    client = any_client
    created = client.post("/api/v1/diary/episodes", json=EPISODE)
    assert created.status_code == 201
    body = created.json()
    assert body["id"] == "e1" and body["kind"] == "episode" and body["count"] == 12
    assert client.get("/api/v1/diary/e1").json()["region"] == "calf"
    changed = client.patch("/api/v1/diary/e1", json={"count": 3, "note": "after a long run"})
    assert changed.status_code == 200
    assert changed.json()["count"] == 3 and changed.json()["note"] == "after a long run"
    assert client.delete("/api/v1/diary/e1").status_code == 200
    assert client.get("/api/v1/diary/e1").status_code == 404
    assert entries(client) == []


def test_day_symptom_and_twitch_free_day(any_client: TestClient) -> None:
    client = any_client
    day = client.post("/api/v1/diary/days", json={"day": "2026-11-20", "caffeine_mg": 380, "sleep_h": 5.5})
    assert day.status_code == 201 and day.json()["kind"] == "day"
    symptom = client.post(
        "/api/v1/diary/symptoms", json={"symptom": "weakness", "present": False, "at": "2026-11-21T09:00:00"}
    )
    assert symptom.status_code == 201
    free = client.post("/api/v1/diary/twitch-free", json={"day": "2026-11-19"})
    assert free.status_code == 201 and free.json()["twitch_free"] is True
    listing = client.get("/api/v1/diary", params={"days": 3}).json()
    assert [d["episodes"] for d in listing["days"]] == [0, None, None]
    assert {e["kind"] for e in listing["entries"]} == {"day", "symptom"}


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/v1/diary/episodes", {**EPISODE, "count": -1}, "count"),
        ("/api/v1/diary/episodes", {**EPISODE, "region": "elbow"}, "region"),
        ("/api/v1/diary/episodes", {**EPISODE, "at": "2027-01-01T00:00:00"}, "at"),
        ("/api/v1/diary/episodes", {**EPISODE, "surprise": 1}, "surprise"),
        ("/api/v1/diary/episodes", {**EPISODE, "note": "a\x00b"}, "note"),
        ("/api/v1/diary/days", {"day": "2026-11-20", "caffeine_mg": 1e9}, "caffeine_mg"),
        ("/api/v1/diary/symptoms", {"symptom": "not_a_symptom", "present": True, "at": EPISODE["at"]}, "symptom"),
        ("/api/v1/check", {"age": "forty"}, "age"),
        ("/api/v1/check", {"symptoms": {"weakness": "yes"}}, "symptoms.weakness"),
        ("/api/v1/check", [1, 2], "answers"),
    ],
)
def test_bad_input_is_a_4xx_naming_the_field_and_writes_nothing(
    client: TestClient, path: str, body: Any, field: str
) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 422
    assert response.json()["field"] == field
    assert "forty" not in response.text and "elbow" not in response.text  # the value is never echoed
    assert entries(client) == []


def test_malformed_json_and_wrong_content_type_are_refused(client: TestClient) -> None:
    broken = client.post("/api/v1/diary/episodes", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422 and broken.json()["field"] == "episode"
    as_form = client.post("/api/v1/diary/episodes", data={"region": "calf"})
    assert as_form.status_code == 422 and as_form.json()["field"] == "content-type"
    huge = client.post("/api/v1/check", content=b" " * 1_000_001, headers={"content-type": "application/json"})
    assert huge.status_code == 422
    assert entries(client) == []


def test_an_edit_that_does_not_apply_is_refused(client: TestClient) -> None:
    client.post("/api/v1/diary/episodes", json=EPISODE)
    response = client.patch("/api/v1/diary/e1", json={"caffeine_mg": 100})
    assert response.status_code == 422 and response.json()["field"] == "caffeine_mg"
    assert client.get("/api/v1/diary/e1").json()["count"] == 12


def test_unknown_ids_and_bad_queries(client: TestClient) -> None:
    assert client.get("/api/v1/diary/e999").status_code == 404
    assert client.get("/api/v1/diary/zz").status_code == 404  # not an id at all
    bad_profile = client.get("/api/v1/diary", params={"profile": "<script>"})
    assert bad_profile.status_code == 422 and bad_profile.json()["field"] == "profile"
    assert client.get("/api/v1/diary", params={"days": 0}).status_code == 422


def test_profiles_are_kept_apart(any_client: TestClient) -> None:
    client = any_client
    client.post("/api/v1/diary/episodes", params={"profile": "dad"}, json=EPISODE)
    assert entries(client, "me") == []
    assert len(entries(client, "dad")) == 1
    assert client.delete("/api/v1/diary/e1").status_code == 404  # not "me"'s entry


def test_insights_say_plainly_when_there_is_not_enough_data(client: TestClient) -> None:
    client.post("/api/v1/diary/episodes", json=EPISODE)
    result = client.get("/api/v1/insights").json()
    assert result["status"] == "not_enough_data"
    assert result["more_days_needed"] > 0
    assert not any(term["flagged"] for factor in result["factors"] for term in factor["terms"])


def test_a_cross_site_write_is_refused(client: TestClient) -> None:
    response = client.post("/api/v1/diary/episodes", json=EPISODE, headers={"origin": "http://evil.example"})
    assert response.status_code == 403
    same = client.post("/api/v1/diary/episodes", json=EPISODE, headers={"origin": "http://127.0.0.1:8000"})
    assert same.status_code == 201
    assert len(entries(client)) == 1


def test_the_openapi_schema_documents_every_route_with_its_shapes(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    paths = schema["paths"]
    assert set(paths) == {
        "/api/v1/health", "/api/v1/check", "/api/v1/check/text", "/api/v1/diary", "/api/v1/diary/episodes",
        "/api/v1/diary/days",
        "/api/v1/diary/symptoms", "/api/v1/diary/twitch-free", "/api/v1/diary/{entry_id}", "/api/v1/insights",
    }  # fmt: skip
    check = paths["/api/v1/check"]["post"]
    assert check["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Answers"}
    assert set(schema["components"]["schemas"]) >= {"Answers", "Assessment", "ErrorOut", "EpisodeEntry", "Insights"}
    for path in paths.values():
        for operation in path.values():
            assert "4XX" in operation["responses"]


@pytest.mark.parametrize(
    ("options", "named"),
    [(["--host", "0.0.0.0"], "--host"), (["--port", "70000"], "--port"), (["--port", "eighty"], "--port")],
)
def test_serve_refuses_unsafe_or_bad_options_before_starting(options: list[str], named: str) -> None:
    result = run_cli("serve", *options)
    assert result.code == 2
    assert result.err.count("\n") == 1 and named in result.err


def test_check_text_returns_the_contract_with_how_it_read(client: TestClient) -> None:
    response = client.post(
        "/api/v1/check/text?diary=false", json={"text": "both calves twitching for a month, maybe a bit weak?"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["understood"]["sites"] == [{"region": "calf", "side": "both"}]
    assert data["understood"]["symptoms"]["weakness"] is None and "weakness" in data["unanswered"]
    assert data["from_text"]["not_sure"] == ["weakness"]
    for body in ({"text": ""}, {"text": 5}, {"words": "calf"}, {"text": "x" * 10_001}):
        refused = client.post("/api/v1/check/text", json=body)
        assert refused.status_code == 422, body


def test_check_text_warns_and_asks_first_what_the_words_touch(client: TestClient) -> None:
    text = "my right hand went heavy and numb, calf twitching for 2 days"
    data = client.post("/api/v1/check/text?diary=false", json={"text": text}).json()
    assert data["ask_first"][0] == "sudden_one_sided_weakness"
    assert data["possible"][0]["id"] == "stroke_signs" and "right hand" in data["possible"][0]["words"]
    assert data["warning"]["disposition"] == "emergency" and data["reassuring"] == []
    again = client.post("/api/v1/check/text?diary=false", json={"text": text})
    assert again.content == client.post("/api/v1/check/text?diary=false", json={"text": text}).content


def test_simultaneous_first_writes_all_succeed(any_client: TestClient) -> None:
    # Regression: two first writes for a new profile (or the same new day) at once answered 500.
    import threading

    codes: list[int] = []

    def write(number: int) -> None:
        day = any_client.post("/api/v1/diary/days?profile=fresh", json={"day": "2026-11-20", "caffeine_mg": number})
        episode = any_client.post(f"/api/v1/diary/episodes?profile=new{number % 3}",
                                  json={"at": "2026-11-20T08:00:00", "region": "calf"})  # fmt: skip
        codes.extend([day.status_code, episode.status_code])

    threads = [threading.Thread(target=write, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert codes == [201] * 32
    days = any_client.get("/api/v1/diary?profile=fresh&days=30").json()["entries"]
    assert len([e for e in days if e["kind"] == "day"]) == 1  # one day, merged


def test_bad_bytes_and_oversized_bodies_are_refused_before_anything_is_read(client: TestClient) -> None:
    bad = client.post("/api/v1/check/text", content=b'{"text": "\xff\xfe calf"}',
                      headers={"content-type": "application/json"})  # fmt: skip
    assert bad.status_code == 422 and bad.json() == {"field": "text", "problem": "the body is not valid UTF-8 text"}
    declared = client.post("/api/v1/check", content=b"{}", headers={"content-type": "application/json",
                                                                     "content-length": "300000000"})  # fmt: skip
    assert declared.status_code == 422 and "larger than 1 MB" in declared.json()["problem"]


def test_a_full_disk_is_a_503_with_a_clear_message_not_a_500(client: TestClient) -> None:
    # Regression: a full disk answered 500.  SQLite's max_page_count makes the database "full" here.
    from sqlalchemy import event, text

    engine = client.app.state.backend.store.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar()
    engine.dispose()

    @event.listens_for(engine, "connect")
    def full(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    codes = []
    for _ in range(60):
        answer = client.post("/api/v1/diary/episodes",
                             json={"at": "2026-11-20T08:00:00", "region": "calf", "note": "x" * 1900})  # fmt: skip
        codes.append(answer.status_code)
        if answer.status_code != 201:
            break
    assert codes[-1] == 503 and "disk is full" in answer.json()["problem"] and 500 not in codes
    page = post_form(client, "/log/twitch", {"site": "left_calf", "count": "5", "note": "y" * 1900})
    assert page.status_code == 503 and "disk is full" in page.text and "tel:" in page.text
    event.remove(engine, "connect", full)
    engine.dispose()
