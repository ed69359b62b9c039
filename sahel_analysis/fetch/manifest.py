"""``sources.csv`` (the corpus manifest) and ``fetch-problems.csv``: read what is there, add rows.

The manifest has one row per file: ``file,url,title,doc_date,doc_type,kamerstuk,published``
(the sources reader turns it into document metadata). Rows are appended one at a time and flushed,
so an interrupted run keeps every row of the files it finished. Rows that are already there (also
rows written by hand) are kept as they are; a manifest with other columns keeps its columns.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path

from ..vocab import read_csv

MANIFEST = "sources.csv"
PROBLEMS = "fetch-problems.csv"
COLUMNS = ("file", "url", "title", "doc_date", "doc_type", "kamerstuk", "published")
PROBLEM_COLUMNS = ("url", "title", "kamerstuk", "stage", "reason")


def doc_types() -> dict[str, str]:
    """Tweede Kamer document kind (``Soort``) -> the manifest's doc_type (vocab/fetch_doc_types.csv)."""
    return {row["soort"]: row["doc_type"] for row in read_csv("fetch_doc_types.csv")}


def read_manifest(path: Path) -> list[dict[str, str]]:
    """The rows of a manifest (none where there is no file)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def fetched(folder: Path, rows: Iterable[dict[str, str]]) -> set[str]:
    """The addresses whose file is in the manifest and still in ``folder``: not fetched again."""
    return {r["url"] for r in rows if r.get("url") and r.get("file") and (folder / r["file"]).is_file()}


class Appender:
    """Appends rows to a CSV file, writing the header first where the file is new or empty."""

    def __init__(self, path: Path, columns: Iterable[str], fresh: bool = False) -> None:
        self.path = path
        existing: list[str] = []
        if not fresh and path.exists() and path.stat().st_size:
            with path.open(encoding="utf-8", newline="") as fh:
                existing = next((r for r in csv.reader(fh) if r and not r[0].startswith("#")), [])
        self.columns = existing or list(columns)
        self.fh = path.open("a" if existing else "w", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.fh, fieldnames=self.columns, extrasaction="ignore", restval="")
        if not existing:
            self.writer.writeheader()
            self.fh.flush()

    def add(self, row: dict[str, str]) -> None:
        """Write one row now (flushed and synced, so a crash right after keeps it)."""
        self.writer.writerow(row)
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def close(self) -> None:
        """Close the file."""
        self.fh.close()
