"""Contribution periods and kinds taken from the sentence's context (lead-in, paragraph,
heading, title) and from decisions (``verlengen tot en met <date>``). Texts written for the tests."""

import datetime as dt

from sahel_analysis.facts.contributions import (
    duration_months,
    extract,
    minus_months,
    text_period,
)

from .docs import text_doc


def _doc(text, date="2025-03-10", title=""):
    return text_doc(text, date, title)


def _rows(text, **kw):
    return [(r["mission"], r["personnel"], r["qualifier"], r["period_start"], r["period_end"], r["kind"])
            for r in extract(_doc(text, **kw))]


# ------------------------------------------------------------------------------ pure helpers
def test_duration_months():
    assert duration_months("verlenging met 24 maanden tot en met 31 maart 2027") == 24
    assert duration_months("voor de periode van negen maanden") == 9
    assert duration_months("verlengd met een jaar") == 12
    assert duration_months("met twee jaar") == 24
    assert duration_months("met veel maanden") is None
    assert duration_months("tot en met 31 maart 2027") is None


def test_minus_months_clips_to_month_end():
    assert minus_months(dt.date(2027, 4, 1), 24) == dt.date(2025, 4, 1)
    assert minus_months(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert minus_months(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


def test_text_period_forms():
    ref = dt.date(2025, 3, 10)
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert text_period("De bijdrage aan de missie bestaat in 2026 uit:", ref) == year
    assert text_period("Verlenging van de mandaten met 6 maanden (tot en met 30 september 2025):", ref) == (
        dt.date(2025, 4, 1), dt.date(2025, 9, 30))
    # a decision without a duration starts at the fallback (day after the current mandate)
    assert text_period("Het kabinet besluit het mandaat te verlengen tot en met 30 juni 2026.", ref,
                       dt.date(2025, 7, 1)) == (dt.date(2025, 7, 1), dt.date(2026, 6, 30))


def test_text_period_none_where_no_period():
    ref = dt.date(2025, 3, 10)
    assert text_period("Veiligheidsinzet in de regio na 2024", ref) is None  # "na": no period
    assert text_period("Op 3 februari jl. besloot het kabinet het volgende:", ref) is None  # a day
    assert text_period("De eenheid blijft tot 1 mei 2025 in het gebied:", ref) is None  # not a decision
    assert text_period("Sinds 2023 bestaat de bijdrage uit:", ref) is None


# ------------------------------------------------------------------------------ extract
def test_list_items_inherit_year_and_planned_from_lead_in():
    text = ("Brief over de missie.\n"
            "De Nederlandse bijdrage aan EUTM Mali bestaat in 2026 uit de volgende onderdelen:\n"
            "– een trainingsteam bestaande uit ongeveer 30 militairen;\n"
            "– vier stafofficieren;\n"
            "– maximaal 5 politiefunctionarissen.")
    assert _rows(text) == [
        ("EUTM Mali", 30, "approx", "2026-01-01", "2026-12-31", "planned"),
        ("EUTM Mali", 4, "exact", "2026-01-01", "2026-12-31", "planned"),
        ("EUTM Mali", 5, "max", "2026-01-01", "2026-12-31", "mandate"),
    ]


def test_memo_mandate_list_takes_decision_period_and_kind():
    text = ("Kernpunten\n"
            "- Verlenging nationale mandaten voor de missies met 12 maanden (tot en met 31 maart 2026). Het betreft:\n"
            "- NL-bijdrage aan EU-missies:\n"
            "- EUTM Mali: 7 pax\n"
            "- MINUSMA: 9 pax")
    assert _rows(text) == [
        ("EUTM Mali", 7, "max", "2025-04-01", "2026-03-31", "mandate"),
        ("MINUSMA", 9, "max", "2025-04-01", "2026-03-31", "mandate"),
    ]


def test_extension_starts_after_the_current_mandate_expires():
    text = ("De nationale mandaten voor de bijdragen aan de missies lopen eind april 2025 af.\n"
            "Het kabinet heeft besloten het mandaat van maximaal 11 personen voor EUTM Mali te verlengen "
            "tot en met 30 april 2026.")
    assert _rows(text) == [("EUTM Mali", 11, "max", "2025-05-01", "2026-04-30", "mandate")]


def test_extension_with_duration_and_without_anything_falls_back_to_document_date():
    with_duration = ("Het kabinet verlengt het mandaat voor EUTM Mali (8 personen) voor de periode van "
                     "zes maanden tot en met 31 december 2025.")
    assert _rows(with_duration) == [("EUTM Mali", 8, "max", "2025-07-01", "2025-12-31", "mandate")]
    bare = "Het kabinet verlengt het mandaat voor EUTM Mali (8 personen) tot en met 31 december 2025."
    assert _rows(bare) == [("EUTM Mali", 8, "max", "2025-03-10", "2025-12-31", "mandate")]


def test_until_without_decision_keeps_open_start():
    text = "Nederland heeft tot eind mei 2025 een mandaat voor drie personen in EUTM Mali."
    assert _rows(text) == [("EUTM Mali", 3, "max", None, "2025-05-31", "mandate")]


def test_ceiling_takes_un_mandate_period_from_its_paragraph():
    text = ("De Veiligheidsraad stemde in met verlenging van het mandaat van MINUSMA met een jaar tot "
            "30 juni 2026. Het troepenplafond van 11.500 militairen blijft ongewijzigd.")
    assert _rows(text) == [("MINUSMA", 11500, "max", "2025-07-01", "2026-06-30", "mandate")]


def test_figure_without_mandate_cue_does_not_take_paragraph_period():
    text = ("Het kabinet besluit het mandaat van maximaal 12 personen voor MINUSMA te verlengen tot en met "
            "30 juni 2026. De huidige Nederlandse bijdrage bestaat uit vier stafofficieren.")
    rows = _rows(text)
    assert rows[0][3:5] == ("2025-03-10", "2026-06-30")
    assert rows[1] == ("MINUSMA", 4, "exact", None, None, "actual")


def test_heading_period_and_present_figures():
    text = ("Inleiding\n"
            "Militaire bijdrage aan MINUSMA in 2026\n"
            "De eenheid telt ongeveer 80 militairen. "
            "De Belgische bijdrage aan MINUSMA telt inmiddels ongeveer 300 militairen.")
    rows = _rows(text)
    assert rows[0] == ("MINUSMA", 80, "approx", "2026-01-01", "2026-12-31", "planned")
    assert rows[1] == ("MINUSMA", 300, "approx", None, None, "actual")


def test_title_year_gives_period_but_not_na_year():
    text = "Nederland levert 14 militairen aan EUTM Mali."
    assert _rows(text, title="Nederlandse inzet in missies in 2026")[0][3:] == (
        "2026-01-01", "2026-12-31", "planned")
    assert _rows(text, title="Nederlandse inzet in de Sahel na 2024")[0][3:] == (None, None, "actual")


def test_no_context_no_period():
    text = ("De bijdrage aan MINUSMA bestaat uit:\n"
            "- ongeveer 40 militairen;\n"
            "- twee stafofficieren.")
    assert [r[3:] for r in _rows(text)] == [(None, None, "actual"), (None, None, "actual")]


def test_since_does_not_date_a_whole_mission_strength():
    text = "Hij voert sinds begin dit jaar het bevel over de troepenmacht van ruim 9.000 blauwhelmen van MINUSMA."
    (row,) = extract(_doc(text))
    assert (row["contributor"], row["period_start"], row["period_end"]) == ("ALL", None, None)
    own = extract(_doc("Sinds maart 2024 zijn drie Nederlandse militairen actief in EUTM Mali."))
    assert (own[0]["period_start"], own[0]["period_end"]) == ("2024-03-01", None)


def test_same_figure_once_with_its_period():
    text = ("Kernpunten\n"
            "- Verlenging mandaten met 12 maanden (tot en met 31 maart 2026). Het betreft:\n"
            "- EUTM Mali: 7 pax\n"
            "Toelichting\n"
            "- Huidig mandaat EUTM Mali: 7 pax.")
    assert _rows(text) == [("EUTM Mali", 7, "max", "2025-04-01", "2026-03-31", "mandate")]


def test_ranges_count_only_when_framed():
    ref = dt.date(2025, 3, 10)
    assert text_period("Inzet in de periode 2025-2027:", ref) == (dt.date(2025, 1, 1), dt.date(2027, 12, 31))
    assert text_period("Bijdrage van 1 april 2025 tot en met 31 maart 2026:", ref) == (
        dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert text_period("Samenhangende inzet in missies en operaties 2025–2028", ref) is None


def test_lead_in_chain_stops_above_a_plain_lead_in():
    text = ("De bijdrage aan EUTM Mali bestaat in 2026 uit:\n"
            "- 20 militairen;\n"
            "De bijdrage aan MINUSMA bestaat uit:\n"
            "- 6 stafofficieren.")
    assert [r[3:5] for r in _rows(text)] == [("2026-01-01", "2026-12-31"), (None, None)]
