"""Gazetteer of missions, organisations and countries, kept as data (CSV files in this folder).

Every CSV has one row per alias. :func:`find_entities` finds the aliases in a text with one
cached regex (alternation sorted longest first), word-boundary aware and non-overlapping.
Aliases written as acronyms (``NL``, ``EU``, ``VN``, ``EUTM``) match case-sensitively; other
names match case-insensitively.

Entity kinds: ``mission``, ``programme``, ``fund``, ``component`` (part of a mission, e.g.
UNPOL), ``org``, ``armed_group``, ``country`` (a country's name), ``demonym`` (an
adjective such as ``Nederlandse``; ``iso3`` set as for countries) and ``place`` (a city or region,
``iso3`` its country).
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from sahel_analysis.textchars import casefolded, non_ascii

_DIR = Path(__file__).parent

MISSIONS = (
    "MINUSMA",
    "EUTM Mali",
    "EUCAP Sahel Mali",
    "EUCAP Sahel Niger",
    "EUCAP Sahel Mali+Niger",
    "Takuba",
    "Barkhane",
    "Flintlock",
    "GPOI",
    "other",
)


class Entity(NamedTuple):
    """A gazetteer name found in a text: its span, kind and canonical name."""

    start: int
    end: int
    text: str
    kind: str
    canonical: str
    iso3: str | None


@dataclass(frozen=True)
class _Alias:
    alias: str
    kind: str
    canonical: str
    iso3: str | None


def cues_by_meaning(name: str) -> dict[str, list[str]]:
    """A cue-word file (columns ``cue``, ``meaning``) as meaning -> cues."""
    out: dict[str, list[str]] = {}
    for row in read_csv(name):
        out.setdefault(row["meaning"], []).append(row["cue"])
    return out


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in the vocab folder, as dicts (blank and ``#`` lines skipped)."""
    with open(_DIR / name, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


@cache
def _aliases() -> tuple[_Alias, ...]:
    out: list[_Alias] = []
    for row in read_csv("missions.csv") + read_csv("organisations.csv"):
        out.append(_Alias(row["alias"], row["kind"], row["canonical"], None))
    for row in read_csv("countries.csv"):
        kind = "demonym" if row["kind"] == "demonym" else "country"
        out.append(_Alias(row["alias"], kind, row["iso3"], row["iso3"]))
    for row in read_csv("places.csv"):
        out.append(_Alias(row["alias"], "place", row["alias"], row["iso3"]))
    return tuple(out)


def _case_sensitive(alias: str) -> bool:
    """Acronyms (two or more capitals, e.g. ``NL``, ``EUTM``, ``NLse``) keep their case."""
    first = alias.split()[0].split("-")[0]
    return sum(c.isupper() for c in first) >= 2


def _pattern(alias: str) -> str:
    body = r"\s+".join(re.escape(w) for w in alias.split())
    body = re.sub("['’]", "['’]", body)
    return body if _case_sensitive(alias) else f"(?i:{body})"


_WORD = re.compile(r"\w+")


@cache
def _index() -> tuple[dict[str, re.Pattern[str]], dict[str, _Alias], dict[str, _Alias]]:
    """Aliases grouped by their first word (case-folded), one small regex per group.

    Scanning the words of a text and trying only the group of each word is far faster than one
    regex alternation of every alias, and finds the same leftmost-longest matches.
    """
    exact: dict[str, _Alias] = {}
    folded: dict[str, _Alias] = {}
    groups: dict[str, list[str]] = {}
    for a in _aliases():
        exact.setdefault(_norm(a.alias), a)
        if not _case_sensitive(a.alias):
            folded.setdefault(_norm(a.alias).casefold(), a)
        first = _WORD.match(a.alias)
        if first:
            groups.setdefault(first.group().casefold(), []).append(a.alias)
    compiled = {
        key: re.compile("(?:" + "|".join(_pattern(a) for a in sorted(set(alts), key=lambda s: (-len(s), s)))
                        + r")(?![\w])")
        for key, alts in groups.items()
    }
    return compiled, exact, folded


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split())


@lru_cache(maxsize=8192)
def _lookup(found: str) -> _Alias | None:
    _, exact, folded = _index()
    key = _norm(found)
    return exact.get(key) or folded.get(key.casefold())


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` factored as a trie (fast to reject at a position)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


_SCAN_CLASS = r"a-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"


@cache
def _first_word_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Whole words (case-folded) that some alias starts with: the candidates of a scan.

    The scan pattern matches the character before such a word: any character that is not a
    plain lower-case letter or digit, nor ``@`` (a cheap character class, so the engine skips
    ordinary text fast); the caller drops the hits where that character is a word character.
    The head pattern finds such a word at the start of the text (an empty match, word in group 1).
    """
    trie = trie_pattern(sorted(_index()[0]))
    scan = re.compile(f"[^{_SCAN_CLASS}@](?=({trie})\\b)")
    head = re.compile(f"(?=({trie})\\b)")
    return scan, head


_W1 = re.compile(r"\w")
_IN_SCAN_CLASS = re.compile(f"[{_SCAN_CLASS}]")


@cache
def _folds_evenly(c: str) -> bool:
    """True where ``c`` case-folds to one character that is a word character just when ``c`` is."""
    f = c.casefold()
    return len(f) == 1 and bool(_W1.match(c)) == bool(_W1.match(f))


@cache
def _folds_plainly(c: str) -> bool:
    """True where ``c`` case-folds to a character the scan class excludes or a non-word one."""
    f = c.casefold()
    return not _W1.match(f) or bool(_IN_SCAN_CLASS.match(f))


def _folds_in_place(text: str, folded: str) -> bool:
    """True where ``folded`` is ``text`` case-folded one character for one character, with the
    same word characters, so word spans and case-folded words can be read off ``folded``."""
    if len(folded) != len(text):
        return False
    return text.isascii() or all(map(_folds_evenly, non_ascii(text)))


_new = tuple.__new__
_first = itemgetter(0)  # an Entity's start
_MISS = object()
_CACHE_MAX = 50_000
_Hit = tuple[str, str, str | None]


@cache
def _groups() -> dict[str, tuple[re.Pattern[str], bool]]:
    """Each first word's regex, and whether the group is single words only (a match is then the
    word itself, found or not by its surface alone: see :func:`_word_hit`)."""
    single: dict[str, bool] = {}
    for a in _aliases():
        first = _WORD.match(a.alias)
        if first:
            key = first.group().casefold()
            one = bool(_WORD.fullmatch(a.alias)) and bool(_WORD.fullmatch(key))
            single[key] = single.get(key, True) and one
    return {key: (rx, single[key]) for key, rx in _index()[0].items()}


def _hit(found: str) -> _Hit | None:
    """(kind, canonical, iso3) of a matched alias text, or None where it is no known alias."""
    a = _lookup(found)
    return None if a is None else (a.kind, a.canonical, a.iso3)


_WORD_HITS: dict[str, _Hit | None] = {}
_FOUND_HITS: dict[str, _Hit | None] = {}


def _word_hit(rx: re.Pattern[str], surface: str) -> _Hit | None:
    """:func:`_hit` of a word of a single-word group where its regex matches it (cached).

    The word is all word characters with a non-word character (or the end) after it, so the
    group regex matches it in the text just when it matches the word alone."""
    if len(_WORD_HITS) > _CACHE_MAX:
        _WORD_HITS.clear()
    hit = _WORD_HITS[surface] = None if rx.fullmatch(surface) is None else _hit(surface)
    return hit


def _found_hit(surface: str) -> _Hit | None:
    """:func:`_hit` of a text a group regex matched (cached)."""
    if len(_FOUND_HITS) > _CACHE_MAX:
        _FOUND_HITS.clear()
    hit = _FOUND_HITS[surface] = _hit(surface)
    return hit


def find_entities(text: str) -> list[Entity]:
    """All gazetteer names in ``text``: longest match first, non-overlapping, in text order."""
    return _find_entities(text)[0]


def _find_entities(text: str, folded: str | None = None) -> tuple[list[Entity], bool]:
    """:func:`find_entities`, and whether ``text`` case-folds in place (:func:`_folds_in_place`);
    ``folded``: ``text.casefold()`` where the caller has it."""
    folded = text.casefold() if folded is None else folded
    if len(folded) != len(text):
        return _find_entities_by_word(text), False
    odd = non_ascii(text)
    if not all(map(_folds_evenly, odd)):
        return _find_entities_by_word(text), False
    scan, head = _first_word_rx()
    hits = scan.finditer(folded)
    if not all(map(_folds_plainly, odd)):  # a scan hit may then be a word character: drop those
        hits = (p for p in hits if not _W1.match(p.group()))
    first = head.match(folded)
    if first:
        hits = chain((first,), hits)
    return _resolve_folded(text, hits), True


def _resolve_folded(text: str, hits: Iterable[re.Match[str]]) -> list[Entity]:
    """Entities at the scan hits (case-folded first word in group 1, starting at the hit's end):
    longest alias there, non-overlapping, in text order (as :func:`_resolve`)."""
    groups = _groups()
    word_hits = _WORD_HITS
    found_hits = _FOUND_HITS
    out: list[Entity] = []
    taken = 0
    for p in hits:
        start = p.end()
        if start < taken:
            continue
        word = p.group(1)
        rx, single = groups[word]
        if single:
            end = start + len(word)
            surface = text[start:end]
            hit = word_hits.get(surface, _MISS)
            if hit is _MISS:
                hit = _word_hit(rx, surface)
        else:
            m = rx.match(text, start)
            if m is None:
                continue
            surface = m.group()
            end = m.end()
            hit = found_hits.get(surface, _MISS)
            if hit is _MISS:
                hit = _found_hit(surface)
        if hit is not None:
            out.append(_new(Entity, (start, end, surface, *hit)))
            taken = end
    return out


def _find_entities_by_word(text: str) -> list[Entity]:
    """:func:`find_entities` trying every word of ``text`` (texts that case-fold unevenly)."""
    groups = _index()[0]
    candidates = ((w.start(), groups.get(w.group().casefold())) for w in _WORD.finditer(text))
    return _resolve(text, ((start, rx) for start, rx in candidates if rx is not None))


def _resolve(text: str, candidates) -> list[Entity]:  # noqa: ANN001 - iterable of (start, regex)
    """Entities at candidate starts (in text order): longest alias there, non-overlapping."""
    out: list[Entity] = []
    taken = 0
    for start, rx in candidates:
        if start < taken or (start and text[start - 1] == "@"):
            continue
        m = rx.match(text, start)
        if m is None:
            continue
        a = _lookup(m.group(0))
        if a is None:
            continue
        out.append(_new(Entity, (m.start(), m.end(), m.group(0), a.kind, a.canonical, a.iso3)))
        taken = m.end()
    return out


class Entities(list):
    """Entities in text order, with a fast lookup of those that start in a range."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self._starts = list(map(_first, self))

    def between(self, lo: int, hi: int) -> list[Entity]:
        """The entities that start at ``lo <= start < hi``."""
        return self[bisect.bisect_left(self._starts, lo) : bisect.bisect_left(self._starts, hi)]


    def inside(self, lo: int, hi: int) -> list[Entity] | None:
        """The entities within ``lo <= start, end <= hi``; None where one crosses an edge."""
        i = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_left(self._starts, hi)
        if i and self[i - 1].end > lo:
            return None
        if j > i and self[j - 1].end > hi:
            return None
        return self[i:j]


def index_entities(text: str) -> Entities:
    """:func:`find_entities` as an :class:`Entities` list (range lookups by bisection)."""
    return Entities(find_entities(text))


def entities_of(doc) -> Entities:  # noqa: ANN001 - a model.Document (no import cycle)
    """The entities of a document's clean text, found once and shared by the extractors."""
    if "entities" not in doc.memo:
        found, evenly = _find_entities(doc.text, casefolded(doc))
        doc.memo["entities"] = Entities(found)
        doc.memo.setdefault("folds_evenly", evenly)
    return doc.memo["entities"]


def _space_edge(text: str, i: int, j: int) -> bool:
    """True where position ``i`` is an end of ``text`` or ``text[i]`` or ``text[j]`` is white space."""
    return i <= 0 or i >= len(text) or text[i].isspace() or text[j].isspace()


def entities_in(doc, s: int, e: int) -> list[Entity]:  # noqa: ANN001 - a model.Document
    """``find_entities(doc.text[s:e])`` with spans in ``doc.text``.

    Read off the document's entities where that is the same: each edge of the span is the
    text's end or has white space on one side of it (a name neither starts nor ends in white
    space, so the scans then try the same words), no name crosses its edges, and the text
    case-folds evenly (every name found is then a known alias). Else the span is scanned alone.
    """
    text = doc.text
    if _space_edge(text, s, s - 1) and _space_edge(text, e, e - 1):
        ents = entities_of(doc)  # notes in doc.memo whether the text case-folds in place
        if "folds_evenly" not in doc.memo:
            doc.memo["folds_evenly"] = _folds_in_place(text, text.casefold())
        if doc.memo["folds_evenly"]:
            found = ents.inside(s, e)
            if found is not None:
                return list(found)
    return [_new(Entity, (x.start + s, x.end + s, x.text, x.kind, x.canonical, x.iso3))
            for x in find_entities(text[s:e])]


def country_iso3(name: str) -> str | None:
    """ISO 3166 alpha-3 code of a country name, code or demonym (``Malinese`` -> ``MLI``)."""
    a = _lookup(name.strip())
    if a is not None and a.iso3:
        return a.iso3
    up = name.strip().upper()
    return up if up in countries() else None


def missions() -> list[str]:
    """The canonical mission names of the contributions table (SCHEMA.md)."""
    return list(MISSIONS)


@cache
def _countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_csv("countries.csv"):
        if row["kind"] == "name_nl":
            out.setdefault(row["iso3"], row["alias"])
    return out


# A word of three capitals (an ISO code written as such: BFA, MLI), as ``\b[A-Z]{3}\b``: written
# to start with the letter class so the engine skips to capitals instead of trying every position
# (the look-behind, after the first capital, asks for no word character before it).
ISO3_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{2}(?!\w)")


def countries() -> dict[str, str]:
    """ISO3 code -> Dutch display name, for every country."""
    return dict(_countries())


# --- relevance gate (issue 15)
@cache
def relevance_terms() -> dict[str, frozenset[str]]:
    """``relevance.csv`` as kind -> values: the entity kinds, ISO3 codes and organisations
    whose mention makes a document relevant (see :mod:`sahel_analysis.relevance`)."""
    out: dict[str, set[str]] = {}
    for row in read_csv("relevance.csv"):
        out.setdefault(row["kind"], set()).add(row["value"])
    return {k: frozenset(v) for k, v in out.items()}


def relevance_aliases() -> tuple[str, ...]:
    """Every alias whose entity :func:`sahel_analysis.relevance.is_relevant` counts, as written."""
    terms = relevance_terms()
    kinds, countries, orgs = (terms.get(k, frozenset()) for k in ("entity_kind", "country", "org"))
    return tuple(a.alias for a in _aliases()
                 if a.kind in kinds
                 or (a.kind in ("country", "demonym", "place") and a.iso3 in countries)
                 or (a.kind in ("org", "armed_group") and a.canonical in orgs))


# --- dates and documents: months.csv and date_words.csv (read by dates.py and documents.py)

class Month(NamedTuple):
    """A month name or abbreviation of months.csv."""

    name: str
    month: int
    full: bool
    language: str


@cache
def month_names(languages: tuple[str, ...] = ("nl",)) -> tuple[Month, ...]:
    """The rows of months.csv in the given languages, in file order."""
    return tuple(
        Month(row["name"], int(row["month"]), row["full"] == "true", row["language"])
        for row in read_csv("months.csv")
        if row["language"] in languages
    )


@cache
def _date_word_rows() -> tuple[tuple[str, str, str], ...]:
    return tuple((row["slot"], row["word"], row["value"]) for row in read_csv("date_words.csv"))


@cache
def date_words(slot: str) -> dict[str, str]:
    """The words (or phrases) of one slot of date_words.csv -> their value, in file order."""
    found = {word: value for s, word, value in _date_word_rows() if s == slot}
    if not found:
        raise KeyError(f"date_words.csv has no slot {slot!r}")
    return found


@cache
def document_words(slot: str) -> tuple[str, ...]:
    """The words (or phrases) of one slot of document_words.csv, in file order."""
    found = tuple(row["word"] for row in read_csv("document_words.csv") if row["slot"] == slot)
    if not found:
        raise KeyError(f"document_words.csv has no slot {slot!r}")
    return found


# --- briefings: display names, labels and host countries for the briefing (briefing_*.csv)


@cache
def display_names(lang: str) -> dict[str, str]:
    """Code -> display name in ``lang`` (``en``/``nl``): countries, organisations, groups."""
    out: dict[str, str] = {}
    for row in read_csv("countries.csv"):
        if row["kind"] == f"name_{lang}":
            out.setdefault(row["iso3"], row["alias"])
    for row in read_csv("countries.csv"):  # a country without a name in lang: its Dutch name
        if row["kind"] == "name_nl":
            out.setdefault(row["iso3"], row["alias"])
    for row in read_csv("briefing_names.csv"):
        out[row["code"]] = row[f"name_{lang}"]
    return out


@cache
def component_labels(lang: str) -> dict[str, str]:
    """Component value of the contributions table -> its label in ``lang``."""
    return {row["component"]: row[f"label_{lang}"] for row in read_csv("briefing_components.csv")}


@cache
def month_labels(lang: str, abbreviated: bool = False) -> tuple[str, ...]:
    """The twelve month names (or axis abbreviations) in ``lang`` as briefings print them, January
    first (briefing_months.csv: labels for output; months.csv holds the names the parsers read)."""
    col = f"{'abbr' if abbreviated else 'name'}_{lang}"
    rows = sorted(read_csv("briefing_months.csv"), key=lambda r: int(r["month"]))
    return tuple(r[col] for r in rows)


@cache
def event_wording(lang: str) -> dict[str, tuple[str, str]]:
    """Event type -> (its label, its summary template) in ``lang``."""
    return {r["event_type"]: (r[f"label_{lang}"], r[f"template_{lang}"])
            for r in read_csv("briefing_events.csv")}


@cache
def validity_event_types() -> frozenset[str]:
    """Event types whose date window is the period a decision holds for (``validity`` yes)."""
    return frozenset(r["event_type"] for r in read_csv("briefing_events.csv")
                     if r["validity"] == "yes")


@cache
def mission_hosts() -> dict[str, frozenset[str]]:
    """Mission -> the ISO3 codes of the countries it is deployed in."""
    out: dict[str, set[str]] = {}
    for row in read_csv("mission_hosts.csv"):
        out.setdefault(row["mission"], set()).add(row["iso3"])
    return {m: frozenset(cs) for m, cs in out.items()}


# --- contributions
@cache
def contribution_words() -> dict[str, list[str]]:
    """vocab/contribution_words.csv as role -> words (in file order): the small words the
    contribution rules read around a figure."""
    out: dict[str, list[str]] = {}
    for row in read_csv("contribution_words.csv"):
        out.setdefault(row["role"], []).append(row["word"])
    return out


# --- budgets
@cache
def budget_verbs() -> tuple[dict[str, str], ...]:
    """The rows of budget_verbs.csv: verb forms with their role and where they stand to their subject."""
    return tuple(read_csv("budget_verbs.csv"))
