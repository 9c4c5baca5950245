"""Unit tests of the merge stage: numbers, aliases, blocking, ids, editorial, determinism."""

from __future__ import annotations

import hashlib
import random

from factsheet.editorial import Editorial
from factsheet.merge import merge
from factsheet.merge.blocking import candidate_pairs
from factsheet.merge.numbers import extract_numbers, same_value
from factsheet.models import Record, Sentence


def record(rid: str, paragraphs: list[str], date: str | None = None, title: str | None = None) -> Record:
    """A record as the parse stage would give it: one sentence per paragraph line."""
    raw = "\n\n".join(paragraphs)
    sentences, pos = [], 0
    for i, p in enumerate(paragraphs):
        start = raw.index(p, pos)
        sentences.append(Sentence(f"s{i + 1}", p, start, start + len(p), i))
        pos = start + len(p)
    return Record(rid, f"{rid}.md", hashlib.sha256(raw.encode()).hexdigest(), title, None, date, None, None, (),
                  None, {}, (), raw, tuple(sentences), ())


def one(text: str):
    (n,) = [n for n in extract_numbers(text) if not n.is_year]
    return n


def test_number_forms_normalize_equal():
    assert same_value(one("plans $1 billion to $5 billion"), one("between $1 billion and $5 billion here"))
    assert same_value(one("up to 2,000 racks per week"), one("up to 2000 server racks per week"))
    assert same_value(one("a $1.4 trillion commitment"), one("1.4 trillion dollars of it"))
    assert same_value(one("rose 17% last year"), one("rose 17 percent last year"))
    assert same_value(one("a $1.8bn profit"), one("a $1.8 billion profit"))
    assert same_value(one("10% to 20% of the work"), one("10-20% of the work"))
    assert one("$1.8bn").unit == "USD" and one("17 percent").unit == "%"


def test_number_kinds_and_years():
    nums = extract_numbers("Profit rose 17% to $1.8 billion by 2026.")
    assert [(n.unit, n.low) for n in nums] == [("%", 17.0), ("USD", 1.8e9), ("@year", 2026.0)]
    assert extract_numbers("the two companies met") == ()
    assert not same_value(one("12,000 dockworkers struck"), one("15,000 dockworkers struck"))


STRIKE = [
    "The Coastal Stevedores Union, also known as the CSU, called a strike at Port Calder on Thursday.",
    "Union president Marta Ilves said the walkout would last until the operator dropped its crane plan.",
    "Calder Port Holdings Ltd. (CPH) said it regretted the decision to strike at the port.",
]
STRIKE_2 = [
    "The CSU called a strike at Port Calder on Thursday, halting all cargo traffic.",
    "Ilves said the walkout would last until the operator dropped its crane plan.",
    "CPH said it regretted the decision to strike at the port.",
]


def test_aliases_learned_from_text_merge_claims():
    sheet = merge((record("a", STRIKE), record("b", STRIKE_2)), Editorial()).sheet
    by_text = {c.text: c for c in sheet.claims}
    assert all(c.support == 2 for c in sheet.claims), [(c.text, c.support) for c in sheet.claims]
    assert len(sheet.claims) == 3, list(by_text)
    ilves = [e for e in sheet.entities if e.name == "Marta Ilves"]
    assert ilves and ilves[0].kind == "person" and "Ilves" in ilves[0].aliases
    union = [e for e in sheet.entities if "CSU" in e.aliases or e.name == "CSU"]
    assert union, [e.name for e in sheet.entities]


def _synthetic(n_articles: int, per: int = 40, seed: int = 7) -> tuple[Record, ...]:
    rng = random.Random(seed)
    letters = "bcdfghklmnprstvz"
    vocab = sorted({"".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(3)) for _ in range(20000)})
    recs = []
    for a in range(n_articles):
        paras = []
        for s in range(per):
            words = rng.sample(vocab, 12)
            paras.append(f"The {words[0]} {words[1]} said {' '.join(words[2:])} on {rng.randint(1, 28)} May.")
        recs.append(record(f"a{a:04d}", paras))
    return tuple(recs)


def test_blocking_does_not_compare_all_pairs():
    features = [frozenset({f"t{i % 50}", f"u{i % 37}", f"v{i}"}) for i in range(2000)]
    df: dict[str, int] = {}
    for fs in features:
        for f in fs:
            df[f] = df.get(f, 0) + 1
    pairs, visits = candidate_pairs(features, df)
    all_pairs = 2000 * 1999 // 2
    assert visits < all_pairs // 10
    assert len(pairs) < all_pairs // 10


def test_merge_stats_show_sparse_candidates():
    recs = _synthetic(40)
    result = merge(recs, Editorial())
    n = result.stats["sentences"]
    assert n >= 1500
    assert result.stats["candidate_pairs"] < n * 20  # near-linear, far from n*(n-1)/2


def test_claim_ids_stable_and_deterministic():
    a, b = record("a", STRIKE), record("b", STRIKE_2)
    first = merge((a, b), Editorial()).sheet
    again = merge((a, b), Editorial()).sheet
    assert first == again
    unrelated = record("z", ["The city library will extend its opening hours to midnight from next month.",
                             "Librarians said demand for evening study space had doubled since the spring."])
    more = merge((a, b, unrelated), Editorial()).sheet
    old_ids = {c.id for c in first.claims}
    assert old_ids <= {c.id for c in more.claims}
    assert all(c.id.startswith("c-") for c in more.claims)


def test_editorial_pin_hide_merge_reword_and_unknown_id():
    sheet = merge((record("a", STRIKE), record("z", ["The city library will extend its opening hours to midnight.",
                                                     "Librarians said demand for evening study space had doubled."])),
                  Editorial()).sheet
    ids = [c.id for c in sheet.claims]
    assert len(ids) >= 4
    ed = Editorial(pin=(ids[2],), hide=(ids[1],), merge=((ids[0], ids[3]),),
                   reword=((ids[2], "Edited text."),), )
    ed = Editorial(pin=(ids[2], "c-00000000"), hide=(ids[1],), merge=((ids[0], ids[3]),),
                   reword=tuple(sorted(((ids[2], "Edited text."),))))
    result = merge(sheet.records, ed)
    out = result.sheet
    out_ids = [c.id for c in out.claims]
    assert out_ids[0] == ids[2] and out.claims[0].pinned and out.claims[0].edited
    assert out.claims[0].text == "Edited text."
    assert ids[1] not in out_ids and ids[3] not in out_ids
    head = next(c for c in out.claims if c.id == ids[0])
    assert head.support == 2 and len(head.citations) == 2
    warnings = [d for d in result.diagnostics if d.path == "_sheet.md"]
    assert len(warnings) == 1 and "c-00000000" in warnings[0].message and warnings[0].level == "warning"


def test_headings_and_fragments_are_never_claims():
    rec = Record("h", "h.md", "x", None, None, None, None, None, (), None, {}, (), "", (
        Sentence("s1", "Production Targets and Manufacturing Plans", 0, 10, 0, "heading"),
        Sentence("s2", "Share this", 11, 21, 1),
        Sentence("s3", "Market Opportunity", 22, 40, 2),
        Sentence("s4", "The harbor authority approved a new ferry terminal on Monday after a long review.", 41, 120, 3),
    ), ())
    sheet = merge((rec,), Editorial()).sheet
    assert [c.text for c in sheet.claims] == ["The harbor authority approved a new ferry terminal on Monday after a long review."]


def test_title_falls_back_to_shared_source_title():
    recs = (record("a", STRIKE, title="Strike at the port"), record("b", STRIKE_2, title="Strike at the port"),
            record("c", ["The port reopened on Monday after a week of talks between both sides."], title="Other"))
    assert merge(recs, Editorial()).sheet.title == "Strike at the port"
    assert merge(recs, Editorial(title="Mine")).sheet.title == "Mine"


def test_quotes_speakers_resolved_through_surnames():
    a = record("a", [
        "Union president Marta Ilves led the walkout at the port on Thursday morning.",
        "\"We will not stand by while machines replace the people who built this harbor,\" Ilves said.",
    ])
    b = record("b", ["\"We will not stand by while machines replace the people who built this harbor,\" said Marta Ilves."])
    sheet = merge((a, b), Editorial()).sheet
    (q,) = sheet.quotes
    assert q.speaker == "Marta Ilves"
    assert q.text == "We will not stand by while machines replace the people who built this harbor"
    assert q.sources == ("a", "b")
    (person,) = [e for e in sheet.entities if e.kind == "person"]
    assert [r.text for r in person.roles] == ["Union president"] or person.roles


def test_conflicting_numbers_become_a_discrepancy_not_one_claim():
    a = record("a", ["About 12,000 dockworkers walked off the job at Port Calder on Thursday, halting cargo traffic."])
    b = record("b", ["Some 15,000 dockworkers walked off the job at Port Calder on Thursday, halting cargo traffic."])
    c = record("c", ["Roughly 12,000 dockworkers walked off the job at Port Calder on Thursday, halting all cargo."])
    sheet = merge((a, b, c), Editorial()).sheet
    (d,) = sheet.discrepancies
    assert {v.value for v in d.values} == {"12,000", "15,000"}
    by_value = {v.value: v.sources for v in d.values}
    assert by_value["12,000"] == ("a", "c") and by_value["15,000"] == ("b",)
    assert all(c.status == "disputed" for c in sheet.claims)
    assert len(sheet.claims) == 2


def test_range_containing_a_point_is_not_a_discrepancy():
    a = record("a", ["The council will spend $1 billion to $5 billion on the new harbor wall over a decade."])
    b = record("b", ["The council will spend $2 billion on the new harbor wall over a decade, officials said."])
    sheet = merge((a, b), Editorial()).sheet
    assert sheet.discrepancies == ()


def test_commentary_is_not_a_fact():
    a = record("a", [
        "The harbor authority approved a new ferry terminal on Monday after a long review.",
        "Honestly, it's a staggering waste of money, and we should ask who really benefits?",
    ])
    kinds = {c.text[:10]: c.kind for c in merge((a,), Editorial()).sheet.claims}
    assert kinds == {"The harbor": "fact", "Honestly, ": "commentary"}


def test_timeline_resolves_weekday_only_against_article_date():
    dated = record("a", ["The Alder Street Bridge collapsed on Tuesday evening during the rush hour."], date="2029-09-20")
    undated = record("b", ["The old ferry pier was closed on Tuesday after engineers found cracks in it."])
    target = record("c", ["The authority said it would rebuild the bridge by 2033 at a cost of $420 million."])
    sheet = merge((dated, undated, target), Editorial()).sheet
    assert [(t.date, t.sources) for t in sheet.timeline] == [("2029-09-18", ("a",)), ("2033", ("c",))]


def test_figures_have_units_and_bounds():
    a = record("a", ["Foxland plans to invest between $1 billion and $5 billion in its new plant in Ohio."])
    (f,) = merge((a,), Editorial()).sheet.figures
    assert f.value == "between $1 billion and $5 billion" and f.unit == "USD"
    assert (f.low, f.high) == (1e9, 5e9) and "invest" in f.measure


def test_same_input_same_sheet_whatever_the_hash_seed():
    """Byte-identical facts across processes with different string-hash seeds."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import json,sys; from pathlib import Path; "
        "from factsheet.config import load_config; from factsheet.corpus import load_corpus; "
        "from factsheet.merge import merge; from factsheet.models import sheet_to_facts; "
        "p = Path(sys.argv[1]); c = load_corpus(load_config(content=p, cwd=p.parent)); "
        "print(json.dumps(sheet_to_facts(merge(c.records, c.editorial).sheet)))"
    )
    content = Path(__file__).resolve().parent / "corpora" / "port-strike" / "content"
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(content)], capture_output=True, text=True,
                              env=env, timeout=60, cwd=Path(__file__).resolve().parents[1])
        assert done.returncode == 0, done.stderr
        outs.append(done.stdout)
    assert outs[0] == outs[1]
    assert json.loads(outs[0])["claims"]


def test_degenerate_inputs():
    empty = merge((), Editorial())
    assert empty.sheet.title == "Fact sheet" and empty.sheet.claims == ()
    blank = Record("e", "e.md", "h", None, None, "someday", None, None, (), None, {}, (), "", (), ())
    result = merge((blank,), Editorial(hide=("c-12345678",)))
    assert result.sheet.date_range is None and result.sheet.records == (blank,)
    assert [d.level for d in result.diagnostics] == ["warning"]


def test_different_dates_for_one_event_are_a_discrepancy():
    a = record("a", ["The Alder Street Bridge collapsed into the Kessel River on September 17, killing seven people."],
               date="2029-09-18")
    b = record("b", ["The Alder Street Bridge collapsed into the Kessel River on Tuesday, killing seven people."],
               date="2029-09-19")  # a Wednesday: "on Tuesday" is 2029-09-18
    sheet = merge((a, b), Editorial()).sheet
    (d,) = sheet.discrepancies
    assert [(v.value, v.sources) for v in d.values] == [("2029-09-17", ("a",)), ("2029-09-18", ("b",))]
    assert d.subject.startswith("the date")


def test_quotation_spanning_sentences_is_speech_not_commentary():
    raw = ('"The cranes will change everything," Brandt said on Friday. "So we should move now, frankly. '
           'Nobody will be forced out of a job."')
    parts = ['"The cranes will change everything," Brandt said on Friday.', '"So we should move now, frankly.',
             'Nobody will be forced out of a job."']
    sentences, pos = [], 0
    for i, p in enumerate(parts):
        start = raw.index(p, pos)
        sentences.append(Sentence(f"s{i + 1}", p, start, start + len(p), 0))
        pos = start + len(p)
    rec = Record("a", "a.md", "h", None, None, None, None, None, (), None, {}, (), raw, tuple(sentences), ())
    sheet = merge((rec,), Editorial()).sheet
    assert {c.kind for c in sheet.claims} == {"quote"}
    texts = {q.text: q.speaker for q in sheet.quotes}
    assert texts["Nobody will be forced out of a job."] == "Brandt"
    assert all(q.text in raw for q in sheet.quotes)
