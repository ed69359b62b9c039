"""Who pays an amount: an ordered list of named rules, the first that answers wins.

In the amount's sentence (``SENTENCE_RULES``): a country or organisation that acts in the amount's
clause (``Duitsland kondigde ... aan``, ``heeft de EU ... toegezegd``, ``de Duitse bijdrage``; not
one before ``dat``), a body of an organisation (``de Europese Commissie`` -> EU), a state body's
country (``dat de regering van X ... heeft betaald``); all payers together (``de donoren``, a
conference total: ``ALL``); the
agent of a passive (``door Duitsland``) or the one a cost verb names (``kostte de EU``); the owner
of a fund the money comes from (``vanuit het EOF``, ``uit het ... Fund van de VN``), also where the
sentence opens by pointing back to the previous sentence's fund (``Hieruit ...``, ``Dat fonds
...``); the owner of a fund measure or the runner of a mission an amount in brackets sizes; the
Dutch government where the sentence names it (``Nederland``, ``kabinet``, a Dutch budget); the
runner of a mission whose own budget or cost the amount is (``De operatie kost ...``); the Dutch
government where the sentence states a contribution in the passive, a receiver (``X ontvangt``),
money going somewhere (``ging ... naar``) or its own costs, and no other country or organisation stands
in it as a possible payer (one after ``aan``/``voor``/``tbv`` is a beneficiary): the documents are
the Dutch government's own. Then (``RULES``): the sentence read together with the one before where
the splitter cut after an abbreviation (``VS kondigde in juni jl. ...``), and the payer of what a
sentence refers back to (``De kosten hiervan ...``, ``Het gaat om ...``). A list of payers that
``each`` pay the amount gives one row per payer (:func:`each_payer`).
"""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.facts.budget_recipient import recipient
from sahel_analysis.facts.budget_site import Rule, Site, decide, in_brackets, opens_with, points_back, previous
from sahel_analysis.facts.budget_vocab import (
    alternation,
    before_end,
    beneficiary_rx,
    cost_verb_rx,
    cue_rx,
    cues,
    fund_owners,
    joiner_rx,
    mission_noun_rx,
    noun_of_owner,
    opening_budget_rx,
    own_share,
    payer_bodies,
    paying_verb_rx,
    receiving_verb_rx,
    run_by,
    state_body_of_rx,
    state_body_rx,
    terminal_abbrevs,
    verb_after_subject,
    verb_before_subject,
)
from sahel_analysis.facts.spans import clause_bounds
from sahel_analysis.vocab import Entities, Entity

NLD = "NLD"


def payer_candidates(ents: Entities, s: int, e: int) -> list[Entity]:
    """Countries, demonyms and paying organisations (``org_funder``) of ``[s, e)``."""
    orgs = set(cues()["org_funder"])
    return [x for x in ents.between(s, e) if (x.iso3 and x.kind != "place") or x.canonical in orgs]


def _payer(x: Entity) -> str:
    return x.iso3 or x.canonical


def _actor_in_clause(w: Site) -> str | None:
    """A country / organisation before the amount in its clause (not one before a ``;``) as the
    subject of a paying verb (after it too: ``heeft de EU``), never one after ``in``/``aan``/``met``;
    a demonym before a contribution noun (``de Duitse bijdrage``)."""
    text, s, pos = w.text, w.s, w.start
    for x in payer_candidates(w.ents, s, w.e):
        if x.end > pos or ";" in text[x.end : pos] or cue_rx("subordinator").search(text, x.end, pos):
            continue
        if x.kind == "demonym":
            if own_share().match(text, x.end):
                return _payer(x)
            continue
        if before_end("place_before").search(text, max(s, x.start - 12), x.start):
            continue
        if verb_after_subject().match(text, x.end) or verb_before_subject().search(text, max(s, x.start - 24), x.start):
            return _payer(x)
    return None


def _body_actor(w: Site) -> str | None:
    """``De Europese Commissie maakte ... vrij``: a body of an organisation as the subject of a
    paying verb before the amount pays for the organisation."""
    text, s, pos = w.text, w.s, w.start
    rx, names = payer_bodies()
    for m in rx.finditer(text, s, pos):
        if ";" in text[m.end() : pos]:
            continue
        if verb_after_subject().match(text, m.end()) or verb_before_subject().search(text, max(s, m.start() - 24),
                                                                                     m.start()):
            return names[m.group(0).lower()]
    return None


def _state_body_subject(w: Site) -> str | None:
    """``dat de regering van Mali ... aan Wagner heeft betaald``, ``de Malinese regering betaalde``:
    the country whose state body is the subject of a paying verb in the amount's clause (also at
    its end, after the amount)."""
    text, s = w.text, w.s
    cs, ce = clause_bounds(text, s, w.e, w.start, w.end)
    for x in payer_candidates(w.ents, cs, w.start):
        if not x.iso3 or x.iso3 == NLD:
            continue
        body = (state_body_rx().match(text, x.end) if x.kind == "demonym"
                else state_body_of_rx().search(text, max(cs, x.start - 40), x.start))
        if body and paying_verb_rx().search(text, x.end, ce):
            return x.iso3
    return None


@cache
def _all_payers_rx() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\-])(?:{alternation('all_payers')})(?![\w])", re.IGNORECASE)


def _all_payers(w: Site) -> str | None:
    """``De donoren zegden ... toe``, ``Op de conferentie werd in totaal ... toegezegd``: the money of
    all payers together, with no single payer (``ALL``)."""
    text = w.text
    cs, _ = clause_bounds(text, w.s, w.e, w.start, w.end)
    if _all_payers_rx().search(text, cs, w.start):
        return "ALL"
    if cue_rx("conference_noun").search(text, w.s, w.e) and cue_rx("total").search(text, cs, w.start):
        return "ALL"
    return None


def _agent_of_passive(w: Site) -> str | None:
    """``... toegezegd door Duitsland``: the agent pays."""
    for x in payer_candidates(w.ents, w.s, w.e):
        if x.kind != "demonym" and before_end("agent").search(w.text, max(w.s, x.start - 12), x.start):
            return _payer(x)
    return None


def _cost_verb_payer(w: Site) -> str | None:
    """``de missie kostte de EU ...``: the one the cost verb names pays."""
    for x in payer_candidates(w.ents, w.s, w.e):
        if x.kind != "demonym" and cost_verb_rx().search(w.text, max(w.s, x.start - 20), x.start):
            return _payer(x)
    return None


def _owned_fund_source(w: Site) -> str | None:
    """Money drawn from a fund an organisation owns (``vanuit het EOF``): the owner pays."""
    owners = fund_owners()
    source = before_end("source", article="neuter_article", gap=r"(?:\w+\s+){0,3}")
    for x in w.ents.between(w.s, w.e):
        if x.canonical in owners and source.search(w.text[max(w.s, x.start - 40) : x.start]):
            return owners[x.canonical]
    return None


def fund_of_org(text: str, ents: Entities, s: int, e: int, source: bool = False) -> str | None:
    """The organisation (EU, UN) that owns a fund named in ``[s, e)`` as ``... fonds van de VN``;
    with ``source``, only a fund the money comes from (``uit het ... Fund van de VN``)."""
    orgs = set(cues()["org_funder"])
    fund_of = noun_of_owner("fund_noun", False)
    from_fund = before_end("source", "channel", gap=r"(?:\S+\s+){0,4}")
    for x in ents.between(s, e):
        if x.canonical in orgs and (m := fund_of.search(text, max(s, x.start - 30), x.start)):
            if not source or from_fund.search(text, max(s, m.start() - 60), m.start()):
                return x.canonical
    return None


def _named_fund_source(w: Site) -> str | None:
    """``Uit het Peacebuilding Fund van de VN ...``: the fund's owner pays."""
    return fund_of_org(w.text, w.ents, w.s, w.e, source=True)


def _opens_from_fund(w: Site) -> bool:
    return w.prev is not None and opens_with(w.text, w.s, w.e, "source_anaphor")


def _previous_fund(w: Site) -> str | None:
    """``Hieruit ...``: the owner of the fund the previous sentence named, else the Dutch
    government where this sentence names it, else the payer of the previous sentence."""
    if not _opens_from_fund(w):
        return None
    prev = w.prev
    funds = [x for x in w.ents.between(*prev) if x.kind == "fund"]
    owners = fund_owners()
    if funds and funds[-1].canonical in owners:
        return owners[funds[-1].canonical]
    owner = fund_of_org(w.text, w.ents, *prev)  # "het ... Fund van de VN"
    if owner:
        return owner
    if cue_rx("own", case=True).search(w.text, w.s, w.e):
        return NLD
    return in_sentence(w._replace(s=prev[0], e=prev[1], start=prev[1], prev=None))


def _size_of_named(w: Site) -> str | None:
    """``EPF-steunmaatregel voor ... (EUR 70 mln, ...)``: an amount that opens a bracket gives the
    size of what is named before it; where that is a fund's measure or a mission, its owner pays."""
    text = w.text
    opened = in_brackets(text, w.s, w.start)
    if opened is None or text[opened + 1 : w.start].strip():
        return None
    owners, runners = fund_owners(), run_by()
    named = [x for x in w.ents.between(max(w.s, opened - 80), opened)
             if x.canonical in owners or x.canonical in runners]
    if not named:
        return None
    return owners.get(named[-1].canonical) or runners.get(named[-1].canonical)


def _giver_of_receiver(w: Site) -> str | None:
    """``Mali ontving 20 miljoen euro van Duitsland``: with a receiving verb, the country or
    organisation after ``van`` (or ``uit``) behind the amount pays."""
    text = w.text
    if not receiving_verb_rx().search(text, w.s, w.e):
        return None
    _, ce = clause_bounds(text, w.s, w.e, w.start, w.end)
    giver = before_end("owner", "source")
    for x in payer_candidates(w.ents, w.end, ce):
        if x.kind != "demonym" and giver.search(text, max(w.end, x.start - 12), x.start):
            return _payer(x)
    return None


def _own_government_named(w: Site) -> str | None:
    """The sentence names the Dutch government or one of its budgets (``kabinet``, ``BIV``)."""
    if _opens_from_fund(w) or not cue_rx("own", case=True).search(w.text, w.s, w.e):
        return None
    return NLD


def _mission_budget(w: Site) -> str | None:
    """A mission's own budget or cost (``De operatie kost ...``, ``Het budget ... is vastgesteld
    op``, ``De VN-missie beschikte over een budget van``), not a contribution to it: paid by the
    organisation or country that runs the mission the money is for."""
    text, s, pos = w.text, w.s, w.start
    if _opens_from_fund(w) or not cue_rx("mission_budget").search(text, s, pos):
        return None
    if cue_rx("contribution_noun").search(text, s, pos) or cue_rx("own", case=True).search(text, s, w.e):
        return None
    if not (mission_noun_rx().search(text, s, pos) or opening_budget_rx().match(text, s, pos)):
        return None
    mission, _ = recipient(w)
    return run_by().get(mission) if mission else None


def _passive_contribution(w: Site) -> str | None:
    """``wordt een bijdrage ... verstrekt``, ``UNICEF ontvangt ...``, ``... gaat naar ...`` with no
    other possible payer: our own."""
    passive = all(cue_rx(m).search(w.text, w.s, w.e) for m in ("passive_aux", "passive_pay", "pay_noun"))
    moves = receiving_verb_rx().search(w.text, w.s, w.e) or (
        cue_rx("flow").search(w.text, w.s, w.e) and cue_rx("flow_to").search(w.text, w.end, w.e))
    if _opens_from_fund(w) or not (passive or moves):
        return None
    return None if other_payer(w) else NLD


def _own_costs(w: Site) -> str | None:
    """``De kosten van ... bedragen ...`` (not pointing back) with no other possible payer: our own."""
    text, s, pos = w.text, w.s, w.start
    if _opens_from_fund(w) or not cue_rx("cost_noun").search(text, s, pos) or points_back(text, s, pos):
        return None
    return None if other_payer(w) else NLD


def other_payer(w: Site) -> bool:
    """Does a country or organisation other than the Netherlands stand as a possible payer: before
    the amount and not as a beneficiary (``aan``/``voor``/``tbv`` ... or, for a country, ``in``
    right before it)?"""
    text, s = w.text, w.s
    for x in payer_candidates(w.ents, s, w.e):
        if x.iso3 == NLD or x.start >= w.start:
            continue
        before = text[max(s, x.start - 40) : x.start]
        if beneficiary_rx("beneficiary").search(before):
            continue
        if x.kind == "country" and beneficiary_rx("beneficiary_next").search(before):
            continue  # "in Mali"; not "in het Franse plan"
        return True
    return False


SENTENCE_RULES: list[Rule] = [
    ("actor-in-clause", _actor_in_clause),
    ("body-of-organisation", _body_actor),
    ("state-body-subject", _state_body_subject),
    ("all-payers", _all_payers),
    ("agent-of-passive", _agent_of_passive),
    ("payer-of-cost-verb", _cost_verb_payer),
    ("owned-fund-source", _owned_fund_source),
    ("named-fund-source", _named_fund_source),
    ("fund-of-previous-sentence", _previous_fund),
    ("size-of-named", _size_of_named),
    ("giver-of-receiver", _giver_of_receiver),
    ("own-government-named", _own_government_named),
    ("mission-own-budget", _mission_budget),
    ("passive-contribution-own", _passive_contribution),
    ("costs-stated-own", _own_costs),
]


def in_sentence(w: Site) -> str | None:
    """The payer the sentence of ``w`` names (``SENTENCE_RULES``), else None."""
    return decide(SENTENCE_RULES, w, (None, "none"))[0]


def _across_abbreviation(w: Site) -> str | None:
    """The sentence was cut after an abbreviation that may also end one (``VS kondigde in juni jl.
    USD 60 mln aan``): the previous sentence and this one read as one."""
    prev = w.prev
    if prev is None or "\n" in w.text[prev[1] : w.s] or not w.text[prev[0] : prev[1]].rstrip().endswith(
        terminal_abbrevs()
    ):
        return None
    return in_sentence(w._replace(s=prev[0], prev=None))


def _referred_back(w: Site) -> str | None:
    """``De kosten hiervan worden geraamd op ...``: the payer of what the sentence refers back to,
    the first one found in the previous sentences of its section (none where it names another
    possible payer itself)."""
    if not points_back(w.text, w.s, w.start) or other_payer(w):
        return None
    for a, b in previous(w.doc, w.s):
        found = in_sentence(w._replace(s=a, e=b, start=b, prev=None))
        if found:
            return found
    return None


RULES: list[Rule] = [
    *SENTENCE_RULES,
    ("across-abbreviation", _across_abbreviation),
    ("payer-referred-back", _referred_back),
]


def funder(w: Site) -> tuple[str | None, str]:
    """The funder of the amount at ``w`` and the name of the rule that decided it."""
    return decide(RULES, w, (None, "none-named"))


def each_payer(w: Site) -> list[str]:
    """``België en Denemarken gaven elk 2 miljoen euro``: the payers of a list before the amount in
    its clause, each paying the amount (an ``each`` cue after the list, near the amount); [] where
    the amount is not each one's."""
    text = w.text
    cs, ce = clause_bounds(text, w.s, w.e, w.start, w.end)
    if not cue_rx("each").search(text, cs, min(ce, w.end + 20)):
        return []
    run: list[Entity] = []
    for x in payer_candidates(w.ents, cs, w.start):
        if x.kind == "demonym":
            continue
        if run and not joiner_rx().fullmatch(text, run[-1].end, x.start):
            run = []
        run.append(x)
    payers = list(dict.fromkeys(_payer(x) for x in run))
    return payers if len(payers) > 1 and not cue_rx("each").search(text, cs, run[0].start) else []
