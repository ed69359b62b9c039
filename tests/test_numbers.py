import pytest

from sahel_analysis.numbers import (
    MAX_AMOUNT,
    find_money,
    find_numbers,
    parse_number,
    plausible_amount,
    plausible_count,
    words_to_int,
)


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("13.289", 13289),
        ("3,5", 3.5),
        ("1.920", 1920),
        ("twaalf", 12),
        ("achttien", 18),
        ("tweehonderdvijftig", 250),
        ("twee", 2),
        ("één", 1),
        ("drieëntwintig", 23),
        ("vierentachtig", 84),
        ("twaalfhonderd", 1200),
        ("tienduizend", 10000),
        ("3,5 miljoen", 3_500_000),
        ("1.250.000,50", 1_250_000.5),
    ],
)
def test_parse_number(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize("token", ["", "geen", "12a", "1.2.3", "tweeëntwee", "honderdhonderd"])
def test_parse_number_rejects(token):
    assert parse_number(token) is None


def test_words_to_int_rejects_non_numbers():
    assert words_to_int("eenheid") is None
    assert words_to_int("drieduizend") == 3000


def test_find_numbers_with_scales_and_words():
    text = "maximaal drie stafofficieren, 3,5 miljoen en 1,2 miljard, 5 mln, 130 miljoen"
    got = [(m.text, m.value, m.is_word) for m in find_numbers(text)]
    assert got == [
        ("drie", 3, True),
        ("3,5 miljoen", 3_500_000, False),
        ("1,2 miljard", 1_200_000_000, False),
        ("5 mln", 5_000_000, False),
        ("130 miljoen", 130_000_000, False),
    ]


def test_find_numbers_skips_codes_ordinals_and_article():
    text = "een C-130 en een NH-90 uit het 11e fonds; G5 Sahel"
    assert find_numbers(text) == []


def test_een_counts_when_clearly_numeral():
    assert [m.value for m in find_numbers("Een van hen zit in Mali")] == [1]
    assert [m.value for m in find_numbers("nog één militair")] == [1]


@pytest.mark.parametrize(
    ("text", "amount", "currency", "span"),
    [
        ("een bijdrage van 3,5 miljoen euro aan", 3_500_000, "EUR", "3,5 miljoen euro"),
        ("ter hoogte van EUR 5 mln aangekondigd", 5_000_000, "EUR", "EUR 5 mln"),
        ("kost € 50 miljoen per jaar", 50_000_000, "EUR", "€ 50 miljoen"),
        ("kost €50M", 50_000_000, "EUR", "€50M"),
        ("ter hoogte van 350.000 euro toe", 350_000, "EUR", "350.000 euro"),
        ("werd 7 miljoen dollar beschikbaar", 7_000_000, "USD", "7 miljoen dollar"),
        ("pledged US$ 10 million to", 10_000_000, "USD", "US$ 10 million"),
        ("USD 2,5 mln.", 2_500_000, "USD", "USD 2,5 mln"),
        ("vijf miljoen euro", 5_000_000, "EUR", "vijf miljoen euro"),
        ("£ 3 miljoen", 3_000_000, "GBP", "£ 3 miljoen"),
    ],
)
def test_find_money(text, amount, currency, span):
    (m,) = find_money(text)
    assert (m.amount, m.currency, m.text) == (amount, currency, span)
    assert text[m.start:m.end] == m.text


def test_find_money_needs_a_currency():
    assert find_money("maximaal 250 militairen in 2018") == []


# ---- the fast paths give the results of the plain searches they replace
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sahel_analysis import numbers as _n  # noqa: E402
from sahel_analysis.numbers import currency_hints, names_currency  # noqa: E402

_PIECES = st.sampled_from(
    ["3,5", "12.345", "1,250,000", "2018", "een", "één", "Een", "en", "ën", "twee", "tweeën",
     "drieëntwintig", "honderd", "duizend", "anderhalf", "miljoen", "mln", "M", "K", "C-130",
     "van", "hen", "slechts", "andere", "eenheid", "Euro", "EUR", "€", "US$", "USD", "uſd", "uſd.",
     "dollar", "pond", "correspondent", "FCFA", "xof", "İ", "ZEſ", "tıen", " ", "  ", "\n", ".",
     ",", "-", "(", ")", "/", "5", "12"]
)
_TEXTS = st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=14).map("".join),
                   st.lists(_PIECES, max_size=14).map(" ".join))


@given(_TEXTS)
def test_number_scan_matches_a_plain_scan(text):
    """The scan skips only a bare conjunction ``en`` (never a number, and it hides none)."""
    def bare_en(m):
        return (m["word"] or "").lower() in ("en", "ën") and m["scale"] is None

    fast = [(start, m.end()) for start, m in _n._number_matches(text) if not bare_en(m)]
    assert fast == [m.span() for m in _n._NUMBER.finditer(text) if not bare_en(m)]


@given(_TEXTS)
def test_names_currency_is_the_plain_search(text):
    assert names_currency(text) == bool(_n._ANY_CURRENCY.search(text))
    low = text.lower()
    if len(low) == len(text):
        hints = set(currency_hints(low))
        assert all(m.start() in hints for m in _n._ANY_CURRENCY.finditer(text))


@given(_TEXTS)
def test_find_money_with_known_numbers(text):
    assert find_money(text, find_numbers(text)) == find_money(text)


@pytest.mark.parametrize("text, named", [
    ("De Europese Unie", True), ("10 USD.", True), ("10 uſd", True), ("een correspondent", True),
    ("een eurocraat", True), ("de beurt", False), ("busdienst", False), ("", False),
])
def test_names_currency(text, named):
    assert names_currency(text) is named


@given(_TEXTS)
def test_find_numbers_keeps_scan_matches_in_order(text):
    """Every number found is a match of the scan, with its text, in order."""
    spans = [(start, m.end()) for start, m in _n._number_matches(text)]
    found = _n._find_numbers(text)  # find_numbers reads past format characters (tested below)
    assert all(text[n.start : n.end] == n.text for n in found)
    got = [(n.start, n.end) for n in found]
    it = iter(spans)
    assert all(span in it for span in got)  # a subsequence of the scan's matches


def test_find_numbers_at_the_very_start_and_after_it():
    found = find_numbers("12 militairen en drie agenten, 5 mln euro")
    assert [(n.start, n.text, n.value, n.is_word) for n in found] == [
        (0, "12", 12.0, False), (17, "drie", 3.0, True), (31, "5 mln", 5e6, False)
    ]
    assert [n.text for n in find_numbers("Twaalf militairen")] == ["Twaalf"]


# ------------------------------------------------------------------ format characters and bounds
_FORMAT_CHARS = ["\u200e", "\u200f", "\u202a", "\u202c", "\u2066", "\u2069", "\u200b", "\u00ad", "\ufeff"]


@pytest.mark.parametrize("mark", _FORMAT_CHARS)
@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("1.{m}250.000 euro", 1_250_000, "EUR"),
    ("2{m}5 miljoen euro", 25_000_000, "EUR"),
    ("€{m}5 mln", 5_000_000, "EUR"),
    ("ruim {m}12,5{m} miljoen dollar", 12_500_000, "USD"),
    ("EUR 3,5{m} mln", 3_500_000, "EUR"),
])
def test_format_characters_inside_an_amount_are_read_past(mark, text, amount, currency):
    s = text.format(m=mark)
    (m,) = find_money(s)
    assert (m.amount, m.currency) == (amount, currency)
    assert m.text == s[m.start:m.end]  # the span is the text's


def test_format_characters_inside_number_words_are_read_past():
    (n,) = find_numbers("twee\u00adhonderd militairen")
    assert (n.value, n.text) == (200, "twee\u00adhonderd")


@given(st.lists(_PIECES, max_size=10).map(" ".join), st.sampled_from(_FORMAT_CHARS), st.integers(0, 60))
def test_a_format_character_changes_no_value(text, mark, at):
    """A format character inserted anywhere: the same values, spans within the text."""
    at = min(at, len(text))
    marked = text[:at] + mark + text[at:]
    found = find_numbers(marked)
    assert all(marked[n.start:n.end] == n.text for n in found)
    assert [n.value for n in found] == [n.value for n in find_numbers(text)]


@pytest.mark.parametrize(("value", "ok"), [
    (1.0, True), (5e6, True), (MAX_AMOUNT, True), (MAX_AMOUNT * 1.01, False), (float("inf"), False),
    (float("nan"), False), (0.0, False), (-3.0, False), (9.9e22, False), ("5", False),
])
def test_plausible_amount(value, ok):
    assert plausible_amount(value) is ok


@pytest.mark.parametrize(("value", "ok"), [
    (1, True), (450, True), (13_000, True), (1e6, True), (2e6, False), (0, False), (float("inf"), False),
    (float("nan"), False),
])
def test_plausible_count(value, ok):
    assert plausible_count(value) is ok


def test_an_absurd_amount_is_found_but_not_plausible():
    (m,) = find_money("1" + "0" * 400 + " euro")
    assert not plausible_amount(m.amount)
