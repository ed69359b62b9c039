"""The data that flows through the pipeline: a document with its clean text and offset map."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Document:
    """One document: a file, or one part of a file that holds several.

    ``text`` is the clean text in which facts are found. ``offsets[i]`` is the character
    index in the file's raw text of ``text[i]`` (``offsets`` has ``len(text) + 1`` entries,
    the last one pointing just past the document), so any span of the clean text maps back
    to the raw file with :meth:`raw_span`.
    """

    file: str
    part: int
    text: str
    offsets: Sequence[int]  # a numpy int64 array from clean; a list in hand-made documents
    raw_start: int = 0
    raw_end: int = 0
    doc_type: str = ""
    title: str = ""
    date: str = ""  # ISO date, or YYYY-MM / YYYY where only a bound is known
    date_known: bool = False
    kamerstuk: str = ""
    reference: str = ""
    addressee: str = ""
    signatories: str = ""
    warnings: list[str] = field(default_factory=list)
    # where it comes from (filled by sources.apply from the manifest and the page's metadata)
    url: str = ""
    date_source: str = ""  # text | manifest | page metadata | bound
    title_source: str = ""  # text | page metadata
    source_title: str = ""  # the manifest's title
    publisher: str = ""
    page_meta: dict = field(default_factory=dict, repr=False, compare=False)  # from the reader
    # results computed once per document and shared by the extractors (entities, sentences)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the clean text to the span of the raw file text it came from."""
        if start >= end:
            pos = int(self.offsets[min(start, len(self.offsets) - 1)])
            return pos, pos
        # the raw range that covers every character (moved footnotes make offsets non-monotonic)
        piece = self.offsets[start:end]
        if hasattr(piece, "min"):  # a numpy array (from clean): vectorised
            return int(piece.min()), int(piece.max()) + 1
        return int(min(piece)), int(max(piece)) + 1

    @property
    def date_window(self) -> tuple[dt.date, dt.date] | None:
        """The window the document's date allows: one day when known, else its month or year."""
        return date_bounds(self.date)

    @property
    def ref_date(self) -> dt.date | None:
        """The date against which relative dates (``jl.``, ``a.s.``, ``dit jaar``) are resolved.

        The document's own date where known; otherwise the end of the bound it is dated by.
        """
        window = self.date_window
        return window[1] if window else None


@lru_cache(maxsize=4096)
def date_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """``2022-11-08`` -> that day; ``2022-11`` -> the month; ``2022`` -> the year; else None
    (cached: the fact rules ask for a document's window many times)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return day, day
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None
