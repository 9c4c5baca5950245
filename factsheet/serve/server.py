"""The HTTP side: static files from the last good build (HTML gets the reload
script and the error overlay injected), server-sent events for reloads, and a
status JSON for tools and tests."""

from __future__ import annotations

import errno
import hashlib
import html
import io
import json
import os
import socket
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from ..errors import Abort
from . import livereload
from .overlay import OVERLAY_CSS, overlay_html
from .state import ServerState

SSE_KEEPALIVE_SECONDS = 10.0
LONG_POLL_SECONDS = 25.0
PORT_SEARCH_SPAN = 100
# A browser that closes a tab, stops a download or reloads mid-response: the
# client's business, not an error of the server.
_CLIENT_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


class DevServer(ThreadingHTTPServer):
    daemon_threads = True  # open event streams must not keep the process alive
    block_on_close = False  # ...nor make server_close() wait for them

    def __init__(self, address: tuple[str, int], state: ServerState, pending: Callable[[], bool]) -> None:
        self.state = state
        self.pending = pending
        super().__init__(address, DevRequestHandler)

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
        """A client that went away is one line in the log, not a traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, _CLIENT_GONE):
            host, port = client_address[:2] if isinstance(client_address, tuple) else (client_address, "")
            print(f"client {host}:{port} disconnected ({type(exc).__name__})", file=sys.stderr, flush=True)
            return
        super().handle_error(request, client_address)


class DevServer6(DevServer):
    address_family = socket.AF_INET6


class DevRequestHandler(SimpleHTTPRequestHandler):
    server: DevServer
    protocol_version = "HTTP/1.1"

    def _take_snapshot(self) -> None:
        """Per request (not per connection: keep-alive spans rebuilds): the folder
        to serve and the overlay to show, read once so a request never mixes two builds."""
        self.snapshot = self.server.state.snapshot()
        self.cache_control = "no-store"
        self.directory = str(self.snapshot.site_dir) if self.snapshot.site_dir else os.devnull

    # -- routing ---------------------------------------------------------------

    def do_HEAD(self) -> None:
        self._take_snapshot()
        super().do_HEAD()

    def do_GET(self) -> None:
        self._take_snapshot()
        route = urlsplit(self.path).path
        if route == livereload.EVENTS_PATH:
            return self._events()
        if route == livereload.STATUS_PATH:
            body = json.dumps(self.server.state.as_json(pending=self.server.pending()), indent=1).encode()
            return self._send_bytes(body, "application/json")
        if route == livereload.SCRIPT_PATH:
            return self._send_validated(livereload.LIVERELOAD_JS.encode(), "text/javascript; charset=utf-8")
        if route == livereload.CSS_PATH:
            return self._send_validated(OVERLAY_CSS.encode(), "text/css; charset=utf-8")
        super().do_GET()

    def end_headers(self) -> None:
        # HTML: never cached (it carries the generation and the overlay). Other
        # files: cached but revalidated by content hash, so a reload after a
        # rebuild costs a 304 for every unchanged stylesheet and script.
        self.send_header("Cache-Control", getattr(self, "cache_control", "no-store"))
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass  # one line per request drowns the build messages

    # -- static files ----------------------------------------------------------

    def send_head(self):  # type: ignore[override]
        if self.snapshot.site_dir is None:
            return self._page(HTTPStatus.SERVICE_UNAVAILABLE, "No build yet", "The first build has not succeeded yet.")
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            parts = urlsplit(self.path)
            if not parts.path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", parts._replace(path=parts.path + "/").geturl())
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return self._not_found()
        if path.endswith((".html", ".htm")):
            try:
                with open(path, "rb") as fh:
                    page = fh.read()
            except OSError:
                return self._page(HTTPStatus.NOT_FOUND, "Not found", "The page went away during a rebuild.")
            return self._html(HTTPStatus.OK, page)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return self._page(HTTPStatus.NOT_FOUND, "Not found", "The file went away during a rebuild.")
        return self._validated(data, self.guess_type(path))

    def _not_found(self) -> io.BytesIO:
        """The site's own 404.html when it has one (as GitHub Pages would serve it)."""
        assert self.snapshot.site_dir is not None
        try:
            page = (self.snapshot.site_dir / "404.html").read_bytes()
        except OSError:
            return self._page(HTTPStatus.NOT_FOUND, "Not found", f"There is no page at {urlsplit(self.path).path}.")
        return self._html(HTTPStatus.NOT_FOUND, page)

    def _html(self, status: HTTPStatus, page: bytes) -> io.BytesIO:
        snap = self.snapshot
        body = livereload.inject(page, snap.generation, overlay_html(snap.problems, build_failed=snap.build_failed))
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _page(self, status: HTTPStatus, title: str, text: str) -> io.BytesIO:
        page = (
            f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>"
        ).encode()
        return self._html(status, page)

    def _validated(self, body: bytes, content_type: str) -> io.BytesIO:
        """200 with an ETag (content hash), or 304 when the browser has it already."""
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        self.cache_control = "no-cache"
        if etag in (self.headers.get("If-None-Match") or ""):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.end_headers()
            return io.BytesIO(b"")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        return io.BytesIO(body)

    def _send_validated(self, body: bytes, content_type: str) -> None:
        f = self._validated(body, content_type)
        if self.command != "HEAD":
            self.wfile.write(f.getvalue())

    def _send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # -- live reload -----------------------------------------------------------

    def _events(self) -> None:
        """Server-sent events (or one long poll with ?mode=poll): answer "reload"
        as soon as the generation differs from the page's."""
        query = parse_qs(urlsplit(self.path).query)
        try:
            since = int(query.get("since", ["-1"])[0])
        except ValueError:
            since = -1
        state = self.server.state
        self.close_connection = True
        if query.get("mode") == ["poll"]:
            current = state.wait_for_generation_other_than(since, LONG_POLL_SECONDS)
            return self._send_bytes(b"reload" if current != since else b"wait", "text/plain")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while not state.stopping:
                current = state.wait_for_generation_other_than(since, SSE_KEEPALIVE_SECONDS)
                if state.stopping:
                    return
                if current != since:
                    self.wfile.write(f"event: reload\ndata: {current}\n\n".encode())
                    self.wfile.flush()
                    return
                self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            return


def _port_is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def next_free_port(host: str, port: int) -> int | None:
    for candidate in range(port + 1, min(port + 1 + PORT_SEARCH_SPAN, 65536)):
        if _port_is_free(host, candidate):
            return candidate
    return None


def bind_server(host: str, port: int, state: ServerState, pending: Callable[[], bool]) -> DevServer:
    """Bind, or stop with a message naming a free port to use instead."""
    try:
        server_class = DevServer6 if ":" in host else DevServer
        return server_class((host, port), state, pending)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            free = next_free_port(host, port)
            hint = f"; port {free} is free: run again with --port {free}" if free else ""
            raise Abort(f"port {port} on {host} is already in use{hint}") from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise Abort(f"not allowed to listen on {host}:{port} (ports below 1024 need privileges); try --port 8000") from None
        if exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
            raise Abort(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        raise Abort(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
