"""Score the build on ../shared/realdev, on one half of it or the whole.

The real documents stay in ../shared (third-party texts are never copied into the project): the
x, built there, and scored against the gold rows of
those files only.

    python bench/realdev.py --half odd            # tune on this half ...
    python bench/realdev.py --half even           # ... measure on this one, then swap
    python bench/realdev.py --half all --misses   # the whole set, with every miss
    python bench/realdev.py --half even --no-manifest   # without realdev's sources.csv
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDEV = ROOT.parent / "shared" / "realdev"


def _number(name: str) -> int:
    m = re.match(r"(\d+)_", name)
    return int(m.group(1)) if m else 0


def in_half(name: str, half: str) -> bool:
    """True where file ``name`` belongs to ``half`` (odd, even or all) of realdev."""
    if half == "all":
        return True
    return (_number(name) % 2 == 1) == (half == "odd")


def _filter_csv(src: Path, dst: Path, half: str) -> None:
    with src.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0].keys()) if rows else []
    with dst.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(r for r in rows if in_half(r["file"], half))


def main(argv: list[str] | None = None) -> int:
    """Build and score one half of realdev; the exit code is evaluate's."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("odd", "even", "all"), default="all")
    ap.add_argument("--misses", action="store_true", help="list misses and false positives")
    ap.add_argument("--no-manifest", action="store_true", help="build without realdev's sources.csv")
    ap.add_argument("--keep", default=None, help="build into this folder and keep it")
    ap.add_argument("--realdev", default=str(REALDEV))
    args = ap.parse_args(argv)
    realdev = Path(args.realdev)
    if not (realdev / "docs").is_dir():
        print(f"realdev not found at {realdev}: skipped", file=sys.stderr)
        return 0
    exe = Path(sys.executable).parent / "sahel-analysis"
    with tempfile.TemporaryDirectory(prefix="realdev-") as tmp:
        tmp_path = Path(tmp)
        docs, gold = tmp_path / "docs", tmp_path / "gold"
        docs.mkdir()
        gold.mkdir()
        for path in sorted((realdev / "docs").iterdir()):
            if in_half(path.name, args.half):
                shutil.copyfile(path, docs / path.name)  # a temporary copy: links out of a folder are not read
        for table in (realdev / "gold").glob("*.csv"):
            _filter_csv(table, gold / table.name, args.half)
        out = Path(args.keep) if args.keep else tmp_path / "tables"
        build = [str(exe), "build", "--input", str(docs), "--output", str(out), "--quiet"]
        if not args.no_manifest and (realdev / "sources.csv").exists() and _supports_sources(exe):
            manifest = tmp_path / "sources.csv"
            _filter_csv(realdev / "sources.csv", manifest, args.half)
            build += ["--sources", str(manifest)]
        subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
        score = [str(exe), "evaluate", "--gold", str(gold), "--tables", str(out)]
        if not args.misses:
            score.append("--summary")
        print(f"== realdev, half {args.half}" + ("" if "--sources" in build else " (no manifest)"))
        return subprocess.run(score).returncode


def _supports_sources(exe: Path) -> bool:
    help_text = subprocess.run([str(exe), "build", "--help"], capture_output=True, text=True).stdout
    return "--sources" in help_text


if __name__ == "__main__":
    sys.exit(main())
