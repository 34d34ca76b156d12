"""Linear regression, Ridge, Lasso, ElasticNet and the regularization path vs. scikit-learn."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sklearn.linear_model as sk
from sklearn.datasets import make_regression

from mitbadak.classic import (
    ConvergenceWarning,
    ElasticNet,
    Lasso,
    LinearRegression,
    Ridge,
    regularization_path,
)
from mitbadak.errors import ConfigError

from .conftest import max_rel


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_least_squares_equals_sklearn(diabetes, fit_intercept):
    X, y = diabetes
    ours = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    ref = sk.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    assert max_rel(ours.coef_, ref.coef_) < 1e-10
    assert abs(ours.intercept_ - ref.intercept_) < 1e-8
    np.testing.assert_allclose(ours.predict(X), ref.predict(X), rtol=1e-10)
    assert ours.score(X, y) == pytest.approx(ref.score(X, y), rel=1e-12)


def test_least_squares_satisfies_the_normal_equation(diabetes):
    X, y = diabetes
    m = LinearRegression().fit(X, y)
    X1 = np.hstack([X, np.ones((len(X), 1))])
    theta = np.append(m.coef_, m.intercept_)
    # The gradient of ||X1 θ - y||² vanishes: X1ᵀ (X1 θ - y) = 0.
    assert np.max(np.abs(X1.T @ (X1 @ theta - y))) < 1e-6 * np.max(np.abs(X1.T @ y))


@pytest.mark.parametrize("batch_size, eta0", [(None, 0.1), (32, 0.01), (1, 0.01)])
def test_gradient_descent_reaches_least_squares(batch_size, eta0):
    # noise=0: the system is consistent, so even constant-step SGD converges to the exact fit.
    X, y = make_regression(n_samples=300, n_features=8, noise=0.0, bias=3.0, random_state=0)
    ref = sk.LinearRegression().fit(X, y)
    m = LinearRegression(solver="gd", batch_size=batch_size, eta0=eta0, max_iter=2000, tol=1e-9)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        m.fit(X, y)
    assert max_rel(m.coef_, ref.coef_) < 1e-6
    assert abs(m.intercept_ - ref.intercept_) < 1e-5
    assert m.n_iter_ < 2000


def test_batch_gradient_descent_with_noise_equals_sklearn():
    X, y = make_regression(n_samples=300, n_features=8, noise=5.0, bias=-2.0, random_state=1)
    ref = sk.LinearRegression().fit(X, y)
    m = LinearRegression(solver="gd", eta0=0.1, max_iter=5000, tol=1e-10).fit(X, y)
    assert max_rel(m.coef_, ref.coef_) < 1e-6
    assert abs(m.intercept_ - ref.intercept_) < 1e-6


def test_gradient_descent_divergence_is_a_clear_error():
    X, y = make_regression(n_samples=50, n_features=3, random_state=0)
    with pytest.raises(ConfigError, match="diverged.*smaller eta0"):
        LinearRegression(solver="gd", eta0=10.0).fit(X * 100, y)


@pytest.mark.parametrize("alpha", [0.0, 0.01, 1.0, 100.0])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_ridge_equals_sklearn(diabetes, alpha, fit_intercept):
    X, y = diabetes
    ours = Ridge(alpha, fit_intercept=fit_intercept).fit(X, y)
    ref = sk.Ridge(alpha, fit_intercept=fit_intercept).fit(X, y)
    assert max_rel(ours.coef_, ref.coef_) < 1e-8
    assert abs(ours.intercept_ - ref.intercept_) < 1e-8


CD_CASES = [
    (Lasso, sk.Lasso, {}),
    (ElasticNet, sk.ElasticNet, {"l1_ratio": 0.3}),
    (ElasticNet, sk.ElasticNet, {"l1_ratio": 0.9}),
]


@pytest.mark.parametrize("ours_cls, ref_cls, kw", CD_CASES)
@pytest.mark.parametrize("alpha", [0.003, 0.1, 1.0])
def test_coordinate_descent_equals_sklearn(diabetes, ours_cls, ref_cls, kw, alpha):
    X, y = diabetes
    ours = ours_cls(alpha, tol=1e-10, max_iter=100_000, **kw).fit(X, y)
    ref = ref_cls(alpha=alpha, tol=1e-10, max_iter=100_000, **kw).fit(X, y)
    assert max_rel(ours.coef_, ref.coef_) < 1e-8
    assert abs(ours.intercept_ - ref.intercept_) < 1e-6
    np.testing.assert_array_equal(ours.coef_ == 0, ref.coef_ == 0)  # same selected features


def test_default_tolerance_equals_sklearn_defaults():
    X, y = make_regression(n_samples=200, n_features=30, n_informative=5, random_state=3)
    for ours, ref in [
        (Lasso(alpha=1.0), sk.Lasso(alpha=1.0)),
        (ElasticNet(alpha=0.5, l1_ratio=0.7, fit_intercept=False),
         sk.ElasticNet(alpha=0.5, l1_ratio=0.7, fit_intercept=False)),
    ]:  # fmt: skip
        ours.fit(X, y)
        ref.fit(X, y)
        assert ours.n_iter_ == ref.n_iter_  # same algorithm, same stopping rule
        assert max_rel(ours.coef_, ref.coef_) < 1e-8


def test_lasso_objective_is_minimal_at_the_solution(diabetes):
    X, y = diabetes
    alpha = 0.05
    m = Lasso(alpha, tol=1e-12, max_iter=100_000).fit(X, y)

    def objective(w, b):
        return np.sum((y - X @ w - b) ** 2) / (2 * len(y)) + alpha * np.abs(w).sum()

    best = objective(m.coef_, m.intercept_)
    rng = np.random.default_rng(0)
    for _ in range(50):  # any small perturbation is worse
        dw = rng.normal(scale=1e-2, size=X.shape[1])
        assert objective(m.coef_ + dw, m.intercept_) > best
    assert m.dual_gap_ >= 0


def test_large_alpha_zeroes_everything_and_predicts_the_mean(diabetes):
    X, y = diabetes
    alpha_max = np.max(np.abs((X - X.mean(0)).T @ (y - y.mean()))) / len(y)
    m = Lasso(alpha=alpha_max * 1.001).fit(X, y)
    assert np.all(m.coef_ == 0)
    assert m.intercept_ == pytest.approx(y.mean())
    assert np.any(Lasso(alpha=alpha_max * 0.9).fit(X, y).coef_ != 0)


def test_regularization_path_l1_zeroes_l2_shrinks(diabetes):
    X, y = diabetes
    alphas = np.logspace(1, -4, 25)
    lasso = regularization_path(X, y, alphas, model="lasso", tol=1e-8)
    ridge = regularization_path(X, y, alphas * len(y), model="ridge")
    enet = regularization_path(X, y, alphas, model="elasticnet", l1_ratio=0.5, tol=1e-8)
    assert lasso.shape == ridge.shape == enet.shape == (25, 10)
    # L1: all exactly zero at large alpha, none at tiny alpha, and sparse models in between
    # (the count is not monotone in general: a feature may leave the active set again).
    zeros = (lasso == 0).sum(axis=1)
    assert zeros[0] == 10 and zeros[-1] == 0
    assert np.sum((zeros > 2) & (zeros < 8)) >= 5
    assert np.all((enet == 0).sum(axis=1)[:2] == 10) and np.all(enet[-1] != 0)
    # L2: never exactly zero, and the norm grows smoothly as alpha shrinks
    assert np.all(ridge != 0)
    norms = np.linalg.norm(ridge, axis=1)
    assert np.all(np.diff(norms) > 0)
    # the path is the models, alpha by alpha
    for i in (0, 12, 24):
        ref = sk.Lasso(alpha=alphas[i], tol=1e-10, max_iter=100_000).fit(X, y).coef_
        np.testing.assert_allclose(lasso[i], ref, atol=1e-5 * np.abs(ref).max() + 1e-12)
        r = sk.Ridge(alpha=alphas[i] * len(y)).fit(X, y).coef_
        assert max_rel(ridge[i], r) < 1e-8


def test_regularization_path_rejects_unknown_model(diabetes):
    X, y = diabetes
    with pytest.raises(ConfigError, match="lasso"):
        regularization_path(X, y, [1.0], model="lars")


def test_l1_ratio_must_be_in_range(diabetes):
    X, y = diabetes
    with pytest.raises(ConfigError, match=r"l1_ratio must be in \[0, 1\], got 1.5"):
        ElasticNet(l1_ratio=1.5).fit(X, y)
    with pytest.raises(ConfigError, match="alpha"):
        Ridge(alpha=-1.0).fit(X, y)


def test_not_converged_warns(diabetes):
    X, y = diabetes
    with pytest.warns(ConvergenceWarning, match="did not converge"):
        Lasso(alpha=1e-4, max_iter=2, tol=1e-12).fit(X, y)
