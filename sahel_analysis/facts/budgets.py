"""Budgets: amounts of money (sahel_analysis.numbers.find_money) with funder and recipient.

- funder: a country or demonym (ISO3) or the EU / UN that governs the amount in its
  sentence (``Duitsland kondigde ... aan``, ``Vanuit het ... Europese Ontwikkelingsfonds``);
  ``NLD`` where the sentence names the Dutch government (``Nederland``, ``kabinet``);
- recipient: the mission, fund or programme named after the amount (``aan EUCAP Sahel Niger``),
  else before it, else the countries it is meant for (``voor Mali en Niger`` -> ``MLI; NER``);
- per_year from vocab/budget_cues.csv (``jaarlijks``, ``per jaar``); qualifier and period as
  for contributions.
"""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.facts.contributions import (
    _nearest_cue,
    period_near,
    quote_span,
    span_numbers,
)
from sahel_analysis.model import Document
from sahel_analysis.numbers import currency_hints, find_money, names_currency
from sahel_analysis.sentences import lowered, section_of, sentences_at, sentences_of
from sahel_analysis.vocab import Entities, Entity, cues_by_meaning, entities_of, find_entities

RECIPIENT_KINDS = ("mission", "programme", "fund")
# funds owned by an organisation: money "from" them is paid by that organisation
FUND_OWNER = {"EDF": "EU", "EUTF": "EU", "EPF": "EU", "CERF": "UN"}
_GOVERN = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:levert|leverde|leveren|draagt|droeg|dragen|kondigt|kondigde|stelt|stelde|"
    r"stellen|heeft|hebben|geven|investeren|financieren|betalen|"
    r"zegde|zegt|investeert|investeerde|geeft|gaf|financiert|financierde|betaalt|trekt|"
    r"reserveert|maakt|zal|bijdrage|steun|steunpakket)\b",
    re.IGNORECASE,
)


_OWN_ADJ = re.compile(r"\s+(?:financiële\s+|jaarlijkse\s+)?(?:bijdrage|steun)", re.IGNORECASE)


@cache
def _cues() -> dict[str, list[str]]:
    return cues_by_meaning("budget_cues.csv")


@cache
def _rx(meaning: str, case: bool = False) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(_cues()[meaning], key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w])", 0 if case else re.IGNORECASE)


_FROM_FUND = re.compile(r"\b(?:vanuit|uit)\s+(?:het\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)
_FOR_PLACE = re.compile(r"\b(?:voor|aan|in|van|naar)\s+(?:\w+\s+){0,2}$")
_SOURCE = re.compile(r"\b(?:vanuit|uit)\s+(?:het\s+|de\s+)?(?:\S+\s+){0,3}$", re.IGNORECASE)


def _funder(text: str, ents: Entities, s: int, e: int, pos: int) -> str | None:
    orgs = set(_cues()["org_funder"])
    cands = [x for x in ents.between(s, e) if (x.iso3 and x.kind != "place") or x.canonical in orgs]
    for x in cands:  # a country / organisation that acts in the sentence
        rx = _OWN_ADJ if x.kind == "demonym" else _GOVERN
        if x.end <= pos and rx.match(text, x.end):
            return x.iso3 or x.canonical
    for x in ents.between(s, e):  # money drawn from an organisation's fund
        if x.canonical in FUND_OWNER and _FROM_FUND.search(text[max(s, x.start - 40) : x.start]):
            return FUND_OWNER[x.canonical]
    if _rx("own", case=True).search(text, s, e):
        return "NLD"
    return None


def _recipient(
    doc: Document, ents: Entities, s: int, e: int, start: int, end: int
) -> str | None:
    text = doc.text
    named = [
        x for x in ents.between(s, e)
        if x.kind in RECIPIENT_KINDS and not _is_source(text, s, x)
    ]
    after = [x for x in named if x.start >= end]
    if after:
        return after[0].canonical
    if named:
        return named[-1].canonical
    places = []
    for x in ents.between(s, e):
        if x.kind == "country" and x.iso3 and x.iso3 not in places:
            if _FOR_PLACE.search(text[max(s, x.start - 30) : x.start]):
                places.append(x.iso3)
    if places:
        return "; ".join(places)
    heading = section_of(text, s)  # "Deze steun ...": the section's subject is the recipient
    topic = [x for x in find_entities(heading) if x.kind in RECIPIENT_KINDS] if heading else []
    if topic:
        return topic[0].canonical
    line_start = max(text.rfind("\n", 0, s) + 1, s - 1500)  # same paragraph, within reach
    before = [x for x in ents.between(line_start, s) if x.kind in RECIPIENT_KINDS]
    return before[-1].canonical if before else None


def _is_source(text: str, s: int, x: Entity) -> bool:
    """A fund the money comes from (``vanuit het ... fonds``), not one it goes to."""
    before = text[max(s, x.start - 40) : x.start]
    return bool(_SOURCE.search(before))


def _money_sentences(doc: Document) -> list[tuple[int, int]]:
    """The sentences that may name a currency (a currency hint starts in them), in order."""
    sents = sentences_of(doc)
    low = lowered(doc)
    if low is None:  # lower case moves characters: every sentence
        return sents
    return [sents[i] for i in sentences_at(sents, currency_hints(low))]


def extract(doc: Document) -> list[dict]:
    """Budget rows (SCHEMA.md columns plus quote/start/end/rule) of one document."""
    text = doc.text
    ents = entities_of(doc)
    rows: list[dict] = []
    for s, e in _money_sentences(doc):
        chunk = text[s:e]
        if not names_currency(chunk):
            continue  # the numbers of the sentence are found once, for both tables
        prev_end = s
        for m in find_money(chunk, span_numbers(doc, s, e)):
            start, end = s + m.start, s + m.end
            if m.amount <= 0:
                continue
            qs, qe = quote_span(text, s, e, start, end)
            period_start, period_end = period_near(doc, s, e, start, end)
            rows.append({
                "funder": _funder(text, ents, s, e, start),
                "recipient": _recipient(doc, ents, s, e, start, end),
                "amount": float(m.amount),
                "currency": m.currency,
                "amount_eur": float(m.amount) if m.currency == "EUR" else None,
                "per_year": bool(_rx("per_year").search(text, qs, qe)),
                "period_start": period_start,
                "period_end": period_end,
                "qualifier": _nearest_cue(text, max(prev_end, start - 30), start),
                "quote": text[qs:qe],
                "start": qs,
                "end": qe,
                "rule": "money-in-sentence",
            })
            prev_end = end
    return rows
