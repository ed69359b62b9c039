"""The named cue patterns of the event rules (vocab/events_cues.csv), compiled once each."""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.facts.event_literals import alternatives, required_literal
from sahel_analysis.facts.event_triggers import plain_case
from sahel_analysis.model import Document
from sahel_analysis.sentences import lowered
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
def cue_literals(name: str) -> tuple[str, ...] | None:
    """A letters each match of cue ``name`` holds, one per top-level alternative (lower case),
    or None where an alternative holds none: where none of them is in a lower-cased span, the
    cue cannot match there."""
    lits = tuple(required_literal(alt) for alt in alternatives(_rows()[name]["pattern"]))
    return None if not all(lits) else lits


def cue_in(name: str, doc: Document, s: int, e: int) -> bool:
    """Does cue ``name`` match in ``doc.text[s:e]``? Tried only where one of its literals
    (:func:`cue_literals`) stands in the lower-cased span, where lower-casing is exact."""
    lits = cue_literals(name)
    low = lowered(doc)
    if lits is not None and low is not None and plain_case(doc) and not any(low.find(x, s, e) >= 0 for x in lits):
        return False
    return cue(name).search(doc.text, s, e) is not None
