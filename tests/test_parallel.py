"""Local worker processes and a Dask cluster build the same tables as one process."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest
from distributed import LocalCluster

from sahel_analysis import pipeline
from sahel_analysis.pipeline import build
from sahel_analysis.tables import TABLES, load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds plus a few synthetic documents (bench/synth.py) in sub-folders."""
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    folder = tmp_path_factory.mktemp("corpus")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    synth.generate(60_000, folder / "synth", seed=11)
    return folder


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("serial")
    summary = build(corpus, out, workers=1, use_cache=False)
    assert summary.files >= 12 and summary.problems == 0
    return load(out)


def _assert_same(expected: dict[str, pd.DataFrame], got: dict[str, pd.DataFrame]) -> None:
    assert set(got) == set(TABLES)
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)


def test_serial_build_has_rows(serial):
    for name in ("documents", "texts", "events", "contributions"):
        assert len(serial[name]) > 0, name
    assert serial["documents"]["file"].str.startswith("synth/").any()


@pytest.mark.parametrize("ahead", [4, 1])
def test_two_workers_give_the_same_tables(corpus, serial, tmp_path, monkeypatch, ahead):
    monkeypatch.setattr(pipeline, "AHEAD_PER_WORKER", ahead)  # 1: a window of 2 files in flight
    build(corpus, tmp_path, workers=2, use_cache=False)
    _assert_same(serial, load(tmp_path))


def test_dask_cluster_gives_the_same_tables(corpus, serial, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "AHEAD_PER_WORKER", 1)  # 8 files in flight: fewer than the corpus
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None, silence_logs=50) as cluster:
        summary = build(corpus, tmp_path, scheduler=cluster.scheduler_address, use_cache=False)
    assert summary.problems == 0
    _assert_same(serial, load(tmp_path))
