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
    ("Aan de Voorzitter van de Tweede Kamer\n\n" + BODY, None, ("kamerbrief", "addressed-to")),
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
    ("Steun aan de regio gaat door\n\n" + BODY, None, ("Steun aan de regio gaat door", "news-first-line")),
    ("Aan de Voorzitter van de Tweede Kamer\n\nHiermee informeer ik u over de opleidingsmissie in de regio.\n\n"
     + BODY, None, ("Opleidingsmissie in de regio", "informs-about")),
]


@pytest.mark.parametrize("text, ref, expected", TITLES_CONVENTIONS)
def test_title_rules(text, ref, expected):
    doc = _doc(text)
    assert (doc.title, doc.memo["title_rule"]) == expected


DATES_CONVENTIONS = [
    ("Aan de Voorzitter van de Tweede Kamer\n\nDen Haag, 3 maart 2021\n\n" + BODY, None,
     ("2021-03-03", True, "place-date")),
    ("Nota\nSteun\n\nDatum\n4 maart 2021\n\n" + BODY, None, ("2021-03-04", True, "date-field")),
    ("Steun gaat door\n\nNieuwsbericht | 05-03-2021\n\n" + BODY, None, ("2021-03-05", True, "date-line")),
    ("Steun gaat door\n\nOp 12 februari jl. besloot het kabinet in 2021 tot steun.\n\n" + BODY, None,
     ("2021-02", False, "jl-date-bound")),
    ("Steun gaat door\n\nIn 2019 en 2020 werd de steun verlengd.\n\n" + BODY, None,
     ("2020", False, "latest-year-bound")),
    ("Steun gaat door\n\n" + BODY, None, ("", False, "none")),
]


@pytest.mark.parametrize("text, ref, expected", DATES_CONVENTIONS)
def test_date_rules(text, ref, expected):
    doc = _doc(text)
    assert (doc.date, doc.date_known, doc.memo["date_rule"]) == expected


def test_every_rule_list_ends_with_a_rule_that_always_answers():
    for rules in (TYPE_RULES, TITLE_RULES, DATE_RULES):
        names = [name for name, _rule in rules]
        assert len(names) == len(set(names))
        assert names[-1] in ("none", "default-news")
