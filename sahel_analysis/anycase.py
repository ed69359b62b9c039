"""Cheap literal tests in front of case-insensitive patterns: where can a word stand, in any case?

A pattern compiled with ``re.IGNORECASE`` and starting with an alternation of words has no literal
prefix, so the regex engine tries it at every character of a text. Most texts do not hold the words
at all, and where they do, only a few places can start a match. The tests here find those places
with ``str.find`` on the lowered text, so that the pattern is tried only there (or not at all).

They are exact, not heuristic: under IGNORECASE an ASCII letter matches only its two cases, except
``i`` (also ``İ`` and ``ı``), ``k`` (also the Kelvin sign) and ``s`` (also ``ſ``). A word's *needle*
is therefore its longest run of ASCII characters other than those three letters and white space:
wherever the pattern matches the word, ``text.lower()`` holds the needle (lowering never turns
another character into one of the needle's). A word without such a run has no needle, and then
the tests answer "maybe" (the caller runs its pattern as before).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNSAFE = re.compile(r"[^\x00-\x7f]|[iksIKS]|\s")


Needle = tuple[str, int]  # a word's needle (lower case) and its offset from the word's start


def needle(word: str) -> Needle | None:
    """The longest run of ``word`` that lowering finds in any case, with its offset (the first
    of equally long runs); None where the word has no such run."""
    best: Needle = ("", 0)
    pos = 0
    for part in _UNSAFE.split(word):  # each separator is one character
        if len(part) > len(best[0]):
            best = (part, pos)
        pos += len(part) + 1
    return (best[0].lower(), best[1]) if best[0] else None


def needles(words: Iterable[str], first_word: bool = False) -> tuple[Needle, ...] | None:
    """The needles of the words (``first_word``: of the first word of each phrase, whose offset
    holds from the phrase's start); None where one of them has none (no literal test possible)."""
    found = [needle(w.split()[0] if first_word and w.split() else w) for w in words]
    return None if None in found else tuple(n for n in found if n)


def may_hold(text: str, found: tuple[Needle, ...] | None) -> bool:
    """False only where ``text`` (a short one: a line) holds none of the words of ``found`` in
    any case; lowered as Folded does, without keeping places."""
    if found is None:
        return True
    if text.isascii():
        low = text.lower()
        return any(n[0] in low for n in found)
    data = text.encode("utf-8", "surrogatepass").lower()
    return any(n[0].encode() in data for n in found)


class Folded:
    """A text with its ASCII letters lowered, made once, where needles are found in any case
    (their places counted in characters of the text). An ASCII text is lowered as it is; any
    other is lowered in its UTF-8 bytes, far cheaper than ``str.lower`` for a text outside Latin-1
    (and lowering there turns no other character into an ASCII one)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._data: bytes | None = None
        self._low: str | bytes
        if text.isascii():
            self._low = text.lower()
        else:
            self._data = text.encode("utf-8", "surrogatepass")
            self._low = self._data.lower()

    def holds(self, found: tuple[Needle, ...] | None) -> bool:
        """False only where the text holds none of the words of ``found`` in any case."""
        if found is None:
            return True
        if self._data is None:
            return any(n[0] in self._low for n in found)
        return any(n[0].encode() in self._low for n in found)

    def places(self, word: str) -> list[int]:
        """Every place (in characters) of ``word`` (a needle: ASCII, lower case) in the lowered text."""
        return self._chars(self._finds(word))

    def starts(self, found: tuple[Needle, ...]) -> list[int]:
        """The sorted places where one of the words of ``found`` may start. Words of one piece:
        no white space, which a pattern may match by a run of any length."""
        hits = sorted({(p, offset) for word, offset in found for p in self._finds(word)})
        chars = self._chars([p for p, _offset in hits])
        return sorted({c - offset for c, (_p, offset) in zip(chars, hits, strict=True) if c >= offset})

    def _finds(self, word: str) -> list[int]:
        """The places of ``word`` in the lowered text (in bytes where it is not ASCII)."""
        low = self._low
        key: str | bytes = word if self._data is None else word.encode()
        out = []
        p = low.find(key)
        while p >= 0:
            out.append(p)
            p = low.find(key, p + 1)
        return out

    def _chars(self, places: list[int]) -> list[int]:
        """Sorted places in the lowered text as places in characters of the text."""
        if self._data is None or not places:
            return places
        out = []
        chars, done, data = 0, 0, self._data
        for p in places:  # an ASCII byte starts a character: count the characters before it
            chars += len(data[done:p].decode("utf-8", "surrogatepass"))
            done = p
            out.append(chars)
        return out


def search_at(pattern: re.Pattern[str], text: str, starts: list[int], end: int) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a pattern whose matches can start only at ``starts``
    (sorted): the first place where it matches."""
    for s in starts:
        if s >= end:
            break
        m = pattern.match(text, s, end)
        if m:
            return m
    return None


def finditer_at(pattern: re.Pattern[str], text: str, starts: list[int],
                end: int | None = None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text, 0, end))`` for a pattern that never matches the empty string
    and whose matches can start only at ``starts`` (sorted): tried there, skipping places inside an
    earlier match as ``finditer`` does (``match`` at a place sees the text before it, for ``\\b``
    and look-behinds)."""
    end = len(text) if end is None else end
    out: list[re.Match[str]] = []
    pos = 0
    for s in starts:
        if s >= pos:
            m = pattern.match(text, s, end)
            if m:
                out.append(m)
                pos = m.end()
    return out
