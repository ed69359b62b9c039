"""Faults, round two: each one injected here ends in one clear line or a problems row, never in a
traceback, wrong tables, or files left behind."""

from __future__ import annotations

import errno
import json
import os
import pickle
import shutil
import signal
import threading
import time
import zlib
from pathlib import Path

import pandas as pd
import pytest

import sahel_analysis.pipeline as pipeline_mod
import sahel_analysis.tables as tables_mod
from sahel_analysis import load
from sahel_analysis.cli import main
from sahel_analysis.errors import UserError
from sahel_analysis.pipeline import build

from .conftest import GOLD, SEEDS
from .docs import pdf_from_objects

FIGURE = ("Den Haag, 1 maart 2022\n\n"
          "Het kabinet heeft besloten dat Nederland maximaal {n} militairen levert aan MINUSMA.\n")


def _same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name, df in a.items():
        pd.testing.assert_frame_equal(df, b[name])


def _personnel(out: Path, file: str) -> list[int]:
    c = load(out)["contributions"]
    return list(c.loc[c["file"] == file, "personnel"])


# --- the cache ---------------------------------------------------------------------------------

class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "pickle ran"))


def test_a_planted_pickle_is_never_run_and_bad_entries_are_parsed_again(tmp_path):
    out = tmp_path / "out"
    first = build(SEEDS, out)
    tables = load(out)
    entries = sorted((out / ".cache").glob("*.json"))
    assert len(entries) == first.files
    marker = tmp_path / "ran"
    for e in entries:  # a pickle under every key, as the old cache would have loaded it
        e.with_suffix(".pkl").write_bytes(pickle.dumps(_Payload(marker)))
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # corrupt
    a, b = json.loads(entries[1].read_bytes()), json.loads(entries[2].read_bytes())
    entries[1].write_text(json.dumps(b))  # foreign: another file's entry under this key
    entries[2].write_text(json.dumps({**a, "format": "other"}))
    second = build(SEEDS, out)
    assert not marker.exists()
    assert second.cached == first.files - 3
    _same(load(out), tables)
    assert not list((out / ".cache").glob("*.pkl"))  # what is not an entry is removed


def test_a_file_edited_while_it_is_parsed_does_not_poison_the_cache(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    corpus.mkdir()
    doc = corpus / "a.txt"
    doc.write_text(FIGURE.format(n=40), "utf-8")
    out = tmp_path / "out"
    real = pipeline_mod.parse_bytes

    def edit_while_parsing(data, suffix):  # someone saves the file while the build reads it
        doc.write_text(FIGURE.format(n=90), "utf-8")
        return real(data, suffix)

    monkeypatch.setattr(pipeline_mod, "parse_bytes", edit_while_parsing)
    build(corpus, out)
    monkeypatch.setattr(pipeline_mod, "parse_bytes", real)
    assert _personnel(out, "a.txt") == [40]  # what was read
    second = build(corpus, out)  # the file on disk says 90 now: parsed again
    assert second.cached == 0 and _personnel(out, "a.txt") == [90]
    doc.write_text(FIGURE.format(n=40), "utf-8")  # restored
    build(corpus, out)
    assert _personnel(out, "a.txt") == [40]


def test_a_changed_file_with_the_same_size_and_time_is_parsed_again(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    doc = corpus / "a.txt"
    doc.write_text(FIGURE.format(n=40), "utf-8")
    out = tmp_path / "out"
    build(corpus, out)
    stamp = doc.stat()
    doc.write_text(FIGURE.format(n=50), "utf-8")
    os.utime(doc, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert build(corpus, out).cached == 0 and _personnel(out, "a.txt") == [50]


# --- two builds, full disks, broken tables ---------------------------------------------------------

def test_a_second_build_into_the_same_folder_says_another_is_running(tmp_path, capsys):
    out = tmp_path / "out"
    build(SEEDS, out, use_cache=False)
    before = load(out)
    held = tables_mod.OutputLock(out).acquire()  # as a running build holds it
    try:
        with pytest.raises(UserError, match="another build"):
            build(SEEDS, out)
        assert main(["build", "--input", str(SEEDS), "--output", str(out), "--quiet"]) == 2
        err = capsys.readouterr().err
        assert "another build" in err and len(err.splitlines()) == 1
    finally:
        held.release()
    _same(load(out), before)
    assert not list(out.glob(".staging-*"))
    build(SEEDS, out)  # and once it is done, building works again


def _no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_on_a_first_build_leaves_nothing_behind(tmp_path, monkeypatch, capsys):
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    monkeypatch.setattr(pq.ParquetWriter, "write_table", _no_space)
    assert main(["build", "--input", str(SEEDS), "--output", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and "Traceback" not in err and len(err.splitlines()) == 1
    left = sorted(p.name for p in out.rglob("*") if p.is_file() and p.name != ".lock")
    assert left == []  # no table, no staging, no cache entry


def test_a_full_disk_while_making_the_database_keeps_the_previous_tables(tmp_path, monkeypatch):
    import duckdb

    out = tmp_path / "out"
    build(SEEDS, out)
    before = load(out)
    entries = sorted(p.name for p in (out / ".cache").iterdir())

    def full(*_args):
        raise duckdb.IOException('IO Error: Could not write file "sahel.duckdb": No space left on device')

    monkeypatch.setattr(tables_mod, "_duckdb_from_parquet", full)
    with pytest.raises(tables_mod.DiskFullError):
        build(SEEDS, out, use_cache=False)
    _same(load(out), before)
    assert not list(out.glob(".staging-*"))
    assert sorted(p.name for p in (out / ".cache").iterdir()) == entries


def test_a_cache_that_cannot_be_written_stops_storing_and_the_build_goes_on(tmp_path, monkeypatch, built):
    out = tmp_path / "out"
    real = Path.write_text

    def write_text(self, *args, **kwargs):
        if self.parent.name == ".cache":
            _no_space()
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    summary = build(SEEDS, out)
    assert summary.documents == 7
    _same(load(out), load(built))
    assert list((out / ".cache").iterdir()) == []


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_a_broken_table_says_build_again(tmp_path, capsys, damage):
    out = tmp_path / "out"
    shutil.copytree(SEEDS, tmp_path / "in")
    build(tmp_path / "in", out, use_cache=False)
    table = out / "contributions.parquet"
    data = table.read_bytes()
    table.write_bytes(data[: len(data) // 2] if damage == "truncate" else b"PAR1 not a table PAR1")
    with pytest.raises(UserError, match="contributions.parquet.*run build again"):
        load(out)
    for argv in (["search", "Mali", "--data", str(out)],
                 ["evaluate", "--gold", str(GOLD), "--tables", str(out), "--summary"],
                 ["report", "--data", str(out), "--output", str(tmp_path / "reports")]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "run build again" in err and "Traceback" not in err and len(err.splitlines()) == 1


# --- workers and time -------------------------------------------------------------------------------

def _copies(root: Path, copies: int) -> Path:
    corpus = root / "in"
    corpus.mkdir()
    for i in range(copies):
        for path in SEEDS.glob("*.txt"):
            (corpus / f"{i:03d}_{path.name}").write_bytes(path.read_bytes())
    return corpus


def test_a_file_that_kills_its_worker_costs_only_itself(tmp_path, monkeypatch):
    corpus = _copies(tmp_path, 2)
    (corpus / "001_killer.txt").write_text("KILL-THE-WORKER " + FIGURE.format(n=10), "utf-8")
    serial = tmp_path / "serial"
    build(corpus, serial, use_cache=False)
    real = pipeline_mod.parse_bytes

    def deadly(data, suffix):  # as a reader bug that segfaults or a file that exhausts memory
        if data.startswith(b"KILL-THE-WORKER"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(data, suffix)

    monkeypatch.setattr(pipeline_mod, "parse_bytes", deadly)  # the workers are forked: they see it
    out = tmp_path / "out"
    summary = build(corpus, out, workers=2, use_cache=False)
    tables, expected = load(out), load(serial)
    problems = tables["problems"]
    assert list(problems.loc[problems["file"] == "001_killer.txt", "reason"]) == [
        "the worker process reading this file died (killed, or out of memory?): not read"]
    assert summary.documents == len(expected["documents"]) - 1
    for name in ("documents", "contributions", "budgets", "events", "texts"):
        ours = tables[name][tables[name]["file"] != "001_killer.txt"].reset_index(drop=True)
        theirs = expected[name][expected[name]["file"] != "001_killer.txt"].reset_index(drop=True)
        pd.testing.assert_frame_equal(ours, theirs)


def _children() -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        text = (task / "children").read_text().split()
        kids.extend(int(k) for k in text)
    return kids


def test_a_worker_killed_from_outside_loses_nothing(tmp_path):
    corpus = _copies(tmp_path, 12)
    serial = tmp_path / "serial"
    build(corpus, serial, use_cache=False)
    out = tmp_path / "out"
    done: dict = {}
    thread = threading.Thread(target=lambda: done.update(s=build(corpus, out, workers=2, use_cache=False)))
    thread.start()
    killed = None
    deadline = time.time() + 60
    while thread.is_alive() and killed is None and time.time() < deadline:
        kids = _children()
        if len(kids) >= 2:
            time.sleep(0.3)
            os.kill(kids[0], signal.SIGKILL)
            killed = kids[0]
        time.sleep(0.05)
    thread.join(300)
    assert killed is not None and "s" in done
    _same(load(out), load(serial))


def _shared_stream_pdf(pages: int, ops: int) -> bytes:
    """A small PDF whose pages all draw one large content stream (slow to extract, page by page)."""
    content = b"".join(b"BT /F1 9 Tf %d %d Td (Mali %d) Tj ET\n" % (20 + i % 500, 20 + i % 800, i)
                       for i in range(ops))
    stream = zlib.compress(content, 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources "
                b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"] * pages
    return pdf_from_objects(objects)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the dropped first alarm
def test_the_time_limit_holds_when_its_first_alarm_lands_in_a_gc_callback():
    """Bug caught (a CI run): the alarm's FileTimeout, raised while a garbage-collector callback
    ran (pytest's hypothesis plugin keeps one), was dropped as unraisable and the slow file ran
    on and was built. The alarm now repeats until the limit is lifted."""
    import gc

    ran = []

    def slow_callback(phase, info):  # the first collection's callback outlasts the limit
        if not ran:
            ran.append(phase)
            t = time.perf_counter()
            while time.perf_counter() - t < 0.4:
                pass

    gc.callbacks.append(slow_callback)
    t0 = time.perf_counter()
    try:
        with pytest.raises(pipeline_mod.FileTimeout):
            with pipeline_mod._time_limit(0.1):
                gc.collect()  # the alarm at 0.1 s lands in the callback and is dropped there
                while time.perf_counter() - t0 < 10:
                    pass
    finally:
        gc.callbacks.remove(slow_callback)
    assert ran and time.perf_counter() - t0 < 5


def test_a_file_past_the_time_limit_is_a_problem_and_the_rest_is_built(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FIGURE.format(n=40), "utf-8")
    slow = _shared_stream_pdf(40, 2000)
    assert len(slow) < 40_000
    (corpus / "b-slow.pdf").write_bytes(slow)
    (corpus / "c.txt").write_text(FIGURE.format(n=60), "utf-8")
    out = tmp_path / "out"
    t0 = time.perf_counter()
    build(corpus, out, use_cache=False, file_seconds=3)
    assert time.perf_counter() - t0 < 60
    problems = load(out)["problems"]
    assert list(problems["file"]) == ["b-slow.pdf"]
    assert "longer than the limit of 3 s" in problems["reason"].iloc[0]
    assert _personnel(out, "a.txt") == [40] and _personnel(out, "c.txt") == [60]
