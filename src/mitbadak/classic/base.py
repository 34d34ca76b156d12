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
import sys
import warnings
from typing import Any

import numpy as np

from ..data.dataset import check_xy
from ..errors import (
    ConfigError,
    DataError,
    DTypeError,
    LabelError,
    NotFittedError,
    ShapeError,
)
from ..messages import Phrase, message


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
                    key="error.classic.unknown_param", who=type(self).__name__, name=name,
                    valid=valid,
                )  # fmt: skip
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
        where = f"{type(self).__name__}.fit"
        if y is None:
            raise DataError(key="error.classic.y_none", where=where, who=type(self).__name__)
        X = _as_2d_float(X, where)
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:  # a column vector is accepted, like scikit-learn
            warnings.warn(
                data_conversion_warning(message("warning.classic.column_y", where=where)),
                stacklevel=3,
            )
            y = y.ravel()
        if y.ndim != 1:
            raise ShapeError(key="error.classic.y_shape", where=where, shape=y.shape)
        check_xy(X, y, where=where)
        if getattr(self, "_estimator_type", None) == "classifier":
            check_classification_targets(y, where)
        self.n_features_in_ = X.shape[1]
        return X, y

    def _validate_X(self, X: Any, method: str = "fit") -> np.ndarray:
        """Check and convert X alone (unsupervised ``fit``); records ``n_features_in_``."""
        where = f"{type(self).__name__}.{method}"
        X = _as_2d_float(X, where)
        check_xy(X, where=where)
        self.n_features_in_ = X.shape[1]
        return X

    def _check_fitted(self, method: str) -> None:
        """Raise :class:`NotFittedError` if ``fit`` has not run yet."""
        if not hasattr(self, "n_features_in_"):
            name = type(self).__name__
            raise not_fitted_error(
                key="error.classic.not_fitted", where=f"{name}.{method}", name=name
            )

    def _validate_predict(self, X: Any, method: str = "predict") -> np.ndarray:
        """Check that the model is fitted and that X has the number of features seen in fit."""
        name = f"{type(self).__name__}.{method}"
        self._check_fitted(method)
        X = _as_2d_float(X, name)
        check_xy(X, where=name)
        check_n_features(X, self.n_features_in_, type(self).__name__, name)
        return X


_SKLEARN_NOT_FITTED: dict[type, type] = {}


def _reduce_not_fitted(self: BaseException) -> tuple[Any, ...]:
    return NotFittedError, self.args, self.__dict__  # pickles as mitbadak's own class, key kept


def not_fitted_error(
    message: str | None = None, /, *, key: str | None = None, **values: Any
) -> NotFittedError:
    """A :class:`NotFittedError` (its text given, or ``key=`` and values from the message
    table); when scikit-learn is loaded, also scikit-learn's own.

    mitbadak never imports scikit-learn, but code that runs inside it (``check_estimator``,
    ``except sklearn.exceptions.NotFittedError``) expects that class, so the error derives from
    both whenever scikit-learn is already imported.

    Example:
        >>> isinstance(not_fitted_error("Ridge.predict: not fitted"), NotFittedError)
        True
        >>> e = not_fitted_error(key="error.classic.not_fitted", where="PCA.fit", name="PCA")
        >>> e.key, str(e).startswith("PCA.fit: this PCA is not fitted yet")
        ('error.classic.not_fitted', True)
    """
    args = () if message is None else (message,)
    module = sys.modules.get("sklearn.exceptions")
    sk = getattr(module, "NotFittedError", None)
    if sk is None:
        return NotFittedError(*args, key=key, **values)
    if sk not in _SKLEARN_NOT_FITTED:
        _SKLEARN_NOT_FITTED[sk] = type(
            "NotFittedError",
            (NotFittedError, sk),
            {"__module__": __name__, "__reduce__": _reduce_not_fitted},
        )
    return _SKLEARN_NOT_FITTED[sk](*args, key=key, **values)


class DataConversionWarning(UserWarning):
    """Input was converted to the shape or dtype the estimator needs (e.g. a column-vector y).

    Named like scikit-learn's warning, which scikit-learn's own checks look for.

    Example:
        >>> import warnings
        >>> from mitbadak.classic import Ridge
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     _ = Ridge().fit([[0.0], [1.0], [2.0]], [[0.0], [1.0], [2.0]])
        >>> caught[0].category.__name__
        'DataConversionWarning'
    """


_SKLEARN_CONVERSION: dict[type, type] = {}


def data_conversion_warning(message: str) -> DataConversionWarning:
    """A :class:`DataConversionWarning`; when scikit-learn is loaded, also scikit-learn's own,
    so that warning filters written for scikit-learn's class apply to it too.

    Example:
        >>> isinstance(data_conversion_warning("y was raveled"), DataConversionWarning)
        True
    """
    module = sys.modules.get("sklearn.exceptions")
    sk = getattr(module, "DataConversionWarning", None)
    if sk is None:
        return DataConversionWarning(message)
    if sk not in _SKLEARN_CONVERSION:
        _SKLEARN_CONVERSION[sk] = type(
            "DataConversionWarning", (DataConversionWarning, sk), {"__module__": __name__}
        )
    return _SKLEARN_CONVERSION[sk](message)


def check_n_features(X: np.ndarray, expected: int, owner: str, where: str) -> None:
    """Raise :class:`ShapeError` unless X has the ``expected`` number of columns.

    Example:
        >>> check_n_features(np.ones((2, 3)), 3, "Ridge", "Ridge.predict")
        >>> check_n_features(np.ones((2, 2)), 3, "Ridge", "Ridge.predict")
        Traceback (most recent call last):
        ...
        mitbadak.errors.ShapeError: Ridge.predict: X has 2 features, but Ridge is expecting 3 ...
    """
    if X.shape[1] != expected:
        raise ShapeError(
            key="error.classic.n_features", where=where, got=X.shape[1], owner=owner,
            expected=expected, shape=X.shape,
        )  # fmt: skip


def _as_2d_float(X: Any, where: str) -> np.ndarray:
    """Return X as a float64 matrix (n_samples, n_features) or raise a clear error."""
    if hasattr(X, "toarray"):  # a scipy.sparse matrix: not supported, say so
        raise DataError(key="error.classic.sparse", where=where)
    if X is None:
        raise DataError(key="error.classic.x_none", where=where)
    try:
        raw = np.asarray(X)  # array-likes first (lists, pandas, objects with __array__)
    except (TypeError, ValueError) as e:
        raise DataError(key="error.classic.x_array_like", where=where, error=str(e)) from None
    if np.iscomplexobj(raw):  # converting would silently drop the imaginary part
        raise DataError(key="error.classic.x_complex", where=where, dtype=raw.dtype)
    try:
        X = raw.astype(np.float64)
    except TypeError as e:  # e.g. a dict inside an object array
        raise DTypeError(key="error.classic.x_numeric", where=where, error=str(e)) from None
    except ValueError as e:  # e.g. strings that are not numbers
        raise DataError(key="error.classic.x_numeric", where=where, error=str(e)) from None
    if X.ndim != 2:
        hint = Phrase("error.classic.x_1d_hint") if X.ndim == 1 else ""
        raise ShapeError(key="error.classic.x_shape", where=where, shape=X.shape, hint=hint)
    if X.shape[0] > 0 and X.shape[1] == 0:
        raise DataError(key="error.classic.no_feature", where=where, shape=X.shape)
    return X


def check_n_classes(classes: np.ndarray, where: str) -> None:
    """Raise :class:`LabelError` unless there are at least two classes.

    Example:
        >>> check_n_classes(np.array([0, 1]), "demo")
        >>> check_n_classes(np.array([1]), "demo")
        Traceback (most recent call last):
        ...
        mitbadak.errors.LabelError: demo: expected at least 2 classes in y, got 1 class: [1]
    """
    if len(classes) < 2:
        raise LabelError(
            key="error.classic.n_classes", where=where, n=len(classes), classes=classes.tolist()
        )


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
        example = y[y != np.round(y)][0]
        raise LabelError(key="error.classic.continuous", where=where, example=example)


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


class TransformerMixin:
    """``fit_transform``, and the tags that make scikit-learn treat the model as a transformer.

    Example:
        >>> from mitbadak.classic import PCA
        >>> PCA(n_components=1).fit_transform([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]).shape
        (3, 1)
    """

    def fit_transform(self, X: Any, y: Any = None) -> np.ndarray:
        """``fit(X)`` then ``transform(X)``."""
        return self.fit(X, y).transform(X)

    def __sklearn_tags__(self) -> Any:
        from sklearn.utils import TransformerTags

        tags = super().__sklearn_tags__()
        tags.transformer_tags = TransformerTags(preserves_dtype=["float64"])
        return tags


class ClusterMixin:
    """``fit_predict``, and the tags that make scikit-learn treat the model as a clusterer.

    Example:
        >>> from mitbadak.classic import KMeans
        >>> labels = KMeans(n_clusters=2, random_state=0).fit_predict([[0.0], [0.1], [9.0]])
        >>> bool(labels[0] == labels[1] != labels[2])
        True
    """

    _estimator_type = "clusterer"

    def fit_predict(self, X: Any, y: Any = None) -> np.ndarray:
        """``fit(X)`` and return ``labels_``."""
        return self.fit(X, y).labels_

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.estimator_type = "clusterer"
        return tags


def check_positive(value: Any, name: str, owner: str, *, allow_zero: bool = False) -> float:
    """Return ``value`` as a float, raising :class:`ConfigError` unless it is > 0 (or >= 0)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ConfigError(key="error.classic.number", who=owner, name=name, value=value) from None
    if not np.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ConfigError(
            key="error.classic.finite_bound", who=owner, name=name, bound=bound, value=value
        )
    return v
