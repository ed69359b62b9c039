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
def grounds() -> list[tuple[str, str, re.Pattern[str]]]:
    """(ground, article, compiled marker) for every ground of the act."""
    path = resources.files("sahel_analysis") / "vocab" / "woo_grounds.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [
        (r["ground"], r["article"], re.compile(rf"(?<![\w-])(?:{r['marker']})(?![\w-])"))
        for r in rows
    ]


def find_redactions(doc: Document) -> list[dict]:
    """One row per redaction marker in the document's clean text."""
    text = doc.text
    rows: list[dict] = []
    taken: list[tuple[int, int]] = []
    for ground, article, pattern in grounds():
        for m in pattern.finditer(text):
            if not m.group()[0].isupper() and not m.group().startswith("["):
                continue
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            rows.append(_row(doc, ground, article, m.start(), m.end()))
    for m in _CODE.finditer(text):
        if m.group(4):
            article = "5.2"
        else:
            article = f"5.1 lid {m.group(2)} {m.group(3)}"
        ground = next((g for g, a, _ in grounds() if a == article), article)
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
