"""Korean error texts for the model side (issue 19, item 2): the mistakes a learner makes while
writing a Keras- or PyTorch-style program speak Korean under ``MITBADAK_LANG=ko`` /
``use_lang("ko")``, still name the layer or argument and what came, and say exactly today's
English text otherwise; and the converted modules hold no literal error text any more."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import layers, messages
from mitbadak.errors import MitbadakError

SRC = Path(mb.__file__).parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")

X = np.random.default_rng(0).random((32, 4)).astype(np.float32)
Y = np.arange(32) % 3


def _compiled(loss: str = "sparse_categorical_crossentropy") -> mb.Sequential:
    model = mb.Sequential([layers.Dense(3, activation="softmax")], name="clf")
    model.compile("adam", loss)
    return model


def _built_dense() -> layers.Dense:
    dense = layers.Dense(5, name="hidden")
    dense(X)
    return dense


def _built_sequential() -> mb.Sequential:
    model = mb.Sequential([layers.Dense(3)], name="m")
    model.build((None, 4))
    return model


def _backward_twice() -> None:
    w = mb.Tensor([1.0, 2.0], requires_grad=True)
    loss = (w * w).sum()
    loss.backward()
    loss.backward()


def _functional_on_arrays() -> None:
    mb.keras.Model(inputs=np.zeros((2, 3)), outputs=np.zeros((2, 3)))


# (what the learner did, the mistake, error class, words the message must name, today's English)
MISTAKES: list[tuple[str, Callable[[], object], type, tuple[str, ...], str]] = [
    (
        "fit before compile",
        lambda: mb.Sequential([layers.Dense(3)]).fit(X, Y, epochs=1, verbose=0),
        mb.NotFittedError,
        ("fit", "compile"),
        r"^fit: compile the model first, e\.g\. model\.compile\('adam'",
    ),
    (
        "wrong input width to a built Dense",
        lambda: _built_dense()(np.zeros((2, 7), np.float32)),
        mb.ShapeError,
        ("Dense 'hidden'", "4", "(2, 7)"),
        r"^Dense 'hidden': expected input with last dimension 4 \(shape \(batch, 4\)\), "
        r"got shape \(2, 7\)$",
    ),
    (
        "labels out of range for sparse_categorical_crossentropy",
        lambda: _compiled().fit(X, np.full(32, 7), epochs=1, verbose=0),
        mb.LabelError,
        ("softmax_cross_entropy", "7", "[0, 2]", "3"),
        r"label 7 is out of range: expected class indices in \[0, 2\] for 3 outputs$",
    ),
    (
        "an unknown optimizer string",
        lambda: mb.Sequential([layers.Dense(3)]).compile("adamm", "mse"),
        mb.ConfigError,
        ("compile", "'adamm'", "'adam'"),
        r"^compile: unknown optimizer 'adamm'; expected one of \[",
    ),
    (
        "an unknown loss string",
        lambda: mb.Sequential([layers.Dense(3)]).compile("adam", "msee"),
        mb.ConfigError,
        ("'msee'", "'mse'"),
        r"^unknown loss 'msee'; expected one of \[",
    ),
    (
        "an unknown metric string",
        lambda: mb.Sequential([layers.Dense(3)]).compile("adam", "mse", metrics=["acuracy"]),
        mb.ConfigError,
        ("'acuracy'",),
        r"unknown metric 'acuracy'; expected one of",
    ),
    (
        "predict on a model without layers",
        lambda: mb.Sequential().predict(X),
        mb.ConfigError,
        ("Sequential",),
        r"^Sequential: the model has no layers$",
    ),
    (
        "predict on no samples",
        lambda: mb.Sequential([layers.Dense(3)]).predict(X[:0]),
        mb.DataError,
        ("predict", "(0, 4)"),
        r"^predict: expected at least one sample, got x of shape \(0, 4\)$",
    ),
    (
        "matmul of mismatched tensors",
        lambda: mb.Tensor(np.ones((2, 3))) @ mb.Tensor(np.ones((4, 5))),
        mb.ShapeError,
        ("matmul", "(2, 3)", "(4, 5)", "3", "4"),
        r"^matmul: cannot multiply \(2, 3\) by \(4, 5\): the inner dimensions 3 and 4 differ$",
    ),
    (
        "a 3-D batch into a Sequential built for vectors",
        lambda: _built_sequential().predict(np.zeros((2, 4, 1), np.float32)),
        mb.ShapeError,
        ("Sequential 'm'", "(batch, 4)", "(2, 4, 1)"),
        r"^Sequential 'm': expected input of shape \(batch, 4\), got \(2, 4, 1\)$",
    ),
    (
        "x and y of different lengths",
        lambda: _compiled().fit(X, Y[:10], epochs=1, verbose=0),
        mb.DataError,
        ("fit", "32", "10"),
        r"^fit: x has 32 samples but y has 10; they must match$",
    ),
    (
        "a scalar y",
        lambda: _compiled().fit(X, np.float32(1.0), epochs=1, verbose=0),
        mb.DataError,
        ("fit", "32"),
        r"^fit: x has 32 samples but y has a scalar; they must match$",
    ),
    (
        "validation_split out of range",
        lambda: _compiled().fit(X, Y, validation_split=1.5, verbose=0),
        mb.ConfigError,
        ("validation_split", "1.5"),
        r"^fit: validation_split must be in \(0, 1\), got 1\.5$",
    ),
    (
        "one-hot targets to sparse_categorical_crossentropy's partner",
        lambda: mb.losses.CategoricalCrossentropy()(np.eye(3)[:2], np.ones((2, 4)) / 4),
        mb.ShapeError,
        ("CategoricalCrossentropy", "(2, 4)", "(2, 3)"),
        r"one-hot targets must have the predictions' shape \(2, 4\), got \(2, 3\)",
    ),
    (
        "backward twice through one graph",
        _backward_twice,
        mb.GraphError,
        ("backward", "retain_graph=True"),
        r"^backward: the graph of this tensor was freed by an earlier backward\(\)",
    ),
    (
        "an integer tensor that requires grad",
        lambda: mb.Tensor([1, 2], requires_grad=True),
        mb.DTypeError,
        ("Tensor", "int64"),
        r"^Tensor: only float tensors can require gradients, got dtype int64$",
    ),
    (
        "Add on one tensor",
        lambda: layers.Add(name="plus")([np.ones((2, 2))]),
        mb.ShapeError,
        ("Add 'plus'", "2", "1"),
        r"^Add 'plus': expected at least 2 inputs, got 1$",
    ),
    (
        "an LSTM fed a 2-D batch",
        lambda: layers.LSTM(4, name="rnn")(np.zeros((2, 3), np.float32)),
        mb.ShapeError,
        ("LSTM 'rnn'", "(batch, time, features)", "(2, 3)"),
        r"expected input of shape \(batch, time, features\), got shape \(2, 3\)$",
    ),
    (
        "BatchNormalization with momentum 1.5",
        lambda: layers.BatchNormalization(momentum=1.5, name="bn"),
        mb.ConfigError,
        ("BatchNormalization 'bn'", "momentum", "1.5"),
        r"momentum must be in \[0, 1\] \(Keras' convention",
    ),
    (
        "SGD with momentum 1.5",
        lambda: mb.optimizers.SGD([mb.Tensor([1.0], requires_grad=True)], lr=0.1, momentum=1.5),
        mb.ConfigError,
        ("SGD", "momentum", "1.5"),
        r"^SGD: momentum must be in \[0, 1\), got 1\.5$",
    ),
    (
        "Adam's betas with one number",
        lambda: mb.optimizers.Adam([mb.Tensor([1.0], requires_grad=True)], betas=(0.9,)),
        mb.ArgumentTypeError,
        ("Adam", "betas", "(0.9,)"),
        r"^Adam: betas must be a tuple of 2 numbers, got \(0\.9,\) \(tuple\)$",
    ),
    (
        "an optimizer without parameters",
        lambda: mb.optimizers.Adam([]),
        mb.ConfigError,
        ("Adam",),
        r"^Adam: got an empty parameter list$",
    ),
    (
        "a functional Model built on arrays",
        _functional_on_arrays,
        mb.GraphError,
        ("Model", "keras.Input", "ndarray"),
        r"^Model: inputs must be symbolic tensors \(from keras\.Input and layers called on "
        r"them\), got \['ndarray'\]$",
    ),
]


def _raise(fn: Callable[[], object], lang: str) -> MitbadakError:
    with messages.use_lang(lang), pytest.raises(MitbadakError) as info:
        fn()
    return info.value


@pytest.mark.parametrize(
    "fn, cls, names, english", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES]
)
def test_a_learners_mistake_speaks_korean_and_names_what_came(fn, cls, names, english) -> None:
    ko, en = _raise(fn, "ko"), _raise(fn, "en")
    assert type(ko) is type(en) and isinstance(ko, cls)
    assert ko.key and ko.key.startswith("error.") and ko.key == en.key
    assert HANGUL.search(str(ko)), str(ko)
    assert not HANGUL.search(str(en)), str(en)
    for name in names:
        assert name in str(ko), (name, str(ko))
    assert ko.text("en") == str(en)  # the English text is today's, from the same values
    assert en.text("ko") == str(ko)
    assert re.search(english, str(en)), str(en)
    with pytest.raises(cls, match=english):  # and English stays the default
        fn()


def test_mitbadak_lang_in_the_environment_is_enough(monkeypatch) -> None:
    monkeypatch.setenv("MITBADAK_LANG", "ko")
    model = mb.Sequential([layers.Dense(3)])
    with pytest.raises(mb.NotFittedError, match="먼저 모델을 compile해야 합니다") as info:
        model.fit(X, Y, epochs=1, verbose=0)
    assert info.value.text("en").startswith("fit: compile the model first")
    monkeypatch.setenv("MITBADAK_LANG", "en")
    with pytest.raises(mb.NotFittedError, match="^fit: compile the model first"):
        model.fit(X, Y, epochs=1, verbose=0)


@pytest.mark.parametrize(
    "state, built, part, english",
    [
        ({"kernel": np.zeros((4, 2))}, True, "missing", "\n  missing: ['bias']\n"),
        (
            {"kernel": np.zeros((4, 2)), "bias": np.zeros(2), "x": 1},
            True,
            "unexpected",
            "\n  unexpected: ['x']\n",
        ),
        ({"x": 1}, True, "both", "\n  missing: ['kernel', 'bias']\n  unexpected: ['x']\n"),
        ({"x": 1}, False, "unbuilt", "(the model has no weights yet: build it or call it on"),
    ],
)
def test_load_state_dict_name_report_in_both_languages(state, built, part, english) -> None:
    dense = layers.Dense(2, name="d")
    if built:
        dense.build((1, 4))
    ko = _raise(lambda: dense.load_state_dict(state), "ko")
    assert ko.key == f"error.layer.state_names.{part}"
    assert "Dense 'd': load_state_dict" in str(ko) and "strict=False" in str(ko)
    assert HANGUL.search(str(ko))
    en = ko.text("en")
    assert en.startswith("Dense 'd': load_state_dict: the names do not match the model's weights")
    assert english in en and en.endswith("pass strict=False to load the names that match")


def test_functional_model_without_any_input_has_its_own_key() -> None:
    inp = mb.keras.Input(shape=(3,))
    ko = _raise(lambda: mb.keras.Model(inputs=[], outputs=layers.Dense(2)(inp)), "ko")
    assert ko.key == "error.functional_model.inputs_symbolic_nothing" and HANGUL.search(str(ko))
    assert ko.text("en").endswith("got nothing")


# The modules whose errors were converted: none of them may raise a literal text any more.
CONVERTED = [
    "model.py", "layers/base.py", "losses.py", "metrics.py", "optimizers.py", "tensor.py",
    "functional_model.py", "callbacks.py", "schedules.py", "initializers.py", "regularizers.py",
    "multi_output.py", "layers/activation_layers.py", "layers/core.py", "layers/embedding.py",
    "layers/merging.py", "layers/normalization.py", "layers/pooling.py", "layers/pooling1d.py",
    "layers/recurrent.py", "layers/regularization.py", "layers/reshaping.py",
] + sorted(
    f"ops/{p.name}" for p in (SRC / "ops").glob("*.py") if p.name not in ("conv.py", "conv_variants.py")
)  # fmt: skip

# (module, the start of the literal) -> why it stays literal
ALLOWED = {
    ("layers/base.py", "f'{type(self).__name__!r} object has no attribute"): (
        "Python's attribute protocol: __getattr__ must raise a plain AttributeError, worded as "
        "Python words it, for hasattr/getattr to work"
    ),
    ("callbacks.py", "f'module {__name__!r} has no attribute"): (
        "module __getattr__ (PEP 562): Python's AttributeError, worded as Python words it"
    ),
    ("callbacks.py", "hook"): "CallbackList.__getattr__: a plain AttributeError naming the hook",
}


def _literal_raises(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            found.append((node.lineno, ast.unparse(node.exc.args[0])))
    return found


def test_converted_modules_raise_no_literal_error_text() -> None:
    assert len(CONVERTED) > 40
    left, used = [], set()
    for rel in CONVERTED:
        for lineno, text in _literal_raises(SRC / rel):
            allowed = [k for k in ALLOWED if k[0] == rel and text.startswith(k[1])]
            if allowed:
                used.update(allowed)
            else:
                left.append(f"{rel}:{lineno}: {text[:80]}")
    assert not left, "errors with literal text (use key=... and messages.py):\n" + "\n".join(left)
    assert used == set(ALLOWED), "stale allow-list entries: " + str(set(ALLOWED) - used)


def test_the_scan_catches_a_literal_raise(tmp_path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('def f(x):\n    raise ShapeError(f"f: bad shape {x}")\n', encoding="utf-8")
    assert _literal_raises(bad) == [(2, "f'f: bad shape {x}'")]
    good = tmp_path / "good.py"
    good.write_text('def f(x):\n    raise ShapeError(key="error.x", shape=x)\n', encoding="utf-8")
    assert _literal_raises(good) == []


def test_every_key_of_the_converted_modules_is_in_the_table_with_korean() -> None:
    keys = set()
    for rel in CONVERTED:
        text = (SRC / rel).read_text(encoding="utf-8")
        keys |= set(re.findall(r"\bkey=\"(error\.[a-z0-9_.]+)\"", text))
    assert len(keys) > 300
    for key in keys:
        assert key in messages.MESSAGES, key
        assert HANGUL.search(messages.MESSAGES[key]["ko"]), key


def test_an_error_about_a_function_still_pickles() -> None:
    import pickle

    model = mb.Sequential([layers.Dense(2)])
    model.compile(lambda params: None, "mse")  # a factory that returns no optimizer
    e = _raise(lambda: model.fit(X, np.zeros((32, 2)), epochs=1, verbose=0), "ko")
    assert e.key == "error.model.did_return_optimizer" and HANGUL.search(str(e))
    back = pickle.loads(pickle.dumps(e))  # errors cross processes (DataLoader workers, dask)
    assert str(back) == str(e) and back.text("en") == e.text("en")
    assert re.match(
        r"^compile: <function .*<lambda> at 0x\w+> did not return an Optimizer$", back.text("en")
    )
