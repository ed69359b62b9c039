"""The build command: tables in parquet and DuckDB, problems, atomic replacement, cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import sahel_analysis.tables as tables_mod
from sahel_analysis import load
from sahel_analysis.cli import main
from sahel_analysis.pipeline import build
from sahel_analysis.tables import SCHEMAS

from .conftest import SEEDS


def test_build_writes_every_table_to_parquet_and_duckdb(built):
    for name in SCHEMAS:
        assert (built / f"{name}.parquet").exists()
    con = duckdb.connect(str(built / "sahel.duckdb"), read_only=True)
    names = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    assert {"documents", "contributions", "budgets", "events", "redactions", "problems"} <= names
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 7
    con.close()


def test_duckdb_tables_hold_the_parquet_rows_in_order(built):
    con = duckdb.connect(str(built / "sahel.duckdb"), read_only=True)
    for name in SCHEMAS:
        ours = con.execute(f'SELECT * FROM "{name}"').fetchall()
        theirs = con.execute(f"SELECT * FROM read_parquet('{built / name}.parquet')").fetchall()
        assert ours == theirs, name
    assert con.execute("SELECT count(*) FROM series").fetchone()[0] > 0
    con.close()


def test_load_gives_typed_frames(built):
    tables = load(built)
    docs = tables["documents"]
    assert str(docs["part"].dtype) == "Int64"
    assert str(docs["date_known"].dtype) == "boolean"
    for name, schema in SCHEMAS.items():
        assert list(tables[name].columns) == list(schema)


def test_bad_file_costs_one_problem_row_and_nothing_else(tmp_path, built):
    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    summary = build(corpus, out, use_cache=False)
    tables = load(out)
    problems = tables["problems"]
    assert set(problems["file"]) == {"empty.txt", "junk.txt", "sheet.xlsx"}
    assert problems["reason"].str.len().gt(5).all()
    assert summary.documents == 7
    good = load(built)
    for name in ("documents", "contributions", "budgets", "events", "redactions"):
        pd.testing.assert_frame_equal(tables[name], good[name])


def test_a_build_that_dies_leaves_the_previous_tables(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(SEEDS, out, use_cache=False)
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}

    def boom(stage: Path, *_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(tables_mod, "_duckdb_from_parquet", boom)
    with pytest.raises(RuntimeError):
        build(SEEDS, out, use_cache=False)
    after = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    assert after == before
    assert not list(out.glob(".staging-*"))
    assert len(load(out)["documents"]) == 7


def test_unchanged_files_are_not_parsed_again(tmp_path):
    out = tmp_path / "out"
    first = build(SEEDS, out)
    tables_first = load(out)
    second = build(SEEDS, out)
    assert first.cached == 0 and second.cached == first.files
    for name, df in load(out).items():
        pd.testing.assert_frame_equal(df, tables_first[name])


def test_a_stored_result_that_cannot_be_read_is_parsed_again(tmp_path):
    out = tmp_path / "out"
    first = build(SEEDS, out)
    tables_first = load(out)
    broken = sorted((out / ".cache").glob("*.json"))[0]
    broken.write_bytes(b"not a pickle")
    second = build(SEEDS, out)
    assert second.cached == first.files - 1 and second.documents == first.documents
    for name, df in load(out).items():
        pd.testing.assert_frame_equal(df, tables_first[name])


def test_cli_build_and_missing_input(tmp_path, capsys):
    assert main(["build", "--input", str(SEEDS), "--output", str(tmp_path / "o"), "--quiet"]) == 0
    assert "built 7 documents from 5 files" in capsys.readouterr().out
    assert main(["build", "--input", str(tmp_path / "nope"), "--output", str(tmp_path / "o")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_says_in_one_line_when_the_output_cannot_be_written(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["build", "--input", str(SEEDS), "--output", str(blocker / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sahel-analysis: ") and "Traceback" not in err and len(err.splitlines()) == 1


def test_duckdb_copy_retries_with_more_memory_when_a_table_does_not_fit(built, tmp_path, monkeypatch):
    tried: list[str] = []
    real_connect = duckdb.connect

    class Spy:
        def __init__(self, con):
            self.con = con

        def execute(self, sql, *args):
            if sql.startswith("SET memory_limit"):
                tried.append(sql)
            return self.con.execute(sql, *args)

        def close(self):
            self.con.close()

    frames = load(built)
    big = pd.DataFrame([{"file": "big.txt", "part": 1, "text": "Mali " * 2_000_000}])  # 10 MB, one value
    frames["texts"] = pd.concat([frames["texts"], big.astype(frames["texts"].dtypes.to_dict())])
    monkeypatch.setattr(tables_mod, "_duckdb_limit_mb", lambda _longest: 1)
    monkeypatch.setattr(duckdb, "connect", lambda *a, **k: Spy(real_connect(*a, **k)))
    tables_mod.write_all(frames, tmp_path / "out")
    monkeypatch.undo()
    assert len(tried) > 1  # 1 MB did not hold a table, so the limit was raised and the table copied again
    con = duckdb.connect(str(tmp_path / "out" / "sahel.duckdb"), read_only=True)
    for name in SCHEMAS:
        theirs = con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 'out' / name}.parquet')").fetchone()
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone() == theirs, name
    con.close()


def test_a_fetched_folder_builds_without_problems_for_its_side_files(tmp_path):
    # what 'fetch' leaves beside the papers: the manifest and its list of failures
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, corpus / seed.name)
    (corpus / "sources.csv").write_text(f"file,url,title,doc_date\n{seed.name},https://example.org/a,,\n",
                                        encoding="utf-8")
    (corpus / "fetch-problems.csv").write_text("url,stage,reason\nhttps://example.org/b,download,404\n",
                                               encoding="utf-8")
    summary = build(corpus, tmp_path / "out", use_cache=False)
    tables = load(tmp_path / "out")
    assert summary.files == 1 and tables["problems"].empty
    assert tables["documents"]["url"].tolist() == ["https://example.org/a"]


def test_figures_beyond_plausible_bounds_are_problems_not_rows(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "absurd.txt").write_text(
        "Den Haag, 3 maart 2022\n\nNederland draagt 900.000.000.000.000.000 euro bij aan MINUSMA.\n\n"
        "Nederland levert maximaal 12 militairen aan EUTM Mali.\n", encoding="utf-8")
    build(corpus, tmp_path / "out", use_cache=False)
    tables = load(tmp_path / "out")
    assert tables["budgets"].empty
    assert tables["contributions"]["personnel"].tolist() == [12]
    reasons = tables["problems"]["reason"].tolist()
    assert sum("beyond plausible bounds" in r for r in reasons) == 1, reasons


def test_counts_of_people_beyond_plausible_bounds_are_left_out():
    from sahel_analysis.pipeline import _plausible

    assert _plausible("contributions", {"personnel": 450})
    assert not _plausible("contributions", {"personnel": 2_000_000})
    assert not _plausible("contributions", {"personnel": float("inf")})
    assert _plausible("events", {})
