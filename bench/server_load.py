"""Benchmark: server mode under load — simulated people logging, checking and reading their diary at once.

Run: `uv run python -m bench.server_load` (options: --users 200 --seconds 60 --workers 1 2).

Each worker count gets a fresh throwaway PostgreSQL database, ``--users`` person accounts, and that many
`twitchwise server` workers behind Debian's nginx with TLS on loopback (tests/server/cluster.py).  Every user
signs in once (not timed), then, for ``--seconds``, repeats: log a twitch (POST /api/v1/diary/episodes), run a
check that reads and writes the diary (POST /api/v1/check), view the diary (GET /api/v1/diary).  Reported:
errors (any status other than the expected one, or a failed connection), p50 and p99 latency per endpoint, and
requests per second.  The load generator runs on the same machine as the servers and the database.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import re
import ssl
import statistics
import tempfile
import time
from collections.abc import Awaitable
from pathlib import Path

import httpx

from tests.postgres import PostgresServer
from tests.server.cluster import cluster
from twitchwise.diary.store import Store
from twitchwise.server.accounts import Accounts

PASSWORD = "a long benchmark password"
CHECK = {"sites": [{"region": "calf", "side": "left"}], "duration_days": 5, "symptoms": {"weakness": False}}


async def _sign_in(client: httpx.AsyncClient, username: str) -> None:
    page = (await client.get("/login")).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    signed = await client.post("/login", data={"csrf_token": token.group(1), "username": username,
                                               "password": PASSWORD})  # fmt: skip
    if signed.status_code != 303:
        raise RuntimeError(f"sign-in failed for {username}: {signed.status_code}")


async def _timed(name: str, request: Awaitable[httpx.Response], expected: int, times: dict[str, list[float]],
                 errors: list[str]) -> None:  # fmt: skip
    started = time.perf_counter()
    try:
        response = await request
        ok, detail = response.status_code == expected, str(response.status_code)
    except httpx.HTTPError as error:
        ok, detail = False, type(error).__name__
    times.setdefault(name, []).append(time.perf_counter() - started)
    if not ok:
        errors.append(f"{name}: {detail}")


async def _user(client: httpx.AsyncClient, stop: float, times: dict[str, list[float]], errors: list[str]) -> None:
    n = 0
    while time.monotonic() < stop:
        n += 1
        at = (dt.datetime(2026, 11, 1, 8) + dt.timedelta(minutes=n)).isoformat()
        episode = {"at": at, "region": "calf", "count": 3}
        await _timed("POST /api/v1/diary/episodes", client.post("/api/v1/diary/episodes", json=episode), 201,
                     times, errors)  # fmt: skip
        await _timed("POST /api/v1/check", client.post("/api/v1/check", json=CHECK), 200, times, errors)
        await _timed("GET /api/v1/diary", client.get("/api/v1/diary", params={"days": 30}), 200, times, errors)


Result = tuple[dict[str, list[float]], list[str], float]


async def _run(base: str, verify: ssl.SSLContext, users: int, seconds: float) -> Result:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [httpx.AsyncClient(base_url=base, verify=verify, timeout=60, limits=limits) for _ in range(users)]
    try:
        gate = asyncio.Semaphore(8)  # argon2 is deliberately slow: sign in a few at a time, untimed

        async def signed(client: httpx.AsyncClient, n: int) -> None:
            async with gate:
                await _sign_in(client, f"user{n}")

        await asyncio.gather(*(signed(c, n) for n, c in enumerate(clients)))
        times: dict[str, list[float]] = {}
        errors: list[str] = []
        started = time.monotonic()
        await asyncio.gather(*(_user(c, started + seconds, times, errors) for c in clients))
        return times, errors, time.monotonic() - started
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    postgres = PostgresServer()
    try:
        for workers in args.workers:
            database = postgres.new_database()
            with Store(database) as store:
                accounts = Accounts(store, lambda: dt.datetime.now().replace(microsecond=0))
                for n in range(args.users):
                    accounts.create(f"user{n}", PASSWORD, "person")
            with tempfile.TemporaryDirectory() as folder, cluster(database, Path(folder), workers=workers) as (
                base, trusted
            ):  # fmt: skip
                times, errors, elapsed = asyncio.run(_run(base, trusted, args.users, args.seconds))
            total = sum(len(v) for v in times.values())
            print(f"\n{workers} worker(s), {args.users} users, {elapsed:.0f} s: {total:,} requests, "
                  f"{total / elapsed:.0f} requests/s, {len(errors)} errors")  # fmt: skip
            for name, values in times.items():
                print(f"  {name:30} n={len(values):6,}  p50 {_percentile(values, 50) * 1000:7.0f} ms  "
                      f"p99 {_percentile(values, 99) * 1000:7.0f} ms")  # fmt: skip
            for error in sorted(set(errors))[:10]:
                print(f"  error: {error} ({errors.count(error)}x)")
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
