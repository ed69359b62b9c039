"""The country where an event happens (sentences written for these tests; each table is named
after the set whose failures it comes from)."""

from __future__ import annotations

import pytest

from .event_rows import event_rows, rule_of

# (text, document date, expected (type, country) of each row)
SEEDS = [
    ("Op 2 oktober jl. vond in Burkina Faso een staatsgreep plaats onder leiding van een kapitein.",
     "2022-11-08", [("coup", "BFA")]),
    ("De VN-Veiligheidsraad heeft op 29 juni jl. het mandaat van MINUSMA verlengd.", "2017-09-11",
     [("un_mandate", "MLI")]),
    ("Het kabinet heeft besloten het nationale mandaat voor EUTM Mali te verlengen tot en met 30 juni 2024.",
     "2022-11", [("national_mandate", "NLD")]),
    ("Den Haag, 12 mei 2015\nOp 6 maart 2015 vond een aanslag plaats op een restaurant in Bamako.", "2015-05-12",
     [("attack", "MLI")]),
    ("Frankrijk trok op 22 december 2023 de laatste troepen uit Niger terug.", "2024-03-14", [("withdrawal", "NER")]),
    ("Tijdens het Commissiedebat over Mali op 3 februari 2024 is gesproken over de missie.", "2024-03-14",
     [("diplomatic", "NLD")]),
    ("Ontwikkelingen in Burkina Faso\nBegin oktober 2022 vond opnieuw een machtsgreep plaats onder leiding van "
     "een kapitein.", "2022-11-16", [("coup", "BFA")]),
    # no country in the sentence: the paragraph's last, the heading's, the document's most named
    ("De missie werkt in Tsjaad en Niger. Op 3 maart 2023 vond een machtsgreep plaats.", "2023-04-01",
     [("coup", "NER")]),
    ("Over Niger en Mali\nDe situatie in Mali blijft zorgelijk. Ook Mali kampt met geweld.\n- Op 3 maart 2023 vond "
     "opnieuw een machtsgreep plaats.", "2023-04-01", [("coup", "NER")]),
    ("Situatie\nDe situatie in Mali blijft zorgelijk; Mali en Niger kampen met geweld.\nOp 3 maart 2023 vond "
     "opnieuw een machtsgreep plaats.", "2023-04-01", [("coup", "MLI")]),
]

BLIND3 = [
    ("De oefening vond plaats van 3 tot en met 14 februari 2024 in Ghana en Benin.", "2024-10-15",
     [("exercise", "GHA; BEN")]),
    ("Op 1 augustus jl. voerden Frankrijk en Spanje evacuatievluchten uit vanuit Niamey.", "2024-10-15",
     [("other", "NER")]),
    ("Missie in Mali\nDe laatste Nederlandse militairen keerden op 2 mei 2024 terug naar Nederland.", "2024-10-15",
     [("withdrawal", "MLI")]),
    ("Inzet in Niger\nOp 12 maart droeg het Nederlandse team de taak over aan Belgische militairen.", "2024-10-15",
     [("handover", "NER")]),
    ("Inzet in Mali\nDe Europese Unie zal naar verwachting in november besluiten over de missie; Nederland steunt "
     "dat.", "2024-10-15", [("eu_decision", "MLI")]),
]

# The gold of real documents (GOLD-RULES) names no country for a decision or meeting of the EU
# Council or the High Representative; the blind sets named the mission's country.
REAL_DOCUMENTS = [
    ("Mali\nDe Raad zal naar verwachting in november besluiten over de missie; Nederland steunt dat.", "2024-10-15",
     [("eu_decision", "")]),
    ("De Raad Buitenlandse Zaken stemde op 3 maart jl. in met een nieuwe missie in Niger.", "2024-10-15",
     [("eu_decision", "")]),
    ("De RBZ sprak op 3 maart jl. over de toestand in Mali.", "2024-10-15", [("diplomatic", "")]),
    ("De Franse minister uitte zich op 3 maart jl. bezorgd over de onrust in Tsjaad.", "2024-10-15",
     [("other", "TCD")]),
    # a Council meeting in a city: that city's country, also for the undated parts of the meeting
    ("Op maandag 14 oktober 2024 vindt de Raad Buitenlandse Zaken plaats in Luxemburg.\nVoorafgaand aan de Raad "
     "is er een informeel ontbijt met de minister van Ghana.", "2024-10-08", [("diplomatic", "LUX")] * 2),
    ("Op 3 maart jl. begonnen in Algiers de vredesonderhandelingen voor Mali.", "2024-10-15", [("diplomatic", "DZA")]),
    ("Geannoteerde agenda RBZ van 14 oktober 2024\nOp maandag 14 oktober 2024 vindt de RBZ plaats in Luxemburg."
     "\nTevens is er een informele lunch met de minister van Kenia.", "2024-10-08",
     [("diplomatic", "LUX"), ("diplomatic", "LUX")]),
    ("De vragen en opmerkingen zijn op 3 maart 2024 aan de minister voorgelegd.", "2024-10-15",
     [("diplomatic", "NLD")]),
    # the Netherlands only where nothing else places the event
    ("Missie in Mali\nNederland levert sinds april 2014 een bijdrage aan de VN-missie.", "2024-10-15",
     [("other", "MLI")]),
    ("Nederland organiseerde op 3 maart jl. een bijeenkomst over de inzet.", "2024-10-15", [("diplomatic", "NLD")]),
]


@pytest.mark.parametrize(("text", "date", "expected"), SEEDS + BLIND3 + REAL_DOCUMENTS)
def test_country(text: str, date: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["event_type"], r["country"]) for r in event_rows(text, date)] == expected


# (text, document date, the country rule of each row)
COUNTRY_RULES = [
    ("Het kabinet heeft besloten het nationale mandaat voor EUTM Mali te verlengen tot en met 30 juni 2024.",
     "2022-11", ["national-mandate-nld"]),
    ("Tijdens het Commissiedebat over Mali op 3 februari 2024 is gesproken over de missie.", "2024-03-14",
     ["dutch-institution"]),
    ("Frankrijk trok op 22 december 2023 de laatste troepen uit Niger terug.", "2024-03-14", ["country-left"]),
    ("De oefening vond plaats van 3 tot en met 14 februari 2024 in Ghana en Benin.", "2024-10-15",
     ["listed-countries"]),
    ("Op 6 maart 2015 vond een aanslag plaats op een restaurant in Bamako.", "2015-05-12", ["place-named"]),
    ("Op 2 oktober jl. vond in Burkina Faso een staatsgreep plaats.", "2022-11-08", ["country-after-in"]),
    ("Op 2 oktober jl. beleefde Burkina Faso een staatsgreep.", "2022-11-08", ["country-named"]),
    ("De RBZ sprak op 3 maart jl. over de toestand in Mali.", "2024-10-15", ["eu-council"]),
    ("Op 2 oktober jl. zetten Malinese officieren de president af.", "2022-11-08", ["demonym"]),
    ("De VN-Veiligheidsraad heeft op 29 juni jl. het mandaat van MINUSMA verlengd.", "2017-09-11",
     ["mission-country"]),
    ("Ontwikkelingen in Burkina Faso\nBegin oktober 2022 vond een machtsgreep plaats.", "2022-11-16",
     ["section-heading"]),
    ("De missie werkt in Tsjaad en Niger. Op 3 maart 2023 vond een machtsgreep plaats.", "2023-04-01",
     ["paragraph"]),
    ("Op 3 maart 2023 vond een machtsgreep plaats.", "2023-04-01", ["none"]),
]


@pytest.mark.parametrize(("text", "date", "rules"), COUNTRY_RULES)
def test_country_rule_is_named(text: str, date: str, rules: list[str]) -> None:
    assert [rule_of(r, "country") for r in event_rows(text, date)] == rules
