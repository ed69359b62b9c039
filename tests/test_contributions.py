import itertools
from pathlib import Path

import pytest

from sahel_analysis.facts.contributions import extract

from .docs import text_doc

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _doc(text, date="2022-11-15", title=""):
    return text_doc(text, date, title)


def _rows(text, **kw):
    return [(r["contributor"], r["mission"], r["personnel"], r["qualifier"])
            for r in extract(_doc(text, **kw))]


def test_mandate_with_maximum():
    rows = extract(_doc("Nederland levert maximaal twaalf militairen aan EUTM Mali."))
    assert [(r["contributor"], r["mission"], r["personnel"], r["qualifier"], r["kind"])
            for r in rows] == [("NLD", "EUTM Mali", 12, "max", "mandate")]


def test_other_country_and_approximation():
    assert _rows("De Duitse bijdrage aan MINUSMA telt ongeveer 800 militairen.") == [
        ("DEU", "MINUSMA", 800, "approx")
    ]


def test_whole_mission_strength_is_all():
    assert _rows("Het troepenplafond van MINUSMA is 12.000 militairen.") == [
        ("ALL", "MINUSMA", 12000, "max")
    ]


def test_mission_from_previous_sentence_and_component():
    text = ("Nederland draagt bij aan Taakgroep Takuba. De bijdrage bestaat uit "
            "vier stafofficieren.")
    (row,) = extract(_doc(text))
    assert (row["mission"], row["personnel"], row["component"]) == ("Takuba", 4, "staff officers")
    assert text[row["start"]:row["end"]] == row["quote"]


def test_list_items_take_mission_from_lead_in():
    text = ("De Nederlandse bijdrage aan MINUSMA bestaat uit:\n"
            "- ongeveer 40 militairen voor de eenheid voor nationale ondersteuning;\n"
            "- drie stafofficieren.")
    assert _rows(text) == [("NLD", "MINUSMA", 40, "approx"), ("NLD", "MINUSMA", 3, "exact")]


def test_combined_mandate():
    text = "Het mandaat voor EUCAP Sahel Mali en EUCAP Sahel Niger is gecombineerd: 9 personen."
    assert _rows(text)[0][1] == "EUCAP Sahel Mali+Niger"


def test_casualties_and_money_are_not_contributions():
    assert _rows("Bij de aanval op MINUSMA zijn drie blauwhelmen gedood.") == []
    assert _rows("Nederland geeft 5 miljoen euro aan MINUSMA.") == []
    assert _rows("MINUSMA werd in 2013 opgericht.") == []


def test_period_from_year_in_clause():
    (row,) = extract(_doc("In 2019 leverde Nederland 250 militairen aan MINUSMA."))
    assert (row["period_start"], row["period_end"]) == ("2019-01-01", "2019-12-31")


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds absent")
def test_seed_letter_rows():
    from sahel_analysis.documents import read_documents

    (doc,) = read_documents(SEEDS / "004_a47839459faf264f.txt")
    rows = extract(doc)
    got = {(r["contributor"], r["mission"], r["personnel"]) for r in rows}
    assert {("NLD", "Takuba", 2), ("NLD", "MINUSMA", 90), ("ALL", "MINUSMA", 14000),
            ("NLD", "EUTM Mali", 6)} <= got
    for r in rows:
        assert doc.text[r["start"]:r["end"]] == r["quote"]


# ---- the whole-document scan for words for people gives the sentence-by-sentence answer
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sahel_analysis.facts.contributions import _has_people_word, _people_sentences  # noqa: E402

_WORDS = ["militairen", "Militair", "militaire", "pax", "PAX", "aantal", "agenten", "politieagenten",
          "de", "het", "stafofficier", "ſoldaten", "İ", "militairenkamp", "oud-militairen", "(",
          ")", ".", ",", "\n", " ", "150", "Σ", "man"]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_WORDS), max_size=30),
       st.lists(st.integers(min_value=0, max_value=400), max_size=12))
def test_people_sentences_as_sentence_by_sentence(words, cuts):
    text = "".join(w + (" " if i % 3 else "") for i, w in enumerate(words))
    edges = sorted({c for c in cuts if c <= len(text)} | {0, len(text)})
    spans = [(a, b) for a, b in itertools.pairwise(edges) if a < b]  # any spans, even mid-word
    doc = _doc(text)
    assert _people_sentences(doc, spans) == [_has_people_word(text[s:e]) for s, e in spans]


def test_a_role_after_the_noun_names_the_component():
    rows = extract(_doc("Nederland levert aan MINUSMA maximaal acht marechaussees als Individual Police "
                        "Officer en maximaal twee militairen als stafofficier."))
    assert {(r["personnel"], r["component"]) for r in rows} == {
        (8, "individual police officers"), (2, "staff officers")}
