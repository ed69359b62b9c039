"""Contributions to missions outside the schema's list (mission ``other``, the component naming the
mission), figures counted as a group's size (``een team van ..``), foreign units and a whole
mission's size. Texts written for the tests (invented figures)."""

from sahel_analysis.facts.contributions import extract, unit_frame
from sahel_analysis.vocab import find_entities

from .docs import text_doc


def _doc(text, date="2026-06-15", title=""):
    return text_doc(text, date, title)


def _rows(text, cols=("contributor", "mission", "component", "personnel"), **kw):
    return [tuple(r[c] for c in cols) for r in extract(_doc(text, **kw))]


# ------------------------------------------------------------------------------ gazetteer
def test_missions_outside_the_schema_list_are_known_by_their_names():
    text = ("de EU Military Partnership Mission in Niger, het EU SDI GoG, de Multinational Joint Task Force "
            "en AFISMA")
    assert [(e.kind, e.canonical) for e in find_entities(text)] == [
        ("mission", "EUMPM Niger"), ("mission", "EU SDI GoG"), ("mission", "MNJTF"), ("mission", "AFISMA")]


def test_a_short_name_does_not_match_inside_other_words_or_lower_case():
    assert [e.canonical for e in find_entities("de eumpm-achtige opzet en ESFahan")] == []


# ------------------------------------------------------------------------------ mission "other"
def test_a_figure_of_an_unlisted_mission_is_other_with_the_mission_in_the_component():
    text = "Nederland levert drie stafofficieren aan EUMPM Niger."
    assert _rows(text) == [("NLD", "other", "EUMPM Niger staff officers", 3)]


def test_an_unlisted_mission_in_the_paragraph_gives_the_figure_its_name():
    text = ("Het kabinet heeft besloten bij te dragen aan de Multinational Joint Task Force. "
            "Het gaat om maximaal zes militairen.")
    assert _rows(text) == [("NLD", "other", "MNJTF total", 6)]


def test_a_listed_mission_keeps_its_name_and_plain_component():
    assert _rows("Nederland levert vier stafofficieren aan MINUSMA.") == [("NLD", "MINUSMA", "staff officers", 4)]


def test_an_unnamed_mission_takes_the_title_mission_over_an_earlier_paragraph():
    text = ("Na het vertrek van Operatie Barkhane is de situatie veranderd.\n"
            "De voorbereiding loopt. Geplande omvang missie circa 80 pax.")
    rows = _rows(text, title="Bijdrage aan EUMPM Niger")
    assert rows == [("ALL", "other", "EUMPM Niger total", 80)]


def test_a_figure_without_any_mission_nearby_takes_the_mission_the_document_names_most():
    text = ("Nederland steunt het GPOI-programma al jaren.\nOverdracht\n"
            "Het Nederlandse team draagt de taak over aan een Deens team van 15 instructeurs. "
            "De training valt onder GPOI en niet onder MINUSMA.")
    assert _rows(text) == [("DNK", "GPOI", "trainers", 15)]


def test_a_figure_in_a_document_without_missions_is_no_contribution():
    assert _rows("Een team van 12 Nederlandse militairen oefende vorige week in Noorwegen.") == []


# ------------------------------------------------------------------------------ groups and foreign units
def test_a_group_of_a_given_size_counts_people():
    text = "Een trainingsteam van ongeveer 25 militairen vertrekt in maart naar Niamey voor EUMPM Niger."
    assert _rows(text, ("contributor", "mission", "component", "personnel", "qualifier")) == [
        ("NLD", "other", "EUMPM Niger trainers", 25, "approx")]


def test_a_group_size_needs_no_cue_word_when_a_mission_is_in_context():
    text = "De inzet bij EUTM Mali gaat door.\nEen kwartiermakersteam van vier militairen vertrekt volgende week."
    assert _rows(text) == [("NLD", "EUTM Mali", "advance team", 4)]


def test_a_demonym_before_the_unit_gives_the_contributor():
    text = "Het Senegalese bataljon van circa 700 militairen sluit zich in mei aan bij MINUSMA."
    assert _rows(text) == [("SEN", "MINUSMA", "battalion", 700)]


def test_a_demonym_after_the_number_gives_the_contributor():
    text = "Voor EUTM Mali gaat een team van 18 Duitse mariniers naar Koulikoro."
    assert _rows(text)[0][:2] == ("DEU", "EUTM Mali")


def test_a_country_that_pledges_people_is_the_contributor():
    text = "Het EU SDI GoG krijgt versterking: Spanje heeft 9 militairen toegezegd."
    assert _rows(text, ("contributor", "mission", "personnel", "kind")) == [("ESP", "other", 9, "planned")]


def test_unit_frame_needs_a_unit_noun_and_only_qualifiers_after_van():
    text = "een team van maximaal 14 en een groep van 30 en een bataljon van de 300"
    assert unit_frame(text, 0, text.index("14")) == text.index("team")
    assert unit_frame(text, 0, text.index("30")) is None  # "groep" names no unit
    assert unit_frame(text, 0, text.index("300")) is None  # "de" is no qualifier


def test_a_demonym_not_in_the_units_noun_phrase_is_no_contributor():
    text = "Na overleg met de Malinese autoriteiten stuurt Nederland voor MINUSMA een team van 10 militairen."
    assert _rows(text)[0][:2] == ("NLD", "MINUSMA")


# ------------------------------------------------------------------------------ a whole mission's size
def test_a_named_mission_as_subject_after_an_article_gives_its_whole_size():
    text = "Het EU SDI GoG telt thans ongeveer 45 personen."
    assert _rows(text) == [("ALL", "other", "EU SDI GoG total", 45)]


def test_a_mission_subject_with_a_relative_clause_before_its_verb_gives_its_whole_size():
    text = ("De MNJTF (Multinational Joint Task Force), die in 2015 werd opgericht, telde vorig jaar "
            "ongeveer 9000 militairen.")
    assert _rows(text)[0][:2] == ("ALL", "other")


def test_a_second_clause_with_the_mission_as_subject_is_a_whole_size_too():
    text = "EUMPM Niger telt nu circa 40 personen; na de uitbreiding groeit de missie tot ongeveer 70 personen."
    assert [r[0] for r in _rows(text)] == ["ALL", "ALL"]


def test_a_country_in_a_later_clause_keeps_its_own_figure():
    text = "Het EU SDI GoG telt nu circa 50 personen; Frankrijk levert daarvan 12 militairen."
    assert [r[0] for r in _rows(text)] == ["ALL", "FRA"]


def test_the_planned_size_of_a_mission_is_its_whole_strength():
    text = "EUMPM Niger start in het voorjaar. Beoogde omvang missie ca. 60 pax."
    assert _rows(text, ("contributor", "personnel", "kind")) == [("ALL", 60, "planned")]


def test_a_parenthesised_role_names_the_component():
    text = "Akkoord met een bijdrage van max. 3 pax (stafofficieren) aan EUMPM Niger."
    assert _rows(text)[0][2] == "EUMPM Niger staff officers"


def test_a_c130_after_the_figure_names_the_component():
    text = "Voor EUMPM Niger gaat een detachement van ongeveer 25 militairen met een C-130 naar Niamey."
    assert _rows(text)[0][2] == "EUMPM Niger C-130 detachment"
