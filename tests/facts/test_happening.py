"""Which dates of a text date a happening, and the window each gives (sentences written for
these tests; each table is named after the set whose failures it comes from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .event_rows import event_rows, rule_of

# (text, document date, expected windows in row order)
SEEDS = [
    ("Op 2 oktober jl. vond in Burkina Faso een staatsgreep plaats onder leiding van een kapitein.",
     "2022-11-08", [("2022-10-02", "2022-10-02")]),
    ("Het kabinet heeft eerder gemeld dat de situatie zorgelijk is (Kamerstuk 29 521, nr. 426, 15 oktober "
     "2021). Zoals vermeld in de brief van 7 oktober 2016 (Kamerstuk 29 521, nr. W) blijft de inzet gericht "
     "op inlichtingen.", "2022-11-08", []),
    ("Datum 8 november 2022\nDen Haag, 8 november 2022\nOp 4 november jl. werd in Bamako een aanslag gepleegd.",
     "2022-11-08", [("2022-11-04", "2022-11-04")]),
    ("De VN-Veiligheidsraad heeft op 29 juni jl. het mandaat van MINUSMA verlengd.", "2017-09-11",
     [("2017-06-29", "2017-06-29")]),
    ("Het kabinet heeft besloten het nationale mandaat voor EUTM Mali te verlengen tot en met 30 juni 2024.",
     "2022-11", [("2022-11-01", "2024-06-30")]),
    ("De junta wil verkiezingen houden voor juli 2024.", "2022-11-16", [("2022-11-16", "2024-06-30")]),
    ("De Nederlandse bijdrage bestaat in 2018 uit maximaal 250 militairen. In 2015 werd het vredesakkoord "
     "getekend.", "2022-11-08", [("2015-01-01", "2015-12-31")]),
    ("Derhalve is besloten de taakgroep uit Mali terug te trekken.", "2022-02-17", [("2022-02-17", "2022-02-17")]),
    ("Begin oktober jl. volgde een machtsgreep.\nBegin oktober jl. vond opnieuw een machtsgreep plaats.",
     "2022-11-08", [("2022-10-01", "2022-10-10")]),
    ("Op 29 juni jl. werd een aanslag gepleegd. Op 3 maart 2021 werd een aanslag gepleegd.", None,
     [("2021-03-03", "2021-03-03")]),
]

BLIND1 = [
    ("Het kabinet besloot in maart jl. de steun tot en met 2026 voort te zetten.", "2023-06-14",
     [("2023-03-01", "2023-03-31")]),
    ("Het kabinet heeft besloten de steun tot en met 30 juni 2025 voort te zetten.", "2023-06-14",
     [("2023-06-14", "2025-06-30")]),
    ("In de nacht van 4 op 5 mei jl. werd een legerpost bij Gao aangevallen.", "2023-06-14",
     [("2023-05-04", "2023-05-05")]),
    ("Bij de aanval van 31 mei-1 juni jl. vielen drie doden.", "2023-06-14", [("2023-05-31", "2023-06-01")]),
    ("De aanvallen van 4 mei en 19 mei jl. kostten veel levens.", "2023-06-14",
     [("2023-05-04", "2023-05-04"), ("2023-05-19", "2023-05-19")]),
    ("- Advies: bijdrage per 1 juli 2023 verhogen naar 6 pax.", "2023-06-14", []),
    ("Voorstel: met ingang van 1 september 2023 de inzet afbouwen.", "2023-06-14", []),
    ("Per 1 mei jl. heeft Duitsland de leiding van het kamp overgenomen.", "2023-06-14",
     [("2023-05-01", "2023-05-01")]),
    ("In november jl. werden in Tsjaad parlementsverkiezingen gehouden.", "2023-06-14",
     [("2022-11-01", "2022-11-30")]),
]

BLIND2 = [
    ("Van 8 tot en met 19 maart a.s. neemt Nederland deel aan de oefening Flintlock 2021 in Ghana.", "2021-01-15",
     [("2021-03-08", "2021-03-19")]),
    ("Nederland neemt deel aan de oefening Flintlock 2022 in Senegal.", "2021-10-01", [("2022-01-01", "2022-12-31")]),
    ("Het nationale mandaat voor EUTM Mali voorziet in 2021 in maximaal zes trainers.", "2021-06-10", []),
    ("In Gao trainden de commando's van 3 tot en met 21 mei met de Malinese militairen.", "2021-06-10",
     [("2021-05-03", "2021-05-21")]),
    ("Het nationale mandaat van maximaal tien personen loopt op 30 juni a.s. af.", "2021-06-10",
     [("2021-06-30", "2021-06-30")]),
    ("De laatste Nederlandse instructeurs keren op 14 juni terug naar Nederland.", "2021-06-10",
     [("2021-06-14", "2021-06-14")]),
]

BLIND3 = [
    ("De volgende editie staat gepland voor maart 2025 in Ghana.", "2024-10-15", [("2025-03-01", "2025-03-31")]),
    ("De eenheid moet voor maart 2025 in Ghana zijn aangekomen.", "2024-10-15", [("2024-10-15", "2025-02-28")]),
    ("De oefening vond plaats van 3 tot en met 14 februari 2024 in Ghana en Benin.", "2024-10-15",
     [("2024-02-03", "2024-02-14")]),
]

# classes of dates that real documents hold and that are no happening (sentences made up)
REALDEV = [
    ("Schriftelijke vraag 2019X123\nIngediend 4 maart 2019\nBeantwoord 20 maart 2019 (na 16 dagen)", "2019-03-20", []),
    ("Pagina over de missie\nGewijzigd op 2 mei 2021 10:15", "2021-05-02", []),
    ("Kenmerk: 2021X55, datum: 2021-04-01, bijgewerkt: 2021-04-09 11:30, versie: 2", "2021-04-01", []),
    ("Vergaderjaar 2020-2021", "2021-04-01", []),
    ("Lijst van vragen\nAan de Voorzitter van de Tweede Kamer Den Haag, 9 april 2021 Hierbij zend ik u de antwoorden.",
     "2021-04-09", []),
    ("Door Persbureau - 5-3-2020, 16:40 (Update 5-3-2020, 16:45)", "2020-03-05", []),
    ("Met deze brief ga ik in op het verzoek van de vaste commissie voor Defensie van 12 februari jl.",
     "2021-03-01", []),
    ("Hierbij zend ik u de geannoteerde agenda van de Raad Buitenlandse Zaken van 22 maart 2021.", "2021-03-01", []),
    # a meeting at a clock time on a line of many words stays a happening
    ("2021-03-04 14:00: Commissiedebat over de missie in Mali, vaste commissie voor Defensie", "2021-03-01",
     [("2021-03-04", "2021-03-04")]),
    # a decision in news form without a date: the document's date
    ("De Europese Unie heeft haar adviesmissie in Mali met een jaar verlengd.", "2021-03-01",
     [("2021-03-01", "2021-03-01")]),
    ("Zij spraken over het besluit van het kabinet een bijdrage te leveren aan de missie.", "2021-03-01",
     [("2021-03-01", "2021-03-01")]),
    ("Zoals gemeld in de Kamerbrief over de missie (Kamerstuk 29 521, nr. 400) van 20 februari jl. blijft de "
     "inzet gelijk.", "2021-03-01", []),
    ("De Raad nam conclusies aan over de prioriteiten voor 2023 en 2024.", "2023-01-30", []),
    ("Het kabinet werkt aan een nieuwe Strategie 2030.", "2023-01-30", []),
    ("Met deze brief informeert het kabinet u over de missie in de periode van mei 2022 tot oktober 2022.",
     "2022-11-01", []),
    ("De Veiligheidsraad heeft gestemd voor het beëindigen van de uit 2013 stammende missie.", "2023-06-30",
     [("2023-06-30", "2023-06-30")]),
    # a document dated by its month only: a dateless decision spans the month
    ("De Europese Unie heeft een adviesmissie voor Niger opgericht.", "2023-06?", [("2023-06-01", "2023-06-30")]),
    ("De Europese Unie heeft een adviesmissie voor Niger opgericht.", "2023?", []),
    # a Council report: undated parts of the meeting take the meeting's date
    ("Verslag van de Raad Buitenlandse Zaken van 14 maart 2022\nVoorafgaand aan de Raad was er een informeel "
     "ontbijt met de minister van Ghana.\nDe Raad besprak de toestand in de Sahel.\nHet kabinet blijft "
     "betrokken.", "2022-03-20", [("2022-03-14", "2022-03-14")] * 3),
    ("De Kamer sprak over de missie.\nVoorafgaand aan de Raad was er een informeel ontbijt.", "2022-03-20", []),
    ("De Veiligheidsraad heeft gestemd voor het beëindigen van de vredesmissie.", "2023-06-30",
     [("2023-06-30", "2023-06-30")]),
    # realdev-even pattern: a weekday by itself is the latest such day (the coming one after a word
    # of the future); in a document dated by its month, every day the month allows; by its year, none
    ("De minister van Niger zei dinsdag dat de samenwerking doorgaat.", "2021-06-10", [("2021-06-08", "2021-06-08")]),
    ("Het kabinet gaat hier dinsdag mee akkoord.", "2021-06-10", [("2021-06-15", "2021-06-15")]),
    ("Het leger van Niger heeft de president dinsdag aangehouden.", "2021-05?", [("2021-04-27", "2021-05-25")]),
    ("Het leger van Niger heeft de president dinsdag aangehouden.", "2021?", []),
    ("Elke dinsdag overlegt de minister met de missie.", "2021-06-10", []),
    # two happenings told for the same weekday are two rows
    ("Het leger van Niger heeft de president dinsdag aangehouden.\n\nDe Franse ambassade in Niger waarschuwt "
     "Fransen dinsdag om binnen te blijven.", "2021-05?", [("2021-04-27", "2021-05-25")] * 2),
    # realdev-even pattern: an announcement told as news without a date (zo maakte X bekend) is of the
    # document's date, as a dateless decision
    ("Ook Nederland zal twee stafofficieren leveren, zo maakte de minister van Defensie bekend.", "2021-06-10",
     [("2021-06-10", "2021-06-10")]),
    ("Nederland blijft de missie steunen, zo liet het kabinet weten.", "2021-06?", [("2021-06-01", "2021-06-30")]),
    ("De minister maakte de namen van de kandidaten niet bekend.", "2021-06-10", []),
    # realdev-even pattern: a dateless decision whose body is named in full ('de regering van de Republiek X')
    ("De regering van de Republiek Tsjaad heeft gestemd voor een waarnemersmissie in Niger.",
     "2023-06?", [("2023-06-01", "2023-06-30")]),
    # realdev-even pattern: 'twee weken geleden' in a document dated by its month: every day it allows
    ("Twee weken geleden vroeg de regering van Niger de Raad om meer steun.", "2023-06?",
     [("2023-05-18", "2023-06-16")]),
    # realdev-odd pattern: 'vorige week' in a document dated by its month: every week the month allows
    ("Vorige week beloofden vijf Europese landen de taakgroep te steunen.", "2020-03?", [("2020-02-17", "2020-03-29")]),
    # realdev GOLD-RULES: 'uiterlijk X' runs from the document's date to X (the seeds' and blind5's
    # gold read it as X alone); 'voor' a period the document is dated in, likewise
    ("De operatie wordt uiterlijk eind 2024 afgerond.", "2024-03-14", [("2024-03-14", "2024-12-31")]),
    ("De training van de eenheid begint uiterlijk midden februari.", "2013-01?", [("2013-01-01", "2013-02-20")]),
    ("De kwartiermakers reizen voor het einde van dit jaar af.", "2013-11-20", [("2013-11-20", "2013-12-31")]),
    ("De junta wil verkiezingen houden voor juli 2024.", "2022-11-16", [("2022-11-16", "2024-06-30")]),
]


@pytest.mark.parametrize(("text", "date", "windows"), SEEDS + BLIND1 + BLIND2 + BLIND3 + REALDEV)
def test_windows(text: str, date: str | None, windows: list[tuple[str, str]]) -> None:
    assert [(r["date_start"], r["date_end"]) for r in event_rows(text, date)] == windows


# (text, document date, the happening rule of each row): the first item of ``rule``
RULES = [
    ("Het kabinet heeft besloten het nationale mandaat voor EUTM Mali te verlengen tot en met 30 juni 2024.",
     "2022-11", ["decision-until"]),
    ("Derhalve is besloten de taakgroep uit Mali terug te trekken.", "2022-02-17", ["dateless-decision"]),
    ("De junta wil verkiezingen houden voor juli 2024.", "2022-11-16", ["until-before"]),
    ("De missie wordt uiterlijk 31 december 2023 afgebouwd.", "2023-06-30", ["until-deadline"]),
    ("In de nacht van 4 op 5 mei jl. werd een legerpost bij Gao aangevallen.", "2023-06-14", ["dated-point"]),
    ("Bij de aanval van 30 september-1 oktober jl. vielen drie doden.", "2023-06-14", ["joined-days"]),
    ("Vanaf 1 maart 2023 tot 30 april 2023 oefenden de mariniers in Senegal.", "2023-06-14", ["dated-range"]),
    ("Op 4 mei jl. werd een legerpost bij Gao aangevallen.", "2023-06-14", ["dated-point"]),
    ("Verslag van de Raad Buitenlandse Zaken van 14 maart 2022\nDe Raad besprak de toestand in de Sahel.",
     "2022-03-20", ["dated-point", "council-part"]),
    ("Sinds 1 maart 2023 en tot en met 30 april 2023 oefenden de mariniers in Senegal.", "2023-06-14",
     ["since-until-period"]),
]


@pytest.mark.parametrize(("text", "date", "rules"), RULES)
def test_happening_rule_comes_first_in_the_reasons(text: str, date: str, rules: list[str]) -> None:
    rows = event_rows(text, date)
    assert [r["rule"].split("; ")[0] for r in rows] == [f"happening:{x}" for x in rules]
    assert all(rule_of(r, "type") and rule_of(r, "country") and rule_of(r, "actors") for r in rows)


SEED_003 = Path(__file__).resolve().parents[2] / "seeds" / "003_85f3fd42da5e9a91.txt"


@pytest.mark.skipif(not SEED_003.exists(), reason="seed missing")
def test_seed_003_rows() -> None:
    from sahel_analysis.documents import read_documents
    from sahel_analysis.facts.events import extract

    (doc,) = read_documents(SEED_003)
    rows = extract(doc)
    for r in rows:
        assert doc.text[r["start"] : r["end"]] == r["quote"]
    got = {(r["date_start"], r["date_end"], r["event_type"]) for r in rows}
    assert ("2022-02-16", "2022-02-16", "diplomatic") in got  # Commissiedebat d.d. 16 februari jl.
    assert ("2022-02-21", "2022-02-21", "diplomatic") in got  # RBZ op maandag 21 februari a.s.
    assert ("2022-02-17", "2022-02-17", "withdrawal") in got  # is besloten ... terug te trekken
    assert any(r["date_start"] == "2021-03-01" for r in rows)  # Sinds maart 2021
    cited = [r for r in rows if r["date_start"] in ("2021-10-15", "2020-03-27")]
    assert cited == []  # (Kamerstuk 29 521, nr. 426, 15 oktober 2021 ...)
