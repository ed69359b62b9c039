"""The contributor of a figure: ``ALL`` for a mission's whole strength (``troepenplafond``,
``troepenmacht``, ``blauwhelmen``, a force from many nations, a whole mission as the subject of a
strength verb), else the country or demonym that governs the figure, else ``NLD`` (the documents
are the Dutch government's own). Each case is a named rule (:data:`CONTRIBUTOR_RULES`)."""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.facts.contribution_mission import mission_ents
from sahel_analysis.facts.contribution_rules import Figure
from sahel_analysis.facts.contribution_vocab import NATIONS, alternation, iso3_codes
from sahel_analysis.facts.ordered import first_answer
from sahel_analysis.facts.spans import clause_bounds, cue_pattern, cues
from sahel_analysis.vocab import ISO3_WORD, Entities

_BLUE_HELMETS = re.compile(alternation("blue_helmets"), re.IGNORECASE)
_GOVERNS = re.compile(rf"\s+(?:(?:{alternation('governs_adjective')})\s+)?(?:{alternation('governs')})\b",
                      re.IGNORECASE)
_UNIT_OF = re.compile(rf"(?P<head>[^\W\d][\w\-]*)\s+(?:{alternation('unit_of')})\s+(?:(?:[\w.’']+\s+){{0,2}})$")
_NP_GAP = re.compile(r"(?:\s+[^\W\d][\w\-]*){0,2}\s+", re.IGNORECASE)
_FROM = re.compile(rf"\s+(?:{alternation('drawn_from')})\s+(?:[\w.’']+\s+){{0,2}}?", re.IGNORECASE)
_WORD_GAP = re.compile(r"[\w.’']+\s+")
_UNIT_OF_WORD = re.compile(rf"(?:{alternation('unit_of')})", re.IGNORECASE)
# Before a sentence's subject: a list bullet, a label ("Advies:") and at most one adverb ("Ook").
_SUBJECT_START = re.compile(r"[\s\-–•*]*(?:\w+\s*:\s*)?(?:\w+\s+)?", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[,;:()]")
_ARTICLE = re.compile(rf"(?:{alternation('subject_article')})\s+", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^()]*\)")
_RELATIVE = re.compile(rf",\s*(?:{alternation('relative')})\b", re.IGNORECASE)


@cache
def _unit_heads() -> tuple[str, ...]:
    """Head nouns of a group counted by its size (cue ``unit``), lower case."""
    return tuple(w.lower() for w in cues().get("unit", []))


def unit_frame(text: str, lo: int, pos: int) -> int | None:
    """Start of the unit noun in ``<unit> van [maximaal|ongeveer ..] <number>`` (``een trainingsteam
    van ongeveer 35``, ``Het Tsjadische bataljon van circa 850``) ending at ``pos``, else None."""
    m = _UNIT_OF.search(text, max(lo, pos - 60), pos)
    if m is None or not m["head"].lower().endswith(_unit_heads()):
        return None
    if not _qualifiers_only(text[m.end("head") : pos].split()[1:]):  # the words after "van"
        return None
    return m.start("head")


def _qualifiers_only(words: list[str]) -> bool:
    """Are all ``words`` qualifiers of a number (``maximaal``, ``ongeveer``, ``ruim``)?"""
    return all(cue_pattern("max").fullmatch(w) or cue_pattern("approx").fullmatch(w) for w in words)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _nations(ents: Entities, a: int, b: int) -> bool:
    return any(x.iso3 and x.kind in NATIONS for x in ents.between(a, b))


def from_nations(text: str, noun_end: int) -> bool:
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


def _subject_end(text: str, ents: Entities, start: int, pos: int) -> int | None:
    """End of a whole-mission subject at ``start`` (``De missie``, ``Het EU SDI GoG``), else None."""
    m = cue_pattern("whole").match(text, start)
    if m:
        return m.end()
    first = next(iter(mission_ents(ents.between(start, pos))), None)
    article = _ARTICLE.match(text, start)  # "Het EU SDI GoG telt ..."
    if first is None or first.start not in (start, article.end() if article else start):
        return None
    return first.end


def _own_size(text: str, end: int, pos: int) -> bool:
    """Only ``van`` and qualifiers (``maximaal``, ``ruim``) between a subject's end and the number
    at ``pos``: the number is the subject's own size."""
    words = text[end:pos].split()
    return bool(words) and _UNIT_OF_WORD.fullmatch(words[0]) is not None and _qualifiers_only(words[1:])


def _relative_only(text: str, after: int, verb_start: int) -> bool:
    """Only a relative clause between subject and verb: ``De missie, die ... werd, telde ...``."""
    if not _RELATIVE.match(text, after) or text[:verb_start].rstrip()[-1:] != ",":
        return False
    return not _CLAUSE_MARK.search(text, after + 1, text.rfind(",", after, verb_start))


def whole_subject(text: str, ents: Entities, s: int, pos: int, noun_end: int | None = None) -> bool:
    """Is the sentence's subject a whole mission (``De missie``, a mission's name) that a strength
    verb gives a size (``telt``, ``telde op haar hoogtepunt``) before ``pos``, with no country
    or demonym between?"""
    start = _skip_space(text, s)
    while start < pos and text[start] in "-–•*":
        start = _skip_space(text, start + 1)
    end = _subject_end(text, ents, start, pos)
    if end is None:
        return _whole_in_clause(text, ents, s, pos)
    if _own_size(text, end, pos):  # "De missie van ruim honderd experts ...": the subject's size
        return not _nations(ents, end, pos)
    verb = cue_pattern("strength").search(text, end, pos)
    if verb is None and noun_end is not None:  # "De missie zal ongeveer 100 militairen tellen"
        late = cue_pattern("strength").match(text, _skip_space(text, noun_end))
        if late is not None and not _CLAUSE_MARK.search(text, end, pos):
            return not _nations(ents, end, pos)
    if verb is None or ";" in text[verb.end() : pos]:  # the figure in a clause of its own
        return _whole_in_clause(text, ents, s, pos)
    paren = _PAREN.match(text, end)  # "De EU-missie (EUMPM Niger) telt ..."
    after = paren.end() if paren else end
    if _CLAUSE_MARK.search(text, after, verb.start()) and not _relative_only(text, after, verb.start()):
        return False
    return not _nations(ents, end, pos)


def _whole_in_clause(text: str, ents: Entities, s: int, pos: int) -> bool:
    """``..; met de uitbreiding groeit het initiatief tot ongeveer 110 personen``: within the figure's
    clause a strength verb and right after it a whole-mission subject, no country between."""
    cs = max(text.rfind(c, s, pos) for c in ",;:(")
    cs = cs + 1 if cs >= s else s
    for verb in cue_pattern("strength").finditer(text, cs, pos):
        subject = cue_pattern("whole").match(text, _skip_space(text, verb.end()))
        if subject and not _nations(ents, subject.end(), pos):
            return True
    return False


# ------------------------------------------------------------------------------ rules
def _nations_before(f: Figure) -> list:
    return [x for x in f.ents.between(f.s, f.n.start) if x.end <= f.n.start and x.iso3 and x.kind in NATIONS]


def _all_cue(f: Figure) -> str | None:
    """``het troepenplafond van ...``: a cue of a whole force in the figure's clause."""
    return "ALL" if cue_pattern("all").search(f.text, f.cs, f.n.start) else None


def country_before(f: Figure) -> str | None:
    """``Spanje 14 personen, Malta drie personen``: a country's name right before the number
    (a per-country list)."""
    return country_right_before(f.text, f.ents, f.s, f.n.start)


def country_right_before(text: str, ents: Entities, s: int, pos: int) -> str | None:
    """ISO3 of a country whose name ends right before ``pos`` (only spaces between), else None."""
    for x in ents.between(max(s, pos - 40), pos):
        if x.kind == "country" and x.iso3 and not text[x.end : pos].strip():
            return x.iso3
    return None


def _nation_after_number(f: Figure) -> str | None:
    """``9 Nederlandse stafofficieren``: a demonym or country inside the noun phrase."""
    adjacent = [x for x in f.ents.between(f.n.end, f.noun_end) if x.iso3 and x.kind in NATIONS]
    return adjacent[0].iso3 if adjacent else None


def _many_nations(f: Figure) -> str | None:
    return "ALL" if from_nations(f.text, f.noun_end) else None


def _unit_demonym(f: Figure) -> str | None:
    """``een Belgisch team van 20 instructeurs``: the unit's own demonym."""
    head = unit_frame(f.text, f.cs, f.n.start)
    if head is None:
        return None
    owner = [x for x in f.ents.between(max(f.cs, head - 40), head)
             if x.kind == "demonym" and x.iso3 and _NP_GAP.fullmatch(f.text, x.end, head)]
    return owner[-1].iso3 if owner else None


def _blue_helmets(f: Figure) -> str | None:
    return "ALL" if _BLUE_HELMETS.search(f.text, f.n.end, f.noun_end) else None


def _nation_governs(f: Figure) -> str | None:
    """``Duitsland levert ...``, ``de Franse bijdrage ...``: the last nation before that governs."""
    for x in reversed(_nations_before(f)):
        if _GOVERNS.match(f.text, x.end):
            return x.iso3
    return None


def _code_governs(f: Figure) -> str | None:
    """``MRT levert ca. 200``: a country code that governs."""
    for code in reversed(list(ISO3_WORD.finditer(f.text, f.cs, f.n.start))):
        if code[0] in iso3_codes() and _GOVERNS.match(f.text, code.end()):
            return code[0]
    return None


def _whole_subject(f: Figure) -> str | None:
    return "ALL" if whole_subject(f.text, f.ents, f.s, f.n.start, f.noun_end) else None


def _country_subject(f: Figure) -> str | None:
    """``Duitsland blijft met ongeveer 1.100 militairen ...``: a country as the sentence's subject."""
    before = _nations_before(f)
    if not before or before[-1].kind != "country":
        return None
    text, x = f.text, before[-1]
    for s in dict.fromkeys((f.s, f.cs)):  # the sentence's subject, or its clause's ("..., Spanje wil 60 ...")
        if (x.start >= s and _SUBJECT_START.fullmatch(text, s, x.start)
                and not _CLAUSE_MARK.search(text, x.end, f.n.start)
                and not cue_pattern("request").search(text, s, f.n.start)):
            return x.iso3
    return None


def _relative_nation(f: Figure) -> str | None:
    """``... Frankrijk, dat met 4.000 militairen aanwezig is``: the nation that a relative clause holding
    the figure is about."""
    m = _RELATIVE.match(f.text, f.cs - 1) if f.cs > f.s else None
    if m is None:
        return None
    nations = [x for x in f.ents.between(max(f.s, f.cs - 40), f.cs) if x.iso3 and x.kind in NATIONS]
    if nations and not f.text[nations[-1].end : f.cs - 1].strip():
        return nations[-1].iso3
    return None


_IN_TOTAL = re.compile(rf"(?:{alternation('in_total')})\s+(?:\w+\s+)?$", re.IGNORECASE)


def _mission_total(f: Figure) -> str | None:
    """``In totaal nemen 500 personen deel aan de missie``: a total of people in the whole mission
    (a whole-mission phrase after the figure), no nation named in its clause."""
    text = f.text
    if not _IN_TOTAL.search(text, max(f.cs, f.n.start - 30), f.n.start):
        return None
    _cs, ce = clause_bounds(text, f.s, f.e, f.n.start, f.noun_end)
    if _nations(f.ents, f.cs, ce) or not cue_pattern("whole").search(text, f.noun_end, ce):
        return None
    return "ALL"


def _no_dutch_document(f: Figure) -> str | None:
    """A news item that never names the Netherlands (an item on a foreign or international force):
    its figures are the whole force's, not Dutch (the government's own papers are Dutch throughout)."""
    doc = f.doc
    if f.n.value == 1:
        return None  # one person the item is about (a magazine's own people)
    if "contribution_names_nld" not in doc.memo:
        doc.memo["contribution_names_nld"] = doc.doc_type != "nieuwsbericht" or any(x.iso3 == "NLD" for x in f.ents)
    return None if doc.memo["contribution_names_nld"] else "ALL"


CONTRIBUTOR_RULES = (
    ("cue-all", _all_cue),
    ("nation-in-noun-phrase", _nation_after_number),
    ("country-before-number", country_before),
    ("from-many-nations", _many_nations),
    ("unit-demonym", _unit_demonym),
    ("blue-helmets", _blue_helmets),
    ("nation-governs", _nation_governs),
    ("code-governs", _code_governs),
    ("whole-mission-subject", _whole_subject),
    ("whole-mission-total", _mission_total),
    ("country-subject", _country_subject),
    ("relative-clause-nation", _relative_nation),
    ("no-dutch-in-document", _no_dutch_document),
)


def contributor_for(f: Figure) -> tuple[str, str]:
    """(ISO3 of the contributing country or ``ALL``, rule name); ``NLD`` by default."""
    return first_answer(CONTRIBUTOR_RULES, f, default=("NLD", "default-nld"))
