"""Every method of triggers.md §4.3, run on the same simulated diary, scored the same way."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from bench.triggers.dgp import LAG_ONE, PREVALENCE, Diary
from twitchwise.insights.model import REFINED, Analysis, Calibration, FactorSpec, Procedure, Term, analyse, discoveries


@dataclass
class Outcome:
    """What one method said about one diary."""

    gated: bool = False
    flags: dict[str, tuple[int, int]] = field(default_factory=dict)  # factor -> (lag, sign)
    intervals: dict[tuple[str, int], tuple[float, float]] = field(default_factory=dict)  # log-RR 95 % CI
    scale: dict[str, float] = field(default_factory=dict)  # the SD each continuous factor was scaled by
    usable: int = 0  # the day-pairs the model could use


def specs(names: list[str]) -> list[FactorSpec]:
    return [FactorSpec(n, binary=n in PREVALENCE, lags=(0, 1) if n in LAG_ONE else (0,)) for n in names]


def naive(diary: Diary, lags: tuple[int, ...] = (0,)) -> Outcome:
    """Consumer-app practice: Pearson r of each factor with the count, p < 0.05, no correction."""
    outcome = Outcome()
    y = diary.counts
    for name, x in diary.factors.items():
        best: tuple[float, int, float] | None = None
        for lag in lags:
            a, b = (y[lag:], x[: x.size - lag]) if lag else (y, x)
            both = np.isfinite(a) & np.isfinite(b)
            if both.sum() < 6 or np.std(a[both]) == 0 or np.std(b[both]) == 0:
                continue
            r, p = stats.pearsonr(b[both], a[both])
            if best is None or p < best[0]:
                best = (float(p), lag, float(r))
        if best is not None and best[0] < 0.05:
            outcome.flags[name] = (best[1], 1 if best[2] > 0 else -1)
    return outcome


def naive_lag_scan(diary: Diary) -> Outcome:
    return naive(diary, lags=(0, 1, 2))


def per_factor(diary: Diary) -> Outcome:
    """Peris-style: each factor in its own NB model (with the AR term), BH across all terms."""
    outcome = Outcome()
    terms: list[Term] = []
    for spec in specs(list(diary.factors)):
        result = analyse(diary.counts, diary.factors, [spec], diary.weekend, calibration="none", q=1.0, procedure="bh")
        if result.status != "ok":
            continue
        for factor in result.factors:
            terms.extend(factor.terms)
    if not terms:
        outcome.gated = True
        return outcome
    flagged = discoveries([t.p for t in terms], procedure="bh")
    for term, flag in zip(terms, flagged, strict=True):
        if flag and term.factor not in outcome.flags:
            outcome.flags[term.factor] = (term.lag, 1 if term.log_rr > 0 else -1)
    return outcome


def joint(calibration: Calibration, procedure: Procedure = "bh", *, weekly: bool = False) -> Callable[[Diary], Outcome]:
    def run(diary: Diary) -> Outcome:
        return from_analysis(_analysed(diary, calibration, procedure, weekly), procedure)

    return run


_last: dict[tuple[Calibration, Procedure, bool], tuple[Diary, Analysis]] = {}


def _analysed(diary: Diary, calibration: Calibration, procedure: Procedure, weekly: bool = False) -> Analysis:
    """One fit and calibration per diary and method.  The refined calibrations refit after a
    first pass whose flags come from the procedure, so BH and BY are analysed apart."""
    key = (calibration, procedure if calibration in REFINED else "by", weekly)
    cached = _last.get(key)
    if cached is not None and cached[0] is diary:
        return cached[1]
    result = analyse(
        diary.counts, diary.factors, specs(list(diary.factors)), diary.weekend,
        calibration=calibration, procedure=key[1], seed=int(np.nansum(diary.counts)) % 2**31,
        weekday=diary.weekday if weekly else None,
    )  # fmt: skip
    _last[key] = (diary, result)
    return result


def from_analysis(result: Analysis, procedure: Procedure) -> Outcome:
    """Flags by ``procedure`` over every term's calibrated p-value, as `analyse` does."""
    outcome = Outcome(gated=result.status != "ok", usable=result.usable_pairs)
    terms = [term for factor in result.factors for term in factor.terms]
    flagged = discoveries([t.p for t in terms], procedure=procedure)
    strongest: dict[str, Term] = {}
    for term, flag in zip(terms, flagged, strict=True):
        outcome.intervals[(term.factor, term.lag)] = (math.log(term.low), math.log(term.high))
        if flag and (term.factor not in strongest or term.p < strongest[term.factor].p):
            strongest[term.factor] = term
    for factor in result.factors:
        if factor.sd is not None:
            outcome.scale[factor.name] = factor.sd
    for name, term in strongest.items():
        outcome.flags[name] = (term.lag, 1 if term.log_rr > 0 else -1)
    return outcome


METHODS: dict[str, Callable[[Diary], Outcome]] = {
    "naive same-day Pearson": naive,
    "naive lag scan 0-2": naive_lag_scan,
    "per-factor NB + BH": per_factor,
    "joint NB, raw Wald-t + BH": joint("none"),
    "joint NB + bootstrap-λ + BH": joint("bootstrap"),
    "joint NB + shift-λ + BH": joint("shift"),
    "joint NB + shift-λ + BY": joint("shift", "by"),
    "joint NB + refined shift-λ + BY": joint("shift_refined", "by"),
    "joint NB + refined shift-λ, own λ when slow + BY": joint("shift_slow", "by"),
    "joint NB + refined shift-λ, own λ when slow + BH": joint("shift_slow", "bh"),
    "joint NB, day-of-week terms + refined shift-λ, own λ when slow + BY": joint("shift_slow", "by", weekly=True),
}
WEEKLY = "joint NB, day-of-week terms + refined shift-λ, own λ when slow + BY"
SHIPPED = "joint NB + refined shift-λ, own λ when slow + BY"
