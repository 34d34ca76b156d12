"""Training sessions: one network per open tab, trained in its own background thread.

The HTTP handlers never train: they change a session's flags (play, pause, step, a new setup)
and read its latest snapshot, which the worker thread publishes after every epoch. A session
that no page has polled for :data:`IDLE_PAUSE_S` seconds pauses; after :data:`IDLE_DROP_S` it
is dropped.

Example:
    >>> from mitbadak.playground.engine import PlaygroundRun
    >>> from mitbadak.playground.setup import Setup
    >>> s = Session(lambda: PlaygroundRun(Setup(dataset="xor", samples=40)))
    >>> s.step()["state"]["epoch"]
    1
    >>> s.close()
"""

from __future__ import annotations

import contextvars
import secrets
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np

from ..errors import MitbadakError
from ..messages import message

IDLE_PAUSE_S = 30.0
IDLE_DROP_S = 600.0
MAX_SESSIONS = 16  # more tabs than this: the longest-unseen session is dropped
CURVE_POINTS = 400


def _curve(values: list[float]) -> list:
    """At most about CURVE_POINTS values (every k-th, always the last) for the loss chart."""
    k = max(1, -(-len(values) // CURVE_POINTS))
    picked = values[::k]
    if (len(values) - 1) % k:
        picked = picked + values[-1:]
    return [v if np.isfinite(v) else None for v in picked]


def _message(e: BaseException) -> str:
    if isinstance(e, MitbadakError):
        return str(e)
    return message("error.playground.internal", type=type(e).__name__, error=e)


class Session:
    """A network being trained for one page; ``factory()`` builds its run.

    The run is anything with ``epoch``, ``train_loss``, ``test_loss``, ``diverged``,
    ``train_epoch()``, ``snapshot()`` and ``inputs()`` (a PlaygroundRun or a DigitsRun).

    Example:
        >>> from mitbadak.playground.digits import DigitsRun, DigitsSetup
        >>> s = Session(lambda: DigitsRun(DigitsSetup(hidden=8)), kind="digits")
        >>> s.play(True)["running"], s.play(False)["running"]
        (True, False)
        >>> s.close()
    """

    def __init__(self, factory: Callable[[], Any], kind: str = "playground") -> None:
        self.id = secrets.token_hex(8)
        self.kind = kind
        self.cond = threading.Condition()
        self.run = factory()
        self.version = 1
        self.running = False
        self.pending = 0
        self.steps_done = 0
        self.error: str | None = None
        self.closed = False
        self.last_seen = time.monotonic()
        self.state = self._publish_state(self.run)
        # the worker runs in a copy of this context: it speaks the language of the request
        work = contextvars.copy_context().run
        self.thread = threading.Thread(
            target=work, args=(self._work,), name=f"playground-{self.id}", daemon=True
        )
        self.thread.start()

    # -------------------------------------------------------------------- worker thread
    def _publish_state(self, run: Any) -> dict[str, Any]:
        state = run.snapshot()
        state["train_curve"] = _curve(run.train_loss)
        state["test_curve"] = _curve(run.test_loss)
        if hasattr(run, "test_acc"):
            state["acc_curve"] = _curve(run.test_acc)
        return state

    def _work(self) -> None:
        while True:
            with self.cond:
                while not self.closed and not (self.running or self.pending):
                    self.cond.wait(timeout=1.0)
                    if self.running and time.monotonic() - self.last_seen > IDLE_PAUSE_S:
                        self.running = False
                if self.closed:
                    return
                if time.monotonic() - self.last_seen > IDLE_PAUSE_S:
                    self.running = False
                run, version = self.run, self.version
                if self.pending:
                    self.pending -= 1
            try:
                run.train_epoch()
                state = self._publish_state(run)
                error = None
                if run.diverged:
                    error = message("error.playground.diverged", epoch=run.epoch)
            except Exception as e:  # never let the thread die: show it on the page
                if not isinstance(e, MitbadakError):
                    traceback.print_exc()
                state, error = None, _message(e)
            with self.cond:
                if version == self.version:  # not replaced by a new setup meanwhile
                    if state is not None:
                        self.state = state
                    if error:
                        self.error, self.running, self.pending = error, False, 0
                    self.steps_done += 1
                self.cond.notify_all()
            time.sleep(0)  # let the other tabs' threads have the engine

    # ----------------------------------------------------------------- handler side
    def touch(self) -> None:
        self.last_seen = time.monotonic()

    def replace(self, factory: Callable[[], Any]) -> dict[str, Any]:
        """A new setup: build its run (errors raise, the old run stays) and pause."""
        run = factory()
        state = self._publish_state(run)
        with self.cond:
            self.run, self.state = run, state
            self.version += 1
            self.running, self.pending, self.error = False, 0, None
            self.cond.notify_all()
        return self.describe(inputs=True)

    def play(self, on: bool) -> dict[str, Any]:
        with self.cond:
            self.running = bool(on) and not self.run.diverged
            self.touch()
            self.cond.notify_all()
        return self.describe()

    def step(self, timeout: float = 30.0) -> dict[str, Any]:
        """Train one epoch (pausing first) and answer when it is done."""
        with self.cond:
            self.running = False
            if self.run.diverged:
                return self.describe()
            self.pending += 1
            target = self.steps_done + self.pending
            version = self.version
            self.touch()
            self.cond.notify_all()
            end = time.monotonic() + timeout
            while self.steps_done < target and version == self.version and not self.error:
                left = end - time.monotonic()
                if left <= 0:
                    break
                self.cond.wait(left)
        return self.describe()

    def wait_state(self, after_epoch: int, version: int, timeout: float = 1.0) -> dict[str, Any]:
        """Long poll: answer when the epoch or the setup changed, or after ``timeout``."""
        self.touch()
        with self.cond:
            end = time.monotonic() + timeout
            while (
                self.state["epoch"] == after_epoch
                and self.version == version
                and not self.closed
                and (self.running or self.pending)
            ):
                left = end - time.monotonic()
                if left <= 0:
                    break
                self.cond.wait(left)
        return self.describe(inputs=self.version != version)

    def describe(self, inputs: bool = False) -> dict[str, Any]:
        with self.cond:
            out: dict[str, Any] = {
                "session": self.id,
                "version": self.version,
                "running": self.running,
                "error": self.error,
                "state": self.state,
            }
            if inputs:
                out["inputs"] = self.run.inputs()
        return out

    def close(self) -> None:
        with self.cond:
            self.closed = True
            self.cond.notify_all()
        self.thread.join(timeout=5)


class Sessions:
    """All the sessions of one server, by id.

    Example:
        >>> sessions = Sessions(); sessions.get("nope") is None
        True
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: dict[str, Session] = {}

    def add(self, session: Session) -> Session:
        with self.lock:
            self._drop_idle()
            while len(self.items) >= MAX_SESSIONS:
                oldest = min(self.items.values(), key=lambda s: s.last_seen)
                self._drop(oldest.id)
            self.items[session.id] = session
        return session

    def _drop(self, sid: str) -> None:
        s = self.items.pop(sid)
        with s.cond:
            s.closed = True
            s.cond.notify_all()

    def get(self, sid: str) -> Session | None:
        with self.lock:
            return self.items.get(sid)

    def _drop_idle(self) -> None:
        now = time.monotonic()
        for sid, s in list(self.items.items()):
            if now - s.last_seen > IDLE_DROP_S:
                self._drop(sid)

    def close_all(self) -> None:
        with self.lock:
            items, self.items = list(self.items.values()), {}
        for s in items:
            s.close()
