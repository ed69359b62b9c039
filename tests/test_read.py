"""Readers: a PDF and an HTML page made here read into the same clean text as their source."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sahel_analysis.documents import read_documents
from sahel_analysis.errors import DocumentError
from sahel_analysis.read import read_file

PARAGRAPHS = [
    "Den Haag, 17 februari 2022",
    "Het kabinet heeft besloten de Nederlandse bijdrage aan de VN-missie MINUSMA te verlengen "
    "tot en met 30 juni 2024. Nederland levert maximaal drie stafofficieren.",
    "Daarnaast draagt Nederland jaarlijks 3,5 miljoen euro bij aan het programma, en zegde het "
    "in 2022 financiële steun toe aan de academie in Ivoorkust.",
]


def _clean_text(path: Path) -> str:
    return "\n".join(d.text for d in read_documents(path))


def test_pdf_reads_into_the_same_text_as_its_source(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for para in PARAGRAPHS:
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Tweede pagina met de slotzin.", new_x="LMARGIN", new_y="NEXT")
    pdf_path = tmp_path / "brief.pdf"
    pdf.output(str(pdf_path))
    txt_path = tmp_path / "brief.txt"
    txt_path.write_text("\n\n".join(PARAGRAPHS + ["Tweede pagina met de slotzin."]) + "\n", "utf-8")
    assert _clean_text(pdf_path) == _clean_text(txt_path)


def test_html_main_text_without_scripts_and_navigation(tmp_path):
    body = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    html = f"""<!doctype html><html><head><title>Nieuws</title>
    <script>var tracking = "x";</script><style>p {{color: red}}</style></head>
    <body><nav><ul><li>Home</li><li>Onderwerpen</li></ul></nav>
    <header class="site-header">Defensie.nl</header>
    <main><article>{body}</article></main>
    <footer>Cookies | Privacy</footer><script>alert(1)</script></body></html>"""
    html_path = tmp_path / "nieuws.html"
    html_path.write_text(html, "utf-8")
    txt_path = tmp_path / "nieuws.txt"
    txt_path.write_text("\n\n".join(["Nieuws", *PARAGRAPHS]) + "\n", "utf-8")
    text = _clean_text(html_path)
    assert text == _clean_text(txt_path)
    assert "tracking" not in text and "Cookies" not in text and "Onderwerpen" not in text


def test_cp1252_is_read_with_a_warning(tmp_path):
    path = tmp_path / "oud.txt"
    path.write_bytes("De financiële bijdrage – één keer.\n".encode("cp1252"))
    raw = read_file(path)
    assert raw.text.startswith("De financiële bijdrage – één keer.")
    assert raw.encoding == "cp1252" and raw.warnings


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Nederland in Mali.\n".encode("utf-16-le"))
    assert read_file(path).text.strip() == "Nederland in Mali."


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"  \n\t\n", "whitespace"), (bytes(range(256)) * 50, "binary")],
)
def test_unreadable_text_files_say_why(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as err:
        read_file(path)
    assert reason in err.value.reason


def test_pdf_without_text_layer_names_ocr(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50, style="F")  # a page with only a drawing: a "scan"
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentError) as err:
        read_file(path)
    assert "no text layer" in err.value.reason and "OCR" in err.value.reason
