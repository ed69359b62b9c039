"""The named cue patterns of the event rules (vocab/events_cues.csv), compiled once each."""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.vocab import read_csv


@cache
def _rows() -> dict[str, dict[str, str]]:
    return {r["name"]: r for r in read_csv("events_cues.csv")}


@cache
def cue(name: str) -> re.Pattern[str]:
    """The pattern named ``name`` in vocab/events_cues.csv (flag ``i``: case-insensitive)."""
    row = _rows()[name]
    return re.compile(row["pattern"], re.IGNORECASE if "i" in row["flags"] else 0)
