"""Answering the fear: "Is it ALS?" from the knowledge base, public sources first, linked from calm results."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import answer_step, post_form


def test_the_als_topic_page_puts_the_public_s_sources_first_and_folds_the_papers(client: TestClient) -> None:
    page = client.get("/learn/is_it_als")
    assert page.status_code == 200 and "Is it ALS" in page.text and "121 people" in page.text
    public, clinical = page.text.split("For clinicians")
    assert "nhs.uk" in public and "Annals of Neurology" not in public  # the Mayo follow-up paper is folded away
    assert "Annals of Neurology" in clinical and "<details" in public[-400:]
    assert client.get("/learn/no_such_topic").status_code == 404


def test_a_calm_result_links_to_the_answer_about_als(client: TestClient) -> None:
    page = client.get("/check").text
    page = answer_step(client, page, {"sites_text": "left calf"}).text
    page = answer_step(client, page, {"q.duration_days": "3"}).text
    for _ in range(30):
        lines = re.findall(r'name="([qg]\.\w+)"', page)
        fields = {"action": "rest"} if "Skip the rest" in page else {"action": "none"} if len(set(lines)) > 1 else {
            "action": "skip"}  # fmt: skip
        response = answer_step(client, page, fields)
        if response.status_code == 303:
            break
        page = response.text
    result = client.get(response.headers["location"]).text
    assert "banner-self_care" in result and 'href="/learn/is_it_als"' in result
    assert result.index("For clinicians") > result.index('id="sources-h"')


def test_a_description_that_names_the_fear_gets_the_answer_before_the_questions(client: TestClient) -> None:
    described = post_form(client, "/check/describe", {"description": "left calf twitching 3 days, terrified it's ALS"})
    first = client.get(described.headers["location"]).text
    assert first.index("Is it ALS") < first.index("Right now, do you have any of these?")
    assert 'href="/learn/is_it_als"' in first
