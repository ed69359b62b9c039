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


def _month_number(name: str) -> int | None:
    """1-12 for a Dutch month name as the case-insensitive patterns match it: also with a long
    s (``ſeptember``) or a dotless i (``januarı``), which ``re.I`` accepts but ``lower`` keeps."""
    return MONTHS.get(name.casefold().replace("\u0131", "i"))


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
    anchors = sorted(set(_memo_anchors(raw)) | set(_letter_anchors(raw)))
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


_TER = re.compile(r"TER\s+(?:BESLISSING|INFORMATIE|ADVISERING|ADVIES|KENNISNAME|ONDERTEKENING|PARAAF)")
_LETTER_WORDS = "BRIEF VAN DE"
_LETTER_LONGEST = len("BRIEF VAN DEN STAATSSECRETARIS")  # a LETTER_ANCHOR match ends by then
_LETTER_LEAD = re.compile(r"[\s\dA-Zr.]*")  # every character that can stand before BRIEF in a heading


def _memo_anchors(raw: str, first_only: bool = False) -> list[int]:
    """``[m.start() for m in MEMO_ANCHOR.finditer(raw)]``, tried only at the ``TER ...`` words.

    A match starts at the first line start of the run of ``[\\s*_#]`` before its ``TER``
    (at or after the end of the previous match); every start in that run matches alike."""
    out: list[int] = []
    pos = 0
    for t in _TER.finditer(raw):
        ts = t.start()
        if ts < pos:
            continue
        q = ts
        while q > pos and (raw[q - 1].isspace() or raw[q - 1] in "*_#"):
            q -= 1
        if q and raw[q - 1] != "\n":
            nl = raw.find("\n", q, ts)
            if nl < 0:
                continue
            q = nl + 1
        m = MEMO_ANCHOR.match(raw, q)
        if m:
            out.append(q)
            if first_only:
                break
            pos = m.end()
    return out


def _letter_anchors(raw: str, first_only: bool = False) -> list[int]:
    """``[m.start() for m in LETTER_ANCHOR.finditer(raw)]``, searched only just before each
    ``BRIEF VAN DE``: a match starts where only white space, ``Nr. 12`` or a capital stands
    between the line start and those words, so not before a character outside that set."""
    out: list[int] = []
    pos = 0
    b = raw.find(_LETTER_WORDS)
    while b >= 0:
        if b >= pos:
            lo = max(pos, b - 64)
            if lo > pos and _LETTER_LEAD.fullmatch(raw, lo, b):
                lo = pos  # a long run of such characters: search from the start
            m = LETTER_ANCHOR.search(raw, lo, b + _LETTER_LONGEST)
            if m:
                out.append(m.start())
                if first_only:
                    break
                pos = m.end()
        b = raw.find(_LETTER_WORDS, b + 1)
    return out


def _heading_search(pattern: re.Pattern[str], text: str, words: str, end: int) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a heading pattern whose match holds ``words`` after
    a lead of white space, ``Nr. 12`` or capitals: searched from just before their first place."""
    b = text.find(words, 0, end)
    if b < 0:
        return None
    lo = max(0, b - 64)
    if lo and _LETTER_LEAD.fullmatch(text, lo, b):
        lo = 0
    return pattern.search(text, lo, end)


def _line_search(pattern: re.Pattern[str], text: str, firsts: str, end: int | None = None) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a MULTILINE pattern whose match starts at a line start
    with one of the characters ``firsts``: tried only there."""
    end = len(text) if end is None else end
    p = -1
    while True:
        c = text[p + 1 : p + 2]
        if c and c in firsts:
            m = pattern.match(text, p + 1, end)
            if m:
                return m
        p = text.find("\n", p + 1, end)
        if p < 0:
            return None


def _ascii_find(text: str, word: str) -> int:
    """First place of ``word`` (ASCII, lower case, no ``i``, ``k`` or ``s``, the letters that an
    IGNORECASE pattern also matches to other characters) in ``text`` in any case, else -1."""
    if text.isascii():
        return text.lower().find(word)
    data = text.encode("utf-8", "surrogatepass")
    p = data.lower().find(word.encode())
    return len(data[:p].decode("utf-8", "surrogatepass")) if p >= 0 else -1


def _all_cases(text: str, word: str) -> list[int]:
    """Every place of ``word`` (as for _ascii_find) in ``text``, in any case."""
    if text.isascii():
        low = text.lower()
        out = []
        p = low.find(word)
        while p >= 0:
            out.append(p)
            p = low.find(word, p + 1)
        return out
    # found in the UTF-8 bytes with their ASCII letters lowered, then counted in characters
    data = text.encode("utf-8", "surrogatepass")
    lowered, needle = data.lower(), word.encode()
    out = []
    done = chars = 0
    p = lowered.find(needle)
    while p >= 0:
        chars += len(data[done:p].decode("utf-8", "surrogatepass"))  # an ASCII byte starts a character
        done = p
        out.append(chars)
        p = lowered.find(needle, p + 1)
    return out


def _footer_search(pattern: re.Pattern[str], raw: str) -> re.Match[str] | None:
    """``pattern.search(raw)`` for a pattern that starts ``(?:Tweede|Eerste) Kamer,? vergaderjaar``."""
    v = raw.find("vergaderjaar")
    return pattern.search(raw, max(0, v - len("Tweede Kamer, "))) if v >= 0 else None


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
        return dt.date(int(year), _month_number(month) or 0, int(day)).isoformat()
    except ValueError:
        return None


_NOTA_LINE = re.compile(r"^nota$", re.M | re.I)
_NOTA_TITLE = re.compile(r"^nota\n(.+)$", re.M | re.I)
_UW_KAMER = re.compile(r"\bUw Kamer\b|\buw Kamer\b")
_FOOTER_HOUSE = re.compile(r"\b(Tweede|Eerste) Kamer,? vergaderjaar")
_PLACE_FIRSTS = "DdBbNn'"  # the first characters of PLACE_DATE's places
_YEARS = (re.compile(r"19\d\d"), re.compile(r"20\d\d"))  # years where they are whole words (checked in code)
_LINE_DE_HET = re.compile(r"\n(?=De|Het)")


def document_type(text: str, raw: str) -> str:
    """``nota``, ``kamerbrief`` or ``nieuwsbericht`` from the header's shape."""
    return _doc_type(text, raw, _Session(raw))


class _Session:
    """The first ``vergaderjaar 2022-2023`` of a raw text, searched on the first call."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.match: re.Match[str] | None | bool = False

    def __call__(self) -> re.Match[str] | None:
        if self.match is False:
            p = _ascii_find(self.raw, "vergaderjaar")
            self.match = VERGADERJAAR.search(self.raw, p) if p >= 0 else None
        return self.match


def _doc_type(text: str, raw: str, session: _Session) -> str:
    if _memo_anchors(raw, first_only=True) or _line_search(_NOTA_LINE, text, "Nn", 3000):
        return "nota"
    if _letter_anchors(raw, first_only=True) or _address_letter(text) or session() \
            or ("w Kamer" in text and _UW_KAMER.search(text)):
        return "kamerbrief"
    return "nieuwsbericht"


def _address_letter(text: str) -> re.Match[str] | None:
    """``ADDRESS_LETTER.search(text[:3000])``."""
    head = text[:3000]
    p = head.find("Aan")
    return ADDRESS_LETTER.search(head, p) if p >= 0 else None


def describe(doc: Document, raw: str) -> None:
    """Fill in the metadata of ``doc`` from its clean text and raw text."""
    text = doc.text
    session = _Session(raw)
    doc.doc_type = _doc_type(text, raw, session)
    doc.title = _title(text, doc.doc_type)
    doc.date, doc.date_known = _date(text, session)
    doc.kamerstuk = _kamerstuk(text, raw)
    ref = _reference(text)
    doc.reference = ref.group(1).rstrip(".") if ref else ""
    doc.addressee = _addressee(text, raw, doc.doc_type)
    tail = max(0, len(text) - TAIL)
    doc.signatories = "; ".join(dict.fromkeys(m.group(1).strip() for m in _signatories(text, tail)))


def _reference(text: str) -> re.Match[str] | None:
    """``REFERENCE.search(text, 0, HEAD)``, searched from the first of the words it starts with."""
    found = [p for p in (text.find(w, 0, HEAD) for w in ("Onze", "Ons", "Kenmerk")) if p >= 0]
    return REFERENCE.search(text, min(found), HEAD) if found else None


def _signatories(text: str, pos: int) -> list[re.Match[str]]:
    """``list(SIGNATORY.finditer(text, pos))``, tried only at line starts with ``De``/``Het``."""
    starts = [pos] if pos == 0 and text.startswith(("De", "Het")) else []
    starts += [m.end() for m in _LINE_DE_HET.finditer(text, max(0, pos - 1))]
    out: list[re.Match[str]] = []
    for s in starts:
        if s >= pos:
            m = SIGNATORY.match(text, s)
            if m:
                out.append(m)
                pos = m.end()
    return out


def _title(text: str, doc_type: str) -> str:
    if doc_type == "nota":
        m = _line_search(_NOTA_TITLE, text, "Nn")
        return m.group(1).strip() if m else ""
    m = _heading_search(LETTER_TITLE, text, "BRIEF VAN ", HEAD)  # also below a Kamerstuk header
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


def _date(text: str, session: _Session) -> tuple[str, bool]:
    for pattern, firsts in ((PLACE_DATE, _PLACE_FIRSTS), (DATE_FIELD, "Dd")):
        m = _line_search(pattern, text, firsts, HEAD)
        if m:
            d = FULL_DATE.search(m.group(1))
            iso = d and _iso(*d.groups())
            if iso:
                return iso, True
    # No date line: the best bound the text supports.
    jl = [(month, int(m.group(1))) for m in _jl_dates(text) if (month := _month_number(m.group(2)))]
    years: list[int] | None = None
    if jl:
        month, _day = max(jl)
        if session():
            y1, y2 = int(session().group(1)), int(session().group(2))
            year = y1 if month >= 9 else y2
        else:
            years = _years(text)
            explicit = [y for y in years if y <= dt.date.today().year]
            year = max(explicit) if explicit else None
        if year:
            return f"{year:04d}-{month:02d}", False
    if session():
        return session().group(1), False
    if years is None:
        years = _years(text)
    if years:
        current = [y for y in years if y <= dt.date.today().year]
        if current:
            return str(max(current)), False
    full = [d for d in (FULL_DATE.finditer(text)) if _iso(*d.groups())]
    if full:
        return _iso(*full[-1].groups()) or "", False
    return "", False


def _is_w(ch: str) -> bool:
    """``\\w`` of the regex engine (str patterns): alphanumeric or underscore."""
    return ch.isalnum() or ch == "_"


def _years(text: str) -> list[int]:
    """``[int(y) for y in re.findall(r"\\b((?:19|20)\\d{2})\\b", text)]``. Whole-word years cannot
    overlap, and a candidate that is not a whole word cannot hide one (a whole word starts after
    a non-word character), so the two centuries are found apart (literal prefixes search fast)."""
    n = len(text)
    found = [m.start() for pattern in _YEARS for m in pattern.finditer(text)
             if (not m.start() or not _is_w(text[m.start() - 1])) and (m.end() == n or not _is_w(text[m.end()]))]
    return [int(text[p : p + 4]) for p in sorted(found)]


def _jl_dates(text: str) -> list[re.Match[str]]:
    """``list(JL_DATE.finditer(text))``, searched only just before each ``jl``: a match is the
    digits, white space, month and white space right before it."""
    out: list[re.Match[str]] = []
    pos = 0
    for q in _all_cases(text, "jl"):
        if q >= pos and text[q - 1 : q].isspace():  # JL_DATE has white space before ``jl``
            i = q
            for test in (str.isspace, str.isalpha, str.isspace, str.isdecimal):
                while i > pos and test(text[i - 1]):
                    i -= 1
            m = JL_DATE.search(text, i, q + 3)  # one character past ``jl`` for its \b
            if m:
                out.append(m)
                pos = m.end()
    return out


def _kamerstuk(text: str, raw: str) -> str:
    footer = _footer_search(FOOTER_KAMERSTUK, raw)
    if footer:
        return f"{footer.group(1).replace(' ', '')}-{footer.group(2)}"
    heading = _heading_search(HEADING_NUMBER, raw, "BRIEF VAN", 2000)
    if heading:
        number = heading.group(1) or heading.group(2)
        cited = [m.group(1).replace(" ", "") for m in CITED_DOSSIER.finditer(text)]
        if cited:
            dossier = max(cited, key=cited.count)  # ties: the first cited, never hash order
            return f"{dossier}-{number}"
    return ""


def _addressee(text: str, raw: str, doc_type: str) -> str:
    if doc_type == "nota":
        p = text.find("Aan\n")
        m = MEMO_ADDRESS.search(text, p) if p >= 0 else None
        return m.group(1).strip() if m else ""
    m = _address_letter(text)
    if m:
        return m.group(1).strip()
    if doc_type == "kamerbrief":
        footer = _footer_search(_FOOTER_HOUSE, raw)
        return f"{footer.group(1)} Kamer" if footer else ""
    return ""
