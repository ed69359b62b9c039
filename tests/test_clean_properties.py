"""Property-based tests: cleaning never fails, and every clean character maps back to the raw text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sahel_analysis.clean import clean
from sahel_analysis.documents import split_documents
from sahel_analysis.redactions import find_redactions

# Text built from the pieces that matter to the cleaner: words, hyphens at line ends, blank lines,
# footers, footnote-like lines, Markdown marks, odd spaces, soft hyphens, ligatures, accents.
PIECES = st.sampled_from([
    "onder-", "steunen", "ACOTA-", "programma", "West-", "Afrikaanse", "dreigings-", "en", " ",
    "\n", "\n\n", "\n ", "\f", "1 ", "2 ", "Tweede Kamer, vergaderjaar 2022–2023, 29 521, nr. 456 7",
    "**", "*", "#", "- ", "\u00ad", "\u00a0", "\ufb01", "e\u0301", "s\u0327", "[hier](#)", "2024.1",
    "TER BESLISSING", "Datum", "8 november 2022", "Veiligheid van de staat", ".", ",", "12", "\t",
    "\r\n", "\u200b", "Mali", "MINUSMA", "-", "–",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=300))

SUBSTITUTES = set("\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")  # ligatures: several clean characters


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXTS)
def test_clean_never_fails_and_maps_back(raw):
    c = clean(raw)
    assert len(c.offsets) == len(c.text) + 1
    for i, ch in enumerate(c.text):
        pos = int(c.offsets[i])
        assert 0 <= pos < len(raw)
        src = raw[pos]
        if ch in " \n" or src in SUBSTITUTES or ("\u0300" <= raw[pos + 1 : pos + 2] <= "\u036f"):
            continue
        assert src == ch, (i, ch, src)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXTS)
def test_spans_map_to_raw_spans(raw):
    c = clean(raw)
    for start in range(0, len(c.text), 7):
        end = min(len(c.text), start + 5)
        rs, re_ = c.raw_span(start, end)
        assert 0 <= rs <= re_ <= len(raw)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXTS)
def test_documents_and_redactions_never_fail(raw):
    for doc in split_documents(raw, "x.txt"):
        for row in find_redactions(doc):
            assert doc.text[row["start"] : row["end"]] == row["quote"]
