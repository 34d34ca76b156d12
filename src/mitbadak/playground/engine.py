"""Building and training the playground's networks with mitbadak's public API.

Training runs one epoch per ``model.fit`` call (``initial_epoch=e, epochs=e + 1``) with the
seed ``setup.seed + e``; an exported script (:mod:`.export`) makes the same calls, so it
reproduces the page's losses exactly.

mitbadak's grad mode (``no_grad``) is per thread, so two tabs train at once, each in its own
thread. Each run serializes the uses of its own network (``self._lock``: a step and a snapshot
of one tab never interleave); only seeding the process-wide generator and building the network
from it holds :data:`ENGINE_LOCK` (the weights' draws must not interleave with another tab's).

Example:
    >>> from mitbadak.playground.setup import Setup
    >>> run = PlaygroundRun(Setup(dataset="xor", samples=40))
    >>> run.train_epoch(); run.epoch
    1
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from .. import optimizers, random, regularizers
from ..errors import ConfigError
from ..layers import Activation, BatchNormalization, Dense, Dropout
from ..model import Sequential
from ..tensor import no_grad
from .datasets import (
    DOMAIN,
    feature_matrix,
    is_regression,
    make_points,
    parse_csv,
    split,
    split_indices,
)
from .setup import Setup
from .values import as_bytes, finite, rounded

ENGINE_LOCK = threading.RLock()
GRID = 100  # heat-map cells per side (TF Playground's density)
NEURON_GRID = 25


def load_doctor() -> Any:
    """The Doctor callback class, or ``None`` when this mitbadak has none.

    Example:
        >>> load_doctor() is None or hasattr(load_doctor(), "__call__")
        True
    """
    try:
        from ..callbacks import Doctor  # type: ignore[attr-defined]

        return Doctor
    except ImportError:
        pass
    try:
        from ..doctor import Doctor  # type: ignore[import-not-found,no-redef]

        return Doctor
    except ImportError:
        return None


def make_optimizer(name: str, params: list, lr: float) -> optimizers.Optimizer:
    """The playground's optimizer choices ("momentum" is SGD with momentum 0.9).

    Example:
        >>> from mitbadak import Tensor
        >>> opt = make_optimizer("momentum", [Tensor([1.0], requires_grad=True)], 0.1)
        >>> type(opt).__name__
        'SGD'
    """
    if name == "sgd":
        return optimizers.SGD(params, lr=lr)
    if name == "momentum":
        return optimizers.SGD(params, lr=lr, momentum=0.9)
    cls = {
        "adam": optimizers.Adam,
        "rmsprop": optimizers.RMSprop,
        "adagrad": optimizers.Adagrad,
        "adamw": optimizers.AdamW,
    }.get(name)
    if cls is None:
        raise ConfigError(key="error.playground.unknown_optimizer", name=name)
    return cls(params, lr=lr)


def make_regularizer(setup: Setup) -> regularizers.Regularizer | None:
    """L1 or L2 on every kernel at ``setup.regrate``, or ``None``.

    Example:
        >>> type(make_regularizer(Setup(reg="l1", regrate=0.01))).__name__
        'L1'
    """
    if setup.reg == "none" or setup.regrate == 0:
        return None
    return regularizers.L1(setup.regrate) if setup.reg == "l1" else regularizers.L2(setup.regrate)


def build_model(setup: Setup, n_inputs: int, regression: bool) -> Sequential:
    """The network of a setup, built and compiled (call :func:`random.set_seed` first).

    Each hidden block is ``Dense(n, activation)``, or ``Dense(n) -> BatchNormalization ->
    Activation`` with batch norm, then ``Dropout`` if asked; the output is one unit, with a
    sigmoid for classification.

    Example:
        >>> m = build_model(Setup(hidden=(3,)), 2, regression=False); m.count_params()
        13
    """
    layers: list = []
    for units in setup.hidden:
        reg = make_regularizer(setup)
        if setup.bn:
            layers.append(Dense(units, kernel_initializer=setup.init, kernel_regularizer=reg))
            layers.append(BatchNormalization())
            layers.append(Activation(setup.activation))
        else:
            layers.append(
                Dense(
                    units,
                    activation=setup.activation,
                    kernel_initializer=setup.init,
                    kernel_regularizer=reg,
                )
            )
        if setup.dropout > 0:
            layers.append(Dropout(setup.dropout))
    layers.append(
        Dense(
            1,
            activation=None if regression else "sigmoid",
            kernel_initializer=setup.init,
            kernel_regularizer=make_regularizer(setup),
        )
    )
    model = Sequential(layers)
    model.build((1, n_inputs))
    model.compile(
        make_optimizer(setup.optimizer, model.parameters(), setup.lr), setup.loss_for(regression)
    )
    return model


def load_points(setup: Setup) -> tuple[np.ndarray, np.ndarray]:
    """The points and labels of a setup (built-in generator or the uploaded CSV).

    Example:
        >>> pts, y = load_points(Setup(dataset="gauss", samples=30)); pts.shape, y.shape
        ((30, 2), (30, 1))
    """
    if setup.dataset == "csv":
        return parse_csv(setup.csv or "")
    return make_points(setup.dataset, setup.samples, setup.noise / 100.0, setup.seed)


def _grid_points(n: int) -> np.ndarray:
    c = (np.arange(n) + 0.5) / n * 2 * DOMAIN - DOMAIN
    gx, gy = np.meshgrid(c, -c)  # row 0 is the top of the picture (large x2)
    return np.stack([gx.ravel(), gy.ravel()], axis=1)


class PlaygroundRun:
    """One playground network with its data: train an epoch, take a snapshot for the page.

    Not thread-safe by itself; :class:`~mitbadak.playground.session.Session` drives it from
    one thread. Its engine calls hold its own lock; the seeded build holds :data:`ENGINE_LOCK`.

    Example:
        >>> run = PlaygroundRun(Setup(dataset="circle", samples=40)); run.train_epoch()
        >>> snap = run.snapshot(); snap["epoch"], len(snap["weights"])
        (1, 3)
    """

    def __init__(self, setup: Setup) -> None:
        self.setup = setup
        points, labels = load_points(setup)
        self.regression = is_regression(setup.dataset, labels)
        self.loss_name = setup.loss_for(self.regression)
        x = feature_matrix(points, setup.features)
        self.x_train, self.y_train, self.x_test, self.y_test = split(
            x, labels, setup.ratio / 100.0, setup.seed
        )
        tr, te = split_indices(len(points), setup.ratio / 100.0, setup.seed)
        self.points_train, self.points_test = points[tr], points[te]
        self.grid_x = feature_matrix(_grid_points(GRID), setup.features)
        doctor_cls = load_doctor()
        self.doctor = None
        if doctor_cls is not None:
            try:
                self.doctor = doctor_cls(verbose=0)  # the page shows the findings
            except TypeError:
                self.doctor = doctor_cls()
        self._lock = threading.RLock()  # this network's uses, one at a time
        with ENGINE_LOCK:
            random.set_seed(setup.seed)
            self.model = build_model(setup, x.shape[1], self.regression)
        self.epoch = 0
        self.train_loss: list[float] = []
        self.test_loss: list[float] = []
        self.diverged = False
        self._record_losses()  # epoch 0: the untrained network

    # ----------------------------------------------------------------------- training
    def train_epoch(self) -> None:
        """One pass over the training points (the page's *step*)."""
        s = self.setup
        with self._lock, np.errstate(all="ignore"):  # divergence is reported on the page
            self.model.fit(
                self.x_train,
                self.y_train,
                batch_size=s.batch,
                epochs=self.epoch + 1,
                initial_epoch=self.epoch,
                verbose=0,
                callbacks=[self.doctor] if self.doctor is not None else None,
                seed=s.seed + self.epoch,
            )
            self.epoch += 1
            self._record_losses()

    def _record_losses(self) -> None:
        with self._lock, np.errstate(all="ignore"):
            tr = float(self.model.evaluate(self.x_train, self.y_train, batch_size=1024))
            te = float(self.model.evaluate(self.x_test, self.y_test, batch_size=1024))
        self.train_loss.append(tr)
        self.test_loss.append(te)
        if not (np.isfinite(tr) and np.isfinite(te)):
            self.diverged = True

    # ----------------------------------------------------------------------- snapshots
    def _activations(self, x: np.ndarray) -> list[np.ndarray]:
        """Outputs of each hidden block and of the network on ``x`` (eval mode)."""
        outs = []
        with self._lock, no_grad():
            h: Any = x
            layers = list(self.model)
            for i, layer in enumerate(layers):
                if isinstance(layer, Dense) and i > 0:
                    outs.append(np.asarray(h.data))
                h = layer(h, training=False)
            outs.append(np.asarray(h.data))
        return outs

    def findings(self) -> list[dict[str, Any]]:
        """The Doctor's findings in plain words (empty without a Doctor); ``epoch`` counted
        from 1 as the page's epoch counter does (a Finding's own is 0-based)."""
        out = []
        for f in list(getattr(self.doctor, "findings", None) or []):
            epoch = getattr(f, "epoch", None)
            out.append(
                {
                    "code": str(getattr(f, "code", "")),
                    "message": str(getattr(f, "message", f)),
                    "fix": str(getattr(f, "fix", "") or ""),
                    "epoch": int(epoch) + 1 if isinstance(epoch, (int, np.integer)) else None,
                }
            )
        return out

    def snapshot(self) -> dict[str, Any]:
        """What the page draws: losses, heat maps, neuron maps, weights, findings."""
        acts = self._activations(self.grid_x)
        out = acts[-1].reshape(GRID, GRID)
        step = GRID // NEURON_GRID
        neurons = [
            [rounded(a[:, j].reshape(GRID, GRID)[::step, ::step], 2) for j in range(a.shape[1])]
            for a in acts[:-1]
        ]
        weights = []
        with self._lock:
            for layer in self.model:
                if isinstance(layer, Dense):
                    weights.append(rounded(layer.get_weights()[0], 3))
        return {
            "epoch": self.epoch,
            "train_loss": finite(self.train_loss[-1]),
            "test_loss": finite(self.test_loss[-1]),
            "heat": as_bytes(out, 0.0 if not self.regression else -1.0, 1.0),
            "heat_size": GRID,
            "neurons": neurons,
            "weights": weights,
            "findings": self.findings(),
            "diverged": self.diverged,
        }

    def inputs(self) -> dict[str, Any]:
        """What changes only with the setup: the points and the input features' maps."""
        step = GRID // NEURON_GRID
        feats = []
        for j in range(self.grid_x.shape[1]):
            col = self.grid_x[:, j].reshape(GRID, GRID)[::step, ::step]
            scale = float(np.abs(col).max()) or 1.0
            feats.append(rounded(col / scale, 2))
        return {
            "task": "regression" if self.regression else "classification",
            "loss": self.loss_name,
            "train_points": rounded(np.hstack([self.points_train, self.y_train]), 3),
            "test_points": rounded(np.hstack([self.points_test, self.y_test]), 3),
            "feature_maps": feats,
            "features": list(self.setup.features),
            "domain": DOMAIN,
            "doctor": self.doctor is not None,
        }
