"""Data augmentation: exact geometry on known maps, seeding, per-sample randomness, dtype and
shape, from_spec, augment_grid and the fit(augment=...) hook."""

from __future__ import annotations

import numpy as np
import pytest

from mitbadak import ConfigError, ShapeError
from mitbadak.data import augment as aug


def _batch(n: int = 6, c: int = 1, h: int = 9, w: int = 9, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).random((n, c, h, w), dtype=np.float32)


def _shift(dx: float, dy: float) -> np.ndarray:
    """Inverse map of a shift by (dx, dy): the output at p reads the input at p - (dx, dy)."""
    return np.array([[[1.0, 0.0, -dx], [0.0, 1.0, -dy], [0.0, 0.0, 1.0]]])


@pytest.mark.parametrize("interpolation", ["bilinear", "nearest"])
def test_affine_warp_integer_shift_is_exact(interpolation):
    x = _batch(1, 2, 5, 6)
    y = aug.affine_warp(x, _shift(2, -1), interpolation)
    ref = np.zeros_like(x)
    ref[:, :, :-1, 2:] = x[:, :, 1:, :-2]  # right by 2, up by 1, zeros come in
    np.testing.assert_array_equal(y, ref)


def test_affine_warp_bilinear_half_pixel_is_the_average():
    x = _batch(1, 1, 4, 4)
    y = aug.affine_warp(x, _shift(-0.5, 0), "bilinear")
    np.testing.assert_allclose(y[..., :-1], (x[..., :-1] + x[..., 1:]) / 2, rtol=1e-6)
    assert (y[..., -1] == x[..., -1] / 2).all()  # half of the last column reads the fill 0
    with pytest.raises(ConfigError):
        aug.affine_warp(x, _shift(1, 0), "cubic")


@pytest.mark.parametrize("interpolation", ["bilinear", "nearest"])
def test_rotation_by_90_degrees_is_rot90_counter_clockwise(interpolation):
    x = _batch(3, 2, 7, 7)
    y = aug.RandomRotation((90, 90), interpolation=interpolation)(x)
    np.testing.assert_allclose(y, np.rot90(x, 1, axes=(2, 3)), atol=1e-5)


def test_identity_parameters_keep_the_images():
    x = _batch()
    np.testing.assert_allclose(aug.RandomAffine()(x), x, atol=1e-6)
    np.testing.assert_allclose(aug.RandomZoom((1.0, 1.0))(x), x, atol=1e-6)
    np.testing.assert_array_equal(aug.RandomHorizontalFlip(p=0.0)(x), x)
    np.testing.assert_array_equal(aug.RandomHorizontalFlip(p=1.0)(x), x[..., ::-1])
    np.testing.assert_array_equal(aug.GaussianNoise(0.0)(x), x)


def test_zoom_in_by_two_magnifies_the_center():
    x = np.zeros((1, 1, 9, 9), np.float32)
    x[0, 0, 4, 4] = 1.0
    x[0, 0, 4, 5] = 1.0
    y = aug.RandomZoom((2.0, 2.0), interpolation="nearest")(x)
    assert y[0, 0, 4, 4] == 1 and y[0, 0, 4, 6] == 1 and y[0, 0, 4, 8] == 0


def test_same_seed_same_output_and_samples_differ():
    x = np.repeat(_batch(1), 8, axis=0)
    make = lambda seed: aug.Compose(  # noqa: E731
        [aug.RandomShift(2), aug.RandomRotation(10), aug.RandomZoom(0.1),
         aug.GaussianNoise(0.05), aug.RandomErasing(0.5)], seed=seed,
    )  # fmt: skip
    a, b, c = make(0)(x), make(0)(x), make(1)(x)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert not np.allclose(a[0], a[1])  # each image draws its own parameters
    t = make(0)
    first, second = t(x), t(x)
    assert not np.array_equal(first, second)  # the generator moves on between calls
    rng_out = make(5)(x, np.random.default_rng(3))
    np.testing.assert_array_equal(rng_out, make(6)(x, np.random.default_rng(3)))


@pytest.mark.parametrize(
    "transform",
    [
        aug.RandomShift(0.2),
        aug.RandomRotation(15),
        aug.RandomZoom(0.2),
        aug.RandomHorizontalFlip(),
        aug.GaussianNoise(0.1, clip=(0.0, 1.0)),
        aug.RandomErasing(1.0),
        aug.Normalize(0.5, 0.25),
        aug.from_spec("shift=2,rotate=10,zoom=0.1,flip,noise=0.05,erase=0.2"),
    ],
)
def test_shapes_and_float32_are_kept(transform):
    x = _batch(4, 3, 10, 12)
    y = transform(x, np.random.default_rng(0))
    assert y.shape == x.shape and y.dtype == np.float32
    assert np.isfinite(y).all()


def test_random_erasing_rectangles():
    x = np.ones((50, 1, 20, 20), np.float32)
    y = aug.RandomErasing(p=1.0, scale=(0.1, 0.2), value=0.0, seed=0)(x)
    erased = (y == 0).reshape(50, -1).sum(axis=1)
    assert (erased >= 0.05 * 400).all() and (erased <= 0.3 * 400).all()
    for img in y[:, 0]:  # the zeros form one full rectangle
        rows, cols = np.nonzero(img == 0)
        assert len(rows) == (rows.max() - rows.min() + 1) * (cols.max() - cols.min() + 1)
    none = aug.RandomErasing(p=0.0)(x)
    np.testing.assert_array_equal(none, x)


def test_noise_statistics_and_normalize():
    y = aug.GaussianNoise(0.2, seed=0)(np.zeros((64, 1, 16, 16), np.float32))
    assert abs(float(y.mean())) < 0.01 and abs(float(y.std()) - 0.2) < 0.01
    x = _batch(2, 3, 4, 4)
    z = aug.Normalize([0.1, 0.2, 0.3], [1.0, 2.0, 4.0])(x)
    np.testing.assert_allclose(z[:, 2], (x[:, 2] - 0.3) / 4.0, rtol=1e-6)
    with pytest.raises(ShapeError):
        aug.Normalize([0.1, 0.2], [1.0, 1.0])(x)
    with pytest.raises(ConfigError):
        aug.Normalize(0.0, 0.0)


def test_compose_merges_geometry_into_one_warp():
    """Shift then shift-back composes to the identity exactly (one interpolation, no blur)."""
    x = _batch(2)
    fwd = aug.RandomAffine(translate=(0.0, 0.0))
    t = aug.Compose([fwd, aug.RandomRotation((30, 30)), aug.RandomRotation((-30, -30))])
    np.testing.assert_allclose(t(x), x, atol=1e-5)


def test_from_spec_and_errors():
    t = aug.from_spec(
        "shift=2, rotate=10, zoom=0.1, flip=0.3, noise=0.05, erase, normalize=0.1/0.3"
    )
    names = [type(s).__name__ for s in t.transforms]
    assert names == ["RandomAffine", "RandomHorizontalFlip", "GaussianNoise", "RandomErasing",
                     "Normalize"]  # fmt: skip
    geo = t.transforms[0]
    assert geo.translate == (2.0, 2.0) and geo.degrees == (-10.0, 10.0) and geo.zoom == (0.9, 1.1)
    assert t.transforms[1].p == 0.3 and t.transforms[3].p == 0.5
    assert aug.from_spec("").transforms == []
    with pytest.raises(ConfigError, match="unknown augmentation 'blur'"):
        aug.from_spec("blur=3")
    with pytest.raises(ConfigError, match="bad value"):
        aug.from_spec("rotate=lots")
    with pytest.raises(ConfigError):
        aug.RandomRotation(-5)
    with pytest.raises(ConfigError):
        aug.RandomZoom(1.5)
    with pytest.raises(ShapeError, match=r"\(N, C, H, W\)"):
        aug.RandomShift(2)(np.zeros((4, 28, 28)))


def test_augment_grid():
    x = _batch(3, 1, 8, 8)
    grid = aug.augment_grid(aug.RandomRotation(20), x, n=4, seed=0)
    assert grid.shape == (4 * 9 - 1, 4 * 9 - 1) and grid.dtype == np.float32
    np.testing.assert_array_equal(grid[:8, :8], x[0, 0])  # column 0: the originals
    np.testing.assert_array_equal(grid[27:35, :8], x[0, 0])  # 4 rows cycle over 3 images
    assert not np.array_equal(grid[:8, 9:17], x[0, 0])
    np.testing.assert_array_equal(grid, aug.augment_grid(aug.RandomRotation(20), x, n=4, seed=0))
    rgb = aug.augment_grid(aug.RandomHorizontalFlip(), _batch(2, 3, 5, 5), n=3)
    assert rgb.shape == (17, 17, 3)
    flat = aug.augment_grid(aug.RandomShift(1), x.reshape(3, 64), n=2)
    assert flat.shape == (17, 17)


def test_fit_applies_the_transform_to_training_batches_with_its_rng():
    import mitbadak as mb
    from mitbadak.layers import Dense, Flatten

    seen = []

    def record(xb, rng):
        seen.append((xb.shape, isinstance(rng, np.random.Generator)))
        return aug.RandomShift(1)(xb, rng)

    mb.set_seed(0)
    model = mb.Sequential([Flatten(), Dense(3)])
    model.compile("sgd", mb.losses.SparseCategoricalCrossentropy(from_logits=True))
    x = _batch(20, 1, 6, 6)
    y = np.arange(20) % 3
    model.fit(x, y, batch_size=8, epochs=1, verbose=0, augment=record, seed=0)
    assert [s for s, _ in seen] == [(8, 1, 6, 6), (8, 1, 6, 6), (4, 1, 6, 6)]
    assert all(ok for _, ok in seen)


def test_docstring_examples():
    import doctest

    result = doctest.testmod(aug, extraglobs={"np": np})
    assert result.attempted > 0 and result.failed == 0
