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

REALDEV = [  # an artikel 100 decision's figures are a mandate, not a ceiling (GOLD-RULES.md)
    ex("Het kabinet heeft besloten tot deze inzet voor MINUSMA:\n- 40 militairen voor de staf;\n"
       "- 12 politieagenten.", "2026-06-15", [(40, "exact", "mandate"), (12, "exact", "mandate")],
       ("personnel", "qualifier", "kind")),
    ex("Het kabinet heeft besloten met ongeveer twintig mensen bij te dragen aan EUTM Mali.", "2026-06-15",
       [(20, "approx", "mandate")], ("personnel", "qualifier", "kind")),
    ex("MINUSMA\nDe regering vroeg de 9.000 man sterke troepenmacht te vertrekken.", "2026-06-15",
       [(9000, "actual")], ("personnel", "kind")),
    ex("MINUSMA\nTussen de 200 en 250 militairen reizen af in mei.", "2026-06-15",
       [(200, "approx", "planned"), (250, "max", "planned")], ("personnel", "qualifier", "kind")),
]

REALDEV_ODD = [  # 'het is de bedoeling dat' states an intention: planned
    ex("Het is de bedoeling dat dertig Nederlandse militairen EUTM Mali volgend voorjaar versterken.",
       "2026-06-15", [(30, "planned")], ("personnel", "kind")),
]


@pytest.mark.parametrize(FIELDS, SEEDS + REALDEV + REALDEV_ODD)
def test_kind(text, date, expected, cols, title):
    assert rows(text, date, cols, title) == expected
