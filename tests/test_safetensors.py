"""safetensors: mitbadak's NumPy reader/writer against the real ``safetensors`` library, the
model save/load dispatch on the suffix, and malformed files."""

import json
import struct

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import layers
from mitbadak.errors import FileFormatError
from mitbadak.safetensors import MAX_HEADER_SIZE, load_file, load_metadata, save_file

st_numpy = pytest.importorskip("safetensors.numpy")
import safetensors  # noqa: E402


def _tensors():
    rng = np.random.default_rng(0)
    return {
        "f32": rng.normal(size=(3, 4)).astype(np.float32),
        "f64": rng.normal(size=(2,)),
        "f16": rng.normal(size=(5,)).astype(np.float16),
        "i64": np.arange(7, dtype=np.int64),
        "i32": np.array([[-1, 2]], dtype=np.int32),
        "u8": np.array([0, 255], dtype=np.uint8),
        "b": np.array([True, False, True]),
        "scalar": np.array(3.5, dtype=np.float32),
        "empty": np.zeros((0, 3), dtype=np.float32),
        "strided": np.arange(12.0).reshape(3, 4)[:, ::2],  # not C-contiguous
        "big_endian": np.arange(4, dtype=">f4"),
    }


def test_library_reads_our_file(tmp_path):
    p = tmp_path / "ours.safetensors"
    t = _tensors()
    save_file(t, p, metadata={"who": "mitbadak"})
    theirs = st_numpy.load_file(str(p))
    assert set(theirs) == set(t)
    for k, v in t.items():
        assert theirs[k].dtype == v.dtype.newbyteorder("=")
        np.testing.assert_array_equal(theirs[k], v)
    with safetensors.safe_open(str(p), framework="np") as f:
        assert f.metadata() == {"who": "mitbadak"}
    (n,) = struct.unpack("<Q", p.read_bytes()[:8])
    assert (8 + n) % 8 == 0  # data 8-byte aligned


def test_we_read_library_file(tmp_path):
    p = tmp_path / "theirs.safetensors"
    t = {k: v for k, v in _tensors().items() if k not in ("strided", "big_endian")}
    st_numpy.save_file(t, str(p), metadata={"format": "np"})
    ours = load_file(p)
    assert set(ours) == set(t)
    for k, v in t.items():
        assert ours[k].dtype == v.dtype and ours[k].shape == v.shape
        np.testing.assert_array_equal(ours[k], v)
    assert load_metadata(p) == {"format": "np"}


def test_bf16_from_torch_file(tmp_path):
    torch = pytest.importorskip("torch")
    from safetensors.torch import save_file as torch_save

    x = torch.tensor([1.5, -2.0, 3.140625], dtype=torch.bfloat16)
    p = tmp_path / "bf16.safetensors"
    torch_save({"x": x}, str(p))
    got = load_file(p)["x"]
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got, x.float().numpy())


def _model():
    m = mb.Sequential(
        [
            layers.Conv2D(3, 3, padding="same", activation="relu"),
            layers.BatchNormalization(),
            layers.Flatten(),
            layers.Dense(4, activation="softmax"),
        ]
    )
    m.build((1, 1, 6, 6))
    return m


def test_model_save_load_roundtrip(tmp_path):
    m = _model()
    m.compile("adam", "categorical_crossentropy", metrics=["accuracy"])
    x = np.random.default_rng(1).normal(size=(5, 1, 6, 6)).astype(np.float32)
    y = np.eye(4, dtype=np.float32)[[0, 1, 2, 3, 0]]
    m.fit(x, y, epochs=1, verbose=0)
    p = tmp_path / "m.safetensors"
    m.save(p)
    m2 = mb.load_model(p)
    np.testing.assert_array_equal(m2.predict(x), m.predict(x))
    assert m2.compiled and type(m2.loss).__name__ == type(m.loss).__name__
    # The file is a real safetensors file with the architecture in __metadata__.
    with safetensors.safe_open(str(p), framework="np") as f:
        meta = f.metadata()
        keys = set(f.keys())
    header = json.loads(meta["mitbadak"])
    assert header["model"]["class_name"] == "Sequential"
    assert meta["format"] == "mitbadak-model"
    assert {f"weights/{name}" for name in m.state_dict()} <= keys  # format 2: state_dict names


def test_weights_save_load(tmp_path):
    m, m2 = _model(), _model()
    p = tmp_path / "w.safetensors"
    m.save_weights(p)
    m2.load_weights(p)
    for a, b in zip(m.get_weights(), m2.get_weights()):
        np.testing.assert_array_equal(a, b)
    lib = st_numpy.load_file(str(p))
    first = next(iter(m.state_dict()))
    np.testing.assert_array_equal(lib[f"weights/{first}"], m.state_dict()[first])
    # a whole-model file also loads into load_weights
    m.save(tmp_path / "full.safetensors")
    _model().load_weights(tmp_path / "full.safetensors")


def test_load_weights_from_library_written_file(tmp_path):
    m, m2 = _model(), _model()
    p = tmp_path / "lib.safetensors"
    header = {"format": "mitbadak-model", "version": 1, "weights_only": True}
    st_numpy.save_file(
        {f"weight_{i}": w for i, w in enumerate(m.get_weights())},
        str(p),
        metadata={"mitbadak": json.dumps(header)},
    )
    m2.load_weights(p)
    x = np.ones((2, 1, 6, 6), np.float32)
    np.testing.assert_array_equal(m2.predict(x), m.predict(x))


def test_foreign_file_without_header(tmp_path):
    p = tmp_path / "plain.safetensors"
    st_numpy.save_file({"a": np.ones(2, np.float32)}, str(p))
    with pytest.raises(FileFormatError, match="plain.safetensors.*without a mitbadak header"):
        mb.load_model(p)


def _write_raw(p, header, data=b"", n=None):
    raw = json.dumps(header).encode()
    p.write_bytes(struct.pack("<Q", len(raw) if n is None else n) + raw + data)
    return p


@pytest.mark.parametrize(
    "header,data,match",
    [
        ({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 4, "outside"),
        ({"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}, b"\0" * 8, "needs 12"),
        ({"a": {"dtype": "X9", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 8, "dtype"),
        ({"a": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}}, b"\0" * 8, "shape"),
        ({"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}, b"\0" * 8, "cover 4"),
        (
            {
                "a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]},
            },
            b"\0" * 8,
            "overlap",
        ),
        ({"a": {"dtype": "F32", "shape": [1]}}, b"\0" * 4, "data_offsets"),
        ({"__metadata__": {"k": 1}}, b"", "strings"),
        ([1, 2], b"", "not a JSON object"),
        # a huge shape: rejected from the header alone, nothing allocated
        (
            {"a": {"dtype": "F64", "shape": [10**6, 10**6], "data_offsets": [0, 8]}},
            b"\0" * 8,
            "needs",
        ),
    ],
)
def test_malformed(tmp_path, header, data, match):
    p = _write_raw(tmp_path / "bad.safetensors", header, data)
    with pytest.raises(FileFormatError, match=f"bad.safetensors.*{match}"):
        load_file(p)


def test_malformed_sizes(tmp_path):
    p = tmp_path / "bad.safetensors"
    p.write_bytes(b"\x01\x02")
    with pytest.raises(FileFormatError, match="bad.safetensors.*shorter"):
        load_file(p)
    _write_raw(p, {}, n=MAX_HEADER_SIZE + 1)
    with pytest.raises(FileFormatError, match="more than"):
        load_file(p)
    _write_raw(p, {}, n=1000)
    with pytest.raises(FileFormatError, match="header of 1000 bytes"):
        load_file(p)
    p.write_bytes(struct.pack("<Q", 4) + b"\xff\xfe{}")
    with pytest.raises(FileFormatError, match="not JSON"):
        load_file(p)
    p.write_bytes(struct.pack("<Q", 13) + b'{"a":1,"a":2}')
    with pytest.raises(FileFormatError, match="twice"):
        load_file(p)
    with pytest.raises(FileFormatError, match="no such file"):
        load_file(tmp_path / "missing.safetensors")
    with pytest.raises(FileFormatError, match="bad.safetensors"):
        mb.load_model(p)


def test_truncated_model_file(tmp_path):
    p = tmp_path / "m.safetensors"
    _model().save(p)
    p.write_bytes(p.read_bytes()[:-10])
    with pytest.raises(FileFormatError, match="m.safetensors"):
        mb.load_model(p)


def test_unsupported_dtype_on_save(tmp_path):
    with pytest.raises(mb.errors.ConfigError, match="complex128"):
        save_file({"c": np.ones(2, complex)}, tmp_path / "c.safetensors")
    assert not (tmp_path / "c.safetensors").exists()


@pytest.mark.parametrize("module", ["safetensors", "interop"])
def test_docstring_examples_run(module, tmp_path, monkeypatch):
    import doctest
    import importlib

    monkeypatch.chdir(tmp_path)
    mod = importlib.import_module(f"mitbadak.{module}")
    result = doctest.testmod(mod, extraglobs={"np": np}, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
