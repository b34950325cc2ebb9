"""schemathesis against server mode's API with a signed-in session: generated requests (any profile, any id)
never cause a 5xx, and every response keeps the documented promises — a 404 for another person's diary is the
documented refusal, never data."""

from __future__ import annotations

import atexit
import re
import time
from dataclasses import replace
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from tests.postgres import PostgresServer
from tests.web.conftest import NOW
from tests.web.test_openapi_fuzz import CHECKS
from twitchwise.web.app import create_app
from twitchwise.web.settings import web_settings

PASSWORD = "correct horse battery"


def _signed_in_app() -> tuple[Any, str]:
    """A server-mode app on its own PostgreSQL (schemathesis loads the schema at collection, before fixtures),
    with one person signed in: the app and that session's cookie."""
    server = PostgresServer()
    atexit.register(server.stop)
    environ = {"TWITCHWISE_NOW": NOW, "LANG": "en_GB.UTF-8", "TWITCHWISE_ALLOWED_HOSTS": "testserver"}
    app = create_app(replace(web_settings(environ, db=server.new_database()), server=True))
    app.state.accounts.create("alice", PASSWORD, "person")
    client = TestClient(app)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert token
    client.post("/login", data={"csrf_token": token.group(1), "username": "alice", "password": PASSWORD},
                follow_redirects=False)  # fmt: skip
    session = client.cookies.get("tw_session")
    assert session
    return app, session


APP, SESSION = _signed_in_app()
STATUSES: list[int] = []
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_server_mode_keeps_the_api_s_promises_for_a_signed_in_person(case: Any) -> None:
    started = time.monotonic()
    response = case.call_and_validate(checks=CHECKS, cookies={"tw_session": SESSION})
    STATUSES.append(response.status_code)
    assert time.monotonic() - started < 20, "no request may hang the app"  # a hang, not a speed figure


def test_the_generated_requests_were_signed_in() -> None:
    """Run after the generated requests: they were served as the person (not all refused at the door)."""
    assert STATUSES and 401 not in STATUSES and any(200 <= status < 300 for status in STATUSES)
