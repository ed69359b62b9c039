"""The personnel series: per mission and year, the figure the latest document states.

One SQL definition serves both the ``series`` view in ``sahel.duckdb`` and :func:`personnel_series`
for notebooks. A figure counts for every year its period touches (a mandate for
2023-01-01..2024-06-30 counts for 2023 and 2024; a figure without a period counts for the year of
its document; one that runs ``until`` a date, from its document's year on). Where several documents
state a figure for the same mission and year, the latest document wins; ``disagreement`` is true
where documents of that same latest date state different figures, and ``figures`` lists the figures
of that date.
"""

from __future__ import annotations

import pandas as pd

MIN_YEAR, MAX_YEAR = 1900, 2100  # a year outside these (a typo, 9999) counts as no year


def _year(column: str) -> str:
    """SQL: the year of an ISO date column, or NULL where it is missing or implausible."""
    y = f"TRY_CAST(substr({column}, 1, 4) AS INTEGER)"
    return f"(CASE WHEN {y} BETWEEN {MIN_YEAR} AND {MAX_YEAR} THEN {y} END)"


SERIES_SQL = """
WITH facts AS (
    SELECT c.contributor, c.mission, c.component, c.personnel, c.qualifier, c.kind, c.quote,
           c.file, c.part, d.date AS doc_date, d.kamerstuk,
           COALESCE({ps},
                    LEAST({dd}, {pe}),
                    {dd}) AS first_year,
           COALESCE({pe}, {ps}, {dd}) AS last_year
    FROM contributions c JOIN documents d ON c.file = d.file AND c.part = d.part
    WHERE c.component = 'total' AND c.personnel IS NOT NULL
),
years AS (
    SELECT f.*, UNNEST(generate_series(f.first_year, GREATEST(f.first_year, f.last_year))) AS year
    FROM facts f WHERE f.first_year IS NOT NULL
),
ranked AS (
    SELECT y.*, max(y.doc_date) OVER (PARTITION BY contributor, mission, year) AS latest_date
    FROM years y
),
latest AS (
    SELECT * FROM ranked WHERE doc_date = latest_date
)
SELECT contributor, mission, year,
       arg_max(personnel, personnel) AS personnel,
       arg_max(qualifier, personnel) AS qualifier,
       arg_max(kind, personnel) AS kind,
       arg_max(file, personnel) AS file,
       arg_max(part, personnel) AS part,
       any_value(latest_date) AS doc_date,
       arg_max(kamerstuk, personnel) AS kamerstuk,
       arg_max(quote, personnel) AS quote,
       count(DISTINCT personnel) > 1 AND count(DISTINCT file || '#' || part) > 1 AS disagreement,
       array_to_string(list_sort(list_distinct(list(personnel))), '; ') AS figures
FROM latest
GROUP BY contributor, mission, year
ORDER BY contributor, mission, year
""".format(ps=_year("c.period_start"), pe=_year("c.period_end"), dd=_year("d.date"))


def personnel_series(tables: dict[str, pd.DataFrame], contributor: str | None = "NLD") -> pd.DataFrame:
    """The series (see module docstring) from loaded tables; ``contributor=None`` for all."""
    import duckdb

    con = duckdb.connect()
    try:
        con.register("contributions", tables["contributions"])
        con.register("documents", tables["documents"])
        df = con.execute(SERIES_SQL).df()
    finally:
        con.close()
    if contributor is not None:
        df = df[df["contributor"] == contributor].reset_index(drop=True)
    return df
