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


def needles(words: Iterable[str]) -> tuple[Needle, ...] | None:
    """The needles of the words; None where one of them has none (no literal test possible)."""
    found = [needle(w) for w in words]
    return None if None in found else tuple(n for n in found if n)


def may_hold(low: str, found: tuple[Needle, ...] | None) -> bool:
    """False only where ``low`` (a lowered text) holds none of the words of ``found`` in any case."""
    return found is None or any(n[0] in low for n in found)


def word_starts(low: str, found: tuple[Needle, ...], lo: int = 0) -> list[int]:
    """The sorted places at or after ``lo`` where one of the words of ``found`` may start in a
    text whose lowered form ``low`` has the text's length (no ``İ``, the one character that
    lowering turns into two). Words of one piece: no white space, which a pattern may match by a
    run of any length."""
    starts: set[int] = set()
    for word, offset in found:
        p = low.find(word, lo + offset)
        while p >= 0:
            starts.add(p - offset)
            p = low.find(word, p + 1)
    return sorted(starts)


def finditer_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern that never matches the empty string and
    whose matches can start only at ``starts`` (sorted): tried there, skipping places inside an
    earlier match as ``finditer`` does (``match`` at a place sees the text before it, for ``\\b``
    and look-behinds)."""
    out: list[re.Match[str]] = []
    pos = 0
    for s in starts:
        if s >= pos:
            m = pattern.match(text, s)
            if m:
                out.append(m)
                pos = m.end()
    return out
