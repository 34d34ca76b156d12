"""The Digits tab: a small MLP or CNN trained live on handwritten digits.

The embedded 8x8 digits (:func:`mitbadak.data.load_digits`, always there) or a 6,000-image
sample of MNIST (:func:`mitbadak.data.load_mnist`, when its files are found). The page gets the
losses and accuracies per epoch, the confusion matrix, the first layer's filters, the
activations of every layer for a chosen image, and the class probabilities of a drawing.

Example:
    >>> run = DigitsRun(parse_digits_setup({"model": "mlp"}))
    >>> run.train_epoch(); run.epoch, len(run.predict(np.zeros(64)))
    (1, 10)
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import random
from ..errors import ConfigError, DataError
from ..layers import Conv2D, Dense, Flatten, MaxPooling2D
from ..model import Sequential
from ..tensor import no_grad
from .engine import ENGINE_LOCK, make_optimizer
from .values import choice, finite, number, rounded, whole

MNIST_TRAIN, MNIST_TEST = 3000, 500
CHUNK = 256  # samples per engine turn: a drawing's prediction never waits for a whole epoch


@dataclass(frozen=True)
class DigitsSetup:
    """The Digits tab's controls.

    Example:
        >>> DigitsSetup().model
        'mlp'
    """

    data: str = "digits"  # or "mnist"
    model: str = "mlp"  # or "cnn"
    hidden: int = 32
    optimizer: str = "adam"
    lr: float = 0.01
    batch: int = 32
    seed: int = 0


def parse_digits_setup(query: dict[str, Any]) -> DigitsSetup:
    """A checked :class:`DigitsSetup` from the page's values (keys prefixed ``d_`` or not).

    Example:
        >>> parse_digits_setup({"d_model": "cnn", "d_lr": "0.005"}).lr
        0.005
    """
    q = {k[2:] if k.startswith("d_") else k: v for k, v in query.items()}
    kw: dict[str, Any] = {}
    if "data" in q:
        kw["data"] = choice("digits data", q["data"], ("digits", "mnist"))
    if "model" in q:
        kw["model"] = choice("digits model", q["model"], ("mlp", "cnn"))
    if "hidden" in q:
        kw["hidden"] = whole("hidden units", q["hidden"], 1, 256)
    if "optimizer" in q:
        kw["optimizer"] = choice(
            "optimizer", q["optimizer"], ("sgd", "momentum", "adam", "rmsprop")
        )
    if "lr" in q:
        kw["lr"] = number("learning rate", q["lr"], 0.0, 10.0, positive=True)
    if "batch" in q:
        kw["batch"] = whole("batch size", q["batch"], 1, 4096)
    if "seed" in q:
        kw["seed"] = whole("seed", q["seed"], 0, 2**31 - 1)
    return DigitsSetup(**kw)


def load_digit_images(data: str, seed: int = 0) -> dict[str, Any]:
    """Train/test images as float32 (N, 1, S, S) in [0, 1] and integer labels.

    Example:
        >>> d = load_digit_images("digits"); d["x_train"].shape[1:], d["size"]
        ((1, 8, 8), 8)
    """
    from ..data import load_digits, load_mnist, train_test_split

    if data == "digits":
        ds = load_digits()
        x = (ds.data / np.float32(16.0)).reshape(-1, 1, 8, 8).astype(np.float32)
        xtr, xte, ytr, yte = train_test_split(
            x, ds.target, test_size=0.2, seed=seed, stratify=ds.target
        )
        return {"x_train": xtr, "y_train": ytr, "x_test": xte, "y_test": yte, "size": 8}
    try:
        ds = load_mnist(download=False)  # the playground never goes to the network
    except Exception:  # missing files: a message on the page
        raise DataError(key="error.playground.mnist_missing") from None
    rng = np.random.default_rng(seed)
    tr = rng.permutation(len(ds.train.data))[:MNIST_TRAIN]
    te = rng.permutation(len(ds.test.data))[:MNIST_TEST]
    return {
        "x_train": ds.train.data[tr].reshape(-1, 1, 28, 28).astype(np.float32),
        "y_train": ds.train.target[tr],
        "x_test": ds.test.data[te].reshape(-1, 1, 28, 28).astype(np.float32),
        "y_test": ds.test.target[te],
        "size": 28,
    }


def build_digits_model(setup: DigitsSetup, size: int) -> Sequential:
    """``Flatten -> Dense(hidden, relu) -> Dense(10)`` or a one-conv CNN, compiled.

    Example:
        >>> build_digits_model(DigitsSetup(hidden=16), 8).count_params()
        1210
    """
    if setup.model == "mlp":
        layers = [Flatten(), Dense(setup.hidden, activation="relu"), Dense(10)]
    else:
        layers = [
            Conv2D(8, 3, padding="same", activation="relu"),
            MaxPooling2D(2),
            Flatten(),
            Dense(setup.hidden, activation="relu"),
            Dense(10),
        ]
    model = Sequential(layers)
    model.build((1, 1, size, size))
    model.compile(
        make_optimizer(setup.optimizer, model.parameters(), setup.lr),
        _logits_loss(),
        metrics=["accuracy"],
    )
    return model


def _logits_loss() -> Any:
    from ..losses import SparseCategoricalCrossentropy

    return SparseCategoricalCrossentropy(from_logits=True)


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class DigitsRun:
    """One digits network and its data; driven from one thread like ``PlaygroundRun``.

    Example:
        >>> run = DigitsRun(DigitsSetup(hidden=8)); run.train_epoch()
        >>> run.epoch, int(run.confusion().sum()) == len(run.x_test), run.cell(3, 3)["true"]
        (1, True, 3)
    """

    def __init__(self, setup: DigitsSetup) -> None:
        self.setup = setup
        d = load_digit_images(setup.data, setup.seed)
        self.size = d["size"]
        self.x_train, self.y_train = d["x_train"], d["y_train"]
        self.x_test, self.y_test = d["x_test"], d["y_test"]
        self._lock = threading.RLock()  # this network's uses, one at a time
        with ENGINE_LOCK:
            random.set_seed(setup.seed)
            self.model = build_digits_model(setup, self.size)
        self.epoch = 0
        self.train_loss: list[float] = []
        self.test_loss: list[float] = []
        self.test_acc: list[float] = []
        self.diverged = False
        self._pred = np.zeros(len(self.x_test), dtype=np.int64)
        self._evaluate()

    def train_epoch(self) -> None:
        """One pass over the training images in a new order, fed to ``fit`` in chunks of
        whole batches so that other requests get the engine in between."""
        order = np.random.default_rng(self.setup.seed + self.epoch).permutation(len(self.x_train))
        chunk = max(CHUNK // self.setup.batch, 1) * self.setup.batch
        total = seen = 0.0
        for lo in range(0, len(order), chunk):
            idx = order[lo : lo + chunk]
            with self._lock, np.errstate(all="ignore"):
                h = self.model.fit(
                    self.x_train[idx],
                    self.y_train[idx],
                    batch_size=self.setup.batch,
                    epochs=1,
                    verbose=0,
                    shuffle=False,
                )
            total += float(h.history["loss"][-1]) * len(idx)
            seen += len(idx)
        self.epoch += 1
        self._evaluate(total / max(seen, 1))

    def _evaluate(self, train_loss: float | None = None) -> None:
        with self._lock, np.errstate(all="ignore"):
            if train_loss is None:
                train_loss = self.model.evaluate(self.x_train, self.y_train, batch_size=512)[0]
            logits = self.model.predict(self.x_test, batch_size=512)
        tr = train_loss
        p = _softmax(logits.astype(np.float64))
        te = float(-np.mean(np.log(np.clip(p[np.arange(len(p)), self.y_test], 1e-12, 1))))
        self._pred = p.argmax(axis=1)
        self.train_loss.append(float(tr))
        self.test_loss.append(te)
        self.test_acc.append(float(np.mean(self._pred == self.y_test)))
        if not np.isfinite(tr):
            self.diverged = True

    def confusion(self) -> np.ndarray:
        cm = np.zeros((10, 10), dtype=np.int64)
        np.add.at(cm, (self.y_test.astype(np.int64), self._pred), 1)
        return cm

    def filters(self) -> list:
        """The first layer's filters as images scaled to [-1, 1] (at most 16)."""
        with self._lock:
            layer = next(iter(self.model)) if self.setup.model == "cnn" else list(self.model)[1]
            w = np.asarray(layer.get_weights()[0], dtype=np.float64)
        if self.setup.model == "cnn":  # (out, in, kh, kw)
            imgs = w[:, 0]
        else:  # Dense kernel (in, out): each column is an input-sized image
            imgs = w.T[:16].reshape(-1, self.size, self.size)
        return [rounded(im / (np.abs(im).max() or 1.0), 2) for im in imgs]

    def snapshot(self) -> dict[str, Any]:
        return {
            "epoch": self.epoch,
            "train_loss": finite(self.train_loss[-1]),
            "test_loss": finite(self.test_loss[-1]),
            "test_acc": finite(self.test_acc[-1]),
            "confusion": self.confusion().tolist(),
            "filters": self.filters(),
            "diverged": self.diverged,
            "findings": [],
        }

    def inputs(self) -> dict[str, Any]:
        return {"size": self.size, "n_test": len(self.x_test), "model": self.setup.model}

    def _check_index(self, index: Any) -> int:
        try:
            i = int(index)
        except (TypeError, ValueError):
            raise ConfigError(key="error.playground.image_index", index=index) from None
        if not 0 <= i < len(self.x_test):
            raise ConfigError(key="error.playground.image_range", last=len(self.x_test) - 1)
        return i

    def activations(self, index: Any) -> dict[str, Any]:
        """Every layer's output for test image ``index`` (each scaled to [0, 1])."""
        i = self._check_index(index)
        x = self.x_test[i : i + 1]
        layers_out = []
        with self._lock, no_grad():
            h: Any = x
            for layer in self.model:
                h = layer(h, training=False)
                a = np.asarray(h.data[0], dtype=np.float64)
                if a.ndim == 3:  # (C, H, W): one small image per channel
                    values = [rounded(c / (np.abs(c).max() or 1.0), 2) for c in a]
                else:
                    values = rounded(a / (np.abs(a).max() or 1.0), 2)
                layers_out.append({"name": type(layer).__name__, "values": values})
        probs = _softmax(np.asarray(h.data[0], dtype=np.float64))
        return {
            "index": i,
            "image": rounded(x[0, 0], 2),
            "label": int(self.y_test[i]),
            "layers": layers_out,
            "probs": rounded(probs, 4),
        }

    def cell(self, true: Any, pred: Any, limit: int = 24) -> dict[str, Any]:
        """Test images of class ``true`` predicted as ``pred`` (a confusion-matrix cell)."""
        t = whole("true class", true, 0, 9)
        p = whole("predicted class", pred, 0, 9)
        idx = np.flatnonzero((self.y_test == t) & (self._pred == p))
        return {
            "true": t,
            "pred": p,
            "count": int(len(idx)),
            "images": [
                {"index": int(i), "pixels": rounded(self.x_test[i, 0], 2)} for i in idx[:limit]
            ],
        }

    def predict(self, pixels: Any) -> list[float]:
        """Class probabilities of one image given as ``size * size`` numbers in [0, 1]."""
        try:
            a = np.asarray(pixels, dtype=np.float32)
        except (TypeError, ValueError):
            raise ConfigError(key="error.playground.drawing_list") from None
        if a.size != self.size * self.size or not np.all(np.isfinite(a)):
            raise ConfigError(
                key="error.playground.drawing_size", n=self.size * self.size, got=a.size
            )
        with self._lock:
            logits = self.model.predict(np.clip(a, 0, 1).reshape(1, 1, self.size, self.size))
        return rounded(_softmax(logits[0].astype(np.float64)), 4)
