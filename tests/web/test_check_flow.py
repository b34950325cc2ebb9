"""The guided check as a phone user moves through it: one page a step, Back and reload, the summary
of answers and changing one, and how many taps a frightened person with nothing wrong needs."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from fastapi.testclient import TestClient

from tests.web.conftest import answer_step, follow_check, post_form

FRIGHTENED = "my left calf has been twitching for 3 days, no weakness, I'm really scared it's ALS"


def described(client: TestClient, text: str) -> Any:
    response = post_form(client, "/check/describe", {"description": text})
    assert response.status_code == 303 and re.fullmatch(r"/check/d/[\w-]{22}/0", response.headers["location"])
    return client.get(response.headers["location"])


def test_a_frightened_person_with_nothing_wrong_reaches_the_result_in_twelve_taps(client: TestClient) -> None:
    page = described(client, FRIGHTENED).text
    taps = 1  # "Read my description"
    screens = 0
    while True:
        lines = re.findall(r'name="([qg]\.\w+)"', page)
        assert len(set(lines)) <= 5, lines  # at most five questions a screen
        fields = _no_to_everything(page)
        if fields == {"action": "none"}:
            assert page.index("None of these") < page.index(lines[0])  # "None of these" comes first
        response = answer_step(client, page, fields)
        taps += 2 if response.status_code == 303 else 1  # the last step also confirms the summary
        screens += 1
        if response.status_code == 303:
            break
        page = response.text
        assert screens < 30
    result = client.get(response.headers["location"]).text
    assert "banner-self_care" in result
    assert taps <= 12, taps


def _no_to_everything(page: str) -> dict[str, str]:
    """What a person with nothing wrong taps on a step: skip the rest when offered, "None of these" on a group, "No"
    to a single yes-or-no question, else skip."""
    lines = re.findall(r'name="([qg]\.\w+)"', page)
    if "Skip the rest and see my advice" in page:
        return {"action": "rest"}
    if len(set(lines)) > 1:
        return {"action": "none"}
    if 'value="no"' in page:
        return {lines[0]: "no", "action": "next"}
    return {"action": "skip"}


def test_back_and_reload_are_plain_page_loads_and_keep_the_answers(client: TestClient) -> None:
    first = described(client, "left calf twitching for 3 days")
    url = str(first.url)
    step = answer_step(client, first.text, {"action": "none"})
    assert step.status_code == 200 and str(step.url).endswith("/1")
    reloaded = client.get(str(step.url))  # reload: the same page again, nothing sent twice
    assert reloaded.status_code == 200 and re.findall(r'name="([qg]\.\w+)"', reloaded.text) == re.findall(
        r'name="([qg]\.\w+)"', step.text)  # fmt: skip
    back = re.search(r'<p class="back-link"><a href="([^"]+)"', step.text)
    assert back is not None and url.endswith(back.group(1))
    again = client.get(back.group(1)).text
    assert 'value="no" checked' in again  # the answer given is shown, not lost
    unchanged = answer_step(client, again, {"action": "none"})
    assert str(unchanged.url) == str(step.url)  # the same answers: on to the same next page


def test_the_summary_lists_every_answer_and_one_can_be_changed(client: TestClient) -> None:
    page = described(client, "left calf twitching for 3 days, no weakness").text
    for _ in range(30):
        lines = re.findall(r'name="([qg]\.\w+)"', page)
        fields = {"action": "rest"} if "Skip the rest" in page else {"action": "none"} if len(set(lines)) > 1 else {
            "action": "skip"}  # fmt: skip
        action = re.search(r'action="([^"]+)" class="check-step"', page)
        assert action is not None
        response = post_form(client, action.group(1), fields)
        assert response.status_code == 303
        page = client.get(response.headers["location"]).text
        if response.headers["location"].endswith("/review"):
            break
    assert "Your answers" in page and "See my advice" in page
    assert "From your description" in page and "left calf" in page
    changes = re.findall(r'<dt>([^<]+)</dt>\s*<dd><strong>([^<]+)</strong> <a href="([^"]+)"', page)
    stroke = next(c for c in changes if "face drooping" in c[0])  # a page of "None of these" is one line
    assert stroke[1] == "None of these" and "sudden speech problem" in stroke[0]
    assert len(changes) < 15  # a summary a phone can show, not one line per question
    step = client.get(stroke[2]).text  # Change: back to that page, with the answer shown
    assert "g.stroke_signs" in step and 'value="no" checked' in step
    lines = re.findall(r'name="([qg]\.\w+)"', step)
    changed = answer_step(client, step, {**dict.fromkeys(lines, "no"), "q.seizure": "yes", "action": "next"})
    assert changed.status_code == 303  # a seizure is an emergency: nothing else to ask
    assert "banner-emergency" in client.get(changed.headers["location"]).text


def test_a_draft_is_the_profile_s_own_and_ends_with_its_check(client: TestClient) -> None:
    page = described(client, "left calf twitching for 3 days")
    url = str(page.url).removeprefix("http://127.0.0.1:8000")
    client.cookies.set("tw_profile", "someone")
    assert client.get(url).status_code == 404  # another profile's check in progress is not found
    client.cookies.set("tw_profile", "me")
    assert client.get(url).status_code == 200
    assert client.get("/check/d/not-a-token/0").status_code == 404
    assert client.get(url.replace("/0", "/7")).status_code == 404


def test_old_drafts_are_deleted_when_a_new_check_starts(tmp_path: Any) -> None:
    from twitchwise.diary.drafts import Drafts
    from twitchwise.diary.store import Store

    with Store(f"sqlite:///{tmp_path / 'd.sqlite3'}") as store:
        drafts = Drafts(store.diary("me"))
        old = drafts.start([{"answers": {}, "asked": []}], {}, now=dt.datetime(2026, 11, 1, 9))
        assert drafts.get(old) is not None
        new = drafts.start([{"answers": {}, "asked": []}], {}, now=dt.datetime(2026, 11, 2, 10))
        assert drafts.get(old) is None and drafts.get(new) is not None
        drafts.end(new)
        assert drafts.get(new) is None


def test_plan_questions_share_a_page_take_everyday_words_and_show_every_problem_at_once(client: TestClient) -> None:
    page = described(client, "left calf twitching for 3 days, no weakness").text
    for _ in range(30):
        if "A few details for your plan" in page:
            break
        lines = re.findall(r'name="([qg]\.\w+)"', page)
        page = answer_step(client, page, {"action": "none"} if len(set(lines)) > 1 else {"action": "skip"}).text
    fields = re.findall(r'name="q\.(\w+)"', page)
    assert 1 < len(fields) <= 5 and "caffeine_mg_per_day" in fields
    bad = {"q.caffeine_mg_per_day": "loads and loads", "action": "next"}
    if "age" in fields:
        bad["q.age"] = "two hundred"
    refused = answer_step(client, page, bad)
    assert refused.status_code == 422
    assert len(re.findall(r'class="field-error"', refused.text)) == len(bad) - 1  # each problem beside its field
    accepted = answer_step(client, page, {"q.caffeine_mg_per_day": "3 coffees", "action": "next"})
    assert accepted.status_code in (200, 303)


def test_back_shows_a_line_of_signs_answered_not_sure_as_not_sure_and_yes_as_yes(client: TestClient) -> None:
    first = described(client, "left calf twitching for 3 days")
    lines = list(dict.fromkeys(re.findall(r'name="([qg]\.\w+)"', first.text)))
    for reply in ("unsure", "yes"):
        replies = {**dict.fromkeys(lines, "no"), "g.stroke_signs": reply, "action": "next"}
        step = answer_step(client, first.text, replies)
        # "Yes" (even after "Not sure" on the same page) asks which sign, one by one, on the next page
        assert ('name="q.face_droop"' in step.text) == (reply == "yes")
        back = re.search(r'<p class="back-link"><a href="([^"]+)"', step.text)
        assert back is not None
        again = client.get(back.group(1)).text
        assert re.search(rf'name="g\.stroke_signs" value="{reply}" checked', again), reply


def test_a_check_about_someone_else_puts_its_questions_to_them(client: TestClient) -> None:
    page = described(client, "my dad's eyelid keeps twitching and I'm worried it's a stroke").text
    assert "about someone else" in page
    assert "If they have any of these — face drooping" in page  # the warning first
    assert "<legend>Has one side of their face dropped, or can they not smile evenly?</legend>" in page
    assert "of your face" not in page and "can you not" not in page and "If you have" not in page


def test_checking_again_and_again_with_nothing_new_gets_a_gentle_note(client: TestClient) -> None:
    assert "You have checked" not in client.get("/check").text
    calm = {"sites": [{"region": "calf", "side": "left"}], "duration_days": 3, "symptoms": {"weakness": False}}
    for _ in range(3):
        assert client.post("/api/v1/check", json=calm).status_code == 200
    page = client.get("/check").text
    assert "You have checked 3 times this week" in page and "Each time the advice was the same: Self-care." in page
    assert "the diary does the watching for you" in page and "(S1, S24)" in page
    assert "check again straight away" in " ".join(page.split())


POT = "drank a whole pot of coffee and loads of red bull today, my heart is racing"


def _to_the_result(client: TestClient, page: str, first: dict[str, str]) -> str:
    """Answer the page with ``first``, then every later page the calmest way ("No", "None of these", skip)."""
    response = answer_step(client, page, first)
    for _ in range(30):
        if response.status_code == 303:
            return str(client.get(response.headers["location"]).text)
        page = response.text
        lines = re.findall(r'name="([qg]\.\w+)"', page)
        if len(set(lines)) > 1 and "None of these" in page:
            fields = {"action": "none"}
        elif lines and f'name="{lines[0]}" value="no"' in page:
            fields = {lines[0]: "no", "action": "next"}
        else:
            fields = {"action": "skip"}
        response = answer_step(client, page, fields)
    raise AssertionError("the check did not end")


def test_an_amount_named_without_a_size_is_asked_first_and_stays_open_when_skipped(client: TestClient) -> None:
    page = described(client, POT).text
    warning = "If your caffeine is more than 400 mg a day, call 999"
    assert warning in page and "The question below settles it" in page
    assert re.findall(r'name="(q\.\w+)"', page)[0] == "q.caffeine_mg_per_day"  # the question below is that one
    result = _to_the_result(client, page, {"action": "skip"})
    assert warning in result  # skipped: "loads of red bull" is still uncounted, so the result still warns


def test_an_amount_named_without_a_size_settles_when_the_person_gives_it(client: TestClient) -> None:
    page = described(client, POT).text
    result = _to_the_result(client, page, {"q.caffeine_mg_per_day": "200", "action": "next"})
    assert "If your caffeine is more than" not in result and "banner-emergency" not in result


def test_the_result_quotes_the_words_each_sign_was_read_from(client: TestClient) -> None:
    """What the person said and what it was read as are told apart on the result page: the person who wrote "No
    weakness" sees their own words behind "sudden one-sided weakness or numbness", not the bare label."""
    text = "No weakness - but one side of my face dropped 10 minutes ago and my speech is slurred"
    response = post_form(client, "/check/describe", {"description": text})
    assert response.status_code == 303 and response.headers["location"].startswith("/checks/")  # nothing to ask
    page = html.unescape(client.get(response.headers["location"]).text)
    assert (
        "From what you said: “one side of my face dropped” (read as face drooping, sudden one-sided weakness or "
        "numbness); “speech is slurred” (read as sudden speech problem)" in page
    )
    assert "From what you said: face drooping" not in page


def test_the_plan_shows_targets_but_not_the_emergencys_time_twice(client: TestClient) -> None:
    """The see-a-doctor step's words already say when ("Call 112 now"); the web showed "Target: now." after them, which
    the CLI left out. Other steps keep their concrete targets."""
    emergency = "one side of my face dropped 10 minutes ago and my speech is slurred"
    response = post_form(client, "/check/describe", {"description": emergency})
    page = html.unescape(client.get(response.headers["location"]).text)
    assert "Target: now." not in page
    calm = "eyelid twitching for 3 days, I drink 6 coffees a day, no weakness, no other symptoms, I'm 30"
    response = follow_check(client, post_form(client, "/check/describe", {"description": calm}))
    for _ in range(20):
        if response.status_code == 303:
            break
        response = answer_step(client, response.text, _no_to_everything(response.text))
    assert response.status_code == 303 and response.headers["location"].startswith("/checks/")
    page = html.unescape(client.get(response.headers["location"]).text)
    assert re.search(r"Target: [^<]*\d", page)  # a concrete target (a number of cups or milligrams)
