"""Groups of propositions -> draft claims: citations, canonical text, kind, id.

* Citations: every sentence holding a member, once, verbatim (the sentence as the
  source wrote it), with the member's own clause marked by its offsets.
* Canonical text: the member that best states just this proposition and reads on its
  own (no pronoun opening, no quotation without its speaker, not cut off), closest to
  the group's centre; where none reads on its own, the coordinated clause it hangs on
  with it ("her master ordered a full evacuation using the ship's evacuation system"),
  else the sentence itself, with the member's clause marked.
* A sentence none of whose propositions joins a claim is one claim of its own (its whole
  text). A sentence some of whose propositions joined claims is cited, whole, by those
  claims; its other propositions are details only it states, read in its quote, and
  make no claim of their own (that would repeat the sentence as a second claim).
* Id: "c-" + 8 hex digits of the normalized canonical text, so that a claim keeps its id
  while its text does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from ..models import Citation, ClaimKind, Record
from . import params as P
from .grouping import Comparisons, Group
from .opinion import is_commentary
from .extract import dateline_length
from .lexicon import DEPENDENT_OPENERS, POSSESSIVES, PRONOUNS
from .units import Unit


@dataclass(frozen=True, slots=True)
class DraftClaim:
    members: tuple[int, ...]  # unit indexes
    canonical: int  # unit index whose text is the claim's text
    text: str
    kind: ClaimKind
    citations: tuple[Citation, ...]
    sources: tuple[str, ...]  # record ids, sorted
    commentary: bool
    focus: tuple[int, int] | None = None  # the clause within a whole-sentence text


def normalized_for_id(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", "", t)).strip()


def _citation(u: Unit, record: Record) -> Citation:
    s = record.sentences[u.sentence]
    return Citation(record.id, s.id, s.text, s.start, s.end)


def _canonical_rank(i: int, members: tuple[int, ...], units: list[Unit], comps: Comparisons, commentary,
                    share: dict[str, float], events: set[str]) -> tuple:
    u = units[i]
    words = len(u.prop.text.split())
    centre = sum(comps.score(i, j) for j in members if j != i) / max(1, len(members) - 1)
    # what the member says beyond the claim: weight of its features most members lack
    extra = sum(w for k, w in u.features.items() if share.get(k, 0.0) < 0.5) / max(1e-9, u.total)
    penalty = P.CANONICAL_EXTRA * extra
    # what most members say happened, and it leaves out
    if events and not events & set(u.prop.predicate):
        penalty += P.CANONICAL_MISSES_EVENT
    if any(q.reference for q in u.prop.quantities):
        penalty += P.CANONICAL_OTHER_VALUE
    if not u.prop.standalone:
        penalty += P.CANONICAL_NOT_STANDALONE
    if u.info.quote:
        penalty += P.CANONICAL_QUOTE
    if commentary(u):
        penalty += P.CANONICAL_COMMENTARY
    if words > P.CANONICAL_LONG_WORDS:
        penalty += (words - P.CANONICAL_LONG_WORDS) * P.CANONICAL_PER_EXTRA_WORD
    return (centre - penalty, -words, u.record_order, u.sentence, i)


def _kind(u: Unit, commentary: bool, all_quotes: bool) -> ClaimKind:
    if commentary:
        return "commentary"
    if u.info.quote and all_quotes:
        return "quote"
    if any(q.kind not in ("year", "weekday", "ordinal", "date", "month") for q in u.prop.quantities):
        return "figure"
    return "fact"


def commentary_judge(units: list[Unit]):
    """unit -> is its sentence the writer's opinion (its paragraph and article weighed in)."""
    by_record: dict[str, list[float]] = defaultdict(list)
    by_paragraph: dict[tuple[str, int], list[float]] = defaultdict(list)
    seen = set()
    for u in units:
        key = (u.record, u.sentence)
        if key in seen:
            continue
        seen.add(key)
        by_record[u.record].append(max(0.0, u.info.commentary))
        by_paragraph[(u.record, u.info.index)].append(max(0.0, u.info.commentary))
    record_mean = {r: sum(v) / len(v) for r, v in by_record.items()}

    def judge(u: Unit) -> bool:
        return is_commentary(u.info.commentary, u.info.commentary, record_mean.get(u.record, 0.0))

    return judge


def draft_claims(groups: list[Group], units: list[Unit], records: dict[str, Record],
                 comps: Comparisons, known: dict | None = None) -> list[DraftClaim]:
    """`known`: drafts of earlier merges (the dev server's), by their units."""
    commentary = commentary_judge(units)
    draft = _draft if known is None else _remembering(known)
    merged_sentences: set[tuple[str, int]] = set()
    for g in groups:
        if len({units[m].record for m in g.members}) > 1 or len(g.members) > 1:
            merged_sentences.update((units[m].record, units[m].sentence) for m in g.members)
    drafts: list[DraftClaim] = []
    stated = {q.key for g in groups if len(g.members) > 1 for m in g.members for q in units[m].prop.quantities}
    leftovers: dict[tuple[str, int], list[int]] = defaultdict(list)
    also_of = {g.members[0]: g.also for g in groups if len(g.members) == 1 and g.also}
    for g in groups:
        if len(g.members) == 1:
            u = units[g.members[0]]
            leftovers[(u.record, u.sentence)].append(g.members[0])
            continue
        drafts.append(draft(g.members, units, records, comps, commentary, g.also))
    for (rid, sentence), members in sorted(leftovers.items(), key=lambda kv: (units[kv[1][0]].record_order, kv[0][1])):
        if (rid, sentence) not in merged_sentences:
            if len(members) == 1 and members[0] in also_of:
                # the sentence states one proposition, and other sources state it inside
                # longer sentences of theirs: they are cited too
                drafts.append(draft(tuple(members), units, records, comps, commentary, also_of[members[0]]))
            else:
                drafts.append(_sentence_draft(tuple(members), units, records, commentary))
            continue
        # the rest of a sentence that other claims cite: a proposition stating a particular
        # figure no claim states is a claim of its own ("Kovac received 52,340 votes" beside
        # the merged "Fenn received 50,428 votes"), so that the figure (and its rivals) is not lost
        for m in members:
            u = units[m]
            if u.prop.standalone and any(q.digits >= P.DISTINCTIVE_DIGITS and q.key not in stated
                                         and not q.reference for q in u.prop.quantities):
                drafts.append(_proposition_draft(m, units, records, commentary))
    return drafts


def _spread(items: list[int], cap: int) -> list[int]:
    if len(items) <= cap:
        return items
    step = len(items) / cap
    return [items[int(k * step)] for k in range(cap)]


def _remembering(known: dict):
    """_draft, remembering each draft by its units: keyed by the unit objects (which the
    entry keeps alive), so that a changed unit, a new object, misses."""
    def draft(members: tuple[int, ...], units, records, comps, commentary, also: tuple[int, ...] = ()) -> DraftClaim:
        key = tuple(id(units[m]) for m in members + also) + (len(members),)
        hit = known.get(key)
        if hit is None:
            hit = known[key] = ([units[m] for m in members + also], _draft(members, units, records, comps, commentary, also))
        return hit[1]
    return draft


def _draft(members: tuple[int, ...], units, records, comps, commentary, also: tuple[int, ...] = ()) -> DraftClaim:
    # the centre is measured against an even sample of the members, and the candidates are
    # the members that read on their own first: a claim cited a thousand times costs no more
    sample = tuple(_spread(list(members), P.CANONICAL_SAMPLE))
    candidates = sorted(members, key=lambda i: (not units[i].prop.standalone, units[i].info.quote, i))[:P.CANONICAL_SAMPLE]
    share: dict[str, float] = defaultdict(float)
    for m in sample:
        for k in units[m].features:
            share[k] += 1 / len(sample)
    said: dict[str, int] = defaultdict(int)
    for m in sample:
        for k in units[m].prop.predicate:
            said[k] += 1
    events = {k for k, n in said.items() if n * 2 > len(sample)}
    canonical = max(candidates, key=lambda i: _canonical_rank(i, sample, units, comps, commentary, share, events))
    cu = units[canonical]
    text, focus = cu.prop.text, None
    if not cu.prop.standalone and not _opens_its_sentence_with_a_pronoun(cu, records):
        sentence = records[cu.record].sentences[cu.sentence].text
        host = _host(cu, units)
        text, focus = _clause_after_host(cu, host, sentence) if host else \
            _sentence_with_clause(cu, sentence, dateline_length(sentence))
    citations = {}
    for m in sorted(members + also, key=lambda i: (units[i].record_order, units[i].sentence)):
        u = units[m]
        citations.setdefault((u.record, u.sentence), _citation(u, records[u.record]))
    is_comm = sum(commentary(units[m]) for m in members) * 2 > len(members)
    all_quotes = all(units[m].info.quote for m in members)
    cites = tuple(sorted(citations.values(), key=lambda c: (c.source, c.start)))
    text, focus = balanced_quotes(text.strip(), focus)
    return DraftClaim(members, canonical, text, _kind(cu, is_comm, all_quotes), cites,
                      tuple(sorted({c.source for c in cites})), is_comm, focus)


def balanced_quotes(text: str, focus: tuple[int, int] | None = None) -> tuple[str, tuple[int, int] | None]:
    """A claim's text from one sentence of a longer quotation opens or closes the quotation
    marks it lacks ('"The numbers will rise.' reads as '"The numbers will rise."'); `focus`
    (offsets into the text) moves with it. Citations keep the sentence as written."""
    opens, closes, straight = text.count("“"), text.count("”"), text.count('"')
    if (opens + closes + straight) % 2 == 0:
        return text, focus  # balanced (also when a straight mark opens what a curly one closes)
    if text.startswith(("“", '"')):
        return text + ("”" if opens else '"'), focus
    return ("“" if closes else '"') + text, (focus[0] + 1, focus[1] + 1) if focus else None


_SUBJECT_PRONOUNS = PRONOUNS - POSSESSIVES  # "her master ordered ..." names its subject; "she ordered ..." does not


def _opens_its_sentence_with_a_pronoun(u: Unit, records) -> bool:
    """Does the unit open with the pronoun its sentence opens with ("He was ordered to carry
    out 200 hours of unpaid work", "He was fined £12,000" of "He was ordered to carry out 200
    hours of unpaid work, fined £12,000 and ...")? Then the sentence reads on its own no
    better than the clause, and says more."""
    first = u.prop.text.split(" ", 1)[0].lower()
    sentence = records[u.record].sentences[u.sentence].text
    return first in _SUBJECT_PRONOUNS and sentence[dateline_length(sentence):].lstrip().lower().startswith(first + " ")


def _host(u: Unit, units: list[Unit]) -> Unit | None:
    """The clause a proposition that does not read on its own hangs on: the nearest one
    before it in its sentence that opens with words of its own, when that is a coordinated
    clause ("..., and her master ordered a full evacuation" for "using the ship's evacuation
    system"), or for a participle the clause it follows, past its sibling participles ("A
    train derailed on Tuesday, injuring 11 people and forcing hundreds from their homes").
    None for a relative or subordinate clause (the claim's text is then the sentence)."""
    participle = u.prop.role == "participle"
    k = u.index - 1
    while k >= 0 and units[k].record == u.record and units[k].sentence == u.sentence:
        v = units[k]
        k -= 1
        if v.prop.end > u.prop.start or (participle and v.prop.role == "participle"):
            continue
        first = v.prop.text.split(" ", 1)[0].lower().strip("“\"‘'(")
        if first not in _SUBJECT_PRONOUNS and first not in DEPENDENT_OPENERS:
            return v if v.prop.role == "coordinate" or (participle and v.prop.role == "main") else None
    return None


def _clause_after_host(u: Unit, host: Unit, sentence: str) -> tuple[str, tuple[int, int]]:
    """The host's text, then the clause (with the sentence's words between them when they
    are only punctuation or a conjunction), the clause marked: a claim's text that reads on
    its own without the sentence's other facts."""
    if u.prop.role == "participle" and host.prop.role == "main" and host.prop.subject_end > host.prop.start \
            and not re.match(r"\S+,", sentence[u.prop.start:u.prop.end]):  # (", cabling, power systems": a list)
        # "Around 60,000 tonnes of rock … engulfing a workshop": the host's subject, not its
        # facts, which are a claim of their own
        head = sentence[host.prop.start:host.prop.subject_end].strip()
        clause = sentence[u.prop.start:u.prop.end].rstrip(" ,;:")
        text = f"{head} … {clause}"
        return text + ("" if text[-1:] in ".!?”\"’" else "."), (len(head) + 3, len(text))
    head = host.prop.text.rstrip(".")
    between = sentence[host.prop.end:u.prop.start]
    if between.strip(" ,;:–—-").lower() in ("", "and", "but"):
        tail = sentence[host.prop.end:u.prop.end].rstrip(" ,;:")
        a = len(head) + len(between)
    else:  # other clauses between: leave them out
        tail = ", " + sentence[u.prop.start:u.prop.end].rstrip(" ,;:")
        a = len(head) + 2
    text = head + tail
    return text + ("" if text[-1:] in ".!?”\"’" else "."), (a, len(text))


def _sentence_with_clause(u: Unit, sentence: str, start: int = 0) -> tuple[str, tuple[int, int] | None]:
    """The sentence from `start` on (after its dateline), and where in it the unit's clause
    is (None when it is all of it)."""
    sentence = sentence[start:]
    lead = start + len(sentence) - len(sentence.lstrip())
    text = sentence.strip()
    a, b = max(0, u.prop.start - lead), min(len(text), u.prop.end - lead)
    if b <= a or (a == 0 and b >= len(text.rstrip(".!?\"”’ "))):
        return text, None
    return text, (a, b)


def _sentence_draft(members: tuple[int, ...], units, records, commentary) -> DraftClaim:
    u = units[members[0]]
    sentence = records[u.record].sentences[u.sentence]
    main = next((units[m] for m in members if units[m].prop.role == "main"), u)
    is_comm = commentary(u)
    c = _citation(u, records[u.record])
    text, _ = balanced_quotes(sentence.text[dateline_length(sentence.text):].strip())
    return DraftClaim(members, main.index, text, _kind(main, is_comm, u.info.quote), (c,), (u.record,), is_comm)


def _proposition_draft(m: int, units, records, commentary) -> DraftClaim:
    u = units[m]
    is_comm = commentary(u)
    c = _citation(u, records[u.record])
    text, _ = balanced_quotes(u.prop.text.strip())
    return DraftClaim((m,), m, text, _kind(u, is_comm, u.info.quote), (c,), (u.record,), is_comm)


def assign_ids(drafts: list[DraftClaim]) -> list[str]:
    """'c-' + hash of the normalized text; a collision gets a suffix from its first citation."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    order = sorted(range(len(drafts)), key=lambda k: (drafts[k].citations[0].source, drafts[k].citations[0].start, k))
    out = [""] * len(drafts)
    for k in order:
        d = drafts[k]
        base = "c-" + hashlib.sha1(normalized_for_id(d.text).encode()).hexdigest()[:8]
        cid = base
        if cid in seen:
            first = d.citations[0]
            cid = base + "-" + hashlib.sha1(f"{first.source}/{first.sentence}".encode()).hexdigest()[:4]
            while cid in seen:
                cid += "x"
        seen[cid] = k
        out[k] = cid
    ids.extend(out)
    return ids
