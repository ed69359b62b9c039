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
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from . import anycase
from .clean import clean
from .model import Document
from .read import read_file
from .vocab import date_words, document_words, month_names


def _alt(
    phrases: Iterable[str], form: Callable[[str], str] = str, sep: str = r"\s+", longest_first: bool = True
) -> str:
    """An alternation of phrases (longest first, or in the order given), each word in ``form``
    and escaped, ``sep`` between the words of a phrase."""
    order = sorted(phrases, key=len, reverse=True) if longest_first else list(phrases)
    return "|".join(sep.join(re.escape(form(w)) for w in phrase.split()) for phrase in order)


def _words_alt(slot: str) -> str:
    """An alternation of the words of a slot of document_words.csv, longest first, any white
    space between the words of a phrase."""
    return _alt(document_words(slot))


def _one(slot: str) -> str:
    """The one phrase of a slot of document_words.csv that the code reads as a single word."""
    words = document_words(slot)
    if len(words) != 1:
        raise ValueError(f"document_words.csv: slot {slot!r} must hold one phrase, it holds {len(words)}")
    return words[0]


def _cap(word: str) -> str:
    """A word as a header prints it capitalised, each part of a hyphenated word (``Minister-President``)."""
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _either(word: str) -> str:
    """A pattern of a word whose first letter may be in either case (``[Uu]w``)."""
    return f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}"


def _firsts(slot: str) -> str:
    """The first letters of the words of a slot, in both cases (where a case-insensitive line starts)."""
    return "".join(sorted({c for w in document_words(slot) for c in (w[0], w[0].upper())}))


_MEMO_DECISION = _alt(document_words("memo_decision"), str.upper)  # in capitals: TER BESLISSING
_OPENING = " ".join(_one("letter_opening").upper().split())  # BRIEF VAN
_LETTER_ARTICLE = _alt(document_words("letter_article"), str.upper)
_NR_WORD = _cap(_one("number_label"))  # Nr.
_NR = re.escape(_NR_WORD)
_NR_LOWER = re.escape(_one("number_label"))
MEMO_ANCHOR = re.compile(rf"^[\s*_#]*(?:{_MEMO_DECISION})[\s*_]*$", re.M)
LETTER_ANCHOR = re.compile(
    rf"^[\s\f]*(?:{_NR}\s*\d+|[A-Z]{{1,3}})?\s*{re.escape(_OPENING)} (?:{_LETTER_ARTICLE})"
    rf" (?:{_alt(document_words('letter_sender'), str.upper)})",
    re.M,
)
# the full month names of the one month table (vocab/months.csv) that dates.py reads too
# (Dutch, and the English names that news relays print: ``18 October 2018``)
MONTHS = {m.name: m.month for m in month_names(("nl", "en")) if m.full}
_MONTH_RE = "|".join(MONTHS)


def _month_number(name: str) -> int | None:
    """1-12 for a Dutch month name as the case-insensitive patterns match it: also with a long
    s (``ſeptember``) or a dotless i (``januarı``), which ``re.I`` accepts but ``lower`` keeps."""
    return MONTHS.get(name.casefold().replace("\u0131", "i"))


FULL_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})\b", re.I)
_PLACE = rf"(?:{_words_alt('letter_place')}),?\s+(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})"
PLACE_DATE = re.compile("^" + _PLACE, re.I | re.M)
# the same where the clean (or raw) text has joined the header lines: after a line start or a space
PLACE_DATE_JOINED = re.compile(r"(?:^|(?<=\s))" + _PLACE, re.I | re.M)
PLACE_JOINED_HEAD = 3000  # characters of the clean text where a joined header holds the place and date
ANSWERS_RECEIVED = re.compile(
    rf"^[\s•*-]*(?:{_words_alt('answers_heading')})\b[^\n]{{0,600}}?\(\s*(?:{_words_alt('received_label')})"
    rf"\s*:?\s+(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})\s*\)",
    re.I | re.M,
)
DATE_FIELD = re.compile(
    rf"^(?:{_words_alt('date_field')})\s*:?\s*\n?\s*(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})", re.I | re.M
)
# A date as web pages print it: ``24 mei 2024``, ``24-05-2024``, ``24/5/2024``, ``24.05.2024``, ``2024-05-24``.
_ANY_DATE = (
    rf"(?:(?P<d>\d{{1,2}})\.?\s+(?P<mon>{_MONTH_RE})\s+(?P<y>\d{{4}})"
    r"|(?P<nd>\d{1,2})(?P<sep>[-/.])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
)
# Words that label a date line in a web page's header (``Nieuwsbericht | 24-05-2024``,
# ``Gepubliceerd op 24 mei 2024``): kinds of item, and publication verbs with their preposition.
_DATE_LABELS = f"(?:{_words_alt('date_label')})"
_WEEKDAYS = "(?:" + "|".join([*date_words("weekday"), *date_words("weekday_short")]) + r")\.?"
_TIME = rf"\d{{1,2}}[:.]\d{{2}}(?:\s*(?:{_words_alt('time_unit')}))?"
# One field of a date line: an optional label and weekday, the date, an optional time.
DATE_LINE_FIELD = re.compile(
    rf"(?P<label>{_DATE_LABELS}\s*:?\s*)?(?:{_WEEKDAYS},?\s+)?{_ANY_DATE}"
    rf"(?:\s*(?:,|-|–|{_words_alt('time_preposition')}|\|)?\s*{_TIME})?",
    re.I,
)
_DATE_LINE_TIME = re.compile(rf"(?:{_DATE_LABELS}\s*:?\s*)?{_TIME}", re.I)
# bars and bullets; a spaced dash (``Door ANP - 6-10-2016``); in a line of metadata fields
# (``Nummer: 2020D00001, datum: 2020-06-05``), a comma before a label with a colon
_DATE_LINE_SEPARATORS = re.compile(r"\s+[|•·–-]\s+|\s*\|\s*")
_FIELD_LABEL = r"[^\W\d_][\w ]{0,24}:"
_METADATA_LINE = re.compile(_FIELD_LABEL + r"[^,]*,\s*" + _FIELD_LABEL)
_METADATA_SEPARATORS = re.compile(_DATE_LINE_SEPARATORS.pattern + r"|,\s*(?=" + _FIELD_LABEL + ")")
# a page's "changed on" stamp and the rest of its line, glued to a time or not
_CHANGE_STAMP = re.compile(rf"\(?\s*(?<![^\W\d_])(?:{_words_alt('change_stamp')})(?![^\W\d_]).*$", re.I)
_STAMP_NEEDLES = anycase.needles(document_words("change_stamp"))  # a line without them has no stamp
_DIGIT = re.compile(r"\d")
_TRAILING_NOTE = re.compile(r"\s*\([^()]{0,40}\)$")  # ``3 mei 2019 (na 12 dagen)``
_LINE_MARKUP = " \t\f\v\u00a0*_#>"  # markdown emphasis, headings and quotes around a header line
DATE_LINES = 12  # the first non-blank lines of a part where a web page prints its date line
_DATE_FIELD_LEN = 80  # a field of a date line longer than this is text, not metadata
# a day-month marked past by the word before it (``afgelopen donderdag 22 januari``), without a year
_PAST_BEFORE = "|".join(w for w, v in date_words("before_month").items() if v == "past")
PAST_DAY = re.compile(
    rf"\b(?:{_PAST_BEFORE})\s+(?:{_WEEKDAYS}\s+)?(\d{{1,2}})\s+({_MONTH_RE})\b(?!\s+\d{{4}})", re.I
)
_PAST_NEEDLES = anycase.needles(_PAST_BEFORE.split("|"))  # where PAST_DAY is tried
_JL = _one("past_mark")  # lower case ASCII without i, k or s: found by anycase.Folded.places
JL_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+{re.escape(_JL)}\b", re.I)
_SESSION = _one("session_label")  # vergaderjaar: lower case ASCII without i, k or s (_ascii_find)
VERGADERJAAR = re.compile(rf"{re.escape(_SESSION)}\s+(\d{{4}})\s*[–—-]\s*(\d{{4}})", re.I)
_HOUSES = _alt(document_words("house"), _cap, sep=" ")  # Tweede Kamer
_HOUSE_LEAD = max(len(h) for h in document_words("house")) + len(", ")  # characters before the session
_KAMER = _cap(_one("parliament"))
FOOTER_KAMERSTUK = re.compile(
    rf"(?:{_HOUSES}),? {re.escape(_SESSION)} \d{{4}}\s*[–—-]\s*\d{{4}},\s*(\d{{2}}\s?\d{{3}}(?:-[\dA-Z]+)?),"
    rf"\s*(?:{_NR_LOWER}\s*)?([\dA-Z]+)\b"
)
HEADING_NUMBER = re.compile(rf"^[\s\f]*(?:{_NR}\s*(\d+)|([A-Z]{{1,3}}))\s+{re.escape(_OPENING)}", re.M)
# A Kamerstuk header prints the dossier (``29 521 Title``, ``36 200 V Title``) on the line before the
# number (``Nr. 418``, then the heading of the piece on the same or the next line).
DOSSIER_LINE = re.compile(r"(\d{2}[ \u00a0]?\d{3})(?:(?:[ \u00a0]|[ \u00a0]?-[ \u00a0]?)([IVXL]{1,5}|[A-Z]))?(?=\s|$)")
NUMBER_LINE = re.compile(rf"{_NR}[ \u00a0]*(\d+|[A-Z]{{1,3}})(?=\s|$)")
CAPITALS_HEADING = re.compile(r"[A-Z]{2,}(?:[ \u00a0]+[A-Z]{2,}){1,}")
DOSSIER_WRAP = 2  # lines a dossier's title may wrap onto below the dossier line
KAMERSTUK_LINES = 15  # the first non-blank lines of a part where a Kamerstuk header stands
CITED_DOSSIER = re.compile(
    rf"(?:{_alt(document_words('cited_dossier'), _cap)})\s+(\d{{2}}\s?\d{{3}}(?:-[\dA-Z]+)?),\s*{_NR_LOWER}"
)
# The ministry's own reference after its label, on the same line (``Onze referentie:``) or the next;
# not the addressee's (``Uw kenmerk``).
_POSSESSIVE = _one("possessive")  # the addressee's: Uw Kamer, Uw kenmerk
_REFERENCE_LABELS = document_words("reference_label")
_REFERENCE_LABEL = "|".join(
    r"\s+".join([re.escape(_cap(first)), *(_either(w) for w in rest)])
    for first, *rest in (p.split() for p in sorted(_REFERENCE_LABELS, key=len, reverse=True))
)
_REFERENCE_FIRSTS = tuple(dict.fromkeys(_cap(p.split()[0]) for p in _REFERENCE_LABELS))
REFERENCE = re.compile(
    rf"(?<!{_either(_POSSESSIVE)} )(?:{_REFERENCE_LABEL})[^\S\n]*:?[^\S\n]*\n?[^\S\n]*:?[^\S\n]*"
    r"([A-Z][\w-]*(?:[./][\w-]+)+|[A-Z][A-Za-z]{0,9}-?\d{4,}[\w-]*)"
)
_AAN = _cap(_one("address_label"))
ADDRESS_LETTER = re.compile(rf"^{re.escape(_AAN)}\s+(?:{_alt(document_words('letter_article'))})\s+(.+?)\s*$", re.M)
_MEMO_LABELS = "".join(
    rf"(?:{re.escape(label[:1].upper() + label[1:])}\n)?" for label in document_words("memo_header_label")
)
MEMO_ADDRESS = re.compile(rf"^{re.escape(_AAN)}\n{_MEMO_LABELS}(.+)$", re.M)
_SIGNER_ARTICLES = tuple(_cap(a) for a in document_words("signer_article"))  # De, Het
_SIGNER_OFFICE = _alt(document_words("signer_office"), _cap, longest_first=False)
SIGNATORY = re.compile(
    rf"^(?:{_alt(_SIGNER_ARTICLES)})\s+(?:{_SIGNER_OFFICE})\b[^,\n]{{0,120}},\s*\n?\s*"
    r"((?:[A-Z][a-z]?\.\s?)+(?:[a-z]+\s)*[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})",
    re.M,
)
LETTER_TITLE = re.compile(
    rf"^[ \t\f]*(?:{_NR}\s*\d+|[A-Z]{{1,3}})?[ \t]*({re.escape(_OPENING)} .+?)(?=\n{re.escape(_AAN)}\s|\n\n|\Z)",
    re.S | re.M,
)
_ABOUT = _words_alt("about_word")
_SUBJECT_ARTICLE = _words_alt("subject_article")
SUBJECT = re.compile(
    rf"(?:{_words_alt('informs_verb')})\b[^.]{{0,200}}?\b(?:{_ABOUT})\s+(?:(?:{_SUBJECT_ARTICLE})\s+)?([^.]+?)"
    rf"(?:,\s*(?:{_words_alt('subject_end')})|\.|$)"
)
# the last of two subjects joined by "and about": ``over X en over Y`` -> Y
_SUBJECT_JOIN = re.compile(rf"\s+(?:{_words_alt('subject_and')})\s+(?:{_ABOUT})\s+(?:(?:{_SUBJECT_ARTICLE})\s+)?")
QUESTION_LINE = re.compile(rf"^[\s•*-]*(?:{_words_alt('question_label')})[ \t]+1[ \t]*:?[ \t]*$", re.I | re.M)
SITE_LABEL_LINES = 4  # the first lines of a page where a parliament site prints its kind label
SITE_LABEL = re.compile(
    rf"(?:{_words_alt('page_kind_label')})(?:\s*:\s*(?P<title>.+)|(?P<rest>\s+\S+))?$", re.I
)
QUESTIONS_HEADING = re.compile(rf"(?:{_words_alt('questions_heading')})\b", re.I)
# a parenthesis with a stamp's date at the end of a heading (``(ingezonden 7 februari 2022).``)
STAMP_NOTE = re.compile(
    rf"\s*\((?:{_words_alt('submitted_label')}|{_words_alt('received_label')})\b[^()]*\)[\s.]*$", re.I
)
_CAPITAL_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]*,?"
LETTER_JOINED = re.compile(
    rf"({re.escape(_OPENING)} (?:{_LETTER_ARTICLE})(?:[ \u00a0]+{_CAPITAL_WORD})+)(?![^\W\d_])"
)
NUMBER_HEADING = re.compile(
    rf"^{_NR}[ \u00a0]*\d+[ \u00a0]+([A-Z]{{2,}}(?:[ \u00a0]+{_CAPITAL_WORD}){{1,}})[ \t]*$", re.M
)
SUBJECT_LINE = re.compile(rf"^(?:{_words_alt('subject_label')})\s*:?[ \t]+(\S[^\n]{{2,200}})$", re.I | re.M)
# where the patterns above that start with a word in any case are tried (anycase)
_SUBJECT_NEEDLES = anycase.needles(document_words("subject_label"), first_word=True)
_PLACE_NEEDLES = anycase.needles(document_words("letter_place"), first_word=True)
_QUESTION_NEEDLES = anycase.needles(document_words("question_label"))
_ANSWERS_NEEDLES = anycase.needles(document_words("answers_heading"))
_RECEIVED_NEEDLES = anycase.needles(document_words("received_label"))
CREDIT_LINE = re.compile(rf"(?:{_words_alt('credit_label')})\s*:?\s+\S", re.I)
SENTENCE_END = re.compile(r"(?<![.])[.!?](?![.])\s+[A-Z]")  # not an ellipsis
HEADLINE_LEN = 150  # a first line longer than this is a paragraph, not a headline
HEAD = 6000  # characters of a document's start that hold its header (date, reference)
TAIL = 30000  # characters of its end that hold the signatures (footnotes are moved after them)


def read_documents(path: Path, name: str | None = None) -> list[Document]:
    """Read a file and return its documents, cleaned and with metadata (raises DocumentError)."""
    raw = read_file(path)
    docs = split_documents(raw.text, name or path.name)
    for doc in docs:
        doc.warnings.extend(raw.warnings)
        doc.page_meta = raw.meta  # sources.apply reads it
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


_TER = re.compile(_MEMO_DECISION)
_LETTER_HEADS = [f"{_OPENING} {a.upper()}" for a in document_words("letter_article")]
_LETTER_WORDS = os.path.commonprefix(_LETTER_HEADS)  # BRIEF VAN DE: in every letter heading
# a LETTER_ANCHOR match ends by then
_LETTER_LONGEST = max(map(len, _LETTER_HEADS)) + 1 + max(map(len, document_words("letter_sender")))
# every character that can stand before the heading's words: white space, digits, capitals, the number label
_LABEL_CHARS = "".join(sorted(c for c in set(_cap(_one("number_label"))) if not "A" <= c <= "Z"))
_LETTER_LEAD = re.compile(rf"[\s\dA-Z{re.escape(_LABEL_CHARS)}]*")


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


def _literal_line_search(pattern: re.Pattern[str], text: str, literal: str, end: int) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a MULTILINE pattern whose match starts at a line start
    with ``literal``: tried only there."""
    p = text.find(literal, 0, end)
    while p >= 0:
        if not p or text[p - 1] == "\n":
            m = pattern.match(text, p, end)
            if m:
                return m
        p = text.find(literal, p + 1, end)
    return None


def _ascii_find(text: str, word: str) -> int:
    """First place of ``word`` (ASCII, lower case, no ``i``, ``k`` or ``s``, the letters that an
    IGNORECASE pattern also matches to other characters) in ``text`` in any case, else -1."""
    if text.isascii():
        return text.lower().find(word)
    data = text.encode("utf-8", "surrogatepass")
    p = data.lower().find(word.encode())
    return len(data[:p].decode("utf-8", "surrogatepass")) if p >= 0 else -1


def _footer_search(pattern: re.Pattern[str], raw: str) -> re.Match[str] | None:
    """``pattern.search(raw)`` for a pattern that starts ``(?:Tweede|Eerste) Kamer,? vergaderjaar``."""
    v = raw.find(_SESSION)
    return pattern.search(raw, max(0, v - _HOUSE_LEAD)) if v >= 0 else None


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
    """Split the raw text of one file into cleaned documents with metadata.

    Old Mac (``\\r``) and Windows (``\\r\\n``) line ends are read as line ends: replaced one
    character for one (``\\r\\n`` by a space and ``\\n``), so offsets stay those of the file."""
    if "\r" in raw:
        raw = raw.replace("\r\n", " \n").replace("\r", "\n")
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


_NOTA_LINE = re.compile(rf"^(?:{_words_alt('memo_label')})$", re.M | re.I)
_NOTA_TITLE = re.compile(rf"^(?:{_words_alt('memo_label')})\n(.+)$", re.M | re.I)
_NOTA_FIRSTS = _firsts("memo_label")
_UW_KAMER_WORDS = f"{_POSSESSIVE[1:]} {_KAMER}"  # found before the pattern is tried
_UW_KAMER = re.compile(rf"\b{_either(_POSSESSIVE)} {re.escape(_KAMER)}\b")
_FOOTER_HOUSE = re.compile(rf"\b({_HOUSES}),? {re.escape(_SESSION)}")
_PLACE_FIRSTS = _firsts("letter_place")
_DATE_FIELD_FIRSTS = _firsts("date_field")
_YEARS = (re.compile(r"19\d\d"), re.compile(r"20\d\d"))  # years where they are whole words (checked in code)
_LINE_DE_HET = re.compile(rf"\n(?={_alt(_SIGNER_ARTICLES)})")


def document_type(text: str, raw: str) -> str:
    """``nota``, ``kamerbrief`` or ``nieuwsbericht`` from the header's shape."""
    return decide_type(_Header(text, raw)).value


class _Session:
    """The first ``vergaderjaar 2022-2023`` of a raw text, searched on the first call."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.match: re.Match[str] | None | bool = False

    def __call__(self) -> re.Match[str] | None:
        if self.match is False:
            p = _ascii_find(self.raw, _SESSION)
            self.match = VERGADERJAAR.search(self.raw, p) if p >= 0 else None
        return self.match


def _address_letter(text: str) -> re.Match[str] | None:
    """``ADDRESS_LETTER.search(text[:3000])``."""
    head = text[:3000]
    p = head.find(_AAN)
    return ADDRESS_LETTER.search(head, p) if p >= 0 else None


def describe(doc: Document, raw: str) -> None:
    """Fill in the metadata of ``doc`` from its clean text and raw text.

    What the text says of its own date and title is kept in ``doc.memo``: the rules that decided
    (``type_rule``, ``date_rule``, ``title_rule``: names as in TYPE_RULES, DATE_RULES and
    TITLE_RULES), where they came from (``date_source``: ``text`` for a date the text prints,
    ``bound`` for a bound it supports, ``""`` for none; ``title_source``: ``text`` or ``""``) and
    the words that print the date (``date_quote``, e.g. the date line)."""
    text = doc.text
    header = _Header(text, raw)
    kind = decide_type(header)
    doc.doc_type = header.doc_type = kind.value
    title = decide_title(header)
    doc.title = title.value
    date = decide_date(header)
    doc.date, doc.date_known = date.value, date.known
    doc.memo.update(type_rule=kind.rule, date_rule=date.rule, title_rule=title.rule,
                    date_source=date.source, title_source=title.source, date_quote=date.quote)
    doc.kamerstuk = _kamerstuk(text, raw)
    ref = _reference(text)
    doc.reference = ref.group(1).rstrip(".") if ref else ""
    doc.addressee = _addressee(text, raw, doc.doc_type)
    tail = max(0, len(text) - TAIL)
    doc.signatories = "; ".join(dict.fromkeys(m.group(1).strip() for m in _signatories(text, tail)))


def _reference(text: str) -> re.Match[str] | None:
    """``REFERENCE.search(text, 0, HEAD)``, searched from the first of the words it starts with."""
    found = [p for p in (text.find(w, 0, HEAD) for w in _REFERENCE_FIRSTS) if p >= 0]
    return REFERENCE.search(text, min(found), HEAD) if found else None


def _signatories(text: str, pos: int) -> list[re.Match[str]]:
    """``list(SIGNATORY.finditer(text, pos))``, tried only at line starts with ``De``/``Het``."""
    starts = [pos] if pos == 0 and text.startswith(_SIGNER_ARTICLES) else []
    starts += [m.end() for m in _LINE_DE_HET.finditer(text, max(0, pos - 1))]
    out: list[re.Match[str]] = []
    for s in starts:
        if s >= pos:
            m = SIGNATORY.match(text, s)
            if m:
                out.append(m)
                pos = m.end()
    return out


# --------------------------------------------------------------------------------------------
# The document decisions: type, title and date are each an ordered list of small named rules;
# the first rule that answers decides, and its name goes with the answer.

class Decision(NamedTuple):
    """A decided field of a document: its value, the rule that decided it, and for a date whether
    the text prints it (``known``) or it is a bound."""

    value: str
    rule: str
    known: bool = False
    quote: str = ""  # for a printed date: the words of the text that print it

    @property
    def source(self) -> str:
        """``text`` for a value the text prints (a date line, a title), ``bound`` for a date
        bounded by the text, ``""`` where the text gives none."""
        if not self.value:
            return ""
        return "bound" if self.rule.endswith("-bound") else "text"


class _Header:
    """What the rules read of one document: its clean and raw text, its type once decided, and
    the vergaderjaar, years and lowered text of the text, made on first use."""

    def __init__(self, text: str, raw: str, doc_type: str = "") -> None:
        self.text = text
        self.raw = raw
        self.doc_type = doc_type
        self.session = _Session(raw)
        self._years: list[int] | None = None
        self._folded: anycase.Folded | None = None
        self._heads: dict[str, anycase.Folded] = {}

    @property
    def years(self) -> list[int]:
        if self._years is None:
            self._years = _years(self.text)
        return self._years

    def head(self, which: str) -> anycase.Folded:
        """The first HEAD characters of the ``text`` or the ``raw`` text, lowered (see folded)."""
        if which not in self._heads:
            self._heads[which] = anycase.Folded((self.text if which == "text" else self.raw)[:HEAD])
        return self._heads[which]

    @property
    def folded(self) -> anycase.Folded:
        """The text lowered, where words are looked up in any case before a pattern is tried."""
        if self._folded is None:
            self._folded = anycase.Folded(self.text)
        return self._folded


Rule = Callable[[_Header], "Decision | None"]


def _first_answer(rules: list[tuple[str, Rule]], header: _Header) -> Decision:
    for _name, rule in rules:
        found = rule(header)
        if found is not None:
            return found
    raise AssertionError("the last rule of a list always answers")


# ---- type

def _type_memo_anchor(h: _Header) -> Decision | None:
    return Decision("nota", "memo-decision-line") if _memo_anchors(h.raw, first_only=True) else None


def _type_nota_line(h: _Header) -> Decision | None:
    return Decision("nota", "nota-line") if _line_search(_NOTA_LINE, h.text, _NOTA_FIRSTS, 3000) else None


def _type_letter_heading(h: _Header) -> Decision | None:
    return Decision("kamerbrief", "letter-heading") if _letter_anchors(h.raw, first_only=True) else None


def _type_addressed(h: _Header) -> Decision | None:
    return Decision("kamerbrief", "addressed-to") if _address_letter(h.text) else None


def _type_session(h: _Header) -> Decision | None:
    return Decision("kamerbrief", "session-footer") if h.session() else None


def _type_uw_kamer(h: _Header) -> Decision | None:
    found = _UW_KAMER_WORDS in h.text and _UW_KAMER.search(h.text)
    return Decision("kamerbrief", "addresses-the-kamer") if found else None


def _type_kamerstuk_header(h: _Header) -> Decision | None:
    """A Kamerstuk's dossier and number lines (``29 521 Title`` over ``Nr. 299 ...``)."""
    return Decision("kamerbrief", "kamerstuk-header") if header_kamerstuk(h.raw) else None


def _type_questions(h: _Header) -> Decision | None:
    """Numbered written questions (``Vraag 1``): questions to a minister and the answers."""
    found = h.head("raw").holds(_QUESTION_NEEDLES) and QUESTION_LINE.search(h.raw, 0, HEAD)
    return Decision("kamerbrief", "questions-and-answers") if found else None


def _type_default(h: _Header) -> Decision:
    return Decision("nieuwsbericht", "default-news")


TYPE_RULES: list[tuple[str, Rule]] = [
    ("memo-decision-line", _type_memo_anchor),
    ("nota-line", _type_nota_line),
    ("letter-heading", _type_letter_heading),
    ("addressed-to", _type_addressed),
    ("session-footer", _type_session),
    ("addresses-the-kamer", _type_uw_kamer),
    ("kamerstuk-header", _type_kamerstuk_header),
    ("questions-and-answers", _type_questions),
    ("default-news", _type_default),
]


def decide_type(header: _Header) -> Decision:
    """The document type by the first rule of TYPE_RULES that answers."""
    return _first_answer(TYPE_RULES, header)


# ---- title

def _title_nota(h: _Header) -> Decision | None:
    if h.doc_type != "nota":
        return None
    m = _line_search(_NOTA_TITLE, h.text, _NOTA_FIRSTS)
    return Decision(m.group(1).strip(), "nota-line") if m else Decision("", "nota-without-title")


def _title_letter_heading(h: _Header) -> Decision | None:
    m = _heading_search(LETTER_TITLE, h.text, f"{_OPENING} ", HEAD)  # also below a Kamerstuk header
    return Decision(" ".join(m.group(1).split()), "letter-heading") if m else None


def _title_site_label(h: _Header) -> Decision | None:
    """A parliament site's page: ``Brief regering : <title>``; a label line (``Kamervraag 2012Z1``)
    with the title on the next line; or the title above a line that is just the label."""
    lines = _header_lines(h.raw, SITE_LABEL_LINES)
    for i, line in enumerate(lines):
        m = SITE_LABEL.match(line)
        if not m:
            continue
        if m.group("title"):
            return Decision(m.group("title").strip(), "site-label-title")
        if i == 0 and len(lines) > 1:
            return Decision(lines[1], "site-label-next-line")
        if i > 0 and m.group("rest") is None:
            return Decision(lines[0], "site-label-first-line")
    return None


def _title_questions(h: _Header) -> Decision | None:
    """Written questions and their answers: the questions' heading without its date parenthesis."""
    lines = _header_lines(h.text, 1)
    if not lines or not QUESTIONS_HEADING.match(lines[0]):
        return None
    return Decision(STAMP_NOTE.sub("", lines[0]).rstrip(" ."), "questions-heading")


def _title_letter_joined(h: _Header) -> Decision | None:
    """``BRIEF VAN DE MINISTERS ...`` in capitals where the header's lines are joined (the words
    in capitals up to the first word that is not)."""
    m = LETTER_JOINED.search(h.text, 0, HEAD)
    return Decision(" ".join(m.group(1).split()).rstrip(","), "letter-heading-joined") if m else None


def _title_number_heading(h: _Header) -> Decision | None:
    """A Kamerstuk's heading in capitals after its number (``Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN``)."""
    m = _literal_line_search(NUMBER_HEADING, h.text, _NR_WORD, HEAD)
    return Decision(" ".join(m.group(1).split()), "number-line-heading") if m else None


def _title_subject_line(h: _Header) -> Decision | None:
    """A letter's own subject line (``Betreft <subject>``)."""
    # the raw lines: clean may join a short header's lines
    m = anycase.search_at(SUBJECT_LINE, h.raw, h.head("raw").starts(_SUBJECT_NEEDLES), HEAD) \
        if _SUBJECT_NEEDLES is not None else SUBJECT_LINE.search(h.raw, 0, HEAD)
    return Decision(" ".join(m.group(1).split()), "subject-line") if m else None


def _title_news_headline(h: _Header) -> Decision | None:
    """A news item's headline: its first line (after a credit line), with the next line where it
    ends in an ellipsis; none where the first line is a paragraph."""
    if h.doc_type != "nieuwsbericht":
        return None
    lines = _header_lines(h.text, 3)
    if lines and CREDIT_LINE.match(lines[0]):
        lines = lines[1:]
    if not lines:
        return Decision("", "news-without-headline")
    first = lines[0]
    if first.endswith(("...", "…")) and len(lines) > 1:
        first = f"{first} {lines[1]}"
    if len(first) > HEADLINE_LEN or SENTENCE_END.search(first) or first.endswith("."):
        return Decision("", "news-without-headline")
    return Decision(first, "news-headline")


def _title_informs_about(h: _Header) -> Decision | None:
    s = SUBJECT.search(h.text[:5000])
    if not s:
        return None
    subject = _SUBJECT_JOIN.split(" ".join(s.group(1).split()))[-1]
    return Decision(subject[:1].upper() + subject[1:], "informs-about")


def _title_none(h: _Header) -> Decision:
    return Decision("", "none")


TITLE_RULES: list[tuple[str, Rule]] = [
    ("nota-line", _title_nota),
    ("site-label", _title_site_label),
    ("questions-heading", _title_questions),
    ("letter-heading", _title_letter_heading),
    ("letter-heading-joined", _title_letter_joined),
    ("number-line-heading", _title_number_heading),
    ("subject-line", _title_subject_line),
    ("news-headline", _title_news_headline),
    ("informs-about", _title_informs_about),
    ("none", _title_none),
]


def decide_title(header: _Header) -> Decision:
    """The title by the first rule of TITLE_RULES that answers (``header.doc_type`` set)."""
    return _first_answer(TITLE_RULES, header)


# ---- date: a date the text prints (known), else the best bound it supports

def _printed_line(pattern: re.Pattern[str], firsts: str, rule: str) -> Rule:
    def find(h: _Header) -> Decision | None:
        m = _line_search(pattern, h.text, firsts, HEAD)
        if m:
            d = FULL_DATE.search(m.group(1))
            iso = d and _iso(*d.groups())
            if iso:
                return Decision(iso, rule, True, m.group(0).strip())
        return None
    return find


def _date_news_line(h: _Header) -> Decision | None:
    found = _date_line_found(h.raw, bare=h.doc_type == "nieuwsbericht")
    return Decision(found[0], "date-line", True, found[1]) if found else None


def _date_place_joined(h: _Header) -> Decision | None:
    """``Den Haag, 17 maart 2020`` where the header lines are joined into one (a print whose
    heading, addressee and place run on)."""
    m = anycase.search_at(PLACE_DATE_JOINED, h.text, h.head("text").starts(_PLACE_NEEDLES), PLACE_JOINED_HEAD) \
        if _PLACE_NEEDLES is not None else PLACE_DATE_JOINED.search(h.text, 0, PLACE_JOINED_HEAD)
    iso = m and _iso(*FULL_DATE.search(m.group(1)).groups())
    return Decision(iso, "place-date-joined", True, m.group(0)) if iso else None


def _date_answers_received(h: _Header) -> Decision | None:
    """The date the answers to written questions were received, in the parenthesis after their
    heading (``Antwoord van minister X (ontvangen 17 februari 2022)``): the answers' date."""
    head = h.head("text")
    m = head.holds(_ANSWERS_NEEDLES) and head.holds(_RECEIVED_NEEDLES) and ANSWERS_RECEIVED.search(h.text, 0, HEAD)
    iso = m and _iso(*FULL_DATE.search(m.group(1)).groups())
    return Decision(iso, "answers-received", True, m.group(0).strip()) if iso else None


def _date_jl_month(h: _Header) -> Decision | None:
    """The month of the latest ``12 maart jl.`` (or ``afgelopen donderdag 12 maart``), in the year
    the session or the text gives."""
    marked = [*_jl_dates(h.text, h.folded), *_past_days(h.text, h.folded)]
    jl = [(month, int(m.group(1))) for m in marked if (month := _month_number(m.group(2)))]
    if not jl:
        return None
    month, _day = max(jl)
    if h.session():
        y1, y2 = int(h.session().group(1)), int(h.session().group(2))
        year = y1 if month >= 9 else y2
    else:
        this_year = dt.date.today().year
        explicit = [y for y in h.years if y <= this_year]
        year = max(explicit) if explicit else None
    return Decision(f"{year:04d}-{month:02d}", "jl-date-bound") if year else None


def _date_session_year(h: _Header) -> Decision | None:
    return Decision(h.session().group(1), "session-year-bound") if h.session() else None


def _date_latest_year(h: _Header) -> Decision | None:
    this_year = dt.date.today().year
    current = [y for y in h.years if y <= this_year]
    return Decision(str(max(current)), "latest-year-bound") if current else None


def _date_last_full_date(h: _Header) -> Decision | None:
    full = [d for d in FULL_DATE.finditer(h.text) if _iso(*d.groups())]
    return Decision(_iso(*full[-1].groups()) or "", "last-full-date-bound") if full else None


def _date_none(h: _Header) -> Decision:
    return Decision("", "none")


DATE_RULES: list[tuple[str, Rule]] = [
    ("place-date", _printed_line(PLACE_DATE, _PLACE_FIRSTS, "place-date")),
    ("date-field", _printed_line(DATE_FIELD, _DATE_FIELD_FIRSTS, "date-field")),
    ("date-line", _date_news_line),
    ("answers-received", _date_answers_received),
    ("place-date-joined", _date_place_joined),
    ("jl-date-bound", _date_jl_month),
    ("session-year-bound", _date_session_year),
    ("latest-year-bound", _date_latest_year),
    ("last-full-date-bound", _date_last_full_date),
    ("none", _date_none),
]


def decide_date(header: _Header) -> Decision:
    """The date by the first rule of DATE_RULES that answers (``header.doc_type`` set)."""
    return _first_answer(DATE_RULES, header)


def _date_match_iso(m: re.Match[str]) -> str | None:
    """ISO date of a DATE_LINE_FIELD match, or None where it names no real day."""
    try:
        if m.group("mon"):
            return dt.date(int(m.group("y")), _month_number(m.group("mon")) or 0, int(m.group("d"))).isoformat()
        if m.group("nd"):
            return dt.date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))).isoformat()
        return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id"))).isoformat()
    except ValueError:
        return None


def _header_lines(raw: str, count: int, end: int = HEAD) -> list[str]:
    """The first ``count`` non-blank lines of ``raw[:end]``, stripped of white space and markup."""
    out: list[str] = []
    p = 0
    while len(out) < count and p < end:
        nl = raw.find("\n", p, end)
        line = raw[p : nl if nl >= 0 else end].strip(_LINE_MARKUP)
        if line:
            out.append(line)
        if nl < 0:
            break
        p = nl + 1
    return out


def date_line_of(line: str, bare: bool = False) -> str | None:
    """ISO date of a header line that is a date line, else None.

    A date line holds nothing but the date and its metadata: ``Nieuwsbericht | 24-05-2024 |
    14:05``, ``Gepubliceerd op vrijdag 24 mei 2024``, or (``bare``) just ``24 mei 2024``. Its
    fields are split at bars; besides the date field the others must be short. A line without bars
    counts only with a label before the date (or ``bare``): a sentence that names a date is text."""
    if not _DIGIT.search(line):
        return None  # every date of DATE_LINE_FIELD has digits
    if anycase.may_hold(line, _STAMP_NEEDLES):
        line = _CHANGE_STAMP.sub("", line)
    line = line.rstrip(" ,;|–-")
    separators = _METADATA_SEPARATORS if _METADATA_LINE.match(line) else _DATE_LINE_SEPARATORS
    fields = [_without_note(f.strip(_LINE_MARKUP)) for f in separators.split(line)]
    fields = [f for f in fields if f]
    if not fields or any(len(f) > _DATE_FIELD_LEN for f in fields):
        return None
    for field in fields:
        m = DATE_LINE_FIELD.fullmatch(field)
        if not m:
            continue
        if len(fields) == 1 and not (bare or m.group("label")):
            return None
        if len(fields) > 1 and not all(f is field or not _has_date(f) for f in fields):
            return None  # two dates on one line: a period, not a date line
        return _date_match_iso(m)
    return None


def _without_note(field: str) -> str:
    """``_TRAILING_NOTE.sub("", field)``, tried only where the field ends in a parenthesis."""
    return _TRAILING_NOTE.sub("", field) if field.endswith((")", ")\n")) else field


_DATE_SEARCH = re.compile(_ANY_DATE, re.I)


def _has_date(field: str) -> bool:
    return bool(_DATE_SEARCH.search(field)) and not _DATE_LINE_TIME.fullmatch(field)


def date_line(raw: str, bare: bool = False) -> str | None:
    """ISO date of the first date line among the first header lines of a raw text (see date_line_of)."""
    found = _date_line_found(raw, bare)
    return found[0] if found else None


def _date_line_found(raw: str, bare: bool = False) -> tuple[str, str] | None:
    """The ISO date and the line of the first date line among the first header lines of a raw text."""
    for line in _header_lines(raw, DATE_LINES):
        iso = date_line_of(line, bare)
        if iso:
            return iso, line
    return None


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


def _past_days(text: str, folded: anycase.Folded) -> list[re.Match[str]]:
    """``list(PAST_DAY.finditer(text))``, tried only where a word of the past (``afgelopen``) may
    start (``folded``: the text lowered)."""
    if _PAST_NEEDLES is None:
        return list(PAST_DAY.finditer(text))
    return anycase.finditer_at(PAST_DAY, text, folded.starts(_PAST_NEEDLES))


def _jl_dates(text: str, folded: anycase.Folded | None = None) -> list[re.Match[str]]:
    """``list(JL_DATE.finditer(text))``, searched only just before each ``jl``: a match is the
    digits, white space, month and white space right before it (``folded``: the text lowered,
    if made already)."""
    out: list[re.Match[str]] = []
    pos = 0
    for q in (folded or anycase.Folded(text)).places(_JL):
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


def _dossier_line(lines: list[str], i: int) -> tuple[int, re.Match[str]] | None:
    """The dossier line above the number line ``lines[i]`` (its index and DOSSIER_LINE match): the
    line right above, or above the wrapped rest of its title (short lines, not the Kamer's or the
    session's line)."""
    for j in range(i - 1, max(-1, i - 2 - DOSSIER_WRAP), -1):
        m = DOSSIER_LINE.match(lines[j])
        if m:
            return j, m
        line = lines[j]
        if len(line) > 100 or _KAMER in line or _SESSION[1:] in line or NUMBER_LINE.match(line):
            return None
    return None


def header_kamerstuk(raw: str) -> str:
    """Kamerstuk number from the header of a raw text: a dossier line (``29 521 Title``) above a
    number line (``Nr. 418 BRIEF VAN ...``) -> ``29521-418``; else ``""``.

    A title wrapped over up to ``DOSSIER_WRAP`` lines may stand between them. The number line must
    carry the heading of the piece in capitals, on it or on the next line, or the header above must
    name the Kamer (``Tweede Kamer der Staten-Generaal``)."""
    if raw.find(_NR_WORD, 0, 3000) < 0:
        return ""  # no number line
    lines = _header_lines(raw, KAMERSTUK_LINES, 3000)
    for i in range(1, len(lines)):
        number = NUMBER_LINE.match(lines[i])
        found = _dossier_line(lines, i) if number else None
        if not number or not found:
            continue
        j, dossier = found
        rest = lines[i][number.end():].strip() or (lines[i + 1] if i + 1 < len(lines) else "")
        if not CAPITALS_HEADING.match(rest) and not any(_KAMER in line for line in lines[:j]):
            continue
        parts = [dossier.group(1).replace(" ", "").replace("\u00a0", ""), dossier.group(2), number.group(1)]
        return "-".join(p for p in parts if p)
    return ""


def _kamerstuk(text: str, raw: str) -> str:
    footer = _footer_search(FOOTER_KAMERSTUK, raw)
    if footer:
        return f"{footer.group(1).replace(' ', '')}-{footer.group(2)}"
    header = header_kamerstuk(raw)
    if header:
        return header
    heading = _heading_search(HEADING_NUMBER, raw, _OPENING, 2000)
    if heading:
        number = heading.group(1) or heading.group(2)
        cited = [m.group(1).replace(" ", "") for m in CITED_DOSSIER.finditer(text)]
        if cited:
            dossier = max(cited, key=cited.count)  # ties: the first cited, never hash order
            return f"{dossier}-{number}"
    return ""


def _addressee(text: str, raw: str, doc_type: str) -> str:
    if doc_type == "nota":
        p = text.find(f"{_AAN}\n")
        m = MEMO_ADDRESS.search(text, p) if p >= 0 else None
        return m.group(1).strip() if m else ""
    m = _address_letter(text)
    if m:
        return m.group(1).strip()
    if doc_type == "kamerbrief":
        footer = _footer_search(_FOOTER_HOUSE, raw)
        return footer.group(1) if footer else ""
    return ""
