"""The lessons' HTML report, with a tiny Markdown converter (no Markdown library needed).

The converter knows what the lessons write: ``#`` headings, paragraphs, ``|`` tables, fenced
code blocks, ``-`` and ``1.`` lists, and inline ``code``, ``**bold**``, ``*italic*``, links and
images. Images are embedded in the HTML as base64 data, so ``index.html`` is one file you can
move or mail.

Example:
    >>> markdown_to_html("# Title\\n\\nSome *text* with `code`.")
    '<h1 id="title">Title</h1>\\n<p>Some <em>text</em> with <code>code</code>.</p>'
"""

from __future__ import annotations

import base64
import datetime
import html
import re
from collections.abc import Sequence
from pathlib import Path

from ..messages import current_lang, message
from ._common import LessonResult

__all__ = ["inline_to_html", "markdown_to_html", "write_report"]

_IMG = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_OLIST = re.compile(r"^\d+\.\s+")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9\uac00-\ud7a3]+", "-", text.lower()).strip("-")


def _image(alt: str, src: str, image_dir: Path | None) -> str:
    if image_dir is not None and not re.match(r"^[a-z]+:", src):
        path = image_dir / src
        if path.exists():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            src = f"data:image/png;base64,{data}"
    return f'<img src="{html.escape(src, quote=True)}" alt="{alt}">'


def inline_to_html(text: str, image_dir: Path | None = None) -> str:
    """Inline Markdown to HTML: escapes ``<>&`` and converts code, images, links, emphasis.

    Example:
        >>> inline_to_html("a **b** `<c>`")
        'a <strong>b</strong> <code>&lt;c&gt;</code>'
    """
    parts = text.split("`")
    out = []
    for k, part in enumerate(parts):
        if k % 2 == 1 and k < len(parts) - 1:  # inside a code span: escape only
            out.append(f"<code>{html.escape(part, quote=False)}</code>")
            continue
        s = html.escape(part if k % 2 == 0 else "`" + part, quote=False)
        s = _IMG.sub(lambda m: _image(m.group(1), html.unescape(m.group(2)), image_dir), s)
        s = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', s)
        s = _BOLD.sub(r"<strong>\1</strong>", s)
        s = _ITALIC.sub(r"<em>\1</em>", s)
        out.append(s)
    return "".join(out)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def markdown_to_html(md: str, image_dir: Path | None = None) -> str:
    """Convert the Markdown the lessons write into HTML.

    Args:
        md: the Markdown text.
        image_dir: folder that relative image paths are read from; found images are embedded
            as base64 data (otherwise the path is kept as a link).

    Example:
        >>> print(markdown_to_html("| a | b |\\n|---|---|\\n| 1 | 2 |"))
        <table>
        <thead><tr><th>a</th><th>b</th></tr></thead>
        <tbody>
        <tr><td>1</td><td>2</td></tr>
        </tbody>
        </table>
    """
    lines = md.splitlines()
    out: list[str] = []
    para: list[str] = []
    i = 0

    def flush() -> None:
        if para:
            out.append(f"<p>{inline_to_html(' '.join(para), image_dir)}</p>")
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            body = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                body.append(lines[i])
                i += 1
            out.append(f"<pre><code>{html.escape(chr(10).join(body), quote=False)}</code></pre>")
            i += 1
            continue
        m = _HEADING.match(stripped)
        if m:
            flush()
            level, text = len(m.group(1)), m.group(2)
            out.append(f'<h{level} id="{_slug(text)}">{inline_to_html(text, image_dir)}</h{level}>')
            i += 1
            continue
        if (
            stripped.startswith("|")
            and i + 1 < len(lines)
            and re.match(r"^\|?\s*:?-{3,}", lines[i + 1].strip())
        ):
            flush()
            head = "".join(f"<th>{inline_to_html(c, image_dir)}</th>" for c in _cells(stripped))
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = _cells(lines[i])
                rows.append(
                    "<tr>" + "".join(f"<td>{inline_to_html(c, image_dir)}</td>" for c in cells)
                    + "</tr>"
                )  # fmt: skip
                i += 1
            out.append(
                f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
                + "\n".join(rows)
                + "\n</tbody>\n</table>"
            )
            continue
        if stripped.startswith(("- ", "* ")) or _OLIST.match(stripped):
            flush()
            ordered = bool(_OLIST.match(stripped))
            items = []
            while i < len(lines):
                s = lines[i].strip()
                if ordered and _OLIST.match(s):
                    items.append(_OLIST.sub("", s, count=1))
                elif not ordered and s.startswith(("- ", "* ")):
                    items.append(s[2:])
                elif s and items and lines[i].startswith(" "):  # continuation line
                    items[-1] += " " + s
                else:
                    break
                i += 1
            tag = "ol" if ordered else "ul"
            body = "\n".join(f"<li>{inline_to_html(it, image_dir)}</li>" for it in items)
            out.append(f"<{tag}>\n{body}\n</{tag}>")
            continue
        if not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()
    return "\n".join(out)


_CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, "Apple SD Gothic Neo",
       "Malgun Gothic", "NanumGothic", "Noto Sans KR", sans-serif; max-width: 1100px;
       margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }
h1 { border-bottom: 2px solid #ddd; } h2 { border-bottom: 1px solid #eee; margin-top: 2.5em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.7em; text-align: left; }
th { background: #f4f4f4; }
pre { background: #f6f8fa; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
code { background: #f6f8fa; padding: 0 0.2em; }
img { max-width: 100%; border: 1px solid #eee; margin: 0.5em 0; }
nav li { margin: 0.1em 0; }
"""


def write_report(
    results: Sequence[LessonResult], out: Path, quick: bool = False, seed: int = 0
) -> Path:
    """Write ``out/report.md`` (all sections) and ``out/index.html`` (figures embedded).

    Example:
        >>> write_report(results, Path("lessons"))  # doctest: +SKIP
        PosixPath('lessons/index.html')
    """
    from .. import __version__

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    lang = current_lang()
    mode = message("report.mode_quick" if quick else "report.mode_full")
    total = sum(r.seconds for r in results)
    title = message("report.title")
    intro = f"# {title}\n\n" + message(
        "report.intro", version=__version__, mode=mode, seed=seed, when=when, n=len(results),
        seconds=total,
    )  # fmt: skip
    md_sections = [intro] + [r.markdown for r in results]
    # In report.md the figures live in each lesson's folder.
    md_all = "\n\n".join(
        [intro]
        + [
            re.sub(r"!\[([^\]]*)\]\(([^)/]+)\)", rf"![\1]({r.name}/\2)", r.markdown)
            for r in results
        ]
    )
    (out / "report.md").write_text(md_all + "\n", encoding="utf-8")

    toc = "\n".join(
        f'<li><a href="#{_slug(r.title)}">{html.escape(r.title)}</a> '
        f"<small>{html.escape(message('report.toc_entry', name=r.name, seconds=r.seconds))}"
        "</small></li>"
        for r in results
    )
    body = [markdown_to_html(md_sections[0])]
    body.append(f"<nav><ol>\n{toc}\n</ol></nav>")
    for r in results:
        body.append(f"<section>\n{markdown_to_html(r.markdown, out / r.name)}\n</section>")
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index
