"""Optimizers against torch.optim: 100 steps from identical weights give the same trajectory."""

from __future__ import annotations

import json

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import Tensor, optimizers
from mitbadak.errors import ConfigError, ShapeError
from mitbadak.optimizers import (
    SGD,
    Adagrad,
    Adam,
    AdamW,
    RMSprop,
    clip_grad_norm,
    clip_grad_value,
)

STEPS = 100


@pytest.fixture(scope="module")
def batch():
    ds = mb.data.load_digits()
    x = (ds.data[:96] / 16.0).astype(np.float64)
    return x, ds.target[:96]


def init_weights(seed=0):
    r = np.random.default_rng(seed)
    return [
        r.normal(0, 0.3, (64, 24)),
        r.normal(0, 0.1, (24,)),
        r.normal(0, 0.3, (24, 10)),
        r.normal(0, 0.1, (10,)),
    ]


def mb_loss(params, x, y):
    w1, b1, w2, b2 = params
    h = mb.tanh(Tensor(x) @ w1 + b1)
    return mb.softmax_cross_entropy(h @ w2 + b2, y)


def torch_loss(torch, params, x, y):
    w1, b1, w2, b2 = params
    h = torch.tanh(torch.from_numpy(x) @ w1 + b1)
    return torch.nn.functional.cross_entropy(h @ w2 + b2, torch.from_numpy(y))


def _groups(params, spec):
    """Parameter groups from a spec: None (plain list) or "decay_kernels" (bias undecayed)."""
    if spec is None:
        return params
    return [{"params": [params[0], params[2]], "weight_decay": spec}, {"params": params[1::2]}]


def run_pair(torch, batch, mb_cls, torch_cls, kw, torch_kw=None, clip=None, groups=None):
    """Train both sides STEPS steps; return the per-step max abs parameter difference."""
    x, y = batch
    w0 = init_weights()
    pm = [Tensor(w.copy(), requires_grad=True) for w in w0]
    pt = [torch.tensor(w.copy(), requires_grad=True) for w in w0]
    clip = clip or {}
    opt_m = mb_cls(_groups(pm, groups), **kw, **clip)
    opt_t = torch_cls(_groups(pt, groups), **(torch_kw if torch_kw is not None else kw))
    diffs = []
    for _ in range(STEPS):
        opt_m.zero_grad()
        mb_loss(pm, x, y).backward()
        opt_m.step()
        opt_t.zero_grad()
        torch_loss(torch, pt, x, y).backward()
        if "clipvalue" in clip:
            torch.nn.utils.clip_grad_value_(pt, clip["clipvalue"])
        if "clipnorm" in clip:
            for p in pt:
                torch.nn.utils.clip_grad_norm_([p], clip["clipnorm"])
        if "global_clipnorm" in clip:
            torch.nn.utils.clip_grad_norm_(pt, clip["global_clipnorm"])
        opt_t.step()
        diffs.append(max(np.abs(a.data - b.detach().numpy()).max() for a, b in zip(pm, pt)))
    moved = max(np.abs(a.data - w).max() for a, w in zip(pm, w0))
    return np.array(diffs), moved


CASES = [
    ("sgd", "SGD", {"lr": 0.5}),
    ("sgd_momentum", "SGD", {"lr": 0.1, "momentum": 0.9}),
    ("sgd_dampening_wd", "SGD", {"lr": 0.1, "momentum": 0.8, "dampening": 0.3, "weight_decay": 1e-2}),
    ("sgd_nesterov", "SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 1e-3}),
    ("adagrad", "Adagrad", {"lr": 0.05}),
    ("adagrad_all", "Adagrad", {"lr": 0.05, "lr_decay": 0.01, "weight_decay": 1e-2, "initial_accumulator_value": 0.1}),
    ("rmsprop", "RMSprop", {"lr": 0.003}),
    ("rmsprop_centered_momentum", "RMSprop", {"lr": 0.001, "centered": True, "momentum": 0.9, "weight_decay": 1e-2}),
    ("adam", "Adam", {"lr": 0.01}),
    ("adam_l2_amsgrad", "Adam", {"lr": 0.01, "weight_decay": 1e-2, "amsgrad": True, "betas": (0.8, 0.99)}),
    ("adamw", "AdamW", {"lr": 0.01}),
    ("adamw_amsgrad", "AdamW", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}),
]  # fmt: skip


@pytest.mark.parametrize("case,cls,kw", CASES, ids=[c[0] for c in CASES])
def test_trajectory_matches_torch(case, cls, kw, batch):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    diffs, moved = run_pair(torch, batch, getattr(optimizers, cls), getattr(torch.optim, cls), kw)
    assert moved > 0.05, "the problem must actually move the weights"
    assert diffs.max() < 1e-12, f"diverged from torch at step {int(np.argmax(diffs > 1e-12))}"


CLIPS = [
    ("sgd", {"clipvalue": 0.05}),
    ("sgd", {"clipnorm": 0.1}),
    ("sgd", {"global_clipnorm": 0.2}),
    ("adam", {"global_clipnorm": 0.2, "clipvalue": 0.05}),
    ("rmsprop", {"clipnorm": 0.1}),
]


@pytest.mark.parametrize("name,clip", CLIPS)
def test_clipping_matches_torch_utils(name, clip, batch):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    mb_cls = optimizers._REGISTRY[name]
    torch_cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "rmsprop": torch.optim.RMSprop}
    kw = {"lr": 0.3, "momentum": 0.5} if name == "sgd" else {"lr": 0.01}
    diffs, moved = run_pair(torch, batch, mb_cls, torch_cls[name], kw, clip=clip)
    assert moved > 0.02
    assert diffs.max() < 1e-10
    # ...and the clipping really was active: without it the trajectory differs.
    unclipped, _ = run_pair(torch, batch, mb_cls, torch_cls[name], kw)
    x, y = batch
    assert unclipped.max() < 1e-10  # sanity: both sides agree without clipping too
    p1 = [Tensor(w, requires_grad=True) for w in init_weights()]
    p2 = [Tensor(w, requires_grad=True) for w in init_weights()]
    o1, o2 = mb_cls(p1, **kw, **clip), mb_cls(p2, **kw)
    for o, ps in ((o1, p1), (o2, p2)):
        mb_loss(ps, x, y).backward()
        o.step()
    assert max(np.abs(a.data - b.data).max() for a, b in zip(p1, p2)) > 1e-4


def test_param_groups_weight_decay_only_on_kernels(batch):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    kw = {"lr": 0.1, "momentum": 0.9}
    diffs, _ = run_pair(torch, batch, SGD, torch.optim.SGD, kw, groups=0.05)
    assert diffs.max() < 1e-10
    diffs, _ = run_pair(torch, batch, AdamW, torch.optim.AdamW, {"lr": 0.01}, groups=0.3)
    assert diffs.max() < 1e-10


def test_standalone_clip_functions_match_torch(rng):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    gs = [rng.normal(size=(3, 4)), rng.normal(size=(5,))]
    pm = [Tensor(np.zeros_like(g), requires_grad=True) for g in gs]
    pt = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in gs]
    for p, q, g in zip(pm, pt, gs):
        p.grad, q.grad = g.copy(), torch.tensor(g)
    total = clip_grad_norm(pm, 1.0)
    total_t = torch.nn.utils.clip_grad_norm_(pt, 1.0)
    assert total == pytest.approx(float(total_t), rel=1e-12)
    for p, q in zip(pm, pt):
        np.testing.assert_allclose(p.grad, q.grad.numpy(), rtol=1e-12)
    assert np.sqrt(sum((p.grad**2).sum() for p in pm)) == pytest.approx(1.0, rel=1e-5)
    clip_grad_value(pm, 0.1)
    torch.nn.utils.clip_grad_value_(pt, 0.1)
    for p, q in zip(pm, pt):
        np.testing.assert_array_equal(p.grad, q.grad.numpy())
    assert clip_grad_norm(pm, 100.0) < 100  # under the limit: unchanged
    np.testing.assert_array_equal(pm[1].grad, pt[1].grad.numpy())


def test_lr_change_between_steps_matches_torch(batch):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    x, y = batch
    pm = [Tensor(w, requires_grad=True) for w in init_weights()]
    pt = [torch.tensor(w, requires_grad=True) for w in init_weights()]
    om, ot = Adam(pm, lr=0.01), torch.optim.Adam(pt, lr=0.01)
    for k in range(20):
        lr = 0.02 / (1 + k)
        om.lr = lr
        for g in ot.param_groups:
            g["lr"] = lr
        om.zero_grad(), ot.zero_grad()
        mb_loss(pm, x, y).backward()
        torch_loss(torch, pt, x, y).backward()
        om.step(), ot.step()
    for a, b in zip(pm, pt):
        np.testing.assert_allclose(a.data, b.detach().numpy(), rtol=0, atol=1e-12)


def test_schedule_as_lr_is_evaluated_each_step():
    from mitbadak.schedules import StepDecay

    w = Tensor(np.array([1.0]), requires_grad=True)
    opt = SGD([w], lr=StepDecay(0.1, step_size=2, gamma=0.5))
    lrs = []
    for _ in range(5):
        w.grad = np.array([1.0])
        opt.step()
        lrs.append(opt.lr)
    assert lrs == pytest.approx([0.1, 0.1, 0.05, 0.05, 0.025])
    assert w.data[0] == pytest.approx(1 - sum(lrs))
    cfg = json.loads(json.dumps(optimizers.serialize(opt)))
    clone = optimizers.get(cfg, [Tensor(np.array([1.0]), requires_grad=True)])
    assert clone.schedule(4) == pytest.approx(0.025)


@pytest.mark.parametrize("name", ["sgd", "adagrad", "rmsprop", "adam", "adamw"])
def test_state_dict_roundtrip_resumes_identically(name, batch):
    x, y = batch
    kw = {"momentum": 0.9} if name == "sgd" else {"lr": 0.01}
    if name == "rmsprop":
        kw.update(centered=True, momentum=0.5)
    if name == "adam":
        kw.update(amsgrad=True)

    def train(ps, opt, n):
        for _ in range(n):
            opt.zero_grad()
            mb_loss(ps, x, y).backward()
            opt.step()

    ref = [Tensor(w, requires_grad=True) for w in init_weights()]
    opt_ref = optimizers.get(name, ref, **kw)
    train(ref, opt_ref, 10)

    a = [Tensor(w, requires_grad=True) for w in init_weights()]
    opt_a = optimizers.get(name, a, **kw)
    train(a, opt_a, 5)
    sd = opt_a.state_dict()
    meta = json.loads(json.dumps({k: v for k, v in sd.items() if k != "arrays"}))  # JSON-able
    assert all(isinstance(v, np.ndarray) for v in sd["arrays"].values())
    b = [Tensor(t.data.copy(), requires_grad=True) for t in a]
    opt_b = optimizers.get(sd["class_name"].lower(), b, **kw)
    opt_b.load_state_dict({**meta, "arrays": dict(sd["arrays"])})
    assert opt_b.iterations == 5 and opt_b.steps == [5] * 4
    train(b, opt_b, 5)
    for p, q in zip(ref, b):
        np.testing.assert_array_equal(p.data, q.data)


def test_load_state_dict_rejects_mismatches():
    w = Tensor(np.ones(3), requires_grad=True)
    opt = Adam([w])
    w.grad = np.ones(3)
    opt.step()
    sd = opt.state_dict()
    with pytest.raises(ConfigError, match="SGD"):
        SGD([Tensor(np.ones(3), requires_grad=True)]).load_state_dict(sd)
    with pytest.raises(ShapeError, match=r"0/exp_avg has shape \(3,\).*\(4,\)"):
        Adam([Tensor(np.ones(4), requires_grad=True)]).load_state_dict(sd)
    with pytest.raises(ConfigError, match="2"):
        Adam([Tensor(np.ones(3), requires_grad=True)] * 1 + [Tensor(np.ones(3))]).load_state_dict(
            sd
        )


def test_float32_stays_float32_and_grad_is_not_modified():
    for name in ["sgd", "adagrad", "rmsprop", "adam", "adamw"]:
        w = Tensor(np.ones((2, 3), np.float32), requires_grad=True)
        opt = optimizers.get(name, [w], weight_decay=0.1)
        g = np.full((2, 3), 0.5, np.float32)
        w.grad = g.copy()
        opt.step()
        opt.step()
        assert w.dtype == np.float32, name
        assert all(s.dtype == np.float32 for s in opt.state[0].values()), name
        np.testing.assert_array_equal(w.grad, g)  # updates never write into .grad
        assert (w.data < 1).all(), name


def test_params_without_grad_are_skipped():
    a, b = Tensor(np.ones(2), requires_grad=True), Tensor(np.ones(2), requires_grad=True)
    opt = Adam([a, b], lr=0.1)
    a.grad = np.ones(2)
    opt.step()
    np.testing.assert_array_equal(b.data, np.ones(2))
    assert opt.steps == [1, 0] and opt.iterations == 1


def test_config_errors():
    w = Tensor(np.ones(2), requires_grad=True)
    with pytest.raises(ConfigError, match="empty"):
        SGD([])
    with pytest.raises(ConfigError, match="momentum"):
        SGD([w], momentum=1.5)
    with pytest.raises(ConfigError, match="nesterov"):
        SGD([w], nesterov=True)
    with pytest.raises(ConfigError, match="lr"):
        Adam([w], lr=-1)
    with pytest.raises(ConfigError, match="betas"):
        Adam([w], betas=(0.9, 1.0))
    with pytest.raises(ConfigError, match="clipnorm"):
        RMSprop([w], clipnorm=0)
    with pytest.raises(ConfigError, match="unknown options"):
        SGD([{"params": [w], "betas": (0.9, 0.9)}])
    with pytest.raises(ConfigError, match="twice"):
        SGD([w, w])
    with pytest.raises(ConfigError, match="unknown optimizer"):
        optimizers.get("adamax", [w])
    with pytest.raises(TypeError):
        Adagrad([w], momentum=0.9)


def test_registry_and_config_roundtrip():
    w = Tensor(np.ones(2), requires_grad=True)
    for name, cls in [("sgd", SGD), ("adagrad", Adagrad), ("rmsprop", RMSprop), ("adam", Adam)]:
        assert type(optimizers.get(name.upper(), [w])) is cls
    opt = AdamW([w], lr=0.002, betas=(0.8, 0.9), global_clipnorm=1.0)
    spec = json.loads(json.dumps(optimizers.serialize(opt)))
    clone = optimizers.get(spec, [w])
    assert type(clone) is AdamW and clone.get_config() == opt.get_config()
    assert clone.param_groups[0]["betas"] == (0.8, 0.9) and clone.global_clipnorm == 1.0
    # PyTorch's defaults
    assert Adam([w]).get_config() == {
        "lr": 1e-3,
        "betas": [0.9, 0.999],
        "eps": 1e-8,
        "weight_decay": 0.0,
        "amsgrad": False,
    }
    assert AdamW([w]).param_groups[0]["weight_decay"] == 0.01
    assert RMSprop([w]).param_groups[0] | {"params": None} == {
        "lr": 0.01,
        "alpha": 0.99,
        "eps": 1e-8,
        "weight_decay": 0.0,
        "momentum": 0.0,
        "centered": False,
        "params": None,
    }
    assert Adagrad([w]).param_groups[0]["eps"] == 1e-10


def test_load_state_dict_rejects_malformed_files_and_changes_nothing():
    w = Tensor(np.ones(3), requires_grad=True)
    opt = Adam([w], lr=0.01)
    w.grad = np.ones(3)
    opt.step()
    good = opt.state_dict()
    before = opt.state_dict()
    bad_cases = [
        {**good, "steps": ["x"]},
        {**good, "iterations": -1},
        {**good, "param_groups": [{**good["param_groups"][0], "lr": -5.0}]},
        {**good, "param_groups": [{**good["param_groups"][0], "betas": [0.9]}]},
        {**good, "arrays": {"0/exp_avg": np.array(["a", "b", "c"])}},
        {**good, "arrays": {"7/exp_avg": np.ones(3)}},
        {**good, "arrays": [1, 2]},
        "not a dict",
    ]
    for bad in bad_cases:
        with pytest.raises(ConfigError):
            opt.load_state_dict(bad)
    after = opt.state_dict()
    assert after["param_groups"] == before["param_groups"] and after["steps"] == [1]
    np.testing.assert_array_equal(after["arrays"]["0/exp_avg"], before["arrays"]["0/exp_avg"])
    opt.load_state_dict({**good, "param_groups": [{**good["param_groups"][0], "lr": 0.5}]})
    assert opt.lr == 0.5  # the saved (e.g. scheduled) lr is restored
