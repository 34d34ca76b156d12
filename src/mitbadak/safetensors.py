"""Hugging Face's safetensors format, read and written with NumPy alone (no dependency).

A ``.safetensors`` file is::

    8 bytes        N, the header's length, unsigned 64-bit little-endian
    N bytes        a JSON object (UTF-8), padded with spaces so the data starts 8-byte aligned:
                   {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]},
                    ..., "__metadata__": {"key": "string value", ...}}
    the rest       the byte buffer: each tensor's raw little-endian, C-order bytes at
                   [begin, end) of it, the tensors back to back with no gap and no overlap

Nothing in a file is executed: the header is plain JSON, the data plain numbers. Reading is
bounded: the header length is capped (:data:`MAX_HEADER_SIZE`), and every tensor's dtype, shape
and offsets are checked against each other and against the file's size *before* anything is
allocated, so a corrupt or hostile file raises :class:`~mitbadak.errors.FileFormatError` (naming
the file) instead of allocating gigabytes. Writes are atomic (:func:`mitbadak.io.atomic_write`).

mitbadak models use it through the ordinary calls: ``model.save("m.safetensors")``,
``model.save_weights("w.safetensors")``, ``model.load_weights(...)`` and
``mitbadak.load_model("m.safetensors")`` pick this format by the file's suffix; the model's
description (the same JSON header the ``.npz`` format holds: architecture, input shape, compile
config) is the ``__metadata__`` entry ``"mitbadak"`` (see :func:`save_header_arrays`).

Example:
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "t.safetensors")
    >>> save_file({"w": np.arange(6, dtype=np.float32).reshape(2, 3)}, p, {"note": "hi"})
    >>> load_file(p)["w"].tolist(), load_metadata(p)
    ([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], {'note': 'hi'})
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ConfigError, FileFormatError
from .messages import Phrase
from .tensor import Tensor

#: Largest header accepted, in bytes (the reference implementation's limit, 100 MB).
MAX_HEADER_SIZE = 100_000_000

#: safetensors dtype names and the NumPy dtypes (little-endian) they map to.
DTYPES: dict[str, np.dtype] = {
    "BOOL": np.dtype("?"),
    "U8": np.dtype("u1"),
    "I8": np.dtype("i1"),
    "U16": np.dtype("<u2"),
    "I16": np.dtype("<i2"),
    "F16": np.dtype("<f2"),
    "U32": np.dtype("<u4"),
    "I32": np.dtype("<i4"),
    "F32": np.dtype("<f4"),
    "U64": np.dtype("<u8"),
    "I64": np.dtype("<i8"),
    "F64": np.dtype("<f8"),
}
_BF16 = "BF16"  # read as float32 (the top 16 bits of a float32); NumPy has no bfloat16
_NAMES = {(dt.kind, dt.itemsize): name for name, dt in DTYPES.items()}
_META = "__metadata__"
_MODEL_KEY = "mitbadak"  # __metadata__ entry holding a mitbadak header (JSON string)


def _dtype_name(arr: np.ndarray, key: str) -> str:
    name = _NAMES.get((arr.dtype.kind, arr.dtype.itemsize))
    if name is None:
        raise ConfigError(
            key="error.safetensors.dtype", name=key, dtype=arr.dtype, choices=", ".join(DTYPES)
        )
    return name


def _encode(tensors: dict[str, Any], metadata: dict[str, str] | None) -> tuple[bytes, list]:
    """The padded header bytes and the list of C-contiguous little-endian arrays to follow."""
    if not isinstance(tensors, dict):
        raise ConfigError(key="error.safetensors.tensors_dict", kind=type(tensors))
    header: dict[str, Any] = {}
    if metadata is not None:
        if not isinstance(metadata, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()
        ):
            raise ConfigError(key="error.safetensors.metadata_dict")
        header[_META] = dict(metadata)
    blobs = []
    offset = 0
    for key, value in tensors.items():
        if not isinstance(key, str) or key == _META:
            raise ConfigError(key="error.safetensors.tensor_name", name=key)
        if hasattr(value, "detach"):  # a torch tensor, without importing torch
            value = value.detach().cpu().numpy()
        arr = np.asarray(value.data if isinstance(value, Tensor) else value)
        name = _dtype_name(arr, key)
        arr = np.ascontiguousarray(arr, dtype=DTYPES[name])  # C order, little-endian
        header[key] = {
            "dtype": name,
            "shape": list(arr.shape),
            "data_offsets": [offset, offset + arr.nbytes],
        }
        offset += arr.nbytes
        blobs.append(arr)
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * (-len(raw) % 8)  # the data starts 8-byte aligned, as the format asks
    return raw, blobs


def save_file(
    tensors: dict[str, Any], path: str | os.PathLike[str], metadata: dict[str, str] | None = None
) -> None:
    """Write ``tensors`` (name -> array, in this order) and string ``metadata`` to ``path`` in
    the safetensors format, atomically. Arrays may be NumPy arrays, mitbadak or torch tensors.

    Example:
        >>> import os, tempfile
        >>> p = os.path.join(tempfile.mkdtemp(), "a.safetensors")
        >>> save_file({"ids": np.array([1, 2], dtype=np.int64)}, p); load_file(p)["ids"].dtype
        dtype('int64')
    """
    from .io import atomic_write

    raw, blobs = _encode(tensors, metadata)

    def write(f: Any) -> None:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for arr in blobs:
            f.write(memoryview(arr.reshape(-1)).cast("B") if arr.size else b"")

    atomic_write(path, write)


def _entries(path: Path, f: Any, size: int) -> tuple[dict[str, Any], dict[str, str], int]:
    """Read and check the header: (tensor entries in data order, metadata, data start)."""

    def bad(what: str, **values: Any) -> FileFormatError:
        detail = Phrase(f"error.safetensors.{what}", **values)
        return FileFormatError(key="error.safetensors.invalid", path=path, detail=detail)

    def bad_tensor(key: str, what: str, **values: Any) -> FileFormatError:
        problem = Phrase(f"error.safetensors.{what}", **values)
        return bad("tensor", name=key, problem=problem)

    if size < 8:
        raise bad("too_small", size=size)
    (n,) = struct.unpack("<Q", f.read(8))
    if n > MAX_HEADER_SIZE:
        raise bad("header_too_big", n=n, limit=MAX_HEADER_SIZE)
    if 8 + n > size:
        raise bad("header_past_end", n=n, size=size)
    raw = f.read(n)

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) != len(pairs):
            raise bad("duplicate")
        return out

    try:
        header = json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicates)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise bad("not_json", reason=e) from None
    if not isinstance(header, dict):
        raise bad("not_object")
    metadata = header.pop(_META, None) or {}
    if not isinstance(metadata, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()
    ):
        raise bad("metadata")
    data_size = size - 8 - n
    spans = []
    for key, e in header.items():
        if not isinstance(e, dict) or set(e) != {"dtype", "shape", "data_offsets"}:
            raise bad_tensor(key, "fields")
        dtype, shape, offs = e["dtype"], e["shape"], e["data_offsets"]
        if dtype not in DTYPES and dtype != _BF16:
            raise bad_tensor(key, "unsupported_dtype", dtype=dtype)
        ok_ints = all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in shape)
        if not isinstance(shape, list) or not ok_ints:
            raise bad_tensor(key, "shape", shape=shape)
        if (
            not isinstance(offs, list)
            or len(offs) != 2
            or not all(isinstance(o, int) and not isinstance(o, bool) for o in offs)
            or not 0 <= offs[0] <= offs[1] <= data_size
        ):
            raise bad_tensor(key, "offsets", offsets=offs, size=data_size)
        itemsize = 2 if dtype == _BF16 else DTYPES[dtype].itemsize
        count = 1
        for s in shape:
            count *= s
        if count * itemsize != offs[1] - offs[0]:
            raise bad_tensor(
                key, "bytes", shape=shape, dtype=dtype, need=count * itemsize, got=offs[1] - offs[0]
            )
        spans.append((offs[0], offs[1], key))
    spans.sort()
    end = 0
    for begin, stop, key in spans:
        if begin != end:
            raise bad("gap", name=key, begin=begin, end=end)
        end = stop
    if end != data_size:
        raise bad("cover", end=end, size=data_size)
    return {k: header[k] for _, _, k in spans}, metadata, 8 + n


def _open(path: str | os.PathLike[str]) -> tuple[Path, int]:
    path = Path(path)
    if not path.is_file():
        raise FileFormatError(key="error.io.no_such_file", path=path)
    return path, path.stat().st_size


def load_metadata(path: str | os.PathLike[str]) -> dict[str, str]:
    """The ``__metadata__`` string map of a safetensors file (``{}`` if it has none).

    Example:
        >>> import os, tempfile
        >>> p = os.path.join(tempfile.mkdtemp(), "m.safetensors")
        >>> save_file({}, p, {"format": "pt"}); load_metadata(p)
        {'format': 'pt'}
    """
    path, size = _open(path)
    with open(path, "rb") as f:
        return _entries(path, f, size)[1]


def load_file(path: str | os.PathLike[str]) -> dict[str, np.ndarray]:
    """Read every tensor of a safetensors file as a NumPy array (native byte order), in the
    order of their data. ``BF16`` tensors come back as float32 (exactly).

    Raises :class:`FileFormatError` naming the file if it is missing, truncated or inconsistent.

    Example:
        >>> import os, tempfile
        >>> p = os.path.join(tempfile.mkdtemp(), "b.safetensors")
        >>> save_file({"a": np.ones((2, 2)), "b": np.zeros(3, np.float32)}, p)
        >>> {k: (v.dtype.name, v.shape) for k, v in load_file(p).items()}
        {'a': ('float64', (2, 2)), 'b': ('float32', (3,))}
    """
    path, size = _open(path)
    out: dict[str, np.ndarray] = {}
    with open(path, "rb") as f:
        entries, _, start = _entries(path, f, size)  # everything checked before allocating
        f.seek(start)
        for key, e in entries.items():
            begin, stop = e["data_offsets"]
            buf = f.read(stop - begin)
            if len(buf) != stop - begin:  # the file shrank while we read it
                raise FileFormatError(key="error.safetensors.truncated", path=path)
            if e["dtype"] == _BF16:
                bits = np.frombuffer(buf, "<u2").astype(np.uint32) << 16
                arr = bits.view(np.float32)
            else:
                arr = np.frombuffer(buf, DTYPES[e["dtype"]]).astype(
                    DTYPES[e["dtype"]].newbyteorder("="), copy=True
                )
            out[key] = arr.reshape(e["shape"])
    return out


# --------------------------------------------------------------- mitbadak header + arrays
def save_header_arrays(
    path: str | os.PathLike[str], header: dict[str, Any], arrays: dict[str, Any]
) -> None:
    """Write a mitbadak file (a JSON header and named arrays, as :func:`mitbadak.io` saves
    them) as safetensors: the header is the ``__metadata__`` entry ``"mitbadak"``, plus
    ``"format"`` (the header's format name) for tools that only look at metadata.

    Example:
        >>> import os, tempfile
        >>> p = os.path.join(tempfile.mkdtemp(), "h.safetensors")
        >>> save_header_arrays(p, {"format": "x", "n": 1}, {"weight_0": np.ones(2)})
        >>> load_header_arrays(p)[0]
        {'format': 'x', 'n': 1}
    """
    metadata = {_MODEL_KEY: json.dumps(header), "format": str(header.get("format", ""))}
    save_file(dict(arrays), path, metadata)


def load_header_arrays(
    path: str | os.PathLike[str],
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Read a file written by :func:`save_header_arrays`: (header, arrays); FileFormatError
    if it is not a safetensors file or holds no mitbadak header."""
    path = Path(path)
    arrays = load_file(path)
    metadata = load_metadata(path)
    if _MODEL_KEY not in metadata:
        raise FileFormatError(
            key="error.safetensors.no_mitbadak_header", path=path, entry=_MODEL_KEY
        )
    try:
        header = json.loads(metadata[_MODEL_KEY])
    except json.JSONDecodeError as e:
        raise FileFormatError(key="error.safetensors.corrupt_header", path=path, reason=e) from None
    if not isinstance(header, dict):
        raise FileFormatError(key="error.safetensors.header_not_object", path=path)
    return header, arrays


def is_safetensors_path(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a safetensors file (by its suffix, ``.safetensors``).

    Example:
        >>> is_safetensors_path("m.safetensors"), is_safetensors_path("m.npz")
        (True, False)
    """
    return str(path).lower().endswith(".safetensors")


__all__ = [
    "DTYPES",
    "MAX_HEADER_SIZE",
    "is_safetensors_path",
    "load_file",
    "load_header_arrays",
    "load_metadata",
    "save_file",
    "save_header_arrays",
]
