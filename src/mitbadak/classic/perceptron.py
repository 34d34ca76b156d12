"""Rosenblatt's perceptron: a threshold logic unit trained by the perceptron learning rule."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ConfigError
from .base import BaseEstimator, ClassifierMixin, check_n_classes, check_positive


def step(z: np.ndarray) -> np.ndarray:
    """The Heaviside step function of a threshold logic unit: 1 where ``z > 0``, else 0.

    Example:
        >>> step(np.array([-2.0, 0.0, 3.0])).tolist()
        [0, 0, 1]
    """
    return (np.asarray(z) > 0).astype(np.int64)


class Perceptron(ClassifierMixin, BaseEstimator):
    """Threshold logic unit (TLU) trained with the perceptron learning rule.

    A TLU computes a weighted sum ``z = w·x + b`` and fires (class 1) when ``z > 0``: it outputs
    ``step(z)``. With targets ``t = ±1``, the perceptron rule visits the samples one at a time and
    corrects the weights only on a mistake (``t·z <= 0``: wrong side of the boundary or on it)::

        w <- w + eta0 * t * x,    b <- b + eta0 * t

    Each correction turns the hyperplane ``w·x + b = 0`` towards the misclassified point. If the
    classes are **linearly separable**, Novikoff's theorem bounds the number of mistakes, so an
    epoch without mistakes arrives and training stops with every sample correctly classified.

    **Why it cannot learn XOR.** The decision region of a TLU is a half-plane. XOR needs
    (0,1) and (1,0) on one side and (0,0) and (1,1) on the other: the first pair requires
    ``w1 + b > 0`` and ``w2 + b > 0``, the second ``b <= 0`` and ``w1 + w2 + b <= 0``. Adding the
    first two gives ``w1 + w2 + 2b > 0``, adding the last two gives ``w1 + w2 + 2b <= 0``: a
    contradiction, so no line separates XOR and the rule keeps cycling (at most 3 of the 4 points
    are right). A hidden layer of TLUs (a multi-layer perceptron) is needed.

    Several classes are handled one-vs-rest, like scikit-learn: one TLU per class ("this class"
    vs. "the others"), and the class with the largest ``z`` wins.

    The procedure is exactly scikit-learn's ``Perceptron`` (SGD with the perceptron loss
    ``max(0, -t·z)``, constant learning rate ``eta0``, no penalty): with ``shuffle=False`` the two
    give the same weights. Training stops early when an epoch makes no mistake, or when the
    summed loss of ``n_iter_no_change`` epochs in a row did not fall by ``tol * n_samples``
    below the best so far (``tol=None`` disables that).

    Args:
        fit_intercept: learn the bias ``b`` (else ``b = 0``).
        max_iter: maximum number of epochs (passes over the data).
        tol: stopping tolerance on the epoch loss, see above.
        shuffle: visit the samples in a new random order every epoch.
        eta0: learning rate of the rule.
        n_iter_no_change: epochs without improvement before stopping.
        random_state: seed of the shuffling (same seed, same result).

    Attributes:
        coef_: (1, n_features) for two classes, (n_classes, n_features) otherwise.
        intercept_: (1,) or (n_classes,).
        classes_: the sorted class labels.
        n_iter_: the number of epochs run.

    Example:
        >>> X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
        >>> Perceptron().fit(X, [0, 0, 0, 1]).predict(X).tolist()  # AND is separable
        [0, 0, 0, 1]
        >>> Perceptron().fit(X, [0, 1, 1, 0]).score(X, [0, 1, 1, 0]) < 1.0  # XOR is not
        True
    """

    def __init__(
        self,
        *,
        fit_intercept: bool = True,
        max_iter: int = 1000,
        tol: float | None = 1e-3,
        shuffle: bool = True,
        eta0: float = 1.0,
        n_iter_no_change: int = 5,
        random_state: int | None = 0,
    ) -> None:
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.shuffle = shuffle
        self.eta0 = eta0
        self.n_iter_no_change = n_iter_no_change
        self.random_state = random_state

    def fit(self, X: Any, y: Any) -> Perceptron:
        """Learn the weights with the perceptron rule; returns self."""
        X, y = self._validate_fit(X, y)
        eta = check_positive(self.eta0, "eta0", "Perceptron")
        if int(self.max_iter) < 1 or int(self.n_iter_no_change) < 1:
            raise ConfigError(
                key="error.classic.perceptron.iters", max_iter=self.max_iter,
                n_iter_no_change=self.n_iter_no_change,
            )  # fmt: skip
        self.classes_, y_idx = np.unique(y, return_inverse=True)
        check_n_classes(self.classes_, "Perceptron.fit")
        n, d = X.shape
        # One TLU per column; two classes need a single TLU (positive class = classes_[1]).
        if len(self.classes_) == 2:
            T = np.where(y_idx == 1, 1.0, -1.0)[:, None]
        else:
            T = np.where(y_idx[:, None] == np.arange(len(self.classes_)), 1.0, -1.0)
        k = T.shape[1]
        W, b = np.zeros((k, d)), np.zeros(k)

        # Per-TLU stopping state, as in scikit-learn's SGD loop.
        active = np.ones(k, bool)
        best_loss = np.full(k, np.inf)
        no_improvement = np.zeros(k, int)
        epochs = np.zeros(k, int)
        tol = -np.inf if self.tol is None else float(self.tol)
        rng = np.random.default_rng(self.random_state)

        for _ in range(int(self.max_iter)):
            order = rng.permutation(n) if self.shuffle else range(n)
            loss = np.zeros(k)
            mistakes = np.zeros(k, int)
            for i in order:
                x, t = X[i], T[i]
                z = W @ x + b
                wrong = (t * z <= 0) & active  # a mistake: wrong side or on the boundary
                if wrong.any():
                    loss[wrong] -= t[wrong] * z[wrong]  # perceptron loss max(0, -t z)
                    mistakes[wrong] += 1
                    W[wrong] += eta * t[wrong, None] * x  # the perceptron rule
                    if self.fit_intercept:
                        b[wrong] += eta * t[wrong]
            epochs[active] += 1
            # Stop a TLU after a mistake-free epoch (separated: nothing would change any more)
            # or after n_iter_no_change epochs whose loss did not improve by tol * n.
            stalled = loss > best_loss - tol * n
            no_improvement = np.where(stalled, no_improvement + 1, 0)
            best_loss = np.minimum(best_loss, loss)
            active &= (mistakes > 0) & (no_improvement < int(self.n_iter_no_change))
            if not active.any():
                break

        self.coef_, self.intercept_ = W, b
        self.n_iter_ = int(epochs.max())
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """The weighted sums ``z = X w + b``: shape (n,) for two classes, (n, n_classes) else."""
        X = self._validate_predict(X, "decision_function")
        z = X @ self.coef_.T + self.intercept_
        return z[:, 0] if z.shape[1] == 1 else z

    def predict(self, X: Any) -> np.ndarray:
        """Class labels: ``step(z)`` for two classes, the largest ``z`` one-vs-rest otherwise."""
        z = self.decision_function(X)
        idx = step(z) if z.ndim == 1 else np.argmax(z, axis=1)
        return self.classes_[idx]
