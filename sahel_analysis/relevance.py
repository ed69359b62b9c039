"""The relevance gate: does a document name anything of the Sahel at all?

A document that names no mission, no Sahel country (by name, demonym or place), no Sahel
organisation of the gazetteer and not the region itself (``Sahel``, ``Sahelregio``) is recorded
in ``documents`` with ``relevant = false`` and skips fact extraction, so building a whole fetched
dossier costs little. What counts is data: ``vocab/relevance.csv``. The decision is
:func:`is_relevant`, a pure function of the entities the gazetteer found and the text;
:func:`document_is_relevant` applies it to a document, sharing the entity scan with the fact
extractors (``vocab.entities_of`` keeps it in ``doc.memo``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from .vocab import _SCAN_CLASS, Entity, entities_of, relevance_aliases, relevance_terms, trie_pattern

# False only in the benchmark (bench/relevance.py), to measure the build without the gate:
# every document is then read for facts, and ``relevant`` is still recorded.
GATE = True

_PLACE_KINDS = frozenset({"country", "demonym", "place"})
_ORG_KINDS = frozenset({"org", "armed_group"})


@cache
def _word_rx(words: frozenset[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?<![\w@])(?:" + "|".join(sorted(map(re.escape, words))) + ")", re.IGNORECASE)


def is_relevant(entities: Iterable[Entity], text: str = "",
                terms: Mapping[str, frozenset[str]] | None = None) -> bool:
    """True where one of ``entities`` is a name that ``terms`` (default: ``relevance.csv``) counts
    (an entity of a listed kind, a country, demonym or place of a listed ISO3 code, a listed
    organisation), or ``text`` has a word that starts with a listed word."""
    terms = relevance_terms() if terms is None else terms
    if _names_relevant(entities, terms):
        return True
    rx = _word_rx(terms.get("word", frozenset()))
    return rx is not None and rx.search(text) is not None


def _names_relevant(entities: Iterable[Entity], terms: Mapping[str, frozenset[str]]) -> bool:
    kinds = terms.get("entity_kind", frozenset())
    countries = terms.get("country", frozenset())
    orgs = terms.get("org", frozenset())
    for e in entities:
        if e.kind in kinds:
            return True
        if e.kind in _PLACE_KINDS and e.iso3 in countries:
            return True
        if e.kind in _ORG_KINDS and e.canonical in orgs:
            return True
    return False


# Characters that match ``i`` or ``s`` case-insensitively (``re``) but do not lower-case to them
# (found by trying every code point against the letters of the counted names): a text holding one
# is scanned fully instead.
_ODD_CASE = ("\u0130", "\u0131", "\u017f")  # İ, ı, ſ


@cache
def _prefilter() -> re.Pattern[str]:
    """Where in a lower-cased text (with a space before it) a counted name or word could start:
    the character before it, then the name (words joined by any white space) or the word."""
    names = {" ".join(a.split()).lower() for a in relevance_aliases()}
    names |= {n.replace("'", "\u2019") for n in names} | {n.replace("\u2019", "'") for n in names}
    names |= {w.lower() for w in relevance_terms().get("word", ())}
    trie = trie_pattern(sorted(names)).replace("\\ ", "\\s+")
    return re.compile(f"[^{_SCAN_CLASS}@](?={trie})")


def may_be_relevant(text: str) -> bool:
    """False only where :func:`is_relevant` is False for ``text`` and its entities, found fast
    (one scan of the lower-cased text for the counted names alone, with no entity built).

    It answers for a superset: each counted name matches its alias case-insensitively with a
    character outside the scan class before it (``vocab.find_entities``), and so does the word
    rule, which is what this scan looks for. A True still needs :func:`is_relevant`."""
    if not text.isascii() and any(c in text for c in _ODD_CASE):
        return True
    return _prefilter().search(" " + text.lower()) is not None


def document_is_relevant(doc) -> bool:  # noqa: ANN001 - a model.Document (no import cycle)
    """:func:`is_relevant` of the names in a document's clean text (the entity scan is skipped
    where :func:`may_be_relevant` already says no)."""
    if "entities" not in doc.memo and not may_be_relevant(doc.text):
        return False
    return is_relevant(entities_of(doc), doc.text)
