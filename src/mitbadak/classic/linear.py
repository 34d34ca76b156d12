"""Linear regression: least squares, gradient descent, and the Ridge / Lasso / ElasticNet penalties.

All models predict ``y_hat = X @ coef_ + intercept_``. They differ in the objective:

==================  ===========================================================================
LinearRegression    ||y - Xw - b||²
Ridge               ||y - Xw - b||² + alpha ||w||²                       (closed form)
Lasso               (1/2n) ||y - Xw - b||² + alpha ||w||_1                (coordinate descent)
ElasticNet          (1/2n) ||y - Xw - b||² + alpha l1_ratio ||w||_1
                    + (alpha/2)(1 - l1_ratio) ||w||²                        (coordinate descent)
==================  ===========================================================================

exactly as in scikit-learn (note the different scaling of ``alpha`` between Ridge and the L1
models). The intercept ``b`` is never penalized: it is removed by centering ``X`` and ``y``
(the optimal ``b`` for any ``w`` is ``mean(y) - mean(X) @ w``), and recovered after the fit.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..messages import message
from .base import BaseEstimator, ConvergenceWarning, RegressorMixin, check_positive


def _center(X: np.ndarray, y: np.ndarray, fit_intercept: bool) -> tuple[np.ndarray, ...]:
    """Center X and y (when there is an intercept); return them with their means."""
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), 0.0
    X_mean, y_mean = X.mean(axis=0), y.mean()
    return X - X_mean, y - y_mean, X_mean, y_mean


class _LinearModel(RegressorMixin, BaseEstimator):
    """Shared ``predict`` of the linear regressors."""

    def predict(self, X: Any) -> np.ndarray:
        """Predictions ``X @ coef_ + intercept_``, shape (n_samples,)."""
        X = self._validate_predict(X)
        return X @ self.coef_ + self.intercept_

    def _set_intercept(self, X_mean: np.ndarray, y_mean: float) -> None:
        # Undo the centering: y - y_mean = (X - X_mean) w  =>  b = y_mean - X_mean @ w.
        self.intercept_ = float(y_mean - X_mean @ self.coef_) if self.fit_intercept else 0.0


class LinearRegression(_LinearModel):
    """Ordinary least squares: minimize ``||y - Xw - b||²``.

    ``solver="lstsq"`` solves the normal equation ``XᵀX w = Xᵀy`` through ``np.linalg.lstsq``
    (an SVD: stable even when ``XᵀX`` is singular, where it returns the minimum-norm solution).

    ``solver="gd"`` minimizes the mean squared error ``(1/m) Σ (x·w + b - y)²`` over batches of
    ``m`` samples by gradient descent::

        w <- w - eta0 * (2/m) Xᵀ (X w + b - y),     b <- b - eta0 * (2/m) Σ (X w + b - y)

    ``batch_size=None`` uses all samples (batch gradient descent), ``1`` one sample at a time
    (stochastic), anything in between is mini-batch. One epoch is one pass over the data; it
    stops when no parameter moved more than ``tol`` during an epoch. Gradient descent needs
    features on similar scales (standardize them) and a small enough ``eta0``; a diverging run
    raises :class:`~mitbadak.ConfigError`.

    Args:
        fit_intercept: learn ``intercept_`` (else it is 0).
        solver: ``"lstsq"`` (default, exact) or ``"gd"``.
        eta0: learning rate of ``"gd"``.
        max_iter: maximum number of epochs of ``"gd"``.
        tol: stopping tolerance of ``"gd"``.
        batch_size: samples per step of ``"gd"`` (``None`` = all).
        shuffle: reshuffle the samples every epoch (``"gd"`` with batches).
        random_state: seed of the shuffling.

    Attributes:
        coef_: (n_features,) weights. intercept_: float. n_iter_: epochs run (``"gd"``).

    Example:
        >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
        >>> m = LinearRegression().fit(X, 2 * X[:, 0] + 1)
        >>> round(float(m.coef_[0]), 6), round(m.intercept_, 6)
        (2.0, 1.0)
    """

    def __init__(
        self,
        *,
        fit_intercept: bool = True,
        solver: str = "lstsq",
        eta0: float = 0.01,
        max_iter: int = 1000,
        tol: float = 1e-6,
        batch_size: int | None = None,
        shuffle: bool = True,
        random_state: int | None = 0,
    ) -> None:
        self.fit_intercept = fit_intercept
        self.solver = solver
        self.eta0 = eta0
        self.max_iter = max_iter
        self.tol = tol
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.random_state = random_state

    def fit(self, X: Any, y: Any) -> LinearRegression:
        """Fit the coefficients; returns self."""
        X, y = self._validate_fit(X, y)
        y = y.astype(np.float64)
        if self.solver == "lstsq":
            Xc, yc, X_mean, y_mean = _center(X, y, self.fit_intercept)
            self.coef_ = np.linalg.lstsq(Xc, yc, rcond=None)[0]
            self._set_intercept(X_mean, y_mean)
            self.n_iter_ = 1
        elif self.solver == "gd":
            self._fit_gd(X, y)
        else:
            raise ConfigError(
                key="error.classic.either", who="LinearRegression", name="solver", a="'lstsq'",
                b="'gd'", value=self.solver,
            )  # fmt: skip
        return self

    def _fit_gd(self, X: np.ndarray, y: np.ndarray) -> None:
        eta = check_positive(self.eta0, "eta0", "LinearRegression")
        n, d = X.shape
        m = n if self.batch_size is None else int(self.batch_size)
        if not 1 <= m:
            raise ConfigError(
                key="error.classic.at_least", who="LinearRegression", name="batch_size", min=1,
                value=self.batch_size,
            )  # fmt: skip
        rng = np.random.default_rng(self.random_state)
        w, b = np.zeros(d), 0.0
        self.n_iter_ = 0
        for epoch in range(int(self.max_iter)):
            order = rng.permutation(n) if self.shuffle and m < n else np.arange(n)
            largest_step = 0.0
            with np.errstate(over="ignore", invalid="ignore"):  # divergence is checked below
                for start in range(0, n, m):
                    idx = order[start : start + m]
                    error = X[idx] @ w + b - y[idx]  # residual of the batch
                    grad_w = 2.0 / len(idx) * (X[idx].T @ error)
                    grad_b = 2.0 / len(idx) * error.sum() if self.fit_intercept else 0.0
                    w -= eta * grad_w
                    b -= eta * grad_b
                    step = max(np.max(np.abs(grad_w)), abs(grad_b))
                    largest_step = max(largest_step, eta * step)
            self.n_iter_ = epoch + 1
            if not (np.isfinite(largest_step) and np.all(np.isfinite(w))):
                raise ConfigError(
                    key="error.classic.linear.diverged", epoch=epoch + 1, eta0=self.eta0
                )
            if largest_step < self.tol:
                break
        else:
            warnings.warn(
                message(
                    "warning.linear.gd", max_iter=self.max_iter, step=largest_step, tol=self.tol
                ),
                ConvergenceWarning,
                stacklevel=3,
            )
        self.coef_, self.intercept_ = w, float(b)


class Ridge(_LinearModel):
    """Least squares with an L2 penalty: minimize ``||y - Xw - b||² + alpha ||w||²``.

    Setting the gradient to zero gives the closed form (on centered data, so ``b`` is free)::

        (XᵀX + alpha I) w = Xᵀy

    ``alpha`` shrinks every coefficient smoothly towards 0 but never exactly to 0. It equals
    scikit-learn's ``Ridge(alpha)``.

    Args:
        alpha: penalty strength (>= 0; 0 is ordinary least squares).
        fit_intercept: learn ``intercept_`` (not penalized).

    Example:
        >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
        >>> Ridge(alpha=1.0).fit(X, 2 * X[:, 0]).coef_.round(4).tolist()  # 2 * 5 / (5 + 1)
        [1.6667]
    """

    def __init__(self, alpha: float = 1.0, *, fit_intercept: bool = True) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X: Any, y: Any) -> Ridge:
        """Solve the penalized normal equation; returns self."""
        X, y = self._validate_fit(X, y)
        alpha = check_positive(self.alpha, "alpha", "Ridge", allow_zero=True)
        Xc, yc, X_mean, y_mean = _center(X, y.astype(np.float64), self.fit_intercept)
        A = Xc.T @ Xc + alpha * np.eye(X.shape[1])
        # lstsq rather than solve: still fine when alpha = 0 and XᵀX is singular.
        self.coef_ = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0]
        self._set_intercept(X_mean, y_mean)
        return self


def _enet_coordinate_descent(
    X: np.ndarray,
    y: np.ndarray,
    l1: float,
    l2: float,
    w: np.ndarray,
    max_iter: int,
    tol: float,
) -> tuple[np.ndarray, float, int]:
    """Minimize ½||y - Xw||² + l1 ||w||_1 + ½ l2 ||w||² by cyclic coordinate descent.

    (This is the ElasticNet objective multiplied by n: l1 = n·alpha·l1_ratio,
    l2 = n·alpha·(1 - l1_ratio).) For one coordinate j, with the others fixed, the minimum is the
    soft-thresholded least-squares update::

        rho_j = X_jᵀ (y - Xw + w_j X_j)            (correlation with the partial residual)
        w_j   = S(rho_j, l1) / (||X_j||² + l2),     S(a, t) = sign(a) max(|a| - t, 0)

    Soft-thresholding is what sets coefficients *exactly* to zero. Like scikit-learn, after a
    sweep whose largest change is below ``tol · max|w|`` we compute the duality gap (an upper
    bound on the distance to the optimal objective) and stop when it is below ``tol · ||y||²``.
    Returns (w, gap, n_iter).
    """
    norm2 = np.einsum("ij,ij->j", X, X)  # ||X_j||² for every column
    R = y - X @ w  # residual, kept up to date
    tol_gap = tol * (y @ y)
    gap = np.inf
    for n_iter in range(1, max_iter + 1):
        w_max = d_w_max = 0.0
        for j in range(X.shape[1]):
            if norm2[j] == 0.0:  # an all-zero column carries no information
                continue
            w_old = w[j]
            rho = X[:, j] @ R + w_old * norm2[j]
            shrunk = abs(rho) - l1  # soft-thresholding: |rho| <= l1 gives exactly 0
            w[j] = np.sign(rho) * shrunk / (norm2[j] + l2) if shrunk > 0 else 0.0
            if w[j] != w_old:
                R -= (w[j] - w_old) * X[:, j]
            d_w_max = max(d_w_max, abs(w[j] - w_old))
            w_max = max(w_max, abs(w[j]))
        if w_max == 0.0 or d_w_max / w_max <= tol:
            gap = _enet_duality_gap(X, y, w, R, l1, l2)
            if gap <= tol_gap:
                return w, gap, n_iter
    warnings.warn(
        message("warning.linear.cd", max_iter=max_iter, gap=gap, tol=tol_gap),
        ConvergenceWarning,
        stacklevel=4,
    )
    return w, gap, max_iter


def _enet_duality_gap(
    X: np.ndarray, y: np.ndarray, w: np.ndarray, R: np.ndarray, l1: float, l2: float
) -> float:
    """Primal minus dual objective at ``w`` (>= 0, and 0 exactly at the optimum).

    The dual point is the residual R, scaled down until it is feasible (||Xᵀv||_inf <= l1).
    """
    XtA = X.T @ R - l2 * w
    dual_norm = np.max(np.abs(XtA)) if XtA.size else 0.0
    R_norm2, w_norm2 = R @ R, w @ w
    if dual_norm > l1:
        const = l1 / dual_norm
        gap = 0.5 * (R_norm2 + R_norm2 * const**2)
    else:
        const = 1.0
        gap = R_norm2
    gap += l1 * np.abs(w).sum() - const * (R @ y) + 0.5 * l2 * (1.0 + const**2) * w_norm2
    return float(gap)


class ElasticNet(_LinearModel):
    """Linear regression with a mix of L1 and L2 penalties, fitted by coordinate descent.

    Minimizes (scikit-learn's ``ElasticNet`` objective, same ``alpha`` and ``l1_ratio``)::

        (1/(2n)) ||y - Xw - b||² + alpha * l1_ratio * ||w||_1
                                 + 0.5 * alpha * (1 - l1_ratio) * ||w||²

    ``l1_ratio=1`` is the Lasso, ``l1_ratio=0`` a Ridge (with ``alpha`` scaled by ``1/n``).
    The L1 part selects features (exact zeros), the L2 part keeps correlated features together.
    ``tol`` and ``max_iter`` mean what they mean in scikit-learn (duality gap below
    ``tol * ||y||²``, at most ``max_iter`` sweeps over the features).

    Args:
        alpha: overall penalty strength (>= 0).
        l1_ratio: share of L1 in the penalty, in [0, 1].
        fit_intercept: learn ``intercept_`` (not penalized).
        max_iter: maximum number of coordinate-descent sweeps.
        tol: tolerance on the duality gap.

    Attributes:
        coef_, intercept_, n_iter_ (sweeps run), dual_gap_ (final duality gap, scaled by 1/n).

    Example:
        >>> X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0]])
        >>> ElasticNet(alpha=0.1, l1_ratio=0.5).fit(X, X[:, 0]).coef_.round(3).tolist()
        [0.923, 0.0]
    """

    def __init__(
        self,
        alpha: float = 1.0,
        *,
        l1_ratio: float = 0.5,
        fit_intercept: bool = True,
        max_iter: int = 1000,
        tol: float = 1e-4,
    ) -> None:
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: Any, y: Any, *, coef_init: np.ndarray | None = None) -> ElasticNet:
        """Fit by coordinate descent (optionally starting from ``coef_init``); returns self."""
        X, y = self._validate_fit(X, y)
        name = type(self).__name__
        alpha = check_positive(self.alpha, "alpha", name, allow_zero=True)
        l1_ratio = float(self.l1_ratio)
        if not 0.0 <= l1_ratio <= 1.0:
            raise ConfigError(key="error.classic.linear.l1_ratio", who=name, value=self.l1_ratio)
        if int(self.max_iter) < 1:
            raise ConfigError(
                key="error.classic.at_least", who=name, name="max_iter", min=1,
                value=repr(self.max_iter),
            )  # fmt: skip
        tol = check_positive(self.tol, "tol", name, allow_zero=True)
        Xc, yc, X_mean, y_mean = _center(X, y.astype(np.float64), self.fit_intercept)
        n = X.shape[0]
        w0 = np.zeros(X.shape[1]) if coef_init is None else np.array(coef_init, np.float64)
        # Multiply the objective by n: the 1/(2n) becomes ½, the penalties get a factor n.
        w, gap, n_iter = _enet_coordinate_descent(
            Xc, yc, n * alpha * l1_ratio, n * alpha * (1.0 - l1_ratio), w0, int(self.max_iter), tol
        )
        self.coef_, self.dual_gap_, self.n_iter_ = w, gap / n, n_iter
        self._set_intercept(X_mean, y_mean)
        return self


class Lasso(ElasticNet):
    """Linear regression with an L1 penalty (ElasticNet with ``l1_ratio=1``).

    Minimizes ``(1/(2n)) ||y - Xw - b||² + alpha ||w||_1`` (scikit-learn's ``Lasso``) by
    coordinate descent. Large enough ``alpha`` sets coefficients exactly to zero, so the Lasso
    selects features: above ``alpha_max = max|Xᵀ(y - ȳ)| / n`` every coefficient is 0.

    Args:
        alpha: penalty strength (>= 0).
        fit_intercept, max_iter, tol: as in :class:`ElasticNet`.

    Example:
        >>> X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0]])
        >>> Lasso(alpha=0.1).fit(X, X[:, 0]).coef_.round(3).tolist()
        [0.92, 0.0]
    """

    def __init__(
        self,
        alpha: float = 1.0,
        *,
        fit_intercept: bool = True,
        max_iter: int = 1000,
        tol: float = 1e-4,
    ) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    @property
    def l1_ratio(self) -> float:  # a Lasso is an ElasticNet that is all L1
        return 1.0


_PATH_MODELS = {"lasso", "ridge", "elasticnet"}


def regularization_path(
    X: Any,
    y: Any,
    alphas: Any,
    model: str = "lasso",
    *,
    l1_ratio: float = 0.5,
    fit_intercept: bool = True,
    max_iter: int = 1000,
    tol: float = 1e-4,
) -> np.ndarray:
    """Coefficients of a penalized linear model for each ``alpha`` in ``alphas``.

    Row ``i`` of the result holds ``coef_`` of ``Lasso(alphas[i])``, ``Ridge(alphas[i])`` or
    ``ElasticNet(alphas[i], l1_ratio=l1_ratio)``. Plotting the columns against ``alphas`` shows
    the L1 penalty driving coefficients one by one to exactly 0 while L2 shrinks all of them
    smoothly. The coordinate-descent models are warm-started from the previous alpha, which is
    fastest when ``alphas`` go from large to small.

    Args:
        X, y: training data.
        alphas: the penalty strengths, any order.
        model: ``"lasso"``, ``"ridge"`` or ``"elasticnet"``.
        l1_ratio: the L1 share for ``"elasticnet"``.
        fit_intercept, max_iter, tol: passed to the models.

    Returns:
        An array of shape (len(alphas), n_features).

    Example:
        >>> X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0]])
        >>> regularization_path(X, X[:, 0], [10.0, 0.1]).round(2).tolist()
        [[0.0, 0.0], [0.92, 0.0]]
    """
    if model not in _PATH_MODELS:
        raise ConfigError(
            key="error.classic.one_of", who="regularization_path", name="model",
            options=sorted(_PATH_MODELS), value=model,
        )  # fmt: skip
    alphas = np.atleast_1d(np.asarray(alphas, dtype=np.float64))
    if alphas.ndim != 1 or alphas.size == 0:
        raise ConfigError(key="error.classic.linear.alphas", value=alphas)
    coefs = []
    w = None
    for alpha in alphas:
        if model == "ridge":
            est: _LinearModel = Ridge(alpha, fit_intercept=fit_intercept).fit(X, y)
        else:
            ratio = 1.0 if model == "lasso" else l1_ratio
            est = ElasticNet(
                alpha, l1_ratio=ratio, fit_intercept=fit_intercept, max_iter=max_iter, tol=tol
            ).fit(X, y, coef_init=w)
            w = est.coef_
        coefs.append(est.coef_.copy())
    return np.array(coefs)
