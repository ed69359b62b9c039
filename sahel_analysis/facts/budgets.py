"""Budgets: amounts of money (sahel_analysis.numbers.find_money) with funder and recipient.

Cue words are in vocab/budget_cues.csv (by meaning). Per amount, in this order:

- funder: a country or demonym (ISO3) or the EU / UN that governs the amount in its
  sentence (``Duitsland kondigde ... aan``, ``Vanuit het ... Europese Ontwikkelingsfonds``),
  or that is the agent of a passive (``door Duitsland``); the owner of a fund the money comes
  from, also where the sentence opens with a word pointing back to the previous sentence's fund
  (``... aan het CERF van de VN. Hieruit werd ...`` -> ``UN``); ``NLD`` where the sentence names
  the Dutch government (``Nederland``, ``kabinet``), or where it states a contribution in the
  passive (``wordt een financiële bijdrage ... aangekondigd``) and no other country or
  organisation stands in it as a possible payer (one after ``aan``/``voor``/``tbv`` ... is a
  beneficiary): the documents are the Dutch government's own;
- recipient: the mission, fund or programme named after the amount (``aan EUCAP Sahel Niger``),
  or an organisation the money goes to (``aan UNODC``, ``het ... programma van UNODC``), else one
  named before it, else the countries and regions it is meant for (``voor Mali en Niger`` ->
  ``MLI; NER``, ``van Mali en de Sahel`` -> ``MLI; Sahel``: a place joined by ``en``/``,`` to a
  listed one joins the list), else the subject of the section heading, else the last mission or
  fund named before it in the same paragraph -- only in the previous sentence where the amount's
  clause says itself where the money goes (``geïnvesteerd in ...``, ``tbv ...``);
- per_year from the cues (``jaarlijks``, ``per jaar``); qualifier and period as for
  contributions, except: a vague moment tied to the letter's date (``eerder dit jaar``) dates an
  announcement, not the money, and gives no period; a period that starts in the past
  (``sinds 2016 ... geïnvesteerd``) of a one-off amount runs to the document's date; a yearly
  amount without a period in a sentence that opens by pointing back (``Deze steun bestaat uit
  een jaarlijkse ...``) takes the bounds (``tot en met``, ``sinds``, a range; not a single
  point, which dates a decision) of the previous sentence in the same paragraph.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from sahel_analysis.facts.spans import (
    clause_bounds,
    nearest_cue,
    period_near,
    quote_span,
    sentence_dates,
    span_numbers,
)
from sahel_analysis.model import Document
from sahel_analysis.numbers import currency_hints, find_money, names_currency
from sahel_analysis.sentences import lowered, section_of, sentences_at, sentences_of
from sahel_analysis.vocab import Entities, Entity, cues_by_meaning, entities_of, find_entities, read_csv

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


_OWN_ADJ = re.compile(r"\s+(?:financiële\s+|jaarlijkse\s+)?(?:bijdrage|steun|aandeel)", re.IGNORECASE)
# a finite verb right before its subject (``heeft de EU``, ``levert Nederland``)
_INVERTED = re.compile(
    r"\b(?:heeft|hebben|had|hadden|levert|leverde|leveren|draagt|droeg|dragen|stelt|stelde|stellen|"
    r"zegt|zegde|geeft|gaf|financiert|financierde|betaalt|betaalde|investeert|investeerde|reserveert|"
    r"reserveerde|trekt|trok|maakt|maakte|kondigt|kondigde|zal|zullen)\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(r"\b(?:in|aan|voor|naar|bij|met|tbv)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_AGENT = re.compile(r"\bdoor\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_LEAD = re.compile(r"[\s\-–•*]*")
_BULLET = re.compile(r"\s*[\-–•*]")


@cache
def _cues() -> dict[str, list[str]]:
    return cues_by_meaning("budget_cues.csv")


@cache
def _rx(meaning: str, case: bool = False) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(_cues()[meaning], key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w])", 0 if case else re.IGNORECASE)


@cache
def _regions() -> tuple[re.Pattern[str], dict[str, str]]:
    """Region names (``region:<canonical>`` cues) as one pattern, and lower-cased alias -> canonical."""
    names = {cue.lower(): m.split(":", 1)[1] for m, cues in _cues().items() if m.startswith("region:")
             for cue in cues}
    alts = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w\-])", re.IGNORECASE), names


@cache
def _beneficiary_rx(meaning: str) -> re.Pattern[str]:
    """A ``beneficiary`` word (``aan``, ``voor``, ``tbv``) at most three words before the end, or a
    ``beneficiary_next`` one (``in``) right before it."""
    alts = "|".join(re.escape(w) for w in sorted(_cues()[meaning], key=len, reverse=True))
    gap = r"(?:\S+\s+){0,3}" if meaning == "beneficiary" else r"(?:de\s+|het\s+)?"
    return re.compile(rf"(?<![\w\-])(?:{alts})\s+{gap}$", re.IGNORECASE)


@cache
def _programme_of_rx() -> re.Pattern[str]:
    """``(aan) het Sahel-programma van (de)`` right before an organisation's name."""
    alts = "|".join(re.escape(w) for w in sorted(_cues()["programme_noun"], key=len, reverse=True))
    return re.compile(rf"(?:\w+-)?(?:{alts})\s+van\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


_FROM_FUND = re.compile(r"\b(?:vanuit|uit)\s+(?:het\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)
_FOR_PLACE = re.compile(r"\b(?:voor|aan|in|van|naar)\s+(?:\w+\s+){0,2}$")
_SOURCE = re.compile(r"\b(?:vanuit|uit)\s+(?:het\s+|de\s+)?(?:\S+\s+){0,3}$", re.IGNORECASE)
_VIA = re.compile(r"\bvia\s+(?:het\s+|de\s+)?(?:\S+\s+){0,2}$", re.IGNORECASE)  # a fund as channel
_TO_ORG = re.compile(r"\baan\s+(?:het\s+|de\s+)?$", re.IGNORECASE)
_JOIN = re.compile(r"\s*(?:,|en|of)\s+(?:de\s+|het\s+)?", re.IGNORECASE)


def _opens_with(text: str, s: int, e: int, meaning: str) -> bool:
    """Does the sentence ``[s, e)`` open with a cue of ``meaning`` (list bullets skipped)?"""
    lead = _LEAD.match(text, s, e)
    return bool(_rx(meaning).match(text, lead.end() if lead else s, e))


def _payer_candidates(text: str, ents: Entities, s: int, e: int) -> list[Entity]:
    orgs = set(_cues()["org_funder"])
    return [x for x in ents.between(s, e) if (x.iso3 and x.kind != "place") or x.canonical in orgs]


def _funder(text: str, ents: Entities, s: int, e: int, pos: int, prev: tuple[int, int] | None) -> str | None:
    cands = _payer_candidates(text, ents, s, e)
    # a country / organisation that acts in the amount's clause (not one before a ``;``), as subject
    # after its verb too (``heeft de EU ... toegezegd``), never one after ``in``/``aan``/``met``
    for x in cands:
        if x.end > pos or ";" in text[x.end : pos]:
            continue
        if x.kind == "demonym":
            if _OWN_ADJ.match(text, x.end):
                return x.iso3 or x.canonical
            continue
        if _PLACE_BEFORE.search(text, max(s, x.start - 12), x.start):
            continue
        if _GOVERN.match(text, x.end) or _INVERTED.search(text, max(s, x.start - 24), x.start):
            return x.iso3 or x.canonical
    for x in cands:  # the agent of a passive: "door Duitsland"; the one that pays a cost: "kostte de EU"
        if x.kind != "demonym" and (
            _AGENT.search(text, max(s, x.start - 12), x.start)
            or _cost_verb_rx().search(text, max(s, x.start - 20), x.start)
        ):
            return x.iso3 or x.canonical
    for x in ents.between(s, e):  # money drawn from an organisation's fund
        if x.canonical in FUND_OWNER and _FROM_FUND.search(text[max(s, x.start - 40) : x.start]):
            return FUND_OWNER[x.canonical]
    owner = _fund_of_org(text, ents, s, e, source=True)  # "Uit het Peacebuilding Fund van de VN ..."
    if owner:
        return owner
    if prev is not None and _opens_with(text, s, e, "source_anaphor"):  # "Hieruit ...": the fund just named
        funds = [x for x in ents.between(*prev) if x.kind == "fund"]
        if funds and funds[-1].canonical in FUND_OWNER:
            return FUND_OWNER[funds[-1].canonical]
        owner = _fund_of_org(text, ents, *prev)  # "het ... Fund van de VN"
        if owner:
            return owner
        if _rx("own", case=True).search(text, s, e):
            return "NLD"
        return _funder(text, ents, *prev, prev[1], None)  # "Het kabinet financiert uit ...": its payer
    if _rx("own", case=True).search(text, s, e):
        return "NLD"
    own_cost = _rx("cost_noun").search(text, s, pos) and not _points_back(text, s, pos)
    if (_passive_payment(text, s, e) or own_cost) and not _other_payer(text, cands, s, pos):
        return "NLD"  # "wordt een bijdrage ... verstrekt", "De kosten van ... bedragen ...": our own
    return None


@cache
def _cost_verb_rx() -> re.Pattern[str]:
    """A cost verb (``kostte``) right before its payer (``kostte de EU``)."""
    alts = "|".join(re.escape(w) for w in sorted(_cues()["cost_verb"], key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


@cache
def _fund_of_rx() -> re.Pattern[str]:
    """A fund's noun right before ``van (de)`` and its owner (``het Peacebuilding Fund van de VN``)."""
    alts = "|".join(re.escape(w) for w in sorted(_cues()["fund_noun"], key=len, reverse=True))
    return re.compile(rf"(?:{alts})\s+van\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


def _fund_of_org(text: str, ents: Entities, s: int, e: int, source: bool = False) -> str | None:
    """The organisation (EU, UN) that owns a fund named in ``[s, e)`` as ``... fonds van de VN``;
    with ``source``, only a fund the money comes from (``uit het ... Fund van de VN``)."""
    orgs = set(_cues()["org_funder"])
    for x in ents.between(s, e):
        if x.canonical in orgs and (m := _fund_of_rx().search(text, max(s, x.start - 30), x.start)):
            if not source or _FROM_NAMED_FUND.search(text, max(s, m.start() - 60), m.start()):
                return x.canonical
    return None


_FROM_NAMED_FUND = re.compile(r"\b(?:vanuit|uit|via)\s+(?:het\s+|de\s+)?(?:\S+\s+){0,4}$", re.IGNORECASE)


def _points_back(text: str, s: int, pos: int) -> bool:
    """Does the sentence, before the amount, refer back to what was just told (``hiervan``,
    ``deze bijdrage``)?"""
    return bool(_rx("back_reference").search(text, s, pos))


def _funder_before(doc: Document, ents: Entities, s: int, e: int, pos: int) -> str | None:
    """``De kosten hiervan worden geraamd op ...``: the payer of what the sentence refers back to,
    the first one found in the previous sentences of its section (none where it names another
    possible payer itself)."""
    text = doc.text
    if not _points_back(text, s, pos) or _other_payer(text, _payer_candidates(text, ents, s, e), s, pos):
        return None
    for a, b in _previous(doc, s):
        found = _funder(text, ents, a, b, b, None)
        if found:
            return found
    return None


def _funder_across(
    text: str, ents: Entities, s: int, e: int, pos: int, prev: tuple[int, int] | None
) -> str | None:
    """The funder where the sentence was cut after an abbreviation that may also end one (``VS
    kondigde in juni jl. USD 60 mln aan``): read the previous sentence and this one as one."""
    if prev is None or "\n" in text[prev[1] : s] or not text[prev[0] : prev[1]].rstrip().endswith(_terminal_abbrevs()):
        return None
    return _funder(text, ents, prev[0], e, pos, None)


@cache
def _terminal_abbrevs() -> tuple[str, ...]:
    """Abbreviations after which the sentence splitter cuts where a capital follows (``jl.``)."""
    return tuple(" " + r["abbreviation"] for r in read_csv("abbreviations.csv") if r["terminal"] == "true")


def _passive_payment(text: str, s: int, e: int) -> bool:
    """A contribution stated in the passive: auxiliary, payment participle and contribution noun."""
    return all(_rx(m).search(text, s, e) for m in ("passive_aux", "passive_pay", "pay_noun"))


def _other_payer(text: str, cands: list[Entity], s: int, pos: int) -> bool:
    """Does a country or organisation other than the Netherlands stand as a possible payer: before
    the amount and not as a beneficiary (``aan``/``voor``/``tbv`` ... or, for a country, ``in``
    right before it)?"""
    for x in cands:
        if x.iso3 == "NLD" or x.start >= pos:
            continue
        before = text[max(s, x.start - 40) : x.start]
        if _beneficiary_rx("beneficiary").search(before):
            continue
        if x.kind == "country" and _beneficiary_rx("beneficiary_next").search(before):
            continue  # "in Mali"; not "in het Franse plan"
        return True
    return False


def _recipient(
    doc: Document, ents: Entities, s: int, e: int, start: int, end: int, prev: tuple[int, int] | None
) -> str | None:
    text = doc.text
    in_sentence = ents.between(s, e)
    sources = {x.canonical for x in in_sentence if x.kind in RECIPIENT_KINDS and _is_source(text, s, x)}
    named = [x for x in in_sentence if x.canonical not in sources and _names_recipient(text, s, x, end)]
    after = [x for x in named if x.start >= end]
    if after:
        return after[0].canonical
    if named:
        return named[-1].canonical
    family = _family_members(doc, ents, s, e)
    if family:
        return family
    back = _referred_recipient(text, ents, s, e, start, end, prev)
    if back:
        return back
    name = _unknown_name(text, ents, s, e, end)
    if name:
        return name
    places = _places(text, in_sentence, s, e)
    if places:
        return "; ".join(places)
    heading = section_of(text, s)  # "Deze steun ...": the section's subject is the recipient
    topic = [x for x in find_entities(heading) if x.kind in RECIPIENT_KINDS] if heading else []
    if topic:
        return topic[0].canonical
    line_start = max(_paragraph_start(text, s), s - 1500)  # same paragraph, within reach
    if _states_destination(text, s, e, end):  # "geïnvesteerd in ...": only the previous sentence
        if prev is None or prev[1] <= line_start:
            return None
        line_start = max(line_start, prev[0])
    before = [x for x in ents.between(line_start, s) if x.kind in RECIPIENT_KINDS]
    return before[-1].canonical if before else None


def _paragraph_start(text: str, s: int) -> int:
    """Start of the paragraph of ``s``; a list item's paragraph is the whole list (its items
    and the line that opens it)."""
    a = text.rfind("\n", 0, s) + 1
    while a > 0 and _BULLET.match(text, a):
        a = text.rfind("\n", 0, a - 1) + 1
    return a


def _referred_recipient(
    text: str, ents: Entities, s: int, e: int, start: int, end: int, prev: tuple[int, int] | None
) -> str | None:
    """``het Nederlandse aandeel daarin``, ``stellen hiervoor ... beschikbaar``: the mission, fund or
    programme that the amount's clause points back to, named earlier in the sentence (a fund it
    comes from counts: the share is in that fund) or else in the previous sentence."""
    cs, _ = clause_bounds(text, s, e, start, end)
    if not _points_back(text, cs, start):
        return None
    earlier = [x for x in ents.between(s, cs) if x.kind in RECIPIENT_KINDS]
    if earlier:
        return earlier[-1].canonical
    if prev is None or "\n" in text[prev[1] : s]:
        return None
    named = [x for x in ents.between(*prev) if x.kind in RECIPIENT_KINDS and not _is_source(text, prev[0], x)]
    return named[-1].canonical if named else None


# a name the vocabulary does not know, the money's object right after the amount: an acronym
# (``het regionale centrum ... ABCDE``) or a capitalised name after ``voor``/``aan``
_ACRONYM = re.compile(r"(?<![\w\-])[A-Z][A-Z0-9]{3,}(?![\w\-])")
_NAME_AFTER = re.compile(
    r"(?:\s+(?:uit|vanuit)\s+(?:het\s+|de\s+)?\w+)?\s+(?:voor|aan)\s+(?:het\s+|de\s+)?((?:[A-Z][\w'’\-]+|[A-Z0-9]{2,})"
    r"(?:\s+(?:(?:de|du|des|la|le|van|voor|of|for|the|and)\s+)*(?:[A-Z][\w'’\-]+|[A-Z0-9]{2,}))+)"
)


def _unknown_name(text: str, ents: Entities, s: int, e: int, end: int) -> str | None:
    """An organisation that the vocabulary does not know, named as the object of the money in the
    amount's clause right after it: a multi-word name after ``voor``/``aan``, or an acronym that
    closes a noun phrase opened by ``het``/``de`` (not a currency, nor a known entity)."""
    _, ce = clause_bounds(text, s, e, end, end)
    known = [(x.start, x.end) for x in ents.between(s, e)]

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in known)

    m = _NAME_AFTER.match(text, end, ce)
    if m and not any(x <= m.start(1) and m.end(1) <= y for x, y in known):  # more than a known name
        return m.group(1)
    head = re.match(r"\s+(?:(?:met|aan|voor)\s+)?(?:het|de)\s+", text[end:ce])
    if head is None:
        return None
    for a in _ACRONYM.finditer(text, end + head.end(), min(ce, end + head.end() + 80)):
        if free(a.start(), a.end()) and not _rx("own", case=True).fullmatch(a.group(0)) and a.group(0) not in (
            "EUR", "USD"
        ):
            return a.group(0)
        break
    return None


@cache
def _destination_rx() -> re.Pattern[str]:
    words = _cues()["beneficiary"] + _cues()["beneficiary_next"]
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})\s", re.IGNORECASE)


def _states_destination(text: str, s: int, e: int, end: int) -> bool:
    """Does the amount's clause say after it where the money goes (``in ...``, ``tbv ...``)?"""
    cs, ce = clause_bounds(text, s, e, end, end)
    return bool(_destination_rx().search(text, end, ce))


def _names_recipient(text: str, s: int, x: Entity, end: int) -> bool:
    """Is ``x`` a mission/fund/programme the money goes to, or an organisation it is paid to?"""
    if x.kind in RECIPIENT_KINDS:
        return not _is_source(text, s, x)
    if x.kind != "org" or x.start < end:
        return False
    before = text[max(s, x.start - 60) : x.start]
    return bool(_TO_ORG.search(before) or _programme_of_rx().search(before))


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
    if not fams:
        return None, {}
    alts = "|".join(re.escape(k) for k in sorted(fams, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w\-])"), fams


def _family_members(doc: Document, ents: Entities, s: int, e: int) -> str | None:
    """``Personele inzet EUCAP ...``: the missions of that family the document names (``EUCAP
    Sahel Mali; EUCAP Sahel Niger``), where the sentence names the family alone."""
    rx, fams = _families()
    m = rx.search(doc.text, s, e) if rx is not None else None
    if m is None or any(x.start <= m.start() < x.end for x in ents.between(s, e)):
        return None
    named = {x.canonical for x in ents.between(0, len(doc.text))}
    members = [c for c in fams[m.group(0)] if c in named]
    return "; ".join(members) if members else None


def _places(text: str, in_sentence: list[Entity], s: int, e: int) -> list[str]:
    """Countries (ISO3) and regions the money is for: after ``voor``/``aan``/``in``/``van``, or
    joined by ``en``/``,`` to one listed already (``van Mali en de Sahel``)."""
    taken = [(x.start, x.end) for x in in_sentence]
    rx, names = _regions()
    found = [(x.start, x.end, x.iso3) for x in in_sentence if x.kind in ("country", "place") and x.iso3]
    found += [(x.start, x.end, x.iso3) for x in in_sentence  # "aan Nigerese strijdkrachten"
              if x.kind == "demonym" and x.iso3 and x.iso3 != "NLD" and _state_body_rx().match(text, x.end)]
    for m in rx.finditer(text, s, e):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append((m.start(), m.end(), names[m.group(0).lower()]))
    out: list[str] = []
    last_end = -1
    for a, b, name in sorted(found):
        joined = bool(out) and bool(_JOIN.fullmatch(text, last_end, a))
        if joined or _FOR_PLACE.search(text[max(s, a - 30) : a]):
            if name not in out:
                out.append(name)
            last_end = b
    return out


@cache
def _state_body_rx() -> re.Pattern[str]:
    """A state body right after a demonym (``Nigerese strijdkrachten``): the country receives."""
    alts = "|".join(re.escape(w) for w in sorted(_cues()["state_body"], key=len, reverse=True))
    return re.compile(rf"\s+(?:{alts})(?![\w])", re.IGNORECASE)


def _is_source(text: str, s: int, x: Entity) -> bool:
    """A fund the money comes from (``vanuit het ... fonds``) or is routed through (``via de EPF``),
    not one it goes to."""
    before = text[max(s, x.start - 40) : x.start]
    return bool(_SOURCE.search(before) or (x.kind == "fund" and _VIA.search(before)))


def _iso(day) -> str | None:  # noqa: ANN001 - a datetime.date or None
    return day.isoformat() if day else None


def _period(
    doc: Document, s: int, e: int, start: int, end: int, per_year: bool, prev: tuple[int, int] | None
) -> tuple[str | None, str | None]:
    """The period of an amount: see the module docstring."""
    ps, pe = period_near(doc, s, e, start, end)
    if ps is None and pe is None:
        if per_year and prev is not None and "\n" not in doc.text[prev[1] : s] and _opens_with(
            doc.text, s, e, "anaphor"
        ):
            return _bounds(doc, *prev)
        if prev is not None and _points_back(doc.text, s, start):
            return _period_before(doc, s, per_year)
        return None, None
    try:
        found = sentence_dates(doc, s, e)
    except Exception:  # noqa: BLE001 - dates are a bonus, never fatal
        return ps, pe
    for d in found:
        w_start, w_end = _iso(d.window.start), _iso(d.window.end)
        if d.window.precision == "open" and (w_start, w_end) == (ps, pe):
            return None, None  # "eerder dit jaar": when it was said, not what the money covers
        ref = doc.ref_date
        if d.kind == "since" and w_start == ps and pe is None and not per_year and ref and d.window.start < ref:
            return ps, ref.isoformat()
    return ps, pe


_LOOK_BACK = 6  # sentences (list items count as sentences) searched for what "hiervan" refers to


def _period_before(doc: Document, s: int, per_year: bool) -> tuple[str | None, str | None]:
    """The period of what the sentence at ``s`` refers back to (``De kosten hiervan ...``): that of
    the first of the previous sentences in its paragraph that gives bounds or years (``in 2021 en
    2022``); none where one with other dates (a decision's day) comes first. A one-off amount takes
    a single year only, not the bounds of a longer period."""
    for a, b in _previous(doc, s):
        if per_year:
            ps, pe = _bounds(doc, a, b)
            if ps or pe:
                return ps, pe
        years = _years(doc, a, b)
        if years and (per_year or years[0][:4] == years[1][:4]):
            return years
        if years is not None:  # dates, but not the years of this amount's period
            break
    return None, None


def _previous(doc: Document, s: int) -> list[tuple[int, int]]:
    """The sentences before the one at ``s`` in its paragraph, the nearest first (at most
    ``_LOOK_BACK``); a list and the sentence that opens it (``... de volgende onderdelen:``) count
    as one paragraph."""
    text = doc.text
    sents = sentences_of(doc)
    i = bisect.bisect_right([a for a, _ in sents], s) - 1
    out = []
    nxt = s
    for a, b in reversed(sents[max(0, i - _LOOK_BACK) : max(0, i)]):
        cut = text.rfind("\n", b - 1, nxt)
        if cut >= 0 and not (_BULLET.match(text, cut + 1) or text[a:b].rstrip().endswith(":")):
            break
        out.append((a, b))
        nxt = a
    return out


def _years(doc: Document, s: int, e: int) -> tuple[str, str] | tuple[()] | None:
    """The span of the years (``in 2021 en 2022``) that sentence ``[s, e)`` names, where it names
    only years; ``()`` where it names other dates, None where it names none."""
    try:
        found = sentence_dates(doc, s, e)
    except Exception:  # noqa: BLE001
        return None
    if not found:
        return None
    if any(d.window.precision not in ("year", "years") or d.kind != "point" for d in found):
        return ()
    return _iso(min(d.window.start for d in found)), _iso(max(d.window.end for d in found))


def _bounds(doc: Document, s: int, e: int) -> tuple[str | None, str | None]:
    """The first bounded period (until, since, range) of sentence ``[s, e)``."""
    try:
        found = sentence_dates(doc, s, e)
    except Exception:  # noqa: BLE001
        return None, None
    for d in found:
        if d.window.precision == "open":
            continue
        if d.kind == "until":
            return None, _iso(d.window.end)
        if d.kind == "since":
            return _iso(d.window.start), None
        if d.kind == "range":
            return _iso(d.window.start), _iso(d.window.end)
    return None, None


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


def extract(doc: Document) -> list[dict]:
    """Budget rows (SCHEMA.md columns plus quote/start/end/rule) of one document."""
    text = doc.text
    ents = entities_of(doc)
    rows: list[dict] = []
    for (s, e), prev in _money_sentences(doc):
        chunk = text[s:e]
        if not names_currency(chunk):
            continue  # the numbers of the sentence are found once, for both tables
        prev_end = s
        for m in find_money(chunk, span_numbers(doc, s, e)):
            start, end = s + m.start, s + m.end
            if m.amount <= 0:
                continue
            qs, qe = quote_span(text, s, e, start, end)
            per_year = bool(_rx("per_year").search(text, qs, qe))
            period_start, period_end = _period(doc, s, e, start, end, per_year, prev)
            rows.append({
                "funder": _funder(text, ents, s, e, start, prev)
                or _funder_across(text, ents, s, e, start, prev)
                or _funder_before(doc, ents, s, e, start),
                "recipient": _recipient(doc, ents, s, e, start, end, prev),
                "amount": float(m.amount),
                "currency": m.currency,
                "amount_eur": float(m.amount) if m.currency == "EUR" else None,
                "per_year": per_year,
                "period_start": period_start,
                "period_end": period_end,
                "qualifier": nearest_cue(text, max(prev_end, start - 30), start),
                "quote": text[qs:qe],
                "start": qs,
                "end": qe,
                "rule": "money-in-sentence",
            })
            prev_end = end
    return rows
