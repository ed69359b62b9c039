"""Corpus search: matching sentences with their document and the facts found in them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sahel_analysis.errors import UserError
from sahel_analysis.search import search
from tests import gold_data


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return gold_data.build(tmp_path_factory.mktemp("data"))


def test_word_search_returns_sentences_with_document_and_span(data_dir: Path) -> None:
    hits = search("Takuba", data_dir)
    assert len(hits) > 5
    texts = pd.read_parquet(data_dir / "texts.parquet").set_index(["file", "part"])["text"]
    for rec in hits.itertuples(index=False):
        assert "takuba" in rec.sentence.lower()
        assert texts[(rec.file, rec.part)][rec.start:rec.end] == rec.sentence
    assert hits["date"].notna().all() and hits["title"].notna().all()


def test_search_names_the_facts_in_the_sentence(data_dir: Path) -> None:
    hits = search("3,5 miljoen euro", data_dir)
    facts = " ".join(hits["facts"].dropna())
    assert "budget: NLD -> GPOI 3,500,000 EUR" in facts


def test_plain_search_matches_whole_words_ignoring_case(data_dir: Path) -> None:
    assert len(search("takuba", data_dir)) == len(search("TAKUBA", data_dir))
    assert search("Tak", data_dir).empty
    assert search("woordzonderenigetreffer", data_dir).empty


def test_regex_search(data_dir: Path) -> None:
    hits = search(r"\d+(,\d+)? miljoen euro", data_dir, regex=True)
    assert len(hits) >= 3
    assert hits["sentence"].str.contains("miljoen euro").all()


def test_bad_input_is_a_user_error(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="regular expression"):
        search("(unclosed", data_dir, regex=True)
    with pytest.raises(UserError):
        search("   ", data_dir)
    with pytest.raises(UserError, match="texts.parquet"):
        search("Mali", tmp_path)


def test_search_on_empty_corpus(tmp_path: Path) -> None:
    hits = search("Mali", gold_data.build_empty(tmp_path))
    assert hits.empty and list(hits.columns)[:3] == ["file", "part", "date"]


def test_search_on_the_real_build(built: Path) -> None:
    if not (built / "texts.parquet").exists():
        pytest.skip("the build writes no texts.parquet yet")
    hits = search("MINUSMA", built)
    assert len(hits) > 0


def test_a_pattern_that_backtracks_without_end_is_stopped_with_a_clear_message(data_dir, monkeypatch):
    import dataclasses

    from sahel_analysis import search as search_mod

    monkeypatch.setattr(search_mod, "LIMITS", dataclasses.replace(search_mod.LIMITS, max_search_seconds=0.5))
    with pytest.raises(UserError, match="was stopped"):
        search_mod.search(r"(\w+\s?)+\d{40}$", data_dir, regex=True)
    with pytest.raises(UserError, match="over the limit"):
        search_mod.search("x" * 2000, data_dir)
