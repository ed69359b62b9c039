"""The type of an event: ordered, named rules, the first that answers winning.

The spans around a date are tried narrow to wide (the words around the date, the noun a relative
clause is about, the clause, the sentence); in each, the type whose trigger words of
vocab/events.csv weigh most, where they weigh enough, types the event. A decision found by its
date rule and typed by no trigger is a national mandate decision; failing all, ``other``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from sahel_analysis.facts.event_triggers import triggers

EVENT_TYPES = (
    "coup", "attack", "national_mandate", "un_mandate", "eu_decision", "withdrawal", "handover",
    "agreement", "election", "diplomatic", "exercise", "other",
)  # fmt: skip

MIN_TYPE_SCORE = 2.0
_TYPE_ORDER = {t: i for i, t in enumerate(EVENT_TYPES)}
DECISION_RULES = frozenset({"decision-until", "dateless-decision"})

Hit = tuple[int, int, int]  # start, end, row of vocab/events.csv
NamedSpan = tuple[str, tuple[int, int]]  # the span's name (segment, clause, ...) and its bounds


def scored_type(hits: list[Hit], span: tuple[int, int]) -> tuple[str, float]:
    """The type whose triggers inside ``span`` weigh most (ties: the order of EVENT_TYPES) and
    its weight; ("other", 0.0) where there is none. Each trigger row counts once. ``hits`` are in
    order (:func:`~sahel_analysis.facts.event_triggers.trigger_hits`)."""
    s, e = span
    kinds = triggers()[2]
    scores: dict[str, float] = {}
    inside = hits[bisect.bisect_left(hits, (s,)) : bisect.bisect_left(hits, (e + 1,))]  # hits are sorted
    for row in {i for _hs, he, i in inside if he <= e}:
        etype, weight = kinds[row]
        scores[etype] = scores.get(etype, 0.0) + weight
    if not scores:
        return "other", 0.0
    return max(scores.items(), key=lambda kv: (kv[1], -_TYPE_ORDER.get(kv[0], 99)))


def _by_triggers(hits: list[Hit], spans: Sequence[NamedSpan], happening: str) -> tuple[str, str] | None:
    """The best type of the first span (narrow to wide) whose triggers weigh enough; a decision
    that triggers call ``other`` (a swearing-in decided) is left to the decision rule."""
    for name, span in spans:
        etype, score = scored_type(hits, span)
        if score >= MIN_TYPE_SCORE:
            return None if etype == "other" and happening in DECISION_RULES else (etype, f"trigger-{name}")
    return None


def _decision_default(hits: list[Hit], spans: Sequence[NamedSpan], happening: str) -> tuple[str, str] | None:
    """A decision with an end date, or a dateless one, that no trigger types: a national mandate."""
    return ("national_mandate", "decision-default") if happening in DECISION_RULES else None


def _default_other(hits: list[Hit], spans: Sequence[NamedSpan], happening: str) -> tuple[str, str] | None:
    return "other", "default-other"


TYPE_RULES: tuple[Callable[[list[Hit], Sequence[NamedSpan], str], tuple[str, str] | None], ...] = (
    _by_triggers, _decision_default, _default_other,
)


def event_type(hits: list[Hit], spans: Sequence[NamedSpan], happening: str) -> tuple[str, str]:
    """(type, rule name) of an event whose happening rule is ``happening``, from the trigger
    ``hits`` of its sentence and its named ``spans`` (narrow to wide)."""
    for rule in TYPE_RULES:
        found = rule(hits, spans, happening)
        if found is not None:
            return found
    raise AssertionError("the last type rule always answers")
