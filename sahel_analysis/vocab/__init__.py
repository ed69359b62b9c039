"""Gazetteer of missions, organisations and countries, kept as data (CSV files in this folder).

Every CSV has one row per alias. :func:`find_entities` finds the aliases in a text with one
cached regex (alternation sorted longest first), word-boundary aware and non-overlapping.
Aliases written as acronyms (``NL``, ``EU``, ``VN``, ``EUTM``) match case-sensitively; other
names match case-insensitively.

Entity kinds: ``mission``, ``programme``, ``fund``, ``component`` (part of a mission, e.g.
UNPOL), ``org``, ``armed_group``, ``country`` (a country's name) and ``demonym`` (an
adjective such as ``Nederlandse``; ``iso3`` set as for countries).
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DIR = Path(__file__).parent

MISSIONS = (
    "MINUSMA",
    "EUTM Mali",
    "EUCAP Sahel Mali",
    "EUCAP Sahel Niger",
    "EUCAP Sahel Mali+Niger",
    "Takuba",
    "Barkhane",
    "Flintlock",
    "GPOI",
    "other",
)


@dataclass(frozen=True)
class Entity:
    """A gazetteer name found in a text: its span, kind and canonical name."""

    start: int
    end: int
    text: str
    kind: str
    canonical: str
    iso3: str | None


@dataclass(frozen=True)
class _Alias:
    alias: str
    kind: str
    canonical: str
    iso3: str | None


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in the vocab folder, as dicts (blank and ``#`` lines skipped)."""
    with open(_DIR / name, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


@cache
def _aliases() -> tuple[_Alias, ...]:
    out: list[_Alias] = []
    for row in read_csv("missions.csv") + read_csv("organisations.csv"):
        out.append(_Alias(row["alias"], row["kind"], row["canonical"], None))
    for row in read_csv("countries.csv"):
        kind = "demonym" if row["kind"] == "demonym" else "country"
        out.append(_Alias(row["alias"], kind, row["iso3"], row["iso3"]))
    return tuple(out)


def _case_sensitive(alias: str) -> bool:
    """Acronyms (two or more capitals, e.g. ``NL``, ``EUTM``, ``NLse``) keep their case."""
    first = alias.split()[0].split("-")[0]
    return sum(c.isupper() for c in first) >= 2


def _pattern(alias: str) -> str:
    body = r"\s+".join(re.escape(w) for w in alias.split())
    body = re.sub("['’]", "['’]", body)
    return body if _case_sensitive(alias) else f"(?i:{body})"


_WORD = re.compile(r"\w+")


@cache
def _index() -> tuple[dict[str, re.Pattern[str]], dict[str, _Alias], dict[str, _Alias]]:
    """Aliases grouped by their first word (case-folded), one small regex per group.

    Scanning the words of a text and trying only the group of each word is far faster than one
    regex alternation of every alias, and finds the same leftmost-longest matches.
    """
    exact: dict[str, _Alias] = {}
    folded: dict[str, _Alias] = {}
    groups: dict[str, list[str]] = {}
    for a in _aliases():
        exact.setdefault(_norm(a.alias), a)
        if not _case_sensitive(a.alias):
            folded.setdefault(_norm(a.alias).casefold(), a)
        first = _WORD.match(a.alias)
        if first:
            groups.setdefault(first.group().casefold(), []).append(a.alias)
    compiled = {
        key: re.compile("(?:" + "|".join(_pattern(a) for a in sorted(set(alts), key=lambda s: (-len(s), s)))
                        + r")(?![\w])")
        for key, alts in groups.items()
    }
    return compiled, exact, folded


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split())


def _lookup(found: str) -> _Alias | None:
    _, exact, folded = _index()
    key = _norm(found)
    return exact.get(key) or folded.get(key.casefold())


def find_entities(text: str) -> list[Entity]:
    """All gazetteer names in ``text``: longest match first, non-overlapping, in text order."""
    groups = _index()[0]
    out: list[Entity] = []
    taken = 0
    for w in _WORD.finditer(text):
        start = w.start()
        if start < taken:
            continue
        rx = groups.get(w.group().casefold())
        if rx is None or (start and text[start - 1] == "@"):
            continue
        m = rx.match(text, start)
        if m is None:
            continue
        a = _lookup(m.group(0))
        if a is None:
            continue
        out.append(Entity(m.start(), m.end(), m.group(0), a.kind, a.canonical, a.iso3))
        taken = m.end()
    return out


class Entities(list):
    """Entities in text order, with a fast lookup of those that start in a range."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self._starts = [x.start for x in self]

    def between(self, lo: int, hi: int) -> list[Entity]:
        """The entities that start at ``lo <= start < hi``."""
        return self[bisect.bisect_left(self._starts, lo) : bisect.bisect_left(self._starts, hi)]


def index_entities(text: str) -> Entities:
    """:func:`find_entities` as an :class:`Entities` list (range lookups by bisection)."""
    return Entities(find_entities(text))


def entities_of(doc) -> Entities:  # noqa: ANN001 - a model.Document (no import cycle)
    """The entities of a document's clean text, found once and shared by the extractors."""
    if "entities" not in doc.memo:
        doc.memo["entities"] = index_entities(doc.text)
    return doc.memo["entities"]


def country_iso3(name: str) -> str | None:
    """ISO 3166 alpha-3 code of a country name, code or demonym (``Malinese`` -> ``MLI``)."""
    a = _lookup(name.strip())
    if a is not None and a.iso3:
        return a.iso3
    up = name.strip().upper()
    return up if up in countries() else None


def missions() -> list[str]:
    """The canonical mission names of the contributions table (SCHEMA.md)."""
    return list(MISSIONS)


@cache
def _countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_csv("countries.csv"):
        if row["kind"] == "name_nl":
            out.setdefault(row["iso3"], row["alias"])
    return out


def countries() -> dict[str, str]:
    """ISO3 code -> Dutch display name, for every country."""
    return dict(_countries())


def canonical_kind(canonical: str) -> str | None:
    """Kind (``mission``, ``fund``, ``programme``, ...) of a canonical mission/org name."""
    for a in _aliases():
        if a.canonical == canonical and a.kind not in ("country", "demonym"):
            return a.kind
    return None
