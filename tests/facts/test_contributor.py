"""The contributor of a figure: a whole force (ALL), the country or demonym that governs it, a country
code, a unit's demonym, else NLD."""

import pytest

from sahel_analysis.facts.contribution_contributor import unit_frame
from sahel_analysis.facts.contributions import extract
from tests.docs import text_doc

from .cases import FIELDS, ex, rows

COMP = ("contributor", "mission", "component", "personnel")

SEEDS = [
    ex("De Duitse bijdrage aan MINUSMA telt ongeveer 800 militairen.", "2022-11-15",
       [("DEU", "MINUSMA", 800, "approx")], ("contributor", "mission", "personnel", "qualifier")),
    ex("Het troepenplafond van MINUSMA is 12.000 militairen.", "2022-11-15",
       [("ALL", "MINUSMA", 12000, "max")], ("contributor", "mission", "personnel", "qualifier")),
    ex("Hij voert sinds begin dit jaar het bevel over de troepenmacht van ruim 9.000 blauwhelmen van MINUSMA.",
       "2025-03-10", [("ALL", None, None)], ("contributor", "period_start", "period_end")),
]
BLIND1 = [
    ex("Frankrijk blijft met ongeveer 2.500 militairen de grootste troepenleverancier van Takuba.", "2026-06-15",
       [("FRA", "Takuba", 2500)]),
    ex("Ook België was met circa 70 militairen lange tijd een belangrijke leverancier aan EUTM Mali.", "2026-06-15",
       [("BEL", "EUTM Mali", 70)]),
    ex("Mali vroeg om 200 extra militairen voor MINUSMA.", "2026-06-15", [("NLD", "MINUSMA", 200)]),
    ex("MINUSMA\nDe missie telt thans ongeveer 12.000 militairen en politiefunctionarissen.", "2026-06-15",
       [("ALL", "MINUSMA", 12000, "total")], ("contributor", "mission", "personnel", "component")),
    ex("De missie EUTM Mali begon in 2015 en telde op het hoogtepunt zo'n 900 militairen uit twintig landen.",
       "2026-06-15", [("ALL", 900, None, None)], ("contributor", "personnel", "period_start", "period_end")),
    ex("EUTM Mali\nHet Nederlandse detachement telde vijf militairen.", "2026-06-15", [("NLD", "EUTM Mali", 5)]),
]
BLIND3 = [
    ex("Het Senegalese bataljon van circa 700 militairen sluit zich in mei aan bij MINUSMA.", "2026-06-15",
       [("SEN", "MINUSMA", "battalion", 700)], COMP),
    ex("Voor EUTM Mali gaat een team van 18 Duitse mariniers naar Koulikoro.", "2026-06-15",
       [("DEU", "EUTM Mali")], ("contributor", "mission")),
    ex("Het EU SDI GoG krijgt versterking: Spanje heeft 9 militairen toegezegd.", "2026-06-15",
       [("ESP", "other", 9, "planned")], ("contributor", "mission", "personnel", "kind")),
    ex("Na overleg met de Malinese autoriteiten stuurt Nederland voor MINUSMA een team van 10 militairen.",
       "2026-06-15", [("NLD", "MINUSMA")], ("contributor", "mission")),
    ex("Het EU SDI GoG telt thans ongeveer 45 personen.", "2026-06-15", [("ALL", "other", "EU SDI GoG total", 45)],
       COMP),
    ex("De MNJTF (Multinational Joint Task Force), die in 2015 werd opgericht, telde vorig jaar "
       "ongeveer 9000 militairen.", "2026-06-15", [("ALL", "other")], ("contributor", "mission")),
    ex("EUMPM Niger telt nu circa 40 personen; na de uitbreiding groeit de missie tot ongeveer 70 personen.",
       "2026-06-15", [("ALL",), ("ALL",)], ("contributor",)),
    ex("Het EU SDI GoG telt nu circa 50 personen; Frankrijk levert daarvan 12 militairen.", "2026-06-15",
       [("ALL",), ("FRA",)], ("contributor",)),
    ex("EUMPM Niger start in het voorjaar. Beoogde omvang missie ca. 60 pax.", "2026-06-15",
       [("ALL", 60, "planned")], ("contributor", "personnel", "kind")),
]
BLIND4 = [
    ex("Aan de oefening Flintlock doen dit jaar circa 1.300 militairen uit 27 landen mee.", "2027-04-20",
       [("ALL", "Flintlock", "total", 1300)], COMP),
    ex("Nederland levert aan de oefening Flintlock 45 militairen uit Roosendaal.", "2027-04-20",
       [("NLD", "Flintlock", "total", 45)], COMP),
    ex("Omvang Flintlock: DEU levert ca. 120 militairen; ook BEL heeft 30 militairen toegezegd.", "2027-04-20",
       [("DEU", 120), ("BEL", 30)], ("contributor", "personnel")),
    ex("Voor Flintlock: KCT levert ca. 25 militairen.", "2027-04-20", [("NLD", 25)], ("contributor", "personnel")),
    ex("EUMPM Niger zal naar verwachting ongeveer 80 Europese militairen tellen.", "2027-04-20",
       [("ALL", 80)], ("contributor", "personnel")),
]

REALDEV = [  # patterns of the real documents of ../shared/realdev, in sentences written for the tests
    ex("Het kamp van MINUSMA groeit. Spanje ontplooit dit najaar 150 militairen in Gao.", "2026-06-15",
       [("ESP", "MINUSMA", 150)]),
    ex("Bij Takuba doen meer landen mee: Zweden denkt na, Tsjechië wil 40 militairen leveren.", "2026-06-15",
       [("CZE", "Takuba", 40, "planned")], ("contributor", "mission", "personnel", "kind")),
    ex("Barkhane wordt geleid door Frankrijk, dat met 4.000 militairen in de regio aanwezig is.", "2026-06-15",
       [("FRA", "Barkhane", 4000)]),
    ex("EUTM Mali\nIn totaal nemen 420 personen deel aan de missie; Nederland levert er 12.", "2026-06-15",
       [("ALL", "EUTM Mali", 420)]),
    # a plural demonym names the country as a people ("de Duitsers, die ...")
    ex("Bij MINUSMA blijven de Duitsers, die al met 900 militairen in Gao zijn.", "2026-06-15",
       [("DEU", "MINUSMA", 900)]),
    ex("Bij MINUSMA blijven de Belgen, die al met 90 militairen in Gao zijn.", "2026-06-15",
       [("BEL", "MINUSMA", 90)]),
    # realdev-odd pattern: a whole mission as the subject with its size after "van" (no strength verb)
    ex("EUCAP Sahel Mali adviseert de politie. De missie van maximaal tachtig politieadviseurs werkt "
       "vanuit Bamako.", "2026-06-15", [("ALL", "EUCAP Sahel Mali", 80, "max")],
       ("contributor", "mission", "personnel", "qualifier")),
]


@pytest.mark.parametrize(FIELDS, SEEDS + BLIND1 + BLIND3 + BLIND4 + REALDEV)
def test_contributor(text, date, expected, cols, title):
    assert rows(text, date, cols, title) == expected


_FRAMES = "een team van maximaal 14 en een groep van 30 en een bataljon van de 300"


@pytest.mark.parametrize(("number", "head"), [  # BLIND3: a unit noun and only qualifiers after "van"
    ("14", "team"),
    ("30", None),  # "groep" names no unit
    ("300", None),  # "de" is no qualifier
])
def test_unit_frame(number, head):
    got = unit_frame(_FRAMES, 0, _FRAMES.index(number))
    assert got == (_FRAMES.index(head) if head else None)


@pytest.mark.parametrize(("text", "doc_type", "contributor"), [  # REALDEV patterns, sentences written for the tests
    # a news item that never names the Netherlands: its figures are the whole force's
    ("De EU start een trainingsmissie. Ruim 150 militairen gaan naar EUTM Mali.", "nieuwsbericht", "ALL"),
    ("De EU start een trainingsmissie. Nederland levert 15 militairen aan EUTM Mali.", "nieuwsbericht", "NLD"),
    ("De EU start een trainingsmissie. Ruim 150 militairen gaan naar EUTM Mali.", "kamerbrief", "NLD"),
])
def test_news_item_without_the_netherlands(text, doc_type, contributor):
    doc = text_doc(text, "2026-06-15")
    doc.doc_type = doc_type
    assert [r["contributor"] for r in extract(doc)] == [contributor]
