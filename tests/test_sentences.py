from sahel_analysis.sentences import section_of, sentence_at, split_sentences


def _texts(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_at_period_and_capital():
    assert _texts("Dit is een. Dat is twee.") == ["Dit is een.", "Dat is twee."]


def test_no_split_after_dutch_abbreviations():
    text = "Zie de brief d.d. 17 juni 2022. Dit t.b.v. Mali, o.a. Gao en i.v.m. Mopti."
    assert _texts(text) == ["Zie de brief d.d. 17 juni 2022.", text.split("2022. ")[1]]


def test_no_split_after_initials():
    assert _texts("Minister W.B. Jansen sprak. Daarna niet.") == [
        "Minister W.B. Jansen sprak.",
        "Daarna niet.",
    ]


def test_jl_may_end_a_sentence():
    assert _texts("Op 4 november jl. De minister sprak.") == [
        "Op 4 november jl.",
        "De minister sprak.",
    ]


def test_newline_splits_semicolon_does_not():
    text = "Kop\n- een; twee; drie\nSlot"
    assert _texts(text) == ["Kop", "- een; twee; drie", "Slot"]


def test_wrapped_line_before_lowercase_or_digit_is_joined():
    text = "- een eenheid bestaande uit ongeveer\n150 militairen;\n- twee"
    assert _texts(text) == ["- een eenheid bestaande uit ongeveer\n150 militairen;", "- twee"]


def test_no_split_before_lowercase_or_in_numbers():
    assert _texts("Het kost 3.5 mln. euro en 13.289 militairen.") == [
        "Het kost 3.5 mln. euro en 13.289 militairen."
    ]


def test_spans_are_stripped_and_ordered():
    text = "  Een.  Twee.\n\n Drie "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Een.", "Twee.", "Drie"]
    assert spans == sorted(spans)


def test_sentence_at_and_section_of():
    text = "Inleiding\nEerste zin. Tweede zin.\nMINUSMA\nDe bijdrage is groot."
    pos = text.index("Tweede")
    s, e = sentence_at(text, pos)
    assert text[s:e] == "Tweede zin."
    assert section_of(text, pos) == "Inleiding"
    assert section_of(text, text.index("bijdrage")) == "MINUSMA"
    assert section_of("geen kop hier", 3) == ""


def test_a_full_stop_before_a_line_break_ends_the_line_not_a_sentence_within_it():
    text = "Eerste zin. \nTweede zin.\tDerde zin. Vierde o.a.\u00a0Vijfde"
    assert _texts(text) == ["Eerste zin.", "Tweede zin.", "Derde zin.", "Vierde o.a.\u00a0Vijfde"]


def test_abbreviations_in_any_case_and_after_brackets_do_not_split():
    text = "Dat kost 3 MLN. Euro (bijv. Gao) en “o.a. Mopti”. Dat is alles."
    assert _texts(text) == ["Dat kost 3 MLN. Euro (bijv. Gao) en “o.a. Mopti”.", "Dat is alles."]


def test_long_words_digits_and_exclamations_end_sentences():
    text = "Zij kwamen terug uit Mali. Het was 2024. Goed zo! Klaar? Ja. Nee?! Ok."
    assert _texts(text) == [
        "Zij kwamen terug uit Mali.", "Het was 2024.", "Goed zo!", "Klaar?", "Ja.", "Nee?!", "Ok.",
    ]


def test_quick_abbreviation_verdict_agrees_with_the_full_check():
    from sahel_analysis.sentences import _closes_abbreviation, _is_abbreviation_end

    text = ("Zie d.d. 4 mei, o.a. Gao, ca. 5 en militairen. Minister W.B. Jansen, kol. Smit, "
            "het jaar 2024. Lt. Vos (mln. Euro) \u212aa. X en abcdef. Y\tmr. Z ir.")
    dots = [i for i, c in enumerate(text) if c == "."]
    assert [_closes_abbreviation(text, d) for d in dots] == [_is_abbreviation_end(text, d) for d in dots]
    assert _closes_abbreviation(text, text.index("mr.") + 2)
    assert not _closes_abbreviation(text, text.index("militairen.") + 10)


def test_white_space_with_a_newline_after_a_full_stop_ends_only_the_line():
    assert _texts("Eerste zin. \nTweede zin! \n Derde") == ["Eerste zin.", "Tweede zin!", "Derde"]


def test_memo_abbreviations_do_not_end_a_sentence():
    text = "Bijdrage van max. 4 pax aan de missie, w.o. twee artsen en evt. een tolk. Volgende zin."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Bijdrage van max. 4 pax aan de missie, w.o. twee artsen en evt. een tolk.", "Volgende zin."]
