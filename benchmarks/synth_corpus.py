"""Generate synthetic corpora of messy articles for benchmarks.

    python benchmarks/synth_corpus.py DEST N [--seed S]

Each corpus covers several invented events. Every event has a set of facts;
each article about an event restates a random subset of them in one of several
wordings, adds sentences of its own, and carries the junk that real scraped
articles carry (front matter of various kinds or none, related-story blocks,
share widgets, disclaimers, image paths, a paragraph pasted twice, sometimes a
conflicting number). Names are made from syllables so that nothing here
resembles the sample articles. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = "ka lo mi ra ven tor sul dan bri hal mon pet rus gal fen dor lis cam ber vok".split()
FIRST_NAMES = "Ana Boris Chen Dara Elif Femi Greta Hugo Imke Jonas Kaito Lena Marek Nia Omar Priya".split()
ORG_SUFFIXES = ["Holdings", "Group", "Industries", "Systems", "Energy", "Logistics", "Labs"]
PLACES = "Arden Belmor Cresthaven Dunmere Elstow Farrow Glenrock Hollis Ivybridge Juniper".split()
UNITS = ["megawatts", "jobs", "kilometres of track", "tonnes a year", "vehicles per day", "homes"]
MONTHS = "January February March April May June July August September October November December".split()

FILLER_SUBJECTS = "analysts residents officials engineers critics suppliers regulators unions investors".split()
FILLER_VERBS = "expect question welcome review doubt monitor discuss support criticise".split()
FILLER_OBJECTS = [
    "the timetable", "the local impact", "the financing terms", "the safety record", "the hiring plan",
    "the supply chain", "the environmental review", "the tender process", "the projected savings",
]

JUNK_BLOCKS = [
    "You May Also Like\n\n{headline}\n\n{headline}\n{outlet}{year}/0{month}/1{day} 0{hour}:15\nShare",
    "Also Read: {headline}",
    "Related Stories\n- {headline}\n- {headline}\n- {headline}",
    "Share this article\nFacebook\nTwitter\nLinkedIn\nEmail",
    "Disclaimer: The articles reposted on this site are provided for informational purposes only. "
    "They do not necessarily reflect the views of {outlet}. All rights remain with the original authors.",
    "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
    "/images/photo_{hexa}-image-{digits}.webp)\n/images/photo_{hexb}-image-{digits}.webp)",
]


@dataclass(frozen=True)
class Event:
    key: str
    org: str
    alias: str
    person: str
    surname: str
    place: str
    facts: tuple[tuple[str, ...], ...]  # each fact: several wordings
    conflict: tuple[str, str]  # one fact with two competing wordings (different numbers)


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_event(rng: random.Random, index: int) -> Event:
    org_core = _name(rng, 2)
    org = f"{org_core} {rng.choice(ORG_SUFFIXES)}"
    alias = _name(rng, 2).upper()[:4]
    first, surname = rng.choice(FIRST_NAMES), _name(rng, 2)
    person = f"{first} {surname}"
    place = rng.choice(PLACES)
    low, high = rng.randint(1, 4), rng.randint(5, 9)
    units = rng.randint(2, 40) * 50
    unit = rng.choice(UNITS)
    year = 2025 + rng.randint(1, 4)
    month = rng.choice(MONTHS)
    pct = rng.randint(5, 30)
    facts = (
        (
            f"{org}, also known as {alias}, will build a new plant in {place}.",
            f"{alias} will build a new plant in {place}.",
            f"A new plant in {place} will be built by {alias} ({org}).",
        ),
        (
            f"{alias} plans to invest ${low} billion to ${high} billion in the project.",
            f"The company plans to invest between ${low} billion and ${high} billion in the project.",
            f"{org} intends to spend between {low} and {high} billion dollars on the project.",
        ),
        (
            f"The site is expected to deliver up to {units:,} {unit} by {year}.",
            f"{alias} expects the site to deliver up to {units} {unit} by {year}.",
        ),
        (
            f"Construction is scheduled to begin in {month} {year - 1}.",
            f"Work on the site should start in {month} {year - 1}, {alias} said.",
        ),
        (
            f"\u201cThis is the largest investment in our history,\u201d said {person}, chief executive of {alias}.",
            f"\u201cThis is the largest investment in our history,\u201d {surname} said.",
        ),
        (
            f"The agreement does not include any public subsidy, {alias} said.",
            f"No public subsidy is part of the agreement, according to {org}.",
        ),
        (
            f"{alias} said its revenue rose {pct}% last year.",
            f"Revenue at {org} rose {pct} percent last year.",
        ),
    )
    conflict = (
        f"The plant will employ {units // 10:,} people when it opens.",
        f"The plant will employ {units // 10 + rng.randint(2, 9) * 100:,} people when it opens.",
    )
    return Event(f"event-{index}", org, alias, person, surname, place, facts, conflict)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def _filler(rng: random.Random, event: Event) -> str:
    """A sentence of the article's own: mostly unique vocabulary, sometimes a
    templated remark that shares many words with other articles' remarks."""
    if rng.random() < 0.7:
        words = [_word(rng) for _ in range(rng.randint(8, 22))]
        words.insert(rng.randint(0, len(words)), event.alias)
        if rng.random() < 0.3:
            words.insert(rng.randint(0, len(words)), str(rng.randint(2, 999)))
        return " ".join(words).capitalize() + "."
    return (
        f"{rng.choice(FILLER_SUBJECTS).capitalize()} in {event.place} {rng.choice(FILLER_VERBS)} "
        f"{rng.choice(FILLER_OBJECTS)} of the {event.alias} project, "
        f"citing {rng.randint(2, 90)} {rng.choice(['reports', 'meetings', 'letters', 'studies'])} "
        f"from {rng.choice(MONTHS)}."
    )


def _junk(rng: random.Random, outlet: str) -> str:
    block = rng.choice(JUNK_BLOCKS)
    return block.format(
        headline=f"{_name(rng, 3)} shares {rng.choice(['jump', 'slide', 'stall'])} as {_name(rng, 2)} "
        f"weighs {rng.choice(['merger', 'listing', 'buyback'])}",
        outlet=outlet, year=2020 + rng.randint(0, 5), month=rng.randint(1, 9),
        day=rng.randint(0, 9), hour=rng.randint(0, 9), hexa=f"{rng.getrandbits(32):08x}",
        hexb=f"{rng.getrandbits(32):08x}", digits=rng.getrandbits(48),
    )


def _front_matter(rng: random.Random, title: str, outlet: str, date: str, slug: str) -> str:
    style = rng.random()
    if style < 0.35:
        return f'---\ntitle: "{title}"\npubDatetime: {date}T08:00:00Z\nsource: {outlet}\ntags: [industry]\n---\n\n'
    if style < 0.5:
        return f'+++\ntitle = "{title}"\ndate = {date}\npublisher = "{outlet}"\n+++\n\n'
    if style < 0.6:
        return f"title: {title}\ndate: {date}\n\n"
    return f"{title}\n\n"


def make_article(rng: random.Random, event: Event, number: int) -> str:
    outlet = f"{_name(rng, 2)} {rng.choice(['News', 'Daily', 'Wire', 'Post', 'Times'])}"
    date = f"20{rng.randint(24, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{event.alias} unveils {event.place} plant plan ({number})"
    chosen = [rng.choice(wordings) for wordings in event.facts if rng.random() < 0.65]
    if rng.random() < 0.5:
        chosen.append(event.conflict[rng.random() < 0.3])
    body_sentences = chosen + [_filler(rng, event) for _ in range(rng.randint(14, 26))]
    rng.shuffle(body_sentences)
    paragraphs = [" ".join(body_sentences[i:i + 3]) for i in range(0, len(body_sentences), 3)]
    if rng.random() < 0.2:
        paragraphs.extend(paragraphs[:2])  # a scraper pasted the start twice
    junk = [_junk(rng, outlet) for _ in range(rng.randint(1, 3))]
    pieces = paragraphs[:3] + junk[:1] + paragraphs[3:] + junk[1:]
    if rng.random() < 0.4:
        pieces.append(f"The post {title} appeared first on {outlet}.")
    return _front_matter(rng, title, outlet, date, f"a{number}") + "\n\n".join(pieces) + "\n"


def generate(dest_dir: str | Path, n_articles: int, seed: int = 0) -> list[Path]:
    """Write n_articles files into dest_dir (created if needed); return their paths."""
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n_events = max(1, n_articles // 40)
    events = [make_event(rng, i) for i in range(n_events)]
    paths = []
    for number in range(n_articles):
        event = events[number % n_events]
        suffix = ".md" if rng.random() < 0.5 else ".txt"
        path = dest / f"article-{number:05d}{suffix}"
        path.write_text(make_article(rng, event, number), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = generate(args.dest, args.n, seed=args.seed)
    print(f"wrote {len(paths)} articles to {args.dest}")


if __name__ == "__main__":
    main()
