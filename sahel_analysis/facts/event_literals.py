"""The letters every match of a regular expression must hold, read off its top level: a cheap
prefilter that tells where a trigger pattern of vocab/events.csv cannot match.

Only a small, safe reading of the pattern's syntax: where in doubt an atom counts as no letter,
so the literal found may be shorter than the longest one required, never wrong."""

from __future__ import annotations

_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -")
_QUANTIFIERS = "?*+{"
_ESCAPED_LITERALS = frozenset(" -.,;:/()[]{}?*+|^$\\'\"")
_BREAK = ""  # an atom that is no required plain character


def _class_end(p: str, i: int) -> int:
    """The position after the character class that opens at ``p[i]`` (``[``)."""
    i += 1
    if p[i : i + 1] == "^":
        i += 1
    if p[i : i + 1] == "]":
        i += 1
    while i < len(p) and p[i] != "]":
        i += 2 if p[i] == "\\" else 1
    return i + 1


def _group_end(p: str, i: int) -> int:
    """The position after the group that opens at ``p[i]`` (``(``)."""
    depth = 0
    while i < len(p):
        c = p[i]
        if c == "[":
            i = _class_end(p, i)
            continue
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        i += 1
        if depth == 0:
            return i
    return i


def alternatives(p: str) -> list[str]:
    """``p`` split at its top-level ``|``."""
    parts, depth, i, start = [], 0, 0, 0
    while i < len(p):
        c = p[i]
        if c in "[\\":
            i = _class_end(p, i) if c == "[" else i + 2
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append(p[start:i])
            start = i + 1
        i += 1
    parts.append(p[start:])
    return parts


def _leading(atoms: list[str | None]) -> list[str]:
    out = []
    for a in atoms:
        if not a:
            break
        out.append(a)
    return out


def _group_atoms(inner: str) -> list[str | None]:
    """The atoms a non-capturing group (or a case-insensitive one, ``(?i:...)``) adds to the level
    around it: all of its one alternative,
    or the characters all its alternatives start with (as ``re`` factors them out); else none."""
    if inner.startswith("?:"):
        body = inner[2:]
    elif inner.startswith("?i:"):  # case-insensitive: its letters are still required (lower-cased)
        body = inner[3:]
    else:
        return [_BREAK]
    alts = [_atoms(a) for a in alternatives(body)]
    if any(a is None for a in alts):
        return [_BREAK]
    if len(alts) == 1:
        return alts[0] or [_BREAK]
    common = []
    for chars in zip(*map(_leading, alts), strict=False):
        if len(set(chars)) > 1:
            break
        common.append(chars[0])
    return [*common, _BREAK]


def _quantifier_end(p: str, i: int) -> int:
    end = p.find("}", i) + 1 if p[i] == "{" else i + 1
    end = end or len(p)
    return end + 1 if p[end : end + 1] in ("?", "+") and end < len(p) else end


def _atoms(p: str) -> list[str | None] | None:
    """One item per top-level atom of ``p``: its character where it is one plain character that
    every match holds, else "" or None; None for the whole where ``p`` has a top-level ``|``."""
    out: list[str | None] = []
    i = 0
    while i < len(p):
        c = p[i]
        if c == "|":
            return None
        if c == "(":
            end = _group_end(p, i)
            out += [_BREAK] if p[end : end + 1] and p[end] in _QUANTIFIERS else _group_atoms(p[i + 1 : end - 1])
            i = end
        elif c == "[":
            out.append(_BREAK)
            i = _class_end(p, i)
        elif c == "\\":
            nxt = p[i + 1 : i + 2]
            out.append(nxt if nxt in _ESCAPED_LITERALS else _BREAK)
            i += 2
        elif c in _QUANTIFIERS:
            if out:
                out[-1] = None  # the atom before a quantifier may be absent or repeated
            out.append(_BREAK)
            i = _quantifier_end(p, i)
        else:
            out.append(_BREAK if c in ".^$" else c)
            i += 1
    return out


def required_literal(pattern: str) -> str:
    """The longest run of plain characters (ASCII letters, digits, space, ``-``; lower-cased)
    that every match of ``pattern`` holds, read off its top level; "" where there is none of two
    characters or more. Under ``re.I`` such a character matches only characters whose
    ``lower()`` is it, but for dotless i, dotted capital I and long s."""
    atoms = _atoms(pattern)
    best = run = ""
    for a in atoms or ():
        ch = a.lower() if a else ""
        run = run + ch if ch and ch in _PLAIN else ""
        best = max(best, run, key=len)
    return best if len(best) >= 2 else ""
