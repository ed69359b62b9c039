import re
from pathlib import Path

import pytest

import sahel_analysis.vocab as vocab
from sahel_analysis.vocab import ISO3_WORD, countries, country_iso3, find_entities, missions, read_csv

VOCAB_FILES = sorted(p.name for p in Path(vocab.__file__).parent.glob("*.csv"))


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


def test_entity_is_a_named_tuple_with_its_fields():
    from sahel_analysis.vocab import Entity

    (e,) = find_entities("naar Mali")
    assert e == Entity(5, 9, "Mali", "country", "MLI", "MLI")
    assert (e.start, e.end, e.text, e.kind, e.canonical, e.iso3) == (5, 9, "Mali", "country", "MLI", "MLI")


def test_repeated_words_in_any_case_each_found_with_their_own_text():
    # single-word names are looked up by their surface text: casings must not leak between them
    got = [(e.start, e.text) for e in find_entities("Mali MALI mali, NL nl NL Nl")]
    assert got == [(0, "Mali"), (5, "MALI"), (10, "mali"), (16, "NL"), (22, "NL")]
    got = [(e.text, e.canonical) for e in find_entities("MINUSMA-missie, MINUSMA en minusma-missie")]
    assert got == [("MINUSMA-missie", "MINUSMA"), ("MINUSMA", "MINUSMA"), ("minusma", "MINUSMA")]


def test_at_sign_and_word_characters_before_a_name():
    assert [e.start for e in find_entities("@Mali en @NL, Mali")] == [14]
    # a word character outside plain Latin (Greek, superscript) glues to the name: no hit
    assert [e.start for e in find_entities("αMali ²Mali ªMali Mali")] == [18]


def test_texts_that_case_fold_unevenly_give_the_same_names():
    assert [e.text for e in find_entities("Straße naar Mali en NL")] == ["Mali", "NL"]
    assert [e.text for e in find_entities("\u0130talië Italië")] == ["Italië"]


def test_scan_equals_trying_every_word():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sahel_analysis.vocab import _find_entities_by_word

    pieces = st.sampled_from(["Mali", "MALI", "NL", "nl", "VN", "-missie", " MINUSMA", "EUCAP", " Sahel",
                              " Niger", "ia", " ", " ", "\n", "@", "-", ".", "’", "'", "α", "²", "ß", "İ",
                              "Verenigde", " Naties", "de ", "Nederlandse"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=12))
    def check(parts):
        text = "".join(parts)
        assert find_entities(text) == _find_entities_by_word(text)

    check()


@pytest.mark.parametrize("name", VOCAB_FILES)
def test_every_vocab_row_has_exactly_the_header_fields(name):
    # an unquoted comma in a value ("Intelligence, Surveillance and ...") shifts the row's fields
    rows = read_csv(name)
    assert rows, name
    for row in rows:
        assert None not in row and None not in row.values(), (name, row)
        assert all(v == v.strip() for v in row.values()), (name, row)


def test_the_iso3_word_pattern_finds_what_backslash_b_capitals_find():
    """ISO3_WORD is ``\\b[A-Z]{3}\\b`` written for speed: the same matches in any text and range."""
    import random

    plain = re.compile(r"\b[A-Z]{3}\b")
    rng = random.Random(7)
    alphabet = "ABCMLI aé_1-Ë.ΣX\n"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert ISO3_WORD.findall(text, a, b) == plain.findall(text, a, b), (text, a, b)
