"""Bad input through the real command line: one clear message naming the file,
no traceback, the other articles still built; `check` exits 1 on errors and
`build --strict` exits 1 on warnings."""

from __future__ import annotations

import json

from conftest import run_cli
from factsheet.parse import parse_article

GOOD = """---
title: Glacier lake drained to protect valley towns
date: 2023-08-14
publisher: Alpine Post
---
Engineers began draining a glacier lake above the Sarnet valley on Monday to protect three towns.
The lake had grown by 40% since June, the canton's geology office said.
"""

LATIN1 = ("Caf\xe9 owners in Sarnet reopened on Tuesday after the evacuation order was lifted. "
          "The canton said the risk of a flood had fallen sharply.\n").encode("cp1252")

BROKEN_YAML = "---\ntitle: Glacier lake\ndate: [2023-08-14\n---\nThe lake was drained. Towns were safe.\n"
CSV = "town,population,evacuated\nSarnet,4200,yes\nBrig,12000,no\nVals,900,yes\n"
LOG = ("2023-08-14 10:00:01 INFO pump started\n2023-08-14 10:05:00 WARN level high\n"
       "2023-08-14 10:10:00 INFO level falling\n2023-08-14 10:15:00 INFO pump stopped\n")
CODE = "import os\n\ndef drain(level):\n    if level > 3:\n        return True\n    return False\n"

BAD_FILES: dict[str, str | bytes] = {
    "good.md": GOOD,
    "latin1.txt": LATIN1,
    "empty.txt": b"",
    "blank.md": "   \n\n\t \n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    "broken.md": BROKEN_YAML,
    "big.txt": "The lake is big. " * 2000,
    "data.txt": CSV,
    "pump.log.txt": LOG,
    "drain.md": CODE,
    "tiny.txt": "Lake drained.\n",
}

EXPECTED = {
    "latin1.txt": "warning: not valid UTF-8 (byte 0xe9 at offset 3); decoded as",
    "empty.txt": "error: empty file",
    "blank.md": "error: file has only whitespace",
    "binary.txt": "error: binary file",
    "broken.md": "broken.md:3: error: invalid YAML front matter",
    "big.txt": "over the 20,000-byte limit",
    "data.txt": "warning: not an article (looks like CSV data)",
    "pump.log.txt": "warning: not an article (looks like a log file)",
    "drain.md": "warning: not an article (looks like source code)",
    "tiny.txt": "warning: not an article (only",
}


def test_each_bad_input_gets_a_clear_message_and_the_rest_builds(make_project) -> None:
    project = make_project(BAD_FILES, config="max_file_size = 20000\n")
    check = run_cli("check", cwd=project)
    output = check.stdout + check.stderr
    assert check.returncode == 1, output
    assert "Traceback" not in output
    for path, message in EXPECTED.items():
        lines = [line for line in output.splitlines() if line.startswith(path)]
        assert lines, (path, output)
        assert any(message in line for line in lines), (path, lines)
    assert "broken.md:3: error" in output and "date: [2023-08-14" in output

    build = run_cli("build", cwd=project)
    assert build.returncode == 0, build.stderr
    assert "Traceback" not in build.stderr
    facts = json.loads((project / "site" / "facts.json").read_text())
    assert sorted(s["id"] for s in facts["sources"]) == ["good", "latin1"]

    strict = run_cli("build", "--strict", "--out", "strict-site", cwd=project)
    assert strict.returncode == 1
    assert "Traceback" not in strict.stderr
    assert not (project / "strict-site").exists()


def test_warnings_only_fail_strict_build_but_not_plain_build(make_project) -> None:
    project = make_project({"good.md": GOOD, "latin1.txt": LATIN1})
    assert run_cli("check", cwd=project).returncode == 0
    assert run_cli("build", cwd=project).returncode == 0
    strict = run_cli("build", "--strict", cwd=project)
    assert strict.returncode == 1
    assert "latin1.txt" in strict.stderr and "not valid UTF-8" in strict.stderr
    assert "Traceback" not in strict.stderr


def test_parse_article_reports_bad_input_without_raising() -> None:
    cases = {
        "empty.txt": (b"", "empty file"),
        "big.txt": (b"x" * 101, "over the 100-byte limit"),
        "nul.txt": (b"Lake report\x00\x00\x01", "binary file"),
        "noise.txt": (bytes(range(1, 32)) * 20, "binary file"),
        "bad.md": (BROKEN_YAML.encode(), "invalid YAML front matter"),
    }
    for path, (data, message) in cases.items():
        result = parse_article(path, data, max_bytes=100 if path == "big.txt" else 10**6)
        assert result.record is None
        assert [d.level for d in result.diagnostics] == ["error"], path
        assert result.diagnostics[0].path == path and message in result.diagnostics[0].message


def test_non_utf8_decodes_with_a_warning_on_the_record() -> None:
    result = parse_article("latin1.txt", LATIN1, max_bytes=10**6)
    assert result.record is not None
    assert result.record.sentences[0].text.startswith("Café owners in Sarnet")
    assert [d.level for d in result.diagnostics] == ["warning"]
    assert result.record.diagnostics == result.diagnostics
    assert result.diagnostics[0].line == 1


def test_utf16_with_bom_is_read_with_a_warning() -> None:
    data = GOOD.encode("utf-16")
    result = parse_article("utf16.md", data, max_bytes=10**6)
    assert result.record is not None and result.record.title == "Glacier lake drained to protect valley towns"
    assert "UTF-16" in result.diagnostics[0].message


def test_non_western_legacy_encoding_is_detected() -> None:
    text = ("Жители долины вернулись домой во вторник. Власти сняли угрозу наводнения. "
            "Уровень воды в озере упал на два метра за неделю.\n")
    result = parse_article("ru.txt", text.encode("cp1251"), max_bytes=10**6)
    assert result.record is not None
    assert result.record.sentences[0].text == "Жители долины вернулись домой во вторник."
    assert "decoded as cp1251" in result.diagnostics[0].message
