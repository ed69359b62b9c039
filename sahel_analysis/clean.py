"""Raw text -> clean text, with an offset map back to the raw text.

What cleaning does, line by line:
- drops page furniture: running footers (``Tweede Kamer, vergaderjaar 2022–2023, 29 521, nr. 456 7``),
  lone page numbers, form feeds, Markdown rules;
- moves footnote bodies (``1 De nationale mandaten ...`` at a page foot) to the end and drops
  their marks in the text (``juni 2024.1``, ``landen6.``);
- joins lines that a paragraph was wrapped into, undoing end-of-line hyphenation where the
  hyphen only split a word (``onder-\\nsteunen`` -> ``ondersteunen``) and keeping real ones
  (``ACOTA-\\nprogramma``, ``West-\\nAfrikaanse``, ``dreigings- en``);
- removes soft hyphens, zero-width characters and Markdown emphasis, expands ligatures, turns odd
  spaces into plain ones and collapses runs of white space.

Paragraphs, list items and headings end in a single ``\\n``. ``offsets[i]`` is the raw index of clean
character ``i`` (``len(text) + 1`` entries), so every span maps back to the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

FOOTER = re.compile(
    r"^(?:Tweede|Eerste) Kamer,? vergaderjaar \d{4}\s*[–—-]\s*\d{4},\s*[\d ]+(?:-[\dA-Z]+)?"
    r"(?:,\s*(?:nr\.\s*)?[\dA-Z]+)?(?:\s+\d{1,4})?\s*$"
)
PAGE_NUMBER = re.compile(
    r"^(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?$|^(?:pagina|page|blz\.?)\s+\d+(?:\s+(?:van|of)\s+\d+)?$", re.I
)
RULE_LINE = re.compile(r"^[-=_*]{3,}$")
BULLET = re.compile(r"^(?:[-•▪◦–*]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
HEADING = re.compile(r"^#{1,6}\s*")
FOOTNOTE_START = re.compile(r"^(\d{1,2})\s+(?=\S)")
# Characters that are dropped, turned into a space, or expanded. Every alternative starts with a
# plain character class, so the regex engine skips ordinary text quickly; underscores are checked
# for emphasis in code, and letters with combining accents only where a line has such accents.
_ODD_CHARS = (
    r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]"  # soft hyphen, zero-width
    r"|[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]"
    r"|[\ufb00-\ufb06]"  # ligatures
    r"|\*+|_{1,2}|\\(?=[\[\]*_#\-.])"  # Markdown emphasis / escapes
)
_ODD = re.compile(_ODD_CHARS)
_ODD_ACCENTS = re.compile(_ODD_CHARS + r"|[^\s\u0300-\u036f][\u0300-\u036f]+")  # composed (NFC)
_HAS_ACCENTS = re.compile(r"[\u0300-\u036f]")
# Every match of _ODD_ACCENTS holds one of these characters or two plain spaces in a row.
_MAYBE_ODD = re.compile(
    r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\t\u00a0\u2000-\u200a\u202f\u205f\u3000\x0b\x0c"
    r"\ufb00-\ufb06*_\\\u0300-\u036f]"
)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_MD_LINK = re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{0,300}\)")
_WORD_BEFORE_HYPHEN = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"^(\w+)")
_HYPHENATED = re.compile(r"\b(\w+)-(\w+)\b")
_KEEP_AFTER_HYPHEN = {"en", "of", "tot", "noch", "als", "and", "or"}


@dataclass
class Cleaned:
    """Clean text and, for every clean character, its index in the raw text."""

    text: str
    offsets: np.ndarray  # int64, len(text) + 1

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span of the clean span ``[start, end)``."""
        if start >= end:
            return int(self.offsets[start]), int(self.offsets[start])
        # the raw range that covers every character (moved footnotes make offsets non-monotonic)
        piece = self.offsets[start:end]
        return int(piece.min()), int(piece.max()) + 1


class _Builder:
    """Collects clean text pieces, each with the raw position of its first character."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.raw: list[int] = []
        self.verbatim: list[bool] = []
        self.length = 0

    def copy(self, text: str, raw_pos: int) -> None:
        """Append text copied verbatim from ``raw_pos`` onwards."""
        self._append(text, raw_pos, True)

    def put(self, text: str, raw_pos: int) -> None:
        """Append text that stands for the raw character at ``raw_pos`` (a space, a ligature)."""
        self._append(text, raw_pos, False)

    def _append(self, text: str, raw_pos: int, verbatim: bool) -> None:
        if text:
            self.pieces.append(text)
            self.raw.append(raw_pos)
            self.verbatim.append(verbatim)
            self.length += len(text)

    def last_char(self) -> str:
        return self.pieces[-1][-1] if self.pieces else ""

    def drop_last_char(self) -> None:
        """Remove the last character (a trailing space or hyphen)."""
        if not self.pieces:
            return
        last = self.pieces[-1]
        self.length -= 1
        if len(last) == 1:
            self.pieces.pop()
            self.raw.pop()
            self.verbatim.pop()
        else:
            self.pieces[-1] = last[:-1]

    def finish(self, raw_len: int) -> Cleaned:
        text = "".join(self.pieces)
        offsets = np.empty(len(text) + 1, dtype=np.int64)
        # piece by piece: verbatim pieces count up from their raw position, others repeat it
        lengths = np.fromiter(map(len, self.pieces), dtype=np.int64, count=len(self.pieces))
        firsts = np.cumsum(lengths) - lengths
        step = np.arange(len(text), dtype=np.int64) - np.repeat(firsts, lengths)
        step *= np.repeat(np.array(self.verbatim, dtype=np.int64), lengths)
        offsets[: len(text)] = np.repeat(np.array(self.raw, dtype=np.int64), lengths) + step
        offsets[len(text)] = raw_len if not len(text) else min(raw_len, int(offsets[len(text) - 1]) + 1)
        return Cleaned(text=text, offsets=offsets)


def _lines(raw: str, start: int, end: int) -> list[tuple[int, str]]:
    """Lines of ``raw[start:end]`` with their raw start offsets (line ends dropped)."""
    out = []
    pos = start
    for line in raw[start:end].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def is_furniture(line: str) -> bool:
    """True for a running footer, a lone page number or a horizontal rule."""
    s = line.strip().strip("\f").strip()
    c = s[:1]
    if not c or (c not in _FURNITURE_FIRST and not c.isdigit()):
        return False  # none of the patterns can match: they start with these characters
    return bool(FOOTER.match(s) or PAGE_NUMBER.match(s) or RULE_LINE.match(s))


_FURNITURE_FIRST = frozenset("TE-–pPbB=_*")


def _page_start(line: str) -> bool:
    return line.startswith((" ", "\f")) or line.startswith("\t")


def _find_footnotes(lines: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """Footnote blocks as (number, first line index, last line index), numbered in order.

    A footnote is a paragraph at a page foot that starts with the next footnote number:
    it follows a blank line and is followed by a page start, a footer or the end of the text.
    """
    found: list[tuple[int, int, int]] = []
    expected = 1
    i = 0
    n = len(lines)
    while i < n:
        text = lines[i][1]
        m = FOOTNOTE_START.match(text)
        prev_blank = i == 0 or not lines[i - 1][1].strip()
        if m and prev_blank and int(m.group(1)) in (expected, expected + 1):
            j = i
            while j + 1 < n and lines[j + 1][1].strip() and not _page_start(lines[j + 1][1]) \
                    and not is_furniture(lines[j + 1][1]):
                nxt = FOOTNOTE_START.match(lines[j + 1][1])
                if nxt and int(nxt.group(1)) == int(m.group(1)) + 1:
                    break
                j += 1
            k = j + 1
            while k < n and not lines[k][1].strip():
                k += 1
            after = lines[k][1] if k < n else ""
            nm = FOOTNOTE_START.match(after)
            next_is_note = bool(nm) and int(nm.group(1)) == int(m.group(1)) + 1
            if k >= n or _page_start(after) or is_furniture(after) or next_is_note:
                number = int(m.group(1))
                found.append((number, i, j))
                expected = number + 1
                i = j + 1
                continue
        i += 1
    return found


def _footnote_marks(raw: str, notes: list[tuple[int, int, int]], lines) -> set[int]:
    """Raw positions of footnote marks (the digits glued to a word or full stop)."""
    marks: set[int] = set()
    for number, first, _last in notes:
        limit = lines[first][0]
        pattern = re.compile(rf"(?<=[^\W\d_]|[.,;:)»”’\"'])({number})(?=[\s.,;:)]|$)")
        best = None
        for m in pattern.finditer(raw, 0, limit):
            best = m
        if best:
            marks.update(range(best.start(1), best.end(1)))
    return marks


def _emit_line(b: _Builder, line: str, raw_pos: int, drop: set[int]) -> None:
    """Append one stripped line, normalising odd characters and Markdown inline markup."""
    if "[" not in line and "  " not in line and not _MAYBE_ODD.search(line):
        _copy(b, line, raw_pos, drop)  # nothing to normalise (the common case)
        while b.last_char() == " ":
            b.drop_last_char()
        return
    # Markdown links: keep the label only.
    pos = 0
    segments: list[tuple[str, int]] = []
    for m in _MD_LINK.finditer(line):
        segments.append((line[pos : m.start()], raw_pos + pos))
        segments.append((m.group(1), raw_pos + m.start(1)))
        pos = m.end()
    segments.append((line[pos:], raw_pos + pos))
    for seg, seg_raw in segments:
        p = 0
        odd = _ODD_ACCENTS if _HAS_ACCENTS.search(seg) else _ODD
        for m in odd.finditer(seg):
            _copy(b, seg[p : m.start()], seg_raw + p, drop)
            tok = m.group()
            if tok[0] == "_":
                before = seg[m.start() - 1 : m.start()]
                after = seg[m.end() : m.end() + 1]
                opening = not _is_word(before) and _is_word(after)
                closing = _is_word(before) and not _is_word(after)
                if not (opening or closing):
                    _copy(b, tok, seg_raw + m.start(), drop)  # snake_case: a real underscore
            elif tok[0] in _LIGATURES:
                b.put(_LIGATURES[tok[0]], seg_raw + m.start())
            elif len(tok) > 1 and "\u0300" <= tok[1] <= "\u036f":
                b.put(unicodedata.normalize("NFC", tok), seg_raw + m.start())
            elif tok[0].isspace() or tok[0] in "\u00a0":
                if b.last_char() not in (" ", "\n", ""):
                    b.put(" ", seg_raw + m.start())
            # everything else (soft hyphens, zero-width, emphasis) is dropped
            p = m.end()
        _copy(b, seg[p:], seg_raw + p, drop)
    while b.last_char() == " ":
        b.drop_last_char()


def _is_word(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or ch == "_")


def _copy(b: _Builder, text: str, raw_pos: int, drop: set[int]) -> None:
    if not text:
        return
    if drop and any(raw_pos <= d < raw_pos + len(text) for d in drop):
        run_start = 0
        for k in range(len(text)):
            if raw_pos + k in drop:
                b.copy(text[run_start:k], raw_pos + run_start)
                run_start = k + 1
        b.copy(text[run_start:], raw_pos + run_start)
        return
    if text.startswith(" ") and b.last_char() in (" ", "\n", ""):
        stripped = text.lstrip(" ")
        raw_pos += len(text) - len(stripped)
        text = stripped
    b.copy(text, raw_pos)


def _is_w(ch: str) -> bool:
    """``\\w`` of the regex engine (str patterns): alphanumeric or underscore."""
    return ch.isalnum() or ch == "_"


def _hyphenated(raw: str, start: int, end: int) -> set[str]:
    """``{m.group().lower() for m in _HYPHENATED.finditer(raw, start, end)}``, found from the
    hyphens (``str.find``) instead of trying the pattern at every position.

    A match starts where a word starts (at or after the end of the previous match), runs over
    that whole word, a ``-`` right after it and the whole word after that (cut at ``end``)."""
    out: set[str] = set()
    cursor = start
    h = raw.find("-", start, end)
    while h >= 0:
        if h > cursor and _is_w(raw[h - 1]) and h + 1 < end and _is_w(raw[h + 1]):
            q = h - 1
            while q > 0 and _is_w(raw[q - 1]):
                q -= 1
            if q >= cursor:
                r = h + 2
                while r < end and _is_w(raw[r]):
                    r += 1
                out.add(raw[q:r].lower())
                cursor = r
                h = raw.find("-", r, end)
                continue
        h = raw.find("-", h + 1, end)
    return out


def _hyphen_join(prev: str, nxt: str, known: set[str]) -> str:
    """How a line ending in a hyphen joins the next: '' (drop hyphen), '-' (keep), '- ' (keep + space)."""
    m = _WORD_BEFORE_HYPHEN.search(prev)
    w = _FIRST_WORD.match(nxt)
    if not m or not w:
        return "- "
    before, after = m.group(1), w.group(1)
    if after.lower() in _KEEP_AFTER_HYPHEN:
        return "- "
    if any(c.isdigit() for c in before) or any(c.isdigit() for c in after[:1]):
        return "-"
    if before.isupper() and after.isupper() and min(len(before), len(after)) >= 4:
        return "-" if f"{before}-{after}".lower() in known else ""  # a heading in capitals
    if len(before) >= 2 and before.isupper():
        return "-"
    if after[0].isupper():
        return "-"
    if f"{before}-{after}".lower() in known:
        return "-"
    return ""


def clean(raw: str, start: int = 0, end: int | None = None) -> Cleaned:
    """Clean ``raw[start:end]``; offsets index into ``raw`` itself."""
    end = len(raw) if end is None else end
    lines = _lines(raw, start, end)
    notes = _find_footnotes(lines)
    note_lines: set[int] = set()
    for _n, first, last in notes:
        note_lines.update(range(first, last + 1))
    drop = _footnote_marks(raw, notes, lines) if notes else set()
    known = _hyphenated(raw, start, end)

    b = _Builder()
    body = [(i, ln) for i, ln in enumerate(lines) if i not in note_lines]
    _emit_block(b, body, drop, known)
    for _n, first, last in notes:
        if b.length:
            b.put("\n", lines[first][0])
        block = [(i, lines[i]) for i in range(first, last + 1)]
        _emit_block(b, block, set(), known)
    while b.last_char() in (" ", "\n") and b.length:
        b.drop_last_char()
    return b.finish(end)


def _emit_block(b: _Builder, numbered, drop: set[int], known: set[str]) -> None:
    """Emit lines, joining wrapped ones and separating paragraphs with one newline."""
    pending_break = False  # a blank line or hard break since the last text
    prev_hard = False
    for _i, (raw_pos, line) in numbered:
        if "\r" in line:
            line = line.replace("\r", " ")
        hard = line.endswith("  ") and bool(line.strip())
        stripped = line.strip(" \t\f\u00a0")
        first = stripped[:1]
        if not stripped or not (first.isalpha() and first not in _FURNITURE_FIRST) \
                and is_furniture(stripped):
            if not stripped:
                pending_break = True
            continue
        if line.startswith("\f") and b.last_char() in ".:!?" and stripped[:1].isupper():
            pending_break = True  # a page that starts a new paragraph
        lead = len(line) - len(line.lstrip(" \t\f\u00a0"))
        pos = raw_pos + lead
        marks = HEADING.match(stripped) if stripped[0] == "#" else None
        heading = marks is not None
        if heading:
            h = marks.end()
            stripped, pos = stripped[h:], pos + h
            if not stripped:
                continue
        if b.length:
            last = b.last_char()
            bullet = BULLET.match(stripped)
            continues = (
                pending_break and not prev_hard and not heading and last not in ".:;!?\n"
                and (stripped[:1].islower() or (stripped[:1].isdigit() and last.islower()))
                and not bullet
            )
            if continues:
                pending_break = False
            if pending_break or prev_hard or heading or bullet:
                if last != "\n":
                    b.put("\n", pos - lead - 1)
            elif last == "-" and len(b.pieces[-1]) >= 1:
                prev_text = b.pieces[-1]
                join = _hyphen_join(prev_text, stripped, known)
                if join == "":
                    b.drop_last_char()
                elif join == "- ":
                    b.put(" ", pos - lead - 1)
            else:
                if last not in (" ", "\n"):
                    b.put(" ", pos - lead - 1)
        _emit_line(b, stripped, pos, drop)
        pending_break = False
        prev_hard = hard or heading
