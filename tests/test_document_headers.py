"""Header fields of documents: a web page's date line, a Kamerstuk number over two lines, a reference."""

from __future__ import annotations

import pytest

from sahel_analysis.documents import date_line_of, header_kamerstuk, split_documents

BODY = (
    "Een detachement van de landmacht heeft de afgelopen maanden in de regio gewerkt aan de opleiding van "
    "lokale eenheden. Het kabinet besloot eerder de steun tot en met 2031 voort te zetten.\n"
)


def _doc(raw: str):
    (doc,) = split_documents(raw, "test.txt")
    return doc


# date lines: (line, reference date, ISO date or None); CONVENTIONS made up, BUGS_CAUGHT made-up
# examples of forms real pages print that were missed
DATE_LINES_CONVENTIONS = [
    ("Nieuwsbericht | 03-11-2021", None, "2021-11-03"),
    ("Nieuwsbericht | 03-11-2021 | 09:30", None, "2021-11-03"),
    ("Nieuws | 3-11-2021", None, "2021-11-03"),
    ("Persbericht 03/11/2021", None, "2021-11-03"),
    ("Gepubliceerd op 3 november 2021", None, "2021-11-03"),
    ("Gepubliceerd op woensdag 3 november 2021 om 09:30 uur", None, "2021-11-03"),
    ("Publicatiedatum: 2021-11-03", None, "2021-11-03"),
    ("Defensie | Nieuwsbericht | 3 november 2021", None, "2021-11-03"),
    ("Op 3 november 2021 keerden de laatste militairen terug.", None, None),  # a sentence that names a date
    ("3 november 2021", None, None),  # a bare date only counts in a news item (bare=True)
    ("Nieuwsbericht | 31-11-2021", None, None),  # no such day
    ("Van 1 november 2021 | tot 3 november 2021", None, None),  # a period, not a date line
    ("Nieuwsbericht | 03-11-2021 | " + "x" * 100, None, None),  # a long field is text
]
DATE_LINES_BUGS_CAUGHT = [
    ("Door ANP - 3-11-2021, 09:30 (Update 3-11-2021, 10:00)", None, "2021-11-03"),  # byline, update stamp
    ("Nummer: 2021D00001, datum: 2021-11-03, bijgewerkt: 2022-01-04 10:00, versie: 2", None, "2021-11-03"),
    ("Vastgesteld 3 november 2021", None, "2021-11-03"),
    ("Beantwoord 3 november 2021 (na 9 dagen)", None, "2021-11-03"),
    ("Gepubliceerd op 3 November 2021 09:30Gewijzigd op 5 January 2022 10:00", None, "2021-11-03"),
    ("Laatst gewijzigd op 5 januari 2022", None, None),  # a change stamp alone is not a date line
    ("Ingediend 3 november 2021", None, None),  # the questions' date: not the document's
    ("Op 3 november 2021, aldus de minister: de steun gaat door", None, None),  # a sentence, not fields
]


@pytest.mark.parametrize("line, ref, iso", DATE_LINES_CONVENTIONS + DATE_LINES_BUGS_CAUGHT)
def test_date_lines(line, ref, iso):
    assert date_line_of(line) == iso


def test_bare_date_line_in_a_news_item():
    assert date_line_of("3 november 2021", bare=True) == "2021-11-03"


def test_news_item_is_dated_by_its_date_line_not_by_a_year_in_the_body():
    raw = "Trainers keren terug uit de Sahel\n\nNieuwsbericht | 03-11-2021 | 09:30\n\n" + BODY
    doc = _doc(raw)
    assert doc.doc_type == "nieuwsbericht"
    assert (doc.date, doc.date_known) == ("2021-11-03", True)


def test_news_item_with_a_publication_line_in_words():
    raw = "Trainers keren terug uit de Sahel\n\nGepubliceerd op 3 november 2021\n\n" + BODY
    assert (_doc(raw).date, _doc(raw).date_known) == ("2021-11-03", True)


def test_a_date_in_the_body_is_not_the_date_line():
    raw = "Trainers keren terug uit de Sahel\n\n" + BODY + "\nOp 3 november 2021 landde het toestel.\n"
    doc = _doc(raw)
    assert doc.date_known is False
    assert doc.date != "2021-11-03"


def test_a_date_line_far_below_the_header_is_not_read():
    filler = "".join(f"Alinea {i} over de inzet van de eenheid in het gebied.\n\n" for i in range(15))
    raw = "Trainers keren terug uit de Sahel\n\n" + filler + "Nieuwsbericht | 03-11-2021\n"
    assert _doc(raw).date_known is False


LETTER = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2021–2022

31 787 Internationale inzet van de krijgsmacht

Nr. 77  BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 9 maart 2022
Onze referentie: Def-BS.2022.5531-7

Hierbij informeer ik uw Kamer over de inzet van de krijgsmacht in de regio. Het gaat om een beperkte
bijdrage aan een internationale missie, waarover de Kamer eerder werd geïnformeerd.

De Minister van Defensie,
K.H. Ollongren
"""


def test_letter_with_dossier_and_number_on_two_lines_and_a_reference_after_a_colon():
    doc = _doc(LETTER)
    assert doc.doc_type == "kamerbrief"
    assert doc.kamerstuk == "31787-77"
    assert doc.reference == "Def-BS.2022.5531-7"
    assert (doc.date, doc.date_known) == ("2022-03-09", True)


def test_dossier_with_a_chapter_numeral_and_the_heading_on_the_next_line():
    raw = "Tweede Kamer der Staten-Generaal\n\n36 410 X Vaststelling van de begroting\n\nNr. 9\nBRIEF VAN DE MINISTER"
    assert header_kamerstuk(raw) == "36410-X-9"


@pytest.mark.parametrize(
    "raw",
    [
        # a number pair in a memo: a count above a list number, no Kamer header and no heading
        "Overzicht\n12 345 militairen in totaal\nNr. 3 van de lijst\n" + BODY,
        # a dossier line that is not right above the number line
        "Tweede Kamer\n31 787 Internationale inzet\nVergaderjaar 2021–2022\nNr. 77 BRIEF VAN DE MINISTER\n",
        # a six-digit figure is no dossier
        "Tweede Kamer\n312 787 euro\nNr. 77 BRIEF VAN DE MINISTER\n",
    ],
)
def test_number_pairs_that_are_not_a_kamerstuk(raw):
    assert header_kamerstuk(raw) == ""


def test_the_addressees_reference_is_not_ours():
    raw = LETTER.replace("Onze referentie: Def-BS.2022.5531-7", "Uw Kenmerk: Kamer.2022.118")
    assert _doc(raw).reference == ""


def test_reference_label_on_its_own_line_and_a_reference_without_dots():
    raw = LETTER.replace("Onze referentie: Def-BS.2022.5531-7", "Ons kenmerk\nBS2022004411")
    assert _doc(raw).reference == "BS2022004411"


def test_dossier_title_wrapped_over_two_lines():
    raw = (
        "Tweede Kamer der Staten-Generaal\nVergaderjaar 2021–2022\n\n31 787 Internationale inzet van de\n"
        "krijgsmacht in de regio\n\nNr. 77 BRIEF VAN DE MINISTER VAN DEFENSIE\n"
    )
    assert header_kamerstuk(raw) == "31787-77"
