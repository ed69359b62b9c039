"""The build, top to bottom: files -> documents -> facts -> tables.

``process_file`` is the unit of work: one file in, the rows of every table out (problems
included, so one bad document never stops the rest). ``build`` runs it over a folder, in this
process, in local worker processes, or on a Dask cluster, and writes the tables incrementally.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import os
import pickle
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import PARSER_VERSION, sources
from .documents import content_hash, read_documents
from .errors import DocumentError, UserError
from .redactions import find_redactions
from .tables import TableWriter

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


def process_file(path: str | Path, name: str | None = None, entry: sources.Entry | None = None) -> FileResult:
    """Read one file and extract every table's rows from it (``entry``: its row of the sources
    manifest). Never raises for bad input."""
    path = Path(path)
    name = name or path.name
    result = FileResult(file=name, rows={t: [] for t in
                                         ("documents", "texts", "redactions", "problems",
                                          *FACT_TABLES)})
    t0 = time.perf_counter()
    try:
        result.size = path.stat().st_size
        docs = read_documents(path, name)
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
        for row in find_redactions(doc):
            result.rows["redactions"].append({"file": name, "part": doc.part, **row})
        for table in FACT_TABLES:
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
                raw_start, raw_end = doc.raw_span(row["start"], row["end"])
                result.rows[table].append({
                    "file": name, "part": doc.part, **row,
                    "raw_start": raw_start, "raw_end": raw_end, "fact_id": fact_id(table, row),
                })
        result.timings["facts"] = result.timings.get("facts", 0.0) + time.perf_counter() - t1
    return result


def discover(input_dir: Path) -> list[Path]:
    """The documents of a folder (recursively), in a stable order; hidden files skipped."""
    if not input_dir.exists():
        raise UserError(f"input folder '{input_dir}' does not exist")
    if not input_dir.is_dir():
        raise UserError(f"input '{input_dir}' is not a folder")
    found = []
    seen: set[str] = set()
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith("."):
                continue
            p = Path(root) / f
            real = os.path.realpath(p)
            if real in seen:
                continue
            seen.add(real)
            found.append(p)
    return found


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


class _Cache:
    """Per-file results keyed by the file's content hash and the parser version."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory / ".cache"

    @staticmethod
    def key(path: Path, name: str, entry_key: str = "") -> str | None:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:24]
        except OSError:
            return None
        return hashlib.sha256(f"{name}|{digest}|{code_fingerprint()}|{entry_key}".encode()).hexdigest()[:32]

    def has(self, key: str | None) -> bool:
        """Whether a result is stored under ``key``."""
        return key is not None and (self.directory / f"{key}.pkl").exists()

    def get(self, key: str | None) -> FileResult | None:
        if key is None:
            return None
        p = self.directory / f"{key}.pkl"
        try:
            with p.open("rb") as fh:
                result = pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError):
            return None
        result.cached = True
        return result

    def put(self, key: str | None, result: FileResult) -> None:
        if key is None or result.rows.get("problems") and not result.rows.get("documents"):
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / f".{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.directory / f"{key}.pkl")


# Work in flight is bounded: per worker, at most this many chunks of files (local processes), or
# four times this many files per Dask thread, run or wait ahead of the writer, so neither queued
# tasks nor finished results pile up in memory however large the corpus.
AHEAD_PER_WORKER = 4


def _chunks(tasks: list[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for i in range(0, len(tasks), size):
        yield tasks[i : i + size]


def _run_local(tasks: list[tuple[str, str]], workers: int) -> Iterator[FileResult]:
    """``process_file`` over ``tasks`` in file order: here, or in ``workers`` local processes."""
    if workers <= 1:
        for task in tasks:
            yield process_file(*task)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(16, len(tasks) // (workers * 4) or 1))
    chunks = _chunks(tasks, size)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = deque(pool.submit(_process_chunk, c) for c in itertools.islice(chunks, workers * AHEAD_PER_WORKER))
        while pending:
            done = pending.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.submit(_process_chunk, nxt))
            yield from done


def _process_chunk(tasks: list[tuple[str, str]]) -> list[FileResult]:
    return [process_file(*task) for task in tasks]


def _process_task(task: tuple[str, str]) -> FileResult:
    return process_file(*task)


def _run_dask(tasks: list[tuple[str, str]], scheduler: str) -> Iterator[FileResult]:
    """``process_file`` over ``tasks`` on a Dask cluster, yielded in file order."""
    from dask.distributed import Client, as_completed

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
                fut = client.submit(_process_task, task, pure=False)
                order[fut.key] = i
                futures.append(fut)
            return futures

        running = as_completed(submit(ahead))
        done: dict[int, FileResult] = {}
        nxt = 0
        for fut in running:
            done[order.pop(fut.key)] = fut.result()
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
    sources_file: Path | None = None,
) -> Summary:
    """Build every table from the documents in ``input_dir`` into ``output_dir`` (``sources_file``:
    the sources manifest, by default ``sources.csv`` in ``input_dir`` where there is one)."""
    start = time.perf_counter()
    paths = discover(input_dir)
    manifest = sources.load(input_dir, sources_file, [str(p.relative_to(input_dir)) for p in paths])  # sources
    paths = [p for p in paths if not manifest.is_manifest(p)]  # sources: the manifest is no document
    names = [str(p.relative_to(input_dir)) for p in paths]
    cache = _Cache(output_dir) if use_cache else None
    summary = Summary(files=len(paths), output=str(output_dir))
    todo: list[tuple[str, str]] = []
    keys: dict[str, str | None] = {}
    cached: dict[str, str] = {}  # name -> cache key of a file whose result is stored
    for p, name in zip(paths, names, strict=True):
        key = _Cache.key(p, name, manifest.key(name)) if cache else None
        keys[name] = key
        if cache and cache.has(key):
            cached[name] = key
        else:
            todo.append((str(p), name, manifest.get(name)))
    if scheduler:
        fresh = _run_dask(todo, scheduler)
    else:
        fresh = _run_local(todo, max(1, workers))
    results = _in_order(names, cached, fresh, cache, dict(zip(names, paths, strict=True)), manifest)
    if progress:
        from tqdm import tqdm

        results = tqdm(results, total=len(names), unit="file", desc="build")
    with TableWriter(output_dir) as writer:
        writer.add({"problems": manifest.problems})  # sources: the manifest's own faults
        summary.problems += len(manifest.problems)
        for result in results:
            if cache and not result.cached:
                cache.put(keys.get(result.file), result)
            _account(summary, result)
            writer.add(result.rows)
    summary.seconds = time.perf_counter() - start
    return summary


def _in_order(names: list[str], cached: dict[str, str], fresh: Iterable[FileResult],
              cache: _Cache | None, paths: dict[str, Path],
              manifest: sources.Manifest | None = None) -> Iterator[FileResult]:
    """Results in file order: stored ones loaded one at a time where they fall (a file whose
    stored result cannot be read is parsed again here), fresh ones as they come."""
    fresh_iter = iter(fresh)
    buffered: dict[str, FileResult] = {}
    for name in names:
        if name in cached:
            hit = cache.get(cached[name]) if cache else None
            yield hit if hit is not None else process_file(paths[name], name, manifest and manifest.get(name))
            continue
        while name not in buffered:
            result = next(fresh_iter)
            buffered[result.file] = result
        yield buffered.pop(name)


def _account(summary: Summary, result: FileResult) -> None:
    summary.documents += len(result.rows.get("documents", []))
    summary.problems += len(result.rows.get("problems", []))
    summary.bytes += result.size
    summary.cached += int(result.cached)
    for table in FACT_TABLES:
        summary.facts[table] = summary.facts.get(table, 0) + len(result.rows.get(table, []))
    for stage, seconds in result.timings.items():
        summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
