"""Sentence splitting of Dutch government texts.

Tables of ``(text, reference date, expected sentences)``; the reference date is None (a sentence
split does not depend on one). CONVENTIONS: made-up examples of the rules; BUGS_CAUGHT: made-up
examples of errors found and fixed.
"""

import pytest

from sahel_analysis.sentences import section_of, sentence_at, split_sentences


def _texts(text):
    return [text[s:e] for s, e in split_sentences(text)]


_ABBREVIATED = "Zie de brief d.d. 17 juni 2022. Dit t.b.v. Mali, o.a. Gao en i.v.m. Mopti."

SPLITS_CONVENTIONS = [
    ("Dit is een. Dat is twee.", None, ["Dit is een.", "Dat is twee."]),
    # no split after Dutch abbreviations (vocab/abbreviations.csv) nor after initials
    (_ABBREVIATED, None, ["Zie de brief d.d. 17 juni 2022.", _ABBREVIATED.split("2022. ")[1]]),
    ("Minister W.B. Jansen sprak. Daarna niet.", None, ["Minister W.B. Jansen sprak.", "Daarna niet."]),
    # jl. may end a sentence
    ("Op 4 november jl. De minister sprak.", None, ["Op 4 november jl.", "De minister sprak."]),
    # a newline splits, a semicolon does not
    ("Kop\n- een; twee; drie\nSlot", None, ["Kop", "- een; twee; drie", "Slot"]),
    # a wrapped line before a lower-case word or a digit is joined
    ("- een eenheid bestaande uit ongeveer\n150 militairen;\n- twee", None,
     ["- een eenheid bestaande uit ongeveer\n150 militairen;", "- twee"]),
    # no split before a lower-case word or inside numbers
    ("Het kost 3.5 mln. euro en 13.289 militairen.", None, ["Het kost 3.5 mln. euro en 13.289 militairen."]),
    # spans are stripped of white space
    ("  Een.  Twee.\n\n Drie ", None, ["Een.", "Twee.", "Drie"]),
]
SPLITS_BUGS_CAUGHT = [
    # a full stop before a line break ends the line, not a sentence within it
    ("Eerste zin. \nTweede zin.\tDerde zin. Vierde o.a.\u00a0Vijfde", None,
     ["Eerste zin.", "Tweede zin.", "Derde zin.", "Vierde o.a.\u00a0Vijfde"]),
    # abbreviations in any case and after brackets or quotes do not split
    ("Dat kost 3 MLN. Euro (bijv. Gao) en “o.a. Mopti”. Dat is alles.", None,
     ["Dat kost 3 MLN. Euro (bijv. Gao) en “o.a. Mopti”.", "Dat is alles."]),
    # long words, digits and exclamations end sentences
    ("Zij kwamen terug uit Mali. Het was 2024. Goed zo! Klaar? Ja. Nee?! Ok.", None,
     ["Zij kwamen terug uit Mali.", "Het was 2024.", "Goed zo!", "Klaar?", "Ja.", "Nee?!", "Ok."]),
    # white space with a newline after a full stop ends only the line
    ("Eerste zin. \nTweede zin! \n Derde", None, ["Eerste zin.", "Tweede zin!", "Derde"]),
    # the abbreviations of memos do not end a sentence
    ("Bijdrage van max. 4 pax aan de missie, w.o. twee artsen en evt. een tolk. Volgende zin.", None,
     ["Bijdrage van max. 4 pax aan de missie, w.o. twee artsen en evt. een tolk.", "Volgende zin."]),
]


@pytest.mark.parametrize("text, ref, expected", SPLITS_CONVENTIONS + SPLITS_BUGS_CAUGHT)
def test_split_sentences(text, ref, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
    assert spans == sorted(spans)


def test_sentence_at_and_section_of():
    text = "Inleiding\nEerste zin. Tweede zin.\nMINUSMA\nDe bijdrage is groot."
    pos = text.index("Tweede")
    s, e = sentence_at(text, pos)
    assert text[s:e] == "Tweede zin."
    assert section_of(text, pos) == "Inleiding"
    assert section_of(text, text.index("bijdrage")) == "MINUSMA"
    assert section_of("geen kop hier", 3) == ""


def test_quick_abbreviation_verdict_agrees_with_the_full_check():
    from sahel_analysis.sentences import _closes_abbreviation, _is_abbreviation_end

    text = ("Zie d.d. 4 mei, o.a. Gao, ca. 5 en militairen. Minister W.B. Jansen, kol. Smit, "
            "het jaar 2024. Lt. Vos (mln. Euro) \u212aa. X en abcdef. Y\tmr. Z ir.")
    dots = [i for i, c in enumerate(text) if c == "."]
    assert [_closes_abbreviation(text, d) for d in dots] == [_is_abbreviation_end(text, d) for d in dots]
    assert _closes_abbreviation(text, text.index("mr.") + 2)
    assert not _closes_abbreviation(text, text.index("militairen.") + 10)


def test_sentence_flags_tried_at_needles_flag_what_the_full_scan_flags():
    """sentence_flags(needles=...) tries the pattern only where a needle starts: the same flags
    as the engine's own scan, on random texts of cue words, look-alikes and sentence ends."""
    import random
    import re

    from sahel_analysis.sentences import sentence_flags

    from .docs import text_doc

    rx = re.compile(r"(?:troepenplafond|mandaten|mandaat|plafond)(?!\w)")
    needles = ("troepenplafond", "mandaten", "mandaat", "plafond")
    pieces = ["Het", "mandaat", "mandaten", "mandaatje", "troepenplafond", "plafond", "plafonds", "is",
              "verlengd.", "Het", "TROEPENPLAFOND", "blijft.", "\n", "mandaat.", "x"]
    rng = random.Random(3)
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        plain = sentence_flags(text_doc(text), "t", rx)
        fast = sentence_flags(text_doc(text), "t", rx, needles=needles)
        assert fast == plain, text
