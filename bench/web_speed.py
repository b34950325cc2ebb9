"""Throughput and latency of the web app's API under load, measured by wrk on loopback.

Starts ``twitchwise serve`` (one process, as ``make run`` does) on a fresh SQLite diary, then runs
wrk against each endpoint at 1, 16 and 64 connections, in one run:

- ``GET /api/v1/health`` — the trivial endpoint: the cost of the framework and the server;
- ``POST /api/v1/check?diary=false`` — a check of structured answers (triage only);
- ``POST /api/v1/check`` — a check that reads the diary and keeps itself in it (a write each).

    python -m bench.web_speed [--seconds 10]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ANSWERS = {
    "sites": [{"region": "calf", "side": "left"}], "duration_days": 21, "age": 34, "sex": "female",
    "symptoms": {"weakness": False, "numbness": False}, "caffeine_mg_per_day": 500, "sleep_hours": 5.5,
}  # fmt: skip
CONNECTIONS = (1, 16, 64)
ENDPOINTS = (
    ("GET /api/v1/health", "GET", "/api/v1/health"),
    ("POST /api/v1/check?diary=false", "POST", "/api/v1/check?diary=false"),
    ("POST /api/v1/check (reads and writes the diary)", "POST", "/api/v1/check"),
)
LUA = """wrk.method = "{method}"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{body}'
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path, port: int) -> subprocess.Popen[bytes]:
    environ = {**os.environ, "TWITCHWISE_DATA_DIR": str(folder), "TWITCHWISE_CACHE_DIR": str(folder / "cache")}
    command = [sys.executable, "-m", "twitchwise", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def run_wrk(url: str, method: str, connections: int, seconds: int, script: Path) -> dict[str, float]:
    threads = min(connections, 2)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    percentiles = {p: _ms(v) for p, v in re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rate,
        "p50": percentiles["50"],
        "p99": percentiles["99"],
        "non2xx": float(errors.group(1) if errors else 0),
    }


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="how long each wrk run lasts (default 10)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk; `make bench` does it)")
    with tempfile.TemporaryDirectory(prefix="twitchwise-bench-") as tmp:
        folder = Path(tmp)
        port = free_port()
        server = start_server(folder, port)
        try:
            rows = []
            for label, method, path in ENDPOINTS:
                script = folder / "request.lua"
                script.write_text(LUA.format(method=method, body=json.dumps(ANSWERS) if method == "POST" else ""))
                for connections in CONNECTIONS:
                    result = run_wrk(f"http://127.0.0.1:{port}{path}", method, connections, args.seconds, script)
                    rows.append((label, connections, result))
                    print(f"{label:50} c={connections:<3} {result['rps']:8.0f} req/s  p50 {result['p50']:7.2f} ms  "
                          f"p99 {result['p99']:7.2f} ms  non-2xx {result['non2xx']:.0f}", flush=True)  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=10)
    print("\n| endpoint | connections | requests/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|")
    for label, connections, result in rows:
        print(f"| `{label}` | {connections} | {result['rps']:.0f} | {result['p50']:.2f} | {result['p99']:.2f} |")


if __name__ == "__main__":
    main()
