"""A stand-in array module that refuses direct NumPy calls on its arrays (tests only).

``GuardedArray`` is an ndarray subclass. Its methods and operators work (as a CuPy array's do),
and so does every function reached through :data:`xp` (the stand-in module, which delegates to
NumPy); a call of a ``numpy`` function or ufunc directly on a guarded array raises
``BypassError``, and so does mixing it with a plain NumPy array made behind the seam's back
(``np.zeros`` then ``+ guarded``). Reductions and scalar indexing give 0-d arrays, as CuPy does.
Registered with ``mitbadak.backend`` so ``array_module(guarded)`` is :data:`xp`.
"""

from __future__ import annotations

import functools
import threading
import types
from typing import Any

import numpy as np

from mitbadak import backend


class BypassError(AssertionError):
    """NumPy was called directly on a guarded array (the seam was bypassed)."""


class _Depth(threading.local):
    n = 0


_depth = _Depth()


def _wrap(r: Any) -> Any:
    if type(r) is np.ndarray:
        return r.view(GuardedArray)
    if isinstance(r, np.generic) and not isinstance(r, (np.str_, np.bytes_)):
        return np.asarray(r).view(GuardedArray)
    if isinstance(r, tuple):
        return tuple(_wrap(v) for v in r)
    if isinstance(r, list):
        return [_wrap(v) for v in r]
    return r


def _allowed(f: Any) -> Any:
    @functools.wraps(f)
    def call(*args: Any, **kwargs: Any) -> Any:
        _depth.n += 1
        try:
            return _wrap(f(*args, **kwargs))
        finally:
            _depth.n -= 1

    return call


def _plain(x: Any) -> Any:
    if isinstance(x, GuardedArray):
        return x.view(np.ndarray)
    if isinstance(x, tuple):
        return tuple(_plain(v) for v in x)
    return x


class GuardedArray(np.ndarray):
    """An array that only the stand-in module (and its own methods) may compute with."""

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        scalar_op = method == "__call__" and len(inputs) == 2 and "out" not in kwargs
        scalar_op = scalar_op and any(isinstance(i, (np.generic, int, float)) for i in inputs)
        if not _depth.n and not scalar_op:  # np.float32(2) * x is fine on CuPy too
            raise BypassError(f"numpy.{ufunc.__name__}.{method} called directly on a device array")
        inputs = tuple(_plain(i) for i in inputs)
        if "out" in kwargs:
            kwargs["out"] = _plain(kwargs["out"])
        r = getattr(ufunc, method)(*inputs, **kwargs)
        return None if method == "at" else _wrap(r)

    def __array_function__(self, func: Any, types_: Any, args: Any, kwargs: Any) -> Any:
        if not _depth.n:
            raise BypassError(f"numpy.{func.__name__} called directly on a device array")
        return super().__array_function__(func, (np.ndarray,), args, kwargs)


_SKIP = {
    "__array_ufunc__",
    "__array_function__",
    "__array_finalize__",
    "__array_wrap__",
    "__array_prepare__",
    "__new__",
    "__init__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__class__",
    "__init_subclass__",
    "__subclasshook__",
    "__reduce__",
    "__reduce_ex__",
    "__setstate__",
    "__getstate__",
    "__dir__",
    "__sizeof__",
    "__class_getitem__",
    "__array__",
    "__array_namespace__",
    "__dlpack__",
    "__dlpack_device__",
    "view",
    "__len__",
    "__iter__",
    "__hash__",
    "__bool__",
    "__float__",
    "__int__",
    "__index__",
    "__complex__",
}
_OPERATORS = {
    f"__{p}{op}__"
    for op in (
        "add sub mul truediv floordiv mod pow matmul and or xor lshift rshift divmod".split()
    )
    for p in ("", "r", "i")
} | {"__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__"}


def _operator(f: Any) -> Any:
    g = _allowed(f)

    @functools.wraps(f)
    def call(self: Any, other: Any) -> Any:
        if type(other) is np.ndarray:  # a host array made behind the seam's back
            raise BypassError(f"{f.__name__}: a NumPy array met a device array")
        return g(self, other)

    return call


for _name in dir(np.ndarray):
    _attr = getattr(np.ndarray, _name)
    if _name in _SKIP or not callable(_attr) or isinstance(_attr, type):
        continue
    setattr(GuardedArray, _name, (_operator if _name in _OPERATORS else _allowed)(_attr))


class _UfuncProxy:
    def __init__(self, uf: np.ufunc) -> None:
        self._uf = uf
        self.__name__ = uf.__name__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _allowed(self._uf)(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        a = getattr(self._uf, name)
        return _allowed(a) if callable(a) else a


class _ModuleProxy(types.ModuleType):
    """``numpy`` seen through the seam: every function and ufunc may touch guarded arrays, and
    what it makes (``xp.zeros``...) is a guarded array."""

    def __init__(self, mod: types.ModuleType) -> None:
        super().__init__(mod.__name__.replace("numpy", "guard_xp"))
        self._mod = mod

    def __getattr__(self, name: str) -> Any:
        a = getattr(self._mod, name)
        if isinstance(a, np.ufunc):
            return _UfuncProxy(a)
        if isinstance(a, types.ModuleType):
            return _ModuleProxy(a)
        if callable(a) and not isinstance(a, type):
            return _allowed(a)
        return a


xp = _ModuleProxy(np)


def guard(a: Any) -> Any:
    """A NumPy array (or a tuple/list of them) as guarded arrays."""
    if isinstance(a, (tuple, list)):
        return type(a)(guard(v) for v in a)
    return np.asarray(a).view(GuardedArray)


def install() -> None:
    backend.register_array_module(GuardedArray, xp, "guard")


def uninstall() -> None:
    backend.unregister_array_module(GuardedArray)
