"""The services the pages and the API share: one open database, the knowledge base, the clock.

Each method does one thing a person can do — check, log, list, edit, delete, analyse — through
the same core functions the CLI calls, so a page, an API call and a command agree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from twitchwise.answers import Answers
from twitchwise.diary import entry_input, records
from twitchwise.diary.link import DiaryLink
from twitchwise.diary.records import Check, Day, Episode, Stored
from twitchwise.diary.store import Diary, Store
from twitchwise.errors import InputError
from twitchwise.insights.report import Insights, insights
from twitchwise.kb import load_knowledge_base
from twitchwise.services import services_for
from twitchwise.sites import site_name
from twitchwise.triage.assessment import Assessment, DiaryAdvice
from twitchwise.triage.engine import Services, assess
from twitchwise.web.settings import WebSettings

ChartName = Literal["timeline", "forest", "sites"]
CHARTS: tuple[ChartName, ...] = ("timeline", "sites", "forest")
_CHART_LOCK = threading.Lock()  # matplotlib's pyplot state is not thread-safe


@dataclass(frozen=True)
class Preferences:
    """What a person sets on the settings page (kept in a cookie; no health data)."""

    profile: str = "me"
    units: Literal["metric", "us"] = "metric"
    locale: str | None = None
    emergency_number: str | None = None


@dataclass(frozen=True)
class Status:
    """The home page's summary of one profile."""

    last_check: Stored | None
    days_logged: int  # of the last 14
    logged_today: bool
    episodes_today: int


def backend_of(request: Any) -> Backend:
    """The app's backend, from a request (FastAPI keeps it in ``app.state``)."""
    backend: Backend = request.app.state.backend
    return backend


# The light log: one tap a day per place (issue: logging that does not feed anxiety).  A little and a lot are
# kept as an episode of intensity 2 or 4, so the diary, insights and the report read them like any other.
LIGHT_INTENSITY = {"little": 2, "lot": 4}
LIGHT_BY_INTENSITY = {2: "little", 4: "lot"}
LIGHT_WORDS = {"none": "none", "little": "a little", "lot": "a lot"}


def light_uid(profile: str, day: dt.date, region: str, side: str | None) -> str:
    """One light-log record per place per day: tapping again finds and replaces it."""
    key = f"light\x00{profile}\x00{day.isoformat()}\x00{region}\x00{side or ''}"
    return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


class Backend:
    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.kb = load_knowledge_base()
        self.store = Store(settings.database_url)

    def close(self) -> None:
        self.store.close()

    # --- time and place -------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.settings.now()

    def today(self) -> dt.date:
        return self.now().date()

    def services(self, preferences: Preferences) -> Services:
        return services_for(
            self.kb, self.settings.environ or {}, locale=preferences.locale,
            emergency_number=preferences.emergency_number,
        )  # fmt: skip

    def diary(self, profile: str) -> Diary:
        return self.store.diary(profile)

    # --- check ----------------------------------------------------------------------------

    def start_answers(self, profile: str) -> Answers:
        """What the diary already shows, as the guided check's starting answers."""
        return DiaryLink(self.store, profile).evidence(self.today()).apply(Answers())

    def check(
        self,
        given: Answers,
        *,
        preferences: Preferences,
        use_diary: bool = True,
        said: dict[str, str] | None = None,
        about: str | None = None,
        description: str | None = None,
    ) -> Assessment:
        """Assess; with the diary, add what it shows over time and keep the check in it (with ``description``, the
        words the person typed, for the doctor's report).

        ``said``: the description's words behind each symptom it left "not sure" (``Reading.said``).
        """
        today = self.today()
        services = self.services(preferences)
        if not use_diary:
            return assess(given, self.kb, today=today, services=services, said=said, about=about)
        link = DiaryLink(self.store, preferences.profile)
        evidence = link.evidence(today)
        assessment = assess(evidence.apply(given), self.kb, today=today, services=services, said=said, about=about)
        return link.record(given, assessment, evidence, today=today, now=self.now(), description=description)

    def stored_check(
        self, profile: str, short_id: str, *, emergency_number: str | None = None
    ) -> tuple[Stored, Assessment]:
        """A kept check and its result; with ``emergency_number``, every "call <number>" in it says the number
        the person has now (a result kept before a change of country must not show the old one)."""
        import msgspec

        stored = self.diary(profile).get(short_id)
        if not isinstance(stored.record, Check):
            raise InputError("id", "not a check")
        result = stored.record.result
        old = str(result.get("detail", {}).get("emergency_number") or "")
        if emergency_number and old and old != emergency_number:
            result = _renumbered(result, old, emergency_number)
        return stored, msgspec.convert(result, Assessment)

    # --- diary ----------------------------------------------------------------------------

    def status(self, profile: str) -> Status:
        from twitchwise.diary.evidence import recorded_days

        today = self.today()
        entries = self.diary(profile).list(start=today - dt.timedelta(days=13), end=today)
        counts = recorded_days(entries, today=today)
        return Status(
            last_check=self.diary(profile).latest("check"),
            days_logged=len(counts),
            logged_today=today in counts,
            episodes_today=counts.get(today) or 0,
        )

    def entries(self, profile: str, days: int) -> list[Stored]:
        if not 1 <= days <= 36500:
            raise InputError("days", "must be between 1 and 36500")
        today = self.today()
        return self.diary(profile).list(start=today - dt.timedelta(days=days - 1), end=today)

    def log_from_form(self, kind: Literal["episode", "day", "symptom"], raw: Mapping[str, Any], profile: str) -> Stored:
        """A diary entry from what a person typed into a form."""
        now, today = self.now(), self.today()
        record: records.Record
        if kind == "episode":
            record = records.build(records.Episode, entry_input.episode_fields(raw, now=now), today=today)
        elif kind == "day":
            fields = entry_input.day_fields(raw, today=today, kb=self.kb)
            record = records.build(records.Day, fields, today=today)
        else:
            fields = entry_input.symptom_fields(raw, now=now, kb=self.kb)
            record = records.build(records.Symptom, fields, today=today)
        uid = str(raw.get("uid") or "")
        if kind != "day" and records.UID.fullmatch(uid):
            # The form's own id: a form sent twice (a double tap, or a phone that queued it offline and sends
            # it again) is saved once, and the second sending finds the first.
            record = msgspec.structs.replace(record, uid=uid)
            existing = self.diary(profile).with_uid(kind, uid)
            if existing is not None:
                return existing
        return self.diary(profile).add(record)

    def log_record(self, kind: Literal["episode", "day", "symptom"], data: Mapping[str, Any], profile: str) -> Stored:
        """A diary entry from a program: the record's own fields, validated strictly."""
        record: records.Record
        if kind == "episode":
            record = records.build(records.Episode, dict(data), today=self.today())
        elif kind == "day":
            record = records.build(records.Day, dict(data), today=self.today())
        else:
            record = records.build(records.Symptom, dict(data), today=self.today())
        if isinstance(record, records.Symptom) and record.symptom not in self.kb.symptoms:
            raise InputError("symptom", "unknown symptom id (see GET /api/v1/kb/symptoms)")
        return self.diary(profile).add(record)

    def mark_twitch_free(self, profile: str, day: dt.date | None = None) -> Stored:
        today = self.today()
        return self.diary(profile).mark_twitch_free(day or today, today=today)

    def same_advice_count(self, profile: str, stored: Stored) -> int:
        """How many checks in the week up to this one gave the same advice for the same reasons (this one too):
        at three or more, a gentle note says that checking again will not change the answer."""
        record = stored.record
        assert isinstance(record, Check)
        start = record.at - dt.timedelta(days=7)
        week = self.diary(profile).list(kinds=("check",), start=start.date(), end=record.at.date())
        reasons = {f["id"] for f in record.result.get("red_flags", [])}
        return sum(
            1 for other in (s.record for s in week)
            if isinstance(other, Check) and start <= other.at <= record.at and other.disposition == record.disposition
            and {f["id"] for f in other.result.get("red_flags", [])} == reasons
        )  # fmt: skip

    def repeated_checks(self, profile: str) -> tuple[int, str] | None:
        """When the latest check, this week, was the third or more with the same advice for the same reasons:
        (how many, that advice), so a new check starts with the same gentle note the result gives."""
        latest = self.diary(profile).latest("check")
        if latest is None or not isinstance(latest.record, Check):
            return None
        if latest.record.at.date() < self.today() - dt.timedelta(days=6):
            return None
        count = self.same_advice_count(profile, latest)
        return (count, latest.record.disposition) if count >= 3 else None

    def light_places(self, profile: str) -> list[tuple[str, str | None]]:
        """The places this person has logged in the last 60 days, most recent first (at most six): the light log's
        rows."""
        today = self.today()
        episodes = self.diary(profile).list(kinds=("episode",), start=today - dt.timedelta(days=60), end=today)
        places: dict[tuple[str, str | None], None] = {}
        for stored in sorted(episodes, key=lambda s: s.record.at, reverse=True):  # type: ignore[union-attr]
            record = stored.record
            if isinstance(record, Episode) and record.region != "widespread":
                places.setdefault((record.region, record.side), None)
        return list(places)[:6]

    def light_today(self, profile: str) -> dict[tuple[str, str | None], str]:
        """Today's light-log answer for each place ("little" or "lot"); places not answered are absent."""
        found: dict[tuple[str, str | None], str] = {}
        today = self.today()
        for stored in self.diary(profile).list(kinds=("episode",), start=today, end=today):
            record = stored.record
            if isinstance(record, Episode) and record.uid == light_uid(profile, today, record.region, record.side):
                found[(record.region, record.side)] = LIGHT_BY_INTENSITY.get(record.intensity or 0, "little")
        return found

    def light_log(self, profile: str, region: str, side: str | None, amount: str) -> str:
        """One tap of the light log: today at this place, none, a little or a lot.  Tapping again replaces the
        answer (one record per place per day); "none" removes it and, when nothing else twitched today, marks
        the day twitch-free.  Returns what the diary now says, in words."""
        if amount not in ("none", "little", "lot"):
            raise InputError("amount", "choose none, a little or a lot")
        today, diary = self.today(), self.diary(profile)
        uid = light_uid(profile, today, region, side)
        existing = diary.with_uid("episode", uid)
        place = site_name(region, side)
        if amount == "none":
            if existing is not None:
                diary.delete(existing.id)
            if not diary.list(kinds=("episode",), start=today, end=today) and not any(
                isinstance(s.record, Day) and s.record.twitch_free for s in diary.list(kinds=("day",), start=today,
                                                                                        end=today)
            ):  # fmt: skip
                self.mark_twitch_free(profile, today)
            return f"No twitching at your {place} today."
        intensity = LIGHT_INTENSITY[amount]
        note = f"Light log: {LIGHT_WORDS[amount]}"
        if existing is not None:
            diary.replace(existing.id, {"intensity": intensity, "note": note}, today=today)
        else:
            at = self.now().replace(second=0, microsecond=0)
            self.log_record("episode", {"uid": uid, "at": at, "region": region, "side": side,
                                        "intensity": intensity, "note": note}, profile)  # fmt: skip
        return f"{LIGHT_WORDS[amount].capitalize()} of twitching at your {place} today."

    def edit_from_form(self, profile: str, short_id: str, raw: Mapping[str, Any]) -> Stored:
        kind = self.diary(profile).get(short_id).kind
        changes = entry_input.edit_changes(kind, raw, now=self.now(), kb=self.kb)
        return self.diary(profile).replace(short_id, changes, today=self.today())

    def advice(self, profile: str, preferences: Preferences | None = None) -> DiaryAdvice:
        """What the diary alone says now (re-run after every write)."""
        services = self.services(preferences or Preferences(profile=profile))
        return DiaryLink(self.store, profile).advice(self.kb, today=self.today(), services=services)

    def edit_record(self, profile: str, short_id: str, changes: Mapping[str, Any]) -> Stored:
        entry_input.refuse_uneditable(self.diary(profile).get(short_id).kind, changes)
        return self.diary(profile).replace(short_id, dict(changes), today=self.today())

    def delete(self, profile: str, short_id: str) -> Stored:
        return self.diary(profile).delete(short_id)

    # --- insights -------------------------------------------------------------------------

    def insight_entries(self, profile: str) -> list[Stored]:
        """What the insights and their charts read: the episodes and days up to today."""
        return self.diary(profile).list(kinds=("episode", "day"), end=self.today())

    def insights(self, profile: str) -> Insights:
        return insights(self.insight_entries(profile), today=self.today())

    def report(self, profile: str, *, start: dt.date | None, end: dt.date | None, fmt: Literal["pdf", "html"]) -> bytes:
        """The doctor's report of this profile's diary, as PDF or HTML bytes."""
        from twitchwise.report import content, render

        today = self.today()
        end = end or today
        if end > today:
            raise InputError("to", "is in the future")
        if start is not None and start > end:
            raise InputError("from", "is after the last day")
        entries = self.diary(profile).list(end=end)
        with _CHART_LOCK:
            report = content.build_report(entries, self.kb, today=today, start=start, end=end)
            return render.pdf(report) if fmt == "pdf" else render.html(report).encode("utf-8")

    def export(self, profile: str, fmt: Literal["json", "fhir"]) -> bytes:
        """The whole diary of this profile: twitchwise's own JSON, or a FHIR R4 Bundle."""
        from twitchwise.diary import transfer

        if fmt == "fhir":
            return transfer.export_fhir(self.store, profile, now=self.now())
        return transfer.export_json(self.store, [profile])

    def chart_svg(self, profile: str, name: ChartName) -> str | None:
        """One chart as SVG text, or None when there is nothing to draw yet."""
        from twitchwise.insights import charts
        from twitchwise.insights.table import daily_table

        today = self.today()
        entries = self.insight_entries(profile)
        with _CHART_LOCK:
            if name == "sites":
                return charts.svg(charts.sites_figure(entries, today=today))
            if name == "timeline":
                table = daily_table(entries, today=today)
                return None if table is None else charts.svg(charts.timeline_figure(table))
            result = insights(entries, today=today)
            return charts.svg(charts.forest_figure(result)) if result.status == "ok" else None


def _renumbered(value: Any, old: str, new: str) -> Any:
    """``value`` with "call <old>" made "call <new>" in every string, and the number itself replaced."""
    import re

    from twitchwise.jsonish import map_strings

    call = re.compile(rf"(?<=[Cc]all ){re.escape(old)}\b")
    return map_strings(value, lambda text: new if text == old else call.sub(new, text))
