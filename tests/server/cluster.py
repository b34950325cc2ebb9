"""Server mode as deployed, on loopback: ``workers`` `twitchwise server` processes on one PostgreSQL behind
Debian's nginx with TLS (a self-signed certificate).  Used by the scale-out test and by ``bench/server_load.py``.
nginx adds ``X-Upstream`` (the worker that answered) to every response."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

NGINX = """
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream twitchwise {{
{servers}
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port} ssl;
        server_name localhost;
        ssl_certificate {folder}/cert.pem;
        ssl_certificate_key {folder}/key.pem;
        location / {{
            proxy_pass http://twitchwise;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(url: str, seconds: float = 90, verify: bool | ssl.SSLContext = True) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, verify=verify, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


@contextmanager
def cluster(database: str, folder: Path, *, workers: int = 2) -> Iterator[tuple[str, ssl.SSLContext]]:
    """The base URL (https://localhost:PORT) and an SSL context that trusts its certificate."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise RuntimeError("nginx is missing: `make test` installs Debian's nginx-light (make nginx)")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(folder / "key.pem"),
                    "-out", str(folder / "cert.pem")], check=True, capture_output=True)  # fmt: skip
    env = {**os.environ, "TWITCHWISE_DATABASE_URL": database, "TWITCHWISE_SECRET": "s" * 64, "LANG": "en_GB.UTF-8"}
    env.pop("TWITCHWISE_NOW", None)
    script = str(Path(sys.executable).with_name("twitchwise"))
    ports = [free_port() for _ in range(workers)]
    logs = [(folder / f"worker-{n}.log").open("wb") for n in range(workers)]
    processes = [
        subprocess.Popen([script, "server", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=log,
                         stderr=subprocess.STDOUT)
        for port, log in zip(ports, logs, strict=True)
    ]  # fmt: skip
    port = free_port()
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
    (folder / "nginx.conf").write_text(NGINX.format(folder=folder, servers=servers, port=port))
    proxy = subprocess.Popen([nginx, "-c", str(folder / "nginx.conf"), "-p", str(folder), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        for worker_port in ports:
            wait_for(f"http://127.0.0.1:{worker_port}/login")
        base = f"https://localhost:{port}"
        trusted = ssl.create_default_context(cafile=str(folder / "cert.pem"))
        wait_for(f"{base}/login", verify=trusted)
        yield base, trusted
    finally:
        for process in (proxy, *processes):
            process.terminate()
        for process in (proxy, *processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()
