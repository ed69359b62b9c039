"""PDF furniture: running headers and footers found by repetition, and the PDF's own metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sahel_analysis import load
from sahel_analysis.clean import clean, running_lines
from sahel_analysis.documents import read_documents
from sahel_analysis.pipeline import build
from sahel_analysis.read.pdf import pdf_date, pdf_title, read_pdf

fpdf = pytest.importorskip("fpdf")

HEADER = "Kamerstuk 12 345, nr. XY"
FOOTER = "Ministerie van Voorbeelden | Kamerbrief over de oefenmissie"
TOPICS = ["de training van de lokale eenheden", "het onderhoud van de voertuigen", "de medische zorg ter plaatse",
          "de bewaking van het kamp", "de samenwerking met de partners", "de logistiek over land",
          "de verbindingen met Den Haag", "de terugkeer van het materieel"]


def _paragraph(i: int) -> str:
    topic = TOPICS[i % len(TOPICS)]
    words = ["rustig", "gespannen", "wisselend", "onzeker", "stabiel"]
    return (f"Punt {i + 1}. In week {i + 10} ging de aandacht vooral uit naar {topic}. Volgens de eenheid "
            f"verloopt dat werk {'goed' if i % 3 else 'met enige vertraging'}, en de situatie rond het kamp is "
            f"{words[i % 5]}; voor {topic} vraagt dat om {'een voorzichtige aanpak' if i % 2 else 'extra overleg'}.")


def make_pdf(path: Path, paragraphs: int = 26, date_line: bool = False, title: str = "Voortgang oefenmissie",
             header: bool = True) -> Path:
    """A multi-page letter with a running header and a running footer that both carry the page number."""

    class Letter(fpdf.FPDF):
        def header(self) -> None:
            if header:
                self.set_font("Helvetica", size=9)
                self.cell(0, 8, f"{HEADER}   {self.page_no()}", align="R")
                self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"{FOOTER}   pagina {self.page_no()} van {{nb}}", align="C")

    pdf = Letter()
    pdf.set_title(title)
    pdf.set_creation_date(dt.datetime(2031, 4, 9, 10, 0, tzinfo=dt.UTC))
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    if date_line:
        pdf.multi_cell(0, 6, "Den Haag, 2 april 2031")
        pdf.ln(4)
    for i in range(paragraphs):
        pdf.multi_cell(0, 6, _paragraph(i))
        pdf.ln(3)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def letter(tmp_path_factory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "brief.pdf")


def test_the_made_pdf_has_several_pages_with_header_and_footer(letter: Path):
    raw = read_pdf(letter.read_bytes()).text
    pages = raw.count("\f") + 1
    assert pages >= 3
    assert raw.count(HEADER) == pages and raw.count(FOOTER) == pages  # the raw text keeps them


def test_running_header_and_footer_are_removed_with_their_page_numbers(letter: Path):
    doc = read_documents(letter)[0]
    assert HEADER not in doc.text and "Kamerstuk" not in doc.text
    assert "Ministerie van Voorbeelden" not in doc.text and "pagina" not in doc.text
    for i in range(26):  # every paragraph whole, once, also where a page break cuts it
        assert doc.text.count(_paragraph(i)) == 1, i


def test_clean_spans_still_map_into_the_raw_text(letter: Path):
    raw = read_pdf(letter.read_bytes()).text
    doc = read_documents(letter)[0]
    for i in (0, 9, 25):
        start = doc.text.index(_paragraph(i))
        rs, re_ = doc.raw_span(start, start + len(_paragraph(i)))
        piece = raw[rs:re_]
        assert piece.startswith(f"Punt {i + 1}.") and " ".join(piece.split()).endswith(_paragraph(i)[-30:])


def _paged(pages: list[list[str]]) -> list[str]:
    return "\n\f".join("\n".join(p) for p in pages).split("\n")


def test_running_lines_need_the_same_place_on_half_the_pages():
    body = ["Eerste regel over de inzet.", "Tweede regel over de training.", "Derde regel over het budget.",
            "Vierde regel over de partners.", "Vijfde regel over de terugkeer."]
    pages = [["Voorbeeldblad, editie 3", "", *body[:3], "", "- 1 -"],
             ["Voorbeeldblad, editie 3", "", *body[3:], "", "- 2 -"],
             ["Voorbeeldblad, editie 3", "", "Een andere regel.", "", "- 3 -"]]
    lines = _paged(pages)
    found = {lines[i].strip("\f") for i in running_lines(lines)}
    assert found == {"Voorbeeldblad, editie 3", "- 1 -", "- 2 -", "- 3 -"}
    assert running_lines(_paged(pages[:1])) == set()  # one page: nothing repeats


def test_numbers_of_the_text_or_lines_joined_to_the_body_are_no_furniture():
    pages = [[f"Stand in week {10 + 8 * p}", "", f"Tekst van pagina {p} met een eigen inhoud.",
              "Slotzin van de alinea.", "", f"{p + 1}"] for p in range(4)]
    lines = _paged(pages)
    found = {lines[i].strip("\f") for i in running_lines(lines)}
    assert found == {"1", "2", "3", "4"}  # 'week 10, 18, 26' does not count with the pages,
    # and the repeated last line of the text is joined to the body, no blank line apart


def test_a_line_repeated_away_from_the_page_edges_is_kept():
    pages = [["Kop een", "", "a", "b", "Zie de bijlage.", "c", "d", "", "Voet"],
             ["Kop twee", "", "e", "f", "Zie de bijlage.", "g", "h", "", "Anders"]]
    lines = _paged(pages)
    assert running_lines(lines) == set()
    assert clean("\n".join(lines)).text.count("Zie de bijlage.") == 2


def test_text_files_without_form_feeds_are_left_alone():
    text = "Kop\nEerste alinea.\n\nKop\nTweede alinea.\n"
    assert running_lines(text.split("\n")) == set()


@pytest.mark.parametrize("value, day", [("D:20220217103000+01'00'", "2022-02-17"), ("20191231", "2019-12-31"),
                                        ("D:2022", ""), ("D:20221341", ""), ("", "")])
def test_pdf_creation_dates(value, day):
    assert pdf_date(value) == day


@pytest.mark.parametrize("title, ok", [("Voortgang oefenmissie", True), ("Microsoft Word - brief.docx", False),
                                       ("brief_final_v2", False), ("rapport.pdf", False), ("", False)])
def test_pdf_titles_that_read_as_titles(title, ok):
    assert pdf_title(title) is ok


def test_pdf_information_is_a_weak_hint_in_the_documents_table(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    make_pdf(folder / "zonder.pdf", paragraphs=8)
    make_pdf(folder / "met.pdf", paragraphs=8, date_line=True)
    build(folder, tmp_path / "out", use_cache=False)
    docs = load(tmp_path / "out")["documents"].set_index("file")
    undated = docs.loc["zonder.pdf"]
    # the text bounds it by the weeks' year? no year at all: the creation day serves as a hint
    assert (undated["date"], bool(undated["date_known"]), undated["date_source"]) == \
        ("2031-04-09", False, "page metadata")
    dated = docs.loc["met.pdf"]
    assert (dated["date"], bool(dated["date_known"]), dated["date_source"]) == ("2031-04-02", True, "text")
