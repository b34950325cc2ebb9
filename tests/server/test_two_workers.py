"""Scale-out as deployed: two `twitchwise server` processes on one PostgreSQL behind Debian's nginx, over TLS
with a self-signed certificate on loopback.  A session made through one worker is honoured by the other, every
write is read back whichever worker answers, and signing out through one ends the session on both."""

from __future__ import annotations

import datetime as dt
import re
import ssl
from collections.abc import Iterator

import httpx
import pytest

from tests.postgres import PostgresServer
from tests.server.cluster import cluster as running
from twitchwise.diary.store import Store
from twitchwise.server.accounts import Accounts

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def cluster(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ssl.SSLContext]]:
    database = postgres.new_database()
    with Store(database) as store:
        Accounts(store, lambda: dt.datetime.now().replace(microsecond=0)).create("alice", PASSWORD, "person")
    with running(database, tmp_path_factory.mktemp("cluster"), workers=2) as started:
        yield started


def _form_token(client: httpx.Client, path: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found, path
    return found.group(1)


def test_two_workers_behind_nginx_share_sessions_and_writes(cluster: tuple[str, ssl.SSLContext]) -> None:
    base, trusted = cluster
    with httpx.Client(base_url=base, verify=trusted, follow_redirects=False) as client:
        signed = client.post("/login", data={"csrf_token": _form_token(client, "/login"), "username": "alice",
                                             "password": PASSWORD})  # fmt: skip
        assert signed.status_code == 303
        assert "Secure" in signed.headers["set-cookie"] and "HttpOnly" in signed.headers["set-cookie"]
        upstreams = set()
        for n in range(1, 9):
            logged = client.post("/api/v1/diary/episodes", json={"at": f"2026-11-2{n % 9}T09:00:00", "region": "calf"})
            assert logged.status_code == 201, logged.text
            upstreams.add(logged.headers["x-upstream"])
            listing = client.get("/api/v1/diary", params={"days": 3650})
            assert listing.status_code == 200
            upstreams.add(listing.headers["x-upstream"])
            assert len(listing.json()["entries"]) == n  # every write so far, whichever worker wrote it
        assert len(upstreams) == 2, upstreams  # both workers answered, with one session
        session = client.cookies.get("tw_session")
        assert session
        out = client.post("/logout", data={"csrf_token": _form_token(client, "/account")})
        assert out.status_code == 303
    with httpx.Client(base_url=base, verify=trusted, headers={"cookie": f"tw_session={session}"}) as stale:
        answers = [stale.get("/api/v1/diary") for _ in range(4)]  # the old session, through both workers
        assert {a.status_code for a in answers} == {401} and len({a.headers["x-upstream"] for a in answers}) == 2
