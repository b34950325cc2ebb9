"""One person's insights, worded as triggers.md §2.5 says: honest about what the data can show."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Literal

import msgspec
import numpy as np

from twitchwise.diary.records import Stored
from twitchwise.insights.model import Analysis, Calibration, FactorOutcome, Q, Term, analyse
from twitchwise.insights.power import days_for_rr_1_5, usable_pairs_for_rr_1_5
from twitchwise.insights.table import FACTORS, DailyTable, daily_table

Verdict = Literal[
    "more", "fewer", "cant_tell", "probably_not_large", "not_enough_records", "not_enough_variation", "does_not_vary"
]
NOT_PROOF = "An association in your diary, not proof that one causes the other."
SMALL = (0.8, 1.25)  # an interval inside this band rules out a large effect
WORDS: dict[str, str] = {
    "more": "Associated with more twitching for you. Association, not proof.",
    "fewer": "Associated with less twitching for you. Association, not proof.",
    "cant_tell": "Can't tell yet.",
    "probably_not_large": "Probably not a large effect for you.",
    "not_enough_records": "Not recorded on enough days yet.",
    "not_enough_variation": "Not enough variation yet: it needs at least 10 days with it and 10 without.",
    "does_not_vary": "It hardly varies in your diary, so its effect cannot be seen from observation.",
}
METHOD = (
    "one negative-binomial model of daily episodes: every factor together, yesterday's count, weekends, a slow "
    "trend; p-values calibrated by rotating the factors against the diary (found effects held fixed, slow factors "
    f"alone); false discoveries held to q = {Q:g} over all comparisons (Benjamini–Yekutieli)"
)

LIMITS = (
    "Days you did not log are left out, never counted as zero. If you tend to skip logging on your worst (or "
    "best) days, these comparisons lean that way, and nothing in the diary can show it. An association is not proof: "
    "a planned on/off experiment tests one factor fairly."
)


HOW_SURE = (
    "How far to trust this, from simulated 180-day diaries unlike this model's own (a drifting baseline, weekday "
    "habits, noise beyond what the model assumes, logging that tails off, blank factors): where nothing had any "
    "effect, something was flagged in 1–3 % of diaries (3 % in the worst kind), against 33–55 % for the same-day "
    "correlations many apps show. A real 1.5× effect of an amount such as caffeine was found in 82–93 % of diaries "
    "of most kinds, but in only 16–40 % when day-to-day twitching was much noisier than the model assumes; a "
    "yes/no factor such as alcohol is found far less often (6–74 %). Not flagged is not the same as no effect."
)


class TermOut(msgspec.Struct, frozen=True):
    lag: int
    rate_ratio: float
    low: float
    high: float
    p: float
    flagged: bool
    when: str = ""  # the lag in words: "the same day", "the day before", "the night before", "two nights before"


class FactorInsight(msgspec.Struct, frozen=True):
    id: str
    label: str
    verdict: Verdict
    text: str
    per: str  # what a rate ratio is per: "1 SD (110 mg)" or "days with it vs without"
    terms: list[TermOut]
    days_for_rr_1_5: int | None  # simulated diary days that found RR 1.5 in 8 of 10, in every kind of diary tried
    more_days_for_rr_1_5: int | None  # more fully logged days this diary needs for that (0: already enough)
    usable_pairs_for_rr_1_5: int | None = None  # the usable day-pairs those simulated diaries held (the slowest kind)
    plain: str = ""  # the strongest finding in everyday words, for the person: no rate ratios, no SD units


class Insights(msgspec.Struct, frozen=True):
    status: Literal["ok", "not_enough_data", "no_diary"]
    message: str
    diary_days: int
    recorded_days: int
    usable_pairs: int
    needed_pairs: int
    more_days_needed: int
    method: str
    inflation: float | None
    factors: list[FactorInsight]
    limits: str = LIMITS
    how_sure: str = HOW_SURE  # the harness's worst and typical figures (python -m bench.triggers.harness --family)
    cautions: list[str] = msgspec.field(default_factory=list)  # e.g. a change made at a peak of twitching

    def to_json(self) -> bytes:
        return msgspec.json.encode(self)


def insights(entries: Sequence[Stored], *, today: dt.date, calibration: Calibration = "shift_slow") -> Insights:
    table = daily_table(entries, today=today)
    if table is None:
        return Insights("no_diary", "Nothing is logged yet. Log your twitches and your days to see patterns.",
                        0, 0, 0, 0, 0, METHOD, None, [])  # fmt: skip
    specs = [f.spec for f in FACTORS]
    result = analyse(table.counts, table.factors, specs, table.weekend, calibration=calibration)
    if result.status != "ok":
        return _not_enough(table, result)
    factors = [_factor(outcome, result.usable_pairs) for outcome in result.factors]
    factors.sort(key=_order)
    flagged = sum(f.verdict in ("more", "fewer") for f in factors)
    message = (
        f"{flagged} factor{'s' if flagged != 1 else ''} associated with your twitching, after allowing for chance "
        f"across all {sum(len(f.terms) for f in factors)} comparisons." if flagged else
        "No factor stands out from chance in your diary so far."
    )  # fmt: skip
    return Insights(
        "ok", message, table.days, table.recorded_days, result.usable_pairs, result.needed_pairs, 0, METHOD,
        result.inflation, factors, cautions=peak_cautions(table),
    )  # fmt: skip


def _not_enough(table: DailyTable, result: Analysis) -> Insights:
    pair_rate = result.usable_pairs / table.days if table.days else 0.0
    missing = max(1, result.needed_pairs - result.usable_pairs)
    more = math.ceil(missing / pair_rate) if pair_rate > 0.2 else math.ceil(missing / 0.7)
    message = (
        f"Keep logging. About {more} more complete days are needed before comparisons mean anything: a day counts "
        f"when it has its twitches (or 'no twitches') and its factors, and so did the day before."
    )
    if result.status == "fit_failed":
        message = "Not enough data yet: the model could not be fitted reliably. " + message
    factors = [_factor(outcome, result.usable_pairs) for outcome in result.factors]
    return Insights(
        "not_enough_data", message, table.days, table.recorded_days, result.usable_pairs, result.needed_pairs,
        more, METHOD, None, factors, cautions=peak_cautions(table),
    )  # fmt: skip


CUT = 0.7  # a factor's two weeks after a day at most 70 % of the two weeks before: the person cut it down
PEAK = 1.5  # the week before that day at least 1.5 times the usual weekly twitching of the month before


def peak_cautions(table: DailyTable) -> list[str]:
    """Regression to the mean, said plainly: when a factor was cut down (a remedy begun) just after a week with
    much more twitching than usual, twitching often eases afterwards by itself, whatever was changed.  The most
    recent such change of each factor, within the last 60 days."""
    cautions = []
    counts = table.counts
    for factor in FACTORS:
        values = table.factors.get(factor.spec.name)
        if values is None or factor.spec.binary:
            continue
        cuts = []
        for day in range(max(35, table.days - 60), table.days - 6):
            before, after = values[day - 14 : day], values[day : day + 14]
            if np.isfinite(before).sum() < 7 or np.isfinite(after).sum() < 5:
                continue
            usual_before = float(np.nanmean(before))
            if usual_before > 0 and float(np.nanmean(after)) <= CUT * usual_before:
                cuts.append((float(np.nanmean(after)) / usual_before, day))
        if not cuts:
            continue
        _, day = min(cuts)  # the sharpest change: the day the factor was cut down
        week, month = counts[day - 7 : day], counts[day - 35 : day - 7]
        if np.isfinite(week).sum() < 4 or np.isfinite(month).sum() < 14:
            continue
        if float(np.nanmean(week)) >= PEAK * max(float(np.nanmean(month)), 0.5):
            cautions.append(
                f"You cut down on {factor.label.lower()} around {table.date(day):%-d %B}, just after a week with "
                "much more twitching than usual. Twitching often eases after a bad spell by itself (regression "
                "to the mean), so part of any fall since may not be the change. A planned on/off experiment "
                "tests it fairly."
            )
    return cautions


def _factor(outcome: FactorOutcome, usable_pairs: int) -> FactorInsight:
    """One factor's insight. "More days" counts day-pairs the model can use, not calendar days: a diary that
    stopped months ago, or has many gaps, is not told it has enough (each fully logged day adds about one)."""
    factor = next(f for f in FACTORS if f.spec.name == outcome.name)
    terms = [_term(t, outcome.name) for t in outcome.terms]
    verdict = _verdict(outcome)
    if factor.spec.binary:
        per = "days with it against days without"
    elif outcome.sd is not None:
        per = f"1 SD of your own variation ({outcome.sd:.3g} {factor.unit})".replace(" )", ")")
    else:
        per = "1 SD of your own variation"
    text = WORDS[verdict]
    if verdict in ("more", "fewer"):
        strongest = min((t for t in outcome.terms if t.flagged), key=lambda t: t.p)
        text += (
            f" Rate ratio {strongest.rr:.2f} ({strongest.low:.2f}–{strongest.high:.2f}), comparing "
            f"{factor.label.lower()} {lag_words(outcome.name, strongest.lag)} with each day's twitching."
        )
    needed_pairs = usable_pairs_for_rr_1_5(factor.spec)
    more = None if needed_pairs is None else max(0, needed_pairs - usable_pairs)
    plain = WORDS[verdict]
    if verdict in ("more", "fewer"):
        strongest = min((t for t in outcome.terms if t.flagged), key=lambda t: t.p)
        plain = plain_words(factor.label, factor.unit, factor.spec.binary, outcome.sd, strongest.rr,
                            lag_words(outcome.name, strongest.lag))  # fmt: skip
    return FactorInsight(
        outcome.name, factor.label, verdict, text, per, terms, days_for_rr_1_5(factor.spec), more, needed_pairs,
        plain,
    )  # fmt: skip


def plain_words(label: str, unit: str, binary: bool, sd: float | None, rate_ratio: float, when: str) -> str:
    """A rate ratio as a person reads it: "About 30% more twitching for each 110 mg more caffeine than your
    usual, the same day. An association in your diary, not proof that one causes the other."."""
    change = round(abs(rate_ratio - 1) * 100)
    direction = "more" if rate_ratio > 1 else "less"
    if binary:
        what = f"on days with {label} {when}" if when != "the same day" else f"on days with {label}"
    elif sd is not None:
        amount = f"{sd:.2g}" if sd < 10 else f"{round(sd, -1 if sd >= 100 else 0):.0f}"
        what = f"for each {amount} {unit} more {label} than your usual, {when}".replace("  ", " ")
    else:
        what = f"with more {label} than your usual, {when}"
    return f"About {change}% {direction} twitching {what}. {NOT_PROOF}"


def lag_words(factor: str, lag: int) -> str:
    """When a factor was, against the day whose twitching it is compared with. A day's sleep is the night
    before that day, so sleep's "lag 0" is the night before and its "lag 1" two nights before."""
    if factor == "sleep":
        return "the night before" if lag == 0 else "two nights before"
    return "the same day" if lag == 0 else "the day before"


def _verdict(outcome: FactorOutcome) -> Verdict:
    if outcome.status != "modelled":
        return outcome.status
    flagged = [t for t in outcome.terms if t.flagged]
    if flagged:
        return "more" if min(flagged, key=lambda t: t.p).log_rr > 0 else "fewer"
    if all(SMALL[0] <= t.low and t.high <= SMALL[1] for t in outcome.terms):
        return "probably_not_large"
    return "cant_tell"


def _term(term: Term, factor: str) -> TermOut:
    return TermOut(term.lag, round(term.rr, 4), round(term.low, 4), round(term.high, 4), term.p, term.flagged,
                   lag_words(factor, term.lag))  # fmt: skip


def _order(factor: FactorInsight) -> tuple[int, float]:
    rank = ["more", "fewer", "cant_tell", "probably_not_large", "not_enough_variation", "does_not_vary",
            "not_enough_records"].index(factor.verdict)  # fmt: skip
    return rank, min((t.p for t in factor.terms), default=1.0)
