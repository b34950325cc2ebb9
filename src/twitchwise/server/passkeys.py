"""Passkeys (WebAuthn, through py_webauthn): an account adds one on its account page and signs in with it, no
password needed.  A passkey that verifies the user (a fingerprint, face or PIN on the device) is two factors in
one, so it stands for the password and the TOTP code together.

Workers keep no state: the challenge travels to the browser and back inside a token signed with the install's
key (``TWITCHWISE_SECRET``), bound to its purpose and account and valid for ``CHALLENGE_LIFE``."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
from typing import Any

from sqlalchemy import func, select

from twitchwise.diary.schema import AccountRow, PasskeyRow
from twitchwise.errors import InputError
from twitchwise.server.accounts import Account, Accounts, SignInError

CHALLENGE_LIFE = dt.timedelta(minutes=5)


class Passkeys:
    def __init__(self, accounts: Accounts, secret: bytes) -> None:
        self.accounts = accounts
        self.secret = secret

    # --- the signed challenge --------------------------------------------------------------

    def _token(self, purpose: str, account_id: int, challenge: bytes) -> str:
        expires = int((self.accounts.now() + CHALLENGE_LIFE).timestamp())
        body = f"{purpose}.{account_id}.{_b64(challenge)}.{expires}"
        mac = hmac.new(self.secret, body.encode(), hashlib.sha256).hexdigest()
        return f"{body}.{mac}"

    def _challenge(self, token: str, purpose: str, account_id: int) -> bytes:
        parts = token.split(".")
        if len(parts) != 5:
            raise InputError("token", "the passkey request is not valid; start again")
        body, mac = ".".join(parts[:4]), parts[4]
        good = hmac.compare_digest(hmac.new(self.secret, body.encode(), hashlib.sha256).hexdigest(), mac)
        if not good or parts[0] != purpose or parts[1] != str(account_id):
            raise InputError("token", "the passkey request is not valid; start again")
        if int(parts[3]) < self.accounts.now().timestamp():
            raise InputError("token", "the passkey request took too long; start again")
        return _unb64(parts[2])

    # --- adding one --------------------------------------------------------------------------

    def registration_options(self, account: Account, rp_id: str) -> dict[str, Any]:
        from webauthn import generate_registration_options, options_to_json
        from webauthn.helpers.structs import (
            AuthenticatorSelectionCriteria,
            PublicKeyCredentialDescriptor,
            ResidentKeyRequirement,
            UserVerificationRequirement,
        )

        with self.accounts.store.session() as session:
            known = session.scalars(select(PasskeyRow.credential_id).where(PasskeyRow.account_id == account.id))
            exclude = [PublicKeyCredentialDescriptor(id=_unb64(c)) for c in known]
        challenge = secrets.token_bytes(32)
        options = generate_registration_options(
            rp_id=rp_id, rp_name="twitchwise", user_name=account.username, user_id=str(account.id).encode(),
            challenge=challenge, exclude_credentials=exclude,
            authenticator_selection=AuthenticatorSelectionCriteria(
                resident_key=ResidentKeyRequirement.REQUIRED, user_verification=UserVerificationRequirement.REQUIRED
            ),
        )  # fmt: skip
        return {"options": json.loads(options_to_json(options)), "token": self._token("add", account.id, challenge)}

    def add(self, account: Account, credential: dict[str, Any], token: str, rp_id: str, origin: str) -> None:
        from webauthn import verify_registration_response
        from webauthn.helpers.exceptions import InvalidRegistrationResponse

        challenge = self._challenge(token, "add", account.id)
        try:
            verified = verify_registration_response(
                credential=credential, expected_challenge=challenge, expected_rp_id=rp_id, expected_origin=origin,
                require_user_verification=True,
            )  # fmt: skip
        except (InvalidRegistrationResponse, ValueError, KeyError, TypeError):
            raise InputError("credential", "the passkey could not be checked; try again") from None
        with self.accounts.store.session() as session:
            session.add(PasskeyRow(account_id=account.id, credential_id=_b64(verified.credential_id),
                                   public_key=_b64(verified.credential_public_key), sign_count=verified.sign_count,
                                   created=self.accounts.now()))  # fmt: skip

    def count(self, account: Account) -> int:
        with self.accounts.store.session() as session:
            mine = select(func.count()).select_from(PasskeyRow).where(PasskeyRow.account_id == account.id)
            return session.scalar(mine) or 0

    # --- signing in with one -------------------------------------------------------------------

    def sign_in_options(self, rp_id: str) -> dict[str, Any]:
        from webauthn import generate_authentication_options, options_to_json
        from webauthn.helpers.structs import UserVerificationRequirement

        challenge = secrets.token_bytes(32)
        options = generate_authentication_options(
            rp_id=rp_id, challenge=challenge, user_verification=UserVerificationRequirement.REQUIRED
        )
        return {"options": json.loads(options_to_json(options)), "token": self._token("sign-in", 0, challenge)}

    def sign_in(self, credential: dict[str, Any], token: str, rp_id: str, origin: str) -> tuple[Account, str]:
        """The account and a new session token; ``SignInError`` when the passkey does not verify."""
        from webauthn import verify_authentication_response
        from webauthn.helpers.exceptions import InvalidAuthenticationResponse

        challenge = self._challenge(token, "sign-in", 0)
        credential_id = str(credential.get("id", ""))[:400]
        with self.accounts.store.session() as session:
            row = session.scalars(select(PasskeyRow).where(PasskeyRow.credential_id == credential_id)).first()
            if row is None:
                raise SignInError("this passkey is not known here")
            try:
                verified = verify_authentication_response(
                    credential=credential, expected_challenge=challenge, expected_rp_id=rp_id,
                    expected_origin=origin, credential_public_key=_unb64(row.public_key),
                    credential_current_sign_count=row.sign_count, require_user_verification=True,
                )  # fmt: skip
            except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError):
                raise SignInError("the passkey could not be checked") from None
            row.sign_count = verified.new_sign_count
            account = session.get(AccountRow, row.account_id)
            if account is None:
                raise SignInError("this passkey is not known here")
            return self.accounts.open_session(session, account)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise InputError("token", "the passkey request is not valid; start again") from None
