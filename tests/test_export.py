"""Exports for spreadsheet users: every fact with its document's title, date and address."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from sahel_analysis import cli, export, tables
from sahel_analysis.errors import UserError


def _data(folder: Path, with_url: bool = True) -> Path:
    docs = tables.frame("documents", [
        {"file": "a.txt", "part": 1, "date": "2022-02-17", "title": "Brief over de Sahel",
         "kamerstuk": "29521-440"}])
    if with_url:
        docs["url"] = ["https://example.org/29521-440"]
    facts = {
        "documents": docs,
        "contributions": tables.frame("contributions", [
            {"file": "a.txt", "part": 1, "contributor": "NLD", "mission": "MINUSMA",
             "component": "total", "personnel": 250, "quote": "=250 militairen"}]),
        "budgets": tables.frame("budgets", [
            {"file": "a.txt", "part": 1, "funder": "NLD", "recipient": "MLI", "amount": 5e6,
             "currency": "EUR", "amount_eur": 5e6, "quote": "vijf miljoen euro"}]),
        "events": tables.frame("events", [
            {"file": "a.txt", "part": 1, "date_start": "2022-02-01", "event_type": "coup",
             "country": "MLI", "quote": "de staatsgreep"}]),
    }
    for name in tables.TABLES:
        facts.setdefault(name, tables.frame(name))
    tables.write_all(facts, folder)
    return folder


def test_csv_has_document_fields_joined(tmp_path: Path) -> None:
    data = _data(tmp_path / "data")
    paths = export.export(data, tmp_path / "out", "csv")
    names = {p.name for p in paths}
    assert {"contributions.csv", "budgets.csv", "events.csv", "documents.csv"} <= names
    with open(tmp_path / "out" / "contributions.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["doc_title"] == "Brief over de Sahel" and rows[0]["doc_date"] == "2022-02-17"
    assert rows[0]["kamerstuk"] == "29521-440"
    assert rows[0]["quote"] == "'=250 militairen"  # no formula from document text
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in paths)


def test_xlsx_has_a_sheet_per_table(tmp_path: Path) -> None:
    data = _data(tmp_path / "data", with_url=False)
    assert cli.main(["export", "--format", "xlsx", "--data", str(data), "--output",
                     str(tmp_path / "out")]) == 0
    book = pd.read_excel(tmp_path / "out" / "sahel-analysis.xlsx", sheet_name=None)
    assert {"contributions", "budgets", "events", "documents"} <= set(book)
    ev = book["events"]
    assert ev.loc[0, "doc_title"] == "Brief over de Sahel" and "url" in ev  # empty without one
    assert book["budgets"].loc[0, "amount_eur"] == 5e6


def test_a_folder_without_tables_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no tables in"):
        export.export(tmp_path / "nothing", tmp_path / "out")
    with pytest.raises(UserError, match="unknown format"):
        export.export(tmp_path, tmp_path / "out", "ods")


def test_the_sources_address_is_joined_where_the_documents_have_one() -> None:
    """``url`` (from the sources manifest) is not in every build yet: used where present."""
    docs = tables.frame("documents", [{"file": "a.txt", "part": 1, "title": "T", "date": "2022"}])
    docs["url"] = ["https://example.org/a"]
    docs["title_source"] = ["Kamerbrief T"]
    facts = tables.frame("budgets", [{"file": "a.txt", "part": 1, "amount": 1.0}])
    out = export.joined({"documents": docs, "budgets": facts})
    row = out["budgets"].iloc[0]
    assert (row["url"], row["title_source"], row["doc_title"]) == (
        "https://example.org/a", "Kamerbrief T", "T")
    plain = export.joined({"documents": docs.drop(columns=["url", "title_source"]),
                           "budgets": facts})
    assert plain["budgets"]["url"].isna().all()
