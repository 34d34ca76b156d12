"""Lesson: a CNN's "convolution" is cross-correlation; true convolution flips the kernel.

Mathematics defines the 2-D convolution of an image I with a kernel K as

    (I * K)[i, j] = Σ_{u,v} I[i - u, j - v] K[u, v]      (the kernel is flipped),

while every deep-learning library (PyTorch's ``conv2d``, Keras' ``Conv2D``, mitbadak's ``conv2d``)
computes the cross-correlation

    (I ⋆ K)[i, j] = Σ_{u,v} I[i + u, j + v] K[u, v]      (the kernel slides as it is).

The two agree when the kernel is symmetric under a half-turn, and otherwise differ; convolving
with K is cross-correlating with K rotated by 180°. For learned kernels the difference does not
matter (the network would just learn the flipped kernel), but it matters as soon as a kernel is
written by hand, or a formula from a signal-processing book is checked against a framework.

Example:
    >>> from mitbadak.experiments import convolution
    >>> r = convolution.run("lessons/convolution", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..data import load_digits
from ..messages import message
from ..ops.conv import conv2d
from ..tensor import Tensor
from ._common import Lesson, LessonResult

NAME = "convolution"
TITLE = message("lesson.convolution.title", "en")
CLAIM = message("lesson.convolution.claim", "en")

# An asymmetric kernel: a diagonal edge detector (its half-turn is its negative).
KERNEL = np.array([[2.0, 1.0, 0.0], [1.0, 0.0, -1.0], [0.0, -1.0, -2.0]])


def cross_correlate(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """'valid' cross-correlation by the definition, with two explicit loops over the kernel.

    Example:
        >>> cross_correlate(np.arange(9.0).reshape(3, 3), np.array([[1.0, 0.0], [0.0, 0.0]]))
        array([[0., 1.],
               [3., 4.]])
    """
    kh, kw = kernel.shape
    H, W = image.shape[0] - kh + 1, image.shape[1] - kw + 1
    out = np.zeros((H, W))
    for u in range(kh):
        for v in range(kw):
            out += kernel[u, v] * image[u : u + H, v : v + W]
    return out


def convolve(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """'valid' convolution by the definition: out[i, j] = Σ I[i + kh-1 - u, j + kw-1 - v] K[u, v].

    Example:
        >>> convolve(np.arange(9.0).reshape(3, 3), np.array([[1.0, 0.0], [0.0, 0.0]]))
        array([[4., 5.],
               [7., 8.]])
    """
    kh, kw = kernel.shape
    H, W = image.shape[0] - kh + 1, image.shape[1] - kw + 1
    out = np.zeros((H, W))
    for u in range(kh):
        for v in range(kw):
            out += kernel[u, v] * image[kh - 1 - u : kh - 1 - u + H, kw - 1 - v : kw - 1 - v + W]
    return out


def mitbadak_conv(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """mitbadak's ``conv2d`` on one single-channel image, 'valid' padding, float64."""
    x = Tensor(image[None, None].astype(np.float64))
    w = Tensor(kernel[None, None].astype(np.float64))
    return conv2d(x, w).numpy()[0, 0]


def run(
    out: str | Path = "lessons/convolution", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Compare conv2d with the two definitions on one digit image."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    ds = load_digits()
    image = np.kron(ds.data[seed % len(ds.data)].reshape(8, 8) / 16.0, np.ones((4, 4)))  # 32x32
    corr = cross_correlate(image, KERNEL)
    conv = convolve(image, KERNEL)
    ours = mitbadak_conv(image, KERNEL)
    ours_flipped = mitbadak_conv(image, KERNEL[::-1, ::-1])
    scale = float(np.abs(corr).max())
    numbers = {
        "image_shape": list(image.shape),
        "output_shape": list(ours.shape),
        "conv2d_vs_cross_correlation": float(np.abs(ours - corr).max()),
        "conv2d_vs_convolution": float(np.abs(ours - conv).max()),
        "flipped_conv2d_vs_convolution": float(np.abs(ours_flipped - conv).max()),
        "max_abs_output": scale,
        "kernel_is_antisymmetric": bool(np.array_equal(KERNEL[::-1, ::-1], -KERNEL)),
    }
    lesson.say(lesson.t("intro", h=image.shape[0], w=image.shape[1]))
    lesson.code(np.array2string(KERNEL, precision=0))
    lesson.table(
        [lesson.t("col_comparison"), lesson.t("col_diff")],
        [
            [lesson.t("row_corr"), numbers["conv2d_vs_cross_correlation"]],
            [lesson.t("row_conv"), numbers["conv2d_vs_convolution"]],
            [lesson.t("row_flip"), numbers["flipped_conv2d_vs_convolution"]],
        ],
    )  # fmt: skip
    lesson.say(lesson.t("explain", scale=scale))
    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, 4, figsize=(14, 3.6))
        panels = [
            (image, lesson.fig_t("fig_image"), "gray_r"),
            (KERNEL, lesson.fig_t("fig_kernel"), "coolwarm"),
            (ours, lesson.fig_t("fig_ours"), "coolwarm"),
            (conv, lesson.fig_t("fig_conv"), "coolwarm"),
        ]
        for ax, (a, title, cmap) in zip(axes, panels):
            lim = np.abs(a).max() if cmap == "coolwarm" else None
            ax.imshow(a, cmap=cmap, vmin=-lim if lim else None, vmax=lim)
            ax.set_title(title, fontsize=9)
            ax.set_xticks([])
            ax.set_yticks([])
        fig.tight_layout()
        lesson.figure(fig, "convolution.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish(numbers)
