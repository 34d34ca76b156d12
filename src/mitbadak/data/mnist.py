"""MNIST and Fashion-MNIST, read from their original gzip-compressed IDX files.

Each data set is four files::

    train-images-idx3-ubyte.gz  train-labels-idx1-ubyte.gz
    t10k-images-idx3-ubyte.gz   t10k-labels-idx1-ubyte.gz

The loaders look for them, in this order:

1. the ``path=`` argument: a folder holding the four files (or a ``mnist/`` /
   ``fashion-mnist/`` subfolder holding them);
2. the environment variable ``MITBADAK_DATA``: a folder with ``mnist/`` and ``fashion-mnist/``
   subfolders, or a folder holding the four files itself;
3. the cache folder :func:`cache_dir` (``$MITBADAK_CACHE``, else ``$XDG_CACHE_HOME/mitbadak``,
   else ``~/.cache/mitbadak``), one subfolder per data set;
4. otherwise (``download=True``) the files missing from the cache are downloaded into it from
   public mirrors. Each download goes to a temporary file in the cache folder, is checked against
   the known SHA-256 and only then renamed into place, so an interrupted or corrupt download
   never leaves a file that looks complete.

Every file's SHA-256 is checked before it is parsed (``verify=False`` skips that for files you
re-compressed yourself), and the IDX structure is validated: magic number, dimensions, and a
payload of exactly ``n * rows * cols`` bytes. Anything wrong raises
:class:`~mitbadak.errors.FileFormatError` naming the file and the problem.

Example:
    >>> ds = load_mnist()                      # doctest: +SKIP
    >>> ds.data.shape, ds.test.data.shape      # doctest: +SKIP
    ((60000, 784), (10000, 784))
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.client
import os
import struct
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.request import Request, urlopen

import numpy as np

from ..errors import FileFormatError
from ..messages import Phrase, message
from .dataset import Dataset

__all__ = ["FILES", "cache_dir", "load_fashion_mnist", "load_mnist", "read_idx"]

#: Environment variable naming a folder that holds ``mnist/`` and ``fashion-mnist/``.
DATA_ENV = "MITBADAK_DATA"
#: Environment variable overriding the cache folder.
CACHE_ENV = "MITBADAK_CACHE"
#: Seconds a download may wait for the server on each read before trying the next mirror.
DOWNLOAD_TIMEOUT = 20.0

#: The four file names, identical for MNIST and Fashion-MNIST.
FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)

IMAGES_MAGIC = 2051  # 0x00000803: unsigned bytes, 3 dimensions
LABELS_MAGIC = 2049  # 0x00000801: unsigned bytes, 1 dimension

# SHA-256 of the official .gz files (their MD5s match the published ones), in the format of
# `sha256sum`, so a folder laid out like this can also be checked with `sha256sum -c`.
SHA256SUMS = """\
440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609  mnist/train-images-idx3-ubyte.gz
3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c  mnist/train-labels-idx1-ubyte.gz
8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6  mnist/t10k-images-idx3-ubyte.gz
f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6  mnist/t10k-labels-idx1-ubyte.gz
3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84  fashion-mnist/train-images-idx3-ubyte.gz
a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845  fashion-mnist/train-labels-idx1-ubyte.gz
346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073  fashion-mnist/t10k-images-idx3-ubyte.gz
67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5  fashion-mnist/t10k-labels-idx1-ubyte.gz
"""  # noqa: E501 (verbatim sha256sum lines)


def _sums(subdir: str) -> dict[str, str]:
    table = (line.split() for line in SHA256SUMS.splitlines())
    return {name.split("/")[1]: digest for digest, name in table if name.startswith(subdir + "/")}


MNIST_SHA256 = _sums("mnist")
FASHION_MNIST_SHA256 = _sums("fashion-mnist")

MNIST_DESCR = """\
MNIST handwritten digits (Y. LeCun, C. Cortes, C. J. C. Burges), read from the original IDX
files first published at http://yann.lecun.com/exdb/mnist/.
70,000 grey-scale 28x28 images of the digits 0-9: 60,000 for training and 10,000 for testing.
The top-level data/target/images are the TRAINING split (the same arrays as .train); the official
test split is .test. Keys:
  data    (n, 784) float32 in [0, 1]: pixel / 255, 0 = background, 1 = ink
  images  (n, 28, 28) uint8 0..255, the raw pixels
  target  (n,) int64, the digit 0..9
Licence: the authors' page gives no explicit licence.
Cite: Y. LeCun, L. Bottou, Y. Bengio, P. Haffner, "Gradient-based learning applied to document
recognition", Proceedings of the IEEE 86(11):2278-2324, 1998.
"""

FASHION_MNIST_DESCR = """\
Fashion-MNIST (H. Xiao, K. Rasul, R. Vollgraf; Zalando Research), read from the original IDX
files of https://github.com/zalandoresearch/fashion-mnist.
70,000 grey-scale 28x28 images of clothing in 10 classes (6,000 train and 1,000 test images per
class): 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker,
8 Bag, 9 Ankle boot. A drop-in replacement for MNIST that is harder to classify.
The top-level data/target/images are the TRAINING split (the same arrays as .train); the official
test split is .test. Keys:
  data    (n, 784) float32 in [0, 1]: pixel / 255
  images  (n, 28, 28) uint8 0..255, the raw pixels
  target  (n,) int64, the class 0..9 (names in target_names)
Licence: MIT License, Copyright (c) 2017 Zalando SE; keep the licence text with any copy of the
data you redistribute.
Cite: H. Xiao, K. Rasul, R. Vollgraf, "Fashion-MNIST: a Novel Image Dataset for Benchmarking
Machine Learning Algorithms", arXiv:1708.07747, 2017.
"""

FASHION_MNIST_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)


@dataclass(frozen=True)
class _Spec:
    """Everything that differs between MNIST and Fashion-MNIST."""

    name: str  # for messages: "MNIST"
    subdir: str  # folder name under MITBADAK_DATA and the cache: "mnist"
    loader: str  # for messages: "load_mnist"
    sha256: dict[str, str]
    mirrors: tuple[str, ...]
    target_names: tuple
    descr: str


_MNIST = _Spec(
    name="MNIST",
    subdir="mnist",
    loader="load_mnist",
    sha256=MNIST_SHA256,
    mirrors=(
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ),
    target_names=tuple(range(10)),
    descr=MNIST_DESCR,
)
_FASHION = _Spec(
    name="Fashion-MNIST",
    subdir="fashion-mnist",
    loader="load_fashion_mnist",
    sha256=FASHION_MNIST_SHA256,
    mirrors=("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",),
    target_names=FASHION_MNIST_CLASSES,
    descr=FASHION_MNIST_DESCR,
)


def cache_dir(dataset: str | None = None) -> Path:
    """Return mitbadak's cache folder (or a data set's subfolder of it); nothing is created.

    ``$MITBADAK_CACHE`` if set, else ``$XDG_CACHE_HOME/mitbadak``, else ``~/.cache/mitbadak``.

    Example:
        >>> cache_dir("mnist").name
        'mnist'
    """
    root = os.environ.get(CACHE_ENV)
    if root:
        base = Path(root).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "mitbadak"
    return base / dataset if dataset else base


#: The largest IDX payload :func:`read_idx` decompresses (1 GiB; MNIST's training images are
#: 47 MB): a declared size beyond it is a corrupt header or a decompression bomb.
MAX_IDX_BYTES = 1 << 30


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read one gzip-compressed IDX file of unsigned bytes and validate its structure.

    Returns a writable uint8 array: ``(n, rows, cols)`` for an image file (magic 2051) or
    ``(n,)`` for a label file (magic 2049). The checksum is *not* checked here (the loaders do
    that); this checks the gzip stream, the magic number, the dimensions and that the payload
    is exactly ``n * rows * cols`` bytes.

    Raises:
        FileFormatError: naming the file and what is wrong with it.

    Example:
        >>> labels = read_idx("mnist/t10k-labels-idx1-ubyte.gz")   # doctest: +SKIP
        >>> labels.shape, labels.dtype                              # doctest: +SKIP
        ((10000,), dtype('uint8'))
    """
    path = Path(path)
    try:
        with gzip.open(path, "rb") as f:
            head = f.read(8)
            if len(head) < 8:
                raise FileFormatError(key="error.mnist.short_header", path=path, n=len(head))
            magic, n = struct.unpack(">II", head)
            if magic == IMAGES_MAGIC:
                dims = f.read(8)
                if len(dims) < 8:
                    raise FileFormatError(
                        key="error.mnist.image_header", path=path, n=8 + len(dims)
                    )
                rows, cols = struct.unpack(">II", dims)
                if rows == 0 or cols == 0:
                    raise FileFormatError(
                        key="error.mnist.image_size", path=path, rows=rows, cols=cols
                    )
                shape: tuple[int, ...] = (n, rows, cols)
            elif magic == LABELS_MAGIC:
                shape = (n,)
            else:
                raise FileFormatError(
                    key="error.mnist.magic", path=path, magic=magic, hex=f"0x{magic:08x}",
                    images=IMAGES_MAGIC, labels=LABELS_MAGIC,
                )  # fmt: skip
            # Read at most what the header declares (plus one byte, to detect extra data): a
            # gzip bomb or a corrupt header cannot make us decompress or allocate terabytes.
            expected = int(np.prod(shape, dtype=np.int64))
            if expected > MAX_IDX_BYTES:
                raise FileFormatError(
                    key="error.mnist.too_big", path=path, n=expected, limit=MAX_IDX_BYTES
                )
            payload = f.read(expected + 1)
    except FileFormatError:
        raise
    except FileNotFoundError:
        raise FileFormatError(key="error.mnist.not_found", path=path) from None
    except EOFError as e:
        raise FileFormatError(key="error.mnist.gzip_truncated", path=path, reason=e) from None
    except (OSError, zlib.error) as e:  # gzip.BadGzipFile is an OSError
        raise FileFormatError(key="error.mnist.bad_gzip", path=path, reason=e) from None
    if len(payload) != expected:
        key = (
            "error.mnist.payload_extra"
            if len(payload) > expected
            else "error.mnist.payload_missing"
        )
        dims_text = " * ".join(str(d) for d in shape)
        raise FileFormatError(
            key=key, path=path, got=len(payload), dims=dims_text, expected=expected
        )
    # frombuffer over bytes is read-only; one copy gives users an ordinary writable array.
    return np.frombuffer(payload, dtype=np.uint8).reshape(shape).copy()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:  # in 1 MiB blocks: hashlib.file_digest needs Python 3.11
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _whose(digest: str) -> Any:
    """Name the known file with this SHA-256, e.g. ' (it is the MNIST train-images-...)'."""
    for spec in (_MNIST, _FASHION):
        for fname, known in spec.sha256.items():
            if known == digest:
                return Phrase("error.mnist.whose", name=spec.name, file=fname)
    return ""


def _verify(path: Path, spec: _Spec, fname: str) -> None:
    expected = spec.sha256[fname]
    try:
        actual = _sha256(path)
    except OSError as e:
        raise FileFormatError(
            key="error.mnist.cannot_read", name=spec.name, path=path, reason=e
        ) from None
    if actual != expected:
        raise FileFormatError(
            key="error.mnist.checksum", name=spec.name, path=path, actual=actual,
            whose=_whose(actual), expected=expected, file=fname,
        )  # fmt: skip


def _complete(folder: Path) -> bool:
    return all((folder / f).is_file() for f in FILES)


def _missing(folder: Path) -> list[str]:
    return [f for f in FILES if not (folder / f).is_file()]


def _download(url: str, dest: Path, sha256: str) -> None:
    """Download ``url`` to ``dest`` atomically: temp file in the same folder, verify, rename."""
    # Same folder as dest so os.replace is an atomic rename, never a cross-device copy.
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    try:
        digest = hashlib.sha256()
        request = Request(url, headers={"User-Agent": "mitbadak"})
        with os.fdopen(fd, "wb") as out, urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response:
            while chunk := response.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())  # the bytes are on disk before the name points at them
        if digest.hexdigest() != sha256:
            raise FileFormatError(
                key="error.mnist.download_checksum", actual=digest.hexdigest(), expected=sha256
            )
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a cached data file is not a secret
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class _Looked:
    """The places looked in, one ``  - place`` line each, in the language of the message."""

    def __init__(self, places: list[Phrase]) -> None:
        self.places = places

    def __format__(self, spec: str) -> str:
        return format("".join(f"  - {where}\n" for where in self.places), spec)


def _help(spec: _Spec, looked: list[Phrase], reason: Phrase) -> FileFormatError:
    return FileFormatError(
        key="error.mnist.not_found_help", name=spec.name, files=", ".join(FILES),
        looked=_Looked(looked), reason=reason, loader=spec.loader, env=DATA_ENV,
        subdir=spec.subdir, cache=cache_dir(spec.subdir), mirrors=", ".join(spec.mirrors),
    )  # fmt: skip


def _locate(spec: _Spec, path: str | os.PathLike | None, download: bool) -> Path:
    """Return the folder holding the four files, downloading missing ones into the cache."""
    if path is not None:
        # An explicit path is authoritative: if it is wrong, say so rather than silently
        # loading something else.
        folder = Path(path).expanduser()
        for candidate in (folder, folder / spec.subdir):
            if _complete(candidate):
                return candidate
        raise FileFormatError(
            key="error.mnist.bad_path", name=spec.name, path=str(path),
            missing=", ".join(_missing(folder)), files=", ".join(FILES), subdir=spec.subdir,
        )  # fmt: skip

    looked = []
    env = os.environ.get(DATA_ENV)
    if env:
        root = Path(env).expanduser()
        for candidate in (root / spec.subdir, root):
            if _complete(candidate):
                return candidate
        looked.append(
            Phrase("error.mnist.looked_env", env=DATA_ENV, value=env, subfolder=root / spec.subdir)
        )
    else:
        looked.append(Phrase("error.mnist.looked_unset", env=DATA_ENV))

    cache = cache_dir(spec.subdir)
    missing = _missing(cache)
    if not missing:
        return cache
    looked.append(Phrase("error.mnist.looked_cache", cache=cache, missing=", ".join(missing)))
    if not download:
        raise _help(spec, looked, Phrase("error.mnist.download_off"))

    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise _help(spec, looked, Phrase("error.mnist.no_cache", cache=cache, reason=e)) from None
    for fname in missing:
        failures = []
        for mirror in spec.mirrors:
            url = mirror + fname
            print(message("data.downloading", url=url, cache=cache), file=sys.stderr)
            try:
                _download(url, cache / fname, spec.sha256[fname])
                break
            except (OSError, http.client.HTTPException, FileFormatError) as e:
                # URLError, HTTPError and timeouts are OSErrors; try the next mirror.
                failures.append(f"  - {url}: {e}")
        else:
            failed = Phrase("error.mnist.download_failed", file=fname, failures="\n".join(failures))
            raise _help(spec, looked, failed)
    return cache


def _read_split(
    spec: _Spec, folder: Path, part: str, verify: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Verify, read and cross-check the images and labels of one split ("train" or "t10k")."""
    arrays = {}
    for kind, ndim in (("images", 3), ("labels", 1)):
        fname = f"{part}-{kind}-idx{ndim}-ubyte.gz"
        file = folder / fname
        if verify:
            _verify(file, spec, fname)
        arr = read_idx(file)
        if arr.ndim != ndim:
            key = "error.mnist.is_label_file" if ndim == 3 else "error.mnist.is_image_file"
            raise FileFormatError(key=key, name=spec.name, file=file, shape=arr.shape)
        arrays[kind] = arr
    images, labels = arrays["images"], arrays["labels"]
    images_file = folder / f"{part}-images-idx3-ubyte.gz"
    labels_file = folder / f"{part}-labels-idx1-ubyte.gz"
    if images.shape[1:] != (28, 28):
        raise FileFormatError(
            key="error.mnist.image_pixels", name=spec.name, file=images_file,
            height=images.shape[1], width=images.shape[2],
        )  # fmt: skip
    if len(images) != len(labels):
        raise FileFormatError(
            key="error.mnist.counts", name=spec.name, images=images_file, n_images=len(images),
            labels=labels_file, n_labels=len(labels),
        )  # fmt: skip
    if len(labels) and labels.max() > 9:
        raise FileFormatError(
            key="error.mnist.label_range", name=spec.name, file=labels_file, label=labels.max()
        )
    return images, labels


def _as_dataset(spec: _Spec, images: np.ndarray, labels: np.ndarray, names: list[str]) -> Dataset:
    # One pass, straight into float32: no float64 temporary (the training set is 188 MB).
    data = np.divide(images.reshape(len(images), -1), np.float32(255), dtype=np.float32)
    return Dataset(
        data=data,
        target=labels.astype(np.int64),
        images=images,
        target_names=np.array(spec.target_names),
        feature_names=names,
        DESCR=spec.descr,
    )


def _load(spec: _Spec, path: str | os.PathLike | None, download: bool, verify: bool) -> Dataset:
    folder = _locate(spec, path, download)
    feature_names = [f"pixel_{r}_{c}" for r in range(28) for c in range(28)]
    # Check all four files before converting anything: a broken folder fails fast, and the
    # small test split goes first for the same reason.
    test_arrays = _read_split(spec, folder, "t10k", verify)
    train_arrays = _read_split(spec, folder, "train", verify)
    train = _as_dataset(spec, *train_arrays, feature_names)
    test = _as_dataset(spec, *test_arrays, feature_names)
    return Dataset(
        data=train.data,
        target=train.target,
        images=train.images,
        target_names=train.target_names,
        feature_names=feature_names,
        DESCR=spec.descr,
        train=train,
        test=test,
        source=str(folder),
    )


def load_mnist(
    path: str | os.PathLike | None = None, *, download: bool = True, verify: bool = True
) -> Dataset:
    """Load MNIST: 60,000 training and 10,000 test images of handwritten digits, 28x28.

    The top-level ``data``/``target``/``images`` are the **training** split (the very same
    arrays as ``ds.train``, not copies); ``ds.test`` is the official test split. Each holds
    ``data`` (n, 784) float32 in [0, 1] (pixel / 255), ``images`` (n, 28, 28) uint8 raw pixels
    0..255, ``target`` (n,) int64 digits 0..9 and ``target_names``. ``DESCR`` has the citation;
    ``source`` is the folder the files were read from. See the module docstring for where the
    files are looked for.

    Args:
        path: folder holding the four ``.gz`` files (or a ``mnist/`` subfolder holding them).
            When given, no other place is searched.
        download: download files missing from the cache folder from the public mirrors.
        verify: check each file's SHA-256 against the official one before parsing.

    Raises:
        FileFormatError: a file is missing, fails its checksum, or is not a valid IDX file;
            the message names the file and, for missing files, what to do.

    Example:
        >>> ds = load_mnist()                                 # doctest: +SKIP
        >>> ds.data.shape, ds.data.dtype, ds.target[:3].tolist()   # doctest: +SKIP
        ((60000, 784), dtype('float32'), [5, 0, 4])
        >>> ds.test.images.shape                              # doctest: +SKIP
        (10000, 28, 28)
    """
    return _load(_MNIST, path, download, verify)


def load_fashion_mnist(
    path: str | os.PathLike | None = None, *, download: bool = True, verify: bool = True
) -> Dataset:
    """Load Fashion-MNIST: 60,000 training and 10,000 test images of clothing, 28x28, 10 classes.

    Same layout as :func:`load_mnist`: the top-level ``data``/``target``/``images`` are the
    **training** split (the same arrays as ``ds.train``), ``ds.test`` the official test split,
    ``data`` float32 in [0, 1], ``images`` uint8 0..255, ``target`` int64 0..9, and
    ``target_names`` the class names ("T-shirt/top", ..., "Ankle boot"). The data is MIT
    licensed by Zalando SE (see ``DESCR``).

    Args:
        path: folder holding the four ``.gz`` files (or a ``fashion-mnist/`` subfolder).
            When given, no other place is searched.
        download: download files missing from the cache folder from the public mirror.
        verify: check each file's SHA-256 against the official one before parsing.

    Raises:
        FileFormatError: a file is missing, fails its checksum, or is not a valid IDX file.

    Example:
        >>> ds = load_fashion_mnist()                          # doctest: +SKIP
        >>> ds.target_names[ds.target[:2]].tolist()            # doctest: +SKIP
        ['Ankle boot', 'T-shirt/top']
    """
    return _load(_FASHION, path, download, verify)
