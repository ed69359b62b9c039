"""Budgets, period: the years or dates an amount covers (sahel_analysis/facts/budget_period.py).
Examples are sentences written for these tests; the list names say which set's failures they
stand for. Expected: (period_start, period_end)."""

import pytest

from sahel_analysis.facts.budgets import extract

from ..docs import text_doc
from .budget_rows import check

SEEDS = [
    ("Eerder dit jaar kondigde Frankrijk een steunpakket van 40 miljoen euro aan voor Niger.", "2019-06-20",
     (None, None)),
    ("Sinds 2015 heeft Nederland 6 miljoen euro bijgedragen aan ACOTA.", "2019-06-20", ("2015-01-01", "2019-06-20")),
    ("Sinds 2015 draagt Nederland jaarlijks 1 miljoen euro bij aan ACOTA.", "2019-06-20", ("2015-01-01", None)),
    ("In 2018 besloot het kabinet de steun aan ACOTA tot en met 2021 voort te zetten. "
     "Deze steun bedraagt jaarlijks 2 miljoen euro.", "2019-06-20", (None, "2021-12-31")),
    ("In 2018 besloot het kabinet de steun aan ACOTA tot en met 2021 voort te zetten. "
     "Nederland betaalt jaarlijks 2 miljoen euro aan UNDP.", "2019-06-20", (None, None)),
    ("In 2018 besloot het kabinet de steun aan ACOTA tot en met 2021 voort te zetten. "
     "Deze steun bedraagt 2 miljoen euro.", "2019-06-20", (None, None)),
    ("De steun aan ACOTA loopt tot en met 2021.\nDeze steun bedraagt jaarlijks 2 miljoen euro.", "2019-06-20",
     (None, None)),
]

BLIND1 = [
    ("Het kabinet heeft besloten in 2022 bij te dragen aan EUTM Mali met vier instructeurs. "
     "De kosten hiervan worden geraamd op 0,7 miljoen euro.", "2021-03-15", ("2022-01-01", "2022-12-31")),
    ("Het kabinet verlengt de bijdrage aan MINUSMA.\n"
     "De Nederlandse bijdrage bestaat in 2022 en 2023 uit de volgende onderdelen:\n"
     "- een helikopterdetachement;\n"
     "- een staffunctie in Bamako. "
     "De uitgaven voor deze bijdrage worden geraamd op jaarlijks 30 miljoen euro.", "2021-03-15",
     ("2022-01-01", "2023-12-31")),
    ("Op 4 februari heeft het kabinet besloten bij te dragen aan Takuba. "
     "De kosten hiervan worden geraamd op 2 miljoen euro.", "2021-03-15", (None, None)),
    ("Het kabinet heeft besloten in 2022 en 2023 bij te dragen aan EUTM Mali. "
     "De kosten hiervan worden geraamd op 2 miljoen euro.", "2021-03-15", (None, None)),
    ("Het kabinet draagt in 2022 bij aan EUTM Mali.\nDe kosten hiervan worden geraamd op 2 miljoen euro.",
     "2021-03-15", (None, None)),
    ("Het kabinet draagt in 2022 bij aan EUTM Mali.\nTakuba\nDe kosten hiervan worden geraamd op 2 miljoen euro.",
     "2021-03-15", (None, None)),
]


@pytest.mark.parametrize(("text", "date", "expected"), SEEDS + BLIND1)
def test_period(text, date, expected):
    rows = extract(text_doc(text, date))
    check([(r["period_start"], r["period_end"]) for r in rows], expected)
