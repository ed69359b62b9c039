"""Events: dated happenings stated in a document (something that took place, or is announced).

Rules (general, not per sentence):

- every date the date finder (:mod:`sahel_analysis.dates`, resolved against ``doc.ref_date``)
  finds is a candidate, except dates that cite another document (inside a parenthesis with
  ``Kamerstuk``/``nr.``/``d.d.``, right before ``(Kamerstuk``, or in ``zoals vermeld in de brief
  van <date>``), titles in guillemets, and date lines of the memo or letter header;
- day- and month-precise dates count in any sentence; coarser dates (a year, a span of years,
  ``sinds 2016``) only where the clause names an event (a trigger word of vocab/events.csv) or a
  happening verb (vocab/events_verbs.csv), so that figures ``in 2018`` are not events;
- a decision (``besloten``, ``verlengen``) with an end date (``tot en met 30 juni 2024``) spans
  from the document's date to that end; ``voor juli 2024`` spans from the document's date to the
  day before; a dateless decision (``is besloten ...``) is dated by the document's date;
- ``event_type`` is the type with the highest weight of trigger words in the clause around the
  date (then the sentence); ``other`` where none.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache
from itertools import compress
from re import _parser as _re_parser  # the parser of re itself: a pattern's top level

from sahel_analysis.dates import DateMatch, DateScan, DateWindow, find_dates
from sahel_analysis.model import Document
from sahel_analysis.sentences import lowered, section_of, sentence_flags, sentences_of
from sahel_analysis.vocab import Entity, entities_in, entities_of, find_entities, read_csv, trie_pattern
from sahel_analysis.vocab import countries as vocab_countries

EVENT_TYPES = (
    "coup", "attack", "national_mandate", "un_mandate", "eu_decision", "withdrawal", "handover",
    "agreement", "election", "diplomatic", "exercise", "other",
)  # fmt: skip

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

_MAX_QUOTE = 240


_LITERAL_HEAD = re.compile(r"[a-zà-ÿ][a-zà-ÿ -]{2}")
_W1 = re.compile(r"\w")
_WORD_START = re.compile(r"(?<![\w-])[^\W\d_]")


@cache
def _triggers() -> tuple[dict[str, list[tuple[re.Pattern[str], int]]], re.Pattern[str] | None,
                         tuple[tuple[str, float], ...]]:
    """Trigger patterns of vocab/events.csv, indexed by their first three letters where these are
    plain letters (tried only at words that start so), plus one pattern for all the others."""
    rows = read_csv("events.csv")
    by_head: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    others: list[str] = []
    for i, r in enumerate(rows):
        pat = r["pattern"]
        if _LITERAL_HEAD.fullmatch(pat[:3]) and pat[:3] == pat[:3].lower():
            by_head.setdefault(pat[:3], []).append((re.compile(pat, re.I), i))
        else:
            others.append(f"(?P<t{i}>{pat})")
    rest = re.compile(r"(?<![\w-])(?=(?:" + "|".join(others) + "))", re.I) if others else None
    return by_head, rest, tuple((r["event_type"], float(r["weight"])) for r in rows)


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -")


def required_literal(pattern: str) -> str:
    """The longest run of plain characters (ASCII letters, digits, space, ``-``; lower-cased)
    that every match of ``pattern`` holds, read off its top level; "" where there is none of two
    characters or more. Under ``re.I`` such a character matches only characters whose
    ``lower()`` is it, but for dotless i, dotted capital I and long s."""
    best = run = ""
    try:
        parsed = list(_re_parser.parse(pattern, re.I))
    except Exception:  # noqa: BLE001 - re's private parser: where it fails, no prefilter
        return ""
    for op, arg in parsed:
        ch = chr(arg).lower() if op is _re_parser.LITERAL else ""
        run = run + ch if ch in _PLAIN and ch else ""
        best = max(best, run, key=len)
    return best if len(best) >= 2 else ""


@cache
def _rest_parts() -> tuple[tuple[str, str, str], ...]:
    """(group name, pattern, required literal) of each alternative of the ``rest`` pattern."""
    rows = read_csv("events.csv")
    by_head = {i for pats in _triggers()[0].values() for _, i in pats}
    return tuple((f"t{i}", r["pattern"], required_literal(r["pattern"]))
                 for i, r in enumerate(rows) if i not in by_head)


@cache
def _rest_subset(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The ``rest`` pattern of :func:`_triggers` with only the alternatives named (in their
    order), and its :func:`_rest_scan` form."""
    alts = "|".join(f"(?P<{n}>{p})" for n, p, _ in _rest_parts() if n in names)
    rest = re.compile(r"(?<![\w-])(?=(?:" + alts + "))", re.I)
    return rest, _scan_form(rest)


def _scan_form(rest: re.Pattern[str]) -> re.Pattern[str]:
    """``rest`` as the character before the position: a class that holds every character that
    is neither a word character nor ``-`` (and more), so the engine skips plain letters fast;
    the hits are checked exactly."""
    inner = rest.pattern[len(r"(?<![\w-])(?=") : -1]
    return re.compile(r"[^a-zA-Z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f-](?=(?i:" + inner + "))")


@cache
def _rest_scan() -> re.Pattern[str] | None:
    """The ``rest`` pattern of :func:`_triggers` in its :func:`_scan_form`."""
    rest = _triggers()[1]
    return None if rest is None else _scan_form(rest)


def _rest_patterns(doc: Document, s: int, e: int) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The ``rest`` pattern and its scan form, narrowed to the alternatives whose required
    literal ``doc.text[s:e]`` holds (the others cannot match there); None where none can."""
    rest = _triggers()[1]
    if rest is None:
        return None
    if not _plain(doc):  # lower() finds every case-insensitive match of a literal
        return rest, _rest_scan()  # type: ignore[return-value]
    low = lowered(doc) or ""
    present = doc.memo.get("events:rest_parts")
    if present is None:  # the alternatives whose literal the document holds at all: found once
        present = doc.memo["events:rest_parts"] = tuple(
            (n, lit) for n, _, lit in _rest_parts() if not lit or lit in low)
    names = tuple(n for n, lit in present if not lit or low.find(lit, s, e) >= 0)
    return _rest_subset(names) if names else None


@cache
def _head_scan() -> re.Pattern[str]:
    """In lower-cased text: the character before a trigger's first three letters. The class
    holds the lower case of every character that is neither a word character nor ``-`` (and
    more), so the engine skips plain letters fast; the hits are checked exactly."""
    heads = trie_pattern(sorted(_triggers()[0]))
    return re.compile(r"[^a-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f-](?=" + heads + ")")


def _word_starts(doc: Document, s: int, e: int) -> list[int]:
    """The positions where ``_WORD_START`` matches in ``doc.text[s:e]``; where the lower-cased
    text keeps every character in place, only those whose first three letters start a trigger
    pattern (the others have none to try)."""
    text = doc.text
    low = lowered(doc)
    if low is None:
        return [w.start() for w in _WORD_START.finditer(text, s, e)]
    found = [s]
    found += [m.end() for m in _head_scan().finditer(low, s, min(len(low), e + 2))]
    word_start = _WORD_START.match
    return [p for p in found if p < e and word_start(text, p)]


def _plain(doc: Document) -> bool:
    """Whether the lower case of ``doc.text`` keeps its characters and it holds no dotless i,
    dotted capital I or long s: then a plain letter matches (``re.I``) exactly the characters
    whose ``lower()`` is that letter."""
    if "events:plain" not in doc.memo:
        doc.memo["events:plain"] = lowered(doc) is not None and not any(
            c in doc.text for c in "\u0131\u0130\u017f")
    return doc.memo["events:plain"]


def _trigger_hits(doc: Document, s: int, e: int) -> list[tuple[int, int, int]]:
    """(start, end, row index) of every trigger in ``doc.text[s:e]``."""
    text = doc.text
    by_head, rest, _ = _triggers()
    low = lowered(doc)  # where not None, it keeps every character in place: its slices are lowered
    out = []
    for pos in _word_starts(doc, s, e):
        head = low[pos : pos + 3] if low is not None else text[pos : pos + 3].lower()
        for rx, i in by_head.get(head, ()):
            m = rx.match(text, pos, e)
            if m:
                out.append((pos, m.end(), i))
    patterns = _rest_patterns(doc, s, e) if rest is not None else None
    if patterns is not None:  # as rest.finditer(text, s, e), tried only after a non-word character
        rest, scan = patterns
        found = [rest.match(text, 0, e)] if s == 0 else []
        found += [m for m in scan.finditer(text, max(s - 1, 0), e) if not _W1.match(m.group())]
        for m in found:
            name = m.lastgroup if m is not None else None
            if name is not None:
                out.append((*m.span(name), int(name[1:])))
    return out


@cache
def _verbs() -> re.Pattern[str]:
    words = [r["pattern"] for r in read_csv("events_verbs.csv")]
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w])", re.I)


@cache
def _mission_countries() -> dict[str, str]:
    return {r["mission"]: r["iso3"] for r in read_csv("events_mission_countries.csv")}


# citation and header shapes (document structure words, not facts)
_CITE_IN_PARENS = re.compile(r"kamerstuk|kamerstukken|\bnr\.|\bnrs\.|d\.d\.|handelingen|\bstb\.", re.I)
_CITE_AFTER = re.compile(r"\s*\)?\s*[,(]\s*(?:kamerstuk|kamerstukken|nr\.)", re.I)
_CITE_BEFORE = re.compile(
    r"(?:zoals\s+(?:ook\s+)?(?:eerder\s+)?(?:vermeld|gemeld|uiteengezet|aangegeven|beschreven|"
    r"aangekondigd|toegelicht|gesteld)\s+in|(?:met\s+)?verwijzing\s+naar|verwijzen\s+(?:wij\s+)?"
    r"(?:u\s+)?naar|in\s+navolging\s+van)\b[^.;]{0,160}?\b(?:van|d\.d\.)\s+(?:[^\s]+\s+){0,2}$",
    re.I,
)
# Every match of _CITE_BEFORE holds a match of this (the same letters, also case-insensitive).
_CITE_BEFORE_HINT = re.compile(r"zoals|verwijz|navolging", re.I)
_HEADER_LINE = re.compile(
    r"^\W*(?:datum|den haag,?|binnengekomen(?: op)?|uiterlijk bij|plandatum|deadline|"
    r"onze referentie|ons kenmerk|uw brief)\b",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_DECISION = re.compile(
    r"(?<![\w-])(?:besl(?:uit|oot|oten|uiten)|verleng\w*|voort\s+te\s+zetten|voortzetting|"
    r"te\s+continueren|advies)(?![\w])",
    re.I,
)
_DATELESS_DECISION = re.compile(
    r"(?<![\w-])(?:is|heeft|hebben|zijn)\s+(?:\w+\s+){0,3}besloten\b|\bbesluit\s+het\s+kabinet\b",
    re.I,
)
# Every match of _DATELESS_DECISION holds a match of this in the lower-cased text (a cheap
# whole-document prefilter; a case-insensitive i or s also matches dotless i and long s).
_DECIDED_HINT = re.compile(r"be[sſ]loten|be[sſ]lu[iı]t\s+het\s+kab[iı]net")
_CODE = re.compile(r"\b[A-Z]{3}\b")
_HYPOTHETICAL = re.compile(r"\W*(?:indien|mocht|mochten|stel dat|als)\b", re.I)
_RELATIVE = re.compile(r"\s*(?:die|dat|welke|waar\w*)\b", re.I)
_ANTECEDENT = re.compile(r"(?:[^\s,;:()]+\s+){0,3}[^\s,;:()]+,$")
_SEGMENT_CUT = re.compile(r"[,;:()«»]|\s[–—-]\s|\s(?=en\s+(?:die|dat|waar\w*)\s)")
_CLAUSE_CUT = re.compile(r"[;:]\s|,\s(?=(?:waarbij|waardoor|waarmee|die|dat|maar|en|omdat)\b)|\s[–—]\s")


def _in_parens(text: str, s: int, e: int, sent_start: int) -> tuple[int, int] | None:
    """The span of the parenthesis around ``s..e`` within the sentence, or None."""
    open_ = text.rfind("(", sent_start, s)
    if open_ < 0 or text.rfind(")", open_, s) >= 0:
        return None
    close = text.find(")", e)
    if close < 0:
        return None
    return open_, close + 1


def _in_guillemets(text: str, s: int, sent_start: int) -> bool:
    open_ = text.rfind("«", sent_start, s)
    return open_ >= 0 and text.rfind("»", open_, s) < 0


def _is_citation(text: str, m: DateMatch, sent_start: int) -> bool:
    parens = _in_parens(text, m.start, m.end, sent_start)
    if parens and _CITE_IN_PARENS.search(text, *parens):
        return True
    if _CITE_AFTER.match(text, m.end):
        return True
    lo = max(sent_start, m.start - 220)
    if not _CITE_BEFORE_HINT.search(text, lo, m.start):
        return False
    return bool(_CITE_BEFORE.search(text[lo : m.start]))


def _is_header(sentence: str, m: DateMatch, doc: Document) -> bool:
    """A date line of a memo or letter header (``Datum 8 november 2022``, ``Den Haag, ...``)."""
    if _HEADER_LINE.match(sentence):
        return True
    words = _WORD.finditer(sentence.replace(m.text, " "))
    return next(words, None) is None or next(words, None) is None


def _clause(text: str, s: int, e: int, sent: tuple[int, int]) -> tuple[int, int]:
    """The clause of the sentence that holds ``s..e``: cut at ``;``, ``:``, dashes, some commas."""
    a, b = sent
    if b - a <= _MAX_QUOTE:
        return a, b
    start = a
    for cut in _CLAUSE_CUT.finditer(text, a, s):
        start = cut.end()
    end = b
    cut = _CLAUSE_CUT.search(text, e, b)
    if cut:
        end = cut.start()
    if end - start > _MAX_QUOTE:  # still long: a window of words around the date
        start = max(start, text.rfind(" ", start, max(start, s - 100)) + 1)
        stop = text.find(" ", min(end, e + 100), end)
        end = stop if stop > 0 else end
    while end > start and text[end - 1] in " ,;:.":
        end -= 1
    return start, end


_MIN_TYPE_SCORE = 2.0
_TYPE_ORDER = {t: i for i, t in enumerate(EVENT_TYPES)}


def _event_type(hits: list[tuple[int, int, int]], spans: list[tuple[int, int]]
                ) -> tuple[str, float]:
    """The best-scoring type in the first span whose triggers weigh enough (narrow to wide)."""
    order = _TYPE_ORDER
    kinds = _triggers()[2]
    for s, e in spans:
        scores: dict[str, float] = {}
        for row in {i for hs, he, i in hits if s <= hs and he <= e}:
            etype, weight = kinds[row]
            scores[etype] = scores.get(etype, 0.0) + weight
        if scores:
            best = max(scores.items(), key=lambda kv: (kv[1], -order.get(kv[0], 99)))
            if best[1] >= _MIN_TYPE_SCORE:
                return best
    return "other", 0.0


def _entities(doc: Document, s: int, e: int) -> list[Entity]:
    """Gazetteer names in ``doc.text[s:e]`` (as found in that span alone) with spans in the text."""
    return entities_in(doc, s, e)


def _actors_country(doc: Document, s: int, e: int, etype: str,
                    sentence_entities: list[Entity]) -> tuple[str, str]:
    """Actors named in ``doc.text[s:e]`` and the country where the event happens."""
    text = doc.text
    ents = [x for x in sentence_entities if s <= x.start and x.end <= e]
    actors: list[str] = []
    countries: list[str] = []
    for ent in ents:
        if ent.kind in ("country", "place") and ent.iso3:
            countries.append(ent.iso3)
        name = ent.canonical
        if ent.kind in ("country", "demonym", "mission", "org", "armed_group") and name not in actors:
            actors.append(name)
    known = vocab_countries()
    for code in _CODE.findall(text, s, e):  # ISO codes written as such (BFA, MLI)
        if code in known and code not in countries:
            countries.append(code)
            if code not in actors:
                actors.append(code)
    if etype in ("withdrawal", "handover"):  # "terug naar Nederland", "over aan Spanje": not where
        ents = [x for x in ents if not _TO.search(text, max(0, x.start - 12), x.start)]
        kept = {x.iso3 for x in ents if x.kind in ("country", "place")} | set(_CODE.findall(text, s, e))
        countries = [c for c in countries if c in kept]
    if etype in ("eu_decision", "un_mandate") and set(countries) == {"NLD"}:
        countries = []  # "Nederland is voorstander": an actor; the decision is about a mission's country
    places = [x.iso3 for x in ents if x.kind == "place" and x.iso3 and x.iso3 != "NLD"]
    if etype == "national_mandate" or (etype == "diplomatic" and _institutions().search(text, s, e)):
        country = "NLD"
    elif etype == "withdrawal" and (left := _left_from(text, ents)):
        country = left  # "troepen uit Niger terugtrekken": the country they leave
    elif listed := _listed_in(text, ents):
        country = listed  # "in Mauritanië en Senegal": every country of the list
    elif places:
        country = places[0]  # a town names where; countries in the clause are often actors
    elif countries:
        country = next((c for c in countries if c != "NLD"), countries[0])
    else:
        missions = _mission_countries()
        demonyms = [x.iso3 for x in ents if x.kind == "demonym" and x.iso3 and x.iso3 != "NLD"]
        by_mission = [missions[x.canonical] for x in ents if x.canonical in missions]
        country = (demonyms or by_mission or [_context_country(doc, s)])[0]
    return "; ".join(actors), country


_FROM = re.compile(r"\b(?:uit|from|van)\s+(?:het\s+|de\s+)?$", re.IGNORECASE)
_TO = re.compile(r"\b(?:naar|aan)\s+(?:het\s+|de\s+)?$", re.IGNORECASE)
_IN = re.compile(r"\b(?:in|van|voor)\s+(?:het\s+|de\s+)?$", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,\s*|\s+(?:en|of)\s+")


def _listed_in(text: str, ents: list[Entity]) -> str:
    """The countries of a list after ``in``, ``van`` or ``voor`` (``in Mauritanië en Senegal``, ``in
    Ivoorkust, Benin en Togo``), joined by ``; `` in text order; "" where no such list of two or more is named."""
    named = [x for x in ents if x.kind == "country" and x.iso3]
    for i, x in enumerate(named):
        if not _IN.search(text, max(0, x.start - 12), x.start):
            continue
        found = [x.iso3]
        for prev, nxt in zip(named[i:], named[i + 1 :], strict=False):
            if not _LIST_GAP.fullmatch(text, prev.end, nxt.start):
                break
            if nxt.iso3 not in found:
                found.append(nxt.iso3)
        if len(found) > 1:
            return "; ".join(found)
    return ""


def _left_from(text: str, ents: list[Entity]) -> str:
    """The country a withdrawal leaves: the one named right after ``uit``."""
    for x in ents:
        if x.kind in ("country", "place") and x.iso3 and _FROM.search(text[max(0, x.start - 12) : x.start]):
            return x.iso3
    return ""


@cache
def _institutions() -> re.Pattern[str]:
    """Dutch institutions (vocab/events_institutions.csv): a diplomatic event there is in NLD."""
    alts = "|".join(r["pattern"] for r in read_csv("events_institutions.csv"))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def _foreign(ents: list[Entity]) -> list[str]:
    return [x.iso3 for x in ents if x.kind in ("country", "place") and x.iso3 and x.iso3 != "NLD"]


def _context_country(doc: Document, pos: int) -> str:
    """Where a sentence names no country: the section heading's, the paragraph's, the document's.

    ``Ontwikkelingen machtsgreep Burkina Faso`` frames the sentences below it; failing a heading,
    the country named last before the sentence in its paragraph, then the country the document
    names most. Names are read off the document's entities where that gives the same as a scan
    of the heading or paragraph alone (:func:`entities_in`).
    """
    text = doc.text
    heading = section_of(text, pos)
    found: list[str] = []
    if heading:  # any occurrence of the heading's text scans alike: take the nearest
        at = text.rfind(heading, 0, pos)
        ents = entities_in(doc, at, at + len(heading)) if at >= 0 else find_entities(heading)
        found = _foreign(ents)
    if not found:  # the paragraph's country: a country named frames it more than a town
        line_start = max(text.rfind("\n", 0, pos) + 1, pos - 1500)
        ents = entities_in(doc, line_start, pos)
        found = _foreign([x for x in ents if x.kind == "country"])[-1:] or _foreign(ents)[-1:]
    return found[0] if found else _dominant_country(doc)


def _dominant_country(doc: Document) -> str:
    """The country other than the Netherlands that a document names most (ties: the first)."""
    if "events:dominant" not in doc.memo:
        counts: dict[str, int] = {}
        for iso3 in _foreign(entities_of(doc)):
            counts[iso3] = counts.get(iso3, 0) + 1
        doc.memo["events:dominant"] = max(counts, key=counts.get) if counts else ""
    return doc.memo["events:dominant"]


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


def _coarse(m: DateMatch) -> bool:
    return m.window.precision in ("year", "years", "half", "open")


def _dates(doc: Document) -> list[DateMatch]:
    """Dates of the document; where its date is only a bound (a month, a year), a relative date
    resolved against the bound's first and last day gives the union of both windows, as long as
    both fall around the bound (``gisteren``); else the reading against the last day holds."""
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
        if (other is not None and other.window != m.window
                and other.window.start >= window[0] - dt.timedelta(days=7)):
            w = DateWindow(min(other.window.start, m.window.start),
                           max(other.window.end, m.window.end), "open")
            m = DateMatch(m.start, m.end, m.text, w, True, m.kind)
        out.append(m)
    return out


def extract(doc: Document) -> list[dict]:
    """One row per dated happening in ``doc`` (see the module docstring for the rules)."""
    text = doc.text
    doc_window = doc.date_window
    doc_start = doc_window[0] if doc_window else None
    sentences = sentences_of(doc)
    sent_starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[DateMatch]] = {}
    for m in _dates(doc):
        i = bisect.bisect_right(sent_starts, m.start) - 1
        if i >= 0 and m.start < sentences[i][1]:
            by_sentence.setdefault(i, []).append(m)

    rows: list[dict] = []
    seen: set[tuple[str, str, str, str]] = set()
    decided = sentence_flags(doc, "besloten", _DECIDED_HINT)
    dateless = bool(doc_start and doc.date_known)
    todo = set(by_sentence)  # sentences without a date or a decision word make no row
    if dateless:
        todo.update(range(len(sentences)) if decided is None else compress(range(len(sentences)), decided))
    for i in sorted(todo):
        ss, se = sentences[i]
        sentence = text[ss:se]
        if _HYPOTHETICAL.match(sentence):
            continue
        matches = [
            m for m in by_sentence.get(i, [])
            if not _is_citation(text, m, ss) and not _in_guillemets(text, m.start, ss)
            and not _is_header(sentence, m, doc) and not _proposed_start(text, m, ss)
        ]  # fmt: skip
        matches = _drop_covering_years(matches)
        if not matches:
            if doc_start and doc.date_known and (decided is None or decided[i]) \
                    and _DATELESS_DECISION.search(sentence):
                rows.append(_row(doc, (ss, se), None, (doc_start, doc_start), "day",
                                 "dateless_decision", _trigger_hits(doc, ss, se),
                                 _entities(doc, ss, se)))
            continue
        hits = _trigger_hits(doc, ss, se)
        ents = _entities(doc, ss, se)
        j = 0
        while j < len(matches):
            m = first = matches[j]
            nxt = matches[j + 1] if j + 1 < len(matches) else None
            cs, ce = _clause(text, m.start, m.end, (ss, se))
            clause = text[cs:ce]
            window = (m.window.start, m.window.end)
            rule = "dated_" + m.kind
            night = _next_day_of(text, m, nxt) if nxt is not None else None
            if night is not None:  # "in de nacht van 30 september op 1 oktober", "30 september-1 oktober"
                window = (m.window.start, night)
                j += 1
                m = nxt
                rule = "dated_range"
            elif m.kind == "since" and nxt is not None and nxt.kind == "until" and nxt.start - m.end < 80:
                window = (m.window.start, nxt.window.end)  # vanaf X ... tot en met Y: one period
                ce = max(ce, _clause(text, nxt.start, nxt.end, (ss, se))[1])
                j += 1
                m = nxt
                rule = "dated_period"
            if m.kind == "until" and doc_start is not None:
                word = m.text.split()[0].lower()
                if word in ("voor", "vóór") and doc_start < m.window.start \
                        and not _PLANNED_FOR.search(text, max(0, m.start - 20), m.start):
                    window = (doc_start, m.window.start - dt.timedelta(days=1))
                    rule = "until_before"
                elif _DECISION.search(clause) and doc_start <= m.window.end:
                    if _dated_before(matches, m, cs):
                        j += 1  # "besloot vorig jaar ... tot en met 2025": the decision has its own date
                        continue
                    window = (min(doc_start, window[0]), m.window.end)
                    rule = "decision_until"
            j += 1
            if _coarse(m) and rule.startswith("dated"):
                etype, score = _event_type(hits, [(cs, ce)])
                if score < 2 and not _verbs().search(clause):
                    continue
            precision = m.window.precision if window == (m.window.start, m.window.end) else "open"
            row = _row(doc, (ss, se), (cs, ce), window, precision, rule, hits, ents,
                       until=m.kind == "until", date_span=(first.start, m.end))
            key = (row["date_start"], row["date_end"], row["event_type"], row["actors"])
            if key not in seen:  # the same happening told again (summary, then details)
                seen.add(key)
                rows.append(row)
    return rows


def _drop_covering_years(matches: list[DateMatch]) -> list[DateMatch]:
    """Without the bare years that only cover a finer date of the same sentence (``Van 17 tot en
    met 28 februari ... oefening Flintlock 2020``): the finer date dates the happening."""
    if len(matches) < 2:
        return matches
    fine = [o for o in matches if not _coarse(o)]
    return [m for m in matches
            if not (m.kind == "point" and m.window.precision == "year"
                    and any(m.window.start <= o.window.start and o.window.end <= m.window.end for o in fine))]


_PLANNED_FOR = re.compile(r"\b(?:gepland|ingepland|voorzien|geagendeerd)\s+$", re.I)  # "gepland voor mei"
_PROPOSAL = re.compile(r"[\s\-–•*]*(?:advies|voorstel|beslispunt|verzoek)\b[^:.]{0,30}:", re.I)
_EFFECTIVE = re.compile(r"\b(?:per|met ingang van|m\.i\.v\.)\s+$", re.I)
_EFFECTIVE_IN = re.compile(r"(?:per|met ingang van|m\.i\.v\.)\s", re.I)


def _proposed_start(text: str, m: DateMatch, sent_start: int) -> bool:
    """A date from which a proposed change would take effect (``Advies: mandaat per 1 januari
    verlagen``): the start of a period, not a happening."""
    effective = _EFFECTIVE.search(text, max(sent_start, m.start - 20), m.start) or _EFFECTIVE_IN.match(m.text)
    return bool(effective) and bool(_PROPOSAL.match(text, sent_start))


_NIGHT_GAP = re.compile(r"\s*(?:[-–]|op|tot|t/m)\s*(?:(?P<day>\d{1,2})\s+)?", re.I)


def _next_day_of(text: str, m: DateMatch, nxt: DateMatch) -> dt.date | None:
    """The day right after (or two after) day ``m`` that ``nxt`` names where the two are joined as
    one span (``30 september-1 oktober``, ``nacht van 30 september op 1 oktober``), else None.
    Where the day number was left outside ``nxt`` (``-1 oktober`` read as the month), it is read
    from the gap."""
    if m.window.precision != "day" or m.kind != "point" or nxt.kind != "point":
        return None
    gap = _NIGHT_GAP.fullmatch(text, m.end, nxt.start)
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


def _dated_before(matches: list[DateMatch], m: DateMatch, clause_start: int) -> bool:
    """Does a point date stand before ``m`` in its clause (the date of the decision that sets the
    end ``m``)?"""
    return any(o.kind == "point" and clause_start <= o.start and o.end <= m.start for o in matches)


def _row(doc: Document, sent: tuple[int, int], clause: tuple[int, int] | None,
         window: tuple[dt.date, dt.date], precision: str, rule: str,
         hits: list[tuple[int, int, int]], ents: list[Entity], until: bool = False,
         date_span: tuple[int, int] | None = None) -> dict:
    text = doc.text
    cs, ce = clause if clause else sent
    if clause is None and ce - cs > _MAX_QUOTE:
        ce = cs + _MAX_QUOTE
        while ce > cs and text[ce - 1] != " ":
            ce -= 1
    while ce > cs and text[ce - 1] in " ,;:.":
        ce -= 1
    while cs < ce and text[cs] in "-–•* ":  # a list item's bullet is not part of the quote
        cs += 1
    spans = [(cs, ce), sent]
    if date_span is not None:
        ds, de = date_span
        if text[ds - 1 : ds] == "(":  # a date in brackets belongs to the words before them
            ds -= 1
        if text[de : de + 1] == ")":
            de += 1
        seg_s, seg_e = cs, ce
        for cut in _SEGMENT_CUT.finditer(text, cs, ds):
            seg_s = cut.end()
        cut = _SEGMENT_CUT.search(text, de, ce)
        if cut:
            seg_e = cut.start()
        spans.insert(0, (seg_s, seg_e))
        if seg_s > cs and _RELATIVE.match(text, seg_s) and text[seg_s - 1] == ",":
            # "de oefening Flintlock, die in februari plaatsvindt": the noun the clause is about
            head = _ANTECEDENT.search(text, max(cs, seg_s - 80), seg_s)
            if head:
                spans.insert(1, (head.start(), seg_e))
    etype, _ = _event_type(hits, spans)
    if rule in ("decision_until", "dateless_decision") and etype == "other":
        etype = "national_mandate"
    actors, country = _actors_country(doc, cs, ce, etype, ents)
    if not actors:
        actors, country2 = _actors_country(doc, *sent, etype, ents)
        country = country or country2
    return {
        "date_start": window[0].isoformat(),
        "date_end": window[1].isoformat(),
        "precision": precision,
        "event_type": etype,
        "country": country,
        "actors": actors,
        "summary": _summary(etype, actors, country, window, until),
        "quote": text[cs:ce],
        "start": cs,
        "end": ce,
        "rule": rule,
    }
