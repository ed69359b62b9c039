"""Events: dated happenings stated in a document (something that took place, or is announced).

Each decision is an ordered list of small named rules, the first that answers winning, and each
row's ``rule`` names them: ``happening:<rule>; type:<rule>; country:<rule>; actors:<rule>;
status:<rule>``.

- whether a date dates a happening, and its window: :mod:`sahel_analysis.facts.event_happening`;
- its type (trigger words of vocab/events.csv, narrow span to wide):
  :mod:`sahel_analysis.facts.event_type`;
- its actors and country: :mod:`sahel_analysis.facts.event_country`;
- whether it happened, is announced or hypothetical: :mod:`sahel_analysis.facts.event_status`;
- one id for the rows of one happening across sentences and documents:
  :mod:`sahel_analysis.facts.event_ids` (given when the tables are written).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from itertools import compress

from sahel_analysis.dates import DateMatch
from sahel_analysis.facts.event_country import actors_country
from sahel_analysis.facts.event_cues import cue, cue_in, cue_parts
from sahel_analysis.facts.event_happening import (
    MAX_QUOTE,
    Reading,
    Sentence,
    coarse_without_cue,
    council_date,
    dates,
    drop_covering_years,
    hypothetical_sentence,
    not_happening,
    read_dates,
    read_until,
)
from sahel_analysis.facts.event_status import event_status
from sahel_analysis.facts.event_triggers import trigger_hits
from sahel_analysis.facts.event_type import EVENT_TYPES, Hit, NamedSpan, event_type
from sahel_analysis.model import Document
from sahel_analysis.sentences import sentence_flags, sentences_of
from sahel_analysis.vocab import Entity, entities_in

__all__ = ["EVENT_TYPES", "LABELS", "extract"]

LABELS = {
    "coup": "coup",
    "attack": "attack",
    "national_mandate": "national mandate decision",
    "un_mandate": "UN mandate decision",
    "eu_decision": "EU decision",
    "withdrawal": "withdrawal",
    "handover": "handover",
    "agreement": "agreement",
    "election": "election",
    "diplomatic": "diplomatic event",
    "exercise": "exercise",
    "other": "event",
}

_ANTECEDENT = re.compile(r"(?:[^\s,;:()]+\s+){0,3}[^\s,;:()]+,$")


def _summary(etype: str, actors: str, country: str, window: tuple[dt.date, dt.date],
             until: bool) -> str:
    label = LABELS.get(etype, "event")
    who = actors.split("; ")[:3]
    parts = [label]
    if who and who[0]:
        parts.append(": " + ", ".join(who))
    if country and etype != "national_mandate":
        parts.append(f" in {country}")
    if until:
        parts.append(f" until {window[1].isoformat()}")
    else:
        span = window[0].isoformat()
        if window[1] != window[0]:
            span += f"..{window[1].isoformat()}"
        parts.append(f" ({span})")
    return "".join(parts)


def _dates_by_sentence(doc: Document, sentences: list[tuple[int, int]]) -> dict[int, list[DateMatch]]:
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[DateMatch]] = {}
    for m in dates(doc):
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < sentences[i][1]:
            by_sentence.setdefault(i, []).append(m)
    return by_sentence


def _decided_flags(doc: Document) -> list[bool] | None:
    """Per sentence: may it state a dateless decision? (Each hint of vocab/events_cues.csv
    ``decided_hint`` scanned alone: a scan for letters is fast.) None: every sentence may."""
    flags: list[bool] | None = None
    for i, part in enumerate(cue_parts("decided_hint")):
        found = sentence_flags(doc, f"events_decided_{i}", part)
        if found is None:
            return None
        flags = found if flags is None else [a or b for a, b in zip(flags, found, strict=True)]
    return flags


def _council_flags(doc: Document, sentences: list[tuple[int, int]]) -> list[bool]:
    """Per sentence: does it tell a part of the Council meeting (the cues of :func:`_council_part`)?"""
    start, text = cue("council_part_start"), doc.text
    return [start.match(text, s) is not None or cue_in("council_part", doc, s, e) for s, e in sentences]


def extract(doc: Document) -> list[dict]:
    """One row per dated happening in ``doc`` (see the module docstring for the rules)."""
    sentences = sentences_of(doc)
    by_sentence = _dates_by_sentence(doc, sentences)
    decided = _decided_flags(doc)
    todo = set(by_sentence)  # sentences without a date or a decision word make no row
    if _decision_dated(doc):
        todo.update(range(len(sentences)) if decided is None else compress(range(len(sentences)), decided))
    if council_date(doc) is not None:  # a Council report: its undated sentences may tell parts of the meeting
        todo.update(compress(range(len(sentences)), _council_flags(doc, sentences)))
    rows: list[dict] = []
    seen: set[tuple[str, str, str, str]] = set()
    for i in sorted(todo):
        sent = Sentence(doc, *sentences[i])
        if hypothetical_sentence(sent.text):
            continue
        matches = drop_covering_years([m for m in by_sentence.get(i, []) if not_happening(sent, m) is None])
        if not matches:
            rows += _dateless_row(sent, decided is None or decided[i])
            continue
        for row in _dated_rows(sent, matches):
            key = (row["date_start"], row["date_end"], row["event_type"], row["actors"])
            if key not in seen:  # the same happening told again (summary, then details)
                seen.add(key)
                rows.append(row)
    return rows


def _dateless_decision(sent: Sentence, maybe_decided: bool) -> dt.date | None:
    """A decision stated without a date (``is besloten ...``): the document's date."""
    doc = sent.doc
    if not (_decision_dated(doc) and maybe_decided):
        return None
    return doc.date_window[0] if cue("dateless_decision").search(sent.text) else None


_MAX_DATELESS_DAYS = 31


def _decision_dated(doc: Document) -> bool:
    """Can a dateless decision take the document's date: known, or bound to a month?"""
    window = doc.date_window
    return bool(window) and (doc.date_known or (window[1] - window[0]).days < _MAX_DATELESS_DAYS)


def _council_part(sent: Sentence, maybe_decided: bool) -> dt.date | None:
    """A part of the Council meeting a report or agenda is about, told without a date (a
    breakfast before it, what the Council discussed): the meeting's date."""
    day = council_date(sent.doc)
    if day is None:
        return None
    text = sent.doc.text
    told = cue("council_part_start").match(text, sent.start) or cue_in("council_part", sent.doc, sent.start, sent.end)
    return day if told else None


DATELESS_RULES = (("dateless-decision", _dateless_decision), ("council-part", _council_part))


def _dateless_row(sent: Sentence, maybe_decided: bool) -> list[dict]:
    """The row of a sentence without a date that the first dateless rule dates; none where none does."""
    doc = sent.doc
    for name, rule in DATELESS_RULES:
        day = rule(sent, maybe_decided)
        if day is not None:
            span = (sent.start, sent.end)
            window, precision = (day, day), "day"
            if name == "dateless-decision" and not doc.date_known:  # dated by a month: all of it
                window, precision = doc.date_window, "open"
            return [_row(doc, span, None, window, precision, name, trigger_hits(doc, *span), entities_in(doc, *span))]
    return []


def _dated_rows(sent: Sentence, matches: list[DateMatch]) -> list[dict]:
    """The rows of the dates of one sentence, in order (two dates may be read as one)."""
    doc = sent.doc
    text = doc.text
    span = (sent.start, sent.end)
    doc_start = doc.date_window[0] if doc.date_window else None
    hits = trigger_hits(doc, *span)
    ents = entities_in(doc, *span)
    rows = []
    j = 0
    while j < len(matches):
        reading = read_dates(text, matches[j], matches[j + 1] if j + 1 < len(matches) else None, span)
        j += reading.taken
        reading = read_until(text, reading, matches, doc_start)
        if reading is None or coarse_without_cue(doc, reading, hits):
            continue
        rows.append(_reading_row(doc, span, reading, hits, ents))
    return rows


def _reading_row(doc: Document, sent: tuple[int, int], r: Reading, hits: list[Hit],
                 ents: list[Entity]) -> dict:
    m = r.last
    precision = m.window.precision if r.window == (m.window.start, m.window.end) else "open"
    return _row(doc, sent, r.clause, r.window, precision, r.rule, hits, ents,
                until=m.kind == "until", date_span=(r.first.start, m.end))


def _quote_span(text: str, sent: tuple[int, int], clause: tuple[int, int] | None) -> tuple[int, int]:
    """The quoted words: the clause (a dateless sentence: at most MAX_QUOTE characters of it),
    without trailing punctuation or a list item's bullet."""
    cs, ce = clause if clause else sent
    if clause is None and ce - cs > MAX_QUOTE:
        ce = cs + MAX_QUOTE
        while ce > cs and text[ce - 1] != " ":
            ce -= 1
    while ce > cs and text[ce - 1] in " ,;:.":
        ce -= 1
    while cs < ce and text[cs] in "-–•* ":  # a list item's bullet is not part of the quote
        cs += 1
    return cs, ce


def _type_spans(text: str, sent: tuple[int, int], quote: tuple[int, int],
                date_span: tuple[int, int] | None) -> list[NamedSpan]:
    """The spans whose triggers type the event, narrow to wide: the words around the date (cut
    at punctuation), the noun a relative clause after a comma is about, the clause, the sentence."""
    cs, ce = quote
    spans: list[NamedSpan] = [("clause", quote), ("sentence", sent)]
    if date_span is None:
        return spans
    ds, de = date_span
    if text[ds - 1 : ds] == "(":  # a date in brackets belongs to the words before them
        ds -= 1
    if text[de : de + 1] == ")":
        de += 1
    seg_s, seg_e = cs, ce
    for cut in cue("segment_cut").finditer(text, cs, ds):
        seg_s = cut.end()
    cut = cue("segment_cut").search(text, de, ce)
    if cut:
        seg_e = cut.start()
    spans.insert(0, ("segment", (seg_s, seg_e)))
    if seg_s > cs and cue("relative").match(text, seg_s) and text[seg_s - 1] == ",":
        # "de oefening Flintlock, die in februari plaatsvindt": the noun the clause is about
        head = _ANTECEDENT.search(text, max(cs, seg_s - 80), seg_s)
        if head:
            spans.insert(1, ("antecedent", (head.start(), seg_e)))
    return spans


def _row(doc: Document, sent: tuple[int, int], clause: tuple[int, int] | None,
         window: tuple[dt.date, dt.date], precision: str, happening: str,
         hits: list[Hit], ents: list[Entity], until: bool = False,
         date_span: tuple[int, int] | None = None) -> dict:
    text = doc.text
    cs, ce = _quote_span(text, sent, clause)
    etype, type_rule = event_type(hits, _type_spans(text, sent, (cs, ce), date_span), happening)
    actors, country, country_rule = actors_country(doc, cs, ce, etype, ents, happening)
    actors_rule = "named-in-clause" if actors else "none"
    if not actors:
        actors, country2, country_rule2 = actors_country(doc, *sent, etype, ents, happening, country=not country)
        actors_rule = "named-in-sentence" if actors else "none"
        if not country:
            country, country_rule = country2, country_rule2
    status, status_rule = event_status(doc, cs, ce, window, etype)
    return {
        "date_start": window[0].isoformat(),
        "date_end": window[1].isoformat(),
        "precision": precision,
        "status": status,
        "event_type": etype,
        "country": country,
        "actors": actors,
        "summary": _summary(etype, actors, country, window, until),
        "quote": text[cs:ce],
        "start": cs,
        "end": ce,
        "rule": (f"happening:{happening}; type:{type_rule}; country:{country_rule}; actors:{actors_rule}; "
                 f"status:{status_rule}"),
    }
