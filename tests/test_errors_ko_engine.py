"""Korean error texts for the engine's odds and ends (issue 19, item 2): convolution ops and
layers, ``mitbadak.functional``, ``Variable``, devices, batches, activations, seeds,
``gradcheck``, ``graphviz.trace`` and the plots speak Korean under ``MITBADAK_LANG=ko`` /
``use_lang("ko")``, still name the function, layer or argument and what came, and say exactly
today's English text otherwise; and these modules hold no literal error text any more."""

from __future__ import annotations

import ast
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import functional as F
from mitbadak import layers, messages, ops
from mitbadak.backend import GPU_EXTRA, parse_device, require_cupy, set_allocator_tuning
from mitbadak.batching import Feed, unpack_x_y_sample_weight
from mitbadak.errors import DeviceError, MitbadakError
from mitbadak.tensor import Function

SRC = Path(mb.__file__).parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")
T = mb.Tensor


def _x(*shape: int) -> mb.Tensor:
    return T(np.ones(shape))


class _WrongSquare(Function):
    """y = x^2 with a wrong backward (g instead of 2 x g): what gradcheck is there to catch."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        return x * x

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g


def _trace_freed() -> None:
    w = T([1.0, 2.0], requires_grad=True)
    loss = (w * w).sum()
    loss.backward()
    mb.graphviz.trace(loss)


def _fit_on_nan() -> None:
    model = mb.Sequential([layers.Dense(1)])
    model.compile("sgd", "mse")
    x = np.ones((4, 2), np.float32)
    x[1, 1] = np.nan
    model.fit(x, np.zeros((4, 1), np.float32), epochs=1, verbose=0)


# (what the learner did, the mistake, error class, words the message must name, today's English;
# an English text ending in "..." is the start of the message)
MISTAKES: list[tuple[str, Callable[[], object], type, tuple[str, ...], str]] = [
    (
        "conv2d on a 3-D input",
        lambda: ops.conv2d(_x(2, 5, 5), _x(4, 1, 3, 3)),
        mb.ShapeError,
        ("conv2d", "(2, 5, 5)"),
        "conv2d: expected input of shape (batch, channels, height, width), got (2, 5, 5)",
    ),
    (
        "conv2d with the wrong number of channels",
        lambda: ops.conv2d(_x(1, 3, 5, 5), _x(4, 1, 3, 3)),
        mb.ShapeError,
        ("conv2d", "(1, 3, 5, 5)", "(batch, 1, height, width)"),
        "conv2d: expected input with 1 channels, i.e. shape (batch, 1, height, width), "
        "got (1, 3, 5, 5)",
    ),
    (
        "conv2d with three strides",
        lambda: ops.conv2d(_x(1, 1, 5, 5), _x(4, 1, 3, 3), stride=(1, 2, 3)),
        mb.ConfigError,
        ("conv2d", "stride", "(1, 2, 3)"),
        "conv2d: stride must be an int or a pair of ints, got (1, 2, 3)",
    ),
    (
        "conv2d with an unknown padding mode",
        lambda: ops.conv2d(_x(1, 1, 5, 5), _x(4, 1, 3, 3), padding="full"),
        mb.ConfigError,
        ("conv2d", "padding", "'full'", "'same'"),
        "conv2d: padding must be 'valid', 'same' or ints, got 'full'",
    ),
    (
        "conv2d with a bias of the wrong length",
        lambda: ops.conv2d(_x(1, 1, 5, 5), _x(4, 1, 3, 3), _x(3)),
        mb.ShapeError,
        ("conv2d", "(4,)", "(3,)"),
        "conv2d: expected bias of shape (4,), got (3,)",
    ),
    (
        "conv2d with stride 0",
        lambda: ops.conv2d(_x(1, 1, 5, 5), _x(4, 1, 3, 3), stride=0),
        mb.ConfigError,
        ("conv2d", "stride", "dilation", "(0, 0)"),
        "conv2d: stride and dilation must be >= 1, got (0, 0), (1, 1)",
    ),
    (
        "a Conv2D whose kernel is larger than the image",
        lambda: layers.Conv2D(4, 3, name="c1")(np.ones((1, 1, 2, 2), np.float32)),
        mb.ShapeError,
        ("Conv2D 'c1'", "3x3", "2x2", "(1, 1, 2, 2)"),
        "Conv2D 'c1': window 3x3 (dilation (1, 1), so 3x3) is larger than the padded input 2x2 "
        "(input shape (1, 1, 2, 2), padding (top, bottom, left, right) = (0, 0, 0, 0))",
    ),
    (
        "pad2d with a mode name",
        lambda: ops.pad2d(_x(1, 1, 2, 2), "same"),
        mb.ConfigError,
        ("pad2d", "padding", "'same'"),
        "pad2d: padding must be ints, got 'same'",
    ),
    (
        "a grouped convolution whose groups do not divide the channels",
        lambda: ops.conv2d(_x(1, 4, 5, 5), _x(8, 1, 3, 3), groups=3),
        mb.ConfigError,
        ("conv2d", "groups=3", "4", "8"),
        "conv2d: groups=3 must divide both the 4 input and the 8 output channels",
    ),
    (
        "conv1d on a 4-D input",
        lambda: ops.conv1d(_x(1, 3, 5, 5), _x(4, 3, 3)),
        mb.ShapeError,
        ("conv1d", "(1, 3, 5, 5)", "(4, 3, 3)"),
        "conv1d: expected input (batch, channels, length) and kernel "
        "(out_channels, in_channels / groups, k), got (1, 3, 5, 5) and (4, 3, 3)",
    ),
    (
        "conv1d with a stride given as text",
        lambda: ops.conv1d(_x(1, 3, 10), _x(4, 3, 3), stride="2"),
        mb.ConfigError,
        ("conv1d", "stride", "'2'"),
        "conv1d: stride must be an int, got '2'",
    ),
    (
        "conv_transpose2d with output_padding as large as the stride",
        lambda: ops.conv_transpose2d(_x(1, 2, 3, 3), _x(2, 4, 2, 2), stride=2, output_padding=2),
        mb.ConfigError,
        ("conv_transpose2d", "output_padding", "(2, 2)", "stride"),
        "conv_transpose2d: output_padding (2, 2) must be smaller than stride or dilation",
    ),
    (
        "conv_transpose2d with a kernel for other channels",
        lambda: ops.conv_transpose2d(_x(1, 3, 3, 3), _x(2, 4, 2, 2)),
        mb.ShapeError,
        ("conv_transpose2d", "(2, 4, 2, 2)", "(1, 3, 3, 3)"),
        "conv_transpose2d: kernel (2, 4, 2, 2) expects 2 input channels, got input of shape "
        "(1, 3, 3, 3)",
    ),
    (
        "Conv1D whose groups do not divide the filters",
        lambda: layers.Conv1D(6, 3, groups=4),
        mb.ConfigError,
        ("Conv1D", "groups=4", "filters=6"),
        "Conv1D: groups=4 must divide filters=6",
    ),
    (
        "Conv1D whose groups do not divide the input channels",
        lambda: layers.Conv1D(6, 3, groups=2, name="c")(np.ones((1, 3, 10), np.float32)),
        mb.ConfigError,
        ("Conv1D 'c'", "groups=2", "3"),
        "Conv1D 'c': groups=2 must divide 3 channels",
    ),
    (
        "Conv2DTranspose with output_padding as large as the strides",
        lambda: layers.Conv2DTranspose(2, 3, strides=2, output_padding=2),
        mb.ConfigError,
        ("Conv2DTranspose", "output_padding", "strides", "(2, 2)"),
        "Conv2DTranspose: output_padding (2, 2) must be smaller than strides (2, 2)",
    ),
    (
        "UpSampling2D with an unknown interpolation",
        lambda: layers.UpSampling2D(interpolation="cubic"),
        mb.ConfigError,
        ("UpSampling2D", "interpolation", "'cubic'", "'bilinear'"),
        "UpSampling2D: interpolation must be 'nearest' or 'bilinear', got 'cubic'",
    ),
    (
        "F.softmax without dim",
        lambda: F.softmax(_x(2, 3)),
        mb.ConfigError,
        ("softmax", "dim="),
        "softmax: pass dim= (the axis to normalize over)",
    ),
    (
        "F.linear with a transposed weight",
        lambda: F.linear(_x(2, 3), _x(3)),
        mb.ShapeError,
        ("linear", "weight", "(3,)"),
        "linear: weight must be (out_features, in_features), got (3,)",
    ),
    (
        "F.cross_entropy with an unknown reduction",
        lambda: F.cross_entropy(_x(2, 3), np.array([0, 1]), reduction="avg"),
        mb.ConfigError,
        ("cross_entropy", "reduction", "'avg'"),
        "cross_entropy: reduction must be 'mean', 'sum' or 'none', got 'avg'",
    ),
    (
        "F.cross_entropy with label_smoothing 1.5",
        lambda: F.cross_entropy(_x(2, 3), np.array([0, 1]), label_smoothing=1.5),
        mb.ConfigError,
        ("cross_entropy", "label_smoothing", "1.5"),
        "cross_entropy: label_smoothing must be in [0, 1], got 1.5",
    ),
    (
        "F.nll_loss with probability targets",
        lambda: F.nll_loss(_x(2, 3), np.full((2, 3), 0.5)),
        mb.LabelError,
        ("nll_loss", "target"),
        "nll_loss: target must hold integer class indices",
    ),
    (
        "F.kl_div on mismatched shapes",
        lambda: F.kl_div(_x(2, 3), _x(2, 4)),
        mb.ShapeError,
        ("kl_div", "target", "(2, 4)", "(2, 3)"),
        "kl_div: target (2, 4) must match input (2, 3)",
    ),
    (
        "F.layer_norm over the wrong trailing shape",
        lambda: F.layer_norm(_x(2, 3), (4,)),
        mb.ShapeError,
        ("layer_norm", "normalized_shape", "(4,)", "(2, 3)"),
        "layer_norm: normalized_shape (4,) does not match the end of input (2, 3)",
    ),
    (
        "F.batch_norm in evaluation without running statistics",
        lambda: F.batch_norm(_x(2, 3), None, None),
        mb.ConfigError,
        ("batch_norm", "running_mean", "running_var"),
        "batch_norm: evaluation needs running_mean and running_var",
    ),
    (
        "Variable.assign of the wrong shape",
        lambda: mb.Variable(np.zeros(3), name="counts").assign(np.zeros(4)),
        mb.ShapeError,
        ("Variable counts", "assign", "(3,)", "(4,)"),
        "Variable counts: assign expected a value of shape (3,), got shape (4,)",
    ),
    (
        "Variable.assign_add of floats into an integer variable",
        lambda: mb.Variable(np.zeros(3, np.int64), name="n").assign_add(np.full(3, 0.5)),
        mb.DTypeError,
        ("Variable n", "assign_add", "float64", "int64"),
        "Variable n: assign_add cannot put values of dtype float64 into a variable of dtype int64",
    ),
    (
        "Variable from an initializer without a shape",
        lambda: mb.Variable("zeros", name="w"),
        mb.ShapeError,
        ("Variable w", "'zeros'", "shape"),
        "Variable w: an initializer ('zeros') needs a shape",
    ),
    (
        "an unknown device name",
        lambda: parse_device("tpu"),
        DeviceError,
        ("device", "'tpu'", "'cuda:0'"),
        "device: expected 'cpu' or 'cuda' (e.g. 'cuda:0'), got 'tpu'",
    ),
    (
        "set_allocator_tuning with a string",
        lambda: set_allocator_tuning("yes"),
        mb.ConfigError,
        ("set_allocator_tuning", "enabled", "'yes'"),
        "set_allocator_tuning: enabled must be True or False, got 'yes' (str)",
    ),
    (
        "a batch of four parts",
        lambda: unpack_x_y_sample_weight((1, 2, 3, 4)),
        mb.DataError,
        ("(x, y, sample_weight)", "4"),
        "a batch must be (x, y) or (x, y, sample_weight), got a tuple of 4",
    ),
    (
        "zero steps per epoch",
        lambda: Feed([(np.zeros((1, 2)), np.zeros(1))], steps=0),
        mb.DataError,
        ("fit", "steps", "0"),
        "fit: steps must be >= 1, got 0",
    ),
    (
        "fit on data with a NaN",
        _fit_on_nan,
        mb.DataError,
        ("fit", "x", "NaN"),
        "fit: x contains NaN or infinite values",
    ),
    (
        "a misspelt activation",
        lambda: layers.Dense(3, activation="relux"),
        mb.ConfigError,
        ("'relux'", "'relu'"),
        "unknown activation 'relux'; expected one of ['elu', 'gelu', ...",
    ),
    (
        "a number as an activation",
        lambda: mb.activations.get(42),
        mb.ConfigError,
        ("42",),
        "cannot interpret 42 as an activation",
    ),
    (
        "saving an unregistered activation",
        lambda: mb.activations.name_of(abs),
        mb.ConfigError,
        ("<built-in function abs>",),
        "activation <built-in function abs> is not registered, so the model cannot be saved",
    ),
    (
        "a negative seed",
        lambda: mb.set_seed(-1),
        mb.ConfigError,
        ("seed", "-1"),
        "seed must be a whole number >= 0, got -1",
    ),
    (
        "a string as a seed",
        lambda: mb.set_seed("abc"),
        mb.ArgumentTypeError,
        ("seed", "'abc'", "None"),
        "seed must be a whole number >= 0, a numpy Generator or None, got 'abc'",
    ),
    (
        "gradcheck on float32",
        lambda: mb.gradcheck(
            lambda t: (t * t).sum(), [T(np.ones(2, np.float32), requires_grad=True)]
        ),
        mb.GradcheckError,
        ("gradcheck", "float32", "float64"),
        "gradcheck: input of dtype float32; use float64 (float32 rounding swamps the finite "
        "differences)",
    ),
    (
        "gradcheck of a wrong backward",
        lambda: mb.gradcheck(
            lambda t: _WrongSquare.apply(t).sum(), [T(np.array([1.0, 2.0]), requires_grad=True)]
        ),
        mb.GradcheckError,
        ("gradcheck", "(2,)", "(1,)", "1", "4"),
        "gradcheck: input 0 (shape (2,)): analytic and numerical gradients differ; worst at "
        "index (1,): analytic 1, numerical 4",
    ),
    (
        "trace of an array",
        lambda: mb.graphviz.trace(np.zeros(3)),
        mb.GraphError,
        ("trace", "Tensor", "ndarray"),
        "trace: expected a Tensor, got ndarray",
    ),
    (
        "trace after backward",
        _trace_freed,
        mb.GraphError,
        ("trace", "backward()"),
        "trace: this graph was already freed by backward(); trace it before",
    ),
    (
        "trace of a constant",
        lambda: mb.graphviz.trace(T([1.0])),
        mb.GraphError,
        ("trace", "requires_grad"),
        "trace: this tensor was not made by an operation on tensors that require grad; "
        "there is no graph to draw",
    ),
    (
        "plot_history of a list",
        lambda: mb.plot.plot_history([0.5, 0.4]),
        mb.ConfigError,
        ("plot_history", "History", "list"),
        "plot_history: expected a History or a dict of lists, got list",
    ),
    (
        "plot_confusion_matrix of a non-square matrix",
        lambda: mb.plot.plot_confusion_matrix(np.zeros((2, 3))),
        mb.ShapeError,
        ("plot_confusion_matrix", "(2, 3)"),
        "plot_confusion_matrix: expected a square matrix, got shape (2, 3)",
    ),
    (
        "plot_confusion_matrix with too few class names",
        lambda: mb.plot.plot_confusion_matrix(np.eye(3), class_names=["a", "b"]),
        mb.ShapeError,
        ("plot_confusion_matrix", "3", "2"),
        "plot_confusion_matrix: 3 classes but 2 class names",
    ),
    (
        "plot_images of flat rows that are not square",
        lambda: mb.plot.plot_images(np.zeros((2, 10))),
        mb.ShapeError,
        ("plot_images", "10", "(N, H, W)"),
        "plot_images: flat rows of 10 values are not square images; pass (N, H, W) arrays",
    ),
    (
        "plot_images of a 1-D array",
        lambda: mb.plot.plot_images(np.zeros(10)),
        mb.ShapeError,
        ("plot_images", "(10,)"),
        "plot_images: expected (N, H, W), (N, C, H, W) or (N, H*W), got (10,)",
    ),
    (
        "plot_weights of a kernel whose inputs are not a square image",
        lambda: mb.plot.plot_weights(np.zeros((10, 3))),
        mb.ShapeError,
        ("plot_weights", "10", "image_shape"),
        "plot_weights: 10 inputs are not a square image; pass image_shape",
    ),
    (
        "plot_weights with a wrong image_shape",
        lambda: mb.plot.plot_weights(np.zeros((10, 3)), image_shape=(3, 3)),
        mb.ShapeError,
        ("plot_weights", "(3, 3)", "10"),
        "plot_weights: image_shape (3, 3) does not match 10 inputs",
    ),
]


def _raise(fn: Callable[[], object], lang: str) -> MitbadakError:
    with messages.use_lang(lang), pytest.raises(MitbadakError) as info:
        fn()
    return info.value


def _says(text: str, english: str) -> bool:
    return text.startswith(english[:-3]) if english.endswith("...") else text == english


@pytest.mark.parametrize(
    "fn, cls, names, english", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES]
)
def test_a_mistake_speaks_korean_and_names_what_came(fn, cls, names, english) -> None:
    ko, en = _raise(fn, "ko"), _raise(fn, "en")
    assert type(ko) is type(en) and isinstance(ko, cls)
    assert ko.key and ko.key.startswith("error.") and ko.key == en.key
    assert HANGUL.search(str(ko)), str(ko)
    assert not HANGUL.search(str(en)), str(en)
    for name in names:
        assert name in str(ko), (name, str(ko))
    assert ko.text("en") == str(en)  # the English text is today's, from the same values
    assert en.text("ko") == str(ko)
    assert _says(str(en), english), str(en)
    with pytest.raises(cls) as info:  # and English stays the default
        fn()
    assert _says(str(info.value), english)
    back = pickle.loads(pickle.dumps(ko))  # errors cross processes (DataLoader workers, dask)
    assert str(back) == str(ko) and back.text("en") == str(en)


def test_mitbadak_lang_in_the_environment_is_enough(monkeypatch) -> None:
    monkeypatch.setenv("MITBADAK_LANG", "ko")
    with pytest.raises(mb.ShapeError, match="입력의 모양은") as info:
        ops.conv2d(_x(2, 5, 5), _x(4, 1, 3, 3))
    assert info.value.text("en").startswith("conv2d: expected input of shape")
    monkeypatch.setenv("MITBADAK_LANG", "en")
    with pytest.raises(mb.ShapeError, match=r"^conv2d: expected input of shape"):
        ops.conv2d(_x(2, 5, 5), _x(4, 1, 3, 3))


def test_cuda_without_cupy_says_what_to_install_in_both_languages(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "cupy", None)  # `import cupy` raises ImportError
    try:
        import cupy  # type: ignore[import-not-found]  # noqa: F401
    except ImportError as e:
        reason = str(e)
    ko = _raise(require_cupy, "ko")
    assert isinstance(ko, DeviceError) and ko.key == "error.backend.no_cupy"
    assert HANGUL.search(str(ko)) and "mitbadak[gpu]" in str(ko) and "Python" in str(ko)
    assert ko.text("en") == (
        f"device 'cuda': CuPy is not installed ({reason}); {GPU_EXTRA}, then restart Python"
    )


def test_plots_without_matplotlib_say_what_to_install(monkeypatch) -> None:
    monkeypatch.setattr(mb.plot, "pyplot", lambda: None)
    ko = _raise(lambda: mb.plot.plot_images(np.zeros((1, 4, 4))), "ko")
    assert ko.key == "error.plot.no_matplotlib" and HANGUL.search(str(ko))
    assert "matplotlib" in str(ko) and 'pip install "mitbadak[plot]"' in str(ko)
    assert ko.text("en") == f"mitbadak.plot: {mb.plot.INSTALL_HINT}"
    assert ko.text("en") == 'mitbadak.plot: figures need matplotlib: pip install "mitbadak[plot]"'


def _english_words(text: str) -> set[str]:
    """Common English words of ``text`` outside placeholders, quotes and parentheses."""
    words = {"must", "expected", "got", "but", "the", "and", "of", "with", "not", "is", "no"}
    return words & set(re.findall(r"[a-z]+", re.sub(r"\{[^}]*\}|'[^']*'|\([^)]*\)", " ", text)))


def test_korean_texts_do_not_glue_english_words() -> None:
    """The Korean sentences of this section are Korean: apart from code names (padding,
    stride, dtype, ...) and the placeholders, no English word of the English text is left."""
    section = [k for k in messages.MESSAGES if k.startswith(OWN_KEYS)]
    assert len(section) == 73
    for key in section:
        assert not _english_words(messages.MESSAGES[key]["ko"]), key
    # the check can fail: it finds the words in (almost) every English text
    assert sum(bool(_english_words(messages.MESSAGES[k]["en"])) for k in section) > 60


# ------------------------------------------------- no literal error texts left in them
OWN_KEYS = tuple(
    f"error.{m}."
    for m in (
        "ops.conv", "ops.conv_variants", "conv_extra", "functional", "variable", "backend",
        "batching", "activations", "random", "gradcheck", "graphviz", "plot",
    )
)  # fmt: skip
CONVERTED = [
    "ops/conv.py", "ops/conv_variants.py", "layers/conv_extra.py", "functional.py",
    "variable.py", "backend.py", "batching.py", "activations.py", "random.py", "gradcheck.py",
    "graphviz.py", "plot.py", "safetensors.py", "layers/base.py", "layers/conv_args.py",
    "callbacks.py", "__init__.py", "data/__init__.py",
]  # fmt: skip
# (module, error class) -> why it stays literal: Python's own protocols and programming errors,
# not user input (the same entries as in tests/test_errors_ko_model.py, test_errors_ko_cli.py
# and test_pool_args.py, which scan these modules too)
ALLOWED = {
    ("layers/base.py", "AttributeError"): (
        "Layer.__getattr__: Python's attribute protocol must raise a plain AttributeError, "
        "worded as Python words it, for hasattr/getattr to work"
    ),
    ("layers/conv_args.py", "ValueError"): "padding_of called with no modes and no ints: a bug",
    ("callbacks.py", "AttributeError"): (
        "module __getattr__ (PEP 562) and CallbackList.__getattr__ (a hook name): Python's "
        "attribute protocol"
    ),
    ("__init__.py", "AttributeError"): "module __getattr__ (PEP 562) must raise AttributeError",
    ("data/__init__.py", "AttributeError"): "module __getattr__ must raise AttributeError",
}


def _is_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_literal(node.left) or _is_literal(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("format", "join") and _is_literal(node.func.value)
    return False


def _error_name(call: ast.Call) -> str:
    fn = call.func
    name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
    return name if name.endswith(("Error", "Exception")) else ""


def _literal_errors(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, error class) of every error built with a literal text, raised at once or kept
    in a variable first (``msg = f"..."; raise XxxError(msg)`` counts too)."""
    texts = {  # names bound to a literal text
        t.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_literal(node.value)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _error_name(node):
            if any(
                _is_literal(a) or (isinstance(a, ast.Name) and a.id in texts) for a in node.args
            ):
                found.append((node.lineno, _error_name(node)))
    return found


def test_no_literal_error_text_is_left_in_these_modules() -> None:
    found, allowed_seen = [], set()
    for rel in CONVERTED:
        path = SRC / rel
        for lineno, name in _literal_errors(ast.parse(path.read_text(encoding="utf-8"))):
            if (rel, name) in ALLOWED:
                allowed_seen.add((rel, name))
            else:
                found.append(f"{rel}:{lineno}: {name}")
    assert not found, "errors with literal text (use key=... and messages.py):\n" + "\n".join(found)
    assert allowed_seen == set(ALLOWED)  # the allow-list holds no stale entry


def test_the_scan_catches_a_literal_error() -> None:
    tree = ast.parse(
        'def f(x):\n    raise ShapeError(f"f: bad shape {x}")\n'
        'def g(x):\n    msg = "g: " + str(x)\n    raise ConfigError(msg)\n'
        'def h(x):\n    raise ConfigError(key="error.x", x=x)\n'
    )
    assert _literal_errors(tree) == [(2, "ShapeError"), (5, "ConfigError")]


def test_every_key_of_these_modules_is_in_the_table_with_korean() -> None:
    keys = set()
    for rel in CONVERTED:
        text = (SRC / rel).read_text(encoding="utf-8")
        keys |= set(re.findall(r"\bkey=\"(error\.[a-z0-9_.]+)\"", text))
    assert len(keys) > 70
    for key in keys:
        assert key in messages.MESSAGES, key
        assert HANGUL.search(messages.MESSAGES[key]["ko"]), key
        assert not HANGUL.search(messages.MESSAGES[key]["en"]), key
