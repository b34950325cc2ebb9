"""``twitchwise server``: server mode — many people on one PostgreSQL database, each signing in to their own
diary (``twitchwise.server``).  ``twitchwise server add-account NAME --role admin`` makes the first admin; the
password is read from standard input, never from the command line (where other users could see it)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

from twitchwise.errors import InputError

if TYPE_CHECKING:
    from twitchwise.web.settings import WebSettings


def settings_for_server(environ: Mapping[str, str], host: str, port: int, db: str | None) -> WebSettings:
    from dataclasses import replace

    from twitchwise.web.settings import web_settings

    if len(environ.get("TWITCHWISE_SECRET", "").strip()) < 32:
        raise InputError("TWITCHWISE_SECRET", "server mode needs one key of at least 32 characters, the same for "
                                              "every worker, so a form made by one is accepted by another")  # fmt: skip
    settings = web_settings(environ, host=host, port=port, db=db)
    if not settings.database_url.startswith(("postgresql", "postgres")):
        raise InputError("--db", "server mode needs a PostgreSQL database (postgresql+psycopg://…), so that any "
                                 "number of workers share every session and write")  # fmt: skip
    secure = environ.get("TWITCHWISE_SECURE_COOKIES", "1").strip() != "0"
    return replace(settings, server=True, secure_cookies=secure)


def server(host: str, port: int, db: str | None, environ: Mapping[str, str], stdout: IO[str]) -> int:
    import uvicorn

    from twitchwise.diary.store import StoreError
    from twitchwise.web.app import create_app

    settings = settings_for_server(environ, host, port, db)
    try:
        app = create_app(settings)  # the store runs the Alembic migrations as it opens
    except StoreError as error:
        raise InputError("--db", str(error)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    stdout.write(f"twitchwise server mode on {settings.host}:{settings.port} — press Ctrl-C to stop.\n")
    stdout.flush()
    # A kept-alive connection outlives nginx's idle upstream connections (60 s by default), so nginx never sends a
    # request down one the worker has just closed (which a POST cannot retry: a 502).
    uvicorn.run(app, host=settings.host, port=settings.port, access_log=False, log_level="warning",
                server_header=False, proxy_headers=True, forwarded_allow_ips="127.0.0.1",
                timeout_keep_alive=75)  # fmt: skip
    return 0


def add_account(username: str, role: str, db: str | None, environ: Mapping[str, str], stdin: IO[str],
                stdout: IO[str]) -> int:  # fmt: skip
    import datetime as dt

    from twitchwise.diary.location import resolve_url
    from twitchwise.diary.store import Store
    from twitchwise.server.accounts import Accounts

    password = stdin.readline().rstrip("\n")
    with Store(resolve_url(db, environ)) as store:
        account, secret = Accounts(store, lambda: dt.datetime.now().replace(microsecond=0)).create(
            username, password, role
        )
    stdout.write(f"Made {account.username} ({account.role}).\n")
    if secret:
        stdout.write(f"Authenticator secret (shown once; add it to an authenticator app): {secret}\n")
    return 0
