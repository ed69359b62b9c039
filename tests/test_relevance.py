"""The relevance gate: which documents count as naming the Sahel, and what the build does with the rest."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_analysis import relevance
from sahel_analysis.documents import read_documents
from sahel_analysis.pipeline import build, process_file
from sahel_analysis.relevance import document_is_relevant, is_relevant, may_be_relevant
from sahel_analysis.vocab import find_entities, relevance_aliases

from .docs import text_doc

ROOT = Path(__file__).resolve().parent.parent


def relevant(text: str) -> bool:
    return is_relevant(find_entities(text), text)


@pytest.mark.parametrize("text", [
    "De bijdrage aan MINUSMA wordt verlengd.",
    "Het trainingsprogramma van EUTM Mali loopt door.",
    "De regering van Burkina Faso heeft de grens gesloten.",
    "Malinese militairen namen deel aan de oefening.",  # a demonym
    "In Gao werd het kamp overgedragen.",  # a place in a Sahel country
    "De G5 Sahel kwam bijeen.",  # a Sahel organisation
    "JNIM eiste de aanslag op.",  # an armed group of the region
    "De inzet in de Sahelregio wordt herzien.",  # the region itself
    "Een voorstel over het ACOTA-programma.",  # a programme of the gazetteer
])
def test_documents_naming_the_sahel_are_relevant(text):
    assert relevant(text)
    assert may_be_relevant(text)


@pytest.mark.parametrize("text", [
    "De minister informeert de Kamer over de woningbouw in 2023.",
    "Nederland en Duitsland spreken in de EU en de NAVO over Oekraïne.",  # broad bodies, other countries
    "Een Afghaanse tolk kreeg een verblijfsvergunning.",
    "De formaliteiten rond de normalisering van het verkeer.",  # 'mali' inside words
    "Het bedrijf verkocht 40 procent aan een Keniaans-Brits fonds in Londen.",
])
def test_documents_naming_nothing_of_the_sahel_are_not(text):
    assert not relevant(text)


def test_the_gate_follows_the_vocabulary():
    text = "De Afghaanse regering sprak met de VN."
    assert not is_relevant(find_entities(text), text)
    terms = {"country": frozenset({"AFG"})}
    assert is_relevant(find_entities(text), text, terms)
    assert not is_relevant(find_entities(text), text, {"org": frozenset({"NATO"})})
    assert is_relevant([], "Sahelstrategie", {"word": frozenset({"Sahel"})})
    assert not is_relevant([], "de Sahel", {})


def test_the_fast_scan_says_yes_for_every_counted_name():
    for alias in relevance_aliases():
        for form in (alias, alias.upper(), alias.lower(), f"({alias}),", f"x\n{alias.replace(' ', chr(10))}."):
            if relevant(form):
                assert may_be_relevant(form), form


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(relevance_aliases()),
                          st.sampled_from(["formaliteit", "Nigeria", "Guinee-Bissau", "@Mali", "İ", "Malı",
                                           "Sahel", "ſahel", "EUCAP", "\n", " ", "-", "’", "é"]),
                          st.text(max_size=4)), max_size=8))
def test_the_fast_scan_never_misses_what_the_gate_counts(parts):
    text = "".join(parts)
    if relevant(text):
        assert may_be_relevant(text)


def test_every_test_document_is_relevant():
    folders = [ROOT / "seeds"] + [ROOT / "tests" / "fixtures" / s / "docs"
                                  for s in ("unseen", "blind1", "blind2", "blind3", "blind4", "blind5")]
    paths = [p for folder in folders for p in sorted(folder.glob("*")) if p.suffix in (".txt", ".pdf", ".html")]
    assert len(paths) > 20
    for path in paths:
        for doc in read_documents(path, path.name):
            assert document_is_relevant(doc), path.name


def test_an_irrelevant_document_is_recorded_and_skips_extraction(tmp_path):
    p = tmp_path / "woningbouw.txt"
    p.write_text("Den Haag, 3 maart 2021\n\nHet kabinet heeft op 2 maart 2021 besloten 1.200 woningen "
                 "te bouwen; daarvoor is € 45 miljoen beschikbaar. 5.1.2.e Eerbiediging van de "
                 "persoonlijke levenssfeer.\n", encoding="utf-8")
    result = process_file(p)
    (doc,) = result.rows["documents"]
    assert doc["relevant"] is False
    assert result.rows["texts"] and doc["length"] > 0
    assert all(result.rows[t] == [] for t in ("contributions", "budgets", "events", "redactions"))


def test_without_the_gate_the_same_document_is_read_for_facts(tmp_path, monkeypatch):
    p = tmp_path / "woningbouw.txt"
    p.write_text("Den Haag, 3 maart 2021\n\nHet kabinet heeft op 2 maart 2021 besloten 1.200 woningen "
                 "te bouwen; daarvoor is € 45 miljoen beschikbaar.\n", encoding="utf-8")
    monkeypatch.setattr(relevance, "GATE", False)
    result = process_file(p)
    assert result.rows["documents"][0]["relevant"] is False
    assert result.rows["budgets"] or result.rows["events"]


def test_the_documents_table_has_the_relevant_column(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Den Haag, 1 mei 2020\n\nNederland levert 20 militairen aan "
                                           "MINUSMA in Mali.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Den Haag, 1 mei 2020\n\nDe gemeenten bouwen meer.\n",
                                           encoding="utf-8")
    build(tmp_path / "in", tmp_path / "out", use_cache=False)
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert str(docs["relevant"].dtype) == "boolean"
    assert dict(zip(docs["file"], docs["relevant"], strict=True)) == {"a.txt": True, "b.txt": False}


def test_a_document_whose_entities_are_known_is_not_scanned_again():
    doc = text_doc("Alleen woningbouw.")
    doc.memo["entities"] = find_entities("De inzet in Mali.")
    assert document_is_relevant(doc)  # the stored entities decide, not the fast scan
