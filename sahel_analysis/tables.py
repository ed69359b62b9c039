"""Table schemas, and writing them to parquet and DuckDB without ever leaving half a file."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

# Column name -> pandas dtype. The fact tables carry provenance: file, part, the quote,
# its span in the document's clean text (start/end), the span in the raw file
# (raw_start/raw_end), the rule that found it, and a fact_id shared by repeated statements.
PROVENANCE = {
    "quote": "string",
    "start": "Int64",
    "end": "Int64",
    "raw_start": "Int64",
    "raw_end": "Int64",
    "rule": "string",
    "fact_id": "string",
}

SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "file": "string",
        "part": "Int64",
        "doc_type": "string",
        "title": "string",
        "date": "string",
        "date_known": "boolean",
        "kamerstuk": "string",
        "reference": "string",
        "addressee": "string",
        "signatories": "string",
        "length": "Int64",
        "raw_start": "Int64",
        "raw_end": "Int64",
        "content_hash": "string",
        "parser_version": "string",
    },
    "contributions": {
        "file": "string",
        "part": "Int64",
        "contributor": "string",
        "mission": "string",
        "component": "string",
        "personnel": "Int64",
        "qualifier": "string",
        "period_start": "string",
        "period_end": "string",
        "kind": "string",
        **PROVENANCE,
    },
    "budgets": {
        "file": "string",
        "part": "Int64",
        "funder": "string",
        "recipient": "string",
        "amount": "float64",
        "currency": "string",
        "amount_eur": "float64",
        "per_year": "boolean",
        "period_start": "string",
        "period_end": "string",
        "qualifier": "string",
        **PROVENANCE,
    },
    "events": {
        "file": "string",
        "part": "Int64",
        "date_start": "string",
        "date_end": "string",
        "precision": "string",
        "event_type": "string",
        "country": "string",
        "actors": "string",
        "summary": "string",
        **PROVENANCE,
    },
    "redactions": {
        "file": "string",
        "part": "Int64",
        "ground": "string",
        "article": "string",
        "quote": "string",
        "start": "Int64",
        "end": "Int64",
        "raw_start": "Int64",
        "raw_end": "Int64",
    },
    "problems": {
        "file": "string",
        "part": "Int64",
        "stage": "string",
        "reason": "string",
    },
}

TABLES = tuple(SCHEMAS)


def frame(table: str, rows: list[dict] | None = None) -> pd.DataFrame:
    """Build a DataFrame for ``table`` with exactly its columns and dtypes (missing keys: NA)."""
    schema = SCHEMAS[table]
    df = pd.DataFrame(rows or [], columns=list(schema))
    for col, dtype in schema.items():
        if dtype == "boolean":
            df[col] = df[col].astype("object").where(df[col].notna(), None).astype("boolean")
        elif dtype == "string":
            df[col] = df[col].astype("object").where(df[col].notna(), None).astype("string")
        else:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype(dtype)
    return df


def _atomic_path(target: Path) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    return Path(tmp)


def write_parquet(df: pd.DataFrame, target: Path) -> None:
    """Write ``df`` to ``target`` through a temporary file and an atomic rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _atomic_path(target)
    try:
        df.to_parquet(tmp, index=False)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_duckdb(tables: dict[str, pd.DataFrame], target: Path) -> None:
    """Write all ``tables`` into one DuckDB file, replacing ``target`` atomically."""
    import duckdb

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _atomic_path(target)
    tmp.unlink()  # duckdb wants to create the file itself
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name, df in tables.items():
                con.register("_df", df)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _df')
                con.unregister("_df")
        finally:
            con.close()
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)


def write_all(tables: dict[str, pd.DataFrame], output: Path) -> None:
    """Write every table as ``output/<name>.parquet`` and all into ``output/sahel.duckdb``.

    Everything is first written into a staging folder beside ``output``; only when all files
    are complete are they moved in, each by an atomic rename, so a build that dies midway
    leaves the previous tables whole and readable.
    """
    output.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=output))
    try:
        for name, df in tables.items():
            write_parquet(df, stage / f"{name}.parquet")
        write_duckdb(tables, stage / "sahel.duckdb")
        for item in sorted(stage.iterdir()):
            os.replace(item, output / item.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def load(directory: str | os.PathLike = "data/processed") -> dict[str, pd.DataFrame]:
    """Read the tables of a build folder as typed DataFrames (a missing table comes back empty)."""
    directory = Path(directory)
    out: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        path = directory / f"{name}.parquet"
        if path.exists():
            df = pd.read_parquet(path)
            out[name] = frame(name, df.to_dict("records")) if len(df) else frame(name)
        else:
            out[name] = frame(name)
    return out
