"""Datasets, splitting, batching and scaling."""

from .dataset import DataLoader, Dataset, check_xy, train_test_split
from .digits import load_digits

__all__ = ["DataLoader", "Dataset", "check_xy", "load_digits", "train_test_split"]
