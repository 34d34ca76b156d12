"""Process-level tuning of the array backend (NumPy on glibc).

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

import ctypes
import ctypes.util
import os
import sys

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
            f"set_allocator_tuning: enabled must be True or False, got {enabled!r} "
            f"({type(enabled).__name__})"
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
    "tune_malloc",
]
