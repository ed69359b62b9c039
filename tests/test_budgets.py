from pathlib import Path

import pytest

from sahel_analysis.facts.budgets import extract

from .docs import text_doc

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _doc(text, date="2022-11-15", title=""):
    return text_doc(text, date, title)


def test_dutch_contribution_to_a_mission():
    (row,) = extract(_doc("Nederland levert een bijdrage van 2,5 miljoen euro aan EUCAP Sahel Mali."))
    assert (row["funder"], row["recipient"], row["amount"], row["currency"], row["amount_eur"]) == (
        "NLD", "EUCAP Sahel Mali", 2_500_000, "EUR", 2_500_000)
    assert row["per_year"] is False and row["qualifier"] == "exact"


def test_yearly_dollars_other_funder():
    (row,) = extract(_doc("Frankrijk stelt jaarlijks circa USD 4 mln beschikbaar voor Niger."))
    assert (row["funder"], row["recipient"], row["currency"], row["amount_eur"]) == (
        "FRA", "NER", "USD", None)
    assert row["per_year"] is True and row["qualifier"] == "approx"


def test_fund_as_source_is_not_recipient():
    text = "Vanuit het Europees Ontwikkelingsfonds gaat 20 miljoen euro naar Mali."
    (row,) = extract(_doc(text))
    assert (row["funder"], row["recipient"]) == ("EU", "MLI")


def test_no_funder_without_a_named_payer():
    (row,) = extract(_doc("Er is 1 miljoen euro gereserveerd."))
    assert row["funder"] is None


def test_numbers_without_currency_are_ignored():
    assert extract(_doc("Nederland levert 250 militairen aan MINUSMA.")) == []


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds absent")
def test_seed_memo_amount():
    from sahel_analysis.documents import read_documents

    docs = read_documents(SEEDS / "002_e2544a16a2ff407d.txt")
    rows = [r for d in docs for r in extract(d)]
    assert any(r["amount"] == 5_000_000 and r["currency"] == "EUR" for r in rows)
    for d in docs:
        for r in extract(d):
            assert d.text[r["start"]:r["end"]] == r["quote"]
