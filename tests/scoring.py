"""Score a merged sheet against hand-annotated expectations (YAML).

    python -m tests.scoring [-v]       # the seeds, every corpus in tests/corpora/, and tests/heldout/

Figures per corpus: fact recall, citation coverage of the best claim,
wrong-citation rate, duplicate claims per fact, furniture hits, commentary
shown as fact, discrepancy recall, verbatim check of every quote."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factsheet.config import load_config
from factsheet.corpus import load_corpus
from factsheet.merge import merge
from factsheet.models import Sheet, sheet_to_facts

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent


def norm(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    t = t.replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    return " ".join(t.split())


def has_keys(text: str, keys: list[str]) -> bool:
    t = norm(text)
    return all(any(norm(alt) in t for alt in key.split("|")) for key in keys)


@dataclass
class Score:
    name: str
    facts: int = 0
    found: int = 0
    coverage_sum: float = 0.0
    citations: int = 0
    wrong: int = 0
    duplicates: int = 0
    furniture: list[str] = field(default_factory=list)
    commentary_as_fact: list[str] = field(default_factory=list)
    discrepancies: int = 0
    discrepancies_found: int = 0
    quotes: int = 0
    not_verbatim: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    wrong_examples: list[str] = field(default_factory=list)
    duplicate_examples: list[str] = field(default_factory=list)
    claims: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.facts if self.facts else 1.0

    @property
    def coverage(self) -> float:
        return self.coverage_sum / self.facts if self.facts else 1.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.citations if self.citations else 0.0

    @property
    def discrepancy_recall(self) -> float:
        return self.discrepancies_found / self.discrepancies if self.discrepancies else 1.0

    def line(self) -> str:
        return (f"{self.name}: claims={self.claims} recall={self.recall:.0%} ({self.found}/{self.facts}) "
                f"coverage={self.coverage:.0%} wrong-citations={self.wrong_rate:.1%} ({self.wrong}/{self.citations}) "
                f"duplicates={self.duplicates} furniture={len(self.furniture)} "
                f"commentary-as-fact={len(self.commentary_as_fact)} "
                f"discrepancy-recall={self.discrepancy_recall:.0%} ({self.discrepancies_found}/{self.discrepancies}) "
                f"quotes-not-verbatim={len(self.not_verbatim)}/{self.quotes}")


def _source_ok(source_id: str, expected: list[str]) -> bool:
    # seeds are named by their leading number ("000"), corpora by their full id
    return any(source_id == e or (e.isdigit() and source_id.startswith(e + "-")) for e in map(str, expected))


def _covered(claim, expected: list[str]) -> int:
    return len({e for e in expected if any(_source_ok(x.source, [e]) for x in claim.citations)})


def build_sheet(content_dir: Path) -> Sheet:
    content_dir = content_dir.resolve()
    config = load_config(content=content_dir, cwd=content_dir.parent)
    corpus = load_corpus(config)
    return merge(corpus.records, corpus.editorial).sheet


def score_sheet(name: str, sheet: Sheet, spec: dict, content_dir: Path) -> Score:
    sc = Score(name, claims=len(sheet.claims))
    facts = spec.get("facts", [])
    best_of: dict[str, object] = {}
    matches: dict[str, list] = {}
    for fact in facts:
        keys = fact["keys"]
        expected = [str(s) for s in fact["sources"]]
        matching = [c for c in sheet.claims if has_keys(c.text, keys)]
        if not matching:
            # the fact may be cited under a claim whose canonical text is another wording
            matching = [c for c in sheet.claims
                        if sum(has_keys(x.quote, keys) for x in c.citations) * 2 > len(c.citations)]
        matches[fact["id"]] = matching
        if matching:
            best_of[fact["id"]] = max(matching, key=lambda c, e=expected: (_covered(c, e), len(c.citations)))
    best_ids = {id(c) for c in best_of.values()}
    # a claim giving another value of an expected fact (in a discrepancy with its best claim)
    # also serves that fact ("Fifteen people were hurt when a storage building exploded")
    best_discrepancies = {d for c in best_of.values() for d in c.discrepancies}
    best_ids |= {id(c) for c in sheet.claims if best_discrepancies & set(c.discrepancies)}
    for fact in facts:
        sc.facts += 1
        keys = fact["keys"]
        expected = [str(s) for s in fact["sources"]]
        matching = matches[fact["id"]]
        if not matching:
            sc.missing.append(fact["id"])
            continue
        sc.found += 1
        best = best_of[fact["id"]]
        # a disputed fact is shown with the claims it conflicts with: count their sources too
        rivals = [c for c in sheet.claims if c is not best and set(c.discrepancies) & set(best.discrepancies)]
        cited = {x.source for c in [best, *rivals] for x in c.citations}
        sc.coverage_sum += len({e for e in expected if any(_source_ok(s, [e]) for s in cited)}) / len(expected)
        # another claim stating the same fact: matching canonical text, citing the fact's sources; not a
        # claim giving a conflicting value, not commentary, and not the claim of another expected fact
        # (a two-fact sentence's claim serves the fact it was chosen for)
        dups = [c for c in matching if c is not best and has_keys(c.text, keys) and c.kind != "commentary"
                and not set(c.discrepancies) & set(best.discrepancies) and id(c) not in best_ids
                and any(_source_ok(x.source, expected) for x in c.citations)]
        sc.duplicates += len(dups)
        sc.duplicate_examples.extend(f"{fact['id']}: {c.text[:90]}" for c in dups)
        for x in best.citations:
            sc.citations += 1
            if not has_keys(x.quote, keys):
                sc.wrong += 1
                sc.wrong_examples.append(f"{fact['id']}: {x.source}/{x.sentence}: {x.quote[:90]}")
    facts_text = norm(str(sheet_to_facts(sheet)))
    for bad in spec.get("forbidden", []):
        if norm(bad) in facts_text:
            sc.furniture.append(bad)
    for phrase in spec.get("commentary", []):
        for c in sheet.claims:
            if norm(phrase) in norm(c.text) and c.kind != "commentary":
                sc.commentary_as_fact.append(phrase)
    for disc in spec.get("discrepancies", []):
        sc.discrepancies += 1
        # "15|fifteen": one value that a source may write in words
        wanted = [[norm(alt) for alt in str(v).split("|")] for v in disc["values"]]
        for d in sheet.discrepancies:
            values = [norm(v.value) for v in d.values]
            if all(any(w in v or v in w for v in values for w in alts) for alts in wanted):
                sc.discrepancies_found += 1
                break
    raws = {r.id: norm(r.path and (content_dir / r.path).read_bytes().decode("utf-8", "replace")) for r in sheet.records}
    for c in sheet.claims:
        for x in c.citations:
            sc.quotes += 1
            if norm(x.quote) not in raws.get(x.source, ""):
                sc.not_verbatim.append(x.quote[:80])
    for q in sheet.quotes:
        sc.quotes += 1
        if not any(norm(q.text) in raws.get(s, "") for s in q.sources):
            sc.not_verbatim.append(q.text[:80])
    return sc


def expectation_files() -> list[tuple[str, Path, Path]]:
    """(name, content folder, expectations file) for the seeds and every corpus."""
    out = [("seeds", REPO / "content", TESTS / "expectations" / "seeds.yaml")]
    corpora = TESTS / "corpora"
    if corpora.is_dir():
        for d in sorted(p for p in corpora.iterdir() if (p / "expected.yaml").is_file()):
            out.append((d.name, d / "content", d / "expected.yaml"))
    return out


def heldout_files() -> list[tuple[str, Path, Path]]:
    """Corpora written by someone else and kept apart from tuning: scored for the
    record (python -m tests.scoring), never asserted on by the tests."""
    root = TESTS / "heldout"
    if not root.is_dir():
        return []
    return [(f"heldout/{d.name}", d / "content", d / "expected.yaml")
            for d in sorted(root.iterdir()) if (d / "expected.yaml").is_file()]


def score(name: str, content_dir: Path, spec_path: Path) -> Score:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    return score_sheet(name, build_sheet(content_dir), spec, content_dir)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for name, content, spec in expectation_files() + heldout_files():
        sc = score(name, content, spec)
        print(sc.line())
        if verbose:
            for label, items in (("missing", sc.missing), ("wrong", sc.wrong_examples),
                                 ("duplicate", sc.duplicate_examples), ("furniture", sc.furniture),
                                 ("commentary-as-fact", sc.commentary_as_fact), ("not verbatim", sc.not_verbatim)):
                for item in items:
                    print(f"    {label}: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
