"""ONNX converters of the feed-forward layers and of every activation in
:mod:`mitbadak.activations`.

| mitbadak | ONNX |
|---|---|
| Dense | MatMul (kernel (in, out) as is) + Add, then the activation |
| Conv2D | Conv (kernel (O, C, kh, kw) as is; ``"same"`` resolved to explicit pads) |
| MaxPooling2D / AveragePooling2D | MaxPool / AveragePool (``count_include_pad=0``: Keras' "same") |
| GlobalAverage/MaxPooling2D | ReduceMean / ReduceMax over H, W |
| BatchNormalization | BatchNormalization (axis 1) or Mul + Add of the folded scale and shift |
| LayerNormalization | LayerNormalization (trailing axes) |
| Dropout | Identity (inference) |
| Flatten / Reshape / ZeroPadding2D | Flatten(axis=1) / Reshape([0, *target]) / Pad |
| TimeDistributed(layer) | Reshape to (N*T, ...), the layer, Reshape back (T fixed) |
| Embedding | Gather(table, ids) |
| Activation, activation= | Relu, Sigmoid, Tanh, Elu, Selu, LeakyRelu(0.01), Softplus, Softmax,
  LogSoftmax (last axis); step = Cast(Greater(x, 0)); gelu = x (1 + Erf(x / sqrt 2)) / 2;
  gelu_tanh and silu from their formulas |

``channels_last`` layers are wrapped in Transposes to (N, C, H, W) and back.

Merge layers of the functional API (``Add``, ``Subtract``, ``Multiply``, ``Average``,
``Maximum``, ``Minimum``, ``Concatenate(axis)``) are registered here by class name; they bind to
the classes of that name when those exist (see :func:`register_converter`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .. import activations
from ..errors import ConfigError
from ..ops.conv import resolve_padding
from .onnx_graph import OnnxGraph, register_converter


# ------------------------------------------------------------------------------ activations
def _scalar(g: OnnxGraph, v: float, hint: str = "c") -> str:
    return g.const(np.asarray(v), hint)


def _gelu(g: OnnxGraph, x: str) -> str:
    e = g.node("Erf", [g.node("Mul", [x, _scalar(g, 1.0 / math.sqrt(2.0))])])
    return g.node("Mul", [g.node("Mul", [x, _scalar(g, 0.5)]), g.node("Add", [e, _scalar(g, 1.0)])])


def _gelu_tanh(g: OnnxGraph, x: str) -> str:
    cube = g.node("Mul", [g.node("Mul", [x, x]), x])
    inner = g.node("Add", [x, g.node("Mul", [cube, _scalar(g, 0.044715)])])
    t = g.node("Tanh", [g.node("Mul", [inner, _scalar(g, math.sqrt(2.0 / math.pi))])])
    return g.node("Mul", [g.node("Mul", [x, _scalar(g, 0.5)]), g.node("Add", [t, _scalar(g, 1.0)])])


def _step(g: OnnxGraph, x: str) -> str:
    elem = g.onnx.helper.np_dtype_to_tensor_dtype(g.dtype)
    return g.node("Cast", [g.node("Greater", [x, _scalar(g, 0.0)])], to=elem)


_ACTIVATIONS: dict[str, Any] = {
    "linear": lambda g, x: x,
    "step": _step,
    "sigmoid": lambda g, x: g.node("Sigmoid", [x]),
    "tanh": lambda g, x: g.node("Tanh", [x]),
    "relu": lambda g, x: g.node("Relu", [x]),
    "leaky_relu": lambda g, x: g.node("LeakyRelu", [x], alpha=0.01),
    "elu": lambda g, x: g.node("Elu", [x], alpha=1.0),
    "selu": lambda g, x: g.node("Selu", [x], alpha=1.6732632423543772, gamma=1.0507009873554805),
    "gelu": _gelu,
    "gelu_tanh": _gelu_tanh,
    "silu": lambda g, x: g.node("Mul", [x, g.node("Sigmoid", [x])]),
    "swish": lambda g, x: g.node("Mul", [x, g.node("Sigmoid", [x])]),
    "softplus": lambda g, x: g.node("Softplus", [x]),
    "softmax": lambda g, x: g.node("Softmax", [x], axis=-1),
    "log_softmax": lambda g, x: g.node("LogSoftmax", [x], axis=-1),
}


def activation(g: OnnxGraph, fn: Any, x: str, where: str) -> str:
    """Apply the mitbadak activation function ``fn`` (a registered one) to value ``x``.

    Example:
        >>> g = OnnxGraph(np.float32, 17)
        >>> activation(g, activations.get("relu"), "x", "dense"), g.nodes[0].op_type
        ('relu_0', 'Relu')
    """
    try:
        name = activations.name_of(fn)
    except ConfigError:
        raise ConfigError(
            key="error.onnx.unregistered_activation", name=where, fn=fn,
            names=", ".join(sorted(_ACTIVATIONS)),
        ) from None  # fmt: skip
    build = _ACTIVATIONS.get(name)
    if build is None:
        raise ConfigError(key="error.onnx.activation", name=where, activation=name)
    return build(g, x)


# ------------------------------------------------------------------------------- models
@register_converter("Sequential")
def _sequential(g: OnnxGraph, model: Any, inputs: list[str], shapes: list) -> str:
    x, shape = inputs[0], shapes[0]
    for layer in model.layers:
        x, shape = g.convert(layer, [x], [shape])
    return x


# ------------------------------------------------------------------------------- layers
@register_converter("Dense")
def _dense(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    y = g.node("MatMul", [inputs[0], g.const(layer.kernel, f"{layer.name}/kernel")])
    if layer.bias is not None:
        y = g.node("Add", [y, g.const(layer.bias, f"{layer.name}/bias")])
    return activation(g, layer.activation, y, layer.name)


@register_converter("Activation")
def _activation(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return activation(g, layer.activation, inputs[0], layer.name)


@register_converter("Dropout")
def _dropout(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("Identity", inputs[:1])  # inference: no dropout


@register_converter("Flatten")
def _flatten(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("Flatten", inputs[:1], axis=1)


@register_converter("Reshape")
def _reshape(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("Reshape", [inputs[0], g.ints([0, *layer.target_shape], "shape")])


def to_nchw(g: OnnxGraph, layer: Any, x: str, shape: tuple[int, ...]) -> tuple[str, tuple]:
    """Transpose a channels-last 4-D value to (N, C, H, W) (and its shape)."""
    if getattr(layer, "data_format", "channels_first") == "channels_first":
        return x, shape
    n, h, w, c = shape
    return g.node("Transpose", [x], perm=[0, 3, 1, 2]), (n, c, h, w)


def from_nchw(g: OnnxGraph, layer: Any, x: str) -> str:
    """Undo :func:`to_nchw`."""
    if getattr(layer, "data_format", "channels_first") == "channels_first":
        return x
    return g.node("Transpose", [x], perm=[0, 2, 3, 1])


def onnx_pads(t: int, b: int, left: int, r: int) -> list[int]:
    """mitbadak's (top, bottom, left, right) as ONNX's [h_begin, w_begin, h_end, w_end]."""
    return [t, left, b, r]


@register_converter("Conv2D")
def _conv2d(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    x, shape = to_nchw(g, layer, inputs[0], shapes[0])
    pads = resolve_padding(
        layer.padding, shape[2:], layer.kernel_size, layer.strides, layer.dilation_rate, "Conv2D"
    )
    args = [x, g.const(layer.kernel, f"{layer.name}/kernel")]
    if layer.bias is not None:
        args.append(g.const(layer.bias, f"{layer.name}/bias"))
    y = g.node(
        "Conv",
        args,
        kernel_shape=list(layer.kernel_size),
        strides=list(layer.strides),
        dilations=list(layer.dilation_rate),
        pads=onnx_pads(*pads),
    )
    return from_nchw(g, layer, activation(g, layer.activation, y, layer.name))


@register_converter("ZeroPadding2D")
def _zero_padding(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    t, b, left, r = resolve_padding(layer.padding, (1, 1), (1, 1), (1, 1), (1, 1), layer.name)
    if layer.data_format == "channels_first":
        pads = [0, 0, t, left, 0, 0, b, r]
    else:
        pads = [0, t, left, 0, 0, b, r, 0]
    return g.node("Pad", [inputs[0], g.ints(pads, "pads")], mode="constant")


def _pool(op: str) -> Any:
    def convert(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
        x, shape = to_nchw(g, layer, inputs[0], shapes[0])
        pads = resolve_padding(
            layer.padding, shape[2:], layer.pool_size, layer.strides, (1, 1), layer.name
        )
        attrs: dict[str, Any] = {
            "kernel_shape": list(layer.pool_size),
            "strides": list(layer.strides),
            "pads": onnx_pads(*pads),
        }
        if op == "AveragePool":
            attrs["count_include_pad"] = 0  # Keras' "same": padded positions are not counted
        return from_nchw(g, layer, g.node(op, [x], **attrs))

    return convert


register_converter("MaxPooling2D")(_pool("MaxPool"))
register_converter("AveragePooling2D")(_pool("AveragePool"))


def _global_pool(op: str) -> Any:
    def convert(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
        axes = [2, 3] if layer.data_format == "channels_first" else [1, 2]
        return g.reduce(op, inputs[0], axes, layer.keepdims)

    return convert


register_converter("GlobalAveragePooling2D")(_global_pool("ReduceMean"))
register_converter("GlobalMaxPooling2D")(_global_pool("ReduceMax"))


@register_converter("BatchNormalization")
def _batch_norm(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    c = layer.moving_mean.shape[0]
    gamma = layer.gamma.data if layer.gamma is not None else np.ones(c, layer.dtype)
    beta = layer.beta.data if layer.beta is not None else np.zeros(c, layer.dtype)
    mean, var = layer.moving_mean.data, layer.moving_variance.data
    rank = len(shapes[0])
    axis = layer.axis % rank
    if axis == 1:
        return g.node(
            "BatchNormalization",
            [
                inputs[0],
                g.const(gamma, f"{layer.name}/gamma"),
                g.const(beta, f"{layer.name}/beta"),
                g.const(mean, f"{layer.name}/moving_mean"),
                g.const(var, f"{layer.name}/moving_variance"),
            ],
            epsilon=layer.epsilon,
        )
    # Another channel axis: fold into y = x * a + b, a and b shaped to broadcast along it.
    a = gamma.astype(np.float64) / np.sqrt(var.astype(np.float64) + layer.epsilon)
    b = beta - mean * a
    bshape = (c,) + (1,) * (rank - 1 - axis)
    y = g.node("Mul", [inputs[0], g.const(a.reshape(bshape), f"{layer.name}/scale")])
    return g.node("Add", [y, g.const(b.reshape(bshape), f"{layer.name}/shift")])


@register_converter("LayerNormalization")
def _layer_norm(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    rank = len(shapes[0])
    axes = sorted(
        {a % rank for a in ((layer.axis,) if isinstance(layer.axis, int) else layer.axis)}
    )
    if axes != list(range(axes[0], rank)):
        raise ConfigError(key="error.onnx.layer_norm_axes", name=layer.name, axes=layer.axis)
    shape = tuple(shapes[0][a] for a in axes)
    gamma = layer.gamma.data if layer.gamma is not None else np.ones(shape, layer.dtype)
    beta = layer.beta.data if layer.beta is not None else np.zeros(shape, layer.dtype)
    return g.node(
        "LayerNormalization",
        [inputs[0], g.const(gamma, f"{layer.name}/gamma"), g.const(beta, f"{layer.name}/beta")],
        axis=axes[0],
        epsilon=layer.epsilon,
    )


@register_converter("Embedding")
def _embedding(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    ids = g.node("Cast", inputs[:1], to=g.onnx.TensorProto.INT64)
    y = g.node("Gather", [g.const(layer.embeddings, f"{layer.name}/embeddings"), ids], axis=0)
    if layer.mask_zero:
        g.masked.add(y)  # a recurrent converter refuses masked input (see onnx_recurrent)
    return y


@register_converter("TimeDistributed")
def _time_distributed(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    # (N, T, ...) -> (N*T, ...) -> the inner layer -> (N, T, ...), as the layer computes it.
    shape = shapes[0]
    folded = g.node("Reshape", [inputs[0], g.ints([-1, *shape[2:]], "shape")])
    y, out_shape = g.convert(layer.layer, [folded], [(shape[1], *shape[2:])])
    return g.node("Reshape", [y, g.ints([-1, shape[1], *out_shape[1:]], "shape")])


# ----------------------------------------------------- merge layers of the functional API
def _merge(op: str, scale: float | None = None) -> Any:
    def convert(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
        y = inputs[0]
        for other in inputs[1:]:
            y = g.node(op, [y, other])
        if scale is not None:
            y = g.node("Mul", [y, _scalar(g, 1.0 / len(inputs))])
        return y

    return convert


register_converter("Add")(_merge("Add"))
register_converter("Subtract")(_merge("Sub"))
register_converter("Multiply")(_merge("Mul"))
register_converter("Maximum")(_merge("Max"))
register_converter("Minimum")(_merge("Min"))
register_converter("Average")(_merge("Add", scale=1.0))


@register_converter("Concatenate")
def _concatenate(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    return g.node("Concat", inputs, axis=int(getattr(layer, "axis", -1)))
