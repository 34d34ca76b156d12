"""The playground's HTTP server: static page files and a small JSON API.

Standard library only (:class:`http.server.ThreadingHTTPServer`, one thread per request);
training happens in each session's own thread (:mod:`.session`), so no request waits on it
longer than one epoch. Every error from the page's input comes back as ``{"error": message}``
with status 400; the server keeps running whatever the page sends.

| request | body / query | answer |
|---|---|---|
| ``POST /api/session`` | ``{"kind": "playground"/"digits", "setup": {...}}`` | a new session |
| ``POST /api/<id>/setup`` | ``{"setup": {...}}`` | the new setup's points and state |
| ``POST /api/<id>/play`` | ``{"on": true}`` | start or pause training |
| ``POST /api/<id>/step`` / ``reset`` | | one epoch / a fresh network |
| ``GET /api/<id>/state`` | ``?epoch=E&version=V`` | long poll: the next snapshot |
| ``POST /api/<id>/export`` | | ``{"script": python source}`` |
| ``GET /api/<id>/activations`` | ``?index=i`` | digits: every layer's output |
| ``GET /api/<id>/cell`` | ``?true=t&pred=p`` | digits: a confusion-matrix cell |
| ``POST /api/<id>/predict`` | ``{"pixels": [...]}`` | digits: class probabilities |

Example:
    >>> server = make_server(port=0); host, port = server.server_address[:2]
    >>> host, port > 0
    ('127.0.0.1', True)
    >>> server.server_close()
"""

from __future__ import annotations

import errno
import json
import sys
import threading
import traceback
import webbrowser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..errors import ConfigError, MitbadakError
from ..messages import current_lang, message, use_lang
from .digits import DigitsRun, parse_digits_setup
from .engine import PlaygroundRun
from .export import export_script
from .session import Session, Sessions
from .setup import parse_setup

MAX_BODY = 2_000_000  # bytes: a 10,000-row CSV fits
STATIC = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
}


class PageError(Exception):
    """A request the page should be told about (status, message): the message is given, or
    ``key=`` and values from the message table, written in the language in use.

    Example:
        >>> PageError(404, "no such page").status
        404
        >>> str(PageError(404, key="error.playground.no_page", path="/x"))
        'no such page: /x'
    """

    def __init__(
        self, status: int, text: str | None = None, *, key: str | None = None, **values: Any
    ) -> None:
        super().__init__(message(key, None, **values) if key is not None else text)
        self.status = status
        self.key = key
        self.values = values


def _factory(kind: str, setup: Any):
    if not isinstance(setup, dict):
        raise ConfigError(key="error.playground.setup_object")
    if kind == "digits":
        ds = parse_digits_setup(setup)
        return lambda: DigitsRun(ds)
    if kind != "playground":
        raise ConfigError(key="error.playground.kind", kind=kind)
    ps = parse_setup(setup)
    return lambda: PlaygroundRun(ps)


class Handler(BaseHTTPRequestHandler):
    """One request; the server object carries ``sessions``.

    Example:
        >>> Handler.protocol_version
        'HTTP/1.1'
    """

    server: PlaygroundServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the page polls a lot
        if self.server.verbose:
            super().log_message(format, *args)

    # ---------------------------------------------------------------------- plumbing
    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, obj: Any) -> None:
        body = json.dumps(obj, allow_nan=False, separators=(",", ":")).encode()
        self._send(status, body, "application/json")

    def _body(self) -> dict[str, Any]:
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise PageError(400, key="error.playground.bad_length") from None
        if n > MAX_BODY:
            self.rfile.read(min(n, MAX_BODY * 4))
            self.close_connection = True
            raise PageError(413, key="error.playground.too_large", n=n, max=MAX_BODY)
        raw = self.rfile.read(n) if n else b""
        if not raw:
            return {}
        try:
            obj = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise PageError(400, key="error.playground.not_json") from None
        if not isinstance(obj, dict):
            raise PageError(400, key="error.playground.json_object")
        return obj

    def _session(self, sid: str) -> Session:
        s = self.server.sessions.get(sid)
        if s is None:
            raise PageError(404, key="error.playground.expired")
        s.touch()
        return s

    def _handle(self, method: str) -> None:
        with use_lang(self.server.lang):  # the language the server was started in
            self._answer(method)

    def _answer(self, method: str) -> None:
        url = urlsplit(self.path)
        parts = [p for p in url.path.split("/") if p]
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        try:
            if method == "GET" and (not parts or parts[0] in STATIC):
                name = parts[0] if parts else "index.html"
                data = resources.files(__package__).joinpath("static", name).read_bytes()
                return self._send(200, data, STATIC[name])
            if not parts or parts[0] != "api":
                raise PageError(404, key="error.playground.no_page", path=url.path)
            body = self._body() if method == "POST" else {}
            result = self._api(method, parts[1:], query, body)
            self._json(200, result)
        except PageError as e:
            self._json(e.status, {"error": str(e)})
        except MitbadakError as e:
            self._json(400, {"error": str(e)})
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as e:  # a bug: say so on the page and in the terminal, keep serving
            traceback.print_exc()
            try:
                text = message("error.playground.internal", type=type(e).__name__, error=e)
                self._json(500, {"error": text})
            except OSError:
                pass

    def do_GET(self) -> None:  # noqa: N802
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    # --------------------------------------------------------------------------- API
    def _api(self, method: str, parts: list[str], q: dict[str, str], body: dict) -> Any:
        sessions = self.server.sessions
        if parts == ["session"] and method == "POST":
            kind = str(body.get("kind", "playground"))
            s = sessions.add(Session(_factory(kind, body.get("setup", {})), kind))
            return s.describe(inputs=True)
        if len(parts) != 2:
            raise PageError(404, key="error.playground.no_call", call="/" + "/".join(parts))
        s = self._session(parts[0])
        action = parts[1]
        if method == "GET" and action == "state":
            try:
                epoch, version = int(q.get("epoch", -1)), int(q.get("version", -1))
            except ValueError:
                raise PageError(400, key="error.playground.state_numbers") from None
            return s.wait_state(epoch, version, timeout=1.0)
        if method == "GET" and action in ("activations", "cell"):
            if s.kind != "digits":
                raise PageError(400, key="error.playground.digits_only", action=action)
            run = s.run
            if action == "activations":
                return run.activations(q.get("index", "0"))
            return run.cell(q.get("true", ""), q.get("pred", ""))
        if method != "POST":
            raise PageError(405, key="error.playground.use_post", action=action)
        if action == "setup":
            return s.replace(_factory(s.kind, body.get("setup", {})))
        if action == "reset":
            run = s.run
            setup = run.setup
            return s.replace(lambda: type(run)(setup))
        if action == "play":
            return s.play(bool(body.get("on", True)))
        if action == "step":
            return s.step()
        if action == "export":
            if s.kind != "playground":
                raise PageError(400, key="error.playground.playground_only", action="export")
            run = s.run
            return {"script": export_script(run.setup, epochs=run.epoch), "epoch": run.epoch}
        if action == "predict":
            if s.kind != "digits":
                raise PageError(400, key="error.playground.digits_only", action="predict")
            return {"probs": s.run.predict(body.get("pixels"))}
        raise PageError(404, key="error.playground.no_call", call=action)


class PlaygroundServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer with the sessions of its pages; its error messages are written
    in ``lang`` (default: the language in use when it is made, see
    :func:`mitbadak.messages.current_lang`).

    Example:
        >>> srv = PlaygroundServer(("127.0.0.1", 0)); len(srv.sessions.items)
        0
        >>> srv.server_close()
    """

    daemon_threads = True
    allow_reuse_address = False

    def __init__(
        self, address: tuple[str, int], verbose: bool = False, lang: str | None = None
    ) -> None:
        self.sessions = Sessions()
        self.verbose = verbose
        self.lang = current_lang(lang)
        super().__init__(address, Handler)

    def server_close(self) -> None:
        super().server_close()
        self.sessions.close_all()


def make_server(
    port: int = 8765, host: str = "127.0.0.1", verbose: bool = False, lang: str | None = None
):
    """A playground server bound to ``host:port`` (``port=0``: any free port), not started,
    answering in ``lang`` (default: the language in use).

    Raises :class:`~mitbadak.errors.ConfigError` with one clear line if the port is taken.

    Example:
        >>> srv = make_server(port=0)
        >>> make_server(port=srv.server_address[1])
        Traceback (most recent call last):
        ...
        mitbadak.errors.ConfigError: port ... on 127.0.0.1 is already in use; choose another with --port N
        >>> srv.server_close()
    """
    try:
        return PlaygroundServer((host, int(port)), verbose=verbose, lang=lang)
    except OSError as e:
        if e.errno in (errno.EADDRINUSE, errno.EACCES):
            key = "error.playground.port_in_use"
            if e.errno != errno.EADDRINUSE:
                key = "error.playground.port_not_allowed"
            raise ConfigError(key=key, port=port, host=host) from None
        error = e.strerror or str(e)
        raise ConfigError(
            key="error.playground.cannot_listen", host=host, port=port, error=error
        ) from None


def serve(
    port: int = 8765,
    host: str = "127.0.0.1",
    open_browser: bool = True,
    query: str = "",
    verbose: bool = False,
) -> int:
    """Run the playground until Ctrl-C; returns 0 after a clean shutdown.

    Example:
        >>> serve(port=8765, open_browser=False)  # doctest: +SKIP
        mitbadak playground: http://127.0.0.1:8765/  (Ctrl-C to stop)
        0
    """
    server = make_server(port, host, verbose)
    url = f"http://{host}:{server.server_address[1]}/{('?' + query) if query else ''}"
    print(message("cli.playground.started", url=url), flush=True)
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print(message("cli.playground.stopped"), file=sys.stderr)
    finally:
        server.server_close()
    return 0
