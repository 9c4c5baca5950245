"""`factsheet serve`: build, serve the site on 127.0.0.1, rebuild on change and
reload open pages (the reader keeps their scroll position). Errors appear as an
overlay over the last good build; the server keeps running."""

from __future__ import annotations

import signal
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Callable

from ..config import CONFIG_FILE_NAME, Config
from ..serve.builder import Builder, make_builds_root
from ..serve.server import bind_server
from ..serve.state import ServerState
from ..serve.watcher import Debouncer, Watcher, WatchSpec


def watch_specs(config: Config, *, watch_config: bool) -> tuple[WatchSpec, ...]:
    """The content folder, every template folder, and the configuration file."""
    specs = [WatchSpec(config.content_dir.resolve())]
    specs += [WatchSpec(d.resolve()) for d in config.theme_dirs if d.is_dir()]
    if watch_config:
        config_file = config.config_file or Path.cwd() / CONFIG_FILE_NAME
        config_file = config_file.resolve()
        specs.append(WatchSpec(config_file.parent, recursive=False, only_names=frozenset({config_file.name})))
    return tuple(specs)


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::"):
        shown = "localhost"
    return f"http://{shown}:{port}/"


def serve_command(
    config: Config,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    poll: bool = False,
    open_browser: bool = False,
    reload_config: Callable[[], Config] | None = None,
) -> int:
    watch_config = True
    specs = watch_specs(config, watch_config=watch_config)
    state = ServerState()
    debouncer = Debouncer()
    server = bind_server(host, port, state, lambda: debouncer.pending)
    builds_root = make_builds_root(tuple(s.root for s in specs if s.recursive))
    watcher = Watcher(debouncer.touch, poll=poll)
    builder = Builder(
        config, state, builds_root, reload_config=reload_config,
        on_config_change=lambda new: watcher.watch(watch_specs(new, watch_config=watch_config)),
    )
    previous_sigterm = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    builder_thread = threading.Thread(target=builder.run, args=(debouncer,), name="factsheet-builder", daemon=True)
    try:
        # Watch before the first build so that an edit made during it is not lost.
        watcher.watch(specs)
        watcher.start()
        builder.build()
        builder_thread.start()
        url = _url(host, server.server_address[1])
        print(
            f"serving {url} (watching {', '.join(str(s.root) for s in specs if s.only_names is None)}"
            f"{' by polling' if poll else ''}); press Ctrl-C to stop",
            flush=True,
        )
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr, flush=True)
    finally:
        state.stop()
        debouncer.close()
        watcher.stop()
        server.server_close()
        if builder_thread.is_alive():
            builder_thread.join(timeout=5)  # a build in progress finishes first
        builder.cleanup()
        signal.signal(signal.SIGTERM, previous_sigterm)
    return 0


def _raise_keyboard_interrupt(signum, frame) -> None:  # noqa: ANN001 - signal handler signature
    raise KeyboardInterrupt
