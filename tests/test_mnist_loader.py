"""MNIST / Fashion-MNIST loaders: real files, where files come from, corrupt files, downloads.

The real IDX files live in ``../shared/data`` beside the repository; tests that need them are
skipped when it is absent. No test touches the network: ``urlopen`` is replaced in every test.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import struct
import urllib.error
from pathlib import Path

import numpy as np
import pytest

import mitbadak.data.mnist as mnist
from mitbadak.data import Dataset, load_fashion_mnist, load_mnist
from mitbadak.errors import FileFormatError, MitbadakError

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
HAVE_DATA = (SHARED / "mnist").is_dir() and (SHARED / "fashion-mnist").is_dir()
needs_data = pytest.mark.skipif(
    not HAVE_DATA, reason=f"real MNIST/Fashion-MNIST IDX files not found in {SHARED}"
)

# Label counts from shared/data/README.md.
MNIST_TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
MNIST_TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
# MD5 of the decompressed files (header + payload), also from the README.
DECOMPRESSED_MD5 = {
    "mnist": {
        "train-images": "6bbc9ace898e44ae57da46a324031adb",
        "train-labels": "a25bea736e30d166cdddb491f175f624",
        "t10k-images": "2646ac647ad5339dbf082846283269ea",
        "t10k-labels": "27ae3e4e09519cfbb04c329615203637",
    },
    "fashion-mnist": {
        "train-images": "f4a8712d7a061bf5bd6d2ca38dc4d50a",
        "train-labels": "9018921c3c673c538a1fc5bad174d6f9",
        "t10k-images": "8181f5470baa50b63fa0f6fddb340f0a",
        "t10k-labels": "15d484375f8d13e6eb1aabb0c3f46965",
    },
}


def _no_network(*args, **kwargs):
    raise AssertionError("a test tried to reach the network")


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """No MITBADAK_DATA, a private empty cache folder, and no network, in every test."""
    monkeypatch.delenv("MITBADAK_DATA", raising=False)
    monkeypatch.setenv("MITBADAK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(mnist, "urlopen", _no_network)
    return tmp_path


@pytest.fixture(scope="module")
def mnist_ds() -> Dataset:
    if not HAVE_DATA:
        pytest.skip(f"real data not found in {SHARED}")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MITBADAK_DATA", str(SHARED))
        mp.setattr(mnist, "urlopen", _no_network)
        return load_mnist(download=False)


@pytest.fixture(scope="module")
def fashion_ds() -> Dataset:
    if not HAVE_DATA:
        pytest.skip(f"real data not found in {SHARED}")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MITBADAK_DATA", str(SHARED))
        mp.setattr(mnist, "urlopen", _no_network)
        return load_fashion_mnist(download=False)


def _link_folder(src: Path, dst: Path, skip: tuple[str, ...] = ()) -> Path:
    """Make ``dst`` hold symlinks to the four files of ``src`` (cheap copies of real data)."""
    dst.mkdir(parents=True, exist_ok=True)
    for f in mnist.FILES:
        if f not in skip:
            (dst / f).symlink_to(src / f)
    return dst


def _idx(magic: int, dims: tuple[int, ...], payload: bytes) -> bytes:
    return gzip.compress(struct.pack(f">{1 + len(dims)}I", magic, *dims) + payload)


# ----------------------------------------------------------------------------- real data


@needs_data
def test_mnist_shapes_and_dtypes(mnist_ds):
    ds = mnist_ds
    assert ds.data.shape == (60000, 784) and ds.data.dtype == np.float32
    assert ds.images.shape == (60000, 28, 28) and ds.images.dtype == np.uint8
    assert ds.target.shape == (60000,) and ds.target.dtype == np.int64
    assert ds.test.data.shape == (10000, 784) and ds.test.data.dtype == np.float32
    assert ds.test.images.shape == (10000, 28, 28) and ds.test.images.dtype == np.uint8
    assert ds.test.target.shape == (10000,) and ds.test.target.dtype == np.int64
    assert len(ds) == 60000 and len(ds.train) == 60000 and len(ds.test) == 10000
    # The top level IS the training split (shared arrays, not copies).
    assert ds.data is ds.train.data and ds.target is ds.train.target
    assert ds.images is ds.train.images
    for split in (ds.train, ds.test):
        assert set(split) >= {"data", "target", "images", "target_names", "DESCR"}
        assert split.data.min() == 0.0 and split.data.max() == 1.0
        head = slice(0, 2000)  # a slice keeps the check quick on the 60k training split
        np.testing.assert_array_equal(
            split.data[head], split.images[head].reshape(-1, 784).astype(np.float32) / 255
        )
        assert split.images.flags.writeable
    assert ds.target_names.tolist() == list(range(10))
    assert ds.source == str(SHARED / "mnist")
    # Famous first labels: the training set starts 5 0 4 1 9, the test set 7 2 1 0 4.
    assert ds.target[:5].tolist() == [5, 0, 4, 1, 9]
    assert ds.test.target[:5].tolist() == [7, 2, 1, 0, 4]


@needs_data
def test_mnist_label_counts_match_readme(mnist_ds):
    assert np.bincount(mnist_ds.target).tolist() == MNIST_TRAIN_COUNTS
    assert np.bincount(mnist_ds.test.target).tolist() == MNIST_TEST_COUNTS


@needs_data
def test_fashion_shapes_counts_and_names(fashion_ds):
    ds = fashion_ds
    assert ds.data.shape == (60000, 784) and ds.data.dtype == np.float32
    assert ds.test.images.shape == (10000, 28, 28) and ds.test.images.dtype == np.uint8
    assert np.bincount(ds.target).tolist() == [6000] * 10
    assert np.bincount(ds.test.target).tolist() == [1000] * 10
    assert ds.target_names.tolist()[0] == "T-shirt/top"
    assert ds.target_names.tolist()[-1] == "Ankle boot"
    assert ds.target_names[ds.target[:2]].tolist() == ["Ankle boot", "T-shirt/top"]
    assert "MIT" in ds.DESCR and "Zalando" in ds.DESCR and "1708.07747" in ds.DESCR


@needs_data
def test_descr_documents_layout_and_citation(mnist_ds):
    assert "LeCun" in mnist_ds.DESCR and "1998" in mnist_ds.DESCR
    assert "TRAINING split" in mnist_ds.DESCR and "[0, 1]" in mnist_ds.DESCR
    assert "licence" in mnist_ds.DESCR.lower()


@needs_data
@pytest.mark.parametrize("subdir", ["mnist", "fashion-mnist"])
def test_parsed_bytes_match_readme_md5_of_decompressed_files(subdir, mnist_ds, fashion_ds):
    # Re-serialise the parsed arrays with their IDX header: equal MD5s prove every pixel and
    # label was read at the right offset and in the right order.
    ds = mnist_ds if subdir == "mnist" else fashion_ds
    for part, split in (("train", ds.train), ("t10k", ds.test)):
        n = len(split)
        images = struct.pack(">IIII", 2051, n, 28, 28) + split.images.tobytes()
        labels = struct.pack(">II", 2049, n) + split.target.astype(np.uint8).tobytes()
        assert hashlib.md5(images).hexdigest() == DECOMPRESSED_MD5[subdir][f"{part}-images"]
        assert hashlib.md5(labels).hexdigest() == DECOMPRESSED_MD5[subdir][f"{part}-labels"]


@needs_data
def test_hard_coded_checksums_match_shared_sha256sums():
    listed = dict(
        reversed(line.split()) for line in (SHARED / "SHA256SUMS").read_text().splitlines()
    )
    for f in mnist.FILES:
        assert mnist.MNIST_SHA256[f] == listed[f"mnist/{f}"]
        assert mnist.FASHION_MNIST_SHA256[f] == listed[f"fashion-mnist/{f}"]


# ----------------------------------------------------------------------- where files come from


def test_cache_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("MITBADAK_CACHE", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert mnist.cache_dir("mnist") == tmp_path / "mine" / "mnist"
    monkeypatch.delenv("MITBADAK_CACHE")
    assert mnist.cache_dir("mnist") == tmp_path / "xdg" / "mitbadak" / "mnist"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert mnist.cache_dir() == tmp_path / "home" / ".cache" / "mitbadak"


@needs_data
def test_path_argument_wins_and_accepts_root_or_dataset_folder(monkeypatch, tmp_path):
    # MITBADAK_DATA points at a folder with no data: path= must not even look there.
    monkeypatch.setenv("MITBADAK_DATA", str(tmp_path / "nothing"))
    ds = load_mnist(SHARED / "mnist", download=False)
    assert ds.source == str(SHARED / "mnist") and len(ds.test) == 10000
    ds = load_fashion_mnist(str(SHARED), download=False)  # the root with subfolders works too
    assert ds.source == str(SHARED / "fashion-mnist")


@needs_data
def test_path_argument_with_missing_file_is_an_error_not_a_fallback(monkeypatch, tmp_path):
    folder = _link_folder(
        SHARED / "mnist", tmp_path / "partial", skip=("t10k-labels-idx1-ubyte.gz",)
    )
    monkeypatch.setenv("MITBADAK_DATA", str(SHARED))  # would work, but path= is authoritative
    with pytest.raises(FileFormatError, match="t10k-labels-idx1-ubyte.gz") as info:
        load_mnist(folder)
    assert "missing" in str(info.value) and str(folder) in str(info.value)


@needs_data
def test_env_folder_holding_the_files_itself(monkeypatch):
    monkeypatch.setenv("MITBADAK_DATA", str(SHARED / "mnist"))
    assert load_mnist(download=False).source == str(SHARED / "mnist")


@needs_data
def test_env_flat_folder_of_the_other_dataset_fails_checksum_and_says_so(monkeypatch):
    # The file names are the same for both data sets; the checksum catches the mix-up.
    monkeypatch.setenv("MITBADAK_DATA", str(SHARED / "mnist"))
    with pytest.raises(FileFormatError, match="checksum mismatch") as info:
        load_fashion_mnist(download=False)
    msg = str(info.value)
    assert str(SHARED / "mnist" / "t10k-images-idx3-ubyte.gz") in msg
    assert "it is the MNIST file t10k-images-idx3-ubyte.gz" in msg


@needs_data
def test_cache_folder_is_used_when_env_is_unset(tmp_path):
    cache = _link_folder(SHARED / "mnist", tmp_path / "cache" / "mnist")
    ds = load_mnist(download=False)
    assert ds.source == str(cache)
    assert np.bincount(ds.test.target).tolist() == MNIST_TEST_COUNTS


@needs_data
def test_env_without_the_dataset_falls_through_to_cache(monkeypatch, tmp_path):
    (tmp_path / "only-digits").mkdir()
    monkeypatch.setenv("MITBADAK_DATA", str(tmp_path / "only-digits"))
    cache = _link_folder(SHARED / "mnist", tmp_path / "cache" / "mnist")
    assert load_mnist(download=False).source == str(cache)


def test_missing_files_without_download_give_instructions(monkeypatch, tmp_path):
    monkeypatch.setenv("MITBADAK_DATA", str(tmp_path / "empty"))
    with pytest.raises(FileFormatError) as info:
        load_fashion_mnist(download=False)
    msg = str(info.value)
    assert isinstance(info.value, MitbadakError)
    for f in mnist.FILES:
        assert f in msg
    assert "download=False" in msg
    assert "MITBADAK_DATA" in msg and "path=" in msg
    assert str(tmp_path / "cache" / "fashion-mnist") in msg  # where to put the files
    assert "fashion-mnist/" in msg


# ----------------------------------------------------------------------------- corrupt files


def test_read_idx_reads_a_small_valid_file(tmp_path):
    pixels = np.arange(2 * 3 * 4, dtype=np.uint8)
    (tmp_path / "img.gz").write_bytes(_idx(2051, (2, 3, 4), pixels.tobytes()))
    (tmp_path / "lab.gz").write_bytes(_idx(2049, (3,), bytes([7, 8, 9])))
    img = mnist.read_idx(tmp_path / "img.gz")
    assert img.shape == (2, 3, 4) and img.dtype == np.uint8
    np.testing.assert_array_equal(img.ravel(), pixels)  # row-major, big-endian header
    assert mnist.read_idx(tmp_path / "lab.gz").tolist() == [7, 8, 9]


@pytest.mark.parametrize(
    "content, message",
    [
        (_idx(2050, (3,), bytes(3)), "magic number 2050"),
        (_idx(2049, (3,), bytes(4)), "extra bytes"),
        (_idx(2049, (3,), bytes(2)), "missing bytes"),
        (_idx(2051, (2, 2, 2), bytes(9)), "extra bytes"),
        (_idx(2051, (2, 2, 0), b""), "image size"),
        (gzip.compress(b"\x00\x00\x08"), "too short"),
        (gzip.compress(struct.pack(">III", 2051, 1, 28)), "header is truncated"),
        (_idx(2049, (3,), bytes(3))[:-12], "truncated"),
        (b"this is not gzip at all", "not a valid gzip"),
        (_idx(2049, (3,), bytes(3))[:-8] + b"\xff\xff\xff\xff\x03\x00\x00\x00", "gzip"),  # CRC
        (b"", "too short"),
    ],
    ids=[
        "wrong-magic",
        "extra-label-byte",
        "missing-label-byte",
        "extra-pixel-byte",
        "zero-width",
        "short-header",
        "short-image-header",
        "truncated-gzip",
        "not-gzip",
        "bad-crc",
        "empty",
    ],
)
def test_read_idx_rejects_corrupt_files_naming_them(tmp_path, content, message):
    path = tmp_path / "broken-idx1-ubyte.gz"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=message) as info:
        mnist.read_idx(path)
    assert str(path) in str(info.value)


def test_read_idx_missing_file(tmp_path):
    with pytest.raises(FileFormatError, match="not found"):
        mnist.read_idx(tmp_path / "nope.gz")


@needs_data
def test_truncated_real_file_is_rejected(tmp_path):
    raw = (SHARED / "mnist" / "t10k-images-idx3-ubyte.gz").read_bytes()
    path = tmp_path / "t10k-images-idx3-ubyte.gz"
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(FileFormatError, match="truncated") as info:
        mnist.read_idx(path)
    assert "t10k-images-idx3-ubyte.gz" in str(info.value)


@needs_data
def test_wrong_checksum_names_the_file_and_verify_false_skips_it(tmp_path):
    folder = _link_folder(
        SHARED / "mnist", tmp_path / "recompressed", skip=("t10k-labels-idx1-ubyte.gz",)
    )
    # Same content, different compression level: a valid file whose .gz bytes differ.
    content = gzip.decompress((SHARED / "mnist" / "t10k-labels-idx1-ubyte.gz").read_bytes())
    (folder / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(content, compresslevel=1))
    with pytest.raises(FileFormatError, match="checksum mismatch") as info:
        load_mnist(folder)
    assert str(folder / "t10k-labels-idx1-ubyte.gz") in str(info.value)
    assert mnist.MNIST_SHA256["t10k-labels-idx1-ubyte.gz"] in str(info.value)  # the expected
    ds = load_mnist(folder, verify=False)
    assert np.bincount(ds.test.target).tolist() == MNIST_TEST_COUNTS


@needs_data
@pytest.mark.parametrize(
    "content, message",
    [
        (_idx(2049, (10000,), bytes(10000) + b"\x00"), "extra bytes"),
        (_idx(2049, (10000,), bytes(9999) + b"\x0a"), "label 10"),
        (_idx(2049, (9999,), bytes(9999)), "10000 images but .* has 9999 labels"),
        (_idx(2051, (1, 28, 28), bytes(784)), "is an image file"),
        (_idx(2050, (10000,), bytes(10000)), "magic"),
    ],
    ids=["extra-bytes", "label-out-of-range", "count-mismatch", "images-as-labels", "magic"],
)
def test_load_rejects_bad_label_file_naming_it(tmp_path, content, message):
    folder = _link_folder(SHARED / "mnist", tmp_path / "bad", skip=("t10k-labels-idx1-ubyte.gz",))
    (folder / "t10k-labels-idx1-ubyte.gz").write_bytes(content)
    with pytest.raises(FileFormatError, match="checksum mismatch"):
        load_mnist(folder)
    with pytest.raises(FileFormatError, match=message) as info:
        load_mnist(folder, verify=False)
    assert "t10k-labels" in str(info.value)


# --------------------------------------------------------------------------------- downloads


class _FakeResponse(io.BytesIO):
    """What urlopen returns: a readable, closable context manager.

    If ``watch`` is given (the file's final path), every read records whether that path
    already exists: an atomic download must not create it before the bytes are verified.
    """

    def __init__(self, data: bytes, fail_after=None, watch: Path | None = None, seen=None):
        super().__init__(data)
        self.fail_after, self.watch, self.seen = fail_after, watch, seen

    def read(self, size: int = -1) -> bytes:
        if self.watch is not None:
            partial = [p for p in os.listdir(self.watch.parent) if p.endswith(".part")]
            self.seen.append((self.watch.exists(), len(partial)))
        if self.fail_after is not None and self.tell() >= self.fail_after:
            raise ConnectionResetError("connection reset by peer (simulated)")
        return super().read(size)


def _serve(
    files: dict[str, bytes],
    log: list[str],
    *,
    dead_hosts=(),
    fail_after=None,
    cache=None,
    seen=None,
):
    def fake_urlopen(request, timeout=None):
        url = request.full_url
        log.append(url)
        assert timeout is not None and timeout <= 60, "downloads must use a short timeout"
        if any(host in url for host in dead_hosts):
            raise urllib.error.URLError("simulated: host unreachable")
        fname = url.rsplit("/", 1)[1]
        watch = cache / fname if cache is not None else None
        return _FakeResponse(files[fname], fail_after, watch, seen)

    return fake_urlopen


def _cache_listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder)) if folder.exists() else []


@needs_data
def test_download_into_cache_with_mirror_fallback(monkeypatch, tmp_path):
    files = {f: (SHARED / "mnist" / f).read_bytes() for f in mnist.FILES}
    log: list[str] = []
    seen: list[tuple[bool, int]] = []
    cache = tmp_path / "cache" / "mnist"
    # The first mirror is down: every file must come from the second one.
    fake = _serve(files, log, dead_hosts=("ossci-datasets",), cache=cache, seen=seen)
    monkeypatch.setattr(mnist, "urlopen", fake)
    ds = load_mnist()
    # While a file streamed in, its final name did not exist yet and exactly one temporary
    # file sat beside it (same folder, so the final os.replace is an atomic rename).
    assert seen and all(not exists and n_part == 1 for exists, n_part in seen)
    assert ds.source == str(cache)
    assert _cache_listing(cache) == sorted(mnist.FILES)  # no leftover temporary files
    for f in mnist.FILES:
        assert (cache / f).read_bytes() == files[f]
    assert len(log) == 8 and all("cvdf-datasets" in u for u in log[1::2])
    assert np.bincount(ds.target).tolist() == MNIST_TRAIN_COUNTS
    # A second load uses the cache and does not download again.
    monkeypatch.setattr(mnist, "urlopen", _no_network)
    assert load_mnist().source == str(cache)


@needs_data
def test_download_only_fetches_missing_files(monkeypatch, tmp_path):
    cache = _link_folder(
        SHARED / "mnist", tmp_path / "cache" / "mnist", skip=("t10k-labels-idx1-ubyte.gz",)
    )
    files = {
        "t10k-labels-idx1-ubyte.gz": (SHARED / "mnist" / "t10k-labels-idx1-ubyte.gz").read_bytes()
    }
    log: list[str] = []
    monkeypatch.setattr(mnist, "urlopen", _serve(files, log))
    load_mnist()
    assert log == ["https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz"]
    assert (cache / "t10k-labels-idx1-ubyte.gz").is_file()


@needs_data
def test_download_with_wrong_checksum_leaves_no_partial_file(monkeypatch, tmp_path):
    good = (SHARED / "fashion-mnist" / "t10k-labels-idx1-ubyte.gz").read_bytes()
    files = {f: good[:-1] + b"\x00" for f in mnist.FILES}  # every mirror serves corrupt bytes
    log: list[str] = []
    seen: list[tuple[bool, int]] = []
    cache = tmp_path / "cache" / "fashion-mnist"
    monkeypatch.setattr(mnist, "urlopen", _serve(files, log, cache=cache, seen=seen))
    with pytest.raises(FileFormatError) as info:
        load_fashion_mnist()
    assert seen and not any(exists for exists, _ in seen)
    msg = str(info.value)
    assert "train-images-idx3-ubyte.gz" in msg and "sha256" in msg
    assert "MITBADAK_DATA" in msg and "path=" in msg
    assert log == [mnist._FASHION.mirrors[0] + "train-images-idx3-ubyte.gz"]
    # The cache folder exists but holds nothing: no file that looks complete, no temp file.
    assert _cache_listing(tmp_path / "cache" / "fashion-mnist") == []


@needs_data
def test_interrupted_download_leaves_no_partial_file(monkeypatch, tmp_path):
    files = {f: (SHARED / "mnist" / f).read_bytes() for f in mnist.FILES}
    log: list[str] = []
    monkeypatch.setattr(mnist, "urlopen", _serve(files, log, fail_after=1 << 20))
    with pytest.raises(FileFormatError, match="connection reset") as info:
        load_mnist()
    assert "train-images-idx3-ubyte.gz" in str(info.value)
    assert len(log) == 2  # both mirrors were tried
    assert _cache_listing(tmp_path / "cache" / "mnist") == []


def test_all_mirrors_down_gives_instructions(monkeypatch, tmp_path):
    log: list[str] = []
    monkeypatch.setattr(mnist, "urlopen", _serve({}, log, dead_hosts=("http",)))
    with pytest.raises(FileFormatError) as info:
        load_mnist()
    msg = str(info.value)
    assert "host unreachable" in msg
    for mirror in mnist._MNIST.mirrors:
        assert mirror + "train-images-idx3-ubyte.gz" in msg
    for f in mnist.FILES:
        assert f in msg
    assert str(tmp_path / "cache" / "mnist") in msg and "MITBADAK_DATA" in msg
