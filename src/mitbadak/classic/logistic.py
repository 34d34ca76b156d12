"""Logistic regression: binary (sigmoid) and multinomial (softmax), with L2, L1 or no penalty."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from .. import validate
from ..errors import ConfigError
from ..messages import message
from .base import BaseEstimator, ClassifierMixin, ConvergenceWarning, check_n_classes


def log_sigmoid(z: np.ndarray) -> np.ndarray:
    """``log σ(z) = -log(1 + e^(-z))``, computed without overflow for any ``z``.

    Example:
        >>> log_sigmoid(np.array([-1000.0, 0.0, 1000.0])).round(4).tolist()
        [-1000.0, -0.6931, -0.0]
    """
    return -np.logaddexp(0.0, -z)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function ``σ(z) = 1 / (1 + e^(-z))``, stable for huge ``|z|``.

    Example:
        >>> sigmoid(np.array([-1000.0, 0.0, 1000.0])).tolist()
        [0.0, 0.5, 1.0]
    """
    return np.exp(log_sigmoid(z))


def log_softmax(Z: np.ndarray) -> np.ndarray:
    """Row-wise ``log softmax(Z) = Z - logsumexp(Z)``; subtracting the row max avoids overflow.

    Example:
        >>> np.exp(log_softmax(np.array([[1000.0, 1000.0]]))).tolist()
        [[0.5, 0.5]]
    """
    shifted = Z - Z.max(axis=1, keepdims=True)  # softmax is unchanged by a shift per row
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


# ----------------------------------------------------------------------------------- objectives
# The parameters are one matrix W of shape (n_features [+1 for the intercept], n_outputs): one
# column for the sigmoid model, one column per class for the softmax model. The objective is
#     f(W) = (1/n) Σ_i loss_i(W) + (1/(2 C n)) ||W without intercept row||²        (L2)
# i.e. scikit-learn's  C Σ loss_i + ½||w||²  divided by C n (same minimizer, n-free tolerance).


class _Objective:
    """Mean cross-entropy of a linear model on (X1, Y), its gradient and Hessian products."""

    def __init__(self, X1: np.ndarray, Y: np.ndarray, l2: float, mask: np.ndarray) -> None:
        self.X1, self.Y, self.l2, self.mask = X1, Y, l2, mask  # mask: 0 on the intercept row
        self.n = X1.shape[0]
        self.binary = Y.shape[1] == 1

    def value(self, W: np.ndarray) -> float:
        Z = self.X1 @ W
        if self.binary:  # -[y log σ(z) + (1-y) log(1-σ(z))] = log(1 + e^z) - y z
            loss = np.logaddexp(0.0, Z) - self.Y * Z
        else:  # -Σ_k y_k log softmax_k(z)
            loss = -(self.Y * log_softmax(Z))
        return float(loss.sum() / self.n + 0.5 * self.l2 * np.sum((self.mask * W) ** 2))

    def value_grad_hessp(
        self, W: np.ndarray
    ) -> tuple[float, np.ndarray, Callable[[np.ndarray], np.ndarray]]:
        X1, n = self.X1, self.n
        Z = X1 @ W
        if self.binary:
            P = sigmoid(Z)
            loss = np.logaddexp(0.0, Z) - self.Y * Z
            S = P * (1.0 - P)  # σ'(z): the weight of each sample in the Hessian

            def hessp(V: np.ndarray) -> np.ndarray:  # H v = Xᵀ diag(σ(1-σ)) X v / n + l2 v
                return X1.T @ (S * (X1 @ V)) / n + self.l2 * self.mask * V

        else:
            logP = log_softmax(Z)
            P = np.exp(logP)
            loss = -(self.Y * logP)

            def hessp(V: np.ndarray) -> np.ndarray:
                # The softmax Jacobian is diag(p) - p pᵀ, applied row by row to U = X V.
                PU = P * (X1 @ V)
                return X1.T @ (PU - P * PU.sum(axis=1, keepdims=True)) / n + self.l2 * self.mask * V

        f = loss.sum() / n + 0.5 * self.l2 * np.sum((self.mask * W) ** 2)
        grad = X1.T @ (P - self.Y) / n + self.l2 * self.mask * W  # the famous Xᵀ(p - y)
        return float(f), grad, hessp


def _conjugate_gradient(
    hessp: Callable[[np.ndarray], np.ndarray], b: np.ndarray, rtol: float, max_iter: int
) -> np.ndarray:
    """Approximately solve ``H x = b`` for a positive semi-definite H given only ``v -> H v``."""
    x = np.zeros_like(b)
    r = b.copy()
    p = r.copy()
    rs = np.sum(r * r)
    stop = (rtol**2) * rs
    for _ in range(max_iter):
        if rs <= stop:
            break
        Hp = hessp(p)
        curvature = np.sum(p * Hp)
        if curvature <= 1e-16 * np.sum(p * p):  # flat direction: keep what we have
            break
        a = rs / curvature
        x += a * p
        r -= a * Hp
        rs_new = np.sum(r * r)
        p = r + (rs_new / rs) * p
        rs = rs_new
    return x if np.any(x) else b  # fall back to steepest descent


def _newton_cg(obj: _Objective, W: np.ndarray, tol: float, max_iter: int) -> tuple[np.ndarray, int]:
    """Minimize a smooth convex objective by Newton's method, until ``max|∇f| <= tol``.

    The Newton step ``s`` solves ``H s = -g``. The Hessian of a softmax model has
    ``(d·K)²`` entries, so instead of forming it we solve with conjugate gradient, which only
    needs products ``H v`` (two matrix products with X). A backtracking line search keeps every
    step a descent (pure Newton can overshoot far from the optimum).
    """
    for it in range(max_iter):
        f, g, hessp = obj.value_grad_hessp(W)
        g_max = np.max(np.abs(g))
        if g_max <= tol:
            return W, it
        # Solve loosely far from the optimum and precisely near it (superlinear convergence).
        rtol = min(0.5, np.sqrt(np.sqrt(np.sum(g * g))))
        s = _conjugate_gradient(hessp, -g, rtol, max_iter=max(20, 2 * g.size))
        slope = np.sum(g * s)
        t = 1.0
        for _ in range(60):  # Armijo: accept once f decreased enough
            f_new = obj.value(W + t * s)
            if f_new <= f + 1e-4 * t * slope:
                break
            t *= 0.5
        else:  # no decrease left in double precision: we are at the optimum
            return W, it + 1
        W = W + t * s
    _, g, _ = obj.value_grad_hessp(W)
    if np.max(np.abs(g)) > tol:
        warnings.warn(
            message("warning.logistic.newton", max_iter=max_iter, grad=np.max(np.abs(g)), tol=tol),
            ConvergenceWarning,
            stacklevel=4,
        )
    return W, max_iter


def _fista(
    obj: _Objective, W: np.ndarray, l1: float, lipschitz: float, tol: float, max_iter: int
) -> tuple[np.ndarray, int]:
    """Minimize ``f(W) + l1 ||mask * W||_1`` by FISTA (accelerated proximal gradient).

    Each step is a gradient step on the smooth part ``f`` with step ``1/L``, followed by the
    proximal map of the L1 term: soft-thresholding, which sets small weights exactly to zero.
    ``L`` must bound the local curvature of ``f``: it is found by backtracking (halved at each
    step, doubled until the quadratic upper bound holds), which allows much longer steps than
    the global bound ``lipschitz``. Nesterov momentum makes it fast; the momentum is reset when
    it points uphill (adaptive restart). Stops when the proximal-gradient step ``L·(W+ - Y)``
    (the L1 analogue of the gradient) has all entries below ``tol``.
    """
    mask = obj.mask
    L = lipschitz
    Y, t = W.copy(), 1.0
    for it in range(max_iter):
        f_Y, g, _ = obj.value_grad_hessp(Y)
        L *= 0.5
        for _ in range(100):  # (bounded: rounding must not make it loop forever)
            V = Y - g / L
            W_new = np.sign(V) * np.maximum(np.abs(V) - (l1 / L) * mask, 0.0)  # soft-threshold
            step = W_new - Y
            # Sufficient decrease: f(W+) <= f(Y) + g·step + (L/2)||step||² (L large enough).
            if obj.value(W_new) <= f_Y + np.sum(g * step) + 0.5 * L * np.sum(step * step):
                break
            L *= 2.0
        if np.max(np.abs(step)) * L <= tol:
            return W_new, it + 1
        if np.sum(step * (W_new - W)) > 0:  # momentum points uphill: restart it
            t = 1.0
        t_new = 0.5 * (1.0 + np.sqrt(1.0 + 4.0 * t * t))
        Y = W_new + ((t - 1.0) / t_new) * (W_new - W)
        W, t = W_new, t_new
    warnings.warn(
        message("warning.logistic.fista", max_iter=max_iter),
        ConvergenceWarning,
        stacklevel=4,
    )
    return W, max_iter


class LogisticRegression(ClassifierMixin, BaseEstimator):
    """Logistic regression for two classes (sigmoid) or more (multinomial, softmax).

    Two classes: ``P(y = classes_[1] | x) = σ(x·w + b)``. K classes: one weight vector per class
    and ``P(y = k | x) = softmax(x W + b)_k``. The weights minimize the mean cross-entropy plus a
    penalty, with the meaning of scikit-learn's ``C`` (inverse regularization strength)::

        penalty="l2":  C Σ_i loss_i + ½ ||W||²
        penalty="l1":  C Σ_i loss_i + ||W||_1
        penalty=None:  Σ_i loss_i

    The intercept is never penalized (as in scikit-learn's lbfgs and saga solvers). L2 and no
    penalty are solved by Newton's method with conjugate gradient (see ``_newton_cg``), stopping
    when the largest gradient entry of the objective divided by ``C n`` is below ``tol`` (the
    meaning of ``tol`` in scikit-learn's lbfgs). L1 is solved by FISTA, where each of the
    ``max_iter`` iterations is one cheap proximal-gradient step: give it a larger ``max_iter``.

    Probabilities use log-sum-exp, so huge scores give finite losses and exact 0/1 probabilities
    rather than NaN. (scikit-learn 1.8 replaced ``penalty`` by ``l1_ratio``/``C=np.inf``; here
    ``penalty`` keeps the textbook names.)

    Args:
        penalty: ``"l2"``, ``"l1"`` or ``None``.
        C: inverse regularization strength (> 0; ``np.inf`` means no penalty).
        fit_intercept: learn ``intercept_``.
        max_iter: Newton iterations (L2 / None) or FISTA iterations (L1).
        tol: tolerance on the gradient (or proximal-gradient step) of the objective.

    Attributes:
        coef_: (1, n_features) for two classes, (n_classes, n_features) otherwise.
        intercept_: (1,) or (n_classes,). classes_: sorted labels. n_iter_: array([iterations]).

    Example:
        >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
        >>> clf = LogisticRegression().fit(X, ["no", "no", "yes", "yes"])
        >>> clf.predict([[0.2], [2.8]]).tolist()
        ['no', 'yes']
        >>> clf.predict_proba([[1.5]]).round(3).tolist()
        [[0.5, 0.5]]
    """

    def __init__(
        self,
        penalty: str | None = "l2",
        *,
        C: float = 1.0,
        fit_intercept: bool = True,
        max_iter: int = 100,
        tol: float = 1e-4,
    ) -> None:
        self.penalty = penalty
        self.C = C
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: Any, y: Any) -> LogisticRegression:
        """Fit the weights; returns self."""
        X, y = self._validate_fit(X, y)
        if self.penalty not in ("l2", "l1", None):
            raise ConfigError(
                key="error.classic.either", who="LogisticRegression", name="penalty",
                a="'l2', 'l1'", b="None", value=self.penalty,
            )  # fmt: skip
        C = validate.number(self.C, "C", "LogisticRegression", finite=False)
        if not C > 0:
            raise ConfigError(
                key="error.classic.positive", who="LogisticRegression", name="C", value=self.C
            )
        validate.integer(self.max_iter, "max_iter", "LogisticRegression", min=1)
        validate.number(self.tol, "tol", "LogisticRegression", min=0)
        if int(self.max_iter) < 1 or not float(self.tol) >= 0:
            raise ConfigError(
                key="error.classic.logistic.iter_tol", max_iter=self.max_iter, tol=self.tol
            )
        self.classes_, y_idx = np.unique(y, return_inverse=True)
        k = len(self.classes_)
        check_n_classes(self.classes_, "LogisticRegression.fit")
        n, d = X.shape
        # Targets: a 0/1 column for the sigmoid model, one-hot rows for the softmax model.
        Y = (y_idx == 1).astype(np.float64)[:, None] if k == 2 else np.eye(k)[y_idx]
        X1 = np.hstack([X, np.ones((n, 1))]) if self.fit_intercept else X
        mask = np.ones((X1.shape[1], 1))
        if self.fit_intercept:
            mask[-1] = 0.0  # the intercept row is not penalized
        strength = 0.0 if self.penalty is None or np.isinf(C) else 1.0 / (C * n)
        W0 = np.zeros((X1.shape[1], Y.shape[1]))

        if self.penalty == "l1" and strength > 0:
            obj = _Objective(X1, Y, 0.0, mask)
            # Curvature bound of the mean cross-entropy: σ' <= 1/4, softmax Jacobian <= 1/2.
            lipschitz = np.linalg.norm(X1, 2) ** 2 / n * (0.25 if k == 2 else 0.5)
            W, n_iter = _fista(obj, W0, strength, lipschitz, float(self.tol), int(self.max_iter))
        else:
            obj = _Objective(X1, Y, strength, mask)
            W, n_iter = _newton_cg(obj, W0, float(self.tol), int(self.max_iter))

        self.coef_ = np.ascontiguousarray(W[:d].T)
        self.intercept_ = W[d].copy() if self.fit_intercept else np.zeros(Y.shape[1])
        self.n_iter_ = np.array([n_iter])
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Scores ``X @ coef_.T + intercept_``: shape (n,) for two classes, (n, n_classes) else."""
        X = self._validate_predict(X, "decision_function")
        Z = X @ self.coef_.T + self.intercept_
        return Z[:, 0] if Z.shape[1] == 1 else Z

    def predict_log_proba(self, X: Any) -> np.ndarray:
        """Log-probabilities of each class, shape (n, n_classes), computed stably."""
        Z = self.decision_function(X)
        if Z.ndim == 1:  # log(1 - σ(z)) = log σ(-z)
            return np.column_stack([log_sigmoid(-Z), log_sigmoid(Z)])
        return log_softmax(Z)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Probabilities of each class (columns in the order of ``classes_``); rows sum to 1."""
        return np.exp(self.predict_log_proba(X))

    def predict(self, X: Any) -> np.ndarray:
        """The most probable class of each sample."""
        Z = self.decision_function(X)
        idx = (Z > 0).astype(np.int64) if Z.ndim == 1 else np.argmax(Z, axis=1)
        return self.classes_[idx]
