"""Event rules on small Dutch sentences, and a few real rows of the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahel_analysis.facts.events import extract
from sahel_analysis.model import Document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def doc_of(text: str, date: str = "2022-11-08", known: bool = True) -> Document:
    return Document(file="t.txt", part=1, text=text, offsets=list(range(len(text) + 1)),
                    date=date, date_known=known)


def check_spans(doc: Document, rows: list[dict]) -> None:
    for r in rows:
        assert doc.text[r["start"] : r["end"]] == r["quote"]
        assert r["date_start"] <= r["date_end"]


def test_coup_sentence() -> None:
    doc = doc_of("Op 2 oktober jl. vond in Burkina Faso een staatsgreep plaats onder leiding van "
                 "een kapitein.")
    (row,) = extract(doc)
    check_spans(doc, [row])
    assert (row["date_start"], row["date_end"]) == ("2022-10-02", "2022-10-02")
    assert row["event_type"] == "coup"
    assert row["country"] == "BFA"
    assert "coup" in row["summary"]


def test_citation_is_not_an_event() -> None:
    doc = doc_of(
        "Het kabinet heeft eerder gemeld dat de situatie zorgelijk is (Kamerstuk 29 521, nr. 426, "
        "15 oktober 2021). Zoals vermeld in de brief van 7 oktober 2016 (Kamerstuk 29 521, nr. W) "
        "blijft de inzet gericht op inlichtingen."
    )
    assert extract(doc) == []


def test_header_date_line_is_not_an_event() -> None:
    doc = doc_of("Datum 8 november 2022\nDen Haag, 8 november 2022\nOp 4 november jl. werd in "
                 "Bamako een aanslag gepleegd.")
    rows = extract(doc)
    assert [(r["date_start"], r["event_type"]) for r in rows] == [("2022-11-04", "attack")]


def test_relative_date_resolved_against_document_date() -> None:
    doc = doc_of("De VN-Veiligheidsraad heeft op 29 juni jl. het mandaat van MINUSMA verlengd.",
                 date="2017-09-11")
    (row,) = extract(doc)
    assert (row["date_start"], row["event_type"]) == ("2017-06-29", "un_mandate")
    assert row["country"] == "MLI"


def test_decision_spans_from_document_date_to_end_of_period() -> None:
    doc = doc_of("Het kabinet heeft besloten het nationale mandaat voor EUTM Mali te verlengen tot "
                 "en met 30 juni 2024.", date="2022-11")
    (row,) = extract(doc)
    assert (row["date_start"], row["date_end"]) == ("2022-11-01", "2024-06-30")
    assert row["event_type"] == "national_mandate"
    assert row["country"] == "NLD"
    assert row["rule"] == "decision_until"


def test_before_a_month_ends_the_day_before() -> None:
    doc = doc_of("De junta wil verkiezingen houden voor juli 2024.", date="2022-11-16")
    (row,) = extract(doc)
    assert (row["date_start"], row["date_end"]) == ("2022-11-16", "2024-06-30")
    assert row["event_type"] == "election"


def test_year_figures_are_not_events_but_year_happenings_are() -> None:
    doc = doc_of("De Nederlandse bijdrage bestaat in 2018 uit maximaal 250 militairen. "
                 "In 2015 werd het vredesakkoord getekend.")
    rows = extract(doc)
    assert [(r["date_start"], r["event_type"]) for r in rows] == [("2015-01-01", "agreement")]


def test_dateless_decision_takes_the_document_date() -> None:
    doc = doc_of("Derhalve is besloten de taakgroep uit Mali terug te trekken.", date="2022-02-17")
    (row,) = extract(doc)
    assert (row["date_start"], row["date_end"]) == ("2022-02-17", "2022-02-17")
    assert row["event_type"] == "withdrawal"


def test_same_happening_told_twice_is_one_row() -> None:
    doc = doc_of("Begin oktober jl. volgde een machtsgreep.\nBegin oktober jl. vond opnieuw een "
                 "machtsgreep plaats.")
    assert len(extract(doc)) == 1


def test_no_reference_date_skips_relative_dates() -> None:
    doc = doc_of("Op 29 juni jl. werd een aanslag gepleegd. Op 3 maart 2021 werd een aanslag "
                 "gepleegd.", date="", known=False)
    rows = extract(doc)
    assert [r["date_start"] for r in rows] == ["2021-03-03"]


@pytest.mark.skipif(not (SEEDS / "003_85f3fd42da5e9a91.txt").exists(), reason="seed missing")
def test_seed_003_rows() -> None:
    from sahel_analysis.documents import read_documents

    (doc,) = read_documents(SEEDS / "003_85f3fd42da5e9a91.txt")
    rows = extract(doc)
    check_spans(doc, rows)
    got = {(r["date_start"], r["date_end"], r["event_type"]) for r in rows}
    assert ("2022-02-16", "2022-02-16", "diplomatic") in got  # Commissiedebat d.d. 16 februari jl.
    assert ("2022-02-21", "2022-02-21", "diplomatic") in got  # RBZ op maandag 21 februari a.s.
    assert ("2022-02-17", "2022-02-17", "withdrawal") in got  # is besloten ... terug te trekken
    assert any(r["date_start"] == "2021-03-01" for r in rows)  # Sinds maart 2021
    cited = [r for r in rows if r["date_start"] in ("2021-10-15", "2020-03-27")]
    assert cited == []  # (Kamerstuk 29 521, nr. 426, 15 oktober 2021 ...)


def test_a_city_gives_the_event_its_country():
    text = "Den Haag, 12 mei 2015\nOp 6 maart 2015 vond een aanslag plaats op een restaurant in Bamako."
    rows = [r for r in extract(doc_of(text, date="2015-05-12")) if r["date_start"] == "2015-03-06"]
    assert rows and rows[0]["event_type"] == "attack" and rows[0]["country"] == "MLI"


def _events(text: str, date: str = "2024-03-14") -> list[dict]:
    return extract(doc_of(text, date=date))


def test_country_of_a_withdrawal_is_the_country_left():
    rows = _events("Frankrijk trok op 22 december 2023 de laatste troepen uit Niger terug.")
    assert [(r["event_type"], r["country"]) for r in rows] == [("withdrawal", "NER")]


def test_a_debate_in_parliament_takes_place_in_the_netherlands():
    rows = _events("Tijdens het Commissiedebat over Mali op 3 februari 2024 is gesproken over de missie.")
    assert rows and rows[0]["country"] == "NLD"


def test_a_sentence_without_a_country_takes_the_section_heading():
    text = ("Ontwikkelingen in Burkina Faso\nBegin oktober 2022 vond opnieuw een machtsgreep plaats "
            "onder leiding van een kapitein.")
    rows = _events(text, "2022-11-16")
    assert [(r["event_type"], r["country"]) for r in rows] == [("coup", "BFA")]


def test_context_country_falls_back_to_paragraph_then_document() -> None:
    para = "De missie werkt in Tsjaad en Niger. Op 3 maart 2023 vond een machtsgreep plaats."
    rows = _events(para, "2023-04-01")
    assert [(r["event_type"], r["country"]) for r in rows] == [("coup", "NER")]  # last before it
    text = ("Over Niger en Mali\nDe situatie in Mali blijft zorgelijk. Ook Mali kampt met geweld.\n"
            "- Op 3 maart 2023 vond opnieuw een machtsgreep plaats.")
    rows = _events(text, "2023-04-01")
    assert [(r["event_type"], r["country"]) for r in rows] == [("coup", "NER")]  # the heading's
    text = ("Situatie\nDe situatie in Mali blijft zorgelijk; Mali en Niger kampen met geweld.\n"
            "Op 3 maart 2023 vond opnieuw een machtsgreep plaats.")
    rows = _events(text, "2023-04-01")
    assert [(r["event_type"], r["country"]) for r in rows] == [("coup", "MLI")]  # the document's


def test_required_literal_of_trigger_patterns() -> None:
    from sahel_analysis.facts.events import required_literal

    assert required_literal(r"\w*brief(?:en)?\b") == "brief"
    assert required_literal(r"(?:het )?kabinet (?:heeft )?(?:besloten|besluit)") == "kabinet "
    assert required_literal(r"\bEU\b.{0,60}?(?:besl|verleng)") == "eu"
    assert required_literal(r"(?:uw|de tweede) kamer") == " kamer"
    assert required_literal(r"\w*(?:a|b)") == ""


@pytest.mark.parametrize("text", [
    "De Kamerbrief van de minister en de ministeriële conferentie.",
    "KAMERBRIEVEN en de KAMERBRIEF; Uw Kamer en de Tweede \u212aamer.",  # Kelvin sign for K
    "De Raad Buitenlandſe Zaken heeft besloten; zie de Eerste Kamer.",  # long s: full scan
    "De VN-Veiligheidsraad besloot; de EU heeft dit verlengd; het kabinet heeft besloten.",
    "Dıt is de brıef van de conferentie.",  # dotless i: full scan
    "Geen enkel woord hier.",
])
def test_trigger_hits_match_the_full_rest_scan(text: str) -> None:
    from sahel_analysis.facts.events import _trigger_hits, _triggers

    doc = doc_of(text)
    by_head, rest, _ = _triggers()
    assert rest is not None
    indexed = {i for pats in by_head.values() for _, i in pats}
    for s, e in ((0, len(text)), (3, len(text) - 2)):
        want = [(*m.span(n), int(n[1:])) for m in rest.finditer(text, s, e)
                if (n := m.lastgroup) is not None]
        got = [h for h in _trigger_hits(doc, s, e) if h[2] not in indexed]
        assert got == want
