"""HTML pages: their own metadata (date, title, address, publisher) and the main-text fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahel_analysis import load
from sahel_analysis.documents import read_documents
from sahel_analysis.pipeline import build
from sahel_analysis.read.html import page_metadata, read_html

BODY = ("<p>Een groep van 20 militairen vertrekt volgende week naar Gao voor de missie van de Verenigde "
        "Naties in het noorden van Mali, zo zei de minister vorige maand in de Kamer.</p>"
        "<p>De eenheid gaat daar de komende vier maanden verkenningen uitvoeren en wordt daarna "
        "afgelost door een nieuwe groep uit Nederland.</p>")
NAV = ('<div class="top"><a href="/">Home</a> <a href="/a">Actueel</a> <a href="/b">Onderwerpen</a></div>')
TEASERS = ('<div class="rel"><ul><li><a href="/x1">Lees ook: Nieuwe kazerne geopend</a></li>'
           '<li><a href="/x2">Lees ook: Oefening in Noorwegen</a></li><li><a href="/x3">Meer nieuws</a></li>'
           '</ul></div><div class="ft">Copyright Voorbeeldsite | Privacy</div>')


def page(head: str = "", body: str = BODY, wrap: str = "div", title: str = "Nieuws | Voorbeeldsite",
         before: str = "") -> bytes:
    """A made-up news page: ``head`` in its head, ``body`` in a ``wrap`` element between menus and teasers."""
    return (f"<html><head><title>{title}</title>{head}</head><body>{NAV}<{wrap} class=\"col\">"
            f"<h1>Militairen vertrekken naar Gao</h1>{before}{body}</{wrap}>{TEASERS}</body></html>").encode()


@pytest.mark.parametrize("head, before, date", [
    ('<meta name="DCTERMS.issued" content="2019-05-24">', "", "2019-05-24"),
    ('<meta property="article:published_time" content="2016-10-06T11:57:00+02:00">'
     '<meta property="article:modified_time" content="2020-11-16T14:08:00+01:00">', "", "2016-10-06"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"datePublished": "2018-03-15T10:00:00+01:00", "headline": "Militairen vertrekken"}</script>', "", "2018-03-15"),
    ("", '<time datetime="2017-02-03T09:30">3 februari</time>', "2017-02-03"),
])
def test_the_publication_date_comes_from_the_page_metadata(head, before, date):
    assert page_metadata(page(head, before=before).decode()).get("date") == date


def test_a_page_without_date_metadata_gets_no_date_from_it():
    assert "date" not in page_metadata(page().decode())  # the text's 'vorige maand' is no date


def test_title_address_and_publisher_come_from_the_page_metadata():
    head = ('<meta property="og:title" content="Militairen vertrekken naar Gao">'
            '<link rel="canonical" href="https://www.example.org/nieuws/gao">'
            '<meta property="og:site_name" content="Voorbeeldsite">')
    meta = page_metadata(page(head).decode())
    assert meta["title"] == "Militairen vertrekken naar Gao"
    assert meta["url"] == "https://www.example.org/nieuws/gao"
    assert meta["publisher"] == "Voorbeeldsite"


def test_a_page_without_article_or_main_keeps_its_text_and_drops_menus_and_teasers():
    raw = read_html(page())
    assert "Een groep van 20 militairen vertrekt" in raw.text
    assert "afgelost door een nieuwe groep uit Nederland." in raw.text
    for item in ("Home", "Actueel", "Lees ook", "Meer nieuws", "Copyright"):
        assert item not in raw.text, item
    assert raw.text.startswith("Militairen vertrekken naar Gao\n\n")  # the headline leads


def test_an_article_page_is_read_from_its_article_element():
    raw = read_html(page(wrap="article"))
    assert raw.text.startswith("Militairen vertrekken naar Gao") and "Lees ook" not in raw.text


def test_offsets_map_back_to_the_extracted_text(tmp_path: Path):
    path = tmp_path / "gao.html"
    path.write_bytes(page('<meta name="DCTERMS.issued" content="2019-05-24">'))
    raw = read_html(path.read_bytes()).text
    doc = read_documents(path)[0]
    start = doc.text.index("Een groep van 20 militairen")
    end = doc.text.index("in de Kamer.") + len("in de Kamer.")
    rs, re_ = doc.raw_span(start, end)
    assert " ".join(raw[rs:re_].split()) == " ".join(doc.text[start:end].split())


def _build_one(tmp_path: Path, html: bytes, manifest: str | None = None):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "gao.html").write_bytes(html)
    if manifest:
        (folder / "sources.csv").write_text("file,url,title,doc_date\n" + manifest, encoding="utf-8")
    build(folder, tmp_path / "out", use_cache=False)
    return load(tmp_path / "out")


def test_an_undated_page_is_dated_by_its_metadata_and_its_relative_dates_by_that(tmp_path: Path):
    head = ('<meta name="DCTERMS.issued" content="2019-05-24">'
            '<link rel="canonical" href="https://www.example.org/nieuws/gao">'
            '<meta property="og:site_name" content="Voorbeeldsite">')
    tables = _build_one(tmp_path, page(head))
    doc = tables["documents"].iloc[0]
    assert (doc["date"], bool(doc["date_known"]), doc["date_source"]) == ("2019-05-24", False, "page metadata")
    assert doc["url"] == "https://www.example.org/nieuws/gao" and doc["publisher"] == "Voorbeeldsite"
    assert doc["title"] == "Militairen vertrekken naar Gao" and doc["title_source"] == "text"
    events = tables["events"]
    windows = set(zip(events["date_start"], events["date_end"], strict=True))
    assert ("2019-04-01", "2019-04-30") in windows  # 'vorige maand'
    assert ("2019-05-27", "2019-06-02") in windows  # 'volgende week'
    assert all(start.startswith("2019") for start in events["date_start"])


def test_the_manifest_wins_over_the_page_metadata(tmp_path: Path):
    head = ('<meta name="DCTERMS.issued" content="2019-05-24">'
            '<link rel="canonical" href="https://www.example.org/nieuws/gao">')
    tables = _build_one(tmp_path, page(head), "gao.html,https://www.example.org/archief/1,,2019-05-20\n")
    doc = tables["documents"].iloc[0]
    assert (doc["date"], doc["date_source"], doc["url"]) == ("2019-05-20", "manifest", "https://www.example.org/archief/1")


def test_a_date_line_the_page_prints_wins_over_its_metadata(tmp_path: Path):
    head = '<meta name="DCTERMS.issued" content="2019-05-24">'
    tables = _build_one(tmp_path, page(head, before="<p>Nieuwsbericht | 21-05-2019</p>"))
    doc = tables["documents"].iloc[0]
    assert (doc["date"], bool(doc["date_known"]), doc["date_source"]) == ("2019-05-21", True, "text")
