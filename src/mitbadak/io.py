"""Saving and loading models: one ``.npz`` file, architecture as JSON, weights as arrays.

Loading never unpickles and never evaluates anything from the file: ``np.load`` runs with
``allow_pickle=False``, the JSON names only registered layer classes, and every array is checked
against the shape the rebuilt model expects. Writes go to a temporary file in the same folder
that is then renamed over the target, so a crash mid-save leaves the old file intact.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ConfigError, FileFormatError, MitbadakError, ShapeError
from .layers.base import Layer, layer_from_config, layer_to_config

FORMAT = "mitbadak-model"
FORMAT_VERSION = 1
_HEADER = "__mitbadak__"


def atomic_write(path: str | os.PathLike[str], write: Any) -> None:
    """Call ``write(fileobj)`` on a temporary file beside ``path``, then rename it over ``path``.

    The rename is atomic on POSIX and Windows, so readers see the old file or the new one,
    never half of one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_arrays(
    path: str | os.PathLike[str], header: dict[str, Any], arrays: dict[str, Any]
) -> None:
    """Atomically write a JSON header and named arrays as one ``.npz`` file."""
    payload = {_HEADER: np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)}
    for k, v in arrays.items():
        arr = np.asarray(v)
        if arr.dtype == object:
            raise ConfigError(f"save: array {k!r} has dtype object, which cannot be saved safely")
        payload[k] = arr
    atomic_write(path, lambda f: np.savez(f, **payload))


def load_arrays(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Read a file written by :func:`save_arrays`; raise FileFormatError if it is not one."""
    path = Path(path)
    if not path.is_file():
        raise FileFormatError(f"{path}: no such file")
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError, KeyError) as e:
        raise FileFormatError(f"{path}: not a readable mitbadak file ({e})") from None
    if _HEADER not in arrays:
        raise FileFormatError(f"{path}: no mitbadak header; not a file saved by mitbadak")
    try:
        header = json.loads(arrays.pop(_HEADER).tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FileFormatError(f"{path}: corrupt header ({e})") from None
    if not isinstance(header, dict):
        raise FileFormatError(f"{path}: corrupt header (not a JSON object)")
    return header, arrays


def save_model(
    model: Layer, path: str | os.PathLike[str], extra: dict[str, Any] | None = None
) -> None:
    """Save the architecture and weights of a built model to ``path`` (atomically).

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Dense(3)]); _ = m(np.zeros((1, 4)))
        >>> import tempfile, os; p = os.path.join(tempfile.mkdtemp(), "m.npz")
        >>> save_model(m, p); [w.shape for w in load_model(p).weights]
        [(4, 3), (3,)]
    """
    if not model.built or model.input_shape is None:
        raise ShapeError("save_model: the model is not built yet; call it on a batch first")
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "model": layer_to_config(model),
        "input_shape": list(model.input_shape[1:]),
        "dtype": str(model.dtype),
        "extra": extra or {},
    }
    arrays = {f"weight_{i}": w.data for i, w in enumerate(model.weights)}
    save_arrays(path, header, arrays)


def load_model(path: str | os.PathLike[str]) -> Any:
    """Load a model saved by :func:`save_model` / ``model.save``.

    Raises :class:`FileFormatError` for missing, corrupt, truncated, foreign or newer files.
    """
    header, arrays = load_arrays(path)
    if header.get("format") != FORMAT:
        raise FileFormatError(
            f"{path}: not a mitbadak model file (format {header.get('format')!r})"
        )
    version = header.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise FileFormatError(
            f"{path}: format version {version!r} is newer than this mitbadak reads "
            f"({FORMAT_VERSION}); upgrade mitbadak"
        )
    try:
        model = layer_from_config(header["model"])
        shape = tuple(int(s) for s in header["input_shape"])
        model.build((1,) + shape)
        weights = [arrays[f"weight_{i}"] for i in range(len(model.weights))]
        if len(arrays) != len(weights):
            raise FileFormatError(
                f"{path}: holds {len(arrays)} arrays, the model has {len(weights)}"
            )
        model.set_weights(weights)
    except FileFormatError:
        raise
    except (MitbadakError, KeyError, TypeError, ValueError) as e:
        raise FileFormatError(f"{path}: invalid model description ({e})") from None
    model.eval()
    return model
