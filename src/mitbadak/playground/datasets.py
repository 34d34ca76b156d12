"""The playground's two-feature data sets, its input features and its train/test split.

The generators follow TensorFlow Playground's (points in the square [-6, 6]^2, ``noise`` in
[0, 0.5]), with labels 0/1 for the four classification sets and a real number in about [-1, 1]
for the two regression sets. Everything is drawn from ``numpy.random.default_rng(seed)``, so the
page and a script exported from it make the very same points.

Example:
    >>> pts, y = make_points("xor", n=8, noise=0.0, seed=0)
    >>> pts.shape, y.shape, sorted(set(y.ravel().tolist()))
    ((8, 2), (8, 1), [0.0, 1.0])
    >>> feature_matrix(np.array([[1.0, 2.0]]), ["x1", "x2", "x1x2"]).tolist()
    [[1.0, 2.0, 2.0]]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import numpy as np

from ..errors import DataError

CLASSIFICATION = ("circle", "xor", "gauss", "spiral")
REGRESSION = ("reg-plane", "reg-gauss")
DATASETS = CLASSIFICATION + REGRESSION + ("csv",)
DOMAIN = 6.0  # points and heat maps live in [-DOMAIN, DOMAIN]^2
MAX_CSV_ROWS = 10_000

FEATURES = {
    "x1": lambda p: p[:, 0],
    "x2": lambda p: p[:, 1],
    "x1sq": lambda p: p[:, 0] ** 2,
    "x2sq": lambda p: p[:, 1] ** 2,
    "x1x2": lambda p: p[:, 0] * p[:, 1],
    "sinx1": lambda p: np.sin(p[:, 0]),
    "sinx2": lambda p: np.sin(p[:, 1]),
    "cosx1": lambda p: np.cos(p[:, 0]),
    "cosx2": lambda p: np.cos(p[:, 1]),
}
FEATURE_LABELS = {
    "x1": "X₁",
    "x2": "X₂",
    "x1sq": "X₁²",
    "x2sq": "X₂²",
    "x1x2": "X₁X₂",
    "sinx1": "sin(X₁)",
    "sinx2": "sin(X₂)",
    "cosx1": "cos(X₁)",
    "cosx2": "cos(X₂)",
}


def is_regression(dataset: str, labels: np.ndarray | None = None) -> bool:
    """Whether a data set's labels are real numbers (a CSV decides by its labels).

    Example:
        >>> is_regression("reg-plane"), is_regression("circle")
        (True, False)
    """
    if dataset == "csv":
        return labels is not None and not np.all(np.isin(labels, (0.0, 1.0)))
    return dataset in REGRESSION


def _circle(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    radius = 5.0
    inner = n // 2
    r = np.concatenate(
        [rng.uniform(0, radius * 0.5, inner), rng.uniform(radius * 0.7, radius, n - inner)]
    )
    angle = rng.uniform(0, 2 * np.pi, n)
    pts = np.stack([r * np.sin(angle), r * np.cos(angle)], axis=1)
    jitter = rng.uniform(-radius, radius, (n, 2)) * noise
    labels = (np.hypot(*(pts + jitter).T) < radius * 0.5).astype(np.float64)
    return pts, labels


def _xor(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    pts = rng.uniform(-5, 5, (n, 2))
    pts += np.where(pts > 0, 0.3, -0.3)  # a gap along the axes, as in TF Playground
    jitter = rng.uniform(-5, 5, (n, 2)) * noise
    q = pts + jitter
    return pts, (q[:, 0] * q[:, 1] >= 0).astype(np.float64)


def _gauss(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    spread = 0.5 + (4.0 - 0.5) * noise / 0.5  # TF Playground: lerp(0.5, 4, noise / 0.5)
    half = n // 2
    centres = np.concatenate([np.full((half, 2), 2.0), np.full((n - half, 2), -2.0)])
    pts = centres + rng.normal(0.0, np.sqrt(spread), (n, 2))
    labels = np.concatenate([np.ones(half), np.zeros(n - half)])
    return pts, labels


def _spiral(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    half = n // 2
    parts, labels = [], []
    for k, (m, delta) in enumerate(((half, 0.0), (n - half, np.pi))):
        i = np.arange(m)
        r = i / max(m, 1) * 5.0
        t = 1.75 * i / max(m, 1) * 2 * np.pi + delta
        pts = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
        parts.append(pts + rng.uniform(-1, 1, (m, 2)) * noise)
        labels.append(np.full(m, float(1 - k)))
    return np.concatenate(parts), np.concatenate(labels)


def _reg_plane(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    pts = rng.uniform(-DOMAIN, DOMAIN, (n, 2))
    q = pts + rng.uniform(-DOMAIN, DOMAIN, (n, 2)) * noise
    return pts, (q[:, 0] + q[:, 1]) / (2 * DOMAIN)


_BUMPS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def _reg_gauss(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    pts = rng.uniform(-DOMAIN, DOMAIN, (n, 2))
    q = pts + rng.uniform(-DOMAIN, DOMAIN, (n, 2)) * noise
    y = np.zeros(n)
    for cx, cy, sign in _BUMPS:
        y += sign * np.exp(-((q[:, 0] - cx) ** 2 + (q[:, 1] - cy) ** 2) / 4.5)  # sigma 1.5
    return pts, np.clip(y, -1.0, 1.0)


_GENERATORS = {
    "circle": _circle,
    "xor": _xor,
    "gauss": _gauss,
    "spiral": _spiral,
    "reg-plane": _reg_plane,
    "reg-gauss": _reg_gauss,
}


def make_points(
    dataset: str, n: int = 400, noise: float = 0.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points (float64, shape (n, 2)) and their labels (shape (n, 1)) of a built-in set.

    Example:
        >>> pts, y = make_points("circle", n=10, seed=1); pts.shape, y.shape
        ((10, 2), (10, 1))
    """
    if dataset not in _GENERATORS:
        raise DataError(
            key="error.playground.unknown_dataset", dataset=dataset,
            options=", ".join(_GENERATORS),
        )  # fmt: skip
    rng = np.random.default_rng(seed)
    pts, labels = _GENERATORS[dataset](rng, int(n), float(noise))
    return pts, labels.reshape(-1, 1)


def parse_csv(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Points and labels from CSV text of rows ``x1,x2,label`` (an optional header line).

    Each feature is scaled linearly into [-5, 5] so that the points fit the heat map; labels
    of -1/1 become 0/1 (classification), other labels are kept (regression).

    Example:
        >>> pts, y = parse_csv("a,b,label\\n0,0,0\\n1,2,1\\n2,4,1\\n3,1,0\\n")
        >>> pts[:, 0].round(2).tolist(), y.ravel().tolist()
        ([-5.0, -1.67, 1.67, 5.0], [0.0, 1.0, 1.0, 0.0])
    """
    if not isinstance(text, str) or not text.strip():
        raise DataError(key="error.playground.csv_empty")
    rows = []
    for lineno, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in row]
        if not cells or all(c == "" for c in cells):
            continue
        if len(cells) != 3:
            raise DataError(key="error.playground.csv_cells", lineno=lineno, n=len(cells))
        try:
            values = [float(c) for c in cells]
        except ValueError:
            if not rows and lineno == 1:  # a header
                continue
            raise DataError(
                key="error.playground.csv_numbers", lineno=lineno, cells=",".join(cells)[:60]
            ) from None
        if not all(np.isfinite(values)):
            raise DataError(key="error.playground.csv_finite", lineno=lineno)
        rows.append(values)
        if len(rows) > MAX_CSV_ROWS:
            raise DataError(key="error.playground.csv_too_long", max=MAX_CSV_ROWS)
    if len(rows) < 4:
        raise DataError(key="error.playground.csv_too_short", n=len(rows))
    data = np.asarray(rows, dtype=np.float64)
    pts = data[:, :2]
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    pts = (pts - lo) / span * 10.0 - 5.0
    labels = data[:, 2]
    if np.all(np.isin(labels, (-1.0, 1.0))):
        labels = (labels > 0).astype(np.float64)
    return pts, labels.reshape(-1, 1)


def feature_matrix(points: np.ndarray, features: Sequence[str]) -> np.ndarray:
    """The network's input: one float32 column per chosen feature of the points.

    Example:
        >>> feature_matrix(np.array([[0.0, 3.0]]), ["x2sq", "cosx1"]).tolist()
        [[9.0, 1.0]]
    """
    unknown = [f for f in features if f not in FEATURES]
    if unknown or not features:
        raise DataError(
            key="error.playground.features_some", options=", ".join(FEATURES),
            value=list(features),
        )  # fmt: skip
    return np.stack([FEATURES[f](points) for f in features], axis=1).astype(np.float32)


def split(
    x: np.ndarray, y: np.ndarray, ratio: float = 0.5, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle (with ``seed``) and cut into ``ratio`` training and ``1 - ratio`` test samples.

    Returns ``x_train, y_train, x_test, y_test`` (labels as float32 columns).

    Example:
        >>> xt, yt, xv, yv = split(np.zeros((10, 2)), np.zeros((10, 1)), ratio=0.7)
        >>> len(xt), len(xv)
        (7, 3)
    """
    tr, te = split_indices(len(x), ratio, seed)
    y = np.asarray(y, dtype=np.float32)
    return x[tr], y[tr], x[te], y[te]


def split_indices(n: int, ratio: float = 0.5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The sample indices :func:`split` puts in the training and the test part.

    Example:
        >>> tr, te = split_indices(10, ratio=0.7); len(tr), len(te), sorted([*tr, *te]) == list(range(10))
        (7, 3, True)
    """
    order = np.random.default_rng(seed + 1).permutation(n)
    cut = min(max(int(round(n * ratio)), 1), n - 1)
    return order[:cut], order[cut:]
