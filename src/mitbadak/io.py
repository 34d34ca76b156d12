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

from . import validate
from .backend import to_host
from .errors import ConfigError, FileFormatError, MitbadakError, ShapeError
from .layers.base import Layer, layer_from_config, layer_to_config, weight_budget
from .messages import Phrase

FORMAT = "mitbadak-model"
FORMAT_VERSION = 2  # 2: weights keyed by state_dict names (1: by position, still read)
_HEADER = "__mitbadak__"


def _umask() -> int:
    mask = os.umask(0)  # the only way to read the umask is to set it
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike[str], write: Any) -> None:
    """Call ``write(fileobj)`` on a temporary file beside ``path``, then rename it over ``path``.

    The rename is atomic on POSIX and Windows, so readers see the old file or the new one,
    never half of one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a saved model is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: A temporary file of an interrupted save older than this (seconds) is removed at the next
#: save of the same name (a younger one may belong to a save still running elsewhere).
STALE_TMP_SECONDS = 60.0


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Delete the ``.NAME.*.tmp`` files that interrupted saves of ``path`` left beside it
    (older than :data:`STALE_TMP_SECONDS`); returns those removed.

    Example:
        >>> import tempfile; remove_stale_temporaries(Path(tempfile.mkdtemp()) / "m.npz")
        []
    """
    import glob
    import time

    path = Path(path)
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            if tmp.is_file() and now - tmp.stat().st_mtime > STALE_TMP_SECONDS:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            pass  # gone already, or not ours to remove
    return removed


def save_arrays(
    path: str | os.PathLike[str], header: dict[str, Any], arrays: dict[str, Any]
) -> None:
    """Atomically write a JSON header and named arrays as one ``.npz`` file."""
    # --- safetensors dispatch (issue 18.1): a ``.safetensors`` path gets that format
    from . import safetensors

    if safetensors.is_safetensors_path(path):
        return safetensors.save_header_arrays(path, header, arrays)
    # --- end safetensors dispatch
    payload = {_HEADER: np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)}
    for k, v in arrays.items():
        arr = np.asarray(v)
        if arr.dtype == object:
            raise ConfigError(key="error.io.object_array", name=k)
        payload[k] = arr
    atomic_write(path, lambda f: np.savez(f, **payload))


def load_arrays(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Read a file written by :func:`save_arrays`; raise FileFormatError if it is not one."""
    # --- safetensors dispatch (issue 18.1): a ``.safetensors`` path is read as that format
    from . import safetensors

    if safetensors.is_safetensors_path(path):
        return safetensors.load_header_arrays(path)
    # --- end safetensors dispatch
    path = Path(path)
    if not path.is_file():
        raise FileFormatError(key="error.io.no_such_file", path=path)
    if not zipfile.is_zipfile(path):  # e.g. a .npy array, a text file, a truncated archive
        raise FileFormatError(key="error.io.not_npz", path=path)
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except Exception as e:  # zipfile, zlib, NumPy's format checks: all mean a bad file
        raise FileFormatError(key="error.io.unreadable", path=path, reason=e) from None
    if _HEADER not in arrays:
        raise FileFormatError(key="error.io.no_header", path=path)
    for k, v in arrays.items():  # a member that is not a .npy array comes back as raw bytes
        if not isinstance(v, np.ndarray) or v.dtype == object:
            raise FileFormatError(key="error.io.not_plain_array", path=path, name=k)
        if v.dtype.kind not in "biuf":  # complex, strings, dates: never a mitbadak weight
            raise FileFormatError(key="error.io.not_real", path=path, name=k, dtype=v.dtype)
    hdr = arrays.pop(_HEADER)
    if hdr.dtype != np.uint8 or hdr.ndim != 1:
        raise FileFormatError(key="error.io.header_bytes", path=path)
    try:
        header = json.loads(hdr.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FileFormatError(key="error.io.header_corrupt", path=path, reason=e) from None
    if not isinstance(header, dict):
        raise FileFormatError(key="error.io.header_not_object", path=path)
    return header, arrays


def _rng_state_ok(state: Any) -> bool:
    """Whether ``state`` is a bit-generator state NumPy accepts (tried on a fresh generator,
    so a corrupt checkpoint fails at load, not at the next ``fit``)."""
    if not isinstance(state, dict) or state.get("bit_generator") not in _BIT_GENERATORS:
        return False
    try:
        getattr(np.random, state["bit_generator"])().state = state
    except Exception:  # NumPy raises ValueError, TypeError, KeyError, OverflowError here
        return False
    return True


_BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    return v


def save_model(
    model: Layer,
    path: str | os.PathLike[str],
    extra: dict[str, Any] | None = None,
    include_optimizer: bool = True,
    training_state: int | None = None,
) -> None:
    """Save a built model to ``path`` (atomically): architecture, weights and, for compiled
    models, the compile config and (``include_optimizer``) the optimizer's state.

    ``training_state=epoch`` also records the epoch reached and the states of the global
    generator, of ``fit``'s shuffling generator and of the layers' generators (dropout), which
    :meth:`Model.fit` restores when called with ``initial_epoch=epoch`` after loading.

    File layout: ``__mitbadak__`` (a JSON header as UTF-8 bytes), ``weights/<name>`` (each
    weight under its ``state_dict`` name, e.g. ``weights/layers.0.kernel``) and
    ``optimizer/<i>/<name>`` (optimizer state arrays). A model that ``load_model`` could not
    rebuild (see :func:`check_rebuildable`) fails here, not at load.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Dense(3)]); _ = m(np.zeros((1, 4)))
        >>> import tempfile, os; p = os.path.join(tempfile.mkdtemp(), "m.npz")
        >>> save_model(m, p); [w.shape for w in load_model(p).weights]
        [(4, 3), (3,)]
    """
    from . import random as _random

    if not model.built or model.input_shape is None:
        raise ShapeError(key="error.io.not_built", who="save_model")
    check_rebuildable(model)
    header: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "model": layer_to_config(model),
        "input_shape": list(model.input_shape[1:]),
        "dtype": str(model.dtype),
        "extra": extra or {},
    }
    arrays = weight_arrays(model)
    compile_cfg = model.get_compile_config() if hasattr(model, "get_compile_config") else None
    if compile_cfg is not None:
        header["compile"] = compile_cfg
        opt = getattr(model, "optimizer", None)
        if include_optimizer and opt is not None and getattr(opt, "params", None):
            state = opt.state_dict()
            for k, v in state.pop("arrays").items():
                arrays[f"optimizer/{k}"] = v
            header["optimizer_state"] = _jsonable(state)
    if training_state is not None:
        fit_rng = model.get_fit_state()["fit_rng"] if hasattr(model, "get_fit_state") else None
        gens = model.random_generators() if hasattr(model, "random_generators") else {}
        header["training_state"] = {
            "epoch": int(training_state),
            "global_rng": _jsonable(_random.get_state()),
            "fit_rng": _jsonable(fit_rng),
            "layer_rngs": {k: _jsonable(g.bit_generator.state) for k, g in gens.items()},
        }
    save_arrays(path, header, arrays)


def read_header(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The JSON header and the arrays of a mitbadak model or weights file, after checking its
    format and version (FileFormatError naming the file otherwise)."""
    header, arrays = load_arrays(path)
    if header.get("format") != FORMAT:
        raise FileFormatError(key="error.io.not_model_file", path=path, format=header.get("format"))
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise FileFormatError(
            key="error.io.newer_version", path=path, version=version, supported=FORMAT_VERSION
        )
    return header, arrays


def _restore_compile(model: Any, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """Compile ``model`` from the header (registered names only) and restore its optimizer."""
    cfg = header.get("compile")
    if cfg is None or not hasattr(model, "compile_from_config"):
        return
    if not model.compile_from_config(cfg):
        return  # a custom loss or optimizer function: the user compiles again
    state = header.get("optimizer_state")
    if state is not None:
        if not isinstance(state, dict):
            raise ConfigError(key="error.io.optimizer_state")
        opt = model.ensure_optimizer()
        if opt is None:
            raise ConfigError(key="error.io.optimizer_no_params")
        state = dict(state)
        prefix = "optimizer/"
        state["arrays"] = {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}
        opt.load_state_dict(state)


def _restore_training_state(model: Any, header: dict[str, Any]) -> None:
    ts = header.get("training_state")
    if ts is None:
        return
    if not isinstance(ts, dict) or not isinstance(ts.get("epoch"), int):
        raise ConfigError(key="error.io.training_state")
    for key in ("global_rng", "fit_rng"):
        if ts.get(key) is not None and not _rng_state_ok(ts[key]):
            raise ConfigError(key="error.io.random_state", name=key)
    gens = model.random_generators() if hasattr(model, "random_generators") else {}
    saved = ts.get("layer_rngs", {})
    if not isinstance(saved, dict) or set(saved) != set(gens):
        raise ConfigError(key="error.io.random_states", saved=sorted(saved), model=sorted(gens))
    for k, g in gens.items():
        if not _rng_state_ok(saved[k]):
            raise ConfigError(key="error.io.layer_random_state", name=k)
        g.bit_generator.state = saved[k]
    model.set_resume_state(
        {"epoch": ts["epoch"], "global_rng": ts.get("global_rng"), "fit_rng": ts.get("fit_rng")}
    )


_read_header = read_header  # the former name, kept for callers not yet moved

# ------------------------------------------------------------------------ weights by name
_PREFIX = "weights/"


def _named_weights(model: Layer) -> list[tuple[str, Any]]:
    """``(state_dict name, tensor)`` for every weight, in ``model.weights`` order."""
    named = getattr(model, "named_weights", None)
    if named is not None:
        return list(named())
    return [(f"{i}", w) for i, w in enumerate(model.weights)]  # before names existed


def weight_arrays(model: Layer) -> dict[str, np.ndarray]:
    """The arrays a file stores for the weights: ``weights/<state_dict name>``.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Dense(3)]); _ = m(np.zeros((1, 4)))
        >>> sorted(weight_arrays(m))[0].startswith("weights/")
        True
    """
    return {_PREFIX + name: to_host(w.data) for name, w in _named_weights(model)}  # host arrays


def set_weight_arrays(model: Layer, arrays: dict[str, np.ndarray], version: int) -> None:
    """Set ``model``'s weights from a file's arrays: by ``state_dict`` name (format 2, every
    name must match: ``load_state_dict(strict=True)``) or by position (``weight_<i>``,
    format 1, still read)."""
    if version < 2:
        n = len(model.weights)
        n_file = sum(1 for k in arrays if k.startswith("weight_"))
        if n_file != n:
            raise ShapeError(key="error.io.weight_count", n_file=n_file, n=n)
        model.set_weights([arrays[f"weight_{i}"] for i in range(n)])
        return
    state = {k[len(_PREFIX) :]: v for k, v in arrays.items() if k.startswith(_PREFIX)}
    if hasattr(model, "load_state_dict"):
        model.load_state_dict(state, strict=True)
        return
    named = _named_weights(model)
    if sorted(state) != sorted(n for n, _ in named):
        raise ShapeError(key="error.io.weight_names", names=sorted(state))
    model.set_weights([state[n] for n, _ in named])


def check_rebuildable(model: Layer) -> None:
    """Raise ConfigError, at save time, if ``load_model`` could not rebuild ``model``: its
    class (or a layer's) is not the one registered under its name, or its constructor needs
    arguments that ``get_config()`` does not return.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> check_rebuildable(Sequential([layers.Dense(3)]))
    """
    import inspect

    from . import registry

    cls = type(model)
    how = Phrase("error.io.how_to_register")
    if not registry.is_registered("layers", cls):
        raise ConfigError(
            key="error.io.registered_elsewhere", name=model.name, cls=cls.__qualname__,
            short=cls.__name__, how=how,
        )  # fmt: skip
    config = model.get_config()
    try:
        sig = inspect.signature(cls.__init__)
    except (TypeError, ValueError):
        sig = None
    if sig is not None:
        required = [
            p.name
            for p in list(sig.parameters.values())[1:]
            if p.default is inspect.Parameter.empty
            and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
        ]
        missing = [a for a in required if a not in config]
        if missing and cls.from_config.__func__ is Layer.from_config.__func__:  # type: ignore[attr-defined]
            raise ConfigError(
                key="error.io.config_missing", name=model.name, cls=cls.__qualname__,
                missing=missing, how=how,
            )  # fmt: skip
    for sub in getattr(model, "layers", None) or []:
        if isinstance(sub, Layer):
            check_rebuildable(sub)


def load_model(path: str | os.PathLike[str], compile: bool = True) -> Any:
    """Load a model saved by :func:`save_model` / ``model.save``: architecture, weights, and
    (``compile=True``) the compile config with the optimizer state, ready to ``fit`` on.

    For a checkpoint written with a training state, ``model.epoch`` is the epoch reached and
    ``model.fit(..., initial_epoch=model.epoch)`` continues the run exactly.

    Files of format version 1 (weights by position) still load. Nothing from the file is
    unpickled or evaluated: only registered class names are used. Raises
    :class:`FileFormatError` naming the file for missing, corrupt, truncated, foreign or newer
    files.
    """
    header, arrays = read_header(path)
    if "model" not in header:
        what = Phrase(
            "error.io.weights_file" if header.get("weights_only") else "error.io.no_model"
        )
        raise FileFormatError(key="error.io.no_architecture", path=path, what=what)
    try:
        model = layer_from_config(header["model"])
        shape = tuple(
            validate.integer(s, "input_shape", str(path), min=1) for s in header["input_shape"]
        )
        with weight_budget(sum(a.size for a in arrays.values()), path):
            model.build((1,) + shape)
        set_weight_arrays(model, arrays, header["version"])
        if compile:
            _restore_compile(model, header, arrays)
        _restore_training_state(model, header)
    except FileFormatError:
        raise
    except (
        MitbadakError, KeyError, TypeError, ValueError, AttributeError, IndexError,
        NotImplementedError, OverflowError, MemoryError, RecursionError,
    ) as e:  # fmt: skip
        raise FileFormatError(
            key="error.io.bad_description", path=path, kind=type(e).__name__, reason=e
        ) from None
    model.eval()
    return model


def save_weights(model: Layer, path: str | os.PathLike[str]) -> None:
    """Save only a built model's weights (atomically), keyed by their ``state_dict`` names,
    for :func:`load_weights`.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Dense(3)]); _ = m(np.zeros((1, 4)))
        >>> import tempfile, os; p = os.path.join(tempfile.mkdtemp(), "w.npz")
        >>> save_weights(m, p); load_weights(m, p)
    """
    if not model.built:
        raise ShapeError(key="error.io.not_built", who="save_weights")
    header = {"format": FORMAT, "version": FORMAT_VERSION, "weights_only": True}
    save_arrays(path, header, weight_arrays(model))


def load_weights(model: Layer, path: str | os.PathLike[str]) -> None:
    """Set a built model's weights from a weights file or a whole-model file, checking every
    name and shape (FileFormatError otherwise); files of format 1 are read by position."""
    header, arrays = read_header(path)
    try:
        set_weight_arrays(model, arrays, header["version"])
    except (MitbadakError, KeyError, TypeError, ValueError, IndexError) as e:
        raise FileFormatError(key="error.io.weights_mismatch", path=path, reason=e) from None
