"""Regularization layers: Dropout."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..ops.dropout import check_rate, dropout
from ..random import make_rng
from ..tensor import Tensor
from .base import Layer


class Dropout(Layer):
    """Randomly zero a fraction ``rate`` of the inputs during training (inverted dropout).

    In training mode each element is kept with probability ``1 - rate`` and scaled by
    ``1 / (1 - rate)``, so the expected value is unchanged; in eval mode (``model.eval()``,
    ``predict``) the layer is the identity. Same as ``keras.layers.Dropout`` and
    ``torch.nn.Dropout(p=rate)``.

    Args:
        rate: fraction of the inputs to drop, in [0, 1).
        noise_shape: shape of the mask, broadcast over the input (Keras): ``None`` entries take
            the input's size, 1 shares one mask value along that axis. ``(None, None, 1, 1)``
            drops whole channels of (N, C, H, W) images.
        seed: seed of the layer's own generator: two layers with the same seed draw the same
            masks. ``None`` derives one from :func:`mitbadak.set_seed`'s global generator.

    Example:
        >>> layer = Dropout(0.5, seed=0)
        >>> sorted(set(layer(np.ones((4, 4)), training=True).data.ravel().tolist()))
        [0.0, 2.0]
        >>> layer(np.ones((2, 2)), training=False).tolist()
        [[1.0, 1.0], [1.0, 1.0]]
    """

    def __init__(
        self,
        rate: float,
        noise_shape: Sequence[int | None] | None = None,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.rate = check_rate(rate, f"Dropout '{self.name}'")
        self.noise_shape = None if noise_shape is None else tuple(noise_shape)
        self.seed = seed
        self.rng = make_rng(seed)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        if not training or self.rate == 0.0:
            return x
        return dropout(
            x,
            self.rate,
            True,
            rng=self.rng,
            noise_shape=self.noise_shape,
            name=f"Dropout '{self.name}'",
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "rate": self.rate,
            "noise_shape": None if self.noise_shape is None else list(self.noise_shape),
            "seed": self.seed,
        }
