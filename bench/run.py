"""Benchmark of the build on a synthetic corpus (bench/synth.py), plus dates vs dateparser.

Every build runs in a fresh child process (so peak memory is that build's alone) with
``use_cache=False`` and prints one row: input MB, files, documents, facts, wall seconds, MB/s
overall and per core, per-stage throughput (read+clean, facts: summed over workers; write is the
remainder of the wall time), documents/s, facts/s, and peak RSS of the main process and of the
largest worker. Figures only, no assertions.

    .venv/bin/python bench/run.py --size 100MB [--workers N] [--keep DIR]
    .venv/bin/python bench/run.py --size 10MB,100MB --compare-workers   # memory vs size, speed-up
    .venv/bin/python bench/run.py --size 10MB --profile                  # cProfile, top 15
    .venv/bin/python bench/run.py --size 100MB --compare-workers --repeat 3  # best of 3, and the range
    .venv/bin/python bench/run.py --size 10MB,100MB --no-facts  # read+clean+write alone
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402


def _maxrss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def _no_facts(_doc) -> list[dict]:
    return []


def run_one(corpus: Path, workers: int, scheduler: str | None = None,
            facts: bool = True) -> dict:
    """Build ``corpus`` in this process and return the figures (call it in a fresh process).

    ``facts=False`` replaces the fact extractors by no-ops (workers are forked, so they inherit
    it): a diagnostic of reading, cleaning and writing alone."""
    from sahel_analysis import pipeline
    from sahel_analysis.pipeline import build

    if not facts:
        pipeline._extractor = lambda _table: _no_facts

    with tempfile.TemporaryDirectory(prefix="sahel-bench-out-") as out:
        t0 = time.perf_counter()
        s = build(corpus, Path(out), workers=workers, scheduler=scheduler, use_cache=False)
        wall = time.perf_counter() - t0
    return {
        "workers": workers, "bytes": s.bytes, "files": s.files, "documents": s.documents,
        "facts": sum(s.facts.values()), "facts_by_table": s.facts, "problems": s.problems,
        "seconds": wall, "timings": s.timings,
        "rss_main_mb": _maxrss_mb(resource.RUSAGE_SELF),
        "rss_worker_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
    }


def measure(corpus: Path, workers: int, facts: bool = True) -> dict:
    """Run one build in a child process and return its figures."""
    cmd = [sys.executable, __file__, "--one", str(corpus), "--workers", str(workers)]
    cmd += [] if facts else ["--no-facts"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"build failed on {corpus} with {workers} workers")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def stage_row(r: dict) -> dict:
    """Derived figures of one run: MB/s overall, per core, per stage; docs/s, facts/s."""
    mb = r["bytes"] / 1e6
    rc = r["timings"].get("read+clean", 0.0)
    facts = r["timings"].get("facts", 0.0)
    write = max(0.0, r["seconds"] - (rc + facts) / r["workers"])
    return {
        "MB": mb, "files": r["files"], "docs": r["documents"], "facts": r["facts"],
        "w": r["workers"], "s": r["seconds"], "MB/s": mb / r["seconds"],
        "MB/s/core": mb / r["seconds"] / r["workers"],
        "rd+cl MB/s": mb / rc if rc else float("nan"),
        "facts MB/s": mb / facts if facts else float("nan"),
        "write s": write,
        "docs/s": r["documents"] / r["seconds"], "facts/s": r["facts"] / r["seconds"],
        "RSS main MB": r["rss_main_mb"], "RSS wkr MB": r["rss_worker_mb"],
    }


def print_table(rows: list[dict]) -> None:
    """Plain-text table of the derived figures."""
    if not rows:
        return
    cols = list(rows[0])
    cells = [[_fmt(r[c]) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    print("  ".join(c.rjust(w) for c, w in zip(cols, widths, strict=True)))
    for row in cells:
        print("  ".join(v.rjust(w) for v, w in zip(row, widths, strict=True)))


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.2f}" if abs(v) < 100 else f"{v:.0f}"
    return str(v)


def profile(corpus: Path, top: int = 15) -> None:
    """cProfile one single-process build and print the top functions by cumulative time."""
    import cProfile
    import pstats

    from sahel_analysis.pipeline import build

    with tempfile.TemporaryDirectory(prefix="sahel-bench-out-") as out:
        prof = cProfile.Profile()
        prof.runcall(build, corpus, Path(out), workers=1, use_cache=False)
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)


def dates_comparison() -> None:
    """Run bench/dates_vs_dateparser.py (find_dates vs dateparser.search_dates) if present."""
    path = HERE / "dates_vs_dateparser.py"
    if not path.exists():
        print("(bench/dates_vs_dateparser.py not found: dates comparison skipped)")
        return
    spec = importlib.util.spec_from_file_location("dates_vs_dateparser", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    argv = sys.argv
    sys.argv = [str(path), "--seeds", str(ROOT / "seeds"),
                "--gold", str(ROOT / "tests" / "fixtures" / "gold")]
    try:
        module.main()
    finally:
        sys.argv = argv


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="10MB", help="corpus size(s), comma-separated: 10MB,100MB")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--compare-workers", action="store_true",
                    help="run 1 and 2 workers and print the speed-up")
    ap.add_argument("--keep", help="folder for the corpora (kept and reused); default: temporary")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1,
                    help="builds per corpus and worker count; the table shows the fastest and the range")
    ap.add_argument("--profile", action="store_true", help="cProfile a 1-worker build")
    ap.add_argument("--no-dates", action="store_true", help="skip the dates comparison")
    ap.add_argument("--no-facts", action="store_true",
                    help="diagnostic: fact extractors replaced by no-ops (read, clean, write)")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: one build, figures as JSON
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one), args.workers, facts=not args.no_facts)))
        return

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sahel-bench-"))
    worker_sets = [1, 2] if args.compare_workers else [args.workers]
    rows: list[dict] = []
    runs: dict[tuple[str, int], list[dict]] = {}
    for size_text in args.size.split(","):
        size = synth.parse_size(size_text)
        corpus = base / f"corpus-{size_text.strip()}-seed{args.seed}"
        t0 = time.perf_counter()
        info = synth.generate(size, corpus, seed=args.seed)
        print(f"corpus {size_text}: {info['files']} files, {info['bytes'] / 1e6:.1f} MB "
              f"({time.perf_counter() - t0:.1f}s to make or reuse) in {corpus}", flush=True)
        if args.profile:
            profile(corpus)
            continue
        for _ in range(args.repeat):  # rounds alternate the worker counts: drifts hit all alike
            for w in worker_sets:
                r = measure(corpus, w, facts=not args.no_facts)
                runs.setdefault((size_text, w), []).append(r)
                print(f"  {w} worker(s): {r['seconds']:.1f}s, facts {r['facts_by_table']}, "
                      f"{r['problems']} problems", flush=True)
    for results in runs.values():
        best = min(results, key=lambda r: r["seconds"])
        rows.append(stage_row(best))
        if len(results) > 1:
            walls = sorted(r["seconds"] for r in results)
            rows[-1]["s range"] = f"{walls[0]:.1f}-{walls[-1]:.1f}"
    if rows:
        print("\nbuild (use_cache=False); stage MB/s are per core (stage time summed over "
              "workers); write s = wall - (read+clean + facts)/workers")
        print_table(rows)
        _speedups(rows)
        _memory(rows)
    if not args.no_dates:
        print("\ndates: sahel_analysis.dates.find_dates vs dateparser.search_dates (seeds)")
        dates_comparison()
    if not args.keep:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


def _speedups(rows: list[dict]) -> None:
    by = {(round(r["MB"]), r["w"]): r for r in rows}
    for (mb, w), r in sorted(by.items()):
        one = by.get((mb, 1))
        if w > 1 and one:
            print(f"speed-up {mb} MB, {w} workers vs 1: {one['s'] / r['s']:.2f}x")


def _memory(rows: list[dict]) -> None:
    for w in sorted({r["w"] for r in rows}):
        rs = sorted((r for r in rows if r["w"] == w), key=lambda r: r["MB"])
        if len(rs) > 1:
            print(f"peak RSS with {w} worker(s): " + ", ".join(
                f"{r['MB']:.0f} MB -> main {r['RSS main MB']:.0f} MB, worker "
                f"{r['RSS wkr MB']:.0f} MB" for r in rs))


if __name__ == "__main__":
    main()
