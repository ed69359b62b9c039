"""Personnel contributions: a number of people near a mission name.

Each field of a row is decided by an ordered list of small named rules, the first that answers
winning (sahel_analysis.facts.contribution_rules); the row's ``rule`` column names the rule of each
field (``count:number-before-noun; mission:same-sentence; contributor:default-nld; ...``):
- count: contribution_counts.COUNT_RULES (a number before a personnel noun of vocab/units.csv, or a
  bare number where the sentence speaks of ``het aantal <noun>``);
- mission: contribution_mission.MISSION_RULES, then the combined mandates;
- contributor: contribution_contributor.CONTRIBUTOR_RULES (``ALL`` for a whole strength, a
  governing country or demonym, else ``NLD``: the documents are the Dutch government's own);
- component: contribution_component.COMPONENT_RULES;
- qualifier: :data:`QUALIFIER_RULES` (the cue of vocab/contribution_cues.csv nearest before the
  number; a mandate figure is a ceiling);
- period: contribution_period.DATED_RULES / UNDATED_RULES (own clause, decision, lead-ins,
  paragraph, heading, title);
- kind: :data:`KIND_RULES` (the sentence's cue, the context's, ``planned`` for a period after the
  document's date, else ``actual``).
The same figure (contributor, mission, component, number) stated with and without a period is one
row, the one with the period. The words the rules read are in sahel_analysis/vocab/*.csv.
"""

from __future__ import annotations

import re

from sahel_analysis.facts.contribution_component import component_for
from sahel_analysis.facts.contribution_contributor import (
    contributor_for,
    country_before,
    country_right_before,
    unit_frame,
)
from sahel_analysis.facts.contribution_counts import counts_in, people_sentences
from sahel_analysis.facts.contribution_mission import (
    IN_SENTENCE,
    MISSION_KINDS,
    base_mission,
    both_missions,
    combined_mandate,
    combined_missions,
    national_operation,
)
from sahel_analysis.facts.contribution_period import (
    context_period,
    duration_months,
    figure_period,
    is_list_item,
    minus_months,
    text_period,
)
from sahel_analysis.facts.contribution_rules import Figure
from sahel_analysis.facts.contribution_vocab import alternation, word_set, words
from sahel_analysis.facts.ordered import first_answer, reason
from sahel_analysis.facts.spans import cue_pattern, nearest_cue, quote_span
from sahel_analysis.model import Document
from sahel_analysis.numbers import find_numbers
from sahel_analysis.sentences import sentences_of
from sahel_analysis.vocab import MISSIONS, Entities, entities_of

__all__ = ["MISSION_KINDS", "context_period", "duration_months", "extract", "minus_months", "text_period",
           "unit_frame"]


# ------------------------------------------------------------------------------ qualifier, kind
def _cue_max(f: Figure) -> str | None:
    return "max" if _nearest(f) == "max" else None


def _cue_approx(f: Figure) -> str | None:
    return "approx" if _nearest(f) == "approx" else None


def _nearest(f: Figure) -> str:
    """The qualifier cue nearest before the number, after the previous figure (at most 30 characters)."""
    return nearest_cue(f.text, max(f.prev_end, f.n.start - 30), f.n.start)


_RANGE_UPPER = re.compile(rf"\b(?:{alternation('range_between')})\s+(?:(?:{alternation('range_article')})\s+)?"
                          rf"[\w.]+\s+(?:{alternation('range_and')})\s+$", re.IGNORECASE)


def _range_upper(f: Figure) -> str | None:
    """``tussen de 200 en 300 militairen``: the upper bound is a ceiling."""
    return "max" if _RANGE_UPPER.search(f.text, max(f.s, f.n.start - 40), f.n.start) else None


def _range_lower(f: Figure) -> str | None:
    """The lower bound of a range is an approximation."""
    return "approx" if f.count_rule == "range-lower-bound" else None


QUALIFIER_RULES = (
    ("range-upper-bound", _range_upper),
    ("range-lower-bound", _range_lower),
    ("cue-max", _cue_max),
    ("cue-approx", _cue_approx),
)


def _qualifier_max(f: Figure) -> str | None:
    """A ceiling cue (``maximaal``) states a mandate; the upper bound of a range does not."""
    return "mandate" if f.qualifier == "max" and f.qualifier_rule != "range-upper-bound" else None


def _sentence_cue(meaning: str):  # noqa: ANN202 - a rule
    kind = "mandate" if meaning == "decision" else meaning

    def rule(f: Figure) -> str | None:
        return kind if cue_pattern(meaning).search(f.text, f.s, f.e) else None
    return rule


_NO_CEILING = frozenset({"cue-decision", "context-decision"})


def _context_cue(f: Figure) -> str | None:
    return f.context_kind if f.context_kind != "decision" else None


def _context_decision(f: Figure) -> str | None:
    """A figure under a decision (``Het kabinet besluit tot deze bijdrage:``)."""
    return "mandate" if f.context_kind == "decision" else None


def _period_after_document(f: Figure) -> str | None:
    ref = f.doc.ref_date
    return "planned" if f.period_start and ref and f.period_start > ref.isoformat() else None


KIND_RULES = (
    ("qualifier-max", _qualifier_max),
    ("cue-mandate", _sentence_cue("mandate")),
    ("cue-decision", _sentence_cue("decision")),
    ("cue-planned", _sentence_cue("planned")),
    ("context-cue", _context_cue),
    ("context-decision", _context_decision),
    ("period-after-document", _period_after_document),
)


# ------------------------------------------------------------------------------ gates
def _is_trainees(f: Figure) -> bool:
    """``trainde EUTM 20.000 militairen``: trainees (unless of a teaching role) are no contribution."""
    return not _teacher(f) and _trainees(f)


def _teacher(f: Figure) -> bool:
    """Does the figure count people of a teaching role (``12 instructeurs``)? They train, never are trained."""
    return bool(cue_pattern("teacher").search(f.text, f.n.end, f.noun_end))


_OF_FIGURE = re.compile(rf"\b(?P<noun>[^\W\d]+)(?:\s+(?:{alternation('and')})\s+[^\W\d]+)?\s+"
                        rf"(?:{alternation('training_of_link')})\s+(?:[^\W\d][\w.]*\s+)?$", re.IGNORECASE)
_PARTICLE_OP = re.compile(rf"\b(?:{alternation('particle')})(?=\s*(?:[.,;:)]|$|"
                          + "|".join(rf"{w}\b" for w in words("particle_next")) + "))", re.IGNORECASE)
_REL = re.compile(rf"\b(?:{alternation('clause_link')})\b", re.IGNORECASE)


def _trainees(f: Figure) -> bool:
    """Is the figure the object of training (``trainde EUTM 20.000 militairen``,
    ``zijn 500 militairen opgeleid``)? Trainers who train others (``die ... opleiden``,
    ``om ... te trainen``) are not."""
    text, lo, n, noun_end, hi = f.text, f.prev_end, f.n, f.noun_end, f.next_start
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


def _has_cue(text: str, s: int, e: int) -> bool:
    """A contribution cue in the sentence, or (for a list item) in the list's lead-in line."""
    if cue_pattern("contribution").search(text, s, e):
        return True
    line_start = text.rfind("\n", 0, s) + 1
    if not is_list_item(text[line_start:e]):
        return False
    cursor = line_start
    for _ in range(15):
        if cursor <= 0:
            return False
        prev_start = text.rfind("\n", 0, cursor - 1) + 1
        line = text[prev_start : cursor - 1]
        if not is_list_item(line):
            return line.rstrip().endswith(":") and bool(cue_pattern("contribution").search(line))
        cursor = prev_start
    return False


def _counted_group(f: Figure) -> bool:
    """Is the figure a group's size (``een team van 32``) or a nation's people (``9 Nederlandse
    stafofficieren``)? Such a figure states a contribution without a cue word."""
    if unit_frame(f.text, f.s, f.n.start) is not None or f.count_rule == "head-count":
        return True
    if country_before(f):
        return True
    return _military_noun(f) or any(x.kind == "demonym" and x.iso3 for x in f.ents.between(f.n.end, f.noun_end))


def _military_noun(f: Figure) -> bool:
    """Does the figure count soldiers (``militairen``, ``manschappen``, ``man``) as the subject that
    opens its sentence (``Zo'n 70 militairen bewaken ...``)? Soldiers near a mission are sent there;
    people in general (``mensen``, ``personen``) need a cue."""
    noun = f.text[f.n.end : f.noun_end].split()
    if not noun or noun[-1].lower() not in _MILITARY_NOUNS:
        return False
    if f.doc.doc_type == "nieuwsbericht":
        return True  # a news item on a mission speaks of its soldiers
    lead = f.text[f.s : f.n.start].replace("’", "'").split()
    return all(w.lower().strip(" -–•*") in _FIGURE_LEAD or any(c.isdigit() for c in w) or _is_number_word(w)
               for w in lead)


def _is_number_word(word: str) -> bool:
    found = find_numbers(word)
    return len(found) == 1 and found[0].text == word


_MILITARY_NOUNS = word_set("military_noun")
_FIGURE_LEAD = word_set("figure_lead") | {""}


# ------------------------------------------------------------------------------ one figure
def _decide(f: Figure, combined: set[str]) -> dict | None:
    """The row of figure ``f`` (its fields decided by the rules), or None where it states no
    contribution (no mission, or no cue, mission or group size in its sentence)."""
    mission, mission_rule = base_mission(f)
    in_sentence = mission_rule in IN_SENTENCE
    if mission is None or not (in_sentence or _has_cue(f.text, f.s, f.e) or _counted_group(f)):
        return None
    if not in_sentence:
        both = both_missions(f, mission)
        if both != mission:
            mission, mission_rule = both, "both-missions"
    f.contributor, contributor_rule = contributor_for(f)
    operation = national_operation(f, f.contributor, mission_rule)
    if operation is not None:
        mission, mission_rule = operation, "national-operation"
    named = mission if mission not in MISSIONS else None  # a mission outside the schema's list
    if named is not None:
        mission = "other"
    if f.contributor != "ALL":
        mission, combined_rule = combined_mandate(f, mission, combined, mission_rule == "own-clause")
        mission_rule = combined_rule or mission_rule
    f.mission, f.named = mission, named
    f.qualifier, qualifier_rule = first_answer(QUALIFIER_RULES, f, default=("exact", "default-exact"))
    f.qualifier_rule = qualifier_rule
    (f.period_start, f.period_end, f.context_kind), period_rule = figure_period(f)
    kind, kind_rule = first_answer(KIND_RULES, f, default=("actual", "default-actual"))
    qualifier = f.qualifier
    if kind == "mandate" and qualifier == "exact" and kind_rule not in _NO_CEILING:
        qualifier, qualifier_rule = "max", "mandate-ceiling"
    component, component_rule = component_for(f)
    if named is not None:
        component = f"{named} {component}"  # "other": the component says which mission
    qs, qe = quote_span(f.text, f.s, f.e, f.n.start, f.noun_end)
    return {
        "contributor": f.contributor,
        "mission": mission,
        "component": component,
        "personnel": int(f.n.value),
        "qualifier": qualifier,
        "period_start": f.period_start,
        "period_end": f.period_end,
        "kind": kind,
        "quote": f.text[qs:qe],
        "start": qs,
        "end": qe,
        "rule": reason([("count", f.count_rule), ("mission", mission_rule), ("contributor", contributor_rule),
                        ("component", component_rule), ("qualifier", qualifier_rule), ("period", period_rule),
                        ("kind", kind_rule)]),
    }


def _figures(doc: Document, ents: Entities, s: int, e: int, found: list) -> list[Figure]:
    """The figures of sentence ``[s, e)`` that are no trainees."""
    out = []
    prev_end = s
    for k, (n, noun_end, label, rule) in enumerate(found):
        next_start = found[k + 1][0].start if k + 1 < len(found) else e
        f = Figure(doc, ents, s, e, n, noun_end, label, rule, prev_end, next_start, found)
        prev_end = noun_end
        if not _is_trainees(f):
            out.append(f)
    return out


class _Rows:
    """The rows of a document, one per figure: a figure stated again is dropped, and one stated
    first without a period and later with one keeps the dated row."""

    def __init__(self) -> None:
        self.rows: list[dict | None] = []
        self.seen: set[tuple] = set()
        self.dated_bases: set[tuple] = set()
        self.undated_at: dict[tuple, int] = {}

    def add(self, row: dict) -> None:
        base = (row["contributor"], row["mission"], row["component"], row["personnel"])
        key = (*base, row["period_start"], row["period_end"])
        dated = row["period_start"] is not None or row["period_end"] is not None
        if key in self.seen or (not dated and base in self.dated_bases):
            return  # the same figure again, or again without the period it had before
        self.seen.add(key)
        if dated:
            self.dated_bases.add(base)
            if base in self.undated_at:  # the figure stated before without a period: this row replaces it
                self.rows[self.undated_at.pop(base)] = None
        else:
            self.undated_at[base] = len(self.rows)
        self.rows.append(row)

    def result(self) -> list[dict]:
        return [r for r in self.rows if r is not None]


def extract(doc: Document) -> list[dict]:
    """Contribution rows (SCHEMA.md columns plus quote/start/end/rule) of one document."""
    text = doc.text
    ents = entities_of(doc)
    sents = sentences_of(doc)
    combined = combined_missions(doc, ents, sents)
    rows = _Rows()
    for (s, e), people in zip(sents, people_sentences(doc, sents), strict=True):
        if not people:
            continue  # no word for people (nor "aantal"): no count, and no number scan
        listed = any(x.kind == "country" and x.iso3 for x in ents.between(s, e))  # "België één persoon"
        found = counts_in(doc, s, e, (lambda pos, s=s: country_right_before(text, ents, s, pos) is not None)
                          if listed else None)
        if not found or cue_pattern("exclude").search(text, s, e):
            continue
        for f in _figures(doc, ents, s, e, found):
            row = _decide(f, combined)
            if row is not None:
                rows.add(row)
    return rows.result()

