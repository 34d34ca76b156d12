"""Logistic regression vs. scikit-learn: sigmoid and softmax, L2 / L1 / no penalty."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

from mitbadak.classic import ConvergenceWarning, LogisticRegression
from mitbadak.classic.logistic import log_softmax, sigmoid
from mitbadak.errors import ConfigError, LabelError

from .conftest import max_rel


@pytest.fixture(scope="module")
def digits600(digits):
    X, y = digits
    return X[:600] / 16.0, y[:600]


@pytest.fixture(scope="module")
def binary():
    return make_classification(n_samples=400, n_features=10, n_informative=5, random_state=0)


@pytest.fixture(scope="module")
def three_class():
    return make_classification(
        n_samples=300, n_features=8, n_informative=5, n_classes=3, random_state=0
    )


def sk_l2(C, **kw):
    return SkLogisticRegression(C=C, tol=1e-10, max_iter=10_000, **kw)


def assert_same_model(ours, ref, X, coef_rtol=1e-4, proba_atol=1e-5):
    assert ours.coef_.shape == ref.coef_.shape
    assert max_rel(ours.coef_, ref.coef_) < coef_rtol
    if np.any(ref.intercept_ != 0):
        assert max_rel(ours.intercept_, ref.intercept_) < coef_rtol
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=proba_atol)
    np.testing.assert_allclose(
        ours.decision_function(X), ref.decision_function(X), atol=proba_atol * 100
    )
    np.testing.assert_array_equal(ours.classes_, ref.classes_)
    # Predictions may differ only where the two models are both on the fence.
    agree = ours.predict(X) == ref.predict(X)
    assert agree.mean() >= 0.998


@pytest.mark.parametrize("C, fit_intercept", [(0.1, True), (1.0, True), (10.0, False)])
def test_multinomial_l2_equals_sklearn_on_digits(digits600, C, fit_intercept):
    X, y = digits600
    ours = LogisticRegression(C=C, tol=1e-10, fit_intercept=fit_intercept).fit(X, y)
    ref = sk_l2(C, fit_intercept=fit_intercept).fit(X, y)
    assert_same_model(ours, ref, X)
    assert ours.coef_.shape == (10, 64)
    assert ours.n_iter_[0] < 30  # Newton converges in a handful of steps


@pytest.mark.parametrize("C", [0.01, 1.0, 100.0])
def test_binary_l2_equals_sklearn(binary, C):
    X, y = binary
    ours = LogisticRegression(C=C, tol=1e-10).fit(X, y)
    ref = sk_l2(C).fit(X, y)
    assert_same_model(ours, ref, X, coef_rtol=1e-6)
    assert ours.decision_function(X).shape == (len(X),)


def test_unpenalized_equals_sklearn(binary, three_class):
    for X, y in (binary, three_class):
        ours = LogisticRegression(penalty=None, tol=1e-10).fit(X, y)
        ref = sk_l2(np.inf).fit(X, y)  # scikit-learn >= 1.8 spells "no penalty" C=inf
        assert_same_model(ours, ref, X, coef_rtol=1e-5)
    # C=inf is accepted as "no penalty" too
    same = LogisticRegression(C=np.inf, tol=1e-10).fit(X, y)
    np.testing.assert_allclose(same.coef_, ours.coef_, rtol=1e-8)


@pytest.mark.parametrize("C", [0.05, 1.0])
def test_l1_equals_sklearn_saga(binary, three_class, C):
    for X, y in (binary, three_class):
        ours = LogisticRegression(penalty="l1", C=C, tol=1e-9, max_iter=100_000).fit(X, y)
        ref = SkLogisticRegression(
            C=C, l1_ratio=1.0, solver="saga", tol=1e-10, max_iter=100_000
        ).fit(X, y)
        assert_same_model(ours, ref, X)
        np.testing.assert_array_equal(ours.coef_ == 0, ref.coef_ == 0)  # same sparsity


def test_l1_gives_exact_zeros_l2_does_not(binary):
    X, y = binary
    l1 = LogisticRegression(penalty="l1", C=0.02, max_iter=10_000).fit(X, y)
    l2 = LogisticRegression(penalty="l2", C=0.02).fit(X, y)
    assert 0 < np.sum(l1.coef_ == 0) < X.shape[1]
    assert np.all(l2.coef_ != 0)


def test_binary_probabilities_are_sigmoid_of_decision(binary):
    X, y = binary
    clf = LogisticRegression().fit(X, y)
    z = clf.decision_function(X)
    np.testing.assert_allclose(clf.predict_proba(X)[:, 1], 1 / (1 + np.exp(-z)), rtol=1e-12)
    np.testing.assert_allclose(clf.predict_proba(X).sum(axis=1), 1.0)
    np.testing.assert_array_equal(clf.predict(X), (z > 0).astype(int))


def test_huge_scores_stay_finite():
    z = np.array([[1e4, -1e4, 0.0], [-800.0, 800.0, 799.0]])
    out = log_softmax(z)
    assert np.all(np.isfinite(out))
    np.testing.assert_allclose(np.exp(out).sum(axis=1), 1.0)
    assert sigmoid(np.array([-1e5]))[0] == 0.0 and sigmoid(np.array([1e5]))[0] == 1.0
    # separable data with scale 1e6 -> huge logits, still finite probabilities
    X = np.array([[-1e6], [-2e6], [1e6], [2e6]])
    clf = LogisticRegression(C=1e6, max_iter=50).fit(X, [0, 0, 1, 1])
    proba = clf.predict_proba(np.array([[-1e9], [1e9]]))
    assert np.all(np.isfinite(proba)) and np.all(np.isfinite(clf.predict_log_proba(X)))
    np.testing.assert_allclose(proba, [[1.0, 0.0], [0.0, 1.0]])


def test_gradient_vanishes_at_the_solution(three_class):
    X, y = three_class
    C = 0.5
    clf = LogisticRegression(C=C, tol=1e-10).fit(X, y)
    P = clf.predict_proba(X)
    Y = np.eye(3)[y]
    # ∇ of C Σ CE + ½||W||²: C Xᵀ(P - Y) + W = 0, and Σ (P - Y) = 0 for the intercepts.
    grad = C * X.T @ (P - Y) + clf.coef_.T
    assert np.max(np.abs(grad)) < 1e-6
    assert np.max(np.abs((P - Y).sum(axis=0))) < 1e-6


def test_string_labels_and_order(three_class):
    X, y = three_class
    names = np.array(["cat", "ant", "bee"])[y]
    clf = LogisticRegression().fit(X, names)
    assert clf.classes_.tolist() == ["ant", "bee", "cat"]
    assert clf.score(X, names) == LogisticRegression().fit(X, y).score(X, y)


def test_bad_configuration(binary):
    X, y = binary
    with pytest.raises(ConfigError, match="penalty must be 'l2', 'l1' or None, got 'l3'"):
        LogisticRegression(penalty="l3").fit(X, y)
    with pytest.raises(ConfigError, match="C must be > 0"):
        LogisticRegression(C=0).fit(X, y)
    with pytest.raises(LabelError, match="at least 2 classes"):
        LogisticRegression().fit(X, np.zeros(len(X)))


def test_max_iter_reached_warns(digits600):
    X, y = digits600
    with pytest.warns(ConvergenceWarning, match="did not converge"):
        LogisticRegression(C=100.0, max_iter=2, tol=1e-12).fit(X, y)
    with pytest.warns(ConvergenceWarning, match="increase max_iter"):
        LogisticRegression(penalty="l1", max_iter=3, tol=1e-12).fit(X, y)
