"""The joint negative-binomial model of daily twitch counts, with calibrated inference.

log E[y_t] = b0 + sum_k b_k x_k,t + sum_(k in lag-1 list) g_k x_k,t-1 + rho log(y_t-1 + 0.5)
             + d weekend_t + s trend_t,     y_t ~ NB2 (variance mu + alpha mu^2)

Every factor goes in together (a per-factor screen flags innocent proxies of a real trigger).
Raw Wald p-values of this model are anti-conservative on one person's autocorrelated diary, so
they are calibrated — by a variance-inflation factor lambda estimated either from the *shift*
null (the whole factor block rotated against the outcome) or from a *parametric bootstrap* under
the fitted no-factor model — before false-discovery control at q = 0.10 across every factor x
lag term.  The shipped calibration is the *refined* shift: when the first pass finds an effect,
the shifted null is refitted with the found effects held fixed and lambda re-estimated, because
shifted refits that leave a real, autocorrelated effect out take it for noise and inflate lambda
(in the harness, per-term coverage at 180 days and RR 1.5 went from 0.947–0.973 to 0.934–0.962,
and power rose).  With nothing found it is the plain shift.  On top of that (``shift_slow``, the
shipped default), a slowly changing factor's term is calibrated by its own shifted z-scores when
they are more spread than the shared lambda allows (see ``_inflations``).

The shipped procedure is Benjamini–Yekutieli, Benjamini–Hochberg's step-up for dependent tests:
the terms of one diary are dependent (a factor's lag 0 and lag 1 above all).  In the harness,
Benjamini–Hochberg on the shipped calibration let the chance of any false flag under the global
null reach 0.094 at 180 days (slow unexplained drift, phi_u 0.8), too close to the target of
0.10; Benjamini–Yekutieli keeps it at 0.030 or less (bench/README.md, "BH or BY").  A fit that
fails or does not converge means "not enough data", never a fallback to a naive correlation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from twitchwise.insights import nb2

Calibration = Literal["shift", "shift_refined", "shift_slow", "bootstrap", "none"]
# Calibrations that refit the null once more after a first pass, holding its flags fixed: their
# p-values depend on the multiplicity procedure, not only their flags.
REFINED: frozenset[Calibration] = frozenset({"shift_refined", "shift_slow"})
Procedure = Literal["by", "bh"]  # Benjamini–Yekutieli (any dependence) or Benjamini–Hochberg
Array = NDArray[np.float64]

Q = 0.10  # Benjamini–Hochberg false-discovery rate
PAIRS_PER_PARAMETER = 5  # gating: usable day-pairs per model parameter (triggers.md §2.5; see bench/triggers)
MIN_EXPOSED = 10  # a yes/no factor needs this many exposed and unexposed usable days
MIN_COVERAGE = 0.8  # a factor must be recorded on this share of the outcome's day-pairs
CHI2_1_MEDIAN = 0.454936  # median of chi-squared with one degree of freedom
SHIFT_START, SHIFT_STEP, MAX_SHIFTS = 7, 3, 40
SLOW = 0.6  # a term whose day-to-day correlation reaches this changes slowly (see _inflations)
BOOTSTRAP_DRAWS = 40
MAX_ITERATIONS = 100


@dataclass(frozen=True)
class FactorSpec:
    """A pre-declared factor: yes/no or continuous, and the lags it enters with."""

    name: str
    binary: bool = False
    lags: tuple[int, ...] = (0,)


@dataclass(frozen=True)
class Term:
    factor: str
    lag: int
    log_rr: float  # per 1 SD of the person's own variation (continuous) or exposed vs not
    se: float  # calibrated
    p: float  # calibrated, two-sided
    low: float  # rate-ratio interval, calibrated 95 %
    high: float
    flagged: bool = False

    @property
    def rr(self) -> float:
        return math.exp(self.log_rr)


@dataclass(frozen=True)
class FactorOutcome:
    name: str
    status: Literal["modelled", "not_enough_records", "not_enough_variation", "does_not_vary"]
    terms: tuple[Term, ...] = ()
    sd: float | None = None  # the person's SD in natural units (continuous factors)


@dataclass(frozen=True)
class Analysis:
    status: Literal["ok", "not_enough_data", "fit_failed"]
    usable_pairs: int
    needed_pairs: int
    parameters: int
    factors: tuple[FactorOutcome, ...] = ()
    inflation: float = 1.0  # the calibration's lambda
    null_refits: int = 0  # the shifted (or simulated) refits lambda was estimated from
    calibration: Calibration = "shift_slow"
    alpha: float | None = None  # NB2 dispersion

    def term(self, factor: str, lag: int) -> Term | None:
        for outcome in self.factors:
            for term in outcome.terms:
                if term.factor == factor and term.lag == lag:
                    return term
        return None


def analyse(
    counts: Array,
    factors: Mapping[str, Array],
    specs: Sequence[FactorSpec],
    weekend: Array,
    *,
    calibration: Calibration = "shift_slow",
    q: float = Q,
    procedure: Procedure = "by",
    seed: int = 0,
    weekday: Array | None = None,
) -> Analysis:
    """Analyse one person's daily table: ``counts[t]`` (NaN when unrecorded) and factor series.

    With ``weekday`` (0 = Monday … 6 = Sunday for each day) the model has a term for each day of the week
    instead of one for weekends (not with the bootstrap calibration, whose simulation knows only weekends).
    """
    if calibration == "bootstrap":
        weekday = None
    design = _Design.build(counts, factors, specs, weekend, weekday)
    if design.usable < design.needed:
        return Analysis("not_enough_data", design.usable, design.needed, design.parameters, tuple(design.excluded))
    fitted = _fit(design.y, design.x)
    if fitted is None:
        return Analysis("fit_failed", design.usable, design.needed, design.parameters, tuple(design.excluded))
    beta, se, alpha = fitted
    columns = design.factor_columns
    if calibration.startswith("shift"):
        null_z = _shift_null(design)
    elif calibration == "bootstrap":
        null_z = _bootstrap_null(design, alpha, np.random.default_rng(seed))
    else:
        null_z = np.array([])
    slow = calibration == "shift_slow"
    inflation = _inflation(null_z, len(columns))
    terms = _terms(design, beta[columns], se[columns], _inflations(design, null_z, inflation, slow), q, procedure)
    if calibration in REFINED and any(term.flagged for term in terms):
        # The shifted refits leave out every real effect, and an autocorrelated effect left out
        # looks like extra noise to them, so lambda comes out too large when something is found.
        # Refit the shifted null once more with the found effects as an offset (fixed, as they
        # are in the real fit) and calibrate from that.  (With every term's fitted effect as the
        # offset, chance effects are kept too and lambda comes out too small under the null.)
        found = [column for column, term in zip(columns, terms, strict=True) if term.flagged]
        null_z = _shift_null(design, design.x[:, found] @ beta[found])
        inflation = _inflation(null_z, len(columns))
        terms = _terms(design, beta[columns], se[columns], _inflations(design, null_z, inflation, slow), q, procedure)
    outcomes = [*design.excluded]
    for spec in design.specs:
        mine = tuple(t for t in terms if t.factor == spec.name)
        outcomes.append(FactorOutcome(spec.name, "modelled", mine, design.natural_sd.get(spec.name)))
    order = {spec.name: i for i, spec in enumerate(specs)}
    outcomes.sort(key=lambda o: order[o.name])
    refits = null_z.size // len(columns) if columns else 0
    return Analysis(
        "ok", design.usable, design.needed, design.parameters, tuple(outcomes), inflation, refits, calibration, alpha
    )


def _inflation(null_z: Array, terms: int) -> float:
    """lambda: the null z-scores' median square over chi-squared(1)'s median, never below 1."""
    if not terms or null_z.size < terms:
        return 1.0
    return max(1.0, float(np.median(null_z**2)) / CHI2_1_MEDIAN)


def _inflations(design: _Design, null_z: Array, inflation: float, slow: bool) -> Array:
    """Each term's lambda: the shared one, or (``slow``) a slowly changing term's own if larger.

    A factor that changes slowly — a daily medicine taken for weeks, a stressful month — moves
    with the slow ups and downs of twitching that nothing in the diary explains, so its estimate
    varies more than a quick-changing factor's, and the shared median lambda, set mostly by the
    quick ones, is too small for it (its intervals covered 0.92 in the harness's persistent
    cells).  A term whose column's day-to-day correlation is at least ``SLOW`` therefore gets the
    median square of its own shifted z-scores, when that is larger.  Never smaller: a term's own
    lambda from 20–40 refits is noisy, and letting it shrink intervals raised false flags.
    """
    columns = design.factor_columns
    per_term = np.full(len(columns), inflation)
    if not slow or not columns or null_z.size < len(columns):
        return per_term
    null = null_z.reshape(-1, len(columns))
    for j, column in enumerate(columns):
        values = design.x[:, column]
        if float(np.corrcoef(values[1:], values[:-1])[0, 1]) >= SLOW:
            per_term[j] = max(inflation, float(np.median(null[:, j] ** 2)) / CHI2_1_MEDIAN)
    return per_term


# --- the design matrix ---------------------------------------------------------------------


@dataclass
class _Design:
    specs: list[FactorSpec]  # the factors in the model
    excluded: list[FactorOutcome]
    y: Array  # outcome on usable rows
    x: Array  # design on usable rows: intercept, factor terms, AR, weekend, trend
    rows: NDArray[np.int64]  # day index of each usable row
    term_names: list[tuple[str, int]]
    natural_sd: dict[str, float]
    needed: int

    @property
    def usable(self) -> int:
        return int(self.rows.size)

    @property
    def parameters(self) -> int:
        return int(self.x.shape[1]) if self.x.size else 4 + sum(len(s.lags) for s in self.specs)

    @property
    def factor_columns(self) -> list[int]:
        return list(range(1, 1 + len(self.term_names)))

    @classmethod
    def build(
        cls, counts: Array, factors: Mapping[str, Array], specs: Sequence[FactorSpec], weekend: Array,
        weekday: Array | None = None,
    ) -> _Design:  # fmt: skip
        days = counts.size
        pairs = np.zeros(days, dtype=bool)
        pairs[1:] = np.isfinite(counts[1:]) & np.isfinite(counts[:-1])
        excluded: list[FactorOutcome] = []
        kept: list[FactorSpec] = []
        for spec in specs:
            observed = _observed(factors[spec.name], spec.lags, days)
            if pairs.sum() == 0 or (observed & pairs).sum() < MIN_COVERAGE * pairs.sum():
                excluded.append(FactorOutcome(spec.name, "not_enough_records"))
            else:
                kept.append(spec)
        while True:  # dropping a factor can only add usable rows, so this settles
            usable = pairs.copy()
            for spec in kept:
                usable &= _observed(factors[spec.name], spec.lags, days)
            dropped = [s for s in kept if _status(factors[s.name][usable], s.binary) is not None]
            if not dropped:
                break
            for spec in dropped:
                status = _status(factors[spec.name][usable], spec.binary)
                assert status is not None
                excluded.append(FactorOutcome(spec.name, status))
                kept.remove(spec)
        rows = np.flatnonzero(usable)
        term_names = [(s.name, lag) for s in kept for lag in s.lags]
        needed = PAIRS_PER_PARAMETER * (4 + len(term_names))
        scale: dict[str, tuple[float, float]] = {}
        natural_sd: dict[str, float] = {}
        columns: list[Array] = [np.ones(rows.size)]
        for spec in kept if rows.size else []:
            series = factors[spec.name]
            if not spec.binary:
                mean, sd = float(np.mean(series[rows])), float(np.std(series[rows], ddof=1))
                scale[spec.name] = (mean, sd)
                natural_sd[spec.name] = sd
            for lag in spec.lags:
                values = series[rows - lag]
                columns.append(values if spec.binary else (values - scale[spec.name][0]) / scale[spec.name][1])
        y = counts[rows] if rows.size else np.array([])
        if rows.size:
            columns.append(np.log(counts[rows - 1] + 0.5))
            if weekday is None:
                columns.append(weekend[rows].astype(np.float64))
            else:  # one term per day of the week, Monday the reference (only days the diary has)
                columns.extend((weekday[rows] == d).astype(np.float64) for d in range(1, 7)
                               if np.any(weekday[rows] == d))  # fmt: skip
            columns.append(((rows - (days - 1) / 2) / max(1.0, (days - 1) / 2)).astype(np.float64))
        x = np.column_stack(columns) if rows.size else np.empty((0, 0))
        return cls(kept, excluded, y, x, rows, term_names, natural_sd, needed)


def _observed(series: Array, lags: Sequence[int], days: int) -> NDArray[np.bool_]:
    observed = np.ones(days, dtype=bool)
    for lag in lags:
        shifted = np.zeros(days, dtype=bool)
        shifted[lag:] = np.isfinite(series[: days - lag]) if lag else np.isfinite(series)
        observed &= shifted
    return observed


def _status(values: Array, binary: bool) -> Literal["not_enough_variation", "does_not_vary"] | None:
    if binary:
        exposed = int(np.sum(values > 0.5))
        if exposed < MIN_EXPOSED or values.size - exposed < MIN_EXPOSED:
            return "not_enough_variation"
        return None
    distinct, times = np.unique(values, return_counts=True)
    if distinct.size < 2 or float(np.std(values)) < 1e-9:
        return "does_not_vary"
    if distinct.size == 2 and times.min() < MIN_EXPOSED:  # an amount that is really yes/no
        return "not_enough_variation"
    return None


# --- fitting ---------------------------------------------------------------------------------


def _fit(
    y: Array, x: Array, alpha: float | None = None, offset: Array | None = None
) -> tuple[Array, Array, float] | None:
    """NB2 from a Poisson start, iterations capped; None when it fails or does not converge.

    Without ``alpha`` the dispersion is estimated by maximum likelihood; when that fails (a diary
    with little or no overdispersion drives it to zero) the moment estimate of Cameron and
    Trivedi is used instead.  With ``alpha`` (the refits of a calibration) the model is a GLM with
    that NB2 family.  The fits are statsmodels' algorithms, vectorised (see ``nb2``).
    """
    if x.shape[0] <= x.shape[1] or np.linalg.matrix_rank(x) < x.shape[1]:
        return None  # e.g. a weekend column without weekends: the effects are not identifiable
    try:
        poisson = nb2.poisson(y, x, offset, MAX_ITERATIONS)
        if alpha is None:
            joint = nb2.maximum_likelihood(y, x, np.append(poisson.params, 0.3), offset, MAX_ITERATIONS)
            found = _checked(joint.params, joint.bse, joint.alpha, joint.converged)
            if found is not None:
                return found
            alpha = _moment_alpha(y, np.exp(x @ poisson.params + (0 if offset is None else offset)))
        result = nb2.fixed_alpha(y, x, alpha, poisson.params, offset, MAX_ITERATIONS)
    except (np.linalg.LinAlgError, ValueError, OverflowError, FloatingPointError, ZeroDivisionError):
        return None
    return _checked(result.params, result.bse, alpha, result.converged)


def _moment_alpha(y: Array, mu: Array) -> float:
    """Cameron–Trivedi: regress ((y - mu)^2 - y) / mu on mu without an intercept."""
    auxiliary = ((y - mu) ** 2 - y) / mu
    alpha = float(np.sum(mu * auxiliary) / np.sum(mu**2))
    return min(max(alpha, 1e-4), 50.0)


def _checked(params: Array, bse: Array, alpha: float, converged: bool) -> tuple[Array, Array, float] | None:
    if not converged or not np.all(np.isfinite(params)) or not np.all(np.isfinite(bse)):
        return None
    if not 0 < alpha < 50 or np.any(bse <= 0):
        return None
    return params, bse, alpha


def _shift_null(design: _Design, offset: Array | None = None) -> Array:
    """Null z-scores with the whole factor block rotated against the outcome and its AR term.

    The block is rotated over the usable rows (today's and yesterday's columns together), so each
    refit keeps every row of the real fit: each factor's autocorrelation and the correlations
    between factors are kept, any real factor-to-twitch link is broken.  (Rotating by calendar
    days instead loses the rows where a rotated day was missing; near the gating threshold that
    left too few rows to refit, and lambda fell back to 1 for most 180-day diaries.)  ``offset``
    holds effects every refit keeps fixed.
    """
    null: list[float] = []
    columns = design.factor_columns
    shifts = list(range(SHIFT_START, design.usable - SHIFT_START + 1, SHIFT_STEP))
    if len(shifts) > MAX_SHIFTS:  # a long diary: evenly spaced shifts keep the cost bounded
        shifts = [shifts[round(i * (len(shifts) - 1) / (MAX_SHIFTS - 1))] for i in range(MAX_SHIFTS)]
    for shift in shifts:
        x = design.x.copy()
        x[:, columns] = np.roll(design.x[:, columns], shift, axis=0)
        # The dispersion is re-estimated: without the real effects the null fit is noisier.
        fitted = _fit(design.y, x, offset=offset)
        if fitted is not None:
            beta, se, _ = fitted
            null.extend(beta[columns] / se[columns])
    return np.array(null)


def _bootstrap_null(design: _Design, alpha: float, rng: np.random.Generator) -> Array:
    """Null z-scores from diaries simulated under the fitted no-factor model (AR, weekend, trend)."""
    columns = design.factor_columns
    keep = [0, *range(1 + len(columns), design.x.shape[1])]
    fitted = _fit(design.y, design.x[:, keep], alpha)
    if fitted is None:
        return np.array([])
    beta0 = fitted[0]
    null: list[float] = []
    for _ in range(BOOTSTRAP_DRAWS):
        y = _simulate_null(design, beta0, alpha, rng)
        x = design.x.copy()
        x[:, 1 + len(columns)] = np.log(_previous(design, y) + 0.5)
        refit = _fit(y, x, alpha)
        if refit is not None:
            null.extend(list(refit[0][columns] / refit[1][columns]))
    return np.array(null)


def _simulate_null(design: _Design, beta: Array, alpha: float, rng: np.random.Generator) -> Array:
    """Counts day by day, each day's AR term from the previous simulated day (observed when first)."""
    ar_column = 1 + len(design.factor_columns)
    previous_day = -10
    y = np.empty(design.rows.size)
    last = 0.0
    for i, day in enumerate(design.rows):
        ar = math.log(last + 0.5) if day - 1 == previous_day else design.x[i, ar_column]
        mu = math.exp(beta[0] + beta[1] * ar + beta[2] * design.x[i, ar_column + 1] + beta[3] * design.x[i, -1])
        mu = min(mu, 1e6)
        y[i] = rng.poisson(rng.gamma(1 / alpha, alpha * mu))
        last, previous_day = y[i], day
    return y


def _previous(design: _Design, y: Array) -> Array:
    """Yesterday's simulated count where yesterday is a usable row, else the observed count."""
    previous = np.exp(design.x[:, 1 + len(design.factor_columns)]) - 0.5
    for i in range(1, design.rows.size):
        if design.rows[i] - 1 == design.rows[i - 1]:
            previous[i] = y[i - 1]
    return previous


def discoveries(p: Sequence[float] | Array, q: float = Q, procedure: Procedure = "by") -> NDArray[np.bool_]:
    """Which p-values survive false-discovery control at ``q`` (BY or BH), in their order."""
    from statsmodels.stats.multitest import multipletests

    if not len(p):
        return np.array([], dtype=bool)
    flagged: NDArray[np.bool_] = multipletests(p, alpha=q, method={"by": "fdr_by", "bh": "fdr_bh"}[procedure])[0]
    return flagged


def _terms(design: _Design, beta: Array, se: Array, inflations: Array, q: float, procedure: Procedure) -> list[Term]:
    from scipy import stats

    se = se * np.sqrt(inflations)
    df = max(1, design.usable - design.parameters - 1)
    t = np.abs(beta / se)
    p = 2 * stats.t.sf(t, df)
    flagged = discoveries(p, q, procedure)
    half = stats.t.ppf(0.975, df) * se
    return [
        Term(name, lag, float(b), float(s), float(pv), math.exp(b - h), math.exp(b + h), bool(f))
        for (name, lag), b, s, pv, h, f in zip(design.term_names, beta, se, p, half, flagged, strict=True)
    ]
