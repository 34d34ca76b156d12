"""interop: networks built in real PyTorch and real Keras 3, their weights imported into the
same network written in mitbadak, outputs compared; and to_torch the other way."""

import os

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import layers
from mitbadak.errors import ConfigError, FileFormatError, ShapeError
from mitbadak.interop import from_keras, from_torch, to_torch

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")
nn = torch.nn


def _randomize_torch(module, seed=0):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, t in module.state_dict().items():
            if t.dtype.is_floating_point:
                v = torch.randn(t.shape, generator=g) * 0.5
                if "running_var" in name:
                    v = v.abs() + 0.5
                t.copy_(v)
    module.eval()


def _torch_cnn():
    return nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(4, 3, 3, stride=2, bias=False),
        nn.Flatten(),
        nn.Linear(3, 8),
        nn.Tanh(),
        nn.Linear(8, 3),
    )


def _mb_cnn():
    m = mb.Sequential(
        [
            layers.Conv2D(4, 3, padding=1),
            layers.BatchNormalization(epsilon=1e-5, momentum=0.9),  # PyTorch's
            layers.Activation("relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(3, 3, strides=2, use_bias=False),
            layers.Flatten(),
            layers.Dense(8, activation="tanh"),
            layers.Dense(3),
        ]
    )
    m.build((1, 2, 8, 8))
    return m


def _compare(model, tmodel, x, atol=1e-5):
    with torch.no_grad():
        want = tmodel(torch.from_numpy(x)).numpy()
    got = model.predict(x)
    assert got.shape == want.shape
    assert float(np.abs(got - want).max()) <= atol


X_IMG = np.random.default_rng(0).normal(size=(5, 2, 8, 8)).astype(np.float32)


def test_cnn_from_state_dict():
    t = _torch_cnn()
    _randomize_torch(t)
    m = _mb_cnn()
    from_torch(m, t.state_dict())
    _compare(m, t, X_IMG)


def test_cnn_from_pt_and_safetensors_files(tmp_path):
    from safetensors.torch import save_file

    t = _torch_cnn()
    _randomize_torch(t, seed=3)
    torch.save(t.state_dict(), tmp_path / "w.pt")
    torch.save({"epoch": 3, "model_state_dict": t.state_dict()}, tmp_path / "ckpt.pth")
    save_file(t.state_dict(), str(tmp_path / "w.safetensors"))
    for name in ("w.pt", "ckpt.pth", "w.safetensors"):
        m = _mb_cnn()
        from_torch(m, tmp_path / name)
        _compare(m, t, X_IMG)


def test_pt_file_with_code_is_refused(tmp_path):
    class Evil:
        def __reduce__(self):
            return (os.system, ("echo pwned",))

    torch.save({"w": Evil()}, tmp_path / "evil.pt")
    with pytest.raises(FileFormatError, match="evil.pt"):
        from_torch(_mb_cnn(), tmp_path / "evil.pt")


def test_to_torch_roundtrip():
    m = _mb_cnn()
    rng = np.random.default_rng(1)
    m.set_weights([rng.normal(size=w.shape) for w in m.weights])
    mv = m.layers[1].moving_variance
    mv.data = np.abs(mv.data) + 0.5
    t = _torch_cnn()
    sd = to_torch(m)
    t.load_state_dict({k: torch.from_numpy(v) for k, v in zip(t.state_dict(), sd.values())})
    t.eval()
    _compare(m, t, X_IMG)


class _TorchText(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(12, 5)
        self.lstm = nn.LSTM(5, 6, num_layers=2, batch_first=True)
        self.gru = nn.GRU(6, 4, batch_first=True, bidirectional=True)
        self.rnn = nn.RNN(8, 3, batch_first=True)
        self.norm = nn.LayerNorm(3)
        self.out = nn.Linear(3, 2)

    def forward(self, ids):
        y, _ = self.lstm(self.emb(ids))
        y, _ = self.gru(y)
        _, h = self.rnn(y)
        return self.out(self.norm(h[0]))


def test_text_model_embedding_rnns_layer_norm():
    t = _TorchText()
    _randomize_torch(t, seed=5)
    m = mb.Sequential(
        [
            layers.Embedding(12, 5),
            layers.LSTM(6, return_sequences=True),
            layers.LSTM(6, return_sequences=True),
            layers.Bidirectional(layers.GRU(4, return_sequences=True)),
            layers.SimpleRNN(3),
            layers.LayerNormalization(epsilon=1e-5),
            layers.Dense(2),
        ]
    )
    ids = np.random.default_rng(2).integers(0, 12, size=(4, 7))
    m(ids)
    from_torch(m, t.state_dict())
    with torch.no_grad():
        want = t(torch.from_numpy(ids)).numpy()
    assert float(np.abs(m.predict(ids) - want).max()) <= 1e-5
    # and back: to_torch's arrays, in order, load into a fresh PyTorch model that then
    # computes the same (the LSTM/RNN biases come back summed into bias_ih, bias_hh = 0)
    t2 = _TorchText()
    ours = to_torch(m)
    assert len(ours) == len(t2.state_dict())
    t2.load_state_dict({k: torch.from_numpy(v) for k, v in zip(t2.state_dict(), ours.values())})
    with torch.no_grad():
        again = t2.eval()(torch.from_numpy(ids)).numpy()
    np.testing.assert_allclose(again, want, atol=1e-5)


def test_torch_errors():
    t = _torch_cnn()
    m = mb.Sequential([layers.Dense(3)])
    m.build((1, 5))
    with pytest.raises(ConfigError, match=r"5 modules with parameters \(0, 1, 4, 6, 8\).*1 layers"):
        from_torch(m, t.state_dict())
    before = m.get_weights()
    with pytest.raises(ShapeError, match="dense.*module 'fc'"):
        from_torch(m, {"fc.weight": np.zeros((3, 4)), "fc.bias": np.zeros(3)})
    np.testing.assert_array_equal(m.get_weights()[0], before[0])  # nothing changed
    with pytest.raises(ConfigError, match="missing weight"):
        from_torch(m, {"fc.running_mean": np.zeros(3)})
    with pytest.raises(FileFormatError, match="no such file"):
        from_torch(m, "nope.pt")


# ------------------------------------------------------------------------------------ Keras
@pytest.fixture(scope="module")
def keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    k = pytest.importorskip("keras")
    pytest.importorskip("h5py")
    if k.backend.backend() != "torch":
        pytest.skip("these tests run Keras on its torch backend")
    return k


def _randomize_keras(model, seed=0):
    rng = np.random.default_rng(seed)
    vals = []
    for w in model.weights:
        v = rng.normal(0, 0.5, w.shape)
        if "variance" in w.path:
            v = np.abs(v) + 0.5
        vals.append(v.astype(np.float32))
    model.set_weights(vals)


def test_keras_cnn(keras, tmp_path):
    L = keras.layers
    k = keras.Sequential(
        [
            keras.Input((8, 8, 2)),
            L.Conv2D(3, 3, activation="relu", padding="same"),
            L.BatchNormalization(),
            L.MaxPooling2D(2),
            L.Conv2D(4, (2, 3), strides=2),
            L.Flatten(),
            L.Dense(5, activation="relu"),
            L.Dense(3, activation="softmax"),
        ]
    )
    _randomize_keras(k)
    k.save_weights(tmp_path / "m.weights.h5")
    k.save(tmp_path / "m.keras")
    x = np.random.default_rng(4).normal(size=(6, 8, 8, 2)).astype(np.float32)
    want = np.asarray(k.predict(x, verbose=0))
    cl = {"data_format": "channels_last"}
    for name in ("m.weights.h5", "m.keras"):
        m = mb.Sequential(
            [
                layers.Conv2D(3, 3, activation="relu", padding="same", **cl),
                layers.BatchNormalization(axis=-1),
                layers.MaxPooling2D(2, **cl),
                layers.Conv2D(4, (2, 3), strides=2, **cl),
                layers.Flatten(),
                layers.Dense(5, activation="relu"),
                layers.Dense(3, activation="softmax"),
            ]
        )
        m.build((1, 8, 8, 2))
        from_keras(m, tmp_path / name)
        assert float(np.abs(m.predict(x) - want).max()) <= 1e-5


def test_keras_text(keras, tmp_path):
    L = keras.layers
    k = keras.Sequential(
        [
            keras.Input((6,), dtype="int32"),
            L.Embedding(10, 4),
            L.Bidirectional(L.LSTM(5, return_sequences=True)),
            L.GRU(3, return_sequences=True),
            L.SimpleRNN(4),
            L.LayerNormalization(),
            L.Dense(2),
        ]
    )
    _randomize_keras(k, seed=1)
    k.save(tmp_path / "t.keras")
    ids = np.random.default_rng(5).integers(0, 10, size=(3, 6))
    want = np.asarray(k.predict(ids, verbose=0))
    m = mb.Sequential(
        [
            layers.Embedding(10, 4),
            layers.Bidirectional(layers.LSTM(5, return_sequences=True)),
            layers.GRU(3, return_sequences=True),
            layers.SimpleRNN(4),
            layers.LayerNormalization(),
            layers.Dense(2),
        ]
    )
    m(ids)
    from_keras(m, tmp_path / "t.keras")
    assert float(np.abs(m.predict(ids) - want).max()) <= 1e-5


def test_keras_errors(keras, tmp_path):
    k = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2), keras.layers.Dense(2)])
    k.save_weights(tmp_path / "d.weights.h5")
    m = mb.Sequential([layers.Dense(2)])
    m.build((1, 3))
    with pytest.raises(ConfigError, match="does not take: dense_1"):
        from_keras(m, tmp_path / "d.weights.h5")
    m = mb.Sequential([layers.Dense(4), layers.Dense(2)])
    m.build((1, 3))
    with pytest.raises(ShapeError, match="dense.*'dense'"):
        from_keras(m, tmp_path / "d.weights.h5")
    (tmp_path / "bad.keras").write_bytes(b"not a zip")
    with pytest.raises(FileFormatError, match="bad.keras"):
        from_keras(m, tmp_path / "bad.keras")
    (tmp_path / "bad.weights.h5").write_bytes(b"not hdf5")
    with pytest.raises(FileFormatError, match="bad.weights.h5"):
        from_keras(m, tmp_path / "bad.weights.h5")


# ------------------------------------------- conv variants (issue 13's layers, once merged)
def _need(*names):
    missing = [n for n in names if not hasattr(layers, n)]
    if missing:
        pytest.skip(f"layers {missing} are not in this tree yet")
    return [getattr(layers, n) for n in names]


def test_torch_conv_variants():
    Conv1D, Depthwise, Transpose = _need("Conv1D", "DepthwiseConv2D", "Conv2DTranspose")
    t1 = nn.Sequential(nn.Conv1d(2, 4, 3, padding=1), nn.Tanh(), nn.Conv1d(4, 6, 2, groups=2))
    m1 = mb.Sequential([Conv1D(4, 3, padding="same", activation="tanh"), Conv1D(6, 2, groups=2)])
    m1.build((1, 2, 9))
    _randomize_torch(t1)
    from_torch(m1, t1.state_dict())
    _compare(m1, t1, np.random.default_rng(0).normal(size=(3, 2, 9)).astype(np.float32))
    t2 = nn.Sequential(
        nn.Conv2d(2, 6, 3, padding=1, groups=2), nn.ReLU(), nn.ConvTranspose2d(6, 3, 3, stride=2)
    )
    m2 = mb.Sequential(
        [
            Depthwise(3, depth_multiplier=3, padding="same", activation="relu"),
            Transpose(3, 3, strides=2, padding="valid"),
        ]
    )
    m2.build((1, 2, 5, 5))
    _randomize_torch(t2, seed=1)
    from_torch(m2, t2.state_dict())
    _compare(m2, t2, np.random.default_rng(1).normal(size=(2, 2, 5, 5)).astype(np.float32))
    t2b = nn.Sequential(
        nn.Conv2d(2, 6, 3, padding=1, groups=2), nn.ReLU(), nn.ConvTranspose2d(6, 3, 3, stride=2)
    )
    t2b.load_state_dict(
        dict(zip(t2b.state_dict(), (torch.from_numpy(v) for v in to_torch(m2).values())))
    )
    _compare(m2, t2b.eval(), np.random.default_rng(2).normal(size=(2, 2, 5, 5)).astype(np.float32))


def test_keras_conv_variants(keras, tmp_path):
    Conv1D, Depthwise, Transpose = _need("Conv1D", "DepthwiseConv2D", "Conv2DTranspose")
    L = keras.layers
    k = keras.Sequential(
        [
            keras.Input((7, 7, 2)),
            L.DepthwiseConv2D(3, depth_multiplier=2, padding="same", activation="relu"),
            L.Conv2DTranspose(3, 3, strides=2, padding="same"),
            L.Reshape((14 * 14, 3)),
            L.Conv1D(4, 3, strides=2, activation="tanh"),
        ]
    )
    _randomize_keras(k, seed=2)
    k.save_weights(tmp_path / "c.weights.h5")
    x = np.random.default_rng(6).normal(size=(2, 7, 7, 2)).astype(np.float32)
    want = np.asarray(k.predict(x, verbose=0))
    cl = {"data_format": "channels_last"}
    m = mb.Sequential(
        [
            Depthwise(3, depth_multiplier=2, padding="same", activation="relu", **cl),
            Transpose(3, 3, strides=2, padding="same", **cl),
            layers.Reshape((14 * 14, 3)),
            Conv1D(4, 3, strides=2, activation="tanh", **cl),
        ]
    )
    m.build((1, 7, 7, 2))
    from_keras(m, tmp_path / "c.weights.h5")
    assert float(np.abs(m.predict(x) - want).max()) <= 1e-5
