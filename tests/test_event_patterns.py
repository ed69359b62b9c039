"""Events: general typing and dating patterns of Dutch government prose (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from sahel_analysis.facts.events import extract

from .docs import text_doc


def _doc(text, date="2023-06-14", title=""):
    return text_doc(text, date, title)


def _rows(text: str, date: str = "2023-06-14") -> list[dict]:
    doc = _doc(text, date)
    rows = extract(doc)
    for r in rows:
        assert doc.text[r["start"] : r["end"]] == r["quote"]
    return rows


def _types(text: str, date: str = "2023-06-14") -> list[tuple[str, str, str]]:
    return [(r["date_start"], r["date_end"], r["event_type"]) for r in _rows(text, date)]


@pytest.mark.parametrize(("text", "etype"), [
    ("Sinds de machtsgrepen van juli 2022 is de samenwerking bevroren.", "coup"),
    ("Op 3 maart jl. zette het leger de premier af.", "coup"),
    ("Eerder werd de president op 9 februari jl. door officieren afgezet.", "coup"),
    ("In oktober 2024 worden parlementsverkiezingen gehouden.", "election"),
    ("De junta beloofde in juli 2024 presidents- en gemeenteraadsverkiezingen.", "election"),
    ("In mei jl. verlengde de Raad het mandaat van EUCAP Sahel Niger met twee jaar.", "eu_decision"),
    ("In januari 2023 schortte de EU de betalingen aan de regering op.", "eu_decision"),
    ("Het mandaat van de missie liep op 30 april jl. af.", "withdrawal"),
    ("Vijf instructeurs keerden in februari jl. terug naar Nederland.", "withdrawal"),
    ("In maart jl. verlieten de laatste Franse militairen het land.", "withdrawal"),
    ("De stuurgroep adviseerde op 2 mei jl. positief over de inzet.", "diplomatic"),
])
def test_typing_of_general_patterns(text: str, etype: str) -> None:
    rows = _rows(text)
    assert [r["event_type"] for r in rows] == [etype]


def test_plural_election_word_is_not_a_withdrawal_or_other() -> None:
    assert _types("In november jl. werden in Tsjaad parlementsverkiezingen gehouden.") == [
        ("2022-11-01", "2022-11-30", "election")]


def test_relative_clause_is_typed_by_the_noun_it_describes() -> None:
    text = ("Het kabinet heeft besloten bij te dragen aan de jaarlijkse oefening Flintlock, "
            "die in maart 2024 in Ghana plaatsvindt.")
    assert ("2024-03-01", "2024-03-31", "exercise") in _types(text)


def test_relative_clause_with_its_own_trigger_keeps_it() -> None:
    text = "Wij spraken met de minister, die in april jl. werd ontvoerd."
    assert _types(text) == [("2023-04-01", "2023-04-30", "attack")]


def test_decision_with_its_own_date_is_not_stretched_to_its_end_date() -> None:
    text = "Het kabinet besloot in maart jl. de steun tot en met 2026 voort te zetten."
    assert _types(text) == [("2023-03-01", "2023-03-31", "national_mandate")]


def test_dateless_decision_still_spans_to_its_end_date() -> None:
    text = "Het kabinet heeft besloten de steun tot en met 30 juni 2025 voort te zetten."
    assert _types(text) == [("2023-06-14", "2025-06-30", "national_mandate")]


def test_night_spanning_two_days_is_one_event() -> None:
    text = "In de nacht van 4 op 5 mei jl. werd een legerpost bij Gao aangevallen."
    assert _types(text) == [("2023-05-04", "2023-05-05", "attack")]
    text = "Bij de aanval van 31 mei-1 juni jl. vielen drie doden."
    assert _types(text) == [("2023-05-31", "2023-06-01", "attack")]


def test_two_days_far_apart_stay_two_events() -> None:
    text = "De aanvallen van 4 mei en 19 mei jl. kostten veel levens."
    assert len(_rows(text)) == 2


def test_effective_date_of_a_proposal_is_no_event() -> None:
    assert _rows("- Advies: bijdrage per 1 juli 2023 verhogen naar 6 pax.") == []
    assert _rows("Voorstel: met ingang van 1 september 2023 de inzet afbouwen.") == []


def test_effective_date_outside_a_proposal_stays_an_event() -> None:
    text = "Per 1 mei jl. heeft Duitsland de leiding van het kamp overgenomen."
    assert _types(text) == [("2023-05-01", "2023-05-01", "handover")]
