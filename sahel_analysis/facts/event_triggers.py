"""Trigger words of event types (vocab/events.csv) and happening verbs (vocab/events_verbs.csv),
found in a span of a document fast: patterns are tried only at words whose first three letters
start one, or where the letters every match needs stand in the span."""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.facts.event_literals import required_literal
from sahel_analysis.model import Document
from sahel_analysis.textchars import lowered
from sahel_analysis.vocab import read_csv, trie_pattern

_LITERAL_HEAD = re.compile(r"[a-zà-ÿ][a-zà-ÿ -]{2}")
_W1 = re.compile(r"\w")
_WORD_START = re.compile(r"(?<![\w-])[^\W\d_]")


@cache
def triggers() -> tuple[dict[str, list[tuple[re.Pattern[str], int]]], re.Pattern[str] | None,
                         tuple[tuple[str, float], ...]]:
    """Trigger patterns of vocab/events.csv, indexed by their first three letters where these are
    plain letters (tried only at words that start so), plus one pattern for all the others."""
    rows = read_csv("events.csv")
    by_head: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    others: list[str] = []
    for i, r in enumerate(rows):
        pat = r["pattern"]
        if _LITERAL_HEAD.fullmatch(pat[:3]) and pat[:3] == pat[:3].lower():
            by_head.setdefault(pat[:3], []).append((re.compile(pat, re.I), i))
        else:
            others.append(f"(?P<t{i}>{pat})")
    rest = _rest_rx("|".join(others)) if others else None
    return by_head, rest, tuple((r["event_type"], float(r["weight"])) for r in rows)


_REST_LEAD = r"(?<![\w-])(?="


def _rest_rx(alternation: str) -> re.Pattern[str]:
    """Named trigger alternatives tried at a word's start (an empty match: the groups hold them)."""
    return re.compile(_REST_LEAD + "(?:" + alternation + "))", re.I)


@cache
def _head_any() -> dict[str, re.Pattern[str]]:
    """Per first three letters with several trigger patterns: one pattern that matches where any
    of them does (one try instead of one per pattern at most words)."""
    return {head: re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in pats), re.I)
            for head, pats in triggers()[0].items() if len(pats) > 1}


@cache
def _rest_parts() -> tuple[tuple[str, str, str], ...]:
    """(group name, pattern, required literal) of each alternative of the ``rest`` pattern."""
    rows = read_csv("events.csv")
    by_head = {i for pats in triggers()[0].values() for _, i in pats}
    return tuple((f"t{i}", r["pattern"], required_literal(r["pattern"]))
                 for i, r in enumerate(rows) if i not in by_head)


@cache
def _rest_alone() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each alternative of the ``rest`` pattern of :func:`triggers` compiled alone, by group name:
    the pattern (as ``rest`` with only it) and its :func:`_scan_form`. Compiled once, whatever the
    alternatives a span can hold (compiling the alternation of each set of alternatives met cost
    more than the scans)."""
    out = {}
    for name, pattern, _ in _rest_parts():
        rest = _rest_rx(f"(?P<{name}>{pattern})")
        out[name] = (rest, _scan_form(rest))
    return out


def _scan_form(rest: re.Pattern[str]) -> re.Pattern[str]:
    """``rest`` as the character before the position: a class that holds every character that
    is neither a word character nor ``-`` (and more), so the engine skips plain letters fast;
    the hits are checked exactly."""
    inner = rest.pattern[len(_REST_LEAD) : -1]
    return re.compile(r"[^a-zA-Z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f-](?=(?i:" + inner + "))")


def _rest_names(doc: Document, s: int, e: int) -> tuple[str, ...]:
    """The group names of the ``rest`` alternatives whose required literal ``doc.text[s:e]``
    holds (the others cannot match there), in their order; all where lower-casing is not exact."""
    if not plain_case(doc):  # lower() finds every case-insensitive match of a literal
        return tuple(name for name, _, _ in _rest_parts())
    low = lowered(doc) or ""
    return tuple(n for n, _, lit in _rest_parts() if not lit or low.find(lit, s, e) >= 0)


def _rest_hits(doc: Document, s: int, e: int) -> list[tuple[int, int, int]]:
    """(start, end, row index) of the ``rest`` triggers in ``doc.text[s:e]``: as
    ``rest.finditer(text, s, e)``, where each position takes the first alternative that matches
    there. Each alternative that can match is scanned alone, tried only after a non-word
    character; at a position several match, the first in the alternation's order (the lowest
    row index) is kept."""
    text = doc.text
    alone = _rest_alone()
    first: dict[int, tuple[int, int]] = {}  # position -> (row index, end)
    for name in _rest_names(doc, s, e):
        rest, scan = alone[name]
        row = int(name[1:])
        found = [rest.match(text, 0, e)] if s == 0 else []
        found += [m for m in scan.finditer(text, max(s - 1, 0), e) if not _W1.match(m.group())]
        for m in found:
            if m is not None:
                start, end = m.span(name)
                if start not in first or first[start][0] > row:
                    first[start] = (row, end)
    return [(start, end, row) for start, (row, end) in first.items()]


@cache
def _head_scan() -> re.Pattern[str]:
    """In lower-cased text: the character before a trigger's first three letters. The class
    holds the lower case of every character that is neither a word character nor ``-`` (and
    more), so the engine skips plain letters fast; the hits are checked exactly."""
    heads = trie_pattern(sorted(triggers()[0]))
    return re.compile(r"[^a-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f-](?=" + heads + ")")


def _word_starts(doc: Document, s: int, e: int) -> list[int]:
    """The positions where ``_WORD_START`` matches in ``doc.text[s:e]``; where the lower-cased
    text keeps every character in place, only those whose first three letters start a trigger
    pattern (the others have none to try)."""
    text = doc.text
    low = lowered(doc)
    if low is None:
        return [w.start() for w in _WORD_START.finditer(text, s, e)]
    found = [s]
    found += [m.end() for m in _head_scan().finditer(low, s, min(len(low), e + 2))]
    word_start = _WORD_START.match
    return [p for p in found if p < e and word_start(text, p)]


def plain_case(doc: Document) -> bool:
    """Whether the lower case of ``doc.text`` keeps its characters and it holds no dotless i,
    dotted capital I or long s: then a plain letter matches (``re.I``) exactly the characters
    whose ``lower()`` is that letter."""
    if "events:plain" not in doc.memo:
        doc.memo["events:plain"] = lowered(doc) is not None and not any(
            c in doc.text for c in "\u0131\u0130\u017f")
    return doc.memo["events:plain"]


def trigger_hits(doc: Document, s: int, e: int) -> list[tuple[int, int, int]]:
    """(start, end, row index) of every trigger in ``doc.text[s:e]``, in order."""
    text = doc.text
    by_head, rest, _ = triggers()
    low = lowered(doc)  # where not None, it keeps every character in place: its slices are lowered
    out = []
    any_of = _head_any()
    for pos in _word_starts(doc, s, e):
        head = low[pos : pos + 3] if low is not None else text[pos : pos + 3].lower()
        pats = by_head.get(head, ())
        if len(pats) > 1 and not any_of[head].match(text, pos, e):
            continue  # none of this head's patterns matches here
        for rx, i in pats:
            m = rx.match(text, pos, e)
            if m:
                out.append((pos, m.end(), i))
    if rest is not None:
        out += _rest_hits(doc, s, e)
    out.sort()
    return out


@cache
def verbs(lower: bool = False) -> re.Pattern[str]:
    """Any happening verb of vocab/events_verbs.csv, as a whole word (case-insensitive; with
    ``lower``: for lower-cased text, where the engine can reject each verb by its first letter,
    which it cannot do for a case-insensitive alternation)."""
    words = [r["pattern"] for r in read_csv("events_verbs.csv")]
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w])", 0 if lower else re.I)


def has_verb(doc: Document, s: int, e: int) -> bool:
    """Does ``doc.text[s:e]`` (on its own) hold a happening verb (:func:`verbs`)? Looked for in the
    lower-cased text where a plain letter then matches just what it matches in any case."""
    if plain_case(doc):
        return verbs(lower=True).search((lowered(doc) or "")[s:e]) is not None
    return verbs().search(doc.text[s:e]) is not None

