"""HTML pages. PLACEHOLDER: a bare index."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, select_autoescape

from ..config import Config
from ..models import Sheet, to_plain

_INDEX = """<!doctype html><html lang="en"><meta charset="utf-8"><title>{{ sheet.title }}</title>
<h1>{{ sheet.title }}</h1><ul>{% for c in sheet.claims %}<li id="claim-{{ c.id }}">{{ c.text }}
{% for cit in c.citations %}<a href="sources/{{ cit.source }}.html#{{ cit.sentence }}">[{{ cit.source }}]</a>{% endfor %}</li>{% endfor %}</ul>"""


def write_html_pages(sheet: Sheet, config: Config, dest: Path) -> None:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    (dest / "index.html").write_text(env.from_string(_INDEX).render(sheet=to_plain(sheet)), encoding="utf-8")
