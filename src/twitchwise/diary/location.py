"""Which database a command uses — decided without importing SQLAlchemy (or :mod:`pathlib`), so a
check that has no diary to read starts as quickly as before the diary existed."""

from __future__ import annotations

import os
from collections.abc import Mapping

from twitchwise.paths import user_folder

DATABASE_FILE = "diary.sqlite3"


def default_path(environ: Mapping[str, str]) -> str:
    return os.path.join(user_folder("data", environ), DATABASE_FILE)


def resolve_url(db: str | None, environ: Mapping[str, str]) -> str:
    """``--db`` (a URL, or a path to an SQLite file), else ``TWITCHWISE_DATABASE_URL``, else the
    SQLite file in the user's data folder."""
    if db and db.strip():
        if "://" in db:
            return _supported(db.strip(), "--db")
        return f"sqlite:///{os.path.realpath(os.path.expanduser(db))}"
    configured = environ.get("TWITCHWISE_DATABASE_URL", "").strip()
    if configured:
        return _supported(configured, "TWITCHWISE_DATABASE_URL")
    return f"sqlite:///{default_path(environ)}"


SCHEMES = ("sqlite://", "postgresql://", "postgresql+psycopg://", "postgres://")


def _supported(url: str, field: str) -> str:
    """Only the databases twitchwise is built and tested for (a mysql:// URL is refused, not tried)."""
    if not url.startswith(SCHEMES):
        from twitchwise.errors import InputError

        raise InputError(field, "use an SQLite path or a postgresql:// URL")
    return url


def diary_exists(url: str) -> bool:
    """Whether there is a diary to read; a check reads one but never creates one."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        return bool(path) and not path.startswith(":memory:") and os.path.exists(path)
    return True
