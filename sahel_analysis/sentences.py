"""Sentence and clause spans of a document's clean text, and the heading a position falls under.

A sentence ends at a line break (``\\n``) or at ``.``, ``!`` or ``?`` followed by white space
and a capital, digit or opening bracket/quote, except after a Dutch abbreviation
(vocab/abbreviations.csv: ``d.d.``, ``t.b.v.``, ``o.a.`` ...) or an initial (``W.B.``).
Semicolons do not split (they separate list items inside one sentence).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from sahel_analysis.textchars import lowered
from sahel_analysis.vocab import read_csv

# A sentence end: ``.``, ``!`` or ``?`` (a run of them) before white space without a newline
# (a newline ends the line anyway) and a capital, digit or opening bracket/quote. ``[.!?][.!?]*``
# rather than ``[.!?]+``: the engine then scans for the first character fast. ``_END_DOT`` is
# the same for a text without ``!`` and ``?`` (a literal first character: faster still).
_AFTER = r"(?=[^\S\n]+[\"'‘“(\[A-Z0-9À-ÖØ-Þ])"
_END = re.compile(r"[.!?][.!?]*" + _AFTER)
_END_DOT = re.compile(r"\.\.*" + _AFTER)
_WORD_BEFORE = re.compile(r"(\S+)$")
_OPENERS = "([\"'‘“"


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    rows = read_csv("abbreviations.csv")
    keep = frozenset(r["abbreviation"].lower() for r in rows if r["terminal"] != "true")
    terminal = frozenset(r["abbreviation"].lower() for r in rows if r["terminal"] == "true")
    return keep, terminal


@cache
def _abbreviation_shape() -> tuple[frozenset[str], frozenset[str], int] | None:
    """Which ``.`` can close an abbreviation or initial, judged from the character before it:
    (capitals, other letters that can end a kept abbreviation, the longest one's length); None
    where a kept abbreviation has another shape (then every ``.`` is checked in full).

    A lower case never shortens a text, and an initial ends in a capital: so after one of
    the other letters, a dot that ends a run of that many letters closes a word too long to be
    a kept abbreviation, and after any other character no ``.`` closes one."""
    keep = _abbreviations()[0]
    if not keep or any(len(a) < 2 or len(a) > 50 or a[-1] != "." or not ("a" <= a[-2] <= "z") for a in keep):
        return None
    capitals = frozenset(map(chr, range(ord("A"), ord("Z") + 1)))
    # every character whose lower case ends in an ASCII letter (the Kelvin sign lowers to k)
    letters = frozenset(c for c in [*map(chr, range(ord("a"), ord("z") + 1)), "\u212a"]
                        if c.lower()[-1:] in {a[-2] for a in keep})
    return capitals, letters, max(len(a) for a in keep)


_VERDICTS: dict[str, bool] = {}  # word (as cut from the text) -> closes an abbreviation?


def _is_abbreviation_end(text: str, dot: int) -> bool:
    """True where the ``.`` at ``dot`` closes an abbreviation or initial, not a sentence."""
    lo = dot - 60 if dot > 60 else 0
    start = text.rfind(" ", lo, dot + 1) + 1
    nl = text.rfind("\n", start if start > lo else lo, dot + 1)  # a newline after the last space
    if nl >= 0:
        start = nl + 1
    elif start < lo:
        start = lo
    word = text[start : dot + 1]
    verdict = _VERDICTS.get(word)
    if verdict is not None:
        return verdict
    # other white space (never printable): the general search
    if not word.isprintable() and _SPACE.search(text, start, dot + 1):
        m = _WORD_BEFORE.search(text, lo, dot + 1)
        return bool(m) and _word_is_abbreviation(text[m.start(1) : dot + 1])
    verdict = _word_is_abbreviation(word)
    if len(_VERDICTS) > 50_000:  # bounded: a corpus has a few thousand such words
        _VERDICTS.clear()
    _VERDICTS[word] = verdict  # a word without white space: always judged the same way
    return verdict


def _word_is_abbreviation(word: str) -> bool:
    """Is ``word`` (ending in ``.``) a kept abbreviation or an initial?"""
    word = word.lstrip(_OPENERS)
    if word.lower() in _abbreviations()[0]:
        return True
    # initials: 'W.B.', 'M.' (one capital letter before each dot)
    return "A" <= word[:1] <= "Z" and bool(_INITIALS.fullmatch(word))


def _closes_abbreviation(text: str, dot: int) -> bool:
    """:func:`_is_abbreviation_end`, with the cheap verdict from the characters before the dot
    (:func:`_abbreviation_shape`) where it settles the question."""
    shape = _abbreviation_shape()
    if shape is None or dot == 0:
        return _is_abbreviation_end(text, dot)
    capitals, letters, longest = shape
    before = text[dot - 1]
    if before in capitals:
        return _is_abbreviation_end(text, dot)
    if before not in letters:
        return False
    if dot >= longest and text[dot - longest : dot].isalpha():
        return False  # letters only: no white space, no opening bracket, too long a word
    return _is_abbreviation_end(text, dot)


_SPACE = re.compile(r"\s")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


MAX_SENTENCE = 2000  # characters; longer runs are cut at a space, so no rule sees a huge span


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text``, stripped of surrounding blanks."""
    spans: list[tuple[int, int]] = []
    ends = _line_ends(text)
    k = 0
    line_end = ends[0]
    cut = 0
    closes_abbreviation = _closes_abbreviation
    end_rx = _END if "!" in text or "?" in text else _END_DOT
    # One pass over the whole text; a match only counts within its line (``_AFTER``).
    for m in end_rx.finditer(text):
        dot, end = m.span()
        while dot > line_end:
            spans.append((cut, line_end))
            cut = line_end + 1
            k += 1
            line_end = ends[k]
        if end - dot == 1 and text[dot] == "." and closes_abbreviation(text, dot):
            continue
        spans.append((cut, end))
        cut = end
    spans.append((cut, line_end))
    spans.extend((ends[i - 1] + 1, ends[i]) for i in range(k + 1, len(ends)))
    out = []
    for s, e in spans:
        if s < e and text[s].isspace():
            s += 1  # usually the one space after a full stop
            while s < e and text[s].isspace():
                s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        while e - s > MAX_SENTENCE:  # a run-on "sentence" (a table, a broken file): cut it up
            cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            cut = cut if cut > s else s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


_CONTINUES = re.compile(r"[^\W\d]\n(?=[a-z\d])")


def _line_ends(text: str) -> list[int]:
    """Where the lines of ``text`` end (the last at ``len(text)``): at a newline, except one
    between a word and a lower-case word or a digit (``ongeveer\\n150 militairen``, a wrapped
    line the cleaner left)."""
    out: list[int] = []
    i = text.find("\n")
    while i >= 0:
        if not _CONTINUES.match(text, max(0, i - 1)):
            out.append(i)
        i = text.find("\n", i + 1)
    out.append(len(text))
    return out


def sentences_of(doc) -> list[tuple[int, int]]:  # noqa: ANN001 - a model.Document
    """The sentence spans of a document's clean text, split once and shared by the extractors."""
    if "sentences" not in doc.memo:
        doc.memo["sentences"] = split_sentences(doc.text)
    return doc.memo["sentences"]


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The span of the sentence that holds position ``pos`` (an empty span where none)."""
    for s, e in split_sentences(text):
        if s <= pos < e:
            return s, e
    return pos, pos


_HEADING_END = re.compile(r"[.;,]\s*$")


def is_heading(line: str) -> bool:
    """A short line without closing punctuation that starts with a capital or a number."""
    line = line.strip()
    if not line or len(line) > 90 or _HEADING_END.search(line):
        return False
    if line.startswith(("-", "•", "*")):
        return False
    return line[0].isupper() or line[0].isdigit()


def section_of(text: str, pos: int) -> str:
    """Text of the nearest heading line before ``pos`` (empty string where none)."""
    end = text.rfind("\n", 0, max(pos, 0))
    limit = max(0, pos - 20000)  # a heading further back no longer frames the text
    while end > limit:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if is_heading(line) and not line.rstrip().endswith(":"):
            return line.strip()
        end = start - 1
    return ""


def sentence_flags(doc, key: str, pattern: re.Pattern[str],  # noqa: ANN001 - a model.Document
                   lower: bool = True, needles: tuple[str, ...] | None = None) -> list[bool] | None:
    """Per sentence (of :func:`sentences_of`): does a match of ``pattern`` in the lower-cased
    text (the text itself where ``lower`` is False) overlap it? A cheap whole-document
    prefilter: callers still check a flagged sentence exactly, and treat every sentence as
    flagged where the result is None (a text whose lower case does not keep its characters in
    place). ``needles``: strings one of which every match starts with; the pattern is then only
    tried where one stands (found with ``str.find``, far cheaper over a whole text than the
    engine's scan), with the same result."""
    memo_key = "flags:" + key
    if memo_key not in doc.memo:
        low = lowered(doc) if lower else doc.text
        if low is None:
            doc.memo[memo_key] = None
        else:
            doc.memo[memo_key] = _flags(sentences_of(doc), _searcher(pattern, low, needles))
    return doc.memo[memo_key]


def _searcher(pattern: re.Pattern[str], text: str, needles: tuple[str, ...] | None):  # noqa: ANN202
    """``pos -> pattern.search(text, pos)``; with ``needles``, tried only where one starts."""
    if needles is None:
        return lambda pos: pattern.search(text, pos)
    starts = sorted(set(find_all(text, needles)))

    def search(pos: int) -> re.Match[str] | None:
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            m = pattern.match(text, starts[i])
            if m is not None:
                return m
        return None

    return search


def _flags(sents: list[tuple[int, int]], search) -> list[bool]:  # noqa: ANN001 - pos -> match
    """Which of ``sents`` a match overlaps, the matches found by ``search(pos)`` (the next one
    from ``pos`` on, or None)."""
    starts = [s for s, _ in sents]
    flags = [False] * len(sents)
    pos = 0
    m = search(0)
    while m is not None:  # once a sentence is flagged, search on from its end
        a, b = m.span()
        i = max(0, bisect.bisect_right(starts, a) - 1)
        pos = max(b, a + 1)
        while i < len(sents) and sents[i][0] < b:
            if sents[i][1] > a:
                flags[i] = True
                pos = max(pos, sents[i][1])
            i += 1
        m = search(pos)
    return flags


def find_all(text: str, needles: tuple[str, ...], start: int = 0, end: int | None = None) -> list[int]:
    """Start positions of every occurrence of each of ``needles`` in ``text[start:end]`` (needle by
    needle; positions in ``text``)."""
    end = len(text) if end is None else end
    out = []
    for needle in needles:
        i = text.find(needle, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(needle, i + 1, end)
    return out


def sentences_at(sents: list[tuple[int, int]], positions: list[int]) -> list[int]:
    """Indices (in order, once each) of the sentences that hold one of ``positions``."""
    starts = [s for s, _ in sents]
    found = set()
    for pos in positions:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < sents[i][1]:
            found.add(i)
    return sorted(found)
