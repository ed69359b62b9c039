"""One id for one happening: the event rows of a build that report the same happening, from
different sentences or documents, share an ``event_id``.

Two rows report the same happening where they have the same type and country, their windows
overlap, and they share an actor or one of them names none. A window longer than a month (a
year, a period) joins only rows with the very same window, so that one coarse row does not glue
every happening of its year together. Rows joined through others share the id too; the id is a
hash of the group's earliest row, so it does not depend on the order the files were read in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

_MAX_JOINING_DAYS = 31


def _window(row: dict) -> tuple[dt.date, dt.date] | None:
    try:
        start = dt.date.fromisoformat(str(row["date_start"]))
        end = dt.date.fromisoformat(str(row.get("date_end") or row["date_start"]))
    except (KeyError, ValueError):
        return None
    return start, end


def _actors(row: dict) -> frozenset[str]:
    return frozenset(a for a in str(row.get("actors") or "").split("; ") if a)


def _same_happening(a: tuple[dt.date, dt.date, frozenset[str]], b: tuple[dt.date, dt.date, frozenset[str]]) -> bool:
    (s1, e1, act1), (s2, e2, act2) = a, b
    if not (s1 <= e2 and s2 <= e1):
        return False
    coarse = (e1 - s1).days >= _MAX_JOINING_DAYS or (e2 - s2).days >= _MAX_JOINING_DAYS
    if coarse and (s1, e1) != (s2, e2):
        return False
    return not act1 or not act2 or bool(act1 & act2)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _group(members: list[tuple[int, tuple[dt.date, dt.date, frozenset[str]]]], parent: list[int]) -> None:
    """Join the members (row index, window and actors) of one type and country, by a sweep over
    their start days."""
    members.sort(key=lambda m: (m[1][0], m[1][1]))
    active: list[tuple[int, tuple[dt.date, dt.date, frozenset[str]]]] = []
    for i, told in members:
        active = [(j, other) for j, other in active if other[1] >= told[0]]
        for j, other in active:
            if _same_happening(told, other):
                parent[_find(parent, i)] = _find(parent, j)
        active.append((i, told))


def _sort_key(row: dict) -> tuple[str, ...]:
    return (str(row.get("date_start")), str(row.get("date_end")), str(row.get("file")),
            str(row.get("part")), str(row.get("start")))


def assign_event_ids(rows: list[dict]) -> list[dict]:
    """``rows`` (event rows of a whole build), each with an ``event_id`` (see the module docstring)."""
    parent = list(range(len(rows)))
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for i, row in enumerate(rows):
        window = _window(row)
        if window is not None:
            key = (str(row.get("event_type") or ""), str(row.get("country") or ""))
            groups[key].append((i, (*window, _actors(row))))
    for members in groups.values():
        _group(members, parent)
    first: dict[int, int] = {}
    for i in range(len(rows)):
        root = _find(parent, i)
        if root not in first or _sort_key(rows[i]) < _sort_key(rows[first[root]]):
            first[root] = i
    for i, row in enumerate(rows):
        head = rows[first[_find(parent, i)]]
        key = "|".join((str(head.get("event_type")), str(head.get("country")), *_sort_key(head)))
        row["event_id"] = "h-" + hashlib.sha1(key.encode()).hexdigest()[:10]
    return rows
