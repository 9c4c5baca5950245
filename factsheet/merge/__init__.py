"""Merge stage: records -> one Sheet. Works on records only, never on files.

    features (per record, memoized by id + content hash: names, numbers, stems, cues)
    -> aliases (learned from the corpus text: "X, also known as Y", "X (Y)",
       "Also known as Y, the ..." for the previous subject, multi-word prefixes,
       surnames of people named in full)
    -> units (per-sentence feature sets; memoized per record and alias signature)
    -> blocking (inverted index on each sentence's rarest features, capped
       postings) -> pairwise IDF cosine/containment, number agreement, subject check
    -> greedy average-link clustering (conflicting values, dates, periods, aims or
       places never join; a sentence unrelated to half a group never joins it);
       a lone restatement joins a corroborated fact its source lacks on a looser
       bar; a fact split over two sentences ("... as part of that initiative")
       joins the one-sentence telling of it
    -> claims (central, self-contained canonical text; "c-" + hash of it),
       secondary citations for two-fact sentences, compared clause by clause
       (clauses.py: negated words, clause figures); a member naming a new thing
       nobody else mentions is a claim of its own too
    -> discrepancies (numbers of one unit that do not overlap, in similar context
       or around the same measure words; dates of one event; approximate periods,
       the aims of one named venture, the places of one event (framing.py); a
       range or a hedged figure allowing a value is agreement), figures, quotes (speaker through aliases),
       entities (roles as stated), timeline (explicit dates only)
    -> the editor's sheet file (pin / hide / merge / reword; unknown ids warn).

Generality rules (wire, local and trade styles): a wire dateline and the month "May"
are no opinion cue, and a lone hedge or intensifier is below the weak-cue bar unless
its paragraph leans opinion; legal reuse notices are furniture; words written only in
an attribution ("..., the fire service said") count half in similarity; number words
("twenty-two", "two hundred") are numbers and nouns counting people share the unit
"person" (a count of people says what it measures: killed, injured, evacuated ...); the
same exact figure with shared ordinary words, the same speaker with the same deadline,
or the same three parties with a sum of money are one fact; a company's distinctive
word alone is its alias, and organizations speak "in a statement" past appositions.
"""

from __future__ import annotations

import dataclasses
import gc
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..editorial import Editorial
from ..models import Claim, Diagnostic, Record, Sheet, SourceSummary
from .aliases import learn_aliases
from .claims import assign_ids, draft_claim
from .classify import LONE_HEDGE
from .cluster import UNITS, Unit, cluster_units, idf_weights
from .secondary import remainder_members, secondary_members
from .discrepancies import find_discrepancies
from .editorial import apply_editorial
from .entities import build_entities
from .features import FEATURES, RecordFeatures, SentenceFeatures
from .figures import figures_for
from .quotes import extract_quotes
from .timeline import timeline_events
from .title import sheet_title
from .topic import off_topic_sentences

COMMENTARY_SCORE = 1.5
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:$|T|\s)")


@dataclass(frozen=True)
class MergeResult:
    sheet: Sheet
    diagnostics: tuple[Diagnostic, ...] = ()  # e.g. the sheet file names an unknown claim id
    stats: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)


def _commentary_flags(rfs: list[RecordFeatures]) -> dict[tuple[str, int], bool]:
    """Opinion cues per sentence, softened or reinforced by its paragraph."""
    flags = {}
    for rf in rfs:
        by_para: dict[int, list[SentenceFeatures]] = defaultdict(list)
        for sf in rf.sentences:
            by_para[sf.sentence.paragraph].append(sf)
        for sfs in by_para.values():
            total = sum(max(0.0, s.commentary) for s in sfs)
            mean = total / len(sfs)
            for s in sfs:
                # a lone hedge or intensifier (classify.LONE_HEDGE) counts only beside opinion
                others = (total - max(0.0, s.commentary)) / (len(sfs) - 1) if len(sfs) > 1 else 0.0
                flags[(s.record, s.index)] = (s.commentary >= COMMENTARY_SCORE or (s.commentary >= 1 and mean >= 0.6)
                                              or (s.commentary >= LONE_HEDGE and others >= 0.6))
    return flags


def _source_names(records: tuple[Record, ...]) -> dict[str, str]:
    """How a summary names each source: its publisher where that tells it apart from the
    others (a syndicated copy shares its publisher), else its id."""
    publishers = Counter(r.publisher for r in records if r.publisher)
    return {r.id: r.publisher if r.publisher and publishers[r.publisher] == 1 else
            (f"{r.publisher} ({r.id})" if r.publisher else r.id) for r in records}


def merge(records: tuple[Record, ...], editorial: Editorial) -> MergeResult:
    # The merge allocates many small objects and frees none of them until it
    # returns; the cyclic collector would rescan the whole (cached) heap again and
    # again for nothing. Reference counting still frees everything as usual.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _merge(records, editorial)
    finally:
        if was_enabled:
            gc.enable()


def _merge(records: tuple[Record, ...], editorial: Editorial) -> MergeResult:
    clock = _StageClock()
    FEATURES.reserve(len(records))
    rfs = [FEATURES.get(r) for r in records]
    clock.lap("features")
    dates = {r.id: r.date for r in records}
    all_sfs = [sf for rf in rfs for sf in rf.sentences]
    person_keys = frozenset(k for sf in all_sfs for k in sf.speakers if " " in k) | frozenset(
        n.key for sf in all_sfs for n in sf.names if n.title and " " in n.key)
    aliases = learn_aliases(rfs, person_keys)
    non_initial = {n.key for sf in all_sfs for n in sf.names if not n.initial}
    # a capitalized first word seen nowhere else is an ordinary word, unless the text
    # ties it to a name ("Ilves said" after "Marta Ilves")
    initial_only = frozenset(
        k for k in {n.key for sf in all_sfs for n in sf.names if n.initial} - non_initial
        if len(aliases.members.get(aliases.group(k), ())) < 2)

    off_topic = off_topic_sentences(rfs)
    units: list[Unit] = []
    for rf in rfs:
        claimable = [sf for sf in rf.sentences if sf.claimable and (sf.record, sf.index) not in off_topic]
        units.extend(UNITS.units(rf.record_id, rf.content_hash, claimable, aliases, initial_only))
    df: Counter[str] = Counter()
    for u in units:
        df.update(u.features)
    weights = idf_weights(df, len(units))
    clock.lap("units")
    groups, stats = cluster_units(units, weights, df)
    clock.lap("clustering")
    scores = stats.pop("scores")  # pair scores memoized by clustering, asked again for secondary citations

    flags = _commentary_flags(rfs)
    extras = secondary_members(units, groups, stats["pairs"], weights, scores)
    drafts = [draft_claim([units[i].sf for i in g], flags, [units[i].sf for i in extras.get(gi, ())])
              for gi, g in enumerate(groups)]
    # a member that also states a fact of its own is that fact's claim too (cited by both)
    canonical = {(d.canonical.record, d.canonical.index) for d in drafts}
    for i in remainder_members(units, groups, df):
        sf = units[i].sf
        if (sf.record, sf.index) not in canonical:
            drafts.append(draft_claim([sf], flags))
            groups.append([])  # no unit belongs to it: the sentence stays a member of its group
    ids = assign_ids(drafts)
    clock.lap("claims")
    claim_of_unit = [""] * len(units)
    for cid, g in zip(ids, groups):
        for i in g:
            claim_of_unit[i] = cid
    claim_of = {(units[i].sf.record, units[i].sf.index): claim_of_unit[i] for i in range(len(units))}
    commentary_claims = {cid for cid, d in zip(ids, drafts) if d.commentary}

    source_names = _source_names(records)
    discrepancies = find_discrepancies(units, stats.pop("pairs"), claim_of_unit, weights, commentary_claims,
                                       aliases.group, label=source_names.__getitem__)
    clock.lap("discrepancies")
    disc_of: dict[str, list[str]] = defaultdict(list)
    for d in discrepancies:
        for c in d.claims:
            disc_of[c].append(d.id)

    entities, entities_of = build_entities(all_sfs, aliases, claim_of)

    claims: list[Claim] = []
    for cid, d in zip(ids, drafts):
        support = len(d.sources)
        discs = tuple(sorted(disc_of.get(cid, ())))
        status = "disputed" if discs else ("corroborated" if support >= 2 else "single-source")
        numbers = d.canonical.number_texts
        claims.append(Claim(cid, d.canonical.sentence.text.strip(), d.kind, support, status, d.citations,
                            discrepancies=discs, entities=tuple(entities_of.get(cid, ())), numbers=numbers))
    first_seen = {cid: (d.citations[0].source, d.citations[0].start) for cid, d in zip(ids, drafts)}
    kind_rank = {"figure": 0, "fact": 0, "quote": 1, "commentary": 2}
    claims.sort(key=lambda c: (kind_rank[c.kind], -c.support, first_seen[c.id], c.id))

    claims, diagnostics = apply_editorial(claims, editorial)
    kept = {c.id: c for c in claims}
    folded_into = {cid: group[0] for group in editorial.merge for cid in group[1:] if group[0] in kept}

    def live(cid: str | None) -> str | None:
        cid = folded_into.get(cid, cid) if cid else cid
        return cid if cid in kept else None

    figures = []
    for cid, d in zip(ids, drafts):
        c = live(cid)
        if c and kept[c].kind in ("figure", "fact", "quote"):
            figures.extend(figures_for(c, d.canonical.sentence.text, d.canonical.numbers,
                                       tuple(sorted({x.source for x in kept[c].citations})), d.canonical.measures))
    figures = sorted({f.id: f for f in figures}.values(), key=lambda f: (f.claim, f.id))

    by_record: dict[str, list[SentenceFeatures]] = {rf.record_id: list(rf.sentences) for rf in rfs}
    quotes = [dataclasses.replace(q, claim=live(q.claim)) for q in extract_quotes(by_record, claim_of, aliases)
              if live(q.claim)]

    timeline_items = []
    for cid, d in zip(ids, drafts):
        c = live(cid)
        if c and kept[c].kind != "commentary":
            # dates from the sentences stating this fact first, not from a two-fact sentence's other half
            timeline_items.append((c, kept[c].text, [m.dates for m in (d.primary or d.members)],
                                   tuple(sorted({x.source for x in kept[c].citations}))))
    timeline = timeline_events(timeline_items)

    discrepancies = [d for d in discrepancies if all(live(c) for c in d.claims)]
    support_count = Counter(src for c in claims for src in {cit.source for cit in c.citations})
    sources = tuple(SourceSummary(r.id, r.path, r.title, r.publisher, r.date, r.url, r.author,
                                  support_count.get(r.id, 0)) for r in records)
    known_dates = sorted(r.date[:10] for r in records if r.date and _ISO_DATE.match(r.date))
    sheet = Sheet(
        title=sheet_title(editorial, records, claims),
        summary=editorial.summary,
        intro_html=editorial.intro_html,
        sources=sources,
        claims=tuple(claims),
        discrepancies=tuple(discrepancies),
        figures=tuple(figures),
        quotes=tuple(quotes),
        entities=tuple(entities),
        timeline=tuple(timeline),
        date_range=(known_dates[0], known_dates[-1]) if known_dates else None,
        records=records,
    )
    clock.lap("rest")
    stats["seconds"] = {**clock.laps, **stats.get("seconds", {})}
    return MergeResult(sheet, tuple(diagnostics), stats)


class _StageClock:
    """Wall time per merge stage, for benchmarks (stats only, never the sheet)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 4)
        self._last = now
