"""Devices without a GPU: the clear errors, the cpu paths, and the GPU tests (marked ``gpu``,
skipped with the reason when CuPy or a CUDA device is absent)."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import backend
from mitbadak.cli import main
from mitbadak.data import DataLoader
from mitbadak.errors import DeviceError
from mitbadak.layers import Dense

HAVE_GPU = backend.gpu_available()
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(not HAVE_GPU, reason="CuPy or a CUDA device is absent")


def _dense() -> mb.Sequential:
    m = mb.Sequential([Dense(4, activation="relu"), Dense(1)])
    m.compile("adam", "mse")
    return m


@pytest.mark.skipif(HAVE_GPU, reason="this machine has a GPU")
def test_cuda_without_cupy_names_the_extra() -> None:
    with pytest.raises(DeviceError, match=r"mitbadak\[gpu\]"):
        mb.Tensor([1.0]).to("cuda")
    with pytest.raises(DeviceError, match="gpu-cuda12"):
        _dense().to("cuda")
    with pytest.raises(DeviceError, match=r"mitbadak\[gpu\]"):
        _dense().fit(np.ones((4, 3)), np.ones((4, 1)), device="cuda", verbose=0)
    with pytest.raises(DeviceError, match=r"mitbadak\[gpu\]"):
        DataLoader(np.ones((4, 3)), device="cuda")


@pytest.mark.skipif(HAVE_GPU, reason="this machine has a GPU")
def test_cli_train_device_cuda_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    rc = main(["train", "--device", "cuda", "--epochs", "1", "--out", str(tmp_path / "m.npz")])
    assert rc == 1
    assert "mitbadak[gpu]" in capsys.readouterr().err


def test_bad_device_name() -> None:
    with pytest.raises(mb.errors.DTypeError, match=r"a dtype or a device \('cpu', 'cuda'\)"):
        mb.Tensor([1.0]).to("tpu")
    with pytest.raises(DeviceError, match="expected 'cpu' or 'cuda'"):
        mb.Tensor([1.0]).to(device="tpu")
    with pytest.raises(DeviceError, match="got 'mps'"):
        backend.parse_device("mps")


def test_cpu_device_paths() -> None:
    t = mb.Tensor([1.0, 2.0], requires_grad=True)
    assert t.device == "cpu" and t.to("cpu") is t and t.to(device="cpu") is t
    m = _dense()
    h = m.fit(np.ones((4, 3)), np.ones((4, 1)), device="cpu", verbose=0, epochs=2)
    assert m.device == "cpu" and len(h.history["loss"]) == 2
    xb, yb = next(iter(DataLoader(np.ones((4, 3)), np.ones(4), batch_size=2, device="cpu")))
    assert type(xb) is np.ndarray and xb.shape == (2, 3)
    assert backend.to_host(np.arange(2)).tolist() == [0, 1]


@gpu
@needs_gpu
def test_gpu_tensor_round_trip_and_gradient() -> None:
    import cupy as cp

    x = mb.Tensor(np.array([1.0, 2.0, 3.0]), requires_grad=True)
    y = x.to("cuda")
    assert isinstance(y.data, cp.ndarray) and y.device == "cuda"
    ((y * y).sum()).backward()
    assert x.grad is not None and type(x.grad) is np.ndarray
    np.testing.assert_allclose(x.grad, [2.0, 4.0, 6.0])


@gpu
@needs_gpu
def test_gpu_fit_matches_cpu_and_saves_host_arrays(tmp_path) -> None:
    x = np.random.default_rng(0).standard_normal((64, 3)).astype(np.float32)
    y = x.sum(1, keepdims=True)
    losses = []
    for device in ("cpu", "cuda"):
        mb.set_seed(0)
        m = _dense()
        losses.append(m.fit(x, y, epochs=3, verbose=0, device=device, seed=0).history["loss"])
    np.testing.assert_allclose(losses[1], losses[0], rtol=1e-4)
    assert all(type(w) is np.ndarray for w in m.get_weights())
    m.save(tmp_path / "m.npz")
    back = mb.load_model(tmp_path / "m.npz").to("cuda")
    np.testing.assert_allclose(back.predict(x, verbose=0), m.predict(x, verbose=0), rtol=1e-5)
