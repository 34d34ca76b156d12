"""Complete Keras-shaped programs, each written once as a function of the ``keras`` module and
run twice: on ``mitbadak.keras`` and on real Keras 3 (PyTorch backend). Same data, small
subsets; the accuracies must be close (each framework has its own initial weights)."""

from __future__ import annotations

import os

import numpy as np
import pytest

import mitbadak.keras as mkeras

os.environ.setdefault("KERAS_BACKEND", "torch")


def real_keras():
    return pytest.importorskip("keras")


# ------------------------------------------------------------------- MNIST convnet
def mnist_subset(n_train=1500, n_test=500):
    try:
        (x_train, y_train), (x_test, y_test) = mkeras.datasets.mnist.load_data()
    except Exception as e:  # no data here (CI without the shared folder)
        pytest.skip(f"MNIST not available: {e}")
    x_train = x_train[:n_train].astype("float32") / 255.0
    x_test = x_test[:n_test].astype("float32") / 255.0
    return (x_train[..., None], y_train[:n_train]), (x_test[..., None], y_test[:n_test])


def mnist_convnet(keras, data, epochs=3):
    """keras.io's "Simple MNIST convnet", shrunk: channels-last images (n, 28, 28, 1)."""
    (x_train, y_train), (x_test, y_test) = data
    num_classes = 10
    y_train = keras.utils.to_categorical(y_train, num_classes)
    y_test = keras.utils.to_categorical(y_test, num_classes)
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(8, kernel_size=(3, 3), activation="relu"),
            keras.layers.MaxPooling2D(pool_size=(2, 2)),
            keras.layers.Conv2D(16, kernel_size=(3, 3), activation="relu"),
            keras.layers.MaxPooling2D(pool_size=(2, 2)),
            keras.layers.Flatten(),
            keras.layers.Dropout(0.25),
            keras.layers.Dense(num_classes, activation="softmax"),
        ]
    )
    model.compile(
        loss="categorical_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=2e-3),
        metrics=["accuracy"],
    )
    model.fit(x_train, y_train, batch_size=64, epochs=epochs, verbose=0)
    loss, acc = model.evaluate(x_test, y_test, verbose=0)
    return model, float(loss), float(acc)


def test_mnist_convnet_channels_last_learns():
    data = mnist_subset()
    model, loss, acc = mnist_convnet(mkeras, data)
    assert model.layers[0].data_format == "channels_last"
    assert model.count_params() == 8 * 9 + 8 + 16 * 8 * 9 + 16 + 400 * 10 + 10
    assert acc > 0.8, acc  # real Keras on the same subset: 0.848 (measured)


@pytest.mark.slow
def test_mnist_convnet_matches_real_keras():
    keras = real_keras()
    data = mnist_subset()
    _, loss_m, acc_m = mnist_convnet(mkeras, data)
    _, loss_k, acc_k = mnist_convnet(keras, data)
    print(
        f"MNIST convnet: mitbadak acc {acc_m:.4f} loss {loss_m:.4f}; "
        f"keras acc {acc_k:.4f} loss {loss_k:.4f}"
    )
    assert abs(acc_m - acc_k) < 0.05, (acc_m, acc_k)


# -------------------------------------------------------- functional two-input model
def two_input_data(n=600, seed=0):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(n, 6)).astype("float32")
    b = rng.normal(size=(n, 4)).astype("float32")
    y = ((a[:, 0] + b[:, 0] * a[:, 1]) > 0).astype("float32")
    return a, b, y


def two_input_program(keras, data, epochs=15):
    a, b, y = data
    keras.utils.set_random_seed(1)
    in_a = keras.Input(shape=(6,), name="a")
    in_b = keras.Input(shape=(4,), name="b")
    shared = keras.layers.Dense(16, activation="relu", name="shared")
    xa = shared(keras.layers.Dense(16, name="proj_a")(in_a))
    xb = shared(keras.layers.Dense(16, name="proj_b")(in_b))
    x = keras.layers.Concatenate()([xa, xb, keras.layers.Multiply()([xa, xb])])
    x = keras.layers.Dense(16, activation="relu")(x)
    out = keras.layers.Dense(1, activation="sigmoid", name="out")(x)
    model = keras.Model(inputs=[in_a, in_b], outputs=out)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy", metrics=["accuracy"]
    )
    n_train = int(len(y) * 0.75)
    model.fit([a[:n_train], b[:n_train]], y[:n_train], batch_size=32, epochs=epochs, verbose=0)
    res = model.evaluate([a[n_train:], b[n_train:]], y[n_train:], verbose=0)
    return model, float(res[1])


def test_two_input_model_graph_without_fit():
    """The graph, shared layer and calls work now; training on lists is issue 11's part."""
    a, b, y = two_input_data(64)
    in_a, in_b = mkeras.Input(shape=(6,), name="a"), mkeras.Input(shape=(4,), name="b")
    shared = mkeras.layers.Dense(5, name="shared")
    out = mkeras.layers.Add()(
        [shared(mkeras.layers.Dense(5)(in_a)), shared(mkeras.layers.Dense(5)(in_b))]
    )
    model = mkeras.Model(inputs=[in_a, in_b], outputs=out)
    assert model([a, b]).shape == (64, 5)
    assert model({"a": a, "b": b}).shape == (64, 5)
    assert len(model.inputs) == 2 and model.outputs[0].shape == (None, 5)
    assert sum(la.name == "shared" for la in model.layers) == 1
    assert "shared[1][0]" in model.summary(print_fn=None)


def test_two_input_functional_model_trains_with_a_hand_loop():
    """The same graph as two_input_program, trained by a PyTorch-style loop over
    ``model([a, b])``: real Keras' fit reaches 0.887 on this split (measured)."""
    import mitbadak as mb

    a, b, y = two_input_data()
    mkeras.utils.set_random_seed(1)
    in_a, in_b = mkeras.Input(shape=(6,), name="a"), mkeras.Input(shape=(4,), name="b")
    shared = mkeras.layers.Dense(16, activation="relu", name="shared")
    xa = shared(mkeras.layers.Dense(16, name="proj_a")(in_a))
    xb = shared(mkeras.layers.Dense(16, name="proj_b")(in_b))
    x = mkeras.layers.Concatenate()([xa, xb, mkeras.layers.Multiply()([xa, xb])])
    x = mkeras.layers.Dense(16, activation="relu")(x)
    model = mkeras.Model([in_a, in_b], mkeras.layers.Dense(1, activation="sigmoid")(x))
    opt = mkeras.optimizers.Adam(1e-2)
    opt.build(model.trainable_weights)
    loss_fn = mkeras.losses.BinaryCrossentropy()
    n = 450
    rng = np.random.default_rng(0)
    for _ in range(15):
        order = rng.permutation(n)
        for lo in range(0, n, 32):
            idx = order[lo : lo + 32]
            loss = loss_fn(y[idx], model([a[idx], b[idx]], training=True))
            opt.zero_grad()
            loss.backward()
            opt.step()
    with mb.no_grad():
        pred = model([a[n:], b[n:]], training=False).data[:, 0] > 0.5
    acc = float((pred == (y[n:] > 0.5)).mean())
    print(f"two-input hand loop: mitbadak acc {acc:.4f} (Keras fit: 0.887)")
    assert acc > 0.83, acc


def test_two_input_functional_program_learns():
    _, acc = two_input_program(mkeras, two_input_data())
    assert acc > 0.85, acc


@pytest.mark.slow
def test_two_input_functional_program_matches_keras():
    keras = real_keras()
    data = two_input_data()
    _, acc_m = two_input_program(mkeras, data)
    _, acc_k = two_input_program(keras, data)
    # Same program, different random initial weights: mitbadak must reach what Keras reaches
    # (measured: 0.953 vs Keras 0.887 on this data).
    assert acc_m > acc_k - 0.06, (acc_m, acc_k)


# --------------------------------------------------- custom layer: add_weight, add_loss
def custom_layer_program(keras, epochs=20):
    class Linear(keras.layers.Layer):
        def __init__(self, units=32, **kwargs):
            super().__init__(**kwargs)
            self.units = units

        def build(self, input_shape):
            self.w = self.add_weight(
                shape=(input_shape[-1], self.units), initializer="random_normal", trainable=True
            )
            self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

        def call(self, inputs):
            return keras.ops.matmul(inputs, self.w) + self.b

    class ActivityRegularization(keras.layers.Layer):
        def __init__(self, rate=1e-3):
            super().__init__()
            self.rate = rate

        def call(self, inputs):
            self.add_loss(self.rate * keras.ops.sum(keras.ops.square(inputs)))
            return inputs

    rng = np.random.default_rng(3)
    x = rng.normal(size=(400, 8)).astype("float32")
    y = (x[:, :2].sum(axis=1) > 0).astype("int64")
    keras.utils.set_random_seed(2)
    inputs = keras.Input(shape=(8,))
    h = ActivityRegularization()(keras.ops.relu(Linear(16)(inputs)))
    outputs = keras.layers.Dense(2)(h)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-2),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    model.fit(x, y, batch_size=32, epochs=epochs, verbose=0)
    return model, float(model.evaluate(x, y, verbose=0)[1])


def test_custom_layer_with_add_weight_and_add_loss():
    model, acc = custom_layer_program(mkeras)
    assert acc > 0.9, acc
    assert len(model.losses) >= 1


# ----------------------------------------------------------- train_step override
def train_step_program(keras):
    class CustomModel(keras.Model):
        def train_step(self, data):
            x, y = data
            self.custom_calls = getattr(self, "custom_calls", 0) + 1
            return super().train_step(data)

    rng = np.random.default_rng(4)
    x = rng.normal(size=(128, 4)).astype("float32")
    y = x @ np.array([1.0, -2.0, 0.5, 0.0], "float32")[:, None]
    inputs = keras.Input(shape=(4,))
    model = CustomModel(inputs, keras.layers.Dense(1)(inputs))
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=2, batch_size=32, verbose=0)
    return model


def test_train_step_override_is_called():
    model = train_step_program(mkeras)
    assert model.custom_calls == 8


# ------------------------------------------------------- a callback using every hook
HOOKS = [
    "on_train_begin",
    "on_train_end",
    "on_epoch_begin",
    "on_epoch_end",
    "on_train_batch_begin",
    "on_train_batch_end",
    "on_test_begin",
    "on_test_end",
    "on_test_batch_begin",
    "on_test_batch_end",
    "on_predict_begin",
    "on_predict_end",
    "on_predict_batch_begin",
    "on_predict_batch_end",
]


def every_hook_program(keras):
    class Recorder(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.calls = {}

        def _rec(self, name, logs):
            assert isinstance(logs, dict), (name, logs)
            self.calls[name] = self.calls.get(name, 0) + 1

    for hook in HOOKS:
        if hook.endswith("_begin") or hook.endswith("_end"):
            if "batch" in hook or "epoch" in hook:
                setattr(Recorder, hook, lambda self, i, logs=None, _h=hook: self._rec(_h, logs))
            else:
                setattr(Recorder, hook, lambda self, logs=None, _h=hook: self._rec(_h, logs))
    rng = np.random.default_rng(5)
    x = rng.normal(size=(64, 3)).astype("float32")
    y = x.sum(axis=1, keepdims=True)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    rec = Recorder()
    model.fit(x, y, batch_size=16, epochs=2, validation_data=(x, y), verbose=0, callbacks=[rec])
    model.evaluate(x, y, batch_size=32, verbose=0, callbacks=[rec])
    model.predict(x, batch_size=32, verbose=0, callbacks=[rec])
    return rec.calls


def test_callback_every_hook_at_keras_moments():
    ours = every_hook_program(mkeras)
    try:
        theirs = every_hook_program(real_keras())
    except pytest.skip.Exception:
        theirs = None
    assert set(ours) == set(HOOKS)
    if theirs is not None:
        assert ours == theirs
