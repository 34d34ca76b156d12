"""Real data sets shared by the classical-model tests (all computed once per session)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import load_diabetes

from mitbadak.data import load_digits


@pytest.fixture(scope="session")
def digits() -> tuple[np.ndarray, np.ndarray]:
    """The embedded 8x8 digits: X (1797, 64) float64 with integer pixels 0..16, y (1797,)."""
    ds = load_digits()
    return ds.data.astype(np.float64), ds.target


@pytest.fixture(scope="session")
def diabetes() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's diabetes regression set (442 x 10), shipped with scikit-learn."""
    return load_diabetes(return_X_y=True)


def max_rel(a: np.ndarray, b: np.ndarray) -> float:
    """Largest absolute difference relative to the largest entry of the reference ``b``."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-300))
