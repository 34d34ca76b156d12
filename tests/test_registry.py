"""One registry (issue 11.5): one decorator, one get(family, identifier), get_config /
from_config on every registered object, and no module reading another's private names."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import registry
from mitbadak.errors import ConfigError
from mitbadak.tensor import Tensor

SRC = Path(mb.__file__).parent


def test_every_family_is_in_the_one_registry():
    assert set(registry.FAMILIES) == {
        "activations",
        "initializers",
        "layers",
        "losses",
        "metrics",
        "optimizers",
        "regularizers",
        "schedules",
    }
    # the modules' public get() functions resolve through it
    assert registry.lookup("optimizers", "adam") is mb.optimizers.Adam
    assert registry.lookup("losses", "mse") is mb.losses.MeanSquaredError
    assert registry.lookup("initializers", "he_normal") is mb.initializers.HeNormal
    assert registry.lookup("regularizers", "l2") is mb.regularizers.L2
    assert registry.lookup("schedules", "cosine") is mb.schedules.CosineDecay
    assert registry.lookup("metrics", "f1") is mb.metrics.F1Score
    assert registry.lookup("metrics", "F1Score") is mb.metrics.F1Score
    assert registry.lookup("activations", "relu") is mb.activations.get("relu")
    assert registry.lookup("layers", "Dense") is mb.layers.Dense


def test_register_serializable_makes_a_name_usable_everywhere():
    @registry.register_serializable("losses", "double_mae")
    class DoubleMAE(mb.losses.MeanAbsoluteError):
        def compute(self, y_true, y_pred, reduction):
            return super().compute(y_true, y_pred, reduction) * 2.0

    @registry.register_serializable("activations", "half")
    def half(x):
        return x * 0.5

    try:
        m = mb.Sequential([mb.layers.Dense(1, activation="half", kernel_initializer="ones")])
        m.compile("sgd", "double_mae")
        x, y = np.ones((4, 2), "float32"), np.zeros((4, 1), "float32")
        assert m.evaluate(x, y) == pytest.approx(2.0)  # 2 * |0.5 * (1 + 1)|
        assert m.get_compile_config()["loss"]["class_name"] == "DoubleMAE"
        assert type(mb.losses.get("double_mae")) is DoubleMAE
    finally:
        registry.unregister("losses", "double_mae")
        registry.unregister("activations", "half")
    with pytest.raises(ConfigError, match="register_serializable"):
        registry.get("losses", "double_mae")


@pytest.mark.parametrize("fam", ["losses", "metrics", "regularizers", "initializers"])
def test_get_config_from_config_round_trip_for_every_registered_class(fam):
    seen = set()
    for name in registry.names(fam):
        cls = registry.lookup(fam, name)
        if not isinstance(cls, type) or cls in seen:
            continue
        seen.add(cls)
        obj = registry.get(fam, name)
        spec = registry.serialize(obj)
        again = registry.deserialize(fam, spec)
        assert type(again) is cls, name
        assert registry.serialize(again) == spec, name


def test_optimizers_and_schedules_round_trip():
    w = Tensor(np.ones(3, "float32"), requires_grad=True)
    for name in registry.names("optimizers"):
        opt = registry.get("optimizers", name, [w])
        again = registry.deserialize("optimizers", registry.serialize(opt), [w])
        assert registry.serialize(again) == registry.serialize(opt)
    sched = registry.get("schedules", "step", initial_learning_rate=0.1, step_size=3)
    again = registry.deserialize("schedules", registry.serialize(sched))
    assert [again(s) for s in range(7)] == [sched(s) for s in range(7)]


def test_bad_identifiers_are_clear_errors():
    with pytest.raises(ConfigError, match="unknown family"):
        registry.get("widgets", "x")
    with pytest.raises(ConfigError, match="unknown loss 'nope'"):
        registry.get("losses", "nope")
    with pytest.raises(ConfigError, match="unknown optimizer class"):
        registry.deserialize("optimizers", {"class_name": "os.system", "config": {}})
    with pytest.raises(ConfigError, match="invalid config for loss"):
        registry.deserialize("losses", {"class_name": "Huber", "config": {"bogus": 1}})
    with pytest.raises(ConfigError, match="unknown optimizer"):
        mb.Sequential([mb.layers.Dense(1)]).compile("adamx", "mse")


# The files that must not read another module's private names (issue 11.5 / 11.6).
OWN = ["model.py", "io.py", "callbacks.py", "cli.py", "registry.py", "batching.py"]


@pytest.mark.parametrize("fname", OWN)
def test_no_module_reads_another_modules_private_names(fname):
    text = (SRC / fname).read_text()
    imported = set(re.findall(r"^\s*from \.+\w* import (\w+)(?: as (\w+))?", text, re.M))
    aliases = {b or a for a, b in imported} | set(
        re.findall(r"^\s*import [\w.]+ as (\w+)", text, re.M)
    )
    aliases |= {"model", "layer", "opt", "optimizer", "io", "registry"}
    bad = [
        m.group(0)
        for m in re.finditer(r"\b(\w+)\._[A-Za-z]\w*", text)
        if m.group(1) in aliases and m.group(1) not in ("self", "cls")
    ]
    private_imports = [
        name.split(" as ")[0].strip()
        for names in re.findall(r"^\s*from \.[\w.]* import ([^\n(]+)$", text, re.M)
        for name in names.split(",")
        if name.strip().startswith("_") and not name.strip().startswith("__")
    ]
    assert not bad and not private_imports, (bad, private_imports)
