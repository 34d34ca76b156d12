"""The ``mitbadak`` command.

``mitbadak train`` with no options trains a small MLP on the 8x8 digits embedded in the package,
prints one line per epoch, reports the test accuracy and saves the model.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import NoReturn

import numpy as np

from . import __version__
from .errors import MitbadakError


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad option gives one line on stderr, not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}") from None
    if not value > 0 or not np.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def _unit_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1), got {text!r}") from None
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1), got {text!r}")
    return value


def _hidden_sizes(text: str) -> tuple[int, ...]:
    parts = [p for p in text.replace(" ", "").split(",") if p]
    if not parts:
        raise argparse.ArgumentTypeError("expected sizes like 128,64")
    return tuple(_positive_int(p) for p in parts)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mitbadak",
        description="mitbadak: deep learning from scratch on NumPy.",
    )
    parser.add_argument("--version", action="version", version=f"mitbadak {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    train = sub.add_parser(
        "train",
        help="train a network and save it",
        description=(
            "Train a multi-layer perceptron on the 8x8 handwritten digits that ship with "
            "mitbadak (1,797 images, 10 classes): mini-batch SGD with momentum on softmax "
            "cross-entropy. Prints loss and accuracy per epoch, the final test accuracy, and "
            "saves the model to --out."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    train.add_argument(
        "--epochs", type=_positive_int, default=30, help="passes over the training set"
    )
    train.add_argument(
        "--batch-size", type=_positive_int, default=32, help="samples per gradient step"
    )
    train.add_argument("--lr", type=_positive_float, default=0.05, help="learning rate")
    train.add_argument(
        "--momentum", type=_unit_float, default=0.9, help="SGD momentum (0 for plain SGD)"
    )
    train.add_argument(
        "--hidden",
        type=_hidden_sizes,
        default=(128, 64),
        help="hidden layer widths, comma-separated (e.g. 256 or 128,64)",
    )
    train.add_argument("--seed", type=int, default=0, help="random seed: same seed, same result")
    train.add_argument(
        "--test-size", type=_unit_float, default=0.2, help="fraction of the data kept for testing"
    )
    train.add_argument(
        "--out", default="digits_mlp.npz", help="where to save the trained model (.npz)"
    )
    train.add_argument("--quiet", action="store_true", help="print only the final result")
    train.set_defaults(func=cmd_train)
    return parser


def cmd_train(args: argparse.Namespace) -> int:
    from . import Sequential, no_grad, save_model, set_seed, softmax_cross_entropy
    from .data import DataLoader, load_digits, train_test_split
    from .layers import Dense
    from .optimizers import SGD

    set_seed(args.seed)
    ds = load_digits()
    x = ds.data / np.float32(16.0)  # pixels 0..16 -> 0..1
    x_train, x_test, y_train, y_test = train_test_split(
        x, ds.target, test_size=args.test_size, seed=args.seed, stratify=ds.target
    )
    x_fit, x_val, y_fit, y_val = train_test_split(
        x_train, y_train, test_size=0.1, seed=args.seed + 1, stratify=y_train
    )
    model = Sequential(
        [Dense(h, activation="relu", kernel_initializer="he_normal") for h in args.hidden]
        + [Dense(10)]
    )
    model.build((1, x.shape[1]))
    opt = SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    loader = DataLoader(x_fit, y_fit, batch_size=args.batch_size, shuffle=True, seed=args.seed)
    say = (lambda *a: None) if args.quiet else print

    def accuracy(xs: np.ndarray, ys: np.ndarray) -> float:
        with no_grad():
            return float((model(xs, training=False).data.argmax(axis=1) == ys).mean())

    say(
        f"mitbadak {__version__}: MLP 64-{'-'.join(map(str, args.hidden))}-10 on digits "
        f"({len(x_fit)} train / {len(x_val)} validation / {len(x_test)} test), "
        f"SGD lr={args.lr} momentum={args.momentum}, batch {args.batch_size}"
    )
    start = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        model.train()
        loss_sum = correct = seen = 0.0
        for xb, yb in loader:
            logits = model(xb)
            loss = softmax_cross_entropy(logits, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(yb)
            correct += float((logits.data.argmax(axis=1) == yb).sum())
            seen += len(yb)
        if not np.isfinite(loss_sum):
            raise MitbadakError(
                f"training diverged at epoch {epoch} (loss is not finite); try a smaller --lr"
            )
        say(
            f"epoch {epoch:>3}/{args.epochs}  loss {loss_sum / seen:.4f}  "
            f"acc {correct / seen:.4f}  val_acc {accuracy(x_val, y_val):.4f}  "
            f"{time.perf_counter() - t0:.2f}s"
        )
    model.eval()
    test_acc = accuracy(x_test, y_test)
    save_model(model, args.out, extra={"test_accuracy": test_acc, "dataset": "digits"})
    print(
        f"test accuracy {test_acc:.4f} on {len(x_test)} images "
        f"({time.perf_counter() - start:.1f}s); model saved to {args.out}"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mitbadak`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except MitbadakError as e:
        print(f"mitbadak: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(
            f"mitbadak: error: {e.strerror or e}: {e.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        print("mitbadak: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
