"""Front matter in every format, malformed front matter (file + line + parser
message), key aliases, and the conservative bare "Key: value" form."""

from __future__ import annotations

import pytest

from factsheet.errors import ContentError
from factsheet.parse import parse_article, slug_for_path
from factsheet.parse.frontmatter import read_front_matter

BODY = (
    "The harbour ferry resumed service on Monday after a three-week suspension.\n\n"
    "Operators said the new engines passed every safety inspection. Tickets went on sale at 6 a.m.\n"
)


def parse(text: str, path: str = "ferry.md"):
    result = parse_article(path, text.encode("utf-8"), max_bytes=1_000_000)
    return result.record, result.diagnostics


def test_yaml_front_matter() -> None:
    fm = read_front_matter(f"---\ntitle: Ferry returns\ndate: 2024-05-06\n---\n{BODY}", "a.md")
    assert fm.format == "yaml"
    assert fm.meta["title"] == "Ferry returns"
    assert fm.body == BODY
    assert fm.body_start == len("---\ntitle: Ferry returns\ndate: 2024-05-06\n---\n")


def test_toml_front_matter() -> None:
    text = f'+++\ntitle = "Ferry returns"\ndate = 2024-05-06\ntags = ["transport"]\n+++\n{BODY}'
    record, diags = parse(text)
    assert diags == ()
    assert (record.title, record.date, record.tags) == ("Ferry returns", "2024-05-06", ("transport",))


def test_json_front_matter() -> None:
    text = '{\n  "title": "Ferry returns",\n  "publisher": "Bay Times",\n  "date": "2024-05-06"\n}\n' + BODY
    fm = read_front_matter(text, "a.md")
    assert fm.format == "json" and fm.body == BODY
    record, _ = parse(text)
    assert (record.title, record.publisher, record.date) == ("Ferry returns", "Bay Times", "2024-05-06")


def test_bare_key_value_front_matter() -> None:
    text = "Title: Ferry returns\nDate: May 6, 2024\nSource: Bay Times\n\n" + BODY
    fm = read_front_matter(text, "a.txt")
    assert fm.format == "bare"
    record, _ = parse(text, "a.txt")
    assert (record.title, record.date, record.publisher) == ("Ferry returns", "2024-05-06", "Bay Times")
    assert record.inferred == ()
    assert record.sentences[0].text.startswith("The harbour ferry resumed")


@pytest.mark.parametrize("opening", [
    "Note: the ferry timetable below is provisional.\n\n",
    "Update: service resumed at noon.\nWarning: expect delays.\n\n",
    "Title: Ferry returns\nThe harbour ferry resumed service on Monday.\n\n",  # no blank line after
])
def test_prose_with_colons_is_not_front_matter(opening: str) -> None:
    fm = read_front_matter(opening + BODY, "a.txt")
    assert fm.format is None and fm.meta == {} and fm.body_start == 0


def test_malformed_yaml_names_file_line_and_parser_message() -> None:
    text = "---\ntitle: Ferry returns\ndate: [2024-05-06\nauthor: Kim\n---\n" + BODY
    with pytest.raises(ContentError) as info:
        read_front_matter(text, "news/ferry.md")
    d = info.value.diagnostic
    assert d.path == "news/ferry.md" and d.level == "error"
    assert d.line in (3, 4)
    assert d.line_text == text.split("\n")[d.line - 1]
    assert "invalid YAML front matter" in d.message and "flow sequence" in d.message


def test_malformed_yaml_through_parse_article_is_an_error_without_record() -> None:
    text = "---\ntitle: Ferry: returns: again\n---\n" + BODY
    record, diags = parse(text)
    assert record is None
    assert len(diags) == 1 and diags[0].level == "error" and diags[0].line == 2
    assert "mapping values are not allowed" in diags[0].message


def test_malformed_toml_names_line_and_message() -> None:
    text = '+++\ntitle = "Ferry returns"\ndate = \n+++\n' + BODY
    with pytest.raises(ContentError) as info:
        read_front_matter(text, "ferry.md")
    d = info.value.diagnostic
    assert d.line == 3 and d.line_text == "date = "
    assert d.message.startswith("invalid TOML front matter: ") and "line" not in d.message.split(":", 1)[1]


def test_malformed_json_names_line() -> None:
    text = '{\n  "title": "Ferry returns",\n  "date": 2024-05-06\n}\n' + BODY
    with pytest.raises(ContentError) as info:
        read_front_matter(text, "ferry.md")
    assert info.value.diagnostic.line == 3
    assert "invalid JSON front matter" in info.value.diagnostic.message


def test_yaml_list_front_matter_is_an_error() -> None:
    with pytest.raises(ContentError) as info:
        read_front_matter("---\n- ferry\n- harbour\n---\n" + BODY, "ferry.md")
    assert "must be a mapping" in info.value.diagnostic.message and "list" in info.value.diagnostic.message
    assert info.value.diagnostic.line == 2


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(ContentError) as info:
        read_front_matter("---\ntitle: Ferry returns\n\n" + BODY, "ferry.md")
    assert "never closed" in info.value.diagnostic.message and info.value.diagnostic.line == 1


def test_key_aliases_and_unknown_keys() -> None:
    text = (
        "---\n"
        "title: Ferry returns\n"
        "pubDatetime: 2024-05-06T08:15:00Z\n"
        "canonicalURL: https://bay.example/ferry\n"
        "site_name: Bay Times\n"
        "author: [Kim Lo, Ana Ruiz]\n"
        "tags: transport, harbour , transport\n"
        "description: The ferry is back.\n"
        "slug: Ferry Returns 2024!\n"
        "heroImage: /img/ferry.png\n"
        "updated: 2024-05-07\n"
        "---\n" + BODY
    )
    record, diags = parse(text)
    assert diags == ()
    assert record.id == "ferry-returns-2024"
    assert record.date == "2024-05-06T08:15:00Z"
    assert record.url == "https://bay.example/ferry"
    assert record.publisher == "Bay Times"
    assert record.author == "Kim Lo, Ana Ruiz"
    assert record.tags == ("transport", "harbour")
    assert record.description == "The ferry is back."
    assert record.meta == {"heroImage": "/img/ferry.png", "updated": "2024-05-07"}
    assert record.inferred == ()


@pytest.mark.parametrize("key,value,expected", [
    ("date", "2024-05-06", "2024-05-06"),
    ("published", "May 6, 2024", "2024-05-06"),
    ("publishDate", "6 May 2024", "2024-05-06"),
    ("pubDate", "2024-05-06 08:15", "2024-05-06T08:15:00"),
    ("date", "2024-05-06T08:15:30.250+02:00", "2024-05-06T08:15:30.250+02:00"),
])
def test_date_aliases_normalized(key: str, value: str, expected: str) -> None:
    record, _ = parse(f"---\ntitle: Ferry\n{key}: \"{value}\"\n---\n{BODY}")
    assert record.date == expected


def test_unreadable_date_warns_and_stays_null() -> None:
    record, diags = parse(f"---\ntitle: Ferry\ndate: sometime in spring\n---\n{BODY}")
    assert record.date is None
    assert [d.level for d in diags] == ["warning"]
    assert diags[0].line == 3 and "not a date" in diags[0].message


def test_source_key_holding_a_url_is_a_url() -> None:
    record, _ = parse(f"---\ntitle: Ferry\nsource: https://bay.example/ferry\n---\n{BODY}")
    assert record.url == "https://bay.example/ferry" and record.publisher is None


def test_slug_for_path() -> None:
    assert slug_for_path("news/Ferry Returns (2024).md") == "ferry-returns-2024"
    assert slug_for_path("000_65078e1421ecfbbf.txt") == "000-65078e1421ecfbbf"
    assert slug_for_path("___.md") == "article"


def test_yaml_alias_bomb_is_an_error_not_a_hang() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcde", "bcdef"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    record, diags = parse("---\n" + "\n".join(levels) + "\n---\n" + BODY)
    assert record is None and "too large" in diags[0].message


def test_text_starting_with_a_brace_is_not_json_front_matter() -> None:
    record, diags = parse("{Update} " + BODY)
    assert diags == () and record.sentences[0].text.startswith("{Update} The harbour ferry")


def test_yaml_scalar_front_matter_is_an_error() -> None:
    record, diags = parse("---\nJust a sentence\n---\n" + BODY)
    assert record is None and diags[0].line == 2 and "mapping" in diags[0].message


def test_bare_block_running_straight_into_the_body() -> None:
    text = "Title: Ferry returns\nDate: 2024-05-06\n" + BODY
    fm = read_front_matter(text, "a.txt")
    assert fm.format == "bare" and fm.body == BODY
    assert fm.meta == {"Title": "Ferry returns", "Date": "2024-05-06"}
