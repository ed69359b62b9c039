"""The period of a figure: its own clause, a decision (``verlengen tot en met <date>``, a duration),
its lead-ins, paragraph, heading or title; current mandates; decided ranges; and the pure helpers."""

import datetime as dt

import pytest

from sahel_analysis.facts.contribution_period import duration_months, minus_months, text_period

from .cases import FIELDS, ex, rows

ALL6 = ("mission", "personnel", "qualifier", "period_start", "period_end", "kind")
NSE = ("personnel", "period_start", "period_end")
D = "2025-03-10"

SEEDS = [
    ex("In 2019 leverde Nederland 250 militairen aan MINUSMA.", "2022-11-15", [("2019-01-01", "2019-12-31")],
       ("period_start", "period_end")),
    ex("Brief over de missie.\nDe Nederlandse bijdrage aan EUTM Mali bestaat in 2026 uit de volgende onderdelen:\n"
       "– een trainingsteam bestaande uit ongeveer 30 militairen;\n– vier stafofficieren;\n"
       "– maximaal 5 politiefunctionarissen.", D,
       [("EUTM Mali", 30, "approx", "2026-01-01", "2026-12-31", "planned"),
        ("EUTM Mali", 4, "exact", "2026-01-01", "2026-12-31", "planned"),
        ("EUTM Mali", 5, "max", "2026-01-01", "2026-12-31", "mandate")], ALL6),
    ex("Kernpunten\n- Verlenging nationale mandaten voor de missies met 12 maanden (tot en met 31 maart 2026). "
       "Het betreft:\n- NL-bijdrage aan EU-missies:\n- EUTM Mali: 7 pax\n- MINUSMA: 9 pax", D,
       [("EUTM Mali", 7, "max", "2025-04-01", "2026-03-31", "mandate"),
        ("MINUSMA", 9, "max", "2025-04-01", "2026-03-31", "mandate")], ALL6),
    ex("De nationale mandaten voor de bijdragen aan de missies lopen eind april 2025 af.\n"
       "Het kabinet heeft besloten het mandaat van maximaal 11 personen voor EUTM Mali te verlengen "
       "tot en met 30 april 2026.", D, [("EUTM Mali", 11, "max", "2025-05-01", "2026-04-30", "mandate")], ALL6),
    ex("Het kabinet verlengt het mandaat voor EUTM Mali (8 personen) voor de periode van "
       "zes maanden tot en met 31 december 2025.", D,
       [("EUTM Mali", 8, "max", "2025-07-01", "2025-12-31", "mandate")], ALL6),
    ex("Het kabinet verlengt het mandaat voor EUTM Mali (8 personen) tot en met 31 december 2025.", D,
       [("EUTM Mali", 8, "max", "2025-03-10", "2025-12-31", "mandate")], ALL6),
    ex("De Veiligheidsraad stemde in met verlenging van het mandaat van MINUSMA met een jaar tot "
       "30 juni 2026. Het troepenplafond van 11.500 militairen blijft ongewijzigd.", D,
       [("MINUSMA", 11500, "max", "2025-07-01", "2026-06-30", "mandate")], ALL6),
    ex("Het kabinet besluit het mandaat van maximaal 12 personen voor MINUSMA te verlengen tot en met "
       "30 juni 2026. De huidige Nederlandse bijdrage bestaat uit vier stafofficieren.", D,
       [("MINUSMA", 12, "max", "2025-03-10", "2026-06-30", "mandate"),
        ("MINUSMA", 4, "exact", None, None, "actual")], ALL6),
    ex("De bijdrage aan MINUSMA bestaat uit:\n- ongeveer 40 militairen;\n- twee stafofficieren.", D,
       [(None, None, "actual"), (None, None, "actual")], ("period_start", "period_end", "kind")),
    ex("Sinds maart 2024 zijn drie Nederlandse militairen actief in EUTM Mali.", D, [("2024-03-01", None)],
       ("period_start", "period_end")),
    ex("Kernpunten\n- Verlenging mandaten met 12 maanden (tot en met 31 maart 2026). Het betreft:\n"
       "- EUTM Mali: 7 pax\nToelichting\n- Huidig mandaat EUTM Mali: 7 pax.", D,
       [("EUTM Mali", 7, "max", "2025-04-01", "2026-03-31", "mandate")], ALL6),
    ex("De bijdrage aan EUTM Mali bestaat in 2026 uit:\n- 20 militairen;\nDe bijdrage aan MINUSMA bestaat uit:\n"
       "- 6 stafofficieren.", D, [("2026-01-01", "2026-12-31"), (None, None)], ("period_start", "period_end")),
]
BLIND1 = [
    ex("Het kabinet heeft besloten de bijdrage aan MINUSMA te verlengen tot en met 30 juni 2027. "
       "De bijdrage bestaat in 2027 en 2028 uit de volgende onderdelen:\n– ongeveer 25 militairen bij de "
       "ISR-taakgroep.", "2026-06-15", [(25, "2027-01-01", "2028-12-31")], NSE),
    ex("Het kabinet heeft besloten het nationale mandaat voor EUTM Mali met twaalf maanden te verlengen, "
       "tot en met 31 december 2027. Het betreft maximaal negen militairen aan EUTM Mali.", "2026-06-15",
       [(9, "max", "2027-01-01", "2027-12-31", "mandate")],
       ("personnel", "qualifier", "period_start", "period_end", "kind")),
    ex("Aanleiding\n- De nationale mandaten voor EUCAP Sahel Niger lopen op 31 december a.s. af.\n"
       "Kernpunten\n- EUCAP Sahel Niger:\n  - Huidig mandaat: 8 pax.\n  - Feitelijke bezetting: 6 pax.",
       "2026-10-01", [(8, None, "2026-12-31", "mandate"), (6, None, None, "actual")],
       ("personnel", "period_start", "period_end", "kind")),
    ex("Kernpunten\n- EUCAP Sahel Mali:\n  - Advies: mandaat per 1 januari 2027 verlagen naar 6 pax.\n"
       "  - Advies: handhaven op 4 pax.", "2026-10-01",
       [(6, "2027-01-01", "2027-12-31"), (4, "2027-01-01", "2027-12-31")], NSE,
       title="Verlenging nationale mandaten EUCAP Sahel Mali 2027"),
    ex("- EUCAP Sahel Mali:\n  - Advies: handhaven op 4 pax.", "2026-06-15", [(4, None)], ("personnel", "period_start"),
       title="Nationale mandaten EUCAP Sahel Mali 2027"),
]
BLIND4 = [
    ex("Het kabinet heeft besloten om van 1 juni 2027 tot en met 30 juni 2028 een bijdrage te leveren "
       "aan EUMPM Niger.\nOverige zaken\nDe Nederlandse bijdrage aan EUMPM Niger bestaat uit vier "
       "stafofficieren en een medisch team van vijf personen.", "2027-04-20",
       [(4, "2027-06-01", "2028-06-30"), (5, "2027-06-01", "2028-06-30")], NSE),
    ex("Het kabinet heeft besloten om van 1 juni 2027 tot en met 30 juni 2028 een bijdrage te leveren "
       "aan EUMPM Niger.\nOverige zaken\nDe Nederlandse bijdrage aan EUCAP Sahel Niger bestaat uit vier "
       "politiefunctionarissen.", "2027-04-20", [(4, None, None)], NSE),
]

COUNTED_DAYS = [  # a weekday by itself or 'twee weken geleden' dates a happening, not a figure's period
    ex("Zes Nederlandse militairen van EUTM Mali zijn dinsdag geland op vliegbasis Eindhoven.", "2026-06-18",
       [(6, None, None)], NSE),
    ex("De regering vroeg twee weken geleden de 9.000 militairen van MINUSMA te vertrekken.", "2026-06-18",
       [(9000, None, None)], NSE),
    ex("Zes Nederlandse militairen van EUTM Mali zijn op 16 juni geland op vliegbasis Eindhoven.", "2026-06-18",
       [(6, "2026-06-16", "2026-06-16")], NSE),  # a date the text gives is the figure's, as before
]


@pytest.mark.parametrize(FIELDS, SEEDS + BLIND1 + BLIND4 + COUNTED_DAYS)
def test_period(text, date, expected, cols, title):
    assert rows(text, date, cols, title) == expected


@pytest.mark.parametrize(("text", "months"), [  # SEEDS
    ("verlenging met 24 maanden tot en met 31 maart 2027", 24),
    ("voor de periode van negen maanden", 9),
    ("verlengd met een jaar", 12),
    ("met twee jaar", 24),
    ("met veel maanden", None),
    ("tot en met 31 maart 2027", None),
])
def test_duration_months(text, months):
    assert duration_months(text) == months


@pytest.mark.parametrize(("day", "months", "expected"), [  # SEEDS
    (dt.date(2027, 4, 1), 24, dt.date(2025, 4, 1)),
    (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2026, 1, 15), 13, dt.date(2024, 12, 15)),
])
def test_minus_months(day, months, expected):
    assert minus_months(day, months) == expected


_REF = dt.date(2025, 3, 10)
TEXT_PERIODS = [  # SEEDS, BLIND1: (context line, document date, fallback start, expected period)
    ("De bijdrage aan de missie bestaat in 2026 uit:", _REF, None, ("2026-01-01", "2026-12-31")),
    ("Verlenging van de mandaten met 6 maanden (tot en met 30 september 2025):", _REF, None,
     ("2025-04-01", "2025-09-30")),
    # a decision without a duration starts at the fallback (day after the current mandate)
    ("Het kabinet besluit het mandaat te verlengen tot en met 30 juni 2026.", _REF, dt.date(2025, 7, 1),
     ("2025-07-01", "2026-06-30")),
    ("Veiligheidsinzet in de regio na 2024", _REF, None, None),  # "na": no period
    ("Op 3 februari jl. besloot het kabinet het volgende:", _REF, None, None),  # a day
    ("De eenheid blijft tot 1 mei 2025 in het gebied:", _REF, None, None),  # not a decision
    ("Sinds 2023 bestaat de bijdrage uit:", _REF, None, None),
    ("Inzet in de periode 2025-2027:", _REF, None, ("2025-01-01", "2027-12-31")),
    ("Bijdrage van 1 april 2025 tot en met 31 maart 2026:", _REF, None, ("2025-04-01", "2026-03-31")),
    ("Samenhangende inzet in missies en operaties 2025–2028", _REF, None, None),
    ("in 2030 en 2031", None, None, ("2030-01-01", "2031-12-31")),
]


@pytest.mark.parametrize(("text", "ref", "fallback", "expected"), TEXT_PERIODS)
def test_text_period(text, ref, fallback, expected):
    got = text_period(text, ref, fallback)
    assert (got and (got[0].isoformat(), got[1].isoformat())) == expected
