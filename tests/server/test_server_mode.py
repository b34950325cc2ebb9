"""Server mode as its users meet it, on a real PostgreSQL: signing in, every request bound to its own diary,
sharing with a clinician (audited), an admin who reads no diary, and a person's right to leave."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pyotp
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.postgres import PostgresServer
from tests.web.conftest import BASE, NOW
from twitchwise.server.accounts import Accounts
from twitchwise.web.app import create_app
from twitchwise.web.settings import web_settings

PASSWORD = "correct horse battery"
START = dt.datetime.fromisoformat(NOW)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def server(postgres: PostgresServer) -> Iterator[tuple[FastAPI, Accounts, dict[str, str], Clock]]:
    settings = web_settings({"TWITCHWISE_NOW": NOW, "LANG": "en_GB.UTF-8"}, db=postgres.new_database())
    app = create_app(replace(settings, server=True))
    clock = Clock()
    accounts: Accounts = app.state.accounts
    accounts.now = clock
    secrets = {}
    for name, role in (("alice", "person"), ("bob", "person"), ("dr who", "clinician"), ("root", "admin")):
        _, secret = accounts.create(name, PASSWORD, role)
        secrets[name] = secret or ""
    yield app, accounts, secrets, clock
    app.state.backend.close()


def browser(app: FastAPI) -> TestClient:
    client = TestClient(app, base_url=BASE)
    client.get("/login")  # the CSRF cookie, as a browser gets it on the sign-in page
    return client


def form_token(client: TestClient, path: str = "/login") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found, f"no form on {path}"
    return found.group(1)


def post(client: TestClient, path: str, data: dict[str, Any], page: str = "/login") -> Any:
    return client.post(path, data={"csrf_token": form_token(client, page), **data}, follow_redirects=False)


def sign_in(client: TestClient, username: str, secret: str = "", *, now: dt.datetime = START) -> Any:
    code = pyotp.TOTP(secret).at(now) if secret else ""
    return post(client, "/login", {"username": username, "password": PASSWORD, "code": code})


def test_nothing_is_served_without_signing_in(server: Any) -> None:
    app, *_ = server
    client = browser(app)
    for path in ("/", "/diary", "/insights", "/report", "/export", "/settings", "/account", "/patients", "/admin"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/login", path
    api = client.get("/api/v1/diary")
    assert api.status_code == 401 and api.json()["field"] == "session"
    assert client.post("/api/v1/check", json={"sites": [{"region": "calf"}]}).status_code == 401


def test_each_person_reads_and_writes_only_their_own_diary(server: Any) -> None:
    app, accounts, *_ = server
    alice, bob = browser(app), browser(app)
    assert sign_in(alice, "alice").status_code == 303 and sign_in(bob, "bob").status_code == 303
    logged = alice.post("/api/v1/diary/episodes", json={"at": "2026-11-21T09:00:00", "region": "calf", "side": "left"})
    assert logged.status_code == 201, logged.text
    entry = logged.json()["id"]
    assert [e["id"] for e in alice.get("/api/v1/diary").json()["entries"]] == [entry]
    assert bob.get("/api/v1/diary").json()["entries"] == []
    alice_profile = accounts.get("alice").profile
    assert bob.get(f"/api/v1/diary?profile={alice_profile}").status_code == 404  # never data, never a hint
    assert bob.get(f"/api/v1/diary/{entry}").status_code == 404
    assert bob.delete(f"/api/v1/diary/{entry}").status_code == 404
    assert "left calf" not in bob.get("/diary").text and "left calf" in alice.get("/diary").text
    bob.cookies.set("tw_profile", alice_profile)  # a cookie naming another diary changes nothing
    assert "left calf" not in bob.get("/diary").text
    settings = bob.get("/settings").text
    assert "Whose diary" not in settings and alice_profile not in settings  # no other account is even named


def test_a_new_session_at_every_sign_in_and_none_after_signing_out(server: Any) -> None:
    app, *_ = server
    client = browser(app)
    client.cookies.set("tw_session", "planted-by-an-attacker", domain="127.0.0.1", path="/")
    assert sign_in(client, "alice").status_code == 303
    first = client.cookies.get("tw_session")
    assert first and first != "planted-by-an-attacker"
    assert sign_in(client, "alice").status_code == 303
    second = client.cookies.get("tw_session")
    assert second and second != first
    stale = browser(app)
    stale.cookies.set("tw_session", first, domain="127.0.0.1", path="/")
    assert stale.get("/api/v1/diary").status_code == 401  # the first session ended when the second began
    assert post(client, "/logout", {}, page="/account").status_code == 303
    again = browser(app)
    again.cookies.set("tw_session", second, domain="127.0.0.1", path="/")
    assert again.get("/api/v1/diary").status_code == 401


def test_a_session_idle_for_thirty_minutes_is_over(server: Any) -> None:
    app, _, _, clock = server
    client = browser(app)
    sign_in(client, "alice")
    clock.now = START + dt.timedelta(minutes=29)
    assert client.get("/api/v1/diary").status_code == 200  # and its idle clock starts again
    clock.now += dt.timedelta(minutes=29)
    assert client.get("/api/v1/diary").status_code == 200
    clock.now += dt.timedelta(minutes=31)
    assert client.get("/api/v1/diary").status_code == 401


def test_sign_in_needs_the_form_token_and_is_rate_limited(server: Any) -> None:
    app, *_ = server
    client = browser(app)
    forged = client.post("/login", data={"username": "alice", "password": PASSWORD}, follow_redirects=False)
    assert forged.status_code == 403
    for _ in range(5):
        wrong = post(client, "/login", {"username": "alice", "password": "not the password"})
        assert wrong.status_code == 401 and "not right" in wrong.text
    limited = sign_in(client, "alice")  # even the right password, until the window has passed
    assert limited.status_code == 429
    unknown = post(browser(app), "/login", {"username": "nobody", "password": PASSWORD})
    assert unknown.status_code == 401 and "not right" in unknown.text  # the same words for an unknown name


def test_clinicians_and_admins_need_their_second_factor(server: Any) -> None:
    app, _, secrets, _ = server
    assert sign_in(browser(app), "dr who").status_code == 401  # the password alone
    client = browser(app)
    signed = sign_in(client, "dr who", secrets["dr who"])
    assert signed.status_code == 303 and signed.headers["location"] == "/patients"
    assert sign_in(browser(app), "root", secrets["root"]).headers["location"] == "/admin"


def test_a_person_shares_with_a_clinician_who_sees_the_advice_and_report_and_every_read_is_audited(server: Any) -> None:
    app, accounts, secrets, _ = server
    alice, dr = browser(app), browser(app)
    sign_in(alice, "alice")
    sign_in(dr, "dr who", secrets["dr who"])
    alice.post("/api/v1/check", json={"sites": [{"region": "calf", "side": "left"}], "duration_days": 30,
                                      "symptoms": {"weakness": True, "getting_worse": True}})  # fmt: skip
    made = post(alice, "/account/share", {}, page="/account")
    code = re.search(r"Your sharing code: <strong>([0-9A-F-]+)</strong>", made.text)
    assert code
    assert post(dr, "/patients/redeem", {"code": code.group(1)}, page="/patients").status_code == 303
    patients = dr.get("/patients").text
    assert "alice" in patients and "Weakness that is getting worse" in patients
    share_id = re.search(r'href="/patients/(\d+)/report"', patients)
    assert share_id
    report = dr.get(f"/patients/{share_id.group(1)}/report")
    assert report.status_code == 200 and "calf" in report.text
    assert post(dr, "/patients/redeem", {"code": code.group(1)}, page="/patients").status_code == 422  # once only
    trail = accounts.audit("alice")
    assert [(a["actor"], a["action"]) for a in trail] == [("dr who", "redeem sharing code"), ("dr who", "read report")]
    shares = alice.get("/account").text
    assert "dr who" in shares and "dr who — read report" in shares  # she sees who looked, and why
    revoke = re.search(r'action="(/account/shares/\d+/revoke)"', shares)
    assert revoke and post(alice, revoke.group(1), {}, page="/account").status_code == 303
    assert dr.get(f"/patients/{share_id.group(1)}/report").status_code == 404
    bob = browser(app)
    sign_in(bob, "bob")
    assert post(bob, revoke.group(1), {}, page="/account").status_code == 404  # not bob's share


def test_the_audit_trail_cannot_be_changed_or_deleted_in_postgresql(server: Any) -> None:
    _, accounts, *_ = server
    accounts.issue_reset(accounts.get("root"), "alice")
    with accounts.store.engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit")).scalar() == 1
    for statement in ("UPDATE audit SET why = 'nothing'", "DELETE FROM audit"):
        with pytest.raises(Exception, match="append-only"), accounts.store.engine.begin() as connection:
            connection.execute(text(statement))


def test_an_admin_manages_accounts_and_reads_no_diary(server: Any) -> None:
    app, _, secrets, _ = server
    root = browser(app)
    sign_in(root, "root", secrets["root"])
    for path in ("/", "/diary", "/insights", "/report", "/export", "/account"):
        assert root.get(path, follow_redirects=False).status_code == 404, path
    assert root.get("/api/v1/diary").status_code == 404
    made = post(root, "/admin/accounts", {"username": "carol", "password": PASSWORD, "role": "person"}, page="/admin")
    assert made.status_code == 200 and "Made carol (person)" in made.text
    assert root.get("/admin/audit.json").json() == {"audit": []}  # nothing read yet: the export is the table
    reset = post(root, "/admin/accounts/carol/reset", {}, page="/admin")
    link = re.search(r"http://[^<]+/reset/([\w-]+)", reset.text)
    assert link
    exported = root.get("/admin/audit.json")
    assert [(a["actor"], a["subject"], a["action"]) for a in exported.json()["audit"]] == [
        ("root", "carol", "issue password reset")
    ] and "attachment" in exported.headers["content-disposition"]
    carol = browser(app)
    new_password = "another long password"
    assert post(carol, f"/reset/{link.group(1)}", {"password": new_password}).status_code == 303
    assert post(carol, "/login", {"username": "carol", "password": new_password}).status_code == 303
    assert post(browser(app), f"/reset/{link.group(1)}", {"password": new_password}).status_code == 422  # once


def test_a_person_downloads_everything_and_deletes_the_account_with_all_its_data(server: Any) -> None:
    app, accounts, *_ = server
    alice = browser(app)
    sign_in(alice, "alice")
    alice.post("/api/v1/diary/episodes", json={"at": "2026-11-21T09:00:00", "region": "calf", "side": "left"})
    exported = alice.get("/export?format=json")
    assert exported.status_code == 200 and "calf" in exported.text
    assert alice.get("/export?format=fhir").json()["resourceType"] == "Bundle"
    refused = post(alice, "/account/delete", {"confirm": "bob"}, page="/account")
    assert refused.status_code == 422
    assert post(alice, "/account/delete", {"confirm": "alice"}, page="/account").status_code == 303
    assert accounts.get("alice") is None
    with accounts.store.engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM episodes")).scalar() == 0
    assert sign_in(browser(app), "alice").status_code == 401


def test_no_password_or_health_data_reaches_the_log(server: Any, caplog: pytest.LogCaptureFixture) -> None:
    app, *_ = server
    caplog.set_level(logging.DEBUG)
    client = browser(app)
    post(client, "/login", {"username": "alice", "password": "a wrong password 123"})
    sign_in(client, "alice")
    client.post("/api/v1/check/text", json={"text": "my left calf twitches, five coffees a day"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert PASSWORD not in logged and "a wrong password 123" not in logged and "coffees" not in logged


def _routes() -> list[tuple[str, str]]:
    """Every page and endpoint of the app, as its routers declare them."""
    from fastapi.routing import APIRoute

    from twitchwise.server import web as server_pages
    from twitchwise.web import api, check_pages, diary_pages, pages

    found: list[tuple[str, str]] = []
    for router in (api.router, check_pages.router, pages.router, diary_pages.router, server_pages.router):
        for route in router.routes:
            if isinstance(route, APIRoute):
                found += [(method, route.path) for method in sorted(set(route.methods or ()) - {"HEAD", "OPTIONS"})]
    assert len(found) > 50 and any(path.startswith("/api/v1/diary/") for _, path in found)
    return found


def test_every_route_for_every_role_gives_no_one_else_s_data(server: Any) -> None:
    """The authorization matrix: every page and endpoint, as each role, aimed at another person's ids."""
    app, accounts, secrets, _ = server
    alice = browser(app)
    sign_in(alice, "alice")
    secret_note = "ZEBRA-ALICE-PRIVATE"
    entry = alice.post("/api/v1/diary/episodes", json={"at": "2026-11-21T09:00:00", "region": "calf",
                                                        "note": secret_note}).json()["id"]  # fmt: skip
    check = alice.post("/api/v1/check", json={"sites": [{"region": "calf"}], "duration_days": 3}).json()
    check_id = check["diary"]["saved_as"]
    made = post(alice, "/account/share", {}, page="/account")
    code = re.search(r"<strong>([0-9A-F-]+)</strong>", made.text)
    assert code
    share_id = re.search(r'action="/account/shares/(\d+)/revoke"', alice.get("/account").text)
    assert share_id
    values = {"entry_id": entry, "check_id": check_id, "share_id": share_id.group(1), "username": "alice",
              "token": "x" * 43, "name": "timeline", "topic": "is_it_als", "step": "1"}  # fmt: skip
    visitors = {"bob": browser(app), "dr who": browser(app), "root": browser(app)}
    for name, client in visitors.items():
        sign_in(client, name, secrets[name])
    alice_profile = accounts.get("alice").profile
    for (method, path), profile in itertools.product(_routes(), ("", alice_profile)):
        target = re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), "1")), path)
        target += f"?profile={profile}" if profile else ""
        body: dict[str, Any] | None = {} if target.startswith("/api/") and method != "GET" else None
        for name, client in visitors.items():
            response = client.request(method, target, follow_redirects=False, json=body)
            assert secret_note not in response.text, (name, method, target)
            assert "ZEBRA" not in response.headers.get("location", ""), (name, method, target)
            if method == "GET" and re.search(r"\{(entry_id|check_id|share_id)\}", path):
                assert response.status_code == 404, (name, method, target, response.status_code)  # never data
    assert secret_note in alice.get(f"/api/v1/diary/{entry}").text  # the data is there, for its owner


def test_the_server_command_refuses_what_server_mode_cannot_run_on(postgres: PostgresServer, tmp_path: Any) -> None:
    from tests.conftest import run_cli

    key = {"TWITCHWISE_SECRET": "k" * 40, "LANG": "en_GB.UTF-8"}
    no_key = run_cli("server", "--db", postgres.new_database(), environ={"LANG": "en_GB.UTF-8"})
    assert no_key.code == 2 and "TWITCHWISE_SECRET" in no_key.err
    sqlite = run_cli("server", "--db", str(tmp_path / "d.sqlite3"), environ=key)
    assert sqlite.code == 2 and "--db" in sqlite.err and "PostgreSQL" in sqlite.err
    database = postgres.new_database()
    add = ("server", "add-account", "admin", "--role", "admin", "--db", database)
    short = run_cli(*add, stdin="tiny-pw\n", environ=key)
    assert short.code == 2 and "password" in short.err and "tiny-pw" not in short.err + short.out  # never echoed
    made = run_cli(*add, stdin=PASSWORD + "\n", environ=key)
    assert made.code == 0 and "Made admin (admin)" in made.out and "Authenticator secret" in made.out
    again = run_cli("server", "add-account", "admin", "--db", database, stdin=PASSWORD + "\n", environ=key)
    assert again.code == 2 and "username" in again.err
