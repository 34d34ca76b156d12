"""A griffe extension for the documentation site: doctest examples become code blocks.

mitbadak's docstrings write their examples under ``Example:`` as doctest sessions (``>>>`` lines
followed by the expected output, up to a blank line). Markdown would read an output like
``[0.1, 0.01]`` as a link, so each session is wrapped in a fenced ``pycon`` block before
mkdocstrings renders the docstring. The docstrings themselves stay plain doctest, which
``tests/test_doctests.py`` runs.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """Wrap every run of doctest lines (from a ``>>>`` line to the next blank line) in a
    fenced ``pycon`` block at the same indentation."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i])
                i += 1
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class FenceDoctests(griffe.Extension):
    """Fence the doctest sessions of every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
