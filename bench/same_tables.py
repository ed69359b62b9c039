"""Are two builds' tables the same? For refactorings that must change no output.

    python bench/same_tables.py REF_DIR NEW_DIR [--ignore rule --ignore parser_version]

Compares every table of ``sahel_analysis.tables.TABLES`` present in either folder: same columns
(apart from the ignored ones and columns new in NEW_DIR, which are listed), same rows in the same
order, same values. Exits 1 and prints the first differing rows of each table that differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from sahel_analysis.tables import TABLES, load


def differences(ref: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame], ignore: set[str]) -> list[str]:
    """Human-readable differences between two loaded builds, one entry per table that differs."""
    out: list[str] = []
    for name in TABLES:
        a, b = ref.get(name), new.get(name)
        if a is None or b is None:
            if (a is None) != (b is None):
                out.append(f"{name}: present in only one build")
            continue
        added = [c for c in b.columns if c not in a.columns and c not in ignore]
        if added:
            print(f"{name}: new columns {added} (not compared)")
        missing = [c for c in a.columns if c not in b.columns and c not in ignore]
        if missing:
            out.append(f"{name}: columns gone {missing}")
            continue
        cols = [c for c in a.columns if c not in ignore]
        a, b = a[cols].reset_index(drop=True), b[cols].reset_index(drop=True)
        if len(a) != len(b):
            out.append(f"{name}: {len(a)} rows -> {len(b)} rows")
            continue
        try:
            pd.testing.assert_frame_equal(a, b, check_dtype=False)
        except AssertionError:
            diff = (a.astype("string").fillna("<NA>") != b.astype("string").fillna("<NA>")).any(axis=1)
            rows = diff[diff].index[:3]
            out.append(f"{name}: {int(diff.sum())} rows differ, e.g.\n{a.loc[rows].T}\n->\n{b.loc[rows].T}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Compare two built folders; exit 1 where they differ."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ref", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--ignore", action="append", default=["rule"], help="column to leave out (default: rule)")
    args = ap.parse_args(argv)
    found = differences(load(args.ref), load(args.new), set(args.ignore))
    for line in found:
        print(line)
    print("same tables" if not found else f"{len(found)} tables differ")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
