"""Failure classes seen on the blind3 set, on sentences written for these tests (not from any set)."""

from sahel_analysis.facts import events

from .docs import text_doc


def _doc(text, date="2024-10-15", title=""):
    return text_doc(text, date, title)


def _rows(text, date="2024-10-15"):
    return [(r["date_start"], r["date_end"], r["event_type"], r["country"])
            for r in events.extract(_doc(text, date))]


def _types(text, date="2024-10-15"):
    return [t for _, _, t, _ in _rows(text, date)]


# EU Council decisions


def test_the_council_agreeing_to_a_measure_is_an_eu_decision():
    assert _types("De Raad stemde op 3 oktober jl. in met een steunpakket voor de grenswacht van Tsjaad.") == [
        "eu_decision"]


def test_the_council_deciding_to_extend_is_an_eu_decision_not_a_national_mandate():
    text = "De Raad heeft op 9 september jl. besloten het mandaat van de missie met een jaar te verlengen."
    assert _types(text) == ["eu_decision"]


def test_a_mission_the_council_set_up_is_an_eu_decision():
    assert _types("Deze missie, die de Raad op 5 mei 2023 instelde, telt veertig adviseurs.") == ["eu_decision"]


def test_an_eu_initiative_set_up_is_an_eu_decision():
    assert _types("Het EU-initiatief werd in juni 2023 ingesteld op verzoek van Ghana.") == ["eu_decision"]


def test_suspension_announced_on_behalf_of_the_eu_is_an_eu_decision():
    text = ("De Hoge Vertegenwoordiger heeft namens de EU op 2 augustus jl. verklaard dat alle steun aan de "
            "veiligheidssector van het land met onmiddellijke ingang wordt opgeschort.")
    assert _types(text) == ["eu_decision"]


def test_a_council_of_state_is_not_the_eu_council():
    assert "eu_decision" not in _types("De Raad van State heeft op 4 maart jl. besloten het advies te publiceren.")


def test_a_town_council_is_not_the_eu_council():
    assert "eu_decision" not in _types("De gemeenteraad stemde op 4 maart jl. in met het plan.")


def test_a_mission_becoming_operational_is_no_decision():
    text = "De missie, die de Raad op 5 mei 2023 instelde en die in september 2023 operationeel werd, groeit."
    assert sorted(_types(text)) == ["eu_decision", "other"]


# other typing


def test_a_closed_training_mission_is_a_withdrawal():
    assert _types("De trainingsmissie in Niger werd op 30 juni 2024 afgesloten.") == ["withdrawal"]


def test_president_detained_by_soldiers_is_a_coup():
    text = ("Op 2 oktober jl. werd de gekozen president van Tsjaad door officieren van de lijfwacht onder leiding "
            "van een kolonel vastgezet.")
    assert _types(text) == ["coup"]


def test_ambassador_back_from_consultations_is_diplomatic_not_a_withdrawal():
    assert _types("De ambassadeur keert begin november terug van consultaties in Den Haag.") == ["diplomatic"]


def test_an_ambassador_coming_home_for_good_stays_a_withdrawal():
    assert _types("De laatste militairen keren begin november terug naar Nederland.") == ["withdrawal"]


def test_planned_for_a_month_is_that_month_not_before_it():
    rows = _rows("De volgende editie staat gepland voor maart 2025 in Ghana.")
    assert [(s, e) for s, e, _, _ in rows] == [("2025-03-01", "2025-03-31")]


def test_before_a_month_is_still_before_it():
    rows = _rows("De eenheid moet voor maart 2025 in Ghana zijn aangekomen.")
    assert [(s, e) for s, e, _, _ in rows] == [("2024-10-15", "2025-02-28")]


# country


def test_a_list_of_host_countries_is_kept_whole():
    assert _rows("De oefening vond plaats van 3 tot en met 14 februari 2024 in Ghana en Benin.") == [
        ("2024-02-03", "2024-02-14", "exercise", "GHA; BEN")]


def test_countries_as_actors_are_no_list_of_places():
    rows = _rows("Op 1 augustus jl. voerden Frankrijk en Spanje evacuatievluchten uit vanuit Niamey.")
    assert [c for *_, c in rows] == ["NER"]


def test_return_home_happens_where_they_served():
    rows = _rows("Missie in Mali\nDe laatste Nederlandse militairen keerden op 2 mei 2024 terug naar Nederland.")
    assert [c for *_, c in rows] == ["MLI"]


def test_handover_happens_where_the_task_is_not_at_the_receiver():
    text = "Inzet in Niger\nOp 12 maart droeg het Nederlandse team de taak over aan Belgische militairen."
    assert [c for *_, c in _rows(text)] == ["NER"]


def test_the_netherlands_as_supporter_does_not_place_an_eu_decision():
    text = "Mali\nDe Raad zal naar verwachting in november besluiten over de missie; Nederland steunt dat."
    assert [c for *_, c in _rows(text)] == ["MLI"]
