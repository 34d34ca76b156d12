"""The playground's setup: every control of the page, parsed from the URL's query string.

``parse_setup`` turns the page's strings (``{"dataset": "xor", "lr": "0.03", ...}``) into a
checked :class:`Setup`; a bad value raises :class:`~mitbadak.errors.ConfigError` with a message
that names the control, what it expects and what it got, which the page shows as is.

Example:
    >>> s = parse_setup({"dataset": "spiral", "hidden": "8,8", "lr": "0.01"})
    >>> s.dataset, s.hidden, s.lr, s.task
    ('spiral', (8, 8), 0.01, 'classification')
    >>> parse_setup({"lr": "fast"})
    Traceback (most recent call last):
    ...
    mitbadak.errors.ConfigError: learning rate: expected a positive number, got 'fast'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..errors import ConfigError
from .datasets import DATASETS, FEATURES, REGRESSION
from .values import choice, number, whole

ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear", "leaky_relu", "elu")
OPTIMIZERS = ("sgd", "momentum", "adam", "rmsprop", "adagrad", "adamw")
CLASSIFICATION_LOSSES = ("binary_crossentropy", "mse")
REGRESSION_LOSSES = ("mse", "mae", "huber")
REGULARIZERS = ("none", "l1", "l2")
INITIALIZERS = (
    "glorot_uniform",
    "glorot_normal",
    "he_normal",
    "he_uniform",
    "lecun_normal",
    "random_normal",
    "zeros",
)
MAX_LAYERS, MAX_NEURONS = 6, 32
MAX_SAMPLES, MIN_SAMPLES = 5000, 20


@dataclass(frozen=True)
class Setup:
    """One playground configuration (the defaults are TF Playground's first screen).

    Example:
        >>> Setup().hidden, Setup().features
        ((4, 2), ('x1', 'x2'))
    """

    dataset: str = "circle"
    noise: int = 0  # percent, 0..50
    ratio: int = 50  # percent of the points used for training, 10..90
    samples: int = 400
    features: tuple[str, ...] = ("x1", "x2")
    hidden: tuple[int, ...] = (4, 2)
    activation: str = "tanh"
    loss: str = "auto"  # binary_crossentropy for classification, mse for regression
    optimizer: str = "sgd"
    lr: float = 0.03
    batch: int = 10
    reg: str = "none"
    regrate: float = 0.001
    dropout: float = 0.0
    bn: bool = False
    init: str = "glorot_uniform"
    seed: int = 0
    csv: str | None = field(default=None, compare=False)

    @property
    def task(self) -> str:
        """``"regression"`` or ``"classification"`` (a CSV: decided by its labels later)."""
        return "regression" if self.dataset in REGRESSION else "classification"

    def loss_for(self, regression: bool) -> str:
        """The loss name to compile with (``auto`` resolved; a mismatch is refused)."""
        if self.loss == "auto":
            return "mse" if regression else "binary_crossentropy"
        allowed = REGRESSION_LOSSES if regression else CLASSIFICATION_LOSSES
        if self.loss not in allowed:
            key = "error.playground.loss_" + ("regression" if regression else "classification")
            raise ConfigError(key=key, loss=self.loss, options=", ".join(allowed))
        return self.loss

    def to_query(self) -> dict[str, str]:
        """The setup as the URL's query parameters (the inverse of :func:`parse_setup`)."""
        out = {}
        for f in fields(self):
            if f.name == "csv":
                continue
            v = getattr(self, f.name)
            if isinstance(v, tuple):
                v = ",".join(map(str, v))
            elif isinstance(v, bool):
                v = "1" if v else "0"
            out[f.name] = str(v)
        return out

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("csv")
        return d


def parse_setup(query: dict[str, Any]) -> Setup:
    """A checked :class:`Setup` from the page's query parameters (missing keys: defaults).

    Unknown keys (``play``, ``tab``...) are ignored.

    Example:
        >>> parse_setup({"hidden": "", "features": "x1,x2,x1x2"}).hidden
        ()
    """
    if not isinstance(query, dict):
        raise ConfigError(key="error.playground.setup_object")
    q = {k: v for k, v in query.items() if v is not None}
    d = Setup()
    kw: dict[str, Any] = {}
    if "dataset" in q:
        kw["dataset"] = choice("data set", q["dataset"], DATASETS)
    if "noise" in q:
        kw["noise"] = whole("noise", q["noise"], 0, 50)
    if "ratio" in q:
        kw["ratio"] = whole("ratio of training data", q["ratio"], 10, 90)
    if "samples" in q:
        kw["samples"] = whole("number of points", q["samples"], MIN_SAMPLES, MAX_SAMPLES)
    if "features" in q:
        feats = [f.strip() for f in str(q["features"]).split(",") if f.strip()]
        bad = [f for f in feats if f not in FEATURES]
        if bad or not feats:
            raise ConfigError(
                key="error.playground.features_choose", options=", ".join(FEATURES),
                value=q["features"],
            )  # fmt: skip
        kw["features"] = tuple(dict.fromkeys(feats))
    if "hidden" in q:
        parts = [p.strip() for p in str(q["hidden"]).split(",") if p.strip()]
        if len(parts) > MAX_LAYERS:
            raise ConfigError(key="error.playground.too_many_layers", max=MAX_LAYERS, n=len(parts))
        kw["hidden"] = tuple(whole("neurons per layer", p, 1, MAX_NEURONS) for p in parts)
    if "activation" in q:
        kw["activation"] = choice("activation", q["activation"], ACTIVATIONS)
    if "loss" in q:
        losses = ("auto",) + tuple(dict.fromkeys(CLASSIFICATION_LOSSES + REGRESSION_LOSSES))
        kw["loss"] = choice("loss", q["loss"], losses)
    if "optimizer" in q:
        kw["optimizer"] = choice("optimizer", q["optimizer"], OPTIMIZERS)
    if "lr" in q:
        kw["lr"] = number("learning rate", q["lr"], 0.0, 10.0, positive=True)
    if "batch" in q:
        kw["batch"] = whole("batch size", q["batch"], 1, MAX_SAMPLES)
    if "reg" in q:
        kw["reg"] = choice("regularization", q["reg"], REGULARIZERS)
    if "regrate" in q:
        kw["regrate"] = number("regularization rate", q["regrate"], 0.0, 10.0)
    if "dropout" in q:
        kw["dropout"] = number("dropout", q["dropout"], 0.0, 0.9)
    if "bn" in q:
        kw["bn"] = str(q["bn"]).strip().lower() in ("1", "true", "yes", "on")
    if "init" in q:
        kw["init"] = choice("initializer", q["init"], INITIALIZERS)
    if "seed" in q:
        kw["seed"] = whole("seed", q["seed"], 0, 2**31 - 1)
    if "csv" in q:
        if not isinstance(q["csv"], str):
            raise ConfigError(key="error.playground.csv_text")
        kw["csv"] = q["csv"]
    setup = Setup(**{**{f.name: getattr(d, f.name) for f in fields(d)}, **kw})
    if setup.dataset == "csv" and not setup.csv:
        raise ConfigError(key="error.playground.csv_needs_file")
    return setup
