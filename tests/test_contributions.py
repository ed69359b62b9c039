from pathlib import Path

import pytest

from sahel_analysis.facts.contributions import extract
from sahel_analysis.model import Document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _doc(text, date="2022-11-15"):
    return Document(file="x.txt", part=1, text=text, offsets=list(range(len(text) + 1)),
                    date=date, date_known=True)


def _rows(text, **kw):
    return [(r["contributor"], r["mission"], r["personnel"], r["qualifier"])
            for r in extract(_doc(text, **kw))]


def test_mandate_with_maximum():
    rows = extract(_doc("Nederland levert maximaal twaalf militairen aan EUTM Mali."))
    assert [(r["contributor"], r["mission"], r["personnel"], r["qualifier"], r["kind"])
            for r in rows] == [("NLD", "EUTM Mali", 12, "max", "mandate")]


def test_other_country_and_approximation():
    assert _rows("De Duitse bijdrage aan MINUSMA telt ongeveer 800 militairen.") == [
        ("DEU", "MINUSMA", 800, "approx")
    ]


def test_whole_mission_strength_is_all():
    assert _rows("Het troepenplafond van MINUSMA is 12.000 militairen.") == [
        ("ALL", "MINUSMA", 12000, "max")
    ]


def test_mission_from_previous_sentence_and_component():
    text = ("Nederland draagt bij aan Taakgroep Takuba. De bijdrage bestaat uit "
            "vier stafofficieren.")
    (row,) = extract(_doc(text))
    assert (row["mission"], row["personnel"], row["component"]) == ("Takuba", 4, "staff officers")
    assert text[row["start"]:row["end"]] == row["quote"]


def test_list_items_take_mission_from_lead_in():
    text = ("De Nederlandse bijdrage aan MINUSMA bestaat uit:\n"
            "- ongeveer 40 militairen voor de eenheid voor nationale ondersteuning;\n"
            "- drie stafofficieren.")
    assert _rows(text) == [("NLD", "MINUSMA", 40, "approx"), ("NLD", "MINUSMA", 3, "exact")]


def test_combined_mandate():
    text = "Het mandaat voor EUCAP Sahel Mali en EUCAP Sahel Niger is gecombineerd: 9 personen."
    assert _rows(text)[0][1] == "EUCAP Sahel Mali+Niger"


def test_casualties_and_money_are_not_contributions():
    assert _rows("Bij de aanval op MINUSMA zijn drie blauwhelmen gedood.") == []
    assert _rows("Nederland geeft 5 miljoen euro aan MINUSMA.") == []
    assert _rows("MINUSMA werd in 2013 opgericht.") == []


def test_period_from_year_in_clause():
    (row,) = extract(_doc("In 2019 leverde Nederland 250 militairen aan MINUSMA."))
    assert (row["period_start"], row["period_end"]) == ("2019-01-01", "2019-12-31")


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds absent")
def test_seed_letter_rows():
    from sahel_analysis.documents import read_documents

    (doc,) = read_documents(SEEDS / "004_a47839459faf264f.txt")
    rows = extract(doc)
    got = {(r["contributor"], r["mission"], r["personnel"]) for r in rows}
    assert {("NLD", "Takuba", 2), ("NLD", "MINUSMA", 90), ("ALL", "MINUSMA", 14000),
            ("NLD", "EUTM Mali", 6)} <= got
    for r in rows:
        assert doc.text[r["start"]:r["end"]] == r["quote"]
