"""Budgets: general patterns of funder, recipient and period in Dutch government prose (sentences
written for these tests)."""

from sahel_analysis.facts.budgets import extract

from .docs import text_doc


def _doc(text, date="2021-03-15", title=""):
    return text_doc(text, date, title)


def _rows(text, date="2021-03-15"):
    return extract(_doc(text, date))


def _one(text, date="2021-03-15"):
    rows = _rows(text, date)
    assert len(rows) == 1, rows
    return rows[0]


# ------------------------------------------------------------------------------ funder
def test_dutch_budget_named_as_source_makes_the_netherlands_pay():
    row = _one("De uitgaven van 3 miljoen euro worden gedekt uit het Budget Internationale Veiligheid.")
    assert row["funder"] == "NLD"
    assert _one("Notitie: EUR 0,5 mln uit Stabiliteitsfonds voor EUTM Mali.")["funder"] == "NLD"


def test_cost_verb_names_the_payer_after_it():
    assert _one("De operatie kost de VN jaarlijks ongeveer 900 miljoen dollar.")["funder"] == "UN"


def test_cost_verb_without_a_payer_gives_none():
    assert _one("De training kostte in totaal 2 miljoen euro.")["funder"] is None


def test_estimated_costs_referring_back_take_the_payer_of_the_previous_sentence():
    text = ("Het kabinet heeft besloten in 2022 bij te dragen aan EUTM Mali met vier instructeurs. "
            "De kosten hiervan worden geraamd op 0,7 miljoen euro.")
    row = _one(text)
    assert (row["funder"], row["recipient"]) == ("NLD", "EUTM Mali")
    assert (row["period_start"], row["period_end"]) == ("2022-01-01", "2022-12-31")


def test_estimated_costs_of_someone_else_are_not_dutch():
    text = ("Het kabinet heeft besloten in 2022 bij te dragen aan EUTM Mali. "
            "De kosten hiervan voor Frankrijk worden door Frankrijk geraamd op 9 miljoen euro.")
    assert _one(text)["funder"] == "FRA"


def test_back_reference_to_a_sentence_without_a_payer_gives_none():
    text = ("De missie traint soldaten in het noorden. "
            "De kosten hiervan worden geraamd op 12 miljoen euro.")
    assert _one(text)["funder"] is None


def test_fund_of_an_organisation_in_the_previous_sentence_pays():
    text = ("Ook het Humanitarian Pooled Fund van de VN is in het land actief. "
            "Hieruit werd 1,5 miljoen dollar beschikbaar gesteld voor waterprojecten in Niger.")
    row = _one(text)
    assert (row["funder"], row["recipient"]) == ("UN", "NER")


def test_source_anaphor_takes_the_payer_of_the_previous_sentence():
    text = ("Het kabinet financiert uit een apart fonds projecten voor vredesopbouw. "
            "Daaruit wordt dit jaar 0,8 miljoen euro beschikbaar gesteld aan EUCAP Sahel Mali.")
    assert _one(text)["funder"] == "NLD"


def test_sentence_cut_after_an_abbreviation_keeps_its_subject():
    text = "- Achtergrond: Frankrijk kondigde in mei jl. EUR 20 mln aan voor de G5 Sahel Joint Force."
    assert _one(text)["funder"] == "FRA"


# ------------------------------------------------------------------------------ recipient
def test_town_makes_its_country_the_recipient():
    row = _one("Het kabinet stelt 2 miljoen euro beschikbaar voor waterputten in de regio Gao.")
    assert row["recipient"] == "MLI"


def test_mission_family_name_stands_for_the_missions_of_that_family_the_document_names():
    text = ("Nederland draagt bij aan EUCAP Sahel Mali en EUCAP Sahel Niger.\n"
            "- Inzet EUCAP wordt betaald uit BIV; kosten 2021: EUR 1,2 mln.")
    row = _one(text)
    assert row["recipient"] == "EUCAP Sahel Mali; EUCAP Sahel Niger"
    assert row["funder"] == "NLD"


def test_mission_family_name_alone_in_a_document_gives_no_recipient():
    row = _one("- Inzet EUCAP wordt betaald uit BIV; kosten 2021: EUR 1,2 mln.")
    assert row["recipient"] is None


# ------------------------------------------------------------------------------ period
def test_back_reference_takes_the_years_of_the_contribution_told_before_a_list():
    text = ("Het kabinet verlengt de bijdrage aan MINUSMA.\n"
            "De Nederlandse bijdrage bestaat in 2022 en 2023 uit de volgende onderdelen:\n"
            "- een helikopterdetachement;\n"
            "- een staffunctie in Bamako. "
            "De uitgaven voor deze bijdrage worden geraamd op jaarlijks 30 miljoen euro.")
    row = _one(text)
    assert (row["period_start"], row["period_end"]) == ("2022-01-01", "2023-12-31")
    assert row["funder"] == "NLD"


def test_back_reference_to_a_dated_decision_gives_no_period():
    text = ("Op 4 februari heeft het kabinet besloten bij te dragen aan Takuba. "
            "De kosten hiervan worden geraamd op 2 miljoen euro.")
    row = _one(text)
    assert (row["period_start"], row["period_end"]) == (None, None)


def test_one_off_amount_referring_back_takes_a_single_year_only():
    text = ("Het kabinet heeft besloten in 2022 en 2023 bij te dragen aan EUTM Mali. "
            "De kosten hiervan worden geraamd op 2 miljoen euro.")
    row = _one(text)
    assert (row["period_start"], row["period_end"]) == (None, None)


def test_back_reference_does_not_cross_a_paragraph():
    text = ("Het kabinet draagt in 2022 bij aan EUTM Mali.\n"
            "De kosten hiervan worden geraamd op 2 miljoen euro.")
    row = _one(text)
    assert (row["period_start"], row["period_end"]) == (None, None)


def test_back_reference_does_not_cross_a_heading():
    text = ("Het kabinet draagt in 2022 bij aan EUTM Mali.\n"
            "Takuba\n"
            "De kosten hiervan worden geraamd op 2 miljoen euro.")
    row = _one(text)
    assert (row["period_start"], row["period_end"]) == (None, None)
