"""What one pass over the text costs in CPython: the floor under the build's speed.

The build reads every document once, cleans it, and then makes a handful of whole-document
passes that every fact rule shares (sentences, gazetteer names, dates). This prints the
CPU throughput (MB/s on one core) of each such pass alone, of reference passes that do no
parsing at all (touch every word once in Python), and of the sum of the build's shared passes,
which no rule-level tuning can beat. Figures only, no assertions.

    .venv/bin/python bench/passes.py [--size 10MB] [--keep DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

_WORD = re.compile(r"\w+")


def _rate(label: str, mb: float, items: list, fn: Callable, repeat: int = 3) -> float:
    """Best-of-``repeat`` CPU seconds of ``fn`` over ``items``; prints MB/s; returns seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - t0)
    print(f"  {label:52s} {best:7.3f} s  {mb / best:8.1f} MB/s")
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="10MB")
    ap.add_argument("--keep", help="folder for the corpus (kept and reused)")
    args = ap.parse_args()

    from sahel_analysis.dates import find_dates
    from sahel_analysis.documents import read_documents
    from sahel_analysis.numbers import find_numbers
    from sahel_analysis.sentences import split_sentences
    from sahel_analysis.vocab import find_entities

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sahel-passes-"))
    corpus = base / f"corpus-{args.size}-seed1"
    synth.generate(synth.parse_size(args.size), corpus, seed=1)
    files = sorted(corpus.rglob("*.txt"))
    raw = [f.read_text("utf-8") for f in files]
    mb = sum(f.stat().st_size for f in files) / 1e6
    docs = [d for f in files for d in read_documents(f)]
    texts = [d.text for d in docs]
    print(f"{len(files)} files, {mb:.1f} MB, {len(docs)} documents; CPU time, best of 3, one core")

    print("reference passes (no parsing):")
    _rate("read and decode the files", mb, files, lambda f: f.read_text("utf-8"))
    _rate("casefold", mb, raw, str.casefold)
    _rate("regex \\w+ over the text (findall)", mb, raw, _WORD.findall)
    _rate("touch every word once in Python (finditer, tuple)", mb, raw,
          lambda t: [(m.start(), m.end(), m.group()) for m in _WORD.finditer(t)])

    print("the build's shared passes, each once per document:")
    shared = 0.0
    shared += _rate("read + clean + split + describe (read_documents)", mb, files, read_documents)
    shared += _rate("sentences (split_sentences)", mb, texts, split_sentences)
    shared += _rate("gazetteer names (find_entities)", mb, texts, find_entities)
    shared += _rate("dates (find_dates)", mb, docs, lambda d: find_dates(d.text, d.ref_date))
    print(f"  {'sum of the shared passes (the floor of this design)':52s} {shared:7.3f} s  "
          f"{mb / shared:8.1f} MB/s")
    print("for scale (the build runs it only on sentences with a word for people or money):")
    _rate("numbers over the whole text (find_numbers)", mb, texts, find_numbers)
    if not args.keep:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
