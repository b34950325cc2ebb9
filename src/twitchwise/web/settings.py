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
    secret: bytes = b""  # this install's key for signing form tokens (``install_secret``)
    server: bool = False  # server mode (``twitchwise server``): accounts and sessions, PostgreSQL
    secure_cookies: bool = False  # the session cookie only over HTTPS (server mode behind TLS)

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
        secret=install_secret(environ, resolve_url(db, environ)),
    )


SECRET_FILE = ".twitchwise-web-secret"


def install_secret(environ: Mapping[str, str], database_url: str) -> bytes:
    """``TWITCHWISE_SECRET``, else a random key kept (owner-only) beside the SQLite diary and made
    on first start, else one for this run of the app."""
    import secrets
    from pathlib import Path

    given = environ.get("TWITCHWISE_SECRET", "").strip()
    if given:
        if len(given) < 32:
            raise InputError("TWITCHWISE_SECRET", "must be at least 32 characters")
        return given.encode("utf-8")
    if not database_url.startswith("sqlite:///"):
        return secrets.token_bytes(32)
    path = Path(database_url.removeprefix("sqlite:///")).parent / SECRET_FILE
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_hex(32).encode("ascii")
    try:
        from twitchwise.files import write_private

        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private(path, key, field="secret")
    except (OSError, InputError):
        pass  # a read-only folder: the key lasts for this run (forms open before a restart need a reload)
    return key


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
