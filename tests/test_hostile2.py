"""Hostile input, round two: a corpus of bad entries made here, built next to the seeds.

Each bad entry must give its own problems row (or be read right, with a warning where the reader
had to guess), and the seeds' tables must stay exactly as without the bad entries.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from sahel_analysis import load
from sahel_analysis.pipeline import build, shown_name

from .conftest import SEEDS
from .test_hostile import _pdf_bytes, _pdf_with_stream

LETTER = "001_aa2575580b9ffad5.txt"  # a seed letter with a date, a title and signatories
SHORT = "003_85f3fd42da5e9a91.txt"  # a seed letter with a contribution and some non-ASCII text
SECRET = "planted-value-7f3a9c"  # put in this process's environment: must never reach a table

LEFT = ("Het kabinet heeft besloten om de bijdrage aan de missie te verlengen. De eenheid blijft tot "
        "het einde van het jaar in het land. Daarna volgt een evaluatie van de inzet en de resultaten. "
        "De Kamer wordt over de uitkomst daarvan tijdig geïnformeerd door de minister.")
RIGHT = ("In het noorden van het land is de veiligheidssituatie verslechterd. Er waren meerdere "
         "aanslagen op konvooien en kampen. De partners in de regio delen die zorg en zoeken naar "
         "nieuwe vormen van samenwerking met de autoriteiten ter plaatse.")


def _wrap(text: str, width: int = 38) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + len(word) + 1 > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return [*lines, cur]


def two_column_pdf() -> bytes:
    """A page of two columns of prose, drawn line by line across both columns (the content stream
    interleaves them, as many generators do)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    left, right = _wrap(LEFT), _wrap(RIGHT)
    for i in range(max(len(left), len(right))):
        if i < len(left):
            pdf.text(15, 30 + 5 * i, left[i])
        if i < len(right):
            pdf.text(110, 30 + 5 * i, right[i])
    return bytes(pdf.output())


def aes_pdf(text: str, user_password: str) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    pdf.set_encryption(owner_password="owner", user_password=user_password,
                       encryption_method=EncryptionMethod.AES_128)
    return bytes(pdf.output())


def _bad_entries(corpus: Path) -> None:
    bad = corpus / "bad"
    bad.mkdir()
    # entries that are not regular files, or lead out of the folder
    (bad / "passwd.txt").symlink_to("/etc/passwd")
    (bad / "environ.txt").symlink_to("/proc/self/environ")
    (bad / "zero.txt").symlink_to("/dev/zero")
    (bad / "etc").symlink_to("/etc")
    (bad / "gone.txt").symlink_to(bad / "not-there.txt")
    os.mkfifo(bad / "pipe.txt")
    with open(bad / "sparse.txt", "wb") as fh:
        fh.truncate(5 * 10**9)  # 5 GB that take no space
    # a link named to sort before a seed, pointing at it; a link to a hidden file, read under its name
    (corpus / "000_0000.txt").symlink_to(corpus / LETTER)
    (bad / ".hidden-source.txt").write_text("Nederland levert drie stafofficieren aan EUTM Mali.\n", "utf-8")
    (bad / "link-to-hidden.txt").symlink_to(bad / ".hidden-source.txt")
    # file names in no encoding, with a line break, with a direction override
    sentence = b"Nederland levert twee stafofficieren aan EUTM Mali.\n"
    for raw in (b"caf\xe9.txt", b"line\nbreak.txt", "\u202etxt.exe.txt".encode()):
        with open(os.fsencode(bad) + b"/" + raw, "wb") as fh:
            fh.write(sentence)
    # text that must be read right
    letter = (corpus / LETTER).read_text("utf-8")
    (bad / "cr-only.txt").write_text(letter.replace("\n", "\r"), "utf-8", newline="")
    # CR LF, LF and CR in turn (a CR is never followed by the LF of the next line: that is CR LF)
    mixed = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(letter.split("\n")))
    (bad / "mixed-endings.txt").write_text(mixed, "utf-8", newline="")
    (bad / "stray-byte.txt").write_bytes((corpus / SHORT).read_bytes() + b"\xff\n")
    (bad / "cp1252.txt").write_bytes("De financiële bijdrage aan Mali – één keer, € 5 miljoen.\n".encode("cp1252"))
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'
            "<title>Bericht</title></head><body><article><p>Overleg in Łódź en Győr: Nederland levert "
            "één bijdrage.</p></article></body></html>")
    (bad / "latin2.html").write_bytes(page.encode("iso8859_2"))
    (bad / "nested.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "Nederland in Mali." + "</div>" * 100_000 + "</body></html>", "utf-8")
    (bad / "unclosed.html").write_text(
        "<html><body><article>" + "".join(f"<p><span><font>Regel {i} van het verslag." for i in range(1000))
        + "</article></body></html>", "utf-8")
    with open(bad / "huge.html", "wb") as fh:
        fh.write(b"<html><body><p>" + b"Mali " * 12_200_000 + b"</p></body></html>")  # 61 M characters
    pdf = _pdf_bytes("Den Haag, 1 maart 2022\n\nNederland levert maximaal tien militairen aan de missie.")
    (bad / "pdf-named.html").write_bytes(pdf)
    (bad / "two-columns.pdf").write_bytes(two_column_pdf())
    glyphs = bytes(b for b in range(1, 32) if b not in b"()\\") * 3
    (bad / "no-tounicode.pdf").write_bytes(_pdf_with_stream(b"BT /F1 12 Tf 72 720 Td (" + glyphs + b") Tj ET"))
    (bad / "aes-open.pdf").write_bytes(aes_pdf("Nederland levert twee militairen aan de missie.", ""))
    (bad / "aes-locked.pdf").write_bytes(aes_pdf("Geheime tekst over Mali.", "secret"))


@pytest.fixture(scope="module")
def hostile2(tmp_path_factory):
    """The seeds plus the bad entries, built once (with the cache on, as a user builds)."""
    root = tmp_path_factory.mktemp("hostile2")
    corpus = root / "in"
    shutil.copytree(SEEDS, corpus)
    _bad_entries(corpus)
    out = root / "out"
    mp = pytest.MonkeyPatch()
    mp.setenv("SAHEL_PLANTED", SECRET)
    t0 = time.perf_counter()
    try:
        summary = build(corpus, out)
    finally:
        mp.undo()
    return summary, load(out), out, time.perf_counter() - t0


PROBLEMS = {
    "bad/passwd.txt": "outside the input folder",
    "bad/environ.txt": "outside the input folder",
    "bad/zero.txt": "outside the input folder",
    "bad/etc": "folder outside the input folder",
    "bad/gone.txt": "does not exist",
    "bad/pipe.txt": "FIFO",
    "bad/sparse.txt": "over the limit of 200 MB",
    "000_0000.txt": "read under its own name",
    "bad/huge.html": "over the limit of 60,000,000",
    "bad/no-tounicode.pdf": "OCR",
    "bad/aes-locked.pdf": "password",
    "bad/stray-byte.txt": "1 byte(s) not valid UTF-8",
    "bad/cp1252.txt": "read as cp1252",
    "bad/pdf-named.html": "content is PDF",
}


def test_each_bad_entry_gives_its_problems_row(hostile2):
    _summary, tables, _out, _seconds = hostile2
    problems = tables["problems"]
    for file, words in PROBLEMS.items():
        reasons = problems.loc[problems["file"] == file, "reason"]
        assert reasons.str.contains(words, regex=False).any(), (file, list(reasons))


def test_the_build_is_bounded(hostile2):
    summary, _tables, _out, seconds = hostile2
    assert seconds < 120  # no FIFO hang, no 5 GB read
    assert summary.files >= 30


def test_good_documents_are_exactly_as_without_the_bad_entries(hostile2, built):
    _summary, tables, _out, _seconds = hostile2
    good = load(built)
    for name in ("documents", "contributions", "budgets", "events", "redactions", "texts"):
        ours = tables[name]
        ours = ours[~ours["file"].str.startswith("bad/")].reset_index(drop=True)
        pd.testing.assert_frame_equal(ours, good[name])


def test_nothing_from_outside_the_folder_is_stored(hostile2):
    _summary, tables, out, _seconds = hostile2
    from sahel_analysis.search import search

    texts = "\n".join(tables["texts"]["text"])
    assert SECRET not in texts and "root:x:0:0" not in texts
    assert not len(search(SECRET, data_dir=out))
    assert SECRET.encode() not in (out / "sahel.duckdb").read_bytes()
    assert set(tables["documents"]["file"]) & {"bad/passwd.txt", "bad/environ.txt", "bad/zero.txt"} == set()


def test_a_link_inside_the_folder_is_read_once_under_the_right_name(hostile2):
    _summary, tables, _out, _seconds = hostile2
    files = list(tables["documents"]["file"])
    assert "bad/link-to-hidden.txt" in files
    assert files.count(LETTER) == 1 and "000_0000.txt" not in files


def test_any_file_name_is_shown_escaped(hostile2):
    _summary, tables, _out, _seconds = hostile2
    files = set(tables["documents"]["file"])
    assert {"bad/caf\\xe9.txt", "bad/line\\nbreak.txt", "bad/\\u202etxt.exe.txt"} <= files
    assert shown_name("gewoon-bestand.txt") == "gewoon-bestand.txt"
    assert shown_name("één.txt") == "één.txt"


def _fields(tables, file: str, table: str, columns: list[str]) -> pd.DataFrame:
    df = tables[table]
    return df.loc[df["file"] == file, columns].reset_index(drop=True)


def test_cr_and_mixed_line_endings_read_as_the_lf_original(hostile2):
    _summary, tables, _out, _seconds = hostile2
    meta = ["doc_type", "title", "date", "kamerstuk", "reference", "addressee", "signatories", "length"]
    facts = ["contributor", "mission", "component", "personnel", "qualifier", "period_start", "kind", "quote"]
    for copy in ("bad/cr-only.txt", "bad/mixed-endings.txt"):
        pd.testing.assert_frame_equal(_fields(tables, copy, "documents", meta),
                                      _fields(tables, LETTER, "documents", meta))
        pd.testing.assert_frame_equal(_fields(tables, copy, "contributions", facts),
                                      _fields(tables, LETTER, "contributions", facts))


def test_one_stray_byte_keeps_the_file_utf8(hostile2):
    _summary, tables, _out, _seconds = hostile2
    texts = tables["texts"].set_index("file")["text"]
    stray = texts["bad/stray-byte.txt"]
    assert stray.count("\ufffd") == 1
    assert " ".join(stray.replace("\ufffd", "").split()) == " ".join(texts[SHORT].split())
    facts = ["contributor", "mission", "component", "personnel", "quote"]
    pd.testing.assert_frame_equal(_fields(tables, "bad/stray-byte.txt", "contributions", facts),
                                  _fields(tables, SHORT, "contributions", facts))


def test_legacy_encodings_are_decoded_right(hostile2):
    _summary, tables, _out, _seconds = hostile2
    texts = tables["texts"].set_index("file")["text"]
    assert texts["bad/cp1252.txt"].startswith("De financiële bijdrage aan Mali – één keer, € 5 miljoen.")
    assert "Overleg in Łódź en Győr: Nederland levert één bijdrage." in texts["bad/latin2.html"]


def test_deep_and_unclosed_html_is_read(hostile2):
    _summary, tables, _out, _seconds = hostile2
    texts = tables["texts"].set_index("file")["text"]
    assert "Nederland in Mali." in texts["bad/nested.html"]
    assert "Regel 999 van het verslag." in texts["bad/unclosed.html"]
    problems = tables["problems"]
    assert not problems["reason"].str.contains("Recursion").any()


def test_a_pdf_named_html_is_read_as_a_pdf(hostile2):
    _summary, tables, _out, _seconds = hostile2
    texts = tables["texts"].set_index("file")["text"]
    assert "Nederland levert maximaal tien militairen aan de missie." in texts["bad/pdf-named.html"]
    assert "obj" not in texts["bad/pdf-named.html"]
    assert "bad/pdf-named.html" not in set(tables["budgets"]["file"])


def test_content_decides_the_reader_and_a_wrong_declared_charset_is_not_trusted():
    from sahel_analysis.read import parse_bytes, sniff

    page = b"<!DOCTYPE html><html><body><article><p>Nederland in Mali.</p></article></body></html>"
    raw = parse_bytes(page, ".txt")
    assert raw.kind == "html" and raw.text.strip() == "Nederland in Mali." and "content is HTML" in raw.warnings[0]
    assert sniff(b"Gewone tekst met <html> erin.", "txt", ".txt") == "txt"
    assert sniff(b"<html><body>x</body></html>", "txt", ".md") == "txt"
    wrong = ('<html><head><meta charset="utf-8"></head><body><p>Caf\u00e9 in Mali, één keer.</p></body></html>')
    raw = parse_bytes(wrong.encode("cp1252"), ".html")
    assert "Café in Mali, één keer." in raw.text and raw.warnings


def test_a_path_swapped_for_a_link_after_it_was_found_is_refused(tmp_path):
    from sahel_analysis.pipeline import process_file

    (tmp_path / "a.txt").symlink_to("/etc/passwd")
    result = process_file(tmp_path / "a.txt", "a.txt")
    assert not result.rows["texts"] and "symbolic links" in result.rows["problems"][0]["reason"]


def test_two_columns_are_read_column_after_column(hostile2):
    _summary, tables, _out, _seconds = hostile2
    text = " ".join(tables["texts"].set_index("file")["text"]["bad/two-columns.pdf"].split())
    assert LEFT in text and RIGHT in text and text.index(LEFT) < text.index(RIGHT)


def test_single_column_and_table_layouts_are_left_alone():
    from sahel_analysis.read.pdf import reading_order

    table = "\n".join(f"Mali {i}                         {i * 1.5:.1f}          {i * 2:.1f}" for i in range(12))
    assert reading_order(table) == table
    prose = "\n".join(_wrap(LEFT + " " + RIGHT, 80))
    assert reading_order(prose) == prose


def test_aes_pdf_with_an_empty_password_is_read(hostile2):
    _summary, tables, _out, _seconds = hostile2
    texts = tables["texts"].set_index("file")["text"]
    assert "Nederland levert twee militairen aan de missie." in texts["bad/aes-open.pdf"]


def test_a_page_of_unmapped_glyphs_among_good_pages_is_left_out_with_a_warning():
    from sahel_analysis.read.pdf import read_pdf

    from .test_hostile import _pdf_with_stream as one_page

    good = one_page(b"BT /F1 12 Tf 72 720 Td (Nederland levert tien militairen aan de missie.) Tj ET")
    glyphs = bytes(b for b in range(1, 32) if b not in b"()\\") * 3
    bad = one_page(b"BT /F1 12 Tf 72 720 Td (" + glyphs + b") Tj ET")
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in (good, bad):
        import io

        writer.add_page(PdfReader(io.BytesIO(data)).pages[0])
    buf = __import__("io").BytesIO()
    writer.write(buf)
    raw = read_pdf(buf.getvalue())
    assert "Nederland levert tien militairen" in raw.text and "\x01" not in raw.text
    assert any("page(s) 2 of 2" in w and "OCR" in w for w in raw.warnings)
