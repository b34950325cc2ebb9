"""Pages: home, a check's result, and settings (the guided check itself: ``check_pages.py``).

Forms post back here with a CSRF token; every refusal re-shows the form with what to fix, and
nothing is written."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse

from twitchwise.answers import said_by_person
from twitchwise.diary.records import MAX_PROFILE
from twitchwise.errors import InputError
from twitchwise.triage.wording import told_apart
from twitchwise.web.backend import backend_of
from twitchwise.web.render import (
    DISPOSITION_ICON,
    LOCALE,
    NUMBER,
    ONE_YEAR,
    PREFERENCE_COOKIES,
    PROFILE,
    page,
    preferences,
)
from twitchwise.web.security import posted_form

if TYPE_CHECKING:
    from twitchwise.understand.reading import Reading

router = APIRouter(include_in_schema=False)
Form = Annotated[dict[str, Any], Depends(posted_form)]


@router.get("/")
def home(request: Request) -> Response:
    backend = backend_of(request)
    chosen = preferences(request)
    status = backend.status(chosen.profile)
    ask_country = PREFERENCE_COOKIES["locale"] not in request.cookies  # asked once, at first use
    return page(request, "home.html", status=status, last=status.last_check, icons=DISPOSITION_ICON, active="home",
                advice=backend.advice(chosen.profile, chosen), title="Today", ask_country=ask_country,
                countries=sorted(backend.kb.locales.countries.items()))  # fmt: skip


@router.post("/country")
def choose_country(request: Request, form: Form) -> Response:
    """The country chosen at first use (for the emergency number); Settings can change it later."""
    locale = form.get("locale") or ""
    if not LOCALE.fullmatch(locale) or locale[3:] not in backend_of(request).kb.locales.countries:
        from fastapi import HTTPException

        raise HTTPException(422, "choose a country from the list")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(PREFERENCE_COOKIES["locale"], locale, max_age=ONE_YEAR, httponly=True, samesite="strict")
    return response


# --- a check's result (the check itself: check_pages.py) ------------------------------------


@router.get("/checks/{entry_id}")
def check_result(request: Request, entry_id: str) -> Response:
    backend = backend_of(request)
    chosen = preferences(request)
    number = backend.services(chosen).emergency_number
    stored, assessment = backend.stored_check(chosen.profile, entry_id, emergency_number=number)
    own = said_by_person(stored.record.answers)  # type: ignore[union-attr]
    said = {e.question for flag in assessment.red_flags for e in flag.evidence if own.get(e.question, own) == e.answer}
    reading = _reading(backend, stored)
    about = "self" if reading is None else reading.about
    title = "The result for someone else" if about == "someone_else" else "Your result"
    quotes = {} if reading is None else {q: w for q, w in reading.told.items() if q in said and own.get(q) is True}
    return page(request, "result.html", stored=stored, a=assessment, icons=DISPOSITION_ICON, active="check",
                said_questions=said, title=title, about=about,
                told=lambda evidence: told_apart(((e.question, e.answer) for e in evidence), quotes, backend.kb),
                same_again=backend.same_advice_count(chosen.profile, stored),
                recheck_on=_recheck_on(backend, stored))  # fmt: skip


def _reading(backend: Any, stored: Any) -> Reading | None:
    """How a check kept with its description read it, the same as when it was made: whom it is about ("my mum is
    slurring") and the words each symptom was read from."""
    from twitchwise.understand import read

    result = stored.record.result if isinstance(stored.record.result, dict) else {}
    description = result.get("description")
    if not isinstance(description, str) or not description:
        return None
    return read(description, backend.kb, today=stored.record.at.date())


def _recheck_on(backend: Any, stored: Any) -> dt.date:
    """The day to check again: the knowledge base's re-check interval (limits.yaml, two weeks) after the check."""
    return stored.record.at.date() + dt.timedelta(days=int(backend.kb.limits["recheck_days"].value))  # type: ignore[no-any-return]


@router.get("/checks/{entry_id}/reminder.ics")
def check_reminder(request: Request, entry_id: str) -> Response:
    """A calendar reminder to check again in two weeks: a title and a link, and nothing about the person."""
    backend = backend_of(request)
    stored, _ = backend.stored_check(preferences(request).profile, entry_id)
    day = _recheck_on(backend, stored)
    base = str(request.base_url).rstrip("/")
    stamp = backend.now().strftime("%Y%m%dT%H%M%S")
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//twitchwise//re-check//EN", "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT", f"UID:recheck-{stored.record.uid}@twitchwise", f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
        "SUMMARY:Check your twitching again (twitchwise)",
        f"DESCRIPTION:Two weeks on: run the check again to see if anything has changed. {base}/check",
        f"URL:{base}/check", "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip
    return Response("\r\n".join(lines) + "\r\n", media_type="text/calendar",
                    headers={"content-disposition": 'attachment; filename="twitchwise-recheck.ics"'})  # fmt: skip


# --- the installable app: its service worker and the page it shows offline -------------------------


@router.get("/sw.js")
def service_worker() -> Response:
    """Served from the root, so that it may look after every page of the app (``static/sw.js``)."""
    from pathlib import Path

    script = (Path(__file__).parent / "static" / "sw.js").read_bytes()
    return Response(script, media_type="text/javascript", headers={"cache-control": "no-cache"})


@router.get("/offline")
def offline(request: Request) -> Response:
    return page(request, "offline.html", title="Offline")


# --- answers to common questions, from the knowledge base -------------------------------------


@router.get("/learn/{topic_id}")
def learn(request: Request, topic_id: str) -> Response:
    """A topic of the knowledge base ("Is it ALS?"), with its sources: the public's first."""
    from fastapi import HTTPException

    from twitchwise.triage.engine import source_out
    from twitchwise.understand.topics import answer, cited

    backend = backend_of(request)
    if topic_id not in backend.kb.topics:
        raise HTTPException(404, "no such topic")
    topic = answer(topic_id, backend.kb)
    sources = {sid: source_out(backend.kb, sid) for sid in cited(topic)}
    return page(request, "learn.html", topic=topic, sources=sources, title=topic.title)


# --- settings --------------------------------------------------------------------------------


@router.get("/settings")
def settings_page(request: Request) -> Response:
    backend = backend_of(request)
    return page(request, "settings.html", profiles=_profiles(request), countries=sorted(
        backend.kb.locales.countries), active="settings", title="Settings")  # fmt: skip


def _profiles(request: Request) -> list[str]:
    """The profiles to choose from: every one in the diary on this computer; none in server mode, where a signed-in
    account has its own diary alone (and other accounts' are not even named)."""
    if getattr(request.state, "account", None) is not None:
        return []
    return backend_of(request).store.profiles()


@router.post("/settings")
def save_settings(request: Request, form: Form) -> Response:
    profile = (form.get("profile") or "me").strip()
    locale = form.get("locale") or ""
    number = form.get("emergency") or ""
    problems = [
        ("profile", "a short name: letters, digits, spaces, . ' -")
        if not PROFILE.fullmatch(profile) or len(profile) > MAX_PROFILE
        else None,
        ("locale", "choose one from the list") if locale and not LOCALE.fullmatch(locale) else None,
        ("emergency", "2 to 4 digits") if number and not NUMBER.fullmatch(number) else None,
        ("units", "choose metric or US") if form.get("units") not in ("metric", "us") else None,
    ]
    problem = next((p for p in problems if p), None)
    if problem is not None:
        backend = backend_of(request)
        return page(request, "settings.html", 422, error=InputError(*problem), profiles=_profiles(request),
                    countries=sorted(backend.kb.locales.countries), active="settings", title="Settings")  # fmt: skip
    response = RedirectResponse("/settings?saved=1", status_code=303)
    for key, value in (("profile", profile), ("units", form["units"]), ("locale", locale), ("emergency", number)):
        if value:
            response.set_cookie(PREFERENCE_COOKIES[key], value, max_age=ONE_YEAR, httponly=True, samesite="strict")
        else:
            response.delete_cookie(PREFERENCE_COOKIES[key])
    return response
