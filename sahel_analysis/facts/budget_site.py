"""Where an amount stands (its sentence, span, the sentence before), the ordered rule lists that
decide a budget row's fields, and the span helpers those rules share."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from sahel_analysis.facts.budget_vocab import cue_rx
from sahel_analysis.facts.ordered import first_answer
from sahel_analysis.model import Document
from sahel_analysis.sentences import sentences_of
from sahel_analysis.vocab import Entities

_LEAD = re.compile(r"[\s\-–•*]*")
BULLET = re.compile(r"\s*[\-–•*]")
LOOK_BACK = 6  # sentences (list items count as sentences) searched for what "hiervan" refers to


class Site(NamedTuple):
    """An amount in its document: sentence ``[s, e)``, amount ``[start, end)``, the sentence before
    (None for the first), whether the amount recurs each year (decided before the period), and
    where the amount before it in the sentence ends (the sentence start for the first)."""

    doc: Document
    ents: Entities
    s: int
    e: int
    start: int
    end: int
    prev: tuple[int, int] | None
    per_year: bool = False
    after: int = 0

    @property
    def text(self) -> str:
        return self.doc.text


Rule = tuple[str, Callable[[Site], Any]]


def decide(rules: Sequence[Rule], site: Site, default: tuple[Any, str]) -> tuple[Any, str]:
    """The answer of the first rule of ``rules`` that gives one (not None), with its name; else
    ``default`` (value, name)."""
    return first_answer(rules, site, default=default)


def opens_with(text: str, s: int, e: int, meaning: str) -> bool:
    """Does the sentence ``[s, e)`` open with a cue of ``meaning`` (list bullets skipped)?"""
    lead = _LEAD.match(text, s, e)
    return bool(cue_rx(meaning).match(text, lead.end() if lead else s, e))


def points_back(text: str, s: int, pos: int) -> bool:
    """Does the sentence, before the amount, refer back to what was just told (``hiervan``,
    ``deze bijdrage``)?"""
    return bool(cue_rx("back_reference").search(text, s, pos))


def paragraph_start(text: str, s: int) -> int:
    """Start of the paragraph of ``s``; a list item's paragraph is the whole list (its items
    and the line that opens it)."""
    a = text.rfind("\n", 0, s) + 1
    while a > 0 and BULLET.match(text, a):
        a = text.rfind("\n", 0, a - 1) + 1
    return a


def previous(doc: Document, s: int) -> list[tuple[int, int]]:
    """The sentences before the one at ``s`` in its paragraph, the nearest first (at most
    ``LOOK_BACK``); a list and the sentence that opens it (``... de volgende onderdelen:``) count
    as one paragraph."""
    text = doc.text
    sents = sentences_of(doc)
    i = bisect.bisect_right([a for a, _ in sents], s) - 1
    out = []
    nxt = s
    for a, b in reversed(sents[max(0, i - LOOK_BACK) : max(0, i)]):
        cut = text.rfind("\n", b - 1, nxt)
        if cut >= 0 and not (BULLET.match(text, cut + 1) or text[a:b].rstrip().endswith(":")):
            break
        out.append((a, b))
        nxt = a
    return out


def in_brackets(text: str, s: int, pos: int) -> int | None:
    """Where the bracket opens that ``pos`` stands in, within its sentence from ``s``; else None."""
    opened = text.rfind("(", s, pos)
    return opened if opened >= 0 and text.rfind(")", opened, pos) < 0 else None
