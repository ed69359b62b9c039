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
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache, lru_cache

from sahel_analysis.model import Document
from sahel_analysis.numbers import NumberMatch, find_money, find_numbers
from sahel_analysis.sentences import find_all, is_heading, lowered, section_of, sentences_at, sentences_of
from sahel_analysis.vocab import (
    MISSIONS,
    Entities,
    Entity,
    cues_by_meaning,
    entities_of,
    find_entities,
    read_csv,
    trie_pattern,
)

try:  # written by another helper; degrade gracefully while it is absent
    from sahel_analysis.dates import find_dates
except ImportError:  # pragma: no cover
    find_dates = None  # type: ignore[assignment]

MISSION_KINDS = ("mission", "programme")
_NATIONS = ("country", "demonym")  # kinds that can contribute (a city cannot)
_STOP = frozenset(
    "de het een van in aan op voor met uit tot bij te om als en of die dat dit deze is zijn"
    " was waren wordt worden jaar jaren maand maanden week weken dag dagen procent keer"
    " miljoen euro dollar uur km kilometer".split()
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
    alts = "|".join(_alias_rx(n) for n, _ in _units()[0])
    return re.compile(rf"(?:{alts})(?![\w])", re.IGNORECASE)


@cache
def _phrase_rx() -> re.Pattern[str]:
    parts = []
    for p, _ in _units()[1]:
        body = _alias_rx(p)
        parts.append(body if sum(c.isupper() for c in p) >= 2 and " " not in p else f"(?i:{body})")
    return re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])")


def _alias_rx(s: str) -> str:
    return re.sub("['’]", "['’]", r"\s+".join(re.escape(w) for w in s.split()))


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
def cues() -> dict[str, list[str]]:
    """Cue phrases by meaning (max, approx, mandate, planned, all, exclude)."""
    return cues_by_meaning("contribution_cues.csv")


@cache
def _cue_rx(meaning: str) -> re.Pattern[str]:
    words = sorted(cues().get(meaning, []), key=len, reverse=True)
    alts = "|".join(_alias_rx(w) for w in words) or "(?!)"
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w])", re.IGNORECASE)


@cache
def _combinations() -> list[tuple[str, str, str]]:
    return [(r["first"], r["second"], r["combined"]) for r in read_csv("mission_combinations.csv")]


# ------------------------------------------------------------------------------ helpers
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

    A date right after the figure (``150 in 2018``, ``... militairen in 2018``) wins."""
    end = pos if end is None else end
    if find_dates is None:
        return None, None
    text = doc.text
    try:
        found = _sentence_dates(doc, s, e)
    except Exception:  # noqa: BLE001 - dates are a bonus, never fatal
        return None, None
    if not found:
        return None, None
    cs, ce = clause_bounds(text, s, e, pos, pos)

    def rank(d) -> tuple[int, int]:
        ds, de = s + d.start, s + d.end
        if ds >= end and _IN.fullmatch(text, end, ds):
            return (0, -1)
        same = cs <= ds < ce
        dist = pos - de if de <= pos else (ds - pos) + 40
        return (0 if same else 1, dist)

    best = min((d for d in found if not (s + d.start <= pos < s + d.end)), key=rank, default=None)
    if best is None:
        return None, None
    w_start, w_end = best.window.start, best.window.end
    for a, b in zip(found, found[1:], strict=False):  # "in 2024 en 2025": one period over both
        if best in (a, b) and a.kind == b.kind == "point" and _AND.fullmatch(text[s + a.end : s + b.start]):
            w_start, w_end = min(a.window.start, w_start), max(b.window.end, w_end)
    start = None if best.kind == "until" else _iso(w_start)
    end = None if best.kind == "since" else _iso(w_end)
    return start, end


_IN = re.compile(r"\s*(?:in\s+)?")
_AND = re.compile(r"\s*(?:,|en|and|tot en met|t/m)\s*(?:in\s+)?", re.IGNORECASE)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _sentence_dates(doc: Document, s: int, e: int) -> list:
    """``find_dates`` of ``doc.text[s:e]`` against the document's date, found once per span."""
    memo = doc.memo.setdefault("span_dates", {})
    found = memo.get((s, e))
    if found is None:
        found = memo[(s, e)] = find_dates(doc.text[s:e], doc.ref_date)
    return found


def _date_spans(doc: Document, s: int, e: int) -> list[tuple[int, int]]:
    if find_dates is None:
        return []
    try:
        return [(s + d.start, s + d.end) for d in _sentence_dates(doc, s, e)]
    except Exception:  # noqa: BLE001
        return []


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


def span_numbers(doc: Document, s: int, e: int) -> list[NumberMatch]:
    """``find_numbers(doc.text[s:e])`` (spans in the sentence), found once per span."""
    memo = doc.memo.setdefault("span_numbers", {})
    found = memo.get((s, e))
    if found is None:
        found = memo[(s, e)] = find_numbers(doc.text[s:e])
    return found


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
    dates = _date_spans(doc, s, e)
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
    found = context_missions(doc, ents, s)
    return (found[-1], False) if found else (None, False)


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
    if _cue_rx("contribution").search(text, s, e):
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
            return line.rstrip().endswith(":") and bool(_cue_rx("contribution").search(line))
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


def contributor_for(text: str, ents: Entities, s: int, n: NumberMatch, noun_end: int) -> str:
    """ISO3 of the contributing country, ``ALL`` for a whole mission's strength."""
    cs = max(text.rfind(c, s, n.start) for c in ",;:(")
    cs = cs + 1 if cs >= s else s
    if _cue_rx("all").search(text, cs, n.start):
        return "ALL"
    adjacent = [x for x in ents.between(n.end, noun_end) if x.iso3 and x.kind in _NATIONS]
    if adjacent:
        return adjacent[0].iso3 or "NLD"
    if _BLUE_HELMETS.search(text, n.end, noun_end):
        return "ALL"
    before = [x for x in ents.between(s, n.start) if x.end <= n.start and x.iso3 and x.kind in _NATIONS]
    for x in reversed(before):
        if _GOVERNS.match(text, x.end):
            return x.iso3 or "NLD"
    return "NLD"


def _nearest_cue(text: str, lo: int, pos: int) -> str:
    best, where = "exact", -1
    for meaning in ("max", "approx"):
        for m in _cue_rx(meaning).finditer(text, lo, pos):
            if m.end() > where:
                best, where = meaning, m.end()
    return best


def extract(doc: Document) -> list[dict]:
    """Contribution rows (SCHEMA.md columns plus quote/start/end/rule) of one document."""
    text = doc.text
    ents = entities_of(doc)
    sents = sentences_of(doc)
    combined = _combined(doc, ents, sents)
    rows: list[dict] = []
    seen: set[tuple] = set()
    people = _people_sentences(doc, sents)
    for i, (s, e) in enumerate(sents):
        if not people[i]:
            continue  # no word for people (nor "aantal"): no count, and no number scan
        found = counts_in(doc, s, e)
        if not found or _cue_rx("exclude").search(text, s, e):
            continue
        prev_end = s
        for n, noun_end, label in found:
            mission, in_sentence = mission_for(doc, ents, s, e, n.start)
            if mission is None or not (in_sentence or _has_cue(text, s, e)):
                prev_end = noun_end
                continue
            if not in_sentence and _BOTH.search(text, s, e):
                names = set(context_missions(doc, ents, s))
                for first, second, comb in _combinations():
                    if {first, second} <= names:
                        mission = comb
            if mission not in MISSIONS:
                mission = "other"
            contributor = contributor_for(text, ents, s, n, noun_end)
            if contributor != "ALL" and mission in combined:
                mission = _combined_name(mission)
            sent_text = text[s:e]
            if contributor != "ALL":
                cs, ce = clause_bounds(text, s, e, n.start, noun_end)
                for x in ents.between(cs, e):
                    pair = {x.canonical, mission}
                    if x.canonical != mission and any(
                        pair == {a, b} for a, b, _ in _combinations()
                    ):
                        mission = _combined_name(mission)
            qualifier = _nearest_cue(text, max(prev_end, n.start - 30), n.start)
            period_start, period_end = period_near(doc, s, e, n.start, n.end)
            kind = _kind(sent_text, qualifier, period_start, doc)
            if kind == "mandate" and qualifier == "exact":
                qualifier = "max"
            component = _component(text, s, e, prev_end, n, noun_end, label, contributor)
            qs, qe = quote_span(text, s, e, n.start, noun_end)
            key = (contributor, mission, component, int(n.value), period_start, period_end)
            prev_end = noun_end
            if key in seen:
                continue
            seen.add(key)
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
    return rows


def _kind(sentence: str, qualifier: str, period_start: str | None, doc: Document) -> str:
    if qualifier == "max" or _cue_rx("mandate").search(sentence):
        return "mandate"
    if _cue_rx("planned").search(sentence):
        return "planned"
    ref = doc.ref_date
    if period_start and ref and period_start > ref.isoformat():
        return "planned"
    return "actual"


_MILITARY = re.compile(r"militair|soldat|troepen")
_IN_TOTAL = re.compile(r"in\s+totaal\s+(?:\w+\s+)?$")
_NEXT_FIGURE = re.compile(r"\d|\b(?:maximaal|ongeveer)\b")


def _component(text: str, s: int, e: int, lo: int, n: NumberMatch, noun_end: int,
               label: str, contributor: str) -> str:
    if contributor == "ALL":
        if label == "police personnel":
            return label
        noun = text[n.end:noun_end].lower()
        return "military personnel" if _MILITARY.search(noun) else label
    if label != "total":
        return label
    if _IN_TOTAL.search(text[max(lo, n.start - 25) : n.start]):
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
