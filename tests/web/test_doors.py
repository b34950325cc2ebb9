"""Same facts, same advice, whatever the door.

Hypothesis draws facts (places, days, red-flag symptoms present or absent) and enters them
through every door a person or a program has: structured answers, the API, the guided check in
the terminal (a scripted person who reads each prompt and answers from the facts), the guided
check in the browser (HTTP, page by page), and the symptom log followed by a check.  Every door
must give the same disposition and the same most urgent red flags.  (A guided check stops asking
once nothing can raise the advice, so red flags below the disposition may differ between doors:
they could not change it.)
"""

from __future__ import annotations

import datetime as dt
import html
import io
import itertools
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.strategies import KB
from tests.web.conftest import NOW, answer_step
from twitchwise.answers import answers_from_builtins
from twitchwise.cli.main import main
from twitchwise.triage.engine import assess
from twitchwise.vocabulary import Disposition

TODAY = dt.date.fromisoformat(NOW[:10])
SYMPTOMS = sorted(q for q in KB.red_flag_questions if q in KB.symptoms and KB.asks(q))
PLACES = {
    "left calf": {"region": "calf", "side": "left"}, "right thigh": {"region": "thigh", "side": "right"},
    "left eyelid": {"region": "eyelid", "side": "left"}, "both calves": {"region": "calf", "side": "both"},
}  # fmt: skip
RANK = {d.value: d.rank for d in Disposition}
PROFILES = itertools.count()

facts_strategy = st.fixed_dictionaries({
    "places": st.lists(st.sampled_from(sorted(PLACES)), min_size=1, max_size=2, unique=True),
    "days": st.integers(0, 40),
    "symptoms": st.dictionaries(st.sampled_from(SYMPTOMS), st.booleans(), max_size=4),
})  # fmt: skip


def structured(facts: dict[str, Any]) -> dict[str, Any]:
    return {"sites": [PLACES[p] for p in facts["places"]], "duration_days": facts["days"],
            "symptoms": facts["symptoms"]}  # fmt: skip


def top(disposition: str, red_flags: list[dict[str, Any]]) -> tuple[str, frozenset[str]]:
    """The disposition and the titles of the red flags behind the advice."""
    return disposition, frozenset(f["title"] for f in red_flags)


# --- the doors ---------------------------------------------------------------------------------


def door_structured(facts: dict[str, Any]) -> tuple[str, frozenset[str]]:
    answers = answers_from_builtins(structured(facts), today=TODAY, symptom_ids=KB.symptom_ids)
    result = assess(answers, KB, today=TODAY)
    return top(result.disposition, [{"title": f.title, "disposition": f.disposition} for f in result.red_flags])


def door_api(client: TestClient, facts: dict[str, Any]) -> tuple[str, frozenset[str]]:
    data = client.post("/api/v1/check?diary=false", json=structured(facts)).json()
    return top(data["disposition"], data["red_flags"])


def door_log_then_check(client: TestClient, facts: dict[str, Any]) -> tuple[str, frozenset[str]]:
    profile = f"log{next(PROFILES)}"
    for symptom, present in facts["symptoms"].items():
        logged = client.post(f"/api/v1/diary/symptoms?profile={profile}",
                             json={"symptom": symptom, "present": present, "at": f"{TODAY}T08:00:00"})  # fmt: skip
        assert logged.status_code == 201, logged.text
    rest = {key: value for key, value in structured(facts).items() if key != "symptoms"}
    data = client.post(f"/api/v1/check?profile={profile}", json=rest).json()
    return top(data["disposition"], data["red_flags"])


class ScriptedPerson(io.StringIO):
    """Stdin for the guided check: reads what the check printed last and answers from the facts."""

    def __init__(self, screen: io.StringIO, facts: dict[str, Any]) -> None:
        super().__init__()
        self.screen = screen
        self.facts = facts
        self.seen = 0
        self.labels = {KB.symptoms[s].label: s for s in KB.symptoms}
        self.texts = {" ".join(q.text.split()): q.id for q in KB.questions.values()}

    def isatty(self) -> bool:
        return False

    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]  # one whole answer a call
        printed = self.screen.getvalue()[self.seen :]
        self.seen = len(self.screen.getvalue())
        return self.reply(printed) + "\n"

    def reply(self, printed: str) -> str:
        flat = " ".join(printed.split())
        if "Describe it in your own words" in flat:
            return ""
        if "Any of these? [y/n/?]" in flat:
            listed = [self.labels[label.strip()] for label in re.findall(r"• (.+)", printed)]
            return "n" if all(self.facts["symptoms"].get(s) is False for s in listed) else "?"
        asked = [qid for text, qid in self.texts.items() if text in flat]
        question = asked[-1] if asked else None
        if question == "sites":
            return ", ".join(self.facts["places"])
        if question == "duration_days":
            return str(self.facts["days"])
        if question in KB.symptoms:
            value = self.facts["symptoms"].get(question)
            return "y" if value else "n" if value is False else "?"
        return "?"


def door_terminal(facts: dict[str, Any]) -> tuple[str, frozenset[str]]:
    import json

    screen, errors = io.StringIO(), io.StringIO()
    person = ScriptedPerson(screen, facts)
    code = main(["check", "--no-diary", "--json", "--today", str(TODAY)], {"COLUMNS": "100"}, person, screen, errors)
    assert code == 0, errors.getvalue()
    data = json.loads(screen.getvalue().splitlines()[-1])
    return top(data["disposition"], data["red_flags"])


def door_browser(client: TestClient, facts: dict[str, Any]) -> tuple[str, frozenset[str]]:
    """The browser check as a person who knows these facts answers it, page by page (post, then follow
    the redirect), confirming the summary of answers at the end."""
    client.cookies.set("tw_profile", f"web{next(PROFILES)}")
    page = client.get("/check").text
    for _ in range(80):
        form: dict[str, Any] = {}
        names = list(dict.fromkeys(re.findall(r'name="([qg])\.(\w+)"', page)))
        lines = {key: _members(kind, name) for kind, name in names if kind == "g" or name in KB.symptoms
                 for key in [f"{kind}.{name}"]}  # fmt: skip
        if 'name="sites_text"' in page:
            form["sites_text"] = ", ".join(facts["places"])
        elif lines:
            values = {key: [facts["symptoms"].get(s) for s in members] for key, members in lines.items()}
            if len(lines) > 1 and all(v is False for found in values.values() for v in found):
                form["action"] = "none"
            else:
                form.update({key: _reply(found) for key, found in values.items()})
                form["action"] = "next"
        elif [name for _, name in names] == ["duration_days"]:
            form["q.duration_days"] = str(facts["days"])
        else:
            form["action"] = "skip"
        response = answer_step(client, page, form)
        if response.status_code == 303:
            result = client.get(response.headers["location"]).text
            disposition = re.search(r'class="banner banner-(\w+)" aria-labelledby="disposition-h"', result)
            assert disposition is not None
            why = result.split('id="why-h"')[1].split("</section>")[0] if 'id="why-h"' in result else ""
            titles = re.findall(r"<li><strong>([^<]+)</strong> \(([^)]+)\)", why)
            flags = [{"title": html.unescape(t), "disposition": WORDS[w]} for t, w in titles]
            return top(disposition.group(1), flags)
        assert response.status_code == 200, response.text[:500]
        page = response.text
    raise AssertionError("the browser check did not end")


def _members(kind: str, name: str) -> list[str]:
    """The symptoms behind a line of the list: one, or every member of a red flag asked together."""
    if kind == "q":
        return [name]
    flag = next(f for f in KB.red_flags if f.id == name)
    return [p.symptom for p in flag.condition.parts]  # type: ignore[attr-defined]


def _reply(found: list[bool | None]) -> str:
    if True in found:
        return "yes"
    return "no" if all(v is False for v in found) else "unsure"


WORDS = {"emergency": "emergency", "urgent": "urgent", "routine": "routine", "self care": "self_care"}


@pytest.fixture(scope="module")
def door_client(module_client: TestClient) -> TestClient:
    return module_client


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])  # fmt: skip
@given(facts=facts_strategy)
# Found by this test (2026-12-01): two places already made the advice routine, so the routine list was skipped and
# weakness that was getting worse (urgent together) was never asked by the guided doors.
@example(facts={"places": ["both calves"], "days": 0, "symptoms": {"weakness": True, "getting_worse": True}})
def test_the_same_facts_get_the_same_advice_through_every_door(door_client: TestClient, facts: dict[str, Any]) -> None:
    expected = door_structured(facts)
    # Given all the facts at once: the same disposition and exactly the same red flags.
    for name, found in {
        "api": door_api(door_client, facts),
        "log then check": door_log_then_check(door_client, facts),
    }.items():
        assert found == expected, (name, facts, found, expected)
    # Asked one step at a time: the same disposition, and no red flag the facts do not support (the
    # guided check stops asking what can no longer change the advice, so it may give fewer reasons).
    for name, found in {"terminal": door_terminal(facts), "browser": door_browser(door_client, facts)}.items():
        assert found[0] == expected[0] and found[1] <= expected[1], (name, facts, found, expected)
