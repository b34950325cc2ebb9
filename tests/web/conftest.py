from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.postgres import PostgresServer
from twitchwise.web.app import create_app
from twitchwise.web.settings import web_settings

NOW = "2026-11-21T10:00:00"
BASE = "http://127.0.0.1:8000"


def make_app(tmp_path: Path, *, db: str | None = None, **environ: str) -> FastAPI:
    settings = web_settings(
        {"TWITCHWISE_NOW": NOW, "LANG": "en_GB.UTF-8", **environ}, db=db or str(tmp_path / "d.sqlite3")
    )
    return create_app(settings)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The app's diary: an SQLite file (the default) or a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "d.sqlite3")
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.new_database()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    created = make_app(tmp_path)
    yield created
    created.state.backend.close()


@pytest.fixture(scope="module")
def module_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One app and client for a whole module (for tests that walk many paths through one diary)."""
    app = make_app(tmp_path_factory.mktemp("module"))
    with TestClient(app, base_url=BASE) as client:
        client.get("/")  # receive the CSRF cookie, as a browser does on its first page
        yield client
    app.state.backend.close()


@pytest.fixture
def any_client(tmp_path: Path, database: str) -> Iterator[TestClient]:
    """A client of the app on each supported database."""
    created = make_app(tmp_path, db=database)
    with TestClient(created, base_url=BASE) as test_client:
        yield test_client
    created.state.backend.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE) as test_client:
        test_client.get("/")  # receive the CSRF cookie, as a browser does on its first page
        yield test_client


_TOKENS: dict[str, str] = {}


def token(client: TestClient) -> str:
    """The form token this client's pages carry (signed over its cookie, so read from a page)."""
    cookie = client.cookies.get("tw_csrf")
    assert cookie
    if cookie not in _TOKENS:
        found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/settings").text)
        assert found, "no form token on the page"
        _TOKENS[cookie] = found.group(1)
    return _TOKENS[cookie]


def post_form(client: TestClient, path: str, data: dict[str, Any], **kwargs: Any) -> Any:
    return client.post(path, data={"csrf_token": token(client), **data}, follow_redirects=False, **kwargs)


def answer_step(client: TestClient, page: str, fields: dict[str, Any]) -> Any:
    """Answer one page of the guided check as a browser does: post to the form's own action (with the
    hidden state the first page carries) and follow the redirect to the next page.  The summary of
    answers that ends a check is confirmed ("See my advice"), so a check that is over returns the 303
    to its result, as before."""
    action = re.search(r'<form method="post" action="([^"]+)" class="check-step"', page)
    assert action, "no check step on the page"
    data = dict(fields)
    state = re.search(r'name="state" value="([^"]*)"', page)
    if state:
        data["state"] = html.unescape(state.group(1))
    response = post_form(client, action.group(1), data)
    if response.status_code != 303:
        return response
    return follow_check(client, response)


def follow_check(client: TestClient, response: Any) -> Any:
    """After a check's 303: the next step's page, or (past the summary of answers) the 303 to the result;
    any other response as it is."""
    if response.status_code != 303:
        return response
    location = response.headers["location"]
    if location.startswith("/checks/"):
        return response
    shown = client.get(location, follow_redirects=False)
    finish = re.search(r'action="(/check/d/[^"]+/finish)"', shown.text)
    if finish:
        return post_form(client, finish.group(1), {})
    return shown


def flash(html: str) -> list[str]:
    return re.findall(r'class="flash"[^>]*>([^<]*)', html)


class LiveServer:
    """The app served by uvicorn on a free loopback port, in a thread of the test process."""

    def __init__(self, app: FastAPI) -> None:
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", access_log=False, lifespan="off")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
