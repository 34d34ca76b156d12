"""Reproducible and resumable training: a run killed mid-epoch (SIGKILL) and resumed from its
last checkpoint in a new process ends with the very same weights, bit for bit, as a run that was
never interrupted. The checkpoint holds the weights, the optimizer state, the epoch and the
states of every random generator (global, fit's shuffling/augmentation one, the layers')."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

SCRIPT = textwrap.dedent(
    '''
    import sys, time
    import numpy as np
    import mitbadak as mb
    from mitbadak.callbacks import Callback, LearningRateScheduler, ModelCheckpoint
    from mitbadak.layers import Activation, BatchNormalization, Dense, Dropout, Layer
    from mitbadak.random import make_rng

    class Noise(Layer):
        """Dropout-like: its own generator, drawn from in training only."""

        def __init__(self, **kw):
            super().__init__(**kw)
            self.rng = make_rng(None)

        def call(self, x, training=False):
            if not training:
                return x
            return x * mb.Tensor((self.rng.random(x.shape) > 0.2).astype(x.dtype) / 0.8)

    def augment(xb, rng):
        return xb + rng.normal(0.0, 0.05, xb.shape).astype(xb.dtype)

    mode, workdir, epochs, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    ds = mb.data.load_digits()
    x, y = (ds.data / 16).astype(np.float32), ds.target
    schedule = LearningRateScheduler(lambda epoch, lr: 0.01 * 0.8**epoch)
    fit_kw = dict(batch_size=64, epochs=epochs, validation_split=0.2, augment=augment, verbose=0)

    class Hang(Callback):
        """After the checkpoint of epoch `kill_after`, signal the parent in the middle of the
        next epoch and wait to be killed."""

        def on_train_batch_end(self, batch, logs=None):
            if self.epoch == kill_after and batch == 5:  # mid-epoch, after the checkpoint
                open(workdir + "/ready", "w").close()
                time.sleep(600)

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch

    if mode.startswith("resume"):
        model = mb.load_model(workdir + "/ckpt.npz")
        if mode == "resume_forgetful":  # control: drop the saved random states
            model.set_resume_state(None)
        model.fit(x, y, initial_epoch=model.epoch, callbacks=[schedule], **fit_kw)
    else:
        mb.set_seed(123)
        model = mb.Sequential([
            Dense(32), BatchNormalization(), Activation("relu"), Dropout(0.2), Noise(), Dense(10)
        ])
        model.compile("adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True),
                      metrics=["accuracy"])
        cbs = [schedule]
        if mode == "killed":
            cbs += [ModelCheckpoint(workdir + "/ckpt.npz", monitor="loss"), Hang()]
        model.fit(x, y, callbacks=cbs, **fit_kw)
    np.savez(workdir + f"/{mode}.npz", *model.get_weights(),
             iterations=model.optimizer.iterations)
    '''
)

EPOCHS, KILL_AFTER = 4, 2  # the checkpoint of epoch 2 (0-based: after epochs 0, 1) resumes


def run(tmp_path, mode):
    return subprocess.Popen(
        [
            sys.executable,
            str(tmp_path / "train.py"),
            mode,
            str(tmp_path),
            str(EPOCHS),
            str(KILL_AFTER),
        ],
        env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish(proc, timeout=120):
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err.decode()


def load(path):
    with np.load(path) as z:
        return [z[f"arr_{i}"] for i in range(len(z.files) - 1)], int(z["iterations"])


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_mid_epoch_and_resumed_gives_identical_weights(tmp_path):
    (tmp_path / "train.py").write_text(SCRIPT)
    full = run(tmp_path, "full")
    killed = run(tmp_path, "killed")
    deadline = time.time() + 120
    while not (tmp_path / "ready").exists():
        assert killed.poll() is None, killed.communicate()[1].decode()
        assert time.time() < deadline, "the training process never reached the kill point"
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)  # mid-epoch 3, after the checkpoint of epoch 2
    killed.wait(timeout=30)
    assert killed.returncode == -signal.SIGKILL
    assert not (tmp_path / "killed.npz").exists()
    resume = run(tmp_path, "resume")
    forgetful = run(tmp_path, "resume_forgetful")
    finish(full)
    finish(resume)
    finish(forgetful)

    w_full, it_full = load(tmp_path / "full.npz")
    w_resumed, it_resumed = load(tmp_path / "resume.npz")
    assert it_full == it_resumed
    assert len(w_full) == len(w_resumed) == 8  # with batch-norm's moving statistics
    for a, b in zip(w_full, w_resumed):
        np.testing.assert_array_equal(a, b)  # bit for bit
    # the control: same checkpoint, but fresh random generators -> another result
    w_forgetful, it_forgetful = load(tmp_path / "resume_forgetful.npz")
    assert it_forgetful == it_full
    assert not np.array_equal(w_forgetful[0], w_full[0])
