"""Counts of people: a number followed (past at most three modifier words) by a personnel noun of
vocab/units.csv, or a bare number in a sentence that speaks of ``het aantal <noun>``; and the cheap
whole-document filter of sentences that hold a word for people at all."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from sahel_analysis.anycase import finditer_at
from sahel_analysis.facts.contribution_vocab import (
    COMPOUND_PREFIX,
    alternation,
    compound_heads,
    noun_rx,
    unit_label,
    units,
    word_set,
    words,
)
from sahel_analysis.facts.ordered import first_answer
from sahel_analysis.facts.spans import date_spans, span_numbers
from sahel_analysis.model import Document
from sahel_analysis.numbers import NumberMatch, find_money
from sahel_analysis.sentences import find_all
from sahel_analysis.textchars import lowered
from sahel_analysis.vocab import trie_pattern

_STOP = word_set("stop")
_AND = word_set("and")
_COUNT_OF = words("count_of")
_MEASURE = word_set("measure")
_HEAD_COUNT = re.compile(rf"-?(?:{alternation('head_count')})\b(?:\s+(?P<noun>[^\W\d][\w\-]*))?", re.IGNORECASE)
_RANGE_AND = re.compile(rf"\s+(?P<w>{alternation('range_and')})\s+", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(rf"\b(?:{alternation('range_between')})\s+(?:(?:{alternation('range_article')})\s+)?$",
                            re.IGNORECASE)
_ONE_PERSON = re.compile(rf"\b(?:{alternation('one')})\s+(?=(?:{alternation('single_person')})\b)", re.IGNORECASE)
_PERSON = re.compile(rf"[\s\-–•*]*(?P<one>{alternation('person_pronoun')})\b", re.IGNORECASE)
_ON_MISSION = re.compile(rf"(?<![\w\-])(?:{alternation('on_mission')})(?![\w\-])", re.IGNORECASE)
_THE_ONLY = re.compile(rf"\b(?:{alternation('the_only_article')})\s+(?P<one>{alternation('the_only')})\s+"
                       rf"(?=(?:{alternation('single_person')})\b)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d][\w’'\-]*|\(|\)|[’']s\b")
_TOKEN = re.compile(r"\w+")
_AANTAL = re.compile(rf"\b(?:{alternation('count_of')})\s+(?:(?P<adj>\w+)\s+)?(?P<noun>\w+)", re.IGNORECASE)

# A figure found in a sentence: (number, end of its noun phrase, noun label, count rule).
Count = tuple[NumberMatch, int, str, str]


@cache
def _first_words() -> frozenset[str]:
    """Lower-case first words of the personnel nouns, and the ``count_of`` words: a cheap sentence filter."""
    words_ = {_TOKEN.match(n.lower()).group() for n, _ in units()[0] if _TOKEN.match(n)}
    extra = [*_COUNT_OF, *words("head_count"), *(p.split()[-1] for p in words("on_mission"))]
    return frozenset(words_ | {w.lower() for w in extra})


# A character that may be a non-word one (the class holds the lower case of every non-word
# character, and more): the engine skips plain letters fast.
_NON_LETTER = r"[^a-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"
_W1 = re.compile(r"\w")


@cache
def _first_words_rx() -> re.Pattern[str]:
    """A character and, after it, one of :func:`_first_words` as a whole word (group ``w``),
    in lower-case text; the caller checks that the character is not a word character."""
    return re.compile(_NON_LETTER + r"(?=(?P<w>" + trie_pattern(sorted(_first_words())) + r")(?!\w))")


def _is_compound(word: str) -> bool:
    """``veiligheidsexperts``: at least COMPOUND_PREFIX letters glued to a compound head (the
    letters right before it, as :func:`_compound_flags` checks)."""
    return any(word.endswith(h) and len(word) - len(h) >= COMPOUND_PREFIX
               and word[-len(h) - COMPOUND_PREFIX : -len(h)].isalpha() for h in compound_heads())


def has_people_word(sentence: str) -> bool:
    """A word for people (the first word of a personnel noun, a compound personnel noun, or
    ``aantal``) in ``sentence``."""
    tokens = _TOKEN.findall(sentence.lower())
    return not _first_words().isdisjoint(tokens) or any(map(_is_compound, tokens))


def people_sentences(doc: Document, sents: list[tuple[int, int]]) -> list[bool]:
    """:func:`has_people_word` of each sentence, from one scan of the lower-cased document.

    A whole word of the document inside a sentence is a whole word of the sentence (and the
    reverse) where no word runs across the sentence's edges; the other sentences (and one at
    the very start) are checked on their own."""
    text = doc.text
    low = lowered(doc)
    if low is None:  # lower case moves characters: sentence by sentence
        return [has_people_word(text[s:e]) for s, e in sents]
    flags = _word_flags(low, sents)
    _compound_flags(low, sents, flags)
    blank, end_blank = _BLANK, _END_BLANK
    for i, (s, e) in enumerate(sents):
        if low[s - 1 : s] in blank and low[e : e + 1] in end_blank:
            continue  # no word runs across its edges
        if not flags[i] and _cuts_word(low, s, e):
            flags[i] = has_people_word(text[s:e])
    return flags


def _word_flags(low: str, sents: list[tuple[int, int]]) -> list[bool]:
    """Which sentences hold a whole word of :func:`_first_words`, from one scan of ``low``."""
    n = len(sents)
    flags = [False] * n
    i = -1  # the last sentence that starts at or before the word (matches come in order)
    word_char = _W1.match
    for m in _first_words_rx().finditer(low):
        if word_char(low, m.start()):
            continue  # a word character before it: not a whole word
        pos = m.end()
        while i + 1 < n and sents[i + 1][0] <= pos:
            i += 1
        if i >= 0 and m.end("w") <= sents[i][1]:
            flags[i] = True
    return flags


def _compound_flags(low: str, sents: list[tuple[int, int]], flags: list[bool]) -> None:
    """Flag the sentences that hold a compound personnel noun (:func:`_is_compound`), from one scan.

    Every head that ends a word is found from one scan of the reversed text (a head's last
    letters, right after a character that is no letter, are few and quick to skip to); each such
    word end is checked for every head length."""
    starts = [s for s, _e in sents]
    heads, lengths = _head_set()
    n = len(low)
    rev = low[::-1]
    ends = [n] if _rev_head_rx().match(rev) else []
    word_char = _W1.match
    ends += [n - m.end() for m in _rev_scan_rx().finditer(rev) if not word_char(rev, m.start())]
    for end in ends:
        for size in lengths:
            start = end - size
            if start < COMPOUND_PREFIX or low[start:end] not in heads:
                continue
            lo = start - COMPOUND_PREFIX
            if low[lo:start].isalpha():
                i = bisect.bisect_right(starts, lo) - 1
                if i >= 0 and end <= sents[i][1]:
                    flags[i] = True


@cache
def _head_set() -> tuple[frozenset[str], tuple[int, ...]]:
    """The compound heads, and their lengths (each once)."""
    heads = frozenset(compound_heads())
    return heads, tuple(sorted({len(h) for h in heads}))


@cache
def _rev_head_rx() -> re.Pattern[str]:
    """A compound head, reversed (in reversed lower-case text)."""
    return re.compile(trie_pattern(sorted(h[::-1] for h in compound_heads())))


@cache
def _rev_scan_rx() -> re.Pattern[str]:
    """In reversed lower-case text: a character that may be no word character (the caller checks)
    with a reversed compound head after it, i.e. a head that ends a word of the text."""
    return re.compile(_NON_LETTER + "(?=" + _rev_head_rx().pattern + ")")


_BLANK = frozenset(" \n")
_END_BLANK = _BLANK | {""}


def _cuts_word(low: str, s: int, e: int) -> bool:
    """Does span ``[s, e)`` start at 0 or cut a word of ``low`` at one of its edges?"""
    if s == 0 or (_W1.match(low, s - 1) and _W1.match(low, s)):
        return True
    return e < len(low) and bool(_W1.match(low, e) and _W1.match(low, e - 1))


def noun_after(text: str, end: int, limit: int) -> tuple[int, int, str] | None:
    """A personnel noun after a number, past at most three modifier words."""
    pos = end
    n_words = 0
    prev = ""
    while pos < limit and n_words <= 3:
        m = noun_rx().match(text, _skip_space(text, pos))
        if m and m.end() <= limit:
            return m.start(), m.end(), m.group(0)
        w = _WORD.match(text, _skip_space(text, pos))
        if not w or w.end() > limit:
            return None
        token = w.group(0)
        low = token.lower()
        if token in "()":
            pos = w.end()
            continue
        if low in _STOP and not (low in _AND and prev.endswith("-")):
            return None
        prev = token
        pos = w.end()
        n_words += 1
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _aantal_label(chunk: str) -> str | None:
    """Label of the personnel noun after the last ``aantal`` (``het aantal militairen``)."""
    aantal = None
    low = chunk.lower()
    if not any(w in low for w in _COUNT_OF):  # a case-insensitive match is one in lower case too
        return aantal
    for m in _AANTAL.finditer(chunk):
        for word in (m["adj"], m["noun"]):
            if word and noun_rx().fullmatch(word):
                aantal = unit_label(word)
    return aantal


class _Sentence:
    """The sentence a number stands in (with its numbers), with its ``aantal`` noun looked up once."""

    def __init__(self, text: str, s: int, e: int, numbers: list[NumberMatch] | None = None) -> None:
        self.text, self.s, self.e = text, s, e
        self.numbers = numbers or []
        self._aantal: str | None | bool = False  # False: not looked for yet

    def aantal(self) -> str | None:
        if self._aantal is False:
            self._aantal = _aantal_label(self.text[self.s : self.e])
        return self._aantal  # type: ignore[return-value]


def _number_before_noun(sent: _Sentence, n: NumberMatch) -> tuple[int, str] | None:
    """``drie stafofficieren``, ``40 Nederlandse militairen``: the noun right after the number."""
    noun = noun_after(sent.text, sent.s + n.end, sent.e)
    return (noun[1], unit_label(noun[2])) if noun else None


def _head_count(sent: _Sentence, n: NumberMatch) -> tuple[int, str] | None:
    """``de 120-koppige eenheid``, ``een 12-koppig team``: a group counted by its heads."""
    m = _HEAD_COUNT.match(sent.text, sent.s + n.end, sent.e)
    if m is None:
        return None
    noun = m["noun"]
    label = unit_label(noun) if noun and noun_rx().fullmatch(noun) else "total"
    return m.end(), label


def _range_lower_bound(sent: _Sentence, n: NumberMatch) -> tuple[int, str] | None:
    """``tussen de 200 en 300 militairen``, ``200 tot 300 militairen``: the lower bound counts the
    upper bound's noun."""
    m = _RANGE_AND.match(sent.text, sent.s + n.end, sent.e)
    if m is None:
        return None
    if m["w"].lower() in _AND and not _RANGE_BETWEEN.search(sent.text, max(sent.s, sent.s + n.start - 20),
                                                            sent.s + n.start):
        return None
    upper = next((u for u in sent.numbers if sent.s + u.start == m.end()), None)
    if upper is None:
        return None
    noun = noun_after(sent.text, sent.s + upper.end, sent.e)
    return (noun[1], unit_label(noun[2])) if noun else None


def _aantal_noun(sent: _Sentence, n: NumberMatch) -> tuple[int, str] | None:
    """``het aantal militairen ... is 40``: a bare number (no year, no ``60 dagen``) counts the noun
    of ``aantal``."""
    label = sent.aantal()
    if not label or 1900 <= n.value <= 2100:
        return None
    after = _WORD.match(sent.text, _skip_space(sent.text, sent.s + n.end))
    if after is not None and after.group(0).lower() in _MEASURE:
        return None
    return sent.s + n.end, label


def _one_on_mission(sent: _Sentence, n: NumberMatch) -> tuple[int, str] | None:
    """The person of :func:`_person_on_mission` counts as one, up to the words of the mission."""
    if n.text.lower() not in _PRONOUNS:
        return None
    m = _ON_MISSION.search(sent.text, sent.s + n.end, sent.e)
    return (m.end(), "total") if m else None


_PRONOUNS = word_set("person_pronoun")


COUNT_RULES = (
    ("number-before-noun", _number_before_noun),
    ("head-count", _head_count),
    ("range-lower-bound", _range_lower_bound),
    ("aantal-noun", _aantal_noun),
    ("person-on-mission", _one_on_mission),
)


def _one_person(doc: Document, s: int, e: int) -> list[NumberMatch]:
    """``een persoon``, ``één militair``: the article as the number one (sentence positions); the
    caller keeps those right after a country's name (a per-country list)."""
    return [NumberMatch(m.start() - s, m.end() - s - (len(m.group(0)) - len(m.group(0).rstrip())), 1.0,
                        m.group(0).rstrip(), True)
            for m in _matches_at_words(doc, _ONE_PERSON, _ONE_WORDS, s, e)]


_ONE_WORDS = tuple(w.lower() for w in words("one"))
_THE_ONLY_WORDS = tuple(w.lower() for w in words("the_only"))


def _matches_at_words(doc: Document, rx: re.Pattern[str], first: tuple[str, ...], s: int,
                      e: int) -> list[re.Match[str]]:
    """``rx.finditer(doc.text, s, e)`` for a case-insensitive ``rx`` whose every match starts with
    one of the lower-case words ``first``: tried only where one of them stands in the lower-cased
    text (where lower-casing keeps every character in place)."""
    low = lowered(doc)
    if low is None:
        return list(rx.finditer(doc.text, s, e))
    return finditer_at(rx, doc.text, sorted(find_all(low, first, s, e)), e)


def _person_on_mission(text: str, s: int, e: int) -> list[NumberMatch]:
    """``Hij was een jaar op missie in Mali ...``: a sentence about one person on a mission
    (the pronoun as the number one, sentence positions)."""
    m = _PERSON.match(text, s, e)
    if m is None or not _ON_MISSION.search(text, m.end(), e):
        return []
    return [NumberMatch(m.start("one") - s, m.end("one") - s, 1.0, m["one"], True)]




def _the_only(doc: Document, s: int, e: int) -> list[NumberMatch]:
    """``de enige Nederlander in EUTM``: one person (sentence positions). Looked for only where
    the lower-cased sentence holds the word (``enige``)."""
    low = lowered(doc)
    if low is not None and all(low.find(w, s, e) < 0 for w in _THE_ONLY_WORDS):
        return []
    return [NumberMatch(m.start("one") - s, m.end("one") - s, 1.0, m["one"], True)
            for m in _THE_ONLY.finditer(doc.text, s, e)]


def counts_in(doc: Document, s: int, e: int, one_after: Callable[[int], bool] | None = None) -> list[Count]:
    """Counts of people in sentence ``[s, e)``: (number, end of noun phrase, noun label, rule).
    ``one_after(pos)``: may an ``een`` at ``pos`` (``een persoon``) count one person?"""
    text = doc.text
    chunk_numbers = span_numbers(doc, s, e)
    numbers = [n for n in chunk_numbers
               if not (n.value < 1 or n.value != int(n.value) or n.value >= 1e6)]
    ones = _one_person(doc, s, e) if one_after is not None else []
    ones = [n for n in ones if one_after(s + n.start)] + _the_only(doc, s, e) + _person_on_mission(text, s, e)
    if ones:
        numbers = sorted(numbers + ones, key=lambda n: n.start)
    if not numbers:
        return []  # no whole number that could count people
    sent = _Sentence(text, s, e, numbers)
    found = []
    for n in numbers:
        answer, rule = first_answer(COUNT_RULES, sent, n)
        if answer is not None:
            found.append((n, answer[0], answer[1], rule))
    if not found:
        return []  # money and dates only block a count: none to block
    chunk = text[s:e]
    money = [(s + m.start, s + m.end) for m in find_money(chunk, chunk_numbers)]
    blocked = sorted(money + date_spans(doc, s, e))
    starts = [a for a, _b in blocked]
    out = []
    for n, noun_end, label, rule in found:
        n = NumberMatch(s + n.start, s + n.end, n.value, n.text, n.is_word)
        i = bisect.bisect_left(starts, n.end)  # spans starting before the number ends
        if any(b > n.start for _a, b in blocked[max(0, i - 4) : i]):
            continue
        out.append((n, noun_end, label, rule))
    return out
