"""The arguments every convolution and pooling layer shares, checked and cleaned in one place.

Conv1D, Conv2D, DepthwiseConv2D, Conv2DTranspose, UpSampling2D and ZeroPadding2D take their
geometry (``kernel_size``, ``strides``, ``padding``, ``dilation_rate``, ``data_format``) through
:func:`conv_geometry`, the pooling layers theirs (``pool_size``, ``strides``, ``padding``,
``data_format``) through :func:`pool_geometry`; per-axis ints go through :func:`tuple_of` and
the layout through :func:`check_input_rank`, :func:`to_channels_first` and
:func:`from_channels_first`. Counts and ranges are checked with :mod:`mitbadak.validate`, so
every message names the layer and the argument, and a boolean or a float is never taken for an
int. The messages come from :mod:`mitbadak.messages` (English or Korean).

Example:
    >>> g = conv_geometry("Conv2D", 2, (3, 5), strides=2, padding="SAME")
    >>> g.kernel_size, g.strides, g.padding, g.dilation_rate, g.data_format
    ((3, 5), (2, 2), 'same', (1, 1), 'channels_first')
    >>> conv_geometry("Conv2D", 2, 3, strides=(2, 0))
    Traceback (most recent call last):
    ...
    mitbadak.errors.ConfigError: Conv2D: strides[1] must be a whole number >= 1, got 0
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from .. import activations, initializers, regularizers, validate
from ..errors import ConfigError, ShapeError
from ..ops.shape import transpose
from ..tensor import Tensor

FORMATS = ("channels_first", "channels_last")


def tuple_of(value: Any, n: int, name: str, who: str, *, min: int = 1) -> tuple[int, ...]:
    """An int (used for all ``n`` axes) or a sequence of ``n`` ints, each ``>= min``, as a
    tuple of Python ints. Floats (``2.5``, ``3.0``), strings and booleans are refused.

    Example:
        >>> tuple_of(3, 2, "kernel_size", "Conv2D"), tuple_of([2, np.int64(1)], 2, "strides", "")
        ((3, 3), (2, 1))
        >>> tuple_of(True, 2, "kernel_size", "Conv2D")
        Traceback (most recent call last):
        ...
        mitbadak.errors.ConfigError: Conv2D: kernel_size must be an int or a pair of ints, \
got True (bool)
    """
    scalar = not isinstance(value, (tuple, list))
    items = (value,) * n if scalar else tuple(value)
    is_int = [isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in items]
    if len(items) != n or not all(is_int):
        got = validate.describe(value)
        if n == 1:
            raise ConfigError(key="error.conv_args.int", who=who, name=name, got=got)
        if n == 2:
            raise ConfigError(key="error.conv_args.int_or_pair", who=who, name=name, got=got)
        raise ConfigError(key="error.conv_args.int_or_ints", who=who, name=name, n=n, got=got)
    names = [name] * n if scalar else [f"{name}[{i}]" for i in range(n)]
    return tuple(validate.integer(v, label, who, min=min) for v, label in zip(items, names))


def padding_of(
    padding: Any,
    rank: int,
    who: str,
    *,
    modes: tuple[str, ...] = ("valid", "same"),
    ints: bool = True,
) -> Any:
    """A ``padding`` argument: one of ``modes`` (any case, returned lower-case) or, with
    ``ints``, explicit zeros as Python ints: an int, one int per axis, or (rank 2)
    ``((top, bottom), (left, right))``; rank 1 also takes ``(left, right)``. Lists (as JSON
    configs give) become tuples.

    Example:
        >>> padding_of("Same", 2, "Conv2D"), padding_of([[1, 0], [2, 2]], 2, "Conv2D")
        ('same', ((1, 0), (2, 2)))
        >>> padding_of("full", 2, "Conv2D")
        Traceback (most recent call last):
        ...
        mitbadak.errors.ConfigError: Conv2D: padding must be 'valid', 'same' or ints, got 'full'
    """
    if isinstance(padding, str) and padding.lower() in modes:
        return padding.lower()
    if isinstance(padding, str) or not ints:
        _bad_padding(padding, who, modes, ints)
    seq = isinstance(padding, (tuple, list))
    nested = seq and len(padding) == 2 and all(isinstance(p, (tuple, list)) for p in padding)
    if rank == 2 and nested:
        return tuple(tuple_of(p, 2, "padding", who, min=0) for p in padding)
    n = 1 if seq and len(padding) == 1 and rank == 1 else 2  # a scalar: both sides
    out = tuple_of(padding, n, "padding", who, min=0)
    return out if seq else out[0]


def _bad_padding(padding: Any, who: str, modes: tuple[str, ...], ints: bool) -> None:
    """Raise the ConfigError of a ``padding`` that is none of ``modes`` (nor ints)."""
    shown = [repr(m) for m in modes]
    if ints and shown:  # 'valid', 'same' or ints
        key, values = "error.conv_args.padding_modes_or_ints", {"modes": ", ".join(shown)}
    elif ints:
        key, values = "error.conv_args.padding_ints", {}
    elif len(shown) > 1:  # 'valid' or 'same'
        key, values = "error.conv_args.padding_modes", {"modes": ", ".join(shown[:-1])}
        values["last"] = shown[-1]
    elif shown:
        key, values = "error.conv_args.padding_mode", {"mode": shown[0]}
    else:
        raise ValueError("padding_of: no modes and no ints")  # a programming error
    raise ConfigError(key=key, who=who, got=padding, **values)


def check_data_format(data_format: Any, who: str) -> str:
    """``data_format`` if it is ``"channels_first"`` or ``"channels_last"``.

    Example:
        >>> check_data_format("channels_last", "Conv1D")
        'channels_last'
    """
    return validate.one_of(data_format, "data_format", who, FORMATS)


class Geometry(NamedTuple):
    """The cleaned geometry of a convolution: per-axis tuples (plain ints for rank 1)."""

    kernel_size: Any
    strides: Any
    padding: Any
    dilation_rate: Any
    data_format: str


def conv_geometry(
    who: str,
    rank: int,
    kernel_size: Any,
    strides: Any = 1,
    padding: Any = "valid",
    dilation_rate: Any = 1,
    data_format: Any = "channels_first",
    *,
    ints: bool = True,
) -> Geometry:
    """Check and clean a ``rank``-D convolution's geometry for the layer ``who``: kernel_size,
    strides and dilation_rate as :func:`tuple_of` (``>= 1``; a plain int when ``rank`` is 1),
    padding as :func:`padding_of` (``ints=False``: only ``"valid"``/``"same"``), data_format
    as :func:`check_data_format`.

    Example:
        >>> conv_geometry("Conv1D", 1, [5], dilation_rate=2, data_format="channels_last")
        Geometry(kernel_size=5, strides=1, padding='valid', dilation_rate=2, \
data_format='channels_last')
    """

    def axes(value: Any, name: str) -> Any:
        out = tuple_of(value, rank, name, who)
        return out[0] if rank == 1 else out

    return Geometry(
        axes(kernel_size, "kernel_size"),
        axes(strides, "strides"),
        padding_of(padding, rank, who, ints=ints),
        axes(dilation_rate, "dilation_rate"),
        check_data_format(data_format, who),
    )


class PoolGeometry(NamedTuple):
    """The cleaned arguments of a pooling layer: per-axis tuples (plain ints for rank 1)."""

    pool_size: Any
    strides: Any
    padding: str
    data_format: str


def pool_geometry(
    who: str,
    rank: int,
    pool_size: Any,
    strides: Any = None,
    padding: Any = "valid",
    data_format: Any = "channels_first",
) -> PoolGeometry:
    """Check and clean a ``rank``-D pooling's arguments for the layer ``who``, as Keras takes
    them: pool_size and strides as :func:`tuple_of` (``>= 1``; a plain int when ``rank`` is 1;
    ``strides=None`` means ``pool_size``), padding ``"valid"`` or ``"same"`` (any case),
    data_format as :func:`check_data_format`.

    Example:
        >>> pool_geometry("MaxPooling2D", 2, 2, padding="SAME")
        PoolGeometry(pool_size=(2, 2), strides=(2, 2), padding='same', \
data_format='channels_first')
        >>> pool_geometry("MaxPooling1D", 1, [3], strides=1, data_format="channels_last")[:2]
        (3, 1)
        >>> pool_geometry("MaxPooling2D", 2, (2, 0))
        Traceback (most recent call last):
        ...
        mitbadak.errors.ConfigError: MaxPooling2D: pool_size[1] must be a whole number >= 1, got 0
    """

    def axes(value: Any, name: str) -> Any:
        out = tuple_of(value, rank, name, who)
        return out[0] if rank == 1 else out

    size = axes(pool_size, "pool_size")
    return PoolGeometry(
        size,
        size if strides is None else axes(strides, "strides"),
        padding_of(padding, rank, who, ints=False),
        check_data_format(data_format, who),
    )


def json_ready(value: Any) -> Any:
    """``value`` with every tuple turned into a list (recursively), as configs are saved.

    Example:
        >>> json_ready(((1, 0), (2, 2))), json_ready("same")
        ([[1, 0], [2, 2]], 'same')
    """
    return [json_ready(v) for v in value] if isinstance(value, (tuple, list)) else value


def geometry_config(layer: Any) -> dict[str, Any]:
    """A layer's kernel_size, strides, padding, dilation_rate and data_format, as saved.

    Example:
        >>> from mitbadak.layers import Conv2D
        >>> geometry_config(Conv2D(2, (3, 1), padding=[[1, 0], [0, 0]]))["padding"]
        [[1, 0], [0, 0]]
    """
    return {name: json_ready(getattr(layer, name)) for name in Geometry._fields}


def check_input_rank(layer: Any, x: Tensor, rank: int, data_format: str) -> None:
    """A ShapeError naming ``layer`` and the layout ``data_format`` expects unless ``x`` has
    ``rank`` dimensions (3: ``(batch, channels, length)``; 4: images).

    Example:
        >>> from mitbadak.layers import MaxPooling2D
        >>> check_input_rank(MaxPooling2D(name="pool"), Tensor(np.zeros((2, 5))), 4, "channels_last")
        Traceback (most recent call last):
        ...
        mitbadak.errors.ShapeError: MaxPooling2D 'pool': expected a 4-D input of shape \
(batch, height, width, channels), got (2, 5)
    """
    if x.ndim == rank:
        return
    first = data_format == "channels_first"
    if rank == 3:
        key = "error.conv_args.rank_length_first" if first else "error.conv_args.rank_length_last"
    else:
        key = "error.conv_args.rank_image_first" if first else "error.conv_args.rank_image_last"
    raise ShapeError(key=key, layer=type(layer).__name__, name=layer.name, rank=rank, shape=x.shape)


def to_channels_first(layer: Any, x: Tensor, rank: int, data_format: str) -> Tensor:
    """Check that ``x`` has ``rank`` dimensions (:func:`check_input_rank`) and bring its
    channels to axis 1.

    Example:
        >>> to_channels_first(None, Tensor(np.zeros((2, 5, 3))), 3, "channels_last").shape
        (2, 3, 5)
    """
    check_input_rank(layer, x, rank, data_format)
    if data_format == "channels_first":
        return x
    return transpose(x, (0, rank - 1) + tuple(range(1, rank - 1)))


def from_channels_first(x: Tensor, data_format: str) -> Tensor:
    """Undo :func:`to_channels_first`: channels back to the last axis for ``channels_last``.

    Example:
        >>> from_channels_first(Tensor(np.zeros((2, 3, 5))), "channels_last").shape
        (2, 5, 3)
    """
    if data_format == "channels_first":
        return x
    return transpose(x, (0,) + tuple(range(2, x.ndim)) + (1,))


def channels_of(input_shape: tuple[int, ...], data_format: str) -> int:
    """The channel count of an input shape in ``data_format``.

    Example:
        >>> channels_of((8, 28, 28, 3), "channels_last")
        3
    """
    return int(input_shape[1] if data_format == "channels_first" else input_shape[-1])


def set_weight_options(layer: Any, kernel: str, activation: Any, use_bias: Any, *args: Any) -> None:
    """Set ``activation``, ``use_bias`` and, from ``args`` (initializer, bias initializer,
    regularizer, bias regularizer), ``{kernel}_initializer``, ``bias_initializer``,
    ``{kernel}_regularizer`` and ``bias_regularizer`` on ``layer``, each looked up by name.

    Example:
        >>> from mitbadak.layers import Conv1D
        >>> layer = Conv1D(2, 3)
        >>> set_weight_options(layer, "kernel", "relu", False, "he_normal", "zeros", "l2", None)
        >>> weight_config(layer)["kernel_initializer"]["class_name"], layer.use_bias
        ('HeNormal', False)
    """
    layer.activation, layer.use_bias = activations.get(activation), bool(use_bias)
    names = (f"{kernel}_initializer", "bias_initializer", f"{kernel}_regularizer")
    for name, value in zip(names + ("bias_regularizer",), args, strict=True):
        lookup = initializers.get if name.endswith("initializer") else regularizers.get
        setattr(layer, name, lookup(value))


def weight_config(layer: Any, kernel: str = "kernel") -> dict[str, Any]:
    """The config entries of what :func:`set_weight_options` set (serialized for saving).

    Example:
        >>> from mitbadak.layers import Conv2D
        >>> sorted(weight_config(Conv2D(2, 3)))[:3]
        ['activation', 'bias_initializer', 'bias_regularizer']
    """
    return {
        "activation": activations.name_of(layer.activation),
        "use_bias": layer.use_bias,
        **{
            f"{w}_{kind}": (initializers if kind == "initializer" else regularizers).serialize(
                getattr(layer, f"{w}_{kind}")
            )
            for kind in ("initializer", "regularizer")
            for w in (kernel, "bias")
        },
    }


def add_kernel_and_bias(
    layer: Any, shape: tuple[int, ...], outputs: int, kernel: str = "kernel"
) -> None:
    """Create ``layer.kernel`` of ``shape`` and ``layer.bias`` of ``(outputs,)`` (``None``
    without ``use_bias``) from the options :func:`set_weight_options` set.

    Example:
        >>> from mitbadak.layers import Conv2D
        >>> layer = Conv2D(4, 3)
        >>> add_kernel_and_bias(layer, (4, 2, 3, 3), 4)
        >>> layer.kernel.shape, layer.bias.shape
        ((4, 2, 3, 3), (4,))
    """
    layer.kernel = layer.add_weight(
        "kernel",
        shape,
        getattr(layer, f"{kernel}_initializer"),
        regularizer=getattr(layer, f"{kernel}_regularizer"),
    )
    layer.bias = None
    if layer.use_bias:
        layer.bias = layer.add_weight(
            "bias", (outputs,), layer.bias_initializer, regularizer=layer.bias_regularizer
        )
