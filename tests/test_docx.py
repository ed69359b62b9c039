"""The .docx reader: text in document order, tables, header and footer, and clear refusals."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from sahel_analysis.errors import DocumentError
from sahel_analysis.pipeline import process_file
from sahel_analysis.read import docx as docx_reader
from sahel_analysis.read import read_file
from sahel_analysis.read.docx import read_docx
from sahel_analysis.read.limits import Limits


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None, header: str = "",
              footer: str = "", line_break: tuple[str, str] | None = None) -> bytes:
    """A small Word file: the paragraphs, then a table, then a paragraph with a line break."""
    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for text in paragraphs:
        d.add_paragraph(text)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    if line_break:
        p = d.add_paragraph(line_break[0])
        p.add_run().add_break()
        p.add_run(line_break[1])
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_paragraphs_tables_and_breaks_in_document_order():
    data = make_docx(["Eerste alinea over de missie.", "", "Tweede alinea."],
                     table=[["Land", "Aantal"], ["Niger", "12"]],
                     line_break=("Den Haag,", "3 maart 2021"))
    raw = read_docx(data)
    assert raw.kind == "docx"
    assert raw.text == ("Eerste alinea over de missie.\n\nTweede alinea.\n\nLand | Aantal\n\n"
                        "Niger | 12\n\nDen Haag,\n3 maart 2021\n\n")


def test_header_before_and_footer_after_the_body():
    data = make_docx(["Het lichaam van de brief."], header="Ministerie van Defensie",
                     footer="Tweede Kamer, vergaderjaar 2020-2021, 29 521, nr. 999")
    text = read_docx(data).text
    assert text.index("Ministerie van Defensie") < text.index("Het lichaam") < text.index("nr. 999")


def with_footnotes(data: bytes, notes: dict[int, str]) -> bytes:
    """``data`` with a footnotes part holding ``notes`` (python-docx writes none itself)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:footnote>'
                   for i, t in notes.items())
    sep = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>----</w:t></w:r></w:p></w:footnote>'
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'))
            if item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>'))
            zf.writestr(item, content)
        zf.writestr("word/footnotes.xml", f'<w:footnotes xmlns:w="{w}">{sep}{body}</w:footnotes>')
    return out.getvalue()


def test_footnotes_come_after_the_body_with_their_numbers():
    data = with_footnotes(make_docx(["De brief zelf."]), {1: "Kamerstuk 29521, nr. 100.", 2: "Zie de bijlage."})
    assert read_docx(data).text == "De brief zelf.\n\n1 Kamerstuk 29521, nr. 100.\n\n2 Zie de bijlage.\n\n"


def test_merged_cells_give_their_text_once():
    d = docx.Document()
    t = d.add_table(rows=1, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "Samengevoegd"
    t.cell(0, 2).text = "Los"
    buf = io.BytesIO()
    d.save(buf)
    assert read_docx(buf.getvalue()).text == "Samengevoegd | Los\n\n"


@pytest.mark.parametrize(("data", "says"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old binary Word .doc"),
    (b"%PDF-1.4 this is a PDF", "no ZIP package"),
    (b"PK\x03\x04 not really a zip", "broken or truncated"),
])
def test_what_is_no_docx_is_named(data, says):
    with pytest.raises(DocumentError, match=says) as err:
        read_docx(data)
    assert err.value.stage == "read"


def test_zip_without_a_word_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hallo")
    with pytest.raises(DocumentError, match="no word/document.xml"):
        read_docx(buf.getvalue())


def test_truncated_docx():
    data = make_docx(["Een alinea."] * 50)
    with pytest.raises(DocumentError, match="broken"):
        read_docx(data[: len(data) // 2])


def test_docx_with_no_text():
    with pytest.raises(DocumentError, match="no text"):
        read_docx(make_docx([]))


def test_package_that_unpacks_over_the_limit(monkeypatch):
    monkeypatch.setattr(docx_reader, "LIMITS", Limits(max_file_bytes=5_000))
    with pytest.raises(DocumentError, match="unpacks to"):
        read_docx(make_docx(["Een alinea."]))


def test_read_file_picks_the_docx_reader(tmp_path: Path):
    p = tmp_path / "brief.DOCX"
    p.write_bytes(make_docx(["Een zin in Word."]))
    assert read_file(p).text == "Een zin in Word.\n\n"


def test_a_docx_letter_gives_facts_with_spans_in_its_text(tmp_path: Path):
    p = tmp_path / "brief.docx"
    p.write_bytes(make_docx([
        "Den Haag, 14 februari 2019",
        "Het kabinet heeft besloten de Nederlandse bijdrage aan MINUSMA in Mali te verlengen. "
        "Nederland levert daartoe maximaal 250 militairen tot en met 31 december 2019.",
    ]))
    result = process_file(p)
    assert result.rows["problems"] == []
    (doc,) = result.rows["documents"]
    assert doc["relevant"] is True
    text = result.rows["texts"][0]["text"]
    rows = result.rows["contributions"]
    assert any(r["personnel"] == 250 and r["mission"] == "MINUSMA" for r in rows)
    for r in rows:
        assert text[r["start"]:r["end"]] == r["quote"]


def test_a_broken_docx_is_a_problem_row_naming_the_file(tmp_path: Path):
    p = tmp_path / "kapot.docx"
    p.write_bytes(b"PK\x03\x04 broken")
    result = process_file(p)
    assert result.rows["documents"] == []
    (problem,) = result.rows["problems"]
    assert problem["file"] == "kapot.docx" and "broken" in problem["reason"]
