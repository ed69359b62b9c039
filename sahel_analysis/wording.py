"""Words and formats of a briefing in one language: names, numbers, money, dates, summaries.

Pure functions. Every text a briefing shows a reader goes through here, so a Dutch briefing
says ``€ 590,0 mln``, ``17 februari 2022``, ``sinds maart 2021`` and ``Mali`` where an English one
says ``€ 590.0 mln``, ``17 February 2022``, ``since March 2021`` and ``Mali``; codes (``MLI``,
``BZ``) and the tables' English summaries never reach the page. The words are data:
``vocab/briefing_*.csv`` and ``templates/labels.yaml``.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

from . import vocab

# Amounts above this (euro) are not believable for one statement: shown as unreadable, not drawn.
MAX_EUR = 1e12
MIN_YEAR, MAX_YEAR = 1900, 2100
_SEP = {"nl": (".", ","), "en": (",", ".")}  # thousands, decimal


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------- names


def name(code: object, lang: str) -> str:
    """The display name of a country, organisation or group code (the code if none is known)."""
    if _missing(code):
        return ""
    code = str(code).strip()
    return vocab.display_names(lang).get(code, code)


def names(value: object, lang: str, skip: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Names of a ``;``-separated list of codes, in order, without repeats or ``skip``."""
    if _missing(value):
        return []
    out: list[str] = []
    for code in str(value).split(";"):
        code = code.strip()
        if code and code not in skip and name(code, lang) not in out:
            out.append(name(code, lang))
    return out


def join(items: list[str], lang: str) -> str:
    """``a, b en c`` / ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    word = " en " if lang == "nl" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def component(value: object, lang: str) -> str:
    """A component (unit or role) as a reader's label."""
    if _missing(value):
        return ""
    return vocab.component_labels(lang).get(str(value), str(value))


# ---------------------------------------------------------------- numbers and money


def number(value: float, lang: str, decimals: int = 0) -> str:
    """``350000`` -> ``350.000`` (nl) / ``350,000`` (en)."""
    thousands, point = _SEP.get(lang, _SEP["en"])
    raw = f"{value:,.{decimals}f}"
    return raw.replace(",", "\0").replace(".", point).replace("\0", thousands)


def fmt_int(value: object, lang: str = "en") -> str:
    """A count with the language's thousands separator; NA and non-finite -> ``""``."""
    if _missing(value):
        return ""
    v = float(value)
    return number(v, lang) if math.isfinite(v) else ""


def plausible_eur(value: object) -> bool:
    """True for a finite, non-negative euro amount below :data:`MAX_EUR`."""
    if _missing(value):
        return False
    try:
        v = float(value)
    except (TypeError, ValueError):
        return False
    return math.isfinite(v) and 0 <= v < MAX_EUR


def fmt_eur(value: object, lang: str = "en") -> str:
    """``€ 590,0 mln`` / ``€ 350.000``; NA -> ``""``; an absurd amount -> a word, never ``inf``."""
    if _missing(value):
        return ""
    if not plausible_eur(value):
        return "(onleesbaar bedrag)" if lang == "nl" else "(unreadable amount)"
    v = float(value)
    if v >= 1e9:
        return f"€ {number(v / 1e9, lang, 2)} mld" if lang == "nl" else f"€ {number(v / 1e9, lang, 2)} bn"
    if v >= 1e6:
        return f"€ {number(v / 1e6, lang, 1)} mln"
    return f"€ {number(v, lang)}"


def fmt_amount(value: object, currency: object, lang: str = "en") -> str:
    """An amount in a currency other than euro: ``7.000.000 USD``."""
    if _missing(value):
        return ""
    v = float(value)
    if not math.isfinite(v) or abs(v) >= MAX_EUR:
        return fmt_eur(math.inf, lang)
    return f"{number(v, lang)} {'' if _missing(currency) else currency}".strip()


# ---------------------------------------------------------------- dates


def parse_iso(value: object) -> tuple[dt.date, dt.date] | None:
    """``2022-11-08`` / ``2022-11`` / ``2022`` -> its first and last day; anything else None.

    Years outside 1900-2100 and impossible dates are None, so any value the tables hold is safe.
    """
    if _missing(value):
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(value).strip()[:10])
    if not m:
        return None
    year = int(m.group(1))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            first = dt.date(year, int(m.group(2)), 1)
            return first, _month_end(first)
    except ValueError:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _month_end(day: dt.date) -> dt.date:
    nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def month(n: int, lang: str, abbreviated: bool = False) -> str:
    """The name of month ``n`` (1-12) in ``lang``."""
    return vocab.month_labels(lang, abbreviated)[n - 1]


def fmt_day(day: dt.date, lang: str) -> str:
    """``17 februari 2022`` / ``17 February 2022``."""
    return f"{day.day} {month(day.month, lang)} {day.year}"


def _as_date(value: object) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    got = parse_iso(value)
    return got[0] if got else None


def fmt_window(t0: object, t1: object, lang: str = "en") -> str:
    """A date window in words: a day, a month, a year, ``1–10 oktober 2022`` or ``a – b``."""
    a, b = _as_date(t0), _as_date(t1)
    if a is None:
        a = b
    if a is None:
        return ""
    b = b or a
    if b < a:
        a, b = b, a
    if a == b:
        return fmt_day(a, lang)
    if a.day == 1 and b == _month_end(a):
        return f"{month(a.month, lang)} {a.year}"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"
    if a.day == 1 and b == _month_end(b) and a.year == b.year:
        return f"{month(a.month, lang)}–{month(b.month, lang)} {a.year}"
    if a.day == 1 and b == _month_end(b):
        return f"{month(a.month, lang)} {a.year} – {month(b.month, lang)} {b.year}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {month(a.month, lang)} {a.year}"
    return f"{fmt_day(a, lang)} – {fmt_day(b, lang)}"


def _open_end(text: str, lang: str, since: bool) -> str:
    if since:
        return ("sinds " if lang == "nl" else "since ") + text
    return ("tot " if lang == "nl" else "until ") + text


def _edge(value: object, lang: str, first: bool) -> str:
    """One end of an open period in words.

    A start on the first of a month reads as the month (``sinds maart 2021``: tables store
    ``maart 2021`` as its first day); an end on the last day of a month or year as its end
    (``tot eind december 2022`` / ``until the end of December 2022``); other days as days.
    """
    got = parse_iso(value)
    if got is None:
        return ""
    a, b = got
    if a != b:  # a month or a year as such
        span = f"{month(a.month, lang)} {a.year}" if a.month == b.month else str(a.year)
        return span if first else _end_of(span, lang)
    if first and a.day == 1:
        return str(a.year) if a.month == 1 else f"{month(a.month, lang)} {a.year}"
    if not first and a == _month_end(a):
        return _end_of(f"{month(a.month, lang)} {a.year}", lang)
    return fmt_day(a, lang)


def _end_of(span: str, lang: str) -> str:
    return f"eind {span}" if lang == "nl" else f"the end of {span}"


def fmt_period(start: object, end: object, lang: str = "en") -> str:
    """A fact's period in words; open periods as ``sinds maart 2021`` / ``tot eind december 2022``."""
    lo, hi = parse_iso(start), parse_iso(end)
    if lo and hi:
        return fmt_window(lo[0], hi[1], lang)
    if lo:
        return _open_end(_edge(start, lang, True), lang, since=True)
    if hi:
        return _open_end(_edge(end, lang, False), lang, since=False)
    return ""


def year_range(first: int | None, last: int | None, lang: str) -> str:
    """``2018–2022``, ``vanaf 2018`` / ``from 2018``, ``tot en met 2022`` / ``up to 2022``."""
    if first and last:
        return f"{first}–{last}" if first != last else str(first)
    if first:
        return f"{'vanaf' if lang == 'nl' else 'from'} {first}"
    if last:
        return f"{'tot en met' if lang == 'nl' else 'up to'} {last}"
    return ""


# ---------------------------------------------------------------- event summaries


def event_label(event_type: object, lang: str) -> str:
    """The name of an event type in ``lang``."""
    wording = vocab.event_wording(lang)
    return wording.get(str(event_type), wording["other"])[0]


def event_summary(event_type: object, country: object, actors: object, lang: str) -> str:
    """A one-line summary of an event from its type's template, with names instead of codes."""
    wording = vocab.event_wording(lang)
    template = wording.get(str(event_type), wording["other"])[1]
    places = names(country, lang)
    codes = {c.strip() for c in str(country or "").split(";")} if not _missing(country) else set()
    skip = codes | ({"NLD"} if event_type == "national_mandate" else set())
    others = names(actors, lang, skip=frozenset(skip))
    where = join(places, lang) or ("een onbekend land" if lang == "nl" else "an unknown country")
    with_ = f" {'met' if lang == 'nl' else 'with'} {join(others, lang)}" if others else ""
    of = f" {'van' if lang == 'nl' else 'of'} {join(others, lang)}" if others else ""
    if event_type in ("national_mandate", "un_mandate") and others:
        with_ = f" ({join(others, lang)})"
    text = template.format(country=where, actors=join(others, lang), of=of, **{"with": with_})
    return text[:1].upper() + text[1:]
