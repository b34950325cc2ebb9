"""Red flags that only time reveals, computed from the diary with ``today`` as an argument.

The diary adds to a check's answers and never takes away, so urgency stays monotone:

- **persisting** — the current run of twitching (twitch days less than ``RUN_BREAK_DAYS``
  apart, the last within ``RUN_BREAK_DAYS`` of today) spans the days between its first and last
  episode; that span becomes ``duration_days`` when it is longer than the person said;
- **more than one place** — the sites of the current run join the answers' sites;
- **spread** — a place (region and side) first seen ``SPREAD_AFTER_DAYS`` or more after the run
  began, beside an earlier one, sets ``spreading``;
- **reported symptoms** — a symptom reported present in the last ``SYMPTOM_WINDOW_DAYS`` days
  sets it present (weakness, wasting, loss of function… each with its own red flag); one reported
  absent in that window, and never present, answers it "no";
- **a worsening trend** — episodes per recorded day in the last ``TREND_DAYS`` days against the
  ``TREND_DAYS`` before: at least ``TREND_MIN_DAYS`` recorded days in each, a rate ratio of at
  least ``TREND_RATIO`` and a one-sided exact conditional test below ``TREND_ALPHA`` set
  ``getting_worse``.

A day with no record is unknown, not twitch-free: only a day with episodes or marked
"no twitches" counts as recorded.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import msgspec

from twitchwise.answers import Answers, Site
from twitchwise.diary.records import Day, Episode, Stored, Symptom
from twitchwise.sites import site_name

RUN_BREAK_DAYS = 14
SPREAD_AFTER_DAYS = 7
SYMPTOM_WINDOW_DAYS = 28
TREND_DAYS = 14
TREND_MIN_DAYS = 5
TREND_RATIO = 1.5
TREND_ALPHA = 0.05


class Finding(msgspec.Struct, frozen=True):
    """One thing the diary showed, the answer it sets, and the entries behind it."""

    rule: str
    sets: str
    summary: str
    entries: list[str]


class DiaryEvidence(msgspec.Struct, frozen=True):
    findings: list[Finding]
    duration_days: int | None = None
    sites: list[Site] = msgspec.field(default_factory=list)
    symptoms: dict[str, bool] = msgspec.field(default_factory=dict)
    recorded_days: int = 0

    def apply(self, answers: Answers) -> Answers:
        """The answers with the diary's evidence added; nothing the person said is lowered."""
        changes: dict[str, object] = {}
        if self.duration_days is not None and (answers.duration_days or -1) < self.duration_days:
            changes["duration_days"] = self.duration_days
            changes["started_on"] = None
        if self.sites:
            known = list(answers.sites or [])
            changes["sites"] = known + [site for site in self.sites if site not in known]
        symptoms = dict(answers.symptoms)
        for symptom_id, present in self.symptoms.items():
            if present or symptoms.get(symptom_id) is None:
                symptoms[symptom_id] = present
        if symptoms != answers.symptoms:
            changes["symptoms"] = symptoms
        return answers.with_updates(**changes) if changes else answers


def diary_evidence(records: Sequence[Stored], *, today: dt.date) -> DiaryEvidence:
    episodes = [(s.id, s.record) for s in records if isinstance(s.record, Episode) and s.record.at.date() <= today]
    episodes.sort(key=lambda item: item[1].at)
    findings: list[Finding] = []
    run = _current_run(episodes, today)
    duration: int | None = None
    sites: list[Site] = []
    symptoms: dict[str, bool] = {}
    if run:
        first_day, last_day = run[0][1].at.date(), run[-1][1].at.date()
        span = (last_day - first_day).days
        if span > 0:
            duration = span
            findings.append(Finding(
                "persisting", "duration_days",
                f"twitching logged on days spanning {span} days ({first_day} to {last_day})",
                [run[0][0], run[-1][0]],
            ))  # fmt: skip
        sites, place_findings, spread = _places(run)
        findings.extend(place_findings)
        if spread is not None:
            symptoms["spreading"] = True
            findings.append(spread)
    symptom_findings = _reported_symptoms(records, today, symptoms)
    findings.extend(symptom_findings)
    recorded = recorded_days(records, today=today)
    trend = _trend(episodes, recorded, today)
    if trend is not None:
        symptoms["getting_worse"] = True
        findings.append(trend)
    return DiaryEvidence(findings, duration, sites, symptoms, len(recorded))


def _current_run(episodes: list[tuple[str, Episode]], today: dt.date) -> list[tuple[str, Episode]]:
    if not episodes or (today - episodes[-1][1].at.date()).days >= RUN_BREAK_DAYS:
        return []
    start = len(episodes) - 1
    while start > 0 and (episodes[start][1].at.date() - episodes[start - 1][1].at.date()).days < RUN_BREAK_DAYS:
        start -= 1
    return episodes[start:]


def _places(run: list[tuple[str, Episode]]) -> tuple[list[Site], list[Finding], Finding | None]:
    first_seen: dict[tuple[str, str | None], tuple[str, Episode]] = {}
    for short_id, episode in run:
        first_seen.setdefault((episode.region, episode.side), (short_id, episode))
    sites = [Site(region, side) for region, side in first_seen]  # type: ignore[arg-type]
    findings = []
    if len(first_seen) > 1:
        names = ", ".join(site_name(region, side) for region, side in first_seen)
        findings.append(Finding("places", "sites", f"twitching logged in {names}", [i for i, _ in first_seen.values()]))
    begun = run[0][1].at.date()
    late = [
        (short_id, episode)
        for short_id, episode in first_seen.values()
        if (episode.at.date() - begun).days >= SPREAD_AFTER_DAYS
    ]
    spread = None
    if late and len(first_seen) > len(late):
        names = ", ".join(site_name(e.region, e.side) for _, e in late)
        spread = Finding(
            "spread", "symptoms.spreading",
            f"a new place ({names}) appeared {SPREAD_AFTER_DAYS} or more days after the twitching began",
            [i for i, _ in late],
        )  # fmt: skip
    return sites, findings, spread


def _reported_symptoms(records: Sequence[Stored], today: dt.date, symptoms: dict[str, bool]) -> list[Finding]:
    since = today - dt.timedelta(days=SYMPTOM_WINDOW_DAYS)
    by_symptom: dict[str, list[tuple[str, Symptom]]] = {}
    for stored in records:
        record = stored.record
        if isinstance(record, Symptom) and since < record.at.date() <= today:
            by_symptom.setdefault(record.symptom, []).append((stored.id, record))
    findings = []
    for symptom_id, reports in sorted(by_symptom.items()):
        present = [i for i, r in reports if r.present]
        if present:
            symptoms[symptom_id] = True
            findings.append(Finding(
                "reported", f"symptoms.{symptom_id}",
                f"{symptom_id.replace('_', ' ')} reported in the last {SYMPTOM_WINDOW_DAYS} days", present,
            ))  # fmt: skip
        elif symptom_id not in symptoms:
            symptoms[symptom_id] = False
    return findings


def recorded_days(records: Sequence[Stored], *, today: dt.date) -> dict[dt.date, int]:
    """Episodes per recorded day up to ``today``: days with episodes, and days marked twitch-free
    (0).  Any other day is unknown and absent here — the diary's one definition of "missing"."""
    days: dict[dt.date, int] = {}
    for stored in records:
        record = stored.record
        if isinstance(record, Episode) and record.at.date() <= today:
            days[record.at.date()] = days.get(record.at.date(), 0) + 1
        elif isinstance(record, Day) and record.twitch_free and record.day <= today:
            days.setdefault(record.day, 0)
    return days


def _trend(episodes: list[tuple[str, Episode]], recorded: dict[dt.date, int], today: dt.date) -> Finding | None:
    recent_start = today - dt.timedelta(days=TREND_DAYS - 1)
    earlier_start = recent_start - dt.timedelta(days=TREND_DAYS)
    recent = [n for day, n in recorded.items() if recent_start <= day <= today]
    earlier = [n for day, n in recorded.items() if earlier_start <= day < recent_start]
    if len(recent) < TREND_MIN_DAYS or len(earlier) < TREND_MIN_DAYS:
        return None
    recent_total, earlier_total = sum(recent), sum(earlier)
    recent_rate, earlier_rate = recent_total / len(recent), earlier_total / len(earlier)
    if recent_rate == 0 or recent_rate < TREND_RATIO * earlier_rate:
        return None
    # Given the total, recent episodes are Binomial(total, share of recorded days) when the rate is flat.
    share = len(recent) / (len(recent) + len(earlier))
    if binomial_upper_tail(recent_total, recent_total + earlier_total, share) >= TREND_ALPHA:
        return None
    ids = [i for i, e in episodes if recent_start <= e.at.date() <= today]
    return Finding(
        "worsening", "symptoms.getting_worse",
        f"{recent_rate:.1f} episodes a recorded day in the last {TREND_DAYS} days, "
        f"against {earlier_rate:.1f} in the {TREND_DAYS} before",
        ids[:5] + (["…"] if len(ids) > 5 else []),
    )  # fmt: skip


def binomial_upper_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed in log space so large n cannot overflow."""
    if k <= 0:
        return 1.0
    if p <= 0:
        return 0.0
    if p >= 1:
        return 1.0
    log_p, log_q = math.log(p), math.log1p(-p)
    terms = [math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q
             for i in range(k, n + 1)]  # fmt: skip
    top = max(terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in terms))
