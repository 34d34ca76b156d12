"""Keras-style mitbadak networks as scikit-learn estimators, proven with scikit-learn itself."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.classic import ModelClassifier, ModelRegressor
from mitbadak.layers import Dense

sklearn = pytest.importorskip("sklearn", reason="scikit-learn is needed to prove compatibility")
from sklearn.base import clone  # noqa: E402
from sklearn.datasets import load_diabetes  # noqa: E402
from sklearn.model_selection import GridSearchCV, cross_val_score  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402


@pytest.fixture(scope="module")
def digits():
    ds = mb.data.load_digits()
    return ds.data[:900], ds.target[:900]


def test_classifier_in_a_pipeline_with_cross_validation(digits):
    x, y = digits
    pipe = make_pipeline(StandardScaler(), ModelClassifier(hidden=(32,), epochs=20))
    scores = cross_val_score(pipe, x, y, cv=3)
    assert scores.shape == (3,) and scores.mean() > 0.8  # chance is 0.1; 3 folds of 600 digits


def test_clone_gives_an_unfitted_copy_with_the_same_params(digits):
    x, y = digits
    clf = ModelClassifier(hidden=(16,), epochs=2, lr=0.01).fit(x / 16, y)
    copy = clone(clf)
    assert copy.get_params() == clf.get_params()
    assert not hasattr(copy, "model_")
    with pytest.raises(mb.NotFittedError):
        copy.predict(x)


def test_same_seed_same_predictions_and_string_labels(digits):
    x, y = digits
    names = np.array(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    )
    a = ModelClassifier(hidden=(16,), epochs=3, seed=1).fit(x / 16, names[y])
    b = ModelClassifier(hidden=(16,), epochs=3, seed=1).fit(x / 16, names[y])
    np.testing.assert_array_equal(a.predict_proba(x), b.predict_proba(x))
    assert set(a.predict(x[:50])) <= set(names)
    proba = a.predict_proba(x[:5])
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
    assert list(a.classes_) == sorted(names)


def test_template_model_and_builder_function(digits):
    x, y = digits
    template = mb.Sequential([Dense(24, activation="relu"), Dense(10, activation="softmax")])
    clf = ModelClassifier(model=template, loss="sparse_categorical_crossentropy", epochs=25)
    clf.fit(x / 16, y)
    assert clf.model_ is not template and not template.built  # the template is never trained
    assert clf.score(x / 16, y) > 0.9

    def build(n_features, n_classes):
        return mb.Sequential([Dense(n_classes)])

    assert ModelClassifier(model=build, epochs=25).fit(x / 16, y).score(x / 16, y) > 0.9


def test_grid_search_over_network_params(digits):
    x, y = digits
    grid = GridSearchCV(ModelClassifier(epochs=3), {"hidden": [(8,), (32,)]}, cv=2)
    grid.fit(x / 16, y)
    assert grid.best_params_["hidden"] in [(8,), (32,)]


def test_regressor_in_a_pipeline_on_diabetes():
    x, y = load_diabetes(return_X_y=True)
    reg = make_pipeline(StandardScaler(), ModelRegressor(hidden=(32,), epochs=150, lr=0.01))
    reg.fit(x[:350], (y[:350] - y.mean()) / y.std())
    r2 = reg.score(x[350:], (y[350:] - y.mean()) / y.std())
    assert r2 > 0.3  # a linear model gets about 0.5 here
    assert reg.predict(x[:3]).shape == (3,)


def test_wrapper_errors(digits):
    x, y = digits
    with pytest.raises(mb.DataError):
        ModelClassifier().fit(x, y[:10])
    with pytest.raises(mb.LabelError):
        ModelClassifier().fit(x, y + 0.5)
    with pytest.raises(mb.ConfigError):
        ModelClassifier(model=42, epochs=1).fit(x, y)
    clf = ModelClassifier(hidden=(4,), epochs=1).fit(x, y)
    with pytest.raises(mb.ShapeError, match="features"):
        clf.predict(x[:, :10])
