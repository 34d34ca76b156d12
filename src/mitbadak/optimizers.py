"""Optimizers: they update parameters from their ``.grad``.

The low-level loop is PyTorch's::

    opt = SGD(model.parameters(), lr=0.1, momentum=0.9)
    for xb, yb in loader:
        loss = softmax_cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()

Hyper-parameter names, defaults and update formulas follow ``torch.optim`` exactly (``lr``,
``momentum``, ``betas``, ``eps``, ``weight_decay``...), and the tests check that 100 steps give the
same trajectory as PyTorch. Batch, stochastic and mini-batch gradient descent are the same
optimizer: they differ only in how many samples each gradient averages (the loader's
``batch_size``: all of them, one, or a few dozen).

Every optimizer also takes:

* ``clipnorm``: clip each parameter's gradient to this L2 norm on its own (Keras' ``clipnorm``);
* ``global_clipnorm``: clip all gradients together so that their joint L2 norm is at most this
  (Keras' ``global_clipnorm``, PyTorch's ``torch.nn.utils.clip_grad_norm_``);
* ``clipvalue``: clip every gradient element to ``[-clipvalue, clipvalue]``.

Clipping happens at the start of ``step()``, in place on ``.grad`` (as ``clip_grad_norm_`` does).

Parameters may be given as PyTorch-style *parameter groups*: a list of dicts, each with
``"params"`` and any hyper-parameter to override for that group. The usual use is to decay the
weights but not the biases::

    SGD([{"params": [dense.kernel], "weight_decay": 1e-4}, {"params": [dense.bias]}], lr=0.1)

``opt.lr`` may be changed between steps (that is what schedules do); setting it sets the ``lr``
of every group. ``lr`` may also be a schedule (any callable ``step -> lr``, see
:mod:`mitbadak.schedules`): it is then evaluated at ``opt.iterations`` before each step.

Updates run in place on ``p.data`` through ``out=`` arguments and one reused scratch buffer per
parameter shape, so a step allocates (almost) nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from . import registry, validate
from .backend import array_module, device_of, to_device, to_host
from .errors import ArgumentTypeError, ConfigError, ShapeError
from .tensor import Tensor

ParamsLike = Iterable[Tensor] | Iterable[dict[str, Any]]


# ------------------------------------------------------------------------------- clipping
def clip_grad_norm(params: Iterable[Tensor], max_norm: float) -> float:
    """Scale all gradients together so that their joint L2 norm is at most ``max_norm``.

    Like ``torch.nn.utils.clip_grad_norm_``: ``total = sqrt(sum_p ||g_p||^2)``; if
    ``total > max_norm`` every gradient is multiplied by ``max_norm / (total + 1e-6)``, in place.
    The direction of the full gradient is kept, only its length shrinks.

    Returns:
        The total norm before clipping (useful to log exploding gradients).

    Example:
        >>> w = Tensor([0.0, 0.0], requires_grad=True); w.grad = np.array([3.0, 4.0])
        >>> clip_grad_norm([w], 1.0)
        5.0
        >>> w.grad.round(4).tolist()
        [0.6, 0.8]
    """
    xp = array_module(params)
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return 0.0
    # vdot of a flat view is one BLAS pass with no temporary (unlike (g * g).sum()).
    total = math.sqrt(sum(float(xp.vdot(g.ravel(), g.ravel())) for g in grads))
    coef = max_norm / (total + 1e-6)
    if coef < 1.0:
        for g in grads:
            g *= coef
    return total


def clip_grad_value(params: Iterable[Tensor], clip_value: float) -> None:
    """Clip every gradient element to ``[-clip_value, clip_value]``, in place
    (``torch.nn.utils.clip_grad_value_``).

    Example:
        >>> w = Tensor([0.0, 0.0], requires_grad=True); w.grad = np.array([-3.0, 0.5])
        >>> clip_grad_value([w], 1.0); w.grad.tolist()
        [-1.0, 0.5]
    """
    xp = array_module(params)
    for p in params:
        if p.grad is not None:
            xp.clip(p.grad, -clip_value, clip_value, out=p.grad)


# ------------------------------------------------------------------------------- base class


def _real(value: Any) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_))


def _check_numbers(form: Any, arguments: dict[str, Any], name: str) -> None:
    """Check each given argument of a construction form whose default is a number (or a tuple
    of numbers, or a number-or-None) is a finite number of that kind, before ``float()``."""
    import inspect

    params = inspect.signature(form).parameters
    for key, value in arguments.items():
        default = params[key].default
        if key in ("lr", "learning_rate") and callable(value):
            continue
        if isinstance(default, tuple):
            if not isinstance(value, (tuple, list)) or len(value) != len(default):
                raise ArgumentTypeError(
                    key="error.optimizers.tuple_numbers",
                    name=name,
                    option=key,
                    n_default=len(default),
                    got=validate.describe(value),
                )
            for i, v in enumerate(value):
                validate.number(v, f"{key}[{i}]", name)
        elif _real(default):
            validate.number(value, key, name)
        elif default is None and "float" in str(params[key].annotation):
            validate.number(value, key, name, none=True)


class Optimizer:
    """Base class: parameter groups, the learning rate, per-parameter state, clipping.

    A subclass passes its hyper-parameters (PyTorch's names and defaults) to ``__init__`` and
    implements :meth:`update`, the rule for one parameter. ``state[i]`` holds parameter ``i``'s
    arrays (momentum buffers, moment estimates) and ``steps[i]`` how many updates it has had.

    Args (common to every optimizer):
        params: a list of Tensors, or of parameter-group dicts (``{"params": [...], **overrides}``).
        lr: the learning rate, or a schedule ``step -> lr`` evaluated before every step.
        clipnorm: clip each parameter's gradient to this L2 norm separately (Keras).
        global_clipnorm: clip the joint L2 norm of all gradients (``clip_grad_norm_``).
        clipvalue: clip each gradient element to ``[-clipvalue, clipvalue]``.

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> opt = SGD([w], lr=0.5)
        >>> opt.lr = 0.1          # e.g. set by a schedule
        >>> (w * w).sum().backward(); opt.step(); round(w.item(), 6)
        0.8
    """

    defaults: dict[str, Any] = {}

    def __init__(
        self,
        params: ParamsLike | None,
        lr: float | Callable[[int], float],
        hyper: dict[str, Any] | None = None,
        clipnorm: float | None = None,
        global_clipnorm: float | None = None,
        clipvalue: float | None = None,
        keras_form: bool = False,
    ) -> None:
        name = type(self).__name__
        self.keras_form = bool(keras_form)
        self.schedule: Callable[[int], float] | None = None
        if callable(lr):
            self.schedule, lr = lr, validate.returned(lr(0), "the schedule", name, "number", min=0)
        if isinstance(lr, np.generic):
            lr = lr.item()
        if not callable(lr) and not _real(lr):
            raise ArgumentTypeError(
                key="error.optimizers.lr_number_schedule", name=name, got=validate.describe(lr)
            )
        lr = validate.number(lr, "lr", name, min=0)
        for key, v in (
            ("clipnorm", clipnorm),
            ("global_clipnorm", global_clipnorm),
            ("clipvalue", clipvalue),
        ):
            validate.number(v, key, name, min=0, min_open=True, none=True)
        self.clipnorm, self.global_clipnorm, self.clipvalue = clipnorm, global_clipnorm, clipvalue
        defaults = {"lr": float(lr), **(hyper or {})}
        self._check_hyper(defaults, name)
        # Unbound until build(params): one group holding the hyper-parameters, no parameters.
        self.param_groups: list[dict[str, Any]] = [{**defaults, "params": []}]
        self.params: list[Tensor] = []
        self.iterations = 0
        self.state: list[dict[str, np.ndarray]] = []
        self.steps: list[int] = []
        self._scratch: dict[tuple[Any, ...], np.ndarray] = {}
        if params is not None:
            self.build(params)

    @property
    def built(self) -> bool:
        """Whether the optimizer has its parameters (PyTorch form, or after :meth:`build`)."""
        return bool(self.params)

    def build(self, params: ParamsLike) -> None:
        """Bind the optimizer to its parameters (Keras' ``optimizer.build(var_list)``).

        A Keras-style optimizer (``Adam(1e-3)``) is created without parameters; ``compile`` /
        the first training step call ``build(model.trainable_weights)``. Building again with the
        same parameters does nothing; with others it is an error (one optimizer, one model).

        Example:
            >>> w = Tensor([1.0], requires_grad=True)
            >>> opt = Adam(learning_rate=0.1); opt.built
            False
            >>> opt.build([w]); opt.built, len(opt.params)
            (True, 1)
        """
        name = type(self).__name__
        if isinstance(params, Tensor):
            params = [params]
        try:
            items = list(params)
        except TypeError:
            raise ConfigError(
                key="error.optimizers.list_tensors_model",
                name=name,
                params_type=type(params).__name__,
            ) from None
        if self.params:
            if [id(p) for p in items] == [id(p) for p in self.params]:
                return
            raise ConfigError(
                key="error.optimizers.optimizer_already_bound", name=name, n_params=len(self.params)
            )
        defaults = {k: v for k, v in self.param_groups[0].items() if k != "params"}
        if not items:
            raise ConfigError(key="error.optimizers.empty_parameter_list", name=name)
        if not isinstance(items[0], dict):
            items = [{"params": items}]
        groups: list[dict[str, Any]] = []
        all_params: list[Tensor] = []
        seen: set[int] = set()
        for k, group in enumerate(items):
            if not isinstance(group, dict) or "params" not in group:
                raise ConfigError(
                    key="error.optimizers.parameter_group_dict", name=name, k=k, group=group
                )
            unknown = set(group) - set(defaults) - {"params"}
            if unknown:
                raise ConfigError(
                    key="error.optimizers.parameter_group_unknown",
                    name=name,
                    k=k,
                    unknown=sorted(unknown),
                    defaults=sorted(defaults),
                )
            ps = list(group["params"])
            for p in ps:
                if not isinstance(p, Tensor):
                    raise ConfigError(key="error.optimizers.parameters_tensors", name=name, p=p)
                if id(p) in seen:
                    raise ConfigError(
                        key="error.optimizers.parameter_given_twice",
                        name=name,
                        param=p.name or p.shape,
                    )
                seen.add(id(p))
            g = {**defaults, **{k2: v for k2, v in group.items() if k2 != "params"}}
            self._check_hyper(g, name)
            g["params"] = ps
            groups.append(g)
            all_params += ps
        if not all_params:
            raise ConfigError(key="error.optimizers.empty_parameter_list", name=name)
        self.param_groups, self.params = groups, all_params
        self.state = [{} for _ in self.params]
        self.steps = [0] * len(self.params)

    # ------------------------------------------------------------------ two constructions
    #: Arguments only Keras uses: their presence selects the Keras form.
    _KERAS_ONLY = frozenset(
        {"learning_rate", "epsilon", "rho", "beta_1", "beta_2", "name", "use_ema"}
    )
    _CLIP = ("clipnorm", "global_clipnorm", "clipvalue")

    def _construct(self, params: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        """Choose PyTorch's form (``SGD(params, lr=...)``) or Keras' (``SGD(0.01)``,
        ``SGD(learning_rate=...)``, ``SGD()``), bind the arguments to that form's names and
        defaults (``_torch`` / ``_keras`` of the subclass) and initialise."""
        name = type(self).__name__
        clip = {k: kwargs.pop(k) for k in self._CLIP if k in kwargs}
        number = isinstance(params, (int, float, np.number)) and not isinstance(params, bool)
        schedule = callable(params) and not isinstance(params, (list, tuple, Tensor))
        keras = params is None or number or schedule or bool(self._KERAS_ONLY & set(kwargs))
        if keras:
            if number or schedule:
                args = (params, *args)
                params = None
            kwargs.pop("name", None)
            for k, ok in (("use_ema", False), ("loss_scale_factor", None)):
                if k in kwargs and kwargs.pop(k) not in (ok,):
                    raise ConfigError(key="error.optimizers.supported_mitbadak", name=name, k=k)
            form = self._keras
        else:
            form = self._torch
        import inspect

        try:
            bound = inspect.signature(form).bind(*args, **kwargs)
        except TypeError as e:
            names = ", ".join(inspect.signature(form).parameters)
            kind = "Keras" if keras else "PyTorch"
            raise ArgumentTypeError(
                key="error.optimizers.form_arguments_clipnorm",
                name=name,
                kind=kind,
                e=e,
                names=names,
            ) from None
        _check_numbers(form, bound.arguments, name)
        lr, hyper = form(*args, **kwargs)
        Optimizer.__init__(self, params, lr, hyper, keras_form=keras, **clip)

    def _check_hyper(self, h: dict[str, Any], name: str) -> None:
        """Validate a dict of hyper-parameters (subclasses add their own checks)."""
        for key, v in h.items():
            if _real(v):
                validate.number(v, key, name)
        if not h["lr"] >= 0:
            raise ConfigError(key="error.optimizers.lr", name=name, h=h["lr"])
        if (h.get("weight_decay") or 0.0) < 0:
            raise ConfigError(key="error.optimizers.weight_decay", name=name, h=h["weight_decay"])
        for key in ("eps", "epsilon"):
            if h.get(key, 1.0) < 0:
                raise ConfigError(key="error.optimizers.error", name=name, option=key, h=h[key])

    # ---------------------------------------------------------------------------- lr
    @property
    def lr(self) -> float:
        """The learning rate (of the first parameter group); setting it sets every group's."""
        return self.param_groups[0]["lr"]

    @lr.setter
    def lr(self, value: float) -> None:
        value = validate.number(value, "lr", type(self).__name__, min=0)
        for g in self.param_groups:
            g["lr"] = value

    @property
    def learning_rate(self) -> float:
        """Keras' name of :attr:`lr` (readable and settable, e.g. by a callback).

        Example:
            >>> opt = SGD(learning_rate=0.1); opt.learning_rate = 0.05; opt.lr
            0.05
        """
        return self.lr

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self.schedule = None
        self.lr = value

    # -------------------------------------------------------------------------- steps
    def zero_grad(self) -> None:
        """Forget all gradients (set ``.grad`` to ``None``, as PyTorch does by default)."""
        for p in self.params:
            p.grad = None

    def clip_gradients(self) -> None:
        """Apply ``clipvalue``, then ``clipnorm`` (per parameter), then ``global_clipnorm``."""
        if self.clipvalue is not None:
            clip_grad_value(self.params, self.clipvalue)
        if self.clipnorm is not None:
            for p in self.params:
                if p.grad is not None:
                    clip_grad_norm([p], self.clipnorm)
        if self.global_clipnorm is not None:
            clip_grad_norm(self.params, self.global_clipnorm)

    def step(self) -> None:
        """Clip the gradients if asked, then update every parameter that has a gradient.

        In the Keras form, as Keras does: clip, then decay the weights
        (``p <- p - p * weight_decay * lr``), then apply the Keras update rule with
        ``t = iterations + 1``."""
        if not self.params:
            raise ConfigError(
                key="error.optimizers.optimizer_parameters_yet", self_type=type(self).__name__
            )
        if self.schedule is not None:
            self.lr = self.schedule(self.iterations)
        if self.keras_form and (self.clipnorm is not None or self.global_clipnorm is not None):
            self._keras_clip()
        elif self.clipvalue is not None or self.clipnorm is not None or self.global_clipnorm:
            self.clip_gradients()
        i = 0
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    if p.grad.shape != p.data.shape:
                        raise ShapeError(
                            key="error.optimizers.gradient_shape_parameter",
                            self_type=type(self).__name__,
                            shape=p.grad.shape,
                            param=p.name or "",
                            shape2=p.shape,
                        )
                    self.steps[i] += 1
                    if self.keras_form:
                        wd = group.get("weight_decay") or 0.0
                        if wd:
                            p.data -= p.data * (wd * group["lr"])
                        self.update_keras(p, p.grad, self.state[i], group, self.iterations + 1)
                    else:
                        self.update(p, p.grad, self.state[i], group, self.steps[i])
                i += 1
        self.iterations += 1

    def _keras_clip(self) -> None:
        """Keras' norm clipping, without PyTorch's 1e-6: per parameter
        ``g * clipnorm / max(||g||, clipnorm)``; global ``g * clipnorm * min(1/N, 1/clipnorm)``."""
        grads = [p for p in self.params if p.grad is not None]
        if self.clipnorm is not None:
            for p in grads:
                norm = math.sqrt(float(np.vdot(p.grad.ravel(), p.grad.ravel())))
                p.grad = p.grad * self.clipnorm / max(norm, self.clipnorm)
        else:
            total = math.sqrt(sum(float(np.vdot(p.grad.ravel(), p.grad.ravel())) for p in grads))
            scale = self.global_clipnorm * min(
                1.0 / total if total else math.inf, 1.0 / self.global_clipnorm
            )
            for p in grads:
                p.grad = p.grad * scale

    def rebind(self, params: Iterable[Tensor]) -> None:
        """Update ``params`` from now on (one parameter group): each parameter that stays keeps
        its state (moments, step count), a new one starts fresh. ``Model.compile`` calls it
        when a model is re-compiled with its optimizer after a change of ``trainable``.

        Example:
            >>> a, b = Tensor([1.0], requires_grad=True), Tensor([2.0], requires_grad=True)
            >>> opt = SGD([a], lr=0.5, momentum=0.9)
            >>> opt.rebind([a, b]); len(opt.params), len(opt.state)
            (2, 2)
        """
        if len(self.param_groups) != 1:
            raise ConfigError(
                key="error.optimizers.needs_single_parameter",
                self_type=type(self).__name__,
                n_param_groups=len(self.param_groups),
            )
        new = list(params)
        if any(not isinstance(p, Tensor) for p in new) or len({id(p) for p in new}) != len(new):
            raise ConfigError(
                key="error.optimizers.distinct_tensors", self_type=type(self).__name__
            )
        where = {id(p): i for i, p in enumerate(self.params)}
        self.state = [self.state[where[id(p)]] if id(p) in where else {} for p in new]
        self.steps = [self.steps[where[id(p)]] if id(p) in where else 0 for p in new]
        self.params = new
        self.param_groups[0]["params"] = list(new)

    def update(
        self, p: Tensor, g: np.ndarray, state: dict[str, np.ndarray], h: dict[str, Any], t: int
    ) -> None:
        """Update ``p.data`` in place from its gradient ``g``; ``h`` holds the group's
        hyper-parameters and ``t`` is this parameter's step count (1 at the first update)."""
        raise NotImplementedError

    def update_keras(
        self, p: Tensor, g: np.ndarray, state: dict[str, np.ndarray], h: dict[str, Any], t: int
    ) -> None:
        """Keras' update rule for one parameter (Keras' names in ``h``; ``t`` counts the
        optimizer's steps from 1, as Keras' ``iterations + 1``)."""
        raise NotImplementedError

    def _tmp(self, p: Tensor, k: int = 0) -> np.ndarray:
        """Scratch buffer ``k`` of ``p``'s shape and dtype, shared by parameters alike in both
        (updates run one after the other), so steps do not allocate."""
        xp = array_module(p)
        key = (p.data.shape, p.data.dtype.str, k, type(p.data))  # one per device too
        buf = self._scratch.get(key)
        if buf is None:
            buf = self._scratch[key] = xp.empty_like(p.data)
        return buf

    def _decayed_grad(self, p: Tensor, g: np.ndarray, wd: float) -> np.ndarray:
        """``g + wd * p`` (L2 penalty folded into the gradient) in scratch buffer 1; ``g``
        itself when ``wd == 0`` (``.grad`` is never modified by an update)."""
        xp = array_module(p, g)
        if not wd:
            return g
        d = self._tmp(p, 1)
        xp.multiply(p.data, wd, out=d)
        d += g
        return d

    # --------------------------------------------------------------------- saving state
    def get_config(self) -> dict[str, Any]:
        """The constructor's hyper-parameters (JSON-able): rebuild with ``cls(params, **cfg)``.

        Example:
            >>> SGD([Tensor([1.0], requires_grad=True)], lr=0.1).get_config()["lr"]
            0.1
        """
        cfg: dict[str, Any] = {k: _jsonable(v) for k, v in self.param_groups[0].items()}
        del cfg["params"]
        if self.schedule is not None:
            from . import schedules

            cfg["lr"] = schedules.serialize(self.schedule)
        if self.keras_form:  # Keras' names: learning_rate first
            cfg = {"learning_rate": cfg.pop("lr"), **cfg}
        for k in ("clipnorm", "global_clipnorm", "clipvalue"):
            if getattr(self, k) is not None:
                cfg[k] = getattr(self, k)
        return cfg

    @classmethod
    def from_config(cls, params: ParamsLike, config: dict[str, Any]) -> Optimizer:
        """Build an optimizer for ``params`` from :meth:`get_config`'s output."""
        cfg = dict(config)
        for key in ("lr", "learning_rate"):
            if isinstance(cfg.get(key), dict):
                from . import schedules

                cfg[key] = schedules.get(cfg[key])
        if "betas" in cfg:
            cfg["betas"] = tuple(cfg["betas"])
        try:
            return cls(params, **cfg)
        except TypeError as e:
            raise ConfigError(
                key="error.optimizers.from_config.error", cls_name=cls.__name__, e=e
            ) from None

    def state_dict(self) -> dict[str, Any]:
        """Everything needed to resume training, as plain data (no pickle needed).

        Returns a dict with JSON-able ``"class_name"``, ``"config"``, ``"param_groups"`` (the
        hyper-parameters of each group, e.g. the current lr), ``"iterations"`` and ``"steps"``
        (per parameter), plus ``"arrays"``: a flat dict of NumPy arrays keyed
        ``"<parameter index>/<name>"`` (e.g. ``"0/exp_avg"``), ready for ``np.savez``.

        Example:
            >>> w = Tensor([1.0], requires_grad=True)
            >>> opt = SGD([w], lr=0.1, momentum=0.9)
            >>> (w * w).sum().backward(); opt.step()
            >>> sorted(opt.state_dict()["arrays"])
            ['0/momentum_buffer']
        """
        groups = [
            {k: _jsonable(v) for k, v in g.items() if k != "params"} | {"size": len(g["params"])}
            for g in self.param_groups
        ]
        arrays = {
            f"{i}/{k}": to_host(v).copy() for i, st in enumerate(self.state) for k, v in st.items()
        }  # host arrays: what a saved file holds, wherever the parameters live
        return {
            "class_name": type(self).__name__,
            "config": self.get_config(),
            "param_groups": groups,
            "iterations": int(self.iterations),
            "steps": [int(s) for s in self.steps],
            "arrays": arrays,
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`state_dict` returned (for the same parameters, in the same order).

        Everything is checked before anything changes: ConfigError for another optimizer
        class, other groups or malformed entries, ShapeError for arrays that do not fit their
        parameter.

        Example:
            >>> w = Tensor([1.0], requires_grad=True); opt = Adam([w])
            >>> w.grad = np.array([1.0], np.float32); opt.step()
            >>> other = Adam([Tensor([1.0], requires_grad=True)])
            >>> other.load_state_dict(opt.state_dict()); other.steps
            [1]
        """
        name = type(self).__name__
        where = f"{name}.load_state_dict"
        if not isinstance(state, dict) or state.get("class_name") != name:
            got = state.get("class_name") if isinstance(state, dict) else type(state).__name__
            raise ConfigError(key="error.optimizers.state", where=where, got=got, name=name)
        steps, iterations = state.get("steps"), state.get("iterations", 0)
        if not isinstance(steps, (list, tuple)) or not all(
            isinstance(t, (int, np.integer)) and t >= 0 for t in [*steps, iterations]
        ):
            raise ConfigError(key="error.optimizers.steps_iterations_counts", where=where)
        if len(steps) != len(self.params):
            raise ConfigError(
                key="error.optimizers.state_parameters_optimizer",
                where=where,
                n_steps=len(steps),
                n_params=len(self.params),
            )
        groups = state.get("param_groups", [])
        sizes = [g.get("size") if isinstance(g, dict) else None for g in groups]
        if sizes != [len(g["params"]) for g in self.param_groups]:
            raise ConfigError(
                key="error.optimizers.parameter_groups_sizes",
                where=where,
                sizes=sizes,
                expected=[len(g["params"]) for g in self.param_groups],
            )
        new_groups = []
        for mine, saved in zip(self.param_groups, groups):
            h = {k: v for k, v in mine.items() if k != "params"}
            for k, v in saved.items():
                if k in h:
                    h[k] = tuple(v) if isinstance(v, list) else v
            try:
                self._check_hyper(h, name)
            except (TypeError, ValueError) as e:
                raise ConfigError(
                    key="error.optimizers.invalid_hyper_parameters", where=where, h=h, e=e
                ) from None
            new_groups.append(h)
        arrays = state.get("arrays", {})
        if not isinstance(arrays, dict):
            raise ConfigError(key="error.optimizers.arrays_dict_arrays", where=where)
        new_state: list[dict[str, np.ndarray]] = [{} for _ in self.params]
        for key, arr in arrays.items():
            idx, _, akey = str(key).partition("/")
            if not idx.isdigit() or int(idx) >= len(self.params) or not akey:
                raise ConfigError(
                    key="error.optimizers.unexpected_state_entry", where=where, option=key
                )
            p = self.params[int(idx)]
            arr = to_host(arr)  # checked on the host, then put on the parameter's device
            if arr.dtype.kind not in "fiu":
                raise ConfigError(
                    key="error.optimizers.numeric_array_dtype",
                    where=where,
                    option=key,
                    dtype=arr.dtype,
                )
            if arr.shape != p.shape:
                raise ShapeError(
                    key="error.optimizers.shape_parameter_shape",
                    where=where,
                    option=key,
                    shape=arr.shape,
                    idx=idx,
                    param=p.name or "",
                    shape2=p.shape,
                )
            new_state[int(idx)][akey] = to_device(np.array(arr, dtype=p.dtype), device_of(p.data))
        for mine, h in zip(self.param_groups, new_groups):
            mine.update(h)
        self.state = new_state
        self.steps = [int(t) for t in steps]
        self.iterations = int(iterations)

    def __repr__(self) -> str:
        h = {k: v for k, v in self.get_config().items()}
        return f"{type(self).__name__}({h})"


def _jsonable(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    return v


# ------------------------------------------------------------------------------- optimizers
class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum, Nesterov and weight decay.

    PyTorch's ``torch.optim.SGD`` (same names, defaults and formula), g the gradient::

        g <- g + weight_decay * p                   (L2 penalty in the gradient)
        v <- momentum * v + (1 - dampening) * g     (v = g at the first step)
        p <- p - lr * v                             (Nesterov: p <- p - lr * (g + momentum * v))

    Plain gradient descent is ``momentum=0``. Batch, stochastic and mini-batch gradient descent
    all use this class: only the batch size of the data loader differs.

    Args:
        lr: learning rate (PyTorch's default 0.01 here, though PyTorch requires it).
        momentum: factor of the velocity (0: none; 0.9 is usual).
        dampening: scales the new gradient in the velocity (PyTorch's option; 0 usually).
        weight_decay: L2 coefficient added to the gradient (``weight_decay * p``).
        nesterov: look-ahead momentum (needs momentum > 0 and dampening 0).

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> opt = SGD([w], lr=0.1)
        >>> (w * w).sum().backward(); opt.step()   # w - 0.1 * 2w
        >>> round(w.item(), 6)
        0.8
    """

    def __init__(self, params: Any = None, *args: Any, **kwargs: Any) -> None:
        self._construct(params, args, kwargs)

    @staticmethod
    def _torch(
        lr: float | Callable[[int], float] = 0.01,
        momentum: float = 0.0,
        dampening: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
    ) -> tuple[Any, dict[str, Any]]:
        return lr, {
            "momentum": float(momentum),
            "dampening": float(dampening),
            "nesterov": bool(nesterov),
            "weight_decay": float(weight_decay),
        }

    @staticmethod
    def _keras(
        learning_rate: float | Callable[[int], float] = 0.01,
        momentum: float = 0.0,
        nesterov: bool = False,
        weight_decay: float | None = None,
    ) -> tuple[Any, dict[str, Any]]:
        return learning_rate, {
            "momentum": float(momentum),
            "nesterov": bool(nesterov),
            "weight_decay": weight_decay,
        }

    def _check_hyper(self, h: dict[str, Any], name: str) -> None:
        super()._check_hyper(h, name)
        if self.keras_form:
            if not 0.0 <= h["momentum"] <= 1.0:
                raise ConfigError(key="error.optimizers.check_hyper.momentum", h=h["momentum"])
            return
        if not 0.0 <= h["momentum"] < 1.0:
            raise ConfigError(key="error.optimizers.momentum", h=h["momentum"])
        if h["nesterov"] and (h["momentum"] <= 0 or h["dampening"] != 0):
            raise ConfigError(key="error.optimizers.nesterov_true_needs")

    def update(self, p, g, state, h, t):
        xp = array_module(p, g, state)
        lr, mom = h["lr"], h["momentum"]
        d = self._decayed_grad(p, g, h["weight_decay"])
        tmp = self._tmp(p)
        if mom:
            v = state.get("momentum_buffer")
            if v is None:
                v = state["momentum_buffer"] = d.copy()
            else:
                v *= mom
                if h["dampening"]:
                    xp.multiply(d, 1.0 - h["dampening"], out=tmp)
                    v += tmp
                else:
                    v += d
            if h["nesterov"]:  # p -= lr * (d + mom * v), as two in-place steps
                xp.multiply(d, lr, out=tmp)
                p.data -= tmp
                d = v
                lr = lr * mom
            else:
                d = v
        xp.multiply(d, lr, out=tmp)
        p.data -= tmp

    def update_keras(self, p, g, state, h, t):
        # Keras: m <- momentum * m - lr * g; p <- p + m (Nesterov: p <- p + momentum * m - lr * g)
        xp = array_module(p, g, state)
        lr, mom = h["lr"], h["momentum"]
        tmp = self._tmp(p)
        xp.multiply(g, lr, out=tmp)
        if not mom:
            p.data -= tmp
            return
        m = state.get("momentum")
        if m is None:
            m = state["momentum"] = xp.zeros_like(p.data)
        m *= mom
        m -= tmp
        if h["nesterov"]:
            p.data -= tmp
            xp.multiply(m, mom, out=tmp)
        else:
            tmp[...] = m
        p.data += tmp


class Adagrad(Optimizer):
    """Adagrad: each weight's step shrinks with the sum of its past squared gradients.

    PyTorch's ``torch.optim.Adagrad`` (names, defaults, formula), t the step (1, 2, ...)::

        g <- g + weight_decay * p
        s <- s + g^2                                (s starts at initial_accumulator_value)
        p <- p - lr / (1 + (t - 1) * lr_decay) * g / (sqrt(s) + eps)

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> opt = Adagrad([w], lr=0.1)
        >>> (w * w).sum().backward(); opt.step()   # first step moves by lr: 1 - 0.1
        >>> round(w.item(), 6)
        0.9
    """

    def __init__(self, params: Any = None, *args: Any, **kwargs: Any) -> None:
        self._construct(params, args, kwargs)

    @staticmethod
    def _torch(
        lr: float | Callable[[int], float] = 0.01,
        lr_decay: float = 0.0,
        weight_decay: float = 0.0,
        initial_accumulator_value: float = 0.0,
        eps: float = 1e-10,
    ) -> tuple[Any, dict[str, Any]]:
        return lr, {
            "lr_decay": float(lr_decay),
            "weight_decay": float(weight_decay),
            "initial_accumulator_value": float(initial_accumulator_value),
            "eps": float(eps),
        }

    @staticmethod
    def _keras(
        learning_rate: float | Callable[[int], float] = 0.001,
        initial_accumulator_value: float = 0.1,
        epsilon: float = 1e-7,
        weight_decay: float | None = None,
    ) -> tuple[Any, dict[str, Any]]:
        return learning_rate, {
            "initial_accumulator_value": float(initial_accumulator_value),
            "epsilon": float(epsilon),
            "weight_decay": weight_decay,
        }

    def _check_hyper(self, h: dict[str, Any], name: str) -> None:
        super()._check_hyper(h, name)
        if self.keras_form:
            if h["initial_accumulator_value"] < 0:
                raise ConfigError(key="error.optimizers.initial_accumulator_value")
            return
        if h["lr_decay"] < 0 or h["initial_accumulator_value"] < 0:
            raise ConfigError(key="error.optimizers.lr_decay_initial_accumulator_value")

    def update(self, p, g, state, h, t):
        xp = array_module(p, g, state)
        d = self._decayed_grad(p, g, h["weight_decay"])
        s = state.get("sum")
        if s is None:
            s = state["sum"] = xp.full_like(p.data, h["initial_accumulator_value"])
        tmp = self._tmp(p)
        xp.multiply(d, d, out=tmp)
        s += tmp
        xp.sqrt(s, out=tmp)
        tmp += h["eps"]
        xp.divide(d, tmp, out=tmp)
        tmp *= h["lr"] / (1.0 + (t - 1) * h["lr_decay"])
        p.data -= tmp

    def update_keras(self, p, g, state, h, t):
        # Keras: s <- s + g^2; p <- p - lr * g / sqrt(s + epsilon)   (epsilon inside the root)
        xp = array_module(p, g, state)
        s = state.get("accumulator")
        if s is None:
            s = state["accumulator"] = xp.full_like(p.data, h["initial_accumulator_value"])
        tmp = self._tmp(p)
        xp.multiply(g, g, out=tmp)
        s += tmp
        xp.add(s, h["epsilon"], out=tmp)
        xp.sqrt(tmp, out=tmp)
        xp.divide(g, tmp, out=tmp)
        tmp *= h["lr"]
        p.data -= tmp


class RMSprop(Optimizer):
    """RMSprop: divide the step by a running root-mean-square of recent gradients.

    PyTorch's ``torch.optim.RMSprop`` (names, defaults, formula)::

        g <- g + weight_decay * p
        v <- alpha * v + (1 - alpha) * g^2          (v starts at 0)
        centered: m <- alpha * m + (1 - alpha) * g, and v - m^2 replaces v below
        u = g / (sqrt(v) + eps)
        p <- p - lr * u                             (momentum: b <- momentum * b + u; p -= lr * b)

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> opt = RMSprop([w], lr=0.01)
        >>> (w * w).sum().backward(); opt.step()   # first step: lr / sqrt(1 - alpha)
        >>> round(w.item(), 4)
        0.9
    """

    def __init__(self, params: Any = None, *args: Any, **kwargs: Any) -> None:
        self._construct(params, args, kwargs)

    @staticmethod
    def _torch(
        lr: float | Callable[[int], float] = 0.01,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        centered: bool = False,
    ) -> tuple[Any, dict[str, Any]]:
        return lr, {
            "alpha": float(alpha),
            "eps": float(eps),
            "weight_decay": float(weight_decay),
            "momentum": float(momentum),
            "centered": bool(centered),
        }

    @staticmethod
    def _keras(
        learning_rate: float | Callable[[int], float] = 0.001,
        rho: float = 0.9,
        momentum: float = 0.0,
        epsilon: float = 1e-7,
        centered: bool = False,
        weight_decay: float | None = None,
    ) -> tuple[Any, dict[str, Any]]:
        return learning_rate, {
            "rho": float(rho),
            "momentum": float(momentum),
            "epsilon": float(epsilon),
            "centered": bool(centered),
            "weight_decay": weight_decay,
        }

    def _check_hyper(self, h: dict[str, Any], name: str) -> None:
        super()._check_hyper(h, name)
        if self.keras_form:
            if not 0.0 <= h["rho"] <= 1.0 or not 0.0 <= h["momentum"] < 1.0:
                raise ConfigError(key="error.optimizers.rho_momentum", h=h["rho"], h2=h["momentum"])
            return
        if not 0.0 <= h["alpha"] <= 1.0 or not 0.0 <= h["momentum"] < 1.0:
            raise ConfigError(key="error.optimizers.alpha_momentum", h=h["alpha"], h2=h["momentum"])

    def update(self, p, g, state, h, t):
        xp = array_module(p, g, state)
        alpha = h["alpha"]
        d = self._decayed_grad(p, g, h["weight_decay"])
        v = state.get("square_avg")
        if v is None:
            v = state["square_avg"] = xp.zeros_like(p.data)
        tmp = self._tmp(p)
        v *= alpha
        xp.multiply(d, d, out=tmp)
        tmp *= 1.0 - alpha
        v += tmp
        if h["centered"]:
            m = state.get("grad_avg")
            if m is None:
                m = state["grad_avg"] = xp.zeros_like(p.data)
            xp.subtract(d, m, out=tmp)  # m <- m + (1 - alpha)(g - m), PyTorch's lerp
            tmp *= 1.0 - alpha
            m += tmp
            xp.multiply(m, m, out=tmp)
            xp.subtract(v, tmp, out=tmp)
            xp.sqrt(tmp, out=tmp)
        else:
            xp.sqrt(v, out=tmp)
        tmp += h["eps"]
        xp.divide(d, tmp, out=tmp)  # u = g / (sqrt(v) + eps)
        if h["momentum"]:
            b = state.get("momentum_buffer")
            if b is None:
                b = state["momentum_buffer"] = xp.zeros_like(p.data)
            b *= h["momentum"]
            b += tmp
            xp.multiply(b, h["lr"], out=tmp)
        else:
            tmp *= h["lr"]
        p.data -= tmp

    def update_keras(self, p, g, state, h, t):
        # Keras: v <- rho v + (1 - rho) g^2; (centered: a <- rho a + (1 - rho) g, v - a^2)
        # step = lr * g / sqrt(v + epsilon)   (epsilon inside the root);
        # momentum: b <- momentum * b + step; p <- p - b
        xp = array_module(p, g, state)
        rho = h["rho"]
        v = state.get("velocity")
        if v is None:
            v = state["velocity"] = xp.zeros_like(p.data)
        tmp = self._tmp(p)
        v *= rho
        xp.multiply(g, g, out=tmp)
        tmp *= 1.0 - rho
        v += tmp
        if h["centered"]:
            a = state.get("average_gradient")
            if a is None:
                a = state["average_gradient"] = xp.zeros_like(p.data)
            a *= rho
            xp.multiply(g, 1.0 - rho, out=tmp)
            a += tmp
            xp.multiply(a, a, out=tmp)
            xp.subtract(v, tmp, out=tmp)
            tmp += h["epsilon"]
        else:
            xp.add(v, h["epsilon"], out=tmp)
        xp.sqrt(tmp, out=tmp)
        xp.divide(g, tmp, out=tmp)
        tmp *= h["lr"]
        if h["momentum"]:
            b = state.get("momentum")
            if b is None:
                b = state["momentum"] = xp.zeros_like(p.data)
            b *= h["momentum"]
            b += tmp
            p.data -= b
        else:
            p.data -= tmp


class Adam(Optimizer):
    """Adam: momentum on the gradient and RMSprop's scaling, both bias-corrected.

    PyTorch's ``torch.optim.Adam`` (names, defaults, formula), t the step (1, 2, ...)::

        g <- g + weight_decay * p                   (L2 in the gradient; see AdamW)
        m <- beta1 * m + (1 - beta1) * g
        v <- beta2 * v + (1 - beta2) * g^2
        (amsgrad: v_max <- max(v_max, v), used instead of v below)
        p <- p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> opt = Adam([w], lr=0.1)
        >>> (w * w).sum().backward(); opt.step()   # the first step moves by about lr
        >>> round(w.item(), 4)
        0.9
    """

    _decoupled = False

    _torch_weight_decay = 0.0
    _keras_weight_decay: float | None = None

    def __init__(self, params: Any = None, *args: Any, **kwargs: Any) -> None:
        self._construct(params, args, kwargs)

    def _torch(
        self,
        lr: float | Callable[[int], float] = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float | None = None,
        amsgrad: bool = False,
    ) -> tuple[Any, dict[str, Any]]:
        if weight_decay is None:
            weight_decay = self._torch_weight_decay
        return lr, {
            "betas": tuple(float(b) for b in betas),
            "eps": float(eps),
            "weight_decay": float(weight_decay),
            "amsgrad": bool(amsgrad),
        }

    def _keras(
        self,
        learning_rate: float | Callable[[int], float] = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        amsgrad: bool = False,
        weight_decay: float | None = "default",  # type: ignore[assignment]
    ) -> tuple[Any, dict[str, Any]]:
        if weight_decay == "default":
            weight_decay = self._keras_weight_decay
        return learning_rate, {
            "beta_1": float(beta_1),
            "beta_2": float(beta_2),
            "epsilon": float(epsilon),
            "amsgrad": bool(amsgrad),
            "weight_decay": weight_decay,
        }

    def _check_hyper(self, h: dict[str, Any], name: str) -> None:
        super()._check_hyper(h, name)
        if self.keras_form:
            if not (0.0 <= h["beta_1"] < 1.0 and 0.0 <= h["beta_2"] < 1.0):
                raise ConfigError(
                    key="error.optimizers.beta__beta_", name=name, h=h["beta_1"], h2=h["beta_2"]
                )
            return
        betas = tuple(h["betas"])
        if len(betas) != 2 or not all(0.0 <= b < 1.0 for b in betas):
            raise ConfigError(key="error.optimizers.betas_two_numbers", name=name, h=h["betas"])
        h["betas"] = betas

    def update(self, p, g, state, h, t):
        xp = array_module(p, g, state)
        lr, (b1, b2), wd = h["lr"], h["betas"], h["weight_decay"]
        if self._decoupled:
            if wd:
                p.data *= 1.0 - lr * wd  # AdamW: shrink the weights, apart from the gradient
            d = g
        else:
            d = self._decayed_grad(p, g, wd)
        m, v = state.get("exp_avg"), state.get("exp_avg_sq")
        if m is None or v is None:
            m = state["exp_avg"] = xp.zeros_like(p.data)
            v = state["exp_avg_sq"] = xp.zeros_like(p.data)
        tmp = self._tmp(p)
        xp.subtract(d, m, out=tmp)  # m <- m + (1 - b1)(g - m), PyTorch's lerp
        tmp *= 1.0 - b1
        m += tmp
        v *= b2
        xp.multiply(d, d, out=tmp)
        tmp *= 1.0 - b2
        v += tmp
        if h["amsgrad"]:
            vmax = state.get("max_exp_avg_sq")
            if vmax is None:
                vmax = state["max_exp_avg_sq"] = xp.zeros_like(p.data)
            xp.maximum(vmax, v, out=vmax)
            v = vmax
        # lr/c1 * m / (sqrt(v)/sqrt(c2) + eps) == (lr*sqrt(c2)/c1) * m / (sqrt(v) + eps*sqrt(c2)),
        # with c1 = 1 - b1^t, c2 = 1 - b2^t: the same step with one array pass fewer.
        sc2 = math.sqrt(1.0 - b2**t)
        xp.sqrt(v, out=tmp)
        tmp += h["eps"] * sc2
        xp.divide(m, tmp, out=tmp)
        tmp *= lr * sc2 / (1.0 - b1**t)
        p.data -= tmp

    def update_keras(self, p, g, state, h, t):
        # Keras: m <- m + (g - m)(1 - b1); v <- v + (g^2 - v)(1 - b2);
        # p <- p - lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + epsilon)
        # (epsilon added to the uncorrected sqrt(v): Keras' placement, not PyTorch's)
        xp = array_module(p, g, state)
        b1, b2 = h["beta_1"], h["beta_2"]
        m, v = state.get("momentum"), state.get("velocity")
        if m is None or v is None:
            m = state["momentum"] = xp.zeros_like(p.data)
            v = state["velocity"] = xp.zeros_like(p.data)
        tmp = self._tmp(p)
        xp.subtract(g, m, out=tmp)
        tmp *= 1.0 - b1
        m += tmp
        xp.multiply(g, g, out=tmp)
        tmp -= v
        tmp *= 1.0 - b2
        v += tmp
        if h["amsgrad"]:
            vmax = state.get("velocity_hat")
            if vmax is None:
                vmax = state["velocity_hat"] = xp.zeros_like(p.data)
            xp.maximum(vmax, v, out=vmax)
            v = vmax
        xp.sqrt(v, out=tmp)
        tmp += h["epsilon"]
        xp.divide(m, tmp, out=tmp)
        tmp *= h["lr"] * math.sqrt(1.0 - b2**t) / (1.0 - b1**t)
        p.data -= tmp


class AdamW(Adam):
    """Adam with decoupled weight decay (Loshchilov & Hutter): ``torch.optim.AdamW``.

    Same as :class:`Adam` except that the weights shrink directly,
    ``p <- p * (1 - lr * weight_decay)``, before the Adam step, instead of adding
    ``weight_decay * p`` to the gradient (where Adam's scaling would weaken it). PyTorch's
    default ``weight_decay=0.01``.

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> opt = AdamW([w], lr=0.1, weight_decay=0.5)
        >>> (w * 0).sum().backward(); opt.step()    # zero gradient: only the decay acts
        >>> round(w.item(), 4)
        0.95
    """

    _decoupled = True
    _torch_weight_decay = 0.01
    _keras_weight_decay = 0.004


_REGISTRY: dict[str, type[Optimizer]] = {
    "sgd": SGD,
    "adagrad": Adagrad,
    "rmsprop": RMSprop,
    "adam": Adam,
    "adamw": AdamW,
}
registry.family("optimizers", _REGISTRY)  # the one registry holds this table


def register(name: str, cls: type[Optimizer]) -> None:
    """Make an Optimizer class available by name (for ``get`` and ``compile``).

    Example:
        >>> register("my_sgd", SGD); type(get("my_sgd", [Tensor([1.0])])).__name__
        'SGD'
        >>> registry.unregister("optimizers", "my_sgd")
    """
    registry.register("optimizers", name, cls)


def get(identifier: Any, params: ParamsLike, **kwargs: Any) -> Optimizer:
    """Build an optimizer from a name (``"sgd"``, ``"adagrad"``, ``"rmsprop"``, ``"adam"``,
    ``"adamw"``) or a ``{"class_name", "config"}`` dict for ``params``; an Optimizer instance is
    returned as it is.

    A bare name (no keyword arguments) gives Keras' optimizer with Keras' defaults, as
    ``compile("rmsprop")`` does in Keras (RMSprop and Adagrad at learning rate 0.001); keyword
    arguments choose the form by their names (``lr=`` PyTorch's, ``learning_rate=`` Keras').

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> type(get("adam", [w], lr=0.1)).__name__
        'Adam'
        >>> get("rmsprop", [w]).get_config()["learning_rate"]
        0.001
    """
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, dict):
        cls = registry.lookup("optimizers", identifier.get("class_name"))
        if not isinstance(cls, type):
            raise ConfigError(
                key="error.optimizers.unknown_optimizer_config", identifier=identifier
            )
        return cls.from_config(params, {**identifier.get("config", {}), **kwargs})
    if isinstance(identifier, str):
        cls = registry.lookup("optimizers", identifier)
        if not isinstance(cls, type):
            raise ConfigError(
                key="error.optimizers.unknown_optimizer",
                identifier=identifier,
                names=sorted(_REGISTRY),
            )
        if not kwargs:
            opt = cls()
            opt.build(params)
            return opt
        return cls(params, **kwargs)
    raise ConfigError(key="error.optimizers.interpret_optimizer", identifier=identifier)


def serialize(opt: Optimizer) -> dict[str, Any]:
    """``{"class_name", "config"}`` of an optimizer (JSON-able), the inverse of :func:`get`.

    Example:
        >>> serialize(SGD([Tensor([1.0], requires_grad=True)]))["class_name"]
        'SGD'
    """
    return {"class_name": type(opt).__name__, "config": opt.get_config()}
