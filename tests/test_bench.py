"""Smoke test of the benchmark's synthetic corpus (bench/synth.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def synth():
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


def test_parse_size(synth):
    assert synth.parse_size("10MB") == 10_000_000
    assert synth.parse_size("200 KB") == 200_000
    assert synth.parse_size("1GB") == 1_000_000_000
    with pytest.raises(ValueError):
        synth.parse_size("ten megabytes")


def test_shift_moves_dates_years_and_figures(synth):
    text = "Den Haag, 17 februari 2022. In 2023 gaan 250 militairen en 1.200 burgers; EUR 12,5 mln."
    out = synth.shift(text, years=1, days=0, factor=2.0)
    assert out == ("Den Haag, 17 februari 2023. In 2024 gaan 500 militairen en 2.400 burgers; "
                   "EUR 25,0 mln.")
    assert synth.shift("op 31 december\n2018", years=2, days=1, factor=1.0) == "op 1 januari\n2021"


def test_corpus_is_new_deterministic_and_builds(synth, tmp_path):
    from sahel_analysis.pipeline import build

    a = synth.generate(200_000, tmp_path / "a", seed=7)
    b = synth.generate(200_000, tmp_path / "b", seed=7)
    synth.generate(200_000, tmp_path / "c", seed=8)
    files = _files(tmp_path / "a")
    assert files == _files(tmp_path / "b")
    assert files != _files(tmp_path / "c")
    assert a == b and a["files"] == len(files) and 200_000 <= a["bytes"] < 270_000
    sizes = [len(v) for v in files.values()]
    assert min(sizes) >= 2_500 and max(sizes) <= 61_000
    seeds = {p.read_bytes() for p in SEEDS.glob("*.txt")}
    assert not seeds & set(files.values())
    seed_paragraphs = set()
    for p in SEEDS.glob("*.txt"):
        seed_paragraphs |= set(p.read_text(encoding="utf-8").split("\n\n"))
    body = [para for v in files.values() for para in v.decode().split("\n\n")[3:]]
    changed = [para for para in body if para not in seed_paragraphs]
    assert len(changed) > len(body) / 4  # dates and figures moved in many paragraphs

    summary = build(tmp_path / "a", tmp_path / "out", use_cache=False)
    assert summary.files == len(files)
    assert summary.documents >= len(files)
    assert summary.problems == 0
    assert summary.bytes == a["bytes"]
    assert sum(summary.facts.values()) > 0


def test_passes_benchmark_prints_each_shared_pass_and_their_sum(tmp_path):
    import re
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "bench" / "passes.py"), "--size", "200KB",
                          "--keep", str(tmp_path)], capture_output=True, text=True, check=True).stdout
    rates = dict(re.findall(r"^  (.+?)\s+[\d.]+ s\s+([\d.]+) MB/s$", out, re.M))
    for label in ("read + clean + split + describe (read_documents)", "gazetteer names (find_entities)",
                  "dates (find_dates)", "sum of the shared passes (the floor of this design)"):
        assert float(rates[label]) > 0
    parts = [float(v) for k, v in rates.items() if k.startswith(("read +", "sentences", "gazetteer", "dates"))]
    # the sum of the passes is slower than the slowest single pass
    assert float(rates["sum of the shared passes (the floor of this design)"]) < min(parts)
