"""The named cue patterns of the event rules (vocab/events_cues.csv), compiled once each."""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.facts.event_literals import alternatives, required_literal
from sahel_analysis.facts.event_triggers import plain_case
from sahel_analysis.model import Document
from sahel_analysis.textchars import lowered
from sahel_analysis.vocab import read_csv


@cache
def _rows() -> dict[str, dict[str, str]]:
    return {r["name"]: r for r in read_csv("events_cues.csv")}


@cache
def cue(name: str) -> re.Pattern[str]:
    """The pattern named ``name`` in vocab/events_cues.csv (flag ``i``: case-insensitive)."""
    row = _rows()[name]
    return re.compile(row["pattern"], re.IGNORECASE if "i" in row["flags"] else 0)


@cache
def cue_parts(name: str) -> tuple[re.Pattern[str], ...]:
    """The top-level alternatives of cue ``name``, each compiled alone (a scan for one that
    starts with letters is fast where the whole alternation is slow)."""
    row = _rows()[name]
    flags = re.IGNORECASE if "i" in row["flags"] else 0
    return tuple(re.compile(alt, flags) for alt in alternatives(row["pattern"]))


@cache
def cue_literals(name: str) -> tuple[str, ...]:
    """The letters each match of an alternative of cue ``name`` holds, one per top-level
    alternative (lower case; "" where the alternative holds none): where its literal is not in a
    lower-cased span, that alternative cannot match there."""
    return tuple(required_literal(alt) for alt in alternatives(_rows()[name]["pattern"]))


def cue_in(name: str, doc: Document, s: int, e: int) -> bool:
    """Does cue ``name`` match in ``doc.text[s:e]``? Where lower-casing is exact, only the
    alternatives without a literal and those whose literal (:func:`cue_literals`) stands whole in
    the lower-cased span are tried, each alone (:func:`cue_parts`): one of them matches just where
    the whole cue does. (The spans asked about are clauses and sentences: looking for each literal
    in the span costs less than finding every literal in the whole document once.)"""
    low = lowered(doc)
    if low is None or not plain_case(doc):
        return cue(name).search(doc.text, s, e) is not None
    parts = cue_parts(name)
    text = doc.text
    for k, lit in enumerate(cue_literals(name)):
        if (not lit or low.find(lit, s, e) >= 0) and parts[k].search(text, s, e) is not None:
            return True
    return False
