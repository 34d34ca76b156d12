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


@pytest.fixture(autouse=True, scope="session")
def _blas_one_thread():
    """The classical models run small BLAS problems (a 1797 x 64 SVD, 64-wide products), where a
    BLAS thread pool only adds contention: on a busy machine an SVD took 0.3 s with threads and
    5 ms without. The numbers do not change."""
    threadpoolctl = pytest.importorskip("threadpoolctl")
    with threadpoolctl.threadpool_limits(limits=1, user_api="blas"):
        yield
