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


def test_events_go_to_disk_as_they_come_and_get_their_ids_at_the_end(tmp_path):
    from sahel_analysis.tables import TableWriter, load

    def event(file, day, actors):
        return {"file": file, "part": 1, "start": 0, "end": 1, "quote": "x", "date_start": day,
                "date_end": day, "event_type": "coup", "country": "MLI", "actors": actors}

    writer = TableWriter(tmp_path, flush_rows=1)
    with writer:
        writer.add({"documents": [{"file": "a.txt", "part": 1}, {"file": "b.txt", "part": 1}]})
        writer.add({"events": [event("a.txt", "2020-08-18", "")]})
        assert writer.buffers["events"] == []  # written, not held for the ids
        writer.add({"events": [event("b.txt", "2020-08-18", "FAMa"), event("b.txt", "2021-05-24", "")]})
    ids = load(tmp_path)["events"]["event_id"].tolist()
    assert ids[0] == ids[1] != ids[2]  # the same coup told in two documents, and another one
