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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

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
# _ODD is ``_ODD_CHARS`` with the first character taken out in front of the alternatives (each
# alternative checks it with a look-behind): a pattern that starts with a character class lets the
# regex engine skip to the next candidate character instead of trying every alternative everywhere.
_D1 = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SP = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000\x0b\x0c"
_NS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000\x0b\x0c"
_ODD = re.compile(
    rf"[{_D1}{_SP}\ufb00-\ufb06*_\\](?:(?<=[{_D1}])|(?<=[{_SP}])[{_SP}]+|(?<=[{_NS}])|(?<=[\ufb00-\ufb06])"
    r"|(?<=\*)\**|(?<=_)_?|(?<=\\)(?=[\[\]*_#\-.]))"
)
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
_FIRST_WORD = re.compile(r"^(\w+)")
_HYPHENATED = re.compile(r"\b(\w+)-(\w+)\b")
_KEEP_AFTER_HYPHEN = {"en", "of", "tot", "noch", "als", "and", "or"}


_WORD_RUN = re.compile(r"\w+")
_HYPHEN_WORD = re.compile(r"-\w+")
# Lines that may need more than a plain copy: odd characters, Markdown links, carriage returns
# (two spaces in a row are found with str.find).
_SPECIAL = re.compile(
    r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\t\u00a0\u2000-\u200a\u202f\u205f\u3000\x0b\x0c"
    r"\ufb00-\ufb06*_\\\u0300-\u036f\[\r]"
)
# How a line that starts with a letter can start where it is page furniture (footer, page number).
_ALPHA_FURNITURE = ("Tweede", "Eerste", "pa", "pA", "Pa", "PA", "bl", "bL", "Bl", "BL")
_BULLET_FIRST = frozenset("-•▪◦–*")
_DOT_PAREN = frozenset(".)")


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
    """Collects clean text pieces, each with the raw position of its first character.

    ``raw`` holds that position for a piece copied verbatim (its characters count up from it),
    and its bitwise complement (negative) for a longer piece that stands for one raw character.
    """

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.raw: list[int] = []

    def copy(self, text: str, raw_pos: int) -> None:
        """Append text copied verbatim from ``raw_pos`` onwards."""
        if text:
            self.pieces.append(text)
            self.raw.append(raw_pos)

    def put(self, text: str, raw_pos: int) -> None:
        """Append text that stands for the raw character at ``raw_pos`` (a space, a ligature)."""
        if text:
            self.pieces.append(text)
            self.raw.append(raw_pos if len(text) == 1 else ~raw_pos)

    def last_char(self) -> str:
        return self.pieces[-1][-1] if self.pieces else ""

    def drop_last_char(self) -> None:
        """Remove the last character (a trailing space or hyphen)."""
        if not self.pieces:
            return
        last = self.pieces[-1]
        if len(last) == 1:
            self.pieces.pop()
            self.raw.pop()
        else:
            self.pieces[-1] = last[:-1]

    def finish(self, raw_len: int) -> Cleaned:
        text = "".join(self.pieces)
        n = len(text)
        offsets = np.arange(n + 1, dtype=np.int64)
        if n:
            # verbatim pieces count up from their raw position, others repeat it
            lengths = np.fromiter(map(len, self.pieces), dtype=np.int64, count=len(self.pieces))
            raw = np.array(self.raw, dtype=np.int64)
            verbatim = raw >= 0
            if verbatim.all():
                raw += lengths
                raw -= np.cumsum(lengths)  # raw position minus clean position of each first character
                offsets[:n] += np.repeat(raw, lengths)
            else:
                firsts = np.cumsum(lengths) - lengths
                base = np.where(verbatim, raw - firsts, ~raw)
                offsets[:n] *= np.repeat(verbatim, lengths)
                offsets[:n] += np.repeat(base, lengths)
            offsets[n] = min(raw_len, int(offsets[n - 1]) + 1)
        else:
            offsets[n] = raw_len
        return Cleaned(text=text, offsets=offsets)


def is_furniture(line: str) -> bool:
    """True for a running footer, a lone page number or a horizontal rule."""
    s = line.strip().strip("\f").strip()
    c = s[:1]
    if not c or (c not in _FURNITURE_FIRST and not c.isdigit()):
        return False  # none of the patterns can match: they start with these characters
    return bool(FOOTER.match(s) or PAGE_NUMBER.match(s) or RULE_LINE.match(s))


_FURNITURE_FIRST = frozenset("TE-–pPbB=_*")


# Running headers and footers: lines at the same edge of many pages, whatever their wording.
EDGE_LINES = 3  # lines at the top or foot of a page, apart from the body, that a running header or footer fills
RUNNING_SHARE = 0.5  # ... found on at least this share of the pages (and on two at least)
RUNNING_LONGEST = 120  # a longer line is text, not furniture
_DIGITS = re.compile(r"\d+")


def _running_key(line: str) -> str:
    """A page-edge line as it repeats from page to page: numbers (a page number) and case set aside."""
    return _DIGITS.sub("#", " ".join(line.replace("\f", " ").split())).lower()


def _edge_run(lines: list[str], order: range) -> list[int]:
    """The non-blank lines at one edge of a page, read from that edge (``order``), that a blank
    line parts from the body: at most EDGE_LINES, none where no blank line follows them."""
    run: list[int] = []
    for i in order:
        if not lines[i].strip(" \t\f\u00a0"):
            if run:
                return run
            continue
        if len(run) == EDGE_LINES:
            return []
        run.append(i)
    return []


def _edges(lines: list[str], first: int, stop: int) -> list[tuple[str, int]]:
    """The place (``top0``, ``top1`` ..., ``bottom0`` for the last line ...) and index of the lines
    of the page ``lines[first:stop]`` that may be a running header or footer."""
    top = _edge_run(lines, range(first, stop))
    bottom = [i for i in _edge_run(lines, range(stop - 1, first - 1, -1)) if i not in top]
    return [(f"top{r}", i) for r, i in enumerate(top)] + [(f"bottom{r}", i) for r, i in enumerate(bottom)]


def _numbered_like_pages(found: list[tuple[int, int, tuple[int, ...]]]) -> bool:
    """True where the numbers of a repeated line are the same on every page or count up with the
    page (``nr. AB 1``, ``pagina 2 van 9``), not numbers of the text (``week 10`` ... ``week 18``)."""
    numbers = [nums for _page, _i, nums in found]
    if len({len(n) for n in numbers}) != 1:
        return False
    for j in range(len(numbers[0])):
        values = {n[j] for n in numbers}
        if len(values) > 1 and len({n[j] - page for page, _i, n in found}) != 1:
            return False
    return True


def running_lines(lines: list[str]) -> set[int]:
    """Indices of the running headers and footers (with their page numbers) of a paged text.

    Pages start at a form feed. A line is running furniture where a line of the same wording
    stands at the same place from the page's top or bottom on at least half of the pages (two at
    least), its numbers the same on every page or counting up with the pages."""
    starts = [i for i, line in enumerate(lines) if line.lstrip(" \t").startswith("\f")]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    if len(starts) < 2:
        return set()
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    found: dict[tuple[str, str], list[tuple[int, int, tuple[int, ...]]]] = {}
    for page, (first, stop) in enumerate(bounds):
        for place, i in _edges(lines, first, stop):
            key = _running_key(lines[i])
            if len(key) <= RUNNING_LONGEST:
                numbers = tuple(int(d) for d in _DIGITS.findall(lines[i]))
                found.setdefault((place, key), []).append((page, i, numbers))
    need = max(2, RUNNING_SHARE * len(bounds))
    return {i for where in found.values() if len(where) >= need and _numbered_like_pages(where)
            for _page, i, _n in where}


def _page_start(line: str) -> bool:
    return line.startswith((" ", "\f")) or line.startswith("\t")


_LINE_DIGIT = re.compile(r"\n\d")


def _find_footnotes(lines: list[str], region: str, line_of,  # noqa: ANN001
                    running: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, int, int]]:
    """Footnote blocks as (number, first line index, last line index), numbered in order.

    A footnote is a paragraph at a page foot that starts with the next footnote number:
    it follows a blank line and is followed by a page start, a footer (also a running one, a line
    of ``running``) or the end of the text.
    Only lines that start with a digit (found in ``region``, the lines joined; ``line_of`` maps
    a position in it to its line) can start one.
    """
    found: list[tuple[int, int, int]] = []
    candidates = [m.start() + 1 for m in _LINE_DIGIT.finditer(region)]
    if region[:1].isdecimal():
        candidates.insert(0, 0)
    expected = 1
    n = len(lines)
    i = 0  # lines before i belong to a footnote already found
    for c in candidates:
        k0 = line_of(c)
        if k0 < i:
            continue
        i = k0
        m = FOOTNOTE_START.match(lines[i])
        prev_blank = i == 0 or not lines[i - 1].strip()
        if m and prev_blank and int(m.group(1)) in (expected, expected + 1):
            j = i
            while j + 1 < n and lines[j + 1].strip() and not _page_start(lines[j + 1]) \
                    and j + 1 not in running and not is_furniture(lines[j + 1]):
                nxt = FOOTNOTE_START.match(lines[j + 1])
                if nxt and int(nxt.group(1)) == int(m.group(1)) + 1:
                    break
                j += 1
            k = j + 1
            while k < n and not lines[k].strip():
                k += 1
            after = lines[k] if k < n else ""
            nm = FOOTNOTE_START.match(after)
            next_is_note = bool(nm) and int(nm.group(1)) == int(m.group(1)) + 1
            if k >= n or _page_start(after) or k in running or is_furniture(after) or next_is_note:
                number = int(m.group(1))
                found.append((number, i, j))
                expected = number + 1
                i = j + 1
                continue
        i += 1
    return found


@lru_cache(maxsize=64)
def _mark_pattern(number: int) -> re.Pattern[str]:
    return re.compile(rf"(?<=[^\W\d_]|[.,;:)»”’\"'])({number})(?=[\s.,;:)]|$)")


def _footnote_marks(raw: str, notes: list[tuple[int, int, int]], starts: list[int]) -> list[int]:
    """Raw positions of footnote marks (the digits glued to a word or full stop), sorted.

    The mark of a note is the last match of its pattern before the note; matches cannot
    overlap (a mark follows a non-digit), so the last one is found from the end with rfind."""
    marks: set[int] = set()
    for number, first, _last in notes:
        limit = starts[first]
        digits = str(number)
        pattern = _mark_pattern(number)
        q = raw.rfind(digits, 0, limit)
        while q >= 0:
            if pattern.match(raw, q, limit):
                marks.update(range(q, q + len(digits)))
                break
            q = raw.rfind(digits, 0, q + len(digits) - 1)
    return sorted(marks)


def _emit_line(b: _Builder, line: str, raw_pos: int, drop: list[int]) -> None:
    """Append one stripped line, normalising odd characters and Markdown inline markup."""
    if "[" not in line and "  " not in line and not _MAYBE_ODD.search(line):
        _copy(b, line, raw_pos, drop)  # nothing to normalise (the common case)
        while b.last_char() == " ":
            b.drop_last_char()
        return
    # Markdown links: keep the label only.
    pos = 0
    segments: list[tuple[str, int]] = []
    if "[" in line:
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


def _overlaps(drop: list[int], start: int, end: int) -> bool:
    """True where a position of the sorted list ``drop`` falls in ``[start, end)``."""
    k = bisect_left(drop, start)
    return k < len(drop) and drop[k] < end


def _copy(b: _Builder, text: str, raw_pos: int, drop: list[int]) -> None:
    if not text:
        return
    if drop and _overlaps(drop, raw_pos, raw_pos + len(text)):
        run_start = 0
        for d in drop[bisect_left(drop, raw_pos) :]:
            if d >= raw_pos + len(text):
                break
            b.copy(text[run_start : d - raw_pos], raw_pos + run_start)
            run_start = d - raw_pos + 1
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


def _word_start(raw: str, h: int) -> int:
    """Start of the run of word characters that ends just before ``h``."""
    lo = h - 64 if h > 64 else 0
    q = max(raw.rfind(" ", lo, h), raw.rfind("\n", lo, h)) + 1
    if q and (raw[q:h].isalnum() or _WORD_RUN.fullmatch(raw, q, h)):
        return q  # the usual case: a plain word after a space
    q = h - 1
    while q > 0 and _is_w(raw[q - 1]):
        q -= 1
    return q


def _hyphenated(raw: str, start: int, end: int) -> set[str]:
    """``{m.group().lower() for m in _HYPHENATED.finditer(raw, start, end)}``, found from the
    hyphens (``str.find``) instead of trying the pattern at every position.

    A match starts where a word starts (at or after the end of the previous match), runs over
    that whole word, a ``-`` right after it and the whole word after that (cut at ``end``)."""
    out: set[str] = set()
    cursor = start
    for m in _HYPHEN_WORD.finditer(raw, start, end):  # a hyphen and the whole word after it
        h = m.start()
        if h > cursor:
            before = raw[h - 1]
            if before.isalnum() or before == "_":
                q = _word_start(raw, h)
                if q >= cursor:
                    cursor = m.end()
                    out.add(raw[q:cursor].lower())
    return out


class _Known:
    """The hyphenated words of ``raw[start:end]`` (lower case), found on the first look-up."""

    def __init__(self, raw: str, start: int, end: int) -> None:
        self.raw, self.start, self.end = raw, start, end
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = _hyphenated(self.raw, self.start, self.end)
        return word in self.words


def _hyphen_join(prev: str, nxt: str, known: set[str] | _Known) -> str:
    """How a line ending in a hyphen joins the next: '' (drop hyphen), '-' (keep), '- ' (keep + space)."""
    k = len(prev) - 1  # the hyphen; the word before it is what r"(\w+)-$" finds
    w = _FIRST_WORD.match(nxt)
    if not w or k < 1 or prev[k] != "-" or not _is_w(prev[k - 1]):
        return "- "
    before, after = prev[_word_start(prev, k) : k], w.group(1)
    if after.lower() in _KEEP_AFTER_HYPHEN:
        return "- "
    if (not before.isalpha() and any(c.isdigit() for c in before)) or after[0].isdigit():
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


def _special_table() -> np.ndarray:
    """Per code point: True for a character of ``_SPECIAL``."""
    table = np.zeros(0x110000, dtype=bool)
    for ch in "\u00ad\u200b\u200c\u200d\u2060\ufeff\t\u00a0\u202f\u205f\u3000\x0b\x0c*_\\[\r":
        table[ord(ch)] = True
    for lo, hi in ((0x2000, 0x200A), (0xFB00, 0xFB06), (0x0300, 0x036F)):
        table[lo : hi + 1] = True
    return table


_SPECIAL_TABLE = _special_table()
_SPECIAL_BMP = _SPECIAL_TABLE[:0x10000].copy()


def _special_lines(region: str, rel: list[int]) -> set[int]:
    """Indices of the lines of ``region`` (starting at ``rel``) that hold a character of ``_SPECIAL``
    or two spaces in a row; looked up for all characters at once (numpy)."""
    data = region.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(region):  # no character beyond the BMP: one 16-bit code each
        codes = np.frombuffer(data, dtype=np.uint16)
        hits = _SPECIAL_BMP.take(codes)
    else:
        codes = np.frombuffer(region.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        hits = _SPECIAL_TABLE[codes]
    spaces = codes == 32
    hits[:-1] |= spaces[:-1] & spaces[1:]
    where = np.flatnonzero(hits)
    if not len(where):
        return set()
    return set((np.searchsorted(np.asarray(rel), where, side="right") - 1).tolist())


def clean(raw: str, start: int = 0, end: int | None = None) -> Cleaned:
    """Clean ``raw[start:end]``; offsets index into ``raw`` itself."""
    end = len(raw) if end is None else end
    region = raw[start:end]
    lines = region.split("\n")
    starts = list(accumulate([len(t) + 1 for t in lines], initial=start))
    rel = starts if not start else [s - start for s in starts]

    def line_of(pos: int) -> int:
        return bisect_right(rel, pos) - 1

    running = running_lines(lines) if "\f" in region else set()
    notes = _find_footnotes(lines, region, line_of, running)
    drop = _footnote_marks(raw, notes, starts) if notes else []
    known = _Known(raw, start, end)
    special = _special_lines(region, rel)

    b = _Builder()
    if notes or running:
        note_lines: set[int] = set(running)
        for _n, first, last in notes:
            note_lines.update(range(first, last + 1))
        body: range | list[int] = [i for i in range(len(lines)) if i not in note_lines]
    else:
        body = range(len(lines))
    _emit_block(b, lines, starts, body, special, drop, known)
    for _n, first, last in notes:
        if b.pieces:
            b.put("\n", starts[first])
        _emit_block(b, lines, starts, range(first, last + 1), special, [], known)
    while b.pieces and b.pieces[-1][-1] in (" ", "\n"):
        b.drop_last_char()
    return b.finish(end)


def _emit_block(b: _Builder, lines: list[str], starts: list[int], numbers: range | list[int],
                special: set[int], drop: list[int], known: _Known) -> None:
    """Emit lines, joining wrapped ones and separating paragraphs with one newline.

    ``special`` holds the lines that need the full treatment (:func:`_emit_line`); any other
    line is copied as it is, and its white space tests are skipped (it has no two spaces in a
    row, no carriage return).

    The common line (no furniture, no break before it, no bullet, nothing to normalise) is
    joined here; the others go through :func:`_dropped`, :func:`_separator` and
    :func:`_put_line` (a function call per line costs more than the tests that avoid it)."""
    pieces, raws = b.pieces, b.raw
    pending_break = False  # a blank line or hard break since the last text
    prev_hard = False
    for i in numbers:
        line = lines[i]
        full = i in special
        if full and "\r" in line:
            line = line.replace("\r", " ")
        stripped = line.strip(" \t\f\u00a0")
        if not stripped:
            pending_break = True
            continue
        first = stripped[0]
        alpha = first.isalpha()
        # _dropped answers False unless the first character may start furniture
        if (first in _FURNITURE_FIRST and (not alpha or stripped.startswith(_ALPHA_FURNITURE))
                or not alpha and (first.isdigit() or first.isspace())) and _dropped(stripped):
            continue
        lead = 0 if line[0] == first else len(line) - len(line.lstrip(" \t\f\u00a0"))
        if lead and line[0] == "\f" and (pieces[-1][-1] if pieces else "") in ".:!?" and first.isupper():
            pending_break = True  # a page that starts a new paragraph
        pos = starts[i] + lead
        heading = first == "#"
        if heading:
            h = HEADING.match(stripped).end()
            stripped, pos = stripped[h:], pos + h
            if not stripped:
                continue
        normalise = full or (drop and _overlaps(drop, pos, pos + len(stripped)))
        last = pieces[-1][-1] if pieces else ""
        if not last:
            sep = ""
        elif prev_hard or heading or pending_break and not first.islower() and not first.isdigit():
            sep = "\n" if last != "\n" else ""  # a new paragraph, as _separator answers (bullet or not)
        elif pending_break or last == "-" or stripped[1:2] in _DOT_PAREN \
                or not alpha and (first in _BULLET_FIRST or first.isdecimal()):  # a bullet, maybe
            sep = _separator(b, stripped, pending_break and not prev_hard and not heading, prev_hard or heading,
                             known)
        else:  # what _separator answers for a line that runs on
            sep = "" if last in " \n" else " "
        if normalise or lead:
            _put_line(b, stripped, pos, lead, sep, normalise, drop)
        else:  # as _put_line does: the separator stands for the line break right before the line
            pieces.append(sep + stripped)
            raws.append(pos - 1 if sep else pos)
        pending_break = False
        prev_hard = (full and line.endswith("  ") and bool(line.strip())) or heading


def _dropped(stripped: str) -> bool:
    """True for a line of page furniture (the first character rules most lines out quickly)."""
    first = stripped[0]
    if first.isalpha():
        return first in _FURNITURE_FIRST and stripped.startswith(_ALPHA_FURNITURE) and is_furniture(stripped)
    # (is_furniture strips other white space, then looks at the first character)
    return (first in _FURNITURE_FIRST or first.isdigit() or first.isspace()) and is_furniture(stripped)


def _separator(b: _Builder, stripped: str, soft_break: bool, hard_break: bool, known: _Known) -> str:
    """What joins a line to the text before it: a newline (new paragraph), a space, or nothing (a
    word split by a hyphen, whose hyphen is dropped here). ``soft_break``: a blank line came
    between them, which a paragraph continuing in lower case overrides; ``hard_break``: a hard
    line break or a heading."""
    last = b.pieces[-1][-1]
    first = stripped[0]
    # BULLET starts with a dash or bullet, a digit, or a letter and '.' or ')'
    bullet = (stripped[1:2] in _DOT_PAREN if first.isalpha() else
              first in _BULLET_FIRST or first.isdecimal() or stripped[1:2] in _DOT_PAREN) \
        and BULLET.match(stripped)
    if soft_break and last not in ".:;!?\n" and (first.islower() or (first.isdigit() and last.islower())) \
            and not bullet:
        soft_break = False  # a paragraph that continues after a page break
    if soft_break or hard_break or bullet:
        return "\n" if last != "\n" else ""
    if last == "-":
        join = _hyphen_join(b.pieces[-1], stripped, known)
        if join == "":
            b.drop_last_char()
        return " " if join == "- " else ""
    return " " if last != " " and last != "\n" else ""


def _put_line(b: _Builder, stripped: str, pos: int, lead: int, sep: str, full: object, drop: list[int]) -> None:
    """Append ``sep`` and the line (raw position ``pos``, ``lead`` characters after its line start);
    ``full``: normalised by :func:`_emit_line`, else copied as it is."""
    pieces, raws = b.pieces, b.raw
    if full:
        if sep:
            pieces.append(sep)
            raws.append(pos - lead - 1)
        _emit_line(b, stripped, pos, drop)
    elif sep and not lead:
        # the separator stands for the line break right before the line: one piece
        pieces.append(sep + stripped)
        raws.append(pos - 1)
    else:
        if sep:
            pieces.append(sep)
            raws.append(pos - lead - 1)
        pieces.append(stripped)  # nothing to normalise (the common case)
        raws.append(pos)
