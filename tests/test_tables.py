"""The fast Arrow route of the table writer gives what the pandas route gives."""

import math

import pyarrow as pa
import pytest

from sahel_analysis.tables import arrow_schema, arrow_table, frame


def _via_pandas(table: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pandas(frame(table, rows), schema=arrow_schema(table), preserve_index=False)


def test_arrow_table_equals_pandas_route_with_missing_keys_and_nan():
    rows = [
        {"file": "a.txt", "part": 1, "funder": "NLD", "amount": 5_000_000.0, "currency": "EUR",
         "amount_eur": math.nan, "per_year": True, "quote": "vijf miljoen", "start": 3, "end": 15},
        {"file": "b.txt", "part": 2, "amount": 2, "per_year": None},  # int in a float column
    ]
    fast = arrow_table("budgets", rows)
    assert fast.equals(_via_pandas("budgets", rows))
    assert fast.column("amount_eur").null_count == 2  # NaN is a null, as pandas writes it
    assert fast.column("funder").to_pylist() == ["NLD", None]


def test_arrow_table_coerces_unexpected_types_like_the_pandas_route():
    rows = [{"file": "a.txt", "part": "3", "stage": "read", "reason": 404}]
    out = arrow_table("problems", rows)
    assert out.equals(_via_pandas("problems", rows))
    assert out.column("reason").to_pylist() == ["404"]
    assert out.column("part").to_pylist() == [3]


def test_a_folder_without_a_build_is_an_error_not_empty_tables(tmp_path):
    from sahel_analysis.errors import UserError
    from sahel_analysis.tables import load

    with pytest.raises(UserError, match="no tables in .*run 'sahel-analysis build' first"):
        load(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no tables"):
        load(tmp_path / "empty")
