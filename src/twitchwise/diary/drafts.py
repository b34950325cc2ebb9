"""Guided checks in progress (the web check), kept in the person's own database between pages.

A draft is the list of states a check passed through — the answers, and the questions already
put, before each page — plus what a description said (``meta``).  Every page of the check is then
a plain GET by step number, so the browser's Back and reload work and any answer can be changed
from the summary.  A draft is deleted when its check ends, and drafts untouched for a day are
deleted whenever a new one starts.  Drafts are not diary records: they are never exported.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from sqlalchemy import delete, select

from twitchwise.diary.schema import DraftRow
from twitchwise.diary.store import Diary

MAX_AGE = dt.timedelta(days=1)
MAX_STEPS = 120
"""More pages than any check has; a draft that long is refused rather than grown."""
TOKEN = re.compile(r"[A-Za-z0-9_-]{22}")


class Drafts:
    """One profile's checks in progress."""

    def __init__(self, diary: Diary) -> None:
        self.diary = diary

    def start(self, steps: list[dict[str, Any]], meta: dict[str, Any], *, now: dt.datetime) -> str:
        token = secrets.token_urlsafe(16)
        with self.diary.store.session() as session:
            session.execute(delete(DraftRow).where(DraftRow.updated < now - MAX_AGE))
            owner = self.diary.owner_id(session)
            session.add(DraftRow(token=token, profile_id=owner, updated=now, steps=steps[:MAX_STEPS], meta=meta))
        return token

    def get(self, token: str) -> tuple[list[dict[str, Any]], dict[str, Any]] | None:
        """The draft's steps and meta, or None when there is no such draft in this profile."""
        if not TOKEN.fullmatch(token):
            return None
        with self.diary.store.session() as session:
            owner = self.diary.existing_owner_id(session)
            row = session.get(DraftRow, token)
            if row is None or row.profile_id != owner:
                return None
            return list(row.steps), dict(row.meta)

    def save(self, token: str, steps: list[dict[str, Any]], *, now: dt.datetime) -> None:
        with self.diary.store.session() as session:
            owner = self.diary.existing_owner_id(session)
            row = session.scalars(select(DraftRow).where(DraftRow.token == token, DraftRow.profile_id == owner)).first()
            if row is not None:
                row.steps = steps[:MAX_STEPS]
                row.updated = now

    def end(self, token: str) -> None:
        with self.diary.store.session() as session:
            owner = self.diary.existing_owner_id(session)
            session.execute(delete(DraftRow).where(DraftRow.token == token, DraftRow.profile_id == owner))
