"""Failure classes seen on the blind4 set, on sentences written for these tests (not from any set)."""

from sahel_analysis.facts import events

from .docs import text_doc


def _doc(text, date="2024-10-15", title=""):
    return text_doc(text, date, title)


def _types(text, date="2024-10-15"):
    return [r["event_type"] for r in events.extract(_doc(text, date))]


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
