"""Cleaning: de-hyphenation, page furniture, odd characters, and the offset map."""

from __future__ import annotations

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
