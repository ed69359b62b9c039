"""The vocabulary of the contribution rules: personnel nouns and unit phrases (vocab/units.csv),
mission combinations, ISO3 codes, and the small words of vocab/contribution_words.csv turned into
the patterns the rules use (the words are data, the pattern's shape is code)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sahel_analysis.facts.spans import alias_pattern
from sahel_analysis.vocab import contribution_words, read_csv

NATIONS = ("country", "demonym")  # entity kinds that can contribute (a city cannot)


def words(role: str) -> tuple[str, ...]:
    """The words of ``role`` in vocab/contribution_words.csv, in file order."""
    return tuple(contribution_words().get(role, ()))


def alternation(role: str, spaced: bool = True) -> str:
    """The words of ``role`` as a regex alternation in file order; the words of a phrase joined by
    ``\\s+`` (``spaced``) or by their literal spaces."""
    parts = [r"\s+".join(map(re.escape, w.split())) if spaced else re.escape(w) for w in words(role)]
    return "|".join(parts) or "(?!)"


def word_set(role: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words(role))


# ------------------------------------------------------------------------------ units
@cache
def units() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(personnel nouns, unit phrases) of vocab/units.csv as (dutch, english), longest first."""
    nouns: list[tuple[str, str]] = []
    phrases: list[tuple[str, str]] = []
    for row in read_csv("units.csv"):
        target = nouns if row["personnel"] == "true" else phrases
        target.append((row["dutch"], row["english"]))
    key = lambda p: -len(p[0])  # noqa: E731 - longest first
    return sorted(nouns, key=key), sorted(phrases, key=key)


# A compound personnel noun (``veiligheidsexperts``, ``grensbewakers``): at least this many letters
# before a one-word personnel noun of at least COMPOUND_HEAD letters, written as one word.
COMPOUND_PREFIX = 4
COMPOUND_HEAD = 5


@cache
def compound_heads() -> tuple[str, ...]:
    """Lower-case one-word personnel nouns that may end a compound (``experts`` in
    ``veiligheidsexperts``), longest first."""
    return tuple(n.lower() for n, _ in units()[0]
                 if len(n) >= COMPOUND_HEAD and n.isalpha() and n == n.lower())


@cache
def noun_rx() -> re.Pattern[str]:
    """Any personnel noun (case-insensitive), or a compound one (a one-word prefix of at least
    COMPOUND_PREFIX letters glued to a noun of :func:`compound_heads`)."""
    alts = "|".join(alias_pattern(n) for n, _ in units()[0])
    heads = "|".join(map(re.escape, compound_heads()))
    return re.compile(rf"(?:{alts}|[^\W\d_]{{{COMPOUND_PREFIX},}}?(?:{heads}))(?![\w])", re.IGNORECASE)


@cache
def phrase_rx() -> re.Pattern[str]:
    """Any unit phrase (``C-130``, ``ISR-taakgroep``); acronyms case-sensitive."""
    parts = []
    for p, _ in units()[1]:
        body = alias_pattern(p)
        parts.append(body if sum(c.isupper() for c in p) >= 2 and " " not in p else f"(?i:{body})")
    return re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])")


def _label(table: list[tuple[str, str]], found: str, compound: bool = False) -> str:
    """The English label of ``found`` in ``table``; with ``compound``, else that of the personnel
    noun that ends it (``politieadviseurs`` is labelled as ``adviseurs``)."""
    norm = " ".join(found.replace("’", "'").split()).lower()
    for dutch, english in table:
        if dutch.replace("’", "'").lower() == norm:
            return english
    if compound:
        head = next((h for h in compound_heads() if norm.endswith(h) and len(norm) - len(h) >= COMPOUND_PREFIX), None)
        if head is not None:
            return _label(table, head)
    return "total"


@lru_cache(maxsize=1024)
def unit_label(found: str, personnel: bool = True) -> str:
    """The component label of ``found`` among the personnel nouns (else the unit phrases)."""
    return _label(units()[0 if personnel else 1], found, compound=personnel)


@cache
def combinations() -> list[tuple[str, str, str]]:
    """(first, second, combined) missions of vocab/mission_combinations.csv."""
    return [(r["first"], r["second"], r["combined"]) for r in read_csv("mission_combinations.csv")]


def combined_name(mission: str) -> str:
    """The combined mission that ``mission`` is part of, else ``mission``."""
    for first, second, combined in combinations():
        if mission in (first, second):
            return combined
    return mission


@cache
def iso3_codes() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes of vocab/countries.csv (internal notes name countries by them)."""
    return frozenset(row["iso3"] for row in read_csv("countries.csv"))
