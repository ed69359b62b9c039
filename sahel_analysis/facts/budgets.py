"""Budgets: amounts of money (sahel_analysis.numbers.find_money) with funder, recipient, period.

Each field is decided by an ordered list of named rules, the first that answers winning:
amount (here), funder (budget_funder.py), recipient (budget_recipient.py), period
(budget_period.py), per_year and qualifier (here). The words the rules read are data:
vocab/budget_cues.csv (by meaning) and vocab/budget_verbs.csv (verbs with their roles). The
``rule`` column names the rule of each field: ``amount:...; funder:...; recipient:...; period:...;
per_year:...; qualifier:...``.
"""

from __future__ import annotations

from sahel_analysis.facts.budget_funder import each_payer, funder
from sahel_analysis.facts.budget_period import period
from sahel_analysis.facts.budget_recipient import RECIPIENT_KINDS, recipient
from sahel_analysis.facts.budget_site import Rule, Site, decide
from sahel_analysis.facts.budget_vocab import cue_rx
from sahel_analysis.facts.spans import nearest_cue, quote_span, span_numbers
from sahel_analysis.model import Document
from sahel_analysis.numbers import MoneyMatch, currency_hints, find_money, names_currency, plausible_amount
from sahel_analysis.sentences import sentences_at, sentences_of
from sahel_analysis.textchars import lowered
from sahel_analysis.vocab import entities_of

__all__ = ["RECIPIENT_KINDS", "extract", "implausible_amounts"]

DROP = "drop"  # an amount rule's answer where the amount is no row
_IMPLAUSIBLE = "budget_implausible"  # doc.memo key: the amounts dropped as implausible


def _not_positive(m: MoneyMatch) -> str | None:
    return DROP if m.amount <= 0 else None


def _implausible(m: MoneyMatch) -> str | None:
    """Infinite, not a number, or above ``numbers.MAX_AMOUNT``: misread, not a budget."""
    return DROP if not plausible_amount(m.amount) else None


def _side(side: str):  # noqa: ANN202 - a rule
    def rule(m: MoneyMatch) -> float | None:
        return float(m.amount) if m.side == side else None

    return rule


AMOUNT_RULES: list[tuple[str, object]] = [
    ("not-positive", _not_positive),
    ("implausible", _implausible),
    ("number-then-currency", _side("after")),
    ("currency-then-number", _side("before")),
    ("currency-both-sides", _side("both")),
]


def _amount(m: MoneyMatch) -> tuple[float | str | None, str]:
    for name, rule in AMOUNT_RULES:
        found = rule(m)  # type: ignore[operator]
        if found is not None:
            return found, name
    return DROP, "no-currency"


def _per_year_cue(w: Site) -> bool | None:
    """``jaarlijks``, ``per jaar`` in the amount's quote."""
    qs, qe = quote_span(w.text, w.s, w.e, w.start, w.end)
    return True if cue_rx("per_year").search(w.text, qs, qe) else None


PER_YEAR_RULES: list[Rule] = [("cue-per-year", _per_year_cue)]


def _cue(meaning: str):  # noqa: ANN202 - a rule
    def rule(w: Site) -> str | None:
        return meaning if _qualifier_cue(w) == meaning else None

    return rule


def _qualifier_cue(w: Site) -> str:
    """The cue (``max``, ``approx``, else ``exact``) nearest before the amount, after the one before."""
    return nearest_cue(w.text, max(w.after, w.start - 30), w.start)


QUALIFIER_RULES: list[Rule] = [("cue-max", _cue("max")), ("cue-approx", _cue("approx"))]


def _money_sentences(doc: Document) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """The sentences that may name a currency (a currency hint starts in them), in order, each
    with the sentence before it (None for the first)."""
    sents = sentences_of(doc)
    low = lowered(doc)
    if low is None:  # lower case moves characters: every sentence
        idx = range(len(sents))
    else:
        idx = sentences_at(sents, currency_hints(low))
    return [(sents[i], sents[i - 1] if i > 0 else None) for i in idx]


def _row(w: Site, m: MoneyMatch, amount_rule: str) -> dict:
    """The budget row of the amount at ``w``, every field decided by its rules."""
    per_year, per_year_rule = decide(PER_YEAR_RULES, w, (False, "default-one-off"))
    w = w._replace(per_year=per_year)
    (period_start, period_end), period_rule = period(w)
    payer, funder_rule = funder(w)
    receiver, recipient_rule = recipient(w)
    qualifier, qualifier_rule = decide(QUALIFIER_RULES, w, ("exact", "default-exact"))
    qs, qe = quote_span(w.text, w.s, w.e, w.start, w.end)
    return {
        "funder": payer,
        "recipient": receiver,
        "amount": float(m.amount),
        "currency": m.currency,
        "amount_eur": float(m.amount) if m.currency == "EUR" else None,
        "per_year": per_year,
        "period_start": period_start,
        "period_end": period_end,
        "qualifier": qualifier,
        "quote": w.text[qs:qe],
        "start": qs,
        "end": qe,
        "rule": f"amount:{amount_rule}; funder:{funder_rule}; recipient:{recipient_rule}; "
        f"period:{period_rule}; per_year:{per_year_rule}; qualifier:{qualifier_rule}",
    }


def implausible_amounts(doc: Document) -> list[dict]:
    """The amounts :func:`extract` dropped from ``doc`` as implausible (``numbers.plausible_amount``):
    ``start``, ``end`` (in the clean text), ``text`` and ``amount`` of each, for a warning."""
    return list(doc.memo.get(_IMPLAUSIBLE, []))


def _rows(w: Site, m: MoneyMatch, amount_rule: str) -> list[dict]:
    """The row of the amount at ``w``; one per payer where a list of payers each pay it."""
    row = _row(w, m, amount_rule)
    payers = each_payer(w) if row["rule"].split("; ")[1] == "funder:actor-in-clause" else []
    if not payers:
        return [row]
    rule = row["rule"].replace("funder:actor-in-clause", "funder:each-of-list")
    return [{**row, "funder": payer, "rule": rule} for payer in payers]


def extract(doc: Document) -> list[dict]:
    """Budget rows (SCHEMA.md columns plus quote/start/end/rule) of one document. Amounts too large
    to be meant are no rows: :func:`implausible_amounts` lists them."""
    text = doc.text
    ents = entities_of(doc)
    rows: list[dict] = []
    dropped = doc.memo[_IMPLAUSIBLE] = []
    for (s, e), prev in _money_sentences(doc):
        if not names_currency(text[s:e]):
            continue  # the numbers of the sentence are found once, for both tables
        after = s
        for m in find_money(text[s:e], span_numbers(doc, s, e)):
            amount, amount_rule = _amount(m)
            if amount == DROP:
                if amount_rule == "implausible":
                    dropped.append({"start": s + m.start, "end": s + m.end, "text": m.text, "amount": m.amount})
                continue
            w = Site(doc, ents, s, e, s + m.start, s + m.end, prev, after=after)
            rows.extend(_rows(w, m, amount_rule))
            after = w.end
    return rows
