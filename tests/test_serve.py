"""`factsheet serve` end to end: a real server process on 127.0.0.1, real file
edits, real Chromium. Every wait is bounded; every process is stopped."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, SEED_CONTENT
from serve_helpers import CHROMIUM, CHROMIUM_ARGS, ServeProcess, free_port, serve, wait_until, write_atomically  # serve: a fixture


def article(title: str, place: str, extra: str = "", *, paragraphs: int = 3) -> str:
    body = "\n\n".join(
        f"Engineers in {place} inspected section {i} of the bridge deck on Tuesday and reported no new cracks. "
        f"The council said section {i} would reopen to cyclists by the end of the month."
        for i in range(1, paragraphs + 1)
    )
    return f"---\ntitle: {title}\ndate: 2024-03-0{len(place) % 9 + 1}\n---\n{body}\n{extra}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "harbour-bridge.md").write_text(article("Harbour bridge reopens", "Norrvik"), encoding="utf-8")
    (content / "ferry-service.md").write_text(article("Ferry service resumes", "Castelmar"), encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def source_titles(server: ServeProcess) -> dict[str, str | None]:
    return {s["path"]: s["title"] for s in server.facts()["sources"]}


# ------------------------------------------------------------------ browser


@pytest.mark.browser
def test_edited_article_shows_in_the_open_page_by_itself(tmp_path: Path, serve, page) -> None:
    content = tmp_path / "content"
    shutil.copytree(SEED_CONTENT, content)
    server = serve(content)
    facts = server.facts()
    # A sentence the site cites verbatim; replace it in its file with a new one.
    citation = next(c for claim in facts["claims"] for c in claim["citations"] if len(c["quote"]) > 40)
    source = next(s for s in facts["sources"] if s["id"] == citation["source"])
    path = content / source["path"]
    raw = path.read_bytes().decode("utf-8")
    assert citation["quote"] in raw
    page.goto(server.base + server.page_for(source["path"]))
    page.evaluate("window.__beforeReload = true")
    new_sentence = "The glass ferry terminal counted 48213 visitors on its first weekend."
    path.write_text(raw.replace(citation["quote"], new_sentence, 1), encoding="utf-8")

    page.wait_for_function("document.body.innerText.includes('48213')")
    assert page.evaluate("window.__beforeReload === undefined"), "the page should have reloaded"
    assert page.locator("#factsheet-overlay").count() == 0
    # Ctrl-C with a page's event stream still open: a clean, quick exit.
    stopping = time.monotonic()
    assert server.stop(timeout=8) == 0
    assert time.monotonic() - stopping < 5
    assert "Traceback" not in server.stderr()


@pytest.mark.browser
def test_front_matter_error_shows_an_overlay_and_fixing_it_recovers(project: Path, serve, page) -> None:
    server = serve(project / "content")
    page.goto(server.base + "/")
    good = (project / "content" / "ferry-service.md").read_text(encoding="utf-8")
    broken = good.replace("title: Ferry service resumes", 'title: "Ferry service resumes\nsummary: [unclosed', 1)
    (project / "content" / "ferry-service.md").write_text(broken, encoding="utf-8")

    overlay = page.locator("#factsheet-overlay")
    overlay.wait_for(state="visible")
    text = overlay.inner_text()
    assert "ferry-service.md" in text
    assert re.search(r"ferry-service\.md:\d+", text), f"the overlay should name the line: {text!r}"
    # The last good build stays served underneath.
    status = server.status()
    assert status["serving"] and status["problems"]

    (project / "content" / "ferry-service.md").write_text(good.replace("resumes", "resumes early"), encoding="utf-8")
    overlay.wait_for(state="detached")
    wait_until(lambda: source_titles(server)["ferry-service.md"] == "Ferry service resumes early", what="the fix")
    assert server.status()["problems"] == []
    assert server.proc.poll() is None, "the server must survive a content error"


@pytest.mark.browser
def test_scroll_position_survives_a_reload(project: Path, serve, page) -> None:
    long_one = project / "content" / "harbour-bridge.md"
    long_one.write_text(article("Harbour bridge reopens", "Norrvik", paragraphs=60), encoding="utf-8")
    server = serve(project / "content")
    page.set_viewport_size({"width": 900, "height": 600})
    page.goto(server.base + server.page_for("harbour-bridge.md"))
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height > 2000, f"test page too short to scroll ({height}px)"
    page.evaluate("window.scrollTo(0, 1200)")
    wait_until(lambda: page.evaluate("window.scrollY") == 1200, timeout=3, what="the scroll")
    page.evaluate("window.__beforeReload = true")
    builds = server.status()["builds"]

    long_one.write_text(long_one.read_text(encoding="utf-8").replace("section 60 of", "section 61 of"), encoding="utf-8")
    server.wait_idle(after_builds=builds)
    page.wait_for_function("window.__beforeReload === undefined && document.readyState === 'complete'")
    wait_until(lambda: abs(page.evaluate("window.scrollY") - 1200) <= 2, timeout=3, what="the restored scroll")


# ------------------------------------------------------------------ HTTP and files


def test_atomic_save_delete_and_create_are_picked_up(project: Path, serve) -> None:
    content = project / "content"
    server = serve(content)
    assert set(source_titles(server)) == {"harbour-bridge.md", "ferry-service.md"}

    write_atomically(content / "ferry-service.md", article("Ferry timetable doubled", "Castelmar"))
    wait_until(lambda: source_titles(server).get("ferry-service.md") == "Ferry timetable doubled", what="atomic save")

    (content / "harbour-bridge.md").unlink()
    wait_until(lambda: "harbour-bridge.md" not in source_titles(server), what="the deletion")

    (content / "tram-line.md").write_text(article("Tram line opens", "Ostberg"), encoding="utf-8")
    wait_until(lambda: source_titles(server).get("tram-line.md") == "Tram line opens", what="the new file")

    # Scratch files never trigger a build.
    builds = server.wait_idle(after_builds=0)["builds"]
    for name in (".tram-line.md.swp", "tram-line.md~", ".#tram-line.md", "4913"):
        (content / name).write_text("scratch", encoding="utf-8")
    time.sleep(0.6)
    assert server.status()["builds"] == builds


def test_burst_of_saves_debounces_to_few_rebuilds(project: Path, serve) -> None:
    content = project / "content"
    server = serve(content)
    before = server.wait_idle(after_builds=0)["builds"]
    target = content / "ferry-service.md"
    started = time.monotonic()
    for i in range(50):
        target.write_text(article(f"Ferry service version {i}", "Castelmar"), encoding="utf-8")
        time.sleep(0.018)
    assert time.monotonic() - started < 1.5
    status = server.wait_idle(after_builds=before)
    assert status["builds"] - before <= 3, status
    assert source_titles(server)["ferry-service.md"] == "Ferry service version 49"


def test_reload_script_is_injected_by_the_server_only(project: Path, serve) -> None:
    server = serve(project / "content")
    code, body, headers = server.get("/")
    assert code == 200 and headers["Content-Type"].startswith("text/html")
    html = body.decode()
    assert "/__factsheet/livereload.js" in html
    assert html.index("/__factsheet/livereload.js") < html.lower().rindex("</body>")
    script = server.get("/__factsheet/livereload.js")[1].decode()
    assert "/__livereload" in script and "sessionStorage" in script
    # The built files themselves never contain it.
    site_dir = Path(server.status()["site_dir"])
    pages = list(site_dir.rglob("*.html"))
    assert pages
    for built in site_dir.rglob("*"):
        if built.is_file():
            data = built.read_bytes()
            assert b"livereload" not in data and b"__factsheet" not in data, built
    # ...and the build folder is outside the watched content folder.
    assert (project / "content") not in site_dir.parents
    # HTML is never cached; other files are revalidated by content hash.
    assert headers["Cache-Control"] == "no-store"
    code, _, headers = server.get("/facts.json")
    assert code == 200 and headers["Cache-Control"] == "no-cache" and headers["ETag"]
    request = urllib.request.Request(server.base + "/facts.json", headers={"If-None-Match": headers["ETag"]})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(request, timeout=5)
    assert not_modified.value.code == 304


def test_server_sent_events_announce_a_rebuild(project: Path, serve) -> None:
    server = serve(project / "content")
    generation = server.status()["generation"]
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"GET /__livereload?since={generation} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        head = sock.recv(4096)
        assert b"text/event-stream" in head
        (project / "content" / "ferry-service.md").write_text(article("Ferry news", "Castelmar"), encoding="utf-8")
        received = b""
        deadline = time.monotonic() + 10
        while b"event: reload" not in received and time.monotonic() < deadline:
            chunk = sock.recv(4096)
            if not chunk:
                break
            received += chunk
    assert b"event: reload" in received


def test_port_in_use_names_the_next_free_port(project: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, str(REPO / "build.py"), "serve", "--content", str(project / "content"), "--port", str(port)],
            cwd=project, capture_output=True, text=True, timeout=30,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    match = re.search(rf"port {port} on 127\.0\.0\.1 is already in use.*--port (\d+)", result.stderr)
    assert match, result.stderr
    assert int(match.group(1)) > port


def test_polling_mode_rebuilds_and_ctrl_c_exits_cleanly(project: Path, tmp_path: Path) -> None:
    server = ServeProcess(project / "content", cwd=tmp_path, extra=("--poll",))
    try:
        server.wait_ready()
        (project / "content" / "ferry-service.md").write_text(article("Polled ferry", "Castelmar"), encoding="utf-8")
        wait_until(lambda: source_titles(server)["ferry-service.md"] == "Polled ferry", what="the polled change")
        server.proc.send_signal(signal.SIGINT)
        assert server.proc.wait(timeout=10) == 0
        assert "Traceback" not in server.stderr()
    finally:
        server.stop()


def test_a_failed_first_build_still_serves_and_recovers(tmp_path: Path, serve) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "notes.csv").write_text("not an article", encoding="utf-8")
    server = serve(content)
    status = server.status()
    assert not status["ok"] and not status["serving"]
    code, body, _ = server.get("/")
    assert code == 503 and b"factsheet-overlay" in body
    (content / "tram-line.md").write_text(article("Tram line opens", "Ostberg"), encoding="utf-8")
    wait_until(lambda: server.status()["serving"], what="the first good build")
    assert server.get("/")[0] == 200


def test_template_and_configuration_changes_rebuild(project: Path, serve) -> None:
    """A broken template override and a broken factsheet.toml each show as
    problems naming the file while the last good build stays served; fixing
    them recovers. (The server runs from the project folder, so it watches
    its factsheet.toml.)"""
    templates = project / "my-templates"
    templates.mkdir()
    (project / "factsheet.toml").write_text('templates = "my-templates"\n', encoding="utf-8")
    server = serve(project / "content")
    builds = server.wait_idle(after_builds=0)["builds"]

    (templates / "index.html").write_text("<html><body>\n{% if %}\n</body></html>\n", encoding="utf-8")
    status = server.wait_idle(after_builds=builds)
    assert not status["ok"] and status["serving"]
    assert any("index.html" in p["where"] for p in status["problems"]), status["problems"]
    assert server.get("/")[0] == 200  # the last good build

    (templates / "index.html").write_text(
        "<html><body><p>Custom front page</p></body></html>\n", encoding="utf-8"
    )
    wait_until(lambda: b"Custom front page" in server.get("/")[1], what="the fixed template")
    assert server.status()["ok"]

    builds = server.status()["builds"]
    (project / "factsheet.toml").write_text('templates = "my-templates"\nbogus = [\n', encoding="utf-8")
    status = server.wait_idle(after_builds=builds)
    assert not status["ok"] and "factsheet.toml" in status["problems"][0]["message"]
    (project / "factsheet.toml").write_text("", encoding="utf-8")  # back to the default theme
    wait_until(lambda: server.status()["ok"] and b"Custom front page" not in server.get("/")[1], what="the fixed config")
