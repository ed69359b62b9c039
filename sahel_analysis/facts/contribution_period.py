"""The period of a contribution figure.

- the date in the figure's own clause (sahel_analysis.facts.spans.period_near); a decision (cue
  ``extend``: ``verlengen``, or a stated duration) ``tot (en met) <date>`` gives the period from its
  start to that date: the date minus the duration (``met 9 maanden``), else the day after the current
  mandates run out as the document said before (cue ``expires``), else the document's date;
- a figure without a date of its own inherits the period of its nearest governing context: its list
  lead-ins (nearest first), for a sentence that names a mandate or refers back an earlier sentence of
  its paragraph, its section heading, the document's title. A context states a period only by a year
  after ``in``/``gedurende``, a framed range or a decision; a sentence of the present (cue ``present``)
  takes a period from its lead-ins only;
- a current mandate (``Huidig mandaat: 12 pax``) ends when the document says the mandates run out;
  a figure of a mission with a decided range (``het besluit om van <dag> tot en met <dag> bij te
  dragen aan <missie>``) holds for that range.
Each case is a named rule (:data:`DATED_RULES`, :data:`UNDATED_RULES`)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, cached_property

from sahel_analysis.dates import find_dates
from sahel_analysis.facts.contribution_rules import Figure
from sahel_analysis.facts.contribution_vocab import alternation, combined_name, word_set
from sahel_analysis.facts.ordered import first_answer
from sahel_analysis.facts.spans import (
    AND_GAP,
    alias_pattern,
    cue_pattern,
    cues,
    iso_day,
    period_near,
    sentence_dates,
)
from sahel_analysis.model import Document
from sahel_analysis.numbers import find_numbers
from sahel_analysis.sentences import section_of, sentence_flags, sentences_of
from sahel_analysis.vocab import entities_of

Period = tuple[dt.date, dt.date]
Result = tuple[str | None, str | None, str | None]  # ISO start, ISO end, kind cue of the context

_DURATION = re.compile(
    rf"\b(?:{alternation('duration_prep')})\s+(?:(?:{alternation('duration_frame')})\s+)?(?P<n>\w+)\s+"
    rf"(?P<unit>{alternation('duration_month')}|{alternation('duration_year')})\b",
    re.IGNORECASE,
)
_YEARS = word_set("duration_year")
_ONE = word_set("one")
_YEAR_IN = re.compile(rf"\b(?:{alternation('year_frame')})\s+$", re.IGNORECASE)
_RANGE_WORD = re.compile(rf"(?:{alternation('range_word')})\b", re.IGNORECASE)
_DATE_PREP = re.compile(rf"\b(?:{alternation('date_prep')})\s*$", re.IGNORECASE)
_FROM_DAY = re.compile(rf"\b(?:{alternation('from_day', spaced=False)})\s+\d{{1,2}}\s+\w+\s+\d{{4}}\b[^,;:]*$",
                       re.IGNORECASE)
_EN_VERB = re.compile(rf"\b(?:{alternation('and')})\s+", re.IGNORECASE)
_RANGE_FROM = re.compile(rf"\b(?:{alternation('range_from')})\s+\d", re.IGNORECASE)
_MISSION_KINDS = ("mission", "programme")
_DATE_ERRORS = (ValueError, OverflowError)  # a date the calendar lacks: no period, never fatal


# ------------------------------------------------------------------------------ pure helpers
def duration_months(text: str) -> int | None:
    """Months of the first duration in ``text`` (``met 9 maanden``, ``met een jaar``,
    ``voor de periode van achttien maanden``), else None."""
    for m in _DURATION.finditer(text):
        word = m["n"].lower()
        if word in _ONE:
            n = 1
        else:
            found = find_numbers(word)
            if not found or found[0].text.lower() != word or found[0].value != int(found[0].value):
                continue
            n = int(found[0].value)
        return n * (12 if m["unit"].lower() in _YEARS else 1)
    return None


def minus_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months back (the day clipped to the month's end)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def decision_start(end: dt.date, text: str, fallback: dt.date | None) -> dt.date | None:
    """First day of a decided period that ends on ``end``: ``end`` minus the duration stated in
    ``text`` (``met 9 maanden``), else ``fallback`` (the day after the current mandate ends,
    or the document's date) where that lies before ``end``."""
    months = duration_months(text)
    if months:
        return minus_months(end + dt.timedelta(days=1), months)
    if fallback and fallback <= end:
        return fallback
    return None


def is_decision(text: str) -> bool:
    """Does ``text`` decide on a period (an extension cue or a stated duration)?"""
    return bool(cue_pattern("extend").search(text) or duration_months(text))


def text_period(text: str, ref: dt.date | None, fallback: dt.date | None = None) -> Period | None:
    """The period a context line (list lead-in, earlier sentence, heading, title) states:
    a range (``van .. tot ..``, ``in de periode 2030-2032``), a year after ``in``/``gedurende``,
    or a decided period (``verlenging ... met 9 maanden tot en met <date>``); else None.
    A day, a month, ``na <jaar>`` or ``sinds ..`` is no period for the figures under it."""
    try:
        found = find_dates(text, ref)
    except _DATE_ERRORS:
        return None
    for i, d in enumerate(found):
        period = _date_period(text, found, i, d, fallback)
        if period:
            return period
    return None


def _date_period(text: str, found: list, i: int, d, fallback: dt.date | None) -> Period | None:  # noqa: ANN001
    """The period that date ``d`` (the ``i``-th of ``found`` in ``text``) states for a context, else None."""
    w = d.window
    framed = bool(_YEAR_IN.search(text, 0, d.start))
    if d.kind == "range" and (framed or _RANGE_WORD.match(d.text)):
        return w.start, w.end
    if d.kind == "point" and w.precision == "year" and (framed or _bare_decision_year(text, d)):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt is not None and nxt.kind == "point" and nxt.window.precision == "year"
                and AND_GAP.fullmatch(text[d.end : nxt.start])):  # "in 2021 en 2022": both years
            return w.start, nxt.window.end
        return w.start, w.end
    if d.kind == "until" and is_decision(text):
        start = decision_start(w.end, text, fallback)
        if start:
            return start, w.end
    return None


def _bare_decision_year(text: str, d) -> bool:  # noqa: ANN001 - a found date
    """A bare year at the very end of a decision's title (``Verlenging nationale mandaten ... 2020``)."""
    return not text[d.end :].strip(" .") and cue_pattern("extend").match(text.lstrip()) is not None


def cue_kind(text: str) -> str | None:
    """The kind a context line's cue states (``mandate``, ``planned``, ``decision``: the government
    decides on a contribution), else None."""
    if cue_pattern("mandate").search(text):
        return "mandate"
    if cue_pattern("planned").search(text):
        return "planned"
    if cue_pattern("decision").search(text):
        return "decision"
    return None


# ------------------------------------------------------------------------------ expiries
def expiries(doc: Document) -> list[tuple[int, dt.date]]:
    """(position, last day) of the document's statements that current mandates run out
    (``de nationale mandaten ... lopen eind maart <jaar> af``), found once per document."""
    memo = doc.memo.get("contribution_expiries")
    if memo is not None:
        return memo
    out: list[tuple[int, dt.date]] = []
    words = tuple(cues().get("mandate", []))
    flags = sentence_flags(doc, "contribution_mandate", _scan_rx(words), needles=_first_letters(words))
    text = doc.text
    for i, (s, e) in enumerate(sentences_of(doc)):
        if flags is not None and not flags[i]:
            continue
        if not cue_pattern("mandate").search(text, s, e) or not _expiry_words().search(text, s, e):
            continue
        day = _expiry_day(doc, s, e)
        if day is not None:
            out.append((s, day))
    doc.memo["contribution_expiries"] = out
    return out


def _expiry_day(doc: Document, s: int, e: int) -> dt.date | None:
    """The last day of mandates sentence ``[s, e)`` says run out (its first day's end), else None."""
    try:
        found = sentence_dates(doc, s, e)
    except _DATE_ERRORS:
        return None
    points = [d for d in found if d.kind == "point"]
    if not points:
        return None
    text = doc.text
    bare, last = [], s
    for d in found:  # the sentence with its dates cut out: "lopen (op) <date> af" reads "lopen af"
        bare.append(_DATE_PREP.sub("", text[last : s + d.start]))
        last = s + d.end
    bare.append(text[last:e])
    if cue_pattern("expires").search(" ".join(" ".join(bare).split())):
        return points[0].window.end
    return None


@cache
def _scan_rx(words: tuple[str, ...]) -> re.Pattern[str]:
    """A fast whole-document prefilter for ``words`` in the lower-cased text: plain alternatives
    first (so re can skip ahead by their first letters), no look-behind; it finds a superset of
    the exact cue matches, which callers still check."""
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile("(?:" + ("|".join(alias_pattern(w) for w in alts) or "(?!)") + r")(?!\w)")


@cache
def _first_letters(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """What every match of :func:`_scan_rx` of ``words`` starts with: each word's letters up to its
    first space or quote (lower case); None where a word starts with one."""
    firsts = tuple(re.split(r"[\s'’]", w.lower(), maxsplit=1)[0] for w in words)
    return None if not all(firsts) else firsts


@cache
def _expiry_words() -> re.Pattern[str]:
    """Any word of an ``expires`` cue: a sentence without one states no expiry (a prefilter)."""
    words = sorted({w for cue in cues().get("expires", []) for w in cue.split()}, key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + ("|".join(map(re.escape, words)) or "(?!)") + r")(?![\w])", re.IGNORECASE)


def fallback_start(doc: Document, pos: int) -> dt.date | None:
    """Start of a newly decided period: the day after the last mandate expiry stated before
    ``pos``, else the document's date."""
    before = [day for at, day in expiries(doc) if at < pos]
    if before:
        return before[-1] + dt.timedelta(days=1)
    return doc.ref_date


# ------------------------------------------------------------------------------ context
def is_list_item(line: str) -> bool:
    return line.lstrip()[:1] in ("-", "–", "•", "*") or bool(_NUMBERED.match(line))


_NUMBERED = re.compile(r"\s*\d+[.)]\s")


def lead_ins(text: str, s: int) -> list[tuple[int, int]]:
    """Spans of the lead-in lines (ending in ``:``) that govern the line of position ``s``,
    nearest first: walking up through list items and lead-ins, up to a heading or a plain
    paragraph. Only a list item, or a line right after a lead-in, has lead-ins."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", s)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    out: list[tuple[int, int]] = []
    cursor = line_start
    items = is_list_item(line)  # may the walk still pass list items?
    for _ in range(30):
        if cursor <= 0:
            break
        prev_start = text.rfind("\n", 0, cursor - 1) + 1
        prev = text[prev_start : cursor - 1].rstrip()
        listed = is_list_item(prev)
        if prev.endswith(":"):
            out.append((prev_start, prev_start + len(prev)))
            items = items and listed  # above a plain lead-in only more lead-ins govern
        elif not (items and listed):
            break
        cursor = prev_start
    return out


def _last_sentence_start(doc: Document, a: int, b: int) -> int:
    """Start of the sentence of ``doc`` that holds the last character of line ``[a, b)``."""
    sents = sentences_of(doc)
    i = bisect.bisect_right(sents, (b - 1, len(doc.text) + 1)) - 1
    return max(a, sents[i][0]) if i >= 0 else a


def _lead_in_period(doc: Document, a: int, b: int) -> tuple[Period | None, str | None]:
    """Period and kind cue of lead-in line ``[a, b)``: those of its last sentence (a paragraph that
    ends in a lead-in speaks of several things), else of the whole line."""
    text, ref = doc.text, doc.ref_date
    last = _last_sentence_start(doc, a, b)
    for lo in dict.fromkeys((last, a)):
        line = text[lo:b]
        fallback = fallback_start(doc, lo) if is_decision(line) else None  # only a decision needs it
        period = text_period(line, ref, fallback)
        if period or lo == a:
            return period, cue_kind(line)
    return None, None


def _context_sources(doc: Document, s: int, e: int, back: bool) -> list[tuple[str, int, str]]:
    """(name, position, text) of the contexts after the lead-ins, nearest first: the earlier
    sentences of the paragraph (for a sentence that names a mandate or refers ``back``), the
    section heading, the document's title."""
    text = doc.text
    out: list[tuple[str, int, str]] = []
    if back or cue_pattern("mandate").search(text, s, e):
        line_start = text.rfind("\n", 0, s) + 1
        sents = sentences_of(doc)
        i = bisect.bisect_right(sents, (s, e)) - 1
        while i > 0 and sents[i - 1][0] >= line_start:
            i -= 1
            out.append(("paragraph", sents[i][0], text[sents[i][0] : sents[i][1]]))
    out += [("heading", s, section_of(text, s)), ("title", s, doc.title or "")]
    return out


def context_period(
    doc: Document, s: int, e: int, back: bool = False
) -> tuple[str | None, str | None, str | None, str | None]:
    """Period (ISO start, end), kind cue and source (``lead-in``, ``paragraph``, ``heading``,
    ``title``, else None) that sentence ``[s, e)`` inherits from its context, where it has no date
    of its own: the nearest list lead-in that states a period, then (for a sentence that names a
    mandate or ceiling) an earlier sentence of its paragraph, then the section heading, then the
    document's title. A sentence that speaks of the present (``inmiddels``, ``huidige``) takes a
    period from its list lead-ins only. The kind cue is the nearest one of the lead-ins, else the
    one of the context that gave the period. ``back``: the sentence refers back (``Het betreft
    ...``) and may take an earlier sentence's period."""
    text = doc.text
    memo = doc.memo.setdefault("contribution_context", {})
    present = bool(cue_pattern("present").search(text, s, e))
    line_start = text.rfind("\n", 0, s) + 1
    # a present-tense sentence after a list item on its line ("Daarnaast zijn ... werkzaam") is not the item
    leads = [] if present and text[line_start:s].strip(" -–•*") else lead_ins(text, s)
    kind: str | None = None
    for a, b in leads:
        key = ("line", a)
        if key not in memo:
            memo[key] = _lead_in_period(doc, a, b)
        period, cue = memo[key]
        kind = kind or cue
        if period:
            return iso_day(period[0]), iso_day(period[1]), kind, "lead-in"
    if present:
        return None, None, kind, None
    for name, at, source in _context_sources(doc, s, e, back):
        if not source:
            continue
        fallback = fallback_start(doc, at) if is_decision(source) else None  # only a decision needs it
        key = ("text", source, fallback)
        if key not in memo:
            memo[key] = (text_period(source, doc.ref_date, fallback), cue_kind(source))
        period, cue = memo[key]
        if period:
            return iso_day(period[0]), iso_day(period[1]), kind or cue, name
    return None, None, kind, None


# ------------------------------------------------------------------------------ the figure's period
@dataclass
class _Case:
    """A figure and the date its own clause gives (``start``, ``end``: ISO, None where none)."""

    f: Figure
    start: str | None
    end: str | None

    @cached_property
    def present(self) -> bool:
        return bool(cue_pattern("present").search(self.f.text, self.f.s, self.f.e))

    @cached_property
    def context(self) -> tuple[str | None, str | None, str | None, str | None]:
        f = self.f
        text = f.text
        back = bool(cue_pattern("refers_back").match(text, _skip_space(text, f.s))
                    or cue_pattern("refers_back_any").search(text, f.s, f.n.start))
        return context_period(f.doc, f.s, f.e, back)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _from_context(source: str):  # noqa: ANN202 - a rule
    def rule(c: _Case) -> Result | None:
        start, end, kind, got = c.context
        return (start, end, kind) if got == source and (start or end) else None
    return rule


def _current_mandate_expiry(c: _Case) -> Result | None:
    """``Huidig mandaat: 8 pax``: a present mandate ends when the mandates run out."""
    f = c.f
    if c.present and cue_pattern("mandate").search(f.text, f.s, f.e):
        return None, _current_expiry(f.doc, f.s, f.mission or ""), c.context[2]
    return None


def _present_no_period(c: _Case) -> Result | None:
    """A figure of the present takes no period from beyond its lead-ins."""
    return (None, None, c.context[2]) if c.present else None


def _decided_period_rule(c: _Case) -> Result | None:
    """A country's figure holds for its mission's decided range."""
    f = c.f
    if f.contributor == "ALL":
        return None
    decided = decided_period(f.doc, f.named or f.mission or "", f.s)
    return (iso_day(decided[0]), iso_day(decided[1]), c.context[2]) if decided else None


def _no_period(c: _Case) -> Result:
    return None, None, c.context[2]


UNDATED_RULES = (
    ("lead-in", _from_context("lead-in")),
    ("paragraph", _from_context("paragraph")),
    ("heading", _from_context("heading")),
    ("title", _from_context("title")),
    ("current-mandate-expiry", _current_mandate_expiry),
    ("present-no-period", _present_no_period),
    ("decided-period", _decided_period_rule),
    ("none", _no_period),
)


def _from_day(c: _Case) -> Result | None:
    """``per 1 januari <jaar> verlagen naar 9 pax``: from that day to the end of its context period
    (rule ``from-day-to-context-end``), else from that day on."""
    f = c.f
    if not (c.end == c.start and c.start and _FROM_DAY.search(f.text, max(f.s, f.n.start - 200), f.n.start)):
        return None
    c_start, c_end, kind, _source = context_period(f.doc, f.s, f.e)
    if c_start and c_end and c_start <= c.start <= c_end:
        return c.start, c_end, kind
    return c.start, None, None


def _from_day_to_context_end(c: _Case) -> Result | None:
    got = _from_day(c)
    return got if got is not None and got[1] is not None else None


def _from_day_open(c: _Case) -> Result | None:
    got = _from_day(c)
    return got if got is not None and got[1] is None else None


def _since_not_whole_strength(c: _Case) -> Result | None:
    """``sinds ..`` dates someone's role, not a whole mission's strength."""
    return (None, None, None) if c.f.contributor == "ALL" and c.end is None else None


def _decision_until(c: _Case) -> Result | None:
    """``verlengen tot en met <date>``: from the decided start to that date."""
    f = c.f
    sentence = f.text[f.s : f.e]
    if c.start is None and is_decision(sentence):
        day = decision_start(dt.date.fromisoformat(c.end), sentence, fallback_start(f.doc, f.s))
        return iso_day(day), c.end, None
    return None


def _same_clause(c: _Case) -> Result:
    return c.start, c.end, None


DATED_RULES = (
    ("from-day-to-context-end", _from_day_to_context_end),
    ("from-day-open", _from_day_open),
    ("since-not-whole-strength", _since_not_whole_strength),
    ("decision-until", _decision_until),
    ("same-clause", _same_clause),
)


def figure_period(f: Figure) -> tuple[Result, str]:
    """(ISO start, ISO end, the kind cue of the context it came from) of figure ``f``, and the rule."""
    sub = _own_clause_start(f.text, f.s, f.n.start)
    start, end = period_near(f.doc, sub, f.e, f.n.start, f.n.end)
    case = _Case(f, start, end)
    rules = UNDATED_RULES if start is None and end is None else DATED_RULES
    return first_answer(rules, case)


def _own_clause_start(text: str, s: int, pos: int) -> int:
    """Start of the coordinated clause that holds ``pos`` where a sentence joins two verbs
    (``De missie begon in 2013 en telde ...``): a date of the first clause does not date the figure."""
    start = s
    for m in _EN_VERB.finditer(text, s, pos):
        if cue_pattern("strength").match(text, m.end()):
            start = m.end()
    return start


def _current_expiry(doc: Document, s: int, mission: str) -> str | None:
    """End of a current mandate (``Huidig mandaat: 12 pax``): the last day of the nearest statement
    before ``s`` that the mandates run out (``lopen op 31 december a.s. af``) and that names the
    figure's mission or none."""
    ents = entities_of(doc)
    sents = sentences_of(doc)
    for at, day in reversed(expiries(doc)):
        if at >= s:
            continue
        i = bisect.bisect_right(sents, (at, len(doc.text) + 1)) - 1
        end = sents[i][1] if i >= 0 else at
        names = {x.canonical for x in ents.between(at, end) if x.kind in _MISSION_KINDS}
        if not names or mission in names or combined_name(mission) in names:
            return iso_day(day)
    return None


def decided_period(doc: Document, mission: str, s: int) -> Period | None:
    """The period of the first decision before ``s`` to contribute to ``mission`` over a framed range
    (``het besluit om van <dag> tot en met <dag> een bijdrage te leveren aan <missie>``): a figure of
    that mission with no period of its own holds for it."""
    memo = doc.memo.setdefault("contribution_decided", {})
    if mission not in memo:
        memo[mission] = _first_decision(doc, mission)
    return next((p for at, p in memo[mission] if at < s), None)


def _first_decision(doc: Document, mission: str) -> list[tuple[int, Period]]:
    found: list[tuple[int, Period]] = []
    text, sents = doc.text, sentences_of(doc)
    for x in entities_of(doc):
        if x.kind not in _MISSION_KINDS or x.canonical != mission:
            continue
        i = bisect.bisect_right(sents, (x.start, len(text) + 1)) - 1
        if i < 0 or (found and found[-1][0] == sents[i][0]):
            continue
        a, b = sents[i]
        # the cheap range test first: both are plain searches, only their conjunction counts
        if _RANGE_FROM.search(text, a, b) and cue_pattern("contribution").search(text, a, b):
            period = _range_period(doc, a, b)
            if period:
                found.append((a, period))
                break  # the first decision is the letter's own
    return found


def _range_period(doc: Document, a: int, b: int) -> Period | None:
    """The first framed range (``van 1 mei 2027 tot en met 31 december 2028``) in sentence ``[a, b)``."""
    try:
        found = sentence_dates(doc, a, b)
    except _DATE_ERRORS:
        return None
    for d in found:
        if d.kind == "range" and _RANGE_WORD.match(d.text) and d.window.start and d.window.end:
            return d.window.start, d.window.end
    return None
