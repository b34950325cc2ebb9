"""The data-generating process of triggers.md §4.1: simulated diaries with known triggers.

Factors are AR(1) latent Gaussians with correlated innovations (stationary variance 1); yes/no
factors threshold the latent value at their prevalence.  The outcome is NB2 around
log mu_t = log(base) + sum log(RR_k) x_k,t-lag_k + u_t, with u_t a latent AR(1) the factors do
not explain.  Whole days go missing completely at random, or informatively.

The wider family (issue 26: diaries unlike the model's own) adds, each off by default: a drifting
baseline (a random walk on log mu), a weekday pattern beyond the weekend, day-level noise beyond the
negative binomial, logging fatigue (days missed more often as the weeks pass and on high-twitch days,
9 % rising to 28 %), blanks per factor, and realistic habits (caffeine on weekdays, alcohol at
weekends, exercise in bursts; sleep and stress already correlate at -0.4).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy import stats

Array = NDArray[np.float64]

PERSISTENCE = {
    "caffeine": 0.5, "water": 0.3, "exercise": 0.2, "sleep": 0.3, "stress": 0.7, "alcohol": 0.2,
    "nicotine": 0.8, "medication": 0.95, "screen": 0.5, "steps": 0.4, "sugar": 0.3, "outdoor": 0.5,
    "coffee_shop": 0.4, "commute": 0.6, "weather": 0.7,
}  # fmt: skip
CORRELATIONS = {("stress", "sleep"): -0.4, ("stress", "caffeine"): 0.3, ("exercise", "steps"): 0.6,
                ("sleep", "caffeine"): -0.3}  # fmt: skip
PREVALENCE = {"alcohol": 0.25, "nicotine": 0.20, "medication": 0.30, "outdoor": 0.40}
LAG_ONE = ("caffeine", "exercise", "alcohol", "sleep")  # declared before looking (triggers.md §2.2)
TRIGGERS = {"caffeine": 0, "exercise": 1, "stress": 0, "alcohol": 1}  # factor -> lag
PROXIES = ("sleep", "steps")  # nulls correlated with a trigger
BURN_IN = 50
# log-rate by day of the week (Monday first) when ``weekday`` is 1: Mondays and Fridays high, a weekend dip.
WEEKDAY_PATTERN = np.array([0.20, 0.05, -0.05, 0.0, 0.15, -0.25, -0.10])


@dataclass(frozen=True)
class Scenario:
    days: int = 90
    rr: float | tuple[float, float, float, float] = 1.0  # one RR for every trigger, or one each
    base: float = 5.0
    alpha: float = 0.3
    phi_u: float = 0.5
    factors: int = 12
    missing: float | Literal["informative", "fatigue"] = 0.15
    drift: float = 0.0  # SD of the daily step of a random walk on log mu
    weekday: float = 0.0  # scale of WEEKDAY_PATTERN on log mu
    extra: float = 0.0  # SD of day-level normal noise on log mu, beyond the negative binomial
    blanks: float = 0.0  # chance a factor is blank on a logged day
    habits: bool = False  # caffeine on weekdays, alcohol at weekends, exercise in bursts

    @property
    def effects(self) -> dict[str, float]:
        """True log RR of each trigger (per latent SD, or exposed vs not), zero meaning a null."""
        rrs = self.rr if isinstance(self.rr, tuple) else (self.rr,) * len(TRIGGERS)
        return {name: math.log(rr) for name, rr in zip(TRIGGERS, rrs, strict=True)}

    @property
    def names(self) -> list[str]:
        return list(PERSISTENCE)[: self.factors]

    def label(self) -> str:
        rr = "/".join(f"{r:g}" for r in self.rr) if isinstance(self.rr, tuple) else f"{self.rr:g}"
        missing = self.missing if isinstance(self.missing, str) else f"{self.missing:.0%}"
        shape = f"base={self.base:g} α={self.alpha:g} φu={self.phi_u:g} K={self.factors}"
        wider = "".join(
            f" {name}={value:g}" for name, value in
            (("drift", self.drift), ("weekday", self.weekday), ("extra", self.extra), ("blanks", self.blanks))
            if value
        ) + (" habits" if self.habits else "")  # fmt: skip
        return f"T={self.days} RR={rr} {shape} miss={missing}{wider}"


@dataclass
class Diary:
    counts: Array
    factors: dict[str, Array]
    weekend: Array
    latent_sd: dict[str, float] = field(default_factory=dict)
    weekday: Array | None = None  # 0 (Monday) to 6


def simulate(scenario: Scenario, rng: np.random.Generator) -> Diary:
    names = scenario.names
    total = scenario.days + BURN_IN
    corr = np.eye(len(names))
    for (a, b), value in CORRELATIONS.items():
        if a in names and b in names:
            i, j = names.index(a), names.index(b)
            corr[i, j] = corr[j, i] = value
    chol = np.linalg.cholesky(corr)
    phi = np.array([PERSISTENCE[n] for n in names])
    latent = np.empty((total, len(names)))
    latent[0] = chol @ rng.standard_normal(len(names))
    scale = np.sqrt(1 - phi**2)
    for t in range(1, total):
        latent[t] = phi * latent[t - 1] + scale * (chol @ rng.standard_normal(len(names)))
    values = {name: latent[:, i].copy() for i, name in enumerate(names)}
    # Habits and a weekday pattern need the days of the week before the factors and counts are drawn; the
    # default family draws its start day last, as it always has, so its diaries stay the same seed for seed.
    weekly = scenario.habits or bool(scenario.weekday)
    start = int(rng.integers(7)) if weekly else 0
    dow = (np.arange(total) + start) % 7
    weekend_all = (dow >= 5).astype(float)
    if scenario.habits:
        if "caffeine" in values:
            values["caffeine"] += 0.8 * (1 - weekend_all)  # coffee at work
        if "alcohol" in values:
            values["alcohol"] += 1.2 * weekend_all  # drinks at the weekend
        if "exercise" in values:
            values["exercise"] += 1.2 * _bursts(total, rng)  # training blocks of a few weeks
    for name, prevalence in PREVALENCE.items():
        if name in values:
            values[name] = (values[name] > stats.norm.ppf(1 - prevalence)).astype(float)
    u = np.empty(total)
    u[0] = rng.normal(0, 0.3)
    for t in range(1, total):
        u[t] = scenario.phi_u * u[t - 1] + math.sqrt(1 - scenario.phi_u**2) * rng.normal(0, 0.3)
    log_mu = math.log(scenario.base) + u
    if scenario.drift:
        walk = np.cumsum(rng.normal(0, scenario.drift, total))
        log_mu += walk - walk[BURN_IN:].mean()
    if scenario.weekday:
        log_mu += scenario.weekday * WEEKDAY_PATTERN[dow]
    if scenario.extra:
        log_mu += rng.normal(0, scenario.extra, total)
    for name, lag in TRIGGERS.items():
        effect = scenario.effects[name]
        if effect and name in values:
            series = values[name]
            log_mu[lag:] += effect * series[: total - lag] if lag else effect * series
    mu = np.exp(log_mu)
    counts = rng.poisson(rng.gamma(1 / scenario.alpha, scenario.alpha * mu)).astype(float)
    keep = slice(BURN_IN - 1, total)  # day 0 is kept as "yesterday" for the first lag terms
    counts = counts[keep]
    factors = {name: series[keep].copy() for name, series in values.items()}
    missing = _missing_days(scenario, counts, factors, rng)
    counts[missing] = np.nan
    for series in factors.values():
        series[missing] = np.nan
        if scenario.blanks:
            series[rng.random(series.size) < scenario.blanks] = np.nan
    if not weekly:
        start = int(rng.integers(7))
        dow = (np.arange(total) + start) % 7
        weekend_all = (dow >= 5).astype(float)
    return Diary(counts, factors, weekend_all[keep].copy(), weekday=dow[keep].astype(float))


def _bursts(total: int, rng: np.random.Generator) -> Array:
    """1 in a training block, 0 otherwise: blocks and rests of a few weeks each (a two-state chain)."""
    state, out = 0.0, np.empty(total)
    for t in range(total):
        if rng.random() < 1 / 21:
            state = 1.0 - state
        out[t] = state
    return out


def _missing_days(
    scenario: Scenario, counts: Array, factors: dict[str, Array], rng: np.random.Generator
) -> NDArray[np.bool_]:
    days = counts.size
    if scenario.missing == "fatigue":
        # Logging fatigue: 9 % of days missed at first, 28 % by the end, more often on high-twitch days.
        base = 0.09 + 0.19 * np.arange(days) / max(1, days - 1)
        high = (counts - np.mean(counts)) / (np.std(counts) + 1e-9)
        chance = np.clip(base * np.exp(0.4 * high), 0, 0.9)
        fatigued: NDArray[np.bool_] = rng.random(days) < chance
        return fatigued
    if scenario.missing == "informative":
        # Skipping grows on high-twitch and high-stress days: about 15 % overall.
        score = (counts - counts.mean()) / (counts.std() + 1e-9) + factors.get("stress", np.zeros(days))
        chance = 1 / (1 + np.exp(-(score - 2.2)))
        informative: NDArray[np.bool_] = rng.random(days) < chance
        return informative
    at_random: NDArray[np.bool_] = rng.random(days) < scenario.missing
    return at_random
