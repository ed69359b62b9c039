"""A build folder made from the gold CSVs and the seeds, for the notebook/report/search tests.

It has the layout of a real build (``tables.write_all`` plus ``texts.parquet``), so the tests
run on realistic data while the extractor is being written, and on real builds later.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

from sahel_analysis import tables

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold"
SEEDS = ROOT / "seeds"

# Woo grounds as printed in redacted memos (a test fixture only; the extractor finds its own).
_REDACTION = re.compile(r"(Bescherming persoonlijke levenssfeer|Persoonlijke beleidsopvattingen|"
                        r"Internationale betrekkingen|10\.2\.[a-z]|5\.1\.\d?[a-z]?)")


def _texts() -> pd.DataFrame:
    rows = []
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        paras = [" ".join(p.replace("*", "").replace("#", "").split()) for p in raw.split("\n\n")]
        rows.append({"file": path.name, "part": 1, "text": "\n".join(p for p in paras if p)})
    return pd.DataFrame(rows)


def _span(texts: dict[str, str], file: str, quote: str) -> tuple[int | None, int | None]:
    text = texts.get(file, "")
    i = text.find(quote) if quote else -1
    return (i, i + len(quote)) if i >= 0 else (None, None)


def _facts(name: str, texts: dict[str, str], key: list[str]) -> pd.DataFrame:
    df = pd.read_csv(GOLD / f"{name}.csv", dtype=str, keep_default_na=False)
    rows = []
    for rec in df.to_dict("records"):
        rec = {k: (v if v != "" else None) for k, v in rec.items()}
        rec.pop("optional", None)
        rec["part"] = 1
        rec["start"], rec["end"] = _span(texts, rec["file"], rec.get("quote") or "")
        rec["rule"] = "gold"
        ident = "|".join(str(rec.get(k)) for k in key)
        rec["fact_id"] = hashlib.sha1(ident.encode()).hexdigest()[:12]
        for flag in ("per_year",):
            if flag in rec and rec[flag] is not None:
                rec[flag] = rec[flag] == "true"
        rows.append(rec)
    return tables.frame(name, rows)


def build(output: Path) -> Path:
    """Write the gold-derived tables and the seed texts into ``output``; return it."""
    texts = _texts()
    by_file = dict(zip(texts["file"], texts["text"], strict=True))
    docs = pd.read_csv(GOLD / "documents.csv", dtype=str, keep_default_na=False)
    doc_rows = []
    for rec in docs.to_dict("records"):
        rec = {k: (v if v != "" else None) for k, v in rec.items()}
        rec.pop("optional", None)
        rec["date_known"] = rec["date_known"] == "true"
        rec["length"] = len(by_file.get(rec["file"], ""))
        doc_rows.append(rec)
    red_rows = []
    for file, text in by_file.items():
        for m in _REDACTION.finditer(text):
            ground = m.group(0)
            red_rows.append({"file": file, "part": 1, "ground": ground, "quote": ground,
                             "start": m.start(), "end": m.end()})
    out = {
        "documents": tables.frame("documents", doc_rows),
        "contributions": _facts("contributions", by_file,
                                ["contributor", "mission", "component", "personnel",
                                 "period_start", "period_end"]),
        "budgets": _facts("budgets", by_file, ["funder", "recipient", "amount", "currency"]),
        "events": _facts("events", by_file, ["date_start", "date_end", "event_type", "summary"]),
        "redactions": tables.frame("redactions", red_rows),
        "problems": tables.frame("problems", [{"file": "999_broken.txt", "part": None,
                                               "stage": "read", "reason": "empty file"}]),
    }
    tables.write_all(out, output)
    tables.write_parquet(texts, output / "texts.parquet")
    return output


def build_empty(output: Path) -> Path:
    """A build folder whose tables are all empty (the notebooks must still run)."""
    tables.write_all({name: tables.frame(name) for name in tables.TABLES}, output)
    tables.write_parquet(pd.DataFrame({"file": [], "part": [], "text": []}),
                         output / "texts.parquet")
    return output
