"""The Keras-style model API: compile / fit / evaluate / predict / summary, freezing, counting."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.callbacks import Callback
from mitbadak.errors import ConfigError, DataError, NotFittedError
from mitbadak.layers import Dense


@pytest.fixture(scope="module")
def digits():
    ds = mb.data.load_digits()
    return (ds.data / 16).astype(np.float32), ds.target


def mlp(seed=0, hidden=32, **kw):
    mb.set_seed(seed)
    return mb.Sequential([Dense(hidden, activation="relu", **kw), Dense(10)])


CE = mb.losses.SparseCategoricalCrossentropy(from_logits=True)


def test_fit_learns_digits_and_counts_like_keras(digits):
    x, y = digits
    model = mlp()
    model.compile({"class_name": "Adam", "config": {"lr": 0.01}}, CE, metrics=["accuracy"])
    seen = []

    class Count(Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append(batch)

    h = model.fit(x, y, batch_size=100, epochs=4, verbose=0, callbacks=[Count()])
    steps = math.ceil(len(x) / 100)  # 1797 -> 18 steps, the last one of 97 samples
    assert seen == list(range(steps)) * 4
    assert model.optimizer.iterations == 4 * steps
    assert h.epoch == [0, 1, 2, 3]
    assert h.params["steps"] == steps and h.params["epochs"] == 4
    assert h.history["loss"][-1] < h.history["loss"][0]
    assert h.history["accuracy"][-1] > 0.9
    loss, acc = model.evaluate(x, y, batch_size=256)
    assert acc > 0.9
    assert model.evaluate(x, y, return_dict=True) == pytest.approx({"loss": loss, "accuracy": acc})
    assert model.metrics_names == ["loss", "accuracy"]


def test_epoch_logs_are_sample_weighted_averages(digits):
    """The logged epoch loss is the mean over samples of the per-batch losses (the last batch
    is smaller), not the mean of batch means."""
    x, y = digits
    x, y = x[:130], y[:130]
    model = mlp()
    model.compile(mb.optimizers.SGD, CE, metrics=["acc"])
    batches = []
    model.fit(
        x,
        y,
        batch_size=64,
        epochs=1,
        verbose=0,
        shuffle=False,
        callbacks=[
            mb.callbacks.LambdaCallback(on_batch_end=lambda b, logs: batches.append(dict(logs)))
        ],
    )
    assert len(batches) == 3  # 64 + 64 + 2
    # lr=0.01 by default; recompute the batch losses from a replay of the same steps
    model2 = mlp()
    model2.compile(mb.optimizers.SGD, CE)
    losses = []
    for lo in (0, 64, 128):
        xb, yb = x[lo : lo + 64], y[lo : lo + 64]
        losses.append(model2.evaluate(xb, yb, batch_size=64) * len(yb))
        model2.fit(xb, yb, batch_size=64, verbose=0, shuffle=False)
    assert batches[-1]["loss"] == pytest.approx(sum(losses) / 130, rel=1e-5)


def test_compile_accepts_strings_objects_classes_and_factories(digits):
    x, y = digits
    for opt in (
        "sgd",
        "Adam",
        mb.optimizers.RMSprop,
        {"class_name": "SGD", "config": {"lr": 0.1}},
        lambda params: mb.optimizers.SGD(params, lr=0.05, momentum=0.9),
    ):
        model = mlp()
        model.compile(opt, "sparse_categorical_crossentropy", metrics=["accuracy"])
        assert model.optimizer is None  # built lazily, once the weights exist
        model.fit(x[:64], y[:64], epochs=1, verbose=0)
        assert isinstance(model.optimizer, mb.optimizers.Optimizer)
    model = mlp()
    model.build((1, 64))
    opt = mb.optimizers.SGD(model.parameters(), lr=0.1)
    model.compile(opt, CE)
    model.fit(x[:64], y[:64], verbose=0)
    assert model.optimizer is opt and opt.iterations == 2
    assert model.optimizer.get_config()["lr"] == 0.1
    with pytest.raises(ConfigError, match="unknown optimizer"):
        mlp().compile("adamm", CE)
    with pytest.raises(ConfigError, match="unknown metric"):
        mlp().compile("adam", CE, metrics=["acuracy"])
    with pytest.raises(NotFittedError, match="compile"):
        mlp().fit(x, y, verbose=0)


def test_same_seed_same_weights_bit_for_bit(digits):
    x, y = digits

    def run():
        model = mlp(seed=3)
        model.compile("adam", CE, metrics=["accuracy"])
        model.fit(x, y, batch_size=64, epochs=2, verbose=0, validation_split=0.1, seed=5)
        return model.get_weights()

    a, b = run(), run()
    for wa, wb in zip(a, b):
        assert wa.dtype == np.float32
        np.testing.assert_array_equal(wa, wb)
    c = mlp(seed=3)
    c.compile("adam", CE)
    c.fit(x, y, batch_size=64, epochs=2, verbose=0, validation_split=0.1, seed=6)
    assert not np.array_equal(c.get_weights()[0], a[0])  # the shuffle seed matters


def test_validation_split_takes_the_end_and_gap_is_logged(digits):
    x, y = digits
    model = mlp()
    model.compile("adam", CE, metrics=["accuracy"])
    h = model.fit(x, y, epochs=2, validation_split=0.25, verbose=0)
    assert h.params["samples"] == int(len(x) * 0.75)
    split = int(len(x) * 0.75)
    vloss, vacc = model.evaluate(x[split:], y[split:])
    assert h.history["val_loss"][-1] == pytest.approx(vloss, rel=1e-6)
    assert h.history["val_accuracy"][-1] == pytest.approx(vacc)
    gap = np.array(h.history["val_loss"]) - np.array(h.history["loss"])
    np.testing.assert_allclose(h.history["gap"], gap)
    h2 = model.fit(x[:split], y[:split], validation_data=(x[split:], y[split:]), verbose=0)
    assert "val_accuracy" in h2.history


def test_predict_is_batched_eval_mode_and_builds_no_graph(digits):
    x, _ = digits
    model = mlp()
    p = model.predict(x, batch_size=100)
    assert p.shape == (len(x), 10) and p.dtype == np.float32
    np.testing.assert_allclose(p, model.predict(x, batch_size=7), rtol=1e-5, atol=1e-6)
    out = model(x[:5], training=False)
    assert out.requires_grad  # a normal call records the graph ...
    calls = []

    class Spy(mb.layers.Layer):
        def call(self, x, training=False):
            calls.append((training, mb.is_grad_enabled()))
            return x

    model.add(Spy())
    model.predict(x[:10], batch_size=4)
    # ... predict: eval mode, no graph (one more call: the dummy batch that builds Spy)
    assert calls == [(False, False)] * 4


def test_training_flag_is_passed_down_not_global(digits):
    x, y = digits
    flags = []

    class Spy(mb.layers.Layer):
        def call(self, x, training=False):
            flags.append(training)
            return x

    model = mb.Sequential([Dense(8), Spy(), Dense(10)])
    model.compile("sgd", CE)
    model.fit(x[:64], y[:64], batch_size=32, validation_data=(x[:32], y[:32]), verbose=0)
    # build (eval) + 1 metric-resolution predict (eval), 2 training batches, 1 validation batch
    assert flags[-3:] == [True, True, False]
    assert model.training is True  # fit did not flip any global mode


def test_freezing_layers_transfer_learning(digits):
    x, y = digits
    model = mlp()
    model.build((1, 64))
    model[0].trainable = False
    model.compile("adam", CE)
    before = model.get_weights()
    model.fit(x, y, epochs=1, verbose=0)
    after = model.get_weights()
    np.testing.assert_array_equal(before[0], after[0])
    np.testing.assert_array_equal(before[1], after[1])
    assert not np.array_equal(before[2], after[2])
    text = model.summary(print_fn=None)
    assert "Trainable params: 330" in text and "Non-trainable params: 2,080" in text
    model[0].trainable = True
    model.compile("adam", CE)  # recompile after unfreezing, as in Keras
    model.fit(x, y, epochs=1, verbose=0)
    assert not np.array_equal(model.get_weights()[0], after[0])


def test_add_pop_indexing_and_summary(capsys):
    model = mb.Sequential()
    model.add(Dense(16, name="hidden"))
    model.add(Dense(4, name="out"))
    with pytest.raises(ConfigError, match="already"):
        model.add(Dense(3, name="out"))
    assert model["hidden"] is model[0] and model.get_layer("out") is model[-1]
    with pytest.raises(ConfigError, match="no layer named"):
        model["nope"]
    model.build((1, 8))
    text = model.summary()
    assert capsys.readouterr().out.strip() == text.strip()
    assert "hidden (Dense)" in text and "(None, 16)" in text and "(None, 4)" in text
    assert "Total params: 212" in text  # 8*16+16 + 16*4+4
    popped = model.pop()
    assert popped.name == "out" and len(model) == 1
    assert "not built" in mb.Sequential([Dense(2)]).summary(print_fn=None)


def test_regularization_is_added_and_reported(digits):
    x, y = digits
    model = mlp(kernel_regularizer=mb.regularizers.L2(0.01))
    model.compile("sgd", CE)
    h = model.fit(x, y, epochs=1, verbose=0, shuffle=False, batch_size=len(x))
    reg = h.history["reg_loss"][0]
    w0 = model.get_weights()  # after the step; recompute penalty before the step instead:
    model2 = mlp(kernel_regularizer=mb.regularizers.L2(0.01))
    model2.build((1, 64))
    expected_reg = 0.01 * float((model2.get_weights()[0].astype(np.float64) ** 2).sum())
    assert reg == pytest.approx(expected_reg, rel=1e-5)
    model2.compile("sgd", CE)
    data_loss = model2.evaluate(x, y, batch_size=len(x)) - expected_reg
    assert h.history["loss"][0] == pytest.approx(data_loss + expected_reg, rel=1e-5)
    assert w0[0].shape == (64, 32)


def test_sample_and_class_weights(digits):
    x, y = digits
    x, y = x[:200], y[:200]
    model = mlp()
    model.compile("sgd", CE, metrics=["accuracy"])
    base = model.evaluate(x, y, batch_size=50)
    assert model.evaluate(x, y, batch_size=50, sample_weight=np.ones(200))[0] == pytest.approx(
        base[0]
    )
    w = (y == 3).astype(np.float32) * 2.0
    per = model.evaluate(x[y == 3], y[y == 3], batch_size=500)[0]
    assert model.evaluate(x, y, batch_size=500, sample_weight=w)[0] == pytest.approx(
        per * 2 * (y == 3).mean(), rel=1e-5
    )
    # class_weight {c: w} is the same as a sample weight w[y]
    cw = {c: 1.0 + c for c in range(10)}
    trained = []
    for kw in ({"class_weight": cw}, {"sample_weight": 1.0 + y}):
        m = mlp()
        m.compile("sgd", CE)
        m.fit(x, y, epochs=1, verbose=0, seed=0, **kw)
        trained.append(m)
    m1, m2 = trained
    np.testing.assert_array_equal(m1.get_weights()[0], m2.get_weights()[0])


def test_augment_is_applied_to_training_batches_only(digits):
    x, y = digits
    seen = []

    def augment(xb, rng):
        seen.append(len(xb))
        assert isinstance(rng, np.random.Generator)
        return xb + rng.normal(0, 0.01, xb.shape).astype(xb.dtype)

    model = mlp()
    model.compile("sgd", CE)
    model.fit(x[:100], y[:100], batch_size=40, validation_split=0.2, augment=augment, verbose=0)
    assert seen == [40, 40]


def test_verbose_output(digits, capsys):
    x, y = digits
    model = mlp()
    model.compile("sgd", CE, metrics=["accuracy"])
    model.fit(x[:100], y[:100], epochs=2, verbose=1, validation_split=0.2)
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 2  # not a terminal: one line per epoch
    assert out[0].startswith("Epoch 1/2") and "val_accuracy" in out[1] and "loss:" in out[1]
    model.fit(x[:100], y[:100], epochs=2, verbose=0)
    assert capsys.readouterr().out == ""


def test_subclassed_model_and_bad_inputs(digits):
    x, y = digits

    class Net(mb.Model):
        def __init__(self):
            super().__init__()
            self.a, self.b = Dense(16, activation="relu"), Dense(10)

        def call(self, x, training=False):
            return self.b(self.a(x, training=training), training=training)

    mb.set_seed(0)
    net = Net()
    net.compile({"class_name": "Adam", "config": {"lr": 0.01}}, CE, metrics=["accuracy"])
    h = net.fit(x, y, epochs=3, verbose=0)
    assert h.history["accuracy"][-1] > 0.8
    assert len(net.weights) == 4
    with pytest.raises(DataError, match="samples"):
        net.fit(x, y[:-1], verbose=0)
    bad = x.copy()
    bad[0, 0] = np.nan
    with pytest.raises(DataError, match="NaN"):
        net.fit(bad, y, verbose=0)
    with pytest.raises(ConfigError):
        net.fit(x, y, validation_split=1.5, verbose=0)


@pytest.mark.parametrize("module", ["model", "io", "callbacks", "metrics"])
def test_docstring_examples_run(module, tmp_path, monkeypatch):
    import doctest
    import importlib

    monkeypatch.chdir(tmp_path)  # examples may write files
    mod = importlib.import_module(f"mitbadak.{module}")
    result = doctest.testmod(mod, extraglobs={"np": np}, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
