"""Shared fixtures: the seeds built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The seeds built into a fresh folder (no cache)."""
    from sahel_analysis.pipeline import build

    out = tmp_path_factory.mktemp("built")
    build(SEEDS, out, use_cache=False)
    return out


@pytest.fixture(scope="session")
def seed_docs():
    """Every document of the seeds, keyed by (file, part)."""
    from sahel_analysis.documents import read_documents

    docs = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for doc in read_documents(path):
            docs[(doc.file, doc.part)] = doc
    return docs
