"""One self-contained HTML page about a model: curves, histograms, maps, mistakes, findings.

:class:`HtmlReport` collects headings, paragraphs, tables, figures and doctor findings; figures
are embedded as base64 PNG, there is no script, font or style sheet to fetch, so the page opens
offline and can be mailed as one file. :func:`write_inspection_report` fills one with every
instrument of :mod:`mitbadak.inspect` (``mitbadak inspect`` and ``mitbadak train --report``).

Example:
    >>> r = HtmlReport("demo")
    >>> r.heading("Numbers"); r.table(["a", "b"], [[1, 0.5]])
    >>> "<td>0.5</td>" in r.html()
    True
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from . import inspect as ins
from . import plot
from .doctor import leaf_layers
from .io import atomic_write
from .messages import current_lang, hangul_font, message, use_lang

__all__ = ["HtmlReport", "write_inspection_report"]

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.45; }
h1 { border-bottom: 2px solid #ddd; } h2 { margin-top: 2em; border-bottom: 1px solid #eee; }
img { max-width: 100%; } figure { margin: 1em 0; } figcaption { color: #666; font-size: 90%; }
table { border-collapse: collapse; margin: 1em 0; font-size: 92%; }
td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: right; }
th { background: #f5f5f5; } pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; }
.finding { border-left: 4px solid #d33; background: #fff6f6; padding: 0.5em 1em; margin: 1em 0; }
.finding code { font-weight: bold; } .ok { border-left: 4px solid #3a3; background: #f5fff5;
       padding: 0.5em 1em; }
"""


def _cell(v: Any) -> str:
    if isinstance(v, (float, np.floating)):
        return html.escape(f"{float(v):.4g}" if math.isfinite(v) else str(float(v)))
    return html.escape(str(v))


class HtmlReport:
    """Build a self-contained HTML page piece by piece, then :meth:`save` it.

    Example:
        >>> r = HtmlReport("My model")
        >>> r.paragraph("Accuracy 0.98 <on the test set>")
        >>> "&lt;on the test set&gt;" in r.html()
        True
    """

    def __init__(self, title: str, lang: str | None = None) -> None:
        self.title = str(title)
        self.lang = current_lang(lang)  # the page's words and its <html lang=...>
        self.parts: list[str] = []

    def heading(self, text: str, level: int = 2) -> None:
        level = min(max(int(level), 1), 6)
        self.parts.append(f"<h{level}>{html.escape(text)}</h{level}>")

    def paragraph(self, text: str) -> None:
        self.parts.append(f"<p>{html.escape(text)}</p>")

    def preformatted(self, text: str) -> None:
        self.parts.append(f"<pre>{html.escape(text)}</pre>")

    def table(self, headers: Sequence[Any], rows: Sequence[Sequence[Any]]) -> None:
        head = "".join(f"<th>{_cell(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                       for row in rows)  # fmt: skip
        self.parts.append(f"<table><tr>{head}</tr>{body}</table>")

    def png(self, data: bytes, caption: str = "") -> None:
        """Embed PNG bytes."""
        src = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
        cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
        self.parts.append(
            f'<figure><img src="{src}" alt="{html.escape(caption, quote=True)}">{cap}</figure>'
        )

    def figure(self, fig: Any, caption: str = "") -> None:
        """Embed a matplotlib figure (then close it)."""
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
        plt = plot.pyplot()
        if plt is not None:
            plt.close(fig)
        self.png(buf.getvalue(), caption)

    def findings(self, findings: Sequence[Any]) -> None:
        """Doctor findings (objects with ``code``, ``message``, ``fix``, ``epoch``)."""
        if not findings:
            ok = html.escape(message("report.no_problem", self.lang))
            self.parts.append(f'<div class="ok">{ok}</div>')
            return
        fix = html.escape(message("report.fix", self.lang))
        for f in findings:
            when = html.escape(message("report.finding_epoch", self.lang, epoch=f.epoch + 1))
            self.parts.append(
                f'<div class="finding"><code>{html.escape(f.code)}</code> {when}: '
                f"{html.escape(f.message)}<br><strong>{fix}</strong> {html.escape(f.fix)}</div>"
            )

    def html(self) -> str:
        """The whole page as a string."""
        t = html.escape(self.title)
        lang = html.escape(self.lang, quote=True)
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{t}</title>'
            f"<style>{_STYLE}</style></head><body><h1>{t}</h1>\n"
            + "\n".join(self.parts)
            + "\n</body></html>\n"
        )

    def save(self, path: str | Path) -> Path:
        """Write the page atomically (a folder is taken to mean ``folder/index.html``)."""
        path = Path(path)
        if path.suffix.lower() not in (".html", ".htm"):
            path = path / "index.html"
        data = self.html().encode("utf-8")
        atomic_write(path, lambda f: f.write(data))
        return path


def _try(report: HtmlReport, what: str, fn: Any) -> Any:
    """Run one section; a section that cannot be drawn says why instead of failing the page."""
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - one broken section must not lose the others
        report.paragraph(message("report.not_available", report.lang, what=what, error=e))
        return None


def _weight_histograms(model: Any) -> Any:
    plt = plot.pyplot()
    layers = [lay for lay in leaf_layers(model) if lay.trainable_weights]
    ncols = min(4, len(layers))
    nrows = math.ceil(len(layers) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.4 * ncols, 2.5 * nrows), squeeze=False)
    for ax, layer in zip(axes.ravel(), layers):
        w = np.concatenate([t.data.ravel() for t in layer.trainable_weights])
        ax.hist(w, bins=40, color="C0")
        ax.set_title(plot.figure_text("report.layer_std", name=layer.name, std=w.std()), fontsize=9)
        ax.tick_params(labelsize=7)
    for ax in axes.ravel()[len(layers) :]:
        ax.axis("off")
    fig.suptitle(plot.figure_text("report.weights_per_layer"))
    fig.tight_layout()
    return fig


def _overlays(images: np.ndarray, maps: np.ndarray, title: str) -> Any:
    plt = plot.pyplot()
    n = len(images)
    fig, axes = plt.subplots(2, n, figsize=(1.6 * n, 3.4), squeeze=False)
    for i in range(n):
        img = images[i].reshape(images[i].shape[-2:]) if images[i].ndim > 1 else images[i]
        axes[0, i].imshow(img, cmap="gray")
        axes[1, i].imshow(img, cmap="gray")
        axes[1, i].imshow(maps[i], cmap="jet", alpha=0.5)
        axes[0, i].axis("off")
        axes[1, i].axis("off")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def write_inspection_report(
    model: Any,
    x: Any,
    y: Any,
    out: str | Path,
    class_names: Sequence[Any] | None = None,
    history: Any = None,
    doctor: Any = None,
    instruments: Any = None,
    image_shape: tuple[int, ...] | None = None,
    max_samples: int = 1000,
    title: str | None = None,
    seed: int = 0,
) -> Path:
    """Write ``out/index.html``: the doctor's findings, learning curves, weight / gradient /
    activation histograms, confusion matrix, most confident mistakes and top losses, saliency
    and Grad-CAM (convolutional models), a PCA map (and t-SNE with scikit-learn) of the
    penultimate layer, robustness curves and the accuracy-coverage curve, on at most
    ``max_samples`` samples of ``x, y`` (a test set). Returns the page's path.

    The page is written in the language in use (``MITBADAK_LANG`` or
    :func:`mitbadak.messages.use_lang`); its figures too when a font can draw that language
    (:func:`mitbadak.messages.hangul_font`), else in English, and the page says so.

    Example:
        >>> write_inspection_report(model, x_test, y_test, "report/")  # doctest: +SKIP
        PosixPath('report/index.html')
    """
    x, y = np.asarray(x), np.asarray(y)
    if y.ndim == 2:
        y = y.argmax(axis=1)
    if len(x) > max_samples:
        pick = np.random.default_rng(seed).choice(len(x), max_samples, replace=False)
        x, y = x[np.sort(pick)], y[np.sort(pick)]
    names = [str(c) for c in class_names] if class_names is not None else None
    lang = current_lang()
    r = HtmlReport(message("report.default_title", lang) if title is None else title, lang)
    have_plt = plot.have_matplotlib()
    # Figures speak the page's language when a font can draw it, else English (and say so).
    fig_lang, rc = lang, {}
    if have_plt and lang == "ko":
        font = hangul_font()
        if font is None:
            fig_lang = "en"
        else:  # Hangul falls back to the font
            rc = {"font.family": ["DejaVu Sans", font], "mathtext.fontset": "dejavusans"}
    plt = plot.pyplot() if have_plt else None
    with plt.rc_context(rc) if plt is not None else contextlib.nullcontext():
        _fill(r, model, x, y, names, history, doctor, instruments, image_shape, seed, fig_lang)
    return r.save(Path(out))


def _fill(
    r: HtmlReport, model: Any, x: np.ndarray, y: np.ndarray, names: list[str] | None,
    history: Any, doctor: Any, instruments: Any, image_shape: Any, seed: int, fig_lang: str,
) -> None:  # fmt: skip
    """Every section of :func:`write_inspection_report`, words in ``r.lang``, figures' words
    in ``fig_lang``."""

    def t(key: str, **values: Any) -> str:
        return message(key, r.lang, **values)

    def draw(make: Any, caption: str = "") -> None:
        with use_lang(fig_lang):
            fig = make()
        r.figure(fig, caption)

    it = ins.interpret(model, x, y, names)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), use_lang(r.lang):
        model.summary()
    r.paragraph(t("report.accuracy_on", accuracy=it.accuracy, n=len(x)))
    r.preformatted(buf.getvalue())
    if doctor is not None:
        r.heading(t("report.doctor"))
        r.findings(doctor.findings)
    have_plt = plot.have_matplotlib()
    if not have_plt:
        r.paragraph(t("report.no_figures", install='pip install "mitbadak[plot]"'))
    elif fig_lang != r.lang:
        r.paragraph(t("report.font_note"))
    if history is not None and have_plt:
        r.heading(t("report.learning_curves"))
        _try(r, t("report.learning_curves_what"), lambda: draw(lambda: plot.plot_history(history)))
    if have_plt:
        r.heading(t("report.inside_heading"))
        if instruments is not None and instruments.history:
            for kind in instruments.KINDS:
                what = t(f"report.kind.{kind}")
                _try(r, what, lambda k=kind, w=what: draw(
                    lambda: instruments.plot(k), t("report.kind_per_epoch", kind=w)))  # fmt: skip
        else:
            _try(r, t("report.kind.weights"), lambda: draw(lambda: _weight_histograms(model)))

    r.heading(t("report.mistakes"))
    cm = it.confusion_matrix()
    if have_plt:
        _try(r, t("report.confusion_matrix"), lambda: draw(it.plot_confusion_matrix))
    else:
        r.table([t("report.true_pred"), *range(cm.shape[1])],
                [[i, *row] for i, row in enumerate(cm)])  # fmt: skip
    top = it.top_losses(10)
    r.paragraph(t("report.top_losses"))
    cols = ("sample", "true", "predicted", "p_predicted", "p_true", "loss")
    r.table(
        [t(f"report.col.{c}") for c in cols],
        [[int(i), _name(names, it.y[i]), _name(names, it.preds[i]),
          float(it.probs[i, it.preds[i]]), float(it.probs[i, it.y[i]]), float(it.losses[i])]
         for i in top],
    )  # fmt: skip
    images = None
    try:
        images = ins.as_images(x, image_shape) if x.ndim != 2 or image_shape or _square(x) else None
    except Exception:  # noqa: BLE001
        images = None
    if have_plt and images is not None and len(it.most_confident_mistakes(1)):
        _try(r, t("report.mistakes_what"), lambda: draw(lambda: it.plot_mistakes(images, 16),
                                                        t("report.mistakes_caption")))  # fmt: skip

    if have_plt and images is not None:
        r.heading(t("report.where_looks"))
        sample = it.most_confident_mistakes(4).tolist() + [
            int(i) for i in np.flatnonzero(it.preds == it.y)[:4]]  # fmt: skip
        sample = sample[:8]
        if sample:
            xs = x[sample]
            sal = _try(r, t("report.saliency"), lambda: ins.saliency(model, xs))
            if sal is not None:
                sal_img = sal.reshape(images[sample].shape).sum(axis=1)
                draw(lambda: _overlays(images[sample], sal_img, plot.figure_text("report.saliency_title")),
                     t("report.saliency_caption"))  # fmt: skip
            if x.ndim == 4:
                cams = _try(r, "Grad-CAM", lambda: ins.grad_cam(model, xs))
                if cams is not None:
                    up = ins.upsample(cams, images.shape[-2:])
                    draw(lambda: _overlays(images[sample], up, "Grad-CAM"),
                         t("report.grad_cam_caption"))  # fmt: skip

    if have_plt:
        r.heading(t("report.representations"))
        coords = _try(r, t("report.pca_map"), lambda: ins.representation_map(model, x))
        if coords is not None:
            draw(lambda: ins.plot_map(coords, y, names, title=plot.figure_text("report.pca_title")))
        try:
            import sklearn  # noqa: F401

            n = min(len(x), 300)
            tsne = _try(r, t("report.tsne_map"),
                        lambda: ins.representation_map(model, x[:n], method="tsne"))  # fmt: skip
            if tsne is not None:
                draw(
                    lambda: ins.plot_map(
                        tsne, y[:n], names, title=plot.figure_text("report.tsne_title")
                    )
                )
        except ImportError:
            r.paragraph(t("report.tsne_needs_sklearn"))

    if images is not None:
        r.heading(t("report.robustness"))
        curves = _try(r, t("report.robustness_what"), lambda: ins.robustness_curves(
            model, x, y, image_shape=images.shape[1:], seed=seed))  # fmt: skip
        if curves is not None:
            if have_plt:
                draw(lambda: ins.plot_robustness(curves))
            for kind, (levels, acc) in curves.items():
                r.table([t(f"report.robust.{kind}"), *levels], [[t("report.accuracy"), *acc]])

    r.heading(t("report.dont_know"))
    th, cov, acc = ins.coverage_curve(it.probs, y, [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99])
    r.paragraph(t("report.dont_know_text"))
    r.table([t("report.col.threshold"), t("report.col.coverage"),
             t("report.col.accuracy_answered")],
            [[float(a), float(b), float(c)] for a, b, c in zip(th, cov, acc)])  # fmt: skip
    if have_plt:
        full = ins.coverage_curve(it.probs, y)
        _try(r, t("report.coverage_what"), lambda: draw(lambda: ins.plot_coverage(*full)))


def _name(names: Sequence[str] | None, k: Any) -> str:
    return names[int(k)] if names is not None and int(k) < len(names) else str(int(k))


def _square(x: np.ndarray) -> bool:
    side = int(round(math.sqrt(x[0].size)))
    return x.ndim == 2 and side * side == x[0].size and side >= 4
