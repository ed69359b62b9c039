"""The non-ASCII characters of a text, and a character-for-character mapping of a text that is
mostly ASCII, both without a Python step or a regex attempt per character.

Published Dutch text is mostly ASCII with a few kinds of other characters (``ë``, ``é``, ``’``,
``–``, ``«``). A regex over every character or ``str.translate`` with a dict costs tens to hundreds
of instructions per character; the functions here cost a few, so the date scan and the gazetteer,
which run on every document, do not pay per character for the rare ones.
"""

from __future__ import annotations

from collections.abc import Callable

_ASCII_BYTES = bytes(range(128))

# Control characters that can stand in for a character while the rest of a text is lower-cased
# (any that the text itself holds are skipped).
_SPARE = tuple(chr(code) for code in (*range(1, 9), *range(14, 28)))


def non_ascii(text: str) -> frozenset[str]:
    """The distinct characters of ``text`` outside ASCII (lone surrogates included)."""
    if text.isascii():
        return frozenset()
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return frozenset(rest.decode("utf-8", "surrogatepass"))


def lower_mapped(text: str, one: Callable[[str], str]) -> str | None:
    """``text`` with its ASCII characters lower-cased and each other character ``c`` replaced by
    ``one(c)``; None where some ``one(c)`` is not exactly one character, or where the text holds
    too many kinds of characters that map outside ASCII (the caller then maps it another way)."""
    if text.isascii():
        return text.lower()
    mapped = {c: one(c) for c in non_ascii(text)}
    if any(len(m) != 1 for m in mapped.values()):
        return None
    taken = set(mapped.values())
    spare = iter(s for s in _SPARE if s not in taken and s not in text)
    out = text
    later: list[tuple[str, str]] = []  # (stand-in, character) for results outside ASCII
    for c, m in mapped.items():
        if m.isascii() and not m.isupper():
            out = out.replace(c, m)
            continue
        stand_in = next(spare, None)
        if stand_in is None:
            return None
        out = out.replace(c, stand_in)
        later.append((stand_in, m))
    out = out.lower()  # ASCII only now: upper-case letters become lower case, nothing else moves
    for stand_in, m in later:
        out = out.replace(stand_in, m)
    return out


def lowered(doc) -> str | None:  # noqa: ANN001 - a model.Document (no import cycle)
    """The document's text in lower case where that keeps every character in place, else None
    (made once, kept in ``doc.memo``)."""
    if "lowered" not in doc.memo:
        low = doc.text.lower()
        doc.memo["lowered"] = low if len(low) == len(doc.text) else None
    return doc.memo["lowered"]


def casefolded(doc) -> str:  # noqa: ANN001 - a model.Document
    """``doc.text.casefold()``; the document's :func:`lowered` text where that is the same, so a
    document is lower-cased once. Case folding maps each character on its own, and so does lower
    case but for a capital sigma (its lower case depends on the letters around it): where every
    character outside ASCII folds as it lowers and none is a capital sigma, the two agree."""
    low = lowered(doc)
    if low is not None:
        odd = non_ascii(doc.text)
        if "\u03a3" not in odd and all(c.casefold() == c.lower() for c in odd):
            return low
    return doc.text.casefold()
