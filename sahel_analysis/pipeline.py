"""The build, top to bottom: files -> documents -> facts -> tables.

``process_file`` is the unit of work: one file in, the rows of every table out (problems
included, so one bad document never stops the rest). ``build`` runs it over a folder, in this
process, in local worker processes, or on a Dask cluster, and writes the tables incrementally.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import json
import math
import os
import signal
import stat
import threading
import time
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import PARSER_VERSION, relevance, sources
from .documents import content_hash, split_documents
from .errors import DocumentError, UserError
from .facts.budgets import implausible_amounts as budgets_implausible
from .numbers import plausible_count
from .read import LIMITS, SUFFIXES, not_regular, parse_bytes, read_bytes
from .redactions import find_redactions
from .tables import SCHEMAS, DiskFullError, TableWriter

FACT_TABLES = ("contributions", "budgets", "events")
# Fields that identify a fact, so the same fact stated twice gets the same fact_id.
FACT_KEYS = {
    "contributions": ("contributor", "mission", "component", "personnel", "qualifier",
                      "period_start", "period_end", "kind"),
    "budgets": ("funder", "recipient", "amount", "currency", "per_year", "period_start",
                "period_end"),
    "events": ("date_start", "date_end", "event_type", "country"),
}


@dataclass
class FileResult:
    """All rows that one file contributes, and how long each stage took."""

    file: str
    rows: dict[str, list[dict]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    size: int = 0
    cached: bool = False
    key: str | None = None  # cache key: the file's name, the bytes that were parsed, the code


@dataclass
class Summary:
    """What a build did, for the one-line summary and the benchmark."""

    files: int = 0
    documents: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    problems: int = 0
    cached: int = 0
    bytes: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    output: str = ""

    def line(self) -> str:
        """One line: counts, problems, time, where the tables are."""
        facts = ", ".join(f"{v} {k}" for k, v in self.facts.items())
        cached = f" ({self.cached} unchanged, not parsed again)" if self.cached else ""
        return (f"built {self.documents} documents from {self.files} files{cached}: {facts}; "
                f"{self.problems} problems; {self.seconds:.1f}s -> {self.output}")


def _extractor(table: str):
    module = importlib.import_module(f".facts.{table}", __package__)
    return module.extract


def fact_id(table: str, row: dict) -> str:
    """A stable id for a fact: equal for the same fact stated in several places."""
    key = "|".join(str(row.get(k, "")) for k in FACT_KEYS[table])
    return f"{table[0]}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def _problem(file: str, part: int | None, stage: str, reason: str) -> dict:
    return {"file": file, "part": part, "stage": stage, "reason": reason}


class FileTimeout(BaseException):
    """A file took longer than its time limit (a BaseException: no reader's ``except`` eats it)."""


_ALARM_REPEAT = 0.05  # seconds between alarms once a file's time limit has passed


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise FileTimeout in this thread after ``seconds`` of wall-clock time (SIGALRM: only in a
    process's main thread, as in the build and its local workers; elsewhere no limit)."""
    if not seconds or not math.isfinite(seconds) or threading.current_thread() is not threading.main_thread():
        yield
        return

    armed = [True]

    def on_alarm(_signum, _frame):
        if armed[0]:
            raise FileTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    # The alarm repeats until the limit is lifted: Python drops an exception raised where the
    # signal handler happens to run inside a garbage-collector callback or a finaliser
    # ("Exception ignored in ..."), and the file would then run on past its limit.
    signal.setitimer(signal.ITIMER_REAL, seconds, _ALARM_REPEAT)
    try:
        yield
    finally:
        try:
            armed[0] = False
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)



def _table_rows() -> dict[str, list[dict]]:
    return {t: [] for t in ("documents", "texts", "redactions", "problems", *FACT_TABLES)}


def process_file(path: str | Path, name: str | None = None, entry: sources.Entry | None = None, *,
                 cache_dir: str | None = None, seconds: float | None = None) -> FileResult:
    """Read one file and extract every table's rows from it. Never raises for bad input.

    The file is read once; its bytes are hashed and parsed. With ``cache_dir``, a result stored
    under that hash is returned instead of parsing again. ``seconds`` bounds the time the file may
    take (default ``LIMITS.max_file_seconds``), past which it is a problems row. ``entry`` is the
    file's row of the sources manifest (part of the cache key; applied before any fact is read)."""
    path = Path(path)
    name = name or shown_name(path.name)
    limit = LIMITS.max_file_seconds if seconds is None else seconds
    result = FileResult(file=name, rows=_table_rows())
    try:
        with _time_limit(limit):
            return _process(path, name, result, cache_dir, entry)
    except FileTimeout:
        result = FileResult(file=name, rows=_table_rows(), size=result.size)
        result.rows["problems"].append(_problem(
            name, None, "read", f"took longer than the limit of {limit:g} s per file: not read "
            "(raise it with SAHEL_FILE_SECONDS)"))
        return result


def _process(path: Path, name: str, result: FileResult, cache_dir: str | None,
             entry: sources.Entry | None = None) -> FileResult:
    t0 = time.perf_counter()
    try:
        if SUFFIXES.get(path.suffix.lower()) is None:
            raise DocumentError("read", f"unsupported file type '{path.suffix}' (use .txt, .pdf, .html)")
        data = read_bytes(path, follow=False)  # scan resolved every link it accepted
        result.size = len(data)
        if cache_dir:
            result.key = _Cache.key(name, data, entry.key() if entry else "")
            hit = _Cache(Path(cache_dir), inside=True).get(result.key, name)
            if hit is not None:
                return hit
        raw = parse_bytes(data, path.suffix)
        del data
        docs = split_documents(raw.text, name)
        for doc in docs:
            doc.warnings.extend(raw.warnings)
            doc.page_meta = raw.meta  # sources.apply reads it
    except DocumentError as exc:
        result.rows["problems"].append(_problem(name, None, exc.stage, exc.reason))
        return result
    except Exception as exc:  # noqa: BLE001 - a reader bug must cost one file, not the build
        result.rows["problems"].append(
            _problem(name, None, "read", f"unexpected error {type(exc).__name__}: {exc}"))
        return result
    result.timings["read+clean"] = time.perf_counter() - t0
    result.rows["problems"].extend(sources.apply(docs, entry))  # sources: before any fact is read
    for doc in docs:
        result.rows["documents"].append({
            "file": name, "part": doc.part, "doc_type": doc.doc_type, "title": doc.title,
            "date": doc.date, "date_known": doc.date_known, "kamerstuk": doc.kamerstuk,
            "reference": doc.reference, "addressee": doc.addressee,
            "signatories": doc.signatories, "length": len(doc.text),
            "raw_start": doc.raw_start, "raw_end": doc.raw_end,
            "content_hash": content_hash(doc.text), "parser_version": PARSER_VERSION,
            **sources.columns(doc),
        })
        result.rows["texts"].append({"file": name, "part": doc.part, "text": doc.text})
        for warning in doc.warnings:
            result.rows["problems"].append(_problem(name, doc.part, "read", warning))
        t1 = time.perf_counter()
        # relevance gate (issue 15): a document naming nothing of the Sahel skips extraction
        relevant = result.rows["documents"][-1]["relevant"] = relevance.document_is_relevant(doc)
        relevant = relevant or not relevance.GATE
        for row in find_redactions(doc) if relevant else ():
            result.rows["redactions"].append({"file": name, "part": doc.part, **row})
        for table in FACT_TABLES if relevant else ():
            try:
                rows = _extractor(table)(doc)
            except ModuleNotFoundError:
                continue
            except Exception as exc:  # noqa: BLE001 - one bad document never stops the rest
                where = traceback.extract_tb(exc.__traceback__)[-1]
                result.rows["problems"].append(_problem(
                    name, doc.part, f"facts:{table}",
                    f"extraction failed ({type(exc).__name__}: {exc}) at "
                    f"{Path(where.filename).name}:{where.lineno}"))
                continue
            for row in rows:
                if not _plausible(table, row):
                    result.rows["problems"].append(_problem(name, doc.part, f"facts:{table}", _implausible(row)))
                    continue
                raw_start, raw_end = doc.raw_span(row["start"], row["end"])
                result.rows[table].append({
                    "file": name, "part": doc.part, **row,
                    "raw_start": raw_start, "raw_end": raw_end, "fact_id": fact_id(table, row),
                })
        result.rows["problems"].extend(_problem(name, doc.part, "facts:budgets", _implausible(item))
                                       for item in budgets_implausible(doc))
        result.timings["facts"] = result.timings.get("facts", 0.0) + time.perf_counter() - t1
    return result


def _plausible(table: str, row: dict) -> bool:
    """A count of people within ``numbers.plausible_count`` (amounts are checked by the budget rules)."""
    return table != "contributions" or plausible_count(row.get("personnel"))


def _implausible(row: dict) -> str:
    figure = row.get("text") or row.get("quote") or ""
    value = row.get("amount", row.get("personnel"))
    return f"the figure {figure[:60]!r} ({value}) is beyond plausible bounds: left out of the tables"


@dataclass(frozen=True)
class Entry:
    """One thing found in the input folder: the path to read and the name it is shown under, or
    why it is not read (a problems row)."""

    path: str
    name: str
    problem: str | None = None


def shown_name(name: str) -> str:
    """A file name as it may be shown and stored: bytes that are not UTF-8, control, format and
    direction characters escaped (``\\xff``, ``\\n``, ``\\u202e``); other names unchanged."""
    if name.isprintable() and name.isascii():
        return name
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def discover(input_dir: Path) -> list[Path]:
    """The readable documents of a folder (recursively), in a stable order; hidden files skipped."""
    return [Path(e.path) for e in scan(input_dir) if e.problem is None]


# Files that ``fetch`` writes beside the documents it downloads: not documents themselves.
SIDE_FILES = frozenset({"fetch-problems.csv"})


def scan(input_dir: Path) -> list[Entry]:
    """Every non-hidden entry of a folder (recursively) in a stable order, with what to do with it.

    Only regular files are read. A symbolic link is followed only to a regular file inside the
    folder that is not found under its own name (then it is read once, under that name); links out
    of the folder, to devices or FIFOs, broken links and loops are problems rows."""
    if not input_dir.exists():
        raise UserError(f"input folder '{input_dir}' does not exist")
    if not input_dir.is_dir():
        raise UserError(f"input '{input_dir}' is not a folder")
    top = os.path.realpath(input_dir)
    slots: list[tuple[str, str, str | None]] = []  # (path, shown name, 'link' or a problem or None)
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        for d in sorted(dirs):
            if not d.startswith(".") and os.path.islink(os.path.join(root, d)):
                target = os.path.realpath(os.path.join(root, d))
                if not _inside(target, top):
                    slots.append((os.path.join(root, d), _rel(root, d, input_dir),
                                  f"a symbolic link to a folder outside the input folder "
                                  f"('{shown_name(target)}'): not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith(".") and f not in SIDE_FILES:
                p = os.path.join(root, f)
                slots.append((p, _rel(root, f, input_dir), _kind(p)))
    regular = {os.path.realpath(p) for p, _n, what in slots if what is None}
    entries = []
    for p, name, what in slots:
        if what == "link":
            p, what = _follow(p, top, regular)
        entries.append(Entry(p, name, what))
    return entries


def _rel(root: str, name: str, input_dir: Path) -> str:
    return shown_name(os.path.relpath(os.path.join(root, name), input_dir))


def _inside(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


def _kind(path: str) -> str | None:
    """None for a regular file, 'link' for a symbolic link, else why the entry is not read."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return f"cannot open the file: {exc.strerror or exc}"
    if stat.S_ISLNK(mode):
        return "link"
    kind = not_regular(mode)
    return f"{kind}, not a regular file: not read" if kind else None


def _follow(link: str, top: str, regular: set[str]) -> tuple[str, str | None]:
    """(path to read, problem) for a symbolic link; ``regular`` holds the files read by their own
    names and grows by the target read under this link's name."""
    try:
        target = str(Path(link).resolve(strict=True))
    except FileNotFoundError:
        return link, "a symbolic link to a file that does not exist: not read"
    except (RuntimeError, OSError):
        return link, "a loop of symbolic links: not read"
    if not _inside(target, top):
        return link, f"a symbolic link to '{shown_name(target)}', outside the input folder: not followed"
    if target in regular:
        return link, (f"a symbolic link to '{shown_name(os.path.relpath(target, top))}', read under "
                      "its own name: not read twice")
    kind = not_regular(os.stat(target).st_mode)
    if kind:
        return link, f"a symbolic link to {kind}, not a regular file: not read"
    regular.add(target)
    return target, None


def code_fingerprint() -> str:
    """Hash of the package's code and vocabulary: a change to either invalidates the cache."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        root = Path(__file__).parent
        h = hashlib.sha256(PARSER_VERSION.encode())
        for p in sorted(root.rglob("*")):
            if p.suffix in (".py", ".csv", ".tsv") and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(root)).encode())
                h.update(p.read_bytes())
        _FINGERPRINT = h.hexdigest()[:12]
    return _FINGERPRINT


_FINGERPRINT: str | None = None


CACHE_FORMAT = "sahel-analysis cache 1"


class _Cache:
    """Per-file results as JSON, keyed by the file's name, the hash of the bytes that were parsed,
    and the code. Never pickle: an entry is data, checked before use; a corrupt or foreign entry
    is ignored (the file is parsed again). Entries not used by a build are removed after it."""

    def __init__(self, directory: Path, inside: bool = False) -> None:
        self.directory = directory if inside else directory / ".cache"
        self.written: list[Path] = []
        self.used: set[str] = set()
        self.broken: str | None = None  # why storing stopped (a full disk), if it did

    @staticmethod
    def key(name: str, data: bytes, entry_key: str = "") -> str:
        """The key of the result of parsing ``data`` under ``name`` with this code and the file's
        manifest entry (``entry_key``): a changed manifest row re-parses only its file."""
        digest = hashlib.sha256(data).hexdigest()[:32]
        text = f"{name}|{digest}|{code_fingerprint()}|{entry_key}"
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]

    def get(self, key: str | None, name: str) -> FileResult | None:
        """The stored result for ``key``, or None when there is none or it is not a valid entry."""
        if key is None:
            return None
        try:
            entry = json.loads((self.directory / f"{key}.json").read_bytes())
        except (OSError, ValueError, RecursionError):
            return None
        if not _valid_entry(entry, key, name):
            return None
        return FileResult(file=name, rows=entry["rows"], size=entry["size"], cached=True, key=key)

    def put(self, result: FileResult) -> None:
        """Store ``result`` (not one of a file that could not be read: that is tried again)."""
        if result.key is None or self.broken or result.rows.get("problems") and not result.rows.get("documents"):
            return
        entry = {"format": CACHE_FORMAT, "key": result.key, "file": result.file, "size": result.size,
                 "rows": result.rows}
        target = self.directory / f"{result.key}.json"
        tmp = self.directory / f".{result.key}.{os.getpid()}.tmp"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(entry, separators=(",", ":")), encoding="ascii")
            os.replace(tmp, target)
        except OSError as exc:  # a full disk: stop storing, build on
            tmp.unlink(missing_ok=True)
            self.broken = exc.strerror or str(exc)
            return
        self.written.append(target)

    def drop_written(self) -> None:
        """Remove the entries this build stored (after a build that failed for lack of space)."""
        for p in self.written:
            p.unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove every entry this build did not use, and anything that is not an entry."""
        if not self.directory.is_dir():
            return
        for p in self.directory.iterdir():
            if p.suffix != ".json" or p.stem not in self.used:
                p.unlink(missing_ok=True)


def _valid_entry(entry, key: str, name: str) -> bool:
    """Whether a decoded cache entry is one this code wrote for ``key`` and file ``name``."""
    if not (isinstance(entry, dict) and entry.get("format") == CACHE_FORMAT and entry.get("key") == key
            and entry.get("file") == name and isinstance(entry.get("size"), int)):
        return False
    rows = entry.get("rows")
    if not isinstance(rows, dict) or not set(rows) <= set(SCHEMAS):
        return False
    scalar = (str, int, float, bool, type(None))
    return all(isinstance(batch, list) and all(
        isinstance(r, dict) and r.get("file") == name and all(isinstance(v, scalar) for v in r.values())
        for r in batch) for batch in rows.values())


# Work in flight is bounded: per worker, at most this many chunks of files (local processes), or
# four times this many files per Dask thread, run or wait ahead of the writer, so neither queued
# tasks nor finished results pile up in memory however large the corpus.
AHEAD_PER_WORKER = 4


Task = tuple[str, str, "sources.Entry | None"]  # (path to read, name shown, manifest entry)


@dataclass(frozen=True)
class Options:
    """What every ``process_file`` of a build is given besides its file."""

    cache_dir: str | None = None
    seconds: float | None = None


def _chunks(tasks: list[Task], size: int) -> Iterator[list[Task]]:
    for i in range(0, len(tasks), size):
        yield tasks[i : i + size]


def _run_local(tasks: list[Task], workers: int, options: Options = Options()) -> Iterator[FileResult]:
    """``process_file`` over ``tasks`` in file order: here, or in ``workers`` local processes.

    A worker process that dies (killed, out of memory) breaks the pool: the files it and the
    others had in hand are then run again one at a time, each in a fresh worker, so a file that
    kills its worker again costs only itself (a problems row), and the build goes on."""
    if workers <= 1:
        for path, name, entry in tasks:
            yield process_file(path, name, entry, cache_dir=options.cache_dir, seconds=options.seconds)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(16, len(tasks) // (workers * 4) or 1))
    chunks = _chunks(tasks, size)
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        pending = deque((c, _submit(pool, c, options)) for c in itertools.islice(chunks, workers * AHEAD_PER_WORKER))
        while pending:
            chunk, fut = pending.popleft()
            try:
                done = fut.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                broken = [chunk, *(c for c, _f in pending)]
                pending.clear()
                for c in broken:
                    yield from _one_by_one(c, options)
                pool = ProcessPoolExecutor(max_workers=workers)
                pending.extend((c, _submit(pool, c, options))
                               for c in itertools.islice(chunks, workers * AHEAD_PER_WORKER))
                continue
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append((nxt, _submit(pool, nxt, options)))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool, chunk: list[Task], options: Options):
    """``pool.submit`` of a chunk; a pool that broke before it was given the chunk gives a future
    that says so, like the chunks it had in hand."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(_process_chunk, chunk, options)
    except BrokenProcessPool as exc:
        fut: Future = Future()
        fut.set_exception(exc)
        return fut


def _one_by_one(tasks: list[Task], options: Options) -> Iterator[FileResult]:
    """Each task alone in a worker process of its own pool: one whose worker dies is a problems row."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        for task in tasks:
            pool = pool or ProcessPoolExecutor(max_workers=1)
            try:
                yield pool.submit(_process_chunk, [task], options).result()[0]
            except BrokenProcessPool:
                pool.shutdown(wait=False)
                pool = None
                yield _died(task[1])
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


def _died(name: str) -> FileResult:
    result = FileResult(file=name, rows=_table_rows())
    result.rows["problems"].append(_problem(
        name, None, "read", "the worker process reading this file died (killed, or out of memory?): not read"))
    return result


def _process_chunk(tasks: list[Task], options: Options = Options()) -> list[FileResult]:
    return [process_file(path, name, entry, cache_dir=options.cache_dir, seconds=options.seconds)
            for path, name, entry in tasks]


def _process_task(task: Task, options: Options = Options()) -> FileResult:
    return process_file(task[0], task[1], task[2], cache_dir=options.cache_dir, seconds=options.seconds)


def _run_dask(tasks: list[Task], scheduler: str, options: Options = Options()) -> Iterator[FileResult]:
    """``process_file`` over ``tasks`` on a Dask cluster, yielded in file order (a file whose task
    kills the workers it is tried on is a problems row)."""
    from dask.distributed import Client, as_completed
    from distributed.scheduler import KilledWorker

    try:
        client = Client(scheduler, timeout="10s")
    except OSError as exc:
        raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        workers = max(1, sum(client.nthreads().values()))
        ahead = workers * AHEAD_PER_WORKER * 4
        order: dict[str, int] = {}
        todo = iter(enumerate(tasks))

        def submit(n: int) -> list:
            futures = []
            for i, task in itertools.islice(todo, n):
                fut = client.submit(_process_task, task, options, pure=False)
                order[fut.key] = i
                futures.append(fut)
            return futures

        running = as_completed(submit(ahead))
        done: dict[int, FileResult] = {}
        nxt = 0
        for fut in running:
            i = order.pop(fut.key)
            try:
                done[i] = fut.result()
            except KilledWorker:
                done[i] = _died(tasks[i][1])
            fut.release()
            while nxt in done:
                yield done.pop(nxt)
                nxt += 1
            # keep the cluster busy: at most `ahead` files running or waiting for their turn
            for new in submit(max(0, ahead - len(done) - len(order))):
                running.add(new)
    finally:
        client.close()


def build(
    input_dir: Path,
    output_dir: Path,
    workers: int = 1,
    scheduler: str | None = None,
    progress: bool = False,
    use_cache: bool = True,
    file_seconds: float | None = None,
    sources_file: Path | None = None,
) -> Summary:
    """Build every table from the documents in ``input_dir`` into ``output_dir``.

    ``file_seconds`` bounds each file's time (default ``LIMITS.max_file_seconds``). A second build
    into the same folder while one runs is refused; a full disk leaves the previous tables and
    removes what this build had stored. ``sources_file`` is the sources manifest, by default
    ``sources.csv`` in ``input_dir`` where there is one."""
    start = time.perf_counter()
    entries = scan(input_dir)
    manifest = sources.load(input_dir, sources_file, [e.name for e in entries if e.problem is None])
    entries = [e for e in entries if not manifest.is_manifest(e.path)]  # the manifest is no document
    cache = _Cache(output_dir) if use_cache else None
    options = Options(cache_dir=str(cache.directory) if cache else None, seconds=file_seconds)
    summary = Summary(files=len(entries), output=str(output_dir))
    todo = [(e.path, e.name, manifest.get(e.name)) for e in entries if e.problem is None]
    if scheduler:
        fresh = _run_dask(todo, scheduler, options)
    else:
        fresh = _run_local(todo, max(1, workers), options)
    results = _in_order(entries, fresh)
    if progress:
        from tqdm import tqdm

        results = tqdm(results, total=len(entries), unit="file", desc="build")
    try:
        with TableWriter(output_dir) as writer:
            writer.add({"problems": manifest.problems})  # the manifest's own faults
            summary.problems += len(manifest.problems)
            for result in results:
                if cache:
                    if not result.cached:
                        cache.put(result)
                    if result.key:
                        cache.used.add(result.key)
                _account(summary, result)
                writer.add(result.rows)
    except DiskFullError:
        if cache:
            cache.drop_written()
        raise
    if cache:
        cache.prune()
    summary.seconds = time.perf_counter() - start
    return summary


def _in_order(entries: list[Entry], fresh: Iterable[FileResult]) -> Iterator[FileResult]:
    """A result per entry in file order: a problems row for an entry that is not read, fresh
    results (stored ones included, loaded by the worker that hashed the file) as they come."""
    fresh_iter = iter(fresh)
    for entry in entries:
        if entry.problem is not None:
            result = FileResult(file=entry.name, rows=_table_rows())
            result.rows["problems"].append(_problem(entry.name, None, "read", entry.problem))
            yield result
        else:
            yield next(fresh_iter)


def _account(summary: Summary, result: FileResult) -> None:
    summary.documents += len(result.rows.get("documents", []))
    summary.problems += len(result.rows.get("problems", []))
    summary.bytes += result.size
    summary.cached += int(result.cached)
    for table in FACT_TABLES:
        summary.facts[table] = summary.facts.get(table, 0) + len(result.rows.get(table, []))
    for stage, seconds in result.timings.items():
        summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
