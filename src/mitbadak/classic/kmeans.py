"""k-means clustering (Lloyd's algorithm with k-means++ seeding), with scikit-learn's names.

k-means looks for ``k`` centres that minimise the *inertia*, the sum of squared distances from
each sample to its nearest centre. Lloyd's algorithm alternates two steps, each of which can only
lower the inertia: assign every sample to its nearest centre, then move every centre to the mean
of its samples. It stops when the assignment no longer changes or the centres move less than
``tol`` (relative to the data's variance). The result depends on the start, so ``n_init`` starts
are run and the one with the lowest inertia is kept; k-means++ seeding spreads the first centres
out (each new centre is drawn with probability proportional to its squared distance from the
nearest chosen one), using the same random draws as scikit-learn for the same ``random_state``.

Example:
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]])
    >>> km = KMeans(n_clusters=2, random_state=0).fit(X)
    >>> sorted(km.cluster_centers_.tolist())
    [[0.0, 0.5], [10.0, 0.5]]
    >>> float(km.inertia_)
    1.0
"""

from __future__ import annotations

import numbers
import warnings
from typing import Any

import numpy as np

from ..errors import ConfigError, DataError, ShapeError
from ..messages import message
from .base import BaseEstimator, ClusterMixin, ConvergenceWarning, TransformerMixin


def squared_distances(X: np.ndarray, C: np.ndarray) -> np.ndarray:
    """Squared Euclidean distances ||x_i - c_j||² = ||x||² - 2 x·c + ||c||², clipped at 0.

    Example:
        >>> squared_distances(np.array([[0.0, 0.0]]), np.array([[3.0, 4.0]])).tolist()
        [[25.0]]
    """
    d = (X * X).sum(1)[:, None] - 2.0 * X @ C.T + (C * C).sum(1)[None, :]
    return np.maximum(d, 0.0)


def kmeans_plusplus(X: np.ndarray, n_clusters: int, rng: np.random.RandomState) -> np.ndarray:
    """Greedy k-means++ seeding (Arthur & Vassilvitskii), the variant scikit-learn uses.

    The first centre is a uniformly drawn sample. Each next one: draw ``2 + log(k)`` candidates
    with probability proportional to D(x)² (the squared distance to the nearest chosen centre),
    and keep the candidate that lowers the total D² the most.

    Example:
        >>> X = np.array([[0.0], [0.1], [5.0], [5.1]])
        >>> C = kmeans_plusplus(X, 2, np.random.RandomState(0))
        >>> bool(abs(C[0, 0] - C[1, 0]) > 4)
        True
    """
    n = X.shape[0]
    n_local_trials = 2 + int(np.log(n_clusters))
    weights = np.ones(n)
    centers = np.empty((n_clusters, X.shape[1]))
    centers[0] = X[rng.choice(n, p=weights / weights.sum())]
    closest = squared_distances(centers[:1], X)[0]
    potential = closest.sum()
    for c in range(1, n_clusters):
        draws = rng.uniform(size=n_local_trials) * potential
        candidates = np.searchsorted(np.cumsum(closest), draws)
        np.clip(candidates, None, n - 1, out=candidates)
        d = np.minimum(closest, squared_distances(X[candidates], X))
        pots = d.sum(axis=1)
        best = int(np.argmin(pots))
        potential, closest = pots[best], d[best]
        centers[c] = X[candidates[best]]
    return centers


def _nearest(X: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Index of the nearest centre: argmin_j ||c_j||² - 2 x·c_j (||x||² is the same for all j).

    Leaving ||x||² out also rounds like scikit-learn, so exact ties (integer data, centres that
    are samples) go to the same centre: the first of the equals.
    """
    return np.argmin((centers * centers).sum(1)[None, :] - 2.0 * (X @ centers.T), axis=1)


def _lloyd(
    X: np.ndarray, centers: np.ndarray, max_iter: int, tol: float
) -> tuple[np.ndarray, float, np.ndarray, int, bool]:
    """One run of Lloyd's algorithm from ``centers``: labels, inertia, centres, n_iter, converged."""
    k = len(centers)
    labels_old = np.full(len(X), -1)
    strict = converged = False
    labels = labels_old
    n_iter = 0
    for n_iter in range(1, max_iter + 1):  # noqa: B007 (n_iter is returned)
        labels = _nearest(X, centers)
        counts = np.bincount(labels, minlength=k)
        new = np.zeros_like(centers)
        np.add.at(new, labels, X)
        empty = np.flatnonzero(counts == 0)
        if len(empty):
            # An empty cluster restarts at the sample farthest from its centre (moved out of
            # its old cluster's sum; its label is updated at the next assignment), as sklearn.
            dist = ((X - centers[labels]) ** 2).sum(axis=1)
            far = np.argpartition(dist, -len(empty))[: -len(empty) - 1 : -1]
            for j, i in zip(empty, far):
                old = labels[i]
                new[old] -= X[i]
                counts[old] -= 1
                new[j], counts[j] = X[i], 1
        new /= counts[:, None]
        shift = float(((new - centers) ** 2).sum())
        centers = new
        if np.array_equal(labels, labels_old):
            strict = converged = True
            break
        if shift <= tol:
            converged = True
            break
        labels_old = labels
    if not strict:  # labels of the final centres
        labels = _nearest(X, centers)
    inertia = float(((X - centers[labels]) ** 2).sum())
    return labels, inertia, centers, n_iter, converged


class KMeans(ClusterMixin, TransformerMixin, BaseEstimator):
    """k-means clustering, like ``sklearn.cluster.KMeans`` (Lloyd's algorithm).

    Args:
        n_clusters: the number of clusters k (at most the number of samples).
        init: ``"k-means++"`` (default), ``"random"`` (k distinct samples) or an array of shape
            (n_clusters, n_features) of initial centres (then a single run is made).
        n_init: how many starts; the lowest inertia wins. ``"auto"``: 1 for k-means++ or an
            array, 10 for ``"random"`` (scikit-learn's rule).
        max_iter: at most this many Lloyd iterations per start.
        tol: stop when the squared movement of the centres is below ``tol`` times the mean
            variance of the features.
        random_state: seed of the draws (``None``: fresh each fit).

    Attributes after ``fit``: ``cluster_centers_`` (k, d), ``labels_`` (n,), ``inertia_``,
    ``n_iter_``, ``n_features_in_``.

    Example:
        >>> from mitbadak.data import load_digits
        >>> X = load_digits().data
        >>> km = KMeans(n_clusters=10, n_init=2, random_state=0).fit(X)
        >>> km.cluster_centers_.shape, km.predict(X[:3]).shape
        ((10, 64), (3,))
    """

    def __init__(
        self,
        n_clusters: int = 8,
        *,
        init: Any = "k-means++",
        n_init: Any = "auto",
        max_iter: int = 300,
        tol: float = 1e-4,
        random_state: Any = None,
    ) -> None:
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def _check_params(self, X: np.ndarray) -> tuple[int, int, np.ndarray | None]:
        name = "KMeans"
        k = self.n_clusters
        if isinstance(k, bool) or not isinstance(k, numbers.Integral) or k < 1:
            raise ConfigError(
                key="error.classic.integer_min", who=name, name="n_clusters", min=1, value=k
            )
        if k > X.shape[0]:
            raise DataError(key="error.classic.kmeans.too_few_samples", who=name, n=X.shape[0], k=k)
        it = self.max_iter
        if isinstance(it, bool) or not isinstance(it, numbers.Integral) or it < 1:
            raise ConfigError(
                key="error.classic.integer_min", who=name, name="max_iter", min=1, value=it
            )
        try:
            tol_ok = float(self.tol) >= 0
        except (TypeError, ValueError):
            tol_ok = False
        if not tol_ok:
            raise ConfigError(
                key="error.classic.number_bound", who=name, name="tol", bound=">= 0",
                value=self.tol,
            )  # fmt: skip
        init_array = None
        if isinstance(self.init, str):
            if self.init not in ("k-means++", "random"):
                raise ConfigError(key="error.classic.kmeans.init", who=name, value=self.init)
        else:
            init_array = np.asarray(self.init, dtype=np.float64)
            if init_array.shape != (k, X.shape[1]):
                raise ShapeError(
                    key="error.classic.kmeans.init_shape", who=name, want=(k, X.shape[1]),
                    shape=init_array.shape,
                )  # fmt: skip
        n_init = self.n_init
        if n_init == "auto":
            n_init = 10 if (isinstance(self.init, str) and self.init == "random") else 1
        if isinstance(n_init, bool) or not isinstance(n_init, numbers.Integral) or n_init < 1:
            raise ConfigError(key="error.classic.kmeans.n_init", who=name, value=n_init)
        if init_array is not None and n_init != 1:
            warnings.warn(
                message("warning.kmeans.n_init_ignored", n_init=n_init),
                RuntimeWarning,
                stacklevel=3,
            )
            n_init = 1
        return k, int(n_init), init_array

    def fit(self, X: Any, y: Any = None) -> KMeans:
        """Cluster ``X`` (n_samples, n_features); ``y`` is ignored. Returns self."""
        X = self._validate_X(X)
        k, n_init, init_array = self._check_params(X)
        rng = np.random.RandomState(self.random_state)
        # Centre the data: distances are unchanged and the float arithmetic is more accurate.
        mean = X.mean(axis=0)
        Xc = X - mean
        tol = float(np.mean(np.var(X, axis=0))) * float(self.tol)
        best = None
        for _ in range(n_init):
            if init_array is not None:
                start = init_array - mean
            elif self.init == "k-means++":
                start = kmeans_plusplus(Xc, k, rng)
            else:
                start = Xc[
                    rng.choice(len(Xc), size=k, replace=False, p=np.full(len(Xc), 1 / len(Xc)))
                ]
            run = _lloyd(Xc, start.copy(), int(self.max_iter), tol)
            if best is None or run[1] < best[1]:
                best = run
        labels, inertia, centers, n_iter, converged = best
        if len(np.unique(labels)) < k:
            warnings.warn(
                message("warning.kmeans.few_clusters", found=len(np.unique(labels)), k=k),
                ConvergenceWarning,
                stacklevel=2,
            )
        self.cluster_centers_ = centers + mean
        self.labels_ = labels
        self.inertia_ = inertia
        self.n_iter_ = n_iter
        return self

    def predict(self, X: Any) -> np.ndarray:
        """The index of the nearest centre for each row of ``X``."""
        X = self._validate_predict(X, "predict")
        return np.argmin(squared_distances(X, self.cluster_centers_), axis=1)

    def transform(self, X: Any) -> np.ndarray:
        """Euclidean distances from each row of ``X`` to every centre, shape (n, n_clusters)."""
        X = self._validate_predict(X, "transform")
        return np.sqrt(squared_distances(X, self.cluster_centers_))

    def score(self, X: Any, y: Any = None) -> float:
        """Minus the inertia of ``X`` with respect to the fitted centres (higher is better)."""
        X = self._validate_predict(X, "score")
        return -float(squared_distances(X, self.cluster_centers_).min(axis=1).sum())
