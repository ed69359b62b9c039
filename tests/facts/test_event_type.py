"""The type of an event (sentences written for these tests; each table is named after the set
whose failures it comes from), and the trigger scan that types them."""

from __future__ import annotations

import pytest

from sahel_analysis.facts.event_literals import required_literal
from sahel_analysis.facts.event_triggers import has_verb, trigger_hits, triggers, verbs

from ..docs import text_doc
from .event_rows import event_rows, rule_of

# (text, document date, expected types in row order)
SEEDS = [
    ("Op 2 oktober jl. vond in Burkina Faso een staatsgreep plaats onder leiding van een kapitein.",
     "2022-11-08", ["coup"]),
    ("Datum 8 november 2022\nDen Haag, 8 november 2022\nOp 4 november jl. werd in Bamako een aanslag gepleegd.",
     "2022-11-08", ["attack"]),
    ("De VN-Veiligheidsraad heeft op 29 juni jl. het mandaat van MINUSMA verlengd.", "2017-09-11", ["un_mandate"]),
    ("Het kabinet heeft besloten het nationale mandaat voor EUTM Mali te verlengen tot en met 30 juni 2024.",
     "2022-11", ["national_mandate"]),
    ("De junta wil verkiezingen houden voor juli 2024.", "2022-11-16", ["election"]),
    ("De Nederlandse bijdrage bestaat in 2018 uit maximaal 250 militairen. In 2015 werd het vredesakkoord "
     "getekend.", "2022-11-08", ["agreement"]),
    ("Derhalve is besloten de taakgroep uit Mali terug te trekken.", "2022-02-17", ["withdrawal"]),
    ("Den Haag, 12 mei 2015\nOp 6 maart 2015 vond een aanslag plaats op een restaurant in Bamako.", "2015-05-12",
     ["attack"]),
]

BLIND1 = [
    ("Sinds de machtsgrepen van juli 2022 is de samenwerking bevroren.", "2023-06-14", ["coup"]),
    ("Op 3 maart jl. zette het leger de premier af.", "2023-06-14", ["coup"]),
    ("Eerder werd de president op 9 februari jl. door officieren afgezet.", "2023-06-14", ["coup"]),
    ("In oktober 2024 worden parlementsverkiezingen gehouden.", "2023-06-14", ["election"]),
    ("De junta beloofde in juli 2024 presidents- en gemeenteraadsverkiezingen.", "2023-06-14", ["election"]),
    ("In mei jl. verlengde de Raad het mandaat van EUCAP Sahel Niger met twee jaar.", "2023-06-14", ["eu_decision"]),
    ("In januari 2023 schortte de EU de betalingen aan de regering op.", "2023-06-14", ["eu_decision"]),
    ("Het mandaat van de missie liep op 30 april jl. af.", "2023-06-14", ["withdrawal"]),
    ("Vijf instructeurs keerden in februari jl. terug naar Nederland.", "2023-06-14", ["withdrawal"]),
    ("In maart jl. verlieten de laatste Franse militairen het land.", "2023-06-14", ["withdrawal"]),
    ("De stuurgroep adviseerde op 2 mei jl. positief over de inzet.", "2023-06-14", ["diplomatic"]),
    ("In november jl. werden in Tsjaad parlementsverkiezingen gehouden.", "2023-06-14", ["election"]),
    ("Wij spraken met de minister, die in april jl. werd ontvoerd.", "2023-06-14", ["attack"]),
    ("Het kabinet besloot in maart jl. de steun tot en met 2026 voort te zetten.", "2023-06-14", ["national_mandate"]),
    ("Het kabinet heeft besloten de steun tot en met 30 juni 2025 voort te zetten.", "2023-06-14",
     ["national_mandate"]),
    ("In de nacht van 4 op 5 mei jl. werd een legerpost bij Gao aangevallen.", "2023-06-14", ["attack"]),
    ("Bij de aanval van 31 mei-1 juni jl. vielen drie doden.", "2023-06-14", ["attack"]),
    ("Per 1 mei jl. heeft Duitsland de leiding van het kamp overgenomen.", "2023-06-14", ["handover"]),
]

BLIND2 = [
    ("De laatste Nederlandse instructeurs keren op 14 juni terug naar Nederland.", "2021-06-10", ["withdrawal"]),
    ("Het Senegalese detachement vertrekt op 20 juni naar Mali om zich bij de missie te voegen.", "2021-06-10",
     ["other"]),
    ("Het laatste Nederlandse detachement vertrekt op 20 juni naar Nederland.", "2021-06-10", ["withdrawal"]),
    ("- RBZ 22 maart jl. heeft besloten tot verlenging van het mandaat van de missie.", "2021-06-10", ["eu_decision"]),
    ("- RBZ 22 maart jl. sprak over de situatie in de regio.", "2021-06-10", ["diplomatic"]),
    ("- Force Generation Conference in Brussel op 1 juli a.s.; NL brengt daar een aanbod in.", "2021-06-10",
     ["diplomatic"]),
    ("Het nationale mandaat van maximaal tien personen loopt op 30 juni a.s. af.", "2021-06-10", ["national_mandate"]),
    ("Nederlandse bijdrage van twee stafofficieren voor de periode 1 juli t/m 31 december 2021.", "2021-06-10",
     ["national_mandate"]),
    ("In Gao trainden de commando's van 3 tot en met 21 mei met de Malinese militairen.", "2021-06-10", ["exercise"]),
    ("Van 8 tot en met 19 maart a.s. neemt Nederland deel aan de oefening Flintlock 2021 in Ghana.", "2021-01-15",
     ["exercise"]),
    ("Nederland neemt deel aan de oefening Flintlock 2022 in Senegal.", "2021-10-01", ["exercise"]),
    ("De regionale vredesconferentie die op 4 mei als vervolg op het vredesakkoord is gehouden, leverde een "
     "slotverklaring op.", "2021-06-10", ["diplomatic"]),
]

BLIND3 = [
    ("De Raad stemde op 3 oktober jl. in met een steunpakket voor de grenswacht van Tsjaad.", "2024-10-15",
     ["eu_decision"]),
    ("De Raad heeft op 9 september jl. besloten het mandaat van de missie met een jaar te verlengen.", "2024-10-15",
     ["eu_decision"]),
    ("Deze missie, die de Raad op 5 mei 2023 instelde, telt veertig adviseurs.", "2024-10-15", ["eu_decision"]),
    ("Het EU-initiatief werd in juni 2023 ingesteld op verzoek van Ghana.", "2024-10-15", ["eu_decision"]),
    ("De Hoge Vertegenwoordiger heeft namens de EU op 2 augustus jl. verklaard dat alle steun aan de "
     "veiligheidssector van het land met onmiddellijke ingang wordt opgeschort.", "2024-10-15", ["eu_decision"]),
    ("De trainingsmissie in Niger werd op 30 juni 2024 afgesloten.", "2024-10-15", ["withdrawal"]),
    ("Op 2 oktober jl. werd de gekozen president van Tsjaad door officieren van de lijfwacht onder leiding van "
     "een kolonel vastgezet.", "2024-10-15", ["coup"]),
    ("De ambassadeur keert begin november terug van consultaties in Den Haag.", "2024-10-15", ["diplomatic"]),
    ("De laatste militairen keren begin november terug naar Nederland.", "2024-10-15", ["withdrawal"]),
    ("De oefening vond plaats van 3 tot en met 14 februari 2024 in Ghana en Benin.", "2024-10-15", ["exercise"]),
]

BLIND4 = [
    ("Vragen van het lid Jansen aan de Minister van Defensie over de oefening (ingezonden 3 mei 2024).",
     "2024-10-15", ["diplomatic"]),
    ("Op 4 maart 2024 hebben de autoriteiten het statusakkoord met de missie opgezegd.", "2024-10-15",
     ["agreement"]),
    ("Op 2 februari 2024 kondigde Togo aan uit de ECOWAS te treden.", "2024-10-15", ["withdrawal"]),
    ("De missie wordt uiterlijk 31 mei 2024 gesloten.", "2024-10-15", ["withdrawal"]),
    ("Op 3 april 2024 werd een akkoord gesloten met de regering.", "2024-10-15", ["agreement"]),
    ("De nieuwe president werd op 2 juli 2024 beëdigd, twee maanden na de presidentsverkiezingen.", "2024-10-15",
     ["other"]),
    ("De top van Bamako wordt gehouden op 6 maart 2024.", "2024-10-15", ["diplomatic"]),
    ("Van 4 tot en met 15 maart trainen de mariniers samen met de kustwachten van de regio.", "2024-10-15",
     ["exercise"]),
    ("Op 9 maart 2024 kaapten piraten een vrachtschip in de Golf van Guinee.", "2024-10-15", ["attack"]),
]

# classes of happenings that real documents tell and the rules missed (sentences made up)
REALDEV = [
    ("Op 3 mei besloot de Raad tot lancering van de adviesmissie.", "2021-06-10", ["eu_decision"]),
    ("Medio 2017 richtten vijf landen van de regio samen de nieuwe alliantie op.", "2021-06-10", ["agreement"]),
    ("De soldaten hebben de president en twee ministers op 3 mei aangehouden.", "2021-06-10", ["coup"]),
    ("Een groep officieren greep op 3 mei de macht.", "2021-06-10", ["coup"]),
    ("2021-05-04 10:00: Procedurevergadering, vaste commissie voor Defensie", "2021-06-10", ["diplomatic"]),
    ("Op 3 mei begonnen in Algiers nieuwe vredesonderhandelingen.", "2021-06-10", ["diplomatic"]),
    ("Op 3 mei was er een informeel ontbijt van de ministers.", "2021-06-10", ["diplomatic"]),
    ("Het kabinet stemde op 3 mei in met de verlenging.", "2021-06-10", ["national_mandate"]),
    ("Het kabinet ziet op 3 mei af van een bijdrage aan de missie.", "2021-06-10", ["national_mandate"]),
    ("Het plan was om de helikopters eind 2021 terug te halen.", "2021-06-10", ["withdrawal"]),
    ("De kwartiermakers vertrekken op 3 mei.", "2021-06-10", ["other"]),
    ("De nieuwe eenheid moet volgend jaar operationeel zijn.", "2021-06-10", ["other"]),  # a departure is no withdrawal
    ("Op 3 mei zegden vijf landen steun toe bij de oprichting van de taakgroep.", "2021-06-10", ["diplomatic"]),
    ("Eind mei aanvaardde de regering een routekaart voor de transitie.", "2021-06-10", ["agreement"]),
    ("Tijdens het bezoek aan Parijs op 3 mei kwam ook de routekaart ter sprake.", "2021-06-10", ["diplomatic"]),
    ("Op 3 mei stemde de VN-Veiligheidsraad voor het beëindigen van de missie.", "2021-06-10", ["un_mandate"]),
    ("De vragen en opmerkingen zijn op 3 mei aan de minister voorgelegd.", "2021-06-10", ["diplomatic"]),
    ("De Europese Unie heeft haar adviesmissie in Mali met een jaar verlengd.", "2021-06-10", ["eu_decision"]),
    ("Zij spraken over het besluit van het kabinet een bijdrage te leveren aan de missie.", "2021-06-10",
     ["national_mandate"]),
    # realdev-even pattern: a statement of a minister, embassy or government is diplomatic
    ("De minister van Defensie van Niger zei op 3 mei dat de samenwerking doorgaat.", "2021-06-10", ["diplomatic"]),
    ("De Franse ambassade waarschuwt Fransen op 3 mei om binnen te blijven.", "2021-06-10", ["diplomatic"]),
    ("De regering van Tsjaad had de Raad op 3 mei verzocht om meer steun.", "2021-06-10", ["diplomatic"]),
    ("Het leger zei op 3 mei dat de staatsgreep geslaagd was.", "2021-06-10", ["coup"]),  # a stronger type wins
]
GOLD_RULES = [  # types that realdev's GOLD-RULES.md settles, in sentences written for the tests
    ("De Europese Unie stelde op 3 mei nieuwe sancties in tegen de junta.", "2021-06-10", ["other"]),
    ("Op 3 mei besloot de EU tot een eigen EU-sanctieregime voor het land.", "2021-06-10", ["other"]),
    ("ECOWAS stelde op 3 mei economische sancties in tegen de junta.", "2021-06-10", ["diplomatic"]),
    ("Het kabinet heeft op 3 mei besloten de hulp aan het land op te schorten.", "2021-06-10", ["national_mandate"]),
    ("Het kabinet heeft op 3 mei 2021 besloten de bijdrage te verlengen.", "2021-06-10", ["national_mandate"]),
]
BLIND_WEEKDAYS = [  # blind1/blind2 sentences that weekday dates made events: returning home, a training done
    ("Zes Nederlandse militairen zijn op 3 mei geland op vliegbasis Eindhoven.", "2021-06-10", ["withdrawal"]),
    ("De mariniers hebben op 3 mei in Benin een opleiding voor de kustwacht afgerond.", "2021-06-10", ["exercise"]),
]


@pytest.mark.parametrize(("text", "date", "types"),
                         SEEDS + BLIND1 + BLIND2 + BLIND3 + BLIND4 + REALDEV + GOLD_RULES + BLIND_WEEKDAYS)
def test_types(text: str, date: str, types: list[str]) -> None:
    assert [r["event_type"] for r in event_rows(text, date)] == types


# (text, document date, the types in any order)
BLIND3_UNORDERED = [
    ("De missie, die de Raad op 5 mei 2023 instelde en die in september 2023 operationeel werd, groeit.",
     "2024-10-15", ["eu_decision", "other"]),
]


@pytest.mark.parametrize(("text", "date", "types"), BLIND3_UNORDERED)
def test_types_in_any_order(text: str, date: str, types: list[str]) -> None:
    assert sorted(r["event_type"] for r in event_rows(text, date)) == sorted(types)


# (text, document date, a row that must be among the rows: start, end, type)
BLIND1_AMONG = [
    ("Het kabinet heeft besloten bij te dragen aan de jaarlijkse oefening Flintlock, die in maart 2024 in Ghana "
     "plaatsvindt.", "2023-06-14", ("2024-03-01", "2024-03-31", "exercise")),
]


@pytest.mark.parametrize(("text", "date", "row"), BLIND1_AMONG)
def test_type_among_the_rows(text: str, date: str, row: tuple[str, str, str]) -> None:
    assert row in [(r["date_start"], r["date_end"], r["event_type"]) for r in event_rows(text, date)]


# (text, document date, a type no row may have)
NOT_THIS_TYPE = [  # BLIND2, BLIND3, BLIND4
    ("Op 3 mei werkten de adviseurs met het Malinese ministerie aan een nieuwe wet.", "2021-06-10", "exercise"),
    ("De Raad van State heeft op 4 maart jl. besloten het advies te publiceren.", "2024-10-15", "eu_decision"),
    ("De gemeenteraad stemde op 4 maart jl. in met het plan.", "2024-10-15", "eu_decision"),
    ("Op 9 maart 2024 bezocht de minister Kaapverdië.", "2024-10-15", "attack"),
]


@pytest.mark.parametrize(("text", "date", "wrong"), NOT_THIS_TYPE)
def test_not_this_type(text: str, date: str, wrong: str) -> None:
    assert wrong not in [r["event_type"] for r in event_rows(text, date)]


# (text, document date, the type rule of each row)
TYPE_RULES = [
    ("Op 4 mei jl. werd een legerpost bij Gao aangevallen.", "2023-06-14", ["trigger-segment"]),
    ("De oefening Flintlock, die in maart 2024 in Ghana plaatsvindt, begint.", "2023-06-14", ["trigger-antecedent"]),
    ("Er is besloten de inzet te beperken.", "2023-06-14", ["decision-default"]),
    ("Wij hebben besloten de steun aan de school tot en met 30 juni 2025 voort te zetten.", "2023-06-14",
     ["decision-default"]),
    ("Op 4 mei jl. kwam de delegatie in Gao aan.", "2023-06-14", ["default-other"]),
]


@pytest.mark.parametrize(("text", "date", "rules"), TYPE_RULES)
def test_type_rule_is_named(text: str, date: str, rules: list[str]) -> None:
    assert [rule_of(r, "type") for r in event_rows(text, date)] == rules


# --- the trigger scan (BUGS_CAUGHT: the fast scan must find what a full scan finds)

BUGS_CAUGHT_LITERALS = [
    (r"\w*brief(?:en)?\b", "brief"),
    (r"(?:het )?kabinet (?:heeft )?(?:besloten|besluit)", "kabinet "),
    (r"\bEU\b.{0,60}?(?:besl|verleng)", "eu"),
    (r"(?:uw|de tweede) kamer", " kamer"),
    (r"\w*(?:a|b)", ""),
    (r"(?:zet|zette|zetten)\b.{0,60}?af\b", "zet"),  # the letters all alternatives start with
    (r"het land (?:verlaten|verlaat)\b", "het land verla"),
    (r"ab?cd", "cd"),  # a letter made optional is no required letter
    (r"a(?:bc|de)|xyz", ""),  # a top-level alternative: no letter is required
    (r"(?i:\braad van de (?:eu|europese unie)\b)", "raad van de eu"),  # a case-insensitive group's letters
    (r"(?s:abc)", ""),  # other inline flags: read as no letter
]


@pytest.mark.parametrize(("pattern", "literal"), BUGS_CAUGHT_LITERALS)
def test_required_literal_of_trigger_patterns(pattern: str, literal: str) -> None:
    assert required_literal(pattern) == literal


BUGS_CAUGHT_SCANS = [
    "De Kamerbrief van de minister en de ministeriële conferentie.",
    "KAMERBRIEVEN en de KAMERBRIEF; Uw Kamer en de Tweede \u212aamer.",  # Kelvin sign for K
    "De Raad Buitenlandſe Zaken heeft besloten; zie de Eerste Kamer.",  # long s: full scan
    "De VN-Veiligheidsraad besloot; de EU heeft dit verlengd; het kabinet heeft besloten.",
    "Dıt is de brıef van de conferentie.",  # dotless i: full scan
    "Geen enkel woord hier.",
    # several alternatives match at one place: the first of the alternation is kept
    "De EU schort de steun op en besluit later; de EU heeft de missie opgericht en verlengd.",
    "De presidents- en parlementsverkiezingen; de EU-mandaat-verlenging; zei de premier af.",
]


@pytest.mark.parametrize("text", BUGS_CAUGHT_SCANS)
def test_trigger_hits_match_the_full_rest_scan(text: str) -> None:
    doc = text_doc(text)
    by_head, rest, _ = triggers()
    assert rest is not None
    indexed = {i for pats in by_head.values() for _, i in pats}
    for s, e in ((0, len(text)), (3, len(text) - 2)):
        want = [(*m.span(n), int(n[1:])) for m in rest.finditer(text, s, e)
                if (n := m.lastgroup) is not None]
        got = [h for h in trigger_hits(doc, s, e) if h[2] not in indexed]
        assert got == want



def test_happening_verbs_are_written_in_lower_case() -> None:
    """has_verb() looks for them without re.I in lower-cased text: that needs lower-case patterns
    (an upper-case escape such as ``\\W`` would change meaning if lowered)."""
    for pattern in verbs().pattern.split("|"):
        assert pattern == pattern.lower(), pattern


@pytest.mark.parametrize("text", [
    *BUGS_CAUGHT_SCANS,
    "Het kabinet BESLOOT gisteren; de VN ONDERTEKENDE het akkoord.",
    "Er vond in 2019 een aanslag plaats; de Kamer stemde in.",
    "De brief werd ondertekend-en-verzonden; meer niet.",
])
def test_has_verb_finds_what_the_case_insensitive_pattern_finds(text: str) -> None:
    doc = text_doc(text)
    for s, e in ((0, len(text)), (4, len(text) - 3), (len(text) // 2, len(text))):
        assert has_verb(doc, s, e) == (verbs().search(text[s:e]) is not None), (s, e)
