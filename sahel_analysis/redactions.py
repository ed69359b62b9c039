"""Redaction markers of the open-government act (Woo) in a document, with their legal ground.

A released memo shows a redaction as the name of its ground where the text was blacked out
(``Bescherming persoonlijke levenssfeer``), or as an article code (``5.1.2e``), or as
``[Redacted]``. The grounds are data (``vocab/woo_grounds.csv``). A marker starts with a capital:
the same words in running lower-case prose (a template that lists the grounds) are not a
redaction, and neither are empty placeholders such as ``[datum]``.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from .model import Document

_CODE = re.compile(r"\b5\.(1)\.?\s?([12])\.?\s?([a-i])\b|\b5\.(2)\b(?=\s*(?:Wob|Woo)?\s*$)", re.M)


@lru_cache(maxsize=1)
def grounds() -> list[tuple[str, str, str]]:
    """(ground, article, marker pattern) for every ground of the act."""
    path = resources.files("sahel_analysis") / "vocab" / "woo_grounds.csv"
    with path.open(encoding="utf-8") as fh:
        return [(r["ground"], r["article"], r["marker"]) for r in csv.DictReader(fh)]


@lru_cache(maxsize=1)
def _markers() -> dict[str, list[tuple[int, re.Pattern[str]]]]:
    """Marker patterns by the literal words they start with (column ``starts_with``)."""
    path = resources.files("sahel_analysis") / "vocab" / "woo_grounds.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
    for i, r in enumerate(rows):
        for prefix in r["starts_with"].split("|"):
            out.setdefault(prefix, []).append((i, re.compile(rf"(?:{r['marker']})(?![\w-])")))
    return out


def find_redactions(doc: Document) -> list[dict]:
    """One row per redaction marker in the document's clean text.

    Candidates are found with ``str.find`` on the words a marker starts with (fast on long
    texts), then checked with the marker's pattern.
    """
    text = doc.text
    rows: list[dict] = []
    table = grounds()
    taken: set[int] = set()
    for prefix, patterns in _markers().items():
        pos = text.find(prefix)
        while pos >= 0:
            if pos not in taken and not (pos and (text[pos - 1].isalnum() or text[pos - 1] in "-_")):
                for i, rx in patterns:
                    m = rx.match(text, pos)
                    if m and (m.group()[0].isupper() or m.group().startswith("[")):
                        ground, article, _marker = table[i]
                        rows.append(_row(doc, ground, article, pos, m.end()))
                        taken.add(pos)
                        break
            pos = text.find(prefix, pos + 1)
    for m in _CODE.finditer(text):
        article = "5.2" if m.group(4) else f"5.1 lid {m.group(2)} {m.group(3)}"
        ground = next((g for g, a, _ in table if a == article), article)
        rows.append(_row(doc, ground, article, m.start(), m.end()))
    rows.sort(key=lambda r: r["start"])
    return rows


def _row(doc: Document, ground: str, article: str, start: int, end: int) -> dict:
    raw_start, raw_end = doc.raw_span(start, end)
    return {
        "ground": ground,
        "article": article,
        "quote": doc.text[start:end],
        "start": start,
        "end": end,
        "raw_start": raw_start,
        "raw_end": raw_end,
    }
