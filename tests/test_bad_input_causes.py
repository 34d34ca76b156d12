"""Issue 14: one test per cause of a raw error or a silent wrong answer on bad input."""

from __future__ import annotations

import gzip
import json
import os
import struct
import time
import zipfile

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import classic, data, io, layers, losses, metrics, optimizers, regularizers
from mitbadak.cli import main as cli_main
from mitbadak.errors import (
    ArgumentTypeError,
    ConfigError,
    DataError,
    DTypeError,
    FileFormatError,
    LabelError,
    MitbadakError,
    ShapeError,
)


def _model(n_out=3):
    m = mb.Sequential([layers.Dense(n_out, input_shape=(2,))])
    m.compile("sgd", "sparse_categorical_crossentropy" if n_out > 1 else "mse")
    m(np.zeros((1, 2), "float32"))  # built, so it can be saved
    return m


X = np.random.default_rng(0).random((8, 2)).astype("float32")
Y = np.arange(8) % 3


# --- unchecked int() / float() --------------------------------------------------------------
@pytest.mark.parametrize(
    "make",
    [
        lambda: layers.Dense("abc"),
        lambda: layers.Dropout(None),
        lambda: optimizers.SGD(momentum=None),
        lambda: optimizers.Adam(betas=0.9),
        lambda: data.train_test_split(np.zeros((10, 2)), test_size="0.2"),
        lambda: data.DataLoader(np.zeros((4, 2)), batch_size=None),
        lambda: _model().fit(X, Y, epochs=None, verbose=0),
        lambda: _model().fit(X, Y, validation_split="0.2", verbose=0),
    ],
)
def test_wrong_types_are_mitbadak_errors(make):
    with pytest.raises(MitbadakError):
        make()


def test_logistic_regression_c_none():
    with pytest.raises(ArgumentTypeError, match="C"):
        classic.LogisticRegression(C=None).fit(np.random.rand(10, 2), np.arange(10) % 2)


@pytest.mark.parametrize(
    "make",
    [
        lambda: layers.Dense(2.5),
        lambda: layers.Conv2D(2.5, 3),
        lambda: data.DataLoader(np.zeros((4, 2)), batch_size=2.5),
        lambda: _model().fit(X, Y, batch_size=2.5, verbose=0),
        lambda: _model().fit(X, Y, epochs=2.5, verbose=0),
    ],
)
def test_no_silent_truncation(make):
    with pytest.raises(ConfigError, match="whole number"):
        make()


def test_booleans_are_not_integers():
    with pytest.raises(ArgumentTypeError, match="bool"):
        layers.Dense(True)


def test_batch_size_none_is_the_keras_default():
    h = _model().fit(X, Y, batch_size=None, epochs=1, verbose=0)
    assert h.history["loss"] and np.isfinite(h.history["loss"][0])


# --- non-finite values ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "make",
    [
        lambda: optimizers.SGD(learning_rate=float("inf")),
        lambda: optimizers.AdamW(weight_decay=float("nan")),
        lambda: regularizers.L2(float("nan")),
    ],
)
def test_non_finite_hyper_parameters(make):
    with pytest.raises(ConfigError, match="finite"):
        make()


# --- fit checks y and sample_weight ----------------------------------------------------------
def test_fit_checks_y_and_sample_weight():
    reg = _model(1)
    with pytest.raises(DataError, match="y contains NaN"):
        reg.fit(X, np.where(Y == 0, np.nan, 1.0), verbose=0)
    with pytest.raises(DataError, match="sample_weight"):
        _model().fit(X, Y, sample_weight=np.full(8, np.nan), verbose=0)
    with pytest.raises(DataError, match="negative"):
        _model().fit(X, Y, sample_weight=-np.ones(8), verbose=0)
    with pytest.raises(ShapeError, match="sample_weight"):
        _model().fit(X, Y, sample_weight=np.ones(3), verbose=0)


def test_class_weights_through_the_one_function():
    with pytest.raises(LabelError, match="class 7"):
        _model().fit(X, Y, class_weight={0: 1.0, 7: 2.0}, verbose=0)
    with pytest.raises(LabelError, match="negative"):
        _model().fit(X, Y, class_weight={-1: 2.0}, verbose=0)
    # string keys (as read from JSON) and the list form weigh like the dict
    w_dict = losses.sample_weights(Y, None, {0: 1.0, 1: 2.0, 2: 3.0}, 3)
    w_str = losses.sample_weights(Y, None, json.loads('{"0": 1.0, "1": 2.0, "2": 3.0}'), 3)
    w_list = losses.sample_weights(Y, None, [1.0, 2.0, 3.0], 3)
    assert w_dict.tolist() == w_str.tolist() == w_list.tolist() == [1, 2, 3, 1, 2, 3, 1, 2]
    with pytest.raises(LabelError):
        losses.sample_weights(np.array([0.5, 1.0]), None, {0: 1.0, 1: 2.0}, 2)


# --- functions given arrays, lists, numbers ----------------------------------------------------
def test_functions_accept_arrays_lists_numbers():
    assert mb.relu([1, -1]).tolist() == [1, 0]
    np.testing.assert_allclose(mb.softmax(np.zeros((2, 2))).numpy(), 0.5)
    np.testing.assert_allclose(mb.exp(np.zeros(3)).numpy(), 1.0)
    assert mb.exp(0.0).item() == 1.0


def test_function_argument_errors():
    with pytest.raises(ShapeError, match="softmax"):
        mb.softmax(mb.Tensor(np.ones((2, 3))), axis=5)
    with pytest.raises(ShapeError, match="ragged"):
        mb.relu([[1, 2], [3]])
    with pytest.raises(ShapeError, match="ragged"):
        mb.Tensor([[1, 2], [3]])
    with pytest.raises(ArgumentTypeError):
        mb.relu("abc")
    with pytest.raises(DTypeError, match="complex"):
        layers.Dense(2)(mb.Tensor(np.ones((2, 3)) + 1j))


# --- losses and metrics ------------------------------------------------------------------------
def test_bce_refuses_non_probabilities():
    with pytest.raises(DataError, match="probabilities"):
        losses.BinaryCrossentropy()(np.array([1.0, 0.0]), np.array([1.5, -0.2]))
    ok = losses.BinaryCrossentropy(from_logits=True)(np.array([1.0, 0.0]), np.array([1.5, -0.2]))
    assert np.isfinite(ok.item())


def test_top_k():
    with pytest.raises(ConfigError, match="k"):
        metrics.TopKCategoricalAccuracy(k=0)
    scores = np.array([[0.5, 0.3, 0.2], [0.1, 0.2, 0.7]])
    assert metrics.TopKCategoricalAccuracy(k=2)(np.array([1, 0]), scores) == 0.5
    assert metrics.TopKCategoricalAccuracy(k=2)(np.eye(3)[[1, 0]], scores) == 0.5
    with pytest.raises(LabelError):
        metrics.SparseTopKCategoricalAccuracy(k=2)(np.array([5]), scores[:1])


# --- model API --------------------------------------------------------------------------------
def test_model_api_errors():
    m = _model()
    sched = mb.callbacks.LearningRateScheduler(lambda epoch: None)
    with pytest.raises(MitbadakError, match="schedule"):
        m.fit(X, Y, callbacks=[sched], verbose=0)
    sched = mb.callbacks.LearningRateScheduler(lambda epoch: "fast")
    with pytest.raises(MitbadakError, match="schedule"):
        _model().fit(X, Y, callbacks=[sched], verbose=0)
    with pytest.raises(MitbadakError, match="augment"):
        _model().fit(X, Y, augment=lambda xb, rng: None, verbose=0)
    with pytest.raises(ConfigError, match="index"):
        m.get_layer(index=10)
    h = _model().fit(X, Y, callbacks=mb.callbacks.EarlyStopping(monitor="loss"), verbose=0)
    assert len(h.epoch) == 1


# --- data --------------------------------------------------------------------------------------
def test_stratify_of_the_wrong_length():
    with pytest.raises(ShapeError, match="stratify"):
        data.train_test_split(np.zeros((10, 2)), np.arange(10) % 2, stratify=np.arange(5) % 2)


# --- files --------------------------------------------------------------------------------------
def _write_npz(path, header, arrays):
    hdr = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    np.savez(path, __mitbadak__=hdr, **arrays)


def _saved(tmp_path):
    m = _model()
    p = tmp_path / "m.npz"
    m.save(p)
    return p, io.load_arrays(p)


def test_forged_dense_header_is_refused_before_allocating(tmp_path):
    p, (header, arrays) = _saved(tmp_path)
    cfg = header["model"]["config"]["layers"][0]["config"]
    cfg["units"] = 10**6
    for key in ("input_shape", "batch_input_shape", "input_dim"):
        cfg.pop(key, None)
    header["input_shape"] = [10**6]
    forged = tmp_path / "forged.npz"
    _write_npz(forged, header, arrays)
    assert forged.stat().st_size < 20_000
    with pytest.raises(FileFormatError, match="more than the file holds"):
        mb.load_model(forged)


def test_abstract_model_header(tmp_path):
    p, (header, arrays) = _saved(tmp_path)
    header["model"] = {"class_name": "Model", "config": {"name": "m"}}
    bad = tmp_path / "abstract.npz"
    _write_npz(bad, header, arrays)
    with pytest.raises(FileFormatError, match="abstract.npz"):
        mb.load_model(bad)


def test_load_model_on_a_weights_file(tmp_path):
    m = _model()
    p = tmp_path / "w.npz"
    m.save_weights(p)
    with pytest.raises(FileFormatError, match="load_weights"):
        mb.load_model(p)


def test_complex_arrays_are_refused(tmp_path):
    p, (header, arrays) = _saved(tmp_path)
    key = next(iter(arrays))
    arrays[key] = arrays[key].astype(np.complex128)
    bad = tmp_path / "complex.npz"
    _write_npz(bad, header, arrays)
    with pytest.raises(FileFormatError, match="complex"):
        mb.load_model(bad)


def test_corrupt_random_state_fails_at_load(tmp_path):
    m = _model()
    m.fit(X, Y, epochs=1, verbose=0)
    ck = mb.callbacks.ModelCheckpoint(str(tmp_path / "ck.npz"))
    m.fit(X, Y, epochs=1, verbose=0, callbacks=[ck])
    header, arrays = io.load_arrays(tmp_path / "ck.npz")
    ts = header.get("training_state")
    if not ts or not ts.get("fit_rng"):
        pytest.skip("this checkpoint holds no random state")
    ts["fit_rng"]["state"] = {"state": "garbage"}
    bad = tmp_path / "bad_rng.npz"
    _write_npz(bad, header, arrays)
    with pytest.raises(FileFormatError, match="bad_rng.npz"):
        mb.load_model(bad)


def test_stale_temporaries_are_removed_at_the_next_save(tmp_path):
    stale = tmp_path / ".m.npz.abc123.tmp"
    stale.write_bytes(b"x" * 1000)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    young = tmp_path / ".m.npz.def456.tmp"
    young.write_bytes(b"y")
    other = tmp_path / ".other.npz.abc.tmp"
    other.write_bytes(b"z")
    os.utime(other, (old, old))
    _model().save(tmp_path / "m.npz")
    assert not stale.exists() and young.exists() and other.exists()


def test_failed_save_leaves_no_temporary(tmp_path):
    def boom(f):
        f.write(b"partial")
        raise OSError("disk full")

    with pytest.raises(OSError):
        io.atomic_write(tmp_path / "m.npz", boom)
    assert list(tmp_path.iterdir()) == []


def test_gzip_bomb_in_the_mnist_folder(tmp_path):
    path = tmp_path / "bomb-idx1-ubyte.gz"
    with gzip.open(path, "wb") as f:
        f.write(struct.pack(">II", 2049, 10))
        chunk = bytes(1 << 20)
        for _ in range(16):  # 16 MB of zeros, ~16 kB on disk
            f.write(chunk)
    with pytest.raises(FileFormatError, match="extra bytes"):
        data.mnist.read_idx(path)
    huge = tmp_path / "huge-idx3-ubyte.gz"
    with gzip.open(huge, "wb") as f:
        f.write(struct.pack(">IIII", 2051, 10**6, 10**4, 10**4))
    with pytest.raises(FileFormatError, match="declares"):
        data.mnist.read_idx(huge)


def test_not_a_zip_is_a_file_format_error(tmp_path):
    p = tmp_path / "x.npz"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("junk.txt", "hello")
    with pytest.raises(FileFormatError, match="x.npz"):
        mb.load_model(p)


# --- CLI ----------------------------------------------------------------------------------------
def test_cli_seed_and_out(tmp_path, capsys):
    assert cli_main(["train", "--seed", "-1"]) == 2
    err = capsys.readouterr().err
    assert "seed" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert cli_main(["train", "--dataset", "digits", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert str(tmp_path) in err and ".tmp" not in err


def test_cli_metadata_non_number(tmp_path, capsys):
    m = _model()
    p = tmp_path / "m.npz"
    io.save_model(m, p, extra={"test_accuracy": "high", "dataset": "digits", "seed": "x"})
    assert cli_main(["summary", str(p)]) == 1
    err = capsys.readouterr().err
    assert "test_accuracy" in err and len(err.strip().splitlines()) == 1


def test_cli_predict_regression_prints_a_value(tmp_path, capsys):
    pytest.importorskip("PIL")
    from PIL import Image

    m = mb.Sequential([layers.Flatten(input_shape=(8, 8)), layers.Dense(1)])
    m.compile("sgd", "mse")
    m(np.zeros((1, 8, 8), "float32"))
    p = tmp_path / "r.npz"
    m.save(p)
    img = tmp_path / "i.png"
    Image.fromarray(np.zeros((8, 8), np.uint8)).save(img)
    assert cli_main(["predict", str(p), str(img)]) == 0
    out = capsys.readouterr().out
    assert "value" in out and "class" not in out


def test_model_subclass_without_super_init():
    class M(mb.Model):
        def __init__(self):
            self.d = layers.Dense(2)

        def call(self, x):
            return self.d(x)

    with pytest.raises(mb.InitError, match="super"):
        m = M()
        m.compile("sgd", "mse")
        m.fit(X, np.ones((8, 2)), verbose=0)
    assert not hasattr(layers.Dense(2), "no_such_attribute")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"steps_per_epoch": 2.5},
        {"validation_steps": "2"},
        {"shuffle": "no"},
        {"seed": "x"},
        {"seed": -1},
    ],
)
def test_fit_options_checked(kwargs):
    with pytest.raises(MitbadakError):
        _model().fit(X, Y, verbose=0, **kwargs)


def test_set_seed_checked():
    for bad in ("x", -1, 2.5, True):
        with pytest.raises(MitbadakError, match="seed"):
            mb.set_seed(bad)
    mb.set_seed(0)


def test_evaluate_checks_y_and_sample_weight():
    m = _model(1)
    with pytest.raises(DataError, match="y contains NaN"):
        m.evaluate(X, np.full(8, np.nan), verbose=0)
    with pytest.raises(DataError, match="sample_weight"):
        m.evaluate(X, np.ones(8), sample_weight=np.full(8, np.inf), verbose=0)


def test_huber_delta_and_metrics_ragged():
    with pytest.raises(ConfigError, match="delta"):
        losses.Huber(delta=float("nan"))
    with pytest.raises(ShapeError, match="ragged"):
        metrics.Accuracy()([[1], [1, 2]], [1, 2])
