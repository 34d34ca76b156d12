"""How tests/data/model_v1.npz, weights_v1.npz and model_v1_expected.npz were made.

Run once with the code of main 8b9b085 (file format version 1, weights stored by position)
from the repository root; kept so the fixture can be read and remade the same way.
"""

import numpy as np

import mitbadak as mb
from mitbadak import Sequential
from mitbadak.layers import BatchNormalization, Dense, Dropout

mb.set_seed(0)
m = Sequential(
    [
        Dense(5, activation="relu", name="hidden"),
        BatchNormalization(name="bn"),
        Dropout(0.2, name="drop"),
        Dense(3, name="out"),
    ],
    name="fixture_v1",
)
m.compile("adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
rng = np.random.default_rng(0)
x = rng.normal(size=(40, 4)).astype("float32")
y = (x[:, 0] > 0).astype(int) + (x[:, 1] > 0)
m.fit(x, y, epochs=2, batch_size=8, verbose=0, seed=0)
m.save("tests/data/model_v1.npz", training_state=2)
m.save_weights("tests/data/weights_v1.npz")
np.savez("tests/data/model_v1_expected.npz", x=x[:6], pred=m.predict(x[:6]))
