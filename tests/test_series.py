"""The personnel series: the latest document's figure per mission and year, disagreements flagged."""

from __future__ import annotations

import duckdb

from sahel_analysis.series import personnel_series
from sahel_analysis.tables import frame


def _tables(rows, docs):
    contributions = frame("contributions", [
        {"file": f, "part": 1, "contributor": "NLD", "mission": m, "component": "total",
         "personnel": n, "qualifier": "max", "period_start": ps, "period_end": pe,
         "kind": "mandate", "quote": f"{n} personen"}
        for f, m, n, ps, pe in rows
    ])
    documents = frame("documents", [{"file": f, "part": 1, "date": d} for f, d in docs])
    return {"contributions": contributions, "documents": documents}


def test_latest_document_wins_and_a_period_counts_for_every_year():
    tables = _tables(
        [("a.txt", "MINUSMA", 250, "2018-01-01", "2018-12-31"),
         ("b.txt", "MINUSMA", 200, "2018-01-01", "2019-12-31")],
        [("a.txt", "2017-09-11"), ("b.txt", "2018-03-01")],
    )
    s = personnel_series(tables)
    assert list(zip(s["year"], s["personnel"], s["file"], strict=True)) == [
        (2018, 200, "b.txt"), (2019, 200, "b.txt")]
    assert not s["disagreement"].any()


def test_documents_of_the_same_date_that_disagree_are_flagged():
    tables = _tables(
        [("a.txt", "EUTM Mali", 6, None, "2024-06-30"), ("b.txt", "EUTM Mali", 8, None, "2024-06-30")],
        [("a.txt", "2022-11-08"), ("b.txt", "2022-11-08")],
    )
    s = personnel_series(tables)
    assert list(s["year"]) == [2022, 2023, 2024]  # "until June 2024", stated in 2022
    assert s["disagreement"].all()
    assert set(s["figures"]) == {"6; 8"}


def test_the_build_holds_the_series_view(built):
    con = duckdb.connect(str(built / "sahel.duckdb"), read_only=True)
    rows = con.execute("SELECT mission, year, personnel FROM series WHERE contributor = 'NLD'").fetchall()
    con.close()
    assert rows and all(isinstance(y, int) and p > 0 for _m, y, p in rows)


def test_an_implausible_year_counts_as_no_year():
    """Any date the tables hold: 9999 or 0001 neither fails nor makes thousands of years."""
    tables = _tables(
        [("a.txt", "MINUSMA", 250, "0001-01-01", "9999-12-31"),
         ("b.txt", "Takuba", 2, None, "2022-12-31")],
        [("a.txt", "2018-03-01"), ("b.txt", "2022-05-01")],
    )
    s = personnel_series(tables)
    assert list(zip(s["mission"], s["year"], strict=True)) == [("MINUSMA", 2018), ("Takuba", 2022)]
