"""Metrics against scikit-learn: functions on arrays and streaming versions."""

from __future__ import annotations

import numpy as np
import pytest

from mitbadak import metrics as M
from mitbadak.errors import ConfigError, LabelError, ShapeError

sk = pytest.importorskip("sklearn.metrics", reason="scikit-learn is the oracle")


@pytest.fixture
def multi(rng):
    y = rng.integers(0, 4, 200)
    scores = rng.normal(size=(200, 4)).astype(np.float32)
    scores[np.arange(200), y] += rng.normal(0.8, 1.0, 200).astype(np.float32)
    return y, scores


@pytest.fixture
def binary(rng):
    y = rng.integers(0, 2, 150)
    p = np.clip(y * 0.3 + rng.uniform(0, 0.7, 150), 0, 1)
    return y, p


def test_accuracies_match_sklearn(multi, binary):
    y, s = multi
    assert M.sparse_categorical_accuracy(y, s) == pytest.approx(sk.accuracy_score(y, s.argmax(1)))
    onehot = np.eye(4)[y]
    assert M.categorical_accuracy(onehot, s) == pytest.approx(sk.accuracy_score(y, s.argmax(1)))
    assert M.accuracy(y, s) == M.accuracy(onehot, s) == M.sparse_categorical_accuracy(y, s)
    yb, p = binary
    assert M.binary_accuracy(yb, p) == pytest.approx(sk.accuracy_score(yb, p > 0.5))
    assert M.binary_accuracy(yb, p, threshold=0.7) == pytest.approx(sk.accuracy_score(yb, p > 0.7))
    assert M.accuracy(yb, p) == M.binary_accuracy(yb, p)
    assert M.accuracy(y, s.argmax(1)) == pytest.approx(sk.accuracy_score(y, s.argmax(1)))


@pytest.mark.parametrize("k", [1, 2, 3])
def test_top_k_matches_sklearn(multi, k):
    y, s = multi
    assert M.top_k_accuracy(y, s, k=k) == pytest.approx(
        sk.top_k_accuracy_score(y, s, k=k, labels=range(4))
    )
    m = M.SparseTopKCategoricalAccuracy(k=k)
    m.update_state(y[:70], s[:70])
    m.update_state(y[70:], s[70:])
    assert m.result() == pytest.approx(M.top_k_accuracy(y, s, k=k))
    m2 = M.TopKCategoricalAccuracy(k=k)
    m2.update_state(np.eye(4)[y], s)
    assert m2.result() == pytest.approx(m.result())


@pytest.mark.parametrize("average", ["macro", "micro", "weighted"])
def test_prf_multiclass_match_sklearn(multi, average):
    y, s = multi
    pred = s.argmax(1)
    for ours, theirs in (
        (M.precision, sk.precision_score),
        (M.recall, sk.recall_score),
        (M.f1_score, sk.f1_score),
    ):
        assert ours(y, s, average=average) == pytest.approx(
            theirs(y, pred, average=average, zero_division=0)
        )


def test_prf_binary_match_sklearn(binary):
    y, p = binary
    pred = (p > 0.5).astype(int)
    assert M.precision(y, p) == pytest.approx(sk.precision_score(y, pred))
    assert M.recall(y, p) == pytest.approx(sk.recall_score(y, pred))
    assert M.f1_score(y, p) == pytest.approx(sk.f1_score(y, pred))
    # no positive prediction: zero_division=0, like scikit-learn's zero_division=0
    assert M.precision(np.array([1, 0]), np.array([0, 0])) == 0.0


def test_confusion_matrix_matches_sklearn(multi):
    y, s = multi
    np.testing.assert_array_equal(M.confusion_matrix(y, s), sk.confusion_matrix(y, s.argmax(1)))
    w = np.linspace(0.5, 2, len(y))
    np.testing.assert_allclose(
        M.confusion_matrix(y, s, sample_weight=w),
        sk.confusion_matrix(y, s.argmax(1), sample_weight=w),
    )
    cm = M.ConfusionMatrix(num_classes=4)
    for lo in range(0, 200, 64):
        cm.update_state(y[lo : lo + 64], s[lo : lo + 64])
    np.testing.assert_array_equal(cm.result(), sk.confusion_matrix(y, s.argmax(1)))
    with pytest.raises(LabelError):
        M.confusion_matrix(np.array([0, 5]), np.array([0, 1]), num_classes=3)


def test_regression_metrics_match_sklearn(rng):
    t, p = rng.normal(size=(50, 3)), rng.normal(size=(50, 3))
    assert M.mean_absolute_error(t, p) == pytest.approx(sk.mean_absolute_error(t, p))
    assert M.mean_squared_error(t, p) == pytest.approx(sk.mean_squared_error(t, p))
    m = M.get("mse")
    m.update_state(t[:20], p[:20])
    m.update_state(t[20:], p[20:])
    assert m.result() == pytest.approx(sk.mean_squared_error(t, p))
    assert M.get("mae")(t, p) == pytest.approx(sk.mean_absolute_error(t, p))


def test_streaming_is_sample_weighted_not_mean_of_batches(multi):
    """Uneven batches: the epoch value is the average over samples (sklearn on all of them)."""
    y, s = multi
    m = M.SparseCategoricalAccuracy()
    batch_means = []
    for lo, hi in ((0, 3), (3, 200)):
        m.update_state(y[lo:hi], s[lo:hi])
        batch_means.append(M.sparse_categorical_accuracy(y[lo:hi], s[lo:hi]))
    assert m.result() == pytest.approx(sk.accuracy_score(y, s.argmax(1)))
    assert m.result() != pytest.approx(np.mean(batch_means))
    w = np.random.default_rng(0).uniform(0, 2, 200)
    m.reset_state()
    m.update_state(y, s, sample_weight=w)
    assert m.result() == pytest.approx(sk.accuracy_score(y, s.argmax(1), sample_weight=w))


@pytest.mark.parametrize(
    "cls,fn",
    [(M.Precision, "precision_score"), (M.Recall, "recall_score"), (M.F1Score, "f1_score")],
)
def test_streaming_prf(multi, binary, cls, fn):
    y, s = multi
    m = cls(average="macro")
    m.update_state(y[:100], s[:100])
    m.update_state(y[100:], s[100:])
    assert m.result() == pytest.approx(getattr(sk, fn)(y, s.argmax(1), average="macro"))
    yb, p = binary
    m = cls()  # binary by default for two classes
    m.update_state(yb, p)
    assert m.result() == pytest.approx(getattr(sk, fn)(yb, p > 0.5))


def test_get_resolves_accuracy_from_loss():
    assert isinstance(
        M.get("accuracy", loss="sparse_categorical_crossentropy"), M.SparseCategoricalAccuracy
    )
    acc = M.get("acc", loss="sparse_categorical_crossentropy")
    assert acc.name == "acc"
    assert isinstance(
        M.get("accuracy", loss="mse", y_true=np.zeros((3, 1)), y_pred=np.zeros((3, 1))),
        M.BinaryAccuracy,
    )
    assert isinstance(
        M.get("accuracy", loss="mse", y_true=np.eye(3), y_pred=np.eye(3)), M.CategoricalAccuracy
    )
    assert isinstance(
        M.get("accuracy", loss="mse", y_true=np.arange(3), y_pred=np.eye(3)),
        M.SparseCategoricalAccuracy,
    )
    assert isinstance(M.get("f1"), M.F1Score)
    with pytest.raises(ConfigError, match="unknown metric"):
        M.get("acuracy")
    with pytest.raises(ConfigError):
        M.precision([0, 1, 2], [0, 1, 2], average="binary")
    with pytest.raises(ShapeError):
        M.sparse_categorical_accuracy(np.arange(3), np.zeros((4, 3)))
