"""The period an amount covers: an ordered list of named rules, the first that answers wins.

The date nearest the amount in its sentence, as for contributions, except: a vague moment tied to
the letter's date (``eerder dit jaar``) dates an announcement, not the money, and gives no period;
a period that starts in the past (``sinds 2016 ... geïnvesteerd``) of a one-off amount runs to the
document's date. Without a date in its sentence: a yearly amount in a sentence that opens by
pointing back (``Deze steun bestaat uit een jaarlijkse ...``) takes the bounds (``tot en met``,
``sinds``, a range; not a single point, which dates a decision) of the previous sentence in the
same paragraph; an amount that refers back (``De kosten hiervan ...``) takes the years of what it
refers to.
"""

from __future__ import annotations

from sahel_analysis.facts.budget_site import Rule, Site, decide, opens_with, points_back, previous
from sahel_analysis.facts.spans import iso_day, period_near, sentence_dates
from sahel_analysis.model import Document

Period = tuple[str | None, str | None]
NO_PERIOD: Period = (None, None)


def _near(w: Site) -> Period:
    """``period_near`` of the amount, found once per amount."""
    memo = w.doc.memo.setdefault("budget_period_near", {})
    key = (w.s, w.e, w.start, w.end)
    if key not in memo:
        memo[key] = period_near(w.doc, w.s, w.e, w.start, w.end)
    return memo[key]


def _announcement_moment(w: Site) -> Period | None:
    """``eerder dit jaar``: the nearest date is an open moment, when it was said, not what the
    money covers."""
    near = _near(w)
    if near == NO_PERIOD:
        return None
    for d in sentence_dates(w.doc, w.s, w.e):
        if d.window.precision == "open" and (iso_day(d.window.start), iso_day(d.window.end)) == near:
            return NO_PERIOD
    return None


def _since_to_document_date(w: Site) -> Period | None:
    """``sinds 2016 ... geïnvesteerd``: a one-off amount since a past date runs to the document's date."""
    ps, pe = near = _near(w)
    ref = w.doc.ref_date
    if near == NO_PERIOD or w.per_year or pe is not None or not ref:
        return None
    for d in sentence_dates(w.doc, w.s, w.e):
        if d.kind == "since" and iso_day(d.window.start) == ps and d.window.start < ref:
            return ps, ref.isoformat()
    return None


def _nearest_date(w: Site) -> Period | None:
    near = _near(w)
    return None if near == NO_PERIOD else near


def _yearly_previous_bounds(w: Site) -> Period | None:
    """``Deze steun bedraagt jaarlijks ...``: the bounds of the previous sentence."""
    prev = w.prev
    if not w.per_year or prev is None or "\n" in w.text[prev[1] : w.s] or not opens_with(w.text, w.s, w.e, "anaphor"):
        return None
    return bounds(w.doc, *prev)


def _referred_back(w: Site) -> Period | None:
    """``De kosten hiervan ...``: the period of what the sentence refers back to."""
    if w.prev is None or not points_back(w.text, w.s, w.start):
        return None
    return period_before(w.doc, w.s, w.per_year)


def period_before(doc: Document, s: int, per_year: bool) -> Period:
    """The period of what the sentence at ``s`` refers back to (``De kosten hiervan ...``): that of
    the first of the previous sentences in its paragraph that gives bounds or years (``in 2021 en
    2022``); none where one with other dates (a decision's day) comes first. A one-off amount takes
    a single year only, not the bounds of a longer period."""
    for a, b in previous(doc, s):
        if per_year:
            ps, pe = bounds(doc, a, b)
            if ps or pe:
                return ps, pe
        years = _years(doc, a, b)
        if years and (per_year or years[0][:4] == years[1][:4]):
            return years
        if years is not None:  # dates, but not the years of this amount's period
            break
    return NO_PERIOD


def _years(doc: Document, s: int, e: int) -> tuple[str, str] | tuple[()] | None:
    """The span of the years (``in 2021 en 2022``) that sentence ``[s, e)`` names, where it names
    only years; ``()`` where it names other dates, None where it names none."""
    found = sentence_dates(doc, s, e)
    if not found:
        return None
    if any(d.window.precision not in ("year", "years") or d.kind != "point" for d in found):
        return ()
    return iso_day(min(d.window.start for d in found)), iso_day(max(d.window.end for d in found))


def bounds(doc: Document, s: int, e: int) -> Period:
    """The first bounded period (until, since, range) of sentence ``[s, e)``."""
    for d in sentence_dates(doc, s, e):
        if d.window.precision == "open":
            continue
        if d.kind == "until":
            return None, iso_day(d.window.end)
        if d.kind == "since":
            return iso_day(d.window.start), None
        if d.kind == "range":
            return iso_day(d.window.start), iso_day(d.window.end)
    return NO_PERIOD


RULES: list[Rule] = [
    ("announcement-moment", _announcement_moment),
    ("since-to-document-date", _since_to_document_date),
    ("nearest-date", _nearest_date),
    ("yearly-previous-bounds", _yearly_previous_bounds),
    ("referred-back", _referred_back),
]


def period(w: Site) -> tuple[Period, str]:
    """The period (start, end: ISO dates or None) of the amount at ``w``, and the deciding rule."""
    return decide(RULES, w, (NO_PERIOD, "none"))
