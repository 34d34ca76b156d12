"""The runnable examples in the docstrings of mitbadak.classic stay correct."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "__init__", "base", "linear", "logistic", "neighbors", "perceptron", "wrappers",
    "kmeans", "pca", "svm",
]  # fmt: skip


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(
        "mitbadak.classic" + ("" if name == "__init__" else f".{name}")
    )
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{module.__name__} has no examples"
    assert result.failed == 0


def test_every_public_name_has_an_example():
    import mitbadak.classic as classic

    for name in classic.__all__:
        doc = getattr(classic, name).__doc__ or ""
        assert ">>>" in doc, f"{name} has no runnable example"
