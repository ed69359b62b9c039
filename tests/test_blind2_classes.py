"""Failure classes seen on the blind2 set, on sentences written for these tests (not from any set)."""

from sahel_analysis.facts import events

from .docs import text_doc


def _doc(text, date="2021-06-10", title=""):
    return text_doc(text, date, title)


def _events(text, date="2021-06-10"):
    return [(r["date_start"], r["date_end"], r["event_type"]) for r in events.extract(_doc(text, date))]


# events: typing


def test_present_tense_return_is_a_withdrawal():
    assert _events("De laatste Nederlandse instructeurs keren op 14 juni terug naar Nederland.") == [
        ("2021-06-14", "2021-06-14", "withdrawal")]


def test_departure_towards_a_theatre_is_no_withdrawal():
    rows = _events("Het Senegalese detachement vertrekt op 20 juni naar Mali om zich bij de missie te voegen.")
    assert rows == [("2021-06-20", "2021-06-20", "other")]


def test_departure_home_stays_a_withdrawal():
    rows = _events("Het laatste Nederlandse detachement vertrekt op 20 juni naar Nederland.")
    assert rows == [("2021-06-20", "2021-06-20", "withdrawal")]


def test_foreign_affairs_council_abbreviation_decides():
    rows = _events("- RBZ 22 maart jl. heeft besloten tot verlenging van het mandaat van de missie.")
    assert [t for *_, t in rows] == ["eu_decision"]


def test_rbz_meeting_without_decision_is_diplomatic():
    rows = _events("- RBZ 22 maart jl. sprak over de situatie in de regio.")
    assert [t for *_, t in rows] == ["diplomatic"]


def test_force_generation_conference_is_diplomatic():
    rows = _events("- Force Generation Conference in Brussel op 1 juli a.s.; NL brengt daar een aanbod in.")
    assert [t for *_, t in rows] == ["diplomatic"]


def test_national_mandate_expiry_is_no_withdrawal():
    rows = _events("Het nationale mandaat van maximaal tien personen loopt op 30 juni a.s. af.")
    assert rows == [("2021-06-30", "2021-06-30", "national_mandate")]


def test_national_contribution_for_a_period():
    rows = _events("Nederlandse bijdrage van twee stafofficieren voor de periode 1 juli t/m 31 december 2021.")
    assert [t for *_, t in rows] == ["national_mandate"]


def test_joint_training_period_is_an_exercise():
    rows = _events("In Gao trainden de commando's van 3 tot en met 21 mei met de Malinese militairen.")
    assert rows == [("2021-05-03", "2021-05-21", "exercise")]


def test_working_with_a_ministry_is_no_exercise():
    rows = _events("Op 3 mei werkten de adviseurs met het Malinese ministerie aan een nieuwe wet.")
    assert [t for *_, t in rows] != ["exercise"]


def test_year_in_a_name_does_not_date_a_second_event():
    rows = _events("Van 8 tot en met 19 maart a.s. neemt Nederland deel aan de oefening Flintlock 2021 in Ghana.",
                   date="2021-01-15")
    assert rows == [("2021-03-08", "2021-03-19", "exercise")]


def test_bare_year_alone_still_dates_an_exercise():
    rows = _events("Nederland neemt deel aan de oefening Flintlock 2022 in Senegal.", date="2021-10-01")
    assert rows == [("2022-01-01", "2022-12-31", "exercise")]


def test_ceiling_for_a_year_is_no_event():
    assert _events("Het nationale mandaat voor EUTM Mali voorziet in 2021 in maximaal zes trainers.") == []


def test_a_conference_that_was_held_is_diplomatic():
    rows = _events("De regionale vredesconferentie die op 4 mei als vervolg op het vredesakkoord is gehouden, "
                   "leverde een slotverklaring op.")
    assert [t for *_, t in rows] == ["diplomatic"]

