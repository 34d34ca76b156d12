"""Argument checks shared by every public constructor and function.

Each check returns the cleaned value (a Python ``int``/``float``, a NumPy array) or raises a
:class:`~mitbadak.errors.MitbadakError` whose message names the function or layer (``who``), the
argument (``name``), what was expected and what came. Booleans are not integers, ``2.5`` is not
silently truncated to ``2``, and ``inf``/``nan`` never pass a range check.

Example:
    >>> from mitbadak import validate
    >>> validate.integer(3, "units", "Dense", min=1)
    3
    >>> validate.integer(2.5, "units", "Dense", min=1)
    Traceback (most recent call last):
    ...
    mitbadak.errors.ConfigError: Dense: units must be a whole number >= 1, got 2.5
    >>> validate.number(0.5, "rate", "Dropout", min=0, max=1, max_open=True)
    0.5
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from mitbadak.errors import ArgumentTypeError, ConfigError, DataError, DTypeError, ShapeError
from mitbadak.messages import Phrase

__all__ = [
    "integer",
    "number",
    "probability",
    "one_of",
    "boolean",
    "function",
    "returned",
    "array",
    "describe",
]


def describe(value: Any) -> str:
    """A short description of ``value`` for an error message (its repr, cut, and its type).

    Example:
        >>> describe("abc")
        "'abc' (str)"
    """
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    if isinstance(value, (bool, int, float)) and not isinstance(value, bool):
        return text
    return f"{text} ({type(value).__name__})"


def _want(
    what: str,
    min: Any = None,
    max: Any = None,
    min_open: bool = False,
    max_open: bool = False,
    none: bool = False,
) -> Phrase:
    """What a number check wants, as a phrase of the message table ("a whole number >= 1 or
    None"), so that it is written in the language of the error it goes into."""
    want = Phrase(f"error.validate.{what}")
    if min is not None and max is not None:
        interval = f"{'(' if min_open else '['}{min:g}, {max:g}{')' if max_open else ']'}"
        want = Phrase("error.validate.interval", what=want, interval=interval)
    elif min is not None:
        want = Phrase(f"error.validate.{'above' if min_open else 'at_least'}", what=want, bound=min)
    elif max is not None:
        want = Phrase(f"error.validate.{'below' if max_open else 'at_most'}", what=want, bound=max)
    return Phrase("error.validate.or_none", what=want) if none else want


def _must_be(cls: type, who: str, name: Any, want: Phrase, value: Any) -> Exception:
    return cls(key="error.validate.must_be", who=who, name=name, want=want, got=describe(value))


class _ShapeWant:
    """A wanted shape such as ``(any, 3)``, "any" written in the language of the message."""

    def __init__(self, shape: tuple[int | None, ...]) -> None:
        self.shape = shape

    def __format__(self, spec: str) -> str:
        any_size = format(Phrase("error.validate.any_size"))
        text = "(" + ", ".join(any_size if s is None else str(s) for s in self.shape) + ")"
        return format(text, spec)

    def __str__(self) -> str:
        return format(self)


def _is_real(value: Any) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return value.dtype.kind in "iuf"
    return isinstance(value, numbers.Real)


def integer(
    value: Any,
    name: str,
    who: str,
    *,
    min: int | None = None,
    max: int | None = None,
    none: bool = False,
) -> Any:
    """``value`` as a Python ``int`` in ``[min, max]``; ``None`` passes through when ``none``.

    Accepts ``int``, NumPy integers and integral floats (``3.0``); refuses booleans, strings,
    ``2.5`` and non-finite floats.

    Example:
        >>> integer(np.int64(4), "batch_size", "fit", min=1)
        4
        >>> integer(True, "units", "Dense")
        Traceback (most recent call last):
        ...
        mitbadak.errors.ArgumentTypeError: Dense: units must be a whole number, got True (bool)
    """
    if value is None and none:
        return None
    if not _is_real(value):
        raise _must_be(ArgumentTypeError, who, name, _want("whole", min, max, none=none), value)
    f = float(value)
    if not math.isfinite(f) or f != math.floor(f):
        raise _must_be(ConfigError, who, name, _want("whole", min, max, none=none), value)
    out = int(value)
    if (min is not None and out < min) or (max is not None and out > max):
        raise _must_be(ConfigError, who, name, _want("whole", min, max, none=none), value)
    return out


def number(
    value: Any,
    name: str,
    who: str,
    *,
    min: float | None = None,
    max: float | None = None,
    min_open: bool = False,
    max_open: bool = False,
    none: bool = False,
    finite: bool = True,
) -> Any:
    """``value`` as a finite Python ``float`` within the bounds (open or closed).

    Example:
        >>> number(1e-3, "learning_rate", "SGD", min=0)
        0.001
        >>> number(float("inf"), "learning_rate", "SGD", min=0)
        Traceback (most recent call last):
        ...
        mitbadak.errors.ConfigError: SGD: learning_rate must be a finite number >= 0, got inf
    """
    if value is None and none:
        return None
    if not _is_real(value):
        want = _want("finite" if finite else "number", min, max, min_open, max_open, none)
        raise _must_be(ArgumentTypeError, who, name, want, value)
    f = float(value)
    bad = math.isnan(f) or (finite and math.isinf(f))
    if min is not None:
        bad = bad or (f <= min if min_open else f < min)
    if max is not None:
        bad = bad or (f >= max if max_open else f > max)
    if bad:
        want = _want("finite" if finite else "number", min, max, min_open, max_open, none)
        raise _must_be(ConfigError, who, name, want, value)
    return f


def probability(value: Any, name: str, who: str, *, max_open: bool = False, none: bool = False):
    """A number in ``[0, 1]`` (``[0, 1)`` with ``max_open``).

    Example:
        >>> probability(0.2, "test_size", "train_test_split")
        0.2
    """
    return number(value, name, who, min=0.0, max=1.0, max_open=max_open, none=none)


def one_of(value: Any, name: str, who: str, choices: Sequence[Any]) -> Any:
    """``value`` if it is one of ``choices`` (strings compared as given).

    Example:
        >>> one_of("mean", "reduction", "mse", ("mean", "sum", "none"))
        'mean'
    """
    try:
        ok = value in choices
    except TypeError:
        ok = False
    if not ok:
        shown = ", ".join(repr(c) for c in choices)
        raise ConfigError(
            key="error.validate.one_of", who=who, name=name, choices=shown, got=describe(value)
        )
    return value


def boolean(value: Any, name: str, who: str) -> bool:
    """``value`` if it is a ``bool`` (or NumPy bool).

    Example:
        >>> boolean(True, "shuffle", "DataLoader")
        True
    """
    if not isinstance(value, (bool, np.bool_)):
        raise _must_be(ArgumentTypeError, who, name, Phrase("error.validate.true_or_false"), value)
    return bool(value)


def function(value: Any, name: str, who: str, *, none: bool = False) -> Any:
    """``value`` if it is callable (or ``None`` with ``none``).

    Example:
        >>> function(abs, "schedule", "LearningRateScheduler") is abs
        True
    """
    if value is None and none:
        return None
    if not callable(value):
        raise _must_be(ArgumentTypeError, who, name, Phrase("error.validate.callable"), value)
    return value


def returned(value: Any, name: str, who: str, kind: str, **bounds: Any) -> Any:
    """Check what a user's callable returned: ``kind`` is ``"number"``, ``"integer"`` or
    ``"array"`` (``bounds`` as for those checks). The message says the function returned it.

    Example:
        >>> returned(0.1, "schedule", "LearningRateScheduler", "number", min=0)
        0.1
    """
    label = Phrase("error.validate.returned_value", name=name)
    if kind == "number":
        return number(value, label, who, **bounds)
    if kind == "integer":
        return integer(value, label, who, **bounds)
    if kind == "array":
        if value is None:
            raise ArgumentTypeError(key="error.validate.returned_none", who=who, name=name)
        return array(value, label, who, **bounds)
    raise ValueError(f"returned: unknown kind {kind!r}")  # programming error, not user input


def array(
    value: Any,
    name: str,
    who: str,
    *,
    ndim: int | tuple[int, ...] | None = None,
    shape: tuple[int | None, ...] | None = None,
    kinds: str = "biuf",
    finite: bool = False,
    length: int | None = None,
    dtype: Any = None,
) -> np.ndarray:
    """``value`` (array, list, number, Tensor) as a NumPy array of an allowed dtype kind.

    Ragged nested lists, object arrays and complex numbers are refused with a clear error;
    ``shape`` entries of ``None`` match any size; ``finite`` refuses NaN and infinity;
    ``length`` is the required first dimension.

    Example:
        >>> array([[1, 2], [3, 4]], "x", "fit", ndim=2).shape
        (2, 2)
        >>> array([[1, 2], [3]], "x", "fit")
        Traceback (most recent call last):
        ...
        mitbadak.errors.ShapeError: fit: x is a ragged nested list (rows of different lengths); \
every row must have the same length
    """
    data = getattr(value, "data", None)
    if isinstance(data, np.ndarray) and not isinstance(value, np.ndarray):
        value = data
    if isinstance(value, (str, bytes, dict, set)) or value is None:
        raise _must_be(ArgumentTypeError, who, name, Phrase("error.validate.array_like"), value)
    try:
        out = np.asarray(value, dtype=dtype)
    except ValueError as e:
        if "inhomogeneous" in str(e) or "sequence" in str(e):
            raise ShapeError(key="error.validate.ragged", who=who, name=name) from None
        raise DataError(key="error.validate.not_numbers", who=who, name=name, reason=e) from None
    except TypeError as e:
        raise ArgumentTypeError(
            key="error.validate.not_array_of_numbers", who=who, name=name, reason=e
        ) from None
    if out.dtype.kind == "c" and "c" not in kinds:
        raise DTypeError(key="error.validate.complex", who=who, name=name, dtype=out.dtype)
    if out.dtype.kind not in kinds:
        mixed = "_mixed" if out.dtype.kind in "OUS" else ""
        raise DTypeError(
            key=f"error.validate.not_numeric{mixed}", who=who, name=name, dtype=out.dtype
        )
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if out.ndim not in allowed:
            want: Any = allowed[0]
            for a in allowed[1:]:
                want = Phrase("error.validate.or", first=want, second=a)
            raise ShapeError(
                key="error.validate.ndim", who=who, name=name, want=want, shape=out.shape
            )
    if shape is not None:
        if out.ndim != len(shape) or any(
            s is not None and s != d for s, d in zip(shape, out.shape)
        ):
            raise ShapeError(
                key="error.validate.shape",
                who=who,
                name=name,
                want=_ShapeWant(shape),
                shape=out.shape,
            )
    if length is not None and (out.ndim == 0 or out.shape[0] != length):
        if out.ndim == 0:
            got = Phrase("error.validate.a_scalar")
        else:
            got = Phrase("error.validate.n_rows", n=out.shape[0])
        raise ShapeError(key="error.validate.length", who=who, name=name, length=length, got=got)
    if finite and out.dtype.kind == "f" and not np.isfinite(out).all():
        bad = int((~np.isfinite(out)).sum())
        raise DataError(key="error.validate.nonfinite", who=who, name=name, bad=bad)
    return out


def check(predicate: Callable[[], bool], message: str) -> None:
    """Raise :class:`ConfigError` with ``message`` unless ``predicate()`` holds.

    Example:
        >>> check(lambda: True, "never raised")
    """
    if not predicate():
        raise ConfigError(message)


def by_defaults(fn: Callable[..., Any], values: dict[str, Any], who: str) -> None:
    """Check each argument in ``values`` against the kind its signature declares: a parameter
    annotated ``float`` (or with a float default) must be a finite number, one with an ``int``
    default a whole number; ``... | None`` also accepts ``None``. The one line a constructor
    or function head calls as ``validate.by_defaults(Cls.__init__, locals(), name)``.

    Example:
        >>> def f(x, rate: float = 0.5, steps: int = 3): ...
        >>> by_defaults(f, {"rate": 0.1, "steps": 2}, "f")
        >>> by_defaults(f, {"steps": 2.5}, "f")
        Traceback (most recent call last):
        ...
        mitbadak.errors.ConfigError: f: steps must be a whole number, got 2.5
    """
    for name, kind, none in kinds(fn):
        if name not in values:
            continue
        value = values[name]
        if kind == "float":
            number(value, name, who, none=none, finite=False)
        else:
            integer(value, name, who, none=none)


_NUMERIC_ANNOTATIONS = frozenset(
    {"float", "float|None", "None|float", "int|float", "float|int", "int", "int|None", "None|int"}
    | {""}  # unannotated: judged by the default (an int or a float)
)
_KIND_CACHE: dict[Any, list[tuple[str, str, bool]]] = {}


def kinds(fn: Callable[..., Any]) -> list[tuple[str, str, bool]]:
    """``(name, "int" or "float", accepts None)`` for each numeric parameter of ``fn``
    (cached): what :func:`by_defaults` checks.

    Example:
        >>> def f(x, rate: float = 0.5, steps: int = 3, name: str = ""): ...
        >>> kinds(f)
        [('rate', 'float', False), ('steps', 'int', False)]
    """
    key = getattr(fn, "__code__", fn)
    if key not in _KIND_CACHE:
        import inspect

        out = []
        try:
            params = inspect.signature(fn).parameters.values()
        except (TypeError, ValueError):
            params = []
        for p in params:
            ann, default = str(p.annotation).replace(" ", ""), p.default
            if p.annotation is inspect.Parameter.empty:
                ann = ""
            none = "None" in ann or default is None
            if isinstance(default, bool) or ann not in _NUMERIC_ANNOTATIONS:
                continue
            if "float" in ann or isinstance(default, float):
                out.append((p.name, "float", none))
            elif "int" in ann or isinstance(default, int):
                out.append((p.name, "int", none))
        _KIND_CACHE[key] = out
    return _KIND_CACHE[key]
