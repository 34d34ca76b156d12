"""``mitbadak playground``: a page in the browser where a learner trains the real engine.

Two tabs: the *Playground* (TensorFlow Playground's controls on two-feature data sets, trained
by mitbadak in the server) and *Digits* (a small MLP or CNN on the embedded 8x8 digits or MNIST,
with activations, filters, a confusion matrix and a canvas to draw on). The server is the
standard library's :class:`http.server.ThreadingHTTPServer`; the page is static HTML, CSS and
JavaScript shipped in the package (no CDN, no network).

Example:
    >>> from mitbadak.playground import make_server
    >>> server = make_server(port=0)      # a free port on 127.0.0.1
    >>> server.server_address[0]
    '127.0.0.1'
    >>> server.server_close()
"""

from __future__ import annotations

from .server import make_server, serve  # noqa: F401
from .setup import Setup, parse_setup

__all__ = ["Setup", "make_server", "parse_setup", "serve"]
