"""Small helpers shared by the playground's modules: reading the page's values (each error
names the control) and making arrays JSON-ready.

Example:
    >>> whole("batch size", "32", 1, 100), number("rate", "0.5", 0.0, 1.0)
    (32, 0.5)
    >>> rounded(np.array([0.12345, np.nan]), 2), finite(float("inf"))
    ([0.12, 0.0], None)
"""

from __future__ import annotations

import base64
import math
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..messages import MESSAGES, Phrase


def control(label: str) -> Any:
    """The name of the page's control ``label`` as an error message writes it: a table
    phrase (English or Korean, with the message) where the table has one, else ``label``.

    Example:
        >>> from mitbadak.messages import message
        >>> message("error.playground.whole", "ko", label=control("batch size"), value="x")
        "배치 크기: 정수여야 합니다. 받은 값: 'x'"
    """
    key = "error.playground.label." + label.replace(" ", "_")
    return Phrase(key) if key in MESSAGES else label


def choice(label: str, value: Any, allowed: tuple[str, ...]) -> str:
    """``value`` (case-insensitive) if it is one of ``allowed``.

    Example:
        >>> choice("activation", "ReLU", ("tanh", "relu"))
        'relu'
    """
    v = str(value).strip().lower()
    if v not in allowed:
        raise ConfigError(
            key="error.playground.choice", label=control(label), options=", ".join(allowed),
            value=value,
        )  # fmt: skip
    return v


def whole(label: str, value: Any, lo: int, hi: int) -> int:
    """A whole number in ``[lo, hi]`` ("1e3" is accepted, "2.5" and "x" are not).

    Example:
        >>> whole("points", "1e3", 20, 5000)
        1000
    """
    try:
        v = float(str(value).strip())
    except ValueError:
        raise ConfigError(key="error.playground.whole", label=control(label), value=value) from None
    if not math.isfinite(v) or v != int(v):
        raise ConfigError(key="error.playground.whole", label=control(label), value=value)
    if not lo <= v <= hi:
        raise ConfigError(
            key="error.playground.whole_range", label=control(label), lo=lo, hi=hi, value=int(v)
        )
    return int(v)


def number(label: str, value: Any, lo: float, hi: float, positive: bool = False) -> float:
    """A finite number in ``[lo, hi]`` (``positive``: also > 0).

    Example:
        >>> number("learning rate", " 0.03 ", 0.0, 10.0, positive=True)
        0.03
    """
    what = (
        Phrase("error.playground.positive_number")
        if positive
        else Phrase("error.playground.number_range", lo=lo, hi=hi)
    )
    try:
        v = float(str(value).strip())
    except ValueError:
        raise ConfigError(
            key="error.playground.number", label=control(label), what=what, value=value
        ) from None
    if not math.isfinite(v) or v < lo or v > hi or (positive and v <= 0):
        raise ConfigError(
            key="error.playground.number_at_most", label=control(label), what=what, hi=hi,
            value=value,
        )  # fmt: skip
    return v


def finite(v: float) -> float | None:
    """A number for JSON: ``None`` for NaN or infinity.

    Example:
        >>> finite(1.5), finite(float("nan"))
        (1.5, None)
    """
    return float(v) if np.isfinite(v) else None


def as_bytes(a: np.ndarray, lo: float, hi: float) -> str:
    """``a`` clipped to [lo, hi], as 0..255 bytes in base64 (a 100x100 map is 13 kB of JSON
    instead of 60): row-major, row 0 at the top.

    Example:
        >>> as_bytes(np.array([0.0, 0.5, 1.0]), 0.0, 1.0)
        'AID/'
    """
    t = (np.clip(np.nan_to_num(np.asarray(a, dtype=np.float64)), lo, hi) - lo) / (hi - lo)
    return base64.b64encode(np.round(t * 255).astype(np.uint8).tobytes()).decode("ascii")


def rounded(a: Any, digits: int = 3) -> list:
    """An array as nested lists of numbers rounded to ``digits`` (NaN as 0, for JSON).

    Example:
        >>> rounded(np.array([[1 / 3]]), 2)
        [[0.33]]
    """
    a = np.nan_to_num(np.asarray(a, dtype=np.float64), nan=0.0, posinf=1e6, neginf=-1e6)
    return np.round(a, digits).tolist()
