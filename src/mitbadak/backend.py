"""The array backend: which array module (NumPy or CuPy) holds the data, and tuning NumPy.

**The seam.** Every op, layer, optimizer, loss and metric asks :func:`array_module` for the
module of the arrays it was given (``xp = array_module(x)``) and writes ``xp.exp(x)`` where it
would write ``np.exp(x)``, so the same code runs on NumPy arrays (CPU) and on CuPy arrays
(CUDA), as in *Deep Learning from Scratch*'s ``get_array_module``. :func:`to_device` moves an
array, :func:`device_of` names where it lives, :func:`to_host` gives a NumPy array (what saving
writes). CuPy is optional: ``pip install "mitbadak[gpu]"`` (or ``mitbadak[gpu-cuda12]`` /
``mitbadak[gpu-cuda13]``); asking for ``"cuda"`` without it raises :class:`DeviceError`.

**Tuning.**
:func:`tune_malloc` keeps freed large blocks in the process's heap instead of handing them back
to the operating system. A training step allocates and frees the same large arrays every batch
(im2col buffers, activations, gradients); by default glibc serves each of them with a fresh
``mmap`` and unmaps it when freed, so every batch pays page faults to touch new memory again
(PERFORMANCE.md: about 20-25% of a NumPy CNN's time on the project's machine).

It changes the whole process's allocator, so it is an explicit setting (issue 15), never a
silent side effect: nothing calls it at import, and ``fit`` applies it only when it is switched
on, by :func:`set_allocator_tuning` or by the environment variable ``MITBADAK_TUNE_MALLOC=1``
(``0`` forbids it, even to an explicit :func:`tune_malloc` call). :func:`allocator_tuning` says
what is in force. It is off by default (see ``DEFAULT_ALLOCATOR_TUNING`` for the measurement).

Example:
    >>> import mitbadak.backend as backend
    >>> backend.allocator_tuning() in (True, False)
    True
"""

from __future__ import annotations

import os
import sys
from types import ModuleType
from typing import Any

import numpy as np

from .errors import DeviceError

GPU_EXTRA = (
    'pip install "mitbadak[gpu]" (CUDA 12: mitbadak[gpu-cuda12], CUDA 13: mitbadak[gpu-cuda13])'
)
# Array types other than NumPy's and CuPy's that carry their own array module (a test's
# stand-in module registers here): type -> (module, device name).
_modules: dict[type, tuple[Any, str]] = {}
_PLAIN = frozenset({int, float, bool, complex, str, type(None), slice, np.dtype})


def register_array_module(array_type: type, module: Any, device: str) -> None:
    """Tell :func:`array_module` that arrays of ``array_type`` compute with ``module`` and live
    on ``device`` (how a test's stand-in module, or another NumPy-like library, joins the seam).

    Example:
        >>> class Marked(np.ndarray): pass
        >>> register_array_module(Marked, np, "cpu")
        >>> array_module(np.zeros(2).view(Marked)) is np
        True
        >>> unregister_array_module(Marked)
    """
    _modules[array_type] = (module, device)


def unregister_array_module(array_type: type) -> None:
    """Undo :func:`register_array_module`.

    Example:
        >>> unregister_array_module(int)  # not registered: nothing happens
    """
    _modules.pop(array_type, None)


def _cupy_or_none() -> ModuleType | None:
    mod = sys.modules.get("cupy")  # never import CuPy just to ask: a CuPy array implies it
    return mod


def _entry(x: Any) -> tuple[Any, str] | None:
    t = type(x)
    if t in _modules:
        return _modules[t]
    for k, v in _modules.items():
        if isinstance(x, k):
            return v
    cp = _cupy_or_none()
    if cp is not None and isinstance(x, cp.ndarray):
        return cp, "cuda"
    return None


def array_module(*arrays: Any) -> Any:
    """The array module (``numpy``, ``cupy``, or a registered one) of the first given array
    that is not a NumPy array or a plain number; ``numpy`` when all are.

    Tensors are looked through (their ``.data``), so ``array_module(t)`` works on both.

    Example:
        >>> array_module(np.zeros(3)) is np
        True
        >>> array_module(1.0, None) is np
        True
    """
    for x in arrays:
        t = type(x)
        if t is np.ndarray or t in _PLAIN:  # the common case first: every op calls this
            continue
        if t is list or t is tuple:
            if not x:
                continue
            x = x[0]  # a sequence of arrays (concatenate, stack): its first one decides
        x = getattr(x, "data", x) if not isinstance(x, np.ndarray) else x
        if type(x) is np.ndarray or type(x) in _PLAIN:
            continue
        e = _entry(x)
        if e is not None:
            return e[0]
    return np


def counterpart(xp: Any, fn: Any) -> Any:
    """``xp``'s function of the same name as the NumPy function ``fn`` (``fn`` itself when
    ``xp`` is NumPy): for code that holds a NumPy function as a value (``reduce = np.max``).

    Example:
        >>> counterpart(np, np.maximum) is np.maximum
        True
    """
    return fn if xp is np else getattr(xp, fn.__name__)


def device_of(x: Any) -> str:
    """``"cpu"`` or ``"cuda"`` (or a registered module's device): where the array lives.

    Example:
        >>> device_of(np.zeros(2))
        'cpu'
    """
    x = getattr(x, "data", x) if not isinstance(x, np.ndarray) else x
    e = _entry(x)
    return e[1] if e is not None else "cpu"


def parse_device(device: Any) -> str:
    """``"cpu"`` or ``"cuda"`` from a device name (``"cuda:0"``, ``"gpu"``, ``None`` = cpu);
    anything else is a :class:`DeviceError` naming what is accepted.

    Example:
        >>> parse_device("cuda:0"), parse_device(None)
        ('cuda', 'cpu')
    """
    if device is None:
        return "cpu"
    name = str(getattr(device, "type", device)).lower().split(":")[0]
    if name in {dev for _, dev in _modules.values()}:
        return name  # a registered module's device
    if name in ("cpu", "host", "numpy"):
        return "cpu"
    if name in ("cuda", "gpu"):
        return "cuda"
    raise DeviceError(key="error.backend.device", got=repr(device))


def require_cupy() -> ModuleType:
    """CuPy with a usable CUDA device, or a :class:`DeviceError` that says what to install.

    Example:
        >>> try:
        ...     require_cupy()
        ... except DeviceError as e:
        ...     print("mitbadak[gpu]" in str(e))
        ... else:
        ...     print(True)
        True
    """
    try:
        import cupy  # type: ignore[import-not-found]
    except ImportError as e:
        raise DeviceError(key="error.backend.no_cupy", reason=str(e), install=GPU_EXTRA) from None
    try:
        n = cupy.cuda.runtime.getDeviceCount()
    except Exception as e:  # CUDA driver missing or broken: CuPy raises its own runtime errors
        raise DeviceError(
            key="error.backend.cuda_unusable", reason=str(e), install=GPU_EXTRA
        ) from None
    if n < 1:
        raise DeviceError(key="error.backend.no_device")
    return cupy


def gpu_available() -> bool:
    """Whether ``"cuda"`` can be used here (CuPy installed and a device present).

    Example:
        >>> gpu_available() in (True, False)
        True
    """
    try:
        require_cupy()
    except DeviceError:
        return False
    return True


def to_host(x: Any) -> np.ndarray:
    """A NumPy array with the data of ``x`` (copied from the GPU when it lives there; NumPy
    arrays and numbers pass through ``np.asarray``). Saving always writes these.

    Example:
        >>> to_host(np.arange(3)).tolist()
        [0, 1, 2]
    """
    e = _entry(x)
    if e is not None:
        get = getattr(x, "get", None)  # cupy.ndarray.get() copies device -> host
        if callable(get) and e[1] == "cuda":
            return get()
        return np.asarray(x).view(np.ndarray)
    return np.asarray(x)


def to_device(x: Any, device: Any) -> Any:
    """``x`` as an array on ``device`` (``"cpu"`` -> NumPy, ``"cuda"`` -> CuPy); the same object
    when it is already there.

    Example:
        >>> a = np.ones(2); to_device(a, "cpu") is a
        True
    """
    if isinstance(device, str) and device == device_of(x) and not isinstance(x, (list, tuple)):
        return x
    dev = parse_device(device)
    if dev == device_of(x) and (dev != "cpu" or isinstance(x, np.ndarray)):
        return x
    if dev == "cpu":
        return to_host(x)
    for mod, name in _modules.values():
        if name == dev:
            return mod.asarray(to_host(x))
    cp = require_cupy()
    return cp.asarray(x)


# mallopt parameter numbers from glibc's <malloc.h>.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

# glibc's own defaults (malloc.h: DEFAULT_MMAP_THRESHOLD_MIN, DEFAULT_TRIM_THRESHOLD), restored
# by set_allocator_tuning(False).
_GLIBC_MMAP_THRESHOLD = 128 * 1024
_GLIBC_TRIM_THRESHOLD = 128 * 1024

# Off by default: measured in an interleaved run on the shared 2-core machine (issue 15 notes in
# benchmarks/RESULTS-issue15.md), the gain was within the noise, and glibc already raises its mmap
# threshold dynamically when a large block is freed. Switch it on to try it on your machine.
DEFAULT_ALLOCATOR_TUNING = False

_tuned: bool | None = None
_setting: bool | None = None  # set_allocator_tuning's value; None: the environment decides


def tune_malloc(
    mmap_threshold: int = 32 * 1024 * 1024, trim_threshold: int = 1024 * 1024 * 1024
) -> bool:
    """Ask glibc to serve blocks up to ``mmap_threshold`` bytes from the heap and to keep up to
    ``trim_threshold`` bytes of freed heap, so repeated large allocations reuse warm pages.

    This applies the tuning now, whatever :func:`allocator_tuning` says (``fit`` goes through
    :func:`apply_allocator_setting` instead). Does nothing (and returns ``False``) when the
    environment variable ``MITBADAK_TUNE_MALLOC=0`` is set, off Linux, or without glibc. Peak memory does not grow:
    blocks are reused, not added. 32 MiB is the largest mmap threshold glibc accepts on 64-bit.
    Calling it again is free.

    Returns:
        ``True`` if the allocator was tuned (now or by an earlier call).

    Example:
        >>> import mitbadak.backend
        >>> mitbadak.backend.tune_malloc() in (True, False)
        True
    """
    global _tuned
    if _tuned is not None:
        return _tuned
    _tuned = False
    if _env_setting() is False:
        return False
    _tuned = _mallopt(mmap_threshold, trim_threshold)
    return _tuned


def _env_setting() -> bool | None:
    value = os.environ.get("MITBADAK_TUNE_MALLOC", "").strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    return None


def allocator_tuning() -> bool:
    """Whether ``fit`` tunes the allocator: the value given to :func:`set_allocator_tuning` if
    any, else ``MITBADAK_TUNE_MALLOC`` (``1``/``0``), else ``DEFAULT_ALLOCATOR_TUNING`` (off).

    Example:
        >>> import mitbadak.backend as backend
        >>> backend.allocator_tuning() in (True, False)
        True
    """
    env = _env_setting()
    if env is False:
        return False
    if _setting is not None:
        return _setting
    return DEFAULT_ALLOCATOR_TUNING if env is None else env


def set_allocator_tuning(enabled: bool) -> bool:
    """Switch the glibc allocator tuning on (now and for every later ``fit``) or off (glibc's
    default thresholds are restored, as far as ``mallopt`` allows).

    Args:
        enabled: ``True`` to keep freed large blocks in the heap (see :func:`tune_malloc`),
            ``False`` to hand them back to the system as glibc does by default.

    Returns:
        Whether the tuning is in force afterwards (``False`` off glibc, or when
        ``MITBADAK_TUNE_MALLOC=0`` forbids it).

    Raises:
        ConfigError: ``enabled`` is not a bool.

    Example:
        >>> import mitbadak.backend as backend
        >>> backend.set_allocator_tuning(False)
        False
        >>> backend.allocator_tuning()
        False
    """
    global _setting, _tuned
    if not isinstance(enabled, bool):
        from .errors import ConfigError

        raise ConfigError(
            key="error.backend.allocator_tuning", got=repr(enabled), kind=type(enabled).__name__
        )
    _setting = enabled
    if enabled:
        return tune_malloc()
    if _tuned:
        _mallopt(_GLIBC_MMAP_THRESHOLD, _GLIBC_TRIM_THRESHOLD)
    _tuned = None
    return False


def apply_allocator_setting() -> bool:
    """Tune the allocator if :func:`allocator_tuning` says so (``fit`` calls this); otherwise do
    nothing. Returns whether the tuning is in force.

    Example:
        >>> import mitbadak.backend as backend
        >>> backend.apply_allocator_setting() in (True, False)
        True
    """
    return tune_malloc() if allocator_tuning() else bool(_tuned)


def _mallopt(mmap_threshold: int, trim_threshold: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes  # only here: ctypes.util pulls in tempfile, and the engine imports backend
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    ok = mallopt(_M_MMAP_THRESHOLD, int(mmap_threshold)) == 1
    return mallopt(_M_TRIM_THRESHOLD, int(trim_threshold)) == 1 and ok


# Issue 15: the reference (formula-as-written) kernels, selectable at run time.
from .ops.kernel_mode import (  # noqa: E402
    reference_kernels,
    set_reference_kernels,
    use_reference_kernels,
)

__all__ = [
    "reference_kernels",
    "set_reference_kernels",
    "use_reference_kernels",
    "DEFAULT_ALLOCATOR_TUNING",
    "allocator_tuning",
    "apply_allocator_setting",
    "set_allocator_tuning",
    "GPU_EXTRA",
    "array_module",
    "counterpart",
    "device_of",
    "gpu_available",
    "parse_device",
    "register_array_module",
    "require_cupy",
    "to_device",
    "to_host",
    "tune_malloc",
    "unregister_array_module",
]
