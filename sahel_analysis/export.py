"""Tables for spreadsheet users: CSV files or one XLSX workbook, each fact with its document.

Every fact row gets its document's ``doc_title``, ``doc_date``, ``kamerstuk`` and, where the
sources manifest gave one, ``url`` (and ``date_source`` / ``title_source``), so a spreadsheet
user can filter and follow a figure to its source without a join.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from . import tables
from .briefing import data_path, with_documents
from .errors import UserError

FACTS = ("contributions", "budgets", "events", "redactions")
PLAIN = ("documents", "problems")
FORMATS = ("csv", "xlsx")
# Excel's cell limit: longer text (a whole document) is cut there, with a marker.
XLSX_CELL = 32_767


def joined(data: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables to export: fact tables with their documents' fields, documents, problems."""
    out: dict[str, pd.DataFrame] = {}
    for name in FACTS:
        if name in data:
            out[name] = with_documents(data[name], data["documents"])
    for name in PLAIN:
        if name in data:
            out[name] = data[name]
    return out


def _cell(value: object) -> object:
    if isinstance(value, str) and len(value) > XLSX_CELL:
        return value[: XLSX_CELL - 3] + "..."
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # no formula injection from document text
    return value


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Nullable dtypes as objects (NA -> empty), the way a spreadsheet wants them."""
    return df.astype("object").where(df.notna(), None)


def write_csv(frames: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    """One UTF-8 CSV (with BOM, so spreadsheets read the accents) per table."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, df in frames.items():
        path = folder / f"{name}.csv"
        _plain(df).map(_cell).to_csv(path, index=False, encoding="utf-8-sig")
        os.chmod(path, 0o644)
        out.append(path)
    return out


def write_xlsx(frames: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    """One workbook ``sahel-analysis.xlsx`` with a sheet per table (written, then renamed in)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "sahel-analysis.xlsx"
    fd, tmp = tempfile.mkstemp(prefix=".export.", suffix=".xlsx", dir=folder)
    os.close(fd)
    try:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            for name, df in frames.items():
                _plain(df).map(_cell).to_excel(xl, sheet_name=name[:31], index=False)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return [target]


def export(data_dir: str | Path, output: str | Path, fmt: str = "csv") -> list[Path]:
    """Write the tables of ``data_dir`` as ``fmt`` (csv or xlsx) into ``output``."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    frames = joined(tables.load(data_path(data_dir)))
    writer = write_csv if fmt == "csv" else write_xlsx
    return writer(frames, Path(output))
