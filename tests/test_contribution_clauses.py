"""Contribution rules that carry to unseen prose: a figure's own clause names its mission, a country
or a whole mission as the subject, trainees, size verbs, and the period and fields of such figures.
Texts written for the tests (invented figures)."""

from sahel_analysis.facts.contributions import extract, text_period

from .docs import text_doc


def _doc(text, date="2026-06-15", title=""):
    return text_doc(text, date, title)


def _rows(text, cols=("contributor", "mission", "personnel"), **kw):
    return [tuple(r[c] for c in cols) for r in extract(_doc(text, **kw))]


# ------------------------------------------------------------------------------ clause's own mission
def test_each_clause_takes_the_mission_named_after_its_figure():
    text = ("Het gaat om maximaal vijf militairen aan MINUSMA, maximaal drie experts aan EUCAP Sahel Niger "
            "en maximaal zeven functionarissen van de politie aan EUCAP Sahel Mali.")
    assert _rows(text) == [("NLD", "MINUSMA", 5), ("NLD", "EUCAP Sahel Niger", 3), ("NLD", "EUCAP Sahel Mali", 7)]


def test_two_missions_with_figures_of_their_own_are_no_combined_mandate():
    text = "Nederland levert maximaal twee experts aan EUCAP Sahel Mali en maximaal zes agenten aan EUCAP Sahel Niger."
    missions = {m for _c, m, _n in _rows(text)}
    assert missions == {"EUCAP Sahel Mali", "EUCAP Sahel Niger"}


def test_a_mission_after_a_relative_clause_is_not_the_figures_own():
    text = "Voor MINUSMA levert Nederland 40 militairen die samenwerken met EUTM Mali."
    assert _rows(text) == [("NLD", "MINUSMA", 40)]


# ------------------------------------------------------------------------------ contributor
def test_a_country_as_subject_contributes_its_figure():
    assert _rows("Frankrijk blijft met ongeveer 2.500 militairen de grootste troepenleverancier van Takuba.") == [
        ("FRA", "Takuba", 2500)]
    assert _rows("Ook België was met circa 70 militairen lange tijd een belangrijke leverancier aan EUTM Mali.") == [
        ("BEL", "EUTM Mali", 70)]


def test_a_country_that_asks_for_people_is_no_contributor():
    assert _rows("Mali vroeg om 200 extra militairen voor MINUSMA.") == [("NLD", "MINUSMA", 200)]


def test_the_mission_as_subject_of_a_size_verb_is_the_whole_strength():
    assert _rows("MINUSMA\nDe missie telt thans ongeveer 12.000 militairen en politiefunctionarissen.",
                 cols=("contributor", "mission", "personnel", "component")) == [("ALL", "MINUSMA", 12000, "total")]
    rows = _rows("De missie EUTM Mali begon in 2015 en telde op het hoogtepunt zo'n 900 militairen uit twintig landen.",
                 cols=("contributor", "personnel", "period_start", "period_end"))
    assert rows == [("ALL", 900, None, None)]


def test_a_national_detachment_that_counts_people_is_no_whole_mission():
    rows = _rows("EUTM Mali\nHet Nederlandse detachement telde vijf militairen.")
    assert rows == [("NLD", "EUTM Mali", 5)]


def test_the_title_names_the_mission_of_a_figure_without_one():
    rows = _rows("Afscheid\nDe missie telde in haar laatste jaar 600 militairen.", title="Einde van EUTM Mali")
    assert rows == [("ALL", "EUTM Mali", 600)]


# ------------------------------------------------------------------------------ not contributions
def test_trainees_are_no_contribution():
    assert _rows("Sinds 2014 leidde EUTM Mali ruim 15.000 Malinese militairen op.") == []
    assert _rows("Sinds de start trainde EUTM Mali ongeveer 12.000 militairen.") == []
    assert _rows("Bij EUTM Mali zijn dit jaar 800 militairen getraind.") == []


def test_trainers_who_train_others_are_a_contribution():
    rows = _rows("Nederland levert tien instructeurs aan EUTM Mali die Malinese militairen opleiden.")
    assert rows == [("NLD", "EUTM Mali", 10)]


# ------------------------------------------------------------------------------ vocabulary
def test_commandos_count_people():
    rows = _rows("Volgend jaar nemen circa 35 commando's deel aan oefening Flintlock.",
                 cols=("mission", "personnel", "component", "kind"))
    assert rows == [("Flintlock", 35, "special forces (commandos)", "planned")]


def test_new_cues_in_a_paragraph_without_mission_name():
    text = "EUTM Mali\nNederland leverde vooral trainers. In 2019 ging het om ongeveer 12 militairen."
    assert _rows(text, cols=("mission", "personnel", "qualifier", "period_start", "period_end")) == [
        ("EUTM Mali", 12, "approx", "2019-01-01", "2019-12-31")]


def test_no_cue_no_mission_in_sentence_no_row():
    assert _rows("EUTM Mali\nNederland leverde vooral trainers. Er wonen 12 militairen in het kamp.") == []


# ------------------------------------------------------------------------------ fields
def test_people_at_work_are_exact_and_actual():
    text = ("De bijdrage bestaat in 2027 uit de volgende onderdelen:\n– maximaal vijf stafofficieren bij MINUSMA. "
            "Daarnaast zijn twee civiele adviseurs werkzaam bij de missie.")
    rows = _rows(text, cols=("personnel", "qualifier", "period_start", "kind"))
    assert rows == [(5, "max", "2027-01-01", "mandate"), (2, "exact", None, "actual")]


def test_a_list_item_unit_keeps_its_name_before_in_totaal():
    text = ("De bijdrage aan MINUSMA bestaat uit:\n– een C-130 met bemanning, in totaal ongeveer 30 militairen;\n"
            "– maximaal vier stafofficieren.")
    rows = _rows(text, cols=("personnel", "component"))
    assert rows == [(30, "C-130 detachment"), (4, "staff officers")]


def test_in_totaal_in_a_plain_sentence_stays_total():
    rows = _rows("Bij MINUSMA is Nederland aanwezig met een C-130 en in totaal 70 militairen.",
                 cols=("personnel", "component"))
    assert rows == [(70, "total")]


def test_two_years_of_a_lead_in_sentence_win_over_an_earlier_decision_in_its_paragraph():
    text = ("Het kabinet heeft besloten de bijdrage aan MINUSMA te verlengen tot en met 30 juni 2027. "
            "De bijdrage bestaat in 2027 en 2028 uit de volgende onderdelen:\n"
            "– ongeveer 25 militairen bij de ISR-taakgroep.")
    rows = _rows(text, cols=("personnel", "period_start", "period_end"))
    assert rows == [(25, "2027-01-01", "2028-12-31")]


def test_text_period_joins_two_years():
    assert text_period("in 2030 en 2031", None) is not None
    start, end = text_period("in 2030 en 2031", None)
    assert (start.isoformat(), end.isoformat()) == ("2030-01-01", "2031-12-31")


def test_a_sentence_that_refers_back_takes_the_decision_before_it():
    text = ("Het kabinet heeft besloten het nationale mandaat voor EUTM Mali met twaalf maanden te verlengen, "
            "tot en met 31 december 2027. Het betreft maximaal negen militairen aan EUTM Mali.")
    rows = _rows(text, cols=("personnel", "qualifier", "period_start", "period_end", "kind"))
    assert rows == [(9, "max", "2027-01-01", "2027-12-31", "mandate")]


def test_a_current_mandate_ends_when_the_mandates_run_out():
    text = ("Aanleiding\n- De nationale mandaten voor EUCAP Sahel Niger lopen op 31 december a.s. af.\n"
            "Kernpunten\n- EUCAP Sahel Niger:\n  - Huidig mandaat: 8 pax.\n  - Feitelijke bezetting: 6 pax.")
    rows = _rows(text, cols=("personnel", "period_start", "period_end", "kind"), date="2026-10-01")
    assert rows == [(8, None, "2026-12-31", "mandate"), (6, None, None, "actual")]


def test_a_figure_from_a_day_runs_to_the_end_of_the_decided_year():
    text = ("Kernpunten\n- EUCAP Sahel Mali:\n  - Advies: mandaat per 1 januari 2027 verlagen naar 6 pax.\n"
            "  - Advies: handhaven op 4 pax.")
    rows = _rows(text, cols=("personnel", "period_start", "period_end"), date="2026-10-01",
                 title="Verlenging nationale mandaten EUCAP Sahel Mali 2027")
    assert rows == [(6, "2027-01-01", "2027-12-31"), (4, "2027-01-01", "2027-12-31")]


def test_a_title_without_a_decision_gives_no_bare_year():
    rows = _rows("- EUCAP Sahel Mali:\n  - Advies: handhaven op 4 pax.", cols=("personnel", "period_start"),
                 title="Nationale mandaten EUCAP Sahel Mali 2027")
    assert rows == [(4, None)]
