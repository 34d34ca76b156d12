"""The README's Python examples run as written and give the numbers it promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_has_examples():
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_example_runs(index, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # examples may save files
    namespace: dict = {}
    exec(compile(BLOCKS[index], f"README.md block {index}", "exec"), namespace)
    if "accuracy" in namespace and not callable(namespace["accuracy"]):
        assert float(namespace["accuracy"]) >= 0.95  # "about 0.97"
    if "history" in namespace:  # the Keras-level example
        _, acc = namespace["model"].evaluate(namespace["x_test"], namespace["y_test"], verbose=0)
        assert acc >= 0.95
