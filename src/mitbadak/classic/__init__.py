"""Classical machine-learning models with scikit-learn's names, parameters and conventions.

The perceptron (a threshold logic unit), linear regression by least squares or gradient
descent, the Ridge / Lasso / ElasticNet penalties and their regularization path, logistic
regression (sigmoid and softmax), k-nearest neighbours, and wrappers that make any mitbadak
network a scikit-learn estimator (``ModelClassifier``, ``ModelRegressor``). Each model is checked against
scikit-learn on the same data, and works inside scikit-learn's ``Pipeline``, ``clone`` and
``cross_val_score`` without mitbadak importing scikit-learn.

Example:
    >>> from mitbadak.classic import LogisticRegression
    >>> from mitbadak.data import load_digits
    >>> ds = load_digits()
    >>> clf = LogisticRegression().fit(ds.data[:500] / 16, ds.target[:500])
    >>> clf.score(ds.data[500:] / 16, ds.target[500:]) > 0.85
    True
"""

from .base import BaseEstimator, ClassifierMixin, ConvergenceWarning, RegressorMixin
from .linear import ElasticNet, Lasso, LinearRegression, Ridge, regularization_path
from .logistic import LogisticRegression
from .neighbors import KNeighborsClassifier, KNeighborsRegressor, minkowski_distances
from .perceptron import Perceptron, step
from .wrappers import ModelClassifier, ModelRegressor

__all__ = [
    "BaseEstimator",
    "ClassifierMixin",
    "ConvergenceWarning",
    "ElasticNet",
    "KNeighborsClassifier",
    "KNeighborsRegressor",
    "Lasso",
    "LinearRegression",
    "LogisticRegression",
    "ModelClassifier",
    "ModelRegressor",
    "Perceptron",
    "RegressorMixin",
    "Ridge",
    "minkowski_distances",
    "regularization_path",
    "step",
]
