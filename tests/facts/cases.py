"""Shared helpers of the fact tests by field: an example is ``(text, document date, expected)``
(plus the columns it checks and the document's title), checked against the rows ``extract`` gives."""

from __future__ import annotations

import pytest

from sahel_analysis.facts.contributions import extract
from tests.docs import text_doc

COLS = ("contributor", "mission", "personnel")
FIELDS = ("text", "date", "expected", "cols", "title")


def ex(text: str, date: str | None, expected: list[tuple], cols: tuple[str, ...] = COLS, title: str = ""):
    """One example: the rows of ``text`` (a document dated ``date``, titled ``title``), reduced to
    ``cols``, must be ``expected``."""
    return pytest.param(text, date, expected, cols, title, id=text[:60])


def rows(text: str, date: str | None, cols: tuple[str, ...] = COLS, title: str = "") -> list[tuple]:
    """The rows of ``text`` reduced to ``cols``; every row's quote is its span of the text."""
    found = extract(text_doc(text, date, title))
    assert all(text[r["start"] : r["end"]] == r["quote"] for r in found)
    return [tuple(r[c] for c in cols) for r in found]


def rules(text: str, date: str | None = "2026-06-15", title: str = "") -> list[dict[str, str]]:
    """The ``rule`` column of each row as field -> rule name."""
    return [dict(item.split(":", 1) for item in r["rule"].split("; ")) for r in extract(text_doc(text, date, title))]
