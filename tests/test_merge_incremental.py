"""The dev server's incremental merge (merge/incremental.py) on small invented corpora:
an edit re-groups what it touches and keeps every other claim as it was; an editorial
change or a large change merges the whole corpus again. Records come from the real
parse stage; the memo is the one the dev server's Builder owns."""

from __future__ import annotations

from pathlib import Path

from factsheet.editorial import Editorial
from factsheet.merge import merge
from factsheet.merge.incremental import MergeMemo
from factsheet.models import Claim, Record, Sheet
from factsheet.parse import parse_article
from serve_helpers import serve, wait_until  # noqa: F401 (serve: a fixture)

NORTH = ("---\ntitle: Ferry aground off Varnholm\nsource: North Post\ndate: 2033-08-11\n---\n\n"
         "The ferry Selka ran aground near Varnholm island on Thursday with 212 passengers on board. "
         "Coastguard boats carried every passenger ashore within three hours. "
         "The operator Brisk Lines said the hull had been breached below the waterline. "
         "The island's museum shop sold 420 postcards of the stranded ferry by Friday.\n")
EAST = ("---\ntitle: Selka grounds near Varnholm\nsource: East Courier\ndate: 2033-08-11\n---\n\n"
        "The Selka ferry grounded near Varnholm island on Thursday carrying 212 passengers. "
        "All passengers were taken ashore by coastguard boats within three hours. "
        "Divers will inspect the damaged hull on Saturday.\n")
COAST = ("Brisk Lines ferry breached\nBy Harbour Desk\n\n"
         "Brisk Lines said the Selka's hull was breached below the waterline after it ran aground off Varnholm island. "
         "The captain, Ilse Darrow, had 31 years of experience at sea.\n")
RADIO = ("---\ntitle: Channel not dredged, pilot says\nsource: Island Radio\ndate: 2033-08-12\n---\n\n"
         "A harbour pilot said the channel near Varnholm island had not been dredged since 2019. "
         "The Selka ran aground near Varnholm island on Thursday with 212 passengers aboard.\n")
DAILY = ("---\ntitle: Mayor thanks rescuers\nsource: Varnholm Daily\ndate: 2033-08-12\n---\n\n"
         "Varnholm's mayor, Pieter Lund, praised the harbour master for her calm. "
         "Tourism officials expect the island's summer season to open on time.\n")
WEEKLY = ("---\ntitle: Salvage bill\nsource: Sound Weekly\ndate: 2033-08-13\n---\n\n"
          "Insurers estimated the salvage of the Selka would cost 2.4 million euros. "
          "Coastguard boats brought all the passengers ashore within three hours.\n")
FILES = {"01_north.md": NORTH, "02_east.md": EAST, "03_coast.txt": COAST, "04_radio.md": RADIO,
         "05_daily.md": DAILY, "06_weekly.md": WEEKLY}
LATE = ("---\ntitle: Passengers recall grounding\nsource: Late Edition\ndate: 2033-08-14\n---\n\n"
        "The Selka ran aground near Varnholm island on Thursday with 212 passengers on board, the operator said. "
        "A new timetable for the crossing will be published next week.\n")


MORE = {  # two more articles, so that an addition and a removal stay a small change
    "07_harbour.md": "---\ntitle: Harbour reopens\nsource: Harbour Gazette\ndate: 2033-08-12\n---\n\n"
                     "The Varnholm harbour reopened to fishing boats on Friday after the Selka was towed clear. "
                     "A tug from Kessport pulled the ferry off the sandbank at high tide.\n",
    "08_tug.md": "---\ntitle: Tug crew recalls tow\nsource: Kessport Herald\ndate: 2033-08-13\n---\n\n"
                 "The Kessport tug Holm freed the Selka from the sandbank at high tide on Friday. "
                 "Its skipper said the ferry's list made the tow slow.\n",
}


def records(files: dict[str, str]) -> tuple[Record, ...]:
    out = []
    for name in sorted(files):
        result = parse_article(name, files[name].encode(), max_bytes=1 << 20)
        assert result.record is not None, result.diagnostics
        out.append(result.record)
    return tuple(out)


def sources(claim: Claim) -> set[str]:
    return {q.source for q in claim.citations}


def citing(s: Sheet, words: str) -> list[Claim]:
    return [c for c in s.claims if any(words in q.quote for q in c.citations)]


def assert_quotes_verbatim(s: Sheet, files: dict[str, str]) -> None:
    by_id = {r.id: files[Path(r.path).name] for r in s.records}
    for c in s.claims:
        for q in c.citations:
            assert q.quote in by_id[q.source], q.quote


def assert_untouched_kept(before: Sheet, after: Sheet, source: str) -> None:
    """Every claim of `before` that neither cites `source` nor shares a sentence with a claim
    of `after` citing it is in `after` as it was, field for field."""
    after_by_id = {c.id: c for c in after.claims}
    touched = {(q.source, q.sentence) for c in after.claims if source in sources(c) for q in c.citations}
    untouched = [c for c in before.claims
                 if source not in sources(c) and not touched & {(q.source, q.sentence) for q in c.citations}]
    assert untouched
    for c in untouched:
        assert after_by_id.get(c.id) == c, (c.text, after_by_id.get(c.id))


def test_an_edit_regroups_the_edited_claims_and_keeps_the_others():
    memo = MergeMemo()
    first = merge(records(FILES), Editorial(), memo=memo).sheet
    assert memo.last.startswith("full")
    edited = {**FILES, "05_daily.md": DAILY.replace(
        "Varnholm's mayor, Pieter Lund, praised the harbour master for her calm.",
        "Coastguard boats took all the passengers ashore within three hours, the mayor said.").replace(
        "Tourism officials expect the island's summer season to open on time.",
        "Tourism officials expect 9,400 visitors on the island this summer.")}
    after = merge(records(edited), Editorial(), memo=memo).sheet
    assert memo.last.startswith("incremental: 1 changed, 0 removed"), memo.last

    (visitors,) = citing(after, "9,400 visitors")
    assert sources(visitors) == {"05-daily"} and visitors.numbers == ("9,400 visitors",)
    assert not citing(after, "summer season") and not citing(after, "harbour master")
    (ashore,) = [c for c in after.claims if "ashore" in c.text and len(sources(c)) > 1]
    assert sources(ashore) == {"01-north", "02-east", "05-daily", "06-weekly"}, ashore.citations
    assert_untouched_kept(first, after, "05-daily")
    assert_quotes_verbatim(after, edited)


def test_adding_and_removing_articles():
    files = {**FILES, **MORE}
    memo = MergeMemo()
    first = merge(records(files), Editorial(), memo=memo).sheet
    (grounding,) = [c for c in first.claims if "212 passengers" in c.text]
    assert sources(grounding) == {"01-north", "02-east", "03-coast", "04-radio"}

    added = merge(records({**files, "09_late.md": LATE}), Editorial(), memo=memo).sheet
    assert memo.last.startswith("incremental: 1 changed, 0 removed"), memo.last
    (grounding,) = [c for c in added.claims if "212 passengers" in c.text]
    assert sources(grounding) == {"01-north", "02-east", "03-coast", "04-radio", "09-late"}
    assert citing(added, "new timetable")
    assert_untouched_kept(first, added, "09-late")

    fewer = {k: v for k, v in {**files, "09_late.md": LATE}.items() if k != "02_east.md"}
    removed = merge(records(fewer), Editorial(), memo=memo).sheet
    assert memo.last.startswith("incremental: 0 changed, 1 removed"), memo.last
    assert "02-east" not in {s.id for s in removed.sources}
    assert not [c for c in removed.claims if "02-east" in sources(c)]
    (grounding,) = [c for c in removed.claims if "212 passengers" in c.text]
    assert sources(grounding) == {"01-north", "03-coast", "04-radio", "09-late"}
    assert not citing(removed, "Divers will inspect")
    assert_untouched_kept(added, removed, "02-east")
    assert_quotes_verbatim(removed, fewer)

    # the same sequence of builds gives the same sheets
    again = MergeMemo()
    for earlier in (files, {**files, "09_late.md": LATE}):
        merge(records(earlier), Editorial(), memo=again)
    assert merge(records(fewer), Editorial(), memo=again).sheet == removed


def test_an_editorial_change_or_a_large_change_merges_everything_again():
    memo = MergeMemo()
    merge(records(FILES), Editorial(), memo=memo)
    retitled = Editorial(title="The Selka grounding")
    result = merge(records(FILES), retitled, memo=memo)
    assert memo.last == "full: the editorial sheet changed"
    assert result.sheet == merge(records(FILES), retitled).sheet

    many = {**FILES}
    for name in ("01_north.md", "02_east.md", "06_weekly.md"):  # half the articles
        many[name] = many[name].replace("within three hours", "within four hours")
    result = merge(records(many), retitled, memo=memo)
    assert memo.last == "full: 3 of 6 articles changed since the last full merge"
    assert result.sheet == merge(records(many), retitled).sheet

    # the full merge left a fresh state: the next small edit is incremental again, and
    # small edits of different articles add up until the held weights are refreshed
    many["03_coast.txt"] = COAST.replace("31 years", "32 years")
    merge(records(many), retitled, memo=memo)
    assert memo.last.startswith("incremental: 1 changed"), memo.last
    many["04_radio.md"] = RADIO.replace("since 2019", "since 2018")
    result = merge(records(many), retitled, memo=memo)
    assert memo.last == "full: 2 of 6 articles changed since the last full merge"
    assert result.sheet == merge(records(many), retitled).sheet


def test_the_dev_server_merges_an_edit_incrementally(tmp_path: Path, serve) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for name, text in FILES.items():
        (content / name).write_text(text, encoding="utf-8")
    server = serve(content)
    before = server.wait_idle(after_builds=0)["builds"]
    path = content / "05_daily.md"
    path.write_text(DAILY.replace("to open on time", "to open on 14 June"), encoding="utf-8")
    wait_until(lambda: any("14 June" in c["text"] for c in server.facts()["claims"]), what="the edit")
    server.wait_idle(after_builds=before)
    assert "merge incremental: 1 changed, 0 removed" in server.stderr(), server.stderr()
