"""Woo redaction markers: counted per memo by ground; template text is not a redaction."""

from __future__ import annotations

from collections import Counter

from sahel_analysis.model import Document
from sahel_analysis.redactions import find_redactions


def _doc(text: str) -> Document:
    return Document(file="x.txt", part=1, text=text, offsets=list(range(len(text) + 1)))


def test_redaction_counts_per_memo_in_the_memo_file(seed_docs):
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


def test_articles_are_given():
    rows = find_redactions(_doc("Tekst.\nVeiligheid van de staat\nMeer. Bescherming persoonlijke levenssfeer"))
    assert [(r["ground"], r["article"]) for r in rows] == [
        ("Veiligheid van de Staat", "5.1 lid 1 b"),
        ("Bescherming persoonlijke levenssfeer", "5.1 lid 2 e"),
    ]


def test_template_text_and_placeholders_are_not_redactions():
    text = ("Het gaat bijv. om informatie die schadelijk is voor: internationale en diplomatieke "
            "belangen, veiligheid van de Staat, eenheid van kabinetsbeleid.\nDatum\n[datum]")
    assert find_redactions(_doc(text)) == []


def test_article_codes_count_as_redactions():
    rows = find_redactions(_doc("De naam is weggelakt 5.1.2e en ook 5.1.1b hier."))
    assert [r["article"] for r in rows] == ["5.1 lid 2 e", "5.1 lid 1 b"]
