"""Lesson: L1 (lasso) makes coefficients exactly zero, L2 (ridge) only shrinks them.

The data: 200 samples, 10 standard-normal features, of which only 3 matter
(y = 3 x0 - 2 x1 + 1.5 x2 + noise). ``mitbadak.classic.Lasso`` and ``Ridge`` are fitted on it,
and ``regularization_path`` traces every coefficient as the penalty grows.

Example:
    >>> from mitbadak.experiments import l1_vs_l2
    >>> r = l1_vs_l2.run("lessons/l1-vs-l2", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..classic import Lasso, LinearRegression, Ridge, regularization_path
from ..messages import message
from ._common import Lesson, LessonResult

NAME = "l1-vs-l2"
TITLE = message("lesson.l1-vs-l2.title", "en")
CLAIM = message("lesson.l1-vs-l2.claim", "en")

TRUE_COEF = np.array([3.0, -2.0, 1.5, 0, 0, 0, 0, 0, 0, 0])


def make_data(seed: int = 0, n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """Features X (n, 10) and targets y = X @ TRUE_COEF + N(0, 1) noise."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, len(TRUE_COEF)))
    y = X @ TRUE_COEF + rng.standard_normal(n)
    return X, y


def unit_ball_areas(n_grid: int = 801) -> dict[str, float]:
    """Areas of the 2-D unit balls {w : ||w||_p <= 1}, measured by counting grid points.

    The exact values are 2 (L1, a diamond), π (L2, a disc) and 4 (L-infinity, a square).

    Example:
        >>> {k: round(v, 1) for k, v in unit_ball_areas(401).items()}
        {'l1': 2.0, 'l2': 3.1, 'linf': 4.0}
    """
    g = np.linspace(-1, 1, n_grid)
    w0, w1 = np.meshgrid(g, g)
    cell = (g[1] - g[0]) ** 2
    norms = {
        "l1": np.abs(w0) + np.abs(w1),
        "l2": np.hypot(w0, w1),
        "linf": np.maximum(np.abs(w0), np.abs(w1)),
    }
    return {k: float(np.sum(v <= 1.0) * cell) for k, v in norms.items()}


def two_feature_geometry(seed: int = 0) -> dict[str, np.ndarray]:
    """A 2-feature problem (y = 2 x0 + 0.4 x1 + noise) and its OLS, lasso and ridge solutions."""
    rng = np.random.default_rng(seed + 100)
    X = rng.standard_normal((100, 2))
    y = X @ np.array([2.0, 0.4]) + 0.5 * rng.standard_normal(100)
    return {
        "X": X,
        "y": y,
        "ols": LinearRegression(fit_intercept=False).fit(X, y).coef_,
        "lasso": Lasso(alpha=0.5, fit_intercept=False).fit(X, y).coef_,
        "ridge": Ridge(alpha=60.0, fit_intercept=False).fit(X, y).coef_,
    }


def _balls_figure(lesson: Lesson, geo: dict[str, np.ndarray]) -> None:
    plt = lesson.plt
    t = np.linspace(0, 2 * np.pi, 400)
    circle = np.column_stack([np.cos(t), np.sin(t)])
    shapes = {
        "fig_ball_l1": circle / np.abs(circle).sum(1, keepdims=True),
        "fig_ball_l2": circle,
        "fig_ball_linf": circle / np.abs(circle).max(1, keepdims=True),
    }
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.8))
    for key, pts in shapes.items():
        axes[0].plot(pts[:, 0], pts[:, 1], label=lesson.fig_t(key))
    axes[0].set_aspect("equal")
    axes[0].axhline(0, color="black", lw=0.5)
    axes[0].axvline(0, color="black", lw=0.5)
    axes[0].set_title(lesson.fig_t("fig_balls"))
    axes[0].legend(fontsize=8)
    X, y = geo["X"], geo["y"]
    g0, g1 = np.meshgrid(np.linspace(-0.5, 2.5, 200), np.linspace(-1.2, 1.8, 200))
    W = np.stack([g0.ravel(), g1.ravel()], 1)
    sse = ((X @ W.T - y[:, None]) ** 2).sum(0).reshape(g0.shape)
    for ax, name, pts, key, radius in (
        (
            axes[1],
            lesson.fig_t("lasso"),
            shapes["fig_ball_l1"],
            "lasso",
            np.abs(geo["lasso"]).sum(),
        ),
        (axes[2], lesson.fig_t("ridge"), shapes["fig_ball_l2"], "ridge", np.hypot(*geo["ridge"])),
    ):
        ax.contour(g0, g1, sse, levels=12, cmap="viridis", linewidths=0.8)
        ax.fill(radius * pts[:, 0], radius * pts[:, 1], alpha=0.25, color="tab:red")
        ax.plot(*geo["ols"], "k*", ms=12, label=lesson.fig_t("fig_ols", w=np.round(geo["ols"], 2)))
        ax.plot(*geo[key], "ro", ms=8, label=f"{name} {np.round(geo[key], 3)}")
        ax.set_aspect("equal")
        ax.axhline(0, color="black", lw=0.5)
        ax.axvline(0, color="black", lw=0.5)
        ax.set_xlabel("w0")
        ax.set_ylabel("w1")
        ax.set_title(lesson.fig_t("fig_touch", name=name))
        ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    lesson.figure(fig, "unit_balls.png", lesson.t("caption_balls"))


def run(out: str | Path = "lessons/l1-vs-l2", quick: bool = False, seed: int = 0) -> LessonResult:
    """Fit OLS, Ridge and Lasso; trace both regularization paths."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    X, y = make_data(seed)
    ols = LinearRegression().fit(X, y)
    # Comparable strengths: ridge minimizes ||r||^2 + a||w||^2, lasso ||r||^2/(2n) + a||w||_1.
    ridge = Ridge(alpha=100.0).fit(X, y)
    lasso = Lasso(alpha=0.3).fit(X, y)
    tiny = 1e-10
    rows = [
        [f"x{j}" + (lesson.t("useful") if TRUE_COEF[j] else ""), TRUE_COEF[j], ols.coef_[j],
         ridge.coef_[j], lasso.coef_[j]]
        for j in range(len(TRUE_COEF))
    ]  # fmt: skip
    nz = {
        "ols": int(np.sum(np.abs(ols.coef_) > tiny)),
        "ridge": int(np.sum(np.abs(ridge.coef_) > tiny)),
        "lasso": int(np.sum(np.abs(lasso.coef_) > tiny)),
    }
    useless = TRUE_COEF == 0
    lesson.say(lesson.t("intro", n=len(y)))
    cols = ("col_feature", "col_true", "col_ols", "col_ridge", "col_lasso")
    lesson.table([lesson.t(c) for c in cols], rows)
    lesson.table(
        [lesson.t("col_model"), lesson.t("col_nonzero"), lesson.t("col_useless")],
        [
            [lesson.t(m), nz[m], float(np.abs(est.coef_[useless]).max())]
            for m, est in (("ols", ols), ("ridge", ridge), ("lasso", lasso))
        ],
    )
    lesson.say(lesson.t("why"))

    n_alphas = 20 if quick else 60
    a_lasso = np.geomspace(3.0, 1e-3, n_alphas)
    a_ridge = np.geomspace(1e5, 1e-2, n_alphas)
    path_l = regularization_path(X, y, a_lasso, "lasso")
    path_r = regularization_path(X, y, a_ridge, "ridge")
    # The alpha at which each feature first becomes non-zero (lasso): the order of selection.
    entry = [
        float(a_lasso[np.argmax(np.abs(path_l[:, j]) > tiny)]) if np.any(path_l[:, j]) else 0.0
        for j in range(X.shape[1])
    ]
    numbers = {
        "nonzero_ols": nz["ols"],
        "nonzero_ridge": nz["ridge"],
        "nonzero_lasso": nz["lasso"],
        "lasso_useless_max_abs": float(np.abs(lasso.coef_[useless]).max()),
        "ridge_useless_min_abs": float(np.abs(ridge.coef_[useless]).min()),
        "lasso_useful_min_abs": float(np.abs(lasso.coef_[~useless]).min()),
        "lasso_path_nonzero": [int(v) for v in (np.abs(path_l) > tiny).sum(axis=1)],
        "ridge_path_nonzero": [int(v) for v in (np.abs(path_r) > tiny).sum(axis=1)],
        "lasso_entry_alpha": entry,
    }
    geo = two_feature_geometry(seed)
    numbers.update(
        unit_ball_areas={k: round(v, 3) for k, v in unit_ball_areas().items()},
        two_feature_ols=[float(v) for v in geo["ols"]],
        two_feature_lasso=[float(v) for v in geo["lasso"]],
        two_feature_ridge=[float(v) for v in geo["ridge"]],
    )
    lesson.say(
        lesson.t("path", n_alphas=n_alphas, first=numbers["lasso_path_nonzero"][0],
                 last=numbers["lasso_path_nonzero"][-1], e0=entry[0], e1=entry[1], e2=entry[2],
                 ridge_n=numbers["ridge_path_nonzero"][0])
    )  # fmt: skip

    lesson.say(
        lesson.t("geometry", areas=lesson.t("areas", **numbers["unit_ball_areas"]),
                 ols=np.round(geo["ols"], 3).tolist(), lasso=np.round(geo["lasso"], 3).tolist(),
                 ridge=np.round(geo["ridge"], 3).tolist())
    )  # fmt: skip
    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, 2, figsize=(13, 4.5))
        for j in range(X.shape[1]):
            style = dict(lw=2) if TRUE_COEF[j] else dict(lw=1, color="gray", alpha=0.6)
            axes[0].plot(a_lasso, path_l[:, j], **style, label=f"x{j}" if TRUE_COEF[j] else None)
            axes[1].plot(a_ridge, path_r[:, j], **style, label=f"x{j}" if TRUE_COEF[j] else None)
        for ax, title in ((axes[0], lesson.fig_t("fig_path_lasso")),
                          (axes[1], lesson.fig_t("fig_path_ridge"))):  # fmt: skip
            ax.set_xscale("log")
            ax.invert_xaxis()
            ax.axhline(0, color="black", lw=0.5)
            ax.set_xlabel(lesson.fig_t("fig_alpha"))
            ax.set_ylabel(lesson.fig_t("fig_coef"))
            ax.set_title(title)
            ax.grid(alpha=0.3)
            ax.legend(title=lesson.fig_t("fig_legend"), fontsize=8)
        fig.tight_layout()
        lesson.figure(fig, "paths.png", lesson.t("caption_paths"))

        _balls_figure(lesson, geo)

        fig, ax = plt.subplots(figsize=(8, 3.5))
        idx = np.arange(X.shape[1])
        for k, (label, c) in enumerate(
            (("true", TRUE_COEF), ("ridge", ridge.coef_), ("lasso", lasso.coef_))
        ):
            ax.bar(idx + (k - 1) * 0.27, c, width=0.27, label=lesson.fig_t(label))
        ax.set_xticks(idx, [f"x{j}" for j in idx])
        ax.axhline(0, color="black", lw=0.5)
        ax.legend()
        ax.set_title(lesson.fig_t("fig_coefs"))
        fig.tight_layout()
        lesson.figure(fig, "coefficients.png", lesson.t("caption_coefs"))
    else:
        lesson.no_figures_note()
    return lesson.finish(numbers)
