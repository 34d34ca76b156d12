"""Recurrent operations, each fused over the whole sequence, and the embedding lookup.

A recurrent layer applied to a sequence x_1 .. x_T is ONE graph node, not T small ones: its
``forward`` loops over time and stores what the backward needs (states and gates); its
``backward`` is backpropagation through time (BPTT): one loop in reverse time carrying
dL/dh (and dL/dc), then one large matrix product for each weight gradient over all steps.
The input projections x_t W + b for all steps are also computed as one matrix product before
the loop. This is what makes a NumPy RNN fast: only the h_{t-1} U products stay per step.

Layouts (Keras'): x (N, T, F) batch-first; kernel W (F, G*H); recurrent kernel U (H, G*H);
bias b (G*H,) (GRU: (2, G*H)); G gates in Keras' order. Internally time runs on the first
axis (T, N, ...) so that every step reads contiguous memory.

Options shared by the three ops (keyword arguments of ``apply``):

- ``mask`` (N, T) booleans: where False (a padded step) the state is carried over unchanged,
  h_t = h_{t-1} (and c_t = c_{t-1}), and the output y_t is 0 (Keras' masking).
- ``reverse``: process t = T .. 1 (the backward half of a bidirectional layer). Outputs stay
  aligned with the input's time axis: y[:, t] is the output after reading x[:, t].
- ``return_sequences`` / ``return_state``: the output is (N, T, H) (every step), (N, H) (the
  last state), or, with ``return_state``, the packed (N, K, H) array
  [y_1 .. y_T (if return_sequences), h_T, (c_T)], which the layer slices.
- ``truncate`` k (truncated BPTT): the forward pass is unchanged, but in the backward pass the
  gradient that flows from the step at processing index s into the state before it is set to
  zero whenever s is a multiple of k (s = k, 2k, ...). The sequence is thus cut into windows of
  k steps; the gradient of a loss at any step reaches back at most to the start of its window,
  and the gradient of the initial state only comes from the first window.
- ``grad_norms``: a list; backward appends an array (T,) with ||dL/dh_t|| (Frobenius norm over
  the batch and units of the gradient reaching the state h_t, t in input-time order) so one can
  watch gradients vanish or explode.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import DataError, DTypeError
from ..tensor import Function, Tensor
from .kernel_mode import reference_kernels


def _sigmoid_(a: np.ndarray) -> np.ndarray:
    """In place: a <- 1 / (1 + e^-a), computed as (1 + tanh(a/2)) / 2 (never overflows)."""
    xp = array_module(a)
    a *= 0.5
    xp.tanh(a, out=a)
    a *= 0.5
    a += 0.5
    return a


class _Recurrence(Function):
    """Shared driver of the fused recurrent ops: input projection, reversal, masking, packing
    of the outputs, and the weight gradients as whole-sequence matrix products.

    A subclass implements ``_loop_forward(xw, u, b_rec, inits, m)`` (fills ``self`` with what
    its backward needs and returns (Y time-major or None, final states)) and
    ``_loop_backward(dY, d_finals)`` (returns dXW, the gradient of the input projections, and
    dZ, the gradient of the recurrent projections h_{t-1} U (+ b_rec), and the gradients of the
    initial states).
    """

    n_states = 1
    n_gates = 1  # G, the number of gate blocks of W, U and b
    perm: np.ndarray | None = None  # internal gate order = public[:, perm] (LSTM only)

    def __init__(
        self,
        mask: np.ndarray | None = None,
        reverse: bool = False,
        return_sequences: bool = False,
        return_state: bool = False,
        truncate: int | None = None,
        grad_norms: list | None = None,
        activation: str = "tanh",
    ) -> None:
        self.mask = mask
        self.reverse = reverse
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.truncate = truncate
        self.grad_norms = grad_norms
        self.activation = activation

    # ------------------------------------------------------------------------- forward
    def forward(self, x: np.ndarray, w: np.ndarray, u: np.ndarray, b: np.ndarray, *inits):
        xp = array_module(x, w, u)
        n, t_len, f = x.shape
        if self.perm is not None:  # e.g. LSTM (i, f, c, o) -> (i, f, o, c): sigmoids together
            w, u, b = w[:, self.perm], u[:, self.perm], b[..., self.perm]
        self.w, self.u = w, u
        xt = x.transpose(1, 0, 2)  # (T, N, F): time first, each step contiguous
        if self.reverse:
            xt = xt[::-1]
        xt = xp.ascontiguousarray(xt).reshape(t_len * n, f)
        self.xt = xt
        b_in, b_rec = (b[0], b[1]) if b.ndim == 2 else (b, None)
        xw = self._project(xt, w, b_in, t_len, n)  # every x_t W + b at once
        m = None
        if self.mask is not None:
            m = self.mask.T[:, :, None]  # (T, N, 1) booleans
            if self.reverse:
                m = m[::-1]
        self.m = m
        self.n, self.t_len = n, t_len
        y, finals = self._loop_forward(xw, u, b_rec, inits, m)

        parts = []
        if self.return_sequences:
            if y is None:  # unmasked: the outputs are the states h_1 .. h_T
                y = self.hs[1:]
            if self.reverse:
                y = y[::-1]
            parts.append(y.transpose(1, 0, 2))  # (N, T, H)
        if not self.return_state:
            return parts[0] if parts else finals[0]
        parts += [s[:, None, :] for s in finals]
        return xp.concatenate(parts, axis=1)

    # ------------------------------------------------------------------------ backward
    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xp = array_module(g)
        t_len = self.t_len
        hsz = self.u.shape[0]
        d_y = None
        d_finals: list[np.ndarray | None] = [None] * self.n_states
        if self.return_state:
            k = t_len if self.return_sequences else 0
            if self.return_sequences:
                d_y = g[:, :k]
            d_finals = [g[:, k + j] for j in range(self.n_states)]
        elif self.return_sequences:
            d_y = g
        else:
            d_finals[0] = g
        if d_y is not None:
            d_y = d_y.transpose(1, 0, 2)  # (T, N, H)
            if self.reverse:
                d_y = d_y[::-1]
        d_finals = [
            xp.zeros((self.n, hsz), self.u.dtype) if d is None else xp.array(d) for d in d_finals
        ]
        norms = xp.zeros(t_len) if self.grad_norms is not None else None
        dxw, dz, d_inits = self._loop_backward(d_y, d_finals, norms)
        if norms is not None:
            self.grad_norms.append(norms[::-1] if self.reverse else norms)

        need = self.needs_input_grad
        dxw2 = dxw.reshape(t_len * self.n, -1)
        dx = dw = du = db = None
        if need[0]:  # dx_t = dXW_t W^T, all steps at once
            dx = (dxw2 @ self.w.T).reshape(t_len, self.n, -1)
            if self.reverse:
                dx = dx[::-1]
            dx = dx.transpose(1, 0, 2)
        if need[1]:  # dW = sum_t x_t^T dXW_t
            dw = self.xt.T @ dxw2
        if need[2]:  # dU = sum_t h_{t-1}^T dZ_t
            du = self.hs[:-1].reshape(-1, hsz).T @ dz.reshape(-1, dz.shape[-1])
        if need[3]:
            db = dxw2.sum(axis=0)
            if dz is not dxw:  # separate recurrent bias (GRU reset_after): bias (2, 3H)
                db = xp.stack([db, dz.reshape(-1, dz.shape[-1]).sum(axis=0)])
        if self.perm is not None:
            inv = xp.argsort(self.perm)
            dw = dw[:, inv] if dw is not None else None
            du = du[:, inv] if du is not None else None
            db = db[..., inv] if db is not None else None
        grads = [dx, dw, du, db]
        for j, d in enumerate(d_inits):
            grads.append(d if need[4 + j] else None)
        return tuple(grads)

    def _project(self, xt, w, b_in, t_len: int, n: int):
        """The input projections x_t W + b of all steps: (T, N, G*H) as one GEMM, or, for a
        gated cell without a mask (``n_gates`` > 1), gate-major (G, T, N, H): each gate of each
        step is then a contiguous (N, H) block, and NumPy's element-wise passes over it run
        about 3.5x faster than over a column block of a (N, G*H) array (rows of H floats:
        measured 2.0 vs 7.2 us for one product of 128 x 128)."""
        xp = array_module(xt, w, b_in)
        if self.n_gates == 1 or self.mask is not None:
            xw = (xt @ w).reshape(t_len, n, -1)
            xw += b_in
            return xw
        g = self.n_gates
        hsz = w.shape[1] // g
        wg = w.reshape(-1, g, hsz).transpose(1, 0, 2)  # (G, F, H) views of W
        xw = xp.matmul(xt, wg)  # (G, T*N, H)
        xw += b_in.reshape(g, 1, hsz)
        return xw.reshape(g, t_len, n, hsz)

    def _cut(self, s: int) -> bool:
        """Truncated BPTT: no gradient flows from step s into the state before it."""
        return bool(self.truncate) and s > 0 and s % self.truncate == 0

    def _loop_forward(self, xw, u, b_rec, inits, m):  # pragma: no cover - abstract
        raise NotImplementedError

    def _loop_backward(self, d_y, d_finals, norms):  # pragma: no cover - abstract
        raise NotImplementedError


class SimpleRNNSeq(_Recurrence):
    """Elman RNN over a sequence:  a_t = x_t W + h_{t-1} U + b,  h_t = tanh(a_t).

    BPTT, for gh_t = dL/dh_t (from the output y_t = h_t and from step t+1):
        da_t = gh_t * (1 - h_t^2),   dL/dh_{t-1} += da_t U^T,
        dW = sum_t x_t^T da_t,  dU = sum_t h_{t-1}^T da_t,  db = sum_t da_t,  dx_t = da_t W^T.
    With ``activation="relu"``: h_t = max(0, a_t) and da_t = gh_t * [h_t > 0].
    """

    def _loop_forward(self, xw, u, b_rec, inits, m):
        xp = array_module(xw, u, b_rec)
        t_len, n, hsz = xw.shape
        hs = xp.empty((t_len + 1, n, hsz), dtype=xw.dtype)  # h_0 .. h_T
        hs[0] = inits[0]
        y = xp.empty_like(xw) if m is not None else None
        relu = self.activation == "relu"
        for t in range(t_len):
            a = xw[t]  # becomes the candidate state in place
            a += hs[t] @ u
            if relu:
                xp.maximum(a, 0, out=a)
            else:
                xp.tanh(a, out=a)
            if m is None:
                hs[t + 1] = a
            else:  # padded step: keep the state, output zero
                xp.copyto(hs[t + 1], xp.where(m[t], a, hs[t]))
                xp.copyto(y[t], xp.where(m[t], a, 0))
        self.hs, self.cand = hs, xw
        return y, [hs[t_len]]

    def _loop_backward(self, d_y, d_finals, norms):
        xp = array_module(d_y, d_finals, norms)
        u, cand, m = self.u, self.cand, self.m
        t_len = cand.shape[0]
        da = xp.empty_like(cand)
        dh = d_finals[0]
        relu = self.activation == "relu"
        for s in range(t_len - 1, -1, -1):
            gh = dh + d_y[s] if d_y is not None else dh  # total dL/dh_s
            if norms is not None:
                norms[s] = xp.sqrt(xp.vdot(gh, gh))
            if m is not None:
                gh = xp.where(m[s], gh, 0)
            if relu:
                xp.multiply(gh, cand[s] > 0, out=da[s])
            else:
                xp.multiply(gh, 1 - cand[s] * cand[s], out=da[s])
            dh_prev = da[s] @ u.T
            if m is not None:
                dh_prev += xp.where(m[s], 0, dh)  # a padded step passed h_{s-1} through
            if self._cut(s):
                dh_prev[...] = 0
            dh = dh_prev
        return da, da, [dh]


class LSTMSeq(_Recurrence):
    """Long short-term memory over a sequence (Keras gate order i, f, c, o):

        z_t = x_t W + h_{t-1} U + b,   split into i, f, g (the candidate "c"), o
        i = s(z_i), f = s(z_f), g = tanh(z_g), o = s(z_o)        (s = sigmoid)
        c_t = f * c_{t-1} + i * g,     h_t = o * tanh(c_t)

    BPTT, with gh = dL/dh_t and gc = dL/dc_t (carried from step t+1):
        gc += gh * o * (1 - tanh(c_t)^2)
        dz_o = gh * tanh(c_t) * o (1 - o),   dz_i = gc * g * i (1 - i),
        dz_f = gc * c_{t-1} * f (1 - f),     dz_g = gc * i * (1 - g^2),
        dL/dc_{t-1} = gc * f,   dL/dh_{t-1} = dz U^T.
    The cell path c_{t-1} -> c_t is multiplied only by f: with f near 1 the gradient can travel
    far back, which is why an LSTM remembers longer than a plain RNN.
    Internally the gates are reordered to (i, f, o, g) so that the three sigmoids are one slice.
    """

    n_states = 2
    n_gates = 4

    def forward(self, x, w, u, b, *inits):
        xp = array_module(x, w, u)
        hsz = u.shape[0]
        r = xp.arange(hsz)
        self.perm = xp.concatenate([r, r + hsz, r + 3 * hsz, r + 2 * hsz])
        return super().forward(x, w, u, b, *inits)

    def _loop_forward(self, xw, u, b_rec, inits, m):
        xp = array_module(xw, u, b_rec)
        hsz = u.shape[0]
        t_len, n = xw.shape[1:3] if m is None else xw.shape[:2]  # gate-major without a mask
        hs = xp.empty((t_len + 1, n, hsz), dtype=xw.dtype)
        cs = xp.empty_like(hs)
        hs[0], cs[0] = inits
        tc = xp.empty((t_len, n, hsz), dtype=xw.dtype)  # tanh(c_t) of the new cell
        y = xp.empty_like(tc) if m is not None else None
        if m is None:  # the same step in fewer, contiguous passes
            self._loop_unmasked(xw, u, hs, cs, tc)
        else:
            for t in range(t_len):
                z = xw[t]  # becomes the gate activations in place: (i, f, o, g)
                z += hs[t] @ u
                _sigmoid_(z[:, : 3 * hsz])
                xp.tanh(z[:, 3 * hsz :], out=z[:, 3 * hsz :])
                i, f, o, g = (z[:, k * hsz : (k + 1) * hsz] for k in range(4))
                c_new = f * cs[t]  # c_t = f * c_{t-1} + i * g
                c_new += i * g
                xp.tanh(c_new, out=tc[t])
                h_new = o * tc[t]  # h_t = o * tanh(c_t)
                # a padded step keeps both states and outputs zero
                xp.copyto(cs[t + 1], xp.where(m[t], c_new, cs[t]))
                xp.copyto(hs[t + 1], xp.where(m[t], h_new, hs[t]))
                xp.copyto(y[t], xp.where(m[t], h_new, 0))
        self.hs, self.cs, self.tc, self.gates = hs, cs, tc, xw
        return y, [hs[t_len], cs[t_len]]

    def _loop_unmasked(self, xw4, u, hs, cs, tc) -> None:
        """The loop above without a mask, on the gate-major projections (4, T, N, H): every
        pass works on contiguous (N, H) blocks. The new states are written straight into
        ``cs`` / ``hs``, and the sigmoids' halving s(z) = (1 + tanh(z / 2)) / 2 is folded into
        the sigmoid gates' projections and U (exact: halving a float only changes its
        exponent)."""
        xp = array_module(xw4, u)
        hsz = u.shape[0]
        xw4[:3] *= 0.5  # every step's x_t W + b of the sigmoid gates, halved, at once
        u_half = u.copy()
        u_half[:, : 3 * hsz] *= 0.5
        u4 = u_half.reshape(hsz, 4, hsz).transpose(1, 0, 2)  # (4, H, H): U's gate blocks
        for t in range(xw4.shape[1]):
            z = xw4[:, t]  # (4, N, H), becomes the gate activations (i, f, o, g) in place
            z += xp.matmul(hs[t], u4)
            xp.tanh(z, out=z)  # tanh(z/2) for the sigmoid gates, tanh(z) for g
            z[:3] *= 0.5
            z[:3] += 0.5
            i, f, o, g = z
            xp.multiply(f, cs[t], out=cs[t + 1])  # c_t = f * c_{t-1} + i * g
            cs[t + 1] += i * g
            xp.tanh(cs[t + 1], out=tc[t])
            xp.multiply(o, tc[t], out=hs[t + 1])  # h_t = o * tanh(c_t)

    def _loop_backward_gate_major(self, d_y, d_finals, norms):
        """The backward loop below for gates stored gate-major (4, T, N, H): the same formulas,
        every pass on contiguous blocks; only the four dz blocks are written into the
        (N, 4H) rows the weight gradients' GEMMs read."""
        xp = array_module(d_y, d_finals, norms)
        u, cs, tc, gates = self.u, self.cs, self.tc, self.gates
        t_len, n, hsz = gates.shape[1:]
        dz = xp.empty((t_len, n, 4 * hsz), dtype=gates.dtype)
        dh, dc = d_finals
        u_t = u.T
        for s in range(t_len - 1, -1, -1):
            gh = dh + d_y[s] if d_y is not None else dh
            if norms is not None:
                norms[s] = xp.sqrt(xp.vdot(gh, gh))
            i, f, o, g = gates[:, s]
            d, tcs = dz[s], tc[s]
            gc = tcs * tcs  # gc = dc + gh * o * (1 - tanh(c_t)^2)
            xp.subtract(1, gc, out=gc)
            gc *= o
            gc *= gh
            gc += dc
            xp.multiply(gh * tcs, o * (1 - o), out=d[:, 2 * hsz : 3 * hsz])  # dz_o
            xp.multiply(gc * g, i * (1 - i), out=d[:, :hsz])  # dz_i
            xp.multiply(gc * cs[s], f * (1 - f), out=d[:, hsz : 2 * hsz])  # dz_f
            xp.multiply(gc * i, 1 - g * g, out=d[:, 3 * hsz :])  # dz_g
            dc_prev = gc * f
            dh_prev = d @ u_t
            if self._cut(s):
                dh_prev[...] = 0
                dc_prev[...] = 0
            dh, dc = dh_prev, dc_prev
        return dz, dz, [dh, dc]

    def _loop_backward(self, d_y, d_finals, norms):
        if self.m is None:
            return self._loop_backward_gate_major(d_y, d_finals, norms)
        xp = array_module(d_y, d_finals, norms)
        u, m, cs, tc, gates = self.u, self.m, self.cs, self.tc, self.gates
        t_len, _, g4 = gates.shape
        hsz = g4 // 4
        dz = xp.empty_like(gates)
        dh, dc = d_finals
        for s in range(t_len - 1, -1, -1):
            gh = dh + d_y[s] if d_y is not None else dh
            if norms is not None:
                norms[s] = xp.sqrt(xp.vdot(gh, gh))
            gc = dc
            if m is not None:
                gh, gc = xp.where(m[s], gh, 0), xp.where(m[s], dc, 0)
            z = gates[s]
            i, f, o, g = (z[:, k * hsz : (k + 1) * hsz] for k in range(4))
            d = dz[s]
            gc = gc + gh * o * (1 - tc[s] * tc[s])
            xp.multiply(gh * tc[s], o * (1 - o), out=d[:, 2 * hsz : 3 * hsz])
            xp.multiply(gc * g, i * (1 - i), out=d[:, :hsz])
            xp.multiply(gc * cs[s], f * (1 - f), out=d[:, hsz : 2 * hsz])
            xp.multiply(gc * i, 1 - g * g, out=d[:, 3 * hsz :])
            dc_prev = gc * f
            dh_prev = d @ u.T
            if m is not None:
                dh_prev += xp.where(m[s], 0, dh)
                dc_prev += xp.where(m[s], 0, dc)
            if self._cut(s):
                dh_prev[...] = 0
                dc_prev[...] = 0
            dh, dc = dh_prev, dc_prev
        return dz, dz, [dh, dc]


class GRUSeq(_Recurrence):
    """Gated recurrent unit over a sequence (Keras gate order z, r, h; ``reset_after=True``,
    which is also PyTorch's formula). With bias b = (b_in, b_rec), each (3H,):

        xz = x_t W + b_in,   hz = h_{t-1} U + b_rec         (each split into z, r, h parts)
        z = s(xz_z + hz_z),  r = s(xz_r + hz_r),  n = tanh(xz_h + r * hz_h)
        h_t = z * h_{t-1} + (1 - z) * n

    BPTT, with gh = dL/dh_t:
        dz = gh * (h_{t-1} - n),  dn = gh * (1 - z),  da_n = dn * (1 - n^2),
        da_z = dz * z (1 - z),    da_r = da_n * hz_h * r (1 - r),
        d xz = (da_z, da_r, da_n),   d hz = (da_z, da_r, da_n * r),
        dL/dh_{t-1} = gh * z + d hz U^T.
    """

    n_gates = 3

    def _loop_forward(self, xw, u, b_rec, inits, m):
        if m is None:
            return self._loop_gate_major(xw, u, b_rec, inits)
        xp = array_module(xw, u, b_rec)
        t_len, n, g3 = xw.shape
        hsz = g3 // 3
        hs = xp.empty((t_len + 1, n, hsz), dtype=xw.dtype)
        hs[0] = inits[0]
        hzh = xp.empty((t_len, n, hsz), dtype=xw.dtype)  # h_{t-1} U_h + b_rec_h, kept for dr
        y = xp.empty_like(hzh)
        for t in range(t_len):
            a = xw[t]  # becomes (z, r, n) in place
            hz = hs[t] @ u
            hz += b_rec
            a[:, : 2 * hsz] += hz[:, : 2 * hsz]
            _sigmoid_(a[:, : 2 * hsz])
            z, r, nn = a[:, :hsz], a[:, hsz : 2 * hsz], a[:, 2 * hsz :]
            hzh[t] = hz[:, 2 * hsz :]
            nn += r * hzh[t]
            xp.tanh(nn, out=nn)
            h_new = hs[t] - nn  # h = n + z (h_prev - n)
            h_new *= z
            h_new += nn
            xp.copyto(hs[t + 1], xp.where(m[t], h_new, hs[t]))
            xp.copyto(y[t], xp.where(m[t], h_new, 0))
        self.hs, self.gates, self.hzh = hs, xw, hzh
        return y, [hs[t_len]]

    def _loop_gate_major(self, xw3, u, b_rec, inits):
        """The loop above without a mask, on gate-major projections (3, T, N, H) (see
        ``_project``): every pass works on contiguous (N, H) blocks."""
        xp = array_module(xw3, u, b_rec)
        _, t_len, n, hsz = xw3.shape
        hs = xp.empty((t_len + 1, n, hsz), dtype=xw3.dtype)
        hs[0] = inits[0]
        hzh = xp.empty((t_len, n, hsz), dtype=xw3.dtype)  # h_{t-1} U_h + b_rec_h, kept for dr
        u3 = u.reshape(hsz, 3, hsz).transpose(1, 0, 2)  # (3, H, H): U's gate blocks
        b3 = b_rec.reshape(3, 1, hsz)
        for t in range(t_len):
            a = xw3[:, t]  # (3, N, H), becomes (z, r, n) in place
            hz = xp.matmul(hs[t], u3)
            hz += b3
            a[:2] += hz[:2]
            _sigmoid_(a[:2])
            z, r, nn = a
            hzh[t] = hz[2]
            nn += r * hzh[t]
            xp.tanh(nn, out=nn)
            h_new = hs[t + 1]  # h = n + z (h_prev - n), written in place
            xp.subtract(hs[t], nn, out=h_new)
            h_new *= z
            h_new += nn
        self.hs, self.gates, self.hzh = hs, xw3, hzh
        return None, [hs[t_len]]

    def _loop_backward(self, d_y, d_finals, norms):
        xp = array_module(d_y, d_finals, norms)
        u, m, hs, gates, hzh = self.u, self.m, self.hs, self.gates, self.hzh
        gate_major = m is None  # gates (3, T, N, H) without a mask, else (T, N, 3H)
        t_len = gates.shape[1] if gate_major else gates.shape[0]
        hsz = u.shape[0]
        n = hs.shape[1]
        dxz = xp.empty((t_len, n, 3 * hsz), dtype=hs.dtype)
        dhz = xp.empty_like(dxz)
        dh = d_finals[0]
        u_t = u.T
        for s in range(t_len - 1, -1, -1):
            gh = dh + d_y[s] if d_y is not None else dh
            if norms is not None:
                norms[s] = xp.sqrt(xp.vdot(gh, gh))
            if m is not None:
                gh = xp.where(m[s], gh, 0)
            if gate_major:
                z, r, nn = gates[:, s]
            else:
                a = gates[s]
                z, r, nn = a[:, :hsz], a[:, hsz : 2 * hsz], a[:, 2 * hsz :]
            dn = gh * (1 - z)
            da_n = dn * (1 - nn * nn)
            dx_, dh_ = dxz[s], dhz[s]
            xp.multiply(gh * (hs[s] - nn), z * (1 - z), out=dx_[:, :hsz])
            xp.multiply(da_n * hzh[s], r * (1 - r), out=dx_[:, hsz : 2 * hsz])
            dx_[:, 2 * hsz :] = da_n
            dh_[:, : 2 * hsz] = dx_[:, : 2 * hsz]
            xp.multiply(da_n, r, out=dh_[:, 2 * hsz :])
            dh_prev = gh * z
            dh_prev += dh_ @ u_t
            if m is not None:
                dh_prev += xp.where(m[s], 0, dh)
            if self._cut(s):
                dh_prev[...] = 0
            dh = dh_prev
        return dxz, dhz, [dh]


def recurrence(
    kind: str,
    x: Tensor,
    kernel: Tensor,
    recurrent_kernel: Tensor,
    bias: Tensor,
    initial_state: list[Tensor],
    **options: Any,
) -> Tensor:
    """Run a fused recurrent op (``kind`` "simple_rnn", "lstm" or "gru") over x (N, T, F).

    Shapes are checked by the layers (which name themselves in errors); options are described
    in the module docstring.

    Example:
        >>> import numpy as np
        >>> x = Tensor(np.ones((2, 5, 3), np.float32))
        >>> w, u = Tensor(np.ones((3, 4), np.float32)), Tensor(np.eye(4, dtype=np.float32))
        >>> b, h0 = Tensor(np.zeros(4, np.float32)), Tensor(np.zeros((2, 4), np.float32))
        >>> recurrence("simple_rnn", x, w, u, b, [h0], return_sequences=True).shape
        (2, 5, 4)
    """
    if reference_kernels():  # the cells step by step, from elementary ops (issue 15)
        from .reference import ref_recurrence

        return ref_recurrence(kind, x, kernel, recurrent_kernel, bias, initial_state, **options)
    op = {"simple_rnn": SimpleRNNSeq, "lstm": LSTMSeq, "gru": GRUSeq}[kind]
    return op.apply(x, kernel, recurrent_kernel, bias, *initial_state, **options)


class EmbeddingLookup(Function):
    """y[n, t] = E[ids[n, t]]: row lookup in the table E (V, D).

    Backward: dE[v] = sum of g[n, t] over every position with ids[n, t] == v (a scatter-add);
    the integer ids get no gradient.
    """

    def __init__(self, ids: np.ndarray) -> None:
        self.ids = ids

    def forward(self, table: np.ndarray) -> np.ndarray:
        self.shape = table.shape
        return table[self.ids]

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        d = xp.zeros(self.shape, dtype=g.dtype)
        xp.add.at(d, self.ids.reshape(-1), g.reshape(-1, self.shape[1]))
        return d


def embedding(ids: Any, table: Tensor, *, name: str = "embedding") -> Tensor:
    """Look up rows of ``table`` (V, D) for integer ``ids`` of any shape: output ids.shape + (D,).

    Example:
        >>> import numpy as np
        >>> embedding(np.array([[0, 2]]), Tensor(np.eye(3, dtype=np.float32))).tolist()
        [[[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]]
    """
    xp = array_module(ids, table)
    ids = xp.asarray(ids.data if isinstance(ids, Tensor) else ids)
    if ids.dtype.kind == "f":
        if not xp.all(ids == xp.round(ids)):
            raise DTypeError(key="error.ops.recurrent.integer_ids_non", name=name)
        ids = ids.astype(np.int64)
    elif ids.dtype.kind not in "iu":
        raise DTypeError(key="error.ops.recurrent.integer_ids_dtype", name=name, dtype=ids.dtype)
    vocab = table.shape[0]
    if ids.size and (ids.min() < 0 or ids.max() >= vocab):
        raise DataError(
            key="error.ops.recurrent.ids_input_dim_values",
            name=name,
            last=vocab - 1,
            vocab=vocab,
            min=ids.min(),
            max=ids.max(),
        )
    return EmbeddingLookup.apply(table, ids=ids)
