"""Compare text2num with the hand-written grammar on Dutch number words (speed, correctness).

Run: .venv/bin/python bench/numbers_words.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from text_to_num import text2num

from sahel_analysis.numbers import (  # noqa: E402
    TEENS,
    TENS,
    UNITS,
    words_to_int,
)

_UNIT_WORDS = {v: k for k, v in UNITS.items() if k in (
    "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")}


def dutch_word(n: int) -> str:
    """Dutch spelling of 1..999 (``drieëntwintig``, ``tweehonderdvijftig``)."""
    hundreds, rest = divmod(n, 100)
    head = "" if hundreds == 0 else _UNIT_WORDS[hundreds] + "honderd"
    if hundreds == 1:
        head = "honderd"
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = _UNIT_WORDS[rest]
    elif rest < 20:
        tail = {v: k for k, v in TEENS.items()}[rest]
    else:
        tens, unit = divmod(rest, 10)
        tens_word = {v: k for k, v in TENS.items()}[tens * 10]
        if unit == 0:
            tail = tens_word
        else:
            u = _UNIT_WORDS[unit]
            tail = u + ("ën" if u.endswith("e") else "en") + tens_word
    return head + tail


COMMON = [
    ("één", 1), ("duizend", 1000), ("tweeduizend", 2000), ("tienduizend", 10000),
    ("vijfhonderdduizend", 500000), ("anderhalf", 1.5), ("nul", 0), ("elf", 11),
    ("twaalfhonderd", 1200), ("drieduizendvijfhonderd", 3500), ("honderdduizend", 100000),
    ("tweeënveertig", 42), ("eenentwintig", 21), ("achttien", 18), ("veertig", 40),
]


def cases() -> list[tuple[str, float | None]]:
    return [(dutch_word(n), n) for n in range(1, 1000)] + COMMON


def _t2n(word: str) -> float | None:
    try:
        return text2num(word, "nl")
    except ValueError:
        return None


def measure(fn, items, passes: int = 2000) -> tuple[int, float]:
    correct = sum(1 for w, v in items if fn(w) == v)
    t0 = time.perf_counter()
    for _ in range(passes):
        for w, _v in items:
            fn(w)
    per_word = (time.perf_counter() - t0) / (passes * len(items))
    return correct, per_word * 1e6


def main() -> None:
    items = cases()
    uncached = words_to_int.__wrapped__
    for name, fn, passes in (
        ("grammar (cached)", words_to_int, 2000),
        ("grammar (uncached)", uncached, 200),
        ("text2num", _t2n, 200),
    ):
        correct, us = measure(fn, items, passes)
        print(f"{name:20s} {correct}/{len(items)} correct  {us:6.2f} µs/word")
    wrong = [(w, v, _t2n(w)) for w, v in items if _t2n(w) != v]
    print("text2num wrong:", wrong[:10])
    wrong = [(w, v, uncached(w)) for w, v in items if uncached(w) != v]
    print("grammar wrong:", wrong[:10])


if __name__ == "__main__":
    main()
