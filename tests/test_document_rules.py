"""The document decisions (type, title, date) as ordered named rules: each answer names its rule.

Tables of ``(text, reference date, expected)``: the reference date is None (a document's own date
does not depend on one); expected is ``(value, rule)`` or, for dates, ``(value, known, rule)``.
All texts are made up (CONVENTIONS: one per rule; BUGS_CAUGHT: errors found and fixed).
"""

from __future__ import annotations

import pytest

from sahel_analysis.documents import DATE_RULES, TITLE_RULES, TYPE_RULES, split_documents

BODY = (
    "Een detachement van de landmacht heeft de afgelopen maanden in de regio gewerkt aan de opleiding "
    "van lokale eenheden. Het kabinet besloot de steun voort te zetten.\n"
)


def _doc(raw: str):
    (doc,) = split_documents(raw, "test.txt")
    return doc


TYPES_CONVENTIONS = [
    ("TER BESLISSING\n\nAan\nM\n\nnota\nSteun aan de regio\n\n" + BODY, None, ("nota", "memo-decision-line")),
    ("Nota\n\nSteun aan de regio\n\n" + BODY, None, ("nota", "nota-line")),
    ("Aan de Tweede Kamer\n\n" + BODY, None, ("kamerbrief", "addressed-to")),
    ("Hierbij informeer ik uw Kamer over de steun.\n\n" + BODY, None, ("kamerbrief", "addresses-the-kamer")),
    ("Steun aan de regio gaat door\n\n" + BODY, None, ("nieuwsbericht", "default-news")),
]


@pytest.mark.parametrize("text, ref, expected", TYPES_CONVENTIONS)
def test_type_rules(text, ref, expected):
    doc = _doc(text)
    assert (doc.doc_type, doc.memo["type_rule"]) == expected


TITLES_CONVENTIONS = [
    ("TER BESLISSING\n\nBinnengekomen op\nN.v.t.\nnota\nSteun aan de regio\nAanleiding\n- Een verzoek.\n\n"
     + BODY,
     None, ("", "nota-without-title")),  # the clean text joins these short lines (seeds: nota-line)
    ("Steun aan de regio gaat door\n\n" + BODY, None, ("Steun aan de regio gaat door", "news-headline")),
    ("Aan de Tweede Kamer\n\nHiermee informeer ik u over de opleidingsmissie in de regio.\n\n"
     + BODY, None, ("Opleidingsmissie in de regio", "informs-about")),
]


@pytest.mark.parametrize("text, ref, expected", TITLES_CONVENTIONS)
def test_title_rules(text, ref, expected):
    doc = _doc(text)
    assert (doc.title, doc.memo["title_rule"]) == expected


DATES_CONVENTIONS = [
    ("Aan de Tweede Kamer\n\nDen Haag, 3 maart 2021\n\n" + BODY, None,
     ("2021-03-03", True, "place-date")),
    ("Nota\nSteun\n\nDatum\n4 maart 2021\n\n" + BODY, None, ("2021-03-04", True, "date-field")),
    ("Steun gaat door\n\nNieuwsbericht | 05-03-2021\n\n" + BODY, None, ("2021-03-05", True, "date-line")),
    ("Steun gaat door\n\nOp 12 februari jl. besloot het kabinet in 2021 tot steun.\n\n" + BODY, None,
     ("2021-02", False, "jl-date-bound")),
    ("Steun gaat door\n\nAfgelopen vrijdag 14 februari kregen de militairen in 2020 een medaille.\n\n" + BODY,
     None, ("2020-02", False, "jl-date-bound")),  # a day marked past by the word before it
    ("Steun gaat door\n\nIn 2019 en 2020 werd de steun verlengd.\n\n" + BODY, None,
     ("2020", False, "latest-year-bound")),
    ("Steun gaat door\n\n" + BODY, None, ("", False, "none")),
]


@pytest.mark.parametrize("text, ref, expected", DATES_CONVENTIONS)
def test_date_rules(text, ref, expected):
    doc = _doc(text)
    assert (doc.date, doc.date_known, doc.memo["date_rule"]) == expected
    assert doc.memo["date_source"] == ("text" if doc.date_known else "bound" if doc.date else "")


def test_every_rule_list_ends_with_a_rule_that_always_answers():
    for rules in (TYPE_RULES, TITLE_RULES, DATE_RULES):
        names = [name for name, _rule in rules]
        assert len(names) == len(set(names))
        assert names[-1] in ("none", "default-news")


# ---- forms of real documents (made-up wording): news relays, parliament site pages, prints
# whose header lines run together, written questions and their answers
RELAY = "Kabinet verlengt steun aan de missie\n\nDEN HAAG - Het kabinet verlengt de steun aan de missie.\n\n"
QUESTIONS = (
    "Vragen van het lid Jansen (XX) aan de Minister van Defensie over de inzet in de regio "
    "(ingezonden 3 maart 2020).\n\nAntwoord van Minister Pietersen (Defensie) (ontvangen 24 maart 2020).\n\n"
    "Vraag 1\n\nHeeft u kennisgenomen van de berichten?\n\nAntwoord 1\n\nJa.\n\n"
)
JOINED = (
    "Eerste Kamer der Staten-Generaal Vergaderjaar 2019–2020 12 345 Inzet in de regio A BRIEF VAN DE "
    "MINISTER VAN DEFENSIE Aan de Eerste Kamer Den Haag, 5 juni 2020 "
    "Hierbij stuur ik u informatie over de inzet in de regio.\n\n"
)
SITE_TABLE = (
    "Inzet in de regio\nRegiobeleid\nBrief regering\n"
    "Nummer: 2020D12345, datum: 2020-06-05, bijgewerkt: 2021-01-04 10:00, versie: 2\n\n"
)
SITE_TITLE = "Brief regering : Inzet in de regio\n12 345 Inzet in de regio\nNr. 7 BRIEF VAN DE MINISTER VAN DEFENSIE\n"
LIST = "12 345 Inzet in de regio\n\nNr. 8 NOTA NAAR AANLEIDING VAN HET VERSLAG\n\nVastgesteld 2 juli 2020\n\n"
ASKED = (
    "Kamervraag 2019Z01234\n\nHet bericht over de inzet in de regio\n\nIngediend 2 april 2019\n"
    "Beantwoord 20 april 2019 (na 18 dagen)\n • Vraag 1\n  Heeft u kennisgenomen van de berichten?\n\n  Ja.\n\n"
)
SUBJECT = "Aan de Tweede Kamer\nDatum 1 juni 2020\nBetreft Steun aan de regio\n"
SIGNED = "\n\nDe Minister van Defensie,\n\nA.B. Jansen\n"

# (text, reference date, (field, value, rule))
DECISIONS_BUGS_CAUGHT = [
    # a relay's byline and update stamp; a change stamp glued to the time, English month names
    (RELAY + "Door ANP - 4-5-2019, 10:12 (Update 4-5-2019, 11:40)\n\n" + BODY, None,
     ("date", "2019-05-04", "date-line")),
    (RELAY + "ANP\n7 March 2019 09:15Gewijzigd op 2 December 2021 16:40\n\n" + BODY, None,
     ("date", "2019-03-07", "date-line")),
    # answers to written questions are dated by the answers, not by the questions
    (QUESTIONS + BODY, None, ("date", "2020-03-24", "answers-received")),
    (QUESTIONS + BODY, None, ("title", "Vragen van het lid Jansen (XX) aan de Minister van Defensie over de "
                              "inzet in de regio", "questions-heading")),
    (QUESTIONS + BODY, None, ("doc_type", "kamerbrief", "questions-and-answers")),
    (ASKED + BODY, None, ("date", "2019-04-20", "date-line")),
    (ASKED + BODY, None, ("title", "Het bericht over de inzet in de regio", "site-label-next-line")),
    # a print whose heading, addressee, place and date run on in one line
    (JOINED + BODY, None, ("date", "2020-06-05", "place-date-joined")),
    (JOINED + BODY, None, ("title", "BRIEF VAN DE MINISTER VAN DEFENSIE", "letter-heading-joined")),
    # a site page whose metadata table heads the text, or whose first line is label : title
    (SITE_TABLE + BODY, None, ("date", "2020-06-05", "date-line")),
    (SITE_TABLE + BODY, None, ("title", "Inzet in de regio", "site-label-first-line")),
    (SITE_TITLE + BODY, None, ("title", "Inzet in de regio", "site-label-title")),
    (LIST + BODY, None, ("date", "2020-07-02", "date-line")),
    (LIST + BODY, None, ("title", "NOTA NAAR AANLEIDING VAN HET VERSLAG", "number-line-heading")),
    (LIST + BODY, None, ("doc_type", "kamerbrief", "kamerstuk-header")),
    (SUBJECT + BODY, None, ("title", "Steun aan de regio", "subject-line")),
    # a news headline does not run into the first paragraph; a credit line is not the headline
    (BODY + "\n" + BODY, None, ("title", "", "news-without-headline")),
    ("Tekst kapitein J. Jansen\n\nTrainers aan het werk in de regio\n\n" + BODY, None,
     ("title", "Trainers aan het werk in de regio", "news-headline")),
    ("Een dag op pad met...\n\nKapitein Anna, instructeur\n\n" + BODY, None,
     ("title", "Een dag op pad met... Kapitein Anna, instructeur", "news-headline")),
]


@pytest.mark.parametrize("text, ref, expected", DECISIONS_BUGS_CAUGHT)
def test_decisions_on_forms_of_real_documents(text, ref, expected):
    field, value, rule = expected
    doc = _doc(text)
    rule_key = {"doc_type": "type_rule", "date": "date_rule", "title": "title_rule"}[field]
    assert (getattr(doc, field), doc.memo[rule_key]) == (value, rule)
    if field == "date":
        assert doc.date_known and doc.memo["date_source"] == "text"
        assert value[:4] in doc.memo["date_quote"] or value[2:4] in doc.memo["date_quote"]


# (text, reference date, (date, date_known, signatories)): line ends of other systems
LINE_ENDS_BUGS_CAUGHT = [
    (("Aan de Tweede Kamer\n\nDen Haag, 3 maart 2021\n\n" + BODY + SIGNED).replace("\n", end),
     None, ("2021-03-03", True, "A.B. Jansen"))
    for end in ("\n", "\r\n", "\r")
]


@pytest.mark.parametrize("text, ref, expected", LINE_ENDS_BUGS_CAUGHT)
def test_old_mac_and_windows_line_ends_keep_date_and_signatories(text, ref, expected):
    doc = _doc(text)
    assert (doc.date, doc.date_known, doc.signatories) == expected
    assert len(doc.offsets) == len(doc.text) + 1 and max(doc.offsets) <= len(text)
    assert "\r" not in doc.text  # the sentence splitter and the fact rules see plain line ends
