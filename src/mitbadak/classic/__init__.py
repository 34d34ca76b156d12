"""Classical machine-learning models with scikit-learn's names, parameters and conventions.

The perceptron (a threshold logic unit), linear regression by least squares or gradient
descent, the Ridge / Lasso / ElasticNet penalties and their regularization path, logistic
regression (sigmoid and softmax), the linear support vector machine, k-nearest neighbours,
k-means clustering, principal component analysis, and wrappers that make any mitbadak
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

from .base import (
    BaseEstimator,
    ClassifierMixin,
    ClusterMixin,
    ConvergenceWarning,
    DataConversionWarning,
    RegressorMixin,
    TransformerMixin,
)
from .kmeans import KMeans
from .linear import ElasticNet, Lasso, LinearRegression, Ridge, regularization_path
from .logistic import LogisticRegression
from .neighbors import KNeighborsClassifier, KNeighborsRegressor, minkowski_distances
from .pca import PCA
from .perceptron import Perceptron, step
from .svm import LinearSVC
from .wrappers import ModelClassifier, ModelRegressor

__all__ = [
    "BaseEstimator",
    "ClassifierMixin",
    "ClusterMixin",
    "ConvergenceWarning",
    "DataConversionWarning",
    "ElasticNet",
    "KMeans",
    "KNeighborsClassifier",
    "KNeighborsRegressor",
    "Lasso",
    "LinearRegression",
    "LinearSVC",
    "LogisticRegression",
    "ModelClassifier",
    "ModelRegressor",
    "PCA",
    "Perceptron",
    "RegressorMixin",
    "TransformerMixin",
    "Ridge",
    "minkowski_distances",
    "regularization_path",
    "step",
]
