"""scikit-learn's own estimator checks, run over every mitbadak.classic estimator and wrapper."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn.utils.estimator_checks import check_estimator, parametrize_with_checks

import mitbadak.classic as C
from mitbadak.errors import NotFittedError

ESTIMATORS = [
    C.Perceptron(),
    C.LinearRegression(),
    C.Ridge(),
    C.Lasso(),
    C.ElasticNet(),
    C.LogisticRegression(),
    C.KNeighborsClassifier(),
    C.KNeighborsRegressor(),
    C.KMeans(n_clusters=3, random_state=0),
    C.PCA(),
    C.LinearSVC(max_iter=100, random_state=0),  # the checks use unscaled data: cap the passes
    C.ModelClassifier(),
    C.ModelRegressor(),
]


# mitbadak's classes do not derive from sklearn.base.BaseEstimator (mitbadak does not import
# scikit-learn); scikit-learn says so once per estimator while collecting, as expected here.
NOT_INHERITED = ".*does not inherit from `sklearn.base.BaseEstimator`"
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=NOT_INHERITED)
    ALL_CHECKS = parametrize_with_checks(ESTIMATORS)


@ALL_CHECKS
@pytest.mark.filterwarnings(f"ignore:{NOT_INHERITED}")
def test_sklearn_check(estimator, check):
    check(estimator)


def test_every_public_estimator_is_checked():
    checked = {type(e).__name__ for e in ESTIMATORS}
    public = {
        name
        for name in C.__all__
        if isinstance(getattr(C, name), type)
        and issubclass(getattr(C, name), C.BaseEstimator)
        and name != "BaseEstimator"
    }
    assert public == checked


def test_no_check_fails_in_one_call():
    # The same checks as above, collected in one report the way a user would run them.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=NOT_INHERITED)
        results = check_estimator(C.Ridge(), on_fail=None)
    failed = [r["check_name"] for r in results if r["status"] == "failed"]
    assert len(results) > 40 and failed == []


def test_not_fitted_error_is_sklearns_and_mitbadaks():
    from sklearn.exceptions import NotFittedError as SkNotFitted

    with pytest.raises(SkNotFitted):
        C.Ridge().predict(np.ones((2, 2)))
    with pytest.raises(NotFittedError):
        C.PCA().transform(np.ones((2, 2)))
    assert issubclass(NotFittedError, (ValueError, AttributeError, RuntimeError))
