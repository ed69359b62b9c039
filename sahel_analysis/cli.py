"""Command line: ``sahel-analysis build | evaluate | report | reports | notebooks | search | export | fetch``."""

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
        sources_file=Path(args.sources) if args.sources else None,
        file_seconds=args.file_seconds,
    )
    print(summary.line())
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import addresses, evaluate, format_by_rule, format_report

    scores = evaluate(Path(args.gold), Path(args.tables))
    urls = addresses(Path(args.tables)) if not args.summary else {}
    print(format_report(scores, details=not args.summary, urls=urls))
    if args.by_rule:
        print("\nerrors by rule (used: matched rows it decided; wrong: of those, disagreeing with the gold;"
              " FP: false positives it found)")
        print(format_by_rule(scores))
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


def _fetch(args: argparse.Namespace) -> int:
    import datetime as dt

    from .errors import UserError
    from .fetch import API_ROOT, Client, Politeness, fetch, parse_dossier, parse_soort

    try:
        dossiers = [parse_dossier(d) for d in args.dossier or []]
        since = dt.date.fromisoformat(args.since) if args.since else None
        until = dt.date.fromisoformat(args.until) if args.until else None
        types = [parse_soort(t) for t in args.type or []]
    except ValueError as exc:
        raise UserError(str(exc)) from None
    client = Client(Politeness(delay=args.delay, retries=args.retries, timeout=args.timeout),
                    contact=args.contact)
    summary = fetch(Path(args.output), dossiers, since, until, types, client=client,
                    api_root=args.api or API_ROOT, limit=args.limit,
                    progress=sys.stderr.isatty() and not args.quiet)
    print(summary.line())
    if summary.listed == 0 and summary.failed:  # nothing could be listed: say why, fail
        print(f"sahel-analysis: no dossier could be listed: {summary.first_problem}", file=sys.stderr)
        return 1
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
    b.add_argument("--sources", default=None, metavar="FILE",
                   help="sources manifest (CSV: file,url,title,doc_date[,doc_type,kamerstuk,published]); "
                        "default: sources.csv in the input folder")
    b.add_argument("--file-seconds", type=float, default=None, metavar="S",
                   help="time limit per file, after which it is a problems row (default 300, or SAHEL_FILE_SECONDS)")
    b.set_defaults(func=_build)

    e = sub.add_parser("evaluate", help="score tables against gold CSVs")
    e.add_argument("--gold", required=True, help="folder with the gold CSVs")
    e.add_argument("--tables", default="data/processed", help="folder with the built tables")
    e.add_argument("--summary", action="store_true", help="only the scores, no misses")
    e.add_argument("--by-rule", action="store_true", help="count errors per rule that decided a field")
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

    f = sub.add_parser("fetch", help="download the papers of Kamerstuk dossiers (needs network)")
    f.add_argument("--dossier", action="append", help="dossier number, e.g. 29521 or 21501-02 "
                   "(repeatable; default: the Sahel dossiers of vocab/fetch_dossiers.csv)")
    f.add_argument("--since", default=None, help="first date, YYYY-MM-DD")
    f.add_argument("--until", default=None, help="last date, YYYY-MM-DD (inclusive)")
    f.add_argument("--type", action="append", help="document kind as the API names it, e.g. "
                   "'Brief regering' (repeatable; default: all)")
    f.add_argument("--output", default="corpus", help="corpus folder (default: corpus)")
    f.add_argument("--limit", type=int, default=None, help="fetch at most this many new papers")
    f.add_argument("--delay", type=float, default=1.0, help="seconds between requests (default 1)")
    f.add_argument("--retries", type=int, default=5, help="retries on 429, 5xx and time-outs")
    f.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    f.add_argument("--contact", default="", help="an e-mail address for the User-Agent")
    f.add_argument("--api", default=None, help="OData root (default: the Tweede Kamer's)")
    f.add_argument("--quiet", action="store_true", help="no progress bar")
    f.set_defaults(func=_fetch)
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
