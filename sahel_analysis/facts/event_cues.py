"""The named cue patterns of the event rules (vocab/events_cues.csv), compiled once each."""

from __future__ import annotations

import bisect
import re
from functools import cache

from sahel_analysis.facts.event_literals import alternatives, required_literal
from sahel_analysis.facts.event_triggers import plain_case
from sahel_analysis.model import Document
from sahel_analysis.sentences import find_all, lowered
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


@cache
def _without_literal(name: str) -> tuple[int, ...]:
    """The alternatives of cue ``name`` that hold no literal (:func:`cue_literals`)."""
    return tuple(k for k, lit in enumerate(cue_literals(name)) if not lit)


def cue_in(name: str, doc: Document, s: int, e: int) -> bool:
    """Does cue ``name`` match in ``doc.text[s:e]``? Where lower-casing is exact, only the
    alternatives without a literal and those whose literal (:func:`cue_literals`) stands whole in
    the lower-cased span are tried, each alone (:func:`cue_parts`): one of them matches just where
    the whole cue does."""
    low = lowered(doc)
    if low is None or not plain_case(doc):
        return cue(name).search(doc.text, s, e) is not None
    lits = cue_literals(name)
    parts = cue_parts(name)
    text = doc.text
    for k in _without_literal(name):
        if parts[k].search(text, s, e) is not None:
            return True
    at, alt = _literal_index(name, doc, lits, low)
    tried: set[int] = set()
    for i in range(bisect.bisect_left(at, s), bisect.bisect_left(at, e)):
        k = alt[i]
        if k in tried or at[i] + len(lits[k]) > e:
            continue
        tried.add(k)
        if parts[k].search(text, s, e) is not None:
            return True
    return False


def _literal_index(name: str, doc: Document, lits: tuple[str, ...], low: str) -> tuple[list[int], list[int]]:
    """Where each literal of cue ``name`` starts in the lower-cased text, in order, with the index
    of its alternative (found once per document)."""
    key = "cue_at:" + name
    found = doc.memo.get(key)
    if found is None:
        pairs = sorted((i, k) for k, lit in enumerate(lits) if lit for i in find_all(low, (lit,)))
        found = doc.memo[key] = ([i for i, _ in pairs], [k for _, k in pairs])
    return found
