"""Which implementation the fused kernels run: the fast one (default) or the reference one.

Every fast kernel (the im2col convolution with its fused bias + ReLU, the fused dense layer,
max / average pooling, the fused recurrent cells) has beside it, in
:mod:`mitbadak.ops.reference`, an implementation written exactly as the formula in its
docstring (issue 15). Switch to it to step through the
formula in a debugger, then switch back to see the fast version give the same numbers.

Example:
    >>> from mitbadak.ops import kernel_mode
    >>> with kernel_mode.use_reference_kernels():
    ...     kernel_mode.reference_kernels()
    True
    >>> kernel_mode.reference_kernels()
    False
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

_state = threading.local()


def reference_kernels() -> bool:
    """Whether conv2d, max/avg pooling and the recurrent ops run their reference versions.

    Example:
        >>> from mitbadak.ops.kernel_mode import reference_kernels
        >>> reference_kernels()
        False
    """
    return getattr(_state, "on", False)


def set_reference_kernels(enabled: bool) -> None:
    """Switch the reference kernels on or off for this thread (see :func:`use_reference_kernels`
    for a scoped switch).

    Example:
        >>> from mitbadak.ops.kernel_mode import reference_kernels, set_reference_kernels
        >>> set_reference_kernels(True); reference_kernels()
        True
        >>> set_reference_kernels(False); reference_kernels()
        False
    """
    if not isinstance(enabled, bool):
        from ..errors import ConfigError

        raise ConfigError(
            key="error.ops.kernel_mode.enabled_true_false",
            enabled=enabled,
            enabled_type=type(enabled).__name__,
        )
    _state.on = enabled


@contextlib.contextmanager
def use_reference_kernels(enabled: bool = True) -> Iterator[None]:
    """Run the ops in the ``with`` block with the reference (``True``) or fast kernels.

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> x, w = mb.Tensor(np.ones((1, 1, 3, 3))), mb.Tensor(np.ones((1, 1, 2, 2)))
        >>> with use_reference_kernels():
        ...     mb.conv2d(x, w).data.ravel().tolist()
        [4.0, 4.0, 4.0, 4.0]
    """
    before = reference_kernels()
    set_reference_kernels(enabled)
    try:
        yield
    finally:
        _state.on = before


__all__ = ["reference_kernels", "set_reference_kernels", "use_reference_kernels"]
