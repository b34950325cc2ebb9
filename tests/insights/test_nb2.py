"""The vectorised fits against statsmodels itself, fit by fit, on data like a diary's."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from statsmodels.discrete.discrete_model import NegativeBinomial
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM

from twitchwise.insights import nb2

Array = np.ndarray


def dataset(seed: int, alpha: float, rows: int = 300, columns: int = 12, offset: bool = False) -> tuple[Array, ...]:
    rng = np.random.default_rng(seed)
    x = np.column_stack([np.ones(rows), rng.normal(size=(rows, columns - 1))])
    beta = np.r_[1.2, rng.normal(0, 0.15, columns - 1)]
    shift = rng.normal(0, 0.2, rows) if offset else np.zeros(rows)
    mu = np.exp(x @ beta + shift)
    y = rng.poisson(rng.gamma(1 / alpha, alpha * mu)).astype(float)
    return y, x, shift


CASES = [(seed, alpha, offset) for seed, alpha in enumerate([0.3, 1.0, 2.5, 0.05, 1e-3]) for offset in (False, True)]


@pytest.mark.parametrize(("seed", "alpha", "offset"), CASES)
def test_the_poisson_start_is_statsmodels_glm(seed: int, alpha: float, offset: bool) -> None:
    y, x, shift = dataset(seed, alpha, offset=offset)
    reference = GLM(y, x, family=families.Poisson(), offset=shift).fit(maxiter=100)
    mine = nb2.poisson(y, x, shift)
    np.testing.assert_allclose(mine.params, reference.params, rtol=1e-9, atol=1e-11)
    np.testing.assert_allclose(mine.bse, reference.bse, rtol=1e-9)
    assert mine.converged == reference.converged


@pytest.mark.parametrize(("seed", "alpha", "offset"), CASES)
def test_the_joint_likelihood_is_statsmodels_newton(seed: int, alpha: float, offset: bool) -> None:
    y, x, shift = dataset(seed, alpha, offset=offset)
    start = np.append(nb2.poisson(y, x, shift).params, 0.3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = NegativeBinomial(y, x, loglike_method="nb2", offset=shift)
        reference = model.fit(start_params=start, method="newton", maxiter=100, disp=False)
    mine = nb2.maximum_likelihood(y, x, start, shift)
    assert mine.converged == reference.mle_retvals["converged"]
    assert mine.iterations == reference.mle_retvals["iterations"]
    np.testing.assert_allclose(mine.params, reference.params[:-1], rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(mine.alpha, reference.params[-1], rtol=1e-8, atol=1e-10)
    finite = np.isfinite(reference.bse[:-1])
    assert np.array_equal(np.isfinite(mine.bse), finite)
    np.testing.assert_allclose(mine.bse[finite], reference.bse[:-1][finite], rtol=1e-8)


@pytest.mark.parametrize(("seed", "alpha", "offset"), CASES)
def test_a_known_alpha_is_statsmodels_glm_with_that_family(seed: int, alpha: float, offset: bool) -> None:
    y, x, shift = dataset(seed, alpha, offset=offset)
    start = nb2.poisson(y, x, shift).params
    family = families.NegativeBinomial(alpha=0.4)
    reference = GLM(y, x, family=family, offset=shift).fit(start_params=start, maxiter=100)
    mine = nb2.fixed_alpha(y, x, 0.4, start, shift)
    np.testing.assert_allclose(mine.params, reference.params, rtol=1e-9, atol=1e-11)
    np.testing.assert_allclose(mine.bse, reference.bse, rtol=1e-9)
    assert mine.converged == reference.converged and mine.alpha == 0.4


def test_a_diary_without_overdispersion_fails_the_joint_fit_as_statsmodels_does() -> None:
    """Poisson counts drive α towards zero or below; both report the same failure."""
    y, x, _ = dataset(7, 1e-6, rows=120, columns=6)
    start = np.append(nb2.poisson(y, x).params, 0.3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = NegativeBinomial(y, x, loglike_method="nb2").fit(
            start_params=start, method="newton", maxiter=100, disp=False
        )
    mine = nb2.maximum_likelihood(y, x, start)
    usable = bool(reference.mle_retvals["converged"]) and 0 < reference.params[-1] < 50
    assert (mine.converged and 0 < mine.alpha < 50) == usable
    assert not usable  # the case the moment estimate of α exists for


def test_the_iteration_cap_is_reported_as_not_converged() -> None:
    y, x, _ = dataset(1, 0.3)
    start = np.append(nb2.poisson(y, x).params, 0.3)
    assert not nb2.maximum_likelihood(y, x, start, max_iterations=1).converged
    assert not nb2.poisson(y, x, max_iterations=1).converged


def test_a_non_finite_start_is_an_error_not_a_result() -> None:
    y, x, _ = dataset(2, 0.3)
    with pytest.raises(ValueError, match="deviance"):
        nb2.fixed_alpha(y, x, 0.4, np.full(x.shape[1], np.nan))
