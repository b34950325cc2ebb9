"""Pages of the diary: quick log on the body map, the day log, symptoms, the diary with edit and
delete, and insights with their charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from twitchwise.diary.records import Episode
from twitchwise.diary.summary import summarise
from twitchwise.errors import InputError
from twitchwise.sites import site_name
from twitchwise.web import bodymap, phone_charts
from twitchwise.web.backend import CHARTS, ChartName, backend_of
from twitchwise.web.render import DISPOSITION_ICON, page, preferences
from twitchwise.web.security import CHART_POLICY, posted_form

router = APIRouter(include_in_schema=False)
Form = Annotated[dict[str, Any], Depends(posted_form)]
QUICK_COUNTS = (1, 3, 5, 10, 20, 50)
INTENSITY_WORDS = {1: "barely", 2: "mild", 3: "moderate", 4: "strong", 5: "very strong"}


# --- logging ---------------------------------------------------------------------------------


@router.get("/log")
def log_map(request: Request, done: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """The light log first (one tap a day for each place already logged), then the body map for a detailed one."""
    backend = backend_of(request)
    profile = preferences(request).profile
    latest = backend.diary(profile).latest("episode")
    last = None if latest is None else latest.record
    same = None
    if isinstance(last, Episode):
        key = f"{last.side}_{last.region}" if last.side else last.region
        same = next((area for area in bodymap.all_sites() if area.key == key), None)
    answers = backend.light_today(profile)
    light = [{"key": f"{side}_{region}" if side else region, "label": site_name(region, side),
              "answer": answers.get((region, side), "none" if answers or done else "")}
             for region, side in backend.light_places(profile)]  # fmt: skip
    saved = next((row for row in light if row["key"] == done), None)
    return page(request, "log_map.html", active="log", title="Log a twitch", same=same, light=light, saved=saved,
                light_words=LIGHT_CHOICES)  # fmt: skip


LIGHT_CHOICES = (("none", "None"), ("little", "A little"), ("lot", "A lot"))


@router.post("/log/light")
async def log_light(request: Request, form: Form) -> Response:
    """One tap of the light log; the page comes back (post/redirect/get) showing what was kept."""
    backend = backend_of(request)
    key, amount = str(form.get("site") or ""), str(form.get("amount") or "")
    try:
        region, side = bodymap.site_from_key(key)
    except KeyError:
        return page(request, "error.html", 422, message="site: choose a place from the list", title="Not saved")
    try:
        await run_in_threadpool(backend.light_log, preferences(request).profile, region, side, amount)
    except InputError as error:
        return page(request, "error.html", 422, message=str(error), title="Not saved")
    return RedirectResponse(f"/log?done={key}#light", status_code=303)


@router.get("/log/twitch")
def log_twitch_form(request: Request, site: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    return _twitch_page(request, {"site": site} if site else {})


def _twitch_page(request: Request, values: dict[str, Any], error: InputError | None = None) -> Response:
    site = values.get("site")
    try:
        region, side = bodymap.site_from_key(site) if site else (None, None)
    except KeyError:
        region, side, values = None, None, {k: v for k, v in values.items() if k != "site"}
    return page(
        request, "log_twitch.html", 422 if error else 200, values=values, region=region, side=side,
        error=error, counts=QUICK_COUNTS, intensities=INTENSITY_WORDS, sites=bodymap.all_sites(),
        active="log", title="Log a twitch",
    )  # fmt: skip


@router.post("/log/twitch")
async def log_twitch(request: Request, form: Form) -> Response:
    return await _log(request, "episode", form, lambda error: _twitch_page(request, form, error))


async def _log(
    request: Request, kind: Literal["episode", "day", "symptom"], form: dict[str, Any],
    shown_again: Callable[[InputError], Response],
) -> Response:  # fmt: skip
    """Save one entry from a form and show it in the diary, or show the form again saying what to fix."""
    backend = backend_of(request)
    try:
        stored = await run_in_threadpool(backend.log_from_form, kind, form, preferences(request).profile)
    except InputError as error:
        return shown_again(error)
    return RedirectResponse(f"/diary?logged={stored.id}", status_code=303)


@router.get("/log/day")
def log_day_form(request: Request) -> Response:
    return page(request, "log_day.html", values={}, active="log", title="Log your day")


@router.post("/log/day")
async def log_day(request: Request, form: Form) -> Response:
    form["medicine"] = [m.strip() for m in (form.get("medicines") or "").split(",") if m.strip()]
    return await _log(
        request, "day", form,
        lambda error: page(request, "log_day.html", 422, values=form, error=error, active="log", title="Log your day"),
    )  # fmt: skip


@router.get("/log/symptom")
def log_symptom_form(request: Request) -> Response:
    return _symptom_page(request, {})


def _symptom_page(request: Request, values: dict[str, Any], error: InputError | None = None) -> Response:
    symptoms = backend_of(request).kb.symptoms
    return page(request, "log_symptom.html", 422 if error else 200, values=values, error=error, symptoms=symptoms,
                sites=bodymap.all_sites(), active="log", title="Log a symptom")  # fmt: skip


@router.post("/log/symptom")
async def log_symptom(request: Request, form: Form) -> Response:
    form["absent"] = form.get("state") == "absent"
    return await _log(request, "symptom", form, lambda error: _symptom_page(request, form, error))


@router.post("/log/none")
async def log_none(request: Request, form: Form) -> Response:
    backend = backend_of(request)
    stored = await run_in_threadpool(backend.mark_twitch_free, preferences(request).profile, None)
    return RedirectResponse(f"/diary?logged={stored.id}", status_code=303)


# --- the diary -------------------------------------------------------------------------------


@router.get("/diary")
def diary(
    request: Request,
    days: Annotated[int, Query(ge=1, le=3650)] = 14,
    logged: Annotated[str | None, Query(max_length=14)] = None,
    deleted: Annotated[str | None, Query(max_length=14)] = None,
) -> Response:
    backend = backend_of(request)
    profile = preferences(request).profile
    entries = backend.entries(profile, days)
    summary = summarise(entries, today=backend.today(), days=days)
    sites_by_day: dict[dt.date, list[str]] = {}
    for stored in entries:
        if isinstance(stored.record, Episode):
            sites_by_day.setdefault(stored.record.at.date(), []).append(stored.record.region.replace("_", " "))
    just_logged = _find(backend, profile, logged)
    advice = backend.advice(profile, preferences(request))
    return page(
        request, "diary.html", entries=list(reversed(entries)), days=days, summary=summary, advice=advice,
        icons=DISPOSITION_ICON, chart=phone_charts.diary_chart(summary, sites_by_day),
        logged=just_logged, deleted=deleted if deleted and deleted.isalnum() else None, active="diary", title="Diary",
    )  # fmt: skip


def _find(backend: Any, profile: str, short_id: str | None) -> Any:
    if not short_id:
        return None
    try:
        return backend.diary(profile).get(short_id)
    except InputError:
        return None


@router.get("/diary/{entry_id}/edit")
def edit_form(request: Request, entry_id: str) -> Response:
    stored = backend_of(request).diary(preferences(request).profile).get(entry_id)
    return page(request, "edit.html", stored=stored, values={}, sites=bodymap.all_sites(), active="diary",
                title=f"Change {stored.id}")  # fmt: skip


@router.post("/diary/{entry_id}/edit")
async def edit(request: Request, entry_id: str, form: Form) -> Response:
    backend = backend_of(request)
    profile = preferences(request).profile
    stored = backend.diary(profile).get(entry_id)
    given = {k: v for k, v in form.items() if v is not None and k != "csrf_token"}
    try:
        changed = await run_in_threadpool(backend.edit_from_form, profile, entry_id, given)
    except InputError as error:
        return page(request, "edit.html", 422, stored=stored, values=form, error=error, sites=bodymap.all_sites(),
                    active="diary", title=f"Change {stored.id}")  # fmt: skip
    return RedirectResponse(f"/diary?logged={changed.id}", status_code=303)


@router.get("/diary/{entry_id}/delete")
def delete_form(request: Request, entry_id: str) -> Response:
    stored = backend_of(request).diary(preferences(request).profile).get(entry_id)
    return page(request, "delete.html", stored=stored, active="diary", title=f"Delete {stored.id}")


@router.post("/diary/{entry_id}/delete")
async def delete(request: Request, entry_id: str, form: Form) -> Response:
    backend = backend_of(request)
    stored = await run_in_threadpool(backend.delete, preferences(request).profile, entry_id)
    return RedirectResponse(f"/diary?deleted={stored.id}", status_code=303)


# --- insights --------------------------------------------------------------------------------


@router.get("/insights")
async def insights_page(request: Request) -> Response:
    backend = backend_of(request)
    from twitchwise.insights.charts import sites_table, weekly_by_site
    from twitchwise.insights.report import insights
    from twitchwise.insights.table import daily_table

    today = backend.today()
    entries = await run_in_threadpool(backend.insight_entries, preferences(request).profile)  # read once, for all
    result = await run_in_threadpool(lambda: insights(entries, today=today))
    table = daily_table(entries, today=today)
    weekly = weekly_by_site(entries, today=today)
    weeks, site_rows = sites_table(weekly, today=today)
    return page(request, "insights.html", result=result, charts=CHARTS, active="insights", title="Insights",
                weeks=weeks, site_rows=site_rows, day_charts=phone_charts.day_charts(table) if table else [],
                site_charts=phone_charts.site_charts(weekly, today=today))  # fmt: skip


@router.get("/report")
async def report_page(request: Request) -> Response:
    return page(request, "report.html", today=backend_of(request).today(), active="report", title="Report")


@router.get("/report/download")
async def report_download(
    request: Request, format: Literal["pdf", "html"] = "pdf", start: str = "", end: str = ""
) -> Response:
    backend = backend_of(request)
    first, last = _optional_day(start, "from"), _optional_day(end, "to")
    data = await run_in_threadpool(backend.report, preferences(request).profile, start=first, end=last, fmt=format)
    name = f"twitchwise-report-{backend.today()}.{format}"
    media = "application/pdf" if format == "pdf" else "text/html; charset=utf-8"
    return Response(data, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})


@router.get("/export")
async def export_download(request: Request, format: Literal["json", "fhir"] = "json") -> Response:
    backend = backend_of(request)
    data = await run_in_threadpool(backend.export, preferences(request).profile, format)
    name = f"twitchwise-{'fhir-bundle' if format == 'fhir' else 'diary'}-{backend.today()}.json"
    media = "application/fhir+json" if format == "fhir" else "application/json"
    return Response(data, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})


def _optional_day(text: str, field: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(field, "expected a date as YYYY-MM-DD") from None


@router.get("/charts/{name}.svg")
async def chart(request: Request, name: Literal["timeline", "forest", "sites"]) -> Response:
    backend = backend_of(request)
    chart_name: ChartName = name
    svg = await run_in_threadpool(backend.chart_svg, preferences(request).profile, chart_name)
    if svg is None:
        raise InputError("chart", "nothing to draw yet")
    return Response(svg, media_type="image/svg+xml", headers={"content-security-policy": CHART_POLICY})
