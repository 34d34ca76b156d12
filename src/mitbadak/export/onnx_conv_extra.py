"""ONNX converters of the convolution variants of :mod:`mitbadak.layers.conv_extra`
(Conv1D, DepthwiseConv2D, Conv2DTranspose, UpSampling2D), registered by class name.

| mitbadak | ONNX |
|---|---|
| Conv1D | Conv (kernel (O, C / groups, k) as is, ``group=groups``) |
| DepthwiseConv2D | Conv (kernel (C * m, 1, kh, kw) as is, ``group=C``) |
| Conv2DTranspose | ConvTranspose (kernel (C, O, kh, kw) as is); Keras' output size as ``pads`` (the crop) and ``output_padding`` (extra rows) |
| UpSampling2D | Resize: ``nearest`` = repeat (asymmetric, floor), ``bilinear`` = linear with half-pixel centres |
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from ..ops.conv import resolve_padding, same_padding
from .onnx_graph import OnnxGraph, register_converter
from .onnx_layers import activation, from_nchw, onnx_pads, to_nchw


def _bias(g: OnnxGraph, layer: Any, args: list[str]) -> list[str]:
    if layer.bias is not None:
        args.append(g.const(layer.bias, f"{layer.name}/bias"))
    return args


def conv1d_pads(padding: Any, length: int, k: int, s: int, d: int, where: str) -> list[int]:
    """Conv1D's padding as ONNX's [begin, end].

    Example:
        >>> conv1d_pads("same", 10, 4, 1, 1, "c"), conv1d_pads(2, 10, 3, 1, 1, "c")
        ([1, 2], [2, 2])
    """
    if isinstance(padding, str):
        return [0, 0] if padding == "valid" else list(same_padding(length, k, s, d))
    if isinstance(padding, int):
        return [padding, padding]
    if isinstance(padding, (tuple, list)) and len(padding) == 1:
        return [int(padding[0])] * 2
    if isinstance(padding, (tuple, list)) and len(padding) == 2:
        return [int(padding[0]), int(padding[1])]
    raise ConfigError(key="error.onnx.conv1d_padding", name=where, padding=padding)


@register_converter("Conv1D")
def _conv1d(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    x, shape = inputs[0], shapes[0]
    last = layer.data_format == "channels_last"
    if last:
        x, shape = g.node("Transpose", [x], perm=[0, 2, 1]), (shape[0], shape[2], shape[1])
    pads = conv1d_pads(
        layer.padding, shape[2], layer.kernel_size, layer.strides, layer.dilation_rate, layer.name
    )
    y = g.node(
        "Conv",
        _bias(g, layer, [x, g.const(layer.kernel, f"{layer.name}/kernel")]),
        kernel_shape=[layer.kernel_size],
        strides=[layer.strides],
        dilations=[layer.dilation_rate],
        pads=pads,
        group=layer.groups,
    )
    y = activation(g, layer.activation, y, layer.name)
    return g.node("Transpose", [y], perm=[0, 2, 1]) if last else y


@register_converter("DepthwiseConv2D")
def _depthwise(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    x, shape = to_nchw(g, layer, inputs[0], shapes[0])
    pads = resolve_padding(
        layer.padding, shape[2:], layer.kernel_size, layer.strides, layer.dilation_rate, layer.name
    )
    y = g.node(
        "Conv",
        _bias(g, layer, [x, g.const(layer.kernel, f"{layer.name}/kernel")]),
        kernel_shape=list(layer.kernel_size),
        strides=list(layer.strides),
        dilations=list(layer.dilation_rate),
        pads=onnx_pads(*pads),
        group=int(shape[1]),
    )
    return from_nchw(g, layer, activation(g, layer.activation, y, layer.name))


@register_converter("Conv2DTranspose")
def _conv_transpose(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    from ..layers.conv_extra import transpose_crop

    x, shape = to_nchw(g, layer, inputs[0], shapes[0])
    ops = layer.output_padding or (None, None)
    crops = [
        transpose_crop(
            shape[2 + a],
            layer.kernel_size[a],
            layer.strides[a],
            layer.dilation_rate[a],
            layer.padding,
            None if layer.output_padding is None else ops[a],
        )
        for a in range(2)
    ]
    # A negative crop after is extra rows: ONNX's output_padding.
    pads = [crops[0][0], crops[1][0], max(crops[0][1], 0), max(crops[1][1], 0)]
    extra = [max(-crops[0][1], 0), max(-crops[1][1], 0)]
    y = g.node(
        "ConvTranspose",
        _bias(g, layer, [x, g.const(layer.kernel, f"{layer.name}/kernel")]),
        kernel_shape=list(layer.kernel_size),
        strides=list(layer.strides),
        dilations=list(layer.dilation_rate),
        pads=pads,
        output_padding=extra,
    )
    return from_nchw(g, layer, activation(g, layer.activation, y, layer.name))


@register_converter("UpSampling2D")
def _upsampling(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    x, _ = to_nchw(g, layer, inputs[0], shapes[0])
    scales = g.const([1.0, 1.0, float(layer.size[0]), float(layer.size[1])], "scales", "float32")
    if layer.interpolation == "nearest":
        attrs = {
            "mode": "nearest",
            "coordinate_transformation_mode": "asymmetric",
            "nearest_mode": "floor",
        }
    else:
        attrs = {"mode": "linear", "coordinate_transformation_mode": "half_pixel"}
    return from_nchw(g, layer, g.node("Resize", [x, "", scales], **attrs))
