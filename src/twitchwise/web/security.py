"""Safety even on localhost: strict headers, CSRF tokens on forms, same-origin API writes, and a
request log that holds no health data.

- Every response carries a Content-Security-Policy that allows only this app's own scripts,
  styles and images (no inline script), and refuses framing.
- A page form must return a token signed (HMAC-SHA256) with this install's secret over the random
  id in its ``tw_csrf`` cookie (SameSite=Strict): a page on another port of this computer can set
  that cookie, but cannot sign for it.  A form whose ``Origin`` is not this app's own (scheme,
  host and port) is refused as well.
- An API write must be ``application/json`` (which a cross-site form cannot send without a
  preflight the app never grants), and an ``Origin`` header, when sent, must be this app's.
- The log line of a request is its method, its route *template* and its status: never a
  query string, a body or an id-bearing path.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import FormData, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from twitchwise.errors import InputError

CSRF_COOKIE = "tw_csrf"
CSRF_FIELD = "csrf_token"
MAX_FORM_FIELDS = 200
MAX_FORM_PART = 64_000
MAX_FORM_BYTES = 1_000_000
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# A chart is an SVG image whose drawing uses style attributes; it can hold no script.
CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",  # so its own forms carry their Origin; nothing leaves for other sites
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "cache-control": "no-store",
}

log = logging.getLogger("twitchwise.web")


class CsrfError(Exception):
    """A form or write that did not come from this app's own pages."""


class _HttpMiddleware:
    """An ASGI middleware that acts on HTTP requests and passes anything else straight through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.http(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class SecurityHeaders(_HttpMiddleware):
    """Adds the policy headers to every response, and a CSRF cookie when there is none yet."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope)
        token = request.cookies.get(CSRF_COOKIE)
        new_token = None if token and len(token) >= 32 else secrets.token_urlsafe(32)
        if new_token is not None:
            scope.setdefault("state", {})["csrf_token"] = new_token

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                headers.setdefault("content-security-policy", PAGE_POLICY)
                if new_token is not None:
                    headers.append("set-cookie", _cookie(new_token))
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _cookie(token: str) -> str:
    return f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"


def csrf_token(request: Request) -> str:
    """The token a page puts in its forms: the cookie's id (or the one being set now), signed."""
    return _sign(request, str(request.cookies.get(CSRF_COOKIE) or request.state.csrf_token))


def _sign(request: Request, session_id: str) -> str:
    secret: bytes = request.app.state.settings.secret
    return hmac.new(secret, session_id.encode("utf-8"), hashlib.sha256).hexdigest()


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:  # not sent by this browser for this request: the signed token still decides
        return True
    return origin == f"{request.url.scheme}://{request.headers.get('host', '')}"


async def posted_form(request: Request) -> dict[str, Any]:
    """A page form's fields, after checking its CSRF token; blank fields read as not given.

    Its origin and its declared size are checked before a byte of it is read, so a form from
    another site, or a huge one, is refused without being spooled to disk first."""
    if not _same_origin(request):
        raise CsrfError
    declared = request.headers.get("content-length", "")
    if not declared.isdigit() or int(declared) > MAX_FORM_BYTES:
        raise InputError("form", "the form is too large (or its size is not given); reload the page and try again")
    try:
        form = await request.form(max_fields=MAX_FORM_FIELDS, max_part_size=MAX_FORM_PART)
    except Exception:  # python-multipart and Starlette raise several kinds for a malformed body
        raise InputError("form", "the form could not be read; reload the page and try again") from None
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get(CSRF_FIELD)
    if not cookie or not isinstance(sent, str) or not hmac.compare_digest(_sign(request, cookie), sent):
        raise CsrfError
    if not _same_origin(request):
        raise CsrfError
    return _fields(form)


def _fields(form: FormData) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in form:
        values = [v for v in form.getlist(name) if isinstance(v, str)]
        cleaned = [v for v in (value.strip() for value in values) if v]
        if name.endswith("[]"):
            fields[name[:-2]] = cleaned
        else:
            fields[name] = values[-1] if values and values[-1].strip() else None
    return fields


def check_origin(request: Request, allowed_hosts: tuple[str, ...]) -> None:
    """An API write from another web origin is refused (a browser always sends Origin on one)."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    host = urlsplit(origin).hostname or ""
    if origin == "null" or host.lower() not in {h.strip("[]") for h in allowed_hosts}:
        raise CsrfError


class TrustedHosts(_HttpMiddleware):
    """A request whose Host is not one of this app's names is refused (DNS rebinding).

    Starlette's own check cuts "[::1]:8000" at its first colon, so an IPv6 address never
    matched; here the port is taken off the end and the brackets off the address."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...]) -> None:
        super().__init__(app)
        self.allowed = {host.strip().lower().strip("[]") for host in allowed_hosts}

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        host = Request(scope).headers.get("host", "")
        if host_name(host) in self.allowed:
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 400, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"Invalid host header"})


def host_name(host: str) -> str:
    """The name in a Host header, without its port: "[::1]:8000" -> "::1", "localhost:8000" -> "localhost"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class RequestLog(_HttpMiddleware):
    """One line a request: method, route template, status, milliseconds — nothing the person sent."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        status: dict[str, int] = {}

        async def send_and_note(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route = _route_template(scope)
            elapsed = (time.perf_counter() - started) * 1000
            log.info("%s %s %s %.0fms", scope["method"], route, status.get("code", 500), elapsed)


def _route_template(scope: Mapping[str, Any]) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "(unmatched)"


ERROR_PAGE = (
    b'<!doctype html><html lang="en"><title>Something went wrong</title>'
    b'<nav aria-label="Main"><a href="/">Today</a> <a href="/check">Check</a> <a href="/log">Log</a> '
    b'<a href="/diary">Diary</a></nav><main id="main"><h1>Something went wrong</h1>'
    b"<p>Something went wrong on this computer; nothing was changed. Please go back and try again.</p>"
    b"<p><strong>If you feel very unwell, call your emergency number now</strong> "
    b'(<a href="tel:999">999</a> in the UK, <a href="tel:911">911</a> in the US and Canada, '
    b'<a href="tel:112">112</a> in Europe).</p></main></html>'
)
"""A page with the way back and the emergency number, even when the app itself failed."""


class ContainErrors(_HttpMiddleware):
    """An unexpected error becomes a plain 500 and one log line with its type and route only:
    its message or traceback could carry what the person typed, so neither is logged."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def send_and_note(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        except Exception as error:
            log.error("unexpected %s on %s %s", type(error).__name__, scope["method"], _route_template(scope))
            if started:
                return
            is_api = str(scope.get("path", "")).startswith("/api/")
            body, media = (
                (b'{"field":"server","problem":"something went wrong; nothing was changed"}', b"application/json")
                if is_api
                else (ERROR_PAGE, b"text/html; charset=utf-8")
            )  # fmt: skip
            await send({"type": "http.response.start", "status": 500, "headers": [(b"content-type", media)]})
            await send({"type": "http.response.body", "body": body})
