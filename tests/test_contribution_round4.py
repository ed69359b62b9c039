"""Round 4 of contribution rules: separable verbs of taking part, crews, roles, teachers who are
no trainees, trainees after a noun of training, a force from many nations, country codes as
subjects. Texts written for the tests (invented figures and names)."""

from sahel_analysis.facts.contributions import extract

from .docs import text_doc


def _doc(text, date="2027-04-20", title=""):
    return text_doc(text, date, title)


def _rows(text, cols=("contributor", "mission", "component", "personnel"), **kw):
    return [tuple(r[c] for c in cols) for r in extract(_doc(text, **kw))]


# ------------------------------------------------------------------------------ taking part
def test_a_separable_verb_of_taking_part_states_a_contribution_to_the_mission_in_context():
    text = ("De marine oefent deze maand met partners in de oefening Obangame Express.\n"
            "Volgens de organisatie doen 37 mariniers uit Nederland mee aan de oefening.")
    assert _rows(text) == [("NLD", "other", "Obangame Express total", 37)]


def test_a_figure_without_any_cue_or_mission_name_in_its_sentence_stays_out():
    text = ("De marine oefent deze maand met partners in de oefening Obangame Express.\n"
            "Tijdens de stormen bleven 37 mariniers in de haven.")
    assert _rows(text) == []


def test_a_ship_crew_aboard_is_a_contribution():
    text = ("Zr.Ms. Voorbeeld neemt deel aan de oefening Obangame Express.\n"
            "Aan boord van het schip zijn 61 bemanningsleden.")
    assert _rows(text) == [("NLD", "other", "Obangame Express crew", 61)]


def test_a_crew_of_a_hijacked_ship_is_not_counted():
    text = ("Zr.Ms. Voorbeeld neemt deel aan de oefening Obangame Express.\n"
            "Vorige week werd een tanker gekaapt; de 23 bemanningsleden werden later vrijgelaten.")
    assert _rows(text) == []


# ------------------------------------------------------------------------------ roles
def test_legal_advisors_are_a_role():
    text = "Nederland levert aan EUMPM Niger drie juridische adviseurs voor het krijgsrecht."
    assert _rows(text) == [("NLD", "other", "EUMPM Niger legal advisors", 3)]


def test_dutch_nationals_working_for_a_mission_are_counted():
    text = "Bij de start van het nieuwe jaar waren zeven Nederlanders werkzaam bij EUCAP Sahel Niger."
    assert _rows(text) == [("NLD", "EUCAP Sahel Niger", "total", 7)]


def test_a_number_before_a_question_word_counts_nobody():
    text = "Vraag 3 Hoeveel Nederlanders zijn nu actief voor EUCAP Sahel Niger?"
    assert _rows(text) == []


# ------------------------------------------------------------------------------ trainers and trainees
def test_teachers_after_a_training_verb_are_the_trainers():
    text = ("Nederland steunt de kustwacht van Togo binnen GPOI.\n"
            "Vorig jaar trainden 14 Nederlandse instructeurs de Togolese kustwacht in Lomé.")
    assert _rows(text) == [("NLD", "GPOI", "trainers", 14)]


def test_soldiers_after_a_training_verb_are_still_trainees():
    text = ("Nederland steunt de kustwacht van Togo binnen GPOI.\n"
            "Vorig jaar trainde Nederland 140 Togolese militairen in Lomé.")
    assert _rows(text) == []


def test_the_figure_after_a_noun_of_training_is_the_trainees():
    text = ("Binnen MINUSMA is de rechtspraak versterkt door de opleiding en inzet van 310 juridisch "
            "adviseurs in het noorden.")
    assert _rows(text) == []


def test_a_team_for_the_training_of_others_is_still_a_contribution():
    text = ("De Nederlandse bijdrage aan EUMPM Niger bestaat uit een trainingsteam van 18 mariniers "
            "voor de opleiding van Nigerese genie-eenheden.")
    assert _rows(text, cols=("contributor", "mission", "personnel")) == [("NLD", "other", 18)]


# ------------------------------------------------------------------------------ contributors
def test_a_force_drawn_from_many_countries_is_the_whole_strength():
    text = "Aan de oefening Flintlock doen dit jaar circa 1.300 militairen uit 27 landen mee."
    assert _rows(text) == [("ALL", "Flintlock", "total", 1300)]


def test_soldiers_from_one_named_place_are_no_whole_strength():
    text = "Nederland levert aan de oefening Flintlock 45 militairen uit Roosendaal."
    assert _rows(text) == [("NLD", "Flintlock", "total", 45)]


def test_a_country_code_as_subject_is_the_contributor():
    text = "Omvang Flintlock: DEU levert ca. 120 militairen; ook BEL heeft 30 militairen toegezegd."
    assert _rows(text, cols=("contributor", "personnel")) == [("DEU", 120), ("BEL", 30)]


def test_capitals_that_are_no_country_code_give_no_contributor():
    text = "Voor Flintlock: KCT levert ca. 25 militairen."
    assert _rows(text, cols=("contributor", "personnel")) == [("NLD", 25)]


def test_a_mission_that_will_count_a_strength_at_the_end_of_the_sentence_is_all():
    text = "EUMPM Niger zal naar verwachting ongeveer 80 Europese militairen tellen."
    assert _rows(text, cols=("contributor", "personnel")) == [("ALL", 80)]


# ------------------------------------------------------------------------------ decided period
def test_figures_without_a_date_hold_for_the_decided_period_of_their_mission():
    text = ("Het kabinet heeft besloten om van 1 juni 2027 tot en met 30 juni 2028 een bijdrage te leveren "
            "aan EUMPM Niger.\nOverige zaken\nDe Nederlandse bijdrage aan EUMPM Niger bestaat uit vier "
            "stafofficieren en een medisch team van vijf personen.")
    assert _rows(text, cols=("personnel", "period_start", "period_end")) == [
        (4, "2027-06-01", "2028-06-30"), (5, "2027-06-01", "2028-06-30")]


def test_the_decided_period_of_another_mission_does_not_date_a_figure():
    text = ("Het kabinet heeft besloten om van 1 juni 2027 tot en met 30 juni 2028 een bijdrage te leveren "
            "aan EUMPM Niger.\nOverige zaken\nDe Nederlandse bijdrage aan EUCAP Sahel Niger bestaat uit vier "
            "politiefunctionarissen.")
    assert _rows(text, cols=("personnel", "period_start", "period_end")) == [(4, None, None)]
