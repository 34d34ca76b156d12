"""Recurrent layers: SimpleRNN, LSTM, GRU, Bidirectional, TimeDistributed.

Inputs are batch-first, ``(batch, time, features)``, as in Keras (PyTorch's ``batch_first=True``).
Each layer runs as one fused graph node over the whole sequence (see
:mod:`mitbadak.ops.recurrent`), trained by backpropagation through time.

Outputs (Keras' conventions):

- ``return_sequences=False`` (many-to-one): the last state h_T, shape (batch, units).
- ``return_sequences=True`` (many-to-many): every step's output, shape (batch, time, units).
- ``return_state=True``: a list ``[output, h_T]`` (LSTM: ``[output, h_T, c_T]``).

Call options: ``layer(x, initial_state=[h0] or [h0, c0], mask=(batch, time) booleans,
lengths=(batch,) ints)``. With a mask (or lengths, meaning mask[n, t] = t < lengths[n]), a padded
step keeps the previous state and outputs zeros (``zero_output_for_mask=True``, PyTorch's
padded output; ``False``, the default in ``mitbadak.keras`` as in Keras 3, repeats the latest real
step's output), so the last state is the state after the last real step; a mask attached by
``Embedding(mask_zero=True)`` or ``Masking`` is used automatically.

Weights follow Keras' layout and gate order, so ``get_weights()`` / ``set_weights()`` move
weights to and from Keras unchanged:

| layer | kernel | recurrent_kernel | bias | gate order |
|---|---|---|---|---|
| SimpleRNN | (F, H) | (H, H) | (H,) | - |
| LSTM | (F, 4H) | (H, 4H) | (4H,) | i, f, c, o |
| GRU (reset_after) | (F, 3H) | (H, 3H) | (2, 3H): input, recurrent | z, r, h |

PyTorch (``nn.RNN/LSTM/GRU``, one layer) stores weight_ih (G*H, F) = kernel^T,
weight_hh (G*H, H) = recurrent_kernel^T and two biases b_ih, b_hh. LSTM gate order i, f, g, o is
Keras' i, f, c, o (same order); the single Keras bias is b_ih + b_hh. GRU order is r, z, n:
swap the first two blocks of H rows; Keras' bias[0] = b_ih, bias[1] = b_hh (PyTorch's GRU is
Keras' ``reset_after=True`` formula). :func:`to_torch_weights` / :func:`from_torch_weights` do
this. ``Dense`` applied to (batch, time, features) already acts on every step (the same as
``TimeDistributed(Dense(...))``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import initializers, regularizers, validate
from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..ops.index import gather
from ..ops.recurrent import recurrence
from ..ops.shape import concatenate, reshape
from ..tensor import Tensor
from .base import Layer, layer_from_config, layer_to_config
from .embedding import attach_mask, get_mask


class _Recurrent(Layer):
    """Shared machinery of SimpleRNN, LSTM and GRU: weights, checks, masks, initial states."""

    _kind = ""
    _gates = 1
    _state_names: tuple[str, ...] = ("h",)

    def __init__(
        self,
        units: int,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        truncate: int | None = None,
        zero_output_for_mask: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        kind = type(self).__name__
        self.units = validate.integer(units, "units", kind, min=1)
        validate.integer(truncate, "truncate", kind, min=1, none=True)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.recurrent_initializer = initializers.get(recurrent_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.recurrent_regularizer = regularizers.get(recurrent_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.return_sequences = bool(return_sequences)
        self.return_state = bool(return_state)
        self.go_backwards = bool(go_backwards)
        self.truncate = None if truncate is None else int(truncate)
        self.zero_output_for_mask = bool(zero_output_for_mask)
        self._grad_probe: list | None = None  # set by timestep_grad_norms

    @property
    def _where(self) -> str:
        return f"{type(self).__name__} '{self.name}'"

    def _bias_shape(self) -> tuple[int, ...]:
        return (self._gates * self.units,)

    def build(self, input_shape: tuple[int, ...]) -> None:
        if len(input_shape) != 3:
            raise ShapeError(
                key="error.layers.build.input_shape_batch",
                where=self._where,
                input_shape=tuple(input_shape),
            )
        g = self._gates * self.units
        self.kernel = self.add_weight(
            "kernel",
            (input_shape[-1], g),
            self.kernel_initializer,
            regularizer=self.kernel_regularizer,
        )
        self.recurrent_kernel = self.add_weight(
            "recurrent_kernel",
            (self.units, g),
            self.recurrent_initializer,
            regularizer=self.recurrent_regularizer,
        )
        self.bias = (
            self.add_weight(
                "bias", self._bias_shape(), self.bias_initializer, regularizer=self.bias_regularizer
            )
            if self.use_bias
            else None
        )

    # ------------------------------------------------------------------------------ checks
    def _check_input(self, x: Tensor) -> None:
        if x.ndim != 3:
            raise ShapeError(
                key="error.layers.check_input.input_shape_batch", where=self._where, shape=x.shape
            )
        if x.shape[1] < 1:
            raise ShapeError(key="error.layers.needs_least_time", where=self._where, shape=x.shape)
        if self.built and x.shape[2] != self.kernel.shape[0]:
            f = self.kernel.shape[0]
            raise ShapeError(
                key="error.layers.input_features_shape", where=self._where, f=f, shape=x.shape
            )

    def _resolve_mask(self, x: Tensor, mask: Any, lengths: Any) -> np.ndarray | None:
        xp = array_module(x, mask, lengths)
        n, t_len = x.shape[:2]
        if mask is not None and lengths is not None:
            raise ConfigError(key="error.layers.pass_mask_lengths", where=self._where)
        if lengths is not None:
            lengths = xp.asarray(lengths.data if isinstance(lengths, Tensor) else lengths)
            if lengths.shape != (n,):
                raise ShapeError(
                    key="error.layers.lengths_shape_per",
                    where=self._where,
                    n=n,
                    shape=lengths.shape,
                )
            if lengths.size and (lengths.min() < 0 or lengths.max() > t_len):
                raise ShapeError(
                    key="error.layers.lengths_values",
                    where=self._where,
                    t_len=t_len,
                    min=lengths.min(),
                    max=lengths.max(),
                )
            mask = xp.arange(t_len)[None, :] < lengths[:, None]
        if mask is None:
            mask = get_mask(x)
            if mask is None:
                return None
        mask = xp.asarray(mask.data if isinstance(mask, Tensor) else mask).astype(bool)
        if mask.shape != (n, t_len):
            raise ShapeError(
                key="error.layers.mask_shape_batch",
                where=self._where,
                n=n,
                t_len=t_len,
                shape=mask.shape,
            )
        return None if mask.all() else mask  # an all-true mask takes the fast path

    def _initial_states(self, initial_state: Any, n: int) -> list[Tensor]:
        xp = array_module(initial_state)
        k = len(self._state_names)
        if initial_state is None:
            return [Tensor(xp.zeros((n, self.units), self.dtype)) for _ in range(k)]
        if isinstance(initial_state, (Tensor, np.ndarray)):
            initial_state = [initial_state]
        states = list(initial_state)
        if len(states) != k:
            raise ShapeError(
                key="error.layers.initial_state_s",
                where=self._where,
                k=k,
                names=", ".join(self._state_names),
                n_states=len(states),
            )
        out = []
        for j, s in enumerate(states):
            s = self._to_tensor(s)
            if s.shape != (n, self.units):
                raise ShapeError(
                    key="error.layers.initial_state_shape_batch",
                    where=self._where,
                    j=j,
                    state=self._state_names[j],
                    n=n,
                    units=self.units,
                    shape=s.shape,
                )
            out.append(s)
        return out

    # -------------------------------------------------------------------------------- call
    def __call__(  # type: ignore[override]
        self,
        x: Any,
        initial_state: Any = None,
        mask: Any = None,
        lengths: Any = None,
        training: bool | None = None,
    ) -> Tensor | list[Tensor]:
        """Run the layer over a batch of sequences x (batch, time, features)."""
        return self._apply(x, initial_state, mask, lengths, align=False)

    def call(self, x: Tensor, training: bool = False) -> Tensor | list[Tensor]:
        return self._apply(x, None, None, None, align=False)

    def _apply(
        self, x: Any, initial_state: Any, mask: Any, lengths: Any, align: bool
    ) -> Tensor | list[Tensor]:
        """``align=True`` (used by Bidirectional) keeps a go_backwards layer's output sequence
        in input-time order instead of Keras' reversed order."""
        xp = array_module(x, initial_state, mask)
        x = self._to_tensor(x)
        self._check_input(x)
        m = self._resolve_mask(x, mask, lengths)
        if not self.built:
            self.input_shape = (None,) + tuple(x.shape[1:])
            self.build(tuple(x.shape))
            self.built = True
        n, t_len = x.shape[:2]
        states = self._initial_states(initial_state, n)
        bias = self.bias
        if bias is None:
            bias = Tensor(xp.zeros(self._bias_shape(), self.dtype))
        out = recurrence(
            self._kind,
            x,
            self.kernel,
            self.recurrent_kernel,
            bias,
            states,
            mask=m,
            reverse=self.go_backwards,
            return_sequences=self.return_sequences,
            return_state=self.return_state,
            truncate=self.truncate,
            grad_norms=self._grad_probe,
            **self._op_options(),
        )
        flip = self.go_backwards and not align  # Keras returns a go_backwards sequence reversed
        if not self.return_state:
            if self.return_sequences:
                if flip:
                    out = out[:, ::-1]
                out = self._masked_outputs(out, m if not flip or m is None else m[:, ::-1], align)
                attach_mask(out, m if not flip or m is None else m[:, ::-1])
            return out
        k = t_len if self.return_sequences else 0
        finals = [out[:, k + j] for j in range(len(self._state_names))]
        if self.return_sequences:
            seq = out[:, t_len - 1 :: -1] if flip else out[:, :t_len]
            seq = self._masked_outputs(seq, m if not flip or m is None else m[:, ::-1], align)
            attach_mask(seq, m if not flip or m is None else m[:, ::-1])
        else:
            seq = finals[0]
        return [seq, *finals]

    def _masked_outputs(self, seq: Tensor, m: np.ndarray | None, align: bool) -> Tensor:
        """The output sequence at the masked steps: zeros (``zero_output_for_mask=True``,
        PyTorch's padded output), or the output of the latest real step before it, zeros
        before the first (``False``, Keras 3's default). ``m`` is aligned with ``seq``.
        Bidirectional (``align``) always takes zeros, as Keras forces it."""
        if m is None or self.zero_output_for_mask or align:
            return seq
        t = np.arange(m.shape[1])[None, :]
        last = np.maximum.accumulate(np.where(m, t, -1), axis=1)  # latest real step <= t
        src = np.broadcast_to(np.maximum(last, 0)[:, :, None], seq.shape)
        seen = (last >= 0)[:, :, None].astype(seq.dtype)
        return gather(seq, 1, src) * Tensor(seen)

    def _op_options(self) -> dict[str, Any]:
        return {}

    def compute_output_shape(self, input_shape: tuple[int | None, ...]) -> Any:
        t_len = input_shape[1]
        out = (None, t_len, self.units) if self.return_sequences else (None, self.units)
        if self.return_state:
            return [out] + [(None, self.units)] * len(self._state_names)
        return out

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "units": self.units,
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "recurrent_initializer": initializers.serialize(self.recurrent_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "recurrent_regularizer": regularizers.serialize(self.recurrent_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "return_sequences": self.return_sequences,
            "return_state": self.return_state,
            "go_backwards": self.go_backwards,
            "truncate": self.truncate,
            "zero_output_for_mask": self.zero_output_for_mask,
        }


class SimpleRNN(_Recurrent):
    """Fully connected (Elman) recurrent layer: h_t = tanh(x_t W + h_{t-1} U + b).

    Args:
        units: size H of the state.
        activation: ``"tanh"`` (default) or ``"relu"``.
        use_bias, kernel_initializer (glorot_uniform), recurrent_initializer (orthogonal),
            bias_initializer (zeros), *_regularizer: as in Keras.
        return_sequences: output every step (many-to-many) instead of the last state.
        return_state: also return the final state: ``[output, h_T]``.
        go_backwards: read the sequence from the end (Keras: the output sequence is reversed).
        truncate: truncated BPTT window k: gradients stop every k steps going back in time
            (see :mod:`mitbadak.ops.recurrent`); ``None`` = full BPTT.
        zero_output_for_mask: with a mask and ``return_sequences``, a masked step outputs
            zeros (True) or repeats the latest real step's output (False, Keras 3's default
            and ``mitbadak.keras``').

    Example:
        >>> rnn = SimpleRNN(8, return_sequences=True)
        >>> rnn(np.zeros((4, 10, 3))).shape, [w.shape for w in rnn.weights]
        ((4, 10, 8), [(3, 8), (8, 8), (8,)])
    """

    _kind = "simple_rnn"
    _gates = 1

    def __init__(self, units: int, activation: str = "tanh", **kwargs: Any) -> None:
        super().__init__(units, **kwargs)
        if activation not in ("tanh", "relu"):
            raise ConfigError(key="error.layers.activation_tanh_relu", activation=activation)
        self.activation = activation

    def _op_options(self) -> dict[str, Any]:
        return {"activation": self.activation}

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "activation": self.activation}


class LSTM(_Recurrent):
    """Long short-term memory layer (Hochreiter & Schmidhuber), Keras' formulation:

        i, f, o = sigmoid(...), g = tanh(...)   from  x_t W + h_{t-1} U + b  (order i, f, c, o)
        c_t = f * c_{t-1} + i * g,   h_t = o * tanh(c_t)

    Args: as :class:`SimpleRNN` (no activation choice), plus ``unit_forget_bias=True``: the
    forget gate's bias starts at 1 (Keras' default), so the cell remembers from the start.
    ``return_state=True`` returns ``[output, h_T, c_T]``; ``initial_state=[h0, c0]``.

    Example:
        >>> lstm = LSTM(16)
        >>> lstm(np.zeros((2, 28, 28))).shape, lstm.kernel.shape, lstm.recurrent_kernel.shape
        ((2, 16), (28, 64), (16, 64))
    """

    _kind = "lstm"
    _gates = 4
    _state_names = ("h", "c")

    def __init__(self, units: int, unit_forget_bias: bool = True, **kwargs: Any) -> None:
        super().__init__(units, **kwargs)
        self.unit_forget_bias = bool(unit_forget_bias)

    def build(self, input_shape: tuple[int, ...]) -> None:
        super().build(input_shape)
        if self.use_bias and self.unit_forget_bias:
            self.bias.data[self.units : 2 * self.units] = 1.0

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "unit_forget_bias": self.unit_forget_bias}


class GRU(_Recurrent):
    """Gated recurrent unit (Cho et al.), Keras' ``reset_after=True`` form (= PyTorch's GRU):

        z = s(x W_z + h U_z + b),  r = s(x W_r + h U_r + b),
        n = tanh(x W_h + b_in_h + r * (h U_h + b_rec_h)),   h_t = z * h_{t-1} + (1 - z) * n

    Gate order z, r, h; the bias has shape (2, 3H): row 0 the input bias, row 1 the
    recurrent bias. Args as :class:`SimpleRNN`.

    Example:
        >>> gru = GRU(8, return_sequences=True, return_state=True)
        >>> seq, h = gru(np.zeros((2, 5, 3)))
        >>> seq.shape, h.shape, gru.bias.shape
        ((2, 5, 8), (2, 8), (2, 24))
    """

    _kind = "gru"
    _gates = 3

    def __init__(self, units: int, reset_after: bool = True, **kwargs: Any) -> None:
        super().__init__(units, **kwargs)
        if not reset_after:
            raise ConfigError(key="error.layers.only_reset_after_true")

    def _bias_shape(self) -> tuple[int, ...]:
        return (2, 3 * self.units)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "reset_after": True}


class Bidirectional(Layer):
    """Runs a recurrent layer forward and a copy of it backward in time, and merges them.

    The backward copy has its own weights (created from the layer's config with
    ``go_backwards`` flipped and the name ``backward_<name>``); its output sequence is put back
    in input-time order before merging, so y[:, t] sees the whole sequence around step t.
    Without return_sequences, the backward half's output is its state after reading x[:, 0]
    (PyTorch's h_n[1]). Weights: the forward layer's, then the backward layer's (Keras' order).

    Args:
        layer: a SimpleRNN, LSTM or GRU.
        merge_mode: ``"concat"`` (default, 2H features), ``"sum"``, ``"ave"``, ``"mul"`` or
            ``None`` (a list [forward, backward]).

    With ``return_state`` the result is ``[output, *forward_states, *backward_states]`` and
    ``initial_state`` takes the forward states then the backward ones.

    Example:
        >>> bi = Bidirectional(LSTM(8, return_sequences=True))
        >>> bi(np.zeros((2, 5, 3))).shape
        (2, 5, 16)
    """

    _modes = ("concat", "sum", "ave", "mul", None)

    def __init__(self, layer: Layer, merge_mode: str | None = "concat", **kwargs: Any) -> None:
        if isinstance(layer, dict):  # from_config
            layer = layer_from_config(layer)
        if not isinstance(layer, _Recurrent):
            raise ConfigError(
                key="error.layers.init.simplernn_lstm_gru", layer_type=type(layer).__name__
            )
        if merge_mode not in self._modes:
            raise ConfigError(
                key="error.layers.merge_mode", modes=self._modes, merge_mode=merge_mode
            )
        kwargs.setdefault("name", f"bidirectional_{layer.name}")
        super().__init__(**kwargs)
        self.forward_layer = layer
        cfg = layer.get_config()
        cfg.update(name=f"backward_{layer.name}", go_backwards=not layer.go_backwards)
        self.backward_layer = type(layer).from_config(cfg)
        self.merge_mode = merge_mode
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state

    def __call__(  # type: ignore[override]
        self,
        x: Any,
        initial_state: Any = None,
        mask: Any = None,
        lengths: Any = None,
        training: bool | None = None,
    ) -> Tensor | list[Tensor]:
        """Run both directions over x (batch, time, features) and merge."""
        x = self.forward_layer._to_tensor(x)
        if mask is None and lengths is None:
            mask = get_mask(x)
        init_f = init_b = None
        if initial_state is not None:
            states = list(initial_state)
            half = len(states) // 2
            if len(states) != 2 * len(self.forward_layer._state_names):
                raise ShapeError(
                    key="error.layers.initial_states_forward",
                    name=self.name,
                    n_expected=2 * len(self.forward_layer._state_names),
                    n_states=len(states),
                )
            init_f, init_b = states[:half], states[half:]
        yf = self.forward_layer._apply(x, init_f, mask, lengths, align=True)
        yb = self.backward_layer._apply(x, init_b, mask, lengths, align=True)
        self.built = True
        if self.input_shape is None:
            self.input_shape = (None,) + tuple(x.shape[1:])
        sf: list[Tensor] = []
        sb: list[Tensor] = []
        if self.return_state:
            yf, *sf = yf
            yb, *sb = yb
        out = self._merge(yf, yb)
        if self.return_sequences and not isinstance(out, list):
            attach_mask(out, get_mask(yf))
        if self.return_state:
            return ([*out] if isinstance(out, list) else [out]) + sf + sb
        return out

    def call(self, x: Tensor, training: bool = False) -> Tensor | list[Tensor]:
        return self(x)

    def _merge(self, a: Tensor, b: Tensor) -> Tensor | list[Tensor]:
        if self.merge_mode == "concat":
            return concatenate([a, b], axis=-1)
        if self.merge_mode == "sum":
            return a + b
        if self.merge_mode == "ave":
            return (a + b) * 0.5
        if self.merge_mode == "mul":
            return a * b
        return [a, b]

    def get_config(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "layer": layer_to_config(self.forward_layer),
            "merge_mode": self.merge_mode,
        }


class TimeDistributed(Layer):
    """Applies ``layer`` to every time step: (N, T, ...) -> (N*T, ...) -> layer -> (N, T, ...).

    The steps are folded into the batch, so the layer runs once, as one large batch. (A Dense
    layer already acts on the last axis of (N, T, F), so ``Dense(k)`` alone is equivalent to
    ``TimeDistributed(Dense(k))``; this wrapper is for layers that are not, e.g. Conv2D.)

    Example:
        >>> from mitbadak.layers import Dense
        >>> TimeDistributed(Dense(5))(np.zeros((2, 7, 3))).shape
        (2, 7, 5)
    """

    def __init__(self, layer: Layer, **kwargs: Any) -> None:
        if isinstance(layer, dict):
            layer = layer_from_config(layer)
        if not isinstance(layer, Layer):
            raise ConfigError(key="error.layers.layer", layer_type=type(layer).__name__)
        super().__init__(**kwargs)
        self.layer = layer

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        if x.ndim < 3:
            raise ShapeError(
                key="error.layers.call.input_shape_batch", name=self.name, shape=x.shape
            )
        n, t_len = x.shape[:2]
        y = self.layer(reshape(x, (n * t_len,) + tuple(x.shape[2:])), training=training)
        out = reshape(y, (n, t_len) + tuple(y.shape[1:]))
        return attach_mask(out, get_mask(x))

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "layer": layer_to_config(self.layer)}


# ------------------------------------------------------------------------ gradient watching
def timestep_grad_norms(layer: _Recurrent, x: Any, loss_fn: Any, **call_kwargs: Any) -> np.ndarray:
    """||dL/dh_t|| for every step t of ``layer`` run on ``x``: watch gradients vanish/explode.

    Runs ``loss_fn(layer(x, **call_kwargs))`` and backpropagates it; entry t of the result is
    the Frobenius norm (over batch and units) of the gradient reaching the state h_t (the
    output after reading x[:, t]). With a loss on the last output only, entry T-1 is the
    starting gradient and the entries before it show how it shrinks (vanishing) or grows
    (exploding) as it travels back in time. The weights' ``.grad`` are left as they were.

    Example:
        >>> from mitbadak.ops.reduce import sum as tsum
        >>> rnn = SimpleRNN(4, recurrent_initializer=initializers.Orthogonal(0.5, seed=0))
        >>> norms = timestep_grad_norms(rnn, np.ones((2, 6, 3)), lambda h: tsum(h))
        >>> norms.shape, bool(norms[0] < norms[-1])
        ((6,), True)
    """
    if not isinstance(layer, _Recurrent):
        raise ConfigError(key="error.layers.simplernn_lstm_gru", layer_type=type(layer).__name__)
    saved = None
    if layer.built:
        saved = [w.grad for w in layer.weights]
    probe: list[np.ndarray] = []
    layer._grad_probe = probe
    try:
        loss = loss_fn(layer(x, **call_kwargs))
        loss.backward()
    finally:
        layer._grad_probe = None
    for j, w in enumerate(layer.weights):
        w.grad = saved[j] if saved is not None else None
    if not probe:
        raise ConfigError(key="error.layers.loss_does_depend")
    return probe[0]


# ------------------------------------------------------------------ PyTorch weight exchange
def _torch_perm(layer: _Recurrent) -> np.ndarray:
    """Block permutation between Keras' and PyTorch's gate orders (its own inverse)."""
    xp = array_module(layer)
    h = layer.units
    r = xp.arange(h)
    if isinstance(layer, GRU):  # Keras z, r, h  <->  PyTorch r, z, n
        return xp.concatenate([r + h, r, r + 2 * h])
    return xp.arange(layer._gates * h)  # SimpleRNN; LSTM i, f, c, o == PyTorch i, f, g, o


def _to_numpy(v: Any) -> np.ndarray:
    xp = array_module(v)
    if hasattr(v, "detach"):  # a torch tensor, without importing torch
        v = v.detach().cpu().numpy()
    return xp.asarray(v)


def to_torch_weights(layer: Layer) -> dict[str, np.ndarray]:
    """The weights of a built SimpleRNN / LSTM / GRU (or a Bidirectional of one) as a PyTorch
    one-layer ``nn.RNN/LSTM/GRU`` state dict of NumPy arrays (``weight_ih_l0``, ...,
    ``_reverse`` keys for the backward half). Load with
    ``module.load_state_dict({k: torch.from_numpy(v) for k, v in d.items()})``.

    Example:
        >>> lstm = LSTM(3); _ = lstm(np.zeros((1, 2, 5)))
        >>> {k: v.shape for k, v in to_torch_weights(lstm).items()}["weight_ih_l0"]
        (12, 5)
    """
    xp = array_module(layer)
    if isinstance(layer, Bidirectional):
        out = to_torch_weights(layer.forward_layer)
        out.update({k + "_reverse": v for k, v in to_torch_weights(layer.backward_layer).items()})
        return out
    if not isinstance(layer, _Recurrent) or not layer.built:
        raise ConfigError(key="error.layers.built_simplernn_lstm")
    p = _torch_perm(layer)
    k, u = layer.kernel.data, layer.recurrent_kernel.data
    g = layer._gates * layer.units
    b = layer.bias.data if layer.bias is not None else xp.zeros(layer._bias_shape(), layer.dtype)
    if b.ndim == 2:
        b_ih, b_hh = b[0], b[1]
    else:
        b_ih, b_hh = b, xp.zeros(g, layer.dtype)
    out = {
        "weight_ih_l0": xp.ascontiguousarray(k[:, p].T),
        "weight_hh_l0": xp.ascontiguousarray(u[:, p].T),
    }
    if layer.bias is not None:  # use_bias=False matches PyTorch's bias=False: no bias keys
        out.update(bias_ih_l0=b_ih[p].copy(), bias_hh_l0=b_hh[p].copy())
    return out


def from_torch_weights(layer: Layer, state_dict: dict[str, Any]) -> None:
    """Set a SimpleRNN / LSTM / GRU (or Bidirectional) from a one-layer PyTorch module's
    ``state_dict()`` (torch tensors or arrays). Builds the layer if needed. PyTorch's two
    biases are summed for SimpleRNN and LSTM (one bias in Keras' layout).

    Example:
        >>> gru = GRU(2)
        >>> sd = {"weight_ih_l0": np.ones((6, 3)), "weight_hh_l0": np.ones((6, 2)),
        ...       "bias_ih_l0": np.zeros(6), "bias_hh_l0": np.zeros(6)}
        >>> from_torch_weights(gru, sd); gru.kernel.shape
        (3, 6)
    """
    xp = array_module(layer, state_dict)
    if isinstance(layer, Bidirectional):
        from_torch_weights(layer.forward_layer, state_dict)
        rev = {k[: -len("_reverse")]: v for k, v in state_dict.items() if k.endswith("_reverse")}
        from_torch_weights(layer.backward_layer, rev)
        layer.built = True
        return
    if not isinstance(layer, _Recurrent):
        raise ConfigError(key="error.layers.from_torch_weights.simplernn_lstm_gru")
    try:
        w_ih, w_hh = _to_numpy(state_dict["weight_ih_l0"]), _to_numpy(state_dict["weight_hh_l0"])
    except KeyError as e:
        raise ConfigError(key="error.layers.state_dict_layer", e=e) from None
    g = layer._gates * layer.units
    if w_ih.ndim != 2 or w_ih.shape[0] != g or w_hh.shape != (g, layer.units):
        raise ShapeError(
            key="error.layers.pytorch_weights_shapes",
            where=layer._where,
            shape=w_ih.shape,
            shape2=w_hh.shape,
            gates=layer._gates,
            units=layer.units,
        )
    if not layer.built:
        layer.input_shape = (None, None, w_ih.shape[1])
        layer.build((1, 1, w_ih.shape[1]))
        layer.built = True
    p = _torch_perm(layer)
    zeros = xp.zeros(g)
    b_ih = _to_numpy(state_dict.get("bias_ih_l0", zeros))[p]
    b_hh = _to_numpy(state_dict.get("bias_hh_l0", zeros))[p]
    values = [w_ih[p].T, w_hh[p].T]
    if layer.bias is not None:
        values.append(xp.stack([b_ih, b_hh]) if isinstance(layer, GRU) else b_ih + b_hh)
    elif xp.any(b_ih) or xp.any(b_hh):
        raise ConfigError(key="error.layers.use_bias_false_but", where=layer._where)
    layer.set_weights(values)
