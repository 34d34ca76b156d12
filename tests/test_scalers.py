"""StandardScaler and MinMaxScaler, checked against scikit-learn on the same data."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn import preprocessing as skp

from mitbadak.data import MinMaxScaler, StandardScaler, load_digits
from mitbadak.errors import ConfigError, DataError, NotFittedError, ShapeError


def _random_data(dtype) -> np.ndarray:
    rng = np.random.default_rng(42)
    X = rng.normal(size=(300, 6)) * [1.0, 10.0, 1e-3, 1.0, 5.0, 1.0] + [0.0, -3.0, 1e4, 0, 0, 7]
    X[:, 3] = 2.5  # a constant feature: scale must become 1, not 0
    X[:, 5] = rng.integers(0, 3, size=300)  # a few repeated values
    return X.astype(dtype)


def _datasets():
    for dtype in (np.float64, np.float32):
        yield pytest.param(load_digits().data.astype(dtype), id=f"digits-{np.dtype(dtype).name}")
        yield pytest.param(_random_data(dtype), id=f"random-{np.dtype(dtype).name}")


def _tol(X):
    return {"rtol": 1e-5, "atol": 1e-5} if X.dtype == np.float32 else {"rtol": 1e-12, "atol": 1e-12}


def _assert_same(ours, theirs, tol):
    assert (ours is None) == (theirs is None)
    if ours is not None:
        np.testing.assert_allclose(ours, theirs, **tol)


# ------------------------------------------------------------------------- StandardScaler


@pytest.mark.parametrize("X", list(_datasets()))
@pytest.mark.parametrize("with_mean", [True, False])
@pytest.mark.parametrize("with_std", [True, False])
def test_standard_scaler_matches_sklearn(X, with_mean, with_std):
    ours = StandardScaler(with_mean=with_mean, with_std=with_std).fit(X)
    ref = skp.StandardScaler(with_mean=with_mean, with_std=with_std).fit(X)
    tol = _tol(X)
    for attr in ("mean_", "var_", "scale_"):
        _assert_same(getattr(ours, attr), getattr(ref, attr), tol)
    assert ours.n_features_in_ == ref.n_features_in_ == X.shape[1]
    assert ours.n_samples_seen_ == ref.n_samples_seen_
    exact = skp.StandardScaler(with_mean=with_mean, with_std=with_std).fit(X.astype(np.float64))
    # float32 round-off of the inputs, carried through the scaling, per feature.
    magnitude = 4 * np.finfo(np.float32).eps * np.abs(X.astype(np.float64)).max(axis=0)
    z_atol = 1e-5 + magnitude / (exact.scale_ if with_std else 1.0)
    X_new = X[:7] * 1.5 + 1  # unseen data, not just the training set
    for A in (X, X_new):
        exact_out = exact.transform(A.astype(np.float64))
        _check_float(ours.transform(A), ref.transform(A), exact_out, z_atol)
    Z = ours.transform(X)
    exact_back = exact.inverse_transform(Z.astype(np.float64))
    _check_float(ours.inverse_transform(Z), ref.inverse_transform(Z), exact_back, 1e-5 + magnitude)
    # Round trip back to the data; float32 loses a few digits on the 1e4-offset column.
    round_trip = (
        {"rtol": 1e-5, "atol": 1e-3} if X.dtype == np.float32 else {"rtol": 1e-10, "atol": 1e-9}
    )
    np.testing.assert_allclose(ours.inverse_transform(Z), X, **round_trip)


def _check_float(ours: np.ndarray, sk: np.ndarray, exact: np.ndarray, atol) -> None:
    """float64: equal to sklearn. float32: equal to sklearn up to float32 round-off (``atol``
    per feature) and at least as close to the exact float64 answer.

    sklearn subtracts and divides in float32; we do it in float64 and round to float32, so on
    features whose spread is tiny next to their mean (the 1e4 + 1e-3 noise column, where
    float32 can only hold a few distinct values) our output is the more accurate one.
    """
    assert ours.dtype == sk.dtype  # float32 stays float32
    if ours.dtype == np.float64:
        np.testing.assert_allclose(ours, sk, rtol=1e-12, atol=1e-12)
        return
    assert np.all(np.abs(ours - sk) <= atol + 1e-5 * np.abs(sk))
    slack = np.finfo(np.float32).eps * np.abs(exact).max()
    assert np.abs(ours - exact).max() <= np.abs(sk - exact).max() + slack


def test_standard_scaler_zero_variance_gets_scale_one():
    X = np.array([[1.0, 4.0], [3.0, 4.0], [5.0, 4.0]])
    s = StandardScaler().fit(X)
    assert s.scale_[1] == 1.0 and s.var_[1] == 0.0
    np.testing.assert_array_equal(s.transform(X)[:, 1], 0.0)
    # population std (ddof=0): var of 1, 3, 5 is 8/3
    np.testing.assert_allclose(s.var_[0], 8 / 3)
    np.testing.assert_allclose(s.transform(X)[:, 0], [-(1.5**0.5), 0, 1.5**0.5])


def test_standard_scaler_standardises_digits():
    X = load_digits().data
    Z = StandardScaler().fit_transform(X)
    varying = X.std(axis=0) > 0
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(Z[:, varying].std(axis=0), 1, atol=1e-4)
    np.testing.assert_array_equal(Z[:, ~varying], 0)  # digits has all-zero pixels


def test_integer_input_becomes_float64_like_sklearn():
    X = np.arange(12).reshape(4, 3)
    Z = StandardScaler().fit_transform(X)
    assert Z.dtype == np.float64
    np.testing.assert_allclose(Z, skp.StandardScaler().fit_transform(X))
    assert MinMaxScaler().fit_transform(X).dtype == np.float64


def test_transform_does_not_modify_its_input():
    X = _random_data(np.float64)
    before = X.copy()
    for scaler in (StandardScaler(), MinMaxScaler()):
        scaler.fit(X)
        scaler.inverse_transform(scaler.transform(X))
        np.testing.assert_array_equal(X, before)


# --------------------------------------------------------------------------- MinMaxScaler


@pytest.mark.parametrize("X", list(_datasets()))
@pytest.mark.parametrize("feature_range", [(0, 1), (-1, 1), (2.5, 7)])
@pytest.mark.parametrize("clip", [False, True])
def test_minmax_scaler_matches_sklearn(X, feature_range, clip):
    ours = MinMaxScaler(feature_range=feature_range, clip=clip).fit(X)
    ref = skp.MinMaxScaler(feature_range=feature_range, clip=clip).fit(X)
    tol = _tol(X)
    for attr in ("data_min_", "data_max_", "data_range_", "scale_", "min_"):
        assert getattr(ours, attr).dtype == getattr(ref, attr).dtype
        np.testing.assert_allclose(getattr(ours, attr), getattr(ref, attr), **tol)
    assert ours.n_features_in_ == ref.n_features_in_ and ours.n_samples_seen_ == ref.n_samples_seen_
    # Data outside the training range: only clip=True keeps it inside feature_range.
    X_new = np.concatenate([X[:5], X[:5] * 3 - 10]).astype(X.dtype)
    Z = ours.transform(X_new)
    assert Z.dtype == X.dtype
    np.testing.assert_allclose(Z, ref.transform(X_new), **tol)
    if clip:
        assert Z.min() >= feature_range[0] and Z.max() <= feature_range[1]
    np.testing.assert_allclose(ours.inverse_transform(Z), ref.inverse_transform(Z), **tol)


def test_minmax_maps_training_range_onto_feature_range():
    X = np.array([[0.0, 10.0, 3.0], [5.0, 30.0, 3.0], [10.0, 20.0, 3.0]])
    Z = MinMaxScaler(feature_range=(-1, 1)).fit_transform(X)
    np.testing.assert_allclose(Z[:, 0], [-1, 0, 1])
    np.testing.assert_allclose(Z[:, 1], [-1, 1, 0])
    np.testing.assert_allclose(Z[:, 2], -1)  # constant feature maps to the lower bound


@pytest.mark.parametrize("feature_range", [(1, 1), (2, 0), (0,), "ab", None])
def test_minmax_rejects_bad_feature_range(feature_range):
    with pytest.raises(ConfigError, match="feature_range"):
        MinMaxScaler(feature_range=feature_range).fit(np.ones((3, 2)))


# -------------------------------------------------------------------------------- errors


@pytest.mark.parametrize("cls", [StandardScaler, MinMaxScaler])
@pytest.mark.parametrize("method", ["transform", "inverse_transform"])
def test_use_before_fit_raises_not_fitted(cls, method):
    with pytest.raises(NotFittedError, match=rf"{cls.__name__}\.{method}.*fit"):
        getattr(cls(), method)(np.ones((2, 3)))


@pytest.mark.parametrize("cls", [StandardScaler, MinMaxScaler])
@pytest.mark.parametrize("method", ["transform", "inverse_transform"])
def test_wrong_feature_count_raises_shape_error(cls, method):
    scaler = cls().fit(np.random.default_rng(0).normal(size=(10, 4)))
    with pytest.raises(ShapeError, match=r"expected 4 features.*got 3") as info:
        getattr(scaler, method)(np.ones((2, 3)))
    assert isinstance(info.value, ValueError)  # still catchable the NumPy way


@pytest.mark.parametrize("cls", [StandardScaler, MinMaxScaler])
def test_non_2d_input_raises_shape_error(cls):
    with pytest.raises(ShapeError, match=r"reshape\(-1, 1\)"):
        cls().fit(np.arange(5.0))
    with pytest.raises(ShapeError, match="2-D"):
        cls().fit(np.ones((2, 3, 4)))


@pytest.mark.parametrize("cls", [StandardScaler, MinMaxScaler])
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_or_inf_raises_data_error(cls, bad):
    X = np.ones((4, 3))
    X[2, 1] = bad
    with pytest.raises(DataError, match=r"finite.*row 2, column 1"):
        cls().fit(X)
    scaler = cls().fit(np.random.default_rng(0).normal(size=(5, 3)))
    with pytest.raises(DataError, match="finite"):
        scaler.transform(X)
    with pytest.raises(DataError, match="finite"):
        scaler.inverse_transform(X)


@pytest.mark.parametrize("cls", [StandardScaler, MinMaxScaler])
def test_empty_or_non_numeric_input_raises_data_error(cls):
    with pytest.raises(DataError, match="at least one sample"):
        cls().fit(np.ones((0, 3)))
    with pytest.raises(DataError, match="numeric"):
        cls().fit(np.array([["a", "b"]]))


# ------------------------------------------------------------------------------ property


@settings(max_examples=60, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(2, 20), st.integers(1, 5)),
        elements=st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    )
)
def test_round_trip_and_sklearn_agreement_on_arbitrary_data(X):
    for ours, ref in (
        (StandardScaler(), skp.StandardScaler()),
        (MinMaxScaler(feature_range=(-2, 3)), skp.MinMaxScaler(feature_range=(-2, 3))),
    ):
        Z = ours.fit_transform(X)
        np.testing.assert_allclose(Z, ref.fit_transform(X), rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(ours.inverse_transform(Z), X, rtol=1e-9, atol=1e-6)
