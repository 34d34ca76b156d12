"""Callbacks: hooks and their order, early stopping, learning-rate control, checkpoints, logs."""

from __future__ import annotations

import csv
import io
import sys

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import callbacks as C
from mitbadak.errors import ConfigError
from mitbadak.layers import Dense

CE = mb.losses.SparseCategoricalCrossentropy(from_logits=True)


@pytest.fixture(scope="module")
def digits():
    ds = mb.data.load_digits()
    return (ds.data[:300] / 16).astype(np.float32), ds.target[:300]


def mlp(seed=0):
    mb.set_seed(seed)
    m = mb.Sequential([Dense(16, activation="relu"), Dense(10)])
    m.compile("sgd", CE, metrics=["accuracy"])
    return m


class FakeModel:
    """Stands for a model: weights are one number, so restores are easy to see."""

    def __init__(self):
        self.w = 0
        self.stop_training = False
        self.optimizer = type("Opt", (), {"lr": 1.0})()

    def get_weights(self):
        return [np.array(self.w)]

    def set_weights(self, ws):
        self.w = int(ws[0])


def drive(cb, values, key="val_loss"):
    """Run a callback over epochs whose monitored value is ``values``; the model's weight is the
    epoch number. Returns the number of epochs that ran."""
    model = FakeModel()
    cb.set_model(model)
    cb.on_train_begin()
    ran = 0
    for epoch, v in enumerate(values):
        model.w = epoch
        cb.on_epoch_end(epoch, {key: v})
        ran += 1
        if model.stop_training:
            break
    cb.on_train_end()
    return ran, model


def test_hook_order_and_params(digits):
    x, y = digits
    events = []

    class Rec(C.Callback):
        def on_train_begin(self, logs=None):
            events.append(("train_begin", self.params["epochs"], self.params["steps"]))

        def on_epoch_begin(self, epoch, logs=None):
            events.append(("epoch_begin", epoch))

        def on_train_batch_begin(self, batch, logs=None):
            events.append(("batch_begin", batch))

        def on_train_batch_end(self, batch, logs=None):
            events.append(("batch_end", batch, sorted(logs)))

        def on_test_begin(self, logs=None):
            events.append(("test_begin",))

        def on_epoch_end(self, epoch, logs=None):
            events.append(("epoch_end", epoch, sorted(logs)))
            assert self.model is model

        def on_train_end(self, logs=None):
            events.append(("train_end",))

    model = mlp()
    model.fit(
        x,
        y,
        batch_size=128,
        epochs=3,
        initial_epoch=1,
        validation_split=0.2,
        verbose=0,
        callbacks=[Rec()],
    )
    keys = ["accuracy", "gap", "loss", "lr", "val_accuracy", "val_loss"]
    assert events[0] == ("train_begin", 3, 2)  # 240 samples / 128 -> 2 steps
    # Validation inside fit runs the test hooks before on_epoch_end, as in Keras (issue 12:
    # it used to call none).
    assert events[1:8] == [
        ("epoch_begin", 1),
        ("batch_begin", 0),
        ("batch_end", 0, ["accuracy", "loss"]),
        ("batch_begin", 1),
        ("batch_end", 1, ["accuracy", "loss"]),
        ("test_begin",),
        ("epoch_end", 1, keys),
    ]
    assert events[-2] == ("epoch_end", 2, keys) and events[-1] == ("train_end",)


def test_history_records_epochs(digits):
    x, y = digits
    h = mlp().fit(x, y, epochs=3, verbose=0, validation_split=0.2)
    assert h.epoch == [0, 1, 2]
    assert set(h.history) == {"loss", "accuracy", "val_loss", "val_accuracy", "gap", "lr"}
    assert all(len(v) == 3 for v in h.history.values())


def test_early_stopping_patience_and_restore():
    cb = C.EarlyStopping(patience=2, restore_best_weights=True)
    ran, model = drive(cb, [1.0, 0.5, 0.6, 0.7, 0.4, 0.3])
    assert ran == 4 and cb.stopped_epoch == 3 and cb.best_epoch == 1
    assert model.w == 1  # the weights of the best epoch
    # training ends without stopping early: the best weights are restored too
    cb = C.EarlyStopping(patience=5, restore_best_weights=True)
    ran, model = drive(cb, [1.0, 0.2, 0.6, 0.7])
    assert ran == 4 and cb.stopped_epoch == 0 and model.w == 1
    # without restore_best_weights the last weights stay
    ran, model = drive(C.EarlyStopping(patience=5), [1.0, 0.2, 0.6])
    assert model.w == 2


def test_early_stopping_min_delta_mode_baseline():
    ran, _ = drive(C.EarlyStopping(patience=1, min_delta=0.1), [1.0, 0.95, 0.93, 0.5])
    assert ran == 2  # 0.95 is not a gain of 0.1
    ran, _ = drive(
        C.EarlyStopping(monitor="val_accuracy", patience=1), [0.5, 0.6, 0.55, 0.9], "val_accuracy"
    )
    assert ran == 3  # auto mode: max for accuracies
    ran, _ = drive(C.EarlyStopping(patience=1, mode="max"), [0.5, 0.6, 0.55], "val_loss")
    assert ran == 3
    ran, _ = drive(C.EarlyStopping(patience=2, baseline=0.3), [0.5, 0.4, 0.35, 0.1])
    assert ran == 2  # did not beat the baseline within patience (Keras counts the same way)
    with pytest.warns(UserWarning, match="not in the logs"):
        drive(C.EarlyStopping(monitor="val_f1"), [1.0])
    with pytest.raises(ConfigError):
        C.EarlyStopping(mode="up")


def test_early_stopping_in_fit_restores_best(digits):
    x, y = digits
    model = mlp()
    snapshots = []
    cb = C.EarlyStopping(monitor="loss", patience=0, restore_best_weights=True, min_delta=10.0)
    rec = C.LambdaCallback(on_epoch_end=lambda e, logs: snapshots.append(model.get_weights()))
    h = model.fit(x, y, epochs=5, verbose=0, callbacks=[rec, cb])
    assert len(h.epoch) == 2  # no gain of 10: stop after the second epoch
    for a, b in zip(model.get_weights(), snapshots[0]):
        np.testing.assert_array_equal(a, b)


def test_learning_rate_scheduler_keras_signature_and_schedule_objects(digits):
    x, y = digits
    model = mlp()
    lrs = []
    rec = C.LambdaCallback(on_epoch_begin=lambda e, logs: lrs.append(model.optimizer.lr))
    sched = C.LearningRateScheduler(lambda epoch, lr: 0.1 if epoch == 0 else lr / 2)
    h = model.fit(x, y, epochs=3, verbose=0, callbacks=[sched, rec])
    assert lrs == pytest.approx([0.1, 0.05, 0.025])
    assert h.history["lr"] == pytest.approx([0.1, 0.05, 0.025])
    step = mb.schedules.StepDecay(0.2, step_size=1, gamma=0.5) if hasattr(mb, "schedules") else None
    if step is None:
        from mitbadak import schedules

        step = schedules.StepDecay(0.2, step_size=1, gamma=0.5)
    h = mlp().fit(x, y, epochs=3, verbose=0, callbacks=[C.LearningRateScheduler(step)])
    assert h.history["lr"] == pytest.approx([0.2, 0.1, 0.05])
    with pytest.raises(ConfigError):
        mlp().fit(x, y, verbose=0, callbacks=[C.LearningRateScheduler(lambda e, lr: -1.0)])


def test_reduce_lr_on_plateau():
    cb = C.ReduceLROnPlateau(factor=0.5, patience=2, cooldown=1, min_lr=0.2)
    model = FakeModel()
    cb.set_model(model)
    cb.on_train_begin()
    lrs = []
    for epoch, v in enumerate([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]):
        cb.on_epoch_end(epoch, {"val_loss": v})
        lrs.append(model.optimizer.lr)
    # Keras' counting: reduce at the 2nd epoch without gain; the cooldown epoch resets the
    # wait; then reduce again two epochs later; never below min_lr
    assert lrs == [1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2]
    model.optimizer.lr = 0.25
    cb.on_train_begin()
    for epoch in range(4):
        cb.on_epoch_end(epoch, {"val_loss": 1.0})
    assert model.optimizer.lr == 0.2  # floored at min_lr


def test_model_checkpoint_formats_and_best_only(digits, tmp_path):
    x, y = digits
    model = mlp()
    ck = C.ModelCheckpoint(tmp_path / "ck-{epoch:02d}-{loss:.2f}.npz", monitor="loss")
    h = model.fit(x, y, epochs=2, verbose=0, callbacks=[ck])
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"ck-{e + 1:02d}-{h.history['loss'][e]:.2f}.npz" for e in range(2)]
    loaded = mb.load_model(tmp_path / names[-1])
    for a, b in zip(loaded.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert loaded.epoch == 2 and loaded.optimizer.iterations == model.optimizer.iterations

    best = C.ModelCheckpoint(
        tmp_path / "best.npz", monitor="val_loss", save_best_only=True, save_weights_only=True
    )
    saved = []
    best.set_model(type("M", (), {"save_weights": lambda self, p: saved.append(p)})())
    for e, v in enumerate([1.0, 0.8, 0.9, 0.7]):
        best.on_epoch_end(e, {"val_loss": v})
    assert len(saved) == 3  # epochs 1, 2 and 4 improved
    with pytest.raises(ConfigError, match="val_f1"):
        C.ModelCheckpoint(tmp_path / "{val_f1}.npz").on_epoch_end(0, {"loss": 1.0})


def test_save_weights_only_round_trip(digits, tmp_path):
    x, y = digits
    model = mlp()
    model.fit(
        x,
        y,
        epochs=1,
        verbose=0,
        callbacks=[C.ModelCheckpoint(tmp_path / "w.npz", save_weights_only=True)],
    )
    other = mlp(seed=9)
    other.build((1, 64))
    other.load_weights(tmp_path / "w.npz")
    np.testing.assert_array_equal(other.predict(x), model.predict(x))


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_terminate_on_nan(digits, capsys):
    x, y = digits
    model = mlp()
    model.compile({"class_name": "SGD", "config": {"lr": 1e30}}, CE)
    h = model.fit(x, y, batch_size=32, epochs=5, verbose=0, callbacks=[C.TerminateOnNaN()])
    assert len(h.epoch) == 1
    assert model.optimizer.iterations < 10  # stopped within the first epoch
    assert "invalid loss" in capsys.readouterr().out


def test_csv_logger_writes_and_appends(digits, tmp_path):
    x, y = digits
    path = tmp_path / "log.csv"
    model = mlp()
    model.fit(x, y, epochs=2, verbose=0, validation_split=0.2, callbacks=[C.CSVLogger(path)])
    model.fit(
        x,
        y,
        epochs=3,
        initial_epoch=2,
        verbose=0,
        validation_split=0.2,
        callbacks=[C.CSVLogger(path, append=True)],
    )
    rows = list(csv.reader(path.open()))
    assert rows[0] == ["epoch", "accuracy", "gap", "loss", "lr", "val_accuracy", "val_loss"]
    assert [r[0] for r in rows[1:]] == ["0", "1", "2"]
    assert float(rows[1][3]) > 0
    model.fit(x, y, epochs=1, verbose=0, callbacks=[C.CSVLogger(path)])  # overwrite
    assert len(list(csv.reader(path.open()))) == 2


class _TTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_plain_fallback_on_terminal(digits, monkeypatch):
    x, y = digits
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # as if tqdm were not installed
    out = _TTY()
    bar = C.ProgressBar(verbose=1, stream=out, refresh=0.0)
    mlp().fit(x, y, batch_size=100, epochs=2, verbose=0, callbacks=[bar])
    text = out.getvalue()
    assert "Epoch 1/2" in text and "Epoch 2/2" in text
    assert "\r3/3 [" in text and "ETA" in text and "loss:" in text and "accuracy:" in text


def test_progress_bar_tqdm_on_terminal(digits):
    pytest.importorskip("tqdm")
    x, y = digits
    out = _TTY()
    mlp().fit(
        x,
        y,
        batch_size=100,
        epochs=1,
        verbose=0,
        callbacks=[C.ProgressBar(stream=out, refresh=0.0)],
    )
    text = out.getvalue()
    assert "Epoch 1/1" in text and "3/3" in text and "loss:" in text


def test_progress_bar_not_a_terminal_is_one_line_per_epoch(digits):
    x, y = digits
    out = io.StringIO()
    bar = C.ProgressBar(verbose=1, stream=out)
    assert not bar.uses_batch_hooks()  # no per-batch work at all
    mlp().fit(x, y, batch_size=10, epochs=3, verbose=0, callbacks=[bar])
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and lines[2].startswith("Epoch 3/3 - 30/30 - ")


def test_lambda_callback_and_bad_callbacks(digits):
    x, y = digits
    seen = []
    cb = C.LambdaCallback(
        on_train_begin=lambda logs: seen.append("begin"),
        on_epoch_end=lambda e, logs: seen.append(e),
        on_train_end=lambda logs: seen.append("end"),
    )
    assert not cb.uses_batch_hooks()
    mlp().fit(x, y, epochs=2, verbose=0, callbacks=[cb])
    assert seen == ["begin", 0, 1, "end"]
    with pytest.raises(ConfigError):
        mlp().fit(x, y, verbose=0, callbacks=[lambda: None])
