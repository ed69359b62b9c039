"""The actors of an event and the summary that names them (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .event_rows import event_rows, rule_of

# (text, document date, expected actors of each row, the actors rule of each row)
SEEDS = [
    ("Op 2 oktober jl. vond in Burkina Faso een staatsgreep plaats onder leiding van een kapitein.",
     "2022-11-08", ["BFA"], ["named-in-clause"]),
    ("De VN-Veiligheidsraad heeft op 29 juni jl. het mandaat van MINUSMA verlengd.", "2017-09-11",
     ["UN Security Council; MINUSMA"], ["named-in-clause"]),
    ("Op 3 maart 2023 vond een machtsgreep plaats.", "2023-04-01", [""], ["none"]),
]

BUGS_CAUGHT = [
    # an ISO code written as such is an actor and a country
    ("Op 3 maart 2023 nam BFA deel aan de top.", "2023-04-01", ["BFA"], ["named-in-clause"]),
]


@pytest.mark.parametrize(("text", "date", "actors", "rules"), SEEDS + BUGS_CAUGHT)
def test_actors(text: str, date: str, actors: list[str], rules: list[str]) -> None:
    rows = event_rows(text, date)
    assert [r["actors"] for r in rows] == actors
    assert [rule_of(r, "actors") for r in rows] == rules


def test_summary_names_the_type_and_the_actors() -> None:
    (row,) = event_rows("Op 2 oktober jl. vond in Burkina Faso een staatsgreep plaats.", "2022-11-08")
    assert row["summary"] == "coup: BFA in BFA (2022-10-02)"
