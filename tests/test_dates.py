"""Dutch date expressions: windows, precision, kinds and relative resolution.

Each table holds ``(text, reference date, expected)`` examples; its name says where the examples
came from: SEEDS (phrases of the seed documents), BLIND2 (of a blind test set), CONVENTIONS
(made-up examples of the conventions in dates.py's docstring) and BUGS_CAUGHT (made-up examples of
errors found and fixed).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sahel_analysis.dates import find_dates, parse_date
from sahel_analysis.vocab import trie_pattern

NOV = dt.date(2022, 11, 8)
FEB = dt.date(2022, 2, 17)


def D(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


# ---- windows: (text, reference date, (start, end, precision))
WINDOWS_SEEDS = [
    ("begin oktober jl.", NOV, ("2022-10-01", "2022-10-10", "part_of_month")),
    ("medio mei 2022", None, ("2022-05-11", "2022-05-20", "part_of_month")),
    ("eind december 2022", None, ("2022-12-21", "2022-12-31", "part_of_month")),
    ("eind 2013", None, ("2013-10-01", "2013-12-31", "quarter")),
    ("begin 2023", None, ("2023-01-01", "2023-03-31", "quarter")),
    ("medio 2018", None, ("2018-06-01", "2018-07-31", "half")),  # the seeds' gold, GOLD-RULES
    ("halverwege 2015", None, ("2015-06-01", "2015-07-31", "half")),  # realdev-odd pattern
    ("17 februari 2022", None, ("2022-02-17", "2022-02-17", "day")),
    ("maandag 21 februari a.s.", FEB, ("2022-02-21", "2022-02-21", "day")),
    ("16 februari jl.", FEB, ("2022-02-16", "2022-02-16", "day")),
    ("10 nov jl.", dt.date(2022, 11, 16), ("2022-11-10", "2022-11-10", "day")),
    ("22 november a.s.", NOV, ("2022-11-22", "2022-11-22", "day")),
    ("februari 2024", None, ("2024-02-01", "2024-02-29", "month")),
    ("afgelopen juli", NOV, ("2022-07-01", "2022-07-31", "month")),
    ("juni jl.", NOV, ("2022-06-01", "2022-06-30", "month")),
    ("november a.s.", dt.date(2017, 9, 11), ("2017-11-01", "2017-11-30", "month")),
    ("januari jl.", NOV, ("2022-01-01", "2022-01-31", "month")),
    ("eerste helft 2023", None, ("2023-01-01", "2023-06-30", "half")),
    ("het eerste kwartaal van 2023", None, ("2023-01-01", "2023-03-31", "quarter")),
    ("najaar 2022", None, ("2022-09-01", "2022-12-31", "season")),
    ("het najaar van 2017", None, ("2017-09-01", "2017-12-31", "season")),
    ("dit najaar", NOV, ("2022-09-01", "2022-12-31", "season")),
    ("dit jaar", NOV, ("2022-01-01", "2022-12-31", "year")),
    ("vorig jaar", NOV, ("2021-01-01", "2021-12-31", "year")),
    ("komend jaar", dt.date(2017, 9, 11), ("2018-01-01", "2018-12-31", "year")),
    ("gisteravond", FEB, ("2022-02-16", "2022-02-16", "day")),
    ("eerder dit jaar", dt.date(2017, 9, 11), ("2017-01-01", "2017-09-11", "open")),
    ("begin dit jaar", FEB, ("2022-01-01", "2022-03-31", "quarter")),
]
WINDOWS_CONVENTIONS = [
    ("eind februari 2024", None, ("2024-02-21", "2024-02-29", "part_of_month")),
    ("oktober", NOV, ("2022-10-01", "2022-10-31", "month")),
    ("december", NOV, ("2022-12-01", "2022-12-31", "month")),  # bare: the nearest December
    ("de tweede helft van 2023", None, ("2023-07-01", "2023-12-31", "half")),
    ("Q3 2021", None, ("2021-07-01", "2021-09-30", "quarter")),
    ("voorjaar 2023", None, ("2023-03-01", "2023-06-30", "season")),
    ("zomer 2021", None, ("2021-06-01", "2021-08-31", "season")),
    ("2016", None, ("2016-01-01", "2016-12-31", "year")),
    ("vandaag", FEB, ("2022-02-17", "2022-02-17", "day")),
    ("gisteren", FEB, ("2022-02-16", "2022-02-16", "day")),
    ("17-02-2022", None, ("2022-02-17", "2022-02-17", "day")),
    ("2022-02-17", None, ("2022-02-17", "2022-02-17", "day")),
    # words of vocab/date_words.csv, one example per slot not pinned above
    ("vorige week", dt.date(2022, 11, 9), ("2022-10-31", "2022-11-06", "days")),
    ("komende maand", NOV, ("2022-12-01", "2022-12-31", "month")),
    ("afgelopen jaar", NOV, ("2021-11-08", "2022-11-08", "year")),
    ("later dit jaar", NOV, ("2022-11-08", "2022-12-31", "open")),
    ("eergisteren", FEB, ("2022-02-15", "2022-02-15", "day")),
    ("winter 2022", None, ("2022-12-01", "2023-02-28", "season")),
    ("afgelopen zomer", NOV, ("2022-06-01", "2022-08-31", "season")),
    ("komende winter", NOV, ("2022-12-01", "2023-02-28", "season")),
    ("de laatste week van juli 2022", None, ("2022-07-25", "2022-07-31", "days")),
    ("de eerste helft van juli 2022", None, ("2022-07-01", "2022-07-15", "days")),
    ("derde kwartaal van dit jaar", NOV, ("2022-07-01", "2022-09-30", "quarter")),
    ("3 mei j.l.", NOV, ("2022-05-03", "2022-05-03", "day")),
    ("5 maart aanstaande", NOV, ("2023-03-05", "2023-03-05", "day")),
    ("juli van vorig jaar", NOV, ("2021-07-01", "2021-07-31", "month")),
    ("ultimo 2019", None, ("2019-10-01", "2019-12-31", "quarter")),
    ("Prinsjesdag 2022", None, ("2022-09-20", "2022-09-20", "day")),
    ("H2 2020", None, ("2020-07-01", "2020-12-31", "half")),
]
WINDOWS_BUGS_CAUGHT = [
    ("Bégin oktober jl.", NOV, ("2022-10-01", "2022-10-10", "part_of_month")),  # accents folded
    # a bare day-month is the coming one only where it is near (BARE_AHEAD_DAYS), else the past one
    ("op 12 november", dt.date(2021, 11, 9), ("2021-11-12", "2021-11-12", "day")),  # 3 days on
    ("op 28 december", dt.date(2022, 1, 4), ("2021-12-28", "2021-12-28", "day")),  # a week back
    ("in mei", dt.date(2022, 11, 8), ("2022-05-01", "2022-05-31", "month")),  # six months back
    ("in januari", dt.date(2021, 11, 9), ("2022-01-01", "2022-01-31", "month")),  # two months on
    # after sinds/sedert a bare date is a start in the past, however near the coming one is
    ("sinds eind maart", dt.date(2012, 12, 3), ("2012-03-21", "2012-03-31", "part_of_month")),
    ("sinds januari", dt.date(2012, 12, 3), ("2012-01-01", "2012-01-31", "month")),
    ("vanaf 2 februari", dt.date(2012, 12, 3), ("2013-02-02", "2013-02-02", "day")),  # vanaf: the coming one
]
WINDOWS_BLIND2 = [
    ("op 2 april", dt.date(2021, 11, 9), ("2021-04-02", "2021-04-02", "day")),  # not five months on
]
WINDOWS_WEEKDAYS = [  # realdev-even pattern: a weekday by itself, in the reference's week (a Thursday)
    ("afgelopen donderdag", dt.date(2021, 6, 10), ("2021-06-03", "2021-06-03", "day")),
    ("komende donderdag", dt.date(2021, 6, 10), ("2021-06-17", "2021-06-17", "day")),
    ("dinsdag a.s.", dt.date(2021, 6, 10), ("2021-06-15", "2021-06-15", "day")),
    ("maandag jl.", dt.date(2021, 6, 10), ("2021-06-07", "2021-06-07", "day")),
    ("maandag 7 juni", dt.date(2021, 6, 10), ("2021-06-07", "2021-06-07", "day")),  # the day-month form
]


@pytest.mark.parametrize(
    "text, ref, expected",
    WINDOWS_SEEDS + WINDOWS_CONVENTIONS + WINDOWS_BUGS_CAUGHT + WINDOWS_BLIND2 + WINDOWS_WEEKDAYS,
)
def test_windows(text: str, ref: dt.date | None, expected: tuple[str, str, str]) -> None:
    window = parse_date(text, ref)
    assert window is not None, text
    start, end, precision = expected
    assert (window.start, window.end, window.precision) == (D(start), D(end), precision)


# ---- ranges: (text, reference date, (start, end))
RANGES_SEEDS = [
    ("in de nacht van 23-24 januari jl.", NOV, ("2022-01-23", "2022-01-24")),
    ("van 30 september tot 2 oktober jl.", NOV, ("2022-09-30", "2022-10-02")),
    ("2019–2022", NOV, ("2019-01-01", "2022-12-31")),
    ("2014-2019", NOV, ("2014-01-01", "2019-12-31")),
    ("van 2007 tot 2022", NOV, ("2007-01-01", "2022-12-31")),
    ("september en oktober jl.", NOV, ("2022-09-01", "2022-10-31")),
]
RANGES_CONVENTIONS = [
    ("in de nacht van 23 op 24 januari 2022", NOV, ("2022-01-23", "2022-01-24")),
    ("tussen 2014 en 2019", NOV, ("2014-01-01", "2019-12-31")),
    ("van 3 tot en met 5 mei 2022", NOV, ("2022-05-03", "2022-05-05")),
]


@pytest.mark.parametrize("text, ref, expected", RANGES_SEEDS + RANGES_CONVENTIONS)
def test_ranges(text: str, ref: dt.date, expected: tuple[str, str]) -> None:
    found = find_dates(text, ref)
    assert len(found) == 1, found
    start, end = expected
    assert (found[0].window.start, found[0].window.end) == (D(start), D(end))


def test_range_kind_and_span() -> None:
    text = "In het weekend van 30 september tot 2 oktober jl. vond een machtsgreep plaats"
    (m,) = find_dates(text, NOV)
    assert m.kind == "range"
    assert m.text == "van 30 september tot 2 oktober jl."
    assert m.relative


# ---- kinds: (text, reference date, kind)
KINDS_SEEDS = [
    ("te verlengen tot en met 30 juni 2024", NOV, "until"),
    ("tot eind juni 2023", NOV, "until"),
    ("uiterlijk in februari 2024 worden afgerond", NOV, "until"),
    ("verkiezingen voor juli 2024", NOV, "until"),
    ("sinds 2016", NOV, "since"),
    ("vanaf 1 januari 2018", NOV, "since"),
    ("op 17 februari 2022", NOV, "point"),
    ("Voor 2023 heeft Nederland het voornemen", NOV, "point"),
]
KINDS_CONVENTIONS = [
    ("met ingang van 1 januari 2018", NOV, "since"),
    ("vóór 2023 af te ronden", NOV, "until"),  # stressed: an end even before a bare year
    ("niet later dan 1 maart 2023", NOV, "until"),
    ("2019-2022", NOV, "range"),
]


@pytest.mark.parametrize("text, ref, kind", KINDS_SEEDS + KINDS_CONVENTIONS)
def test_kinds(text: str, ref: dt.date, kind: str) -> None:
    (m,) = find_dates(text, ref)
    assert m.kind == kind
    assert text[m.start : m.end] == m.text


def test_until_span_includes_words() -> None:
    (m,) = find_dates("verlengen tot en met 30 juni 2024.")
    assert m.text == "tot en met 30 juni 2024"
    assert m.window.start == m.window.end == dt.date(2024, 6, 30)


# ---- not dates: (text, reference date, no match)
NOT_DATES_SEEDS = [
    ("VN-resolutie 2364", NOV, []),
    ("resolutie 2295", NOV, []),
    ("Kamerstuk 29 521, nr. 446", NOV, []),
    ("Min-BuZa.2022.695", NOV, []),
]
NOT_DATES_CONVENTIONS = [
    ("Kamerstukken 29 521, nr. 2021", NOV, []),
    ("2022 personen", NOV, []),
    ("ruim 2000 militairen", NOV, []),
    ("13.289 blauwhelmen", NOV, []),
    ("Jan Pronk", NOV, []),
    ("in dec", NOV, []),
    ("3,5 miljoen euro", NOV, []),
    ("1850", NOV, []),
    ("2030 miljoenen", NOV, []),  # a unit the year is glued to as a prefix
    ("artikel 2019", NOV, []),
    ("elke vrijdag", NOV, []),  # every such day: no date
    ("iedere maandag", NOV, []),
]


@pytest.mark.parametrize("text, ref, expected", NOT_DATES_SEEDS + NOT_DATES_CONVENTIONS)
def test_not_dates(text: str, ref: dt.date, expected: list) -> None:
    assert find_dates(text, ref) == expected


# (text, reference date (a Thursday), the window of its one date): a weekday by itself is the
# latest such day, the day itself included; after a word of the future the coming one
WEEKDAYS_IN_TEXT = [
    ("zei de minister maandag", "2021-06-07"),
    ("zei de minister donderdag", "2021-06-10"),
    ("het kabinet gaat vrijdag akkoord", "2021-06-11"),
    ("gevraagd om zaterdag te beginnen", "2021-06-12"),
    ("de Raad zal hierover woensdag spreken", "2021-06-16"),
]


@pytest.mark.parametrize("text, day", WEEKDAYS_IN_TEXT)
def test_weekday_by_itself(text: str, day: str) -> None:
    found = find_dates(text, dt.date(2021, 6, 10))
    assert [(m.window.start, m.window.end, m.window.precision) for m in found] == [(D(day), D(day), "day")]
    assert found[0].relative and find_dates(text) == []


# realdev-even pattern: a span of time back from the reference (a Thursday), as precise as its unit
AGO = [
    ("de regering had twee weken geleden om hulp gevraagd", ("2021-05-27", "2021-05-27", "day")),
    ("3 dagen geleden", ("2021-06-07", "2021-06-07", "day")),
    ("vier maanden geleden", ("2021-02-01", "2021-02-28", "month")),
    ("twee jaar geleden", ("2019-01-01", "2019-12-31", "year")),
]


@pytest.mark.parametrize("text, expected", AGO)
def test_ago(text: str, expected: tuple[str, str, str]) -> None:
    (m,) = find_dates(text, dt.date(2021, 6, 10))
    start, end, precision = expected
    assert (m.window.start, m.window.end, m.window.precision, m.relative) == (D(start), D(end), precision, True)


@pytest.mark.parametrize("text", ["het verschil met twee weken geleden is groot", "twee weken later", "twee weken"])
def test_no_ago(text: str) -> None:
    assert find_dates(text, dt.date(2021, 6, 10)) == []


def test_relative_skipped_without_ref() -> None:
    assert find_dates("op 29 juni jl. en dit jaar en vandaag en in oktober") == []
    found = find_dates("op 29 juni jl. en op 17 februari 2022")
    assert [m.text for m in found] == ["17 februari 2022"]


def test_relative_flag() -> None:
    found = find_dates("op 29 juni jl. en op 17 februari 2022", NOV)
    assert [(m.text, m.relative) for m in found] == [
        ("29 juni jl.", True),
        ("17 februari 2022", False),
    ]
    assert found[0].window.start == dt.date(2022, 6, 29)


def test_several_in_order_and_spans_on_original() -> None:
    text = (
        "De VN-Veiligheidsraad heeft het mandaat van MINUSMA op 29 juni 2022 verlengd tot eind "
        "juni 2023. Ook Duitsland stopt in mei 2024; «Bégin oktober jl.» vond een coup plaats."
    )
    found = find_dates(text, NOV)
    assert [m.text for m in found] == [
        "29 juni 2022",
        "tot eind juni 2023",
        "mei 2024",
        "Bégin oktober jl.",
    ]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[1].kind == "until"
    assert found[1].window.start == dt.date(2023, 6, 21)


def test_citation_dates_found_by_finder() -> None:
    # the finder finds citation dates too; excluding them is the job of the event rules
    text = "(Kamerstuk 29 521, nr. 426, 15 oktober 2021 en Kamerstuk 29 521, nr. 405, d.d. 27 maart 2020)"
    found = find_dates(text)
    assert [m.text for m in found] == ["15 oktober 2021", "27 maart 2020"]


def test_parse_date_rejects_other_text() -> None:
    assert parse_date("de Kamer is geïnformeerd") is None
    assert parse_date("17 februari 2022 en 18 februari 2022") is None
    assert parse_date("") is None


# ---- one scan (trigger and expression together) finds what trying each trigger found
import itertools  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sahel_analysis import dates as _d  # noqa: E402

_WORDS = ["2022", "2019-2022", "2021/2022", "15", "maart", "jan", "jl.", "a.s.", "tot", "en", "van",
          "begin", "eind", "medio", "dit", "jaar", "deze", "week", "resolutie", "nr.", "euro",
          "vandaag", "najaar", "Q1", "maandag", "vrijdag", "gaat", "elke", "afgelopen", "twee", "weken",
          "geleden", "17-02-2022", "(",
          "/", "«", "\n", " ", "-", "a"]


def _accept(folded: str, m, start: int, end: int, ref: dt.date | None):  # noqa: ANN001
    """The old per-trigger check: the atom of ``m``, None where it is not a date after all."""
    if not _d._fits(folded, start, end):
        return None
    a = _d._atom(m, ref)
    if a is not None and a.kind in _d._YEAR_KINDS and _d._blocked(folded, a):
        return None
    return a


def _triggered_one_by_one(text: str, ref: dt.date | None) -> list:
    """find_dates as it was: the pattern tried after each trigger in turn."""
    folded = _d._fold(text)
    atoms, last = [], 0
    first = [0] if folded[:1].isalnum() else []
    for pos in itertools.chain(first, (t.end() for t in _d._TRIGGER.finditer(folded))):
        if pos < last:
            continue
        m = _d._PATTERN.match(folded, pos)
        a = None if m is None else _accept(folded, m, pos, m.end(), ref)
        if a is not None:
            atoms.append(a)
            last = m.end()
    return _d._assemble(text, folded, atoms, ref)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join),
       st.one_of(st.none(), st.just(dt.date(2022, 11, 15))))
def test_one_scan_finds_what_each_trigger_found(text: str, ref: dt.date | None) -> None:
    assert find_dates(text, ref) == _triggered_one_by_one(text, ref)


# ---- one scan read against several reference dates
_REFS = [None, dt.date(2022, 11, 15), dt.date(2013, 1, 1), dt.date(2020, 2, 29), dt.date(2019, 12, 31)]


def test_find_dates_multi_reads_each_ref_as_find_dates() -> None:
    text = ("Gisteren, vorig jaar en in het najaar van 2017, tot en met 3 maart jl. en sinds "
            "eind december; begin dit jaar en tussen juli en augustus 2022 (resolutie 2100).")
    got = _d.find_dates_multi(text, _REFS)
    assert got == [find_dates(text, ref) for ref in _REFS]
    assert got[0] != got[1]  # the relative words are skipped without a ref and read with one
    assert [m.text for m in got[1]][:2] == ["Gisteren", "vorig jaar"]
    assert got[1][0].window.start == dt.date(2022, 11, 14)
    assert got[2][0].window.start == dt.date(2012, 12, 31)


def test_date_scan_scans_again_where_a_ref_takes_other_matches() -> None:
    scan = _d.DateScan("Dit najaar en vorige maand, en komende week.")
    without = scan.dates(None)
    assert without == []
    with_ref = scan.dates(dt.date(2022, 11, 15))
    assert [m.text for m in with_ref] == ["Dit najaar", "vorige maand", "komende week"]
    assert with_ref == find_dates(scan.text, dt.date(2022, 11, 15))
    assert scan.dates(None) == without  # each earlier reading stays available


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_WORDS + ["vorig", "afgelopen", "gisteren", "winter", "week"]),
                max_size=25).map(" ".join),
       st.lists(st.sampled_from(_REFS), min_size=1, max_size=4))
def test_date_scan_equals_find_dates_for_any_refs(text: str, refs: list) -> None:
    scan = _d.DateScan(text)
    assert [scan.dates(ref) for ref in refs] == [find_dates(text, ref) for ref in refs]


def test_a_led_start_word_triggers_the_scan_only_where_a_date_can_follow(monkeypatch):
    """Words that begin a date only before certain next words (``deze week``, ``twee weken
    geleden``, ``afgelopen juni``) trigger the scan only there, and it finds what a trigger at
    every start word finds."""
    assert {"deze", "dit", "twee", "afgelopen"} <= set(_d._LED)
    assert not {"maandag", "vandaag", "juni", "begin", "eerste"} & set(_d._LED)
    nexts = sorted({w for after in _d._LED.values() for w in after} | {"de", "2022", "geleden", "en"})
    texts = [f"Zij zei {led} {nxt} {tail}." for led in sorted(_d._LED) for nxt in nexts
             for tail in ("geleden", "dit jaar", "2023", "al")]
    ours = [_d.find_dates(t, dt.date(2022, 6, 15)) for t in texts]
    every = re.compile(r"[\s(\[«\"'/](?=" + trie_pattern(sorted(set(_d._STARTS))) + ")")
    monkeypatch.setattr(_d, "_TRIGGERED", re.compile(every.pattern + "(?:" + _d._PATTERN.pattern + ")"))
    assert ours == [_d.find_dates(t, dt.date(2022, 6, 15)) for t in texts]
    assert any(ours)
