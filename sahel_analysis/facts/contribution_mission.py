"""The mission of a contribution figure: the mission its own clause names after it, else the
nearest in its sentence, else (for an unnamed ``missie``) its paragraph's or the title's, else the
last one named before it in the paragraph, earlier lines or section heading, else the title's,
else the one the document names most. Then the combined mandates (vocab/mission_combinations.csv).
Each case is a named rule (:data:`MISSION_RULES`)."""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.facts.contribution_rules import Figure
from sahel_analysis.facts.contribution_vocab import alternation, combinations, combined_name, words
from sahel_analysis.facts.ordered import first_answer
from sahel_analysis.facts.spans import alias_pattern, clause_bounds
from sahel_analysis.model import Document
from sahel_analysis.sentences import find_all, is_heading, section_of, sentences_at
from sahel_analysis.textchars import lowered
from sahel_analysis.vocab import Entities, Entity, find_entities, mission_hosts, read_csv

MISSION_KINDS = ("mission", "programme")
_GENERIC_MISSION = re.compile(rf"\b(?:{alternation('generic_mission')})\b", re.IGNORECASE)
_BOTH = re.compile(rf"\b(?:{alternation('both')})\s+(?:[\w]+-)?(?:{alternation('missions_plural')})\b",
                   re.IGNORECASE)
_PLURAL_MISSIONS = re.compile(rf"\b(?:\w+-)?\w*(?:{alternation('missions_plural')})\b", re.IGNORECASE)
_COMBINED_CUE = re.compile(alternation("combined", spaced=False), re.IGNORECASE)
_TO_MISSION_WORDS = tuple(f" {w} " for w in words("to_mission"))
_TO_MISSION = re.compile(
    rf"\s*(?:{alternation('to_mission')})\s+(?:(?:{alternation('to_mission_article')})\s+)?$", re.IGNORECASE)
_REL = re.compile(rf"\b(?:{alternation('clause_link')})\b", re.IGNORECASE)


def mission_ents(ents: Entities) -> list[Entity]:
    return [e for e in ents if e.kind in MISSION_KINDS]


def _hints(words: list[str], width: int = 8) -> tuple[str, ...]:
    """Lower-case prefixes (``width`` characters) of ``words`` where a case-insensitive match of a
    word starts in lower-cased text: with ``ı`` for ``i`` and ``ſ`` for ``s`` (they match too)."""
    out = {""}
    for w in words:
        prefixes = {""}
        for c in w.lower()[:width]:
            alts = {"i": "iı", "s": "sſ"}.get(c, c)
            prefixes = {p + a for p in prefixes for a in alts}
        out |= prefixes
    return tuple(sorted(out - {""}))


_COMBINED_HINTS = _hints(list(words("combined")))


def combined_missions(doc: Document, ents: Entities, sents: list[tuple[int, int]]) -> set[str]:
    """Missions the document says share one national mandate (vocab/mission_combinations)."""
    out: set[str] = set()
    named = {x.canonical for x in ents}
    pairs = [p for p in combinations() if p[0] in named and p[1] in named]
    if not pairs:
        return out  # no two missions of a combination in the document: none to combine
    low = lowered(doc)
    hinted = range(len(sents)) if low is None else sentences_at(sents, find_all(low, _COMBINED_HINTS))
    for i in hinted:
        s, e = sents[i]
        if not _COMBINED_CUE.search(doc.text, s, e):
            continue
        lo = sents[i - 1][0] if i else s
        names = {x.canonical for x in ents.between(lo, e)}
        for first, second, combined in pairs:
            if first in names and second in names:
                out.update((first, second, combined))
    return out


def own_mission(text: str, ents: Entities, s: int, e: int, noun_end: int, next_start: int) -> str | None:
    """The mission a figure's own clause names after it (``twee experts aan EUCAP Sahel Mali`` in a
    run of such clauses): the first mission right after ``aan``/``bij``/``voor`` before the next
    figure and the clause's end, else None."""
    _cs, ce = clause_bounds(text, s, e, noun_end, noun_end)
    hi = min(ce, next_start)
    for x in mission_ents(ents.between(noun_end, hi)):
        head = text[noun_end : x.start]
        cut = max(head.rfind(w) for w in _TO_MISSION_WORDS)
        if cut >= 0 and _TO_MISSION.fullmatch(head, cut) and not _REL.search(head):
            return x.canonical
        return None
    return None


def _main_missions(doc: Document, ents: Entities) -> list[str]:
    """The mission the document names most often (first named on a tie), as a list of one;
    empty where it names none."""
    if "contribution_main_mission" not in doc.memo:
        counts: dict[str, int] = {}
        for x in mission_ents(ents):
            counts[x.canonical] = counts.get(x.canonical, 0) + 1
        best = max(counts, key=counts.__getitem__, default=None)  # dicts keep the first-named order
        doc.memo["contribution_main_mission"] = [best] if best else []
    return doc.memo["contribution_main_mission"]


def title_missions(doc: Document) -> list[str]:
    """The missions the document's title names (the last resort for a figure's mission)."""
    return [x.canonical for x in find_entities(doc.title or "") if x.kind in MISSION_KINDS]


def _paragraph_before(doc: Document, ents: Entities, s: int, reach: int) -> list[str] | None:
    line_start = max(doc.text.rfind("\n", 0, s) + 1, s - reach)
    return [x.canonical for x in mission_ents(ents.between(line_start, s))] or None


def _earlier_lines(doc: Document, ents: Entities, s: int, reach: int) -> list[str] | None:
    text = doc.text
    cursor = max(text.rfind("\n", 0, s) + 1, s - reach)
    while cursor > 0 and s - cursor < reach:
        prev_start = text.rfind("\n", 0, cursor - 1) + 1
        names = [x.canonical for x in mission_ents(ents.between(prev_start, cursor - 1))]
        if names:
            return names
        if is_heading(text[prev_start : cursor - 1]):
            break
        cursor = prev_start
    return None


def _heading(doc: Document, ents: Entities, s: int, reach: int) -> list[str] | None:
    return [x.canonical for x in find_entities(section_of(doc.text, s)) if x.kind in MISSION_KINDS] or None


CONTEXT_RULES = (
    ("paragraph", _paragraph_before),
    ("earlier-lines", _earlier_lines),
    ("heading", _heading),
)


def context_missions(doc: Document, ents: Entities, s: int, reach: int = 700) -> list[str]:
    """Missions named before position ``s``: same paragraph, else earlier lines back to a
    heading or a list's lead-in (at most ``reach`` characters), else the section heading."""
    return first_answer(CONTEXT_RULES, doc, ents, s, reach, default=([], "none"))[0]


# ------------------------------------------------------------------------------ rules
def _own_clause(f: Figure) -> str | None:
    """``maximaal drie experts aan EUCAP Sahel Niger``: the mission the figure's clause names after it."""
    return own_mission(f.text, f.ents, f.s, f.e, f.noun_end, f.next_start)


_OF_FORCE = re.compile(
    rf"\s*(?:{alternation('of_force')})\s+(?:(?:{alternation('of_force_article')})\s+)?$", re.IGNORECASE)


@cache
def _organisation_forces() -> dict[str, str]:
    """Organisation -> its military force (vocab/organisation_forces.csv)."""
    return {r["organisation"]: r["force"] for r in read_csv("organisation_forces.csv")}


def _force_of_organisation(f: Figure) -> str | None:
    """``vijfduizend soldaten van de G5``: the force of the organisation right after the figure's noun."""
    forces = _organisation_forces()
    x = next(iter(f.ents.between(f.noun_end, min(f.e, f.noun_end + 40))), None)
    if x is None or x.canonical not in forces or not _OF_FORCE.fullmatch(f.text, f.noun_end, x.start):
        return None
    return forces[x.canonical]


def _same_sentence(f: Figure) -> str | None:
    """The mission of the sentence nearest the number (those before it first)."""
    inside = mission_ents(f.ents.between(f.s, f.e))
    if not inside:
        return None
    pos = f.n.start
    return min(inside, key=lambda x: pos - x.end if x.end <= pos else x.start - pos + 5).canonical


def _unnamed(f: Figure) -> tuple[list[str], list[str]] | None:
    """(paragraph missions, title missions) where the sentence speaks of an unnamed ``missie`` and
    the title names one mission."""
    title = title_missions(f.doc)
    if len(set(title)) != 1 or not _GENERIC_MISSION.search(f.text, f.s, f.e):
        return None
    line_start = f.text.rfind("\n", 0, f.s) + 1
    return [x.canonical for x in mission_ents(f.ents.between(line_start, f.s))], title


def _unnamed_mission_paragraph(f: Figure) -> str | None:
    """``Beoogde omvang missie ca. 50 pax``: the mission named before it on its line."""
    got = _unnamed(f)
    return got[0][-1] if got and got[0] else None


def _unnamed_mission_title(f: Figure) -> str | None:
    """``Beoogde omvang missie ca. 50 pax``: the one mission of the title."""
    got = _unnamed(f)
    return got[1][-1] if got else None


def _context(name: str):  # noqa: ANN202 - a rule
    rule = dict(CONTEXT_RULES)[name]

    def answer(f: Figure) -> str | None:
        found = rule(f.doc, f.ents, f.s, 700)
        return found[-1] if found else None
    return answer


def _title(f: Figure) -> str | None:
    found = title_missions(f.doc)
    return found[-1] if found else None


def _most_named(f: Figure) -> str | None:
    found = _main_missions(f.doc, f.ents)
    return found[-1] if found else None


@cache
def _mission_hints() -> list[tuple[str, re.Pattern[str], str]]:
    """(mission, cue pattern, country) of vocab/contribution_mission_hints.csv."""
    return [(r["mission"], re.compile(rf"(?<![\w\-]){alias_pattern(r['cue'])}(?![\w\-])", re.IGNORECASE),
             r["country"]) for r in read_csv("contribution_mission_hints.csv")]


def _kind_and_country(f: Figure) -> str | None:
    """A document that names no mission but a kind of mission and a country (``een VN-missie``
    and ``Mali``): the mission of that kind there."""
    doc = f.doc
    if "contribution_hinted_mission" not in doc.memo:
        found = None
        if not mission_ents(f.ents):
            countries = {x.iso3 for x in f.ents if x.kind == "country"}
            text = f"{doc.title or ''}\n{doc.text}"
            found = next((m for m, cue, iso3 in _mission_hints() if iso3 in countries and cue.search(text)), None)
        doc.memo["contribution_hinted_mission"] = found
    return doc.memo["contribution_hinted_mission"]


MISSION_RULES = (
    ("own-clause", _own_clause),
    ("force-of-organisation", _force_of_organisation),
    ("same-sentence", _same_sentence),
    ("unnamed-mission-paragraph", _unnamed_mission_paragraph),
    ("unnamed-mission-title", _unnamed_mission_title),
    ("paragraph", _context("paragraph")),
    ("earlier-lines", _context("earlier-lines")),
    ("heading", _context("heading")),
    ("title", _title),
    ("most-named", _most_named),
    ("kind-and-country", _kind_and_country),
)
IN_SENTENCE = frozenset({"own-clause", "force-of-organisation", "same-sentence"})
# Rules that found no mission near the figure (only the document's own missions).
DOCUMENT_WIDE = frozenset({"title", "most-named", "kind-and-country"})


@cache
def _national_operations() -> dict[str, tuple[str, ...]]:
    """ISO3 -> the national operations it runs (vocab/national_operations.csv), in file order."""
    out: dict[str, list[str]] = {}
    for r in read_csv("national_operations.csv"):
        out.setdefault(r["country"], []).append(r["mission"])
    return {k: tuple(v) for k, v in out.items()}


def national_operation(f: Figure, contributor: str, mission_rule: str) -> str | None:
    """A country's figure with no mission named near it, in a document that names that country's
    own national operation (``de Fransen, die met 4000 man in de regio zijn`` beside Barkhane):
    the operation named last before the figure, else the first after it (rule ``national-operation``)."""
    ops = _national_operations().get(contributor)
    if not ops or mission_rule not in DOCUMENT_WIDE:
        return None
    named = [x for x in mission_ents(f.ents) if x.canonical in ops]
    before = [x for x in named if x.end <= f.n.start]
    pick = before[-1] if before else next(iter(named), None)
    return pick.canonical if pick else None


def base_mission(f: Figure) -> tuple[str | None, str]:
    """The mission of figure ``f`` before combined mandates, and the rule that found it."""
    return first_answer(MISSION_RULES, f)


def both_missions(f: Figure, mission: str) -> str:
    """``beide missies`` in a sentence without a mission name: the combined mission of the context;
    missions in the plural with the host countries of both missions of a combination (``de
    EU-missies in Mali en Niger``): that combination."""
    if _BOTH.search(f.text, f.s, f.e):
        names = set(context_missions(f.doc, f.ents, f.s))
        for first, second, comb in combinations():
            if {first, second} <= names:
                mission = comb
        return mission
    pairs = [(a, b, comb) for a, b, comb in combinations() if mission in (a, b)]
    if not pairs or not _PLURAL_MISSIONS.search(f.text, f.s, f.e):
        return mission
    named = {x.iso3 for x in f.ents.between(f.s, f.e) if x.kind == "country"}
    hosts = mission_hosts()
    for first, second, comb in pairs:
        if hosts.get(first, frozenset()) & named and hosts.get(second, frozenset()) & named:
            return comb
    return mission


def combined_mandate(f: Figure, mission: str, combined: set[str], own: bool) -> tuple[str, str | None]:
    """A country's figure of a mission the document says shares a mandate (rule ``combined-mandate``),
    or whose clause names the other mission of a combination (rule ``combined-in-clause``)."""
    rule = None
    if mission in combined and combined_name(mission) != mission:
        mission, rule = combined_name(mission), "combined-mandate"
    if own:
        return mission, rule
    cs, _ce = clause_bounds(f.text, f.s, f.e, f.n.start, f.noun_end)
    for x in f.ents.between(cs, f.e):
        pair = {x.canonical, mission}
        if x.canonical != mission and any(pair == {a, b} for a, b, _ in combinations()):
            new = combined_name(mission)
            if new != mission:
                mission, rule = new, "combined-in-clause"
    return mission, rule

