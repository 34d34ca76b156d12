"""Exceptions raised by mitbadak.

Every error a user can trigger with bad input is a :class:`MitbadakError`, so one ``except``
catches them all, and each subclass also derives from the matching built-in exception
(``ValueError``, ``TypeError``, ...) so code written for NumPy-style errors keeps working.

Example:
    >>> import mitbadak as mb
    >>> try:
    ...     mb.Tensor([1.0, 2.0]) @ mb.Tensor([1.0, 2.0, 3.0])
    ... except mb.ShapeError as e:
    ...     print("caught")
    caught
"""

from __future__ import annotations

from typing import Any


class MitbadakError(Exception):
    """Base class of every error mitbadak raises on purpose.

    An error raised with ``key=`` takes its text from the message table
    (:mod:`mitbadak.messages`), filled with the keyword values, in the language in use
    (``MITBADAK_LANG`` or :func:`mitbadak.messages.use_lang`); :meth:`text` writes the same
    error in another language. ``key`` and ``values`` stay on the error for code that wants
    to tell errors apart without matching their words; ``in_lang=`` writes it in a given
    language rather than the one in use.

    Example:
        >>> e = ConfigError(key="error.lang", lang="fr", source="lang", expected=("en", "ko"))
        >>> str(e)
        "unknown language 'fr' (from lang); expected one of ('en', 'ko')"
        >>> e.text("ko")
        "알 수 없는 언어 'fr'(lang에서 지정). 다음 중 하나여야 합니다: ('en', 'ko')"
        >>> e.key
        'error.lang'
    """

    def __init__(
        self, *args: object, key: str | None = None, in_lang: str | None = None, **values: Any
    ) -> None:
        self.key = key
        self.values = values
        if key is not None:  # in_lang: write it in this language rather than the one in use
            args = (_render(key, in_lang, values), *args)
        super().__init__(*args)

    def text(self, lang: str | None = None) -> str:
        """This error's message in ``lang`` (``"en"`` or ``"ko"``; default: the language in
        use). An error raised with a plain text rather than a key has only that text."""
        if self.key is None:
            return str(self)
        return _render(self.key, lang, self.values)


def _render(key: str, lang: str | None, values: dict[str, Any]) -> str:
    from .messages import current_lang, message  # messages imports this module

    try:
        lang = current_lang(lang)
    except ConfigError:  # a bad MITBADAK_LANG must not hide the error being raised
        lang = "en"
    return message(key, lang, **values)


class ShapeError(MitbadakError, ValueError):
    """An array had a shape the operation or layer cannot use.

    The message names the op or layer, the expected shape and the received one.
    """


class DTypeError(MitbadakError, TypeError):
    """An array had a dtype the operation cannot use (e.g. gradients of integer tensors)."""


class LabelError(MitbadakError, ValueError):
    """Class labels were out of range, of the wrong kind, or inconsistent with the outputs."""


class GraphError(MitbadakError, RuntimeError):
    """The computational graph cannot do what was asked (e.g. backward through a freed graph)."""


class NotFittedError(MitbadakError, RuntimeError, ValueError, AttributeError):
    """A model, scaler or estimator was used before it was fitted or built.

    Also a ``ValueError`` and an ``AttributeError``, like scikit-learn's ``NotFittedError``.
    """


class DataError(MitbadakError, ValueError):
    """Input data is invalid: NaN or infinite values, empty arrays, mismatched lengths."""


class FileFormatError(MitbadakError, ValueError):
    """A file is missing, corrupt, truncated, of a newer format, or not a mitbadak file."""


class ConfigError(MitbadakError, ValueError):
    """An option, identifier or hyper-parameter is unknown or out of range."""


class GradcheckError(MitbadakError, AssertionError):
    """Analytic and numerical gradients disagree (raised by :func:`mitbadak.gradcheck`)."""


class DeviceError(MitbadakError, RuntimeError):
    """A device was asked for that this machine or install cannot give (CUDA without CuPy or
    without a GPU), or arrays on two devices met in one operation."""


class ArgumentTypeError(ConfigError, TypeError):
    """An argument had the wrong type (a string where a number is meant, ``None`` where a value
    is required, a boolean where an integer is meant). Also a ``TypeError``."""


class InitError(ConfigError, AttributeError):
    """A Layer or Model subclass was used although its ``__init__`` never called
    ``super().__init__()``. Also an ``AttributeError``, so ``hasattr`` keeps working."""


class MissingMethodError(MitbadakError, NotImplementedError):
    """A Layer, Model or Loss subclass lacks the method that does its computation (``call`` /
    ``forward`` for a layer, ``call`` / ``compute`` for a loss). Also a
    ``NotImplementedError``, as in Keras and PyTorch."""
