"""What every lesson shares: the result object, data, a small training loop, Markdown bits."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .. import plot
from ..data import load_digits, train_test_split
from ..messages import MESSAGES, current_lang, hangul_font, message
from ..ops.loss import softmax_cross_entropy
from ..tensor import Tensor, no_grad


@dataclass
class LessonResult:
    """What a lesson returns: its claim, the numbers it measured, its files and its report.

    Attributes:
        name: the lesson's command-line name (``"activations"``).
        title: a human title.
        claim: the statement the lesson demonstrates.
        numbers: measured values, by name (what the tests check the claim against).
        figures: PNG files written (empty without matplotlib).
        files: other files written (``.dot``, the Markdown section...).
        markdown: the lesson's report section (Markdown).
        seconds: how long the lesson took.
        figure_texts: the words drawn in each figure (titles, axis labels, legends, notes; not
            tick labels), by file name: what a reader sees in the PNG, in the lesson's language.

    Example:
        >>> r = LessonResult("x", "X", "claim", {"a": 1.0})
        >>> r.numbers["a"]
        1.0
    """

    name: str
    title: str
    claim: str
    numbers: dict[str, Any] = field(default_factory=dict)
    figures: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    markdown: str = ""
    seconds: float = 0.0
    figure_texts: dict[str, list[str]] = field(default_factory=dict)


def figure_texts(fig: Any) -> list[str]:
    """The visible, non-empty texts of a matplotlib figure, tick labels left out: its
    suptitle, axes titles, axis labels, legend titles and entries, annotations, colour-bar
    labels, in drawing order.

    Example:
        >>> plt = plot.pyplot()
        >>> if plt is not None:
        ...     fig, ax = plt.subplots()
        ...     _ = ax.plot([0, 1], label="loss")
        ...     _ = ax.set_title("training"), ax.legend()
        ...     assert figure_texts(fig) == ["training", "loss"]
        ...     plt.close(fig)
    """
    from matplotlib.text import Text

    ticks = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                ticks.update({id(tick.label1), id(tick.label2)})
            ticks.add(id(axis.get_offset_text()))
    out = []
    for artist in fig.findobj(Text):
        text = artist.get_text().strip()
        if text and artist.get_visible() and id(artist) not in ticks:
            out.append(text)
    return out


class Lesson:
    """Collects a lesson's figures and Markdown while it runs, then builds its result.

    Example:
        >>> import tempfile
        >>> lesson = Lesson("demo", "Demo", "1 + 1 = 2", out=Path(tempfile.mkdtemp()))
        >>> lesson.say("One plus one is two.")
        >>> lesson.finish({"sum": 2}).markdown.splitlines()[0]
        '## Demo'
    """

    def __init__(
        self, name: str, title: str, claim: str, out: Path, lang: str | None = None
    ) -> None:
        self.lang = current_lang(lang)
        self.name = name
        self.title = self._own("title", title)
        self.claim = self._own("claim", claim)
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.plt = plot.pyplot()
        # Figures speak the lesson's language when a font can draw it, else English (and say so).
        self.figure_lang = self.lang
        self._rc_saved: dict[str, Any] = {}
        if self.plt is not None and self.lang == "ko":
            font = hangul_font()
            if font is None:
                self.figure_lang = "en"
            else:
                rc = self.plt.rcParams
                self._rc_saved = {k: rc[k] for k in ("font.family", "mathtext.fontset")}
                rc["font.family"] = ["DejaVu Sans", font]  # Hangul falls back to the font
                rc["mathtext.fontset"] = "dejavusans"
        self.parts: list[str] = []
        self.figures: list[Path] = []
        self.figure_texts: dict[str, list[str]] = {}
        self.files: list[Path] = []
        self.t0 = time.perf_counter()

    def _own(self, part: str, default: str) -> str:
        key = f"lesson.{self.name}.{part}"
        return message(key, self.lang) if key in MESSAGES else default

    def t(self, key: str, **values: Any) -> str:
        """This lesson's message ``key`` (``lesson.<name>.<key>`` in mitbadak.messages) in its
        language."""
        return message(f"lesson.{self.name}.{key}", self.lang, **values)

    def fig_t(self, key: str, **values: Any) -> str:
        """Like :meth:`t`, for text drawn in a figure (English when no font can draw it)."""
        return message(f"lesson.{self.name}.{key}", self.figure_lang, **values)

    def say(self, text: str) -> None:
        """Append a paragraph (or any Markdown block) to the report."""
        self.parts.append(text.strip())

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Append a Markdown table; floats get 4 significant digits."""
        self.parts.append(md_table(headers, rows))

    def code(self, text: str) -> None:
        """Append a fenced code block."""
        self.parts.append("```\n" + text.rstrip() + "\n```")

    def figure(self, fig: Any, filename: str, caption: str) -> None:
        """Save a figure into the lesson folder and reference it from the report."""
        path = Path(plot.save_figure(fig, self.out / filename))  # drawn: ticks are laid out
        self.figures.append(path)
        self.figure_texts[path.name] = figure_texts(fig)
        self.parts.append(f"![{caption}]({path.name})")

    def no_figures_note(self) -> None:
        """Say, once, that figures were skipped because matplotlib is missing."""
        self.parts.append(message("lesson.no_figures", self.lang, hint=plot.INSTALL_HINT))

    def finish(self, numbers: dict[str, Any]) -> LessonResult:
        """Write ``README.md`` in the lesson folder and return the result."""
        if self.figures and self.figure_lang != self.lang:
            self.parts.append(message("lesson.font_note", self.lang))
        if self.plt is not None:
            self.plt.rcParams.update(self._rc_saved)
        label = message("lesson.claim_label", self.lang)
        md = f"## {self.title}\n\n**{label}** {self.claim}\n\n" + "\n\n".join(self.parts) + "\n"
        path = self.out / "README.md"
        path.write_text(md, encoding="utf-8")
        return LessonResult(
            name=self.name,
            title=self.title,
            claim=self.claim,
            numbers=numbers,
            figures=list(self.figures),
            files=[*self.files, path],
            markdown=md,
            seconds=time.perf_counter() - self.t0,
            figure_texts=dict(self.figure_texts),
        )


def fmt(v: Any) -> str:
    """Format a table cell: floats with 4 significant digits, the rest with ``str``."""
    if isinstance(v, (float, np.floating)):
        if not math.isfinite(v):
            return str(float(v))
        return f"{float(v):.4g}"
    return str(v)


def md_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table.

    Example:
        >>> print(md_table(["a", "b"], [[1, 0.5]]))
        | a | b |
        |---|---|
        | 1 | 0.5 |
    """
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------ data
def digits_splits(
    seed: int = 0, n_train: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The embedded 8x8 digits scaled to [0, 1]: ``x_train, y_train, x_test, y_test`` (75/25,
    stratified); ``n_train`` keeps only that many training images (for over-fitting)."""
    ds = load_digits()
    x = ds.data / np.float32(16.0)
    x_tr, x_te, y_tr, y_te = train_test_split(
        x, ds.target, test_size=0.25, seed=seed, stratify=ds.target
    )
    if n_train is not None:
        x_tr, y_tr = x_tr[:n_train], y_tr[:n_train]
    return x_tr, y_tr, x_te, y_te


def accuracy(model: Any, x: np.ndarray, y: np.ndarray) -> float:
    """Fraction of ``x`` that ``model`` classifies as ``y`` (eval mode, no graph)."""
    with no_grad():
        return float((model(x, training=False).data.argmax(axis=1) == y).mean())


def evaluate(model: Any, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(cross-entropy loss, accuracy) of ``model`` on ``x, y`` in eval mode."""
    with no_grad():
        logits = model(x, training=False)
        loss = softmax_cross_entropy(logits, y).item()
        return float(loss), float((logits.data.argmax(axis=1) == y).mean())


def train_loop(
    model: Any,
    opt: Any,
    x: np.ndarray,
    y: np.ndarray,
    epochs: int,
    batch_size: int = 32,
    val: tuple[np.ndarray, np.ndarray] | None = None,
    seed: int = 0,
    on_epoch_begin: Callable[[int], None] | None = None,
) -> dict[str, list[float]]:
    """Mini-batch training with the low-level API (the loop of ``mitbadak train``).

    Returns a Keras-style history dict: ``loss``, ``accuracy`` per epoch (means over the epoch's
    batches) and, with ``val``, ``val_loss`` and ``val_accuracy``. A loss that stops being
    finite ends training (the curve then ends with ``nan``): that is what divergence looks like.
    """
    rng = np.random.default_rng(seed)
    hist: dict[str, list[float]] = {"loss": [], "accuracy": []}
    if val is not None:
        hist["val_loss"], hist["val_accuracy"] = [], []
    n = len(x)
    for epoch in range(epochs):
        if on_epoch_begin is not None:
            on_epoch_begin(epoch)
        model.train()
        order = rng.permutation(n)
        loss_sum = correct = 0.0
        for i in range(0, n, batch_size):
            idx = order[i : i + batch_size]
            xb, yb = x[idx], y[idx]
            logits = model(xb)
            loss = softmax_cross_entropy(logits, yb)
            reg = model.regularization_losses()
            total = loss
            for r in reg:
                total = total + r
            opt.zero_grad()
            total.backward()
            opt.step()
            loss_sum += loss.item() * len(idx)
            correct += float((logits.data.argmax(axis=1) == yb).sum())
        hist["loss"].append(loss_sum / n)
        hist["accuracy"].append(correct / n)
        if val is not None:
            vl, va = evaluate(model, *val)
            hist["val_loss"].append(vl)
            hist["val_accuracy"].append(va)
        if not math.isfinite(loss_sum):
            break
    model.eval()
    return hist


def grad_of(fn: Callable[[Tensor], Tensor], x: np.ndarray) -> np.ndarray:
    """d/dx of ``sum(fn(x))`` by mitbadak's autograd: for an elementwise ``fn`` that is
    ``fn'(x)`` at every point."""
    t = Tensor(x, requires_grad=True)
    fn(t).sum().backward()
    assert t.grad is not None
    return t.grad


def compile_fit(
    layers: list[Any],
    make_opt: Callable[[list[Tensor]], Any],
    x: np.ndarray,
    y: np.ndarray,
    epochs: int,
    val: tuple[np.ndarray, np.ndarray] | None = None,
    batch_size: int = 32,
    seed: int = 0,
    callbacks: list[Any] | None = None,
    augment: Any = None,
) -> tuple[Any, dict[str, list[float]]]:
    """Keras-style training: ``Sequential(layers)``, ``compile(opt, cross-entropy from
    logits, ["accuracy"])``, ``fit``. The caller seeds the weights (``set_seed``) before
    making ``layers``; ``seed`` fixes the batch order. Returns the model and its history dict."""
    from ..losses import SparseCategoricalCrossentropy
    from ..model import Sequential

    model = Sequential(layers)
    model.build((1, *x.shape[1:]))
    model.compile(
        make_opt(model.parameters()),
        SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    hist = model.fit(
        x, y, batch_size=batch_size, epochs=epochs, verbose=0, validation_data=val,
        callbacks=callbacks, seed=seed, augment=augment,
    )  # fmt: skip
    return model, {k: [float(v) for v in vs] for k, vs in hist.history.items()}
