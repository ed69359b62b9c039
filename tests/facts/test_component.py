"""The component of a figure: its personnel noun's label, a role after ``als``, a noun in brackets,
a unit phrase before or after it, ``in totaal``, a whole force's soldiers and police; for a mission
outside the schema's list the mission's name in front."""

import pytest

from .cases import FIELDS, ex, rows

PC = ("personnel", "component")

BUGS_CAUGHT = [
    ex("Nederland levert aan MINUSMA maximaal acht marechaussees als Individual Police Officer en maximaal "
       "twee militairen als stafofficier.", "2022-11-15", [(8, "individual police officers"), (2, "staff officers")],
       PC),
]
BLIND1 = [
    ex("De bijdrage aan MINUSMA bestaat uit:\n– een C-130 met bemanning, in totaal ongeveer 30 militairen;\n"
       "– maximaal vier stafofficieren.", "2026-06-15", [(30, "C-130 detachment"), (4, "staff officers")], PC),
    ex("Bij MINUSMA is Nederland aanwezig met een C-130 en in totaal 70 militairen.", "2026-06-15",
       [(70, "total")], PC),
]
BLIND3 = [
    ex("Akkoord met een bijdrage van max. 3 pax (stafofficieren) aan EUMPM Niger.", "2026-06-15",
       [("EUMPM Niger staff officers",)], ("component",)),
    ex("Voor EUMPM Niger gaat een detachement van ongeveer 25 militairen met een C-130 naar Niamey.", "2026-06-15",
       [("EUMPM Niger C-130 detachment",)], ("component",)),
    ex("Een trainingsteam van ongeveer 25 militairen vertrekt in maart naar Niamey voor EUMPM Niger.", "2026-06-15",
       [("NLD", "other", "EUMPM Niger trainers", 25, "approx")],
       ("contributor", "mission", "component", "personnel", "qualifier")),
]
BLIND4 = [
    ex("Nederland levert aan EUMPM Niger drie juridische adviseurs voor het krijgsrecht.", "2027-04-20",
       [("NLD", "other", "EUMPM Niger legal advisors", 3)], ("contributor", "mission", "component", "personnel")),
    ex("Volgend jaar nemen circa 35 commando's deel aan oefening Flintlock.", "2026-06-15",
       [("Flintlock", 35, "special forces (commandos)", "planned")], ("mission", "personnel", "component", "kind")),
]

# labels agreed by the gold of the sets: instructeurs are instructors, police nouns police officers
# (a whole force's police stay police personnel), a group counted by its heads its group noun
REALDEV_ODD = [
    ex("Voor EUTM Mali gaan volgend jaar ongeveer veertig instructeurs naar Koulikoro.", "2026-06-15",
       [(40, "instructors")], PC),
    ex("Bij EUTM Mali werken zes Nederlandse militairen als instructeur.", "2026-06-15", [(6, "instructors")], PC),
    ex("De kampen van de 300-koppige hoofdmacht van MINUSMA in Gao zijn klaar.", "2026-06-15",
       [(300, "main force")], PC),
    ex("Aan de 12-koppige eenheid van MINUSMA in Gao ontbreekt nog materieel.", "2026-06-15", [(12, "total")], PC),
]
REALDEV_EVEN = [
    ex("Nederland levert acht politieagenten aan EUCAP Sahel Niger.", "2026-06-15", [(8, "police officers")], PC),
    ex("Het troepenplafond van MINUSMA blijft 12.000 militairen en 1.500 politiefunctionarissen.", "2026-06-15",
       [(12000, "military personnel"), (1500, "police personnel")], PC),
]


@pytest.mark.parametrize(FIELDS, BUGS_CAUGHT + BLIND1 + BLIND3 + BLIND4 + REALDEV_ODD + REALDEV_EVEN)
def test_component(text, date, expected, cols, title):
    assert rows(text, date, cols, title) == expected
