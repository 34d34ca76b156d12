""" "Export as Python": a runnable mitbadak script that reproduces a playground setup.

The script makes the same points, the same network (same seed, same layer order) and the same
``fit`` calls (one epoch each, seed ``SEED + epoch``) as the page, so after ``EPOCHS`` epochs it
prints the page's train and test losses.

Example:
    >>> from mitbadak.playground.setup import Setup
    >>> code = export_script(Setup(dataset="xor"), epochs=3)
    >>> "model.fit(" in code and "EPOCHS = 3" in code
    True
    >>> compile(code, "exported.py", "exec") is not None
    True
"""

from __future__ import annotations

from .datasets import is_regression
from .engine import load_doctor, load_points
from .setup import Setup


def _regularizer_code(setup: Setup) -> str:
    if setup.reg == "none" or setup.regrate == 0:
        return "None"
    return f"mb.regularizers.{setup.reg.upper()}({setup.regrate!r})"


def _optimizer_code(setup: Setup) -> str:
    if setup.optimizer == "momentum":
        return f"mb.optimizers.SGD(model.parameters(), lr={setup.lr!r}, momentum=0.9)"
    cls = {
        "sgd": "SGD",
        "adam": "Adam",
        "rmsprop": "RMSprop",
        "adagrad": "Adagrad",
        "adamw": "AdamW",
    }[setup.optimizer]
    return f"mb.optimizers.{cls}(model.parameters(), lr={setup.lr!r})"


def export_script(setup: Setup, epochs: int = 100) -> str:
    """The Python source of a script that trains ``setup`` for ``epochs`` epochs.

    Example:
        >>> "Dropout(0.2)" in export_script(Setup(dropout=0.2), epochs=1)
        True
    """
    _, labels = load_points(setup)
    regression = is_regression(setup.dataset, labels)
    loss = setup.loss_for(regression)
    init = repr(setup.init)
    act = repr(setup.activation)
    lines: list[str] = []
    for units in setup.hidden:
        if setup.bn:
            lines.append(
                f"    Dense({units}, kernel_initializer={init}, "
                f"kernel_regularizer={_regularizer_code(setup)}),"
            )
            lines.append("    BatchNormalization(),")
            lines.append(f"    Activation({act}),")
        else:
            lines.append(
                f"    Dense({units}, activation={act}, kernel_initializer={init}, "
                f"kernel_regularizer={_regularizer_code(setup)}),"
            )
        if setup.dropout > 0:
            lines.append(f"    Dropout({setup.dropout!r}),")
    out_act = "None" if regression else "'sigmoid'"
    lines.append(
        f"    Dense(1, activation={out_act}, kernel_initializer={init}, "
        f"kernel_regularizer={_regularizer_code(setup)}),"
    )
    layers = "\n".join(lines)
    if setup.dataset == "csv":
        data = (
            f"CSV_TEXT = {setup.csv!r}\n"
            "points, labels = datasets.parse_csv(CSV_TEXT)  # features scaled into [-5, 5]"
        )
    else:
        data = (
            f"points, labels = datasets.make_points({setup.dataset!r}, n={setup.samples}, "
            f"noise={setup.noise / 100.0!r}, seed=SEED)"
        )
    doctor = load_doctor()
    if doctor is not None:
        doctor_import = f"from {doctor.__module__} import Doctor\n"
        doctor_make = "doctor = Doctor()  # prints what it finds, as the page shows it\n"
        doctor_arg = "        callbacks=[doctor],\n"
    else:
        doctor_import = doctor_make = doctor_arg = ""
    query = "&".join(f"{k}={v}" for k, v in setup.to_query().items())
    return f'''"""A mitbadak playground setup, exported from the page.

Page setup: ?{query}
Run it: python this_file.py  (prints the train and test loss after EPOCHS epochs, which are the
numbers the page showed at that epoch).
"""

import mitbadak as mb
{doctor_import}from mitbadak.layers import Activation, BatchNormalization, Dense, Dropout  # noqa: F401
from mitbadak.playground import datasets

SEED = {setup.seed}
EPOCHS = {int(epochs)}
FEATURES = {list(setup.features)!r}

# The data: {"a regression" if regression else "a classification"} set of points in the plane.
{data}
x = datasets.feature_matrix(points, FEATURES)
x_train, y_train, x_test, y_test = datasets.split(x, labels, ratio={setup.ratio / 100.0!r}, seed=SEED)

# The network.
mb.set_seed(SEED)
model = mb.Sequential([
{layers}
])
model.build((1, len(FEATURES)))
model.compile({_optimizer_code(setup)}, {loss!r})

# Training: one epoch per fit call, as the page does.
{doctor_make}for epoch in range(EPOCHS):
    model.fit(
        x_train,
        y_train,
        batch_size={setup.batch},
        epochs=epoch + 1,
        initial_epoch=epoch,
        verbose=0,
{doctor_arg}        seed=SEED + epoch,
    )

train_loss = model.evaluate(x_train, y_train, batch_size=1024)
test_loss = model.evaluate(x_test, y_test, batch_size=1024)
print(f"epoch {{EPOCHS}}: train loss {{train_loss}}  test loss {{test_loss}}")
'''
