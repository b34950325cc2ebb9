"""``/api/v1``: the JSON API over the same services as the pages.

Bodies are decoded strictly by msgspec into the core's own structs, and the OpenAPI schema is
generated from those structs (``schemas.components``).  Every refusal is a 4xx ``ErrorOut``
naming the field; nothing is written when a request is refused.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from twitchwise import __version__
from twitchwise.answers import Answers, check_answers
from twitchwise.diary.records import MAX_PROFILE, PROFILE_PATTERN
from twitchwise.diary.summary import summarise
from twitchwise.errors import InputError, from_validation_message
from twitchwise.web import schemas
from twitchwise.web.backend import Preferences, backend_of
from twitchwise.web.schemas import DiaryListing, EntryChanges, Health, TextBody, TwitchFreeIn

MAX_BODY = 1_000_000
ProfileQuery = Annotated[
    str, Query(min_length=1, max_length=MAX_PROFILE, pattern=PROFILE_PATTERN, description="whose diary (default: me)")
]
DiaryQuery = Annotated[bool, Query(description="read the diary and keep the check in it")]
LocaleQuery = Annotated[str | None, Query(max_length=20, description="e.g. en_GB, for the emergency number")]
REFUSED: dict[int | str, dict[str, Any]] = {
    "4XX": schemas.json_response("ErrorOut", "Refused: the field and the problem, never the value sent")
}

router = APIRouter(prefix="/api/v1", responses=REFUSED)


def _json(value: Any, status_code: int = 200) -> Response:
    return Response(msgspec.json.encode(value), status_code=status_code, media_type="application/json")


async def _limited_body(request: Request, whole: str) -> bytes:
    """The body, read while counting: refused as soon as it passes 1 MB (never buffered whole first)."""
    declared = request.headers.get("content-length", "")
    if declared and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise InputError(whole, "the body is larger than 1 MB")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise InputError(whole, "the body is larger than 1 MB")
        chunks.append(chunk)
    return b"".join(chunks)


async def _body(request: Request, shape: type[Any], whole: str) -> Any:
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise InputError("content-type", "send the body as application/json")
    raw = await _limited_body(request, whole)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(whole, "the body is not valid UTF-8 text") from None
    try:
        return msgspec.json.decode(raw, type=shape, strict=True)
    except msgspec.ValidationError as error:
        raise from_validation_message(str(error), whole=whole) from None
    except msgspec.DecodeError:
        raise InputError(whole, "not valid JSON (expected one JSON object)") from None


@router.get("/health", summary="Is the app up", responses={200: schemas.json_response("Health", "Up")})
def health() -> Response:
    return _json(Health("ok", __version__))


@router.post(
    "/check",
    summary="Assess structured answers (the check contract)",
    description="The body is the contract's structured answers; the response is `twitchwise check --json`. "
    "With `diary=true` (the default) the profile's diary adds what it shows over time, and the check is kept "
    "in it.",
    openapi_extra=schemas.json_body("Answers"),
    responses={200: schemas.json_response("Assessment", "The assessment")},
)
async def check(
    request: Request,
    profile: ProfileQuery = "me",
    diary: DiaryQuery = True,
    locale: LocaleQuery = None,
) -> Response:
    backend = backend_of(request)
    answers = await _body(request, Answers, "answers")
    answers = check_answers(answers, today=backend.today(), symptom_ids=backend.kb.symptom_ids)
    preferences = Preferences(profile=profile, locale=locale)
    assessment = await run_in_threadpool(backend.check, answers, preferences=preferences, use_diary=diary)
    return _json(assessment)


@router.post(
    "/check/text",
    summary="Assess a description in the person's own words",
    description='The body is `{"text": "..."}`; the response is `twitchwise check --text ... --json`: '
    "the contract, with `understood` read from the words and a `from_text` block (assumptions, what was "
    "not sure, and the answer to a question).",
    openapi_extra=schemas.json_body("TextBody"),
    responses={200: schemas.json_response("Assessment", "The assessment")},
)
async def check_text(
    request: Request,
    profile: ProfileQuery = "me",
    diary: DiaryQuery = True,
    locale: LocaleQuery = None,
) -> Response:
    from twitchwise.understand import read
    from twitchwise.understand.output import contract_json

    backend = backend_of(request)
    body = await _body(request, TextBody, "text")
    if not body.text.strip():
        raise InputError("text", "describe the twitching in a few words")
    reading = await run_in_threadpool(read, body.text, backend.kb, today=backend.today())
    preferences = Preferences(profile=profile, locale=locale)
    assessment = await run_in_threadpool(
        backend.check,
        reading.answers,
        preferences=preferences,
        use_diary=diary,
        said=reading.said,
        about=reading.about,
        description=body.text,
    )
    return _json(contract_json(assessment, reading, backend.kb))


@router.get(
    "/diary",
    summary="The diary's entries and a per-day summary",
    responses={200: schemas.json_response("DiaryListing", "Entries in time order, with episodes a day")},
)
def diary(request: Request, profile: ProfileQuery = "me", days: Annotated[int, Query(ge=1, le=36500)] = 14) -> Response:
    backend = backend_of(request)
    entries = backend.entries(profile, days)
    summary = summarise(entries, today=backend.today(), days=days)
    listing = DiaryListing(
        entries=[schemas.entry(s) for s in entries], days=summary.days, recorded_days=summary.recorded_days,
        episodes=summary.episodes, by_site=summary.by_site,
    )  # fmt: skip
    return _json(listing)


def _logger(kind: Literal["episode", "day", "symptom"], shape: type[Any], name: str, summary: str) -> None:
    async def log(request: Request, profile: ProfileQuery = "me") -> Response:
        backend = backend_of(request)
        record = await _body(request, shape, kind)
        stored = await run_in_threadpool(backend.log_record, kind, msgspec.structs.asdict(record), profile)
        advice = await run_in_threadpool(backend.advice, profile)
        return _json(schemas.entry(stored, advice), 201)

    router.add_api_route(
        f"/diary/{name}", log, methods=["POST"], summary=summary, status_code=201,
        openapi_extra=schemas.json_body(shape.__name__),
        responses={201: schemas.entry_response("Logged")}, name=f"log_{kind}",
    )  # fmt: skip


_logger("episode", schemas.EpisodeIn, "episodes", "Log a twitch episode")
_logger("day", schemas.DayIn, "days", "Log a day's factors (a second one for the date updates it)")
_logger("symptom", schemas.SymptomIn, "symptoms", "Log a symptom, present or absent")


@router.post(
    "/diary/twitch-free",
    summary="Record a day without twitching (a day without a log is unknown, not zero)",
    status_code=201,
    openapi_extra=schemas.json_body("TwitchFreeIn"),
    responses={201: schemas.entry_response("Logged")},
)
async def twitch_free(request: Request, profile: ProfileQuery = "me") -> Response:
    backend = backend_of(request)
    body = await _body(request, TwitchFreeIn, "body")
    stored = await run_in_threadpool(backend.mark_twitch_free, profile, body.day)
    advice = await run_in_threadpool(backend.advice, profile)
    return _json(schemas.entry(stored, advice), 201)


@router.get("/diary/{entry_id}", summary="One entry", responses={200: schemas.entry_response("The entry")})
def get_entry(request: Request, entry_id: str, profile: ProfileQuery = "me") -> Response:
    return _json(schemas.entry(backend_of(request).diary(profile).get(entry_id)))


@router.patch(
    "/diary/{entry_id}",
    summary="Change fields of an entry",
    openapi_extra=schemas.json_body("EntryChanges"),
    responses={200: schemas.entry_response("The entry as changed")},
)
async def edit_entry(request: Request, entry_id: str, profile: ProfileQuery = "me") -> Response:
    backend = backend_of(request)
    changes = await _body(request, EntryChanges, "changes")
    given = msgspec.to_builtins(changes)
    if not given:
        raise InputError("changes", "give at least one field to change")
    stored = await run_in_threadpool(backend.edit_record, profile, entry_id, given)
    advice = await run_in_threadpool(backend.advice, profile)
    return _json(schemas.entry(stored, advice))


@router.delete("/diary/{entry_id}", summary="Delete an entry", responses={200: schemas.entry_response("Deleted")})
def delete_entry(request: Request, entry_id: str, profile: ProfileQuery = "me") -> Response:
    return _json(schemas.entry(backend_of(request).delete(profile, entry_id)))


@router.get(
    "/insights",
    summary="Which factors go with more twitching for this person, honestly",
    responses={200: schemas.json_response("Insights", "The analysis, or why there is not enough data yet")},
)
def get_insights(request: Request, profile: ProfileQuery = "me") -> Response:
    return _json(backend_of(request).insights(profile))
