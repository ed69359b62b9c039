"""Whether an event happened, is announced or is hypothetical: ordered, named rules, the first
that answers winning.

- ``hypothetical``: its words state a condition (``indien``, ``mocht``, ``als ... zou``,
  ``er vanuit gaande``);
- ``announced``: it starts after its document's date, or runs from it into the future (not a
  decision valid for that period), or its words are in the future tense or
  name a plan (``zal``, ``zullen``, ``wordt verwacht``, ``a.s.``, ``gepland``);
- ``happened`` otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sahel_analysis.facts.event_cues import cue_in
from sahel_analysis.facts.ordered import first_answer
from sahel_analysis.model import Document

STATUSES = ("happened", "announced", "hypothetical")


@dataclass(frozen=True)
class Told:
    """An event as told: its document, the span of its words, its window."""

    doc: Document
    start: int
    end: int
    window: tuple[dt.date, dt.date]
    event_type: str = ""


def _condition(t: Told) -> str | None:
    return "hypothetical" if cue_in("status_hypothetical", t.doc, t.start, t.end) else None


def _after_document(t: Told) -> str | None:
    window = t.doc.date_window
    return "announced" if window and t.window[0] > window[1] else None


# Types whose window is the period a decision holds for: a decision taken now that runs on is no
# announcement.
_DECISIONS = frozenset({"national_mandate", "un_mandate", "eu_decision", "agreement"})


def _runs_ahead(t: Told) -> str | None:
    """A window from the document's date on into its future (``uiterlijk juli 2024``, ``voor de
    zomer``): the happening can only be announced, unless it is a decision valid for that period."""
    window = t.doc.date_window
    if not window or t.event_type in _DECISIONS:
        return None
    return "announced" if t.window[0] >= window[0] and t.window[1] > window[1] else None


def _future_tense(t: Told) -> str | None:
    return "announced" if cue_in("status_future", t.doc, t.start, t.end) else None


def _default_happened(t: Told) -> str | None:
    return "happened"


STATUS_RULES: tuple[tuple[str, Callable[[Told], str | None]], ...] = (
    ("condition", _condition),
    ("after-document", _after_document),
    ("runs-ahead", _runs_ahead),
    ("future-tense", _future_tense),
    ("default-happened", _default_happened),
)


def event_status(doc: Document, start: int, end: int, window: tuple[dt.date, dt.date],
                 event_type: str = "") -> tuple[str, str]:
    """(status, rule name) of the event of ``event_type`` told in ``doc.text[start:end]`` over ``window``."""
    told = Told(doc, start, end, window, event_type)
    return first_answer(STATUS_RULES, told, default=("happened", "default-happened"))
