"""Whether a date of a document dates a happening, and the window it gives: ordered, named rules.

- every date the date finder (:mod:`sahel_analysis.dates`, resolved against ``doc.ref_date``)
  finds is a candidate, unless a rule of :data:`NOT_HAPPENING` says it is none (a date citing
  another paper, a title in guillemets, a date line of a letter's header, the date from which a
  proposed change would take effect); a conditional sentence states no happening;
- two dates read as one span (``in de nacht van 4 op 5 mei``, ``vanaf X tot en met Y``) are one
  happening (:data:`PAIRING_RULES`); a decision with an end date spans from the document's date
  to that end, ``voor juli 2024`` from the document's date to the day before (:data:`UNTIL_RULES`);
- coarse dates (a year, a span of years, ``sinds 2016``) count only where the clause names an
  event (a trigger of vocab/events.csv) or a happening verb (vocab/events_verbs.csv);
- a dateless decision (``is besloten ...``) is dated by the document's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from sahel_analysis.dates import DateMatch, DateScan, DateWindow, find_dates
from sahel_analysis.facts.event_cues import cue
from sahel_analysis.facts.event_triggers import has_verb
from sahel_analysis.facts.event_type import MIN_TYPE_SCORE, Hit, scored_type
from sahel_analysis.model import Document
from sahel_analysis.sentences import sentence_at

MAX_QUOTE = 240
_WORD = re.compile(r"[^\W\d_]{2,}")


# a relative date read against a bound: the first day's reading may start this much before the
# bound (``vorige week`` in a month) for the union of both readings to hold
_BOUND_LEAD = dt.timedelta(days=14)
# a day-precise relative date (``maandag``, ``gisteren``) whose readings span more than this says
# no day of the bound (a weekday in a document known only by its year): no date
_DAY_SPREAD = dt.timedelta(days=62)


def dates(doc: Document) -> list[DateMatch]:
    """Dates of the document; where its date is only a bound (a month, a year), a relative date
    resolved against the bound's first and last day gives the union of both windows, as long as
    both fall around the bound (``gisteren``, ``vorige week``); else the reading against the last
    day holds; the union of two day-precise readings is days, not open (a day of the bound's
    weeks, as fine as the text can be). A day-precise relative date against a bound longer than
    about a month is none.
    Found once per document."""
    if "events:dates" not in doc.memo:
        doc.memo["events:dates"] = _dates(doc)
    return doc.memo["events:dates"]


def _dates(doc: Document) -> list[DateMatch]:
    window = doc.date_window
    if not window or window[0] == window[1]:
        return find_dates(doc.text, doc.ref_date)
    scan = DateScan(doc.text)  # folded and scanned once, read against both days of the bound
    late = scan.dates(window[1])
    if not any(m.relative for m in late):
        return late  # nothing read against the bound: the first day cannot change a window
    early = {(m.start, m.end): m for m in scan.dates(window[0]) if m.relative}
    out = []
    for m in late:
        other = early.get((m.start, m.end)) if m.relative else None
        if other is not None and other.window != m.window and other.window.start >= window[0] - _BOUND_LEAD:
            start, end = min(other.window.start, m.window.start), max(other.window.end, m.window.end)
            days = m.window.precision in ("day", "days")
            if days and end - start > _DAY_SPREAD:
                continue
            m = DateMatch(m.start, m.end, m.text, DateWindow(start, end, "days" if days else "open"), True, m.kind,
                          m.counted)
        out.append(m)
    return out


def council_date(doc: Document) -> dt.date | None:
    """The day of the Council meeting a document reports on or announces: the first day-precise
    date right after the Council's name (``Raad Buitenlandse Zaken van 17 juni``), else None."""
    if "events:council" not in doc.memo:
        text = doc.text
        found = next((m for m in dates(doc) if m.window.precision == "day"
                      and (cue("council_named_before").search(text, max(0, m.start - 80), m.start)
                           or cue("council_named_after").match(text, m.end))), None)
        doc.memo["events:council"] = found.window.start if found else None
        doc.memo["events:council_at"] = found.start if found else None
    return doc.memo["events:council"]


def council_place(doc: Document) -> str | None:
    """The country of the city where the Council of :func:`council_date` met, where a sentence
    with a date of that day names one of vocab/events_meeting_places.csv (``... vindt plaats in
    Brussel``)."""
    if "events:council_place" not in doc.memo:
        from sahel_analysis.facts.event_country import meeting_place

        day = council_date(doc)
        places = (meeting_place(doc.text, *sentence_at(doc.text, m.start)) for m in dates(doc)
                  if day is not None and m.window.precision == "day" and m.window.start == day)
        doc.memo["events:council_place"] = next((p for p in places if p), None)
    return doc.memo["events:council_place"]


def clause_of(text: str, s: int, e: int, sent: tuple[int, int]) -> tuple[int, int]:
    """The clause of the sentence that holds ``s..e``: cut at ``;``, ``:``, dashes, some commas."""
    a, b = sent
    if b - a <= MAX_QUOTE:
        return a, b
    start = a
    for cut in cue("clause_cut").finditer(text, a, s):
        start = cut.end()
    end = b
    cut = cue("clause_cut").search(text, e, b)
    if cut:
        end = cut.start()
    if end - start > MAX_QUOTE:  # still long: a window of words around the date
        start = max(start, text.rfind(" ", start, max(start, s - 100)) + 1)
        stop = text.find(" ", min(end, e + 100), end)
        end = stop if stop > 0 else end
    while end > start and text[end - 1] in " ,;:.":
        end -= 1
    return start, end


# --- dates that are no happening: each rule says whether date ``m`` of the sentence is one


@dataclass(frozen=True)
class Sentence:
    doc: Document
    start: int
    end: int

    @cached_property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]


def _in_parens(text: str, s: int, e: int, sent_start: int) -> tuple[int, int] | None:
    """The span of the parenthesis around ``s..e`` within the sentence, or None."""
    open_ = text.rfind("(", sent_start, s)
    if open_ < 0 or text.rfind(")", open_, s) >= 0:
        return None
    close = text.find(")", e)
    if close < 0:
        return None
    return open_, close + 1


def _citation(sent: Sentence, m: DateMatch) -> bool:
    """The date of another paper: in a parenthesis with ``Kamerstuk``/``nr.``/``d.d.``, right
    before ``(Kamerstuk``, or in ``zoals vermeld in de brief van <date>``."""
    text = sent.doc.text
    parens = _in_parens(text, m.start, m.end, sent.start)
    if parens and cue("cite_in_parens").search(text, *parens):
        return True
    if cue("cite_after").match(text, m.end):
        return True
    lo = max(sent.start, m.start - 220)
    if not cue("cite_before_hint").search(text, lo, m.start):
        return False
    return bool(cue("cite_before").search(text[lo : m.start]))


def _in_guillemets(sent: Sentence, m: DateMatch) -> bool:
    """Part of a title in guillemets."""
    text = sent.doc.text
    open_ = text.rfind("«", sent.start, m.start)
    return open_ >= 0 and text.rfind("»", open_, m.start) < 0


def _header_line(sent: Sentence, m: DateMatch) -> bool:
    """A date line of a memo or letter header (``Datum 8 november 2022``, ``Den Haag, ...``), or
    a line that holds the date and at most one word besides."""
    sentence = sent.text
    if cue("header_line").match(sentence):
        return True
    words = _WORD.finditer(sentence.replace(m.text, " "))
    return next(words, None) is None or next(words, None) is None


def _proposed_start(sent: Sentence, m: DateMatch) -> bool:
    """A date from which a proposed change would take effect (``Advies: mandaat per 1 januari
    verlagen``): the start of a period, not a happening."""
    text = sent.doc.text
    effective = (cue("effective").search(text, max(sent.start, m.start - 20), m.start)
                 or cue("effective_in").match(m.text))
    return bool(effective) and bool(cue("proposal").match(text, sent.start))


def _stamp(sent: Sentence, m: DateMatch) -> bool:
    """A stamp of a page or paper: ``Ingediend <date>``, ``Gewijzigd op <date>``, ``<date>,
    bijgewerkt``, ``Vergaderjaar 2023-2024``."""
    text = sent.doc.text
    line_start = text.rfind("\n", 0, m.start) + 1
    before = cue("stamp_before").search(text, max(line_start, m.start - 40), m.start)
    return bool(before) or bool(cue("stamp_after").match(text, m.end))


def _own_date_line(sent: Sentence, m: DateMatch) -> bool:
    """The document's own date line where lines ran together (``... Den Haag, 17 maart 2020``,
    ``Datum 1 november 2013`` inside a longer line)."""
    return bool(cue("own_date_before").search(sent.doc.text, max(sent.start, m.start - 20), m.start))


_MAX_BYLINE_WORDS = 3


def _byline(sent: Sentence, m: DateMatch) -> bool:
    """A byline or stamp: a date with a clock time on a line of few other words (``Door ANP -
    <date>, 17:06``)."""
    text = sent.doc.text
    if not cue("clock_after").match(text, m.end):
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].replace(m.text, " ")
    return len(_WORD.findall(line)) <= _MAX_BYLINE_WORDS


def _document_of_date(sent: Sentence, m: DateMatch) -> bool:
    """``het verzoek van de commissie van <date>``, ``de agenda van de Raad van <date>``: a paper
    named by its date."""
    text = sent.doc.text
    if not cue("document_hint").search(text[max(sent.start, m.start - 8) : m.start]):
        return False
    return bool(cue("document_of_date").search(text[max(sent.start, m.start - 140) : m.start]))


def _year_in_a_name(sent: Sentence, m: DateMatch) -> bool:
    """A bare year that names a plan (``Strategie 2030``, ``prioriteiten voor 2023 en 2024``)."""
    if m.window.precision not in ("year", "years"):
        return False
    text = sent.doc.text
    return bool(cue("year_in_a_name").search(text[max(sent.start, m.start - 60) : m.start]))


def _year_of_origin(sent: Sentence, m: DateMatch) -> bool:
    """The year a thing comes from (``de uit 2013 stammende missie``)."""
    text = sent.doc.text
    return (m.window.precision == "year" and bool(cue("origin_after").match(text, m.end))
            and bool(cue("origin_around").search(text[max(sent.start, m.start - 8) : m.start])))


def _coverage_period(sent: Sentence, m: DateMatch) -> bool:
    """The period a report covers (``informeert u over ... in de periode van mei tot oktober``)."""
    text = sent.doc.text
    if not cue("coverage_hint").search(text[max(sent.start, m.start - 30) : m.start]):
        return False
    return bool(cue("coverage_before").search(text[max(sent.start, m.start - 260) : m.start]))


NOT_HAPPENING: tuple[tuple[str, Callable[[Sentence, DateMatch], bool]], ...] = (
    ("citation", _citation),
    ("in-guillemets", _in_guillemets),
    ("header-line", _header_line),
    ("proposed-start", _proposed_start),
    ("stamp", _stamp),
    ("own-date-line", _own_date_line),
    ("byline", _byline),
    ("document-of-date", _document_of_date),
    ("year-in-a-name", _year_in_a_name),
    ("coverage-period", _coverage_period),
    ("year-of-origin", _year_of_origin),
)


def not_happening(sent: Sentence, m: DateMatch) -> str | None:
    """The name of the first rule that says date ``m`` dates no happening, or None."""
    return next((name for name, rule in NOT_HAPPENING if rule(sent, m)), None)


def hypothetical_sentence(sentence: str) -> bool:
    """A sentence that opens with a condition (``Indien ...``, ``Mocht ...``) states no happening."""
    return bool(cue("hypothetical").match(sentence))


def coarse(m: DateMatch) -> bool:
    return m.window.precision in ("year", "years", "half", "open")


def drop_covering_years(matches: list[DateMatch]) -> list[DateMatch]:
    """Without the bare years that only cover a finer date of the same sentence (``Van 17 tot en
    met 28 februari ... oefening Flintlock 2020``): the finer date dates the happening."""
    if len(matches) < 2:
        return matches
    fine = [o for o in matches if not coarse(o)]
    return [m for m in matches
            if not (m.kind == "point" and m.window.precision == "year"
                    and any(m.window.start <= o.window.start and o.window.end <= m.window.end for o in fine))]


# --- one happening read off one date or two joined


@dataclass(frozen=True)
class Reading:
    """A date (or two joined) read as a happening: its first and last date, its window, the rule
    that read it, its clause, and how many dates of the sentence it took."""

    first: DateMatch
    last: DateMatch
    window: tuple[dt.date, dt.date]
    rule: str
    clause: tuple[int, int]  # the quote's clause (for a period: to the end of its second date's)
    taken: int
    first_clause: tuple[int, int]  # the clause of the first date: where decision words count


def next_day_of(text: str, m: DateMatch, nxt: DateMatch) -> dt.date | None:
    """The day right after (or two after) day ``m`` that ``nxt`` names where the two are joined as
    one span (``30 september-1 oktober``, ``nacht van 30 september op 1 oktober``), else None.
    Where the day number was left outside ``nxt`` (``-1 oktober`` read as the month), it is read
    from the gap."""
    if m.window.precision != "day" or m.kind != "point" or nxt.kind != "point":
        return None
    gap = cue("night_gap").fullmatch(text, m.end, nxt.start)
    if gap is None:
        return None
    if gap.group("day") and nxt.window.precision == "month":
        try:
            day = dt.date(nxt.window.start.year, nxt.window.start.month, int(gap.group("day")))
        except ValueError:
            return None
    elif nxt.window.precision == "day" and not gap.group("day"):
        day = nxt.window.start
    else:
        return None
    return day if 0 < (day - m.window.end).days <= 2 else None


def _night_range(text: str, m: DateMatch, nxt: DateMatch | None, sent: tuple[int, int]) -> Reading | None:
    """``in de nacht van 30 september op 1 oktober``, ``30 september-1 oktober``: one span."""
    night = next_day_of(text, m, nxt) if nxt is not None else None
    if night is None:
        return None
    clause = clause_of(text, m.start, m.end, sent)
    return Reading(m, nxt, (m.window.start, night), "joined-days", clause, 2, clause)


def _since_until(text: str, m: DateMatch, nxt: DateMatch | None, sent: tuple[int, int]) -> Reading | None:
    """``vanaf X ... tot en met Y``: one period."""
    if not (m.kind == "since" and nxt is not None and nxt.kind == "until" and nxt.start - m.end < 80):
        return None
    cs, ce = clause_of(text, m.start, m.end, sent)
    ce = max(ce, clause_of(text, nxt.start, nxt.end, sent)[1])
    return Reading(m, nxt, (m.window.start, nxt.window.end), "since-until-period", (cs, ce), 2,
                   clause_of(text, m.start, m.end, sent))


def _one_date(text: str, m: DateMatch, nxt: DateMatch | None, sent: tuple[int, int]) -> Reading:
    clause = clause_of(text, m.start, m.end, sent)
    return Reading(m, m, (m.window.start, m.window.end), "dated-" + m.kind, clause, 1, clause)


PAIRING_RULES: tuple[Callable[[str, DateMatch, DateMatch | None, tuple[int, int]], Reading | None], ...] = (
    _night_range, _since_until, _one_date,
)


def read_dates(text: str, m: DateMatch, nxt: DateMatch | None, sent: tuple[int, int]) -> Reading:
    """The reading of date ``m`` (and ``nxt`` where the two join) by the first pairing rule."""
    for rule in PAIRING_RULES:
        found = rule(text, m, nxt, sent)
        if found is not None:
            return found
    raise AssertionError("the last pairing rule always answers")


_UNTIL_READINGS = frozenset({"until-before", "decision-until", "until-deadline"})
SKIP = "skip"  # an until-rule's answer: the date is no happening of its own


def _before_word(m: DateMatch) -> bool:
    """Does until-date ``m`` open with a word that means before it (``voor juli``)?"""
    return cue("until_before_word").fullmatch(m.text.split()[0]) is not None


def _until_before(text: str, r: Reading, matches: list[DateMatch], doc_start: dt.date) -> Reading | str | None:
    """``voor juli 2024``: from the document's date to the day before (``gepland voor mei`` is May)."""
    m = r.last
    if not _before_word(m) or doc_start >= m.window.start:
        return None
    if cue("planned_for").search(text, max(0, m.start - 20), m.start):
        return None
    return replace(r, window=(doc_start, m.window.start - dt.timedelta(days=1)), rule="until-before")


def _decision_until(text: str, r: Reading, matches: list[DateMatch], doc_start: dt.date) -> Reading | str | None:
    """A decision (``besloten``, ``verlengen``) with an end date: from the document's date to the
    end; where the decision has its own date before (``besloot vorig jaar ... tot en met 2025``),
    the end date is none."""
    m = r.last
    cs, ce = r.first_clause
    if not cue("decision").search(text[cs:ce]) or doc_start > m.window.end:
        return None
    if any(o.kind == "point" and r.clause[0] <= o.start and o.end <= m.start for o in matches):
        return SKIP
    return replace(r, window=(min(doc_start, r.window[0]), m.window.end), rule="decision-until")


def _deadline(text: str, r: Reading, matches: list[DateMatch], doc_start: dt.date) -> Reading | str | None:
    """A deadline (``uiterlijk 31 december``), or ``voor het eind van dit jaar`` said within that
    period: from the document's date to the deadline's end."""
    m = r.last
    by = cue("deadline_word").fullmatch(m.text.split()[0]) or (_before_word(m) and m.window.start <= doc_start)
    if not by or doc_start > m.window.end:
        return None
    return replace(r, window=(doc_start, m.window.end), rule="until-deadline")


UNTIL_RULES: tuple[Callable[[str, Reading, list[DateMatch], dt.date], Reading | str | None], ...] = (
    _until_before, _decision_until, _deadline,
)


def read_until(text: str, r: Reading, matches: list[DateMatch], doc_start: dt.date | None) -> Reading | None:
    """``r`` as the first until-rule reads it where it ends on an until-date; None where a rule
    says it is no happening."""
    if r.last.kind != "until" or doc_start is None:
        return r
    for rule in UNTIL_RULES:
        found = rule(text, r, matches, doc_start)
        if found is not None:
            return None if found == SKIP else found  # type: ignore[return-value]
    return r


def coarse_without_cue(doc: Document, r: Reading, hits: list[Hit]) -> bool:
    """A year (or coarser), not read by an until-rule, whose clause names no event and has no
    happening verb: a figure ``in 2018``, not a happening."""
    if not coarse(r.last) or r.rule in _UNTIL_READINGS:
        return False
    _, score = scored_type(hits, r.clause)
    cs, ce = r.first_clause
    return score < MIN_TYPE_SCORE and not has_verb(doc, cs, ce)
