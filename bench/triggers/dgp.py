"""The data-generating process of triggers.md §4.1: simulated diaries with known triggers.

Factors are AR(1) latent Gaussians with correlated innovations (stationary variance 1); yes/no
factors threshold the latent value at their prevalence.  The outcome is NB2 around
log mu_t = log(base) + sum log(RR_k) x_k,t-lag_k + u_t, with u_t a latent AR(1) the factors do
not explain.  Whole days go missing completely at random, or informatively.
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


@dataclass(frozen=True)
class Scenario:
    days: int = 90
    rr: float | tuple[float, float, float, float] = 1.0  # one RR for every trigger, or one each
    base: float = 5.0
    alpha: float = 0.3
    phi_u: float = 0.5
    factors: int = 12
    missing: float | Literal["informative"] = 0.15

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
        return f"T={self.days} RR={rr} {shape} miss={missing}"


@dataclass
class Diary:
    counts: Array
    factors: dict[str, Array]
    weekend: Array
    latent_sd: dict[str, float] = field(default_factory=dict)


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
    for name, prevalence in PREVALENCE.items():
        if name in values:
            values[name] = (values[name] > stats.norm.ppf(1 - prevalence)).astype(float)
    u = np.empty(total)
    u[0] = rng.normal(0, 0.3)
    for t in range(1, total):
        u[t] = scenario.phi_u * u[t - 1] + math.sqrt(1 - scenario.phi_u**2) * rng.normal(0, 0.3)
    log_mu = math.log(scenario.base) + u
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
    days = counts.size
    missing = _missing_days(scenario, counts, factors, rng)
    counts[missing] = np.nan
    for series in factors.values():
        series[missing] = np.nan
    weekend = ((np.arange(days) + int(rng.integers(7))) % 7 >= 5).astype(float)
    return Diary(counts, factors, weekend)


def _missing_days(
    scenario: Scenario, counts: Array, factors: dict[str, Array], rng: np.random.Generator
) -> NDArray[np.bool_]:
    days = counts.size
    if scenario.missing == "informative":
        # Skipping grows on high-twitch and high-stress days: about 15 % overall.
        score = (counts - counts.mean()) / (counts.std() + 1e-9) + factors.get("stress", np.zeros(days))
        chance = 1 / (1 + np.exp(-(score - 2.2)))
        informative: NDArray[np.bool_] = rng.random(days) < chance
        return informative
    at_random: NDArray[np.bool_] = rng.random(days) < scenario.missing
    return at_random
