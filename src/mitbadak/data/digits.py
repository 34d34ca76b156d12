"""The 8x8 handwritten digits, embedded in the package (UCI optical digits, test part)."""

from __future__ import annotations

import gzip
from importlib import resources

import numpy as np

from .dataset import Dataset

DESCR = """\
Optical Recognition of Handwritten Digits (E. Alpaydin, C. Kaynak, 1998; UCI ML Repository).
1,797 grey-scale 8x8 images of the digits 0-9 written by 43 people, each pixel an integer 0..16
(the count of inked pixels in a 4x4 block of a 32x32 bitmap). The same file scikit-learn ships
as load_digits(). data: (1797, 64) float32, images: (1797, 8, 8), target: (1797,) int64.
"""


def load_digits(*, as_float: bool = True) -> Dataset:
    """Load the embedded 8x8 digits: 1,797 images, 10 classes, pixels 0..16.

    Args:
        as_float: return ``data`` and ``images`` as float32 (``True``) or as int64.

    Example:
        >>> ds = load_digits()
        >>> ds.data.shape, ds.images.shape, ds.target[:5].tolist()
        ((1797, 64), (1797, 8, 8), [0, 1, 2, 3, 4])
    """
    raw = resources.files("mitbadak.data").joinpath("digits.csv.gz").read_bytes()
    table = np.loadtxt(gzip.decompress(raw).decode("ascii").splitlines(), delimiter=",")
    data = table[:, :64].astype(np.float32 if as_float else np.int64)
    target = table[:, 64].astype(np.int64)
    return Dataset(
        data=data,
        target=target,
        images=data.reshape(-1, 8, 8),
        target_names=np.arange(10),
        feature_names=[f"pixel_{r}_{c}" for r in range(8) for c in range(8)],
        DESCR=DESCR,
    )
