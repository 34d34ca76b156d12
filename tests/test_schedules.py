"""Learning-rate schedules: formulas, and torch.optim.lr_scheduler where they correspond."""

from __future__ import annotations

import json
import math

import pytest

from mitbadak import schedules
from mitbadak.errors import ConfigError
from mitbadak.schedules import (
    CosineDecay,
    ExponentialDecay,
    InverseTimeDecay,
    LambdaSchedule,
    PiecewiseConstantDecay,
    StepDecay,
)

EPOCHS = 40


def torch_lrs(scheduler_fn, lr0=0.1, epochs=EPOCHS):
    """The lr PyTorch uses at epochs 0..epochs-1 (scheduler.step() after each epoch)."""
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
    sched = scheduler_fn(torch.optim.lr_scheduler, opt)
    out = []
    for _ in range(epochs):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


def ours(schedule, epochs=EPOCHS):
    return [schedule(e) for e in range(epochs)]


def test_step_decay_matches_steplr():
    ref = torch_lrs(lambda s, o: s.StepLR(o, step_size=7, gamma=0.3))
    assert ours(StepDecay(0.1, step_size=7, gamma=0.3)) == pytest.approx(ref, rel=1e-12)


def test_exponential_matches_exponentiallr_and_staircase():
    ref = torch_lrs(lambda s, o: s.ExponentialLR(o, gamma=0.9))
    assert ours(ExponentialDecay(0.1, decay_rate=0.9)) == pytest.approx(ref, rel=1e-12)
    stair = ExponentialDecay(0.1, decay_rate=0.5, decay_steps=10, staircase=True)
    assert ours(stair) == pytest.approx([0.1 * 0.5 ** (e // 10) for e in range(EPOCHS)])
    assert ExponentialDecay(0.1, 0.5, decay_steps=10)(5) == pytest.approx(0.1 * 0.5**0.5)


def test_inverse_time_matches_lambdalr():
    ref = torch_lrs(lambda s, o: s.LambdaLR(o, lambda e: 1 / (1 + 0.5 * e / 3)))
    assert ours(InverseTimeDecay(0.1, decay_rate=0.5, decay_steps=3)) == pytest.approx(ref)
    stair = InverseTimeDecay(0.1, decay_rate=0.5, decay_steps=3, staircase=True)
    assert stair(5) == pytest.approx(0.1 / 1.5)


def test_cosine_matches_cosineannealinglr_and_stays_at_floor():
    ref = torch_lrs(lambda s, o: s.CosineAnnealingLR(o, T_max=30, eta_min=0.01), epochs=31)
    got = ours(CosineDecay(0.1, decay_steps=30, alpha=0.1), epochs=31)
    assert got == pytest.approx(ref, rel=1e-10)
    assert CosineDecay(0.1, 30, alpha=0.1)(100) == pytest.approx(0.01)
    assert CosineDecay(0.1, 30)(30) == 0.0


def test_cosine_warmup_is_linear_then_cosine():
    s = CosineDecay(0.0, decay_steps=20, alpha=0.05, warmup_target=0.2, warmup_steps=5)
    assert [s(t) for t in range(6)] == pytest.approx([0.0, 0.04, 0.08, 0.12, 0.16, 0.2])
    plain = CosineDecay(0.2, decay_steps=20, alpha=0.05)
    for t in range(5, 40):
        assert s(t) == pytest.approx(plain(t - 5))
    assert s(25) == pytest.approx(0.2 * 0.05)


def test_piecewise_constant_matches_multisteplr_shifted():
    # Keras switches just after a boundary, PyTorch at the milestone: milestones = b + 1.
    ref = torch_lrs(lambda s, o: s.MultiStepLR(o, milestones=[11, 26], gamma=0.1))
    got = ours(PiecewiseConstantDecay([10, 25], [0.1, 0.01, 0.001]))
    assert got == pytest.approx(ref, rel=1e-12)


def test_lambda_schedule_is_lambdalr_times_lr0():
    f = lambda e: 0.95**e if e < 10 else 0.5  # noqa: E731
    ref = torch_lrs(lambda s, o: s.LambdaLR(o, f))
    assert ours(LambdaSchedule(lambda e: 0.1 * f(e))) == pytest.approx(ref, rel=1e-12)
    with pytest.raises(ConfigError, match="cannot be saved"):
        schedules.serialize(LambdaSchedule(f))
    with pytest.raises(ConfigError):
        LambdaSchedule(3)


@pytest.mark.parametrize(
    "sched",
    [
        StepDecay(0.1, 5, 0.5),
        ExponentialDecay(0.1, 0.96, 100, staircase=True),
        InverseTimeDecay(0.1, 0.5, 10),
        CosineDecay(0.0, 100, alpha=0.1, warmup_target=0.1, warmup_steps=10),
        PiecewiseConstantDecay([3, 8], [1.0, 0.5, 0.1]),
    ],
    ids=lambda s: type(s).__name__,
)
def test_serialize_roundtrip_through_json(sched):
    spec = json.loads(json.dumps(schedules.serialize(sched)))
    clone = schedules.get(spec)
    assert type(clone) is type(sched)
    assert [clone(t) for t in range(0, 120, 7)] == [sched(t) for t in range(0, 120, 7)]


def test_get_by_name_and_errors():
    s = schedules.get("cosine", initial_learning_rate=1.0, decay_steps=4)
    assert s(2) == pytest.approx(0.5)
    assert schedules.get(math.sqrt) is math.sqrt
    with pytest.raises(ConfigError, match="unknown schedule"):
        schedules.get("linear")
    with pytest.raises(ConfigError, match="values"):
        PiecewiseConstantDecay([1, 2], [1.0])
    with pytest.raises(ConfigError, match="increase"):
        PiecewiseConstantDecay([2, 1], [1.0, 2.0, 3.0])
    with pytest.raises(ConfigError, match="step_size"):
        StepDecay(0.1, 0)
    with pytest.raises(ConfigError, match="alpha"):
        CosineDecay(0.1, 10, alpha=2)
    with pytest.raises(ConfigError, match="step must be >= 0"):
        StepDecay(0.1, 2)(-1)
    with pytest.raises(ConfigError, match="invalid config"):
        schedules.get({"class_name": "StepDecay", "config": {"bogus": 1}})
