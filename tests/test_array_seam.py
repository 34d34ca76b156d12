"""The engine through the array-module seam, on a stand-in module that refuses NumPy.

Every array here is a ``guard_xp.GuardedArray``: NumPy functions called on it directly raise
``BypassError``, so an op that writes ``np.exp(x)`` instead of ``array_module(x).exp(x)`` (and
would therefore fail on CuPy) fails here, on a CPU. Each op family runs forward and backward and
must give the same numbers as on plain NumPy, with values and gradients still guarded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pytest

import guard_xp
import mitbadak as mb
import mitbadak.functional as F
from mitbadak import backend


@pytest.fixture(autouse=True)
def _guarded() -> Iterator[None]:
    guard_xp.install()
    yield
    guard_xp.uninstall()


R = np.random.default_rng(0)


def _x(*shape: int, positive: bool = False) -> np.ndarray:
    a = R.standard_normal(shape)
    return (np.abs(a) + 0.5 if positive else a).astype(np.float64)


LABELS = np.array([0, 2, 1, 2])
CASES: dict[str, tuple[Callable[..., mb.Tensor], list[np.ndarray]]] = {
    # math / elementwise
    "add_mul_div": (lambda a, b: (a * b + a / (b * b + 1.0) - 2.0 * a).sum(), [_x(3, 4), _x(3, 4)]),
    "matmul": (lambda a, b: (a @ b).sum(), [_x(3, 4), _x(4, 2)]),
    "exp_log_sqrt_pow": (
        lambda a: (a.exp() + a.log() + a.sqrt() + a**1.5).sum(),
        [_x(3, 4, positive=True)],
    ),
    "broadcast": (lambda a, b: (a * b).sum(), [_x(3, 4), _x(4)]),
    # reduce
    "reduce": (
        lambda a: a.sum(axis=0).sum() + a.mean() + a.max(axis=1).sum() + a.min() + a.var(),
        [_x(3, 4)],
    ),
    # shape
    "shape": (
        lambda a: (a.reshape(4, 3).T.transpose(1, 0)[1:, ::2] * 1.0).sum(),
        [_x(3, 4)],
    ),
    "concat_stack": (lambda a, b: (mb.concatenate([a, b], axis=0) * 2).sum(), [_x(2, 3), _x(2, 3)]),
    # activation
    "activation": (
        lambda a: (
            (F.relu(a) + F.sigmoid(a) + F.tanh(a) + F.gelu(a) + F.elu(a) + F.leaky_relu(a)).sum()
            + F.softmax(a, dim=-1)[:, 0].sum()
            + F.log_softmax(a, dim=-1).sum()
        ),
        [_x(4, 3)],
    ),
    # loss
    "loss": (
        lambda a, b: F.mse_loss(a, b) + F.l1_loss(a, b) + F.huber_loss(a, b),
        [_x(4, 3), _x(4, 3)],
    ),
    "cross_entropy": (lambda a, y: F.cross_entropy(a, y), [_x(4, 3), LABELS]),
    "bce": (
        lambda a, t: F.binary_cross_entropy_with_logits(a, t),
        [_x(4), np.array([0.0, 1, 1, 0])],
    ),
    # conv, pool
    "conv2d": (
        lambda x, w, b: F.conv2d(x, w, b, padding=1).sum(),
        [_x(2, 3, 5, 5), _x(4, 3, 3, 3), _x(4)],
    ),
    "conv1d": (lambda x, w: F.conv1d(x, w).sum(), [_x(2, 3, 7), _x(4, 3, 3)]),
    "pool": (
        lambda x: F.max_pool2d(x, 2).sum() + F.avg_pool2d(x, 2).sum(),
        [_x(2, 3, 4, 4)],
    ),
    # norm
    "batch_norm": (
        lambda x, g, b: (F.batch_norm(x, None, None, g, b, training=True) ** 2).sum(),
        [_x(4, 3), _x(3), _x(3)],
    ),
    "layer_norm": (
        lambda x, g, b: (F.layer_norm(x, (3,), g, b) ** 2).sum(),
        [_x(4, 3), _x(3), _x(3)],
    ),
}


def _run(fn: Callable[..., mb.Tensor], arrays: list[np.ndarray], wrap: Callable) -> tuple:
    ts = [
        mb.Tensor(wrap(a), requires_grad=a.dtype.kind == "f" and i < 3 and a.ndim > 0)
        for i, a in enumerate(arrays)
    ]
    if fn is CASES["cross_entropy"][0] or fn is CASES["bce"][0]:
        ts[1].requires_grad = False
    out = fn(*ts)
    out.backward()
    return out, [t.grad for t in ts if t.requires_grad]


@pytest.mark.parametrize("name", sorted(CASES))
def test_op_family_through_the_seam(name: str) -> None:
    fn, arrays = CASES[name]
    ref, ref_grads = _run(fn, arrays, lambda a: a)
    out, grads = _run(fn, arrays, guard_xp.guard)
    assert isinstance(out.data, guard_xp.GuardedArray), type(out.data)
    assert out.device == "guard"
    np.testing.assert_allclose(np.asarray(out.data.view(np.ndarray)), ref.data, rtol=1e-10)
    assert len(grads) == len(ref_grads)
    for g, r in zip(grads, ref_grads):
        assert isinstance(g, guard_xp.GuardedArray), type(g)
        np.testing.assert_allclose(g.view(np.ndarray), r, rtol=1e-9, atol=1e-12)


def test_the_guard_catches_a_bypass() -> None:
    a = guard_xp.guard(np.ones(3))
    with pytest.raises(guard_xp.BypassError):
        np.exp(a)
    with pytest.raises(guard_xp.BypassError):
        a + np.zeros(3)  # a host array made with np.zeros, not xp.zeros
    assert backend.array_module(a) is guard_xp.xp


def test_dropout_through_the_seam() -> None:
    x = mb.Tensor(guard_xp.guard(np.ones((50, 20))), requires_grad=True)
    y = F.dropout(x, 0.5, training=True)
    y.sum().backward()
    assert isinstance(y.data, guard_xp.GuardedArray) and isinstance(x.grad, guard_xp.GuardedArray)
    kept = y.data.view(np.ndarray) != 0
    np.testing.assert_array_equal(x.grad.view(np.ndarray), np.where(kept, 2.0, 0.0))


def test_lstm_through_the_seam() -> None:
    layer = mb.layers.LSTM(4, return_sequences=False)
    x = _x(2, 5, 3).astype(np.float32)
    ref = layer(mb.Tensor(x))
    layer.to("guard") if False else None
    for p in layer.parameters():
        p.data = guard_xp.guard(p.data)
    out = layer(mb.Tensor(guard_xp.guard(x)))
    out.sum().backward()
    assert isinstance(out.data, guard_xp.GuardedArray)
    np.testing.assert_allclose(out.data.view(np.ndarray), ref.data, rtol=1e-5)
    assert all(isinstance(p.grad, guard_xp.GuardedArray) for p in layer.parameters())


def _models() -> dict[str, tuple[Callable[[], mb.Model], np.ndarray, np.ndarray, str]]:
    from mitbadak.layers import LSTM, Conv2D, Dense, Flatten, MaxPooling2D

    rx = np.random.default_rng(1)
    y3 = rx.integers(0, 3, 8)
    return {
        "dense": (
            lambda: mb.Sequential([Dense(6, activation="relu"), Dense(3, activation="softmax")]),
            rx.standard_normal((8, 4)).astype(np.float32),
            y3,
            "sparse_categorical_crossentropy",
        ),
        "conv": (
            lambda: mb.Sequential(
                [
                    Conv2D(2, 3, padding="same", activation="relu"),
                    MaxPooling2D(2),
                    Flatten(),
                    Dense(3),
                ]
            ),
            rx.standard_normal((8, 1, 6, 6)).astype(np.float32),
            y3,
            "sparse_categorical_crossentropy",
        ),
        "lstm": (
            lambda: mb.Sequential([LSTM(5), Dense(1)]),
            rx.standard_normal((8, 4, 3)).astype(np.float32),
            rx.standard_normal((8, 1)).astype(np.float32),
            "mse",
        ),
    }


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "rmsprop", "adagrad", "adam", "adamw"])
@pytest.mark.parametrize("kind", ["dense", "conv", "lstm"])
def test_fit_step_through_the_seam(kind: str, optimizer: str) -> None:
    build, x, y, loss = _models()[kind]
    opt = mb.optimizers.SGD(0.05, momentum=0.9) if optimizer == "momentum" else optimizer
    metrics = ["accuracy"] if kind != "lstm" else ["mae"]
    histories, weights = [], []
    for device in (None, "guard"):
        mb.set_seed(3)
        model = build()
        model.compile(
            opt if isinstance(opt, str) else mb.optimizers.SGD(0.05, momentum=0.9),
            loss,
            metrics=metrics,
        )
        h = model.fit(x, y, batch_size=4, epochs=2, verbose=0, shuffle=False, device=device)
        histories.append(h.history)
        if device == "guard":
            assert model.device == "guard"
            assert all(isinstance(w.data, guard_xp.GuardedArray) for w in model.weights)
            pred = model.predict(x, verbose=0)
            assert type(pred) is np.ndarray and pred.shape[0] == 8  # predict gives host arrays
        weights.append(model.get_weights())  # host arrays, as saving writes
    for k in histories[0]:
        np.testing.assert_allclose(histories[1][k], histories[0][k], rtol=1e-5, atol=1e-6)
    for a, b in zip(*weights):
        assert type(b) is np.ndarray
        np.testing.assert_allclose(b, a, rtol=1e-5, atol=1e-6)


def test_metrics_through_the_seam() -> None:
    from mitbadak import metrics

    y_true = np.array([0, 1, 2, 1])
    probs = np.array([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4], [0.6, 0.3, 0.1]])
    for fn in (metrics.sparse_categorical_accuracy, metrics.top_k_accuracy):
        assert fn(guard_xp.guard(y_true), guard_xp.guard(probs)) == fn(y_true, probs)
    for cls in (metrics.SparseCategoricalAccuracy, metrics.Precision, metrics.MeanAbsoluteError):
        m_ref, m = cls(), cls()
        m_ref.update_state(y_true, probs if cls is not metrics.MeanAbsoluteError else probs[:, 1])
        m.update_state(
            guard_xp.guard(y_true),
            guard_xp.guard(probs if cls is not metrics.MeanAbsoluteError else probs[:, 1]),
        )
        assert float(m.result()) == pytest.approx(float(m_ref.result()))


def test_move_a_trained_model_and_save_host_arrays(tmp_path) -> None:
    from mitbadak.layers import Dense

    x = np.random.default_rng(2).standard_normal((16, 3)).astype(np.float32)
    y = x.sum(1, keepdims=True)
    mb.set_seed(0)
    model = mb.Sequential([Dense(4, activation="tanh"), Dense(1)])
    model.compile("adam", "mse")
    model.fit(x, y, epochs=1, batch_size=8, verbose=0, seed=0)  # Adam's moments on the host
    model.to("guard")
    assert all(
        isinstance(v, guard_xp.GuardedArray) for st in model.optimizer.state for v in st.values()
    )
    model.fit(x, y, epochs=1, batch_size=8, verbose=0, seed=1)  # batches follow the model
    model.save(tmp_path / "m.npz")  # writes host arrays
    back = mb.load_model(tmp_path / "m.npz")
    assert back.device == "cpu"
    want = model.predict(x, verbose=0)
    np.testing.assert_allclose(back.predict(x, verbose=0), backend.to_host(want), rtol=1e-6)
    back.to("guard")  # loading onto the other device
    np.testing.assert_allclose(
        backend.to_host(back.predict(x, verbose=0)), backend.to_host(want), rtol=1e-6
    )


def _more_models() -> dict[str, tuple[Callable[[], mb.Model], np.ndarray]]:
    from mitbadak import layers as L

    rx = np.random.default_rng(0)
    return {
        "bn_dropout": (
            lambda: mb.Sequential(
                [
                    L.Dense(6),
                    L.BatchNormalization(),
                    L.Activation("relu"),
                    L.Dropout(0.3),
                    L.Dense(3),
                ]
            ),
            rx.standard_normal((8, 4)).astype(np.float32),
        ),
        "embedding": (
            lambda: mb.Sequential([L.Embedding(10, 4), L.GlobalAveragePooling1D(), L.Dense(3)]),
            rx.integers(0, 10, (8, 5)),
        ),
        "conv_bn_avgpool": (
            lambda: mb.Sequential(
                [
                    L.Conv2D(3, 3),
                    L.BatchNormalization(),
                    L.AveragePooling2D(2),
                    L.GlobalAveragePooling2D(),
                    L.Dense(3),
                ]
            ),  # fmt: skip
            rx.standard_normal((8, 1, 6, 6)).astype(np.float32),
        ),
        "conv_conv_pool": (  # a channels-last unfold (C >= 4) fused with its 2x2 max pool
            lambda: mb.Sequential(
                [
                    L.Conv2D(4, 3, padding="same", activation="relu"),
                    L.Conv2D(5, 3, padding="same", activation="relu"),
                    L.MaxPooling2D(2),
                    L.Flatten(),
                    L.Dense(3),
                ]
            ),  # fmt: skip
            rx.standard_normal((8, 1, 6, 6)).astype(np.float32),
        ),
        "gru_simplernn": (
            lambda: mb.Sequential([L.GRU(4, return_sequences=True), L.SimpleRNN(3), L.Dense(3)]),
            rx.standard_normal((8, 4, 3)).astype(np.float32),
        ),
    }


@pytest.mark.parametrize("kind", sorted(_more_models()))
def test_more_layers_fit_evaluate_predict_through_the_seam(kind: str) -> None:
    build, x = _more_models()[kind]
    y = np.random.default_rng(1).integers(0, 3, 8)
    out = []
    for device in (None, "guard"):
        mb.set_seed(0)
        m = build()
        m.compile("adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])
        h = m.fit(x, y, batch_size=4, epochs=2, verbose=0, device=device, seed=0)
        out.append((h.history["loss"], m.evaluate(x, y, verbose=0), m.predict(x, verbose=0)))
    np.testing.assert_allclose(out[1][0], out[0][0], rtol=1e-5)
    np.testing.assert_allclose(backend.to_host(out[1][2]), out[0][2], rtol=1e-4, atol=1e-6)
