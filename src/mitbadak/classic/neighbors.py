"""k-nearest neighbours: classify or regress by looking at the k closest training samples."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from ..errors import ConfigError
from .base import BaseEstimator, ClassifierMixin, RegressorMixin

# Queries are processed in chunks so that memory stays bounded whatever their number: a chunk's
# distance matrix and masks take about _CHUNK_BYTES. The (rows, n_train, d) differences of a
# general Minkowski distance are made in smaller blocks that fit in the CPU cache (much faster).
_CHUNK_BYTES = 64 * 2**20
_BLOCK_BYTES = 4 * 2**20


def minkowski_distances(A: np.ndarray, B: np.ndarray, p: float = 2) -> np.ndarray:
    """All pairwise Minkowski distances ``(Σ_j |a_j - b_j|^p)^(1/p)``, shape (len(A), len(B)).

    ``p=1`` is the Manhattan distance, ``p=2`` the Euclidean distance, ``p=np.inf`` the largest
    coordinate difference. For ``p=2`` the identity ``||a-b||² = ||a||² - 2 a·b + ||b||²`` turns
    the work into one matrix product; other ``p`` broadcast the differences (n, m, d) block by
    block.

    Example:
        >>> A = np.array([[0.0, 0.0]]); B = np.array([[3.0, 4.0], [1.0, 1.0]])
        >>> minkowski_distances(A, B, p=2).tolist(), minkowski_distances(A, B, p=1).tolist()
        ([[5.0, 1.4142135623730951]], [[7.0, 2.0]])
    """
    A, B = np.asarray(A, np.float64), np.asarray(B, np.float64)
    if p == 2:
        sq = (A * A).sum(1)[:, None] - 2.0 * (A @ B.T) + (B * B).sum(1)[None, :]
        return np.sqrt(np.maximum(sq, 0.0))  # rounding can make tiny distances negative
    out = np.empty((len(A), len(B)))
    rows = max(1, _BLOCK_BYTES // (8 * max(1, B.size)))
    for s in range(0, len(A), rows):
        diff = np.abs(A[s : s + rows, None, :] - B[None, :, :])
        if np.isinf(p):
            out[s : s + rows] = diff.max(axis=2)
        elif p == 1:
            out[s : s + rows] = diff.sum(axis=2)
        else:
            out[s : s + rows] = (diff**p).sum(axis=2) ** (1.0 / p)
    return out


def _k_smallest(D: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k smallest entries of each row, by (distance, index): ties -> lower index.

    Equivalent to ``np.argsort(D, kind="stable")[:, :k]`` (scikit-learn's tie rule) but linear
    in the row length: find the k-th smallest value, keep everything strictly below it, then
    fill up with the lowest-index entries equal to it.
    """
    kth = np.partition(D, k - 1, axis=1)[:, k - 1 : k]
    below = D < kth
    equal = D == kth
    missing = k - below.sum(axis=1, keepdims=True)
    keep = below | (equal & (np.cumsum(equal, axis=1) <= missing))
    idx = np.nonzero(keep)[1].reshape(len(D), k)  # row-major: ascending index in each row
    order = np.argsort(np.take_along_axis(D, idx, axis=1), axis=1, kind="stable")
    return np.take_along_axis(idx, order, axis=1)


class _KNeighborsBase(BaseEstimator):
    """Storage of the training set and the neighbour search shared by both k-NN models."""

    def __init__(self, n_neighbors: int = 5, *, weights: str = "uniform", p: float = 2) -> None:
        self.n_neighbors = n_neighbors
        self.weights = weights
        self.p = p

    def _check_params(self) -> None:
        name = type(self).__name__
        if not (isinstance(self.n_neighbors, (int, np.integer)) and self.n_neighbors >= 1):
            raise ConfigError(
                key="error.classic.integer_min", who=name, name="n_neighbors", min=1,
                value=self.n_neighbors,
            )  # fmt: skip
        if self.weights not in ("uniform", "distance"):
            raise ConfigError(
                key="error.classic.either", who=name, name="weights", a="'uniform'",
                b="'distance'", value=self.weights,
            )  # fmt: skip
        try:
            p_ok = float(self.p) >= 1
        except (TypeError, ValueError):
            p_ok = False
        if not p_ok:
            raise ConfigError(key="error.classic.neighbors.p", who=name, value=self.p)

    def _store(self, X: Any, y: Any) -> np.ndarray:
        self._check_params()
        X, y = self._validate_fit(X, y)
        self._X = X
        self.n_samples_fit_ = X.shape[0]
        return y

    def _chunks(self, X: np.ndarray) -> Iterator[slice]:
        # Each query row costs a few arrays of length n_train (distances, masks, indices).
        rows = max(1, _CHUNK_BYTES // (32 * self.n_samples_fit_))
        for s in range(0, len(X), rows):
            yield slice(s, s + rows)

    def kneighbors(
        self, X: Any, n_neighbors: int | None = None, return_distance: bool = True
    ) -> Any:
        """Distances and indices of the nearest training samples, nearest first.

        Equal distances are ordered by training index, as in scikit-learn.

        Example:
            >>> knn = KNeighborsRegressor(n_neighbors=2).fit([[0.0], [1.0], [5.0]], [0, 1, 5])
            >>> dist, ind = knn.kneighbors([[0.9]])
            >>> dist.round(2).tolist(), ind.tolist()
            ([[0.1, 0.9]], [[1, 0]])
        """
        X = self._validate_predict(X, "kneighbors")
        k = self.n_neighbors if n_neighbors is None else int(n_neighbors)
        if not 1 <= k <= self.n_samples_fit_:
            raise ConfigError(
                key="error.classic.neighbors.k_range", who=type(self).__name__,
                n=self.n_samples_fit_, k=k,
            )  # fmt: skip
        dist = np.empty((len(X), k))
        ind = np.empty((len(X), k), dtype=np.int64)
        for sl in self._chunks(X):
            D = minkowski_distances(X[sl], self._X, float(self.p))
            ind[sl] = _k_smallest(D, k)
            dist[sl] = np.take_along_axis(D, ind[sl], axis=1)
        return (dist, ind) if return_distance else ind

    def _neighbor_weights(self, dist: np.ndarray) -> np.ndarray:
        """Uniform weights, or 1/distance; an exact match (distance 0) takes all the weight."""
        if self.weights == "uniform":
            return np.ones_like(dist)
        with np.errstate(divide="ignore"):
            w = 1.0 / dist
        exact = np.isinf(w)
        rows = exact.any(axis=1)
        w[rows] = exact[rows]  # like scikit-learn: only the zero-distance neighbours vote
        return w


class KNeighborsClassifier(ClassifierMixin, _KNeighborsBase):
    """Predict the class most common among the ``n_neighbors`` closest training samples.

    Nothing is learned: ``fit`` stores the data, ``predict`` measures the Minkowski distance of
    order ``p`` to every training sample, keeps the k closest and lets them vote (each with weight
    1, or ``1/distance`` for ``weights="distance"``). Ties are broken like scikit-learn: among
    equally distant samples the lower training index comes first, and among classes with equal
    votes the smallest label wins.

    Args:
        n_neighbors: k, the number of neighbours that vote.
        weights: ``"uniform"`` or ``"distance"``.
        p: order of the Minkowski distance (1 Manhattan, 2 Euclidean, any p >= 1, ``np.inf``).

    Attributes:
        classes_: sorted class labels. n_samples_fit_: size of the stored training set.

    Example:
        >>> X = [[0.0], [1.0], [2.0], [10.0], [11.0]]
        >>> knn = KNeighborsClassifier(n_neighbors=3).fit(X, ["a", "a", "a", "b", "b"])
        >>> knn.predict([[1.5], [9.0]]).tolist()
        ['a', 'b']
    """

    def fit(self, X: Any, y: Any) -> KNeighborsClassifier:
        """Store the training set; returns self."""
        y = self._store(X, y)
        self.classes_, self._y = np.unique(y, return_inverse=True)
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """Share of the (weighted) votes for each class, shape (n, n_classes)."""
        dist, ind = self.kneighbors(X)
        w = self._neighbor_weights(dist)
        votes = np.zeros((len(ind), len(self.classes_)))
        for j in range(ind.shape[1]):  # add each neighbour's vote to its class
            np.add.at(votes, (np.arange(len(ind)), self._y[ind[:, j]]), w[:, j])
        return votes / votes.sum(axis=1, keepdims=True)

    def predict(self, X: Any) -> np.ndarray:
        """The class with most votes (argmax picks the smallest label among ties)."""
        proba = self.predict_proba(X)  # checks that the model is fitted
        return self.classes_[np.argmax(proba, axis=1)]


class KNeighborsRegressor(RegressorMixin, _KNeighborsBase):
    """Predict the (weighted) mean target of the ``n_neighbors`` closest training samples.

    Same neighbour search as :class:`KNeighborsClassifier`; the prediction is the mean of the
    neighbours' targets, or their average weighted by ``1/distance``.

    Args:
        n_neighbors: k. weights: ``"uniform"`` or ``"distance"``. p: Minkowski order.

    Example:
        >>> X = [[0.0], [1.0], [2.0], [10.0]]
        >>> KNeighborsRegressor(n_neighbors=2).fit(X, [0.0, 1.0, 2.0, 10.0]).predict([[1.4]])
        array([1.5])
    """

    def fit(self, X: Any, y: Any) -> KNeighborsRegressor:
        """Store the training set; returns self."""
        y = self._store(X, y)
        self._y = y.astype(np.float64)
        return self

    def predict(self, X: Any) -> np.ndarray:
        """The mean (or 1/distance-weighted mean) target of the neighbours."""
        dist, ind = self.kneighbors(X)
        if self.weights == "uniform":
            return self._y[ind].mean(axis=1)
        w = self._neighbor_weights(dist)
        return (self._y[ind] * w).sum(axis=1) / w.sum(axis=1)
