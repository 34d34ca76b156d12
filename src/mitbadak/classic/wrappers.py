"""Keras-style mitbadak models as scikit-learn estimators.

:class:`ModelClassifier` and :class:`ModelRegressor` wrap a network so it can stand in a
scikit-learn ``Pipeline``, be cloned, cross-validated and grid-searched like any estimator. Every
``fit`` builds a fresh network (from a builder function, from a template model's config, or a
default MLP), so clones and folds never share weights.

Example:
    >>> from mitbadak.classic import ModelClassifier
    >>> from mitbadak.data import load_digits
    >>> ds = load_digits()
    >>> clf = ModelClassifier(hidden=(32,), epochs=30).fit(ds.data[:600] / 16, ds.target[:600])
    >>> clf.score(ds.data[600:] / 16, ds.target[600:]) > 0.85
    True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError, DataError, ShapeError
from .base import BaseEstimator, ClassifierMixin, RegressorMixin, _as_2d_float, not_fitted_error

_PREDICT_ROWS = 128  # rows per forward pass in predict (see _ModelEstimator._outputs)


def _make_optimizer(name: Any, lr: float | None, params: Any) -> Any:
    from .. import optimizers

    kwargs = {} if lr is None else {"lr": float(lr)}
    return optimizers.get(name, params, **kwargs)


class _ModelEstimator(BaseEstimator):
    """What the classifier and the regressor share: building, compiling and fitting a network."""

    _default_loss = "mse"

    def __init__(
        self,
        model: Any = None,
        hidden: Sequence[int] = (64,),
        optimizer: str = "adam",
        lr: float | None = None,
        loss: Any = None,
        epochs: int = 30,
        batch_size: int = 32,
        validation_split: float = 0.0,
        callbacks: Sequence[Any] | None = None,
        seed: int | None = 0,
        verbose: int = 0,
    ) -> None:
        self.model = model
        self.hidden = hidden
        self.optimizer = optimizer
        self.lr = lr
        self.loss = loss
        self.epochs = epochs
        self.batch_size = batch_size
        self.validation_split = validation_split
        self.callbacks = callbacks
        self.seed = seed
        self.verbose = verbose

    def _build(self, n_features: int, n_outputs: int) -> Any:
        from .. import zoo
        from ..layers.base import Layer, layer_from_config, layer_to_config

        if self.model is None:
            return zoo.build_mlp(tuple(self.hidden), num_classes=n_outputs)
        if isinstance(self.model, Layer):  # a template: same architecture, fresh weights
            return layer_from_config(layer_to_config(self.model))
        if callable(self.model):
            return self.model(n_features, n_outputs)
        raise ConfigError(
            key="error.classic.wrapper.model", who=type(self).__name__,
            type=type(self.model).__name__,
        )  # fmt: skip

    def _optimizer(self) -> Callable[[Any], Any]:
        # A picklable callable (not a lambda), so a fitted wrapper can be pickled by joblib/Dask.
        return functools.partial(_make_optimizer, self.optimizer, self.lr)

    def _fit_network(self, X: np.ndarray, y: np.ndarray, n_outputs: int) -> None:
        from .. import random

        if self.seed is not None:
            random.set_seed(self.seed)
        net = self._build(X.shape[1], n_outputs)
        net.compile(optimizer=self._optimizer(), loss=self.loss or self._default_loss)
        self.history_ = net.fit(
            X.astype(np.float32),
            y,
            epochs=int(self.epochs),
            batch_size=int(self.batch_size),
            validation_split=self.validation_split or 0.0,
            callbacks=list(self.callbacks or []),
            verbose=self.verbose,
            seed=self.seed,
        )
        self.model_ = net
        self.n_features_in_ = X.shape[1]

    def _outputs(self, X: Any, method: str = "predict") -> np.ndarray:
        if not hasattr(self, "model_"):
            name = type(self).__name__
            raise not_fitted_error(
                key="error.classic.wrapper_not_fitted", where=f"{name}.{method}", name=name
            )
        X = self._validate_predict(X, method)
        # Every forward pass gets exactly _PREDICT_ROWS rows (the last block zero-padded): BLAS
        # may sum a row's products in another order for another batch shape, so without this a
        # sample's prediction would change in the 7th digit with the rows predicted beside it.
        X = X.astype(np.float32)
        outs = []
        for start in range(0, len(X), _PREDICT_ROWS):
            block = X[start : start + _PREDICT_ROWS]
            padded = np.zeros((_PREDICT_ROWS, X.shape[1]), np.float32)
            padded[: len(block)] = block
            out = self.model_.predict(padded, verbose=0, batch_size=_PREDICT_ROWS)
            outs.append(np.asarray(out[: len(block)], np.float64))
        return np.concatenate(outs)


class ModelClassifier(ClassifierMixin, _ModelEstimator):
    """A mitbadak network as a scikit-learn classifier.

    Args:
        model: ``None`` (an MLP with ``hidden`` widths and ReLU), a mitbadak model used as a
            template (its architecture is rebuilt with new weights at every ``fit``), or a
            function ``(n_features, n_classes) -> model``.
        hidden: hidden widths of the default MLP.
        optimizer, lr: optimizer name and learning rate (``None``: the optimizer's default).
        loss: defaults to sparse categorical cross-entropy *from logits* (the default MLP ends
            without softmax); pass ``"sparse_categorical_crossentropy"`` for a softmax output.
        epochs, batch_size, validation_split, callbacks, verbose: passed to ``fit``.
        seed: makes each ``fit`` repeatable.

    Labels may be any sortable values; ``classes_`` holds them and ``predict`` returns them.

    Example:
        >>> from mitbadak.data import load_digits
        >>> ds = load_digits()
        >>> clf = ModelClassifier(hidden=(16,), epochs=5).fit(ds.data[:300] / 16, ds.target[:300])
        >>> clf.predict_proba(ds.data[:2] / 16).shape, clf.classes_.tolist()[:3]
        ((2, 10), [0, 1, 2])

    In scikit-learn: ``make_pipeline(StandardScaler(), ModelClassifier()).fit(X, y)``,
    ``cross_val_score(ModelClassifier(epochs=20), X, y)``, ``GridSearchCV(...)``.
    """

    def fit(self, X: Any, y: Any) -> ModelClassifier:
        """Train a fresh network on ``X`` (n_samples, n_features) and labels ``y``."""
        from ..losses import SparseCategoricalCrossentropy

        X, y = self._validate_fit(X, y)
        self.classes_, y_index = np.unique(y, return_inverse=True)
        if self.loss is None:
            self._default_loss = SparseCategoricalCrossentropy(from_logits=True)
        self._fit_network(X, y_index, len(self.classes_))
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities (n_samples, n_classes), in the order of ``classes_``."""
        out = self._outputs(X, "predict_proba")
        if not (np.all(out >= 0) and np.allclose(out.sum(axis=1), 1.0, atol=1e-4)):
            out = np.exp(out - out.max(axis=1, keepdims=True))  # logits -> softmax
            out /= out.sum(axis=1, keepdims=True)
        return out

    def predict(self, X: Any) -> np.ndarray:
        """The most probable class label for each row of ``X``."""
        scores = self._outputs(X)  # first: it says "not fitted" when there is no classes_
        return self.classes_[np.argmax(scores, axis=1)]


class ModelRegressor(RegressorMixin, _ModelEstimator):
    """A mitbadak network as a scikit-learn regressor (mean squared error by default).

    Same arguments as :class:`ModelClassifier`; ``y`` is (n_samples,) or (n_samples, k).

    Example:
        >>> import numpy as np
        >>> X = np.linspace(-1, 1, 200)[:, None]; y = 3 * X[:, 0] + 1
        >>> reg = ModelRegressor(hidden=(16,), epochs=100, lr=0.01).fit(X, y)
        >>> reg.score(X, y) > 0.99
        True
    """

    def fit(self, X: Any, y: Any) -> ModelRegressor:
        """Train a fresh network on ``X`` and continuous targets ``y``."""
        from ..data import check_xy

        if y is None:
            raise DataError(
                key="error.classic.y_none", where="ModelRegressor.fit", who="ModelRegressor"
            )
        X = _as_2d_float(X, "ModelRegressor.fit")
        y = np.asarray(y, dtype=np.float32)
        check_xy(X, y, where="ModelRegressor.fit")
        if y.ndim not in (1, 2):
            raise ShapeError(
                key="error.classic.y_shape_2d", where="ModelRegressor.fit", shape=y.shape
            )
        self._y_1d = y.ndim == 1
        self._fit_network(X, y.reshape(len(y), -1), 1 if self._y_1d else y.shape[1])
        return self

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True  # y may be (n_samples, n_targets)
        return tags

    def predict(self, X: Any) -> np.ndarray:
        """Predicted targets, shaped like the ``y`` given to ``fit``."""
        out = self._outputs(X)
        return out[:, 0] if self._y_1d else out
