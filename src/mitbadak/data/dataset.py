"""Dataset containers, the seeded train/test split and the mini-batch iterator."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from .. import validate
from ..backend import parse_device, require_cupy, to_device
from ..batching import map_structure, num_samples, take
from ..errors import DataError
from ..messages import Phrase


class Dataset(dict):
    """A dictionary whose keys are also attributes, like scikit-learn's ``Bunch``.

    Loaders return one with ``data`` (n, features), ``target`` (n,), ``images`` (n, h, w),
    ``target_names``, ``DESCR`` and, for datasets with an official split, ``train``/``test``
    sub-datasets.

    Example:
        >>> ds = Dataset(data=np.zeros((2, 3)), target=np.array([0, 1]), DESCR="tiny")
        >>> ds.data.shape, len(ds)
        ((2, 3), 2)
    """

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __len__(self) -> int:  # number of samples, not number of keys
        return len(self["target"]) if "target" in self else dict.__len__(self)

    def __dir__(self) -> list[str]:
        return list(self.keys())

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{k}={getattr(v, 'shape', None) or type(v).__name__}" for k, v in self.items()
        )
        return f"Dataset({fields})"


def check_xy(x: np.ndarray, y: np.ndarray | None = None, *, where: str = "data") -> None:
    """Raise :class:`DataError` if ``x``/``y`` are empty, of different lengths or not finite.

    Example:
        >>> check_xy(np.ones((3, 2)), np.arange(3))
    """
    x = np.asarray(x)
    if x.ndim == 0 or x.shape[0] == 0:
        raise DataError(key="error.data.no_samples", where=where, shape=x.shape)
    if np.issubdtype(x.dtype, np.floating) and not np.all(np.isfinite(x)):
        raise DataError(key="error.data.inputs_nonfinite", where=where)
    if y is not None:
        y = np.asarray(y)
        if y.ndim == 0 or y.shape[0] != x.shape[0]:
            if y.ndim:
                got = Phrase("error.data.n_samples", n=y.shape[0])
            else:
                got = Phrase("error.validate.a_scalar")
            raise DataError(key="error.data.lengths", where=where, n=x.shape[0], got=got)
        if np.issubdtype(y.dtype, np.floating) and not np.all(np.isfinite(y)):
            raise DataError(key="error.data.targets_nonfinite", where=where)


def train_test_split(
    *arrays: np.ndarray,
    test_size: float | int = 0.25,
    seed: int | None = 0,
    shuffle: bool = True,
    stratify: np.ndarray | None = None,
) -> list[np.ndarray]:
    """Split arrays into a train part and a test part, reproducibly.

    Returns ``[a_train, a_test, b_train, b_test, ...]`` like scikit-learn. ``test_size`` is a
    fraction (0 < f < 1) or a number of samples. ``stratify=y`` keeps the class proportions.

    Example:
        >>> X, y = np.arange(20).reshape(10, 2), np.arange(10) % 2
        >>> X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, seed=1)
        >>> X_tr.shape, X_te.shape
        ((8, 2), (2, 2))
    """
    if not arrays:
        raise DataError(key="error.data.split_no_arrays")
    n = len(arrays[0])
    for a in arrays:
        if len(a) != n:
            raise DataError(key="error.data.split_lengths", got=len(a), n=n)
    if isinstance(test_size, (int, np.integer)) and not isinstance(test_size, bool):
        test_size = validate.integer(test_size, "test_size", "train_test_split", min=1)
    else:
        test_size = validate.number(test_size, "test_size", "train_test_split")
    if isinstance(test_size, float):
        if not 0.0 < test_size < 1.0:
            raise DataError(key="error.data.split_test_size", test_size=test_size)
        n_test = int(np.ceil(test_size * n))
    else:
        n_test = int(test_size)
    if not 0 < n_test < n:
        raise DataError(key="error.data.split_count", n_test=n_test, n=n)
    rng = np.random.default_rng(seed)
    if stratify is not None:
        stratify = validate.array(stratify, "stratify", "train_test_split", length=n)
        test_idx = []
        classes, counts = np.unique(stratify, return_counts=True)
        # Each class gets its proportional share; rounding leftovers go to the largest classes.
        share = counts * n_test / n
        take = np.floor(share).astype(int)
        for i in np.argsort(-(share - take))[: n_test - take.sum()]:
            take[i] += 1
        for c, k in zip(classes, take):
            members = np.flatnonzero(stratify == c)
            test_idx.append(rng.permutation(members)[:k] if shuffle else members[:k])
        test_idx = np.sort(np.concatenate(test_idx))
        mask = np.zeros(n, bool)
        mask[test_idx] = True
        train_idx = np.flatnonzero(~mask)
        if shuffle:
            train_idx, test_idx = rng.permutation(train_idx), rng.permutation(test_idx)
    else:
        order = rng.permutation(n) if shuffle else np.arange(n)
        test_idx, train_idx = order[:n_test], order[n_test:]
    out: list[np.ndarray] = []
    for a in arrays:
        a = np.asarray(a)
        out += [a[train_idx], a[test_idx]]
    return out


class DataLoader:
    """Iterate over ``(x_batch, y_batch)`` mini-batches.

    Batch gradient descent, stochastic gradient descent and mini-batch gradient descent differ
    only in ``batch_size``: the whole set, 1, or something in between.

    Args:
        x, y: arrays with the same first dimension (``y`` may be ``None``); ``x`` may be a
            dict / list / tuple of arrays (named inputs), batched alike.
        batch_size: samples per batch.
        shuffle: draw a new order every epoch (seeded by ``seed``).
        drop_last: drop the final, smaller batch.
        seed: seed of the shuffling (or a ``numpy.random.Generator`` to draw from); the same
            seed gives the same batches.
        sample_weight: optional weights, one per sample; batches are then ``(x, y, w)``.
        device: put each batch there (``"cuda"``: CuPy arrays, for a PyTorch-style loop on
            the GPU); ``None`` keeps the arrays as given. ``fit`` moves batches to the model's
            device itself.

    Example:
        >>> loader = DataLoader(np.arange(10), np.arange(10), batch_size=4, shuffle=False)
        >>> [len(xb) for xb, yb in loader]
        [4, 4, 2]
    """

    def __init__(
        self,
        x: np.ndarray,
        y: np.ndarray | None = None,
        batch_size: int = 32,
        shuffle: bool = True,
        drop_last: bool = False,
        seed: int | np.random.Generator | None = None,
        sample_weight: np.ndarray | None = None,
        device: Any = None,
    ) -> None:
        self.device = None if device is None else parse_device(device)
        if self.device == "cuda":
            require_cupy()
        batch_size = validate.integer(batch_size, "batch_size", "DataLoader")
        if batch_size < 1:
            raise DataError(key="error.data.batch_size", batch_size=batch_size)
        n = num_samples(x)
        if y is not None and n != num_samples(y):  # y: an array, or a list / dict (outputs)
            raise DataError(key="error.data.loader_y", n=n, got=num_samples(y))
        if sample_weight is not None and n != num_samples(sample_weight):
            raise DataError(key="error.data.loader_weights", n=n, got=num_samples(sample_weight))
        self.x, self.y, self.sample_weight = x, y, sample_weight
        self.batch_size, self.shuffle, self.drop_last = int(batch_size), shuffle, drop_last
        self.rng = np.random.default_rng(seed)  # a Generator given as seed is used as it is

    def __len__(self) -> int:
        n, b = num_samples(self.x), self.batch_size
        return n // b if self.drop_last else -(-n // b)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self.device is not None:
            dev = self.device
            for batch in self._host_batches():
                yield tuple(map_structure(lambda a: to_device(a, dev), b) for b in batch)
            return
        yield from self._host_batches()

    def _host_batches(self) -> Iterator[tuple[Any, ...]]:
        n = num_samples(self.x)
        order = self.rng.permutation(n) if self.shuffle else None
        x, y, sw = self.x, self.y, self.sample_weight
        for i in range(len(self)):
            sl = slice(i * self.batch_size, min((i + 1) * self.batch_size, n))
            idx = order[sl] if order is not None else sl
            yb = None if y is None else y[idx] if isinstance(y, np.ndarray) else take(y, idx)
            if sw is None:
                yield take(x, idx), yb
            else:
                yield take(x, idx), yb, take(sw, idx)
