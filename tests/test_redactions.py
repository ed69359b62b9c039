"""Woo redaction markers: counted per memo by ground; template text is not a redaction.

Tables of ``(text, document date, expected (ground, article) rows)``. SEEDS: the memo file of the
seeds; CONVENTIONS: made-up examples of the rules.
"""

from __future__ import annotations

from collections import Counter

import pytest

from sahel_analysis.redactions import find_redactions

from .docs import text_doc


def test_redaction_counts_per_memo_in_the_memo_file(seed_docs):  # SEEDS
    counts = {
        part: Counter(r["ground"] for r in find_redactions(doc))
        for (file, part), doc in seed_docs.items()
        if file.startswith("002_")
    }
    assert counts[1] == {"Bescherming persoonlijke levenssfeer": 3,
                         "Internationale en diplomatieke belangen": 1}
    assert counts[2] == {"Internationale en diplomatieke belangen": 7, "Veiligheid van de Staat": 3,
                         "Bescherming persoonlijke levenssfeer": 2,
                         "Redacted (ground not stated)": 1}
    assert counts[3] == {"Internationale en diplomatieke belangen": 6,
                         "Bescherming persoonlijke levenssfeer": 2}


REDACTIONS_CONVENTIONS = [
    # the ground's article is given
    ("Tekst.\nVeiligheid van de staat\nMeer. Bescherming persoonlijke levenssfeer", "2022-11-15",
     [("Veiligheid van de Staat", "5.1 lid 1 b"), ("Bescherming persoonlijke levenssfeer", "5.1 lid 2 e")]),
    # template text listing the grounds, and placeholders, are not redactions
    ("Het gaat bijv. om informatie die schadelijk is voor: internationale en diplomatieke "
     "belangen, veiligheid van de Staat, eenheid van kabinetsbeleid.\nDatum\n[datum]", "2022-11-15", []),
]


@pytest.mark.parametrize("text, date, expected", REDACTIONS_CONVENTIONS)
def test_redaction_grounds_and_articles(text, date, expected):
    rows = find_redactions(text_doc(text, date))
    assert [(r["ground"], r["article"]) for r in rows] == expected


# article codes alone count as redactions: (text, document date, expected articles)
ARTICLE_CODES_CONVENTIONS = [
    ("De naam is weggelakt 5.1.2e en ook 5.1.1b hier.", "2022-11-15", ["5.1 lid 2 e", "5.1 lid 1 b"]),
]


@pytest.mark.parametrize("text, date, expected", ARTICLE_CODES_CONVENTIONS)
def test_article_codes_count_as_redactions(text, date, expected):
    assert [r["article"] for r in find_redactions(text_doc(text, date))] == expected
