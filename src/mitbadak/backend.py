"""Process-level tuning of the array backend (NumPy on glibc).

:func:`tune_malloc` keeps freed large blocks in the process's heap instead of handing them back
to the operating system. A training step allocates and frees the same large arrays every batch
(im2col buffers, activations, gradients); by default glibc serves each of them with a fresh
``mmap`` and unmaps it when freed, so every batch pays page faults to touch new memory again
(PERFORMANCE.md: about 20-25% of a NumPy CNN's time on the project's machine). Nothing calls it
at import: the benchmarks and ``fit`` call it, and you may opt out (see below).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

# mallopt parameter numbers from glibc's <malloc.h>.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

_tuned: bool | None = None


def tune_malloc(
    mmap_threshold: int = 32 * 1024 * 1024, trim_threshold: int = 1024 * 1024 * 1024
) -> bool:
    """Ask glibc to serve blocks up to ``mmap_threshold`` bytes from the heap and to keep up to
    ``trim_threshold`` bytes of freed heap, so repeated large allocations reuse warm pages.

    Does nothing (and returns ``False``) when the environment variable
    ``MITBADAK_TUNE_MALLOC=0`` is set, off Linux, or without glibc. Peak memory does not grow:
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
    if os.environ.get("MITBADAK_TUNE_MALLOC", "1") == "0" or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    ok = mallopt(_M_MMAP_THRESHOLD, int(mmap_threshold)) == 1
    ok = mallopt(_M_TRIM_THRESHOLD, int(trim_threshold)) == 1 and ok
    _tuned = ok
    return ok


__all__ = ["tune_malloc"]
