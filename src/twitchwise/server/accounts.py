"""Accounts, sign-in, sessions, shares and the audit trail, all in the database so any worker serves any request.

- Passwords are hashed with argon2id (argon2-cffi's defaults); the password itself is never stored or logged.
- A session is a random token in an HttpOnly cookie; the database keeps only its SHA-256.  A new token is made at
  every sign-in (no session fixation), and a session idle for ``IDLE`` is over.
- Clinicians and admins need a TOTP second factor.
- Sign-in is rate limited per username: ``MAX_FAILURES`` failures in ``WINDOW`` lock it for the rest of the window.
- A person shares their diary with a clinician by a one-time code (valid ``CODE_LIFE``), sees every share and can
  revoke it.  Every read of another person's diary is written to the append-only audit table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from twitchwise.diary.records import PROFILE_PATTERN
from twitchwise.diary.schema import AccountRow, AuditRow, LoginAttemptRow, ProfileRow, SessionRow, ShareRow
from twitchwise.diary.store import Store
from twitchwise.errors import InputError

Role = Literal["person", "clinician", "admin"]
ROLES: tuple[Role, ...] = ("person", "clinician", "admin")
IDLE = dt.timedelta(minutes=30)
TOUCH = dt.timedelta(minutes=1)  # how often a live session's idle clock is written back
MAX_FAILURES = 5
WINDOW = dt.timedelta(minutes=15)
CODE_LIFE = dt.timedelta(days=2)
RESET_LIFE = dt.timedelta(days=1)
MIN_PASSWORD = 10
_HASHER = PasswordHasher()  # argon2id
_DUMMY = _HASHER.hash("a password no one has")  # so an unknown username costs as long as a wrong password


class SignInError(Exception):
    """Sign-in refused; the message never says whether the username exists."""


class RateLimitedError(SignInError):
    pass


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    role: Role
    profile: str | None  # the diary's profile name (None for an admin)
    needs_totp: bool


@dataclass(frozen=True)
class Share:
    id: int
    owner: str
    clinician: str | None
    created: dt.datetime
    redeemed: dt.datetime | None
    revoked: dt.datetime | None
    last_viewed: dt.datetime | None
    profile: str | None = None  # the owner's diary, for the clinician who holds the share


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def profile_name(account_id: int) -> str:
    return f"account-{account_id}"


class Accounts:
    def __init__(self, store: Store, now: Callable[[], dt.datetime]) -> None:
        self.store = store
        self.now = now

    # --- accounts -----------------------------------------------------------------------

    def create(self, username: str, password: str, role: str) -> tuple[Account, str | None]:
        """A new account, and its TOTP secret for a clinician or admin (shown once, to be put in an app)."""
        username = _username(username)
        if role not in ROLES:
            raise InputError("role", f"must be one of {', '.join(ROLES)}")
        _check_password(password)
        secret = _totp_secret() if role != "person" else None
        with self.store.session() as session:
            if session.scalars(select(AccountRow.id).where(AccountRow.username == username)).first() is not None:
                raise InputError("username", "is taken")
            row = AccountRow(username=username, password_hash=_HASHER.hash(password), role=role,
                             totp_secret=secret, created=self.now())  # fmt: skip
            session.add(row)
            session.flush()
            if role != "admin":
                profile = ProfileRow(name=profile_name(row.id))
                session.add(profile)
                session.flush()
                row.profile_id = profile.id
            return _account(row), secret

    def all(self) -> list[Account]:
        with self.store.session() as session:
            return [_account(row) for row in session.scalars(select(AccountRow).order_by(AccountRow.username))]

    def get(self, username: str) -> Account | None:
        with self.store.session() as session:
            row = session.scalars(select(AccountRow).where(AccountRow.username == username)).first()
            return None if row is None else _account(row)

    def delete(self, account: Account) -> None:
        """The account and everything in it: its diary (every record, by the profile's cascade), its sessions and
        shares.  The audit trail keeps its lines (they name usernames, not the health data)."""
        with self.store.session() as session:
            row = session.get(AccountRow, account.id)
            if row is None:
                return
            if row.profile_id is not None:
                profile = session.get(ProfileRow, row.profile_id)
                if profile is not None:
                    session.delete(profile)
            session.execute(delete(SessionRow).where(SessionRow.account_id == row.id))
            session.execute(delete(ShareRow).where((ShareRow.owner_id == row.id) | (ShareRow.clinician_id == row.id)))
            session.delete(row)
            self._audit(session, account.username, account.username, "delete account", "the person's own request")

    def issue_reset(self, admin: Account, username: str) -> str:
        """A one-time link token for a forgotten password, issued by an admin (no mail server is assumed)."""
        token = secrets.token_urlsafe(32)
        with self.store.session() as session:
            row = session.scalars(select(AccountRow).where(AccountRow.username == username)).first()
            if row is None:
                raise InputError("username", "no such account")
            row.reset_hash, row.reset_expires = _digest(token), self.now() + RESET_LIFE
            self._audit(session, admin.username, username, "issue password reset", "an admin's request")
        return token

    def reset_password(self, token: str, password: str) -> Account:
        _check_password(password)
        with self.store.session() as session:
            row = session.scalars(select(AccountRow).where(AccountRow.reset_hash == _digest(token))).first()
            if row is None or row.reset_expires is None or row.reset_expires < self.now():
                raise InputError("token", "this reset link is not valid (it may have been used or be out of date)")
            row.password_hash, row.reset_hash, row.reset_expires = _HASHER.hash(password), None, None
            session.execute(delete(SessionRow).where(SessionRow.account_id == row.id))  # every browser signs in again
            return _account(row)

    # --- sign-in and sessions -----------------------------------------------------------

    def sign_in(self, username: str, password: str, code: str = "") -> tuple[Account, str]:
        """The account and a new session token; ``SignInError`` (or ``RateLimitedError``) otherwise."""
        username = username.strip().lower()[:60]
        now = self.now()
        with self.store.session() as session:
            session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.at < now - WINDOW))
            failures = session.scalar(
                select(func.count()).select_from(LoginAttemptRow).where(LoginAttemptRow.username == username)
            )
            if (failures or 0) >= MAX_FAILURES:
                raise RateLimitedError("too many failed sign-ins: wait 15 minutes and try again")
            row = session.scalars(select(AccountRow).where(AccountRow.username == username)).first()
            ok = _verify(row.password_hash if row else _DUMMY, password) and row is not None
            if ok and row is not None and row.totp_secret is not None:
                ok = _totp_ok(row.totp_secret, code, now)
            if ok and row is not None:
                if _HASHER.check_needs_rehash(row.password_hash):
                    row.password_hash = _HASHER.hash(password)
                session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.username == username))
                return self.open_session(session, row)
        with self.store.session() as session:  # its own transaction: the failure is counted, whatever follows
            session.add(LoginAttemptRow(username=username, at=now))
        raise SignInError("the username, password or code is not right")

    def open_session(self, session: Session, row: AccountRow) -> tuple[Account, str]:
        """A new session for a signed-in account (within the caller's transaction): the account and its token."""
        token = secrets.token_urlsafe(32)
        now = self.now()
        session.add(SessionRow(token_hash=_digest(token), account_id=row.id, created=now, last_seen=now))
        return _account(row), token

    def session_account(self, token: str) -> Account | None:
        """The account of a live session (and its idle clock restarted), or None: unknown, or idle too long."""
        if not token or len(token) > 100:
            return None
        now = self.now()
        with self.store.session() as session:
            row = session.get(SessionRow, _digest(token))
            if row is None:
                return None
            if now - row.last_seen > IDLE:
                session.delete(row)
                return None
            if now - row.last_seen >= TOUCH:  # a write at most once a minute, not one per request
                row.last_seen = now
            account = session.get(AccountRow, row.account_id)
            return None if account is None else _account(account)

    def sign_out(self, token: str) -> None:
        with self.store.session() as session:
            session.execute(delete(SessionRow).where(SessionRow.token_hash == _digest(token)))

    # --- shares and the audit trail -----------------------------------------------------

    def new_share_code(self, owner: Account) -> str:
        if owner.role != "person":
            raise InputError("role", "only a person's own diary can be shared")
        code = "-".join(secrets.token_hex(2).upper() for _ in range(3))  # "3F9A-01C2-77BE": read out or typed
        with self.store.session() as session:
            session.add(ShareRow(owner_id=owner.id, code_hash=_digest(code), created=self.now(),
                                 expires=self.now() + CODE_LIFE))  # fmt: skip
        return code

    def redeem(self, clinician: Account, code: str) -> Share:
        if clinician.role != "clinician":
            raise InputError("role", "only a clinician can use a sharing code")
        with self.store.session() as session:
            row = session.scalars(select(ShareRow).where(ShareRow.code_hash == _digest(code.strip().upper()))).first()
            if row is None or row.redeemed is not None or row.revoked is not None or row.expires < self.now():
                raise InputError("code", "this code is not valid (it may have been used, revoked or be out of date)")
            row.clinician_id, row.redeemed = clinician.id, self.now()
            owner = session.get(AccountRow, row.owner_id)
            subject = owner.username if owner else "?"
            self._audit(session, clinician.username, subject, "redeem sharing code", "the person gave them the code")
            return self._share(session, row)

    def shares_of(self, owner: Account) -> list[Share]:
        with self.store.session() as session:
            rows = session.scalars(select(ShareRow).where(ShareRow.owner_id == owner.id).order_by(ShareRow.created))
            return [self._share(session, row) for row in rows]

    def patients_of(self, clinician: Account) -> list[Share]:
        with self.store.session() as session:
            held = select(ShareRow).where(ShareRow.clinician_id == clinician.id, ShareRow.revoked.is_(None))
            rows = session.scalars(held.order_by(ShareRow.redeemed))
            return [self._share(session, row) for row in rows]

    def revoke(self, owner: Account, share_id: int) -> None:
        with self.store.session() as session:
            row = session.get(ShareRow, share_id)
            if row is None or row.owner_id != owner.id:
                raise LookupError(share_id)  # another person's share is as absent as one that never was
            row.revoked = row.revoked or self.now()

    def open_patient(self, clinician: Account, share_id: int, action: str) -> Share:
        """The share a clinician holds, if live, with the read written to the audit trail; ``LookupError`` if not
        theirs (never saying whether it exists)."""
        with self.store.session() as session:
            row = session.get(ShareRow, share_id)
            if row is None or row.clinician_id != clinician.id or row.revoked is not None:
                raise LookupError(share_id)
            owner = session.get(AccountRow, row.owner_id)
            if owner is None:
                raise LookupError(share_id)
            row.last_viewed = self.now()
            self._audit(session, clinician.username, owner.username, action, "care of a patient who shared their diary")
            return self._share(session, row)

    def audit(self, subject: str | None = None) -> list[dict[str, str]]:
        with self.store.session() as session:
            query = select(AuditRow).order_by(AuditRow.id)
            if subject is not None:
                query = query.where(AuditRow.subject == subject)
            return [{"at": r.at.isoformat(), "actor": r.actor, "subject": r.subject, "action": r.action, "why": r.why}
                    for r in session.scalars(query)]  # fmt: skip

    def _audit(self, session: Session, actor: str, subject: str, action: str, why: str) -> None:
        session.add(AuditRow(at=self.now(), actor=actor, subject=subject, action=action, why=why))

    def _share(self, session: Session, row: ShareRow) -> Share:
        owner = session.get(AccountRow, row.owner_id)
        clinician = session.get(AccountRow, row.clinician_id) if row.clinician_id else None
        return Share(row.id, owner.username if owner else "?", clinician.username if clinician else None, row.created,
                     row.redeemed, row.revoked, row.last_viewed,
                     profile_name(owner.id) if owner is not None else None)  # fmt: skip


def _account(row: AccountRow) -> Account:
    role = cast(Role, row.role)  # the table's check constraint holds it to ROLES
    profile = profile_name(row.id) if row.profile_id is not None else None
    return Account(row.id, row.username, role, profile, row.totp_secret is not None)


def _username(username: str) -> str:
    name = username.strip().lower()
    if not 3 <= len(name) <= 60 or not re.fullmatch(PROFILE_PATTERN, name) or name.startswith("account-"):
        raise InputError("username", "3 to 60 letters, digits, spaces, dots, dashes or apostrophes")
    return name


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= 1024:
        raise InputError("password", f"must be {MIN_PASSWORD} to 1,024 characters")


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _totp_secret() -> str:
    import pyotp

    return pyotp.random_base32()


def _totp_ok(secret: str, code: str, now: dt.datetime) -> bool:
    import pyotp

    code = code.strip().replace(" ", "")
    return len(code) == 6 and code.isdigit() and pyotp.TOTP(secret).verify(code, for_time=now, valid_window=1)
