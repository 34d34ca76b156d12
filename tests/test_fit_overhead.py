"""Issue 15 item 2: the input check of fit / predict takes one fast pass, and stays exact."""

from __future__ import annotations

import numpy as np
import pytest

from mitbadak.batching import check_finite
from mitbadak.errors import DataError


def test_large_finite_values_whose_sum_overflows_are_accepted():
    big = np.full((1000, 10), 3e38, np.float32)  # the float32 sum overflows to inf
    check_finite(big, "fit")
    check_finite({"a": big, "b": np.ones(3)}, "fit")


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_and_inf_are_refused(bad):
    x = np.ones((50, 4), np.float32)
    x[17, 2] = bad
    with pytest.raises(DataError, match="predict: x contains NaN or infinite values"):
        check_finite(x, "predict")


def test_inf_and_minus_inf_together_are_refused():
    x = np.zeros(4)
    x[0], x[1] = np.inf, -np.inf  # the sum is NaN, still refused
    with pytest.raises(DataError):
        check_finite(x, "fit")
