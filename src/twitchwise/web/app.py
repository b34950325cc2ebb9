"""The FastAPI application: pages, the JSON API, the static files and the safety around them."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import msgspec
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from twitchwise import __version__
from twitchwise.diary.store import StoreError
from twitchwise.errors import InputError
from twitchwise.web import api, check_pages, diary_pages, pages, schemas
from twitchwise.web.backend import Backend
from twitchwise.web.render import error_page
from twitchwise.web.security import (
    ContainErrors,
    CsrfError,
    RequestLog,
    SecurityHeaders,
    TrustedHosts,
    check_origin,
)
from twitchwise.web.settings import WebSettings

HERE = Path(__file__).parent
log = logging.getLogger("twitchwise.web")

DESCRIPTION = """Triage, diary and insights for muscle twitching at rest — information, not a diagnosis.

All writes take `application/json`; every refusal is a 4xx with `{"field", "problem"}` naming what
to fix (never echoing the value). `profile` chooses whose diary (default `me`).
"""


def create_app(settings: WebSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.backend.close()

    app = FastAPI(
        title="twitchwise", version=__version__, description=DESCRIPTION, lifespan=lifespan,
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN, which the CSP forbids
    )  # fmt: skip
    app.state.backend = Backend(settings)
    app.state.settings = settings
    if settings.server:
        from twitchwise.server.accounts import Accounts
        from twitchwise.server.passkeys import Passkeys
        from twitchwise.server.web import router as server_router

        app.state.accounts = Accounts(app.state.backend.store, settings.now)
        app.state.passkeys = Passkeys(app.state.accounts, settings.secret)
        app.include_router(server_router)
    app.include_router(api.router)
    app.include_router(check_pages.router)
    app.include_router(pages.router)
    app.include_router(diary_pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _handle_errors(app)
    app.middleware("http")(_api_origin_guard(settings))
    if settings.server:
        from twitchwise.server.web import SessionGate

        app.add_middleware(SessionGate, accounts=app.state.accounts)
    app.add_middleware(ContainErrors)
    app.add_middleware(TrustedHosts, allowed_hosts=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestLog)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _api_origin_guard(settings: WebSettings) -> Any:
    async def guard(request: Request, call_next: Any) -> Response:
        if request.url.path.startswith("/api/") and request.method not in ("GET", "HEAD", "OPTIONS"):
            try:
                check_origin(request, settings.allowed_hosts)
            except CsrfError:
                return _error(403, "origin", "writes are accepted only from this app's own pages or from programs")
        response: Response = await call_next(request)
        return response

    return guard


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description,
            routes=api.router.routes,
        )  # fmt: skip
        schema.setdefault("components", {}).setdefault("schemas", {}).update(schemas.components())
        app.openapi_schema = schema
    return app.openapi_schema


def _error(status: int, field: str, problem: str) -> Response:
    body = msgspec.json.encode(schemas.ErrorOut(field, problem))
    return Response(body, status_code=status, media_type="application/json")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


SQLITE_FULL = 13  # SQLITE_FULL: "database or disk is full"


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(InputError)
    async def input_error(request: Request, error: InputError) -> Response:
        status = 404 if error.field == "id" and error.problem.startswith(("no ", "expected an id")) else 422
        if _is_api(request):
            return _error(status, error.field, error.problem)
        return error_page(request, status, error.problem if not error.field else f"{error.field}: {error.problem}")

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        field = ".".join(str(part) for part in first.get("loc", ())[1:]) or "request"
        problem = str(first.get("msg", "not valid")).split(",")[0]
        if _is_api(request):
            return _error(422, field, problem)
        return error_page(request, 422, f"{field}: {problem}")

    @app.exception_handler(CsrfError)
    async def forged(request: Request, _error_: CsrfError) -> Response:
        if _is_api(request):
            return _error(403, "origin", "refused: not sent from this app")
        return error_page(request, 403, "This form has expired or did not come from twitchwise. Reload the page.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if _is_api(request):
            return _error(error.status_code, "path" if error.status_code == 404 else "request", str(error.detail))
        return error_page(request, error.status_code, str(error.detail))

    @app.exception_handler(OperationalError)
    async def database_error(request: Request, error: OperationalError) -> Response:
        full = "full" in str(error.orig).lower() or getattr(error.orig, "sqlite_errorcode", None) == SQLITE_FULL
        problem = (
            "the disk is full, so nothing was saved; free some space and try again"
            if full
            else "the diary database cannot be used right now; nothing was changed"
        )
        log.error("diary database error: %s", "disk full" if full else type(error.orig).__name__)  # no health data
        return _error(503, "database", problem) if _is_api(request) else error_page(request, 503, problem)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> Response:
        log.error("diary database unavailable: %s", error)  # a StoreError holds no health data
        if _is_api(request):
            return _error(503, "database", str(error))
        return error_page(request, 503, str(error))
