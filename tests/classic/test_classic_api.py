"""scikit-learn conventions: params, clone, Pipeline, cross_val_score, and clear errors."""

from __future__ import annotations

import numpy as np
import pytest
import sklearn.linear_model as skl
import sklearn.neighbors as skn
from sklearn.base import clone, is_classifier, is_regressor
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mitbadak.classic import (
    ElasticNet,
    KNeighborsClassifier,
    KNeighborsRegressor,
    Lasso,
    LinearRegression,
    LogisticRegression,
    Perceptron,
    Ridge,
)
from mitbadak.errors import ConfigError, DataError, LabelError, NotFittedError, ShapeError

CLASSIFIERS = [Perceptron, LogisticRegression, KNeighborsClassifier]
REGRESSORS = [LinearRegression, Ridge, Lasso, ElasticNet, KNeighborsRegressor]
ALL = CLASSIFIERS + REGRESSORS


def small_data(cls):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    y = (X[:, 0] > 0).astype(int) if cls in CLASSIFIERS else X @ [1.0, -2.0, 0.5]
    return X, y


@pytest.mark.parametrize("cls", ALL)
def test_fit_returns_self_and_sklearn_sees_the_right_kind(cls):
    X, y = small_data(cls)
    model = cls()
    assert model.fit(X, y) is model
    assert is_classifier(model) == (cls in CLASSIFIERS)
    assert is_regressor(model) == (cls in REGRESSORS)
    assert model.n_features_in_ == 3
    assert isinstance(model.score(X, y), float)


@pytest.mark.parametrize("cls", ALL)
def test_get_set_params_and_clone(cls):
    X, y = small_data(cls)
    model = cls()
    params = model.get_params()
    assert params and all(not k.endswith("_") for k in params)
    name = sorted(params)[0]
    model.set_params(**{name: params[name]})
    fitted = model.fit(X, y)
    copy = clone(fitted)
    assert type(copy) is cls and copy.get_params() == fitted.get_params()
    assert not hasattr(copy, "n_features_in_")  # a clone is unfitted
    with pytest.raises(ConfigError, match="unknown parameter 'bogus'"):
        model.set_params(bogus=1)


def test_params_match_sklearn_names():
    pairs = [
        (Perceptron(), skl.Perceptron()),
        (LinearRegression(), skl.LinearRegression()),
        (Ridge(), skl.Ridge()),
        (Lasso(), skl.Lasso()),
        (ElasticNet(), skl.ElasticNet()),
        (LogisticRegression(), skl.LogisticRegression()),
        (KNeighborsClassifier(), skn.KNeighborsClassifier()),
        (KNeighborsRegressor(), skn.KNeighborsRegressor()),
    ]
    # Our own options (gradient descent for LinearRegression) and sklearn's deprecated
    # `penalty` may differ; every other shared name must have the same default.
    ours_only = {"solver", "eta0", "max_iter", "batch_size", "shuffle", "random_state"}
    for ours, ref in pairs:
        ours_p, ref_p = ours.get_params(), ref.get_params()
        extra = ours_only if isinstance(ours, LinearRegression) else {"penalty", "solver"}
        for name, value in ours_p.items():
            if name in ref_p and name not in extra:
                assert value == ref_p[name], (type(ours).__name__, name)
        missing = set(ours_p) - set(ref_p) - extra
        assert not missing, (type(ours).__name__, missing)


def test_repr_shows_changed_params():
    assert repr(Lasso(alpha=0.5)) == "Lasso(alpha=0.5)"
    assert repr(KNeighborsClassifier()) == "KNeighborsClassifier()"


def test_pipeline_with_sklearn_scaler_equals_sklearn_pipeline(digits):
    X, y = digits
    X_tr, y_tr, X_te, y_te = X[:1000], y[:1000], X[1000:], y[1000:]
    ours = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, tol=1e-10)).fit(X_tr, y_tr)
    ref = make_pipeline(
        StandardScaler(), skl.LogisticRegression(C=0.1, tol=1e-10, max_iter=10_000)
    ).fit(X_tr, y_tr)
    np.testing.assert_allclose(ours.predict_proba(X_te), ref.predict_proba(X_te), atol=1e-5)
    assert ours.score(X_te, y_te) == pytest.approx(ref.score(X_te, y_te), abs=2 / len(y_te))
    assert ours.score(X_te, y_te) > 0.9


def test_cross_val_score_equals_sklearn(diabetes, digits):
    X, y = diabetes
    cv = KFold(5, shuffle=True, random_state=0)
    for ours, ref in [
        (Ridge(alpha=0.3), skl.Ridge(alpha=0.3)),
        (make_pipeline(StandardScaler(), Lasso(0.5, tol=1e-10)),
         make_pipeline(StandardScaler(), skl.Lasso(alpha=0.5, tol=1e-10))),
    ]:  # fmt: skip
        np.testing.assert_allclose(
            cross_val_score(ours, X, y, cv=cv), cross_val_score(ref, X, y, cv=cv), rtol=1e-8
        )
    Xd, yd = digits
    # a classifier gets stratified folds and the accuracy scorer, as in scikit-learn
    ours = cross_val_score(KNeighborsClassifier(3), Xd[:600], yd[:600], cv=3)
    ref = cross_val_score(skn.KNeighborsClassifier(3), Xd[:600], yd[:600], cv=StratifiedKFold(3))
    np.testing.assert_allclose(ours, ref, atol=2 / 200)
    assert ours.mean() > 0.85


def test_grid_search_uses_set_params(diabetes):
    X, y = diabetes
    search = GridSearchCV(Lasso(), {"alpha": [0.01, 0.1, 10.0]}, cv=3).fit(X, y)
    ref = GridSearchCV(skl.Lasso(), {"alpha": [0.01, 0.1, 10.0]}, cv=3).fit(X, y)
    assert search.best_params_ == ref.best_params_
    assert isinstance(search.best_estimator_, Lasso)


# ------------------------------------------------------------------------------------ errors
@pytest.mark.parametrize("cls", ALL)
def test_clear_errors(cls):
    X, y = small_data(cls)
    name = cls.__name__
    with pytest.raises(NotFittedError, match=f"{name}.*not fitted yet"):
        cls().predict(X)
    with pytest.raises(DataError, match="expected at least one sample"):
        cls().fit(np.empty((0, 3)), np.empty(0))
    with pytest.raises(DataError, match="x has 40 samples but y has 39"):
        cls().fit(X, y[:-1])
    X_nan = X.copy()
    X_nan[3, 1] = np.nan
    with pytest.raises(DataError, match="NaN"):
        cls().fit(X_nan, y)
    with pytest.raises(ShapeError, match=r"expected X of shape \(n_samples, n_features\)"):
        cls().fit(X[:, 0], y)
    model = cls().fit(X, y)
    with pytest.raises(ShapeError, match="expected X with 3 features .* got 2"):
        model.predict(X[:, :2])
    with pytest.raises(DataError, match="NaN"):
        model.predict(X_nan)
    with pytest.raises(DataError, match="numeric"):
        cls().fit([["a", "b", "c"]] * 40, y)


@pytest.mark.parametrize("cls", ALL)
def test_unsupported_inputs_are_named(cls):
    X, y = small_data(cls)
    with pytest.raises(DataError, match="complex data is not supported"):
        cls().fit(X + 1j, y)
    with pytest.raises(DataError, match="at least one feature"):
        cls().fit(np.empty((40, 0)), y)
    sparse = pytest.importorskip("scipy.sparse")
    with pytest.raises(DataError, match=r"sparse input is not supported; pass X.toarray\(\)"):
        cls().fit(sparse.csr_matrix(X), y)


@pytest.mark.parametrize("cls", CLASSIFIERS)
def test_classifiers_reject_continuous_targets(cls):
    X, _ = small_data(cls)
    with pytest.raises(LabelError, match="Unknown label type: continuous"):
        cls().fit(X, X[:, 0])
    # whole-number floats are class labels
    assert cls().fit(X, (X[:, 0] > 0).astype(float)).classes_.tolist() == [0.0, 1.0]


def test_nan_targets_are_rejected():
    X = np.ones((4, 1))
    with pytest.raises(DataError, match="targets contain NaN"):
        LinearRegression().fit(X, [1.0, np.nan, 2.0, 3.0])
