"""Server mode in the web app: the session gate in front of every page and endpoint, and the pages for signing
in, a person's account (shares, download, delete), a clinician's patients and an admin's accounts.

The gate binds every request to its account's own diary: ``profile`` in a query is the account's own or
nothing (another person's gives 404, never data), and pages read the account's diary whatever the cookies say.
A clinician reads a patient's diary only through ``/patients/{share}``, each read written to the audit trail.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlencode

from anyio import to_thread
from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from twitchwise.errors import InputError
from twitchwise.server.accounts import Account, Accounts, RateLimitedError, SignInError
from twitchwise.server.passkeys import Passkeys
from twitchwise.web.render import page
from twitchwise.web.security import CsrfError, check_origin, posted_form

SESSION_COOKIE = "tw_session"
# Reachable without signing in: the sign-in and reset pages, what the browser needs to draw them, the API's
# description and the health check a load balancer asks (none of them holds anyone's data).
PUBLIC_PATHS = frozenset(
    {"/login", "/login/passkey", "/login/passkey/options", "/sw.js", "/offline", "/openapi.json", "/api/v1/health"}
)
PUBLIC_PREFIXES = ("/reset/", "/static/")
ADMIN_PATHS = ("/admin", "/logout")
MAX_PASSKEY_BYTES = 20_000

router = APIRouter()


def accounts_of(request: Request) -> Accounts:
    accounts: Accounts = request.app.state.accounts
    return accounts


def account_of(request: Request) -> Account:
    account: Account = request.state.account
    return account


class SessionGate:
    """Every request but the public ones needs a live session; the account it belongs to is put in the
    request's state, and the request is bound to that account's own diary."""

    def __init__(self, app: ASGIApp, accounts: Accounts) -> None:
        self.app = app
        self.accounts = accounts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            await self.app(scope, receive, send)
            return
        token = _cookie(scope, SESSION_COOKIE)
        account = await to_thread.run_sync(self.accounts.session_account, token) if token else None
        api = path.startswith("/api/")
        if account is None:
            if api:
                await _json(send, 401, "session", "sign in first (your session may have ended after 30 minutes idle)")
            else:
                await _redirect(send, "/login")
            return
        if account.role == "admin" and not path.startswith(ADMIN_PATHS):
            await _not_found(send, api)  # an admin manages accounts and reads no diary
            return
        if account.role != "admin":
            query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            asked = {value for name, value in query if name == "profile"}
            if asked - {"me", account.profile}:
                await _not_found(send, api)  # another person's diary: as absent as one that never was
                return
            kept = [(name, value) for name, value in query if name != "profile"]
            scope = {**scope, "query_string": urlencode([*kept, ("profile", account.profile or "")]).encode()}
        scope.setdefault("state", {})["account"] = account
        await self.app(scope, receive, send)


def _cookie(scope: Scope, name: str) -> str:
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for key, value in headers:
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                cookie_name, _, cookie_value = part.strip().partition("=")
                if cookie_name == name:
                    return cookie_value
    return ""


async def _send(send: Send, status: int, body: bytes, content_type: bytes) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _json(send: Send, status: int, field: str, problem: str) -> None:
    await _send(send, status, json.dumps({"field": field, "problem": problem}).encode(), b"application/json")


async def _redirect(send: Send, location: str) -> None:
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode()), (b"content-length", b"0")]})  # fmt: skip
    await send({"type": "http.response.body", "body": b""})


async def _not_found(send: Send, api: bool) -> None:
    if api:
        await _json(send, 404, "path", "not found")
        return
    body = b"<!doctype html><title>Not found</title><p>Not found. <a href='/'>Home</a></p>"
    await _send(send, 404, body, b"text/html; charset=utf-8")


def _session_cookie(request: Request, token: str, *, max_age: int | None = None) -> str:
    secure = "; Secure" if request.app.state.settings.secure_cookies else ""
    age = f"; Max-Age={max_age}" if max_age is not None else ""
    return f"{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}{age}"


# --- signing in and out ------------------------------------------------------------------------


@router.get("/login")
def login_form(request: Request) -> Response:
    return page(request, "server_login.html", problem=None, title="Sign in")


@router.post("/login")
async def login(request: Request) -> Response:
    form = await posted_form(request)
    accounts = accounts_of(request)
    try:
        account, token = await run_in_threadpool(
            accounts.sign_in, form.get("username") or "", form.get("password") or "", form.get("code") or ""
        )
    except RateLimitedError as error:
        return page(request, "server_login.html", status_code=429, problem=str(error), title="Sign in")
    except SignInError as error:
        return page(request, "server_login.html", status_code=401, problem=str(error), title="Sign in")
    return await _signed_in(request, token, RedirectResponse(_home(account), status_code=303))


def _home(account: Account) -> str:
    return {"admin": "/admin", "clinician": "/patients"}.get(account.role, "/")


async def _signed_in(request: Request, token: str, response: Response) -> Response:
    """The response to a sign-in (by password or passkey): the browser's old session ends (no fixation) and the
    new one's cookie is set."""
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        await run_in_threadpool(accounts_of(request).sign_out, old)
    response.headers.append("set-cookie", _session_cookie(request, token))
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    await posted_form(request)
    token = request.cookies.get(SESSION_COOKIE, "")
    await run_in_threadpool(accounts_of(request).sign_out, token)
    response = RedirectResponse("/login", status_code=303)
    response.headers.append("set-cookie", _session_cookie(request, "", max_age=0))
    return response


@router.get("/reset/{token}")
def reset_form(request: Request, token: str) -> Response:
    return page(request, "server_reset.html", token=token, problem=None, title="Choose a new password")


@router.post("/reset/{token}")
async def reset(request: Request, token: str) -> Response:
    form = await posted_form(request)
    try:
        await run_in_threadpool(accounts_of(request).reset_password, token, form.get("password") or "")
    except InputError as error:
        return page(request, "server_reset.html", status_code=422, token=token, problem=error.problem,
                    title="Choose a new password")  # fmt: skip
    return RedirectResponse("/login", status_code=303)


# --- passkeys ------------------------------------------------------------------------------------


def passkeys_of(request: Request) -> Passkeys:
    passkeys: Passkeys = request.app.state.passkeys
    return passkeys


def _relying_party(request: Request) -> tuple[str, str]:
    """The passkey's relying party: this site's host name, and the origin the browser is on."""
    host = request.headers.get("host", "")
    return host.rsplit(":", 1)[0] if not host.endswith("]") else host, f"{request.url.scheme}://{host}"


def _from_this_site(request: Request) -> None:
    try:
        check_origin(request, request.app.state.settings.allowed_hosts)
    except CsrfError:
        raise InputError("origin", "passkeys are accepted only from this site's own pages") from None


async def _passkey_body(request: Request) -> dict[str, Any]:
    """A passkey request from this site's own page: its origin checked, its size bounded, JSON with a token."""
    _from_this_site(request)
    declared = request.headers.get("content-length", "")
    if not declared.isdigit() or int(declared) > MAX_PASSKEY_BYTES:
        raise InputError("body", "the passkey request is too large")
    try:
        body = json.loads(await request.body())
    except ValueError:
        raise InputError("body", "the passkey request is not JSON") from None
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("credential"), dict)
        or not isinstance(body.get("token"), str)
    ):
        raise InputError("body", "the passkey request needs a credential and a token")
    return body


@router.post("/account/passkeys/options")
async def passkey_options(request: Request) -> Response:
    _from_this_site(request)
    rp_id, _ = _relying_party(request)
    options = await run_in_threadpool(passkeys_of(request).registration_options, account_of(request), rp_id)
    return Response(json.dumps(options), media_type="application/json")


@router.post("/account/passkeys")
async def add_passkey(request: Request) -> Response:
    body = await _passkey_body(request)
    rp_id, origin = _relying_party(request)
    await run_in_threadpool(
        passkeys_of(request).add, account_of(request), body["credential"], body["token"], rp_id, origin
    )
    return Response(json.dumps({"added": True}), media_type="application/json")


@router.post("/login/passkey/options")
async def passkey_sign_in_options(request: Request) -> Response:
    _from_this_site(request)
    rp_id, _ = _relying_party(request)
    options = await run_in_threadpool(passkeys_of(request).sign_in_options, rp_id)
    return Response(json.dumps(options), media_type="application/json")


@router.post("/login/passkey")
async def passkey_sign_in(request: Request) -> Response:
    body = await _passkey_body(request)
    rp_id, origin = _relying_party(request)
    try:
        account, token = await run_in_threadpool(
            passkeys_of(request).sign_in, body["credential"], body["token"], rp_id, origin
        )
    except SignInError as error:
        return Response(json.dumps({"field": "credential", "problem": str(error)}), status_code=401,
                        media_type="application/json")  # fmt: skip
    return await _signed_in(request, token, Response(json.dumps({"redirect": _home(account)}),
                                                     media_type="application/json"))  # fmt: skip


# --- a person's account: shares, download everything, delete -------------------------------------


@router.get("/account")
def account_page(request: Request) -> Response:
    return _account_page(request, code=None)


def _account_page(request: Request, code: str | None) -> Response:
    account, accounts = account_of(request), accounts_of(request)
    shares = accounts.shares_of(account) if account.role == "person" else []
    trail = accounts.audit(account.username) if account.role == "person" else []
    passkeys = passkeys_of(request).count(account)
    return page(request, "server_account.html", account=account, shares=shares, code=code, trail=trail,
                passkeys=passkeys, active="account", title="Your account")  # fmt: skip


@router.post("/account/share")
async def new_share(request: Request) -> Response:
    await posted_form(request)
    code = await run_in_threadpool(accounts_of(request).new_share_code, account_of(request))
    return _account_page(request, code=code)


@router.post("/account/shares/{share_id}/revoke")
async def revoke(request: Request, share_id: int) -> Response:
    await posted_form(request)
    try:
        await run_in_threadpool(accounts_of(request).revoke, account_of(request), share_id)
    except LookupError:
        return _page_not_found(request)
    return RedirectResponse("/account", status_code=303)


@router.post("/account/delete")
async def delete_account(request: Request) -> Response:
    form = await posted_form(request)
    account = account_of(request)
    if (form.get("confirm") or "").strip().lower() != account.username:
        raise InputError("confirm", "type your username to delete your account and everything in it")
    await run_in_threadpool(accounts_of(request).delete, account)
    response = RedirectResponse("/login", status_code=303)
    response.headers.append("set-cookie", _session_cookie(request, "", max_age=0))
    return response


# --- a clinician's patients ----------------------------------------------------------------------


@router.get("/patients")
def patients(request: Request) -> Response:
    account = account_of(request)
    if account.role != "clinician":
        return _page_not_found(request)
    backend = request.app.state.backend
    rows = []
    for share in accounts_of(request).patients_of(account):
        if share.profile is None:
            continue
        checks = backend.diary(share.profile).list(kinds=("check",))
        since = [c for c in checks if share.last_viewed is None or c.record.at > share.last_viewed]
        flagged = sorted({f.get("title", "") for c in since for f in c.record.result.get("red_flags", [])})
        rows.append((share, backend.advice(share.profile), checks[-1] if checks else None, flagged))
    return page(request, "server_patients.html", rows=rows, active="patients", title="Patients")


@router.post("/patients/redeem")
async def redeem(request: Request) -> Response:
    form = await posted_form(request)
    account = account_of(request)
    if account.role != "clinician":
        return _page_not_found(request)
    await run_in_threadpool(accounts_of(request).redeem, account, form.get("code") or "")
    return RedirectResponse("/patients", status_code=303)


@router.get("/patients/{share_id}/report")
async def patient_report(request: Request, share_id: int) -> Response:
    account = account_of(request)
    if account.role != "clinician":
        return _page_not_found(request)
    try:
        share = await run_in_threadpool(accounts_of(request).open_patient, account, share_id, "read report")
    except LookupError:
        return _page_not_found(request)
    backend = request.app.state.backend
    body = await run_in_threadpool(lambda: backend.report(share.profile, start=None, end=None, fmt="html"))
    return Response(body, media_type="text/html; charset=utf-8")


# --- an admin's accounts -------------------------------------------------------------------------


@router.get("/admin")
def admin(request: Request) -> Response:
    if account_of(request).role != "admin":
        return _page_not_found(request)
    return page(request, "server_admin.html", accounts=accounts_of(request).all(), made=None, problem=None,
                active="admin", title="Accounts")  # fmt: skip


@router.post("/admin/accounts")
async def admin_create(request: Request) -> Response:
    form = await posted_form(request)
    if account_of(request).role != "admin":
        return _page_not_found(request)
    accounts = accounts_of(request)
    made, secret = await run_in_threadpool(
        accounts.create, form.get("username") or "", form.get("password") or "", form.get("role") or "person"
    )
    return page(request, "server_admin.html", accounts=accounts.all(), made=(made, secret), problem=None,
                active="admin", title="Accounts")  # fmt: skip


@router.post("/admin/accounts/{username}/reset")
async def admin_reset(request: Request, username: str) -> Response:
    await posted_form(request)
    admin_account = account_of(request)
    if admin_account.role != "admin":
        return _page_not_found(request)
    token = await run_in_threadpool(accounts_of(request).issue_reset, admin_account, username)
    link = f"{request.base_url}reset/{token}"
    return page(request, "server_admin.html", accounts=accounts_of(request).all(), made=None, problem=None,
                reset=(username, link), active="admin", title="Accounts")  # fmt: skip


@router.get("/admin/audit.json")
def audit_export(request: Request) -> Response:
    """The whole audit trail, for the clinic's records: who read or changed whose diary, when and why."""
    if account_of(request).role != "admin":
        return _page_not_found(request)
    body = json.dumps({"audit": accounts_of(request).audit()}, ensure_ascii=False, indent=1)
    return Response(body, media_type="application/json",
                    headers={"content-disposition": 'attachment; filename="twitchwise-audit.json"'})  # fmt: skip


def _page_not_found(request: Request) -> Response:
    return page(request, "error.html", status_code=404, message="Not found.", title="Not found")
