"""The component of a figure: the unit or role it counts (vocab/units.csv labels). Each case is a
named rule (:data:`COMPONENT_RULES`)."""

from __future__ import annotations

import re

from sahel_analysis.facts.contribution_period import is_list_item
from sahel_analysis.facts.contribution_rules import Figure
from sahel_analysis.facts.contribution_vocab import alternation, noun_rx, phrase_rx, unit_label
from sahel_analysis.facts.ordered import first_answer

_PAREN_NOUN = re.compile(r"\s*\(\s*(?P<noun>[^()\d]{3,40}?)\s*\)")
_MILITARY = re.compile(alternation("military_stem"))
_IN_TOTAL = re.compile(rf"(?:{alternation('in_total')})\s+(?:\w+\s+)?$")
_AS_ROLE = re.compile(rf"\s+(?:{alternation('as_role')})\s+(?:(?:{alternation('role_article')})\s+)?", re.IGNORECASE)
_ITEM_TOTAL = re.compile(rf",\s*(?:{alternation('in_total')})\s+(?:\w+\s+)?$")
_NEXT_FIGURE = re.compile(rf"(?<![\w\-])\d|\b(?:{alternation('next_figure')})\b")
_POLICE = frozenset({"police personnel", "police officers"})  # labels of police nouns (vocab/units.csv)


def _whole_force(f: Figure) -> str | None:
    """A whole mission's soldiers are ``military personnel`` only where the sentence gives its police
    a figure of their own, and its police ``police personnel``; otherwise the noun's label."""
    if f.contributor != "ALL":
        return None
    if f.label in _POLICE:
        return "police personnel"
    police = any(lab in _POLICE for m, _, lab, _r in f.others if m is not f.n)
    noun = f.text[f.n.end : f.noun_end].lower()
    return "military personnel" if police and _MILITARY.search(noun) else f.label


def _role(f: Figure) -> str | None:
    """``tien politiefunctionarissen als Individual Police Officer``, ``twee militairen als stafofficier``."""
    role = _AS_ROLE.match(f.text, f.noun_end, f.e)
    if not role:
        return None
    m = phrase_rx().match(f.text, role.end(), f.e)
    if m:
        return unit_label(m.group(0), False)
    m = noun_rx().match(f.text, role.end(), f.e)
    if m and unit_label(m.group(0)) != "total":
        return unit_label(m.group(0))
    return None


def _unit_noun(f: Figure) -> str | None:
    return f.label if f.label != "total" else None


def _head_count_group(f: Figure) -> str | None:
    """``de 300-koppige hoofdmacht``: the group noun counted by its heads, where it is a unit phrase."""
    if f.count_rule != "head-count":
        return None
    m = phrase_rx().search(f.text, f.n.end, f.noun_end)
    return unit_label(m.group(0), False) if m else None


def _paren_noun(f: Figure) -> str | None:
    """``4 pax (stafofficieren)``."""
    paren = _PAREN_NOUN.match(f.text, f.noun_end, f.e)
    if not paren:
        return None
    m = noun_rx().fullmatch(paren["noun"])
    return unit_label(m.group(0)) if m and unit_label(m.group(0)) != "total" else None


def _in_total(f: Figure) -> str | None:
    """``in totaal 45 militairen``: the total, or in a list item the unit named before it
    (``– een C-130 ..., in totaal 45 militairen``)."""
    text, lo, n = f.text, f.prev_end, f.n
    if not _IN_TOTAL.search(text[max(lo, n.start - 25) : n.start]):
        return None
    line_start = text.rfind("\n", 0, n.start) + 1
    item = text[line_start : n.start]
    if is_list_item(item) and _ITEM_TOTAL.search(item):
        m = phrase_rx().search(text, max(lo, line_start), n.start)
        if m:
            return unit_label(m.group(0), False)
    return "total"


def _phrase_after(f: Figure) -> str | None:
    """A unit phrase after the noun, before the next figure (``... met een C-130``)."""
    nxt = _NEXT_FIGURE.search(f.text[f.noun_end : f.e])
    after_end = f.noun_end + nxt.start() if nxt else f.e
    m = phrase_rx().search(f.text, f.noun_end, after_end)
    return unit_label(m.group(0), False) if m else None


def _phrase_before(f: Figure) -> str | None:
    """The last unit phrase before the number, after the previous figure."""
    before = list(phrase_rx().finditer(f.text, max(f.prev_end, f.s), f.n.start))
    return unit_label(before[-1].group(0), False) if before else None


COMPONENT_RULES = (
    ("whole-force", _whole_force),
    ("role-after-noun", _role),
    ("unit-noun", _unit_noun),
    ("head-count-group", _head_count_group),
    ("noun-in-brackets", _paren_noun),
    ("in-total", _in_total),
    ("phrase-after", _phrase_after),
    ("phrase-before", _phrase_before),
)


def component_for(f: Figure) -> tuple[str, str]:
    """(component label, rule name) of figure ``f``; ``total`` by default."""
    return first_answer(COMPONENT_RULES, f, default=("total", "default-total"))
