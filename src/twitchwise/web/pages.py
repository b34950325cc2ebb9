"""Pages: home, the guided check and its result, and settings.  Forms post back here with a
CSRF token; every refusal re-shows the form with what to fix, and nothing is written."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from twitchwise.answers import MAX_DESCRIPTION, answers_from_builtins, beyond, overlay, said_by_person
from twitchwise.diary.records import MAX_PROFILE
from twitchwise.errors import InputError
from twitchwise.interview import Step
from twitchwise.web import guided
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

router = APIRouter(include_in_schema=False)
Form = Annotated[dict[str, Any], Depends(posted_form)]


@router.get("/")
def home(request: Request) -> Response:
    backend = backend_of(request)
    chosen = preferences(request)
    status = backend.status(chosen.profile)
    return page(request, "home.html", status=status, last=status.last_check, icons=DISPOSITION_ICON, active="home",
                advice=backend.advice(chosen.profile, chosen), title="Today")  # fmt: skip


# --- the guided check ------------------------------------------------------------------------


@router.get("/check")
async def check_start(request: Request, again: Annotated[str | None, Query(max_length=14)] = None) -> Response:
    """A new check; ``again=c12``: the same answers as that check, so only what it left open is asked."""
    backend = backend_of(request)
    profile = preferences(request).profile
    answers = backend.start_answers(profile)
    if again:
        stored, _ = backend.stored_check(profile, again)
        previous = answers_from_builtins(stored.record.answers, today=backend.today(),  # type: ignore[union-attr]
                                         symptom_ids=backend.kb.symptom_ids)  # fmt: skip
        answers = overlay(answers, previous, today=backend.today(), symptom_ids=backend.kb.symptom_ids)
    if guided.current_step(answers, set(), backend.kb) is None:
        return await _finish(request, answers)  # the diary alone already settles it (an emergency logged)
    return _step_page(request, answers, set())


async def _finish(request: Request, answers: Any) -> Response:
    """Nothing left to ask: assess, keep the check in the diary, and show the result."""
    backend = backend_of(request)
    chosen = preferences(request)
    start = backend.start_answers(chosen.profile)  # what the diary filled in is the diary's, not the person's
    own = beyond(answers, start, today=backend.today(), symptom_ids=backend.kb.symptom_ids)
    assessment = await run_in_threadpool(backend.check, own, preferences=chosen)
    saved = assessment.diary.saved_as if assessment.diary else None
    return RedirectResponse(f"/checks/{saved}", status_code=303)


@router.post("/check")
async def check_step(request: Request, form: Form) -> Response:
    backend = backend_of(request)
    today, kb = backend.today(), backend.kb
    answers, asked = guided.decode(form.get("state"), today=today, kb=kb)
    step = guided.current_step(answers, asked, kb)
    if step is not None:
        try:
            answers = guided.apply(answers, step, form, action=form.get("action") or "next", today=today, kb=kb)
        except InputError as error:
            return _step_page(request, answers, asked, step=step, error=error, values=form, status_code=422)
        asked |= {q.id for q in step.questions}
    if guided.current_step(answers, asked, kb) is not None:
        return _step_page(request, answers, asked)
    return await _finish(request, answers)


@router.post("/check/describe")
async def check_describe(request: Request, form: Form) -> Response:
    """A description (or a question) first: what it says is kept, and only the rest is asked."""
    from twitchwise.understand import read
    from twitchwise.understand.output import question_answer
    from twitchwise.understand.words import understood_lines

    backend = backend_of(request)
    text = form.get("description") or ""
    if not isinstance(text, str) or len(text) > MAX_DESCRIPTION:
        error = InputError("description", f"please keep it under {MAX_DESCRIPTION:,} characters")
        return _step_page(request, backend.start_answers(preferences(request).profile), set(), error=error,
                          status_code=422)  # fmt: skip
    today = backend.today()
    reading = await run_in_threadpool(read, text, backend.kb, today=today)
    start = backend.start_answers(preferences(request).profile)
    answers = overlay(start, reading.answers, today=today, symptom_ids=backend.kb.symptom_ids)
    if guided.current_step(answers, set(), backend.kb) is None:
        return await _finish(request, answers)  # the words (or the diary) already settle it
    from twitchwise.triage.engine import assess

    services = backend.services(preferences(request))
    checked = assess(answers, backend.kb, today=today, services=services, said=reading.said)
    warning = checked.warning
    words = [p.words for p in checked.possible if warning and p.disposition == warning.disposition and p.words]
    words = [w for w in dict.fromkeys(words) if not any(w != other and w in other for other in words)]
    return _step_page(
        request, answers, set(), understood=understood_lines(reading, backend.kb), assumptions=reading.assumptions,
        topic=question_answer(reading, backend.kb), about_someone_else=reading.about != "self",
        warning=warning, said_words=words,
    )  # fmt: skip


def _step_page(
    request: Request, answers: Any, asked: set[str], *, step: Step | None = None, error: InputError | None = None,
    values: dict[str, Any] | None = None, status_code: int = 200, **reading: Any,
) -> Response:  # fmt: skip
    backend = backend_of(request)
    step = step or guided.current_step(answers, asked, backend.kb)
    return page(
        request, "check_step.html", status_code, step=step, state=guided.encode(answers, asked),
        error=error, values=values or {}, answered=guided.answered_count(answers, asked), active="check",
        title="Check",
        chosen_sites={f"{s.side}_{s.region}" if s.side else s.region for s in answers.sites or ()},
        max_description=MAX_DESCRIPTION, **reading,
    )  # fmt: skip


@router.get("/checks/{entry_id}")
def check_result(request: Request, entry_id: str) -> Response:
    backend = backend_of(request)
    chosen = preferences(request)
    number = backend.services(chosen).emergency_number
    stored, assessment = backend.stored_check(chosen.profile, entry_id, emergency_number=number)
    own = said_by_person(stored.record.answers)  # type: ignore[union-attr]
    said = {e.question for flag in assessment.red_flags for e in flag.evidence if own.get(e.question, own) == e.answer}
    return page(request, "result.html", stored=stored, a=assessment, icons=DISPOSITION_ICON, active="check",
                said_questions=said, title="Your result")  # fmt: skip


# --- settings --------------------------------------------------------------------------------


@router.get("/settings")
def settings_page(request: Request) -> Response:
    backend = backend_of(request)
    return page(request, "settings.html", profiles=backend.store.profiles(), countries=sorted(
        backend.kb.locales.countries), active="settings", title="Settings")  # fmt: skip


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
        return page(request, "settings.html", 422, error=InputError(*problem), profiles=backend.store.profiles(),
                    countries=sorted(backend.kb.locales.countries), active="settings", title="Settings")  # fmt: skip
    response = RedirectResponse("/settings?saved=1", status_code=303)
    for key, value in (("profile", profile), ("units", form["units"]), ("locale", locale), ("emergency", number)):
        if value:
            response.set_cookie(PREFERENCE_COOKIES[key], value, max_age=ONE_YEAR, httponly=True, samesite="strict")
        else:
            response.delete_cookie(PREFERENCE_COOKIES[key])
    return response
