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


def test_sigkill_at_any_moment_keeps_the_previous_tables(tmp_path):
    corpus = _corpus(tmp_path, 1)
    out = tmp_path / "out"
    build(corpus, out, use_cache=False)
    before = load(out)
    (tmp_path / "big").mkdir()
    bigger = _corpus(tmp_path / "big", 12)
    code = ("import sys; from pathlib import Path; from sahel_analysis.pipeline import build; "
            "build(Path(sys.argv[1]), Path(sys.argv[2]), use_cache=False)")
    for delay in (0.5, 1.0, 1.5, 2.0, 3.0, 4.0):
        proc = subprocess.Popen([sys.executable, "-c", code, str(bigger), str(out)])
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = load(out)
        if proc.returncode == 0:  # it finished before the kill: the new tables are whole
            assert len(now["documents"]) == 12 * len(before["documents"])
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
            for name, df in before.items():
                pd.testing.assert_frame_equal(load(out)[name], df)
            break
    assert killed
    build(corpus, out, use_cache=False)  # and the next build cleans up what the kills left
    assert not list(out.glob(".staging-*"))
