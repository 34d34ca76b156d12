"""Feature scaling: z-score standardisation and min-max scaling, as in scikit-learn.

Gradient descent converges faster when every input feature has a similar range, so most
networks are trained on scaled inputs. The two scalers here follow scikit-learn's
``StandardScaler`` and ``MinMaxScaler``: same parameters, same fitted attributes (``mean_``,
``scale_``, ``data_min_``, ...) and the same numbers, so results can be checked against it.

Fit on the training split only and reuse the fitted scaler on validation and test data;
fitting on the test data leaks information about it into the model.

Example:
    >>> import numpy as np
    >>> X_train = np.array([[0.0, 10.0], [2.0, 30.0]])
    >>> scaler = StandardScaler().fit(X_train)
    >>> scaler.transform(np.array([[1.0, 20.0]])).tolist()
    [[0.0, 0.0]]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ConfigError, DataError, NotFittedError, ShapeError

__all__ = ["MinMaxScaler", "StandardScaler"]


def _as_2d_float(X: Any, who: str) -> np.ndarray:
    """Return ``X`` as a 2-D floating array, or raise a mitbadak error saying what is wrong.

    float32 and float64 are kept (float32 halves memory on MNIST-sized data); integers, bools
    and float16 become float64, as in scikit-learn.
    """
    X = np.asarray(X)
    if X.dtype.kind not in "biuf":
        raise DataError(key="error.scalers.dtype", who=who, dtype=X.dtype)
    if X.dtype not in (np.float32, np.float64):
        X = X.astype(np.float64)
    if X.ndim != 2:
        key = "error.scalers.not_2d_1d" if X.ndim == 1 else "error.scalers.not_2d"
        raise ShapeError(key=key, who=who, shape=X.shape)
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise DataError(key="error.scalers.empty", who=who, shape=X.shape)
    if not np.all(np.isfinite(X)):
        bad = np.argwhere(~np.isfinite(X))[0]
        raise DataError(
            key="error.scalers.nonfinite", who=who, value=X[tuple(bad)], row=bad[0], column=bad[1]
        )
    return X


def _handle_zeros_in_scale(scale: np.ndarray, constant: np.ndarray | None = None) -> np.ndarray:
    """Replace the scale of (near-)constant features by 1.

    Dividing by a zero or round-off-sized spread would blow a constant feature up into noise;
    with scale 1 it is only shifted (to 0 for z-scores), exactly like scikit-learn.
    """
    if constant is None:
        constant = scale < 10 * np.finfo(scale.dtype).eps
    scale = scale.copy()
    scale[constant] = 1.0
    return scale


class _Scaler:
    """Shared plumbing: fitted check, feature-count check, ``fit_transform``."""

    def _check_fitted(self, method: str) -> None:
        if not hasattr(self, "n_features_in_"):
            raise NotFittedError(
                key="error.scalers.not_fitted", who=f"{type(self).__name__}.{method}"
            )

    def _check_input(self, X: Any, method: str) -> np.ndarray:
        self._check_fitted(method)
        who = f"{type(self).__name__}.{method}"
        X = _as_2d_float(X, who)
        if X.shape[1] != self.n_features_in_:
            raise ShapeError(
                key="error.scalers.features", who=who, n=self.n_features_in_, got=X.shape[1],
                shape=X.shape,
            )  # fmt: skip
        return X

    def fit(self, X: Any, y: Any = None) -> _Scaler:  # pragma: no cover - overridden
        raise NotImplementedError

    def transform(self, X: Any) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    def fit_transform(self, X: Any, y: Any = None) -> np.ndarray:
        """Fit to ``X`` and return ``X`` transformed (``y`` is ignored).

        Example:
            >>> StandardScaler().fit_transform([[1.0], [3.0]]).ravel().tolist()
            [-1.0, 1.0]
        """
        return self.fit(X, y).transform(X)


class StandardScaler(_Scaler):
    """Standardise features to zero mean and unit variance: ``z = (x - mean_) / scale_``.

    The standard deviation is the population one (``ddof=0``), as in scikit-learn. Features
    with zero (or round-off-sized) variance get ``scale_ = 1`` so they are centred, not blown
    up. Statistics are accumulated and stored in float64 even for float32 input, and the
    transformed output keeps the input's float dtype. The subtraction is done against the
    float64 mean, so on a feature whose spread is tiny next to its mean a float32 result can
    differ from scikit-learn's (which subtracts in float32) by float32 round-off, ours being
    the closer one to the exact value.

    Args:
        with_mean: subtract the mean. If ``False``, ``mean_`` is still computed (when
            ``with_std`` is on) but not subtracted.
        with_std: divide by the standard deviation.

    Attributes (after :meth:`fit`):
        mean_: per-feature mean, float64 (``None`` if both options are off).
        var_: per-feature population variance, float64 (``None`` if ``with_std=False``).
        scale_: per-feature divisor, ``sqrt(var_)`` with zeros replaced by 1
            (``None`` if ``with_std=False``).
        n_features_in_: number of features seen in fit.
        n_samples_seen_: number of samples seen in fit.

    Example:
        >>> import numpy as np
        >>> X = np.array([[1.0, 5.0], [3.0, 5.0]])
        >>> s = StandardScaler().fit(X)
        >>> s.mean_.tolist(), s.scale_.tolist()
        ([2.0, 5.0], [1.0, 1.0])
        >>> s.transform(X).tolist()
        [[-1.0, 0.0], [1.0, 0.0]]
    """

    def __init__(self, *, with_mean: bool = True, with_std: bool = True) -> None:
        self.with_mean = with_mean
        self.with_std = with_std

    def __repr__(self) -> str:
        return f"StandardScaler(with_mean={self.with_mean}, with_std={self.with_std})"

    def fit(self, X: Any, y: Any = None) -> StandardScaler:
        """Compute the per-feature mean and standard deviation of ``X`` (``y`` is ignored).

        Example:
            >>> StandardScaler().fit([[0.0], [4.0]]).var_.tolist()
            [4.0]
        """
        X = _as_2d_float(X, "StandardScaler.fit")
        n = X.shape[0]
        self.mean_: np.ndarray | None = None
        self.var_: np.ndarray | None = None
        self.scale_: np.ndarray | None = None
        if self.with_mean or self.with_std:
            # float64 accumulators: a float32 running sum over 60,000 MNIST rows loses digits.
            mean = X.mean(axis=0, dtype=np.float64)
            self.mean_ = mean
        if self.with_std:
            # Two-pass variance (subtract the mean first) is far more accurate than
            # E[x^2] - E[x]^2, which cancels catastrophically when the mean is large.
            diff = X - mean
            var = np.einsum("ij,ij->j", diff, diff, dtype=np.float64) / n
            self.var_ = var
            # A variance within round-off of zero is a constant feature (same bound as sklearn).
            eps = np.finfo(np.float64).eps
            constant = var <= n * eps * var + (n * mean * eps) ** 2
            self.scale_ = _handle_zeros_in_scale(np.sqrt(var), constant)
        self.n_features_in_ = X.shape[1]
        self.n_samples_seen_ = n
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Return ``(X - mean_) / scale_`` (each step only if enabled), in ``X``'s float dtype.

        Example:
            >>> StandardScaler().fit([[0.0], [2.0]]).transform([[4.0]]).tolist()
            [[3.0]]
        """
        X = self._check_input(X, "transform")
        out = X.copy()  # never modify the caller's array
        # In-place ops with float64 statistics keep a float32 input float32 (same_kind cast).
        if self.with_mean:
            out -= self.mean_
        if self.with_std:
            out /= self.scale_
        return out

    def inverse_transform(self, X: Any) -> np.ndarray:
        """Undo :meth:`transform`: return ``X * scale_ + mean_``.

        Example:
            >>> s = StandardScaler().fit([[0.0], [2.0]])
            >>> s.inverse_transform(s.transform([[5.0]])).tolist()
            [[5.0]]
        """
        X = self._check_input(X, "inverse_transform")
        out = X.copy()
        if self.with_std:
            out *= self.scale_
        if self.with_mean:
            out += self.mean_
        return out


class MinMaxScaler(_Scaler):
    """Scale each feature linearly so its training minimum and maximum map to ``feature_range``.

    ``X_scaled = X * scale_ + min_`` with ``scale_ = (hi - lo) / data_range_`` and
    ``min_ = lo - data_min_ * scale_``. A constant feature (range 0) gets range 1, so it maps
    to ``lo`` instead of dividing by zero. Values outside the training range land outside
    ``feature_range`` unless ``clip=True``. Attributes keep the input's float dtype.

    Args:
        feature_range: ``(lo, hi)`` with ``lo < hi``.
        clip: clip transformed values to ``feature_range``.

    Attributes (after :meth:`fit`):
        data_min_, data_max_, data_range_: per-feature minimum, maximum and their difference.
        scale_, min_: the per-feature affine map (see above).
        n_features_in_, n_samples_seen_: numbers of features and samples seen in fit.

    Example:
        >>> import numpy as np
        >>> s = MinMaxScaler(feature_range=(-1, 1)).fit(np.array([[0.0], [10.0]]))
        >>> s.transform(np.array([[5.0], [20.0]])).ravel().tolist()
        [0.0, 3.0]
    """

    def __init__(self, feature_range: tuple[float, float] = (0, 1), *, clip: bool = False) -> None:
        self.feature_range = feature_range
        self.clip = clip

    def __repr__(self) -> str:
        return f"MinMaxScaler(feature_range={self.feature_range}, clip={self.clip})"

    def _range(self) -> tuple[float, float]:
        try:
            lo, hi = (float(v) for v in self.feature_range)
        except (TypeError, ValueError):
            raise ConfigError(key="error.scalers.range_pair", value=self.feature_range) from None
        if not lo < hi:
            raise ConfigError(key="error.scalers.range_order", value=self.feature_range)
        return lo, hi

    def fit(self, X: Any, y: Any = None) -> MinMaxScaler:
        """Record the per-feature minimum and maximum of ``X`` (``y`` is ignored).

        Example:
            >>> MinMaxScaler().fit([[1.0], [3.0]]).data_range_.tolist()
            [2.0]
        """
        lo, hi = self._range()
        X = _as_2d_float(X, "MinMaxScaler.fit")
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        self.scale_ = (hi - lo) / _handle_zeros_in_scale(self.data_range_)
        self.min_ = lo - self.data_min_ * self.scale_
        self.n_features_in_ = X.shape[1]
        self.n_samples_seen_ = X.shape[0]
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Return ``X * scale_ + min_``, clipped to ``feature_range`` if ``clip=True``.

        Example:
            >>> MinMaxScaler(clip=True).fit([[0.0], [2.0]]).transform([[1.0], [9.0]]).tolist()
            [[0.5], [1.0]]
        """
        X = self._check_input(X, "transform")
        out = X * self.scale_
        out += self.min_
        out = out.astype(X.dtype, copy=False)
        if self.clip:
            lo, hi = self._range()
            np.clip(out, lo, hi, out=out)
        return out

    def inverse_transform(self, X: Any) -> np.ndarray:
        """Undo :meth:`transform`: return ``(X - min_) / scale_``.

        Example:
            >>> s = MinMaxScaler().fit([[2.0], [4.0]])
            >>> s.inverse_transform([[0.5]]).tolist()
            [[3.0]]
        """
        X = self._check_input(X, "inverse_transform")
        out = X - self.min_
        out /= self.scale_
        return out.astype(X.dtype, copy=False)
