"""Dense, Sequential, the low-level training loop, and their errors."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.data import DataLoader, load_digits, train_test_split
from mitbadak.layers import Activation, Dense, Flatten, Reshape
from mitbadak.optimizers import SGD

try:
    import torch
except ImportError:
    torch = None


def test_dense_builds_lazily_from_first_input():
    layer = Dense(7)
    assert not layer.built and layer.weights == []
    y = layer(np.ones((3, 5), dtype=np.float32))
    assert layer.built and y.shape == (3, 7)
    assert layer.kernel.shape == (5, 7) and layer.bias.shape == (7,)
    assert y.dtype == np.float32


def test_dense_casts_float64_input_to_its_dtype():
    y = Dense(2)(np.ones((1, 3)))  # float64 data must not turn the model float64
    assert y.dtype == np.float32


def test_dense_error_names_layer_and_shapes():
    layer = Dense(4, name="hidden")
    layer(np.ones((2, 3)))
    with pytest.raises(mb.ShapeError, match=r"hidden.*3.*\(2, 5\)"):
        layer(np.ones((2, 5)))
    with pytest.raises(mb.ShapeError, match="batch, features"):
        Dense(3)(np.ones(4))


def test_sequential_rejects_wrong_input_shape_after_build():
    model = mb.Sequential([Dense(3)])
    model(np.ones((2, 4)))
    with pytest.raises(mb.ShapeError, match=r"\(batch, 4\)"):
        model(np.ones((2, 6)))


def test_dense_no_bias_and_activation():
    layer = Dense(3, use_bias=False, activation="relu")
    y = layer(-np.ones((2, 4)))
    assert len(layer.weights) == 1
    assert np.all(y.data >= 0)


def test_unknown_identifiers_are_config_errors():
    with pytest.raises(mb.ConfigError, match="activation"):
        Dense(3, activation="relux")
    with pytest.raises(mb.ConfigError, match="initializer"):
        Dense(3, kernel_initializer="he_normall")
    with pytest.raises(mb.ConfigError):
        Dense(0)


def test_get_set_weights_roundtrip_and_errors():
    model = mb.Sequential([Dense(3), Dense(2)])
    model(np.ones((1, 4)))
    ws = model.get_weights()
    assert [w.shape for w in ws] == [(4, 3), (3,), (3, 2), (2,)]
    ws[0][:] = 1.0
    model.set_weights(ws)
    assert np.all(model.layers[0].kernel.data == 1.0)
    with pytest.raises(mb.ShapeError, match="expected 4 arrays"):
        model.set_weights(ws[:3])
    with pytest.raises(mb.ShapeError, match="shape"):
        model.set_weights([np.zeros((5, 3))] + ws[1:])


def test_flatten_reshape_activation_layers():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    assert Flatten()(x).shape == (2, 12)
    assert Reshape((4, 3))(x).shape == (2, 4, 3)
    with pytest.raises(mb.ShapeError, match="Reshape"):
        Reshape((5,))(x)
    assert Activation("sigmoid")(np.zeros((1, 2))).tolist() == [[0.5, 0.5]]


@pytest.mark.skipif(torch is None, reason="PyTorch is the oracle (pip install torch==2.13.0)")
def test_mlp_forward_backward_matches_torch():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((16, 8))
    y = rng.integers(0, 5, 16)
    mb.set_default_dtype("float64")
    try:
        model = mb.Sequential([Dense(12, activation="tanh"), Dense(5)])
        model(x)
    finally:
        mb.set_default_dtype("float32")
    tm = torch.nn.Sequential(
        torch.nn.Linear(8, 12), torch.nn.Tanh(), torch.nn.Linear(12, 5)
    ).double()
    with torch.no_grad():
        for lin, (k, b) in zip([tm[0], tm[2]], [model.weights[0:2], model.weights[2:4]]):
            lin.weight.copy_(torch.tensor(k.data.T))
            lin.bias.copy_(torch.tensor(b.data))
    loss = mb.softmax_cross_entropy(model(x), y)
    tloss = torch.nn.functional.cross_entropy(tm(torch.tensor(x)), torch.tensor(y))
    loss.backward()
    tloss.backward()
    assert loss.item() == pytest.approx(tloss.item(), rel=1e-12)
    grads = [p.grad for p in model.parameters()]
    tgrads = [tm[0].weight.grad.T, tm[0].bias.grad, tm[2].weight.grad.T, tm[2].bias.grad]
    for g, tg in zip(grads, tgrads):
        np.testing.assert_allclose(g, tg.numpy(), rtol=1e-10, atol=1e-12)


def train_digits_mlp(seed: int = 0, epochs: int = 15):
    """The README's low-level loop: forward, loss, backward, step."""
    mb.set_seed(seed)
    ds = load_digits()
    x_train, x_test, y_train, y_test = train_test_split(
        ds.data / 16.0, ds.target, test_size=0.2, seed=seed
    )
    model = mb.Sequential([Dense(64, activation="relu"), Dense(10)])
    model.build((1, 64))
    opt = SGD(model.parameters(), lr=0.05, momentum=0.9)
    for _ in range(epochs):
        for xb, yb in DataLoader(x_train, y_train, batch_size=32, seed=seed):
            loss = mb.softmax_cross_entropy(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
    with mb.no_grad():
        acc = float((model(x_test, training=False).data.argmax(1) == y_test).mean())
    return model, acc


def test_low_level_loop_learns_digits():
    model, acc = train_digits_mlp()
    assert acc >= 0.95


def test_same_seed_same_weights_bit_for_bit():
    a, _ = train_digits_mlp(seed=3, epochs=2)
    b, _ = train_digits_mlp(seed=3, epochs=2)
    c, _ = train_digits_mlp(seed=4, epochs=2)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        assert np.array_equal(wa, wb)
    assert not np.array_equal(a.get_weights()[0], c.get_weights()[0])


def test_sgd_momentum_matches_torch_trajectory():
    torch_ = pytest.importorskip("torch", reason="PyTorch is the oracle")
    rng = np.random.default_rng(1)
    w0 = rng.standard_normal((4, 3))
    x = rng.standard_normal((10, 4))
    w = mb.Tensor(w0.copy(), requires_grad=True)
    tw = torch_.tensor(w0.copy(), requires_grad=True)
    opt = SGD([w], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
    topt = torch_.optim.SGD([tw], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
    for _ in range(20):
        opt.zero_grad()
        ((mb.Tensor(x) @ w).tanh() ** 2).mean().backward()
        opt.step()
        topt.zero_grad()
        ((torch_.tensor(x) @ tw).tanh() ** 2).mean().backward()
        topt.step()
        np.testing.assert_allclose(w.data, tw.detach().numpy(), rtol=1e-10, atol=1e-12)


def test_save_and_load_model_roundtrip(tmp_path):
    model, _ = train_digits_mlp(epochs=1)
    path = tmp_path / "m.npz"
    mb.save_model(model, path)
    loaded = mb.load_model(path)
    x = load_digits().data[:20] / 16.0
    np.testing.assert_array_equal(loaded.predict_on_batch(x), model.predict_on_batch(x))


def test_load_rejects_garbage_and_pickles(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(mb.FileFormatError, match="bad.npz"):
        mb.load_model(bad)
    evil = tmp_path / "evil.npz"
    np.savez(evil, __mitbadak__=np.array([object()], dtype=object))
    with pytest.raises(mb.FileFormatError):
        mb.load_model(evil)
    with pytest.raises(mb.FileFormatError, match="no such file"):
        mb.load_model(tmp_path / "missing.npz")


def test_sequential_accepts_any_sequence_length_but_checks_rank():
    from mitbadak.layers import LSTM

    model = mb.Sequential([LSTM(4), Dense(2)])
    assert model(np.zeros((3, 5, 6))).shape == (3, 2)
    assert model(np.zeros((3, 9, 6))).shape == (3, 2)  # another length, same model
    with pytest.raises(mb.ShapeError, match="expected input of shape"):
        model(np.zeros((3, 6)))


def test_orthogonal_initializer_returns_c_contiguous_arrays():
    w = mb.initializers.get("orthogonal")((3, 7))
    assert w.flags.c_contiguous
    np.testing.assert_allclose(w @ w.T, np.eye(3), atol=1e-5)


def test_non_numeric_input_is_a_dtype_error_not_a_numpy_traceback():
    with pytest.raises(mb.DTypeError, match=r"Dense 'words'.*numeric.*<U1"):
        Dense(2, name="words")(np.array([["a", "b"]]))
    with pytest.raises(mb.DTypeError, match="numbers"):
        mb.Tensor(["a"])
    with pytest.raises(mb.DTypeError):
        mb.Tensor(np.array([object()], dtype=object))


def test_default_layer_names_follow_keras():
    import re

    from mitbadak.layers import GRU, LSTM, Conv2D, MaxPooling2D, SimpleRNN

    layers = [LSTM(2), GRU(2), SimpleRNN(2), Conv2D(2, 3), MaxPooling2D()]
    names = [re.sub(r"_\d+$", "", layer.name) for layer in layers]  # drop the counter suffix
    assert names == ["lstm", "gru", "simple_rnn", "conv2d", "max_pooling2d"]


def test_fit_rejects_negative_epochs():
    model = mb.Sequential([Dense(2)])
    model.compile("sgd", "mse")
    with pytest.raises(mb.ConfigError, match="epochs"):
        model.fit(np.zeros((4, 3)), np.zeros((4, 2)), epochs=-1, verbose=0)
