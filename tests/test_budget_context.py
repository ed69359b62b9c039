"""Budgets: funder, recipient and period taken from the context of the amount (own sentences)."""

from sahel_analysis.facts.budgets import extract

from .docs import text_doc


def _doc(text, date="2019-06-20", title=""):
    return text_doc(text, date, title)


def _one(text, date="2019-06-20"):
    rows = extract(_doc(text, date))
    assert len(rows) == 1, rows
    return rows[0]


# ------------------------------------------------------------------------------ funder
def test_source_anaphor_takes_the_fund_owner_of_the_previous_sentence():
    text = ("Het kabinet stort dit jaar 20 miljoen euro in het Europees Ontwikkelingsfonds. "
            "Daaruit is vorige maand 2 miljoen dollar vrijgemaakt voor voedselhulp in Niger.")
    rows = extract(_doc(text))
    row = next(r for r in rows if r["currency"] == "USD")
    assert (row["funder"], row["recipient"]) == ("EU", "NER")


def test_source_anaphor_without_an_owned_fund_gives_no_default():
    text = ("De Wereldbank beheert een speciaal potje voor de regio. "
            "Hieruit werd 4 miljoen euro beschikbaar gesteld voor Tsjaad.")
    assert _one(text)["funder"] is None


def test_passive_contribution_defaults_to_the_dutch_government():
    row = _one("Daarnaast wordt een financiële bijdrage van 2 miljoen euro toegezegd aan EUCAP Sahel Mali.")
    assert (row["funder"], row["recipient"]) == ("NLD", "EUCAP Sahel Mali")


def test_passive_contribution_for_foreign_beneficiaries_stays_dutch():
    row = _one("Ook wordt steun ter waarde van 1 miljoen euro verstrekt tbv Malinese grenswachten.")
    assert row["funder"] == "NLD"


def test_passive_with_an_agent_names_that_payer():
    row = _one("Een bijdrage van 8 miljoen euro aan MINUSMA werd vorig jaar toegezegd door Duitsland.")
    assert (row["funder"], row["recipient"]) == ("DEU", "MINUSMA")


def test_passive_with_another_payer_before_the_amount_is_not_dutch():
    row = _one("In het Franse plan wordt een bijdrage van 3 miljoen euro aangekondigd voor de G5.")
    assert row["funder"] != "NLD"


def test_passive_without_contribution_noun_has_no_funder():
    assert _one("Voor de missie werd 6 miljoen euro uitgetrokken.")["funder"] is None


# ------------------------------------------------------------------------------ recipient
def test_country_and_region_joined_by_en():
    row = _one("Nederland trekt voor de stabilisatie van Niger en de Sahel in 2020 12 miljoen euro uit.")
    assert row["recipient"] == "NER; Sahel"


def test_region_inside_a_mission_name_is_not_a_region():
    row = _one("Nederland draagt 1 miljoen euro bij aan EUCAP Sahel Niger.")
    assert row["recipient"] == "EUCAP Sahel Niger"


def test_programme_of_an_organisation_goes_to_the_organisation():
    row = _one("Nederland draagt 3 miljoen euro bij aan het grensprogramma van UNHCR.")
    assert row["recipient"] == "UNHCR"


def test_organisation_as_payer_is_not_recipient():
    row = _one("UNICEF besteedt 3 miljoen euro aan scholen.")
    assert row["recipient"] is None


def test_mission_two_sentences_back_is_not_the_recipient():
    text = ("Nederland levert officieren aan MINUSMA. Die missie is groot. "
            "Ook heeft Nederland 2 miljoen euro geïnvesteerd in lokale rechtspraak.")
    assert _one(text)["recipient"] is None


def test_mission_in_the_previous_sentence_is_the_recipient():
    text = "Nederland steunt EUCAP Sahel Mali. Hiervoor wordt 2 miljoen euro gereserveerd."
    assert _one(text)["recipient"] == "EUCAP Sahel Mali"


# ------------------------------------------------------------------------------ period
def test_vague_moment_of_an_announcement_gives_no_period():
    row = _one("Eerder dit jaar kondigde Frankrijk een steunpakket van 40 miljoen euro aan voor Niger.")
    assert (row["funder"], row["period_start"], row["period_end"]) == ("FRA", None, None)


def test_since_period_of_a_one_off_amount_runs_to_the_document_date():
    row = _one("Sinds 2015 heeft Nederland 6 miljoen euro bijgedragen aan ACOTA.")
    assert (row["period_start"], row["period_end"]) == ("2015-01-01", "2019-06-20")


def test_since_period_of_a_yearly_amount_stays_open():
    row = _one("Sinds 2015 draagt Nederland jaarlijks 1 miljoen euro bij aan ACOTA.")
    assert (row["period_start"], row["period_end"]) == ("2015-01-01", None)


def test_yearly_amount_takes_the_bounds_of_the_previous_sentence():
    text = ("In 2018 besloot het kabinet de steun aan ACOTA tot en met 2021 voort te zetten. "
            "Deze steun bedraagt jaarlijks 2 miljoen euro.")
    row = _one(text)
    assert (row["per_year"], row["period_start"], row["period_end"]) == (True, None, "2021-12-31")


def test_yearly_amount_without_pointing_back_takes_no_bounds():
    text = ("In 2018 besloot het kabinet de steun aan ACOTA tot en met 2021 voort te zetten. "
            "Nederland betaalt jaarlijks 2 miljoen euro aan UNDP.")
    row = _one(text)
    assert (row["period_start"], row["period_end"]) == (None, None)


def test_one_off_amount_does_not_take_the_previous_bounds():
    text = ("In 2018 besloot het kabinet de steun aan ACOTA tot en met 2021 voort te zetten. "
            "Deze steun bedraagt 2 miljoen euro.")
    row = _one(text)
    assert (row["period_start"], row["period_end"]) == (None, None)


def test_previous_sentence_in_another_paragraph_gives_no_bounds():
    text = ("De steun aan ACOTA loopt tot en met 2021.\n"
            "Deze steun bedraagt jaarlijks 2 miljoen euro.")
    row = _one(text)
    assert (row["period_start"], row["period_end"]) == (None, None)


def test_amount_without_a_destination_keeps_the_paragraph_mission():
    text = ("Nederland levert officieren aan MINUSMA. Die missie is groot. "
            "De extra kosten bedragen 2 miljoen euro.")
    assert _one(text)["recipient"] == "MINUSMA"
