"""ONNX export: every supported layer kind exported, checked with onnx.checker, run in
onnxruntime and compared with model.predict (max abs difference <= 1e-5 in float32)."""

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import layers
from mitbadak.errors import ConfigError, ShapeError

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

from mitbadak.export import DEFAULT_OPSET, to_onnx  # noqa: E402

ACTIVATIONS = [
    "linear",
    "step",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "elu",
    "selu",
    "gelu",
    "gelu_tanh",
    "silu",
    "swish",
    "softplus",
    "softmax",
    "log_softmax",
]


def _randomize(model, seed=0):
    """Non-trivial weights everywhere (BatchNorm running stats included)."""
    rng = np.random.default_rng(seed)
    values = []
    for w in model.weights:
        v = rng.normal(0, 0.5, w.shape)
        if "moving_variance" in w.name:
            v = rng.uniform(0.5, 2.0, w.shape)
        values.append(v)
    model.set_weights(values)


def _check(model, x, tmp_path, opset=DEFAULT_OPSET, atol=1e-5):
    p = tmp_path / "m.onnx"
    proto = to_onnx(model, p, opset=opset)
    onnx.checker.check_model(onnx.load(str(p)), full_check=True)
    assert proto.opset_import[0].version == opset
    sess = ort.InferenceSession(str(p), providers=["CPUExecutionProvider"])
    got = sess.run(None, {"input": x})[0]
    want = model.predict(x)
    assert got.shape == want.shape
    diff = float(np.abs(got - want).max())
    assert diff <= atol, diff
    return proto


def _x(shape, seed=1, dtype=np.float32):
    return np.random.default_rng(seed).normal(size=shape).astype(dtype)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_every_activation(name, tmp_path):
    m = mb.Sequential([layers.Dense(6, activation=name), layers.Activation(name)])
    m.build((1, 5))
    _randomize(m)
    x = _x((7, 5)) * 3
    x[0, :] = 0.0  # step's edge
    _check(m, x, tmp_path)


def test_mlp_with_dropout(tmp_path):
    m = mb.Sequential(
        [
            layers.Dense(16, activation="relu"),
            layers.Dropout(0.5),
            layers.BatchNormalization(),
            layers.Dense(3, activation="softmax", use_bias=False),
        ]
    )
    m.build((1, 8))
    _randomize(m)
    proto = _check(m, _x((10, 8)), tmp_path)
    assert "Identity" in {n.op_type for n in proto.graph.node}


@pytest.mark.parametrize("opset", [17, 18])
@pytest.mark.parametrize("data_format", ["channels_first", "channels_last"])
def test_cnn(tmp_path, data_format, opset):
    df = {"data_format": data_format}
    axis = 1 if data_format == "channels_first" else -1
    m = mb.Sequential(
        [
            layers.ZeroPadding2D(((1, 0), (2, 1)), **df),
            layers.Conv2D(4, 3, padding="same", activation="relu", **df),
            layers.BatchNormalization(axis=axis),
            layers.MaxPooling2D(2, padding="same", **df),
            layers.Conv2D(5, (2, 3), strides=(2, 1), dilation_rate=(1, 2), activation="tanh", **df),
            layers.AveragePooling2D(2, strides=1, padding="same", **df),
            layers.Conv2D(3, 3, padding=1, use_bias=False, **df),
            layers.AveragePooling2D(2, **df),
            layers.Flatten(),
            layers.Dense(4),
        ]
    )
    shape = (2, 11, 9) if data_format == "channels_first" else (11, 9, 2)
    m.build((1, *shape))
    _randomize(m)
    _check(m, _x((3, *shape)), tmp_path, opset=opset)


@pytest.mark.parametrize("cls", [layers.GlobalAveragePooling2D, layers.GlobalMaxPooling2D])
@pytest.mark.parametrize("keepdims", [False, True])
def test_global_pooling(tmp_path, cls, keepdims):
    m = mb.Sequential([layers.Conv2D(3, 3), cls(keepdims=keepdims)])
    m.build((1, 2, 6, 6))
    _randomize(m)
    _check(m, _x((4, 2, 6, 6)), tmp_path)


def test_reshape_and_layer_norm(tmp_path):
    m = mb.Sequential(
        [
            layers.Reshape((2, 3, 4)),
            layers.LayerNormalization(axis=(2, 3)),
            layers.Reshape((-1, 4)),
            layers.LayerNormalization(),
            layers.Flatten(),
        ]
    )
    m.build((1, 24))
    _randomize(m)
    _check(m, _x((5, 24)), tmp_path)


@pytest.mark.parametrize("cls", [layers.SimpleRNN, layers.LSTM, layers.GRU])
@pytest.mark.parametrize("return_sequences", [False, True])
@pytest.mark.parametrize("go_backwards", [False, True])
def test_recurrent(tmp_path, cls, return_sequences, go_backwards):
    kwargs = {"activation": "relu"} if cls is layers.SimpleRNN and go_backwards else {}
    m = mb.Sequential(
        [
            cls(5, return_sequences=return_sequences, go_backwards=go_backwards, **kwargs),
            layers.Dense(2),
        ]
    )
    m.build((1, 6, 3))
    _randomize(m)
    _check(m, _x((4, 6, 3)), tmp_path)


@pytest.mark.parametrize("cls", [layers.SimpleRNN, layers.LSTM, layers.GRU])
@pytest.mark.parametrize("merge_mode", ["concat", "sum", "ave", "mul"])
def test_bidirectional(tmp_path, cls, merge_mode):
    m = mb.Sequential(
        [
            layers.Bidirectional(cls(4, return_sequences=True), merge_mode=merge_mode),
            layers.Bidirectional(cls(3, use_bias=False), merge_mode=merge_mode),
        ]
    )
    m.build((1, 5, 3))
    _randomize(m)
    _check(m, _x((3, 5, 3)), tmp_path)


def test_time_distributed(tmp_path):
    m = mb.Sequential(
        [
            layers.TimeDistributed(layers.Conv2D(2, 3, activation="relu")),
            layers.TimeDistributed(layers.Flatten()),
            layers.GRU(3),
        ]
    )
    m.build((1, 4, 1, 5, 5))
    _randomize(m)
    _check(m, _x((3, 4, 1, 5, 5)), tmp_path)


def test_embedding_lstm_classifier(tmp_path):
    m = mb.Sequential(
        [
            layers.Embedding(20, 6),
            layers.LSTM(8),
            layers.Dense(3, activation="softmax"),
        ]
    )
    m.build((1, 7))
    ids = np.random.default_rng(2).integers(0, 20, size=(5, 7)).astype(np.int64)
    m(ids)
    _randomize(m)
    proto = _check(m, ids, tmp_path)
    assert proto.graph.input[0].type.tensor_type.elem_type == onnx.TensorProto.INT64


def test_trained_model_and_cli(tmp_path):
    from mitbadak.cli import main

    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 1, 6, 6)).astype(np.float32)
    y = (x.mean(axis=(1, 2, 3)) > 0).astype(np.int64)
    m = mb.Sequential(
        [
            layers.Conv2D(4, 3, activation="relu"),
            layers.BatchNormalization(),
            layers.Flatten(),
            layers.Dropout(0.2),
            layers.Dense(2, activation="softmax"),
        ]
    )
    m.compile("adam", "sparse_categorical_crossentropy")
    m.fit(x, y, epochs=2, batch_size=16, verbose=0)
    saved = tmp_path / "model.npz"
    m.save(saved)
    out = tmp_path / "model.onnx"
    assert main(["export", str(saved), str(out)]) == 0
    sess = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    got = sess.run(None, {"input": x})[0]
    assert float(np.abs(got - m.predict(x)).max()) <= 1e-5
    assert main(["export", str(tmp_path / "missing.npz"), str(out)]) == 1
    m.save(tmp_path / "model.safetensors")  # the safetensors format exports the same way
    assert main(["export", str(tmp_path / "model.safetensors"), str(out), "--opset", "18"]) == 0
    assert main(["summary", str(tmp_path / "model.safetensors")]) == 0
    sess = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    assert float(np.abs(sess.run(None, {"input": x})[0] - m.predict(x)).max()) <= 1e-5


def test_float64_model(tmp_path):
    mb.set_default_dtype("float64")
    try:
        # (onnxruntime has float32-only CPU kernels for Erf, Selu, RNN/LSTM/GRU...)
        m = mb.Sequential(
            [layers.Dense(4, activation="tanh"), layers.Dense(2, activation="softmax")]
        )
        m.build((1, 5, 3))
    finally:
        mb.set_default_dtype("float32")
    _randomize(m)
    proto = _check(m, _x((3, 5, 3), dtype=np.float64), tmp_path, atol=1e-12)
    assert proto.graph.input[0].type.tensor_type.elem_type == onnx.TensorProto.DOUBLE


def test_errors(tmp_path):
    with pytest.raises(ShapeError, match="not built"):
        to_onnx(mb.Sequential([layers.Dense(2)]), tmp_path / "x.onnx")
    m = mb.Sequential([layers.Dense(2, activation=lambda t: t)])
    m.build((1, 3))
    with pytest.raises(ConfigError, match="dense.*unregistered activation"):
        to_onnx(m, tmp_path / "x.onnx")
    m = mb.Sequential([layers.Dense(2)])
    m.build((1, 3))
    with pytest.raises(ConfigError, match="opset"):
        to_onnx(m, tmp_path / "x.onnx", opset=9)
    m = mb.Sequential([layers.Embedding(5, 3, mask_zero=True), layers.GRU(2)])
    m.build((1, 4))
    with pytest.raises(ConfigError, match="masked"):
        to_onnx(m, tmp_path / "x.onnx")

    class Custom(layers.Dense):
        def call(self, x, training=False):
            return super().call(x, training) * 2.0

    m = mb.Sequential([Custom(2)])
    m.build((1, 3))
    with pytest.raises(ConfigError, match="Custom has no ONNX converter"):
        to_onnx(m, tmp_path / "x.onnx")
    assert not (tmp_path / "x.onnx").exists()


@pytest.mark.parametrize(
    "module", ["export", "export.onnx_graph", "export.onnx_layers", "export.onnx_recurrent"]
)
def test_docstring_examples_run(module, tmp_path, monkeypatch):
    import doctest
    import importlib

    monkeypatch.chdir(tmp_path)
    mod = importlib.import_module(f"mitbadak.{module}")
    result = doctest.testmod(mod, extraglobs={"np": np}, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_exported_file_runs_the_documented_way(tmp_path):
    """The module docstring's example, without the skips."""
    m = mb.Sequential([layers.Dense(3, activation="relu")])
    m.build((1, 4))
    p = tmp_path / "m.onnx"
    proto = to_onnx(m, p)
    assert [n.op_type for n in proto.graph.node] == ["MatMul", "Add", "Relu", "Identity"]
    out = ort.InferenceSession(str(p)).run(None, {"input": np.ones((2, 4), np.float32)})[0]
    assert out.shape == (2, 3)
