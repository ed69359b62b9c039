"""Whether an event happened, is announced or is hypothetical (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .event_rows import event_rows, rule_of

# (text, document date, expected (status, status rule) of each row)
HAPPENED = [
    ("Op 3 mei jl. werd een legerpost bij Gao aangevallen.", "2023-06-14", [("happened", "default-happened")]),
    ("In maart 2023 verlengde de Raad het mandaat van de missie.", "2023-06-14", [("happened", "default-happened")]),
    ("Derhalve is besloten de taakgroep uit Mali terug te trekken.", "2023-06-14", [("happened", "default-happened")]),
]
ANNOUNCED = [
    ("De Raad zal op 3 juli a.s. besluiten over de missie.", "2023-06-14", [("announced", "after-document")]),
    ("In oktober 2024 worden in Tsjaad verkiezingen gehouden.", "2023-06-14", [("announced", "after-document")]),
    ("Naar verwachting vindt de top op 3 mei plaats.", "2023-06-14", [("announced", "future-tense")]),
    ("De oefening Flintlock staat gepland voor maart 2023.", "2023-06-14", [("announced", "future-tense")]),
    ("De ministers zullen elkaar op 12 juni in Brussel spreken.", "2023-06-14", [("announced", "future-tense")]),
    ("De RBZ van maandag 12 juni a.s. spreekt over de Sahel.", "2023-06-08", [("announced", "after-document")]),
]
# BUGS_CAUGHT: a window from the document's date into its future was shown as the latest event
RUNS_AHEAD = [
    ("De junta heeft toegezegd voor juli 2024 verkiezingen te houden.", "2022-11-16",
     [("announced", "runs-ahead")]),
]
HYPOTHETICAL = [
    ("De missie wordt op 1 juli verlengd, indien de Raad daarmee instemt.", "2023-06-14",
     [("hypothetical", "condition")]),
    ("Het mandaat eindigt op 30 juni, er vanuit gaande dat de Raad het niet verlengt.", "2023-06-14",
     [("hypothetical", "condition")]),
    ("De trainers vertrekken op 1 juli, mocht de veiligheid het toelaten.", "2023-06-14",
     [("hypothetical", "condition")]),
    ("Op 1 juli vertrekken de trainers, als de junta daar mee zou instemmen.", "2023-06-14",
     [("hypothetical", "condition")]),
]


@pytest.mark.parametrize(("text", "date", "expected"), HAPPENED + ANNOUNCED + RUNS_AHEAD + HYPOTHETICAL)
def test_status(text: str, date: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["status"], rule_of(r, "status")) for r in event_rows(text, date)] == expected


# a sentence that opens with a condition states no happening at all (as before the status)
CONDITION_FIRST = [
    ("Indien de Raad op 3 juli instemt, wordt de missie verlengd.", "2023-06-14"),
    ("Als de junta op 3 mei zou aftreden, volgen verkiezingen.", "2023-06-14"),
]


@pytest.mark.parametrize(("text", "date"), CONDITION_FIRST)
def test_condition_first_makes_no_row(text: str, date: str) -> None:
    assert event_rows(text, date) == []
