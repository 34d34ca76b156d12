"""The linear support vector machine, trained by dual coordinate descent as liblinear does.

For labels y_i in {-1, +1}, the (soft-margin) linear SVM solves

    min_w  ½‖w‖² + C Σ_i ξ(w·x_i, y_i),   ξ = max(0, 1 - y w·x)     (loss="hinge")
                                          ξ = max(0, 1 - y w·x)²    (loss="squared_hinge")

where, with ``fit_intercept``, x gets an extra constant feature ``intercept_scaling`` whose
weight is the intercept (so the intercept is penalised too, exactly as in liblinear and hence in
scikit-learn's ``LinearSVC``). Its dual (Hsieh et al., ICML 2008) is a box-constrained quadratic:

    min_α  ½ αᵀ(Q + D)α - Σ α_i,   0 <= α_i <= U,   Q_ij = y_i y_j x_i·x_j,   w = Σ α_i y_i x_i,

with U = C, D = 0 for the hinge and U = ∞, D_ii = 1/(2C) for the squared hinge. Coordinate
descent minimises exactly in one α_i at a time, keeping w up to date, so each step costs one
dot product: the gradient is G = y_i w·x_i - 1 + D_ii α_i and the new value is
clip(α_i - G / (Q_ii + D_ii), 0, U). It stops when the largest violation of the optimality
conditions (the projected gradient's spread) falls below ``tol``. Why this method: the problem is
convex, the dual step has a closed form (no learning rate), and it is liblinear's own algorithm,
so it reaches scikit-learn's solution. Several classes are handled one-vs-rest.

Example:
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [1.0, 0.0], [3.0, 3.0], [4.0, 3.0]])
    >>> svm = LinearSVC(C=10.0).fit(X, [0, 0, 1, 1])
    >>> svm.predict([[0.5, 0.2], [3.5, 3.2]]).tolist()
    [0, 1]
"""

from __future__ import annotations

import numbers
import warnings
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..messages import message
from .base import BaseEstimator, ClassifierMixin, ConvergenceWarning, check_n_classes


def dual_coordinate_descent(
    X: np.ndarray,
    y: np.ndarray,
    C: float,
    loss: str,
    tol: float,
    max_iter: int,
    rng: np.random.RandomState,
) -> tuple[np.ndarray, int, bool]:
    """Solve the binary linear SVM's dual for y in {-1, +1}; returns (w, n_iter, converged).

    Example:
        >>> X = np.array([[-1.0], [1.0]]); y = np.array([-1.0, 1.0])
        >>> w, _, ok = dual_coordinate_descent(X, y, 10.0, "hinge", 1e-6, 100, np.random.RandomState(0))
        >>> round(float(w[0]), 6), ok
        (1.0, True)
    """
    n, d = X.shape
    if loss == "hinge":
        upper, diag = C, 0.0
    else:
        upper, diag = np.inf, 0.5 / C
    Qii = np.einsum("ij,ij->i", X, X) + diag
    alpha = np.zeros(n)
    w = np.zeros(d)
    rows = [y[i] * X[i] for i in range(n)]  # y_i x_i, so the gradient is one dot product
    dot = np.dot
    converged = False
    n_iter = 0
    for n_iter in range(1, max_iter + 1):  # noqa: B007 (n_iter is returned)
        pg_max, pg_min = -np.inf, np.inf
        for i in rng.permutation(n).tolist():
            yxi, ai = rows[i], alpha[i]
            G = float(dot(yxi, w)) - 1.0 + diag * ai
            # Projected gradient: zero where the box stops the move.
            if ai == 0.0:
                PG = G if G < 0.0 else 0.0
            elif ai == upper:
                PG = G if G > 0.0 else 0.0
            else:
                PG = G
            if PG > pg_max:
                pg_max = PG
            if PG < pg_min:
                pg_min = PG
            if PG != 0.0 and Qii[i] > 0:
                new = min(max(ai - G / Qii[i], 0.0), upper)
                w += (new - ai) * yxi
                alpha[i] = new
        if pg_max - pg_min <= tol:
            converged = True
            break
    return w, n_iter, converged


class LinearSVC(ClassifierMixin, BaseEstimator):
    """Linear support vector classifier, like ``sklearn.svm.LinearSVC`` (liblinear's dual solver).

    Args:
        C: inverse regularisation strength (> 0): a large C fits the training data harder.
        loss: ``"squared_hinge"`` (default, as scikit-learn) or ``"hinge"``.
        tol: stop when the dual optimality violation is below this.
        fit_intercept: learn an intercept (as a constant feature of value ``intercept_scaling``,
            penalised like the weights, as liblinear does).
        intercept_scaling: the value of that constant feature.
        max_iter: at most this many passes over the data per binary problem.
        random_state: seed of the order in which samples are visited.

    Attributes after ``fit``: ``coef_`` (1, d) for two classes or (n_classes, d),
    ``intercept_``, ``classes_``, ``n_iter_``, ``n_features_in_``.

    Example:
        >>> from mitbadak.data import load_digits
        >>> ds = load_digits()
        >>> svm = LinearSVC(C=0.01).fit(ds.data[:1000] / 16, ds.target[:1000])
        >>> svm.score(ds.data[1000:] / 16, ds.target[1000:]) > 0.9
        True
    """

    def __init__(
        self,
        *,
        C: float = 1.0,
        loss: str = "squared_hinge",
        tol: float = 1e-4,
        fit_intercept: bool = True,
        intercept_scaling: float = 1.0,
        max_iter: int = 1000,
        random_state: Any = None,
    ) -> None:
        self.C = C
        self.loss = loss
        self.tol = tol
        self.fit_intercept = fit_intercept
        self.intercept_scaling = intercept_scaling
        self.max_iter = max_iter
        self.random_state = random_state

    def _check_params(self) -> None:
        if self.loss not in ("hinge", "squared_hinge"):
            raise ConfigError(
                key="error.classic.either", who="LinearSVC", name="loss", a="'hinge'",
                b="'squared_hinge'", value=self.loss,
            )  # fmt: skip
        try:
            ok = float(self.C) > 0 and np.isfinite(float(self.C))
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ConfigError(
                key="error.classic.finite_bound", who="LinearSVC", name="C", bound="> 0",
                value=self.C,
            )  # fmt: skip
        try:
            ok = float(self.tol) > 0
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ConfigError(
                key="error.classic.number_bound", who="LinearSVC", name="tol", bound="> 0",
                value=self.tol,
            )  # fmt: skip
        it = self.max_iter
        if isinstance(it, bool) or not isinstance(it, numbers.Integral) or it < 1:
            raise ConfigError(
                key="error.classic.integer_min", who="LinearSVC", name="max_iter", min=1, value=it
            )
        if self.fit_intercept and not float(self.intercept_scaling) > 0:
            raise ConfigError(
                key="error.classic.positive", who="LinearSVC", name="intercept_scaling",
                value=self.intercept_scaling,
            )  # fmt: skip

    def fit(self, X: Any, y: Any) -> LinearSVC:
        """Train one binary SVM (two classes) or one per class against the rest; returns self."""
        X, y = self._validate_fit(X, y)
        self._check_params()
        self.classes_, y_idx = np.unique(y, return_inverse=True)
        check_n_classes(self.classes_, "LinearSVC.fit")
        n, d = X.shape
        s = float(self.intercept_scaling)
        Xa = np.hstack([X, np.full((n, 1), s)]) if self.fit_intercept else X
        rng = np.random.RandomState(self.random_state)
        targets = [1] if len(self.classes_) == 2 else range(len(self.classes_))
        W, iters, all_ok = [], [], True
        for k in targets:
            yk = np.where(y_idx == k, 1.0, -1.0)
            w, it, ok = dual_coordinate_descent(
                Xa, yk, float(self.C), self.loss, float(self.tol), int(self.max_iter), rng
            )
            W.append(w)
            iters.append(it)
            all_ok &= ok
        if not all_ok:
            warnings.warn(
                message("warning.svm.dual", max_iter=self.max_iter),
                ConvergenceWarning,
                stacklevel=2,
            )
        W = np.array(W)
        self.coef_ = np.ascontiguousarray(W[:, :d])
        self.intercept_ = W[:, d] * s if self.fit_intercept else np.zeros(len(W))
        self.n_iter_ = int(max(iters))
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Signed distances (times ‖w‖): shape (n,) for two classes, (n, n_classes) else."""
        X = self._validate_predict(X, "decision_function")
        Z = X @ self.coef_.T + self.intercept_
        return Z[:, 0] if Z.shape[1] == 1 else Z

    def predict(self, X: Any) -> np.ndarray:
        """The class with the largest decision value (the positive side for two classes)."""
        Z = self.decision_function(X)
        idx = (Z > 0).astype(np.int64) if Z.ndim == 1 else np.argmax(Z, axis=1)
        return self.classes_[idx]
