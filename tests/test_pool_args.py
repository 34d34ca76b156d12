"""The pooling layers' arguments (checked by layers/conv_args.py, as the conv layers' are):
Keras-style calls give what Keras 3 gives on the same input, each bad value is a clear
ConfigError naming the layer and the argument, the messages are in Korean under
``use_lang("ko")`` with the English text unchanged, and no literal error text or private
cross-module import is left in conv_args.py and the pooling layer files."""

from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path

import numpy as np
import pytest

import mitbadak.layers as layers
from mitbadak.errors import ArgumentTypeError, ConfigError, MitbadakError, ShapeError
from mitbadak.layers.conv_args import check_input_rank, padding_of, pool_geometry, tuple_of
from mitbadak.messages import MESSAGES, use_lang
from mitbadak.tensor import Tensor

RNG = np.random.default_rng(0)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LAYER_DIR = Path(layers.__file__).parent
CONVERTED = ["conv_args.py", "pooling.py", "pooling1d.py"]

WINDOWED = ["MaxPooling2D", "AveragePooling2D", "MaxPooling1D", "AveragePooling1D"]
GLOBAL = ["GlobalAveragePooling2D", "GlobalMaxPooling2D", "GlobalAveragePooling1D",
          "GlobalMaxPooling1D"]  # fmt: skip


# ---------------------------------------------------------------- Keras, on the same input
@pytest.fixture(scope="module")
def keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


KERAS_CALLS = [  # (class name, args, kwargs, input shape in the call's layout): users' calls
    ("MaxPooling2D", (), {}, (2, 8, 9, 3)),
    ("MaxPooling2D", (2,), {}, (2, 9, 9, 3)),
    ("MaxPooling2D", ((2, 3),), {"strides": 1, "padding": "same"}, (2, 7, 8, 2)),
    ("MaxPooling2D", ([3, 3],), {"strides": (2, 1), "padding": "valid"}, (2, 9, 8, 2)),
    ("MaxPooling2D", (3,), {"strides": 2, "data_format": "channels_first"}, (2, 3, 9, 10)),
    ("AveragePooling2D", (), {"pool_size": (3, 3), "strides": 1, "padding": "same"}, (2, 7, 9, 3)),
    ("AveragePooling2D", (2,), {"strides": 1}, (2, 5, 6, 2)),
    ("MaxPooling1D", (), {}, (2, 11, 4)),
    ("MaxPooling1D", (3,), {"strides": 1, "padding": "same"}, (2, 10, 4)),
    ("AveragePooling1D", (2,), {}, (2, 9, 3)),
    ("AveragePooling1D", ((3,),), {"strides": (1,), "padding": "same"}, (2, 10, 3)),
    ("AveragePooling1D", (2,), {"data_format": "channels_first"}, (2, 3, 9)),
    ("GlobalAveragePooling2D", (), {}, (2, 5, 6, 3)),
    ("GlobalAveragePooling2D", (), {"keepdims": True}, (2, 5, 6, 3)),
    ("GlobalMaxPooling2D", ("channels_first",), {}, (2, 3, 5, 6)),
    ("GlobalAveragePooling1D", (), {}, (2, 7, 4)),
    ("GlobalMaxPooling1D", (), {"keepdims": True, "data_format": "channels_first"}, (2, 4, 7)),
]


@pytest.mark.parametrize(("name", "args", "kw", "shape"), KERAS_CALLS, ids=str)
def test_keras_style_calls_match_keras(keras, name, args, kw, shape):
    x = RNG.standard_normal(shape).astype(np.float32)
    if not (args and args[0] in ("channels_first", "channels_last")):
        kw = {"data_format": "channels_last", **kw}  # mitbadak's 2-D default is channels_first
    ref = np.asarray(keras.ops.convert_to_numpy(getattr(keras.layers, name)(*args, **kw)(x)))
    y = getattr(layers, name)(*args, **kw)(x)
    assert y.shape == ref.shape
    np.testing.assert_allclose(y.data, ref, rtol=1e-6, atol=1e-6)


def _tf_same_average(x, size, stride):
    """TensorFlow's (and Keras' TF/JAX backends') "same" average pooling of (N, H, W, C), by
    loops: the odd extra padding goes after, and padded positions are not counted."""
    n, h, w, c = x.shape
    out = [-(-h // stride[0]), -(-w // stride[1])]
    pads = [max((o - 1) * s + k - d, 0) // 2 for o, s, k, d in zip(out, stride, size, (h, w))]
    y = np.zeros((n, out[0], out[1], c))
    for i in range(out[0]):
        for j in range(out[1]):
            r0, c0 = i * stride[0] - pads[0], j * stride[1] - pads[1]
            win = x[:, max(r0, 0) : r0 + size[0], max(c0, 0) : c0 + size[1]]
            y[:, i, j] = win.mean(axis=(1, 2))
    return y


@pytest.mark.parametrize(
    ("size", "stride", "shape"), [((3, 2), (3, 2), (2, 7, 9, 3)), ((3, 3), (2, 2), (1, 10, 9, 2))]
)
def test_average_same_padding_leaves_the_padding_out_when_it_is_uneven(size, stride, shape):
    # Keras 3.15's torch backend pads these evenly by repeating the edge (keras-team/keras
    # issue 18452), so its numbers differ at the last row/column; its TF and JAX backends,
    # and mitbadak, average only the input's own values.
    x = RNG.standard_normal(shape).astype(np.float32)
    y = layers.AveragePooling2D(size, strides=stride, padding="same", data_format="channels_last")
    np.testing.assert_allclose(y(x).data, _tf_same_average(x, size, stride), rtol=1e-5, atol=1e-6)
    seq = x[:, 0]  # (N, steps, features): the 1-D layer is the 2-D one on a one-row image
    y1 = layers.AveragePooling1D(size[1], strides=stride[1], padding="same")(seq).data
    ref = _tf_same_average(seq[:, None], (1, size[1]), (1, stride[1]))[:, 0]
    np.testing.assert_allclose(y1, ref, rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------- bad values
PAIR = "an int or a pair of ints"
BAD = [  # (argument, value, message); "{want}" is what the layer's rank expects
    ("pool_size", 0, r"pool_size must be a whole number >= 1, got 0"),
    ("pool_size", -2, r"pool_size must be a whole number >= 1, got -2"),
    ("pool_size", 2.5, r"pool_size must be {want}, got 2.5"),
    ("pool_size", 2.0, r"pool_size must be {want}, got 2.0"),
    ("pool_size", "2", r"pool_size must be {want}, got '2' \(str\)"),
    ("pool_size", True, r"pool_size must be {want}, got True \(bool\)"),
    ("pool_size", None, r"pool_size must be {want}, got None"),
    ("pool_size", (2, 2, 2), r"pool_size must be {want}, got \(2, 2, 2\)"),
    ("strides", 0, r"strides must be a whole number >= 1, got 0"),
    ("strides", False, r"strides must be {want}, got False \(bool\)"),
    ("strides", "1", r"strides must be {want}, got '1' \(str\)"),
    ("padding", "full", r"padding must be 'valid' or 'same', got 'full'$"),
    ("padding", "causal", r"padding must be 'valid' or 'same', got 'causal'$"),
    ("padding", 1, r"padding must be 'valid' or 'same', got 1$"),
    ("padding", None, r"padding must be 'valid' or 'same', got None$"),
    ("data_format", "nhwc", r"data_format must be one of 'channels_first', 'channels_last'"),
    ("data_format", None, r"data_format must be one of 'channels_first', 'channels_last'"),
]


@pytest.mark.parametrize("layer", WINDOWED)
@pytest.mark.parametrize(("arg", "value", "message"), BAD, ids=lambda v: repr(v)[:20])
def test_bad_pooling_arguments_name_the_layer_and_the_argument(layer, arg, value, message):
    want = "an int" if "1D" in layer else PAIR
    with pytest.raises(ConfigError, match=f"^{layer}: " + message.replace("{want}", want)):
        getattr(layers, layer)(**{arg: value})


def test_per_axis_values_name_the_axis():
    with pytest.raises(ConfigError, match=r"^MaxPooling2D: strides\[1\] must be .* >= 1, got 0"):
        layers.MaxPooling2D(2, strides=(1, 0))
    with pytest.raises(ConfigError, match=r"^AveragePooling2D: pool_size\[0\] must be .* got -1"):
        layers.AveragePooling2D((-1, 2))
    with pytest.raises(ConfigError, match=r"^MaxPooling1D: pool_size must be an int, got \[1, 2\]"):
        layers.MaxPooling1D([1, 2])


@pytest.mark.parametrize("layer", GLOBAL)
def test_bad_global_pooling_arguments(layer):
    cls = getattr(layers, layer)
    with pytest.raises(ConfigError, match=f"^{layer}: data_format must be one of"):
        cls(data_format="NHWC")
    with pytest.raises(ArgumentTypeError, match=f"^{layer}: keepdims must be True or False"):
        cls(keepdims="yes")
    # Keras' order of arguments: (data_format, keepdims); a bool in first place is refused
    with pytest.raises(ConfigError, match=f"^{layer}: data_format must be one of"):
        cls(True)
    assert cls("channels_last", True).get_config()["keepdims"] is True
    assert cls(keepdims=np.bool_(True)).keepdims is True


@pytest.mark.parametrize(
    ("layer", "x", "message"),
    [
        ("MaxPooling2D", (2, 8, 8), r"^MaxPooling2D 'p': expected a 4-D input of shape "
         r"\(batch, channels, height, width\), got \(2, 8, 8\)$"),
        ("GlobalMaxPooling2D", (2, 8), r"^GlobalMaxPooling2D 'p': .*\(batch, channels, height"),
        ("MaxPooling1D", (2, 8), r"^MaxPooling1D 'p': expected a 3-D input "
         r"\(batch, steps, features\), got \(2, 8\)$"),
        ("GlobalAveragePooling1D", (1, 2, 3, 4), r"^GlobalAveragePooling1D 'p': .*steps"),
    ],
)  # fmt: skip
def test_wrong_rank_inputs_name_the_layer_and_the_layout(layer, x, message):
    with pytest.raises(ShapeError, match=message):
        getattr(layers, layer)(name="p")(np.zeros(x, np.float32))


@pytest.mark.parametrize(
    "make",
    [
        lambda: layers.MaxPooling2D((2, 3), strides=1, padding="SAME"),
        lambda: layers.AveragePooling2D(np.int64(3), strides=[2, 1], data_format="channels_last"),
        lambda: layers.MaxPooling1D((3,), strides=np.int32(2), padding="same"),
        lambda: layers.AveragePooling1D(2, data_format="channels_first"),
        lambda: layers.GlobalAveragePooling2D(keepdims=True),
        lambda: layers.GlobalMaxPooling1D("channels_first", True),
    ],
)
def test_configs_are_json_and_rebuild_the_same_layer(make):
    layer = make()
    config = json.loads(json.dumps(layer.get_config()))
    again = type(layer).from_config(config)
    for name in ("pool_size", "strides", "padding", "data_format", "keepdims"):
        assert getattr(again, name, None) == getattr(layer, name, None), name
    x = RNG.standard_normal((2, 6, 9, 8) if "2D" in type(layer).__name__ else (2, 9, 6))
    np.testing.assert_array_equal(again(x).data, layer(x).data)


def test_cleaned_values_are_python_ints():
    g = pool_geometry("MaxPooling2D", 2, [np.int64(2), 3], padding="Same")
    assert g == ((2, 3), (2, 3), "same", "channels_first")
    assert all(type(v) is int for v in g.pool_size + g.strides)
    g = pool_geometry("MaxPooling1D", 1, np.int64(3), strides=[1])
    assert (g.pool_size, g.strides) == (3, 1) and type(g.pool_size) is int


# ---------------------------------------------------------------- Korean, from the table
def _raise(fn):
    with pytest.raises(MitbadakError) as info:
        fn()
    return info.value


KOREAN = [  # (what raises it, today's English text, words the Korean must name)
    (lambda: tuple_of(True, 2, "kernel_size", "Conv2D"),
     "Conv2D: kernel_size must be an int or a pair of ints, got True (bool)",
     ["Conv2D", "kernel_size", "True"]),
    (lambda: tuple_of((1, 2), 3, "size", "f"), "f: size must be an int or 3 ints, got (1, 2) "
     "(tuple)", ["size", "3개"]),
    (lambda: layers.MaxPooling1D([1, 2]), "MaxPooling1D: pool_size must be an int, got [1, 2] "
     "(list)", ["MaxPooling1D", "pool_size", "[1, 2]"]),
    (lambda: layers.MaxPooling2D(padding="full"),
     "MaxPooling2D: padding must be 'valid' or 'same', got 'full'",
     ["MaxPooling2D", "padding", "'valid'", "'same'", "'full'"]),
    (lambda: padding_of("full", 2, "Conv2D"),
     "Conv2D: padding must be 'valid', 'same' or ints, got 'full'", ["Conv2D", "padding"]),
    (lambda: layers.ZeroPadding2D("same"), "ZeroPadding2D: padding must be ints, got 'same'",
     ["ZeroPadding2D", "padding", "'same'"]),
    (lambda: padding_of(3, 1, "Conv1D", modes=("causal",), ints=False),
     "Conv1D: padding must be 'causal', got 3", ["Conv1D", "padding", "'causal'"]),
    (lambda: layers.AveragePooling2D(name="p")(np.zeros((2, 3, 4))),
     "AveragePooling2D 'p': expected a 4-D input of shape (batch, channels, height, width), got "
     "(2, 3, 4)", ["AveragePooling2D", "'p'", "(2, 3, 4)", "채널", "높이"]),
    (lambda: layers.GlobalMaxPooling2D(data_format="channels_last", name="g")(np.zeros((2, 3))),
     "GlobalMaxPooling2D 'g': expected a 4-D input of shape (batch, height, width, channels), "
     "got (2, 3)", ["GlobalMaxPooling2D", "(2, 3)", "너비"]),
    (lambda: layers.Conv1D(2, 3, name="c")(np.zeros((2, 3))),
     "Conv1D 'c': expected a 3-D input of shape (batch, channels, length), got (2, 3)",
     ["Conv1D", "길이"]),
    (lambda: check_input_rank(layers.Conv1D(2, 3, name="c"), Tensor(np.zeros(2)), 3,
                              "channels_last"),
     "Conv1D 'c': expected a 3-D input of shape (batch, length, channels), got (2,)",
     ["Conv1D", "(2,)"]),
    (lambda: layers.MaxPooling1D(name="m")(np.zeros((2, 3))),
     "MaxPooling1D 'm': expected a 3-D input (batch, steps, features), got (2, 3)",
     ["MaxPooling1D", "'m'", "시점", "특성"]),
    (lambda: layers.GlobalAveragePooling1D(data_format="channels_first", name="m")(np.zeros(3)),
     "GlobalAveragePooling1D 'm': expected a 3-D input (batch, features, steps), got (3,)",
     ["GlobalAveragePooling1D", "(3,)"]),
]  # fmt: skip


@pytest.mark.parametrize(("fn", "english", "words"), KOREAN, ids=lambda v: str(v)[:30])
def test_errors_are_korean_under_use_lang_ko_and_english_is_unchanged(fn, english, words):
    with use_lang("ko"):
        e = _raise(fn)
    assert e.key is not None and e.key in MESSAGES
    text = str(e)
    assert HANGUL.search(text), text
    for word in words:
        assert word in text, (word, text)
    assert e.text("en") == english
    with use_lang("en"):
        assert str(_raise(fn)) == english


def test_every_key_of_these_modules_is_in_the_table_in_both_languages():
    keys = set()
    for name in CONVERTED:
        keys |= set(re.findall(r"\"(error\.[a-z0-9_.]+)\"", (LAYER_DIR / name).read_text()))
    assert len(keys) >= 12, keys
    for key in keys:
        assert key in MESSAGES, key
        assert HANGUL.search(MESSAGES[key]["ko"]) and not HANGUL.search(MESSAGES[key]["en"])


# ---------------------------------------------------------------- the rules, scanned
#: Raises that may keep a literal text, with the reason: programming errors, not user input.
ALLOWED_LITERAL = {
    ("conv_args.py", "ValueError"): "padding_of called with no modes and no ints: a bug",
}


def _literal_raises(path: Path) -> list[tuple[str, int]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func, args = node.exc.func, node.exc.args
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        literal = args and (
            isinstance(args[0], ast.JoinedStr)
            or (isinstance(args[0], ast.Constant) and isinstance(args[0].value, str))
            or isinstance(args[0], ast.BinOp)  # "..." % x or "..." + x
        )
        if literal and (path.name, name) not in ALLOWED_LITERAL:
            out.append((name, node.lineno))
    return out


@pytest.mark.parametrize("name", CONVERTED)
def test_no_literal_error_text_is_left(name):
    assert _literal_raises(LAYER_DIR / name) == []


def test_the_scan_finds_literal_raises(tmp_path):  # the scan itself can fail
    path = tmp_path / "probe.py"
    path.write_text('def f(x):\n    raise ConfigError(f"bad {x}")\n    raise ShapeError("no")\n')
    assert [n for n, _ in _literal_raises(path)] == ["ConfigError", "ShapeError"]
    path.write_text('def f(x):\n    raise ConfigError(key="error.x", x=x)\n')
    assert _literal_raises(path) == []


def _private_imports(path: Path) -> list[str]:
    """Names starting with ``_`` that ``path`` imports from another module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            found += [a.name for a in node.names if a.name.startswith("_")]
    return found


def test_no_layer_module_imports_private_names_of_another():
    files = sorted(LAYER_DIR.glob("*.py"))
    assert len(files) > 10
    bad = {f.name: _private_imports(f) for f in files if _private_imports(f)}
    assert bad == {}
    conv = (LAYER_DIR / "conv.py").read_text()
    assert "_check_format" not in conv and "_to_nchw" not in conv and "_from_nchw" not in conv
