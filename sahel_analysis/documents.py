"""Raw text -> documents: split a file where a new document starts, clean each part, read its header.

A file may hold several documents (a released set of internal memos, a bundle of letters). A new
document starts at a header anchor: a memo's decision line (``TER BESLISSING``) or a letter's
heading (``Nr. 440 BRIEF VAN DE MINISTER``). The header block that belongs to an anchor (the
``Aan/Van/Via`` lines, a redaction, a stamp) goes with it: the split falls at the last run of blank
lines before it, or where the header block begins.

Metadata comes from the clean text of each part, with running footers read from its raw text:
type, title, date (or the best bound the text supports), Kamerstuk number, the ministry's
reference, addressee and signatories.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from .clean import clean
from .model import Document
from .read import read_file

MEMO_ANCHOR = re.compile(
    r"^[\s*_#]*TER\s+(?:BESLISSING|INFORMATIE|ADVISERING|ADVIES|KENNISNAME|ONDERTEKENING|PARAAF)"
    r"[\s*_]*$",
    re.M,
)
LETTER_ANCHOR = re.compile(
    r"^[\s\f]*(?:Nr\.\s*\d+|[A-Z]{1,3})?\s*BRIEF VAN DE(?:N)? (?:MINISTER|STAATSSECRETARIS)", re.M
)
MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"], start=1)}
_MONTH_RE = "|".join(MONTHS)
FULL_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})\b", re.I)
PLACE_DATE = re.compile(
    rf"^(?:Den Haag|'s-Gravenhage|Brussel|New York),?\s+(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})", re.I | re.M
)
DATE_FIELD = re.compile(rf"^Datum\s*\n?\s*(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})", re.I | re.M)
JL_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+jl\b", re.I)
VERGADERJAAR = re.compile(r"vergaderjaar\s+(\d{4})\s*[–—-]\s*(\d{4})", re.I)
FOOTER_KAMERSTUK = re.compile(
    r"(?:Tweede|Eerste) Kamer,? vergaderjaar \d{4}\s*[–—-]\s*\d{4},\s*(\d{2}\s?\d{3}(?:-[\dA-Z]+)?),"
    r"\s*(?:nr\.\s*)?([\dA-Z]+)\b"
)
HEADING_NUMBER = re.compile(r"^[\s\f]*(?:Nr\.\s*(\d+)|([A-Z]{1,3}))\s+BRIEF VAN", re.M)
CITED_DOSSIER = re.compile(r"Kamerstuk(?:ken)?\s+(\d{2}\s?\d{3}(?:-[\dA-Z]+)?),\s*nr\.")
REFERENCE = re.compile(
    r"(?:Onze\s+[Rr]eferentie|Ons\s+kenmerk|Kenmerk)\s*\n?\s*([A-Z][\w-]*(?:[./][\w-]+)+)"
)
ADDRESS_LETTER = re.compile(r"^Aan\s+de[n]?\s+(.+?)\s*$", re.M)
MEMO_ADDRESS = re.compile(r"^Aan\n(?:Van\n)?(?:Via\n)?(?:Kopie aan\n)?(?:Afgestemd met\n)?(.+)$", re.M)
SIGNATORY = re.compile(
    r"^(?:De|Het)\s+(?:Minister|Staatssecretaris|Minister-President)\b[^,\n]{0,120},\s*\n?\s*"
    r"((?:[A-Z][a-z]?\.\s?)+(?:[a-z]+\s)*[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})",
    re.M,
)
LETTER_TITLE = re.compile(r"^[ \t\f]*(?:Nr\.\s*\d+|[A-Z]{1,3})?[ \t]*(BRIEF VAN .+?)(?=\nAan\s|\n\n|\Z)", re.S | re.M)
SUBJECT = re.compile(r"informe(?:ert|ren|er)\b[^.]{0,200}?\bover\s+(?:de\s+|het\s+)?([^.]+?)(?:,\s*waaronder|\.|$)")
HEAD = 6000  # characters of a document's start that hold its header (date, reference)
TAIL = 30000  # characters of its end that hold the signatures (footnotes are moved after them)


def read_documents(path: Path, name: str | None = None) -> list[Document]:
    """Read a file and return its documents, cleaned and with metadata (raises DocumentError)."""
    raw = read_file(path)
    docs = split_documents(raw.text, name or path.name)
    for doc in docs:
        doc.warnings.extend(raw.warnings)
    return docs


def split_points(raw: str) -> list[int]:
    """Raw offsets where documents start (always includes 0)."""
    anchors = sorted({m.start() for m in MEMO_ANCHOR.finditer(raw)}
                     | {m.start() for m in LETTER_ANCHOR.finditer(raw)})
    points = [0]
    prev_anchor = None
    for anchor in anchors:
        if prev_anchor is None:
            prev_anchor = anchor
            continue
        lo = prev_anchor
        # the previous document needs some body between its anchor and this one
        if len(raw[lo:anchor].strip()) < 400:
            continue
        points.append(_header_start(raw, lo, anchor))
        prev_anchor = anchor
    return points


def _header_start(raw: str, lo: int, anchor: int) -> int:
    """Start of the header block in front of ``anchor``: the last blank-line gap, else its top."""
    lines = raw[lo:anchor].split("\n")
    pos = anchor
    blank_run = 0
    best_gap = None
    for line in reversed(lines[:-1] if lines and lines[-1] == "" else lines):
        line_start = pos - len(line) - 1
        stripped = line.strip()
        if not stripped:
            blank_run += 1
            if blank_run >= 2 and best_gap is None:
                best_gap = pos
        else:
            blank_run = 0
            if len(stripped) > 60 and best_gap is None:
                return pos
            if best_gap is not None and len(stripped) > 60:
                break
        pos = max(line_start, lo)
    return best_gap if best_gap is not None else pos


def split_documents(raw: str, file: str) -> list[Document]:
    """Split the raw text of one file into cleaned documents with metadata."""
    points = split_points(raw) + [len(raw)]
    docs = []
    for part, (start, end) in enumerate(zip(points, points[1:], strict=False), start=1):
        if not raw[start:end].strip():
            continue
        cleaned = clean(raw, start, end)
        doc = Document(
            file=file, part=part, text=cleaned.text, offsets=cleaned.offsets,
            raw_start=start, raw_end=end,
        )
        describe(doc, raw[start:end])
        docs.append(doc)
    for number, doc in enumerate(docs, start=1):
        doc.part = number
    return docs


def content_hash(text: str) -> str:
    """Short SHA-256 of a text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), MONTHS[month.lower()], int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def document_type(text: str, raw: str) -> str:
    """``nota``, ``kamerbrief`` or ``nieuwsbericht`` from the header's shape."""
    head = text[:3000]
    if MEMO_ANCHOR.search(raw) or re.search(r"^nota$", head, re.M | re.I):
        return "nota"
    if LETTER_ANCHOR.search(raw) or ADDRESS_LETTER.search(head) or VERGADERJAAR.search(raw) \
            or re.search(r"\bUw Kamer\b|\buw Kamer\b", text):
        return "kamerbrief"
    return "nieuwsbericht"


def describe(doc: Document, raw: str) -> None:
    """Fill in the metadata of ``doc`` from its clean text and raw text."""
    text = doc.text
    doc.doc_type = document_type(text, raw)
    doc.title = _title(text, doc.doc_type)
    doc.date, doc.date_known = _date(text, raw)
    doc.kamerstuk = _kamerstuk(text, raw)
    ref = REFERENCE.search(text, 0, HEAD)
    doc.reference = ref.group(1).rstrip(".") if ref else ""
    doc.addressee = _addressee(text, raw, doc.doc_type)
    tail = max(0, len(text) - TAIL)
    doc.signatories = "; ".join(dict.fromkeys(m.group(1).strip() for m in SIGNATORY.finditer(text, tail)))


def _title(text: str, doc_type: str) -> str:
    if doc_type == "nota":
        m = re.search(r"^nota\n(.+)$", text, re.M | re.I)
        return m.group(1).strip() if m else ""
    m = LETTER_TITLE.search(text, 0, HEAD)  # the heading, also below a Kamerstuk header
    if m:
        return " ".join(m.group(1).split())
    if doc_type == "nieuwsbericht":
        first = text.split("\n", 1)[0].strip()
        return first if len(first) <= 200 else first[:200]
    s = SUBJECT.search(text[:5000])
    if s:
        subject = re.split(r"\s+en\s+over\s+(?:de\s+|het\s+)?", " ".join(s.group(1).split()))[-1]
        return subject[:1].upper() + subject[1:]
    return ""


def _date(text: str, raw: str) -> tuple[str, bool]:
    for pattern in (PLACE_DATE, DATE_FIELD):
        m = pattern.search(text, 0, HEAD)
        if m:
            d = FULL_DATE.search(m.group(1))
            iso = d and _iso(*d.groups())
            if iso:
                return iso, True
    # No date line: the best bound the text supports.
    session = VERGADERJAAR.search(raw)
    jl = [(MONTHS[m.group(2).lower()], int(m.group(1))) for m in JL_DATE.finditer(text)]
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text)]
    if jl:
        month, _day = max(jl)
        if session:
            y1, y2 = int(session.group(1)), int(session.group(2))
            year = y1 if month >= 9 else y2
        else:
            explicit = [y for y in years if y <= dt.date.today().year]
            year = max(explicit) if explicit else None
        if year:
            return f"{year:04d}-{month:02d}", False
    if session:
        return session.group(1), False
    full = [d for d in (FULL_DATE.finditer(text)) if _iso(*d.groups())]
    if years:
        current = [y for y in years if y <= dt.date.today().year]
        if current:
            return str(max(current)), False
    if full:
        return _iso(*full[-1].groups()) or "", False
    return "", False


def _kamerstuk(text: str, raw: str) -> str:
    footer = FOOTER_KAMERSTUK.search(raw)
    if footer:
        return f"{footer.group(1).replace(' ', '')}-{footer.group(2)}"
    heading = HEADING_NUMBER.search(raw[:2000])
    if heading:
        number = heading.group(1) or heading.group(2)
        cited = [m.group(1).replace(" ", "") for m in CITED_DOSSIER.finditer(text)]
        if cited:
            dossier = max(cited, key=cited.count)  # ties: the first cited, never hash order
            return f"{dossier}-{number}"
    return ""


def _addressee(text: str, raw: str, doc_type: str) -> str:
    if doc_type == "nota":
        m = MEMO_ADDRESS.search(text)
        return m.group(1).strip() if m else ""
    m = ADDRESS_LETTER.search(text[:3000])
    if m:
        return m.group(1).strip()
    if doc_type == "kamerbrief":
        footer = re.search(r"\b(Tweede|Eerste) Kamer,? vergaderjaar", raw)
        return f"{footer.group(1)} Kamer" if footer else ""
    return ""
