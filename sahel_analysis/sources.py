"""Where each document comes from: the sources manifest, page metadata, and how they fill a document.

A manifest is a CSV file (``sources.csv`` in the input folder, or ``build --sources FILE``) with
the columns ``file,url,title,doc_date`` and optionally ``doc_type,kamerstuk,published`` (the
format ``sahel-analysis fetch`` writes); other columns are ignored, and so are comment lines
(``# ...``). ``doc_date`` (and ``published``) is a day (``2017-12-03``), a month (``2017-12``) or
a year (``2017``).

What it fills, per document (:func:`apply`), where the text leaves it open:
- the date: a date the document prints is its date (``date_source`` ``text``); else the
  manifest's (``manifest``), else the page's own metadata (``page metadata``: an HTML page's
  publication date, a day its address encodes; a PDF's creation date only where it fits the bound
  the text gives), else the bound the text supports (``bound``). A date taken from outside the text has ``date_known``
  false: the text does not print it. It is also the reference for the document's relative dates,
  since facts are read after :func:`apply`. A manifest date more than a month away from the
  printed date is a ``problems`` row, the printed date is kept.
- the address (``url``): the manifest's, else the page's canonical address;
- the title: the text's (``title_source`` ``text``), else the page's metadata title; the
  manifest's title is kept apart in ``source_title`` (a description, not the document's own);
- the Kamerstuk number where the text prints none (the manifest's, else the one its official
  address ``.../kst-29521-456.html`` encodes; a different one is a ``problems`` row), and
  the document type where the manifest states one.

A bad manifest never stops a build: each fault (missing column, unknown file, bad date, duplicate
row, wrong encoding) is one ``problems`` row, and the rest of the manifest is used.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path

from .model import Document, date_bounds

MANIFEST_NAME = "sources.csv"
REQUIRED = ("file", "url", "title", "doc_date")
OPTIONAL = ("doc_type", "kamerstuk", "published")
DOC_TYPES = ("kamerbrief", "nota", "nieuwsbericht")
STAGE = "sources"
CONTRADICTION_DAYS = 31  # a manifest date further than this from the printed date is a problem
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_URL = re.compile(r"https?://\S+", re.I)
# a day in an address: ``/2018/03/15/``, ``/2018-03-15``, ``_20180315``
_URL_DAY = re.compile(r"[/_-]((?:19|20)\d{2})([/-]?)(\d{2})\2(\d{2})(?=[/_.?#-]|$)")
_KST_URL = re.compile(r"/kst-(\d{5}(?:-[0-9A-Z]{1,5})?-[0-9A-Z]{1,5})(?:\.html|\.pdf|[/?#]|$)")
# ``29521-456``, ``29 521, nr. 456``, ``kst-21501-02-1240``, ``35 570 V, nr. 9``, ``29521-AB``
_KAMERSTUK = re.compile(
    r"(?:kst-)?(\d{2})\s?(\d{3})(?:[\s-]+(\d{2}|[IVXL]{1,5}|[A-Z])(?=[\s,-]))?,?[\s-]*(?:nr\.?\s*)?(\d+|[A-Z]{1,3})",
    re.I)


@dataclass(frozen=True)
class Entry:
    """One row of a manifest, its values checked (a bad value is left empty)."""

    file: str
    url: str = ""
    title: str = ""
    doc_date: str = ""
    doc_type: str = ""
    kamerstuk: str = ""
    published: str = ""

    def key(self) -> str:
        """A short fingerprint of the values: part of the file's cache key."""
        return hashlib.sha256("\x1f".join(astuple(self)).encode()).hexdigest()[:16]

    @property
    def date(self) -> str:
        """The document's date as the manifest states it (``doc_date``, else ``published``)."""
        return self.doc_date or self.published


@dataclass
class Manifest:
    """The entries of a manifest by file name, and the faults found reading it."""

    path: Path | None = None
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)

    def get(self, name: str) -> Entry | None:
        """The entry of the input file ``name`` (its path relative to the input folder)."""
        return self.entries.get(name)

    def key(self, name: str) -> str:
        """The cache-key part of file ``name``: empty where the manifest says nothing of it."""
        entry = self.entries.get(name)
        return entry.key() if entry else ""

    def is_manifest(self, path: str | Path) -> bool:
        """True for the manifest file itself (it is no document of the build)."""
        return self.path is not None and _same_file(Path(path), self.path)


def _same_file(a: Path, b: Path) -> bool:
    """True where two paths name one file (symbolic links followed, loops tolerated)."""
    return os.path.realpath(a) == os.path.realpath(b)


def _problem(file: str, reason: str, part: int | None = None) -> dict:
    return {"file": file, "part": part, "stage": STAGE, "reason": reason}


def find(input_dir: Path, explicit: Path | None = None) -> Path | None:
    """The manifest to use: ``explicit`` where given, else ``sources.csv`` in the input folder."""
    if explicit is not None:
        return Path(explicit)
    candidate = Path(input_dir) / MANIFEST_NAME
    return candidate if candidate.is_file() else None


def load(input_dir: Path, explicit: Path | None, names: Sequence[str]) -> Manifest:
    """Read the manifest of a build (none: an empty one) against ``names``, the files found in
    ``input_dir`` (their paths relative to it; the manifest's own name among them is left out)."""
    path = find(input_dir, explicit)
    if path is None:
        return Manifest()
    names = [n for n in names if not _same_file(Path(input_dir) / n, path)]
    try:
        data = path.read_bytes()
    except OSError as exc:
        manifest = Manifest(path=path)
        manifest.problems.append(_problem(path.name, f"manifest cannot be read: {exc.strerror or exc}"))
        return manifest
    manifest = parse(data, names, label=path.name)
    manifest.path = path
    return manifest


def _decode(data: bytes, label: str, problems: list[dict]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(_problem(label, f"manifest is not UTF-8 (byte {exc.start}): read as cp1252, "
                                        "check its accented letters"))
        return data.decode("cp1252", errors="replace")


def parse(data: bytes, names: Iterable[str], label: str = MANIFEST_NAME) -> Manifest:
    """The manifest in ``data`` (CSV bytes), matched to the input files ``names``.

    Every fault is one problem row (file ``label``) and costs only what it touches: a row of an
    unknown file, a second row of a file, a bad value (left empty)."""
    manifest = Manifest()
    problems = manifest.problems
    text, skipped = _without_comments(_decode(data, label, problems))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED if c not in header]
    for column in missing:
        problems.append(_problem(label, f"manifest has no column '{column}' (needs {', '.join(REQUIRED)})"))
    if "file" in missing:
        return manifest
    lookup = _name_lookup(names)
    first_line: dict[str, int] = {}
    for row in reader:
        line = reader.line_num + skipped
        entry = _entry(row, line, label, problems)
        if entry is None:
            continue
        name = lookup.get(_norm_name(entry.file))
        if name is None:
            problems.append(_problem(label, f"line {line}: unknown file '{entry.file}' (not in the input folder)"))
            continue
        if name in first_line:
            problems.append(_problem(label, f"line {line}: second row for '{entry.file}' "
                                            f"(the row on line {first_line[name]} is used)"))
            continue
        first_line[name] = line
        manifest.entries[name] = entry
    return manifest


def _without_comments(text: str) -> tuple[str, int]:
    """The manifest without its comment lines (``# ...``, blanked, so line numbers hold) and the
    number of lines dropped before the header."""
    lines = ["\n" if line.lstrip().startswith("#") else line for line in text.splitlines(keepends=True)]
    lead = 0
    while lead < len(lines) and not lines[lead].strip():
        lead += 1
    return "".join(lines[lead:]), lead


def _norm_name(name: str) -> str:
    return name.strip().replace("\\", "/").removeprefix("./")


def _name_lookup(names: Iterable[str]) -> dict[str, str]:
    """Manifest file names -> input names: the relative path, or the bare name where it is unique."""
    names = [_norm_name(n) for n in names]
    lookup = {n: n for n in names}
    bare: dict[str, list[str]] = {}
    for n in names:
        bare.setdefault(n.rsplit("/", 1)[-1], []).append(n)
    for short, full in bare.items():
        if len(full) == 1:
            lookup.setdefault(short, full[0])
    return lookup


def _entry(row: dict, line: int, label: str, problems: list[dict]) -> Entry | None:
    """The checked entry of one manifest row; None where it names no file."""
    values = {k: (row.get(k) or "").strip() for k in (*REQUIRED, *OPTIONAL)}
    if None in row:  # more cells than columns
        problems.append(_problem(label, f"line {line}: more cells than the header has columns (extra ignored)"))
    if not values["file"]:
        if any(values.values()):
            problems.append(_problem(label, f"line {line}: no file name"))
        return None
    for column in ("doc_date", "published"):
        if values[column] and not valid_date(values[column]):
            problems.append(_problem(label, f"line {line}: bad {column} '{values[column]}' for "
                                            f"'{values['file']}' (use 2017-12-03, 2017-12 or 2017)"))
            values[column] = ""
    if values["url"] and not _URL.fullmatch(values["url"]):
        problems.append(_problem(label, f"line {line}: bad url '{values['url']}' for '{values['file']}'"))
        values["url"] = ""
    if values["doc_type"] and values["doc_type"].lower() not in DOC_TYPES:
        problems.append(_problem(label, f"line {line}: unknown doc_type '{values['doc_type']}' "
                                        f"(one of {', '.join(DOC_TYPES)})"))
        values["doc_type"] = ""
    values["doc_type"] = values["doc_type"].lower()
    if values["kamerstuk"]:
        number = normal_kamerstuk(values["kamerstuk"])
        if not number:
            problems.append(_problem(label, f"line {line}: bad kamerstuk '{values['kamerstuk']}' "
                                            "(use 29521-456)"))
        values["kamerstuk"] = number
    return Entry(**values)


def valid_date(value: str) -> bool:
    """True for a real day, month or year written ``2017-12-03``, ``2017-12`` or ``2017``."""
    return bool(_DATE.fullmatch(value)) and date_bounds(value) is not None


def normal_kamerstuk(value: str) -> str:
    """``29 521, nr. 456`` / ``kst-21501-02-1240`` -> ``29521-456`` / ``21501-02-1240``; else ``""``."""
    m = _KAMERSTUK.fullmatch(value.strip().removesuffix(".html"))
    if not m:
        return ""
    return "-".join(p for p in (m.group(1) + m.group(2), m.group(3), m.group(4)) if p)


def apart(printed: str, other: str, days: int = CONTRADICTION_DAYS) -> bool:
    """True where the window of date ``other`` lies more than ``days`` from the printed date."""
    a, b = date_bounds(printed), date_bounds(other)
    if not a or not b:
        return False
    slack = dt.timedelta(days=days)
    return a[1] < b[0] - slack or a[0] > b[1] + slack


def _within(value: str, bound: str) -> bool:
    """True where date ``value`` falls inside the window of ``bound`` (or there is no bound)."""
    a, b = date_bounds(value), date_bounds(bound)
    if not a:
        return False
    return not b or (b[0] <= a[0] and a[1] <= b[1])


def _fill_date(doc: Document, entry: Entry | None, meta: dict) -> str | None:
    """Set the document's date and ``date_source``; a problem reason where the manifest contradicts."""
    manifest_date = entry.date if entry else ""
    if doc.date_known and doc.date:
        doc.date_source = "text"
        if manifest_date and apart(doc.date, manifest_date):
            return (f"the manifest dates it {manifest_date}, the text prints {doc.date}: "
                    "the printed date is kept")
        return None
    page_date = meta.get("date", "") or date_of_url(doc.url)
    if manifest_date:
        doc.date, doc.date_known, doc.date_source = manifest_date, False, "manifest"
    elif page_date and (not meta.get("weak") or _within(page_date, doc.date)):
        doc.date, doc.date_known, doc.date_source = page_date, False, "page metadata"
    else:
        doc.date_source = "bound" if doc.date else ""
    return None


def _fill_title(doc: Document, entry: Entry | None, meta: dict) -> None:
    doc.source_title = entry.title if entry else ""
    if doc.title:
        doc.title_source = "text"
    elif meta.get("title"):
        doc.title, doc.title_source = meta["title"], "page metadata"
    else:
        doc.title_source = ""


def date_of_url(url: str) -> str:
    """The day an address encodes (``.../nieuws/2018/03/15/titel`` -> ``2018-03-15``); else ``""``."""
    for m in _URL_DAY.finditer(url):
        day = f"{m.group(1)}-{m.group(3)}-{m.group(4)}"
        if valid_date(day):
            return day
    return ""


def kamerstuk_of_url(url: str) -> str:
    """The Kamerstuk number that an official address encodes (``.../kst-21501-02-1240.html`` ->
    ``21501-02-1240``); ``""`` for any other address."""
    m = _KST_URL.search(url)
    return normal_kamerstuk(m.group(1)) if m else ""


def _fill_kamerstuk(doc: Document, entry: Entry | None) -> str | None:
    given = (entry.kamerstuk if entry else "") or kamerstuk_of_url(doc.url)
    if not given:
        return None
    if not doc.kamerstuk:
        doc.kamerstuk = given
        return None
    if doc.kamerstuk != given:
        return f"the manifest gives Kamerstuk {given}, the text prints {doc.kamerstuk}: the printed one is kept"
    return None


def apply(docs: Sequence[Document], entry: Entry | None) -> list[dict]:
    """Fill each document of one file from its manifest entry and page metadata (``doc.page_meta``).

    Returns the file's problem rows (a manifest that contradicts the text)."""
    problems = []
    for doc in docs:
        meta = getattr(doc, "page_meta", None) or {}
        doc.url = (entry.url if entry else "") or meta.get("url", "")
        doc.publisher = meta.get("publisher", "")
        if entry and entry.doc_type:
            doc.doc_type = entry.doc_type
        for reason in (_fill_date(doc, entry, meta), _fill_kamerstuk(doc, entry)):
            if reason:
                problems.append(_problem(doc.file, reason, doc.part))
        _fill_title(doc, entry, meta)
    return problems


def columns(doc: Document) -> dict:
    """The documents-table columns this module fills, for one document."""
    return {"url": doc.url, "date_source": doc.date_source, "title_source": doc.title_source,
            "source_title": doc.source_title, "publisher": doc.publisher}
