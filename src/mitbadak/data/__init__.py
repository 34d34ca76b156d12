"""Datasets, splitting, batching and scaling."""

from .dataset import DataLoader, Dataset, check_xy, train_test_split
from .digits import load_digits
from .mnist import load_fashion_mnist, load_mnist
from .scalers import MinMaxScaler, StandardScaler

__all__ = [
    "DataLoader",
    "Dataset",
    "MinMaxScaler",
    "StandardScaler",
    "check_xy",
    "load_digits",
    "load_fashion_mnist",
    "load_mnist",
    "train_test_split",
]
