"""How the merge groups, names and tells apart, on small invented corpora.

Each corpus is a dict {file name: text}; records come from the real parse stage."""

from __future__ import annotations

from factsheet.editorial import Editorial
from factsheet.merge import merge
from factsheet.models import Sheet
from factsheet.parse import parse_article


def sheet(files: dict[str, str]) -> Sheet:
    records = []
    for name in sorted(files):
        result = parse_article(name, files[name].encode(), max_bytes=1 << 20)
        assert result.record is not None, result.diagnostics
        records.append(result.record)
    return merge(tuple(records), Editorial()).sheet


def claims_citing(s: Sheet, words: str):
    return [c for c in s.claims if any(words in q.quote for q in c.citations)]


WIRE = ("---\ntitle: Dam spillway fails at Orvanto\nsource: Alpha Wire\ndate: 2031-05-06\n---\n\n"
        "The spillway of the Orvanto dam failed on Monday, flooding 140 homes in the valley below, officials said. "
        "Three people were killed and 22 were injured. "
        "The regional water board has opened an investigation into the failure.\n")
LOCAL = ("---\ntitle: \"Orvanto flood: families count the cost\"\nsource: Valley Courier\ndate: 2031-05-06\n---\n\n"
         "Floodwater from the failed Orvanto spillway swept through 140 homes on Monday. "
         "Three residents died and 22 people were hurt, according to the fire service. "
         "The water board said it had launched an investigation.\n")
TV = ("Orvanto dam breach\nBy Staff\n\n"
      "Five people died when the Orvanto dam spillway gave way on Monday, the TV station was told. "
      "An investigation has been opened by the regional water board. "
      "Rescue crews used boats to reach stranded families.\n")


def test_restatements_are_one_claim_citing_every_source():
    s = sheet({"01_wire.md": WIRE, "02_local.md": LOCAL})
    both = [c for c in s.claims if {q.source for q in c.citations if "140 homes" in q.quote} == {"01-wire", "02-local"}]
    assert both, [(c.text, [q.source for q in c.citations]) for c in s.claims]
    (probe,) = [c for c in s.claims if "investigation" in c.text.lower()]
    assert probe.support == 2


def test_rival_values_are_a_discrepancy_not_one_claim():
    s = sheet({"01_wire.md": WIRE, "02_local.md": LOCAL, "03_tv.txt": TV})
    deaths = [d for d in s.discrepancies if {"Three people", "Five people"} & {v.value for v in d.values}
              or any("three" in v.value.lower() for v in d.values)]
    assert deaths, [d.summary for d in s.discrepancies]
    values = {v.value.lower().split()[0] for v in deaths[0].values}
    assert {"three", "five"} <= values
    # the claims stating three and five deaths are different claims, each disputed
    for cid in deaths[0].claims:
        (claim,) = [c for c in s.claims if c.id == cid]
        assert claim.status == "disputed"


def test_every_quote_is_verbatim_and_ids_are_stable():
    files = {"01_wire.md": WIRE, "02_local.md": LOCAL, "03_tv.txt": TV}
    first = sheet(files)
    for c in first.claims:
        for q in c.citations:
            assert q.quote in files[[n for n in files if n.startswith(q.source.split("-")[0])][0]]
    again = sheet(dict(files))
    assert [c.id for c in first.claims] == [c.id for c in again.claims]  # deterministic
    # an unrelated article keeps every existing claim's id
    other = {"04_extra.txt": "Wind farm approved\n\nA council in Brennar approved a wind farm of 12 turbines "
                             "on Tuesday after a two-year review. Building work starts in the autumn.\n"}
    with_extra = sheet({**files, **other})
    assert {c.id for c in first.claims} <= {c.id for c in with_extra.claims}


def test_a_tenth_source_joins_as_easily_as_the_second():
    base = "The Kettle Ridge tunnel will close for 18 months from June for repairs costing $410 million."
    variants = [
        base,
        "Repairs costing $410 million will close the Kettle Ridge tunnel for 18 months from June.",
        "The Kettle Ridge tunnel closes for 18 months from June; the repairs cost $410 million.",
    ]
    files = {f"{k:02d}_outlet{k}.txt": f"Tunnel to close\n\n{variants[k % 3]} Drivers were told to use the "
             f"coast road while crews work on the lining.\n" for k in range(1, 11)}
    s = sheet(files)
    (tunnel,) = claims_citing(s, "410 million")
    assert tunnel.support == 10


def test_several_events_do_not_merge():
    files = {}
    for k in range(50):
        town = "Aldmere" if k % 2 else "Brisko"
        company = "Varnholt" if k % 2 else "Quenby"
        files[f"{k:02d}_o{k}.txt"] = (
            f"{company} plant opens\n\n{company} opened a plant in {town} on Monday. "
            f"{company} said the plant would employ {company} staff from {town}. "
            f"{company} chief executive spoke in {town}. "
            "Construction is scheduled to begin in May 2032.\n")
    s = sheet(files)
    (may,) = [c for c in s.claims if "May 2032" in c.text and c.support > 1][:1] or [None]
    assert may is not None
    towns = {("Aldmere" if int(q.source.split("-")[0]) % 2 else "Brisko") for q in may.citations}
    assert len(towns) == 1, "a sentence of one event restates nothing of the other"


def test_commentary_is_never_a_plain_fact():
    blog = ("My take on the Orvanto mess\n\nHonestly? Whoever signed off that spillway should be ashamed! "
            "The spillway of the Orvanto dam failed on Monday, flooding 140 homes.\n")
    s = sheet({"01_wire.md": WIRE, "02_blog.txt": blog})
    (rant,) = [c for c in s.claims if "ashamed" in c.text]
    assert rant.kind == "commentary"
