"""Property tests: find_dates never fails and its matches are always well formed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_analysis.dates import find_dates

WORDS = [
    "begin", "medio", "eind", "januari", "februari", "mei", "juni", "okt.", "nov", "jl.", "a.s.",
    "tot", "en", "met", "tussen", "van", "sinds", "2022", "2019", "1999", "2039", "31", "29", "1",
    "–", "-", "/", "dit", "jaar", "vorig", "afgelopen", "eerste", "helft", "kwartaal", "najaar",
    "winter", "vandaag", "gisteravond", "resolutie", "nr.", "euro", "Bégin", "İ", "ß", "\n", ".",
    "(", ")", "«", "»", "maandag", "Q1", "H2", "prinsjesdag", "30-31", "23-24", "2022/23",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=30).map("".join),
)
refs = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2090, 1, 1)))


@settings(max_examples=400, deadline=None)
@given(texts, refs)
def test_matches_well_formed(text: str, ref: dt.date | None) -> None:
    found = find_dates(text, ref)
    last_end = 0
    for m in found:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # non-overlapping, in text order
        last_end = m.end
        assert m.window.start <= m.window.end
        assert m.kind in ("point", "range", "until", "since")
        assert m.window.precision in (
            "day", "days", "month", "part_of_month", "quarter", "half", "season", "year",
            "years", "open",
        )  # fmt: skip
        if ref is None:
            assert not m.relative
