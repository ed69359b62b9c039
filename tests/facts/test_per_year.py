"""Budgets, per_year: does an amount recur each year (``jaarlijks``, ``per jaar``)? Examples are
sentences written for these tests; the list names say which set's failures they stand for."""

import pytest

from .budget_rows import check, field_values

SEEDS = [
    ("Nederland levert een bijdrage van 2,5 miljoen euro aan EUCAP Sahel Mali.", "2022-11-15", False),
    ("Frankrijk stelt jaarlijks circa USD 4 mln beschikbaar voor Niger.", "2022-11-15", True),
    ("Sinds 2015 draagt Nederland jaarlijks 1 miljoen euro bij aan ACOTA.", "2019-06-20", True),
    ("Sinds 2015 heeft Nederland 6 miljoen euro bijgedragen aan ACOTA.", "2019-06-20", False),
    ("In 2018 besloot het kabinet de steun aan ACOTA tot en met 2021 voort te zetten. "
     "Deze steun bedraagt jaarlijks 2 miljoen euro.", "2019-06-20", True),
]

BLIND1 = [
    ("De operatie kost de VN jaarlijks ongeveer 900 miljoen dollar.", "2021-03-15", True),
    ("Het kabinet verlengt de bijdrage aan MINUSMA.\n"
     "De Nederlandse bijdrage bestaat in 2022 en 2023 uit de volgende onderdelen:\n"
     "- een helikopterdetachement;\n"
     "- een staffunctie in Bamako. "
     "De uitgaven voor deze bijdrage worden geraamd op jaarlijks 30 miljoen euro.", "2021-03-15", True),
]


@pytest.mark.parametrize(("text", "date", "expected"), SEEDS + BLIND1)
def test_per_year(text, date, expected):
    check(field_values(text, date, "per_year"), expected)
