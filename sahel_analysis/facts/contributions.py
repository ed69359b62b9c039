"""Personnel contributions: a number of people near a mission name.

General rules (vocabulary in sahel_analysis/vocab/*.csv, never in code):
- a *count* is a number followed (within a few modifier words) by a personnel noun from
  vocab/units.csv (``militairen``, ``pax``, ``stafofficieren``, ``Individual Police Officers``)
  or any bare number in a sentence that speaks of ``het aantal <noun>``;
- the mission is the nearest mission name in the sentence, else the last one named before it
  in the paragraph, in the list's lead-in line, or in the section heading;
- contributor: ``ALL`` for a mission's whole strength (``troepenplafond``, ``troepenmacht``,
  ``blauwhelmen``), else the country or demonym that governs the figure, else ``NLD``
  (the documents are the Dutch government's own);
- qualifier, kind: the cue words of vocab/contribution_cues.csv; period: the date in the
  same clause (sahel_analysis.dates).
- a decision (cue ``extend``: ``verlengen``, or a stated duration) ``tot (en met) <date>`` gives
  the period from its start to that date: the start is the date minus the duration
  (``met 9 maanden``, ``met een jaar``), else the day after the current mandates run out as the
  document said before (cue ``expires``: ``lopen eind maart <jaar> af``), else the document's date.
  A ``tot`` date without a decision keeps an open start.
- a figure without a date of its own inherits the period of its nearest governing context:
  1. its list lead-ins (the lines ending in ``:`` above a list item, nearest first);
  2. for a sentence that itself names a mandate or ceiling (``troepenplafond``), an earlier
     sentence of its paragraph;
  3. its section heading; 4. the document's title.
  A context states a period only by a year after ``in``/``gedurende``/``tijdens``, a framed range
  (``van .. tot ..``, ``in de periode 2030-2032``) or a decision as above; a day, a month,
  ``na <jaar>`` or ``sinds ..`` is none, and then the period stays empty. A sentence that speaks of
  the present (cue ``present``: ``inmiddels``, ``huidige``) takes a period from its lead-ins only.
- kind: the sentence's own cue, else the nearest lead-in's cue, else the cue of the context that
  gave the period, else ``planned`` for a period after the document's date, else ``actual``;
  a mandate figure is a ceiling (qualifier ``max``).
- a ``sinds ..`` date does not date a whole mission's strength (contributor ``ALL``).
- the same figure (contributor, mission, component, number) stated with and without a period is
  one row, the one with the period.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache, lru_cache

from sahel_analysis.dates import find_dates
from sahel_analysis.facts.spans import (
    AND_GAP,
    alias_pattern,
    clause_bounds,
    cue_pattern,
    cues,
    date_spans,
    iso_day,
    nearest_cue,
    period_near,
    quote_span,
    sentence_dates,
    span_numbers,
)
from sahel_analysis.model import Document
from sahel_analysis.numbers import NumberMatch, find_money, find_numbers
from sahel_analysis.sentences import (
    find_all,
    is_heading,
    lowered,
    section_of,
    sentence_flags,
    sentences_at,
    sentences_of,
)
from sahel_analysis.vocab import (
    MISSIONS,
    Entities,
    Entity,
    entities_of,
    find_entities,
    read_csv,
    trie_pattern,
)

MISSION_KINDS = ("mission", "programme")
_NATIONS = ("country", "demonym")  # kinds that can contribute (a city cannot)
_STOP = frozenset(
    "de het een van in aan op voor met uit tot bij te om als en of die dat dit deze is zijn"
    " was waren wordt worden jaar jaren maand maanden week weken dag dagen procent keer"
    " miljoen euro dollar uur km kilometer hoeveel".split()
)
_WORD = re.compile(r"[^\W\d][\w’'\-]*|\(|\)|[’']s\b")


# ------------------------------------------------------------------------------ vocabulary
@cache
def _units() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    nouns: list[tuple[str, str]] = []
    phrases: list[tuple[str, str]] = []
    for row in read_csv("units.csv"):
        target = nouns if row["personnel"] == "true" else phrases
        target.append((row["dutch"], row["english"]))
    key = lambda p: -len(p[0])  # noqa: E731 - longest first
    return sorted(nouns, key=key), sorted(phrases, key=key)


_TOKEN = re.compile(r"\w+")


@cache
def _first_words() -> frozenset[str]:
    """Lower-case first words of the personnel nouns, and ``aantal``: a cheap sentence filter."""
    words = {_TOKEN.match(n.lower()).group() for n, _ in _units()[0] if _TOKEN.match(n)}
    return frozenset(words | {"aantal"})


# A character that may be a non-word one (the class holds the lower case of every non-word
# character, and more): the engine skips plain letters fast.
_NON_LETTER = r"[^a-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"
_W1 = re.compile(r"\w")


@cache
def _first_words_rx() -> re.Pattern[str]:
    """A character and, after it, one of :func:`_first_words` as a whole word (group ``w``),
    in lower-case text; the caller checks that the character is not a word character."""
    return re.compile(_NON_LETTER + r"(?=(?P<w>" + trie_pattern(sorted(_first_words())) + r")(?!\w))")


def _has_people_word(sentence: str) -> bool:
    """A word for people (the first word of a personnel noun, or ``aantal``) in ``sentence``."""
    return not _first_words().isdisjoint(_TOKEN.findall(sentence.lower()))


def _people_sentences(doc: Document, sents: list[tuple[int, int]]) -> list[bool]:
    """:func:`_has_people_word` of each sentence, from one scan of the lower-cased document.

    A whole word of the document inside a sentence is a whole word of the sentence (and the
    reverse) where no word runs across the sentence's edges; the other sentences (and one at
    the very start) are checked on their own."""
    text = doc.text
    low = lowered(doc)
    if low is None:  # lower case moves characters: sentence by sentence
        return [_has_people_word(text[s:e]) for s, e in sents]
    n = len(sents)
    flags = [False] * n
    i = -1  # the last sentence that starts at or before the word (matches come in order)
    word_char = _W1.match
    for m in _first_words_rx().finditer(low):
        if word_char(low, m.start()):
            continue  # a word character before it: not a whole word
        pos = m.end()
        while i + 1 < n and sents[i + 1][0] <= pos:
            i += 1
        if i >= 0 and m.end("w") <= sents[i][1]:
            flags[i] = True
    blank, end_blank = _BLANK, _END_BLANK
    for i, (s, e) in enumerate(sents):
        if low[s - 1 : s] in blank and low[e : e + 1] in end_blank:
            continue  # no word runs across its edges
        if not flags[i] and _cuts_word(low, s, e):
            flags[i] = _has_people_word(text[s:e])
    return flags


_BLANK = frozenset(" \n")
_END_BLANK = _BLANK | {""}


def _cuts_word(low: str, s: int, e: int) -> bool:
    """Does span ``[s, e)`` start at 0 or cut a word of ``low`` at one of its edges?"""
    if s == 0 or (_W1.match(low, s - 1) and _W1.match(low, s)):
        return True
    return e < len(low) and bool(_W1.match(low, e) and _W1.match(low, e - 1))


@cache
def _noun_rx() -> re.Pattern[str]:
    alts = "|".join(alias_pattern(n) for n, _ in _units()[0])
    return re.compile(rf"(?:{alts})(?![\w])", re.IGNORECASE)


@cache
def _phrase_rx() -> re.Pattern[str]:
    parts = []
    for p, _ in _units()[1]:
        body = alias_pattern(p)
        parts.append(body if sum(c.isupper() for c in p) >= 2 and " " not in p else f"(?i:{body})")
    return re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])")


def _label(table: list[tuple[str, str]], found: str) -> str:
    norm = " ".join(found.replace("’", "'").split()).lower()
    for dutch, english in table:
        if dutch.replace("’", "'").lower() == norm:
            return english
    return "total"


@lru_cache(maxsize=1024)
def _unit_label(found: str, personnel: bool = True) -> str:
    """:func:`_label` of ``found`` among the personnel nouns (else the phrases), kept."""
    return _label(_units()[0 if personnel else 1], found)


@cache
def _combinations() -> list[tuple[str, str, str]]:
    return [(r["first"], r["second"], r["combined"]) for r in read_csv("mission_combinations.csv")]


# ------------------------------------------------------------------------------ helpers
# ------------------------------------------------------------------------------ context period
_DURATION = re.compile(
    r"\b(?:met|van|voor|gedurende)\s+(?:een\s+periode\s+van\s+)?(?P<n>\w+)\s+(?P<unit>maanden|maand|jaren|jaar)\b",
    re.IGNORECASE,
)
_YEAR_IN = re.compile(r"\b(?:in|gedurende|tijdens|heel|periode)\s+$", re.IGNORECASE)
_RANGE_WORD = re.compile(r"(?:van|tussen)\b", re.IGNORECASE)
Period = tuple[dt.date, dt.date]


def duration_months(text: str) -> int | None:
    """Months of the first duration in ``text`` (``met 9 maanden``, ``met een jaar``,
    ``voor de periode van achttien maanden``), else None."""
    for m in _DURATION.finditer(text):
        word = m["n"].lower()
        if word in ("een", "één"):
            n = 1
        else:
            found = find_numbers(word)
            if not found or found[0].text.lower() != word or found[0].value != int(found[0].value):
                continue
            n = int(found[0].value)
        return n * (12 if m["unit"].lower().startswith("ja") else 1)
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
    except Exception:  # noqa: BLE001 - dates are a bonus, never fatal
        return None
    for i, d in enumerate(found):
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


def _cue_kind(text: str) -> str | None:
    if cue_pattern("mandate").search(text):
        return "mandate"
    if cue_pattern("planned").search(text):
        return "planned"
    return None


def _expiries(doc: Document) -> list[tuple[int, dt.date]]:
    """(position, last day) of the document's statements that current mandates run out
    (``de nationale mandaten ... lopen eind maart <jaar> af``), found once per document."""
    memo = doc.memo.get("contribution_expiries")
    if memo is not None:
        return memo
    out: list[tuple[int, dt.date]] = []
    flags = sentence_flags(doc, "contribution_mandate", _scan_rx(tuple(cues().get("mandate", []))))
    text = doc.text
    for i, (s, e) in enumerate(sentences_of(doc)):
        if flags is not None and not flags[i]:
            continue
        if not cue_pattern("mandate").search(text, s, e) or not _expiry_words().search(text, s, e):
            continue
        try:
            found = sentence_dates(doc, s, e)
        except Exception:  # noqa: BLE001
            continue
        points = [d for d in found if d.kind == "point"]
        if not points:
            continue
        bare, last = [], s
        for d in found:  # the sentence with its dates cut out: "lopen (op) <date> af" reads "lopen af"
            bare.append(_DATE_PREP.sub("", text[last : s + d.start]))
            last = s + d.end
        bare.append(text[last:e])
        if cue_pattern("expires").search(" ".join(" ".join(bare).split())):
            out.append((s, points[0].window.end))
    doc.memo["contribution_expiries"] = out
    return out


_DATE_PREP = re.compile(r"\b(?:op|per|in|rond)\s*$", re.IGNORECASE)


@cache
def _scan_rx(words: tuple[str, ...]) -> re.Pattern[str]:
    """A fast whole-document prefilter for ``words`` in the lower-cased text: plain alternatives
    first (so re can skip ahead by their first letters), no look-behind; it finds a superset of
    the exact cue matches, which callers still check."""
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile("(?:" + ("|".join(alias_pattern(w) for w in alts) or "(?!)") + r")(?!\w)")


@cache
def _expiry_words() -> re.Pattern[str]:
    """Any word of an ``expires`` cue: a sentence without one states no expiry (a prefilter)."""
    words = sorted({w for cue in cues().get("expires", []) for w in cue.split()}, key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + ("|".join(map(re.escape, words)) or "(?!)") + r")(?![\w])", re.IGNORECASE)


def _fallback_start(doc: Document, pos: int) -> dt.date | None:
    """Start of a newly decided period: the day after the last mandate expiry stated before
    ``pos``, else the document's date."""
    before = [day for at, day in _expiries(doc) if at < pos]
    if before:
        return before[-1] + dt.timedelta(days=1)
    return doc.ref_date


def _lead_ins(text: str, s: int) -> list[tuple[int, int]]:
    """Spans of the lead-in lines (ending in ``:``) that govern the line of position ``s``,
    nearest first: walking up through list items and lead-ins, up to a heading or a plain
    paragraph. Only a list item, or a line right after a lead-in, has lead-ins."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", s)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    out: list[tuple[int, int]] = []
    cursor = line_start
    items = _is_list_item(line)  # may the walk still pass list items?
    for _ in range(30):
        if cursor <= 0:
            break
        prev_start = text.rfind("\n", 0, cursor - 1) + 1
        prev = text[prev_start : cursor - 1].rstrip()
        listed = _is_list_item(prev)
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
        fallback = _fallback_start(doc, lo) if is_decision(line) else None  # only a decision needs it
        period = text_period(line, ref, fallback)
        if period or lo == a:
            return period, _cue_kind(line)
    return None, None


def context_period(
    doc: Document, s: int, e: int, back: bool = False
) -> tuple[str | None, str | None, str | None]:
    """Period (ISO start, end) and kind cue that sentence ``[s, e)`` inherits from its context,
    where it has no date of its own: the nearest list lead-in that states a period, then (for a
    sentence that names a mandate or ceiling) an earlier sentence of its paragraph, then the
    section heading, then the document's title. A sentence that speaks of the present
    (``inmiddels``, ``huidige``) takes a period from its list lead-ins only. The kind cue is
    the nearest one of the lead-ins, else the one of the context that gave the period.
    ``back``: the sentence refers back (``Het betreft ...``) and may take an earlier sentence's period."""
    text = doc.text
    ref = doc.ref_date
    kind: str | None = None
    memo = doc.memo.setdefault("contribution_context", {})
    present = bool(cue_pattern("present").search(text, s, e))
    line_start = text.rfind("\n", 0, s) + 1
    # a present-tense sentence after a list item on its line ("Daarnaast zijn ... werkzaam") is not the item
    leads = [] if present and text[line_start:s].strip(" -–•*") else _lead_ins(text, s)
    for a, b in leads:
        key = ("line", a)
        if key not in memo:
            memo[key] = _lead_in_period(doc, a, b)
        period, cue = memo[key]
        kind = kind or cue
        if period:
            return iso_day(period[0]), iso_day(period[1]), kind
    if present:
        return None, None, kind
    sources: list[tuple[int, str]] = []  # (position, text)
    if back or cue_pattern("mandate").search(text, s, e):
        line_start = text.rfind("\n", 0, s) + 1
        sents = sentences_of(doc)
        i = bisect.bisect_right(sents, (s, e)) - 1
        while i > 0 and sents[i - 1][0] >= line_start:
            i -= 1
            sources.append((sents[i][0], text[sents[i][0] : sents[i][1]]))
    sources += [(s, section_of(text, s)), (s, doc.title or "")]
    for at, source in sources:
        if not source:
            continue
        fallback = _fallback_start(doc, at) if is_decision(source) else None  # only a decision needs it
        key = ("text", source, fallback)
        if key not in memo:
            memo[key] = (text_period(source, ref, fallback), _cue_kind(source))
        period, cue = memo[key]
        if period:
            return iso_day(period[0]), iso_day(period[1]), kind or cue
    return None, None, kind


# ------------------------------------------------------------------------------ counts
def _noun_after(text: str, end: int, limit: int) -> tuple[int, int, str] | None:
    """A personnel noun after a number, past at most three modifier words."""
    pos = end
    words = 0
    prev = ""
    while pos < limit and words <= 3:
        m = _noun_rx().match(text, _skip_space(text, pos))
        if m and m.end() <= limit:
            return m.start(), m.end(), m.group(0)
        w = _WORD.match(text, _skip_space(text, pos))
        if not w or w.end() > limit:
            return None
        token = w.group(0)
        low = token.lower()
        if token in "()":
            pos = w.end()
            continue
        if low in _STOP and not (low == "en" and prev.endswith("-")):
            return None
        prev = token
        pos = w.end()
        words += 1
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


_AANTAL = re.compile(r"\baantal\s+(?:(?P<adj>\w+)\s+)?(?P<noun>\w+)", re.IGNORECASE)


def _aantal_label(chunk: str) -> str | None:
    """Label of the personnel noun after the last ``aantal`` (``het aantal militairen``)."""
    aantal = None
    if "aantal" not in chunk.lower():  # a case-insensitive "aantal" is one in lower case too
        return aantal
    for m in _AANTAL.finditer(chunk):
        for word in (m["adj"], m["noun"]):
            if word and _noun_rx().fullmatch(word):
                aantal = _unit_label(word)
    return aantal


def counts_in(doc: Document, s: int, e: int) -> list[tuple[NumberMatch, int, str]]:
    """Counts of people in sentence ``[s, e)``: (number, end of noun phrase, noun label)."""
    text = doc.text
    chunk_numbers = span_numbers(doc, s, e)
    numbers = [n for n in chunk_numbers
               if not (n.value < 1 or n.value != int(n.value) or n.value >= 1e6)]
    if not numbers:
        return []  # no whole number that could count people
    aantal: str | None | bool = False  # False: not looked for yet
    found = []
    for n in numbers:
        noun = _noun_after(text, s + n.end, e)
        if noun:
            found.append((n, noun[1], _unit_label(noun[2])))
            continue
        if aantal is False:
            aantal = _aantal_label(text[s:e])
        if aantal and not (1900 <= n.value <= 2100):
            found.append((n, s + n.end, aantal))
    if not found:
        return []  # money and dates only block a count: none to block
    chunk = text[s:e]
    money = [(s + m.start, s + m.end) for m in find_money(chunk, chunk_numbers)]
    dates = date_spans(doc, s, e)
    blocked = sorted(money + dates)
    starts = [a for a, _b in blocked]
    out = []
    for n, noun_end, label in found:
        n = NumberMatch(s + n.start, s + n.end, n.value, n.text, n.is_word)
        i = bisect.bisect_left(starts, n.end)  # spans starting before the number ends
        if any(b > n.start for _a, b in blocked[max(0, i - 4) : i]):
            continue
        out.append((n, noun_end, label))
    return out


# ------------------------------------------------------------------------------ context
def _is_list_item(line: str) -> bool:
    return line.lstrip()[:1] in ("-", "–", "•", "*") or bool(_NUMBERED.match(line))


_NUMBERED = re.compile(r"\s*\d+[.)]\s")


def _mission_ents(ents: Entities) -> list[Entity]:
    return [e for e in ents if e.kind in MISSION_KINDS]


def mission_for(
    doc: Document, ents: Entities, s: int, e: int, pos: int
) -> tuple[str | None, bool]:
    """Nearest mission in the sentence (second item True), else the last one named before it:
    in the paragraph, in a list's lead-in line, in the previous paragraphs (up to a heading)
    or in the section heading."""
    inside = _mission_ents(ents.between(s, e))
    if inside:
        best = min(inside, key=lambda x: pos - x.end if x.end <= pos else x.start - pos + 5)
        return best.canonical, True
    title = _title_missions(doc)
    if len(set(title)) == 1 and _GENERIC_MISSION.search(doc.text, s, e):
        # "Beoogde omvang missie ca. 50 pax": an unnamed mission is the one of its paragraph, else the title's
        line_start = doc.text.rfind("\n", 0, s) + 1
        same = [x.canonical for x in _mission_ents(ents.between(line_start, s))]
        return (same or title)[-1], False
    found = context_missions(doc, ents, s) or title or _main_missions(doc, ents)
    return (found[-1], False) if found else (None, False)


_GENERIC_MISSION = re.compile(r"\bmissie\b", re.IGNORECASE)


def _main_missions(doc: Document, ents: Entities) -> list[str]:
    """The mission the document names most often (first named on a tie), as a list of one;
    empty where it names none."""
    if "contribution_main_mission" not in doc.memo:
        counts: dict[str, int] = {}
        for x in _mission_ents(ents):
            counts[x.canonical] = counts.get(x.canonical, 0) + 1
        best = max(counts, key=counts.__getitem__, default=None)  # dicts keep the first-named order
        doc.memo["contribution_main_mission"] = [best] if best else []
    return doc.memo["contribution_main_mission"]


def _title_missions(doc: Document) -> list[str]:
    """The missions the document's title names (the last resort for a figure's mission)."""
    return [x.canonical for x in find_entities(doc.title or "") if x.kind in MISSION_KINDS]


def context_missions(doc: Document, ents: Entities, s: int, reach: int = 700) -> list[str]:
    """Missions named before position ``s``: same paragraph, else earlier lines back to a
    heading or a list's lead-in (at most ``reach`` characters), else the section heading."""
    text = doc.text
    line_start = max(text.rfind("\n", 0, s) + 1, s - reach)
    same = [x.canonical for x in _mission_ents(ents.between(line_start, s))]
    if same:
        return same
    cursor = line_start
    while cursor > 0 and s - cursor < reach:
        prev_start = text.rfind("\n", 0, cursor - 1) + 1
        line = text[prev_start : cursor - 1]
        names = [x.canonical for x in _mission_ents(ents.between(prev_start, cursor - 1))]
        if names:
            return names
        if is_heading(line):
            break
        cursor = prev_start
    heading = section_of(text, s)
    return [x.canonical for x in find_entities(heading) if x.kind in MISSION_KINDS]


def _has_cue(text: str, s: int, e: int) -> bool:
    """A contribution cue in the sentence, or (for a list item) in the list's lead-in line."""
    if cue_pattern("contribution").search(text, s, e):
        return True
    line_start = text.rfind("\n", 0, s) + 1
    if not _is_list_item(text[line_start:e]):
        return False
    cursor = line_start
    for _ in range(15):
        if cursor <= 0:
            return False
        prev_start = text.rfind("\n", 0, cursor - 1) + 1
        line = text[prev_start : cursor - 1]
        if not _is_list_item(line):
            return line.rstrip().endswith(":") and bool(cue_pattern("contribution").search(line))
        cursor = prev_start
    return False


_BOTH = re.compile(r"\bbeide\s+(?:[\w]+-)?missies\b", re.IGNORECASE)


_COMBINED_CUE = re.compile(r"gecombineerd|gezamenlijk mandaat|beide missies", re.IGNORECASE)
# Where a match of the same starts in lower-cased text (a case-insensitive i also matches a
# dotless i; a capital dotted I changes the length of the text in lower case).
_COMBINED_HINTS = ("gecomb", "gezamenl", "beide m", "be\u0131de m")


def _combined(doc: Document, ents: Entities, sents: list[tuple[int, int]]) -> set[str]:
    """Missions the document says share one national mandate (vocab/mission_combinations)."""
    out: set[str] = set()
    named = {x.canonical for x in ents}
    pairs = [p for p in _combinations() if p[0] in named and p[1] in named]
    if not pairs:
        return out  # no two missions of a combination in the document: none to combine
    cue = _COMBINED_CUE
    low = lowered(doc)
    hinted = range(len(sents)) if low is None else sentences_at(sents, find_all(low, _COMBINED_HINTS))
    for i in hinted:
        s, e = sents[i]
        if not cue.search(doc.text, s, e):
            continue
        lo = sents[i - 1][0] if i else s
        names = {x.canonical for x in ents.between(lo, e)}
        for first, second, combined in pairs:
            if first in names and second in names:
                out.update((first, second, combined))
    return out


def _combined_name(mission: str) -> str:
    for first, second, combined in _combinations():
        if mission in (first, second):
            return combined
    return mission


_BLUE_HELMETS = re.compile(r"blauwhelmen", re.IGNORECASE)
_GOVERNS = re.compile(r"\s+(?:militaire\s+|personele\s+)?(?:bijdrage|inzet|levert|leverde|draagt|"
                      r"zet|stuurt|heeft|zal|is)\b", re.IGNORECASE)


@cache
def _unit_heads() -> tuple[str, ...]:
    """Head nouns of a group counted by its size (cue ``unit``), lower case."""
    return tuple(w.lower() for w in cues().get("unit", []))


_UNIT_OF = re.compile(r"(?P<head>[^\W\d][\w\-]*)\s+van\s+(?:(?:[\w.’']+\s+){0,2})$")


def unit_frame(text: str, lo: int, pos: int) -> int | None:
    """Start of the unit noun in ``<unit> van [maximaal|ongeveer ..] <number>`` (``een trainingsteam
    van ongeveer 35``, ``Het Tsjadische bataljon van circa 850``) ending at ``pos``, else None."""
    m = _UNIT_OF.search(text, max(lo, pos - 60), pos)
    if m is None or not m["head"].lower().endswith(_unit_heads()):
        return None
    between = text[m.end("head") : pos].split()[1:]  # the words after "van": qualifiers only
    if any(not (cue_pattern("max").fullmatch(w) or cue_pattern("approx").fullmatch(w)) for w in between):
        return None
    return m.start("head")


_NP_GAP = re.compile(r"(?:\s+[^\W\d][\w\-]*){0,2}\s+", re.IGNORECASE)


def contributor_for(text: str, ents: Entities, s: int, n: NumberMatch, noun_end: int) -> str:
    """ISO3 of the contributing country, ``ALL`` for a whole mission's strength."""
    cs = max(text.rfind(c, s, n.start) for c in ",;:(")
    cs = cs + 1 if cs >= s else s
    if cue_pattern("all").search(text, cs, n.start):
        return "ALL"
    adjacent = [x for x in ents.between(n.end, noun_end) if x.iso3 and x.kind in _NATIONS]
    if adjacent:
        return adjacent[0].iso3 or "NLD"
    if _from_nations(text, noun_end):
        return "ALL"
    head = unit_frame(text, cs, n.start)
    if head is not None:  # "een Belgisch team van 20 instructeurs": the unit's own demonym
        owner = [x for x in ents.between(max(cs, head - 40), head)
                 if x.kind == "demonym" and x.iso3 and _NP_GAP.fullmatch(text, x.end, head)]
        if owner:
            return owner[-1].iso3 or "NLD"
    if _BLUE_HELMETS.search(text, n.end, noun_end):
        return "ALL"
    before = [x for x in ents.between(s, n.start) if x.end <= n.start and x.iso3 and x.kind in _NATIONS]
    for x in reversed(before):
        if _GOVERNS.match(text, x.end):
            return x.iso3 or "NLD"
    for code in reversed(list(_CODE.finditer(text, cs, n.start))):  # "MRT levert ca. 200": a country code
        if code[0] in _iso3_codes() and _GOVERNS.match(text, code.end()):
            return code[0]
    if _whole_subject(text, ents, s, n.start, noun_end):
        return "ALL"
    if before and before[-1].kind == "country" and _SUBJECT_START.fullmatch(text, s, before[-1].start) \
            and not _CLAUSE_MARK.search(text, before[-1].end, n.start) \
            and not cue_pattern("request").search(text, s, n.start):
        return before[-1].iso3 or "NLD"  # "Duitsland blijft met ongeveer 1.100 militairen ..."
    return "NLD"


_CODE = re.compile(r"\b[A-Z]{3}\b")
_FROM = re.compile(r"\s+uit\s+(?:[\w.’']+\s+){0,2}?", re.IGNORECASE)


@cache
def _iso3_codes() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes of vocab/countries.csv (internal notes name countries by them)."""
    return frozenset(row["iso3"] for row in read_csv("countries.csv"))


def _from_nations(text: str, noun_end: int) -> bool:
    """``.. militairen uit 31 landen``: people drawn from many countries, a whole force."""
    m = _FROM.match(text, noun_end)
    while m is not None:
        if cue_pattern("nations").match(text, m.end()):
            return True
        nxt = _WORD_GAP.match(text, m.end())
        if nxt is None or nxt.end() - noun_end > 40:
            return False
        m = nxt
    return False


_WORD_GAP = re.compile(r"[\w.’']+\s+")


# Before a sentence's subject: a list bullet, a label ("Advies:") and at most one adverb ("Ook").
_SUBJECT_START = re.compile(r"[\s\-–•*]*(?:\w+\s*:\s*)?(?:\w+\s+)?", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[,;:()]")


def _whole_subject(text: str, ents: Entities, s: int, pos: int, noun_end: int | None = None) -> bool:
    """Is the sentence's subject a whole mission (``De missie``, a mission's name) that a strength
    verb gives a size (``telt``, ``telde op haar hoogtepunt``) before ``pos``, with no country
    or demonym between?"""
    start = _skip_space(text, s)
    while start < pos and text[start] in "-–•*":
        start = _skip_space(text, start + 1)
    m = cue_pattern("whole").match(text, start)
    end = m.end() if m else None
    if end is None:
        first = next(iter(_mission_ents(ents.between(start, pos))), None)
        article = _ARTICLE.match(text, start)  # "Het EU SDI GoG telt ..."
        if first is None or first.start not in (start, article.end() if article else start):
            return _whole_in_clause(text, ents, s, pos)
        end = first.end
    verb = cue_pattern("strength").search(text, end, pos)
    if verb is None and noun_end is not None:  # "De missie zal ongeveer 100 militairen tellen"
        verb = cue_pattern("strength").match(text, _skip_space(text, noun_end))
        if verb is not None and not _CLAUSE_MARK.search(text, end, pos):
            return not any(x.iso3 and x.kind in _NATIONS for x in ents.between(end, pos))
        verb = None
    if verb is None or ";" in text[verb.end() : pos]:  # the figure in a clause of its own
        return _whole_in_clause(text, ents, s, pos)
    paren = _PAREN.match(text, end)  # "De EU-missie (EUMPM Niger) telt ..."
    after = paren.end() if paren else end
    if _CLAUSE_MARK.search(text, after, verb.start()):
        # only a relative clause between subject and verb: "De missie, die ... werd, telde ..."
        if not _RELATIVE.match(text, after) or text[:verb.start()].rstrip()[-1:] != ",":
            return False
        if _CLAUSE_MARK.search(text, after + 1, text.rfind(",", after, verb.start())):
            return False
    return not any(x.iso3 and x.kind in _NATIONS for x in ents.between(end, pos))


_ARTICLE = re.compile(r"(?:de|het|the)\s+", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^()]*\)")
_RELATIVE = re.compile(r",\s*(?:die|dat|welke|which)\b", re.IGNORECASE)


def _whole_in_clause(text: str, ents: Entities, s: int, pos: int) -> bool:
    """``..; met de uitbreiding groeit het initiatief tot ongeveer 110 personen``: within the figure's
    clause a strength verb and right after it a whole-mission subject, no country between."""
    cs = max(text.rfind(c, s, pos) for c in ",;:(")
    cs = cs + 1 if cs >= s else s
    for verb in cue_pattern("strength").finditer(text, cs, pos):
        subject = cue_pattern("whole").match(text, _skip_space(text, verb.end()))
        if subject and not any(x.iso3 and x.kind in _NATIONS for x in ents.between(subject.end(), pos)):
            return True
    return False


def extract(doc: Document) -> list[dict]:
    """Contribution rows (SCHEMA.md columns plus quote/start/end/rule) of one document."""
    text = doc.text
    ents = entities_of(doc)
    sents = sentences_of(doc)
    combined = _combined(doc, ents, sents)
    rows: list[dict | None] = []
    seen: set[tuple] = set()
    dated_bases: set[tuple] = set()
    undated_at: dict[tuple, int] = {}
    people = _people_sentences(doc, sents)
    for i, (s, e) in enumerate(sents):
        if not people[i]:
            continue  # no word for people (nor "aantal"): no count, and no number scan
        found = counts_in(doc, s, e)
        if not found or cue_pattern("exclude").search(text, s, e):
            continue
        prev_end = s
        for k, (n, noun_end, label) in enumerate(found):
            next_start = found[k + 1][0].start if k + 1 < len(found) else e
            if not _teacher(text, n, noun_end) and _trainees(text, prev_end, n, noun_end, next_start):
                prev_end = noun_end
                continue  # "trainde EUTM 20.000 militairen": the trainees are no contribution
            own = _own_mission(text, ents, s, e, noun_end, next_start)
            mission, in_sentence = (own, True) if own else mission_for(doc, ents, s, e, n.start)
            if mission is None or not (in_sentence or _has_cue(text, s, e)
                                       or _counted_group(text, ents, s, n, noun_end)):
                prev_end = noun_end
                continue
            if not in_sentence and _BOTH.search(text, s, e):
                names = set(context_missions(doc, ents, s))
                for first, second, comb in _combinations():
                    if {first, second} <= names:
                        mission = comb
            named = mission if mission not in MISSIONS else None  # a mission outside the schema's list
            if named is not None:
                mission = "other"
            contributor = contributor_for(text, ents, s, n, noun_end)
            if contributor != "ALL" and mission in combined:
                mission = _combined_name(mission)
            sent_text = text[s:e]
            if contributor != "ALL" and not own:
                cs, ce = clause_bounds(text, s, e, n.start, noun_end)
                for x in ents.between(cs, e):
                    pair = {x.canonical, mission}
                    if x.canonical != mission and any(
                        pair == {a, b} for a, b, _ in _combinations()
                    ):
                        mission = _combined_name(mission)
            qualifier = nearest_cue(text, max(prev_end, n.start - 30), n.start)
            period_start, period_end, context_kind = _period(doc, s, e, n, contributor, mission, named)
            kind = _kind(sent_text, qualifier, period_start, doc, context_kind)
            if kind == "mandate" and qualifier == "exact":
                qualifier = "max"
            police = any(lab == "police personnel" for m, _, lab in found if m is not n)
            component = _component(text, s, e, prev_end, n, noun_end, label, contributor, police)
            if named is not None:
                component = f"{named} {component}"  # "other": the component says which mission
            qs, qe = quote_span(text, s, e, n.start, noun_end)
            base = (contributor, mission, component, int(n.value))
            key = (*base, period_start, period_end)
            prev_end = noun_end
            dated = period_start is not None or period_end is not None
            if key in seen or (not dated and base in dated_bases):
                continue  # the same figure again, or again without the period it had before
            seen.add(key)
            if dated:
                dated_bases.add(base)
                if base in undated_at:  # the figure stated before without a period: this row replaces it
                    rows[undated_at.pop(base)] = None
            else:
                undated_at[base] = len(rows)
            rows.append({
                "contributor": contributor,
                "mission": mission,
                "component": component,
                "personnel": int(n.value),
                "qualifier": qualifier,
                "period_start": period_start,
                "period_end": period_end,
                "kind": kind,
                "quote": text[qs:qe],
                "start": qs,
                "end": qe,
                "rule": "count-near-mission",
            })
    return [r for r in rows if r is not None]


def _counted_group(text: str, ents: Entities, s: int, n: NumberMatch, noun_end: int) -> bool:
    """Is the figure a group's size (``een team van 32``) or a nation's people (``9 Nederlandse
    stafofficieren``)? Such a figure states a contribution without a cue word."""
    if unit_frame(text, s, n.start) is not None:
        return True
    return any(x.kind == "demonym" and x.iso3 for x in ents.between(n.end, noun_end))


_FROM_DAY = re.compile(r"\b(?:per|vanaf|met ingang van)\s+\d{1,2}\s+\w+\s+\d{4}\b[^,;:]*$", re.IGNORECASE)


def _own_clause_start(text: str, s: int, pos: int) -> int:
    """Start of the coordinated clause that holds ``pos`` where a sentence joins two verbs
    (``De missie begon in 2013 en telde ...``): a date of the first clause does not date the figure."""
    start = s
    for m in _EN_VERB.finditer(text, s, pos):
        if cue_pattern("strength").match(text, m.end()):
            start = m.end()
    return start


_EN_VERB = re.compile(r"\ben\s+", re.IGNORECASE)


def _current_expiry(doc: Document, s: int, mission: str) -> str | None:
    """End of a current mandate (``Huidig mandaat: 12 pax``): the last day of the nearest statement
    before ``s`` that the mandates run out (``lopen op 31 december a.s. af``) and that names the
    figure's mission or none."""
    ents = entities_of(doc)
    sents = sentences_of(doc)
    for at, day in reversed(_expiries(doc)):
        if at >= s:
            continue
        i = bisect.bisect_right(sents, (at, len(doc.text) + 1)) - 1
        end = sents[i][1] if i >= 0 else at
        names = {x.canonical for x in _mission_ents(ents.between(at, end))}
        if not names or mission in names or _combined_name(mission) in names:
            return iso_day(day)
    return None


_TO_MISSION = re.compile(r"\s*(?:aan|bij|voor|binnen|naar)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_REL = re.compile(r"\b(?:die|dat|welke|om|te)\b", re.IGNORECASE)


def _own_mission(text: str, ents: Entities, s: int, e: int, noun_end: int, next_start: int) -> str | None:
    """The mission a figure's own clause names after it (``twee experts aan EUCAP Sahel Mali`` in a
    run of such clauses): the first mission right after ``aan``/``bij``/``voor`` before the next
    figure and the clause's end, else None."""
    _cs, ce = clause_bounds(text, s, e, noun_end, noun_end)
    hi = min(ce, next_start)
    for x in _mission_ents(ents.between(noun_end, hi)):
        head = text[noun_end : x.start]
        cut = max(head.rfind(" aan "), head.rfind(" bij "), head.rfind(" voor "), head.rfind(" binnen "),
                  head.rfind(" naar "))
        if cut >= 0 and _TO_MISSION.fullmatch(head, cut) and not _REL.search(head):
            return x.canonical
        return None
    return None


_OF_FIGURE = re.compile(r"\b(?P<noun>[^\W\d]+)(?:\s+en\s+[^\W\d]+)?\s+van\s+(?:[^\W\d][\w.]*\s+)?$", re.IGNORECASE)
_PARTICLE_OP = re.compile(r"\bop(?=\s*(?:[.,;:)]|$|in\b|tot\b|voor\b|bij\b))", re.IGNORECASE)


def _trainees(text: str, lo: int, n: NumberMatch, noun_end: int, hi: int) -> bool:
    """Is the figure the object of training (``trainde EUTM 20.000 militairen``,
    ``zijn 500 militairen opgeleid``)? Trainers who train others (``die ... opleiden``,
    ``om ... te trainen``) are not."""
    cs = max(text.rfind(c, lo, n.start) for c in ",;:(")
    cs = cs + 1 if cs >= lo else lo
    if cue_pattern("trains").search(text, cs, n.start):
        return True
    of = _OF_FIGURE.search(text, max(cs, n.start - 80), n.start)  # "de opleiding (en inzet) van 604 ..."
    if of is not None and cue_pattern("training_of").fullmatch(of["noun"]):
        return True
    ce = min([i for i in (text.find(c, noun_end, hi) for c in ",;:)") if i >= 0], default=hi)
    if cue_pattern("trains_separable").search(text, cs, n.start) and _PARTICLE_OP.search(text, noun_end, ce + 1):
        return True
    m = cue_pattern("trains").search(text, noun_end, ce)
    return m is not None and not _REL.search(text, noun_end, m.start())


def _decided_period(doc: Document, mission: str, s: int) -> Period | None:
    """The period of the first decision before ``s`` to contribute to ``mission`` over a framed range
    (``het besluit om van <dag> tot en met <dag> een bijdrage te leveren aan <missie>``): a figure of
    that mission with no period of its own holds for it."""
    memo = doc.memo.setdefault("contribution_decided", {})
    if mission not in memo:
        found: list[tuple[int, Period]] = []
        text, sents = doc.text, sentences_of(doc)
        for x in _mission_ents(entities_of(doc)):
            if x.canonical != mission:
                continue
            i = bisect.bisect_right(sents, (x.start, len(text) + 1)) - 1
            if i < 0 or (found and found[-1][0] == sents[i][0]):
                continue
            a, b = sents[i]
            if cue_pattern("contribution").search(text, a, b) and _RANGE_FROM.search(text, a, b):
                period = _range_period(doc, a, b)
                if period:
                    found.append((a, period))
                    break  # the first decision is the letter's own
        memo[mission] = found
    return next((p for at, p in memo[mission] if at < s), None)


_RANGE_FROM = re.compile(r"\bvan\s+\d", re.IGNORECASE)


def _range_period(doc: Document, a: int, b: int) -> Period | None:
    """The first framed range (``van 1 mei 2027 tot en met 31 december 2028``) in sentence ``[a, b)``."""
    try:
        found = sentence_dates(doc, a, b)
    except Exception:  # noqa: BLE001 - dates are a bonus, never fatal
        return None
    for d in found:
        if d.kind == "range" and _RANGE_WORD.match(d.text) and d.window.start and d.window.end:
            return d.window.start, d.window.end
    return None


def _teacher(text: str, n: NumberMatch, noun_end: int) -> bool:
    """Does the figure count people of a teaching role (``12 instructeurs``)? They train, never are trained."""
    return bool(cue_pattern("teacher").search(text, n.end, noun_end))


def _period(doc: Document, s: int, e: int, n: NumberMatch, contributor: str, mission: str = "",
            named: str | None = None) -> tuple[str | None, str | None, str | None]:
    """Period (ISO start, end) of the figure ``n`` in sentence ``[s, e)`` and the kind cue of
    the context it came from (None where it is the sentence's own). ``named``: the mission's own
    name where ``mission`` is ``other``."""
    text = doc.text
    sub = _own_clause_start(text, s, n.start)
    start, end = period_near(doc, sub, e, n.start, n.end)
    if start is None and end is None:
        back = bool(cue_pattern("refers_back").match(text, _skip_space(text, s))
                    or cue_pattern("refers_back_any").search(text, s, n.start))
        start, end, kind = context_period(doc, s, e, back)
        if start is None and end is None and cue_pattern("present").search(text, s, e):
            if cue_pattern("mandate").search(text, s, e):
                return None, _current_expiry(doc, s, mission), kind
        elif start is None and end is None and contributor != "ALL":
            decided = _decided_period(doc, named or mission, s)
            if decided:
                return iso_day(decided[0]), iso_day(decided[1]), kind
        return start, end, kind
    if end == start and start and _FROM_DAY.search(text, max(s, n.start - 200), n.start):
        # "per 1 januari <jaar> verlagen naar 9 pax": from that day to the end of its context period
        c_start, c_end, kind = context_period(doc, s, e)
        if c_start and c_end and c_start <= start <= c_end:
            return start, c_end, kind
        return start, None, None
    if contributor == "ALL" and end is None:
        return None, None, None  # "sinds .." dates someone's role, not a whole mission's strength
    if start is None and is_decision(text[s:e]):  # "verlengen tot en met <date>"
        day = decision_start(dt.date.fromisoformat(end), text[s:e], _fallback_start(doc, s))
        start = iso_day(day)
    return start, end, None


def _kind(sentence: str, qualifier: str, period_start: str | None, doc: Document,
          context_kind: str | None = None) -> str:
    if qualifier == "max" or cue_pattern("mandate").search(sentence):
        return "mandate"
    if cue_pattern("planned").search(sentence):
        return "planned"
    if context_kind:
        return context_kind
    ref = doc.ref_date
    if period_start and ref and period_start > ref.isoformat():
        return "planned"
    return "actual"


_PAREN_NOUN = re.compile(r"\s*\(\s*(?P<noun>[^()\d]{3,40}?)\s*\)")
_MILITARY = re.compile(r"militair|soldat|troepen")
_IN_TOTAL = re.compile(r"in\s+totaal\s+(?:\w+\s+)?$")
_AS_ROLE = re.compile(r"\s+(?:als|in\s+de\s+rol\s+van)\s+(?:de\s+|het\s+)?", re.IGNORECASE)
_ITEM_TOTAL = re.compile(r",\s*in\s+totaal\s+(?:\w+\s+)?$")
_NEXT_FIGURE = re.compile(r"(?<![\w\-])\d|\b(?:maximaal|ongeveer)\b")


def _component(text: str, s: int, e: int, lo: int, n: NumberMatch, noun_end: int,
               label: str, contributor: str, police: bool = False) -> str:
    """The unit or role of figure ``n``. A whole mission's soldiers are ``military personnel``
    only where the sentence gives its police a figure of their own (``police``)."""
    if contributor == "ALL":
        if label == "police personnel":
            return label
        noun = text[n.end:noun_end].lower()
        return "military personnel" if police and _MILITARY.search(noun) else label
    role = _AS_ROLE.match(text, noun_end, e)  # "tien politiefunctionarissen als Individual Police Officer"
    if role:
        m = _phrase_rx().match(text, role.end(), e)
        if m:
            return _unit_label(m.group(0), False)
        m = _noun_rx().match(text, role.end(), e)  # "als stafofficier"
        if m and _unit_label(m.group(0)) != "total":
            return _unit_label(m.group(0))
    if label != "total":
        return label
    paren = _PAREN_NOUN.match(text, noun_end, e)  # "4 pax (stafofficieren)"
    if paren:
        m = _noun_rx().fullmatch(paren["noun"])
        if m and _unit_label(m.group(0)) != "total":
            return _unit_label(m.group(0))
    if _IN_TOTAL.search(text[max(lo, n.start - 25) : n.start]):
        line_start = text.rfind("\n", 0, n.start) + 1
        item = text[line_start : n.start]
        if _is_list_item(item) and _ITEM_TOTAL.search(item):  # "– een C-130 ..., in totaal 45 militairen"
            m = _phrase_rx().search(text, max(lo, line_start), n.start)
            if m:
                return _unit_label(m.group(0), False)
        return "total"
    nxt = _NEXT_FIGURE.search(text[noun_end:e])
    after_end = noun_end + nxt.start() if nxt else e
    m = _phrase_rx().search(text, noun_end, after_end)
    if m:
        return _unit_label(m.group(0), False)
    before = list(_phrase_rx().finditer(text, max(lo, s), n.start))
    if before:
        return _unit_label(before[-1].group(0), False)
    return "total"
