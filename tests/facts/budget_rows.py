"""Budget rows of a made-up text, and the check of one field against an expected value."""

from __future__ import annotations

from dataclasses import dataclass

from sahel_analysis.facts.budgets import extract

from ..docs import text_doc


@dataclass(frozen=True)
class Not:
    """Expected: one row whose value is anything but ``value``."""

    value: object


def field_values(text: str, date: str, field: str, title: str = "") -> list:
    """The values of ``field`` in the budget rows of ``text`` (a document dated ``date``)."""
    return [row[field] for row in extract(text_doc(text, date, title))]


def check(values: list, expected: object) -> None:
    """A list expects the values of every row in order; ``Not(x)`` one row that is not ``x``; any
    other value one row with that value."""
    if isinstance(expected, list):
        assert values == expected
    elif isinstance(expected, Not):
        assert len(values) == 1 and values[0] != expected.value, values
    else:
        assert values == [expected]
