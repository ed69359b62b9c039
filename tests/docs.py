"""A Document made straight from a text (clean text = raw text), for tests of the fact rules."""

from __future__ import annotations

from sahel_analysis.model import Document


def text_doc(text: str, date: str | None = "2022-11-15", title: str = "") -> Document:
    """``text`` as a one-part Document dated ``date`` (relative dates resolve against it)."""
    return Document(file="x.txt", part=1, text=text, offsets=list(range(len(text) + 1)),
                    date=date or "", date_known=date is not None, title=title)


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file assembled by hand from its numbered objects (1 is the catalog), with its xref
    table and trailer: for PDFs no library writes (shared streams, bombs)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
