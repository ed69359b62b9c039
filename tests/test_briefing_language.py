"""One language per briefing: no English type word or bare code in a Dutch briefing, and back.

The tables are small frames made here, with the columns other parts of the project add
(events ``status`` and ``event_id``, documents ``url`` and ``title_source``), so the briefing's
use of them is tested before they reach the build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from sahel_analysis import briefing, page, tables, vocab, wording

DOCS = [
    {"file": "a.txt", "part": 1, "date": "2022-02-17", "title": "BRIEF VAN DE MINISTER VAN DEFENSIE",
     "kamerstuk": "29521-440", "url": "https://example.org/kst-29521-440",
     "title_source": "Kamerbrief over de inzet in de Sahel"},
    {"file": "b.txt", "part": 1, "date": "2022-11", "title": "Voortgang van de inzet",
     "kamerstuk": None},
]
CONTRIB = [
    {"file": "a.txt", "part": 1, "contributor": "NLD", "mission": "MINUSMA", "component": "total",
     "personnel": 1250, "qualifier": "max", "kind": "mandate", "period_start": "2022-01-01",
     "period_end": "2022-12-31", "quote": "maximaal 1250 militairen", "fact_id": "c1"},
    {"file": "a.txt", "part": 1, "contributor": "NLD", "mission": "MINUSMA",
     "component": "staff officers", "personnel": 12, "qualifier": "exact", "kind": "actual",
     "period_start": "2021-03-01", "quote": "twaalf stafofficieren", "fact_id": "c2"},
    {"file": "b.txt", "part": 1, "contributor": "NLD", "mission": "EUCAP Sahel Niger",
     "component": "total", "personnel": 15, "qualifier": "max", "kind": "mandate",
     "period_end": "2022-12-31", "quote": "maximaal vijftien", "fact_id": "c3"},
]
BUDGETS = [
    {"file": "a.txt", "part": 1, "funder": "NLD", "recipient": "MLI; NER", "amount": 350000.0,
     "currency": "EUR", "amount_eur": 350000.0, "per_year": False, "quote": "350.000 euro",
     "fact_id": "b1"},
    {"file": "b.txt", "part": 1, "funder": "EU", "recipient": "MLI", "amount": 590e6,
     "currency": "EUR", "amount_eur": 590e6, "per_year": False, "period_start": "2014-01-01",
     "period_end": "2020-12-31", "quote": "590 miljoen", "fact_id": "b2"},
    {"file": "b.txt", "part": 1, "funder": "NLD", "recipient": "EUCAP Sahel Niger",
     "amount": 1e308 * 10, "currency": "EUR", "amount_eur": 1e308 * 10, "per_year": True,
     "quote": "een absurd bedrag", "fact_id": "b3"},
]
EVENTS = [
    {"file": "a.txt", "part": 1, "date_start": "2021-05-24", "date_end": "2021-05-24",
     "event_type": "coup", "country": "MLI", "actors": "MLI", "summary": "coup: MLI in MLI",
     "quote": "de staatsgreep in Mali", "status": "happened", "event_id": "e1"},
    {"file": "b.txt", "part": 1, "date_start": "2021-05-24", "date_end": "2021-05-24",
     "event_type": "coup", "country": "MLI", "actors": "MLI", "summary": "coup in MLI",
     "quote": "na de coup van mei", "status": "happened", "event_id": "e1"},
    {"file": "b.txt", "part": 1, "date_start": "2024-02-01", "date_end": "2024-02-29",
     "event_type": "election", "country": "MLI", "actors": "ECOWAS",
     "summary": "election: ECOWAS in MLI", "quote": "verkiezingen in februari 2024",
     "status": "announced", "event_id": "e2"},
    {"file": "b.txt", "part": 1, "date_start": "2022-10-01", "date_end": "2022-10-01",
     "event_type": "coup", "country": "NER", "actors": "NER", "summary": "coup in NER",
     "quote": "een verijdelde poging", "status": "hypothetical", "event_id": "e3"},
    {"file": "a.txt", "part": 1, "date_start": "2022-01-01", "date_end": "2022-12-31",
     "event_type": "national_mandate", "country": "NLD", "actors": "NLD; MINUSMA; BZ",
     "summary": "national mandate decision: NLD, MINUSMA, BZ", "quote": "het kabinet besluit",
     "status": "happened", "event_id": "e4"},
]


def _data() -> dict[str, pd.DataFrame]:
    docs = tables.frame("documents", [{k: v for k, v in d.items() if k not in
                                       ("url", "title_source")} for d in DOCS])
    docs["url"] = [d.get("url") for d in DOCS]
    docs["title_source"] = [d.get("title_source") for d in DOCS]
    events = tables.frame("events", [{k: v for k, v in e.items() if k not in
                                      ("status", "event_id")} for e in EVENTS])
    events["status"] = [e["status"] for e in EVENTS]
    events["event_id"] = [e["event_id"] for e in EVENTS]
    return {"documents": docs, "contributions": tables.frame("contributions", CONTRIB),
            "budgets": tables.frame("budgets", BUDGETS), "events": events}


def render(lang: str, folder: Path, **params: object) -> str:
    """The HTML a briefing's cells produce, in the order the notebook shows them."""
    data = _data()
    (folder / "documents.parquet").touch()
    sel = briefing.select(data, briefing.validate(lang=lang, data=data, **params))
    notes = briefing.Footnotes(lang)
    src = (briefing.label("source", lang),)
    parts = [sel.params.title(), page.title_html(sel.params, folder, sel.documents),
             page.summary_html(sel), page.method_html(sel), page.headlines_html(sel, notes),
             briefing.table_html(briefing.personnel_table(sel, notes), lang, raw=src),
             briefing.table_html(briefing.budget_table(sel, notes), lang, raw=src),
             briefing.key_events_html(sel, notes), notes.html()]
    return "\n".join(parts)


def reader_text(html: str) -> str:
    """What a reader sees that the briefing wrote: tags, quotes (document text) and file names out."""
    html = re.sub(r"<q>.*?</q>", " ", html)
    html = re.sub(r'<span class="file">.*?</span>', " ", html)
    html = re.sub(r'<a class="url".*?</a>', " ", html)
    return re.sub(r"<[^>]+>", " ", html)


def english_words() -> set[str]:
    words = {lab for lab, _ in vocab.event_wording("en").values()}
    words |= {c for c in vocab.component_labels("en") if c not in vocab.component_labels("nl")
              .values()}
    return {w for w in words if w.lower() not in {"trainers", "battalion"}} | {"total", "until", "since"}


def dutch_words() -> set[str]:
    words = {lab for lab, _ in vocab.event_wording("nl").values()}
    words |= set(vocab.component_labels("nl").values())
    same = set(vocab.component_labels("en").values())
    return {w for w in words if w not in same} | {"sinds", "tot eind", "maart", "gehele bijdrage"}


ISO = re.compile(r"\b(MLI|NER|BFA|NLD|DEU|FRA|TCD|MRT|BZ)\b")


def test_the_word_lists_catch_the_other_language(tmp_path: Path) -> None:
    """The check below can fail: each language's text holds the other's forbidden words."""
    nl, en = reader_text(render("nl", tmp_path)), reader_text(render("en", tmp_path))
    assert any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", en, re.I) for w in english_words())
    assert any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", nl, re.I) for w in dutch_words())


@pytest.mark.parametrize(("lang", "foreign"), [("nl", english_words), ("en", dutch_words)])
def test_no_word_of_the_other_language_and_no_bare_code(tmp_path: Path, lang: str,
                                                        foreign) -> None:  # noqa: ANN001
    seen = reader_text(render(lang, tmp_path))
    for word in foreign():
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", seen, re.IGNORECASE), \
            (lang, word)
    assert not ISO.findall(seen), ISO.findall(seen)
    assert not re.search(r"\b\d{4}-\d{2}(-\d{2})?\b", seen)  # no ISO dates
    assert "inf" not in seen.split()


def test_dutch_formats_dates_and_periods(tmp_path: Path) -> None:
    html = render("nl", tmp_path)
    seen = " ".join(reader_text(html).split())
    heads = html[html.index('<table class="headlines">'):]
    heads = reader_text(heads[:heads.index("</table>")])
    assert "590" not in heads  # the EU's money is not Dutch money in the headlines
    assert "€ 350.000" in seen and "1.250" in seen
    assert "24 mei 2021" in seen and "17 februari 2022" in seen
    assert "sinds maart 2021" in seen and "tot eind december 2022" in seen
    assert "Mali en Niger" in seen and "ministerie van Buitenlandse Zaken" in seen
    assert "(onleesbaar bedrag)" in seen


def test_english_formats(tmp_path: Path) -> None:
    seen = " ".join(reader_text(render("en", tmp_path)).split())
    assert "€ 350,000" in seen and "1,250" in seen and "24 May 2021" in seen
    assert "since March 2021" in seen and "until the end of December 2022" in seen
    assert "Dutch Ministry of Foreign Affairs" in seen


def test_what_the_briefing_asserts_is_what_the_tables_support(tmp_path: Path) -> None:
    html = render("nl", tmp_path)
    seen = " ".join(reader_text(html).split())
    # the latest event is the latest that happened, not the announced election
    latest = re.search(r"Laatste gebeurtenis (.*?) Belangrijkste|Laatste gebeurtenis (.*)", seen)
    assert latest and "verkiezingen" not in (latest.group(1) or latest.group(2))[:120]
    assert "Verkiezingen in Mali (aangekondigd)" in seen
    # one happening told by two documents is listed once, with both sources
    assert seen.count("Staatsgreep in Mali") == 1
    assert re.search(r'Staatsgreep in Mali<sup class="fn"><a href="#fn-\d+">\d+</a>,'
                     r'<a href="#fn-\d+">\d+</a></sup>', html)
    # a hypothetical event (a foiled attempt) is not shown as a coup
    assert "Staatsgreep in Niger" not in seen
    # per jaar only where the text says so; a multi-year sum says so
    assert "voor de hele periode" in seen


def test_footnotes_give_title_date_kamerstuk_and_a_link(tmp_path: Path) -> None:
    html = render("nl", tmp_path)
    notes = html[html.index('<ol class="footnotes">'):]
    assert '<a class="doc" href="https://example.org/kst-29521-440">Kamerbrief over de inzet' in notes
    assert "17 februari 2022" in notes and "Kamerstuk 29521-440" in notes
    assert "Voortgang van de inzet" in notes and "november 2022" in notes  # no url: no link
    assert notes.count('<a class="doc"') == notes.count('<a class="url"') > 0


def test_without_the_new_columns_the_briefing_still_works(tmp_path: Path) -> None:
    data = _data()
    data["events"] = data["events"].drop(columns=["status", "event_id"])
    data["documents"] = data["documents"].drop(columns=["url", "title_source"])
    sel = briefing.select(data, briefing.Params(lang="en"))
    # inferred: the 2024 election, after its document's date, is announced
    status = dict(zip(sel.events["event_type"] + sel.events["date_start"].astype(str),
                      sel.events["status"], strict=True))
    assert status["election2024-02-01"] == "announced" and status["coup2021-05-24"] == "happened"
    notes = briefing.Footnotes("en")
    briefing.key_events(sel, notes)
    assert "Brief van de minister van defensie" in notes.html()  # caps title in sentence case


def test_a_country_briefing_takes_its_missions_from_the_gazetteer(tmp_path: Path) -> None:
    data = _data()
    sel = briefing.select(data, briefing.validate(country="Niger", lang="nl", data=data))
    assert set(sel.contributions["mission"]) == {"EUCAP Sahel Niger"}
    assert set(sel.budgets["fact_id"]) == {"b1", "b3"}  # for Niger itself, and for its mission
    assert sel.params.title() == "Briefing: Nederland in de Sahel — Niger"
    assert briefing.slug(sel.params) == "briefing-niger-nl"


def test_any_date_the_tables_hold(tmp_path: Path) -> None:
    data = _data()
    ev = data["events"]
    ev.loc[0, "date_start"], ev.loc[0, "date_end"] = "0001-01-01", "9999-12-31"
    ev.loc[2, "date_start"] = "2022-13-45"
    data["documents"].loc[1, "date"] = "99999"
    sel = briefing.select(data, briefing.Params(lang="nl", start=2020, end=2023))
    notes = briefing.Footnotes("nl")
    html = page.headlines_html(sel, notes) + briefing.key_events_html(sel, notes) + notes.html()
    assert "9999" not in reader_text(html)
    assert page.summary_html(sel)


def test_an_empty_period_says_so(tmp_path: Path) -> None:
    data = _data()
    sel = briefing.select(data, briefing.Params(lang="nl", start=2030))
    assert sel.empty()
    assert "geen cijfers of gebeurtenissen" in page.summary_html(sel)


def test_wording_of_numbers() -> None:
    assert wording.fmt_eur(590e6, "nl") == "€ 590,0 mln"
    assert wording.fmt_eur(590e6, "en") == "€ 590.0 mln"
    assert wording.fmt_eur(float("inf"), "en") == "(unreadable amount)"
    assert wording.fmt_eur(float("nan"), "nl") == ""
    assert wording.fmt_int(350000, "nl") == "350.000"
    assert wording.fmt_period("2021-03-01", None, "nl") == "sinds maart 2021"
    assert wording.fmt_period(None, "2022-12-31", "nl") == "tot eind december 2022"
    assert wording.fmt_period(None, "2023-01-20", "en") == "until 20 January 2023"


def test_each_briefing_table_as_csv_with_its_sources(tmp_path: Path) -> None:
    data = _data()
    sel = briefing.select(data, briefing.Params(lang="nl"))
    paths = briefing.write_tables(sel, tmp_path, "briefing-x-nl")
    assert [p.name for p in paths] == ["briefing-x-nl-personnel.csv", "briefing-x-nl-budgets.csv",
                                       "briefing-x-nl-events.csv", "briefing-x-nl-sources.csv"]
    events = pd.read_csv(paths[2])
    coup = events[events["soort"] == "staatsgreep"].iloc[0]
    assert coup["samenvatting"] == "Staatsgreep in Mali" and coup["bron"].count(",") == 1
    sources = pd.read_csv(paths[3]).set_index("n")
    first = int(coup["bron"].split(",")[0])
    assert sources.loc[first, "url"] == "https://example.org/kst-29521-440"
    assert sources.loc[first, "kamerstuk"] == "29521-440"
