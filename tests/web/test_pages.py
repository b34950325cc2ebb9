"""The pages, in-process: forms, refusals, and the safety rules that hold even on localhost."""

from __future__ import annotations

import html
import logging
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.strategies import KB
from tests.web.conftest import BASE, answer_step, flash, follow_check, post_form, token


def described(client: TestClient, text: str) -> Any:
    """Post a description and follow it to the first page of the check (or a refusal)."""
    return follow_check(client, post_form(client, "/check/describe", {"description": text}))


def state_of(page: str) -> str:
    found = re.search(r'name="state" value="([^"]*)"', page)
    assert found, "no check step on the page"
    return html.unescape(found.group(1))


def listed(client: TestClient) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = client.get("/api/v1/diary", params={"days": 365}).json()["entries"]
    return entries


@pytest.mark.parametrize("path", ["/", "/check", "/log", "/log/twitch", "/log/day", "/log/symptom", "/diary",
                                  "/insights", "/report", "/settings"])  # fmt: skip
def test_every_page_renders_with_a_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert '<html lang="en">' in response.text and '<main id="main">' in response.text


def test_quick_log_from_the_body_map_then_edit_and_delete(client: TestClient) -> None:
    log_map = client.get("/log").text
    assert 'href="/log/twitch?site=left_calf"' in log_map and 'aria-label="left calf"' in log_map
    form = client.get("/log/twitch", params={"site": "left_calf"}).text
    assert "Log a twitch: left calf" in form
    saved = post_form(client, "/log/twitch", {"site": "left_calf", "count": "5", "intensity": "2"})
    assert saved.status_code == 303 and saved.headers["location"] == "/diary?logged=e1"
    diary = client.get(saved.headers["location"]).text
    assert flash(diary) == ["Saved e1: 2026-11-21 10:00, left calf, 5 twitches, intensity 2."]
    assert 'data-day="2026-11-21" data-value="1"' in diary
    edited = post_form(client, "/diary/e1/edit", {"count": "7"})
    assert edited.status_code == 303
    assert listed(client)[0]["count"] == 7
    assert "Delete e1?" in client.get("/diary/e1/delete").text
    deleted = post_form(client, "/diary/e1/delete", {})
    assert deleted.status_code == 303 and listed(client) == []


def test_day_log_understands_everyday_amounts(client: TestClient) -> None:
    fields = {"caffeine": "3 cups", "water": "6 glasses", "sleep": "6h30", "stress": "7", "medicines": "salbutamol"}
    response = post_form(client, "/log/day", fields)
    assert response.status_code == 303
    (day,) = listed(client)
    assert (day["caffeine_mg"], day["water_l"], day["sleep_h"], day["stress"]) == (285, 1.5, 6.5, 7)
    assert day["medicines"] == ["salbutamol"]


@pytest.mark.parametrize(
    ("path", "fields", "named"),
    [
        ("/log/twitch", {"site": "left_calf", "count": "lots"}, "count"),
        ("/log/twitch", {"site": "elbow", "count": "3"}, "site"),
        ("/log/twitch", {"site": "left_calf", "count": "3", "at": "tomorrow 9am"}, "at"),
        ("/log/twitch", {"site": "left_calf", "count": "3", "intensity": "9"}, "intensity"),
        ("/log/day", {"caffeine": "a bucket"}, "caffeine"),
        ("/log/day", {"stress": "11"}, "stress"),
        ("/log/day", {}, "day"),
        ("/log/symptom", {"symptom": "dragons"}, "symptom"),
    ],
)
def test_a_bad_form_is_shown_again_naming_the_field_and_nothing_is_written(
    client: TestClient, path: str, fields: dict[str, str], named: str
) -> None:
    response = post_form(client, path, fields)
    assert response.status_code == 422
    alert = re.search(r'role="alert"[^>]*>(.*?)</div>', response.text, re.S)
    assert alert and named in alert.group(1)
    assert listed(client) == []


def test_a_form_without_its_csrf_token_is_refused(client: TestClient) -> None:
    missing = client.post("/log/twitch", data={"site": "left_calf", "count": "5"}, follow_redirects=False)
    assert missing.status_code == 403
    forged = client.post("/log/twitch", data={"site": "left_calf", "count": "5", "csrf_token": "x" * 43})
    assert forged.status_code == 403
    assert listed(client) == []
    cookie = client.get("/").headers.get("set-cookie")
    assert cookie is None  # the token is set once, and kept
    first = TestClient(client.app, base_url="http://127.0.0.1:8000").get("/").headers["set-cookie"]
    assert "HttpOnly" in first and "SameSite=Strict" in first


def test_a_note_with_script_stays_inert(client: TestClient) -> None:
    note = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "2", "note": note})
    diary = client.get("/diary").text
    assert "<script>alert" not in diary and "<img src=x" not in diary
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in diary


@pytest.mark.parametrize("host", ["evil.example", "attacker.test:8000", "127.0.0.1.nip.io"])
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/api/v1/diary", headers={"host": host})
    assert response.status_code == 400
    assert client.get("/api/v1/diary", headers={"host": "localhost:8000"}).status_code == 200


def test_no_health_data_reaches_the_log(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "5", "note": "secret-note-7731"})
    client.get("/log/twitch", params={"site": "right_thigh"})
    client.post("/api/v1/check", json={"symptoms": {"weakness": True}, "medications": ["sertraline-7731"]})
    client.post("/api/v1/diary/episodes", json={"region": "calf", "at": "nonsense-7731"})
    text = "\n".join(
        record.getMessage() for record in caplog.records if not record.name.startswith(("httpx", "httpcore"))
    )  # the test client's own log of its requests is not the app's
    assert "POST /log/twitch 303" in text and "GET /log/twitch 200" in text
    for private in ("7731", "left_calf", "right_thigh", "weakness", "sertraline", "site="):
        assert private not in text


def test_guided_check_one_step_a_page_to_a_saved_result(client: TestClient) -> None:
    page = client.get("/check").text
    assert "Where is the twitching?" in page and 'data-toggle-site="left_calf"' in page
    response = answer_step(client, page, {"sites[]": "left calf"})
    page = response.text
    assert "For how many days" in page
    response = answer_step(client, page, {"q.duration_days": "30"})
    for _ in range(40):  # answer "none of these" to each checklist and skip the rest
        if response.status_code == 303:
            break
        page = response.text
        action = "none" if "None of these" in page else "skip"
        response = answer_step(client, page, {"action": action})
    assert response.status_code == 303
    result = client.get(response.headers["location"]).text
    assert "Routine" in result or "routine" in result
    assert "Twitching for more than two weeks" in result or "2 weeks" in result or "two weeks" in result
    assert 'id="src-' in result


def test_an_emergency_answer_ends_the_check_at_once(client: TestClient) -> None:
    page = client.get("/check").text
    page = answer_step(client, page, {"sites_text": "right hand"}).text
    page = answer_step(client, page, {"q.duration_days": "2"}).text
    assert "Right now, do you have any of these?" in page
    done = answer_step(client, page, {"q.breathing_difficulty": "yes"})
    assert done.status_code == 303
    result = client.get(done.headers["location"]).text
    assert "banner-emergency" in result and 'href="tel:999"' in result


def test_a_bad_answer_is_asked_again_with_the_reason(client: TestClient) -> None:
    page = client.get("/check").text
    page = answer_step(client, page, {"sites_text": "left calf"}).text
    again = answer_step(client, page, {"q.duration_days": "ages, honestly"})
    assert again.status_code == 422
    assert "please give a number" in again.text and "For how many days" in again.text
    assert 'class="field-error"' in again.text and 'aria-invalid="true"' in again.text  # shown beside the field
    words = answer_step(client, page, {"q.duration_days": "three weeks"})  # everyday words, as the description box
    assert words.status_code == 200 and "Right now, do you have any of these?" in words.text
    tampered = post_form(client, "/check", {"state": '{"answers": {"age": 999}}'})
    assert tampered.status_code == 422


def test_settings_choose_profile_units_and_emergency_number(client: TestClient) -> None:
    saved = post_form(client, "/settings", {"profile": "dad", "units": "us", "locale": "en_US", "emergency": ""})
    assert saved.status_code == 303
    page = client.get("/log/day").text
    assert "fl oz" in page and 'href="tel:911"' in page
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "1"})
    assert client.get("/api/v1/diary", params={"profile": "dad"}).json()["episodes"] == 1
    assert listed(client) == []
    refused = post_form(client, "/settings", {"profile": "<b>", "units": "metric"})
    assert refused.status_code == 422


def test_insights_page_is_honest_with_little_data(client: TestClient) -> None:
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "1"})
    page = client.get("/insights").text
    assert "more complete days are needed" in page
    assert "◆ flagged" not in page
    chart = client.get("/charts/timeline.svg")
    assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg+xml")
    assert "<script" not in chart.text and "script-src" not in chart.headers["content-security-policy"]
    assert token(client)


def test_the_report_downloads_as_pdf_and_html_and_refuses_bad_dates(client: TestClient) -> None:
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "3", "note": "<script>x()</script>"})
    assert 'action="/report/download"' in client.get("/report").text
    pdf = client.get("/report/download", params={"format": "pdf", "start": "", "end": ""})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"] == 'attachment; filename="twitchwise-report-2026-11-21.pdf"'
    html = client.get("/report/download", params={"format": "html", "start": "2026-11-01"})
    assert html.status_code == 200 and "Twitching in the left calf since 21 November 2026." in html.text
    assert "&lt;script&gt;x()&lt;/script&gt;" in html.text and "<script>" not in html.text
    for params, field in (({"start": "2026-11-21", "end": "2026-11-20"}, "from"), ({"end": "2027-01-01"}, "to"),
                          ({"start": "soon"}, "from"), ({"format": "docx"}, "format")):  # fmt: skip
        refused = client.get("/report/download", params=params)
        assert refused.status_code == 422 and field in refused.text, params


def test_the_whole_diary_downloads_as_json_and_as_a_fhir_bundle(client: TestClient) -> None:
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "3"})
    assert 'href="/export?format=fhir"' in client.get("/report").text
    own = client.get("/export", params={"format": "json"})
    assert own.status_code == 200 and own.json()["profiles"][0]["episodes"][0]["count"] == 3
    bundle = client.get("/export", params={"format": "fhir"})
    assert bundle.headers["content-type"].startswith("application/fhir+json")
    assert bundle.headers["content-disposition"] == 'attachment; filename="twitchwise-fhir-bundle-2026-11-21.json"'
    observations = [e["resource"] for e in bundle.json()["entry"] if e["resource"]["resourceType"] == "Observation"]
    # SNOMED CT's fasciculation first, as the Symptoms IG's value binding wants (ICD-10 R25.3 beside it)
    assert [o["valueCodeableConcept"]["coding"][0]["code"] for o in observations] == ["82470000"]
    assert client.get("/export", params={"format": "xml"}).status_code == 422


def test_an_unexpected_error_is_a_plain_500_logged_by_type_alone(
    client: TestClient, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("weakness in left calf, secret-4411")

    monkeypatch.setattr(client.app.state.backend, "entries", broken)  # type: ignore[attr-defined]
    caplog.set_level(logging.INFO)
    page = client.get("/diary")
    api = client.get("/api/v1/diary")
    assert page.status_code == 500 and "nothing was changed" in page.text
    assert api.status_code == 500 and api.json() == {
        "field": "server",
        "problem": "something went wrong; nothing was changed",
    }
    assert "content-security-policy" in page.headers
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore")))
    assert "unexpected RuntimeError on GET /diary" in logged
    assert "secret-4411" not in logged and "weakness" not in logged


def test_a_description_fills_the_check_and_only_the_rest_is_asked(client: TestClient) -> None:
    page = described(client, "my left calf has twitched for 3 weeks, no weakness")
    assert page.status_code == 200
    assert "What I understood" in page.text and "left calf" in page.text and "21 days" in page.text
    assert "Where is the twitching" not in page.text  # answered by the description
    question = described(client, "why is my thigh twitching when relaxed?")
    assert "Why muscles twitch at rest" in question.text and "To check your own twitching" in question.text
    hostile = described(client, "<script>alert(1)</script> calf")
    assert "<script>alert(1)</script>" not in hostile.text
    too_long = described(client, "calf " * 3000)
    assert too_long.status_code == 422 and "description" in too_long.text


def test_a_description_that_touches_a_red_flag_is_asked_about_first(client: TestClient) -> None:
    page = described(client, "my right hand went numb, calf for 2 days")
    assert page.status_code == 200
    first_question = page.text.index("sudden one-sided weakness or numbness")
    assert "Where is the twitching" not in page.text and first_question > 0
    assert "face drooping" not in page.text  # the ask-first step comes before the full emergency list
    warning = page.text.index("Before anything else")
    assert warning < page.text.index("What I understood") and "If so, call 999" in page.text


def test_continue_with_no_warning_sign_answered_is_refused_and_the_count_is_honest(client: TestClient) -> None:
    page = client.get("/check").text
    page = answer_step(client, page, {"sites_text": "left calf"}).text
    page = answer_step(client, page, {"q.duration_days": "3"}).text
    assert "Questions answered so far: 2" in page and "Right now, do you have any of these?" in page
    refused = answer_step(client, page, {"action": "next"})
    assert refused.status_code == 422 and "None of these" in refused.text
    assert "Questions answered so far: 2" in refused.text  # nothing was taken as an answer
    after = answer_step(client, page, {"action": "none"}).text
    lines = set(re.findall(r'name="([qg])\.(\w+)"', page))  # "None of these" answers each sign of the list
    flags = {flag.id: flag for flag in KB.red_flags}
    signs = sum(1 if kind == "q" else len(getattr(flags[name].condition, "parts", ())) for kind, name in lines)
    count = re.search(r"Questions answered so far: (\d+)\.", after)
    assert count is not None and count.group(1) == str(2 + signs)


def test_a_cookie_planted_by_another_page_cannot_forge_a_form(client: TestClient) -> None:
    # Regression: any equal cookie/field pair was accepted, so a page on another localhost port
    # could set the cookie and post.  The field must be signed with this install's secret.
    client.cookies.set("tw_csrf", "a" * 43)
    forged = client.post("/log/twitch", data={"site": "left_calf", "count": "5", "csrf_token": "a" * 43})
    assert forged.status_code == 403
    assert client.get("/api/v1/diary").json()["entries"] == []


def test_a_form_from_another_origin_is_refused_even_with_a_good_token(client: TestClient) -> None:
    good = token(client)
    other_port = client.post("/log/twitch", data={"site": "left_calf", "count": "5", "csrf_token": good},
                             headers={"origin": "http://127.0.0.1:9999"})  # fmt: skip
    assert other_port.status_code == 403
    same = client.post("/log/twitch", data={"site": "left_calf", "count": "5", "csrf_token": good},
                       headers={"origin": BASE}, follow_redirects=False)  # fmt: skip
    assert same.status_code == 303


def test_a_recheck_asks_only_what_the_last_check_left_open(client: TestClient) -> None:
    page = client.get("/check").text
    page = answer_step(client, page, {"sites_text": "left calf"}).text
    page = answer_step(client, page, {"q.duration_days": "3"}).text
    lines = list(dict.fromkeys(re.findall(r'name="([qg]\.\w+)"', page)))
    assert "g.stroke_signs" in lines  # the stroke signs are one line: "Yes" asks which on the next page
    step = answer_step(client, page, {"action": "next", **dict.fromkeys(lines, "no"), "g.stroke_signs": "yes"})
    signs = list(dict.fromkeys(re.findall(r'name="q\.(\w+)"', step.text)))
    assert "face_droop" in signs and "sudden_one_sided_weakness" in signs
    replies = {f"q.{sign}": "no" for sign in signs} | {"q.face_droop": "unsure"}
    step = answer_step(client, step.text, {"action": "next", **replies})
    for _ in range(40):  # skip everything else
        if step.status_code == 303:
            break
        step = answer_step(client, step.text, {"action": "skip"})
    result = client.get(step.headers["location"]).text
    again = re.search(r'href="(/check\?again=c\d+)"', result)
    assert again is not None and "face drooping" in result.split("Not answered")[1]
    first = client.get(again.group(1)).text
    assert "Has one side of your face dropped" in first and "Where is the twitching" not in first
    assert "Have you suddenly got weakness" not in first  # answered last time: not asked again


@pytest.mark.parametrize(("host", "status"), [("[::1]:8000", 200), ("[::1]", 200), ("localhost:8000", 200),
                                              ("evil.example", 400), ("127.0.0.1.evil.example:8000", 400)])  # fmt: skip
def test_the_app_answers_to_its_own_names_ipv6_included(client: TestClient, host: str, status: int) -> None:
    # Regression: `serve --host ::1` refused "[::1]" (the host check cut it at its first colon).
    assert client.get("/", headers={"host": host}).status_code == status


def test_a_foreign_or_huge_form_is_refused_before_it_is_read(client: TestClient) -> None:
    # Regression: a cross-origin multipart form was spooled (100 MB) before its 403.
    big = {"site": "left_calf", "note": "x" * 2_000_000, "csrf_token": token(client)}
    foreign = client.post("/log/twitch", data=big, headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403
    huge = client.post("/log/twitch", data=big, headers={"origin": BASE})
    assert huge.status_code == 422 and "too large" in huge.text
    assert client.get("/api/v1/diary").json()["entries"] == []


PAGES = ["/", "/check", "/log", "/log/twitch", "/log/day", "/log/symptom", "/diary", "/insights", "/report",
         "/settings"]  # fmt: skip


def test_the_emergency_number_is_at_the_top_of_every_page(client: TestClient) -> None:
    # Issue 23: it was only in the footer, about 3,000 px down a phone screen.
    for path in PAGES:
        page = client.get(path).text
        header = page[page.index("<header") : page.index("</header>")]
        assert 'class="sos" href="tel:999"' in header and "Emergency? Call 999" in header, path
        assert page.index('href="tel:999"') < page.index("<main"), path


def test_a_kept_result_shows_the_number_of_the_country_chosen_now(client: TestClient) -> None:
    page = client.get("/check").text
    page = answer_step(client, page, {"sites_text": "right hand"}).text
    page = answer_step(client, page, {"q.duration_days": "2"}).text
    done = answer_step(client, page, {"q.breathing_difficulty": "yes"})
    result = done.headers["location"]
    assert "Call 999" in client.get(result).text
    post_form(client, "/settings", {"profile": "me", "units": "metric", "locale": "en_US", "emergency": ""})
    later = client.get(result).text
    assert "Call 999" not in later and "tel:999" not in later
    assert 'href="tel:911">Call 911' in later and "Call 911 now" in later


def test_insights_for_a_long_diary_speak_plainly_and_fold_the_numbers_for_clinicians(tmp_path: Any) -> None:
    from bench.insights_speed import two_year_diary
    from tests.web.conftest import make_app
    from twitchwise.diary.store import Store

    database = tmp_path / "long.sqlite3"
    data = two_year_diary()
    with Store(f"sqlite:///{database}") as store:
        diary = store.diary("me")
        for day in data.days:
            diary.add(day)
        for episode in data.episodes:
            diary.add(episode)
    app = make_app(tmp_path, db=str(database), TWITCHWISE_NOW="2026-12-01T10:00:00")
    with TestClient(app, base_url=BASE) as long_client:
        page = long_client.get("/insights").text
    app.state.backend.close()
    person, clinicians = page.split("The numbers (for clinicians)")
    assert "% more twitching" in person and "not proof" in person
    assert "SD" not in person and "rate ratio" not in person.lower()
    assert "SD of your own variation" in clinicians  # the numbers are there, folded away


def test_the_country_is_asked_once_at_first_use_and_sets_the_number(client: TestClient) -> None:
    first = client.get("/").text
    assert "Which country are you in?" in first and 'href="tel:999"' in first
    chosen = post_form(client, "/country", {"locale": "en_US"})
    assert chosen.status_code == 303
    after = client.get("/").text
    assert "Which country are you in?" not in after and 'href="tel:911"' in after  # asked once
    assert post_form(client, "/country", {"locale": "xx_ZZ"}).status_code == 422


def test_a_self_care_result_offers_a_two_week_reminder_and_notices_repeated_checks(client: TestClient) -> None:
    answers = {"sites": [{"region": "calf", "side": "left"}], "duration_days": 3, "symptoms": {"weakness": False}}
    for _ in range(3):
        saved = client.post("/api/v1/check", json=answers).json()["diary"]["saved_as"]
    result = client.get(f"/checks/{saved}").text
    assert "Check again in two weeks" in result and "5 December" in result
    assert "This is check 3 this week with the same answer" in result
    reminder = client.get(f"/checks/{saved}/reminder.ics")
    assert reminder.status_code == 200 and reminder.headers["content-type"].startswith("text/calendar")
    assert "DTSTART;VALUE=DATE:20261205" in reminder.text and "SUMMARY:Check your twitching again" in reminder.text
    assert "calf" not in reminder.text  # a title and a link, nothing about the person


def test_the_light_log_is_one_tap_a_day_per_place_and_a_second_tap_changes_it(client: TestClient) -> None:
    # first use: no place yet, so only the body map
    assert 'id="light"' not in client.get("/log").text
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "3"})
    post_form(client, "/log/twitch", {"site": "right_eyelid", "count": "2"})
    page = client.get("/log").text
    assert page.index('id="light"') < page.index("Log one in detail")  # the light log comes first
    assert "<legend>Right eyelid</legend>" in page and "<legend>Left calf</legend>" in page
    assert "no need to watch or count" in page
    tapped = post_form(client, "/log/light", {"site": "left_calf", "amount": "lot"})
    assert tapped.status_code == 303 and tapped.headers["location"] == "/log?done=left_calf#light"
    shown = client.get("/log?done=left_calf").text
    assert "Saved for today: left calf, a lot." in shown
    assert shown.count('aria-pressed="true"') == 2  # a lot at the calf; none at the eyelid once one is answered
    light = [e for e in listed(client) if (e.get("note") or "").startswith("Light log")]
    assert [(e["region"], e["intensity"]) for e in light] == [("calf", 4)]
    post_form(client, "/log/light", {"site": "left_calf", "amount": "little"})  # tapping again changes it
    light = [e for e in listed(client) if (e.get("note") or "").startswith("Light log")]
    assert [(e["region"], e["intensity"]) for e in light] == [("calf", 2)]
    post_form(client, "/log/light", {"site": "left_calf", "amount": "none"})
    assert not [e for e in listed(client) if (e.get("note") or "").startswith("Light log")]
    refused = post_form(client, "/log/light", {"site": "left_moon", "amount": "lot"})
    assert refused.status_code == 422 and len(listed(client)) == 2


def test_a_day_answered_none_everywhere_is_a_twitch_free_day(client: TestClient) -> None:
    post_form(client, "/log/light", {"site": "left_calf", "amount": "lot"})
    post_form(client, "/log/light", {"site": "left_calf", "amount": "none"})  # changed her mind: none after all
    days = [e for e in listed(client) if "twitch_free" in e]
    assert [(d["day"], d["twitch_free"]) for d in days] == [("2026-11-21", True)]
    post_form(client, "/log/light", {"site": "left_calf", "amount": "little"})  # a twitch later clears it
    assert [e for e in listed(client) if e.get("twitch_free")] == []


def test_the_weekly_chart_s_numbers_are_a_tap_away_and_this_week_is_labelled_so_far(client: TestClient) -> None:
    for _ in range(3):
        post_form(client, "/log/twitch", {"site": "left_calf", "count": "2"})
    page = client.get("/insights").text
    assert "<summary>The numbers, week by week</summary>" in page
    assert '<th scope="col">this week so far</th>' in page and '<th scope="row">left calf</th>' in page
    row = page[page.index('<th scope="row">left calf</th>') :].split("</tr>")[0]
    assert row.count("<td>") == 8 and row.endswith("<td>3</td>")  # three episodes this week, none before


def test_insights_draw_phone_charts_with_dates_and_words_for_each_bar(client: TestClient) -> None:
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "2"})
    post_form(client, "/log/day", {"caffeine": "300 mg"})
    page = client.get("/insights").text
    charts = page[page.index('<h2 id="charts-h">') : page.index("The charts as printed in the report")]
    assert 'id="episodes-chart"' in charts and 'data-values="day-value"' in charts and "<img" not in charts
    assert "<title>Sat 21 Nov: 1 episode</title>" in charts or "<title>Sat 21 Nov: 1 episode;" in charts
    assert 'class="bar partial"' in charts  # this week, not over yet: an open bar, never a drop
    assert "<span>this week</span>" in charts and "SD" not in charts


def test_a_result_from_a_description_about_someone_else_says_the_advice_is_for_them(client: TestClient) -> None:
    response = post_form(client, "/check/describe", {"description": "mum rang, she's slurring and dropping the phone, "
                                                                     "started after her nap, she's 81"})  # fmt: skip
    assert response.status_code == 303 and response.headers["location"].startswith("/checks/")
    page = client.get(response.headers["location"]).text
    assert "The result for someone else" in page and "the advice is for them" in page
    mine = post_form(client, "/check/describe", {"description": "my speech is slurred since my nap an hour ago"})
    assert "Your result" in client.get(mine.headers["location"]).text
