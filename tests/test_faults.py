"""Faults: a build killed at any moment leaves the previous tables whole and readable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pandas as pd

from sahel_analysis import load
from sahel_analysis.pipeline import build

from .conftest import SEEDS


def _corpus(root, copies: int):
    corpus = root / "in"
    corpus.mkdir()
    for i in range(copies):
        for path in SEEDS.glob("*.txt"):
            (corpus / f"{i:03d}_{path.name}").write_text(path.read_text("utf-8"), "utf-8")
    return corpus


def _built_and_bigger(tmp_path, copies: int):
    """The seeds built into ``out``, their tables, and a corpus of ``copies`` copies of them."""
    corpus = _corpus(tmp_path, 1)
    out = tmp_path / "out"
    build(corpus, out, use_cache=False)
    (tmp_path / "big").mkdir()
    return corpus, out, load(out), _corpus(tmp_path / "big", copies)


def test_sigkill_at_any_moment_keeps_the_previous_tables(tmp_path):
    corpus, out, before, bigger = _built_and_bigger(tmp_path, 12)
    code = ("import sys; from pathlib import Path; from sahel_analysis.pipeline import build; "
            "build(Path(sys.argv[1]), Path(sys.argv[2]), use_cache=False)")
    for delay in (0.5, 1.0, 1.5, 2.0, 3.0, 4.0):
        proc = subprocess.Popen([sys.executable, "-c", code, str(bigger), str(out)])
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = load(out)
        if len(now["documents"]) != len(before["documents"]):
            # it got past its commit point before the kill: the new tables, all of them
            assert len(now["documents"]) == 12 * len(before["documents"])
            assert set(now["events"]["file"]) == set(now["documents"]["file"])
            build(corpus, out, use_cache=False)
            continue
        for name, df in before.items():
            pd.testing.assert_frame_equal(now[name], df)
    # a kill while the tables are being written into the staging folder (retried if the build
    # slipped through the window before the kill landed)
    killed = False
    for _attempt in range(3):
        build(corpus, out, use_cache=False)
        proc = subprocess.Popen([sys.executable, "-c", code, str(bigger), str(out)])
        deadline = time.time() + 120
        while proc.poll() is None and time.time() < deadline:
            if any(out.glob(".staging-*/*.parquet")):
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.002)
        proc.wait()
        if proc.returncode == -signal.SIGKILL:
            killed = True
            now = load(out)
            if len(now["documents"]) == len(before["documents"]):
                for name, df in before.items():
                    pd.testing.assert_frame_equal(now[name], df)
            else:  # killed after the commit point: the new build, whole
                assert set(now["events"]["file"]) == set(now["documents"]["file"])
            break
    assert killed
    build(corpus, out, use_cache=False)  # and the next build cleans up what the kills left
    assert not list(out.glob(".staging-*"))


def test_a_kill_while_moving_the_tables_in_is_rolled_back(tmp_path, monkeypatch):
    _corpus_dir, out, before, bigger = _built_and_bigger(tmp_path, 2)

    import sahel_analysis.tables as tables_mod

    real_replace = os.replace
    moved = []

    def dying_replace(src, dst):  # the process "dies" after three tables have been moved in
        if str(src).endswith(".parquet") and ".staging-" in str(src):
            if len(moved) == 3:
                raise SystemExit("killed")
            moved.append(dst)
        return real_replace(src, dst)

    monkeypatch.setattr(tables_mod.os, "replace", dying_replace)
    try:
        build(bigger, out, use_cache=False)
    except SystemExit:
        pass
    monkeypatch.setattr(tables_mod.os, "replace", real_replace)
    assert len(moved) == 3 and (out / ".commit").exists()  # half moved in: the journal is there
    now = load(out)  # reading rolls the half-done commit back
    for name, df in before.items():
        pd.testing.assert_frame_equal(now[name], df)
    assert not (out / ".commit").exists() and not (out / ".backup").exists()
