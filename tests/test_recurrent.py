"""Recurrent layers (SimpleRNN, LSTM, GRU, Bidirectional, TimeDistributed) and Embedding.

Gradients are proven twice: by finite differences in float64 (mitbadak.gradcheck) and against
PyTorch's nn.RNN / nn.LSTM / nn.GRU with copied weights (outputs, final states, and the
gradients of every weight, the input and the initial states).
"""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import initializers, optimizers
from mitbadak.errors import ConfigError, DataError, ShapeError
from mitbadak.layers import (
    GRU,
    LSTM,
    Bidirectional,
    Dense,
    Embedding,
    SimpleRNN,
    TimeDistributed,
)
from mitbadak.layers.embedding import get_mask
from mitbadak.layers.recurrent import from_torch_weights, timestep_grad_norms, to_torch_weights
from mitbadak.ops.reduce import sum as tsum

KINDS = {"rnn": SimpleRNN, "lstm": LSTM, "gru": GRU}


@pytest.fixture(autouse=True)
def _seed():
    mb.set_seed(0)  # weight initializers draw from the global generator


def _torch():
    return pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")


def _torch_module(torch, kind: str, f: int, h: int, **kw):
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind]
    torch.manual_seed(0)
    m = cls(f, h, batch_first=True, **kw).double()
    with torch.no_grad():  # nonzero, distinct biases so that bias mistakes show
        for name, p in m.named_parameters():
            if "bias" in name:
                p.uniform_(-0.5, 0.5)
    return m


def _grads_in_torch_layout(layer) -> dict[str, np.ndarray]:
    """Our weight gradients, mapped to PyTorch's names through to_torch_weights."""
    layers = (
        [layer.forward_layer, layer.backward_layer] if isinstance(layer, Bidirectional) else [layer]
    )
    saved = [[w.data for w in la.weights] for la in layers]
    for la in layers:
        for w in la.weights:
            w.data = w.grad
    try:
        return to_torch_weights(layer)
    finally:
        for la, ws in zip(layers, saved):
            for w, d in zip(la.weights, ws):
                w.data = d


def _compare_param_grads(layer, module, kind: str) -> None:
    ours = _grads_in_torch_layout(layer)
    for name, p in module.named_parameters():
        ref = p.grad.numpy()
        got = ours[name]
        if name.startswith("bias_hh") and kind != "gru":
            # One Keras bias b = b_ih + b_hh: both PyTorch biases have the gradient of b.
            got = ours[name.replace("bias_hh", "bias_ih")]
        np.testing.assert_allclose(got, ref, rtol=1e-9, atol=1e-10, err_msg=name)


# ------------------------------------------------------------------------ PyTorch parity
@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("t_len", [1, 5, 17])
@pytest.mark.parametrize("return_sequences", [True, False])
def test_matches_pytorch_outputs_states_and_all_gradients(kind, t_len, return_sequences, rng):
    torch = _torch()
    n, f, h = 3, 4, 5
    module = _torch_module(torch, kind, f, h)
    layer = KINDS[kind](h, return_sequences=return_sequences, return_state=True, dtype="float64")
    from_torch_weights(layer, module.state_dict())
    x = rng.standard_normal((n, t_len, f))
    n_states = 2 if kind == "lstm" else 1
    s0 = [rng.standard_normal((n, h)) for _ in range(n_states)]

    xt = torch.tensor(x, requires_grad=True)
    s0t = [torch.tensor(s[None], requires_grad=True) for s in s0]
    out_t, st_t = module(xt, tuple(s0t) if kind == "lstm" else s0t[0])
    st_t = list(st_t) if kind == "lstm" else [st_t]

    xm = mb.Tensor(x, requires_grad=True)
    s0m = [mb.Tensor(s, requires_grad=True) for s in s0]
    res = layer(xm, initial_state=s0m)
    out_m, st_m = res[0], res[1:]

    ref_out = out_t if return_sequences else out_t[:, -1]
    np.testing.assert_allclose(out_m.data, ref_out.detach().numpy(), rtol=1e-10, atol=1e-12)
    for a, b in zip(st_m, st_t):
        np.testing.assert_allclose(a.data, b[0].detach().numpy(), rtol=1e-10, atol=1e-12)

    gy = rng.standard_normal(out_m.shape)
    gs = [rng.standard_normal((n, h)) for _ in range(n_states)]
    loss_m = tsum(out_m * mb.Tensor(gy))
    loss_t = (ref_out * torch.tensor(gy)).sum()
    for a, b, g in zip(st_m, st_t, gs):
        loss_m = loss_m + tsum(a * mb.Tensor(g))
        loss_t = loss_t + (b[0] * torch.tensor(g)).sum()
    loss_m.backward()
    loss_t.backward()
    np.testing.assert_allclose(xm.grad, xt.grad.numpy(), rtol=1e-9, atol=1e-10)
    for a, b in zip(s0m, s0t):
        np.testing.assert_allclose(a.grad, b.grad.numpy()[0], rtol=1e-9, atol=1e-10)
    _compare_param_grads(layer, module, kind)


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_masking_matches_pytorch_packed_sequences(kind, bidirectional, rng):
    torch = _torch()
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    n, t_len, f, h = 4, 7, 3, 5
    lengths = np.array([7, 3, 5, 1])
    module = _torch_module(torch, kind, f, h, bidirectional=bidirectional)
    inner = KINDS[kind](h, return_sequences=True, return_state=True, dtype="float64")
    layer = Bidirectional(inner) if bidirectional else inner
    from_torch_weights(layer, module.state_dict())
    x = rng.standard_normal((n, t_len, f))
    x[np.arange(t_len)[None, :] >= lengths[:, None]] = 99.0  # padding must not matter

    xt = torch.tensor(x, requires_grad=True)
    packed = pack_padded_sequence(xt, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
    out_p, st_t = module(packed)
    out_t, _ = pad_packed_sequence(out_p, batch_first=True, total_length=t_len)
    h_t = st_t[0] if kind == "lstm" else st_t

    xm = mb.Tensor(x, requires_grad=True)
    res = layer(xm, lengths=lengths)
    out_m = res[0]
    np.testing.assert_allclose(out_m.data, out_t.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(res[1].data, h_t[0].detach().numpy(), rtol=1e-10, atol=1e-12)
    if bidirectional:  # backward direction's final state comes after the forward's states
        k = 2 if kind == "lstm" else 1
        np.testing.assert_allclose(res[1 + k].data, h_t[1].detach().numpy(), rtol=1e-10)

    gy = rng.standard_normal(out_m.shape)
    gh = rng.standard_normal((n, h))
    (tsum(out_m * mb.Tensor(gy)) + tsum(res[1] * mb.Tensor(gh))).backward()
    ((out_t * torch.tensor(gy)).sum() + (h_t[0] * torch.tensor(gh)).sum()).backward()
    np.testing.assert_allclose(xm.grad, xt.grad.numpy(), rtol=1e-9, atol=1e-10)
    _compare_param_grads(layer, module, kind)


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_bidirectional_last_state_matches_pytorch(kind, rng):
    torch = _torch()
    n, t_len, f, h = 2, 6, 3, 4
    module = _torch_module(torch, kind, f, h, bidirectional=True)
    layer = Bidirectional(KINDS[kind](h, dtype="float64"))
    from_torch_weights(layer, module.state_dict())
    x = rng.standard_normal((n, t_len, f))
    xt = torch.tensor(x, requires_grad=True)
    _, st = module(xt)
    h_n = st[0] if kind == "lstm" else st
    ref = torch.cat([h_n[0], h_n[1]], dim=-1)  # forward's h_T, backward's state after x_0
    xm = mb.Tensor(x, requires_grad=True)
    out = layer(xm)
    np.testing.assert_allclose(out.data, ref.detach().numpy(), rtol=1e-10, atol=1e-12)
    g = rng.standard_normal(out.shape)
    tsum(out * mb.Tensor(g)).backward()
    (ref * torch.tensor(g)).sum().backward()
    np.testing.assert_allclose(xm.grad, xt.grad.numpy(), rtol=1e-9, atol=1e-10)
    _compare_param_grads(layer, module, kind)


def test_relu_simple_rnn_matches_pytorch(rng):
    torch = _torch()
    module = _torch_module(torch, "rnn", 3, 4, nonlinearity="relu")
    layer = SimpleRNN(4, activation="relu", return_sequences=True, dtype="float64")
    from_torch_weights(layer, module.state_dict())
    x = rng.standard_normal((2, 6, 3))
    xm, xt = mb.Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
    out_t, _ = module(xt)
    out_m = layer(xm)
    np.testing.assert_allclose(out_m.data, out_t.detach().numpy(), rtol=1e-10, atol=1e-12)
    tsum(out_m * out_m).backward()
    (out_t * out_t).sum().backward()
    np.testing.assert_allclose(xm.grad, xt.grad.numpy(), rtol=1e-9, atol=1e-10)
    _compare_param_grads(layer, module, "rnn")


def test_torch_weight_round_trip_and_keras_layout():
    torch = _torch()
    module = _torch_module(torch, "gru", 3, 2)
    gru = GRU(2, dtype="float64")
    from_torch_weights(gru, module.state_dict())
    assert [w.shape for w in gru.get_weights()] == [(3, 6), (2, 6), (2, 6)]
    back = to_torch_weights(gru)
    for k, v in module.state_dict().items():
        np.testing.assert_array_equal(back[k], v.numpy())
    # Keras' z block is PyTorch's second block (PyTorch order r, z, n).
    np.testing.assert_array_equal(
        gru.kernel.data[:, :2], module.weight_ih_l0.detach().numpy()[2:4].T
    )
    lstm = LSTM(2, dtype="float64")
    sd = _torch_module(torch, "lstm", 3, 2).state_dict()
    from_torch_weights(lstm, sd)
    np.testing.assert_allclose(lstm.bias.data, (sd["bias_ih_l0"] + sd["bias_hh_l0"]).numpy())


# --------------------------------------------------------------------- finite differences
@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("variant", ["plain", "masked_reverse"])
def test_gradcheck_float64(kind, variant, rng):
    n, t_len, f, h = 2, 4, 3, 3
    layer = KINDS[kind](
        h,
        return_sequences=True,
        return_state=True,
        go_backwards=variant != "plain",
        bias_initializer=initializers.RandomUniform(-0.5, 0.5, seed=1),
        dtype="float64",
    )
    x = mb.Tensor(rng.standard_normal((n, t_len, f)), requires_grad=True)
    n_states = 2 if kind == "lstm" else 1
    s0 = [mb.Tensor(0.5 * rng.standard_normal((n, h)), requires_grad=True) for _ in range(n_states)]
    mask = np.array([[1, 1, 1, 1], [1, 0, 1, 0]], bool) if variant != "plain" else None
    layer(x, initial_state=s0)  # build
    # C-contiguous copies: gradcheck perturbs through a flat view, and the orthogonal
    # initializer's (H, G*H) float64 output is a transposed (Fortran-ordered) array.
    layer.set_weights(layer.get_weights())
    weights = layer.weights

    def f_(x, *args):
        res = layer(x, initial_state=list(args[:n_states]), mask=mask)
        return mb.concatenate([res[0].reshape(n, -1)] + [s for s in res[1:]], axis=1)

    assert mb.gradcheck(f_, [x, *s0, *weights])


def test_gradcheck_embedding_and_time_distributed(rng):
    emb = Embedding(5, 3, dtype="float64")
    ids = np.array([[1, 4, 1], [0, 2, 1]])
    emb(ids)
    assert mb.gradcheck(lambda t: emb(ids), [emb.embeddings])
    td = TimeDistributed(Dense(2, dtype="float64"))
    x = mb.Tensor(rng.standard_normal((2, 3, 4)), requires_grad=True)
    td(x)
    assert mb.gradcheck(lambda x, *w: td(x), [x, *td.weights])


# ------------------------------------------------------------------------ truncated BPTT
@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_truncated_bptt_equals_detached_windows(kind, rng):
    """truncate=k gives exactly the gradients of running windows of k steps, each starting
    from the previous window's final state *detached* (no gradient through it)."""
    n, t_len, f, h, k = 2, 7, 3, 4, 3
    x = rng.standard_normal((n, t_len, f))
    gy = rng.standard_normal((n, t_len, h))
    full = KINDS[kind](h, return_sequences=True, truncate=k, dtype="float64", name=f"tb_{kind}")
    loss = tsum(full(mb.Tensor(x)) * mb.Tensor(gy))
    loss.backward()

    ref = KINDS[kind](h, return_sequences=True, return_state=True, dtype="float64")
    ref(x[:, :1])
    ref.set_weights(full.get_weights())
    states = None
    for t0 in range(0, t_len, k):
        res = ref(mb.Tensor(x[:, t0 : t0 + k]), initial_state=states)
        tsum(res[0] * mb.Tensor(gy[:, t0 : t0 + k])).backward()
        states = [s.detach() for s in res[1:]]
    for a, b in zip(full.weights, ref.weights):
        np.testing.assert_allclose(a.grad, b.grad, rtol=1e-10, atol=1e-12)

    # A window at least as long as the sequence is full BPTT.
    plain = KINDS[kind](h, return_sequences=True, dtype="float64")
    plain(x[:, :1])
    plain.set_weights(full.get_weights())
    tsum(plain(mb.Tensor(x)) * mb.Tensor(gy)).backward()
    long = KINDS[kind](h, return_sequences=True, truncate=t_len, dtype="float64")
    long(x[:, :1])
    long.set_weights(full.get_weights())
    tsum(long(mb.Tensor(x)) * mb.Tensor(gy)).backward()
    for a, b in zip(plain.weights, long.weights):
        np.testing.assert_allclose(a.grad, b.grad, rtol=1e-12)
    assert not np.allclose(plain.weights[1].grad, full.weights[1].grad)


# --------------------------------------------------------------- layers, masks, options
def test_embedding_mask_zero_drives_lstm_like_lengths(rng):
    ids = np.array([[3, 1, 2, 0, 0], [4, 0, 0, 0, 0]])
    emb = Embedding(6, 4, mask_zero=True)
    vecs = emb(ids)
    assert vecs.dtype == np.float32 and vecs.shape == (2, 5, 4)
    np.testing.assert_array_equal(get_mask(vecs), ids != 0)
    lstm = LSTM(3, return_sequences=True)
    auto = lstm(vecs)
    explicit = lstm(vecs.detach(), lengths=[3, 1])
    np.testing.assert_allclose(auto.data, explicit.data)
    assert np.all(auto.data[0, 3:] == 0) and np.all(auto.data[1, 1:] == 0)
    assert np.any(auto.data[0, :3] != 0)
    # Many-to-one: the last state is the one after the last real token.
    last = LSTM(3, name="last_state_lstm")
    out = last(emb(ids))
    last_seq = LSTM(3, return_sequences=True)
    last_seq(vecs)
    last_seq.set_weights(last.get_weights())
    np.testing.assert_allclose(out.data[0], last_seq(emb(ids)).data[0, 2], rtol=1e-6)


def test_embedding_ids_stay_integers_and_errors():
    emb = Embedding(4, 2)
    big = np.array([[2**24 + 1]])  # would be rounded if cast to float32
    with pytest.raises(DataError, match="input_dim=4"):
        emb(big)
    with pytest.raises(DataError, match=r"\[0, 3\]"):
        emb(np.array([[-1, 2]]))
    with pytest.raises(mb.DTypeError):
        emb(np.array([[0.5]]))
    out = emb(np.array([[1, 3]], dtype=np.int32))
    np.testing.assert_array_equal(out.data[0], emb.embeddings.data[[1, 3]])
    tsum(out).backward()
    np.testing.assert_array_equal(emb.embeddings.grad.sum(axis=1), [0, 2, 0, 2])


def test_embedding_gradient_matches_pytorch(rng):
    torch = _torch()
    ids = rng.integers(0, 7, (4, 6))
    emb = Embedding(7, 3, dtype="float64")
    emb(ids)
    temb = torch.nn.Embedding(7, 3).double()
    with torch.no_grad():
        temb.weight.copy_(torch.tensor(emb.embeddings.data))
    g = rng.standard_normal((4, 6, 3))
    tsum(emb(ids) * mb.Tensor(g)).backward()
    (temb(torch.tensor(ids)) * torch.tensor(g)).sum().backward()
    np.testing.assert_allclose(emb.embeddings.grad, temb.weight.grad.numpy(), rtol=1e-12)


def test_go_backwards_returns_reversed_sequence_like_keras(rng):
    x = rng.standard_normal((2, 5, 3)).astype(np.float32)
    fwd = GRU(4, return_sequences=True)
    fwd(x)
    bwd = GRU(4, return_sequences=True, go_backwards=True)
    bwd(x)
    bwd.set_weights(fwd.get_weights())
    # Reading x backwards is reading the reversed sequence forwards.
    np.testing.assert_allclose(bwd(x).data, fwd(x[:, ::-1].copy()).data, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("mode", ["concat", "sum", "ave", "mul", None])
def test_bidirectional_merge_modes(mode, rng):
    x = rng.standard_normal((2, 4, 3)).astype(np.float32)
    bi = Bidirectional(SimpleRNN(5, return_sequences=True), merge_mode=mode)
    out = bi(x)
    f = bi.forward_layer(x).data
    b = bi.backward_layer._apply(mb.Tensor(x), None, None, None, align=True).data
    expect = {
        "concat": np.concatenate([f, b], -1),
        "sum": f + b,
        "ave": (f + b) / 2,
        "mul": f * b,
    }
    if mode is None:
        np.testing.assert_allclose(out[0].data, f)
        np.testing.assert_allclose(out[1].data, b)
    else:
        np.testing.assert_allclose(out.data, expect[mode], rtol=1e-6)
    assert [w.shape for w in bi.weights] == [(3, 5), (5, 5), (5,)] * 2
    assert bi.weights[0].name.startswith(bi.forward_layer.name)


def test_time_distributed_equals_dense_on_sequences(rng):
    x = rng.standard_normal((2, 3, 4)).astype(np.float32)
    dense = Dense(5)
    td = TimeDistributed(dense)
    np.testing.assert_allclose(td(x).data, dense(x).data, rtol=1e-6)
    assert td.weights == dense.weights


def test_sequential_many_to_many_with_embedding_trains_and_saves(tmp_path, rng):
    ids = rng.integers(1, 6, (8, 5))
    model = mb.Sequential(
        [Embedding(6, 4, mask_zero=True), LSTM(8, return_sequences=True), TimeDistributed(Dense(6))]
    )
    assert model(ids).shape == (8, 5, 6)
    opt = optimizers.SGD(model.parameters(), lr=1.0, momentum=0.9)
    target = np.roll(ids, 1, axis=1)
    losses = []
    for _ in range(30):
        loss = mb.softmax_cross_entropy(model(ids).reshape(-1, 6), target.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.75 * losses[0]
    path = tmp_path / "m.npz"
    mb.save_model(model, path)
    again = mb.load_model(path)
    np.testing.assert_allclose(again(ids).data, model(ids).data, rtol=1e-6)


def test_config_round_trip():
    for layer in [
        SimpleRNN(3, activation="relu", truncate=4, return_state=True),
        LSTM(3, unit_forget_bias=False, go_backwards=True),
        GRU(3, return_sequences=True),
        Bidirectional(LSTM(2), merge_mode="sum"),
        TimeDistributed(Dense(2)),
        Embedding(5, 2, mask_zero=True),
    ]:
        spec = mb.layers.layer_to_config(layer)
        again = mb.layers.layer_from_config(spec)
        assert type(again) is type(layer)
        assert mb.layers.layer_to_config(again)["config"] == spec["config"]


def test_lstm_unit_forget_bias_and_float32(rng):
    lstm = LSTM(3)
    out = lstm(rng.standard_normal((2, 4, 5)))  # float64 data: the layer stays float32
    np.testing.assert_array_equal(lstm.bias.data, [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])
    tsum(out).backward()
    assert out.dtype == np.float32
    assert all(w.grad.dtype == np.float32 for w in lstm.weights)


def test_long_sequence_has_no_recursion_error_and_linear_memory(rng):
    x = rng.standard_normal((2, 1000, 3)).astype(np.float32)
    for layer in (SimpleRNN(4), LSTM(4), GRU(4)):
        xm = mb.Tensor(x, requires_grad=True)
        loss = tsum(layer(xm))
        loss.backward()
        assert np.isfinite(xm.grad).all() and layer.kernel.grad is not None
    # One graph node however long the sequence: the graph does not grow with T.
    out = LSTM(4, return_sequences=True)(mb.Tensor(x, requires_grad=True))
    assert len(list(mb.tensor.iter_graph(out))) == 1


# ------------------------------------------------------------- vanishing and exploding
def test_timestep_grad_norms_vanish_in_simple_rnn(rng):
    x = rng.standard_normal((8, 30, 4)).astype(np.float32)
    rnn = SimpleRNN(
        16,
        kernel_initializer=initializers.RandomNormal(0, 0.1, seed=0),
        recurrent_initializer=initializers.Orthogonal(0.5, seed=0),
    )
    norms = timestep_grad_norms(rnn, x, lambda h: tsum(h))
    assert norms.shape == (30,)
    assert np.all(np.diff(norms) > 0)  # shrinking at every step going back in time
    assert norms[0] < 1e-6 * norms[-1]
    assert all(w.grad is None for w in rnn.weights)  # gradients left untouched

    # Large recurrent weights with relu make them explode instead.
    big = SimpleRNN(
        16, activation="relu", recurrent_initializer=initializers.Orthogonal(1.5, seed=0)
    )
    norms = timestep_grad_norms(big, np.abs(x), lambda h: tsum(h))
    assert norms[0] > 100 * norms[-1]


def test_lstm_keeps_gradients_alive_on_long_memory(rng):
    """Remembering x_0 for 50 steps needs dL/dh_0 to survive; an LSTM whose forget gates are
    open (bias 3, f ~ 0.95) carries it along the cell, a tanh RNN loses it."""
    x = rng.standard_normal((8, 50, 4)).astype(np.float32)
    rnn = SimpleRNN(16, recurrent_initializer=initializers.Orthogonal(1.0, seed=0))
    lstm = LSTM(16, recurrent_initializer=initializers.Orthogonal(1.0, seed=0))
    lstm(x[:, :1])
    lstm.bias.data[16:32] = 3.0
    loss = lambda h: tsum(h)  # noqa: E731
    r_rnn = timestep_grad_norms(rnn, x, loss)
    r_lstm = timestep_grad_norms(lstm, x, loss)
    ratio_rnn, ratio_lstm = r_rnn[0] / r_rnn[-1], r_lstm[0] / r_lstm[-1]
    assert ratio_lstm > 1e-2
    assert ratio_lstm > 1e3 * ratio_rnn


def test_clip_grad_norm_works_with_recurrent_layers(rng):
    clip = getattr(optimizers, "clip_grad_norm", None)
    if clip is None:
        pytest.skip("optimizers.clip_grad_norm not available yet")
    lstm = LSTM(8)
    out = lstm(rng.standard_normal((4, 20, 3)))
    tsum(out * 100.0).backward()
    before = clip(lstm.parameters(), 1.0)
    after = np.sqrt(sum(float((w.grad.astype(np.float64) ** 2).sum()) for w in lstm.parameters()))
    assert before > 1.0 and after == pytest.approx(1.0, rel=1e-4)


# --------------------------------------------------------------------------------- errors
def test_shape_errors_name_the_layer(rng):
    lstm = LSTM(4, name="enc")
    with pytest.raises(ShapeError, match=r"LSTM 'enc'.*\(batch, time, features\).*\(2, 3\)"):
        lstm(np.zeros((2, 3)))
    lstm(np.zeros((2, 3, 5)))
    with pytest.raises(ShapeError, match=r"LSTM 'enc'.*5 features.*\(2, 3, 6\)"):
        lstm(np.zeros((2, 3, 6)))
    with pytest.raises(ShapeError, match=r"LSTM 'enc'.*2 initial state"):
        lstm(np.zeros((2, 3, 5)), initial_state=[np.zeros((2, 4))])
    with pytest.raises(ShapeError, match=r"LSTM 'enc'.*initial_state\[1\].*\(2, 4\).*\(2, 3\)"):
        lstm(np.zeros((2, 3, 5)), initial_state=[np.zeros((2, 4)), np.zeros((2, 3))])
    with pytest.raises(ShapeError, match=r"LSTM 'enc'.*mask.*\(2, 3\)"):
        lstm(np.zeros((2, 3, 5)), mask=np.ones((2, 4), bool))
    with pytest.raises(ShapeError, match=r"LSTM 'enc'.*lengths"):
        lstm(np.zeros((2, 3, 5)), lengths=[1, 4])
    with pytest.raises(ShapeError, match=r"GRU 'g'.*time step"):
        GRU(2, name="g")(np.zeros((2, 0, 3)))
    with pytest.raises(ShapeError, match="Bidirectional"):
        Bidirectional(GRU(2))(np.zeros((1, 2, 3)), initial_state=[np.zeros((1, 2))])
    with pytest.raises(ConfigError):
        SimpleRNN(3, activation="sigmoid")
    with pytest.raises(ConfigError):
        Bidirectional(Dense(3))


def test_use_bias_false_matches_pytorch_without_bias(rng):
    torch = _torch()
    module = _torch_module(torch, "lstm", 3, 4, bias=False)
    layer = LSTM(4, use_bias=False, return_sequences=True, dtype="float64")
    from_torch_weights(layer, module.state_dict())
    assert [w.shape for w in layer.weights] == [(3, 16), (4, 16)]
    x = rng.standard_normal((2, 5, 3))
    out_t, _ = module(torch.tensor(x))
    np.testing.assert_allclose(layer(x).data, out_t.detach().numpy(), rtol=1e-10, atol=1e-12)
    assert set(to_torch_weights(layer)) == set(module.state_dict())
