"""Budgets, amount and qualifier: which amounts of money are rows, in which currency, and how
exact (sahel_analysis/facts/budgets.py). Examples are sentences written for these tests; the list
names say which set's failures they stand for. Expected amounts: (amount, currency, amount_eur)
of every row."""

from pathlib import Path

import pytest

from sahel_analysis.facts.budgets import extract

from ..docs import text_doc
from .budget_rows import check, field_values

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds"

SEEDS = [
    ("Nederland levert een bijdrage van 2,5 miljoen euro aan EUCAP Sahel Mali.", "2022-11-15",
     [(2_500_000, "EUR", 2_500_000)]),
    ("Frankrijk stelt jaarlijks circa USD 4 mln beschikbaar voor Niger.", "2022-11-15", [(4_000_000, "USD", None)]),
    ("Nederland levert 250 militairen aan MINUSMA.", "2022-11-15", []),
]

BLIND1 = [
    ("De operatie kost de VN jaarlijks ongeveer 900 miljoen dollar.", "2021-03-15", [(900_000_000, "USD", None)]),
    ("Notitie: EUR 0,5 mln uit Stabiliteitsfonds voor EUTM Mali.", "2021-03-15", [(500_000, "EUR", 500_000)]),
]

BLIND4 = [
    ("Via de Europese Vredesfaciliteit heeft de EU 40 miljoen euro toegezegd aan het Malinese leger; "
     "het Nederlandse aandeel daarin bedraagt 2 miljoen euro.", "2024-10-15",
     [(40_000_000, "EUR", 40_000_000), (2_000_000, "EUR", 2_000_000)]),
]


@pytest.mark.parametrize(("text", "date", "expected"), SEEDS + BLIND1 + BLIND4)
def test_amount(text, date, expected):
    rows = extract(text_doc(text, date))
    assert [(r["amount"], r["currency"], r["amount_eur"]) for r in rows] == expected


QUALIFIERS = [
    ("Nederland levert een bijdrage van 2,5 miljoen euro aan EUCAP Sahel Mali.", "2022-11-15", "exact"),
    ("Frankrijk stelt jaarlijks circa USD 4 mln beschikbaar voor Niger.", "2022-11-15", "approx"),
    ("De operatie kost de VN jaarlijks ongeveer 900 miljoen dollar.", "2021-03-15", "approx"),
    ("Bijdrage aan EUTM Mali:\n- omvang: tien instructeurs\n- kosten: ca. EUR 0,8 mln", "2024-10-15", "approx"),
    # realdev-even pattern: 'meer dan' is approx (GOLD-RULES)
    ("Niger ontving vorig jaar meer dan 30 miljoen euro van de EU.", "2021-03-15", "approx"),
]


@pytest.mark.parametrize(("text", "date", "expected"), QUALIFIERS)
def test_qualifier(text, date, expected):
    check(field_values(text, date, "qualifier"), expected)


RULES = [
    ("Nederland levert een bijdrage van 2,5 miljoen euro aan EUCAP Sahel Mali.", "2022-11-15",
     "amount:number-then-currency; funder:actor-in-clause; recipient:named-after-amount; period:none; "
     "per_year:default-one-off; qualifier:default-exact"),
    ("Frankrijk stelt jaarlijks circa USD 4 mln beschikbaar voor Niger.", "2022-11-15",
     "amount:currency-then-number; funder:actor-in-clause; recipient:places-for; period:none; "
     "per_year:cue-per-year; qualifier:cue-approx"),
    ("Er is 1 miljoen euro gereserveerd.", "2022-11-15",
     "amount:number-then-currency; funder:none-named; recipient:none-named; period:none; "
     "per_year:default-one-off; qualifier:default-exact"),
]


@pytest.mark.parametrize(("text", "date", "expected"), RULES)
def test_rule_names_the_rule_of_every_field(text, date, expected):
    check(field_values(text, date, "rule"), expected)


@pytest.mark.skipif(not SEED_DIR.exists(), reason="seeds absent")
def test_seed_memo_amount_and_quotes():
    from sahel_analysis.documents import read_documents

    docs = read_documents(SEED_DIR / "002_e2544a16a2ff407d.txt")
    rows = [r for d in docs for r in extract(d)]
    assert any(r["amount"] == 5_000_000 and r["currency"] == "EUR" for r in rows)
    for d in docs:
        for r in extract(d):
            assert d.text[r["start"]:r["end"]] == r["quote"]


IMPLAUSIBLE = [  # BUGS_CAUGHT: absurd amounts are no rows, and are listed for a warning
    ("Nederland draagt 99999999999999 miljard euro bij aan MINUSMA.", "2022-11-15"),
    ("Nederland draagt " + "9" * 400 + " euro bij aan MINUSMA.", "2022-11-15"),
]


@pytest.mark.parametrize(("text", "date"), IMPLAUSIBLE)
def test_implausible_amount_is_no_row_but_is_listed(text, date):
    from sahel_analysis.facts.budgets import implausible_amounts

    doc = text_doc(text, date)
    assert extract(doc) == []
    (dropped,) = implausible_amounts(doc)
    assert doc.text[dropped["start"]:dropped["end"]] == dropped["text"]


def test_an_amount_with_a_direction_mark_inside_is_read_right():
    (row,) = extract(text_doc("Nederland draagt \u202a12,5\u202c miljoen euro bij aan MINUSMA.", "2022-11-15"))
    assert (row["amount"], row["funder"], row["recipient"]) == (12_500_000, "NLD", "MINUSMA")
