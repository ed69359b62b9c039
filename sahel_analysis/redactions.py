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


@lru_cache(maxsize=1)
def _prefixes() -> re.Pattern[str] | None:
    """One pattern for all the words markers start with, where two places of them can never
    overlap (then its matches are all their places); else None."""
    words = list(_markers())
    for a in words:
        for b in words:
            for k in range(len(a)):
                if (k or a != b) and (a[k:].startswith(b) or b.startswith(a[k:])):
                    return None
    return re.compile("|".join(re.escape(w) for w in words))


def _candidates(text: str) -> list[tuple[int, str]]:
    """(place, word) of every word a marker starts with, in the order the markers list them."""
    pattern = _prefixes()
    if pattern is not None:
        return [(m.start(), m.group()) for m in pattern.finditer(text)]
    out = []
    for prefix in _markers():
        pos = text.find(prefix)
        while pos >= 0:
            out.append((pos, prefix))
            pos = text.find(prefix, pos + 1)
    return out


def find_redactions(doc: Document) -> list[dict]:
    """One row per redaction marker in the document's clean text.

    Candidates are the places of the words a marker starts with (one pass over the text for
    all of them), then checked with the marker's pattern; article codes are tried only where
    a ``5.`` stands.
    """
    text = doc.text
    rows: list[dict] = []
    table = grounds()
    markers = _markers()
    taken: set[int] = set()
    for pos, prefix in _candidates(text):
        if pos not in taken and not (pos and (text[pos - 1].isalnum() or text[pos - 1] in "-_")):
            for i, rx in markers[prefix]:
                m = rx.match(text, pos)
                if m and (m.group()[0].isupper() or m.group().startswith("[")):
                    ground, article, _marker = table[i]
                    rows.append(_row(doc, ground, article, pos, m.end()))
                    taken.add(pos)
                    break
    for m in _codes(text):
        article = "5.2" if m.group(4) else f"5.1 lid {m.group(2)} {m.group(3)}"
        ground = next((g for g, a, _ in table if a == article), article)
        rows.append(_row(doc, ground, article, m.start(), m.end()))
    rows.sort(key=lambda r: r["start"])
    return rows


def _codes(text: str) -> list[re.Match[str]]:
    """``list(_CODE.finditer(text))``, tried only where ``5.`` stands (every match starts so)."""
    out: list[re.Match[str]] = []
    end = 0
    p = text.find("5.")
    while p >= 0:
        if p >= end:
            m = _CODE.match(text, p)
            if m:
                out.append(m)
                end = m.end()
        p = text.find("5.", p + 1)
    return out


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
