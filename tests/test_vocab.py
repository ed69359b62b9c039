from sahel_analysis.vocab import countries, country_iso3, find_entities, missions


def _found(text):
    return [(e.text, e.kind, e.canonical, e.iso3) for e in find_entities(text)]


def test_longest_match_wins_over_parts():
    got = _found("bijdrage aan VN-missie MINUSMA en EUCAP Sahel Niger")
    assert got == [
        ("VN-missie MINUSMA", "mission", "MINUSMA", None),
        ("EUCAP Sahel Niger", "mission", "EUCAP Sahel Niger", None),
    ]


def test_mission_aliases_map_to_schema_names():
    text = "Taakgroep Takuba, Operatie Barkhane, de Europese Trainingsmissie en Minusma"
    assert [e.canonical for e in find_entities(text)] == [
        "Takuba", "Barkhane", "EUTM Mali", "MINUSMA"
    ]
    assert set(missions()) >= {"MINUSMA", "EUTM Mali", "Takuba", "other"}


def test_demonyms_carry_iso3():
    got = _found("De Duitse en Nederlandse militairen, de Malinese autoriteiten")
    assert [(t, k, i) for t, k, _, i in got] == [
        ("Duitse", "demonym", "DEU"),
        ("Nederlandse", "demonym", "NLD"),
        ("Malinese", "demonym", "MLI"),
    ]


def test_acronyms_are_case_sensitive():
    assert _found("NL levert") == [("NL", "country", "NLD", "NLD")]
    assert _found("in nl is het eu-beleid") == []
    assert [e.canonical for e in find_entities("de NLse bijdrage")] == ["NLD"]


def test_names_are_case_insensitive_and_word_bounded():
    assert [e.canonical for e in find_entities("VERENIGDE NATIES")] == ["UN"]
    # 'Mali' inside 'Malinese' is not a separate hit; 'Niger' not inside 'Nigeria'
    assert [e.canonical for e in find_entities("Nigeria en Malinese")] == ["NGA", "MLI"]


def test_hyphenated_compound_still_finds_name():
    assert [e.canonical for e in find_entities("als Takuba-liaisonofficier")] == ["Takuba"]


def test_spans_match_text():
    text = "Het Central Emergency Response Fund (CERF) van de VN in Tsjaad"
    for e in find_entities(text):
        assert text[e.start:e.end] == e.text


def test_country_iso3_and_table():
    assert country_iso3("Burkina Faso") == "BFA"
    assert country_iso3("Tsjadische") == "TCD"
    assert country_iso3("nederland") == "NLD"
    assert country_iso3("Atlantis") is None
    table = countries()
    assert table["MLI"] == "Mali" and table["NER"] == "Niger"
    assert len(table) > 240


def test_places_give_a_country_but_are_no_nation():
    from sahel_analysis.vocab import find_entities

    ents = {e.text: e for e in find_entities("Een aanslag in Gao en een aanval bij Niamey.")}
    assert ents["Gao"].kind == "place" and ents["Gao"].iso3 == "MLI"
    assert ents["Niamey"].iso3 == "NER"


def test_entities_in_equals_a_scan_of_the_span_alone():
    from pathlib import Path

    from sahel_analysis.model import Document
    from sahel_analysis.vocab import entities_in

    text = ("De VN-missie MINUSMA in Mali, de Malivlucht en superNiger van de Verenigde Naties:\n"
            "Burkina Faso, EUCAP Sahel Niger. Nederlandse militairen in Gao (Mali); NL en EUTM Mali.")
    seed = " ".join(sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[0]
                    .read_text(encoding="utf-8").split())[:1200]
    for t, step, every in ((text, 1, 1), (seed + "\n" + text, 9, 3)):
        doc = Document(file="t.txt", part=1, text=t, offsets=list(range(len(t) + 1)))
        cuts = sorted(set(range(0, len(t) + 1, step)) | {i for i, c in enumerate(t) if c in " \n"})
        for s in cuts[::every]:
            for e in cuts[1::every]:
                if s <= e:
                    want = [(x.start + s, x.end + s, x.canonical) for x in find_entities(t[s:e])]
                    assert [(x.start, x.end, x.canonical) for x in entities_in(doc, s, e)] == want, (s, e)
