"""The literal tests in front of case-insensitive patterns (anycase) find what the patterns find.

Each fast path in documents.py is compared with the plain pattern it stands for, on texts made of
the words those patterns look for in odd cases, with the characters that IGNORECASE matches to
ASCII letters (``İ ı ſ K``) mixed in.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_analysis import anycase
from sahel_analysis import documents as d

WORDS = [
    "afgelopen", "AFGELOPEN", "Vorige", "vorİge", "vorıge", "VORIGE", "jl", "JL.", "jL", "j.l.",
    "gewijzigd", "GEWİJZİGD", "bijgewerkt", "BIJGEWERKT", "update", "UPDATE", "geüpdatet", "GEÜPDATET",
    "maandag", "vrijdag", "12", "3", "2021", "maart", "MAART", "ſeptember", "oktober", "juli", "(na", "dagen)",
    "|", "-", "(", ")", "Gepubliceerd", "op", "10:30", "uur", "İ", "ı", "ſ", "\u212a", "k", "s", "\n", " ", ".",
    "\U0001f600", "\u0141", "\u20ac", "\u00e9",  # beyond UTF-16 units, a unit whose low byte is 'A', Latin-1
    "\u6a41\u6c00\u2000",  # UTF-16 bytes 41 6a 00 6c 00 20: 'j\0l\0' across units, not a 'jl'
]  # fmt: skip

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=25).map("".join),
)


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


@settings(max_examples=500, deadline=None)
@given(texts)
def test_past_days_as_the_pattern(text: str) -> None:
    assert _spans(d._past_days(text, anycase.Folded(text))) == _spans(list(d.PAST_DAY.finditer(text)))


@settings(max_examples=500, deadline=None)
@given(texts)
def test_jl_dates_as_the_pattern(text: str) -> None:
    want = _spans(list(d.JL_DATE.finditer(text)))
    assert _spans(d._jl_dates(text)) == want
    assert _spans(d._jl_dates(text, anycase.Folded(text))) == want


@settings(max_examples=500, deadline=None)
@given(texts)
def test_stamp_test_never_hides_a_stamp(text: str) -> None:
    if d._CHANGE_STAMP.search(text):
        assert anycase.may_hold(text, d._STAMP_NEEDLES)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_note_removed_as_the_pattern(text: str) -> None:
    assert d._without_note(text) == d._TRAILING_NOTE.sub("", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), texts)
def test_needle_found_wherever_the_word_is(word: str, text: str) -> None:
    """Any word: where an IGNORECASE pattern of it matches, its needle is in the lowered text."""
    pattern = re.compile(re.escape(word), re.I)
    found = anycase.needles([word])
    if pattern.search(text):
        assert anycase.may_hold(text, found)
        assert anycase.Folded(text).holds(found)
    one = anycase.needle(word)
    if one is not None and not re.search(r"\s", word):
        starts = anycase.Folded(text).starts((one,))
        assert _spans(anycase.finditer_at(pattern, text, starts)) == _spans(list(pattern.finditer(text)))


def test_needles() -> None:
    assert anycase.needle("afgelopen") == ("afgelopen", 0)
    assert anycase.needle("vorige") == ("vor", 0)
    assert anycase.needle("bijgewerkt") == ("jgewer", 2)
    assert anycase.needle("geüpdatet") == ("pdatet", 3)
    assert anycase.needle("is") is None
    assert anycase.needles(["update", "is"]) is None
    assert anycase.may_hold("anything", None)
    assert not anycase.may_hold("een gewone regel", anycase.needles(["update"]))


def test_date_line_unchanged_by_the_tests() -> None:
    """Lines the fast paths skip or shorten give what the full treatment gives."""
    assert d.date_line_of("Gepubliceerd op 12 maart 2021 | Laatst gewijzigd 14 maart 2021") == "2021-03-12"
    assert d.date_line_of("Gepubliceerd op 12 maart 2021 (na 3 dagen)") == "2021-03-12"
    assert d.date_line_of("Een regel zonder cijfers") is None
    assert d.date_line_of("12 maart 2021 UPDATE 13:05", bare=True) == "2021-03-12"
