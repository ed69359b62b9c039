"""One id for one happening across sentences and documents (rows made up for these tests)."""

from __future__ import annotations

import pytest

from sahel_analysis.facts.event_ids import assign_event_ids


def _row(file: str, start: str, end: str, etype: str = "coup", country: str = "BFA", actors: str = "",
         at: int = 0) -> dict:
    return {"file": file, "part": 1, "start": at, "date_start": start, "date_end": end,
            "event_type": etype, "country": country, "actors": actors}


# (rows, groups of row indexes that share an id)
CASES = [
    # the same coup told as a day, as a month and as two days in three documents
    ([_row("a", "2022-01-23", "2022-01-24"), _row("b", "2022-01-01", "2022-01-31"),
      _row("c", "2022-01-23", "2022-01-23", actors="BFA")], [{0, 1, 2}]),
    # another type, another country, or windows that do not overlap: other happenings
    ([_row("a", "2022-01-23", "2022-01-23"), _row("a", "2022-01-23", "2022-01-23", etype="attack"),
      _row("b", "2022-01-23", "2022-01-23", country="MLI"), _row("c", "2022-03-01", "2022-03-01")],
     [{0}, {1}, {2}, {3}]),
    # actors named on both sides must share one
    ([_row("a", "2022-01-23", "2022-01-23", actors="FRA"), _row("b", "2022-01-23", "2022-01-23", actors="MLI"),
      _row("c", "2022-01-23", "2022-01-23", actors="FRA; EU")], [{0, 2}, {1}]),
    # a year-long window joins only the very same window, not every happening in its year
    ([_row("a", "2015-01-01", "2015-12-31", "agreement", "MLI"), _row("b", "2015-01-01", "2015-12-31",
      "agreement", "MLI"), _row("c", "2015-06-20", "2015-06-20", "agreement", "MLI")], [{0, 1}, {2}]),
]


@pytest.mark.parametrize(("rows", "groups"), CASES)
def test_rows_of_one_happening_share_an_id(rows: list[dict], groups: list[set[int]]) -> None:
    ids = [r["event_id"] for r in assign_event_ids(rows)]
    got = {frozenset(i for i, x in enumerate(ids) if x == v) for v in ids}
    assert got == {frozenset(g) for g in groups}


def test_the_id_does_not_depend_on_the_order_of_the_rows() -> None:
    rows = [_row("a", "2022-01-23", "2022-01-24"), _row("b", "2022-01-01", "2022-01-31"),
            _row("c", "2022-03-01", "2022-03-01")]
    ids = [r["event_id"] for r in assign_event_ids([dict(r) for r in rows])]
    back = [r["event_id"] for r in assign_event_ids([dict(r) for r in reversed(rows)])]
    assert ids == list(reversed(back))
    assert ids[0] == ids[1] != ids[2] and ids[0].startswith("h-")
