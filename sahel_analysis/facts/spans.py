"""Spans shared by the fact rules: clauses and quotes of a sentence, the dates and numbers found in
a sentence span (memoised per document), the period nearest a figure, and the contribution cue
patterns (vocab/contribution_cues.csv) that budgets use for their qualifiers too."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from sahel_analysis.dates import find_dates
from sahel_analysis.model import Document
from sahel_analysis.numbers import NumberMatch, find_numbers
from sahel_analysis.vocab import cues_by_meaning


def alias_pattern(s: str) -> str:
    return re.sub("['’]", "['’]", r"\s+".join(re.escape(w) for w in s.split()))


@cache
def cues() -> dict[str, list[str]]:
    """Cue phrases by meaning (max, approx, mandate, planned, all, exclude)."""
    return cues_by_meaning("contribution_cues.csv")


@cache
def cue_pattern(meaning: str) -> re.Pattern[str]:
    words = sorted(cues().get(meaning, []), key=len, reverse=True)
    alts = "|".join(alias_pattern(w) for w in words) or "(?!)"
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w])", re.IGNORECASE)


def clause_bounds(text: str, s: int, e: int, pos: int, end: int) -> tuple[int, int]:
    """The comma/semicolon/colon-delimited clause of sentence ``[s, e)`` around ``pos..end``."""
    left = max(text.rfind(c, s, pos) for c in ",;:(")
    right_candidates = [i for i in (text.find(c, end, e) for c in ",;:)") if i >= 0]
    cs = left + 1 if left >= s else s
    ce = min(right_candidates) if right_candidates else e
    while cs < ce and text[cs] in " –-•":
        cs += 1
    return cs, ce


def quote_span(text: str, s: int, e: int, pos: int, end: int, limit: int = 160) -> tuple[int, int]:
    """The sentence where short enough, else the clause around ``pos..end``."""
    while s < e and text[s] in " –-•*":
        s += 1
    if text[e - 1 : e] == "." and e - s > 1:
        e -= 1
    if e - s <= limit:
        return s, e
    cs, ce = clause_bounds(text, s, e, pos, end)
    return cs, ce



def period_near(
    doc: Document, s: int, e: int, pos: int, end: int | None = None
) -> tuple[str | None, str | None]:
    """Period of the date expression nearest to ``pos`` in sentence ``[s, e)``: ISO strings.

    A date right after the figure (``150 in 2018``, ``... militairen in 2018``) wins; a day counted
    from the document's date (``maandag``, ``twee weken geleden``) dates a happening, no period."""
    end = pos if end is None else end
    text = doc.text
    found = [d for d in sentence_dates(doc, s, e) if not d.counted]
    if not found:
        return None, None
    cs, ce = clause_bounds(text, s, e, pos, pos)

    def rank(d) -> tuple[int, int]:
        ds, de = s + d.start, s + d.end
        if ds >= end and IN_GAP.fullmatch(text, end, ds):
            return (0, -1)
        same = cs <= ds < ce
        dist = pos - de if de <= pos else (ds - pos) + 40
        return (0 if same else 1, dist)

    best = min((d for d in found if not (s + d.start <= pos < s + d.end)), key=rank, default=None)
    if best is None:
        return None, None
    w_start, w_end = best.window.start, best.window.end
    for a, b in zip(found, found[1:], strict=False):  # "in 2024 en 2025": one period over both
        if best in (a, b) and a.kind == b.kind == "point" and AND_GAP.fullmatch(text[s + a.end : s + b.start]):
            w_start, w_end = min(a.window.start, w_start), max(b.window.end, w_end)
    start = None if best.kind == "until" else iso_day(w_start)
    end = None if best.kind == "since" else iso_day(w_end)
    return start, end


IN_GAP = re.compile(r"\s*(?:in\s+)?")
AND_GAP = re.compile(r"\s*(?:,|en|and|tot en met|t/m)\s*(?:in\s+)?", re.IGNORECASE)


def iso_day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def sentence_dates(doc: Document, s: int, e: int) -> list:
    """``find_dates`` of ``doc.text[s:e]`` against the document's date, found once per span."""
    memo = doc.memo.setdefault("span_dates", {})
    found = memo.get((s, e))
    if found is None:
        found = memo[(s, e)] = find_dates(doc.text[s:e], doc.ref_date)
    return found


def date_spans(doc: Document, s: int, e: int) -> list[tuple[int, int]]:
    """Spans (in the document's text) of the dates found in sentence ``[s, e)``."""
    return [(s + d.start, s + d.end) for d in sentence_dates(doc, s, e)]



def span_numbers(doc: Document, s: int, e: int) -> list[NumberMatch]:
    """``find_numbers(doc.text[s:e])`` (spans in the sentence), found once per span."""
    memo = doc.memo.setdefault("span_numbers", {})
    found = memo.get((s, e))
    if found is None:
        found = memo[(s, e)] = find_numbers(doc.text[s:e])
    return found



def nearest_cue(text: str, lo: int, pos: int) -> str:
    best, where = "exact", -1
    for meaning in ("max", "approx"):
        for m in cue_pattern(meaning).finditer(text, lo, pos):
            if m.end() > where:
                best, where = meaning, m.end()
    return best


