"""KMeans and PCA against scikit-learn itself, on the digits and on synthetic data."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import cluster as skc
from sklearn import decomposition as skd
from sklearn.linear_model import LogisticRegression as SkLogistic
from sklearn.pipeline import make_pipeline

from mitbadak.classic import PCA, KMeans, LogisticRegression
from mitbadak.errors import ConfigError, DataError, NotFittedError, ShapeError


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    """True when two labelings are equal up to a permutation of the label names."""
    pairs = set(zip(a.tolist(), b.tolist()))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))


# -------------------------------------------------------------------------------- k-means
@pytest.fixture(scope="module")
def pixels(digits) -> np.ndarray:
    """The digits with a tiny jitter. The raw pixels are integers, so a sample is often exactly
    as far from two centres; which one wins then depends on the last bit of a dot product (the
    BLAS blocking), not on the algorithm, and two correct k-means may part ways there."""
    X = digits[0][:900]
    return X + np.random.RandomState(0).uniform(-0.01, 0.01, X.shape)


@pytest.mark.parametrize("init", ["k-means++", "random"])
@pytest.mark.parametrize("seed", [0, 1])
def test_kmeans_equals_sklearn_for_the_same_random_state(pixels, init, seed):
    X = pixels
    ours = KMeans(10, init=init, n_init=2, random_state=seed).fit(X)
    ref = skc.KMeans(10, init=init, n_init=2, random_state=seed).fit(X)
    # Same draws, same Lloyd iterations: same centres in the same order.
    np.testing.assert_allclose(ours.inertia_, ref.inertia_, rtol=1e-12)
    np.testing.assert_allclose(ours.cluster_centers_, ref.cluster_centers_, atol=1e-10)
    assert ours.n_iter_ == ref.n_iter_
    np.testing.assert_array_equal(ours.labels_, ref.labels_)


def test_kmeans_from_the_same_initial_centres_matches_up_to_permutation(pixels):
    X = pixels
    start = X[np.random.RandomState(3).choice(len(X), 8, replace=False)]
    ours = KMeans(8, init=start).fit(X)
    perm = np.random.RandomState(4).permutation(8)  # sklearn's centres in another order
    ref = skc.KMeans(8, init=start[perm], n_init=1).fit(X)
    np.testing.assert_allclose(ours.inertia_, ref.inertia_, rtol=1e-12)
    assert same_partition(ours.labels_, ref.labels_)
    np.testing.assert_allclose(
        ours.cluster_centers_, ref.cluster_centers_[np.argsort(perm)], atol=1e-10
    )
    np.testing.assert_allclose(
        ours.transform(X[:50]), ref.transform(X[:50])[:, np.argsort(perm)], atol=1e-9
    )
    np.testing.assert_allclose(ours.score(X), ref.score(X), rtol=1e-12)
    assert same_partition(ours.predict(X[:200]), ref.predict(X[:200]))


def test_kmeans_api(digits):
    X = digits[0][:300]
    km = KMeans(5, random_state=0)
    labels = km.fit_predict(X)
    np.testing.assert_array_equal(labels, km.labels_)
    np.testing.assert_array_equal(km.predict(X), km.labels_)
    assert km.transform(X).shape == (300, 5)
    np.testing.assert_allclose(-km.score(X), km.inertia_, rtol=1e-10)
    np.testing.assert_allclose(km.fit_transform(X), km.transform(X))
    # More clusters never fit worse (the elbow curve decreases), for the best of a few starts.
    inertias = [KMeans(k, n_init=3, random_state=0).fit(X).inertia_ for k in (2, 4, 8)]
    assert inertias[0] > inertias[1] > inertias[2]


def test_kmeans_clear_errors():
    X = np.random.RandomState(0).rand(5, 2)
    with pytest.raises(DataError, match="n_samples=5 should be >= n_clusters=6"):
        KMeans(6).fit(X)
    with pytest.raises(ConfigError, match="n_clusters must be an integer >= 1"):
        KMeans(0).fit(X)
    with pytest.raises(ConfigError, match=r"init must be 'k-means\+\+', 'random' or an array"):
        KMeans(2, init="kmeans").fit(X)
    with pytest.raises(ShapeError, match=r"init array must have shape .* \(2, 2\), got \(3, 2\)"):
        KMeans(2, init=X[:3]).fit(X)
    with pytest.raises(ConfigError, match="n_init"):
        KMeans(2, n_init=0).fit(X)
    with pytest.raises(ConfigError, match="max_iter"):
        KMeans(2, max_iter=0).fit(X)
    with pytest.raises(NotFittedError, match="KMeans.predict: this KMeans is not fitted yet"):
        KMeans(2).predict(X)
    with pytest.warns(RuntimeWarning, match="n_init=3 is ignored"):
        KMeans(2, init=X[:2], n_init=3).fit(X)
    with pytest.raises(ShapeError, match="X has 3 features, but KMeans is expecting 2"):
        KMeans(2, random_state=0).fit(X).predict(np.ones((2, 3)))


# -------------------------------------------------------------------------------------- PCA
@pytest.mark.parametrize(
    ("n_components", "whiten"), [(None, False), (10, True), (0.9, False), (0.5, True), (1, False)]
)
def test_pca_equals_sklearn_signs_included(digits, n_components, whiten):
    X = digits[0]
    ours = PCA(n_components, whiten=whiten).fit(X)
    ref = skd.PCA(n_components, whiten=whiten, svd_solver="full").fit(X)
    assert ours.n_components_ == ref.n_components_
    np.testing.assert_allclose(ours.components_, ref.components_, atol=1e-10)
    for name in ("explained_variance_", "explained_variance_ratio_", "singular_values_", "mean_"):
        np.testing.assert_allclose(getattr(ours, name), getattr(ref, name), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(ours.noise_variance_, ref.noise_variance_, rtol=1e-10, atol=1e-12)
    Z = ours.transform(X)
    np.testing.assert_allclose(Z, ref.transform(X), atol=1e-9)
    np.testing.assert_allclose(PCA(n_components, whiten=whiten).fit_transform(X), Z, atol=1e-9)
    np.testing.assert_allclose(ours.inverse_transform(Z), ref.inverse_transform(Z), atol=1e-9)


def test_pca_reconstruction_error_is_the_variance_left_out(digits):
    X = digits[0]
    full = PCA().fit(X)
    for k in (2, 10, 30):
        pca = PCA(k).fit(X)
        err = np.sum((X - pca.inverse_transform(pca.transform(X))) ** 2) / (len(X) - 1)
        np.testing.assert_allclose(err, full.explained_variance_[k:].sum(), rtol=1e-8)
    # whitened coordinates have unit variance
    np.testing.assert_allclose(PCA(5, whiten=True).fit_transform(X).var(0, ddof=1), 1, rtol=1e-10)


def test_pca_then_logistic_regression_in_a_sklearn_pipeline(digits):
    X, y = digits[0] / 16, digits[1]
    ours = make_pipeline(PCA(30), LogisticRegression(max_iter=300)).fit(X[:1200], y[:1200])
    ref = make_pipeline(skd.PCA(30), SkLogistic(max_iter=2000)).fit(X[:1200], y[:1200])
    acc, acc_ref = ours.score(X[1200:], y[1200:]), ref.score(X[1200:], y[1200:])
    assert acc > 0.9
    assert abs(acc - acc_ref) <= 0.02
    km = make_pipeline(PCA(10), KMeans(10, random_state=0)).fit(X)
    assert km.predict(X[:5]).shape == (5,)


def test_pca_clear_errors():
    X = np.random.RandomState(0).rand(6, 4)
    with pytest.raises(ConfigError, match=r"n_components=5 must be between 0 and .*=4"):
        PCA(5).fit(X)
    with pytest.raises(ConfigError, match=r"n_components=-1 must be between 0"):
        PCA(-1).fit(X)
    with pytest.raises(ConfigError, match=r"must be in \(0, 1\), got 1.5"):
        PCA(1.5).fit(X)
    with pytest.raises(ConfigError, match="n_components must be an int"):
        PCA("mle").fit(X)
    with pytest.raises(ConfigError, match="svd_solver must be 'full'"):
        PCA(2, svd_solver="arpack").fit(X)
    with pytest.raises(NotFittedError, match="PCA.transform: this PCA is not fitted yet"):
        PCA(2).transform(X)
    with pytest.raises(NotFittedError, match="PCA.inverse_transform"):
        PCA(2).inverse_transform(X[:, :2])
    pca = PCA(2).fit(X)
    with pytest.raises(ShapeError, match="X has 3 features, but PCA is expecting 4"):
        pca.transform(X[:, :3])
    with pytest.raises(ShapeError, match=r"expected Z with n_components_=2 columns"):
        pca.inverse_transform(X)
    with pytest.raises(ConfigError, match="at least 2 samples"):
        PCA(1).fit(X[:1])
