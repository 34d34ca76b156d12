"""``keras.layers``: mitbadak's layers under Keras' names, with Keras' defaults.

Most names are mitbadak's classes themselves. The image layers get Keras' default layout:
``Conv2D``, the 2-D and 1-D poolings, ``ZeroPadding2D`` (and the convolutions of
:mod:`mitbadak.layers.conv_extra` when present) take ``data_format=None``, meaning
``keras.config.image_data_format()`` (``"channels_last"`` unless set otherwise), and
``BatchNormalization`` normalizes ``axis=-1`` (the channels of channels-last data), and the
recurrent layers (``SimpleRNN``, ``LSTM``, ``GRU``) repeat the latest real step's output at a
masked step (``zero_output_for_mask=False``, Keras 3's default; mitbadak's own layers output
zeros there, as PyTorch's padded sequences do). Called directly, outside ``fit`` and any
model, these layers (``Dropout`` and ``BatchNormalization`` among them) run in inference mode
unless given ``training=True``, as in Keras. These are
thin subclasses that only fill in those defaults; a saved model names the mitbadak class, with
the layout written out explicitly, so files load the same either way.

Example:
    >>> import numpy as np
    >>> conv = Conv2D(4, 3, padding="same")
    >>> conv(np.zeros((2, 28, 28, 1))).shape, conv.data_format
    ((2, 28, 28, 4), 'channels_last')
    >>> BatchNormalization().axis
    -1
"""

from __future__ import annotations

from typing import Any

from .. import layers as _layers
from ..functional_model import Input, InputLayer
from ..layers import (
    ELU,
    Activation,
    Add,
    Average,
    Bidirectional,
    Concatenate,
    Dense,
    Dot,
    Embedding,
    Lambda,
    Layer,
    LayerNormalization,
    LeakyReLU,
    Masking,
    Maximum,
    Minimum,
    Multiply,
    Permute,
    PReLU,
    ReLU,
    RepeatVector,
    Reshape,
    Softmax,
    Subtract,
    TimeDistributed,
)
from . import config, missing


def _keras_defaults(base: type, data_format: bool = False, **defaults: Any) -> type:
    """A subclass of ``base`` that only fills in Keras' defaults, named like ``base``."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if data_format and kwargs.get("data_format") is None:
            kwargs["data_format"] = config.image_data_format()
        for key, value in defaults.items():
            kwargs.setdefault(key, value)
        base.__init__(self, *args, **kwargs)

    what = "data_format=keras.config.image_data_format()" if data_format else ""
    what += ", ".join(f"{k}={v!r}" for k, v in defaults.items())
    cls = type(
        f"Keras{base.__name__}",
        (base,),
        {
            "__init__": __init__,
            "__module__": __name__,
            "registered_as": base,  # saved as the base class, with every argument written out
            "default_training": False,  # a direct call runs in inference, as in Keras
            "__doc__": (
                f"Keras' ``{base.__name__}``: :class:`mitbadak.layers.{base.__name__}` with "
                f"Keras' default {what}."
            ),
        },
    )
    cls.__name__ = cls.__qualname__ = base.__name__  # names and saved files: the base's
    return cls


Conv2D = _keras_defaults(_layers.Conv2D, data_format=True)
ZeroPadding2D = _keras_defaults(_layers.ZeroPadding2D, data_format=True)
MaxPooling2D = _keras_defaults(_layers.MaxPooling2D, data_format=True)
AveragePooling2D = _keras_defaults(_layers.AveragePooling2D, data_format=True)
GlobalAveragePooling2D = _keras_defaults(_layers.GlobalAveragePooling2D, data_format=True)
GlobalMaxPooling2D = _keras_defaults(_layers.GlobalMaxPooling2D, data_format=True)
MaxPooling1D = _keras_defaults(_layers.MaxPooling1D, data_format=True)
AveragePooling1D = _keras_defaults(_layers.AveragePooling1D, data_format=True)
GlobalAveragePooling1D = _keras_defaults(_layers.GlobalAveragePooling1D, data_format=True)
GlobalMaxPooling1D = _keras_defaults(_layers.GlobalMaxPooling1D, data_format=True)
BatchNormalization = _keras_defaults(_layers.BatchNormalization, axis=-1)
Flatten = _keras_defaults(_layers.Flatten, data_format=True)
Dropout = _keras_defaults(_layers.Dropout)
SimpleRNN = _keras_defaults(_layers.SimpleRNN, zero_output_for_mask=False)
LSTM = _keras_defaults(_layers.LSTM, zero_output_for_mask=False)
GRU = _keras_defaults(_layers.GRU, zero_output_for_mask=False)
MaxPool2D, AvgPool2D = MaxPooling2D, AveragePooling2D
MaxPool1D, AvgPool1D = MaxPooling1D, AveragePooling1D
GlobalAvgPool2D, GlobalMaxPool2D = GlobalAveragePooling2D, GlobalMaxPooling2D
GlobalAvgPool1D, GlobalMaxPool1D = GlobalAveragePooling1D, GlobalMaxPooling1D

# Convolutions from mitbadak.layers.conv_extra (issue 13), once that module exists.
try:  # pragma: no cover - depends on the merge order of the branches
    from ..layers import conv_extra as _conv_extra
except ImportError:  # pragma: no cover
    _conv_extra = None
if _conv_extra is not None:  # pragma: no cover
    for _name in ("Conv1D", "DepthwiseConv2D", "Conv2DTranspose", "UpSampling2D"):
        _cls = getattr(_conv_extra, _name, None)
        if _cls is not None:
            import inspect as _inspect

            _has_df = "data_format" in _inspect.signature(_cls.__init__).parameters
            globals()[_name] = _keras_defaults(_cls, data_format=_has_df)

__all__ = [
    "ELU",
    "GRU",
    "LSTM",
    "Activation",
    "Add",
    "AveragePooling1D",
    "AveragePooling2D",
    "Average",
    "BatchNormalization",
    "Bidirectional",
    "Concatenate",
    "Conv2D",
    "Dense",
    "Dot",
    "Dropout",
    "Embedding",
    "Flatten",
    "GlobalAveragePooling1D",
    "GlobalAveragePooling2D",
    "GlobalMaxPooling1D",
    "GlobalMaxPooling2D",
    "Input",
    "InputLayer",
    "Lambda",
    "Layer",
    "LayerNormalization",
    "LeakyReLU",
    "Masking",
    "MaxPooling1D",
    "MaxPooling2D",
    "Maximum",
    "Minimum",
    "Multiply",
    "Permute",
    "PReLU",
    "ReLU",
    "RepeatVector",
    "Reshape",
    "SimpleRNN",
    "Softmax",
    "Subtract",
    "TimeDistributed",
    "ZeroPadding2D",
]

__getattr__ = missing.module_getattr("keras.layers", globals())
