"""How a contribution's field is decided: an ordered list of small named rules, tried in order, the
first that answers winning (as price-parser's extraction methods). A rule takes the :class:`Figure`
and returns the field's value, or None to pass; its name goes into the row's ``rule`` column
(``field:rule-name; ...``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sahel_analysis.model import Document
from sahel_analysis.numbers import NumberMatch
from sahel_analysis.vocab import Entities


@dataclass
class Figure:
    """One count of people in sentence ``[s, e)`` of ``doc`` and what the rules decided on it so far."""

    doc: Document
    ents: Entities
    s: int
    e: int
    n: NumberMatch  # the number, with positions in the document's text
    noun_end: int  # end of its noun phrase
    label: str  # the personnel noun's label
    count_rule: str
    prev_end: int  # end of the previous figure of the sentence (else the sentence start)
    next_start: int  # start of the next figure of the sentence (else the sentence end)
    others: list = field(default_factory=list)  # the sentence's other figures: (number, noun end, label, rule)
    mission: str | None = None
    named: str | None = None  # the mission's own name where ``mission`` is ``other``
    contributor: str = "NLD"
    qualifier: str = "exact"
    qualifier_rule: str = ""
    period_start: str | None = None
    period_end: str | None = None
    context_kind: str | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def cs(self) -> int:
        """Start of the clause (after the last ``,;:(`` of the sentence) that holds the number."""
        text, s = self.doc.text, self.s
        cs = max(text.rfind(c, s, self.n.start) for c in ",;:(")
        return cs + 1 if cs >= s else s
