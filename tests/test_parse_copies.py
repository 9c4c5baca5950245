"""A body pasted twice is dropped as a copy, but near-identical paragraphs that state
different figures are different information and both stay."""

from __future__ import annotations

from factsheet.parse import parse_article

BASE = ("Engineers in Norrvik inspected section {n} of the bridge deck on Tuesday and reported "
        "no new cracks in the steel beams below the roadway.")


def _kept(text: str) -> list[str]:
    result = parse_article("bridge.md", text.encode(), max_bytes=1 << 20)
    assert result.record is not None, result.diagnostics
    return [s.text for s in result.record.sentences]


def test_near_copies_with_other_figures_are_kept() -> None:
    kept = _kept("\n\n".join(BASE.format(n=n) for n in (3, 4, 5)) + "\n")
    assert [BASE.format(n=n) for n in (3, 4, 5)] == kept


def test_a_paragraph_pasted_again_with_a_word_changed_is_dropped() -> None:
    first = BASE.format(n=3)
    again = first.replace("no new cracks", "no fresh cracks")
    other = "The council said the bridge would reopen to cyclists by the end of the month."
    result = parse_article("bridge.md", f"{first}\n\n{other}\n\n{again}\n".encode(), max_bytes=1 << 20)
    assert [s.text for s in result.record.sentences] == [first, other]
    assert [r.reason for r in result.record.removed] == ["repeated paragraph"]
