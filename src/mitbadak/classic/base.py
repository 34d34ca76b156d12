"""The estimator conventions of scikit-learn, re-implemented without importing it.

Every classical model in :mod:`mitbadak.classic` follows the scikit-learn contract, so it can be
dropped into a scikit-learn ``Pipeline``, ``cross_val_score`` or ``clone``:

* ``__init__`` only stores its arguments, unchanged, under the same names;
* ``fit(X, y)`` learns and returns ``self``; what it learns ends with ``_`` (``coef_``);
* ``get_params`` / ``set_params`` read and write the constructor arguments;
* ``score`` is accuracy for classifiers and R² for regressors.

Example:
    >>> import numpy as np
    >>> from mitbadak.classic import Ridge
    >>> model = Ridge(alpha=0.5)
    >>> model.get_params()
    {'alpha': 0.5, 'fit_intercept': True}
    >>> model.set_params(alpha=2.0).alpha
    2.0
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np

from ..data.dataset import check_xy
from ..errors import ConfigError, DataError, LabelError, NotFittedError, ShapeError


class ConvergenceWarning(UserWarning):
    """An iterative solver stopped at ``max_iter`` before meeting its tolerance.

    Example:
        >>> import warnings
        >>> from mitbadak.classic import Lasso
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     _ = Lasso(alpha=1e-6, max_iter=1, tol=1e-12).fit([[0.0], [1.0], [3.0]], [0, 1, 2])
        >>> caught[0].category.__name__
        'ConvergenceWarning'
    """


class BaseEstimator:
    """Parameter handling shared by all classical models (a small ``sklearn.base.BaseEstimator``).

    The parameter names are read from the signature of ``__init__``, so a subclass only writes a
    constructor that stores each argument as an attribute of the same name.

    Example:
        >>> class Toy(BaseEstimator):
        ...     def __init__(self, a=1, b="x"):
        ...         self.a, self.b = a, b
        >>> Toy(a=3)
        Toy(a=3)
        >>> Toy().set_params(b="y").get_params()
        {'a': 1, 'b': 'y'}
    """

    @classmethod
    def _get_param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        names = [
            p.name
            for p in sig.parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        return sorted(names)

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Return the constructor arguments as a dict (nested ones as ``name__sub`` if deep).

        Example:
            >>> from mitbadak.classic import Lasso
            >>> Lasso(alpha=0.1).get_params()["alpha"]
            0.1
        """
        out: dict[str, Any] = {}
        for name in self._get_param_names():
            value = getattr(self, name)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                out.update((f"{name}__{k}", v) for k, v in value.get_params(deep=True).items())
            out[name] = value
        return out

    def set_params(self, **params: Any) -> BaseEstimator:
        """Set constructor arguments (``name__sub`` reaches into a nested estimator); returns self.

        Example:
            >>> from mitbadak.classic import Lasso
            >>> Lasso().set_params(alpha=0.01, max_iter=50).max_iter
            50
        """
        valid = self._get_param_names()
        nested: dict[str, dict[str, Any]] = {}
        for key, value in params.items():
            name, _, sub = key.partition("__")
            if name not in valid:
                raise ConfigError(
                    f"{type(self).__name__}.set_params: unknown parameter {name!r}; "
                    f"expected one of {valid}"
                )
            if sub:
                nested.setdefault(name, {})[sub] = value
            else:
                setattr(self, name, value)
        for name, sub_params in nested.items():
            getattr(self, name).set_params(**sub_params)
        return self

    def __repr__(self) -> str:
        # Show only the arguments that differ from their defaults, like scikit-learn.
        sig = inspect.signature(type(self).__init__)
        shown = []
        for name in self._get_param_names():
            default = sig.parameters[name].default
            value = getattr(self, name)
            try:
                same = bool(value == default) if default is not inspect.Parameter.empty else False
            except (TypeError, ValueError):  # e.g. arrays compare elementwise
                same = False
            if not same:
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "n_features_in_")

    def __sklearn_tags__(self) -> Any:
        # Only scikit-learn calls this method, so scikit-learn is already imported when it runs;
        # importing it here keeps it out of mitbadak's run-time dependencies.
        from sklearn.utils import Tags, TargetTags

        return Tags(estimator_type=None, target_tags=TargetTags(required=False))

    # ----------------------------------------------------------------- input checks
    def _validate_fit(self, X: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
        """Check and convert training data: X to float64 (n, d), y to a 1-D array."""
        X = _as_2d_float(X, f"{type(self).__name__}.fit")
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:  # a column vector is accepted, like scikit-learn
            y = y.ravel()
        if y.ndim != 1:
            raise ShapeError(
                f"{type(self).__name__}.fit: expected y of shape (n_samples,), got {y.shape}"
            )
        check_xy(X, y, where=f"{type(self).__name__}.fit")
        if getattr(self, "_estimator_type", None) == "classifier":
            check_classification_targets(y, f"{type(self).__name__}.fit")
        self.n_features_in_ = X.shape[1]
        return X, y

    def _validate_predict(self, X: Any, method: str = "predict") -> np.ndarray:
        """Check that the model is fitted and that X has the number of features seen in fit."""
        name = f"{type(self).__name__}.{method}"
        if not hasattr(self, "n_features_in_"):
            raise NotFittedError(
                f"{name}: this {type(self).__name__} is not fitted yet; call fit(X, y) first"
            )
        X = _as_2d_float(X, name)
        check_xy(X, where=name)
        if X.shape[1] != self.n_features_in_:
            raise ShapeError(
                f"{name}: expected X with {self.n_features_in_} features (as in fit), "
                f"got {X.shape[1]} (X.shape={X.shape})"
            )
        return X


def _as_2d_float(X: Any, where: str) -> np.ndarray:
    """Return X as a float64 matrix (n_samples, n_features) or raise a clear error."""
    if hasattr(X, "toarray"):  # a scipy.sparse matrix: not supported, say so
        raise DataError(f"{where}: sparse input is not supported; pass X.toarray() instead")
    if np.iscomplexobj(X):  # converting would silently drop the imaginary part
        raise DataError(f"{where}: complex data is not supported, got dtype {np.asarray(X).dtype}")
    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise DataError(f"{where}: X must be numeric, could not convert it ({e})") from None
    if X.ndim != 2:
        hint = " (use X.reshape(-1, 1) for a single feature)" if X.ndim == 1 else ""
        raise ShapeError(
            f"{where}: expected X of shape (n_samples, n_features), got {X.shape}{hint}"
        )
    if X.shape[0] > 0 and X.shape[1] == 0:
        raise DataError(f"{where}: expected at least one feature, got X of shape {X.shape}")
    return X


def check_classification_targets(y: np.ndarray, where: str) -> None:
    """Reject continuous targets in a classifier: floats must be whole numbers (class ids).

    Example:
        >>> check_classification_targets(np.array([0.0, 1.0, 2.0]), "demo")
        >>> check_classification_targets(np.array([0.5, 1.0]), "demo")
        Traceback (most recent call last):
        ...
        mitbadak.errors.LabelError: demo: Unknown label type: continuous targets ...
    """
    if np.issubdtype(y.dtype, np.floating) and np.any(y != np.round(y)):
        raise LabelError(
            f"{where}: Unknown label type: continuous targets (e.g. {y[y != np.round(y)][0]!r}); "
            f"a classifier needs discrete class labels (use a regressor for continuous y)"
        )


class ClassifierMixin:
    """``score`` = accuracy, and the tags that make scikit-learn treat the model as a classifier.

    Example:
        >>> from mitbadak.classic import KNeighborsClassifier
        >>> X, y = [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1]
        >>> KNeighborsClassifier(n_neighbors=1).fit(X, y).score(X, y)
        1.0
    """

    _estimator_type = "classifier"

    def score(self, X: Any, y: Any) -> float:
        """Mean accuracy of ``predict(X)`` against ``y``."""
        return float(np.mean(self.predict(X) == np.asarray(y)))

    def __sklearn_tags__(self) -> Any:
        from sklearn.utils import ClassifierTags

        tags = super().__sklearn_tags__()
        tags.estimator_type = "classifier"
        tags.classifier_tags = ClassifierTags()
        tags.target_tags.required = True
        return tags


class RegressorMixin:
    """``score`` = R², and the tags that make scikit-learn treat the model as a regressor.

    R² = 1 - Σ(y - ŷ)² / Σ(y - ȳ)²: 1 is perfect, 0 is as good as predicting the mean.

    Example:
        >>> from mitbadak.classic import LinearRegression
        >>> X, y = [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0]
        >>> round(LinearRegression().fit(X, y).score(X, y), 6)
        1.0
    """

    _estimator_type = "regressor"

    def score(self, X: Any, y: Any) -> float:
        """Coefficient of determination R² of ``predict(X)`` against ``y``."""
        y = np.asarray(y, dtype=np.float64)
        residual = np.sum((y - self.predict(X)) ** 2)
        total = np.sum((y - y.mean()) ** 2)
        if total == 0.0:  # constant target: scikit-learn's convention
            return 1.0 if residual == 0.0 else 0.0
        return float(1.0 - residual / total)

    def __sklearn_tags__(self) -> Any:
        from sklearn.utils import RegressorTags

        tags = super().__sklearn_tags__()
        tags.estimator_type = "regressor"
        tags.regressor_tags = RegressorTags()
        tags.target_tags.required = True
        return tags


def check_positive(value: Any, name: str, owner: str, *, allow_zero: bool = False) -> float:
    """Return ``value`` as a float, raising :class:`ConfigError` unless it is > 0 (or >= 0)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{owner}: {name} must be a number, got {value!r}") from None
    if not np.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ConfigError(f"{owner}: {name} must be a finite number {bound}, got {value!r}")
    return v
