"""The ``mitbadak`` command.

``mitbadak train`` with no options trains a small MLP on the 8x8 digits embedded in the package,
prints one line per epoch, reports the test accuracy and saves the model. Options choose the
data set (digits, MNIST, Fashion-MNIST), the model (MLP or CNN), the optimizer, a learning-rate
schedule, early stopping, dropout, batch normalization, L2, the initializer and augmentation.
``mitbadak evaluate``, ``predict`` and ``summary`` use a saved model.

Every error (bad option, missing or invalid file) is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from . import __version__, validate
from .errors import ConfigError, MitbadakError
from .messages import LANGUAGES, MESSAGES, Phrase, columns, current_lang, message, use_lang

# argparse's own words (Python's, in English) -> the message table, so that a usage error is
# written in the language in use; an error argparse words otherwise stays as argparse wrote it.
_ARGPARSE_WORDS = [
    (re.compile(r"argument (?P<name>.+?): (?P<error>.*)", re.S), "error.cli.argument"),
    (re.compile(r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S),
     "error.cli.argparse.invalid_choice"),
    (re.compile(r"invalid (?P<kind>\S+) value: (?P<value>.*)", re.S),
     "error.cli.argparse.invalid_value"),
    (re.compile(r"expected one argument"), "error.cli.argparse.one_value"),
    (re.compile(r"expected at most one argument"), "error.cli.argparse.at_most_one"),
    (re.compile(r"expected at least one argument"), "error.cli.argparse.at_least_one"),
    (re.compile(r"expected (?P<n>\d+) arguments?"), "error.cli.argparse.n_values"),
    (re.compile(r"ignored explicit argument (?P<value>.*)", re.S), "error.cli.argparse.ignored"),
    (re.compile(r"not allowed with argument (?P<other>.*)", re.S),
     "error.cli.argparse.not_allowed"),
    (re.compile(r"unrecognized arguments: (?P<args>.*)", re.S), "error.cli.argparse.unrecognized"),
    (re.compile(r"the following arguments are required: (?P<args>.*)", re.S),
     "error.cli.argparse.required"),
    (re.compile(r"one of the arguments (?P<args>.*) is required", re.S),
     "error.cli.argparse.one_required"),
    (re.compile(r"ambiguous option: (?P<option>.*) could match (?P<matches>.*)", re.S),
     "error.cli.argparse.ambiguous"),
]  # fmt: skip


def _argparse_words(text: str) -> str:
    """argparse's English error ``text`` in the language in use (unchanged in English, and
    for words argparse may have that the table does not know)."""
    if current_lang() == "en":
        return text
    for pattern, key in _ARGPARSE_WORDS:
        match = pattern.fullmatch(text)
        if match:
            values = match.groupdict()
            if "error" in values:  # "argument --epochs: <what argparse or our type said>"
                values["error"] = _argparse_words(values["error"])
            return message(key, **values)
    return text


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad option gives one line on stderr, not the usage block, in the
    language in use (``--lang`` or ``MITBADAK_LANG``; see :func:`main`), and ``--help`` is
    written in that language too (``-h``'s own line included)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Words)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        if add_help:  # what argparse adds itself, with the help text from the table
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS,
                help=message("cli.help.help"),
            )  # fmt: skip

    def error(self, message: str) -> NoReturn:
        self.exit(2, _usage_line(self.prog, _argparse_words(message)) + "\n")


def _usage_line(prog: str, error: Any) -> str:
    return message("error.cli.usage", prog=prog, error=error)


# argparse's own section titles -> the table (the titles argparse gives, in English)
_SECTIONS = {
    "positional arguments": "cli.help.positionals",
    "options": "cli.help.options",
    "optional arguments": "cli.help.options",  # Python < 3.10
}


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns, broken between words."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        longer = f"{line} {word}" if line else word
        if line and columns(longer) > width:
            lines.append(line)
            line = word
        else:
            line = longer
    return lines + [line] if line else lines


class _Words(argparse.HelpFormatter):
    """argparse's help in the language in use: its own words ("usage:", the section titles)
    from the table, and, outside English, lines wrapped by their width on the terminal (a
    Hangul syllable is two columns wide). English is exactly argparse's."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
        if prefix is None and current_lang() != "en":
            prefix = message("cli.help.usage")
        super().add_usage(usage, actions, groups, prefix)

    def format_help(self) -> str:
        text = super().format_help()
        prefix = message("cli.help.usage")
        wider = columns(prefix) - len(prefix)  # "사용법: " is 5 characters but 8 columns
        if current_lang() == "en" or wider <= 0 or not text.startswith(prefix):
            return text
        usage, blank, rest = text.partition("\n\n")  # argparse indents by characters
        lines = usage.split("\n")
        usage = "\n".join(lines[:1] + [" " * wider + line for line in lines[1:]])
        return usage + blank + rest

    def start_section(self, heading: Any) -> None:
        if heading in _SECTIONS and current_lang() != "en":
            heading = message(_SECTIONS[heading])
        super().start_section(heading)

    def _split_lines(self, text: str, width: int) -> list[str]:
        if current_lang() == "en":
            return super()._split_lines(text, width)
        return _wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if current_lang() == "en":
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in _wrap(text, width - len(indent)))


class _HelpFormatter(_Words, argparse.ArgumentDefaultsHelpFormatter):
    """Shows "(default: X)" (in the language in use) only where there is a default worth
    showing."""

    def _get_help_string(self, action: argparse.Action) -> str:
        if action.default is None or action.default is False:
            return action.help or ""
        text = super()._get_help_string(action)
        english = " (default: %(default)s)"  # what ArgumentDefaultsHelpFormatter adds
        if text.endswith(english) and not (action.help or "").endswith(english):
            text = text[: -len(english)] + message("cli.help.default")
        return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message("error.cli.positive_int", text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(message("error.cli.positive_int", text=text))
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message("error.cli.positive_number", text=text)) from None
    if not value > 0 or not np.isfinite(value):
        raise argparse.ArgumentTypeError(message("error.cli.positive_number", text=text))
    return value


def _unit_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message("error.cli.unit_number", text=text)) from None
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError(message("error.cli.unit_number", text=text))
    return value


def _seed(text: str) -> int:
    """A random seed: a whole number >= 0 (what NumPy's generators accept)."""
    return _checked(text, lambda v: validate.integer(v, "seed", "option", min=0), int)


def _checked(text: str, check: Any, parse: Any) -> Any:
    """Parse ``text`` and run the same :mod:`mitbadak.validate` check the API uses; argparse
    reports the failure as a usage error (one line, exit status 2)."""
    try:
        value = parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message("error.cli.whole_number", text=text)) from None
    try:
        return check(value)
    except MitbadakError as e:
        raise argparse.ArgumentTypeError(str(e).split(": ", 1)[-1]) from None


def _hidden_sizes(text: str) -> tuple[int, ...]:
    parts = [p for p in text.replace(" ", "").split(",") if p]
    if not parts:
        raise argparse.ArgumentTypeError(message("error.cli.sizes"))
    return tuple(_positive_int(p) for p in parts)


DATASETS = ("digits", "mnist", "fashion-mnist")
SCHEDULES = ("none", "step", "exponential", "cosine", "inverse_time")
DEFAULT_LR = {"sgd": 0.05, "adagrad": 0.01, "rmsprop": 0.001, "adam": 0.001, "adamw": 0.001}


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message("error.cli.non_negative", text=text)) from None
    if not value >= 0 or not np.isfinite(value):
        raise argparse.ArgumentTypeError(message("error.cli.non_negative", text=text))
    return value


def _schedule_spec(text: str) -> tuple[str, dict[str, float]]:
    """``NAME`` or ``NAME:key=value,key=value`` (e.g. ``step:step_size=5,gamma=0.5``)."""
    name, _, rest = text.partition(":")
    name = name.strip().lower()
    if name not in SCHEDULES:
        raise argparse.ArgumentTypeError(
            message("error.cli.schedule", name=name, choices=", ".join(SCHEDULES))
        )
    kwargs: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in rest.split(","))):
        key, eq, value = part.partition("=")
        try:
            kwargs[key.strip()] = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(message("error.cli.key_number", text=text)) from None
        if not eq:
            raise argparse.ArgumentTypeError(message("error.cli.key_number", text=text))
    return name, kwargs


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=message("cli.help.lang"))


def build_parser() -> argparse.ArgumentParser:
    """The ``mitbadak`` command line, its help in the language in use (see :func:`main`).

    Example:
        >>> build_parser().parse_args(["summary", "m.npz"]).model
        'm.npz'
    """
    h = message  # every help text comes from the table, in the language in use
    parser = _Parser(prog="mitbadak", description=h("cli.help.description"))
    parser.add_argument(
        "--version", action="version", version=f"mitbadak {__version__}",
        help=h("cli.help.version"),
    )  # fmt: skip
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    train = sub.add_parser(
        "train",
        help=h("cli.train.help"),
        description=h("cli.train.description"),
        formatter_class=_HelpFormatter,
    )
    train.add_argument(
        "--dataset", choices=DATASETS, default="digits", help=h("cli.train.help.dataset")
    )
    train.add_argument(
        "--model", choices=("mlp", "cnn"), default="mlp", help=h("cli.train.help.model")
    )
    train.add_argument("--epochs", type=_positive_int, default=30, help=h("cli.train.help.epochs"))
    train.add_argument(
        "--batch-size", type=_positive_int, default=32, help=h("cli.train.help.batch_size")
    )
    train.add_argument(
        "--optimizer",
        choices=tuple(DEFAULT_LR),
        default="sgd",
        help=h("cli.train.help.optimizer"),
    )
    train.add_argument("--lr", type=_positive_float, default=None, help=h("cli.train.help.lr"))
    train.add_argument(
        "--momentum", type=_unit_float, default=0.9, help=h("cli.train.help.momentum")
    )
    train.add_argument(
        "--lr-schedule",
        type=_schedule_spec,
        default=argparse.SUPPRESS,
        metavar="NAME[:k=v,...]",
        help=h("cli.train.help.lr_schedule"),
    )
    train.add_argument(
        "--early-stopping",
        type=_positive_int,
        default=None,
        metavar="PATIENCE",
        help=h("cli.train.help.early_stopping"),
    )
    train.add_argument(
        "--hidden", type=_hidden_sizes, default=(128, 64), help=h("cli.train.help.hidden")
    )
    train.add_argument("--dropout", type=_unit_float, default=0.0, help=h("cli.train.help.dropout"))
    train.add_argument("--batchnorm", action="store_true", help=h("cli.train.help.batchnorm"))
    train.add_argument("--l2", type=_non_negative_float, default=0.0, help=h("cli.train.help.l2"))
    train.add_argument("--init", default="he_normal", help=h("cli.train.help.init"))
    train.add_argument("--augment", default=None, metavar="SPEC", help=h("cli.train.help.augment"))
    train.add_argument("--seed", type=_seed, default=0, help=h("cli.train.help.seed"))
    train.add_argument("--device", default="cpu", help=h("cli.train.help.device"))
    train.add_argument(
        "--test-size", type=_unit_float, default=0.2, help=h("cli.train.help.test_size")
    )
    train.add_argument(
        "--validation-split",
        type=_unit_float,
        default=0.1,
        help=h("cli.train.help.validation_split"),
    )
    train.add_argument("--out", default=None, help=h("cli.train.help.out"))
    train.add_argument("--quiet", action="store_true", help=h("cli.train.help.quiet"))
    _add_lang(train)
    train.add_argument("--doctor", action="store_true", help=h("cli.train.help.doctor"))
    train.add_argument("--report", default=None, metavar="DIR", help=h("cli.train.help.report"))
    train.set_defaults(func=cmd_train)

    evaluate = sub.add_parser(
        "evaluate", help=h("cli.evaluate.help"), description=h("cli.evaluate.description")
    )
    evaluate.add_argument("model", metavar="MODEL", nargs="?", help=h("cli.help.model_file"))
    _add_pretrained_option(evaluate)
    evaluate.add_argument(
        "--dataset", choices=DATASETS, default=None, help=h("cli.evaluate.help.dataset")
    )
    _add_lang(evaluate)
    evaluate.set_defaults(func=cmd_evaluate)

    predict = sub.add_parser(
        "predict", help=h("cli.predict.help"), description=h("cli.predict.description")
    )
    predict.add_argument("model", metavar="MODEL", nargs="?", help=h("cli.help.model_file"))
    predict.add_argument("images", metavar="IMAGE", nargs="+", help=h("cli.predict.help.images"))
    _add_pretrained_option(predict)
    _add_lang(predict)
    predict.set_defaults(func=cmd_predict)

    summary = sub.add_parser("summary", help=h("cli.summary.help"))
    summary.add_argument("model", metavar="MODEL", help=h("cli.help.model_file"))
    _add_lang(summary)
    summary.set_defaults(func=cmd_summary)

    # --- export (issue 18.2)
    export = sub.add_parser(
        "export", help=h("cli.export.help"), description=h("cli.export.description")
    )
    export.add_argument("model", metavar="MODEL", help=h("cli.export.help.model"))
    export.add_argument("out", metavar="OUT", help=h("cli.export.help.out"))
    export.add_argument("--opset", type=int, default=17, help=h("cli.export.help.opset"))
    _add_lang(export)
    export.set_defaults(func=cmd_export)
    # --- end export

    lesson = sub.add_parser("lesson", help=h("cli.lesson.help"))
    lesson.add_argument("name", metavar="NAME", help=h("cli.lesson.help.name"))
    lesson.add_argument("--out", default="lessons", help=h("cli.lesson.help.out"))
    lesson.add_argument("--quick", action="store_true", help=h("cli.lesson.help.quick"))
    lesson.add_argument("--seed", type=_seed, default=0, help=h("cli.lesson.help.seed"))
    _add_lang(lesson)
    inspect = sub.add_parser(
        "inspect", help=h("cli.inspect.help"), description=h("cli.inspect.description")
    )
    inspect.add_argument("model", metavar="MODEL", help=h("cli.help.model_file"))
    inspect.add_argument(
        "--data",
        choices=("digits", "mnist", "fashion"),
        default=None,
        help=h("cli.inspect.help.data"),
    )
    inspect.add_argument("--out", default="inspect", help=h("cli.inspect.help.out"))
    inspect.add_argument(
        "--samples", type=_positive_int, default=1000, help=h("cli.inspect.help.samples")
    )
    _add_lang(inspect)
    inspect.set_defaults(func=cmd_inspect)

    from .experiments import cli_lesson

    lesson.set_defaults(func=cli_lesson)

    playground = sub.add_parser(
        "playground",
        help=h("cli.playground.help"),
        description=h("cli.playground.description"),
    )
    playground.add_argument("--port", type=int, default=8765, help=h("cli.playground.help.port"))
    playground.add_argument("--host", default="127.0.0.1", help=h("cli.playground.help.host"))
    playground.add_argument(
        "--no-browser", action="store_true", help=h("cli.playground.help.no_browser")
    )
    _add_lang(playground)
    playground.set_defaults(func=cmd_playground)
    return parser


def cmd_playground(args: argparse.Namespace) -> int:
    from .playground import serve

    if not 0 <= args.port <= 65535:
        raise ConfigError(key="error.cli.port", port=args.port)
    return serve(port=args.port, host=args.host, open_browser=not args.no_browser)


# ------------------------------------------------------------------------------ data
def _saved_accuracy(extra: dict, path: Any) -> str:
    """The test accuracy in a model's metadata, formatted (checked like every number read)."""
    value = validate.number(extra["test_accuracy"], "test_accuracy", _saved_metadata(path))
    return f"{value:.4f}"


def _split_of(extra: dict, path: Any) -> tuple[float, int]:
    """The test split and seed a model was trained with, from its saved metadata (checked:
    a file whose metadata holds a non-number gets a one-line error naming it)."""
    who = _saved_metadata(path)
    test_size = validate.number(extra.get("test_size", 0.2), "test_size", who, min=0, max=1)
    return test_size, validate.integer(extra.get("seed", 0), "seed", who, min=0)


def _saved_metadata(path: Any) -> Phrase:
    return Phrase("error.cli.saved_metadata", path=path)


def _load_dataset(name: str, test_size: float = 0.2, seed: int = 0) -> dict:
    """Train and test parts as float32 in [0, 1], with the image shape (C, H, W)."""
    from .data import load_digits, load_fashion_mnist, load_mnist, train_test_split

    if name == "digits":
        ds = load_digits()
        x = ds.data / np.float32(16.0)  # pixels 0..16 -> 0..1
        x_train, x_test, y_train, y_test = train_test_split(
            x, ds.target, test_size=test_size, seed=seed, stratify=ds.target
        )
        names = [str(c) for c in ds.target_names]
        shape = (1, 8, 8)
    else:
        ds = load_mnist() if name == "mnist" else load_fashion_mnist()
        x_train, y_train = ds.train.data, ds.train.target
        x_test, y_test = ds.test.data, ds.test.target
        names = [str(c) for c in ds.target_names]
        shape = (1, 28, 28)
    return {
        "x_train": x_train,
        "y_train": y_train,
        "x_test": x_test,
        "y_test": y_test,
        "names": names,
        "shape": shape,
    }


def _shape_for(model, x: np.ndarray, where: Any) -> np.ndarray:
    """Reshape flat samples to the model's input shape (e.g. (N, 64) -> (N, 1, 8, 8))."""
    want = tuple(model.input_shape[1:])
    if x.shape[1:] == want:
        return x
    if int(np.prod(x.shape[1:])) != int(np.prod(want)):
        raise ConfigError(key="error.cli.input_shape", where=where, want=want, got=x.shape[1:])
    return x.reshape((len(x),) + want)


def _on_data(model: Any, dataset: str) -> Phrase:
    return Phrase("error.cli.model_on_data", model=model, dataset=dataset)


def _make_augment(spec: str, image_shape: tuple[int, ...]):
    try:
        from .data.augment import from_spec  # type: ignore[import-not-found]
    except ImportError:
        raise ConfigError(key="error.cli.no_augment") from None
    transform = from_spec(spec)

    def augment(xb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        flat = xb.ndim == 2  # an MLP's batch: augment as images, then flatten back
        out = transform(xb.reshape((len(xb),) + image_shape) if flat else xb, rng)
        return out.reshape(xb.shape).astype(xb.dtype, copy=False)

    return augment


# ------------------------------------------------------------------------- commands
class _EpochLine:
    """Prints the classic one line per epoch of ``mitbadak train``."""

    def __new__(cls, epochs: int):
        from .callbacks import Callback

        class EpochLine(Callback):
            def on_epoch_begin(self, epoch, logs=None):
                self.t0 = time.perf_counter()

            def on_epoch_end(self, epoch, logs=None):
                logs = logs or {}
                acc = logs.get("accuracy", float("nan"))
                line = message("cli.train.epoch", epoch=epoch + 1, epochs=epochs,
                               loss=logs["loss"], acc=acc)  # fmt: skip
                if "val_loss" in logs:
                    line += message("cli.train.epoch_val", val_loss=logs["val_loss"],
                                    val_acc=logs["val_accuracy"])  # fmt: skip
                dt = time.perf_counter() - self.t0
                print(line + message("cli.train.epoch_tail", lr=logs.get("lr", 0), seconds=dt))

        return EpochLine()


def _schedule(name: str, kwargs: dict, lr: float, epochs: int):
    from . import schedules

    defaults = {
        "step": {"step_size": max(1, epochs // 3), "gamma": 0.1},
        "exponential": {"decay_rate": 0.9},
        "cosine": {"decay_steps": epochs},
        "inverse_time": {"decay_rate": 0.5},
    }[name]
    params = {**defaults, **kwargs}
    for key in ("step_size", "decay_steps", "warmup_steps"):
        if key in params:
            params[key] = int(params[key])
    try:
        return schedules.get(name, initial_learning_rate=lr, **params)
    except TypeError as e:
        raise ConfigError(key="error.cli.schedule_args", name=name, reason=e) from None


def cmd_train(args: argparse.Namespace) -> int:
    from . import callbacks, losses, regularizers, set_seed, zoo
    from .io import save_model

    if args.out is not None and Path(args.out).is_dir():  # before training, not after
        raise ConfigError(key="error.cli.out_is_dir", out=args.out)
    set_seed(args.seed)
    data = _load_dataset(args.dataset, args.test_size, args.seed)
    shape = data["shape"]
    l2 = regularizers.L2(args.l2) if args.l2 else None
    if args.model == "mlp":
        model = zoo.build_mlp(
            args.hidden,
            num_classes=10,
            dropout=args.dropout,
            batchnorm=args.batchnorm,
            kernel_initializer=args.init,
            kernel_regularizer=l2,
        )
        x_train, x_test = data["x_train"], data["x_test"]
    else:
        model = zoo.build_cnn(
            shape,
            num_classes=10,
            dense=args.hidden,
            dropout=args.dropout,
            batchnorm=args.batchnorm,
            kernel_initializer=args.init,
        )
        x_train = data["x_train"].reshape((-1,) + shape)
        x_test = data["x_test"].reshape((-1,) + shape)
    model.build((1,) + x_train.shape[1:])
    lr = args.lr if args.lr is not None else DEFAULT_LR[args.optimizer]
    opt_config: dict = {"lr": lr}
    if args.optimizer == "sgd":
        opt_config["momentum"] = args.momentum
    model.compile(
        _optimizer_spec(args.optimizer, opt_config),
        losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    cbs = []
    name, kwargs = getattr(args, "lr_schedule", ("none", {}))  # absent: no schedule
    if name != "none":
        cbs.append(callbacks.LearningRateScheduler(_schedule(name, kwargs, lr, args.epochs)))
    if args.early_stopping:
        cbs.append(callbacks.EarlyStopping(patience=args.early_stopping, restore_best_weights=True))
    if not args.quiet:
        cbs.append(_EpochLine(args.epochs))
    doctor = instruments = None
    if getattr(args, "doctor", False) or getattr(args, "report", None):
        from .doctor import Doctor
        from .inspect import Instruments

        doctor = Doctor(verbose=1 if getattr(args, "doctor", False) else 0, lang=None)
        doctor.check(model, x_train, data["y_train"])
        cbs.append(doctor)
        if getattr(args, "report", None):
            instruments = Instruments()
            cbs.append(instruments)
    augment = _make_augment(args.augment, shape) if args.augment else None
    n_val = int(len(x_train) * args.validation_split)
    sizes = "-".join(map(str, args.hidden))
    desc = Phrase("cli.train.mlp", sizes=sizes)
    if args.model == "cnn":
        desc = Phrase("cli.train.cnn", sizes=sizes)
    if not args.quiet:
        print(
            message(
                "cli.train.start", version=__version__, desc=desc, dataset=args.dataset,
                n_train=len(x_train) - n_val, n_val=n_val, n_test=len(x_test),
                optimizer=args.optimizer, lr=lr, batch_size=args.batch_size,
                params=model.count_params(),
            )
        )  # fmt: skip
    start = time.perf_counter()
    history = model.fit(
        x_train,
        data["y_train"],
        batch_size=args.batch_size,
        epochs=args.epochs,
        verbose=0,
        callbacks=cbs,
        validation_split=args.validation_split or 0.0,
        augment=augment,
        seed=args.seed,
        device=args.device,
    )
    if not np.isfinite(history.history["loss"][-1]):
        raise MitbadakError(key="cli.train.diverged", epoch=len(history.epoch))
    if getattr(args, "doctor", False) and doctor is not None and not doctor.findings:
        print(doctor.summary())
    _, test_acc = model.evaluate(x_test, data["y_test"], batch_size=500)
    out = args.out or f"{args.dataset.replace('-', '_')}_{args.model}.npz"
    extra = {
        "test_accuracy": test_acc,
        "dataset": args.dataset,
        "test_size": args.test_size,
        "seed": args.seed,
        "classes": data["names"],
    }
    save_model(model, out, extra=extra)
    dt = time.perf_counter() - start
    print(message("cli.train.done", acc=test_acc, n=len(x_test), seconds=dt, out=out))
    if getattr(args, "report", None):
        from .htmlreport import write_inspection_report

        page = write_inspection_report(
            model, x_test, data["y_test"], args.report, class_names=data["names"],
            history=history, doctor=doctor, instruments=instruments, image_shape=shape,
            title=message("cli.train.report_title", desc=desc, dataset=args.dataset),
            seed=args.seed,
        )  # fmt: skip
        print(message("cli.report_written", page=page))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    """``mitbadak inspect MODEL --data mnist --out DIR``: the HTML page about a saved model."""
    from .htmlreport import write_inspection_report

    model, extra = _load(args.model)
    dataset = {"fashion": "fashion-mnist"}.get(args.data, args.data)
    dataset = dataset or extra.get("dataset") or "digits"
    if dataset not in DATASETS:
        raise ConfigError(
            key="error.cli.unknown_dataset", dataset=dataset, model=args.model, option="--data"
        )
    data = _load_dataset(dataset, *_split_of(extra, args.model))
    x = _shape_for(model, data["x_test"], _on_data(args.model, dataset))
    names = extra.get("classes") if isinstance(extra.get("classes"), list) else data["names"]
    page = write_inspection_report(
        model, x, data["y_test"], args.out, class_names=names, image_shape=data["shape"],
        max_samples=args.samples,
        title=message("cli.inspect.report_title", model=args.model, dataset=dataset),
    )  # fmt: skip
    print(message("cli.report_written", page=page))
    return 0


def _optimizer_spec(name: str, config: dict) -> dict:
    from . import registry

    cls = registry.lookup("optimizers", name)
    return {"class_name": cls.__name__, "config": config}


def _load(path: str):
    from .io import load_model, read_header

    model = load_model(path)
    header, _ = read_header(path)
    extra = header.get("extra") if isinstance(header.get("extra"), dict) else {}
    return model, extra


# --------------------------------------------- pretrained models (--model NAME, issue 18.4)
def _add_pretrained_option(sub: argparse.ArgumentParser) -> None:
    try:
        from .zoo import pretrained_names

        names = ", ".join(pretrained_names())
    except MitbadakError:
        names = message("cli.help.no_pretrained")
    sub.add_argument(
        "--model",
        dest="pretrained",
        metavar="NAME",
        default=None,
        help=message("cli.help.pretrained", names=names),
    )


def _usage_error(command: str, error: Any) -> int:
    """A missing argument: one line on stderr and exit status 2, as argparse does."""
    print(message("error.cli.usage", prog=f"mitbadak {command}", error=error), file=sys.stderr)
    return 2


def _pretrained_name(args: argparse.Namespace, paths: list[str]) -> str | None:
    """The pretrained model asked for: ``--model NAME``, or a MODEL argument that is not a
    file but is the name of a shipped model."""
    from pathlib import Path

    if args.pretrained:
        return args.pretrained
    if paths and not Path(paths[0]).exists():
        from .zoo import pretrained_names

        try:
            if paths[0] in pretrained_names():
                return paths[0]
        except MitbadakError:
            return None
    return None


def _open_model(args: argparse.Namespace, paths: list[str], who: str):
    """``(model, extra, name, rest)`` for a command taking MODEL or ``--model NAME``: the
    model, its saved ``extra`` (dataset, class names), the pretrained model's name (``None``
    for a file), and the positional arguments left once the model's is taken."""
    name = _pretrained_name(args, paths)
    if name is not None:
        from .zoo import pretrained, pretrained_info

        info = pretrained_info(name)
        rest = paths if args.pretrained else paths[1:]
        extra = {"dataset": info["dataset"], "classes": info["class_names"]}
        return pretrained(name), extra, name, rest
    if not paths:
        raise ConfigError(key="error.cli.need_model", who=who)
    model, extra = _load(paths[0])
    return model, extra, None, paths[1:]


def _evaluate_pretrained(name: str, model) -> int:
    from .data.mnist import cache_dir
    from .errors import FileFormatError
    from .zoo import pretrained_info, pretrained_test_set

    info = pretrained_info(name)
    try:
        x, y = pretrained_test_set(name)
    except FileFormatError as e:
        subdir = info["dataset"]
        reason = Phrase("error.cli.download_failed") if "Downloading" in e.text("en") else (
            str(e).splitlines()[0]
        )  # fmt: skip
        raise FileFormatError(
            key="error.cli.test_set_missing", name=name, subdir=subdir, reason=reason,
            cache=cache_dir(subdir),
        ) from None  # fmt: skip
    result = model.evaluate(x, y, batch_size=500, return_dict=True)
    values = {
        "name": name, "dataset": info["dataset"], "n": len(x), "loss": result["loss"],
        "acc": result["accuracy"], "shipped": info["test_accuracy"],
    }  # fmt: skip
    classes = info.get("classes")
    print(
        message("cli.evaluate.pretrained", **values)
        if classes is None
        else message("cli.evaluate.pretrained_classes", classes=classes, **values)
    )
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from . import losses

    if not args.model and not args.pretrained:
        return _usage_error("evaluate", message("error.cli.give_model"))
    model, extra, name, rest = _open_model(args, [args.model] if args.model else [], "evaluate")
    if rest:
        raise ConfigError(key="error.cli.model_and_file", name=name, got=rest[0])
    if name is not None and not args.dataset:  # a pretrained model, on its own test set
        return _evaluate_pretrained(name, model)
    label = name or args.model
    dataset = args.dataset or extra.get("dataset") or "digits"
    if dataset not in DATASETS:
        raise ConfigError(
            key="error.cli.unknown_dataset", dataset=dataset, model=label, option="--dataset"
        )
    data = _load_dataset(dataset, *_split_of(extra, label))
    if not model.compiled or "accuracy" not in model.metrics_names:
        model.compile("sgd", losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])
    x = _shape_for(model, data["x_test"], _on_data(label, dataset))
    result = model.evaluate(x, data["y_test"], batch_size=500, return_dict=True)
    print(
        message(
            "cli.evaluate.result", label=label, dataset=dataset, n=len(x), loss=result["loss"],
            acc=result["accuracy"],
        )
    )  # fmt: skip
    return 0


def _read_image(path: str) -> np.ndarray:
    """A grey-level image as float32 in [0, 1]."""
    from pathlib import Path

    from .errors import FileFormatError

    p = Path(path)
    if not p.is_file():
        raise FileFormatError(key="error.cli.no_such_file", path=path)
    if p.suffix.lower() == ".npy":
        try:
            img = np.load(p, allow_pickle=False)
        except Exception as e:
            raise FileFormatError(key="error.cli.bad_npy", path=path, reason=e) from None
        if img.dtype.kind not in "biuf":
            raise FileFormatError(key="error.cli.npy_dtype", path=path, dtype=img.dtype)
        img = img.astype(np.float32)
        if img.max(initial=0) > 1.0:  # raw pixels: 0..16 (digits) or 0..255
            img /= 16.0 if img.max() <= 16.0 else 255.0
        return img
    try:
        from PIL import Image
    except ImportError:
        Image = None
    if Image is not None:
        try:
            with Image.open(p) as im:
                return np.asarray(im.convert("L"), dtype=np.float32) / 255.0
        except Exception as e:
            raise FileFormatError(key="error.cli.bad_image", path=path, reason=e) from None
    try:
        import matplotlib.image as mpimg
    except ImportError:
        suffix = p.suffix or Phrase("error.cli.this_kind")
        raise ConfigError(key="error.cli.image_reader", path=path, suffix=suffix) from None
    try:
        img = np.asarray(mpimg.imread(p), dtype=np.float32)
    except Exception as e:
        raise FileFormatError(key="error.cli.bad_image", path=path, reason=e) from None
    if img.max(initial=0) > 1.0:
        img /= 255.0
    if img.ndim == 3:  # RGB(A) -> grey
        img = img[..., :3].mean(axis=-1)
    return img


def _fit_image(img: np.ndarray, want: tuple[int, ...], path: str) -> np.ndarray:
    """Shape an image as one sample (resizing a 2-D image to the model's (H, W) if needed), or
    a stack of images (an .npy of shape (n, H, W) or (n, features)) as n samples."""
    size = int(np.prod(want))
    if img.size == size:
        return img.reshape((1,) + want)
    stacked = img.ndim >= 3 or (img.ndim == 2 and img.shape[1] == size)
    if stacked and img.size % size == 0:
        return img.reshape((-1,) + want)
    h, w = (want[-2], want[-1]) if len(want) >= 2 else (int(round(size**0.5)),) * 2
    if img.ndim != 2 or h * w != size:
        raise ConfigError(
            key="error.cli.image_shape", path=path, shape=img.shape, want=want, size=size
        )
    try:
        from PIL import Image
    except ImportError:
        raise ConfigError(
            key="error.cli.resize", path=path, width=img.shape[1], height=img.shape[0],
            want_width=w, want_height=h,
        ) from None  # fmt: skip
    im = Image.fromarray(np.clip(img * 255, 0, 255).astype(np.uint8)).resize((w, h))
    return (np.asarray(im, dtype=np.float32) / 255.0).reshape((1,) + want)


def cmd_predict(args: argparse.Namespace) -> int:
    paths = [args.model, *args.images] if args.model else list(args.images)
    if args.model is None and _pretrained_name(args, paths) is None:  # one path: no model
        return _usage_error("predict", message("error.cli.give_images", got=paths[0]))
    model, extra, _, images = _open_model(args, paths, "predict")
    if not images:
        return _usage_error("predict", message("error.cli.give_image"))
    names = extra.get("classes") if isinstance(extra.get("classes"), list) else None
    want = tuple(model.input_shape[1:])
    for path in images:
        x = _fit_image(_read_image(path), want, path)
        all_scores = model.predict(x).astype(np.float64)
        if all_scores.ndim == 1 or all_scores.shape[-1] == 1:  # one output: a regression value
            for i, value in enumerate(all_scores.reshape(len(all_scores), -1)[:, 0]):
                where = f"{path}[{i}]" if len(all_scores) > 1 else path
                print(message("cli.predict.value", where=where, value=value))
            continue
        for i, scores in enumerate(all_scores):
            probs = np.exp(scores - scores.max())
            if not (np.all(scores >= 0) and abs(scores.sum() - 1.0) < 1e-3):  # logits -> softmax
                probs /= probs.sum()
            else:
                probs = scores
            k = int(probs.argmax())
            label = names[k] if names and k < len(names) else str(k)
            where = f"{path}[{i}]" if len(all_scores) > 1 else path
            print(message("cli.predict.class", where=where, label=label, p=probs[k]))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    model, extra = _load(args.model)
    model.summary()
    if "test_accuracy" in extra:
        acc = _saved_accuracy(extra, args.model)
        print(message("cli.summary.saved_accuracy", acc=acc, dataset=extra.get("dataset")))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``mitbadak export MODEL OUT``: the saved model as an ONNX file."""
    from .export import to_onnx
    from .io import load_model

    model = load_model(args.model, compile=False)
    proto = to_onnx(model, args.out, opset=args.opset)
    nodes = len(proto.graph.node)
    print(message("cli.export.wrote", out=args.out, opset=args.opset, nodes=nodes))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mitbadak`` command; returns the exit status.

    Example:
        >>> main(["summary", "no_such_file.npz"])  # doctest: +SKIP
        1
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        with use_lang(_parse_lang(argv)):  # --help and a bad option in that language
            args = build_parser().parse_args(argv)
    except SystemExit as e:  # --help, --version, or a bad option (already reported)
        return int(e.code or 0)
    try:
        with use_lang(getattr(args, "lang", None)):  # --lang, else $MITBADAK_LANG, else English
            return _run(args)
    except MitbadakError as e:  # a bad MITBADAK_LANG itself is reported in English
        print(message("cli.error", "en", error=e), file=sys.stderr)
        return 1


def _parse_lang(argv: list[str]) -> str:
    """The language to parse the command line in: ``--lang`` if given, else
    ``$MITBADAK_LANG``, else English (English also when either is not a language: that error
    is argparse's, or reported once the command line is read)."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    if lang not in LANGUAGES:
        lang = None
    try:
        return current_lang(lang)
    except MitbadakError:
        return "en"


def _os_error(e: OSError) -> Phrase:
    """An OS error (``strerror: filename``) as a message: the system's words in English, the
    table's in another language where the table knows that error."""
    reason: Any = e.strerror or e
    name = errno.errorcode.get(e.errno or -1, "").lower()
    key = f"error.os.{name}"
    if e.strerror and name and key in MESSAGES and message(key, "en") == e.strerror:
        reason = Phrase(key)
    elif e.strerror:
        reason = Phrase("error.os.other", strerror=e.strerror)
    if e.filename:
        return Phrase("error.os.with_path", reason=reason, path=e.filename)
    return reason


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except MitbadakError as e:
        print(message("cli.error", error=e), file=sys.stderr)
        return 1
    except OSError as e:
        print(message("cli.error", error=_os_error(e)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(message("cli.interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
