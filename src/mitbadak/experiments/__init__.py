"""Lessons you can run and look at: each trains real networks with mitbadak, measures the
numbers behind one idea, and saves figures and a short Markdown report.

From the command line::

    mitbadak lesson activations           # one lesson into lessons/activations/
    mitbadak lesson all --out report/     # every lesson, plus report/index.html
    mitbadak lesson all --quick           # small, fast configurations (under a minute)

From Python, every lesson module has ``run(out, quick=False, seed=0) -> LessonResult``:

Example:
    >>> from mitbadak import experiments
    >>> sorted(experiments.LESSONS)[:3]
    ['activations', 'batch-norm', 'computational-graph']
    >>> r = experiments.run_lesson("perceptron-xor", out="lessons", quick=True)  # doctest: +SKIP
    >>> r.numbers["mlp_accuracy"]                                              # doctest: +SKIP
    1.0

``lang="ko"`` (or ``--lang ko``, or ``MITBADAK_LANG=ko``) writes the lessons in Korean.

Figures need matplotlib (``pip install "mitbadak[plot]"``); without it the lessons still run
and report their numbers.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import ConfigError
from ..messages import message, use_lang
from ._common import LessonResult

__all__ = ["LESSONS", "LessonResult", "cli_lesson", "get_lesson", "run_all", "run_lesson"]

# name on the command line -> module, in teaching order.
LESSONS: dict[str, str] = {
    "activations": "activations",
    "weight-init": "weight_init",
    "optimizers": "optimizers",
    "learning-rate": "learning_rate",
    "overfitting": "overfitting",
    "batch-norm": "batch_norm",
    "l1-vs-l2": "l1_vs_l2",
    "vanishing-gradients": "vanishing_gradients",
    "ensemble": "ensemble",
    "width-vs-depth": "width_vs_depth",
    "computational-graph": "computational_graph",
    "perceptron-xor": "perceptron_xor",
    "linear-classifiers": "linear_classifiers",
    "convolution": "convolution",
    "unsupervised": "unsupervised",
    "debugging": "debugging",
    "transfer": "transfer",
}


def get_lesson(name: str) -> ModuleType:
    """The module of lesson ``name`` (it has ``NAME``, ``TITLE``, ``CLAIM`` and ``run``).

    Example:
        >>> get_lesson("ensemble").NAME
        'ensemble'
    """
    if name not in LESSONS:
        raise ConfigError(key="error.experiments.unknown_lesson", name=name, names=list(LESSONS))
    return importlib.import_module(f"{__name__}.{LESSONS[name]}")


def run_lesson(
    name: str,
    out: str | Path = "lessons",
    quick: bool = False,
    seed: int = 0,
    lang: str | None = None,
) -> LessonResult:
    """Run one lesson; its files go to ``out/<name>/``; ``lang`` ("en", "ko") is the language
    of its report (default: ``$MITBADAK_LANG`` or English).

    Example:
        >>> run_lesson("l1-vs-l2", out="lessons", quick=True).numbers["nonzero_lasso"]
        ... # doctest: +SKIP
        3
    """
    module = get_lesson(name)
    with use_lang(lang):
        return module.run(Path(out) / name, quick=quick, seed=seed)


def run_all(
    out: str | Path = "lessons",
    quick: bool = False,
    seed: int = 0,
    names: list[str] | None = None,
    log: Any = None,
    lang: str | None = None,
) -> tuple[list[LessonResult], Path]:
    """Run every lesson (or ``names``) and write ``out/index.html`` and ``out/report.md``.

    Returns the results and the path of ``index.html``.

    Example:
        >>> results, index = run_all("/tmp/lessons", quick=True)  # doctest: +SKIP
    """
    from .report import write_report

    results = []
    with use_lang(lang):
        for name in names or list(LESSONS):
            t0 = time.perf_counter()
            r = run_lesson(name, out, quick=quick, seed=seed)
            if log is not None:
                dt, n = time.perf_counter() - t0, len(r.figures)
                log(message("cli.lesson.done", name=name, seconds=dt, figures=n))
            results.append(r)
        index = write_report(results, Path(out), quick=quick, seed=seed)
    return results, index


def _summary(r: LessonResult) -> str:
    lines = [
        message("cli.lesson.summary_head", title=r.title, name=r.name, seconds=r.seconds),
        message("cli.lesson.summary_claim", claim=r.claim),
    ]
    for path in [*r.figures, *r.files]:
        lines.append(message("cli.wrote", path=path))
    return "\n".join(lines)


def cli_lesson(args: Any) -> int:
    """``mitbadak lesson NAME|all [--out DIR] [--quick] [--seed N] [--lang ko]``: the body.

    Prints each lesson's report (numbers included) and where its files went.
    """
    from .. import plot

    out = Path(getattr(args, "out", None) or "lessons")
    quick, seed = bool(getattr(args, "quick", False)), int(getattr(args, "seed", 0) or 0)
    name = args.name
    with use_lang(getattr(args, "lang", None)):
        if not plot.have_matplotlib():
            print(message("cli.lesson.no_matplotlib", hint=plot.INSTALL_HINT))
        if name == "all":
            t0 = time.perf_counter()
            results, index = run_all(out, quick=quick, seed=seed, log=print)
            dt = time.perf_counter() - t0
            print(message("cli.lesson.all_done", n=len(results), seconds=dt, index=index))
            return 0
        get_lesson(name)  # unknown names fail before any work
        r = run_lesson(name, out, quick=quick, seed=seed)
        return _print_result(r)


def _print_result(r: LessonResult) -> int:
    print(r.markdown)
    print(_summary(r))
    sys.stdout.flush()
    return 0
