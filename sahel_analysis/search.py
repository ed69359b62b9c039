"""Search the corpus: the sentences that hold a word or pattern, with their document and facts.

The clean texts come from the build folder's ``texts.parquet`` (columns file, part, text), the
same text in which the facts' ``start``/``end`` spans point.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from . import tables
from .errors import UserError
from .read.limits import LIMITS
from .sentences import split_sentences

COLUMNS = ["file", "part", "date", "title", "url", "start", "end", "sentence", "facts"]
FACT_TABLES = ("contributions", "budgets", "events")


def _compile(pattern: str, regex: bool) -> re.Pattern[str]:
    if not pattern or not pattern.strip():
        raise UserError("give a word or pattern to search for")
    if len(pattern) > LIMITS.max_pattern_chars:
        raise UserError(f"the pattern is {len(pattern):,} characters, over the limit of {LIMITS.max_pattern_chars:,}")
    if regex:
        try:
            return re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise UserError(f"bad regular expression {pattern!r}: {exc}") from None
    words = r"\s+".join(re.escape(w) for w in pattern.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _fact_label(table: str, row: pd.Series) -> str:
    if table == "contributions":
        return (f"contribution: {row['contributor']} {row['mission']} {row['component']} "
                f"{row['qualifier']} {row['personnel']}")
    if table == "budgets":
        return f"budget: {row['funder']} -> {row['recipient']} {row['amount']:,.0f} {row['currency']}"
    return f"event: {row['event_type']} {row['date_start']}..{row['date_end']} {row['summary']}"


def _facts_by_doc(data: dict[str, pd.DataFrame]) -> dict[tuple, list[tuple[int, int, str]]]:
    out: dict[tuple, list[tuple[int, int, str]]] = {}
    for table in FACT_TABLES:
        df = data[table]
        df = df[df["start"].notna() & df["end"].notna()]
        for _, row in df.iterrows():
            key = (row["file"], int(row["part"]) if pd.notna(row["part"]) else 1)
            out.setdefault(key, []).append((int(row["start"]), int(row["end"]),
                                            _fact_label(table, row)))
    return out


def load_texts(data_dir: Path) -> pd.DataFrame:
    """The clean texts of a build folder (file, part, text); a clear error where missing."""
    path = Path(data_dir) / "texts.parquet"
    if not path.exists():
        raise UserError(f"no texts.parquet in {data_dir}; run 'sahel-analysis build' first")
    return tables.read_table(path)


def search(pattern: str, data_dir: Path, regex: bool = False) -> pd.DataFrame:
    """Sentences of the corpus that match ``pattern`` (a word or phrase, or a regex).

    One row per matching sentence: file, part, document date, title and address (``url``, where
    the sources manifest or the page gives one), the sentence's span
    in the clean text, the sentence, and the facts whose quotes overlap it ("; "-separated).
    Matching ignores case; a plain pattern matches whole words.
    """
    rx = _compile(pattern, regex)
    with _time_limit(LIMITS.max_search_seconds, pattern):
        return _search(rx, data_dir)


class _SearchTimeout(Exception):
    """The search ran past its time limit."""


@contextmanager
def _time_limit(seconds: float, pattern: str) -> Iterator[None]:
    """A UserError after ``seconds`` (a pattern that backtracks without end); only in the main
    thread, where signals arrive."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(_signum, _frame):  # noqa: ANN001 - a signal handler
        raise _SearchTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _SearchTimeout:
        raise UserError(f"the search for {pattern[:60]!r} took over {seconds:g} s and was stopped: simplify the "
                        "pattern (nested repeats such as (a+)+ backtrack without end), or raise "
                        "SAHEL_SEARCH_SECONDS") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _search(rx: re.Pattern[str], data_dir: Path) -> pd.DataFrame:
    texts = load_texts(data_dir)
    data = tables.load(data_dir)
    docs = data["documents"].drop_duplicates(["file", "part"]).set_index(["file", "part"])
    first = data["documents"].drop_duplicates("file").set_index("file")
    facts = _facts_by_doc(data)
    rows = []
    for rec in texts.itertuples(index=False):
        text = rec.text if isinstance(rec.text, str) else ""
        if not rx.search(text):
            continue
        part = int(rec.part) if pd.notna(rec.part) else 1
        key = (rec.file, part)
        meta = (docs.loc[key] if key in docs.index
                else first.loc[rec.file] if rec.file in first.index else None)
        for start, end in split_sentences(text):
            sentence = text[start:end]
            if not rx.search(sentence):
                continue
            found = [lbl for s, e, lbl in facts.get(key, []) if s < end and e > start]
            rows.append({
                "file": rec.file, "part": part,
                "date": None if meta is None else meta["date"],
                "title": None if meta is None else meta["title"],
                "url": None if meta is None else meta["url"],
                "start": start, "end": end, "sentence": sentence,
                "facts": "; ".join(dict.fromkeys(found)),
            })
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.astype({"file": "string", "part": "Int64", "date": "string", "title": "string",
                       "url": "string", "start": "Int64", "end": "Int64", "sentence": "string",
                       "facts": "string"})
