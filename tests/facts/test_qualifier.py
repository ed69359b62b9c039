"""The qualifier of a figure: the nearest cue before it (``maximaal``, ``ongeveer``), else exact; a
mandate figure is a ceiling."""

import pytest

from .cases import FIELDS, ex, rows

QPK = ("personnel", "qualifier", "period_start", "kind")

SEEDS = [
    ex("Nederland levert maximaal twaalf militairen aan EUTM Mali.", "2022-11-15",
       [("NLD", "EUTM Mali", 12, "max", "mandate")], ("contributor", "mission", "personnel", "qualifier", "kind")),
    ex("Nederland heeft tot eind mei 2025 een mandaat voor drie personen in EUTM Mali.", "2025-03-10",
       [("EUTM Mali", 3, "max", None, "2025-05-31", "mandate")],
       ("mission", "personnel", "qualifier", "period_start", "period_end", "kind")),
]
BLIND1 = [
    ex("De bijdrage bestaat in 2027 uit de volgende onderdelen:\n– maximaal vijf stafofficieren bij MINUSMA. "
       "Daarnaast zijn twee civiele adviseurs werkzaam bij de missie.", "2026-06-15",
       [(5, "max", "2027-01-01", "mandate"), (2, "exact", None, "actual")], QPK),
]

REALDEV_EVEN = [  # 'meer dan' counts as approx, as 'ruim' (GOLD-RULES)
    ex("Bij EUTM Mali werken meer dan veertig Nederlandse militairen.", "2026-06-15",
       [(40, "approx", None, "actual")], QPK),
]


@pytest.mark.parametrize(FIELDS, SEEDS + BLIND1 + REALDEV_EVEN)
def test_qualifier(text, date, expected, cols, title):
    assert rows(text, date, cols, title) == expected
