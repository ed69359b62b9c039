"""Dutch numbers and amounts of money in text.

``parse_number`` reads one token (``12.345`` -> 12345, ``3,5`` -> 3.5, ``twaalf`` -> 12,
``tweehonderdvijftig`` -> 250); ``find_numbers`` finds numbers (digits or words, with a
scale word such as ``miljoen`` / ``mln`` / ``miljard``) and ``find_money`` finds amounts of
money with their currency (``3,5 miljoen euro``, ``EUR 5 mln``, ``€50M``, ``US$ 10 million``).

Number words: a small hand-written grammar (``words_to_int``) rather than ``text2num``.
bench/numbers_words.py measured both on the Dutch words for 1..999 plus 15 common forms
(1014 words, this machine):
  grammar  : 1014/1014 correct, 1.1 µs per word uncached, 0.06 µs with the lru cache
  text2num : 1013/1014 correct (fails on ``anderhalf``), 12 µs per word
The grammar is more correct, ~10x faster, and lets us keep ``een`` (also the article) out unless
the context makes it a numeral. Figures are re-measured by ``python bench/numbers_words.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from sahel_analysis.sentences import find_all
from sahel_analysis.vocab import trie_pattern

UNITS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
}
TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
    "zeventig": 70, "tachtig": 80, "negentig": 90,
}
SPECIAL = {"nul": 0, "anderhalf": 1.5, "honderd": 100, "duizend": 1000}

# Scale words after a number; the value is multiplied by the factor.
SCALES = {
    "miljoen": 1e6, "mln": 1e6, "mln.": 1e6, "million": 1e6, "millions": 1e6,
    "miljard": 1e9, "mld": 1e9, "mld.": 1e9, "mrd": 1e9, "mrd.": 1e9, "billion": 1e9,
    "duizend": 1e3,
}

_TENS_RX = "|".join(TENS)
_UNIT_RX = "een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen"
_BELOW100 = re.compile(rf"(?:(?P<u>{_UNIT_RX})(?:en|ën))?(?P<t>{_TENS_RX})")


def _below_100(word: str) -> int | None:
    if word in UNITS:
        return UNITS[word]
    if word in TEENS:
        return TEENS[word]
    m = _BELOW100.fullmatch(word)
    if m:
        return TENS[m["t"]] + (UNITS[m["u"]] if m["u"] else 0)
    return None


def _below_1000(word: str) -> int | None:
    if not word:
        return None
    head, sep, tail = word.partition("honderd")
    if not sep:
        return _below_100(word)
    hundreds = 1 if head in ("", "een", "één") else UNITS.get(head, TEENS.get(head))
    if hundreds is None:
        return None
    if tail.startswith("en") and tail not in ("en",) and _below_100(tail[2:]) is not None:
        tail = tail[2:]
    rest = 0 if tail == "" else _below_100(tail)
    return None if rest is None else hundreds * 100 + rest


@lru_cache(maxsize=4096)
def words_to_int(word: str) -> float | None:
    """Value of one Dutch number word (``tweehonderdvijftig`` -> 250), else None."""
    w = word.strip().lower().replace("-", "")
    if w in SPECIAL:
        return SPECIAL[w]
    head, sep, tail = w.partition("duizend")
    if sep:
        thousands = 1 if head == "" else _below_1000(head)
        if thousands is None:
            return None
        if tail.startswith("en") and _below_1000(tail[2:]) is not None:
            tail = tail[2:]
        rest = 0 if tail == "" else _below_1000(tail)
        return None if rest is None else thousands * 1000 + rest
    return _below_1000(w)


_DIGITS = re.compile(
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 12.345 / 1.250.000,50
    r"|\d{1,3}(?:,\d{3}){2,}"  # 1,250,000 (English, several groups)
    r"|\d+,\d+"  # 3,5
    r"|\d+\.\d{1,2}(?!\d)"  # 3.5 (English decimal)
    r"|\d+"
)


def parse_number(token: str) -> float | None:
    """Value of a Dutch number token: digits (``12.345``, ``2,5``) or words (``twaalf``).

    A trailing scale word is applied (``2,5 miljoen`` -> 2500000). None where not a number.
    """
    if not isinstance(token, str):
        return None
    parts = token.strip().split()
    if not parts:
        return None
    scale = 1.0
    if len(parts) == 2 and parts[1].lower() in SCALES:
        scale = SCALES[parts[1].lower()]
        parts = parts[:1]
    if len(parts) != 1:
        return None
    tok = parts[0]
    value = _digits_value(tok) if tok[:1].isdigit() else words_to_int(tok)
    return None if value is None else value * scale


_DUTCH_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_ENGLISH_GROUPS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")


@lru_cache(maxsize=4096)
def _digits_value(tok: str) -> float | None:
    if not _DIGITS.fullmatch(tok):
        return None
    if _DUTCH_GROUPS.fullmatch(tok):
        return float(tok.replace(".", "").replace(",", "."))
    if _ENGLISH_GROUPS.fullmatch(tok):
        return float(tok.replace(",", ""))
    return float(tok.replace(",", "."))


@dataclass(frozen=True)
class NumberMatch:
    """A number in a text: span, value (scale applied), matched text, written in words?"""

    start: int
    end: int
    value: float
    text: str
    is_word: bool


@dataclass(frozen=True)
class MoneyMatch:
    """An amount of money in a text: span (number, scale and currency), amount, currency, and
    where the currency stands (``side``: ``after`` the number, ``before`` it, or ``both``)."""

    start: int
    end: int
    amount: float
    currency: str
    text: str
    side: str = "after"


_WORD_PIECES = (
    "anderhalf|honderd|duizend|" + "|".join(sorted(TEENS, key=len, reverse=True)) + "|"
    + _TENS_RX + "|" + _UNIT_RX + "|nul|en|ën"
)
_SCALE_WORDS = "miljoen|miljard|million|billion|mln|mld|mrd|duizend"
_SCALE_RX = r"(?:\s+(?P<scale>" + _SCALE_WORDS + ")"
_SCALE_RX += r"(?![\w])|(?P<m>[MK])(?![\w]))?"
_NUMBER = re.compile(
    rf"(?:(?<![\w.,\-])(?P<num>{_DIGITS.pattern})(?=[MK](?!\w)|(?!\w|[.,]\d))"
    rf"|(?<![\w\-])(?i:(?P<word>(?:{_WORD_PIECES})+))(?![\w\-]))" + _SCALE_RX
)
_NUMERAL_EEN_BEFORE = re.compile(
    r"(?i:\b(?:slechts|maar|nog|precies|ten minste|tenminste|minstens|ruim|bijna|ongeveer"
    r"|circa|zo['’]n|tot|met|op)\s+)$"
)
_NUMERAL_EEN_AFTER = re.compile(r"(?i:\s+(?:van\s+(?:hen|hun|de|het|deze|die)\b))")


def _een_is_numeral(text: str, start: int, end: int, scaled: bool) -> bool:
    """The article ``een`` counts as 1 only in contexts that make it a numeral."""
    if scaled:
        return True
    if _NUMERAL_EEN_AFTER.match(text, end):
        return True
    return bool(_NUMERAL_EEN_BEFORE.search(text[max(0, start - 20):start]))


# After the first character, a number starts after a character that is neither a word character
# nor ``-``: the class below holds every such character (and more), so the engine skips plain
# letters fast. The lookaheads after it are necessary conditions of a match of ``_NUMBER`` there
# (so the scan only skips positions where it fails): a digit not after ``.`` or ``,``, or the
# start (up to six letters, any case) of a number word; a bare ``en`` / ``ën`` (a conjunction,
# never a number) only where a scale word follows (a match there takes the scale word with it,
# so no other number can start inside it). Group ``n`` is the number.
_PIECE_HEADS = sorted({p[:6] for p in _WORD_PIECES.split("|") if p not in ("en", "ën")})
_NUMBER_NEXT = re.compile(
    r"[^a-zA-Z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f-](?=[\daAhHdDtTeEvVzZnNéÉëË])"
    r"(?:(?<![.,])(?=\d)|(?=(?i:" + trie_pattern(_PIECE_HEADS) + r"|[eë]n(?:[\w\-]|\s+(?:"
    + _SCALE_WORDS + r")))))(?P<n>" + _NUMBER.pattern + ")"
)


def _number_matches(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """(start, match) of ``_NUMBER.finditer(text)``: one scan, the pattern only tried where a
    number can start (the next match cannot start where the last one ends: it ends in a word
    character, which no number follows). A number at the very start (rare) comes first."""
    first = _NUMBER.match(text)
    if first is not None:
        yield 0, first
    for m in _NUMBER_NEXT.finditer(text, 0 if first is None else first.end()):
        yield m.start() + 1, m  # group ``n`` follows one character


# Invisible format and direction characters (soft hyphen, zero-width space and joiners, the
# left-to-right / right-to-left marks, embeddings, overrides and isolates, word joiner, BOM):
# a number with one inside is read as if it were not there (spans stay those of the text).
_FORMAT = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _without_format(text: str) -> tuple[str, list[int]] | None:
    """``text`` without its format characters, and for each kept character its index in ``text``
    (one more entry: ``len(text)``); None where it has none."""
    if text.isascii() or _FORMAT.search(text) is None:
        return None
    keep = [i for i, c in enumerate(text) if not _FORMAT.match(c)]
    return "".join(text[i] for i in keep), [*keep, len(text)]


def _span_back(where: list[int], start: int, end: int) -> tuple[int, int]:
    """The span in the text with format characters of ``[start, end)`` in the text without."""
    return where[start], where[end - 1] + 1 if end > start else where[start]


def find_numbers(text: str) -> list[NumberMatch]:
    """Numbers in ``text`` in order: digits or Dutch words, with scale words applied.

    Digits glued to letters (``C-130``, ``G5``, ``11e``) are skipped; so is ``een`` where it
    is the article. Format and direction characters inside a number (``1.\u200e000``) are
    read as if absent.
    """
    plain = _without_format(text)
    if plain is None:
        return _find_numbers(text)
    bare, where = plain
    out = []
    for n in _find_numbers(bare):
        start, end = _span_back(where, n.start, n.end)
        out.append(NumberMatch(start, end, n.value, text[start:end], n.is_word))
    return out


def _find_numbers(text: str) -> list[NumberMatch]:
    """:func:`find_numbers` of a text without format characters."""
    out: list[NumberMatch] = []
    for start, m in _number_matches(text):
        num, word, scale_word, mk = m.group("num", "word", "scale", "m")
        factor = SCALES.get(scale_word.lower(), 1.0) if scale_word else 1.0
        if mk:
            factor = 1e6 if mk == "M" else 1e3
        if num is not None:
            value = _digits_value(num)
            if value is None:
                continue
            is_word = False
        else:
            word = word.lower()
            value = words_to_int(word)
            if value is None:
                continue
            is_word = True
            if word == "een" and not _een_is_numeral(text, start, m.end("word"), factor > 1):
                continue
        end = m.end()
        out.append(NumberMatch(start, end, value * factor, text[start:end], is_word))
    return out


_CUR_BEFORE = re.compile(
    r"(?P<cur>€|EUR|US\s?\$|USD|\$|£|GBP|FCFA|XOF)\s*$"
)
_CUR_AFTER = re.compile(
    r"\s*(?P<cur>euro['’]s|euro|EUR|US[-\s]?dollars?|dollars?|USD|Amerikaanse dollars?|"
    r"pond|GBP|F?CFA(?:[-\s]frank)?|XOF)(?![\w])",
    re.IGNORECASE,
)
_CURRENCY_CODES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euro's": "EUR", "euro’s": "EUR",
    "$": "USD", "us$": "USD", "us $": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pond": "GBP",
    "fcfa": "XOF", "cfa": "XOF", "xof": "XOF",
}


def _currency(code: str) -> str:
    c = " ".join(code.lower().split())
    if c in _CURRENCY_CODES:
        return _CURRENCY_CODES[c]
    if "dollar" in c:
        return "USD"
    if "cfa" in c:
        return "XOF"
    return c.upper()


_ANY_CURRENCY = re.compile(r"[€$£]|(?i:euro|eur\b|dollar|usd\b|gbp\b|pond|cfa|xof\b)")


# Lower-case text holds one of these wherever ``_ANY_CURRENCY`` matches (``ſ`` is an ``s`` to a
# case-insensitive match): substring tests are far cheaper than the case-insensitive search.
_CURRENCY_HINTS = ("€", "$", "£", "eur", "dollar", "usd", "uſd", "gbp", "pond", "cfa", "xof")


def names_currency(text: str) -> bool:
    """``_ANY_CURRENCY.search(text)``: does ``text`` name a currency (sign, code or word)?"""
    low = text.lower()
    if len(low) != len(text):  # lower case moves characters: the plain search
        return any(h in low for h in _CURRENCY_HINTS) and _ANY_CURRENCY.search(text) is not None
    match = _ANY_CURRENCY.match
    for hint in _CURRENCY_HINTS:  # a match starts where the lower-case text holds a hint
        i = low.find(hint)
        while i >= 0:
            if match(text, i):
                return True
            i = low.find(hint, i + 1)
    return False


def currency_hints(low: str) -> list[int]:
    """Where the lower-cased text ``low`` holds a currency hint: every match of
    ``_ANY_CURRENCY`` in the text starts at one of these (unordered) positions."""
    return find_all(low, _CURRENCY_HINTS)


def find_money(text: str, numbers: list[NumberMatch] | None = None) -> list[MoneyMatch]:
    """Amounts of money in ``text``: a number with a currency symbol or word next to it.

    ``numbers`` is ``find_numbers(text)`` where the caller has it already. Format and direction
    characters are read as if absent (``€\u200e5 mln``)."""
    if not names_currency(text):  # most sentences name no currency: skip the number scan
        return []
    plain = _without_format(text)
    if plain is None:
        return _find_money(text, numbers)
    bare, where = plain
    out = []
    for m in _find_money(bare, None):
        start, end = _span_back(where, m.start, m.end)
        out.append(MoneyMatch(start, end, m.amount, m.currency, text[start:end], m.side))
    return out


def _find_money(text: str, numbers: list[NumberMatch] | None) -> list[MoneyMatch]:
    """:func:`find_money` of a text without format characters."""
    out: list[MoneyMatch] = []
    for n in find_numbers(text) if numbers is None else numbers:
        before = _CUR_BEFORE.search(text, max(0, n.start - 8), n.start)
        after = _CUR_AFTER.match(text, n.end)
        if after:
            cur, start, end, side = _currency(after["cur"]), n.start, after.end(), "after"
            if before and _currency(before["cur"]) == cur:
                start, side = before.start(), "both"
        elif before:
            cur, start, end, side = _currency(before["cur"]), before.start(), n.end, "before"
        else:
            continue
        out.append(MoneyMatch(start, end, n.value, cur, text[start:end], side))
    return out


# The largest amount of money a row may hold: ten trillion (10^13) in any currency, far above any
# budget of a state or a mission (the whole EU budget is near 10^12 euro a year).
MAX_AMOUNT = 1e13
# The largest number of people a personnel figure may hold (no force is a million strong).
MAX_COUNT = 1e6


def plausible_amount(value: float) -> bool:
    """Is ``value`` an amount of money a document can mean: finite, above 0, at most ``MAX_AMOUNT``?"""
    return isinstance(value, (int, float)) and math.isfinite(value) and 0 < value <= MAX_AMOUNT


def plausible_count(value: float) -> bool:
    """Is ``value`` a count of people a document can mean: finite, at least 1, at most ``MAX_COUNT``?"""
    return isinstance(value, (int, float)) and math.isfinite(value) and 1 <= value <= MAX_COUNT
