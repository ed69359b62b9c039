"""Failure classes seen on the blind4 set, on sentences written for these tests (not from any set)."""

from sahel_analysis.facts import budgets, events

from .docs import text_doc


def _doc(text, date="2024-10-15", title=""):
    return text_doc(text, date, title)


def _budget(text):
    (row,) = budgets.extract(_doc(text))
    return row["funder"], row["recipient"]


def _types(text, date="2024-10-15"):
    return [r["event_type"] for r in events.extract(_doc(text, date))]


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


# events


def test_the_day_written_questions_were_sent_is_diplomatic():
    text = "Vragen van het lid Jansen aan de Minister van Defensie over de oefening (ingezonden 3 mei 2024)."
    assert _types(text) == ["diplomatic"]


def test_a_status_agreement_terminated_is_an_agreement():
    assert _types("Op 4 maart 2024 hebben de autoriteiten het statusakkoord met de missie opgezegd.") == ["agreement"]


def test_leaving_a_regional_organisation_is_a_withdrawal():
    assert _types("Op 2 februari 2024 kondigde Togo aan uit de ECOWAS te treden.") == ["withdrawal"]


def test_a_mission_that_will_be_closed_is_a_withdrawal():
    assert _types("De missie wordt uiterlijk 31 mei 2024 gesloten.") == ["withdrawal"]


def test_an_agreement_concluded_is_no_withdrawal():
    assert _types("Op 3 april 2024 werd een akkoord gesloten met de regering.") == ["agreement"]


def test_a_death_and_a_swearing_in_are_other_events_not_elections():
    text = "De nieuwe president werd op 2 juli 2024 beëdigd, twee maanden na de presidentsverkiezingen."
    assert _types(text) == ["other"]


def test_a_summit_postponed_after_an_attack_stays_diplomatic():
    assert _types("De top van Bamako wordt gehouden op 6 maart 2024.") == ["diplomatic"]


def test_training_together_with_navies_is_an_exercise():
    text = "Van 4 tot en met 15 maart trainen de mariniers samen met de kustwachten van de regio."
    assert _types(text) == ["exercise"]


def test_a_ship_hijacked_by_pirates_is_an_attack():
    assert _types("Op 9 maart 2024 kaapten piraten een vrachtschip in de Golf van Guinee.") == ["attack"]


def test_a_hijacking_needs_pirates_or_a_ship_word_not_a_cape():
    assert _types("Op 9 maart 2024 bezocht de minister Kaapverdië.") != ["attack"]
