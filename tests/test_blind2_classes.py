"""Failure classes seen on the blind2 set, on sentences written for these tests (not from any set)."""

from sahel_analysis.facts import budgets

from .docs import text_doc


def _doc(text, date="2021-06-10", title=""):
    return text_doc(text, date, title)


def _budget(text):
    (row,) = budgets.extract(_doc(text))
    return row["funder"], row["recipient"]


# budgets: funder and recipient


def test_fund_routed_to_a_country():
    text = "Vanuit het EU Noodtrustfonds voor Afrika (EUTF) is 40 mln euro toegekend aan projecten in Mali."
    assert _budget(text) == ("EU", "MLI")


def test_fund_as_channel_to_a_national_army():
    assert _budget("De EU levert via de European Peace Facility (EPF) EUR 12 mln aan Malinese strijdkrachten.") == (
        "EU", "MLI")


def test_programme_as_channel_stays_recipient():
    assert _budget("Duitsland draagt via GPOI 2 miljoen dollar bij aan training.") == ("DEU", "GPOI")


def test_un_fund_pays_even_where_the_netherlands_contributes_to_it():
    text = ("Uit het Peacebuilding Fund van de VN, waaraan ook Nederland bijdraagt, is 5 miljoen dollar "
            "vrijgemaakt voor Niger.")
    assert _budget(text) == ("UN", "NER")


def test_dutch_ministry_pays():
    text = "Het ministerie van Defensie financiert de inzet van de trainers in Mali met 300.000 euro."
    assert _budget(text)[0] == "NLD"


def test_demonym_without_state_body_is_no_recipient():
    assert _budget("De EU levert via de European Peace Facility (EPF) EUR 12 mln aan Malinese projecten.")[1] is None
