"""Principal component analysis by the singular value decomposition, with scikit-learn's names.

Centre the data, X_c = X - mean, and take its thin SVD X_c = U S Vᵀ. The rows of Vᵀ are the
principal directions (``components_``), orthonormal and ordered by the variance of the data along
them, S²/(n - 1) (``explained_variance_``). Projecting on the first k rows keeps the most variance
any k-dimensional linear map can keep; ``inverse_transform`` maps back, and the reconstruction
error is the variance left out. Signs of singular vectors are arbitrary; like scikit-learn
(``svd_flip``), each component is flipped so that its largest-magnitude entry is positive, so
results match scikit-learn's exactly, signs included.

Example:
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    >>> pca = PCA(n_components=1).fit(X)
    >>> pca.components_.round(4).tolist(), pca.explained_variance_ratio_.round(4).tolist()
    ([[0.7071, 0.7071]], [1.0])
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from ..errors import ConfigError, ShapeError
from .base import BaseEstimator, TransformerMixin, _as_2d_float


def svd_flip_rows(U: np.ndarray, Vt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Make the largest-magnitude entry of each row of ``Vt`` positive (U's columns follow).

    U S Vᵀ is unchanged, because each sign flip happens in a column of U and the matching row of
    Vᵀ. This is scikit-learn's ``svd_flip(U, Vt, u_based_decision=False)``.

    Example:
        >>> U, Vt = svd_flip_rows(np.eye(2), np.array([[-1.0, 0.5], [0.2, 0.3]]))
        >>> Vt.tolist(), U.tolist()
        ([[1.0, -0.5], [0.2, 0.3]], [[-1.0, 0.0], [-0.0, 1.0]])
    """
    signs = np.sign(Vt[np.arange(len(Vt)), np.argmax(np.abs(Vt), axis=1)])
    return U * signs[None, :], Vt * signs[:, None]


class PCA(TransformerMixin, BaseEstimator):
    """Principal component analysis, like ``sklearn.decomposition.PCA(svd_solver="full")``.

    Args:
        n_components: how many components to keep: an int in [0, min(n_samples, n_features)],
            a fraction in (0, 1) (keep the fewest components whose explained variance ratio
            adds up to more than it), or ``None`` (all, min(n_samples, n_features)).
        whiten: divide the projections by the square root of the explained variance, so each
            output column has unit variance.
        svd_solver: ``"full"`` or ``"auto"`` (both: LAPACK's full SVD).

    Attributes after ``fit``: ``components_`` (k, d), ``explained_variance_``,
    ``explained_variance_ratio_``, ``singular_values_``, ``mean_``, ``n_components_``,
    ``noise_variance_``, ``n_samples_``, ``n_features_in_``.

    Example:
        >>> from mitbadak.data import load_digits
        >>> X = load_digits().data
        >>> pca = PCA(n_components=0.9).fit(X)
        >>> pca.n_components_, round(float(pca.explained_variance_ratio_.sum()), 3)
        (21, 0.903)
    """

    def __init__(
        self, n_components: Any = None, *, whiten: bool = False, svd_solver: str = "full"
    ) -> None:
        self.n_components = n_components
        self.whiten = whiten
        self.svd_solver = svd_solver

    def _n_components(self, n: int, d: int) -> int | float:
        k = self.n_components
        limit = min(n, d)
        if k is None:
            return limit
        if isinstance(k, bool) or not isinstance(k, numbers.Real):
            raise ConfigError(key="error.classic.pca.n_components_type", value=k)
        if isinstance(k, numbers.Integral):
            if not 0 <= k <= limit:
                raise ConfigError(
                    key="error.classic.pca.n_components_range", k=k, limit=limit,
                    solver=self.svd_solver,
                )  # fmt: skip
            return int(k)
        if not 0 < k < 1:
            raise ConfigError(key="error.classic.pca.n_components_fraction", value=k)
        return float(k)

    def fit(self, X: Any, y: Any = None) -> PCA:
        """Learn the components of ``X`` (n_samples, n_features); ``y`` is ignored."""
        self._fit(X)
        return self

    def _fit(self, X: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self.svd_solver not in ("full", "auto"):
            raise ConfigError(key="error.classic.pca.svd_solver", value=self.svd_solver)
        X = self._validate_X(X)
        n, d = X.shape
        k = self._n_components(n, d)
        if n < 2:
            raise ConfigError(key="error.classic.pca.two_samples", n=n)
        self.mean_ = X.mean(axis=0)
        Xc = X - self.mean_
        U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
        U, Vt = svd_flip_rows(U, Vt)
        variance = S**2 / (n - 1)
        total = variance.sum()
        ratio = variance / total if total > 0 else np.zeros_like(variance)
        if isinstance(k, float):  # the fewest components explaining more than the fraction k
            k = int(np.searchsorted(np.cumsum(ratio), k, side="right") + 1)
            k = min(k, len(S))
        self.noise_variance_ = float(variance[k:].mean()) if k < min(n, d) else 0.0
        self.n_samples_ = n
        self.n_components_ = k
        self.components_ = Vt[:k].copy()
        self.explained_variance_ = variance[:k].copy()
        self.explained_variance_ratio_ = ratio[:k].copy()
        self.singular_values_ = S[:k].copy()
        return U, S, Xc

    def fit_transform(self, X: Any, y: Any = None) -> np.ndarray:
        """Fit and return the projections of ``X`` (U·S from the SVD; U·sqrt(n-1) if whitened)."""
        U, S, _ = self._fit(X)
        k = self.n_components_
        if self.whiten:
            return U[:, :k] * np.sqrt(self.n_samples_ - 1)
        return U[:, :k] * S[:k]

    def _scale(self) -> np.ndarray:
        scale = np.sqrt(self.explained_variance_)
        return np.maximum(scale, np.finfo(np.float64).eps)  # rank-deficient data: no 1/0

    def transform(self, X: Any) -> np.ndarray:
        """Coordinates of ``X`` on the components: (X - mean_) @ components_.T (whitened if asked)."""
        X = self._validate_predict(X, "transform")
        Z = (X - self.mean_) @ self.components_.T
        return Z / self._scale() if self.whiten else Z

    def inverse_transform(self, X: Any) -> np.ndarray:
        """Back to the input space: Z @ components_ + mean_ (un-whitened first if whiten)."""
        self._check_fitted("inverse_transform")
        Z = _as_2d_float(X, "PCA.inverse_transform")
        if Z.shape[1] != self.n_components_:
            raise ShapeError(key="error.classic.pca.z_columns", k=self.n_components_, shape=Z.shape)
        if self.whiten:
            return Z @ (np.sqrt(self.explained_variance_)[:, None] * self.components_) + self.mean_
        return Z @ self.components_ + self.mean_

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the output columns: ``pca0``, ``pca1``, ... like scikit-learn."""
        self._check_fitted("get_feature_names_out")
        return np.array([f"pca{i}" for i in range(self.n_components_)], dtype=object)
