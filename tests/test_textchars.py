"""The non-ASCII characters of a text and the per-character lower-case mapping (textchars.py)."""

import re

import pytest

from sahel_analysis import dates
from sahel_analysis.textchars import casefolded, lower_mapped, lowered, non_ascii


@pytest.mark.parametrize(("text", "expected"), [
    ("Den Haag, 3 mei", set()),
    ("België’s bijdrage – «zo»", {"ë", "’", "–", "«", "»"}),
    ("ééé", {"é"}),
    ("\ud800 lone surrogate", {"\ud800"}),
    ("emoji 😀 and ß", {"😀", "ß"}),
])
def test_non_ascii_lists_each_character_outside_ascii_once(text, expected):
    assert non_ascii(text) == expected


def test_lower_mapped_lowers_ascii_and_maps_the_rest():
    assert lower_mapped("De MINUSMA-Missie", str.upper) == "de minusma-missie"
    assert lower_mapped("Ëén «A»", lambda c: {"Ë": "e", "é": "e"}.get(c, c)) == "een «a»"


def test_lower_mapped_keeps_a_mapped_capital_and_control_characters():
    text = "\x01A\x02ä\x03"
    assert lower_mapped(text, lambda c: "Q") == "\x01a\x02Q\x03"


def test_lower_mapped_declines_a_mapping_that_changes_the_length():
    assert lower_mapped("straße", lambda c: "ss") is None


def test_lower_mapped_declines_when_no_stand_in_is_left():
    many = "".join(chr(0x3b1 + i) for i in range(25))  # 25 Greek letters that stay non-ASCII
    assert lower_mapped(many, str.lower) is None


def test_the_date_fold_equals_the_character_by_character_fold_for_every_character():
    """``dates._fold`` (through lower_mapped) against the old one-character-at-a-time fold, for
    every code point, in texts with ASCII around it and a capital Sigma (its lower case depends
    on context) in some."""
    codes = [c for c in range(0x110000)]
    for i in range(0, len(codes), 16):
        chunk = "".join(chr(c) for c in codes[i:i + 16])
        text = "Ab " + chunk + " Cd"
        assert dates._fold(text) == dates._fold_slowly(text), hex(codes[i])
    for text in ("ΣΑΣ ok", "Élan’s –", "\x01ë\x02«»", "İstanbul", "ﬁ ligature"):
        assert dates._fold(text) == dates._fold_slowly(text)


def test_the_date_triggers_white_space_is_that_of_backslash_s():
    spelled = re.compile("[" + dates._WHITE_SPACE + "]")
    every = re.compile(r"\s")
    assert all(bool(spelled.match(chr(c))) == bool(every.match(chr(c))) for c in range(0x110000))


class _Doc:
    def __init__(self, text):
        self.text = text
        self.memo = {}


@pytest.mark.parametrize("text", [
    "De MINUSMA-missie in Mali",
    "België’s bijdrage – «zo» en één",
    "ΣΑΣ: a capital sigma lowers by context",
    "straße: folds to two letters",
    "İstanbul: lowers to two characters",
    "ﬁ ligature, µ and ſ",
    "Ǆ titlecase digraph",
])
def test_casefolded_is_the_casefold_of_the_text(text):
    assert casefolded(_Doc(text)) == text.casefold()


def test_casefolded_reuses_the_lowered_text_where_they_agree():
    doc = _Doc("België’s bijdrage – «zo»")
    assert casefolded(doc) is lowered(doc)


def test_the_lowered_text_of_every_character_that_folds_as_it_lowers_is_its_casefold():
    """The rule casefolded() relies on: for every code point whose casefold equals its lower case
    (capital sigma aside), the lower case of a text around it is the text's casefold."""
    for c in map(chr, range(0x110000)):
        if c != "\u03a3" and c.casefold() == c.lower():
            text = "Ab" + c + "Cd " + c
            assert text.lower() == text.casefold(), hex(ord(c))
