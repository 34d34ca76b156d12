"""k-nearest neighbours vs. scikit-learn, the tie rules, weights and chunking."""

from __future__ import annotations

import numpy as np
import pytest
import sklearn.neighbors as skn
from sklearn.datasets import make_classification, make_regression

import mitbadak.classic.neighbors as nb
from mitbadak.classic import KNeighborsClassifier, KNeighborsRegressor, minkowski_distances
from mitbadak.errors import ConfigError


@pytest.fixture(scope="module")
def digits_split(digits):
    X, y = digits
    return X[:1200], y[:1200], X[1200:], y[1200:]


def test_minkowski_distances_match_the_formula():
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(7, 5)), rng.normal(size=(9, 5))
    diff = np.abs(A[:, None, :] - B[None, :, :])
    for p in (1, 2, 3, 1.5):
        expect = (diff**p).sum(axis=2) ** (1 / p)
        np.testing.assert_allclose(minkowski_distances(A, B, p), expect, rtol=1e-12)
    np.testing.assert_allclose(minkowski_distances(A, B, np.inf), diff.max(axis=2))


@pytest.mark.parametrize("p", [1, 2, 3])
@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_digits_equal_sklearn(digits_split, p, weights):
    X_tr, y_tr, X_te, _ = digits_split
    if p == 3:  # general p is the slow path (for scikit-learn too): fewer queries
        X_te = X_te[:100]
    k = 5
    ours = KNeighborsClassifier(k, weights=weights, p=p).fit(X_tr, y_tr)
    ref = skn.KNeighborsClassifier(k, weights=weights, p=p).fit(X_tr, y_tr)
    d_ours, i_ours = ours.kneighbors(X_te, n_neighbors=k + 1)
    d_ref, _ = ref.kneighbors(X_te, n_neighbors=k + 1)
    # The sorted neighbour distances do not depend on how ties are broken: they must agree.
    np.testing.assert_allclose(d_ours, d_ref, rtol=1e-12)
    # Pixels are integers, so equal distances are real ties. scikit-learn breaks ties at the
    # k-th neighbour by the layout of its internal heaps (and thread count); we take the lower
    # training index. Where the k nearest are unambiguous, the models must agree exactly.
    clear = d_ours[:, k - 1] < d_ours[:, k]
    assert clear.mean() > 0.6
    np.testing.assert_array_equal(ours.predict(X_te)[clear], ref.predict(X_te)[clear])
    np.testing.assert_allclose(
        ours.predict_proba(X_te)[clear], ref.predict_proba(X_te)[clear], atol=1e-12
    )
    assert np.mean(ours.predict(X_te) == ref.predict(X_te)) > 0.99
    reg = KNeighborsRegressor(k, weights=weights, p=p).fit(X_tr, y_tr.astype(float))
    reg_ref = skn.KNeighborsRegressor(k, weights=weights, p=p).fit(X_tr, y_tr.astype(float))
    np.testing.assert_allclose(
        reg.predict(X_te)[clear], reg_ref.predict(X_te)[clear], rtol=1e-12, atol=1e-12
    )


@pytest.mark.parametrize("p", [1, 2, 2.5])
@pytest.mark.parametrize("weights", ["uniform", "distance"])
@pytest.mark.parametrize("k", [1, 4, 9])
def test_continuous_data_equal_sklearn_everywhere(p, weights, k):
    X, y = make_classification(
        n_samples=400, n_features=6, n_informative=4, n_classes=3, random_state=k
    )
    X_tr, y_tr, X_te = X[:300], y[:300], X[300:]
    ours = KNeighborsClassifier(k, weights=weights, p=p).fit(X_tr, y_tr)
    ref = skn.KNeighborsClassifier(k, weights=weights, p=p, algorithm="brute").fit(X_tr, y_tr)
    d0, i0 = ours.kneighbors(X_te)
    d1, i1 = ref.kneighbors(X_te)
    np.testing.assert_array_equal(i0, i1)
    np.testing.assert_allclose(d0, d1, rtol=1e-10)
    np.testing.assert_array_equal(ours.predict(X_te), ref.predict(X_te))
    np.testing.assert_allclose(ours.predict_proba(X_te), ref.predict_proba(X_te), atol=1e-12)

    Xr, yr = make_regression(n_samples=300, n_features=5, noise=1.0, random_state=k)
    reg = KNeighborsRegressor(k, weights=weights, p=p).fit(Xr[:200], yr[:200])
    ref_r = skn.KNeighborsRegressor(k, weights=weights, p=p).fit(Xr[:200], yr[:200])
    np.testing.assert_allclose(reg.predict(Xr[200:]), ref_r.predict(Xr[200:]), rtol=1e-10)
    assert reg.score(Xr[200:], yr[200:]) == pytest.approx(ref_r.score(Xr[200:], yr[200:]))


def test_tie_rules():
    X = np.array([[1.0], [-1.0], [1.0], [3.0]])
    knn = KNeighborsClassifier(n_neighbors=1).fit(X, [2, 1, 0, 0])
    # three... no: two training points at distance 1 from 0 on each side -> lower index first
    assert knn.kneighbors([[0.0]])[1].tolist() == [[0]]
    assert knn.kneighbors([[0.0]], n_neighbors=3)[1].tolist() == [[0, 1, 2]]
    # vote tie between labels 2 and 1 (one neighbour each): the smallest label wins
    assert KNeighborsClassifier(n_neighbors=2).fit(X, [2, 1, 0, 0]).predict([[0.0]]) == [1]


def test_distance_weights_and_exact_matches():
    X = np.array([[0.0], [1.0], [3.0]])
    reg = KNeighborsRegressor(n_neighbors=2, weights="distance").fit(X, [0.0, 10.0, 30.0])
    # 1/d weights: at 0.75 the neighbours are 1 (d=.25) and 0 (d=.75): (40 + 0/.75)/(4 + 4/3)
    assert reg.predict([[0.75]])[0] == pytest.approx((10 / 0.25) / (1 / 0.25 + 1 / 0.75))
    # an exact match takes all the weight
    assert reg.predict([[3.0]])[0] == 30.0
    clf = KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X, [0, 1, 1])
    np.testing.assert_allclose(clf.predict_proba([[0.0]]), [[1.0, 0.0]])


def test_chunking_gives_identical_results(digits_split, monkeypatch):
    X_tr, y_tr, X_te, _ = digits_split
    knn = KNeighborsClassifier(n_neighbors=3, p=1).fit(X_tr, y_tr)
    whole = knn.kneighbors(X_te[:200])
    monkeypatch.setattr(nb, "_CHUNK_BYTES", 1)  # one query per chunk
    monkeypatch.setattr(nb, "_BLOCK_BYTES", 1)
    chunks = list(knn._chunks(X_te[:200]))
    assert len(chunks) == 200
    parts = knn.kneighbors(X_te[:200])
    np.testing.assert_array_equal(whole[0], parts[0])
    np.testing.assert_array_equal(whole[1], parts[1])


def test_bad_configuration():
    X, y = np.arange(10.0).reshape(5, 2), [0, 1, 0, 1, 0]
    with pytest.raises(ConfigError, match=r"n_neighbors <= n_samples_fit = 5, got n_neighbors=6"):
        KNeighborsClassifier(n_neighbors=6).fit(X, y).predict(X)
    with pytest.raises(ConfigError, match="weights must be 'uniform' or 'distance'"):
        KNeighborsClassifier(weights="gaussian").fit(X, y)
    with pytest.raises(ConfigError, match="p must be a number >= 1"):
        KNeighborsRegressor(p=0.5).fit(X, y)
    with pytest.raises(ConfigError, match="n_neighbors must be an integer >= 1"):
        KNeighborsRegressor(n_neighbors=0).fit(X, y)
