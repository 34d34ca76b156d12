"""Losses and metrics as Keras computes them: (n,) targets against (n, 1) outputs, every step
of (batch, time, classes), Loss(name=, reduction=), plain-function metrics, a Keras-style
Metric with add_weight, confusion counts, Precision / Recall / AUC; against Keras 3."""

from __future__ import annotations

import os

import numpy as np
import pytest

import mitbadak as mb
import mitbadak.keras as mk
from mitbadak.tensor import Tensor

os.environ.setdefault("KERAS_BACKEND", "torch")
RNG = np.random.default_rng(0)


def keras():
    return pytest.importorskip("keras")


def kval(x):
    return float(np.asarray(keras().ops.convert_to_numpy(x)))


@pytest.mark.slow
def test_vector_targets_against_column_outputs_match_keras():
    k = keras()
    y = (RNG.random(16) > 0.5).astype("float32")
    p = RNG.uniform(0.05, 0.95, size=(16, 1)).astype("float32")
    for name in ["BinaryCrossentropy", "MeanSquaredError", "MeanAbsoluteError", "Huber"]:
        ours = getattr(mk.losses, name)()(y, Tensor(p)).item()
        ref = kval(getattr(k.losses, name)()(y, p))
        assert ours == pytest.approx(ref, rel=1e-5), name


@pytest.mark.slow
def test_sequence_losses_and_accuracy_per_step_match_keras():
    k = keras()
    logits = RNG.normal(size=(4, 5, 3)).astype("float32")
    labels = RNG.integers(0, 3, size=(4, 5))
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    onehot = np.eye(3, dtype="float32")[labels]
    cases = [
        (
            mk.losses.SparseCategoricalCrossentropy(from_logits=True),
            k.losses.SparseCategoricalCrossentropy(from_logits=True),
            labels,
            logits,
        ),
        (
            mk.losses.SparseCategoricalCrossentropy(),
            k.losses.SparseCategoricalCrossentropy(),
            labels,
            probs,
        ),
        (
            mk.losses.CategoricalCrossentropy(from_logits=True),
            k.losses.CategoricalCrossentropy(from_logits=True),
            onehot,
            logits,
        ),
    ]
    for ours, ref, t, p in cases:
        assert ours(t, Tensor(p)).item() == pytest.approx(kval(ref(t, p)), rel=1e-5)
    acc = mb.metrics.get("accuracy", loss="sparse_categorical_crossentropy")
    kacc = k.metrics.SparseCategoricalAccuracy()
    kacc.update_state(labels, logits)
    assert acc(labels, logits) == pytest.approx(kval(kacc.result()))
    assert 0.0 <= acc.result() <= 1.0
    cacc = mb.metrics.get("accuracy", loss="categorical_crossentropy")
    assert cacc(onehot, logits) == pytest.approx(kval(kacc.result()))


def test_sequence_model_accuracy_is_at_most_one():
    """The issue's bug: accuracy on (batch, time, classes) reported 1.33."""
    x = RNG.normal(size=(32, 6, 3)).astype("float32")
    y = (x[..., 0] > 0).astype("int64")
    model = mk.Sequential([mk.Input(shape=(6, 3)), mk.layers.Dense(2)])
    model.compile(
        "adam", mk.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"]
    )
    hist = model.fit(x, y, epochs=2, verbose=0)
    assert all(0.0 <= a <= 1.0 for a in hist.history["accuracy"])
    _, acc = model.evaluate(x, y)
    pred = model.predict(x).argmax(-1)
    assert acc == pytest.approx((pred == y).mean())


def test_loss_name_reduction_and_keras_style_subclass():
    bce = mk.losses.BinaryCrossentropy(name="my_bce", reduction="sum_over_batch_size")
    assert bce.name == "my_bce" and bce.reduction == "mean"
    assert mk.losses.MeanSquaredError(reduction=None).reduction == "none"

    class WeightedMSE(mk.losses.Loss):
        def __init__(self, factor=2.0, name="weighted_mse", reduction="sum_over_batch_size"):
            super().__init__(name=name, reduction=reduction)
            self.factor = factor

        def call(self, y_true, y_pred):
            return mk.ops.mean(mk.ops.square(y_pred - y_true), axis=-1) * self.factor

    loss = WeightedMSE()
    y, p = np.zeros((4, 2), "float32"), Tensor(np.ones((4, 2), "float32"), requires_grad=True)
    out = loss(y, p)
    assert out.item() == 2.0 and loss.name == "weighted_mse"
    out.backward()
    np.testing.assert_allclose(p.grad, np.full((4, 2), 0.5))
    w = loss(y, p, sample_weight=np.array([1.0, 0, 0, 0]))
    assert w.item() == pytest.approx(0.5)
    # a per-sample loss function (Keras' form) in compile
    model = mk.Sequential([mk.Input(shape=(2,)), mk.layers.Dense(2)])
    model.compile("sgd", loss=mk.losses.mean_squared_error)
    model.fit(np.ones((8, 2), "float32"), np.zeros((8, 2), "float32"), verbose=0)


def test_plain_function_metric_and_keras_style_metric_class():
    def mean_abs_diff(y_true, y_pred):
        return mk.ops.mean(mk.ops.abs(mk.ops.subtract(y_pred, y_true)), axis=-1)

    class CountAbove(mk.metrics.Metric):
        def __init__(self, threshold=0.5, name="count_above", **kwargs):
            super().__init__(name=name, **kwargs)
            self.threshold = threshold
            self.count = self.add_weight(name="count", initializer="zeros")

        def update_state(self, y_true, y_pred, sample_weight=None):
            self.count.assign_add(mk.ops.sum(mk.ops.greater(y_pred, self.threshold)))

        def result(self):
            return self.count

    m = CountAbove()
    m.update_state(None, np.array([0.2, 0.7, 0.9]))
    assert m.result() == 2.0 and isinstance(m.result(), float)
    m.reset_state()
    assert m.result() == 0.0
    x = RNG.normal(size=(20, 3)).astype("float32")
    model = mk.Sequential([mk.Input(shape=(3,)), mk.layers.Dense(1, activation="sigmoid")])
    model.compile("adam", "mse", metrics=[mean_abs_diff, CountAbove()])
    hist = model.fit(x, x[:, :1] > 0, epochs=1, batch_size=5, verbose=0)
    assert "mean_abs_diff" in hist.history and "count_above" in hist.history
    pred = model.predict(x)
    res = model.evaluate(x, (x[:, :1] > 0).astype("float32"), return_dict=True)
    assert res["count_above"] == float((pred > 0.5).sum())


@pytest.mark.slow
def test_confusion_counts_precision_recall_auc_match_keras():
    k = keras()
    y = (RNG.random(200) > 0.6).astype("float32")
    p = np.clip(y * 0.3 + RNG.random(200) * 0.7, 0, 1).astype("float32")
    w = RNG.random(200).astype("float32")
    for name, kw in [
        ("TruePositives", {}),
        ("FalsePositives", {"thresholds": 0.3}),
        ("TrueNegatives", {}),
        ("FalseNegatives", {}),
        ("AUC", {}),
        ("AUC", {"curve": "PR"}),
        ("AUC", {"num_thresholds": 50}),
        ("Precision", {}),
        ("Recall", {}),
    ]:
        ours, ref = getattr(mk.metrics, name)(**kw), getattr(k.metrics, name)(**kw)
        for lo in range(0, 200, 64):  # streamed in batches
            ours.update_state(y[lo : lo + 64], p[lo : lo + 64])
            ref.update_state(y[lo : lo + 64], p[lo : lo + 64])
        assert ours.result() == pytest.approx(kval(ref.result()), rel=1e-5, abs=1e-6), (name, kw)
    tp, ktp = mk.metrics.TruePositives(), k.metrics.TruePositives()
    tp.update_state(y, p, sample_weight=w)
    ktp.update_state(y, p, sample_weight=w)
    assert tp.result() == pytest.approx(kval(ktp.result()), rel=1e-5)
    auc = mk.metrics.AUC(from_logits=True)
    kauc = k.metrics.AUC(from_logits=True)
    z = RNG.normal(size=200).astype("float32")
    auc.update_state(y, z)
    kauc.update_state(y, z)
    assert auc.result() == pytest.approx(kval(kauc.result()), rel=1e-5)


def test_confusion_metrics_by_name_in_compile():
    x = RNG.normal(size=(40, 2)).astype("float32")
    y = (x[:, 0] > 0).astype("float32")
    model = mk.Sequential([mk.Input(shape=(2,)), mk.layers.Dense(1, activation="sigmoid")])
    model.compile(
        "adam",
        "binary_crossentropy",
        metrics=[mk.metrics.TruePositives(), mk.metrics.FalseNegatives(), mk.metrics.AUC()],
    )
    res = model.evaluate(x, y, return_dict=True)
    pred = model.predict(x)[:, 0]
    assert res["true_positives"] == float(((pred > 0.5) & (y == 1)).sum())
    assert res["false_negatives"] == float(((pred <= 0.5) & (y == 1)).sum())
    assert 0.0 <= res["auc"] <= 1.0
