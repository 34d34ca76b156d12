"""Sweeps of mitbadak networks in parallel: joblib processes and a local Dask cluster."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.model_selection import GridSearchCV

from mitbadak.classic import ModelClassifier

GRID = {"hidden": [(4,), (32,)], "lr": [0.001, 0.01]}


@pytest.fixture(scope="module")
def small_digits(digits):
    X, y = digits
    return X[:360] / 16, y[:360]


@pytest.fixture(scope="module")
def sequential(small_digits):
    X, y = small_digits
    return GridSearchCV(ModelClassifier(epochs=8), GRID, cv=2).fit(X, y)


def test_fitted_wrapper_pickles_and_predicts_the_same(small_digits):
    X, y = small_digits
    clf = ModelClassifier(hidden=(8,), epochs=2).fit(X, y)
    clone = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(clone.predict_proba(X), clf.predict_proba(X))


def test_joblib_processes_find_the_same_best_parameters(small_digits, sequential):
    X, y = small_digits
    parallel = GridSearchCV(ModelClassifier(epochs=8), GRID, cv=2, n_jobs=2).fit(X, y)
    assert parallel.best_params_ == sequential.best_params_
    # each fit is seeded, so every fold's score is the same, not only the winner
    np.testing.assert_allclose(
        parallel.cv_results_["mean_test_score"], sequential.cv_results_["mean_test_score"]
    )


def test_dask_local_cluster_finds_the_same_best_parameters(small_digits, sequential):
    distributed = pytest.importorskip("distributed", reason='pip install "mitbadak[dask]"')
    joblib = pytest.importorskip("joblib")
    X, y = small_digits
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        with joblib.parallel_backend("dask"):
            search = GridSearchCV(ModelClassifier(epochs=8), GRID, cv=2, n_jobs=-1).fit(X, y)
    assert search.best_params_ == sequential.best_params_
    np.testing.assert_allclose(
        search.cv_results_["mean_test_score"], sequential.cv_results_["mean_test_score"]
    )
