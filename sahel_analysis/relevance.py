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

from .vocab import Entity, entities_of, relevance_terms

# False only in the benchmark (bench/relevance.py), to measure the build without the gate:
# every document is then read for facts, and ``relevant`` is still recorded.
GATE = True

_PLACE_KINDS = frozenset({"country", "demonym", "place"})
_ORG_KINDS = frozenset({"org", "armed_group"})


@cache
def _word_rx(words: frozenset[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + ")", re.IGNORECASE)


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


def document_is_relevant(doc) -> bool:  # noqa: ANN001 - a model.Document (no import cycle)
    """:func:`is_relevant` of the names in a document's clean text."""
    return is_relevant(entities_of(doc), doc.text)
