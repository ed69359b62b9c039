"""Table schemas, and writing them to parquet and DuckDB without ever leaving half a file."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from functools import cache
from pathlib import Path

import pandas as pd

from .errors import UserError
from .facts.event_ids import assign_event_ids

# Column name -> pandas dtype. The fact tables carry provenance: file, part, the quote,
# its span in the document's clean text (start/end), the span in the raw file
# (raw_start/raw_end), the rule that found it, and a fact_id shared by repeated statements.
PROVENANCE = {
    "quote": "string",
    "start": "Int64",
    "end": "Int64",
    "raw_start": "Int64",
    "raw_end": "Int64",
    "rule": "string",
    "fact_id": "string",
}

SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "file": "string",
        "part": "Int64",
        "doc_type": "string",
        "title": "string",
        "date": "string",
        "date_known": "boolean",
        "kamerstuk": "string",
        "reference": "string",
        "addressee": "string",
        "signatories": "string",
        "length": "Int64",
        "raw_start": "Int64",
        "raw_end": "Int64",
        "content_hash": "string",
        "parser_version": "string",
        "relevant": "boolean",


        "url": "string",
        "date_source": "string",
        "title_source": "string",
        "source_title": "string",
        "publisher": "string",
    },
    "contributions": {
        "file": "string",
        "part": "Int64",
        "contributor": "string",
        "mission": "string",
        "component": "string",
        "personnel": "Int64",
        "qualifier": "string",
        "period_start": "string",
        "period_end": "string",
        "kind": "string",
        **PROVENANCE,
    },
    "budgets": {
        "file": "string",
        "part": "Int64",
        "funder": "string",
        "recipient": "string",
        "amount": "float64",
        "currency": "string",
        "amount_eur": "float64",
        "per_year": "boolean",
        "period_start": "string",
        "period_end": "string",
        "qualifier": "string",
        **PROVENANCE,
    },
    "events": {
        "file": "string",
        "part": "Int64",
        "date_start": "string",
        "date_end": "string",
        "precision": "string",
        "status": "string",
        "event_type": "string",
        "country": "string",
        "actors": "string",
        "summary": "string",
        **PROVENANCE,
        "event_id": "string",
    },
    "redactions": {
        "file": "string",
        "part": "Int64",
        "ground": "string",
        "article": "string",
        "quote": "string",
        "start": "Int64",
        "end": "Int64",
        "raw_start": "Int64",
        "raw_end": "Int64",
    },
    "texts": {
        "file": "string",
        "part": "Int64",
        "text": "string",
    },
    "problems": {
        "file": "string",
        "part": "Int64",
        "stage": "string",
        "reason": "string",
    },
}

TABLES = tuple(SCHEMAS)


def frame(table: str, rows: list[dict] | None = None) -> pd.DataFrame:
    """Build a DataFrame for ``table`` with exactly its columns and dtypes (missing keys: NA)."""
    schema = SCHEMAS[table]
    df = pd.DataFrame(rows or [], columns=list(schema))
    for col, dtype in schema.items():
        if dtype == "boolean":
            df[col] = df[col].astype("object").where(df[col].notna(), None).astype("boolean")
        elif dtype == "string":
            df[col] = df[col].astype("object").where(df[col].notna(), None).astype("string")
        else:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype(dtype)
    return df


def _atomic_path(target: Path) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    return Path(tmp)


def write_parquet(df: pd.DataFrame, target: Path) -> None:
    """Write ``df`` to ``target`` through a temporary file and an atomic rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _atomic_path(target)
    try:
        df.to_parquet(tmp, index=False)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


@cache
def arrow_schema(table: str):
    """The Arrow schema of ``table`` (from its pandas dtypes)."""
    import pyarrow as pa

    return pa.Schema.from_pandas(frame(table), preserve_index=False)


def arrow_table(table: str, rows: list[dict]):
    """``rows`` as an Arrow table of ``table``'s schema, straight from the Python values.

    Equal to going through :func:`frame` (missing keys and NaN become nulls); values of an
    unexpected type (a number in a text column, say) take that slower, coercing route.
    """
    import pyarrow as pa

    schema = arrow_schema(table)
    try:
        arrays = [pa.array([r.get(f.name) for r in rows], type=f.type, from_pandas=True)
                  for f in schema]
        return pa.Table.from_arrays(arrays, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        return pa.Table.from_pandas(frame(table, rows), schema=schema, preserve_index=False)


class TableWriter:
    """Writes tables incrementally into a staging folder and moves them in when all is done.

    Rows come in batches (``add``) and go to parquet in row groups, so memory does not grow
    with the corpus. On success every ``<table>.parquet`` and ``sahel.duckdb`` replace the old
    ones by atomic renames; on failure (or a kill) the staging folder is dropped and the
    previous tables stay whole and readable.
    """

    def __init__(self, output: Path, flush_rows: int = 5_000, flush_chars: int = 2_000_000) -> None:
        self.output = Path(output)
        self.flush_rows = flush_rows
        self.flush_chars = flush_chars  # the texts table: flush by size, documents are large
        self.buffers: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
        self.text_chars = 0
        self.longest_text = 0  # characters of the longest text: DuckDB must hold one whole value
        self.writers: dict = {}
        self.stage: Path | None = None

    def __enter__(self) -> TableWriter:
        self.output.mkdir(parents=True, exist_ok=True)
        self.lock = OutputLock(self.output).acquire()
        try:
            self._start()
        except BaseException:
            self.lock.release()
            raise
        return self

    def _start(self) -> None:
        recover(self.output)
        for old in self.output.glob(".staging-*"):
            shutil.rmtree(old, ignore_errors=True)  # left behind by a build that was killed
        self.stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.output))

    def add(self, rows: dict[str, list[dict]]) -> None:
        """Queue rows per table; a table's rows go to disk once enough have gathered."""
        for name, batch in rows.items():
            if name in self.buffers and batch:
                self.buffers[name].extend(batch)
                if name == "texts":
                    lengths = [len(r.get("text") or "") for r in batch]
                    self.text_chars += sum(lengths)
                    self.longest_text = max(self.longest_text, *lengths)
                if len(self.buffers[name]) >= self.flush_rows or (
                        name == "texts" and self.text_chars >= self.flush_chars):
                    self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow.parquet as pq

        rows = self.buffers[name]
        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self.stage / f"{name}.parquet", arrow_schema(name))
        if rows:
            self.writers[name].write_table(arrow_table(name, rows))
        self.buffers[name] = []
        if name == "texts":
            self.text_chars = 0

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self._finish(exc_type)
        except BaseException as error:
            if exc is None and is_disk_full(error):
                raise DiskFullError(self.output) from None
            raise
        finally:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.lock.release()
        if exc is not None and is_disk_full(exc):
            raise DiskFullError(self.output) from None

    def _finish(self, exc_type) -> None:
        """Close the staging files; when all went well, make the DuckDB file and move all in."""
        try:
            if exc_type is not None:
                for w in self.writers.values():
                    w.close()
                return
            for name in SCHEMAS:
                self._flush(name)
            for w in self.writers.values():
                w.close()
            add_event_ids(self.stage / "events.parquet")  # one id per happening, over the whole build
            self.buffers = {}
            _release_memory()
            _duckdb_from_parquet(self.stage, self.longest_text)
            commit(self.stage, self.output, [f"{name}.parquet" for name in SCHEMAS] + ["sahel.duckdb"])
        except BaseException:
            for w in self.writers.values():
                try:
                    w.close()
                except OSError:
                    pass
            raise


# The columns that decide an event's id (facts.event_ids): all a build's events are read back with
# these alone, so the rows themselves never wait in memory for the end of the build.
EVENT_ID_COLUMNS = ["file", "part", "start", "date_start", "date_end", "event_type", "country", "actors"]


def add_event_ids(path: Path) -> None:
    """Give every row of a staged events table its ``event_id`` (one per happening over the whole
    build), rewriting the file row group by row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not path.exists():
        return
    keys = pq.read_table(path, columns=EVENT_ID_COLUMNS).to_pylist()
    ids = [row["event_id"] for row in assign_event_ids(keys)]
    del keys
    source = pq.ParquetFile(path)
    schema = arrow_schema("events")
    where = schema.get_field_index("event_id")
    tmp = path.with_name(".events-ids.parquet")
    done = 0
    with pq.ParquetWriter(tmp, schema) as writer:
        for group in range(source.num_row_groups):
            table = source.read_row_group(group)
            n = table.num_rows
            table = table.set_column(where, schema.field(where), pa.array(ids[done:done + n], schema.field(where).type))
            writer.write_table(table)
            done += n
    os.replace(tmp, path)


class DiskFullError(UserError):
    """The disk (or quota) of the output folder filled up during a build."""

    def __init__(self, output: Path) -> None:
        super().__init__(f"the disk is full while writing the tables into '{output}': nothing was changed "
                         "(the previous tables are kept, this build's files removed); free some space and "
                         "build again")


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk or quota is full (OSError, or DuckDB's and Arrow's own errors)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc)
    return "No space left on device" in text or "Disk quota exceeded" in text


LOCK = ".lock"


class OutputLock:
    """An exclusive lock on an output folder (``flock`` on its ``.lock`` file), held by a build
    from its start to its end, so two builds never write one folder at once."""

    def __init__(self, output: Path) -> None:
        self.path = Path(output) / LOCK
        self.fd: int | None = None

    def acquire(self, wait: float = 0.0) -> OutputLock:
        """Take the lock, waiting up to ``wait`` seconds; a UserError names the build holding it."""
        import fcntl

        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(self.fd, 64, 0).decode("ascii", "replace").strip() or "?"
                    os.close(self.fd)
                    self.fd = None
                    raise UserError(
                        f"another build (process {holder}) is writing into '{self.path.parent}': "
                        "wait for it to end, or build into another --output folder") from None
                time.sleep(0.05)
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, str(os.getpid()).encode(), 0)
        return self

    def release(self) -> None:
        """Let go of the lock (closing the file releases it)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


JOURNAL = ".commit"
BACKUP = ".backup"


def commit(stage: Path, output: Path, names: list[str]) -> None:
    """Move ``names`` from ``stage`` into ``output`` as one change, with a roll-back journal.

    The files being replaced are first hard-linked into ``output/.backup``; then a journal is
    written, the new files are moved in, and the journal is removed (the commit point). A
    process killed before that point leaves the journal: :func:`recover` (run by the next build
    and by :func:`load`) puts the previous files back, so the tables are always one build's.
    """
    backup = output / BACKUP
    shutil.rmtree(backup, ignore_errors=True)
    backup.mkdir()
    for name in names:
        if (output / name).exists():
            try:
                os.link(output / name, backup / name)
            except OSError:
                shutil.copy2(output / name, backup / name)
    journal_tmp = output / f"{JOURNAL}.tmp"
    journal_tmp.write_text("\n".join(names), encoding="utf-8")
    os.replace(journal_tmp, output / JOURNAL)
    for name in names:
        os.replace(stage / name, output / name)
    (output / JOURNAL).unlink()
    shutil.rmtree(backup, ignore_errors=True)


def recover(output: Path) -> bool:
    """Roll back a commit that a killed build left half done; True where there was one."""
    journal = output / JOURNAL
    if not journal.exists():
        shutil.rmtree(output / BACKUP, ignore_errors=True)
        (output / f"{JOURNAL}.tmp").unlink(missing_ok=True)
        return False
    backup = output / BACKUP
    for name in journal.read_text(encoding="utf-8").split("\n"):
        if not name:
            continue
        if (backup / name).exists():
            os.replace(backup / name, output / name)
        else:
            (output / name).unlink(missing_ok=True)  # it did not exist before that build
    journal.unlink()
    shutil.rmtree(backup, ignore_errors=True)
    return True


# DuckDB's buffer limit for the copy. What it holds beyond this (parquet pages, the row group it is
# filling) is what makes the build's peak memory; 64 MB copies a 1 GB corpus's tables (32 MB failed).
# A single value must fit whole, so a document of 50 MB of text raises the limit (see _duckdb_limit).
DUCKDB_MEMORY_MB = 64
# Rows per DuckDB row group, by table: a row group is filled in memory before it is compressed, so
# texts (a whole document a row) get small ones; DuckDB's default of 122,880 rows held the texts of
# a whole corpus at once (100 MB corpus: +158 MB for texts, +98 MB at 2,048 rows).
ROW_GROUP_ROWS = {"texts": 2_048}
ROW_GROUP_ROWS_DEFAULT = 16_384


def _release_memory() -> None:
    """Give freed memory back to the system before DuckDB takes its share (the build's Python
    objects and Arrow buffers are gone by then; glibc keeps their pages unless asked)."""
    import ctypes
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def _duckdb_limit_mb(longest_text: int) -> int:
    """DuckDB's memory limit in MB for a copy whose longest text has ``longest_text`` characters
    (up to 4 bytes each in UTF-8, read and written at once: a few copies must fit)."""
    return DUCKDB_MEMORY_MB + -(-longest_text * 4 * 3 // 2**20)


def _duckdb_from_parquet(stage: Path, longest_text: int = 0) -> None:
    """Copy every table's parquet file of ``stage`` into ``stage/sahel.duckdb``, with the series view.

    Should DuckDB still run out of memory on a table, that table is tried again with twice the
    limit (up to 8 GB) rather than failing the build."""
    import duckdb

    db = str(stage / "sahel.duckdb").replace("'", "''")
    con = duckdb.connect()
    try:
        # bounded memory: what does not fit spills to the staging folder, not to RAM (one thread:
        # each thread holds its own buffers); a checkpoint after each table writes it out before
        # the next one is read; the database is attached once per row-group size.
        limit = _duckdb_limit_mb(longest_text)
        con.execute(f"SET memory_limit = '{limit}MB'")
        con.execute("SET threads = 1")
        con.execute("SET preserve_insertion_order = true")
        tmp = str(stage / "duckdb-tmp").replace("'", "''")
        con.execute(f"SET temp_directory = '{tmp}'")
        for rows in sorted({*ROW_GROUP_ROWS.values(), ROW_GROUP_ROWS_DEFAULT}):
            con.execute(f"ATTACH '{db}' AS out (ROW_GROUP_SIZE {rows})")
            con.execute("USE out")
            for name in SCHEMAS:
                if ROW_GROUP_ROWS.get(name, ROW_GROUP_ROWS_DEFAULT) != rows:
                    continue
                path = str(stage / f"{name}.parquet").replace("'", "''")
                while True:
                    try:
                        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet(\'{path}\')')
                        break
                    except duckdb.OutOfMemoryException:
                        if limit >= 8192:
                            raise
                        limit *= 2
                        con.execute(f"SET memory_limit = '{limit}MB'")
                con.execute("CHECKPOINT out")
            if rows == ROW_GROUP_ROWS_DEFAULT:
                from .series import SERIES_SQL

                con.execute(f"CREATE VIEW series AS {SERIES_SQL}")
            con.execute("USE memory")
            con.execute("DETACH out")
    finally:
        con.close()


def write_all(tables: dict[str, pd.DataFrame], output: Path) -> None:
    """Write whole DataFrames as a build would (used for fixtures and tests)."""
    with TableWriter(output) as writer:
        writer.add({name: df.to_dict("records") for name, df in tables.items()})


def load(directory: str | os.PathLike = "data/processed") -> dict[str, pd.DataFrame]:
    """Read the tables of a build folder as typed DataFrames (a table the build did not write comes
    back empty).

    A folder without a build (no ``documents.parquet``: a wrong path, say one relative to another
    working directory) and a table file that cannot be read (truncated, not parquet) are UserErrors
    saying what to do, never a set of silently empty tables."""
    directory = Path(directory)
    if (directory / JOURNAL).exists():
        _recover_when_free(directory)  # a build was killed while moving its tables in
    if not (directory / "documents.parquet").exists():
        where = directory if directory.is_absolute() else f"{directory} (from {Path.cwd()})"
        raise UserError(f"no tables in '{where}': run 'sahel-analysis build' first, or give the build's folder")
    out: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        path = directory / f"{name}.parquet"
        if path.exists():
            out[name] = _typed(name, read_table(path))
        else:
            out[name] = frame(name)
    return out


def read_table(path: Path) -> pd.DataFrame:
    """``pd.read_parquet(path)``; a file that cannot be read is a UserError: run build again."""
    import pyarrow as pa

    try:
        return pd.read_parquet(path)
    except (pa.ArrowException, OSError, ValueError) as exc:
        first = str(exc).strip().split("\n")[0][:160]
        raise UserError(f"the table '{path}' cannot be read ({type(exc).__name__}: {first}): "
                        "run build again") from None


def _recover_when_free(directory: Path) -> None:
    """Roll back a half-done commit, unless a build holds the folder (it is committing right now:
    wait for it); a folder that cannot be locked (read-only) is rolled back in memory only: not at all."""
    lock = OutputLock(directory)
    try:
        lock.acquire(wait=30.0)
    except OSError:  # read-only folder: nothing can be moved back, read what is there
        return
    try:
        recover(directory)
    finally:
        lock.release()


def _typed(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with exactly the table's columns and dtypes (parquet written here keeps them)."""
    schema = SCHEMAS[table]
    if list(df.columns) == list(schema) and all(str(df[c].dtype) == t for c, t in schema.items()):
        return df
    return frame(table, df.to_dict("records")) if len(df) else frame(table)
