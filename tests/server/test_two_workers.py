"""Scale-out as deployed: two `twitchwise server` processes on one PostgreSQL behind Debian's nginx, over TLS
with a self-signed certificate on loopback.  A session made through one worker is honoured by the other, every
write is read back whichever worker answers, and signing out through one ends the session on both."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.postgres import PostgresServer
from twitchwise.diary.store import Store
from twitchwise.server.accounts import Accounts

PASSWORD = "correct horse battery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait(url: str, seconds: float = 90, verify: bool | ssl.SSLContext = True) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, verify=verify, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


NGINX = """
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream twitchwise {{
        server 127.0.0.1:{first};
        server 127.0.0.1:{second};
    }}
    server {{
        listen 127.0.0.1:{port} ssl;
        server_name localhost;
        ssl_certificate {folder}/cert.pem;
        ssl_certificate_key {folder}/key.pem;
        location / {{
            proxy_pass http://twitchwise;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


@pytest.fixture(scope="module")
def cluster(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ssl.SSLContext]]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "nginx is missing: `make test` installs Debian's nginx-light (make nginx)"
    folder = tmp_path_factory.mktemp("cluster")
    database = postgres.new_database()
    with Store(database) as store:
        Accounts(store, lambda: dt.datetime.now().replace(microsecond=0)).create("alice", PASSWORD, "person")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(folder / "key.pem"),
                    "-out", str(folder / "cert.pem")], check=True, capture_output=True)  # fmt: skip
    env = {**os.environ, "TWITCHWISE_DATABASE_URL": database, "TWITCHWISE_SECRET": "s" * 64, "LANG": "en_GB.UTF-8"}
    env.pop("TWITCHWISE_NOW", None)
    script = str(Path(sys.executable).with_name("twitchwise"))
    ports = [_free_port(), _free_port()]
    logs = [(folder / f"worker-{n}.log").open("wb") for n in range(2)]
    workers = [
        subprocess.Popen([script, "server", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=log,
                         stderr=subprocess.STDOUT)
        for port, log in zip(ports, logs, strict=True)
    ]  # fmt: skip
    port = _free_port()
    (folder / "nginx.conf").write_text(NGINX.format(folder=folder, first=ports[0], second=ports[1], port=port))
    proxy = subprocess.Popen([nginx, "-c", str(folder / "nginx.conf"), "-p", str(folder), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        for worker_port in ports:
            _wait(f"http://127.0.0.1:{worker_port}/login")
        base = f"https://localhost:{port}"
        trusted = ssl.create_default_context(cafile=str(folder / "cert.pem"))
        _wait(f"{base}/login", verify=trusted)
        yield base, trusted
    finally:
        for process in (proxy, *workers):
            process.terminate()
        for process in (proxy, *workers):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()


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
