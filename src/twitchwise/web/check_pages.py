"""The guided check in a browser: one short page a step, each a plain page load.

``/check``                  the start: describe it in your own words, or answer the first questions;
``/check/d/<draft>/<n>``    step *n* of a check in progress (the answers before it are the draft's
                            *n*-th state, kept in the person's own database: ``diary/drafts.py``);
``/check/d/<draft>/review`` every answer so far, each with "Change", and "See my advice".

Posting a step stores the new state and redirects to the next page (post/redirect/get), so the
browser's Back and reload work and nothing is sent twice.  Going back and changing an answer keeps
every other answer and asks only what the change opens.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from twitchwise.answers import (
    MAX_DESCRIPTION,
    Answers,
    answers_from_builtins,
    beyond,
    overlay,
    to_builtins,
)
from twitchwise.diary.drafts import Drafts
from twitchwise.errors import InputError
from twitchwise.interview import Step, left_open
from twitchwise.kb.models import Question
from twitchwise.web import guided
from twitchwise.web.backend import Backend, backend_of
from twitchwise.web.render import page, preferences
from twitchwise.web.security import posted_form

router = APIRouter(include_in_schema=False)
Form = Annotated[dict[str, Any], Depends(posted_form)]
State = tuple[Answers, set[str]]


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
    repeated = backend.repeated_checks(profile)
    note = None
    if repeated is not None:
        count, disposition = repeated
        action = backend.kb.actions["dont_worry"]
        advice = backend.kb.dispositions[disposition].label  # type: ignore[index]
        note = {"count": count, "advice": advice, "text": action.text.split(" — ", 1)[-1], "sources": action.sources}
    return _step_page(request, answers, set(), action="/check", back="/", repeated=note)


@router.post("/check")
async def check_begin(request: Request, form: Form) -> Response:
    """The first page's answers: a draft starts here, holding the state before and after them."""
    backend = backend_of(request)
    answers, asked = guided.decode(form.get("state"), today=backend.today(), kb=backend.kb)
    step = guided.current_step(answers, asked, backend.kb)
    if step is None:
        return await _finish(request, answers)
    try:
        after = _answered(backend, (answers, asked), step, form)
    except InputError as error:
        return _step_page(request, answers, asked, step=step, error=error, values=form, action="/check", back="/",
                          status_code=422)  # fmt: skip
    token = _drafts(request).start([_state(answers, asked), _state(*after)], {}, now=backend.now())
    return _next_page(request, token, [(answers, asked), after])


@router.post("/check/describe")
async def check_describe(request: Request, form: Form) -> Response:
    """A description (or a question) first: what it says is kept, and only the rest is asked."""
    from twitchwise.understand import read
    from twitchwise.understand.words import understood_lines

    backend = backend_of(request)
    text = form.get("description") or ""
    start = backend.start_answers(preferences(request).profile)
    if not isinstance(text, str) or len(text) > MAX_DESCRIPTION:
        error = InputError("description", f"please keep it under {MAX_DESCRIPTION:,} characters")
        return _step_page(request, start, set(), error=error, action="/check", back="/", status_code=422)
    today = backend.today()
    reading = await run_in_threadpool(read, text, backend.kb, today=today)
    answers = overlay(start, reading.answers, today=today, symptom_ids=backend.kb.symptom_ids)
    if guided.current_step(answers, set(), backend.kb, reading.said) is None:
        # the words (or the diary) already settle it
        return await _finish(request, answers, description=text, said=reading.said, about=reading.about)
    meta = {
        "text": text, "said": reading.said, "understood": understood_lines(reading, backend.kb),
        "assumptions": reading.assumptions, "question": reading.question, "about": reading.about,
    }  # fmt: skip
    token = _drafts(request).start([_state(answers, set())], meta, now=backend.now())
    return RedirectResponse(f"/check/d/{token}/0", status_code=303)


@router.get("/check/d/{token}/review")
def check_review(request: Request, token: str) -> Response:
    backend = backend_of(request)
    states, meta = _load(request, token)
    answers, asked = states[-1]
    if guided.current_step(answers, asked, backend.kb, meta.get("said")) is not None:
        return RedirectResponse(f"/check/d/{token}/{len(states) - 1}", status_code=303)
    rows = _review_rows(backend, states)
    return page(request, "check_review.html", rows=rows, token=token, understood=meta.get("understood"),
                about=meta.get("about"), back=f"/check/d/{token}/{len(states) - 2}" if len(states) > 1 else "/check",
                active="check", title="Check: your answers")  # fmt: skip


@router.post("/check/d/{token}/finish")
async def check_finish(request: Request, token: str, form: Form) -> Response:
    states, meta = _load(request, token)
    answers, _ = states[-1]
    said = left_open(meta.get("said") or {}, states[0][0], answers, backend_of(request).kb)
    response = await _finish(request, answers, description=meta.get("text"), said=said, about=meta.get("about"))
    _drafts(request).end(token)
    return response


@router.get("/check/d/{token}/{number}")
def check_step_page(request: Request, token: str, number: int) -> Response:
    backend = backend_of(request)
    found = _step_of(request, token, number)
    if isinstance(found, Response):
        return found
    states, meta, step = found
    values = _given(backend, step, states[number], states[number + 1]) if number + 1 < len(states) else {}
    return _draft_page(request, token, number, states[number], meta, step, values=values)


@router.post("/check/d/{token}/{number}")
def check_step_answer(request: Request, token: str, number: int, form: Form) -> Response:
    backend = backend_of(request)
    found = _step_of(request, token, number)
    if isinstance(found, Response):
        return found
    states, meta, step = found
    answers, asked = states[number]
    try:
        after = _answered(backend, (answers, asked), step, form, meta.get("said"))
        if number + 1 < len(states):
            if _state(*after) == _state(*states[number + 1]):
                return RedirectResponse(f"/check/d/{token}/{number + 1}", status_code=303)  # unchanged: go on
            # A changed answer: keep every other answer given since, and ask only what the change opens.  This
            # page decides alone whether its own questions count as put ("Yes" to a line of signs un-puts them).
            latest = _answered(backend, states[-1], step, form, meta.get("said"))
            own = {q.id for q in step.questions}
            after = (latest[0], (latest[1] - own) | after[1])
    except InputError as error:
        return _draft_page(request, token, number, states[number], meta, step, values=form, error=error)
    states = [*states[: number + 1], after]
    _drafts(request).save(token, [_state(*s) for s in states], now=backend.now())
    return _next_page(request, token, states, meta.get("said"))


# --- helpers -----------------------------------------------------------------------------------


def _drafts(request: Request) -> Drafts:
    backend = backend_of(request)
    return Drafts(backend.diary(preferences(request).profile))


def _step_of(request: Request, token: str, number: int) -> tuple[list[State], dict[str, Any], Step] | Response:
    """Step ``number`` of a draft: its states, its meta and the step; the summary when nothing is left to ask."""
    states, meta = _load(request, token)
    if not 0 <= number < len(states):
        raise HTTPException(404, "no such step in this check")
    answers, asked = states[number]
    step = guided.current_step(answers, asked, backend_of(request).kb, meta.get("said"))
    if step is None:
        return RedirectResponse(f"/check/d/{token}/review", status_code=303)
    return states, meta, step


def _state(answers: Answers, asked: set[str]) -> dict[str, Any]:
    return {"answers": to_builtins(answers), "asked": sorted(asked)}


def _load(request: Request, token: str) -> tuple[list[State], dict[str, Any]]:
    """The draft's states, validated again as answers are; a missing or foreign draft is a 404."""
    backend = backend_of(request)
    found = _drafts(request).get(token)
    if found is None:
        raise HTTPException(404, "this check has ended or was not found; start a new one from Check")
    steps, meta = found
    today, known = backend.today(), set(backend.kb.questions)
    try:
        states = [
            (answers_from_builtins(s["answers"], today=today, symptom_ids=backend.kb.symptom_ids),
             {q for q in s["asked"] if q in known})
            for s in steps
        ]  # fmt: skip
    except (InputError, KeyError, TypeError):
        raise HTTPException(404, "this check can no longer be continued; start a new one from Check") from None
    return states, meta


def _answered(
    backend: Backend, state: State, step: Step, form: dict[str, Any], said: Mapping[str, str] | None = None
) -> State:
    answers, asked = state
    action = form.get("action") or "next"
    after, put = guided.apply(answers, step, form, action="skip" if action == "rest" else action,
                              today=backend.today(), kb=backend.kb)  # fmt: skip
    asked = asked | put
    if action == "rest":  # "Skip the rest": every question for the plan still to come is left out
        while (following := guided.current_step(after, asked, backend.kb, said)) is not None and guided.is_detail(
            following
        ):
            asked |= {q.id for q in following.questions}
    return after, asked


def _next_page(request: Request, token: str, states: list[State], said: Mapping[str, str] | None = None) -> Response:
    backend = backend_of(request)
    answers, asked = states[-1]
    if guided.current_step(answers, asked, backend.kb, said) is None:
        return RedirectResponse(f"/check/d/{token}/review", status_code=303)
    return RedirectResponse(f"/check/d/{token}/{len(states) - 1}", status_code=303)


async def _finish(
    request: Request, answers: Answers, *, description: str | None = None, said: dict[str, str] | None = None,
    about: str | None = None,
) -> Response:  # fmt: skip
    """Nothing left to ask: assess, keep the check in the diary, and show the result (``said``, ``about``: what
    a description left open, and who it was about, as the one-shot check has them)."""
    backend = backend_of(request)
    chosen = preferences(request)
    start = backend.start_answers(chosen.profile)  # what the diary filled in is the diary's, not the person's
    own = beyond(answers, start, today=backend.today(), symptom_ids=backend.kb.symptom_ids)
    assessment = await run_in_threadpool(backend.check, own, preferences=chosen, description=description, said=said,
                                         about=about)  # fmt: skip
    saved = assessment.diary.saved_as if assessment.diary else None
    return RedirectResponse(f"/checks/{saved}", status_code=303)


def _draft_page(
    request: Request, token: str, number: int, state: State, meta: dict[str, Any], step: Step, *,
    values: dict[str, Any], error: InputError | None = None,
) -> Response:  # fmt: skip
    """Step ``number`` of a draft, as first shown or shown again with what to fix; the first step after a
    description also shows what it said."""
    answers, asked = state
    reading = _reading_context(request, answers, meta) if number == 0 and meta else {"about": meta.get("about")}
    back = f"/check/d/{token}/{number - 1}" if number > 0 else "/check"
    return _step_page(request, answers, asked, step=step, error=error, values=values, number=number,
                      action=f"/check/d/{token}/{number}", back=back, status_code=422 if error else 200,
                      **reading)  # fmt: skip


def _given(backend: Backend, step: Step, before: State, after: State) -> dict[str, Any]:
    """The replies this step already had (after Back), in the form's own field names."""
    data = to_builtins(after[0])
    symptoms: dict[str, Any] = data.get("symptoms", {})  # type: ignore[assignment]
    values: dict[str, Any] = {}
    if step.is_checklist:
        for line in guided.items(step, backend.kb, before[0]):
            replies = {symptoms.get(q.id, "missing") for q in line.questions}
            if True in replies:
                values[line.key] = "yes"
            elif replies == {False}:
                values[line.key] = "no"
            elif replies == {None}:
                # A line of several signs answered "Yes" leaves them not sure and not put (asked one by one
                # next); answered "Not sure", they are put.
                put = {q.id for q in line.questions} <= after[1]
                values[line.key] = "unsure" if put or len(line.questions) == 1 else "yes"
        return values
    for question in step.questions:
        if question.kind == "yes_no_unsure":
            reply = symptoms.get(question.id, "missing")
            if reply != "missing":
                values[f"q.{question.id}"] = {True: "yes", False: "no", None: "unsure"}[reply]
        elif question.kind != "sites" and data.get(question.id) is not None:
            value = data[question.id]
            values[f"q.{question.id}"] = ("yes" if value else "no") if isinstance(value, bool) else value
    return values


def _review_rows(backend: Backend, states: list[State]) -> list[dict[str, Any]]:
    """Each question put, with its answer in words and the step to change it."""
    kb = backend.kb
    final = to_builtins(states[-1][0])
    symptoms: dict[str, Any] = final.get("symptoms", {})  # type: ignore[assignment]
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    order = {question_id: i for i, question_id in enumerate(kb.questions)}
    for number in range(len(states) - 1):
        put = sorted(states[number + 1][1] - states[number][1] - seen, key=order.__getitem__)
        seen.update(put)
        signs = [q for q in put if kb.questions[q].kind == "yes_no_unsure"]
        if len(signs) > 1 and all(symptoms.get(q) is False for q in signs):
            # A page answered "None of these" is one line of the summary, not five.
            labels = ", ".join(kb.symptoms[q].label for q in signs)
            rows.append({"question": labels[0].upper() + labels[1:], "answer": "None of these", "change": number})
            put = [q for q in put if q not in signs]
        details = [q for q in put if kb.questions[q].kind != "yes_no_unsure"]
        if len(details) > 1 and all(_answer_words(kb.questions[q], final, symptoms) == "Not answered" for q in details):
            labels = ", ".join(kb.questions[q].label for q in details)  # questions for the plan, skipped together
            rows.append({"question": labels[0].upper() + labels[1:], "answer": "Skipped", "change": number})
            put = [q for q in put if q not in details]
        for question_id in put:
            question = kb.questions[question_id]
            rows.append({"question": question.text, "answer": _answer_words(question, final, symptoms),
                         "change": number})  # fmt: skip
    return rows


def _answer_words(question: Question, final: dict[str, Any], symptoms: dict[str, Any]) -> str:
    from twitchwise.triage.wording import listed

    if question.kind == "yes_no_unsure":
        return {True: "Yes", False: "No"}.get(symptoms.get(question.id), "Not sure")  # type: ignore[arg-type]
    value = final.get(question.id)
    if value is None:
        return "Not answered"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return listed(value)
    unit = f" {question.unit}" if question.unit else ""
    return f"{value:g}{unit}" if isinstance(value, float) else f"{value}{unit}"


def _reading_context(request: Request, answers: Answers, meta: dict[str, Any]) -> dict[str, Any]:
    """What the description said, for the first page after it: understood, assumed, any warning or answer."""
    from twitchwise.triage.engine import assess
    from twitchwise.understand.topics import answer, fitting

    backend = backend_of(request)
    services = backend.services(preferences(request))
    checked = assess(answers, backend.kb, today=backend.today(), services=services, said=meta.get("said") or {},
                     about=meta.get("about"))  # fmt: skip
    warning = checked.warning
    words = [p.words for p in checked.possible if warning and p.disposition == warning.disposition and p.words]
    words = [w for w in dict.fromkeys(words) if not any(w != other and w in other for other in words)]
    question = meta.get("question")
    topic = answer(fitting(question, checked), backend.kb, answers) if question in backend.kb.topics else None
    return {"understood": meta.get("understood") or [], "assumptions": meta.get("assumptions") or [],
            "topic": topic, "about_someone_else": meta.get("about") not in (None, "self"), "about": meta.get("about"),
            "warning": warning, "said_words": words}  # fmt: skip


def _step_page(
    request: Request, answers: Answers, asked: set[str], *, step: Step | None = None, error: InputError | None = None,
    values: dict[str, Any] | None = None, status_code: int = 200, action: str, back: str, number: int | None = None,
    **reading: Any,
) -> Response:  # fmt: skip
    backend = backend_of(request)
    step = step or guided.current_step(answers, asked, backend.kb)
    lines = guided.items(step, backend.kb, answers) if step is not None and step.is_checklist else []
    return page(
        request, "check_step.html", status_code, step=step, state=guided.encode(answers, asked),
        error=error, values=values or {}, answered=guided.answered_count(answers, asked), active="check",
        title="Check", action=action, back=back, number=number, lines=lines,
        chosen_sites={f"{s.side}_{s.region}" if s.side else s.region for s in answers.sites or ()},
        max_description=MAX_DESCRIPTION, **reading,
    )  # fmt: skip
