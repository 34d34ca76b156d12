"""Lesson: learning without labels — k-means clustering and PCA on the digits.

k-means (``mitbadak.classic.KMeans``) groups the 1,797 8x8 digit images into k clusters without
ever seeing a label; its centres are mean images, so they can be looked at. The *purity* (each
cluster votes for its most common true digit; the fraction of images in agreement) measures how
much of the labels' structure the clustering recovered. The *elbow curve* of inertia against k
shows the usual difficulty: inertia always falls as k grows, so it cannot choose k by itself.

PCA (``mitbadak.classic.PCA``) finds the directions of largest variance: the explained-variance
curve says how many dimensions the 64 pixels really use, the first two components give a 2-D map
of the digits, and reconstructions from 2, 10 and 30 components show what is kept.

Example:
    >>> from mitbadak.experiments import unsupervised
    >>> r = unsupervised.run("lessons/unsupervised", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..classic import PCA, KMeans
from ..data import load_digits
from ..messages import message
from ._common import Lesson, LessonResult

NAME = "unsupervised"
TITLE = message("lesson.unsupervised.title", "en")
CLAIM = message("lesson.unsupervised.claim", "en")

RECON_COMPONENTS = (2, 10, 30)


def purity(labels: np.ndarray, truth: np.ndarray) -> float:
    """Fraction of samples whose cluster's most common true label is their own.

    Example:
        >>> purity(np.array([0, 0, 1, 1]), np.array([5, 5, 7, 5]))
        0.75
    """
    agree = 0
    for c in np.unique(labels):
        agree += np.bincount(truth[labels == c]).max()
    return float(agree / len(labels))


def run(
    out: str | Path = "lessons/unsupervised", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Cluster the digits with k-means and map them with PCA."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    ds = load_digits()
    X, y = ds.data.astype(np.float64), ds.target

    n_init = 2 if quick else 10
    km = KMeans(10, n_init=n_init, random_state=seed).fit(X)
    pur = purity(km.labels_, y)
    majority = [int(np.bincount(y[km.labels_ == c]).argmax()) for c in range(10)]
    ks = list(range(2, 16, 2 if quick else 1))
    inertias = [KMeans(k, n_init=1 if quick else 4, random_state=seed).fit(X).inertia_ for k in ks]

    pca = PCA().fit(X)
    cum = np.cumsum(pca.explained_variance_ratio_)
    recon = {}
    for k in RECON_COMPONENTS:
        p = PCA(k).fit(X)
        recon[k] = float(np.mean((X - p.inverse_transform(p.transform(X))) ** 2))
    Z = pca.transform(X)[:, :2]
    numbers = {
        "kmeans_purity": pur,
        "kmeans_inertia": float(km.inertia_),
        "cluster_majority_digits": majority,
        "distinct_majority_digits": len(set(majority)),
        "elbow_k": ks,
        "elbow_inertia": [float(v) for v in inertias],
        "pca_variance_2": float(cum[1]),
        "pca_variance_10": float(cum[9]),
        "pca_variance_30": float(cum[29]),
        "pca_components_for_90pct": int(np.searchsorted(cum, 0.9) + 1),
        "reconstruction_mse": {str(k): v for k, v in recon.items()},
        "pixel_variance_total": float(X.var(axis=0).sum()),
    }
    lesson.say(
        lesson.t("kmeans", n=len(X), n_init=n_init, purity=pur, majority=majority,
                 distinct=len(set(majority)))
    )  # fmt: skip
    lesson.table(["k", lesson.t("col_inertia")], [[k, v] for k, v in zip(ks, inertias)])
    lesson.say(lesson.t("elbow"))
    lesson.table(
        [lesson.t("col_components"), lesson.t("col_variance"), lesson.t("col_mse")],
        [[k, float(cum[k - 1]), recon[k]] for k in RECON_COMPONENTS],
    )
    lesson.say(lesson.t("pca", k90=numbers["pca_components_for_90pct"]))
    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, 10, figsize=(12, 1.8))
        for c, ax in enumerate(axes):
            ax.imshow(km.cluster_centers_[c].reshape(8, 8), cmap="gray_r")
            ax.set_title(f"→ {majority[c]}", fontsize=9)
            ax.axis("off")
        fig.suptitle(lesson.fig_t("fig_centres", purity=pur))
        fig.tight_layout()
        lesson.figure(fig, "kmeans_centres.png", lesson.t("caption_centres"))

        fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
        axes[0].plot(ks, inertias, "o-")
        axes[0].set_xlabel(lesson.fig_t("fig_k"))
        axes[0].set_ylabel(lesson.fig_t("col_inertia"))
        axes[0].set_title(lesson.fig_t("fig_elbow"))
        axes[0].grid(alpha=0.3)
        n = np.arange(1, len(cum) + 1)
        axes[1].plot(n, cum, "-")
        for k in RECON_COMPONENTS:
            axes[1].plot(k, cum[k - 1], "o", label=f"{k}: {cum[k - 1]:.1%}")
        axes[1].set_xlabel(lesson.fig_t("fig_ncomp"))
        axes[1].set_ylabel(lesson.fig_t("fig_cumvar"))
        axes[1].set_title(lesson.fig_t("fig_pca"))
        axes[1].legend()
        axes[1].grid(alpha=0.3)
        sc = axes[2].scatter(Z[:, 0], Z[:, 1], c=y, cmap="tab10", s=5)
        fig.colorbar(sc, ax=axes[2], label=lesson.fig_t("fig_digit"))
        axes[2].set_xlabel("PC 1")
        axes[2].set_ylabel("PC 2")
        axes[2].set_title(lesson.fig_t("fig_map"))
        fig.tight_layout()
        lesson.figure(fig, "curves.png", lesson.t("caption_curves"))

        picks = [int(np.flatnonzero(y == d)[0]) for d in range(5)]
        fig, axes = plt.subplots(len(picks), 4, figsize=(5.5, 7))
        for r, i in enumerate(picks):
            rows = [(lesson.fig_t("fig_original"), X[i])]
            for k in RECON_COMPONENTS:
                p = PCA(k).fit(X)
                rows.append(
                    (
                        lesson.fig_t("fig_comp", k=k),
                        p.inverse_transform(p.transform(X[i : i + 1]))[0],
                    )
                )
            for c, (title, img) in enumerate(rows):
                axes[r, c].imshow(img.reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
                axes[r, c].axis("off")
                if r == 0:
                    axes[r, c].set_title(title, fontsize=9)
        fig.tight_layout()
        lesson.figure(fig, "reconstructions.png", lesson.t("caption_recon"))
    else:
        lesson.no_figures_note()
    return lesson.finish(numbers)
