"""The web app's one settings object, built from the environment and refusing unsafe values.

Health data is served with no account, so by default the app listens on loopback only and
answers only to loopback host names (a DNS-rebinding page cannot reach it).  Listening on
another address needs the host names it may be reached by, named in ``TWITCHWISE_ALLOWED_HOSTS``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

from twitchwise.diary.location import resolve_url
from twitchwise.errors import InputError

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@dataclass(frozen=True)
class WebSettings:
    database_url: str
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES
    fixed_now: dt.datetime | None = None  # TWITCHWISE_NOW: a fixed clock for tests and demos
    environ: Mapping[str, str] | None = None  # for the locale's emergency number

    def now(self) -> dt.datetime:
        return self.fixed_now or dt.datetime.now().replace(microsecond=0)


def web_settings(
    environ: Mapping[str, str], *, host: str | None = None, port: int | None = None, db: str | None = None
) -> WebSettings:
    """Settings from ``serve``'s options and the environment; ``InputError`` names a bad one."""
    from twitchwise.diary.when import clock

    host = (host or DEFAULT_HOST).strip()
    port = DEFAULT_PORT if port is None else port
    if not 0 <= port <= 65535:
        raise InputError("--port", "must be between 0 and 65535")
    extra = tuple(h.strip().lower() for h in environ.get("TWITCHWISE_ALLOWED_HOSTS", "").split(",") if h.strip())
    if not _is_loopback(host) and not extra:
        raise InputError(
            "--host",
            "listening beyond this computer needs TWITCHWISE_ALLOWED_HOSTS (the names it is reached by); "
            "the app has no accounts, so put it behind a proxy that has",
        )
    fixed = clock(environ) if environ.get("TWITCHWISE_NOW", "").strip() else None
    return WebSettings(
        database_url=resolve_url(db, environ),
        host=host,
        port=port,
        allowed_hosts=LOOPBACK_NAMES + extra,
        fixed_now=fixed,
        environ=dict(environ),
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
