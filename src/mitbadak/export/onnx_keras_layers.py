"""ONNX converters of the Keras-surface layers of issue 12 (activation layers, 1-D poolings,
Permute, RepeatVector), registered by class name.

| mitbadak | ONNX |
|---|---|
| ReLU(max_value, negative_slope, threshold) | Relu / LeakyRelu, or Where(x >= t, x, slope (x - t)); then Min(., max_value) |
| LeakyReLU / ELU / PReLU / Softmax(axis) | LeakyRelu / Elu / PRelu (alpha as the slope) / Softmax |
| MaxPooling1D / AveragePooling1D | MaxPool / AveragePool over one axis (``count_include_pad=0``) |
| GlobalAveragePooling1D / GlobalMaxPooling1D | ReduceMean / ReduceMax over the steps |
| Permute(dims) / RepeatVector(n) | Transpose([0, *dims]) / Unsqueeze + Tile |

1-D layers are channels-last by default, (batch, steps, features): they are transposed to
ONNX's (N, C, L) around the pooling.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..ops.conv import same_padding
from .onnx_graph import OnnxGraph, register_converter


@register_converter("ReLU")
def _relu(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    x, t, slope = inputs[0], layer.threshold, layer.negative_slope
    if t == 0.0:
        y = g.node("LeakyRelu", [x], alpha=slope) if slope else g.node("Relu", [x])
    else:
        tc = g.const(np.asarray(t), "threshold")
        below = g.node("Mul", [g.node("Sub", [x, tc]), g.const(np.asarray(slope), "slope")])
        y = g.node("Where", [g.node("GreaterOrEqual", [x, tc]), x, below])
    if layer.max_value is not None:
        y = g.node("Min", [y, g.const(np.asarray(layer.max_value), "max_value")])
    return y


@register_converter("LeakyReLU")
def _leaky(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("LeakyRelu", inputs[:1], alpha=layer.negative_slope)


@register_converter("ELU")
def _elu(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("Elu", inputs[:1], alpha=layer.alpha)


@register_converter("PReLU")
def _prelu(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("PRelu", [inputs[0], g.const(layer.alpha, f"{layer.name}/alpha")])


@register_converter("Softmax")
def _softmax(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("Softmax", inputs[:1], axis=layer.axis)


def _pool1d(op: str) -> Any:
    def convert(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
        x, shape = inputs[0], shapes[0]
        last = layer.data_format == "channels_last"
        if last:
            x, shape = g.node("Transpose", [x], perm=[0, 2, 1]), (shape[0], shape[2], shape[1])
        if layer.padding == "same":
            pads = list(same_padding(shape[2], layer.pool_size, layer.strides))
        else:
            pads = [0, 0]
        attrs: dict[str, Any] = {
            "kernel_shape": [layer.pool_size],
            "strides": [layer.strides],
            "pads": pads,
        }
        if op == "AveragePool":
            attrs["count_include_pad"] = 0
        y = g.node(op, [x], **attrs)
        return g.node("Transpose", [y], perm=[0, 2, 1]) if last else y

    return convert


register_converter("MaxPooling1D")(_pool1d("MaxPool"))
register_converter("AveragePooling1D")(_pool1d("AveragePool"))


def _global_pool1d(op: str) -> Any:
    def convert(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
        axis = 1 if layer.data_format == "channels_last" else 2
        return g.reduce(op, inputs[0], [axis], layer.keepdims)

    return convert


register_converter("GlobalAveragePooling1D")(_global_pool1d("ReduceMean"))
register_converter("GlobalMaxPooling1D")(_global_pool1d("ReduceMax"))


@register_converter("Permute")
def _permute(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("Transpose", inputs[:1], perm=[0, *layer.dims])


@register_converter("RepeatVector")
def _repeat(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    x3 = g.node("Unsqueeze", [inputs[0], g.ints([1], "axes")])  # (N, F) -> (N, 1, F)
    return g.node("Tile", [x3, g.ints([1, layer.n, 1], "repeats")])
