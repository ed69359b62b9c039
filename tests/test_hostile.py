"""Hostile input: every bad file costs its own problems row and nothing else."""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sahel_analysis import load
from sahel_analysis.pipeline import build

from .conftest import SEEDS
from .docs import pdf_from_objects


def _pdf_bytes(text: str | None, encrypt: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text:
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    else:
        pdf.rect(10, 10, 80, 120, style="F")
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The seeds plus a folder of bad files, built once."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "in"
    shutil.copytree(SEEDS, corpus)
    bad = corpus / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "whitespace.txt").write_bytes(b" \n\t \r\n  ")
    (bad / "junk.txt").write_bytes(os.urandom(20000))
    (bad / "utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + "Nederland levert maximaal drie militairen aan MINUSMA.\n".encode("utf-16-le"))
    (bad / "cp1252.txt").write_bytes("De financiële bijdrage aan Mali – één keer.\n".encode("cp1252"))
    (bad / "nul.txt").write_bytes(b"Nederland \x00levert\x00 twee stafofficieren aan EUTM Mali.\n")
    words = "de situatie in het land blijft zorgelijk volgens het kabinet en de partners".split()
    line = " ".join(words[i % len(words)] for i in range(8_000_000))  # ~ 50 MB on one line
    (bad / "one-line.txt").write_text(line[: 50 * 1024 * 1024] + "\n", "utf-8")
    (bad / "numbers.txt").write_text(" ".join(str(i) for i in range(100_000)) + "\n", "utf-8")
    full = _pdf_bytes("Den Haag, 1 maart 2022\n\nNederland levert maximaal tien militairen.")
    (bad / "truncated.pdf").write_bytes(full[: len(full) // 3])
    (bad / "encrypted.pdf").write_bytes(_pdf_bytes("Geheime tekst over Mali.", encrypt=True))
    (bad / "scan.pdf").write_bytes(_pdf_bytes(None))
    (bad / "scripts.html").write_text(
        "<html><head><script>" + "var x = 1;" * 5000 + "</script></head><body><script>alert(1)"
        "</script><nav>Menu</nav></body></html>", "utf-8")
    locked = bad / "locked.txt"
    locked.write_text("Nederland in Mali.\n", "utf-8")
    locked.chmod(0)
    (bad / "loop-a.txt").symlink_to(bad / "loop-b.txt")
    (bad / "loop-b.txt").symlink_to(bad / "loop-a.txt")
    out = root / "out"
    real_open = os.open

    def os_open(path, *args, **kwargs):  # root ignores file modes: make the locked file unreadable for real
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(os, "open", os_open)
    try:
        summary = build(corpus, out, use_cache=False)
    finally:
        mp.undo()
    return summary, load(out)


EXPECTED = {
    "bad/empty.txt": "empty",
    "bad/whitespace.txt": "whitespace",
    "bad/junk.txt": "binary",
    "bad/truncated.pdf": "PDF",
    "bad/encrypted.pdf": "password",
    "bad/scan.pdf": "OCR",
    "bad/scripts.html": "no readable text",
    "bad/locked.txt": "Permission denied",
    "bad/loop-a.txt": "symbolic links",
}


def test_each_bad_file_gives_one_clear_problem_row(hostile):
    _summary, tables = hostile
    problems = tables["problems"]
    for file, words in EXPECTED.items():
        rows = problems[problems["file"] == file]
        assert len(rows) >= 1, f"no problem row for {file}"
        assert rows["reason"].str.contains(words, case=False).any(), (file, list(rows["reason"]))
        assert rows["stage"].notna().all()


def test_readable_bad_files_are_read_as_well_as_they_can_be(hostile):
    _summary, tables = hostile
    docs = tables["documents"]
    texts = tables["texts"].set_index("file")["text"]
    for file in ("bad/utf16.txt", "bad/cp1252.txt", "bad/nul.txt", "bad/numbers.txt", "bad/one-line.txt"):
        assert file in set(docs["file"]), file
    assert texts["bad/cp1252.txt"].startswith("De financiële bijdrage aan Mali – één keer.")
    assert "\x00" not in texts["bad/nul.txt"]
    warned = tables["problems"]
    assert warned[warned["file"] == "bad/cp1252.txt"]["reason"].str.contains("cp1252").any()


def test_good_documents_are_exactly_as_without_the_bad_files(hostile, built):
    _summary, tables = hostile
    good = load(built)
    for name in ("documents", "contributions", "budgets", "events", "redactions"):
        ours = tables[name]
        ours = ours[~ours["file"].str.startswith("bad/")].reset_index(drop=True)
        pd.testing.assert_frame_equal(ours, good[name])


def _pdf_with_stream(content: bytes) -> bytes:
    """A minimal one-page PDF whose content stream is ``content``, Flate-compressed."""
    import zlib

    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return pdf_from_objects(objects)


def test_pdf_decompression_bomb_is_refused_with_a_clear_message(tmp_path):
    from sahel_analysis.errors import DocumentError
    from sahel_analysis.read import read_file

    # 100 MB of content in a file of about 100 kB: past pypdf's decompression limit (75 MB)
    bomb = b"BT /F1 12 Tf 72 720 Td (Mali) Tj ET\n" + b" " * 100_000_000
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf_with_stream(bomb))
    assert path.stat().st_size < 500_000
    with pytest.raises(DocumentError) as err:
        read_file(path)
    assert "decompress" in err.value.reason


def test_small_handmade_pdf_reads(tmp_path):
    from sahel_analysis.read import read_file

    path = tmp_path / "ok.pdf"
    path.write_bytes(_pdf_with_stream(b"BT /F1 12 Tf 72 720 Td (Nederland in Mali) Tj ET"))
    assert "Nederland in Mali" in read_file(path).text
