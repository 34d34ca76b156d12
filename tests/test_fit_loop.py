"""fit / evaluate / predict as thin loops over train_step / test_step / predict_step (issue 11.3,
issue 12.6): the steps are really called, any batch source works, hooks come at Keras'
moments, metrics are reset, and nothing trains silently (issue 11.2)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import callbacks as C
from mitbadak.data import DataLoader
from mitbadak.errors import ConfigError
from mitbadak.layers import Dense
from mitbadak.optimizers import SGD

CE = mb.losses.SparseCategoricalCrossentropy(from_logits=True)


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(96, 6)).astype(np.float32)
    y = (x[:, 0] + x[:, 1] > 0).astype(np.int64) + (x[:, 2] > 0.5)
    return x, y


def mlp(seed=0, metrics=("accuracy",)):
    mb.set_seed(seed)
    m = mb.Sequential([Dense(8, activation="relu"), Dense(3)])
    m.build((1, 6))  # weights drawn now, so models made one after another are equal
    m.compile("sgd", CE, metrics=list(metrics))
    return m


def weights(m):
    return [w.copy() for w in m.get_weights()]


# ------------------------------------------------------------------- the steps are called
def test_overridden_train_test_predict_steps_are_called(data):
    x, y = data
    calls = {"train": 0, "test": 0, "predict": 0}

    class Counting(mb.Sequential):
        def train_step(self, batch):
            calls["train"] += 1
            return super().train_step(batch)

        def test_step(self, batch):
            calls["test"] += 1
            return super().test_step(batch)

        def predict_step(self, batch):
            calls["predict"] += 1
            return super().predict_step(batch) * 0.0 + 7.0

    mb.set_seed(0)
    m = Counting([Dense(8, activation="relu"), Dense(3)])
    m.compile("sgd", CE)
    m.fit(x, y, batch_size=32, epochs=2, validation_data=(x[:40], y[:40]), verbose=0)
    assert calls["train"] == 2 * 3  # 96 / 32 per epoch
    assert calls["test"] == 2 * 2  # 40 validation samples in batches of 32, per epoch
    m.evaluate(x, y, batch_size=48)
    assert calls["test"] == 4 + 2
    out = m.predict(x, batch_size=50)
    assert calls["predict"] == 2 and out.shape == (96, 3) and np.all(out == 7.0)


def test_custom_train_step_the_keras_way(data):
    """A train_step written like Keras' "customizing fit" guide: its logs reach History."""
    x, y = data

    class Custom(mb.Sequential):
        def train_step(self, batch):
            xb, yb = batch
            y_pred = self(xb, training=True)
            loss = self.compute_loss(xb, yb, y_pred)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            for metric in self.metrics:
                if metric.name == "loss":
                    metric.update_state(loss.item())
                else:
                    metric.update_state(yb, y_pred.data)
            return {m.name: m.result() for m in self.metrics} | {"custom": 1.0}

    mb.set_seed(0)
    m = Custom([Dense(8, activation="relu"), Dense(3)])
    m.compile("sgd", CE, metrics=["accuracy"])
    m.fit(x[:4], y[:4], batch_size=4, verbose=0)  # first batch builds the metrics
    h = m.fit(x, y, batch_size=32, epochs=3, verbose=0)
    assert h.history["custom"] == [1.0, 1.0, 1.0]
    assert h.history["loss"][-1] < h.history["loss"][0]


def test_train_step_is_the_low_level_loop(data):
    """fit(shuffle=False) and the README's hand-written loop give the same weights, bit for bit."""
    x, y = data
    a = mlp(metrics=())
    a.build((1, 6))
    b = mlp(metrics=())
    b.build((1, 6))
    a.fit(x, y, batch_size=16, epochs=2, shuffle=False, verbose=0)
    opt = SGD(b.parameters(), lr=0.01)
    for _ in range(2):
        for xb, yb in DataLoader(x, y, batch_size=16, shuffle=False):
            loss = CE(yb, b(xb, training=True))
            opt.zero_grad()
            loss.backward()
            opt.step()
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(wa, wb)


# ----------------------------------------------------------------------- batch sources
def test_dataloader_list_and_generator_sources_match_arrays(data):
    x, y = data
    ref = mlp()
    ref.fit(x, y, batch_size=24, epochs=2, shuffle=False, verbose=0)
    sources = {
        "loader": lambda: DataLoader(x, y, batch_size=24, shuffle=False),
        "list": lambda: [(x[i : i + 24], y[i : i + 24]) for i in range(0, 96, 24)],
    }
    for name, make in sources.items():
        m = mlp()
        h = m.fit(make(), epochs=2, verbose=0)
        assert h.epoch == [0, 1], name
        for a, b in zip(ref.get_weights(), m.get_weights()):
            np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7, err_msg=name)

    def gen():
        while True:
            for i in range(0, 96, 24):
                yield x[i : i + 24], y[i : i + 24]

    m = mlp()
    seen = []
    cb = C.LambdaCallback(on_batch_end=lambda b, logs: seen.append(b))
    h = m.fit(gen(), steps_per_epoch=4, epochs=2, verbose=0, callbacks=[cb])
    assert seen == [0, 1, 2, 3, 0, 1, 2, 3] and h.epoch == [0, 1]
    for a, b in zip(ref.get_weights(), m.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


def test_steps_per_epoch_validation_steps_and_a_loader_for_validation(data):
    x, y = data
    m = mlp()
    n_test = []
    cb = C.LambdaCallback()
    cb.on_test_batch_end = lambda batch, logs=None: n_test.append(batch)
    h = m.fit(
        x,
        y,
        batch_size=16,
        steps_per_epoch=2,
        epochs=3,
        validation_data=DataLoader(x, y, batch_size=8, shuffle=False),
        validation_steps=3,
        verbose=0,
        callbacks=cb,  # one callback, not in a list
    )
    assert m.optimizer.iterations == 6
    assert n_test == [0, 1, 2] * 3
    assert {"val_loss", "val_accuracy", "gap"} <= set(h.history)
    # a used-up iterator ends training with a warning, not a silent empty epoch
    m = mlp()
    once = iter([(x[:32], y[:32]), (x[32:64], y[32:64])])
    with pytest.warns(UserWarning, match="ran out of data"):
        h = m.fit(once, epochs=5, verbose=0)
    assert h.epoch == [0]


def test_sample_weights_in_batches_and_in_loaders(data):
    x, y = data
    w = np.linspace(0.5, 2.0, 96)
    a, b = mlp(), mlp()
    a.fit(x, y, sample_weight=w, batch_size=32, shuffle=False, verbose=0)
    b.fit(DataLoader(x, y, batch_size=32, shuffle=False, sample_weight=w), verbose=0)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_allclose(wa, wb, rtol=1e-6, atol=1e-7)


def test_dict_of_named_inputs_reaches_call(data):
    x, y = data

    class TwoInputs(mb.Model):
        def __init__(self):
            super().__init__()
            self.a, self.b, self.out = Dense(4), Dense(4), Dense(3)

        def call(self, inputs, training=False):
            return self.out(self.a(inputs["left"]) + self.b(inputs["right"]))

        def get_config(self):
            return {"name": self.name}

    mb.set_seed(0)
    m = TwoInputs()
    m.compile("adam", CE, metrics=["accuracy"])
    inputs = {"left": x[:, :3], "right": x[:, 3:]}
    h = m.fit(inputs, y, batch_size=16, epochs=4, validation_split=0.25, verbose=0)
    assert h.history["loss"][-1] < h.history["loss"][0]
    assert m.predict(inputs).shape == (96, 3)
    assert set(m.evaluate(inputs, y, return_dict=True)) == {"loss", "accuracy"}
    loader = DataLoader(inputs, y, batch_size=32)
    assert len(loader) == 3 and set(next(iter(loader))[0]) == {"left", "right"}


# ------------------------------------------------------------------------------- hooks
class Recorder(C.Callback):
    HOOKS = [
        "on_train_begin",
        "on_train_end",
        "on_epoch_begin",
        "on_epoch_end",
        "on_train_batch_begin",
        "on_train_batch_end",
        "on_test_begin",
        "on_test_end",
        "on_test_batch_begin",
        "on_test_batch_end",
        "on_predict_begin",
        "on_predict_end",
        "on_predict_batch_begin",
        "on_predict_batch_end",
    ]

    def __init__(self):
        super().__init__()
        self.events = []
        for hook in self.HOOKS:
            setattr(self, hook, self._make(hook))

    def uses_batch_hooks(self):
        return True

    def _make(self, hook):
        def record(*args):
            logs = args[-1] if args and not isinstance(args[-1], int) else None
            assert isinstance(logs, dict), f"{hook} got logs={logs!r}"
            self.events.append(hook.replace("on_", "") + (f":{args[0]}" if len(args) > 1 else ""))

        return record


def test_every_hook_at_keras_moments_with_dict_logs(data):
    x, y = data
    m = mlp()
    rec = Recorder()
    m.fit(x[:64], y[:64], batch_size=32, epochs=1, validation_data=(x[:20], y[:20]),
          verbose=0, callbacks=[rec])  # fmt: skip
    assert rec.events == [
        "train_begin",
        "epoch_begin:0",
        "train_batch_begin:0",
        "train_batch_end:0",
        "train_batch_begin:1",
        "train_batch_end:1",
        "test_begin",
        "test_batch_begin:0",
        "test_batch_end:0",
        "test_end",
        "epoch_end:0",
        "train_end",
    ]
    rec.events.clear()
    m.evaluate(x, y, batch_size=64, callbacks=[rec])
    assert rec.events == [
        "test_begin",
        "test_batch_begin:0",
        "test_batch_end:0",
        "test_batch_begin:1",
        "test_batch_end:1",
        "test_end",
    ]
    rec.events.clear()
    m.predict(x, batch_size=64, callbacks=rec)
    assert rec.events == [
        "predict_begin",
        "predict_batch_begin:0",
        "predict_batch_end:0",
        "predict_batch_begin:1",
        "predict_batch_end:1",
        "predict_end",
    ]


def test_a_callback_that_is_not_one_is_a_clear_error(data):
    x, y = data
    with pytest.raises(ConfigError, match="Callback"):
        mlp().fit(x, y, verbose=0, callbacks=[print])


# ----------------------------------------------------------------------- metric state
class CountBatches(mb.metrics.Metric):
    """A custom metric: the number of batches seen since the last reset."""

    name = "batches"

    def __init__(self):
        self.reset_state()

    def reset_state(self):
        self.n = 0

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.n += 1

    def result(self):
        return float(self.n)


def test_custom_metric_state_is_reset_each_epoch_and_each_evaluation(data):
    x, y = data
    m = mlp(metrics=[CountBatches()])
    h = m.fit(x, y, batch_size=32, epochs=3, validation_data=(x[:64], y[:64]), verbose=0)
    assert h.history["batches"] == [3.0, 3.0, 3.0]  # 96 / 32, not 3, 6, 9
    assert h.history["val_batches"] == [2.0, 2.0, 2.0]
    assert m.evaluate(x, y, batch_size=96, return_dict=True)["batches"] == 1.0
    assert m.evaluate(x, y, batch_size=96, return_dict=True)["batches"] == 1.0


# ------------------------------------------------------------------ losses the model adds
def test_compile_without_a_loss_when_the_model_adds_its_own(data):
    x, _ = data
    if not hasattr(mb.layers.Layer, "add_loss"):
        pytest.skip("Layer.add_loss arrives with the tracking branch (issue 11.1)")

    class AutoEncoderLoss(mb.Model):
        def __init__(self):
            super().__init__()
            self.enc, self.dec = Dense(3), Dense(6)

        def call(self, inputs, training=False):
            out = self.dec(self.enc(inputs))
            self.add_loss(((out - inputs) ** 2).mean())
            return out

    mb.set_seed(0)
    m = AutoEncoderLoss()
    m.compile("adam")
    h = m.fit(x, epochs=5, batch_size=16, verbose=0)
    assert h.history["loss"][-1] < 0.95 * h.history["loss"][0]  # the added loss is trained
    plain = mb.Sequential([Dense(2)])
    plain.compile("sgd")
    with pytest.raises(ConfigError, match="no loss"):
        plain.fit(x, verbose=0)


def test_penalties_are_part_of_the_loss_and_logged(data):
    x, y = data
    mb.set_seed(0)
    m = mb.Sequential([Dense(8, kernel_regularizer=mb.regularizers.L2(0.1)), Dense(3)])
    m.compile("sgd", CE)
    h = m.fit(x, y, epochs=1, batch_size=96, verbose=0)
    assert h.history["reg_loss"][0] > 0
    ev = m.evaluate(x, y)
    with mb.no_grad():
        expect = CE(y, m(x, training=False)).item() + sum(
            r.item() for r in m.regularization_losses()
        )
    assert ev == pytest.approx(expect, rel=1e-5)


# ----------------------------------------------------------------- optimizer binding
def test_an_optimizer_made_without_parameters_is_built_on_the_trainable_weights(data):
    x, y = data
    ref, m = mlp(metrics=()), mlp(metrics=())
    ref.fit(x, y, shuffle=False, verbose=0)
    lazy = SGD(learning_rate=0.01)  # Keras' form: no parameters until compile / fit builds it
    assert not lazy.built
    m.compile(lazy, CE)
    m.fit(x, y, shuffle=False, verbose=0)
    assert lazy.built and [id(p) for p in lazy.params] == [id(p) for p in m.trainable_weights]
    for a, b in zip(ref.get_weights(), m.get_weights()):
        np.testing.assert_array_equal(a, b)


# ------------------------------------------------------------- nothing trains silently
def test_all_frozen_warns_naming_the_model(data):
    x, y = data
    m = mlp(metrics=())
    m.build((1, 6))
    m.trainable = False
    before = weights(m)
    with pytest.warns(UserWarning, match=f"'{m.name}' has no trainable weights"):
        m.fit(x, y, verbose=0, epochs=2)
    for a, b in zip(before, m.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_an_optimizer_of_another_model_is_an_error(data):
    x, y = data
    other, m = mlp(), mlp()
    other.build((1, 6))
    m.build((1, 6))
    m.compile(SGD(other.parameters(), lr=0.1), CE)
    with pytest.raises(ConfigError, match=f"none of them a weight of model '{m.name}'"):
        m.fit(x, y, verbose=0)


def test_a_normal_fit_gives_no_warning(data):
    x, y = data
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mlp().fit(x, y, verbose=0, validation_split=0.25)


def _record_hooks(callback_base, run):
    """Run ``run(callback)`` with a callback recording (hook, batch, sorted log keys)."""
    events = []

    def make(hook):
        def record(self, *args, logs="missing"):
            if args and not isinstance(args[-1], int):
                logs, args = args[-1], args[:-1]
            assert isinstance(logs, dict), f"{hook}: logs={logs!r}"
            events.append((hook, args[0] if args else None, sorted(logs)))

        return record

    rec = type("Rec", (callback_base,), {h: make(h) for h in Recorder.HOOKS})
    if hasattr(rec, "uses_batch_hooks"):
        rec.uses_batch_hooks = lambda self: True
    run(rec())
    return events


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside Keras' numpy bridge
def test_hooks_and_their_logs_match_real_keras(data):
    """The same fit / evaluate / predict in Keras 3 (torch backend) and in mitbadak: the same
    hooks in the same order with the same batch numbers; Keras' log keys are all there."""
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "torch":
        pytest.skip("Keras is set up with another backend")
    x, y = data

    def session(model, cb_base):
        def run(cb):
            model.fit(x[:64], y[:64], batch_size=32, epochs=2, verbose=0,
                      validation_data=(x[:20], y[:20]), callbacks=[cb])  # fmt: skip
            model.evaluate(x, y, batch_size=32, verbose=0, callbacks=[cb])
            model.predict(x, batch_size=50, verbose=0, callbacks=[cb])

        return _record_hooks(cb_base, run)

    km = keras.Sequential(
        [keras.Input((6,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(3)]
    )
    km.compile(
        "sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"]
    )
    theirs = session(km, keras.callbacks.Callback)
    ours = session(mlp(), C.Callback)
    assert [e[:2] for e in ours] == [e[:2] for e in theirs]
    for (hook, _, mine), (_, _, keras_keys) in zip(ours, theirs):
        assert set(keras_keys) <= set(mine), hook  # mitbadak adds lr, gap
