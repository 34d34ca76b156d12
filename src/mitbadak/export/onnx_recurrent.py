"""ONNX converters of SimpleRNN, LSTM, GRU and Bidirectional (the ONNX RNN / LSTM / GRU ops).

mitbadak keeps Keras' layout: kernel (F, G*H), recurrent_kernel (H, G*H), gates side by side
along the last axis. ONNX wants W = (directions, G*H, F), R = (directions, G*H, H) (the
transposes, one gate block after the other) and B = (directions, 2*G*H) = [Wb, Rb]. Gate orders:

| layer | mitbadak / Keras | ONNX | blocks taken |
|---|---|---|---|
| SimpleRNN | - | - | - (``activations=[Tanh]`` or ``[Relu]``) |
| LSTM | i, f, c, o | i, o, f, c | 0, 3, 1, 2 |
| GRU | z, r, h | z, r, h | 0, 1, 2 (``linear_before_reset=1``: Keras' reset_after) |

Biases: SimpleRNN and LSTM have one bias, which becomes Wb (Rb = 0); the GRU's (2, 3H) bias is
row 0 = Wb (input) and row 1 = Rb (recurrent). Inputs are batch-first, so the value is
transposed to ONNX's (T, N, F) and the outputs back: ``return_sequences=False`` is Y_h
(the last state), ``True`` is Y. ``go_backwards`` is ``direction="reverse"`` (ONNX gives Y in
input-time order, Keras reverses it, so the sequence is flipped back). Bidirectional is
``direction="bidirectional"`` with the forward layer's weights then the backward layer's; its
merge modes concat / sum / ave / mul act on the direction axis. Not exported: ``return_state``
and masked input (``Embedding(mask_zero=True)``), which ONNX's ops have no exact form for.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ConfigError
from .onnx_graph import OnnxGraph, register_converter

_ONNX_OP = {"SimpleRNN": "RNN", "LSTM": "LSTM", "GRU": "GRU"}
_ORDER = {"SimpleRNN": [0], "LSTM": [0, 3, 1, 2], "GRU": [0, 1, 2]}


def onnx_weights(layer: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One direction's (W, R, B) in ONNX layout (see the module docstring) for a built layer.

    Example:
        >>> from mitbadak.layers import LSTM
        >>> lstm = LSTM(2); _ = lstm(np.zeros((1, 3, 5)))
        >>> [a.shape for a in onnx_weights(lstm)]
        [(8, 5), (8, 2), (16,)]
    """
    kind = type(layer).__name__
    h = layer.units
    idx = np.concatenate([np.arange(h) + k * h for k in _ORDER[kind]])
    w = layer.kernel.data[:, idx].T
    r = layer.recurrent_kernel.data[:, idx].T
    g = len(_ORDER[kind]) * h
    if layer.bias is None:
        b = np.zeros(2 * g, layer.dtype)
    elif layer.bias.data.ndim == 2:  # GRU: input bias, recurrent bias
        b = np.concatenate([layer.bias.data[0][idx], layer.bias.data[1][idx]])
    else:
        b = np.concatenate([layer.bias.data[idx], np.zeros(g, layer.dtype)])
    return w, r, b


def _base_kind(layer: Any) -> str:
    for cls in type(layer).__mro__:
        if cls.__name__ in _ONNX_OP:
            return cls.__name__
    raise ConfigError(key="error.onnx.not_recurrent", kind=type(layer).__name__)


def _check(g: OnnxGraph, layer: Any, where: Any, x: str) -> None:
    if layer.return_state:
        raise ConfigError(key="error.onnx.return_state", name=where.name)
    if x in g.masked:
        raise ConfigError(key="error.onnx.masked", name=where.name)


def _run(g: OnnxGraph, layers: list[Any], x: str, direction: str) -> tuple[str, str]:
    """Add the ONNX op for ``layers`` (1 or 2 directions); return (Y, Y_h) names."""
    first = layers[0]
    kind = _base_kind(first)
    ws, rs, bs = zip(*(onnx_weights(la) for la in layers))
    xt = g.node("Transpose", [x], perm=[1, 0, 2])  # (N, T, F) -> (T, N, F)
    attrs: dict[str, Any] = {"hidden_size": first.units, "direction": direction}
    if kind == "SimpleRNN":
        attrs["activations"] = [first.activation.capitalize()] * len(layers)
    if kind == "GRU":
        attrs["linear_before_reset"] = 1
    name = first.name
    inputs = [
        xt,
        g.const(np.stack(ws), f"{name}/W"),
        g.const(np.stack(rs), f"{name}/R"),
        g.const(np.stack(bs), f"{name}/B"),
    ]
    n_out = 3 if kind == "LSTM" else 2
    outs = g.node(_ONNX_OP[kind], inputs, n_outputs=n_out, **attrs)
    return outs[0], outs[1]


def _reverse_time(g: OnnxGraph, y: str) -> str:
    """Flip axis 0 (time) of a (T, ...) value."""
    big = np.iinfo(np.int64).max
    return g.node(
        "Slice",
        [
            y,
            g.ints([-1], "starts"),
            g.ints([-big], "ends"),
            g.ints([0], "axes"),
            g.ints([-1], "steps"),
        ],
    )


@register_converter("SimpleRNN", "LSTM", "GRU")
def _recurrent(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    _check(g, layer, layer, inputs[0])
    y, y_h = _run(g, [layer], inputs[0], "reverse" if layer.go_backwards else "forward")
    if not layer.return_sequences:
        return g.node("Squeeze", [y_h, g.ints([0], "axes")])  # (1, N, H) -> (N, H)
    seq = g.node("Squeeze", [y, g.ints([1], "axes")])  # (T, 1, N, H) -> (T, N, H)
    if layer.go_backwards:
        seq = _reverse_time(g, seq)  # Keras returns a go_backwards sequence reversed
    return g.node("Transpose", [seq], perm=[1, 0, 2])


@register_converter("Bidirectional")
def _bidirectional(g: OnnxGraph, layer: Any, inputs: list[str], shapes: list) -> str:
    fwd, bwd = layer.forward_layer, layer.backward_layer
    _check(g, fwd, layer, inputs[0])
    if fwd.go_backwards or type(fwd) is not type(bwd):
        raise ConfigError(key="error.onnx.bidirectional", name=layer.name)
    y, y_h = _run(g, [fwd, bwd], inputs[0], "bidirectional")
    if layer.return_sequences:
        both = g.node("Transpose", [y], perm=[2, 0, 1, 3])  # (T, 2, N, H) -> (N, T, 2, H)
        axis, flat = 2, [0, 0, -1]
    else:
        both = g.node("Transpose", [y_h], perm=[1, 0, 2])  # (2, N, H) -> (N, 2, H)
        axis, flat = 1, [0, -1]
    if layer.merge_mode == "concat":
        return g.node("Reshape", [both, g.ints(flat, "shape")])
    f = g.node("Gather", [both, g.const(np.asarray(0, np.int64), "dir", np.int64)], axis=axis)
    b = g.node("Gather", [both, g.const(np.asarray(1, np.int64), "dir", np.int64)], axis=axis)
    if layer.merge_mode == "sum":
        return g.node("Add", [f, b])
    if layer.merge_mode == "ave":
        return g.node("Mul", [g.node("Add", [f, b]), g.const(np.asarray(0.5), "half")])
    if layer.merge_mode == "mul":
        return g.node("Mul", [f, b])
    raise ConfigError(key="error.onnx.merge_mode", name=layer.name)
