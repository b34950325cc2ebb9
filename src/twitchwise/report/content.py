"""What the report says, gathered from the diary as plain data (no HTML, no I/O).

Everything shown traces to the diary or to a stored check: the dispositions and red flags come
from the checks' own results (with their sources), the pertinent negatives from the latest
check's reassuring answers and from symptoms logged as absent.  Nothing here ranks diseases.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from twitchwise.diary.records import Check, Day, Episode, Stored, Symptom, moment_of
from twitchwise.insights.report import Insights, insights
from twitchwise.kb.models import KnowledgeBase
from twitchwise.sites import site_name

MAX_CHECKS = 8  # rows of the dispositions table; older checks are counted, not listed
MAX_NOTES = 6  # the newest, on page one; so the report stays at two or three pages
SEX_WORDS = {"female": "woman", "male": "man", "other": "person"}


@dataclass(frozen=True)
class SiteCount:
    region: str
    side: str | None
    label: str
    episodes: int
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class CheckRow:
    at: dt.datetime
    disposition: str
    label: str
    red_flags: list[tuple[str, list[str]]]  # (title, source ids)


@dataclass(frozen=True)
class FactorRow:
    label: str
    days: int
    typical: str  # "median 300 mg (range 100–500)" or "on 4 of 20 days"
    against: str = ""  # against its knowledge-base threshold: "above 400 mg on 12 of 30 days [S9, S14, S15]"


@dataclass(frozen=True)
class MedicineRow:
    name: str
    first: dt.date | None  # None: named at a check, not logged in the diary
    last: dt.date | None
    days: int


@dataclass(frozen=True)
class NoteRow:
    day: dt.date
    what: str
    text: str


@dataclass(frozen=True)
class SourceRow:
    id: str
    title: str
    publisher: str
    url: str | None


@dataclass
class ReportContent:
    generated: dt.date
    start: dt.date
    end: dt.date
    who: str | None
    question: str
    episodes: int
    recorded_days: int
    twitch_free_days: int
    period_days: int
    sites: list[SiteCount]
    checks: list[CheckRow]
    earlier_checks: int
    negatives: list[str]
    positives: list[str]
    factors: list[FactorRow]
    insights: Insights
    medicines: list[MedicineRow]
    notes: list[NoteRow]
    more_notes: int
    sources: list[SourceRow] = field(default_factory=list)
    entries: Sequence[Stored] = ()
    concern: tuple[dt.date, str] | None = None  # the description typed at the latest check that had one

    @property
    def latest(self) -> CheckRow | None:
        return self.checks[0] if self.checks else None


def build_report(
    entries: Sequence[Stored], kb: KnowledgeBase, *, today: dt.date, start: dt.date | None = None,
    end: dt.date | None = None,
) -> ReportContent:  # fmt: skip
    """The report of ``entries`` between ``start`` and ``end`` (default: the whole diary to today)."""
    end = min(end or today, today)
    first_known = min((moment_of(s.record).date() for s in entries), default=end)
    start = start or first_known
    inside = [s for s in entries if start <= moment_of(s.record).date() <= end]
    episodes = [s.record for s in inside if isinstance(s.record, Episode)]
    days = [s.record for s in inside if isinstance(s.record, Day)]
    symptoms = [s.record for s in inside if isinstance(s.record, Symptom)]
    checks = sorted((s.record for s in inside if isinstance(s.record, Check)), key=lambda c: c.at, reverse=True)
    episode_days = {e.at.date() for e in episodes}
    free_days = {d.day for d in days if d.twitch_free and d.day not in episode_days}
    sites = _sites(episodes)
    latest_answers = checks[0].answers if checks else {}
    notes = _notes(inside)
    return ReportContent(
        generated=today, start=start, end=end,
        who=_who(latest_answers),
        question=_question(sites, episodes, checks, entries),
        episodes=len(episodes), recorded_days=len(episode_days | free_days), twitch_free_days=len(free_days),
        period_days=(end - start).days + 1,
        sites=sites,
        checks=[_check_row(c, kb) for c in checks[:MAX_CHECKS]], earlier_checks=max(0, len(checks) - MAX_CHECKS),
        negatives=_negatives(checks, symptoms, kb), positives=_positives(checks, symptoms, kb),
        factors=_factors(days, kb), insights=insights(inside, today=end),
        medicines=_medicines(days, latest_answers),
        notes=notes[:MAX_NOTES], more_notes=max(0, len(notes) - MAX_NOTES),
        sources=_sources(checks, kb), entries=inside, concern=_concern(checks),
    )  # fmt: skip


MAX_CONCERN = 600  # characters of the person's description on page 1; the rest is marked as cut


def _concern(checks: Sequence[Check]) -> tuple[dt.date, str] | None:
    """The person's concern in their own words: what they typed at the latest check that had a description."""
    for check in checks:
        text = check.result.get("description")
        if isinstance(text, str) and text.strip():
            words = " ".join(text.split())
            return check.at.date(), words if len(words) <= MAX_CONCERN else words[:MAX_CONCERN].rstrip() + " …"
    return None


def _who(answers: dict[str, Any]) -> str | None:
    age, sex = answers.get("age"), answers.get("sex")
    if age is None and sex is None:
        return None
    noun = SEX_WORDS.get(str(sex), "person")
    return f"{age}-year-old {noun}" if age is not None else noun.capitalize()


def _sites(episodes: Sequence[Episode]) -> list[SiteCount]:
    found: dict[tuple[str, str | None], list[dt.date]] = {}
    for episode in episodes:
        found.setdefault((episode.region, episode.side), []).append(episode.at.date())
    rows = [SiteCount(region, side, site_name(region, side), len(dates), min(dates), max(dates))
            for (region, side), dates in found.items()]  # fmt: skip
    return sorted(rows, key=lambda r: (-r.episodes, r.label))


def _question(
    sites: Sequence[SiteCount], episodes: Sequence[Episode], checks: Sequence[Check], every: Sequence[Stored]
) -> str:
    """ "Twitching in the left calf and right thigh since 3 November 2026"."""
    places = [s.label for s in sites[:3]]
    if not places and checks:
        places = [site_name(s["region"], s.get("side")) for s in checks[0].answers.get("sites", [])][:3]
    where = " in the " + _join(places) if places else ""
    starts = [r.record.at.date() for r in every if isinstance(r.record, Episode)]
    for check in checks:
        days = check.answers.get("duration_days")
        if isinstance(days, int | float):
            starts.append(check.at.date() - dt.timedelta(days=float(days)))
    since = f" since {_date(min(starts))}" if starts else ""
    more = f" (and {len(sites) - 3} other places)" if len(sites) > 3 else ""
    return f"Twitching{where}{more}{since}." if where or since else "Twitching at rest."


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _check_row(check: Check, kb: KnowledgeBase) -> CheckRow:
    """A check's advice and its red flags, each told apart: from the person's answers, or shown by their diary
    (an inference from what they logged, not something they said)."""
    diary = check.result.get("diary") or {}
    shown = {str(flag) for finding in diary.get("findings", []) for flag in finding.get("drove", [])}
    flags = [(str(f.get("title") or f.get("id")) + (" (shown by the diary, not said)" if f.get("id") in shown else ""),
              [str(s) for s in f.get("sources", [])])
             for f in check.result.get("red_flags", [])]  # fmt: skip
    entry = kb.dispositions.get(check.disposition)  # type: ignore[call-overload]
    return CheckRow(check.at, check.disposition, entry.label if entry else check.disposition, flags)


def _negatives(checks: Sequence[Check], symptoms: Sequence[Symptom], kb: KnowledgeBase) -> list[str]:
    labels: dict[str, str] = {}
    if checks:
        for item in checks[0].result.get("reassuring", []):
            labels.setdefault(str(item.get("question")), str(item.get("label")))
    present_later = {s.symptom for s in symptoms if s.present}
    for symptom in symptoms:
        if not symptom.present and symptom.symptom not in present_later:
            entry = kb.symptoms.get(symptom.symptom)
            labels.setdefault(symptom.symptom, f"no {entry.label.lower()}" if entry else f"no {symptom.symptom}")
    return list(labels.values())


def _positives(checks: Sequence[Check], symptoms: Sequence[Symptom], kb: KnowledgeBase) -> list[str]:
    found: dict[str, str] = {}
    for symptom in sorted(symptoms, key=lambda s: s.at):
        if symptom.present:
            entry = kb.symptoms.get(symptom.symptom)
            where = f" ({site_name(symptom.region, symptom.side)})" if symptom.region else ""
            label = entry.label if entry else symptom.symptom
            found[symptom.symptom] = f"{label[:1].upper()}{label[1:]}{where}, logged {_date(symptom.at)}"
    if checks:
        for question, value in checks[0].answers.get("symptoms", {}).items():
            if value is True and question not in found:
                entry = kb.symptoms.get(question)
                label = entry.label if entry else question
                found[question] = f"{label[:1].upper()}{label[1:]}, said at the check of {_date(checks[0].at)}"
    return list(found.values())


_NUMERIC = (
    ("caffeine_mg", "Caffeine", "mg"), ("water_l", "Fluid", "L"), ("alcohol_units", "Alcohol", "units"),
    ("exercise_min", "Exercise", "min"), ("sleep_h", "Sleep", "h"), ("stress", "Stress (0–10)", ""),
    ("mindful_min", "Mindful minutes", "min"),
)  # fmt: skip


def _factors(days: Sequence[Day], kb: KnowledgeBase) -> list[FactorRow]:
    rows = []
    for name, label, unit in _NUMERIC:
        values = [float(getattr(d, name)) for d in days if getattr(d, name) is not None]
        if values:
            typical = f"median {_num(statistics.median(values))}{' ' + unit if unit else ''}"
            if len(values) > 1:
                typical += f" (range {_num(min(values))}–{_num(max(values))})"
            rows.append(FactorRow(label, len(values), typical, _against(name, values, kb)))
    nicotine = [d.nicotine for d in days if d.nicotine is not None]
    if nicotine:
        rows.append(FactorRow("Nicotine", len(nicotine), f"on {sum(nicotine)} of {len(nicotine)} days"))
    return rows


def _against(name: str, values: list[float], kb: KnowledgeBase) -> str:
    """How often a logged factor passed the knowledge base's threshold for it, with that threshold's sources."""
    limits = kb.limits
    if name == "caffeine_mg":
        limit = limits["caffeine_adult_max_mg"]
        over = sum(v > limit.value for v in values)
        return f"above the {limit.value:g} mg adult limit on {over} of {len(values)} days [{', '.join(limit.sources)}]"
    if name == "water_l":
        glasses, glass = limits["glasses_min"], limits["glass_l"]
        least = glasses.value * glass.value
        under = sum(v < least for v in values)
        return (f"under {least:g} L ({glasses.value:g} glasses) on {under} of {len(values)} days "
                f"[{', '.join(dict.fromkeys([*glasses.sources, *glass.sources]))}]")  # fmt: skip
    return ""


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value < 10 else f"{value:.0f}"


def _medicines(days: Sequence[Day], answers: dict[str, Any]) -> list[MedicineRow]:
    seen: dict[str, list[dt.date]] = {}
    for day in days:
        for name in day.medicines or ():
            seen.setdefault(name.strip().lower(), []).append(day.day)
    rows = [MedicineRow(name, min(d), max(d), len(set(d))) for name, d in seen.items()]
    for name in answers.get("medications", []) or []:
        if str(name).strip().lower() not in seen:
            rows.append(MedicineRow(str(name).strip().lower(), None, None, 0))
    return sorted(rows, key=lambda r: r.name)


def _notes(entries: Sequence[Stored]) -> list[NoteRow]:
    notes = []
    for stored in entries:
        note = getattr(stored.record, "note", None)
        if note:
            what = {"episode": "twitch", "day": "day", "symptom": "symptom"}.get(stored.kind, stored.kind)
            notes.append(NoteRow(moment_of(stored.record).date(), what, note))
    return sorted(notes, key=lambda n: n.day, reverse=True)


def _sources(checks: Sequence[Check], kb: KnowledgeBase) -> list[SourceRow]:
    wanted: dict[str, None] = {}
    for check in checks[:MAX_CHECKS]:
        for flag in check.result.get("red_flags", []):
            wanted.update(dict.fromkeys(str(s) for s in flag.get("sources", [])))
        wanted.update(dict.fromkeys(str(s) for s in check.result.get("detail", {}).get("sources", [])))
    rows = []
    for source_id in wanted:
        entry = kb.sources.get(source_id)
        if entry is not None:
            rows.append(SourceRow(entry.id, entry.title, entry.publisher, entry.url))
    return rows


def site_counts(entries: Sequence[Stored]) -> Counter[tuple[str, str | None]]:
    """Episodes per (region, side), for the body map."""
    return Counter((s.record.region, s.record.side) for s in entries if isinstance(s.record, Episode))
