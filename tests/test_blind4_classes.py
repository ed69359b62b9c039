"""Failure classes seen on the blind4 set, on sentences written for these tests (not from any set)."""

from sahel_analysis.facts import budgets

from .docs import text_doc


def _doc(text, date="2024-10-15", title=""):
    return text_doc(text, date, title)


def _budget(text):
    (row,) = budgets.extract(_doc(text))
    return row["funder"], row["recipient"]


# budgets: funder


def test_the_costs_the_letter_states_are_its_own_government_s():
    assert _budget("De kosten van de verlenging van de bijdrage aan EUTM Mali bedragen 2,4 miljoen euro.")[0] == "NLD"


def test_costs_of_another_payer_are_not_ours():
    assert _budget("De kosten van de missie worden door Duitsland gedragen, 2,4 miljoen euro.")[0] == "DEU"


def test_a_subject_after_its_verb_pays():
    text = "Via het trustfonds heeft Frankrijk vorig jaar 12 miljoen euro toegezegd voor de Sahel."
    assert _budget(text)[0] == "FRA"


def test_a_country_after_in_does_not_pay():
    text = "Daarnaast stuurt Nederland trainers naar het programma in Senegal en draagt het 300.000 euro bij."
    assert _budget(text)[0] == "NLD"


def test_a_co_payer_after_samen_met_is_not_the_funder():
    text = "Nederland gaf samen met Belgie en Duitsland een financiële bijdrage van 5 miljoen euro aan MINUSMA."
    assert _budget(text)[0] == "NLD"


# budgets: recipient


def test_a_share_in_a_fund_goes_to_that_fund():
    text = ("Via de Europese Vredesfaciliteit heeft de EU 40 miljoen euro toegezegd aan het Malinese leger; "
            "het Nederlandse aandeel daarin bedraagt 2 miljoen euro.")
    rows = budgets.extract(_doc(text))
    assert [(r["funder"], r["recipient"]) for r in rows] == [("EU", "MLI"), ("NLD", "EPF")]


def test_money_for_this_points_back_to_the_programme_just_named():
    text = ("Nederland levert trainers aan het GPOI. Duitsland stelt hiervoor 3 miljoen euro beschikbaar.")
    assert _budget(text) == ("DEU", "GPOI")


def test_an_unknown_centre_named_by_its_acronym_receives():
    text = "Nederland financiert met 900.000 euro het regionale opleidingscentrum ZXQW in Dakar."
    assert _budget(text) == ("NLD", "ZXQW")


def test_an_unknown_college_named_after_voor_receives():
    text = "Daarnaast EUR 200.000 uit het Stabiliteitsfonds voor Institut Supérieur de Sécurité in Niamey."
    assert _budget(text)[1] == "Institut Supérieur de Sécurité"


def test_a_plain_place_after_voor_stays_a_country():
    assert _budget("Nederland stelt 3 miljoen euro beschikbaar voor Niger.")[1] == "NER"


def test_a_list_item_takes_the_mission_of_its_list():
    text = "Bijdrage aan EUTM Mali:\n- omvang: tien instructeurs\n- kosten: ca. EUR 0,8 mln"
    assert _budget(text)[1] == "EUTM Mali"
