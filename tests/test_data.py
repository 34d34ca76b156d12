"""The embedded digits, the seeded split and the mini-batch iterator."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.data import DataLoader, load_digits, train_test_split


def test_digits_match_the_uci_set():
    ds = load_digits()
    assert ds.data.shape == (1797, 64) and ds.images.shape == (1797, 8, 8)
    assert ds.data.dtype == np.float32 and ds.target.dtype == np.int64
    assert np.bincount(ds.target).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert ds.data.min() == 0 and ds.data.max() == 16
    assert "Alpaydin" in ds.DESCR and len(ds) == 1797
    np.testing.assert_array_equal(ds.images[5].reshape(-1), ds.data[5])


def test_digits_equal_scikit_learn():
    sk = pytest.importorskip("sklearn.datasets")
    ref = sk.load_digits()
    ds = load_digits()
    np.testing.assert_array_equal(ds.data, ref.data)
    np.testing.assert_array_equal(ds.target, ref.target)


def test_split_is_seeded_disjoint_and_stratified():
    ds = load_digits()
    a = train_test_split(ds.data, ds.target, test_size=0.25, seed=5, stratify=ds.target)
    b = train_test_split(ds.data, ds.target, test_size=0.25, seed=5, stratify=ds.target)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)
    x_tr, x_te, y_tr, y_te = a
    assert len(x_tr) + len(x_te) == 1797 and len(x_te) == 450
    rows = {r.tobytes() for r in x_tr}
    assert sum(r.tobytes() in rows for r in x_te) < 5  # (the set has a few duplicate images)
    frac = np.bincount(y_te, minlength=10) / np.bincount(ds.target)
    assert np.all(np.abs(frac - 0.25) < 0.02)
    c = train_test_split(ds.data, test_size=0.25, seed=6)
    assert not np.array_equal(c[1], a[1])


def test_split_errors():
    with pytest.raises(mb.DataError):
        train_test_split(np.zeros(5), np.zeros(4))
    with pytest.raises(mb.DataError):
        train_test_split(np.zeros(5), test_size=1.5)


def test_loader_batches_shuffle_and_drop_last():
    x, y = np.arange(10), np.arange(10) * 10
    plain = list(DataLoader(x, y, batch_size=4, shuffle=False))
    assert [len(b[0]) for b in plain] == [4, 4, 2]
    assert len(DataLoader(x, y, batch_size=4, drop_last=True)) == 2
    seen = np.concatenate([xb for xb, _ in DataLoader(x, y, batch_size=3, seed=1)])
    assert sorted(seen.tolist()) == list(range(10)) and seen.tolist() != list(range(10))
    for xb, yb in DataLoader(x, y, batch_size=3, seed=1):
        np.testing.assert_array_equal(yb, xb * 10)
    e1 = [xb.tolist() for xb, _ in DataLoader(x, y, batch_size=3, seed=2)]
    e2 = [xb.tolist() for xb, _ in DataLoader(x, y, batch_size=3, seed=2)]
    assert e1 == e2
    with pytest.raises(mb.DataError):
        DataLoader(x, y[:5])
    with pytest.raises(mb.DataError):
        DataLoader(x, y, batch_size=0)
