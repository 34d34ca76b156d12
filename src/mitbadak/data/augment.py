"""Data augmentation: random, seeded transforms of a batch of (N, C, H, W) float images.

Every transform is a plain callable ``transform(x_batch, rng=None) -> x_batch``: pass it to
``model.fit(..., augment=transform)`` (which hands it its own seeded generator) or call it in a
hand-written loop. Without ``rng`` a transform uses its own generator, made from its ``seed``:
two transforms built with the same seed produce the same outputs call after call.

Each transform draws its parameters independently per sample and works on the whole batch at
once (no Python loop over images). The geometric ones (shift, rotation, zoom) map every output
pixel back to the input (*inverse mapping*) and interpolate there, bilinearly by default:

    source = center + A^-1 (target - center - t)          (A = zoom * rotation, t = shift)
    value  = sum of the 4 neighbouring pixels weighted by (1 - dx)(1 - dy), dx(1 - dy), ...

Points that fall outside the image read ``fill`` (0). Consecutive geometric transforms inside a
:class:`Compose` are merged into one affine map, so they interpolate (and blur) only once.

Example:
    >>> aug = from_spec("shift=2,rotate=10,zoom=0.1", seed=0)
    >>> x = np.zeros((4, 1, 28, 28), dtype=np.float32)
    >>> y = aug(x)
    >>> y.shape, y.dtype
    ((4, 1, 28, 28), dtype('float32'))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .. import validate
from ..errors import ArgumentTypeError, ConfigError, ShapeError


def _check_batch(x: Any, who: str) -> np.ndarray:
    x = np.asarray(x)
    if x.ndim != 4:
        raise ShapeError(key="error.augment.batch_shape", who=who, shape=x.shape)
    if x.dtype.kind != "f":
        x = x.astype(np.float32)
    return x


def _range(value: Any, name: str, who: str, center: float = 0.0) -> tuple[float, float]:
    """``v`` -> ``(center - v, center + v)``; a pair is taken as (low, high)."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        v = validate.number(value, name, who, min=0)
        return center - v, center + v
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ArgumentTypeError(key="error.augment.range_kind", who=who, name=name, value=value)
    lo, hi = (validate.number(v, name, who) for v in value)
    if lo > hi:
        raise ConfigError(key="error.augment.range_order", who=who, name=name, value=value)
    return lo, hi


class Transform:
    """Base class: ``transform(x, rng=None)`` applies :meth:`apply` with ``rng`` or, when it is
    ``None``, with the transform's own generator seeded by ``seed``.

    Example:
        >>> class Invert(Transform):
        ...     def apply(self, x, rng):
        ...         return 1.0 - x
        >>> float(Invert()(np.zeros((1, 1, 2, 2))).sum())
        4.0
    """

    def __init__(self, seed: int | None = None) -> None:
        self.seed = seed
        self._rng = np.random.default_rng(seed)

    def __call__(self, x: Any, rng: np.random.Generator | None = None) -> np.ndarray:
        x = _check_batch(x, type(self).__name__)
        return self.apply(x, self._rng if rng is None else rng)

    def apply(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if not k.startswith("_"))
        return f"{type(self).__name__}({args})"


# -------------------------------------------------------------------------- geometry
def affine_warp(
    x: np.ndarray, inverse: np.ndarray, interpolation: str = "bilinear", fill: float = 0.0
) -> np.ndarray:
    """Resample each image ``x[n]`` (N, C, H, W) at ``inverse[n] @ (col, row, 1)`` for every
    output pixel; coordinates are relative to the image center. Outside points read ``fill``.

    Args:
        inverse: (N, 3, 3) maps from output to input coordinates (x right, y down).
        interpolation: ``"bilinear"`` or ``"nearest"``.

    Example:
        >>> x = np.arange(9.0).reshape(1, 1, 3, 3)
        >>> shift = np.array([[[1.0, 0, 1], [0, 1, 0], [0, 0, 1]]])  # read one pixel right
        >>> affine_warp(x, shift)[0, 0].tolist()
        [[1.0, 2.0, 0.0], [4.0, 5.0, 0.0], [7.0, 8.0, 0.0]]
    """
    n, c, h, w = x.shape
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    rows, cols = np.mgrid[0:h, 0:w]
    pts = np.stack([cols.ravel() - cx, rows.ravel() - cy, np.ones(h * w)])  # (3, H*W)
    src = inverse[:, :2, :] @ pts  # (N, 2, H*W)
    sx, sy = src[:, 0] + cx, src[:, 1] + cy
    flat = x.reshape(n, c, h * w)

    def gather(iy: np.ndarray, ix: np.ndarray) -> np.ndarray:
        inside = (iy >= 0) & (iy < h) & (ix >= 0) & (ix < w)
        idx = np.where(inside, iy * w + ix, 0)
        vals = np.take_along_axis(flat, idx[:, None, :], axis=2)
        return np.where(inside[:, None, :], vals, np.asarray(fill, x.dtype))

    if interpolation == "nearest":
        out = gather(np.floor(sy + 0.5).astype(np.intp), np.floor(sx + 0.5).astype(np.intp))
    elif interpolation == "bilinear":
        x0, y0 = np.floor(sx), np.floor(sy)
        dx, dy = (sx - x0)[:, None, :].astype(x.dtype), (sy - y0)[:, None, :].astype(x.dtype)
        x0, y0 = x0.astype(np.intp), y0.astype(np.intp)
        out = (gather(y0, x0) * (1 - dx) + gather(y0, x0 + 1) * dx) * (1 - dy)
        out += (gather(y0 + 1, x0) * (1 - dx) + gather(y0 + 1, x0 + 1) * dx) * dy
    else:
        raise ConfigError(key="error.augment.interpolation", value=interpolation)
    return out.reshape(n, c, h, w).astype(x.dtype, copy=False)


class RandomAffine(Transform):
    """Random rotation, zoom and shift of each image, in one interpolation.

    Args:
        degrees: rotation angle range: ``d`` means uniform in [-d, d] (or a (low, high) pair);
            positive angles turn the image counter-clockwise, as in torchvision and Keras.
        translate: shift range in pixels (``>= 1``) or in fractions of the size (``< 1``),
            per axis: ``t`` or ``(ty, tx)``; uniform in [-t, t].
        zoom: scale range: ``z`` means uniform in [1 - z, 1 + z] (or (low, high)); > 1 zooms in.
        interpolation: ``"bilinear"`` (default) or ``"nearest"``.
        fill: value of pixels coming from outside the image.
        seed: seed of the transform's own generator (used when no ``rng`` is passed).

    Example:
        >>> aug = RandomAffine(degrees=15, translate=2, zoom=0.1, seed=0)
        >>> aug(np.ones((2, 1, 8, 8))).shape
        (2, 1, 8, 8)
    """

    def __init__(
        self,
        degrees: Any = 0.0,
        translate: Any = 0.0,
        zoom: Any = 0.0,
        interpolation: str = "bilinear",
        fill: float = 0.0,
        seed: int | None = None,
    ) -> None:
        validate.by_defaults(RandomAffine.__init__, locals(), type(self).__name__)
        super().__init__(seed)
        who = type(self).__name__
        self.degrees = _range(degrees, "degrees", who)
        t = translate if isinstance(translate, Sequence) else (translate, translate)
        t = tuple(validate.number(v, "translate", who) for v in t)
        if len(t) != 2 or min(float(v) for v in t) < 0:
            raise ConfigError(key="error.augment.translate", who=who, value=translate)
        self.translate = (float(t[0]), float(t[1]))
        self.zoom = _range(zoom, "zoom", who, center=1.0)
        if self.zoom[0] <= 0:
            raise ConfigError(key="error.augment.zoom", who=who, value=self.zoom)
        if interpolation not in ("bilinear", "nearest"):
            raise ConfigError(key="error.augment.interpolation_choice", who=who)
        self.interpolation, self.fill = interpolation, float(fill)

    def inverse_maps(self, n: int, h: int, w: int, rng: np.random.Generator) -> np.ndarray:
        """(n, 3, 3) output -> input coordinate maps (centered), one random draw per image."""
        # Rows grow downward, so a positive angle in these coordinates turns the picture
        # clockwise; negate it: positive degrees turn counter-clockwise (torchvision, Keras).
        theta = -np.deg2rad(rng.uniform(*self.degrees, size=n))
        scale = rng.uniform(*self.zoom, size=n)
        ty, tx = (v * s if v < 1 else v for v, s in zip(self.translate, (h, w)))
        shift_y, shift_x = rng.uniform(-ty, ty, size=n), rng.uniform(-tx, tx, size=n)
        cos, sin = np.cos(theta) / scale, np.sin(theta) / scale
        m = np.zeros((n, 3, 3))
        # inverse of  p -> scale * R(theta) p + t  is  p -> R(-theta) (p - t) / scale
        m[:, 0, 0], m[:, 0, 1] = cos, sin
        m[:, 1, 0], m[:, 1, 1] = -sin, cos
        m[:, 0, 2] = -(cos * shift_x + sin * shift_y)
        m[:, 1, 2] = -(-sin * shift_x + cos * shift_y)
        m[:, 2, 2] = 1.0
        return m

    def apply(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        n, _, h, w = x.shape
        return affine_warp(x, self.inverse_maps(n, h, w, rng), self.interpolation, self.fill)


class RandomShift(RandomAffine):
    """Random translation by up to ``shift`` pixels (``>= 1``) or fraction of the size (``< 1``),
    per axis (``s`` or ``(sy, sx)``). Integer pixel shifts with ``interpolation="nearest"``.

    Example:
        >>> RandomShift(2, seed=0)(np.ones((3, 1, 28, 28))).shape
        (3, 1, 28, 28)
    """

    def __init__(self, shift: Any = 2, **kwargs: Any) -> None:
        validate.by_defaults(RandomShift.__init__, locals(), type(self).__name__)
        super().__init__(translate=shift, **kwargs)


RandomTranslation = RandomShift


class RandomRotation(RandomAffine):
    """Random rotation by an angle uniform in [-degrees, degrees] about the image center.

    Example:
        >>> RandomRotation(10, seed=0)(np.ones((3, 1, 28, 28))).shape
        (3, 1, 28, 28)
    """

    def __init__(self, degrees: Any = 10.0, **kwargs: Any) -> None:
        validate.by_defaults(RandomRotation.__init__, locals(), type(self).__name__)
        super().__init__(degrees=degrees, **kwargs)


class RandomZoom(RandomAffine):
    """Random zoom by a factor uniform in [1 - zoom, 1 + zoom] (> 1 enlarges).

    Example:
        >>> RandomZoom(0.1, seed=0)(np.ones((3, 1, 28, 28))).shape
        (3, 1, 28, 28)
    """

    def __init__(self, zoom: Any = 0.1, **kwargs: Any) -> None:
        validate.by_defaults(RandomZoom.__init__, locals(), type(self).__name__)
        super().__init__(zoom=zoom, **kwargs)


# ------------------------------------------------------------------------- pixel-wise
class RandomHorizontalFlip(Transform):
    """Mirror each image left-right with probability ``p`` (not for digits!).

    Example:
        >>> x = np.arange(4.0).reshape(1, 1, 2, 2)
        >>> RandomHorizontalFlip(p=1.0)(x)[0, 0].tolist()
        [[1.0, 0.0], [3.0, 2.0]]
    """

    def __init__(self, p: float = 0.5, seed: int | None = None) -> None:
        validate.by_defaults(RandomHorizontalFlip.__init__, locals(), type(self).__name__)
        super().__init__(seed)
        if not 0.0 <= p <= 1.0:
            raise ConfigError(key="error.augment.p", who="RandomHorizontalFlip", p=p)
        self.p = float(p)

    def apply(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        flip = rng.random(len(x)) < self.p
        return np.where(flip[:, None, None, None], x[..., ::-1], x)


class GaussianNoise(Transform):
    """Add N(0, std^2) noise to every pixel; optionally clip to ``clip=(low, high)``.

    Example:
        >>> y = GaussianNoise(0.1, seed=0)(np.zeros((2, 1, 4, 4), np.float32))
        >>> y.dtype, bool(y.std() > 0)
        (dtype('float32'), True)
    """

    def __init__(
        self, std: float = 0.05, clip: tuple[float, float] | None = None, seed: int | None = None
    ) -> None:
        validate.by_defaults(GaussianNoise.__init__, locals(), type(self).__name__)
        super().__init__(seed)
        if std < 0:
            raise ConfigError(key="error.augment.std", std=std)
        self.std, self.clip = float(std), clip

    def apply(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        y = x + rng.standard_normal(x.shape, dtype=np.float64).astype(x.dtype) * x.dtype.type(
            self.std
        )
        if self.clip is not None:
            np.clip(y, self.clip[0], self.clip[1], out=y)
        return y


class RandomErasing(Transform):
    """Cutout: with probability ``p``, set a random rectangle of each image to ``value``.

    The rectangle's area is a fraction of the image uniform in ``scale`` and its aspect ratio
    (h / w) log-uniform in ``ratio`` (as torchvision's ``RandomErasing``).

    Example:
        >>> y = RandomErasing(p=1.0, value=5.0, seed=0)(np.zeros((2, 1, 10, 10)))
        >>> bool((y == 5).any()), bool((y == 0).any())
        (True, True)
    """

    def __init__(
        self,
        p: float = 0.5,
        scale: tuple[float, float] = (0.02, 0.2),
        ratio: tuple[float, float] = (0.3, 3.3),
        value: float = 0.0,
        seed: int | None = None,
    ) -> None:
        validate.by_defaults(RandomErasing.__init__, locals(), type(self).__name__)
        super().__init__(seed)
        if not 0.0 <= p <= 1.0:
            raise ConfigError(key="error.augment.p", who="RandomErasing", p=p)
        if not 0 < scale[0] <= scale[1] <= 1 or not 0 < ratio[0] <= ratio[1]:
            raise ConfigError(key="error.augment.erasing", scale=scale, ratio=ratio)
        self.p, self.scale, self.ratio, self.value = float(p), scale, ratio, float(value)

    def apply(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        n, _, h, w = x.shape
        area = rng.uniform(*self.scale, size=n) * h * w
        aspect = np.exp(rng.uniform(np.log(self.ratio[0]), np.log(self.ratio[1]), size=n))
        eh = np.clip(np.round(np.sqrt(area * aspect)), 1, h).astype(int)
        ew = np.clip(np.round(np.sqrt(area / aspect)), 1, w).astype(int)
        top = (rng.random(n) * (h - eh + 1)).astype(int)
        left = (rng.random(n) * (w - ew + 1)).astype(int)
        on = rng.random(n) < self.p
        r, c = np.arange(h), np.arange(w)
        rows = (r >= top[:, None]) & (r < (top + eh)[:, None])  # (n, h)
        cols = (c >= left[:, None]) & (c < (left + ew)[:, None])  # (n, w)
        mask = rows[:, :, None] & cols[:, None, :] & on[:, None, None]
        return np.where(mask[:, None], x.dtype.type(self.value), x)


Cutout = RandomErasing


class Normalize(Transform):
    """``(x - mean) / std`` per channel (deterministic; ``mean``/``std``: scalars or one per
    channel).

    Example:
        >>> Normalize(0.5, 0.5)(np.ones((1, 1, 2, 2)))[0, 0, 0].tolist()
        [1.0, 1.0]
    """

    def __init__(self, mean: Any = 0.0, std: Any = 1.0) -> None:
        super().__init__(None)
        who = "Normalize"
        self.mean = np.atleast_1d(validate.array(mean, "mean", who, kinds="iuf", finite=True))
        self.std = np.atleast_1d(validate.array(std, "std", who, kinds="iuf", finite=True))
        self.mean, self.std = self.mean.astype(np.float64), self.std.astype(np.float64)
        if (self.std <= 0).any():
            raise ConfigError(key="error.augment.normalize_std", std=std)

    def apply(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        c = x.shape[1]
        for name, v in (("mean", self.mean), ("std", self.std)):
            if v.size not in (1, c):
                raise ShapeError(
                    key="error.augment.normalize_size", name=name, size=v.size, channels=c
                )
        mean = self.mean.astype(x.dtype).reshape(1, -1, 1, 1)
        return (x - mean) / self.std.astype(x.dtype).reshape(1, -1, 1, 1)


# ---------------------------------------------------------------------------- compose
class Compose(Transform):
    """Apply transforms in order. Consecutive geometric transforms (:class:`RandomAffine` and
    its subclasses, with the same interpolation and fill) are merged into one warp.

    Example:
        >>> aug = Compose([RandomShift(2), RandomRotation(10), GaussianNoise(0.05)], seed=0)
        >>> aug(np.zeros((8, 1, 28, 28), np.float32)).shape
        (8, 1, 28, 28)
    """

    def __init__(self, transforms: Iterable[Any], seed: int | None = None) -> None:
        super().__init__(seed)
        self.transforms = list(transforms)
        for t in self.transforms:
            if not callable(t):
                raise ConfigError(key="error.augment.not_transform", value=t)

    def apply(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        i, ts = 0, self.transforms
        while i < len(ts):
            t = ts[i]
            if isinstance(t, RandomAffine):
                n, _, h, w = x.shape
                m = t.inverse_maps(n, h, w, rng)
                j = i + 1
                while (
                    j < len(ts)
                    and isinstance(ts[j], RandomAffine)
                    and (ts[j].interpolation, ts[j].fill) == (t.interpolation, t.fill)
                ):
                    # t_i then t_j: the output reads t_j^-1 first, then t_i^-1
                    m = m @ ts[j].inverse_maps(n, h, w, rng)
                    j += 1
                x = affine_warp(x, m, t.interpolation, t.fill)
                i = j
            else:
                x = t(x, rng)
                i += 1
        return x

    def __repr__(self) -> str:
        return f"Compose({self.transforms!r})"


# ----------------------------------------------------------------------------- helpers
def augment_grid(
    transform: Any, images: Any, n: int = 8, seed: int = 0, pad: int = 1
) -> np.ndarray:
    """An (H', W') image of augmented samples, to look at what a transform does.

    Row r shows image ``r`` (cycling through ``images``): the original in column 0, then
    ``n - 1`` augmented versions. Cells are separated by ``pad`` pixels of the minimum value.
    Images of shape (N, C, H, W), (N, H, W) or (N, H*W) for a square H = W; with C > 1 the grid
    is (H', W', C).

    Example:
        >>> grid = augment_grid(RandomShift(2), np.ones((3, 1, 8, 8)), n=4)
        >>> grid.shape
        (35, 35)
    """
    x = np.asarray(images, dtype=np.float32)
    if x.ndim == 2:
        side = int(round(np.sqrt(x.shape[1])))
        if side * side != x.shape[1]:
            raise ShapeError(key="error.augment.grid_square", n=x.shape[1])
        x = x.reshape(-1, 1, side, side)
    elif x.ndim == 3:
        x = x[:, None]
    if x.ndim != 4 or len(x) == 0:
        raise ShapeError(key="error.augment.grid_shape", shape=np.shape(images))
    if n < 2:
        raise ConfigError(key="error.augment.grid_n", n=n)
    rng = np.random.default_rng(seed)
    base = x[np.arange(n) % len(x)]  # (n, C, H, W)
    reps = np.repeat(base, n - 1, axis=0)
    aug = np.asarray(transform(reps, rng), dtype=np.float32).reshape(n, n - 1, *base.shape[1:])
    cells = np.concatenate([base[:, None], aug], axis=1)  # (n, n, C, H, W)
    _, _, c, h, w = cells.shape
    lo = float(min(cells.min(), 0.0))
    grid = np.full((n * (h + pad) - pad, n * (w + pad) - pad, c), lo, dtype=np.float32)
    for r in range(n):
        for k in range(n):
            grid[r * (h + pad) : r * (h + pad) + h, k * (w + pad) : k * (w + pad) + w] = cells[
                r, k
            ].transpose(1, 2, 0)
    return grid[:, :, 0] if c == 1 else grid


def from_spec(spec: str, seed: int | None = None) -> Compose:
    """Build a :class:`Compose` from a comma-separated description (for the command line).

    Keys: ``shift=PIXELS`` (or fraction < 1), ``rotate=DEGREES``, ``zoom=FRACTION``,
    ``flip`` / ``flip=P``, ``noise=STD``, ``erase=P`` (cutout), ``normalize=MEAN/STD``.
    Geometric keys are merged into one warp.

    Example:
        >>> aug = from_spec("shift=2,rotate=10,zoom=0.1,flip,noise=0.05,erase=0.2")
        >>> [type(t).__name__ for t in aug.transforms]
        ['RandomAffine', 'RandomHorizontalFlip', 'GaussianNoise', 'RandomErasing']
    """
    if not isinstance(spec, str):
        raise ConfigError(key="error.augment.spec_kind", spec=spec)
    geo: dict[str, float] = {}
    rest: list[Transform] = []
    known = ("shift", "rotate", "zoom", "flip", "noise", "erase", "normalize")
    for item in filter(None, (s.strip() for s in spec.split(","))):
        key, _, val = item.partition("=")
        key = key.strip().lower()
        try:
            if key in ("shift", "translate"):
                geo["translate"] = float(val)
            elif key in ("rotate", "rotation"):
                geo["degrees"] = float(val)
            elif key == "zoom":
                geo["zoom"] = float(val)
            elif key == "flip":
                rest.append(RandomHorizontalFlip(float(val) if val else 0.5))
            elif key == "noise":
                rest.append(GaussianNoise(float(val)))
            elif key in ("erase", "cutout"):
                rest.append(RandomErasing(float(val) if val else 0.5))
            elif key == "normalize":
                mean, _, std = val.partition("/")
                rest.append(Normalize(float(mean), float(std or 1.0)))
            else:
                raise ConfigError(
                    key="error.augment.spec_unknown", name=key, spec=spec, known=known
                )
        except ValueError as e:
            if isinstance(e, ConfigError):
                raise
            raise ConfigError(key="error.augment.spec_value", item=item, reason=e) from None
    transforms: list[Transform] = [RandomAffine(**geo)] if geo else []
    return Compose(transforms + rest, seed=seed)


__all__ = [
    "Compose",
    "Cutout",
    "GaussianNoise",
    "Normalize",
    "RandomAffine",
    "RandomErasing",
    "RandomHorizontalFlip",
    "RandomRotation",
    "RandomShift",
    "RandomTranslation",
    "RandomZoom",
    "Transform",
    "affine_warp",
    "augment_grid",
    "from_spec",
]
