"""The mission of a figure: its own clause, its sentence, an unnamed ``missie``, the paragraph, earlier
lines, heading, title, the mission named most; combined mandates; missions outside the schema's list."""

import pytest

from sahel_analysis.vocab import find_entities

from .cases import FIELDS, ex, rows, rules

COMP = ("contributor", "mission", "component", "personnel")

SEEDS = [
    ex("Nederland draagt bij aan Taakgroep Takuba. De bijdrage bestaat uit vier stafofficieren.", "2022-11-15",
       [("Takuba", 4, "staff officers")], ("mission", "personnel", "component")),
    ex("De Nederlandse bijdrage aan MINUSMA bestaat uit:\n"
       "- ongeveer 40 militairen voor de eenheid voor nationale ondersteuning;\n- drie stafofficieren.",
       "2022-11-15", [("NLD", "MINUSMA", 40, "approx"), ("NLD", "MINUSMA", 3, "exact")],
       ("contributor", "mission", "personnel", "qualifier")),
    ex("Het mandaat voor EUCAP Sahel Mali en EUCAP Sahel Niger is gecombineerd: 9 personen.", "2022-11-15",
       [("EUCAP Sahel Mali+Niger",)], ("mission",)),
]
BLIND1 = [
    ex("Het gaat om maximaal vijf militairen aan MINUSMA, maximaal drie experts aan EUCAP Sahel Niger "
       "en maximaal zeven functionarissen van de politie aan EUCAP Sahel Mali.", "2026-06-15",
       [("NLD", "MINUSMA", 5), ("NLD", "EUCAP Sahel Niger", 3), ("NLD", "EUCAP Sahel Mali", 7)]),
    ex("Nederland levert maximaal twee experts aan EUCAP Sahel Mali en maximaal zes agenten aan "
       "EUCAP Sahel Niger.", "2026-06-15", [("EUCAP Sahel Mali",), ("EUCAP Sahel Niger",)], ("mission",)),
    ex("Voor MINUSMA levert Nederland 40 militairen die samenwerken met EUTM Mali.", "2026-06-15",
       [("NLD", "MINUSMA", 40)]),
    ex("Afscheid\nDe missie telde in haar laatste jaar 600 militairen.", "2026-06-15",
       [("ALL", "EUTM Mali", 600)], title="Einde van EUTM Mali"),
    ex("EUTM Mali\nNederland leverde vooral trainers. In 2019 ging het om ongeveer 12 militairen.", "2026-06-15",
       [("EUTM Mali", 12, "approx", "2019-01-01", "2019-12-31")],
       ("mission", "personnel", "qualifier", "period_start", "period_end")),
]
BLIND3 = [
    ex("Nederland levert drie stafofficieren aan EUMPM Niger.", "2026-06-15",
       [("NLD", "other", "EUMPM Niger staff officers", 3)], COMP),
    ex("Het kabinet heeft besloten bij te dragen aan de Multinational Joint Task Force. "
       "Het gaat om maximaal zes militairen.", "2026-06-15", [("NLD", "other", "MNJTF total", 6)], COMP),
    ex("Nederland levert vier stafofficieren aan MINUSMA.", "2026-06-15", [("NLD", "MINUSMA", "staff officers", 4)],
       COMP),
    ex("Na het vertrek van Operatie Barkhane is de situatie veranderd.\n"
       "De voorbereiding loopt. Geplande omvang missie circa 80 pax.", "2026-06-15",
       [("ALL", "other", "EUMPM Niger total", 80)], COMP, title="Bijdrage aan EUMPM Niger"),
    ex("Nederland steunt het GPOI-programma al jaren.\nOverdracht\n"
       "Het Nederlandse team draagt de taak over aan een Deens team van 15 instructeurs. "
       "De training valt onder GPOI en niet onder MINUSMA.", "2026-06-15", [("DNK", "GPOI", "instructors", 15)], COMP),
    ex("De inzet bij EUTM Mali gaat door.\nEen kwartiermakersteam van vier militairen vertrekt volgende week.",
       "2026-06-15", [("NLD", "EUTM Mali", "advance team", 4)], COMP),
]

REALDEV = [  # patterns of the real documents of ../shared/realdev, in sentences written for the tests
    # a document naming no mission but a kind of mission and a country: the one mission of that kind there
    ex("Ruim 300 Nederlandse militairen gaan naar Mali voor een vredesmissie van de VN.", "2026-06-15",
       [("NLD", "MINUSMA", 300)]),
    ex("Een Nederlandse agent was een jaar op missie in Mali bij de EUCAP Sahel. Hij leverde 20 politieagenten.",
       "2026-06-15", [("NLD", "EUCAP Sahel Mali", 20)]),
    ex("Ruim 300 Nederlandse militairen gaan naar Niger voor een vredesmissie van de VN.", "2026-06-15", []),
    # "<figure> van de G5": the organisation's force (outside the schema's list: "other"); "G5" elsewhere,
    # and "G5-landen", are the organisation
    ex("Takuba helpt het leger van Niger.\nDe eenheid oefent met achthonderd soldaten van de G5 in het grensgebied.",
       "2026-06-15", [("other", "G5 Sahel Joint Force total", 800)], ("mission", "component", "personnel")),
    ex("Takuba helpt het leger van Niger.\nDe G5-landen sturen samen 800 soldaten naar het grensgebied.",
       "2026-06-15", [("Takuba", 800)], ("mission", "personnel")),
    ex("Takuba helpt het leger van Niger. De G5 vergaderde.\nNederland stuurt 800 soldaten naar het grensgebied.",
       "2026-06-15", [("Takuba", 800)], ("mission", "personnel")),
    # a country's figure with no mission near it is its own national operation, where the document names it
    ex("Volgens de krant zijn de Fransen, die met 3000 manschappen in de regio actief zijn, tevreden.\n"
       "De Fransen leiden Operatie Barkhane al jaren.", "2026-06-15", [("FRA", "Barkhane", 3000)],
       title="Takuba groeit"),
    ex("Volgens de krant zijn de Fransen, die met 3000 manschappen in de regio actief zijn, tevreden.",
       "2026-06-15", [("FRA", "Takuba", 3000)], title="Takuba groeit"),
    # realdev-odd pattern: missions in the plural in the host countries of both missions of a combined
    # mandate are that combination; one country, or one mission, is not
    ex("EUCAP Sahel Niger adviseert de politie.\nNederland doet tot 2027 met twaalf agenten mee aan de "
       "civiele EU-missies in Mali en Niger.", "2026-06-15", [("NLD", "EUCAP Sahel Mali+Niger", 12)]),
    ex("EUCAP Sahel Niger adviseert de politie.\nNederland doet tot 2027 met twaalf agenten mee aan de "
       "civiele EU-missies in Niger.", "2026-06-15", [("NLD", "EUCAP Sahel Niger", 12)]),
    ex("EUCAP Sahel Niger adviseert de politie.\nNederland doet tot 2027 met twaalf agenten mee aan de "
       "civiele EU-missie in Niger, die ook Mali helpt.", "2026-06-15", [("NLD", "EUCAP Sahel Niger", 12)]),
]


@pytest.mark.parametrize(FIELDS, SEEDS + BLIND1 + BLIND3 + REALDEV)
def test_mission(text, date, expected, cols, title):
    assert rows(text, date, cols, title) == expected


@pytest.mark.parametrize(("text", "title", "mission_rule"), [
    ("Nederland levert drie stafofficieren aan MINUSMA.", "", "own-clause"),
    ("Bij MINUSMA zijn drie Nederlandse stafofficieren werkzaam.", "", "same-sentence"),
    ("Nederland draagt bij aan MINUSMA. De bijdrage bestaat uit vier stafofficieren.", "", "paragraph"),
    ("Inzet\nDe bijdrage bestaat uit vier stafofficieren.", "Bijdrage aan MINUSMA", "title"),
])
def test_mission_rule_is_named(text, title, mission_rule):
    (got,) = rules(text, title=title)
    assert got["mission"] == mission_rule


# ---- the gazetteer knows the region's missions outside the schema's list (BLIND2, BLIND3)
@pytest.mark.parametrize(("text", "expected"), [
    ("de EU Military Partnership Mission in Niger, het EU SDI GoG, de Multinational Joint Task Force en AFISMA",
     [("mission", "EUMPM Niger"), ("mission", "EU SDI GoG"), ("mission", "MNJTF"), ("mission", "AFISMA")]),
    ("de eumpm-achtige opzet en ESFahan", []),
])
def test_mission_names(text, expected):
    assert [(e.kind, e.canonical) for e in find_entities(text)] == expected
