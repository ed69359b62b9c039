"""Compare ``sahel_analysis.dates.find_dates`` with ``dateparser.search_dates`` on the seeds.

Prints the time of each, the speed ratio, and precision / recall / F1 of the date windows each
finds against the gold events' windows (one-to-one, overlapping windows, per file; optional gold
rows count neither way). The finder finds every date, not only events, so precision is low by
design; recall is what matters. Figures only, no assertions.

    .venv/bin/python bench/dates_vs_dateparser.py [--seeds seeds] [--gold tests/fixtures/gold]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import time
import warnings
from pathlib import Path

from sahel_analysis.dates import find_dates

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


def _gold(gold_dir: Path) -> dict[str, list[tuple[Window, bool]]]:
    rows: dict[str, list[tuple[Window, bool]]] = {}
    with open(gold_dir / "events.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            w = (dt.date.fromisoformat(r["date_start"]), dt.date.fromisoformat(r["date_end"]))
            rows.setdefault(r["file"], []).append((w, r["optional"].strip().lower() == "true"))
    return rows


def _matching(gold: list[Window], pred: list[Window], taken: set[int]) -> dict[int, int]:
    edges = [[j for j, p in enumerate(pred) if j not in taken and g[0] <= p[1] and p[0] <= g[1]]
             for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _score(gold: dict[str, list[tuple[Window, bool]]],
           pred: dict[str, list[Window]]) -> tuple[float, float, float, int, int, int]:
    tp = fp = fn = 0
    for f in sorted(set(gold) | set(pred)):
        required = [w for w, opt in gold.get(f, []) if not opt]
        optional = [w for w, opt in gold.get(f, []) if opt]
        p = pred.get(f, [])
        pairs = _matching(required, p, set())
        taken = set(pairs.values())
        taken |= set(_matching(optional, p, taken).values())
        tp += len(pairs)
        fn += len(required) - len(pairs)
        fp += len(p) - len(taken)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, tp, fp, fn


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("--gold", default="tests/fixtures/gold")
    ap.add_argument("--repeat", type=int, default=20, help="repeats of find_dates for timing")
    args = ap.parse_args()
    docs = _documents(Path(args.seeds))
    gold = _gold(Path(args.gold))
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
        p, r, f1, tp, fp, fn = _score(gold, pred)
        print(f"  {name:<11} found {sum(map(len, pred.values())):4d}  P {p:.3f}  R {r:.3f}  "
              f"F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
