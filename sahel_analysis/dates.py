"""Dutch date expressions as windows that keep the precision of the text.

``find_dates`` scans a text once with one compiled pattern (on a lower-cased, accent-folded copy of
the text of the same length, so spans stay valid on the original) and returns
:class:`DateMatch` objects whose :class:`DateWindow` is the inclusive window the words allow.
:class:`DateScan` folds and scans a text once and resolves it against several reference dates
(``find_dates_multi``): only the windows of relative expressions depend on the reference.

Conventions (documented choices):

- ``begin`` / ``medio`` / ``eind`` of a month: days 1-10, 11-20, 21-last.
- ``begin`` / ``medio`` / ``eind`` of a year: Jan 1-Mar 31, Apr 1-Sep 30, Oct 1-Dec 31.
- seasons: ``voorjaar``/``lente`` Mar 1-Jun 30, ``zomer`` Jun 1-Aug 31, ``najaar``/``herfst``
  Sep 1-Dec 31, ``winter YYYY`` Dec 1 YYYY - end of Feb YYYY+1.
- relative expressions are resolved against ``ref``: ``jl.``/``afgelopen`` = the latest such date
  not after ``ref``; ``a.s.``/``komend`` = the next one after it; a bare day-month or month = the
  coming one where it is at most three months ahead (``op 12 november`` in a text of 9 November),
  else the latest one not after ``ref`` (``op 2 april`` in that text). Without ``ref`` such
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
from dataclasses import dataclass

from .vocab import trie_pattern

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


def _fold_char(m: re.Match) -> str:
    ch = m.group()
    mapped = _FOLD.get(ord(ch))
    if mapped is not None:
        return mapped
    low = ch.lower()
    return low if len(low) == 1 and low.upper() == ch.upper() else "_"


def _fold(text: str) -> str:
    """Lower-case and accent-fold ``text`` keeping its length (one char for one char)."""
    if not text.isascii():
        text = _NON_ASCII.sub(_fold_char, text)
    folded = text.lower()
    if len(folded) != len(text):  # a character whose lower case is longer: keep it as is
        folded = "".join(c.lower() if len(c.lower()) == 1 else "_" for c in text)
    return folded


# --------------------------------------------------------------------------------------------
# vocabulary of the grammar (language words, not facts)

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_FULL_MONTHS = {
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
}  # fmt: skip
_ORD = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3, "3e": 3,
    "3de": 3, "vierde": 4, "4e": 4, "4de": 4, "laatste": 4,
}  # fmt: skip
_SEASONS = {
    "voorjaar": (3, 1, 6, 30), "lente": (3, 1, 6, 30), "zomer": (6, 1, 8, 31),
    "najaar": (9, 1, 12, 31), "herfst": (9, 1, 12, 31), "winter": (12, 1, 2, 0),
}  # fmt: skip
_PAST = {"afgelopen", "vorige", "vorig", "verleden", "jl", "jl.", "j.l.", "l.l.", "jongstleden"}
_NEXT = {"komende", "komend", "aanstaande", "a.s.", "a.s", "aanst.", "volgende", "volgend"}


def _alt(words: set[str] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MON = rf"(?:{_alt(list(_MONTHS))})(?![a-z])\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_Y4 = r"(?:19|20)\d\d(?!\d)"
_YB = r"(?:199\d|20[0-3]\d)(?![\d])"  # bare-year range
_WD = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?"
_REL = r"(?:\s*(?P<{n}>jl\.|jl(?![a-z])|j\.l\.|l\.l\.|jongstleden|a\.s\.|a\.s(?![a-z])|aanstaande|aanst\.))?"
_RELWORD = r"(?:afgelopen|vorige|komende|aanstaande|volgende)"
_YEARWORD = r"(?:dit|vorig|verleden|volgend|komend|afgelopen|het|hetzelfde)\s+jaar"
_PART = r"(?:begin|medio|midden|half|eind|einde|ultimo|eind-)"

# each alternative gets its own group names (suffix) so the matched alternative is known
_ALTERNATIVES = [
    # 17-02-2022, 17/2/2022
    ("num", r"(?P<num_d>" + _DAY + r")[-/.](?P<num_m>1[0-2]|0?[1-9])[-/.](?P<num_y>" + _Y4 + ")"),
    # 2022-02-17
    ("iso", r"(?P<iso_y>" + _Y4 + r")-(?P<iso_m>1[0-2]|0[1-9])-(?P<iso_d>3[01]|[12]\d|0[1-9])(?!\d)"),
    # 23-24 januari (jl.), 23 op 24 januari, 3 en 4 juli 2017
    (
        "dd",
        _WD + r"(?P<dd_d1>" + _DAY + r")(?:\s*-\s*|\s+(?:op|en|tot(?:\s+en\s+met)?|t/m)\s+)"
        + _WD + r"(?P<dd_d2>" + _DAY + r")\s+(?P<dd_m>" + _MON + r")(?:\s+(?P<dd_y>" + _Y4 + "))?"
        + _REL.format(n="dd_rel"),
    ),
    # (maandag) 21 februari (2022) (a.s.)
    (
        "dm",
        _WD + r"(?P<dm_d>" + _DAY + r")(?:e|ste|de)?\s+(?P<dm_m>" + _MON + r")(?:\s+(?P<dm_y>"
        + _Y4 + "))?" + _REL.format(n="dm_rel"),
    ),
    # begin oktober (jl.), medio mei 2022, eind december 2022
    (
        "pm",
        r"(?P<pm_p>" + _PART + r")\s*(?:van\s+(?:de\s+maand\s+)?)?(?P<pm_m>" + _MON
        + r")(?:\s+(?P<pm_y>" + _Y4 + "))?" + _REL.format(n="pm_rel"),
    ),
    # eerste/tweede helft van juli, eerste/laatste week van juli
    (
        "wm",
        r"(?P<wm_o>eerste|tweede|laatste)\s+(?P<wm_u>helft|week)\s+van\s+(?P<wm_m>"
        + _MON + r")(?:\s+(?P<wm_y>" + _Y4 + "))?" + _REL.format(n="wm_rel"),
    ),
    # begin 2023, eind 2013, begin dit jaar, eind van het jaar
    (
        "py",
        r"(?P<py_p>" + _PART + r")\s*(?:van\s+)?(?:(?:het\s+jaar\s+)?(?P<py_y>" + _YB + r")|(?P<py_w>"
        + _YEARWORD + "))",
    ),
    # eerste helft (van) 2023, tweede helft van dit jaar
    (
        "hy",
        r"(?P<hy_o>eerste|tweede|1e|2e)\s+(?:helft|halfjaar|half\s+jaar)\s+(?:van\s+)?"
        r"(?:(?:het\s+jaar\s+)?(?P<hy_y>" + _Y4 + r")|(?P<hy_w>" + _YEARWORD + "))",
    ),
    ("hs", r"h(?P<hs_n>[12])\s*(?P<hs_y>" + _Y4 + ")"),
    # eerste kwartaal (van) 2023, Q1 2023
    (
        "qy",
        r"(?P<qy_o>" + _alt(list(_ORD)) + r")\s+kwartaal\s+(?:van\s+)?"
        r"(?:(?:het\s+jaar\s+)?(?P<qy_y>" + _Y4 + r")|(?P<qy_w>" + _YEARWORD + "))",
    ),
    ("qs", r"q(?P<qs_n>[1-4])\s*(?P<qs_y>" + _Y4 + ")"),
    # najaar 2022, in het najaar van 2017, dit najaar, afgelopen zomer, winter 2022/2023
    (
        "se",
        r"(?:(?P<se_r>dit|deze|afgelopen|vorig|vorige|komend|komende|volgend|aanstaande)\s+)?"
        r"(?P<se_s>voorjaar|lente|zomer|najaar|herfst|winter)(?![a-z])(?:\s+(?:van\s+)?(?P<se_y>"
        + _Y4 + r")(?:\s*[/-]\s*(?:" + _Y4 + r"|\d\d(?!\d)))?)?",
    ),
    # (afgelopen) juli (2022) (jl.), juli van dit jaar
    (
        "my",
        r"(?:(?P<my_r>" + _RELWORD + r")\s+)?(?P<my_m>" + _MON + r")(?:\s+(?:van\s+)?(?:(?P<my_y>"
        + _Y4 + r")|(?P<my_w>(?:dit|vorig|volgend)\s+jaar)))?" + _REL.format(n="my_rel"),
    ),
    # 2019-2022, 2021/2022, 2019-22
    (
        "yy",
        r"(?P<yy_a>" + _YB + r")\s*(?:-|/|t/m)\s*(?P<yy_b>" + _YB + r"|\d\d(?![\d.,]))",
    ),
    # relative words
    (
        "rd",
        r"(?P<rd_w>vandaag|gisteren|gisteravond|gistermiddag|gisterochtend|gisternacht"
        r"|eergisteren|overmorgen|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht)(?![a-z])",
    ),
    ("ey", r"(?P<ey_w>eerder|later)\s+dit\s+jaar(?![a-z])"),
    (
        "ry",
        r"(?P<ry_w>afgelopen|komende|vorige|dit|vorig|verleden|volgend|komend)"
        r"\s+jaar(?![a-z])",
    ),
    ("rm", r"(?P<rm_w>deze|vorige|volgende|komende|afgelopen)\s+maand(?![a-z])"),
    ("rw", r"(?P<rw_w>deze|vorige|volgende|komende|afgelopen)\s+week(?![a-z])"),
    ("pj", r"prinsjesdag(?:\s+(?P<pj_y>" + _Y4 + "))?"),
    # bare year
    ("yr", r"(?P<yr_y>" + _YB + ")"),
]

_PATTERN = re.compile("|".join(f"(?P<{name}>{body})" for name, body in _ALTERNATIVES))




# the first words an alternative can start with; the scan only tries the pattern after these
_STARTS = (
    list("0123456789") + list(_MONTHS) + list(_SEASONS) + list(_ORD)
    + "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag begin medio midden half eind "
      "ultimo h1 h2 q1 q2 q3 q4 dit deze afgelopen vorig komend volgend aanstaande verleden "
      "vandaag gister eergisteren overmorgen vanochtend vanmorgen vanmiddag vanavond vannacht "
      "eerder later prinsjesdag".split()
)  # fmt: skip
_TRIGGER = re.compile(r"[\s(\[«\"'/](?=" + trie_pattern(sorted(set(_STARTS))) + ")")
# a trigger and the date expression after it: the scan only tries the pattern after a trigger
_TRIGGERED = re.compile(_TRIGGER.pattern + "(?:" + _PATTERN.pattern + ")")

_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:(?P<until>(?:tot\s+en\s+met|t/m|t\.e\.m\.|tot|uiterlijk(?:\s+op|\s+in)?|voor|niet\s+later\s+dan"
    r"|voorafgaand\s+aan|vooraf\s+aan)\s+(?:het\s+|de\s+)?)$"
    r"|(?P<since>(?:sinds|sedert|vanaf|met\s+ingang\s+van|m\.i\.v\.)\s+(?:het\s+|de\s+)?)$"
    r"|(?P<van>(?:van|vanaf)\s+)$"
    r"|(?P<tussen>tussen\s+)$"
    r"|(?P<block>(?:resoluties?|res\.|nr\.?|nrs\.?|nummer|kamerstuk(?:ken)?|artikel|art\.|paragraaf"
    r"|bijlage|pagina|blz\.|p\.|pp\.|§|s/res/|eur|euro|usd|\$|€|ruim|circa|ca\.|ongeveer|zo'n"
    r"|bijna|maximaal|max\.|meer\s+dan|minder\s+dan)\s*)$)"
)
_AFTER_AMOUNT = re.compile(
    r"\s*(?:[.,]\d|%|euro\b|eur\b|miljoen|miljard|mln|mld|personen|militairen|man\b|pax\b|km\b"
    r"|kilometer|doden|slachtoffers|procent|dollar|usd\b|blauwhelmen|manschappen|agenten"
    r"|mensen|vluchtelingen)"
)
_CONNECT = re.compile(r"\s*(?:(?P<dash>-)|(?P<tot>tot\s+en\s+met|tot|t/m|t\.e\.m\.)|(?P<en>en))\s*$")


@dataclass
class _Atom:
    """A date expression before its year is known: resolved into a window later."""

    start: int
    end: int
    kind: str  # alternative name
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
    if not word:
        return ""
    word = word.strip()
    if word in _PAST:
        return "past"
    if word in _NEXT or word.startswith("a.s") or word.startswith("aanst"):
        return "next"
    return ""


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
    m1, d1, m2, d2 = _SEASONS[name]
    if name == "winter":
        return dt.date(year, 12, 1), dt.date(year + 1, 2, _last_day(year + 1, 2))
    return dt.date(year, m1, d1), dt.date(year, m2, d2)


def _year_word(word: str, ref: dt.date | None) -> int | None:
    if ref is None:
        return None
    word = word.split()[0]
    if word in ("vorig", "verleden", "afgelopen"):
        return ref.year - 1
    if word in ("volgend", "komend"):
        return ref.year + 1
    return ref.year  # dit, het, hetzelfde


_PART_YEAR = {
    "begin": ((1, 1), (3, 31)),
    "medio": ((4, 1), (9, 30)),
    "midden": ((4, 1), (9, 30)),
    "half": ((4, 1), (9, 30)),
}
_PART_YEAR_END = ((10, 1), (12, 31))


def _part_year(part: str, year: int) -> DateWindow:
    (m1, d1), (m2, d2) = _PART_YEAR.get(part, _PART_YEAR_END)
    return DateWindow(dt.date(year, m1, d1), dt.date(year, m2, d2), "quarter"
                      if part not in ("medio", "midden", "half") else "half")


def _part_month(part: str, year: int, month: int) -> DateWindow:
    last = _last_day(year, month)
    if part == "begin":
        a, b = 1, 10
    elif part in ("medio", "midden", "half"):
        a, b = 11, 20
    else:
        a, b = 21, last
    return DateWindow(dt.date(year, month, a), dt.date(year, month, b), "part_of_month")


def _atom(m: re.Match, ref: dt.date | None) -> _Atom | None:  # noqa: C901 - one branch per form
    """Turn a regex match into an atom; None where the words are not a date after all."""
    name = m.lastgroup
    g = m.group
    start, end = m.span(name)
    a = _Atom(start, end, name)
    try:
        if name == "num":
            day = dt.date(int(g("num_y")), int(g("num_m")), int(g("num_d")))
            a.window = DateWindow(day, day, "day")
        elif name == "iso":
            day = dt.date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
            a.window = DateWindow(day, day, "day")
        elif name in ("dd", "dm"):
            p = name + "_"
            a.month = _MONTHS[g(p + "m").rstrip(".")]
            if name == "dd":
                a.d1, a.d2 = int(g("dd_d1")), int(g("dd_d2"))
                if a.d2 < a.d1:
                    return None
            else:
                a.d1 = a.d2 = int(g("dm_d"))
            a.year = int(g(p + "y")) if g(p + "y") else None
            a.rel = _rel_of(g(p + "rel")) or ("" if a.year else "bare")
            if a.d2 > 31 or a.d1 < 1:
                return None
        elif name in ("pm", "wm"):
            p = name + "_"
            a.month = _MONTHS[g(p + "m").rstrip(".")]
            a.year = int(g(p + "y")) if g(p + "y") else None
            a.rel = _rel_of(g(p + "rel")) or ("" if a.year else "bare")
            if name == "pm":
                a.spec = ("pm", g("pm_p").rstrip("-"))
            else:
                a.spec = ("wm", g("wm_o"), g("wm_u"))
        elif name == "my":
            mon = g("my_m").rstrip(".")
            a.month = _MONTHS[mon]
            a.year = int(g("my_y")) if g("my_y") else None
            if g("my_w"):
                a.year = _year_word(g("my_w"), ref)
                if a.year is None:
                    return None
                a.relative = True
            a.rel = _rel_of(g("my_r")) or _rel_of(g("my_rel"))
            if a.year is None and not a.rel:
                if mon not in _FULL_MONTHS:
                    return None  # 'jan', 'dec' alone: a name or a word, not a month
                a.rel = "bare"
        elif name in ("py", "hy", "qy"):
            p = name + "_"
            if g(p + "y"):
                year = int(g(p + "y"))
            else:
                year = _year_word(g(p + "w"), ref)
                if year is None:
                    return None
                a.relative = True
            if name == "py":
                a.window = _part_year(g("py_p").rstrip("-"), year)
            elif name == "hy":
                half = _ORD[g("hy_o")]
                a.window = _half(year, half)
            else:
                q = _ORD[g("qy_o")]
                a.window = _quarter(year, q)
        elif name == "hs":
            a.window = _half(int(g("hs_y")), int(g("hs_n")))
        elif name == "qs":
            a.window = _quarter(int(g("qs_y")), int(g("qs_n")))
        elif name == "se":
            season = g("se_s")
            word = g("se_r") or ""
            if not word and m.string[max(0, start - 4) : start] == "het ":
                word = "het"
            if g("se_y"):
                s, e = _season_window(season, int(g("se_y")))
            else:
                if ref is None or not word:
                    return None
                a.relative = True
                s, e = _season_window(season, ref.year)
                if word in ("afgelopen", "vorig", "vorige") and s > ref:
                    s, e = _season_window(season, ref.year - 1)
                elif word in ("komend", "komende", "volgend", "aanstaande") and e < ref:
                    s, e = _season_window(season, ref.year + 1)
            a.window = DateWindow(s, e, "season")
        elif name == "yy":
            y1 = int(g("yy_a"))
            yb = g("yy_b")
            y2 = int(yb) if len(yb) == 4 else (y1 // 100) * 100 + int(yb)
            if y2 <= y1 or y2 - y1 > 60:
                return None
            a.window = DateWindow(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "years")
        elif name == "yr":
            y = int(g("yr_y"))
            a.window = DateWindow(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        else:
            return _relative_atom(a, m, ref)
    except (ValueError, KeyError):
        return None
    return a


def _half(year: int, half: int) -> DateWindow:
    if half == 1:
        return DateWindow(dt.date(year, 1, 1), dt.date(year, 6, 30), "half")
    return DateWindow(dt.date(year, 7, 1), dt.date(year, 12, 31), "half")


def _quarter(year: int, q: int) -> DateWindow:
    m1 = 3 * (q - 1) + 1
    return DateWindow(dt.date(year, m1, 1), dt.date(year, m1 + 2, _last_day(year, m1 + 2)),
                      "quarter")


def _relative_atom(a: _Atom, m: re.Match, ref: dt.date | None) -> _Atom | None:
    """Words that only have a meaning against the reference date (vandaag, dit jaar ...)."""
    if ref is None:
        if a.kind == "pj" and m.group("pj_y"):
            year = int(m.group("pj_y"))
            a.window = _prinsjesdag(year)
            return a
        return None
    a.relative = True
    g = m.group
    if a.kind == "rd":
        word = g("rd_w")
        if word.startswith("eergisteren"):
            day = ref - dt.timedelta(days=2)
        elif word.startswith("gister"):
            day = ref - dt.timedelta(days=1)
        elif word == "overmorgen":
            day = ref + dt.timedelta(days=2)
        else:
            day = ref
        a.window = DateWindow(day, day, "day")
    elif a.kind == "ey":
        if g("ey_w") == "eerder":
            a.window = DateWindow(dt.date(ref.year, 1, 1), ref, "open")
        else:
            a.window = DateWindow(ref, dt.date(ref.year, 12, 31), "open")
    elif a.kind == "ry":
        word = g("ry_w").split()[-1]
        if word == "afgelopen":
            try:
                back = ref.replace(year=ref.year - 1)
            except ValueError:
                back = ref - dt.timedelta(days=365)
            a.window = DateWindow(back, ref, "year")
        else:
            year = ref.year + {"dit": 0, "vorig": -1, "vorige": -1, "verleden": -1}.get(word, 1)
            a.window = DateWindow(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    elif a.kind == "rm":
        word = g("rm_w")
        shift = {"deze": 0, "vorige": -1, "afgelopen": -1}.get(word, 1)
        idx = ref.year * 12 + ref.month - 1 + shift
        s, e = _month_window(idx // 12, idx % 12 + 1)
        a.window = DateWindow(s, e, "month")
    elif a.kind == "rw":
        word = g("rw_w")
        shift = {"deze": 0, "vorige": -1, "afgelopen": -1}.get(word, 1)
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
        a.window = DateWindow(monday, monday + dt.timedelta(days=6), "days")
    elif a.kind == "pj":
        year = int(g("pj_y")) if g("pj_y") else ref.year
        a.relative = not g("pj_y")
        a.window = _prinsjesdag(year)
    else:
        return None
    return a


def _prinsjesdag(year: int) -> DateWindow:
    """The third Tuesday of September."""
    first = dt.date(year, 9, 1)
    day = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 14)
    return DateWindow(day, day, "day")


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
        if a.spec:
            if a.spec[0] == "pm":
                return _part_month(a.spec[1], a.year, a.month)
            last = _last_day(a.year, a.month)
            first_half = a.spec[1] == "eerste"
            if a.spec[2] == "helft":
                d1, d2 = (1, 15) if first_half else (16, last)
                if a.spec[1] == "laatste":
                    d1, d2 = 16, last
            else:
                d1, d2 = {"eerste": (1, 7), "tweede": (8, 14)}.get(a.spec[1], (last - 6, last))
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
        if a is not None and a.kind in ("yr", "yy") and _blocked(folded, a, memo):
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
        b = atoms[i + 1] if i + 1 < n else None
        joined = False
        if b is not None:
            gap = folded[a.end : b.start]
            con = _CONNECT.match(gap) if len(gap) < 16 else None
            if con and (gap.strip() or con.group("dash")):
                ok = True
                if con.group("en"):
                    ok = bool(pre and pre.group("tussen")) or (
                        a.kind == b.kind == "my" and a.rel == "bare" and (b.year or b.rel)
                    )
                if ok:
                    wb = _complete(b, ref)
                    year = None
                    if wb is not None and a.year is None and a.window is None and a.month:
                        year = wb.end.year if a.month <= wb.end.month else wb.end.year - 1
                    wa = _complete(a, ref, year)
                    if wa is not None and wb is not None and wa.start <= wb.end:
                        start = a.start
                        if pre and (pre.group("van") or pre.group("tussen") or pre.group("since")):
                            start = pre.start()
                        prec = "years" if wa.precision == wb.precision == "year" else "days"
                        if wa.precision in ("year", "years") and wb.precision in ("year", "years"):
                            prec = "years"
                        window = DateWindow(wa.start, wb.end, prec)
                        out.append(
                            DateMatch(start, b.end, text[start : b.end], window,
                                      a.relative or b.relative, "range")
                        )
                        i += 2
                        joined = True
        if joined:
            continue
        window = _complete(a, ref)
        i += 1
        if window is None:
            continue
        start, kind = a.start, "point"
        if pre:
            if pre.group("until"):
                word = pre.group("until").split()[0]
                exact_voor = word == "voor" and text[pre.start() : pre.start() + 4].lower() != "vóór"
                if not (exact_voor and window.precision in ("year", "years")):
                    start, kind = pre.start(), "until"
            elif pre.group("since"):
                start, kind = pre.start(), "since"
            elif a.kind == "yy" and (pre.group("van") or pre.group("tussen")):
                start = pre.start()
        if a.kind == "yy" and kind == "point":
            kind = "range"
        out.append(DateMatch(start, a.end, text[start : a.end], window, a.relative, kind))
    return out


def parse_date(text: str, ref: dt.date | None = None) -> DateWindow | None:
    """The window of ``text`` read as one date expression, or None where it is not one."""
    stripped = text.strip()
    matches = find_dates(stripped, ref)
    if len(matches) != 1:
        return None
    m = matches[0]
    rest = (stripped[: m.start] + stripped[m.end :]).strip(" .,;:()")
    if rest and rest.lower() not in ("op", "in", "per", "d.d.", "de", "het"):
        return None
    return m.window
