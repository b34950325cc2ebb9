"""The diary's tables (SQLAlchemy 2).  Alembic migrations in ``migrations/`` create them.

Every row belongs to a profile, so a household (a parent logging for a teenager) or a clinic
server holds many people in one database.  Each row has a short integer ``id`` for people
(``twitchwise diary edit e12``) and a random ``uid`` that survives export and import, so
importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The Alembic revision the tables below correspond to; a test keeps the two in step.
SCHEMA_REVISION = "0006"


class Base(DeclarativeBase):
    pass


class ProfileRow(Base):
    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)


class Entry(Base):
    """What every diary row has: a short id, a uid that survives export, and its profile."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)


class EpisodeRow(Entry):
    __tablename__ = "episodes"
    __table_args__ = (
        CheckConstraint("count IS NULL OR count >= 0", name="episode_count"),
        CheckConstraint("intensity IS NULL OR intensity BETWEEN 1 AND 5", name="episode_intensity"),
    )

    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    region: Mapped[str] = mapped_column(String(20))
    side: Mapped[str | None] = mapped_column(String(10))
    count: Mapped[int | None] = mapped_column(Integer)
    duration_s: Mapped[float | None] = mapped_column(Float)
    intensity: Mapped[int | None] = mapped_column(Integer)
    context: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)


class DayRow(Entry):
    __tablename__ = "days"
    __table_args__ = (
        UniqueConstraint("profile_id", "day", name="one_record_per_day"),
        CheckConstraint("stress IS NULL OR stress BETWEEN 0 AND 10", name="day_stress"),
    )

    day: Mapped[dt.date] = mapped_column(Date, index=True)
    caffeine_mg: Mapped[float | None] = mapped_column(Float)
    water_l: Mapped[float | None] = mapped_column(Float)
    alcohol_units: Mapped[float | None] = mapped_column(Float)
    nicotine: Mapped[bool | None] = mapped_column(Boolean)
    exercise_min: Mapped[float | None] = mapped_column(Float)
    exercise_intensity: Mapped[str | None] = mapped_column(String(10))
    sleep_h: Mapped[float | None] = mapped_column(Float)
    stress: Mapped[int | None] = mapped_column(Integer)
    mindful_min: Mapped[float | None] = mapped_column(Float)
    medicines: Mapped[list[str] | None] = mapped_column(JSON)
    twitch_free: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)


class SymptomRow(Entry):
    __tablename__ = "symptoms"

    symptom: Mapped[str] = mapped_column(String(60))
    present: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    region: Mapped[str | None] = mapped_column(String(20))
    side: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)


class CheckRow(Entry):
    __tablename__ = "checks"

    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    disposition: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)


class ExperimentRow(Entry):
    __tablename__ = "experiments"

    day: Mapped[dt.date] = mapped_column(Date, index=True)
    factor: Mapped[str] = mapped_column(String(20))
    weeks: Mapped[int] = mapped_column(Integer)
    schedule: Mapped[list[str]] = mapped_column(JSON)
    stopped_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class DraftRow(Base):
    """A guided check in progress in the browser: the answers before each step, so Back, reload and
    "change an answer" are plain page loads.  Not a diary record: never exported, deleted when the
    check ends and a day after it was last touched (``diary/drafts.py``)."""

    __tablename__ = "check_drafts"

    token: Mapped[str] = mapped_column(String(32), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    updated: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    steps: Mapped[list[Any]] = mapped_column(JSON)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON)


# --- server mode (``twitchwise server``): accounts, their sessions, shares and the audit trail -------------
# Local mode creates these tables too and never writes to them.


class AccountRow(Base):
    """A person, clinician or admin.  A person's and a clinician's diary is the profile ``profile_id``; an
    admin has none (an admin manages accounts and cannot read a diary)."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint("role IN ('person', 'clinician', 'admin')", name="account_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    profile_id: Mapped[int | None] = mapped_column(ForeignKey("profiles.id", ondelete="SET NULL"))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    created: Mapped[dt.datetime] = mapped_column(DateTime)
    reset_hash: Mapped[str | None] = mapped_column(String(64))  # a one-time reset link an admin issued
    reset_expires: Mapped[dt.datetime | None] = mapped_column(DateTime)


class SessionRow(Base):
    """A signed-in browser: only the SHA-256 of its token is kept, so a copy of the database signs no one in."""

    __tablename__ = "sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class LoginAttemptRow(Base):
    """A failed sign-in, kept for the rate limit (never the password tried)."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class ShareRow(Base):
    """A person's diary shared with a clinician: made as a one-time code, redeemed once, revocable."""

    __tablename__ = "shares"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    clinician_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime)
    expires: Mapped[dt.datetime] = mapped_column(DateTime)
    redeemed: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_viewed: Mapped[dt.datetime | None] = mapped_column(DateTime)


class PasskeyRow(Base):
    """A passkey (WebAuthn credential) an account signs in with: its id and public key, never a secret."""

    __tablename__ = "passkeys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    credential_id: Mapped[str] = mapped_column(String(400), unique=True)  # base64url
    public_key: Mapped[str] = mapped_column(Text)  # base64url COSE key
    sign_count: Mapped[int] = mapped_column(Integer)
    created: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditRow(Base):
    """Every read or write of another person's data: who, when, what, why.  Append-only: the code has no
    update or delete for it, and on PostgreSQL a trigger refuses both."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(60))  # usernames, kept as text so the trail outlives an account
    subject: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(60))
    why: Mapped[str] = mapped_column(String(200))


ROWS: dict[str, type[Entry]] = {
    "episode": EpisodeRow, "day": DayRow, "symptom": SymptomRow, "check": CheckRow, "experiment": ExperimentRow,
}  # fmt: skip
