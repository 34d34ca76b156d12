"""Export mitbadak models to other runtimes: :func:`to_onnx` writes an ONNX file.

The ``onnx`` package is an optional extra (``pip install 'mitbadak[onnx]'``); the default opset
is :data:`DEFAULT_OPSET` (17). Each layer class has a converter in a registry
(:func:`register_converter`), so a new layer adds one function; see
:mod:`mitbadak.export.onnx_graph` for the contract and :mod:`mitbadak.export.onnx_layers` /
:mod:`mitbadak.export.onnx_recurrent` for the layer-by-layer mapping.

Example:
    >>> from mitbadak import Sequential, layers
    >>> from mitbadak.export import to_onnx
    >>> m = Sequential([layers.Dense(3, activation="relu")]); m.build((1, 4))
    >>> import os, tempfile; p = os.path.join(tempfile.mkdtemp(), "m.onnx")
    >>> proto = to_onnx(m, p)  # doctest: +SKIP
    >>> import onnxruntime as ort  # doctest: +SKIP
    >>> ort.InferenceSession(p).run(None, {"input": np.ones((2, 4), np.float32)})[0].shape  # doctest: +SKIP
    (2, 3)
"""

from .onnx_graph import (
    DEFAULT_OPSET,
    SUPPORTED_OPSETS,
    OnnxGraph,
    converters,
    register_converter,
    to_onnx,
)

__all__ = [
    "DEFAULT_OPSET",
    "SUPPORTED_OPSETS",
    "OnnxGraph",
    "converters",
    "register_converter",
    "to_onnx",
]
