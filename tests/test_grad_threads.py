"""Grad mode is per thread: ``no_grad`` in one thread leaves another thread recording, and two
playground networks trained at once in two threads match the same networks trained in turn."""

from __future__ import annotations

import threading

import numpy as np

import mitbadak as mb
from mitbadak.playground.engine import PlaygroundRun
from mitbadak.playground.setup import Setup


def test_no_grad_in_one_thread_does_not_stop_another() -> None:
    inside, go_on = threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def quiet() -> None:
        with mb.no_grad():
            inside.set()
            go_on.wait(5)
            seen["quiet"] = mb.is_grad_enabled()

    t = threading.Thread(target=quiet)
    t.start()
    inside.wait(5)
    x = mb.Tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()  # recorded here although the other thread is inside no_grad
    seen["main"] = mb.is_grad_enabled()
    go_on.set()
    t.join()
    y.backward()
    assert seen == {"quiet": False, "main": True}
    np.testing.assert_allclose(x.grad, [2.0, 4.0])


def _train(setup: Setup, epochs: int) -> list[float]:
    run = PlaygroundRun(setup)
    for _ in range(epochs):
        run.train_epoch()
        run.snapshot()  # runs under no_grad, interleaved with the other thread's fit
    return run.train_loss + run.test_loss


def test_two_threads_train_like_one_after_the_other() -> None:
    setups = [
        Setup(dataset="circle", samples=120, seed=1),
        Setup(dataset="xor", samples=120, seed=2, dropout=0.2),
    ]
    alone = [_train(s, 4) for s in setups]
    together: list[list[float]] = [[], []]

    def work(i: int) -> None:
        together[i] = _train(setups[i], 4)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert together == alone
