"""The one helper of the event tests: the event rows of a made-up text, with their spans checked."""

from __future__ import annotations

from sahel_analysis.facts.events import extract

from ..docs import text_doc


def event_rows(text: str, date: str | None, title: str = "") -> list[dict]:
    """The rows ``extract`` makes of ``text`` as a document dated ``date`` (None: undated; a
    month or year ending in ``?``: only bound to it, ``date_known`` false); every quote must be
    the text at its span, every window in order."""
    bound = bool(date) and date.endswith("?")
    doc = text_doc(text, date.rstrip("?") if date else date, title)
    if bound:
        doc.date_known = False
    rows = extract(doc)
    for r in rows:
        assert doc.text[r["start"] : r["end"]] == r["quote"]
        assert r["date_start"] <= r["date_end"]
    return rows


def rule_of(row: dict, field: str) -> str:
    """The rule named for ``field`` in a row's ``rule`` (``field:name; ...``), "" where none."""
    for item in row["rule"].split("; "):
        name, _, rule = item.partition(":")
        if name == field:
            return rule
    return ""
