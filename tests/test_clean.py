"""Cleaning: de-hyphenation, page furniture, odd characters, and the offset map."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_analysis.clean import clean


def _check_offsets(raw: str, c) -> None:
    for i, ch in enumerate(c.text):
        if ch not in " \n" and not ch.isupper():
            assert raw[c.offsets[i]] == ch or raw[c.offsets[i]] in "\ufb00\ufb01\ufb02\ufb03\ufb04"


def test_word_split_at_line_end_is_joined():
    raw = "het onder-\nsteunen van de Malinese partijen\n"
    c = clean(raw)
    assert c.text == "het ondersteunen van de Malinese partijen"
    _check_offsets(raw, c)


def test_real_hyphens_are_kept():
    assert clean("het ACOTA-\nprogramma loopt\n").text == "het ACOTA-programma loopt"
    assert clean("de West-\nAfrikaanse kuststaten\n").text == "de West-Afrikaanse kuststaten"
    assert clean("dreigings- en\nveiligheidsanalyse\n").text == "dreigings- en veiligheidsanalyse"
    assert clean("de dreigings-\nen veiligheidsanalyse\n").text == "de dreigings- en veiligheidsanalyse"
    assert clean("de VN-\nmissie in Mali\n").text == "de VN-missie in Mali"


def test_hyphen_kept_where_the_document_writes_the_compound_with_one():
    raw = "een pre-training in Niger. Later volgt de pre-\ntraining in Ghana.\n"
    assert "de pre-training in Ghana" in clean(raw).text


def test_capitals_heading_hyphenation_is_joined():
    raw = "BRIEF VAN DE MINISTER VOOR ONTWIKKELINGS-\nSAMENWERKING\n"
    assert clean(raw).text == "BRIEF VAN DE MINISTER VOOR ONTWIKKELINGSSAMENWERKING"


def test_running_footer_and_page_number_are_dropped_and_the_sentence_rejoined():
    raw = (
        "Nederland levert een bijdrage aan de\n"
        "\n"
        "Tweede Kamer, vergaderjaar 2022–2023, 29 521, nr. 456 7\n"
        " missie in Mali.\n"
        "12\n"
        "\n"
        "Volgende alinea.\n"
    )
    c = clean(raw)
    assert c.text == "Nederland levert een bijdrage aan de missie in Mali.\nVolgende alinea."
    _check_offsets(raw, c)


def test_footnote_body_moves_to_the_end_and_its_mark_is_dropped():
    raw = (
        "De mandaten lopen tot eind juni 2024.1 Dit is een\n"
        "\n"
        "1 De nationale mandaten kunnen voortijdig worden gewijzigd.\n"
        " verdere zin van de brief.\n"
    )
    c = clean(raw)
    assert c.text.startswith("De mandaten lopen tot eind juni 2024. Dit is een verdere zin van de brief.")
    assert c.text.endswith("\n1 De nationale mandaten kunnen voortijdig worden gewijzigd.")
    _check_offsets(raw, c)


def test_soft_hyphens_odd_spaces_ligatures_and_markdown():
    raw = "de ﬁnanciële\u00a0\u00a0bij\u00addrage van **EUR 5 mln** aan *EUCAP*\n"
    c = clean(raw)
    assert c.text == "de financiële bijdrage van EUR 5 mln aan EUCAP"
    start = c.text.index("EUR")
    rs, re_ = c.raw_span(start, start + len("EUR 5 mln"))
    assert raw[rs:re_] == "EUR 5 mln"


def test_combining_accents_are_composed():
    assert clean("D. Yes\u0327ilgo\u0308z\n").text == "D. Yeşilgöz"


def test_paragraphs_and_list_items_are_kept_as_lines():
    raw = "## Aanleiding\n\n- eerste punt\n- tweede punt dat\ndoorloopt\n\nSlot.\n"
    assert clean(raw).text == "Aanleiding\n- eerste punt\n- tweede punt dat doorloopt\nSlot."


def test_seed_offsets_map_back_to_the_raw_file(seed_docs):
    from sahel_analysis.read import read_file

    for (file, _part), doc in seed_docs.items():
        raw = read_file(__import__("pathlib").Path("seeds") / file).text
        assert len(doc.offsets) == len(doc.text) + 1
        for i in range(0, len(doc.text), 97):
            ch = doc.text[i]
            if ch.isalnum() and ch.isascii():
                assert raw[doc.offsets[i]] == ch


def test_a_span_across_a_moved_footnote_maps_to_the_raw_range_covering_it():
    raw = "1 onder-\n programma"  # found by hypothesis: the first line reads as a footnote
    c = clean(raw)
    for start in range(len(c.text)):
        for end in range(start + 1, len(c.text) + 1):
            rs, re_ = c.raw_span(start, end)
            assert 0 <= rs < re_ <= len(raw)


# The fast paths of the cleaner must find exactly what the plain patterns they replace find.
_ODD_ALPHABET = " \t\u00a0\u2003\u00ad\u200b\u2060\ufeff*_\\[]-.#ab1\ufb01\x0b\x0c\u3000\u202f\u0301"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ODD_ALPHABET, max_size=30))
def test_odd_character_pattern_matches_as_the_plain_alternation(text):
    from sahel_analysis.clean import _ODD, _ODD_CHARS

    plain = re.compile(_ODD_CHARS)
    assert [m.span() for m in _ODD.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_special_character_table_is_the_special_pattern():
    from sahel_analysis.clean import _SPECIAL, _SPECIAL_TABLE

    for code in [*range(0, 0x3100), *range(0xFB00, 0xFF00)]:
        assert bool(_SPECIAL_TABLE[code]) == bool(_SPECIAL.fullmatch(chr(code))), hex(code)
    assert _SPECIAL_TABLE.sum() == sum(1 for c in range(0x110000) if _SPECIAL.fullmatch(chr(c)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab_1 -\n.É", max_size=40), st.integers(0, 5), st.integers(0, 5))
def test_hyphenated_words_are_the_pattern_matches(raw, cut_start, cut_end):
    from sahel_analysis.clean import _HYPHENATED, _hyphenated

    start, end = min(cut_start, len(raw)), max(min(cut_start, len(raw)), len(raw) - cut_end)
    expected = {m.group().lower() for m in _HYPHENATED.finditer(raw, start, end)}
    assert _hyphenated(raw, start, end) == expected


def test_lines_with_odd_characters_or_footnote_marks_still_get_the_full_treatment():
    raw = "Een **vette** regel met\u00a0een  spatie\nen een voetnoot.1\n\n1 De noot.\n"
    assert clean(raw).text == "Een vette regel met een spatie en een voetnoot.\n1 De noot."
