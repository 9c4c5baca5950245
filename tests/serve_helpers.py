"""Helpers for the dev-server tests: a real `python build.py serve` process on
127.0.0.1 and bounded waits. Every process started here is stopped by its
fixture's finalizer (SIGINT, then kill on timeout)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable

import pytest

from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate: Callable[[], Any], *, timeout: float = 10.0, interval: float = 0.05, what: str = "") -> Any:
    """Poll ``predicate`` until it returns something truthy; bounded in time."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except (OSError, ValueError, KeyError) as exc:  # server not up yet, file mid-write
            last_error = exc
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}" + (f" ({last_error})" if last_error else ""))


class ServeProcess:
    def __init__(self, content: Path, *, cwd: Path, extra: tuple[str, ...] = ()) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_out = cwd / f"serve-{self.port}.out"
        self.log_err = cwd / f"serve-{self.port}.err"
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, str(REPO / "build.py"), "serve", "--content", str(content), "--port", str(self.port), *extra],
            cwd=cwd, stdout=self.log_out.open("w"), stderr=self.log_err.open("w"), env=env,
        )

    def get(self, path: str, timeout: float = 5.0) -> tuple[int, bytes, dict[str, str]]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as err:
            return err.code, err.read(), dict(err.headers)

    def status(self) -> dict[str, Any]:
        return json.loads(self.get("/__factsheet/status")[1])

    def facts(self) -> dict[str, Any]:
        code, body, _ = self.get("/facts.json")
        assert code == 200, code
        return json.loads(body)

    def wait_ready(self, timeout: float = 30.0) -> dict[str, Any]:
        def ready():
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited with {self.proc.returncode}: {self.stderr()}")
            status = self.status()
            return status if status["builds"] >= 1 else None
        return wait_until(ready, timeout=timeout, what="the first build")

    def wait_idle(self, *, after_builds: int, timeout: float = 15.0) -> dict[str, Any]:
        """Until at least one build after ``after_builds`` finished and none is due."""
        def idle():
            status = self.status()
            if status["builds"] > after_builds and not status["building"] and not status["pending"]:
                time.sleep(0.3)  # a straggling event would show up as pending again
                again = self.status()
                if not again["pending"] and not again["building"] and again["builds"] == status["builds"]:
                    return again
            return None
        return wait_until(idle, timeout=timeout, what="the rebuild")

    def page_for(self, rel_path: str) -> str:
        """The served page that shows an article: its source page if the theme has
        one, else the index."""
        for source in self.facts()["sources"]:
            if source["path"] == rel_path:
                code, _, _ = self.get(f"/sources/{source['id']}.html")
                return f"/sources/{source['id']}.html" if code == 200 else "/"
        raise AssertionError(f"{rel_path} is not among the sources")

    def stderr(self) -> str:
        return self.log_err.read_text(errors="replace")

    def stop(self, timeout: float = 10.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        return self.proc.returncode


def write_atomically(path: Path, text: str) -> None:
    """How many editors save: a temp file beside the target, then a rename over it."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


@pytest.fixture
def serve(tmp_path: Path):
    """start(content, *flags) -> a running ServeProcess in tmp_path; every one started is stopped after the test."""
    started: list[ServeProcess] = []

    def start(content: Path, *extra: str) -> ServeProcess:
        server = ServeProcess(content, cwd=tmp_path, extra=extra)
        started.append(server)
        server.wait_ready()
        return server

    yield start
    for server in started:
        server.stop()
