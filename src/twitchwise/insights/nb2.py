"""Negative-binomial (NB2) and Poisson fits with a log link, vectorised.

One person's analysis refits the same model 40 to 80 times (the shift calibration), so the fit
is the hot loop of ``twitchwise insights``.  These functions follow statsmodels' algorithms step
for step — ``GLM(...).fit()`` (IRLS) for a Poisson or a fixed-α NB2 model, and
``NegativeBinomial(..., loglike_method="nb2").fit(method="newton")`` for the joint maximum
likelihood of the coefficients and α — with the same start values, update rules, convergence
tests and covariance, but without statsmodels' per-fit model set-up and its Hessian built one
element at a time.  They return what statsmodels returns to within rounding;
``tests/insights/test_nb2.py`` checks that fit by fit against statsmodels itself.

Failures are reported the way statsmodels reports them: ``ValueError`` for a non-finite start or
weights, ``numpy.linalg.LinAlgError`` for a singular step, non-finite numbers in the result, and
``converged=False`` when the iteration cap is reached.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import special

Array = NDArray[np.float64]

TOLERANCE = 1e-8  # statsmodels' default for both IRLS (deviance) and Newton (parameters)
RIDGE = 1e-10  # statsmodels' Newton adds this to the diagonal of the scaled Hessian
_EPS = float(np.finfo(float).eps)


@dataclass(frozen=True)
class Fit:
    params: Array
    bse: Array  # NaN where the covariance could not be formed
    alpha: float
    converged: bool
    iterations: int


def poisson(y: Array, x: Array, offset: Array | None = None, max_iterations: int = 100) -> Fit:
    """Poisson regression by IRLS from statsmodels' start, ``mu = (y + mean(y)) / 2``."""
    return _irls(y, x, None, None, _zeros(y, offset), max_iterations)


def fixed_alpha(
    y: Array, x: Array, alpha: float, start: Array, offset: Array | None = None, max_iterations: int = 100
) -> Fit:
    """NB2 with a known α by IRLS from ``start``; standard errors from the expected information."""
    return _irls(y, x, alpha, start, _zeros(y, offset), max_iterations)


def maximum_likelihood(y: Array, x: Array, start: Array, offset: Array | None = None, max_iterations: int = 100) -> Fit:
    """NB2 coefficients and α together by Newton's method in (β, α); ``start`` ends with α.

    Standard errors come from the inverse of the observed information, NaN where a variance
    comes out negative; a singular information matrix raises ``LinAlgError``.
    """
    offset = _zeros(y, offset)
    n = y.size
    new = np.asarray(start, dtype=float)
    old = np.full_like(new, np.inf)
    iterations = 0
    with np.errstate(all="ignore"):
        while iterations < max_iterations and np.any(np.abs(new - old) > TOLERANCE):
            score, hessian = _nb2_derivatives(y, x, offset, new)
            scaled = -hessian / n
            scaled[np.diag_indices_from(scaled)] += RIDGE
            old = new
            new = old - np.linalg.solve(scaled, -score / n)
            iterations += 1
        # As statsmodels: the inverse of the scaled observed information, without a check that it
        # is positive definite (a negative variance gives a NaN standard error).
        information = -_nb2_derivatives(y, x, offset, new)[1] / n
        bse = np.sqrt(np.diag(np.linalg.inv(information) / n))
    return Fit(new[:-1], bse[:-1], float(new[-1]), iterations < max_iterations, iterations)


def _nb2_derivatives(y: Array, x: Array, offset: Array, params: Array) -> tuple[Array, Array]:
    """The NB2 log-likelihood's gradient and Hessian in (β, α), as statsmodels writes them."""
    beta, alpha = params[:-1], params[-1]
    a1 = 1 / alpha
    mu = np.exp(x @ beta + offset)
    residual = y - mu
    digamma_part = special.digamma(y + a1) - special.digamma(a1)
    log_prob = np.log(a1 / (a1 + mu))
    score = np.empty(params.size)
    score[:-1] = x.T @ (a1 * residual / (mu + a1))
    da1 = -(alpha**-2)
    dalpha = digamma_part + np.log(a1) - np.log(a1 + mu) - residual / (a1 + mu)
    score[-1] = dalpha.sum() * da1

    hessian = np.empty((params.size, params.size))
    weight = a1 * mu * (a1 + y) / (mu + a1) ** 2
    hessian[:-1, :-1] = -(x.T * weight) @ x
    cross = -(x.T @ (mu * residual * a1**2 / (mu + a1) ** 2))
    hessian[-1, :-1] = cross
    hessian[:-1, -1] = cross
    da2 = 2 * alpha**-3
    # The same quantity as ``dalpha`` above, written as statsmodels' Hessian writes it.  Keep both:
    # reusing ``dalpha`` here changes the last bits, and that flipped a harness diary's flag.
    dalpha_h = da1 * (digamma_part + log_prob - residual / (a1 + mu))
    trigamma = special.polygamma(1, a1 + y) - special.polygamma(1, a1)
    curvature = trigamma + 1 / a1 - 1 / (a1 + mu) + residual / (mu + a1) ** 2
    hessian[-1, -1] = (da2 * dalpha_h / da1 + da1**2 * curvature).sum()
    return score, hessian


def _irls(y: Array, x: Array, alpha: float | None, start: Array | None, offset: Array, max_iterations: int) -> Fit:
    """statsmodels' ``GLM._fit_irls`` for the log link: Poisson when ``alpha`` is None, else NB2."""
    with np.errstate(all="ignore"):
        if start is None:
            mu = (y + y.mean()) / 2.0
            linear = np.log(mu)
        else:
            linear = x @ start + offset
            mu = np.exp(linear)
        deviance = [np.inf, _deviance(y, mu, alpha)]
        if np.isnan(deviance[-1]):
            raise ValueError("the first guess on the deviance is NaN")
        converged = False
        weights = working = params = np.empty(0)
        iterations = 0
        while iterations < max_iterations and not converged:
            iterations += 1
            clean = np.clip(mu, _EPS, np.inf)
            variance = clean if alpha is None else clean + alpha * clean**2
            weights = 1.0 / ((1.0 / clean) ** 2 * variance)
            working = linear + (y - mu) / clean - offset
            root = np.sqrt(weights)
            if not np.all(np.isfinite(root)) or not np.all(np.isfinite(working)):
                raise ValueError("non-finite weights or working response")
            params = np.linalg.lstsq(x * root[:, None], working * root, rcond=None)[0]
            linear = x @ params + offset
            mu = np.exp(linear)
            deviance.append(_deviance(y, mu, alpha))
            converged = bool(np.abs(deviance[-1] - deviance[-2]) <= TOLERANCE)
        # statsmodels refits the last weighted least squares with a pseudo-inverse for the result.
        root = np.sqrt(weights)
        pseudo_inverse = np.linalg.pinv(x * root[:, None])
        params = pseudo_inverse @ (working * root)
        bse = np.sqrt(np.diag(pseudo_inverse @ pseudo_inverse.T))
    return Fit(params, bse, float("nan") if alpha is None else alpha, converged, iterations)


def _deviance(y: Array, mu: Array, alpha: float | None) -> float:
    ratio = np.clip(y / mu, _EPS, np.inf)
    if alpha is None:
        return float(np.sum(2 * (y * np.log(ratio) - (y - mu))))
    y_alpha, mu_alpha = y + 1 / alpha, mu + 1 / alpha
    return float(np.sum(2 * (y * np.log(ratio) - y_alpha * np.log(y_alpha / mu_alpha))))


def _zeros(y: Array, offset: Array | None) -> Array:
    return np.zeros(y.size) if offset is None else offset
