from hypothesis import given
from hypothesis import strategies as st

from sahel_analysis.numbers import find_money, find_numbers, parse_number

_pieces = st.sampled_from(
    ["3,5", "13.289", "1.920", "miljoen", "mln", "euro", "EUR", "€", "$", "US$", "twaalf",
     "een", "van", "hen", "C-130", "2018", ".", ",", " ", "\n", "M", "dollar", "honderd"]
)
_texts = st.one_of(st.text(max_size=80), st.lists(_pieces, max_size=15).map(" ".join))


@given(_texts)
def test_find_numbers_spans_consistent(text):
    prev_end = 0
    for m in find_numbers(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= prev_end
        prev_end = m.end
        assert m.value >= 0


@given(_texts)
def test_find_money_spans_consistent(text):
    for m in find_money(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.currency in {"EUR", "USD", "GBP", "XOF"}
        assert m.amount >= 0


@given(st.text(max_size=30))
def test_parse_number_never_raises(token):
    value = parse_number(token)
    assert value is None or value >= 0


@given(st.integers(min_value=0, max_value=10**9))
def test_dutch_thousands_roundtrip(n):
    assert parse_number(f"{n:,}".replace(",", ".")) == n
