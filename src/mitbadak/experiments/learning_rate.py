"""Lesson: the learning rate: too small, good, too large; and decaying it during training.

Example:
    >>> from mitbadak.experiments import learning_rate
    >>> r = learning_rate.run("lessons/learning-rate", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..callbacks import LearningRateScheduler, ReduceLROnPlateau
from ..layers import Dense
from ..messages import message
from ..optimizers import SGD
from ..random import set_seed
from ..schedules import ExponentialDecay, StepDecay
from ._common import Lesson, LessonResult, compile_fit, digits_splits

NAME = "learning-rate"
TITLE = message("lesson.learning-rate.title", "en")
CLAIM = message("lesson.learning-rate.claim", "en")

RATES = {"too small": 0.001, "good": 0.5, "too large": 5.0}
# Each rate's label in the report (message ``lesson.learning-rate.<key>``).
RATE_LABEL = {"too small": "rate_too_small", "good": "rate_good", "too large": "rate_too_large"}


def _layers() -> list:
    return [Dense(64, activation="relu", kernel_initializer="he_normal"), Dense(10)]


def run(
    out: str | Path = "lessons/learning-rate", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Three constant rates, then step / exponential decay and ReduceLROnPlateau."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    x_tr, y_tr, x_te, y_te = digits_splits(seed)
    epochs = 6 if quick else 30
    runs = {}
    for label, lr in RATES.items():
        set_seed(seed)
        _, hist = compile_fit(_layers(), lambda p, lr=lr: SGD(p, lr=lr), x_tr, y_tr, epochs,
                              (x_te, y_te), seed=seed)  # fmt: skip
        runs[label] = hist
    rows = [
        [lesson.t(RATE_LABEL[label]), RATES[label], h["loss"][0], max(h["loss"]), h["loss"][-1],
         h["val_accuracy"][-1]]
        for label, h in runs.items()
    ]  # fmt: skip
    lesson.say(lesson.t("intro", epochs=epochs, n=len(x_tr), ln10=math.log(10)))
    lesson.table(
        [lesson.t("col_rate"), lesson.t("col_lr"), lesson.t("col_loss1"), lesson.t("col_max"),
         lesson.t("col_final"), lesson.t("col_test")],
        rows,
    )  # fmt: skip

    lr0 = 0.5
    every = 2 if quick else 8
    # name (the key of the numbers) -> (callback, the message key and values of its label)
    schedules = {
        "constant": (None, ("sched_constant", {})),
        f"step decay (x0.5 every {every} epochs)": (
            LearningRateScheduler(StepDecay(lr0, step_size=every, gamma=0.5)),
            ("sched_step", {"every": every}),
        ),
        "exponential decay (x0.8 per epoch)": (
            LearningRateScheduler(ExponentialDecay(lr0, decay_rate=0.8)),
            ("sched_exponential", {}),
        ),
        "ReduceLROnPlateau (x0.5, patience 1)": (
            ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1),
            ("sched_plateau", {}),
        ),
    }
    sched_runs = {}
    for label, (cb, _) in schedules.items():
        set_seed(seed)
        _, hist = compile_fit(_layers(), lambda p: SGD(p, lr=lr0, momentum=0.9), x_tr, y_tr,
                              epochs, (x_te, y_te), seed=seed,
                              callbacks=[cb] if cb is not None else None)  # fmt: skip
        sched_runs[label] = hist
    lesson.say(lesson.t("schedules", lr0=lr0))
    lesson.table(
        [lesson.t("col_schedule"), lesson.t("col_last_lr"), lesson.t("col_train"),
         lesson.t("col_val"), lesson.t("col_test")],
        [[lesson.t(schedules[k][1][0], **schedules[k][1][1]), h["lr"][-1], h["loss"][-1],
          h["val_loss"][-1], h["val_accuracy"][-1]] for k, h in sched_runs.items()],
    )  # fmt: skip
    plateau = sched_runs[list(schedules)[3]]
    cuts = [e + 1 for e in range(1, len(plateau["lr"])) if plateau["lr"][e] < plateau["lr"][e - 1]]
    lesson.say(lesson.t("plateau", cuts=cuts or lesson.t("none")))

    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, 2, figsize=(12, 4))
        for label, h in runs.items():
            ep = np.arange(1, len(h["loss"]) + 1)
            text = lesson.fig_t("fig_rate", label=lesson.fig_t(RATE_LABEL[label]), lr=RATES[label])
            axes[0].plot(ep, h["loss"], marker=".", label=text)
            axes[1].plot(ep, h["val_accuracy"], marker=".", label=text)
        axes[0].set_yscale("log")
        axes[0].set_title(lesson.fig_t("fig_loss"))
        axes[1].set_title(lesson.fig_t("fig_acc"))
        for ax in axes:
            ax.set_xlabel(lesson.fig_t("fig_epoch"))
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
        fig.tight_layout()
        lesson.figure(fig, "rates.png", lesson.t("caption_rates"))

        fig, axes = plt.subplots(1, 2, figsize=(12, 4))
        for label, h in sched_runs.items():
            ep = np.arange(1, len(h["loss"]) + 1)
            key, values = schedules[label][1]
            axes[0].plot(ep, h["lr"], marker=".", label=lesson.fig_t(key, **values))
            axes[1].plot(ep, h["val_loss"], marker=".", label=lesson.fig_t(key, **values))
        axes[0].set_title(lesson.fig_t("fig_lr"))
        axes[1].set_title(lesson.fig_t("fig_val"))
        for ax in axes:
            ax.set_xlabel(lesson.fig_t("fig_epoch"))
            ax.set_yscale("log")
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
        fig.tight_layout()
        lesson.figure(fig, "schedules.png", lesson.t("caption_schedules"))
    else:
        lesson.no_figures_note()

    numbers = {}
    for label, h in runs.items():
        numbers[f"{label}/first_loss"] = h["loss"][0]
        numbers[f"{label}/max_loss"] = max(h["loss"])
        numbers[f"{label}/final_loss"] = h["loss"][-1]
        numbers[f"{label}/test_accuracy"] = h["val_accuracy"][-1]
    for label, h in sched_runs.items():
        numbers[f"schedule/{label}/lr"] = h["lr"]
        numbers[f"schedule/{label}/final_val_loss"] = h["val_loss"][-1]
    numbers["plateau_cuts"] = cuts
    numbers["schedule_names"] = list(schedules)
    return lesson.finish(numbers)
