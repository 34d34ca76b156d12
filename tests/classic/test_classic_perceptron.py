"""Perceptron: the learning rule, separable vs. XOR, and equality with scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.linear_model import Perceptron as SkPerceptron

from mitbadak.classic import Perceptron, step

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


def test_step_function_fires_only_above_zero():
    assert step(np.array([-1.0, 0.0, 1e-12, 5.0])).tolist() == [0, 0, 1, 1]


@pytest.mark.parametrize("target", [[0, 0, 0, 1], [0, 1, 1, 1], [1, 1, 1, 0]])  # AND, OR, NAND
def test_learns_linearly_separable_gates(target):
    clf = Perceptron(shuffle=False).fit(XOR_X, target)
    assert clf.predict(XOR_X).tolist() == target
    assert clf.n_iter_ < 20  # a mistake-free epoch ends training early


def test_converges_on_separable_cloud_and_separates_every_point():
    rng = np.random.default_rng(0)
    w_true = np.array([2.0, -1.0, 0.5])
    X = rng.normal(size=(300, 3))
    margin = X @ w_true + 0.3
    X, margin = X[np.abs(margin) > 0.2], margin[np.abs(margin) > 0.2]  # keep a clear margin
    y = (margin > 0).astype(int)
    clf = Perceptron(tol=None, max_iter=1000, random_state=3).fit(X, y)
    assert clf.score(X, y) == 1.0
    assert clf.n_iter_ < 1000  # stopped because it converged, not because of max_iter


def test_cannot_learn_xor():
    y = [0, 1, 1, 0]
    for seed in range(5):
        clf = Perceptron(max_iter=200, tol=None, random_state=seed).fit(XOR_X, y)
        assert clf.score(XOR_X, y) <= 0.75  # at most 3 of 4 points: no line separates XOR
        assert clf.n_iter_ == 200  # it never reaches a mistake-free epoch


def test_single_update_is_the_perceptron_rule():
    # One sample, one epoch: z = 0 counts as a mistake, so w = eta0 * t * x and b = eta0 * t.
    clf = Perceptron(eta0=0.5, max_iter=1, shuffle=False, tol=None)
    clf.fit(np.array([[2.0, -1.0], [1.0, 1.0]]), [1, 0])
    # sample 0 (t=+1, z=0): w = .5*[2,-1] = [1, -.5], b = .5
    # sample 1 (t=-1, z = 1 - .5 + .5 = 1 > 0, a mistake): w = [1,-.5] - .5*[1,1], b = 0
    np.testing.assert_allclose(clf.coef_, [[0.5, -1.0]])
    np.testing.assert_allclose(clf.intercept_, [0.0])


def test_equals_sklearn_multiclass_on_digits(digits):
    X, y = digits
    ours = Perceptron(shuffle=False).fit(X, y)
    ref = SkPerceptron(shuffle=False).fit(X, y)
    # Integer pixels and eta0 = 1 make every step exact: the weights must be identical.
    np.testing.assert_array_equal(ours.coef_, ref.coef_)
    np.testing.assert_array_equal(ours.intercept_, ref.intercept_)
    np.testing.assert_array_equal(ours.predict(X), ref.predict(X))
    assert ours.coef_.shape == (10, 64)


def test_equals_sklearn_binary_float_data():
    X, y = make_classification(n_samples=300, n_features=6, random_state=1)
    for eta0, fit_intercept in [(1.0, True), (0.1, False)]:
        kw = dict(shuffle=False, eta0=eta0, fit_intercept=fit_intercept)
        ours, ref = Perceptron(**kw).fit(X, y), SkPerceptron(**kw).fit(X, y)
        np.testing.assert_allclose(ours.coef_, ref.coef_, rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(ours.intercept_, ref.intercept_, rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(ours.decision_function(X), ref.decision_function(X), atol=1e-9)
        assert ours.coef_.shape == (1, 6) and ours.decision_function(X).shape == (300,)


def test_shuffle_is_reproducible_and_string_labels_work(digits):
    X, y = digits
    labels = np.array(list("abcdefghij"))[y]
    a = Perceptron(random_state=7).fit(X[:400], labels[:400])
    b = Perceptron(random_state=7).fit(X[:400], labels[:400])
    np.testing.assert_array_equal(a.coef_, b.coef_)
    assert set(a.predict(X[400:500])) <= set("abcdefghij")
    assert a.score(X[400:], labels[400:]) > 0.85
