"""The actors of an event and the country where it happens: ordered, named rules, the first that
answers winning.

Actors are the countries, demonyms, missions, organisations and armed groups named in the span
(and ISO codes written as such). The country: the Netherlands for a national mandate decision or
a debate in a Dutch institution; the country a withdrawal leaves; a list of countries after
``in``; a town named; a country named; a demonym; the country of a mission named; failing all,
the section heading's, the paragraph's, then the country the document names most.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sahel_analysis.facts.event_cues import cue, cue_in
from sahel_analysis.facts.event_happening import council_place
from sahel_analysis.facts.ordered import first_answer
from sahel_analysis.model import Document
from sahel_analysis.sentences import section_of
from sahel_analysis.vocab import ISO3_WORD, Entity, entities_in, entities_of, find_entities, read_csv
from sahel_analysis.vocab import countries as vocab_countries

_ACTOR_KINDS = ("country", "demonym", "mission", "org", "armed_group")
_WHERE_KINDS = ("country", "place")


@cache
def _mission_countries() -> dict[str, str]:
    return {r["mission"]: r["iso3"] for r in read_csv("events_mission_countries.csv")}


@cache
def _institutions() -> re.Pattern[str]:
    """Dutch institutions (vocab/events_institutions.csv): a diplomatic event there is in NLD."""
    alts = "|".join(r["pattern"] for r in read_csv("events_institutions.csv"))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


@cache
def _meeting_places() -> tuple[re.Pattern[str], dict[str, str]]:
    """Cities of diplomatic meetings (vocab/events_meeting_places.csv) and their countries."""
    rows = read_csv("events_meeting_places.csv")
    alts = "|".join(re.escape(r["city"]) for r in rows)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE), {r["city"].lower(): r["iso3"] for r in rows}


def meeting_place(text: str, s: int, e: int) -> str | None:
    """The country of the first city of diplomatic meetings named in ``text[s:e]``, or None."""
    rx, iso3 = _meeting_places()
    m = rx.search(text, s, e)
    return iso3[m.group().lower()] if m else None


@dataclass(frozen=True)
class Named:
    """What ``doc.text[s:e]`` names, as the country rules of an event of type ``etype`` read it."""

    doc: Document
    s: int
    e: int
    etype: str
    ents: list[Entity]  # entities of the span (for a withdrawal or handover: not those gone to)
    countries: list[str]  # ISO codes of the countries and places named, in text order
    happening: str = ""  # the rule that found the event (event_happening)


def _actors(text: str, s: int, e: int, ents: list[Entity]) -> tuple[list[str], list[str]]:
    """(actors, countries) named in ``text[s:e]``: entity names, then ISO codes written as such."""
    actors: list[str] = []
    countries: list[str] = []
    for ent in ents:
        if ent.kind in _WHERE_KINDS and ent.iso3:
            countries.append(ent.iso3)
        if ent.kind in _ACTOR_KINDS and ent.canonical not in actors:
            actors.append(ent.canonical)
    known = vocab_countries()
    for code in ISO3_WORD.findall(text, s, e):  # ISO codes written as such (BFA, MLI)
        if code in known and code not in countries:
            countries.append(code)
            if code not in actors:
                actors.append(code)
    return actors, countries


def _named(doc: Document, s: int, e: int, etype: str, ents: list[Entity],
           countries: list[str], happening: str) -> Named:
    text = doc.text
    if etype in ("withdrawal", "handover"):  # "terug naar Nederland", "over aan Spanje": not where
        ents = [x for x in ents if not cue("to").search(text, max(0, x.start - 12), x.start)]
        kept = {x.iso3 for x in ents if x.kind in _WHERE_KINDS} | set(ISO3_WORD.findall(text, s, e))
        countries = [c for c in countries if c in kept]
    if etype in ("eu_decision", "un_mandate") and set(countries) == {"NLD"}:
        countries = []  # "Nederland is voorstander": an actor; the decision is about a mission's country
    return Named(doc, s, e, etype, ents, countries, happening)


def _foreign(ents: list[Entity]) -> list[str]:
    return [x.iso3 for x in ents if x.kind in _WHERE_KINDS and x.iso3 and x.iso3 != "NLD"]


# --- the country rules: each returns the country (ISO codes joined by "; ") or None


def _national_mandate(n: Named) -> str | None:
    return "NLD" if n.etype == "national_mandate" else None


def _dutch_institution(n: Named) -> str | None:
    return "NLD" if n.etype == "diplomatic" and _institutions().search(n.doc.text, n.s, n.e) else None


def _meeting_city(n: Named) -> str | None:
    """A diplomatic event in a city of meetings named (``in Brussel``, ``in Algiers``)."""
    return meeting_place(n.doc.text, n.s, n.e) if n.etype == "diplomatic" else None


def _eu_council(n: Named) -> str | None:
    """A decision, meeting or act of the EU Council or the High Representative: no one country,
    or for a meeting, the city where the Council of the document met."""
    if n.etype not in ("eu_decision", "diplomatic", "other") or _place_named(n):
        return None  # a town named says where
    if n.happening != "council-part" and not cue_in("eu_council", n.doc, n.s, n.e):
        return None
    return (council_place(n.doc) or "") if n.etype == "diplomatic" else ""


def _country_after_in(n: Named) -> str | None:
    """A country right after ``in`` is where (``bezorgd over de situatie in Mali``)."""
    text = n.doc.text
    return next((x.iso3 for x in n.ents if x.kind == "country" and x.iso3 and x.iso3 != "NLD"
                 and cue("country_in").search(text, max(0, x.start - 12), x.start)), None)


def _country_left(n: Named) -> str | None:
    """The country a withdrawal leaves: the one named right after ``uit``."""
    if n.etype != "withdrawal":
        return None
    text = n.doc.text
    for x in n.ents:
        if x.kind in _WHERE_KINDS and x.iso3 and cue("from").search(text[max(0, x.start - 12) : x.start]):
            return x.iso3
    return None


def _listed_countries(n: Named) -> str | None:
    """The countries of a list after ``in``, ``van`` or ``voor`` (``in Mauritanië en Senegal``,
    ``in Ivoorkust, Benin en Togo``), joined by ``; `` in text order, where two or more."""
    text = n.doc.text
    named = [x for x in n.ents if x.kind == "country" and x.iso3]
    for i, x in enumerate(named):
        if not cue("in").search(text, max(0, x.start - 12), x.start):
            continue
        found = [x.iso3]
        for prev, nxt in zip(named[i:], named[i + 1 :], strict=False):
            if not cue("list_gap").fullmatch(text, prev.end, nxt.start):
                break
            if nxt.iso3 not in found:
                found.append(nxt.iso3)
        if len(found) > 1:
            return "; ".join(found)
    return None


def _place_named(n: Named) -> str | None:
    """A town names where; countries in the clause are often actors."""
    places = [x.iso3 for x in n.ents if x.kind == "place" and x.iso3 and x.iso3 != "NLD"]
    return places[0] if places else None


def _country_named(n: Named) -> str | None:
    """A country other than the Netherlands named (the Netherlands is mostly the actor)."""
    return next((c for c in n.countries if c != "NLD"), None)


def _netherlands_named(n: Named) -> str | None:
    return "NLD" if "NLD" in n.countries else None


def _demonym(n: Named) -> str | None:
    return next((x.iso3 for x in n.ents if x.kind == "demonym" and x.iso3 and x.iso3 != "NLD"), None)


def _mission_country(n: Named) -> str | None:
    missions = _mission_countries()
    return next((missions[x.canonical] for x in n.ents if x.canonical in missions), None)


def _section_heading(n: Named) -> str | None:
    """``Ontwikkelingen machtsgreep Burkina Faso`` frames the sentences below it. Any occurrence
    of the heading's text scans alike: the nearest is read."""
    doc, pos = n.doc, n.s
    heading = section_of(doc.text, pos)
    if not heading:
        return None
    at = doc.text.rfind(heading, 0, pos)
    found = _foreign(entities_in(doc, at, at + len(heading)) if at >= 0 else find_entities(heading))
    return found[0] if found else None


def _paragraph(n: Named) -> str | None:
    """The country named last before the span in its paragraph (a country frames it more than a town)."""
    doc, pos = n.doc, n.s
    line_start = max(doc.text.rfind("\n", 0, pos) + 1, pos - 1500)
    ents = entities_in(doc, line_start, pos)
    found = _foreign([x for x in ents if x.kind == "country"])[-1:] or _foreign(ents)[-1:]
    return found[0] if found else None


def _document_most_named(n: Named) -> str | None:
    """The country other than the Netherlands that the document names most (ties: the first)."""
    doc = n.doc
    if "events:dominant" not in doc.memo:
        counts: dict[str, int] = {}
        for iso3 in _foreign(entities_of(doc)):
            counts[iso3] = counts.get(iso3, 0) + 1
        doc.memo["events:dominant"] = max(counts, key=counts.get) if counts else ""
    return doc.memo["events:dominant"] or None


COUNTRY_RULES: tuple[tuple[str, Callable[[Named], str | None]], ...] = (
    ("national-mandate-nld", _national_mandate),
    ("dutch-institution", _dutch_institution),
    ("meeting-city", _meeting_city),
    ("eu-council", _eu_council),
    ("country-left", _country_left),
    ("listed-countries", _listed_countries),
    ("place-named", _place_named),
    ("country-after-in", _country_after_in),
    ("country-named", _country_named),
    ("demonym", _demonym),
    ("mission-country", _mission_country),
    ("section-heading", _section_heading),
    ("paragraph", _paragraph),
    ("document-most-named", _document_most_named),
    ("netherlands-named", _netherlands_named),
)


def actors_country(doc: Document, s: int, e: int, etype: str, sentence_entities: list[Entity],
                   happening: str = "", country: bool = True) -> tuple[str, str, str]:
    """(actors joined by ``; ``, country, name of the country rule) of an event of type ``etype``
    told in ``doc.text[s:e]``; the country is "" where a rule says no country (an EU Council
    decision) or none answers (rule ``none``), or where ``country`` is False (actors only)."""
    ents = [x for x in sentence_entities if s <= x.start and x.end <= e]
    actors, countries = _actors(doc.text, s, e, ents)
    if not country:
        return "; ".join(actors), "", "none"
    named = _named(doc, s, e, etype, ents, countries, happening)
    found, name = first_answer(COUNTRY_RULES, named, default=("", "none"))
    return "; ".join(actors), found, name
