"""Rendering pages: the templates, the person's preferences (cookies), and the shared context."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.templating import Jinja2Templates

from twitchwise.diary.records import MAX_PROFILE, PROFILE_PATTERN, new_uid
from twitchwise.diary.wording import describe
from twitchwise.sites import site_name
from twitchwise.triage.wording import addressed, question_label, said
from twitchwise.web import bodymap
from twitchwise.web.backend import Preferences, backend_of
from twitchwise.web.security import CSRF_FIELD, csrf_token

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
TEMPLATES.env.globals.update(site_name=site_name, describe=describe, bodymap=bodymap, csrf_field=CSRF_FIELD)
TEMPLATES.env.filters["words"] = lambda value: str(value).replace("_", " ")
TEMPLATES.env.filters["addressed"] = addressed  # a question put to "they" when the description was about someone else

PREFERENCE_COOKIES = {"profile": "tw_profile", "units": "tw_units", "locale": "tw_locale", "emergency": "tw_emergency"}
PROFILE = re.compile(PROFILE_PATTERN)
LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")
NUMBER = re.compile(r"^[0-9]{2,4}$")
ONE_YEAR = 365 * 24 * 3600


def preferences(request: Request) -> Preferences:
    """The preferences in the cookies; a value that does not fit is ignored, not trusted."""
    cookies = request.cookies
    profile = cookies.get(PREFERENCE_COOKIES["profile"], "")
    account = getattr(request.state, "account", None)
    if account is not None:  # server mode: the signed-in account's own diary, whatever the cookie says
        profile = account.profile or "account-0"  # an admin has no diary, and no profile has this name
    locale = cookies.get(PREFERENCE_COOKIES["locale"], "")
    number = cookies.get(PREFERENCE_COOKIES["emergency"], "")
    return Preferences(
        profile=profile if PROFILE.fullmatch(profile) and len(profile) <= MAX_PROFILE else "me",
        units="us" if cookies.get(PREFERENCE_COOKIES["units"]) == "us" else "metric",
        locale=locale if LOCALE.fullmatch(locale) else None,
        emergency_number=number if NUMBER.fullmatch(number) else None,
    )


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    prefs = preferences(request)
    backend = backend_of(request)
    base = {
        "csrf_token": csrf_token(request),
        "form_uid": new_uid(),  # a form's own id, so sending it twice saves it once (backend.log_from_form)
        "prefs": prefs,
        "emergency_number": backend.services(prefs).emergency_number,
        "today": backend.today(),
        "active": context.pop("active", ""),
        "server_account": getattr(request.state, "account", None),
        "server_mode": request.app.state.settings.server,
        "said": lambda question, answer: said(question, answer, backend.kb),
        "question_label": lambda question: question_label(question, backend.kb),
    }
    return TEMPLATES.TemplateResponse(request, template, {**base, **context}, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> Response:
    try:
        return page(request, "error.html", status_code, message=message, title="Something is not right")
    except Exception:  # the error page itself must never fail
        return Response(message, status_code=status_code, media_type="text/plain")


DISPOSITION_ICON = {"emergency": "‼", "urgent": "!", "routine": "◆", "self_care": "✓"}
"""A shape beside each disposition's colour, so the advice is not told by colour alone."""
