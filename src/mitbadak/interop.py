"""Weights in and out: PyTorch state dicts and Keras weight files, with the layouts converted.

- :func:`from_torch` sets a mitbadak model from a PyTorch ``state_dict`` (a dict of tensors or
  arrays, a ``.safetensors`` file, or a ``.pt`` / ``.pth`` / ``.bin`` file, which is opened only
  with ``torch.load(weights_only=True)``: no pickled code runs).
- :func:`to_torch` gives the model's weights as NumPy arrays in PyTorch's layout.
- :func:`from_keras` reads a Keras 3 ``.weights.h5`` or ``.keras`` file (``h5py``, the
  ``keras-weights`` extra). Nothing in it is executed: only the arrays are read.

Matching is by layer order. The mitbadak model's layers that hold weights (Dense, Conv2D,
Conv1D, DepthwiseConv2D, Conv2DTranspose, BatchNormalization, LayerNormalization, Embedding,
SimpleRNN, LSTM, GRU, Bidirectional), in the model's order, are paired with the source's
modules that hold parameters, in order:

- PyTorch: the ``state_dict``'s keys grouped by module (the key up to its last dot), in the
  dict's order (``module.state_dict()`` lists modules in definition order). A multi-layer
  ``nn.LSTM(num_layers=k)`` counts as k layers. A safetensors file does not keep the order
  (writers sort the names), so its modules are taken in natural order of their names
  (``0, 1, 2, ..., 10``: right for ``nn.Sequential``); pass a dict to choose another.
- Keras: the file names each layer by its class (``dense``, ``dense_1``, ``conv2d``...,
  in model order within a class), so the k-th mitbadak Dense takes ``dense_k``, and so on.

Layouts (mitbadak keeps Keras' layouts, except Conv2D, which is channels-first like PyTorch):

| layer | mitbadak | PyTorch | Keras |
|---|---|---|---|
| Dense | kernel (in, out), bias | weight (out, in) = kernel^T, bias | kernel (in, out), bias |
| Conv2D | kernel (O, C, kh, kw) | weight (O, C, kh, kw), same | kernel (kh, kw, C, O) |
| Conv1D | kernel (O, C / groups, k) | weight, same | kernel (k, C / groups, O) |
| DepthwiseConv2D | kernel (C * m, 1, kh, kw) | ``Conv2d(groups=C)`` weight, same | kernel (kh, kw, C, m) |
| Conv2DTranspose | kernel (C, O, kh, kw) | ``ConvTranspose2d`` weight, same | kernel (kh, kw, O, C) |
| BatchNormalization | gamma, beta, moving_mean, moving_variance | weight, bias, running_mean, running_var (+ num_batches_tracked) | same order as mitbadak |
| LayerNormalization | gamma, beta | weight, bias | gamma, beta |
| Embedding | embeddings (V, D) | weight (V, D) | embeddings (V, D) |
| SimpleRNN / LSTM / GRU | Keras' | see :mod:`mitbadak.layers.recurrent` | same as mitbadak |

Hyper-parameters are not in weight files, so the mitbadak layers must be built with the
source's: PyTorch's BatchNorm / LayerNorm ``eps`` is 1e-5 (mitbadak's and Keras' default is
1e-3), PyTorch's BatchNorm momentum 0.1 is mitbadak's 0.9. The order in which Flatten reads an
image must match too: PyTorch flattens (C, H, W) like mitbadak's default channels-first
layers; Keras flattens (H, W, C), so a Keras conv net is rebuilt with
``data_format="channels_last"`` (and ``BatchNormalization(axis=-1)``).

Example:
    >>> from mitbadak import Sequential, layers
    >>> m = Sequential([layers.Dense(2, name="fc")]); m.build((1, 3))
    >>> sd = to_torch(m); {k: v.shape for k, v in sd.items()}
    {'fc.weight': (2, 3), 'fc.bias': (2,)}
    >>> from_torch(m, {"fc.weight": np.ones((2, 3)), "fc.bias": np.zeros(2)})
    >>> m.get_weights()[0].tolist()
    [[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]
"""

from __future__ import annotations

import io as _bytes_io
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ConfigError, FileFormatError, ShapeError
from .layers.recurrent import from_torch_weights, to_torch_weights
from .messages import Phrase

#: mitbadak layer classes with weights that :func:`from_torch` / :func:`from_keras` fill.
WEIGHTED_LAYERS = (
    "Dense",
    "Conv2D",
    "Conv1D",
    "DepthwiseConv2D",
    "Conv2DTranspose",
    "BatchNormalization",
    "LayerNormalization",
    "Embedding",
    "SimpleRNN",
    "LSTM",
    "GRU",
    "Bidirectional",
)
_RECURRENT = ("SimpleRNN", "LSTM", "GRU", "Bidirectional")
# Convolutions whose kernel mitbadak stores in PyTorch's layout (weight [, bias]).
_CONV = ("Conv2D", "Conv1D", "DepthwiseConv2D", "Conv2DTranspose")


def _kind(layer: Any) -> str | None:
    for cls in type(layer).__mro__:
        if cls.__name__ in WEIGHTED_LAYERS:
            return cls.__name__
    return None


def weighted_layers(model: Any) -> list[Any]:
    """The layers of ``model`` that hold weights, in model order (the units :func:`from_torch`
    and :func:`from_keras` match); raises ConfigError for a layer with weights of an unknown
    kind.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Dense(2), layers.Flatten(), layers.Dense(1)]); m.build((1, 3))
        >>> [la.name for la in weighted_layers(m)] == [m[0].name, m[2].name]
        True
    """
    if not getattr(model, "built", False):
        raise ShapeError(key="error.interop.not_built")
    out: list[Any] = []

    def walk(layer: Any) -> None:
        if _kind(layer) is not None:
            out.append(layer)
            return
        subs = layer.sublayers()
        own = len(layer.weights) - sum(len(s.weights) for s in subs)
        if own:
            raise ConfigError(
                key="error.interop.unmatched_weights", layer=layer.name,
                type=type(layer).__name__, supported=", ".join(WEIGHTED_LAYERS),
            )  # fmt: skip
        for s in subs:
            walk(s)

    walk(model)
    return out


def _np(v: Any) -> np.ndarray:
    if hasattr(v, "detach"):  # a torch tensor, without importing torch
        v = v.detach().cpu()
        if str(v.dtype) == "torch.bfloat16":
            v = v.float()
        v = v.numpy()
    return np.asarray(v)


# ------------------------------------------------------------------------------- PyTorch
def _natural(key: str) -> list[Any]:
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.]", key)]


def _read_torch(source: Any) -> tuple[dict[str, np.ndarray], bool]:
    """(state dict as arrays, whether its order is reliable)."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise FileFormatError(key="error.io.no_such_file", path=path)
        if path.suffix.lower() == ".safetensors":
            from .safetensors import load_file

            return load_file(path), False
        try:
            import torch
        except ImportError:
            raise ConfigError(key="error.interop.torch_needed", file=path.name) from None
        try:
            obj = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as e:  # unpickling refused, corrupt zip...: all mean a bad file
            raise FileFormatError(
                key="error.interop.not_torch_file", path=path, error=str(e)
            ) from None
        source = obj
    if isinstance(source, dict):
        for k in ("state_dict", "model_state_dict", "model"):
            if isinstance(source.get(k), dict):  # a training checkpoint: take the weights
                source = source[k]
                break
    if not isinstance(source, dict) or not all(isinstance(k, str) for k in source):
        raise ConfigError(key="error.interop.not_state_dict", type=type(source).__name__)
    return {k: _np(v) for k, v in source.items()}, True


def _torch_groups(sd: dict[str, np.ndarray], ordered: bool) -> list[tuple[str, dict]]:
    """Parameters grouped by module: [(module path, {param name: array})], in module order.
    A multi-layer RNN's layers ``_l0, _l1...`` become separate groups with ``_l0`` keys."""
    groups: dict[str, dict[str, np.ndarray]] = {}
    for key, v in sd.items():
        prefix, _, param = key.rpartition(".")
        if param == "num_batches_tracked":
            continue
        m = re.fullmatch(r"((?:weight|bias)_(?:ih|hh))_l(\d+)(_reverse)?", param)
        if m:
            prefix = f"{prefix}[l{m.group(2)}]" if m.group(2) != "0" else prefix
            param = f"{m.group(1)}_l0{m.group(3) or ''}"
        groups.setdefault(prefix, {})[param] = v
    items = list(groups.items())
    if not ordered:
        items.sort(key=lambda kv: _natural(kv[0]))
    return items


def _need(params: dict, names: tuple[str, ...], where: Any) -> list[np.ndarray]:
    missing = [n for n in names if n not in params]
    if missing:
        raise ConfigError(
            key="error.interop.missing_params", where=where, missing=", ".join(missing),
            has=", ".join(params),
        )  # fmt: skip
    return [params[n] for n in names]


def _torch_to_layer(layer: Any, params: dict[str, np.ndarray], where: Any) -> list[np.ndarray]:
    """The mitbadak weight list of ``layer`` from one torch module's parameters."""
    kind = _kind(layer)
    if kind == "Dense":
        (w,) = _need(params, ("weight",), where)
        out = [w.T]
        if layer.bias is not None:
            out += _need(params, ("bias",), where)
        return out
    if kind in _CONV or kind == "Embedding":
        out = _need(params, ("weight",), where)
        if kind in _CONV and layer.bias is not None:
            out += _need(params, ("bias",), where)
        return out
    if kind == "BatchNormalization":
        out = []
        if layer.gamma is not None:
            out += _need(params, ("weight",), where)
        if layer.beta is not None:
            out += _need(params, ("bias",), where)
        return out + _need(params, ("running_mean", "running_var"), where)
    if kind == "LayerNormalization":
        out = []
        if layer.gamma is not None:
            out += _need(params, ("weight",), where)
        if layer.beta is not None:
            out += _need(params, ("bias",), where)
        return out
    raise ConfigError(key="error.interop.no_conversion", where=where, kind=kind)  # pragma: no cover


def from_torch(model: Any, state_dict_or_path: Any) -> None:
    """Set a built model's weights from a PyTorch ``state_dict`` (see the module docstring for
    the matching by order and the layouts).

    ``state_dict_or_path``: a dict of torch tensors / NumPy arrays (``module.state_dict()``,
    or a checkpoint dict holding one under ``"state_dict"`` / ``"model_state_dict"``), a
    ``.safetensors`` file, or a ``.pt`` / ``.pth`` / ``.bin`` file (read with
    ``torch.load(weights_only=True)``; needs PyTorch). Checks the number of layers and every
    shape before changing anything: ConfigError / ShapeError naming the layer and the module.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Dense(1, use_bias=False)]); m.build((1, 2))
        >>> from_torch(m, {"0.weight": np.array([[3.0, 4.0]])}); m.get_weights()[0].ravel().tolist()
        [3.0, 4.0]
    """
    sd, ordered = _read_torch(state_dict_or_path)
    groups = _torch_groups(sd, ordered)
    targets = weighted_layers(model)
    if len(groups) != len(targets):
        raise ConfigError(
            key="error.interop.module_count", n_groups=len(groups),
            groups=", ".join(g or "<root>" for g, _ in groups), n_layers=len(targets),
            layers=", ".join(la.name for la in targets),
        )  # fmt: skip
    plan: list[tuple[Any, Any]] = []
    for layer, (prefix, params) in zip(targets, groups):
        where = Phrase("error.interop.torch_where", layer=layer.name, module=prefix or "<root>")
        if _kind(layer) in _RECURRENT:
            plan.append((layer, params))
            continue
        values = _torch_to_layer(layer, params, where)
        _check_shapes(layer, values, where)
        plan.append((layer, values))
    for layer, values in plan:  # everything checked: now change the model
        if isinstance(values, dict):
            try:
                from_torch_weights(layer, values)
            except (ConfigError, ShapeError) as e:
                error = Phrase(e.key, **e.values) if e.key else str(e)  # in the same language
                raise type(e)(
                    key="error.interop.torch_layer", layer=layer.name, error=error
                ) from None
        else:
            layer.set_weights(values)


def _check_shapes(layer: Any, values: list[np.ndarray], where: Any) -> None:
    want = [tuple(w.shape) for w in layer.weights]
    got = [tuple(np.shape(v)) for v in values]
    if want != got:
        raise ShapeError(key="error.interop.shapes", where=where, want=want, got=got)


def to_torch(model: Any) -> dict[str, np.ndarray]:
    """The model's weights in PyTorch's layout, keyed ``"<layer name>.<torch parameter>"``
    in model order (BatchNormalization also gets ``num_batches_tracked``), so
    ``dict(zip(torch_model.state_dict(), to_torch(model).values()))`` is a state dict for
    the same network written in PyTorch.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Conv2D(4, 3, name="c"), layers.BatchNormalization(name="bn")])
        >>> m.build((1, 2, 5, 5)); list(to_torch(m))
        ['c.weight', 'c.bias', 'bn.weight', 'bn.bias', 'bn.running_mean', 'bn.running_var', 'bn.num_batches_tracked']
    """
    out: dict[str, np.ndarray] = {}
    for layer in weighted_layers(model):
        kind, n = _kind(layer), layer.name
        if kind in _RECURRENT:
            out.update({f"{n}.{k}": v for k, v in to_torch_weights(layer).items()})
            continue
        if kind == "Dense":
            out[f"{n}.weight"] = np.ascontiguousarray(layer.kernel.data.T)
            if layer.bias is not None:
                out[f"{n}.bias"] = layer.bias.data.copy()
        elif kind in _CONV:
            out[f"{n}.weight"] = layer.kernel.data.copy()
            if layer.bias is not None:
                out[f"{n}.bias"] = layer.bias.data.copy()
        elif kind == "Embedding":
            out[f"{n}.weight"] = layer.embeddings.data.copy()
        else:  # BatchNormalization, LayerNormalization
            if layer.gamma is not None:
                out[f"{n}.weight"] = layer.gamma.data.copy()
            if layer.beta is not None:
                out[f"{n}.bias"] = layer.beta.data.copy()
            if kind == "BatchNormalization":
                out[f"{n}.running_mean"] = layer.moving_mean.data.copy()
                out[f"{n}.running_var"] = layer.moving_variance.data.copy()
                out[f"{n}.num_batches_tracked"] = np.array(0, np.int64)
    return out


# --------------------------------------------------------------------------------- Keras
def keras_name(class_name: str) -> str:
    """Keras' snake-case name of a layer class, as its weight files use it.

    Example:
        >>> keras_name("Conv2D"), keras_name("SimpleRNN"), keras_name("BatchNormalization")
        ('conv2d', 'simple_rnn', 'batch_normalization')
    """
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", s).lower()


def _keras_vars(group: Any) -> list[np.ndarray]:
    """A Keras layer group's variables: its own ``vars/0, 1, ...``, then its cell's, then the
    forward and backward layers' (Bidirectional)."""
    out = []
    if "vars" in group:
        out += [np.asarray(group["vars"][str(i)]) for i in range(len(group["vars"]))]
    for sub in ("cell", "forward_layer", "backward_layer"):
        if sub in group:
            out += _keras_vars(group[sub])
    return out


def _keras_to_layer(layer: Any, arrays: list[np.ndarray]) -> list[np.ndarray]:
    kind = _kind(layer)
    if not arrays or kind not in _CONV:
        return arrays
    k = arrays[0]
    if kind == "Conv1D":  # (k, C, O) -> (O, C, k)
        k = np.transpose(k, (2, 1, 0))
    elif kind == "DepthwiseConv2D":  # (kh, kw, C, m) -> (C * m, 1, kh, kw)
        kh, kw, c, m = k.shape
        k = np.transpose(k, (2, 3, 0, 1)).reshape(c * m, 1, kh, kw)
    else:  # Conv2D (kh, kw, C, O) -> (O, C, kh, kw); Conv2DTranspose (kh, kw, O, C) -> (C, O, ..)
        k = np.transpose(k, (3, 2, 0, 1))
    return [k, *arrays[1:]]


def _open_keras(path: Path) -> Any:
    try:
        import h5py
    except ImportError:
        raise ConfigError(key="error.interop.h5py_needed") from None
    name = path.name.lower()
    try:
        if name.endswith(".keras"):
            if not zipfile.is_zipfile(path):
                raise FileFormatError(key="error.interop.not_zip", path=path)
            with zipfile.ZipFile(path) as z:
                if "model.weights.h5" not in z.namelist():
                    raise FileFormatError(key="error.interop.no_weights_h5", path=path)
                data = z.read("model.weights.h5")
            return h5py.File(_bytes_io.BytesIO(data), "r")
        return h5py.File(path, "r")
    except FileFormatError:
        raise
    except (OSError, zipfile.BadZipFile) as e:
        raise FileFormatError(
            key="error.interop.not_keras_readable", path=path, error=str(e)
        ) from None


def from_keras(model: Any, path: str | os.PathLike[str]) -> None:
    """Set a built model's weights from a Keras 3 ``.weights.h5`` (``model.save_weights``) or
    ``.keras`` (``model.save``) file; needs ``h5py``. The k-th mitbadak layer of a class takes
    the k-th Keras layer of that class (see the module docstring for the layouts). Every shape
    is checked before anything changes.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Dense(4)]); m.build((1, 3))
        >>> from_keras(m, "model.weights.h5")  # doctest: +SKIP
    """
    path = Path(path)
    if not path.is_file():
        raise FileFormatError(key="error.io.no_such_file", path=path)
    targets = weighted_layers(model)
    with _open_keras(path) as f:
        if "layers" not in f:
            raise FileFormatError(key="error.interop.no_layers_group", path=path)
        keras_layers = f["layers"]
        counts: dict[str, int] = {}
        plan = []
        for layer in targets:
            base = keras_name(_kind(layer) or type(layer).__name__)
            k = counts.get(base, 0)
            counts[base] = k + 1
            key = base if k == 0 else f"{base}_{k}"
            where = Phrase(
                "error.interop.keras_where", layer=layer.name, keras_layer=key, file=path.name
            )
            if key not in keras_layers:
                have = sorted(n for n in keras_layers if len(_keras_vars(keras_layers[n])))
                raise ConfigError(
                    key="error.interop.not_in_file", where=where, have=", ".join(have)
                )
            values = _keras_to_layer(layer, _keras_vars(keras_layers[key]))
            _check_shapes(layer, values, where)
            plan.append((layer, values))
        unused = [
            n
            for n in keras_layers
            if len(_keras_vars(keras_layers[n])) and n not in set(_used_names(counts))
        ]
        if unused:
            raise ConfigError(
                key="error.interop.unused_layers", file=path.name, unused=", ".join(sorted(unused))
            )
    for layer, values in plan:
        layer.set_weights(values)


def _used_names(counts: dict[str, int]) -> Iterator[str]:
    for base, n in counts.items():
        for k in range(n):
            yield base if k == 0 else f"{base}_{k}"


__all__ = [
    "WEIGHTED_LAYERS",
    "from_keras",
    "from_torch",
    "keras_name",
    "to_torch",
    "weighted_layers",
]
