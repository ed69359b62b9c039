"""The budget rules' words as patterns: cue words by meaning (vocab/budget_cues.csv) and the verbs
that tie a payer to its money (vocab/budget_verbs.csv), compiled once."""

from __future__ import annotations

import re
from functools import cache

from sahel_analysis.vocab import budget_verbs, cues_by_meaning, read_csv


@cache
def cues() -> dict[str, list[str]]:
    """Budget cue words by meaning."""
    return cues_by_meaning("budget_cues.csv")


def alternation(*meanings: str) -> str:
    """The cues of ``meanings`` as one regex alternation, the longest first."""
    words = [w for m in meanings for w in cues()[m]]
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def cue_rx(meaning: str, case: bool = False) -> re.Pattern[str]:
    """The cues of ``meaning`` as whole words (case-insensitive unless ``case``)."""
    return re.compile(rf"(?<![\w\-])(?:{alternation(meaning)})(?![\w])", 0 if case else re.IGNORECASE)


@cache
def before_end(*meanings: str, article: str = "article", gap: str = "", case: bool = False) -> re.Pattern[str]:
    """A cue of ``meanings`` (a whole word), then an optional ``article`` and ``gap``, right
    before the end of the searched text (``door de `` before a payer's name)."""
    art = rf"(?:(?:{alternation(article)})\s+)?" if article else ""
    return re.compile(rf"\b(?:{alternation(*meanings)})\s+{art}{gap}$", 0 if case else re.IGNORECASE)


@cache
def verb_after_subject(receiving: bool = False) -> re.Pattern[str]:
    """A paying verb (or contribution noun) at most two words after its subject; with
    ``receiving``, a receiving verb (``WFP ontvangt``)."""
    alts = _verbs("after_subject", receiving)  # "Het Wereldvoedselprogramma (WFP) ontvangt": past the ")"
    return re.compile(rf"(?:\s*\))?\s+(?:\w+\s+){{0,2}}?(?:{alts})\b", re.IGNORECASE)


@cache
def verb_before_subject(receiving: bool = False) -> re.Pattern[str]:
    """A paying verb right before its subject (``heeft de EU``, ``levert Nederland``); with
    ``receiving``, a receiving verb (``krijgt UNICEF``)."""
    art = alternation("article")
    return re.compile(rf"\b(?:{_verbs('before_subject', receiving)})\s+(?:(?:{art})\s+)?$", re.IGNORECASE)


@cache
def receiving_verb_rx() -> re.Pattern[str]:
    """Any form of a receiving verb (``ontvangt``, ``kreeg``)."""
    forms = [r["form"] for r in budget_verbs() if r["role"] == "receiving"]
    alts = "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w])", re.IGNORECASE)


@cache
def paying_verb_rx() -> re.Pattern[str]:
    """Any paying verb form (not an auxiliary, nor a receiving verb) or paid participle."""
    forms = [r["form"] for r in budget_verbs() if r["role"] in ("paying", "pledging", "reserving")]
    forms += cues()["paid_participle"]
    alts = "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w])", re.IGNORECASE)


def _verbs(position: str, receiving: bool) -> str:
    forms = [r["form"] for r in budget_verbs() if r[position] == "yes" and (r["role"] == "receiving") == receiving]
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


@cache
def state_body_of_rx() -> re.Pattern[str]:
    """A state body and ``van`` right before a country (``de overgangsregering van``)."""
    art = alternation("article")
    return re.compile(rf"\w*(?:{alternation('state_body')})\s+(?:{alternation('owner')})\s+(?:(?:{art})\s+)?$",
                      re.IGNORECASE)


@cache
def own_share() -> re.Pattern[str]:
    """A contribution noun right after a demonym (``Duitse financiële bijdrage``): it pays."""
    adj, noun = alternation("own_share_adjective"), alternation("own_share_noun")
    return re.compile(rf"\s+(?:(?:{adj})\s+)?(?:{noun})", re.IGNORECASE)


@cache
def fund_owners() -> dict[str, str]:
    """Fund -> the organisation that owns it (money from the fund is paid by it)."""
    return {cue: m.split(":", 1)[1] for m, found in cues().items() if m.startswith("owned_by:") for cue in found}


@cache
def regions() -> tuple[re.Pattern[str], dict[str, str]]:
    """Region names (``region:<canonical>`` cues) as one pattern, and lower-cased alias -> canonical."""
    names = {cue.lower(): m.split(":", 1)[1] for m, found in cues().items() if m.startswith("region:")
             for cue in found}
    alts = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w\-])", re.IGNORECASE), names


@cache
def beneficiary_rx(meaning: str) -> re.Pattern[str]:
    """A ``beneficiary`` word (``aan``, ``voor``, ``tbv``) at most three words before the end, or a
    ``beneficiary_next`` one (``in``) right before it."""
    art = alternation("article")
    gap = r"(?:\S+\s+){0,3}" if meaning == "beneficiary" else rf"(?:(?:{art})\s+)?"
    return re.compile(rf"(?<![\w\-])(?:{alternation(meaning)})\s+{gap}$", re.IGNORECASE)


@cache
def noun_of_owner(meaning: str, compound: bool) -> re.Pattern[str]:
    """A programme's or fund's noun right before ``van (de)`` and its owner (``het ...
    programma van UNODC``); with ``compound``, also as the end of a hyphenated compound."""
    head = r"(?:\w+-)?" if compound else ""
    art = alternation("article")
    return re.compile(rf"{head}(?:{alternation(meaning)})\s+(?:{alternation('owner')})\s+(?:(?:{art})\s+)?$",
                      re.IGNORECASE)


@cache
def cost_verb_rx() -> re.Pattern[str]:
    """A cost verb (``kostte``) right before its payer (``kostte de EU``)."""
    art = alternation("article")
    return re.compile(rf"(?<![\w\-])(?:{alternation('cost_verb')})\s+(?:(?:{art})\s+)?$", re.IGNORECASE)


@cache
def state_body_rx() -> re.Pattern[str]:
    """A state body right after a demonym (``Nigerese strijdkrachten``): the country receives."""
    return re.compile(rf"\s+(?:{alternation('state_body')})(?![\w])", re.IGNORECASE)


@cache
def destination_rx() -> re.Pattern[str]:
    """A word that says where the money goes (``in``, ``tbv``), then a space (not a year or a day:
    ``in 2025`` says when)."""
    return re.compile(rf"(?<![\w\-])(?:{alternation('beneficiary', 'beneficiary_next')})\s(?!\d)", re.IGNORECASE)


@cache
def joiner_rx() -> re.Pattern[str]:
    """What joins a place to the one listed before it (``, ``, `` en de ``)."""
    art = alternation("article")
    return re.compile(rf"\s*(?:,|{alternation('joiner')})\s+(?:(?:{art})\s+)?", re.IGNORECASE)


@cache
def name_after() -> re.Pattern[str]:
    """An unknown multi-word name after ``voor``/``aan`` (a fund the money comes from may stand
    before): the name is group 1 (case-sensitive)."""
    name = r"(?:[A-Z][\w'’\-]+|[A-Z0-9]{2,})"
    art = alternation("article")
    return re.compile(
        rf"(?:\s+(?:{alternation('source')})\s+(?:(?:{art})\s+)?\w+)?\s+(?:{alternation('name_object')})\s+"
        rf"(?:(?:{art})\s+)?({name}(?:\s+(?:(?:{alternation('name_particle')})\s+)*{name})+)"
    )


@cache
def object_head() -> re.Pattern[str]:
    """The opening of the money's object right after the amount (``met het``; case-sensitive)."""
    return re.compile(rf"\s+(?:(?:{alternation('object_lead')})\s+)?(?:{alternation('article')})\s+")


@cache
def terminal_abbrevs() -> tuple[str, ...]:
    """Abbreviations after which the sentence splitter cuts where a capital follows (``jl.``)."""
    return tuple(" " + r["abbreviation"] for r in read_csv("abbreviations.csv") if r["terminal"] == "true")


@cache
def run_by() -> dict[str, str]:
    """Mission -> the organisation or country that runs it (and pays its own budget)."""
    return {cue: m.split(":", 1)[1] for m, found in cues().items() if m.startswith("run_by:") for cue in found}


@cache
def mission_noun_rx() -> re.Pattern[str]:
    """A noun for a mission (``de operatie``, ``trainingsmissie``, ``VN-missie``)."""
    return re.compile(rf"(?<![\w\-])(?:\w+-)?\w*(?:{alternation('mission_noun')})(?![\w])", re.IGNORECASE)


@cache
def opening_budget_rx() -> re.Pattern[str]:
    """A sentence that opens with a budget noun as its subject (``Het budget ...``)."""
    art = alternation("article")
    return re.compile(rf"[\s\-–•*]*(?:(?:{art})\s+)?(?:{alternation('mission_budget')})(?![\w])", re.IGNORECASE)


@cache
def acronym_after() -> re.Pattern[str]:
    """An acronym in brackets right after a name (``Dutch Relief Alliance (DRA)``): group 1."""
    return re.compile(r"\s*\(([A-Z][A-Z0-9]{1,9})\)")


@cache
def payer_bodies() -> tuple[re.Pattern[str], dict[str, str]]:
    """Bodies of an organisation that pay for it (``payer_body:<organisation>`` cues: ``de Europese
    Commissie`` -> ``EU``) as one pattern, and lower-cased body -> organisation."""
    names = {cue.lower(): m.split(":", 1)[1] for m, found in cues().items() if m.startswith("payer_body:")
             for cue in found}
    alts = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alts})(?![\w\-])", re.IGNORECASE), names
