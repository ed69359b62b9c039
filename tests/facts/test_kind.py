"""The kind of a figure: a mandate (ceiling or mandate cue), planned (a cue, a context's cue, a period
after the document's date), else actual."""

import pytest

from .cases import FIELDS, ex, rows

PK = ("period_start", "period_end", "kind")

SEEDS = [
    ex("Nederland levert 14 militairen aan EUTM Mali.", "2025-03-10", [("2026-01-01", "2026-12-31", "planned")], PK,
       title="Nederlandse inzet in missies in 2026"),
    ex("Nederland levert 14 militairen aan EUTM Mali.", "2025-03-10", [(None, None, "actual")], PK,
       title="Nederlandse inzet in de Sahel na 2024"),
    ex("Inleiding\nMilitaire bijdrage aan MINUSMA in 2026\nDe eenheid telt ongeveer 80 militairen. "
       "De Belgische bijdrage aan MINUSMA telt inmiddels ongeveer 300 militairen.", "2025-03-10",
       [("MINUSMA", 80, "approx", "2026-01-01", "2026-12-31", "planned"),
        ("MINUSMA", 300, "approx", None, None, "actual")],
       ("mission", "personnel", "qualifier", "period_start", "period_end", "kind")),
]


@pytest.mark.parametrize(FIELDS, SEEDS)
def test_kind(text, date, expected, cols, title):
    assert rows(text, date, cols, title) == expected
