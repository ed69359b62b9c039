"""Dutch date expressions as windows that keep the precision of the text.

``find_dates`` scans a text once with one compiled pattern (on a lower-cased, accent-folded copy of
the text of the same length, so spans stay valid on the original) and returns
:class:`DateMatch` objects whose :class:`DateWindow` is the inclusive window the words allow.
:class:`DateScan` folds and scans a text once and resolves it against several reference dates
(``find_dates_multi``): only the windows of relative expressions depend on the reference.

Conventions (documented choices):

- ``begin`` / ``medio`` / ``eind`` of a month: days 1-10, 11-20, 21-last.
- ``begin`` / ``medio`` / ``eind`` of a year: Jan 1-Mar 31, Jun 1-Jul 31, Oct 1-Dec 31.
- seasons: ``voorjaar``/``lente`` Mar 1-Jun 30, ``zomer`` Jun 1-Aug 31, ``najaar``/``herfst``
  Sep 1-Dec 31, ``winter YYYY`` Dec 1 YYYY - end of Feb YYYY+1.
- relative expressions are resolved against ``ref``: ``jl.``/``afgelopen`` = the latest such date
  not after ``ref``; ``a.s.``/``komend`` = the next one after it; a bare day-month or month = the
  coming one where it is at most three months ahead (``op 12 november`` in a text of 9 November),
  else the latest one not after ``ref`` (``op 2 april`` in that text). A weekday by itself
  (``zei maandag``) is the latest such day on or before ``ref``, after a word of the future
  (``gaat vrijdag akkoord``, ``om zaterdag te beginnen``) the next on or after it; after ``elke``
  it is no date; ``twee weken geleden`` is that long before ``ref``. Without ``ref`` such
  expressions are skipped.
- the words ``tot (en met)``, ``uiterlijk``, ``voor`` (``until``), ``sinds``, ``vanaf``,
  ``met ingang van`` (``since``), ``van .. tot`` and ``tussen .. en`` (``range``) are part of the
  match span; ``kind`` records them.
- bare years are 1990-2039 only and are not taken after ``resolutie``, ``nr.``, ``Kamerstuk``,
  ``artikel`` and the like, nor before a unit of amount (``euro``, ``personen`` ...).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .textchars import lower_mapped
from .vocab import date_words, month_names, trie_pattern

__all__ = ["DateMatch", "DateScan", "DateWindow", "find_dates", "find_dates_multi", "parse_date"]

PRECISIONS = (
    "day",
    "days",
    "month",
    "part_of_month",
    "quarter",
    "half",
    "season",
    "year",
    "years",
    "open",
)


@dataclass(frozen=True)
class DateWindow:
    """An inclusive window of days with the precision the text gave it."""

    start: dt.date
    end: dt.date  # inclusive
    precision: str


@dataclass(frozen=True)
class DateMatch:
    """A date expression found in a text: its span, words and window."""

    start: int
    end: int
    text: str
    window: DateWindow
    relative: bool
    kind: str  # 'point' | 'range' | 'until' | 'since'
    # a day counted from the reference (a weekday by itself, ``twee weken geleden``): when something
    # happened, not a period that a figure of the sentence holds for
    counted: bool = False


# --------------------------------------------------------------------------------------------
# text folding: lower case, accents removed, dashes and odd spaces unified; same length as input

def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if base.isascii() and base.isalpha() and len(base) == 1:
            table[code] = base
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        table[ord(dash)] = "-"
    for space in "\u00a0\u2007\u202f\u2009":
        table[ord(space)] = " "
    for quote in "\u2018\u2019\u02bc`\u00b4":
        table[ord(quote)] = "'"
    return table


_FOLD = _build_fold_table()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(ch: str) -> str:
    """One character folded: its accent-free ASCII letter (or plain dash, space, apostrophe) from
    the table, else its lower case where that is one character of the same letter, else ``_``."""
    mapped = _FOLD.get(ord(ch))
    if mapped is not None:
        return mapped
    low = ch.lower()
    return low if len(low) == 1 and low.upper() == ch.upper() else "_"


@lru_cache(maxsize=4096)
def _folded(ch: str) -> str:
    """:func:`_fold_char` in lower case, as :func:`_fold` leaves it."""
    return _fold_char(ch).lower()


def _fold(text: str) -> str:
    """Lower-case and accent-fold ``text`` keeping its length (one char for one char)."""
    folded = lower_mapped(text, _folded)
    return folded if folded is not None else _fold_slowly(text)


def _fold_slowly(text: str) -> str:
    """:func:`_fold` one character at a time (texts :func:`lower_mapped` declines)."""
    if not text.isascii():
        text = _NON_ASCII.sub(lambda m: _fold_char(m.group()), text)
    folded = text.lower()
    if len(folded) != len(text):  # a character whose lower case is longer: keep it as is
        folded = "".join(c.lower() if len(c.lower()) == 1 else "_" for c in text)
    return folded


# --------------------------------------------------------------------------------------------
# vocabulary of the grammar: the words live in vocab/months.csv and vocab/date_words.csv

_MONTHS = {m.name: m.month for m in month_names()}
_FULL_MONTHS = frozenset(m.name for m in month_names() if m.full)
_ORD = {word: int(value) for word, value in date_words("ordinal").items()}
_HALF_ORD = {word: int(value) for word, value in date_words("half_ordinal").items()}
_WEEK_ORD = date_words("week_ordinal")
_PARTS = date_words("part")
_SEASON_WORDS = {word: int(value) for word, value in {
    **date_words("season_word"), **date_words("season_article")}.items()}
_SEASON_ARTICLES = tuple(date_words("season_article"))
_RELATIONS = {**date_words("after_date"), **date_words("before_month")}  # word -> past / next
_UNTIL = date_words("until")
_BEFORE_WORDS = frozenset(word for word, value in _UNTIL.items() if value == "before")
_STRESSED_BEFORE = tuple(date_words("stressed_before"))
_SINCE_PAST = frozenset(word for word, value in date_words("since").items() if value == "past")


def _season_spec(value: str) -> tuple[int, int, int, int]:
    """``3-1:6-30`` -> (3, 1, 6, 30): a season's first and last month-day."""
    first, last = value.split(":")
    m1, d1 = first.split("-")
    m2, d2 = last.split("-")
    return int(m1), int(d1), int(m2), int(d2)


_SEASONS = {word: _season_spec(value) for word, value in date_words("season").items()}
_NAMED_DAYS = {word: tuple(int(x) for x in value.split(":")) for word, value in date_words("named_day").items()}


def _alt(words: set[str] | list[str]) -> str:
    """An alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _phrases(words: list[str] | dict[str, str]) -> str:
    """An alternation of words or phrases in the given order (any white space between words)."""
    return "|".join(r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in words)


def _after_words(words: dict[str, str]) -> str:
    """The alternation of after-date words: an abbreviation also listed with its final period
    (``jl`` beside ``jl.``) must not be glued to a following letter."""
    return "|".join(re.escape(w) + ("(?![a-z])" if w + "." in words else "") for w in words)


def _key(phrase: str) -> str:
    """A matched phrase as the vocabulary writes it (one space between words)."""
    return " ".join(phrase.split())


_MON = rf"(?:{_alt(list(_MONTHS))})(?![a-z])\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_Y4 = r"(?:19|20)\d\d(?!\d)"
_YB = r"(?:199\d|20[0-3]\d)(?![\d])"  # bare-year range
_WD = rf"(?:(?:{_phrases(date_words('weekday'))})\s+)?"
_REL = rf"(?:\s*(?P<rel>{_after_words(date_words('after_date'))}))?"
_RELWORD = rf"(?:{_phrases(date_words('before_month'))})"
_YEARWORD = rf"(?:{_phrases(date_words('year_phrase'))})"
_MONTH_YEARWORD = rf"(?:{_phrases(date_words('month_year_phrase'))})"
_PART = rf"(?:{_phrases(_PARTS)})"
_OF = rf"(?:(?:{_phrases(date_words('of'))})\s+)"  # van (begin van juli, eind van 2013)
_OF_MONTH = rf"(?:(?:{_phrases([*date_words('of_the_month'), *date_words('of')])})\s+)"
_WEEK_UNITS = date_words("week_unit")
_YEAR_OR_WORDS = (
    rf"(?:(?:(?:{_phrases(date_words('the_year'))})\s+)?(?P<year>{{y}})|(?P<words>" + _YEARWORD + "))"
)

# Each alternative's groups are named ``<alternative>_<field>`` (prefixed below), so the
# alternative that matched and its fields are known.
_FORMS = [
    # 17-02-2022, 17/2/2022
    ("numeric_date", r"(?P<day>" + _DAY + r")[-/.](?P<month>1[0-2]|0?[1-9])[-/.](?P<year>" + _Y4 + ")"),
    # 2022-02-17
    ("iso_date", r"(?P<year>" + _Y4 + r")-(?P<month>1[0-2]|0[1-9])-(?P<day>3[01]|[12]\d|0[1-9])(?!\d)"),
    # 23-24 januari (jl.), 23 op 24 januari, 3 en 4 juli 2017
    (
        "day_range",
        _WD + r"(?P<first>" + _DAY + r")(?:\s*-\s*|\s+(?:" + _phrases(date_words("day_joiner")) + r")\s+)"
        + _WD + r"(?P<last>" + _DAY + r")\s+(?P<month>" + _MON + r")(?:\s+(?P<year>" + _Y4 + "))?"
        + _REL,
    ),
    # (maandag) 21 februari (2022) (a.s.)
    (
        "day_month",
        _WD + r"(?P<day>" + _DAY + r")(?:" + _phrases(date_words("day_suffix")) + r")?\s+(?P<month>" + _MON
        + r")(?:\s+(?P<year>" + _Y4 + "))?" + _REL,
    ),
    # begin oktober (jl.), medio mei 2022, eind december 2022
    (
        "part_of_month",
        r"(?P<part>" + _PART + r")\s*" + _OF_MONTH + "?(?P<month>" + _MON
        + r")(?:\s+(?P<year>" + _Y4 + "))?" + _REL,
    ),
    # eerste/tweede helft van juli, eerste/laatste week van juli
    (
        "week_of_month",
        r"(?P<ordinal>" + _phrases(_WEEK_ORD) + r")\s+(?P<unit>" + _phrases(_WEEK_UNITS) + r")\s+" + _OF + "(?P<month>"
        + _MON + r")(?:\s+(?P<year>" + _Y4 + "))?" + _REL,
    ),
    # begin 2023, eind 2013, begin dit jaar, eind van het jaar
    ("part_of_year", r"(?P<part>" + _PART + r")\s*" + _OF + "?" + _YEAR_OR_WORDS.format(y=_YB)),
    # eerste helft (van) 2023, tweede helft van dit jaar
    (
        "half_year",
        r"(?P<ordinal>" + _phrases(_HALF_ORD) + r")\s+(?:" + _phrases(date_words("half_unit")) + r")\s+" + _OF + "?"
        + _YEAR_OR_WORDS.format(y=_Y4),
    ),
    ("half_code", r"h(?P<number>[12])\s*(?P<year>" + _Y4 + ")"),
    # eerste kwartaal (van) 2023
    (
        "quarter_year",
        r"(?P<ordinal>" + _alt(list(_ORD)) + r")\s+(?:" + _phrases(date_words("quarter_unit")) + r")\s+" + _OF + "?"
        + _YEAR_OR_WORDS.format(y=_Y4),
    ),
    # Q1 2023
    ("quarter_code", r"q(?P<number>[1-4])\s*(?P<year>" + _Y4 + ")"),
    # najaar 2022, in het najaar van 2017, dit najaar, afgelopen zomer, winter 2022/2023
    (
        "season",
        r"(?:(?P<word>" + _phrases(date_words("season_word")) + r")\s+)?"
        r"(?P<season>" + _phrases(_SEASONS) + r")(?![a-z])(?:\s+" + _OF + "?(?P<year>"
        + _Y4 + r")(?:\s*[/-]\s*(?:" + _Y4 + r"|\d\d(?!\d)))?)?",
    ),
    # (afgelopen) juli (2022) (jl.), juli van dit jaar
    (
        "month_year",
        r"(?:(?P<before>" + _RELWORD + r")\s+)?(?P<month>" + _MON + r")(?:\s+" + _OF + "?(?:(?P<year>"
        + _Y4 + r")|(?P<words>" + _MONTH_YEARWORD + r")))?" + _REL,
    ),
    # 2019-2022, 2021/2022, 2019-22
    (
        "year_range",
        r"(?P<first>" + _YB + r")\s*(?:-|/|" + _phrases(date_words("year_joiner")) + r")\s*(?P<last>" + _YB
        + r"|\d\d(?![\d.,]))",
    ),
    # a weekday by itself: (afgelopen) maandag (jl.), zaterdag a.s.
    ("weekday", r"(?:(?P<before>" + _RELWORD + r")\s+)?(?P<day>" + _phrases(date_words("weekday"))
     + r")(?![a-z])(?!\s*,?\s*\d)" + _REL),
    # twee weken geleden, 3 dagen geleden, vier maanden geleden (not after a comparison's "met")
    ("ago", "".join(rf"(?<!\b{re.escape(w)} )" for w in date_words("ago_block"))
     + r"(?P<number>\d{1,2}|" + _phrases(date_words("ago_number")) + r")\s+(?P<unit>"
     + _phrases(date_words("ago_unit")) + r")\s+(?:" + _phrases(date_words("ago")) + r")(?![a-z])"),
    # vandaag, gisteravond, deze week, vorige maand, dit jaar, eerder dit jaar
    ("relative_day", r"(?P<words>" + _phrases(date_words("relative_day")) + r")(?![a-z])"),
    ("earlier_later", r"(?P<words>" + _phrases(date_words("earlier_later")) + r")(?![a-z])"),
    ("relative_year", r"(?P<words>" + _phrases(date_words("relative_year")) + r")(?![a-z])"),
    ("relative_month", r"(?P<words>" + _phrases(date_words("relative_month")) + r")(?![a-z])"),
    ("relative_week", r"(?P<words>" + _phrases(date_words("relative_week")) + r")(?![a-z])"),
    # prinsjesdag (2022)
    ("named_day", r"(?P<words>" + _phrases(_NAMED_DAYS) + r")(?:\s+(?P<year>" + _Y4 + "))?"),
    # bare year
    ("bare_year", r"(?P<year>" + _YB + ")"),
]
_YEAR_KINDS = ("bare_year", "year_range")  # forms that are a number of something else after some words


def _prefix_groups(name: str, body: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda g: f"(?P<{name}_{g.group(1)}>", body)


_PATTERN = re.compile("|".join(f"(?P<{name}>{_prefix_groups(name, body)})" for name, body in _FORMS))


def _first_words(*slots: str) -> list[str]:
    return [phrase.split()[0] for slot in slots for phrase in date_words(slot)]


# the first words an alternative can start with; the scan only tries the pattern after these
_STARTS = (
    list("0123456789") + list(_MONTHS) + list(_SEASONS) + list(_ORD) + list(_HALF_ORD)
    + list(_WEEK_ORD) + list(_PARTS) + "h1 h2 q1 q2 q3 q4".split()
    + _first_words("weekday", "ago_number", "season_word", "before_month", "relative_day", "earlier_later",
                   "relative_year", "relative_month", "relative_week", "named_day")
)
# The white space of ``\s`` spelled out: a class of plain characters and ranges is checked faster
# than one holding the category (a test pins it to ``\s``).
_WHITE_SPACE = "\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def _led_words() -> dict[str, set[str]]:
    """Start words that begin a date only before certain next words (``deze`` before ``week``,
    ``twee`` before ``weken``, ``afgelopen`` before a month): each with the first words that may
    follow it. A word that also begins a date by itself, or in any other way, is not among them."""
    follow: dict[str, set[str]] = {}
    alone: set[str] = set(_first_words("weekday", "named_day"))

    def add(slot: str, after: set[str] | None) -> None:
        for phrase in date_words(slot):
            words = phrase.split()
            if len(words) > 1:
                follow.setdefault(words[0], set()).add(words[1])
            elif after is None:
                alone.add(words[0])
            else:
                follow.setdefault(words[0], set()).update(after)

    add("ago_number", {p.split()[0] for p in date_words("ago_unit")})
    add("season_word", {p.split()[0] for p in _SEASONS})
    add("before_month", set(_MONTHS) | set(_first_words("weekday")))
    for slot in ("relative_day", "earlier_later", "relative_year", "relative_month", "relative_week"):
        add(slot, None)
    alone.update(_MONTHS, _SEASONS, _ORD, _HALF_ORD, _WEEK_ORD, _PARTS)
    return {word: after for word, after in follow.items() if word not in alone}


_LED = _led_words()
# After a trigger character: a start word, or a led word with one of its next words (one trie, so a
# position is rejected as fast as before; the space between the two words is any white space)
_START_AHEAD = trie_pattern(sorted(
    (set(_STARTS) - set(_LED)) | {f"{word} {nxt}" for word, after in _LED.items() for nxt in after}
)).replace("\\ ", r"\s+")
_TRIGGER = re.compile("[" + _WHITE_SPACE + "(\\[«\"'/](?=" + _START_AHEAD + ")")
# a trigger and the date expression after it: the scan only tries the pattern after a trigger
_TRIGGERED = re.compile(_TRIGGER.pattern + "(?:" + _PATTERN.pattern + ")")

_ARTICLE = rf"(?:(?:{_phrases(date_words('article'))})\s+)"  # tot het einde, sinds de
_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:(?P<until>(?:" + _phrases(_UNTIL) + r")\s+" + _ARTICLE + r"?)$"
    r"|(?P<since>(?:" + _phrases(date_words("since")) + r")\s+" + _ARTICLE + r"?)$"
    r"|(?P<range_from>(?:" + _phrases(date_words("range_from")) + r")\s+)$"
    r"|(?P<between>(?:" + _phrases(date_words("range_between")) + r")\s+)$"
    r"|(?P<block>(?:" + _phrases(date_words("block_before_year")) + r")\s*)$)"
)
_AFTER_AMOUNT = re.compile(
    r"\s*(?:[.,]\d|%|"
    + "|".join(re.escape(w) + (r"\b" if v == "whole" else "") for w, v in date_words("unit_after_year").items())
    + ")"
)
_CONNECT = re.compile(
    r"\s*(?:(?P<dash>-)|(?P<joiner>" + _phrases(date_words("range_joiner")) + r")|(?P<en>"
    + _phrases(date_words("range_and")) + r"))\s*$"
)


@dataclass
class _Atom:
    """A date expression before its year is known: resolved into a window later."""

    start: int
    end: int
    kind: str  # the name of the form that matched
    year: int | None = None
    month: int | None = None
    d1: int | None = None
    d2: int | None = None
    rel: str = ""  # 'past', 'next', 'bare' or '' (absolute / handled)
    window: DateWindow | None = None  # already resolved
    relative: bool = False
    spec: tuple = ()  # extra data for part windows


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, _last_day(year, month))


def _rel_of(word: str | None) -> str:
    """``past`` or ``next`` for a word before a month or after a date, else ``""``."""
    if not word:
        return ""
    return _RELATIONS.get(word.strip(), "")


def _resolve_year(month: int, day: int | None, rel: str, ref: dt.date | None) -> int | None:
    """Year of a day-month or month without year: past = latest not after ref, next = after."""
    if ref is None:
        return None
    year = ref.year
    if rel == "next":
        if day is None:
            return year if month >= ref.month else year + 1
        try:
            return year if dt.date(year, month, day) > ref else year + 1
        except ValueError:
            return year + 1
    if rel == "bare":  # no jl./a.s.: the coming one if it is near, else the past one
        return _nearest_year(month, day, ref)
    if day is None:
        return year if month <= ref.month else year - 1
    try:
        return year if dt.date(year, month, day) <= ref else year - 1
    except ValueError:
        return year - 1


# A bare date (no jl./a.s.) up to this many days after the document's date is the coming one
# (``op 12 november`` in a news item of 9 November); further ahead it is the past one (``op 2 april``
# in the same item: last April, not next).
BARE_AHEAD_DAYS = 92


def _nearest_year(month: int, day: int | None, ref: dt.date) -> int:
    """Year of a bare ``day month`` (or ``month``): the coming one where it lies at most
    :data:`BARE_AHEAD_DAYS` after ``ref`` (a month: where it starts within that), else the latest
    one not after ``ref``."""
    for year in (ref.year, ref.year + 1):
        try:
            when = dt.date(year, month, day or 1)
        except ValueError:
            continue
        if when > ref:
            if (when - ref).days <= BARE_AHEAD_DAYS:
                return year
            break
    if day is None:
        return ref.year if month <= ref.month else ref.year - 1
    try:
        return ref.year if dt.date(ref.year, month, day) <= ref else ref.year - 1
    except ValueError:
        return ref.year - 1


def _season_window(name: str, year: int) -> tuple[dt.date, dt.date]:
    """The days of a season in ``year`` (a season whose end month is before its start ends the
    next year)."""
    m1, d1, m2, d2 = _SEASONS[name]
    y2 = year + 1 if m2 < m1 else year
    return dt.date(year, m1, d1), dt.date(y2, m2, d2 or _last_day(y2, m2))


def _year_word(phrase: str, ref: dt.date | None) -> int | None:
    """The year of a year phrase (``dit jaar``, ``vorig jaar``) against ``ref``."""
    if ref is None:
        return None
    return ref.year + int(date_words("year_phrase").get(_key(phrase), "0"))


_PART_YEAR = {
    "start": ((1, 1), (3, 31), "quarter"),
    "middle": ((6, 1), (7, 31), "half"),  # medio 2018: June-July (GOLD-RULES, the seeds' gold)
    "end": ((10, 1), (12, 31), "quarter"),
}
_PART_MONTH = {"start": (1, 10), "middle": (11, 20), "end": (21, 31)}


def _part_year(part: str, year: int) -> DateWindow:
    (m1, d1), (m2, d2), precision = _PART_YEAR[part]
    return DateWindow(dt.date(year, m1, d1), dt.date(year, m2, d2), precision)


def _part_month(part: str, year: int, month: int) -> DateWindow:
    a, b = _PART_MONTH[part]
    b = min(b, _last_day(year, month))
    return DateWindow(dt.date(year, month, a), dt.date(year, month, b), "part_of_month")


def _day_window(year: str, month: str, day: str) -> DateWindow:
    day_ = dt.date(int(year), int(month), int(day))
    return DateWindow(day_, day_, "day")


# --------------------------------------------------------------------------------------------
# one builder per form: a regex match -> an atom, None where the words are not a date after all

_Group = Callable[[str], "str | None"]


def _numeric(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    a.window = _day_window(g("year"), g("month"), g("day"))
    return a


def _month_and_year(a: _Atom, g: _Group) -> None:
    """The month, year and past/next word of a form with a month."""
    a.month = _MONTHS[g("month").rstrip(".")]
    a.year = int(g("year")) if g("year") else None
    a.rel = _rel_of(g("rel")) or ("" if a.year else "bare")


def _day_range(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    _month_and_year(a, g)
    a.d1, a.d2 = int(g("first")), int(g("last"))
    return None if a.d2 < a.d1 or a.d2 > 31 or a.d1 < 1 else a


def _day_month(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    _month_and_year(a, g)
    a.d1 = a.d2 = int(g("day"))
    return None if a.d2 > 31 or a.d1 < 1 else a


def _part_of_month(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    _month_and_year(a, g)
    a.spec = ("part_of_month", _PARTS[g("part")])
    return a


def _week_of_month(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    _month_and_year(a, g)
    a.spec = ("week_of_month", _WEEK_ORD[g("ordinal")], _key(g("unit")))
    return a


def _month_year(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    mon = g("month").rstrip(".")
    a.month = _MONTHS[mon]
    a.year = int(g("year")) if g("year") else None
    if g("words"):
        a.year = None if ref is None else ref.year + int(date_words("month_year_phrase")[_key(g("words"))])
        if a.year is None:
            return None
        a.relative = True
    a.rel = _rel_of(g("before")) or _rel_of(g("rel"))
    if a.year is None and not a.rel:
        if mon not in _FULL_MONTHS:
            return None  # 'jan', 'dec' alone: a name or a word, not a month
        a.rel = "bare"
    return a


def _year_of(a: _Atom, g: _Group, ref: dt.date | None) -> int | None:
    """The year of a part, half or quarter: printed, or a year phrase read against ``ref``."""
    if g("year"):
        return int(g("year"))
    a.relative = True
    return _year_word(g("words"), ref)


def _in_year(window_of: Callable[[_Group, int], DateWindow]) -> Callable[[_Atom, _Group, dt.date | None], _Atom | None]:
    """A builder for a part of a year (a season, a half, a quarter): the year the text gives or
    implies, then ``window_of(groups, year)``."""

    def build(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
        year = _year_of(a, g, ref)
        if year is None:
            return None
        a.window = window_of(g, year)
        return a

    return build


_part_of_year = _in_year(lambda g, year: _part_year(_PARTS[g("part").strip()], year))
_half_year = _in_year(lambda g, year: _half(year, _HALF_ORD[g("ordinal")]))
_quarter_year = _in_year(lambda g, year: _quarter(year, _ORD[g("ordinal")]))


def _half_code(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    a.window = _half(int(g("year")), int(g("number")))
    return a


def _quarter_code(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    a.window = _quarter(int(g("year")), int(g("number")))
    return a


def _season_article(text: str, start: int) -> str:
    """The article (``het``) right before a season that has no other word before it, else ``""``."""
    for article in _SEASON_ARTICLES:
        lead = len(article) + 1
        if start >= lead and text[start - lead : start] == article + " ":
            return article
    return ""


def _season(a: _Atom, g: _Group, ref: dt.date | None, text: str = "") -> _Atom | None:
    season = _key(g("season"))
    if g("year"):
        s, e = _season_window(season, int(g("year")))
    else:
        word = _key(g("word")) if g("word") else _season_article(text, a.start)
        if ref is None or not word:
            return None
        a.relative = True
        s, e = _season_window(season, ref.year)
        shift = _SEASON_WORDS[word]
        if shift < 0 and s > ref:
            s, e = _season_window(season, ref.year - 1)
        elif shift > 0 and e < ref:
            s, e = _season_window(season, ref.year + 1)
    a.window = DateWindow(s, e, "season")
    return a


def _year_range(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    y1 = int(g("first"))
    last = g("last")
    y2 = int(last) if len(last) == 4 else (y1 // 100) * 100 + int(last)
    if y2 <= y1 or y2 - y1 > 60:
        return None
    a.window = DateWindow(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "years")
    return a


def _bare_year(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    y = int(g("year"))
    a.window = DateWindow(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    return a


def _relative_day(a: _Atom, g: _Group, ref: dt.date) -> _Atom | None:
    day = ref + dt.timedelta(days=int(date_words("relative_day")[_key(g("words"))]))
    a.window = DateWindow(day, day, "day")
    return a


_WEEKDAY_LEAD = re.compile(
    r"(?<![a-z])(?P<word>" + _phrases({**date_words("weekday_next"), **date_words("weekday_every")})
    + r")(?:\s+[a-z]+){0,2}\s+$"
)


def _weekday(a: _Atom, g: _Group, ref: dt.date, text: str) -> _Atom | None:
    """A weekday by itself, the one of the reference's week the words point to: the latest on or
    before the reference (a news item's ``zei maandag``), or after a word of the coming one
    (``gaat vrijdag akkoord``, ``om zaterdag te beginnen``, ``komende dinsdag``) the next on or
    after it; ``afgelopen``/``vorige`` and ``komende`` skip the reference's own day. None after a
    word of every such day (``elke vrijdag``)."""
    lead = _WEEKDAY_LEAD.search(text, max(0, a.start - 40), a.start)
    if lead and _key(lead["word"]) in date_words("weekday_every"):
        return None
    rel = _rel_of(g("before")) or _rel_of(g("rel"))
    strict = bool(rel)
    if not rel:
        rel = "next" if lead else "past"
    wd = int(date_words("weekday")[_key(g("day"))])
    if rel == "next":
        day = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or (7 if strict else 0))
    else:
        day = ref - dt.timedelta(days=(ref.weekday() - wd) % 7 or (7 if strict else 0))
    a.window = DateWindow(day, day, "day")
    return a


def _ago(a: _Atom, g: _Group, ref: dt.date) -> _Atom | None:
    """``twee weken geleden``: that long before the reference, as precise as its unit (a day for a
    unit of days, the month for months, the year for years)."""
    word = _key(g("number"))
    n = int(word) if word.isdigit() else int(date_words("ago_number")[word])
    unit = date_words("ago_unit")[_key(g("unit"))]
    if unit.isdigit():  # a number of days
        day = ref - dt.timedelta(days=n * int(unit))
        a.window = DateWindow(day, day, "day")
    elif unit == "month":
        a.window = _shifted_month(ref, -n)
    else:
        a.window = DateWindow(dt.date(ref.year - n, 1, 1), dt.date(ref.year - n, 12, 31), "year")
    return a


def _earlier_later(a: _Atom, g: _Group, ref: dt.date) -> _Atom | None:
    if date_words("earlier_later")[_key(g("words"))] == "before":
        a.window = DateWindow(dt.date(ref.year, 1, 1), ref, "open")
    else:
        a.window = DateWindow(ref, dt.date(ref.year, 12, 31), "open")
    return a


def _relative_year(a: _Atom, g: _Group, ref: dt.date) -> _Atom | None:
    value = date_words("relative_year")[_key(g("words"))]
    if value == "last-twelve-months":
        try:
            back = ref.replace(year=ref.year - 1)
        except ValueError:
            back = ref - dt.timedelta(days=365)
        a.window = DateWindow(back, ref, "year")
    else:
        year = ref.year + int(value)
        a.window = DateWindow(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    return a


def _relative_month(a: _Atom, g: _Group, ref: dt.date) -> _Atom | None:
    a.window = _shifted_month(ref, int(date_words("relative_month")[_key(g("words"))]))
    return a


def _shifted_month(ref: dt.date, shift: int) -> DateWindow:
    """The month ``shift`` months from the reference's (``vorige maand``: -1)."""
    idx = ref.year * 12 + ref.month - 1 + shift
    s, e = _month_window(idx // 12, idx % 12 + 1)
    return DateWindow(s, e, "month")


def _relative_week(a: _Atom, g: _Group, ref: dt.date) -> _Atom | None:
    shift = int(date_words("relative_week")[_key(g("words"))])
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
    a.window = DateWindow(monday, monday + dt.timedelta(days=6), "days")
    return a


def _named_day(a: _Atom, g: _Group, ref: dt.date | None) -> _Atom | None:
    """A day named by a rule (``prinsjesdag``): in the printed year, else the reference's."""
    if g("year"):
        year = int(g("year"))
    elif ref is None:
        return None
    else:
        year = ref.year
        a.relative = True
    month, weekday, nth = _NAMED_DAYS[_key(g("words"))]
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    a.window = DateWindow(day, day, "day")
    return a


_BUILDERS: dict[str, Callable[..., _Atom | None]] = {
    "numeric_date": _numeric,
    "iso_date": _numeric,
    "day_range": _day_range,
    "day_month": _day_month,
    "part_of_month": _part_of_month,
    "week_of_month": _week_of_month,
    "part_of_year": _part_of_year,
    "half_year": _half_year,
    "half_code": _half_code,
    "quarter_year": _quarter_year,
    "quarter_code": _quarter_code,
    "month_year": _month_year,
    "year_range": _year_range,
    "bare_year": _bare_year,
    "named_day": _named_day,
}
# forms that only have a meaning against the reference date (skipped without one)
_RELATIVE_BUILDERS: dict[str, Callable[[_Atom, _Group, dt.date], _Atom | None]] = {
    "relative_day": _relative_day,
    "ago": _ago,
    "earlier_later": _earlier_later,
    "relative_year": _relative_year,
    "relative_month": _relative_month,
    "relative_week": _relative_week,
}


def _atom(m: re.Match, ref: dt.date | None) -> _Atom | None:
    """Turn a regex match into an atom; None where the words are not a date after all."""
    name = m.lastgroup
    start, end = m.span(name)
    a = _Atom(start, end, name)
    prefix = name + "_"

    def g(field: str) -> str | None:
        return m.group(prefix + field)

    try:
        if name == "season":
            return _season(a, g, ref, m.string)
        if name == "weekday":
            if ref is None:
                return None
            a.relative = True
            return _weekday(a, g, ref, m.string)
        if name in _RELATIVE_BUILDERS:
            if ref is None:
                return None
            a.relative = True
            return _RELATIVE_BUILDERS[name](a, g, ref)
        return _BUILDERS[name](a, g, ref)
    except (ValueError, KeyError):
        return None


def _half(year: int, half: int) -> DateWindow:
    if half == 1:
        return DateWindow(dt.date(year, 1, 1), dt.date(year, 6, 30), "half")
    return DateWindow(dt.date(year, 7, 1), dt.date(year, 12, 31), "half")


def _quarter(year: int, q: int) -> DateWindow:
    m1 = 3 * (q - 1) + 1
    return DateWindow(dt.date(year, m1, 1), dt.date(year, m1 + 2, _last_day(year, m1 + 2)),
                      "quarter")


def _week_days(spec: tuple, year: int, month: int) -> tuple[int, int]:
    """The days of ``eerste/tweede/laatste week|helft van <month>``."""
    _, ordinal, unit = spec
    last = _last_day(year, month)
    if _WEEK_UNITS[unit] == "halves":
        return (1, 15) if ordinal == "first" else (16, last)
    return {"first": (1, 7), "second": (8, 14)}.get(ordinal, (last - 6, last))


def _complete(a: _Atom, ref: dt.date | None, year: int | None = None) -> DateWindow | None:
    """The window of an atom, with the year from ``year`` (a range partner) or ``ref``."""
    if a.window is not None:
        return a.window
    if a.month is None:
        return None
    if a.year is None:
        if year is None:
            year = _resolve_year(a.month, a.d2 if a.d2 else None, a.rel, ref)
            if year is None:
                return None
            a.relative = True
        a.year = year
    try:
        if a.spec and a.spec[0] == "part_of_month":
            return _part_month(a.spec[1], a.year, a.month)
        if a.spec:
            d1, d2 = _week_days(a.spec, a.year, a.month)
            return DateWindow(dt.date(a.year, a.month, d1), dt.date(a.year, a.month, d2), "days")
        if a.d1 is not None:
            s = dt.date(a.year, a.month, a.d1)
            e = dt.date(a.year, a.month, a.d2 or a.d1)
            return DateWindow(s, e, "day" if s == e else "days")
        s, e = _month_window(a.year, a.month)
        return DateWindow(s, e, "month")
    except ValueError:
        return None


def _before(folded: str, start: int, memo: dict[int, re.Match | None] | None = None) -> re.Match | None:
    """The until/since/range/block words right before ``folded[start]`` (memoised by position)."""
    if memo is None:
        return _BEFORE.search(folded, max(0, start - 40), start)
    if start in memo:
        return memo[start]
    pre = memo[start] = _BEFORE.search(folded, max(0, start - 40), start)
    return pre


def _blocked(folded: str, a: _Atom, memo: dict[int, re.Match | None] | None = None) -> bool:
    """A bare year that is a number of something else (resolution, Kamerstuk, amount)."""
    pre = _before(folded, a.start, memo)
    if pre and pre.group("block"):
        return True
    return bool(_AFTER_AMOUNT.match(folded, a.end))


def _fits(folded: str, start: int, end: int) -> bool:
    """False where ``folded[start:end]`` is glued to a word or is the tail of ``2021/2022``."""
    if end < len(folded) and folded[end].isalnum() and folded[end - 1].isalnum():
        return False
    return not (start > 1 and folded[start - 1] in "/" and folded[start - 2].isdigit())


# One step of a scan: a match the pattern found and whether it was taken as a date (after a
# date the scan goes on from its last character, after a refusal from its first). Steps refused
# for reasons of the text alone (glued to a word, a blocked year) are not kept: they are refused
# against every ``ref``.
_Step = tuple[re.Match, bool]


class DateScan:
    """The part of :func:`find_dates` that does not depend on ``ref``, done once for a text.

    Folding and the regex scan do not depend on ``ref``; only whether a relative expression is a
    date (none without ``ref``) and its window do. :meth:`dates` replays the steps of an earlier
    scan, checking that ``ref`` takes and refuses the same matches (then the scan would have
    found the same ones), and scans afresh where it does not.
    """

    __slots__ = ("text", "folded", "_traces", "_before")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = _fold(text)
        self._traces: list[list[_Step]] = []
        self._before: dict[int, re.Match | None] = {}

    def dates(self, ref: dt.date | None = None) -> list[DateMatch]:
        """``find_dates(self.text, ref)``."""
        for trace in self._traces:
            atoms = _replay(trace, ref)
            if atoms is not None:
                break
        else:
            atoms, trace = _scan(self.folded, ref, self._before)
            self._traces.append(trace)
        return _assemble(self.text, self.folded, atoms, ref, self._before)


def _scan(folded: str, ref: dt.date | None,
          memo: dict[int, re.Match | None]) -> tuple[list[_Atom], list[_Step]]:
    """The atoms of ``folded`` against ``ref``, and the steps of the scan that found them."""
    atoms: list[_Atom] = []
    trace: list[_Step] = []
    m = _PATTERN.match(folded) if folded[:1].isalnum() else None
    if m is None:
        m = _TRIGGERED.search(folded)
    while m is not None:
        start, end = m.span(m.lastgroup)
        if not _fits(folded, start, end):
            m = _TRIGGERED.search(folded, start)
            continue
        a = _atom(m, ref)
        if a is not None and a.kind in _YEAR_KINDS and _blocked(folded, a, memo):
            m = _TRIGGERED.search(folded, start)
            continue
        trace.append((m, a is not None))
        if a is None:  # not a date after all: a later expression may start inside it
            m = _TRIGGERED.search(folded, start)
        else:  # the next one after it (a trigger character from its last character on)
            atoms.append(a)
            m = _TRIGGERED.search(folded, end - 1)
    return atoms, trace


def _replay(trace: list[_Step], ref: dt.date | None) -> list[_Atom] | None:
    """The atoms of a scan's steps against ``ref``; None where ``ref`` decides a step otherwise."""
    atoms: list[_Atom] = []
    for m, taken in trace:
        a = _atom(m, ref)
        if (a is not None) != taken:
            return None
        if a is not None:
            atoms.append(a)
    return atoms


def find_dates(text: str, ref: dt.date | None = None) -> list[DateMatch]:
    """All date expressions in ``text``, non-overlapping and in text order.

    Relative expressions (``jl.``, ``a.s.``, ``dit jaar``, a month without year) are resolved
    against ``ref`` and skipped where ``ref`` is None. To read one text against several refs,
    scan it once with :class:`DateScan`.
    """
    folded = _fold(text)
    memo: dict[int, re.Match | None] = {}
    return _assemble(text, folded, _scan(folded, ref, memo)[0], ref, memo)


def find_dates_multi(text: str, refs: list[dt.date | None]) -> list[list[DateMatch]]:
    """``[find_dates(text, ref) for ref in refs]``, scanning ``text`` once."""
    scan = DateScan(text)
    return [scan.dates(ref) for ref in refs]


def _assemble(text: str, folded: str, atoms: list[_Atom], ref: dt.date | None,
              memo: dict[int, re.Match | None] | None = None) -> list[DateMatch]:
    """Join atoms into ranges, add the until/since words and resolve the windows."""
    out: list[DateMatch] = []
    i = 0
    n = len(atoms)
    while i < n:
        a = atoms[i]
        pre = _before(folded, a.start, memo)
        if i + 1 < n:
            joined = _range(text, folded, a, atoms[i + 1], pre, ref)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        i += 1
        point = _point(text, a, pre, ref)
        if point is not None:
            out.append(point)
    return out


def _joins(folded: str, a: _Atom, b: _Atom, pre: re.Match | None) -> bool:
    """True where the words between ``a`` and ``b`` make them one range (a dash, ``tot``; ``en``
    after ``tussen`` or between two bare months the last of which has a year or a past/next word)."""
    gap = folded[a.end : b.start]
    con = _CONNECT.match(gap) if len(gap) < 16 else None
    if not con or not (gap.strip() or con.group("dash")):
        return False
    if not con.group("en"):
        return True
    return bool(pre and pre.group("between")) or bool(
        a.kind == b.kind == "month_year" and a.rel == "bare" and (b.year or b.rel)
    )


def _range(text: str, folded: str, a: _Atom, b: _Atom, pre: re.Match | None,
           ref: dt.date | None) -> DateMatch | None:
    """The range of atoms ``a`` and ``b``, or None where they are not one."""
    if not _joins(folded, a, b, pre):
        return None
    wb = _complete(b, ref)
    year = None
    if wb is not None and a.year is None and a.window is None and a.month:
        year = wb.end.year if a.month <= wb.end.month else wb.end.year - 1
    wa = _complete(a, ref, year)
    if wa is None or wb is None or wa.start > wb.end:
        return None
    start = a.start
    if pre and (pre.group("range_from") or pre.group("between") or pre.group("since")):
        start = pre.start()
    yearly = ("year", "years")
    prec = "years" if wa.precision in yearly and wb.precision in yearly else "days"
    window = DateWindow(wa.start, wb.end, prec)
    return DateMatch(start, b.end, text[start : b.end], window, a.relative or b.relative, "range")


def _stressed(text: str, pos: int) -> bool:
    """True where the text writes a stressed ``vóór`` at ``pos``."""
    return any(text[pos : pos + len(word)].lower() == word for word in _STRESSED_BEFORE)


def _point(text: str, a: _Atom, pre: re.Match | None, ref: dt.date | None) -> DateMatch | None:
    """The date of one atom with its until/since words, or None where it has no window."""
    if pre and pre.group("since") and a.rel == "bare" and a.year is None \
            and pre.group("since").split()[0] in _SINCE_PAST:
        a.rel = "past"  # sinds eind maart: a start before the reference, not the coming March
    window = _complete(a, ref)
    if window is None:
        return None
    start, kind = a.start, "point"
    if pre:
        if pre.group("until"):
            word = pre.group("until").split()[0]
            plain_before = word in _BEFORE_WORDS and not _stressed(text, pre.start())
            if not (plain_before and window.precision in ("year", "years")):
                start, kind = pre.start(), "until"
        elif pre.group("since"):
            start, kind = pre.start(), "since"
        elif a.kind == "year_range" and (pre.group("range_from") or pre.group("between")):
            start = pre.start()
    if a.kind == "year_range" and kind == "point":
        kind = "range"
    return DateMatch(start, a.end, text[start : a.end], window, a.relative, kind, a.kind in _COUNTED_FORMS)


_COUNTED_FORMS = frozenset({"weekday", "ago"})


_DATE_LEADS = frozenset(date_words("date_lead"))  # words parse_date accepts around the date


def parse_date(text: str, ref: dt.date | None = None) -> DateWindow | None:
    """The window of ``text`` read as one date expression, or None where it is not one."""
    stripped = text.strip()
    matches = find_dates(stripped, ref)
    if len(matches) != 1:
        return None
    m = matches[0]
    rest = (stripped[: m.start] + stripped[m.end :]).strip(" .,;:()")
    if rest and rest.lower() not in _DATE_LEADS:
        return None
    return m.window
