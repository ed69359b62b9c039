"""Compare ``sahel_analysis.dates.find_dates`` with ``dateparser.search_dates`` on the seeds.

Prints the time of each, the speed ratio, and precision / recall / F1 of the date windows each
finds against the gold events' windows (one-to-one, overlapping windows, per file; optional gold
rows count neither way). The finder finds every date, not only events, so precision is low by
design; recall is what matters. Figures only, no assertions.

    .venv/bin/python bench/dates_vs_dateparser.py [--seeds seeds] [--gold tests/fixtures/gold]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
import warnings
from pathlib import Path

import pandas as pd

from sahel_analysis.dates import find_dates
from sahel_analysis.evaluate import MATCHERS, match_table, read_gold

Window = tuple[dt.date, dt.date]


def _documents(seeds: Path) -> list[tuple[str, str, dt.date | None]]:
    """(file, clean text, reference date) per document of the seeds."""
    out = []
    try:
        from sahel_analysis.documents import read_documents
    except ImportError:  # pragma: no cover - before the reader existed
        read_documents = None
    for path in sorted(seeds.glob("*.txt")):
        if read_documents is not None:
            for doc in read_documents(path):
                out.append((path.name, doc.text, doc.ref_date))
        else:
            out.append((path.name, " ".join(path.read_text(encoding="utf-8").split()), None))
    return out


def _score(gold: pd.DataFrame, pred: dict[str, list[Window]]):
    """Windows scored like the events table (evaluate's one-to-one overlap matching)."""
    rows = [{"file": f, "date_start": a.isoformat(), "date_end": b.isoformat(), "event_type": ""}
            for f, windows in pred.items() for a, b in windows]
    frame = pd.DataFrame(rows, columns=["file", "date_start", "date_end", "event_type"])
    return match_table("dates", gold, frame, MATCHERS["events"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("--gold", default="tests/fixtures/gold")
    ap.add_argument("--repeat", type=int, default=20, help="repeats of find_dates for timing")
    args = ap.parse_args()
    docs = _documents(Path(args.seeds))
    gold = read_gold(Path(args.gold))["events"]
    size = sum(len(t) for _, t, _ in docs)

    t0 = time.perf_counter()
    for _ in range(args.repeat):
        ours: dict[str, list[Window]] = {}
        for f, text, ref in docs:
            ours.setdefault(f, []).extend(
                (m.window.start, m.window.end) for m in find_dates(text, ref)
            )
    t_ours = (time.perf_counter() - t0) / args.repeat

    import dateparser.search  # imported here: slow import, dev dependency

    warnings.filterwarnings("ignore")
    theirs: dict[str, list[Window]] = {}
    t0 = time.perf_counter()
    for f, text, ref in docs:
        settings = {"RELATIVE_BASE": dt.datetime.combine(ref, dt.time())} if ref else {}
        found = dateparser.search.search_dates(text, languages=["nl"], settings=settings) or []
        theirs.setdefault(f, []).extend((d.date(), d.date()) for _, d in found)
    t_theirs = time.perf_counter() - t0

    print(f"text: {len(docs)} documents, {size / 1e3:.1f} kB clean text")
    print(f"find_dates:               {t_ours * 1e3:9.1f} ms  ({size / t_ours / 1e6:.1f} MB/s)")
    print(f"dateparser.search_dates:  {t_theirs * 1e3:9.1f} ms  ({size / t_theirs / 1e6:.3f} MB/s)")
    print(f"speed ratio:              {t_theirs / t_ours:9.0f}x")
    print("windows vs gold event windows (one-to-one overlap per file):")
    for name, pred in (("find_dates", ours), ("dateparser", theirs)):
        sc = _score(gold, pred)
        print(f"  {name:<11} found {sum(map(len, pred.values())):4d}  P {sc.precision:.3f}  "
              f"R {sc.recall:.3f}  F1 {sc.f1:.3f}  (tp {sc.tp}, fp {sc.fp}, fn {sc.fn})")


if __name__ == "__main__":
    main()
