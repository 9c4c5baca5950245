"""The site's full-text search: every claim and every sentence of every source,
indexed into small script files under ``search/`` that site.js loads on demand.

- ``search/index.js``: the manifest (how many documents, which term files exist,
  the terms too common to index);
- ``search/t-<hex>.js``: the terms sharing their first ``KEY_CHARS`` characters
  (``<hex>``: those characters in UTF-8, hex-encoded), each with the ids of the
  documents holding it, delta-encoded;
- ``search/d-<k>.js``: documents ``k * DOCS_PER_SHARD`` onwards: the page, the
  anchor (``claim-<id>`` or a sentence id) and the text.

A query loads the manifest, one term file per word and the document files of
the hits it shows: a few files, whatever the corpus size. Every word of a query
must match, the start of a word (``reopen`` finds "reopened"); documents are
ranked in the sheet's order (claims first, the best supported first, then
sources). Files are plain scripts, not fetched JSON, so search works from
``file://`` as well as at ``/`` or under ``/repo/``. Built from the sheet in one
pass with one array of document ids per term: memory grows with the corpus's
words, not with its pages.

Why not Pagefind (measured on the same synthetic corpora, see
benchmarks/search_index.py): it indexes the built HTML with better ranking and
stemming, but its indexer peaked at 3.0 GB of memory on the 10,000-article site
(where this index needs well under 300 MB), took 86 s there, and its module
cannot load from ``file://``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from ..models import Record

if TYPE_CHECKING:
    from .cache import RenderCache

SEARCH_DIR = "search"
DOCS_PER_SHARD = 500
KEY_CHARS = 3
# A term in more documents than both of these is "common": not indexed (its list
# would be the biggest file of the index and narrows a query the least), and a
# query ignores it. Half of all documents: "the", "a", never the words of the
# story itself ("bridge" in a sheet about a bridge), which a reader searches for.
# Small sheets index every word.
COMMON_MIN_DOCS = 2_000
COMMON_FRACTION = 0.5

_TOKEN = re.compile(r"[^\W_]+")  # runs of letters and digits, as site.js's /[\p{L}\p{N}]+/u


def normalize(text: str) -> str:
    """Lower case, accents dropped (the same steps as site.js's ``normalize``)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered  # NFKD leaves ASCII as it is, and no ASCII character is a mark
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))


def words(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def _terms(text: str) -> frozenset[str]:
    return frozenset(words(text))


def key_of(term: str) -> str:
    return term[:KEY_CHARS]


def term_file(key: str) -> str:
    return f"t-{key.encode('utf-8').hex()}.js"


def _script(call: str, *args: Any) -> bytes:
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"factsheetSearch.{call}({body});\n".encode("utf-8")


class SearchIndex:
    """Documents are added in ranking order; ``write`` puts the files into a folder.
    ``cache``: the dev server's render cache (terms of texts indexed before, files made before)."""

    def __init__(self, folder: Path, cache: RenderCache | None = None) -> None:
        self.folder = folder
        self.cache = cache
        self.folder.mkdir(parents=True, exist_ok=True)
        self.postings: dict[str, array] = {}
        self.count = 0
        self._pages: list[list[str]] = []
        self._page_of: dict[tuple[str, str], int] = {}
        self._docs: list[list[Any]] = []

    def add(self, page: str, label: str, anchor: str, text: str) -> None:
        doc = self.count
        self.count += 1
        postings = self.postings
        for term in (_terms(text) if self.cache is None else self.cache.terms(text, _terms)):
            ids = postings.get(term)
            if ids is None:
                ids = postings[term] = array("I")
            ids.append(doc)
        slot = self._page_of.get((page, label))
        if slot is None:
            slot = self._page_of[(page, label)] = len(self._pages)
            self._pages.append([page, label])
        self._docs.append([slot, anchor, text])
        if len(self._docs) == DOCS_PER_SHARD:
            self._flush()

    def _flush(self) -> None:
        if not self._docs:
            return
        shard = (self.count - 1) // DOCS_PER_SHARD
        shown = {"pages": self._pages, "docs": self._docs}
        self._file(f"d-{shard}.js", shown, lambda: _script("docs", shard, shown))
        self._pages, self._page_of, self._docs = [], {}, []

    def write(self) -> None:
        self._flush()
        limit = max(COMMON_MIN_DOCS, COMMON_FRACTION * self.count)
        common = sorted(t for t, ids in self.postings.items() if len(ids) > limit)
        by_key: dict[str, list[str]] = {}
        for term in self.postings:
            if len(self.postings[term]) <= limit:
                by_key.setdefault(key_of(term), []).append(term)
        for key, terms in by_key.items():
            table = {}
            for term in sorted(terms):
                ids = self.postings[term]
                table[term] = [ids[0]] + [ids[i] - ids[i - 1] for i in range(1, len(ids))]
            self._file(term_file(key), table, lambda k=key, t=table: _script("terms", k, t))
        manifest = {"docs": self.count, "docsPerShard": DOCS_PER_SHARD, "keyChars": KEY_CHARS, "common": common,
                    "keys": sorted(by_key)}
        self._file("index.js", manifest, lambda: _script("manifest", manifest))

    def _file(self, name: str, data: Any, make: Callable[[], bytes]) -> None:
        """search/<name>, made by ``make()`` from ``data`` (reused from the cache while ``data`` is equal)."""
        if self.cache is None:
            (self.folder / name).write_bytes(make())
        else:
            self.cache.keyed("search", name, data, make, page=False, target=self.folder / name)


def search_documents(claim_pages: Iterable[tuple[str, str, Iterable[Any]]], records: Iterable[Record],
                     source_label: Any) -> Iterator[tuple[str, str, str, str]]:
    """(page, label, anchor, text) in ranking order: the claims of each claim page
    (``claim_pages``: path, section title, claims), then each source's sentences."""
    for path, title, claims in claim_pages:
        for claim in claims:
            yield path, title, f"claim-{claim.id}", claim.text
    for record in records:
        label = source_label(record)
        for sentence in sorted(record.sentences, key=lambda s: (s.start, s.id)):
            yield f"sources/{record.id}.html", label, sentence.id, sentence.text


def write_search_index(dest: Path, documents: Iterable[tuple[str, str, str, str]],
                       cache: RenderCache | None = None) -> int:
    """Write ``dest/search/``; return the number of documents indexed."""
    index = SearchIndex(dest / SEARCH_DIR, cache)
    for page, label, anchor, text in documents:
        index.add(page, label, anchor, text)
    index.write()
    return index.count
