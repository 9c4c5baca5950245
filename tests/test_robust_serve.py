"""The dev server always recovers: a real `build.py serve` on 127.0.0.1 whose
content folder is removed and recreated, whose articles break mid-edit, and
whose clients hang up mid-response."""

from __future__ import annotations

import shutil
import socket
import struct
import time
from pathlib import Path

import pytest

from serve_helpers import ServeProcess, serve, wait_until  # serve: a fixture


def article(title: str, place: str, paragraphs: int = 3) -> str:
    body = "\n\n".join(
        f"Divers in {place} inspected pier {i} of the old harbour on Wednesday and found the piles sound. "
        f"The port authority said pier {i} would reopen to fishing boats within a fortnight."
        for i in range(1, paragraphs + 1)
    )
    return f"---\ntitle: {title}\ndate: 2025-06-04\n---\n{body}\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "north-pier.md").write_text(article("North pier reopens", "Elstow"), encoding="utf-8")
    (folder / "south-pier.md").write_text(article("South pier stays shut", "Dunmere"), encoding="utf-8")
    return folder


def titles(server: ServeProcess) -> dict[str, str | None]:
    return {s["path"]: s["title"] for s in server.facts()["sources"]}


@pytest.mark.parametrize("mode", [(), ("--poll",)], ids=["events", "poll"])
def test_server_survives_removing_and_recreating_content(content: Path, serve, mode: tuple[str, ...]) -> None:
    server = serve(content, *mode)
    assert set(titles(server)) == {"north-pier.md", "south-pier.md"}
    builds = server.wait_idle(after_builds=0)["builds"]

    shutil.rmtree(content)
    status = server.wait_idle(after_builds=builds, timeout=20)
    assert not status["ok"] and status["serving"]  # the last good build stays served
    assert server.get("/")[0] == 200 and set(titles(server)) == {"north-pier.md", "south-pier.md"}

    content.mkdir()
    (content / "east-quay.md").write_text(article("East quay opens", "Farrow"), encoding="utf-8")
    wait_until(lambda: titles(server) == {"east-quay.md": "East quay opens"}, timeout=20, what="the new folder's build")
    source = server.facts()["sources"][0]
    code, body, _ = server.get(f"/sources/{source['id']}.html")
    assert code == 200 and b"East quay opens" in body

    # The new folder is watched, not only read once: later edits show up too.
    (content / "east-quay.md").write_text(article("East quay opens early", "Farrow"), encoding="utf-8")
    (content / "west-quay.md").write_text(article("West quay closes", "Glenrock"), encoding="utf-8")
    wait_until(lambda: titles(server) == {"east-quay.md": "East quay opens early", "west-quay.md": "West quay closes"},
               timeout=20, what="edits in the recreated folder")

    # Replaced by a rename (a checkout or a restore from backup): the same.
    replacement = content.with_name("content-restored")
    replacement.mkdir()
    (replacement / "north-pier.md").write_text(article("North pier restored", "Elstow"), encoding="utf-8")
    content.rename(content.with_name("content-old"))
    replacement.rename(content)
    wait_until(lambda: titles(server) == {"north-pier.md": "North pier restored"}, timeout=20, what="the swapped folder")
    assert "Traceback" not in server.stderr()


def test_a_malformed_article_keeps_its_last_good_version_until_fixed(content: Path, serve) -> None:
    server = serve(content)
    builds = server.wait_idle(after_builds=0)["builds"]
    good = (content / "south-pier.md").read_text(encoding="utf-8")
    (content / "south-pier.md").write_text(good.replace("title: South pier stays shut", "title: [unclosed"),
                                           encoding="utf-8")
    (content / "never-good.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    status = server.wait_idle(after_builds=builds)
    assert status["ok"] and status["serving"]
    problems = {p["path"]: p["message"] for p in status["problems"]}
    assert set(problems) == {"south-pier.md", "never-good.md"}
    assert "last good version" in problems["south-pier.md"]
    # The article stays in the served site as it last built; the overlay says why.
    assert titles(server) == {"north-pier.md": "North pier reopens", "south-pier.md": "South pier stays shut"}
    code, body, _ = server.get("/")
    assert code == 200 and b"factsheet-overlay" in body and b"south-pier.md" in body

    (content / "south-pier.md").write_text(good.replace("stays shut", "reopens too"), encoding="utf-8")
    (content / "never-good.md").unlink()
    wait_until(lambda: server.status()["problems"] == [] and titles(server)["south-pier.md"] == "South pier reopens too",
               what="the fix")
    assert b"factsheet-overlay" not in server.get("/")[1]


def _hang_up(port: int, path: str, read: int) -> None:
    """Ask for ``path``, read ``read`` bytes, then reset the connection (SO_LINGER 0)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        if read:
            sock.recv(read)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_client_disconnects_are_one_line_not_a_traceback(tmp_path: Path, content: Path, serve) -> None:
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    (theme / "assets" / "big.css").write_text("/* padding */\n" * 200_000, encoding="utf-8")  # 2.8 MB
    server = serve(content, "--templates", str(theme))
    assert len(server.get("/assets/big.css")[1]) > 2_000_000  # far more than a 4 KiB receive window takes
    for i in range(40):
        _hang_up(server.port, "/assets/big.css" if i % 2 else "/facts.json", read=0 if i % 4 == 0 else 1000)
    time.sleep(1.0)
    assert server.status()["ok"]  # still answering
    log = server.stderr()
    assert "Traceback" not in log and "Exception occurred" not in log
    disconnects = [line for line in log.splitlines() if "disconnected" in line]
    assert disconnects, log
    assert all(line.startswith("client 127.0.0.1:") and line.endswith("Error)") for line in disconnects), disconnects
