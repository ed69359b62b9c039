"""Command line: ``sahel-analysis build | evaluate | report | reports | notebooks | search | export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _build(args: argparse.Namespace) -> int:
    from .pipeline import build

    summary = build(
        Path(args.input),
        Path(args.output),
        workers=args.workers,
        scheduler=args.scheduler,
        progress=sys.stderr.isatty() and not args.quiet,
    )
    print(summary.line())
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report

    scores = evaluate(Path(args.gold), Path(args.tables))
    print(format_report(scores, details=not args.summary))
    return 0


def _warn(line: str) -> None:
    print(f"sahel-analysis: {line}", file=sys.stderr)


def _report(args: argparse.Namespace) -> int:
    from .reports import run_report

    outputs = run_report(
        mission=args.mission,
        country=args.country,
        start=args.start,
        end=args.end,
        lang=args.lang,
        data_dir=Path(args.data),
        output_dir=Path(args.output),
        timeout=args.timeout,
        warn=_warn,
    )
    for path in outputs:
        print(path)
    return 0


def _reports(args: argparse.Namespace) -> int:
    from .reports import run_batch, status_line

    manifest = run_batch(
        Path(args.config),
        data_dir=Path(args.data),
        output_dir=Path(args.output),
        workers=args.workers,
        scheduler=args.scheduler,
        progress=False,
        timeout=args.timeout,
        on_done=lambda entry: print(status_line(entry), flush=True),
    )
    failed = [m["slug"] for m in manifest if m.get("status") in ("failed", "not run")
              and m.get("run_by") != "report"]
    print(f"{len(manifest)} briefings listed in {Path(args.output) / 'index.html'}")
    if failed:
        _warn(f"{len(failed)} set(s) failed: {', '.join(failed)}")
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    from .export import export

    for path in export(Path(args.data), Path(args.output), args.format):
        print(path)
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    from .reports import run_notebooks

    for path in run_notebooks(data_dir=Path(args.data), output_dir=Path(args.output)):
        print(path)
    return 0


def _search(args: argparse.Namespace) -> int:
    from .search import search

    hits = search(args.pattern, data_dir=Path(args.data), regex=args.regex)
    with __import__("pandas").option_context("display.max_colwidth", 120, "display.width", 200):
        print(hits.to_string(index=False) if len(hits) else "no matches")
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``sahel-analysis`` command."""
    p = argparse.ArgumentParser(prog="sahel-analysis", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read documents and write the tables")
    b.add_argument("--input", default="seeds", help="folder of documents (default: seeds)")
    b.add_argument("--output", default="data/processed", help="where the tables go")
    b.add_argument("--workers", type=int, default=1, help="local worker processes")
    b.add_argument("--scheduler", default=None, help="Dask scheduler address (tcp://host:8786)")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=_build)

    e = sub.add_parser("evaluate", help="score tables against gold CSVs")
    e.add_argument("--gold", required=True, help="folder with the gold CSVs")
    e.add_argument("--tables", default="data/processed", help="folder with the built tables")
    e.add_argument("--summary", action="store_true", help="only the scores, no misses")
    e.set_defaults(func=_evaluate)

    r = sub.add_parser("report", help="run the briefing notebook for one parameter set")
    r.add_argument("--mission", default="all")
    r.add_argument("--country", default="all")
    r.add_argument("--start", type=int, default=None)
    r.add_argument("--end", type=int, default=None)
    r.add_argument("--lang", default="en")
    r.add_argument("--data", default="data/processed")
    r.add_argument("--output", default="reports")
    r.add_argument("--timeout", type=int, default=None,
                   help="seconds any one cell may run (default 600)")
    r.set_defaults(func=_report)

    rs = sub.add_parser("reports", help="run a batch of briefings from a YAML file")
    rs.add_argument("--config", default="reports.yaml")
    rs.add_argument("--data", default="data/processed")
    rs.add_argument("--output", default="reports")
    rs.add_argument("--workers", type=int, default=None, help="parallel kernels (default: cores)")
    rs.add_argument("--scheduler", default=None, help="Dask scheduler address")
    rs.add_argument("--timeout", type=int, default=None,
                    help="seconds any one cell of a briefing may run (default 600)")
    rs.set_defaults(func=_reports)

    x = sub.add_parser("export", help="write the tables as CSV or XLSX, with document fields")
    x.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    x.add_argument("--data", default="data/processed")
    x.add_argument("--output", default="data/export")
    x.set_defaults(func=_export)

    n = sub.add_parser("notebooks", help="execute the analysis notebooks into a folder")
    n.add_argument("--data", default="data/processed")
    n.add_argument("--output", default="reports/notebooks")
    n.set_defaults(func=_notebooks)

    s = sub.add_parser("search", help="sentences of the corpus that match a word or pattern")
    s.add_argument("pattern")
    s.add_argument("--data", default="data/processed")
    s.add_argument("--regex", action="store_true")
    s.set_defaults(func=_search)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    from .errors import UserError

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"sahel-analysis: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sahel-analysis: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head and the like
        return 0
    except OSError as exc:  # a folder that cannot be written, a disk that is full
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"sahel-analysis: {exc.strerror or exc}{where}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
