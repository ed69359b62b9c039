"""Who receives an amount: an ordered list of named rules, the first that answers wins.

The subject of a receiving verb (``Het WFP ontvangt``, ``het programma van UNICEF ... krijgt``);
what a share is in (``het aandeel in de EPF-...``); the mission, fund or programme named after the
amount (``aan EUCAP Sahel Niger``), or an
organisation the money goes to (``aan UNODC``, ``het ... programma van UNODC``), else one named
before it (a fund the money comes from or goes through is no recipient); a mission family named
alone (``EUCAP``: the family's missions the document names); what the amount's clause points back
to (``het Nederlandse aandeel daarin``); a name the vocabulary does not know, the object of the
money; the countries and regions it is meant for (``voor Mali en Niger`` -> ``MLI; NER``); the
subject of the section heading; the last mission or fund named before it in the same paragraph --
only in the previous sentence where the amount's clause says itself where the money goes
(``geïnvesteerd in ...``, ``tbv ...``); else the mission or programme the document is about
(its title's, else the first the text names), where the clause states no destination.
"""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.facts.budget_site import Rule, Site, decide, in_brackets, paragraph_start, points_back
from sahel_analysis.facts.budget_vocab import (
    acronym_after,
    alternation,
    before_end,
    cue_rx,
    destination_rx,
    joiner_rx,
    name_after,
    noun_of_owner,
    object_head,
    receiving_verb_rx,
    regions,
    state_body_rx,
    verb_after_subject,
    verb_before_subject,
)
from sahel_analysis.facts.spans import clause_bounds
from sahel_analysis.sentences import section_of
from sahel_analysis.vocab import Entities, Entity, find_entities, read_csv

RECIPIENT_KINDS = ("mission", "programme", "fund")
_ACRONYM = re.compile(r"(?<![\w\-])[A-Z][A-Z0-9]{3,}(?![\w\-])")
_CURRENCY_CODES = ("EUR", "USD")
_REACH = 1500  # characters before the sentence searched for the paragraph's mission


def is_source(text: str, s: int, x: Entity) -> bool:
    """A fund the money comes from (``vanuit het ... fonds``), is routed through (``via de EPF``) or
    pays a measure named after it (``EPF-steunmaatregel``), not one it goes to."""
    if x.kind == "fund" and text[x.end : x.end + 1] == "-":
        return True
    before = text[max(s, x.start - 40) : x.start]
    return bool(before_end("source", gap=r"(?:\S+\s+){0,3}").search(before)
                or (x.kind == "fund" and before_end("channel", gap=r"(?:\S+\s+){0,2}").search(before)))


def _names_recipient(text: str, s: int, x: Entity, end: int) -> bool:
    """Is ``x`` a mission/fund/programme the money goes to, or an organisation it is paid to?"""
    if x.kind in RECIPIENT_KINDS:
        return not is_source(text, s, x)
    if x.kind not in ("org", "armed_group") or x.start < end or text[x.end : x.end + 1] == "-":
        return False  # "het EU-Noodtrustfonds": a name's first part
    before = text[max(s, x.start - 60) : x.start]
    return bool(before_end("to_org").search(before) or noun_of_owner("programme_noun", True).search(before))


def _named(w: Site) -> list[Entity]:
    """The recipients the sentence names (see :func:`_names_recipient`), sources left out."""
    text, s = w.text, w.s
    found = w.ents.between(s, w.e)
    sources = {x.canonical for x in found if x.kind in RECIPIENT_KINDS and is_source(text, s, x)}
    return [x for x in found if x.canonical not in sources and _names_recipient(text, s, x, w.end)]


_RECEIVER_KINDS = (*RECIPIENT_KINDS, "org", "armed_group", "country", "place")


def _receiver_subject(w: Site) -> str | None:
    """``Het WFP ontvangt ...``, ``krijgt UNICEF ...``: the subject of a receiving verb before the
    amount in its clause."""
    text, pos = w.text, w.start
    for x in w.ents.between(w.s, pos):
        if x.kind not in _RECEIVER_KINDS or x.end > pos or ";" in text[x.end : pos]:
            continue
        if verb_after_subject(receiving=True).match(text, x.end) or verb_before_subject(receiving=True).search(
            text, max(w.s, x.start - 24), x.start
        ):
            return _receiver(x)
    return _nearest_receiver(w)


def _receiver(x: Entity) -> str:
    return x.iso3 if x.kind in ("country", "place") and x.iso3 else x.canonical


def _nearest_receiver(w: Site) -> str | None:
    """``het programma van UNICEF tegen ... krijgt ...``: the name nearest before a receiving verb
    that stands before the amount in its clause (no comma between)."""
    text = w.text
    cs, _ = clause_bounds(text, w.s, w.e, w.start, w.end)
    verb = receiving_verb_rx().search(text, cs, w.start)
    if verb is None:
        return None
    before = [x for x in w.ents.between(max(cs, verb.start() - 80), verb.start()) if x.kind in _RECEIVER_KINDS]
    return _receiver(before[-1]) if before and "," not in text[before[-1].end : verb.start()] else None


@cache
def _share_in_rx() -> re.Pattern[str]:
    """``aandeel in (het)`` right before a name: a share in a fund or mission."""
    art = alternation("article")
    return re.compile(rf"(?<![\w\-])(?:{alternation('own_share_noun')})\s+in\s+(?:(?:{art})\s+)?$", re.IGNORECASE)


def _share_in(w: Site) -> str | None:
    """``het Nederlandse aandeel in de EPF-steunmaatregel ...: EUR 3 mln``: the fund or mission the
    share is in (not for an amount in brackets, which sizes the whole)."""
    if in_brackets(w.text, w.s, w.start) is not None:
        return None
    for x in w.ents.between(w.s, w.start):
        if x.kind in RECIPIENT_KINDS and _share_in_rx().search(w.text, max(w.s, x.start - 30), x.start):
            return x.canonical
    return None


def _named_after(w: Site) -> str | None:
    after = [x for x in _named(w) if x.start >= w.end]
    return after[0].canonical if after else None


def _named_before(w: Site) -> str | None:
    named = _named(w)
    return named[-1].canonical if named else None


@cache
def _families() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, ...]]]:
    """Acronyms that open the names of several missions without naming one (``EUCAP`` of
    ``EUCAP Sahel Mali`` and ``EUCAP Sahel Niger``), as one pattern, and acronym -> missions."""
    rows = [r for r in read_csv("missions.csv") if r["kind"] == "mission"]
    aliases = {r["alias"] for r in rows}
    out: dict[str, set[str]] = {}
    for r in rows:
        head = r["canonical"].split()[0]
        if head != r["canonical"] and head.isupper() and len(head) > 2 and head not in aliases:
            out.setdefault(head, set()).add(r["canonical"])
    fams = {k: tuple(sorted(v)) for k, v in out.items() if len(v) > 1}
    rx = None
    if fams:
        alts = "|".join(re.escape(k) for k in sorted(fams, key=len, reverse=True))
        rx = re.compile(rf"(?<![\w\-])(?:{alts})(?![\w\-])")
    return rx, fams


def _family_members(w: Site) -> str | None:
    """``Personele inzet EUCAP ...``: the missions of that family the document names (``EUCAP
    Sahel Mali; EUCAP Sahel Niger``), where the sentence names the family alone."""
    rx, fams = _families()
    m = rx.search(w.text, w.s, w.e) if rx is not None else None
    if m is None or any(x.start <= m.start() < x.end for x in w.ents.between(w.s, w.e)):
        return None
    named = {x.canonical for x in w.ents.between(0, len(w.text))}
    members = [c for c in fams[m.group(0)] if c in named]
    return "; ".join(members) if members else None


def _referred(w: Site) -> str | None:
    """``het Nederlandse aandeel daarin``, ``stellen hiervoor ... beschikbaar``: the mission, fund or
    programme that the amount's clause points back to, named earlier in the sentence (a fund it
    comes from counts: the share is in that fund) or else in the previous sentence."""
    text, s, prev = w.text, w.s, w.prev
    cs, _ = clause_bounds(text, s, w.e, w.start, w.end)
    if not points_back(text, cs, w.start):
        return None
    earlier = [x for x in w.ents.between(s, cs) if x.kind in RECIPIENT_KINDS]
    if earlier:
        return earlier[-1].canonical
    if prev is None or "\n" in text[prev[1] : s]:
        return None
    named = [x for x in w.ents.between(*prev) if x.kind in RECIPIENT_KINDS and not is_source(text, prev[0], x)]
    if named:
        return named[-1].canonical
    found = places(text, w.ents.between(*prev), *prev)  # "... via de Nigerese overheid. Het gaat om ..."
    return "; ".join(found) if found else None


def _unknown_name(w: Site) -> str | None:
    """An organisation that the vocabulary does not know, named as the object of the money in the
    amount's clause right after it: a multi-word name after ``voor``/``aan``, or an acronym that
    closes a noun phrase opened by ``het``/``de`` (not a currency, nor a known entity)."""
    text, end = w.text, w.end
    _, ce = clause_bounds(text, w.s, w.e, end, end)
    known = [(x.start, x.end) for x in w.ents.between(w.s, w.e)]
    m = name_after().match(text, end, ce)
    if m and not any(x <= m.start(1) and m.end(1) <= y for x, y in known):  # more than a known name
        short = acronym_after().match(text, m.end(1))  # "Dutch Relief Alliance (DRA)": its acronym
        return short.group(1) if short else m.group(1)
    head = object_head().match(text[end:ce])
    if head is None:
        return None
    for a in _ACRONYM.finditer(text, end + head.end(), min(ce, end + head.end() + 80)):
        free = not any(x < a.end() and a.start() < y for x, y in known)
        word = a.group(0)
        if free and not cue_rx("own", case=True).fullmatch(word) and word not in _CURRENCY_CODES:
            return word
        break
    return None


def places(text: str, in_sentence: list[Entity], s: int, e: int) -> list[str]:
    """Countries (ISO3) and regions the money is for: after ``voor``/``aan``/``in``/``van``, or
    joined by ``en``/``,`` to one listed already (``van Mali en de Sahel``)."""
    taken = [(x.start, x.end) for x in in_sentence]
    rx, names = regions()
    found = [(x.start, x.end, x.iso3) for x in in_sentence if x.kind in ("country", "place") and x.iso3]
    found += [(x.start, x.end, x.iso3) for x in in_sentence  # "aan Nigerese strijdkrachten"
              if x.kind == "demonym" and x.iso3 and x.iso3 != "NLD" and state_body_rx().match(text, x.end)]
    for m in rx.finditer(text, s, e):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append((m.start(), m.end(), names[m.group(0).lower()]))
    for_place = before_end("place_for", article="", gap=r"(?:\w+\s+){0,2}", case=True)
    join = joiner_rx()
    out: list[str] = []
    last_end = -1
    for a, b, name in sorted(found):
        joined = bool(out) and bool(join.fullmatch(text, last_end, a))
        if joined or for_place.search(text[max(s, a - 30) : a]):
            if name not in out:
                out.append(name)
            last_end = b
    return out


def _places(w: Site) -> str | None:
    found = places(w.text, w.ents.between(w.s, w.e), w.s, w.e)
    return "; ".join(found) if found else None


def _heading_topic(w: Site) -> str | None:
    """``Deze steun ...``: the subject of the section heading is the recipient."""
    heading = section_of(w.text, w.s)
    topic = [x for x in find_entities(heading) if x.kind in RECIPIENT_KINDS] if heading else []
    return topic[0].canonical if topic else None


def _states_destination(w: Site) -> bool:
    """Does the amount's clause say after it where the money goes (``in ...``, ``tbv ...``)?"""
    _, ce = clause_bounds(w.text, w.s, w.e, w.end, w.end)
    return bool(destination_rx().search(w.text, w.end, ce))


def _last_named(ents: Entities, lo: int, hi: int) -> str | None:
    before = [x for x in ents.between(lo, hi) if x.kind in RECIPIENT_KINDS]
    return before[-1].canonical if before else None


def _line_start(w: Site) -> int:
    return max(paragraph_start(w.text, w.s), w.s - _REACH)  # same paragraph, within reach


def _previous_sentence_mission(w: Site) -> str | None:
    """Where the clause says itself where the money goes: the last mission or fund of the previous
    sentence of the same paragraph."""
    if not _states_destination(w):
        return None
    line_start = _line_start(w)
    if w.prev is None or w.prev[1] <= line_start:
        return None
    return _last_named(w.ents, max(line_start, w.prev[0]), w.s)


def _paragraph_mission(w: Site) -> str | None:
    """The last mission or fund named before the amount in its paragraph."""
    if _states_destination(w):
        return None
    return _last_named(w.ents, _line_start(w), w.s)


def _document_topic(w: Site) -> str | None:
    """The mission, programme or fund the document is about, where the amount's clause does not
    say where the money goes: the first its title names, else the first its text names (not a
    fund money comes from or goes through)."""
    if _states_destination(w):
        return None
    for x in find_entities(w.doc.title or ""):
        if x.kind in RECIPIENT_KINDS:
            return x.canonical
    for x in w.ents:
        if x.kind in RECIPIENT_KINDS and not is_source(w.text, max(0, x.start - 40), x):
            return x.canonical
    return None


RULES: list[Rule] = [
    ("receiver-subject", _receiver_subject),
    ("share-in", _share_in),
    ("named-after-amount", _named_after),
    ("named-before-amount", _named_before),
    ("mission-family", _family_members),
    ("clause-points-back", _referred),
    ("unknown-name-object", _unknown_name),
    ("places-for", _places),
    ("section-heading", _heading_topic),
    ("previous-sentence-mission", _previous_sentence_mission),
    ("paragraph-mission", _paragraph_mission),
    ("document-topic", _document_topic),
]


def recipient(w: Site) -> tuple[str | None, str]:
    """The recipient of the amount at ``w`` and the name of the rule that decided it."""
    return decide(RULES, w, (None, "none-named"))

